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
use crate::export::compare::{self, QuestionState};
use crate::locale::{Lang, ReportText as T};
use crate::roadmap::{Phase, RoadmapItem};
use crate::scoring::VerdictStatus;
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
    report
        .lang
        .f(T::Title, &[("organisation", &organisation(report))])
}

fn organisation(report: &Report<'_>) -> String {
    let o = report.assessment.meta.organisation.trim();
    if o.is_empty() {
        report.lang.t(T::OrganisationNotSet).to_string()
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

/// The text for `count` things: `one` or `many` by the language's rule (French puts 0
/// in the singular).
fn plural(lang: Lang, count: usize, one: T, many: T) -> T {
    if lang.plural(count, "1", "n") == "1" {
        one
    } else {
        many
    }
}

/// "Label: " in the report's language (French: a no-break space before the colon).
fn label(lang: Lang, words: &str) -> String {
    lang.f(T::Label, &[("label", &words)])
}

/// A date people read: ISO in English (as the reports always printed it), in words in
/// French ("27 novembre 2026"), where a numeric date reads as a code.
pub(crate) fn day(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::En => date.to_string(),
        Lang::Fr => lang.date(date),
    }
}

/// A change with its sign, or "–".
pub(crate) fn signed(lang: Lang, delta: Option<f64>) -> String {
    delta.map_or_else(|| "–".to_string(), |d| lang.delta(d))
}

/// A question's state in a comparison: "–", "N/A" ("S.O."), or its level.
fn state_label(lang: Lang, state: &QuestionState) -> String {
    match state {
        QuestionState::NotApplicable => lang.t(T::NotApplicableShort).to_string(),
        other => other.label(),
    }
}

/// A roadmap phase's title.
pub(crate) fn phase_title(lang: Lang, phase: Phase) -> &'static str {
    lang.t(match phase {
        Phase::QuickWins => T::PhaseQuickWins,
        Phase::Foundations => T::PhaseFoundations,
        Phase::Maturity => T::PhaseMaturity,
    })
}

/// A reason of the verdict in the report's language (a domain is named by its title).
fn reason_text(report: &Report<'_>, reason: &crate::scoring::Reason) -> String {
    let q = report.questionnaire;
    // Named as scoring names them: a domain by its title, a question by its id and
    // short title ("ctx-02 (Interested parties)").
    let name = match reason.kind {
        crate::scoring::FindingKind::Domain => q
            .domain(&reason.id)
            .map_or(reason.id.clone(), |d| d.title.clone()),
        crate::scoring::FindingKind::Question => {
            q.question(&reason.id).map_or(reason.id.clone(), |x| {
                format!("{} ({})", reason.id, x.short_title())
            })
        }
        _ => reason.id.clone(),
    };
    report.lang.finding(&name, reason.cause)
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
pub(crate) fn status_label(lang: Lang, item: &RoadmapItem) -> &'static str {
    lang.t(match item.status {
        PlanStatus::Open => T::StatusOpen,
        PlanStatus::InProgress => T::StatusInProgress,
        PlanStatus::Done => T::StatusDoneReassess,
    })
}

