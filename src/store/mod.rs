//! The data directory, atomic saves, backups, the lock and format checks; [`catalog`]
//! holds the use-cases both front-ends share (open, list, create, delete, merge).
//!
//! This is the only module of the program that touches the disk (`tests/architecture.rs`
//! enforces it).

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::assessment::{Assessment, FORMAT_VERSION};
use crate::questionnaire::{Questionnaire, QuestionnaireError, json_message};

pub mod catalog;
pub mod evidence;

/// Environment variable that overrides the data directory.
pub const HOME_ENV: &str = "AIMS_READINESS_HOME";

/// Largest assessment file we read or write; real ones are well under 1 MB.
pub const MAX_ASSESSMENT_BYTES: u64 = 16 * 1024 * 1024;

/// Largest questionnaire file we read; the default one is about 100 KB.
pub const MAX_QUESTIONNAIRE_BYTES: u64 = 16 * 1024 * 1024;

/// Largest lock-holder hint we read (a process id).
const MAX_HINT_BYTES: u64 = 64;

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
    /// Saving would produce a file larger than this program reads back.
    #[error("assessment file {} was not saved: it would be {} bytes, over the limit of {} MiB this program reads back; the file on disk is unchanged and your answers are still open: shorten the longest notes or evidence", path.display(), size, MAX_ASSESSMENT_BYTES / (1024 * 1024))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The size it would have had.
        size: u64,
    },
    /// An assessment to open for writing is a symbolic link.
    #[error("assessment file {} is a symbolic link to {}; open that file itself so that saves go where you expect (nothing was changed)", path.display(), target.display())]
    Symlink {
        /// The link.
        path: PathBuf,
        /// Where it points.
        target: PathBuf,
    },
    /// The name is a folder, a FIFO, a device or a socket, not a file.
    #[error("{} is not a regular file (a folder, FIFO, device or socket); nothing was read or changed", path.display())]
    NotRegular {
        /// The name.
        path: PathBuf,
    },
    /// A different questionnaire with the same id and version is kept or built in.
    #[error("questionnaire \"{id}\" version {version} was not kept: {}; assessments made from it would be scored against another text. Give your edited questionnaire a new version", kept.as_ref().map_or_else(|| "the built-in questionnaire has this id and version with other content".to_string(), |k| format!("a copy with other content is already kept at {}", k.display())))]
    QuestionnaireConflict {
        /// The questionnaire's id.
        id: String,
        /// Its version.
        version: String,
        /// The copy already kept, or `None` for the built-in questionnaire.
        kept: Option<PathBuf>,
    },
    /// Another program replaced the assessment while this one had it open, and holds it.
    #[error("assessment file {} was replaced on disk by another program while it was open here, and that one now has it open; your answers were not saved over it: close it there and reopen it here", path.display())]
    Replaced {
        /// The file.
        path: PathBuf,
    },
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
        directories::ProjectDirs::from("", "", "aims-readiness")
            .map(|d| Store::at(d.data_dir()))
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
    #[cfg(unix)]
    builder.mode(0o700);
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

/// The marker inside the `io::Error` of a name that is not a regular file.
#[derive(Debug)]
struct NotRegularFile;

impl std::fmt::Display for NotRegularFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("it is not a regular file (a folder, FIFO, device or socket)")
    }
}

impl std::error::Error for NotRegularFile {}

fn is_not_regular(e: &std::io::Error) -> bool {
    e.get_ref()
        .is_some_and(|inner| inner.is::<NotRegularFile>())
}

/// How [`open_regular`] treats a symbolic link at the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Links {
    Follow,
    Refuse,
}

/// Opens `path` for reading if it is a regular file. A FIFO or device is never read
/// (opening does not block on it: non-blocking open, then the type is checked on the
/// open file, so a swap between check and use is impossible).
fn open_regular(path: &Path, links: Links) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    options.custom_flags(
        libc::O_NONBLOCK
            | if links == Links::Refuse {
                libc::O_NOFOLLOW
            } else {
                0
            },
    );
    #[cfg(not(unix))]
    if links == Links::Refuse && fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(std::io::Error::other("it is a symbolic link"));
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            NotRegularFile,
        ));
    }
    Ok(file)
}

/// Reads at most `limit` bytes from the current position of `file`; more is an error of
/// kind `FileTooLarge`. The length the file reports is never trusted.
fn read_bounded(file: &mut File, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!(
                "it is over {} MiB, the limit for this kind of file",
                limit / (1024 * 1024)
            ),
        ));
    }
    Ok(bytes)
}

