//! SPEC.md's scoring and roadmap methods, rule by rule, against hand-computed tables.

use aims_readiness::assessment::{Answer, Assessment, PlanEntry, PlanStatus};
use aims_readiness::questionnaire::{Effort, Questionnaire};
use aims_readiness::roadmap::{self, Phase};
use aims_readiness::scoring::{self, Verdict};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::json;

/// Three domains, seven questions, weights 1–3 mixed:
///
/// | q  | domain | w | critical | effort | N/A |
/// | a1 | alpha  | 1 | yes      | low    |     |
/// | a2 | alpha  | 2 | no       | medium |     |
/// | a3 | alpha  | 3 | yes      | high   |     |
/// | b1 | beta   | 3 | no       | medium | yes |
/// | b2 | beta   | 1 | no       | high   | yes |
/// | g1 | gamma  | 2 | yes      | medium |     |
/// | g2 | gamma  | 1 | no       | low    |     |
fn fixture() -> Questionnaire {
    let q = |id: &str, domain: &str, weight: u8, critical: bool, effort: &str, na: bool| {
        json!({
            "id": id, "domain": domain, "refs": {"iso": ["4.1"]},
            "text": format!("{id}?"), "guidance": "Why. What.", "evidence": ["e"],
            "levels": ["one", "two", "three", "four", "five"],
            "actions": [[format!("{id} 1-2")], [format!("{id} 2-3"), format!("{id} 2-3 b")],
                        [format!("{id} 3-4")], [format!("{id} 4-5")]],
            "weight": weight, "critical": critical, "effort": effort, "allow_na": na
        })
    };
    let value = json!({
        "id": "fixture", "version": "1", "title": "Fixture",
        "scale": (1..=5).map(|l| json!({"level": l, "name": format!("L{l}"), "description": "d"})).collect::<Vec<_>>(),
        "domains": [
            {"id": "alpha", "title": "Alpha"},
            {"id": "beta", "title": "Beta"},
            {"id": "gamma", "title": "Gamma"}
        ],
        "questions": [
            q("a1", "alpha", 1, true, "low", false),
            q("a2", "alpha", 2, false, "medium", false),
            q("a3", "alpha", 3, true, "high", false),
            q("b1", "beta", 3, false, "medium", true),
            q("b2", "beta", 1, false, "high", true),
            q("g1", "gamma", 2, true, "medium", false),
            q("g2", "gamma", 1, false, "low", false),
        ]
    });
    Questionnaire::from_json(&value.to_string(), "fixture").expect("valid fixture")
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-01T10:00:00+01:00").expect("date")
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn assess(q: &Questionnaire, answers: &[(&str, Option<u8>)], na: &[&str]) -> Assessment {
    let mut a = Assessment::new(q, now());
    for (id, level) in answers {
        a.answers.insert(
            id.to_string(),
            Answer {
                level: *level,
                ..Answer::default()
            },
        );
    }
    for id in na {
        a.answers.insert(
            id.to_string(),
            Answer {
                na: true,
                note: "excluded in the SoA".into(),
                ..Answer::default()
            },
        );
    }
    a
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn no_answers_at_all() {
    let q = fixture();
    let a = Assessment::new(&q, now());
    let s = scoring::score(&q, &a);
    assert!(
        s.domains
            .iter()
            .all(|d| d.score.is_none() && d.level.is_none() && d.gap.is_none())
    );
    assert_eq!(s.overall.score, None);
    assert_eq!(s.overall.level, None);
    assert_eq!(
        (
            s.overall.answered,
            s.overall.not_applicable,
            s.overall.total
        ),
        (0, 0, 7)
    );
    assert_eq!(s.overall.coverage, 0.0);
    assert!(!s.readiness.complete);
    assert_eq!(s.readiness.critical_gaps, 0);
    // By the method's letter: no critical gap and no domain below the threshold.
    assert_eq!(s.readiness.verdict, Verdict::Ready);
    assert!(
        s.questions
            .iter()
            .all(|x| x.gap.is_none() && !x.critical_gap)
    );
    assert!(roadmap::roadmap(&q, &a, &s, date("2026-03-01")).is_empty());
}

#[test]
fn weighted_domain_scores_all_na_domain_and_overall_mean() {
    let q = fixture();
    let a = assess(
        &q,
        &[
            ("a1", Some(2)),
            ("a2", Some(4)),
            ("a3", Some(3)),
            ("g1", Some(1)),
            ("g2", None),
        ],
        &["b1", "b2"],
    );
    let s = scoring::score(&q, &a);
    let alpha = s.domain("alpha").expect("alpha");
    // (1·2 + 2·4 + 3·3) / (1 + 2 + 3) = 19/6
    assert!(close(alpha.score, 19.0 / 6.0));
    assert_eq!(alpha.level, Some(3));
    assert!(close(alpha.gap, 0.0), "no gap above target");
    assert_eq!(
        (alpha.answered, alpha.not_applicable, alpha.total),
        (3, 0, 3)
    );
    let beta = s.domain("beta").expect("beta");
    assert_eq!(beta.score, None, "all N/A: no score");
    assert_eq!(beta.gap, None);
    assert_eq!((beta.answered, beta.not_applicable, beta.total), (0, 2, 2));
    let gamma = s.domain("gamma").expect("gamma");
    assert!(close(gamma.score, 1.0), "the unanswered g2 does not score");
    assert!(close(gamma.gap, 2.0));
    // Mean of the domain scores that exist: (19/6 + 1) / 2 = 25/12.
    assert!(close(s.overall.score, 25.0 / 12.0));
    assert_eq!(s.overall.level, Some(2));
    assert_eq!(
        (
            s.overall.answered,
            s.overall.not_applicable,
            s.overall.total
        ),
        (4, 2, 7)
    );
    assert!((s.overall.coverage - 6.0 / 7.0).abs() < 1e-12);
    assert!(!s.readiness.complete, "g2 is unanswered");
    // a1 (2 < 3) and g1 (1 < 3) are critical gaps; a3 at 3 is not.
    let critical: Vec<&str> = s
        .questions
        .iter()
        .filter(|x| x.critical_gap)
        .map(|x| x.id.as_str())
        .collect();
    assert_eq!(critical, ["a1", "g1"]);
    assert_eq!(s.readiness.critical_gaps, 2);
    assert_eq!(s.readiness.verdict, Verdict::NotReady);
    let gaps: Vec<(&str, Option<u8>)> =
        s.questions.iter().map(|x| (x.id.as_str(), x.gap)).collect();
    assert_eq!(
        gaps,
        [
            ("a1", Some(1)),
            ("a2", Some(0)),
            ("a3", Some(0)),
            ("b1", None),
            ("b2", None),
            ("g1", Some(2)),
            ("g2", None)
        ]
    );

    let r = roadmap::roadmap(&q, &a, &s, date("2026-03-01"));
    let rows: Vec<(usize, &str, u32, Phase)> = r
        .iter()
        .map(|i| (i.rank, i.question.as_str(), i.priority, i.phase))
        .collect();
    // g1: 2 × 2 × 2 = 8, critical and medium → phase 1; a1: 1 × 1 × 2 = 2, low → phase 1.
    assert_eq!(
        rows,
        [
            (1, "g1", 8, Phase::QuickWins),
            (2, "a1", 2, Phase::QuickWins)
        ]
    );
    assert_eq!(r[1].actions, ["a1 2-3", "a1 2-3 b"], "actions from 2 to 3");
    assert_eq!(
        r[0].actions,
        ["g1 1-2", "g1 2-3", "g1 2-3 b"],
        "actions from 1 to 3"
    );
}

#[test]
fn targets_one_and_five_ties_and_phases() {
    let q = fixture();
    let mut a = assess(
        &q,
        &[
            ("a1", Some(2)),
            ("a2", Some(2)),
            ("a3", Some(4)),
            ("g1", Some(1)),
        ],
        &[],
    );
    a.targets.insert("alpha".into(), 5);
    a.targets.insert("gamma".into(), 1);
    let s = scoring::score(&q, &a);
    let alpha = s.domain("alpha").expect("alpha");
    assert!(close(alpha.score, 3.0)); // (2 + 4 + 12) / 6
    assert!(close(alpha.gap, 2.0));
    assert_eq!(alpha.target, 5);
    let gamma = s.domain("gamma").expect("gamma");
    assert!(close(gamma.gap, 0.0), "target 1 is met by level 1");
    // g1 meets its domain target but is still a critical gap (1 < threshold 3).
    let g1 = s.question("g1").expect("g1");
    assert_eq!((g1.gap, g1.critical_gap), (Some(0), true));
    assert_eq!(s.readiness.verdict, Verdict::NotReady);

    let r = roadmap::roadmap(&q, &a, &s, date("2026-03-01"));
    let rows: Vec<(&str, u8, u8, u32, bool, Phase)> = r
        .iter()
        .map(|i| {
            (
                i.question.as_str(),
                i.current,
                i.gap,
                i.priority,
                i.critical,
                i.phase,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            // a1 and a2 tie on priority 6 and on level 2: questionnaire order decides.
            ("a1", 2, 3, 6, true, Phase::QuickWins),
            ("a2", 2, 3, 6, false, Phase::Foundations),
            // a3: 1 × 3, critical question but at the threshold: not doubled; high → phase 3.
            ("a3", 4, 1, 3, false, Phase::Maturity),
        ]
    );
    assert!(
        r.iter().all(|i| i.question != "g1"),
        "no item without a gap"
    );
    assert_eq!(r[0].actions, ["a1 2-3", "a1 2-3 b", "a1 3-4", "a1 4-5"]);
}

#[test]
fn equal_priority_is_ordered_by_current_level_before_questionnaire_order() {
    let q = fixture();
    // a2: 1 × 2 = 2 at level 2; g2: 2 × 1 = 2 at level 1, later in the questionnaire.
    let a = assess(&q, &[("a2", Some(2)), ("g2", Some(1))], &[]);
    let s = scoring::score(&q, &a);
    let r = roadmap::roadmap(&q, &a, &s, date("2026-03-01"));
    let order: Vec<(&str, u32)> = r
        .iter()
        .map(|i| (i.question.as_str(), i.priority))
        .collect();
    assert_eq!(order, [("g2", 2), ("a2", 2)]);
}

#[test]
fn verdicts_nearly_ready_and_ready() {
    let q = fixture();
    let all_three = [
        ("a1", Some(3)),
        ("a2", Some(3)),
        ("a3", Some(3)),
        ("b1", Some(3)),
        ("b2", Some(3)),
        ("g1", Some(3)),
        ("g2", Some(3)),
    ];
    let s = scoring::score(&q, &assess(&q, &all_three, &[]));
    assert_eq!(s.readiness.verdict, Verdict::Ready);
    assert!(s.readiness.complete);
    assert_eq!(s.overall.coverage, 1.0);

    let mut answers = all_three;
    answers[1] = ("a2", Some(1)); // not critical; alpha = (3 + 2 + 9) / 6 = 2.33 < 3
    let s = scoring::score(&q, &assess(&q, &answers, &[]));
    assert_eq!(s.readiness.critical_gaps, 0);
    assert_eq!(s.readiness.verdict, Verdict::NearlyReady);
    assert_eq!(s.domain("alpha").and_then(|d| d.level), Some(2));
}

#[test]
fn na_on_a_question_counts_for_coverage_only() {
    let q = fixture();
    let a = assess(&q, &[("b2", Some(1))], &["b1"]);
    let s = scoring::score(&q, &a);
    let beta = s.domain("beta").expect("beta");
    assert!(close(beta.score, 1.0), "only b2 scores");
    assert_eq!(s.overall.not_applicable, 1);
    assert!((s.overall.coverage - 2.0 / 7.0).abs() < 1e-12);
}

#[test]
fn phase_rules() {
    use Effort::*;
    let table = [
        (Low, false, Phase::QuickWins),
        (Low, true, Phase::QuickWins),
        (Medium, true, Phase::QuickWins),
        (Medium, false, Phase::Foundations),
        (High, true, Phase::Foundations),
        (High, false, Phase::Maturity),
    ];
    for (effort, critical, phase) in table {
        assert_eq!(Phase::of(effort, critical), phase, "{effort} {critical}");
    }
}

#[test]
fn phase_dates_handle_month_ends() {
    let start = date("2026-01-31");
    assert_eq!(
        Phase::QuickWins.dates(start),
        (date("2026-01-31"), date("2026-04-30"))
    );
    assert_eq!(
        Phase::Foundations.dates(start),
        (date("2026-04-30"), date("2026-07-31"))
    );
    assert_eq!(
        Phase::Maturity.dates(start),
        (date("2026-07-31"), date("2027-01-31"))
    );
    // Into a leap February.
    assert_eq!(
        Phase::QuickWins.dates(date("2027-11-30")).1,
        date("2028-02-29")
    );
    assert_eq!(
        Phase::Foundations.dates(date("2025-08-31")).0,
        date("2025-11-30")
    );
}

#[test]
fn roadmap_start_owner_and_status_come_from_the_assessment() {
    let q = fixture();
    let mut a = assess(&q, &[("g2", Some(1)), ("a2", Some(1))], &[]);
    a.plan.insert(
        "g2".into(),
        PlanEntry {
            owner: "Dana (CISO)".into(),
            status: PlanStatus::InProgress,
            ..PlanEntry::default()
        },
    );
    let s = scoring::score(&q, &a);
    // The export's --start is only a fallback.
    let fallback = date("2026-05-15");
    assert_eq!(roadmap::start_date(&a, fallback), fallback);
    a.meta.roadmap_start = Some(date("2026-01-31"));
    let start = roadmap::start_date(&a, fallback);
    assert_eq!(start, date("2026-01-31"));
    let r = roadmap::roadmap(&q, &a, &s, start);
    let g2 = r.iter().find(|i| i.question == "g2").expect("g2 item");
    assert_eq!(g2.owner.as_deref(), Some("Dana (CISO)"));
    assert_eq!(g2.status, PlanStatus::InProgress);
    assert_eq!((g2.start, g2.due), (date("2026-01-31"), date("2026-04-30")));
    let a2 = r.iter().find(|i| i.question == "a2").expect("a2 item");
    assert_eq!((a2.owner.as_deref(), a2.status), (None, PlanStatus::Open));
    assert_eq!(a2.phase, Phase::Foundations);
    assert_eq!((a2.start, a2.due), (date("2026-04-30"), date("2026-07-31")));
}

#[test]
fn overall_level_is_not_lost_to_floating_point() {
    let q = fixture();
    // alpha = (1·2 + 2·3 + 3·4)/6 = 10/3 and gamma = (2·3 + 1·2)/3 = 8/3, neither exact in
    // binary; their mean is exactly 3 in real numbers and must reach level 3.
    let a = assess(
        &q,
        &[
            ("a1", Some(2)),
            ("a2", Some(3)),
            ("a3", Some(4)),
            ("g1", Some(3)),
            ("g2", Some(2)),
        ],
        &[],
    );
    let s = scoring::score(&q, &a);
    assert!(close(s.overall.score, 3.0));
    assert_eq!(s.overall.level, Some(3));
    assert_eq!(s.domain("gamma").and_then(|d| d.level), Some(2));
}
