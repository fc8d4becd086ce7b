//! Workshop facilitation (pure, no I/O): participants, votes, the proposed consensus,
//! confirmation or override, the parking lot and the discussion agenda.
//!
//! The timebox and session pace are in [`timebox`]; the report's workshop section in
//! [`report`]; the parking lot and the discussion agenda are re-exported here. Every function that changes an assessment takes the clock (`now`) as an
//! argument, so callers (the TUI, `merge`) and tests decide what time it is.
//!
//! # How the consensus is proposed
//!
//! Each participant votes a level 1–5, or N/A. Let `L` be the level votes and `N` the
//! number of N/A votes.
//!
//! - If the question allows N/A and N/A votes are a strict majority (`N > |L|`), the
//!   proposal is N/A: excluding a control needs most of the room behind it, and a tie
//!   keeps the control in.
//! - Otherwise the proposal is the **lower median** of `L`: sorted ascending, the vote at
//!   position `(|L| − 1) / 2`. With an even count this is the lower of the two middle
//!   votes, so a readiness assessment never claims more maturity than half the room
//!   saw, and the proposal is always a level someone actually voted.
//! - N/A votes on a question that does not allow N/A are ignored for the proposal (they
//!   still show in the distribution). With no usable vote there is no proposal.
//!
//! The **spread** is max − min of the level votes; a question is **divergent** when the
//! spread is 2 or more.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

pub use crate::assessment::Consensus;
use crate::assessment::{AnswerError, Assessment, NaMarker, Vote};
use crate::locale::{ErrorText, Lang};
use crate::questionnaire::{LEVELS, Question, Questionnaire};

mod agenda;
pub mod attendance;
pub mod report;
pub mod timebox;

pub use agenda::{
    AgendaItem, AgendaReason, ParkedQuestion, agenda, follow_ups, park, parking_lot,
    set_parked_follow_up, unpark,
};

/// The spread (max − min of level votes) from which a question is divergent.
pub const DIVERGENT_SPREAD: u8 = 2;

/// Why a workshop change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkshopError {
    /// A participant needs a name.
    EmptyName,
    /// The name is taken.
    DuplicateName(String),
    /// No participant has this name.
    UnknownParticipant(String),
    /// The level is not on the scale.
    LevelOutOfRange(u8),
    /// N/A was chosen for a question that does not allow it.
    NotApplicableRefused(String),
    /// The participant left the room: their earlier votes stay, new ones are refused.
    HasLeft(String),
    /// There is nothing to confirm.
    NoProposal(String),
}

impl WorkshopError {
    /// The message in `lang`; `Display` prints it in English.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            WorkshopError::EmptyName => lang.t(ErrorText::EmptyName).to_string(),
            WorkshopError::DuplicateName(name) => {
                lang.f(ErrorText::DuplicateName, &[("name", name)])
            }
            WorkshopError::UnknownParticipant(name) => {
                lang.f(ErrorText::UnknownParticipant, &[("name", name)])
            }
            WorkshopError::LevelOutOfRange(level) => {
                lang.f(ErrorText::LevelOutOfRange, &[("level", level)])
            }
            WorkshopError::NotApplicableRefused(id) => {
                lang.f(ErrorText::NotApplicableRefused, &[("id", id)])
            }
            WorkshopError::HasLeft(name) => lang.f(ErrorText::HasLeft, &[("name", name)]),
            WorkshopError::NoProposal(id) => lang.f(ErrorText::NoProposal, &[("id", id)]),
        }
    }
}

impl std::fmt::Display for WorkshopError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl From<AnswerError> for WorkshopError {
    fn from(e: AnswerError) -> Self {
        match e {
            AnswerError::LevelOutOfRange(l) => WorkshopError::LevelOutOfRange(l),
            AnswerError::NotApplicableRefused(id) => WorkshopError::NotApplicableRefused(id),
        }
    }
}

