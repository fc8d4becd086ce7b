//! Scores, gaps and the readiness verdict (pure functions; SPEC.md "Scoring method").

use std::collections::HashMap;

use serde::Serialize;

use crate::assessment::Assessment;
use crate::questionnaire::Questionnaire;

mod findings;
pub use findings::{
    Cause, ControlStatus, FindingCounts, FindingKind, Reason, Severity, SoaSummary,
    control_findings, question_finding,
};

/// The version of the scoring method (SPEC.md "Scoring method"), written in results.json.
pub const METHOD: u32 = 2;

/// The readiness verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// At least one major finding.
    NotReady,
    /// No major finding, but a minor one or a domain scoring below the threshold.
    NearlyReady,
    /// No major or minor finding and every scored domain at or above the threshold.
    Ready,
}

impl Verdict {
    /// The name used in JSON (`not_ready`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::NotReady => "not_ready",
            Verdict::NearlyReady => "nearly_ready",
            Verdict::Ready => "ready",
        }
    }

    /// The verdict in words for people.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::NotReady => "Not ready",
            Verdict::NearlyReady => "Nearly ready",
            Verdict::Ready => "Ready",
        }
    }
}

/// Where a verdict stands, as data: each front-end words it (and a second language
/// can), instead of passing an English sentence around.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictStatus {
    /// Nothing is answered yet: there is no verdict to give.
    NotAssessed,
    /// Questions remain: the verdict may still change.
    Provisional(Verdict),
    /// Every question is answered or N/A.
    Final(Verdict),
}

/// The score of one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionScore {
    /// Question id.
    pub id: String,
    /// Domain id.
    pub domain: String,
    /// The level the user chose (none if unanswered or N/A).
    pub claimed: Option<u8>,
    /// The level its ticked checks support (none if no check is answered, or N/A).
    pub evidenced: Option<u8>,
    /// The effective level that scores: the lower of claimed and evidenced (none if
    /// neither exists, or N/A).
    pub level: Option<u8>,
    /// Answered "not applicable".
    pub na: bool,
    /// `max(0, target − level)`; none when the question does not score.
    pub gap: Option<u8>,
    /// A critical question scored below the readiness threshold.
    pub critical_gap: bool,
    /// The finding its level raises, if any.
    pub finding: Option<Severity>,
}

/// The score of one domain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainScore {
    /// Domain id.
    pub id: String,
    /// Domain title.
    pub title: String,
    /// Weighted mean level `Σ w·level / Σ w`, none if nothing scores.
    pub score: Option<f64>,
    /// `floor(score)`.
    pub level: Option<u8>,
    /// Target level.
    pub target: u8,
    /// `max(0, target − score)`, none if nothing scores.
    pub gap: Option<f64>,
    /// Questions with a level (not N/A).
    pub answered: usize,
    /// Questions answered N/A.
    pub not_applicable: usize,
    /// Questions in the domain.
    pub total: usize,
}

/// The overall score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overall {
    /// Mean of the domain scores that exist.
    pub score: Option<f64>,
    /// `floor(score)`.
    pub level: Option<u8>,
    /// Questions with a level (not N/A).
    pub answered: usize,
    /// Questions answered N/A.
    pub not_applicable: usize,
    /// Questions in the questionnaire.
    pub total: usize,
    /// `(answered + not_applicable) / total`.
    pub coverage: f64,
}

/// The readiness verdict and what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    /// The verdict.
    pub verdict: Verdict,
    /// Whether every question is answered or N/A and every control has a decision
    /// (otherwise the verdict is provisional).
    pub complete: bool,
    /// Number of critical gaps.
    pub critical_gaps: usize,
    /// The readiness threshold level.
    pub threshold: u8,
    /// The number of findings of each grade.
    pub findings: FindingCounts,
    /// What decided the verdict, most severe first (empty when ready).
    pub reasons: Vec<Reason>,
}

/// Every score of an assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// The overall score.
    pub overall: Overall,
    /// The verdict.
    pub readiness: Readiness,
    /// Per domain, in questionnaire order.
    pub domains: Vec<DomainScore>,
    /// Per question, in questionnaire order.
    pub questions: Vec<QuestionScore>,
    /// The Statement of Applicability (none when the questionnaire defines no controls).
    pub soa: Option<SoaSummary>,
    /// Every finding, most severe first.
    pub findings: Vec<Reason>,
    /// Position of each domain and question by id (look-ups in constant time).
    #[serde(skip)]
    positions: Positions,
}

