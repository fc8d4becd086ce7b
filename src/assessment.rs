//! The assessment: answers, votes, targets, plan and meta (pure data, no I/O).
//!
//! The field names are the public file contract of SPEC.md; fields this version does
//! not know are kept in `extra` maps and written back unchanged.

use crate::locale::ErrorText;
use crate::locale::Lang;
use crate::locale::{HomeworkText, Said};
use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::evidence::EvidenceItem;
use crate::questionnaire::{LEVELS, Question, Questionnaire};

mod soa;
pub use soa::{
    AdditionalControl, CarriedOver, ControlDecision, Implementation, SoaError, derived_na,
};

/// The assessment file format this program writes.
pub const FORMAT_VERSION: u32 = 1;

/// The most seconds a file may record for a timebox or for time spent on a question:
/// ten years, far above any workshop and far below what date arithmetic can hold.
pub const MAX_RECORDED_SECONDS: u64 = 315_576_000;

/// The years a date in an assessment may fall in. RFC 3339 allows years 0 to 9999;
/// exports (OSCAL's schema allows 1900 to 2999) and a twelve-month roadmap after
/// the last of them need this narrower, still generous, range.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2900;

fn year_problem(year: i32) -> Option<Said> {
    (!YEARS.contains(&year)).then(|| {
        Said::new(
            HomeworkText::FitYear,
            &[
                ("year", &year),
                ("from", YEARS.start()),
                ("to", YEARS.end()),
            ],
        )
    })
}

/// Unknown fields, kept as they were.
pub type Extra = Map<String, Value>;

/// One assessment of one organisation against one questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// File format version.
    pub format_version: u32,
    /// Which questionnaire it answers.
    pub questionnaire: QuestionnaireRef,
    /// Organisation, scope, assessors and dates.
    pub meta: Meta,
    /// Target level per domain id.
    #[serde(default)]
    pub targets: BTreeMap<String, u8>,
    /// Workshop participants.
    #[serde(default)]
    pub participants: Vec<String>,
    /// Owner and status of roadmap items, per question id.
    #[serde(default)]
    pub plan: BTreeMap<String, PlanEntry>,
    /// Answers per question id.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// Workshop settings, once a workshop has been run on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workshop: Option<Workshop>,
    /// Where the user was, so that reopening resumes there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume: Option<Resume>,
    /// The assessment this one follows (`new --from`): compared with by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    /// Answers to questions a newer questionnaire version retired, kept so nothing the
    /// user wrote is lost (see `migration`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub retired_answers: BTreeMap<String, RetiredAnswer>,
    /// The Statement of Applicability: the decision per control id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub soa: BTreeMap<String, ControlDecision>,
    /// Controls the organisation adds to Annex A's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub additional_controls: Vec<AdditionalControl>,
    /// The assessor's comment per domain id, printed beside the domain table.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub domain_notes: BTreeMap<String, String>,
    /// The evidence register: what proves the answers (see `evidence`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceItem>,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer (and roadmap entry) of a question that a later questionnaire version retired.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RetiredAnswer {
    /// The questionnaire version that still had the question.
    pub questionnaire_version: String,
    /// The answer as it was.
    #[serde(default)]
    pub answer: Answer,
    /// The owner and status set on its roadmap item, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanEntry>,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The earlier round an assessment follows: where its file is and what it answered,