/// The whole report as a document.
pub fn document(report: &Report<'_>) -> Document {
    let lang = report.lang;
    let classification = report.assessment.meta.document.classification.trim();
    let running_header = if classification.is_empty() {
        organisation(report)
    } else {
        format!("{} · {classification}", organisation(report))
    };
    let mut sections = vec![
        cover(report),
        summary(report),
        section(
            "contents",
            lang.t(T::SectionContents),
            true,
            vec![Block::Contents],
        ),
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
        sections.push(section("soa", lang.t(T::SectionSoa), true, blocks));
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
        sections.push(section(
            "evidence",
            lang.t(T::SectionEvidence),
            true,
            register,
        ));
    }
    sections.push(appendix::appendix(report));
    sections.push(appendix::method(report));
    Document {
        title: title(report),
        running_header,
        sections,
        lang,
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

/// A field as printed: trimmed, or "–" when empty.
pub(super) fn or_dash(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() {
        "–".to_string()
    } else {
        s.to_string()
    }
}

fn cover(report: &Report<'_>) -> Section {
    let a = report.assessment;
    let q = report.questionnaire;
    let lang = report.lang;
    let d = &a.meta.document;
    let approval = match (d.approver.trim(), d.approved) {
        ("", _) => "–".to_string(),
        (who, Some(d)) => lang.f(T::ApprovedOn, &[("who", &who), ("day", &day(lang, d))]),
        (who, None) => lang.f(T::NotApprovedYet, &[("who", &who)]),
    };
    let rows = [
        (
            T::CoverOrganisation,
            organisation(report),
            T::CoverVersion,
            or_dash(&d.version),
        ),
        (
            T::CoverScope,
            or_dash(&a.meta.scope),
            T::CoverClassification,
            or_dash(&d.classification),
        ),
        (
            T::CoverAssessors,
            or_dash(&a.meta.assessors.join(", ")),
            T::CoverAuthor,
            or_dash(&d.author),
        ),
        (
            T::CoverQuestionnaire,
            lang.f(
                T::QuestionnaireVersion,
                &[("title", &q.title), ("version", &q.version)],
            ),
            T::CoverApprover,
            approval,
        ),
        (
            T::CoverLastAnswer,
            if a.answers.values().any(|x| x.level.is_some() || x.na) {
                day(lang, crate::export::last_answer(a).date_naive())
            } else {
                lang.t(T::NoneYet).to_string()
            },
            T::CoverGenerated,
            generated(report),
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
                        vec![strong(lang.t(k1))],
                        vec![text(v1)],
                        vec![strong(lang.t(k2))],
                        vec![text(v2)],
                    ]
                })
                .collect(),
        }],
    }
}

