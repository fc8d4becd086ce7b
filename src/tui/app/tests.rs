//! Update tests: feed messages, check the state and the effects. No terminal.

use crate::locale::Lang;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::assessment::{Assessment, PlanStatus};
use ratatui::layout::Rect;

use crate::store::catalog::Summary;
use crate::tui::keys::Action;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T10:00:00+01:00").expect("valid date")
}

fn later() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T11:30:00+01:00").expect("valid date")
}

fn app_with_session() -> App {
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
    app.update(Msg::Act(action), later())
}

fn answer(app: &App, index: usize) -> Option<crate::assessment::Answer> {
    let s = app.session.as_ref()?;
    let id = &s.questionnaire.questions[index].id;
    s.assessment.answer(id).cloned()
}

fn na_question(app: &App) -> usize {
    app.questionnaire()
        .and_then(|q| q.questions.iter().position(|x| x.allow_na))
        .expect("a question that allows N/A")
}

#[test]
fn empty_home_goes_straight_to_the_new_form_and_enter_enter_enter_creates() {
    let q = Questionnaire::embedded().expect("embedded");
    let mut app = App::new(q.clone(), Theme::new(false), PathBuf::from("."), now());
    app.update(Msg::HomeLoaded(Vec::new()), now());
    assert_eq!(app.screen, Screen::New);
    for c in "Acme".chars() {
        app.update(Msg::Input(c), now());
    }
    assert!(app.update(Msg::Act(Action::Enter), now()).is_empty());
    assert!(app.update(Msg::Act(Action::Enter), now()).is_empty());
    let effects = app.update(Msg::Act(Action::Enter), now());
    let [Effect::Create(created)] = effects.as_slice() else {
        panic!("expected one Create, got {effects:?}");
    };
    let (draft, questionnaire) = created.as_ref();
    assert_eq!(questionnaire.id, q.id);
    assert_eq!(draft.meta.organisation, "Acme");
    assert_eq!(draft.targets.len(), q.domains.len());
    assert!(draft.targets.values().all(|t| *t == q.default_target));
}

#[test]
fn the_form_sets_assessors_and_targets() {
    let q = Questionnaire::embedded().expect("embedded");
    let mut app = App::new(q.clone(), Theme::new(false), PathBuf::from("."), now());
    app.update(Msg::Act(Action::New), now());
    app.update(Msg::Act(Action::Down), now());
    app.update(Msg::Act(Action::Down), now());
    app.update(Msg::Paste("Dana, Lee ,".into()), now());
    app.update(Msg::Act(Action::Down), now());
    app.update(Msg::Act(Action::Right), now());
    app.update(Msg::Act(Action::Right), now());
    app.update(Msg::Act(Action::Right), now());
    let draft = app.draft(now());
    assert_eq!(draft.meta.assessors, ["Dana", "Lee"]);
    assert_eq!(draft.targets[&q.domains[0].id], 5);
    app.update(Msg::Act(Action::Back), now());
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn a_non_empty_home_stays_and_opens_the_selected_file() {
    let q = Questionnaire::embedded().expect("embedded");
    let mut app = App::new(q, Theme::new(false), PathBuf::from("."), now());
    let entry = |name: &str| Summary {
        path: PathBuf::from(format!("/d/{name}")),
        file: name.into(),
        organisation: name.into(),
        covered: 0,
        total: 42,
        verdict: None,
        updated: None,
        problem: None,
    };
    app.update(
        Msg::HomeLoaded(vec![entry("a.json"), entry("b.json")]),
        now(),
    );
    assert_eq!(app.screen, Screen::Home);
    act(&mut app, Action::Down);
    assert_eq!(
        act(&mut app, Action::Enter),
        [Effect::Open(PathBuf::from("/d/b.json"))]
    );
    // Delete asks first; "no" changes nothing, "yes" deletes.
    act(&mut app, Action::Delete);
    assert_eq!(app.mode(), Mode::Confirm);
    assert!(act(&mut app, Action::No).is_empty());
    act(&mut app, Action::Delete);
    assert_eq!(
        act(&mut app, Action::Yes),
        [Effect::Delete(PathBuf::from("/d/b.json"))]
    );
    // A lock conflict comes back as a clear message on the home screen.
    app.update(
        Msg::OpenFailed(
            "assessment file b.json is in use by another aims-readiness process (pid 7)".into(),
        ),
        now(),
    );
    assert_eq!(app.screen, Screen::Home);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.warn && s.text.contains("pid 7"))
    );
}

