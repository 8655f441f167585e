//! Planning a merge: what is new, newer, deleted or in conflict, table by table; nothing is
//! written.

use super::apply::sql_value;
use super::foreign::{already_seen, open_foreign, seen_now, validate_foreign};
use super::read::{Head, Heads, Snapshot, heads, records_by_id, snapshot};
use super::share::ShareManifest;
use super::{MergePreview, TableInfo, TableSummary, table_infos};
use crate::domain::merge::{ChangeKind, KeyOf, Record, Seen, TablePlan, Uuid, Value, plan_table};
use crate::store::{Error, Result, Store, schema};
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
        let mut foreign = open_foreign(path, passphrase)?;
        let conn = &mut foreign.conn;
        progress.step(0.05).map_err(|_| Error::Cancelled)?;
        let our_seen = seen_now(&self.conn)?;
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
                generation: self.generation,
            });
        }
        validate_foreign(conn)?;
        let manifest = ShareManifest::read(conn)?;
        let infos = table_infos(&self.conn)?;
        // Identities and versions first: a record whose version we hold already is the same
        // record, and only the others are read whole.
        let their_heads = heads(conn, &infos, progress)?;
        let their_full = whole_share_file(conn, manifest.as_ref(), &infos, &their_heads, progress)?;
        let our_heads = heads(&self.conn, &infos, progress)?;
        progress.step(0.6).map_err(|_| Error::Cancelled)?;
        let sides = Sides {
            infos: &infos,
            ours: &our_heads,
            theirs: &their_heads,
            their_conn: conn,
            their_full: their_full.as_ref(),
        };
        let mut plans = Vec::with_capacity(infos.len());
        let mut tables = Vec::with_capacity(infos.len());
        // Names of the changed records the preview names, for the records that refer to them.
        let mut labels = HashMap::new();
        // The small tables the preview looks at whole (studios, branches, secretaries).
        let mut ours_small = Vec::with_capacity(infos.len());
        let mut theirs_small = Vec::with_capacity(infos.len());
        for (i, info) in infos.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            progress
                .step(0.6 + 0.3 * i as f32 / infos.len() as f32)
                .map_err(|_| Error::Cancelled)?;
            let small = ["studio", "branch", "secretary"].contains(&info.name.as_str());
            let (plan, ours_records, theirs_records) = self.plan_one(&sides, i, small)?;
            tables.push(summary(&self.conn, &infos, i, &plan, &mut labels));
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
        let sender = manifest.as_ref().map(|m| super::Sender {
            studio: m.studio.clone(),
            written_at: m.exported_at.clone(),
            computer: m.computer.clone(),
        });
        // Nothing to merge: whether we hold any record (bookkeeping of sites aside) they do not.
        let ours_ahead = plans.iter().all(|p| p.changes.is_empty())
            && holds_what_they_lack(&infos, &our_heads, &their_heads);
        let picture_files = super::pictures::wanted(&self.conn, &foreign.conn)?;
        Ok(MergePreview {
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
            clock_ahead: crate::store::clock::millis(their_heads.max_clock)
                > crate::store::clock::now_ms()
                    .max(crate::store::clock::millis(our_heads.max_clock))
                    + day_ms,
            their_clock: their_heads.max_clock,
            infos,
            plans,
            their_seen: their_heads.seen,
            generation: self.generation,
        })
    }

    /// Plans table `i`: reads what changed on their side and what of ours it may meet, and
    /// returns the plan with both sides' records read (all of them for a `small` table).
    fn plan_one(
        &self,
        sides: &Sides<'_>,
        i: usize,
        small: bool,
    ) -> Result<(TablePlan, Vec<Record>, Vec<Record>)> {
        let info = &sides.infos[i];
        let ours_by_uuid: HashMap<Uuid, &Head> =
            sides.ours.tables[i].iter().map(|h| (h.uuid, h)).collect();
        let changed: Vec<&Head> = sides.theirs.tables[i]
            .iter()
            .filter(|h| {
                small
                    || ours_by_uuid
                        .get(&h.uuid)
                        .is_none_or(|o| o.version != h.version)
            })
            .collect();
        let theirs_records: Vec<Record> = match sides.their_full {
            Some(full) => {
                let wanted: std::collections::HashSet<Uuid> =
                    changed.iter().map(|h| h.uuid).collect();
                full.tables[i]
                    .iter()
                    .filter(|r| wanted.contains(&r.uuid))
                    .cloned()
                    .collect()
            }
            None => records_by_id(
                sides.their_conn,
                info,
                &sides.theirs.ids,
                changed.iter().map(|h| h.id),
            )?,
        };
        let mut our_ids: Vec<i64> = if small {
            sides.ours.tables[i].iter().map(|h| h.id).collect()
        } else {
            changed
                .iter()
                .filter_map(|h| ours_by_uuid.get(&h.uuid).map(|o| o.id))
                .collect()
        };
        // A record of theirs under an identity we lack may be ours under another (the same
        // person marked at the same session in two villages): found by its key.
        let lacking: Vec<&Record> = theirs_records
            .iter()
            .filter(|r| !ours_by_uuid.contains_key(&r.uuid))
            .collect();
        our_ids.extend(self.ours_by_key(sides, info, &lacking)?);
        our_ids.sort_unstable();
        our_ids.dedup();
        let ours_records = records_by_id(&self.conn, info, &sides.ours.ids, our_ids)?;
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
            &sides.ours.seen,
            &sides.theirs.seen,
            key,
        );
        Ok((plan, ours_records, theirs_records))
    }

    /// Our local keys of records holding the same unique key as one of `lacking` (theirs,
    /// under identities we lack); references in the key are matched through identities.
    fn ours_by_key(
        &self,
        sides: &Sides<'_>,
        info: &TableInfo,
        lacking: &[&Record],
    ) -> Result<Vec<i64>> {
        let Some(key) = &info.key else {
            return Ok(Vec::new());
        };
        if lacking.is_empty() {
            return Ok(Vec::new());
        }
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
        // Our local keys by identity, per referenced table, built when first needed.
        let mut our_ids_by_uuid: HashMap<&str, HashMap<Uuid, i64>> = HashMap::new();
        let mut found = Vec::new();
        for record in lacking {
            let mut bound = Vec::with_capacity(key.len());
            for k in key {
                let value = match (&record.values[*k], info.refers[*k].as_deref()) {
                    (Value::Ref(uuid), Some(table)) => our_ids_by_uuid
                        .entry(
                            sides
                                .infos
                                .iter()
                                .find(|t| t.name == table)
                                .map_or("", |t| t.name.as_str()),
                        )
                        .or_insert_with(|| {
                            sides
                                .ours
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
                found.push(id);
            }
        }
        Ok(found)
    }
}

/// Both sides of a merge as read so far: every record's head, and their file (with its
/// records whole when it is an untouched share file).
struct Sides<'a> {
    infos: &'a [TableInfo],
    ours: &'a Heads,
    theirs: &'a Heads,
    their_conn: &'a rusqlite::Connection,
    their_full: Option<&'a Snapshot>,
}

/// A share file of this schema must hold exactly what its manifest counted, unless it has
/// been written since (opened and edited in the other village: newer clocks). Then its
/// records are read whole once, checked against the manifest's checksum.
fn whole_share_file(
    conn: &rusqlite::Connection,
    manifest: Option<&ShareManifest>,
    infos: &[TableInfo],
    heads: &Heads,
    progress: &Progress,
) -> Result<Option<Snapshot>> {
    match manifest {
        Some(manifest)
            if manifest.schema == schema::current_version()
                && manifest.clock == heads.max_clock =>
        {
            let full = snapshot(conn, infos, progress)?;
            if manifest.checksum != format!("{:016x}", full.checksum) {
                return Err(Error::ShareChecksum);
            }
            Ok(Some(full))
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

/// Whether our file holds a record, or a version of one, that theirs does not (the `site`
/// table, bookkeeping of who wrote, aside).
fn holds_what_they_lack(infos: &[TableInfo], ours: &Heads, theirs: &Heads) -> bool {
    infos.iter().enumerate().any(|(i, info)| {
        if info.name == "site" {
            return false;
        }
        let their_versions: HashMap<Uuid, crate::domain::merge::Version> = theirs.tables[i]
            .iter()
            .map(|h| (h.uuid, h.version))
            .collect();
        ours.tables[i]
            .iter()
            .any(|h| their_versions.get(&h.uuid) != Some(&h.version))
    })
}
