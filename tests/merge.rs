//! `aims-readiness merge`: the pure merge and the real binary.

use std::fs;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aims_readiness::assessment::{Answer, Assessment, NaMarker, Vote};
use aims_readiness::merge::{self, MergeError, MergeInput, unique_names};
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::store;
use aims_readiness::workshop::{self, Consensus};
use chrono::{DateTime, FixedOffset};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").expect("date")
}

fn q() -> Questionnaire {
    Questionnaire::embedded().expect("embedded")
}

fn level(l: u8) -> Answer {
    Answer {
        level: Some(l),
        ..Answer::default()
    }
}

fn na(note: &str) -> Answer {
    Answer {
        na: true,
        note: note.into(),
        ..Answer::default()
    }
}

/// Three people's individual assessments:
/// - ctx-01: 1, 3, 5 (divergent, spread 4)
/// - ctx-02: 2, (missing), 4 (spread 2)
/// - ctx-03: 3, 3, 3 (agreement), notes from two people, overlapping evidence
/// - ax-03: N/A, N/A, 2 (N/A majority)
/// - ax-05: N/A, 4, 4 (N/A minority)
/// - lead-01: flagged by Lee with a reason, unanswered by all
fn three() -> Vec<(String, Assessment)> {
    let q = q();
    let mut out = Vec::new();
    for (file, assessor) in [("dana", "Dana"), ("lee", "Lee"), ("sam", "")] {
        let mut a = Assessment::new(&q, now());
        a.meta.organisation = "Acme".into();
        if !assessor.is_empty() {
            a.meta.assessors = vec![assessor.into(), "Someone else".into()];
        }
        let (c1, c2, ax1, ax2) = match file {
            "dana" => (1, Some(2), na("We do not train models"), na("Excluded")),
            "lee" => (3, None, na("No training"), level(4)),
            _ => (5, Some(4), level(2), level(4)),
        };
        a.answers.insert("ctx-01".into(), level(c1));
        if let Some(l) = c2 {
            a.answers.insert("ctx-02".into(), level(l));
        }
        a.answers.insert("ax-03".into(), ax1);
        a.answers.insert("ax-05".into(), ax2);
        let mut c3 = level(3);
        c3.evidence = vec![
            "AIMS scope statement v2".into(),
            format!("{file} interview"),
        ];
        if file != "lee" {
            c3.note = format!("note from {file}");
        }
        a.answers.insert("ctx-03".into(), c3);
        if file == "lee" {
            a.answers.insert(
                "lead-01".into(),
                Answer {
                    flagged: true,
                    flag_reason: "Ask the board".into(),
                    ..Answer::default()
                },
            );
        }
        out.push((file.to_string(), a));
    }
    out
}

fn inputs(list: Vec<(String, Assessment)>) -> Vec<MergeInput> {
    list.into_iter()
        .map(|(file, assessment)| {
            MergeInput::new(PathBuf::from(format!("/in/{file}.json")), assessment)
        })
        .collect()
}

