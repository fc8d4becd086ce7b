//! It never breaks the terminal and never trusts its input: a forced panic, huge and
//! key-like pastes, and hostile text from every field, all through the real binary in a
//! pseudo-terminal, with the raw bytes it wrote checked.

mod pty;

use std::path::Path;
use std::time::{Duration, Instant};

use pty::{BIN, Session, new_assessment, read_json};
use serde_json::{Value, json};

fn questionnaire() -> aims_readiness::questionnaire::Questionnaire {
    aims_readiness::questionnaire::Questionnaire::embedded().expect("questionnaire")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The bytes after the app last entered the alternate screen.
fn after_last_enter(raw: &[u8]) -> &[u8] {
    let enter = b"\x1b[?1049h";
    let at = raw
        .windows(enter.len())
        .rposition(|w| w == enter)
        .expect("the app entered the alternate screen");
    &raw[at + enter.len()..]
}

/// Runs the app under `sh`, which afterwards prints its exit status and `stty -a` in the
/// same terminal: the line discipline shows whether raw mode was left.
fn start_wrapped(home: &Path, file: &Path, env: &[(&str, &str)]) -> Session {
    Session::start_with(
        home,
        "sh",
        &[
            "-c",
            "\"$0\" open \"$1\"; echo \"EXIT=$?\"; stty -a; echo STTY-DONE",
            BIN,
            file.to_str().expect("utf-8 path"),
        ],
        env,
    )
}

/// The `stty -a` flags printed after the app ended show a cooked terminal.
fn assert_cooked(screen: &str) {
    let flags: Vec<&str> = screen.split_whitespace().collect();
    for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            flags.contains(&flag),
            "raw mode was left on ({flag} missing):\n{screen}"
        );
    }
}

/// The process id of `parent`'s child (the app under the wrapping shell).
fn child_of(parent: u32) -> u32 {
    let start = Instant::now();
    loop {
        for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            // pid (comm) state ppid ...: comm may hold spaces, so split after ')'.
            let ppid = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1))
                .and_then(|p| p.parse::<u32>().ok());
            if ppid == Some(parent) {
                return pid;
            }
        }
        assert!(start.elapsed() < pty::DEADLINE, "the app never started");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_forced_panic_restores_the_terminal_exits_non_zero_and_keeps_the_answers() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_assessment(home.path(), "Panic Ltd");
    // Keys: 3, l, 4, e, n, o, t, e: the panic comes after the eighth, with the note
    // typed but not yet saved (saves of typing wait 0.4 s).
    let mut app = start_wrapped(
        home.path(),
        &path,
        &[("AIMS_READINESS_PANIC_AFTER_KEYS", "8")],
    );
    app.wait_for("Question 1 of 48");
    app.send("3");
    app.wait_for("1/48 answered");
    app.send("l");
    app.wait_for("Question 2 of 48");
    app.send("4");
    app.wait_for("2/48 answered");
    app.send("e");
    app.wait_for("Esc done");
    app.send("note");
    app.wait_for("STTY-DONE");
    let screen = app.screen();
    assert!(screen.contains("EXIT=101"), "a panic exits 101:\n{screen}");
    assert_cooked(&screen);
    app.wait_restored();
    let raw = app.raw();
    assert!(
        contains(&raw, b"forced panic"),
        "the panic message is shown"
    );
    let tail = after_last_enter(&raw);
    for (what, seq) in [
        ("leave the alternate screen", &b"\x1b[?1049l"[..]),
        ("show the cursor", b"\x1b[?25h"),
        ("stop mouse reports", b"\x1b[?1000l"),
        ("stop SGR mouse reports", b"\x1b[?1006l"),
        ("stop bracketed paste", b"\x1b[?2004l"),
    ] {
        assert!(
            contains(tail, seq),
            "after the panic the app did not {what}"
        );
    }
    assert!(app.wait_exit(), "the shell itself ends normally");

    let json = read_json(&path);
    let q = questionnaire();
    assert_eq!(json["answers"][&q.questions[0].id]["level"], 3);
    assert_eq!(json["answers"][&q.questions[1].id]["level"], 4);
    assert_eq!(json["answers"][&q.questions[1].id]["note"], "note");
}

