//! Updates of the discussion agenda over the voting screen: the questions still to
//! settle in the order `merge` prints them ([`crate::workshop::agenda`]), going to one,
//! going to the next, and confirming every unanimous proposal in one step.

use chrono::{DateTime, FixedOffset};

use super::{App, Confirm, Effect, Msg};
use crate::locale::RoomText as R;
use crate::tui::keys::Action;
use crate::workshop::{self as core, AgendaItem, AgendaReason};

impl App {
    /// The discussion agenda of the open assessment.
    pub fn agenda_items(&self) -> Vec<AgendaItem> {
        self.session
            .as_ref()
            .map(|s| core::agenda(&s.questionnaire, &s.assessment))
            .unwrap_or_default()
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        self.questionnaire()?
            .questions
            .iter()
            .position(|q| q.id == id)
    }

    /// `A`: opens the agenda at the question shown (or its top).
    pub(super) fn open_agenda(&mut self) -> Vec<Effect> {
        let items = self.agenda_items();
        if items.is_empty() {
            self.say(self.lang.t(R::AgendaEmpty));
            return Vec::new();
        }
        let here = self.current_id();
        let row = items
            .iter()
            .position(|i| Some(&i.question) == here.as_ref())
            .unwrap_or(0);
        self.agenda = Some(row);
        Vec::new()
    }

    /// `N`: the next question on the agenda after the one shown (the agenda's first
    /// when the question shown is not on it).
    pub(super) fn next_agenda_item(&mut self) -> Vec<Effect> {
        let items = self.agenda_items();
        let here = self.current_id();
        let next = match items
            .iter()
            .position(|i| Some(&i.question) == here.as_ref())
        {
            Some(pos) => items
                .get(pos + 1)
                .or(items.first())
                .filter(|_| items.len() > 1),
            None => items.first(),
        };
        let Some(item) = next else {
            self.say(self.lang.t(R::NothingElseOnAgenda));
            return Vec::new();
        };
        let (id, reason) = (item.question.clone(), item.reason);
        self.go_to_agenda_question(&id, reason)
    }

    fn go_to_agenda_question(&mut self, id: &str, reason: AgendaReason) -> Vec<Effect> {
        let Some(index) = self.index_of(id) else {
            return Vec::new();
        };
        let effects = if self.presenter {
            self.present_question(Some(index))
        } else if self.screen == super::Screen::Voting {
            let effects = self.move_to(Some(index));
            if self.editor.is_some() {
                // The N/A left behind needs its justification: the editor is there.
                self.screen = super::Screen::Question;
            }
            effects
        } else {
            self.jump(index)
        };
        let left = self.agenda_items().len();
        let lang = self.lang;
        self.say(lang.f(
            R::AgendaWent,
            &[
                ("id", &crate::text::one_line(id)),
                ("reason", &lang.agenda_reason(reason)),
                ("left", &left),
            ],
        ));
        effects
    }

    /// Keys of the agenda.
    pub(super) fn agenda_input(&mut self, msg: Msg, _now: DateTime<FixedOffset>) -> Vec<Effect> {
        let items = self.agenda_items();
        let row = self.agenda.unwrap_or(0).min(items.len().saturating_sub(1));
        match msg {
            Msg::Act(Action::Up) => self.agenda = Some(row.saturating_sub(1)),
            Msg::Act(Action::Down) => {
                self.agenda = Some((row + 1).min(items.len().saturating_sub(1)));
            }
            Msg::Act(Action::First | Action::PageUp) => self.agenda = Some(0),
            Msg::Act(Action::Last | Action::PageDown) => {
                self.agenda = Some(items.len().saturating_sub(1));
            }
            Msg::Act(Action::Agenda | Action::Back) => self.agenda = None,
            Msg::Act(Action::Enter) => {
                self.agenda = None;
                if let Some(item) = items.get(row) {
                    return self.go_to_agenda_question(&item.question, item.reason);
                }
            }
            Msg::Act(Action::ConfirmUnanimous) => {
                let unanimous = self.unanimous_proposals();
                if unanimous.is_empty() {
                    self.say(self.lang.t(R::NoUnanimous));
                } else {
                    self.confirm = Some(Confirm::ConfirmUnanimous(unanimous));
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// Proposals waiting for confirmation on which every vote is the same answer.
    pub fn unanimous_proposals(&self) -> Vec<String> {
        self.agenda_items()
            .into_iter()
            .filter(|i| i.reason == AgendaReason::Pending)
            .filter(|i| {
                let s = &i.stats;
                s.total_votes() > 0 && s.largest_count() == s.total_votes()
            })
            .map(|i| i.question)
            .collect()
    }

    /// Confirms the proposals of `questions` (asked for with their count).
    pub(super) fn confirm_unanimous(
        &mut self,
        questions: &[String],
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        let mut confirmed = 0;
        for id in questions {
            if let Some(q) = s.questionnaire.question(id)
                && core::confirm_consensus(&mut s.assessment, q, now).is_ok()
            {
                confirmed += 1;
            }
        }
        let lang = self.lang;
        self.say(lang.f(
            lang.plural(
                confirmed,
                R::ConfirmedUnanimousOne,
                R::ConfirmedUnanimousMany,
            ),
            &[("n", &confirmed)],
        ));
        self.agenda = (!self.agenda_items().is_empty()).then_some(0);
        self.changed(now)
    }
}
