//! The next round (`new --from OLD`): what it carries over, what it clears, and how the
//! earlier round becomes the baseline of `compare` and `export` without any flag.

mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aims_readiness::questionnaire::Questionnaire;
use pty::{Session, read_json};
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_aims-readiness");

fn run(home: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .args(args)
        .env("AIMS_READINESS_HOME", home)
        .output()
        .expect("the binary runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Last year's assessment: ten answers (the first at level 3, the sixth N/A where
/// allowed), a raised target, an owner on the plan, and a decision kept for later rounds.
fn last_year(home: &Path) -> (PathBuf, Questionnaire) {
    let q = Questionnaire::embedded().expect("questionnaire");
    let o = run(
        home,
        &[
            "new",
            "--org",
            "Acme Café",
            "--scope",
            "EU",
            "--assessor",
            "Dana",
        ],
    );
    assert!(o.status.success(), "{o:?}");
    let path = PathBuf::from(out(&o).trim());
    let mut a = read_json(&path);
    for (i, question) in q.questions.iter().take(10).enumerate() {
        a["answers"][&question.id] =
            json!({ "level": if i == 0 { 3 } else { 2 }, "note": "old note" });
    }
    let na = q
        .questions
        .iter()
        .find(|x| x.allow_na)
        .expect("an N/A question");
    a["answers"][&na.id] = json!({ "na": true, "note": "we build no models" });
    a["targets"]["annex_a"] = json!(4);
    a["plan"][&q.questions[0].id] = json!({ "owner": "Köhler", "status": "in_progress" });
    a["soa"] = json!({
        "A.10.4": { "applicable": false, "justification": "no customers" },
        "A.2.2": { "applicable": true, "justification": "clause 5.2",
                   "implementation": "implemented", "evidence_refs": ["ev-1"] }
    });
    a["evidence"] = json!([{ "id": "ev-1", "title": "AI policy v2", "kind": "link",
                             "location": "https://intranet.example/ai-policy",
                             "dated": "2026-03-01", "owner": "Dana",
                             "added": "2026-03-02T10:00:00+00:00" }]);
    std::fs::write(&path, serde_json::to_vec_pretty(&a).expect("json")).expect("write");
    (path, q)
}

#[test]
fn new_from_carries_the_plan_and_clears_the_answers() {
    let home = tempfile::tempdir().expect("temp");
    let (old, q) = last_year(home.path());
    let o = run(
        home.path(),
        &["new", "--from", old.to_str().expect("utf-8")],
    );
    assert!(o.status.success(), "{o:?}");
    let new = PathBuf::from(out(&o).trim());
    assert_ne!(new, old);
    let a = read_json(&new);
    assert_eq!(a["meta"]["organisation"], "Acme Café");
    assert_eq!(a["meta"]["scope"], "EU");
    assert_eq!(a["meta"]["assessors"], json!(["Dana"]));
    assert_eq!(a["targets"]["annex_a"], 4);
    assert_eq!(a["plan"][&q.questions[0].id]["owner"], "Köhler");
    assert_eq!(a["soa"]["A.10.4"]["justification"], "no customers");
    // The register comes with the decisions that point at it: no dangling reference.
    assert_eq!(a["soa"]["A.2.2"]["evidence_refs"], json!(["ev-1"]));
    assert_eq!(a["evidence"][0]["id"], "ev-1");
    assert_eq!(a["evidence"][0]["title"], "AI policy v2");
    assert_eq!(a["answers"], json!({}), "a new round starts unanswered");
    let baseline = &a["baseline"];
    assert_eq!(
        PathBuf::from(baseline["file"].as_str().expect("file")),
        std::path::absolute(&old).expect("absolute")
    );
    assert_eq!(baseline["answers"][&q.questions[0].id], 3);
    let na = q
        .questions
        .iter()
        .find(|x| x.allow_na)
        .expect("N/A question");
    assert_eq!(baseline["answers"][&na.id], "na");

    // compare with one file compares with the round it follows, and says how complete
    // each side is.
    let c = run(home.path(), &["compare", new.to_str().expect("utf-8")]);
    assert!(c.status.success(), "{c:?}");
    let text = out(&c);
    let n = q.questions.len();
    assert!(
        text.contains(&format!(
            "Answered: 11/{n} (provisional) → 0/{n} (provisional)"
        )),
        "{text}"
    );
    assert!(
        text.contains("11 answers given in the baseline are unanswered now"),
        "{text}"
    );
    // An assessment that follows nothing says so.
    let plain = run(home.path(), &["compare", old.to_str().expect("utf-8")]);
    assert_eq!(plain.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&plain.stderr).contains("no earlier round"));
    // --assessor given with --from replaces the earlier assessors.
    let o = run(
        home.path(),
        &[
            "new",
            "--from",
            old.to_str().expect("utf-8"),
            "--assessor",
            "Lee",
        ],
    );
    let third = read_json(Path::new(out(&o).trim()));
    assert_eq!(third["meta"]["assessors"], json!(["Lee"]));
}

#[test]
fn the_next_round_shows_last_time_and_exports_its_progress() {
    let home = tempfile::tempdir().expect("temp");
    let (old, q) = last_year(home.path());
    let mut app = Session::start(
        home.path(),
        &["new", "--from", old.to_str().expect("utf-8")],
    );
    let n = q.questions.len();
    app.wait_for(&format!("Question 1 of {n}"));
    app.wait_for("last time: 3");
    app.send("4");
    app.wait_for(&format!("1/{n} answered"));
    app.send("q");
    assert!(app.wait_exit(), "quit exits 0");
    app.wait_restored();

    let files: Vec<PathBuf> = std::fs::read_dir(home.path().join("assessments"))
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json") && *p != old)
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let new = &files[0];
    assert_eq!(read_json(new)["answers"][&q.questions[0].id]["level"], 4);

    let dir = tempfile::tempdir().expect("temp");
    let e = run(
        home.path(),
        &[
            "export",
            new.to_str().expect("utf-8"),
            "--format",
            "md,json",
            "--out",
            dir.path().to_str().expect("utf-8"),
        ],
    );
    assert!(e.status.success(), "{e:?}");
    let report = std::fs::read_to_string(dir.path().join("report.md")).expect("report");
    assert!(
        report.contains("Progress since the baseline"),
        "the earlier round is the baseline without --baseline"
    );
    let results: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("results.json")).expect("json"))
            .expect("json");
    assert_eq!(results["questions"][0]["level"], 4);
}
