use chrono::DateTime;

use super::*;
use crate::questionnaire::Questionnaire;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-01T10:00:00+01:00").unwrap()
}

fn item(location: &str) -> EvidenceItem {
    EvidenceItem {
        id: String::new(),
        title: "Context analysis".into(),
        kind: EvidenceKind::of_location(location),
        location: location.into(),
        sha256: Some("ab".repeat(32)),
        bytes: Some(10),
        dated: None,
        owner: String::new(),
        added: None,
        resolved: None,
        extra: Extra::new(),
    }
}

#[test]
fn ids_count_up_from_the_highest_in_use_and_links_are_kept_once() {
    let q = Questionnaire::embedded().unwrap();
    let ctx = q.question("ctx-01").unwrap();
    let mut a = Assessment::new(&q, now());
    assert_eq!(
        a.add_evidence(ctx, None, item("a.pdf"), now()).unwrap(),
        "ev-1"
    );
    a.evidence[0].id = "ev-7".into();
    a.answers.get_mut("ctx-01").unwrap().evidence_refs = vec!["ev-7".into()];
    let id = a
        .add_evidence(ctx, Some("ctx-01.2a"), item("https://x.example/p"), now())
        .unwrap();
    assert_eq!(id, "ev-8");
    assert_eq!(a.evidence_item("ev-8").unwrap().kind, EvidenceKind::Link);
    a.link_evidence(ctx, Some("ctx-01.2a"), "ev-8", now())
        .unwrap();
    assert_eq!(a.answers["ctx-01"].check_evidence["ctx-01.2a"], ["ev-8"]);
    assert_eq!(
        a.uses_of("ev-8"),
        [Use::Check {
            question: "ctx-01".into(),
            check: "ctx-01.2a".into()
        }]
    );
    assert_eq!(a.uses_of("ev-7"), [Use::Question("ctx-01".into())]);
    assert_eq!(a.evidence_item("ev-8").unwrap().added, Some(now()));
}

#[test]
fn a_check_of_another_question_is_refused_and_nothing_is_added() {
    let q = Questionnaire::embedded().unwrap();
    let ctx = q.question("ctx-01").unwrap();
    let mut a = Assessment::new(&q, now());
    let err = a
        .add_evidence(ctx, Some("ctx-02.2a"), item("a.pdf"), now())
        .unwrap_err();
    assert!(err.to_string().contains("ctx-02.2a"), "{err}");
    assert!(a.evidence.is_empty() && a.answers.is_empty());
}

#[test]
fn verify_status_compares_hash_and_size() {
    let recorded = item("a.pdf");
    let same = Fingerprint {
        sha256: "AB".repeat(32),
        bytes: 10,
    };
    assert_eq!(VerifyStatus::of(&recorded, &same), VerifyStatus::Unchanged);
    let other = Fingerprint {
        sha256: "cd".repeat(32),
        bytes: 10,
    };
    assert_eq!(VerifyStatus::of(&recorded, &other), VerifyStatus::Changed);
    let longer = Fingerprint {
        sha256: "ab".repeat(32),
        bytes: 11,
    };
    assert_eq!(VerifyStatus::of(&recorded, &longer), VerifyStatus::Changed);
}

#[test]
fn a_repeated_id_or_a_date_out_of_range_does_not_fit() {
    let q = Questionnaire::embedded().unwrap();
    let mut a = Assessment::new(&q, now());
    let mut first = item("a.pdf");
    first.id = "ev-1".into();
    let mut second = first.clone();
    second.dated = chrono::NaiveDate::from_ymd_opt(3100, 1, 1);
    a.evidence = vec![first, second];
    let problems: Vec<String> = a
        .mismatches(&q)
        .into_iter()
        .map(|m| format!("{}: {}", m.at, m.message))
        .collect();
    assert_eq!(
        problems,
        [
            "evidence[1].id: evidence id \"ev-1\" is used twice",
            "evidence[1].dated: year 3100 is outside 1900 to 2900"
        ]
    );
}
