//! The per-question timebox and the session's pace (pure; the clock is passed in).
//!
//! The timebox warns, it never blocks: going over only turns the countdown negative.

use chrono::{DateTime, Duration, FixedOffset};
use serde::Serialize;

use crate::assessment::{Assessment, MAX_RECORDED_SECONDS, Workshop};
use crate::questionnaire::Questionnaire;

/// Time allowed per question when the session sets none: 3 minutes.
pub const DEFAULT_TIMEBOX_SECONDS: u64 = 180;

/// The shortest timebox accepted, so a typo cannot make every question overdue at once.
pub const MIN_TIMEBOX_SECONDS: u64 = 10;

/// The time allowed per question in this assessment's workshop sessions.
pub fn timebox_seconds(a: &Assessment) -> u64 {
    a.workshop
        .as_ref()
        .map_or(DEFAULT_TIMEBOX_SECONDS, |w| w.timebox_seconds)
        .clamp(MIN_TIMEBOX_SECONDS, MAX_RECORDED_SECONDS)
}

/// Sets the time allowed per question (at least [`MIN_TIMEBOX_SECONDS`]).
pub fn set_timebox(a: &mut Assessment, seconds: u64) {
    let seconds = seconds.clamp(MIN_TIMEBOX_SECONDS, MAX_RECORDED_SECONDS);
    match &mut a.workshop {
        Some(w) => w.timebox_seconds = seconds,
        None => {
            a.workshop = Some(Workshop {
                timebox_seconds: seconds,
                ..Workshop::default()
            });
        }
    }
}

/// Adds time spent on a question (accumulates over sessions; stops at
/// [`MAX_RECORDED_SECONDS`], never wraps).
pub fn add_time(a: &mut Assessment, question: &str, seconds: u64) {
    if seconds == 0 {
        return;
    }
    let answer = a.answer_mut(question);
    answer.seconds_spent = answer
        .seconds_spent
        .saturating_add(seconds)
        .min(MAX_RECORDED_SECONDS);
}

/// Whole seconds from `from` to `to`; zero if the clock went backwards.
pub fn seconds_between(from: DateTime<FixedOffset>, to: DateTime<FixedOffset>) -> u64 {
    u64::try_from((to - from).num_seconds()).unwrap_or(0)
}

/// The timer of the question on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionTimer {
    /// The question timed.
    pub question: String,
    /// When the question came on screen.
    pub started: DateTime<FixedOffset>,
}

/// The countdown shown for the current question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Countdown {
    /// Seconds since the question came on screen.
    pub elapsed: u64,
    /// Seconds left in the timebox; negative once over time.
    pub remaining: i64,
    /// The timebox is used up (a warning only).
    pub over: bool,
}

impl Countdown {
    /// `2:05` while time remains, `+0:42` once over time.
    pub fn label(&self) -> String {
        if self.over {
            format!("+{}", clock(self.remaining.unsigned_abs()))
        } else {
            clock(self.remaining.unsigned_abs())
        }
    }
}

impl QuestionTimer {
    /// Starts timing `question` at `now`.
    pub fn start(question: &str, now: DateTime<FixedOffset>) -> Self {
        QuestionTimer {
            question: question.to_string(),
            started: now,
        }
    }

    /// The countdown at `now` against a timebox of `timebox` seconds.
    pub fn countdown(&self, now: DateTime<FixedOffset>, timebox: u64) -> Countdown {
        self.countdown_after(now, timebox, 0)
    }

    /// The countdown at `now` when `spent_before` seconds went on the question in
    /// earlier visits (plain integer arithmetic: no date is shifted, nothing overflows).
    pub fn countdown_after(
        &self,
        now: DateTime<FixedOffset>,
        timebox: u64,
        spent_before: u64,
    ) -> Countdown {
        let elapsed = seconds_between(self.started, now).saturating_add(spent_before);
        let remaining = i64::try_from(timebox)
            .unwrap_or(i64::MAX)
            .saturating_sub(i64::try_from(elapsed).unwrap_or(i64::MAX));
        Countdown {
            elapsed,
            remaining,
            over: remaining < 0,
        }
    }

    /// Stops the timer: the time spent is added to the question's `seconds_spent`.
    /// Returns the seconds added.
    pub fn stop(self, a: &mut Assessment, now: DateTime<FixedOffset>) -> u64 {
        let spent = seconds_between(self.started, now);
        add_time(a, &self.question, spent);
        spent
    }
}

/// The longest timebox accepted: 12 hours (a longer one is a typo, not a plan).
pub const MAX_TIMEBOX_SECONDS: u64 = 12 * 3600;

