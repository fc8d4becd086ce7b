//! The application layer: every use-case the command line and the terminal app share,
//! written once. Open an assessment with its questionnaire, list summaries, create,
//! delete, merge. It returns data (assessments, scores, [`VerdictStatus`]); each
//! front-end only formats it.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::{AssessmentLock, Store, StoreError};
use crate::assessment::{Assessment, CarriedOver};
use crate::locale::{ErrorText, Lang};
use crate::merge::{self, MergeError};
use crate::migration::{self, MigrationReport};
use crate::questionnaire::{Questionnaire, QuestionnaireError};
use crate::scoring::{self, VerdictStatus};
use crate::workshop::AgendaItem;

/// Why a use-case failed; every variant names the file concerned.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// Reading or writing an assessment.
    Store(#[from] StoreError),
    /// A questionnaire problem.
    Questionnaire(#[from] QuestionnaireError),
    /// The assessment's questionnaire cannot be found.
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
    Merge(#[from] MergeError),
    /// A homework workbook or CSV file that cannot be made or read.
    Homework(#[from] crate::homework::HomeworkError),
}

impl CatalogError {
    /// The message in `lang`; `Display` prints it in English.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            CatalogError::Store(e) => e.in_lang(lang),
            CatalogError::Questionnaire(e) => e.in_lang(lang),
            CatalogError::UnknownQuestionnaire {
                path,
                id,
                version,
                kept,
            } => lang.f(
                ErrorText::UnknownQuestionnaire,
                &[
                    ("path", &path.display()),
                    ("id", id),
                    ("version", version),
                    ("kept", &kept.display()),
                ],
            ),
            CatalogError::Merge(e) => e.in_lang(lang),
            CatalogError::Homework(e) => e.in_lang(lang),
        }
    }
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// An assessment read from its file, with the questionnaire it answers.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The file.
    pub path: PathBuf,
    /// The answers (carried over to the current questionnaire version if needed).
    pub assessment: Assessment,
    /// The questionnaire it answers.
    pub questionnaire: Questionnaire,
    /// When opening to work migrated the file: what changed, and where the file as it
    /// was is kept.
    pub migrated: Option<(MigrationReport, PathBuf)>,
    /// What N/A answers made before the Statement of Applicability became (the front-ends
    /// tell the user; the file changes on the next save).
    pub carried: CarriedOver,
}

/// The file a user means: `path` as given when something has that name; else, for a
/// bare name such as `list` prints (`acme-2026-11-27.json`, or without `.json`), the
/// assessment of that name in the data directory; else `path` unchanged (so the error
/// names what the user typed).
pub fn locate(store: &Store, path: &Path) -> PathBuf {
    if super::exists(path) {
        return path.to_path_buf();
    }
    let bare = path.components().count() == 1 && path.file_name().is_some();
    if bare {
        let dir = store.assessments_dir();
        let mut candidates = vec![dir.join(path)];
        if path.extension().is_none_or(|x| x != "json") {
            let mut with_json = path.as_os_str().to_owned();
            with_json.push(".json");
            candidates.push(dir.join(with_json));
        }
        if let Some(found) = candidates.into_iter().find(|c| super::exists(c)) {
            return found;
        }
    }
    path.to_path_buf()
}

/// Reads an assessment and the questionnaire it answers, and checks they fit; one made
/// with an earlier version of the questionnaire is carried over in memory (the file is
/// not touched: see [`open_to_work`]), and N/A answers on questions that assess
/// controls are carried into the Statement of Applicability. `path` may be a bare name from `list` (see
/// [`locate`]); `questionnaire` is the user's `--questionnaire FILE`, if given.
pub fn open(
    store: &Store,
    path: &Path,
    questionnaire: Option<&Path>,
) -> Result<Opened, CatalogError> {
    let path = &locate(store, path);
    let assessment = super::read(path)?;
    let questionnaire = resolve_questionnaire(store, path, &assessment, questionnaire)?;
    let mut assessment = carried_over(assessment, &questionnaire);
    super::check_fits(path, &assessment, &questionnaire)?;
    let carried = assessment.carry_na_into_soa(&questionnaire);
    Ok(Opened {
        path: path.to_path_buf(),
        assessment,
        questionnaire,
        migrated: None,
        carried,
    })
}

/// `assessment` carried over to `questionnaire`'s version, in memory.
pub(super) fn carried_over(assessment: Assessment, questionnaire: &Questionnaire) -> Assessment {
    match migration::migrate(&assessment, questionnaire) {
        Some((migrated, _)) => migrated,
        None => assessment,
    }
}

/// Opens an assessment to work on it (the app, `score`, `export`). One made with an
/// earlier version of its questionnaire is migrated and saved, after a copy of the file
/// as it was is written beside it; `lock` is the caller's lock on it, if it holds one
/// (else the lock is taken for the save).
pub fn open_to_work(
    store: &Store,
    path: &Path,
    questionnaire: Option<&Path>,
    lock: Option<&mut AssessmentLock>,
) -> Result<Opened, CatalogError> {
    let path = &locate(store, path);
    let assessment = match &lock {
        Some(l) => l.read()?,
        None => super::read(path)?,
    };
    let resolved = resolve_questionnaire(store, path, &assessment, questionnaire)?;
    let unchanged = |mut assessment: Assessment, resolved: Questionnaire| {
        super::check_fits(path, &assessment, &resolved)?;
        let carried = assessment.carry_na_into_soa(&resolved);
        Ok(Opened {
            path: path.to_path_buf(),
            assessment,
            questionnaire: resolved,
            migrated: None,
            carried,
        })
    };
    if migration::entry_for(&assessment, &resolved).is_none() {
        return unchanged(assessment, resolved);
    }
    let mut own_lock = None;
    let lock = match lock {
        Some(l) => l,
        None => own_lock.insert(AssessmentLock::acquire(path)?),
    };
    // Read again under the lock: the file may have changed since.
    let assessment = lock.read()?;
    let Some((mut migrated, report)) = migration::migrate(&assessment, &resolved) else {
        return unchanged(assessment, resolved);
    };
    // Refuse before writing anything if the result would not fit.
    super::check_fits(path, &migrated, &resolved)?;
    // Old N/A answers become the exclusions they mean in the file saved now.
    let carried = migrated.carry_na_into_soa(&resolved);
    let copy = super::save_migrated(lock, &report.from_version, &migrated)?;
    Ok(Opened {
        path: path.to_path_buf(),
        assessment: migrated,
        questionnaire: resolved,
        migrated: Some((report, copy)),
        carried,
    })
}

/// [`open_to_work`] for editing in the app: takes the lock first, so no other process
/// writes meanwhile, reads through it, and keeps it.
pub fn open_for_editing(
    store: &Store,
    path: &Path,
    questionnaire: Option<&Path>,
) -> Result<(Opened, AssessmentLock), CatalogError> {
    let path = &locate(store, path);
    let mut lock = AssessmentLock::acquire(path)?;
    let opened = open_to_work(store, path, questionnaire, Some(&mut lock))?;
    Ok((opened, lock))
}

/// Reads an assessment to compare with (a baseline): it must fit `questionnaire` (an
/// earlier version is carried over in memory; its file is not touched), and it is
/// scored like the current one: old N/A answers count as the exclusions they mean.
pub fn open_baseline(
    store: &Store,
    path: &Path,
    questionnaire: &Questionnaire,
) -> Result<Assessment, StoreError> {
    let path = &locate(store, path);
    let mut assessment = carried_over(super::read(path)?, questionnaire);
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

/// Saves a new assessment under a fresh name in the data directory (exclusively: two
/// processes creating at once never replace each other's file); returns the path.
pub fn create(store: &Store, assessment: &Assessment) -> Result<PathBuf, StoreError> {
    store.create_assessment(assessment)
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

/// Creates the next round of the assessment at `old` (see `Assessment::next_round`)
/// in the data directory; returns where it is, with its questionnaire.
pub fn next_round(
    store: &Store,
    old: &Path,
    now: DateTime<FixedOffset>,
) -> Result<(PathBuf, Assessment, Questionnaire), CatalogError> {
    let opened = open(store, old, None)?;
    // Recorded absolute, so the baseline is found from wherever the new file is opened.
    let file = std::path::absolute(&opened.path).unwrap_or_else(|_| opened.path.clone());
    let next = opened
        .assessment
        .next_round(&opened.questionnaire, &file.to_string_lossy(), now);
    let path = create(store, &next)?;
    Ok((path, next, opened.questionnaire))
}

/// The baseline an export or a comparison uses when none is named: the earlier round
/// the assessment records (`new --from`), if its file can still be read and fits.
pub fn recorded_baseline(
    store: &Store,
    assessment: &Assessment,
    questionnaire: &Questionnaire,
) -> Option<Result<(PathBuf, Assessment), StoreError>> {
    let file = PathBuf::from(&assessment.baseline.as_ref()?.file);
    Some(open_baseline(store, &file, questionnaire).map(|a| (file, a)))
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
    /// Why it cannot be opened, if it cannot (in the language asked of [`summaries`]).
    pub problem: Option<String>,
}

/// Every saved assessment with its progress and verdict, most recently changed first.
/// A file that cannot be read is listed with the reason in `lang`, never skipped silently.
pub fn summaries(store: &Store, lang: Lang) -> Result<Vec<Summary>, StoreError> {
    let mut entries: Vec<Summary> = store
        .list()?
        .into_iter()
        .map(|path| summary(store, path, lang))
        .collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.updated));
    Ok(entries)
}

fn summary(store: &Store, path: PathBuf, lang: Lang) -> Summary {
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
            problem: Some(e.in_lang(lang)),
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
    /// With `--into`: who was added, and which settled questions kept their result.
    pub late: Option<merge::LateHomework>,
}

/// Reads every file once, checks they answer the same questionnaire and fit it, merges
/// them and writes `out` atomically (0600). `out` must not exist unless `force`; then
/// the previous file is kept as its backup, and a file open in another process is
/// refused. The files may be assessments, homework workbooks or CSV files (see
/// [`super::homework::merge_homework`], which also merges into an existing workshop).
pub fn merge_files(
    store: &Store,
    files: &[PathBuf],
    out: &Path,
    force: bool,
    questionnaire: Option<&Path>,
    now: DateTime<FixedOffset>,
) -> Result<MergeOutcome, CatalogError> {
    let request = super::homework::MergeRequest {
        files: files.to_vec(),
        out: Some(out.to_path_buf()),
        into: None,
        force,
        questionnaire: questionnaire.map(Path::to_path_buf),
    };
    super::homework::merge_homework(store, &request, now)
}