#[test]
fn navigation_moves_between_questions_and_screens() {
    let mut app = app_with_session();
    assert_eq!((app.screen, app.question), (Screen::Question, 0));
    act(&mut app, Action::PrevQuestion);
    assert_eq!(app.question, 0, "no question before the first");
    let effects = act(&mut app, Action::NextQuestion);
    assert_eq!(app.question, 1);
    assert_eq!(effects, [Effect::SaveSoon], "the position is remembered");
    let resume = app
        .session
        .as_ref()
        .and_then(|s| s.assessment.resume.clone());
    assert_eq!(
        resume.map(|r| (r.screen, r.question)),
        Some((
            "question".to_string(),
            Some(app.current_id().unwrap_or_default())
        ))
    );
    act(&mut app, Action::NextScreen);
    assert_eq!(app.screen, Screen::Overview);
    act(&mut app, Action::PrevScreen);
    act(&mut app, Action::PrevScreen);
    assert_eq!(app.screen, Screen::Export, "Shift-Tab wraps around");
    act(&mut app, Action::Back);
    assert_eq!(app.screen, Screen::Question);
    assert_eq!(act(&mut app, Action::Back), [Effect::Close]);
    // Jump by number and by search.
    act(&mut app, Action::JumpTo);
    for c in "12".chars() {
        app.update(Msg::Input(c), later());
    }
    act(&mut app, Action::Enter);
    assert_eq!(app.question, 11);
    act(&mut app, Action::JumpTo);
    app.update(Msg::Input('9'), later());
    app.update(Msg::Input('9'), later());
    act(&mut app, Action::Enter);
    assert_eq!(app.question, 11, "out of range: stays");
    assert!(app.status.as_ref().is_some_and(|s| s.warn));
    let target_id = app
        .questionnaire()
        .map(|q| q.questions[30].id.clone())
        .unwrap_or_default();
    act(&mut app, Action::Search);
    app.update(Msg::Paste(target_id.to_uppercase()), later());
    act(&mut app, Action::Enter);
    assert_eq!(app.question, 30);
}

#[test]
fn reopening_resumes_at_the_same_screen_and_question() {
    let mut app = app_with_session();
    act(&mut app, Action::NextQuestion);
    act(&mut app, Action::NextQuestion);
    act(&mut app, Action::NextScreen);
    let s = app.session.clone().expect("session");
    let q = s.questionnaire.clone();
    let mut again = App::new(q.clone(), Theme::new(false), PathBuf::from("."), now());
    again.update(
        Msg::Opened(Box::new(Session::new(s.path, s.assessment, q))),
        now(),
    );
    assert_eq!((again.screen, again.question), (Screen::Overview, 2));
}

#[test]
fn digits_score_and_every_change_is_saved() {
    let mut app = app_with_session();
    let effects = app.update(Msg::Digit(3), later());
    assert!(effects.contains(&Effect::Save));
    let a = answer(&app, 0).expect("answered");
    assert_eq!((a.level, a.na, a.updated), (Some(3), false, Some(later())));
    let s = app.session.as_ref().expect("session");
    assert_eq!(s.assessment.meta.updated, later());
    assert_eq!(s.scores.overall.answered, 1, "scores follow at once");
    // Cursor and Enter score too; arrows stop at the ends.
    act(&mut app, Action::Down);
    act(&mut app, Action::Down);
    act(&mut app, Action::Down);
    act(&mut app, Action::Down);
    assert_eq!(app.level_cursor, 5);
    act(&mut app, Action::Enter);
    assert_eq!(answer(&app, 0).and_then(|a| a.level), Some(5));
    act(&mut app, Action::ClearAnswer);
    assert_eq!(answer(&app, 0).and_then(|a| a.level), None);
    // Next unanswered skips answered questions.
    app.update(Msg::Digit(2), later());
    act(&mut app, Action::NextQuestion);
    app.update(Msg::Digit(2), later());
    act(&mut app, Action::PrevQuestion);
    act(&mut app, Action::NextUnanswered);
    assert_eq!(app.question, 2);
}

#[test]
fn a_pasted_digit_sequence_scores_nothing() {
    let mut app = app_with_session();
    assert!(app.update(Msg::Paste("3\n5\n".into()), later()).is_empty());
    assert_eq!(answer(&app, 0), None);
}

#[test]
fn not_applicable_needs_a_justification_before_moving_on() {
    // Without controls (a custom questionnaire), N/A is answered on the question itself;
    // with them it is decided control by control (see soa_tests).
    let mut q = Questionnaire::embedded().expect("embedded questionnaire");
    q.controls.clear();
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), now());
    let a = Assessment::new(&q, now());
    app.update(
        Msg::Opened(Box::new(Session::new(PathBuf::from("/d/acme.json"), a, q))),
        now(),
    );
    // Not allowed on a clause question.
    act(&mut app, Action::NotApplicable);
    assert_eq!(answer(&app, 0).map(|a| a.na), None);
    assert!(app.status.as_ref().is_some_and(|s| s.warn));

    let i = na_question(&app);
    app.set_question(i);
    app.update(Msg::Digit(2), later());
    let effects = act(&mut app, Action::NotApplicable);
    assert!(effects.contains(&Effect::Save));
    let a = answer(&app, i).expect("answer");
    assert!(a.na && a.level.is_none());
    assert_eq!(
        app.mode(),
        Mode::Editor,
        "the note opens for the justification"
    );
    act(&mut app, Action::Done);
    // Moving on is refused until the note says why.
    act(&mut app, Action::NextQuestion);
    assert_eq!(app.question, i);
    assert_eq!(app.mode(), Mode::Editor);
    act(&mut app, Action::Done);
    act(&mut app, Action::NextScreen);
    assert_eq!(app.screen, Screen::Question);
    assert!(app.editor.is_some());
    for c in "No AI systems bought in".chars() {
        app.update(Msg::Input(c), later());
    }
    act(&mut app, Action::Done);
    act(&mut app, Action::NextQuestion);
    assert_eq!(app.question, i + 1);
    // Scoring a level clears N/A again.
    app.set_question(i);
    app.update(Msg::Digit(4), later());
    let a = answer(&app, i).expect("answer");
    assert_eq!((a.na, a.level), (false, Some(4)));
}

