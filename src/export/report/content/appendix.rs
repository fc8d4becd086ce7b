//! The report's last sections: every question in full with its answer, note and
//! evidence, then the method.

use super::super::{Block, Section, strong, text};
use super::{RECORDS_MONTHS, heading, label, section};
use crate::export::Report;
use crate::locale::ReportText as T;

/// Every question in full: the only place the report prints a question's text.
pub(super) fn appendix(report: &Report<'_>) -> Section {
    let q = report.questionnaire;
    let lang = report.lang;
    let mut out = Vec::new();
    for domain in &q.domains {
        let title = if domain.clause.is_empty() {
            domain.title.clone()
        } else {
            format!("{} ({})", domain.title, domain.clause)
        };
        out.push(heading(3, title, false));
        for question in q.questions_in(&domain.id) {
            let answer = report.assessment.answer(&question.id);
            let score = report.scores.question(&question.id);
            out.push(heading(
                4,
                format!("{} {}", question.id, question.text),
                false,
            ));
            let answered = match answer {
                Some(a) if a.na => lang.t(T::AnswerNotApplicable).to_string(),
                Some(a) => match a.level {
                    Some(l) => lang.f(
                        T::AnswerLevel,
                        &[
                            ("level", &l),
                            ("name", &q.level_name(l)),
                            ("text", &question.level_text(l)),
                        ],
                    ),
                    None => lang.t(T::NotAnswered).to_string(),
                },
                None => lang.t(T::NotAnswered).to_string(),
            };
            let mut facts = vec![
                vec![strong(label(lang, lang.t(T::Answer))), text(answered)],
                vec![
                    strong(label(lang, lang.t(T::Target))),
                    text(format!(
                        "{}{}{}",
                        report.assessment.target(q, &domain.id),
                        score
                            .and_then(|s| s.gap)
                            .filter(|g| *g > 0)
                            .map_or(String::new(), |g| lang.f(T::GapOf, &[("gap", &g)])),
                        if score.is_some_and(|s| s.critical_gap) {
                            lang.t(T::CriticalGapMark)
                        } else if question.critical {
                            lang.t(T::CriticalQuestionMark)
                        } else {
                            ""
                        }
                    )),
                ],
            ];
            let refs = lang.refs(&question.refs);
            if !refs.is_empty() {
                facts.push(vec![strong(label(lang, lang.t(T::References))), text(refs)]);
            }
            super::register::levels_and_unmet_checks(report, question, &mut facts);
            if let Some(a) = answer
                && a.flagged
            {
                let reason = if a.flag_reason.trim().is_empty() {
                    lang.t(T::Flagged).to_string()
                } else {
                    lang.f(T::FlaggedBecause, &[("reason", &a.flag_reason.trim())])
                };
                facts.push(vec![strong(label(lang, lang.t(T::FollowUp))), text(reason)]);
            }
            if answer.is_some_and(|a| a.recheck) {
                facts.push(vec![
                    strong(label(lang, lang.t(T::ToRecheck))),
                    text(lang.t(T::CarriedOverAnswer)),
                ]);
            }
            out.push(Block::Bullets(facts));
            if let Some(a) = answer {
                if !a.note.trim().is_empty() {
                    out.push(Block::Para(vec![strong(
                        label(lang, lang.t(T::Note)).trim_end(),
                    )]));
                    out.push(Block::Lines(a.note.lines().map(str::to_string).collect()));
                }
                let evidence: Vec<_> = a.evidence.iter().filter(|e| !e.trim().is_empty()).collect();
                if !evidence.is_empty() {
                    out.push(Block::Para(vec![strong(
                        label(lang, lang.t(T::Evidence)).trim_end(),
                    )]));
                    out.push(Block::Bullets(
                        evidence
                            .into_iter()
                            .map(|e| vec![text(e.clone())])
                            .collect(),
                    ));
                }
            }
        }
    }
    retired_answers(report, &mut out);
    section("appendix", lang.t(T::SectionAppendix), true, out)
}

/// Answers to questions an earlier questionnaire version asked and this one does not:
/// kept in the file, so listed here too.
fn retired_answers(report: &Report<'_>, out: &mut Vec<Block>) {
    let retired = &report.assessment.retired_answers;
    let lang = report.lang;
    if retired.is_empty() {
        return;
    }
    out.push(heading(3, lang.t(T::RetiredQuestions), false));
    out.push(Block::Bullets(
        retired
            .iter()
            .map(|(id, r)| {
                let level = match (r.answer.na, r.answer.level) {
                    (true, _) => lang.t(T::AnswerNotApplicable).to_string(),
                    (false, Some(l)) => lang.f(T::LevelN, &[("level", &l)]),
                    (false, None) => lang.t(T::NotAnswered).to_string(),
                };
                let note = r.answer.note.trim();
                let mut line = lang.f(
                    T::RetiredAnswer,
                    &[
                        ("id", id),
                        ("version", &r.questionnaire_version),
                        ("level", &level),
                    ],
                );
                if !note.is_empty() {
                    line.push_str(
                        &lang.f(T::RetiredNote, &[("note", &crate::text::one_line(note))]),
                    );
                }
                vec![text(line)]
            })
            .collect(),
    ));
}

pub(super) fn method(report: &Report<'_>) -> Section {
    let q = report.questionnaire;
    let lang = report.lang;
    let mut out = Vec::new();
    out.push(Block::Para(vec![text(
        lang.f(
            T::MethodScale,
            &[(
                "levels",
                &(1..=5)
                    .map(|l| format!("{l} {}", q.level_name(l)))
                    .collect::<Vec<_>>()
                    .join(", "),
            )],
        ),
    )]));
    let term = |t: T, rule: String| vec![strong(label(lang, lang.t(t))), text(rule)];
    out.push(Block::Bullets(vec![
        term(T::DomainScore, lang.t(T::DomainScoreRule).into()),
        term(T::OverallScore, lang.t(T::OverallScoreRule).into()),
        term(T::Gap, lang.t(T::GapRule).into()),
        term(
            T::CriticalGap,
            lang.f(T::CriticalGapRule, &[("threshold", &q.readiness_threshold)]),
        ),
        term(T::Verdict, lang.t(T::VerdictRule).into()),
        term(T::Roadmap, lang.t(T::RoadmapRule).into()),
        term(
            T::EarliestAudit,
            lang.f(T::EarliestAuditRule, &[("months", &RECORDS_MONTHS)]),
        ),
        term(T::Numbers, lang.t(T::NumbersRule).into()),
    ]));
    out.push(Block::Note(
        lang.f(T::MethodNote, &[("id", &q.id), ("version", &q.version)]),
    ));
    section("method", lang.t(T::SectionMethod), true, out)
}
