//! Another village's file is untrusted input: copied to a private place, opened with
//! `SQLite`'s defences for foreign files, checked (identity, `quick_check`, exactly our schema)
//! before a record is read.

use crate::domain::merge::{Seen, Uuid, Version};
use crate::store::{Error, Result, file_check, schema};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Copies `path` (and its write-ahead log) to a private temporary file and opens the copy
/// with the defences for foreign files; an older schema is migrated in the copy. The copy is
/// removed when the returned guard is dropped.
pub(super) fn open_foreign(path: &Path, passphrase: Option<&str>) -> Result<ForeignCopy> {
    let copy = if crate::store::sealed::is_sealed(path) {
        let passphrase = passphrase.ok_or(Error::NeedsPassphrase)?;
        let copy = TemporaryCopy::new()?;
        crate::store::sealed::unseal(path, &copy.path, passphrase)?;
        file_check::inspect(&copy.path)?;
        copy
    } else {
        file_check::inspect(path)?;
        TemporaryCopy::of(path)?
    };
    let conn = open_defended(&copy.path)?;
    Ok(ForeignCopy { conn, copy })
}

/// Opens a private copy of a foreign file with `SQLite`'s defences for untrusted files: no
/// triggers or views run, no function of the file's schema is trusted, every cell's size is
/// checked as it is read.
pub(super) fn open_defended(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false)?;
    conn.execute_batch("PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0;")?;
    Ok(conn)
}

/// The other file's private copy, open. Fields drop in order: the connection is closed before
/// the copy is removed, since Windows cannot remove a file that is still open (the other
/// village's phone numbers would stay behind in the temporary folder).
pub(super) struct ForeignCopy {
    pub(super) conn: Connection,
    /// Held only to be removed when dropped, after the connection.
    #[allow(dead_code)]
    pub(super) copy: TemporaryCopy,
}

/// Checks a foreign file before its records are read: its identity and version, `SQLite`'s
/// `quick_check` (which also verifies every row's CHECK, NOT NULL and STRICT types), then
/// migrates an older schema and requires the schema to be exactly ours.
pub(super) fn validate_foreign(conn: &mut Connection) -> Result<()> {
    if !check_foreign_schema(conn)? {
        file_check::quick_check(conn)?;
    }
    Ok(())
}

/// The part of [`validate_foreign`] a merge cannot read records without: the identity and
/// version, and exactly our schema. A file of an older schema is `quick_check`ed and migrated
/// in its copy first (returns true); for one of ours the `quick_check` is left to the caller
/// (returns false), which runs it beside reading and trusts nothing read until it passes.
pub(super) fn check_foreign_schema(conn: &mut Connection) -> Result<bool> {
    let version = file_check::check_header(conn)?;
    let checked = version < schema::current_version();
    if checked {
        file_check::quick_check(conn)?;
        crate::store::migrate(conn)?;
    }
    check_schema(conn)?;
    Ok(checked)
}

/// Whether we have already seen everything in a foreign file: every change to a file (a
/// merge too) moves its clock, so its site's clock at most what we have seen of that site
/// means nothing in it is new. Read before any check: a file that lies can only make us
/// take nothing from it. Anything unreadable means "not seen".
pub(super) fn already_seen(conn: &Connection, ours: &Seen) -> bool {
    let read = || -> rusqlite::Result<Option<Version>> {
        let application: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if application != schema::APPLICATION_ID {
            return Ok(None);
        }
        let value = |key: &str| -> rusqlite::Result<i64> {
            conn.query_row("SELECT value FROM local WHERE key = ?1", [key], |r| {
                r.get(0)
            })
        };
        let (site, clock) = (value("site_id")?, value("max_hlc")?);
        let uuid: Vec<u8> =
            conn.query_row("SELECT uuid FROM site WHERE id = ?1", [site], |r| r.get(0))?;
        Ok(<Uuid>::try_from(uuid.as_slice())
            .ok()
            .map(|site| Version { clock, site }))
    };
    matches!(read(), Ok(Some(version)) if version.clock > 0 && ours.has_seen(version))
}

/// The file's schema must be exactly ours: no table, view, trigger or index we do not know.
pub(super) fn check_schema(conn: &Connection) -> Result<()> {
    type Entries = Vec<(String, String, Option<String>)>;
    // Our schema, made once in memory by our own migrations.
    static OURS: std::sync::OnceLock<Entries> = std::sync::OnceLock::new();
    let read = |c: &Connection| -> Result<Entries> {
        Ok(c.prepare(
            "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?)
    };
    let ours = if let Some(ours) = OURS.get() {
        ours
    } else {
        let mut reference = Connection::open_in_memory()?;
        crate::store::migrate(&mut reference)?;
        let entries = read(&reference)?;
        OURS.get_or_init(|| entries)
    };
    let theirs = read(conn)?;
    for entry in &theirs {
        if !ours.contains(entry) {
            return Err(Error::ForeignSchema(format!("{} {}", entry.0, entry.1)));
        }
    }
    if let Some(missing) = ours.iter().find(|e| !theirs.contains(e)) {
        return Err(Error::ForeignSchema(format!("{} {}", missing.0, missing.1)));
    }
    Ok(())
}

impl ForeignCopy {
    /// Closes the connection and keeps the copy (removed when the result is dropped).
    pub(super) fn keep(self) -> TemporaryCopy {
        let Self { conn, copy } = self;
        drop(conn);
        copy
    }
}

/// A private copy of a foreign file, deleted when dropped.
#[derive(Debug)]
pub(super) struct TemporaryCopy {
    pub(super) path: PathBuf,
}

impl TemporaryCopy {
    /// A new name in this computer's private temporary folder, removed when dropped.
    pub(super) fn new() -> Result<Self> {
        let folder = std::env::temp_dir().join("secretary-studio-merge");
        std::fs::create_dir_all(&folder)?;
        Ok(Self {
            path: folder.join(format!("{}.db", uuid::Uuid::now_v7())),
        })
    }

    pub(super) fn of(source: &Path) -> Result<Self> {
        let copy = Self::new()?;
        std::fs::copy(source, &copy.path)?;
        let mut wal = source.as_os_str().to_owned();
        wal.push("-wal");
        if Path::new(&wal).is_file() {
            let mut target = copy.path.as_os_str().to_owned();
            target.push("-wal");
            std::fs::copy(&wal, target)?;
        }
        Ok(copy)
    }
}

impl Drop for TemporaryCopy {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = self.path.as_os_str().to_owned();
            name.push(suffix);
            let _ = std::fs::remove_file(name);
        }
    }
}
