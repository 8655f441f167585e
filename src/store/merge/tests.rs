//! Merging two files both ways, conflicts, duplicates, share files and hostile files.

use super::foreign::open_foreign;
use super::read::{all_records, sites};
use super::*;
use crate::domain::merge::{Record, Value};
use crate::store::{Error, Store};
use crate::work::Progress;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// Every record of a store in a form two files can be compared by: per table, sorted.
pub(super) fn contents(store: &Store) -> Vec<(String, Vec<Record>)> {
    let infos = table_infos(&store.conn).expect("tables");
    let sites = sites(&store.conn).expect("sites");
    infos
        .into_iter()
        .map(|info| {
            let mut records = all_records(&store.conn, &info, &sites, None).expect("records");
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

    // Both edit the same secretary without seeing each other's edit, B a second later.
    let now = crate::store::clock::now_ms();
    crate::store::clock::set_for_this_thread(Some(now + 1_000));
    rename_first_secretary(&mut a, "王建国（A改）");
    crate::store::clock::set_for_this_thread(Some(now + 2_000));
    rename_first_secretary(&mut b, "王建国（B再改）");
    crate::store::clock::set_for_this_thread(None);
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
    // B's entry a second later by the clock.
    let now = crate::store::clock::now_ms();
    crate::store::clock::set_for_this_thread(Some(now + 1_000));
    let in_b = b
        .write(|w| w.add_secretary(&person("13800000000")))
        .expect("add");
    mark(&mut b, in_b);
    crate::store::clock::set_for_this_thread(None);
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
fn a_settled_problem_conflict_ends_its_history_with_the_values_in_force() {
    let folder = tempfile::tempdir().expect("tempdir");
    let mut a = studio(folder.path(), "a.db", true);
    let mut b = studio(folder.path(), "b.db", false);
    let a_path = a.path().expect("path").to_owned();
    let b_path = b.path().expect("path").to_owned();
    merge(&mut b, &a_path);
    merge(&mut a, &b_path);
    let problem = a.problems().expect("problems")[0].clone();
    let set_deadline = |store: &mut Store, day: &str| {
        let mut fields = problem.fields.clone();
        fields.deadline = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
        let id = store
            .problems()
            .expect("problems")
            .into_iter()
            .find(|p| {
                p.fields.title == problem.fields.title
                    && p.fields.raised_on == problem.fields.raised_on
            })
            .expect("there")
            .id;
        store
            .write(|w| w.update_problem(id, &fields))
            .expect("edit");
    };
    let now = crate::store::clock::now_ms();
    crate::store::clock::set_for_this_thread(Some(now + 1_000));
    set_deadline(&mut a, "2027-01-31");
    crate::store::clock::set_for_this_thread(Some(now + 2_000));
    set_deadline(&mut b, "2027-03-31");
    crate::store::clock::set_for_this_thread(None);
    merge(&mut a, &b_path);
    let conflict = a
        .merge_conflicts()
        .expect("conflicts")
        .into_iter()
        .find(|c| c.table == "problem")
        .expect("a problem conflict");
    // Ours back in force: the history's last line says so.
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
    a.write(|w| {
        w.note_settled_conflict(
            conflict.id,
            "核对合并结果：采用本村的版本（完成时限 2027-01-31）",
            day,
            "刘芳",
        )?;
        w.take_other_version(conflict.id)
    })
    .expect("settled");
    let history = a.problem_history(problem.id).expect("history");
    let last = history.last().expect("a history");
    assert_eq!(
        last.event.note,
        "核对合并结果：采用本村的版本（完成时限 2027-01-31）"
    );
    let now_in_force = a.problem(problem.id).expect("read").expect("there");
    assert_eq!(
        now_in_force
            .fields
            .deadline
            .map(|d| d.to_string())
            .as_deref(),
        Some("2027-01-31")
    );
    assert_eq!(
        now_in_force.state, problem.state,
        "the state stays as it was"
    );
}

#[test]
fn a_session_carries_the_same_number_in_every_village() {
    let folder = tempfile::tempdir().expect("tempdir");
    let a = studio(folder.path(), "a.db", true);
    let mut b = studio(folder.path(), "b.db", false);
    // B has sessions of its own first, so local ids differ after the merge.
    let mut draft = crate::domain::session::SessionDraft::new(
        chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default(),
    );
    draft.topic = "乙村自己的学习会".to_owned();
    let fields = draft.validate().expect("valid");
    for _ in 0..3 {
        b.write(|w| w.add_session(&fields).map(|_| ()))
            .expect("add");
    }
    merge(&mut b, a.path().expect("path"));
    let session = a.sessions().expect("sessions")[0].clone();
    let code = a.session_code(session.id).expect("read").expect("number");
    assert_eq!(code.len(), "20261120-a3f9".len());
    let in_b = b.session_by_code(&code).expect("read").expect("found in b");
    assert_ne!(in_b, session.id, "another local id");
    assert_eq!(
        b.session(in_b).expect("read").expect("there").topic,
        session.fields.topic
    );
    assert_eq!(b.session_code(in_b).expect("read"), Some(code.clone()));
    assert_eq!(b.session_codes().expect("codes").get(&in_b), Some(&code));
    assert_eq!(b.session_by_code("20000101-ffff").expect("read"), None);
}

#[test]
fn the_preview_names_who_shared_and_which_side_is_behind() {
    let folder = tempfile::tempdir().expect("tempdir");
    let mut a = studio(folder.path(), "a.db", true);
    // The other village started from a copy of our file.
    let b_path = folder.path().join("b.db");
    a.save_copy(&b_path, false).expect("copy");
    let mut b = Store::open(&b_path).expect("open");
    rename_first_secretary(&mut a, "王建国（甲村改）");
    let share = folder.path().join("古城镇-分享.db");
    let manifest = a.share(&share, &Progress::new()).expect("share");
    let first = merge(&mut b, &share);
    let sender = first.sender.clone().expect("a share file names its sender");
    assert_eq!(sender.studio, "古城镇书记工作室");
    assert_eq!(sender.written_at, manifest.exported_at);
    assert_eq!(
        sender.computer,
        crate::places::computer_name(),
        "the computer that wrote it"
    );
    assert_eq!(sender.when().len(), "2026-11-30 14:05".len());
    // The same share again: nothing new, and nothing of ours it lacks.
    let again = b.plan_merge(&share, &Progress::new()).expect("plan");
    assert!(again.is_empty(), "nothing new");
    assert!(!again.ours_ahead, "in step");
    // We change something: the old share brings nothing, and it is their side that is behind.
    rename_first_secretary(&mut b, "王建国（乙村改）");
    let behind = b.plan_merge(&share, &Progress::new()).expect("plan");
    assert!(behind.is_empty());
    assert!(behind.ours_ahead, "the other file lacks our change");
    // A studio file copied whole (not a share file) names no sender.
    let copy = b
        .plan_merge(a.path().expect("path"), &Progress::new())
        .expect("plan");
    assert!(copy.sender.is_none());
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

#[test]
fn records_without_a_name_are_named_in_the_preview_by_what_they_refer_to() {
    let folder = tempfile::tempdir().expect("tempdir");
    let mut a = studio(folder.path(), "a.db", true);
    let mut b = studio(folder.path(), "b.db", false);
    let examples = |preview: &MergePreview, table: &str| {
        preview
            .tables
            .iter()
            .find(|t| t.table == table)
            .map(|t| t.examples.clone())
            .unwrap_or_default()
    };
    // Everything new: the session and the secretary come from the other file.
    let first = merge(&mut b, a.path().expect("path"));
    let attendance = examples(&first, "attendance");
    assert_eq!(attendance.len(), 3, "{attendance:?}");
    let topics: Vec<String> = a
        .sessions()
        .expect("sessions")
        .iter()
        .map(|s| s.fields.topic.clone())
        .collect();
    let names: Vec<String> = a
        .roster()
        .expect("roster")
        .iter()
        .map(|e| e.fields.name.clone())
        .collect();
    for example in &attendance {
        let (session, person) = example.split_once(" · ").expect("two names");
        assert!(topics.iter().any(|t| t.starts_with(session)), "{example}");
        assert!(names.iter().any(|n| n == person), "{example}");
    }
    // One mark changed: both names are read from our own file.
    let session = a.sessions().expect("sessions")[0].clone();
    let mut mark = a.attendance(session.id).expect("marks")[0].clone();
    mark.status = crate::domain::session::AttendanceStatus::Excused;
    mark.reason = "外出学习".to_owned();
    a.write(|w| w.set_attendance(session.id, &mark))
        .expect("mark");
    let person = a
        .roster()
        .expect("roster")
        .into_iter()
        .find(|e| e.id == mark.secretary_id)
        .expect("in the roster")
        .fields
        .name;
    let preview = b
        .plan_merge(a.path().expect("path"), &Progress::new())
        .expect("plan");
    assert_eq!(
        examples(&preview, "attendance"),
        vec![format!(
            "{} · {person}",
            session.fields.topic.chars().take(40).collect::<String>()
        )]
    );
}

/// A phone-like JPEG with `shade` in its pixels (different shades, different pictures).
fn photo(shade: u8) -> crate::pictures::Prepared {
    let image = image::RgbImage::from_fn(320, 240, |x, y| {
        image::Rgb([shade, (x % 256) as u8, (y % 256) as u8])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90)
        .encode_image(&image)
        .expect("jpeg");
    crate::pictures::prepare(bytes).expect("prepared")
}

#[test]
fn photos_travel_by_merge_and_a_thumbnails_only_share_leaves_the_originals_for_later() {
    use crate::domain::picture::{PictureKind, PictureOwner};
    use crate::store::PictureCopy;
    let folder = tempfile::tempdir().expect("folder");
    let mut home = studio(folder.path(), "home.db", true);
    let share = folder.path().join("share.db");
    home.share(&share, &Progress::new()).expect("share");
    let mut village = Store::open(&share).expect("village");
    let session = village.sessions().expect("sessions")[0].id;
    let owner = PictureOwner::Session(session);
    let picture = photo(40);
    village
        .write(|w| {
            w.attach_picture(
                owner,
                PictureKind::Photo,
                "入户走访",
                "IMG_0001.jpg",
                &picture,
            )
        })
        .expect("attach");
    let thin = folder.path().join("thin.db");
    village
        .share_as(&thin, None, true, &Progress::new())
        .expect("thin share");
    let full = folder.path().join("full.db");
    village.share(&full, &Progress::new()).expect("full share");
    assert!(
        std::fs::metadata(&thin).expect("thin").len()
            < std::fs::metadata(&full).expect("full").len(),
        "the thumbnails-only file is smaller"
    );

    // The first merge brings the picture and its copies, not its original.
    let preview = merge(&mut home, &thin);
    assert_eq!(preview.picture_files.digests, vec![picture.digest.clone()]);
    assert_eq!(
        (
            preview.picture_files.new,
            preview.picture_files.thumbnails_only,
            preview.picture_files.originals
        ),
        (1, 1, 0),
        "a new picture, come without its original"
    );
    let ours = home.pictures_of(owner).expect("pictures");
    assert_eq!(ours.len(), 1);
    assert_eq!(ours[0].caption, "入户走访");
    assert!(!ours[0].has_original);
    assert_eq!(
        home.picture_bytes(&picture.digest, PictureCopy::Thumb)
            .expect("thumb"),
        Some(picture.thumb.clone())
    );
    assert_eq!(
        home.picture_bytes(&picture.digest, PictureCopy::Original)
            .expect("none"),
        None
    );

    // The full share has no new record, but brings the original.
    let preview = home.plan_merge(&full, &Progress::new()).expect("plan");
    assert!(!preview.is_empty(), "the original is something to merge");
    assert_eq!(preview.picture_files.originals, 1);
    home.apply_merge(&preview, &Progress::new()).expect("apply");
    assert_eq!(
        home.picture_bytes(&picture.digest, PictureCopy::Original)
            .expect("original"),
        Some(picture.original.clone())
    );
    assert!(home.pictures_of(owner).expect("pictures")[0].has_original);
    let again = home
        .plan_merge(&full, &Progress::new())
        .expect("plan again");
    assert!(again.is_empty(), "nothing more to bring");

    // A caption edited and a deletion made here travel back like any record.
    let id = home.pictures_of(owner).expect("pictures")[0].id;
    home.write(|w| w.set_picture(id, PictureKind::Photo, "入户走访（王家沟）"))
        .expect("caption");
    let back = folder.path().join("back.db");
    home.share(&back, &Progress::new()).expect("share back");
    merge(&mut village, &back);
    assert_eq!(
        village.pictures_of(owner).expect("pictures")[0].caption,
        "入户走访（王家沟）"
    );
    home.write(|w| w.set_picture_deleted(id, true))
        .expect("delete");
    home.share(&back, &Progress::new()).expect("share back");
    merge(&mut village, &back);
    assert!(village.pictures_of(owner).expect("pictures").is_empty());
}

#[test]
fn an_original_that_does_not_match_its_digest_is_not_taken() {
    use crate::domain::picture::{PictureKind, PictureOwner};
    use crate::store::PictureCopy;
    let folder = tempfile::tempdir().expect("folder");
    let mut home = studio(folder.path(), "home.db", true);
    let share = folder.path().join("share.db");
    home.share(&share, &Progress::new()).expect("share");
    let mut village = Store::open(&share).expect("village");
    let session = village.sessions().expect("sessions")[0].id;
    let picture = photo(90);
    village
        .write(|w| {
            w.attach_picture(
                PictureOwner::Session(session),
                PictureKind::Photo,
                "",
                "a.jpg",
                &picture,
            )
        })
        .expect("attach");
    drop(village);
    // Someone swaps the bytes under the digest.
    let conn = rusqlite::Connection::open(&share).expect("raw");
    conn.execute("UPDATE data_picture SET original = x'FFD8FF00'", [])
        .expect("tamper");
    drop(conn);
    merge(&mut home, &share);
    assert_eq!(
        home.picture_bytes(&picture.digest, PictureCopy::Original)
            .expect("read"),
        None
    );
    assert!(
        home.picture_bytes(&picture.digest, PictureCopy::Thumb)
            .expect("read")
            .is_some()
    );
}

#[test]
fn the_wider_practice_merges_both_ways_a_month_recorded_twice_becomes_one_and_a_letter_clash_stays_visible()
 {
    use crate::domain::league::{LetterNo, MemberFields, PersonFields, Role};
    use crate::domain::theme_day::{ThemeDayFields, ThemeDayState};
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
    let today = day(11, 29);
    let folder = tempfile::tempdir().expect("tempdir");
    let mut a = studio(folder.path(), "a.db", false);
    let branch = a
        .write(|w| w.add_branch("桃园村党支部", crate::domain::BranchKind::Village, None))
        .expect("branch");
    let a_path = a.path().expect("path").to_owned();
    let mut b = studio(folder.path(), "b.db", false);
    let b_path = b.path().expect("path").to_owned();
    merge(&mut b, &a_path);
    let group = a.groups().expect("groups")[2].id;
    let month = |state: ThemeDayState, reason: &str| ThemeDayFields {
        branch,
        year: 2026,
        month: 11,
        planned_on: day(11, 10),
        topic: "重温入党誓词".into(),
        state,
        held_on: (state == ThemeDayState::Held).then(|| day(11, 10)),
        members_present: (state == ThemeDayState::Held).then_some(25),
        members_total: (state == ThemeDayState::Held).then_some(30),
        reason: reason.into(),
        notes: String::new(),
    };
    // Each village records the same branch's month and numbers a letter 2026-001 for
    // someone of its own, not knowing of the other.
    for (store, name, state, reason) in [
        (&mut a, "刘桂花", ThemeDayState::Held, ""),
        (&mut b, "陈秀珍", ThemeDayState::Missed, "防汛值守"),
    ] {
        store
            .write(|w| {
                w.set_theme_day(&month(state, reason), today)?;
                let person = w.add_person(&PersonFields {
                    name: name.into(),
                    ..PersonFields::default()
                })?;
                w.add_member(&MemberFields {
                    group,
                    person,
                    role: Role::Member,
                    term_starts_on: day(1, 1),
                    term_ends_on: None,
                    discipline_signed: true,
                    letter: Some(LetterNo { year: 2026, no: 1 }),
                    issued_on: Some(day(3, 1)),
                })?;
                Ok(())
            })
            .expect("practice");
    }
    merge(&mut a, &b_path);
    merge(&mut b, &a_path);
    assert_eq!(contents(&a), contents(&b), "both ways: the same records");
    let days = a.theme_days(2026).expect("days");
    assert_eq!(days.len(), 1, "one record for the branch's month, not two");
    assert_eq!(
        b.theme_days(2026).expect("days")[0].fields.state,
        days[0].fields.state
    );
    let numbered: Vec<_> = a
        .members()
        .expect("members")
        .into_iter()
        .filter(|m| m.fields.letter == Some(LetterNo { year: 2026, no: 1 }))
        .collect();
    assert_eq!(
        numbered.len(),
        2,
        "both letters kept, the clash shown, not lost"
    );
    let again = a.plan_merge(&b_path, &Progress::new()).expect("plan");
    assert!(again.is_empty(), "merging again changes nothing");
}

#[test]
fn bases_tasks_and_decisions_merge_both_ways_a_year_or_step_recorded_twice_becomes_one() {
    use crate::domain::base::{BaseFields, BaseFigures};
    use crate::domain::decision::{DecisionFields, Step, StepRecord};
    use crate::domain::task::{OfficialFields, Owner, TaskFields, TaskState};
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
    let today = day(11, 29);
    let folder = tempfile::tempdir().expect("tempdir");
    let mut a = studio(folder.path(), "a.db", false);
    let (base, decision, task) = a
        .write(|w| {
            let branch = w.add_branch("桃园村党支部", crate::domain::BranchKind::Village, None)?;
            let other = w.add_branch("东沟村党支部", crate::domain::BranchKind::Village, None)?;
            let base = w.add_base(&BaseFields {
                name: "古城食用菌产业示范基地".into(),
                industry: "食用菌".into(),
                lead_branch_id: Some(branch),
                branches: vec![other],
                started_on: Some(day(3, 1)),
                ..BaseFields::default()
            })?;
            let decision = w.add_decision(&DecisionFields {
                branch_id: branch,
                title: "合作社入股食用菌基地".into(),
                content: String::new(),
            })?;
            let official = w.add_official(&OfficialFields {
                name: "赵志刚".into(),
                duties: "统筹产业基地建设".into(),
                ..OfficialFields::default()
            })?;
            let task = w.add_task(
                &TaskFields {
                    title: "二期大棚建设".into(),
                    description: String::new(),
                    owner: Owner::Official(official),
                    branch_id: Some(branch),
                    base_id: Some(base),
                    assigned_on: day(10, 1),
                    deadline: Some(day(12, 31)),
                },
                "",
            )?;
            Ok((base, decision, task))
        })
        .expect("records");
    let a_path = a.path().expect("path").to_owned();
    let mut b = studio(folder.path(), "b.db", false);
    let b_path = b.path().expect("path").to_owned();
    merge(&mut b, &a_path);
    let b_base = b.bases().expect("bases")[0].id;
    let b_decision = b.decisions().expect("decisions")[0].id;
    let b_task = b.tasks().expect("tasks")[0].id;
    // Each village records the base's 2026 figures and the decision's proposal, not knowing
    // of the other, and notes progress on the task.
    let proposal = |present| StepRecord {
        held_on: Some(day(5, 1)),
        expected: Some(5),
        present: Some(present),
        note: String::new(),
    };
    for (store, base, decision, task, households, present) in [
        (&mut a, base, decision, task, 80, 5),
        (&mut b, b_base, b_decision, b_task, 86, 4),
    ] {
        store
            .write(|w| {
                w.set_base_figures(
                    base,
                    &BaseFigures {
                        year: 2026,
                        households: Some(households),
                        ..BaseFigures::default()
                    },
                )?;
                w.set_decision_step(decision, Step::Proposal, Some(&proposal(present)), today)?;
                w.record_task_progress(task, TaskState::InProgress, day(11, 1), "", "", today)
            })
            .expect("recorded");
    }
    merge(&mut a, &b_path);
    merge(&mut b, &a_path);
    assert_eq!(contents(&a), contents(&b), "both ways: the same records");
    assert_eq!(
        a.base_figures(base).expect("figures").len(),
        1,
        "one year, not two"
    );
    let decision = a.decision(decision).expect("read").expect("there");
    assert_eq!(decision.steps.iter().flatten().count(), 1, "one proposal");
    assert_eq!(
        a.task_history(task).expect("history").len(),
        3,
        "both notes kept"
    );
    assert_eq!(
        a.base(base)
            .expect("read")
            .expect("there")
            .fields
            .branches
            .len(),
        1
    );
    let again = a.plan_merge(&b_path, &Progress::new()).expect("plan");
    assert!(again.is_empty(), "merging again changes nothing");
}
