//! Method version 2 (SPEC.md "Scoring method"): findings graded major / minor /
//! improvement from critical questions and the Statement of Applicability, the verdict
//! from the findings, and its reasons, most severe first. Hand-computed tables.

use aims_readiness::assessment::{Answer, Assessment, ControlDecision, Implementation};
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::scoring::{self, FindingKind, Severity, Verdict, question_finding};
use chrono::{DateTime, FixedOffset};
use serde_json::json;

/// One domain, threshold 3:
///
/// | q  | critical | N/A | controls            |
/// | c1 | yes      |     |                     |
/// | c2 | yes      |     |                     |
/// | n1 | no       |     |                     |
/// | ax | no       | yes | X.1, X.2 (fixed), X.3 |
fn fixture(with_controls: bool) -> Questionnaire {
    let q = |id: &str, critical: bool, na: bool| {
        json!({
            "id": id, "domain": "d", "refs": {"iso": ["4.1"]},
            "text": format!("{id}?"), "guidance": "Why.", "evidence": ["e"],
            "levels": ["one", "two", "three", "four", "five"],
            "actions": [["a"], ["b"], ["c"], ["d"]],
            "weight": 1, "critical": critical, "effort": "low", "allow_na": na
        })
    };
    let mut value = json!({
        "id": "v2", "version": "1", "title": "V2", "readiness_threshold": 3,
        "scale": (1..=5).map(|l| json!({"level": l, "name": format!("L{l}"), "description": "d"})).collect::<Vec<_>>(),
        "domains": [{"id": "d", "title": "D"}],
        "questions": [q("c1", true, false), q("c2", true, false), q("n1", false, false), q("ax", false, true)],
    });
    if with_controls {
        value["control_objectives"] = json!([{"id": "X", "title": "Objective X"}]);
        value["controls"] = json!([
            {"id": "X.1", "objective": "X", "title": "One", "question": "ax"},
            {"id": "X.2", "objective": "X", "title": "Two", "question": "ax", "excludable": false},
            {"id": "X.3", "objective": "X", "title": "Three", "question": "ax"},
        ]);
    }
    Questionnaire::from_json(&value.to_string(), "v2").expect("valid fixture")
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-01T10:00:00+01:00").expect("date")
}

/// Every question at level 3 (so that no question raises a finding).
fn at_three(q: &Questionnaire) -> Assessment {
    let mut a = Assessment::new(q, now());
    for id in ["c1", "c2", "n1", "ax"] {
        a.answers.insert(
            id.into(),
            Answer {
                level: Some(3),
                ..Answer::default()
            },
        );
    }
    a
}

fn decide(
    a: &mut Assessment,
    id: &str,
    applicable: Option<bool>,
    justification: &str,
    implementation: Option<Implementation>,
) {
    a.soa.insert(
        id.into(),
        ControlDecision {
            applicable,
            justification: justification.into(),
            implementation,
            ..ControlDecision::default()
        },
    );
}

/// Every control included and implemented.
fn soa_done(a: &mut Assessment) {
    for id in ["X.1", "X.2", "X.3"] {
        decide(
            a,
            id,
            Some(true),
            "needed",
            Some(Implementation::Implemented),
        );
    }
}

#[test]
fn question_grades_around_the_threshold() {
    // (critical, level, threshold) → grade
    let table: &[(bool, Option<u8>, u8, Option<Severity>)] = &[
        (true, Some(1), 3, Some(Severity::Major)),
        (true, Some(2), 3, Some(Severity::Minor)),
        (true, Some(3), 3, None),
        (true, Some(5), 3, None),
        (true, None, 3, None),
        (false, Some(1), 3, Some(Severity::Improvement)),
        (false, Some(2), 3, Some(Severity::Improvement)),
        (false, Some(3), 3, None),
        (true, Some(2), 4, Some(Severity::Major)),
        (true, Some(3), 4, Some(Severity::Minor)),
        (true, Some(1), 2, Some(Severity::Minor)),
        (true, Some(1), 1, None),
        (false, Some(4), 5, Some(Severity::Improvement)),
    ];
    for &(critical, level, t, expected) in table {
        assert_eq!(
            question_finding(critical, level, t),
            expected,
            "critical {critical}, level {level:?}, threshold {t}"
        );
    }
}

