//! What the report says, section by section (SPEC.md "The report, version 2"): cover
//! with document control, one-page executive summary, contents, maturity profile,
//! progress since the baseline, findings, roadmap and actions by owner, workshop
//! minutes, appendix and method.
//!
//! Two sections of the contract come with other work and have their place marked
//! here: the Statement of Applicability and the evidence register.

use chrono::{Months, NaiveDate};

use super::{Block, Document, Inline, Section, strong, text, workshop};

mod appendix;
mod findings;
mod plan;
mod register;
mod soa;

use crate::assessment::PlanStatus;
use crate::export::Report;
use crate::export::compare::{self, signed};
use crate::locale;
use crate::roadmap::RoadmapItem;
use crate::scoring::{VerdictStatus, one_decimal};
use crate::text::clip;

/// How many reasons the executive summary lists before referring to the findings.
const SUMMARY_REASONS: usize = 5;

/// The months a management system runs, leaving records (an internal audit and a
/// management review), between the last critical gap closing and a certification audit.
pub const RECORDS_MONTHS: u32 = 3;

/// The longest short title the report prints for a question without one.
const TITLE_CHARS: usize = 60;

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

fn section(anchor: &'static str, title: &str, new_page: bool, blocks: Vec<Block>) -> Section {
    Section {
        anchor,
        title: Some(title.to_string()),
        new_page,
        blocks,
    }
}

fn cells(values: Vec<String>) -> Vec<Vec<Inline>> {
    values.into_iter().map(|v| vec![text(v)]).collect()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// "2 Managed", or "–".
fn level_label(report: &Report<'_>, level: Option<u8>) -> String {
    level.map_or("–".to_string(), |l| {
        format!("{l} {}", report.questionnaire.level_name(l))
    })
}

/// The short title of a question: its `title`, else its text cut at a word before
/// [`TITLE_CHARS`], so the full text stays in the appendix only.
fn question_title(report: &Report<'_>, id: &str) -> String {
    let Some(q) = report.questionnaire.question(id) else {
        return String::new();
    };
    if let Some(t) = &q.title {
        return t.clone();
    }
    if q.text.chars().count() <= TITLE_CHARS {
        return q.text.clone();
    }
    let cut = clip(&q.text, TITLE_CHARS);
    match cut.trim_end_matches('…').rsplit_once(' ') {
        Some((head, _)) => format!("{head}…"),
        None => cut,
    }
}

/// "ctx-01 AI roles and context".
pub(crate) fn question_label(report: &Report<'_>, id: &str) -> String {
    format!("{id} {}", question_title(report, id))
}

/// A roadmap item's status in words; "done" on an item still in the roadmap (its
/// question is still below target) asks for a new answer.
pub(crate) fn status_label(item: &RoadmapItem) -> &'static str {
    match item.status {
        PlanStatus::Open => "open",
        PlanStatus::InProgress => "in progress",
        PlanStatus::Done => "done — re-assess",
    }
}

/// The whole report as a document.
pub fn document(report: &Report<'_>) -> Document {
    let classification = report.assessment.meta.document.classification.trim();
    let running_header = if classification.is_empty() {
        organisation(report)
    } else {
        format!("{} · {classification}", organisation(report))
    };
    let mut sections = vec![
        cover(report),
        summary(report),
        section("contents", "Contents", true, vec![Block::Contents]),
        profile(report),
    ];
    sections.extend(baseline(report));
    let mut findings = findings::findings(report);
    // Method v2: the findings by grade and every reason of the verdict lead the section.
    let mut reasons = Vec::new();
    soa::reasons(report, &mut reasons);
    findings.blocks.splice(0..0, reasons);
    sections.push(findings);
    if let Some(blocks) = soa::statement(report) {
        sections.push(section("soa", "Statement of Applicability", true, blocks));
    }
    sections.push(plan::roadmap(report));
    sections.push(plan::owners(report));
    sections.extend(workshop::minutes(report));
    let mut register = Vec::new();
    register::evidence_register(report, &mut register);
    if let Some(Block::Heading { .. }) = register.first() {
        register.remove(0);
    }
    if !register.is_empty() {
        sections.push(section("evidence", "Evidence register", true, register));
    }
    sections.push(appendix::appendix(report));
    sections.push(appendix::method(report));
    Document {
        title: title(report),
        running_header,
        sections,
    }
}

