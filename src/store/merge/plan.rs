//! Planning a merge: what is new, newer, deleted or in conflict, table by table; nothing is
//! written.

use super::apply::sql_value;
use super::foreign::{
    already_seen, check_foreign_schema, open_defended, open_foreign, validate_foreign,
};
use super::read::{
    Keys, all_records, file_seen, file_summary, has_unseen, records_by_id, records_by_uuid, sites,
    unseen_records,
};
use super::share::ShareManifest;
use super::{MergePreview, TableInfo, TableSummary, table_infos};
use crate::domain::merge::{ChangeKind, KeyOf, Record, Seen, TablePlan, Uuid, Value, plan_table};
use crate::store::{Error, Result, Store, file_check, local_value, schema};
use crate::work::Progress;
use rusqlite::types::Value as SqlValue;
use rusqlite::{OptionalExtension, params_from_iter};
use std::collections::HashMap;
use std::path::Path;

impl Store {
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
        let mut phases = super::Phases::start();
        let mut foreign = open_foreign(path, passphrase)?;
        phases.mark("copy");
        let conn = &mut foreign.conn;
        progress.step(0.05).map_err(|_| Error::Cancelled)?;
        // How far we have seen every site, ours up to our clock.
        let our_seen = file_seen(&self.conn, 0)?;
        if already_seen(conn, &our_seen) {
            // Nothing new but perhaps the originals of pictures a "thumbnails only" share
            // left out: only then is the file checked and read further.
            let picture_files = if self.lacks_originals()? {
                validate_foreign(conn)?;
                super::pictures::wanted(&self.conn, conn)?
            } else {
                super::pictures::PictureFiles::default()
            };
            // Nothing new from them; they are behind if we changed anything since their
            // latest change and since our last merge (which moves our clock by itself).
            let clock = |c: &rusqlite::Connection, key: &str| -> i64 {
                c.query_row("SELECT value FROM local WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .unwrap_or(0)
            };
            let ours = clock(&self.conn, "max_hlc");
            let ours_ahead =
                ours > clock(conn, "max_hlc") && ours > clock(&self.conn, "merged_hlc");
            return Ok(MergePreview {
                path: path.to_owned(),
                tables: Vec::new(),
                clock_ahead: false,
                their_clock: 0,
                possible_duplicates: Vec::new(),
                other_studio: None,
                acknowledged: false,
                sender: ShareManifest::read(conn)
                    .ok()
                    .flatten()
                    .map(|m| super::Sender {
                        studio: m.studio,
                        written_at: m.exported_at,
                        computer: m.computer,
                    }),
                ours_ahead: ours_ahead && picture_files.digests.is_empty(),
                foreign: (!picture_files.digests.is_empty())
                    .then(|| std::sync::Arc::new(foreign.keep())),
                picture_files,
                infos: Vec::new(),
                plans: Vec::new(),
                their_seen: Seen::default(),
                our_keys: HashMap::new(),
                generation: self.generation,
                phases,
            });
        }
        let checked = check_foreign_schema(conn)?;
        phases.mark("schema");
        let manifest = ShareManifest::read(conn)?;
        let infos = table_infos(&self.conn)?;
        let copy_path = foreign.copy.path.clone();
        // The other file's pages are checked (and a share file's records summed against its
        // manifest) on a second thread while this one reads what changed: nothing read is
        // used unless the check passes.
        let check_conn = open_defended(&copy_path)?;
        // Reading that fails or is cancelled stops the check too, instead of waiting for it.
        let stop_check = check_conn.get_interrupt_handle();
        let (share, tables) = (manifest.as_ref(), &infos);
        let (check, read) = std::thread::scope(|scope| {
            let check = scope.spawn(move || -> Result<(std::time::Duration, Option<i64>)> {
                let started = std::time::Instant::now();
                if !checked {
                    file_check::quick_check(&check_conn)?;
                }
                let clock = whole_share_file(&check_conn, share, tables)?;
                Ok((started.elapsed(), clock))
            });
            let read = self.read_sides(&foreign.conn, &infos, &our_seen, progress);
            if read.is_err() {
                stop_check.interrupt();
            }
            (check.join(), read)
        });
        let read = read?;
        let (checked_in, share_clock) = check
            .map_err(|_| Error::Corrupt("the check of the other file stopped".to_owned()))??;
        let mut read = read;
        phases.mark("read both sides");
        phases
            .spent
            .push(("(on the second thread: quick_check)", checked_in));
        let mut plans = Vec::with_capacity(infos.len());
        let mut tables = Vec::with_capacity(infos.len());
        // Names of the changed records the preview names, for the records that refer to them.
        let mut labels = HashMap::new();
        let mut ours_small = Vec::with_capacity(infos.len());
        let mut theirs_small = Vec::with_capacity(infos.len());
        // What they have seen: their own site up to their clock, or a higher clock we take.
        let their_seen = file_seen(&foreign.conn, read.max_clock)?;
        for (i, info) in infos.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            progress
                .step(0.8 + 0.15 * i as f32 / infos.len() as f32)
                .map_err(|_| Error::Cancelled)?;
            let (ours_records, theirs_records) = std::mem::take(&mut read.tables[i]);
            let key_of = |r: &Record| -> Vec<Value> {
                info.key
                    .as_deref()
                    .unwrap_or_default()
                    .iter()
                    .map(|k| r.values[*k].clone())
                    .collect()
            };
            let key: Option<KeyOf<'_>> = info.key.is_some().then_some(&key_of as KeyOf<'_>);
            // A small table's records are looked at again below; the others' are taken.
            let small = SMALL_TABLES.contains(&info.name.as_str());
            theirs_small.push(if small {
                theirs_records.clone()
            } else {
                Vec::new()
            });
            let plan = plan_table(&ours_records, theirs_records, &our_seen, &their_seen, key);
            tables.push(summary(&self.conn, &infos, i, &plan, &mut labels));
            plans.push(plan);
            ours_small.push(if small { ours_records } else { Vec::new() });
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
        let sender = manifest.as_ref().map(|m| super::Sender {
            studio: m.studio.clone(),
            written_at: m.exported_at.clone(),
            computer: m.computer.clone(),
        });
        // Nothing to merge: whether we hold any record (bookkeeping of sites aside) they have
        // not seen.
        let ours_ahead = plans.iter().all(|p| p.changes.is_empty())
            && holds_what_they_lack(&self.conn, &infos, &their_seen)?;
        let picture_files = super::pictures::wanted(&self.conn, &foreign.conn)?;
        // The highest clock of theirs: of the records we take, of their clock, of what they
        // have seen (the records we leave have clocks we have seen) and of the share file.
        let their_clock = read
            .max_clock
            .max(local_value(&foreign.conn, "max_hlc")?.unwrap_or(0))
            .max(their_seen.0.values().copied().max().unwrap_or(0))
            .max(share_clock.unwrap_or(0));
        let our_clock = local_value(&self.conn, "max_hlc")?.unwrap_or(0);
        phases.mark("plan");
        Ok(MergePreview {
            phases,
            foreign: (!picture_files.digests.is_empty())
                .then(|| std::sync::Arc::new(foreign.keep())),
            picture_files,
            possible_duplicates,
            other_studio,
            acknowledged: false,
            sender,
            ours_ahead,
            path: path.to_owned(),
            tables,
            clock_ahead: crate::store::clock::millis(their_clock)
                > crate::store::clock::now_ms().max(crate::store::clock::millis(our_clock))
                    + day_ms,
            their_clock,
            infos,
            plans,
            their_seen,
            our_keys: std::mem::take(&mut read.our_keys),
            generation: self.generation,
        })
    }

    /// Reads, table by table, the records of theirs that we have not seen (all of a small
    /// table) and the records of ours they may meet: by identity, or by natural key for one
    /// under an identity we lack.
    fn read_sides(
        &self,
        their_conn: &rusqlite::Connection,
        infos: &[TableInfo],
        our_seen: &Seen,
        progress: &Progress,
    ) -> Result<Sides> {
        let their_sites = sites(their_conn)?;
        let our_sites = sites(&self.conn)?;
        let mut tables = Vec::with_capacity(infos.len());
        let mut our_keys = HashMap::new();
        let mut max_clock = 0;
        for (i, info) in infos.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            progress
                .step(0.1 + 0.7 * i as f32 / infos.len() as f32)
                .map_err(|_| Error::Cancelled)?;
            let small = SMALL_TABLES.contains(&info.name.as_str());
            let mut theirs = if small {
                all_records(their_conn, info, &their_sites, None)?
            } else {
                unseen_records(their_conn, info, &their_sites, our_seen)?
            };
            // In identity order: our identity index is then read page after page, and our
            // rows (made in the same order: identities begin with their time) mostly too.
            theirs.sort_unstable_by_key(|r| r.uuid);
            if let Some(clock) = theirs.iter().map(|r| r.version.clock).max() {
                max_clock = max_clock.max(clock);
            }
            let mut keys = Keys::new();
            let mut ours = if small {
                all_records(&self.conn, info, &our_sites, Some(&mut keys))?
            } else {
                records_by_uuid(
                    &self.conn,
                    info,
                    &our_sites,
                    theirs.iter().map(|r| &r.uuid),
                    &mut keys,
                )?
            };
            // A record of theirs under an identity we lack may be ours under another (the
            // same person marked at the same session in two villages): found by its key.
            if info.key.is_some() {
                let held: std::collections::HashSet<Uuid> = ours.iter().map(|r| r.uuid).collect();
                let lacking: Vec<&Record> =
                    theirs.iter().filter(|r| !held.contains(&r.uuid)).collect();
                let mut found = self.ours_by_key(info, &lacking)?;
                found.sort_unstable();
                found.dedup();
                for record in records_by_id(&self.conn, info, &our_sites, found, &mut keys)? {
                    if !held.contains(&record.uuid) {
                        ours.push(record);
                    }
                }
            }
            our_keys.insert(info.name.clone(), keys);
            tables.push((ours, theirs));
        }
        Ok(Sides {
            tables,
            our_keys,
            max_clock,
        })
    }

    /// Our local keys of records holding the same unique key as one of `lacking` (theirs,
    /// under identities we lack); references in the key are matched through identities.
    fn ours_by_key(&self, info: &TableInfo, lacking: &[&Record]) -> Result<Vec<i64>> {
        let Some(key) = &info.key else {
            return Ok(Vec::new());
        };
        if lacking.is_empty() {
            return Ok(Vec::new());
        }
        // A reference in the key is matched through its identity, looked up by SQLite (an
        // identity we lack matches nothing).
        let condition = key
            .iter()
            .enumerate()
            .map(|(n, k)| match &info.refers[*k] {
                Some(table) => format!(
                    "\"{}\" = (SELECT id FROM \"{table}\" WHERE uuid = ?{})",
                    info.columns[*k],
                    n + 1
                ),
                None => format!("\"{}\" = ?{}", info.columns[*k], n + 1),
            })
            .collect::<Vec<_>>()
            .join(" AND ");
        let mut statement = self.conn.prepare(&format!(
            "SELECT id FROM \"{}\" WHERE {condition}",
            info.name
        ))?;
        let mut found = Vec::new();
        for record in lacking {
            let bound: Option<Vec<SqlValue>> = key
                .iter()
                .map(|k| match &record.values[*k] {
                    Value::Null => None,
                    value => Some(sql_value(value)),
                })
                .collect();
            let Some(bound) = bound else {
                continue;
            };
            if let Some(id) = statement
                .query_row(params_from_iter(bound), |r| r.get::<_, i64>(0))
                .optional()?
            {
                found.push(id);
            }
        }
        Ok(found)
    }
}

