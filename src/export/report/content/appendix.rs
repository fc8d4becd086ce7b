//! The report's last sections: every question in full with its answer, note and
//! evidence, then the method.

use super::super::{Block, Section, strong, text};
use super::{RECORDS_MONTHS, heading, section};
use crate::export::Report;

/// Every question in full: the only place the report prints a question's text.
pub(super) fn appendix(report: &Report<'_>) -> Section {
    let q = report.questionnaire;
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
                Some(a) if a.na => "not applicable".to_string(),
                Some(a) => match a.level {
                    Some(l) => format!(
                        "level {l} ({}): {}",
                        q.level_name(l),
                        question.level_text(l)
                    ),
                    None => "not answered".to_string(),
                },
                None => "not answered".to_string(),
            };
            let mut facts = vec![
                vec![strong("Answer: "), text(answered)],
                vec![
                    strong("Target: "),
                    text(format!(
                        "{}{}{}",
                        report.assessment.target(q, &domain.id),
                        score
                            .and_then(|s| s.gap)
                            .filter(|g| *g > 0)
                            .map_or(String::new(), |g| format!(", gap {g}")),
                        if score.is_some_and(|s| s.critical_gap) {
                            ", critical gap"
                        } else if question.critical {
                            ", critical question"
                        } else {
                            ""
                        }
                    )),
                ],
            ];
            let refs = question.refs.display();
            if !refs.is_empty() {
                facts.push(vec![strong("References: "), text(refs)]);
            }
            super::register::levels_and_unmet_checks(report, question, &mut facts);
            if let Some(a) = answer
                && a.flagged
            {
                let reason = if a.flag_reason.trim().is_empty() {
                    "flagged for follow-up".to_string()
                } else {
                    format!("flagged for follow-up: {}", a.flag_reason.trim())
                };
                facts.push(vec![strong("Follow-up: "), text(reason)]);
            }
            if answer.is_some_and(|a| a.recheck) {
                facts.push(vec![
                    strong("To re-check: "),
                    text(
                        "carried over from an earlier version of the questionnaire, where this \
                         question was different; not yet confirmed",
                    ),
                ]);
            }
            out.push(Block::Bullets(facts));
            if let Some(a) = answer {
                if !a.note.trim().is_empty() {
                    out.push(Block::Para(vec![strong("Note:")]));
                    out.push(Block::Lines(a.note.lines().map(str::to_string).collect()));
                }
                let evidence: Vec<_> = a.evidence.iter().filter(|e| !e.trim().is_empty()).collect();
                if !evidence.is_empty() {
                    out.push(Block::Para(vec![strong("Evidence:")]));
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
    section("appendix", "Appendix: answers by question", true, out)
}

/// Answers to questions an earlier questionnaire version asked and this one does not:
/// kept in the file, so listed here too.
fn retired_answers(report: &Report<'_>, out: &mut Vec<Block>) {
    let retired = &report.assessment.retired_answers;
    if retired.is_empty() {
        return;
    }
    out.push(heading(3, "Questions no longer asked", false));
    out.push(Block::Bullets(
        retired
            .iter()
            .map(|(id, r)| {
                let level = match (r.answer.na, r.answer.level) {
                    (true, _) => "not applicable".to_string(),
                    (false, Some(l)) => format!("level {l}"),
                    (false, None) => "not answered".to_string(),
                };
                let note = r.answer.note.trim();
                let mut line = format!(
                    "{id} (questionnaire version {}): {level}",
                    r.questionnaire_version
                );
                if !note.is_empty() {
                    line.push_str(&format!("; note: {}", crate::text::one_line(note)));
                }
                vec![text(line)]
            })
            .collect(),
    ));
}

pub(super) fn method(report: &Report<'_>) -> Section {
    let q = report.questionnaire;
    let mut out = Vec::new();
    out.push(Block::Para(vec![text(format!(
        "Each question is answered on a five-level scale: {}. Only answered questions \
         count; questions marked not applicable (with a justification) are left out of the scores.",
        (1..=5)
            .map(|l| format!("{l} {}", q.level_name(l)))
            .collect::<Vec<_>>()
            .join(", ")
    ))]));
    out.push(Block::Bullets(vec![
        vec![
            strong("Domain score: "),
            text("the weighted mean of the levels of its answered questions (weights 1 to 3); its level is the whole band reached."),
        ],
        vec![
            strong("Overall score: "),
            text("the mean of the domain scores that exist."),
        ],
        vec![
            strong("Gap: "),
            text("how far a question or a domain is below its domain's target level."),
        ],
        vec![
            strong("Critical gap: "),
            text(format!(
                "a question marked critical answered below level {}, the readiness threshold.",
                q.readiness_threshold
            )),
        ],
        vec![
            strong("Verdict: "),
            text("not ready with any critical gap; nearly ready when a domain scores below the threshold; otherwise ready. It is provisional while questions remain unanswered."),
        ],
        vec![
            strong("Roadmap: "),
            text("one item per question below target, prioritised by gap × weight, doubled for a critical gap. Phase 1 (months 0–3) takes low-effort gaps and medium-effort critical gaps, phase 2 (months 3–6) the other critical gaps and medium-effort gaps, phase 3 (months 6–12) the rest. An item marked done stays in the roadmap, as \"done — re-assess\", until its question is answered at its target."),
        ],
        vec![
            strong("Earliest realistic certification audit: "),
            text(format!(
                "the latest due date of the roadmap items that close critical gaps (the roadmap start when there is none), plus {RECORDS_MONTHS} months: a certification body expects the management system to have run and left records, at least one internal audit and one management review (clauses 9.2 and 9.3), before its audit. It is a planning date, not a promise."
            )),
        ],
        vec![
            strong("Numbers: "),
            text("scores are shown rounded to one decimal, half away from zero (2.25 shows as 2.3); changes are computed from the unrounded scores, so a change can differ by 0.1 from the difference of the two rounded figures. results.json keeps every score unrounded."),
        ],
    ]));
    out.push(Block::Note(format!(
        "Questionnaire {} version {}. This report is a self-assessment aid, not a certification audit.",
        q.id, q.version
    )));
    section("method", "Method", true, out)
}
