//! The store: atomic saves, backups, damaged and newer files, unknown fields, the lock.

use std::fs;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use aims_readiness::assessment::{Answer, Assessment};
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::store::{self, AssessmentLock, Store, StoreError};

fn questionnaire() -> Questionnaire {
    Questionnaire::embedded().expect("embedded")
}

fn sample() -> Assessment {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").expect("date");
    let mut a = Assessment::new(&questionnaire(), now);
    a.meta.organisation = "Acme".into();
    a
}

/// The Unix mode bits (Windows has access lists instead, inherited from the folder).
#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

#[test]
fn save_is_atomic_readers_always_see_a_whole_file() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    let mut a = sample();
    store::create(&path, &a).expect("create");
    let done = Arc::new(AtomicBool::new(false));
    let reader = {
        let (path, done) = (path.clone(), done.clone());
        std::thread::spawn(move || {
            let mut reads = 0;
            while !done.load(Ordering::Relaxed) {
                let bytes = fs::read(&path).expect("the file always exists");
                serde_json::from_slice::<serde_json::Value>(&bytes)
                    .expect("the file always parses");
                reads += 1;
            }
            reads
        })
    };
    for i in 0..200u32 {
        // Notes of varying length so that a torn write would show.
        a.answer_mut("ctx-01").note = "x".repeat((i as usize * 37) % 5000);
        store::save(&path, &a).expect("save");
    }
    done.store(true, Ordering::Relaxed);
    assert!(reader.join().expect("reader") > 0);
    let back = store::read(&path).expect("reads");
    assert_eq!(back, a);
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_previous_version_is_kept_as_a_private_backup() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    let mut a = sample();
    store::create(&path, &a).expect("create");
    let first = fs::read(&path).expect("read");
    a.answer_mut("ctx-01").level = Some(2);
    store::save(&path, &a).expect("save");
    let backup = store::backup_path(&path);
    assert_eq!(fs::read(&backup).expect("backup"), first);
    let second = fs::read(&path).expect("read");
    a.answer_mut("ctx-01").level = Some(3);
    store::save(&path, &a).expect("save");
    assert_eq!(fs::read(&backup).expect("backup"), second);
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
    #[cfg(unix)]
    assert_eq!(mode(&backup), 0o600);
}

#[cfg(unix)]
#[test]
fn an_existing_world_readable_file_becomes_private_on_save() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    let a = sample();
    fs::write(&path, store::to_json(&a)).expect("write");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
    store::save(&path, &a).expect("save");
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
    #[cfg(unix)]
    assert_eq!(mode(&store::backup_path(&path)), 0o600);
}

#[test]
fn a_damaged_file_is_left_untouched_with_an_error_naming_the_backup() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    let mut a = sample();
    store::create(&path, &a).expect("create");
    a.answer_mut("ctx-01").level = Some(2);
    store::save(&path, &a).expect("save"); // makes a backup
    let damaged = b"{\n  \"format_version\": 1,\n  \"answers\": {\"ctx-01\": {\"level\": }}\n}";
    fs::write(&path, damaged).expect("write");
    let err = store::read(&path).expect_err("damaged");
    let message = err.to_string();
    assert!(
        message.contains("acme.json is damaged at line 3, column"),
        "{message}"
    );
    assert!(message.contains("nothing was changed"), "{message}");
    assert!(message.contains("acme.json.bak"), "{message}");
    // Opening for writing is refused the same way, and nothing is written.
    let err = store::open(&path, &questionnaire()).expect_err("refused");
    assert!(matches!(err, StoreError::Damaged { .. }));
    assert_eq!(fs::read(&path).expect("read"), damaged);
}

#[test]
fn a_newer_format_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("future.json");
    let mut v = serde_json::to_value(sample()).expect("value");
    v["format_version"] = 2.into();
    v["hologram"] = "yes".into();
    let bytes = serde_json::to_vec(&v).expect("json");
    fs::write(&path, &bytes).expect("write");
    let err = store::open(&path, &questionnaire()).expect_err("refused");
    assert!(
        matches!(err, StoreError::NewerFormat { found: 2, .. }),
        "{err}"
    );
    let message = err.to_string();
    assert!(
        message.contains("future.json") && message.contains("newer"),
        "{message}"
    );
    assert_eq!(fs::read(&path).expect("read"), bytes);
    assert!(!store::backup_path(&path).exists());
}

