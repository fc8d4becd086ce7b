//! The data directory, atomic saves, backups, the lock and format checks; [`catalog`]
//! holds the use-cases both front-ends share (open, list, create, delete, merge).
//!
//! This is the only module of the program that touches the disk (`tests/architecture.rs`
//! enforces it).

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::assessment::{Assessment, FORMAT_VERSION};
use crate::questionnaire::{Questionnaire, QuestionnaireError, json_message};

pub mod catalog;

mod platform;

/// Environment variable that overrides the data directory.
pub const HOME_ENV: &str = "AIMS_READINESS_HOME";

/// Largest assessment file we read; real ones are well under 1 MB.
pub const MAX_ASSESSMENT_BYTES: u64 = 16 * 1024 * 1024;

/// Why an assessment could not be read, written or locked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file operation failed.
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        /// What we tried, e.g. "read".
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not a readable assessment.
    #[error("assessment file {} is damaged{}: {message}; nothing was changed{}", path.display(), at.as_ref().map(|a| format!(" at {a}")).unwrap_or_default(), backup_hint(backup))]
    Damaged {
        /// The file.
        path: PathBuf,
        /// Where: "line 12, column 4" or a JSON path.
        at: Option<String>,
        /// What is wrong.
        message: String,
        /// The backup, if one exists.
        backup: Option<PathBuf>,
    },
    /// The file was written by a newer version of this program.
    #[error("assessment file {} has format version {found}, newer than this program reads ({FORMAT_VERSION}); it was left untouched: update aims-readiness to open it", path.display())]
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// The version found.
        found: u64,
    },
    /// Another process has the assessment open.
    #[error("assessment file {} is in use by another aims-readiness process{}; close it there first", path.display(), pid.map(|p| format!(" (pid {p})")).unwrap_or_default())]
    InUse {
        /// The file.
        path: PathBuf,
        /// The holder's process id, if known.
        pid: Option<u32>,
    },
    /// The assessment does not fit its questionnaire.
    #[error("assessment file {} does not fit questionnaire {questionnaire}: {}; nothing was changed{}", path.display(), problems.join("; "), backup_hint(backup))]
    Mismatch {
        /// The file.
        path: PathBuf,
        /// The questionnaire's id and version.
        questionnaire: String,
        /// Each problem, with its JSON path.
        problems: Vec<String>,
        /// The backup, if one exists.
        backup: Option<PathBuf>,
    },
    /// The file to create exists already.
    #[error("{} already exists; use --force to replace it", path.display())]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// No data directory could be determined.
    #[error("cannot find a data directory (no home directory); set {HOME_ENV} to a folder")]
    NoDataDir,
}

fn backup_hint(backup: &Option<PathBuf>) -> String {
    backup
        .as_ref()
        .map(|b| format!("; a backup is at {}", b.display()))
        .unwrap_or_default()
}