// ---------------------------------------------------------------------------
// Participants
// ---------------------------------------------------------------------------

fn clean_name(name: &str) -> Result<String, WorkshopError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(WorkshopError::EmptyName);
    }
    Ok(name.to_string())
}

/// Adds a participant (name trimmed; names are unique, compared exactly).
pub fn add_participant(a: &mut Assessment, name: &str) -> Result<(), WorkshopError> {
    let name = clean_name(name)?;
    if a.participants.contains(&name) {
        return Err(WorkshopError::DuplicateName(name));
    }
    a.participants.push(name);
    Ok(())
}

/// Adds a participant who joins the workshop at `now` (the time goes to the minutes'
/// attendance).
pub fn join_participant(
    a: &mut Assessment,
    name: &str,
    now: DateTime<FixedOffset>,
) -> Result<(), WorkshopError> {
    add_participant(a, name)?;
    attendance::joined(a, name.trim(), now);
    a.meta.updated = now;
    Ok(())
}

/// Renames a participant, and with them their votes and attributed notes in every answer.
pub fn rename_participant(a: &mut Assessment, old: &str, new: &str) -> Result<(), WorkshopError> {
    let new = clean_name(new)?;
    let Some(pos) = a.participants.iter().position(|p| p == old) else {
        return Err(WorkshopError::UnknownParticipant(old.to_string()));
    };
    if new == old {
        return Ok(());
    }
    if a.participants.contains(&new) {
        return Err(WorkshopError::DuplicateName(new));
    }
    a.participants[pos] = new.clone();
    attendance::rename(a, old, &new);
    for answer in a.answers.values_mut() {
        if let Some(vote) = answer.votes.remove(old) {
            answer.votes.insert(new.clone(), vote);
        }
        for note in answer.participant_notes.iter_mut().filter(|n| n.by == old) {
            note.by = new.clone();
        }
    }
    Ok(())
}

