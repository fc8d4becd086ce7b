//! Time grows linearly with the number of domains: look-ups by id are indexed.

use std::time::{Duration, Instant};

use aims_readiness::assessment::Assessment;
use aims_readiness::export::{Format, Report};
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::scoring;
use serde_json::{Value, json};

/// The default questionnaire's first domain and question, repeated as `domains`
/// one-question domains.
fn many_domains(domains: usize) -> Questionnaire {
    let mut v: Value =
        serde_json::from_str(aims_readiness::questionnaire::DEFAULT_JSON).expect("json");
    let domain = v["domains"][0].clone();
    let question = v["questions"][0].clone();
    let (mut ds, mut qs) = (Vec::new(), Vec::new());
    for i in 0..domains {
        let mut d = domain.clone();
        d["id"] = json!(format!("d{i}"));
        let mut q = question.clone();
        q["id"] = json!(format!("q{i}"));
        q["domain"] = json!(format!("d{i}"));
        // Check ids are unique across a questionnaire: copies get their own.
        for checks in q["checks"].as_object_mut().expect("checks").values_mut() {
            for check in checks.as_array_mut().expect("list") {
                check["id"] = json!(format!("q{i}-{}", check["id"].as_str().expect("id")));
            }
        }
        ds.push(d);
        qs.push(q);
    }
    v["id"] = json!("many");
    v.as_object_mut().expect("object").remove("migrations");
    for key in ["control_objectives", "controls"] {
        v.as_object_mut().expect("object").remove(key);
    }
    v["domains"] = json!(ds);
    v["questions"] = json!(qs);
    Questionnaire::from_json(&v.to_string(), "many.json").expect("valid")
}

/// The time to score an assessment, build its roadmap and write roadmap.csv and
/// results.json, best of three.
fn time_for(domains: usize) -> Duration {
    let q = many_domains(domains);
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").expect("date");
    let mut a = Assessment::new(&q, now);
    for (i, question) in q.questions.iter().enumerate() {
        a.answer_mut(&question.id).level = Some((i % 5) as u8 + 1);
    }
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let scores = scoring::score(&q, &a);
            assert_eq!(scores.domains.len(), domains);
            let report = Report::new(&q, &a, now.date_naive(), now);
            for format in [Format::Csv, Format::Json] {
                assert!(!report.render(format).expect("renders").is_empty());
            }
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Eight times the domains may take about eight times as long, not sixty-four: every
/// look-up by id is indexed (a quadratic one made 100,000 domains take 37 s to score).
#[test]
fn scoring_and_exports_stay_linear_in_the_number_of_domains() {
    let small = time_for(5_000);
    let large = time_for(40_000);
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
    eprintln!("5,000 domains: {small:?}; 40,000: {large:?}; ratio {ratio:.1}");
    assert!(ratio < 20.0, "{small:?} then {large:?}: ratio {ratio:.1}");
}
