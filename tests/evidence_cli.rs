//! `evidence add`, `list` and `verify` through the real binary, on real files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_aims-readiness");

fn run_in(dir: &Path, args: &[&str], home: &Path) -> Output {
    Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .args(args)
        .current_dir(dir)
        .env("AIMS_READINESS_HOME", home)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A new assessment in `home`, and its path.
fn new_assessment(home: &Path) -> PathBuf {
    let out = run_in(home, &["new", "--org", "Acme"], home);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    PathBuf::from(text(&out.stdout).trim())
}

fn add(home: &Path, dir: &Path, file: &Path, location: &str, question: &str) -> Output {
    run_in(
        dir,
        &[
            "evidence",
            "add",
            file.to_str().expect("utf-8"),
            location,
            "--question",
            question,
        ],
        home,
    )
}

fn verify(home: &Path, file: &Path) -> Output {
    // From another folder than the one the files were added from.
    run_in(
        Path::new("/"),
        &["evidence", "verify", file.to_str().expect("utf-8")],
        home,
    )
}

fn saved(file: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(file).expect("read")).expect("json")
}

/// The line `verify` printed for `id`.
fn line_of(out: &Output, id: &str) -> String {
    text(&out.stdout)
        .lines()
        .find(|l| l.split_whitespace().nth(1) == Some(id))
        .unwrap_or_else(|| panic!("no line for {id} in {out:?}"))
        .to_string()
}

#[test]
fn verify_reports_unchanged_changed_and_missing_files_with_exit_codes() {
    let home = tempfile::tempdir().expect("temp");
    let docs = tempfile::tempdir().expect("temp");
    let file = new_assessment(home.path());
    let names = [
        "kept.txt",
        "edited.txt",
        "deleted.txt",
        "became-a-folder.txt",
    ];
    for name in names {
        std::fs::write(docs.path().join(name), format!("evidence in {name}\n")).expect("write");
        let out = add(home.path(), docs.path(), &file, name, "ctx-01");
        assert_eq!(out.status.code(), Some(0), "{out:?}");
    }
    // Nothing touched yet: all unchanged, exit 0.
    let out = verify(home.path(), &file);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let unchanged = text(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("unchanged"))
        .count();
    assert_eq!(unchanged, 4, "{out:?}");

    // One byte changed, same size.
    let edited = docs.path().join("edited.txt");
    let mut bytes = std::fs::read(&edited).expect("read");
    bytes[0] ^= 0x01;
    std::fs::write(&edited, &bytes).expect("write");
    std::fs::remove_file(docs.path().join("deleted.txt")).expect("delete");
    let folder = docs.path().join("became-a-folder.txt");
    std::fs::remove_file(&folder).expect("delete");
    std::fs::create_dir(&folder).expect("mkdir");

    let out = verify(home.path(), &file);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(line_of(&out, "ev-1").starts_with("unchanged"), "{out:?}");
    let edited_line = line_of(&out, "ev-2");
    assert!(edited_line.starts_with("changed"), "{edited_line}");
    assert!(edited_line.contains("same size"), "{edited_line}");
    assert!(line_of(&out, "ev-3").starts_with("missing"), "{out:?}");
    assert!(line_of(&out, "ev-4").starts_with("changed"), "{out:?}");
    assert!(text(&out.stdout).contains("1 of 4 files unchanged."));
    // Verifying writes nothing.
    assert_eq!(saved(&file)["evidence"].as_array().expect("items").len(), 4);
}

#[test]
fn a_path_with_spaces_and_non_ascii_letters_is_kept_as_given_and_verified() {
    let home = tempfile::tempdir().expect("temp");
    let docs = tempfile::tempdir().expect("temp");
    let file = new_assessment(home.path());
    let folder = docs.path().join("Revue de direction");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("Procès-verbal 2026 – été.pdf"), b"%PDF minutes").expect("write");
    let given = "Revue de direction/Procès-verbal 2026 – été.pdf";
    let out = run_in(
        docs.path(),
        &[
            "evidence",
            "add",
            file.to_str().expect("utf-8"),
            given,
            "--question",
            "perf-04",
            "--check",
            "perf-04.3a",
            "--title",
            "Minutes of the management review",
            "--dated",
            "2026-06-30",
            "--owner",
            "Zoë Brontë",
        ],
        home.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // SHA-256 of "%PDF minutes", computed with sha256sum.
    let hash = "af4e311a4c105dacaf304a65fec1a521960bb5bbf5d32cb51dcf027610b5b32e";
    let v = saved(&file);
    let item = &v["evidence"][0];
    assert_eq!(item["location"], given);
    assert_eq!(item["kind"], "file");
    assert_eq!(item["bytes"], 12);
    assert_eq!(item["dated"], "2026-06-30");
    assert_eq!(item["owner"], "Zoë Brontë");
    assert_eq!(item["sha256"], hash);
    assert_eq!(
        v["answers"]["perf-04"]["check_evidence"]["perf-04.3a"][0],
        "ev-1"
    );
    let out = verify(home.path(), &file);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(text(&out.stdout).contains(given), "{out:?}");
    let list = run_in(
        Path::new("/"),
        &["evidence", "list", file.to_str().expect("utf-8")],
        home.path(),
    );
    assert_eq!(list.status.code(), Some(0), "{list:?}");
    assert!(text(&list.stdout).contains("perf-04.3a"), "{list:?}");
}

