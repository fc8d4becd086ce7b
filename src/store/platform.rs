//! What "private" and "flushed to disk" mean on each operating system: the only
//! platform-specific code of the store.
//!
//! - **Unix (Linux, macOS)**: files are created `0600` and folders `0700` whatever the
//!   umask, and an existing file is narrowed back to `0600` on its next save. After the
//!   rename that replaces a file, the folder is flushed (fsync) so the rename itself
//!   survives a power cut.
//! - **Windows**: there are no modes. The data folder lies in the user's profile
//!   (`%APPDATA%`), whose default access list admits only that user, the system and
//!   administrators; files created there inherit it, so nothing is set here. A folder
//!   chosen with `AIMS_READINESS_HOME` keeps that folder's own access list. The replace
//!   is a rename with POSIX semantics where Windows has them (see [`replace`]), which
//!   NTFS journals; Windows cannot flush a folder, so that step is skipped.

pub(super) use imp::*;

#[cfg(unix)]
mod imp {
    use std::fs::{DirBuilder, File, Permissions};
    use std::io;
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    use std::path::Path;

    /// Folders are created `0700`.
    pub(in crate::store) fn private_dir_builder(builder: &mut DirBuilder) {
        builder.mode(0o700);
    }

    /// A shared export gets `0666` less the umask (open(2) applies it), not the
    /// temporary file's `0600`.
    pub(in crate::store) fn shared_export(builder: &mut tempfile::Builder<'_, '_>) {
        builder.permissions(Permissions::from_mode(0o666));
    }

    /// Flushes the folder so the rename that replaced a file reaches the disk.
    pub(in crate::store) fn sync_dir(dir: &Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }

    /// Renames the written temporary file over `path` (rename(2): atomic, and readers
    /// that have the old file open keep reading it).
    pub(in crate::store) fn replace(tmp: tempfile::NamedTempFile, path: &Path) -> io::Result<()> {
        tmp.persist(path).map(drop).map_err(|e| e.error)
    }
}

#[cfg(windows)]
mod imp {
    use std::fs::DirBuilder;
    use std::io;
    use std::os::windows::ffi::OsStrExt;
    use std::path::Path;

    use windows_sys::Win32::Storage::FileSystem::{FILE_ATTRIBUTE_NORMAL, SetFileAttributesW};

    /// Folders inherit the profile's access list.
    pub(in crate::store) fn private_dir_builder(_builder: &mut DirBuilder) {}

    /// Exports inherit the folder's access list, like any file the user saves.
    pub(in crate::store) fn shared_export(_builder: &mut tempfile::Builder<'_, '_>) {}

    /// Windows cannot flush a folder; NTFS journals the rename.
    pub(in crate::store) fn sync_dir(_dir: &Path) -> io::Result<()> {
        Ok(())
    }

    /// Renames the written temporary file over `path`.
    ///
    /// `std::fs::rename`, not `tempfile`'s persist: std asks for POSIX rename semantics
    /// (Windows 10 and later, on NTFS), which replace the file even while another
    /// program (a virus scanner, the search indexer, a sync client) has it open for
    /// reading; `MoveFileExW`, which persist uses, then fails with "access denied". Where
    /// those semantics are missing, std falls back to the `MoveFileExW` behaviour.
    pub(in crate::store) fn replace(tmp: tempfile::NamedTempFile, path: &Path) -> io::Result<()> {
        // Closes our handle first: the rename must not find the source open.
        let tmp = tmp.into_temp_path();
        // tempfile creates its files with the "temporary" attribute (kept in memory,
        // meant to be deleted); the saved file must be an ordinary one, as persist
        // would have made it.
        let wide: Vec<u16> = tmp.as_os_str().encode_wide().chain(Some(0)).collect();
        // SAFETY: `wide` is a NUL-terminated UTF-16 path that outlives the call.
        if unsafe { SetFileAttributesW(wide.as_ptr(), FILE_ATTRIBUTE_NORMAL) } == 0 {
            return Err(io::Error::last_os_error());
        }
        std::fs::rename(&tmp, path)?;
        // The temporary name is gone: nothing left for the guard to delete.
        let _ = tmp.keep();
        Ok(())
    }
}
