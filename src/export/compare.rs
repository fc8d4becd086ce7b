//! Comparison of two assessments of the same questionnaire: per-domain score deltas
//! and per-question changes. Used by `export --baseline` and `compare OLD NEW`.

use std::io::Write;

use serde::Serialize;

use crate::assessment::Assessment;
use crate::locale::{CliText, Lang, ReportText};
use crate::questionnaire::Questionnaire;
use crate::scoring::{Scores, round_half_away};
use crate::text::{clip, fit, fit_right, one_line};

/// The state of one question in one assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state", content = "level")]
pub enum QuestionState {
    /// Not answered.
    Unanswered,
    /// Answered "not applicable".
    NotApplicable,
    /// Answered with a level.
    Level(u8),
}

impl QuestionState {
    fn of(assessment: &Assessment, question: &str) -> QuestionState {
        match assessment.answer(question) {
            Some(a) if a.na => QuestionState::NotApplicable,
            Some(a) => a
                .level
                .map_or(QuestionState::Unanswered, QuestionState::Level),
            None => QuestionState::Unanswered,
        }
    }

    /// The state in words: "3", "N/A" or "–".
    pub fn label(self) -> String {
        match self {
            QuestionState::Unanswered => "–".to_string(),
            QuestionState::NotApplicable => "N/A".to_string(),
            QuestionState::Level(l) => l.to_string(),
        }
    }
}

/// How one domain moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainDelta {
    /// Domain id.
    pub id: String,
    /// Domain title.
    pub title: String,
    /// Score in the baseline (unrounded; none if nothing scored).
    pub before: Option<f64>,
    /// Score now.
    pub after: Option<f64>,
    /// `after − before`, when both exist.
    pub delta: Option<f64>,
    /// Target now.
    pub target: u8,
}

/// A question whose answer changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionChange {
    /// Question id.
    pub id: String,
    /// Domain id.
    pub domain: String,
    /// In the baseline.
    pub before: QuestionState,
    /// Now.
    pub after: QuestionState,
}

/// How much of an assessment is answered, and so how final its scores are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Questions answered with a level or N/A.
    pub covered: usize,
    /// Questions in all.
    pub total: usize,
    /// Whether anything is left unanswered (the verdict is then provisional).
    pub provisional: bool,
}

impl Coverage {
    fn of(scores: &Scores) -> Coverage {
        Coverage {
            covered: scores.overall.covered(),
            total: scores.overall.total,
            provisional: !scores.readiness.complete,
        }
    }
}

/// Everything that changed between two assessments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// How complete the baseline was.
    pub coverage_before: Coverage,
    /// How complete the assessment is now.
    pub coverage_after: Coverage,
    /// Answers given in the baseline and unanswered now: a score that rises because a
    /// low answer was cleared is not progress.
    pub cleared: usize,
    /// Overall score in the baseline.
    pub overall_before: Option<f64>,
    /// Overall score now.
    pub overall_after: Option<f64>,
    /// `overall_after − overall_before`, when both exist.
    pub overall_delta: Option<f64>,
    /// Per domain, in questionnaire order.
    pub domains: Vec<DomainDelta>,
    /// Questions whose answer changed, in questionnaire order.
    pub questions: Vec<QuestionChange>,
}

fn delta(before: Option<f64>, after: Option<f64>) -> Option<f64> {
    Some(after? - before?)
}

/// Compares `old` (scored `old_scores`) with `new` (scored `new_scores`).
pub fn compare(
    questionnaire: &Questionnaire,
    old: &Assessment,
    old_scores: &Scores,
    new: &Assessment,
    new_scores: &Scores,
) -> Comparison {
    let domains = new_scores
        .domains
        .iter()
        .map(|d| {
            let before = old_scores.domain(&d.id).and_then(|o| o.score);
            DomainDelta {
                id: d.id.clone(),
                title: d.title.clone(),
                before,
                after: d.score,
                delta: delta(before, d.score),
                target: d.target,
            }
        })
        .collect();
    let questions: Vec<QuestionChange> = questionnaire
        .questions
        .iter()
        .filter_map(|q| {
            let (before, after) = (QuestionState::of(old, &q.id), QuestionState::of(new, &q.id));
            (before != after).then(|| QuestionChange {
                id: q.id.clone(),
                domain: q.domain.clone(),
                before,
                after,
            })
        })
        .collect();
    let cleared = questions
        .iter()
        .filter(|c: &&QuestionChange| {
            c.before != QuestionState::Unanswered && c.after == QuestionState::Unanswered
        })
        .count();
    Comparison {
        coverage_before: Coverage::of(old_scores),
        coverage_after: Coverage::of(new_scores),
        cleared,
        overall_before: old_scores.overall.score,
        overall_after: new_scores.overall.score,
        overall_delta: delta(old_scores.overall.score, new_scores.overall.score),
        domains,
        questions,
    }
}

