//! Update tests of the workshop's second round (issue 18): vote entry that starts at
//! the first person still to vote and never overwrites anyone, attendance, the break,
//! the Question screen in a workshop, the presenter view that stays up, the agenda,
//! and a participant note kept on hang-up.

use std::path::PathBuf;

use super::*;
use crate::assessment::{Assessment, Vote};
use crate::tui::keys::Action;

use super::workshop_tests::{at, open, t0, type_text};

fn act(app: &mut App, action: Action) -> Vec<Effect> {
    app.update(Msg::Act(action), t0())
}

/// The voting screen of a new assessment with these people added through the keys.
fn room(names: &[&str]) -> App {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut app = open(Assessment::new(&q, t0()));
    act(&mut app, Action::Voting);
    for name in names {
        act(&mut app, Action::AddParticipant);
        type_text(&mut app, name, t0());
    }
    app
}

fn votes(app: &App) -> std::collections::BTreeMap<String, Vote> {
    let id = app.current_id().expect("a question");
    app.session
        .as_ref()
        .and_then(|s| s.assessment.answer(&id))
        .map(|a| a.votes.clone())
        .unwrap_or_default()
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn vote_entry_starts_at_the_first_person_to_vote_and_never_overwrites() {
    let mut app = room(&["Dana", "Lee", "Sam"]);
    assert_eq!(
        app.voting_cursor, 0,
        "after adding, the cursor is not on the newcomer"
    );
    for d in [3, 4] {
        app.update(Msg::Digit(d), t0());
    }
    // A late joiner: the cursor stays with Sam, who has not voted.
    act(&mut app, Action::AddParticipant);
    type_text(&mut app, "Noor", t0());
    assert_eq!(app.selected_participant().as_deref(), Some("Sam"));
    app.update(Msg::Digit(2), t0());
    assert_eq!(app.selected_participant().as_deref(), Some("Noor"));
    app.update(Msg::Digit(5), t0());
    // One digit too many: refused, nobody's vote changes.
    assert!(app.update(Msg::Digit(1), t0()).is_empty());
    assert!(
        status(&app).contains("Everyone here has voted"),
        "{}",
        status(&app)
    );
    let v = votes(&app);
    assert_eq!(
        [&v["Dana"], &v["Lee"], &v["Sam"], &v["Noor"]],
        [
            &Vote::Level(3),
            &Vote::Level(4),
            &Vote::Level(2),
            &Vote::Level(5)
        ]
    );
    // A re-vote on a chosen row stays on that person.
    act(&mut app, Action::Up);
    assert_eq!(app.selected_participant().as_deref(), Some("Sam"));
    app.update(Msg::Digit(1), t0());
    app.update(Msg::Digit(2), t0());
    assert_eq!(app.selected_participant().as_deref(), Some("Sam"));
    assert_eq!(votes(&app)["Sam"], Vote::Level(2));
    assert_eq!(votes(&app)["Noor"], Vote::Level(5));
    // The next question starts again at the top, with whoever is still to vote.
    act(&mut app, Action::NextQuestion);
    assert_eq!(app.voting_cursor, 0);
    app.update(Msg::Digit(2), t0());
    assert_eq!(app.selected_participant().as_deref(), Some("Lee"));
}

#[test]
fn someone_who_leaves_keeps_their_votes_and_is_skipped() {
    let mut app = room(&["Dana", "Lee", "Sam"]);
    for d in [1, 2, 4] {
        app.update(Msg::Digit(d), t0());
    }
    act(&mut app, Action::NextQuestion);
    // Lee leaves.
    act(&mut app, Action::Down);
    let effects = act(&mut app, Action::LeaveRoom);
    assert!(effects.contains(&Effect::Save));
    assert!(
        status(&app).contains("Lee left at 09:00; their 1 vote stay"),
        "{}",
        status(&app)
    );
    // Vote entry skips him.
    act(&mut app, Action::First);
    app.update(Msg::Digit(3), t0());
    assert_eq!(app.selected_participant().as_deref(), Some("Sam"));
    app.update(Msg::Digit(3), t0());
    assert!(!votes(&app).contains_key("Lee"));
    // His vote on question 1 stays.
    act(&mut app, Action::PrevQuestion);
    assert_eq!(votes(&app).get("Lee"), Some(&Vote::Level(2)));
    // Removing asks, saying how many votes would go.
    act(&mut app, Action::Down);
    act(&mut app, Action::Delete);
    assert_eq!(
        app.confirm,
        Some(Confirm::RemoveParticipant {
            name: "Lee".into(),
            votes: 1
        })
    );
    act(&mut app, Action::No);
    assert_eq!(votes(&app).get("Lee"), Some(&Vote::Level(2)));
}

#[test]
fn a_break_pauses_the_question_timer_and_the_session_clock() {
    let mut app = room(&["Dana"]);
    app.update(Msg::Tick, at(60));
    assert_eq!(app.countdown().map(|c| c.elapsed), Some(60));
    let effects = app.update(Msg::Act(Action::Break), at(60));
    assert!(
        effects.contains(&Effect::Save),
        "the time so far is recorded"
    );
    assert!(app.countdown().is_none(), "no clock runs during a break");
    app.update(Msg::Tick, at(60 + 900));
    app.update(Msg::Act(Action::Break), at(60 + 900));
    app.update(Msg::Tick, at(60 + 900 + 30));
    // The question's time: 60 before, 30 after; the 15-minute break is not counted.
    assert_eq!(app.countdown().map(|c| c.elapsed), Some(90));
    assert_eq!(app.session_pace().map(|p| p.elapsed), Some(90));
}

#[test]
fn a_digit_on_the_question_screen_during_a_workshop_sets_nothing() {
    let mut app = room(&["Dana"]);
    act(&mut app, Action::Back);
    assert_eq!(app.screen, Screen::Question);
    assert!(app.update(Msg::Digit(3), t0()).is_empty());
    assert!(app.current_id().is_some_and(|id| {
        app.session
            .as_ref()
            .is_none_or(|s| s.assessment.answer(&id).is_none_or(|a| a.level.is_none()))
    }));
    assert!(status(&app).contains("w opens Voting"), "{}", status(&app));
    // The levels can still be read: the highlight moves.
    act(&mut app, Action::Down);
    assert_eq!(app.level_cursor, 2);
}

#[test]
fn the_presenter_view_stays_up_after_an_na_without_a_note() {
    // A questionnaire without controls: an N/A then needs the answer's own note.
    let mut q = Questionnaire::embedded().expect("embedded questionnaire");
    q.controls.clear();
    let ax = q
        .questions
        .iter()
        .position(|x| x.allow_na)
        .expect("an N/A question");
    let mut a = Assessment::new(&q, t0());
    crate::workshop::add_participant(&mut a, "Dana").expect("participant");
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), t0());
    app.update(
        Msg::Opened(Box::new(Session::new(PathBuf::from("/d/ws.json"), a, q))),
        t0(),
    );
    act(&mut app, Action::Voting);
    app.set_question(ax);
    act(&mut app, Action::Presenter);
    act(&mut app, Action::NotApplicable);
    act(&mut app, Action::ConfirmConsensus);
    act(&mut app, Action::NextQuestion);
    assert!(app.presenter, "still presenting");
    assert!(app.editor.is_none(), "no note editor in front of the room");
    assert_eq!(app.question, ax + 1);
    assert!(
        status(&app).contains("needs its justification"),
        "{}",
        status(&app)
    );
}