/// Where each domain and question score is, by id.
#[derive(Debug, Clone, Default, PartialEq)]
struct Positions {
    domains: HashMap<String, usize>,
    questions: HashMap<String, usize>,
}

impl DomainScore {
    /// Questions answered with a level or N/A.
    pub fn covered(&self) -> usize {
        self.answered + self.not_applicable
    }
}

impl Overall {
    /// Questions answered with a level or N/A.
    pub fn covered(&self) -> usize {
        self.answered + self.not_applicable
    }
}

impl Scores {
    /// Where the verdict stands: not assessed, provisional or final.
    pub fn verdict_status(&self) -> VerdictStatus {
        if self.overall.score.is_none() && !self.readiness.complete {
            VerdictStatus::NotAssessed
        } else if self.readiness.complete {
            VerdictStatus::Final(self.readiness.verdict)
        } else {
            VerdictStatus::Provisional(self.readiness.verdict)
        }
    }

    /// The score of a domain by id.
    pub fn domain(&self, id: &str) -> Option<&DomainScore> {
        self.positions
            .domains
            .get(id)
            .and_then(|&i| self.domains.get(i))
            .filter(|d| d.id == id)
            .or_else(|| self.domains.iter().find(|d| d.id == id))
    }

    /// The score of a question by id.
    pub fn question(&self, id: &str) -> Option<&QuestionScore> {
        self.positions
            .questions
            .get(id)
            .and_then(|&i| self.questions.get(i))
            .filter(|q| q.id == id)
            .or_else(|| self.questions.iter().find(|q| q.id == id))
    }
}

/// Floor of a score as a level.
///
/// A mean such as (2.6 + 3.4) / 2 can land a hair under 3.0 in floating point; the
/// tolerance keeps such a score in the band it really reached.
fn level_of(score: f64) -> u8 {
    // Scores are means of levels 1–5, so the clamped cast is exact.
    (score + 1e-9).floor().clamp(0.0, 255.0) as u8
}

/// Running sums of one domain.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    weighted: u64,
    weights: u64,
    answered: usize,
    not_applicable: usize,
    total: usize,
}

