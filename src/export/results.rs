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
    };
    // Plain data with string keys serializes without error.
    let mut bytes = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
