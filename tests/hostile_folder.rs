//! A shared folder cannot be turned against its user. Anyone who can write to the
//! folder (a colleague in a group share, a sync tool, a script) plants links, races the
//! saves, leaves special files and hostile values; none of it may make this program
//! overwrite, leak or lose a file. Each test names the attack it replays.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use aims_readiness::assessment::Assessment;
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::store::{self, AssessmentLock, Store, StoreError};
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_aims-readiness");

fn questionnaire() -> Questionnaire {
    Questionnaire::embedded().expect("embedded")
}

fn sample() -> Assessment {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").expect("date");
    let mut a = Assessment::new(&questionnaire(), now);
    a.meta.organisation = "Acme".into();
    a
}

fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o7777
}

/// A file an attacker could read, holding `text`, world-readable.
fn bait(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("attacker-readable.txt");
    fs::write(&path, text).expect("bait");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
    path
}

/// What the binary did, or `None` when it was still running at the deadline (killed).
struct Run {
    code: Option<i32>,
    out: String,
}

/// Runs the binary with a deadline: a program that blocks or runs away fails the test
/// instead of hanging it.
fn run_for(args: &[&str], home: &Path, deadline: Duration) -> Run {
    let log = tempfile::NamedTempFile::new().expect("log");
    let mut child = Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .args(args)
        .env("AIMS_READINESS_HOME", home)
        .stdin(Stdio::null())
        .stdout(log.reopen().expect("log"))
        .stderr(log.reopen().expect("log"))
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code();
        }
        if start.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = String::from_utf8_lossy(&fs::read(log.path()).expect("log")).into_owned();
    Run { code, out }
}

fn run(args: &[&str], home: &Path) -> Run {
    run_for(args, home, Duration::from_secs(60))
}

// 1. A planted lock-file symlink.

#[test]
fn a_symlink_planted_at_the_lock_file_is_never_followed() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    store::create(&path, &sample()).expect("create");
    let victim = bait(dir.path(), "the victim's own file\n");
    symlink(&victim, store::lock_path(&path)).expect("plant");
    let lock = AssessmentLock::acquire(&path).expect("the lock is taken anyway");
    assert_eq!(
        fs::read_to_string(&victim).expect("victim"),
        "the victim's own file\n",
        "the link's target was written"
    );
    assert_eq!(mode(&victim), 0o644, "the link's target was chmod-ed");
    drop(lock);
}

/// The same across two users: `mallory` plants the link in a setgid group folder, the
/// test process (root) opens the assessment. Needs root and `useradd`; skipped with a
/// message otherwise.
#[test]
fn a_lock_symlink_planted_by_another_user_in_a_group_folder_is_never_followed() {
    // SAFETY: geteuid has no preconditions and cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: creating a second user needs root");
        return;
    }
    let user = "aimsmallory";
    let exists = Command::new("id")
        .arg(user)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let created = exists
        || Command::new("useradd")
            .args(["-M", "-N", "-s", "/bin/sh", user])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    if !created {
        eprintln!("skipped: useradd could not create a second user");
        return;
    }
    let dir = tempfile::tempdir().expect("temp");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o2777)).expect("share");
    let path = dir.path().join("acme.json");
    store::create(&path, &sample()).expect("create");
    let victim = bait(dir.path(), "root's file\n");
    let planted = Command::new("runuser")
        .args(["-u", user, "--", "ln", "-s"])
        .arg(&victim)
        .arg(store::lock_path(&path))
        .status()
        .is_ok_and(|s| s.success());
    if !planted {
        eprintln!("skipped: runuser could not act as the second user");
        return;
    }
    let link = fs::symlink_metadata(store::lock_path(&path)).expect("planted");
    assert!(link.file_type().is_symlink());
    assert_ne!(link.uid(), 0, "planted by the other user");
    let lock = AssessmentLock::acquire(&path).expect("the lock is taken anyway");
    assert_eq!(
        fs::read_to_string(&victim).expect("victim"),
        "root's file\n"
    );
    assert_eq!(mode(&victim), 0o644);
    drop(lock);
}

