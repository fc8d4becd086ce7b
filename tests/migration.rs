//! Assessments made with questionnaire 1.0.0 (real files, made with the 1.0.0 binary:
//! see tests/fixtures/v1/README.md) open with 2.0.0: nothing the user wrote is lost,
//! split answers are marked to re-check, the old file is kept; custom questionnaires
//! are left alone.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aims_readiness::assessment::Assessment;
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::scoring;
use aims_readiness::store::catalog;
use aims_readiness::store::{self, Store};

const BIN: &str = env!("CARGO_BIN_EXE_aims-readiness");
const FIXTURES: [&str; 3] = ["self-assessment.json", "workshop.json", "plan-owners.json"];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/v1")
        .join(name)
}

/// A data directory holding a copy of one fixture; returns the copy's path.
fn home_with(home: &Path, name: &str) -> PathBuf {
    let dir = home.join("assessments");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    fs::copy(fixture(name), &path).unwrap();
    path
}

fn run(args: &[&str], home: &Path) -> Output {
    Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .args(args)
        .env("AIMS_READINESS_HOME", home)
        .output()
        .expect("the binary runs")
}

fn no_arg() -> Option<&'static std::path::Path> {
    None
}

/// The ids that receive an old id's answer in 2.0.0, and whether it is to re-check.
fn targets(q: &Questionnaire, old: &str) -> (Vec<String>, bool) {
    match q.migrations[0].questions.get(old) {
        Some(ids) => (ids.clone(), true),
        None => (vec![old.to_string()], false),
    }
}

#[test]
fn real_1_0_0_files_open_with_2_0_0_keeping_every_answer_vote_note_and_owner() {
    let q = Questionnaire::embedded().unwrap();
    for name in FIXTURES {
        let tmp = tempfile::tempdir().unwrap();
        let path = home_with(tmp.path(), name);
        let original_bytes = fs::read(&path).unwrap();
        let old: Assessment = store::read(&path).unwrap();
        assert_eq!(old.questionnaire.version, "1.0.0", "{name} is a 1.0.0 file");

        let store = Store::at(tmp.path());
        let opened = catalog::open_to_work(&store, &path, no_arg(), None).unwrap();
        let (report, copy) = opened.migrated.expect("a 1.0.0 file is migrated");
        let new = opened.assessment;
        assert_eq!(new.questionnaire.version, "2.0.0", "{name}");
        assert_eq!(report.from_version, "1.0.0");
        assert!(
            new.mismatches(&q).is_empty(),
            "{name}: {:?}",
            new.mismatches(&q)
        );
        assert!(
            new.retired_answers.is_empty(),
            "{name}: 2.0.0 retires no question"
        );

        // Every answer reaches each of its 2.0.0 questions with everything the user wrote.
        for (id, before) in &old.answers {
            let (ids, mapped) = targets(&q, id);
            for target in &ids {
                let after = &new.answers[target];
                assert_eq!(after.level, before.level, "{name} {id}→{target} level");
                assert_eq!(after.na, before.na, "{name} {id}→{target} N/A");
                assert_eq!(after.note, before.note, "{name} {id}→{target} note");
                assert_eq!(
                    after.evidence, before.evidence,
                    "{name} {id}→{target} evidence"
                );
                assert_eq!(after.votes, before.votes, "{name} {id}→{target} votes");
                assert_eq!(
                    after.participant_notes, before.participant_notes,
                    "{name} {id}→{target} participant notes"
                );
                assert_eq!(
                    (after.flagged, &after.flag_reason),
                    (before.flagged, &before.flag_reason),
                    "{name} {id}→{target} flag"
                );
                assert_eq!(
                    after.consensus_pending, before.consensus_pending,
                    "{name} {id}→{target} consensus"
                );
                assert_eq!(after.recheck, mapped, "{name} {id}→{target} re-check");
            }
        }
        // Owners and statuses follow their question, to each part of a split.
        for (id, before) in &old.plan {
            for target in targets(&q, id).0 {
                assert_eq!(new.plan[&target], *before, "{name} plan {id}→{target}");
            }
        }
        assert_eq!(new.participants, old.participants);
        assert_eq!(new.meta, old.meta);
        assert_eq!(new.targets, old.targets);

        // The file as it was is kept, byte for byte; the migrated file is what was saved.
        assert_eq!(copy, path.with_file_name(format!("{name}.v1.0.0.bak")));
        assert_eq!(fs::read(&copy).unwrap(), original_bytes, "{name}: backup");
        assert_eq!(store::read(&path).unwrap(), new, "{name}: saved");
        let s = scoring::score(&q, &new);
        assert_eq!(s.overall.total, 48);

        // Opening again migrates nothing and writes no second copy.
        let again = catalog::open_to_work(&store, &path, no_arg(), None).unwrap();
        assert!(again.migrated.is_none(), "{name}");
        assert!(!path.with_file_name(format!("{name}.v1.0.0-2.bak")).exists());
    }
}

