//! report.md, report.html and roadmap.csv: a snapshot of the Markdown for a fixture
//! assessment, and hostile user text coming out inert in every format.

mod common;

use aims_readiness::assessment::{Assessment, PlanStatus};
use aims_readiness::export::{Format, Report};
use aims_readiness::questionnaire::Questionnaire;
use base64::Engine;

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "\"><img src=x onerror=alert(1)>";
const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"click\")";
const PIPE: &str = "left | right";

/// The fixture of the snapshot: three domains, a mix of levels, N/A, unanswered,
/// owners and statuses, notes and evidence.
fn fixture(q: &Questionnaire) -> Assessment {
    let mut a = common::assessment(q, |d, j| match (d, j) {
        (2, 1) => None,
        _ => Some(((d * 2 + j) % 4) as u8 + 1),
    });
    a.meta.roadmap_start = Some(common::start());
    let na = a.answer_mut("d2-q3");
    na.na = true;
    na.level = None;
    na.note = "Not applicable: no models are trained in house.".into();
    a.answer_mut("d1-q2").flagged = true;
    a.answer_mut("d1-q2").flag_reason = "Check with legal".into();
    common::own(&mut a, "d1-q1", "Dana Lead", PlanStatus::InProgress);
    common::own(&mut a, "d3-q1", "Sam", PlanStatus::Open);
    a
}

fn hostile(q: &Questionnaire) -> Assessment {
    let mut a = fixture(q);
    a.meta.organisation = format!("{SCRIPT} {PIPE} {FORMULA}");
    a.meta.scope = IMG.into();
    a.meta.assessors = vec![format!("# {PIPE}")];
    for id in ["d1-q1", "d1-q2", "d3-q1"] {
        let answer = a.answer_mut(id);
        answer.note = format!("{SCRIPT}\n{IMG}\n{FORMULA}\n- {PIPE}\n# heading\n`code`");
        answer.evidence = vec![FORMULA.into(), IMG.into(), format!("@SUM(A1) {PIPE}")];
    }
    common::own(
        &mut a,
        "d1-q1",
        &format!("{FORMULA} {PIPE}"),
        PlanStatus::InProgress,
    );
    common::own(&mut a, "d3-q1", &format!("+{SCRIPT}"), PlanStatus::Open);
    common::own(&mut a, "d3-q2", &format!("-{IMG}"), PlanStatus::Done);
    a
}

fn render(report: &Report<'_>, format: Format) -> String {
    String::from_utf8(report.render(format).unwrap()).unwrap()
}

#[test]
fn report_md_snapshot() {
    let q = common::questionnaire(3, 3);
    let a = fixture(&q);
    let report = Report::new(&q, &a, common::start(), common::now());
    insta::assert_snapshot!("report_md", render(&report, Format::Md));
}

#[test]
fn report_md_snapshot_with_baseline() {
    let q = common::questionnaire(3, 3);
    let a = fixture(&q);
    let old = common::assessment(&q, |d, j| (j < 2).then_some((d % 2) as u8 + 1));
    let report = Report::new(&q, &a, common::start(), common::now()).with_baseline(&old);
    let md = render(&report, Format::Md);
    assert!(md.contains("## Progress since the baseline"));
    insta::assert_snapshot!("report_md_baseline", md);
}

#[test]
fn markdown_has_every_section_in_order() {
    let q = common::questionnaire(3, 3);
    let a = fixture(&q);
    let report = Report::new(&q, &a, common::start(), common::now());
    let md = render(&report, Format::Md);
    let sections = [
        "# Maturity report: Acme Robotics",
        "## Executive summary",
        "**Verdict:**",
        "**Why:**",
        "**Earliest realistic certification audit:**",
        "**Change since the baseline:**",
        "**Strengths:**",
        "**Assessor's conclusion:**",
        "### First five actions",
        "## Contents",
        "## Maturity profile",
        "![Radar chart",
        "### Assessor's notes by domain",
        "## Findings",
        "### Critical gaps",
        "### Other gaps below target",
        "## Roadmap",
        "### Phase 1: Quick wins and blockers (2026-03-02 to 2026-06-02)",
        "### Phase 2: Foundations (2026-06-02 to 2026-09-02)",
        "### Phase 3: Maturity (2026-09-02 to 2027-03-02)",
        "## Actions by owner",
        "## Appendix: answers by question",
        "## Method",
    ];
    let mut at = 0;
    for s in sections {
        let found = md[at..]
            .find(s)
            .unwrap_or_else(|| panic!("missing or out of order: {s}"));
        at += found + s.len();
    }
    assert!(md.contains("Dana Lead"), "owners shown");
    assert!(md.contains("evidence-d1-q1.pdf"), "evidence shown");
    assert!(md.contains("Check with legal"), "follow-up reason shown");
}

