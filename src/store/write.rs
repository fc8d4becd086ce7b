//! Writing: atomic saves, backups, exclusive creation, leftovers of a crash.

use super::*;

/// The JSON text an assessment is saved as.
pub fn to_json(assessment: &Assessment) -> Vec<u8> {
    // Serializing plain data with string keys cannot fail.
    let mut bytes = serde_json::to_vec_pretty(assessment).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// Refuses bytes this program would not read back.
pub(super) fn check_size(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
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
pub(super) fn open_current(path: &Path) -> Result<Option<File>, StoreError> {
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
pub(super) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

pub(super) fn file_name_of(path: &Path) -> String {
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
pub(super) fn keep_backup(path: &Path, current: &File) -> Result<(), StoreError> {
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
pub(super) fn is_same_file(file: &File, path: &Path) -> bool {
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
pub(super) fn make_private(file: &File) -> bool {
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
pub(super) fn write_temp(
    path: &Path,
    bytes: &[u8],
    mode: Mode,
) -> Result<(tempfile::NamedTempFile, PathBuf), StoreError> {
    let dir = folder_of(path);
    let prefix = format!(".{}.", file_name_of(path));
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
    Ok((tmp, dir))
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, fsync,
/// rename over the target, fsync of the folder. A symlink at `path` is replaced, its
/// target untouched. Readers see the old file or the new one, never a mix.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: Mode) -> Result<(), StoreError> {
    let (tmp, dir) = write_temp(path, bytes, mode)?;
    platform::replace(tmp, path).map_err(io("replace", path))?;
    sync_dir(&dir)
}

pub(super) fn sync_dir(dir: &Path) -> Result<(), StoreError> {
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