#[test]
fn bad_input_is_refused_and_nothing_is_written() {
    let home = tempfile::tempdir().expect("temp");
    let docs = tempfile::tempdir().expect("temp");
    let file = new_assessment(home.path());
    let before = std::fs::read(&file).expect("read");
    std::fs::write(docs.path().join("a.txt"), b"a").expect("write");
    for (location, question, expected) in [
        (
            "missing.pdf",
            "ctx-01",
            "missing.pdf: there is no file at this path",
        ),
        (".", "ctx-01", "it is not a regular file"),
        (
            "a.txt",
            "zz-99",
            "question \"zz-99\" is not in the questionnaire",
        ),
    ] {
        let out = add(home.path(), docs.path(), &file, location, question);
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        assert!(text(&out.stderr).contains(expected), "{out:?}");
        assert!(text(&out.stderr).contains("nothing was changed"), "{out:?}");
    }
    assert_eq!(std::fs::read(&file).expect("read"), before);
    // A missing --question is a usage error.
    let out = run_in(
        docs.path(),
        &["evidence", "add", file.to_str().expect("utf-8"), "a.txt"],
        home.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    // An empty register verifies fine.
    let out = verify(home.path(), &file);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

/// Runs `evidence verify` and samples the peak resident memory of the process
/// (`VmHWM`, which only grows) while it runs; returns the output and the last sample.
/// Sampling the child itself: the rusage of children would include the test process's
/// own memory, which a child shares until it starts the program.
fn verify_with_peak_memory(home: &Path, file: &Path) -> (std::process::ExitStatus, u64) {
    let mut child = Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .args(["evidence", "verify", file.to_str().expect("utf-8")])
        .env("AIMS_READINESS_HOME", home)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("runs");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_file)
            && let Some(kb) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak_kb = peak_kb.max(kb);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            return (status, peak_kb * 1024);
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

#[test]
fn a_200_mb_file_is_hashed_in_chunks_with_little_memory() {
    let home = tempfile::tempdir().expect("temp");
    let docs = tempfile::tempdir().expect("temp");
    let file = new_assessment(home.path());
    let big = docs.path().join("training-data.bin");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).expect("create"));
        let block: Vec<u8> = (0..1024 * 1024).map(|i| (i % 251) as u8).collect();
        for _ in 0..200 {
            f.write_all(&block).expect("write");
        }
    }
    let out = add(
        home.path(),
        docs.path(),
        &file,
        "training-data.bin",
        "ax-06",
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(saved(&file)["evidence"][0]["bytes"], 200 * 1024 * 1024);
    let (status, peak) = verify_with_peak_memory(home.path(), &file);
    assert_eq!(status.code(), Some(0));
    assert!(peak > 0, "the memory of the process was sampled");
    eprintln!(
        "peak memory of evidence verify on 200 MB: {} KB",
        peak / 1024
    );
    assert!(
        peak < 30 * 1024 * 1024,
        "peak memory {} MB while hashing 200 MB",
        peak / (1024 * 1024)
    );
}

#[test]
fn evidence_for_a_control_goes_to_its_statement_entry_and_an_unknown_control_is_refused() {
    let home = tempfile::tempdir().expect("temp");
    let docs = tempfile::tempdir().expect("temp");
    let file = new_assessment(home.path());
    let path = file.to_str().expect("utf-8");
    std::fs::write(docs.path().join("logging policy.txt"), b"logs kept 1 year").expect("write");
    // A control alone: the item joins the register and soa.A.6.2.8.evidence_refs.
    let out = run_in(
        docs.path(),
        &[
            "evidence",
            "add",
            path,
            "logging policy.txt",
            "--control",
            "A.6.2.8",
        ],
        home.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        text(&out.stdout).contains("ev-1 added to A.6.2.8"),
        "{out:?}"
    );
    // A question and a control at once.
    let out = run_in(
        docs.path(),
        &[
            "evidence",
            "add",
            path,
            "https://intranet.example/ai-policy",
            "--question",
            "lead-02",
            "--control",
            "A.2.2",
        ],
        home.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let json = saved(&file);
    assert_eq!(
        json["soa"]["A.6.2.8"]["evidence_refs"],
        serde_json::json!(["ev-1"])
    );
    assert_eq!(
        json["soa"]["A.2.2"]["evidence_refs"],
        serde_json::json!(["ev-2"])
    );
    assert_eq!(
        json["answers"]["lead-02"]["evidence_refs"],
        serde_json::json!(["ev-2"])
    );
    // `list` says where each item is used.
    let out = run_in(docs.path(), &["evidence", "list", path], home.path());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let listed = text(&out.stdout);
    assert!(listed.contains("A.6.2.8"), "{listed}");
    assert!(listed.contains("lead-02, A.2.2"), "{listed}");

    // An unknown control is refused with the file named, and nothing is written.
    let before = std::fs::read(&file).expect("read");
    let out = run_in(
        docs.path(),
        &[
            "evidence",
            "add",
            path,
            "logging policy.txt",
            "--question",
            "ctx-01",
            "--control",
            "A.99.1",
        ],
        home.path(),
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = text(&out.stderr);
    assert!(err.contains("control \"A.99.1\" is neither"), "{err}");
    assert!(err.contains(path), "{err}");
    assert!(err.contains("nothing was changed"), "{err}");
    assert_eq!(std::fs::read(&file).expect("read"), before);
    // --check without --question is a usage error.
    let out = run_in(
        docs.path(),
        &[
            "evidence",
            "add",
            path,
            "logging policy.txt",
            "--control",
            "A.6.2.8",
            "--check",
            "ctx-01.2a",
        ],
        home.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}
