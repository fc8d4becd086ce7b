//! The evidence register screen: every item, where it is used and, on demand, whether
//! its file changed since it was added (the runner re-hashes the files off the UI
//! thread and sends one [`Msg::EvidenceChecked`] per file). Opened from the checklist
//! to link an item, it is also the picker: Enter links the selected item and goes back.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use super::lists::{is_move, step};
use super::{App, Effect, Msg, Screen};
use crate::evidence::{Attach, EvidenceKind, VerifyStatus};
use crate::locale::StatusText;
use crate::tui::keys::Action;

/// The register screen's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegisterState {
    /// The selected item (an index of the register).
    pub cursor: usize,
    /// Picking: where Enter links the selected item (none: just looking).
    pub pick: Option<Attach>,
    /// Where Esc goes back to: the screen, the question shown and the checklist row
    /// open there.
    pub back: Option<(Screen, usize, Option<usize>)>,
    /// What the last request to check the files found so far.
    pub verify: Option<Verification>,
}

/// One run of "have the files changed?": how many files were sent to be hashed and
/// what came back so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Verification {
    /// Which run this is (a late answer of an earlier run is ignored).
    pub run: u64,
    /// How many file items were sent.
    pub expected: usize,
    /// What was found, by item id, with the reason when not unchanged.
    pub found: BTreeMap<String, (VerifyStatus, Option<String>)>,
}

impl Verification {
    /// Whether every file sent has been checked.
    pub fn done(&self) -> bool {
        self.found.len() >= self.expected
    }
}

impl App {
    /// Opens the register; with `pick`, as the picker that links an item there.
    pub(super) fn open_register(&mut self, pick: Option<Attach>) -> Vec<Effect> {
        let Some(s) = &self.session else {
            return Vec::new();
        };
        if pick.is_some() && s.assessment.evidence.is_empty() {
            self.say(self.lang.t(StatusText::RegisterEmpty));
            return Vec::new();
        }
        let len = s.assessment.evidence.len();
        self.register.back = Some((self.screen, self.question, self.checklist.take()));
        self.register.pick = pick;
        self.register.cursor = self.register.cursor.min(len.saturating_sub(1));
        self.editor = None;
        self.status = None;
        self.screen = Screen::Evidence;
        Vec::new()
    }

    /// Keys on the register screen (looking or picking).
    pub(super) fn register_input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let len = self
            .session
            .as_ref()
            .map_or(0, |s| s.assessment.evidence.len());
        match msg {
            Msg::Act(a) if is_move(a) => {
                self.register.cursor = step(self.register.cursor, len, a, self.page());
                Vec::new()
            }
            Msg::Act(Action::VerifyFiles) => self.verify_files(),
            Msg::Act(Action::Enter) if self.register.pick.is_some() => self.link_picked(now),
            Msg::Act(Action::Enter) => self.open_first_use(),
            Msg::Act(Action::Back) => {
                self.leave_register();
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Back where the register was opened from (the checklist reopened at its row).
    fn leave_register(&mut self) {
        let (screen, question, checklist) =
            self.register
                .back
                .take()
                .unwrap_or((Screen::Question, self.question, None));
        self.register.pick = None;
        // Enter may have shown another question meanwhile: the checklist row belongs to
        // the one it was opened on.
        if checklist.is_some() && question != self.question {
            self.set_question(question);
        }
        self.screen = screen;
        self.checklist = checklist;
    }

    /// Asks the runner to re-hash every file item (links and records are not files).
    fn verify_files(&mut self) -> Vec<Effect> {
        let Some(s) = &self.session else {
            return Vec::new();
        };
        let items: Vec<_> = s
            .assessment
            .evidence
            .iter()
            .filter(|e| e.kind == EvidenceKind::File)
            .cloned()
            .collect();
        if items.is_empty() {
            self.say(self.lang.t(StatusText::NoFileInRegister));
            return Vec::new();
        }
        let run = self.register.verify.as_ref().map_or(1, |v| v.run + 1);
        self.register.verify = Some(Verification {
            run,
            expected: items.len(),
            found: BTreeMap::new(),
        });
        let checking = self.lang.plural(
            items.len(),
            StatusText::CheckingOne,
            StatusText::CheckingMany,
        );
        self.say(self.lang.f(checking, &[("count", &items.len())]));
        vec![Effect::VerifyEvidence { run, items }]
    }

    /// One file checked by the runner; the status line sums up when all are in.
    pub(super) fn evidence_checked(
        &mut self,
        run: u64,
        id: String,
        status: VerifyStatus,
        reason: Option<String>,
    ) -> Vec<Effect> {
        let Some(v) = self.register.verify.as_mut().filter(|v| v.run == run) else {
            return Vec::new();
        };
        v.found.insert(id, (status, reason));
        if v.done() {
            let changed = v
                .found
                .values()
                .filter(|(s, _)| *s != VerifyStatus::Unchanged)
                .count();
            let total = v.found.len();
            if changed == 0 && total == 1 {
                self.say(self.lang.t(StatusText::FileUnchanged));
            } else if changed == 0 {
                self.say(
                    self.lang
                        .f(StatusText::AllFilesUnchanged, &[("total", &total)]),
                );
            } else {
                let text = self.lang.plural(
                    changed,
                    StatusText::FilesChangedOne,
                    StatusText::FilesChangedMany,
                );
                self.warn(
                    self.lang
                        .f(text, &[("changed", &changed), ("total", &total)]),
                );
            }
        }
        Vec::new()
    }

    /// Links the selected item where the picker was opened for, and goes back.
    fn link_picked(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(attach) = self.register.pick.clone() else {
            return Vec::new();
        };
        let cursor = self.register.cursor;
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        let Some(id) = s.assessment.evidence.get(cursor).map(|e| e.id.clone()) else {
            return Vec::new();
        };
        let Some(q) = s.questionnaire.question(&attach.question).cloned() else {
            return Vec::new();
        };
        let linked = s
            .assessment
            .link_evidence(&q, attach.check.as_deref(), &id, now);
        self.leave_register();
        match linked {
            Ok(()) => {
                let target = attach.check.as_deref().unwrap_or(&attach.question);
                self.say(self.lang.f(
                    StatusText::Linked,
                    &[
                        ("id", &crate::text::one_line(&id)),
                        ("target", &crate::text::one_line(target)),
                    ],
                ));
                self.changed(now)
            }
            Err(e) => {
                let reason = e.in_lang(self.lang);
                self.warn(
                    self.lang
                        .f(StatusText::EvidenceNotLinked, &[("reason", &reason)]),
                );
                Vec::new()
            }
        }
    }

    /// Opens the first question that uses the selected item (Esc comes back here).
    fn open_first_use(&mut self) -> Vec<Effect> {
        let Some(s) = &self.session else {
            return Vec::new();
        };
        let Some(item) = s.assessment.evidence.get(self.register.cursor) else {
            return Vec::new();
        };
        let question = s.assessment.uses_of(&item.id).into_iter().find_map(|u| {
            let id = match u {
                crate::evidence::Use::Question(q) => q,
                crate::evidence::Use::Check { question, .. } => question,
                crate::evidence::Use::Control(c) => s.questionnaire.control(&c)?.question.clone(),
            };
            s.questionnaire.question_index(&id)
        });
        match question {
            Some(i) => self.jump(i),
            None => {
                self.say(self.lang.t(StatusText::NoQuestionUses));
                Vec::new()
            }
        }
    }
}