/// Reads the regular file `path` (following a symbolic link), at most `limit` bytes.
/// A FIFO, device, socket or folder is refused without blocking; a larger file is
/// refused whatever length it reports.
pub fn read_limited(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut file = open_regular(path, Links::Follow)?;
    read_bounded(&mut file, limit)
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

/// Refuses bytes this program would not read back.
fn check_size(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let size = bytes.len() as u64;
    if size > MAX_ASSESSMENT_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            size,
        });
    }
    Ok(())
}

/// Opens the assessment at `path` for saving over it or locking it: a regular file,
/// never through a symbolic link. `None` when there is no file.
fn open_current(path: &Path) -> Result<Option<File>, StoreError> {
    match open_regular(path, Links::Refuse) {
        Ok(file) => Ok(Some(file)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => {
            if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
                let target = fs::read_link(path).unwrap_or_default();
                let target = match path.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
                return Err(StoreError::Symlink {
                    path: path.to_path_buf(),
                    target,
                });
            }
            if is_not_regular(&e) {
                return Err(StoreError::NotRegular {
                    path: path.to_path_buf(),
                });
            }
            Err(io("open", path)(e))
        }
    }
}

/// Saves an assessment atomically, keeping the previous version as the backup.
///
/// For a file no other process has open; a process that holds the lock saves with
/// [`AssessmentLock::save`]. A symbolic link is refused, never replaced or followed.
pub fn save(path: &Path, assessment: &Assessment) -> Result<(), StoreError> {
    let bytes = to_json(assessment);
    check_size(path, &bytes)?;
    if let Some(current) = open_current(path)? {
        keep_backup(path, &current)?;
    }
    write_atomic(path, &bytes, Mode::Private)
}

/// Where the copy of an assessment kept before migrating it from questionnaire `version`
/// goes: `acme.json.v1.0.0.bak`, or `acme.json.v1.0.0-2.bak` if that name is taken.
pub fn pre_migration_path(path: &Path, version: &str) -> PathBuf {
    let safe: String = version
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    (1..)
        .map(|n| {
            let suffix = if n == 1 {
                format!(".v{safe}.bak")
            } else {
                format!(".v{safe}-{n}.bak")
            };
            sibling(path, "", &suffix)
        })
        .find(|p| fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| sibling(path, "", &format!(".v{safe}.bak")))
}

/// Saves an assessment migrated to a newer questionnaire version, under its lock:
/// first a copy of the file as it was (never overwritten by later saves), then the
/// migrated file. Returns the copy's path.
pub fn save_migrated(
    lock: &mut AssessmentLock,
    from_version: &str,
    migrated: &Assessment,
) -> Result<PathBuf, StoreError> {
    let path = lock.assessment.clone();
    let original = read_limited(&path, MAX_ASSESSMENT_BYTES).map_err(io("read", &path))?;
    let copy = pre_migration_path(&path, from_version);
    write_atomic(&copy, &original, Mode::Private)?;
    lock.save(migrated)?;
    Ok(copy)
}

/// Creates a new assessment file; refuses to replace an existing one. Creation is
/// exclusive: of two processes creating the same name, one gets [`StoreError::Exists`].
pub fn create(path: &Path, assessment: &Assessment) -> Result<(), StoreError> {
    let bytes = to_json(assessment);
    check_size(path, &bytes)?;
    if fs::symlink_metadata(path).is_ok() {
        return Err(StoreError::Exists {
            path: path.to_path_buf(),
        });
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(io("create the folder", dir))?;
    }
    let (tmp, dir) = write_temp(path, &bytes, Mode::Private)?;
    match tmp.persist_noclobber(path) {
        Ok(_) => sync_dir(&dir),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Err(StoreError::Exists {
            path: path.to_path_buf(),
        }),
        Err(e) => Err(io("create", path)(e.error)),
    }
}

