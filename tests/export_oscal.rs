//! assessment-results.oscal.json against NIST's published OSCAL 1.2.3 JSON schema
//! (vendored in tests/oscal with its licence).

mod common;

use aims_readiness::assessment::PlanStatus;
use aims_readiness::export::oscal::{NS, OSCAL_VERSION};
use aims_readiness::export::{Format, Report};
use aims_readiness::questionnaire::Questionnaire;
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/oscal/oscal_complete_schema.json"
    ))
    .unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn hostile_fixture(q: &Questionnaire) -> aims_readiness::assessment::Assessment {
    let mut a = common::assessment(q, |d, j| match (d, j) {
        (0, 2) => None,
        (1, _) => Some(1),
        _ => common::varied(d, j),
    });
    a.meta.organisation = "  Acme \"<b>\" | =HYPERLINK(\"x\")\n".into();
    a.meta.assessors = vec!["Jo\tAuditor ".into(), "".into()];
    // An N/A answer with a justification, and a note over several lines.
    let na = a.answer_mut("d3-q3");
    na.na = true;
    na.level = None;
    na.note = "Excluded: no in-house models.\n\n# second line".into();
    a.answer_mut("d1-q1").evidence.push("  ".into());
    common::own(
        &mut a,
        "d2-q1",
        " =HYPERLINK(\"http://x\") ",
        PlanStatus::InProgress,
    );
    common::own(&mut a, "d2-q2", "Sam", PlanStatus::Done);
    a
}

fn render(q: &Questionnaire, a: &aims_readiness::assessment::Assessment) -> Value {
    let report = Report::new(q, a, common::start(), common::now());
    serde_json::from_slice(&report.render(Format::Oscal).unwrap()).unwrap()
}

#[test]
fn valid_against_nist_schema() {
    let v = validator();
    let q = common::questionnaire(4, 3);
    let doc = render(&q, &hostile_fixture(&q));
    assert_eq!(errors(&v, &doc), Vec::<String>::new());
    assert_eq!(
        doc["assessment-results"]["metadata"]["oscal-version"],
        OSCAL_VERSION
    );

    let empty = common::assessment(&q, |_, _| None);
    assert_eq!(errors(&v, &render(&q, &empty)), Vec::<String>::new());

    let embedded = Questionnaire::embedded().unwrap();
    let full = common::assessment(&embedded, |d, j| Some(((d + 2 * j) % 5) as u8 + 1));
    assert_eq!(errors(&v, &render(&embedded, &full)), Vec::<String>::new());
}

#[test]
fn the_validator_rejects_what_nist_rejects() {
    let v = validator();
    let q = common::questionnaire(3, 2);
    let doc = render(&q, &hostile_fixture(&q));
    let finding = "/assessment-results/results/0/findings/0";
    let mutations: [(&str, Value); 4] = [
        ("/target/status/state", "partially-satisfied".into()),
        ("/uuid", "not-a-uuid".into()),
        ("/target/target-id", "4.1".into()),
        ("/props/0/value", " padded ".into()),
    ];
    for (path, value) in mutations {
        let mut bad = doc.clone();
        *bad.pointer_mut(&format!("{finding}{path}")).unwrap() = value;
        assert!(!errors(&v, &bad).is_empty(), "accepted a bad {path}");
    }
}

#[test]
fn one_finding_per_question_with_namespaced_maturity() {
    let q = common::questionnaire(4, 3);
    let a = hostile_fixture(&q);
    let report = Report::new(&q, &a, common::start(), common::now());
    let doc = render(&q, &a);
    let result = &doc["assessment-results"]["results"][0];
    let findings = result["findings"].as_array().unwrap();
    assert_eq!(findings.len(), q.questions.len());
    for (finding, score) in findings.iter().zip(&report.scores.questions) {
        assert_eq!(finding["target"]["target-id"], score.id.as_str());
        let prop = |name: &str| {
            finding["props"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["name"] == name)
                .map(|p| {
                    assert_eq!(p["ns"], NS);
                    p["value"].as_str().unwrap().to_string()
                })
        };
        let state = finding["target"]["status"]["state"].as_str().unwrap();
        match (score.na, score.level, score.gap) {
            (true, _, _) => assert_eq!(state, "satisfied"),
            (_, None, _) => {
                assert_eq!(state, "not-satisfied");
                assert_eq!(prop("answer-state").as_deref(), Some("unanswered"));
            }
            (_, Some(level), Some(gap)) => {
                assert_eq!(
                    state,
                    if gap == 0 {
                        "satisfied"
                    } else {
                        "not-satisfied"
                    }
                );
                assert_eq!(prop("maturity-level"), Some(level.to_string()));
                assert_eq!(prop("maturity-gap"), Some(gap.to_string()));
            }
            other => panic!("unexpected score {other:?}"),
        }
        let target = report.scores.domain(&score.domain).unwrap().target;
        assert_eq!(prop("maturity-target"), Some(target.to_string()));
    }
    // Roadmap items are risks with remediations carrying the phase dates and owner.
    let risks = result["risks"].as_array().unwrap();
    assert_eq!(risks.len(), report.roadmap.len());
    let item = report
        .roadmap
        .iter()
        .find(|i| i.question == "d2-q1")
        .unwrap();
    let risk = risks
        .iter()
        .find(|r| {
            r["title"].as_str().unwrap().starts_with("d2\\-q1")
                || r["title"].as_str().unwrap().starts_with("d2-q1")
        })
        .unwrap();
    assert_eq!(risk["status"], "remediating");
    assert_eq!(risk["remediations"][0]["lifecycle"], "planned");
    let timing = &risk["remediations"][0]["tasks"][0]["timing"]["within-date-range"];
    assert!(
        timing["end"]
            .as_str()
            .unwrap()
            .starts_with(&item.due.to_string())
    );
    let text = serde_json::to_string(risk).unwrap();
    assert!(text.contains("=HYPERLINK"), "owner kept as data");
}

