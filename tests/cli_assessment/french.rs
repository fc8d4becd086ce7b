//! The command line in French: `--lang fr`, or the locale (`LANG=fr_CA.UTF-8`) when
//! `AIMS_READINESS_LANG` is not set, words the output and the errors in French; the
//! English output is pinned by the other tests.

use std::path::{Path, PathBuf};
use std::process::Output;

use aims_readiness::locale::every_text;

fn run(args: &[&str], home: &Path, env: &[(&str, &str)]) -> Output {
    crate::common::run_in_language(args, home, env)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn new_assessment(home: &Path) -> PathBuf {
    let out = run(&["new", "--org", "Acme Québec"], home, &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    PathBuf::from(text(&out.stdout).trim())
}

/// The English words of the command line's and errors' catalogues, as the runs of
/// words between placeholders long enough to mean something ("Overall: ", not "ID").
fn english_phrases() -> Vec<(String, String)> {
    every_text()
        .into_iter()
        .filter(|t| t.name.starts_with("CliText::") || t.name.starts_with("ErrorText::"))
        .filter(|t| t.en != t.fr)
        .flat_map(|t| {
            t.en.split(['{', '}'])
                .step_by(2)
                .map(str::trim)
                .filter(|part| part.len() >= 12)
                .map(|part| (t.name.clone(), part.to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn assert_no_english(output: &str) {
    let phrases = english_phrases();
    assert!(phrases.len() > 100, "the check reads the catalogues");
    for (name, phrase) in phrases {
        assert!(
            !output.contains(&phrase),
            "English {phrase:?} ({name}) in French output:\n{output}"
        );
    }
}

#[test]
fn list_and_score_speak_french_with_lang_fr() {
    let home = tempfile::tempdir().expect("temp");
    let h = home.path();
    let empty = run(&["--lang", "fr", "list"], h, &[]);
    assert_eq!(empty.status.code(), Some(0), "{empty:?}");
    assert!(text(&empty.stdout).starts_with("Aucune évaluation dans "));

    let file = new_assessment(h);
    let list = text(&run(&["--lang", "fr", "list"], h, &[]).stdout);
    let header = list.lines().next().expect("a header");
    assert!(header.starts_with("ORGANISME"), "{list}");
    assert!(
        header.contains("MISE À JOUR") && header.ends_with("FICHIER"),
        "{list}"
    );
    assert!(list.contains("Pas encore évalué"), "{list}");
    // The columns line up in display columns: the file name starts where FICHIER does.
    let row = list.lines().nth(1).expect("a row");
    let column = |line: &str, word: &str| line.find(word).map(|i| line[..i].chars().count());
    assert_eq!(
        column(header, "FICHIER"),
        column(row, "acme-québec"),
        "{list}"
    );
    assert_no_english(&list);

    let score = run(
        &["--lang", "fr", "score", file.to_str().expect("utf-8")],
        h,
        &[],
    );
    assert_eq!(score.status.code(), Some(0), "{score:?}");
    let score = text(&score.stdout);
    for french in [
        "Score global\u{a0}: ",
        "Verdict\u{a0}: Pas encore évalué",
        "Couverture\u{a0}: 0/",
        "DOMAINE",
        "CIBLE",
        "Contexte de l'organisme",
        "Constats\u{a0}: majeurs 1",
        "Majeure\u{a0}:",
        "Déclaration d'applicabilité",
    ] {
        assert!(score.contains(french), "{french:?} missing:\n{score}");
    }
    assert_no_english(&score);
}

#[test]
fn the_locale_chooses_french_when_our_variable_is_not_set() {
    let home = tempfile::tempdir().expect("temp");
    let h = home.path();
    new_assessment(h);
    let french = [("LANG", "fr_CA.UTF-8")];
    let list = text(&run(&["list"], h, &french).stdout);
    assert!(list.starts_with("ORGANISME"), "{list}");
    // Our variable wins over the locale.
    let english = run(
        &["list"],
        h,
        &[("LANG", "fr_CA.UTF-8"), ("AIMS_READINESS_LANG", "en")],
    );
    assert!(text(&english.stdout).starts_with("ORGANISATION"));
}

#[test]
fn a_missing_file_is_reported_in_french() {
    let home = tempfile::tempdir().expect("temp");
    let missing = home.path().join("absent.json");
    let missing = missing.to_str().expect("utf-8");
    for (args, env) in [
        (vec!["--lang", "fr", "score", missing], vec![]),
        (vec!["score", missing], vec![("LANG", "fr_CA.UTF-8")]),
    ] {
        let out = run(&args, home.path(), &env);
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let err = text(&out.stderr);
        assert!(
            err.contains(&format!(
                "impossible de lire {missing}\u{a0}: fichier ou dossier introuvable"
            )),
            "{err}"
        );
        assert_no_english(&err);
    }
    // The English message is the system's, as before.
    let out = run(&["score", missing], home.path(), &[]);
    assert!(text(&out.stderr).contains(&format!("cannot read {missing}: ")));
}

#[test]
fn a_damaged_file_is_reported_in_french_with_its_line_and_column() {
    let home = tempfile::tempdir().expect("temp");
    let file = home.path().join("damaged.json");
    std::fs::write(&file, "{\"format_version\": 2,\n  \"meta\": [1, }\n").expect("write");
    let name = file.to_str().expect("utf-8");
    for (args, env) in [
        (vec!["--lang", "fr", "score", name], vec![]),
        (vec!["score", name], vec![("LANG", "fr_CA.UTF-8")]),
    ] {
        let out = run(&args, home.path(), &env);
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let err = text(&out.stderr);
        assert!(
            err.contains(&format!(
                "le fichier d'évaluation {name} est endommagé (ligne 2, colonne "
            )),
            "{err}"
        );
        assert!(
            err.contains("\u{a0}: une valeur est attendue\u{202f}; rien n'a été modifié"),
            "{err}"
        );
        assert_no_english(&err);
    }
    assert!(
        std::fs::read_to_string(&file)
            .expect("read")
            .contains("[1, }"),
        "the damaged file is left as it was"
    );
}

#[test]
fn evidence_commands_speak_french() {
    let home = tempfile::tempdir().expect("temp");
    let h = home.path();
    let file = new_assessment(h);
    let file = file.to_str().expect("utf-8");
    let proof = h.join("politique.txt");
    std::fs::write(&proof, "Politique en matière d'IA").expect("write");
    let fr = ["--lang", "fr", "evidence"];
    let add = run(
        &[
            &fr[..],
            &[
                "add",
                file,
                proof.to_str().expect("utf-8"),
                "--question",
                "ctx-01",
            ],
        ]
        .concat(),
        h,
        &[],
    );
    assert_eq!(add.status.code(), Some(0), "{add:?}");
    let add = text(&add.stdout);
    assert!(
        add.contains("ajoutée à ctx-01\u{a0}: ") && add.contains(" octets, SHA-256 "),
        "{add}"
    );
    let list = text(&run(&[&fr[..], &["list", file]].concat(), h, &[]).stdout);
    assert!(list.starts_with("ID     TYPE    TITRE"), "{list}");
    assert!(list.contains("fichier"), "{list}");
    let verify = run(&[&fr[..], &["verify", file]].concat(), h, &[]);
    assert_eq!(verify.status.code(), Some(0), "{verify:?}");
    let verify = text(&verify.stdout);
    assert!(verify.starts_with("inchangé"), "{verify}");
    assert!(verify.contains("1 fichier inchangé sur 1."), "{verify}");
    for output in [add, list, verify] {
        assert_no_english(&output);
    }
}

#[test]
fn compare_speaks_french_with_the_french_questionnaire_words() {
    let home = tempfile::tempdir().expect("temp dir");
    let old = new_assessment(home.path());
    let new = home.path().join("new.json");
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&old).expect("read")).expect("json");
    json["answers"] = serde_json::json!({"ctx-01": {"level": 2}});
    std::fs::write(&old, json.to_string()).expect("write");
    json["answers"] = serde_json::json!({"ctx-01": {"level": 4}, "ctx-02": {"level": 3}});
    std::fs::write(&new, json.to_string()).expect("write");
    let out = run(
        &[
            "--lang",
            "fr",
            "compare",
            old.to_str().expect("utf-8"),
            new.to_str().expect("utf-8"),
        ],
        home.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let shown = text(&out.stdout);
    for french in [
        "Score global\u{a0}: 2,0 → 3,5 (+1,5)",
        "DOMAINE",
        "Contexte de l'organisme",
        "Réponses modifiées (2)\u{a0}:",
        "Parties intéressées et leurs exigences",
    ] {
        assert!(shown.contains(french), "{french:?} in {shown}");
    }
    assert_no_english(&shown);
    let words = aims_readiness::locale::english_words_in(&shown);
    assert!(words.is_empty(), "{words:?} in {shown}");
}
