//! The report's workshop minutes: attendance, decisions with the votes by name,
//! overrides, participants' notes (private ones left out) and the parking lot with
//! owners; from [`crate::workshop::report::section`] and the answers.
//!
//! It is built from [`Block`]s with user text as plain text, so report.md and
//! report.html escape it like every other part of the report.

use super::content::day;
use super::{Block, Inline, Section, strong, text};
use crate::assessment::{Consensus, Vote};
use crate::export::Report;
use crate::locale::{Lang, ReportText as T};
use crate::workshop::question_stats;
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

fn consensus(lang: Lang, c: Option<Consensus>) -> String {
    match c {
        None => lang.t(T::Unanswered).to_string(),
        Some(Consensus::NotApplicable) => lang.t(T::NotApplicableShort).to_string(),
        Some(c) => c.to_string(),
    }
}

/// The text for `count` things in `lang` (French puts 0 in the singular).
fn plural(lang: Lang, count: usize, one: T, many: T) -> String {
    lang.f(
        if lang.plural(count, "1", "n") == "1" {
            one
        } else {
            many
        },
        &[("count", &count)],
    )
}

/// The minutes, or `None` when nobody voted.
pub fn minutes(report: &Report<'_>) -> Option<Section> {
    if !has_votes(report) {
        return None;
    }
    let s: WorkshopSection = workshop_data(report.questionnaire, report.assessment)?;
    let lang = report.lang;
    let voted = plural(lang, s.participation.len(), T::VotedOne, T::VotedMany)
        .replace("{voted}", &s.questions_voted.to_string())
        .replace("{total}", &s.questions_total.to_string());
    let mut out = vec![Block::Para(vec![text(format!(
        "{voted}{}{}.",
        plural(lang, s.pending, T::PendingOne, T::PendingMany),
        if s.total_seconds > 0 {
            lang.f(T::TimeSpent, &[("time", &clock(s.total_seconds))])
        } else {
            String::new()
        },
    ))])];

    out.push(heading(lang.t(T::Attendance)));
    out.push(Block::Table {
        head: [
            T::ColParticipant,
            T::ColJoined,
            T::ColLeft,
            T::ColVotes,
            T::ColNotes,
        ]
        .map(|t| lang.t(t).to_string())
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
                        (None, Some(_)) => lang.t(T::PresentToEnd).to_string(),
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
                    strong(lang.f(
                        T::Label,
                        &[(
                            "label",
                            &format!("{}, {}", note.by, short(report, &question.id)),
                        )],
                    )),
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
                Vote::NotApplicable(_) => format!("{who} {}", lang.t(T::NotApplicableShort)),
            })
            .collect();
        let result = answer.result();
        // Files written before overrides were recorded: a confirmed result the votes
        // did not propose was one.
        let overridden = answer.consensus_override.is_some()
            || (result.is_some() && stats.proposal.is_some() && result != stats.proposal);
        let mut outcome = consensus(lang, result);
        if answer.consensus_pending {
            outcome.push_str(lang.t(T::ProposedNotConfirmed));
        } else if overridden {
            outcome.push_str(&lang.f(
                T::OverrideMark,
                &[("proposal", &consensus(lang, stats.proposal))],
            ));
            let recorded = answer
                .consensus_override
                .as_ref()
                .map(|o| o.reason.trim())
                .filter(|r| !r.is_empty());
            let note = answer.note.trim();
            overrides.push(vec![
                strong(short(report, &question.id)),
                text(lang.f(
                    T::OverrideLine,
                    &[
                        ("result", &consensus(lang, result)),
                        ("proposal", &consensus(lang, stats.proposal)),
                        (
                            "reason",
                            &match (recorded, note.is_empty()) {
                                (Some(reason), _) => {
                                    lang.f(T::OverrideReason, &[("reason", &reason)])
                                }
                                (None, false) => lang.f(T::AnswerNote, &[("note", &note)]),
                                (None, true) => lang.t(T::NoReasonRecorded).to_string(),
                            },
                        ),
                    ],
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

    out.push(heading(lang.t(T::Decisions)));
    out.push(Block::Table {
        head: [T::ColQuestion, T::ColVotes, T::ColSpread, T::ColResult]
            .map(|t| lang.t(t).to_string())
            .to_vec(),
        numeric: vec![false, false, true, false],
        rows: decisions,
        wide: None,
    });

    out.push(heading(lang.t(T::Overrides)));
    if overrides.is_empty() {
        out.push(Block::Note(lang.t(T::NoOverride).into()));
    } else {
        out.push(Block::Bullets(overrides));
    }

    out.push(heading(lang.t(T::ParticipantNotes)));
    if notes.is_empty() {
        out.push(Block::Note(lang.t(T::NoParticipantNote).into()));
    } else {
        out.push(Block::Bullets(notes));
    }
    if private > 0 {
        out.push(Block::Note(plural(
            lang,
            private,
            T::PrivateNotesOne,
            T::PrivateNotesMany,
        )));
    }

    out.push(heading(lang.t(T::ParkingLot)));
    if s.parking_lot.is_empty() {
        out.push(Block::Note(lang.t(T::NothingParked).into()));
    } else {
        out.push(Block::Table {
            head: [T::ColQuestion, T::ColReason, T::ColOwner, T::ColDue]
                .map(|t| lang.t(t).to_string())
                .to_vec(),
            numeric: vec![false, false, false, false],
            rows: s
                .parking_lot
                .iter()
                .map(|p| {
                    let reason = if p.reason.trim().is_empty() {
                        lang.t(T::NoReasonGiven).to_string()
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
                    let due = p.due.map_or("–".to_string(), |d| day(lang, d));
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
        out.push(heading(lang.t(T::TimePerDomain)));
        out.push(Block::Table {
            head: [T::ColDomain, T::ColTime, T::ColQuestionsTimed]
                .map(|t| lang.t(t).to_string())
                .to_vec(),
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
        title: Some(lang.t(T::SectionWorkshop).into()),
        new_page: true,
        blocks: out,
    })
}