/// The tables a preview looks at whole (studios, branches, secretaries: a few hundred
/// records), to name another studio's file and people entered twice.
const SMALL_TABLES: [&str; 3] = ["studio", "branch", "secretary"];

/// Both sides of a merge as read: per table, the records of ours they may meet and the
/// records of theirs we have not seen; and the highest clock of theirs.
struct Sides {
    tables: Vec<(Vec<Record>, Vec<Record>)>,
    /// Per table, our local keys of the records of ours read.
    our_keys: HashMap<String, Keys>,
    max_clock: i64,
}

/// A share file of this schema must hold exactly what its manifest counted, unless it has
/// been written since (opened and edited in the other village: newer clocks). Its records
/// are read once, a row at a time, and summed against the manifest's checksum. Returns the
/// file's highest clock when it was read.
fn whole_share_file(
    conn: &rusqlite::Connection,
    manifest: Option<&ShareManifest>,
    infos: &[TableInfo],
) -> Result<Option<i64>> {
    match manifest {
        Some(manifest) if manifest.schema == schema::current_version() => {
            let whole = file_summary(conn, infos, &Progress::new())?;
            if manifest.clock == whole.max_clock
                && manifest.checksum != format!("{:016x}", whole.checksum)
            {
                return Err(Error::ShareChecksum);
            }
            Ok(Some(whole.max_clock))
        }
        _ => Ok(None),
    }
}

