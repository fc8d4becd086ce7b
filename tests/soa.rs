//! The Statement of Applicability's rules on an assessment: decisions, refusals, the
//! N/A a question derives from its controls, and old N/A answers carried over.

use aims_readiness::assessment::{Assessment, Implementation, SoaError, derived_na};
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::store::{self, Store, catalog};
use chrono::{DateTime, FixedOffset};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-05-04T09:00:00+02:00").expect("date")
}

fn setup() -> (Questionnaire, Assessment) {
    let q = Questionnaire::embedded().expect("embedded");
    let a = Assessment::new(&q, now());
    (q, a)
}

#[test]
fn a_control_that_may_not_be_excluded_is_refused_with_the_reason() {
    let (q, mut a) = setup();
    for id in ["A.2.2", "A.3.2", "A.5.2", "A.5.3"] {
        let err = a.set_applicable(&q, id, false, now()).expect_err(id);
        assert_eq!(err, SoaError::NotExcludable(id.to_string()));
        assert!(err.to_string().contains("mandatory clause"), "{err}");
        assert!(a.decision(id).is_none(), "{id}: nothing recorded");
    }
    a.set_applicable(&q, "A.2.2", true, now())
        .expect("inclusion is fine");
    assert_eq!(
        a.set_applicable(&q, "A.99", true, now()),
        Err(SoaError::UnknownControl("A.99".into()))
    );
}

#[test]
fn implementation_is_recorded_on_included_controls_only() {
    let (q, mut a) = setup();
    assert_eq!(
        a.set_implementation(&q, "A.6.2.8", Implementation::Partial, now()),
        Err(SoaError::NotIncluded("A.6.2.8".into()))
    );
    a.set_applicable(&q, "A.6.2.8", true, now())
        .expect("include");
    a.set_implementation(&q, "A.6.2.8", Implementation::Partial, now())
        .expect("set");
    a.set_control_owner(&q, "A.6.2.8", "  Ops lead ", now())
        .expect("owner");
    a.set_justification(
        &q,
        "A.6.2.8",
        "Logs are needed for incident analysis",
        now(),
    )
    .expect("justification");
    let d = a.decision("A.6.2.8").expect("decided");
    assert_eq!(d.implementation, Some(Implementation::Partial));
    assert_eq!(d.owner, "Ops lead");
    assert_eq!(d.updated, Some(now()));
    assert_eq!(Implementation::Partial.next(), Implementation::Implemented);
    assert_eq!(
        Implementation::Implemented.next(),
        Implementation::NotStarted
    );
}

#[test]
fn a_question_is_na_exactly_when_all_its_controls_are_excluded() {
    let (q, mut a) = setup();
    assert_eq!(derived_na(&q, &a.soa, "ctx-01"), None, "no controls");
    assert_eq!(derived_na(&q, &a.soa, "ax-09"), Some(false));
    a.answer_mut("ax-09").level = Some(2);
    a.set_applicable(&q, "A.10.2", false, now())
        .expect("exclude");
    a.set_applicable(&q, "A.10.3", false, now())
        .expect("exclude");
    assert!(!a.answer("ax-09").expect("answer").na, "one control left");
    assert_eq!(a.answer("ax-09").expect("answer").level, Some(2));
    a.set_applicable(&q, "A.10.4", false, now())
        .expect("exclude");
    assert_eq!(derived_na(&q, &a.soa, "ax-09"), Some(true));
    let ans = a.answer("ax-09").expect("answer");
    assert!(ans.na && ans.level.is_none(), "all excluded: N/A");
    a.set_applicable(&q, "A.10.4", true, now())
        .expect("include");
    let ans = a.answer("ax-09").expect("answer");
    assert!(!ans.na && ans.level.is_none(), "back to unanswered");
}

#[test]
fn excluding_a_question_keeps_the_controls_that_may_not_be_excluded() {
    let (q, mut a) = setup();
    a.set_note("ax-04", "We do not deploy AI that affects people", now());
    let kept = a.exclude_controls_of(&q, "ax-04", now());
    assert_eq!(kept, ["A.5.2", "A.5.3"]);
    for id in ["A.5.4", "A.5.5"] {
        let d = a.decision(id).expect(id);
        assert_eq!(d.applicable, Some(false));
        assert_eq!(d.justification, "We do not deploy AI that affects people");
    }
    assert!(!a.answer("ax-04").expect("answer").na);
}