/// The folder of `path` (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Keeps `current` (the open file now at `path`) as the backup. The backup is staged
/// under a fresh random name, created exclusively, then renamed over `NAME.json.bak`:
/// a name planted in the folder (a symlink, a hard link) is never written through.
/// A hard link costs no copy; when one cannot be made to this very file (no hard
/// links, the name was swapped, the file is someone else's), the content is copied
/// into a new private file instead.
fn keep_backup(path: &Path, current: &File) -> Result<(), StoreError> {
    let backup = backup_path(path);
    let dir = folder_of(path);
    let prefix = format!(".{}.", file_name_of(path));
    let staging = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".bak.tmp")
        .make_in(&dir, |p| fs::hard_link(path, p))
        .ok()
        .filter(|linked| is_same_file(current, linked.path()) && make_private(current));
    let staged_name = match staging {
        Some(linked) => {
            let name = linked.path().to_path_buf();
            linked
                .persist(&backup)
                .map_err(|e| io("write the backup", &backup)(e.error))?;
            name
        }
        None => {
            let mut copy = tempfile::Builder::new()
                .prefix(&prefix)
                .suffix(".bak.tmp")
                .tempfile_in(&dir)
                .map_err(io("create a temporary file in", &dir))?;
            let mut source = current;
            source
                .rewind()
                .and_then(|()| {
                    std::io::copy(&mut source.take(MAX_ASSESSMENT_BYTES), copy.as_file_mut())
                })
                .and_then(|_| copy.as_file().sync_all())
                .map_err(io("write the backup", copy.path()))?;
            let name = copy.path().to_path_buf();
            copy.persist(&backup)
                .map_err(|e| io("write the backup", &backup)(e.error))?;
            name
        }
    };
    // rename(2) does nothing when both names are links to one file (the backup already
    // holds this content): the staging name would linger.
    let _ = fs::remove_file(staged_name);
    Ok(())
}

/// Whether `path` names the very file `file` is open on (no link followed).
fn is_same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        match (file.metadata(), fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        false
    }
}

/// Makes the open file 0600; false when it is not ours to change.
fn make_private(file: &File) -> bool {
    #[cfg(unix)]
    {
        file.set_permissions(fs::Permissions::from_mode(0o600))
            .is_ok()
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        true
    }
}

/// Who may read a written file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// 0600: assessments, backups, questionnaire copies.
    Private,
    /// 0666 less the user's umask: exports meant to be shared.
    Shared,
}

/// Writes `bytes` to a new temporary file beside `path`, flushed to disk; returns it
/// with its folder.
fn write_temp(
    path: &Path,
    bytes: &[u8],
    mode: Mode,
) -> Result<(tempfile::NamedTempFile, PathBuf), StoreError> {
    let dir = folder_of(path);
    let prefix = format!(".{}.", file_name_of(path));
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    if mode == Mode::Shared {
        // open(2) applies the umask to this mode.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut tmp = builder
        .tempfile_in(&dir)
        .map_err(io("create a temporary file in", &dir))?;
    tmp.write_all(bytes).map_err(io("write", tmp.path()))?;
    tmp.as_file().sync_all().map_err(io("write", tmp.path()))?;
    Ok((tmp, dir))
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, fsync,
/// rename over the target, fsync of the folder. A symlink at `path` is replaced, its
/// target untouched. Readers see the old file or the new one, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: Mode) -> Result<(), StoreError> {
    let (tmp, dir) = write_temp(path, bytes, mode)?;
    tmp.persist(path)
        .map_err(|e| io("replace", path)(e.error))?;
    sync_dir(&dir)
}

fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io("sync the folder", dir))
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

/// The process id written in the lock file, if it reads as one.
fn holder_hint(lock_file: &Path) -> Option<u32> {
    let mut file = open_regular(lock_file, Links::Refuse).ok()?;
    let bytes = read_bounded(&mut file, MAX_HINT_BYTES).ok()?;
    std::str::from_utf8(&bytes).ok()?.trim().parse().ok()
}

/// An advisory lock on an assessment, held while the value lives.
///
/// On Unix the lock is on the assessment file itself, so no name in the folder can be
/// removed or planted to take it away: each save locks the new file before it takes
/// the assessment's name. `.NAME.json.lock` only tells others the holder's process id;
/// it is replaced, never written through. Elsewhere the lock is on that file.
///
/// The operating system releases it when the process ends, however it ends.
#[derive(Debug)]
pub struct AssessmentLock {
    /// The locked file: the assessment as it is now (Unix) or the lock file.
    file: File,
    assessment: PathBuf,
    path: PathBuf,
}

