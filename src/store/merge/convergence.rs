//! Random edit histories on four or five sites merged in random orders, again and again:
//! every site ends with the same records whatever the order, merging again changes nothing,
//! the highest version of every record wins (so a deletion comes back only through an edit
//! made after it), a conflict is the same whichever side merges first, no record is
//! duplicated, and a person entered twice and linked on two sites ends as one everywhere.
//!
//! `cargo test` runs 40 histories; `PROPTEST_CASES=10000 cargo test --release --lib
//! convergence` is the long run. Histories that found a fault are kept in
//! `proptest-regressions/store/merge/convergence.txt` and tried first on every run.

use super::*;
use crate::domain::SecretaryId;
use crate::domain::exchange::NoticeFields;
use crate::domain::merge::{Record, Uuid, Version};
use crate::domain::roster::{BranchKind, SecretaryFields};
use crate::store::SystemRecord;
use crate::store::{Error, Store};
use crate::work::Progress;
use proptest::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

/// At most this many sites take part.
const SITES: usize = 5;

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
    /// A site's laptop clock runs a day further ahead: its later writes (edits and merges)
    /// carry clocks from the future, and the others' real clocks are behind them.
    ClockAhead(usize),
    /// A site enters 李新民 in the shared branch (perhaps again).
    AddPerson(usize),
    /// A site links the people it holds twice.
    Link(usize),
}

fn op(sites: usize) -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..sites, any::<u8>()).prop_map(|(s, t)| Op::Add(s, t)),
        3 => (0..sites, 0..8usize, any::<u8>()).prop_map(|(s, n, t)| Op::Edit(s, n, t)),
        1 => (0..sites, 0..8usize).prop_map(|(s, n)| Op::Delete(s, n)),
        1 => (0..sites, 0..8usize).prop_map(|(s, n)| Op::Restore(s, n)),
        4 => (0..sites, 0..sites).prop_map(|(a, b)| Op::Merge(a, b)),
        1 => (0..sites).prop_map(Op::ClockAhead),
        1 => (0..sites).prop_map(Op::AddPerson),
        1 => (0..sites).prop_map(Op::Link),
    ]
}