#[test]
fn note_editing_types_moves_pastes_and_saves_soon() {
    let mut app = app_with_session();
    act(&mut app, Action::EditNote);
    assert_eq!(app.mode(), Mode::Editor);
    let effects = app.update(Msg::Input('a'), later());
    assert_eq!(
        effects,
        [Effect::SaveSoon],
        "typing is saved after a short pause"
    );
    app.update(Msg::Input('c'), later());
    act(&mut app, Action::Left);
    app.update(Msg::Input('b'), later());
    act(&mut app, Action::Newline);
    app.update(Msg::Paste("Café 漢字\r\nline".into()), later());
    assert_eq!(
        answer(&app, 0).map(|a| a.note),
        Some("ab\nCafé 漢字\nlinec".into())
    );
    act(&mut app, Action::Backspace);
    act(&mut app, Action::Up);
    act(&mut app, Action::First);
    act(&mut app, Action::DeleteChar);
    assert_eq!(
        answer(&app, 0).map(|a| a.note),
        Some("ab\nafé 漢字\nlinc".into())
    );
    // Keys that are commands elsewhere are text here.
    app.update(Msg::Input('q'), later());
    assert!(answer(&app, 0).is_some_and(|a| a.note.contains("qafé")));
    assert_eq!(act(&mut app, Action::Done), [Effect::Save]);
    assert_eq!(app.mode(), Mode::Question);
    // Evidence: one item per non-empty line.
    act(&mut app, Action::EditEvidence);
    app.update(
        Msg::Paste("AI policy v2\n\n  risk register \n".into()),
        later(),
    );
    assert_eq!(
        answer(&app, 0).map(|a| a.evidence),
        Some(vec![
            "AI policy v2".to_string(),
            "risk register".to_string()
        ])
    );
}

#[test]
fn flagging_toggles_and_filters_the_overview() {
    let mut app = app_with_session();
    act(&mut app, Action::NextQuestion);
    // f asks for a reason (optional): Enter with none parks the question.
    assert!(act(&mut app, Action::ToggleFlag).is_empty());
    assert_eq!(app.mode(), Mode::Prompt);
    let effects = act(&mut app, Action::Enter);
    assert!(effects.contains(&Effect::Save));
    assert_eq!(answer(&app, 1).map(|a| a.flagged), Some(true));
    act(&mut app, Action::NextScreen);
    act(&mut app, Action::Filter); // unanswered
    act(&mut app, Action::Filter); // flagged
    assert_eq!(app.filter, Filter::Flagged);
    let rows = app.overview_rows();
    assert_eq!(
        rows.iter()
            .filter(|r| matches!(r, OverviewRow::Question(_)))
            .count(),
        1
    );
    assert!(rows.contains(&OverviewRow::Question(1)));
    act(&mut app, Action::Enter);
    assert_eq!((app.screen, app.question), (Screen::Question, 1));
    // Removing a flag asks first: "no" keeps it, "yes" removes it.
    assert!(act(&mut app, Action::ToggleFlag).is_empty());
    assert!(matches!(app.confirm, Some(Confirm::RemoveFlag { .. })));
    act(&mut app, Action::No);
    assert_eq!(answer(&app, 1).map(|a| a.flagged), Some(true));
    act(&mut app, Action::ToggleFlag);
    let effects = act(&mut app, Action::Yes);
    assert!(effects.contains(&Effect::Save));
    assert_eq!(answer(&app, 1).map(|a| a.flagged), Some(false));
}

#[test]
fn find_searches_references_notes_and_flag_reasons_and_clears_a_failure() {
    let mut app = app_with_session();
    let q = app.questionnaire().expect("q").clone();
    let by_ref = q
        .questions
        .iter()
        .position(|x| x.refs.iso.iter().any(|r| r.starts_with("A.6")))
        .expect("a question citing A.6");
    act(&mut app, Action::Search);
    type_text(&mut app, "A.6");
    act(&mut app, Action::Enter);
    assert_eq!(app.question, by_ref, "a control number finds its question");

    // A word only in a note and one only in a flag reason.
    let s = app.session.as_mut().expect("session");
    s.assessment
        .set_note(&q.questions[3].id, "ask Köhler about the SLA", now());
    s.assessment.answer_mut(&q.questions[5].id).flagged = true;
    s.assessment.answer_mut(&q.questions[5].id).flag_reason = "vendor contract".into();
    act(&mut app, Action::Search);
    type_text(&mut app, "zzz-nothing");
    act(&mut app, Action::Enter);
    assert!(app.status.as_ref().is_some_and(|s| s.warn));
    act(&mut app, Action::Search);
    type_text(&mut app, "köhler");
    act(&mut app, Action::Enter);
    assert_eq!(app.question, 3);
    let status = app.status.clone().expect("status");
    assert!(!status.warn && status.text.contains("Found"), "{status:?}");
    act(&mut app, Action::Search);
    type_text(&mut app, "VENDOR");
    act(&mut app, Action::Enter);
    assert_eq!(app.question, 5);
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Msg::Input(c), later());
    }
}

#[test]
fn overview_skips_domain_headings() {
    let mut app = app_with_session();
    act(&mut app, Action::NextScreen);
    let rows = app.overview_rows();
    assert!(matches!(rows[0], OverviewRow::Domain(_)));
    assert_eq!(rows[app.overview_cursor], OverviewRow::Question(0));
    act(&mut app, Action::Up);
    assert_eq!(rows[app.overview_cursor], OverviewRow::Question(0));
    act(&mut app, Action::Last);
    act(&mut app, Action::First);
    assert!(matches!(
        rows[app.overview_cursor],
        OverviewRow::Question(_)
    ));
    for _ in 0..rows.len() {
        act(&mut app, Action::Down);
        assert!(matches!(
            rows[app.overview_cursor],
            OverviewRow::Question(_)
        ));
    }
}