#[test]
fn the_split_questions_of_the_fixtures_are_marked_on_both_parts() {
    let tmp = tempfile::tempdir().unwrap();
    let path = home_with(tmp.path(), "self-assessment.json");
    let store = Store::at(tmp.path());
    let opened = catalog::open_to_work(&store, &path, no_arg(), None).unwrap();
    let a = &opened.assessment;
    for (old, parts) in [
        ("plan-03", ["plan-03", "plan-07"]),
        ("perf-02", ["perf-02", "perf-05"]),
    ] {
        for part in parts {
            let answer = &a.answers[part];
            assert!(answer.recheck, "{old} → {part}");
            assert_eq!(answer.level, Some(2), "{part}");
            assert_eq!(answer.evidence.len(), 2, "{part} keeps the evidence");
        }
        let (report, _) = opened.migrated.as_ref().unwrap();
        assert!(
            report.split.iter().any(|(o, p)| o == old && p == &parts),
            "{old}"
        );
    }
    // The N/A with its justification stays on the Annex A question.
    assert!(a.answers["ax-03"].na);
    assert!(a.answers["ax-03"].note.contains("only buy AI"));
    // New questions start unanswered.
    for id in ["ops-06", "ops-07", "perf-06"] {
        assert!(!a.answers.contains_key(id), "{id}");
    }
}

#[test]
fn score_and_export_say_once_that_the_file_was_migrated() {
    let tmp = tempfile::tempdir().unwrap();
    let path = home_with(tmp.path(), "workshop.json");
    let file = path.to_str().unwrap();
    let first = run(&["score", file], tmp.path());
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    let err = String::from_utf8_lossy(&first.stderr);
    assert_eq!(
        err.matches("was migrated from questionnaire iso42001-readiness 1.0.0 to 2.0.0")
            .count(),
        1,
        "{err}"
    );
    assert!(err.contains("workshop.json.v1.0.0.bak"), "{err}");
    assert!(String::from_utf8_lossy(&first.stdout).contains("Coverage: 18/48"));
    let second = run(&["score", file], tmp.path());
    assert_eq!(second.status.code(), Some(0));
    assert!(second.stderr.is_empty(), "said once only: {second:?}");

    let path = home_with(tmp.path(), "plan-owners.json");
    let out = tmp.path().join("out");
    let export = run(
        &[
            "export",
            path.to_str().unwrap(),
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
        ],
        tmp.path(),
    );
    assert_eq!(export.status.code(), Some(0), "{export:?}");
    assert!(String::from_utf8_lossy(&export.stderr).contains("was migrated"));
    let results: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("results.json")).unwrap()).unwrap();
    assert_eq!(results["questionnaire"]["version"], "2.0.0");
    let owners: Vec<(&str, &str)> = results["roadmap"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| Some((i["question"].as_str()?, i["owner"].as_str()?)))
        .collect();
    for pair in [
        ("plan-03", "Dana Roy"),
        ("plan-07", "Dana Roy"),
        ("ops-03", "Risk office"),
    ] {
        assert!(owners.contains(&pair), "{pair:?} in {owners:?}");
    }
}

#[test]
fn list_and_compare_read_an_old_file_without_changing_it() {
    let tmp = tempfile::tempdir().unwrap();
    let path = home_with(tmp.path(), "self-assessment.json");
    let before = fs::read(&path).unwrap();
    let list = run(&["list"], tmp.path());
    assert_eq!(list.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&list.stdout).contains("44/48"));
    let store = Store::at(tmp.path());
    let a = catalog::open(&store, &path, no_arg()).unwrap().assessment;
    assert!(a.answers["plan-07"].recheck, "migrated in memory");
    assert_eq!(fs::read(&path).unwrap(), before, "the file is untouched");
    assert!(
        !path
            .with_file_name("self-assessment.json.v1.0.0.bak")
            .exists()
    );
}

/// The 1.0.0 questionnaire saved under another id: a user's own questionnaire.
fn custom_questionnaire(dir: &Path, id: &str) -> PathBuf {
    let mut q: serde_json::Value =
        serde_json::from_slice(&fs::read(fixture("iso42001-1.0.0.json")).unwrap()).unwrap();
    q["id"] = id.into();
    let path = dir.join(format!("{id}.json"));
    fs::write(&path, serde_json::to_vec_pretty(&q).unwrap()).unwrap();
    path
}

