//! The report in French (SPEC.md "Languages"): a report.md snapshot, no English text of
//! the catalogue in a French report, decimal commas and dates in words, the built-in
//! questionnaire's French text, and `export --lang` through the binary.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use aims_readiness::assessment::{Assessment, DocumentControl, ParticipantNote, PlanStatus, Vote};
use aims_readiness::evidence::EvidenceItem;
use aims_readiness::export::{self, Format, Report};
use aims_readiness::locale::Lang;
use aims_readiness::questionnaire::Questionnaire;
use chrono::NaiveDate;

const BIN: &str = env!("CARGO_BIN_EXE_aims-readiness");

/// The fixture questionnaire written in French (a custom questionnaire in French),
/// so the snapshot does not move when the built-in translation is revised.
fn french_fixture() -> Questionnaire {
    let mut q = common::questionnaire(3, 3);
    q.language = Lang::Fr;
    q.title = "Préparation (gabarit)".into();
    let domains = ["Contexte", "Leadership", "Planification"];
    for (d, title) in q.domains.iter_mut().zip(domains) {
        d.title = title.into();
        d.clause = d.clause.replace("Clause", "Article");
        d.description = "Ce que couvre le domaine.".into();
    }
    let names = [
        "Initial",
        "Géré",
        "Défini",
        "Géré quantitativement",
        "En optimisation",
    ];
    for (s, name) in q.scale.iter_mut().zip(names) {
        s.name = name.into();
        s.description = format!("Description générique du niveau {}.", s.level);
    }
    for question in &mut q.questions {
        let id = question.id.clone();
        question.title = Some(format!("Chose {id}"));
        question.text = format!("L'organisme fait-il la chose {id}\u{a0}?");
        question.levels = (1..=5).map(|l| format!("{id} au niveau {l}")).collect();
        question.actions = (1..5)
            .map(|l| vec![format!("Faire passer {id} de {l} à {}", l + 1)])
            .collect();
    }
    q
}

/// A complete assessment in French: answers at several levels (findings and a
/// roadmap), document control, a conclusion, a domain note, owners.
fn assessment(q: &Questionnaire) -> Assessment {
    let mut a = common::assessment(q, |d, j| Some(((d * 2 + j) % 4) as u8 + 1));
    a.meta.language = Some(Lang::Fr);
    a.meta.organisation = "Acme Robotique".into();
    a.meta.scope = "Produits d'IA".into();
    a.meta.assessors = vec!["Jo Auditrice".into()];
    a.meta.roadmap_start = Some(common::start());
    a.meta.summary =
        "La direction est engagée\u{202f}; le processus de risque n'est pas encore appliqué."
            .into();
    a.meta.document = DocumentControl {
        version: "1.0".into(),
        classification: "Confidentiel".into(),
        author: "Jo Auditrice".into(),
        approver: "Kim RSSI".into(),
        approved: NaiveDate::from_ymd_opt(2026, 3, 1),
        ..DocumentControl::default()
    };
    for answer in a.answers.values_mut() {
        answer.note = "Note de l'évaluation.".into();
        answer.evidence = vec!["preuve.pdf".into()];
    }
    a.domain_notes
        .insert("d2".into(), "Politique approuvée en janvier.".into());
    common::own(&mut a, "d1-q1", "Dana Responsable", PlanStatus::InProgress);
    common::own(&mut a, "d3-q1", "Sam", PlanStatus::Done);
    a
}

fn md(report: &Report<'_>) -> String {
    String::from_utf8(report.render(Format::Md).unwrap()).unwrap()
}

#[test]
fn french_report_md_snapshot() {
    let q = french_fixture();
    let a = assessment(&q);
    let old = common::assessment(&q, |d, j| (j < 2).then_some((d % 2) as u8 + 1));
    let report = Report::new(&q, &a, common::start(), common::now())
        .with_baseline(&old)
        .with_lang(Lang::Fr);
    insta::assert_snapshot!("report_md_fr", md(&report));
}

/// The English texts of every catalogue left in `french`.
fn english_left(french: &str) -> Vec<String> {
    aims_readiness::locale::english_left(french, &aims_readiness::locale::every_text())
}

/// Every string in a JSON value.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

