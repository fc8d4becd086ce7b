//! What the report says, section by section (SPEC.md "Exports": cover, executive
//! summary, chart, domain table, baseline comparison, critical gaps, roadmap by phase,
//! per-question appendix, method).

use super::{Block, Inline, strong, text, workshop};

mod appendix;
mod register;

use crate::export::Report;
use crate::export::compare::{self, signed};
use crate::locale;
use crate::roadmap::Phase;
use crate::scoring::one_decimal;
use appendix::{appendix, method, retired_answers};
use register::evidence_register;

/// The document title.
pub fn title(report: &Report<'_>) -> String {
    format!("Maturity report: {}", organisation(report))
}

fn organisation(report: &Report<'_>) -> String {
    let o = report.assessment.meta.organisation.trim();
    if o.is_empty() {
        "organisation not set".to_string()
    } else {
        o.to_string()
    }
}

fn heading(level: u8, s: impl Into<String>, page_break: bool) -> Block {
    Block::Heading {
        level,
        text: s.into(),
        page_break,
    }
}

fn cells(values: Vec<String>) -> Vec<Vec<Inline>> {
    values.into_iter().map(|v| vec![text(v)]).collect()
}

/// "2 Managed", or "–".
fn level_label(report: &Report<'_>, level: Option<u8>) -> String {
    level.map_or("–".to_string(), |l| {
        format!("{l} {}", report.questionnaire.level_name(l))
    })
}

fn domain_title<'r>(report: &'r Report<'_>, id: &'r str) -> &'r str {
    report
        .questionnaire
        .domain(id)
        .map_or(id, |d| d.title.as_str())
}

fn question_title<'r>(report: &'r Report<'_>, id: &str) -> &'r str {
    report
        .questionnaire
        .question(id)
        .map_or("", |q| q.short_title())
}

/// Every block of the report, in order.
pub fn blocks(report: &Report<'_>) -> Vec<Block> {
    let mut out = Vec::new();
    cover(report, &mut out);
    summary(report, &mut out);
    profile(report, &mut out);
    baseline(report, &mut out);
    critical_gaps(report, &mut out);
    roadmap(report, &mut out);
    if workshop::has_votes(report)
        && let Some(section) = workshop::section(report)
    {
        out.extend(section);
    }
    evidence_register(report, &mut out);
    appendix(report, &mut out);
    retired_answers(report, &mut out);
    method(report, &mut out);
    out
}

fn cover(report: &Report<'_>, out: &mut Vec<Block>) {
    let a = report.assessment;
    let q = report.questionnaire;
    out.push(heading(1, title(report), false));
    let mut rows = vec![
        ("Organisation", organisation(report)),
        ("Scope", a.meta.scope.trim().to_string()),
        ("Assessors", a.meta.assessors.join(", ")),
        (
            "Questionnaire",
            format!("{} ({} version {})", q.title, q.id, q.version),
        ),
        (
            "Assessment started",
            a.meta.created.format("%Y-%m-%d").to_string(),
        ),
        ("Last answer", a.meta.updated.format("%Y-%m-%d").to_string()),
        (
            "Report generated",
            report.generated.format("%Y-%m-%d %H:%M %:z").to_string(),
        ),
        ("Roadmap start", report.start.to_string()),
    ];
    if !a.participants.is_empty() {
        rows.insert(3, ("Workshop participants", a.participants.join(", ")));
    }
    out.push(Block::Table {
        head: vec!["".into(), "".into()],
        wide: None,
        numeric: vec![false, false],
        rows: rows
            .into_iter()
            .map(|(k, v)| {
                vec![
                    vec![strong(k)],
                    vec![text(if v.is_empty() { "–".into() } else { v })],
                ]
            })
            .collect(),
    });
}

