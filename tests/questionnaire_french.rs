//! The French questionnaire: valid, structurally identical to the English original
//! (checked by `questionnaire validate`), embedded, and written with Québec typography.

use aims_readiness::locale::french_typography_problems;
use std::path::Path;
use std::process::{Command, Output};

use aims_readiness::locale::Lang;
use aims_readiness::questionnaire::{FRENCH_JSON, Questionnaire};
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_aims-readiness");
const FRENCH_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/questionnaires/iso42001.fr.json"
);

fn validate(args: &[&str], home: &Path) -> (Option<i32>, String) {
    let out: Output = Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .args(["questionnaire", "validate"])
        .args(args)
        .env("AIMS_READINESS_HOME", home)
        .output()
        .expect("the binary runs");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), all)
}

fn french_value() -> Value {
    serde_json::from_str(FRENCH_JSON).expect("valid JSON")
}

#[test]
fn the_french_questionnaire_validates_against_the_english_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, out) = validate(&[FRENCH_FILE], dir.path());
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("8 domains, 48 questions"), "{out}");
    assert!(
        out.contains("a translation (fr) matching questionnaires/iso42001.json (embedded)"),
        "the structural comparison ran: {out}"
    );
}

#[test]
fn a_broken_id_check_count_and_ref_are_three_problems_naming_the_file_and_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut v = french_value();
    v["questions"][2]["id"] = json!("ctx-99");
    let extra = json!({ "id": "lead-01.2z", "text": "Une vérification de trop." });
    v["questions"][5]["checks"]["2"]
        .as_array_mut()
        .expect("level 2 checks")
        .push(extra);
    v["questions"][10]["refs"]["iso"]
        .as_array_mut()
        .expect("iso refs")
        .push(json!("9.9"));
    let file = dir.path().join("traduction.json");
    std::fs::write(&file, serde_json::to_string_pretty(&v).expect("JSON")).expect("write");
    let (code, out) = validate(&[file.to_str().expect("utf-8 path")], dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("traduction.json does not match its original") && out.contains("(3 problems)"),
        "{out}"
    );
    let problems: Vec<&str> = out.lines().filter(|l| l.starts_with("  ")).collect();
    assert_eq!(problems.len(), 3, "{out}");
    assert!(problems[0].contains("questions[2].id") && problems[0].contains("\"ctx-99\""));
    assert!(problems[0].contains("\"ctx-03\""), "{}", problems[0]);
    assert!(problems[1].contains("questions[5].checks.2") && problems[1].contains("\"lead-01\""));
    assert!(problems[1].contains("3 checks at level 2; the original has 2"));
    assert!(problems[2].contains("questions[10].refs") && problems[2].contains("\"plan-01\""));
    assert!(problems[2].contains("9.9"), "{}", problems[2]);
}

#[test]
fn against_compares_with_a_named_original_and_english_files_are_not_compared_by_default() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut v = french_value();
    v["questions"][0]["weight"] = json!(1);
    v["language"] = json!("en");
    let file = dir.path().join("custom.json");
    std::fs::write(&file, serde_json::to_string_pretty(&v).expect("JSON")).expect("write");
    let file = file.to_str().expect("utf-8 path");
    // An English custom questionnaire with the built-in id is a custom questionnaire.
    let (code, out) = validate(&[file], dir.path());
    assert_eq!(code, Some(0), "{out}");
    assert!(!out.contains("translation"), "{out}");
    let (code, out) = validate(&[file, "--against", FRENCH_FILE], dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("questions[0].weight: question \"ctx-01\" has 1; the original has 2"),
        "{out}"
    );
}

#[test]
fn an_unknown_language_is_refused_with_the_accepted_ones() {
    let mut v = french_value();
    v["language"] = json!("de");
    let err = Questionnaire::from_json(&v.to_string(), "de.json").expect_err("refused");
    let message = err.to_string();
    assert!(message.contains("de.json"), "{message}");
    assert!(
        message.contains("language: unknown language \"de\"") && message.contains("\"fr\""),
        "{message}"
    );
}

#[test]
fn the_builtin_lookup_gives_each_language_with_the_same_structure() {
    let en = Questionnaire::builtin(Lang::En).expect("English");
    let fr = Questionnaire::builtin(Lang::Fr).expect("French");
    assert_eq!((en.language, fr.language), (Lang::En, Lang::Fr));
    assert_eq!(fr.translation_problems(&en), Vec::new());
    // English stays the default and is not written out: kept copies do not change.
    assert!(!en.to_json().contains("\"language\""));
    assert!(fr.to_json().contains("\"language\": \"fr\""));
}

/// Every string a person reads in the file (ids, refs and other codes left out).
fn texts<'a>(value: &'a Value, key: &str, out: &mut Vec<&'a str>) {
    const CODES: [&str; 9] = [
        "id",
        "version",
        "language",
        "domain",
        "question",
        "objective",
        "from",
        "effort",
        "refs",
    ];
    match value {
        Value::String(s) if !CODES.contains(&key) => out.push(s),
        Value::Array(items) => items.iter().for_each(|v| texts(v, key, out)),
        Value::Object(map) if !CODES.contains(&key) => {
            for (k, v) in map {
                texts(v, k, out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_typography_check_tells_right_from_wrong() {
    for right in [
        "Qui\u{a0}: la direction\u{202f}; pourquoi\u{a0}?",
        "le «\u{a0}SMIA\u{a0}» est en place\u{202f}!",
        "https://example.org et 10:30",
    ] {
        assert_eq!(
            french_typography_problems(right),
            Vec::<String>::new(),
            "{right}"
        );
    }
    for wrong in [
        "Qui : la direction",
        "pourquoi?",
        "le « SMIA » est",
        "le \"SMIA\"",
        "le “SMIA”",
    ] {
        assert!(!french_typography_problems(wrong).is_empty(), "{wrong}");
    }
    let mut found = Vec::new();
    let sample = json!({"id": "a:", "refs": {"iso": ["x ?"]}, "text": "y ?"});
    texts(&sample, "", &mut found);
    assert_eq!(found, ["y ?"]);
}

#[test]
fn every_french_string_follows_quebec_typography() {
    let value = french_value();
    let mut all = Vec::new();
    texts(&value, "", &mut all);
    assert!(all.len() > 1000, "{} strings", all.len());
    let problems: Vec<String> = all
        .iter()
        .flat_map(|s| french_typography_problems(s))
        .collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
