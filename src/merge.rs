//! `aims-readiness merge`: combine assessments that participants filled in alone into
//! one workshop assessment.
//!
//! Each input becomes one participant: its first assessor (for homework read from a
//! spreadsheet, the name the person gave), else the file name without `.json`. The same
//! person twice is refused, so nobody's votes count twice; only names made from file
//! names get " (2)", " (3)", … when they repeat. Its answers become that
//! participant's votes: a level votes that level, N/A votes `"na"`, no answer casts no
//! vote. Every answer then holds the consensus proposed from the votes (see
//! [`crate::workshop`]), marked unconfirmed. Notes are kept as attributed participant
//! notes, evidence lines are merged without duplicates, and flags are kept with their
//! reasons (each reason prefixed with who gave it). Organisation, scope and targets come
//! from the first file; votes already in the input files are not carried over (the
//! store refuses a workshop file as an input: `--into` is the way to add to one).
//!
//! [`merge_into`] adds late homework to an existing workshop: its participants, votes
//! and results are kept; new people are added; somebody who already voted there is
//! refused; a question already settled keeps its result (the late votes are recorded
//! beside it), any other gets a new proposal.
//!
//! [`merge`] is pure; `store::catalog::merge_files` reads and writes the files.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::assessment::{Assessment, NaMarker, ParticipantNote, Vote};
use crate::locale::{ErrorText, Lang};
use crate::questionnaire::Questionnaire;

/// Why a merge was refused.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// Nothing to merge.
    NoFiles,
    /// The inputs answer different questionnaires.
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
    /// Two inputs with the same content.
    SameFile {
        /// The first input.
        first: String,
        /// The repeat.
        second: String,
    },
    /// Two inputs stand for the same person.
    SamePerson {
        /// The participant.
        name: String,
        /// The first input.
        first: String,
        /// The second one.
        second: String,
    },
    /// A workshop file given as one person's answers.
    WorkshopAsInput {
        /// The file.
        path: PathBuf,
        /// How many participants it lists.
        participants: usize,
    },
    /// Late homework from somebody who already voted in the workshop.
    AlreadyVoted {
        /// The participant.
        name: String,
        /// The input.
        source_file: String,
        /// The workshop file.
        workshop: PathBuf,
    },
}

impl MergeError {
    /// The message in `lang`; `Display` prints it in English.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            MergeError::NoFiles => lang.t(ErrorText::MergeNoFiles).to_string(),
            MergeError::DifferentQuestionnaire {
                path,
                found,
                first,
                expected,
            } => lang.f(
                ErrorText::MergeDifferentQuestionnaire,
                &[
                    ("path", &path.display()),
                    ("found", found),
                    ("first", &first.display()),
                    ("expected", expected),
                ],
            ),
            MergeError::SameFile { first, second } => lang.f(
                ErrorText::MergeSameFile,
                &[("first", first), ("second", second)],
            ),
            MergeError::SamePerson {
                name,
                first,
                second,
            } => lang.f(
                ErrorText::MergeSamePerson,
                &[("name", name), ("first", first), ("second", second)],
            ),
            MergeError::WorkshopAsInput { path, participants } => lang.f(
                ErrorText::MergeWorkshopAsInput,
                &[("path", &path.display()), ("participants", participants)],
            ),
            MergeError::AlreadyVoted {
                name,
                source_file,
                workshop,
            } => lang.f(
                ErrorText::MergeAlreadyVoted,
                &[
                    ("name", name),
                    ("source_file", source_file),
                    ("workshop", &workshop.display()),
                ],
            ),
        }
    }
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// One input of a merge: a file and the assessment read from it.
#[derive(Debug, Clone)]
pub struct MergeInput {
    /// Where it was read from (its stem names the participant when no assessor is set).
    pub path: PathBuf,
    /// What was read.
    pub assessment: Assessment,
    /// Where in the file, when one file holds several people (a CSV's "row 3"); empty
    /// otherwise.
    pub place: String,
}

impl MergeInput {
    /// An input that is a whole file.
    pub fn new(path: PathBuf, assessment: Assessment) -> Self {
        MergeInput {
            path,
            assessment,
            place: String::new(),
        }
    }

    /// The input as a message names it: the file, and the row when there is one.
    pub fn source(&self) -> String {
        if self.place.is_empty() {
            self.path.display().to_string()
        } else {
            format!("{} ({})", self.path.display(), self.place)
        }
    }

    /// Whether the input names its person (an assessor, a participant cell, a name
    /// column) rather than leaving the file name to stand for them.
    pub fn names_its_person(&self) -> bool {
        self.assessment
            .meta
            .assessors
            .iter()
            .any(|a| !a.trim().is_empty())
    }
}

