//! The view: snapshots of every screen at 80×24 and 160×48, and a sweep that draws
//! every screen at every size from 0×0 to 100×40 without panicking.

/// Issue 21: the assessment screens and the workshop room in French, word by word (one
/// test binary with the snapshots: each binary costs a link).
#[path = "tui_view/room_french.rs"]
mod room_french;
#[path = "tui_view/screens_french.rs"]
mod screens_french;

use std::path::PathBuf;

use aims_readiness::assessment::{Assessment, PlanStatus};
use aims_readiness::export::Format;
use aims_readiness::locale::Lang;
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::scoring::{Verdict, VerdictStatus};
use aims_readiness::store::catalog::Summary;
use aims_readiness::tui::app::{App, ExportOutcome, Msg, Screen, Session};
use aims_readiness::tui::keys::Action;
use aims_readiness::tui::theme::Theme;
use aims_readiness::tui::view;
use chrono::{DateTime, FixedOffset};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T10:00:00+01:00").expect("valid date")
}

/// What a person typed (or what the program worded for them), in the language of the
/// screens under test: a French screen shows French notes, so English found on it is
/// the program's.
fn typed(lang: Lang, en: &str, fr: &str) -> String {
    match lang {
        Lang::En => en.to_string(),
        Lang::Fr => fr.to_string(),
    }
}

fn home_entries(lang: Lang) -> Vec<Summary> {
    vec![
        Summary {
            path: PathBuf::from("/data/assessments/acme-2026-03-02.json"),
            file: "acme-2026-03-02.json".into(),
            organisation: "Acme Café 漢字 GmbH".into(),
            covered: 12,
            total: 42,
            verdict: Some(VerdictStatus::Provisional(Verdict::NotReady)),
            updated: Some(now()),
            problem: None,
        },
        Summary {
            path: PathBuf::from("/data/assessments/broken.json"),
            file: "broken.json".into(),
            organisation: String::new(),
            covered: 0,
            total: 0,
            verdict: None,
            updated: None,
            problem: Some(typed(
                lang,
                "assessment file broken.json is damaged at line 1, column 1",
                "le fichier d'évaluation broken.json est endommagé (ligne 1, colonne 1)",
            )),
        },
    ]
}

/// An assessment part-way through: some levels, an N/A, notes with accents, CJK and
/// an escape sequence, a flag, an owner.
fn fixture_session(q: &Questionnaire, lang: Lang) -> Session {
    let mut a = Assessment::new(q, now());
    a.meta.organisation = "Acme Café 漢字 GmbH\u{1b}[2J".into();
    a.meta.assessors = vec!["Dana".into()];
    let levels = [2u8, 3, 1, 4, 2, 3, 2, 1, 3, 2, 5, 2];
    for (question, level) in q.questions.iter().zip(levels) {
        let ans = a.answer_mut(&question.id);
        ans.level = Some(level);
        ans.updated = Some(now());
    }
    let first = &q.questions[0].id;
    a.answer_mut(first).note = typed(
        lang,
        "Context analysis drafted by Dana in the 2025 strategy; not yet approved. Café ☕ 漢字 notes\u{1b}]0;evil\u{7} end.",
        "Analyse du contexte rédigée par Dana dans la stratégie 2025\u{a0}; pas encore approuvée. Café ☕ 漢字 notes\u{1b}]0;evil\u{7} fin.",
    );
    a.answer_mut(first).evidence = vec!["Strategy deck v3".into(), "Board minutes 2025-11".into()];
    a.answer_mut(&q.questions[1].id).flagged = true;
    if let Some(na) = q.questions.iter().find(|x| x.allow_na) {
        let ans = a.answer_mut(&na.id);
        ans.na = true;
        ans.note = typed(
            lang,
            "We build no AI systems in house.",
            "Nous ne développons aucun système d'IA à l'interne.",
        );
    }
    a.plan.entry(q.questions[2].id.clone()).or_default().owner = "Lee".into();
    a.plan.entry(q.questions[2].id.clone()).or_default().status = PlanStatus::InProgress;
    a.meta.roadmap_start = chrono::NaiveDate::from_ymd_opt(2026, 4, 1);
    Session::new(
        PathBuf::from("/data/assessments/acme-2026-03-02.json"),
        a,
        q.clone(),
    )
}

