//! The language: chosen with `--lang`, `AIMS_READINESS_LANG` or the locale, recorded in
//! a new assessment as its report language, and checked when a file is read.

mod common;

use std::path::Path;
use std::process::Output;

use serde_json::Value;

fn run(args: &[&str], home: &Path, env: &[(&str, &str)]) -> Output {
    common::run_in_language(args, home, env)
}

fn language_of_new(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Value {
    let mut all = vec!["new", "--org", "Acme"];
    all.extend_from_slice(args);
    let out = run(&all, home, env);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let saved: Value = serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
    std::fs::remove_file(&path).expect("removed");
    saved["meta"]["language"].clone()
}

#[test]
fn a_new_assessment_records_the_interface_language() {
    let home = tempfile::tempdir().expect("temp");
    let h = home.path();
    assert_eq!(language_of_new(h, &[], &[]), "en");
    assert_eq!(language_of_new(h, &["--lang", "fr"], &[]), "fr");
    assert_eq!(
        language_of_new(h, &[], &[("AIMS_READINESS_LANG", "fr")]),
        "fr"
    );
    assert_eq!(language_of_new(h, &[], &[("LANG", "fr_CA.UTF-8")]), "fr");
    assert_eq!(
        language_of_new(h, &["--lang", "en"], &[("LANG", "fr_CA.UTF-8")]),
        "en",
        "--lang wins over the locale"
    );
}

#[test]
fn an_unknown_language_is_a_usage_error_that_names_the_choices() {
    let home = tempfile::tempdir().expect("temp");
    let out = run(&["list", "--lang", "de"], home.path(), &[]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--lang") && err.contains("\"fr\""), "{err}");
    let out = run(&["list"], home.path(), &[("AIMS_READINESS_LANG", "xx")]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("AIMS_READINESS_LANG"));
}

#[test]
fn a_file_with_an_unknown_report_language_is_refused_by_name_and_left_alone() {
    let home = tempfile::tempdir().expect("temp");
    let out = run(&["new", "--org", "Acme"], home.path(), &[]);
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let text = std::fs::read_to_string(&path).expect("read");
    let broken = text.replace("\"language\": \"en\"", "\"language\": \"de\"");
    assert_ne!(broken, text, "the file records its language");
    std::fs::write(&path, &broken).expect("write");
    let out = run(&["score", &path], home.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    let name = Path::new(&path).file_name().unwrap().to_string_lossy();
    assert!(
        err.contains(name.as_ref()) && err.contains("\"de\""),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), broken);
}