#[test]
fn targets_change_scores_and_are_saved() {
    let mut app = app_with_session();
    app.update(Msg::Digit(2), later());
    app.go_to_screen(Screen::Targets);
    let domain = app
        .questionnaire()
        .map(|q| q.domains[0].id.clone())
        .unwrap_or_default();
    let effects = app.update(Msg::Digit(5), later());
    assert!(effects.contains(&Effect::Save));
    let s = app.session.as_ref().expect("session");
    assert_eq!(s.assessment.targets[&domain], 5);
    assert_eq!(s.scores.domain(&domain).map(|d| d.target), Some(5));
    act(&mut app, Action::Right);
    assert_eq!(
        app.session.as_ref().map(|s| s.assessment.targets[&domain]),
        Some(5),
        "5 is the top"
    );
    act(&mut app, Action::Left);
    act(&mut app, Action::Left);
    assert_eq!(
        app.session.as_ref().map(|s| s.assessment.targets[&domain]),
        Some(3)
    );
    act(&mut app, Action::Down);
    app.update(Msg::Digit(1), later());
    let second = app
        .questionnaire()
        .map(|q| q.domains[1].id.clone())
        .unwrap_or_default();
    assert_eq!(
        app.session.as_ref().map(|s| s.assessment.targets[&second]),
        Some(1)
    );
}

#[test]
fn roadmap_owner_and_status_are_kept_in_the_plan() {
    let mut app = app_with_session();
    app.update(Msg::Digit(1), later());
    app.go_to_screen(Screen::Roadmap);
    let items = app.roadmap_items();
    assert_eq!(items.len(), 1);
    let id = items[0].question.clone();
    act(&mut app, Action::SetOwner);
    assert_eq!(app.mode(), Mode::Prompt);
    app.update(Msg::Paste("Dana Müller".into()), later());
    let effects = act(&mut app, Action::Enter);
    assert!(effects.contains(&Effect::Save));
    let effects = act(&mut app, Action::CycleStatus);
    assert!(effects.contains(&Effect::Save));
    let plan = app
        .session
        .as_ref()
        .map(|s| s.assessment.plan[&id].clone())
        .expect("plan entry");
    assert_eq!(
        (plan.owner.as_str(), plan.status),
        ("Dana Müller", PlanStatus::InProgress)
    );
    assert_eq!(app.roadmap_items()[0].owner.as_deref(), Some("Dana Müller"));
    // Esc cancels a prompt without a change.
    act(&mut app, Action::SetOwner);
    app.update(Msg::Input('x'), later());
    assert!(act(&mut app, Action::Back).is_empty());
    assert_eq!(
        app.session
            .as_ref()
            .map(|s| s.assessment.plan[&id].owner.clone()),
        Some("Dana Müller".into())
    );
}

