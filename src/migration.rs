//! Carrying an assessment over to a newer version of its questionnaire (pure).
//!
//! The questionnaire's `migrations` entry for the assessment's version says, per old
//! question id, which ids receive its answer. An id absent from the map keeps its
//! answer as it is. An id mapped to one or more ids gives a copy of its answer (and of
//! its roadmap owner and status) to each, marked `recheck` so the user confirms it: a
//! split question, or one whose level 3 moved. An id mapped to nothing is retired: its
//! answer is kept under `retired_answers` and listed. An id that is neither a question nor
//! in the map is left in place for the fit check to refuse (a damaged or foreign file).
//! Nothing the user wrote is dropped.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::assessment::{Answer, Assessment, PlanEntry, RetiredAnswer};
use crate::questionnaire::{Migration, Questionnaire};

/// What a migration changed, for the message shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationReport {
    /// The questionnaire id.
    pub questionnaire: String,
    /// The version the assessment was made with.
    pub from_version: String,
    /// The version it now answers.
    pub to_version: String,
    /// Answers carried over unchanged.
    pub carried: usize,
    /// Old ids whose answer went to several questions, with those questions.
    pub split: Vec<(String, Vec<String>)>,
    /// Questions whose carried answer is marked to re-check.
    pub to_recheck: Vec<String>,
    /// Old ids whose answer was kept under `retired_answers`.
    pub retired: Vec<String>,
    /// The questionnaire's own note on what changed.
    pub note: String,
}

impl MigrationReport {
    /// One line for the terminal: what happened and what the user should do.
    pub fn summary(&self) -> String {
        let mut parts = vec![format!(
            "{} answer{} carried over unchanged",
            self.carried,
            plural(self.carried)
        )];
        if !self.split.is_empty() {
            let olds: Vec<&str> = self.split.iter().map(|(old, _)| old.as_str()).collect();
            parts.push(format!(
                "{} question{} split ({})",
                olds.len(),
                plural(olds.len()),
                olds.join(", ")
            ));
        }
        if !self.to_recheck.is_empty() {
            parts.push(format!(
                "{} answer{} to re-check ({})",
                self.to_recheck.len(),
                plural(self.to_recheck.len()),
                self.to_recheck.join(", ")
            ));
        }
        if !self.retired.is_empty() {
            parts.push(format!(
                "{} retired and kept in the file ({})",
                self.retired.len(),
                self.retired.join(", ")
            ));
        }
        format!(
            "migrated from questionnaire {} {} to {}: {}",
            self.questionnaire,
            self.from_version,
            self.to_version,
            parts.join("; ")
        )
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The migration entry that applies to `assessment`, if it was made with an earlier
/// version of `questionnaire` that the questionnaire knows how to carry over.
pub fn entry_for<'q>(
    assessment: &Assessment,
    questionnaire: &'q Questionnaire,
) -> Option<&'q Migration> {
    let made_with = &assessment.questionnaire;
    if made_with.id != questionnaire.id || made_with.version == questionnaire.version {
        return None;
    }
    questionnaire
        .migrations
        .iter()
        .find(|m| m.from == made_with.version)
}

