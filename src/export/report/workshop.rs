//! The report's workshop minutes: attendance, decisions with the votes by name,
//! overrides, participants' notes (private ones left out) and the parking lot with
//! owners; from [`crate::workshop::report::section`] and the answers.
//!
//! It is built from [`Block`]s with user text as plain text, so report.md and
//! report.html escape it like every other part of the report.

use super::{Block, Inline, Section, strong, text};
use crate::assessment::Vote;
use crate::export::Report;
use crate::workshop::report::{WorkshopSection, section as workshop_data};
use crate::workshop::timebox::clock;
use crate::workshop::{Consensus, question_stats};

/// Whether the assessment holds workshop data (any vote on any answer).
pub fn has_votes(report: &Report<'_>) -> bool {
    report
        .assessment
        .answers
        .values()
        .any(|a| !a.votes.is_empty())
}

fn cell(s: impl Into<String>) -> Vec<Inline> {
    vec![text(s)]
}

fn heading(s: &str) -> Block {
    Block::Heading {
        level: 3,
        text: s.into(),
        page_break: false,
    }
}

fn short(report: &Report<'_>, id: &str) -> String {
    super::content::question_label(report, id)
}

fn consensus(c: Option<Consensus>) -> String {
    c.map_or("unanswered".to_string(), |c| c.to_string())
}

