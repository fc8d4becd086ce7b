//! Writing exports: refusal without --force, symlinks replaced with their targets
//! untouched, format subsets, and the real binary (export, --size, --baseline,
//! compare) on a machine that has no fonts.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aims_readiness::export::{self, ExportError, Format, Report};
use aims_readiness::store::{self, StoreError};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_aims-readiness");

#[test]
fn existing_file_is_refused_without_force_and_nothing_is_written() {
    let q = common::questionnaire(3, 2);
    let a = common::assessment(&q, common::varied);
    let report = Report::new(&q, &a, common::start(), common::now());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("roadmap.csv"), "mine").unwrap();
    let err = export::write_all(&report, &Format::ALL, dir.path(), false).unwrap_err();
    match err {
        ExportError::Store(StoreError::Exists { path }) => {
            assert_eq!(path, dir.path().join("roadmap.csv"))
        }
        other => panic!("unexpected {other}"),
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("roadmap.csv")).unwrap(),
        "mine"
    );
    assert!(!dir.path().join("radar.png").exists(), "nothing written");

    let written = export::write_all(&report, &Format::ALL, dir.path(), true).unwrap();
    assert_eq!(written.len(), Format::ALL.len());
    assert_ne!(
        std::fs::read_to_string(dir.path().join("roadmap.csv")).unwrap(),
        "mine"
    );
}

#[cfg(unix)] // Windows symlinks need a privilege most users lack.
#[test]
fn symlink_is_replaced_and_its_target_untouched() {
    let q = common::questionnaire(3, 2);
    let a = common::assessment(&q, common::varied);
    let report = Report::new(&q, &a, common::start(), common::now());
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("precious.txt");
    std::fs::write(&elsewhere, "keep me").unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let link = out.join("report.md");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();

    // A symlink counts as an existing file.
    assert!(export::write_all(&report, &[Format::Md], &out, false).is_err());
    export::write_all(&report, &[Format::Md], &out, true).unwrap();
    assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "keep me");
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_file(), "the link became a regular file");
    assert!(
        std::fs::read_to_string(&link)
            .unwrap()
            .starts_with("# Maturity report")
    );
}

#[test]
fn a_subset_writes_only_its_files() {
    let q = common::questionnaire(3, 2);
    let a = common::assessment(&q, common::varied);
    let report = Report::new(&q, &a, common::start(), common::now());
    let dir = tempfile::tempdir().unwrap();
    let written =
        export::write_all(&report, &[Format::Csv, Format::Oscal], dir.path(), false).unwrap();
    let names: Vec<_> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["roadmap.csv", "assessment-results.oscal.json"]);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

/// Runs the binary with a bare environment: no HOME, no font configuration.
fn run_bare(args: &[&str], home: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .env_clear()
        .env("AIMS_READINESS_HOME", home)
        .env("HOME", "/nonexistent")
        .env("XDG_DATA_DIRS", "/nonexistent")
        .env("XDG_DATA_HOME", "/nonexistent")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("FONTCONFIG_PATH", "/nonexistent")
        .env("FONTCONFIG_FILE", "/nonexistent/fonts.conf")
        .output()
        .unwrap()
}

fn save(home: &Path, name: &str, a: &aims_readiness::assessment::Assessment) -> PathBuf {
    let dir = home.join("assessments");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, store::to_json(a)).unwrap();
    path
}

fn questionnaire_file(home: &Path, q: &aims_readiness::questionnaire::Questionnaire) -> PathBuf {
    let path = home.join("fixture-questionnaire.json");
    std::fs::write(&path, q.to_json()).unwrap();
    path
}

#[test]
fn binary_renders_the_chart_without_any_installed_font() {
    let home = tempfile::tempdir().unwrap();
    let q = common::questionnaire(8, 2);
    let a = common::assessment(&q, common::varied);
    let file = save(home.path(), "a.json", &a);
    let qfile = questionnaire_file(home.path(), &q);
    let out = home.path().join("out");
    let o = run_bare(
        &[
            "export",
            file.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--format",
            "png,html",
            "--size",
            "900",
            "--questionnaire",
            qfile.to_str().unwrap(),
        ],
        home.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let printed = String::from_utf8(o.stdout).unwrap();
    assert_eq!(printed.lines().count(), 2, "the paths written are printed");
    let img = image::open(out.join("radar.png")).unwrap().to_rgb8();
    assert_eq!(img.dimensions(), (900, 900));
    // Text was drawn: dark title pixels in the top band.
    let dark = (0..900)
        .flat_map(|x| (0..80).map(move |y| (x, y)))
        .filter(|&(x, y)| img.get_pixel(x, y).0.iter().all(|&c| c < 80))
        .count();
    assert!(dark > 100, "no title text drawn ({dark} dark pixels)");

    let bad = run_bare(
        &["export", file.to_str().unwrap(), "--size", "12"],
        home.path(),
    );
    assert_eq!(
        bad.status.code(),
        Some(2),
        "size out of range is a usage error"
    );
}

#[test]
fn baseline_and_compare_through_the_binary() {
    let home = tempfile::tempdir().unwrap();
    let mut q = common::questionnaire(3, 2);
    q.domains[1].title = "Lead\u{1b}[31mership".into();
    let old = common::assessment(&q, |_, _| Some(1));
    let new = common::assessment(&q, |d, j| Some((d + j) as u8 + 2));
    let old_file = save(home.path(), "old.json", &old);
    let new_file = save(home.path(), "new.json", &new);
    let qfile = questionnaire_file(home.path(), &q);
    let (o, n, qf) = (
        old_file.to_str().unwrap(),
        new_file.to_str().unwrap(),
        qfile.to_str().unwrap(),
    );

    let table = run_bare(&["compare", o, n, "--questionnaire", qf], home.path());
    assert_eq!(table.status.code(), Some(0), "{table:?}");
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}'),
        "escape reached the terminal: {text:?}"
    );
    assert!(text.contains("Overall: 1.0 → 3.7 (+2.7)"), "{text}");
    assert!(text.contains("Changed answers (6)"), "{text}");

    let json = run_bare(
        &["compare", o, n, "--json", "--questionnaire", qf],
        home.path(),
    );
    assert_eq!(json.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["domains"][0]["before"], 1.0);
    // Context: levels 2 and 3 with weights 1 and 2 score 8/3.
    let delta = v["domains"][0]["delta"].as_f64().unwrap();
    assert!((delta - (8.0 / 3.0 - 1.0)).abs() < 1e-9, "{delta}");
    assert_eq!(
        v["questions"][0]["before"],
        serde_json::json!({"state": "level", "level": 1})
    );

    let out = home.path().join("out");
    let e = run_bare(
        &[
            "export",
            n,
            "--baseline",
            o,
            "--out",
            out.to_str().unwrap(),
            "--format",
            "md",
            "--questionnaire",
            qf,
            "--start",
            "2026-03-02",
        ],
        home.path(),
    );
    assert_eq!(e.status.code(), Some(0), "{e:?}");
    let md = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.contains("## Progress since the baseline"));
    assert!(md.contains("| Context | 1.0 | 2.7 | +1.7 | 3 |"), "{md}");

    // Exporting again without --force is refused and says which file.
    let again = run_bare(
        &[
            "export",
            n,
            "--out",
            out.to_str().unwrap(),
            "--format",
            "md",
            "--questionnaire",
            qf,
        ],
        home.path(),
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("report.md"));
}
