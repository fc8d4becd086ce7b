//! Words people read that more than one front-end shows (the terminal app, the command
//! line, the reports). The core hands out data (enums, numbers); this module words it,
//! so a second language is one more set of words here rather than a search through
//! every screen.

use crate::assessment::{CarriedOver, Implementation};
use crate::scoring::{Cause, Severity, SoaSummary, VerdictStatus};

/// A verdict for people: "Not ready", "Nearly ready (provisional)", "Not assessed yet".
pub fn verdict_status(status: VerdictStatus) -> String {
    match status {
        VerdictStatus::NotAssessed => "Not assessed yet".to_string(),
        VerdictStatus::Final(v) => v.label().to_string(),
        VerdictStatus::Provisional(v) => format!("{} (provisional)", v.label()),
    }
}

/// A finding in one line: "ctx-01 (Context): level 1, readiness needs 3 (critical)".
pub fn finding(id: &str, cause: Cause) -> String {
    match cause {
        Cause::Level {
            level,
            threshold,
            critical: true,
        } => format!("{id}: level {level}, readiness needs {threshold} (critical)"),
        Cause::Level {
            level, threshold, ..
        } => format!("{id}: level {level}, below {threshold}"),
        Cause::SoaIncomplete { undecided: 1 } => {
            "Statement of Applicability incomplete: 1 control has no decision".to_string()
        }
        Cause::SoaIncomplete { undecided } => {
            format!("Statement of Applicability incomplete: {undecided} controls have no decision")
        }
        Cause::ExcludedWithoutJustification => {
            format!("control {id} is excluded without a justification")
        }
        Cause::NotExcludable => {
            format!("control {id} is excluded, but a mandatory clause requires it")
        }
        Cause::Implementation(i) => format!(
            "control {id} is included and {}",
            implementation(i.unwrap_or(Implementation::NotStarted))
        ),
        Cause::DomainBelow {
            score_tenths,
            threshold,
        } => format!(
            "domain {id} scores {}.{}, below {threshold}",
            score_tenths / 10,
            score_tenths % 10
        ),
    }
}

/// An implementation state for people: "not started", "planned", …
pub fn implementation(i: Implementation) -> &'static str {
    match i {
        Implementation::NotStarted => "not started",
        Implementation::Planned => "planned",
        Implementation::Partial => "partial",
        Implementation::Implemented => "implemented",
    }
}

/// A grade for people: "Major", "Minor", "Improvement".
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Major => "Major",
        Severity::Minor => "Minor",
        Severity::Improvement => "Improvement",
    }
}

/// A control's decision for people: "included", "excluded", "undecided".
pub fn decision(applicable: Option<bool>) -> &'static str {
    match applicable {
        Some(true) => "included",
        Some(false) => "excluded",
        None => "undecided",
    }
}

/// The Statement of Applicability in one line.
pub fn soa_summary(soa: &SoaSummary) -> String {
    format!(
        "Statement of Applicability: {} included ({} implemented), {} excluded, {} undecided",
        soa.included, soa.implemented, soa.excluded, soa.undecided
    )
}

/// What opening did with N/A answers made before the Statement of Applicability, or
/// nothing when it did nothing.
pub fn carried_over(carried: &CarriedOver) -> Option<String> {
    let mut parts = Vec::new();
    if !carried.excluded.is_empty() {
        parts.push(format!(
            "N/A answers became exclusions of {} in the Statement of Applicability, with their notes as justification",
            carried.excluded.join(", ")
        ));
    }
    if !carried.left_undecided.is_empty() {
        parts.push(format!(
            "{} cannot be excluded (a mandatory clause requires {}) and {} a decision",
            carried.left_undecided.join(", "),
            if carried.left_undecided.len() == 1 {
                "it"
            } else {
                "them"
            },
            if carried.left_undecided.len() == 1 {
                "needs"
            } else {
                "need"
            },
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; ") + ".")
}

/// The roadmap action that finishes an included control: "Put A.6.2.8 Event logs in
/// place (now partial) and record its evidence".
pub fn control_action(id: &str, title: &str, now: Option<Implementation>) -> String {
    format!(
        "Put control {id} {title} fully in place (now {}) and record its evidence in the Statement of Applicability",
        implementation(now.unwrap_or(Implementation::NotStarted))
    )
}
