//! The lock that keeps a second writer out while an assessment is open.

use super::*;

/// The process id written in the lock file, if it reads as one.
#[cfg(unix)]
pub(super) fn holder_hint(lock_file: &Path) -> Option<u32> {
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
    /// The locked file: the assessment as it is now (Unix) or the lock file. Elsewhere
    /// it is only held: the lock lasts as long as the handle.
    #[cfg_attr(not(unix), allow(dead_code))]
    file: File,
    pub(super) assessment: PathBuf,
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
