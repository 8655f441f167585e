//! Merging another village's file: read it as untrusted input, plan with
//! `domain::merge::plan_table`, and write the plan in one transaction.
//!
//! The other file is copied to a private temporary place and opened with `SQLite`'s defences
//! for foreign files; its schema must be ours (an older one is migrated in the copy); its values
//! are checked by `SQLite` itself (`quick_check` verifies the CHECK, NOT NULL and STRICT type
//! of every row) and by a size limit; references must point at records of the file.

use super::{Error, Result, Store, Writer, file_check, local_value, schema};
use crate::domain::merge::{
    ChangeKind, Conflict, KeyOf, Record, Seen, TablePlan, Uuid, Value, Version, plan_table,
};
use crate::durable;
use crate::work::Progress;
use rusqlite::config::DbConfig;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params_from_iter};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The longest text or bytes a field of another file may hold (1 MB).
const MAX_FIELD_BYTES: usize = 1 << 20;

fn too_long(info: &TableInfo, column: usize, length: usize) -> Error {
    Error::Corrupt(format!(
        "{}.{} holds a value of {length} bytes",
        info.name, info.columns[column]
    ))
}

/// The columns every record table starts with.
const RECORD_COLUMNS: usize = 6;

/// What the merge knows of a record table.
#[derive(Debug, Clone)]
pub(super) struct TableInfo {
    pub(super) name: String,
    /// The fields after the record columns.
    pub(super) columns: Vec<String>,
    /// Per field, the table it refers to.
    pub(super) refers: Vec<Option<String>>,
    /// Indexes (into `columns`) of a unique constraint other than the identity.
    pub(super) key: Option<Vec<usize>>,
    /// The field that names a record for people (name, title, topic…).
    pub(super) label: Option<usize>,
}

/// Every record of a file, by table, with references as identities.
struct Snapshot {
    /// Per table (in `TableInfo` order), the records.
    tables: Vec<Vec<Record>>,
    /// The highest clock in the file.
    max_clock: i64,
    /// A checksum of every record (independent of row order and local keys).
    checksum: u64,
}

/// A record's checksum: CRC-32 of its table and its fields in a fixed form.
fn record_checksum(table: &str, record: &Record) -> u32 {
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(table.as_bytes());
    hasher.update(&record.uuid);
    hasher.update(&record.origin);
    hasher.update(&record.version.clock.to_le_bytes());
    hasher.update(&record.version.site);
    hasher.update(&[u8::from(record.deleted)]);
    for value in &record.values {
        match value {
            Value::Null => hasher.update(&[0]),
            Value::Int(v) => {
                hasher.update(&[1]);
                hasher.update(&v.to_le_bytes());
            }
            Value::Real(v) => {
                hasher.update(&[2]);
                hasher.update(&v.to_bits().to_le_bytes());
            }
            Value::Text(v) => {
                hasher.update(&[3]);
                hasher.update(&(v.len() as u64).to_le_bytes());
                hasher.update(v.as_bytes());
            }
            Value::Blob(v) => {
                hasher.update(&[4]);
                hasher.update(&(v.len() as u64).to_le_bytes());
                hasher.update(v);
            }
            Value::Ref(v) => {
                hasher.update(&[5]);
                hasher.update(v);
            }
        }
    }
    hasher.finalize()
}

/// One kind of record in a merge preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableSummary {
    /// The table.
    pub table: String,
    /// Records we did not have.
    pub new: usize,
    /// Newer versions of ours.
    pub updated: usize,
    /// Deletions.
    pub deleted: usize,
    /// Versions made on both sides without either seeing the other's.
    pub conflicts: usize,
    /// A few names of changed records.
    pub examples: Vec<String>,
}

/// What merging a file would do; nothing is written until it is applied.
#[derive(Debug)]
pub struct MergePreview {
    /// The file.
    pub path: PathBuf,
    /// Per kind of record, the counts.
    pub tables: Vec<TableSummary>,
    /// The other file's clock is more than a day ahead of ours (a laptop with a wrong date).
    pub clock_ahead: bool,
    /// The other file's highest clock.
    pub their_clock: i64,
    /// Names of new secretaries with the same name and branch as one of ours (offered for
    /// linking after the merge, never merged silently).
    pub possible_duplicates: Vec<String>,
    /// The other file's studio, if it is not this one (a studio started separately: nothing
    /// in common, so merging keeps both sides' records, people and branches twice).
    pub other_studio: Option<String>,
    /// The user has read the warning about another studio and still wants to merge.
    pub acknowledged: bool,
    infos: Vec<TableInfo>,
    plans: Vec<TablePlan>,
    their_seen: Seen,
    /// Our store's generation when planned: a write since makes the plan stale.
    generation: u64,
}

impl MergePreview {
    /// Whether merging changes nothing.
    pub fn is_empty(&self) -> bool {
        self.plans.iter().all(|p| p.changes.is_empty())
    }

    /// Every conflict, with its table.
    pub fn conflicts(&self) -> impl Iterator<Item = (&str, &Conflict)> {
        self.infos
            .iter()
            .zip(&self.plans)
            .flat_map(|(info, plan)| plan.conflicts.iter().map(|c| (info.name.as_str(), c)))
    }
}

