//! It never loses an acknowledged answer: SIGKILL during saves, a full disk, and two
//! processes on one assessment.
//!
//! The children are this test binary run again with `AIMS_CHILD` set, so that they use
//! the library exactly as the app does.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use aims_readiness::assessment::Assessment;
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::store::{self, AssessmentLock, StoreError};

const CHILD: &str = "AIMS_CHILD";
const FILE: &str = "AIMS_CHILD_FILE";

fn questionnaire() -> Questionnaire {
    Questionnaire::embedded().expect("embedded")
}

fn fresh(path: &Path) -> Assessment {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+00:00").expect("date");
    let a = Assessment::new(&questionnaire(), now);
    store::create(path, &a).expect("create");
    a
}

/// Runs the test `name` of this binary as a child with `role`.
fn child(name: &str, role: &str, file: &Path) -> Command {
    let mut cmd = Command::new(std::env::current_exe().expect("test binary"));
    cmd.args(["--exact", name, "--nocapture", "--test-threads=1"])
        .env(CHILD, role)
        .env(FILE, file);
    cmd
}

fn child_role() -> Option<(String, PathBuf)> {
    let role = std::env::var(CHILD).ok()?;
    Some((role, PathBuf::from(std::env::var_os(FILE)?)))
}

/// Small deterministic generator for kill moments (xorshift).
struct Moments(u64);

impl Moments {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

/// Child: answer, save, acknowledge, forever (until killed).
#[test]
fn child_saver() {
    let Some((role, path)) = child_role() else {
        return;
    };
    assert_eq!(role, "saver");
    let mut a = store::read(&path).expect("readable at start");
    let _lock = AssessmentLock::acquire(&path).expect("lock");
    let ids: Vec<String> = questionnaire()
        .questions
        .iter()
        .map(|q| q.id.clone())
        .collect();
    let start: u64 = a
        .answer("ctx-01")
        .and_then(|x| x.note.strip_prefix("save ")?.parse().ok())
        .unwrap_or(0);
    for n in start + 1.. {
        let answer = a.answer_mut(&ids[(n as usize) % ids.len()]);
        answer.level = Some((n % 5) as u8 + 1);
        // Notes of varying size, so a torn write could not pass for a whole one.
        answer.note = "é".repeat((n as usize * 131) % 3000);
        a.answer_mut("ctx-01").note = format!("save {n}");
        store::save(&path, &a).expect("save");
        println!("ack {n}");
    }
}

fn kill_during_saves(kills: usize, seed: u64) {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    fresh(&path);
    let mut moments = Moments(seed);
    let mut last_ack = 0u64;
    for round in 0..kills {
        let mut proc: Child = child("child_saver", "saver", &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let stdout = proc.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let wanted = 1 + moments.next(6);
        let mut acked = 0;
        while acked < wanted {
            let line = lines.next().expect("child alive").expect("line");
            // The first ack follows the harness's "test child_saver ... " on one line.
            if let Some((_, n)) = line.split_once("ack ") {
                last_ack = n.parse().expect("number");
                acked += 1;
            }
        }
        // Land the kill anywhere inside the next save.
        std::thread::sleep(Duration::from_micros(moments.next(3000)));
        proc.kill().expect("SIGKILL");
        proc.wait().expect("reaped");
        let a = store::read(&path)
            .unwrap_or_else(|e| panic!("round {round}: the file must always parse: {e}"));
        store::check_fits(&path, &a, &questionnaire()).expect("fits");
        let saved: u64 = a
            .answer("ctx-01")
            .and_then(|x| x.note.strip_prefix("save ")?.parse().ok())
            .expect("a save number");
        assert!(
            saved >= last_ack,
            "round {round}: acknowledged save {last_ack} lost (file has {saved})"
        );
        last_ack = saved;
    }
}

#[test]
fn sigkill_during_saves_never_loses_an_acknowledged_answer() {
    if child_role().is_some() {
        return;
    }
    kill_during_saves(50, 0x9e37_79b9_7f4a_7c15);
}

/// The stress mode: `cargo test --release --test crash_safety -- --ignored stress`.
#[test]
#[ignore = "stress: 1,000 kills, run on demand"]
fn stress_sigkill_1000() {
    if child_role().is_some() {
        return;
    }
    let kills = std::env::var("AIMS_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(1000);
    let started = std::time::Instant::now();
    kill_during_saves(kills, 0x2545_f491_4f6c_dd1d);
    println!("{kills} kills, no loss, in {:.1?}", started.elapsed());
}

/// Child under `ulimit -f`: a save that does not fit fails cleanly, a later one succeeds.
#[test]
fn child_disk_full() {
    let Some((role, path)) = child_role() else {
        return;
    };
    assert_eq!(role, "disk_full");
    let before = std::fs::read(&path).expect("read");
    let mut a = store::read(&path).expect("read");
    a.answer_mut("ctx-01").level = Some(2);
    a.answer_mut("ctx-01").note = "n".repeat(64 * 1024);
    let err = store::save(&path, &a).expect_err("the write must fail");
    assert!(matches!(err, StoreError::Io { .. }), "{err}");
    assert!(
        err.to_string().contains("acme.json"),
        "names the file: {err}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "previous file intact"
    );
    assert_eq!(
        a.answer("ctx-01").and_then(|x| x.level),
        Some(2),
        "kept in memory"
    );
    a.answer_mut("ctx-01").note = "short".into();
    store::save(&path, &a).expect("a later save succeeds");
    println!("child ok");
}

#[test]
fn a_full_disk_reports_the_error_keeps_the_file_and_recovers() {
    if child_role().is_some() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    fresh(&path);
    let exe = std::env::current_exe().expect("exe");
    // 16 blocks of 512 bytes: the small file fits, the 64 KB note does not. SIGXFSZ is
    // ignored so the write fails with EFBIG instead of killing the child.
    let out = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 16; exec \"$0\" --exact child_disk_full --nocapture")
        .arg(&exe)
        .env(CHILD, "disk_full")
        .env(FILE, &path)
        .output()
        .expect("sh runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("child ok"),
        "{out:?}"
    );
    let a = store::read(&path).expect("readable");
    assert_eq!(a.answer("ctx-01").map(|x| x.note.as_str()), Some("short"));
    let temps = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect::<Vec<_>>();
    assert!(temps.is_empty(), "the failed save left {temps:?}");
}

/// Child: hold the lock until killed.
#[test]
fn child_holder() {
    let Some((role, path)) = child_role() else {
        return;
    };
    assert_eq!(role, "holder");
    let _lock = AssessmentLock::acquire(&path).expect("lock");
    println!("locked");
    std::thread::sleep(Duration::from_secs(60));
}

#[test]
fn a_second_process_is_refused_with_the_holders_pid_until_the_holder_dies() {
    if child_role().is_some() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    fresh(&path);
    let mut holder = child("child_holder", "holder", &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut lines = BufReader::new(holder.stdout.take().expect("stdout")).lines();
    // The test harness prints "test child_holder ... " before the child's own line.
    while !lines
        .next()
        .expect("alive")
        .expect("line")
        .ends_with("locked")
    {}
    match store::open(&path, &questionnaire()) {
        Err(StoreError::InUse { pid, .. }) => assert_eq!(pid, Some(holder.id())),
        other => panic!("expected in use, got {other:?}"),
    }
    holder.kill().expect("SIGKILL");
    holder.wait().expect("reaped");
    let (a, _lock) = store::open(&path, &questionnaire()).expect("free at once");
    assert_eq!(a.format_version, 1);
}
