//! Evidence-anchored levels (SPEC.md "Scoring method" v2): claimed, evidenced and
//! effective levels against a hand-computed table, and their effect on every score.

use std::collections::BTreeMap;

use aims_readiness::assessment::{Answer, Assessment};
use aims_readiness::evidence::{self, Levels};
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::{roadmap, scoring};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::{Value, json};

/// Two checks per level, `<id>.<level>a` and `<id>.<level>b`, for levels 2 to `top`.
fn checks(id: &str, top: u8) -> Value {
    let mut out = serde_json::Map::new();
    for l in 2..=top {
        out.insert(
            l.to_string(),
            json!([
                {"id": format!("{id}.{l}a"), "text": format!("{id} fact a of level {l}")},
                {"id": format!("{id}.{l}b"), "text": format!("{id} fact b of level {l}")}
            ]),
        );
    }
    Value::Object(out)
}

/// One domain, seven questions (target 3):
///
/// | q  | w | checks        | claimed | ticked                              | evidenced | effective |
/// | p1 | 1 | 2–5           | 4       | none                                | null      | 4         |
/// | p2 | 2 | 2–5           | 4       | 2a 2b 3a; 3b not answered           | 2         | 2         |
/// | p3 | 3 | 2–5           | 5       | 2a, 2b = false, all of 3 to 5       | 1         | 1         |
/// | p4 | 1 | 2–5           | null    | all of 2 and 3                      | 3         | 3         |
/// | p5 | 2 | 2–5           | 2       | all                                 | 5         | 2         |
/// | p6 | 3 | 2–5 (N/A ok)  | N/A     | all                                 | null      | null      |
/// | p7 | 1 | 2–3 only      | 5       | all                                 | 3         | 3         |
fn fixture() -> Questionnaire {
    let q = |id: &str, weight: u8, top: u8, allow_na: bool| {
        json!({
            "id": id, "domain": "alpha", "refs": {"iso": ["4.1"]},
            "text": format!("{id}?"), "guidance": "Why. What.", "evidence": ["e"],
            "levels": ["one", "two", "three", "four", "five"],
            "actions": [[format!("{id} 1-2")], [format!("{id} 2-3")],
                        [format!("{id} 3-4")], [format!("{id} 4-5")]],
            "weight": weight, "critical": true, "effort": "low", "allow_na": allow_na,
            "checks": checks(id, top)
        })
    };
    let value = json!({
        "id": "fixture", "version": "1", "title": "Fixture",
        "scale": (1..=5).map(|l| json!({"level": l, "name": format!("L{l}"), "description": "d"})).collect::<Vec<_>>(),
        "domains": [{"id": "alpha", "title": "Alpha"}],
        "questions": [
            q("p1", 1, 5, false), q("p2", 2, 5, false), q("p3", 3, 5, false),
            q("p4", 1, 5, false), q("p5", 2, 5, false), q("p6", 3, 5, true),
            q("p7", 1, 3, false),
        ]
    });
    Questionnaire::from_json(&value.to_string(), "fixture").expect("valid fixture")
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-01T10:00:00+01:00").expect("date")
}

fn ticks(id: &str, met: &[&str], not_met: &[&str]) -> BTreeMap<String, bool> {
    let mut out = BTreeMap::new();
    for (list, value) in [(met, true), (not_met, false)] {
        for suffix in list {
            out.insert(format!("{id}.{suffix}"), value);
        }
    }
    out
}

const ALL: &[&str] = &["2a", "2b", "3a", "3b", "4a", "4b", "5a", "5b"];

fn table() -> Assessment {
    let q = fixture();
    let mut a = Assessment::new(&q, now());
    let mut put = |id: &str, level: Option<u8>, na: bool, checks| {
        a.answers.insert(
            id.into(),
            Answer {
                level,
                na,
                note: if na { "excluded".into() } else { String::new() },
                checks,
                ..Answer::default()
            },
        );
    };
    put("p1", Some(4), false, BTreeMap::new());
    put("p2", Some(4), false, ticks("p2", &["2a", "2b", "3a"], &[]));
    put(
        "p3",
        Some(5),
        false,
        ticks("p3", &["2a", "3a", "3b", "4a", "4b", "5a", "5b"], &["2b"]),
    );
    put(
        "p4",
        None,
        false,
        ticks("p4", &["2a", "2b", "3a", "3b"], &[]),
    );
    put("p5", Some(2), false, ticks("p5", ALL, &[]));
    put("p6", None, true, ticks("p6", ALL, &[]));
    put(
        "p7",
        Some(5),
        false,
        ticks("p7", &["2a", "2b", "3a", "3b"], &[]),
    );
    a
}

#[test]
fn claimed_evidenced_and_effective_levels_follow_the_table() {
    let q = fixture();
    let a = table();
    let expected = [
        ("p1", Some(4), None, Some(4)),
        ("p2", Some(4), Some(2), Some(2)),
        ("p3", Some(5), Some(1), Some(1)),
        ("p4", None, Some(3), Some(3)),
        ("p5", Some(2), Some(5), Some(2)),
        ("p6", None, None, None),
        ("p7", Some(5), Some(3), Some(3)),
    ];
    let s = scoring::score(&q, &a);
    for (id, claimed, evidenced, effective) in expected {
        let question = q.question(id).expect("question");
        assert_eq!(
            evidence::levels(question, a.answer(id)),
            Levels {
                claimed,
                evidenced,
                effective
            },
            "{id}"
        );
        let score = s.question(id).expect("scored");
        assert_eq!(
            (score.claimed, score.evidenced, score.level),
            (claimed, evidenced, effective),
            "{id} in the scores"
        );
    }
    assert!(s.question("p6").expect("p6").na);
}