/// so "last time: 3" shows beside each question even where the old file is not at hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// The earlier assessment's file, as it was when this round began.
    pub file: String,
    /// When the earlier assessment was created.
    pub created: DateTime<FixedOffset>,
    /// Its answers then: a level, or `"na"`.
    #[serde(default)]
    pub answers: BTreeMap<String, Vote>,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The questionnaire an assessment answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    /// Questionnaire id.
    pub id: String,
    /// Questionnaire version.
    pub version: String,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Who is assessed, by whom, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The organisation assessed.
    #[serde(default)]
    pub organisation: String,
    /// The scope of the AI management system assessed.
    #[serde(default)]
    pub scope: String,
    /// The people who made the assessment.
    #[serde(default)]
    pub assessors: Vec<String>,
    /// When the assessment was created.
    pub created: DateTime<FixedOffset>,
    /// When the assessment last changed.
    pub updated: DateTime<FixedOffset>,
    /// First day of the roadmap, if fixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roadmap_start: Option<NaiveDate>,
    /// The assessor's conclusion, printed in the report's executive summary.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Document control of the report: version, classification, author, approver.
    #[serde(default, skip_serializing_if = "DocumentControl::is_empty")]
    pub document: DocumentControl,
    /// The language the reports are written in (set at creation from the interface's;
    /// none in files made before there was a choice: the interface's language then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Document control of the report (`meta.document`), printed on its cover.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentControl {
    /// The report's version, as the organisation numbers its documents ("1.0").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
    /// Its classification ("Confidential").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub classification: String,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// Who approves it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub approver: String,
    /// When it was approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<NaiveDate>,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

impl DocumentControl {
    /// Nothing set: the field is left out of the file.
    pub fn is_empty(&self) -> bool {
        *self == DocumentControl::default()
    }
}

/// Status of a roadmap item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// Not started.
    #[default]
    Open,
    /// Being worked on.
    InProgress,
    /// Finished.
    Done,
}

impl PlanStatus {
    /// The name used in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Open => "open",
            PlanStatus::InProgress => "in_progress",
            PlanStatus::Done => "done",
        }
    }

    /// The next status in the cycle open → in progress → done → open.
    pub fn next(self) -> Self {
        match self {
            PlanStatus::Open => PlanStatus::InProgress,
            PlanStatus::InProgress => PlanStatus::Done,
            PlanStatus::Done => PlanStatus::Open,
        }
    }
}

/// What the user set on a roadmap item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlanEntry {
    /// Who owns the item (empty: nobody yet).
    #[serde(default)]
    pub owner: String,
    /// Progress on the item.
    #[serde(default)]
    pub status: PlanStatus,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One participant's vote: a level, or "not applicable".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Vote {
    /// A level from 1 to 5.
    Level(u8),
    /// The literal string `"na"`.
    NotApplicable(NaMarker),
}

/// The `"na"` marker of a not-applicable vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NaMarker {
    /// Not applicable.
    #[serde(rename = "na")]
    Na,
}

impl Vote {
    /// The level voted, if any.
    pub fn level(self) -> Option<u8> {
        match self {
            Vote::Level(l) => Some(l),
            Vote::NotApplicable(_) => None,
        }
    }
}

/// The answer to one question.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// Level 1–5, or none while unanswered.
    #[serde(default)]
    pub level: Option<u8>,
    /// Not applicable (excluded in the Statement of Applicability).
    #[serde(default)]
    pub na: bool,
    /// Free-text note (the justification when N/A).
    #[serde(default)]
    pub note: String,
    /// Evidence seen, one item per entry.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// Flagged for follow-up.
    #[serde(default)]
    pub flagged: bool,
    /// When the answer last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<DateTime<FixedOffset>>,
    /// Workshop votes per participant.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub votes: BTreeMap<String, Vote>,
    /// Why the question is flagged for follow-up (the workshop's parking lot).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub flag_reason: String,
    /// Seconds spent on the question in workshop sessions.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub seconds_spent: u64,
    /// The level was proposed from votes and the facilitator has not confirmed it yet.
    #[serde(default, skip_serializing_if = "is_false")]
    pub consensus_pending: bool,
    /// Notes attributed to participants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participant_notes: Vec<ParticipantNote>,
    /// Carried over from an earlier questionnaire version whose question changed: the
    /// user should confirm it. Any new answer, or confirming it, clears it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub recheck: bool,
    /// The yes/no checks answered, by check id (see `evidence::evidenced_level`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub checks: BTreeMap<String, bool>,
    /// Evidence register items (`ev-N`) that support the answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence_refs: Vec<String>,
    /// Evidence register items that support one check, by check id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub check_evidence: BTreeMap<String, Vec<String>>,
    /// The facilitator set the result instead of the one the votes proposed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consensus_override: Option<ConsensusOverride>,
    /// Who follows the parked question up (the workshop's parking lot).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub flag_owner: String,
    /// When the parked question is to be settled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag_due: Option<NaiveDate>,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A workshop result the facilitator set over the votes' proposal.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConsensusOverride {
    /// Why the room decided otherwise (may be empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// When it was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<DateTime<FixedOffset>>,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