/// What a table's plan does, in counts and a few names, for the preview. A record without a
/// name of its own (an attendance, a step) is named by the records it refers to: 王建国 ·
/// 第三季度学习会. `labels` holds the names of changed records of the tables before.
fn summary(
    conn: &rusqlite::Connection,
    infos: &[TableInfo],
    i: usize,
    plan: &TablePlan,
    labels: &mut HashMap<Uuid, String>,
) -> TableSummary {
    let info = &infos[i];
    if let Some(l) = info.label {
        for change in &plan.changes {
            if let Value::Text(text) = &change.record.values[l] {
                labels.insert(change.record.uuid, text.chars().take(40).collect());
            }
        }
    }
    // Three different names (a title changed in many records shows once); the search stops
    // there, so a county's tens of thousands of attendances cost three lookups, not one each.
    let mut examples: Vec<String> = Vec::new();
    for change in &plan.changes {
        if examples.len() == 3 {
            break;
        }
        let name = match info.label.map(|l| &change.record.values[l]) {
            Some(Value::Text(text)) => Some(text.chars().take(40).collect()),
            Some(_) => None,
            None => referred_names(conn, infos, info, &change.record, labels),
        };
        if let Some(name) = name.filter(|n| !examples.contains(n)) {
            examples.push(name);
        }
    }
    TableSummary {
        table: info.name.clone(),
        new: plan.count(ChangeKind::New),
        updated: plan.count(ChangeKind::Updated),
        deleted: plan.count(ChangeKind::Deleted),
        conflicts: plan.conflicts.len(),
        examples,
    }
}

