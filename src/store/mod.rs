//! The studio database: one `SQLite` file per studio. The only module with SQL.
//!
//! Opening a file checks it before anything is written to it: a file that is empty, not `SQLite`,
//! truncated, damaged, made by another application or by a newer version of ours is refused and
//! left byte-for-byte as it was. Every write is one transaction ([`Store::write`]).

pub mod backup;
pub mod clock;
mod file_check;
pub mod kinds;
pub use pictures::Copy as PictureCopy;
mod ledger;
pub mod merge;
mod pictures;
mod practice;
mod problems;
mod town;
pub use town::{BaseCounts, BaseLinks};
pub mod review;
mod roster;
pub mod schema;
pub mod sealed;
mod systems;

use crate::durable;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

mod error;

pub use error::{Error, InUse, Refusal};
pub use file_check::FileKind;
pub use ledger::{AttendedSession, LedgerYear};
pub use practice::PeopleImportOutcome;
pub use problems::HistoryEntry;
pub use roster::{DashboardFigures, ImportOutcome};
pub use systems::{
    DEFAULT_STALE_DAYS, DocumentHeads, LETTERHEAD_KEY, SIGNER_KEY, STALE_DAYS_KEY, SystemRecord,
};

/// How days are stored: `YYYY-MM-DD`, sortable as text.
const DAY: &str = "%Y-%m-%d";

/// A code stored in `column` ("table.column") read back: one this version does not know is an
/// error naming where and what it is (the file is damaged), never a default in its place.
fn stored<V: std::fmt::Display + ?Sized, T>(
    column: &'static str,
    value: &V,
    parse: impl FnOnce(&V) -> Option<T>,
) -> rusqlite::Result<T> {
    parse(value).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            Box::new(UnknownCode(format!("{column} holds '{value}'"))),
        )
    })
}

/// A stored code this version does not know.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct UnknownCode(String);

/// A stored day.
fn day(text: &str) -> rusqlite::Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text, DAY).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Result of store operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

static GENERATION: AtomicU64 = AtomicU64::new(1);

fn next_generation() -> u64 {
    GENERATION.fetch_add(1, Ordering::Relaxed)
}

/// The studio's own record: its name and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudioInfo {
    /// e.g. 古城镇联村共建书记工作室
    pub name: String,
    /// e.g. 古城镇
    pub town: String,
}

/// The health of a file, as `secretary-studio check` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// `ok`, or what `PRAGMA integrity_check` found.
    pub integrity: Vec<String>,
    /// The file's schema version.
    pub schema_version: i64,
    /// Per table: live records and tombstones.
    pub counts: Vec<TableCount>,
}

/// Records in one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCount {
    /// Table name.
    pub table: String,
    /// Records not deleted.
    pub live: i64,
    /// Tombstones.
    pub deleted: i64,
}

impl CheckReport {
    /// Whether the integrity check passed.
    pub fn is_healthy(&self) -> bool {
        self.integrity == ["ok"]
    }
}

/// An open studio database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    site: i64,
    generation: u64,
    /// Whether the file's place (machine and path) has been checked since it was opened:
    /// a file copied to another place gets a site of its own before its first write there.
    placed: bool,
    /// Held while this program may write the file (see [`WriteLock`]).
    _lock: Option<WriteLock>,
    /// `PRAGMA data_version` when last looked at (stores that only read).
    data_version: Option<i64>,
}

