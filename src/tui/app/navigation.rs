//! Moving around: opening a session, the current question, screens, and the
//! position remembered in the file so that reopening resumes there.

use chrono::{DateTime, FixedOffset};

use super::{App, EditorKind, Effect, Screen, Session};
use crate::assessment::Resume;
use crate::locale::{Lang, StatusText};
use crate::questionnaire::{LEVELS, Questionnaire};

impl App {
    pub(super) fn open_session(&mut self, mut session: Session) {
        session.show_in(self.lang);
        let resume = session.assessment.resume.clone();
        // A file nobody has worked on in the app yet (a merge's output) opens at the
        // first question on the discussion agenda, on the voting screen.
        let first_on_agenda = resume
            .is_none()
            .then(|| crate::workshop::agenda(&session.questionnaire, &session.assessment))
            .filter(|_| !session.assessment.participants.is_empty())
            .and_then(|items| items.into_iter().next())
            .and_then(|item| session.questionnaire.question_index(&item.question));
        let question = resume
            .as_ref()
            .and_then(|r| r.question.as_deref())
            .and_then(|id| session.questionnaire.question_index(id))
            .or(first_on_agenda)
            .unwrap_or(0);
        let screen = resume
            .as_ref()
            .and_then(|r| Screen::from_name(&r.screen))
            .or(first_on_agenda.map(|_| Screen::Voting))
            .unwrap_or(Screen::Question);
        let carried = self.lang.carried_over(&session.carried);
        let guidance = resume.as_ref().is_some_and(|r| r.guidance);
        let opened = if session.assessment.meta.organisation.trim().is_empty() {
            self.lang.t(StatusText::OpenedUnnamed).to_string()
        } else {
            self.lang.f(
                StatusText::Opened,
                &[(
                    "name",
                    &crate::text::one_line(&session.assessment.meta.organisation),
                )],
            )
        };
        self.notice = session.migrated.as_ref().map(|(report, copy)| {
            super::Notice::migrated(report, copy, &session.questionnaire, self.lang)
        });
        self.set_session(Some(session));
        self.confirm = None;
        self.overview_cursor = 0;
        self.roadmap_cursor = 0;
        self.targets_cursor = 0;
        self.soa_cursor = 0;
        self.soa_filter = super::SoaFilter::All;
        self.register = super::RegisterState::default();
        self.export.outcomes.clear();
        self.set_question(question);
        self.screen = screen;
        if std::mem::take(&mut self.details_on_open) {
            self.screen = Screen::Details;
            self.details_from = None;
            self.details_cursor = 0;
        }
        self.show_guidance = guidance;
        match carried {
            Some(carried) => self.warn(carried),
            None => self.say(opened),
        }
    }

    /// Replaces the open session, dropping what belonged to the previous one (overlays,
    /// the presenter view, the workshop clocks).
    pub(super) fn set_session(&mut self, session: Option<Session>) {
        self.session = session;
        self.roadmap_memo = None;
        self.overview_memo = None;
        self.presenter = false;
        self.override_armed = false;
        self.timer = None;
        self.session_clock = None;
        self.editor = None;
        self.prompt = None;
    }

    /// The open questionnaire, if any.
    pub fn questionnaire(&self) -> Option<&Questionnaire> {
        self.session.as_ref().map(|s| &s.questionnaire)
    }

    /// Shows question `index` (clamped) and highlights its level.
    pub fn set_question(&mut self, index: usize) {
        let Some(s) = &self.session else { return };
        let n = s.questionnaire.questions.len();
        let index = index.min(n.saturating_sub(1));
        let moved = index != self.question;
        if moved {
            self.previous_question = Some(self.question);
        }
        self.override_armed = false;
        self.question = index;
        if moved {
            // A new question: vote entry starts at the first person still to vote.
            self.voting_cursor = 0;
            self.cursor_to_next_voter();
        }
        let Some(s) = &self.session else { return };
        self.level_picked = false;
        self.level_cursor = s
            .questionnaire
            .questions
            .get(self.question)
            .and_then(|q| s.assessment.answer(&q.id))
            .and_then(|a| a.level)
            .unwrap_or(1)
            .clamp(1, LEVELS);
    }