#[test]
fn sigterm_leaves_a_cooked_terminal() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_assessment(home.path(), "Cooked Ltd");
    let mut app = start_wrapped(home.path(), &path, &[]);
    app.wait_for("Question 1 of 48");
    app.send("e");
    app.wait_for("Esc done");
    app.send("typed before SIGTERM");
    app.wait_for("typed before SIGTERM");
    let shell = app.child.process_id().expect("shell pid");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &child_of(shell).to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    app.wait_for("STTY-DONE");
    let screen = app.screen();
    assert!(screen.contains("EXIT=0"), "{screen}");
    assert_cooked(&screen);
    app.wait_restored();
    let json = read_json(&path);
    assert_eq!(
        json["answers"][&questionnaire().questions[0].id]["note"],
        "typed before SIGTERM"
    );
}

#[test]
fn a_megabyte_paste_is_capped_with_a_message_and_the_app_stays_responsive() {
    let cap = aims_readiness::tui::editor::MAX_TEXT_BYTES;
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_assessment(home.path(), "Paste Ltd");
    let mut app = Session::start(home.path(), &["open", path.to_str().expect("utf-8")]);
    app.wait_for("Question 1 of 48");
    app.send("e");
    app.wait_for("Esc done");
    // 1 MiB of numbered lines, as one bracketed paste.
    let mut paste = String::new();
    let mut n = 0;
    while paste.len() < 1 << 20 {
        paste.push_str(&format!(
            "line {n:06} of a very long paste ..........................\n"
        ));
        n += 1;
    }
    let pasted = Instant::now();
    app.send(&format!("\x1b[200~{paste}\x1b[201~"));
    app.wait_for("cut at 64 KB");
    eprintln!("1 MiB paste handled in {:?}", pasted.elapsed());
    // The next key is handled at once (generous bound for a loaded CI machine).
    let pressed = Instant::now();
    app.send("\x1b");
    app.wait_for("Saved.");
    app.send("l");
    app.wait_for("Question 2 of 48");
    let took = pressed.elapsed();
    eprintln!("the two keys after it in {took:?}");
    assert!(took < Duration::from_secs(3), "two keys took {took:?}");
    app.send("q");
    assert!(app.wait_exit());
    let json = read_json(&path);
    let note = json["answers"][&questionnaire().questions[0].id]["note"]
        .as_str()
        .expect("the note was saved")
        .to_string();
    assert_eq!(note.len(), cap, "the note is cut at the cap");
    assert!(paste.starts_with(&note), "the note is the paste's start");
}

#[test]
fn pasting_digits_and_newlines_on_a_question_answers_nothing() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_assessment(home.path(), "Digits Ltd");
    let mut app = Session::start(home.path(), &["open", path.to_str().expect("utf-8")]);
    app.wait_for("Question 1 of 48");
    app.send("\x1b[200~3\r5\r\x1b[201~");
    // A key after the paste: once it shows, the paste has been handled.
    app.send("l");
    app.wait_for("Question 2 of 48");
    app.wait_for("0/48 answered");
    app.send("4");
    app.wait_for("1/48 answered");
    app.send("q");
    assert!(app.wait_exit());
    let json = read_json(&path);
    let q = questionnaire();
    let answers = json["answers"].as_object().expect("answers");
    let levels: Vec<(&String, &Value)> = answers
        .iter()
        .filter(|(_, a)| !a["level"].is_null())
        .collect();
    assert_eq!(levels.len(), 1, "{answers:?}");
    assert_eq!(levels[0].0, &q.questions[1].id);
    assert_eq!(levels[0].1["level"], 4);
}

/// Every kind of terminal trick, each beside a marker word so the test can see the
/// text was drawn.
fn hostile(marker: &str) -> String {
    format!(
        "{marker}\u{1b}[2JCLS \u{1b}]0;TITLE\u{7} \u{1b}]52;c;UFdORUQ=\u{7} \
         \u{1b}]8;;https://evil.example/\u{1b}\\LINK\u{1b}]8;;\u{1b}\\ \u{9b}31mC1 \
         BEL\u{7} CR\rX \u{202e}RLO\u{202c} \u{85}NEL"
    )
}

