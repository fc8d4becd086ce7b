//! The disk side of homework: writing the workbooks people fill in, and `merge`
//! reading what they send back (assessment files, workbooks, CSV) alongside each other.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use sha2::{Digest, Sha256};

use super::catalog::{self, CatalogError, MergeOutcome};
use super::read::{Links, open_regular, read_bounded};
use super::write::{Mode, sync_dir, write_temp};
use super::{AssessmentLock, Store, StoreError};
use crate::assessment::Assessment;
use crate::homework::workbook::{self, WorkbookFor};
use crate::homework::{self, HomeworkError, Kind, MAX_FILE_BYTES, table, xlsx};
use crate::locale::Lang;
use crate::merge::{self, MergeError, MergeInput};
use crate::workshop;

/// What `homework` is asked to make.
#[derive(Debug, Clone)]
pub struct HomeworkRequest {
    /// The assessment the homework is for.
    pub file: PathBuf,
    /// The folder the workbooks go to (created if missing).
    pub out_dir: PathBuf,
    /// Whose workbooks; empty: the assessment's participants.
    pub participants: Vec<String>,
    /// One workbook everybody fills in (each types their name) instead of one each.
    pub one_workbook: bool,
    /// `--questionnaire FILE`.
    pub questionnaire: Option<PathBuf>,
    /// `--lang`, when given: the workbooks' language (else the assessment's
    /// `meta.language`, else `interface`), as for reports.
    pub asked: Option<Lang>,
    /// The interface language.
    pub interface: Lang,
}

