//! The parking lot (questions flagged for follow-up) and the discussion agenda.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;

use super::{VoteStats, question_stats};
use crate::assessment::{Answer, Assessment};
use crate::questionnaire::Questionnaire;

/// Flags a question for follow-up with a reason (the parking lot).
pub fn park(a: &mut Assessment, question: &str, reason: &str, now: DateTime<FixedOffset>) {
    let answer = a.answer_mut(question);
    answer.flagged = true;
    answer.flag_reason = reason.trim().to_string();
    answer.updated = Some(now);
    a.meta.updated = now;
}

/// Sets who follows a parked question up and by when (an empty owner or no date
/// clears them).
pub fn set_parked_follow_up(
    a: &mut Assessment,
    question: &str,
    owner: &str,
    due: Option<NaiveDate>,
    now: DateTime<FixedOffset>,
) {
    let answer = a.answer_mut(question);
    answer.flag_owner = owner.trim().to_string();
    answer.flag_due = due;
    answer.updated = Some(now);
    a.meta.updated = now;
}

/// Takes a question out of the parking lot.
pub fn unpark(a: &mut Assessment, question: &str, now: DateTime<FixedOffset>) {
    if let Some(answer) = a.answers.get_mut(question) {
        answer.flagged = false;
        answer.flag_reason.clear();
        answer.flag_owner.clear();
        answer.flag_due = None;
        answer.updated = Some(now);
        a.meta.updated = now;
    }
}

/// A question in the parking lot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParkedQuestion {
    /// Question id.
    pub id: String,
    /// Domain id.
    pub domain: String,
    /// The question.
    pub text: String,
    /// Why it was parked (may be empty).
    pub reason: String,
    /// Who follows it up (may be empty).
    pub owner: String,
    /// When it is to be settled.
    pub due: Option<NaiveDate>,
}

/// The flagged questions, in questionnaire order.
pub fn parking_lot(questionnaire: &Questionnaire, a: &Assessment) -> Vec<ParkedQuestion> {
    questionnaire
        .questions
        .iter()
        .filter_map(|q| {
            let answer = a.answer(&q.id).filter(|ans| ans.flagged)?;
            Some(ParkedQuestion {
                id: q.id.clone(),
                domain: q.domain.clone(),
                text: q.text.clone(),
                reason: answer.flag_reason.clone(),
                owner: answer.flag_owner.clone(),
                due: answer.flag_due,
            })
        })
        .collect()
}

/// The parking lot as the roadmap's follow-ups: only in a workshop (an assessment with
/// participants); a flag in a solo assessment stays a reminder on the Overview.
pub fn follow_ups(questionnaire: &Questionnaire, a: &Assessment) -> Vec<ParkedQuestion> {
    if a.participants.is_empty() {
        return Vec::new();
    }
    let mut lot = parking_lot(questionnaire, a);
    // Without an owner of its own, the owner of the question's roadmap item takes it.
    for p in lot.iter_mut().filter(|p| p.owner.trim().is_empty()) {
        if let Some(plan) = a.plan.get(&p.id) {
            p.owner = plan.owner.trim().to_string();
        }
    }
    lot
}

/// Why a question is on the discussion agenda, in agenda order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgendaReason {
    /// Votes spread 2 levels or more.
    Divergent,
    /// Some voted N/A, others a level.
    ApplicabilityDisputed,
    /// A consensus is proposed but not confirmed.
    Pending,
    /// No answer and no usable vote.
    Unanswered,
}

impl AgendaReason {
    /// The reason in words.
    pub fn label(self) -> &'static str {
        match self {
            AgendaReason::Divergent => "divergent",
            AgendaReason::ApplicabilityDisputed => "N/A disputed",
            AgendaReason::Pending => "to confirm",
            AgendaReason::Unanswered => "unanswered",
        }
    }
}

/// One question to discuss.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaItem {
    /// Question id.
    pub question: String,
    /// Why it is on the agenda.
    pub reason: AgendaReason,
    /// Its votes.
    pub stats: VoteStats,
}

/// The questions still to settle: divergent ones first (largest spread first), then
/// disputed applicability, then proposals to confirm, then unanswered questions; within a
/// group, questionnaire order. Confirmed answers are not on the agenda.
pub fn agenda(questionnaire: &Questionnaire, a: &Assessment) -> Vec<AgendaItem> {
    let mut items: Vec<(usize, AgendaItem)> = Vec::new();
    for (pos, q) in questionnaire.questions.iter().enumerate() {
        let answer = a.answer(&q.id);
        let settled = answer.is_some_and(|ans| ans.is_answered() && !ans.consensus_pending);
        if settled {
            continue;
        }
        let stats = question_stats(a, q);
        let reason = if stats.divergent {
            AgendaReason::Divergent
        } else if stats.applicability_disputed {
            AgendaReason::ApplicabilityDisputed
        } else if answer.is_some_and(Answer::is_answered) {
            AgendaReason::Pending
        } else {
            AgendaReason::Unanswered
        };
        items.push((
            pos,
            AgendaItem {
                question: q.id.clone(),
                reason,
                stats,
            },
        ));
    }
    // Within the divergent group the widest spread comes first; elsewhere, question order.
    let spread = |i: &AgendaItem| (i.reason == AgendaReason::Divergent).then_some(i.stats.spread);
    items.sort_by(|(pa, a), (pb, b)| {
        a.reason
            .cmp(&b.reason)
            .then_with(|| spread(b).cmp(&spread(a)))
            .then(pa.cmp(pb))
    });
    items.into_iter().map(|(_, item)| item).collect()
}