#[test]
fn merge_three_people() {
    let q = q();
    let m = merge::merge(&q, &inputs(three()), now()).expect("merged");
    assert_eq!(
        m.participants,
        ["Dana", "Lee", "sam"],
        "first assessor, else file stem"
    );
    assert_eq!(m.meta.organisation, "Acme");

    let ans = |id: &str| m.answer(id).expect(id);
    let v = |l: u8| Vote::Level(l);
    let nav = Vote::NotApplicable(NaMarker::Na);

    // Conflicting levels: all three votes, lower median proposed, unconfirmed.
    let c1 = ans("ctx-01");
    assert_eq!(
        c1.votes.values().copied().collect::<Vec<_>>(),
        [v(1), v(3), v(5)]
    );
    assert_eq!((c1.level, c1.consensus_pending), (Some(3), true));
    // A missing answer casts no vote: 2 and 4 → lower median 2.
    let c2 = ans("ctx-02");
    assert_eq!(c2.votes.keys().collect::<Vec<_>>(), ["Dana", "sam"]);
    assert_eq!(c2.level, Some(2));
    // Notes attributed, evidence merged without duplicates.
    let c3 = ans("ctx-03");
    let notes: Vec<(&str, &str)> = c3
        .participant_notes
        .iter()
        .map(|n| (n.by.as_str(), n.text.as_str()))
        .collect();
    assert_eq!(
        notes,
        [("Dana", "note from dana"), ("sam", "note from sam")]
    );
    assert_eq!(
        c3.evidence,
        [
            "AIMS scope statement v2",
            "dana interview",
            "lee interview",
            "sam interview"
        ]
    );
    assert!(c3.note.is_empty());
    // N/A votes: a majority proposes N/A, a minority is outvoted.
    let a1 = ans("ax-03");
    assert_eq!(a1.votes["Dana"], nav);
    assert_eq!(a1.votes["sam"], v(2));
    assert_eq!((a1.na, a1.level, a1.consensus_pending), (true, None, true));
    assert_eq!(a1.participant_notes.len(), 2, "N/A justifications kept");
    let a2 = ans("ax-05");
    assert_eq!((a2.na, a2.level), (false, Some(4)));
    // Flags kept with attributed reasons; no votes, so nothing proposed.
    let l1 = ans("lead-01");
    assert!(l1.flagged);
    assert_eq!(l1.flag_reason, "Lee: Ask the board");
    assert_eq!((l1.level, l1.consensus_pending), (None, false));
    // Questions nobody touched stay absent.
    assert!(m.answer("ctx-05").is_none());
    assert!(m.mismatches(&q).is_empty());

    let agenda = workshop::agenda(&q, &m);
    let first: Vec<&str> = agenda.iter().take(3).map(|i| i.question.as_str()).collect();
    assert_eq!(
        first,
        ["ctx-01", "ctx-02", "ax-03"],
        "spread 4, spread 2, disputed N/A"
    );
    assert_eq!(agenda[3].question, "ax-05");
    // Confirming works on the merged file.
    let mut m = m;
    let ctx1 = q.question("ctx-01").expect("q");
    assert_eq!(
        workshop::confirm_consensus(&mut m, ctx1, now()),
        Ok(Consensus::Level(3))
    );
}

#[test]
fn name_collisions_become_unique() {
    let names = |v: &[&str]| unique_names(v.iter().map(|s| s.to_string()).collect());
    assert_eq!(
        names(&["Dana", "Dana", "Lee", "Dana"]),
        ["Dana", "Dana (2)", "Lee", "Dana (3)"]
    );
    // A generated name never takes one that a later or earlier file really has.
    assert_eq!(
        names(&["Dana (2)", "Dana", "Dana"]),
        ["Dana (2)", "Dana", "Dana (3)"]
    );

    // Names made from file names are made unique; they never take a name a file gives.
    let mut people = three();
    people[0].1.meta.assessors.clear();
    people[0].0 = "sam".into();
    let m = merge::merge(&q(), &inputs(people), now()).expect("merged");
    assert_eq!(m.participants, ["sam", "Lee", "sam (2)"]);
    assert_eq!(m.answer("ctx-01").expect("a").votes["sam"], Vote::Level(1));
    assert_eq!(
        m.answer("ctx-01").expect("a").votes["sam (2)"],
        Vote::Level(5)
    );
    // A file that names Lee as the first assessor also stands for Lee (any case): the
    // same person twice is refused, so their votes never count twice.
    let mut people = three();
    people[2].1.meta.assessors = vec![" lee ".into()];
    let e = merge::merge(&q(), &inputs(people), now()).expect_err("the same person twice");
    let message = e.to_string();
    assert!(
        message.contains("/in/lee.json and /in/sam.json both hold the answers of lee;"),
        "{message}"
    );
}