// 2. The backup staging race.

/// A thread plants symlinks to an attacker-readable file at every name a save stages
/// its backup under, as fast as it can, while 300 saves run (bounded to 30 s).
#[test]
fn a_symlink_planting_loop_never_gets_a_save_written_through_it() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    let mut a = sample();
    a.answer_mut("ctx-01").note = "confidential".into();
    store::create(&path, &a).expect("create");
    let target = bait(dir.path(), "");
    let stop = Arc::new(AtomicBool::new(false));
    let plants = Arc::new(AtomicUsize::new(0));
    let planter = {
        let (dir, target, stop, plants) = (
            dir.path().to_path_buf(),
            target.clone(),
            stop.clone(),
            plants.clone(),
        );
        std::thread::spawn(move || {
            let names = [".acme.json.bak.tmp", ".acme.json.lock"];
            while !stop.load(Ordering::Relaxed) {
                for name in names {
                    let at = dir.join(name);
                    let _ = fs::remove_file(&at);
                    if symlink(&target, &at).is_ok() {
                        plants.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
        })
    };
    let start = Instant::now();
    let mut saves = 0;
    for i in 0..300usize {
        if start.elapsed() > Duration::from_secs(30) {
            break;
        }
        a.answer_mut("ctx-01").note = format!("confidential {i}");
        // A save may fail (the planter is busy in the folder); it must never leak.
        if store::save(&path, &a).is_ok() {
            saves += 1;
        }
    }
    stop.store(true, Ordering::Relaxed);
    planter.join().expect("planter");
    assert!(plants.load(Ordering::Relaxed) > 100, "the planter ran");
    assert!(saves > 250, "saves went through: {saves}");
    assert_eq!(
        fs::read_to_string(&target).expect("target"),
        "",
        "a save was written through a planted link"
    );
    assert_eq!(store::read(&path).expect("reads"), a);
}

// 3. An existing data folder keeps its mode.

#[test]
fn pointing_the_data_directory_at_an_existing_shared_folder_keeps_its_mode() {
    for shared in [0o1777, 0o2775, 0o755] {
        let dir = tempfile::tempdir().expect("temp");
        let root = dir.path().join("share");
        fs::create_dir(&root).expect("share");
        fs::set_permissions(&root, fs::Permissions::from_mode(shared)).expect("chmod");
        let store = Store::at(&root);
        store.ensure().expect("ensure");
        assert_eq!(mode(&root), shared, "the folder's mode changed");
        // The folders the program creates are its own: private.
        assert_eq!(mode(&store.assessments_dir()) & 0o777, 0o700);
        assert_eq!(mode(&store.questionnaires_dir()) & 0o777, 0o700);
        // A missing data directory is created private.
        let fresh = Store::at(dir.path().join("fresh/data"));
        fresh.ensure().expect("ensure");
        assert_eq!(mode(fresh.root()) & 0o777, 0o700);
    }
}

// 5. Concurrent creation.

#[test]
fn forty_concurrent_new_runs_for_one_organisation_make_forty_files() {
    let home = tempfile::tempdir().expect("temp");
    Store::at(home.path()).ensure().expect("ensure");
    let children: Vec<_> = (0..40)
        .map(|_| {
            Command::new(BIN)
                .env("AIMS_READINESS_LANG", "en")
                .args(["new", "--org", "Acme"])
                .env("AIMS_READINESS_HOME", home.path())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    let mut printed = Vec::new();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success());
        printed.push(String::from_utf8_lossy(&out.stdout).trim().to_string());
    }
    printed.sort();
    printed.dedup();
    assert_eq!(printed.len(), 40, "each run names its own file");
    let files = fs::read_dir(Store::at(home.path()).assessments_dir())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .count();
    assert_eq!(files, 40, "every run's file survives");
}

// 6. Kept copies of custom questionnaires.

/// A custom questionnaire with the first `questions` questions of the default one.
fn custom(dir: &Path, name: &str, id: &str, version: &str, questions: usize) -> PathBuf {
    let mut v: Value =
        serde_json::from_str(aims_readiness::questionnaire::DEFAULT_JSON).expect("json");
    v["id"] = json!(id);
    v["version"] = json!(version);
    v["domains"] = json!([v["domains"][0].clone()]);
    let first: Vec<Value> = v["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .take(questions)
        .cloned()
        .collect();
    v["questions"] = json!(first);
    // A cut-down copy carries no migrations of the built-in questionnaire.
    v.as_object_mut().expect("object").remove("migrations");
    for key in ["control_objectives", "controls"] {
        v.as_object_mut().expect("object").remove(key);
    }
    let path = dir.join(name);
    fs::write(&path, serde_json::to_vec(&v).expect("json")).expect("write");
    path
}

fn new_with(home: &Path, questionnaire: &Path) -> Run {
    run(
        &[
            "new",
            "--org",
            "Acme",
            "--questionnaire",
            questionnaire.to_str().expect("path"),
        ],
        home,
    )
}

#[test]
fn kept_questionnaire_copies_are_never_replaced_or_confused() {
    let home = tempfile::tempdir().expect("temp");
    let src = tempfile::tempdir().expect("temp");
    // Two ids that a file name cannot tell apart.
    let first = new_with(home.path(), &custom(src.path(), "1.json", "a-b", "c", 2));
    let second = new_with(home.path(), &custom(src.path(), "2.json", "a", "b-c", 3));
    assert_eq!(first.code, Some(0), "{}", first.out);
    assert_eq!(second.code, Some(0), "{}", second.out);
    let score = |file: &str| run(&["score", file.trim()], home.path());
    let (one, two) = (score(&first.out), score(&second.out));
    assert_eq!(one.code, Some(0), "{}", one.out);
    assert!(one.out.contains("0/2"), "{}", one.out);
    assert_eq!(two.code, Some(0), "{}", two.out);
    assert!(two.out.contains("0/3"), "{}", two.out);

    // The same id and version with other content is refused, and says why.
    let edited = new_with(home.path(), &custom(src.path(), "3.json", "a-b", "c", 1));
    assert_eq!(edited.code, Some(1), "{}", edited.out);
    assert!(edited.out.contains("new version"), "{}", edited.out);
    let again = score(&first.out);
    assert!(
        again.out.contains("0/2"),
        "the older assessment keeps its questionnaire"
    );

    // The built-in id and version with other content is refused too.
    let builtin = questionnaire();
    let fake = custom(src.path(), "4.json", &builtin.id, &builtin.version, 2);
    let out = new_with(home.path(), &fake);
    assert_eq!(out.code, Some(1), "{}", out.out);
    assert!(out.out.contains("built-in"), "{}", out.out);
}

// 7. One size limit, on read and on write.

#[test]
fn a_save_that_would_pass_the_read_limit_is_refused_and_the_file_kept() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    let mut a = sample();
    store::create(&path, &a).expect("create");
    let before = fs::read(&path).expect("read");
    a.answer_mut("ctx-01").note = "x".repeat(store::MAX_ASSESSMENT_BYTES as usize);
    let err = store::save(&path, &a).expect_err("refused");
    assert!(err.to_string().contains("limit"), "{err}");
    assert!(err.to_string().contains("acme.json"), "{err}");
    assert_eq!(
        fs::read(&path).expect("read"),
        before,
        "the file is unchanged"
    );
    let err = store::create(&dir.path().join("big.json"), &a).expect_err("refused");
    assert!(err.to_string().contains("limit"), "{err}");
    assert!(!dir.path().join("big.json").exists());
}

#[test]
fn merging_files_into_one_over_the_limit_is_refused_with_nothing_written() {
    let home = tempfile::tempdir().expect("temp");
    let dir = tempfile::tempdir().expect("temp");
    let q = questionnaire();
    let files: Vec<String> = (0..20)
        .map(|i| {
            let mut a = sample();
            // 1 MB of notes each, spread over questions: under the limit alone.
            for question in q.questions.iter().take(10) {
                a.answer_mut(&question.id).note = format!("{i}").repeat(100_000);
            }
            let path = dir.path().join(format!("p{i}.json"));
            store::create(&path, &a).expect("create");
            path.to_string_lossy().into_owned()
        })
        .collect();
    let out = dir.path().join("merged.json");
    let mut args: Vec<&str> = vec!["merge"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--out", out.to_str().expect("path")]);
    let merged = run(&args, home.path());
    assert_eq!(merged.code, Some(1), "{}", merged.out);
    assert!(merged.out.contains("limit"), "{}", merged.out);
    assert!(!out.exists(), "no file the program would refuse to read");
}

// 8. Special files: never block, never read without bound.

#[test]
fn a_device_given_as_an_assessment_or_questionnaire_is_refused_at_once() {
    let home = tempfile::tempdir().expect("temp");
    let score = run_for(&["score", "/dev/zero"], home.path(), Duration::from_secs(5));
    assert_eq!(score.code, Some(1), "finished with an error: {}", score.out);
    assert!(score.out.contains("not a regular file"), "{}", score.out);
    let validate = run_for(
        &["questionnaire", "validate", "/dev/zero"],
        home.path(),
        Duration::from_secs(5),
    );
    assert_eq!(validate.code, Some(1), "{}", validate.out);
    assert!(
        validate.out.contains("not a regular file"),
        "{}",
        validate.out
    );
}

#[test]
fn a_questionnaire_over_the_limit_is_refused() {
    let dir = tempfile::tempdir().expect("temp");
    let big = dir.path().join("big.json");
    let mut text = vec![b' '; store::MAX_QUESTIONNAIRE_BYTES as usize + 1];
    text.extend_from_slice(b"{}");
    fs::write(&big, text).expect("write");
    let err = aims_readiness::store::load_questionnaire(&big).expect_err("refused");
    assert!(err.to_string().contains("big.json"), "{err}");
    assert!(err.to_string().contains("limit"), "{err}");
}

#[test]
fn a_fifo_in_the_assessments_folder_never_blocks_list() {
    let home = tempfile::tempdir().expect("temp");
    let store = Store::at(home.path());
    store.ensure().expect("ensure");
    store::create(&store.assessments_dir().join("acme.json"), &sample()).expect("create");
    let fifo = store.assessments_dir().join("trap.json");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    assert!(made, "mkfifo");
    let list = run_for(&["list"], home.path(), Duration::from_secs(10));
    assert_eq!(list.code, Some(0), "list finished: {}", list.out);
    assert!(list.out.contains("acme.json"), "{}", list.out);
    assert!(list.out.contains("trap.json"), "{}", list.out);
    assert!(list.out.contains("not a regular file"), "{}", list.out);
}

// 9. The lock cannot be taken away by removing a file.

#[test]
fn removing_the_lock_file_does_not_let_a_second_writer_in() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    store::create(&path, &sample()).expect("create");
    let held = AssessmentLock::acquire(&path).expect("first");
    let _ = fs::remove_file(store::lock_path(&path));
    match AssessmentLock::acquire(&path) {
        Err(StoreError::InUse { .. }) => {}
        other => panic!("a second writer got in: {other:?}"),
    }
    drop(held);
    // Other tests of this binary spawn processes: until a child execs, it briefly
    // shares our open files, and with them the lock just released. Retry a little.
    let start = Instant::now();
    while let Err(StoreError::InUse { .. }) = AssessmentLock::acquire(&path) {
        assert!(start.elapsed() < Duration::from_secs(5), "never freed");
        std::thread::sleep(Duration::from_millis(20));
    }
}

// 10. Hostile values.

#[test]
fn time_values_beyond_ten_years_are_refused_on_load_with_their_path() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    let mut a = sample();
    a.answer_mut("ctx-01").seconds_spent = i64::MAX as u64;
    store::create(&path, &a).expect("create");
    let read = store::read(&path).expect("parses");
    let err = store::check_fits(&path, &read, &questionnaire()).expect_err("refused");
    assert!(
        err.to_string().contains("answers.ctx-01.seconds_spent"),
        "{err}"
    );
}

// 13. An assessment reached through a symbolic link.

#[test]
fn an_assessment_behind_a_symlink_is_refused_for_writing_and_names_the_target() {
    let dir = tempfile::tempdir().expect("temp");
    let real = dir.path().join("real.json");
    store::create(&real, &sample()).expect("create");
    let link = dir.path().join("link.json");
    symlink(&real, &link).expect("link");
    let before = fs::read(&real).expect("read");
    let err = AssessmentLock::acquire(&link).expect_err("refused");
    assert!(err.to_string().contains("real.json"), "{err}");
    let err = store::save(&link, &sample()).expect_err("refused");
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&real).expect("read"), before);
    // Reading through the link is harmless and still works.
    store::read(&link).expect("reads");
}