/// Every block of the report, sections flattened (each section's title as a level-2
/// heading): for tests and tools that look at the content without the layout.
pub fn blocks(report: &Report<'_>) -> Vec<Block> {
    document(report)
        .sections
        .into_iter()
        .flat_map(|s| {
            s.title
                .map(|t| heading(2, t, s.new_page))
                .into_iter()
                .chain(s.blocks)
        })
        .collect()
}

fn cover(report: &Report<'_>) -> Section {
    let a = report.assessment;
    let q = report.questionnaire;
    let d = &a.meta.document;
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            "–".to_string()
        } else {
            s.trim().to_string()
        }
    };
    let approval = match (d.approver.trim(), d.approved) {
        ("", _) => "–".to_string(),
        (who, Some(day)) => format!("{who}, approved {day}"),
        (who, None) => format!("{who}, not approved yet"),
    };
    let rows = [
        (
            "Organisation",
            organisation(report),
            "Version",
            or_dash(&d.version),
        ),
        (
            "Scope",
            or_dash(&a.meta.scope),
            "Classification",
            or_dash(&d.classification),
        ),
        (
            "Assessors",
            or_dash(&a.meta.assessors.join(", ")),
            "Author",
            or_dash(&d.author),
        ),
        (
            "Questionnaire",
            format!("{} version {}", q.title, q.version),
            "Approver",
            approval,
        ),
        (
            "Last answer",
            if a.answers.values().any(|x| x.level.is_some() || x.na) {
                crate::export::last_answer(a).format("%Y-%m-%d").to_string()
            } else {
                "none yet".to_string()
            },
            "Generated",
            report.generated.format("%Y-%m-%d %H:%M %:z").to_string(),
        ),
    ];
    Section {
        anchor: "cover",
        title: None,
        new_page: false,
        blocks: vec![Block::Table {
            head: vec![String::new(); 4],
            wide: None,
            numeric: vec![false; 4],
            rows: rows
                .into_iter()
                .map(|(k1, v1, k2, v2)| {
                    vec![
                        vec![strong(k1)],
                        vec![text(v1)],
                        vec![strong(k2)],
                        vec![text(v2)],
                    ]
                })
                .collect(),
        }],
    }
}

/// The critical gaps that decide the verdict, most severe first (lowest level, then
/// roadmap priority). Graded findings (major, minor) replace them with scoring method 2.
fn reasons<'r>(report: &'r Report<'_>) -> Vec<&'r RoadmapItem> {
    let mut items: Vec<&RoadmapItem> = report.roadmap.iter().filter(|i| i.critical).collect();
    items.sort_by_key(|i| (i.current, i.rank));
    items
}

/// The earliest realistic certification audit: [`RECORDS_MONTHS`] after the latest due
/// date of the roadmap items that close critical gaps (after the roadmap start when
/// there is none); none before anything is answered.
pub fn earliest_audit(report: &Report<'_>) -> Option<NaiveDate> {
    if report.scores.verdict_status() == VerdictStatus::NotAssessed {
        return None;
    }
    let closed = report
        .roadmap
        .iter()
        .filter(|i| i.critical)
        .map(|i| i.due)
        .max()
        .unwrap_or(report.start);
    closed.checked_add_months(Months::new(RECORDS_MONTHS))
}

