//! Merging another file's records into ours, planned as a pure function of the two sets.
//!
//! Every record carries a version: the logical clock of its last change and the site that made
//! it. Per record the higher version wins (ties cannot happen between different sites: the site
//! breaks them), and a deletion is a version like any other; so merging is commutative,
//! associative and idempotent, and every site that has merged the same files holds the same
//! records. Each file also says how far it has seen every site ("seen"): two versions of which
//! neither side had seen the other's are a conflict, and the losing one is kept for review.

use std::collections::HashMap;

/// A record's identity across files (a `UUIDv7`).
pub type Uuid = [u8; 16];

/// A value of a record's field; references to other records are by identity.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// No value.
    Null,
    /// A whole number.
    Int(i64),
    /// A number.
    Real(f64),
    /// Text.
    Text(String),
    /// Bytes.
    Blob(Vec<u8>),
    /// Another record, by identity.
    Ref(Uuid),
}

/// The version of a record: when (logical clock) and where (site) it was last changed. Later
/// clocks win; the site breaks ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    /// The logical clock of the change.
    pub clock: i64,
    /// The site that made it.
    pub site: Uuid,
}

/// One record of a table, as both files can hold it.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Identity.
    pub uuid: Uuid,
    /// The site that created it.
    pub origin: Uuid,
    /// Its last change.
    pub version: Version,
    /// A tombstone.
    pub deleted: bool,
    /// The fields, in the table's column order.
    pub values: Vec<Value>,
}

/// How far a file has seen each site's changes: the highest clock per site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen(pub HashMap<Uuid, i64>);

impl Seen {
    /// Whether the file had already seen `version` (so a different version of the same record
    /// there was made on top of it).
    pub fn has_seen(&self, version: Version) -> bool {
        // Clock 0 is the defaults every file is born with.
        version.clock <= 0
            || self
                .0
                .get(&version.site)
                .is_some_and(|c| *c >= version.clock)
    }

    /// Takes in what `other` has seen.
    pub fn absorb(&mut self, other: &Self) {
        for (site, clock) in &other.0 {
            let entry = self.0.entry(*site).or_insert(*clock);
            *entry = (*entry).max(*clock);
        }
    }
}

/// What merging does to one record of ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// A record we did not have.
    New,
    /// A newer version of one we have.
    Updated,
    /// A deletion of one we have (or had never seen).
    Deleted,
}

/// A change to our file, with the version it replaces.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// Which.
    pub kind: ChangeKind,
    /// The version to write.
    pub record: Record,
    /// Our version it replaces, if any.
    pub ours: Option<Record>,
    /// The identity our row had, if the record matched ours by its natural key under
    /// another identity (the same person marked at the same session in two villages).
    pub rekey_from: Option<Uuid>,
}

/// Which side's version won a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Winner {
    /// Ours stays.
    Ours,
    /// Theirs replaces ours.
    Theirs,
}

/// Two versions made without either side having seen the other's.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// The record's identity after the merge.
    pub uuid: Uuid,
    /// Whose version won.
    pub winner: Winner,
    /// The version that lost, kept for review.
    pub loser: Record,
}

/// The plan for one table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TablePlan {
    /// Changes to write.
    pub changes: Vec<Change>,
    /// Conflicts (whichever side won), with the losing version.
    pub conflicts: Vec<Conflict>,
}

impl TablePlan {
    /// How many changes are of `kind`.
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }
}

/// A record's natural key: the fields a unique constraint covers.
pub type KeyOf<'a> = &'a dyn Fn(&Record) -> Vec<Value>;