#[test]
fn the_agenda_goes_to_the_next_item_and_confirms_unanimous_proposals() {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut a = Assessment::new(&q, t0());
    for n in ["Dana", "Lee"] {
        crate::workshop::add_participant(&mut a, n).expect("participant");
    }
    // q1 unanimous, q2 divergent, q3 unanimous (homework merged: proposals pending).
    for (i, (x, y)) in [(3, 3), (1, 4), (2, 2)].into_iter().enumerate() {
        let question = &q.questions[i];
        for (who, level) in [("Dana", x), ("Lee", y)] {
            crate::workshop::record_vote(
                &mut a,
                question,
                who,
                Some(crate::workshop::Consensus::Level(level)),
                t0(),
            )
            .expect("vote");
        }
    }
    let mut app = open(a);
    // A merged file (never opened in the app) opens at the first agenda item.
    assert_eq!((app.screen, app.question), (Screen::Voting, 1));
    act(&mut app, Action::NextAgendaItem);
    assert_eq!(app.question, 0, "then the proposals to confirm, in order");
    act(&mut app, Action::Agenda);
    assert_eq!(app.mode(), Mode::Agenda);
    act(&mut app, Action::ConfirmUnanimous);
    assert_eq!(
        app.confirm,
        Some(Confirm::ConfirmUnanimous(vec![
            q.questions[0].id.clone(),
            q.questions[2].id.clone()
        ]))
    );
    let effects = act(&mut app, Action::Yes);
    assert!(effects.contains(&Effect::Save));
    assert!(status(&app).contains("Confirmed 2 unanimous proposals"));
    let settled = app
        .session
        .as_ref()
        .map(|s| crate::workshop::timebox::progress(&s.questionnaire, &s.assessment).0);
    assert_eq!(settled, Some(2));
    // The divergent one is still on the agenda; Enter goes to it.
    act(&mut app, Action::Enter);
    assert_eq!(app.question, 1);
    assert_eq!(app.mode(), Mode::Voting);
    // Go to from Voting stays on Voting.
    act(&mut app, Action::JumpTo);
    type_text(&mut app, "5", t0());
    assert_eq!((app.screen, app.question), (Screen::Voting, 4));
}

