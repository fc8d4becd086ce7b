//! Findings graded as a certification auditor would (SPEC.md, method version 2): from
//! critical questions, from the Statement of Applicability, and the verdict's reasons.

use serde::Serialize;

use super::{DomainScore, QuestionScore};
use crate::assessment::{Assessment, ControlDecision, Implementation};
use crate::questionnaire::Questionnaire;

/// How serious a finding is, most severe first (the derived order sorts that way).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A likely major nonconformity: certification cannot proceed.
    Major,
    /// A likely minor nonconformity.
    Minor,
    /// An opportunity for improvement.
    Improvement,
}

impl Severity {
    /// The name used in JSON (`major`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Major => "major",
            Severity::Minor => "minor",
            Severity::Improvement => "improvement",
        }
    }

    /// All grades, most severe first.
    pub const ALL: [Severity; 3] = [Severity::Major, Severity::Minor, Severity::Improvement];
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A question's level.
    Question,
    /// The Statement of Applicability as a whole.
    Soa,
    /// One control's decision or implementation.
    Control,
    /// A domain scored below the threshold (decides "nearly ready", not a finding).
    Domain,
}

/// Why a finding was raised, as data (the locale words it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// A question at `level` against the readiness threshold.
    Level {
        /// The effective level.
        level: u8,
        /// The readiness threshold.
        threshold: u8,
        /// Whether the question is critical.
        critical: bool,
    },
    /// `undecided` controls have no decision.
    SoaIncomplete {
        /// How many.
        undecided: usize,
    },
    /// An excluded control without a justification.
    ExcludedWithoutJustification,
    /// An excluded control that may not be excluded.
    NotExcludable,
    /// An included control at this implementation (none: not given).
    Implementation(Option<Implementation>),
    /// A domain scored below the threshold.
    DomainBelow {
        /// Tenths of the domain score (kept whole so the cause stays `Eq`).
        score_tenths: u32,
        /// The readiness threshold.
        threshold: u8,
    },
}

/// One finding (or, for a domain, one reason for the verdict).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// How serious.
    pub severity: Severity,
    /// What it is about.
    pub kind: FindingKind,
    /// The question, control or domain id (`soa` for the whole statement).
    pub id: String,
    /// What is wrong, for people.
    pub text: String,
    /// Why, as data.
    #[serde(skip)]
    pub cause: Cause,
}

impl Reason {
    fn new(severity: Severity, kind: FindingKind, id: &str, cause: Cause) -> Self {
        Reason {
            severity,
            kind,
            id: id.to_string(),
            text: crate::locale::finding(id, cause),
            cause,
        }
    }
}

/// The number of findings of each grade.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FindingCounts {
    /// Major findings.
    pub major: usize,
    /// Minor findings.
    pub minor: usize,
    /// Opportunities for improvement.
    pub improvement: usize,
}

impl FindingCounts {
    /// The count of one grade.
    pub fn of(&self, severity: Severity) -> usize {
        match severity {
            Severity::Major => self.major,
            Severity::Minor => self.minor,
            Severity::Improvement => self.improvement,
        }
    }
}

/// One control of the Statement of Applicability as the results show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlStatus {
    /// Control id.
    pub id: String,
    /// Its control objective (none for an additional control).
    pub objective: Option<String>,
    /// Short title.
    pub title: String,
    /// Included, excluded, or undecided (null).
    pub applicable: Option<bool>,
    /// The justification recorded.
    pub justification: String,
    /// How far it is implemented (null: not given).
    pub implementation: Option<Implementation>,
    /// Its owner.
    pub owner: String,
    /// The question that assesses it (none for an additional control).
    pub question: Option<String>,
    /// Whether the organisation added it (not from the questionnaire).
    pub additional: bool,
    /// Where an additional control comes from.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The most severe finding on the control, if any.
    pub finding: Option<Severity>,
    /// Evidence register items.
    pub evidence_refs: Vec<String>,
}

/// The Statement of Applicability in numbers, with every control.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SoaSummary {
    /// Controls included.
    pub included: usize,
    /// Controls excluded.
    pub excluded: usize,
    /// Controls without a decision.
    pub undecided: usize,
    /// Included controls fully implemented.
    pub implemented: usize,
    /// Every control: the questionnaire's, then the additional ones.
    pub controls: Vec<ControlStatus>,
}

/// The grade of a question's level (`None` when it does not score or meets the threshold).
pub fn question_finding(critical: bool, level: Option<u8>, threshold: u8) -> Option<Severity> {
    let (level, t) = (i16::from(level?), i16::from(threshold));
    match (critical, level) {
        (true, l) if l <= t - 2 => Some(Severity::Major),
        (true, l) if l == t - 1 => Some(Severity::Minor),
        (false, l) if l < t => Some(Severity::Improvement),
        _ => None,
    }
}

/// The findings on one control's decision, most severe first.
pub fn control_findings(
    decision: Option<&ControlDecision>,
    excludable: bool,
) -> Vec<(Severity, Cause)> {
    let Some(d) = decision else { return Vec::new() };
    match d.applicable {
        None => Vec::new(),
        Some(false) => {
            let mut out = Vec::new();
            if d.justification.trim().is_empty() {
                out.push((Severity::Major, Cause::ExcludedWithoutJustification));
            }
            if !excludable {
                out.push((Severity::Major, Cause::NotExcludable));
            }
            out
        }
        Some(true) => match d.implementation {
            None | Some(Implementation::NotStarted) => {
                vec![(Severity::Major, Cause::Implementation(d.implementation))]
            }
            Some(i @ (Implementation::Planned | Implementation::Partial)) => {
                vec![(Severity::Minor, Cause::Implementation(Some(i)))]
            }
            Some(Implementation::Implemented) => Vec::new(),
        },
    }
}