/// When a participant joined and left the workshop.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attendance {
    /// When they were added (a late joiner shows here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined: Option<DateTime<FixedOffset>>,
    /// When they left the room; none while present. Their votes stay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<DateTime<FixedOffset>>,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A note attributed to one participant.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ParticipantNote {
    /// The participant.
    pub by: String,
    /// What they said.
    pub text: String,
    /// The facilitator kept it out of every export.
    #[serde(default, skip_serializing_if = "is_false")]
    pub private: bool,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Settings of workshop sessions on this assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workshop {
    /// Time allowed per question, in seconds (default 180).
    #[serde(default = "default_timebox")]
    pub timebox_seconds: u64,
    /// Attendance by participant name (absent for files older than this field).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attendance: BTreeMap<String, Attendance>,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Workshop {
    fn default() -> Self {
        Workshop {
            timebox_seconds: default_timebox(),
            attendance: BTreeMap::new(),
            extra: Extra::new(),
        }
    }
}

fn default_timebox() -> u64 {
    180
}

/// The level a group settles on: a level 1–5, or not applicable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Consensus {
    /// A level from 1 to 5.
    Level(u8),
    /// Not applicable (excluded in the Statement of Applicability).
    NotApplicable,
}

impl std::fmt::Display for Consensus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Consensus::Level(l) => write!(f, "{l}"),
            Consensus::NotApplicable => f.write_str("N/A"),
        }
    }
}

/// Why an answer could not be changed (the rules of an answer, written once).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// The level is not on the scale.
    LevelOutOfRange(u8),
    /// N/A was chosen for a question that does not allow it.
    NotApplicableRefused(String),
}

impl AnswerError {
    /// The message in `lang`; `Display` prints it in English.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            AnswerError::LevelOutOfRange(level) => {
                lang.f(ErrorText::LevelOutOfRange, &[("level", level)])
            }
            AnswerError::NotApplicableRefused(id) => {
                lang.f(ErrorText::NotApplicableRefused, &[("id", id)])
            }
        }
    }
}

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl Question {
    /// Whether `result` is a possible answer to this question: a level on the scale,
    /// or N/A where the question allows it (Annex A).
    pub fn check_result(&self, result: Consensus) -> Result<(), AnswerError> {
        match result {
            Consensus::Level(l) if !(1..=LEVELS).contains(&l) => {
                Err(AnswerError::LevelOutOfRange(l))
            }
            Consensus::NotApplicable if !self.allow_na => {
                Err(AnswerError::NotApplicableRefused(self.id.clone()))
            }
            _ => Ok(()),
        }
    }
}

impl Answer {
    /// Sets the result (a level, N/A, or none for unanswered), keeping the invariant
    /// that an N/A answer has no level, and stamps `updated`.
    pub fn set_result(&mut self, result: Option<Consensus>, now: DateTime<FixedOffset>) {
        match result {
            Some(Consensus::Level(l)) => {
                self.level = Some(l);
                self.na = false;
            }
            Some(Consensus::NotApplicable) => {
                self.level = None;
                self.na = true;
            }
            None => {
                self.level = None;
                self.na = false;
            }
        }
        // A new answer is the re-check an earlier questionnaire version asked for.
        self.recheck = false;
        self.updated = Some(now);
    }

    /// The result the answer holds: a level, N/A, or none.
    pub fn result(&self) -> Option<Consensus> {
        if self.na {
            Some(Consensus::NotApplicable)
        } else {
            self.level.map(Consensus::Level)
        }
    }

