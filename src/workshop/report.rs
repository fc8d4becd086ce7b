//! The report's workshop section: what the data is ([`section`]) and how it reads in
//! Markdown ([`render_markdown`]). Pure; the export module calls both.

use std::fmt::Write as _;

use serde::Serialize;

use super::timebox::clock;
use super::{Consensus, ParkedQuestion, parking_lot, question_stats};
use crate::assessment::Assessment;
use crate::questionnaire::Questionnaire;

/// One participant's part in the workshop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participation {
    /// The participant.
    pub name: String,
    /// Questions they voted on (N/A votes included).
    pub votes: usize,
    /// Notes attributed to them.
    pub notes: usize,
}

/// A question on which the votes spread 2 levels or more.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DivergentQuestion {
    /// Question id.
    pub id: String,
    /// The question.
    pub text: String,
    /// `max − min` of the level votes.
    pub spread: u8,
    /// Lowest level voted.
    pub min: u8,
    /// Highest level voted.
    pub max: u8,
    /// The level recorded (N/A, or none if unanswered).
    pub result: Option<Consensus>,
    /// The result is a proposal not yet confirmed.
    pub pending: bool,
}

/// Time spent per domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DomainTime {
    /// Domain id.
    pub domain: String,
    /// Domain title.
    pub title: String,
    /// Seconds spent on its questions.
    pub seconds: u64,
    /// Questions in the domain that were timed.
    pub questions_timed: usize,
}

/// Everything the workshop section of a report shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkshopSection {
    /// Participants in the order of the assessment, then anyone who voted without being
    /// listed (a hand-edited file).
    pub participation: Vec<Participation>,
    /// Questions with at least one vote.
    pub questions_voted: usize,
    /// Total questions.
    pub questions_total: usize,
    /// Results still awaiting confirmation.
    pub pending: usize,
    /// Divergent questions, widest spread first, then questionnaire order.
    pub divergent: Vec<DivergentQuestion>,
    /// Time per domain, in questionnaire order.
    pub time_per_domain: Vec<DomainTime>,
    /// Total seconds spent.
    pub total_seconds: u64,
    /// Flagged questions with their reasons.
    pub parking_lot: Vec<ParkedQuestion>,
}

/// The workshop section's data, or none when nobody has voted (then the report has no
/// workshop section).
pub fn section(questionnaire: &Questionnaire, a: &Assessment) -> Option<WorkshopSection> {
    let voted: Vec<_> = questionnaire
        .questions
        .iter()
        .filter(|q| a.answer(&q.id).is_some_and(|ans| !ans.votes.is_empty()))
        .collect();
    if voted.is_empty() {
        return None;
    }
    let mut participation: Vec<Participation> = a
        .participants
        .iter()
        .map(|name| Participation {
            name: name.clone(),
            votes: 0,
            notes: 0,
        })
        .collect();
    let mut index: std::collections::HashMap<String, usize> = participation
        .iter()
        .enumerate()
        .map(|(i, p)| (p.name.clone(), i))
        .collect();
    let mut slot = |name: &str, participation: &mut Vec<Participation>| -> usize {
        *index.entry(name.to_string()).or_insert_with(|| {
            participation.push(Participation {
                name: name.to_string(),
                votes: 0,
                notes: 0,
            });
            participation.len() - 1
        })
    };
    for q in &questionnaire.questions {
        let Some(answer) = a.answer(&q.id) else {
            continue;
        };
        for who in answer.votes.keys() {
            let i = slot(who, &mut participation);
            participation[i].votes += 1;
        }
        for note in &answer.participant_notes {
            let i = slot(&note.by, &mut participation);
            participation[i].notes += 1;
        }
    }

    let mut divergent: Vec<(usize, DivergentQuestion)> = Vec::new();
    let mut pending = 0;
    for (pos, q) in questionnaire.questions.iter().enumerate() {
        let Some(answer) = a.answer(&q.id) else {
            continue;
        };
        pending += usize::from(answer.consensus_pending);
        let stats = question_stats(a, q);
        if let (true, Some(spread), Some(min), Some(max)) =
            (stats.divergent, stats.spread, stats.min, stats.max)
        {
            let result = if answer.na {
                Some(Consensus::NotApplicable)
            } else {
                answer.level.map(Consensus::Level)
            };
            divergent.push((
                pos,
                DivergentQuestion {
                    id: q.id.clone(),
                    text: q.text.clone(),
                    spread,
                    min,
                    max,
                    result,
                    pending: answer.consensus_pending,
                },
            ));
        }
    }
    divergent.sort_by(|(pa, a), (pb, b)| b.spread.cmp(&a.spread).then(pa.cmp(pb)));

    let time_per_domain: Vec<DomainTime> = questionnaire
        .domains
        .iter()
        .map(|d| {
            let spent: Vec<u64> = questionnaire
                .questions_in(&d.id)
                .filter_map(|q| a.answer(&q.id).map(|ans| ans.seconds_spent))
                .filter(|s| *s > 0)
                .collect();
            DomainTime {
                domain: d.id.clone(),
                title: d.title.clone(),
                seconds: spent.iter().fold(0u64, |acc, s| acc.saturating_add(*s)),
                questions_timed: spent.len(),
            }
        })
        .collect();
    let total_seconds = time_per_domain
        .iter()
        .fold(0u64, |acc, d| acc.saturating_add(d.seconds));

    Some(WorkshopSection {
        participation,
        questions_voted: voted.len(),
        questions_total: questionnaire.questions.len(),
        pending,
        divergent: divergent.into_iter().map(|(_, d)| d).collect(),
        time_per_domain,
        total_seconds,
        parking_lot: parking_lot(questionnaire, a),
    })
}