/// Pipes in a Markdown table line that are not escaped.
fn raw_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    count
}

#[test]
fn hostile_text_is_inert_in_markdown() {
    let q = common::questionnaire(3, 3);
    let a = hostile(&q);
    let md = render(
        &Report::new(&q, &a, common::start(), common::now()),
        Format::Md,
    );
    // Every angle bracket is escaped, so nothing can open raw HTML.
    for (i, _) in md.match_indices('<') {
        assert!(
            md[..i].ends_with('\\'),
            "raw < at {i}: {}",
            &md[i.saturating_sub(20)..i + 10]
        );
    }
    assert!(md.contains("\\<script\\>"));
    // Every table row keeps the column count of its header.
    let mut columns = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let pipes = raw_pipes(line);
            let expected = *columns.get_or_insert(pipes);
            assert_eq!(pipes, expected, "a pipe in user text split a cell: {line}");
        } else {
            columns = None;
        }
    }
    // No user line becomes a heading, list item or code span.
    for line in md.lines() {
        assert!(!line.starts_with("# heading"), "{line}");
        assert!(!line.starts_with("- left"), "{line}");
        assert!(!line.contains("`code`"), "{line}");
        assert!(!line.starts_with("# left"), "{line}");
    }
}

#[test]
fn hostile_text_is_inert_in_html() {
    let q = common::questionnaire(3, 3);
    let a = hostile(&q);
    let report = Report::new(&q, &a, common::start(), common::now());
    let html = render(&report, Format::Html);
    assert!(!html.contains("<script"), "script element");
    assert_eq!(
        html.matches("<img").count(),
        1,
        "only the chart is an image"
    );
    assert!(!html.contains("onerror=alert(1)>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    // Self-contained under a strict policy: no link, no external source.
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:;"
    ));
    // The only links are the table of contents' links inside the page.
    for (i, _) in html.match_indices("href=") {
        assert!(html[i..].starts_with("href=\"#"), "{}", &html[i..i + 40]);
    }
    assert!(!html.contains("<link"));
    for (i, _) in html.match_indices("src=\"") {
        assert!(html[i..].starts_with("src=\"data:image/png;base64,"));
    }
    assert!(!html.contains("url("), "no CSS fetch");
    assert!(html.contains("@media print") && html.contains("size: A4"));
}

#[test]
fn hostile_text_is_inert_in_csv() {
    let q = common::questionnaire(3, 3);
    let a = hostile(&q);
    let report = Report::new(&q, &a, common::start(), common::now());
    let bytes = report.render(Format::Csv).unwrap();
    // UTF-8 with a byte-order mark, every cell quoted.
    assert!(bytes.starts_with(b"\xEF\xBB\xBF\"rank\",\"phase\","));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "rank",
            "phase",
            "start",
            "due",
            "domain",
            "question id",
            "question",
            "question text",
            "clause refs",
            "current",
            "target",
            "gap",
            "critical",
            "priority",
            "effort",
            "actions",
            "owner",
            "status",
            "note"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), report.roadmap.len());
    for row in &rows {
        assert_eq!(row.len(), 19);
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell {cell:?}"
            );
        }
    }
    let owner = |q: &str| {
        rows.iter()
            .find(|r| &r[5] == q)
            .map(|r| r[16].to_string())
            .unwrap()
    };
    assert_eq!(owner("d1-q1"), format!("'{FORMULA} {PIPE}"));
    assert_eq!(owner("d3-q1"), format!("'+{SCRIPT}"));
    let first = &rows[0];
    assert_eq!(&first[0], "1");
    let item = &report.roadmap[0];
    assert_eq!(&first[3], item.due.to_string());
    assert_eq!(&first[15], item.actions.join("; "));
    assert_eq!(&first[8], "4.1");
    assert_eq!(&first[17], "in progress");
    assert_eq!(&first[14], "low");
    // A note is kept whole in its quoted cell; only its start is neutralised.
    assert_eq!(&first[18], a.answers["d1-q1"].note.as_str());
}