/// The record tables of `conn`, referenced tables before the tables that refer to them.
pub(super) fn table_infos(conn: &Connection) -> Result<Vec<TableInfo>> {
    let mut infos = Vec::new();
    for name in super::record_tables(conn)? {
        let mut columns = Vec::new();
        let mut statement = conn.prepare(&format!("PRAGMA table_info(\"{name}\")"))?;
        let all: Vec<String> = statement
            .query_map([], |r| r.get(1))?
            .collect::<rusqlite::Result<_>>()?;
        if all.len() < RECORD_COLUMNS || all[..RECORD_COLUMNS] != *schema::RECORD_COLUMNS {
            return Err(Error::Corrupt(format!(
                "table {name} lacks the record columns"
            )));
        }
        columns.extend(all[RECORD_COLUMNS..].iter().cloned());
        let mut statement = conn.prepare(&format!("PRAGMA foreign_key_list(\"{name}\")"))?;
        let links: Vec<(String, String)> = statement
            .query_map([], |r| Ok((r.get::<_, String>(3)?, r.get::<_, String>(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let refers = columns
            .iter()
            .map(|c| {
                links
                    .iter()
                    .find(|(from, _)| from == c)
                    .map(|(_, t)| t.clone())
            })
            .collect();
        let mut key = None;
        let mut statement = conn.prepare(&format!("PRAGMA index_list(\"{name}\")"))?;
        let indexes: Vec<(String, bool, String)> = statement
            .query_map([], |r| Ok((r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (index, unique, origin) in indexes {
            if !unique || origin != "u" {
                continue;
            }
            let mut statement = conn.prepare(&format!("PRAGMA index_info(\"{index}\")"))?;
            let names: Vec<String> = statement
                .query_map([], |r| r.get(2))?
                .collect::<rusqlite::Result<_>>()?;
            if names == ["uuid"] {
                continue;
            }
            key = names
                .iter()
                .map(|n| columns.iter().position(|c| c == n))
                .collect::<Option<Vec<_>>>();
        }
        let label = ["name", "title", "topic", "heading", "label", "key", "event"]
            .iter()
            .find_map(|l| columns.iter().position(|c| c == l));
        infos.push(TableInfo {
            name,
            columns,
            refers,
            key,
            label,
        });
    }
    // Referenced tables first (site is referenced by every table and refers to itself).
    let mut ordered: Vec<TableInfo> = Vec::new();
    while !infos.is_empty() {
        let ready = infos
            .iter()
            .position(|t| {
                t.refers
                    .iter()
                    .flatten()
                    .all(|r| *r == t.name || *r == "site" || ordered.iter().any(|o| o.name == *r))
            })
            .unwrap_or(0);
        ordered.push(infos.remove(ready));
    }
    if let Some(site) = ordered.iter().position(|t| t.name == "site") {
        let site = ordered.remove(site);
        ordered.insert(0, site);
    }
    Ok(ordered)
}

fn uuid_of(value: &SqlValue, what: &str) -> Result<Uuid> {
    match value {
        SqlValue::Blob(bytes) => bytes
            .as_slice()
            .try_into()
            .map_err(|_| Error::Corrupt(format!("{what}: an identity is not 16 bytes"))),
        _ => Err(Error::Corrupt(format!(
            "{what}: an identity is not 16 bytes"
        ))),
    }
}

/// Per table, every record's identity by local key: references are translated with it.
type IdMaps = HashMap<String, HashMap<i64, Uuid>>;

/// Reads every table's local keys and identities.
fn id_maps(conn: &Connection, infos: &[TableInfo]) -> Result<IdMaps> {
    let mut ids = IdMaps::new();
    for info in infos {
        let mut statement = conn.prepare(&format!("SELECT id, uuid FROM \"{}\"", info.name))?;
        let mut map = HashMap::new();
        let rows =
            statement.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, SqlValue>(1)?)))?;
        for row in rows {
            let (id, uuid) = row?;
            map.insert(id, uuid_of(&uuid, &info.name)?);
        }
        ids.insert(info.name.clone(), map);
    }
    Ok(ids)
}

/// The site a record names, by local key.
fn site_of(ids: &IdMaps, id: i64, table: &str) -> Result<Uuid> {
    ids.get("site")
        .and_then(|m| m.get(&id))
        .copied()
        .ok_or_else(|| Error::Corrupt(format!("{table}: a record names an unknown site")))
}

/// `SELECT uuid, origin_site, hlc, hlc_site, deleted, <fields> FROM <table>`.
fn record_select(info: &TableInfo) -> String {
    let columns: String = info
        .columns
        .iter()
        .map(|c| format!(", \"{c}\""))
        .collect::<Vec<_>>()
        .concat();
    format!(
        "SELECT uuid, origin_site, hlc, hlc_site, deleted{columns} FROM \"{}\"",
        info.name
    )
}

/// One row of [`record_select`] as a record, references as identities; every value checked.
fn decode(row: &rusqlite::Row<'_>, info: &TableInfo, ids: &IdMaps) -> Result<Record> {
    let uuid = uuid_of(&row.get(0)?, &info.name)?;
    let clock: i64 = row.get(2)?;
    let mut values = Vec::with_capacity(info.columns.len());
    for (i, refers) in info.refers.iter().enumerate() {
        let value: SqlValue = row.get(RECORD_COLUMNS - 1 + i)?;
        values.push(match (value, refers) {
            (SqlValue::Null, _) => Value::Null,
            (SqlValue::Integer(id), Some(table)) => Value::Ref(
                ids.get(table)
                    .and_then(|m| m.get(&id))
                    .copied()
                    .ok_or_else(|| {
                        Error::Corrupt(format!(
                            "{}.{} refers to a record that is not there",
                            info.name, info.columns[i]
                        ))
                    })?,
            ),
            (SqlValue::Integer(v), None) => Value::Int(v),
            (SqlValue::Real(v), _) => Value::Real(v),
            (SqlValue::Text(v), _) if v.len() <= MAX_FIELD_BYTES => Value::Text(v),
            (SqlValue::Blob(v), _) if v.len() <= MAX_FIELD_BYTES => Value::Blob(v),
            (SqlValue::Text(v), _) => return Err(too_long(info, i, v.len())),
            (SqlValue::Blob(v), _) => return Err(too_long(info, i, v.len())),
        });
    }
    Ok(Record {
        uuid,
        origin: site_of(ids, row.get(1)?, &info.name)?,
        version: Version {
            clock,
            site: site_of(ids, row.get(3)?, &info.name)?,
        },
        deleted: row.get::<_, i64>(4)? != 0,
        values,
    })
}

/// What a file has seen: its `seen:` entries and its own site up to its highest clock.
fn file_seen(conn: &Connection, ids: &IdMaps, max_clock: i64) -> Result<Seen> {
    let mut seen = read_seen(conn)?;
    let own_site = local_value(conn, "site_id")?.unwrap_or(0);
    if let Ok(site) = site_of(ids, own_site, "local") {
        let highest = local_value(conn, "max_hlc")?.unwrap_or(0).max(max_clock);
        seen.absorb(&Seen([(site, highest)].into_iter().collect()));
    }
    Ok(seen)
}

/// Reads every record of `conn`.
fn snapshot(conn: &Connection, infos: &[TableInfo], progress: &Progress) -> Result<Snapshot> {
    let ids = id_maps(conn, infos)?;
    let mut tables = Vec::with_capacity(infos.len());
    let mut max_clock = 0;
    let mut checksum = 0u64;
    for (n, info) in infos.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        progress
            .step(0.1 + 0.4 * n as f32 / infos.len() as f32)
            .map_err(|_| Error::Cancelled)?;
        let mut statement = conn.prepare(&record_select(info))?;
        let mut records = Vec::new();
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let record = decode(row, info, &ids)?;
            max_clock = max_clock.max(record.version.clock);
            // A sum, so the order rows are read in does not matter.
            checksum = checksum.wrapping_add(u64::from(record_checksum(&info.name, &record)));
            records.push(record);
        }
        tables.push(records);
    }
    Ok(Snapshot {
        tables,
        max_clock,
        checksum,
    })
}

/// A record's identity and version only: what a merge compares first.
#[derive(Debug, Clone, Copy)]
struct Head {
    id: i64,
    uuid: Uuid,
    version: Version,
}

/// Every record's head, by table, with what the file has seen.
struct Heads {
    tables: Vec<Vec<Head>>,
    ids: IdMaps,
    seen: Seen,
    max_clock: i64,
}

/// Reads the heads of every record of `conn` (a fraction of reading the records), and with
/// them every table's identities (the sites' first: the other tables' versions name them).
fn heads(conn: &Connection, infos: &[TableInfo], progress: &Progress) -> Result<Heads> {
    let mut ids = IdMaps::new();
    let mut tables = vec![Vec::new(); infos.len()];
    let mut max_clock = 0;
    let order = infos
        .iter()
        .position(|i| i.name == "site")
        .into_iter()
        .chain((0..infos.len()).filter(|&n| infos[n].name != "site"));
    for (step, n) in order.enumerate() {
        let info = &infos[n];
        #[allow(clippy::cast_precision_loss)]
        progress
            .step(0.1 + 0.3 * step as f32 / infos.len() as f32)
            .map_err(|_| Error::Cancelled)?;
        let mut statement = conn.prepare(&format!(
            "SELECT id, uuid, hlc, hlc_site FROM \"{}\"",
            info.name
        ))?;
        let mut rows = statement.query([])?;
        let mut heads = Vec::new();
        let mut map = HashMap::new();
        let mut sites = Vec::new();
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let uuid = uuid_of(&row.get(1)?, &info.name)?;
            let clock: i64 = row.get(2)?;
            max_clock = max_clock.max(clock);
            map.insert(id, uuid);
            let site: i64 = row.get(3)?;
            if info.name == "site" {
                // Sites name sites, perhaps later ones: resolved when all are read.
                sites.push((heads.len(), site));
            }
            heads.push(Head {
                id,
                uuid,
                version: Version {
                    clock,
                    site: if info.name == "site" {
                        [0; 16]
                    } else {
                        site_of(&ids, site, &info.name)?
                    },
                },
            });
        }
        if info.name == "site" {
            for (at, site) in sites {
                heads[at].version.site = *map.get(&site).ok_or_else(|| {
                    Error::Corrupt("site: a record names an unknown site".to_owned())
                })?;
            }
        }
        ids.insert(info.name.clone(), map);
        tables[n] = heads;
    }
    let seen = file_seen(conn, &ids, max_clock)?;
    Ok(Heads {
        tables,
        ids,
        seen,
        max_clock,
    })
}

/// The records of `info` with the local keys `wanted`: looked up one by one when they are
/// few, else picked out of one pass over the table (a pass is far cheaper than many lookups).
fn records_by_id(
    conn: &Connection,
    info: &TableInfo,
    ids: &IdMaps,
    wanted: impl IntoIterator<Item = i64>,
) -> Result<Vec<Record>> {
    let wanted: Vec<i64> = wanted.into_iter().collect();
    let mut records = Vec::with_capacity(wanted.len());
    if wanted.len() <= 256 {
        let mut statement = conn.prepare(&format!("{} WHERE id = ?1", record_select(info)))?;
        for id in wanted {
            let mut rows = statement.query([id])?;
            if let Some(row) = rows.next()? {
                records.push(decode(row, info, ids)?);
            }
        }
        return Ok(records);
    }
    let wanted: std::collections::HashSet<i64> = wanted.into_iter().collect();
    let select = record_select(info);
    // The local key last, so the record's columns keep their places.
    let (head, table) = select.split_once(" FROM ").unwrap_or((&select, ""));
    let mut statement = conn.prepare(&format!("{head}, id FROM {table}"))?;
    let key = RECORD_COLUMNS - 1 + info.columns.len();
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        if wanted.contains(&row.get::<_, i64>(key)?) {
            records.push(decode(row, info, ids)?);
        }
    }
    Ok(records)
}

/// How far a file has seen other sites (`seen:<site identity in hex>` in `local`).
fn read_seen(conn: &Connection) -> Result<Seen> {
    let mut statement = conn.prepare("SELECT key, value FROM local WHERE key LIKE 'seen:%'")?;
    let mut seen = Seen::default();
    let rows = statement.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, SqlValue>(1)?))
    })?;
    for row in rows {
        let (key, value) = row?;
        let (Some(site), SqlValue::Integer(clock)) = (from_hex(&key["seen:".len()..]), value)
        else {
            continue;
        };
        seen.0.insert(site, clock);
    }
    Ok(seen)
}

fn hex(uuid: &Uuid) -> String {
    uuid.iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .concat()
}

