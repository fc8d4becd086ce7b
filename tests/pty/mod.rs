//! Shared by the pseudo-terminal tests: the real binary in a pty, its screen parsed
//! with vt100 and every raw byte it wrote kept, the data directory in a temporary
//! folder. No fixed sleeps: every wait polls the screen (or the process) against a
//! deadline.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use serde_json::Value;

pub const DEADLINE: Duration = Duration::from_secs(60);
pub const BIN: &str = env!("CARGO_BIN_EXE_aims-readiness");

pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    /// The app with `args`, data in `home`.
    pub fn start(home: &Path, args: &[&str]) -> Session {
        Session::start_with(home, BIN, args, &[])
    }

    /// Any program (the app, or a shell wrapping it) in a 100×30 pty.
    pub fn start_with(home: &Path, program: &str, args: &[&str], env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("AIMS_READINESS_HOME", home);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("AIMS_READINESS_PANIC_AFTER_KEYS");
        cmd.env("RUST_BACKTRACE", "0");
        // English whatever the developer's locale; a test that wants another language
        // passes AIMS_READINESS_LANG itself (an empty value lets LANG decide).
        cmd.env("AIMS_READINESS_LANG", "en");
        for (k, v) in env {
            cmd.env(k, v);
        }
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
        let raw = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&parser);
        let raw_sink = Arc::clone(&raw);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut r) = raw_sink.lock() {
                    r.extend_from_slice(&buf[..n]);
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
            raw,
            _master: pty.master,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Every byte the program wrote to the terminal so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().expect("raw").clone()
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&self, text: &str) {
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
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until the screen no longer shows `text`.
    pub fn wait_until_gone(&self, text: &str) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if !screen.contains(text) {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "the screen still shows {text:?}:\n{screen}"
            );
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until the raw output contains `bytes`.
    pub fn wait_for_raw(&self, bytes: &[u8]) {
        let start = Instant::now();
        loop {
            if self.raw().windows(bytes.len()).any(|w| w == bytes) {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "the output never held {:?}; the screen shows:\n{}",
                String::from_utf8_lossy(bytes),
                self.screen()
            );
            thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Waits for the process to end and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        self.wait_status().success()
    }

    /// Waits for the process to end and returns its status.
    pub fn wait_status(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "the program did not exit; the screen shows:\n{}",
                self.screen()
            );
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until the terminal is back to normal: main screen, cursor shown, no mouse
    /// reporting, no bracketed paste.
    pub fn wait_restored(&self) {
        let start = Instant::now();
        loop {
            {
                let p = self.parser.lock().expect("parser");
                let s = p.screen();
                if !s.alternate_screen()
                    && !s.hide_cursor()
                    && !s.bracketed_paste()
                    && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
                {
                    return;
                }
            }
            assert!(
                start.elapsed() < DEADLINE,
                "the terminal was not restored (alternate screen, hidden cursor, bracketed paste or mouse capture left on)"
            );
            thread::sleep(Duration::from_millis(10));
        }
    }
}

/// The one assessment file in `home`.
pub fn only_assessment(home: &Path) -> PathBuf {
    let dir = home.join("assessments");
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("assessments folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

pub fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("read the assessment")).expect("JSON")
}

/// Creates an assessment without a terminal (`new` prints its path).
pub fn new_assessment(home: &Path, org: &str) -> PathBuf {
    let out = std::process::Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .args(["new", "--org", org])
        .env("AIMS_READINESS_HOME", home)
        .output()
        .expect("run new");
    assert!(out.status.success(), "{out:?}");
    let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    assert!(path.is_file());
    path
}
