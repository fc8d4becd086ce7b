//! The Statement of Applicability of an assessment: one decision per control, the
//! controls the organisation adds, and the rules of a decision (pure, no I/O).
//!
//! Per-control decisions are the truth; on a question that assesses controls, N/A is
//! derived from them ("all its controls are excluded").

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{Assessment, Consensus, Extra};
use crate::locale::{ErrorText, Lang};
use crate::questionnaire::{Control, Questionnaire};

/// How far an included control is implemented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Implementation {
    /// Nothing done yet.
    NotStarted,
    /// Planned, with an owner or a date.
    Planned,
    /// Partly in place.
    Partial,
    /// In place and working.
    Implemented,
}

impl Implementation {
    /// Every state, in the order the app cycles through them.
    pub const ALL: [Implementation; 4] = [
        Implementation::NotStarted,
        Implementation::Planned,
        Implementation::Partial,
        Implementation::Implemented,
    ];

    /// The name used in files and exports (`not_started`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Implementation::NotStarted => "not_started",
            Implementation::Planned => "planned",
            Implementation::Partial => "partial",
            Implementation::Implemented => "implemented",
        }
    }

    /// The next state in the cycle not started → planned → partial → implemented → not started.
    pub fn next(self) -> Self {
        match self {
            Implementation::NotStarted => Implementation::Planned,
            Implementation::Planned => Implementation::Partial,
            Implementation::Partial => Implementation::Implemented,
            Implementation::Implemented => Implementation::NotStarted,
        }
    }
}

/// The decision on one control of the questionnaire (`soa.<control id>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ControlDecision {
    /// Included (`true`), excluded (`false`), or not decided yet (absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicable: Option<bool>,
    /// Why it is included or excluded (required for an exclusion).
    #[serde(default)]
    pub justification: String,
    /// How far an included control is implemented (absent: not started).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation: Option<Implementation>,
    /// Who owns the control (empty: nobody yet).
    #[serde(default)]
    pub owner: String,
    /// Evidence register items that show it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence_refs: Vec<String>,
    /// When the decision last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<DateTime<FixedOffset>>,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ControlDecision {
    /// Whether the control is included or excluded (not undecided).
    pub fn is_decided(&self) -> bool {
        self.applicable.is_some()
    }

    /// Whether the decision is an exclusion without the justification it requires.
    pub fn needs_justification(&self) -> bool {
        self.applicable == Some(false) && self.justification.trim().is_empty()
    }
}

/// A control the organisation adds from another source (clause 6.1.3 allows it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AdditionalControl {
    /// The organisation's id, e.g. `ORG-1`.
    pub id: String,
    /// Short title.
    #[serde(default)]
    pub title: String,
    /// Where it comes from (another standard, a regulation, a contract).
    #[serde(default)]
    pub source: String,
    /// The decision, justification, implementation and owner, as for an Annex A control.
    #[serde(flatten)]
    pub decision: ControlDecision,
}

/// Why a decision on a control could not be changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SoaError {
    /// The control is not in the questionnaire.
    UnknownControl(String),
    /// The control may not be excluded.
    NotExcludable(String),
    /// Implementation was set on a control that is not included.
    NotIncluded(String),
}

impl SoaError {
    /// The message in `lang`; `Display` prints it in English.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            SoaError::UnknownControl(id) => lang.f(ErrorText::UnknownControl, &[("id", id)]),
            SoaError::NotExcludable(id) => lang.f(ErrorText::NotExcludable, &[("id", id)]),
            SoaError::NotIncluded(id) => lang.f(ErrorText::NotIncluded, &[("id", id)]),
        }
    }
}

impl std::fmt::Display for SoaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// What carrying old N/A answers into the Statement of Applicability did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CarriedOver {
    /// Controls now excluded, with the question's note as justification.
    pub excluded: Vec<String>,
    /// Controls that may not be excluded, left undecided for the user.
    pub left_undecided: Vec<String>,
}

/// Whether `question` is N/A by its controls' decisions: `Some(true)` when every one
/// of its controls is excluded, `Some(false)` otherwise, `None` when it assesses no
/// control (then N/A is answered on the question itself).
pub fn derived_na(
    questionnaire: &Questionnaire,
    soa: &BTreeMap<String, ControlDecision>,
    question: &str,
) -> Option<bool> {
    let mut controls = questionnaire.controls_of(question).peekable();
    controls.peek()?;
    Some(controls.all(|c| soa.get(&c.id).and_then(|d| d.applicable) == Some(false)))
}

impl Assessment {
    /// The decision on a control, if any was recorded.
    pub fn decision(&self, control: &str) -> Option<&ControlDecision> {
        self.soa.get(control)
    }

    fn decision_mut(&mut self, control: &str, now: DateTime<FixedOffset>) -> &mut ControlDecision {
        self.meta.updated = now;
        let d = self.soa.entry(control.to_string()).or_default();
        d.updated = Some(now);
        d
    }