fn summary(report: &Report<'_>) -> Section {
    let s = &report.scores;
    let o = &s.overall;
    let mut out = Vec::new();
    let status = s.verdict_status();
    let mut verdict = vec![strong("Verdict: "), strong(locale::verdict_status(status))];
    if let Some(l) = o.level {
        verdict.push(text(format!(
            " — overall maturity {} of 5 (level {l}, {}); {} of {} questions answered",
            one_decimal(o.score),
            report.questionnaire.level_name(l),
            o.covered(),
            o.total,
        )));
    }
    if status == VerdictStatus::NotAssessed {
        verdict.push(text(format!(
            " — no question answered yet (0 of {})",
            o.total
        )));
    }
    if matches!(status, VerdictStatus::Provisional(_)) {
        verdict.push(text(
            "; the verdict is provisional until every question is answered or marked not applicable",
        ));
    }
    verdict.push(text("."));
    out.push(Block::Para(verdict));

    // Method v2: the findings that decide the verdict, most severe first.
    let f = s.readiness.findings;
    let reasons = &s.readiness.reasons;
    match (status, reasons.len()) {
        (VerdictStatus::NotAssessed, _) => {}
        (_, 0) => out.push(Block::Para(vec![
            strong("Why: "),
            text(format!(
                "no major or minor finding: no critical question is below level {}.",
                s.readiness.threshold
            )),
        ])),
        (_, n) => {
            out.push(Block::Para(vec![
                strong("Why: "),
                text(format!(
                    "{} major, {} minor, {} improvement{}; the findings that decide it, most severe first:",
                    f.major,
                    f.minor,
                    f.improvement,
                    plural(f.improvement)
                )),
            ]));
            let mut lines: Vec<Vec<Inline>> = reasons
                .iter()
                .take(SUMMARY_REASONS)
                .map(|r| {
                    vec![
                        strong(format!("{}: ", locale::severity(r.severity))),
                        text(r.text.clone()),
                    ]
                })
                .collect();
            if n > SUMMARY_REASONS {
                lines.push(vec![text(format!(
                    "and {} more (see Findings)",
                    n - SUMMARY_REASONS
                ))]);
            }
            out.push(Block::Bullets(lines));
        }
    }

    let mut facts = Vec::new();
    if let Some(day) = earliest_audit(report) {
        let provisional = if s.readiness.complete {
            ""
        } else {
            " (provisional)"
        };
        facts.push(vec![
            strong("Earliest realistic certification audit: "),
            text(format!(
                "{day}{provisional}, by the rule in the method section."
            )),
        ]);
    }
    facts.push(vec![
        strong("Change since the baseline: "),
        text(change_line(report)),
    ]);
    let strengths: Vec<String> = s
        .domains
        .iter()
        .filter(|d| d.score.is_some_and(|v| v + 1e-9 >= f64::from(d.target)))
        .map(|d| {
            let title = report
                .questionnaire
                .domain(&d.id)
                .map_or(d.title.as_str(), |dom| dom.label());
            format!("{title} {} (target {})", one_decimal(d.score), d.target)
        })
        .collect();
    facts.push(vec![
        strong("Strengths: "),
        text(if strengths.is_empty() {
            "none yet: no domain has reached its target.".to_string()
        } else {
            format!("{}.", strengths.join("; "))
        }),
    ]);
    out.push(Block::Bullets(facts));
    let conclusion = report.assessment.meta.summary.trim();
    out.push(Block::Para(vec![
        strong("Assessor's conclusion: "),
        text(if conclusion.is_empty() {
            "not written yet."
        } else {
            conclusion
        }),
    ]));

    out.push(heading(3, "First five actions", false));
    if report.roadmap.is_empty() {
        out.push(Block::Para(vec![text(
            "No action needed: every answered question is at or above its target.",
        )]));
    } else {
        out.push(Block::Numbered(
            report
                .roadmap
                .iter()
                .filter_map(|i| i.actions.first().map(|a| (i, a)))
                .take(5)
                .map(|(i, action)| {
                    let owner = i
                        .owner
                        .as_deref()
                        .map_or("no owner yet".to_string(), |o| format!("owner {o}"));
                    // The question is named by id only: its title is in the reasons
                    // above or the roadmap, and the line stays short.
                    vec![
                        strong(action.clone()),
                        text(format!(" — {}, due {}, {owner}", i.question, i.due)),
                    ]
                })
                .collect(),
        ));
    }
    section("summary", "Executive summary", false, out)
}