#[test]
fn an_assessment_pinned_to_a_custom_questionnaire_is_untouched() {
    // Two ways to pin: a questionnaire of one's own, and a kept copy of the built-in
    // 1.0.0 (made with `new --questionnaire` from a dump of it).
    for id in ["acme-custom", "iso42001-readiness"] {
        let tmp = tempfile::tempdir().unwrap();
        let custom = custom_questionnaire(tmp.path(), id);
        let new = run(
            &[
                "new",
                "--org",
                "Acme",
                "--questionnaire",
                custom.to_str().unwrap(),
            ],
            tmp.path(),
        );
        assert_eq!(new.status.code(), Some(0), "{new:?}");
        let path = PathBuf::from(String::from_utf8_lossy(&new.stdout).trim());
        // Answer plan-03 as the app would.
        let mut a: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        a["answers"]["plan-03"] = serde_json::json!({"level": 2, "note": "our SoA"});
        fs::write(&path, serde_json::to_vec_pretty(&a).unwrap()).unwrap();
        let before = fs::read(&path).unwrap();
        let kept = tmp
            .path()
            .join("questionnaires")
            .join(format!("{id}-1.0.0.json"));
        let kept_before = fs::read(&kept).unwrap();

        let score = run(&["score", path.to_str().unwrap()], tmp.path());
        assert_eq!(score.status.code(), Some(0), "{id}: {score:?}");
        assert!(score.stderr.is_empty(), "{id}: nothing migrated: {score:?}");
        assert!(
            String::from_utf8_lossy(&score.stdout).contains("Coverage: 1/42"),
            "{id}"
        );
        let store = Store::at(tmp.path());
        let opened = catalog::open_to_work(&store, &path, no_arg(), None).unwrap();
        assert!(opened.migrated.is_none(), "{id}");
        assert_eq!(opened.questionnaire.version, "1.0.0", "{id}: the kept copy");
        assert_eq!(opened.questionnaire.questions.len(), 42, "{id}");
        assert!(!opened.assessment.answers["plan-03"].recheck);
        assert_eq!(
            fs::read(&path).unwrap(),
            before,
            "{id}: assessment untouched"
        );
        assert_eq!(
            fs::read(&kept).unwrap(),
            kept_before,
            "{id}: kept copy untouched"
        );
        let backups: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".bak"))
            .collect();
        assert!(backups.is_empty(), "{id}: no backup written");
    }
}

#[test]
fn merging_1_0_0_files_votes_on_both_parts_of_a_split_question() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs: Vec<PathBuf> = [
        "individual-ana.json",
        "individual-ben.json",
        "individual-chloe.json",
    ]
    .iter()
    .map(|n| home_with(tmp.path(), n))
    .collect();
    let before: Vec<Vec<u8>> = inputs.iter().map(|p| fs::read(p).unwrap()).collect();
    let out = tmp.path().join("merged.json");
    let mut args = vec!["merge"];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    args.extend(["--out", out.to_str().unwrap()]);
    let merged = run(&args, tmp.path());
    assert_eq!(merged.status.code(), Some(0), "{merged:?}");
    let a = store::read(&out).unwrap();
    assert_eq!(a.questionnaire.version, "2.0.0");
    for part in ["plan-03", "plan-07", "perf-02", "perf-05"] {
        let answer = &a.answers[part];
        assert_eq!(answer.votes.len(), 3, "{part}: every participant's vote");
        assert!(answer.recheck, "{part}: to re-check");
    }
    assert_eq!(a.answers["plan-07"].participant_notes.len(), 3);
    for (path, bytes) in inputs.iter().zip(before) {
        assert_eq!(fs::read(path).unwrap(), bytes, "inputs are not written");
    }
}

#[test]
fn score_still_works_in_memory_when_the_file_is_open_elsewhere() {
    let tmp = tempfile::tempdir().unwrap();
    let path = home_with(tmp.path(), "self-assessment.json");
    let before = fs::read(&path).unwrap();
    // Another aims-readiness has it open (holds the lock): nothing may be written.
    let lock = store::AssessmentLock::acquire(&path).unwrap();
    let out = run(&["score", path.to_str().unwrap()], tmp.path());
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("carried over in memory only"), "{err}");
    assert!(
        err.contains("in use by another aims-readiness process"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Coverage: 44/48"));
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "untouched while open elsewhere"
    );
    assert!(
        !path
            .with_file_name("self-assessment.json.v1.0.0.bak")
            .exists()
    );
    drop(lock);
    let again = run(&["score", path.to_str().unwrap()], tmp.path());
    assert!(String::from_utf8_lossy(&again.stderr).contains("was migrated"));
}