    /// Remembers the screen and question in the file so reopening resumes here.
    pub(super) fn remember(&mut self) -> Vec<Effect> {
        let screen = self.screen;
        let question = self.question;
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        if !Screen::OF_ASSESSMENT.contains(&screen) {
            return Vec::new();
        }
        let id = s
            .questionnaire
            .questions
            .get(question)
            .map(|q| q.id.clone());
        let resume = Resume {
            screen: screen.name().to_string(),
            question: id,
            guidance: self.show_guidance,
            extra: s
                .assessment
                .resume
                .as_ref()
                .map(|r| r.extra.clone())
                .unwrap_or_default(),
        };
        if s.assessment.resume.as_ref() == Some(&resume) {
            return Vec::new();
        }
        s.assessment.resume = Some(resume);
        vec![Effect::SaveSoon]
    }

    /// Records a change to the assessment: stamps it, rescores, saves now.
    pub(super) fn changed(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        if let Some(s) = &mut self.session {
            s.assessment.meta.updated = now;
            s.rescore();
        }
        let mut effects = self.remember();
        effects.retain(|e| *e != Effect::SaveSoon);
        effects.push(Effect::Save);
        effects
    }

    /// Switches the interface to `lang`: every screen, message and the built-in
    /// questionnaire's text (the report keeps the assessment's own language).
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        if let Some(translated) = self.default_questionnaire.in_language(lang) {
            self.default_questionnaire = translated;
        }
        if let Some(session) = self.session.as_mut() {
            session.show_in(lang);
        }
        // A migration notice still open is worded again, where the reader left it.
        if let (Some(open), Some(session)) = (&self.notice, &self.session)
            && open.migration
            && let Some((report, copy)) = &session.migrated
        {
            let scroll = open.scroll;
            let mut notice = super::Notice::migrated(report, copy, &session.questionnaire, lang);
            notice.scroll = scroll;
            self.notice = Some(notice);
        }
    }

    /// Goes to a screen of the open assessment (guarded: an N/A answer needs its
    /// justification before leaving the question).
    pub fn go_to_screen(&mut self, screen: Screen) -> Vec<Effect> {
        if self.session.is_none() || screen == self.screen {
            return Vec::new();
        }
        if self.screen == Screen::Question && !self.may_leave_question() {
            return Vec::new();
        }
        self.editor = None;
        self.status = None;
        self.presenter = false;
        self.override_armed = false;
        self.came_from = None;
        self.screen = screen;
        if screen == Screen::Overview {
            self.overview_cursor = self.overview_row_of(self.question);
        }
        self.remember()
    }

    pub(super) fn cycle_screen(&mut self, forward: bool) -> Vec<Effect> {
        let screens = self.screens();
        let Some(i) = screens.iter().position(|s| *s == self.screen) else {
            return Vec::new();
        };
        let n = screens.len();
        let next = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        self.go_to_screen(screens[next])
    }

    /// Whether the cursor may leave the current question: an N/A answer needs a
    /// justification note first. When not, says so and opens the note editor.
    pub fn may_leave_question(&mut self) -> bool {
        let Some(s) = &self.session else { return true };
        let Some(q) = s.questionnaire.questions.get(self.question) else {
            return true;
        };
        // Where the question assesses controls, the justifications are the controls'.
        let needs = s.questionnaire.controls_of(&q.id).next().is_none()
            && s.assessment
                .answer(&q.id)
                .is_some_and(|a| a.na && a.note.trim().is_empty());
        if needs {
            self.warn(self.lang.t(StatusText::NaNeedsNote));
            self.open_editor(EditorKind::Note);
            false
        } else {
            true
        }
    }
}