    /// Puts the consensus proposed from the votes into the answer, marked unconfirmed
    /// (`consensus_pending`); with no proposal the answer is left unanswered. The one
    /// rule shared by live voting and `merge`.
    pub fn propose_from_votes(&mut self, allow_na: bool, now: DateTime<FixedOffset>) {
        let proposal = crate::workshop::vote_stats(&self.votes, allow_na).proposal;
        self.set_result(proposal, now);
        self.consensus_pending = proposal.is_some();
    }

    /// Whether the question counts as answered for coverage (a level, or N/A).
    pub fn is_answered(&self) -> bool {
        self.na || self.level.is_some()
    }

    /// The claimed level, if any (N/A and unanswered do not score). Scores use the
    /// effective level, `evidence::levels`, which the checks may pull below it.
    pub fn scored_level(&self) -> Option<u8> {
        if self.na { None } else { self.level }
    }
}

/// Where the user was when the assessment was last changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Resume {
    /// The screen, e.g. `question`.
    #[serde(default)]
    pub screen: String,
    /// The question id shown last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Whether the guidance panel was open, so the next sitting shows it the same way.
    #[serde(default, skip_serializing_if = "is_false")]
    pub guidance: bool,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Something in an assessment that does not fit its questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// JSON path of the offending value.
    pub at: String,
    /// What is wrong, in both languages (`Display` is the English).
    pub message: Said,
}

impl Assessment {
    /// Answers `question` with `result` (a level, N/A, or none to clear it), checked
    /// against what the question allows; stamps the answer and the assessment.
    pub fn set_result(
        &mut self,
        question: &Question,
        result: Option<Consensus>,
        now: DateTime<FixedOffset>,
    ) -> Result<(), AnswerError> {
        if let Some(r) = result {
            question.check_result(r)?;
        }
        self.answer_mut(&question.id).set_result(result, now);
        self.meta.updated = now;
        Ok(())
    }

    /// Turns N/A on or off for `question` (only where it allows N/A; turning it off
    /// leaves the question unanswered). Returns whether the answer is now N/A.
    pub fn toggle_not_applicable(
        &mut self,
        question: &Question,
        now: DateTime<FixedOffset>,
    ) -> Result<bool, AnswerError> {
        let na = !self.answer(&question.id).is_some_and(|a| a.na);
        let result = if na {
            Some(Consensus::NotApplicable)
        } else {
            self.answer(&question.id)
                .and_then(|a| a.level)
                .map(Consensus::Level)
        };
        self.set_result(question, result, now)?;
        Ok(na)
    }

    /// Whether `question` is N/A without the justification that N/A requires.
    pub fn needs_justification(&self, question: &str) -> bool {
        self.answer(question)
            .is_some_and(|a| a.na && a.note.trim().is_empty())
    }

    /// Replaces the note of `question`.
    pub fn set_note(&mut self, question: &str, note: &str, now: DateTime<FixedOffset>) {
        let a = self.answer_mut(question);
        a.note = note.to_string();
        a.updated = Some(now);
        self.meta.updated = now;
    }

    /// Replaces the evidence of `question` with the non-blank lines of `text`.
    pub fn set_evidence(&mut self, question: &str, text: &str, now: DateTime<FixedOffset>) {
        let a = self.answer_mut(question);
        a.evidence = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        a.updated = Some(now);
        self.meta.updated = now;
    }