/// A workshop part-way through question 1: four participants, three votes spread
/// 1-2-4 (divergent, proposal 2 unconfirmed), a note by Lee, the question parked
/// with a reason, 95 seconds on the clock; the interface in `lang`.
fn workshop_app_in(presenter: bool, lang: Lang) -> App {
    use aims_readiness::workshop::{self, Consensus};
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut session = fixture_session(&q, lang);
    let a = &mut session.assessment;
    for name in ["Dana", "Lee Ji-woo", "Sam", "Noor"] {
        workshop::add_participant(a, name).expect("participant");
    }
    let first = q.questions[0].clone();
    for (name, level) in [("Dana", 1), ("Lee Ji-woo", 2), ("Sam", 4)] {
        workshop::record_vote(a, &first, name, Some(Consensus::Level(level)), now()).expect("vote");
    }
    workshop::add_participant_note(
        a,
        &first.id,
        "Lee Ji-woo",
        &typed(
            lang,
            "Only the data team has seen the context register.",
            "Seule l'équipe des données a vu le registre du contexte.",
        ),
        now(),
    )
    .expect("note");
    let reason = typed(
        lang,
        "ask legal which AI roles we hold",
        "demander aux affaires juridiques quels rôles d'IA nous tenons",
    );
    workshop::park(a, &first.id, &reason, now());
    session.rescore();
    let mut app = App::new(
        q.clone(),
        Theme::new(true),
        PathBuf::from("/tmp/reports"),
        now(),
    );
    app.set_lang(lang);
    app.update(Msg::Opened(Box::new(session)), now());
    app.go_to_screen(Screen::Voting);
    app.update(Msg::Act(Action::Down), now());
    if presenter {
        app.update(Msg::Act(Action::Presenter), now());
    }
    app.update(Msg::Tick, now() + chrono::Duration::seconds(95));
    app.status = None;
    app
}

/// The screen a named view is drawn on (the checklist, help and editor open over the
/// question; the register from the overview).
fn screen_under(name: &str) -> Screen {
    match name {
        "question" | "help" | "editor" | "checklist" => Screen::Question,
        "overview" | "register" => Screen::Overview,
        "results" => Screen::Results,
        "roadmap" => Screen::Roadmap,
        "targets" => Screen::Targets,
        "export" => Screen::Export,
        "soa" => Screen::Soa,
        "details" => Screen::Details,
        other => panic!("no screen {other}"),
    }
}

/// The app showing `screen`, as a user would reach it.
fn app_on(screen: &str) -> App {
    app_on_in(screen, Lang::En)
}

/// [`app_on`] with the interface in `lang` from the start (every message is written in it).
fn app_on_in(screen: &str, lang: Lang) -> App {
    match screen {
        "voting" => return workshop_app_in(false, lang),
        "presenter" => return workshop_app_in(true, lang),
        "agenda" => {
            let mut app = workshop_app_in(false, lang);
            app.update(Msg::Act(Action::Agenda), now());
            return app;
        }
        _ => {}
    }
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut app = App::new(
        q.clone(),
        Theme::new(true),
        PathBuf::from("/tmp/reports"),
        now(),
    );
    app.set_lang(lang);
    match screen {
        "home" => {
            app.update(Msg::HomeLoaded(home_entries(lang)), now());
        }
        "new" => {
            app.update(Msg::HomeLoaded(Vec::new()), now());
            for c in "Acme".chars() {
                app.update(Msg::Input(c), now());
            }
        }
        _ => {
            app.update(Msg::Opened(Box::new(fixture_session(&q, lang))), now());
            app.go_to_screen(screen_under(screen));
            app.status = None;
            match screen {
                "help" => {
                    app.update(Msg::Act(Action::Help), now());
                }
                "editor" => {
                    app.update(Msg::Act(Action::EditNote), now());
                }
                "checklist" => {
                    app.update(Msg::Act(Action::Checklist), now());
                }
                "register" => {
                    app.update(Msg::Act(Action::Register), now());
                }
                "soa" => soa_decisions(&mut app, lang),
                "details" => {
                    if let Some(s) = app.session.as_mut() {
                        let m = &mut s.assessment.meta;
                        m.scope = typed(
                            lang,
                            "Credit scoring and the customer chatbot",
                            "Cote de crédit et robot conversationnel pour la clientèle",
                        );
                        m.document.version = "0.3".into();
                        m.document.classification = typed(lang, "Confidential", "Confidentiel");
                        m.summary = typed(
                            lang,
                            "Not ready yet: the AI policy and the risk process are missing; \
                            with the roadmap's first phase done, a stage 1 audit in spring is realistic.",
                            "Pas encore prêt\u{a0}: la politique en matière d'IA et le processus de risque \
                            manquent\u{202f}; une fois la phase 1 terminée, un audit d'étape 1 au printemps est réaliste.",
                        );
                    }
                    app.update(Msg::Act(Action::Last), now());
                }
                "export" => {
                    app.update(
                        Msg::Exported(vec![
                            (
                                Format::Json,
                                ExportOutcome::Written(PathBuf::from("/tmp/reports/results.json")),
                            ),
                            (
                                Format::Png,
                                ExportOutcome::Failed(typed(
                                    lang,
                                    "the png export is not available yet",
                                    "l'export png n'est pas encore offert",
                                )),
                            ),
                        ]),
                        now(),
                    );
                }
                _ => {}
            }
        }
    }
    app
}

const SCREENS: [&str; 12] = [
    "home", "new", "question", "editor", "overview", "results", "roadmap", "targets", "export",
    "help", "soa", "details",
];