impl AssessmentLock {
    /// Takes the lock on `assessment`, or says which process holds it.
    #[cfg(unix)]
    pub fn acquire(assessment: &Path) -> Result<Self, StoreError> {
        let path = lock_path(assessment);
        // The holder's save swaps the file under its name; the lock taken must be on
        // the file that still has the name.
        for _ in 0..100 {
            let Some(file) = open_current(assessment)? else {
                return Err(io("open", assessment)(std::io::Error::from(
                    std::io::ErrorKind::NotFound,
                )));
            };
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(StoreError::InUse {
                        path: assessment.to_path_buf(),
                        pid: holder_hint(&path),
                    });
                }
                Err(fs::TryLockError::Error(e)) => return Err(io("lock", assessment)(e)),
            }
            if is_same_file(&file, assessment) {
                write_atomic(
                    &path,
                    std::process::id().to_string().as_bytes(),
                    Mode::Private,
                )?;
                clean_leftovers(assessment);
                return Ok(AssessmentLock {
                    file,
                    assessment: assessment.to_path_buf(),
                    path,
                });
            }
        }
        Err(StoreError::InUse {
            path: assessment.to_path_buf(),
            pid: holder_hint(&path),
        })
    }

    /// Takes the lock on `assessment`, or says which process holds it.
    #[cfg(not(unix))]
    pub fn acquire(assessment: &Path) -> Result<Self, StoreError> {
        let path = lock_path(assessment);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io("open the lock file", &path))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(StoreError::InUse {
                    path: assessment.to_path_buf(),
                    pid: None,
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(io("lock", &path)(e)),
        }
        file.set_len(0).map_err(io("write the lock file", &path))?;
        write!(file, "{}", std::process::id()).map_err(io("write the lock file", &path))?;
        clean_leftovers(assessment);
        Ok(AssessmentLock {
            file,
            assessment: assessment.to_path_buf(),
            path,
        })
    }

    /// The lock file (the holder's process id).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the locked assessment (the very file the lock is on).
    pub fn read(&self) -> Result<Assessment, StoreError> {
        #[cfg(unix)]
        {
            let mut file = &self.file;
            file.rewind().map_err(io("read", &self.assessment))?;
            let mut bytes = Vec::new();
            file.take(MAX_ASSESSMENT_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(io("read", &self.assessment))?;
            if bytes.len() as u64 > MAX_ASSESSMENT_BYTES {
                return Err(read_error(
                    &self.assessment,
                    std::io::Error::from(std::io::ErrorKind::FileTooLarge),
                ));
            }
            parse_bytes(&bytes, &self.assessment)
        }
        #[cfg(not(unix))]
        {
            read(&self.assessment)
        }
    }

    /// Saves the assessment under the lock: atomically, with the backup, and the lock
    /// moves to the new file before it takes the name. If another program replaced the
    /// file and holds the replacement, nothing is written ([`StoreError::Replaced`]).
    pub fn save(&mut self, assessment: &Assessment) -> Result<(), StoreError> {
        #[cfg(unix)]
        {
            let path = self.assessment.clone();
            let bytes = to_json(assessment);
            check_size(&path, &bytes)?;
            self.check_still_held()?;
            if fs::symlink_metadata(&path).is_ok() {
                keep_backup(&path, &self.file)?;
            }
            let (tmp, dir) = write_temp(&path, &bytes, Mode::Private)?;
            // Locked before it has the name: no moment where the name is unlocked.
            tmp.as_file()
                .try_lock()
                .map_err(|e| io("lock", tmp.path())(std::io::Error::from(e)))?;
            let file = tmp
                .persist(&path)
                .map_err(|e| io("replace", &path)(e.error))?;
            self.file = file;
            sync_dir(&dir)
        }
        #[cfg(not(unix))]
        {
            save(&self.assessment, assessment)
        }
    }

    /// Checks that the file at the assessment's name is still the locked one. A file
    /// another program put there is taken over when nobody holds it, and refused when
    /// another aims-readiness has it open. A removed file is simply written again.
    #[cfg(unix)]
    fn check_still_held(&mut self) -> Result<(), StoreError> {
        let path = &self.assessment;
        if is_same_file(&self.file, path) || fs::symlink_metadata(path).is_err() {
            return Ok(());
        }
        let Some(other) = open_current(path)? else {
            return Ok(());
        };
        match other.try_lock() {
            Ok(()) => {
                self.file = other;
                Ok(())
            }
            Err(fs::TryLockError::WouldBlock) => Err(StoreError::Replaced {
                path: path.to_path_buf(),
            }),
            Err(fs::TryLockError::Error(e)) => Err(io("lock", path)(e)),
        }
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
