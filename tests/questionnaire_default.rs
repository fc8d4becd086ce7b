//! The embedded ISO/IEC 42001 questionnaire: structure, completeness and coverage.

use std::collections::{BTreeSet, HashSet};

use aims_readiness::locale::Lang;
use aims_readiness::questionnaire::{AiActRef, AiActSystems, Effort, Questionnaire};

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
fn shape_is_eight_domains_and_forty_eight_questions() {
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
    assert_eq!(q.version, "2.0.0");
    assert_eq!(q.questions.len(), 48);
    let split: Vec<usize> = q
        .domains
        .iter()
        .map(|d| q.questions_in(&d.id).count())
        .collect();
    assert_eq!(split, [5, 5, 7, 5, 8, 6, 3, 9]);
    let ids: HashSet<&str> = q.questions.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids.len(), 48, "question ids are unique");
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
        let title = x
            .title
            .as_deref()
            .unwrap_or_else(|| panic!("{id}: has a short title"));
        assert!(
            !title.trim().is_empty() && title.chars().count() <= 60,
            "{id}: title of 1–60 characters"
        );
        for text in std::iter::once(&x.text)
            .chain([&x.guidance])
            .chain(&x.evidence)
            .chain(&x.levels)
            .chain(x.actions.iter().flatten())
        {
            let words: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric() && c != '.')
                .collect();
            assert!(
                !words
                    .iter()
                    .any(|w| ["your", "Your", "e.g.", "i.e."].contains(w)),
                "{id}: one voice (\"the organisation\") and \"for example\": {text}"
            );
        }
        // Levels 4 and 5 say what an assessor would observe, not "automated".
        assert!(
            !x.levels[3..]
                .iter()
                .any(|l| l.to_lowercase().contains("automat")),
            "{id}: automation is not a maturity criterion"
        );
        assert!(!x.refs.iso.is_empty(), "{id}: cites the standard");
        // N/A only on Annex A questions, and not on the three whose controls restate a
        // clause requirement (A.2.2 the policy of 5.2, A.3.2 the roles of 5.3, A.5.2 and
        // A.5.3 the impact assessment of 6.1.4): those cannot be excluded.
        assert_eq!(
            x.allow_na,
            x.domain == "annex_a" && !["ax-01", "ax-02", "ax-04"].contains(&id.as_str()),
            "{id}: N/A only for excludable Annex A objectives"
        );
        // The critical rule, as the README states it: a question is critical when it
        // assesses a requirement of clauses 4 to 10 whose absence an auditor would raise
        // as a nonconformity. Annex A questions never are (their controls can be
        // excluded); nor are the clause-domain questions that assess practices derived
        // from Annex A controls rather than a clause requirement.
        let derived = ["ops-06", "ops-07", "perf-05"];
        assert_eq!(
            x.critical,
            x.domain != "annex_a" && !derived.contains(&id.as_str()),
            "{id}: critical follows the rule"
        );
    }
    let efforts: HashSet<Effort> = q.questions.iter().map(|x| x.effort).collect();
    assert_eq!(efforts.len(), 3, "all three effort levels are used");
    assert_eq!(q.questions.iter().filter(|x| x.critical).count(), 36);
    let weight = |id: &str| q.question(id).expect(id).weight;
    assert_eq!(weight("sup-05"), 3, "documented information weighs 3");
}

#[test]
fn the_review_splits_and_additions_are_in_place() {
    let q = embedded();
    let refs = |id: &str| q.question(id).expect(id).refs.iso.clone();
    // plan-03 split: risk treatment keeps the id; the Statement of Applicability is
    // plan-07; both critical and of weight 3.
    for id in ["plan-03", "plan-07"] {
        let x = q.question(id).expect(id);
        assert!(x.critical && x.weight == 3, "{id}");
        assert_eq!(refs(id), ["6.1.3"]);
    }
    assert!(
        q.question("plan-07")
            .expect("SoA")
            .text
            .contains("Statement of Applicability")
    );
    assert!(
        !q.question("plan-03")
            .expect("plan-03")
            .text
            .contains("Statement of Applicability")
    );
    // perf-02 split: objectives (critical) and AI system operation and monitoring (not).
    assert_eq!(refs("perf-02"), ["9.1", "6.2"]);
    assert!(q.question("perf-02").expect("perf-02").critical);
    assert_eq!(refs("perf-05"), ["9.1", "A.6.2.6", "A.6.2.8"]);
    assert!(!q.question("perf-05").expect("perf-05").critical);
    // ops-02 split: externally provided AI, with the supplier controls; changes in ops-08.
    assert!(refs("ops-02").contains(&"A.10.3".to_string()));
    assert_eq!(refs("ops-08"), ["8.1"]);
    // Human oversight and an AI incident procedure are assessable on their own.
    assert!(
        q.question("ops-06")
            .expect("oversight")
            .text
            .contains("oversee")
    );
    assert!(
        q.question("ops-07")
            .expect("incidents")
            .text
            .contains("incident")
    );
    assert!(
        q.question("perf-06")
            .expect("operating record")
            .text
            .contains("at least once")
    );
    // Smaller corrections.
    assert_eq!(refs("imp-03"), ["10.2"], "cause analysis is 10.2");
    assert!(
        q.question("ctx-01")
            .expect("ctx-01")
            .text
            .contains("climate change")
    );
    assert!(
        q.question("ctx-02")
            .expect("ctx-02")
            .text
            .contains("climate")
    );
    assert!(
        q.question("plan-02")
            .expect("plan-02")
            .guidance
            .contains("prompt injection")
    );
    assert!(
        q.question("ax-08")
            .expect("ax-08")
            .guidance
            .contains("accompanying documentation")
    );
    for id in ["A.6.1.2", "A.9.3"] {
        assert!(
            refs("plan-05").contains(&id.to_string()),
            "plan-05 cites {id}"
        );
    }
}