#[test]
fn a_french_report_holds_no_english_text_of_the_catalogue() {
    // The built-in questionnaire in French: every fixed word from the catalogue, every
    // question's words from the translation.
    let english = Questionnaire::builtin(Lang::En).unwrap();
    let french = export::translated(&english, Lang::Fr).expect("the built-in has a French text");
    let mut a = common::assessment(&english, |d, j| Some(((d + j) % 4) as u8 + 1));
    a.meta.organisation = "Acme Robotique".into();
    a.meta.scope = "Produits d'IA".into();
    a.meta.assessors = vec!["Jo Auditrice".into()];
    for answer in a.answers.values_mut() {
        answer.note = "Note de l'évaluation.".into();
        answer.evidence = vec!["preuve.pdf".into()];
    }
    // A workshop: votes, a private note, a flag, time spent.
    a.participants = vec!["Anna".into(), "Ben".into()];
    for (i, question) in english.questions.iter().take(6).enumerate() {
        let answer = a.answer_mut(&question.id);
        answer
            .votes
            .insert("Anna".into(), Vote::Level(1 + (i % 3) as u8));
        answer.votes.insert("Ben".into(), Vote::Level(2));
        answer.seconds_spent = 60;
    }
    // Built from JSON, as a file holds it, so fields added later keep their defaults.
    let item: EvidenceItem = serde_json::from_value(serde_json::json!({
        "id": "E1",
        "title": "Politique en matière d'IA",
        "kind": "record",
        "location": "Intranet, section Gouvernance",
        "sha256": "ab".repeat(32),
        "bytes": 2048,
        "dated": "2026-01-15",
        "owner": "Direction",
    }))
    .unwrap();
    a.evidence.push(item);
    let first = english.questions[0].id.clone();
    a.answer_mut(&first).participant_notes = vec![ParticipantNote {
        by: "Ben".into(),
        text: "Registre incomplet.".into(),
        private: true,
        ..ParticipantNote::default()
    }];
    a.answer_mut(&first).flagged = true;
    common::own(&mut a, &first, "Anna", PlanStatus::Done);
    let old = common::assessment(&english, |_, j| (j < 2).then_some(2));
    let report = Report::new(&french, &a, common::start(), common::now())
        .with_baseline(&old)
        .with_lang(Lang::Fr);
    // The questionnaire's own words are the translators' (checked by
    // tests/questionnaire_french.rs), not the catalogue's: they are taken out first.
    let mut words = Vec::new();
    strings(&serde_json::to_value(&french).unwrap(), &mut words);
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for format in [Format::Md, Format::Html, Format::Csv, Format::Soa] {
        let mut text = String::from_utf8(report.render(format).unwrap()).unwrap();
        if format == Format::Md {
            assert!(text.contains("## Compte rendu de l'atelier"), "{text}");
            assert!(text.contains("## Déclaration d'applicabilité"), "{text}");
            assert!(text.contains("## Registre des preuves"), "{text}");
            assert!(text.contains("| enregistrement |"), "{text}");
            assert!(text.contains("2048 octets"), "{text}");
        }
        // HTML: the words people see (no style sheet, entities read back).
        if let (Some(from), Some(to)) = (text.find("<style>"), text.find("</style>")) {
            text.replace_range(from..to, "");
        }
        for (entity, c) in [
            ("&#39;", "'"),
            ("&quot;", "\""),
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&amp;", "&"),
        ] {
            text = text.replace(entity, c);
        }
        for w in words.iter().filter(|w| w.len() > 3) {
            text = text.replace(w.as_str(), "");
        }
        let left = english_left(&text);
        assert!(left.is_empty(), "{format:?}: English left: {left:#?}");
    }
    // The effort column words the questionnaire's key (low, medium, high) in French.
    let csv = String::from_utf8(report.render(Format::Csv).unwrap()).unwrap();
    for key in ["\"low\"", "\"medium\"", "\"high\""] {
        assert!(!csv.contains(key), "{key} in roadmap.csv: {csv}");
    }
    assert!(
        ["\"faible\"", "\"moyen\"", "\"élevé\""]
            .iter()
            .any(|w| csv.contains(w)),
        "{csv}"
    );
    // The check can fail: the same report in English holds the catalogue's English.
    let english_report = Report::new(&english, &a, common::start(), common::now());
    assert!(english_left(&md(&english_report)).len() > 20);
}