/// The lock moves with the file on every save: no moment of a save leaves the
/// assessment's name unlocked, and a second process stays out across saves.
#[test]
fn the_lock_holds_across_saves_and_a_replaced_file_is_never_saved_over() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    let mut a = sample();
    store::create(&path, &a).expect("create");
    let mut held = AssessmentLock::acquire(&path).expect("first");
    for i in 0..5 {
        a.answer_mut("ctx-01").note = format!("save {i}");
        held.save(&a).expect("save");
        assert!(
            matches!(
                AssessmentLock::acquire(&path),
                Err(StoreError::InUse { pid: Some(_), .. })
            ),
            "a second writer got in after save {i}"
        );
    }
    assert_eq!(held.read().expect("reads"), a);
    assert_eq!(
        store::read(&store::backup_path(&path))
            .expect("backup")
            .answer("ctx-01")
            .map(|x| x.note.clone()),
        Some("save 3".to_string())
    );

    // A tool replaced the file and nobody holds the new one: the holder takes it over.
    let mut theirs = sample();
    theirs.meta.scope = "synced".into();
    store::write_atomic(&path, &store::to_json(&theirs), store::Mode::Private).expect("swap");
    a.answer_mut("ctx-01").note = "after the swap".into();
    held.save(&a).expect("taken over");
    assert!(AssessmentLock::acquire(&path).is_err(), "still locked");

    // Replaced again, and another process opened the new file: nothing is saved over it.
    store::write_atomic(&path, &store::to_json(&theirs), store::Mode::Private).expect("swap");
    let other = AssessmentLock::acquire(&path).expect("the other process");
    a.answer_mut("ctx-01").note = "lost?".into();
    let err = held.save(&a).expect_err("refused");
    assert!(matches!(err, StoreError::Replaced { .. }), "{err}");
    assert_eq!(store::read(&path).expect("reads"), theirs);
    drop(other);
}

