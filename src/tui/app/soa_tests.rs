//! Update tests of the Statement of Applicability screen: feed messages, check the
//! decisions, the refusals, the prompts and the effects. No terminal.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::assessment::{Assessment, Implementation};
use crate::tui::keys::Action;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T10:00:00+01:00").expect("valid date")
}

fn app() -> App {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), now());
    let a = Assessment::new(&q, now());
    app.update(
        Msg::Opened(Box::new(Session::new(PathBuf::from("/d/acme.json"), a, q))),
        now(),
    );
    app
}

fn act(app: &mut App, action: Action) -> Vec<Effect> {
    app.update(Msg::Act(action), now())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Msg::Input(c), now());
    }
}

/// Puts the cursor on control `id` (filter: all).
fn select(app: &mut App, id: &str) {
    let q = app.questionnaire().expect("open").clone();
    app.soa_cursor = q.controls.iter().position(|c| c.id == id).expect(id);
}

fn decision(app: &App, id: &str) -> Option<crate::assessment::ControlDecision> {
    app.session.as_ref()?.assessment.decision(id).cloned()
}

#[test]
fn the_soa_screen_is_in_the_tab_order_after_the_overview() {
    let mut app = app();
    assert_eq!(app.screen, Screen::Question);
    act(&mut app, Action::NextScreen);
    assert_eq!(app.screen, Screen::Overview);
    act(&mut app, Action::NextScreen);
    assert_eq!(app.screen, Screen::Soa);
    assert_eq!(app.mode(), Mode::Soa);
    act(&mut app, Action::Back);
    assert_eq!(app.screen, Screen::Question);
}

#[test]
fn excluding_asks_for_the_justification_and_saves_both() {
    let mut app = app();
    app.go_to_screen(Screen::Soa);
    select(&mut app, "A.10.4");
    let effects = act(&mut app, Action::Exclude);
    assert!(effects.contains(&Effect::Save), "saved at once");
    assert_eq!(
        decision(&app, "A.10.4").and_then(|d| d.applicable),
        Some(false)
    );
    assert!(
        app.status.as_ref().is_some_and(|s| s.warn),
        "needs a justification"
    );
    assert_eq!(app.mode(), Mode::Prompt);
    type_text(&mut app, "Our AI serves internal staff only");
    let effects = act(&mut app, Action::Enter);
    assert!(effects.contains(&Effect::Save));
    assert_eq!(
        decision(&app, "A.10.4").map(|d| d.justification),
        Some("Our AI serves internal staff only".into())
    );
    assert_eq!(app.mode(), Mode::Soa);
    let soa = app
        .session
        .as_ref()
        .and_then(|s| s.scores.soa.clone())
        .expect("soa");
    assert_eq!((soa.excluded, soa.undecided), (1, 37), "rescored at once");
}

#[test]
fn a_control_required_by_a_mandatory_clause_cannot_be_excluded() {
    let mut app = app();
    app.go_to_screen(Screen::Soa);
    select(&mut app, "A.2.2");
    let effects = act(&mut app, Action::Exclude);
    assert!(effects.is_empty(), "nothing to save");
    assert_eq!(decision(&app, "A.2.2"), None);
    let status = app.status.clone().expect("a reason");
    assert!(
        status.warn && status.text.contains("mandatory clause"),
        "{status:?}"
    );
    assert_eq!(app.mode(), Mode::Soa, "no prompt opened");
}

#[test]
fn implementation_cycles_on_included_controls_only() {
    let mut app = app();
    app.go_to_screen(Screen::Soa);
    select(&mut app, "A.6.2.8");
    assert!(
        act(&mut app, Action::CycleStatus).is_empty(),
        "undecided: refused"
    );
    assert!(app.status.as_ref().is_some_and(|s| s.warn));
    act(&mut app, Action::Include);
    assert_eq!(app.mode(), Mode::Prompt, "an inclusion is asked why too");
    act(&mut app, Action::Back); // leave it for later
    let impl_of = |app: &App| decision(app, "A.6.2.8").and_then(|d| d.implementation);
    act(&mut app, Action::CycleStatus);
    assert_eq!(impl_of(&app), Some(Implementation::Planned));
    let effects = act(&mut app, Action::CycleStatus);
    assert!(effects.contains(&Effect::Save));
    assert_eq!(impl_of(&app), Some(Implementation::Partial));
    act(&mut app, Action::CycleStatus);
    act(&mut app, Action::CycleStatus);
    assert_eq!(impl_of(&app), Some(Implementation::NotStarted));
}

#[test]
fn owner_and_filters() {
    let mut app = app();
    app.go_to_screen(Screen::Soa);
    select(&mut app, "A.7.4");
    act(&mut app, Action::SetOwner);
    type_text(&mut app, "Data lead");
    act(&mut app, Action::Enter);
    assert_eq!(
        decision(&app, "A.7.4").map(|d| d.owner),
        Some("Data lead".into())
    );
    act(&mut app, Action::Include);
    type_text(&mut app, "We curate data");
    act(&mut app, Action::Enter);
    select(&mut app, "A.7.5");
    act(&mut app, Action::Exclude);
    type_text(&mut app, "No data sets made in house");
    act(&mut app, Action::Enter);
    // all → undecided → excluded → not implemented → all
    act(&mut app, Action::Filter);
    assert_eq!(app.soa_filter, SoaFilter::Undecided);
    assert_eq!(app.soa_controls().len(), 36);
    act(&mut app, Action::Filter);
    assert_eq!(app.soa_filter, SoaFilter::Excluded);
    assert_eq!(
        app.selected_control().as_deref(),
        Some("A.7.5"),
        "the cursor follows"
    );
    act(&mut app, Action::Filter);
    assert_eq!(app.soa_filter, SoaFilter::NotImplemented);
    assert_eq!(app.selected_control().as_deref(), Some("A.7.4"));
    act(&mut app, Action::Filter);
    assert_eq!(app.soa_filter, SoaFilter::All);
}