/// Statement of Applicability decisions as a user makes them on the screen: A.2.2
/// included and implemented, A.5.4 excluded without a reason yet, A.6.2.8 included,
/// partial, with an owner (the cursor stays there), A.10.4 excluded with a reason.
fn soa_decisions(app: &mut App, lang: Lang) {
    let select = |app: &mut App, id: &str| {
        let q = app.questionnaire().expect("open").clone();
        app.soa_cursor = q.controls.iter().position(|c| c.id == id).expect(id);
    };
    let type_text = |app: &mut App, text: &str| {
        for c in text.chars() {
            app.update(Msg::Input(c), now());
        }
        app.update(Msg::Act(Action::Enter), now());
    };
    select(app, "A.2.2");
    app.update(Msg::Act(Action::Include), now());
    type_text(
        app,
        &typed(
            lang,
            "Clause 5.2 requires the policy",
            "L'article 5.2 exige la politique",
        ),
    );
    for _ in 0..3 {
        app.update(Msg::Act(Action::CycleStatus), now());
    }
    select(app, "A.10.4");
    app.update(Msg::Act(Action::Exclude), now());
    type_text(
        app,
        &typed(
            lang,
            "Our AI serves internal staff only; no customers use it",
            "Notre IA sert le personnel seulement\u{202f}; aucun client ne l'utilise",
        ),
    );
    select(app, "A.5.4");
    app.update(Msg::Act(Action::Exclude), now());
    app.update(Msg::Act(Action::Back), now());
    select(app, "A.6.2.8");
    app.update(Msg::Act(Action::Include), now());
    type_text(
        app,
        &typed(
            lang,
            "Logs are needed to investigate incidents",
            "Les journaux servent aux enquêtes sur les incidents",
        ),
    );
    app.update(Msg::Act(Action::CycleStatus), now());
    app.update(Msg::Act(Action::CycleStatus), now());
    app.update(Msg::Act(Action::SetOwner), now());
    type_text(app, "Ops lead Zoë 漢字");
    // A hand-edited justification with escape sequences never reaches the terminal.
    if let Some(s) = app.session.as_mut() {
        let d = s.assessment.soa.entry("A.6.2.8".into()).or_default();
        d.justification
            .push_str(" \u{1b}]0;evil\u{7}\u{1b}[2J\u{202e}end");
        s.rescore();
    }
    app.status = None;
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

#[test]
fn snapshots_of_every_screen() {
    for screen in SCREENS {
        let app = app_on(screen);
        for (w, h) in [(80, 24), (160, 48)] {
            let terminal = draw(&app, w, h);
            insta::assert_snapshot!(format!("{screen}_{w}x{h}"), terminal.backend());
        }
    }
}

/// The workshop screens at the minimum sensible size and at a projector's 200×60.
#[test]
fn snapshots_of_the_workshop_screens() {
    for screen in ["voting", "presenter"] {
        let app = app_on(screen);
        let sizes: &[(u16, u16)] = if screen == "presenter" {
            &[(80, 24), (120, 40), (200, 60)]
        } else {
            &[(80, 24), (200, 60)]
        };
        for (w, h) in sizes {
            let terminal = draw(&app, *w, *h);
            insta::assert_snapshot!(format!("{screen}_{w}x{h}"), terminal.backend());
        }
    }
}

fn screen_text(app: &App, w: u16, h: u16) -> String {
    let terminal = draw(app, w, h);
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    buffer
        .content()
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect()
}

/// What the room needs is on the presenter view at every size: the question's short
/// title, who has not voted (all of them), the descriptor of the level under
/// discussion, the previous question's result, the day's progress; over time is said
/// in words, not only in colour.
#[test]
fn the_presenter_view_shows_what_the_room_needs_at_every_size() {
    let mut app = app_on("presenter");
    // The question after: the previous result shows.
    app.update(Msg::Act(Action::NextQuestion), now());
    app.update(Msg::Act(Action::PrevQuestion), now());
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let first = &q.questions[0];
    let proposal_descriptor: String = first.levels[1].chars().take(20).collect();
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let text = screen_text(&app, w, h);
        assert!(text.contains("Not voted yet (1): Noor"), "{w}x{h}:\n{text}");
        assert!(text.contains("Previous: "), "{w}x{h}:\n{text}");
        assert!(text.contains("settled"), "{w}x{h}:\n{text}");
        assert!(text.contains(&proposal_descriptor), "{w}x{h}:\n{text}");
        assert!(text.contains(first.short_title()), "{w}x{h}:\n{text}");
    }
    // Over time: the words, at the small size too.
    app.update(Msg::Tick, now() + chrono::Duration::seconds(400));
    for (w, h) in [(80, 24), (200, 60)] {
        let text = screen_text(&app, w, h);
        assert!(text.contains("OVER TIME"), "{w}x{h}:\n{text}");
    }
    // Many people waiting: every name shows, wrapped, none cut silently.
    let mut app = app_on("presenter");
    if let Some(s) = app.session.as_mut() {
        for i in 0..9 {
            aims_readiness::workshop::add_participant(
                &mut s.assessment,
                &format!("Participant number {i}"),
            )
            .expect("participant");
        }
    }
    // Names wrap over lines: read the screen as running text.
    let running = |text: String| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (w, h) in [(80, 24), (200, 60)] {
        let text = running(screen_text(&app, w, h));
        for i in 0..9 {
            assert!(
                text.contains(&format!("Participant number {i}")),
                "{w}x{h}: {text}"
            );
        }
    }
}