#[test]
fn the_migration_from_1_0_0_names_only_real_questions() {
    let q = embedded();
    assert_eq!(q.migrations.len(), 1);
    let m = &q.migrations[0];
    assert_eq!(m.from, "1.0.0");
    assert_eq!(m.questions["plan-03"], ["plan-03", "plan-07"]);
    assert_eq!(m.questions["perf-02"], ["perf-02", "perf-05"]);
    assert_eq!(m.questions["ops-02"], ["ops-02", "ops-08"]);
    // Every 1.0.0 id is still a question (none retired), and no retired id is reused.
    let old = Questionnaire::from_json(
        include_str!("fixtures/v1/iso42001-1.0.0.json"),
        "iso42001-1.0.0.json",
    )
    .expect("1.0.0 validates");
    for x in &old.questions {
        assert!(q.question(&x.id).is_some(), "{} is kept", x.id);
    }
    for targets in m.questions.values() {
        for id in targets {
            assert!(q.question(id).is_some(), "{id} exists");
        }
    }
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
        for entry in &x.refs.eu_ai_act {
            let a = entry.article();
            // Every EU AI Act mapping of the default says whom the article binds.
            let to = entry
                .applies_to()
                .unwrap_or_else(|| panic!("{}: {a} says whom it binds (applies_to)", x.id));
            assert!(!to.roles.is_empty(), "{}: {a} names a role", x.id);
            assert!(matches!(entry, AiActRef::Qualified(_)));
            if to.systems == AiActSystems::Specific {
                assert!(to.note.is_some(), "{}: {a} says which systems", x.id);
            }
            let number = a.split('(').next().unwrap_or(a);
            let n: u32 = number
                .strip_prefix("Art. ")
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{}: {a} is written \"Art. N\"", x.id));
            assert!(
                (1..=113).contains(&n),
                "{}: the AI Act has 113 articles",
                x.id
            );
        }
        assert!(
            !x.refs.nist_ai_rmf.iter().any(|s| s == "GOVERN 1.2"),
            "{}: GOVERN 1.2 is a doubtful mapping",
            x.id
        );
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

/// Words of `text`, lower-case, punctuation dropped.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every run of `n` consecutive words of `text`.
fn shingles(text: &str, n: usize) -> BTreeSet<String> {
    words(text).windows(n).map(|w| w.join(" ")).collect()
}