/// The assessment carried over to `questionnaire`, with what changed; `None` when it
/// needs no migration (same version, another questionnaire, or no entry for its version).
pub fn migrate(
    assessment: &Assessment,
    questionnaire: &Questionnaire,
) -> Option<(Assessment, MigrationReport)> {
    let entry = entry_for(assessment, questionnaire)?;
    let from_version = assessment.questionnaire.version.clone();
    let mut out = assessment.clone();
    out.answers = BTreeMap::new();
    out.plan = BTreeMap::new();
    let mut report = MigrationReport {
        questionnaire: questionnaire.id.clone(),
        from_version: from_version.clone(),
        to_version: questionnaire.version.clone(),
        carried: 0,
        split: Vec::new(),
        to_recheck: Vec::new(),
        retired: Vec::new(),
        note: entry.note.clone(),
    };

    // Every old id with an answer or a roadmap entry, in order.
    let mut old_ids: Vec<&String> = assessment
        .answers
        .keys()
        .chain(assessment.plan.keys())
        .collect();
    old_ids.sort();
    old_ids.dedup();
    for old in old_ids {
        let answer = assessment.answers.get(old);
        let plan = assessment.plan.get(old);
        let targets: Vec<&String> = match (entry.questions.get(old), questionnaire.question(old)) {
            (Some(ids), _) => ids
                .iter()
                .filter(|id| questionnaire.question(id).is_some())
                .collect(),
            (None, Some(now)) => {
                // Unchanged question: carried as it is, unless it was N/A and no longer
                // may be (the justification stays in the note, to re-check).
                if let Some(a) = answer {
                    let mut a = a.clone();
                    if a.na && !now.allow_na {
                        a.na = false;
                        a.recheck = true;
                        report.to_recheck.push(old.clone());
                    } else {
                        report.carried += 1;
                    }
                    out.answers.insert(old.clone(), a);
                }
                if let Some(p) = plan {
                    out.plan.insert(old.clone(), p.clone());
                }
                continue;
            }
            (None, None) => {
                // Never in either version: a damaged or foreign file. Left as it is, so
                // the fit check refuses it and names the id.
                if let Some(a) = answer {
                    out.answers.insert(old.clone(), a.clone());
                }
                if let Some(p) = plan {
                    out.plan.insert(old.clone(), p.clone());
                }
                continue;
            }
        };
        // A target that already received an answer keeps it; this one is kept aside.
        let free: Vec<&String> = targets
            .into_iter()
            .filter(|id| !out.answers.contains_key(*id) || answer.is_none())
            .collect();
        if free.is_empty() {
            retire(&mut out, &mut report, old, answer, plan, &from_version);
            continue;
        }
        if free.len() > 1 {
            report
                .split
                .push((old.clone(), free.iter().map(|id| (*id).clone()).collect()));
        }
        for id in free {
            if let Some(a) = answer {
                let mut a = a.clone();
                let allow_na = questionnaire.question(id).is_some_and(|q| q.allow_na);
                if a.na && !allow_na {
                    // The new question cannot be N/A: the justification stays in the note.
                    a.na = false;
                }
                a.recheck = has_content(&a);
                if a.recheck {
                    report.to_recheck.push(id.clone());
                }
                out.answers.insert(id.clone(), a);
            }
            if let Some(p) = plan {
                out.plan.entry(id.clone()).or_insert_with(|| p.clone());
            }
        }
    }
    report
        .to_recheck
        .sort_by_key(|id| questionnaire.question_index(id));
    report.to_recheck.dedup();

    if let Some(resume) = &mut out.resume
        && let Some(q) = resume.question.clone()
        && questionnaire.question(&q).is_none()
    {
        resume.question = entry
            .questions
            .get(&q)
            .and_then(|ids| ids.first())
            .filter(|id| questionnaire.question(id).is_some())
            .cloned();
    }
    out.questionnaire.version = questionnaire.version.clone();
    out.questionnaire
        .extra
        .insert("migrated_from".into(), Value::String(from_version));
    Some((out, report))
}

fn retire(
    out: &mut Assessment,
    report: &mut MigrationReport,
    old: &str,
    answer: Option<&Answer>,
    plan: Option<&PlanEntry>,
    from_version: &str,
) {
    out.retired_answers.insert(
        old.to_string(),
        RetiredAnswer {
            questionnaire_version: from_version.to_string(),
            answer: answer.cloned().unwrap_or_default(),
            plan: plan.cloned(),
            extra: Default::default(),
        },
    );
    report.retired.push(old.to_string());
}

