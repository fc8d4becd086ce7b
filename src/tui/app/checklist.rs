//! The checklist of the question shown: its yes/no checks by level, ticked with space
//! and saved at once; the evidence they give can only pull the claimed level down.

use chrono::{DateTime, FixedOffset};

use super::{App, PromptKind};
use crate::evidence::{Attach, EvidenceItem};
use crate::locale::StatusText;
use crate::tui::keys::Action;
use crate::tui::msg::{Effect, Msg};

impl App {
    /// Opens the checklist of the question shown (says so when it has no checks).
    pub(super) fn open_checklist(&mut self) -> Vec<Effect> {
        let has_checks = self
            .session
            .as_ref()
            .and_then(|s| s.questionnaire.questions.get(self.question))
            .is_some_and(|q| q.has_checks());
        if has_checks {
            self.checklist = Some(0);
        } else {
            self.say(self.lang.t(StatusText::NoChecks));
        }
        Vec::new()
    }

    /// How many checks the question shown has.
    fn check_count(&self) -> usize {
        self.session
            .as_ref()
            .and_then(|s| s.questionnaire.questions.get(self.question))
            .map_or(0, |q| q.all_checks().count())
    }

    /// Keys while the checklist is open.
    pub(super) fn checklist_input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(cursor) = self.checklist else {
            return Vec::new();
        };
        let last = self.check_count().saturating_sub(1);
        let moved = match msg {
            Msg::Act(Action::Checklist | Action::Back) => {
                self.checklist = None;
                return Vec::new();
            }
            Msg::Act(Action::ToggleCheck) => return self.toggle_check(cursor, now),
            Msg::Act(Action::AttachEvidence) => return self.ask_for_evidence(cursor, true),
            Msg::Act(Action::AttachToQuestion) => return self.ask_for_evidence(cursor, false),
            Msg::Act(Action::LinkEvidence) => return self.pick_evidence(cursor, true),
            Msg::Act(Action::LinkToQuestion) => return self.pick_evidence(cursor, false),
            Msg::Act(Action::Register) => return self.open_register(None),
            Msg::Act(Action::Up) => cursor.saturating_sub(1),
            Msg::Act(Action::Down) => cursor.saturating_add(1).min(last),
            Msg::Act(Action::PageUp) => cursor.saturating_sub(10),
            Msg::Act(Action::PageDown) => cursor.saturating_add(10).min(last),
            Msg::Act(Action::First) => 0,
            Msg::Act(Action::Last) => last,
            _ => cursor,
        };
        self.checklist = Some(moved);
        Vec::new()
    }

    /// The question shown and, for `of_check`, the check at `index`: where evidence goes.
    fn attach_target(&self, index: usize, of_check: bool) -> Option<Attach> {
        let q = self
            .session
            .as_ref()
            .and_then(|s| s.questionnaire.questions.get(self.question))?;
        let check = if of_check {
            q.all_checks().nth(index).map(|(_, c)| c.id.clone())
        } else {
            None
        };
        Some(Attach {
            question: q.id.clone(),
            check,
        })
    }

    /// Asks for the file or link that proves the check at `index` (or the question).
    fn ask_for_evidence(&mut self, index: usize, of_check: bool) -> Vec<Effect> {
        let Some(Attach { question, check }) = self.attach_target(index, of_check) else {
            return Vec::new();
        };
        self.open_prompt(PromptKind::EvidencePath { question, check }, "")
    }

    /// Opens the register as a picker for the check at `index` (or the question).
    fn pick_evidence(&mut self, index: usize, of_check: bool) -> Vec<Effect> {
        let target = self.attach_target(index, of_check);
        if target.is_none() {
            return Vec::new();
        }
        self.open_register(target)
    }

    /// Adds evidence the runner prepared to the register and links it; saves.
    pub(super) fn evidence_ready(
        &mut self,
        item: Result<Box<EvidenceItem>, String>,
        question: &str,
        check: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        let item = match item {
            Ok(item) => item,
            Err(reason) => {
                self.warn(
                    self.lang
                        .f(StatusText::EvidenceNotAdded, &[("reason", &reason)]),
                );
                return Vec::new();
            }
        };
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        let Some(q) = s.questionnaire.question(question).cloned() else {
            return Vec::new();
        };
        match s.assessment.add_evidence(&q, check, *item, now) {
            Ok(id) => {
                let hash = s
                    .assessment
                    .evidence_item(&id)
                    .and_then(|e| e.sha256.as_deref())
                    .map(|h| h.chars().take(12).collect::<String>());
                self.say(match hash {
                    Some(hash) => self.lang.f(
                        StatusText::EvidenceAddedHash,
                        &[("id", &id), ("hash", &hash)],
                    ),
                    None => self.lang.f(StatusText::EvidenceAdded, &[("id", &id)]),
                });
                self.changed(now)
            }
            Err(e) => {
                let reason = e.in_lang(self.lang);
                self.warn(
                    self.lang
                        .f(StatusText::EvidenceNotAdded, &[("reason", &reason)]),
                );
                Vec::new()
            }
        }
    }

    /// Ticks or unticks the check at `index` of the question shown, and saves.
    fn toggle_check(&mut self, index: usize, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        let Some(q) = s.questionnaire.questions.get(self.question) else {
            return Vec::new();
        };
        let Some((_, check)) = q.all_checks().nth(index) else {
            return Vec::new();
        };
        let (question, check) = (q.id.clone(), check.id.clone());
        let met = s
            .assessment
            .answer(&question)
            .and_then(|a| a.checks.get(&check))
            .copied()
            != Some(true);
        s.assessment.set_check(&question, &check, met, now);
        self.changed(now)
    }
}