/// A lock on `<file>-lock` beside a studio file, held while a program may write it: a second
/// app or command line that opens the same file for writing is told so, and there is never a
/// second writer. The operating system lets go of it when the program ends, however it ends.
#[derive(Debug)]
struct WriteLock(#[allow(dead_code)] std::fs::File);

impl WriteLock {
    fn take(path: &Path) -> Result<Self> {
        let mut name = path.as_os_str().to_os_string();
        name.push("-lock");
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(PathBuf::from(name))
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                    Error::ReadOnly
                }
                _ => Error::Io(e),
            })?;
        match file.try_lock() {
            Ok(()) => Ok(Self(file)),
            Err(std::fs::TryLockError::WouldBlock) => Err(Error::InUse),
            Err(std::fs::TryLockError::Error(e)) => Err(Error::Io(e)),
        }
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Creates a new, empty studio file at `path`; refuses to replace an existing file.
    pub fn create(path: &Path, studio_name: &str, town: &str) -> Result<Self> {
        Self::create_with(path, studio_name, town, |_| Ok(()))
    }

    /// Creates a new studio file at `path` and fills it with `fill` before it appears under
    /// its name: a crash or an error leaves no half-made file behind.
    pub fn create_with(
        path: &Path,
        studio_name: &str,
        town: &str,
        fill: impl FnOnce(&mut Store) -> Result<()>,
    ) -> Result<Self> {
        check_path_length(path)?;
        if path.exists() {
            return Err(Error::AlreadyExists);
        }
        let temporary = durable::temporary_beside(path);
        remove_database_files(&temporary);
        let result = (|| {
            let mut conn = Connection::open(&temporary)?;
            configure(&conn)?;
            initialise(&mut conn, studio_name, town)?;
            let site = local_value(&conn, "site_id")?.unwrap_or(1);
            let mut store = Self {
                conn,
                path: Some(temporary.clone()),
                site,
                generation: 0,
                // Filling a new file in its temporary place is not a move.
                placed: true,
                _lock: None,
                data_version: None,
            };
            fill(&mut store)?;
            store
                .conn
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
            drop(store);
            durable::sync_file(&temporary)?;
            if path.exists() {
                return Err(Error::AlreadyExists);
            }
            std::fs::rename(&temporary, path)?;
            durable::sync_folder(durable::folder_of(path))?;
            Ok(())
        })();
        if let Err(error) = result {
            remove_database_files(&temporary);
            return Err(match error {
                Error::Io(e) => durable::classify(e, path).into(),
                Error::Sqlite(_) if !durable::writable_folder(path) => Error::ReadOnly,
                other => other,
            });
        }
        let mut store = Self::open(path)?;
        // Note where the new file lives, so a copy of it is told apart from it even before
        // either has been written to.
        store.write(|_| Ok(()))?;
        Ok(store)
    }

    /// Opens a studio file for reading only: nothing in it is changed, not even an older
    /// schema (for `check` and `roster` on the command line).
    pub fn open_read_only(path: &Path) -> Result<Self> {
        file_check::inspect(path)?;
        let conn = file_check::open_probe(path)?;
        file_check::check_identity(&conn)?;
        conn.busy_timeout(std::time::Duration::from_secs(3))?;
        let site = local_value(&conn, "site_id")?.unwrap_or(0);
        Ok(Self {
            conn,
            path: Some(path.to_owned()),
            site,
            generation: next_generation(),
            placed: true,
            _lock: None,
            data_version: None,
        })
    }

    /// Opens an existing studio file after checking it; a file that fails any check is left
    /// untouched. An older schema is migrated in one transaction.
    pub fn open(path: &Path) -> Result<Self> {
        file_check::inspect(path)?;
        let version = file_check::check_identity(&file_check::open_probe(path)?)?;
        // A file marked read-only (a write-protected stick, a copy off a CD, the attribute set
        // in Explorer) is said to be so, not opened to fail at the first save.
        if std::fs::metadata(path)?.permissions().readonly() {
            return Err(Error::ReadOnly);
        }
        let lock = WriteLock::take(path)?;
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| match Error::from(e) {
            Error::Sqlite(_) => Error::ReadOnly,
            other => other,
        })?;
        configure(&conn)?;
        if version < schema::current_version() {
            migrate(&mut conn)?;
        }
        let site = local_value(&conn, "site_id")?
            .ok_or_else(|| Error::Corrupt("the file has no site id".to_owned()))?;
        Ok(Self {
            conn,
            path: Some(path.to_owned()),
            site,
            generation: next_generation(),
            placed: false,
            _lock: Some(lock),
            data_version: None,
        })
    }

    /// For a store that only reads: screens reload when another program has written the file
    /// since (`SQLite`'s `data_version` changes).
    pub fn reload_if_changed_elsewhere(&mut self) {
        let version: Option<i64> = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .ok();
        if version.is_some() && version != self.data_version {
            if self.data_version.is_some() {
                self.generation = next_generation();
            }
            self.data_version = version;
        }
    }

    /// Whether this store can only read (a file open for writing elsewhere, or read-only).
    pub fn is_read_only(&self) -> bool {
        self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
    }

    /// A second, read-only connection to this studio's file, for work on another thread (a
    /// year's report, a big export) while this one goes on writing; `None` for a studio held
    /// in memory. The file was checked when this store opened it.
    pub fn reader(&self) -> Result<Option<Self>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(3))?;
        conn.execute_batch("PRAGMA trusted_schema = OFF; PRAGMA query_only = ON;")?;
        Ok(Some(Self {
            conn,
            path: Some(path.clone()),
            site: self.site,
            generation: self.generation,
            placed: true,
            _lock: None,
            data_version: None,
        }))
    }

    /// A second connection that writes to this studio's file, for one long write on another
    /// thread (applying a merge) while this one only reads; `None` for a studio held in
    /// memory. Afterwards this store calls [`Store::written_elsewhere`].
    pub fn writer(&self) -> Result<Option<Self>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn)?;
        Ok(Some(Self {
            conn,
            path: Some(path.clone()),
            site: self.site,
            generation: self.generation,
            placed: self.placed,
            _lock: None,
            data_version: None,
        }))
    }

    /// Takes in a write made through [`Store::writer`]: screens reload, and the site is read
    /// again (the write may have given a copied file its own).
    pub fn written_elsewhere(&mut self) -> Result<()> {
        self.site = local_value(&self.conn, "site_id")?.unwrap_or(self.site);
        self.placed = true;
        self.generation = next_generation();
        Ok(())
    }

    /// A new studio held in memory, for tests and benchmarks.
    pub fn open_in_memory(studio_name: &str) -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        initialise(&mut conn, studio_name, "")?;
        let site = local_value(&conn, "site_id")?.unwrap_or(1);
        Ok(Self {
            conn,
            path: None,
            site,
            generation: next_generation(),
            placed: true,
            _lock: None,
            data_version: None,
        })
    }

    /// The file this store reads and writes, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Changes whenever the data may have changed; screens reload their caches when it does.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Runs `change` in one transaction with a fresh logical clock; either all of it is
    /// written or nothing is.
    pub fn write<T>(&mut self, change: impl FnOnce(&mut Writer<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let highest: i64 = local_value(&tx, "max_hlc")?.unwrap_or(0);
        let hlc = clock::next(highest, clock::now_ms());
        tx.execute("UPDATE local SET value = ?1 WHERE key = 'max_hlc'", [hlc])?;
        let mut new_site = None;
        if !self.placed
            && let Some(path) = &self.path
        {
            new_site = place(&tx, path, hlc, highest)?;
            if let Some(site) = new_site {
                self.site = site;
            }
        }
        let mut writer = Writer {
            tx: &tx,
            hlc,
            site: self.site,
        };
        let value = match change(&mut writer) {
            Ok(value) => value,
            Err(error) => {
                drop(tx);
                if new_site.is_some() {
                    self.site = local_value(&self.conn, "site_id")?.unwrap_or(self.site);
                }
                return Err(error);
            }
        };
        tx.commit()?;
        self.placed = true;
        self.generation = next_generation();
        // Copy the write-ahead log into the file itself at once, so that the .db file alone
        // (copied to a USB stick in Explorer while the app is open) holds every saved change.
        // The commit is already durable in the log; a checkpoint that cannot run now loses
        // nothing and is retried after the next write.
        let _ = self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);");
        Ok(value)
    }

    /// The studio's name and town.
    pub fn studio(&self) -> Result<StudioInfo> {
        Ok(self.conn.query_row(
            "SELECT name, town FROM live_studio ORDER BY id LIMIT 1",
            [],
            |row| {
                Ok(StudioInfo {
                    name: row.get(0)?,
                    town: row.get(1)?,
                })
            },
        )?)
    }

    /// The highest logical clock this file has seen.
    pub fn highest_clock(&self) -> Result<i64> {
        Ok(local_value(&self.conn, "max_hlc")?.unwrap_or(0))
    }

    /// Writes a consistent copy of the open database to `destination`; an existing file there
    /// is replaced only when `replace` is set, and never the open file itself. The copy
    /// appears under its name only once complete.
    pub fn save_copy(&self, destination: &Path, replace: bool) -> Result<()> {
        check_path_length(destination)?;
        let folder = match destination.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if !folder.is_dir() {
            return Err(Error::NoSuchFolder);
        }
        if destination.exists() {
            let same = self
                .path
                .as_deref()
                .is_some_and(|open| same_file(open, destination));
            if same {
                return Err(Error::IsOpenFile);
            }
            if !replace {
                return Err(Error::AlreadyExists);
            }
            // Only an earlier copy of a studio may be replaced, never someone's sheet or photo.
            if !file_check::is_studio_file(destination) {
                return Err(Error::WouldReplaceOtherFile);
            }
        }
        let temporary = durable::temporary_beside(destination);
        let _ = std::fs::remove_file(&temporary);
        if let Err(error) = self
            .conn
            .execute("VACUUM INTO ?1", [temporary.to_string_lossy()])
        {
            let _ = std::fs::remove_file(&temporary);
            return Err(match Error::from(error) {
                Error::Sqlite(_) if !durable::writable_folder(destination) => Error::ReadOnly,
                other => other,
            });
        }
        Ok(durable::replace(&temporary, destination)?)
    }

    /// Integrity, schema version and record counts, as `secretary-studio check` prints them.
    pub fn check(&self) -> Result<CheckReport> {
        let mut statement = self.conn.prepare("PRAGMA integrity_check")?;
        let integrity = statement
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let schema_version = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let mut counts = Vec::new();
        for table in record_tables(&self.conn)? {
            let (live, deleted) = self.conn.query_row(
                &format!(
                    "SELECT count(*) - coalesce(sum(deleted), 0), coalesce(sum(deleted), 0) FROM \"{table}\""
                ),
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            counts.push(TableCount {
                table,
                live,
                deleted,
            });
        }
        Ok(CheckReport {
            integrity,
            schema_version,
            counts,
        })
    }

    /// Read-only access to the connection for tests of the schema itself.
    #[doc(hidden)]
    pub fn connection_for_tests(&self) -> &Connection {
        &self.conn
    }
}