/// When the report was made: "2026-11-27 14:05 -05:00", "27 novembre 2026, 14 h 05
/// (UTC-05:00)".
fn generated(report: &Report<'_>) -> String {
    let g = report.generated;
    match report.lang {
        Lang::En => g.format("%Y-%m-%d %H:%M %:z").to_string(),
        lang => lang.f(
            T::GeneratedAt,
            &[
                ("day", &day(lang, g.date_naive())),
                ("time", &g.format("%H h %M")),
                ("offset", &g.format("UTC%:z")),
            ],
        ),
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
    let lang = report.lang;
    let mut out = Vec::new();
    let status = s.verdict_status();
    let mut verdict = vec![
        strong(label(lang, lang.t(T::Verdict))),
        strong(lang.verdict_status(status)),
    ];
    if let Some(l) = o.level {
        verdict.push(text(lang.f(
            T::OverallMaturity,
            &[
                ("score", &lang.score(o.score)),
                ("level", &l),
                ("name", &report.questionnaire.level_name(l)),
                ("covered", &o.covered()),
                ("total", &o.total),
            ],
        )));
    }
    if status == VerdictStatus::NotAssessed {
        verdict.push(text(lang.f(T::NothingAnswered, &[("total", &o.total)])));
    }
    if matches!(status, VerdictStatus::Provisional(_)) {
        verdict.push(text(lang.t(T::ProvisionalUntil)));
    }
    verdict.push(text("."));
    out.push(Block::Para(verdict));

    // Method v2: the findings that decide the verdict, most severe first.
    let f = s.readiness.findings;
    let reasons = &s.readiness.reasons;
    match (status, reasons.len()) {
        (VerdictStatus::NotAssessed, _) => {}
        (_, 0) => out.push(Block::Para(vec![
            strong(label(lang, lang.t(T::Why))),
            text(lang.f(T::NoMajorOrMinor, &[("threshold", &s.readiness.threshold)])),
        ])),
        (_, n) => {
            out.push(Block::Para(vec![
                strong(label(lang, lang.t(T::Why))),
                text(lang.f(
                    plural(
                        lang,
                        f.improvement,
                        T::FindingsDecideOne,
                        T::FindingsDecideMany,
                    ),
                    &[
                        ("major", &f.major),
                        ("minor", &f.minor),
                        ("improvement", &f.improvement),
                    ],
                )),
            ]));
            let mut lines: Vec<Vec<Inline>> = reasons
                .iter()
                .take(SUMMARY_REASONS)
                .map(|r| {
                    vec![
                        strong(label(lang, lang.severity(r.severity))),
                        text(reason_text(report, r)),
                    ]
                })
                .collect();
            if n > SUMMARY_REASONS {
                lines.push(vec![text(
                    lang.f(T::MoreSeeFindings, &[("count", &(n - SUMMARY_REASONS))]),
                )]);
            }
            out.push(Block::Bullets(lines));
        }
    }

    let mut facts = Vec::new();
    if let Some(audit) = earliest_audit(report) {
        let provisional = if s.readiness.complete {
            ""
        } else {
            lang.t(T::ProvisionalMark)
        };
        facts.push(vec![
            strong(label(lang, lang.t(T::EarliestAudit))),
            text(lang.f(
                T::ByTheMethodRule,
                &[("day", &day(lang, audit)), ("provisional", &provisional)],
            )),
        ]);
    }
    facts.push(vec![
        strong(label(lang, lang.t(T::ChangeSinceBaseline))),
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
            lang.f(
                T::Strength,
                &[
                    ("title", &title),
                    ("score", &lang.score(d.score)),
                    ("target", &d.target),
                ],
            )
        })
        .collect();
    facts.push(vec![
        strong(label(lang, lang.t(T::Strengths))),
        text(if strengths.is_empty() {
            lang.t(T::NoStrengthYet).to_string()
        } else {
            format!("{}.", strengths.join(lang.t(T::ListSeparator)))
        }),
    ]);
    out.push(Block::Bullets(facts));
    let conclusion = report.assessment.meta.summary.trim();
    out.push(Block::Para(vec![
        strong(label(lang, lang.t(T::AssessorConclusion))),
        text(if conclusion.is_empty() {
            lang.t(T::NotWrittenYet)
        } else {
            conclusion
        }),
    ]));

    out.push(heading(3, lang.t(T::FirstFiveActions), false));
    if report.roadmap.is_empty() {
        out.push(Block::Para(vec![text(lang.t(T::NoActionNeeded))]));
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
                        .map_or(lang.t(T::NoOwnerYet).to_string(), |o| {
                            lang.f(T::OwnerIs, &[("owner", &o)])
                        });
                    // The question is named by id only: its title is in the reasons
                    // above or the roadmap, and the line stays short.
                    vec![
                        strong(action.clone()),
                        text(lang.f(
                            T::ActionDue,
                            &[
                                ("question", &i.question),
                                ("due", &day(lang, i.due)),
                                ("owner", &owner),
                            ],
                        )),
                    ]
                })
                .collect(),
        ));
    }
    section("summary", lang.t(T::SectionSummary), false, out)
}

/// The change since the baseline in one line: score, verdict and critical gaps, then
/// and now.
fn change_line(report: &Report<'_>) -> String {
    let lang = report.lang;
    let Some(b) = &report.baseline else {
        return lang.t(T::NoBaseline).to_string();
    };
    let now = &report.scores;
    let was = &b.scores;
    let (closed, new) = critical_changes(report);
    let delta = match (was.overall.score, now.overall.score) {
        (Some(x), Some(y)) => format!(" ({})", signed(lang, Some(y - x))),
        _ => String::new(),
    };
    lang.f(
        T::ChangeLine,
        &[
            ("was", &lang.score(was.overall.score)),
            ("now", &lang.score(now.overall.score)),
            ("delta", &delta),
            ("verdict_was", &verdict_word(lang, was.verdict_status())),
            ("verdict_now", &verdict_word(lang, now.verdict_status())),
            ("gaps_was", &was.readiness.critical_gaps),
            ("gaps_now", &now.readiness.critical_gaps),
            ("closed", &closed.len()),
            ("new", &new.len()),
            ("day", &day(lang, b.assessment.meta.updated.date_naive())),
            (
                "provisional",
                &if was.readiness.complete {
                    ""
                } else {
                    lang.t(T::BaselineProvisional)
                },
            ),
        ],
    )
}