#[test]
fn the_rewritten_openers_share_no_phrase_with_the_flagged_ones() {
    // The review of 1.0.0 found these guidance openers (and ctx-04's slogan) too close
    // to third-party pages; 2.0.0 rewrote them from the clause's intent. No run of five
    // words of a 1.0.0 opener, nor of the short third-party fragments the review quoted
    // for comparison, may appear anywhere in the new text.
    let old = Questionnaire::from_json(
        include_str!("fixtures/v1/iso42001-1.0.0.json"),
        "iso42001-1.0.0.json",
    )
    .expect("1.0.0 validates");
    let flagged = [
        "sup-03", "ctx-02", "ctx-03", "ctx-05", "lead-03", "plan-06", "perf-04", "ctx-01", "ctx-04",
    ];
    let quoted = [
        "Awareness is broader than competence. Everyone needs to know it exists",
        "extend beyond customers and regulators to include the individuals and groups affected by AI decisions",
        "It defines exactly what the AI management system covers",
        "not the policy, the register or the manual on its own",
        "reflect what the organisation actually does with AI",
        "the foundation on which the rest is built",
        "distinct from the change control that applies to AI systems",
        "The management review is where top management formally engages",
        "That single decision shapes everything that follows",
        "You cannot govern AI systems you do not know about",
    ];
    let mut banned: BTreeSet<String> = quoted.iter().flat_map(|q| shingles(q, 5)).collect();
    for id in flagged {
        let guidance = &old.question(id).expect(id).guidance;
        let opener = guidance.split(". ").next().expect("a first sentence");
        banned.extend(shingles(opener, 5));
    }
    let q = embedded();
    for x in &q.questions {
        let all = [x.text.as_str(), x.guidance.as_str()]
            .into_iter()
            .chain(x.evidence.iter().map(String::as_str))
            .chain(x.levels.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        let found: Vec<String> = shingles(&all, 5).intersection(&banned).cloned().collect();
        assert!(found.is_empty(), "{}: {found:?}", x.id);
    }
}

#[test]
fn every_question_has_two_to_four_checks_for_each_level_two_to_five() {
    let q = embedded();
    let mut ids = HashSet::new();
    let mut total = 0;
    for question in &q.questions {
        let levels: Vec<&str> = question.checks.keys().map(String::as_str).collect();
        assert_eq!(
            levels,
            ["2", "3", "4", "5"],
            "{} checks levels",
            question.id
        );
        for level in 2..=5u8 {
            let checks = question.checks_of(level);
            assert!(
                (2..=4).contains(&checks.len()),
                "{} level {level} has {} checks",
                question.id,
                checks.len()
            );
            for (k, c) in checks.iter().enumerate() {
                let letter = char::from(b'a' + k as u8);
                assert_eq!(c.id, format!("{}.{level}{letter}", question.id));
                assert!(ids.insert(c.id.clone()), "duplicate check id {}", c.id);
                assert!(c.text.ends_with('.'), "{} is one sentence", c.id);
                assert!(c.text.len() >= 25, "{} says something observable", c.id);
                total += 1;
            }
        }
    }
    assert!(total >= 48 * 4 * 2, "{total} checks");
}

/// The Loi 25 crosswalk (README, "About the questionnaire"): which questions cite which
/// sections of Québec's private-sector privacy act. A section is cited only where a level-3
/// answer to the question needs the practice that the section requires.
const LOI25: &[(&str, &[&str])] = &[
    ("plan-04", &["s. 3.3"]),
    ("ops-05", &["s. 3.3"]),
    ("ops-07", &["s. 3.5"]),
    ("ax-07", &["s. 3.5", "s. 12.1"]),
];

#[test]
fn the_law_25_crosswalk_is_on_the_expected_questions_only() {
    let q = embedded();
    let cited: Vec<(&str, Vec<&str>)> = q
        .questions
        .iter()
        .filter(|x| !x.refs.loi25.is_empty())
        .map(|x| {
            (
                x.id.as_str(),
                x.refs.loi25.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let expected: Vec<(&str, Vec<&str>)> = LOI25.iter().map(|(id, s)| (*id, s.to_vec())).collect();
    assert_eq!(cited, expected);
    // The sections the README's table explains, and no other.
    let sections: BTreeSet<&str> = cited.iter().flat_map(|(_, s)| s.iter().copied()).collect();
    assert_eq!(
        sections.into_iter().collect::<Vec<_>>(),
        ["s. 12.1", "s. 3.3", "s. 3.5"]
    );
}

#[test]
fn the_law_25_references_show_in_both_languages() {
    let q = embedded();
    let ax07 = &q.question("ax-07").expect("ax-07").refs;
    let en = Lang::En.refs(ax07);
    assert!(en.ends_with(" · Québec Law 25 s. 3.5, s. 12.1"), "{en}");
    assert_eq!(ax07.display(), en);
    let fr = Lang::Fr.refs(ax07);
    assert!(fr.ends_with(" · Loi 25, art. 3.5, art. 12.1"), "{fr}");
    assert!(fr.starts_with("A.8.2, A.8.3, A.8.4, A.8.5 · Règlement européen sur l'IA, art. 13"));
    let plan04 = &q.question("plan-04").expect("plan-04").refs;
    assert!(Lang::Fr.refs(plan04).ends_with("Loi 25, art. 3.3"));
    // A question the crosswalk does not cite says nothing of Law 25.
    let ctx01 = &q.question("ctx-01").expect("ctx-01").refs;
    for lang in Lang::ALL {
        assert_eq!(lang.refs(ctx01), "4.1");
    }
}

#[test]
fn the_readme_crosswalk_table_matches_the_questionnaire() {
    let q = embedded();
    let readme = include_str!("../README.md");
    let ids: HashSet<&str> = q.questions.iter().map(|x| x.id.as_str()).collect();
    // (section, question) pairs as the README's table states them.
    let mut stated = BTreeSet::new();
    for row in readme.lines().filter(|l| l.starts_with("| s. ")) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        // "none: …" explains why no question cites the section; ids there are not citations.
        if cells[3].starts_with("none") {
            continue;
        }
        let sections: Vec<String> = cells[1]
            .trim_start_matches("s. ")
            .split(", ")
            .map(|n| format!("s. {n}"))
            .collect();
        let questions: Vec<&str> = cells[3]
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .filter(|w| ids.contains(w))
            .collect();
        for s in &sections {
            for id in &questions {
                stated.insert((s.clone(), id.to_string()));
            }
        }
    }
    let mapped: BTreeSet<(String, String)> = q
        .questions
        .iter()
        .flat_map(|x| x.refs.loi25.iter().map(|s| (s.clone(), x.id.clone())))
        .collect();
    assert!(!mapped.is_empty());
    assert_eq!(stated, mapped);
}
