//! The status lines, prompts and notices in French: worded in the interface's
//! language, with no English text of the catalogue left in them.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::assessment::Assessment;
use crate::locale::{Lang, StatusText};
use crate::tui::keys::Action;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T10:00:00+01:00").expect("valid date")
}

/// An app in `lang` with an assessment of Acme open.
fn app_in(lang: Lang) -> App {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), now());
    app.set_lang(lang);
    let mut a = Assessment::new(&q, now());
    a.meta.organisation = "Acme".into();
    app.update(
        Msg::Opened(Box::new(Session::new(PathBuf::from("/d/acme.json"), a, q))),
        now(),
    );
    app
}

fn act(app: &mut App, action: Action) -> Vec<Effect> {
    app.update(Msg::Act(action), now())
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// No English text of any catalogue in `text` (the check the French screen tests use).
fn assert_no_english(text: &str) {
    let left = crate::locale::english_left(text, &crate::locale::every_text());
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn opening_and_answering_speak_french() {
    let mut app = app_in(Lang::Fr);
    assert_eq!(
        status(&app),
        "Évaluation Acme ouverte. Chaque modification est enregistrée aussitôt."
    );
    // Enter on an unanswered question explains how to score it.
    act(&mut app, Action::Enter);
    assert_eq!(
        status(&app),
        "Appuyez sur 1 à 5 pour coter cette question, ou choisissez un niveau avec ↑/↓, puis Entrée."
    );
    app.update(Msg::Digit(3), now());
    act(&mut app, Action::ClearAnswer);
    assert_eq!(status(&app), "Niveau effacé.");
    // Go to a number that is not a question.
    act(&mut app, Action::JumpTo);
    for c in "999".chars() {
        app.update(Msg::Input(c), now());
    }
    act(&mut app, Action::Enter);
    let n = app.questionnaire().map_or(0, |q| q.questions.len());
    assert_eq!(
        status(&app),
        format!("Saisissez un numéro de question de 1 à {n}.")
    );
    // Find with French quotes.
    act(&mut app, Action::Search);
    for c in "zzqx".chars() {
        app.update(Msg::Input(c), now());
    }
    act(&mut app, Action::Enter);
    assert_eq!(
        status(&app),
        "Aucune question ne contient «\u{a0}zzqx\u{a0}»."
    );
    assert_no_english(&status(&app));
}

#[test]
fn the_same_keys_speak_english_in_english() {
    let mut app = app_in(Lang::En);
    assert_eq!(status(&app), "Opened Acme. Every change is saved at once.");
    act(&mut app, Action::Search);
    for c in "zzqx".chars() {
        app.update(Msg::Input(c), now());
    }
    act(&mut app, Action::Enter);
    assert_eq!(status(&app), "No question contains \"zzqx\".");
}

#[test]
fn na_the_statement_overview_filters_and_prompts_in_french() {
    let mut app = app_in(Lang::Fr);
    let i = app
        .questionnaire()
        .and_then(|q| q.question_index("ax-09"))
        .expect("ax-09");
    app.set_question(i);
    act(&mut app, Action::NotApplicable);
    assert_eq!(app.screen, Screen::Soa);
    assert_eq!(
        status(&app),
        "S.\u{a0}O. sur une question de l'annexe A signifie exclure ses mesures\u{a0}: dans la déclaration d'applicabilité (a), excluez chacune avec x et justifiez-la."
    );
    act(&mut app, Action::Exclude);
    assert_eq!(
        status(&app),
        "Mesure A.10.2 exclue\u{a0}: une exclusion exige une justification."
    );
    let prompt = app.prompt.as_ref().expect("the justification prompt");
    assert_eq!(
        prompt.kind.label_in(app.lang),
        "Justification (pourquoi incluse ou exclue)"
    );
    app.update(Msg::Input('x'), now());
    act(&mut app, Action::Enter);
    assert_eq!(status(&app), "Justification enregistrée.");
    // A refusal of the statement's rules, in French too.
    act(&mut app, Action::CycleStatus);
    let refused = app.status.clone().expect("refused");
    assert!(refused.warn);
    assert!(refused.text.ends_with(" (i)."), "{}", refused.text);
    assert_no_english(&refused.text);
    act(&mut app, Action::Include);
    assert_eq!(status(&app), "Mesure A.10.2 incluse.");

    app.go_to_screen(Screen::Overview);
    act(&mut app, Action::Filter);
    assert_eq!(status(&app), "Affichage\u{a0}: sans réponse.");

    app.go_to_screen(Screen::Roadmap);
    act(&mut app, Action::SetRoadmapStart);
    let prompt = app.prompt.as_ref().expect("a prompt");
    assert_eq!(
        prompt.kind.label_in(app.lang),
        "Début de la feuille de route (AAAA-MM-JJ\u{202f}; vide\u{a0}: aujourd'hui)"
    );
    assert_eq!(
        prompt.kind.label_in(Lang::En),
        "Roadmap starts on (YYYY-MM-DD; empty: today, moving)"
    );
}

#[test]
fn counts_follow_each_language() {
    let one = |lang: Lang, n| lang.plural(n, StatusText::CheckingOne, StatusText::CheckingMany);
    assert_eq!(one(Lang::En, 1), StatusText::CheckingOne);
    assert_eq!(one(Lang::En, 0), StatusText::CheckingMany);
    assert_eq!(one(Lang::Fr, 0), StatusText::CheckingOne);
    assert_eq!(one(Lang::Fr, 2), StatusText::CheckingMany);
    assert_eq!(
        Lang::Fr.f(StatusText::CheckingMany, &[("count", &3)]),
        "Vérification de 3 fichiers…"
    );
}

#[test]
fn what_opening_carried_over_is_worded_in_the_interface_language() {
    let q = Questionnaire::embedded().expect("embedded");
    let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), now());
    app.set_lang(Lang::Fr);
    let mut session = Session::new(PathBuf::from("/d/a.json"), Assessment::new(&q, now()), q);
    session.carried.excluded = vec!["A.10.2".into()];
    app.update(Msg::Opened(Box::new(session)), now());
    let text = status(&app);
    assert!(
        text.starts_with("Les réponses S.\u{a0}O. sont devenues des exclusions de A.10.2"),
        "{text}"
    );
}

