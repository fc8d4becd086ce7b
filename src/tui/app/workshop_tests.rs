//! Update tests of the workshop: participants, votes, consensus, timebox, parking
//! lot, presenter view. Messages in, state and effects out; the clock is injected.

use std::path::PathBuf;

use chrono::{DateTime, Duration, FixedOffset};

use super::*;
use crate::assessment::{Assessment, Vote};
use crate::tui::keys::Action;

pub(super) fn t0() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T09:00:00+01:00").expect("valid date")
}

pub(super) fn at(seconds: i64) -> DateTime<FixedOffset> {
    t0() + Duration::seconds(seconds)
}

/// The app with `a` open (as `/d/ws.json`), at [`t0`].
pub(super) fn open(a: Assessment) -> App {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), t0());
    app.update(
        Msg::Opened(Box::new(Session::new(PathBuf::from("/d/ws.json"), a, q))),
        t0(),
    );
    app
}

fn app_with_session() -> App {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    open(Assessment::new(&q, t0()))
}

pub(super) fn type_text(app: &mut App, text: &str, now: DateTime<FixedOffset>) -> Vec<Effect> {
    for c in text.chars() {
        app.update(Msg::Input(c), now);
    }
    app.update(Msg::Act(Action::Enter), now)
}

/// The voting screen with Dana, Lee and Sam added through the keys.
fn workshop() -> App {
    let mut app = app_with_session();
    app.update(Msg::Act(Action::Voting), t0());
    assert_eq!(app.screen, Screen::Voting);
    for name in ["Dana", "Lee", "Sam"] {
        app.update(Msg::Act(Action::AddParticipant), t0());
        let effects = type_text(&mut app, name, t0());
        assert!(effects.contains(&Effect::Save), "{name}: {effects:?}");
    }
    app.update(Msg::Act(Action::First), t0());
    app
}

fn current(app: &App) -> crate::assessment::Answer {
    let id = app.current_id().expect("a question");
    app.session
        .as_ref()
        .and_then(|s| s.assessment.answer(&id))
        .cloned()
        .unwrap_or_default()
}

fn participants(app: &App) -> Vec<String> {
    app.session
        .as_ref()
        .map(|s| s.assessment.participants.clone())
        .unwrap_or_default()
}

#[test]
fn participants_are_added_renamed_and_removed_and_saved() {
    let mut app = workshop();
    assert_eq!(participants(&app), ["Dana", "Lee", "Sam"]);
    // A duplicate is refused with a message, nothing saved.
    app.update(Msg::Act(Action::AddParticipant), t0());
    assert!(type_text(&mut app, "Lee", t0()).is_empty());
    assert!(app.status.as_ref().is_some_and(|s| s.warn));
    assert_eq!(participants(&app).len(), 3);

    // Votes follow a rename.
    app.update(Msg::Digit(4), t0());
    app.update(Msg::Act(Action::First), t0());
    app.update(Msg::Act(Action::RenameParticipant), t0());
    for _ in 0.."Dana".len() {
        app.update(Msg::Act(Action::Backspace), t0());
    }
    let effects = type_text(&mut app, "Dana K.", t0());
    assert!(effects.contains(&Effect::Save));
    assert_eq!(participants(&app), ["Dana K.", "Lee", "Sam"]);
    assert_eq!(current(&app).votes.get("Dana K."), Some(&Vote::Level(4)));

    // Removing asks first; yes removes the person and their votes.
    app.update(Msg::Act(Action::Delete), t0());
    assert_eq!(app.mode(), Mode::Confirm);
    let effects = app.update(Msg::Act(Action::Yes), t0());
    assert!(effects.contains(&Effect::Save));
    assert_eq!(participants(&app), ["Lee", "Sam"]);
    assert!(current(&app).votes.is_empty());
    assert_eq!(current(&app).level, None);
}

