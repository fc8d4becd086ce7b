//! The data directory, atomic saves, backups, the lock and format checks; [`catalog`]
//! holds the use-cases both front-ends share (open, list, create, delete, merge).
//!
//! This is the only module of the program that touches the disk (`tests/architecture.rs`
//! enforces it).

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
#[cfg(unix)]
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::assessment::{Assessment, FORMAT_VERSION};
use crate::locale::{ErrorText, Lang};
use crate::questionnaire::{Questionnaire, QuestionnaireError, json_message};

pub mod catalog;
mod lock;
mod read;
mod write;

pub use lock::*;
pub use read::*;
pub use write::*;

pub mod evidence;
pub mod homework;
mod platform;

/// Environment variable that overrides the data directory.
pub const HOME_ENV: &str = "AIMS_READINESS_HOME";

/// Largest assessment file we read or write; real ones are well under 1 MB.
pub const MAX_ASSESSMENT_BYTES: u64 = 16 * 1024 * 1024;

/// Largest questionnaire file we read; the default one is about 100 KB.
pub const MAX_QUESTIONNAIRE_BYTES: u64 = 16 * 1024 * 1024;

/// Largest lock-holder hint we read (a process id).
#[cfg(unix)]
const MAX_HINT_BYTES: u64 = 64;

/// Why an assessment could not be read, written or locked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file operation failed.
    Io {
        /// What we tried, e.g. "read".
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not a readable assessment.
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
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// The version found.
        found: u64,
    },
    /// Another process has the assessment open.
    InUse {
        /// The file.
        path: PathBuf,
        /// The holder's process id, if known.
        pid: Option<u32>,
    },
    /// The assessment does not fit its questionnaire.
    Mismatch {
        /// The file.
        path: PathBuf,
        /// The questionnaire's id and version.
        questionnaire: String,
        /// Each problem, with its JSON path, in both languages.
        problems: Vec<crate::locale::Said>,
        /// The backup, if one exists.
        backup: Option<PathBuf>,
    },
    /// The file to create exists already.
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// No data directory could be determined.
    NoDataDir,
    /// Saving would produce a file larger than this program reads back.
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The size it would have had.
        size: u64,
    },
    /// An assessment to open for writing is a symbolic link.
    Symlink {
        /// The link.
        path: PathBuf,
        /// Where it points.
        target: PathBuf,
    },
    /// The name is a folder, a FIFO, a device or a socket, not a file.
    NotRegular {
        /// The name.
        path: PathBuf,
    },
    /// A different questionnaire with the same id and version is kept or built in.
    QuestionnaireConflict {
        /// The questionnaire's id.
        id: String,
        /// Its version.
        version: String,
        /// The copy already kept, or `None` for the built-in questionnaire.
        kept: Option<PathBuf>,
    },
    /// Another program replaced the assessment while this one had it open, and holds it.
    Replaced {
        /// The file.
        path: PathBuf,
    },
}

