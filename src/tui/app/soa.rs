//! Updates of the Statement of Applicability screen: include or exclude a control,
//! its implementation, justification and owner, the filter, and the way to and from
//! the questions. The rules themselves live on [`crate::assessment::Assessment`].

use chrono::{DateTime, FixedOffset};

use super::{App, Effect, Msg, PromptKind, Screen, SoaFilter};
use crate::assessment::{Implementation, SoaError};
use crate::locale::StatusText;
use crate::tui::keys::Action;

impl App {
    /// The controls the SoA screen lists under its filter (indices into the
    /// questionnaire's controls, in order).
    pub fn soa_controls(&self) -> Vec<usize> {
        let Some(s) = &self.session else {
            return Vec::new();
        };
        s.questionnaire
            .controls
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                let d = s.assessment.decision(&c.id);
                let applicable = d.and_then(|d| d.applicable);
                match self.soa_filter {
                    SoaFilter::All => true,
                    SoaFilter::Undecided => applicable.is_none(),
                    SoaFilter::Excluded => applicable == Some(false),
                    SoaFilter::NotImplemented => {
                        applicable == Some(true)
                            && d.and_then(|d| d.implementation) != Some(Implementation::Implemented)
                    }
                }
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The id of the control under the cursor.
    pub fn selected_control(&self) -> Option<String> {
        let s = self.session.as_ref()?;
        let i = *self.soa_controls().get(self.soa_cursor)?;
        s.questionnaire.controls.get(i).map(|c| c.id.clone())
    }

    /// Opens the SoA screen on the first control of the current question (from the
    /// question screen), or says the question assesses none.
    pub(super) fn open_soa_at_question(&mut self) -> Vec<Effect> {
        let Some(id) = self.current_id() else {
            return Vec::new();
        };
        let first = self
            .questionnaire()
            .and_then(|q| q.controls.iter().position(|c| c.question == id));
        let Some(first) = first else {
            self.warn(self.lang.t(StatusText::NoControl));
            return Vec::new();
        };
        let effects = self.go_to_screen(Screen::Soa);
        if self.screen == Screen::Soa {
            self.soa_filter = SoaFilter::All;
            self.soa_cursor = first;
        }
        effects
    }

    pub(super) fn soa_input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let rows = self.soa_controls().len();
        match msg {
            Msg::Act(a) if super::lists::is_move(a) => {
                self.soa_cursor = super::lists::step(self.soa_cursor, rows, a, self.page());
                Vec::new()
            }
            Msg::Act(Action::Filter) => {
                let selected = self.selected_control();
                self.soa_filter = self.soa_filter.next();
                // Stay on the same control when it is still listed.
                let listed = self.soa_controls();
                self.soa_cursor = selected
                    .and_then(|id| {
                        let q = self.questionnaire()?;
                        listed.iter().position(|&i| q.controls[i].id == id)
                    })
                    .unwrap_or(0);
                Vec::new()
            }
            Msg::Act(Action::Include) => self.decide(true, now),
            Msg::Act(Action::Exclude) => self.decide(false, now),
            Msg::Act(Action::CycleStatus) => self.cycle_implementation(now),
            Msg::Act(Action::EditJustification) => match self.selected_control() {
                Some(id) => {
                    let text = self.decision_text(&id, |d| &d.justification);
                    self.open_prompt(PromptKind::Justification(id), &text)
                }
                None => Vec::new(),
            },
            Msg::Act(Action::SetOwner) => match self.selected_control() {
                Some(id) => {
                    let text = self.decision_text(&id, |d| &d.owner);
                    self.open_prompt(PromptKind::ControlOwner(id), &text)
                }
                None => Vec::new(),
            },
            Msg::Act(Action::Enter) => {
                let index = self.selected_control().and_then(|id| {
                    let q = self.questionnaire()?;
                    q.question_index(&q.control(&id)?.question)
                });
                match index {
                    Some(i) => self.jump(i),
                    None => Vec::new(),
                }
            }
            Msg::Act(Action::Back) => self.go_to_screen(Screen::Question),
            _ => Vec::new(),
        }
    }

    fn decision_text(
        &self,
        control: &str,
        field: impl Fn(&crate::assessment::ControlDecision) -> &String,
    ) -> String {
        self.session
            .as_ref()
            .and_then(|s| s.assessment.decision(control))
            .map(|d| field(d).clone())
            .unwrap_or_default()
    }

    /// Includes or excludes the selected control; asks for the justification when it
    /// has none (an exclusion requires one, an inclusion should have one).
    fn decide(&mut self, applicable: bool, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(id) = self.selected_control() else {
            return Vec::new();
        };
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        if let Err(e) = s
            .assessment
            .set_applicable(&s.questionnaire, &id, applicable, now)
        {
            self.warn(e.in_lang(self.lang));
            return Vec::new();
        }
        let justified = s
            .assessment
            .decision(&id)
            .is_some_and(|d| !d.justification.trim().is_empty());
        let effects = self.changed(now);
        if justified {
            let decided = self.lang.f(
                StatusText::ControlDecided,
                &[
                    ("id", &id),
                    ("decision", &self.lang.decision(Some(applicable))),
                ],
            );
            self.say(crate::text::one_line(&decided));
        } else {
            if applicable {
                self.say(self.lang.f(StatusText::IncludedSayWhy, &[("id", &id)]));
            } else {
                self.warn(self.lang.f(StatusText::ExcludedNeedsWhy, &[("id", &id)]));
            }
            self.open_prompt(PromptKind::Justification(id), "");
        }
        effects
    }

    fn cycle_implementation(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(id) = self.selected_control() else {
            return Vec::new();
        };
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        let next = s
            .assessment
            .decision(&id)
            .and_then(|d| d.implementation)
            .map_or(Implementation::Planned, Implementation::next);
        match s
            .assessment
            .set_implementation(&s.questionnaire, &id, next, now)
        {
            Ok(()) => {
                self.say(self.lang.f(
                    StatusText::ImplementationSet,
                    &[("id", &id), ("state", &self.lang.implementation(next))],
                ));
                self.changed(now)
            }
            Err(e @ SoaError::NotIncluded(_)) => {
                let error = e.in_lang(self.lang);
                self.warn(self.lang.f(StatusText::IncludeFirst, &[("error", &error)]));
                Vec::new()
            }
            Err(e) => {
                self.warn(e.in_lang(self.lang));
                Vec::new()
            }
        }
    }

    /// Saves what a justification or control-owner prompt typed.
    pub(super) fn soa_prompt_done(
        &mut self,
        kind: PromptKind,
        text: &str,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        let result = match &kind {
            PromptKind::Justification(id) => {
                s.assessment
                    .set_justification(&s.questionnaire, id, text, now)
            }
            PromptKind::ControlOwner(id) => {
                s.assessment
                    .set_control_owner(&s.questionnaire, id, text, now)
            }
            _ => return Vec::new(),
        };
        match result {
            Ok(()) => {
                self.say(self.lang.t(match kind {
                    PromptKind::Justification(_) => StatusText::JustificationSaved,
                    _ => StatusText::OwnerSaved,
                }));
                self.changed(now)
            }
            Err(e) => {
                self.warn(e.in_lang(self.lang));
                Vec::new()
            }
        }
    }
}