fn verdict_word(lang: Lang, status: VerdictStatus) -> String {
    match status {
        VerdictStatus::NotAssessed => lang.t(T::NotAssessedWord).to_string(),
        VerdictStatus::Provisional(v) | VerdictStatus::Final(v) => lang.verdict(v).to_lowercase(),
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
    let lang = report.lang;
    let mut out = vec![
        Block::Chart {
            alt: lang.t(T::ChartAlt).into(),
        },
        Block::Table {
            head: [
                T::ColDomain,
                T::ColScore,
                T::ColLevel,
                T::ColTarget,
                T::ColGap,
                T::ColAnswered,
            ]
            .map(|t| lang.t(t).to_string())
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
                        lang.score(d.score),
                        level_label(report, d.level),
                        d.target.to_string(),
                        lang.score(d.gap),
                        format!("{}/{}", d.covered(), d.total),
                    ])
                })
                .collect(),
        },
        heading(3, lang.t(T::NotesByDomain), false),
    ];
    let notes = &report.assessment.domain_notes;
    let written: Vec<Vec<Inline>> = report
        .questionnaire
        .domains
        .iter()
        .filter_map(|d| {
            let note = notes.get(&d.id)?.trim();
            (!note.is_empty()).then(|| vec![strong(label(lang, d.label())), text(note)])
        })
        .collect();
    if written.is_empty() {
        out.push(Block::Note(lang.t(T::NotesNotWritten).into()));
    } else {
        out.push(Block::Bullets(written));
    }
    section("profile", lang.t(T::SectionProfile), true, out)
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
    let lang = report.lang;
    let mut out = Vec::new();
    let provisional = if c.coverage_before.provisional {
        lang.f(
            T::BaselineWasProvisional,
            &[
                ("covered", &c.coverage_before.covered),
                ("total", &c.coverage_before.total),
            ],
        )
    } else {
        String::new()
    };
    out.push(Block::Para(vec![text(lang.f(
        T::BaselineIntro,
        &[
            ("day", &day(lang, b.assessment.meta.updated.date_naive())),
            ("provisional", &provisional),
            ("before", &lang.score(c.overall_before)),
            ("after", &lang.score(c.overall_after)),
            ("delta", &signed(lang, c.overall_delta)),
        ],
    ))]));
    out.push(Block::Table {
        head: [
            T::ColDomain,
            T::ColBaseline,
            T::ColNow,
            T::ColChange,
            T::ColTarget,
        ]
        .map(|t| lang.t(t).to_string())
        .to_vec(),
        wide: None,
        numeric: vec![false, true, true, true, true],
        rows: c
            .domains
            .iter()
            .map(|d| {
                cells(vec![
                    d.title.clone(),
                    lang.score(d.before),
                    lang.score(d.after),
                    signed(lang, d.delta),
                    d.target.to_string(),
                ])
            })
            .collect(),
    });
    let (closed, new) = critical_changes(report);
    for (title, ids, none) in [
        (T::GapsClosed, &closed, T::NoneClosed),
        (T::GapsNew, &new, T::NoneNew),
    ] {
        out.push(heading(3, lang.f(title, &[("count", &ids.len())]), false));
        if ids.is_empty() {
            out.push(Block::Note(lang.t(none).into()));
        } else {
            out.push(Block::Bullets(
                ids.iter()
                    .map(|id| vec![text(question_label(report, id))])
                    .collect(),
            ));
        }
    }
    out.push(heading(3, lang.t(T::ChangedAnswers), false));
    if c.questions.is_empty() {
        out.push(Block::Para(vec![text(lang.t(T::NoAnswerChanged))]));
    } else {
        out.push(Block::Table {
            head: [T::ColQuestion, T::ColBaseline, T::ColNow]
                .map(|t| lang.t(t).to_string())
                .to_vec(),
            wide: Some(0),
            numeric: vec![false, true, true],
            rows: c
                .questions
                .iter()
                .map(|q| {
                    cells(vec![
                        question_label(report, &q.id),
                        state_label(lang, &q.before),
                        state_label(lang, &q.after),
                    ])
                })
                .collect(),
        });
    }
    Some(section("baseline", lang.t(T::SectionBaseline), true, out))
}