#[test]
fn a_french_report_of_the_built_in_questionnaire_uses_its_french_text() {
    let english = Questionnaire::builtin(Lang::En).unwrap();
    let french = export::translated(&english, Lang::Fr).unwrap();
    assert_eq!(french.language, Lang::Fr);
    assert!(export::translated(&french, Lang::Fr).is_none());
    // A custom questionnaire stays as it is.
    assert!(export::translated(&common::questionnaire(2, 2), Lang::Fr).is_none());
    let a = common::assessment(&english, |_, j| Some((j % 3) as u8 + 1));
    let report = Report::new(&french, &a, common::start(), common::now()).with_lang(Lang::Fr);
    let md = md(&report);
    for q in &french.questions {
        assert!(md.contains(&q.text), "{} is not in its French words", q.id);
    }
    for d in &french.domains {
        assert!(md.contains(&d.title), "{}", d.title);
    }
}

#[test]
fn french_scores_have_a_decimal_comma_and_dates_are_in_words() {
    let q = french_fixture();
    let a = assessment(&q);
    let fr = md(&Report::new(&q, &a, common::start(), common::now()).with_lang(Lang::Fr));
    let en = md(&Report::new(&q, &a, common::start(), common::now()));
    // The same scores, written with a comma in French and a point in English.
    let score = Report::new(&q, &a, common::start(), common::now())
        .scores
        .overall
        .score;
    let en_score = Lang::En.score(score);
    assert!(en_score.contains('.'));
    assert!(
        en.contains(&format!("overall maturity {en_score} of 5")),
        "{en}"
    );
    assert!(
        fr.contains(&format!(
            "maturité globale de {} sur 5",
            en_score.replace('.', ",")
        )),
        "{fr}"
    );
    // Dates in words: the roadmap starts on 2 March 2026, the approval was on the 1st.
    assert!(fr.contains("à partir du 2 mars 2026"), "{fr}");
    assert!(fr.contains("Kim RSSI, approuvé le 1er mars 2026"), "{fr}");
    assert!(
        !fr.contains("2026-03-02"),
        "an ISO date is left in the French report"
    );
    assert!(en.contains("from 2026-03-02"));
    // No score in the French domain table is written with a decimal point.
    for line in fr
        .lines()
        .filter(|l| l.starts_with("| Contexte") || l.starts_with("| Leadership"))
    {
        assert!(
            !line
                .chars()
                .zip(line.chars().skip(1))
                .zip(line.chars().skip(2))
                .any(|((a, b), c)| a.is_ascii_digit() && b == '.' && c.is_ascii_digit()),
            "{line}"
        );
    }
}

fn run(args: &[&str], home: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .env("AIMS_READINESS_HOME", home)
        .env_remove("AIMS_READINESS_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("the binary runs")
}

fn export_md(home: &Path, file: &str, lang: Option<&str>, out: &str) -> String {
    let out = home.join(out);
    let out_arg = out.display().to_string();
    let mut args = vec!["export", file, "--format", "md,html,soa", "--out", &out_arg];
    if let Some(l) = lang {
        args.extend(["--lang", l]);
    }
    let done = run(&args, home);
    assert_eq!(done.status.code(), Some(0), "{done:?}");
    std::fs::read_to_string(out.join("report.md")).unwrap()
}

#[test]
fn export_lang_through_the_binary() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let created = run(&["new", "--org", "Acme"], h);
    assert_eq!(created.status.code(), Some(0), "{created:?}");
    let file = String::from_utf8_lossy(&created.stdout).trim().to_string();

    // An English assessment, exported with --lang fr: French.
    let fr = export_md(h, &file, Some("fr"), "fr");
    assert!(fr.starts_with("# Rapport de maturité\u{a0}: Acme"), "{fr}");
    assert!(fr.contains("## Déclaration d'applicabilité"));
    assert!(fr.contains("## Feuille de route"));
    let html = std::fs::read_to_string(h.join("fr/report.html")).unwrap();
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("\"Page \" counter(page) \" de \" counter(pages)"));
    let soa = std::fs::read_to_string(h.join("fr/soa.csv")).unwrap();
    assert!(soa.starts_with("id de la mesure,objectif,titre"), "{soa}");

    // Without --lang: the assessment's own language (English here).
    let en = export_md(h, &file, None, "en");
    assert!(en.starts_with("# Maturity report: Acme"), "{en}");

    // An assessment created in French is reported in French without --lang, and in
    // English with --lang en.
    let created = run(&["new", "--org", "Beta", "--lang", "fr"], h);
    let file = String::from_utf8_lossy(&created.stdout).trim().to_string();
    assert!(export_md(h, &file, None, "beta-fr").starts_with("# Rapport de maturité"));
    assert!(export_md(h, &file, Some("en"), "beta-en").starts_with("# Maturity report"));
}
