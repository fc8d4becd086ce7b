//! `new`, `list`, `score` and `export --format json` through the real binary.

/// Issue 21: the command line in French.
#[path = "cli_assessment/french.rs"]
mod french;

mod common;

#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_aims-readiness");

fn run(args: &[&str], home: &Path) -> Output {
    Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .args(args)
        .env("AIMS_READINESS_HOME", home)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn new_acme(home: &Path) -> PathBuf {
    let out = run(&["new", "--org", "Acme", "--assessor", "Dana"], home);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    PathBuf::from(stdout(&out).trim())
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

#[test]
fn new_creates_a_private_file_that_list_and_score_show() {
    let home = tempfile::tempdir().expect("temp");
    let file = new_acme(home.path());
    assert!(
        file.starts_with(home.path().join("assessments")),
        "{file:?}"
    );
    #[cfg(unix)]
    {
        let meta = std::fs::metadata(&file).expect("created");
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
        let dir_mode = std::fs::metadata(home.path().join("assessments"))
            .expect("dir")
            .permissions()
            .mode();
        assert_eq!(dir_mode & 0o777, 0o700);
    }
    let saved: Value = serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("json");
    assert_eq!(saved["format_version"], 1);
    assert_eq!(saved["meta"]["organisation"], "Acme");
    assert_eq!(saved["meta"]["assessors"][0], "Dana");
    assert_eq!(saved["questionnaire"]["id"], "iso42001-readiness");
    assert_eq!(saved["targets"]["annex_a"], 3);

    let list = run(&["list"], home.path());
    assert_eq!(list.status.code(), Some(0));
    let text = stdout(&list);
    let name = file
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(
        text.contains(&name) && text.contains("Acme") && text.contains("0/48"),
        "{text}"
    );

    // Answer two questions by editing the file, as a script would.
    let mut v = saved;
    v["answers"] = serde_json::json!({
        "ctx-01": {"level": 2, "na": false, "note": "", "evidence": [], "flagged": false},
        "ax-09": {"level": null, "na": true, "note": "Excluded in the SoA", "evidence": [], "flagged": false}
    });
    std::fs::write(&file, serde_json::to_vec_pretty(&v).expect("json")).expect("write");
    let score = run(&["score", file.to_str().expect("path")], home.path());
    assert_eq!(score.status.code(), Some(0), "{score:?}");
    let text = stdout(&score);
    assert!(text.contains("Acme"), "{text}");
    assert!(text.contains("Coverage: 2/48 (4%)"), "{text}");
    assert!(text.contains("Context of the organisation"), "{text}");
    assert!(text.contains("Not ready (provisional)"), "{text}");
    assert!(text.contains("Critical gaps"), "{text}");
    // Method v2: ctx-01 (critical) at 2 is a minor; 35 controls undecided is a major.
    assert!(
        text.contains("Findings: 1 major, 1 minor, 0 improvement"),
        "{text}"
    );
    assert!(
        text.contains(
            "  Major:\n    Statement of Applicability incomplete: 35 controls have no decision"
        ),
        "{text}"
    );
    assert!(
        text.contains("  Minor:\n    ctx-01: level 2, readiness needs 3 (critical)"),
        "{text}"
    );
    assert!(
        text.contains(
            "Statement of Applicability: 0 included (0 implemented), 3 excluded, 35 undecided"
        ),
        "{text}"
    );
    assert!(
        text.contains("exclusions of A.10.2, A.10.3, A.10.4"),
        "{text}"
    );
}

#[test]
fn export_json_follows_the_results_contract() {
    let home = tempfile::tempdir().expect("temp");
    let file = new_acme(home.path());
    let mut v: Value = serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("json");
    v["answers"] = serde_json::json!({
        "ctx-01": {"level": 1},
        "ctx-02": {"level": 4},
        "ax-03": {"na": true, "note": "No in-house compute"}
    });
    v["plan"] = serde_json::json!({"ctx-01": {"owner": "Dana", "status": "in_progress"}});
    std::fs::write(&file, serde_json::to_vec(&v).expect("json")).expect("write");
    let out_dir = home.path().join("out");
    let out = run(
        &[
            "export",
            file.to_str().expect("path"),
            "--format",
            "json",
            "--out",
            out_dir.to_str().expect("path"),
            "--start",
            "2027-01-31",
        ],
        home.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let results_path = out_dir.join("results.json");
    assert_eq!(stdout(&out).trim(), results_path.to_str().expect("path"));
    let r: Value =
        serde_json::from_slice(&std::fs::read(&results_path).expect("written")).expect("json");
    for key in [
        "format_version",
        "questionnaire",
        "generated",
        "overall",
        "readiness",
        "domains",
        "questions",
        "roadmap",
    ] {
        assert!(r.get(key).is_some(), "{key}");
    }
    assert_eq!(r["format_version"], 1);
    assert_eq!(keys(&r["questionnaire"]), ["id", "version"]);
    assert!(chrono::DateTime::parse_from_rfc3339(r["generated"].as_str().expect("str")).is_ok());
    assert_eq!(
        keys(&r["overall"]),
        [
            "answered",
            "coverage",
            "level",
            "not_applicable",
            "score",
            "total"
        ]
    );
    assert_eq!(r["overall"]["answered"], 2);
    assert_eq!(r["overall"]["not_applicable"], 1);
    assert_eq!(r["overall"]["total"], 48);
    // Unrounded: context = (w1·1 + w2·4)/(w1 + w2), overall = mean of that one domain.
    let context = &r["domains"][0];
    assert_eq!(context["id"], "context");
    assert_eq!(r["overall"]["score"], context["score"]);
    assert!(r["domains"][1]["score"].is_null(), "no answers: null");
    for key in [
        "id", "title", "score", "level", "target", "gap", "answered", "total",
    ] {
        assert!(context.get(key).is_some(), "domains[].{key}");
    }
    assert_eq!(
        keys(&r["readiness"]),
        [
            "complete",
            "critical_gaps",
            "findings",
            "reasons",
            "threshold",
            "verdict"
        ]
    );
    assert_eq!(r["method"], 2);
    assert_eq!(
        keys(&r["readiness"]["findings"]),
        ["improvement", "major", "minor"]
    );
    // ctx-01 (critical) at 1: a major; the statement of applicability is undecided: a major.
    assert_eq!(r["readiness"]["findings"]["major"], 2);
    assert_eq!(r["readiness"]["reasons"][0]["severity"], "major");
    assert_eq!(r["readiness"]["reasons"][0]["kind"], "question");
    assert_eq!(r["readiness"]["reasons"][0]["id"], "ctx-01");
    assert_eq!(r["readiness"]["reasons"][1]["kind"], "soa");
    assert_eq!(
        keys(&r["readiness"]["reasons"][0]),
        ["id", "kind", "severity", "text"]
    );
    // ax-03's N/A became the exclusion of its five controls, with its note.
    let soa = &r["soa"];
    assert_eq!(
        (soa["excluded"].as_u64(), soa["undecided"].as_u64()),
        (Some(5), Some(33))
    );
    let a43 = soa["controls"]
        .as_array()
        .expect("controls")
        .iter()
        .find(|c| c["id"] == "A.4.3")
        .expect("A.4.3");
    assert_eq!(a43["applicable"], false);
    assert_eq!(a43["justification"], "No in-house compute");
    assert_eq!(a43["objective"], "A.4");
    assert_eq!(r["readiness"]["verdict"], "not_ready");
    assert_eq!(r["readiness"]["complete"], false);
    assert_eq!(r["questions"].as_array().expect("array").len(), 48);
    assert_eq!(
        keys(&r["questions"][0]),
        [
            "claimed",
            "critical_gap",
            "domain",
            "evidenced",
            "finding",
            "gap",
            "id",
            "level",
            "na"
        ]
    );
    assert_eq!(r["questions"][0]["finding"], "major");
    // No check answered: no evidenced level, the claim is the effective level.
    assert!(r["questions"][0]["evidenced"].is_null());
    assert_eq!(r["questions"][0]["claimed"], r["questions"][0]["level"]);
    assert_eq!(r["questions"][0]["gap"], 2);
    let item = &r["roadmap"][0];
    assert_eq!(
        keys(item),
        [
            "actions", "critical", "current", "domain", "due", "gap", "owner", "phase", "priority",
            "question", "rank", "start", "status", "target"
        ]
    );
    assert_eq!(item["rank"], 1);
    assert_eq!(item["question"], "ctx-01");
    assert_eq!(item["owner"], "Dana");
    assert_eq!(item["status"], "in_progress");
    assert_eq!(item["start"], "2027-01-31");
    assert!(matches!(
        item["due"].as_str(),
        Some("2027-04-30" | "2027-07-31")
    ));
    assert!(!item["actions"].as_array().expect("actions").is_empty());

    // An existing file is not replaced without --force.
    let again = run(
        &[
            "export",
            file.to_str().expect("path"),
            "--format",
            "json",
            "--out",
            out_dir.to_str().expect("path"),
        ],
        home.path(),
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
}

#[test]
fn score_json_prints_the_same_contract() {
    let home = tempfile::tempdir().expect("temp");
    let file = new_acme(home.path());
    let out = run(
        &["score", file.to_str().expect("path"), "--json"],
        home.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let r: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(r["overall"]["total"], 48);
    assert!(r["overall"]["score"].is_null());
}

#[test]
fn errors_exit_1_with_one_sentence_naming_the_file_and_usage_errors_exit_2() {
    let home = tempfile::tempdir().expect("temp");
    let missing = home.path().join("nope.json");
    let out = run(&["score", missing.to_str().expect("path")], home.path());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nope.json"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");

    let out = run(&["score"], home.path());
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["export", "x.json", "--format", "tiff"], home.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown format"));
    let out = run(&["frobnicate"], home.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn hostile_organisation_names_never_reach_the_terminal_raw() {
    let home = tempfile::tempdir().expect("temp");
    let hostile = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}Corp\r";
    let out = run(&["new", "--org", hostile], home.path());
    assert_eq!(out.status.code(), Some(0));
    let file = stdout(&out).trim().to_string();
    for args in [vec!["list"], vec!["score", file.as_str()]] {
        let out = run(&args, home.path());
        assert_eq!(out.status.code(), Some(0));
        let text = stdout(&out);
        assert!(text.contains("Evil"), "{text}");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'),
            "{text:?}"
        );
        assert!(!text.contains('\r'), "{text:?}");
    }
}

/// Display width of a line as a terminal shows it.
fn width(line: &str) -> usize {
    aims_readiness::text::str_width(line)
}

/// Where (in display columns) `token` ends on `line`.
fn end_of(line: &str, token: &str) -> usize {
    let i = line
        .find(token)
        .unwrap_or_else(|| panic!("{token:?} in {line:?}"));
    width(&line[..i + token.len()])
}

/// A custom questionnaire whose domain titles are wide (CJK, emoji) and long.
fn wide_questionnaire(dir: &Path) -> PathBuf {
    let dump = run(&["questionnaire", "dump"], dir);
    let mut q: Value = serde_json::from_slice(&dump.stdout).expect("json");
    q["id"] = "wide-titles".into();
    q["domains"][0]["title"] = "リスク管理と統制の体制 🙂🙂 with a long tail of words".into();
    q["domains"][1]["title"] = "🚀 領導 Leadership".into();
    let path = dir.join("wide.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&q).expect("json")).expect("write");
    path
}

/// Sets the first `n` questions of an assessment file to `level`.
fn answer_first(file: &Path, n: usize, level: u8) {
    let mut a: Value = serde_json::from_slice(&std::fs::read(file).expect("read")).expect("json");
    let dump: Value = serde_json::from_str(aims_readiness::questionnaire::DEFAULT_JSON).expect("q");
    for q in dump["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .take(n)
    {
        let id = q["id"].as_str().expect("id");
        a["answers"][id] = serde_json::json!({ "level": level });
    }
    std::fs::write(file, serde_json::to_vec_pretty(&a).expect("json")).expect("write");
}

#[test]
fn list_score_and_compare_line_up_with_wide_names() {
    let home = tempfile::tempdir().expect("temp");
    let h = home.path();
    let wide = wide_questionnaire(h);
    let wide_str = wide.to_str().expect("utf-8");
    let mut files = Vec::new();
    for org in ["漢字商事株式会社 グループ 🙂", "🚀🚀 Rocket Labs", "Acme"] {
        let out = run(&["new", "--org", org, "--questionnaire", wide_str], h);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        files.push(PathBuf::from(stdout(&out).trim()));
    }
    answer_first(&files[0], 8, 2);
    answer_first(&files[1], 42, 3);

    let list = stdout(&run(&["list"], h));
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 4, "{list}");
    let answered_end = end_of(lines[0], "ANSWERED");
    let updated_start = end_of(lines[0], "UPDATED") - "UPDATED".len();
    let file_start = end_of(lines[0], "FILE") - "FILE".len();
    for row in &lines[1..] {
        let count = row
            .split_whitespace()
            .find(|w| {
                w.split_once('/')
                    .is_some_and(|(a, b)| a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok())
            })
            .unwrap_or_else(|| panic!("no count in {row:?}"));
        assert_eq!(end_of(row, count), answered_end, "{list}");
        let date = row
            .split_whitespace()
            .find(|w| w.starts_with("20") && w.contains('-'))
            .expect("date");
        assert_eq!(end_of(row, date) - date.len(), updated_start, "{list}");
        let file = row.split_whitespace().last().expect("file");
        assert!(file.ends_with(".json"), "the whole file name: {row}");
        assert_eq!(end_of(row, file) - width(file), file_start, "{list}");
    }

    let score = stdout(&run(&["score", files[0].to_str().expect("utf-8")], h));
    let table: Vec<&str> = score
        .lines()
        .skip_while(|l| !l.starts_with("DOMAIN"))
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(table.len(), 9, "{score}");
    assert!(table.iter().all(|l| width(l) == width(table[0])), "{score}");
    assert!(
        score.contains("リスク管理と統制の体制 🙂🙂 wit…"),
        "{score}"
    );

    let compare = stdout(&run(
        &[
            "compare",
            files[0].to_str().expect("utf-8"),
            files[1].to_str().expect("utf-8"),
        ],
        h,
    ));
    let table: Vec<&str> = compare
        .lines()
        .skip_while(|l| !l.starts_with("DOMAIN"))
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(table.len(), 9, "{compare}");
    assert!(
        table.iter().all(|l| width(l) == width(table[0])),
        "{compare}"
    );
}

/// Every command that takes a FILE takes the bare name `list` prints.
#[test]
fn commands_accept_the_name_that_list_prints() {
    let home = tempfile::tempdir().expect("temp");
    let h = home.path();
    let file = new_acme(h);
    let name = file.file_name().expect("name").to_str().expect("utf-8");
    assert!(stdout(&run(&["list"], h)).contains(name));
    let stem = name.trim_end_matches(".json");
    let elsewhere = tempfile::tempdir().expect("temp");
    for arg in [name, stem] {
        let out = Command::new(BIN)
            .env("AIMS_READINESS_LANG", "en")
            .args(["score", arg])
            .env("AIMS_READINESS_HOME", h)
            .current_dir(elsewhere.path())
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "score {arg}: {out:?}");
        assert!(stdout(&out).starts_with("Acme"), "{out:?}");
    }
    let out_dir = elsewhere.path().join("out");
    let out = run(
        &[
            "export",
            name,
            "--format",
            "json",
            "--baseline",
            stem,
            "--out",
            out_dir.to_str().expect("utf-8"),
        ],
        h,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out_dir.join("results.json").is_file());
    assert_eq!(run(&["compare", stem, name], h).status.code(), Some(0));
    // A name that is nowhere is still reported as typed.
    let missing = run(&["score", "nope.json"], h);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.json"));
}
