//! End to end: the real binary in a pseudo-terminal, the screen read back with vt100,
//! the data directory in a temporary folder. No fixed sleeps: every wait polls the
//! parsed screen (or the process) against a deadline.

mod pty;

use pty::{Session, new_assessment, only_assessment, read_json};

#[test]
fn create_answer_quit_restart_resume() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut app = Session::start(home.path(), &[]);
    // No saved assessment: straight to the form. Enter-Enter-Enter starts.
    app.wait_for("New assessment");
    app.send("Acme e2e");
    app.send("\r\r\r");
    app.wait_for("Question 1 of 48");
    let levels = ["3", "4", "2", "5", "1"];
    for (i, level) in levels.iter().enumerate() {
        app.wait_for(&format!("Question {} of 48", i + 1));
        app.send(level);
        app.wait_for(&format!("{}/48 answered", i + 1));
        if i + 1 < levels.len() {
            app.send("l");
        }
    }
    // A note on question 5, typed and pasted (bracketed paste).
    app.send("e");
    app.wait_for("Esc done");
    app.send("Needs review: café 漢字");
    app.send("\x1b[200~\r\nPasted line 3\r\n5\x1b[201~");
    app.wait_for("Pasted line 3");
    app.send("\x1b");
    app.wait_for("Saved.");
    app.send("q");
    assert!(app.wait_exit(), "quit exits 0");
    app.wait_restored();

    // The file on disk.
    let path = only_assessment(home.path());
    let json = read_json(&path);
    assert_eq!(json["meta"]["organisation"], "Acme e2e");
    let q = aims_readiness::questionnaire::Questionnaire::embedded().expect("questionnaire");
    for (i, level) in levels.iter().enumerate() {
        let id = &q.questions[i].id;
        assert_eq!(
            json["answers"][id]["level"].as_u64().map(|l| l.to_string()),
            Some(level.to_string()),
            "{id}"
        );
    }
    let fifth = &q.questions[4].id;
    assert_eq!(
        json["answers"][fifth]["note"],
        "Needs review: café 漢字\nPasted line 3\n5"
    );
    assert_eq!(json["resume"]["question"], fifth.as_str());
    assert_eq!(json["resume"]["screen"], "question");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // Restart: home lists it; opening resumes at the same question with its answers.
    let mut again = Session::start(home.path(), &[]);
    again.wait_for("Acme e2e");
    again.wait_for("5/48");
    again.send("\r");
    again.wait_for("Question 5 of 48");
    again.wait_for("5/48 answered");
    again.wait_for("Needs review: café");
    again.send("h");
    again.wait_for("Question 4 of 48");
    again.send("\x03"); // Ctrl-C
    assert!(again.wait_exit());
    again.wait_restored();
    let json = read_json(&path);
    assert_eq!(json["resume"]["question"], q.questions[3].id.as_str());
}

#[test]
fn sigterm_while_typing_keeps_the_note_and_restores_the_terminal() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_assessment(home.path(), "Signal Ltd");

    for signal in ["TERM", "HUP"] {
        let mut app = Session::start(home.path(), &["open", path.to_str().expect("utf-8 path")]);
        app.wait_for("Question 1 of 48");
        app.send("e");
        app.wait_for("Esc done");
        let words = format!("typed before SIG{signal}");
        app.send(&words);
        app.wait_for(&words);
        let pid = app.child.process_id().expect("pid");
        let status = std::process::Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
        app.wait_exit();
        app.wait_restored();
        let json = read_json(&path);
        let q = aims_readiness::questionnaire::Questionnaire::embedded().expect("questionnaire");
        let note = json["answers"][&q.questions[0].id]["note"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        // The second run opens the note the first one saved and types on a new line
        // after it.
        assert!(note.ends_with(&words), "{note:?}");
        if signal == "HUP" {
            assert_eq!(note, "typed before SIGTERM\ntyped before SIGHUP");
        }
    }
}

#[test]
fn a_second_process_is_told_the_assessment_is_in_use() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_assessment(home.path(), "Locked Ltd");
    let path = path.to_str().expect("utf-8 path");
    let mut first = Session::start(home.path(), &["open", path]);
    first.wait_for("Question 1 of 48");
    let mut second = Session::start(home.path(), &["open", path]);
    second.wait_for("is in use by another aims-readiness process (pid");
    second.wait_for("Saved assessments");
    second.send("q");
    assert!(second.wait_exit());
    first.send("q");
    assert!(first.wait_exit());
}

#[test]
fn new_in_a_terminal_opens_the_created_assessment() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut app = Session::start(home.path(), &["new", "--org", "Terminal GmbH"]);
    app.wait_for("Question 1 of 48");
    app.wait_for("Terminal GmbH");
    app.send("4");
    app.wait_for("1/48 answered");
    app.send("q");
    assert!(app.wait_exit());
    let json = read_json(&only_assessment(home.path()));
    assert_eq!(json["meta"]["organisation"], "Terminal GmbH");
    let q = aims_readiness::questionnaire::Questionnaire::embedded().expect("questionnaire");
    assert_eq!(json["answers"][&q.questions[0].id]["level"], 4);
}

