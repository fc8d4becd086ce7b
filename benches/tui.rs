//! The app's budgets, in process: `cargo bench --bench tui`.
//!
//! load + first frame (≤ 5 ms), one key press = update + draw at 120×40 (≤ 1 ms) and at
//! 240×70 (the Statement of Applicability included), and a frame of a 10,000-question
//! questionnaire (≤ 5 ms).

#[path = "support/mod.rs"]
mod support;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::store;
use aims_readiness::tui::app::{App, Msg, Screen, Session};
use aims_readiness::tui::keys::Action;
use aims_readiness::tui::theme::Theme;
use aims_readiness::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn report(name: &str, budget: Option<Duration>, mut samples: Vec<Duration>) {
    samples.sort();
    let median = samples[samples.len() / 2];
    let p95 = samples[(samples.len() * 95 / 100).min(samples.len() - 1)];
    let verdict = match budget {
        Some(b) if median <= b => format!("within {b:?}"),
        Some(b) => format!("OVER {b:?}"),
        None => String::new(),
    };
    println!("{name:<58} median {median:>10.3?}  p95 {p95:>10.3?}  {verdict}");
}

fn time(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect()
}

fn opened(q: &Questionnaire, a: aims_readiness::assessment::Assessment) -> App {
    let now = chrono::Local::now().fixed_offset();
    let mut app = App::new(q.clone(), Theme::new(false), PathBuf::from("."), now);
    app.update(
        Msg::Opened(Box::new(Session::new(
            PathBuf::from("acme.json"),
            a,
            q.clone(),
        ))),
        now,
    );
    app
}

/// Every control included with a justification, so that a key on the statement changes
/// a decision without opening a prompt.
fn with_soa(
    q: &Questionnaire,
    mut a: aims_readiness::assessment::Assessment,
) -> aims_readiness::assessment::Assessment {
    for c in &q.controls {
        let d = a.soa.entry(c.id.clone()).or_default();
        d.applicable = Some(true);
        d.justification = "In scope".into();
    }
    a
}

fn main() {
    let quick = std::env::args().any(|a| a == "--test" || a == "--quick");
    let runs = |n: usize| if quick { 2 } else { n };
    let now = chrono::Local::now().fixed_offset();
    let q = Questionnaire::embedded().expect("embedded");
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    store::create(&path, &support::answered(&q, 2)).expect("create");

    let samples = time(runs(200), || {
        let q = Questionnaire::embedded().expect("embedded");
        let a = store::read(&path).expect("read");
        store::check_fits(&path, &a, &q).expect("fits");
        let app = opened(&q, a);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        terminal
            .draw(|f| {
                view::render(&app, f);
            })
            .expect("draw");
        black_box(terminal.backend());
    });
    report(
        "load + first frame at 120×40 (budget 5 ms)",
        Some(Duration::from_millis(5)),
        samples,
    );

    for (w, h) in [(120u16, 40u16), (240, 70)] {
        for (screen, label) in [
            (Screen::Question, "question"),
            (Screen::Results, "results"),
            (Screen::Overview, "overview"),
            (Screen::Soa, "statement of applicability"),
        ] {
            let mut app = opened(&q, with_soa(&q, support::answered(&q, 2)));
            app.go_to_screen(screen);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal
                .draw(|f| {
                    view::render(&app, f);
                })
                .expect("draw");
            let mut n = 0usize;
            let samples = time(runs(500), || {
                n += 1;
                // Alternate a score and a move: the commonest presses in a session.
                let msg = match (screen, n % 2) {
                    (Screen::Question, 0) => Msg::Digit((n % 5) as u8 + 1),
                    (Screen::Question, _) => Msg::Act(Action::NextQuestion),
                    // On the statement: a change saved at once (the implementation).
                    (Screen::Soa, 0) => Msg::Act(Action::CycleStatus),
                    (_, 0) => Msg::Act(Action::Down),
                    _ => Msg::Act(Action::Up),
                };
                black_box(app.update(msg, now));
                terminal
                    .draw(|f| {
                        view::render(&app, f);
                    })
                    .expect("draw");
            });
            let budget = (w == 120).then(|| Duration::from_millis(1));
            let name = format!("key press: update + draw, {label} at {w}×{h}");
            report(
                &format!(
                    "{name}{}",
                    if budget.is_some() {
                        " (budget 1 ms)"
                    } else {
                        ""
                    }
                ),
                budget,
                samples,
            );
        }
    }

    let big = Questionnaire::from_json(&support::big_questionnaire_json(10_000, 20), "big")
        .expect("valid");
    for (screen, label) in [
        (Screen::Question, "question"),
        (Screen::Overview, "overview"),
        (Screen::Results, "results"),
        (Screen::Roadmap, "roadmap"),
    ] {
        let mut app = opened(&big, support::answered(&big, 1));
        app.go_to_screen(screen);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        let samples = time(runs(100), || {
            black_box(app.update(Msg::Act(Action::Down), now));
            terminal
                .draw(|f| {
                    view::render(&app, f);
                })
                .expect("draw");
        });
        report(
            &format!("10,000 questions: key + frame, {label} (budget 5 ms)"),
            Some(Duration::from_millis(5)),
            samples,
        );
    }
}