impl StoreError {
    /// The message in `lang`; `Display` prints it in English.
    pub fn in_lang(&self, lang: Lang) -> String {
        let backup_hint = |backup: &Option<PathBuf>| {
            backup
                .as_ref()
                .map(|b| lang.f(ErrorText::BackupHint, &[("path", &b.display())]))
                .unwrap_or_default()
        };
        match self {
            StoreError::Io {
                action,
                path,
                source,
            } => lang.f(
                ErrorText::Io,
                &[
                    ("action", &io_action(lang, action)),
                    ("path", &path.display()),
                    ("reason", &lang.io_reason(source)),
                ],
            ),
            StoreError::Damaged {
                path,
                at,
                message,
                backup,
            } => {
                let shown = path.display();
                let backup = backup_hint(backup);
                let message = lang.detail(message);
                let mut args: Vec<(&str, &dyn std::fmt::Display)> =
                    vec![("path", &shown), ("message", &message), ("backup", &backup)];
                match at {
                    Some(at) => {
                        let place = lang.place(at);
                        args.push(("at", &place));
                        lang.f(ErrorText::DamagedAt, &args)
                    }
                    None => lang.f(ErrorText::Damaged, &args),
                }
            }
            StoreError::NewerFormat { path, found } => lang.f(
                ErrorText::NewerFormat,
                &[
                    ("path", &path.display()),
                    ("found", found),
                    ("supported", &FORMAT_VERSION),
                ],
            ),
            StoreError::InUse { path, pid: None } => {
                lang.f(ErrorText::InUse, &[("path", &path.display())])
            }
            StoreError::InUse {
                path,
                pid: Some(pid),
            } => lang.f(
                ErrorText::InUsePid,
                &[("path", &path.display()), ("pid", pid)],
            ),
            StoreError::Mismatch {
                path,
                questionnaire,
                problems,
                backup,
            } => lang.f(
                ErrorText::Mismatch,
                &[
                    ("path", &path.display()),
                    ("questionnaire", questionnaire),
                    (
                        "problems",
                        &problems
                            .iter()
                            .map(|p| p.in_lang(lang))
                            .collect::<Vec<_>>()
                            .join(lang.list_separator()),
                    ),
                    ("backup", &backup_hint(backup)),
                ],
            ),
            StoreError::Exists { path } => lang.f(ErrorText::Exists, &[("path", &path.display())]),
            StoreError::NoDataDir => lang.f(ErrorText::NoDataDir, &[("variable", &HOME_ENV)]),
            StoreError::TooLarge { path, size } => lang.f(
                ErrorText::TooLarge,
                &[
                    ("path", &path.display()),
                    ("size", size),
                    ("limit", &(MAX_ASSESSMENT_BYTES / (1024 * 1024))),
                ],
            ),
            StoreError::Symlink { path, target } => lang.f(
                ErrorText::Symlink,
                &[("path", &path.display()), ("target", &target.display())],
            ),
            StoreError::NotRegular { path } => {
                lang.f(ErrorText::NotRegular, &[("path", &path.display())])
            }
            StoreError::QuestionnaireConflict { id, version, kept } => match kept {
                None => lang.f(
                    ErrorText::ConflictBuiltIn,
                    &[("id", id), ("version", version)],
                ),
                Some(kept) => lang.f(
                    ErrorText::ConflictKept,
                    &[("id", id), ("version", version), ("kept", &kept.display())],
                ),
            },
            StoreError::Replaced { path } => {
                lang.f(ErrorText::Replaced, &[("path", &path.display())])
            }
        }
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// What was tried when a file operation failed, in `lang`. The store names each
/// operation with a fixed English tag (`io("read", path)`); a tag without a catalogue
/// entry is printed as it is.
fn io_action(lang: Lang, action: &str) -> &str {
    let text = match action {
        "read" => ErrorText::ActionRead,
        "read the folder" => ErrorText::ActionReadFolder,
        "write" => ErrorText::ActionWrite,
        "create" => ErrorText::ActionCreate,
        "create the folder" => ErrorText::ActionCreateFolder,
        "create a temporary file in" => ErrorText::ActionCreateTemporary,
        "lock" => ErrorText::ActionLock,
        "move to the trash" => ErrorText::ActionTrash,
        "open" => ErrorText::ActionOpen,
        "open the lock file" => ErrorText::ActionOpenLock,
        "replace" => ErrorText::ActionReplace,
        "set permissions on" => ErrorText::ActionSetPermissions,
        "sync the folder" => ErrorText::ActionSyncFolder,
        "write the backup" => ErrorText::ActionWriteBackup,
        "write the lock file" => ErrorText::ActionWriteLock,
        _ => return action,
    };
    lang.t(text)
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

    /// Creates the data folders that are missing, private to the user (0700). A folder
    /// that exists already keeps its permissions: it is not ours to change.
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

    /// Where deleted assessments and their backups are moved.
    pub fn trash_dir(&self) -> PathBuf {
        self.root.join("trash")
    }

    /// Deletes an assessment recoverably: the file and its backup move to the trash
    /// folder, under a name that says when (`acme.json.20261123-094000`), refusing while
    /// another process has it open. Returns where the assessment went.
    pub fn move_to_trash(&self, path: &Path) -> Result<PathBuf, StoreError> {
        let lock = AssessmentLock::acquire(path)?;
        let trash = self.trash_dir();
        private_dir(&trash)?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.f");
        let name = file_name_of(path);
        let moved = trash.join(format!("{name}.{stamp}"));
        fs::rename(path, &moved).map_err(io("move to the trash", path))?;
        let backup = backup_path(path);
        if fs::symlink_metadata(&backup).is_ok() {
            let _ = fs::rename(&backup, trash.join(format!("{name}.bak.{stamp}")));
        }
        let hint = lock.path().to_path_buf();
        drop(lock);
        let _ = fs::remove_file(hint);
        Ok(moved)
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
        let base = assessment_base(organisation, date);
        let dir = self.assessments_dir();
        candidate_names(&dir, &base)
            .find(|p| fs::symlink_metadata(p).is_err())
            .unwrap_or_else(|| dir.join(format!("{base}.json")))
    }

    /// Creates a new assessment file for its organisation and creation date under the
    /// first free name (`acme-2026-11-23.json`, then `-2`, `-3`, …). Creation is
    /// exclusive: when another process takes a name first, the next one is tried, so
    /// concurrent runs never replace each other's files.
    pub fn create_assessment(&self, assessment: &Assessment) -> Result<PathBuf, StoreError> {
        self.ensure()?;
        let base = assessment_base(
            &assessment.meta.organisation,
            assessment.meta.created.date_naive(),
        );
        let dir = self.assessments_dir();
        let mut last = None;
        for path in candidate_names(&dir, &base).take(10_000) {
            match create(&path, assessment) {
                Ok(()) => return Ok(path),
                Err(e @ StoreError::Exists { .. }) => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or(StoreError::Exists {
            path: dir.join(format!("{base}.json")),
        }))
    }

    /// Where a copy of `questionnaire` is kept.
    pub fn questionnaire_copy_path(&self, id_version_stem: &str) -> PathBuf {
        self.questionnaires_dir()
            .join(format!("{id_version_stem}.json"))
    }

    /// Keeps a copy of a custom questionnaire so assessments made from it open anywhere.
    ///
    /// A copy is never replaced: the same id and version with other content is refused
    /// (assessments made from the kept copy would silently be scored against another
    /// text), so is the built-in id and version with other content. An id and version
    /// whose file name is taken by a different questionnaire (`a-b`/`c` and `a`/`b-c`)
    /// are kept under a second name that adds a digest of the exact id and version.
    pub fn keep_questionnaire(&self, questionnaire: &Questionnaire) -> Result<PathBuf, StoreError> {
        let embedded = Questionnaire::embedded().ok();
        if let Some(builtin) =
            embedded.filter(|e| e.id == questionnaire.id && e.version == questionnaire.version)
        {
            if builtin.to_json() == questionnaire.to_json() {
                return Ok(PathBuf::from(crate::questionnaire::DEFAULT_NAME));
            }
            return Err(StoreError::QuestionnaireConflict {
                id: questionnaire.id.clone(),
                version: questionnaire.version.clone(),
                kept: None,
            });
        }
        self.ensure()?;
        let text = questionnaire.to_json();
        if text.len() as u64 > MAX_QUESTIONNAIRE_BYTES {
            // A copy this program would refuse to read back is no copy.
            return Err(io(
                "keep a copy of the questionnaire in",
                &self.questionnaires_dir(),
            )(std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                format!(
                    "it would be over {} MiB, the limit for questionnaires",
                    MAX_QUESTIONNAIRE_BYTES / (1024 * 1024)
                ),
            )));
        }
        for path in self.questionnaire_copy_paths(&questionnaire.id, &questionnaire.version) {
            match self.kept_copy_at(&path, &questionnaire.id, &questionnaire.version) {
                KeptCopy::Free => {}
                KeptCopy::Other => continue,
                KeptCopy::Same(kept) if kept.to_json() == text => return Ok(path),
                KeptCopy::Same(_) => {
                    return Err(StoreError::QuestionnaireConflict {
                        id: questionnaire.id.clone(),
                        version: questionnaire.version.clone(),
                        kept: Some(path),
                    });
                }
            }
            let (tmp, dir) = write_temp(&path, text.as_bytes(), Mode::Private)?;
            match tmp.persist_noclobber(&path) {
                Ok(_) => {
                    sync_dir(&dir)?;
                    return Ok(path);
                }
                // Another process kept one at this name first: look at it again.
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                    return self.keep_questionnaire(questionnaire);
                }
                Err(e) => return Err(io("create", &path)(e.error)),
            }
        }
        Err(StoreError::QuestionnaireConflict {
            id: questionnaire.id.clone(),
            version: questionnaire.version.clone(),
            kept: None,
        })
    }

    /// The names a copy of questionnaire `id` at `version` may be kept under: the
    /// readable one, then one with a digest of the exact id and version.
    fn questionnaire_copy_paths(&self, id: &str, version: &str) -> [PathBuf; 2] {
        let stem = Questionnaire::stem_of(id, version);
        let exact = format!("{}\n{id}\n{version}", id.len());
        let digest = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, exact.as_bytes()).simple();
        let short: String = digest.to_string().chars().take(16).collect();
        [
            self.questionnaire_copy_path(&stem),
            self.questionnaire_copy_path(&format!("{stem}-{short}")),
        ]
    }

