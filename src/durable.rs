//! Files that appear whole or not at all, on Windows as elsewhere: written under a temporary
//! name beside their place, flushed to the disk, then moved over the old file in one step.
//!
//! Windows differs in three ways that matter here, each handled in one place below:
//! - flushing (`FlushFileBuffers`) needs a handle opened for writing; a read-only one gets
//!   "Access denied", which once stopped the app at its first start;
//! - a folder cannot be opened to flush it (NTFS journals the rename itself);
//! - a file another program holds open (Excel holding an export, a viewer holding a PDF)
//!   cannot be replaced: that is said in words, not as an OS error number.
//!
//! Imports nothing of ours; `i18n` says its errors in the user's language.

use std::io;
use std::path::{Path, PathBuf};

/// Why a file could not be written in its place. Nothing was changed when this is returned.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Another program (Excel, WPS, a PDF viewer) has the file open, so it cannot be replaced.
    #[error("the file is open in another program")]
    InUse,
    /// The file, its folder or the whole drive is read-only (a write-protected USB stick).
    #[error("the file or its folder is read-only")]
    ReadOnly,
    /// The disk (or USB stick) is full.
    #[error("the disk is full")]
    DiskFull,
    /// The folder is not there (a USB stick pulled out).
    #[error("the folder does not exist")]
    NoSuchFolder,
    /// Any other failure, as the system said it.
    #[error("{0}")]
    Other(io::Error),
}

/// A hidden temporary name beside `path`, in the same folder so that the final move is one
/// step, and unique to this call (and process).
pub fn temporary_beside(path: &Path) -> PathBuf {
    // Unique per call as well as per process: two threads writing the same file (a window
    // closed and opened again in the same second, each making its daily backup) must not
    // remove each other's copy while it is written.
    static CALLS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".{}-{call}.partial", std::process::id()));
    path.with_file_name(name)
}

/// Flushes a file that was written to (by us or by `SQLite`) to the disk. It is opened for
/// writing because Windows refuses to flush through a read-only handle.
pub fn sync_file(path: &Path) -> io::Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)?
        .sync_all()
}

/// Flushes `folder`'s list of names, so a file moved into it is still there after a power
/// cut. Windows cannot open a folder for this, and needs not: NTFS journals the move.
pub fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(folder)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        Ok(())
    }
}

/// Flushes `temporary` and moves it over `destination` (replacing a file there) in one step.
/// On failure `temporary` is removed and `destination` is as it was.
pub fn replace(temporary: &Path, destination: &Path) -> Result<(), WriteError> {
    let result = sync_file(temporary)
        .and_then(|()| std::fs::rename(temporary, destination))
        .and_then(|()| sync_folder(folder_of(destination)));
    result.map_err(|error| {
        let _ = std::fs::remove_file(temporary);
        classify(error, destination)
    })
}

/// Writes `bytes` as the whole of `path`: a reader sees the old file or the new one, never a
/// part, and a failure leaves the old file as it was.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    if !folder_of(path).is_dir() {
        return Err(WriteError::NoSuchFolder);
    }
    let temporary = temporary_beside(path);
    if let Err(error) = std::fs::write(&temporary, bytes) {
        let _ = std::fs::remove_file(&temporary);
        return Err(classify(error, path));
    }
    replace(&temporary, path)
}

/// The folder `path` is in (`.` for a bare file name).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Says in our words why writing `destination` failed with `error`.
pub fn classify(error: io::Error, destination: &Path) -> WriteError {
    if error.kind() == io::ErrorKind::StorageFull {
        return WriteError::DiskFull;
    }
    if held_by_another_program(&error, destination) {
        return WriteError::InUse;
    }
    if !folder_of(destination).is_dir() {
        return WriteError::NoSuchFolder;
    }
    let denied = matches!(
        error.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    );
    if denied || !writable_folder(destination) {
        return WriteError::ReadOnly;
    }
    WriteError::Other(error)
}

