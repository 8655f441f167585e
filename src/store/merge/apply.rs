//! Writing a planned merge in one transaction, and undoing it.

use super::read::hex;
use super::{MergePreview, RECORD_COLUMNS, TableInfo};
use crate::domain::merge::{Record, Uuid, Value};
use crate::store::{Error, Result, Store, Writer, file_check, local_value, schema};
use crate::work::Progress;
use rusqlite::types::Value as SqlValue;
use rusqlite::{OptionalExtension, params_from_iter};
use std::collections::HashMap;
use std::path::Path;

impl Store {
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
        self.generation = crate::store::next_generation();
        Ok(())
    }

    /// Writes a planned merge in one transaction: the winning versions keep their clocks,
    /// our clock moves ahead of every clock seen, and what we have seen grows by theirs.
    /// Cancelling through `progress` writes nothing.
    pub fn apply_merge(&mut self, preview: &MergePreview, progress: &Progress) -> Result<usize> {
        if preview.generation != self.generation {
            return Err(Error::Stale);
        }
        let their_clock = preview.their_clock;
        let written = self.write(|writer| {
            let written = writer.apply_plan(preview, progress)?;
            if let Some(copy) = &preview.foreign {
                writer.copy_pictures(&copy.path, &preview.picture_files.digests)?;
            }
            Ok(written)
        })?;
        // Keep ahead of every clock seen, so the next edit here wins over what came in.
        self.conn.execute(
            "UPDATE local SET value = max(value, ?1) WHERE key = 'max_hlc'",
            [their_clock],
        )?;
        // Our clock as the merge left it: a later clock is a change made here since.
        self.conn.execute(
            "INSERT OR REPLACE INTO local (key, value)
             SELECT 'merged_hlc', value FROM local WHERE key = 'max_hlc'",
            [],
        )?;
        Ok(written)
    }
}

/// Our local keys by identity, looked up in our file as records need them and remembered
/// (a merge's records name the same sessions and people again and again).
pub(super) struct LocalKeys<'a> {
    tx: &'a rusqlite::Connection,
    known: HashMap<String, HashMap<Uuid, i64>>,
}

impl<'a> LocalKeys<'a> {
    /// Starts with the keys the plan read (`known`, per table).
    pub(super) fn new(
        tx: &'a rusqlite::Connection,
        known: HashMap<String, HashMap<Uuid, i64>>,
    ) -> Self {
        Self { tx, known }
    }

    /// Our local key of `uuid` in `table`, if we hold it.
    pub(super) fn get(&mut self, table: &str, uuid: &Uuid) -> Result<Option<i64>> {
        if let Some(id) = self.known.get(table).and_then(|m| m.get(uuid)) {
            return Ok(Some(*id));
        }
        let id: Option<i64> = self
            .tx
            .prepare_cached(&format!("SELECT id FROM \"{table}\" WHERE uuid = ?1"))?
            .query_row([uuid.as_slice()], |r| r.get(0))
            .optional()?;
        if let Some(id) = id {
            self.remember(table, *uuid, id);
        }
        Ok(id)
    }

    /// `uuid` in `table` is now our local key `id`.
    pub(super) fn remember(&mut self, table: &str, uuid: Uuid, id: i64) {
        match self.known.get_mut(table) {
            Some(map) => {
                map.insert(uuid, id);
            }
            None => {
                self.known
                    .insert(table.to_owned(), [(uuid, id)].into_iter().collect());
            }
        }
    }

    /// `uuid` in `table` is no longer ours (its row took another identity).
    pub(super) fn forget(&mut self, table: &str, uuid: &Uuid) {
        if let Some(map) = self.known.get_mut(table) {
            map.remove(uuid);
        }
    }
}

/// `, "a", "b"` or `, ?2, ?3`: pieces of SQL from a list.
pub(super) fn joined(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().concat()
}

