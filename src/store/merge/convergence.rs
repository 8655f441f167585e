//! Random edit histories on three sites merged in random orders: every site ends with the same
//! records, merging again changes nothing, and no record is ever duplicated.

use super::*;
use crate::domain::exchange::NoticeFields;
use crate::domain::merge::{Record, Uuid};
use crate::store::SystemRecord;
use crate::store::{Error, Store};
use crate::work::Progress;
use proptest::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;

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