/// What must never appear in the app's output: OSC and string terminators, BEL, CR,
/// C1 controls, bidi overrides and isolates, and the hostile CSI where it was written.
fn assert_inert(label: &str, raw: &[u8]) {
    let text = String::from_utf8_lossy(raw);
    let forbidden: &[(&str, &str)] = &[
        ("an OSC sequence (title, clipboard, link)", "\u{1b}]"),
        ("a string terminator", "\u{1b}\\"),
        ("BEL", "\u{7}"),
        ("a carriage return", "\r"),
        ("the CSI clear screen from the data", "\u{1b}[2JCLS"),
        ("a bidi override", "\u{202e}"),
        ("a bidi pop", "\u{202c}"),
    ];
    for (what, s) in forbidden {
        assert!(
            !text.contains(s),
            "{label}: {what} reached the terminal: {text:?}"
        );
    }
    for c in text.chars() {
        assert!(
            !('\u{80}'..='\u{9f}').contains(&c),
            "{label}: C1 control {c:?} reached the terminal: {text:?}"
        );
    }
}

/// A data folder with a custom questionnaire and an assessment full of terminal tricks;
/// returns the assessment and the questionnaire file.
fn hostile_assessment(home: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    // A custom questionnaire with tricks in its title, a domain, a question, its
    // guidance, evidence and level descriptors, and a level name.
    let mut q: Value =
        serde_json::from_str(&std::fs::read_to_string("questionnaires/iso42001.json").expect("q"))
            .expect("json");
    q["id"] = json!("hostile-q");
    q["title"] = json!(hostile("QTITLE"));
    q["scale"][0]["name"] = json!(hostile("LVLNAME"));
    q["domains"][0]["title"] = json!(hostile("DOMTITLE"));
    q["domains"][0]["short_title"] = json!(hostile("DOMSHORT"));
    let first = &mut q["questions"][0];
    first["text"] = json!(hostile("QTEXT"));
    // Tables show the short title (at most 60 characters): tricks there too.
    first["title"] = json!("QSHORT\u{1b}[2J \u{1b}]0;T\u{7} \u{9b}31m CR\rX \u{202e}RLO");
    first["guidance"] = json!(hostile("GUIDE"));
    first["evidence"][0] = json!(hostile("EVID"));
    first["levels"][0] = json!(hostile("LEVEL1"));
    first["actions"][0][0] = json!(hostile("ACTION"));
    let q_path = home.join("hostile-questionnaire.json");
    std::fs::write(&q_path, serde_json::to_string(&q).expect("json")).expect("write");

    let out = std::process::Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .args([
            "new",
            "--org",
            &hostile("ORG"),
            "--assessor",
            &hostile("WHO"),
        ])
        .arg("--questionnaire")
        .arg(&q_path)
        .env("AIMS_READINESS_HOME", home)
        .output()
        .expect("new");
    assert!(out.status.success(), "{out:?}");
    let path = std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    // Answers with hostile notes, evidence, flag reason and roadmap owner.
    let mut a = read_json(&path);
    let ids: Vec<String> = q["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .map(|x| x["id"].as_str().expect("id").to_string())
        .collect();
    a["meta"]["scope"] = json!(hostile("SCOPE"));
    a["answers"][&ids[0]] = json!({
        "level": 1, "na": false, "note": format!("{}\nsecond line", hostile("NOTE")),
        "evidence": [hostile("PROOF")], "flagged": true, "flag_reason": hostile("WHY")
    });
    a["answers"][&ids[1]] =
        json!({"level": 2, "na": false, "note": "", "evidence": [], "flagged": false});
    a["plan"] = json!({ids[0].clone(): {"owner": hostile("OWNER")}});
    std::fs::write(&path, serde_json::to_vec(&a).expect("json")).expect("write");
    (path, q_path)
}

#[test]
fn hostile_text_in_notes_names_and_a_custom_questionnaire_never_reaches_the_terminal() {
    let home = tempfile::tempdir().expect("temp dir");
    hostile_assessment(home.path());
    let mut app = Session::start(home.path(), &[]);
    app.wait_for("ORG");
    app.send("\r");
    app.wait_for("QTEXT");
    app.wait_for("NOTE");
    app.send("e");
    app.wait_for("Esc done");
    app.send("\x1b");
    app.wait_until_gone("Esc done");
    if !app.screen().contains("GUIDE") {
        app.send("i");
        app.wait_for("GUIDE");
    }
    // Every screen, with the help of each.
    for shown in [
        "Overview",
        "Statement of Applicability",
        "Results",
        "Roadmap",
        "Targets",
        "Export",
    ] {
        app.send("\t?");
        app.wait_for(&format!("Keys — {shown}"));
        app.send("\x1b");
        app.wait_until_gone("Keys — ");
    }
    app.send("q");
    assert!(app.wait_exit());
    app.wait_restored();
    let raw = app.raw();
    let drawn = String::from_utf8_lossy(&raw);
    for marker in [
        "ORG", "QTEXT", "GUIDE", "NOTE", "LEVEL1", "DOMTITLE", "OWNER",
    ] {
        assert!(drawn.contains(marker), "{marker} was never drawn");
    }
    assert_inert("the TUI", after_last_enter(&raw));
    assert_inert("the TUI", &raw);
}

#[test]
fn hostile_file_names_and_contents_stay_inert_in_error_messages() {
    let home = tempfile::tempdir().expect("temp dir");
    let name = format!("{}.json", hostile("FILE").replace(['/', '\\'], "_"));
    let damaged = home.path().join(&name);
    std::fs::write(&damaged, "{ \"format_version\": 1, ").expect("write");
    let missing = home.path().join(format!("missing-{name}"));
    let bad_q = home.path().join(format!("q-{name}"));
    std::fs::write(
        &bad_q,
        serde_json::to_string(&json!({"id": hostile("QID"), "title": hostile("T")})).expect("json"),
    )
    .expect("write");
    let cases: Vec<Vec<&std::ffi::OsStr>> = vec![
        vec!["score".as_ref(), damaged.as_os_str()],
        vec!["score".as_ref(), missing.as_os_str()],
        vec![
            "export".as_ref(),
            damaged.as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
        ],
        vec![
            "questionnaire".as_ref(),
            "validate".as_ref(),
            bad_q.as_os_str(),
        ],
        vec![
            "new".as_ref(),
            "--questionnaire".as_ref(),
            bad_q.as_os_str(),
        ],
        vec![
            "score".as_ref(),
            damaged.as_os_str(),
            "--questionnaire".as_ref(),
            bad_q.as_os_str(),
        ],
    ];
    for args in cases {
        let out = std::process::Command::new(BIN)
            .env("AIMS_READINESS_LANG", "en")
            .args(&args)
            .env("AIMS_READINESS_HOME", home.path())
            .output()
            .expect("runs");
        assert!(!out.status.success(), "{args:?}");
        let mut all = out.stdout.clone();
        all.extend_from_slice(&out.stderr);
        assert!(
            String::from_utf8_lossy(&all).contains("FILE")
                || String::from_utf8_lossy(&all).contains("QID"),
            "{args:?}: the message names the file: {}",
            String::from_utf8_lossy(&all)
        );
        assert_inert(&format!("{args:?}"), &all);
    }
}

#[test]
fn hostile_text_stays_inert_in_list_score_validate_merge_and_compare() {
    let home = tempfile::tempdir().expect("temp dir");
    let (path, q_path) = hostile_assessment(home.path());
    let merged = home.path().join("merged.json");
    let mut runs: Vec<Vec<&std::ffi::OsStr>> = vec![
        vec!["list".as_ref()],
        vec!["score".as_ref(), path.as_os_str()],
        vec!["score".as_ref(), path.as_os_str(), "--json".as_ref()],
        vec![
            "questionnaire".as_ref(),
            "validate".as_ref(),
            q_path.as_os_str(),
        ],
        // One file: the same file twice is refused (nobody's votes count twice).
        vec![
            "merge".as_ref(),
            path.as_os_str(),
            "--out".as_ref(),
            merged.as_os_str(),
        ],
    ];
    // `compare` comes with the export work: checked as soon as the binary has it.
    let has_compare = std::process::Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .args(["compare", "--help"])
        .output()
        .is_ok_and(|o| o.status.success());
    if has_compare {
        runs.push(vec!["compare".as_ref(), path.as_os_str(), path.as_os_str()]);
        runs.push(vec![
            "compare".as_ref(),
            path.as_os_str(),
            path.as_os_str(),
            "--json".as_ref(),
        ]);
    }
    for args in runs {
        let out = std::process::Command::new(BIN)
            .env("AIMS_READINESS_LANG", "en")
            .args(&args)
            .env("AIMS_READINESS_HOME", home.path())
            .output()
            .expect("runs");
        let mut all = out.stdout.clone();
        all.extend_from_slice(&out.stderr);
        let text = String::from_utf8_lossy(&all);
        assert!(out.status.success(), "{args:?}: {text}");
        assert!(
            ["ORG", "QTEXT", "QSHORT", "QTITLE", "DOMTITLE"]
                .iter()
                .any(|m| text.contains(m)),
            "{args:?} shows the hostile data: {text}"
        );
        assert_inert(&format!("{args:?}"), &all);
    }
    // The JSON stays the same data: escaped, not altered.
    let out = std::process::Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .arg("score")
        .arg(&path)
        .arg("--json")
        .env("AIMS_READINESS_HOME", home.path())
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["domains"][0]["title"], hostile("DOMTITLE").as_str());
}