#[test]
fn a_1_0_0_assessment_opens_on_what_changed_and_c_confirms_on_disk() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path().join("assessments");
    std::fs::create_dir_all(&dir).expect("folder");
    let path = dir.join("workshop.json");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/v1/workshop.json"
        ),
        &path,
    )
    .expect("copy the 1.0.0 fixture");
    let mut app = Session::start(home.path(), &["open", path.to_str().expect("path")]);
    app.wait_for("What changed in the questionnaire");
    app.wait_for("plan-07 Statement of Applicability");
    // The old file is kept before anything else is written.
    assert!(dir.join("workshop.json.v1.0.0.bak").is_file());
    app.send("\r");
    app.wait_until_gone("What changed in the questionnaire");
    // The workshop resumes on plan-03, split in 2.0.0: marked, then confirmed.
    app.wait_for("plan-03");
    app.wait_for("to re-check");
    app.send("c");
    app.wait_for("Answer confirmed.");
    app.send("q");
    assert!(app.wait_exit(), "quit exits 0");
    app.wait_restored();
    let saved = read_json(&path);
    assert_eq!(saved["questionnaire"]["version"], "2.0.0");
    assert!(saved["answers"]["plan-03"].get("recheck").is_none());
    assert_eq!(saved["answers"]["plan-07"]["recheck"], true);
    assert_eq!(saved["answers"]["plan-07"]["votes"]["Ben Okafor"], 1);
}

#[test]
fn statement_of_applicability_decisions_survive_a_restart_and_reach_soa_csv() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_assessment(home.path(), "Acme SoA");
    let file = path.to_str().expect("path");
    let mut app = Session::start(home.path(), &["open", file]);
    app.wait_for("Question 1 of ");
    // Question → Overview → Statement of Applicability.
    app.send("\t\t");
    app.wait_for("0 included · 0 implemented · 0 excluded · 38 undecided");
    // Exclude A.10.4 (the last control) with a justification.
    app.send("G");
    app.wait_for("A.10.4 Customers — assessed by ax-09");
    app.send("x");
    app.wait_for("Justification (why included or excluded)");
    app.send("Our AI serves internal staff only");
    app.send("\r");
    app.wait_for("Justification saved.");
    app.wait_for("0 included · 0 implemented · 1 excluded · 37 undecided");
    // Up to A.6.2.8: include it (the justification can wait) and set it to partial.
    app.send(&"k".repeat(15));
    app.wait_for("A.6.2.8 Event logs — assessed by ax-05");
    app.send("i");
    app.wait_for("Justification (why included or excluded)");
    app.send("\x1b");
    app.wait_until_gone("Justification (why included or excluded)");
    app.send("s");
    app.wait_for("A.6.2.8: planned.");
    app.send("s");
    app.wait_for("A.6.2.8: partial.");
    app.send("q");
    assert!(app.wait_exit(), "quit exits 0");
    app.wait_restored();

    let json = read_json(&path);
    assert_eq!(json["soa"]["A.10.4"]["applicable"], false);
    assert_eq!(
        json["soa"]["A.10.4"]["justification"],
        "Our AI serves internal staff only"
    );
    assert_eq!(json["soa"]["A.6.2.8"]["applicable"], true);
    assert_eq!(json["soa"]["A.6.2.8"]["implementation"], "partial");

    // Restart: it resumes on the statement, and both decisions are there.
    let mut again = Session::start(home.path(), &["open", file]);
    again.wait_for("1 included · 0 implemented · 1 excluded · 36 undecided");
    again.send("f"); // undecided
    again.send("f"); // excluded
    again.wait_for("Statement of Applicability — excluded");
    again.wait_for("Justification: Our AI serves internal staff only");
    again.send("f"); // included, not implemented
    again.wait_for("A.6.2.8 Event logs — assessed by ax-05");
    assert!(
        again.screen().contains("included  partial"),
        "{}",
        again.screen()
    );
    again.send("q");
    assert!(again.wait_exit());
    again.wait_restored();

    // Export: both rows in soa.csv.
    let out_dir = home.path().join("out");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aims-readiness"))
        .env("AIMS_READINESS_LANG", "en")
        .args(["export", file, "--format", "soa", "--out"])
        .arg(&out_dir)
        .env("AIMS_READINESS_HOME", home.path())
        .output()
        .expect("run export");
    assert!(out.status.success(), "{out:?}");
    let csv = std::fs::read_to_string(out_dir.join("soa.csv")).expect("soa.csv");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 39, "a header and 38 controls");
    assert!(
        rows.contains(&"A.10.4,A.10,Customers,no,Our AI serves internal staff only,,,,ax-09,,"),
        "{csv}"
    );
    assert!(
        rows.contains(&"A.6.2.8,A.6,Event logs,yes,,partial,,,ax-05,,minor"),
        "{csv}"
    );
}