/// The open transaction of a [`Store::write`], with the clock every change in it carries.
pub struct Writer<'t> {
    tx: &'t rusqlite::Transaction<'t>,
    hlc: i64,
    site: i64,
}

/// A record's own fields by column name, for [`Writer::insert_record`] and
/// [`Writer::update_record`]; the identity, site and clock columns are theirs to write.
type Columns<'v> = [(&'static str, &'v dyn rusqlite::ToSql)];

impl Writer<'_> {
    /// A new record's identity: a `UUIDv7` as 16 bytes.
    fn new_uuid() -> Vec<u8> {
        uuid::Uuid::now_v7().as_bytes().to_vec()
    }

    /// Inserts a record into `table`: a new identity, this site as its origin and as its
    /// clock's site, this write's clock, and `columns`, each by name. Returns its local key.
    fn insert_record(&self, table: &'static str, columns: &Columns<'_>) -> Result<i64> {
        let names: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
        let keys: Vec<String> = columns.iter().map(|(c, _)| format!(":{c}")).collect();
        let sql = format!(
            "INSERT INTO {table} (uuid, origin_site, hlc, hlc_site, {}) \
             VALUES (:uuid, :site, :hlc, :site, {})",
            names.join(", "),
            keys.join(", ")
        );
        let uuid = Self::new_uuid();
        let mut bound: Vec<(&str, &dyn rusqlite::ToSql)> =
            vec![(":uuid", &uuid), (":site", &self.site), (":hlc", &self.hlc)];
        bound.extend(
            keys.iter()
                .map(String::as_str)
                .zip(columns.iter().map(|(_, v)| *v)),
        );
        self.tx.prepare_cached(&sql)?.execute(bound.as_slice())?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Sets `columns` of record `id` in `table`, with this write's clock, if any of them
    /// differs: a record saved unchanged keeps its clock, so a merge sees no edit. Returns how
    /// many rows changed (0: unchanged, deleted or not there).
    fn update_record(&self, table: &'static str, id: i64, columns: &Columns<'_>) -> Result<usize> {
        let set: Vec<String> = columns.iter().map(|(c, _)| format!("{c} = :{c}")).collect();
        let differs: Vec<String> = columns
            .iter()
            .map(|(c, _)| format!("{c} IS NOT :{c}"))
            .collect();
        let sql = format!(
            "UPDATE {table} SET {}, hlc = :hlc, hlc_site = :site \
             WHERE id = :id AND deleted = 0 AND ({})",
            set.join(", "),
            differs.join(" OR ")
        );
        let keys: Vec<String> = columns.iter().map(|(c, _)| format!(":{c}")).collect();
        let mut bound: Vec<(&str, &dyn rusqlite::ToSql)> =
            vec![(":id", &id), (":site", &self.site), (":hlc", &self.hlc)];
        bound.extend(
            keys.iter()
                .map(String::as_str)
                .zip(columns.iter().map(|(_, v)| *v)),
        );
        Ok(self.tx.prepare_cached(&sql)?.execute(bound.as_slice())?)
    }

    /// [`Writer::update_record`] of a record that must be there: one deleted or unknown is
    /// [`Error::RecordNotFound`].
    fn set_record(&self, table: &'static str, id: i64, columns: &Columns<'_>) -> Result<()> {
        if self.update_record(table, id, columns)? == 0 {
            let live: bool = self.tx.query_row(
                &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1 AND deleted = 0)"),
                [id],
                |r| r.get(0),
            )?;
            if !live {
                return Err(Error::RecordNotFound);
            }
        }
        Ok(())
    }
}