fn io<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> StoreError + 'a {
    move |source| StoreError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// The data directory: assessments and the questionnaires they were made from.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// The data directory at `root`.
    pub fn at(root: impl Into<PathBuf>) -> Self {
        Store { root: root.into() }
    }

    /// The data directory from `AIMS_READINESS_HOME`, else the platform's data directory.
    pub fn from_env() -> Result<Self, StoreError> {
        if let Some(home) = std::env::var_os(HOME_ENV).filter(|h| !h.is_empty()) {
            return Ok(Store::at(home));
        }
        platform_data_dir()
            .map(Store::at)
            .ok_or(StoreError::NoDataDir)
    }

    /// The data directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where assessments are kept.
    pub fn assessments_dir(&self) -> PathBuf {
        self.root.join("assessments")
    }

    /// Where copies of custom questionnaires are kept.
    pub fn questionnaires_dir(&self) -> PathBuf {
        self.root.join("questionnaires")
    }

    /// Creates the data folders, private to the user (0700).
    pub fn ensure(&self) -> Result<(), StoreError> {
        for dir in [
            self.root.clone(),
            self.assessments_dir(),
            self.questionnaires_dir(),
        ] {
            private_dir(&dir)?;
        }
        Ok(())
    }

    /// The saved assessments, newest change first.
    pub fn list(&self) -> Result<Vec<PathBuf>, StoreError> {
        let dir = self.assessments_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io("read the folder", &dir)(e)),
        };
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|x| x == "json")
                    && !p
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'))
            })
            .map(|p| {
                let modified = fs::metadata(&p)
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                (modified, p)
            })
            .collect();
        files.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        Ok(files.into_iter().map(|(_, p)| p).collect())
    }

    /// A new, unused file name for an assessment of `organisation` made on `date`.
    pub fn new_assessment_path(&self, organisation: &str, date: chrono::NaiveDate) -> PathBuf {
        let slug: String = organisation
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-")
            .chars()
            .take(40)
            .collect();
        let base = if slug.is_empty() {
            format!("assessment-{}", date.format("%Y-%m-%d"))
        } else {
            format!("{slug}-{}", date.format("%Y-%m-%d"))
        };
        let dir = self.assessments_dir();
        (1..)
            .map(|n| {
                if n == 1 {
                    dir.join(format!("{base}.json"))
                } else {
                    dir.join(format!("{base}-{n}.json"))
                }
            })
            .find(|p| fs::symlink_metadata(p).is_err())
            .unwrap_or_else(|| dir.join(format!("{base}.json")))
    }

    /// Where a copy of `questionnaire` is kept.
    pub fn questionnaire_copy_path(&self, id_version_stem: &str) -> PathBuf {
        self.questionnaires_dir()
            .join(format!("{id_version_stem}.json"))
    }

    /// Keeps a copy of a custom questionnaire so assessments made from it open anywhere.
    pub fn keep_questionnaire(&self, questionnaire: &Questionnaire) -> Result<PathBuf, StoreError> {
        self.ensure()?;
        let path = self.questionnaire_copy_path(&questionnaire.file_stem());
        write_atomic(&path, questionnaire.to_json().as_bytes(), Mode::Private)?;
        Ok(path)
    }

    /// The questionnaire an assessment refers to: embedded, or the kept copy.
    pub fn questionnaire_for(
        &self,
        assessment: &Assessment,
    ) -> Result<Option<Questionnaire>, QuestionnaireError> {
        let embedded = Questionnaire::embedded()?;
        let wanted = &assessment.questionnaire;
        if embedded.id == wanted.id && embedded.version == wanted.version {
            return Ok(Some(embedded));
        }
        let path =
            self.questionnaire_copy_path(&Questionnaire::stem_of(&wanted.id, &wanted.version));
        if path.exists() {
            return load_questionnaire(&path).map(Some);
        }
        if wanted.id == crate::questionnaire::DEFAULT_ID {
            // An older or newer version of the default questionnaire: use ours.
            return Ok(Some(embedded));
        }
        Ok(None)
    }
}

/// The user's own data folder for the app: `~/.local/share/aims-readiness` (or under
/// `$XDG_DATA_HOME`) on Linux, `~/Library/Application Support/aims-readiness` on macOS,
/// `%APPDATA%\aims-readiness\data` on Windows; `None` without a home folder.
pub fn platform_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "aims-readiness").map(|d| d.data_dir().to_path_buf())
}

/// Loads and validates a questionnaire file.
pub fn load_questionnaire(path: &Path) -> Result<Questionnaire, QuestionnaireError> {
    let file = path.display().to_string();
    let bytes = fs::read(path).map_err(|source| QuestionnaireError::Read {
        file: file.clone(),
        source,
    })?;
    Questionnaire::from_bytes(&bytes, &file)
}

/// The "never replace a file unless asked" rule of every command that writes a file the
/// user named (`export`, `merge --out`, `questionnaire dump --out`): without `force`,
/// the first of `paths` that exists (a link included) is refused.
pub fn refuse_existing<'a>(
    paths: impl IntoIterator<Item = &'a Path>,
    force: bool,
) -> Result<(), StoreError> {
    if force {
        return Ok(());
    }
    match paths.into_iter().find(|p| exists(p)) {
        Some(path) => Err(StoreError::Exists {
            path: path.to_path_buf(),
        }),
        None => Ok(()),
    }
}

/// Whether something (a file, a folder, a link, even a dangling one) has this name.
pub fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Creates a folder the user named for exports (and its parents), with default modes.
pub fn create_folder(dir: &Path) -> Result<(), StoreError> {
    fs::create_dir_all(dir).map_err(io("create the folder", dir))
}

/// Deletes an assessment and its backup, refusing while another process has it open.
pub fn delete(path: &Path) -> Result<(), StoreError> {
    let lock = AssessmentLock::acquire(path)?;
    fs::remove_file(path).map_err(io("delete", path))?;
    let _ = fs::remove_file(backup_path(path));
    let lock_file = lock.path().to_path_buf();
    drop(lock);
    let _ = fs::remove_file(lock_file);
    Ok(())
}

/// Creates `dir` (and parents) and makes it private (0700 on Unix).
fn private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    platform::private_dir_builder(&mut builder);
    builder.create(dir).map_err(io("create the folder", dir))?;
    platform::make_dir_private(dir).map_err(io("set permissions on", dir))
}

/// The backup kept beside an assessment file.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, "", ".bak")
}

/// The lock file beside an assessment file.
pub fn lock_path(path: &Path) -> PathBuf {
    sibling(path, ".", ".lock")
}

fn sibling(path: &Path, prefix: &str, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{prefix}{name}{suffix}"))
}

