//! The assessment screens in French: each shows its French words, no English text of
//! the screens' catalogue, scores with a decimal comma, and no word cut without "…" at
//! 80×24 (the minimum) and 160×48.

use std::path::PathBuf;

use aims_readiness::assessment::{Assessment, Extra, PlanStatus};
use aims_readiness::evidence::{EvidenceItem, EvidenceKind, VerifyStatus};
use aims_readiness::export::Format;
use aims_readiness::locale::{Lang, english_left, every_text};
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::scoring::{Verdict, VerdictStatus};
use aims_readiness::store::catalog::Summary;
use aims_readiness::tui::app::{App, Effect, ExportOutcome, Msg, Session};
use aims_readiness::tui::keys::Action;
use aims_readiness::tui::theme::Theme;
use aims_readiness::tui::view;
use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T10:00:00+01:00").expect("valid date")
}

fn evidence(title: &str, kind: EvidenceKind, location: &str) -> EvidenceItem {
    let file = kind == EvidenceKind::File;
    EvidenceItem {
        id: String::new(),
        title: title.into(),
        kind,
        location: location.into(),
        sha256: file.then(|| "9f86d081884c7d659a2feaa0c55ad015".to_string()),
        bytes: file.then_some(18_204),
        dated: NaiveDate::from_ymd_opt(2026, 2, 1),
        owner: "Marie Tremblay".into(),
        added: Some(now()),
        resolved: None,
        extra: Extra::new(),
    }
}

/// An assessment part-way through, in French words: levels, a claim above its checks,
/// an N/A, a parked question, an owner, an item done, SoA decisions and evidence.
fn session(q: &Questionnaire) -> Session {
    let mut a = Assessment::new(q, now());
    a.meta.organisation = "Hôpital Saint-Laurent".into();
    a.meta.assessors = vec!["Marie Tremblay".into()];
    let levels = [2u8, 3, 1, 4, 2, 3, 2, 1, 3, 2, 5, 2];
    for (question, level) in q.questions.iter().zip(levels) {
        let ans = a.answer_mut(&question.id);
        ans.level = Some(level);
        ans.updated = Some(now());
    }
    // A claim of 4 whose level-2 checks are not met: the evidence supports less.
    let ctx = q.questions[3].clone();
    for check in ctx.checks_of(2) {
        a.answer_mut(&ctx.id).checks.insert(check.id.clone(), false);
    }
    let check = ctx.checks_of(2)[0].id.clone();
    a.add_evidence(
        &ctx,
        Some(&check),
        evidence("Registre des systèmes", EvidenceKind::File, "registre.xlsx"),
        now(),
    )
    .expect("ev-1");
    a.register_evidence(
        evidence(
            "Procès-verbal",
            EvidenceKind::Record,
            "Classeur 4, secrétariat",
        ),
        now(),
    );
    let parked = a.answer_mut(&q.questions[1].id);
    parked.flagged = true;
    parked.flag_reason = "Attendre l'avis juridique".into();
    if let Some(na) = q.questions.iter().find(|x| x.allow_na) {
        let ans = a.answer_mut(&na.id);
        ans.na = true;
        ans.note = "Aucun système conçu à l'interne.".into();
    }
    a.plan.entry(q.questions[2].id.clone()).or_default().owner = "Luc Roy".into();
    a.plan.entry(q.questions[0].id.clone()).or_default().status = PlanStatus::Done;
    a.meta.roadmap_start = NaiveDate::from_ymd_opt(2026, 4, 1);
    Session::new(
        PathBuf::from("/data/assessments/hopital.json"),
        a,
        q.clone(),
    )
}

fn french_app_on(screen: &str) -> App {
    let q = Questionnaire::embedded().expect("embedded questionnaire");
    let mut app = App::new(
        q.clone(),
        Theme::new(true),
        PathBuf::from("/tmp/rapports"),
        now(),
    );
    app.set_lang(Lang::Fr);
    match screen {
        "home" => {
            app.update(
                Msg::HomeLoaded(vec![Summary {
                    path: PathBuf::from("/data/assessments/hopital.json"),
                    file: "hopital.json".into(),
                    organisation: String::new(),
                    covered: 12,
                    total: 48,
                    verdict: Some(VerdictStatus::Provisional(Verdict::NotReady)),
                    updated: Some(now()),
                    problem: None,
                }]),
                now(),
            );
            return app;
        }
        "new" => {
            app.update(Msg::HomeLoaded(Vec::new()), now());
            return app;
        }
        _ => {}
    }
    app.update(Msg::Opened(Box::new(session(&q))), now());
    app.set_lang(Lang::Fr);
    app.go_to_screen(super::screen_under(screen));
    match screen {
        "question" | "checklist" => {
            app.question = 3;
            if screen == "checklist" {
                app.update(Msg::Act(Action::Checklist), now());
            }
        }
        "register" => {
            app.update(Msg::Act(Action::Register), now());
            let effects = app.update(Msg::Act(Action::VerifyFiles), now());
            if let Some(Effect::VerifyEvidence { run, .. }) = effects.first() {
                let run = *run;
                app.update(
                    Msg::EvidenceChecked {
                        run,
                        id: "ev-1".into(),
                        status: VerifyStatus::Missing,
                        reason: None,
                    },
                    now(),
                );
            }
        }
        "export" => {
            app.update(
                Msg::Exported(vec![
                    (
                        Format::Json,
                        ExportOutcome::Exists(PathBuf::from("/tmp/rapports/results.json")),
                    ),
                    (Format::Png, ExportOutcome::Failed("disque plein".into())),
                ]),
                now(),
            );
        }
        _ => {}
    }
    app.status = None;
    app
}