fn summary(report: &Report<'_>, out: &mut Vec<Block>) {
    let s = &report.scores;
    let o = &s.overall;
    out.push(heading(2, "Executive summary", false));
    let overall = match o.level {
        Some(l) => format!(
            "{} of 5 (level {l}, {})",
            one_decimal(o.score),
            report.questionnaire.level_name(l)
        ),
        None => "not scored yet (no question answered)".to_string(),
    };
    let critical = match s.readiness.critical_gaps {
        0 => format!(
            "none (no critical question below level {})",
            s.readiness.threshold
        ),
        n => format!(
            "{n} critical question{} below level {}",
            if n == 1 { "" } else { "s" },
            s.readiness.threshold
        ),
    };
    out.push(Block::Bullets(vec![
        vec![strong("Overall maturity: "), text(overall)],
        vec![
            strong("Verdict: "),
            text(locale::verdict_status(s.verdict_status())),
        ],
        vec![
            strong("Coverage: "),
            text(format!(
                "{} of {} questions answered ({} not applicable), {:.0} %",
                o.covered(),
                o.total,
                o.not_applicable,
                o.coverage * 100.0
            )),
        ],
        vec![strong("Critical gaps: "), text(critical)],
    ]));
    if !s.readiness.complete {
        out.push(Block::Note(
            "The verdict is provisional until every question is answered or marked not applicable."
                .into(),
        ));
    }
    out.push(heading(3, "Top priorities", false));
    if report.roadmap.is_empty() {
        out.push(Block::Para(vec![text(
            "No gap to close: every answered question is at or above its target.",
        )]));
        return;
    }
    out.push(Block::Numbered(
        report
            .roadmap
            .iter()
            .take(5)
            .map(|item| {
                let mut line = vec![
                    strong(format!("{} ", item.question)),
                    text(question_title(report, &item.question)),
                    text(format!(
                        " — level {} → {}, phase {} (due {})",
                        item.current,
                        item.target,
                        item.phase.number(),
                        item.due
                    )),
                ];
                if item.critical {
                    line.push(strong(" critical"));
                }
                if let Some(owner) = &item.owner {
                    line.push(text(format!(", owner {owner}")));
                }
                line
            })
            .collect(),
    ));
}

fn profile(report: &Report<'_>, out: &mut Vec<Block>) {
    out.push(heading(2, "Maturity profile", true));
    out.push(Block::Chart {
        alt: "Radar chart: current maturity and target level per domain".into(),
    });
    out.push(heading(3, "Domains", false));
    out.push(Block::Table {
        head: ["Domain", "Score", "Level", "Target", "Gap", "Answered"]
            .map(String::from)
            .to_vec(),
        wide: None,
        numeric: vec![false, true, false, true, true, true],
        rows: report
            .scores
            .domains
            .iter()
            .map(|d| {
                cells(vec![
                    d.title.clone(),
                    one_decimal(d.score),
                    level_label(report, d.level),
                    d.target.to_string(),
                    one_decimal(d.gap),
                    format!("{}/{}", d.covered(), d.total),
                ])
            })
            .collect(),
    });
}

fn baseline(report: &Report<'_>, out: &mut Vec<Block>) {
    let Some(b) = &report.baseline else {
        return;
    };
    let c = compare::compare(
        report.questionnaire,
        b.assessment,
        &b.scores,
        report.assessment,
        &report.scores,
    );
    out.push(heading(2, "Progress since the baseline", true));
    out.push(Block::Para(vec![text(format!(
        "Baseline: the assessment last answered on {}. Overall {} → {} ({}).",
        b.assessment.meta.updated.format("%Y-%m-%d"),
        one_decimal(c.overall_before),
        one_decimal(c.overall_after),
        signed(c.overall_delta)
    ))]));
    out.push(Block::Table {
        head: ["Domain", "Baseline", "Now", "Change", "Target"]
            .map(String::from)
            .to_vec(),
        wide: None,
        numeric: vec![false, true, true, true, true],
        rows: c
            .domains
            .iter()
            .map(|d| {
                cells(vec![
                    d.title.clone(),
                    one_decimal(d.before),
                    one_decimal(d.after),
                    signed(d.delta),
                    d.target.to_string(),
                ])
            })
            .collect(),
    });
    out.push(heading(3, "Changed answers", false));
    if c.questions.is_empty() {
        out.push(Block::Para(vec![text("No answer changed.")]));
        return;
    }
    out.push(Block::Table {
        head: ["Question", "Domain", "Baseline", "Now", "Text"]
            .map(String::from)
            .to_vec(),
        wide: Some(4),
        numeric: vec![false, false, true, true, false],
        rows: c
            .questions
            .iter()
            .map(|q| {
                cells(vec![
                    q.id.clone(),
                    domain_title(report, &q.domain).to_string(),
                    q.before.label(),
                    q.after.label(),
                    question_title(report, &q.id).to_string(),
                ])
            })
            .collect(),
    });
}