/// Plans merging `theirs` into `ours` for one table. `key` gives a record's natural key (the
/// fields a unique constraint covers) if the table has one: a record of theirs under an
/// identity we lack but with a natural key we hold is the same record, and the identity of
/// the later version is kept on both sides.
pub fn plan_table(
    ours: &[Record],
    theirs: Vec<Record>,
    ours_seen: &Seen,
    theirs_seen: &Seen,
    key: Option<KeyOf<'_>>,
) -> TablePlan {
    let by_uuid: HashMap<Uuid, &Record> = ours.iter().map(|r| (r.uuid, r)).collect();
    // Ours by natural key, made only when a record of theirs is not found by identity.
    let mut by_key: Option<HashMap<String, &Record>> = None;
    let mut find_by_key = |record: &Record| -> Option<&Record> {
        let key = key?;
        let index = by_key
            .get_or_insert_with(|| ours.iter().map(|r| (format!("{:?}", key(r)), r)).collect());
        index.get(&format!("{:?}", key(record))).copied()
    };
    let mut plan = TablePlan::default();
    // Theirs are taken, not copied: a county's tens of thousands of changes are held once.
    for theirs in theirs {
        let (mine, rekey) = match by_uuid.get(&theirs.uuid) {
            Some(mine) => (Some(*mine), None),
            None => match find_by_key(&theirs) {
                Some(mine) => (Some(mine), Some(mine.uuid)),
                None => (None, None),
            },
        };
        let Some(mine) = mine else {
            plan.changes.push(Change {
                kind: if theirs.deleted {
                    ChangeKind::Deleted
                } else {
                    ChangeKind::New
                },
                record: theirs,
                ours: None,
                rekey_from: None,
            });
            continue;
        };
        // The same version; or both the untouched defaults every file is born with (clock 0,
        // each stamped with its own file's site).
        let untouched = mine.version.clock == 0 && theirs.version.clock == 0;
        if rekey.is_none() && (mine.version == theirs.version || untouched) {
            continue;
        }
        let concurrent = mine.version != theirs.version
            && !theirs_seen.has_seen(mine.version)
            && !ours_seen.has_seen(theirs.version)
            && (mine.values != theirs.values || mine.deleted != theirs.deleted);
        let theirs_wins = theirs.version > mine.version;
        if concurrent {
            plan.conflicts.push(Conflict {
                // The winner's identity: the record's after the merge.
                uuid: if theirs_wins { theirs.uuid } else { mine.uuid },
                winner: if theirs_wins {
                    Winner::Theirs
                } else {
                    Winner::Ours
                },
                loser: if theirs_wins {
                    mine.clone()
                } else {
                    theirs.clone()
                },
            });
        }
        // The later version wins whole, its identity with it (one record under the same natural
        // key: ours takes their identity when theirs wins). So every identity and version a
        // file holds was made together on one site, and a version a file has seen is one it
        // holds (or a later one): what lets a merge read only the versions it has not seen.
        if !theirs_wins {
            continue;
        }
        let winner = theirs;
        plan.changes.push(Change {
            kind: if winner.deleted && !mine.deleted {
                ChangeKind::Deleted
            } else {
                ChangeKind::Updated
            },
            record: winner,
            ours: Some(mine.clone()),
            rekey_from: rekey,
        });
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Uuid = [1; 16];
    const B: Uuid = [2; 16];

    fn record(uuid: u8, clock: i64, site: Uuid, name: &str) -> Record {
        Record {
            uuid: [uuid; 16],
            origin: site,
            version: Version { clock, site },
            deleted: false,
            values: vec![Value::Text(name.to_owned())],
        }
    }

    fn seen(entries: &[(Uuid, i64)]) -> Seen {
        Seen(entries.iter().copied().collect())
    }

    #[test]
    fn new_records_come_in_and_the_later_version_wins() {
        let ours = vec![record(10, 5, A, "王建国"), record(11, 9, A, "刘芳")];
        let theirs = vec![
            record(10, 7, B, "王建国（改）"),
            record(11, 3, B, "刘芳（旧）"),
            record(12, 4, B, "李秀英"),
        ];
        // They had seen our first version; we had seen their old one.
        let plan = plan_table(
            &ours,
            theirs.clone(),
            &seen(&[(B, 3)]),
            &seen(&[(A, 5)]),
            None,
        );
        assert_eq!(plan.count(ChangeKind::New), 1);
        assert_eq!(plan.count(ChangeKind::Updated), 1);
        assert!(plan.conflicts.is_empty(), "{:?}", plan.conflicts);
        let updated = plan
            .changes
            .iter()
            .find(|c| c.kind == ChangeKind::Updated)
            .expect("updated");
        assert_eq!(
            updated.record.values,
            vec![Value::Text("王建国（改）".into())]
        );
    }

    #[test]
    fn edits_neither_side_had_seen_are_a_conflict_and_the_loser_is_kept() {
        let ours = vec![record(10, 8, A, "东坪村")];
        let theirs = vec![record(10, 7, B, "东平村")];
        let plan = plan_table(&ours, theirs.clone(), &seen(&[]), &seen(&[]), None);
        assert!(plan.changes.is_empty(), "ours is later and stays");
        assert_eq!(plan.conflicts.len(), 1);
        assert_eq!(plan.conflicts[0].winner, Winner::Ours);
        assert_eq!(
            plan.conflicts[0].loser.values,
            vec![Value::Text("东平村".into())]
        );
    }

    #[test]
    fn a_deletion_is_a_version_like_any_other() {
        let ours = vec![record(10, 5, A, "x")];
        let mut gone = record(10, 6, B, "x");
        gone.deleted = true;
        let plan = plan_table(
            &ours,
            vec![gone.clone()],
            &seen(&[]),
            &seen(&[(A, 5)]),
            None,
        );
        assert_eq!(plan.count(ChangeKind::Deleted), 1);
        // A tombstone we never had comes in too, so an older copy cannot bring it back.
        let plan = plan_table(&[], vec![gone], &seen(&[]), &seen(&[]), None);
        assert_eq!(plan.count(ChangeKind::Deleted), 1);
    }

    #[test]
    fn merging_the_same_records_again_changes_nothing() {
        let ours = vec![record(10, 5, A, "x"), record(11, 6, B, "y")];
        let plan = plan_table(&ours, ours.clone(), &seen(&[]), &seen(&[]), None);
        assert_eq!(plan, TablePlan::default());
    }

    #[test]
    fn the_same_natural_key_under_two_identities_becomes_one_record() {
        let key = |r: &Record| r.values.clone();
        let ours = vec![record(20, 5, A, "王建国@会1")];
        let theirs = vec![record(10, 9, B, "王建国@会1")];
        let plan = plan_table(&ours, theirs.clone(), &seen(&[]), &seen(&[]), Some(&key));
        assert_eq!(plan.changes.len(), 1);
        let change = &plan.changes[0];
        assert_eq!(change.record.uuid, [10; 16], "the later version's identity");
        assert_eq!(change.rekey_from, Some([20; 16]));
        // The other way round: ours is the later version and keeps its identity.
        let plan = plan_table(&theirs, ours.clone(), &seen(&[]), &seen(&[]), Some(&key));
        assert!(plan.changes.is_empty(), "the later version is already ours");
        // A later version under the larger identity wins with it.
        let plan = plan_table(
            &[record(10, 5, A, "王建国@会1")],
            vec![record(20, 9, B, "王建国@会1")],
            &seen(&[]),
            &seen(&[]),
            Some(&key),
        );
        assert_eq!(plan.changes[0].record.uuid, [20; 16]);
        assert_eq!(plan.changes[0].rekey_from, Some([10; 16]));
    }
}
