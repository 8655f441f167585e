//! Reading a file's records: identities, versions and fields, references translated to
//! identities, every value checked.

use super::{RECORD_COLUMNS, TableInfo};
use crate::domain::merge::{Record, Seen, Uuid, Value, Version};
use crate::store::{Error, Result, local_value};
use crate::work::Progress;
use rusqlite::Connection;
use rusqlite::types::Value as SqlValue;
use std::collections::HashMap;

/// The longest text or bytes a field of another file may hold (1 MB).
pub(super) const MAX_FIELD_BYTES: usize = 1 << 20;

pub(super) fn too_long(info: &TableInfo, column: usize, length: usize) -> Error {
    Error::Corrupt(format!(
        "{}.{} holds a value of {length} bytes",
        info.name, info.columns[column]
    ))
}

/// Every record of a file, by table, with references as identities.
pub(super) struct Snapshot {
    /// Per table (in `TableInfo` order), the records.
    pub(super) tables: Vec<Vec<Record>>,
    /// The highest clock in the file.
    pub(super) max_clock: i64,
    /// A checksum of every record (independent of row order and local keys).
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

/// Per table, every record's identity by local key: references are translated with it.
pub(super) type IdMaps = HashMap<String, HashMap<i64, Uuid>>;

/// Reads every table's local keys and identities.
pub(super) fn id_maps(conn: &Connection, infos: &[TableInfo]) -> Result<IdMaps> {
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
pub(super) fn site_of(ids: &IdMaps, id: i64, table: &str) -> Result<Uuid> {
    ids.get("site")
        .and_then(|m| m.get(&id))
        .copied()
        .ok_or_else(|| Error::Corrupt(format!("{table}: a record names an unknown site")))
}

/// `SELECT uuid, origin_site, hlc, hlc_site, deleted, <fields> FROM <table>`.
pub(super) fn record_select(info: &TableInfo) -> String {
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
pub(super) fn decode(row: &rusqlite::Row<'_>, info: &TableInfo, ids: &IdMaps) -> Result<Record> {
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
pub(super) fn file_seen(conn: &Connection, ids: &IdMaps, max_clock: i64) -> Result<Seen> {
    let mut seen = read_seen(conn)?;
    let own_site = local_value(conn, "site_id")?.unwrap_or(0);
    if let Ok(site) = site_of(ids, own_site, "local") {
        let highest = local_value(conn, "max_hlc")?.unwrap_or(0).max(max_clock);
        seen.absorb(&Seen([(site, highest)].into_iter().collect()));
    }
    Ok(seen)
}

/// Reads every record of `conn`.
pub(super) fn snapshot(
    conn: &Connection,
    infos: &[TableInfo],
    progress: &Progress,
) -> Result<Snapshot> {
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
pub(super) struct Head {
    pub(super) id: i64,
    pub(super) uuid: Uuid,
    pub(super) version: Version,
}

/// Every record's head, by table, with what the file has seen.
pub(super) struct Heads {
    pub(super) tables: Vec<Vec<Head>>,
    pub(super) ids: IdMaps,
    pub(super) seen: Seen,
    pub(super) max_clock: i64,
}

/// Reads the heads of every record of `conn` (a fraction of reading the records), and with
/// them every table's identities (the sites' first: the other tables' versions name them).
pub(super) fn heads(conn: &Connection, infos: &[TableInfo], progress: &Progress) -> Result<Heads> {
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
pub(super) fn records_by_id(
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
