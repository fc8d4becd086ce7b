//! Damaged, hostile and foreign assessment files: each gets its own clear message naming
//! the file, none is modified, and the backup is offered where one exists.

use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_aims-readiness");

fn valid() -> Value {
    json!({
        "format_version": 1,
        "questionnaire": {"id": "iso42001-readiness", "version": "2.0.0"},
        "meta": {"organisation": "Acme", "scope": "", "assessors": ["Dana"],
                 "created": "2026-11-23T09:00:00Z", "updated": "2026-11-23T09:00:00Z"},
        "targets": {"context": 3},
        "participants": [],
        "plan": {},
        "answers": {"ctx-01": {"level": 2, "na": false, "note": "ok", "evidence": [], "flagged": false}}
    })
}

fn with(f: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut v = valid();
    f(&mut v);
    serde_json::to_vec_pretty(&v).expect("json")
}

fn fingerprint(path: &Path) -> (Vec<u8>, Option<std::time::SystemTime>) {
    let bytes = std::fs::read(path).expect("read");
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    (bytes, modified)
}

struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    /// Words the message must contain.
    expect: &'static [&'static str],
}

fn cases() -> Vec<Case> {
    let whole = serde_json::to_vec_pretty(&valid()).expect("json");
    let mut deep = String::from("{\"format_version\": 1, \"x\": ");
    deep.push_str(&"[".repeat(200));
    deep.push_str(&"]".repeat(200));
    deep.push('}');
    let mut huge = whole.clone();
    huge.truncate(huge.len() - 2);
    huge.extend_from_slice(b", \"padding\": \"");
    huge.extend(std::iter::repeat_n(b'x', 50 * 1024 * 1024));
    huge.extend_from_slice(b"\"}");
    vec![
        Case {
            name: "empty",
            bytes: Vec::new(),
            expect: &["is damaged", "the file is empty"],
        },
        Case {
            name: "truncated",
            bytes: whole[..whole.len() / 2].to_vec(),
            expect: &["is damaged at line", "EOF while parsing"],
        },
        Case {
            name: "invalid UTF-8",
            bytes: [&whole[..20], b"\xc3\x28", &whole[20..]].concat(),
            expect: &["is damaged at byte 20", "not UTF-8"],
        },
        Case {
            name: "trailing junk",
            bytes: [&whole[..], b"\n}{ junk"].concat(),
            expect: &["is damaged at line", "trailing characters"],
        },
        Case {
            name: "wrong type",
            bytes: with(|v| v["answers"]["ctx-01"]["level"] = json!("three")),
            expect: &["answers.ctx-01.level", "invalid type: string \"three\""],
        },
        Case {
            name: "level 0",
            bytes: with(|v| v["answers"]["ctx-01"]["level"] = json!(0)),
            expect: &["answers.ctx-01.level", "level 0 is not a level from 1 to 5"],
        },
        Case {
            name: "level 6",
            bytes: with(|v| v["answers"]["ctx-01"]["level"] = json!(6)),
            expect: &["answers.ctx-01.level", "level 6 is not a level from 1 to 5"],
        },
        Case {
            name: "NaN",
            bytes: String::from_utf8(whole.clone())
                .expect("utf-8")
                .replace("\"level\": 2", "\"level\": NaN")
                .into_bytes(),
            expect: &["is damaged at line", "expected value"],
        },
        Case {
            name: "huge number",
            bytes: String::from_utf8(whole.clone())
                .expect("utf-8")
                .replace("\"level\": 2", "\"level\": 1e400")
                .into_bytes(),
            // Valid JSON (numbers are kept exactly, so 1e400 in a field of your own
            // survives); as a level it is out of range, reported with its path.
            expect: &["is damaged at answers.ctx-01.level", "number out of range"],
        },
        Case {
            name: "huge integer",
            bytes: with(|v| v["answers"]["ctx-01"]["level"] = json!(u64::MAX)),
            expect: &["answers.ctx-01.level", "invalid value"],
        },
        Case {
            name: "200-deep nesting",
            bytes: deep.into_bytes(),
            expect: &["is damaged at line", "recursion limit exceeded"],
        },
        Case {
            name: "50 MB",
            bytes: huge,
            expect: &["is damaged", "far larger than any assessment"],
        },
        Case {
            name: "duplicate keys",
            bytes: String::from_utf8(whole.clone())
                .expect("utf-8")
                .replace("\"level\": 2,", "\"level\": 2, \"level\": 5,")
                .into_bytes(),
            expect: &["is damaged at line", "duplicate key \"level\""],
        },
        Case {
            name: "question not in the questionnaire",
            bytes: with(|v| v["answers"]["zz-42"] = json!({"level": 3})),
            expect: &[
                "does not fit questionnaire",
                "question \"zz-42\" is not in the questionnaire",
            ],
        },
        Case {
            name: "newer format",
            bytes: with(|v| v["format_version"] = json!(7)),
            expect: &[
                "format version 7",
                "newer than this program reads",
                "left untouched",
            ],
        },
        Case {
            name: "a different questionnaire",
            bytes: with(|v| v["questionnaire"] = json!({"id": "soc2-readiness", "version": "2.0"})),
            expect: &[
                "answers questionnaire \"soc2-readiness\" version 2.0",
                "--questionnaire",
            ],
        },
        Case {
            name: "not an object",
            bytes: b"[1, 2, 3]".to_vec(),
            expect: &["is damaged", "must be a JSON object"],
        },
        Case {
            name: "no format version",
            bytes: with(|v| {
                v.as_object_mut().expect("object").remove("format_version");
            }),
            expect: &["format_version", "does not look like an assessment"],
        },
        Case {
            name: "N/A where not allowed",
            bytes: with(|v| v["answers"]["ctx-01"]["na"] = json!(true)),
            expect: &["answers.ctx-01.na", "cannot be answered N/A"],
        },
    ]
}

