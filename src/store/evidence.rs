//! The evidence register's disk side: hashing the files it names (streamed, never
//! loaded whole) and the use-cases `evidence add`, `list` and `verify` share with the app.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use sha2::{Digest, Sha256};

use super::catalog::{self, CatalogError};
use super::{AssessmentLock, Links, Store, open_regular};
use crate::assessment::Extra;
use crate::evidence::{AttachError, EvidenceItem, EvidenceKind, Fingerprint, VerifyStatus};
use crate::locale::{ErrorText, Lang};

/// Bytes read at a time while hashing: large enough to be fast, small enough that a
/// 200 MB file costs no more memory than a small one.
const CHUNK: usize = 256 * 1024;

/// Why evidence could not be added or checked; every variant names the file concerned.
#[derive(Debug, thiserror::Error)]
pub enum EvidenceError {
    /// Opening or saving the assessment.
    Catalog(#[from] CatalogError),
    /// The question or check named does not exist.
    Attach {
        /// The assessment.
        file: PathBuf,
        /// What is wrong.
        source: AttachError,
    },
    /// The evidence file cannot be hashed.
    File {
        /// The evidence file as given.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
}

impl EvidenceError {
    /// The message in `lang`; `Display` prints it in English.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            EvidenceError::Catalog(e) => e.in_lang(lang),
            EvidenceError::Attach { file, source } => lang.f(
                ErrorText::EvidenceAttach,
                &[("file", &file.display()), ("reason", &source.in_lang(lang))],
            ),
            EvidenceError::File { path, reason } => lang.f(
                ErrorText::EvidenceFile,
                &[("path", &path.display()), ("reason", &lang.detail(reason))],
            ),
        }
    }
}

impl std::fmt::Display for EvidenceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// What looking at an evidence file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A regular file, hashed.
    File(Fingerprint),
    /// Nothing at that path.
    Missing,
    /// Something that is not a regular file (a folder, a device, a FIFO).
    NotAFile,
    /// A file that cannot be read, with the reason.
    Unreadable(String),
}

/// Hashes the regular file at `path` in chunks (SHA-256 and size). A folder, FIFO or
/// device is reported without blocking on it.
pub fn look(path: &Path) -> Found {
    let mut file = match open_regular(path, Links::Follow) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Found::Missing,
        Err(e) if e.kind() == std::io::ErrorKind::InvalidInput => return Found::NotAFile,
        Err(e) if e.raw_os_error() == Some(libc_eisdir()) => return Found::NotAFile,
        Err(e) => return Found::Unreadable(e.to_string()),
    };
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; CHUNK];
    let mut bytes = 0u64;
    loop {
        match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                hasher.update(&buffer[..n]);
                bytes += n as u64;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Found::Unreadable(e.to_string()),
        }
    }
    let sha256 = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Found::File(Fingerprint { sha256, bytes })
}

/// The errno of "is a directory" (opening a folder for reading can report it).
fn libc_eisdir() -> i32 {
    #[cfg(unix)]
    {
        libc::EISDIR
    }
    #[cfg(not(unix))]
    {
        21
    }
}

/// Where the file of `item` is looked for: the absolute path recorded when it was added,
/// else its location as given.
pub fn path_of(item: &EvidenceItem) -> PathBuf {
    PathBuf::from(item.resolved.as_deref().unwrap_or(&item.location))
}

/// The state of one file item now, with a reason in `lang` when it is not unchanged.
pub fn verify_item(item: &EvidenceItem, lang: Lang) -> (VerifyStatus, Option<String>) {
    match look(&path_of(item)) {
        Found::File(now) => {
            let status = VerifyStatus::of(item, &now);
            let why = (status != VerifyStatus::Unchanged).then(|| match item.bytes {
                Some(b) if b == now.bytes => lang.t(ErrorText::DetailSameSize).to_string(),
                Some(b) => lang.f(
                    ErrorText::DetailSizeChanged,
                    &[("now", &now.bytes), ("then", &b)],
                ),
                None => lang.t(ErrorText::DetailNoHash).to_string(),
            });
            (status, why)
        }
        Found::Missing => (
            VerifyStatus::Missing,
            Some(lang.t(ErrorText::DetailNoFile).into()),
        ),
        Found::NotAFile => (
            VerifyStatus::Changed,
            Some(lang.t(ErrorText::DetailNoLongerAFile).into()),
        ),
        Found::Unreadable(reason) => (VerifyStatus::Missing, Some(reason)),
    }
}

/// What the user says about a new evidence item.
#[derive(Debug, Clone, Default)]
pub struct NewEvidence {
    /// A path, a URL, or where a record is held.
    pub location: String,
    /// Force the kind (`record`); otherwise a URL is a link and anything else a file.
    pub kind: Option<EvidenceKind>,
    /// Title (default: the file name or the location).
    pub title: Option<String>,
    /// The date of the evidence itself.
    pub dated: Option<NaiveDate>,
    /// Who owns it.
    pub owner: Option<String>,
    /// The question it supports (empty: none, when it supports a control).
    pub question: String,
    /// One of the question's checks, if it proves only that.
    pub check: Option<String>,
    /// A control of the Statement of Applicability it shows, if any.
    pub control: Option<String>,
}

