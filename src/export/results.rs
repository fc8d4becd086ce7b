//! `results.json`: the machine-readable result (SPEC.md contract).

use serde::Serialize;

use super::Report;
use crate::roadmap::RoadmapItem;
use crate::scoring::{DomainScore, METHOD, Overall, QuestionScore, Readiness, SoaSummary};

/// Version of the results.json format.
pub const RESULTS_FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Results<'a> {
    format_version: u32,
    method: u32,
    questionnaire: QuestionnaireId<'a>,
    generated: String,
    overall: &'a Overall,
    readiness: &'a Readiness,
    domains: &'a [DomainScore],
    questions: &'a [QuestionScore],
    roadmap: &'a [RoadmapItem],
    soa: Option<&'a SoaSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<BaselineSummary>,
}

/// Where the baseline stood (`baseline`, with `export --baseline` or a recorded one):
/// scores unrounded like the rest of the file.
#[derive(Serialize)]
struct BaselineSummary {
    overall: BaselineOverall,
    verdict: &'static str,
    /// False when the baseline was provisional (questions left unanswered).
    complete: bool,
    critical_gaps: usize,
    /// The day the baseline was last answered.
    updated: String,
    /// Questions that were critical gaps then and are not now.
    closed_critical_gaps: Vec<String>,
    /// Questions that are critical gaps now and were not then.
    new_critical_gaps: Vec<String>,
}

#[derive(Serialize)]
struct BaselineOverall {
    score: Option<f64>,
    level: Option<u8>,
}

#[derive(Serialize)]
struct QuestionnaireId<'a> {
    id: &'a str,
    version: &'a str,
}

/// Renders results.json.
pub fn render(report: &Report<'_>) -> Vec<u8> {
    let doc = Results {
        format_version: RESULTS_FORMAT_VERSION,
        method: METHOD,
        questionnaire: QuestionnaireId {
            id: &report.questionnaire.id,
            version: &report.questionnaire.version,
        },
        generated: report.generated.to_rfc3339(),
        overall: &report.scores.overall,
        readiness: &report.scores.readiness,
        domains: &report.scores.domains,
        questions: &report.scores.questions,
        roadmap: &report.roadmap,
        soa: report.scores.soa.as_ref(),
        baseline: report.baseline.as_ref().map(|b| {
            let (closed, new) = super::report::critical_changes(report);
            BaselineSummary {
                overall: BaselineOverall {
                    score: b.scores.overall.score,
                    level: b.scores.overall.level,
                },
                verdict: b.scores.readiness.verdict.as_str(),
                complete: b.scores.readiness.complete,
                critical_gaps: b.scores.readiness.critical_gaps,
                updated: b.assessment.meta.updated.to_rfc3339(),
                closed_critical_gaps: closed,
                new_critical_gaps: new,
            }
        }),
    };
    // Plain data with string keys serializes without error.
    let mut bytes = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