/// The rows between the header and the status and footer lines (those belong to the
/// frame, translated apart).
fn body(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| {
            view::render(app, frame);
        })
        .expect("draw");
    let buf = terminal.backend().buffer();
    (1..buf.area.height.saturating_sub(2))
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The English texts of every catalogue found in `text` (whole words only: "Domain"
/// is not in "Domaine").
fn english_in(text: &str) -> Vec<String> {
    english_left(text, &every_text())
}

#[test]
fn every_assessment_screen_speaks_french_at_80x24_and_160x48() {
    let expected: &[(&str, &[&str])] = &[
        (
            "home",
            &[
                "Évaluations enregistrées",
                "Organisme",
                "(organisme non précisé)",
                "Pas prêt (provisoire)",
            ],
        ),
        ("new", &["Nouvelle évaluation", "Niveau cible par domaine"]),
        (
            "question",
            &["Question 4 sur 48", "poids", "réponses", "Note (e)"],
        ),
        (
            "checklist",
            &["Points de vérification", "Niveau 2", "(1 preuve)"],
        ),
        ("overview", &["Aperçu", "toutes les questions", "cible 3"]),
        (
            "results",
            &[
                "Global",
                "Couverture",
                "Écarts critiques",
                "Pourquoi ce verdict",
                "Majeure",
            ],
        ),
        (
            "roadmap",
            &[
                "Feuille de route",
                "Phase 1 · Gains rapides et obstacles",
                "(inclus)",
                "ouvert",
            ],
        ),
        (
            "targets",
            &["Niveau cible par domaine", "Domaine", "Cible", "Écart"],
        ),
        (
            "export",
            &[
                "Espace pour choisir",
                "existe déjà (non remplacé)",
                "disque plein",
            ],
        ),
        ("soa", &["non décidée", "toutes les mesures"]),
        (
            "details",
            &[
                "Détails de l'évaluation",
                "Organisme",
                "Maîtrise documentaire",
                "Langue du rapport",
            ],
        ),
        (
            "register",
            &[
                "Registre des preuves — 2 éléments",
                "manquant",
                "emplacement",
            ],
        ),
    ];
    // The check can fail: the same screen in English shows such pieces.
    let mut results = french_app_on("results");
    results.set_lang(Lang::En);
    let text = body(&results, 80, 24);
    assert!(!english_in(&text).is_empty(), "{text}");
    for (screen, words) in expected {
        let app = french_app_on(screen);
        for (w, h) in [(80, 24), (160, 48)] {
            let text = body(&app, w, h);
            for word in *words {
                assert!(
                    text.contains(word),
                    "{screen} at {w}×{h} lacks {word:?}:\n{text}"
                );
            }
            let english = english_in(&text);
            assert!(
                english.is_empty(),
                "{screen} at {w}×{h} shows English {english:?}:\n{text}"
            );
        }
    }
}

#[test]
fn french_scores_have_a_decimal_comma() {
    for screen in ["overview", "results", "targets"] {
        let text = body(&french_app_on(screen), 80, 24);
        let point = text
            .as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit());
        assert!(!point, "{screen} writes a decimal point:\n{text}");
        assert!(
            text.contains(",0") || text.contains(",5"),
            "{screen}:\n{text}"
        );
    }
}

#[test]
fn the_report_language_and_its_messages_are_french() {
    let mut app = french_app_on("details");
    // The language row: Enter picks the next language and says so in French.
    app.details_cursor = 3;
    app.update(Msg::Act(Action::Enter), now());
    let status = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.starts_with("Langue des rapports"), "{status}");
    let text = body(&app, 80, 24);
    assert!(text.contains("Entrée pour changer"), "{text}");
}