/// Names of the tables whose rows are records.
fn record_tables(conn: &Connection) -> Result<Vec<String>> {
    let mut statement = conn.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name != 'local' AND name NOT LIKE 'local\\_%' ESCAPE '\\' \
         AND name NOT LIKE 'data\\_%' ESCAPE '\\' ORDER BY name",
    )?;
    let names = statement
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(3))?;
    // Room for a merge's statements (one update per table and set of changed fields).
    conn.set_prepared_statement_cache_capacity(128);
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA trusted_schema = OFF;",
    )?;
    Ok(())
}

fn initialise(conn: &mut Connection, studio_name: &str, town: &str) -> Result<()> {
    migrate(conn)?;
    let tx = conn.transaction()?;
    let hlc = clock::next(0, clock::now_ms());
    tx.execute(
        "INSERT INTO site (id, uuid, origin_site, hlc, hlc_site) VALUES (1, ?1, 1, ?2, 1)",
        params![Writer::new_uuid(), hlc],
    )?;
    tx.execute(
        "INSERT INTO local (key, value) VALUES ('site_id', 1), ('max_hlc', ?1)",
        [hlc],
    )?;
    tx.execute(
        "INSERT INTO studio (uuid, origin_site, hlc, hlc_site, name, town) VALUES (?1, 1, ?2, 1, ?3, ?4)",
        params![Writer::new_uuid(), hlc, studio_name, town],
    )?;
    systems::ensure_defaults(&tx, 1)?;
    tx.commit()?;
    Ok(())
}

