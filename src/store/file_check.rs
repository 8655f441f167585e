//! Checks a file is a healthy studio database before anything opens it for writing.

use super::{Error, Result, schema};
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::Path;

/// What a file that is not `SQLite` seems to be, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A PNG image.
    Png,
    /// A JPEG photo.
    Jpeg,
    /// A PDF document.
    Pdf,
    /// A ZIP archive — also what `.xlsx` and `.docx` files are.
    Zip,
    /// An old Excel or Word file (`.xls`, `.doc`).
    OleDocument,
    /// Plain text, e.g. a CSV sheet.
    Text,
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Looks at the file's size and header without `SQLite`.
pub(super) fn inspect(path: &Path) -> Result<()> {
    super::check_path_length(path)?;
    let metadata = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound,
        _ => Error::Io(e),
    })?;
    if metadata.is_dir() {
        return Err(Error::IsDirectory);
    }
    let length = metadata.len();
    if length == 0 {
        return Err(Error::Empty);
    }
    let mut header = [0u8; 100];
    let mut file = std::fs::File::open(path)?;
    let read = read_up_to(&mut file, &mut header)?;
    if read < 100 || &header[..16] != SQLITE_MAGIC {
        return Err(Error::NotSqlite {
            looks_like: sniff(&header[..read]),
        });
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size if size >= 512 && size.is_power_of_two() => u64::from(size),
        _ => return Err(Error::Corrupt("invalid page size in the header".to_owned())),
    };
    let change_counter = &header[24..28];
    let valid_for = &header[92..96];
    let page_count = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    // A write-ahead log beside the file holds pages not yet copied into it (a program that
    // stopped mid-checkpoint leaves a header that already counts them): SQLite completes the
    // file from the log, so only a file without one is judged by its length.
    if has_log(path) {
        return Ok(());
    }
    if length % page_size != 0 {
        return Err(Error::Truncated);
    }
    if change_counter == valid_for && page_count > 0 && length < page_count * page_size {
        return Err(Error::Truncated);
    }
    Ok(())
}

/// Whether a non-empty `-wal` file lies beside `path`.
fn has_log(path: &Path) -> bool {
    let mut log = path.as_os_str().to_os_string();
    log.push("-wal");
    std::fs::metadata(std::path::PathBuf::from(log)).is_ok_and(|m| m.len() > 0)
}

/// A read-only connection that leaves no trace: when the file has no write-ahead log beside it
/// (nobody is writing it), it is opened `immutable`, so `SQLite` creates no `-wal` or `-shm`
/// files next to a file the user only looked at.
pub(super) fn open_probe(path: &Path) -> Result<Connection> {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if Path::new(&wal).exists() {
        return Ok(Connection::open_with_flags(path, flags)?);
    }
    let uri = file_uri(path)?;
    Ok(Connection::open_with_flags(
        format!("{uri}?immutable=1"),
        flags | OpenFlags::SQLITE_OPEN_URI,
    )?)
}

/// `path` as an `SQLite` `file:` URI (absolute, `/`-separated, with `%`, `?` and `#` escaped).
fn file_uri(path: &Path) -> Result<String> {
    let absolute = std::path::absolute(path)?;
    let text = absolute.to_str().ok_or(Error::NotFound)?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for c in text.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            _ => uri.push(c),
        }
    }
    Ok(uri)
}

/// Whether `path` is a studio file (of any version), without changing it.
pub(super) fn is_studio_file(path: &Path) -> bool {
    inspect(path).is_ok()
        && open_probe(path).is_ok_and(|probe| {
            probe
                .query_row("PRAGMA application_id", [], |r| r.get::<_, i32>(0))
                .is_ok_and(|id| id == schema::APPLICATION_ID)
        })
}

/// Checks, on a read-only connection, that the file is ours, not from a newer version, and
/// undamaged. Returns its schema version.
pub(super) fn check_identity(probe: &Connection) -> Result<i64> {
    let version = check_header(probe)?;
    quick_check(probe)?;
    Ok(version)
}

/// Checks that the file is ours and not from a newer version, from its header alone (the
/// pages are left to [`quick_check`]). Returns its schema version.
pub(super) fn check_header(probe: &Connection) -> Result<i64> {
    let application_id: i32 = probe.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = probe.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if application_id != schema::APPLICATION_ID {
        return Err(Error::ForeignApplication);
    }
    // The header's version is four bytes that a damaged file may hold anything in.
    if version < 0 {
        return Err(Error::Corrupt(format!("invalid schema version {version}")));
    }
    if version > schema::current_version() {
        return Err(Error::NewerVersion {
            found: version,
            supported: schema::current_version(),
        });
    }
    Ok(version)
}

/// `SQLite`'s `quick_check`: every page sound, and every row's CHECK, NOT NULL and STRICT
/// types verified.
pub(super) fn quick_check(probe: &Connection) -> Result<()> {
    let mut statement = probe.prepare("PRAGMA quick_check")?;
    let problems: Vec<String> = statement
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    if problems != ["ok"] {
        return Err(Error::Corrupt(problems.join("; ")));
    }
    Ok(())
}

fn read_up_to(file: &mut std::fs::File, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Names common file types by their magic numbers, so a message can say "this is a photo".
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    const SIGNATURES: &[(&[u8], FileKind)] = &[
        (b"\x89PNG\r\n\x1a\n", FileKind::Png),
        (b"\xff\xd8\xff", FileKind::Jpeg),
        (b"%PDF", FileKind::Pdf),
        (b"PK\x03\x04", FileKind::Zip),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", FileKind::OleDocument),
    ];
    if let Some((_, kind)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(*kind);
    }
    let printable = bytes
        .iter()
        .filter(|&&b| {
            b == b'\n' || b == b'\r' || b == b'\t' || (b' '..0x7f).contains(&b) || b >= 0x80
        })
        .count();
    let utf8 = match std::str::from_utf8(bytes) {
        Ok(_) => true,
        // A character cut off by the end of the sample is still text.
        Err(error) => error.error_len().is_none(),
    };
    (!bytes.is_empty() && printable == bytes.len() && utf8).then_some(FileKind::Text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(windows))]
    #[test]
    fn uris_escape_what_sqlite_would_misread() {
        let uri = file_uri(Path::new("/tmp/书记 #1?%.db")).expect("uri");
        assert_eq!(uri, "file:///tmp/书记 %231%3f%25.db");
    }

    #[cfg(windows)]
    #[test]
    fn windows_paths_become_uris_with_forward_slashes_after_the_drive() {
        let uri = file_uri(Path::new(r"D:\村里的 U盘\书记 #1%.db")).expect("uri");
        assert_eq!(uri, "file:///D:/村里的 U盘/书记 %231%25.db");
    }
}