#[test]
fn digits_vote_for_each_participant_in_turn_and_show_the_statistics() {
    let mut app = workshop();
    for d in [1, 2, 4] {
        let effects = app.update(Msg::Digit(d), at(5));
        assert!(effects.contains(&Effect::Save));
    }
    let answer = current(&app);
    assert_eq!(answer.votes.get("Dana"), Some(&Vote::Level(1)));
    assert_eq!(answer.votes.get("Lee"), Some(&Vote::Level(2)));
    assert_eq!(answer.votes.get("Sam"), Some(&Vote::Level(4)));
    // The proposal (lower median) is the level, still to confirm.
    assert_eq!(answer.level, Some(2));
    assert!(answer.consensus_pending);
    let stats = app.current_stats().expect("stats");
    assert_eq!(stats.spread, Some(3));
    assert!(stats.divergent);
    // The cursor stayed on the last participant; Backspace clears that vote.
    assert_eq!(app.voting_cursor, 2);
    app.update(Msg::Act(Action::Backspace), at(6));
    assert_eq!(current(&app).votes.get("Sam"), None);
    assert!(!app.current_stats().expect("stats").divergent);
    // N/A is refused where the question does not allow it.
    let before = current(&app);
    assert!(
        app.update(Msg::Act(Action::NotApplicable), at(7))
            .is_empty()
    );
    assert!(app.status.as_ref().is_some_and(|s| s.warn));
    assert_eq!(current(&app).votes, before.votes);
}

#[test]
fn confirm_makes_the_proposal_the_level_and_clears_pending() {
    let mut app = workshop();
    for d in [3, 3, 4] {
        app.update(Msg::Digit(d), at(1));
    }
    assert!(current(&app).consensus_pending);
    let effects = app.update(Msg::Act(Action::ConfirmConsensus), at(2));
    assert!(effects.contains(&Effect::Save));
    let answer = current(&app);
    assert_eq!((answer.level, answer.consensus_pending), (Some(3), false));
    assert_eq!(answer.votes.len(), 3);
    // Nothing to confirm on a question without votes.
    app.update(Msg::Act(Action::NextQuestion), at(3));
    assert!(
        app.update(Msg::Act(Action::ConfirmConsensus), at(3))
            .is_empty()
    );
    assert!(app.status.as_ref().is_some_and(|s| s.warn));
}

#[test]
fn override_sets_another_level_with_one_digit_and_keeps_the_votes() {
    let mut app = workshop();
    for d in [1, 2, 4] {
        app.update(Msg::Digit(d), at(1));
    }
    app.update(Msg::Act(Action::OverrideConsensus), at(2));
    assert_eq!(app.mode(), Mode::Override);
    let effects = app.update(Msg::Digit(4), at(2));
    assert!(effects.contains(&Effect::Save));
    // The reason is asked for; it is kept with the override.
    assert_eq!(app.mode(), Mode::Prompt);
    type_text(&mut app, "the audit found the log", at(2));
    assert_eq!(app.mode(), Mode::Voting);
    let answer = current(&app);
    assert_eq!((answer.level, answer.consensus_pending), (Some(4), false));
    assert_eq!(answer.votes.get("Dana"), Some(&Vote::Level(1)));
    assert_eq!(
        answer.consensus_override.map(|o| o.reason),
        Some("the audit found the log".to_string())
    );
    // Esc cancels an override without a change.
    app.update(Msg::Act(Action::OverrideConsensus), at(3));
    assert!(app.update(Msg::Act(Action::Back), at(3)).is_empty());
    assert_eq!(current(&app).level, Some(4));
    // A vote changed after an override keeps the override, and says so.
    app.update(Msg::Act(Action::First), at(4));
    app.update(Msg::Digit(2), at(4));
    let answer = current(&app);
    assert_eq!((answer.level, answer.consensus_pending), (Some(4), false));
    assert_eq!(answer.votes.get("Dana"), Some(&Vote::Level(2)));
    assert!(
        app.status.as_ref().is_some_and(|s| s
            .text
            .contains("The override (4) stays; the votes now propose 2")),
        "{:?}",
        app.status
    );
    assert_eq!(app.voting_cursor, 0, "a re-vote stays on the person");
    // Enter takes the votes' proposal: a plain confirmation.
    app.update(Msg::Act(Action::ConfirmConsensus), at(5));
    let answer = current(&app);
    assert_eq!(answer.level, Some(2));
    assert!(answer.consensus_override.is_none());
    // A vote changed after a confirmation reopens the question.
    app.update(Msg::Act(Action::First), at(6));
    app.update(Msg::Digit(5), at(6));
    let answer = current(&app);
    assert!(answer.consensus_pending);
    assert_eq!(answer.level, Some(4), "lower median of 5, 2, 4");
}