#[test]
fn export_asks_before_replacing_then_forces() {
    let mut app = app_with_session();
    app.go_to_screen(Screen::Export);
    act(&mut app, Action::ToggleFormat); // png off
    let effects = act(&mut app, Action::RunExport);
    let [
        ..,
        Effect::Export {
            formats,
            folder,
            force,
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("expected an export, got {} effects", effects.len());
    };
    assert!(!formats.contains(&Format::Png) && formats.contains(&Format::Json));
    assert_eq!(
        (folder.as_path(), *force),
        (std::path::Path::new("/out"), false)
    );
    app.update(
        Msg::Exported(vec![
            (
                Format::Json,
                ExportOutcome::Exists(PathBuf::from("/out/results.json")),
            ),
            (
                Format::Md,
                ExportOutcome::Failed("cannot write report.md: disk full".into()),
            ),
        ]),
        later(),
    );
    assert_eq!(
        app.confirm,
        Some(Confirm::ReplaceExports(vec![Format::Json]))
    );
    let effects = act(&mut app, Action::Yes);
    let [
        Effect::Export {
            formats,
            folder,
            force,
            session,
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("expected an export, got {} effects", effects.len());
    };
    assert_eq!(
        (formats.as_slice(), folder.as_path(), *force),
        (
            [Format::Json].as_slice(),
            std::path::Path::new("/out"),
            true
        )
    );
    assert_eq!(
        session.assessment,
        app.session.as_ref().expect("session").assessment,
        "the effect carries the assessment as it is"
    );
    app.update(
        Msg::Exported(vec![(
            Format::Json,
            ExportOutcome::Written(PathBuf::from("/out/results.json")),
        )]),
        later(),
    );
    assert_eq!(
        app.export.outcomes.len(),
        2,
        "the earlier failure stays listed"
    );
    assert!(app.confirm.is_none());
}

#[test]
fn help_lists_the_keys_of_the_screen_below_and_closes() {
    let mut app = app_with_session();
    act(&mut app, Action::Help);
    assert_eq!((app.mode(), app.help_mode()), (Mode::Help, Mode::Question));
    act(&mut app, Action::Help);
    assert_eq!(app.mode(), Mode::Question);
}

#[test]
fn help_scroll_stops_at_the_end_of_the_list() {
    let mut app = app_with_session();
    act(&mut app, Action::Help);
    // The view found that the key list scrolls by at most 5 rows in this window.
    app.update(
        Msg::Drawn(FrameInfo {
            help_max_scroll: 5,
            ..FrameInfo::default()
        }),
        later(),
    );
    for _ in 0..20 {
        act(&mut app, Action::Down);
    }
    act(&mut app, Action::PageDown);
    assert_eq!(app.help_scroll, 5, "scrolling stops at the last row");
    act(&mut app, Action::Up);
    assert_eq!(app.help_scroll, 4, "one press back moves at once");
    // A larger window: the scroll already shown stays valid, a smaller one clamps it.
    app.update(
        Msg::Drawn(FrameInfo {
            help_max_scroll: 2,
            ..FrameInfo::default()
        }),
        later(),
    );
    assert_eq!(app.help_scroll, 2);
}

#[test]
fn quit_is_an_effect_in_every_mode() {
    let mut app = app_with_session();
    act(&mut app, Action::EditNote);
    assert_eq!(act(&mut app, Action::Quit), [Effect::Quit]);
}

#[test]
fn clicks_use_the_regions_the_last_frame_drew() {
    let mut app = app_with_session();
    app.update(
        Msg::Drawn(FrameInfo {
            hits: vec![
                (Rect::new(0, 10, 80, 2), Hit::Level(4)),
                (Rect::new(60, 0, 10, 1), Hit::Tab(Screen::Results)),
            ],
            ..FrameInfo::default()
        }),
        later(),
    );
    let effects = app.update(Msg::Click { column: 5, row: 11 }, later());
    assert!(effects.contains(&Effect::Save));
    assert_eq!(answer(&app, 0).and_then(|a| a.level), Some(4));
    app.update(Msg::Click { column: 65, row: 0 }, later());
    assert_eq!(app.screen, Screen::Results);
    assert!(
        app.update(
            Msg::Click {
                column: 79,
                row: 23
            },
            later()
        )
        .is_empty()
    );
}

#[test]
fn the_keymap_knows_the_screens_of_an_assessment() {
    let modes: Vec<Mode> = Screen::OF_ASSESSMENT.iter().map(|s| s.mode()).collect();
    assert_eq!(
        modes,
        crate::tui::keys::SCREENS,
        "one list of screens, in Tab order"
    );
}

#[test]
fn enter_on_an_unanswered_question_scores_only_a_picked_level() {
    let mut app = app_with_session();
    assert_eq!(app.screen, Screen::Question);
    assert!(
        act(&mut app, Action::Enter).is_empty(),
        "no accidental level 1"
    );
    assert_eq!(answer(&app, 0).and_then(|a| a.level), None);
    assert!(app.status.as_ref().is_some_and(|s| s.text.contains("1-5")));
    act(&mut app, Action::Down);
    act(&mut app, Action::Down);
    let effects = act(&mut app, Action::Enter);
    assert!(effects.contains(&Effect::Save));
    assert_eq!(answer(&app, 0).and_then(|a| a.level), Some(3));
    // On the next question the highlight must be picked again.
    act(&mut app, Action::NextQuestion);
    assert!(act(&mut app, Action::Enter).is_empty());
    assert_eq!(answer(&app, 1).and_then(|a| a.level), None);
    // An answered question: Enter keeps its level.
    act(&mut app, Action::PrevQuestion);
    assert!(act(&mut app, Action::Enter).contains(&Effect::Save));
    assert_eq!(answer(&app, 0).and_then(|a| a.level), Some(3));
}

#[test]
fn esc_from_a_question_opened_from_a_list_goes_back_to_that_row() {
    let mut app = app_with_session();
    act(&mut app, Action::NextScreen); // overview
    assert_eq!(app.screen, Screen::Overview);
    for _ in 0..6 {
        act(&mut app, Action::Down);
    }
    let row = app.overview_cursor;
    act(&mut app, Action::Enter);
    assert_eq!(app.screen, Screen::Question);
    let question = app.question;
    assert!(!act(&mut app, Action::Back).contains(&Effect::Close));
    assert_eq!(app.screen, Screen::Overview);
    assert_eq!(app.overview_cursor, row, "the same row");
    assert_eq!(app.question, question);
    // Reached by Tab instead: Esc leaves the assessment as before.
    act(&mut app, Action::Back); // overview → question
    assert_eq!(app.screen, Screen::Question);
    assert_eq!(act(&mut app, Action::Back), [Effect::Close]);

    // The roadmap keeps its selection too.
    let mut app = app_with_session();
    for i in 0..6 {
        app.update(Msg::Digit(1), later());
        act(&mut app, Action::NextQuestion);
        assert_eq!(app.question, i + 1);
    }
    app.go_to_screen(Screen::Roadmap);
    act(&mut app, Action::Down);
    act(&mut app, Action::Down);
    let row = app.roadmap_cursor;
    act(&mut app, Action::Enter);
    assert_eq!(app.screen, Screen::Question);
    act(&mut app, Action::Back);
    assert_eq!((app.screen, app.roadmap_cursor), (Screen::Roadmap, row));
}

#[test]
fn the_roadmap_start_is_set_in_the_app_and_fixed_by_the_first_export() {
    let mut app = app_with_session();
    app.update(Msg::Digit(1), later());
    app.go_to_screen(Screen::Roadmap);
    let start = |app: &App| {
        app.session
            .as_ref()
            .and_then(|s| s.assessment.meta.roadmap_start)
    };
    act(&mut app, Action::SetRoadmapStart);
    assert_eq!(app.mode(), Mode::Prompt);
    type_text(&mut app, "next monday");
    act(&mut app, Action::Enter);
    assert!(app.status.as_ref().is_some_and(|s| s.warn), "not a date");
    assert_eq!(start(&app), None);
    act(&mut app, Action::SetRoadmapStart);
    type_text(&mut app, "2027-01-04");
    let effects = act(&mut app, Action::Enter);
    assert!(effects.contains(&Effect::Save));
    assert_eq!(start(&app), chrono::NaiveDate::from_ymd_opt(2027, 1, 4));
    assert_eq!(
        app.roadmap_items().first().map(|i| i.start),
        chrono::NaiveDate::from_ymd_opt(2027, 1, 4)
    );

    // Not set: the first export fixes it at the export's day, and saves that.
    let mut app = app_with_session();
    app.go_to_screen(Screen::Export);
    let effects = act(&mut app, Action::RunExport);
    assert_eq!(effects.first(), Some(&Effect::Save));
    assert_eq!(start(&app), Some(later().date_naive()));
    let Some(Effect::Export { session, .. }) = effects.last() else {
        panic!("expected an export last, got {} effects", effects.len());
    };
    assert_eq!(
        session.assessment.meta.roadmap_start,
        Some(later().date_naive())
    );
    // The second export changes nothing.
    let effects = act(&mut app, Action::RunExport);
    assert!(!effects.contains(&Effect::Save));
}

#[test]
fn marking_a_roadmap_item_done_offers_to_re_score_it() {
    let mut app = app_with_session();
    app.update(Msg::Digit(1), later());
    app.go_to_screen(Screen::Roadmap);
    act(&mut app, Action::CycleStatus); // in progress
    act(&mut app, Action::CycleStatus); // done
    let status = app.status.clone().expect("a message");
    assert!(status.text.contains("re-scored"), "{status:?}");
    let item = app.roadmap_items()[0].clone();
    assert_eq!(
        item.status,
        PlanStatus::Done,
        "still listed: the gap remains"
    );
    act(&mut app, Action::Enter);
    assert_eq!(app.current_id().as_deref(), Some(item.question.as_str()));
}

#[test]
fn a_migrated_session_opens_on_what_changed_and_c_confirms_a_carried_answer() {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut old = Assessment::new(&q, now());
    old.questionnaire.version = "1.0.0".into();
    old.answers.insert(
        "plan-03".into(),
        crate::assessment::Answer {
            level: Some(2),
            note: "draft SoA".into(),
            ..Default::default()
        },
    );
    let (migrated, report) = crate::migration::migrate(&old, &q).expect("migrates");
    let mut session = Session::new(PathBuf::from("/d/acme.json"), migrated, q.clone());
    session.migrated = Some((report, PathBuf::from("/d/acme.json.v1.0.0.bak")));
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), now());
    app.update(Msg::Opened(Box::new(session)), now());

    let notice = app.notice.clone().expect("the app says what changed");
    assert_eq!(app.mode(), Mode::Notice);
    let text = notice.lines.join("\n");
    assert!(text.contains("version 1.0.0"), "{text}");
    assert!(
        text.contains("plan-07 Statement of Applicability"),
        "{text}"
    );
    assert!(text.contains("/d/acme.json.v1.0.0.bak"), "{text}");
    // Keys other than close do nothing to the answers under the message.
    assert!(act(&mut app, Action::Digit).is_empty());
    act(&mut app, Action::Enter);
    assert!(app.notice.is_none());

    let plan_07 = q.question_index("plan-07").expect("plan-07");
    app.set_question(plan_07);
    assert!(answer(&app, plan_07).expect("carried").recheck);
    let effects = act(&mut app, Action::ConfirmAnswer);
    assert!(effects.contains(&Effect::Save), "{effects:?}");
    let confirmed = answer(&app, plan_07).expect("kept");
    assert!(!confirmed.recheck);
    assert_eq!(
        (confirmed.level, confirmed.note.as_str()),
        (Some(2), "draft SoA")
    );

    // A new level on the other part clears its mark too.
    let plan_03 = q.question_index("plan-03").expect("plan-03");
    app.set_question(plan_03);
    app.update(Msg::Digit(3), later());
    assert!(!answer(&app, plan_03).expect("answered").recheck);
}

