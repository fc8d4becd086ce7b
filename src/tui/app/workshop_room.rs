//! Updates of who is in the room and of the room's time: a participant leaving or
//! coming back, a break that pauses the clocks, and a participant note typed when the
//! terminal closed.

use chrono::{DateTime, FixedOffset};

use super::{App, Effect, PromptKind};
use crate::locale::RoomText as R;
use crate::workshop::{self as core, timebox};

impl App {
    /// `x`: the selected participant left the room (their votes stay), or is back.
    pub(super) fn toggle_left(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(name) = self.selected_participant() else {
            self.warn(self.lang.t(R::AddParticipantsFirst));
            return Vec::new();
        };
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        let lang = self.lang;
        let present = core::attendance::is_present(&s.assessment, &name);
        let who = crate::text::one_line(&name);
        let outcome = if present {
            core::attendance::leave(&mut s.assessment, &name, now).map(|()| {
                let votes = core::attendance::votes_cast(&s.assessment, &name);
                // "1 vote stays", "0 votes stay": the English singular is 1 only.
                let text = if votes == 1 {
                    R::LeftRoomOne
                } else {
                    R::LeftRoomMany
                };
                lang.f(
                    text,
                    &[
                        ("who", &who),
                        ("time", &lang.time_of_day(now)),
                        ("votes", &votes),
                    ],
                )
            })
        } else {
            core::attendance::come_back(&mut s.assessment, &name, now)
                .map(|()| lang.f(R::BackInRoom, &[("who", &who)]))
        };
        match outcome {
            Ok(message) => {
                self.say(message);
                let effects = self.changed(now);
                if present && !self.has_next_voter_here() {
                    self.cursor_to_next_voter();
                }
                effects
            }
            Err(e) => {
                self.warn(e.in_lang(self.lang));
                Vec::new()
            }
        }
    }

    /// Whether the cursor sits on someone who may still vote here.
    fn has_next_voter_here(&self) -> bool {
        self.next_voter_from(self.voting_cursor) == Some(self.voting_cursor)
    }

    /// `b`: starts a break (the question timer stops, the session clock pauses) or
    /// ends it (both start again).
    pub(super) fn toggle_break(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        match self.on_break.take() {
            Some(since) => {
                let paused = timebox::seconds_between(since, now);
                if let Some(clock) = &mut self.session_clock {
                    clock.paused = clock.paused.saturating_add(paused);
                }
                self.say(
                    self.lang
                        .f(R::BreakOver, &[("duration", &timebox::clock(paused))]),
                );
                Vec::new()
            }
            None => {
                self.on_break = Some(now);
                self.say(
                    self.lang
                        .f(R::BreakStarted, &[("time", &self.lang.time_of_day(now))]),
                );
                // The time on the question so far is recorded now; none runs during the break.
                if self.stop_timer(now) {
                    vec![Effect::Save]
                } else {
                    Vec::new()
                }
            }
        }
    }

    /// On a stop (the terminal closed, a signal): a participant note half typed in its
    /// prompt is saved like the editors' text. Returns whether something was kept.
    pub(super) fn keep_typed_participant_note(&mut self, now: DateTime<FixedOffset>) -> bool {
        let Some(prompt) = self.prompt.take() else {
            return false;
        };
        let PromptKind::ParticipantNote(name) = &prompt.kind else {
            self.prompt = Some(prompt);
            return false;
        };
        let text = prompt.input.text();
        let (Some(id), Some(s)) = (self.current_id(), &mut self.session) else {
            return false;
        };
        !text.trim().is_empty()
            && core::add_participant_note(&mut s.assessment, &id, name, text, now).is_ok()
    }
}