#[test]
fn from_an_annex_a_question_to_its_controls_and_back() {
    let mut app = app();
    let q = app.questionnaire().expect("open").clone();
    let ax05 = q.question_index("ax-05").expect("ax-05");
    app.set_question(ax05);
    act(&mut app, Action::Soa);
    assert_eq!(app.screen, Screen::Soa);
    assert_eq!(app.selected_control().as_deref(), Some("A.6.1.2"));
    app.soa_cursor += 8;
    assert_eq!(app.selected_control().as_deref(), Some("A.6.2.8"));
    act(&mut app, Action::Enter);
    assert_eq!((app.screen, app.question), (Screen::Question, ax05));
    // N/A on it is decided control by control: it opens the statement there.
    act(&mut app, Action::NotApplicable);
    assert_eq!(app.screen, Screen::Soa);
    assert_eq!(app.selected_control().as_deref(), Some("A.6.1.2"));
    // A clause question assesses no control.
    app.jump(0);
    act(&mut app, Action::Soa);
    assert_eq!(app.screen, Screen::Question);
    assert!(app.status.as_ref().is_some_and(|s| s.warn));
}

#[test]
fn excluding_every_control_of_a_question_makes_it_na_and_it_can_be_left() {
    let mut app = app();
    app.go_to_screen(Screen::Soa);
    for id in ["A.10.2", "A.10.3", "A.10.4"] {
        select(&mut app, id);
        act(&mut app, Action::Exclude);
        type_text(&mut app, "No third parties");
        act(&mut app, Action::Enter);
    }
    let s = app.session.as_ref().expect("open");
    assert!(s.assessment.answer("ax-09").is_some_and(|a| a.na));
    // Its justification is the controls': moving on from the question is allowed.
    let i = s.questionnaire.question_index("ax-09").expect("ax-09");
    app.jump(i);
    // Its level follows the statement: a level key is refused with the way out (a opens
    // the statement; c would confirm a carried-over answer).
    assert!(app.update(Msg::Digit(3), now()).is_empty());
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.warn && s.text.contains("(a)"))
    );
    assert!(act(&mut app, Action::ClearAnswer).is_empty());
    let s = app.session.as_ref().expect("open");
    assert!(
        s.assessment
            .answer("ax-09")
            .is_some_and(|a| a.na && a.level.is_none())
    );
    act(&mut app, Action::PrevQuestion);
    assert_eq!(app.question, i - 1);
}

#[test]
fn opening_tells_what_old_na_answers_became() {
    let q = Questionnaire::embedded().expect("embedded");
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), now());
    let mut session = Session::new(PathBuf::from("/d/a.json"), Assessment::new(&q, now()), q);
    session.carried.excluded = vec!["A.10.2".into()];
    app.update(Msg::Opened(Box::new(session)), now());
    let status = app.status.clone().expect("told");
    assert!(status.warn && status.text.contains("A.10.2"));
}

#[test]
fn a_workshop_na_on_an_annex_a_question_excludes_its_controls() {
    let q = Questionnaire::embedded().expect("embedded");
    let mut a = Assessment::new(&q, now());
    crate::workshop::add_participant(&mut a, "Dana").expect("participant");
    a.answer_mut("ax-09").note = "No third parties".into();
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), now());
    app.update(
        Msg::Opened(Box::new(Session::new(
            PathBuf::from("/d/w.json"),
            a,
            q.clone(),
        ))),
        now(),
    );
    app.set_question(q.question_index("ax-09").expect("ax-09"));
    app.go_to_screen(Screen::Voting);
    act(&mut app, Action::OverrideConsensus);
    let effects = act(&mut app, Action::NotApplicable);
    assert!(effects.contains(&Effect::Save));
    // The override's reason is optional: Enter on the empty prompt skips it.
    assert_eq!(app.mode(), Mode::Prompt);
    act(&mut app, Action::Enter);
    for id in ["A.10.2", "A.10.3", "A.10.4"] {
        let d = decision(&app, id).expect(id);
        assert_eq!(d.applicable, Some(false));
        assert_eq!(d.justification, "No third parties");
    }
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("controls are excluded"))
    );
    // ax-01 cannot be N/A (its policy control cannot be excluded): refused, nothing
    // decided.
    app.set_question(q.question_index("ax-01").expect("ax-01"));
    act(&mut app, Action::OverrideConsensus);
    act(&mut app, Action::NotApplicable);
    assert_eq!(decision(&app, "A.2.2"), None);
    assert_eq!(decision(&app, "A.2.3"), None);
    assert!(app.status.as_ref().is_some_and(|s| s.warn));
}
