//! End to end, a workshop: the real binary in a pseudo-terminal, three participants
//! voting on two questions (one divergent), the consensus confirmed each time, and
//! the file on disk checked. No fixed sleeps: every wait polls the parsed screen (or
//! the process) against a deadline; the wait for the countdown to move is what makes
//! time pass on the first question.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use serde_json::Value;

const DEADLINE: Duration = Duration::from_secs(60);

struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(home: &Path, args: &[&str]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_aims-readiness"));
        cmd.args(args);
        cmd.env("AIMS_READINESS_HOME", home);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.cwd(home);
        let child = pty.slave.spawn_command(cmd).expect("spawn the app");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(30).expect("rows"),
            std::num::NonZeroU16::new(100).expect("cols"),
            0,
        )));
        let sink = Arc::clone(&parser);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = sink.lock() {
                    p.process(&buf[..n]);
                }
            }
        });
        Session {
            child,
            writer,
            parser,
            _master: pty.master,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits until the screen shows `text`.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "the screen never showed {text:?}; it shows:\n{screen}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Waits for the process to end and returns whether it succeeded.
    fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.success();
            }
            assert!(start.elapsed() < DEADLINE, "the app did not exit");
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the terminal is back to normal (main screen, cursor shown).
    fn wait_restored(&self) {
        let start = Instant::now();
        loop {
            {
                let p = self.parser.lock().expect("parser");
                if !p.screen().alternate_screen() && !p.screen().hide_cursor() {
                    return;
                }
            }
            assert!(start.elapsed() < DEADLINE, "the terminal was not restored");
            thread::sleep(Duration::from_millis(20));
        }
    }
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("read the assessment")).expect("JSON")
}

#[test]
fn three_people_vote_on_two_questions_and_the_consensus_is_saved() {
    let home = tempfile::tempdir().expect("temp dir");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aims-readiness"))
        .args(["new", "--org", "Workshop e2e"])
        .env("AIMS_READINESS_HOME", home.path())
        .output()
        .expect("run new");
    assert!(out.status.success());
    let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    let mut app = Session::start(home.path(), &["open", path.to_str().expect("utf-8 path")]);
    app.wait_for("Question 1 of 42");

    // The voting screen, and the three people in the room.
    app.send("w");
    app.wait_for("No participants yet");
    for name in ["Dana", "Lee", "Sam"] {
        app.send("a");
        app.wait_for("New participant's name");
        app.send(name);
        app.send("\r");
        app.wait_for(&format!("Added {name}"));
    }
    // The timer runs from the first participant on.
    app.wait_for("left of 3:00");

    // Question 1: 3, 3, 4 from the top row down; not divergent; proposal 3.
    app.send("kk");
    app.send("334");
    app.wait_for("3 of 3 voted");
    app.wait_for("spread 1");
    app.wait_for("Proposed: 3 Defined");
    assert!(!app.screen().contains("DIVERGENT"));
    // Let the countdown move on (the tick redraws it), so time is spent here.
    app.wait_for("⏱ 2:5");
    app.send("\r");
    app.wait_for("Consensus confirmed: 3");

    // Question 2: 1, 4, 2 is divergent; the lower median 2 is proposed and confirmed.
    app.send("l");
    app.wait_for("Question 2 of 42");
    app.send("142");
    app.wait_for("3 of 3 voted");
    app.wait_for("DIVERGENT");
    app.wait_for("Proposed: 2 Managed");
    // The room sees it in the presenter view; confirming works there too.
    app.send("p");
    app.wait_for("DIVERGENT — discuss");
    app.send("c");
    app.wait_for("Agreed: 2 Managed");
    app.send("p");
    app.wait_for("Participants' votes");
    app.send("q");
    assert!(app.wait_exit(), "quit exits 0");
    app.wait_restored();

    let json = read_json(&path);
    assert_eq!(
        json["participants"],
        serde_json::json!(["Dana", "Lee", "Sam"])
    );
    let q = aims_readiness::questionnaire::Questionnaire::embedded().expect("questionnaire");
    let first = &json["answers"][&q.questions[0].id];
    assert_eq!(
        first["votes"],
        serde_json::json!({"Dana": 3, "Lee": 3, "Sam": 4})
    );
    assert_eq!(first["level"], 3);
    assert_ne!(first["consensus_pending"], true);
    assert!(
        first["seconds_spent"].as_u64().is_some_and(|s| s >= 1),
        "time on question 1: {first}"
    );
    let second = &json["answers"][&q.questions[1].id];
    assert_eq!(
        second["votes"],
        serde_json::json!({"Dana": 1, "Lee": 4, "Sam": 2})
    );
    assert_eq!(second["level"], 2);
    assert_ne!(second["consensus_pending"], true);
    assert_eq!(json["resume"]["screen"], "voting");
    assert_eq!(json["resume"]["question"], q.questions[1].id.as_str());
}
