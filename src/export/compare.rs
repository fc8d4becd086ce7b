//! Comparison of two assessments of the same questionnaire: per-domain score deltas
//! and per-question changes. Used by `export --baseline` and `compare OLD NEW`.

use std::io::Write;

use serde::Serialize;

use crate::assessment::Assessment;
use crate::questionnaire::Questionnaire;
use crate::scoring::{Scores, one_decimal};
use crate::text::{clip, fit, one_line};

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

/// A signed change rounded to one decimal ("+0.6", "−0.3", "0.0"), or "–".
pub fn signed(delta: Option<f64>) -> String {
    match delta {
        None => "–".to_string(),
        Some(d) if d.abs() < 0.05 => "0.0".to_string(),
        Some(d) if d > 0.0 => format!("+{d:.1}"),
        Some(d) => format!("−{:.1}", d.abs()),
    }
}

/// Prints the comparison as a table for a terminal (user text passed through
/// [`one_line`]).
pub fn print_table(
    questionnaire: &Questionnaire,
    comparison: &Comparison,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "Overall: {} → {} ({})",
        one_decimal(comparison.overall_before),
        one_decimal(comparison.overall_after),
        signed(comparison.overall_delta)
    )?;
    let (b, a) = (comparison.coverage_before, comparison.coverage_after);
    let provisional = |c: Coverage| if c.provisional { " (provisional)" } else { "" };
    writeln!(
        out,
        "Answered: {}/{}{} → {}/{}{}",
        b.covered,
        b.total,
        provisional(b),
        a.covered,
        a.total,
        provisional(a)
    )?;
    if comparison.cleared > 0 {
        writeln!(
            out,
            "{} answer{} given in the baseline {} unanswered now: a score that rose without {} is not progress.",
            comparison.cleared,
            if comparison.cleared == 1 { "" } else { "s" },
            if comparison.cleared == 1 { "is" } else { "are" },
            if comparison.cleared == 1 {
                "it"
            } else {
                "them"
            },
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<32} {:>8} {:>6} {:>7} {:>6}",
        "DOMAIN", "BASELINE", "NOW", "CHANGE", "TARGET"
    )?;
    for d in &comparison.domains {
        writeln!(
            out,
            "{} {:>8} {:>6} {:>7} {:>6}",
            fit(&one_line(&d.title), 32),
            one_decimal(d.before),
            one_decimal(d.after),
            signed(d.delta),
            d.target
        )?;
    }
    if comparison.questions.is_empty() {
        writeln!(out, "\nNo answer changed.")?;
        return Ok(());
    }
    writeln!(out, "\nChanged answers ({}):", comparison.questions.len())?;
    for c in &comparison.questions {
        let text = questionnaire
            .question(&c.id)
            .map_or("", |q| q.short_title());
        writeln!(
            out,
            "  {} {:>3} → {:<3}  {}",
            fit(&one_line(&c.id), 10),
            c.before.label(),
            c.after.label(),
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

    #[test]
    fn signed_deltas_read_naturally() {
        assert_eq!(signed(Some(0.64)), "+0.6");
        assert_eq!(signed(Some(-0.26)), "−0.3");
        assert_eq!(signed(Some(0.01)), "0.0");
        assert_eq!(signed(None), "–");
        assert_eq!(delta(Some(1.0), None), None);
        assert_eq!(delta(Some(1.5), Some(2.0)), Some(0.5));
    }
}
