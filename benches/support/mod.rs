//! Generated inputs for the benchmarks: big questionnaires and many assessment files.

#![allow(dead_code)]

use aims_readiness::assessment::{Answer, Assessment};
use aims_readiness::questionnaire::{DEFAULT_JSON, Questionnaire};
use serde_json::{Value, json};

/// A valid questionnaire of `questions` questions in `domains` domains, built from the
/// default questionnaire's first question.
pub fn big_questionnaire_json(questions: usize, domains: usize) -> String {
    let base: Value = serde_json::from_str(DEFAULT_JSON).expect("default JSON");
    let template = base["questions"][0].clone();
    let domain_list: Vec<Value> = (0..domains)
        .map(|d| json!({"id": format!("d{d}"), "title": format!("Domain {d}"), "clause": format!("Part {d}")}))
        .collect();
    let question_list: Vec<Value> = (0..questions)
        .map(|i| {
            let mut q = template.clone();
            q["id"] = json!(format!("q{i:05}"));
            q["domain"] = json!(format!("d{}", i % domains));
            q["weight"] = json!(1 + i % 3);
            q["critical"] = json!(i % 4 == 0);
            q["effort"] = json!(["low", "medium", "high"][i % 3]);
            q["text"] = json!(format!("Generated question number {i}?"));
            rename_checks(&mut q, &format!("q{i:05}"));
            q
        })
        .collect();
    let mut v = base;
    // The default's migrations name its own questions, absent from a generated file.
    v.as_object_mut().map(|o| o.remove("migrations"));
    v["id"] = json!("generated");
    v["version"] = json!(format!("{questions}"));
    v["domains"] = json!(domain_list);
    v["questions"] = json!(question_list);
    // The generated questions are not Annex A ones: the controls have nothing to be tied to.
    if let Some(o) = v.as_object_mut() {
        o.remove("controls");
        o.remove("control_objectives");
    }
    serde_json::to_string_pretty(&v).expect("serializes")
}

/// Gives the checks of a copied question ids of its own (check ids are unique).
pub fn rename_checks(question: &mut Value, id: &str) {
    if let Some(levels) = question["checks"].as_object_mut() {
        for checks in levels.values_mut().filter_map(Value::as_array_mut) {
            for (k, check) in checks.iter_mut().enumerate() {
                check["id"] = json!(format!("{id}.{k}-{}", check["id"].as_str().unwrap_or("")));
            }
        }
    }
}

/// An assessment of `q` with about 90 % of the questions answered.
pub fn answered(q: &Questionnaire, seed: usize) -> Assessment {
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").expect("date");
    let mut a = Assessment::new(q, now);
    a.meta.organisation = "Acme Analytics".into();
    for (i, question) in q.questions.iter().enumerate() {
        if (i + seed) % 10 == 9 {
            continue;
        }
        let level = u8::try_from((i * 7 + seed) % 5 + 1).expect("level");
        a.answers.insert(
            question.id.clone(),
            Answer {
                level: Some(level),
                note: format!("Seen in the review of {i}."),
                evidence: vec!["Policy v2".into()],
                ..Answer::default()
            },
        );
    }
    a
}