#[test]
fn verdict_from_question_findings() {
    let q = fixture(true);
    // (c1, c2, n1) levels → (verdict, major, minor, improvement)
    let table: &[([u8; 3], Verdict, usize, usize, usize)] = &[
        ([3, 3, 3], Verdict::Ready, 0, 0, 0),
        ([3, 3, 4], Verdict::Ready, 0, 0, 0),
        // n1 at 1 is an improvement; the domain (3+3+1+3)/4 = 2.5 < 3: nearly ready.
        ([3, 3, 1], Verdict::NearlyReady, 0, 0, 1),
        // c1 at 2: minor; domain (2+5+5+3)/4 = 3.75.
        ([2, 5, 5], Verdict::NearlyReady, 0, 1, 0),
        // c1 at 1: major.
        ([1, 5, 5], Verdict::NotReady, 1, 0, 0),
        ([1, 2, 2], Verdict::NotReady, 1, 1, 1),
    ];
    for &(levels, verdict, major, minor, improvement) in table {
        let mut a = at_three(&q);
        soa_done(&mut a);
        for (id, l) in ["c1", "c2", "n1"].iter().zip(levels) {
            a.answer_mut(id).level = Some(l);
        }
        let s = scoring::score(&q, &a);
        let f = s.readiness.findings;
        assert_eq!(
            (s.readiness.verdict, f.major, f.minor, f.improvement),
            (verdict, major, minor, improvement),
            "levels {levels:?}"
        );
        assert!(s.readiness.complete);
    }
}

/// A decision on X.1 (applicable, justification, implementation), the findings it
/// raises and the verdict.
type Case = (
    Option<bool>,
    &'static str,
    Option<Implementation>,
    &'static [Severity],
    Verdict,
);

#[test]
fn soa_findings_for_every_decision() {
    let q = fixture(true);
    use Implementation::*;
    // X.1's decision (X.2 and X.3 included and implemented) → findings on X.1.
    let table: &[Case] = &[
        (Some(true), "j", Some(Implemented), &[], Verdict::Ready),
        (Some(true), "", Some(Implemented), &[], Verdict::Ready),
        (
            Some(true),
            "j",
            Some(Partial),
            &[Severity::Minor],
            Verdict::NearlyReady,
        ),
        (
            Some(true),
            "j",
            Some(Planned),
            &[Severity::Minor],
            Verdict::NearlyReady,
        ),
        (
            Some(true),
            "j",
            Some(NotStarted),
            &[Severity::Major],
            Verdict::NotReady,
        ),
        (Some(true), "j", None, &[Severity::Major], Verdict::NotReady),
        (Some(false), "We build no AI", None, &[], Verdict::Ready),
        (
            Some(false),
            "  ",
            None,
            &[Severity::Major],
            Verdict::NotReady,
        ),
    ];
    for &(applicable, justification, implementation, expected, verdict) in table {
        let mut a = at_three(&q);
        soa_done(&mut a);
        decide(&mut a, "X.1", applicable, justification, implementation);
        let s = scoring::score(&q, &a);
        let on_x1: Vec<Severity> = s
            .findings
            .iter()
            .filter(|r| r.id == "X.1")
            .map(|r| r.severity)
            .collect();
        let case = format!("{applicable:?} {justification:?} {implementation:?}");
        assert_eq!(on_x1, expected, "{case}");
        assert_eq!(s.readiness.verdict, verdict, "{case}");
        assert!(s.readiness.complete, "{case}");
        let x1 = &s.soa.as_ref().expect("soa").controls[0];
        assert_eq!(x1.finding, expected.first().copied(), "{case}");
    }
}

#[test]
fn an_undecided_control_is_one_major_and_makes_the_assessment_incomplete() {
    let q = fixture(true);
    let mut a = at_three(&q);
    decide(
        &mut a,
        "X.2",
        Some(true),
        "policy",
        Some(Implementation::Implemented),
    );
    let s = scoring::score(&q, &a);
    let soa = s.soa.as_ref().expect("soa");
    assert_eq!(
        (soa.included, soa.excluded, soa.undecided, soa.implemented),
        (1, 0, 2, 1)
    );
    assert_eq!(
        s.readiness.findings.major, 1,
        "one finding for the whole statement"
    );
    assert_eq!(s.readiness.reasons[0].kind, FindingKind::Soa);
    assert!(
        s.readiness.reasons[0]
            .text
            .contains("2 controls have no decision")
    );
    assert_eq!(s.readiness.verdict, Verdict::NotReady);
    assert!(
        !s.readiness.complete,
        "every question answered, two controls undecided"
    );
}

#[test]
fn a_hand_edited_exclusion_of_a_fixed_control_is_a_major_not_a_crash() {
    let q = fixture(true);
    let mut a = at_three(&q);
    soa_done(&mut a);
    decide(&mut a, "X.2", Some(false), "", None);
    let s = scoring::score(&q, &a);
    let x2: Vec<&str> = s
        .findings
        .iter()
        .filter(|r| r.id == "X.2")
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(x2.len(), 2, "no justification, and not excludable: {x2:?}");
    assert!(x2[1].contains("mandatory clause"), "{x2:?}");
    assert_eq!(s.readiness.findings.major, 2);
    assert_eq!(s.readiness.verdict, Verdict::NotReady);
}

#[test]
fn without_controls_there_is_no_statement_and_no_soa_finding() {
    let q = fixture(false);
    let s = scoring::score(&q, &at_three(&q));
    assert!(s.soa.is_none());
    assert_eq!(s.readiness.verdict, Verdict::Ready);
    assert!(s.readiness.complete);
    assert!(s.readiness.reasons.is_empty());
}