#[test]
fn old_na_answers_become_exclusions_with_their_note() {
    let (q, mut a) = setup();
    a.answer_mut("ax-09").na = true;
    a.answer_mut("ax-09").note = "No third parties are involved".into();
    a.answer_mut("ax-01").na = true;
    a.answer_mut("ax-01").note = "old".into();
    // A decision already made is never overwritten.
    a.answer_mut("ax-08").na = true;
    a.soa.entry("A.9.2".into()).or_default().applicable = Some(true);
    let carried = a.carry_na_into_soa(&q);
    assert_eq!(
        carried.excluded,
        [
            "A.2.3", "A.2.4", "A.9.3", "A.9.4", "A.10.2", "A.10.3", "A.10.4"
        ]
    );
    assert_eq!(carried.left_undecided, ["A.2.2"]);
    assert_eq!(
        a.decision("A.10.4").expect("decided").justification,
        "No third parties are involved"
    );
    assert!(a.answer("ax-09").expect("answer").na, "still N/A");
    assert!(
        !a.answer("ax-01").expect("answer").na,
        "A.2.2 stays to decide"
    );
    assert!(!a.answer("ax-08").expect("answer").na, "A.9.2 is included");
    assert_eq!(a.decision("A.9.2").expect("kept").applicable, Some(true));
    assert_eq!(a.carry_na_into_soa(&q).excluded, Vec::<String>::new());
}

#[test]
fn an_old_file_with_na_opens_with_its_controls_excluded_and_the_justification_carried() {
    let dir = tempfile::tempdir().expect("temp");
    let store = Store::at(dir.path().to_path_buf());
    let path = dir.path().join("old.json");
    // A file written before the Statement of Applicability existed (format 1, 1.0.0).
    let text = r#"{
      "format_version": 1,
      "questionnaire": {"id": "iso42001-readiness", "version": "1.0.0"},
      "meta": {"organisation": "Acme", "scope": "", "assessors": [],
               "created": "2026-01-05T10:00:00+01:00", "updated": "2026-01-05T10:00:00+01:00"},
      "answers": {"ax-09": {"level": null, "na": true,
                            "note": "All AI is built in house for internal staff",
                            "updated": "2026-01-05T10:00:00+01:00"}}
    }"#;
    std::fs::write(&path, text).expect("write");
    let opened = catalog::open(&store, &path, None).expect("opens");
    assert_eq!(opened.carried.excluded, ["A.10.2", "A.10.3", "A.10.4"]);
    for id in ["A.10.2", "A.10.3", "A.10.4"] {
        let d = opened.assessment.decision(id).expect(id);
        assert_eq!(d.applicable, Some(false));
        assert_eq!(
            d.justification,
            "All AI is built in house for internal staff"
        );
    }
    assert!(opened.assessment.answer("ax-09").expect("answer").na);
    // Saved, the decisions are in the file under "soa".
    store::save(&path, &opened.assessment).expect("save");
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
    assert_eq!(saved["soa"]["A.10.4"]["applicable"], false);
}

#[test]
fn unknown_fields_of_decisions_and_additional_controls_are_kept() {
    let (q, a) = setup();
    let mut v = serde_json::to_value(&a).expect("value");
    v["soa"] = serde_json::json!({"A.6.2.8": {"applicable": true, "implementation": "partial",
        "owner": "Ops", "justification": "j", "ticket": "GRC-7"}});
    v["additional_controls"] = serde_json::json!([{"id": "ORG-1", "title": "Model cards",
        "source": "Customer contract", "applicable": true, "implementation": "planned",
        "justification": "Contract", "owner": "", "evidence_refs": [], "cost": 3}]);
    let back: Assessment = serde_json::from_value(v).expect("parses");
    assert!(back.mismatches(&q).is_empty());
    let again = serde_json::to_value(&back).expect("value");
    assert_eq!(again["soa"]["A.6.2.8"]["ticket"], "GRC-7");
    assert_eq!(again["soa"]["A.6.2.8"]["implementation"], "partial");
    assert_eq!(again["additional_controls"][0]["cost"], 3);
    assert_eq!(
        again["additional_controls"][0]["source"],
        "Customer contract"
    );
    assert_eq!(
        back.additional_controls[0].decision.implementation,
        Some(Implementation::Planned)
    );
}