#[test]
fn every_damaged_file_gets_its_message_and_stays_untouched() {
    let cases = cases();
    assert!(cases.len() >= 15);
    let home = tempfile::tempdir().expect("temp");
    for (i, case) in cases.iter().enumerate() {
        let path = home.path().join(format!("case-{i}.json"));
        std::fs::write(&path, &case.bytes).expect("write");
        // Half the cases have a backup beside them, which the message must offer.
        let backup = (i % 2 == 0).then(|| {
            let b = home.path().join(format!("case-{i}.json.bak"));
            std::fs::write(&b, serde_json::to_vec(&valid()).expect("json")).expect("backup");
            b
        });
        let before = fingerprint(&path);
        for args in [vec!["score"], vec!["export", "--format", "json", "--force"]] {
            let mut cmd = Command::new(BIN);
            cmd.env("AIMS_READINESS_LANG", "en");
            cmd.args(&args)
                .arg(&path)
                .env("AIMS_READINESS_HOME", home.path())
                .current_dir(home.path());
            let out = cmd.output().expect("runs");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{}: {args:?} exits 1: {err}",
                case.name
            );
            assert!(
                err.contains(&format!("case-{i}.json")),
                "{}: names the file: {err}",
                case.name
            );
            assert_eq!(
                err.trim().lines().count(),
                1,
                "{}: one sentence: {err}",
                case.name
            );
            for needle in case.expect {
                assert!(err.contains(needle), "{}: {needle:?} in {err}", case.name);
            }
            let offers_backup = err.contains(".bak");
            let damaged_kind = err.contains("is damaged") || err.contains("does not fit");
            if let (Some(b), true) = (&backup, damaged_kind) {
                assert!(offers_backup, "{}: offers {b:?}: {err}", case.name);
            }
            if backup.is_none() {
                assert!(!offers_backup, "{}: no backup to offer: {err}", case.name);
            }
        }
        assert!(
            !home.path().join("results.json").exists(),
            "{}: nothing exported",
            case.name
        );
        assert_eq!(
            fingerprint(&path),
            before,
            "{}: the file is unchanged",
            case.name
        );
    }
}

#[test]
fn a_byte_order_mark_is_tolerated_and_left_in_place() {
    let home = tempfile::tempdir().expect("temp");
    let path = home.path().join("bom.json");
    let bytes = [
        &b"\xef\xbb\xbf"[..],
        &serde_json::to_vec(&valid()).expect("json"),
    ]
    .concat();
    std::fs::write(&path, &bytes).expect("write");
    let out = Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .arg("score")
        .arg(&path)
        .env("AIMS_READINESS_HOME", home.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Acme"));
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
}

#[test]
fn a_different_questionnaire_given_explicitly_is_refused_by_id() {
    let home = tempfile::tempdir().expect("temp");
    let path = home.path().join("other.json");
    let bytes = with(|v| v["questionnaire"] = json!({"id": "soc2-readiness", "version": "2.0"}));
    std::fs::write(&path, &bytes).expect("write");
    let out = Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .arg("score")
        .arg(&path)
        .arg("--questionnaire")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/questionnaires/iso42001.json"
        ))
        .env("AIMS_READINESS_HOME", home.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("it answers questionnaire \"soc2-readiness\", not \"iso42001-readiness\""),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
}
