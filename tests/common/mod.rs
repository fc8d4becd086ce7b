//! Fixtures shared by the export tests: synthetic questionnaires of any size and
//! assessments with known levels, on a fixed clock.
#![allow(dead_code)]

use aims_readiness::assessment::{Answer, Assessment, PlanEntry, PlanStatus};
use aims_readiness::questionnaire::{Domain, Effort, Question, Questionnaire, Refs, ScaleLevel};
use chrono::{DateTime, FixedOffset, NaiveDate};

/// The export clock of every fixture.
pub fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T10:00:00+01:00").unwrap()
}

/// The roadmap start of every fixture.
pub fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

const LABELS: [&str; 20] = [
    "Context",
    "Leadership",
    "Planning",
    "Support",
    "Operation",
    "Performance evaluation",
    "Improvement",
    "Annex A controls",
    "Data governance",
    "Model lifecycle",
    "Third parties",
    "Incident response",
    "Transparency",
    "Human oversight",
    "Impact assessment",
    "Security",
    "Privacy",
    "Fairness and bias",
    "Records",
    "Training and awareness",
];

/// A valid questionnaire with `domains` domains of `per_domain` questions each.
pub fn questionnaire(domains: usize, per_domain: usize) -> Questionnaire {
    let scale: Vec<ScaleLevel> = [
        "Initial",
        "Managed",
        "Defined",
        "Quantitatively managed",
        "Optimising",
    ]
    .iter()
    .enumerate()
    .map(|(i, name)| ScaleLevel {
        level: i as u8 + 1,
        name: name.to_string(),
        description: format!("Generic description of level {}.", i + 1),
    })
    .collect();
    let domain_list: Vec<Domain> = (0..domains)
        .map(|d| Domain {
            id: format!("d{}", d + 1),
            title: LABELS[d % LABELS.len()].to_string(),
            short_title: None,
            clause: format!("Clause {}", d + 4),
            description: "What the domain covers.".into(),
            default_target: None,
        })
        .collect();
    let mut questions = Vec::new();
    for d in 0..domains {
        for j in 0..per_domain {
            let id = format!("d{}-q{}", d + 1, j + 1);
            questions.push(Question {
                id: id.clone(),
                title: None,
                domain: format!("d{}", d + 1),
                refs: Refs {
                    iso: vec![format!("{}.{}", d + 4, j + 1)],
                    ..Refs::default()
                },
                text: format!(
                    "Does the organisation do thing {} of domain {}?",
                    j + 1,
                    d + 1
                ),
                guidance: "Why it matters.".into(),
                evidence: vec!["A policy".into(), "Meeting minutes".into()],
                levels: (1..=5).map(|l| format!("{id} at level {l}")).collect(),
                actions: (1..5)
                    .map(|l| vec![format!("Raise {id} from {l} to {}", l + 1)])
                    .collect(),
                weight: (j % 3) as u8 + 1,
                critical: j == 0,
                effort: [Effort::Low, Effort::Medium, Effort::High][j % 3],
                allow_na: j == 2,
                checks: Default::default(),
            });
        }
    }
    let doc = serde_json::json!({
        "schema_version": 1,
        "id": "fixture",
        "version": "1.0.0",
        "title": "Fixture readiness",
        "readiness_threshold": 3,
        "default_target": 3,
        "scale": scale,
        "domains": domain_list,
        "questions": questions,
    });
    let q = Questionnaire::from_json(&doc.to_string(), "fixture").unwrap();
    assert!(q.problems().is_empty(), "{:?}", q.problems());
    q
}

/// An assessment where question `j` of domain `d` is at `level(d, j)` (None: unanswered).
pub fn assessment(q: &Questionnaire, level: impl Fn(usize, usize) -> Option<u8>) -> Assessment {
    let mut a = Assessment::new(q, now());
    a.meta.organisation = "Acme Robotics".into();
    a.meta.scope = "AI products".into();
    a.meta.assessors = vec!["Jo Auditor".into()];
    for (d, domain) in q.domains.iter().enumerate() {
        for (j, question) in q.questions_in(&domain.id).enumerate() {
            if let Some(l) = level(d, j) {
                a.answers.insert(
                    question.id.clone(),
                    Answer {
                        level: Some(l),
                        note: format!("Note on {}", question.id),
                        evidence: vec![format!("evidence-{}.pdf", question.id)],
                        ..Answer::default()
                    },
                );
            }
        }
    }
    a
}

/// Levels that differ per domain, so that polygon vertices are distinct.
pub fn varied(d: usize, j: usize) -> Option<u8> {
    Some(((d + j) % 5) as u8 + 1)
}

/// Sets an owner and status on a roadmap item.
pub fn own(a: &mut Assessment, question: &str, owner: &str, status: PlanStatus) {
    a.plan.insert(
        question.into(),
        PlanEntry {
            owner: owner.into(),
            status,
            ..PlanEntry::default()
        },
    );
}

/// Runs the binary with its data in `home` and no language in the environment but
/// `env` (`AIMS_READINESS_LANG`, `LC_ALL`, `LC_MESSAGES` and `LANG` removed first).
pub fn run_in_language(
    args: &[&str],
    home: &std::path::Path,
    env: &[(&str, &str)],
) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_aims-readiness"));
    command
        .args(args)
        .env("AIMS_READINESS_HOME", home)
        .env_remove("AIMS_READINESS_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("the binary runs")
}