fn critical_gaps(report: &Report<'_>, out: &mut Vec<Block>) {
    out.push(heading(2, "Critical gaps", false));
    let gaps: Vec<_> = report
        .scores
        .questions
        .iter()
        .filter(|q| q.critical_gap)
        .collect();
    out.push(Block::Para(vec![text(format!(
        "Critical questions scored below level {} (an auditor expects these working before certification).",
        report.scores.readiness.threshold
    ))]));
    if gaps.is_empty() {
        out.push(Block::Para(vec![text("None.")]));
        return;
    }
    out.push(Block::Table {
        head: ["Question", "Domain", "Level", "Target", "Text"]
            .map(String::from)
            .to_vec(),
        wide: Some(4),
        numeric: vec![false, false, false, true, false],
        rows: gaps
            .iter()
            .map(|q| {
                let target = report.scores.domain(&q.domain).map_or(0, |d| d.target);
                cells(vec![
                    q.id.clone(),
                    domain_title(report, &q.domain).to_string(),
                    match (q.claimed, q.evidenced) {
                        // The claim the evidence did not support stays visible.
                        (Some(c), Some(e)) if c > e => {
                            format!("{} (claimed {c})", level_label(report, q.level))
                        }
                        _ => level_label(report, q.level),
                    },
                    target.to_string(),
                    question_title(report, &q.id).to_string(),
                ])
            })
            .collect(),
    });
}

fn roadmap(report: &Report<'_>, out: &mut Vec<Block>) {
    out.push(heading(2, "Roadmap", true));
    out.push(Block::Para(vec![text(format!(
        "{} item{}, ordered by priority (gap × weight, doubled for a critical gap), from {}.",
        report.roadmap.len(),
        if report.roadmap.len() == 1 { "" } else { "s" },
        report.start
    ))]));
    for phase in Phase::ALL {
        let (start, due) = phase.dates(report.start);
        out.push(heading(
            3,
            format!(
                "Phase {}: {} ({start} to {due})",
                phase.number(),
                phase.title()
            ),
            false,
        ));
        let items: Vec<_> = report.roadmap.iter().filter(|i| i.phase == phase).collect();
        if items.is_empty() {
            out.push(Block::Para(vec![text("Nothing in this phase.")]));
            continue;
        }
        out.push(Block::Table {
            head: [
                "#",
                "Question and actions",
                "Domain",
                "Level",
                "Priority",
                "Owner",
                "Status",
            ]
            .map(String::from)
            .to_vec(),
            wide: Some(1),
            numeric: vec![true, false, false, false, true, false, false],
            rows: items
                .iter()
                .map(|i| {
                    let mut question = vec![
                        strong(i.question.clone()),
                        text(format!(" {}", question_title(report, &i.question))),
                    ];
                    if i.critical {
                        question.push(strong(" (critical)"));
                    }
                    question.push(Inline::List(i.actions.clone()));
                    vec![
                        vec![text(i.rank.to_string())],
                        question,
                        vec![text(domain_title(report, &i.domain))],
                        vec![text(format!("{} → {}", i.current, i.target))],
                        vec![text(i.priority.to_string())],
                        vec![text(i.owner.clone().unwrap_or_else(|| "–".into()))],
                        vec![text(i.status.as_str().replace('_', " "))],
                    ]
                })
                .collect(),
        });
    }
}