#[test]
fn typing_a_word_on_the_home_screen_never_confirms_a_deletion() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let q = Questionnaire::embedded().expect("embedded");
    let mut app = App::new(q, Theme::new(false), PathBuf::from("."), now());
    let entry = Summary {
        path: PathBuf::from("/d/acme.json"),
        file: "acme.json".into(),
        organisation: "Acme".into(),
        covered: 0,
        total: 42,
        verdict: None,
        updated: None,
        problem: None,
    };
    app.update(Msg::HomeLoaded(vec![entry]), now());
    // "today": `d` asks, `a` must answer no, so `y` finds no question to confirm.
    let mut effects = Vec::new();
    for c in "today".chars() {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(msg) = crate::tui::keys::resolve(&key, app.mode()) {
            effects.extend(app.update(msg, now()));
        }
    }
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Delete(_))),
        "{effects:?}"
    );
    assert_eq!(app.mode(), Mode::Home);
}

#[test]
fn a_not_saved_warning_goes_once_a_save_succeeds() {
    let mut app = app_with_session();
    app.update(Msg::SaveFailed("disk full".into()), now());
    assert!(app.status.as_ref().is_some_and(|s| s.warn));
    app.update(Msg::SaveSucceeded, now());
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| !s.warn && !s.save_failed)
    );
    // A save that succeeds leaves any other message alone.
    app.say("Exported.");
    app.update(Msg::SaveSucceeded, now());
    assert_eq!(
        app.status.as_ref().map(|s| s.text.as_str()),
        Some("Exported.")
    );
}

