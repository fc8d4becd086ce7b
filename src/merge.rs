//! `aims-readiness merge`: combine assessments that participants filled in alone into
//! one workshop assessment.
//!
//! Each input file becomes one participant (its first assessor, else the file name
//! without `.json`; a name taken twice gets " (2)", " (3)", …). Its answers become that
//! participant's votes: a level votes that level, N/A votes `"na"`, no answer casts no
//! vote. Every answer then holds the consensus proposed from the votes (see
//! [`crate::workshop`]), marked unconfirmed. Notes are kept as attributed participant
//! notes, evidence lines are merged without duplicates, and flags are kept with their
//! reasons (each reason prefixed with who gave it). Organisation, scope and targets come
//! from the first file; votes already in the input files are not carried over.
//!
//! [`merge`] is pure; `store::catalog::merge_files` reads and writes the files.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use crate::assessment::{Assessment, NaMarker, ParticipantNote, Vote};
use crate::questionnaire::Questionnaire;

/// Why a merge was refused.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// Nothing to merge.
    #[error("merge needs at least one assessment file")]
    NoFiles,
    /// The inputs answer different questionnaires.
    #[error("assessment file {} answers questionnaire \"{found}\", but {} answers \"{expected}\"; only assessments of the same questionnaire and version can be merged", path.display(), first.display())]
    DifferentQuestionnaire {
        /// The offending file.
        path: PathBuf,
        /// Its questionnaire id and version.
        found: String,
        /// The first file.
        first: PathBuf,
        /// The first file's questionnaire id and version.
        expected: String,
    },
}

/// One input of a merge: a file and the assessment read from it.
#[derive(Debug, Clone)]
pub struct MergeInput {
    /// Where it was read from (its stem names the participant when no assessor is set).
    pub path: PathBuf,
    /// What was read.
    pub assessment: Assessment,
}

/// The participant an input file stands for, before making names unique.
pub fn participant_name(input: &MergeInput) -> String {
    input
        .assessment
        .meta
        .assessors
        .iter()
        .map(|a| a.trim())
        .find(|a| !a.is_empty())
        .map(str::to_string)
        .or_else(|| {
            input
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().trim().to_string())
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| "participant".to_string())
}

/// Makes names unique in order: a repeated name gets " (2)", " (3)", … (never one that
/// is taken already).
pub fn unique_names(names: Vec<String>) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::with_capacity(names.len());
    // The next suffix to try per name, so that many equal names stay linear.
    let mut next: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let mut candidate = name.clone();
        if taken.contains(&candidate) {
            let n = next.entry(name.clone()).or_insert(2);
            loop {
                candidate = format!("{name} ({n})");
                *n += 1;
                if !taken.contains(&candidate) {
                    break;
                }
            }
        }
        taken.insert(candidate.clone());
        out.push(candidate);
    }
    out
}

fn questionnaire_label(a: &Assessment) -> String {
    format!("{} {}", a.questionnaire.id, a.questionnaire.version)
}

/// Refuses inputs that do not all answer the same questionnaire id and version.
pub fn check_same_questionnaire(inputs: &[MergeInput]) -> Result<(), MergeError> {
    let first = inputs.first().ok_or(MergeError::NoFiles)?;
    inputs[1..]
        .iter()
        .try_for_each(|input| same_questionnaire(first, input))
}

/// Refuses `input` unless it answers the same questionnaire and version as `first`.
pub fn same_questionnaire(first: &MergeInput, input: &MergeInput) -> Result<(), MergeError> {
    let (a, b) = (
        &first.assessment.questionnaire,
        &input.assessment.questionnaire,
    );
    if a.id == b.id && a.version == b.version {
        return Ok(());
    }
    Err(MergeError::DifferentQuestionnaire {
        path: input.path.clone(),
        found: questionnaire_label(&input.assessment),
        first: first.path.clone(),
        expected: questionnaire_label(&first.assessment),
    })
}

/// Merges the inputs into one workshop assessment created at `now` (pure). The inputs
/// must already fit `questionnaire` (see `store::check_fits`).
pub fn merge(
    questionnaire: &Questionnaire,
    inputs: &[MergeInput],
    now: DateTime<FixedOffset>,
) -> Result<Assessment, MergeError> {
    check_same_questionnaire(inputs)?;
    let first = &inputs[0].assessment;
    let names = unique_names(inputs.iter().map(participant_name).collect());

    let mut out = Assessment::new(questionnaire, now);
    out.meta.organisation = first_non_empty(inputs, |a| &a.meta.organisation);
    out.meta.scope = first_non_empty(inputs, |a| &a.meta.scope);
    out.meta.assessors = names.clone();
    out.meta.roadmap_start = first.meta.roadmap_start;
    out.meta.language = inputs.iter().find_map(|i| i.assessment.meta.language);
    for (domain, target) in &first.targets {
        out.targets.insert(domain.clone(), *target);
    }
    out.participants = names.clone();

    for q in &questionnaire.questions {
        let mut evidence_seen: HashSet<&str> = HashSet::new();
        let mut reasons: Vec<String> = Vec::new();
        let answer = out.answer_mut(&q.id);
        for (input, name) in inputs.iter().zip(&names) {
            let Some(theirs) = input.assessment.answer(&q.id) else {
                continue;
            };
            let vote = if theirs.na && q.allow_na {
                Some(Vote::NotApplicable(NaMarker::Na))
            } else {
                theirs.level.map(Vote::Level)
            };
            if let Some(v) = vote {
                answer.votes.insert(name.clone(), v);
            }
            let note = theirs.note.trim();
            if !note.is_empty() {
                answer.participant_notes.push(ParticipantNote {
                    by: name.clone(),
                    text: note.to_string(),
                    private: false,
                    extra: Default::default(),
                });
            }
            for line in &theirs.evidence {
                let line = line.trim();
                if !line.is_empty() && evidence_seen.insert(line) {
                    answer.evidence.push(line.to_string());
                }
            }
            // An answer carried over from an earlier questionnaire version stays to re-check.
            answer.recheck |= theirs.recheck;
            if theirs.flagged {
                answer.flagged = true;
                let reason = theirs.flag_reason.trim();
                if !reason.is_empty() {
                    reasons.push(format!("{name}: {reason}"));
                }
            }
        }
        answer.flag_reason = reasons.join("; ");
        // The same rule, and the same `updated` stamp, as a vote cast in the workshop;
        // votes carried over from an earlier questionnaire version stay to re-check.
        let recheck = answer.recheck;
        answer.propose_from_votes(q.allow_na, now);
        answer.recheck = recheck;
        if answer.votes.is_empty()
            && answer.participant_notes.is_empty()
            && answer.evidence.is_empty()
            && !answer.flagged
        {
            out.answers.remove(&q.id);
        }
    }
    Ok(out)
}

fn first_non_empty(inputs: &[MergeInput], field: impl Fn(&Assessment) -> &String) -> String {
    inputs
        .iter()
        .map(|i| field(&i.assessment).trim())
        .find(|s| !s.is_empty())
        .unwrap_or_default()
        .to_string()
}