/// Whether Windows refused because another program has `destination` open: a sharing or lock
/// violation, a file mapped by a viewer, or "access denied" on a file that is not read-only in
/// a folder we can write (how replacing a file open in Excel fails).
#[cfg(windows)]
fn held_by_another_program(error: &io::Error, destination: &Path) -> bool {
    const ERROR_ACCESS_DENIED: i32 = 5;
    const ERROR_SHARING_VIOLATION: i32 = 32;
    const ERROR_LOCK_VIOLATION: i32 = 33;
    const ERROR_USER_MAPPED_FILE: i32 = 1224;
    match error.raw_os_error() {
        Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION | ERROR_USER_MAPPED_FILE) => true,
        Some(ERROR_ACCESS_DENIED) => {
            std::fs::metadata(destination).is_ok_and(|m| !m.permissions().readonly())
                && writable_folder(destination)
        }
        _ => false,
    }
}

/// Elsewhere a file open in another program can be replaced.
#[cfg(not(windows))]
fn held_by_another_program(_error: &io::Error, _destination: &Path) -> bool {
    false
}

/// The longest path (in UTF-16 units, as Windows counts) a studio file may have on Windows.
/// `SQLite` opens files without the long-path prefix, so Windows' limit of 259 characters
/// holds; the file needs room for the names put beside it (`-journal`, a `.partial` copy, and
/// its backups in `名称-备份\20211130-093000-每日.db`).
pub const MAX_STUDIO_PATH_ON_WINDOWS: usize = 200;

/// How long `path` is, absolute, where that is too long for a studio file on Windows; `None`
/// where it is not (and always elsewhere, where paths are not limited so).
pub fn too_long_for_windows(path: &Path) -> Option<usize> {
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStrExt;
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let length = absolute.as_os_str().encode_wide().count();
        (length > MAX_STUDIO_PATH_ON_WINDOWS).then_some(length)
    }
    #[cfg(not(windows))]
    {
        let _ = path;
        None
    }
}

/// Whether a file can be made in `path`'s folder: tried, since a read-only mount or a
/// write-protected stick does not show in the folder's permissions.
pub fn writable_folder(path: &Path) -> bool {
    let probe = folder_of(path).join(format!(".secretary-studio-probe-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(file) => {
            drop(file);
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(error) => error.kind() == io::ErrorKind::AlreadyExists,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_file_replaces_the_old_one_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("导出 台账.csv");
        write_whole(&path, "旧".as_bytes()).expect("first");
        write_whole(&path, "新的内容".as_bytes()).expect("second");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "新的内容");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, [std::ffi::OsString::from("导出 台账.csv")]);
    }

    #[test]
    fn a_missing_folder_is_said_and_nothing_is_written() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("拔出的U盘").join("纪要.pdf");
        assert!(matches!(
            write_whole(&path, b"%PDF"),
            Err(WriteError::NoSuchFolder)
        ));
        assert!(!path.exists());
    }

    #[test]
    fn a_full_disk_is_told_apart_from_other_failures() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("a.db");
        let full = io::Error::new(io::ErrorKind::StorageFull, "no space");
        assert!(matches!(classify(full, &path), WriteError::DiskFull));
        let other = io::Error::other("something else");
        assert!(matches!(classify(other, &path), WriteError::Other(_)));
    }

    #[test]
    fn the_temporary_name_is_hidden_beside_the_file() {
        let path = Path::new("打印件").join("活动纪要 2021年5月20日.pdf");
        let temporary = temporary_beside(&path);
        assert_eq!(temporary.parent(), path.parent());
        let name = temporary.file_name().expect("name").to_string_lossy();
        assert!(name.starts_with(".活动纪要 2021年5月20日.pdf."));
        assert!(name.ends_with(".partial"));
        assert_ne!(temporary_beside(&path), temporary, "each call its own");
    }

    /// Excel opens a workbook sharing it for reading only; replacing it must say so.
    #[cfg(windows)]
    #[test]
    fn a_file_open_in_another_program_is_said_in_words() {
        use std::os::windows::fs::OpenOptionsExt;
        const FILE_SHARE_READ: u32 = 1;
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("花名册 导出.xlsx");
        std::fs::write(&path, b"old").expect("write");
        let held = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .share_mode(FILE_SHARE_READ)
            .open(&path)
            .expect("hold");
        assert!(matches!(write_whole(&path, b"new"), Err(WriteError::InUse)));
        drop(held);
        assert_eq!(std::fs::read(&path).expect("read"), b"old");
        write_whole(&path, b"new").expect("once closed");
    }
}