#[test]
fn a_migration_notice_is_french_and_worded_again_on_a_switch() {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut old = Assessment::new(&q, now());
    old.questionnaire.version = "1.0.0".into();
    old.answers.insert(
        "plan-03".into(),
        crate::assessment::Answer {
            level: Some(2),
            ..Default::default()
        },
    );
    let (migrated, report) = crate::migration::migrate(&old, &q).expect("migrates");
    let mut session = Session::new(PathBuf::from("/d/acme.json"), migrated, q.clone());
    session.migrated = Some((report, PathBuf::from("/d/acme.json.v1.0.0.bak")));
    let mut app = App::new(q, Theme::new(true), PathBuf::from("/out"), now());
    app.set_lang(Lang::Fr);
    app.update(Msg::Opened(Box::new(session)), now());

    let notice = app.notice.clone().expect("the app says what changed");
    assert_eq!(notice.title, "Ce qui a changé dans le questionnaire");
    let text = notice.lines.join("\n");
    assert!(text.contains("version 1.0.0"), "{text}");
    assert!(
        text.contains("Le fichier d'origine est conservé sous /d/acme.json.v1.0.0.bak."),
        "{text}"
    );
    assert!(text.contains("À revérifier"), "{text}");
    for line in &notice.lines {
        assert_no_english(line);
    }

    act(&mut app, Action::Down);
    app.set_lang(Lang::En);
    let notice = app.notice.clone().expect("still open");
    assert_eq!(notice.title, "What changed in the questionnaire");
    assert_eq!(notice.scroll, 1, "the reader stays where they were");
    assert!(
        notice
            .lines
            .join("\n")
            .contains("The file as it was is kept at"),
        "{notice:?}"
    );
}

#[test]
fn a_note_is_cut_into_sentences_but_not_inside_s_o() {
    assert_eq!(
        super::model::sentences(
            "Ne peuvent plus être S. O. (A.2) : note gardée. Nouvelles questions."
        ),
        vec![
            "Ne peuvent plus être S. O. (A.2) : note gardée",
            "Nouvelles questions."
        ]
    );
    assert_eq!(
        super::model::sentences("Version 2.0.0 splits. ctx-01 now. Each part."),
        vec!["Version 2.0.0 splits", "ctx-01 now", "Each part."]
    );
}
