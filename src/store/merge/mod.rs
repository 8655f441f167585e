//! Merging another village's file: read it as untrusted input, plan with
//! `domain::merge::plan_table`, and write the plan in one transaction.
//!
//! The other file is copied to a private temporary place and opened with `SQLite`'s defences
//! for foreign files; its schema must be ours (an older one is migrated in the copy); its values
//! are checked by `SQLite` itself (`quick_check` verifies the CHECK, NOT NULL and STRICT type
//! of every row) and by a size limit; references must point at records of the file.

mod apply;
mod foreign;
mod pictures;
mod plan;
mod read;
mod share;

pub use pictures::PictureFiles;
pub use share::ShareManifest;

use super::{Error, Result, schema};
use crate::domain::merge::{Conflict, Seen, TablePlan};
use rusqlite::Connection;
use std::path::PathBuf;

/// The columns every record table starts with.
pub(super) const RECORD_COLUMNS: usize = 6;

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
    /// Who wrote the file and when, for a share file (a copied studio file says nothing).
    pub sender: Option<Sender>,
    /// Our file holds changes newer than anything in theirs: when merging brings nothing,
    /// it is their side that is behind.
    pub ours_ahead: bool,
    /// Pictures whose bytes (or originals) come with the file.
    pub picture_files: pictures::PictureFiles,
    /// The other file's private copy, kept until the merge is applied: picture bytes are
    /// copied from it then, one at a time, not held in memory.
    foreign: Option<std::sync::Arc<foreign::TemporaryCopy>>,
    infos: Vec<TableInfo>,
    plans: Vec<TablePlan>,
    their_seen: Seen,
    /// Per table, our local keys of the records the plan read (valid while `generation` is).
    our_keys: std::collections::HashMap<String, read::Keys>,
    /// Our store's generation when planned: a write since makes the plan stale.
    generation: u64,
    /// Where the planning's time went, phase by phase (for the benchmark).
    pub phases: Phases,
}

/// Time spent per phase of a merge, in the order the phases ran.
#[derive(Debug, Clone)]
pub struct Phases {
    /// Each phase and how long it took.
    pub spent: Vec<(&'static str, std::time::Duration)>,
    last: std::time::Instant,
}

impl Phases {
    /// Starts timing.
    pub fn start() -> Self {
        Self {
            spent: Vec::new(),
            last: std::time::Instant::now(),
        }
    }

    /// Ends phase `name` now (it began when the one before ended).
    pub fn mark(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        self.spent.push((name, now - self.last));
        self.last = now;
    }
}

/// Who made a share file: the studio and the moment it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sender {
    /// The studio's name in the file.
    pub studio: String,
    /// When it was written (local time, `2026-11-30T14:05:00`).
    pub written_at: String,
    /// The computer that wrote it (empty from older versions).
    pub computer: String,
}

impl Sender {
    /// The moment as people write it: 2026-11-30 14:05.
    pub fn when(&self) -> String {
        self.written_at.replace('T', " ").chars().take(16).collect()
    }
}

impl MergePreview {
    /// Whether merging changes nothing.
    pub fn is_empty(&self) -> bool {
        self.plans.iter().all(|p| p.changes.is_empty()) && self.picture_files.digests.is_empty()
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

#[cfg(test)]
mod tests;

#[cfg(test)]
mod convergence;
