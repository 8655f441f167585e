//! Reading a file's records: identities, versions and fields, references turned into
//! identities by `SQLite` itself, every value checked. Nothing holds a whole file: records
//! are read a table at a time, and only those a merge needs.

use super::{RECORD_COLUMNS, TableInfo};
use crate::domain::merge::{Record, Seen, Uuid, Value, Version};
use crate::store::{Error, Result, local_value};
use crate::work::Progress;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;
use std::fmt::Write as _;

/// The longest text or bytes a field of another file may hold (1 MB).
pub(super) const MAX_FIELD_BYTES: usize = 1 << 20;

pub(super) fn too_long(info: &TableInfo, column: usize, length: usize) -> Error {
    Error::Corrupt(format!(
        "{}.{} holds a value of {length} bytes",
        info.name, info.columns[column]
    ))
}

/// What a pass over every record of a file found: per table, how many; the highest clock;
/// and a checksum of every record (independent of row order and local keys).
pub(super) struct Summary {
    pub(super) counts: Vec<usize>,
    pub(super) max_clock: i64,
    pub(super) checksum: u64,
}

/// A record's checksum: CRC-32 of its table and its fields in a fixed form.
pub(super) fn record_checksum(table: &str, record: &Record) -> u32 {
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

pub(super) fn uuid_of(value: &SqlValue, what: &str) -> Result<Uuid> {
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

/// The sites of a file by local key (a few dozen: every other table names them).
pub(super) type Sites = HashMap<i64, Uuid>;

/// Reads the sites of `conn`.
pub(super) fn sites(conn: &Connection) -> Result<Sites> {
    let mut statement = conn.prepare("SELECT id, uuid FROM site")?;
    let mut rows = statement.query([])?;
    let mut sites = Sites::new();
    while let Some(row) = rows.next()? {
        sites.insert(row.get(0)?, uuid_of(&row.get(1)?, "site")?);
    }
    Ok(sites)
}

fn site_of(sites: &Sites, id: i64, table: &str) -> Result<Uuid> {
    sites
        .get(&id)
        .copied()
        .ok_or_else(|| Error::Corrupt(format!("{table}: a record names an unknown site")))
}

/// `SELECT uuid, origin_site, hlc, hlc_site, deleted, <fields> FROM <table> AS t`, where a
/// field that refers to another record is followed by that record's identity, looked up by
/// `SQLite` (a missing one reads as NULL beside a key: the file is damaged).
pub(super) fn record_select(info: &TableInfo) -> String {
    let mut columns = String::new();
    for (column, refers) in info.columns.iter().zip(&info.refers) {
        let _ = write!(columns, ", t.\"{column}\"");
        if let Some(table) = refers {
            let _ = write!(
                columns,
                ", (SELECT uuid FROM \"{table}\" WHERE id = t.\"{column}\")"
            );
        }
    }
    // The local key last, where the record's columns do not see it.
    format!(
        "SELECT t.uuid, t.origin_site, t.hlc, t.hlc_site, t.deleted{columns}, t.id FROM \"{}\" AS t",
        info.name
    )
}

/// Our local keys by identity, of the records read.
pub(super) type Keys = HashMap<Uuid, i64>;

/// The local key of a row of [`record_select`] (its last column).
fn local_key(row: &rusqlite::Row<'_>) -> Result<i64> {
    let last = row.as_ref().column_count() - 1;
    Ok(row.get(last)?)
}

/// The rows of a query of [`record_select`] as records, each key noted in `keys` if given.
fn collect(
    mut rows: rusqlite::Rows<'_>,
    info: &TableInfo,
    sites: &Sites,
    mut keys: Option<&mut Keys>,
) -> Result<Vec<Record>> {
    let mut records = Vec::new();
    while let Some(row) = rows.next()? {
        let record = decode(row, info, sites)?;
        if let Some(keys) = keys.as_deref_mut() {
            keys.insert(record.uuid, local_key(row)?);
        }
        records.push(record);
    }
    Ok(records)
}

/// One row of [`record_select`] as a record; every value checked.
pub(super) fn decode(row: &rusqlite::Row<'_>, info: &TableInfo, sites: &Sites) -> Result<Record> {
    let uuid = uuid_of(&row.get(0)?, &info.name)?;
    let clock: i64 = row.get(2)?;
    let mut values = Vec::with_capacity(info.columns.len());
    let mut at = RECORD_COLUMNS - 1;
    for (i, refers) in info.refers.iter().enumerate() {
        let value: SqlValue = row.get(at)?;
        at += 1;
        if refers.is_some() {
            let identity: SqlValue = row.get(at)?;
            at += 1;
            values.push(match (value, identity) {
                (SqlValue::Null, _) => Value::Null,
                (SqlValue::Integer(_), identity @ SqlValue::Blob(_)) => {
                    Value::Ref(uuid_of(&identity, &info.name)?)
                }
                _ => {
                    return Err(Error::Corrupt(format!(
                        "{}.{} refers to a record that is not there",
                        info.name, info.columns[i]
                    )));
                }
            });
            continue;
        }
        values.push(match value {
            SqlValue::Null => Value::Null,
            SqlValue::Integer(v) => Value::Int(v),
            SqlValue::Real(v) => Value::Real(v),
            SqlValue::Text(v) if v.len() <= MAX_FIELD_BYTES => Value::Text(v),
            SqlValue::Blob(v) if v.len() <= MAX_FIELD_BYTES => Value::Blob(v),
            SqlValue::Text(v) => return Err(too_long(info, i, v.len())),
            SqlValue::Blob(v) => return Err(too_long(info, i, v.len())),
        });
    }
    Ok(Record {
        uuid,
        origin: site_of(sites, row.get(1)?, &info.name)?,
        version: Version {
            clock,
            site: site_of(sites, row.get(3)?, &info.name)?,
        },
        deleted: row.get::<_, i64>(4)? != 0,
        values,
    })
}

/// Every record of `info` (for a small table, or a test).
pub(super) fn all_records(
    conn: &Connection,
    info: &TableInfo,
    sites: &Sites,
    keys: Option<&mut Keys>,
) -> Result<Vec<Record>> {
    let mut statement = conn.prepare(&record_select(info))?;
    collect(statement.query([])?, info, sites, keys)
}

/// The records of `info` whose versions `seen` has not seen: the only ones of a file that can
/// change anything in a file that has seen `seen`. One pass, the filter in `SQLite`: a record
/// is seen when its clock is at most what `seen` holds of its site (`Seen::has_seen`), and
/// everything at clock 0 (the defaults every file is born with) is.
pub(super) fn unseen_records(
    conn: &Connection,
    info: &TableInfo,
    sites: &Sites,
    seen: &Seen,
) -> Result<Vec<Record>> {
    let mut statement = conn.prepare(&format!(
        "{} WHERE {}",
        record_select(info),
        unseen(sites, seen)
    ))?;
    collect(statement.query([])?, info, sites, None)
}

/// The condition on a record `t` that `seen` has not seen its version: its clock is above 0
/// and above what `seen` holds of its site (the sites' local keys written out: they are few).
fn unseen(sites: &Sites, seen: &Seen) -> String {
    let mut cases = String::new();
    for (id, uuid) in sites {
        if let Some(clock) = seen.0.get(uuid) {
            let _ = write!(cases, " WHEN {id} THEN {clock}");
        }
    }
    if cases.is_empty() {
        "t.hlc > 0".to_owned()
    } else {
        format!("t.hlc > max(0, CASE t.hlc_site{cases} ELSE 0 END)")
    }
}

/// Whether `info` holds a record whose version `seen` has not seen.
pub(super) fn has_unseen(
    conn: &Connection,
    info: &TableInfo,
    sites: &Sites,
    seen: &Seen,
) -> Result<bool> {
    Ok(conn.query_row(
        &format!(
            "SELECT EXISTS (SELECT 1 FROM \"{}\" AS t WHERE {})",
            info.name,
            unseen(sites, seen)
        ),
        [],
        |r| r.get(0),
    )?)
}

/// The records of `info` with the identities `wanted`, found through the identity index in
/// one statement (in identity order when `wanted` is); those the file lacks are left out.
pub(super) fn records_by_uuid<'a>(
    conn: &Connection,
    info: &TableInfo,
    sites: &Sites,
    wanted: impl IntoIterator<Item = &'a Uuid>,
    keys: &mut Keys,
) -> Result<Vec<Record>> {
    let wanted = wanted
        .into_iter()
        .map(|u| SqlValue::Blob(u.to_vec()))
        .collect();
    records_in(conn, info, sites, "uuid", wanted, keys)
}

/// The records of `info` with the local keys `wanted`.
pub(super) fn records_by_id(
    conn: &Connection,
    info: &TableInfo,
    sites: &Sites,
    wanted: impl IntoIterator<Item = i64>,
    keys: &mut Keys,
) -> Result<Vec<Record>> {
    let wanted = wanted.into_iter().map(SqlValue::Integer).collect();
    records_in(conn, info, sites, "id", wanted, keys)
}

/// The records of `info` whose `column` (identity or local key, both indexed) is one of
/// `wanted`, in one statement (`rarray`, the carray of `SQLite`); each key noted in `keys`.
fn records_in(
    conn: &Connection,
    info: &TableInfo,
    sites: &Sites,
    column: &str,
    wanted: Vec<SqlValue>,
    keys: &mut Keys,
) -> Result<Vec<Record>> {
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    rusqlite::vtab::array::load_module(conn)?;
    let mut statement = conn.prepare(&format!(
        "{} WHERE t.\"{column}\" IN rarray(?1)",
        record_select(info)
    ))?;
    collect(
        statement.query([std::rc::Rc::new(wanted)])?,
        info,
        sites,
        Some(keys),
    )
}

/// One pass over every record of `conn`, a row at a time: what a share file's manifest says.
pub(super) fn file_summary(
    conn: &Connection,
    infos: &[TableInfo],
    progress: &Progress,
) -> Result<Summary> {
    let sites = sites(conn)?;
    let mut counts = Vec::with_capacity(infos.len());
    let mut max_clock = 0;
    let mut checksum = 0u64;
    for (n, info) in infos.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        progress
            .step(0.1 + 0.4 * n as f32 / infos.len() as f32)
            .map_err(|_| Error::Cancelled)?;
        let mut statement = conn.prepare(&record_select(info))?;
        let mut rows = statement.query([])?;
        let mut count = 0;
        while let Some(row) = rows.next()? {
            let record = decode(row, info, &sites)?;
            max_clock = max_clock.max(record.version.clock);
            // A sum, so the order rows are read in does not matter.
            checksum = checksum.wrapping_add(u64::from(record_checksum(&info.name, &record)));
            count += 1;
        }
        counts.push(count);
    }
    Ok(Summary {
        counts,
        max_clock,
        checksum,
    })
}

/// What a file has seen: its `seen:` entries, and its own site up to `highest` (its clock, or
/// a higher clock found in its records).
pub(super) fn file_seen(conn: &Connection, highest: i64) -> Result<Seen> {
    let mut seen = read_seen(conn)?;
    let own_site = local_value(conn, "site_id")?.unwrap_or(0);
    let uuid: Option<SqlValue> = conn
        .query_row("SELECT uuid FROM site WHERE id = ?1", [own_site], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(site) = uuid.and_then(|u| uuid_of(&u, "local").ok()) {
        let highest = local_value(conn, "max_hlc")?.unwrap_or(0).max(highest);
        seen.absorb(&Seen([(site, highest)].into_iter().collect()));
    }
    Ok(seen)
}

/// How far a file has seen other sites (`seen:<site identity in hex>` in `local`).
pub(super) fn read_seen(conn: &Connection) -> Result<Seen> {
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

pub(super) fn hex(uuid: &Uuid) -> String {
    uuid.iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .concat()
}

pub(super) fn from_hex(text: &str) -> Option<Uuid> {
    let mut uuid = [0u8; 16];
    if text.len() != 32 {
        return None;
    }
    for (i, slot) in uuid.iter_mut().enumerate() {
        *slot = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(uuid)
}
