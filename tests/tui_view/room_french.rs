//! The workshop room in French: the voting screen, the presenter view (80×24 up to a
//! projector's 200×60) and the agenda speak French, with no English text of the room's
//! catalogue left on screen, and no word cut without `…` where the French is longer.

use std::path::PathBuf;

use aims_readiness::assessment::Assessment;
use aims_readiness::locale::{Lang, english_left, every_text};

use super::screen_text;
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::tui::app::{App, Msg, Screen, Session};
use aims_readiness::tui::keys::Action;
use aims_readiness::tui::theme::Theme;
use aims_readiness::workshop::{self, Consensus};
use chrono::{DateTime, FixedOffset};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T21:00:00-05:00").expect("valid date")
}

/// A workshop on question 1, in French: four people, three votes spread 1 to 4 (divergent),
/// a note, one person gone, the timebox run over.
fn room(presenter: bool) -> App {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut a = Assessment::new(&q, now());
    a.meta.organisation = "CHU Laval".into();
    for name in ["Marie", "Jean-François", "Amélie", "Karim"] {
        workshop::join_participant(&mut a, name, now()).expect("participant");
    }
    let first = q.questions[0].clone();
    for (name, level) in [("Marie", 1), ("Jean-François", 2), ("Karim", 4)] {
        workshop::record_vote(&mut a, &first, name, Some(Consensus::Level(level)), now())
            .expect("vote");
    }
    workshop::attendance::leave(&mut a, "Karim", now()).expect("leave");
    workshop::add_participant_note(&mut a, &first.id, "Amélie", "Le registre existe.", now())
        .expect("note");
    let session = Session::new(PathBuf::from("/data/chu.json"), a, q.clone());
    let mut app = App::new(q, Theme::new(true), PathBuf::from("/tmp/reports"), now());
    app.update(Msg::Opened(Box::new(session)), now());
    app.set_lang(Lang::Fr);
    app.go_to_screen(Screen::Voting);
    if presenter {
        app.update(Msg::Act(Action::Presenter), now());
    }
    app.update(Msg::Tick, now() + chrono::Duration::seconds(200));
    app.status = None;
    app
}

fn assert_french(text: &str, expected: &[&str]) {
    for words in expected {
        assert!(text.contains(words), "{words:?} missing in\n{text}");
    }
    let english = english_left(text, &every_text());
    assert!(english.is_empty(), "English {english:?} left in\n{text}");
}

#[test]
fn the_voting_screen_speaks_french() {
    let mut app = room(false);
    let text = screen_text(&app, 80, 24);
    assert_french(
        &text,
        &[
            "Question 1 sur 48",
            "Votes par personne",
            "│ 2 sur 3 ont voté · médiane 2 · écart 3",
            "DIVERGENT\u{a0}: écart de 2 ou plus, à discuter",
            "Proposé\u{a0}: 2 Géré (non confirmé)",
            "Amélie\u{a0}: Le registre existe.",
            "au-delà du temps prévu (3:00)",
        ],
    );
    let wide = screen_text(&app, 120, 40);
    assert_french(
        &wide,
        &[
            "4 Géré quantitativement  (dép. 21\u{a0}h\u{a0}00)",
            "2 sur 3 ont voté (+1 avant départ) · médiane 2 · écart 3",
        ],
    );
    // The override, with its reason: the result is said to differ from the votes.
    app.update(Msg::Act(Action::OverrideConsensus), now());
    app.update(Msg::Digit(3), now());
    let text = screen_text(&app, 80, 24);
    assert_french(&text, &["Retenu\u{a0}: 3 Défini ✓ résultat modifié"]);
}

#[test]
fn the_presenter_view_speaks_french_from_80x24_to_a_projector() {
    let app = room(true);
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let text = screen_text(&app, w, h);
        assert_french(
            &text,
            &[
                "⏱ TEMPS DÉPASSÉ +0:20",
                "2 sur 3 ont voté",
                "DIVERGENT\u{a0}:",
                "Sens des niveaux ici",
                "Pas encore voté (1)\u{a0}: Amélie",
            ],
        );
        if h >= 40 {
            assert!(text.contains("TEMPS DÉPASSÉ\u{a0}: temps prévu de 3:00 par question"));
        }
    }
}

#[test]
fn the_agenda_speaks_french_and_its_reasons_are_whole() {
    let mut app = room(false);
    app.update(Msg::Act(Action::Agenda), now());
    let text = screen_text(&app, 80, 24);
    assert_french(
        &text,
        &[
            "Ordre du jour\u{a0}: 48 à régler",
            "0 proposition unanime",
            "ctx-01   divergente     1–4",
            "ctx-02   sans réponse   –",
        ],
    );
}

#[test]
fn the_facilitators_messages_speak_french() {
    let mut app = room(false);
    app.update(Msg::Act(Action::Break), now());
    let said = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert_eq!(
        said,
        "Pause depuis 21\u{a0}h\u{a0}00\u{a0}: les minuteurs sont arrêtés (b pour reprendre)."
    );
    app.update(
        Msg::Act(Action::Break),
        now() + chrono::Duration::seconds(65),
    );
    let said = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert_eq!(
        said,
        "Fin de la pause après 1:05\u{a0}: les minuteurs repartent."
    );
    app.update(Msg::Act(Action::Agenda), now());
    app.update(Msg::Act(Action::ConfirmUnanimous), now());
    let said = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert_eq!(
        said,
        "Aucune proposition à l'ordre du jour ne fait l'unanimité des votes."
    );
}