// 4. Deleting is recoverable.

#[test]
fn deleting_moves_the_assessment_and_its_backup_to_the_trash() {
    let home = tempfile::tempdir().expect("temp");
    let store = Store::at(home.path());
    let path = store.create_assessment(&sample()).expect("create");
    store::save(&path, &sample()).expect("a save makes a backup");
    let content = fs::read(&path).expect("read");
    let held = AssessmentLock::acquire(&path).expect("lock");
    assert!(
        matches!(store.move_to_trash(&path), Err(StoreError::InUse { .. })),
        "an open assessment is not deleted"
    );
    drop(held);
    // Other tests of this binary spawn processes: until a child execs, it briefly
    // shares our open files, and with them the lock just released. Retry a little.
    let start = Instant::now();
    let moved = loop {
        match store.move_to_trash(&path) {
            Err(StoreError::InUse { .. }) if start.elapsed() < Duration::from_secs(5) => {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => break other.expect("deleted"),
        }
    };
    assert!(!path.exists() && !store::backup_path(&path).exists());
    assert!(moved.starts_with(store.trash_dir()));
    assert_eq!(fs::read(&moved).expect("kept in the trash"), content);
    assert_eq!(store.list().expect("list"), Vec::<PathBuf>::new());
    let trashed = fs::read_dir(store.trash_dir()).expect("trash").count();
    assert_eq!(trashed, 2, "the assessment and its backup");
}

// 16. A file-size limit makes a write fail, it does not kill the program.

#[test]
fn a_file_size_limit_gives_an_error_not_a_kill() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("q.json");
    let run = Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 8 && exec \"$0\" questionnaire dump --out \"$1\"")
        .arg(BIN)
        .arg(&out)
        .env("AIMS_READINESS_HOME", dir.path())
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "killed? {:?} {err}", run.status);
    assert!(err.contains("q.json"), "{err}");
    assert!(!out.exists(), "no partial file under the name");
}