    /// Includes (`true`) or excludes (`false`) `control`, refusing to exclude one that
    /// is not excludable; the N/A of its question follows.
    pub fn set_applicable(
        &mut self,
        questionnaire: &Questionnaire,
        control: &str,
        applicable: bool,
        now: DateTime<FixedOffset>,
    ) -> Result<(), SoaError> {
        let c = known(questionnaire, control)?;
        if !applicable && !c.excludable {
            return Err(SoaError::NotExcludable(c.id.clone()));
        }
        let question = c.question.clone();
        self.decision_mut(control, now).applicable = Some(applicable);
        self.sync_question_na(questionnaire, &question, now);
        Ok(())
    }

    /// Records how far an included control is implemented.
    pub fn set_implementation(
        &mut self,
        questionnaire: &Questionnaire,
        control: &str,
        implementation: Implementation,
        now: DateTime<FixedOffset>,
    ) -> Result<(), SoaError> {
        known(questionnaire, control)?;
        if self.decision(control).and_then(|d| d.applicable) != Some(true) {
            return Err(SoaError::NotIncluded(control.to_string()));
        }
        self.decision_mut(control, now).implementation = Some(implementation);
        Ok(())
    }

    /// Replaces the justification of a control's decision.
    pub fn set_justification(
        &mut self,
        questionnaire: &Questionnaire,
        control: &str,
        text: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<(), SoaError> {
        known(questionnaire, control)?;
        self.decision_mut(control, now).justification = text.trim().to_string();
        Ok(())
    }

    /// Replaces the owner of a control.
    pub fn set_control_owner(
        &mut self,
        questionnaire: &Questionnaire,
        control: &str,
        owner: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<(), SoaError> {
        known(questionnaire, control)?;
        self.decision_mut(control, now).owner = owner.trim().to_string();
        Ok(())
    }

    /// Makes the N/A of `question` what its controls' decisions say (see [`derived_na`]);
    /// a question that was N/A and no longer is becomes unanswered.
    pub fn sync_question_na(
        &mut self,
        questionnaire: &Questionnaire,
        question: &str,
        now: DateTime<FixedOffset>,
    ) {
        let Some(na) = derived_na(questionnaire, &self.soa, question) else {
            return;
        };
        let was = self.answer(question).is_some_and(|a| a.na);
        if na != was {
            let result = na.then_some(Consensus::NotApplicable);
            self.answer_mut(question).set_result(result, now);
            self.meta.updated = now;
        }
    }

    /// Excludes every excludable control of `question` (what N/A on it means), with its
    /// note as justification where a control has none. Returns the controls that may not
    /// be excluded and stay as they were.
    pub fn exclude_controls_of(
        &mut self,
        questionnaire: &Questionnaire,
        question: &str,
        now: DateTime<FixedOffset>,
    ) -> Vec<String> {
        let note = self
            .answer(question)
            .map(|a| a.note.trim().to_string())
            .unwrap_or_default();
        let mut kept = Vec::new();
        for c in questionnaire.controls_of(question) {
            if !c.excludable {
                kept.push(c.id.clone());
                continue;
            }
            let d = self.decision_mut(&c.id, now);
            d.applicable = Some(false);
            if d.justification.trim().is_empty() {
                d.justification.clone_from(&note);
            }
        }
        self.sync_question_na(questionnaire, question, now);
        kept
    }

    /// Carries N/A answers made before the Statement of Applicability existed into it:
    /// every control of an N/A question that has no decision yet is excluded with the
    /// question's note as justification; a control that may not be excluded stays
    /// undecided and is reported. The questions' N/A then follows the controls.
    pub fn carry_na_into_soa(&mut self, questionnaire: &Questionnaire) -> CarriedOver {
        let mut carried = CarriedOver::default();
        for c in &questionnaire.controls {
            let Some(answer) = self.answers.get(&c.question).filter(|a| a.na) else {
                continue;
            };
            if self.soa.get(&c.id).is_some_and(ControlDecision::is_decided) {
                continue;
            }
            if !c.excludable {
                carried.left_undecided.push(c.id.clone());
                continue;
            }
            let (note, when) = (answer.note.trim().to_string(), answer.updated);
            let d = self.soa.entry(c.id.clone()).or_default();
            d.applicable = Some(false);
            d.justification = note;
            d.updated = when;
            carried.excluded.push(c.id.clone());
        }
        if !carried.excluded.is_empty() || !carried.left_undecided.is_empty() {
            let now = self.meta.updated;
            let questions: Vec<String> = questionnaire
                .controls
                .iter()
                .map(|c| c.question.clone())
                .collect();
            for q in questions {
                self.sync_question_na(questionnaire, &q, now);
            }
        }
        carried
    }
}

fn known<'a>(questionnaire: &'a Questionnaire, control: &str) -> Result<&'a Control, SoaError> {
    questionnaire
        .control(control)
        .ok_or_else(|| SoaError::UnknownControl(control.to_string()))
}