/// Whether an answer holds anything the user gave (worth confirming).
fn has_content(a: &Answer) -> bool {
    a.level.is_some()
        || a.na
        || !a.note.trim().is_empty()
        || !a.evidence.is_empty()
        || !a.votes.is_empty()
        || !a.participant_notes.is_empty()
        || a.flagged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{PlanStatus, Vote};
    use crate::questionnaire::{Effort, Question, Refs};
    use chrono::DateTime;

    fn question(id: &str, allow_na: bool) -> Question {
        Question {
            id: id.into(),
            title: None,
            domain: "d".into(),
            refs: Refs {
                iso: vec!["4.1".into()],
                ..Refs::default()
            },
            text: format!("{id}?"),
            guidance: "Why. What.".into(),
            evidence: vec!["a record".into()],
            levels: (1..=5).map(|l| format!("{id} level {l}")).collect(),
            actions: (1..5).map(|l| vec![format!("step {l}")]).collect(),
            weight: 1,
            critical: false,
            effort: Effort::Low,
            allow_na,
            checks: Default::default(),
        }
    }

    /// Version 2 of a three-question questionnaire: `a` unchanged, `b` split into `b`
    /// and `b2`, `c` retired, `n` reworded (re-check), `x` new.
    fn v2() -> Questionnaire {
        let mut json = serde_json::json!({
            "id": "t", "version": "2", "title": "T",
            "scale": (1..=5).map(|l| serde_json::json!({"level": l, "name": format!("L{l}"), "description": "d"})).collect::<Vec<_>>(),
            "domains": [{"id": "d", "title": "D"}],
            "questions": [question("a", false), question("b", false), question("b2", true), question("n", false), question("k", false), question("x", false)],
            "migrations": [{"from": "1", "questions": {"b": ["b", "b2"], "c": [], "n": ["n"]}, "note": "b split"}],
        });
        json["migrations"][0]["note"] = "b split".into();
        Questionnaire::from_json(&json.to_string(), "t").expect("valid")
    }

    fn v1_assessment(q: &Questionnaire) -> Assessment {
        let now = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+00:00").expect("date");
        let mut a = Assessment::new(q, now);
        a.questionnaire.version = "1".into();
        let answer = |level: Option<u8>, note: &str| Answer {
            level,
            note: note.into(),
            ..Answer::default()
        };
        a.answers.insert("a".into(), answer(Some(3), "kept"));
        let mut b = answer(None, "not applicable: we buy only");
        b.na = true;
        b.votes.insert("ana".into(), Vote::Level(2));
        a.answers.insert("b".into(), b);
        a.answers
            .insert("c".into(), answer(Some(1), "retired note"));
        a.answers.insert("n".into(), answer(Some(4), ""));
        // Was N/A in version 1; version 2 no longer allows N/A on it.
        let mut k = answer(None, "excluded: no such systems");
        k.na = true;
        a.answers.insert("k".into(), k);
        a.plan.insert(
            "b".into(),
            PlanEntry {
                owner: "Dana".into(),
                status: PlanStatus::InProgress,
                ..PlanEntry::default()
            },
        );
        a.plan.insert(
            "c".into(),
            PlanEntry {
                owner: "Eve".into(),
                ..PlanEntry::default()
            },
        );
        a
    }

    #[test]
    fn carries_splits_rechecks_and_retires() {
        let q = v2();
        let old = v1_assessment(&q);
        let (new, report) = migrate(&old, &q).expect("migrates");
        assert_eq!(new.questionnaire.version, "2");
        assert_eq!(
            new.answers["a"], old.answers["a"],
            "unchanged id carried as is"
        );
        assert!(!new.answers["a"].recheck);
        // The split: each part has the answer, to re-check; N/A only where allowed.
        for id in ["b", "b2"] {
            let a = &new.answers[id];
            assert!(a.recheck, "{id}");
            assert_eq!(a.note, "not applicable: we buy only");
            assert_eq!(a.votes["ana"], Vote::Level(2));
            assert_eq!(new.plan[id].owner, "Dana");
            assert_eq!(new.plan[id].status, PlanStatus::InProgress);
        }
        assert!(!new.answers["b"].na, "b does not allow N/A");
        assert!(new.answers["b2"].na, "b2 allows N/A");
        assert!(
            new.answers["n"].recheck,
            "a reworded question is re-checked"
        );
        assert_eq!(new.answers["n"].level, Some(4));
        let k = &new.answers["k"];
        assert!(
            !k.na && k.recheck,
            "an N/A no longer allowed is to re-check"
        );
        assert_eq!(
            k.note, "excluded: no such systems",
            "its justification is kept"
        );
        // The retired answer and its roadmap entry are kept, not dropped.
        assert!(!new.answers.contains_key("c"));
        let c = &new.retired_answers["c"];
        assert_eq!(c.questionnaire_version, "1");
        assert_eq!(c.answer.note, "retired note");
        assert_eq!(c.plan.as_ref().map(|p| p.owner.as_str()), Some("Eve"));
        assert!(new.mismatches(&q).is_empty(), "{:?}", new.mismatches(&q));
        assert_eq!(report.carried, 1);
        assert_eq!(
            report.split,
            [("b".to_string(), vec!["b".to_string(), "b2".to_string()])]
        );
        assert_eq!(report.to_recheck, ["b", "b2", "n", "k"]);
        assert_eq!(report.retired, ["c"]);
        assert!(
            report.summary().contains("1 question split (b)"),
            "{}",
            report.summary()
        );
    }

    #[test]
    fn nothing_to_do_for_the_same_version_or_another_questionnaire() {
        let q = v2();
        let mut a = v1_assessment(&q);
        a.questionnaire.version = "2".into();
        assert!(migrate(&a, &q).is_none());
        a.questionnaire.version = "1".into();
        a.questionnaire.id = "custom".into();
        assert!(migrate(&a, &q).is_none());
        a.questionnaire.id = "t".into();
        a.questionnaire.version = "0.9".into();
        assert!(migrate(&a, &q).is_none(), "no entry for that version");
    }

    #[test]
    fn a_migrated_assessment_round_trips_through_json() {
        let q = v2();
        let (new, _) = migrate(&v1_assessment(&q), &q).expect("migrates");
        let json = serde_json::to_string(&new).expect("serializes");
        assert!(json.contains("\"recheck\":true"));
        assert!(json.contains("\"retired_answers\""));
        let back: Assessment = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, new);
    }
}
