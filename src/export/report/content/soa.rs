//! The report's method-v2 parts: the findings that decide the verdict (its reasons)
//! and the Statement of Applicability, control by control.

use super::{Block, heading, label, plural, strong, text};
use crate::assessment::Implementation;
use crate::export::Report;
use crate::locale::{Lang, ReportText as T};
use crate::scoring::ControlStatus;

/// How many reasons the executive summary lists before "and N more".
const REASONS_SHOWN: usize = 10;

/// The findings by grade and the reasons of the verdict, most severe first.
pub fn reasons(report: &Report<'_>, out: &mut Vec<Block>) {
    let r = &report.scores.readiness;
    let lang = report.lang;
    let f = r.findings;
    out.push(Block::Para(vec![
        strong(label(lang, lang.t(T::SectionFindings))),
        text(lang.f(
            plural(
                lang,
                f.improvement,
                T::FindingsCountOne,
                T::FindingsCountMany,
            ),
            &[
                ("major", &f.major),
                ("minor", &f.minor),
                ("improvement", &f.improvement),
            ],
        )),
    ]));
    if r.reasons.is_empty() {
        return;
    }
    out.push(heading(3, lang.t(T::WhyThisVerdict), false));
    let mut items: Vec<Vec<super::Inline>> = r
        .reasons
        .iter()
        .take(REASONS_SHOWN)
        .map(|reason| {
            vec![
                strong(label(lang, lang.severity(reason.severity))),
                text(super::reason_text(report, reason)),
            ]
        })
        .collect();
    if r.reasons.len() > REASONS_SHOWN {
        items.push(vec![text(lang.f(
            T::MoreSeeSoa,
            &[("count", &(r.reasons.len() - REASONS_SHOWN))],
        ))]);
    }
    out.push(Block::Numbered(items));
}

/// The Statement of Applicability: a summary, then one table per control objective
/// and one for the organisation's additional controls (none without controls).
pub fn statement(report: &Report<'_>) -> Option<Vec<Block>> {
    let soa = report.scores.soa.as_ref()?;
    let lang = report.lang;
    let mut blocks = Vec::new();
    let out = &mut blocks;
    out.push(Block::Para(vec![text(lang.f(
        T::SoaIntro,
        &[
            ("count", &soa.controls.len()),
            ("included", &soa.included),
            ("implemented", &soa.implemented),
            ("excluded", &soa.excluded),
            ("undecided", &soa.undecided),
        ],
    ))]));
    let q = report.questionnaire;
    for objective in &q.control_objectives {
        let rows: Vec<&ControlStatus> = soa
            .controls
            .iter()
            .filter(|c| c.objective.as_deref() == Some(objective.id.as_str()))
            .collect();
        if rows.is_empty() {
            continue;
        }
        out.push(heading(
            3,
            format!("{} {}", objective.id, objective.title),
            false,
        ));
        out.push(table(lang, &rows));
    }
    let additional: Vec<&ControlStatus> = soa.controls.iter().filter(|c| c.additional).collect();
    if !additional.is_empty() {
        out.push(heading(3, lang.t(T::AdditionalControls), false));
        out.push(table(lang, &additional));
    }
    Some(blocks)
}

fn table(lang: Lang, rows: &[&ControlStatus]) -> Block {
    Block::Table {
        // Six columns: with a seventh (the finding, now beside the decision) the printed
        // columns would split words.
        head: [
            T::ColControl,
            T::ColTitle,
            T::ColDecision,
            T::ColJustification,
            T::ColProgress,
            T::ColOwner,
        ]
        .map(|t| lang.t(t).to_string())
        .to_vec(),
        wide: Some(3),
        numeric: vec![false; 6],
        rows: rows
            .iter()
            .map(|c| {
                let implementation = match c.applicable {
                    Some(true) => {
                        lang.implementation(c.implementation.unwrap_or(Implementation::NotStarted))
                    }
                    _ => "–",
                };
                let dash = |s: &str| {
                    if s.trim().is_empty() {
                        "–".to_string()
                    } else {
                        s.to_string()
                    }
                };
                let mut decision = vec![text(lang.decision(c.applicable))];
                if let Some(f) = c.finding {
                    decision.push(strong(format!(" ({})", lang.severity(f).to_lowercase())));
                }
                vec![
                    vec![text(c.id.clone())],
                    vec![text(c.title.clone())],
                    decision,
                    vec![text(dash(&c.justification))],
                    vec![text(implementation)],
                    vec![text(dash(&c.owner))],
                ]
            })
            .collect(),
    }
}