#[test]
fn a_half_typed_participant_note_is_kept_when_the_terminal_closes() {
    let mut app = room(&["Dana"]);
    act(&mut app, Action::ParticipantNote);
    for c in "We never saw the DPIA".chars() {
        app.update(Msg::Input(c), t0());
    }
    let effects = app.update(Msg::Stopping, at(5));
    assert!(effects.contains(&Effect::Save));
    let id = app.current_id().expect("question");
    let notes = app
        .session
        .as_ref()
        .and_then(|s| s.assessment.answer(&id))
        .map(|a| a.participant_notes.clone())
        .unwrap_or_default();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        (notes[0].by.as_str(), notes[0].text.as_str()),
        ("Dana", "We never saw the DPIA")
    );
}

#[test]
fn the_timebox_field_replaces_its_value_and_refuses_absurd_durations() {
    let mut app = room(&["Dana"]);
    act(&mut app, Action::SetTimebox);
    assert_eq!(app.prompt.as_ref().map(|p| p.input.text()), Some("3:00"));
    type_text(&mut app, "2:30", t0());
    let timebox = |app: &App| {
        app.session
            .as_ref()
            .map(|s| crate::workshop::timebox::timebox_seconds(&s.assessment))
    };
    assert_eq!(timebox(&app), Some(150));
    act(&mut app, Action::SetTimebox);
    assert!(type_text(&mut app, "10000m", t0()).is_empty());
    assert!(
        status(&app).contains("the limit is 12 h"),
        "{}",
        status(&app)
    );
    assert_eq!(timebox(&app), Some(150));
    // The prompt stays open with what was typed; a cursor key keeps it for editing.
    assert_eq!(app.mode(), Mode::Prompt);
    act(&mut app, Action::Back);
    act(&mut app, Action::SetTimebox);
    act(&mut app, Action::Last);
    app.update(Msg::Input('0'), t0());
    assert_eq!(app.prompt.as_ref().map(|p| p.input.text()), Some("2:300"));
}