fn from_hex(text: &str) -> Option<Uuid> {
    let mut uuid = [0u8; 16];
    if text.len() != 32 {
        return None;
    }
    for (i, slot) in uuid.iter_mut().enumerate() {
        *slot = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(uuid)
}

/// Copies `path` (and its write-ahead log) to a private temporary file and opens the copy
/// with the defences for foreign files; an older schema is migrated in the copy. The copy is
/// removed when the returned guard is dropped.
fn open_foreign(path: &Path, passphrase: Option<&str>) -> Result<ForeignCopy> {
    let copy = if super::sealed::is_sealed(path) {
        let passphrase = passphrase.ok_or(Error::NeedsPassphrase)?;
        let copy = TemporaryCopy::new()?;
        super::sealed::unseal(path, &copy.path, passphrase)?;
        file_check::inspect(&copy.path)?;
        copy
    } else {
        file_check::inspect(path)?;
        TemporaryCopy::of(path)?
    };
    let conn = Connection::open_with_flags(
        &copy.path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false)?;
    conn.execute_batch("PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0;")?;
    Ok(ForeignCopy { conn, copy })
}

/// The other file's private copy, open. Fields drop in order: the connection is closed before
/// the copy is removed, since Windows cannot remove a file that is still open (the other
/// village's phone numbers would stay behind in the temporary folder).
struct ForeignCopy {
    conn: Connection,
    /// Held only to be removed when dropped, after the connection.
    #[allow(dead_code)]
    copy: TemporaryCopy,
}

/// Checks a foreign file before its records are read: its identity and version, `SQLite`'s
/// `quick_check` (which also verifies every row's CHECK, NOT NULL and STRICT types), then
/// migrates an older schema and requires the schema to be exactly ours.
fn validate_foreign(conn: &mut Connection) -> Result<()> {
    let version = file_check::check_identity(conn)?;
    if version < schema::current_version() {
        super::migrate(conn)?;
    }
    check_schema(conn)
}

/// Whether we have already seen everything in a foreign file: every change to a file (a
/// merge too) moves its clock, so its site's clock at most what we have seen of that site
/// means nothing in it is new. Read before any check: a file that lies can only make us
/// take nothing from it. Anything unreadable means "not seen".
fn already_seen(conn: &Connection, ours: &Seen) -> bool {
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

/// How far a file has seen every site, its own included (up to its clock).
fn seen_now(conn: &Connection) -> Result<Seen> {
    let mut seen = read_seen(conn)?;
    let site = local_value(conn, "site_id")?.unwrap_or(0);
    let uuid: Option<Vec<u8>> = conn
        .query_row("SELECT uuid FROM site WHERE id = ?1", [site], |r| r.get(0))
        .optional()?;
    if let Some(site) = uuid.and_then(|u| <Uuid>::try_from(u.as_slice()).ok()) {
        let clock = local_value(conn, "max_hlc")?.unwrap_or(0);
        seen.absorb(&Seen([(site, clock)].into_iter().collect()));
    }
    Ok(seen)
}

/// The file's schema must be exactly ours: no table, view, trigger or index we do not know.
fn check_schema(conn: &Connection) -> Result<()> {
    let mut reference = Connection::open_in_memory()?;
    super::migrate(&mut reference)?;
    let read = |c: &Connection| -> Result<Vec<(String, String, Option<String>)>> {
        Ok(c.prepare(
            "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?)
    };
    let ours = read(&reference)?;
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

/// A private copy of a foreign file, deleted when dropped.
struct TemporaryCopy {
    path: PathBuf,
}

impl TemporaryCopy {
    /// A new name in this computer's private temporary folder, removed when dropped.
    fn new() -> Result<Self> {
        let folder = std::env::temp_dir().join("secretary-studio-merge");
        std::fs::create_dir_all(&folder)?;
        Ok(Self {
            path: folder.join(format!("{}.db", uuid::Uuid::now_v7())),
        })
    }

    fn of(source: &Path) -> Result<Self> {
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

/// What a share file says about itself (kept in its `local` table as `manifest.*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareManifest {
    /// The application that wrote it.
    pub app: String,
    /// Its schema version.
    pub schema: i64,
    /// The site that shared it (identity in hex).
    pub site: String,
    /// The studio's name.
    pub studio: String,
    /// When it was written (local time, ISO 8601).
    pub exported_at: String,
    /// The highest logical clock in it.
    pub clock: i64,
    /// Records per table.
    pub counts: Vec<(String, usize)>,
    /// The checksum of every record (hex).
    pub checksum: String,
}

const MANIFEST_APP: &str = "secretary-studio";

impl ShareManifest {
    fn write(&self, conn: &Connection) -> Result<()> {
        let counts = self
            .counts
            .iter()
            .map(|(t, n)| format!("{t}={n}"))
            .collect::<Vec<_>>()
            .join(";");
        let entries: [(&str, SqlValue); 8] = [
            ("manifest.app", SqlValue::Text(self.app.clone())),
            ("manifest.schema", SqlValue::Integer(self.schema)),
            ("manifest.site", SqlValue::Text(self.site.clone())),
            ("manifest.studio", SqlValue::Text(self.studio.clone())),
            (
                "manifest.exported_at",
                SqlValue::Text(self.exported_at.clone()),
            ),
            ("manifest.clock", SqlValue::Integer(self.clock)),
            ("manifest.counts", SqlValue::Text(counts)),
            ("manifest.checksum", SqlValue::Text(self.checksum.clone())),
        ];
        for (key, value) in entries {
            conn.execute(
                "INSERT INTO local (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                rusqlite::params![key, value],
            )?;
        }
        Ok(())
    }

    /// The manifest of a share file; `None` for a plain studio file (a copy of the .db).
    fn read(conn: &Connection) -> Result<Option<Self>> {
        let text = |key: &str| -> Result<Option<String>> {
            Ok(conn
                .query_row("SELECT value FROM local WHERE key = ?1", [key], |r| {
                    r.get::<_, SqlValue>(0)
                })
                .optional()?
                .and_then(|v| match v {
                    SqlValue::Text(t) => Some(t),
                    SqlValue::Integer(i) => Some(i.to_string()),
                    _ => None,
                }))
        };
        let Some(app) = text("manifest.app")? else {
            return Ok(None);
        };
        let number = |key: &str| -> Result<i64> {
            text(key)?
                .and_then(|t| t.parse().ok())
                .ok_or_else(|| Error::Corrupt(format!("{key} in the share file's manifest")))
        };
        Ok(Some(Self {
            app,
            schema: number("manifest.schema")?,
            site: text("manifest.site")?.unwrap_or_default(),
            studio: text("manifest.studio")?.unwrap_or_default(),
            exported_at: text("manifest.exported_at")?.unwrap_or_default(),
            clock: number("manifest.clock")?,
            counts: text("manifest.counts")?
                .unwrap_or_default()
                .split(';')
                .filter_map(|p| {
                    let (t, n) = p.split_once('=')?;
                    Some((t.to_owned(), n.parse().ok()?))
                })
                .collect(),
            checksum: text("manifest.checksum")?.unwrap_or_default(),
        }))
    }
}

impl Store {
    /// Writes a share file: a consistent copy of the studio with a manifest (application,
    /// schema, site, studio, time, clock, counts per table and a checksum of every record).
    /// It appears under its name only once complete and synced, so a stick pulled out too
    /// early leaves no half file there; only an earlier studio file is ever replaced.
    pub fn share(&self, destination: &Path, progress: &Progress) -> Result<ShareManifest> {
        self.share_with(destination, None, progress)
    }

    /// [`Store::share`], protected with `passphrase` if one is given: the file on the stick
    /// is then encrypted as a whole, and the plain copy it is made from never leaves this
    /// computer's private temporary folder.
    pub fn share_with(
        &self,
        destination: &Path,
        passphrase: Option<&str>,
        progress: &Progress,
    ) -> Result<ShareManifest> {
        super::check_path_length(destination)?;
        let folder = match destination.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if !folder.is_dir() {
            return Err(Error::NoSuchFolder);
        }
        if destination.exists() {
            if self
                .path
                .as_deref()
                .is_some_and(|open| super::same_file(open, destination))
            {
                return Err(Error::IsOpenFile);
            }
            if !file_check::is_studio_file(destination) && !super::sealed::is_sealed(destination) {
                return Err(Error::WouldReplaceOtherFile);
            }
        }
        let infos = table_infos(&self.conn)?;
        let ours = snapshot(&self.conn, &infos, progress)?;
        progress.step(0.6).map_err(|_| Error::Cancelled)?;
        let site =
            self.conn
                .query_row("SELECT uuid FROM site WHERE id = ?1", [self.site], |r| {
                    r.get::<_, Vec<u8>>(0)
                })?;
        let manifest = ShareManifest {
            app: MANIFEST_APP.to_owned(),
            schema: schema::current_version(),
            site: site
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .concat(),
            studio: self.studio()?.name,
            exported_at: chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string(),
            clock: ours.max_clock,
            counts: infos
                .iter()
                .zip(&ours.tables)
                .map(|(i, t)| (i.name.clone(), t.len()))
                .collect(),
            checksum: format!("{:016x}", ours.checksum),
        };
        let temporary = durable::temporary_beside(destination);
        super::remove_database_files(&temporary);
        // With a passphrase the plain copy is made in the private temporary folder and only
        // its encryption goes to the destination.
        let plain = match passphrase {
            Some(_) => Some(TemporaryCopy::new()?),
            None => None,
        };
        let result = (|| -> Result<()> {
            let copy_path = plain.as_ref().map_or(&temporary, |p| &p.path);
            // A connection of its own: the window's reader refuses anything but queries.
            let vacuum =
                |conn: &Connection| conn.execute("VACUUM INTO ?1", [copy_path.to_string_lossy()]);
            match &self.path {
                Some(path) => vacuum(&Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?)?,
                None => vacuum(&self.conn)?,
            };
            progress.step(0.85).map_err(|_| Error::Cancelled)?;
            let conn = Connection::open(copy_path)?;
            manifest.write(&conn)?;
            conn.close().map_err(|(_, e)| Error::from(e))?;
            if let (Some(plain), Some(passphrase)) = (&plain, passphrase) {
                super::sealed::seal(&plain.path, &temporary, passphrase)?;
            }
            Ok(durable::replace(&temporary, destination)?)
        })();
        if let Err(error) = result {
            super::remove_database_files(&temporary);
            return Err(match error {
                Error::Io(e) => durable::classify(e, destination).into(),
                Error::Sqlite(_) if !durable::writable_folder(destination) => Error::ReadOnly,
                other => other,
            });
        }
        progress.step(1.0).ok();
        Ok(manifest)
    }

    /// Puts back the records of `backup` (a copy made by `backup_before`) in place of this
    /// file's, in one step: "Undo merge".
    pub fn restore_from(&mut self, backup: &Path) -> Result<()> {
        file_check::inspect(backup)?;
        file_check::check_identity(&file_check::open_probe(backup)?)?;
        self.conn.restore(
            rusqlite::MAIN_DB,
            backup,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        self.site = local_value(&self.conn, "site_id")?.unwrap_or(self.site);
        self.generation = super::next_generation();
        Ok(())
    }

    /// Reads `path` as another village's file and plans merging it into this one; nothing is
    /// written. A file that fails any check is refused with the reason.
    pub fn plan_merge(&self, path: &Path, progress: &Progress) -> Result<MergePreview> {
        self.plan_merge_with(path, None, progress)
    }

    /// [`Store::plan_merge`] of a share file that may be protected with `passphrase`.
    pub fn plan_merge_with(
        &self,
        path: &Path,
        passphrase: Option<&str>,
        progress: &Progress,
    ) -> Result<MergePreview> {
        let mut foreign = open_foreign(path, passphrase)?;
        let conn = &mut foreign.conn;
        progress.step(0.05).map_err(|_| Error::Cancelled)?;
        if already_seen(conn, &seen_now(&self.conn)?) {
            return Ok(MergePreview {
                path: path.to_owned(),
                tables: Vec::new(),
                clock_ahead: false,
                their_clock: 0,
                possible_duplicates: Vec::new(),
                other_studio: None,
                acknowledged: false,
                infos: Vec::new(),
                plans: Vec::new(),
                their_seen: Seen::default(),
                generation: self.generation,
            });
        }
        validate_foreign(conn)?;
        let manifest = ShareManifest::read(conn)?;
        let infos = table_infos(&self.conn)?;
        // Identities and versions first: a record whose version we hold already is the same
        // record, and only the others are read whole.
        let their_heads = heads(conn, &infos, progress)?;
        // A share file of this schema must hold exactly what its manifest counted, unless it
        // has been written since (opened and edited in the other village: newer clocks).
        let their_full = match &manifest {
            Some(manifest)
                if manifest.schema == schema::current_version()
                    && manifest.clock == their_heads.max_clock =>
            {
                let full = snapshot(conn, &infos, progress)?;
                if manifest.checksum != format!("{:016x}", full.checksum) {
                    return Err(Error::ShareChecksum);
                }
                Some(full)
            }
            _ => None,
        };
        let our_heads = heads(&self.conn, &infos, progress)?;
        progress.step(0.6).map_err(|_| Error::Cancelled)?;
        let mut our_ids_by_uuid: HashMap<&str, HashMap<Uuid, i64>> = HashMap::new();
        let mut plans = Vec::with_capacity(infos.len());
        let mut tables = Vec::with_capacity(infos.len());
        // The small tables the preview looks at whole (studios, branches, secretaries).
        let mut ours_small = Vec::with_capacity(infos.len());
        let mut theirs_small = Vec::with_capacity(infos.len());
        for (i, info) in infos.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            progress
                .step(0.6 + 0.3 * i as f32 / infos.len() as f32)
                .map_err(|_| Error::Cancelled)?;
            let small = ["studio", "branch", "secretary"].contains(&info.name.as_str());
            let ours_by_uuid: HashMap<Uuid, &Head> =
                our_heads.tables[i].iter().map(|h| (h.uuid, h)).collect();
            let changed: Vec<&Head> = their_heads.tables[i]
                .iter()
                .filter(|h| {
                    small
                        || ours_by_uuid
                            .get(&h.uuid)
                            .is_none_or(|o| o.version != h.version)
                })
                .collect();
            let theirs_records: Vec<Record> = match &their_full {
                Some(full) => {
                    let wanted: std::collections::HashSet<Uuid> =
                        changed.iter().map(|h| h.uuid).collect();
                    full.tables[i]
                        .iter()
                        .filter(|r| wanted.contains(&r.uuid))
                        .cloned()
                        .collect()
                }
                None => records_by_id(conn, info, &their_heads.ids, changed.iter().map(|h| h.id))?,
            };
            let mut our_ids: Vec<i64> = if small {
                our_heads.tables[i].iter().map(|h| h.id).collect()
            } else {
                changed
                    .iter()
                    .filter_map(|h| ours_by_uuid.get(&h.uuid).map(|o| o.id))
                    .collect()
            };
            // A record of theirs under an identity we lack may be ours under another (the
            // same person marked at the same session in two villages): found by its key.
            if let Some(key) = &info.key {
                let lacking: Vec<&Record> = theirs_records
                    .iter()
                    .filter(|r| !ours_by_uuid.contains_key(&r.uuid))
                    .collect();
                if !lacking.is_empty() {
                    let condition = key
                        .iter()
                        .enumerate()
                        .map(|(n, k)| format!("\"{}\" = ?{}", info.columns[*k], n + 1))
                        .collect::<Vec<_>>()
                        .join(" AND ");
                    let mut statement = self.conn.prepare(&format!(
                        "SELECT id FROM \"{}\" WHERE {condition}",
                        info.name
                    ))?;
                    for record in lacking {
                        let mut bound = Vec::with_capacity(key.len());
                        for k in key {
                            let value = match (&record.values[*k], info.refers[*k].as_deref()) {
                                (Value::Ref(uuid), Some(table)) => our_ids_by_uuid
                                    .entry(
                                        infos
                                            .iter()
                                            .find(|t| t.name == table)
                                            .map_or("", |t| t.name.as_str()),
                                    )
                                    .or_insert_with(|| {
                                        our_heads
                                            .ids
                                            .get(table)
                                            .map(|m| m.iter().map(|(id, u)| (*u, *id)).collect())
                                            .unwrap_or_default()
                                    })
                                    .get(uuid)
                                    .map(|id| SqlValue::Integer(*id)),
                                (Value::Null, _) => None,
                                (value, _) => Some(sql_value(value)),
                            };
                            match value {
                                Some(value) => bound.push(value),
                                None => break,
                            }
                        }
                        if bound.len() < key.len() {
                            continue;
                        }
                        if let Some(id) = statement
                            .query_row(params_from_iter(bound), |r| r.get::<_, i64>(0))
                            .optional()?
                        {
                            our_ids.push(id);
                        }
                    }
                }
            }
            our_ids.sort_unstable();
            our_ids.dedup();
            let ours_records = records_by_id(&self.conn, info, &our_heads.ids, our_ids)?;
            let key_of = |r: &Record| -> Vec<Value> {
                info.key
                    .as_deref()
                    .unwrap_or_default()
                    .iter()
                    .map(|k| r.values[*k].clone())
                    .collect()
            };
            let key: Option<KeyOf<'_>> = info.key.is_some().then_some(&key_of as KeyOf<'_>);
            let plan = plan_table(
                &ours_records,
                &theirs_records,
                &our_heads.seen,
                &their_heads.seen,
                key,
            );
            let examples = plan
                .changes
                .iter()
                .filter_map(|c| match info.label.map(|l| &c.record.values[l]) {
                    Some(Value::Text(text)) => Some(text.chars().take(40).collect()),
                    _ => None,
                })
                .take(3)
                .collect();
            tables.push(TableSummary {
                table: info.name.clone(),
                new: plan.count(ChangeKind::New),
                updated: plan.count(ChangeKind::Updated),
                deleted: plan.count(ChangeKind::Deleted),
                conflicts: plan.conflicts.len(),
                examples,
            });
            plans.push(plan);
            ours_small.push(if small { ours_records } else { Vec::new() });
            theirs_small.push(if small { theirs_records } else { Vec::new() });
        }
        let possible_duplicates = new_namesakes(&infos, &ours_small, &theirs_small, &plans);
        let day_ms = 24 * 60 * 60 * 1000;
        let ours_holds_records: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM live_secretary) OR EXISTS (SELECT 1 FROM live_session)",
            [],
            |r| r.get(0),
        )?;
        let other_studio = if ours_holds_records {
            other_studio(&infos, &ours_small, &theirs_small)
        } else {
            None
        };
        Ok(MergePreview {
            possible_duplicates,
            other_studio,
            acknowledged: false,
            path: path.to_owned(),
            tables,
            clock_ahead: super::clock::millis(their_heads.max_clock)
                > super::clock::now_ms().max(super::clock::millis(our_heads.max_clock)) + day_ms,
            their_clock: their_heads.max_clock,
            infos,
            plans,
            their_seen: their_heads.seen,
            generation: self.generation,
        })
    }

    /// Writes a planned merge in one transaction: the winning versions keep their clocks,
    /// our clock moves ahead of every clock seen, and what we have seen grows by theirs.
    /// Cancelling through `progress` writes nothing.
    pub fn apply_merge(&mut self, preview: &MergePreview, progress: &Progress) -> Result<usize> {
        if preview.generation != self.generation {
            return Err(Error::Stale);
        }
        let their_clock = preview.their_clock;
        let written = self.write(|writer| writer.apply_plan(preview, progress))?;
        // Keep ahead of every clock seen, so the next edit here wins over what came in.
        self.conn.execute(
            "UPDATE local SET value = max(value, ?1) WHERE key = 'max_hlc'",
            [their_clock],
        )?;
        Ok(written)
    }
}

/// The other file's studio name if none of its studios is ours and ours holds records of its
/// own (a new, empty studio takes a share file in without a warning).
fn other_studio(
    infos: &[TableInfo],
    ours: &[Vec<Record>],
    theirs: &[Vec<Record>],
) -> Option<String> {
    let s = infos.iter().position(|i| i.name == "studio")?;
    let name = infos[s].columns.iter().position(|c| c == "name")?;
    let live = |t: &[Vec<Record>]| -> Vec<Record> {
        t[s].iter().filter(|r| !r.deleted).cloned().collect()
    };
    let (ours, theirs) = (live(ours), live(theirs));
    if theirs.is_empty() || theirs.iter().any(|t| ours.iter().any(|o| o.uuid == t.uuid)) {
        return None;
    }
    match &theirs[0].values[name] {
        Value::Text(text) => Some(text.clone()),
        _ => Some(String::new()),
    }
}

/// New secretaries in `plans` with the name and branch of a live one of `ours`.
fn new_namesakes(
    infos: &[TableInfo],
    ours: &[Vec<Record>],
    theirs: &[Vec<Record>],
    plans: &[TablePlan],
) -> Vec<String> {
    let table = |n: &str| infos.iter().position(|i| i.name == n);
    let (Some(t), Some(b)) = (table("secretary"), table("branch")) else {
        return Vec::new();
    };
    let column = |t: usize, name: &str| infos[t].columns.iter().position(|c| c == name);
    let (Some(name), Some(branch), Some(branch_name)) =
        (column(t, "name"), column(t, "branch_id"), column(b, "name"))
    else {
        return Vec::new();
    };
    // Branches by name: two files that each entered a branch hold it under two identities.
    let branch_names: HashMap<Uuid, &Value> = ours[b]
        .iter()
        .chain(&theirs[b])
        .map(|r| (r.uuid, &r.values[branch_name]))
        .collect();
    let key = |r: &Record| {
        let branch = match &r.values[branch] {
            Value::Ref(uuid) => branch_names.get(uuid).copied(),
            _ => None,
        };
        format!("{:?}{branch:?}", r.values[name])
    };
    let ours: std::collections::HashSet<String> =
        ours[t].iter().filter(|r| !r.deleted).map(key).collect();
    plans[t]
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::New && !c.record.deleted)
        .filter(|c| ours.contains(&key(&c.record)))
        .filter_map(|c| match &c.record.values[name] {
            Value::Text(text) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Our local keys by identity, per table (grown as records come in).
type LocalKeys = HashMap<String, HashMap<Uuid, i64>>;

/// `, "a", "b"` or `, ?2, ?3`: pieces of SQL from a list.
fn joined(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().concat()
}

/// The columns a merge writes: the record columns but the local key, then the fields.
fn written_columns(info: &TableInfo) -> Vec<String> {
    schema::RECORD_COLUMNS[1..]
        .iter()
        .map(|c| (*c).to_owned())
        .chain(info.columns.iter().cloned())
        .collect()
}

/// A value as `SQLite` holds it outside a record table: a reference as its identity.
pub(super) fn sql_value(value: &Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Int(v) => SqlValue::Integer(*v),
        Value::Real(v) => SqlValue::Real(*v),
        Value::Text(v) => SqlValue::Text(v.clone()),
        Value::Blob(v) => SqlValue::Blob(v.clone()),
        Value::Ref(uuid) => SqlValue::Blob(uuid.to_vec()),
    }
}

/// A record's values as our file writes them, references turned into our local keys. A new
/// site row refers to itself (`own`) until it exists.
fn row_values(
    info: &TableInfo,
    record: &Record,
    local: &LocalKeys,
    own: Option<i64>,
) -> Result<Vec<SqlValue>> {
    let site = |uuid: &Uuid| -> Result<SqlValue> {
        own.or_else(|| local.get("site").and_then(|m| m.get(uuid)).copied())
            .map(SqlValue::Integer)
            .ok_or(Error::RecordNotFound)
    };
    let mut values = vec![
        SqlValue::Blob(record.uuid.to_vec()),
        site(&record.origin)?,
        SqlValue::Integer(record.version.clock),
        site(&record.version.site)?,
        SqlValue::Integer(i64::from(record.deleted)),
    ];
    for (value, refers) in record.values.iter().zip(&info.refers) {
        values.push(match value {
            Value::Null => SqlValue::Null,
            Value::Int(v) => SqlValue::Integer(*v),
            Value::Real(v) => SqlValue::Real(*v),
            Value::Text(v) => SqlValue::Text(v.clone()),
            Value::Blob(v) => SqlValue::Blob(v.clone()),
            Value::Ref(uuid) => SqlValue::Integer(
                local
                    .get(refers.as_deref().unwrap_or_default())
                    .and_then(|m| m.get(uuid))
                    .copied()
                    .ok_or(Error::RecordNotFound)?,
            ),
        });
    }
    Ok(values)
}

impl Writer<'_> {
    /// For the benchmark: gives every record whose key is `offset` modulo `every` a new
    /// version from this write (as if edited here); returns how many.
    #[doc(hidden)]
    pub fn touch_for_bench(&mut self, every: i64, offset: i64) -> Result<usize> {
        let mut touched = 0;
        for name in super::record_tables(self.tx)? {
            if name == "site" || name == "studio" {
                continue;
            }
            touched += self.tx.execute(
                &format!("UPDATE \"{name}\" SET hlc = ?1, hlc_site = ?2 WHERE id % ?3 = ?4"),
                rusqlite::params![self.hlc, self.site, every, offset],
            )?;
        }
        Ok(touched)
    }

    fn local_keys(&self, infos: &[TableInfo]) -> Result<LocalKeys> {
        let mut local = LocalKeys::new();
        for info in infos {
            let mut statement = self
                .tx
                .prepare(&format!("SELECT uuid, id FROM \"{}\"", info.name))?;
            let map = statement
                .query_map([], |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, i64>(1)?)))?
                .filter_map(std::result::Result::ok)
                .filter_map(|(uuid, id)| Some((<Uuid>::try_from(uuid.as_slice()).ok()?, id)))
                .collect();
            local.insert(info.name.clone(), map);
        }
        Ok(local)
    }

    /// Writes one change: an update of our row (found by identity, or by natural key under
    /// another identity), or a new row.
    fn write_change(
        &mut self,
        info: &TableInfo,
        change: &crate::domain::merge::Change,
        local: &mut LocalKeys,
    ) -> Result<()> {
        let record = &change.record;
        let columns = written_columns(info);
        let table = &info.name;
        let existing = change
            .rekey_from
            .or(change.ours.as_ref().map(|o| o.uuid))
            .and_then(|u| local.get(table).and_then(|m| m.get(&u)).copied());
        if let Some(id) = existing {
            let values = row_values(info, record, local, None)?;
            // Only what changed: the version always, the identity if it is re-keyed, the
            // fields that differ from ours (indexes and references of the others are left
            // alone).
            // `columns` is the record columns but the local key, then the fields.
            let fields_from = RECORD_COLUMNS - 1;
            let chosen: Vec<usize> = (0..columns.len())
                .filter(|&k| match k {
                    0 => change.rekey_from.is_some(),
                    k if k < fields_from => true,
                    k => change.ours.as_ref().is_none_or(|ours| {
                        ours.values.get(k - fields_from) != record.values.get(k - fields_from)
                    }),
                })
                .collect();
            let set = chosen
                .iter()
                .enumerate()
                .map(|(n, &k)| format!("\"{}\" = ?{}", columns[k], n + 1))
                .collect::<Vec<_>>()
                .join(", ");
            let key = SqlValue::Integer(id);
            let mut bound: Vec<&SqlValue> = chosen.iter().map(|&k| &values[k]).collect();
            bound.push(&key);
            self.tx
                .prepare_cached(&format!(
                    "UPDATE \"{table}\" SET {set} WHERE id = ?{}",
                    bound.len()
                ))?
                .execute(params_from_iter(bound))?;
            if let Some(map) = local.get_mut(table) {
                if let Some(old) = change.rekey_from {
                    map.remove(&old);
                }
                map.insert(record.uuid, id);
            }
            return Ok(());
        }
        // A new site names itself: it takes the next key and refers to it.
        let own = if table == "site" {
            Some(
                self.tx
                    .query_row("SELECT coalesce(max(id), 0) + 1 FROM site", [], |r| {
                        r.get(0)
                    })?,
            )
        } else {
            None
        };
        let mut values = row_values(info, record, local, own)?;
        let mut names = joined(columns.iter().map(|c| format!(", \"{c}\"")));
        if let Some(id) = own {
            values.insert(0, SqlValue::Integer(id));
            names.insert_str(0, ", id");
        }
        let marks = joined((1..=values.len()).map(|i| format!(", ?{i}")));
        self.tx
            .prepare_cached(&format!(
                "INSERT INTO \"{table}\" ({}) VALUES ({})",
                &names[2..],
                &marks[2..]
            ))?
            .execute(params_from_iter(values.iter()))?;
        let id = own.unwrap_or_else(|| self.tx.last_insert_rowid());
        local
            .entry(table.clone())
            .or_default()
            .insert(record.uuid, id);
        Ok(())
    }

    /// Keeps the losing version of every conflict for review (`local_conflict`).
    fn keep_conflicts(&mut self, preview: &MergePreview) -> Result<()> {
        let merged_at = chrono::Local::now().format("%Y-%m-%d %H:%M").to_string();
        let source = preview
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut field = self.tx.prepare_cached(
            "INSERT INTO local_conflict_field (conflict_id, column_name, value) VALUES (?1, ?2, ?3)",
        )?;
        for (info, plan) in preview.infos.iter().zip(&preview.plans) {
            for conflict in &plan.conflicts {
                let loser = &conflict.loser;
                self.tx.execute(
                    "INSERT INTO local_conflict (merged_at, source, table_name, record_uuid, winner,
                     loser_clock, loser_site, loser_deleted) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    rusqlite::params![
                        merged_at,
                        source,
                        info.name,
                        conflict.uuid.to_vec(),
                        match conflict.winner {
                            crate::domain::merge::Winner::Ours => "ours",
                            crate::domain::merge::Winner::Theirs => "theirs",
                        },
                        loser.version.clock,
                        loser.version.site.to_vec(),
                        loser.deleted,
                    ],
                )?;
                let id = self.tx.last_insert_rowid();
                for (column, value) in info.columns.iter().zip(&loser.values) {
                    field.execute(rusqlite::params![id, column, sql_value(value)])?;
                }
            }
        }
        Ok(())
    }

    fn apply_plan(&mut self, preview: &MergePreview, progress: &Progress) -> Result<usize> {
        let mut local = self.local_keys(&preview.infos)?;
        let total: usize = preview.plans.iter().map(|p| p.changes.len()).sum();
        let mut written = 0;
        for (info, plan) in preview.infos.iter().zip(&preview.plans) {
            for change in &plan.changes {
                if written % 1024 == 0 {
                    #[allow(clippy::cast_precision_loss)]
                    progress
                        .step(0.1 + 0.85 * written as f32 / total.max(1) as f32)
                        .map_err(|_| Error::Cancelled)?;
                }
                self.write_change(info, change, &mut local)?;
                // Sites are bookkeeping: the count is of the records the preview listed.
                if info.name != "site" {
                    written += 1;
                }
            }
            if info.name == "site" {
                // New sites named themselves; now point them at the sites that made them
                // and last changed them (which may have come in after them).
                let site = |u: &Uuid| local.get("site").and_then(|m| m.get(u)).copied();
                for change in plan.changes.iter().filter(|c| c.ours.is_none()) {
                    let record = &change.record;
                    if let (Some(id), Some(origin), Some(last)) = (
                        site(&record.uuid),
                        site(&record.origin),
                        site(&record.version.site),
                    ) {
                        self.tx.execute(
                            "UPDATE site SET origin_site = ?1, hlc_site = ?2 WHERE id = ?3",
                            [origin, last, id],
                        )?;
                    }
                }
            }
        }
        self.keep_conflicts(preview)?;
        // What we have seen now includes what they had seen.
        for (site, clock) in &preview.their_seen.0 {
            self.tx.execute(
                "INSERT INTO local (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)",
                rusqlite::params![format!("seen:{}", hex(site)), clock],
            )?;
        }
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record of a store in a form two files can be compared by: per table, sorted.
    pub(super) fn contents(store: &Store) -> Vec<(String, Vec<Record>)> {
        let infos = table_infos(&store.conn).expect("tables");
        let snapshot = snapshot(&store.conn, &infos, &Progress::new()).expect("snapshot");
        infos
            .into_iter()
            .zip(snapshot.tables)
            .map(|(info, mut records)| {
                records.sort_by_key(|r| r.uuid);
                // The untouched defaults carry their own file's site.
                for record in &mut records {
                    if record.version.clock == 0 {
                        record.version.site = [0; 16];
                        record.origin = [0; 16];
                    }
                }
                (info.name, records)
            })
            .collect()
    }

    fn merge(into: &mut Store, from: &Path) -> MergePreview {
        let preview = into.plan_merge(from, &Progress::new()).expect("plan");
        into.apply_merge(&preview, &Progress::new()).expect("apply");
        preview
    }

    fn studio(folder: &Path, name: &str, seed: bool) -> Store {
        let path = folder.join(name);
        if seed {
            Store::create_with(&path, "古城镇书记工作室", "古城镇", |s| {
                crate::demo::seed_all(
                    s,
                    chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default(),
                )
            })
            .expect("demo")
        } else {
            Store::create(&path, "古城镇书记工作室", "古城镇").expect("empty")
        };
        Store::open(&path).expect("open")
    }

    fn total(preview: &MergePreview, what: fn(&TableSummary) -> usize) -> usize {
        preview.tables.iter().map(what).sum()
    }

    fn rename_first_secretary(store: &mut Store, name: &str) {
        let entry = store.roster().expect("roster").remove(0);
        let mut fields = entry.fields;
        fields.name = name.to_owned();
        store
            .write(|w| w.update_secretary(entry.id, &fields))
            .expect("rename");
    }

    #[test]
    fn the_private_copy_of_the_other_file_is_removed_once_read() {
        // On Windows an open file cannot be removed: the copy must be closed first, or the
        // other village's records stay behind in the temporary folder (seen under Wine).
        let folder = tempfile::tempdir().expect("tempdir");
        let theirs = studio(folder.path(), "对方 村.db", true);
        let foreign = open_foreign(theirs.path().expect("path"), None).expect("open");
        let copy = foreign.copy.path.clone();
        assert!(copy.is_file());
        drop(foreign);
        assert!(!copy.exists(), "{} is left behind", copy.display());
    }

    #[test]
    fn two_files_merged_both_ways_hold_the_same_records_and_again_changes_nothing() {
        let folder = tempfile::tempdir().expect("tempdir");
        let mut a = studio(folder.path(), "a.db", true);
        let mut b = studio(folder.path(), "b.db", false);
        let a_path = a.path().expect("path").to_owned();
        let b_path = b.path().expect("path").to_owned();

        let first = merge(&mut b, &a_path);
        assert!(total(&first, |t| t.new) > 100, "the whole demo comes in");
        assert_eq!(total(&first, |t| t.conflicts), 0);
        let names = |s: &Store| {
            let mut names: Vec<String> = s
                .roster()
                .expect("roster")
                .into_iter()
                .map(|e| e.fields.name)
                .collect();
            names.sort();
            names
        };
        assert_eq!(names(&a), names(&b));
        assert_eq!(
            b.sessions().expect("sessions").len(),
            a.sessions().expect("sessions").len()
        );
        let again = b.plan_merge(&a_path, &Progress::new()).expect("plan");
        assert!(
            again.is_empty(),
            "merging the same file twice changes nothing"
        );

        merge(&mut a, &b_path);
        assert_eq!(contents(&a), contents(&b), "both ways: the same records");
        let itself = a.plan_merge(&a_path, &Progress::new()).expect("plan");
        assert!(
            itself.is_empty(),
            "a file merged into itself changes nothing"
        );
    }

    #[test]
    fn edits_on_both_sides_conflict_the_later_wins_everywhere_and_the_loser_is_kept() {
        let folder = tempfile::tempdir().expect("tempdir");
        let mut a = studio(folder.path(), "a.db", true);
        let mut b = studio(folder.path(), "b.db", false);
        let a_path = a.path().expect("path").to_owned();
        let b_path = b.path().expect("path").to_owned();
        merge(&mut b, &a_path);
        merge(&mut a, &b_path);

        // Only B edits: no conflict, A takes it.
        rename_first_secretary(&mut b, "王建国（B改）");
        let preview = merge(&mut a, &b_path);
        assert_eq!(total(&preview, |t| t.updated), 1);
        assert_eq!(
            total(&preview, |t| t.conflicts),
            0,
            "A had not changed it since"
        );

        // Both edit the same secretary without seeing each other's edit.
        rename_first_secretary(&mut a, "王建国（A改）");
        std::thread::sleep(std::time::Duration::from_millis(5));
        rename_first_secretary(&mut b, "王建国（B再改）");
        let preview = merge(&mut a, &b_path);
        assert_eq!(total(&preview, |t| t.conflicts), 1);
        let (table, conflict) = preview.conflicts().next().expect("a conflict");
        assert_eq!(table, "secretary");
        assert_eq!(conflict.winner, crate::domain::merge::Winner::Theirs);
        assert!(
            conflict
                .loser
                .values
                .contains(&Value::Text("王建国（A改）".to_owned())),
            "A's version is kept for review"
        );
        merge(&mut b, &a_path);
        assert_eq!(contents(&a), contents(&b));
        assert_eq!(
            a.roster().expect("roster")[0].fields.name,
            "王建国（B再改）"
        );

        // A keeps the losing version for review and can take it instead.
        let review = a.merge_conflicts().expect("conflicts");
        assert_eq!(review.len(), 1, "{review:?}");
        assert_eq!(review[0].table, "secretary");
        assert_eq!(review[0].label, "王建国（B再改）");
        assert_eq!(review[0].source, "b.db");
        assert_eq!(
            review[0].fields,
            [super::super::review::FieldDiff {
                column: "name".to_owned(),
                kept: Some("王建国（B再改）".to_owned()),
                other: Some("王建国（A改）".to_owned()),
            }]
        );
        assert!(b.merge_conflicts().expect("b").is_empty(), "B lost nothing");
        a.write(|w| w.take_other_version(review[0].id))
            .expect("take the other");
        assert_eq!(a.roster().expect("roster")[0].fields.name, "王建国（A改）");
        assert!(a.merge_conflicts().expect("settled").is_empty());
        assert!(
            a.write(|w| w.take_other_version(review[0].id)).is_err(),
            "a settled conflict cannot be taken again"
        );
        // The choice is an edit like any other: it travels and is no conflict.
        let preview = merge(&mut b, &a_path);
        assert_eq!(total(&preview, |t| t.conflicts), 0);
        assert_eq!(b.roster().expect("roster")[0].fields.name, "王建国（A改）");
        merge(&mut a, &b_path);
        assert_eq!(contents(&a), contents(&b));
    }

    #[test]
    fn the_same_person_entered_in_two_villages_is_offered_and_linked_into_one() {
        use crate::domain::session::{AttendanceMark, AttendanceStatus};
        let folder = tempfile::tempdir().expect("tempdir");
        let mut a = studio(folder.path(), "a.db", true);
        let mut b = studio(folder.path(), "b.db", false);
        let a_path = a.path().expect("path").to_owned();
        let b_path = b.path().expect("path").to_owned();
        merge(&mut b, &a_path);
        let branch = a.branches().expect("branches")[0].id;
        let session = a.sessions().expect("sessions")[0].id;
        let person = |phone: &str| crate::domain::roster::SecretaryFields {
            name: "李新民".to_owned(),
            branch_id: Some(branch),
            phone: phone.to_owned(),
            ..Default::default()
        };
        let mark = |store: &mut Store, id| {
            store
                .write(|w| {
                    w.set_attendance(
                        session,
                        &AttendanceMark {
                            secretary_id: id,
                            status: AttendanceStatus::Present,
                            reason: String::new(),
                        },
                    )
                })
                .expect("mark");
        };
        let in_a = a.write(|w| w.add_secretary(&person(""))).expect("add");
        mark(&mut a, in_a);
        std::thread::sleep(std::time::Duration::from_millis(5));
        let in_b = b
            .write(|w| w.add_secretary(&person("13800000000")))
            .expect("add");
        mark(&mut b, in_b);
        assert!(a.possible_duplicates().expect("none yet").is_empty());

        let preview = merge(&mut a, &b_path);
        assert_eq!(
            preview.possible_duplicates,
            ["李新民"],
            "named in the preview"
        );
        let duplicates = a.possible_duplicates().expect("duplicates");
        assert_eq!(duplicates.len(), 1, "offered, not merged silently");
        assert_eq!(duplicates[0].keep.id, in_a, "the one entered first stays");
        assert_eq!(duplicates[0].keep.sessions, 1);
        assert_eq!(duplicates[0].other.phone, "13800000000");
        let live = |s: &Store| {
            s.roster()
                .expect("roster")
                .into_iter()
                .filter(|e| e.fields.name == "李新民")
                .count()
        };
        assert_eq!(live(&a), 2);

        a.write(|w| w.link_duplicate(duplicates[0].keep.id, duplicates[0].other.id, false))
            .expect("link");
        assert_eq!(live(&a), 1);
        let kept = a.secretary(in_a).expect("read").expect("kept");
        assert_eq!(kept.fields.phone, "13800000000", "empty fields filled");
        let marks = a.attendance(session).expect("attendance");
        assert_eq!(
            marks.iter().filter(|m| m.secretary_id == in_a).count(),
            1,
            "one mark at the session both marked"
        );
        assert!(a.possible_duplicates().expect("after").is_empty());

        // B takes the link with the next merge and holds the same records.
        merge(&mut b, &a_path);
        assert_eq!(live(&b), 1);
        assert!(b.possible_duplicates().expect("b").is_empty());
        merge(&mut a, &b_path);
        assert_eq!(contents(&a), contents(&b));
    }

    #[test]
    fn a_cancelled_merge_writes_nothing() {
        let folder = tempfile::tempdir().expect("tempdir");
        let a = studio(folder.path(), "a.db", true);
        let mut b = studio(folder.path(), "b.db", false);
        let before = contents(&b);
        let preview = b
            .plan_merge(a.path().expect("path"), &Progress::new())
            .expect("plan");
        let progress = Progress::new();
        progress.cancel();
        assert!(matches!(
            b.apply_merge(&preview, &progress),
            Err(Error::Cancelled)
        ));
        assert_eq!(contents(&b), before);
        assert!(b.roster().expect("roster").is_empty());
    }

    #[test]
    fn a_share_protected_with_a_passphrase_opens_only_with_it() {
        let folder = tempfile::tempdir().expect("tempdir");
        let a = studio(folder.path(), "a.db", true);
        let stick = folder.path().join("U盘");
        std::fs::create_dir(&stick).expect("stick");
        let share = stick.join("分享.db");
        a.share_with(&share, Some("东坪村2026"), &Progress::new())
            .expect("share");
        let bytes = std::fs::read(&share).expect("read");
        assert!(super::super::sealed::is_sealed(&share));
        let phone = a.roster().expect("roster")[0].fields.phone.clone();
        assert!(
            !bytes.windows(phone.len()).any(|w| w == phone.as_bytes()),
            "no phone number readable on the stick"
        );
        assert_eq!(
            std::fs::read_dir(&stick).expect("dir").count(),
            1,
            "nothing but the protected file on the stick"
        );

        let mut b = studio(folder.path(), "b.db", false);
        let before = contents(&b);
        assert!(matches!(
            b.plan_merge(&share, &Progress::new()),
            Err(Error::NeedsPassphrase)
        ));
        assert!(matches!(
            b.plan_merge_with(&share, Some("东坪村2025"), &Progress::new()),
            Err(Error::WrongPassphrase)
        ));
        let mut damaged = bytes.clone();
        let last = damaged.len() - 100;
        damaged[last] ^= 0x55;
        let broken = stick.join("坏的.db");
        std::fs::write(&broken, damaged).expect("write");
        assert!(matches!(
            b.plan_merge_with(&broken, Some("东坪村2026"), &Progress::new()),
            Err(Error::Corrupt(_))
        ));
        assert_eq!(contents(&b), before, "nothing changed by the refusals");
        let preview = b
            .plan_merge_with(&share, Some("东坪村2026"), &Progress::new())
            .expect("the right passphrase");
        b.apply_merge(&preview, &Progress::new()).expect("apply");
        assert_eq!(b.roster().expect("roster").len(), 20);
        // A later share over the protected one is allowed.
        a.share(&share, &Progress::new()).expect("replace");
    }

    #[test]
    fn people_said_to_be_different_leave_the_list() {
        let folder = tempfile::tempdir().expect("tempdir");
        let mut a = studio(folder.path(), "a.db", true);
        let first = a.roster().expect("roster").remove(0);
        let twin = a.write(|w| w.add_secretary(&first.fields)).expect("add");
        let duplicates = a.possible_duplicates().expect("duplicates");
        assert_eq!(duplicates.len(), 1);
        assert_eq!(
            (duplicates[0].keep.id, duplicates[0].other.id),
            (first.id, twin)
        );
        a.write(|w| w.mark_distinct(first.id, twin))
            .expect("distinct");
        assert!(a.possible_duplicates().expect("none").is_empty());
        assert_eq!(a.roster().expect("both stay").len(), 21);
    }

    #[test]
    fn a_deletion_travels_and_an_older_copy_does_not_bring_it_back() {
        let folder = tempfile::tempdir().expect("tempdir");
        let mut a = studio(folder.path(), "a.db", true);
        let mut b = studio(folder.path(), "b.db", false);
        let a_path = a.path().expect("path").to_owned();
        let b_path = b.path().expect("path").to_owned();
        merge(&mut b, &a_path);
        let old_copy = folder.path().join("old.db");
        b.save_copy(&old_copy, false).expect("copy");
        let session = b.sessions().expect("sessions")[0].id;
        b.write(|w| w.delete_session(session)).expect("delete");
        let before = a.sessions().expect("sessions").len();
        merge(&mut a, &b_path);
        assert_eq!(a.sessions().expect("sessions").len(), before - 1);
        let preview = merge(&mut a, &old_copy);
        assert!(preview.is_empty(), "the old copy is older everywhere");
        assert_eq!(a.sessions().expect("sessions").len(), before - 1);
    }

    #[test]
    fn an_edit_made_only_in_a_copy_comes_back_without_a_conflict() {
        let folder = tempfile::tempdir().expect("tempdir");
        let mut a = studio(folder.path(), "a.db", true);
        // Edited before the copy, so the copy starts from a file with history.
        rename_first_secretary(&mut a, "王建国（复制前改）");
        let copy_path = folder.path().join("villageC.db");
        a.save_copy(&copy_path, false).expect("copy");
        let mut copy = Store::open(&copy_path).expect("open the copy");
        let second = copy.roster().expect("roster").remove(1);
        let mut fields = second.fields.clone();
        fields.phone = "13900000000".to_owned();
        copy.write(|w| w.update_secretary(second.id, &fields))
            .expect("edit in the copy");
        drop(copy);
        let preview = merge(&mut a, &copy_path);
        assert_eq!(total(&preview, |t| t.updated), 1, "the copy's edit");
        assert_eq!(
            total(&preview, |t| t.conflicts),
            0,
            "the original had not changed it since the copy"
        );
        assert!(a.merge_conflicts().expect("review").is_empty());
    }

    #[test]
    fn a_copied_file_gets_a_site_of_its_own_and_merges_back_like_a_share_file() {
        let folder = tempfile::tempdir().expect("tempdir");
        let mut a = studio(folder.path(), "a.db", true);
        // Copied straight after it was made, before any edit.
        let a_path = a.path().expect("path").to_owned();
        let copy_path = folder.path().join("U盘").join("a.db");
        std::fs::create_dir(copy_path.parent().expect("folder")).expect("folder");
        a.save_copy(&copy_path, false)
            .expect("copy as Explorer would");
        let mut copy = Store::open(&copy_path).expect("open the copy");
        assert_eq!(
            copy.site, a.site,
            "the same bytes, the same site until it writes"
        );
        rename_first_secretary(&mut copy, "王建国（在别村改）");
        let sites = |s: &Store| -> i64 {
            s.conn
                .query_row("SELECT value FROM local WHERE key = 'site_id'", [], |r| {
                    r.get(0)
                })
                .expect("site")
        };
        assert_ne!(
            sites(&copy),
            sites(&a),
            "the copy's first write gave it a site"
        );
        assert_ne!(copy.site, a.site);
        // The original goes on in its own place without a new site.
        let before = sites(&a);
        rename_first_secretary(&mut a, "王建国（在本村改）");
        assert_eq!(sites(&a), before);

        let preview = merge(&mut a, &copy_path);
        assert_eq!(
            total(&preview, |t| t.updated),
            0,
            "the copy's edit lost to the later one here"
        );
        assert_eq!(total(&preview, |t| t.new), 1, "the copy's site");
        assert_eq!(
            total(&preview, |t| t.conflicts),
            1,
            "both renamed the same secretary"
        );
        merge(&mut copy, &a_path);
        assert_eq!(contents(&a), contents(&copy));
        assert!(
            copy.plan_merge(&a_path, &Progress::new())
                .expect("plan")
                .is_empty()
        );
    }

    #[test]
    fn undo_merge_puts_back_the_file_as_it_was_before() {
        let folder = tempfile::tempdir().expect("tempdir");
        let a = studio(folder.path(), "a.db", true);
        let mut b = studio(folder.path(), "b.db", false);
        b.write(|w| w.add_area("本村片区").map(|_| ()))
            .expect("an area");
        let before = contents(&b);
        let backup = b.backup_before("合并前").expect("backup").expect("a file");
        assert!(backup.starts_with(folder.path().join("b-备份")));
        merge(&mut b, a.path().expect("path"));
        assert_ne!(contents(&b), before);
        b.restore_from(&backup).expect("restore");
        assert_eq!(contents(&b), before);
        b.write(|w| w.add_area("新片区").map(|_| ()))
            .expect("writes go on after the undo");
    }

    #[test]
    fn a_share_file_carries_its_manifest_and_a_changed_record_is_caught() {
        let folder = tempfile::tempdir().expect("tempdir");
        let a = studio(folder.path(), "a.db", true);
        let stick = folder.path().join("U盘");
        std::fs::create_dir(&stick).expect("stick");
        let share = stick.join("古城镇-分享.db");
        let manifest = a.share(&share, &Progress::new()).expect("share");
        assert_eq!(manifest.app, "secretary-studio");
        assert_eq!(manifest.studio, "古城镇书记工作室");
        let secretaries = manifest
            .counts
            .iter()
            .find(|(t, _)| t == "secretary")
            .map(|(_, n)| *n);
        assert_eq!(secretaries, Some(20));
        let conn = Connection::open(&share).expect("open");
        assert_eq!(ShareManifest::read(&conn).expect("read"), Some(manifest));
        drop(conn);
        // Shared again over the earlier share: fine. Over anything else: refused.
        a.share(&share, &Progress::new()).expect("again");
        let sheet = stick.join("花名册.xlsx");
        std::fs::write(&sheet, b"PK\x03\x04 a spreadsheet").expect("sheet");
        assert!(matches!(
            a.share(&sheet, &Progress::new()),
            Err(Error::WouldReplaceOtherFile)
        ));
        assert!(matches!(
            a.share(
                &folder.path().join("拔掉的U盘").join("x.db"),
                &Progress::new()
            ),
            Err(Error::NoSuchFolder)
        ));
        assert_eq!(
            std::fs::read_dir(&stick).expect("dir").count(),
            2,
            "no temporary file left on the stick"
        );

        let mut b = studio(folder.path(), "b.db", false);
        let preview = merge(&mut b, &share);
        assert!(total(&preview, |t| t.new) > 100);
        // A record changed in the share after it was written: the checksum catches it.
        let conn = Connection::open(&share).expect("open");
        conn.execute("UPDATE secretary SET name = '假名' WHERE id = 1", [])
            .expect("tamper");
        drop(conn);
        // B has seen all of it already and takes nothing; a studio that has not is refused.
        assert!(
            b.plan_merge(&share, &Progress::new())
                .expect("plan")
                .is_empty()
        );
        let c = studio(folder.path(), "c.db", false);
        let error = c.plan_merge(&share, &Progress::new()).expect_err("refused");
        assert!(matches!(error, Error::ShareChecksum), "{error}");

        // A share file opened and edited in the other village is their studio now: its
        // edits have newer clocks, and it merges like any file.
        a.share(&share, &Progress::new()).expect("share again");
        let mut theirs = Store::open(&share).expect("open the share");
        rename_first_secretary(&mut theirs, "王建国（在分享文件里改）");
        drop(theirs);
        let preview = c
            .plan_merge(&share, &Progress::new())
            .expect("an edited share merges");
        assert!(total(&preview, |t| t.new) > 100);
    }

    /// A hostile or broken file is refused and our file is not changed at all.
    #[test]
    fn hostile_files_are_refused_and_ours_is_untouched() {
        let folder = tempfile::tempdir().expect("tempdir");
        let mut ours = studio(folder.path(), "ours.db", true);
        let before = contents(&ours);
        let make = |name: &str, sql: &str| -> PathBuf {
            let path = folder.path().join(name);
            Store::create_with(&path, "别村", "别镇", crate::demo::seed).expect("demo");
            let conn = Connection::open(&path).expect("open");
            conn.execute_batch(sql).expect("tamper");
            drop(conn);
            path
        };
        let cases: Vec<(PathBuf, &str)> = vec![
            (
                make(
                    "trigger.db",
                    "CREATE TRIGGER evil AFTER INSERT ON area BEGIN DELETE FROM secretary; END;",
                ),
                "trigger evil",
            ),
            (
                make("view.db", "CREATE VIEW extra AS SELECT * FROM secretary;"),
                "view extra",
            ),
            (
                make("table.db", "CREATE TABLE unknown (x TEXT);"),
                "table unknown",
            ),
            (
                make(
                    "huge.db",
                    "UPDATE secretary SET notes = printf('%.*c', 2000000, 'x') WHERE id = 1;",
                ),
                "secretary.notes",
            ),
            (make("newer.db", "PRAGMA user_version = 99;"), "99"),
        ];
        for (path, says) in &cases {
            let error = ours
                .plan_merge(path, &Progress::new())
                .err()
                .unwrap_or_else(|| panic!("{} was accepted", path.display()));
            let message = error.to_string();
            assert!(message.contains(says), "{}: {message}", path.display());
        }
        let photo = folder.path().join("photo.db");
        std::fs::write(&photo, b"\xff\xd8\xff\xe0 not a database at all").expect("write");
        assert!(ours.plan_merge(&photo, &Progress::new()).is_err());
        let truncated = folder.path().join("truncated.db");
        let bytes = std::fs::read(folder.path().join("trigger.db")).expect("read");
        std::fs::write(&truncated, &bytes[..bytes.len() / 3]).expect("write");
        assert!(ours.plan_merge(&truncated, &Progress::new()).is_err());
        assert_eq!(contents(&ours), before, "our records are unchanged");
        ours.write(|_| Ok(())).expect("and still writable");
    }
}

/// Random edit histories on three sites merged in random orders: every site ends with the same
/// records, merging again changes nothing, and no record is ever duplicated.
#[cfg(test)]
mod convergence {
    use super::*;
    use crate::domain::exchange::NoticeFields;
    use crate::store::SystemRecord;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        /// A site posts a notice.
        Add(usize, u8),
        /// A site edits the n-th notice it holds (live or not).
        Edit(usize, usize, u8),
        /// A site deletes the n-th notice it holds.
        Delete(usize, usize),
        /// A site restores the n-th notice it holds.
        Restore(usize, usize),
        /// A site merges another's file.
        Merge(usize, usize),
        /// A site's laptop clock runs a day ahead (its later edits carry clocks from the
        /// future; then the others' real clocks are behind it).
        ClockAhead(usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            3 => (0..3usize, any::<u8>()).prop_map(|(s, t)| Op::Add(s, t)),
            3 => (0..3usize, 0..8usize, any::<u8>()).prop_map(|(s, n, t)| Op::Edit(s, n, t)),
            1 => (0..3usize, 0..8usize).prop_map(|(s, n)| Op::Delete(s, n)),
            1 => (0..3usize, 0..8usize).prop_map(|(s, n)| Op::Restore(s, n)),
            3 => (0..3usize, 0..3usize).prop_map(|(a, b)| Op::Merge(a, b)),
            1 => (0..3usize).prop_map(Op::ClockAhead),
        ]
    }

    /// The notices of a site, every one (deleted too), by identity.
    fn notice_ids(store: &Store) -> Vec<(i64, Uuid)> {
        store
            .conn
            .prepare("SELECT id, uuid FROM notice ORDER BY uuid")
            .expect("prepare")
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))
            .expect("query")
            .map(|r| {
                let (id, uuid) = r.expect("row");
                (id, uuid.as_slice().try_into().expect("16 bytes"))
            })
            .collect()
    }

    fn fields(text: u8) -> NoticeFields {
        NoticeFields {
            posted_on: chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap_or_default(),
            title: format!("通知{text}"),
            text: format!("内容{text}"),
            pinned: text.is_multiple_of(2),
        }
    }

    fn run(ops: &[Op]) -> Result<(), TestCaseError> {
        let folder = tempfile::tempdir().expect("tempdir");
        let mut sites: Vec<Store> = ["a.db", "b.db", "c.db"]
            .iter()
            .map(|name| {
                let path = folder.path().join(name);
                Store::create(&path, "古城镇书记工作室", "古城镇").expect("create");
                Store::open(&path).expect("open")
            })
            .collect();
        let paths: Vec<PathBuf> = sites
            .iter()
            .map(|s| s.path().expect("path").to_owned())
            .collect();
        let mut added = 0;
        for op in ops {
            match *op {
                Op::Add(s, t) => {
                    sites[s].write(|w| w.add_notice(&fields(t))).expect("add");
                    added += 1;
                }
                Op::Edit(s, n, _) | Op::Delete(s, n) | Op::Restore(s, n) => {
                    let ids = notice_ids(&sites[s]);
                    if ids.is_empty() {
                        continue;
                    }
                    let id = crate::domain::exchange::NoticeId(ids[n % ids.len()].0);
                    let result = sites[s].write(|w| match *op {
                        Op::Edit(_, _, t) => w.update_notice(id, &fields(t)),
                        Op::Delete(..) => w.set_record_deleted(SystemRecord::Notice(id), true),
                        _ => w.set_record_deleted(SystemRecord::Notice(id), false),
                    });
                    // Editing a deleted notice is refused, as the screen refuses it.
                    match result {
                        Ok(()) | Err(Error::RecordNotFound) => {}
                        Err(error) => panic!("edit: {error}"),
                    }
                }
                Op::Merge(into, from) => {
                    let preview = sites[into]
                        .plan_merge(&paths[from], &Progress::new())
                        .expect("plan");
                    sites[into]
                        .apply_merge(&preview, &Progress::new())
                        .expect("apply");
                }
                Op::ClockAhead(s) => {
                    let day = (24 * 60 * 60 * 1000_i64) << crate::store::clock::COUNTER_BITS;
                    sites[s]
                        .conn
                        .execute(
                            "UPDATE local SET value = value + ?1 WHERE key = 'max_hlc'",
                            [day],
                        )
                        .expect("clock");
                }
            }
        }
        // What must win: per record, its highest version on any site.
        let mut expected: HashMap<Uuid, Record> = HashMap::new();
        for site in &sites {
            for (table, records) in super::tests::contents(site) {
                if table != "notice" {
                    continue;
                }
                for record in records {
                    let best = expected
                        .entry(record.uuid)
                        .or_insert_with(|| record.clone());
                    if record.version > best.version {
                        *best = record;
                    }
                }
            }
        }
        // Everyone meets everyone: 0 ← 1, 0 ← 2, then 1 ← 0 and 2 ← 0.
        for (into, from) in [(0, 1), (0, 2), (1, 0), (2, 0)] {
            let preview = sites[into]
                .plan_merge(&paths[from], &Progress::new())
                .expect("plan");
            sites[into]
                .apply_merge(&preview, &Progress::new())
                .expect("apply");
        }
        let all: Vec<_> = sites.iter().map(super::tests::contents).collect();
        prop_assert_eq!(&all[0], &all[1], "site b converged");
        prop_assert_eq!(&all[0], &all[2], "site c converged");
        for (into, from) in [(0, 1), (1, 2), (2, 0), (0, 0)] {
            let again = sites[into]
                .plan_merge(&paths[from], &Progress::new())
                .expect("plan");
            prop_assert!(again.is_empty(), "merging again changes nothing");
        }
        prop_assert_eq!(
            notice_ids(&sites[0]).len(),
            added,
            "no notice duplicated or lost"
        );
        let notices = all[0]
            .iter()
            .find(|(table, _)| table == "notice")
            .map(|(_, records)| records.clone())
            .unwrap_or_default();
        for record in &notices {
            prop_assert_eq!(
                Some(record),
                expected.get(&record.uuid),
                "the highest version won"
            );
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 40,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn three_sites_converge_whatever_the_order(ops in proptest::collection::vec(op(), 1..24)) {
            run(&ops)?;
        }
    }
}