fn existing_backup(path: &Path) -> Option<PathBuf> {
    let b = backup_path(path);
    b.is_file().then_some(b)
}

/// Reads an assessment file: size, UTF-8, JSON syntax, duplicate keys, format version
/// and types are checked; nothing is written.
pub fn read(path: &Path) -> Result<Assessment, StoreError> {
    let mut file = File::open(path).map_err(io("open", path))?;
    let len = file.metadata().map_err(io("read", path))?.len();
    if len > MAX_ASSESSMENT_BYTES {
        return Err(StoreError::Damaged {
            path: path.to_path_buf(),
            at: None,
            message: format!(
                "it is {} MB, far larger than any assessment (the limit is {} MB)",
                len / 1_000_000,
                MAX_ASSESSMENT_BYTES / 1_000_000
            ),
            backup: existing_backup(path),
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.read_to_end(&mut bytes).map_err(io("read", path))?;
    parse_bytes(&bytes, path)
}

/// Parses the bytes of an assessment file named `path` (pure: nothing is read or written).
pub fn parse_bytes(bytes: &[u8], path: &Path) -> Result<Assessment, StoreError> {
    parse(bytes).map_err(|e| match e {
        ParseError::Newer(found) => StoreError::NewerFormat {
            path: path.to_path_buf(),
            found,
        },
        ParseError::Damaged { at, message } => StoreError::Damaged {
            path: path.to_path_buf(),
            at,
            message,
            backup: existing_backup(path),
        },
    })
}

/// Why bytes are not an assessment.
#[derive(Debug)]
enum ParseError {
    Newer(u64),
    Damaged { at: Option<String>, message: String },
}

fn damaged_at(e: &serde_json::Error) -> ParseError {
    ParseError::Damaged {
        at: (e.line() > 0).then(|| format!("line {}, column {}", e.line(), e.column())),
        message: json_message(e),
    }
}

/// Parses assessment bytes (pure).
fn parse(bytes: &[u8]) -> Result<Assessment, ParseError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Damaged {
            at: None,
            message: "the file is empty".into(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ParseError::Damaged {
        at: Some(format!("byte {}", e.valid_up_to())),
        message: "the file is not UTF-8 text".into(),
    })?;
    // A byte-order mark (added by some Windows editors) is harmless: skip it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<crate::json::NoDuplicateKeys>(text).map_err(|e| damaged_at(&e))?;
    if !text.trim_start().starts_with('{') {
        return Err(ParseError::Damaged {
            at: Some("$".into()),
            message: "an assessment must be a JSON object".into(),
        });
    }

    #[derive(Deserialize)]
    struct Probe {
        format_version: Option<serde_json::Value>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|_| ParseError::Damaged {
        at: Some("$".into()),
        message: "an assessment must be a JSON object".into(),
    })?;
    match probe.format_version.as_ref().map(|v| v.as_u64()) {
        None => {
            return Err(ParseError::Damaged {
                at: Some("format_version".into()),
                message: "the field is missing; this does not look like an assessment file".into(),
            });
        }
        Some(None) => {
            return Err(ParseError::Damaged {
                at: Some("format_version".into()),
                message: "must be a whole number".into(),
            });
        }
        Some(Some(v)) if v > u64::from(FORMAT_VERSION) => return Err(ParseError::Newer(v)),
        Some(Some(v)) if v < u64::from(FORMAT_VERSION) => {
            return Err(ParseError::Damaged {
                at: Some("format_version".into()),
                message: format!("format version {v} never existed (the first is 1)"),
            });
        }
        Some(Some(_)) => {}
    }
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, Assessment>(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        ParseError::Damaged {
            at: Some(format!(
                "{path} (line {}, column {})",
                inner.line(),
                inner.column()
            )),
            message: json_message(&inner),
        }
    })
}

/// Checks that an assessment fits its questionnaire.
pub fn check_fits(
    path: &Path,
    assessment: &Assessment,
    questionnaire: &Questionnaire,
) -> Result<(), StoreError> {
    let problems = assessment.mismatches(questionnaire);
    if problems.is_empty() {
        return Ok(());
    }
    Err(StoreError::Mismatch {
        path: path.to_path_buf(),
        questionnaire: format!("{} {}", questionnaire.id, questionnaire.version),
        problems: problems
            .into_iter()
            .map(|m| format!("{}: {}", m.at, m.message))
            .collect(),
        backup: existing_backup(path),
    })
}

/// The JSON text an assessment is saved as.
pub fn to_json(assessment: &Assessment) -> Vec<u8> {
    // Serializing plain data with string keys cannot fail.
    let mut bytes = serde_json::to_vec_pretty(assessment).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// Saves an assessment atomically, keeping the previous version as the backup.
pub fn save(path: &Path, assessment: &Assessment) -> Result<(), StoreError> {
    let bytes = to_json(assessment);
    if path.is_file() {
        keep_backup(path)?;
    }
    write_atomic(path, &bytes, Mode::Private)
}

/// Creates a new assessment file; refuses to replace an existing one.
pub fn create(path: &Path, assessment: &Assessment) -> Result<(), StoreError> {
    refuse_existing([path], false)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(io("create the folder", dir))?;
    }
    write_atomic(path, &to_json(assessment), Mode::Private)
}

/// Points the backup at the current file's content (a hard link: no copy, one rename).
fn keep_backup(path: &Path) -> Result<(), StoreError> {
    let backup = backup_path(path);
    let staging = sibling(path, ".", ".bak.tmp");
    let _ = fs::remove_file(&staging);
    if fs::hard_link(path, &staging).is_err() {
        // Filesystems without hard links: copy instead.
        fs::copy(path, &staging).map_err(io("write the backup", &staging))?;
    }
    platform::make_file_private(&staging).map_err(io("set permissions on", &staging))?;
    fs::rename(&staging, &backup).map_err(io("write the backup", &backup))?;
    // rename(2) does nothing when both names are links to one file (the backup already
    // holds this content): the staging name would linger.
    let _ = fs::remove_file(&staging);
    Ok(())
}

/// Who may read a written file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// 0600: assessments, backups, questionnaire copies.
    Private,
    /// 0666 less the user's umask: exports meant to be shared.
    Shared,
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, fsync,
/// rename over the target, fsync of the folder. A symlink at `path` is replaced, its
/// target untouched. Readers see the old file or the new one, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: Mode) -> Result<(), StoreError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    if mode == Mode::Shared {
        platform::shared_export(&mut builder);
    }
    let mut tmp = builder
        .tempfile_in(&dir)
        .map_err(io("create a temporary file in", &dir))?;
    tmp.write_all(bytes).map_err(io("write", tmp.path()))?;
    tmp.as_file().sync_all().map_err(io("write", tmp.path()))?;
    platform::replace(tmp, path).map_err(io("replace", path))?;
    sync_dir(&dir)
}

fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    platform::sync_dir(dir).map_err(io("sync the folder", dir))
}

/// Removes temporary files a crash left beside `path` (call with the lock held).
pub fn clean_leftovers(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with(&prefix) && file.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// An advisory lock on an assessment, held while the value lives.
///
/// The operating system releases it when the process ends, however it ends.
#[derive(Debug)]
pub struct AssessmentLock {
    _file: File,
    path: PathBuf,
}

impl AssessmentLock {
    /// Takes the lock on `assessment`, or says which process holds it.
    pub fn acquire(assessment: &Path) -> Result<Self, StoreError> {
        let path = lock_path(assessment);
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        platform::private_open(&mut options);
        let mut file = options
            .open(&path)
            .map_err(io("open the lock file", &path))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let mut held = String::new();
                let _ = file.read_to_string(&mut held);
                return Err(StoreError::InUse {
                    path: assessment.to_path_buf(),
                    pid: held.trim().parse().ok(),
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(io("lock", &path)(e)),
        }
        let _ = platform::make_file_private(&path);
        file.set_len(0).map_err(io("write the lock file", &path))?;
        write!(file, "{}", std::process::id()).map_err(io("write the lock file", &path))?;
        clean_leftovers(assessment);
        Ok(AssessmentLock { _file: file, path })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Opens an assessment for writing: takes the lock, reads and checks it.
pub fn open(
    path: &Path,
    questionnaire: &Questionnaire,
) -> Result<(Assessment, AssessmentLock), StoreError> {
    let lock = AssessmentLock::acquire(path)?;
    let assessment = read(path)?;
    check_fits(path, &assessment, questionnaire)?;
    Ok((assessment, lock))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siblings() {
        let p = Path::new("/d/acme.json");
        assert_eq!(backup_path(p), Path::new("/d/acme.json.bak"));
        assert_eq!(lock_path(p), Path::new("/d/.acme.json.lock"));
    }

    #[test]
    fn parse_rejects_what_is_not_an_assessment() {
        for (bytes, needle) in [
            (&b""[..], "empty"),
            (b"  \n", "empty"),
            (b"[1]", "JSON object"),
            (b"{}", "does not look like an assessment"),
            (b"{\"format_version\": \"1\"}", "whole number"),
            (b"{\"format_version\": 0}", "never existed"),
            (b"{\"a\":1,\"a\":2}", "duplicate key"),
            (b"\xff\xfe", "UTF-8"),
        ] {
            match parse(bytes) {
                Err(ParseError::Damaged { message, .. }) => {
                    assert!(message.contains(needle), "{needle}: {message}")
                }
                other => panic!("{needle}: {other:?}"),
            }
        }
        assert!(matches!(
            parse(b"{\"format_version\": 9}"),
            Err(ParseError::Newer(9))
        ));
    }
}
