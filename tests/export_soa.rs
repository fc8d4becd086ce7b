//! The Statement of Applicability in every export: soa.csv, the report section in
//! Markdown and HTML, results.json's `soa` block; hostile justifications inert.

mod common;

use aims_readiness::assessment::{AdditionalControl, Assessment, ControlDecision, Implementation};
use aims_readiness::export::{Format, Report};
use aims_readiness::questionnaire::Questionnaire;

const SCRIPT: &str = "<script>alert(1)</script>";
const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"click\")";
const PIPE: &str = "left | right";

fn decide(
    a: &mut Assessment,
    id: &str,
    applicable: bool,
    justification: &str,
    implementation: Option<Implementation>,
    owner: &str,
) {
    a.soa.insert(
        id.into(),
        ControlDecision {
            applicable: Some(applicable),
            justification: justification.into(),
            implementation,
            owner: owner.into(),
            ..ControlDecision::default()
        },
    );
}

/// The embedded questionnaire, every question at 3; A.10.4 excluded, A.6.2.8 partial,
/// A.2.2 implemented, A.5.4 excluded with hostile text, one additional control.
fn fixture() -> (Questionnaire, Assessment) {
    let q = Questionnaire::embedded().expect("embedded");
    let mut a = common::assessment(&q, |_, _| Some(3));
    decide(
        &mut a,
        "A.10.4",
        false,
        "Our AI serves internal staff only",
        None,
        "",
    );
    decide(
        &mut a,
        "A.6.2.8",
        true,
        "Needed for incident analysis",
        Some(Implementation::Partial),
        "Ops lead",
    );
    decide(
        &mut a,
        "A.2.2",
        true,
        "Clause 5.2",
        Some(Implementation::Implemented),
        "CISO",
    );
    decide(
        &mut a,
        "A.5.4",
        false,
        &format!("{FORMULA} {PIPE}\n{SCRIPT}\n# heading"),
        None,
        &format!("+{SCRIPT}"),
    );
    a.additional_controls.push(AdditionalControl {
        id: "ORG-1".into(),
        title: "Model cards for every release".into(),
        source: "Customer contract".into(),
        decision: ControlDecision {
            applicable: Some(true),
            justification: "Contract clause 7".into(),
            implementation: Some(Implementation::Planned),
            ..ControlDecision::default()
        },
    });
    (q, a)
}

fn render(report: &Report<'_>, format: Format) -> String {
    String::from_utf8(report.render(format).expect("renders")).expect("utf-8")
}

#[test]
fn soa_csv_has_one_row_per_control_with_formulas_neutralised() {
    let (q, a) = fixture();
    let report = Report::new(&q, &a, common::start(), common::now());
    assert_eq!(Format::Soa.file_name(), "soa.csv");
    let bytes = report.render(Format::Soa).expect("renders");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "control id",
            "objective",
            "title",
            "included",
            "justification",
            "implementation",
            "owner",
            "evidence",
            "question",
            "question level",
            "finding"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        39,
        "38 Annex A controls, then the additional one"
    );
    let row = |id: &str| rows.iter().find(|r| &r[0] == id).expect(id).clone();
    let a104 = row("A.10.4");
    assert_eq!(
        (
            &a104[1], &a104[3], &a104[4], &a104[5], &a104[8], &a104[9], &a104[10]
        ),
        (
            "A.10",
            "no",
            "Our AI serves internal staff only",
            "",
            "ax-09",
            "3",
            ""
        )
    );
    let a628 = row("A.6.2.8");
    assert_eq!(
        (&a628[3], &a628[5], &a628[6], &a628[10]),
        ("yes", "partial", "Ops lead", "minor")
    );
    assert_eq!(&row("A.7.2")[3], "", "undecided");
    let a54 = row("A.5.4");
    assert_eq!(
        &a54[4],
        &format!("'{FORMULA} {PIPE}\n{SCRIPT}\n# heading"),
        "neutralised, kept whole"
    );
    assert_eq!(&a54[6], &format!("'+{SCRIPT}"));
    let org = &rows[38];
    assert_eq!(
        (&org[0], &org[1], &org[5]),
        ("ORG-1", "additional (Customer contract)", "planned")
    );
    for r in &rows {
        for cell in r {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell {cell:?}"
            );
        }
    }
}

