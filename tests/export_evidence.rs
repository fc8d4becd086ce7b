//! Evidence in the exports: the report's register (short and full SHA-256), claimed
//! against evidenced levels with the unmet checks, and OSCAL relevant-evidence with
//! the hash as a prop (valid against NIST's schema).

use aims_readiness::assessment::{Assessment, Extra};
use aims_readiness::evidence::{EvidenceItem, EvidenceKind};
use aims_readiness::export::{Format, Report};
use aims_readiness::questionnaire::Questionnaire;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::Value;

const HASH: &str = "af4e311a4c105dacaf304a65fec1a521960bb5bbf5d32cb51dcf027610b5b32e";

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T10:00:00+01:00").expect("date")
}

fn item(location: &str, title: &str, kind: EvidenceKind, sha256: Option<&str>) -> EvidenceItem {
    EvidenceItem {
        id: String::new(),
        title: title.into(),
        kind,
        location: location.into(),
        sha256: sha256.map(str::to_string),
        bytes: sha256.map(|_| 12),
        dated: NaiveDate::from_ymd_opt(2026, 2, 1),
        owner: "Dana".into(),
        added: Some(now()),
        resolved: None,
        extra: Extra::new(),
    }
}

/// ctx-01 claimed 4 with only its level-2 checks ticked, a file on a check and a link
/// on the question.
fn fixture() -> (Questionnaire, Assessment) {
    let q = Questionnaire::embedded().expect("embedded");
    let ctx = q.question("ctx-01").expect("ctx-01").clone();
    let mut a = Assessment::new(&q, now());
    a.meta.organisation = "Acme".into();
    a.answer_mut("ctx-01").level = Some(4);
    for check in ctx.checks_of(2) {
        a.set_check("ctx-01", &check.id, true, now());
    }
    let file = item(
        "Revue de direction/Procès-verbal | <b>été</b>.pdf",
        "Minutes <b>| one",
        EvidenceKind::File,
        Some(HASH),
    );
    a.add_evidence(&ctx, Some("ctx-01.2a"), file, now())
        .expect("file");
    let link = item(
        "https://intranet.example/context",
        "Context register",
        EvidenceKind::Link,
        None,
    );
    a.add_evidence(&ctx, None, link, now()).expect("link");
    (q, a)
}

fn render(format: Format) -> String {
    let (q, a) = fixture();
    let report = Report::new(&q, &a, now().date_naive(), now());
    String::from_utf8(report.render(format).expect("renders")).expect("utf-8")
}

#[test]
fn the_report_lists_the_register_and_the_claim_against_the_evidence() {
    let md = render(Format::Md);
    assert!(md.contains("## Evidence register"), "{md}");
    assert!(md.contains(&HASH[..12]), "short hash in the table");
    assert!(
        md.contains(&format!("SHA-256 {HASH}, 12 bytes")),
        "full hash"
    );
    assert!(md.contains("claimed 4 · evidence supports 2 · scored 2"));
    // The critical gaps table keeps the unsupported claim visible.
    assert!(md.contains("| 2 Managed (claimed 4) |"), "{md}");
    assert!(
        md.contains("ctx-01.3a (level 3)"),
        "unmet checks are listed"
    );
    assert!(!md.contains("ctx-01.2a (level 2)"), "met checks are not");
    // User text is escaped for Markdown tables and HTML.
    assert!(!md.contains("| <b>été"), "{md}");
    let html = render(Format::Html);
    assert!(html.contains(HASH));
    assert!(!html.contains("<b>été"), "raw HTML from a path");
    assert!(!html.contains("Minutes <b>"), "raw HTML from a title");
}

#[test]
fn results_carry_claimed_evidenced_and_the_effective_level() {
    let json: Value = serde_json::from_str(&render(Format::Json)).expect("json");
    let ctx = &json["questions"][0];
    assert_eq!(ctx["id"], "ctx-01");
    assert_eq!(
        (ctx["claimed"].as_u64(), ctx["evidenced"].as_u64()),
        (Some(4), Some(2))
    );
    assert_eq!(ctx["level"], 2);
}

#[test]
fn oscal_points_at_the_evidence_with_its_hash_and_stays_valid() {
    let doc: Value = serde_json::from_str(&render(Format::Oscal)).expect("json");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/oscal/oscal_complete_schema.json"
    ))
    .expect("schema");
    let schema: Value = serde_json::from_str(&text).expect("schema json");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("validator");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let observations = doc["assessment-results"]["results"][0]["observations"]
        .as_array()
        .expect("observations");
    let evidence = observations
        .iter()
        .find(|o| o["title"].as_str().is_some_and(|t| t.contains("ctx-01")))
        .and_then(|o| o["relevant-evidence"].as_array())
        .expect("relevant evidence on ctx-01");
    let hash_prop = evidence
        .iter()
        .flat_map(|e| e["props"].as_array().into_iter().flatten())
        .find(|p| p["name"] == "sha256")
        .expect("a sha256 prop");
    assert_eq!(hash_prop["value"], HASH);
    assert!(
        evidence
            .iter()
            .any(|e| e["href"] == "https://intranet.example/context"),
        "the link keeps its address"
    );
    let finding = &doc["assessment-results"]["results"][0]["findings"][0];
    let props = finding["props"].as_array().expect("props");
    let value = |name: &str| {
        props
            .iter()
            .find(|p| p["name"] == name)
            .map(|p| p["value"].clone())
    };
    assert_eq!(value("claimed-level"), Some("4".into()));
    assert_eq!(value("evidenced-level"), Some("2".into()));
    assert_eq!(value("maturity-level"), Some("2".into()));
}
