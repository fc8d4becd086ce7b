//! Update tests of the evidence register screen and of linking from it. No terminal.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::assessment::{Assessment, Extra};
use crate::evidence::{EvidenceItem, EvidenceKind, VerifyStatus};
use crate::tui::keys::Action;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T10:00:00+01:00").expect("valid date")
}

fn item(title: &str, kind: EvidenceKind) -> EvidenceItem {
    EvidenceItem {
        id: String::new(),
        title: title.into(),
        kind,
        location: format!("/docs/{title}"),
        sha256: (kind == EvidenceKind::File).then(|| "ab".repeat(32)),
        bytes: (kind == EvidenceKind::File).then_some(10),
        dated: None,
        owner: String::new(),
        added: None,
        resolved: None,
        extra: Extra::new(),
    }
}

/// An open assessment whose register holds two files (ev-1 on ctx-01's first check)
/// and a link (ev-3, used by nothing).
fn app_with_register() -> App {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut a = Assessment::new(&q, now());
    let ctx = q.questions[0].clone();
    let first_check = ctx.checks_of(2)[0].id.clone();
    a.add_evidence(
        &ctx,
        Some(&first_check),
        item("minutes.pdf", EvidenceKind::File),
        now(),
    )
    .expect("ev-1");
    a.add_evidence(&ctx, None, item("policy.pdf", EvidenceKind::File), now())
        .expect("ev-2");
    a.register_evidence(item("https://wiki", EvidenceKind::Link), now());
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), now());
    app.update(
        Msg::Opened(Box::new(Session::new(PathBuf::from("/d/acme.json"), a, q))),
        now(),
    );
    app
}

fn act(app: &mut App, action: Action) -> Vec<Effect> {
    app.update(Msg::Act(action), now())
}

#[test]
fn the_register_opens_from_the_overview_and_esc_goes_back_there() {
    let mut app = app_with_register();
    app.go_to_screen(Screen::Overview);
    act(&mut app, Action::Register);
    assert_eq!((app.screen, app.mode()), (Screen::Evidence, Mode::Register));
    act(&mut app, Action::Last);
    assert_eq!(app.register.cursor, 2);
    act(&mut app, Action::Back);
    assert_eq!(app.screen, Screen::Overview);
}

#[test]
fn checking_files_sends_only_file_items_and_answers_of_an_older_run_are_ignored() {
    let mut app = app_with_register();
    act(&mut app, Action::Checklist);
    act(&mut app, Action::Register);
    assert_eq!(app.mode(), Mode::Register);
    let effects = act(&mut app, Action::VerifyFiles);
    let [Effect::VerifyEvidence { run, items }] = effects.as_slice() else {
        panic!("one verify effect, got {effects:?}");
    };
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["ev-1", "ev-2"], "the link is not re-hashed");
    let run = *run;
    // Asked again before the answers came: the first run's answers no longer count.
    act(&mut app, Action::VerifyFiles);
    let checked = |run, id: &str, status| Msg::EvidenceChecked {
        run,
        id: id.into(),
        status,
        reason: None,
    };
    app.update(checked(run, "ev-1", VerifyStatus::Changed), now());
    let v = app.register.verify.clone().expect("a run");
    assert!(v.found.is_empty() && !v.done());
    app.update(checked(run + 1, "ev-1", VerifyStatus::Unchanged), now());
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.starts_with("Checking 2 files"))
    );
    app.update(checked(run + 1, "ev-2", VerifyStatus::Missing), now());
    let v = app.register.verify.clone().expect("a run");
    assert!(v.done());
    assert_eq!(v.found["ev-2"].0, VerifyStatus::Missing);
    assert!(app.status.as_ref().is_some_and(
        |s| s.warn && s.text == "1 of 2 files changed or missing since they were added."
    ));
    // Back to the checklist, at the row it was on.
    act(&mut app, Action::Back);
    assert_eq!(
        (app.screen, app.mode()),
        (Screen::Question, Mode::Checklist)
    );
}

#[test]
fn picking_links_the_selected_item_to_the_check_or_the_question_and_saves() {
    let mut app = app_with_register();
    act(&mut app, Action::Checklist);
    act(&mut app, Action::Down);
    act(&mut app, Action::LinkEvidence);
    assert_eq!(app.mode(), Mode::RegisterPick);
    act(&mut app, Action::Down);
    act(&mut app, Action::Down);
    let effects = act(&mut app, Action::Enter);
    assert!(effects.contains(&Effect::Save), "{effects:?}");
    assert_eq!(app.mode(), Mode::Checklist);
    assert_eq!(app.checklist, Some(1), "back at the same check");
    let s = app.session.as_ref().expect("session");
    let q = &s.questionnaire.questions[0];
    let second = &q.checks_of(2)[1].id;
    let answer = s.assessment.answer(&q.id).expect("answer");
    assert_eq!(answer.check_evidence[second], ["ev-3"]);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|st| st.text == format!("ev-3 linked to {second}."))
    );
    // L links to the question as a whole; Esc cancels without linking.
    act(&mut app, Action::LinkToQuestion);
    assert_eq!(
        app.register.pick.as_ref().map(|p| p.check.clone()),
        Some(None)
    );
    act(&mut app, Action::Back);
    assert_eq!(app.mode(), Mode::Checklist);
    act(&mut app, Action::LinkToQuestion);
    act(&mut app, Action::First);
    act(&mut app, Action::Enter);
    let s = app.session.as_ref().expect("session");
    let answer = s
        .assessment
        .answer(&s.questionnaire.questions[0].id)
        .expect("a");
    assert_eq!(answer.evidence_refs, ["ev-2", "ev-1"]);
}

#[test]
fn an_empty_register_cannot_be_picked_from_and_enter_opens_the_question_using_an_item() {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let a = Assessment::new(&q, now());
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), now());
    app.update(
        Msg::Opened(Box::new(Session::new(PathBuf::from("/d/a.json"), a, q))),
        now(),
    );
    act(&mut app, Action::Checklist);
    act(&mut app, Action::LinkEvidence);
    assert_eq!(app.mode(), Mode::Checklist);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("register is empty"))
    );

    let mut app = app_with_register();
    app.set_question(5);
    app.go_to_screen(Screen::Overview);
    act(&mut app, Action::Register);
    act(&mut app, Action::Enter);
    assert_eq!((app.screen, app.question), (Screen::Question, 0));
    act(&mut app, Action::Back);
    assert_eq!(
        app.screen,
        Screen::Evidence,
        "Esc comes back to the register"
    );
    act(&mut app, Action::Last);
    act(&mut app, Action::Enter);
    assert_eq!(app.screen, Screen::Evidence, "the link is used by nothing");

    // From a checklist on another question, Enter shows ctx-01; Esc, Esc: back on the
    // checklist of the question it was opened on.
    let mut app = app_with_register();
    app.set_question(3);
    act(&mut app, Action::Checklist);
    act(&mut app, Action::Down);
    act(&mut app, Action::Register);
    act(&mut app, Action::Enter);
    assert_eq!(app.question, 0);
    act(&mut app, Action::Back);
    act(&mut app, Action::Back);
    assert_eq!(
        (app.mode(), app.question, app.checklist),
        (Mode::Checklist, 3, Some(1))
    );
}
