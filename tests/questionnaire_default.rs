//! The embedded ISO/IEC 42001 questionnaire: structure, completeness and coverage.

use std::collections::{BTreeSet, HashSet};

use aims_readiness::questionnaire::{Effort, Questionnaire};

fn embedded() -> Questionnaire {
    Questionnaire::embedded().expect("the embedded questionnaire validates")
}

/// Every requirement subclause of clauses 4 to 10 (the reference table).
const SUBCLAUSES: &[&str] = &[
    "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.2",
    "6.3", "7.1", "7.2", "7.3", "7.4", "7.5", "8.1", "8.2", "8.3", "8.4", "9.1", "9.2", "9.3",
    "10.1", "10.2",
];

/// The 38 Annex A controls, A.2 to A.10.
const CONTROLS: &[&str] = &[
    "A.2.2", "A.2.3", "A.2.4", "A.3.2", "A.3.3", "A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6",
    "A.5.2", "A.5.3", "A.5.4", "A.5.5", "A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4",
    "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8", "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6",
    "A.8.2", "A.8.3", "A.8.4", "A.8.5", "A.9.2", "A.9.3", "A.9.4", "A.10.2", "A.10.3", "A.10.4",
];

#[test]
fn shape_is_eight_domains_and_forty_two_questions() {
    let q = embedded();
    assert_eq!(CONTROLS.len(), 38);
    let domains: Vec<&str> = q.domains.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        domains,
        [
            "context",
            "leadership",
            "planning",
            "support",
            "operation",
            "performance",
            "improvement",
            "annex_a"
        ]
    );
    assert_eq!(q.questions.len(), 42);
    let split: Vec<usize> = q
        .domains
        .iter()
        .map(|d| q.questions_in(&d.id).count())
        .collect();
    assert_eq!(split, [5, 5, 6, 5, 5, 4, 3, 9]);
    let ids: HashSet<&str> = q.questions.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids.len(), 42, "question ids are unique");
    for d in &q.domains {
        assert!(
            !d.description.trim().is_empty(),
            "{} has a description",
            d.id
        );
        assert!(!d.clause.trim().is_empty(), "{} names its clause", d.id);
    }
    let names: Vec<&str> = q.scale.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Initial",
            "Managed",
            "Defined",
            "Quantitatively managed",
            "Optimising"
        ]
    );
    assert_eq!(q.readiness_threshold, 3);
}

#[test]
fn every_question_is_complete() {
    let q = embedded();
    for x in &q.questions {
        let id = &x.id;
        assert!(x.text.trim().ends_with('?'), "{id}: the question asks");
        let sentences = x.guidance.matches(". ").count() + 1;
        assert!(
            (2..=5).contains(&sentences),
            "{id}: 2–4 sentences of guidance"
        );
        assert!(
            (2..=5).contains(&x.evidence.len()),
            "{id}: 2–5 evidence examples"
        );
        assert!(
            x.evidence.iter().all(|e| e.trim().len() > 10),
            "{id}: evidence"
        );
        assert_eq!(x.levels.len(), 5, "{id}: five descriptors");
        let distinct: HashSet<&String> = x.levels.iter().collect();
        assert_eq!(distinct.len(), 5, "{id}: five distinct descriptors");
        assert!(
            x.levels.iter().all(|l| l.trim().len() > 20),
            "{id}: descriptors have substance"
        );
        assert_eq!(x.actions.len(), 4, "{id}: actions for each step 1→2 … 4→5");
        for step in &x.actions {
            assert!((1..=3).contains(&step.len()), "{id}: 1–3 actions per step");
            assert!(step.iter().all(|a| !a.trim().is_empty()), "{id}: actions");
        }
        assert!((1..=3).contains(&x.weight), "{id}: weight 1–3");
        assert!(!x.refs.iso.is_empty(), "{id}: cites the standard");
        assert_eq!(
            x.allow_na,
            x.domain == "annex_a",
            "{id}: N/A only for Annex A controls"
        );
        if x.domain == "annex_a" {
            assert!(
                !x.critical,
                "{id}: Annex A controls can be excluded, not critical"
            );
        }
    }
    let efforts: HashSet<Effort> = q.questions.iter().map(|x| x.effort).collect();
    assert_eq!(efforts.len(), 3, "all three effort levels are used");
    assert!(
        q.questions.iter().filter(|x| x.critical).count() >= 25,
        "most clause questions are critical"
    );
}