/// The columns a merge writes: the record columns but the local key, then the fields.
pub(super) fn written_columns(info: &TableInfo) -> Vec<String> {
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
pub(super) fn row_values(
    info: &TableInfo,
    record: &Record,
    local: &mut LocalKeys<'_>,
    own: Option<i64>,
) -> Result<Vec<SqlValue>> {
    (0..RECORD_COLUMNS - 1 + info.columns.len())
        .map(|k| written_value(info, record, k, local, own))
        .collect()
}

/// The value of written column `k` (of [`written_columns`]) of a record.
fn written_value(
    info: &TableInfo,
    record: &Record,
    k: usize,
    local: &mut LocalKeys<'_>,
    own: Option<i64>,
) -> Result<SqlValue> {
    let mut site = |uuid: &Uuid| -> Result<SqlValue> {
        match own {
            Some(id) => Ok(SqlValue::Integer(id)),
            None => local
                .get("site", uuid)?
                .map(SqlValue::Integer)
                .ok_or(Error::RecordNotFound),
        }
    };
    Ok(match k {
        0 => SqlValue::Blob(record.uuid.to_vec()),
        1 => site(&record.origin)?,
        2 => SqlValue::Integer(record.version.clock),
        3 => site(&record.version.site)?,
        4 => SqlValue::Integer(i64::from(record.deleted)),
        k => {
            let field = k - (RECORD_COLUMNS - 1);
            match &record.values[field] {
                Value::Ref(uuid) => SqlValue::Integer(
                    local
                        .get(info.refers[field].as_deref().unwrap_or_default(), uuid)?
                        .ok_or(Error::RecordNotFound)?,
                ),
                value => sql_value(value),
            }
        }
    })
}

impl Writer<'_> {
    /// For the benchmark: gives every record whose key is `offset` modulo `every` a new
    /// version from this write (as if edited here); returns how many.
    #[doc(hidden)]
    pub fn touch_for_bench(&mut self, every: i64, offset: i64) -> Result<usize> {
        let mut touched = 0;
        for name in crate::store::record_tables(self.tx)? {
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

    /// Writes one change: an update of our row (found by identity, or by natural key under
    /// another identity), or a new row.
    fn write_change(
        &mut self,
        info: &TableInfo,
        columns: &[String],
        change: &crate::domain::merge::Change,
        local: &mut LocalKeys<'_>,
    ) -> Result<()> {
        let record = &change.record;
        let table = &info.name;
        let existing = match change.rekey_from.or(change.ours.as_ref().map(|o| o.uuid)) {
            Some(uuid) => local.get(table, &uuid)?,
            None => None,
        };
        if let Some(id) = existing {
            // Only what changed: the version always, the identity if it is re-keyed, the
            // origin, tombstone and fields where they differ from ours (indexes over the
            // others are left alone).
            // `columns` is the record columns but the local key, then the fields.
            let fields_from = RECORD_COLUMNS - 1;
            let ours = change.ours.as_ref();
            let chosen: Vec<usize> = (0..columns.len())
                .filter(|&k| match k {
                    0 => change.rekey_from.is_some(),
                    1 => ours.is_none_or(|o| o.origin != record.origin),
                    2 | 3 => true,
                    4 => ours.is_none_or(|o| o.deleted != record.deleted),
                    k => ours.is_none_or(|o| {
                        o.values.get(k - fields_from) != record.values.get(k - fields_from)
                    }),
                })
                .collect();
            let set = chosen
                .iter()
                .enumerate()
                .map(|(n, &k)| format!("\"{}\" = ?{}", columns[k], n + 1))
                .collect::<Vec<_>>()
                .join(", ");
            let mut bound = chosen
                .iter()
                .map(|&k| written_value(info, record, k, local, None))
                .collect::<Result<Vec<_>>>()?;
            bound.push(SqlValue::Integer(id));
            self.tx
                .prepare_cached(&format!(
                    "UPDATE \"{table}\" SET {set} WHERE id = ?{}",
                    bound.len()
                ))?
                .execute(params_from_iter(bound))?;
            if let Some(old) = change.rekey_from {
                local.forget(table, &old);
            }
            local.remember(table, record.uuid, id);
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
        local.remember(table, record.uuid, id);
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
        // References are checked when the transaction commits (the merge names only records
        // it holds or brings), so no statement needs a journal of its own to undo it alone.
        self.tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let mut local = LocalKeys::new(self.tx, preview.our_keys.clone());
        let total: usize = preview.plans.iter().map(|p| p.changes.len()).sum();
        let mut written = 0;
        for (info, plan) in preview.infos.iter().zip(&preview.plans) {
            let columns = written_columns(info);
            for change in &plan.changes {
                if written % 1024 == 0 {
                    #[allow(clippy::cast_precision_loss)]
                    progress
                        .step(0.1 + 0.85 * written as f32 / total.max(1) as f32)
                        .map_err(|_| Error::Cancelled)?;
                }
                self.write_change(info, &columns, change, &mut local)?;
                // Sites are bookkeeping: the count is of the records the preview listed.
                if info.name != "site" {
                    written += 1;
                }
            }
            if info.name == "site" {
                // New sites named themselves; now point them at the sites that made them
                // and last changed them (which may have come in after them).
                for change in plan.changes.iter().filter(|c| c.ours.is_none()) {
                    let record = &change.record;
                    if let (Some(id), Some(origin), Some(last)) = (
                        local.get("site", &record.uuid)?,
                        local.get("site", &record.origin)?,
                        local.get("site", &record.version.site)?,
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
