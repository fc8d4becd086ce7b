//! The application layer: every use-case the command line and the terminal app share,
//! written once. Open an assessment with its questionnaire, list summaries, create,
//! delete, merge. It returns data (assessments, scores, [`VerdictStatus`]); each
//! front-end only formats it.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::{AssessmentLock, Store, StoreError};
use crate::assessment::{Assessment, CarriedOver};
use crate::merge::{self, MergeError, MergeInput};
use crate::questionnaire::{Questionnaire, QuestionnaireError};
use crate::scoring::{self, VerdictStatus};
use crate::workshop::{self, AgendaItem};

/// Why a use-case failed; every variant names the file concerned.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// Reading or writing an assessment.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A questionnaire problem.
    #[error(transparent)]
    Questionnaire(#[from] QuestionnaireError),
    /// The assessment's questionnaire cannot be found.
    #[error("assessment file {} answers questionnaire \"{id}\" version {version}, which is neither built in nor kept in {}; pass --questionnaire FILE", path.display(), kept.display())]
    UnknownQuestionnaire {
        /// The assessment.
        path: PathBuf,
        /// Questionnaire id.
        id: String,
        /// Questionnaire version.
        version: String,
        /// Where copies are kept.
        kept: PathBuf,
    },
    /// A merge problem.
    #[error(transparent)]
    Merge(#[from] MergeError),
}

/// An assessment read from its file, with the questionnaire it answers.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The file.
    pub path: PathBuf,
    /// The answers.
    pub assessment: Assessment,
    /// The questionnaire it answers.
    pub questionnaire: Questionnaire,
    /// What N/A answers made before the Statement of Applicability became (the front-ends
    /// tell the user; the file changes on the next save).
    pub carried: CarriedOver,
}

/// Reads an assessment and the questionnaire it answers, and checks they fit; N/A
/// answers on questions that assess controls are carried into the Statement of
/// Applicability. `questionnaire` is the user's `--questionnaire FILE`, if given.
pub fn open(
    store: &Store,
    path: &Path,
    questionnaire: Option<&Path>,
) -> Result<Opened, CatalogError> {
    let mut assessment = super::read(path)?;
    let questionnaire = resolve_questionnaire(store, path, &assessment, questionnaire)?;
    super::check_fits(path, &assessment, &questionnaire)?;
    let carried = assessment.carry_na_into_soa(&questionnaire);
    Ok(Opened {
        path: path.to_path_buf(),
        assessment,
        questionnaire,
        carried,
    })
}

/// [`open`] for editing: takes the lock first, so no other process writes meanwhile.
pub fn open_for_editing(
    store: &Store,
    path: &Path,
    questionnaire: Option<&Path>,
) -> Result<(Opened, AssessmentLock), CatalogError> {
    let lock = AssessmentLock::acquire(path)?;
    Ok((open(store, path, questionnaire)?, lock))
}

/// Reads an assessment to compare with (a baseline): it must fit `questionnaire`; old
/// N/A answers are carried into its Statement of Applicability as [`open`] does.
pub fn open_baseline(path: &Path, questionnaire: &Questionnaire) -> Result<Assessment, StoreError> {
    let mut assessment = super::read(path)?;
    super::check_fits(path, &assessment, questionnaire)?;
    // Scored like the current one: old N/A answers count as the exclusions they mean.
    assessment.carry_na_into_soa(questionnaire);
    Ok(assessment)
}

/// The questionnaire of an assessment: `--questionnaire`, else built in, else the kept copy.
pub fn resolve_questionnaire(
    store: &Store,
    path: &Path,
    assessment: &Assessment,
    questionnaire: Option<&Path>,
) -> Result<Questionnaire, CatalogError> {
    if let Some(file) = questionnaire {
        return Ok(super::load_questionnaire(file)?);
    }
    store
        .questionnaire_for(assessment)?
        .ok_or_else(|| CatalogError::UnknownQuestionnaire {
            path: path.to_path_buf(),
            id: assessment.questionnaire.id.clone(),
            version: assessment.questionnaire.version.clone(),
            kept: store.questionnaires_dir(),
        })
}

/// The questionnaire for a new assessment: `--questionnaire` (a copy is kept in the
/// data directory so the assessment opens anywhere), else the built-in one.
pub fn questionnaire_for_new(
    store: &Store,
    questionnaire: Option<&Path>,
) -> Result<Questionnaire, CatalogError> {
    match questionnaire {
        Some(file) => {
            let q = super::load_questionnaire(file)?;
            store.keep_questionnaire(&q)?;
            Ok(q)
        }
        None => Ok(Questionnaire::embedded()?),
    }
}