/// A history: how many sites, what they do, and the order the final exchange goes in.
fn history() -> impl Strategy<Value = (usize, Vec<Op>, Vec<usize>)> {
    (4..=SITES).prop_flat_map(|sites| {
        (
            Just(sites),
            proptest::collection::vec(op(sites), 1..32),
            Just((0..sites).collect::<Vec<_>>()).prop_shuffle(),
        )
    })
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

/// Runs `write` with the wall clock of a laptop `ahead` milliseconds fast.
fn at_clock<T>(ahead: i64, write: impl FnOnce() -> T) -> T {
    crate::store::clock::set_for_this_thread(None);
    if ahead > 0 {
        crate::store::clock::set_for_this_thread(Some(crate::store::clock::now_ms() + ahead));
    }
    let result = write();
    crate::store::clock::set_for_this_thread(None);
    result
}

/// Site `into` takes the file of site `from`, by its own laptop's clock.
fn merge(sites: &mut [Store], paths: &[PathBuf], ahead: &[i64], into: usize, from: usize) {
    at_clock(ahead[into], || {
        let preview = sites[into]
            .plan_merge(&paths[from], &Progress::new())
            .expect("plan");
        sites[into]
            .apply_merge(&preview, &Progress::new())
            .expect("apply");
    });
}

/// One round: everyone takes everyone's file, in `order`: the first site takes all the others', then
/// each of the others takes the first's.
fn exchange(sites: &mut [Store], paths: &[PathBuf], ahead: &[i64], order: &[usize]) {
    let first = order[0];
    for &other in &order[1..] {
        merge(sites, paths, ahead, first, other);
    }
    for &other in &order[1..] {
        merge(sites, paths, ahead, other, first);
    }
}

/// Links every pair of people a site holds twice, the first entered kept.
fn link_all(store: &mut Store) {
    // Each link removes one of a pair; a site holds at most a few dozen entries.
    for _ in 0..64 {
        let duplicates = store.possible_duplicates().expect("duplicates");
        let Some(pair) = duplicates.first() else {
            return;
        };
        let (keep, other) = (pair.keep.id, pair.other.id);
        store
            .write(|w| w.link_duplicate(keep, other, false))
            .expect("link");
    }
}

/// Every version any site has held, per record of every table: what must win is the highest.
type Versions = HashMap<(String, Uuid), Record>;

fn note_versions(store: &Store, versions: &mut Versions) {
    for (table, records) in super::tests::contents(store) {
        if table == "site" {
            continue;
        }
        for record in records {
            let best = versions
                .entry((table.clone(), record.uuid))
                .or_insert_with(|| record.clone());
            if record.version > best.version {
                *best = record;
            }
        }
    }
}

/// The conflicts a preview reports, side-independent: table, record and the losing version.
fn conflicts_of(preview: &MergePreview) -> BTreeSet<(String, Uuid, Version)> {
    preview
        .conflicts()
        .map(|(table, c)| (table.to_owned(), c.uuid, c.loser.version))
        .collect()
}

fn live_people(store: &Store) -> usize {
    store
        .roster()
        .expect("roster")
        .into_iter()
        .filter(|e| e.fields.name == "李新民")
        .count()
}

fn run(count: usize, ops: &[Op], order: &[usize]) -> Result<(), TestCaseError> {
    let folder = tempfile::tempdir().expect("tempdir");
    let paths: Vec<PathBuf> = (0..count)
        .map(|n| folder.path().join(format!("site-{n}.db")))
        .collect();
    // One studio with one branch; the other sites start from a copy of its file, as
    // villages do (a copy takes a site of its own at its first write).
    Store::create(&paths[0], "古城镇书记工作室", "古城镇").expect("create");
    let mut first = Store::open(&paths[0]).expect("open");
    let branch = first
        .write(|w| w.add_branch("东坪村党支部", BranchKind::Village, None))
        .expect("branch");
    let mut sites = vec![first];
    for path in &paths[1..] {
        std::fs::copy(&paths[0], path).expect("copy");
        sites.push(Store::open(path).expect("open"));
    }
    let person = SecretaryFields {
        name: "李新民".to_owned(),
        branch_id: Some(branch),
        ..Default::default()
    };
    let mut versions = Versions::new();
    let mut added = 0;
    // How far each site's laptop clock runs ahead, in milliseconds.
    let mut ahead = vec![0_i64; count];
    for op in ops {
        let site = match *op {
            Op::Add(s, _)
            | Op::Edit(s, ..)
            | Op::Delete(s, _)
            | Op::Restore(s, _)
            | Op::AddPerson(s)
            | Op::Link(s)
            | Op::Merge(s, _)
            | Op::ClockAhead(s) => s,
        };
        crate::store::clock::set_for_this_thread(None);
        if ahead[site] > 0 {
            crate::store::clock::set_for_this_thread(Some(
                crate::store::clock::now_ms() + ahead[site],
            ));
        }
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
                merge(&mut sites, &paths, &ahead, into, from);
            }
            Op::ClockAhead(s) => ahead[s] += 24 * 60 * 60 * 1000,
            Op::AddPerson(s) => {
                let _: SecretaryId = sites[s].write(|w| w.add_secretary(&person)).expect("add");
            }
            Op::Link(s) => link_all(&mut sites[s]),
        }
        crate::store::clock::set_for_this_thread(None);
        note_versions(&sites[site], &mut versions);
    }
    // Conflicts are the same whichever of two sites merges first (planning writes nothing).
    let (a, b) = (order[0], order[1]);
    let a_takes_b = sites[a]
        .plan_merge(&paths[b], &Progress::new())
        .expect("plan");
    let b_takes_a = sites[b]
        .plan_merge(&paths[a], &Progress::new())
        .expect("plan");
    prop_assert_eq!(
        conflicts_of(&a_takes_b),
        conflicts_of(&b_takes_a),
        "the same conflicts either way"
    );
    drop((a_takes_b, b_takes_a));

    // Two rounds: a copy that never wrote takes a site of its own at its first merge, in the
    // first round, and the second brings those sites to the others.
    exchange(&mut sites, &paths, &ahead, order);
    exchange(&mut sites, &paths, &ahead, order);
    let all: Vec<_> = sites.iter().map(super::tests::contents).collect();
    for (n, site) in all.iter().enumerate().skip(1) {
        prop_assert_eq!(&all[0], site, "site {} converged", n);
    }
    // Merging again, any file into any site, changes nothing.
    for site in &sites {
        for path in &paths {
            let again = site.plan_merge(path, &Progress::new()).expect("plan");
            prop_assert!(again.is_empty(), "merging again changes nothing");
        }
    }
    prop_assert_eq!(
        notice_ids(&sites[0]).len(),
        added,
        "no notice duplicated or lost"
    );
    // Per record, the highest version any site ever held won: a deletion stays deleted
    // unless a version made after it (an edit, a restore) exists.
    for (table, records) in &all[0] {
        if table == "site" {
            continue;
        }
        for record in records {
            let Some(best) = versions.get(&(table.clone(), record.uuid)) else {
                continue;
            };
            prop_assert!(
                record.version >= best.version,
                "{} {:?}: an older version won",
                table,
                record.uuid
            );
            if record.version == best.version {
                prop_assert_eq!(record.deleted, best.deleted, "a deletion came back");
            }
        }
    }
    // The same person entered on several sites, linked on two of them independently: after
    // the next exchange one live entry everywhere and the same records on every site.
    if live_people(&sites[0]) > 1 {
        at_clock(ahead[a], || link_all(&mut sites[a]));
        at_clock(ahead[b], || link_all(&mut sites[b]));
        exchange(&mut sites, &paths, &ahead, order);
        exchange(&mut sites, &paths, &ahead, order);
        let all: Vec<_> = sites.iter().map(super::tests::contents).collect();
        for (n, site) in sites.iter().enumerate() {
            prop_assert_eq!(&all[0], &all[n], "site {} converged after linking", n);
            prop_assert_eq!(live_people(site), 1, "one 李新民 on site {}", n);
            prop_assert!(site.possible_duplicates().expect("dups").is_empty());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        // `PROPTEST_CASES` sets the number for the long run.
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(40),
        source_file: Some(file!()),
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::SourceParallel("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    })]

    #[test]
    fn sites_converge_whatever_the_order((count, ops, order) in history()) {
        run(count, &ops, &order)?;
    }
}