/// Scores `assessment` against `questionnaire` by SPEC.md's method.
pub fn score(questionnaire: &Questionnaire, assessment: &Assessment) -> Scores {
    let threshold = questionnaire.readiness_threshold;
    let positions: HashMap<&str, usize> = questionnaire
        .domains
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let targets: Vec<u8> = questionnaire
        .domains
        .iter()
        .map(|d| assessment.target(questionnaire, &d.id))
        .collect();
    let mut tallies = vec![Tally::default(); questionnaire.domains.len()];
    let mut questions = Vec::with_capacity(questionnaire.questions.len());

    for q in &questionnaire.questions {
        let Some(&d) = positions.get(q.domain.as_str()) else {
            continue; // validation guarantees every question's domain exists
        };
        let tally = &mut tallies[d];
        tally.total += 1;
        let answer = assessment.answer(&q.id);
        let na = answer.is_some_and(|a| a.na);
        let levels = crate::evidence::levels(q, answer);
        let level = levels.effective;
        if na {
            tally.not_applicable += 1;
        } else if let Some(l) = level {
            tally.answered += 1;
            tally.weighted += u64::from(q.weight) * u64::from(l);
            tally.weights += u64::from(q.weight);
        }
        questions.push(QuestionScore {
            id: q.id.clone(),
            domain: q.domain.clone(),
            claimed: levels.claimed,
            evidenced: levels.evidenced,
            level,
            na,
            gap: level.map(|l| targets[d].saturating_sub(l)),
            critical_gap: q.critical && level.is_some_and(|l| l < threshold),
            finding: findings::question_finding(q.critical, level, threshold),
        });
    }

    let domains: Vec<DomainScore> = questionnaire
        .domains
        .iter()
        .zip(tallies)
        .zip(&targets)
        .map(|((domain, t), &target)| {
            let score = (t.weights > 0).then(|| t.weighted as f64 / t.weights as f64);
            DomainScore {
                id: domain.id.clone(),
                title: domain.title.clone(),
                score,
                level: score.map(level_of),
                target,
                gap: score.map(|s| (f64::from(target) - s).max(0.0)),
                answered: t.answered,
                not_applicable: t.not_applicable,
                total: t.total,
            }
        })
        .collect();
    let answered = domains.iter().map(|d| d.answered).sum::<usize>();
    let not_applicable = domains.iter().map(|d| d.not_applicable).sum::<usize>();

    let existing: Vec<f64> = domains.iter().filter_map(|d| d.score).collect();
    let overall_score =
        (!existing.is_empty()).then(|| existing.iter().sum::<f64>() / existing.len() as f64);
    let total = questionnaire.questions.len();
    let critical_gaps = questions.iter().filter(|q| q.critical_gap).count();
    let (soa, soa_findings) = match findings::soa(questionnaire, assessment) {
        Some((summary, reasons)) => (Some(summary), reasons),
        None => (None, Vec::new()),
    };
    let undecided = soa.as_ref().map_or(0, |s| s.undecided);
    let all_findings = findings::all(
        &questions,
        threshold,
        |id| questionnaire.question(id).is_some_and(|q| q.critical),
        soa_findings,
    );
    let count = |s: Severity| all_findings.iter().filter(|r| r.severity == s).count();
    let counts = FindingCounts {
        major: count(Severity::Major),
        minor: count(Severity::Minor),
        improvement: count(Severity::Improvement),
    };
    let below = findings::domains_below(&domains, threshold);
    let verdict = if counts.major > 0 {
        Verdict::NotReady
    } else if counts.minor > 0 || !below.is_empty() {
        Verdict::NearlyReady
    } else {
        Verdict::Ready
    };
    let mut reasons: Vec<Reason> = all_findings
        .iter()
        .filter(|r| r.severity != Severity::Improvement)
        .cloned()
        .map(|mut r| {
            // People know a question by its short title: "ctx-02 (Interested parties)".
            if r.kind == FindingKind::Question
                && let Some(q) = questionnaire.question(&r.id)
            {
                let label = format!("{} ({})", r.id, q.short_title());
                r.text = crate::locale::finding(&label, r.cause);
            }
            r
        })
        .collect();
    if verdict != Verdict::Ready {
        reasons.extend(below);
    }
    Scores {
        overall: Overall {
            score: overall_score,
            level: overall_score.map(level_of),
            answered,
            not_applicable,
            total,
            coverage: if total == 0 {
                0.0
            } else {
                (answered + not_applicable) as f64 / total as f64
            },
        },
        readiness: Readiness {
            verdict,
            complete: answered + not_applicable == total && undecided == 0,
            critical_gaps,
            threshold,
            findings: counts,
            reasons,
        },
        positions: Positions {
            domains: domains
                .iter()
                .enumerate()
                .map(|(i, d)| (d.id.clone(), i))
                .collect(),
            questions: questions
                .iter()
                .enumerate()
                .map(|(i, q)| (q.id.clone(), i))
                .collect(),
        },
        domains,
        questions,
        soa,
        findings: all_findings,
    }
}

/// `x` rounded to one decimal, half away from zero (2.25 → 2.3, −0.05 → −0.1), the
/// way people round by hand.
///
/// `format!("{:.1}")` rounds the binary value half to even, so 2.25 would print as
/// 2.2; and a score such as 2.45 is stored a hair below its decimal value. The
/// tolerance (far below any difference between two weighted means of levels) puts such
/// a value back on its half before rounding.
pub fn round_half_away(x: f64) -> f64 {
    let tenths = (x.abs() * 10.0 + 1e-9).round();
    (tenths / 10.0).copysign(x)
}

/// A score rounded to one decimal for people ("2.4"), or "–" when there is none.
pub fn one_decimal(score: Option<f64>) -> String {
    score.map_or_else(
        || "–".to_string(),
        |s| format!("{:.1}", round_half_away(s) + 0.0),
    )
}

#[cfg(test)]
mod rounding_tests {
    use super::*;

    #[test]
    fn people_read_scores_rounded_half_away_from_zero() {
        for (score, shown) in [
            (2.25, "2.3"),
            (2.35, "2.4"),
            (2.45, "2.5"),
            (2.24, "2.2"),
            (1.0, "1.0"),
            (-0.05, "-0.1"),
            (0.04, "0.0"),
            (4.95, "5.0"),
        ] {
            assert_eq!(one_decimal(Some(score)), shown, "{score}");
        }
        // A weighted mean lands a hair off its decimal value: 24.5 / 10.
        assert_eq!(one_decimal(Some(24.5 / 10.0)), "2.5");
        assert_eq!(one_decimal(Some(7.0 / 3.0)), "2.3");
        assert_eq!(round_half_away(-0.05), -0.1);
        assert_eq!(round_half_away(0.05), 0.1);
        assert_eq!(one_decimal(Some(-0.04)), "0.0");
        assert_eq!(one_decimal(None), "–");
    }
}
