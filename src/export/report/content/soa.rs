//! The report's method-v2 parts: the findings that decide the verdict (its reasons)
//! and the Statement of Applicability, control by control.

use super::{Block, heading, strong, text};
use crate::assessment::Implementation;
use crate::export::Report;
use crate::locale;
use crate::scoring::ControlStatus;

/// How many reasons the executive summary lists before "and N more".
const REASONS_SHOWN: usize = 10;

/// The findings by grade and the reasons of the verdict, most severe first.
pub fn reasons(report: &Report<'_>, out: &mut Vec<Block>) {
    let r = &report.scores.readiness;
    let f = r.findings;
    out.push(Block::Para(vec![
        strong("Findings: "),
        text(format!(
            "{} major, {} minor, {} improvement{}.",
            f.major,
            f.minor,
            f.improvement,
            if f.improvement == 1 { "" } else { "s" }
        )),
    ]));
    if r.reasons.is_empty() {
        return;
    }
    out.push(heading(3, "Why this verdict", false));
    let mut items: Vec<Vec<super::Inline>> = r
        .reasons
        .iter()
        .take(REASONS_SHOWN)
        .map(|reason| {
            vec![
                strong(format!("{}: ", locale::severity(reason.severity))),
                text(reason.text.clone()),
            ]
        })
        .collect();
    if r.reasons.len() > REASONS_SHOWN {
        items.push(vec![text(format!(
            "and {} more (see the findings and the Statement of Applicability).",
            r.reasons.len() - REASONS_SHOWN
        ))]);
    }
    out.push(Block::Numbered(items));
}

/// The Statement of Applicability: a summary, then one table per control objective
/// and one for the organisation's additional controls (none without controls).
pub fn statement(report: &Report<'_>) -> Option<Vec<Block>> {
    let soa = report.scores.soa.as_ref()?;
    let mut blocks = Vec::new();
    let out = &mut blocks;
    out.push(Block::Para(vec![text(format!(
        "{} controls: {} included ({} implemented), {} excluded, {} without a decision. \
         An exclusion needs a justification; a control required by a mandatory clause cannot be excluded.",
        soa.controls.len(),
        soa.included,
        soa.implemented,
        soa.excluded,
        soa.undecided
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
        out.push(table(&rows));
    }
    let additional: Vec<&ControlStatus> = soa.controls.iter().filter(|c| c.additional).collect();
    if !additional.is_empty() {
        out.push(heading(3, "Additional controls", false));
        out.push(table(&additional));
    }
    Some(blocks)
}

fn table(rows: &[&ControlStatus]) -> Block {
    Block::Table {
        // Six columns: with a seventh (the finding, now beside the decision) the printed
        // columns would split words.
        head: [
            "Control",
            "Title",
            "Decision",
            "Justification",
            "Progress",
            "Owner",
        ]
        .map(String::from)
        .to_vec(),
        wide: Some(3),
        numeric: vec![false; 6],
        rows: rows
            .iter()
            .map(|c| {
                let implementation = match c.applicable {
                    Some(true) => locale::implementation(
                        c.implementation.unwrap_or(Implementation::NotStarted),
                    ),
                    _ => "–",
                };
                let dash = |s: &str| {
                    if s.trim().is_empty() {
                        "–".to_string()
                    } else {
                        s.to_string()
                    }
                };
                let mut decision = vec![text(locale::decision(c.applicable))];
                if let Some(f) = c.finding {
                    decision.push(strong(format!(" ({})", locale::severity(f).to_lowercase())));
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
