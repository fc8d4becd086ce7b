//! File modes under different umasks: assessment, backup, lock and questionnaire copies
//! are 0600 in 0700 folders whatever the umask; exports follow the user's umask.
//!
//! umask is per process, so each case runs this test binary again under `sh -c umask`.
//! Windows has no modes or umask (files inherit the folder's access list).
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use aims_readiness::assessment::Assessment;
use aims_readiness::export::{self, Format, Report};
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::store::{self, AssessmentLock, Store};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// Child: everything the app writes, under the umask the parent set.
#[test]
fn child_writes_everything() {
    let Some(root) = std::env::var_os("AIMS_PERM_ROOT").map(PathBuf::from) else {
        return;
    };
    let q = Questionnaire::embedded().expect("embedded");
    let store = Store::at(root.join("data"));
    store.ensure().expect("ensure");
    let now = chrono::Local::now().fixed_offset();
    let mut a = Assessment::new(&q, now);
    let path = store.new_assessment_path("Acme", now.date_naive());
    store::create(&path, &a).expect("create");
    let _lock = AssessmentLock::acquire(&path).expect("lock");
    a.answer_mut("ctx-01").level = Some(2);
    store::save(&path, &a).expect("save");
    store.keep_questionnaire(&q).expect("keep a copy");
    // An existing world-readable assessment, saved again.
    let old = root.join("old.json");
    std::fs::write(&old, store::to_json(&a)).expect("write");
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    store::save(&old, &a).expect("save over 0644");
    let report = Report::new(&q, &a, now.date_naive(), now);
    export::write_all(&report, &[Format::Json], &root.join("out"), false).expect("export");
    println!("child wrote {}", path.display());
}

fn run_under(umask: &str) -> PathBuf {
    let root = tempfile::tempdir().expect("temp").keep();
    let exe = std::env::current_exe().expect("exe");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask {umask}; exec \"$0\" --exact child_writes_everything --nocapture"
        ))
        .arg(exe)
        .env("AIMS_PERM_ROOT", &root)
        .output()
        .expect("sh");
    assert!(out.status.success(), "{out:?}");
    root
}

fn check_private(root: &Path) {
    let data = root.join("data");
    for dir in [
        data.clone(),
        data.join("assessments"),
        data.join("questionnaires"),
    ] {
        assert_eq!(mode(&dir), 0o700, "{}", dir.display());
    }
    let mut files = 0;
    for entry in std::fs::read_dir(data.join("assessments")).expect("dir") {
        let p = entry.expect("entry").path();
        assert_eq!(mode(&p), 0o600, "{}", p.display());
        files += 1;
    }
    assert_eq!(files, 3, "assessment, backup and lock");
    for entry in std::fs::read_dir(data.join("questionnaires")).expect("dir") {
        let p = entry.expect("entry").path();
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
    assert_eq!(mode(&root.join("old.json")), 0o600, "an existing 0644 file");
    assert_eq!(mode(&root.join("old.json.bak")), 0o600, "its backup");
}

#[test]
fn private_files_whatever_the_umask_and_exports_follow_it() {
    if std::env::var_os("AIMS_PERM_ROOT").is_some() {
        return;
    }
    for (umask, export_mode) in [("000", 0o666), ("022", 0o644), ("077", 0o600)] {
        let root = run_under(umask);
        check_private(&root);
        assert_eq!(
            mode(&root.join("out/results.json")),
            export_mode,
            "exports follow umask {umask}"
        );
        std::fs::remove_dir_all(&root).expect("clean up");
    }
}