/// The agenda over the voting screen: what is left, divergent first.
#[test]
fn snapshot_of_the_agenda() {
    let mut app = app_on("voting");
    app.update(Msg::Act(Action::Agenda), now());
    let text = screen_text(&app, 80, 24);
    let divergent = text
        .find("ctx-01   divergent")
        .expect("the divergent question listed");
    let unanswered = text
        .find("unanswered   –")
        .expect("unanswered questions listed");
    assert!(divergent < unanswered, "{text}");
    insta::assert_snapshot!("agenda_80x24", draw(&app, 80, 24).backend());
}

/// The presenter view hides private notes and the parking reason, and marks the
/// divergence.
#[test]
fn the_presenter_view_keeps_notes_private() {
    for (w, h) in [(80, 24), (200, 60)] {
        let text: String = draw(&app_on("presenter"), w, h)
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(text.contains("DIVERGENT"), "{w}x{h}");
        assert!(text.contains("████"), "vote bars at {w}x{h}");
        for private in [
            "context register",
            "ask legal",
            "Context analysis drafted",
            "Strategy deck",
        ] {
            assert!(!text.contains(private), "{private} shows at {w}x{h}");
        }
    }
}

/// The overview's flagged filter is the parking lot: each row leads with its reason.
#[test]
fn the_overview_lists_the_parking_lot_with_reasons() {
    let mut app = app_on("voting");
    app.go_to_screen(Screen::Overview);
    app.update(Msg::Act(Action::Filter), now());
    app.update(Msg::Act(Action::Filter), now());
    let terminal = draw(&app, 120, 30);
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(text.contains("parking lot"), "{text}");
    assert!(
        text.contains("ask legal which AI roles we hold — Context: issues, climate and AI roles")
    );
}

#[test]
fn never_panics_at_any_size_from_0x0_to_100x40() {
    // Overlays too: a prompt and a yes/no question.
    let variant = |name: &str| -> App {
        match name {
            "prompt" => {
                let mut app = app_on("question");
                app.update(Msg::Act(Action::JumpTo), now());
                app
            }
            "confirm" => {
                let mut app = app_on("home");
                app.update(Msg::Act(Action::Delete), now());
                app
            }
            screen => app_on(screen),
        }
    };
    let names: Vec<&str> = SCREENS
        .iter()
        .copied()
        .chain(["prompt", "confirm", "voting", "presenter"])
        .collect();
    // Every screen and overlay at every size from 0×0 to 100×40, one thread per screen.
    std::thread::scope(|scope| {
        for name in &names {
            let variant = &variant;
            scope.spawn(move || {
                let app = variant(name);
                for w in 0..=100u16 {
                    for h in 0..=40u16 {
                        draw(&app, w, h);
                    }
                }
            });
        }
    });
}

#[test]
fn too_small_says_so() {
    let app = app_on("question");
    let terminal = draw(&app, 30, 8);
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(text.contains("make the window larger"), "{text}");
}

#[test]
fn control_characters_never_reach_the_screen() {
    for screen in SCREENS.into_iter().chain(["voting", "presenter"]) {
        let app = app_on(screen);
        let terminal = draw(&app, 160, 48);
        for cell in terminal.backend().buffer().content() {
            assert!(
                !cell.symbol().chars().any(aims_readiness::text::is_unsafe),
                "{screen}: {:?}",
                cell.symbol()
            );
        }
    }
}

/// A custom questionnaire of 10,000 questions: a frame draws only visible rows.
#[test]
fn ten_thousand_questions_stay_responsive() {
    let mut q = Questionnaire::embedded().expect("embedded questionnaire");
    let template = q.questions.clone();
    q.questions = (0..10_000)
        .map(|i| {
            let mut x = template[i % template.len()].clone();
            x.id = format!("q-{i}");
            x
        })
        .collect();
    q.reindex();
    let mut app = App::new(q.clone(), Theme::new(false), PathBuf::from("."), now());
    let a = Assessment::new(&q, now());
    app.update(
        Msg::Opened(Box::new(Session::new(PathBuf::from("/big.json"), a, q))),
        now(),
    );
    app.update(Msg::Act(Action::JumpTo), now());
    for c in "9000".chars() {
        app.update(Msg::Input(c), now());
    }
    app.update(Msg::Act(Action::Enter), now());
    assert_eq!(app.question, 8999);
    for screen in [
        Screen::Question,
        Screen::Overview,
        Screen::Results,
        Screen::Roadmap,
    ] {
        app.go_to_screen(screen);
        // Speed is measured by `cargo bench --bench tui`, not asserted here.
        let terminal = draw(&app, 120, 40);
        if screen == Screen::Overview {
            let text: String = terminal
                .backend()
                .buffer()
                .content()
                .iter()
                .map(|c| c.symbol())
                .collect();
            assert!(text.contains("9000"), "the cursor row is visible");
        }
    }
}