#[test]
fn html_inlines_the_same_png_as_radar_png() {
    let q = common::questionnaire(4, 2);
    let a = fixture(&common::questionnaire(4, 2));
    let report = Report::new(&q, &a, common::start(), common::now()).with_chart_size(500);
    let all = report.render_all(&[Format::Png, Format::Html]).unwrap();
    let png = &all[0].1;
    let html = String::from_utf8(all[1].1.clone()).unwrap();
    let start = html.find("base64,").unwrap() + "base64,".len();
    let end = start + html[start..].find('"').unwrap();
    let inlined = base64::engine::general_purpose::STANDARD
        .decode(&html[start..end])
        .unwrap();
    assert_eq!(&inlined, png);
}

#[test]
fn results_json_carries_the_baseline_unrounded() {
    let q = common::questionnaire(3, 3);
    let a = fixture(&q);
    let old = common::assessment(&q, |d, j| (j < 2).then_some((d % 2) as u8 + 1));
    let plain = Report::new(&q, &a, common::start(), common::now());
    let json: serde_json::Value = serde_json::from_str(&render(&plain, Format::Json)).unwrap();
    assert!(json.get("baseline").is_none(), "no baseline without one");

    let report = plain.with_baseline(&old);
    let json: serde_json::Value = serde_json::from_str(&render(&report, Format::Json)).unwrap();
    let b = &json["baseline"];
    // Domains 1.0, 2.0 and 1.0: the overall mean is 4/3, unrounded.
    assert_eq!(b["overall"]["score"].as_f64().unwrap(), 4.0 / 3.0);
    assert_eq!(b["overall"]["level"], 1);
    assert_eq!(b["verdict"], "not_ready");
    assert_eq!(b["complete"], false);
    assert_eq!(b["critical_gaps"], 3);
    assert_eq!(b["closed_critical_gaps"], serde_json::json!(["d2-q1"]));
    assert_eq!(b["new_critical_gaps"], serde_json::json!([]));
}

#[test]
fn a_done_item_still_below_target_asks_for_a_new_answer() {
    let q = common::questionnaire(3, 3);
    let mut a = fixture(&q);
    common::own(&mut a, "d3-q1", "Sam", PlanStatus::Done);
    let md = render(
        &Report::new(&q, &a, common::start(), common::now()),
        Format::Md,
    );
    let row = md
        .lines()
        .find(|l| l.starts_with("| ") && l.contains("**d3-q1**"))
        .unwrap();
    assert!(row.contains("| done — re-assess |"), "{row}");
    assert!(!md.contains("| done |"));
}

#[test]
fn exports_are_dated_by_the_last_answer_not_the_export() {
    let q = common::questionnaire(3, 3);
    let mut a = fixture(&q);
    let day = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    // The file changed later (an owner was set), the last answer earlier.
    a.meta.updated = day("2026-02-20T09:00:00+01:00");
    a.answer_mut("d1-q1").updated = Some(day("2026-01-10T09:00:00+01:00"));
    a.answer_mut("d2-q1").updated = Some(day("2026-01-15T09:00:00+01:00"));
    assert_eq!(
        aims_readiness::export::last_answer(&a),
        day("2026-01-15T09:00:00+01:00")
    );
    let md = render(
        &Report::new(&q, &a, common::start(), common::now()),
        Format::Md,
    );
    assert!(
        md.contains("| **Last answer** | 2026-01-15 |"),
        "{}",
        &md[..600]
    );
}
