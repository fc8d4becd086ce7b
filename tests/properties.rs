//! Properties: the loaders never panic on any input, and any valid assessment survives
//! save → load unchanged.

use std::collections::BTreeMap;
use std::path::Path;

use aims_readiness::assessment::{Answer, Assessment, NaMarker, PlanEntry, PlanStatus, Vote};
use aims_readiness::questionnaire::{DEFAULT_JSON, Questionnaire};
use aims_readiness::store;
use proptest::prelude::*;

fn questionnaire() -> &'static Questionnaire {
    static Q: std::sync::OnceLock<Questionnaire> = std::sync::OnceLock::new();
    Q.get_or_init(|| Questionnaire::embedded().expect("embedded"))
}

/// Bytes that are often almost JSON: random bytes, and valid files with bytes flipped.
fn nearly_json(base: &'static str) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..512),
        (
            any::<prop::sample::Index>(),
            proptest::collection::vec(any::<u8>(), 1..8)
        )
            .prop_map(move |(at, junk)| {
                let mut bytes = base.as_bytes().to_vec();
                let i = at.index(bytes.len());
                bytes.splice(i..(i + junk.len()).min(bytes.len()), junk);
                bytes
            }),
        any::<prop::sample::Index>().prop_map(move |at| {
            let bytes = base.as_bytes();
            bytes[..at.index(bytes.len())].to_vec()
        }),
    ]
}

fn sample_json() -> &'static str {
    static S: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00Z").expect("date");
        let mut a = Assessment::new(questionnaire(), now);
        a.answer_mut("ctx-01").level = Some(2);
        a.answer_mut("ax-03").na = true;
        String::from_utf8(store::to_json(&a)).expect("utf-8")
    })
}

fn text() -> impl Strategy<Value = String> {
    // Any Unicode, control characters and bidi overrides included.
    prop_oneof![any::<String>(), "[a-zé漢🙂\\n\\t\\x1b\\u{202e} ]{0,40}"]
}

fn answer() -> impl Strategy<Value = Answer> {
    (
        proptest::option::of(1u8..=5),
        text(),
        proptest::collection::vec(text(), 0..3),
        any::<bool>(),
        proptest::collection::btree_map(
            "[A-Za-z]{1,8}",
            prop_oneof![
                (1u8..=5).prop_map(Vote::Level),
                Just(Vote::NotApplicable(NaMarker::Na))
            ],
            0..4,
        ),
        0u64..100_000,
    )
        .prop_map(|(level, note, evidence, flagged, votes, seconds)| Answer {
            level,
            note,
            evidence,
            flagged,
            votes,
            seconds_spent: seconds,
            ..Answer::default()
        })
}

fn assessment() -> impl Strategy<Value = Assessment> {
    let ids: Vec<String> = questionnaire()
        .questions
        .iter()
        .map(|q| q.id.clone())
        .collect();
    (
        text(),
        text(),
        proptest::collection::vec(text(), 0..3),
        proptest::collection::btree_map(prop::sample::select(ids.clone()), answer(), 0..10),
        proptest::collection::btree_map(
            prop::sample::select(ids),
            (text(), 0..3u8).prop_map(|(owner, s)| PlanEntry {
                owner,
                status: [PlanStatus::Open, PlanStatus::InProgress, PlanStatus::Done]
                    [usize::from(s)],
                ..PlanEntry::default()
            }),
            0..4,
        ),
        proptest::collection::btree_map("x_[a-z]{1,6}", text(), 0..3),
        0i32..1440,
    )
        .prop_map(|(org, scope, assessors, answers, plan, extra, offset)| {
            // Whole minutes: RFC 3339 offsets have no seconds, like every real time zone.
            let tz = chrono::FixedOffset::east_opt(offset * 60 - 43_200).expect("offset");
            let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00Z")
                .expect("date")
                .with_timezone(&tz);
            let mut a = Assessment::new(questionnaire(), now);
            a.meta.organisation = org;
            a.meta.scope = scope;
            a.meta.assessors = assessors;
            a.answers = answers;
            a.plan = plan;
            a.extra = extra
                .into_iter()
                .map(|(k, v)| (k, serde_json::Value::String(v)))
                .collect::<BTreeMap<_, _>>()
                .into_iter()
                .collect();
            a
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_questionnaire_loader_never_panics(bytes in nearly_json(DEFAULT_JSON)) {
        let _ = Questionnaire::from_bytes(&bytes, "fuzz.json");
    }

    #[test]
    fn the_assessment_loader_never_panics(bytes in nearly_json(sample_json())) {
        if let Ok(a) = store::parse_bytes(&bytes, Path::new("fuzz.json")) {
            let _ = a.mismatches(questionnaire());
            let _ = aims_readiness::scoring::score(questionnaire(), &a);
        }
    }

    #[test]
    fn any_valid_assessment_survives_save_and_load(a in assessment()) {
        let bytes = store::to_json(&a);
        let back = store::parse_bytes(&bytes, Path::new("roundtrip.json")).expect("loads");
        prop_assert_eq!(&back, &a);
        prop_assert!(a.mismatches(questionnaire()).is_empty());
        prop_assert_eq!(store::to_json(&back), bytes);
    }

    #[test]
    fn the_effective_level_never_exceeds_the_claimed_level(
        (index, ticks) in (0..questionnaire().questions.len()).prop_flat_map(|i| {
            let n = questionnaire().questions[i].all_checks().count();
            (Just(i), proptest::collection::vec(proptest::option::of(any::<bool>()), n))
        }),
        claimed in proptest::option::of(1u8..=5),
    ) {
        let q = &questionnaire().questions[index];
        let checks: BTreeMap<String, bool> = q
            .all_checks()
            .zip(&ticks)
            .filter_map(|((_, c), t)| t.map(|t| (c.id.clone(), t)))
            .collect();
        let answer = Answer { level: claimed, checks, ..Answer::default() };
        let levels = aims_readiness::evidence::levels(q, Some(&answer));
        prop_assert_eq!(levels.claimed, claimed);
        if let (Some(c), Some(e)) = (levels.claimed, levels.effective) {
            prop_assert!(e <= c, "effective {} above claimed {}", e, c);
        }
        if let (Some(ev), Some(e)) = (levels.evidenced, levels.effective) {
            prop_assert!(e <= ev);
        }
        prop_assert_eq!(levels.effective.is_some(), claimed.is_some() || levels.evidenced.is_some());
        // Scoring uses the same level.
        let mut a = Assessment::new(questionnaire(), chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00Z").expect("date"));
        a.answers.insert(q.id.clone(), answer);
        let s = aims_readiness::scoring::score(questionnaire(), &a);
        prop_assert_eq!(s.question(&q.id).and_then(|x| x.level), levels.effective);
    }
}

#[test]
fn save_then_load_through_the_disk_is_identity() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("a.json");
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 32,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    runner
        .run(&assessment(), |a| {
            store::save(&path, &a).expect("save");
            prop_assert_eq!(store::read(&path).expect("read"), a);
            Ok(())
        })
        .expect("property holds");
}

#[test]
fn the_app_never_phones_home() {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock"))
        .expect("Cargo.lock");
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .collect();
    assert!(
        names.len() > 50,
        "Cargo.lock parsed: {} packages",
        names.len()
    );
    for client in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "curl-sys",
        "isahc",
        "surf",
        "attohttpc",
        "minreq",
        "h2",
        "awc",
    ] {
        assert!(!names.contains(&client), "{client} is in Cargo.lock");
    }
}