/// With `NO_COLOR` (the plain theme) no cell has a colour, and the selected row and
/// the current answer still stand out through reverse video and bold/underline.
#[test]
fn plain_theme_keeps_the_selection_visible_without_colour() {
    use ratatui::style::{Color, Modifier};
    let app = app_on("home");
    assert!(!app.theme.has_color());
    let terminal = draw(&app, 80, 24);
    let buf = terminal.backend().buffer();
    let row_of = |needle: &str| {
        (0..buf.area.height).find(|y| {
            let line: String = (0..buf.area.width).map(|x| buf[(x, *y)].symbol()).collect();
            line.contains(needle)
        })
    };
    let selected = row_of("Acme Café").expect("the first entry is shown");
    let other = row_of("broken.json").expect("the second entry is shown");
    assert!(buf[(5, selected)].modifier.contains(Modifier::REVERSED));
    assert!(!buf[(5, other)].modifier.contains(Modifier::REVERSED));
    for cell in buf.content() {
        assert!(
            matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
            "{cell:?}"
        );
    }

    let question = app_on("question");
    let terminal = draw(&question, 80, 24);
    let buf = terminal.backend().buffer();
    let answered = (0..buf.area.height)
        .find(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, *y)].symbol())
                .collect::<String>()
                .contains("● 2")
        })
        .expect("the answer is marked");
    let m = buf[(3, answered)].modifier;
    assert!(
        m.contains(Modifier::BOLD)
            && (m.contains(Modifier::REVERSED) || m.contains(Modifier::UNDERLINED))
    );
}

/// The rows of the drawn screen, as text.
fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    buffer
        .content()
        .chunks(width.max(1))
        .map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect()
}

/// The Results list of the verdict's reasons never cuts silently: at every size it shows
/// every reason, or says how many there are and which are shown; scrolling reaches the
/// last one.
#[test]
fn the_list_of_reasons_shows_all_or_says_how_many_are_hidden() {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut a = Assessment::new(&q, now());
    for question in q.questions.iter().filter(|x| x.critical) {
        a.answer_mut(&question.id).level = Some(1);
    }
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/tmp"), now());
    let session = Session::new(PathBuf::from("/d/a.json"), a, q.clone());
    let reasons: Vec<String> = session
        .scores
        .readiness
        .reasons
        .iter()
        .map(|r| r.text.clone())
        .collect();
    let total = reasons.len();
    assert!(total > 20, "{total}");
    app.update(Msg::Opened(Box::new(session)), now());
    app.go_to_screen(Screen::Results);
    for (w, h) in [
        (50, 15),
        (60, 20),
        (80, 24),
        (120, 40),
        (160, 48),
        (200, 80),
    ] {
        let screen = rows(&draw(&app, w, h));
        let shown = screen.iter().filter(|r| r.contains("│ Major ")).count();
        let some = format!("(1–{shown} of {total}, ↑↓)");
        assert!(
            shown == total || screen.iter().any(|r| r.contains(&some)),
            "{w}×{h}: {shown} of {total} shown\n{}",
            screen.join("\n")
        );
    }
    // At 80×24 the last reason is one End away.
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut info = None;
    terminal
        .draw(|f| info = Some(view::render(&app, f)))
        .expect("draw");
    app.update(Msg::Drawn(info.expect("frame info")), now());
    app.update(Msg::Act(Action::Last), now());
    assert_eq!(app.results_cursor, total - 1);
    let screen = rows(&draw(&app, 80, 24));
    let last: String = reasons[total - 1].chars().take(20).collect();
    assert!(
        screen.iter().any(|r| r.contains(&last)),
        "{last}\n{}",
        screen.join("\n")
    );
}