/// Builds a register item from what the user said: a file is hashed now (the register
/// keeps its path, hash and size, never a copy).
pub fn item_for(
    new: &NewEvidence,
    now: DateTime<FixedOffset>,
) -> Result<EvidenceItem, EvidenceError> {
    let kind = new
        .kind
        .unwrap_or_else(|| EvidenceKind::of_location(&new.location));
    let path = Path::new(&new.location);
    let (sha256, bytes, resolved) = if kind == EvidenceKind::File {
        let problem = |reason: &str| EvidenceError::File {
            path: path.to_path_buf(),
            reason: reason.to_string(),
        };
        let fingerprint = match look(path) {
            Found::File(f) => f,
            Found::Missing => return Err(problem(Lang::En.t(ErrorText::DetailNoFileHere))),
            Found::NotAFile => {
                return Err(problem(Lang::En.t(ErrorText::DetailNotAFile)));
            }
            Found::Unreadable(reason) => return Err(problem(&reason)),
        };
        let absolute = std::path::absolute(path).map_err(|e| problem(&e.to_string()))?;
        let resolved = absolute
            .to_str()
            .ok_or_else(|| problem("its path is not valid UTF-8"))?
            .to_string();
        (
            Some(fingerprint.sha256),
            Some(fingerprint.bytes),
            Some(resolved),
        )
    } else {
        (None, None, None)
    };
    let title = new.title.clone().unwrap_or_else(|| {
        match kind {
            EvidenceKind::File => path.file_name().map(|n| n.to_string_lossy().into_owned()),
            _ => None,
        }
        .unwrap_or_else(|| new.location.clone())
    });
    Ok(EvidenceItem {
        id: String::new(),
        title,
        kind,
        location: new.location.clone(),
        sha256,
        bytes,
        dated: new.dated,
        owner: new.owner.clone().unwrap_or_default(),
        added: Some(now),
        resolved: resolved.filter(|r| r != &new.location),
        extra: Extra::new(),
    })
}

/// `evidence add`: hashes the file (if it is one), then adds it to the register of the
/// assessment `file` under its lock and attaches it to the question or check. Returns
/// the item as saved.
pub fn add(
    store: &Store,
    file: &Path,
    questionnaire: Option<&Path>,
    new: &NewEvidence,
    now: DateTime<FixedOffset>,
) -> Result<EvidenceItem, EvidenceError> {
    // Hash before taking the lock: a large file does not hold the assessment meanwhile.
    let item = item_for(new, now)?;
    let (mut opened, mut lock): (catalog::Opened, AssessmentLock) =
        catalog::open_for_editing(store, file, questionnaire)?;
    let attach_error = |source| EvidenceError::Attach {
        file: opened.path.clone(),
        source,
    };
    // Everything named is checked before the register changes: nothing half-added.
    if let Some(control) = &new.control
        && !opened
            .assessment
            .knows_control(&opened.questionnaire, control)
    {
        return Err(attach_error(AttachError::UnknownControl(control.clone())));
    }
    let question = if new.question.is_empty() && new.control.is_some() {
        None
    } else {
        match opened.questionnaire.question(&new.question) {
            Some(q) => Some(q.clone()),
            None => {
                return Err(attach_error(AttachError::UnknownQuestion(
                    new.question.clone(),
                )));
            }
        }
    };
    let id = match &question {
        Some(q) => opened
            .assessment
            .add_evidence(q, new.check.as_deref(), item, now)
            .map_err(attach_error)?,
        None => opened.assessment.register_evidence(item, now),
    };
    if let Some(control) = &new.control {
        opened
            .assessment
            .link_evidence_to_control(&opened.questionnaire, control, &id, now)
            .map_err(attach_error)?;
    }
    lock.save(&opened.assessment).map_err(CatalogError::from)?;
    let saved = opened
        .assessment
        .evidence_item(&id)
        .cloned()
        .ok_or_else(|| attach_error(AttachError::UnknownQuestion(new.question.clone())))?;
    Ok(saved)
}

/// One line of `evidence verify`.
#[derive(Debug, Clone, PartialEq)]
pub struct Verified {
    /// The register item.
    pub item: EvidenceItem,
    /// What re-hashing found.
    pub status: VerifyStatus,
    /// Why, when it is not unchanged.
    pub reason: Option<String>,
}

/// `evidence verify`: re-hashes every file item of the register of `file` (links and
/// records are not files and are left out), the reasons in `lang`. Nothing is written.
pub fn verify(
    store: &Store,
    file: &Path,
    questionnaire: Option<&Path>,
    lang: Lang,
) -> Result<Vec<Verified>, EvidenceError> {
    let opened = catalog::open(store, file, questionnaire)?;
    Ok(opened
        .assessment
        .evidence
        .into_iter()
        .filter(|e| e.kind == EvidenceKind::File)
        .map(|item| {
            let (status, reason) = verify_item(&item, lang);
            Verified {
                item,
                status,
                reason,
            }
        })
        .collect())
}