/// The names of the named records `record` refers to, joined: the other file's new ones from
/// `labels`, ours from our file. `None` when it refers to none.
fn referred_names(
    conn: &rusqlite::Connection,
    infos: &[TableInfo],
    info: &TableInfo,
    record: &Record,
    labels: &HashMap<Uuid, String>,
) -> Option<String> {
    let names: Vec<String> = record
        .values
        .iter()
        .zip(&info.refers)
        .filter_map(|(value, refers)| {
            let (Value::Ref(uuid), Some(table)) = (value, refers) else {
                return None;
            };
            let target = infos
                .iter()
                .find(|t| t.name == *table && t.name != "site")?;
            let column = &target.columns[target.label?];
            labels.get(uuid).cloned().or_else(|| {
                conn.query_row(
                    &format!("SELECT \"{column}\" FROM \"{table}\" WHERE uuid = ?1"),
                    [uuid.as_slice()],
                    |r| r.get::<_, String>(0),
                )
                .ok()
                .map(|t| t.chars().take(40).collect())
            })
        })
        .filter(|n| !n.is_empty())
        .collect();
    (!names.is_empty()).then(|| names.join(" · "))
}

/// The other file's studio name if none of its studios is ours and ours holds records of its
/// own (a new, empty studio takes a share file in without a warning).
pub(super) fn other_studio(
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
pub(super) fn new_namesakes(
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

/// Whether our file holds a record, or a version of one, that theirs has not seen (the `site`
/// table, bookkeeping of who wrote, aside).
fn holds_what_they_lack(
    conn: &rusqlite::Connection,
    infos: &[TableInfo],
    their_seen: &Seen,
) -> Result<bool> {
    let our_sites = sites(conn)?;
    for info in infos.iter().filter(|i| i.name != "site") {
        if has_unseen(conn, info, &our_sites, their_seen)? {
            return Ok(true);
        }
    }
    Ok(false)
}