/// The minutes, or `None` when nobody voted.
pub fn minutes(report: &Report<'_>) -> Option<Section> {
    if !has_votes(report) {
        return None;
    }
    let s: WorkshopSection = workshop_data(report.questionnaire, report.assessment)?;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut out = vec![Block::Para(vec![text(format!(
        "{} participant{} voted on {} of {} questions; {} result{} still to confirm{}.",
        s.participation.len(),
        plural(s.participation.len()),
        s.questions_voted,
        s.questions_total,
        s.pending,
        plural(s.pending),
        if s.total_seconds > 0 {
            format!("; {} spent in total", clock(s.total_seconds))
        } else {
            String::new()
        },
    ))])];

    out.push(heading("Attendance"));
    out.push(Block::Table {
        head: ["Participant", "Joined", "Left", "Votes", "Notes"]
            .map(String::from)
            .to_vec(),
        numeric: vec![false, false, false, true, true],
        rows: s
            .participation
            .iter()
            .map(|p| {
                let at = |t: Option<chrono::DateTime<chrono::FixedOffset>>| {
                    t.map_or("–".to_string(), |t| {
                        t.format("%Y-%m-%d %H:%M").to_string()
                    })
                };
                vec![
                    cell(&p.name),
                    cell(at(p.joined)),
                    // Without an attendance record (an older file) nothing is known.
                    cell(match (p.left, p.joined) {
                        (Some(t), _) => at(Some(t)),
                        (None, Some(_)) => "present to the end".to_string(),
                        (None, None) => "–".to_string(),
                    }),
                    cell(p.votes.to_string()),
                    cell(p.notes.to_string()),
                ]
            })
            .collect(),
        wide: Some(0),
    });

    let mut decisions = Vec::new();
    let mut overrides = Vec::new();
    let mut notes = Vec::new();
    let mut private = 0;
    for question in &report.questionnaire.questions {
        let Some(answer) = report.assessment.answer(&question.id) else {
            continue;
        };
        for note in &answer.participant_notes {
            if note.private {
                private += 1;
            } else if !note.text.trim().is_empty() {
                notes.push(vec![
                    strong(format!("{}, {}: ", note.by, short(report, &question.id))),
                    text(note.text.trim()),
                ]);
            }
        }
        if answer.votes.is_empty() {
            continue;
        }
        let stats = question_stats(report.assessment, question);
        let votes: Vec<String> = answer
            .votes
            .iter()
            .map(|(who, v)| match v {
                Vote::Level(l) => format!("{who} {l}"),
                Vote::NotApplicable(_) => format!("{who} N/A"),
            })
            .collect();
        let result = answer.result();
        // Files written before overrides were recorded: a confirmed result the votes
        // did not propose was one.
        let overridden = answer.consensus_override.is_some()
            || (result.is_some() && stats.proposal.is_some() && result != stats.proposal);
        let mut outcome = consensus(result);
        if answer.consensus_pending {
            outcome.push_str(" (proposed, not confirmed)");
        } else if overridden {
            outcome.push_str(&format!(
                " (override; votes proposed {})",
                consensus(stats.proposal)
            ));
            let recorded = answer
                .consensus_override
                .as_ref()
                .map(|o| o.reason.trim())
                .filter(|r| !r.is_empty());
            let note = answer.note.trim();
            overrides.push(vec![
                strong(short(report, &question.id)),
                text(format!(
                    ": set to {} where the votes proposed {}; {}",
                    consensus(result),
                    consensus(stats.proposal),
                    match (recorded, note.is_empty()) {
                        (Some(reason), _) => format!("reason: {reason}"),
                        (None, false) => format!("the answer's note: {note}"),
                        (None, true) => "no reason recorded".to_string(),
                    }
                )),
            ]);
        }
        decisions.push(vec![
            cell(short(report, &question.id)),
            cell(votes.join(", ")),
            cell(stats.spread.map_or("–".to_string(), |x| x.to_string())),
            cell(outcome),
        ]);
    }

    out.push(heading("Decisions"));
    out.push(Block::Table {
        head: ["Question", "Votes", "Spread", "Result"]
            .map(String::from)
            .to_vec(),
        numeric: vec![false, false, true, false],
        rows: decisions,
        wide: None,
    });

    out.push(heading("Overrides"));
    if overrides.is_empty() {
        out.push(Block::Note(
            "None: every confirmed result is the one the votes proposed.".into(),
        ));
    } else {
        out.push(Block::Bullets(overrides));
    }

    out.push(heading("Participants' notes"));
    if notes.is_empty() {
        out.push(Block::Note(
            "No note was attributed to a participant.".into(),
        ));
    } else {
        out.push(Block::Bullets(notes));
    }
    if private > 0 {
        out.push(Block::Note(format!(
            "{private} note{} marked private by the facilitator left out.",
            plural(private)
        )));
    }

    out.push(heading("Parking lot"));
    if s.parking_lot.is_empty() {
        out.push(Block::Note("No question was parked for follow-up.".into()));
    } else {
        out.push(Block::Table {
            head: ["Question", "Reason", "Owner", "Due"]
                .map(String::from)
                .to_vec(),
            numeric: vec![false, false, false, false],
            rows: s
                .parking_lot
                .iter()
                .map(|p| {
                    let reason = if p.reason.trim().is_empty() {
                        "(no reason given)".to_string()
                    } else {
                        p.reason.clone()
                    };
                    let plan_owner = report
                        .assessment
                        .plan
                        .get(&p.id)
                        .map(|e| e.owner.trim())
                        .filter(|o| !o.is_empty());
                    let owner = Some(p.owner.trim())
                        .filter(|o| !o.is_empty())
                        .or(plan_owner)
                        .unwrap_or("–");
                    let due = p.due.map_or("–".to_string(), |d| d.to_string());
                    vec![
                        cell(short(report, &p.id)),
                        cell(reason),
                        cell(owner),
                        cell(due),
                    ]
                })
                .collect(),
            wide: Some(1),
        });
    }

    if s.total_seconds > 0 {
        out.push(heading("Time per domain"));
        out.push(Block::Table {
            head: vec!["Domain".into(), "Time".into(), "Questions timed".into()],
            numeric: vec![false, true, true],
            rows: s
                .time_per_domain
                .iter()
                .filter(|d| d.seconds > 0)
                .map(|d| {
                    vec![
                        cell(&d.title),
                        cell(clock(d.seconds)),
                        cell(d.questions_timed.to_string()),
                    ]
                })
                .collect(),
            wide: Some(0),
        });
    }
    Some(Section {
        anchor: "workshop",
        title: Some("Workshop minutes".into()),
        new_page: true,
        blocks: out,
    })
}