/// A 1.0.0 assessment opened with 2.0.0: the message of what changed, then the question
/// screen of a split question marked to re-check.
#[test]
fn snapshots_of_the_migration_message_and_a_question_to_re_check() {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut old = Assessment::new(&q, now());
    old.questionnaire.version = "1.0.0".into();
    old.meta.organisation = "Acme".into();
    for (id, level) in [("ctx-01", 2), ("plan-03", 2), ("perf-02", 1), ("ops-01", 3)] {
        let a = old.answer_mut(id);
        a.level = Some(level);
        a.updated = Some(now());
    }
    old.answer_mut("plan-03").note = "SoA drafted, residual risk not accepted".into();
    let (migrated, report) =
        aims_readiness::migration::migrate(&old, &q).expect("a 1.0.0 file migrates");
    let mut session = Session::new(
        PathBuf::from("/data/assessments/acme.json"),
        migrated,
        q.clone(),
    );
    session.migrated = Some((
        report,
        PathBuf::from("/data/assessments/acme.json.v1.0.0.bak"),
    ));
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/tmp"), now());
    app.update(Msg::Opened(Box::new(session)), now());
    app.status = None;
    for (w, h) in [(80, 24), (120, 40)] {
        let terminal = draw(&app, w, h);
        insta::assert_snapshot!(format!("migrated_{w}x{h}"), terminal.backend());
    }
    app.update(Msg::Act(Action::Enter), now());
    app.update(Msg::Act(Action::JumpTo), now());
    for c in "14".chars() {
        app.update(Msg::Input(c), now());
    }
    app.update(Msg::Act(Action::Enter), now());
    app.status = None;
    let terminal = draw(&app, 120, 40);
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(text.contains("plan-07"), "{text}");
    insta::assert_snapshot!("recheck_120x40", terminal.backend());
}

#[test]
fn snapshots_of_the_checklist_and_the_claim_above_the_evidence() {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut app = App::new(
        q.clone(),
        Theme::new(true),
        PathBuf::from("/tmp/reports"),
        now(),
    );
    app.update(Msg::Opened(Box::new(fixture_session(&q, Lang::En))), now());
    app.go_to_screen(Screen::Question);
    app.update(aims_readiness::tui::app::Msg::Digit(4), now());
    app.update(Msg::Act(Action::Checklist), now());
    for _ in 0..2 {
        app.update(Msg::Act(Action::ToggleCheck), now());
        app.update(Msg::Act(Action::Down), now());
    }
    app.status = None;
    for (w, h) in [(80, 24), (160, 48)] {
        let terminal = draw(&app, w, h);
        let screen = rows(&terminal).join("\n");
        assert!(
            screen.contains("claimed 4 · evidence supports 2"),
            "{screen}"
        );
        assert!(screen.contains("[x]"), "{screen}");
        insta::assert_snapshot!(format!("checklist_{w}x{h}"), terminal.backend());
    }
    app.update(Msg::Act(Action::Checklist), now());
    let terminal = draw(&app, 160, 48);
    insta::assert_snapshot!("question_claim_above_evidence_160x48", terminal.backend());
    // The overview marks the claim above the evidence.
    app.go_to_screen(Screen::Overview);
    let overview = rows(&draw(&app, 120, 40)).join("\n");
    assert!(overview.contains("1 4→2 evid.   ! Context"), "{overview}");
}

#[test]
fn the_question_screen_shows_the_law_25_references() {
    let mut app = app_on("question");
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let index = q
        .questions
        .iter()
        .position(|x| x.id == "ax-07")
        .expect("ax-07");
    app.set_question(index);
    let terminal = draw(&app, 160, 48);
    let screen = rows(&terminal).join("\n");
    assert!(
        screen.contains("· Québec Law 25 s. 3.5, s. 12.1"),
        "{screen}"
    );
    insta::assert_snapshot!("question_law_25_160x48", terminal.backend());
}

/// An assessment with every question at level 1: 48 roadmap items and a long list of
/// reasons, on `screen`.
fn gappy_app(screen: Screen) -> App {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut a = Assessment::new(&q, now());
    for question in &q.questions {
        a.answer_mut(&question.id).level = Some(1);
    }
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/tmp"), now());
    let session = Session::new(PathBuf::from("/d/a.json"), a, q);
    app.update(Msg::Opened(Box::new(session)), now());
    app.go_to_screen(screen);
    app.status = None;
    app
}

/// The text of a row inside a pane's left border, if the row has one.
fn inside(row: &str) -> Option<&str> {
    row.strip_prefix('│').filter(|r| !r.starts_with('│'))
}

/// Whether `row` is a list row that starts with its number (" 12 …").
fn numbered(row: &str) -> bool {
    inside(row)
        .and_then(|t| t.split_whitespace().next())
        .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
}