/// A duration typed by the facilitator: `180`, `180s`, `3m`, `3 min`, `90m`, `2:30`,
/// `1:02:30`, `1h30`, `1h 30m`, `2h` (the inverse of [`clock`]). A bare number is
/// seconds.
pub fn parse_duration(text: &str) -> Option<u64> {
    let t = text.trim().to_lowercase();
    if t.contains(':') {
        let parts: Vec<u64> = t
            .split(':')
            .map(|p| p.trim().parse().ok())
            .collect::<Option<_>>()?;
        return match parts.as_slice() {
            [m, s] if *s < 60 => Some(m.saturating_mul(60).saturating_add(*s)),
            [h, m, s] if *m < 60 && *s < 60 => Some(
                h.saturating_mul(3600)
                    .saturating_add(m * 60)
                    .saturating_add(*s),
            ),
            _ => None,
        };
    }
    if let Some((h, rest)) = t.split_once('h') {
        let h: u64 = h.trim().parse().ok()?;
        let rest = rest.trim();
        let rest = rest
            .strip_suffix("min")
            .or(rest.strip_suffix('m'))
            .unwrap_or(rest);
        let m: u64 = if rest.trim().is_empty() {
            0
        } else {
            rest.trim().parse().ok()?
        };
        return (m < 60).then(|| h.saturating_mul(3600).saturating_add(m * 60));
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let unit = t[digits.len()..].trim();
    let n: u64 = digits.parse().ok()?;
    match unit {
        "" | "s" | "sec" | "secs" | "seconds" => Some(n),
        "m" | "min" | "mins" | "minutes" => Some(n.saturating_mul(60)),
        _ => None,
    }
}

/// What is wrong with a typed timebox (worded in each language by
/// [`crate::locale::Lang::timebox_problem`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeboxProblem {
    /// Not a duration at all (what was typed, on one line).
    NotADuration(String),
    /// Shorter than [`MIN_TIMEBOX_SECONDS`].
    TooShort {
        /// What was typed, on one line.
        text: String,
        /// The shortest timebox, in seconds.
        min: u64,
    },
    /// Longer than [`MAX_TIMEBOX_SECONDS`].
    TooLong {
        /// What was typed, on one line.
        text: String,
        /// The duration typed, in seconds.
        seconds: u64,
    },
}

/// A timebox typed by the facilitator, or what is wrong with it: not a duration,
/// shorter than [`MIN_TIMEBOX_SECONDS`] or longer than [`MAX_TIMEBOX_SECONDS`].
pub fn check_timebox(text: &str) -> Result<u64, TimeboxProblem> {
    let shown = crate::text::one_line(text.trim()).into_owned();
    match parse_duration(text) {
        None => Err(TimeboxProblem::NotADuration(shown)),
        Some(s) if s < MIN_TIMEBOX_SECONDS => Err(TimeboxProblem::TooShort {
            text: shown,
            min: MIN_TIMEBOX_SECONDS,
        }),
        Some(s) if s > MAX_TIMEBOX_SECONDS => Err(TimeboxProblem::TooLong {
            text: shown,
            seconds: s,
        }),
        Some(s) => Ok(s),
    }
}

/// A timebox typed by the facilitator, or the message (in English) saying what is
/// wrong with it.
pub fn parse_timebox(text: &str) -> Result<u64, String> {
    check_timebox(text).map_err(|p| crate::locale::Lang::En.timebox_problem(&p))
}

/// A duration as `m:ss`, or `h:mm:ss` from an hour.
pub fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// How the session is going and when it will end at this pace.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pace {
    /// Seconds since the session started.
    pub elapsed: u64,
    /// Questions settled in this session.
    pub done: usize,
    /// Questions left.
    pub remaining: usize,
    /// Average seconds per settled question; none before the first.
    pub seconds_per_question: Option<f64>,
    /// When the last question will be settled at this pace (before the first question
    /// is settled, the timebox is the pace).
    pub projected_finish: DateTime<FixedOffset>,
    /// The projection uses the timebox, not a measured pace.
    pub from_timebox: bool,
    /// The projected remaining time exceeds `remaining × timebox`.
    pub behind_timebox: bool,
}

impl Pace {
    /// "at this pace: done by 15:40", with the day when it is not today ("done by
    /// Sat 28 Nov 05:00"); [`crate::locale::Lang::pace`] words it in French too.
    pub fn label(&self, now: DateTime<FixedOffset>) -> String {
        crate::locale::Lang::En.pace(self, now)
    }
}

/// The session's pace at `now`: `elapsed` seconds spent, `done` questions settled in
/// that time, `remaining` still to do, `timebox` seconds allowed per question.
pub fn pace(
    now: DateTime<FixedOffset>,
    elapsed: u64,
    done: usize,
    remaining: usize,
    timebox: u64,
) -> Pace {
    let remaining_f = remaining as f64;
    let per_question = (done > 0).then(|| elapsed as f64 / done as f64);
    let per = per_question.unwrap_or(timebox as f64);
    // Capped at ten years so that absurd inputs cannot overflow the date arithmetic.
    let left = (per * remaining_f).clamp(0.0, 315_576_000.0).round() as i64;
    Pace {
        elapsed,
        done,
        remaining,
        seconds_per_question: per_question,
        projected_finish: now + Duration::seconds(left),
        from_timebox: per_question.is_none(),
        behind_timebox: per > timebox as f64,
    }
}

/// Questions settled (answered or N/A, and not awaiting confirmation) and still open.
pub fn progress(questionnaire: &Questionnaire, a: &Assessment) -> (usize, usize) {
    let done = questionnaire
        .questions
        .iter()
        .filter(|q| {
            a.answer(&q.id)
                .is_some_and(|ans| ans.is_answered() && !ans.consensus_pending)
        })
        .count();
    (done, questionnaire.questions.len() - done)
}