    /// What is kept at `path`, seen from questionnaire `id` at `version`.
    fn kept_copy_at(&self, path: &Path, id: &str, version: &str) -> KeptCopy {
        if fs::symlink_metadata(path).is_err() {
            return KeptCopy::Free;
        }
        match load_questionnaire(path) {
            Ok(q) if q.id == id && q.version == version => KeptCopy::Same(Box::new(q)),
            _ => KeptCopy::Other,
        }
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
        for path in self.questionnaire_copy_paths(&wanted.id, &wanted.version) {
            if fs::symlink_metadata(&path).is_err() {
                continue;
            }
            let kept = load_questionnaire(&path)?;
            if kept.id == wanted.id && kept.version == wanted.version {
                return Ok(Some(kept));
            }
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
    let bytes =
        read_limited(path, MAX_QUESTIONNAIRE_BYTES).map_err(|source| QuestionnaireError::Read {
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

/// What a name in the questionnaires folder holds.
enum KeptCopy {
    /// Nothing.
    Free,
    /// The same id and version (its content may differ).
    Same(Box<Questionnaire>),
    /// Another questionnaire, or a file that is not one.
    Other,
}

/// Creates `dir` (and missing parents) with mode 0700; an existing folder is left as
/// it is, so pointing the data directory at a shared folder never changes its mode.
fn private_dir(dir: &Path) -> Result<(), StoreError> {
    if let Some(parent) = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && !p.is_dir())
    {
        private_dir(parent)?;
    }
    let mut builder = fs::DirBuilder::new();
    platform::private_dir_builder(&mut builder);
    match builder.create(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => return Ok(()),
        Err(e) => return Err(io("create the folder", dir)(e)),
    }
    // The umask may have taken bits away; 0700 is what we promise for folders we make.
    #[cfg(unix)]
    {
        let folder = OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_DIRECTORY)
            .open(dir)
            .map_err(io("set permissions on", dir))?;
        folder
            .set_permissions(fs::Permissions::from_mode(0o700))
            .map_err(io("set permissions on", dir))?;
    }
    Ok(())
}

/// A folder typed by a person: `~` and `~/…` mean their home folder, as in a shell
/// (without `home`, or for any other path, `path` is returned as it is).
pub fn expand_home(path: &Path, home: Option<&Path>) -> PathBuf {
    let Some(home) = home else {
        return path.to_path_buf();
    };
    match path.strip_prefix("~") {
        Ok(rest) => home.join(rest),
        Err(_) => path.to_path_buf(),
    }
}

/// `DIR/BASE.json`, `DIR/BASE-2.json`, `DIR/BASE-3.json`, …
fn candidate_names<'a>(dir: &'a Path, base: &'a str) -> impl Iterator<Item = PathBuf> + 'a {
    (1u32..).map(move |n| {
        if n == 1 {
            dir.join(format!("{base}.json"))
        } else {
            dir.join(format!("{base}-{n}.json"))
        }
    })
}

/// The file name stem of an assessment of `organisation` made on `date`.
fn assessment_base(organisation: &str, date: chrono::NaiveDate) -> String {
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
    if slug.is_empty() {
        format!("assessment-{}", date.format("%Y-%m-%d"))
    } else {
        format!("{slug}-{}", date.format("%Y-%m-%d"))
    }
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
/// and types are checked; nothing is written. Only a regular file is read, never more
/// than [`MAX_ASSESSMENT_BYTES`], whatever length the file reports.
pub fn read(path: &Path) -> Result<Assessment, StoreError> {
    let bytes = read_limited(path, MAX_ASSESSMENT_BYTES).map_err(|e| read_error(path, e))?;
    parse_bytes(&bytes, path)
}

/// What a failed bounded read of an assessment means to its user.
fn read_error(path: &Path, e: std::io::Error) -> StoreError {
    if is_not_regular(&e) {
        StoreError::NotRegular {
            path: path.to_path_buf(),
        }
    } else if e.kind() == std::io::ErrorKind::FileTooLarge {
        StoreError::Damaged {
            path: path.to_path_buf(),
            at: None,
            message: format!(
                "it is over {} MiB, far larger than any assessment (the limit is {} MiB)",
                MAX_ASSESSMENT_BYTES / (1024 * 1024),
                MAX_ASSESSMENT_BYTES / (1024 * 1024)
            ),
            backup: existing_backup(path),
        }
    } else {
        io("read", path)(e)
    }
}

/// Opens an assessment for writing: takes the lock, reads and checks it.
pub fn open(
    path: &Path,
    questionnaire: &Questionnaire,
) -> Result<(Assessment, AssessmentLock), StoreError> {
    let lock = AssessmentLock::acquire(path)?;
    let assessment = lock.read()?;
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