#[test]
fn every_subclause_from_4_1_to_10_2_is_cited() {
    let q = embedded();
    let cited: BTreeSet<&str> = q
        .questions
        .iter()
        .filter(|x| x.domain != "annex_a")
        .flat_map(|x| x.refs.iso.iter().map(String::as_str))
        .collect();
    for clause in SUBCLAUSES {
        assert!(
            cited.contains(clause) || cited.iter().any(|c| c.starts_with(&format!("{clause}."))),
            "subclause {clause} is cited"
        );
    }
    // Clause questions sit in the domain of their clause.
    for x in q.questions.iter().filter(|x| x.domain != "annex_a") {
        let clause = q.domain(&x.domain).expect("domain").clause.clone();
        let main = x.refs.iso.first().expect("a first ref");
        let number = main.split('.').next().expect("clause number");
        assert!(
            clause.ends_with(&format!(" {number}")),
            "{}: first ref {main} belongs to {clause}",
            x.id
        );
    }
}

#[test]
fn annex_a_cites_exactly_the_38_controls_one_objective_per_question() {
    let q = embedded();
    let annex: Vec<_> = q.questions_in("annex_a").collect();
    let cited: BTreeSet<&str> = annex
        .iter()
        .flat_map(|x| x.refs.iso.iter().map(String::as_str))
        .filter(|r| r.starts_with("A."))
        .collect();
    let expected: BTreeSet<&str> = CONTROLS.iter().copied().collect();
    assert_eq!(cited, expected);
    let objectives: BTreeSet<String> = annex
        .iter()
        .map(|x| {
            let first = &x.refs.iso[0];
            first.split('.').take(2).collect::<Vec<_>>().join(".")
        })
        .collect();
    assert_eq!(objectives.len(), 9, "A.2 … A.10, one question each");
    // No clause question cites a control ID that does not exist.
    for r in q.questions.iter().flat_map(|x| &x.refs.iso) {
        if r.starts_with("A.") {
            assert!(
                expected.contains(r.as_str()),
                "{r} is a real Annex A control"
            );
        }
    }
}

#[test]
fn the_statement_of_applicability_lists_each_control_once_tied_to_its_question() {
    let q = embedded();
    let ids: Vec<&str> = q.controls.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids, CONTROLS,
        "the 38 controls, once each, in Annex A order"
    );
    let objectives: Vec<&str> = q.control_objectives.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        objectives,
        [
            "A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"
        ]
    );
    for c in &q.controls {
        let question = q.question(&c.question).expect("question exists");
        assert!(
            question.refs.iso.contains(&c.id),
            "{} is tied to {}, which cites it",
            c.id,
            c.question
        );
        assert!(c.id.starts_with(&format!("{}.", c.objective)), "{}", c.id);
        assert!(!c.title.trim().is_empty() && c.title.chars().count() <= 60);
        let sentences = c.guidance.matches(". ").count() + 1;
        assert!(
            (1..=2).contains(&sentences) && c.guidance.ends_with('.'),
            "{}: one or two sentences of guidance",
            c.id
        );
    }
    // Exclusion would contradict a mandatory clause: 5.2 (policy), 5.3 (roles),
    // 6.1.4 and 8.4 (impact assessment and its records).
    let fixed: Vec<&str> = q
        .controls
        .iter()
        .filter(|c| !c.excludable)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(fixed, ["A.2.2", "A.3.2", "A.5.2", "A.5.3"]);
}

#[test]
fn crosswalk_entries_are_well_formed() {
    let q = embedded();
    for x in &q.questions {
        for a in &x.refs.eu_ai_act {
            let n: u32 = a
                .strip_prefix("Art. ")
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{}: {a} is written \"Art. N\"", x.id));
            assert!(
                (1..=113).contains(&n),
                "{}: the AI Act has 113 articles",
                x.id
            );
        }
        for s in &x.refs.nist_ai_rmf {
            let (function, number) = s.split_once(' ').expect("FUNCTION n.m");
            assert!(
                ["GOVERN", "MAP", "MEASURE", "MANAGE"].contains(&function),
                "{}: {s}",
                x.id
            );
            let (cat, sub) = number.split_once('.').expect("n.m");
            assert!(
                cat.parse::<u8>().is_ok() && sub.parse::<u8>().is_ok(),
                "{s}"
            );
        }
    }
}