#[test]
fn reasons_come_most_severe_first() {
    let q = fixture(true);
    let mut a = at_three(&q);
    a.answer_mut("c1").level = Some(2); // minor
    a.answer_mut("c2").level = Some(1); // major
    a.answer_mut("n1").level = Some(2); // improvement: not a reason
    decide(
        &mut a,
        "X.1",
        Some(true),
        "j",
        Some(Implementation::Planned),
    ); // minor
    decide(&mut a, "X.3", Some(false), "", None); // major
    // X.2 undecided: the statement is incomplete (major).
    let s = scoring::score(&q, &a);
    let reasons: Vec<(Severity, FindingKind, &str)> = s
        .readiness
        .reasons
        .iter()
        .map(|r| (r.severity, r.kind, r.id.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            (Severity::Major, FindingKind::Question, "c2"),
            (Severity::Major, FindingKind::Soa, "soa"),
            (Severity::Major, FindingKind::Control, "X.3"),
            (Severity::Minor, FindingKind::Question, "c1"),
            (Severity::Minor, FindingKind::Control, "X.1"),
            // (3 + 2 + 2 + 1·ax=3)/4 = 2.5 < 3
            (Severity::Minor, FindingKind::Domain, "d"),
        ]
    );
    assert_eq!(s.readiness.verdict, Verdict::NotReady);
    let f = s.readiness.findings;
    assert_eq!((f.major, f.minor, f.improvement), (3, 2, 1));
    // The question's own grade is on its score.
    assert_eq!(
        s.question("c2").and_then(|x| x.finding),
        Some(Severity::Major)
    );
}

#[test]
fn a_ready_verdict_has_no_reasons() {
    let q = fixture(true);
    let mut a = at_three(&q);
    soa_done(&mut a);
    let s = scoring::score(&q, &a);
    assert_eq!(s.readiness.verdict, Verdict::Ready);
    assert!(s.readiness.reasons.is_empty());
}

#[test]
fn additional_controls_are_graded_like_annex_a_ones() {
    let q = fixture(true);
    let mut a = at_three(&q);
    soa_done(&mut a);
    let v = json!([{"id": "ORG-1", "title": "Model cards", "source": "Contract",
                    "applicable": true, "implementation": "partial", "justification": "c"}]);
    a.additional_controls = serde_json::from_value(v).expect("parses");
    let s = scoring::score(&q, &a);
    let soa = s.soa.as_ref().expect("soa");
    assert_eq!(soa.controls.len(), 4);
    assert!(soa.controls[3].additional);
    assert_eq!(soa.controls[3].finding, Some(Severity::Minor));
    assert_eq!(s.readiness.verdict, Verdict::NearlyReady);
}

#[test]
fn included_controls_not_implemented_become_actions_of_their_question_item() {
    use aims_readiness::roadmap::{self, Phase};
    let q = fixture(true);
    let mut a = at_three(&q);
    a.answer_mut("ax").level = Some(2); // a gap of 1: ax has an item (effort low)
    a.answer_mut("n1").level = Some(2); // another item, no controls
    decide(
        &mut a,
        "X.1",
        Some(true),
        "j",
        Some(Implementation::Partial),
    );
    decide(
        &mut a,
        "X.2",
        Some(true),
        "j",
        Some(Implementation::Implemented),
    );
    decide(&mut a, "X.3", Some(false), "not used", None);
    let start = "2026-03-02".parse().expect("date");
    let s = scoring::score(&q, &a);
    let items = roadmap::roadmap(&q, &a, &s, start);
    let ax = items.iter().find(|i| i.question == "ax").expect("ax item");
    assert_eq!(
        ax.actions.len(),
        2,
        "X.1, then the question's own 2 → 3 action"
    );
    assert!(ax.actions[0].contains("X.1 One") && ax.actions[0].contains("now partial"));
    assert_eq!(ax.actions[1], "b");
    let n1 = items.iter().find(|i| i.question == "n1").expect("n1 item");
    assert_eq!(n1.actions, ["b"]);
    // A control not started makes its question's item a blocker (phase 1), whatever the effort.
    decide(
        &mut a,
        "X.1",
        Some(true),
        "j",
        Some(Implementation::NotStarted),
    );
    let mut q_high = q.clone();
    for x in &mut q_high.questions {
        x.effort = aims_readiness::questionnaire::Effort::High;
    }
    let s = scoring::score(&q_high, &a);
    let items = roadmap::roadmap(&q_high, &a, &s, start);
    let phase = |id: &str| items.iter().find(|i| i.question == id).map(|i| i.phase);
    assert_eq!(phase("ax"), Some(Phase::QuickWins));
    assert_eq!(phase("n1"), Some(Phase::Maturity));
}
