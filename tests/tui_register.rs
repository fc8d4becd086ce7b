//! The evidence register screen: snapshots at 80×24 and 160×48 (looking, after the
//! files were checked, and as the checklist's picker), and every size from 0×0 up
//! without a panic.

use std::path::PathBuf;

use aims_readiness::assessment::{Assessment, Extra};
use aims_readiness::evidence::{EvidenceItem, EvidenceKind, VerifyStatus};
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::tui::app::{App, Effect, Msg, Screen, Session};
use aims_readiness::tui::keys::Action;
use aims_readiness::tui::theme::Theme;
use aims_readiness::tui::view;
use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T10:00:00+01:00").expect("valid date")
}

fn item(title: &str, kind: EvidenceKind, location: &str) -> EvidenceItem {
    let file = kind == EvidenceKind::File;
    EvidenceItem {
        id: String::new(),
        title: title.into(),
        kind,
        location: location.into(),
        sha256: file.then(|| {
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".to_string()
        }),
        bytes: file.then_some(18_204),
        dated: NaiveDate::from_ymd_opt(2026, 2, 1),
        owner: "Dana Roy".into(),
        added: Some(now()),
        resolved: None,
        extra: Extra::new(),
    }
}

/// A register as a user builds it: a file on a check (a long path with accents and
/// CJK), a file on the question, a link on a control, a record used by nothing, and a
/// hand-edited title with escape sequences.
fn app_on_register() -> App {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut a = Assessment::new(&q, now());
    a.meta.organisation = "Acme Café 漢字 GmbH".into();
    let ctx = q.questions[0].clone();
    a.answer_mut(&ctx.id).level = Some(4);
    let check = ctx.checks_of(2)[0].id.clone();
    a.add_evidence(
        &ctx,
        Some(&check),
        item(
            "Issue register été",
            EvidenceKind::File,
            "/home/dana/Documents/AIMS evidence 2026/context/issue register été 漢字.xlsx",
        ),
        now(),
    )
    .expect("ev-1");
    a.add_evidence(
        &ctx,
        None,
        item(
            "Context analysis",
            EvidenceKind::File,
            "context analysis.pdf",
        ),
        now(),
    )
    .expect("ev-2");
    let link = a.register_evidence(
        item(
            "AI policy (intranet)",
            EvidenceKind::Link,
            "https://intranet.example/policies/ai-policy-v3",
        ),
        now(),
    );
    a.link_evidence_to_control(&q, "A.2.2", &link, now())
        .expect("A.2.2");
    let mut record = item(
        "Board minutes\u{1b}[2J 2025-11\u{1b}]0;evil\u{7}",
        EvidenceKind::Record,
        "Binder 4, company secretary's office",
    );
    record.owner = String::new();
    record.dated = None;
    a.register_evidence(record, now());
    let mut app = App::new(
        q.clone(),
        Theme::new(true),
        PathBuf::from("/tmp/reports"),
        now(),
    );
    let session = Session::new(PathBuf::from("/data/assessments/acme.json"), a, q);
    app.update(Msg::Opened(Box::new(session)), now());
    app.go_to_screen(Screen::Overview);
    app.update(Msg::Act(Action::Register), now());
    app.status = None;
    app
}

fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| {
            view::render(app, frame);
        })
        .expect("draw");
    terminal
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Answers the runner would send for the files: ev-1 unchanged, ev-2 changed.
fn files_checked(app: &mut App) {
    let effects = app.update(Msg::Act(Action::VerifyFiles), now());
    let Some(Effect::VerifyEvidence { run, items }) = effects.first() else {
        panic!("a verify effect: {effects:?}");
    };
    assert_eq!(items.len(), 2, "only the two files are re-hashed");
    let run = *run;
    let mut checked = |id: &str, status, reason: Option<&str>| {
        app.update(
            Msg::EvidenceChecked {
                run,
                id: id.into(),
                status,
                reason: reason.map(str::to_string),
            },
            now(),
        );
    };
    checked("ev-1", VerifyStatus::Unchanged, None);
    checked(
        "ev-2",
        VerifyStatus::Changed,
        Some("same size, different content"),
    );
}