#[test]
fn different_questionnaires_are_refused() {
    let mut people = three();
    people[2].1.questionnaire.version = "0.9.0".into();
    let err = merge::merge(&q(), &inputs(people), now()).expect_err("refused");
    assert!(matches!(err, MergeError::DifferentQuestionnaire { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("/in/sam.json") && msg.contains("/in/dana.json"),
        "{msg}"
    );
    assert!(msg.contains("0.9.0"), "{msg}");
    assert!(matches!(
        merge::merge(&q(), &[], now()),
        Err(MergeError::NoFiles)
    ));
}

// ----- the real binary -----

struct Env {
    home: tempfile::TempDir,
    work: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Env {
            home: tempfile::tempdir().expect("home"),
            work: tempfile::tempdir().expect("work"),
        }
    }

    fn write(&self, name: &str, a: &Assessment) -> PathBuf {
        let path = self.work.path().join(format!("{name}.json"));
        fs::write(&path, store::to_json(a)).expect("write input");
        path
    }

    fn run(&self, args: &[&Path]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_aims-readiness"))
            .env("AIMS_READINESS_LANG", "en")
            .arg("merge")
            .args(args)
            .env("AIMS_READINESS_HOME", self.home.path())
            .current_dir(self.work.path())
            .output()
            .expect("runs")
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn binary_merges_three_files_and_prints_the_agenda() {
    let env = Env::new();
    let mut people = three();
    people[0].1.meta.assessors = vec!["Dana \u{1b}]0;pwned\u{7}".into()];
    let files: Vec<PathBuf> = people.iter().map(|(f, a)| env.write(f, a)).collect();
    let out = env.work.path().join("workshop.json");
    let mut args: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    args.extend([Path::new("--out"), out.as_path()]);
    let o = env.run(&args);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", text(&o.stderr));
    let stdout = text(&o.stdout);
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
    assert!(stdout.contains("Merged 3 assessments"), "{stdout}");
    let agenda: Vec<&str> = stdout
        .lines()
        .skip_while(|l| !l.starts_with("Discussion agenda"))
        .skip(1)
        .collect();
    assert!(
        agenda[0].contains("ctx-01") && agenda[0].contains("divergent"),
        "{stdout}"
    );
    assert!(
        agenda[0].contains("votes 1–5") && agenda[0].contains("proposed 3"),
        "{stdout}"
    );
    assert!(
        agenda[1].contains("ctx-02") && agenda[1].contains("divergent"),
        "{stdout}"
    );
    assert_eq!(agenda.len(), 48, "nothing is confirmed yet: {stdout}");

    let written = store::read(&out).expect("written file parses");
    assert_eq!(written.participants.len(), 3);
    assert_eq!(written.participants[1..], ["Lee", "sam"]);
    let c1 = written.answer("ctx-01").expect("ctx-01");
    assert_eq!(
        (c1.level, c1.consensus_pending, c1.votes.len()),
        (Some(3), true, 3)
    );
    assert!(written.answer("ax-03").expect("ax-03").na);
    assert!(written.mismatches(&q()).is_empty());
    #[cfg(unix)]
    assert_eq!(
        fs::metadata(&out).expect("meta").permissions().mode() & 0o777,
        0o600
    );

    // --out exists: refused without --force, the file untouched.
    let before = fs::read(&out).expect("read");
    let o = env.run(&args);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("workshop.json") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read(&out).expect("read"), before);
    // With --force it is replaced and the old one kept as the backup.
    let mut forced = args.clone();
    forced.push(Path::new("--force"));
    let o = env.run(&forced);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", text(&o.stderr));
    assert_eq!(fs::read(store::backup_path(&out)).expect("backup"), before);
}

#[test]
fn binary_refuses_mismatched_and_damaged_files() {
    let env = Env::new();
    let mut people = three();
    people[1].1.questionnaire.id = "other-questionnaire".into();
    let files: Vec<PathBuf> = people.iter().map(|(f, a)| env.write(f, a)).collect();
    let out = env.work.path().join("workshop.json");
    let mut args: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    args.extend([Path::new("--out"), out.as_path()]);
    let o = env.run(&args);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("lee.json") && err.contains("other-questionnaire"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
    assert!(!out.exists(), "nothing written");

    // A damaged input is named.
    let broken = env.work.path().join("broken.json");
    fs::write(&broken, "{\"format_version\": 1, \"answers\": [").expect("write");
    let o = env.run(&[
        files[0].as_path(),
        broken.as_path(),
        Path::new("--out"),
        out.as_path(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("broken.json"),
        "{}",
        text(&o.stderr)
    );
    assert!(!out.exists());

    // Usage errors: no --out, no files.
    assert_eq!(env.run(&[files[0].as_path()]).status.code(), Some(2));
    assert_eq!(
        env.run(&[Path::new("--out"), out.as_path()]).status.code(),
        Some(2)
    );
}

#[test]
fn binary_merges_a_thousand_files() {
    let env = Env::new();
    let q = q();
    let mut files = Vec::new();
    for i in 0..1000u32 {
        let mut a = Assessment::new(&q, now());
        // Every tenth file names nobody: its file name stands for the person (the same
        // person twice is refused, see name_collisions_become_unique).
        if i % 10 != 0 {
            a.meta.assessors = vec![format!("Person {i}")];
        }
        for (n, question) in q.questions.iter().enumerate() {
            let l = u8::try_from((i as usize + n) % 5 + 1).expect("level");
            let mut ans = level(l);
            ans.note = format!("note {i}/{n}");
            ans.evidence = vec!["shared evidence".into(), format!("file {i}")];
            a.answers.insert(question.id.clone(), ans);
        }
        files.push(env.write(&format!("p{i:04}"), &a));
    }
    let out = env.work.path().join("big.json");
    let mut args: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    args.extend([Path::new("--out"), out.as_path()]);
    let started = std::time::Instant::now();
    let o = env.run(&args);
    let elapsed = started.elapsed();
    assert_eq!(o.status.code(), Some(0), "stderr: {}", text(&o.stderr));
    eprintln!("merge of 1,000 files took {elapsed:?} (debug build)");
    let m = store::read(&out).expect("parses");
    assert_eq!(m.participants.len(), 1000);
    let unique: std::collections::HashSet<_> = m.participants.iter().collect();
    assert_eq!(unique.len(), 1000);
    let c1 = m.answer(&q.questions[0].id).expect("answer");
    assert_eq!(c1.votes.len(), 1000);
    assert_eq!(
        c1.evidence.len(),
        1001,
        "shared line once, plus one per file"
    );
    assert_eq!(c1.participant_notes.len(), 1000);
    assert!(text(&o.stdout).contains("and 988 more"));
}

/// The same votes give the same answer whether they were merged from files or cast one
/// by one in a live workshop: the proposal, N/A, "to confirm" and the `updated` stamp.
#[test]
fn merge_and_live_voting_agree_on_proposals_and_stamps() {
    let q = q();
    let people = three();
    let merged = merge::merge(&q, &inputs(people.clone()), now()).expect("merge");

    let mut live = Assessment::new(&q, now());
    live.participants = merged.participants.clone();
    for question in &q.questions {
        for (name, (_, theirs)) in merged.participants.iter().zip(&people) {
            let Some(answer) = theirs.answer(&question.id) else {
                continue;
            };
            let vote = if answer.na && question.allow_na {
                Some(Consensus::NotApplicable)
            } else {
                answer.level.map(Consensus::Level)
            };
            if vote.is_some() {
                workshop::record_vote(&mut live, question, name, vote, now()).expect("vote");
            }
        }
    }
    let mut compared = 0;
    for question in &q.questions {
        let (Some(m), Some(l)) = (merged.answer(&question.id), live.answer(&question.id)) else {
            continue;
        };
        if m.votes.is_empty() {
            continue;
        }
        compared += 1;
        assert_eq!(m.votes, l.votes, "{}", question.id);
        assert_eq!(
            (m.level, m.na, m.consensus_pending, m.updated),
            (l.level, l.na, l.consensus_pending, l.updated),
            "{}",
            question.id
        );
    }
    assert_eq!(
        compared, 5,
        "ctx-01, ctx-02, ctx-03, ax-01, ax-02 carry votes"
    );
}