/// Writes the homework workbooks and returns their paths. Nothing is written when any
/// name is taken already (a file, a folder, a link, even a dangling one): an existing
/// file is never replaced, and a link planted after the check is never followed (each
/// workbook is created exclusively).
pub fn write_homework(
    store: &Store,
    request: &HomeworkRequest,
) -> Result<Vec<PathBuf>, CatalogError> {
    let opened = catalog::open(store, &request.file, request.questionnaire.as_deref())?;
    let assessment_name = opened
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = opened
        .path
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let people: Vec<Option<String>> = if request.one_workbook {
        vec![None]
    } else if !request.participants.is_empty() {
        // The same name given twice is one person: one workbook.
        let mut unique: Vec<Option<String>> = Vec::new();
        for p in &request.participants {
            let p = p.trim().to_string();
            if !unique
                .iter()
                .flatten()
                .any(|u| crate::merge::same_person(u, &p))
            {
                unique.push(Some(p));
            }
        }
        unique
    } else if !opened.assessment.participants.is_empty() {
        opened
            .assessment
            .participants
            .iter()
            .cloned()
            .map(Some)
            .collect()
    } else {
        return Err(HomeworkError::NoParticipants { path: opened.path }.into());
    };
    let mut names: Vec<String> = Vec::with_capacity(people.len());
    for person in &people {
        let base = match person {
            Some(p) => format!("{stem}-homework-{}", file_part(p)),
            None => format!("{stem}-homework"),
        };
        let mut name = format!("{base}.xlsx");
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{base}-{n}.xlsx");
            n += 1;
        }
        names.push(name);
    }
    let targets: Vec<PathBuf> = names.iter().map(|n| request.out_dir.join(n)).collect();
    if let Some(taken) = targets.iter().find(|p| super::exists(p)) {
        return Err(HomeworkError::Exists {
            path: taken.clone(),
        }
        .into());
    }
    // In the reader's language (the rule of `export::report_lang`), with the built-in
    // questionnaire's words in it.
    let lang = request
        .asked
        .or(opened.assessment.meta.language)
        .unwrap_or(request.interface);
    let translated = opened.questionnaire.in_language(lang);
    let questionnaire = translated.as_ref().unwrap_or(&opened.questionnaire);
    // Everything is made before anything is written.
    let mut books = Vec::with_capacity(people.len());
    for person in &people {
        let who = WorkbookFor {
            organisation: &opened.assessment.meta.organisation,
            assessment: &assessment_name,
            participant: person.as_deref(),
            lang,
        };
        books.push(workbook::workbook(questionnaire, &who)?);
    }
    super::create_folder(&request.out_dir)?;
    let mut written = Vec::with_capacity(targets.len());
    for (path, bytes) in targets.into_iter().zip(books) {
        create_new(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// A name as part of a file name: letters and digits kept, anything else one `-`.
fn file_part(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out: String = out.trim_matches('-').chars().take(40).collect();
    if out.is_empty() {
        "participant".into()
    } else {
        out
    }
}

/// Creates `path` with `bytes` (shared mode, like the exports), exclusively: an
/// existing name, a link included, is refused and left as it is.
fn create_new(path: &Path, bytes: &[u8]) -> Result<(), CatalogError> {
    let (tmp, dir) = write_temp(path, bytes, Mode::Shared)?;
    match tmp.persist_noclobber(path) {
        Ok(_) => Ok(sync_dir(&dir)?),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(HomeworkError::Exists {
                path: path.to_path_buf(),
            }
            .into())
        }
        Err(e) => Err(StoreError::Io {
            action: "create",
            path: path.to_path_buf(),
            source: e.error,
        }
        .into()),
    }
}

/// What `merge` is asked to do.
#[derive(Debug, Clone)]
pub struct MergeRequest {
    /// The inputs: assessment files, homework workbooks, CSV files.
    pub files: Vec<PathBuf>,
    /// A new workshop assessment to write (refused if it exists, unless `force`).
    pub out: Option<PathBuf>,
    /// An existing workshop assessment to add the inputs to.
    pub into: Option<PathBuf>,
    /// Replace `out` if it exists.
    pub force: bool,
    /// `--questionnaire FILE`.
    pub questionnaire: Option<PathBuf>,
}

/// One input file as read.
enum Read {
    Assessment(Box<Assessment>),
    Homework(xlsx::Filled),
    Table(table::Table),
}

/// Reads every input once (bounded; a FIFO or device is never read), refuses the same
/// content twice and the same person twice, merges, and writes `out` (or `into`, under
/// its lock, its previous content kept as the backup).
pub fn merge_homework(
    store: &Store,
    request: &MergeRequest,
    now: DateTime<FixedOffset>,
) -> Result<MergeOutcome, CatalogError> {
    if request.files.is_empty() {
        return Err(MergeError::NoFiles.into());
    }
    if let Some(out) = &request.out {
        super::refuse_existing([out.as_path()], request.force)?;
    }
    let mut workshop = match &request.into {
        Some(path) => Some(catalog::open_for_editing(
            store,
            path,
            request.questionnaire.as_deref(),
        )?),
        None => None,
    };
    let mut seen: HashMap<[u8; 32], PathBuf> = HashMap::new();
    let mut read: Vec<(PathBuf, Read)> = Vec::with_capacity(request.files.len());
    for path in &request.files {
        let path = catalog::locate(store, path);
        let kind = homework::kind_of(&path);
        let limit = match kind {
            Kind::Assessment => super::MAX_ASSESSMENT_BYTES,
            _ => MAX_FILE_BYTES,
        };
        if kind == Kind::Unsupported {
            return Err(HomeworkError::File {
                path,
                problem: homework::Said::new(crate::locale::HomeworkText::Unsupported, &[]),
            }
            .into());
        }
        let bytes = open_regular(&path, Links::Follow)
            .and_then(|mut f| read_bounded(&mut f, limit))
            .map_err(|e| super::read_error(&path, e))?;
        let hash: [u8; 32] = Sha256::digest(&bytes).into();
        if let Some(first) = seen.get(&hash) {
            return Err(MergeError::SameFile {
                first: first.display().to_string(),
                second: path.display().to_string(),
            }
            .into());
        }
        seen.insert(hash, path.clone());
        let content = match kind {
            Kind::Workbook => match xlsx::read(&path, &bytes)? {
                xlsx::Sheet::Homework(filled) => Read::Homework(filled),
                xlsx::Sheet::Table(t) => Read::Table(t),
            },
            Kind::Csv => Read::Table(table::from_csv(&path, &bytes)?),
            _ => {
                let a = super::parse_bytes(&bytes, &path)?;
                if a.answers.values().any(|x| !x.votes.is_empty()) {
                    return Err(MergeError::WorkshopAsInput {
                        path,
                        participants: a.participants.len(),
                    }
                    .into());
                }
                // Refuse a different questionnaire before anything else is said about the file.
                let first = read.iter().find_map(|(p, r)| match r {
                    Read::Assessment(f) => Some((p, f.as_ref())),
                    _ => None,
                });
                if let Some((first_path, first)) = first {
                    merge::same_questionnaire(
                        &MergeInput::new(first_path.clone(), first.clone()),
                        &MergeInput::new(path.clone(), a.clone()),
                    )?;
                }
                Read::Assessment(Box::new(a))
            }
        };
        read.push((path, content));
    }

    // The questionnaire: the workshop's, else the first assessment's, else the first
    // homework workbook's, else `--questionnaire` or the built-in one.
    let (questionnaire, source) = if let Some((opened, _)) = &workshop {
        (opened.questionnaire.clone(), opened.path.clone())
    } else if let Some((path, a)) = read.iter().find_map(|(p, r)| match r {
        Read::Assessment(a) => Some((p, a.as_ref())),
        _ => None,
    }) {
        let q = catalog::resolve_questionnaire(store, path, a, request.questionnaire.as_deref())?;
        (q, path.clone())
    } else if let Some((path, filled)) = read.iter().find_map(|(p, r)| match r {
        Read::Homework(f) => Some((p, f)),
        _ => None,
    }) {
        let q = catalog::questionnaire_for_new(store, request.questionnaire.as_deref())?;
        let mut stub = Assessment::new(&q, now);
        stub.questionnaire.id = filled.questionnaire.0.clone();
        stub.questionnaire.version = filled.questionnaire.1.clone();
        let q =
            catalog::resolve_questionnaire(store, path, &stub, request.questionnaire.as_deref())?;
        (q, path.clone())
    } else {
        let q = catalog::questionnaire_for_new(store, request.questionnaire.as_deref())?;
        (q, PathBuf::new())
    };

    let mut inputs: Vec<MergeInput> = Vec::new();
    for (path, content) in read {
        match content {
            Read::Assessment(a) => {
                let a = catalog::carried_over(*a, &questionnaire);
                super::check_fits(&path, &a, &questionnaire)?;
                inputs.push(MergeInput::new(path, a));
            }
            Read::Homework(filled) => {
                let (id, version) = &filled.questionnaire;
                if *id != questionnaire.id || *version != questionnaire.version {
                    return Err(MergeError::DifferentQuestionnaire {
                        path,
                        found: format!("{id} {version}"),
                        first: source,
                        expected: format!("{} {}", questionnaire.id, questionnaire.version),
                    }
                    .into());
                }
                let returned = xlsx::interpret(&path, &filled, &questionnaire)?;
                let a = homework::to_assessment(&returned, &questionnaire, now);
                inputs.push(MergeInput::new(path, a));
            }
            Read::Table(t) => {
                for returned in table::returned(&t, &questionnaire)? {
                    let mut input = MergeInput::new(
                        path.clone(),
                        homework::to_assessment(&returned, &questionnaire, now),
                    );
                    input.place = returned.place;
                    inputs.push(input);
                }
            }
        }
    }
    if inputs.is_empty() {
        return Err(MergeError::NoFiles.into());
    }

    if let Some((opened, lock)) = workshop.as_mut() {
        let (merged, late) = merge::merge_into(
            &questionnaire,
            opened.assessment.clone(),
            &opened.path,
            &inputs,
            now,
        )?;
        lock.save(&merged)?;
        let agenda = workshop::agenda(&questionnaire, &merged);
        return Ok(MergeOutcome {
            path: opened.path.clone(),
            assessment: merged,
            questionnaire,
            agenda,
            late: Some(late),
        });
    }
    let Some(out) = &request.out else {
        return Err(MergeError::NoFiles.into());
    };
    let merged = merge::merge(&questionnaire, &inputs, now)?;
    if request.questionnaire.is_some() {
        store.keep_questionnaire(&questionnaire)?;
    }
    if super::exists(out) {
        AssessmentLock::acquire(out)?.save(&merged)?;
    } else {
        super::create(out, &merged)?;
    }
    let agenda = workshop::agenda(&questionnaire, &merged);
    Ok(MergeOutcome {
        path: out.clone(),
        assessment: merged,
        questionnaire,
        agenda,
        late: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_safe_file_name_parts() {
        assert_eq!(file_part("Dana Okafor"), "dana-okafor");
        assert_eq!(file_part("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_part("Zoë  Müller!"), "zoë-müller");
        assert_eq!(file_part("***"), "participant");
    }
}