/// A signed change rounded to one decimal, half away from zero ("+0.6", "−0.3",
/// "0.0"), or "–". Pass the difference of the unrounded scores.
pub fn signed(delta: Option<f64>) -> String {
    match delta.map(round_half_away) {
        None => "–".to_string(),
        Some(0.0) => "0.0".to_string(),
        Some(d) if d > 0.0 => format!("+{d:.1}"),
        Some(d) => format!("−{:.1}", d.abs()),
    }
}

/// Prints the comparison as a table for a terminal, in `lang`, with the words of
/// `questionnaire` (the one compared, or its translation); user text passed through
/// [`one_line`].
pub fn print_table(
    questionnaire: &Questionnaire,
    comparison: &Comparison,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let change = |d: Option<f64>| d.map_or_else(|| "–".to_string(), |d| lang.delta(d));
    writeln!(
        out,
        "{}",
        lang.f(
            CliText::CompareOverall,
            &[
                ("before", &lang.score(comparison.overall_before)),
                ("after", &lang.score(comparison.overall_after)),
                ("change", &change(comparison.overall_delta)),
            ],
        )
    )?;
    let count = |c: Coverage| {
        lang.f(
            if c.provisional {
                CliText::CompareCountProvisional
            } else {
                CliText::CompareCount
            },
            &[("covered", &c.covered), ("total", &c.total)],
        )
    };
    writeln!(
        out,
        "{}",
        lang.f(
            CliText::CompareAnswered,
            &[
                ("before", &count(comparison.coverage_before)),
                ("after", &count(comparison.coverage_after)),
            ],
        )
    )?;
    if comparison.cleared > 0 {
        let text = if comparison.cleared == 1 {
            lang.t(CliText::CompareClearedOne).to_string()
        } else {
            lang.f(
                CliText::CompareClearedMany,
                &[("count", &comparison.cleared)],
            )
        };
        writeln!(out, "{text}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{} {} {} {} {}",
        fit(lang.t(CliText::CompareColDomain), 32),
        fit_right(lang.t(CliText::CompareColBaseline), 8),
        fit_right(lang.t(CliText::CompareColNow), 6),
        fit_right(lang.t(CliText::CompareColChange), 7),
        fit_right(lang.t(CliText::CompareColTarget), 6),
    )?;
    for d in &comparison.domains {
        writeln!(
            out,
            "{} {:>8} {:>6} {:>7} {:>6}",
            fit(
                &one_line(questionnaire.domain(&d.id).map_or(&d.title, |x| &x.title)),
                32
            ),
            lang.score(d.before),
            lang.score(d.after),
            change(d.delta),
            d.target
        )?;
    }
    if comparison.questions.is_empty() {
        writeln!(out, "\n{}", lang.t(CliText::CompareNoChange))?;
        return Ok(());
    }
    writeln!(
        out,
        "\n{}",
        lang.f(
            CliText::CompareChanged,
            &[("count", &comparison.questions.len())]
        )
    )?;
    let state = |s: QuestionState| match s {
        QuestionState::NotApplicable => lang.t(ReportText::NotApplicableShort).to_string(),
        other => other.label(),
    };
    for c in &comparison.questions {
        let text = questionnaire
            .question(&c.id)
            .map_or("", |q| q.short_title());
        writeln!(
            out,
            "  {} {:>3} → {:<3}  {}",
            fit(&one_line(&c.id), 10),
            state(c.before),
            state(c.after),
            clip(&one_line(text), 80)
        )?;
    }
    Ok(())
}

/// Writes the comparison as pretty JSON (scores unrounded, as in results.json).
pub fn write_json(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, comparison).map_err(std::io::Error::other)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::one_decimal;

    #[test]
    fn signed_deltas_read_naturally() {
        assert_eq!(signed(Some(0.64)), "+0.6");
        assert_eq!(signed(Some(-0.26)), "−0.3");
        assert_eq!(signed(Some(0.01)), "0.0");
        assert_eq!(signed(Some(-0.05)), "−0.1");
        assert_eq!(signed(Some(0.25)), "+0.3");
        assert_eq!(signed(Some(-0.04)), "0.0");
        assert_eq!(signed(None), "–");
        assert_eq!(delta(Some(1.0), None), None);
        assert_eq!(delta(Some(1.5), Some(2.0)), Some(0.5));
        // The change comes from the unrounded scores: 1.417 → 2.563 reads
        // "1.4 → 2.6 (+1.1)", not the +1.2 of the rounded figures.
        let (before, after) = (17.0 / 12.0, 41.0 / 16.0);
        assert_eq!(one_decimal(Some(before)), "1.4");
        assert_eq!(one_decimal(Some(after)), "2.6");
        assert_eq!(signed(delta(Some(before), Some(after))), "+1.1");
    }
}