// 19. Duplicate keys in a questionnaire.

#[test]
fn a_questionnaire_with_a_duplicate_key_is_refused() {
    let text =
        aims_readiness::questionnaire::DEFAULT_JSON.replacen("{", "{\n  \"id\": \"decoy\",", 1);
    let err = Questionnaire::from_json(&text, "dup.json").expect_err("refused");
    assert!(err.to_string().contains("duplicate key \"id\""), "{err}");
}

// 21. `~` in a typed folder, wide characters in `list`.

#[test]
fn a_typed_home_folder_is_expanded_like_a_shell_does() {
    let home = Path::new("/home/dana");
    assert_eq!(
        store::expand_home(Path::new("~/exports"), Some(home)),
        Path::new("/home/dana/exports")
    );
    assert_eq!(store::expand_home(Path::new("~"), Some(home)), home);
    assert_eq!(
        store::expand_home(Path::new("~other/x"), Some(home)),
        Path::new("~other/x")
    );
    assert_eq!(
        store::expand_home(Path::new("out/~"), Some(home)),
        Path::new("out/~")
    );
}

#[test]
fn list_aligns_wide_organisation_names() {
    let home = tempfile::tempdir().expect("temp");
    let store = Store::at(home.path());
    for org in ["Acme", "株式会社テスト"] {
        let mut a = sample();
        a.meta.organisation = org.into();
        store.create_assessment(&a).expect("create");
    }
    let list = run(&["list"], home.path());
    assert_eq!(list.code, Some(0), "{}", list.out);
    let columns: Vec<usize> = list
        .out
        .lines()
        .skip(1)
        .map(|line| {
            let at = line.find('/').expect("an answered count");
            aims_readiness::text::str_width(&line[..at])
        })
        .collect();
    assert_eq!(columns.len(), 2, "{}", list.out);
    assert_eq!(columns[0], columns[1], "misaligned:\n{}", list.out);
}

// 14. Unknown fields keep their numbers exactly.

#[test]
fn numbers_in_unknown_fields_survive_a_save_exactly() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    store::create(&path, &sample()).expect("create");
    let mut value: Value = serde_json::from_slice(&fs::read(&path).expect("read")).expect("json");
    let text = serde_json::to_string(&value).expect("json");
    let text = text.replacen(
        "{",
        r#"{"big":123456789012345678901234567890,"minus_zero":-0,"price":2.50,"#,
        1,
    );
    fs::write(&path, &text).expect("write");
    let a = store::read(&path).expect("reads");
    store::save(&path, &a).expect("saves");
    let saved = fs::read_to_string(&path).expect("read");
    for kept in [
        "\"big\": 123456789012345678901234567890",
        "\"minus_zero\": -0",
        "\"price\": 2.50",
    ] {
        assert!(saved.contains(kept), "{kept} in {saved}");
    }
    value = serde_json::from_str(&saved).expect("json");
    assert_eq!(value["format_version"], 1);
}