/// Applies the migrations the file lacks, all in one transaction. Foreign keys are off
/// while they run (a migration may build a table again, as `SQLite` asks) and checked
/// before the transaction commits.
fn migrate(conn: &mut Connection) -> Result<()> {
    conn.execute_batch("PRAGMA foreign_keys = OFF;")?;
    let migrated = migrate_unchecked(conn);
    conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    migrated
}

fn migrate_unchecked(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > schema::current_version() {
        return Err(Error::NewerVersion {
            found: version,
            supported: schema::current_version(),
        });
    }
    let from = usize::try_from(version)
        .map_err(|_| Error::Corrupt(format!("invalid schema version {version}")))?;
    for migration in &schema::MIGRATIONS[from..] {
        tx.execute_batch(migration)?;
    }
    // A file from before the five systems (or the wider practice) gets their defaults (a
    // new file gets them once its site exists); defaults it has already are left alone.
    if version > 0
        && version < 7
        && let Some(site) = local_value(&tx, "site_id")?
    {
        systems::ensure_defaults(&tx, site)?;
    }
    let broken: Option<String> = if from < schema::MIGRATIONS.len() {
        tx.query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
            .optional()?
    } else {
        None
    };
    if let Some(table) = broken {
        return Err(Error::Corrupt(format!(
            "{table} refers to a missing record"
        )));
    }
    tx.execute_batch(&format!(
        "PRAGMA application_id = {}; PRAGMA user_version = {};",
        schema::APPLICATION_ID,
        schema::current_version()
    ))?;
    tx.commit()?;
    Ok(())
}

