//! Updates of the workshop: participants, votes, the consensus, the timebox, the
//! parking lot and the presenter view. Every rule (statistics, proposal, what a
//! confirmation or an override writes, time accounting) is the core's
//! ([`crate::workshop`]); this module only maps keys to it.

use chrono::{DateTime, FixedOffset};

use super::{App, Confirm, Effect, Msg, PromptKind, Screen};
use crate::locale::{Lang, RoomText as R};
use crate::questionnaire::{LEVELS, Question};
use crate::tui::keys::Action;
use crate::workshop::timebox::{self, Countdown, Pace, QuestionTimer};
use crate::workshop::{self as core, Consensus};

/// When the workshop session on screen started, for its elapsed time and pace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionClock {
    /// The moment the first question was timed in this run of the app.
    pub started: DateTime<FixedOffset>,
    /// Questions already settled then (the pace counts only this session's).
    pub settled_before: usize,
    /// Seconds spent on breaks since, left out of the elapsed time.
    pub paused: u64,
}

impl App {
    /// Whether the open assessment is a workshop (it has participants).
    pub fn workshop_active(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| !s.assessment.participants.is_empty())
    }

    /// The screens Tab moves through: the voting screen joins them in a workshop
    /// (and while it is shown, before anyone is added).
    pub fn screens(&self) -> Vec<Screen> {
        let voting = self.workshop_active() || self.screen == Screen::Voting;
        // A questionnaire without controls has no Statement of Applicability.
        let soa = self.screen == Screen::Soa
            || self.questionnaire().is_some_and(|q| !q.controls.is_empty());
        Screen::OF_ASSESSMENT
            .into_iter()
            .filter(|s| voting || *s != Screen::Voting)
            .filter(|s| soa || *s != Screen::Soa)
            .collect()
    }

    /// The question shown.
    pub fn current_question(&self) -> Option<&Question> {
        self.session
            .as_ref()
            .and_then(|s| s.questionnaire.questions.get(self.question))
    }

    /// Whether the question on screen is being timed: a workshop, on the question or
    /// voting screen (the presenter view included).
    fn timed(&self) -> bool {
        self.workshop_active()
            && self.on_break.is_none()
            && matches!(self.screen, Screen::Question | Screen::Voting)
    }

    /// Whether a clock is on screen (so a tick may need a redraw).
    pub fn clock_visible(&self) -> bool {
        self.timer.is_some()
    }

    /// Time passed: redraw only when a clock is shown and its second changed.
    pub(super) fn tick(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let before = self.now;
        self.now = now;
        if self.clock_visible() && before.timestamp() != now.timestamp() {
            vec![Effect::Redraw]
        } else {
            Vec::new()
        }
    }

    /// After every message: keeps the timer on the question shown. Time spent on a
    /// question left is added to its `seconds_spent`, and saved.
    pub(super) fn follow_timer(
        &mut self,
        mut effects: Vec<Effect>,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        let leaving = effects
            .iter()
            .any(|e| matches!(e, Effect::Quit | Effect::Close | Effect::Open(_)));
        let added = if leaving {
            self.stop_timer(now)
        } else {
            self.sync_timer(now)
        };
        if added && !effects.contains(&Effect::Save) {
            // Before a Close or Quit, so the time is on disk when the file is let go.
            effects.insert(0, Effect::Save);
        }
        effects
    }

    fn sync_timer(&mut self, now: DateTime<FixedOffset>) -> bool {
        let wanted = if self.timed() {
            self.current_question().map(|q| q.id.clone())
        } else {
            None
        };
        if wanted.as_deref() == self.timer.as_ref().map(|t| t.question.as_str()) {
            return false;
        }
        let added = self.stop_timer(now);
        if let Some(id) = wanted {
            self.timer = Some(QuestionTimer::start(&id, now));
            if self.session_clock.is_none()
                && let Some(s) = &self.session
            {
                self.session_clock = Some(SessionClock {
                    started: now,
                    settled_before: timebox::progress(&s.questionnaire, &s.assessment).0,
                    paused: 0,
                });
            }
        }
        added
    }

    /// Stops the question timer, adding the time spent to the question. Returns
    /// whether time was added (the assessment then needs saving).
    pub fn stop_timer(&mut self, now: DateTime<FixedOffset>) -> bool {
        let (Some(timer), Some(s)) = (self.timer.take(), &mut self.session) else {
            return false;
        };
        let added = timer.stop(&mut s.assessment, now) > 0;
        if added {
            s.assessment.meta.updated = now;
        }
        added
    }

    /// The countdown of the question on screen: its timebox less the time spent on it
    /// in earlier visits and in this one.
    pub fn countdown(&self) -> Option<Countdown> {
        let timer = self.timer.as_ref()?;
        let s = self.session.as_ref()?;
        let before = s
            .assessment
            .answer(&timer.question)
            .map_or(0, |a| a.seconds_spent);
        Some(timer.countdown_after(self.now, timebox::timebox_seconds(&s.assessment), before))
    }

    /// The session's elapsed time and pace.
    pub fn session_pace(&self) -> Option<Pace> {
        let clock = self.session_clock?;
        let s = self.session.as_ref()?;
        let (settled, left) = timebox::progress(&s.questionnaire, &s.assessment);
        // A break in progress counts as paused up to now.
        let on_break = self
            .on_break
            .map_or(0, |since| timebox::seconds_between(since, self.now));
        Some(timebox::pace(
            self.now,
            timebox::seconds_between(clock.started, self.now)
                .saturating_sub(clock.paused)
                .saturating_sub(on_break),
            settled.saturating_sub(clock.settled_before),
            left,
            timebox::timebox_seconds(&s.assessment),
        ))
    }

    /// The voting statistics of the question shown.
    pub fn current_stats(&self) -> Option<core::VoteStats> {
        let s = self.session.as_ref()?;
        let q = s.questionnaire.questions.get(self.question)?;
        Some(core::question_stats(&s.assessment, q))
    }

    /// The participant selected on the voting screen.
    pub fn selected_participant(&self) -> Option<String> {
        self.session
            .as_ref()
            .and_then(|s| s.assessment.participants.get(self.voting_cursor))
            .cloned()
    }

    fn participant_count(&self) -> usize {
        self.session
            .as_ref()
            .map_or(0, |s| s.assessment.participants.len())
    }

    /// `f`: parks the question with a reason (asked for), or takes it out of the
    /// parking lot when it is already there.
    pub(super) fn toggle_park(&mut self) -> Vec<Effect> {
        let Some(id) = self.current_id() else {
            return Vec::new();
        };
        let flagged = self
            .session
            .as_ref()
            .and_then(|s| s.assessment.answer(&id))
            .filter(|a| a.flagged);
        match flagged {
            None => self.open_prompt(PromptKind::ParkReason(id), ""),
            // A flag may carry a reason someone wrote: removing it asks first.
            Some(a) => {
                self.confirm = Some(Confirm::RemoveFlag {
                    reason: a.flag_reason.clone(),
                    question: id,
                });
                Vec::new()
            }
        }
    }

    /// Removes the follow-up flag of `question` (confirmed).
    pub(super) fn remove_flag(
        &mut self,
        question: &str,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        if let Some(s) = &mut self.session {
            core::unpark(&mut s.assessment, question, now);
        }
        self.say(self.lang.t(R::FlagRemoved));
        self.changed(now)
    }

    /// Applies a workshop change to the assessment; on success rescoring and saving
    /// follow, on refusal the reason goes to the status line.
    fn workshop_change(
        &mut self,
        now: DateTime<FixedOffset>,
        change: impl FnOnce(
            &mut crate::assessment::Assessment,
            &crate::questionnaire::Questionnaire,
            usize,
        ) -> Result<Option<String>, core::WorkshopError>,
    ) -> Vec<Effect> {
        let index = self.question;
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        match change(&mut s.assessment, &s.questionnaire, index) {
            Ok(message) => {
                match message {
                    Some(m) => self.say(m),
                    None => self.status = None,
                }
                self.changed(now)
            }
            Err(e) => {
                self.warn(format!("{}.", capitalise(&e.in_lang(self.lang))));
                Vec::new()
            }
        }
    }

    /// Whether `name` has a vote on the question shown.
    fn has_voted(&self, name: &str) -> bool {
        self.current_question()
            .zip(self.session.as_ref())
            .and_then(|(q, s)| s.assessment.answer(&q.id))
            .is_some_and(|a| a.votes.contains_key(name))
    }

    /// The row of the first participant in the room who has not voted on the question
    /// shown, looking from row `from` on and then from the top.
    pub fn next_voter_from(&self, from: usize) -> Option<usize> {
        let s = self.session.as_ref()?;
        let people = &s.assessment.participants;
        let waiting = |i: &usize| {
            people.get(*i).is_some_and(|name| {
                core::attendance::is_present(&s.assessment, name) && !self.has_voted(name)
            })
        };
        (from..people.len()).chain(0..from).find(waiting)
    }

    /// Puts the vote cursor on the first person still to vote (vote entry starts there).
    pub(super) fn cursor_to_next_voter(&mut self) {
        if let Some(i) = self.next_voter_from(0) {
            self.voting_cursor = i;
        }
        self.vote_row_chosen = false;
    }

    fn vote(&mut self, vote: Option<Consensus>, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(name) = self.selected_participant() else {
            self.warn(self.lang.t(R::AddParticipantsFirst));
            return Vec::new();
        };
        let lang = self.lang;
        let revote = self.has_voted(&name);
        if vote.is_some() && revote && !self.vote_row_chosen {
            // One digit too many after the last vote must not overwrite anyone.
            self.warn(lang.f(
                R::EveryoneVotedChange,
                &[("name", &crate::text::one_line(&name))],
            ));
            return Vec::new();
        }
        let overridden = self.current_override();
        let effects = self.workshop_change(now, |a, q, i| {
            let Some(question) = q.questions.get(i) else {
                return Ok(None);
            };
            core::record_vote(a, question, &name, vote, now)?;
            Ok(None)
        });
        if effects.is_empty() {
            return effects;
        }
        if let Some(level) = &overridden {
            let proposal = self
                .current_stats()
                .and_then(|st| st.proposal)
                .map_or(lang.t(R::NothingProposed).to_string(), |c| {
                    consensus_short(lang, c)
                });
            self.say(lang.f(
                R::VoteKeepsOverride,
                &[("level", level), ("proposal", &proposal)],
            ));
        }
        if vote.is_some() && !revote {
            // Fast entry: the next digit is the next person's who has not voted.
            let from = self.voting_cursor + 1;
            match self.next_voter_from(from) {
                Some(i) => self.voting_cursor = i,
                None if overridden.is_none() => {
                    self.say(lang.t(R::EveryoneVotedNext));
                }
                None => {}
            }
            self.vote_row_chosen = false;
        }
        effects
    }

    /// The level of the question shown when it is an override of the votes.
    fn current_override(&self) -> Option<String> {
        let s = self.session.as_ref()?;
        let q = self.current_question()?;
        let answer = s.assessment.answer(&q.id)?;
        answer.consensus_override.as_ref()?;
        answer.result().map(|c| consensus_short(self.lang, c))
    }

    fn settle(&mut self, consensus: Option<Consensus>, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let lang = self.lang;
        let names = self.questionnaire().map(|q| {
            (1..=LEVELS)
                .map(|l| q.level_name(l).to_string())
                .collect::<Vec<_>>()
        });
        let name_of = move |c: Consensus| match (c, &names) {
            (Consensus::Level(l), Some(n)) => {
                format!(
                    "{l} {}",
                    n.get(usize::from(l - 1)).cloned().unwrap_or_default()
                )
            }
            (c, _) => consensus_short(lang, c),
        };
        self.workshop_change(now, |a, q, i| {
            let Some(question) = q.questions.get(i) else {
                return Ok(None);
            };
            let (settled, mut said) = match consensus {
                None => {
                    let c = core::confirm_consensus(a, question, now)?;
                    (c, lang.f(R::ConsensusConfirmed, &[("result", &name_of(c))]))
                }
                Some(c) => {
                    core::override_consensus(a, question, c, now)?;
                    let kept = a
                        .answer(&question.id)
                        .is_some_and(|ans| ans.consensus_override.is_some());
                    let text = if kept {
                        R::ConsensusOverridden
                    } else {
                        R::ConsensusAsProposed
                    };
                    (c, lang.f(text, &[("result", &name_of(c))]))
                }
            };
            // N/A on a question that assesses controls means excluding them all.
            if settled == Consensus::NotApplicable && q.controls_of(&question.id).next().is_some() {
                let kept = a.exclude_controls_of(q, &question.id, now);
                let excluded = if kept.is_empty() {
                    lang.t(R::ControlsExcluded).to_string()
                } else {
                    lang.f(R::ControlsExcludedExcept, &[("controls", &kept.join(", "))])
                };
                said.push(' ');
                said.push_str(&excluded);
            }
            Ok(Some(said))
        })
    }

    pub(super) fn voting_input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let n = self.participant_count();
        match msg {
            Msg::Digit(d) if n == 0 && self.presenter && (1..=LEVELS).contains(&d) => {
                // No participants: the presenter view scores the question directly.
                self.level_cursor = d;
                self.score(d, now)
            }
            Msg::Digit(d) if (1..=LEVELS).contains(&d) => self.vote(Some(Consensus::Level(d)), now),
            Msg::Act(Action::NotApplicable) => self.vote(Some(Consensus::NotApplicable), now),
            Msg::Act(Action::Backspace) => self.vote(None, now),
            Msg::Act(Action::ConfirmConsensus) => self.settle(None, now),
            Msg::Act(Action::OverrideConsensus) => {
                self.override_armed = true;
                self.say(self.lang.t(R::OverrideHow));
                Vec::new()
            }
            Msg::Act(Action::Up) => {
                self.voting_cursor = self.voting_cursor.saturating_sub(1);
                self.vote_row_chosen = true;
                Vec::new()
            }
            Msg::Act(Action::Down) => {
                self.voting_cursor = (self.voting_cursor + 1).min(n.saturating_sub(1));
                self.vote_row_chosen = true;
                Vec::new()
            }
            Msg::Act(Action::First | Action::PageUp) => {
                self.voting_cursor = 0;
                self.vote_row_chosen = true;
                Vec::new()
            }
            Msg::Act(Action::Last | Action::PageDown) => {
                self.voting_cursor = n.saturating_sub(1);
                self.vote_row_chosen = true;
                Vec::new()
            }
            Msg::Act(Action::LeaveRoom) => self.toggle_left(now),
            Msg::Act(Action::Break) => self.toggle_break(now),
            Msg::Act(Action::Agenda) => self.open_agenda(),
            Msg::Act(Action::NextAgendaItem) => self.next_agenda_item(),
            Msg::Act(Action::JumpTo) => self.open_prompt(PromptKind::JumpTo, ""),
            Msg::Act(Action::PrevQuestion) => self.step_question(false),
            Msg::Act(Action::NextQuestion) => self.step_question(true),
            Msg::Act(Action::Presenter) => {
                self.presenter = !self.presenter;
                Vec::new()
            }
            Msg::Act(Action::ToggleFlag) => self.toggle_park(),
            Msg::Act(Action::AddParticipant) => self.open_prompt(PromptKind::AddParticipant, ""),
            Msg::Act(Action::RenameParticipant) => match self.selected_participant() {
                Some(name) => self.open_prompt(PromptKind::RenameParticipant(name.clone()), &name),
                None => Vec::new(),
            },
            Msg::Act(Action::ParticipantNote) => match self.selected_participant() {
                Some(name) => self.open_prompt(PromptKind::ParticipantNote(name), ""),
                None => {
                    self.warn(self.lang.t(R::AddParticipantsFirst));
                    Vec::new()
                }
            },
            Msg::Act(Action::Delete) => {
                if let Some(name) = self.selected_participant() {
                    let votes = self
                        .session
                        .as_ref()
                        .map_or(0, |s| core::attendance::votes_cast(&s.assessment, &name));
                    self.confirm = Some(Confirm::RemoveParticipant { name, votes });
                }
                Vec::new()
            }
            Msg::Act(Action::SetTimebox) => {
                let current = self
                    .session
                    .as_ref()
                    .map_or(timebox::DEFAULT_TIMEBOX_SECONDS, |s| {
                        timebox::timebox_seconds(&s.assessment)
                    });
                self.open_prompt_selected(PromptKind::Timebox, &timebox::clock(current))
            }
            Msg::Act(Action::Back) => self.go_to_screen(Screen::Question),
            _ => Vec::new(),
        }
    }

    pub(super) fn override_input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let consensus = match msg {
            Msg::Digit(d) if (1..=LEVELS).contains(&d) => Consensus::Level(d),
            Msg::Act(Action::NotApplicable) => Consensus::NotApplicable,
            Msg::Act(Action::Back) => {
                self.override_armed = false;
                self.say(self.lang.t(R::NothingChanged));
                return Vec::new();
            }
            _ => return Vec::new(),
        };
        self.override_armed = false;
        let effects = self.settle(Some(consensus), now);
        let overridden = self.current_override().is_some();
        if let (true, Some(id)) = (overridden && !effects.is_empty(), self.current_id()) {
            // The reason is optional: Enter on an empty line keeps the override without one.
            self.open_prompt(PromptKind::OverrideReason(id), "");
        }
        effects
    }

    /// Previous or next question, staying on the voting screen (or presenter view).
    fn step_question(&mut self, forward: bool) -> Vec<Effect> {
        let target = if forward {
            Some(self.question + 1)
        } else {
            self.question.checked_sub(1)
        };
        if self.presenter {
            return self.present_question(target);
        }
        let effects = self.move_to(target);
        if self.editor.is_some() {
            // An N/A answer needs its justification: the note editor is on the
            // question screen.
            self.screen = Screen::Question;
        }
        effects
    }

    /// Moves the presenter view to question `target`. The projector never leaves the
    /// presenter view on its own: an N/A still waiting for its justification is said
    /// on the status line (the Overview and the report list it) instead of opening
    /// the note editor in front of the room.
    pub(super) fn present_question(&mut self, target: Option<usize>) -> Vec<Effect> {
        let Some(s) = &self.session else {
            return Vec::new();
        };
        let n = s.questionnaire.questions.len();
        let Some(target) = target.filter(|t| *t < n && *t != self.question) else {
            return Vec::new();
        };
        let waiting = self.current_question().and_then(|q| {
            let needs = s.questionnaire.controls_of(&q.id).next().is_none()
                && s.assessment
                    .answer(&q.id)
                    .is_some_and(|a| a.na && a.note.trim().is_empty());
            needs.then(|| q.id.clone())
        });
        self.set_question(target);
        if let Some(id) = waiting {
            self.warn(self.lang.f(
                R::NaNeedsJustification,
                &[("id", &crate::text::one_line(&id))],
            ));
        }
        self.remember()
    }

    pub(super) fn remove_participant(
        &mut self,
        name: &str,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        let lang = self.lang;
        let effects = self.workshop_change(now, |a, q, _| {
            core::remove_participant(a, q, name, now)?;
            Ok(Some(
                lang.f(R::Removed, &[("name", &crate::text::one_line(name))]),
            ))
        });
        self.voting_cursor = self
            .voting_cursor
            .min(self.participant_count().saturating_sub(1));
        effects
    }

    /// The workshop prompts: park reason, participants, notes, timebox.
    pub(super) fn workshop_prompt_done(
        &mut self,
        kind: PromptKind,
        text: &str,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        let lang = self.lang;
        match kind {
            PromptKind::ParkReason(id) => {
                if let Some(s) = &mut self.session {
                    core::park(&mut s.assessment, &id, text, now);
                }
                if self.workshop_active() {
                    // A parked question needs someone to take it on, and a date.
                    let effects = self.changed(now);
                    self.say(lang.t(R::ParkedWhoFollows));
                    self.open_prompt(PromptKind::ParkOwner(id), "");
                    return effects;
                }
                self.say(lang.t(R::Flagged));
                self.changed(now)
            }
            PromptKind::AddParticipant => {
                let effects = self.workshop_change(now, |a, _, _| {
                    core::join_participant(a, text, now)?;
                    Ok(Some(lang.f(
                        R::Added,
                        &[
                            ("name", &crate::text::one_line(text.trim())),
                            ("time", &lang.time_of_day(now)),
                        ],
                    )))
                });
                if !effects.is_empty() {
                    // The cursor stays with whoever is next to vote, not on the newcomer.
                    self.cursor_to_next_voter();
                }
                effects
            }
            PromptKind::RenameParticipant(old) => self.workshop_change(now, |a, _, _| {
                core::rename_participant(a, &old, text)?;
                Ok(Some(lang.t(R::Renamed).to_string()))
            }),
            PromptKind::ParticipantNote(name) => {
                let Some(id) = self.current_id() else {
                    return Vec::new();
                };
                self.workshop_change(now, |a, _, _| {
                    core::add_participant_note(a, &id, &name, text, now)?;
                    Ok(Some(lang.f(
                        R::NoteSaved,
                        &[("name", &crate::text::one_line(&name))],
                    )))
                })
            }
            PromptKind::OverrideReason(id) => {
                if let Some(s) = &mut self.session {
                    core::set_override_reason(&mut s.assessment, &id, text, now);
                }
                if text.trim().is_empty() {
                    // What the override did (controls excluded, …) stays on the status line.
                    return Vec::new();
                }
                self.say(lang.t(R::OverrideReasonKept));
                self.changed(now)
            }
            PromptKind::ParkOwner(id) => {
                let due = self
                    .session
                    .as_ref()
                    .and_then(|s| s.assessment.answer(&id))
                    .and_then(|a| a.flag_due);
                if let Some(s) = &mut self.session {
                    core::set_parked_follow_up(&mut s.assessment, &id, text, due, now);
                }
                let effects = self.changed(now);
                self.open_prompt(PromptKind::ParkDue(id), "");
                effects
            }
            PromptKind::ParkDue(id) => {
                let due = match parse_due(lang, text, now) {
                    Ok(due) => due,
                    Err(message) => {
                        self.warn(message);
                        self.open_prompt(PromptKind::ParkDue(id), text);
                        return Vec::new();
                    }
                };
                let owner = self
                    .session
                    .as_ref()
                    .and_then(|s| s.assessment.answer(&id))
                    .map(|a| a.flag_owner.clone())
                    .unwrap_or_default();
                if let Some(s) = &mut self.session {
                    core::set_parked_follow_up(&mut s.assessment, &id, &owner, due, now);
                }
                self.say(lang.t(R::ParkedWithFollowUp));
                self.changed(now)
            }
            PromptKind::Timebox => {
                match timebox::check_timebox(text) {
                    Ok(seconds) => {
                        if let Some(s) = &mut self.session {
                            timebox::set_timebox(&mut s.assessment, seconds);
                            let set = timebox::timebox_seconds(&s.assessment);
                            self.say(lang.f(R::TimeboxSet, &[("duration", &timebox::clock(set))]));
                        }
                        self.changed(now)
                    }
                    Err(problem) => {
                        self.warn(lang.timebox_problem(&problem));
                        // The prompt stays open with what was typed, to correct it.
                        self.open_prompt(PromptKind::Timebox, text);
                        Vec::new()
                    }
                }
            }
            _ => Vec::new(),
        }
    }
}

/// A result in short: the level's number, or N/A in the interface's language.
fn consensus_short(lang: Lang, c: Consensus) -> String {
    match c {
        Consensus::Level(l) => l.to_string(),
        Consensus::NotApplicable => lang.t(R::NotApplicable).to_string(),
    }
}

/// A due date typed for a parked question: empty for none, `YYYY-MM-DD`, or a number of
/// days from today (`14`, `14d`; `14j` in French, for « jours »).
fn parse_due(
    lang: Lang,
    text: &str,
    now: DateTime<FixedOffset>,
) -> Result<Option<chrono::NaiveDate>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Ok(Some(d));
    }
    let days = t
        .strip_suffix('d')
        .or_else(|| t.strip_suffix('j'))
        .unwrap_or(t)
        .trim();
    match days.parse::<u32>() {
        Ok(n) if n <= 3660 => Ok(now
            .date_naive()
            .checked_add_days(chrono::Days::new(u64::from(n)))),
        _ => Err(lang.f(
            R::NotADueDate,
            &[("text", &lang.quote_typed(&crate::text::one_line(t)))],
        )),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