    /// A new, empty assessment of `questionnaire`, created at `now`.
    pub fn new(questionnaire: &Questionnaire, now: DateTime<FixedOffset>) -> Self {
        Assessment {
            format_version: FORMAT_VERSION,
            questionnaire: QuestionnaireRef {
                id: questionnaire.id.clone(),
                version: questionnaire.version.clone(),
                extra: Extra::new(),
            },
            meta: Meta {
                organisation: String::new(),
                scope: String::new(),
                assessors: Vec::new(),
                created: now,
                updated: now,
                roadmap_start: None,
                summary: String::new(),
                document: DocumentControl::default(),
                language: None,
                extra: Extra::new(),
            },
            targets: questionnaire
                .domains
                .iter()
                .map(|d| (d.id.clone(), questionnaire.default_target_of(d)))
                .collect(),
            participants: Vec::new(),
            plan: BTreeMap::new(),
            answers: BTreeMap::new(),
            workshop: None,
            resume: None,
            baseline: None,
            retired_answers: BTreeMap::new(),
            soa: BTreeMap::new(),
            additional_controls: Vec::new(),
            domain_notes: BTreeMap::new(),
            evidence: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// The next round of this assessment (`new --from`): the same organisation, scope,
    /// assessors, targets, plan (owners and statuses), Statement of Applicability
    /// decisions and evidence register; no answers, but each old answer kept as "last time"; `file` (where
    /// this one is saved) recorded as the baseline to compare with.
    pub fn next_round(
        &self,
        questionnaire: &Questionnaire,
        file: &str,
        now: DateTime<FixedOffset>,
    ) -> Assessment {
        let mut next = Assessment::new(questionnaire, now);
        next.meta.organisation = self.meta.organisation.clone();
        next.meta.scope = self.meta.scope.clone();
        next.meta.assessors = self.meta.assessors.clone();
        next.meta.language = self.meta.language;
        // A new round is a new document: same classification and people, not yet
        // versioned or approved.
        next.meta.document = DocumentControl {
            version: String::new(),
            approved: None,
            ..self.meta.document.clone()
        };
        next.targets.extend(self.targets.clone());
        next.plan = self.plan.clone();
        next.soa = self.soa.clone();
        next.additional_controls = self.additional_controls.clone();
        // The register goes too: the controls carried above point at its items, and
        // the documents still exist (`evidence verify` tells whether they changed).
        next.evidence = self.evidence.clone();
        let answers = self
            .answers
            .iter()
            .filter_map(|(id, a)| {
                let vote = if a.na {
                    Vote::NotApplicable(NaMarker::Na)
                } else {
                    Vote::Level(a.level?)
                };
                Some((id.clone(), vote))
            })
            .collect();
        next.baseline = Some(Baseline {
            file: file.to_string(),
            created: self.meta.created,
            answers,
            extra: Extra::new(),
        });
        next
    }

    /// The target of a domain: the assessment's, else the questionnaire default.
    pub fn target(&self, questionnaire: &Questionnaire, domain: &str) -> u8 {
        self.targets.get(domain).copied().unwrap_or_else(|| {
            questionnaire
                .domain(domain)
                .map_or(questionnaire.default_target, |d| {
                    questionnaire.default_target_of(d)
                })
        })
    }

    /// The answer to a question, if any.
    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.answers.get(question)
    }

    /// The answer to a question, created empty if missing.
    pub fn answer_mut(&mut self, question: &str) -> &mut Answer {
        self.answers.entry(question.to_string()).or_default()
    }

    /// How many questions of `questionnaire` are answered or N/A.
    pub fn answered_count(&self, questionnaire: &Questionnaire) -> usize {
        questionnaire
            .questions
            .iter()
            .filter(|q| self.answer(&q.id).is_some_and(Answer::is_answered))
            .count()
    }

    /// Every way this assessment does not fit `questionnaire` (empty when it fits).
    pub fn mismatches(&self, questionnaire: &Questionnaire) -> Vec<Mismatch> {
        let mut out = Vec::new();
        let mut add = |at: String, message: Said| out.push(Mismatch { at, message });
        if self.questionnaire.id != questionnaire.id {
            add(
                "questionnaire.id".into(),
                Said::new(
                    HomeworkText::FitOtherQuestionnaire,
                    &[
                        ("answers", &self.questionnaire.id),
                        ("expected", &questionnaire.id),
                    ],
                ),
            );
            return out;
        }
        let level_ok = |l: u8| (1..=LEVELS).contains(&l);
        for (at, year) in [
            ("meta.created", Some(self.meta.created.year())),
            ("meta.updated", Some(self.meta.updated.year())),
            (
                "meta.roadmap_start",
                self.meta.roadmap_start.map(|d| d.year()),
            ),
        ] {
            if let Some(message) = year.and_then(year_problem) {
                add(at.into(), message);
            }
        }
        for (domain, target) in &self.targets {
            if questionnaire.domain(domain).is_none() {
                add(
                    format!("targets.{domain}"),
                    Said::new(HomeworkText::FitDomainUnknown, &[("domain", domain)]),
                );
            } else if !level_ok(*target) {
                add(
                    format!("targets.{domain}"),
                    Said::new(HomeworkText::FitTargetNotLevel, &[("target", target)]),
                );
            }
        }
        for (id, answer) in &self.answers {
            let Some(question) = questionnaire.question(id) else {
                add(
                    format!("answers.{id}"),
                    Said::new(HomeworkText::FitQuestionUnknown, &[("id", id)]),
                );
                continue;
            };
            if let Some(level) = answer.level
                && !level_ok(level)
            {
                add(
                    format!("answers.{id}.level"),
                    Said::new(HomeworkText::FitLevelNotLevel, &[("level", &level)]),
                );
            }
            if answer.na && !question.allow_na {
                add(
                    format!("answers.{id}.na"),
                    Said::new(HomeworkText::FitNoNa, &[("id", id)]),
                );
            }
            if let Some(message) = answer.updated.and_then(|t| year_problem(t.year())) {
                add(format!("answers.{id}.updated"), message);
            }
            if answer.seconds_spent > MAX_RECORDED_SECONDS {
                add(
                    format!("answers.{id}.seconds_spent"),
                    Said::new(
                        HomeworkText::FitSeconds,
                        &[
                            ("seconds", &answer.seconds_spent),
                            ("max", &MAX_RECORDED_SECONDS),
                        ],
                    ),
                );
            }
            for (who, vote) in &answer.votes {
                if let Vote::Level(l) = vote
                    && !level_ok(*l)
                {
                    add(
                        format!("answers.{id}.votes.{who}"),
                        Said::new(HomeworkText::FitVoteNotLevel, &[("vote", l)]),
                    );
                }
            }
        }
        if let Some(w) = &self.workshop
            && w.timebox_seconds > MAX_RECORDED_SECONDS
        {
            add(
                "workshop.timebox_seconds".into(),
                Said::new(
                    HomeworkText::FitSeconds,
                    &[
                        ("seconds", &w.timebox_seconds),
                        ("max", &MAX_RECORDED_SECONDS),
                    ],
                ),
            );
        }
        for id in self.soa.keys() {
            if questionnaire.control(id).is_none() {
                add(
                    format!("soa.{id}"),
                    Said::new(HomeworkText::FitControlUnknown, &[("id", id)]),
                );
            }
        }
        for id in self.plan.keys() {
            if questionnaire.question(id).is_none() {
                add(
                    format!("plan.{id}"),
                    Said::new(HomeworkText::FitQuestionUnknown, &[("id", id)]),
                );
            }
        }
        // The evidence register's problems stay English (not this catalogue's).
        for (at, message) in self.register_problems() {
            add(at, message.into());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes_are_levels_or_na() {
        let v: BTreeMap<String, Vote> =
            serde_json::from_str(r#"{"ana": 3, "ben": "na"}"#).expect("parses");
        assert_eq!(v["ana"], Vote::Level(3));
        assert_eq!(v["ben"].level(), None);
        assert!(serde_json::from_str::<Vote>(r#""maybe""#).is_err());
        assert_eq!(
            serde_json::to_string(&v).expect("serializes"),
            r#"{"ana":3,"ben":"na"}"#
        );
    }

    #[test]
    fn na_does_not_score_but_counts_as_answered() {
        let a = Answer {
            level: Some(4),
            na: true,
            ..Answer::default()
        };
        assert!(a.is_answered());
        assert_eq!(a.scored_level(), None);
        assert!(!Answer::default().is_answered());
    }
}