#[test]
fn time_on_a_question_accumulates_into_seconds_spent() {
    let mut app = workshop();
    // The timer runs from the first participant added (t0) on the question shown.
    assert_eq!(
        app.countdown().map(|c| c.remaining),
        Some(crate::workshop::timebox::DEFAULT_TIMEBOX_SECONDS as i64)
    );
    app.update(Msg::Tick, at(200));
    let c = app.countdown().expect("a countdown");
    assert!(c.over, "over time is a warning: {c:?}");
    // Still possible to vote and move on: it never blocks.
    app.update(Msg::Digit(3), at(200));
    let effects = app.update(Msg::Act(Action::NextQuestion), at(200));
    assert!(effects.contains(&Effect::Save), "{effects:?}");
    let first = app.session.as_ref().map(|s| {
        let id = &s.questionnaire.questions[0].id;
        s.assessment.answer(id).map_or(0, |a| a.seconds_spent)
    });
    assert_eq!(first, Some(200));
    // Back to the first question: the earlier time counts, and adds up.
    app.update(Msg::Act(Action::PrevQuestion), at(230));
    assert_eq!(app.countdown().map(|c| c.remaining), Some(180 - 200));
    let effects = app.update(Msg::Act(Action::Quit), at(260));
    assert_eq!(effects, [Effect::Save, Effect::Quit]);
    assert_eq!(current(&app).seconds_spent, 230);
    // The session's pace: 260 s elapsed.
    let pace = app.session_pace().expect("pace");
    assert_eq!(pace.elapsed, 260);
}

#[test]
fn ticks_redraw_only_when_a_clock_on_screen_changes_its_second() {
    let mut app = app_with_session();
    // No workshop: no clock, ticks never redraw.
    assert!(app.update(Msg::Tick, at(1)).is_empty());
    let mut app = workshop();
    assert_eq!(app.update(Msg::Tick, at(1)), [Effect::Redraw]);
    assert!(
        app.update(Msg::Tick, at(1) + Duration::milliseconds(300))
            .is_empty()
    );
    assert_eq!(app.update(Msg::Tick, at(2)), [Effect::Redraw]);
    // Off the timed screens the timer stops and ticks are silent.
    app.update(Msg::Act(Action::NextScreen), at(3));
    assert_eq!(app.screen, Screen::Overview);
    assert!(app.update(Msg::Tick, at(5)).is_empty());
}

#[test]
fn the_timebox_is_set_for_the_session_and_saved() {
    let mut app = workshop();
    app.update(Msg::Act(Action::SetTimebox), t0());
    assert_eq!(app.mode(), Mode::Prompt);
    for _ in 0..3 {
        app.update(Msg::Act(Action::Backspace), t0());
    }
    let effects = type_text(&mut app, "2:30", t0());
    assert!(effects.contains(&Effect::Save));
    let seconds = app
        .session
        .as_ref()
        .map(|s| crate::workshop::timebox::timebox_seconds(&s.assessment));
    assert_eq!(seconds, Some(150));
    app.update(Msg::Act(Action::SetTimebox), t0());
    assert!(type_text(&mut app, "soon", t0()).is_empty());
    assert!(app.status.as_ref().is_some_and(|s| s.warn));
    assert_eq!(crate::workshop::timebox::parse_duration("3m"), Some(180));
    assert_eq!(crate::workshop::timebox::parse_duration("45"), Some(45));
    assert_eq!(crate::workshop::timebox::parse_duration("1:75"), None);
}