#[test]
fn snapshots_of_the_register_before_and_after_checking_the_files() {
    let mut app = app_on_register();
    for (w, h) in [(80, 24), (160, 48)] {
        let terminal = draw(&app, w, h);
        let screen = text(&terminal);
        assert!(screen.contains("Evidence register — 4 items"), "{screen}");
        assert!(screen.contains("not checked yet"), "{screen}");
        assert!(!screen.contains('\u{1b}'), "no escape reaches the screen");
        insta::assert_snapshot!(format!("register_{w}x{h}"), terminal.backend());
    }
    files_checked(&mut app);
    app.update(Msg::Act(Action::Down), now());
    for (w, h) in [(80, 24), (160, 48)] {
        let terminal = draw(&app, w, h);
        let screen = text(&terminal);
        assert!(screen.contains("unchanged"), "{screen}");
        assert!(
            screen.contains("changed (same size, different content)"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("register_checked_{w}x{h}"), terminal.backend());
    }
    // The wide rows show kind, date, owner and every use; the uses name the control.
    let wide = text(&draw(&app, 160, 48));
    assert!(wide.contains("2026-02-01"), "{wide}");
    assert!(wide.contains("A.2.2"), "{wide}");
    assert!(wide.contains("…26/context/issue register été"), "{wide}");
}

#[test]
fn snapshot_of_the_register_as_the_checklists_picker() {
    let mut app = app_on_register();
    app.update(Msg::Act(Action::Back), now());
    app.update(Msg::Act(Action::Enter), now());
    assert_eq!(app.screen, Screen::Question);
    app.update(Msg::Act(Action::Checklist), now());
    app.update(Msg::Act(Action::Down), now());
    app.update(Msg::Act(Action::LinkEvidence), now());
    app.status = None;
    let terminal = draw(&app, 80, 24);
    let screen = text(&terminal);
    assert!(screen.contains("pick the item for"), "{screen}");
    assert!(screen.contains("Enter link"), "{screen}");
    insta::assert_snapshot!("register_pick_80x24", terminal.backend());
}

#[test]
fn the_register_draws_at_every_size_without_panicking() {
    let mut app = app_on_register();
    files_checked(&mut app);
    for w in 0..=120 {
        for h in 0..=30 {
            draw(&app, w, h);
        }
    }
}

#[test]
fn results_mark_the_findings_whose_claim_is_above_the_evidence() {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut a = Assessment::new(&q, now());
    // Two critical questions claimed at 2 (a finding each); only the first has its
    // level-2 checks answered, one of them not met: evidence supports 1.
    let critical: Vec<_> = q
        .questions
        .iter()
        .filter(|x| x.critical)
        .take(2)
        .cloned()
        .collect();
    for question in &critical {
        a.answer_mut(&question.id).level = Some(2);
    }
    let checks = critical[0].checks_of(2);
    a.set_check(&critical[0].id, &checks[0].id, true, now());
    a.set_check(&critical[0].id, &checks[1].id, false, now());
    let mut app = App::new(
        q.clone(),
        Theme::new(true),
        PathBuf::from("/tmp/reports"),
        now(),
    );
    let session = Session::new(PathBuf::from("/data/assessments/acme.json"), a, q);
    app.update(Msg::Opened(Box::new(session)), now());
    app.go_to_screen(Screen::Results);
    let screen = text(&draw(&app, 160, 48));
    assert!(
        screen.contains("▾ claim above the evidence"),
        "the legend: {screen}"
    );
    let marked: Vec<&str> = screen.lines().filter(|l| l.contains("│▾")).collect();
    assert_eq!(marked.len(), 1, "one finding marked: {screen}");
    let title = critical[0].short_title();
    assert!(
        marked[0].contains(&title.chars().take(20).collect::<String>())
            || marked[0].contains(&critical[0].id),
        "the first question's finding is the marked one: {marked:?}"
    );
}
