//! End to end: claim 4, tick only the level-2 checks in the app and see "evidence
//! supports 2"; add a file as evidence (hashed on a background thread), see it unchanged
//! in the register and link it to the question from there; quit, restart, everything
//! kept; export and find the file's hash in the report and in OSCAL.

mod pty;

use std::process::Command;

use pty::{Session, new_assessment, read_json};

const BIN: &str = env!("CARGO_BIN_EXE_aims-readiness");

#[test]
fn claim_tick_attach_restart_export() {
    let home = tempfile::tempdir().expect("temp dir");
    let docs = tempfile::tempdir().expect("temp dir");
    let path = new_assessment(home.path(), "Acme evidence");
    let file = path.to_str().expect("utf-8");

    let mut app = Session::start(home.path(), &["open", file]);
    app.wait_for("Question 1 of 48");
    app.send("4");
    app.wait_for("1/48 answered");
    app.send("t");
    app.wait_for("Level 2 · Managed — 0 of 2 met");
    app.send(" ");
    app.wait_for("Level 2 · Managed — 1 of 2 met");
    app.send("j ");
    app.wait_for("Level 2 · Managed — 2 of 2 met");
    app.wait_for("claimed 4 · evidence supports 2");
    // Attach a file to the highlighted check (ctx-01.2b) from the app.
    let register = docs.path().join("issue register été.txt");
    std::fs::write(&register, "Issue register v2\n").expect("write");
    app.send("a");
    app.wait_for("Evidence for this check");
    app.send(register.to_str().expect("utf-8"));
    app.send("\r");
    app.wait_for("ev-1 added, SHA-256");
    app.wait_for("(1 evidence)");
    // The register, from the checklist: the file is re-hashed in the background.
    app.send("r");
    app.wait_for("Evidence register — 1 item");
    app.send("v");
    app.wait_for("unchanged");
    app.send("\x1b");
    app.wait_for("Level 2 · Managed — 2 of 2 met");
    // The same item linked to the question as a whole, picked from the register.
    app.send("L");
    app.wait_for("pick the item for ctx-01 ");
    app.send("\r");
    app.wait_for("ev-1 linked to ctx-01.");
    app.send("\x1b");
    app.wait_until_gone("Level 2 · Managed");
    app.wait_for("claimed 4 · evidence supports 2");
    app.send("q");
    assert!(app.wait_exit(), "quit exits 0");
    app.wait_restored();

    // A file as evidence for the first level-2 check.
    let minutes = docs.path().join("context analysis 2026.txt");
    std::fs::write(&minutes, "Context analysis, reviewed 2026-02-01\n").expect("write");
    let out = Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .args([
            "evidence",
            "add",
            file,
            minutes.to_str().expect("utf-8"),
            "--question",
            "ctx-01",
            "--check",
            "ctx-01.2a",
        ])
        .env("AIMS_READINESS_HOME", home.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let json = read_json(&path);
    assert_eq!(
        json["evidence"][0]["location"],
        register.to_str().expect("utf-8")
    );
    assert_eq!(
        json["answers"]["ctx-01"]["check_evidence"]["ctx-01.2b"][0],
        "ev-1"
    );
    assert_eq!(json["answers"]["ctx-01"]["evidence_refs"][0], "ev-1");
    let hash = json["evidence"][1]["sha256"]
        .as_str()
        .expect("a hash")
        .to_string();
    assert_eq!(hash.len(), 64);
    assert_eq!(json["answers"]["ctx-01"]["level"], 4);
    assert_eq!(json["answers"]["ctx-01"]["checks"]["ctx-01.2a"], true);
    assert_eq!(json["answers"]["ctx-01"]["checks"]["ctx-01.2b"], true);

    // Restart: the claim, the ticks and the evidence are all still there.
    let mut again = Session::start(home.path(), &["open", file]);
    again.wait_for("claimed 4 · evidence supports 2");
    again.send("t");
    again.wait_for("Level 2 · Managed — 2 of 2 met");
    again.wait_for("(1 evidence) At least some");
    again.wait_for("(1 evidence) The AI role");
    again.send("q");
    assert!(again.wait_exit());
    again.wait_restored();

    // Export: the hash is in the report and in OSCAL; results.json has both levels.
    let out_dir = docs.path().join("out");
    let out = Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .args(["export", file, "--out", out_dir.to_str().expect("utf-8")])
        .args(["--format", "md,json,oscal"])
        .env("AIMS_READINESS_HOME", home.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let report = std::fs::read_to_string(out_dir.join("report.md")).expect("report");
    assert!(report.contains(&hash), "the report shows the full hash");
    assert!(report.contains("claimed 4 · evidence supports 2"));
    let oscal =
        std::fs::read_to_string(out_dir.join("assessment-results.oscal.json")).expect("oscal");
    assert!(oscal.contains(&hash), "OSCAL carries the hash");
    let results = read_json(&out_dir.join("results.json"));
    let ctx = &results["questions"][0];
    assert_eq!(
        (ctx["claimed"].as_u64(), ctx["evidenced"].as_u64()),
        (Some(4), Some(2))
    );
    assert_eq!(ctx["level"], 2);
}