/// The machine this runs on, as its name (enough to tell one laptop from another).
fn machine_name() -> String {
    std::env::var("COMPUTERNAME")
        .or_else(|_| std::env::var("HOSTNAME"))
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|name| name.trim().to_owned())
        .unwrap_or_default()
}

/// Records where the file is written (machine and path). If it was last written somewhere
/// else, it is a copy (or was moved): it gets a site of its own, so that its edits and the
/// original's never share an identity. Returns the new site's key.
fn place(
    tx: &rusqlite::Transaction<'_>,
    path: &Path,
    hlc: i64,
    highest: i64,
) -> Result<Option<i64>> {
    let here = format!(
        "{}|{}",
        machine_name(),
        std::path::absolute(path)
            .unwrap_or_else(|_| path.to_owned())
            .display()
    );
    let last: Option<String> = tx
        .query_row("SELECT value FROM local WHERE key = 'place'", [], |r| {
            r.get(0)
        })
        .optional()?;
    tx.execute(
        "INSERT INTO local (key, value) VALUES ('place', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [&here],
    )?;
    if last.is_none_or(|last| last == here) {
        return Ok(None);
    }
    // The copy holds everything the original had written up to the copy (`highest`, the
    // file's clock before this write): it has seen the original's site that far, so the
    // original's records are not taken for concurrent edits when the copy is merged back.
    tx.execute(
        "INSERT INTO local (key, value)
         SELECT 'seen:' || lower(hex(s.uuid)), ?1 FROM site s, local l
         WHERE l.key = 'site_id' AND s.id = l.value
         ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)",
        [highest],
    )?;
    let site: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM site", [], |r| {
        r.get(0)
    })?;
    tx.execute(
        "INSERT INTO site (id, uuid, origin_site, hlc, hlc_site, label) VALUES (?1, ?2, ?1, ?3, ?1, '')",
        params![site, Writer::new_uuid(), hlc],
    )?;
    tx.execute("UPDATE local SET value = ?1 WHERE key = 'site_id'", [site])?;
    Ok(Some(site))
}

fn local_value(conn: &Connection, key: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT value FROM local WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Refuses a studio path Windows could not open (see [`durable::too_long_for_windows`]).
fn check_path_length(path: &Path) -> Result<()> {
    match durable::too_long_for_windows(path) {
        Some(length) => Err(Error::PathTooLong { length }),
        None => Ok(()),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn remove_database_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

#[cfg(test)]
mod tests;
