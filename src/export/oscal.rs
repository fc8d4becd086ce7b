//! `assessment-results.oscal.json`: the assessment as an OSCAL assessment-results
//! document (OSCAL 1.2.3, validated in tests against NIST's published JSON schema).
//!
//! - One finding per question; its target is the question (`objective-id`), its
//!   status `satisfied` at or above the domain target, else `not-satisfied`
//!   (unanswered: `not-satisfied`; not applicable: `satisfied`, reason `other`).
//! - Maturity facts are props in the namespace [`NS`]: `maturity-level`,
//!   `maturity-target`, `maturity-gap`, `answer-state`, `critical`, `critical-gap`,
//!   `weight`, `domain`, `iso-reference`; on the result `overall-score`,
//!   `overall-level`, `verdict`, `coverage`.
//! - With a Statement of Applicability, one more finding per control (target: the
//!   control id), with its decision, justification, implementation, owner and grade
//!   as props (`soa-decision`, `soa-justification`, `soa-implementation`, `soa-owner`,
//!   `finding-grade`, `control-objective`, `assessed-by`); a question's finding has
//!   its `finding-grade` too (method v2).
//! - Each answer is an observation (note as remarks, evidence as relevant-evidence).
//! - Each roadmap item is a risk with one remediation (lifecycle from the plan
//!   status) whose task carries the phase dates; its actions are the description.
//! - UUIDs are version 5, derived from the assessment and the item, so the same
//!   assessment always yields the same identifiers.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};
use serde_json::{Value, json};
use uuid::Uuid;

use super::Report;
use super::report::md::escape;
use crate::assessment::{Implementation, PlanStatus};
use crate::roadmap::RoadmapItem;
use crate::scoring::ControlStatus;
use crate::text::one_line;

/// The namespace of this program's OSCAL props. `.example` is reserved (RFC 2606),
/// so the URI identifies without ever resolving.
pub const NS: &str = "https://aims-readiness.example/ns/oscal";

/// The OSCAL version written (and validated against).
pub const OSCAL_VERSION: &str = "1.2.3";

/// A version 5 UUID for `name` under this program's namespace.
pub fn uuid_for(name: &str) -> String {
    let namespace = Uuid::new_v5(&Uuid::NAMESPACE_URL, NS.as_bytes());
    Uuid::new_v5(&namespace, name.as_bytes()).to_string()
}