#[test]
fn uuids_are_unique_and_stable() {
    let q = common::questionnaire(3, 3);
    let a = hostile_fixture(&q);
    let first = Report::new(&q, &a, common::start(), common::now())
        .render(Format::Oscal)
        .unwrap();
    let again = Report::new(&q, &a, common::start(), common::now())
        .render(Format::Oscal)
        .unwrap();
    assert_eq!(first, again, "same assessment, same document");
    let doc: Value = serde_json::from_slice(&first).unwrap();
    let mut uuids = Vec::new();
    collect_uuids(&doc, &mut uuids);
    let count = uuids.len();
    uuids.sort();
    uuids.dedup();
    assert_eq!(uuids.len(), count, "every defined uuid is unique");
    assert!(count > q.questions.len());
    // Every reference to a uuid points at one defined in the document.
    let mut references = Vec::new();
    collect_references(&doc, &mut references);
    assert!(references.len() > q.questions.len());
    for r in references {
        assert!(uuids.binary_search(&r).is_ok(), "dangling reference {r}");
    }
    let href = doc["assessment-results"]["import-ap"]["href"]
        .as_str()
        .unwrap();
    assert!(uuids.binary_search(&href[1..].to_string()).is_ok());
}

fn collect_references(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                if k.ends_with("-uuid") {
                    out.push(v.as_str().unwrap().to_string());
                } else if k.ends_with("-uuids") {
                    out.extend(
                        v.as_array()
                            .unwrap()
                            .iter()
                            .map(|u| u.as_str().unwrap().to_string()),
                    );
                } else {
                    collect_references(v, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_references(i, out)),
        _ => {}
    }
}

fn collect_uuids(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                if k == "uuid" {
                    out.push(v.as_str().unwrap().to_string());
                } else {
                    collect_uuids(v, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_uuids(i, out)),
        _ => {}
    }
}

/// Any date the loader accepts gives OSCAL that NIST's schema accepts: zone offsets the
/// schema does not list (`+01:23`) are written as the same instant in UTC, and years
/// outside the range exports can carry are refused when the assessment is loaded.
#[test]
fn every_date_the_loader_accepts_gives_valid_oscal() {
    let v = validator();
    let q = common::questionnaire(4, 3);
    let mut a = common::assessment(&q, common::varied);
    let odd = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:23").unwrap();
    a.meta.created = odd;
    a.meta.updated = odd;
    a.answer_mut("d1-q1").updated = Some(odd);
    let generated = chrono::DateTime::parse_from_rfc3339("2026-11-24T10:00:00-07:17").unwrap();
    let report = Report::new(&q, &a, common::start(), generated);
    let doc: Value = serde_json::from_slice(&report.render(Format::Oscal).unwrap()).unwrap();
    assert_eq!(errors(&v, &doc), Vec::<String>::new());
    assert_eq!(
        doc["assessment-results"]["results"][0]["start"],
        "2026-11-23T07:37:00Z"
    );

    for year in ["1850", "3500"] {
        let mut far = common::assessment(&q, common::varied);
        far.meta.created =
            chrono::DateTime::parse_from_rfc3339(&format!("{year}-01-01T00:00:00Z")).unwrap();
        let problems = far.mismatches(&q);
        assert!(
            problems.iter().any(|p| p.at == "meta.created"),
            "{year}: {problems:?}"
        );
    }
}