/// The size sweep's rule for lists: at every size swept, every list screen either shows
/// all its items or says which are shown and of how many ("(a–b of N, ↑↓)"), and the
/// count it gives is the count drawn. Lists scroll with the selection, so the last item
/// is one End away.
#[test]
fn every_list_shows_all_its_rows_or_says_how_many_are_hidden() {
    type Counter = fn(&str) -> bool;
    let many_homes = {
        let mut app = app_on("home");
        let mut entries = Vec::new();
        for i in 0..30 {
            let mut e = home_entries(Lang::En)[0].clone();
            e.organisation = format!("Org {i:02}");
            e.file = format!("org-{i:02}.json");
            entries.push(e);
        }
        app.update(Msg::HomeLoaded(entries), now());
        app
    };
    let gappy = gappy_app(Screen::Roadmap);
    let items = gappy.roadmap_items().len();
    let reasons = gappy
        .session
        .as_ref()
        .map_or(0, |s| s.scores.readiness.reasons.len());
    let mut checklist = app_on("question");
    checklist.update(Msg::Act(Action::Checklist), now());
    let checks = checklist.questionnaire().expect("open").questions[0]
        .checks
        .values()
        .map(Vec::len)
        .sum::<usize>();
    let cases: Vec<(&str, App, usize, Counter)> = vec![
        ("checklist", checklist, checks, |r| {
            ["[ ]", "[x]", "[-]"].iter().any(|m| r.contains(m))
        }),
        ("home", many_homes, 30, |r| r.contains("│Org ")),
        ("overview", gappy_app(Screen::Overview), 48, numbered),
        ("roadmap", gappy, items, numbered),
        ("targets", gappy_app(Screen::Targets), 8, |r| {
            r.contains('◀')
        }),
        ("soa", app_on("soa"), 38, |r| {
            inside(r).is_some_and(|t| t.starts_with("  A."))
        }),
        ("results", gappy_app(Screen::Results), reasons, |r| {
            ["│ Major ", "│ Minor ", "│ Improv"]
                .iter()
                .any(|m| r.contains(m))
        }),
        ("details", gappy_app(Screen::Details), 10, |r| {
            inside(r).is_some_and(|t| {
                t.starts_with("  ") && t.chars().nth(2).is_some_and(char::is_alphabetic)
            })
        }),
    ];
    assert!(
        items > 30 && reasons > 20,
        "{items} items, {reasons} reasons"
    );
    let sizes = [
        (50, 15),
        (60, 20),
        (80, 24),
        (100, 30),
        (120, 40),
        (160, 48),
    ];
    for (name, mut app, total, counts) in cases {
        for (w, h) in sizes {
            for end in [false, true] {
                if end {
                    // The selection at the last row: the window follows it.
                    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
                    let mut info = None;
                    terminal
                        .draw(|f| info = Some(view::render(&app, f)))
                        .expect("draw");
                    app.update(Msg::Drawn(info.expect("frame info")), now());
                    app.update(Msg::Act(Action::Last), now());
                } else {
                    app.update(Msg::Act(Action::First), now());
                }
                let screen = rows(&draw(&app, w, h));
                let shown = screen.iter().filter(|r| counts(r)).count();
                let all = screen.join("\n");
                if name == "results" {
                    // The domain bars do not scroll: they say how many are left out.
                    let bars = screen
                        .iter()
                        .filter(|r| r.contains('░') || r.contains('█'))
                        .count();
                    assert!(
                        bars == 8 || all.contains(&format!("· {} more below", 8 - bars)),
                        "{w}×{h}: {bars} of 8 domains\n{all}"
                    );
                }
                if shown == total {
                    continue;
                }
                assert!(shown < total, "{name} {w}×{h}: {shown} > {total}\n{all}");
                // "(a–b of N": the range given is as long as the rows drawn.
                let said = all
                    .split(&format!(" of {total}, ↑↓)"))
                    .next()
                    .filter(|before| before.len() < all.len())
                    .and_then(|before| before.rsplit('(').next())
                    .and_then(|range| {
                        let (a, b) = range.split_once('–')?;
                        Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?))
                    });
                let Some((a, b)) = said else {
                    panic!("{name} {w}×{h}: {shown} of {total} shown, not said\n{all}");
                };
                assert_eq!(b + 1 - a, shown, "{name} {w}×{h}\n{all}");
                if end {
                    assert_eq!(b, total, "{name} {w}×{h}: the last row is reached\n{all}");
                } else {
                    assert_eq!(a, 1, "{name} {w}×{h}\n{all}");
                }
            }
        }
    }
}

/// Bug 4: a small window marks what it cuts. At 60×20 the question ends with "…"
/// where its end does not fit; at 50×15 the targets screen still shows Annex A.
#[test]
fn small_windows_mark_what_they_cut() {
    let app = app_on("question");
    let q = app.questionnaire().expect("open").questions[0].text.clone();
    let last_words: String = q
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let screen = rows(&draw(&app, 60, 20)).join("\n");
    assert!(
        !screen.contains(&last_words),
        "the end does not fit:\n{screen}"
    );
    let question_rows: Vec<&str> = screen.lines().skip(3).take(3).collect();
    assert!(
        question_rows.iter().any(|r| r.trim_end().ends_with('…')),
        "{screen}"
    );
    let targets = rows(&draw(&app_on("targets"), 50, 15)).join("\n");
    assert!(targets.contains("Annex A"), "{targets}");
}