/// Saves a new assessment under a fresh name in the data directory; returns the path.
pub fn create(store: &Store, assessment: &Assessment) -> Result<PathBuf, StoreError> {
    store.ensure()?;
    let path = store.new_assessment_path(
        &assessment.meta.organisation,
        assessment.meta.created.date_naive(),
    );
    super::create(&path, assessment)?;
    Ok(path)
}

/// [`create`], then takes the lock for editing.
pub fn create_for_editing(
    store: &Store,
    assessment: &Assessment,
) -> Result<(PathBuf, AssessmentLock), StoreError> {
    let path = create(store, assessment)?;
    let lock = AssessmentLock::acquire(&path)?;
    Ok((path, lock))
}

/// One saved assessment as the lists show it.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The file.
    pub path: PathBuf,
    /// Its name (what `list` prints and the commands accept).
    pub file: String,
    /// The organisation.
    pub organisation: String,
    /// Questions answered or N/A.
    pub covered: usize,
    /// Questions in all.
    pub total: usize,
    /// The verdict so far (none when the file cannot be read).
    pub verdict: Option<VerdictStatus>,
    /// Last change.
    pub updated: Option<DateTime<FixedOffset>>,
    /// Why it cannot be opened, if it cannot.
    pub problem: Option<String>,
}

/// Every saved assessment with its progress and verdict, most recently changed first.
/// A file that cannot be read is listed with the reason, never skipped silently.
pub fn summaries(store: &Store) -> Result<Vec<Summary>, StoreError> {
    let mut entries: Vec<Summary> = store
        .list()?
        .into_iter()
        .map(|path| summary(store, path))
        .collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.updated));
    Ok(entries)
}

fn summary(store: &Store, path: PathBuf) -> Summary {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match open(store, &path, None) {
        Ok(o) => {
            let s = scoring::score(&o.questionnaire, &o.assessment);
            Summary {
                file,
                organisation: o.assessment.meta.organisation,
                covered: s.overall.covered(),
                total: s.overall.total,
                verdict: Some(s.verdict_status()),
                updated: Some(o.assessment.meta.updated),
                problem: None,
                path,
            }
        }
        Err(e) => Summary {
            file,
            organisation: String::new(),
            covered: 0,
            total: 0,
            verdict: None,
            updated: None,
            problem: Some(e.to_string()),
            path,
        },
    }
}

/// What a merge wrote.
#[derive(Debug, Clone)]
pub struct MergeOutcome {
    /// The workshop assessment written.
    pub path: PathBuf,
    /// The merged assessment.
    pub assessment: Assessment,
    /// Its questionnaire.
    pub questionnaire: Questionnaire,
    /// The questions to discuss, divergent first.
    pub agenda: Vec<AgendaItem>,
}

/// Reads every file once, checks they answer the same questionnaire and fit it, merges
/// them and writes `out` atomically (0600). `out` must not exist unless `force`; then
/// the previous file is kept as its backup, and a file open in another process is
/// refused.
pub fn merge_files(
    store: &Store,
    files: &[PathBuf],
    out: &Path,
    force: bool,
    questionnaire: Option<&Path>,
    now: DateTime<FixedOffset>,
) -> Result<MergeOutcome, CatalogError> {
    if files.is_empty() {
        return Err(MergeError::NoFiles.into());
    }
    super::refuse_existing([out], force)?;
    let exists = super::exists(out);
    let mut inputs: Vec<MergeInput> = Vec::with_capacity(files.len());
    for path in files {
        let input = MergeInput {
            path: path.clone(),
            assessment: super::read(path)?,
        };
        // Refuse a different questionnaire before anything else is said about the file.
        if let Some(first) = inputs.first() {
            merge::same_questionnaire(first, &input)?;
        }
        inputs.push(input);
    }
    let questionnaire_file = questionnaire;
    let questionnaire = resolve_questionnaire(
        store,
        &inputs[0].path,
        &inputs[0].assessment,
        questionnaire_file,
    )?;
    for input in &inputs {
        super::check_fits(&input.path, &input.assessment, &questionnaire)?;
    }
    let merged = merge::merge(&questionnaire, &inputs, now)?;
    if questionnaire_file.is_some() {
        store.keep_questionnaire(&questionnaire)?;
    }
    if exists {
        let _lock = AssessmentLock::acquire(out)?;
        super::save(out, &merged)?;
    } else {
        super::create(out, &merged)?;
    }
    let agenda = workshop::agenda(&questionnaire, &merged);
    Ok(MergeOutcome {
        path: out.to_path_buf(),
        assessment: merged,
        questionnaire,
        agenda,
    })
}