/// clap quotes a bad argument in its usage error, in colour on a terminal; a file
/// name reached through a glob must not bring its escape sequences along.
#[test]
fn a_hostile_argument_in_a_usage_error_stays_inert_on_a_terminal() {
    let home = tempfile::tempdir().expect("temp dir");
    let evil = hostile("ARG");
    let mut s = Session::start(home.path(), &["score", "a.json", &evil]);
    let status = s.wait_status();
    assert_eq!(status.exit_code(), 2, "a usage error");
    s.wait_for_raw(b"--help");
    let raw = s.raw();
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("ARG"), "the argument is named: {text:?}");
    for (what, bad) in [
        ("an OSC sequence", "\u{1b}]"),
        ("BEL", "\u{7}"),
        ("the CSI clear screen", "\u{1b}[2JCLS"),
        ("a bidi override", "\u{202e}"),
    ] {
        assert!(!text.contains(bad), "{what} reached the terminal: {text:?}");
    }
    // Help is ours: still printed, exit 0.
    let mut help = Session::start(home.path(), &["--help"]);
    assert!(help.wait_exit());
    help.wait_for("Usage");
}

fn process_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .next()?
        .chars()
        .next()
}

fn signal(pid: u32, name: &str) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
}

/// Suspended (SIGTSTP), the app gives the terminal back as it found it; continued
/// (SIGCONT), it takes it back: keys act at once, without Enter.
#[test]
fn suspend_and_continue_hand_the_terminal_back_and_take_it_again() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_assessment(home.path(), "Pause Ltd");
    let mut app = Session::start(home.path(), &["open", path.to_str().expect("path")]);
    app.wait_for("Question 1 of ");
    let pid = app.child.process_id().expect("pid");
    signal(pid, "TSTP");
    app.wait_restored();
    let start = Instant::now();
    while process_state(pid) != Some('T') {
        assert!(start.elapsed() < pty::DEADLINE, "the app never stopped");
        std::thread::sleep(Duration::from_millis(10));
    }
    signal(pid, "CONT");
    app.wait_for("Question 1 of ");
    // A key without Enter reaches the app: raw mode is back.
    app.send("?");
    app.wait_for("Keys");
    app.send("\u{3}");
    assert!(app.wait_exit());
    app.wait_restored();
}