#[test]
fn a_check_answered_false_counts_like_one_not_answered() {
    let q = fixture();
    let question = q.question("p2").expect("p2");
    let missing = ticks("p2", &["2a", "2b", "3a"], &[]);
    let refused = ticks("p2", &["2a", "2b", "3a"], &["3b"]);
    assert_eq!(evidence::evidenced_level(question, &missing), Some(2));
    assert_eq!(evidence::evidenced_level(question, &refused), Some(2));
    // A tick on another question's check is not evidence for this one.
    let elsewhere = ticks("p1", ALL, &[]);
    assert_eq!(evidence::evidenced_level(question, &elsewhere), None);
    // One check answered "no" is an answer: evidence supports level 1 only.
    assert_eq!(
        evidence::evidenced_level(question, &ticks("p2", &[], &["5b"])),
        Some(1)
    );
}

#[test]
fn every_score_uses_the_effective_level() {
    let q = fixture();
    let a = table();
    let s = scoring::score(&q, &a);
    // Σ w·effective / Σ w over p1–p5 and p7 (p6 is N/A):
    // (1·4 + 2·2 + 3·1 + 1·3 + 2·2 + 1·3) / (1 + 2 + 3 + 1 + 2 + 1) = 21 / 10.
    let d = s.domain("alpha").expect("alpha");
    assert!(d.score.is_some_and(|x| (x - 2.1).abs() < 1e-9), "{d:?}");
    assert_eq!(d.level, Some(2));
    assert_eq!(
        (
            s.overall.answered,
            s.overall.not_applicable,
            s.overall.total
        ),
        (6, 1, 7)
    );
    let gaps: Vec<(&str, Option<u8>, bool)> = s
        .questions
        .iter()
        .map(|x| (x.id.as_str(), x.gap, x.critical_gap))
        .collect();
    assert_eq!(
        gaps,
        [
            ("p1", Some(0), false),
            ("p2", Some(1), true),
            ("p3", Some(2), true),
            ("p4", Some(0), false),
            ("p5", Some(1), true),
            ("p6", None, false),
            ("p7", Some(0), false),
        ]
    );
    assert_eq!(s.readiness.critical_gaps, 3);
    let start = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
    let items: Vec<(String, u8, u8)> = roadmap::roadmap(&q, &a, &s, start)
        .into_iter()
        .map(|i| (i.question, i.current, i.gap))
        .collect();
    assert_eq!(
        items,
        [
            ("p3".to_string(), 1, 2),
            ("p2".to_string(), 2, 1),
            ("p5".to_string(), 2, 1)
        ]
    );
}

#[test]
fn unmet_checks_list_what_stands_between_the_evidence_and_a_level() {
    let q = fixture();
    let a = table();
    let question = q.question("p2").expect("p2");
    let unmet: Vec<(u8, &str)> = evidence::unmet_checks(question, a.answer("p2"), 4)
        .into_iter()
        .map(|(l, c)| (l, c.id.as_str()))
        .collect();
    assert_eq!(unmet, [(3, "p2.3b"), (4, "p2.4a"), (4, "p2.4b")]);
    assert!(evidence::levels(question, a.answer("p2")).claim_above_evidence());
    let p5 = q.question("p5").expect("p5");
    assert!(!evidence::levels(p5, a.answer("p5")).claim_above_evidence());
}

#[test]
fn checks_round_trip_through_the_file_and_unknown_fields_stay() {
    let a = table();
    let mut value = serde_json::to_value(&a).expect("json");
    value["answers"]["p2"]["checks_note"] = json!("kept");
    assert_eq!(value["answers"]["p2"]["checks"]["p2.3a"], json!(true));
    let back: Assessment = serde_json::from_value(value.clone()).expect("parse");
    assert_eq!(back.answers["p2"].checks, a.answers["p2"].checks);
    assert_eq!(
        serde_json::to_value(&back).expect("json")["answers"]["p2"]["checks_note"],
        json!("kept")
    );
}

#[test]
fn roadmap_actions_add_the_unmet_checks_up_to_the_target() {
    let q = fixture();
    let a = table();
    let s = scoring::score(&q, &a);
    let start = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
    let items = roadmap::roadmap(&q, &a, &s, start);
    let actions = |id: &str| {
        items
            .iter()
            .find(|i| i.question == id)
            .map(|i| i.actions.clone())
            .expect("on the roadmap")
    };
    // p2: effective 2, target 3; of level 3 only 3b is missing.
    assert_eq!(
        actions("p2"),
        ["p2 2-3", "Make this true: p2 fact b of level 3 (p2.3b)"]
    );
    // p3: effective 1 (2b answered no), target 3: the questionnaire's two steps, then 2b
    // (level 3 is complete already).
    assert_eq!(
        actions("p3"),
        [
            "p3 1-2",
            "p3 2-3",
            "Make this true: p3 fact b of level 2 (p3.2b)"
        ]
    );
    // p5 claims 2 with every check met: nothing to make true, the claim limits it.
    assert_eq!(actions("p5"), ["p5 2-3"]);
}