/// User text made inert for one Markdown line or table cell: control characters and
/// line breaks become spaces, raw HTML is shown as text (`<` → `&lt;`), inline markup
/// (`* _ [ ] ` | ~ \`) is backslash-escaped, and a leading block marker (`#`, `>`, `-`,
/// `+`, `=`, `1.`) is escaped so the text cannot start a heading, quote or list.
pub fn escape_markdown(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if crate::text::is_unsafe(c) { ' ' } else { c })
        .collect();
    let flat = flat.trim();
    let mut out = String::with_capacity(flat.len() + 8);
    for c in flat.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    if out.starts_with(['#', '-', '+', '=']) {
        out.insert(0, '\\');
    } else {
        // An ordered-list marker: digits followed by `.` or `)`.
        let digits = out.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && out[digits..].starts_with(['.', ')']) {
            out.insert(digits, '\\');
        }
    }
    out
}

fn duration_words(seconds: u64) -> String {
    if seconds == 0 {
        "–".to_string()
    } else {
        clock(seconds)
    }
}

/// The workshop section as Markdown: a `## Workshop` heading and its tables. Every piece
/// of user text (names, notes, reasons, question text from a custom questionnaire) is
/// escaped with [`escape_markdown`].
pub fn render_markdown(section: &WorkshopSection) -> String {
    let mut md = String::new();
    // Writing into a String cannot fail.
    let _ = render_into(&mut md, section);
    md
}

fn render_into(md: &mut String, s: &WorkshopSection) -> std::fmt::Result {
    writeln!(md, "## Workshop\n")?;
    writeln!(
        md,
        "{} participant{} voted on {} of {} questions; {} result{} still to confirm; {} spent in total.\n",
        s.participation.len(),
        if s.participation.len() == 1 { "" } else { "s" },
        s.questions_voted,
        s.questions_total,
        s.pending,
        if s.pending == 1 { "" } else { "s" },
        duration_words(s.total_seconds),
    )?;

    writeln!(md, "### Participation\n")?;
    writeln!(md, "| Participant | Votes | Notes |")?;
    writeln!(md, "| --- | ---: | ---: |")?;
    for p in &s.participation {
        writeln!(
            md,
            "| {} | {} | {} |",
            escape_markdown(&p.name),
            p.votes,
            p.notes
        )?;
    }
    writeln!(md)?;

    writeln!(md, "### Divergent questions\n")?;
    if s.divergent.is_empty() {
        writeln!(md, "No question had votes 2 or more levels apart.\n")?;
    } else {
        writeln!(md, "| Question | Votes | Spread | Result |")?;
        writeln!(md, "| --- | --- | ---: | --- |")?;
        for d in &s.divergent {
            let result = match (d.result, d.pending) {
                (None, _) => "unanswered".to_string(),
                (Some(r), true) => format!("{r} (proposed, not confirmed)"),
                (Some(r), false) => r.to_string(),
            };
            writeln!(
                md,
                "| {} {} | {}–{} | {} | {} |",
                escape_markdown(&d.id),
                escape_markdown(&d.text),
                d.min,
                d.max,
                d.spread,
                result
            )?;
        }
        writeln!(md)?;
    }

    writeln!(md, "### Time per domain\n")?;
    writeln!(md, "| Domain | Time | Questions timed |")?;
    writeln!(md, "| --- | ---: | ---: |")?;
    for d in &s.time_per_domain {
        writeln!(
            md,
            "| {} | {} | {} |",
            escape_markdown(&d.title),
            duration_words(d.seconds),
            d.questions_timed
        )?;
    }
    writeln!(md)?;

    writeln!(md, "### Parking lot\n")?;
    if s.parking_lot.is_empty() {
        writeln!(md, "No question was parked for follow-up.")?;
    } else {
        writeln!(md, "| Question | Reason |")?;
        writeln!(md, "| --- | --- |")?;
        for p in &s.parking_lot {
            let reason = if p.reason.is_empty() {
                "(no reason given)".to_string()
            } else {
                escape_markdown(&p.reason)
            };
            writeln!(
                md,
                "| {} {} | {} |",
                escape_markdown(&p.id),
                escape_markdown(&p.text),
                reason
            )?;
        }
    }
    Ok(())
}
