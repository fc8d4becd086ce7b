//! `questionnaire validate` and `dump` through the real binary: broken files each get
//! their own message and exit 1; every problem is listed, not only the first.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_aims-readiness");

fn run(args: &[&str], home: &Path) -> Output {
    Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .args(args)
        .env("AIMS_READINESS_HOME", home)
        .output()
        .expect("the binary runs")
}

fn default_value() -> Value {
    serde_json::from_str(aims_readiness::questionnaire::DEFAULT_JSON).expect("valid JSON")
}

fn validate_text(text: &[u8]) -> (i32, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("custom.json");
    std::fs::write(&file, text).expect("write");
    let out = run(
        &[
            "questionnaire",
            "validate",
            file.to_str().expect("utf-8 path"),
        ],
        dir.path(),
    );
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(all.contains("custom.json"), "names the file: {all}");
    (out.status.code().unwrap_or(-1), all)
}

fn validate(value: &Value) -> (i32, String) {
    validate_text(
        serde_json::to_string_pretty(value)
            .expect("serializes")
            .as_bytes(),
    )
}

#[test]
fn the_default_questionnaire_is_valid() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(
        &[
            "questionnaire",
            "validate",
            concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires/iso42001.json"),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("is valid"), "{stdout}");
    assert!(stdout.contains("8 domains, 48 questions"), "{stdout}");
}

type Mutation = fn(&mut Value);

#[test]
fn each_broken_questionnaire_gets_its_specific_message() {
    let cases: &[(&str, Mutation, &[&str])] = &[
        (
            "duplicate question id",
            |v| v["questions"][1]["id"] = v["questions"][0]["id"].clone(),
            &["questions[1].id", "duplicate question id \"ctx-01\""],
        ),
        (
            "question in an unknown domain",
            |v| v["questions"][2]["domain"] = json!("marketing"),
            &["questions[2].domain", "unknown domain \"marketing\""],
        ),
        (
            "a level descriptor missing",
            |v| {
                v["questions"][3]["levels"]
                    .as_array_mut()
                    .expect("levels")
                    .pop();
            },
            &[
                "questions[3].levels",
                "exactly 5 level descriptors",
                "found 4",
            ],
        ),
        (
            "an empty level descriptor",
            |v| v["questions"][0]["levels"][2] = json!("  "),
            &["questions[0].levels[2]", "level 3 descriptor is missing"],
        ),
        (
            "weight out of range",
            |v| v["questions"][4]["weight"] = json!(4),
            &["questions[4].weight", "weight 4 is out of range (1 to 3)"],
        ),
        (
            "weight of the wrong type",
            |v| v["questions"][5]["weight"] = json!("heavy"),
            &["questions[5].weight", "invalid type"],
        ),
        (
            "empty question text",
            |v| v["questions"][6]["text"] = json!(""),
            &["questions[6].text", "must not be empty"],
        ),
        (
            "a required field missing",
            |v| {
                v["questions"][7]
                    .as_object_mut()
                    .expect("object")
                    .remove("guidance");
            },
            &["questions[7]", "missing field `guidance`"],
        ),
        (
            "duplicate domain id",
            |v| v["domains"][1]["id"] = json!("context"),
            &["domains[1].id", "duplicate domain id \"context\""],
        ),
        (
            "unknown effort",
            |v| v["questions"][8]["effort"] = json!("huge"),
            &["questions[8].effort", "unknown variant `huge`"],
        ),
        (
            "a clause reference that is not a clause",
            |v| v["questions"][9]["refs"]["iso"] = json!(["Art. 9"]),
            &["questions[9].refs.iso[0]", "is not a clause"],
        ),
        (
            "a misspelt field",
            |v| v["questions"][10]["wieght"] = json!(2),
            &["questions[10]", "unknown field `wieght`"],
        ),
        (
            "a domain without questions",
            |v| {
                v["domains"]
                    .as_array_mut()
                    .expect("domains")
                    .push(json!({"id": "extra", "title": "Extra"}))
            },
            &["domains[8]", "domain \"extra\" has no questions"],
        ),
        (
            "a scale with a level missing",
            |v| {
                v["scale"].as_array_mut().expect("scale").remove(4);
            },
            &["scale", "levels 1, 2, 3, 4 and 5"],
        ),
        (
            "a threshold out of range",
            |v| v["readiness_threshold"] = json!(7),
            &["readiness_threshold", "from 1 to 5"],
        ),
        (
            "actions for a step missing",
            |v| v["questions"][11]["actions"][1] = json!([]),
            &["questions[11].actions[1]", "from level 2 to 3"],
        ),
        (
            "a short title longer than 60 characters",
            |v| v["questions"][12]["title"] = json!("x".repeat(61)),
            &["questions[12].title", "61 characters long", "at most 60"],
        ),
        (
            "an empty short title",
            |v| v["questions"][13]["title"] = json!(" "),
            &["questions[13].title", "must not be empty"],
        ),
        (
            "an EU AI Act article written loosely",
            |v| v["questions"][14]["refs"]["eu_ai_act"] = json!(["Article 9"]),
            &[
                "questions[14].refs.eu_ai_act[0]",
                "is not an EU AI Act article",
            ],
        ),
        (
            "an unknown EU AI Act role",
            |v| {
                v["questions"][15]["refs"]["eu_ai_act"] = json!([{"article": "Art. 26",
                    "applies_to": {"roles": ["user"], "systems": "high-risk"}}])
            },
            &[
                "questions[15].refs.eu_ai_act[0]",
                "unknown variant `user`",
                "`deployer`",
            ],
        ),
        (
            "specific systems without saying which",
            |v| {
                v["questions"][16]["refs"]["eu_ai_act"] = json!([{"article": "Art. 50",
                    "applies_to": {"roles": ["provider"], "systems": "specific"}}])
            },
            &[
                "questions[16].refs.eu_ai_act[0].applies_to.note",
                "need a note",
            ],
        ),
        (
            "a Law 25 section written as in French",
            |v| v["questions"][17]["refs"]["loi25"] = json!(["art. 3.3"]),
            &[
                "questions[17].refs.loi25[0]",
                "\"art. 3.3\" is not a section of Québec's private-sector privacy act",
            ],
        ),
        (
            "a Law 25 reference that is not a list",
            |v| v["questions"][18]["refs"]["loi25"] = json!("s. 3.3"),
            &["questions[18].refs.loi25", "invalid type"],
        ),
        (
            "a migration to a question that does not exist",
            |v| v["migrations"][0]["questions"]["plan-03"] = json!(["plan-03", "plan-99"]),
            &[
                "migrations[0].questions.plan-03[1]",
                "\"plan-99\" is not a question",
            ],
        ),
        (
            "a migration from the questionnaire's own version",
            |v| v["migrations"][0]["from"] = v["version"].clone(),
            &["migrations[0].from", "this questionnaire's own version"],
        ),
        (
            "two migrations from one version",
            |v| {
                let first = v["migrations"][0].clone();
                v["migrations"]
                    .as_array_mut()
                    .expect("migrations")
                    .push(first);
            },
            &[
                "migrations[1].from",
                "version 1.0.0 has two migration entries",
            ],
        ),
        (
            "a control listed twice",
            |v| v["controls"][1]["id"] = v["controls"][0]["id"].clone(),
            &["controls[1].id", "duplicate control id \"A.2.2\""],
        ),
        (
            "a control in an unknown objective",
            |v| v["controls"][3]["objective"] = json!("A.11"),
            &[
                "controls[3].objective",
                "unknown control objective \"A.11\"",
            ],
        ),
        (
            "a control tied to a missing question",
            |v| v["controls"][4]["question"] = json!("ax-99"),
            &["controls[4].question", "unknown question \"ax-99\""],
        ),
        (
            "a control tied to a question without N/A",
            |v| v["controls"][5]["question"] = json!("ctx-01"),
            &["controls[5].question", "\"ctx-01\" does not allow N/A"],
        ),
        (
            "a duplicate control objective",
            |v| v["control_objectives"][1]["id"] = json!("A.2"),
            &["control_objectives[1].id", "duplicate control objective id"],
        ),
        (
            "a control with an unknown field",
            |v| v["controls"][6]["excludible"] = json!(false),
            &["controls[6]", "unknown field `excludible`"],
        ),
    ];
    assert!(cases.len() >= 10);
    for (name, mutate, needles) in cases {
        let mut v = default_value();
        mutate(&mut v);
        let (code, out) = validate(&v);
        assert_eq!(code, 1, "{name}: exit 1\n{out}");
        for needle in *needles {
            assert!(
                out.contains(needle),
                "{name}: expected {needle:?} in\n{out}"
            );
        }
    }
}

#[test]
fn a_custom_questionnaire_without_controls_is_valid() {
    let mut v = default_value();
    let o = v.as_object_mut().expect("object");
    o.remove("controls");
    o.remove("control_objectives");
    let (code, out) = validate(&v);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn syntax_errors_give_line_and_column() {
    let (code, out) = validate_text(b"{\n  \"id\": \"x\",\n  \"version\": 1.0.0\n}");
    assert_eq!(code, 1);
    assert!(out.contains("line 3, column"), "{out}");
    let (code, out) = validate_text(b"\xff\xfe{}");
    assert_eq!(code, 1);
    assert!(out.contains("not UTF-8"), "{out}");
}

#[test]
fn every_problem_is_listed_not_only_the_first() {
    let mut v = default_value();
    v["questions"][0]["weight"] = json!(0);
    v["questions"][20]["domain"] = json!("nowhere");
    v["questions"][30]["effort"] = json!(3);
    v["questions"][41]["levels"] = json!(["a", "b"]);
    let (code, out) = validate(&v);
    assert_eq!(code, 1);
    assert!(out.contains("4 problems"), "{out}");
    for needle in [
        "questions[0].weight",
        "questions[20].domain",
        "questions[30].effort",
        "questions[41].levels",
    ] {
        assert!(out.contains(needle), "{needle} in {out}");
    }
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(
        &["questionnaire", "validate", "/nonexistent/q.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/q.json"), "{err}");
}

#[test]
fn dump_writes_a_questionnaire_that_validates_and_that_new_can_use() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("mine.json");
    let out = run(
        &[
            "questionnaire",
            "dump",
            "--out",
            file.to_str().expect("path"),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let dumped = std::fs::read_to_string(&file).expect("written");
    assert_eq!(dumped, aims_readiness::questionnaire::DEFAULT_JSON);

    // A custom questionnaire: two questions, a copy is kept in the data directory.
    let mut v = default_value();
    v["id"] = json!("tiny");
    v["version"] = json!("0.1");
    v["domains"] = json!([v["domains"][0].clone()]);
    v["questions"] = json!([v["questions"][0].clone(), v["questions"][1].clone()]);
    // The built-in's migrations name questions this cut-down copy no longer has.
    v.as_object_mut().expect("object").remove("migrations");
    // Without the Annex A questions, the controls have nothing to be tied to.
    for key in ["controls", "control_objectives"] {
        v.as_object_mut().expect("object").remove(key);
    }
    std::fs::write(&file, serde_json::to_vec(&v).expect("json")).expect("write");
    let out = run(
        &[
            "new",
            "--org",
            "Tiny",
            "--questionnaire",
            file.to_str().expect("path"),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(dir.path().join("questionnaires/tiny-0.1.json").is_file());
    let created = String::from_utf8_lossy(&out.stdout).trim().to_string();
    std::fs::remove_file(&file).expect("remove the original");
    let out = run(&["score", &created], dir.path());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("0/2"));
}

/// One mistake, one problem: a domain that fails to parse does not make each of its
/// questions "in an unknown domain" as well.
#[test]
fn a_broken_domain_is_one_problem_not_one_per_question() {
    let mut v = default_value();
    v["domains"][0]["title"] = json!(5);
    let (code, out) = validate_text(&serde_json::to_vec(&v).expect("json"));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("(1 problem)"), "{out}");
    assert!(out.contains("domains[0].title"), "{out}");
    // A question in a domain that really does not exist is still reported.
    v["questions"][7]["domain"] = json!("nowhere");
    let (_, out) = validate_text(&serde_json::to_vec(&v).expect("json"));
    assert!(out.contains("(2 problems)"), "{out}");
    assert!(out.contains("unknown domain \"nowhere\""), "{out}");
}