/// The Statement of Applicability's summary and findings (none when the questionnaire
/// defines no controls).
pub(super) fn soa(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
) -> Option<(SoaSummary, Vec<Reason>)> {
    if questionnaire.controls.is_empty() {
        return None;
    }
    let mut controls = Vec::new();
    let mut reasons = Vec::new();
    let mut status = |id: &str, decision: Option<&ControlDecision>, excludable: bool| {
        let found = control_findings(decision, excludable);
        for &(severity, cause) in &found {
            reasons.push(Reason::new(severity, FindingKind::Control, id, cause));
        }
        found.first().map(|f| f.0)
    };
    for c in &questionnaire.controls {
        let d = assessment.decision(&c.id);
        let finding = status(&c.id, d, c.excludable);
        controls.push(ControlStatus {
            id: c.id.clone(),
            objective: Some(c.objective.clone()),
            title: c.title.clone(),
            question: Some(c.question.clone()),
            additional: false,
            source: String::new(),
            finding,
            ..control_status(d)
        });
    }
    for a in &assessment.additional_controls {
        let finding = status(&a.id, Some(&a.decision), true);
        controls.push(ControlStatus {
            id: a.id.clone(),
            objective: None,
            title: a.title.clone(),
            question: None,
            additional: true,
            source: a.source.clone(),
            finding,
            ..control_status(Some(&a.decision))
        });
    }
    let count = |f: fn(&ControlStatus) -> bool| controls.iter().filter(|c| f(c)).count();
    let summary = SoaSummary {
        included: count(|c| c.applicable == Some(true)),
        excluded: count(|c| c.applicable == Some(false)),
        undecided: count(|c| c.applicable.is_none()),
        implemented: count(|c| {
            c.applicable == Some(true) && c.implementation == Some(Implementation::Implemented)
        }),
        controls,
    };
    if summary.undecided > 0 {
        let cause = Cause::SoaIncomplete {
            undecided: summary.undecided,
        };
        reasons.insert(
            0,
            Reason::new(Severity::Major, FindingKind::Soa, "soa", cause),
        );
    }
    Some((summary, reasons))
}

fn control_status(d: Option<&ControlDecision>) -> ControlStatus {
    ControlStatus {
        id: String::new(),
        objective: None,
        title: String::new(),
        applicable: d.and_then(|d| d.applicable),
        justification: d.map(|d| d.justification.clone()).unwrap_or_default(),
        implementation: d.and_then(|d| d.implementation),
        owner: d.map(|d| d.owner.clone()).unwrap_or_default(),
        question: None,
        additional: false,
        source: String::new(),
        finding: None,
        evidence_refs: d.map(|d| d.evidence_refs.clone()).unwrap_or_default(),
    }
}

/// Every finding of an assessment, most severe first: questions, then the statement,
/// then controls within a grade.
pub(super) fn all(
    questions: &[QuestionScore],
    threshold: u8,
    critical: impl Fn(&str) -> bool,
    soa: Vec<Reason>,
) -> Vec<Reason> {
    let mut out: Vec<Reason> = questions
        .iter()
        .filter_map(|q| {
            let severity = q.finding?;
            let cause = Cause::Level {
                level: q.level?,
                threshold,
                critical: critical(&q.id),
            };
            Some(Reason::new(severity, FindingKind::Question, &q.id, cause))
        })
        .collect();
    out.extend(soa);
    out.sort_by_key(|r| r.severity);
    out
}

/// The domains scored below the threshold, as reasons for "nearly ready".
pub(super) fn domains_below(domains: &[DomainScore], threshold: u8) -> Vec<Reason> {
    domains
        .iter()
        .filter_map(|d| {
            let s = d.score.filter(|s| *s < f64::from(threshold))?;
            // Rounded as every screen and report shows the score (2.55 reads 2.6), except
            // where that would reach the threshold: 2.96 is "2.9, below 3", not "3.0".
            // A score is 1.0–5.0, so its tenths fit a u32.
            let rounded = (s * 10.0).round();
            let tenths = if rounded >= f64::from(threshold) * 10.0 {
                (s * 10.0).floor()
            } else {
                rounded
            };
            let score_tenths = tenths.clamp(0.0, 100.0) as u32;
            let cause = Cause::DomainBelow {
                score_tenths,
                threshold,
            };
            let mut reason = Reason::new(Severity::Minor, FindingKind::Domain, &d.id, cause);
            // People know a domain by its title.
            reason.text = crate::locale::finding(&d.title, cause);
            Some(reason)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn domain(score: f64) -> DomainScore {
        DomainScore {
            id: "ctx".into(),
            title: "Context".into(),
            score: Some(score),
            level: None,
            target: 3,
            gap: None,
            answered: 1,
            not_applicable: 0,
            total: 1,
        }
    }

    fn tenths(score: f64) -> Option<u32> {
        match domains_below(&[domain(score)], 3).first()?.cause {
            Cause::DomainBelow { score_tenths, .. } => Some(score_tenths),
            _ => None,
        }
    }

    #[test]
    fn a_domain_below_reads_its_score_as_the_screens_round_it() {
        // Half away from zero, like every score shown (2.55 reads 2.6)…
        assert_eq!(tenths(2.55), Some(26));
        assert_eq!(tenths(2.54), Some(25));
        assert_eq!(tenths(1.0), Some(10));
        // …except where rounding would reach the threshold it is said to be below.
        assert_eq!(tenths(2.96), Some(29));
        assert_eq!(tenths(3.0), None);
    }
}