/// Bug 2: the radar's axis labels (name and score) are whole at every size that draws
/// the radar; below 100 columns the bars take its place, every domain named in full.
#[test]
fn the_radar_labels_are_whole_at_every_size_and_80_columns_get_bars() {
    let app = app_on("results");
    let s = app.session.as_ref().expect("open");
    let labels: Vec<String> = s
        .scores
        .domains
        .iter()
        .map(|d| {
            let name = s.questionnaire.domain(&d.id).map_or("", |x| x.label());
            format!("{name} {}", aims_readiness::scoring::one_decimal(d.score))
        })
        .collect();
    let titles: Vec<String> = s.scores.domains.iter().map(|d| d.title.clone()).collect();
    for w in (100..=200).step_by(5) {
        for h in [24, 30, 40, 48, 60] {
            let screen = rows(&draw(&app, w, h)).join("\n");
            assert!(screen.contains("Radar"), "{w}×{h}\n{screen}");
            for label in &labels {
                assert!(
                    screen.contains(label.as_str()),
                    "{label} at {w}×{h}\n{screen}"
                );
            }
        }
    }
    for (w, h) in [(80, 24), (90, 30)] {
        let screen = rows(&draw(&app, w, h)).join("\n");
        assert!(!screen.contains("Radar"), "{w}×{h}\n{screen}");
        for title in &titles {
            assert!(
                screen.contains(title.as_str()),
                "{title} at {w}×{h}\n{screen}"
            );
        }
    }
    insta::assert_snapshot!("results_120x40", draw(&app, 120, 40).backend());
}

/// Item 6: the targets' gap bar is the gap (empty where the target is met); the
/// roadmap says its phase ends are inclusive and shows the selected owner in full; a
/// long status message wraps instead of being cut; help rows wrap, none is cut.
#[test]
fn gaps_dates_owners_messages_and_help_are_whole() {
    let targets = rows(&draw(&app_on("targets"), 120, 40));
    // The fixture: Context 2.4 (gap 0.6), Planning 3.5 (gap 0).
    let bar_of = |needle: &str| -> usize {
        let row = targets
            .iter()
            .find(|r| r.contains(needle))
            .unwrap_or_else(|| panic!("{needle}"));
        row.chars().filter(|c| *c == '█').count()
    };
    assert_eq!(bar_of("Planning"), 0, "no gap, no bar");
    assert!(bar_of("Context of the organisation") > 0);
    assert!(
        bar_of("Context of the organisation") < 10,
        "0.6 of a 4-level gap"
    );

    let mut roadmap = app_on("roadmap");
    let owner = "Marie-Hélène Tremblay-Lefebvre (CISO office)";
    let first = roadmap.roadmap_items()[0].question.clone();
    if let Some(s) = roadmap.session.as_mut() {
        s.assessment.plan.entry(first).or_default().owner = owner.into();
        s.rescore();
    }
    roadmap.update(Msg::Act(Action::First), now());
    let screen = rows(&draw(&roadmap, 80, 24)).join("\n");
    assert!(screen.contains(owner), "{screen}");
    assert!(screen.contains("(inclusive)"), "{screen}");
    assert!(
        screen.contains("OWNER") && screen.contains("EFFORT"),
        "{screen}"
    );

    let mut app = app_on("home");
    let message = "acme-bank-ag-credit-scoring-2026-11-27.json is in use by another \
        aims-readiness process (pid 123456); close it there first.";
    app.warn(message);
    let screen = rows(&draw(&app, 80, 24)).join(" ");
    let squeezed: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(squeezed.contains(message), "{screen}");

    let mut help = app_on("help");
    let mut seen = String::new();
    for _ in 0..40 {
        let screen = rows(&draw(&help, 80, 24));
        // The overlay covers the body: between the header and the status line.
        for row in &screen[1..screen.len() - 2] {
            assert!(!row.contains('…'), "a help row is cut: {row}");
        }
        seen.push_str(&screen.join("\n"));
        help.update(Msg::Act(Action::Down), now());
    }
    assert!(
        seen.contains("required)"),
        "the wrapped end of a long row shows"
    );
}
/// Every screen the tests above draw, plus the checklist, the register and the agenda.
const EVERY_SCREEN: [&str; 17] = [
    "home",
    "new",
    "question",
    "editor",
    "overview",
    "results",
    "roadmap",
    "targets",
    "export",
    "help",
    "soa",
    "details",
    "checklist",
    "register",
    "voting",
    "presenter",
    "agenda",
];

/// Issue 21: every screen at 80×24 in French, a snapshot each, and no English text of
/// the catalogues or of the keymap left on any of them.
#[test]
fn every_screen_in_french_holds_no_english() {
    use aims_readiness::locale::{english_left, english_words_in, every_text};
    let mut texts = every_text();
    texts.extend(aims_readiness::tui::keys::catalogue_entries());
    let mut left = Vec::new();
    for screen in EVERY_SCREEN {
        let app = app_on_in(screen, Lang::Fr);
        insta::assert_snapshot!(format!("fr_{screen}_80x24"), draw(&app, 80, 24).backend());
        let text = screen_text(&app, 80, 24);
        left.extend(
            english_left(&text, &texts)
                .into_iter()
                .chain(english_words_in(&text))
                .map(|found| format!("{screen}: {found}")),
        );
    }
    assert!(left.is_empty(), "English on French screens: {left:#?}");
}