/// A timestamp as it identifies things (uuids stay the same across versions).
fn time(t: &DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A timestamp as OSCAL's schema accepts it: the same instant in UTC, since the schema
/// lists only the common zone offsets and a file may hold any (`+01:23`).
fn stamp(t: &DateTime<FixedOffset>) -> String {
    t.with_timezone(&chrono::Utc)
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The start of a day, in UTC so that the date written is the date meant.
fn day(date: NaiveDate) -> String {
    format!("{}T00:00:00Z", date.format("%Y-%m-%d"))
}

/// A value for an OSCAL string: one line, trimmed, never empty.
fn string(s: &str, fallback: &str) -> String {
    let s = one_line(s);
    let s = s.trim();
    if s.is_empty() {
        fallback.to_string()
    } else {
        s.to_string()
    }
}

/// User text as an OSCAL markup-line (Markdown, one line, never empty).
fn line(s: &str, fallback: &str) -> String {
    escape(&string(s, fallback))
}

/// User text as OSCAL markup-multiline (Markdown, escaped line by line).
fn multiline(s: &str) -> String {
    s.lines()
        .map(|l| escape(l.trim()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn prop(name: &str, value: impl AsRef<str>) -> Value {
    json!({ "name": name, "ns": NS, "value": string(value.as_ref(), "none") })
}

/// The register items an answer points at (for the answer or one of its checks), as
/// OSCAL relevant evidence: a link keeps its address in `href`; a file's SHA-256 and
/// size go in props (its path, which need not be a valid URI, in the description).
fn register_evidence(
    a: &crate::assessment::Assessment,
    x: &crate::assessment::Answer,
) -> Vec<Value> {
    let mut ids: Vec<&str> = x.evidence_refs.iter().map(String::as_str).collect();
    for refs in x.check_evidence.values() {
        ids.extend(refs.iter().map(String::as_str));
    }
    let mut seen = std::collections::HashSet::new();
    ids.into_iter()
        .filter(|id| seen.insert(*id))
        .filter_map(|id| a.evidence_item(id))
        .map(|e| {
            let title = if e.title.trim().is_empty() { &e.id } else { &e.title };
            let mut item = json!({
                "description": line(&format!("{} ({}): {}", title, e.kind.as_str(), e.location), "evidence"),
            });
            let mut props = vec![prop("evidence-id", &e.id)];
            if let Some(hash) = &e.sha256 {
                props.push(prop("sha256", hash));
            }
            if let Some(bytes) = e.bytes {
                props.push(prop("bytes", bytes.to_string()));
            }
            if let Some(dated) = e.dated {
                props.push(prop("dated", dated.to_string()));
            }
            item["props"] = Value::Array(props);
            if e.kind == crate::evidence::EvidenceKind::Link
                && !e.location.chars().any(|c| c.is_whitespace() || c.is_control())
            {
                item["href"] = Value::String(e.location.clone());
            }
            item
        })
        .collect()
}

/// Renders assessment-results.oscal.json.
pub fn render(report: &Report<'_>) -> Vec<u8> {
    let a = report.assessment;
    let q = report.questionnaire;
    let s = &report.scores;
    // What identifies this assessment across exports: who, against what, since when.
    let identity = format!(
        "{}|{}|{}|{}",
        q.id,
        q.version,
        a.meta.organisation,
        time(&a.meta.created)
    );
    let id = |kind: &str, item: &str| uuid_for(&format!("{identity}|{kind}|{item}"));
    let generated = stamp(&report.generated);
    let organisation = string(&a.meta.organisation, "Organisation not set");

    let mut observations = Vec::new();
    let mut findings = Vec::new();
    let on_roadmap: std::collections::HashSet<&str> =
        report.roadmap.iter().map(|r| r.question.as_str()).collect();
    for (question, score) in q.questions.iter().zip(&s.questions) {
        let answer = a.answer(&question.id);
        let target = a.target(q, &question.domain);
        let state = match answer {
            Some(x) if x.na => "not-applicable",
            Some(x) if x.level.is_some() => "answered",
            _ => "unanswered",
        };
        let mut props = vec![
            prop("answer-state", state),
            prop("maturity-target", target.to_string()),
            prop("domain", &question.domain),
            prop("weight", question.weight.to_string()),
            prop("critical", question.critical.to_string()),
            prop("critical-gap", score.critical_gap.to_string()),
            prop(
                "finding-grade",
                score.finding.map_or("none", |f| f.as_str()),
            ),
        ];
        if let (Some(level), Some(gap)) = (score.level, score.gap) {
            props.insert(1, prop("maturity-level", level.to_string()));
            props.insert(3, prop("maturity-gap", gap.to_string()));
        }
        for r in &question.refs.iso {
            props.push(prop("iso-reference", r));
        }
        if let Some(claimed) = score.claimed {
            props.push(prop("claimed-level", claimed.to_string()));
        }
        if let Some(evidenced) = score.evidenced {
            props.push(prop("evidenced-level", evidenced.to_string()));
        }
        let (satisfied, reason, remarks) = match (state, score.gap) {
            ("not-applicable", _) => (
                true,
                "other",
                format!(
                    "Not applicable (excluded in the Statement of Applicability). {}",
                    answer.map_or("", |x| x.note.as_str())
                ),
            ),
            (_, Some(0)) => (true, "pass", "At or above the target level.".to_string()),
            (_, Some(g)) => (
                false,
                "fail",
                format!(
                    "{g} level{} below the target.",
                    if g == 1 { "" } else { "s" }
                ),
            ),
            _ => (false, "other", "Not answered yet.".to_string()),
        };
        let mut finding = json!({
            "uuid": id("finding", &question.id),
            "title": line(&format!("{} {}", question.id, question.text), &question.id),
            "description": line(&question.text, &question.id),
            "props": props,
            "target": {
                "type": "objective-id",
                "target-id": token(&question.id),
                "status": {
                    "state": if satisfied { "satisfied" } else { "not-satisfied" },
                    "reason": reason,
                    "remarks": multiline(&remarks),
                },
            },
        });
        if let Some(x) = answer.filter(|x| x.is_answered()) {
            let observation_id = id("observation", &question.id);
            let description = match x.level.filter(|_| !x.na) {
                Some(l) => format!(
                    "Self-assessed at level {l} ({}): {}",
                    q.level_name(l),
                    question.level_text(l)
                ),
                None => "Self-assessed as not applicable.".to_string(),
            };
            let mut evidence: Vec<Value> = x
                .evidence
                .iter()
                .filter(|e| !e.trim().is_empty())
                .map(|e| json!({ "description": line(e, "evidence") }))
                .collect();
            evidence.extend(register_evidence(a, x));
            let mut observation = json!({
                "uuid": observation_id,
                "title": line(&format!("Answer to {}", question.id), &question.id),
                "description": multiline(&description),
                "methods": [if evidence.is_empty() { "INTERVIEW" } else { "EXAMINE" }],
                "collected": stamp(x.updated.as_ref().unwrap_or(&a.meta.updated)),
            });
            if !evidence.is_empty() {
                observation["relevant-evidence"] = Value::Array(evidence);
            }
            let note = multiline(&x.note);
            if !note.is_empty() {
                observation["remarks"] = Value::String(note);
            }
            observations.push(observation);
            finding["related-observations"] = json!([{ "observation-uuid": observation_id }]);
        }
        if on_roadmap.contains(question.id.as_str()) {
            finding["related-risks"] = json!([{ "risk-uuid": id("risk", &question.id) }]);
        }
        findings.push(finding);
    }

    if let Some(soa) = &s.soa {
        findings.extend(soa.controls.iter().map(|c| control_finding(c, &id)));
    }

    let risks: Vec<Value> = report
        .roadmap
        .iter()
        .map(|item| risk(report, item, &id("risk", &item.question), &id))
        .collect();

    let mut result_props = vec![
        prop(
            "overall-score",
            s.overall.score.map_or("none".into(), |x| format!("{x:.2}")),
        ),
        prop(
            "overall-level",
            s.overall.level.map_or("none".into(), |l| l.to_string()),
        ),
        prop("verdict", s.readiness.verdict.as_str()),
        prop("complete", s.readiness.complete.to_string()),
        prop("coverage", format!("{:.3}", s.overall.coverage)),
        prop("critical-gaps", s.readiness.critical_gaps.to_string()),
        prop("findings-major", s.readiness.findings.major.to_string()),
        prop("findings-minor", s.readiness.findings.minor.to_string()),
        prop(
            "findings-improvement",
            s.readiness.findings.improvement.to_string(),
        ),
    ];
    result_props.push(prop("questionnaire", format!("{} {}", q.id, q.version)));
    if let Some(b) = &report.baseline {
        let was = &b.scores;
        let (closed, new) = super::report::critical_changes(report);
        result_props.extend([
            prop(
                "baseline-overall-score",
                was.overall
                    .score
                    .map_or("none".into(), |x| format!("{x:.2}")),
            ),
            prop(
                "baseline-overall-level",
                was.overall.level.map_or("none".into(), |l| l.to_string()),
            ),
            prop("baseline-verdict", was.readiness.verdict.as_str()),
            prop("baseline-complete", was.readiness.complete.to_string()),
            prop(
                "baseline-critical-gaps",
                was.readiness.critical_gaps.to_string(),
            ),
            prop(
                "baseline-date",
                b.assessment.meta.updated.format("%Y-%m-%d").to_string(),
            ),
            prop("critical-gaps-closed", closed.len().to_string()),
            prop("critical-gaps-new", new.len().to_string()),
        ]);
    }

    let mut result = json!({
        "uuid": id("result", &time(&a.meta.updated)),
        "title": line(&format!("Readiness self-assessment of {organisation}"), "Readiness self-assessment"),
        "description": multiline(&format!(
            "Maturity of the AI management system against {} (scope: {}).",
            q.title,
            string(&a.meta.scope, "not set")
        )),
        "start": stamp(&a.meta.created),
        "end": stamp(&a.meta.updated),
        "props": result_props,
        "reviewed-controls": {
            "description": multiline(&format!(
                "The requirements and controls covered by the questions of {} version {}.",
                q.id, q.version
            )),
            "control-selections": [{ "include-all": {} }],
        },
    });
    if !observations.is_empty() {
        result["observations"] = Value::Array(observations);
    }
    if !risks.is_empty() {
        result["risks"] = Value::Array(risks);
    }
    if !findings.is_empty() {
        result["findings"] = Value::Array(findings);
    }

    let questionnaire_resource = id("questionnaire", "");
    let org_party = id("party", "organisation");
    let mut parties = vec![json!({
        "uuid": org_party,
        "type": "organization",
        "name": organisation,
    })];
    let mut assessor_ids = Vec::new();
    for (i, name) in a.meta.assessors.iter().enumerate() {
        if name.trim().is_empty() {
            continue;
        }
        let uuid = id("assessor", &i.to_string());
        parties.push(json!({ "uuid": uuid, "type": "person", "name": string(name, "assessor") }));
        assessor_ids.push(uuid);
    }
    let mut metadata = json!({
        "title": line(&format!("ISO/IEC 42001 readiness: {organisation}"), "ISO/IEC 42001 readiness"),
        "last-modified": generated,
        "version": time(&a.meta.updated),
        "oscal-version": OSCAL_VERSION,
        "roles": [
            { "id": "assessor", "title": "Assessor" },
            { "id": "assessed-organization", "title": "Assessed organisation" },
        ],
        "parties": parties,
        "responsible-parties": [
            { "role-id": "assessed-organization", "party-uuids": [org_party] },
        ],
    });
    if !assessor_ids.is_empty()
        && let Some(list) = metadata["responsible-parties"].as_array_mut()
    {
        list.push(json!({ "role-id": "assessor", "party-uuids": assessor_ids }));
    }

    let doc = json!({
        "assessment-results": {
            "uuid": id("document", &format!("{}|{}", time(&a.meta.updated), time(&report.generated))),
            "metadata": metadata,
            "import-ap": {
                "href": format!("#{questionnaire_resource}"),
                "remarks": "A self-assessment has no separate assessment plan: the questionnaire in the back matter stands for it.",
            },
            "results": [result],
            "back-matter": {
                "resources": [{
                    "uuid": questionnaire_resource,
                    "title": line(&q.title, &q.id),
                    "description": multiline(&format!(
                        "Questionnaire {} version {}: {} questions in {} domains.",
                        q.id, q.version, q.questions.len(), q.domains.len()
                    )),
                }],
            },
        }
    });
    // A tree of JSON values serializes without error.
    let mut bytes = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// The finding on one control of the Statement of Applicability: satisfied when it
/// raises no finding (implemented, or excluded with a justification).
fn control_finding(c: &ControlStatus, id: &impl Fn(&str, &str) -> String) -> Value {
    let decision = crate::locale::decision(c.applicable);
    let mut props = vec![
        prop("soa-decision", decision),
        prop("finding-grade", c.finding.map_or("none", |f| f.as_str())),
    ];
    if let Some(objective) = &c.objective {
        props.push(prop("control-objective", objective));
    }
    if let Some(question) = &c.question {
        props.push(prop("assessed-by", question));
    }
    if c.applicable == Some(true) {
        let implementation = c.implementation.unwrap_or(Implementation::NotStarted);
        props.push(prop("soa-implementation", implementation.as_str()));
    }
    if !c.justification.trim().is_empty() {
        props.push(prop("soa-justification", &c.justification));
    }
    if !c.owner.trim().is_empty() {
        props.push(prop("soa-owner", &c.owner));
    }
    let (state, reason) = match (c.applicable, c.finding) {
        (None, _) => ("not-satisfied", "other"),
        (_, None) => ("satisfied", "pass"),
        (_, Some(_)) => ("not-satisfied", "fail"),
    };
    let justification = if c.justification.trim().is_empty() {
        "No justification recorded.".to_string()
    } else {
        format!("Justification: {}", c.justification)
    };
    json!({
        "uuid": id("control", &c.id),
        "title": line(&format!("Control {} {}", c.id, c.title), &c.id),
        "description": line(
            &format!("Statement of Applicability: {} {decision}.", c.id),
            &c.id,
        ),
        "props": props,
        "target": {
            "type": "objective-id",
            "target-id": token(&c.id),
            "status": {
                "state": state,
                "reason": reason,
                "remarks": multiline(&justification),
            },
        },
    })
}

/// A question id as an OSCAL token (a letter or `_` first; letters, digits, `.`,
/// `-`, `_` after).
fn token(id: &str) -> String {
    let mut out: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !out.starts_with(|c: char| c.is_alphabetic() || c == '_') {
        out.insert(0, '_');
    }
    out
}

fn risk(
    report: &Report<'_>,
    item: &RoadmapItem,
    uuid: &str,
    id: &dyn Fn(&str, &str) -> String,
) -> Value {
    let text = report
        .questionnaire
        .question(&item.question)
        .map_or("", |q| q.text.as_str());
    // A roadmap item exists only while its question is below target: one marked done
    // has finished its remediation but the finding stays open until the question is
    // answered again, so the risk is still being remediated, never closed.
    let (status, lifecycle) = match item.status {
        PlanStatus::Open => ("open", "recommendation"),
        PlanStatus::InProgress => ("remediating", "planned"),
        PlanStatus::Done => ("remediating", "completed"),
    };
    let mut props = vec![
        prop("rank", item.rank.to_string()),
        prop("priority", item.priority.to_string()),
        prop("phase", item.phase.number().to_string()),
        prop("maturity-level", item.current.to_string()),
        prop("maturity-target", item.target.to_string()),
        prop("maturity-gap", item.gap.to_string()),
        prop("critical-gap", item.critical.to_string()),
    ];
    if let Some(owner) = &item.owner {
        props.push(prop("owner", owner));
    }
    if item.status == PlanStatus::Done {
        props.push(prop("plan-status", "done-reassess"));
    }
    let actions = if item.actions.is_empty() {
        "No action listed in the questionnaire.".to_string()
    } else {
        item.actions
            .iter()
            .map(|x| format!("- {}", escape(x)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    json!({
        "uuid": uuid,
        "title": line(&format!("{} below target: level {} of {}", item.question, item.current, item.target), &item.question),
        "description": multiline(text),
        "statement": multiline(&format!(
            "A maturity gap of {} level{}{} delays ISO/IEC 42001 readiness.",
            item.gap,
            if item.gap == 1 { "" } else { "s" },
            if item.critical { " on a critical question" } else { "" }
        )),
        "props": props,
        "status": status,
        "deadline": day(item.due),
        "remediations": [{
            "uuid": id("remediation", &item.question),
            "lifecycle": lifecycle,
            "title": line(&format!("Raise {} from level {} to {}", item.question, item.current, item.target), &item.question),
            "description": actions,
            "tasks": [{
                "uuid": id("task", &item.question),
                "type": "action",
                "title": line(&format!("Phase {}: {}", item.phase.number(), item.phase.title()), "Phase"),
                "timing": { "within-date-range": {
                    "start": day(item.start),
                    "end": day(item.due),
                } },
            }],
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_valid_version_5_and_deterministic() {
        let a = uuid_for("x|finding|ctx-01");
        assert_eq!(a, uuid_for("x|finding|ctx-01"));
        assert_ne!(a, uuid_for("x|finding|ctx-02"));
        let parsed = Uuid::parse_str(&a).unwrap();
        assert_eq!(parsed.get_version_num(), 5);
        assert_eq!(a.len(), 36);
    }

    #[test]
    fn tokens_start_with_a_letter() {
        assert_eq!(token("ctx-01"), "ctx-01");
        assert_eq!(token("4.1 scope"), "_4.1_scope");
    }
}