#[test]
fn the_report_fields_are_typed_in_prompts_and_saved() {
    let mut app = app_with_session();
    app.go_to_screen(Screen::Export);
    // c on the export screen opens the details screen at the conclusion.
    act(&mut app, Action::EditConclusion);
    assert_eq!(app.screen, Screen::Details);
    assert_eq!(app.details_row(), DetailsRow::Conclusion);
    act(&mut app, Action::Enter);
    type_text(&mut app, "Close the critical gaps first.");
    let effects = act(&mut app, Action::Enter);
    assert!(!effects.is_empty(), "the change is saved");
    assert!(app.prompt.is_none(), "one field per prompt");
    // d opens it at the document control: each field is its own row.
    act(&mut app, Action::Back);
    assert_eq!(
        app.screen,
        Screen::Export,
        "Esc goes back where it came from"
    );
    act(&mut app, Action::EditDocument);
    assert_eq!(app.details_row(), DetailsRow::Document(DocField::Version));
    for text in ["1.0", "Confidential", "Jo", "Kim", "2026-13-01"] {
        act(&mut app, Action::Enter);
        type_text(&mut app, text);
        act(&mut app, Action::Enter);
        act(&mut app, Action::Down);
    }
    // A date that is not one is refused with a message, and nothing else is lost.
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.warn && s.text.contains("not a date"))
    );
    assert_eq!(app.details_row(), DetailsRow::Conclusion);
    act(&mut app, Action::Up);
    act(&mut app, Action::Enter);
    type_text(&mut app, "2026-03-05");
    act(&mut app, Action::Enter);
    app.go_to_screen(Screen::Targets);
    act(&mut app, Action::EditDomainNote);
    type_text(&mut app, "Board approved the policy.");
    act(&mut app, Action::Enter);

    let a = &app.session.as_ref().unwrap().assessment;
    assert_eq!(a.meta.summary, "Close the critical gaps first.");
    let d = &a.meta.document;
    assert_eq!(
        (
            d.version.as_str(),
            d.classification.as_str(),
            d.author.as_str(),
            d.approver.as_str()
        ),
        ("1.0", "Confidential", "Jo", "Kim")
    );
    assert_eq!(d.approved, chrono::NaiveDate::from_ymd_opt(2026, 3, 5));
    let first = &app.session.as_ref().unwrap().questionnaire.domains[0].id;
    assert_eq!(a.domain_notes[first], "Board approved the policy.");
}

#[test]
fn the_details_screen_opens_from_home_and_esc_goes_back_home() {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), now());
    let path = PathBuf::from("/data/a.json");
    app.update(
        Msg::HomeLoaded(vec![Summary {
            path: path.clone(),
            file: "a.json".into(),
            organisation: "Acme".into(),
            covered: 0,
            total: 48,
            verdict: None,
            updated: None,
            problem: None,
        }]),
        now(),
    );
    let effects = act(&mut app, Action::EditDetails);
    assert_eq!(effects, vec![Effect::Open(path.clone())]);
    let session = Session::new(path, Assessment::new(&q, now()), q);
    app.update(Msg::Opened(Box::new(session)), now());
    assert_eq!(app.screen, Screen::Details);
    assert_eq!(app.mode(), Mode::Details);
    // Enter on the report language picks the next one and saves at once; a file made
    // before there was a choice starts from the interface's language.
    for _ in 0..3 {
        act(&mut app, Action::Down);
    }
    assert_eq!(app.details_row(), DetailsRow::Language);
    let language = |app: &App| {
        app.session
            .as_ref()
            .and_then(|s| s.assessment.meta.language)
    };
    assert_eq!(language(&app), None);
    let effects = act(&mut app, Action::Enter);
    assert!(app.prompt.is_none());
    assert!(effects.contains(&Effect::Save), "{effects:?}");
    assert_eq!(language(&app), Some(Lang::Fr));
    act(&mut app, Action::Enter);
    assert_eq!(language(&app), Some(Lang::En));
    assert_eq!(act(&mut app, Action::Back), vec![Effect::Close]);
    // A plain open later resumes as usual, not on the details.
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let session = Session::new(PathBuf::from("/data/b.json"), Assessment::new(&q, now()), q);
    app.update(Msg::Opened(Box::new(session)), now());
    assert_ne!(app.screen, Screen::Details);
}

#[test]
fn the_checklist_ticks_checks_saves_at_once_and_the_evidence_pulls_the_claim_down() {
    let mut app = app_with_session();
    app.update(Msg::Digit(4), now());
    assert_eq!(answer(&app, 0).and_then(|a| a.level), Some(4));
    assert!(act(&mut app, Action::Checklist).is_empty());
    assert_eq!(app.mode(), Mode::Checklist);
    // Tick the two level-2 checks (the first two of the list).
    assert!(act(&mut app, Action::ToggleCheck).contains(&Effect::Save));
    act(&mut app, Action::Down);
    assert!(act(&mut app, Action::ToggleCheck).contains(&Effect::Save));
    let a = answer(&app, 0).expect("answered");
    let q = app
        .session
        .as_ref()
        .expect("session")
        .questionnaire
        .questions[0]
        .clone();
    let ticked: Vec<&String> = a
        .checks
        .iter()
        .filter(|(_, v)| **v)
        .map(|(k, _)| k)
        .collect();
    assert_eq!(ticked, [&q.checks_of(2)[0].id, &q.checks_of(2)[1].id]);
    let scores = &app.session.as_ref().expect("session").scores;
    let score = scores.question(&q.id).expect("scored");
    assert_eq!(
        (score.claimed, score.evidenced, score.level),
        (Some(4), Some(2), Some(2))
    );
    // Again: untick. The cursor stops at the last check.
    assert!(act(&mut app, Action::ToggleCheck).contains(&Effect::Save));
    assert!(!answer(&app, 0).expect("a").checks[&q.checks_of(2)[1].id]);
    for _ in 0..100 {
        act(&mut app, Action::Down);
    }
    assert_eq!(app.checklist, Some(q.all_checks().count() - 1));
    act(&mut app, Action::Checklist);
    assert_eq!(app.mode(), Mode::Question);
    // Digits score again once the checklist is closed.
    app.update(Msg::Digit(3), now());
    assert_eq!(answer(&app, 0).and_then(|a| a.level), Some(3));
}

