//! The findings section: what an auditor would raise, most severe first.
//!
//! Today the critical gaps (likely nonconformities) and the other gaps below target
//! (opportunities for improvement), with their ISO/IEC 42001 clauses and controls (the
//! other frameworks' references are in the appendix); with scoring method 2 the same section lists the
//! graded findings, major, minor and improvement, with claimed and evidenced levels.

use super::super::{Block, Section, text};
use super::{cells, heading, level_label, plural, question_label, reasons, section};
use crate::export::Report;
use crate::locale::ReportText as T;

/// A question's level, with the claim the evidence did not support kept visible:
/// "2 Managed (claimed 4)".
fn level_with_claim(report: &Report<'_>, question: &str, level: u8) -> String {
    let label = level_label(report, Some(level));
    match report
        .scores
        .question(question)
        .and_then(|q| q.claimed.zip(q.evidenced))
    {
        Some((claimed, evidenced)) if claimed > evidenced => report
            .lang
            .f(T::ClaimedLevel, &[("level", &label), ("claimed", &claimed)]),
        _ => label,
    }
}

pub(super) fn findings(report: &Report<'_>) -> Section {
    let q = report.questionnaire;
    let threshold = report.scores.readiness.threshold;
    let lang = report.lang;
    let mut out = Vec::new();
    let critical = reasons(report);
    out.push(heading(
        3,
        lang.f(T::CriticalGaps, &[("count", &critical.len())]),
        false,
    ));
    out.push(Block::Para(vec![text(
        lang.f(T::CriticalGapsIntro, &[("threshold", &threshold)]),
    )]));
    if critical.is_empty() {
        out.push(Block::Note(lang.t(T::NoneDot).into()));
    } else {
        out.push(Block::Table {
            head: [T::ColQuestion, T::ColClauses, T::ColLevel, T::ColMissing]
                .map(|t| lang.t(t).to_string())
                .to_vec(),
            // Two long columns: the browser shares the width between them.
            wide: None,
            numeric: vec![false, false, false, false],
            rows: critical
                .iter()
                .map(|i| {
                    let question = q.question(&i.question);
                    cells(vec![
                        question_label(report, &i.question),
                        question.map_or(String::new(), |x| x.refs.iso.join(", ")),
                        level_with_claim(report, &i.question, i.current),
                        question
                            .map_or("", |x| x.level_text(i.current.saturating_add(1)))
                            .to_string(),
                    ])
                })
                .collect(),
        });
    }
    let others: Vec<_> = report.roadmap.iter().filter(|i| !i.critical).collect();
    out.push(heading(
        3,
        lang.f(T::OtherGaps, &[("count", &others.len())]),
        false,
    ));
    out.push(Block::Para(vec![text(lang.f(
        plural(
            lang,
            others.len(),
            T::OtherGapsIntroOne,
            T::OtherGapsIntroMany,
        ),
        &[("count", &others.len())],
    ))]));
    if !others.is_empty() {
        out.push(Block::Table {
            head: [T::ColQuestion, T::ColClauses, T::ColLevel, T::ColTarget]
                .map(|t| lang.t(t).to_string())
                .to_vec(),
            wide: Some(0),
            numeric: vec![false, false, false, true],
            rows: others
                .iter()
                .map(|i| {
                    cells(vec![
                        question_label(report, &i.question),
                        q.question(&i.question)
                            .map_or(String::new(), |x| x.refs.iso.join(", ")),
                        level_label(report, Some(i.current)),
                        i.target.to_string(),
                    ])
                })
                .collect(),
        });
    }
    section("findings", lang.t(T::SectionFindings), true, out)
}