/// The change since the baseline in one line: score, verdict and critical gaps, then
/// and now.
fn change_line(report: &Report<'_>) -> String {
    let Some(b) = &report.baseline else {
        return "no baseline to compare with (a first assessment).".to_string();
    };
    let now = &report.scores;
    let was = &b.scores;
    let (closed, new) = critical_changes(report);
    let delta = match (was.overall.score, now.overall.score) {
        (Some(x), Some(y)) => format!(" ({})", signed(Some(y - x))),
        _ => String::new(),
    };
    format!(
        "score {} → {}{delta}; verdict {} → {}; critical gaps {} → {} ({} closed, {} new); \
         baseline of {}{}.",
        one_decimal(was.overall.score),
        one_decimal(now.overall.score),
        verdict_word(was.verdict_status()),
        verdict_word(now.verdict_status()),
        was.readiness.critical_gaps,
        now.readiness.critical_gaps,
        closed.len(),
        new.len(),
        b.assessment.meta.updated.format("%Y-%m-%d"),
        if was.readiness.complete {
            ""
        } else {
            ", provisional (not every question was answered)"
        },
    )
}

fn verdict_word(status: VerdictStatus) -> String {
    match status {
        VerdictStatus::NotAssessed => "not assessed".to_string(),
        VerdictStatus::Provisional(v) | VerdictStatus::Final(v) => v.label().to_lowercase(),
    }
}

/// Questions that were critical gaps in the baseline and are not now (closed), and
/// the other way round (new), in questionnaire order.
pub(crate) fn critical_changes(report: &Report<'_>) -> (Vec<String>, Vec<String>) {
    let Some(b) = &report.baseline else {
        return (Vec::new(), Vec::new());
    };
    let mut closed = Vec::new();
    let mut new = Vec::new();
    for q in &report.scores.questions {
        let before = b.scores.question(&q.id).is_some_and(|x| x.critical_gap);
        match (before, q.critical_gap) {
            (true, false) => closed.push(q.id.clone()),
            (false, true) => new.push(q.id.clone()),
            _ => {}
        }
    }
    (closed, new)
}

fn profile(report: &Report<'_>) -> Section {
    let mut out = vec![
        Block::Chart {
            alt: "Radar chart: current maturity and target level per domain".into(),
        },
        Block::Table {
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
        },
        heading(3, "Assessor's notes by domain", false),
    ];
    let notes = &report.assessment.domain_notes;
    let written: Vec<Vec<Inline>> = report
        .questionnaire
        .domains
        .iter()
        .filter_map(|d| {
            let note = notes.get(&d.id)?.trim();
            (!note.is_empty()).then(|| vec![strong(format!("{}: ", d.label())), text(note)])
        })
        .collect();
    if written.is_empty() {
        out.push(Block::Note("Not written yet.".into()));
    } else {
        out.push(Block::Bullets(written));
    }
    section("profile", "Maturity profile", true, out)
}

fn baseline(report: &Report<'_>) -> Option<Section> {
    let b = report.baseline.as_ref()?;
    let c = compare::compare(
        report.questionnaire,
        b.assessment,
        &b.scores,
        report.assessment,
        &report.scores,
    );
    let mut out = Vec::new();
    let provisional = if c.coverage_before.provisional {
        format!(
            " It was provisional: {} of {} questions were answered then.",
            c.coverage_before.covered, c.coverage_before.total
        )
    } else {
        String::new()
    };
    out.push(Block::Para(vec![text(format!(
        "Baseline: the assessment last answered on {}.{provisional} Overall {} → {} ({}); \
         changes are computed from the unrounded scores.",
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
    let (closed, new) = critical_changes(report);
    for (title, ids, none) in [
        ("Critical gaps closed", &closed, "None closed."),
        ("New critical gaps", &new, "None new."),
    ] {
        out.push(heading(3, format!("{title} ({})", ids.len()), false));
        if ids.is_empty() {
            out.push(Block::Note(none.into()));
        } else {
            out.push(Block::Bullets(
                ids.iter()
                    .map(|id| vec![text(question_label(report, id))])
                    .collect(),
            ));
        }
    }
    out.push(heading(3, "Changed answers", false));
    if c.questions.is_empty() {
        out.push(Block::Para(vec![text("No answer changed.")]));
    } else {
        out.push(Block::Table {
            head: ["Question", "Baseline", "Now"].map(String::from).to_vec(),
            wide: Some(0),
            numeric: vec![false, true, true],
            rows: c
                .questions
                .iter()
                .map(|q| {
                    cells(vec![
                        question_label(report, &q.id),
                        q.before.label(),
                        q.after.label(),
                    ])
                })
                .collect(),
        });
    }
    Some(section(
        "baseline",
        "Progress since the baseline",
        true,
        out,
    ))
}