#[test]
fn evidence_is_asked_for_the_highlighted_check_and_a_failure_adds_nothing() {
    let mut app = app_with_session();
    act(&mut app, Action::Checklist);
    act(&mut app, Action::Down);
    act(&mut app, Action::AttachEvidence);
    assert_eq!(app.mode(), Mode::Prompt);
    for c in "minutes.pdf".chars() {
        app.update(Msg::Input(c), now());
    }
    let effects = act(&mut app, Action::Enter);
    let q = app
        .session
        .as_ref()
        .expect("session")
        .questionnaire
        .questions[0]
        .clone();
    let check = q.checks_of(2)[1].id.clone();
    assert_eq!(
        effects,
        [Effect::AddEvidence {
            location: "minutes.pdf".into(),
            question: q.id.clone(),
            check: Some(check.clone()),
            now: later(),
        }]
    );
    assert_eq!(app.mode(), Mode::Checklist, "back on the checklist");
    let effects = app.update(
        Msg::EvidenceReady {
            item: Err("there is no file at this path".into()),
            question: q.id.clone(),
            check: Some(check),
        },
        now(),
    );
    assert!(effects.is_empty());
    assert!(
        app.session
            .as_ref()
            .expect("session")
            .assessment
            .evidence
            .is_empty()
    );
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.warn && s.text.contains("no file at this path"))
    );
}

#[test]
fn organisation_scope_and_assessors_can_be_edited_after_creation() {
    let mut app = app_with_session();
    app.go_to_screen(Screen::Export);
    act(&mut app, Action::EditDetails);
    assert_eq!(app.mode(), Mode::Details);
    // Each prompt holds the current value: replace it.
    let clear = |app: &mut App| {
        for _ in 0..200 {
            app.update(Msg::Act(Action::Backspace), later());
        }
    };
    act(&mut app, Action::Enter);
    assert_eq!(app.mode(), Mode::Prompt);
    clear(&mut app);
    type_text(&mut app, "  Acme Bank AG ");
    assert!(act(&mut app, Action::Enter).contains(&Effect::Save));
    act(&mut app, Action::Down);
    act(&mut app, Action::Enter);
    clear(&mut app);
    type_text(&mut app, "Credit scoring and the customer chatbot");
    act(&mut app, Action::Enter);
    act(&mut app, Action::Down);
    act(&mut app, Action::Enter);
    clear(&mut app);
    type_text(&mut app, "Dana Roy,  Lee Park , ");
    act(&mut app, Action::Enter);
    assert!(app.prompt.is_none());
    let meta = &app.session.as_ref().expect("session").assessment.meta;
    assert_eq!(meta.organisation, "Acme Bank AG");
    assert_eq!(meta.scope, "Credit scoring and the customer chatbot");
    assert_eq!(meta.assessors, ["Dana Roy", "Lee Park"]);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text == "Assessment details saved.")
    );
    // Reopening shows what was saved, assessors joined by commas.
    act(&mut app, Action::Enter);
    assert_eq!(
        app.prompt.as_ref().map(|p| p.input.text().to_string()),
        Some("Dana Roy, Lee Park".to_string())
    );
}

#[test]
fn a_reopened_note_puts_the_cursor_on_a_new_line_after_the_old_text() {
    let mut app = app_with_session();
    act(&mut app, Action::EditNote);
    type_text(&mut app, "First sitting.");
    act(&mut app, Action::Done);
    act(&mut app, Action::EditNote);
    // Opening alone changes nothing in the file.
    assert_eq!(
        answer(&app, 0).map(|a| a.note),
        Some("First sitting.".into())
    );
    type_text(&mut app, "Second sitting.");
    assert_eq!(
        answer(&app, 0).map(|a| a.note),
        Some("First sitting.\nSecond sitting.".into())
    );
}

#[test]
fn the_guidance_panel_stays_open_between_sittings() {
    let mut app = app_with_session();
    assert!(!app.show_guidance);
    let effects = act(&mut app, Action::ToggleGuidance);
    assert!(app.show_guidance);
    assert!(
        effects.contains(&Effect::SaveSoon),
        "remembered in the file"
    );
    let s = app.session.clone().expect("session");
    assert!(s.assessment.resume.as_ref().is_some_and(|r| r.guidance));
    // The next sitting: a new app opens the same file.
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut next = App::new(q, Theme::new(true), PathBuf::from("/out"), later());
    next.update(Msg::Opened(Box::new(s)), later());
    assert!(next.show_guidance);
}