#[test]
fn unknown_fields_survive_load_and_save() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    let mut v = serde_json::to_value(sample()).expect("value");
    v["x_custom"] = serde_json::json!({"ticket": "GRC-12"});
    v["meta"]["department"] = "Risk".into();
    v["questionnaire"]["source"] = "internal".into();
    v["answers"] = serde_json::json!({"ctx-01": {"level": 2, "reviewer": "Sam"}});
    v["plan"] = serde_json::json!({"ctx-01": {"owner": "Dana", "status": "open", "budget": 5000}});
    fs::write(&path, serde_json::to_vec(&v).expect("json")).expect("write");
    let mut a = store::read(&path).expect("reads");
    a.answer_mut("ctx-02").level = Some(4);
    store::save(&path, &a).expect("save");
    let saved: serde_json::Value =
        serde_json::from_slice(&fs::read(&path).expect("read")).expect("json");
    assert_eq!(saved["x_custom"]["ticket"], "GRC-12");
    assert_eq!(saved["meta"]["department"], "Risk");
    assert_eq!(saved["questionnaire"]["source"], "internal");
    assert_eq!(saved["answers"]["ctx-01"]["reviewer"], "Sam");
    assert_eq!(saved["plan"]["ctx-01"]["budget"], 5000);
    assert_eq!(saved["answers"]["ctx-02"]["level"], 4);
}

#[test]
fn the_lock_refuses_a_second_writer_and_names_the_holder() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    store::create(&path, &sample()).expect("create");
    let held = AssessmentLock::acquire(&path).expect("first");
    #[cfg(unix)]
    assert_eq!(mode(held.path()), 0o600);
    // flock is per open file: a second acquisition conflicts even in one process.
    let err = AssessmentLock::acquire(&path).expect_err("second is refused");
    match &err {
        StoreError::InUse { pid, .. } => assert_eq!(*pid, Some(std::process::id())),
        other => panic!("{other}"),
    }
    assert!(err.to_string().contains("in use"), "{err}");
    drop(held);
    AssessmentLock::acquire(&path).expect("free again once released");
}

#[test]
fn taking_the_lock_cleans_up_temp_files_left_by_a_crash() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    store::create(&path, &sample()).expect("create");
    let leftover = dir.path().join(".acme.json.Ab12Cd.tmp");
    let unrelated = dir.path().join(".other.json.Zz.tmp");
    fs::write(&leftover, b"{\"half").expect("write");
    fs::write(&unrelated, b"x").expect("write");
    let _lock = AssessmentLock::acquire(&path).expect("lock");
    assert!(!leftover.exists());
    assert!(
        unrelated.exists(),
        "another assessment's files are not ours"
    );
}

#[test]
fn the_data_directory_is_private_and_names_are_unique() {
    let dir = tempfile::tempdir().expect("temp");
    let store = Store::at(dir.path().join("data"));
    store.ensure().expect("ensure");
    #[cfg(unix)]
    assert_eq!(mode(store.root()), 0o700);
    #[cfg(unix)]
    assert_eq!(mode(&store.assessments_dir()), 0o700);
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let first = store.new_assessment_path("Acme Ltd / EU", day);
    assert_eq!(
        first.file_name().expect("name").to_string_lossy(),
        "acme-ltd-eu-2026-11-23.json"
    );
    store::create(&first, &sample()).expect("create");
    let second = store.new_assessment_path("Acme Ltd / EU", day);
    assert!(
        second
            .to_string_lossy()
            .ends_with("acme-ltd-eu-2026-11-23-2.json")
    );
    assert!(matches!(
        store::create(&first, &sample()),
        Err(StoreError::Exists { .. })
    ));
    assert_eq!(store.list().expect("list"), [first]);
}

#[test]
fn answers_that_do_not_fit_the_questionnaire_are_reported_with_paths() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    let mut a = sample();
    a.answers.insert(
        "zz-99".into(),
        Answer {
            level: Some(2),
            ..Answer::default()
        },
    );
    a.answer_mut("ctx-01").level = Some(6);
    a.answer_mut("ctx-02").na = true;
    store::create(&path, &a).expect("create");
    let before = fs::read(&path).expect("read");
    let err = store::open(&path, &questionnaire()).expect_err("mismatch");
    let message = err.to_string();
    for needle in [
        "answers.zz-99",
        "not in the questionnaire",
        "answers.ctx-01.level",
        "level 6",
        "answers.ctx-02.na",
    ] {
        assert!(message.contains(needle), "{needle}: {message}");
    }
    assert_eq!(fs::read(&path).expect("read"), before);
}