/// Removes a participant added by mistake, and their votes (someone who leaves the
/// room keeps theirs: see [`attendance::leave`]). Where the answer was still a proposal
/// (unconfirmed), it is proposed again from the remaining votes. Their attributed notes
/// stay: what was said in the room remains part of the record.
pub fn remove_participant(
    a: &mut Assessment,
    questionnaire: &Questionnaire,
    name: &str,
    now: DateTime<FixedOffset>,
) -> Result<(), WorkshopError> {
    let Some(pos) = a.participants.iter().position(|p| p == name) else {
        return Err(WorkshopError::UnknownParticipant(name.to_string()));
    };
    a.participants.remove(pos);
    attendance::forget(a, name);
    for (id, answer) in &mut a.answers {
        if answer.votes.remove(name).is_some() && answer.consensus_pending {
            let allow_na = questionnaire.question(id).is_some_and(|q| q.allow_na);
            answer.propose_from_votes(allow_na, now);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Votes and statistics
// ---------------------------------------------------------------------------

/// The votes on one question, summarised for the room.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct VoteStats {
    /// How many voted each level: `distribution[0]` is level 1, `distribution[4]` level 5.
    pub distribution: [usize; LEVELS as usize],
    /// How many voted N/A.
    pub not_applicable: usize,
    /// The median of the level votes (the mean of the two middle votes for an even count).
    pub median: Option<f64>,
    /// The lower median of the level votes (the lower middle vote for an even count).
    pub lower_median: Option<u8>,
    /// The lowest level voted.
    pub min: Option<u8>,
    /// The highest level voted.
    pub max: Option<u8>,
    /// `max − min` of the level votes (0 with one level vote; none without).
    pub spread: Option<u8>,
    /// The spread is 2 or more: the room should discuss it.
    pub divergent: bool,
    /// The question allows N/A and the room is split between N/A and levels.
    pub applicability_disputed: bool,
    /// The proposed consensus (see the module documentation).
    pub proposal: Option<Consensus>,
}

impl VoteStats {
    /// The most votes any one answer (a level, or N/A) received: the histogram's scale.
    pub fn largest_count(&self) -> usize {
        self.distribution
            .iter()
            .copied()
            .chain([self.not_applicable])
            .max()
            .unwrap_or(0)
    }

    /// The length of the bar of an answer with `count` votes in a histogram `room`
    /// cells wide: `max_unit` cells a vote while the largest bar fits, otherwise in
    /// proportion to the largest count (so bars never all saturate at the width), and
    /// never zero for an answer that got votes.
    pub fn bar_length(&self, count: usize, room: usize, max_unit: usize) -> usize {
        let largest = self.largest_count().max(1);
        if count == 0 || room == 0 {
            return 0;
        }
        if largest <= room {
            let unit = (room / largest).clamp(1, max_unit.max(1));
            return count.saturating_mul(unit).min(room);
        }
        (count.saturating_mul(room) / largest).clamp(1, room)
    }

    /// How many level votes were cast.
    pub fn level_votes(&self) -> usize {
        self.distribution.iter().sum()
    }

    /// How many votes were cast, N/A included.
    pub fn total_votes(&self) -> usize {
        self.level_votes() + self.not_applicable
    }
}

/// Statistics of a set of votes; `allow_na` says whether N/A can be proposed.
pub fn vote_stats(votes: &BTreeMap<String, Vote>, allow_na: bool) -> VoteStats {
    let mut s = VoteStats::default();
    for vote in votes.values() {
        match vote {
            Vote::Level(l) if (1..=LEVELS).contains(l) => s.distribution[usize::from(*l - 1)] += 1,
            // Out-of-range levels are refused on load; never count them.
            Vote::Level(_) => {}
            Vote::NotApplicable(_) => s.not_applicable += 1,
        }
    }
    let n = s.level_votes();
    // The k-th smallest level vote (0-based), read off the distribution.
    let nth = |k: usize| -> Option<u8> {
        let mut seen = 0;
        for (i, count) in s.distribution.iter().enumerate() {
            seen += count;
            if seen > k {
                return u8::try_from(i + 1).ok();
            }
        }
        None
    };
    if n > 0 {
        let lower = nth((n - 1) / 2);
        let upper = nth(n / 2);
        s.lower_median = lower;
        s.median = lower
            .zip(upper)
            .map(|(a, b)| (f64::from(a) + f64::from(b)) / 2.0);
        s.min = nth(0);
        s.max = nth(n - 1);
        s.spread = s.min.zip(s.max).map(|(lo, hi)| hi - lo);
        s.divergent = s.spread.is_some_and(|sp| sp >= DIVERGENT_SPREAD);
    }
    s.applicability_disputed = allow_na && n > 0 && s.not_applicable > 0;
    s.proposal = if allow_na && s.not_applicable > n {
        Some(Consensus::NotApplicable)
    } else {
        s.lower_median.map(Consensus::Level)
    };
    s
}

/// Statistics of the votes on `question` in `a`.
pub fn question_stats(a: &Assessment, question: &Question) -> VoteStats {
    a.answer(&question.id)
        .map(|ans| vote_stats(&ans.votes, question.allow_na))
        .unwrap_or_default()
}

/// Records (or with `None` clears) one participant's vote. The answer then holds the
/// consensus proposed from all votes, marked unconfirmed (`consensus_pending`), until
/// the facilitator confirms or overrides it: a changed vote reopens a confirmed level.
/// An override stays as set (the room decided against the votes once; the facilitator
/// takes the new proposal with a confirmation). A participant who left cannot vote.
pub fn record_vote(
    a: &mut Assessment,
    question: &Question,
    participant: &str,
    vote: Option<Consensus>,
    now: DateTime<FixedOffset>,
) -> Result<(), WorkshopError> {
    if !a.participants.iter().any(|p| p == participant) {
        return Err(WorkshopError::UnknownParticipant(participant.to_string()));
    }
    if !attendance::is_present(a, participant) {
        return Err(WorkshopError::HasLeft(participant.to_string()));
    }
    if let Some(v) = vote {
        question.check_result(v)?;
    }
    let answer = a.answer_mut(&question.id);
    match vote {
        Some(Consensus::Level(l)) => answer.votes.insert(participant.to_string(), Vote::Level(l)),
        Some(Consensus::NotApplicable) => answer
            .votes
            .insert(participant.to_string(), Vote::NotApplicable(NaMarker::Na)),
        None => answer.votes.remove(participant),
    };
    if answer.consensus_override.is_some() {
        answer.updated = Some(now);
    } else {
        answer.propose_from_votes(question.allow_na, now);
    }
    a.meta.updated = now;
    Ok(())
}

/// Confirms the consensus proposed from the votes: it becomes the question's answer and
/// is no longer pending. Returns what was confirmed.
pub fn confirm_consensus(
    a: &mut Assessment,
    question: &Question,
    now: DateTime<FixedOffset>,
) -> Result<Consensus, WorkshopError> {
    let proposal = question_stats(a, question)
        .proposal
        .ok_or_else(|| WorkshopError::NoProposal(question.id.clone()))?;
    settle(a, question, proposal, None, now)?;
    Ok(proposal)
}

/// Sets the consensus to `consensus` instead of the proposal (the room decided
/// otherwise); the votes are kept as cast and the answer records the override, so the
/// minutes show it as one. Setting the level the votes propose is a plain confirmation.
pub fn override_consensus(
    a: &mut Assessment,
    question: &Question,
    consensus: Consensus,
    now: DateTime<FixedOffset>,
) -> Result<(), WorkshopError> {
    let proposal = question_stats(a, question).proposal;
    let overriding = (proposal != Some(consensus)).then(|| crate::assessment::ConsensusOverride {
        reason: String::new(),
        at: Some(now),
        extra: Default::default(),
    });
    settle(a, question, consensus, overriding, now)
}

fn settle(
    a: &mut Assessment,
    question: &Question,
    consensus: Consensus,
    overriding: Option<crate::assessment::ConsensusOverride>,
    now: DateTime<FixedOffset>,
) -> Result<(), WorkshopError> {
    question.check_result(consensus)?;
    let answer = a.answer_mut(&question.id);
    answer.set_result(Some(consensus), now);
    answer.consensus_pending = false;
    answer.consensus_override = overriding;
    a.meta.updated = now;
    Ok(())
}

/// Records why the room overrode the votes on `question` (empty text clears it). Does
/// nothing where the result is not an override.
pub fn set_override_reason(
    a: &mut Assessment,
    question: &str,
    reason: &str,
    now: DateTime<FixedOffset>,
) -> bool {
    let Some(o) = a
        .answers
        .get_mut(question)
        .and_then(|ans| ans.consensus_override.as_mut())
    else {
        return false;
    };
    o.reason = reason.trim().to_string();
    a.meta.updated = now;
    true
}

/// Attributes a note to a participant on a question (empty text is ignored).
pub fn add_participant_note(
    a: &mut Assessment,
    question: &str,
    participant: &str,
    text: &str,
    now: DateTime<FixedOffset>,
) -> Result<(), WorkshopError> {
    if !a.participants.iter().any(|p| p == participant) {
        return Err(WorkshopError::UnknownParticipant(participant.to_string()));
    }
    let text = text.trim();
    if text.is_empty() {
        return Ok(());
    }
    let answer = a.answer_mut(question);
    answer
        .participant_notes
        .push(crate::assessment::ParticipantNote {
            by: participant.to_string(),
            text: text.to_string(),
            private: false,
            extra: Default::default(),
        });
    answer.updated = Some(now);
    a.meta.updated = now;
    Ok(())
}