/// Whether two names are the same person's (case and surrounding spaces aside).
pub fn same_person(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The participant name of each input: the name it gives; an input that gives none is
/// named after its file, made unique with " (2)", … (never one of `taken`). The same
/// name given by two inputs is refused.
pub fn participant_names(
    inputs: &[MergeInput],
    taken: &[String],
) -> Result<Vec<String>, MergeError> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, input) in inputs.iter().enumerate() {
        if !input.names_its_person() {
            continue;
        }
        let key = participant_name(input).trim().to_lowercase();
        if let Some(&first) = seen.get(&key) {
            return Err(MergeError::SamePerson {
                name: participant_name(input),
                first: inputs[first].source(),
                second: input.source(),
            });
        }
        seen.insert(key, i);
    }
    // Names made from file names go after the given ones, so they never take a name
    // somebody really has.
    let mut reserved: Vec<String> = taken.to_vec();
    reserved.extend(
        inputs
            .iter()
            .filter(|i| i.names_its_person())
            .map(participant_name),
    );
    let mut all = reserved.clone();
    all.extend(
        inputs
            .iter()
            .filter(|i| !i.names_its_person())
            .map(participant_name),
    );
    let unique = unique_names(all);
    let mut made = unique[reserved.len()..].iter();
    Ok(inputs
        .iter()
        .map(|i| {
            if i.names_its_person() {
                participant_name(i)
            } else {
                made.next().cloned().unwrap_or_else(|| participant_name(i))
            }
        })
        .collect())
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
    let names = participant_names(inputs, &[])?;

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
    fold(questionnaire, &mut out, inputs, &names, now, false);
    Ok(out)
}

/// What [`merge_into`] did besides adding votes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LateHomework {
    /// The people added to the workshop.
    pub added: Vec<String>,
    /// Questions already settled in the workshop that received late votes: their result
    /// was kept.
    pub settled_kept: Vec<String>,
}

/// Adds the inputs to `workshop` (the assessment read from `workshop_path`): its
/// participants, votes, notes and results are kept; each input's person is added and
/// votes. A participant already listed who has not voted yet (added to the room, the
/// homework came late) gets their votes; one who has voted is refused. A question the
/// workshop settled keeps its result; any other gets the proposal of all its votes.
pub fn merge_into(
    questionnaire: &Questionnaire,
    workshop: Assessment,
    workshop_path: &Path,
    inputs: &[MergeInput],
    now: DateTime<FixedOffset>,
) -> Result<(Assessment, LateHomework), MergeError> {
    let Some(first) = inputs.first() else {
        return Err(MergeError::NoFiles);
    };
    same_questionnaire(
        &MergeInput::new(workshop_path.to_path_buf(), workshop.clone()),
        first,
    )?;
    check_same_questionnaire(inputs)?;
    let mut out = workshop;
    let mut names = participant_names(inputs, &out.participants)?;
    let mut late = LateHomework::default();
    for (input, name) in inputs.iter().zip(names.iter_mut()) {
        let listed = out
            .participants
            .iter()
            .find(|p| input.names_its_person() && same_person(p, name))
            .cloned();
        match listed {
            Some(existing) => {
                let voted = out
                    .answers
                    .values()
                    .any(|a| a.votes.contains_key(&existing));
                if voted {
                    return Err(MergeError::AlreadyVoted {
                        name: existing,
                        source_file: input.source(),
                        workshop: workshop_path.to_path_buf(),
                    });
                }
                *name = existing;
            }
            None => {
                out.participants.push(name.clone());
                late.added.push(name.clone());
            }
        }
    }
    late.settled_kept = fold(questionnaire, &mut out, inputs, &names, now, true);
    Ok((out, late))
}

/// Adds each input's answers to `out` as votes of its name, with notes, evidence and
/// flags. With `keep_settled`, a question already settled keeps its result (the ids of
/// those that got votes are returned); otherwise every question gets the proposal.
fn fold(
    questionnaire: &Questionnaire,
    out: &mut Assessment,
    inputs: &[MergeInput],
    names: &[String],
    now: DateTime<FixedOffset>,
    keep_settled: bool,
) -> Vec<String> {
    let mut settled_kept = Vec::new();
    for q in &questionnaire.questions {
        let existed = out.answers.contains_key(&q.id);
        let answer = out.answer_mut(&q.id);
        let settled = keep_settled && answer.is_answered() && !answer.consensus_pending;
        let mut evidence_seen: HashSet<String> = answer.evidence.iter().cloned().collect();
        let mut reasons: Vec<String> = Some(answer.flag_reason.trim())
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .into_iter()
            .collect();
        let mut new_votes = false;
        for (input, name) in inputs.iter().zip(names) {
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
                new_votes = true;
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
                if !line.is_empty() && evidence_seen.insert(line.to_string()) {
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
        if settled {
            if new_votes {
                settled_kept.push(q.id.clone());
            }
        } else if !keep_settled || new_votes {
            // The same rule, and the same `updated` stamp, as a vote cast in the
            // workshop; votes carried over from an earlier questionnaire version stay
            // to re-check.
            let recheck = answer.recheck;
            answer.propose_from_votes(q.allow_na, now);
            answer.recheck = recheck;
        }
        if !existed
            && answer.votes.is_empty()
            && answer.participant_notes.is_empty()
            && answer.evidence.is_empty()
            && !answer.flagged
        {
            out.answers.remove(&q.id);
        }
    }
    settled_kept
}

fn first_non_empty(inputs: &[MergeInput], field: impl Fn(&Assessment) -> &String) -> String {
    inputs
        .iter()
        .map(|i| field(&i.assessment).trim())
        .find(|s| !s.is_empty())
        .unwrap_or_default()
        .to_string()
}