#[test]
fn a_questionnaire_without_controls_writes_only_the_header() {
    let q = common::questionnaire(2, 2);
    let a = common::assessment(&q, |_, _| Some(2));
    let report = Report::new(&q, &a, common::start(), common::now());
    let text = render(&report, Format::Soa);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(!render(&report, Format::Md).contains("Statement of Applicability"));
}

#[test]
fn the_reports_carry_the_statement_with_justifications_escaped() {
    let (q, a) = fixture();
    let report = Report::new(&q, &a, common::start(), common::now());
    let md = render(&report, Format::Md);
    let section = md.find("## Statement of Applicability").expect("section");
    let roadmap = md.find("## Roadmap").expect("roadmap");
    assert!(section < roadmap, "the statement comes before the roadmap");
    let soa = &md[section..roadmap];
    assert!(
        soa.contains("3 included (1 implemented), 2 excluded, 34 without a decision"),
        "{soa}"
    );
    assert!(soa.contains("### A.10 Third parties and customers"));
    assert!(
        soa.contains(
            "| A.10.4 | Customers | excluded | Our AI serves internal staff only | – | – |"
        ),
        "{soa}"
    );
    assert!(
        soa.contains("| A.6.2.8 | Event logs | included **(minor)** | Needed for incident analysis | partial | Ops lead |"),
        "{soa}"
    );
    assert!(soa.contains("### Additional controls"));
    assert!(soa.contains("\\<script\\>"), "escaped");
    for (i, _) in md.match_indices('<') {
        assert!(md[..i].ends_with('\\'), "raw < at {i}");
    }
    assert!(!md.lines().any(|l| l.starts_with("# heading")));
    // The verdict's reasons, most severe first, in the executive summary...
    let summary = &md[..md.find("## Contents").expect("contents")];
    assert!(
        summary.contains("**Why:** 1 major, 2 minor, 0 improvements"),
        "{summary}"
    );
    let major = summary
        .find("**Major:** Statement of Applicability incomplete")
        .expect("major");
    let minor = summary
        .find("control A.6.2.8 is included and partial")
        .expect("minor");
    assert!(major < minor);
    // ... and all of them, with the counts, in the findings section.
    let findings = &md[md.find("## Findings").expect("findings")..];
    assert!(findings.contains("**Findings:** 1 major, 2 minor, 0 improvements."));
    assert!(findings.contains("### Why this verdict"));

    let html = render(&report, Format::Html);
    assert!(html.contains("Statement of Applicability</h2>"));
    assert!(!html.contains("<script"), "script element");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn results_json_has_the_soa_block() {
    let (q, a) = fixture();
    let report = Report::new(&q, &a, common::start(), common::now());
    let v: serde_json::Value = serde_json::from_str(&render(&report, Format::Json)).expect("json");
    let soa = &v["soa"];
    assert_eq!(
        (
            &soa["included"],
            &soa["excluded"],
            &soa["undecided"],
            &soa["implemented"]
        ),
        (&3.into(), &2.into(), &34.into(), &1.into())
    );
    let controls = soa["controls"].as_array().expect("controls");
    assert_eq!(controls.len(), 39);
    let a628 = &controls[22];
    assert_eq!(a628["id"], "A.6.2.8");
    for key in [
        "id",
        "objective",
        "applicable",
        "justification",
        "implementation",
        "owner",
    ] {
        assert!(a628.get(key).is_some(), "{key}");
    }
    assert_eq!(a628["implementation"], "partial");
    assert_eq!(v["method"], 2);
    // Without controls, soa is null.
    let plain = common::questionnaire(2, 2);
    let pa = common::assessment(&plain, |_, _| Some(2));
    let r = Report::new(&plain, &pa, common::start(), common::now());
    let v: serde_json::Value = serde_json::from_str(&render(&r, Format::Json)).expect("json");
    assert!(v["soa"].is_null());
}
