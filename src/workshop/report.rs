//! The report's workshop section: what the data is ([`section`]). Pure; the export
//! module lays it out in report.md and report.html alike.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

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
    /// When they joined (none in files older than attendance).
    pub joined: Option<DateTime<FixedOffset>>,
    /// When they left the room (none: present to the end).
    pub left: Option<DateTime<FixedOffset>>,
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
        .map(|name| {
            let record = super::attendance::attendance(a, name);
            Participation {
                name: name.clone(),
                votes: 0,
                notes: 0,
                joined: record.joined,
                left: record.left,
            }
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
                joined: None,
                left: None,
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