/// A terminal that reports 65535×65535 cells: the app draws a capped area instead of
/// allocating buffers for four billion cells.
#[test]
fn a_huge_terminal_size_is_drawn_in_a_capped_area() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let home = tempfile::tempdir().expect("temp dir");
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: u16::MAX,
            cols: u16::MAX,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(BIN);
    cmd.env("AIMS_READINESS_LANG", "en");
    cmd.env("AIMS_READINESS_HOME", home.path());
    cmd.env("TERM", "xterm-256color");
    cmd.cwd(home.path());
    let mut child = pty.slave.spawn_command(cmd).expect("spawn");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = std::sync::Arc::clone(&seen);
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut s) = sink.lock() {
                // Only the text matters here: keep a bounded tail.
                s.extend_from_slice(&buf[..n]);
                let excess = s.len().saturating_sub(1 << 20);
                s.drain(..excess);
            }
        }
    });
    let start = Instant::now();
    loop {
        let text = String::from_utf8_lossy(&seen.lock().expect("seen")).into_owned();
        if text.contains("New assessment") && text.contains("cancel") {
            break;
        }
        if let Some(status) = child.try_wait().expect("wait") {
            panic!("the app ended: {status:?}");
        }
        assert!(
            start.elapsed() < pty::DEADLINE,
            "the first screen never came"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut writer = pty.master.take_writer().expect("writer");
    writer.write_all(b"\x03").expect("Ctrl-C");
    writer.flush().expect("flush");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(start.elapsed() < pty::DEADLINE, "the app did not quit");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}");
}