#[test]
fn parking_asks_for_a_reason_and_the_overview_lists_it() {
    let mut app = workshop();
    app.update(Msg::Act(Action::ToggleFlag), t0());
    assert_eq!(app.mode(), Mode::Prompt);
    let effects = type_text(&mut app, "ask legal about the DPIA", t0());
    assert!(effects.contains(&Effect::Save));
    // In a workshop the owner and the due date follow (both optional).
    assert_eq!(app.mode(), Mode::Prompt);
    type_text(&mut app, "Sam", t0());
    assert!(type_text(&mut app, "next week", t0()).is_empty());
    assert!(app.status.as_ref().is_some_and(|s| s.warn), "not a date");
    assert_eq!(app.mode(), Mode::Prompt, "asked again");
    app.update(Msg::Act(Action::Backspace), t0());
    for _ in 0..20 {
        app.update(Msg::Act(Action::Backspace), t0());
    }
    type_text(&mut app, "14", t0());
    assert_eq!(app.mode(), Mode::Voting);
    let answer = current(&app);
    assert!(answer.flagged);
    assert_eq!(answer.flag_reason, "ask legal about the DPIA");
    assert_eq!(answer.flag_owner, "Sam");
    assert_eq!(
        answer.flag_due,
        chrono::NaiveDate::from_ymd_opt(2026, 3, 16)
    );
    let lot = app
        .session
        .as_ref()
        .map(|s| crate::workshop::parking_lot(&s.questionnaire, &s.assessment))
        .unwrap_or_default();
    assert_eq!(lot.len(), 1);
    app.filter = Filter::Flagged;
    assert!(app.overview_rows().contains(&OverviewRow::Question(0)));
    // f again takes it out, reason and all, once confirmed.
    assert!(app.update(Msg::Act(Action::ToggleFlag), t0()).is_empty());
    assert!(current(&app).flagged, "not before the confirmation");
    let effects = app.update(Msg::Act(Action::Yes), t0());
    assert!(effects.contains(&Effect::Save));
    let answer = current(&app);
    assert!(!answer.flagged && answer.flag_reason.is_empty());
}

#[test]
fn notes_are_attributed_to_the_selected_participant() {
    let mut app = workshop();
    app.update(Msg::Act(Action::Down), t0());
    app.update(Msg::Act(Action::ParticipantNote), t0());
    let effects = type_text(&mut app, "We only deploy vendor models", t0());
    assert!(effects.contains(&Effect::Save));
    let notes = current(&app).participant_notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(
        (notes[0].by.as_str(), notes[0].text.as_str()),
        ("Lee", "We only deploy vendor models")
    );
}

#[test]
fn the_presenter_view_toggles_with_one_key_and_still_records_votes() {
    let mut app = workshop();
    app.update(Msg::Act(Action::Presenter), t0());
    assert_eq!(app.mode(), Mode::Presenter);
    app.update(Msg::Digit(5), t0());
    assert_eq!(current(&app).votes.get("Dana"), Some(&Vote::Level(5)));
    app.update(Msg::Act(Action::NextQuestion), t0());
    assert_eq!((app.question, app.screen), (1, Screen::Voting));
    assert_eq!(app.mode(), Mode::Presenter);
    app.update(Msg::Act(Action::Presenter), t0());
    assert_eq!(app.mode(), Mode::Voting);
    // From the question screen too; there Esc leaves it.
    app.update(Msg::Act(Action::Back), t0());
    assert_eq!(app.screen, Screen::Question);
    app.update(Msg::Act(Action::Presenter), t0());
    assert_eq!(app.mode(), Mode::Presenter);
    app.update(Msg::Act(Action::Presenter), t0());
    assert_eq!(app.mode(), Mode::Question);
}

#[test]
fn voting_joins_the_tabs_once_there_are_participants_and_resumes() {
    let mut app = app_with_session();
    assert!(!app.screens().contains(&Screen::Voting));
    let mut app2 = workshop();
    assert!(app2.screens().contains(&Screen::Voting));
    let effects = app2.update(Msg::Act(Action::PrevScreen), t0());
    assert_eq!(app2.screen, Screen::Question);
    assert!(effects.contains(&Effect::SaveSoon));
    app2.update(Msg::Act(Action::NextScreen), t0());
    assert_eq!(app2.screen, Screen::Voting);
    let resume = app2
        .session
        .as_ref()
        .and_then(|s| s.assessment.resume.clone())
        .expect("resume");
    assert_eq!(resume.screen, "voting");
    app.update(Msg::Act(Action::NextScreen), t0());
    assert_eq!(app.screen, Screen::Overview);
}

#[test]
fn a_huge_time_spent_in_the_file_never_crashes_the_countdown() {
    let mut app = workshop();
    if let Some(s) = app.session.as_mut() {
        let id = s.questionnaire.questions[0].id.clone();
        s.assessment.answer_mut(&id).seconds_spent = i64::MAX as u64;
    }
    app.update(Msg::Tick, at(5));
    let c = app.countdown().expect("a countdown");
    assert!(c.over, "{c:?}");
    app.update(Msg::Act(Action::NextQuestion), at(10));
    let first = app.session.as_ref().and_then(|s| {
        let id = &s.questionnaire.questions[0].id;
        s.assessment.answer(id).map(|a| a.seconds_spent)
    });
    assert_eq!(first, Some(crate::assessment::MAX_RECORDED_SECONDS));
}
