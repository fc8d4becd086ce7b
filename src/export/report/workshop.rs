//! The report's workshop section: participation, divergent questions, time per domain
//! and the parking lot, from [`crate::workshop::report::section`].
//!
//! It is built from [`Block`]s with user text as plain text, so report.md and
//! report.html escape it like every other part of the report.

use super::{Block, Inline, text};
use crate::export::Report;
use crate::workshop::report::{WorkshopSection, section as workshop_data};
use crate::workshop::timebox::clock;

/// Whether the assessment holds workshop data (any vote on any answer).
pub fn has_votes(report: &Report<'_>) -> bool {
    report
        .assessment
        .answers
        .values()
        .any(|a| !a.votes.is_empty())
}

fn duration(seconds: u64) -> String {
    if seconds == 0 {
        "–".to_string()
    } else {
        clock(seconds)
    }
}

fn cell(s: impl Into<String>) -> Vec<Inline> {
    vec![text(s)]
}

/// The workshop section, or `None` when nobody voted.
pub fn section(report: &Report<'_>) -> Option<Vec<Block>> {
    let s: WorkshopSection = workshop_data(report.questionnaire, report.assessment)?;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut out = vec![
        Block::Heading {
            level: 2,
            text: "Workshop".into(),
            page_break: true,
        },
        Block::Para(vec![text(format!(
            "{} participant{} voted on {} of {} questions; {} result{} still to confirm; {} spent in total.",
            s.participation.len(),
            plural(s.participation.len()),
            s.questions_voted,
            s.questions_total,
            s.pending,
            plural(s.pending),
            duration(s.total_seconds),
        ))]),
        Block::Heading {
            level: 3,
            text: "Participation".into(),
            page_break: false,
        },
        Block::Table {
            head: vec!["Participant".into(), "Votes".into(), "Notes".into()],
            numeric: vec![false, true, true],
            rows: s
                .participation
                .iter()
                .map(|p| {
                    vec![
                        cell(&p.name),
                        cell(p.votes.to_string()),
                        cell(p.notes.to_string()),
                    ]
                })
                .collect(),
            wide: Some(0),
        },
        Block::Heading {
            level: 3,
            text: "Divergent questions".into(),
            page_break: false,
        },
    ];
    if s.divergent.is_empty() {
        out.push(Block::Note(
            "No question had votes 2 or more levels apart.".into(),
        ));
    } else {
        out.push(Block::Table {
            head: vec![
                "Question".into(),
                "Votes".into(),
                "Spread".into(),
                "Result".into(),
            ],
            numeric: vec![false, false, true, false],
            rows: s
                .divergent
                .iter()
                .map(|d| {
                    let result = match (d.result, d.pending) {
                        (None, _) => "unanswered".to_string(),
                        (Some(r), true) => format!("{r} (proposed, not confirmed)"),
                        (Some(r), false) => r.to_string(),
                    };
                    vec![
                        cell(format!("{} {}", d.id, d.text)),
                        cell(format!("{}–{}", d.min, d.max)),
                        cell(d.spread.to_string()),
                        cell(result),
                    ]
                })
                .collect(),
            wide: Some(0),
        });
    }
    out.push(Block::Heading {
        level: 3,
        text: "Time per domain".into(),
        page_break: false,
    });
    out.push(Block::Table {
        head: vec!["Domain".into(), "Time".into(), "Questions timed".into()],
        numeric: vec![false, true, true],
        rows: s
            .time_per_domain
            .iter()
            .map(|d| {
                vec![
                    cell(&d.title),
                    cell(duration(d.seconds)),
                    cell(d.questions_timed.to_string()),
                ]
            })
            .collect(),
        wide: Some(0),
    });
    out.push(Block::Heading {
        level: 3,
        text: "Parking lot".into(),
        page_break: false,
    });
    if s.parking_lot.is_empty() {
        out.push(Block::Note("No question was parked for follow-up.".into()));
    } else {
        out.push(Block::Table {
            head: vec!["Question".into(), "Reason".into()],
            numeric: vec![false, false],
            rows: s
                .parking_lot
                .iter()
                .map(|p| {
                    let reason = if p.reason.is_empty() {
                        "(no reason given)".to_string()
                    } else {
                        p.reason.clone()
                    };
                    vec![cell(format!("{} {}", p.id, p.text)), cell(reason)]
                })
                .collect(),
            wide: Some(0),
        });
    }
    Some(out)
}
