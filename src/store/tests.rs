//! Store tests: records, clocks, tombstones, files.

use super::*;
use crate::domain::{BranchKind, Level, SecretaryFields};

fn secretary(name: &str, branch: Option<crate::domain::BranchId>) -> SecretaryFields {
    SecretaryFields {
        name: name.to_owned(),
        branch_id: branch,
        level: Some(Level::Village),
        phone: "13800000001".to_owned(),
        ..SecretaryFields::default()
    }
}

fn record_clock(store: &Store, table: &str, id: i64) -> (i64, i64) {
    store
        .conn
        .query_row(
            &format!("SELECT hlc, hlc_site FROM {table} WHERE id = ?1"),
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("record")
}

#[test]
fn create_update_archive_a_secretary() {
    let mut store = Store::open_in_memory("test").expect("store");
    let (area, branch) = store
        .write(|w| {
            let area = w.add_area("东片区")?;
            Ok((
                area,
                w.add_branch("东坪村党支部", BranchKind::Village, Some(area))?,
            ))
        })
        .expect("write");
    let id = store
        .write(|w| w.add_secretary(&secretary("王建国", Some(branch))))
        .expect("add");
    let entry = store.secretary(id).expect("read").expect("exists");
    assert_eq!(entry.fields.name, "王建国");
    assert_eq!(entry.branch_name, "东坪村党支部");
    assert_eq!(
        (entry.area_id, entry.area_name.as_str()),
        (Some(area), "东片区")
    );

    let mut changed = entry.fields.clone();
    changed.position = "村党支部书记".to_owned();
    store
        .write(|w| w.update_secretary(id, &changed))
        .expect("update");
    assert_eq!(
        store
            .secretary(id)
            .expect("read")
            .expect("exists")
            .fields
            .position,
        "村党支部书记"
    );

    store
        .write(|w| w.set_secretary_archived(id, true))
        .expect("archive");
    let archived = store.secretary(id).expect("read").expect("still there");
    assert!(archived.fields.archived, "archiving keeps the record");
    assert_eq!(store.roster().expect("roster").len(), 1);
    assert_eq!(
        store
            .dashboard_figures()
            .expect("figures")
            .active_secretaries,
        0
    );
    assert_eq!(
        store
            .dashboard_figures()
            .expect("figures")
            .archived_secretaries,
        1
    );
}

#[test]
fn every_change_moves_the_clock_forward_and_no_change_leaves_it() {
    let mut store = Store::open_in_memory("test").expect("store");
    let id = store
        .write(|w| w.add_secretary(&secretary("李秀英", None)))
        .expect("add");
    let (first, site) = record_clock(&store, "secretary", id.0);
    assert_eq!(site, store.site);
    let fields = store.secretary(id).expect("read").expect("exists").fields;
    store
        .write(|w| w.update_secretary(id, &fields))
        .expect("same fields");
    assert_eq!(
        record_clock(&store, "secretary", id.0).0,
        first,
        "nothing changed, clock unchanged"
    );
    let mut changed = fields.clone();
    changed.notes = "新备注".to_owned();
    store
        .write(|w| w.update_secretary(id, &changed))
        .expect("update");
    let (second, _) = record_clock(&store, "secretary", id.0);
    assert!(second > first);
    assert!(store.highest_clock().expect("clock") >= second);
}

#[test]
fn clock_survives_a_wall_clock_set_back() {
    let mut store = Store::open_in_memory("test").expect("store");
    // Pretend an earlier session ran with the laptop's clock a year ahead.
    let future = clock::next(0, clock::now_ms() + 365 * 24 * 3600 * 1000);
    store
        .conn
        .execute(
            "UPDATE local SET value = ?1 WHERE key = 'max_hlc'",
            [future],
        )
        .expect("set");
    let id = store.write(|w| w.add_area("东片区")).expect("write");
    let (written, _) = record_clock(&store, "area", id.0);
    assert!(
        written > future,
        "a new edit stays ahead of every clock seen"
    );
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let mut store = Store::open_in_memory("test").expect("store");
    let result: Result<()> = store.write(|w| {
        w.add_area("东片区")?;
        w.add_branch("x", BranchKind::Village, Some(crate::domain::AreaId(999)))?; // no such area
        Ok(())
    });
    assert!(result.is_err());
    assert!(
        store.areas().expect("areas").is_empty(),
        "the area of the failed write is gone too"
    );
}

#[test]
fn tombstoned_records_disappear_from_every_read() {
    let mut store = Store::open_in_memory("test").expect("store");
    let (area, branch) = store
        .write(|w| {
            let area = w.add_area("西片区")?;
            Ok((
                area,
                w.add_branch("西沟村党支部", BranchKind::Village, Some(area))?,
            ))
        })
        .expect("write");
    let id = store
        .write(|w| w.add_secretary(&secretary("朱晓燕", Some(branch))))
        .expect("add");
    for (table, row) in [("secretary", id.0), ("branch", branch.0), ("area", area.0)] {
        store
            .conn
            .execute(
                &format!("UPDATE {table} SET deleted = 1 WHERE id = ?1"),
                [row],
            )
            .expect("tombstone");
    }
    assert!(store.roster().expect("roster").is_empty());
    assert!(store.secretary(id).expect("read").is_none());
    assert!(store.branches().expect("branches").is_empty());
    assert!(store.areas().expect("areas").is_empty());
    assert_eq!(
        store.dashboard_figures().expect("figures"),
        DashboardFigures {
            branches_by_kind: BranchKind::ALL.iter().map(|k| (*k, 0)).collect(),
            ..DashboardFigures::default()
        }
    );
    assert!(matches!(
        store.write(|w| w.set_secretary_archived(id, true)),
        Err(Error::RecordNotFound)
    ));
}

#[test]
fn records_have_unique_compact_identities() {
    let mut store = Store::open_in_memory("test").expect("store");
    store
        .write(|w| {
            for i in 0..50 {
                w.add_area(&format!("片区{i}"))?;
            }
            Ok(())
        })
        .expect("write");
    let (count, distinct, shortest, longest): (i64, i64, i64, i64) = store
        .conn
        .query_row(
            "SELECT count(*), count(DISTINCT uuid), min(length(uuid)), max(length(uuid)) FROM area",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("query");
    assert_eq!((count, distinct, shortest, longest), (50, 50, 16, 16));
    let version: u8 = store
        .conn
        .query_row("SELECT uuid FROM area LIMIT 1", [], |r| {
            r.get::<_, Vec<u8>>(0)
        })
        .map(|b| b[6] >> 4)
        .expect("uuid");
    assert_eq!(version, 7, "UUIDv7");
}

#[test]
fn create_refuses_an_existing_file_and_leaves_no_partial_file() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("studio.db");
    std::fs::write(&path, b"precious").expect("write");
    assert!(matches!(
        Store::create(&path, "x", ""),
        Err(Error::AlreadyExists)
    ));
    assert_eq!(std::fs::read(&path).expect("read"), b"precious");

    let other = folder.path().join("other.db");
    let failed = Store::create_with(&other, "x", "", |_| Err(Error::RecordNotFound));
    assert!(failed.is_err());
    assert!(!other.exists());
    let leftovers: Vec<_> = std::fs::read_dir(folder.path()).expect("list").collect();
    assert_eq!(leftovers.len(), 1, "only the precious file remains");
}

#[test]
fn save_copy_is_a_complete_studio() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("studio.db");
    let mut store = Store::create(&path, "古城镇", "古城镇").expect("create");
    store
        .write(|w| w.add_secretary(&secretary("王建国", None)))
        .expect("add");
    let copy = folder.path().join("copy.db");
    store.save_copy(&copy, false).expect("copy");
    let reopened = Store::open(&copy).expect("open copy");
    assert_eq!(reopened.roster().expect("roster")[0].fields.name, "王建国");
    drop(reopened);
    assert!(matches!(
        store.save_copy(&copy, false),
        Err(Error::AlreadyExists)
    ));
    store
        .write(|w| w.add_secretary(&secretary("李秀英", None)))
        .expect("add");
    store
        .save_copy(&copy, true)
        .expect("replace last week's copy");
    assert_eq!(
        Store::open(&copy)
            .expect("open")
            .roster()
            .expect("roster")
            .len(),
        2
    );
    assert!(matches!(
        store.save_copy(&path, true),
        Err(Error::IsOpenFile)
    ));
    let sheet = folder.path().join("roster.csv");
    std::fs::write(&sheet, "姓名\n王建国\n").expect("write");
    assert!(matches!(
        store.save_copy(&sheet, true),
        Err(Error::WouldReplaceOtherFile)
    ));
    assert_eq!(
        std::fs::read(&sheet).expect("read"),
        "姓名\n王建国\n".as_bytes(),
        "the sheet is kept"
    );
    let gone = folder.path().join("pulled-out-stick").join("copy.db");
    assert!(matches!(
        store.save_copy(&gone, false),
        Err(Error::NoSuchFolder)
    ));
}

#[test]
fn the_db_file_alone_holds_every_saved_change_while_the_app_is_open() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("studio.db");
    let mut store = Store::create(&path, "x", "").expect("create");
    store
        .write(|w| w.add_secretary(&secretary("王建国", None)))
        .expect("add");
    // What Explorer would copy: the .db file without its -wal.
    let copy = folder.path().join("usb.db");
    std::fs::copy(&path, &copy).expect("copy");
    let copied = Store::open(&copy).expect("the bare copy opens");
    assert_eq!(copied.roster().expect("roster").len(), 1);
    drop(store);
}

mod ledger {
    use super::*;
    use crate::domain::session::{
        AttendanceMark, AttendanceStatus, SessionFields, SessionKind, Systems,
    };
    use chrono::{NaiveDate, NaiveTime};

    fn session() -> SessionFields {
        SessionFields {
            held_on: NaiveDate::from_ymd_opt(2021, 5, 20).expect("date"),
            starts_at: NaiveTime::from_hms_opt(9, 0, 0),
            ends_at: NaiveTime::from_hms_opt(11, 30, 0),
            place: "东坪村食用菌基地".into(),
            host: "胡永刚".into(),
            recorder: "刘芳".into(),
            kind: SessionKind::ObservationVisit,
            systems: Systems::default_for(SessionKind::ObservationVisit),
            area_id: None,
            topic: "食用菌产业观摩".into(),
            discussion: "各村交流菌棒生产经验。".into(),
            agenda: vec!["参观基地".into(), "座谈交流".into()],
            decisions: vec!["下月到西沟村观摩".into()],
            study_topics: Vec::new(),
            pairing_id: None,
            host_branch_id: None,
            base_id: None,
        }
    }

    fn item_clocks(store: &Store, id: SessionId) -> Vec<(String, i64, i64)> {
        let mut statement = store
            .conn
            .prepare(
                "SELECT text, hlc, deleted FROM session_item WHERE session_id = ?1 ORDER BY id",
            )
            .expect("prepare");
        statement
            .query_map([id.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows")
    }

    use crate::domain::SessionId;

    #[test]
    fn a_session_round_trips_with_its_lists() {
        let mut store = Store::open_in_memory("t").expect("store");
        let id = store.write(|w| w.add_session(&session())).expect("add");
        assert_eq!(store.session(id).expect("read"), Some(session()));
        let list = store.sessions().expect("list");
        assert_eq!((list.len(), list[0].id, list[0].expected), (1, id, 0));
    }

    #[test]
    fn editing_one_agenda_item_touches_only_that_item() {
        let mut store = Store::open_in_memory("t").expect("store");
        let id = store.write(|w| w.add_session(&session())).expect("add");
        let before = item_clocks(&store, id);
        let mut edited = session();
        edited.agenda[1] = "座谈交流（延长半小时）".into();
        edited.decisions.clear();
        store
            .write(|w| w.update_session(id, &edited))
            .expect("update");
        let after = item_clocks(&store, id);
        assert_eq!(after[0], before[0], "the first agenda item is untouched");
        assert_eq!(after[1].0, "座谈交流（延长半小时）");
        assert!(after[1].1 > before[1].1);
        assert_eq!(
            after[2].2, 1,
            "the removed decision is a tombstone, not gone"
        );
        assert_eq!(store.session(id).expect("read"), Some(edited));
    }

    #[test]
    fn a_deleted_session_leaves_every_list_and_comes_back_on_undo() {
        let mut store = Store::open_in_memory("t").expect("store");
        let id = store.write(|w| w.add_session(&session())).expect("add");
        store.write(|w| w.delete_session(id)).expect("delete");
        assert!(store.sessions().expect("list").is_empty());
        assert_eq!(store.session(id).expect("read"), None);
        store.write(|w| w.restore_session(id)).expect("undo");
        assert_eq!(store.session(id).expect("read"), Some(session()));
        assert!(matches!(
            store.write(|w| w.delete_session(SessionId(999))),
            Err(Error::RecordNotFound)
        ));
    }

    #[test]
    fn attendance_is_one_mark_per_secretary_and_leave_keeps_its_reason() {
        let mut store = Store::open_in_memory("t").expect("store");
        let a = store
            .write(|w| w.add_secretary(&secretary("王建国", None)))
            .expect("a");
        let b = store
            .write(|w| w.add_secretary(&secretary("李秀英", None)))
            .expect("b");
        let id = store.write(|w| w.add_session(&session())).expect("add");
        let mark = |secretary_id, status, reason: &str| AttendanceMark {
            secretary_id,
            status,
            reason: reason.into(),
        };
        store
            .write(|w| {
                w.set_attendance(id, &mark(a, AttendanceStatus::Present, "ignored"))?;
                w.set_attendance(id, &mark(b, AttendanceStatus::Excused, "外出学习"))?;
                w.set_attendance(id, &mark(a, AttendanceStatus::Late, ""))
            })
            .expect("marks");
        let mut marks = store.attendance(id).expect("marks");
        marks.sort_by_key(|m| m.secretary_id);
        assert_eq!(
            marks,
            vec![
                mark(a, AttendanceStatus::Late, ""),
                mark(b, AttendanceStatus::Excused, "外出学习")
            ]
        );
        let summary = &store.sessions().expect("list")[0];
        assert_eq!((summary.expected, summary.attended), (2, 1));
    }
}

mod problems {
    use super::*;
    use crate::domain::ProblemId;
    use crate::domain::problem::{ProblemCategory, ProblemFields, ProblemState};
    use chrono::NaiveDate;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn problem(title: &str) -> ProblemFields {
        ProblemFields {
            title: title.into(),
            description: "基地扩建需要冷库，用地审批未批。".into(),
            category: ProblemCategory::Industry,
            branch_id: None,
            raised_by: None,
            session_id: None,
            raised_on: day("2021-05-20"),
            responsible: "镇自然资源所".into(),
            helper_id: None,
            deadline: Some(day("2021-07-31")),
            pairing_id: None,
            base_id: None,
        }
    }

    #[test]
    fn a_problem_stands_where_its_latest_event_says_and_keeps_its_history() {
        let mut store = Store::open_in_memory("t").expect("store");
        let id = store
            .write(|w| w.add_problem(&problem("冷库用地审批"), "刘芳"))
            .expect("add");
        let summary = store.problem(id).expect("read").expect("there");
        assert_eq!(
            (summary.state, summary.changed_on),
            (ProblemState::Raised, day("2021-05-20"))
        );

        store
            .write(|w| {
                w.record_problem_event(
                    id,
                    ProblemState::InProgress,
                    day("2021-06-10"),
                    "胡永刚",
                    "已对接自然资源所",
                    None,
                )?;
                w.record_problem_event(
                    id,
                    ProblemState::Resolved,
                    day("2021-07-15"),
                    "胡永刚",
                    "用地已批复",
                    None,
                )
            })
            .expect("events");
        let summary = store.problem(id).expect("read").expect("there");
        assert_eq!(summary.state, ProblemState::Resolved);
        assert_eq!(summary.resolution, "用地已批复");

        // Reopened: the resolution no longer stands.
        store
            .write(|w| {
                w.record_problem_event(
                    id,
                    ProblemState::InProgress,
                    day("2021-08-01"),
                    "刘芳",
                    "冷库电力未通",
                    None,
                )
            })
            .expect("reopen");
        let summary = store.problem(id).expect("read").expect("there");
        assert_eq!(
            (summary.state, summary.resolution.as_str()),
            (ProblemState::InProgress, "")
        );
        let history = store.problem_history(id).expect("history");
        assert_eq!(
            history.iter().map(|h| h.event.state).collect::<Vec<_>>(),
            vec![
                ProblemState::Raised,
                ProblemState::InProgress,
                ProblemState::Resolved,
                ProblemState::InProgress
            ]
        );
        assert_eq!(history[2].event.actor, "胡永刚");
    }

    #[test]
    fn a_problem_followed_up_at_a_session_is_listed_there_but_not_where_it_was_only_raised() {
        use crate::domain::session::{SessionFields, SessionKind, Systems};
        let mut store = Store::open_in_memory("t").expect("store");
        let day_of = day;
        let session = |text: &str| SessionFields {
            held_on: day_of(text),
            starts_at: None,
            ends_at: None,
            place: String::new(),
            host: String::new(),
            recorder: String::new(),
            kind: SessionKind::Review,
            systems: Systems::default(),
            area_id: None,
            topic: "推进会".into(),
            discussion: String::new(),
            agenda: Vec::new(),
            decisions: Vec::new(),
            study_topics: Vec::new(),
            pairing_id: None,
            host_branch_id: None,
            base_id: None,
        };
        let (may, june) = store
            .write(|w| {
                Ok((
                    w.add_session(&session("2021-05-20"))?,
                    w.add_session(&session("2021-06-20"))?,
                ))
            })
            .expect("sessions");
        let mut fields = problem("冷库用地审批");
        fields.session_id = Some(may);
        let helper = store
            .write(|w| w.add_secretary(&secretary("高振华", None)))
            .expect("helper");
        let bystander = store
            .write(|w| w.add_secretary(&secretary("林春生", None)))
            .expect("other");
        fields.helper_id = Some(helper);
        let id = store.write(|w| w.add_problem(&fields, "")).expect("add");
        store
            .write(|w| {
                w.record_problem_event(
                    id,
                    ProblemState::InProgress,
                    day("2021-06-20"),
                    "",
                    "已对接",
                    Some(june),
                )
            })
            .expect("followed up");
        let raised_at = |s| {
            store
                .problems_raised_at(s)
                .expect("raised")
                .iter()
                .map(|p| p.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(raised_at(may), vec![id]);
        assert!(raised_at(june).is_empty());
        let of = |s| {
            store
                .problems_of_secretary(s)
                .expect("mine")
                .iter()
                .map(|p| p.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            of(helper),
            vec![id],
            "the helper sees the problem on their page"
        );
        assert!(of(bystander).is_empty());
        assert!(
            store.problems_followed_at(may).expect("may").is_empty(),
            "only raised there"
        );
        assert_eq!(
            store
                .problems_followed_at(june)
                .expect("june")
                .iter()
                .map(|p| p.id)
                .collect::<Vec<_>>(),
            vec![id]
        );
        assert_eq!(store.recent_sessions(1).expect("recent")[0].0, june);
    }

    #[test]
    fn deleted_problems_leave_the_lists_and_take_no_new_events() {
        let mut store = Store::open_in_memory("t").expect("store");
        let keep = store
            .write(|w| w.add_problem(&problem("道路硬化"), ""))
            .expect("add");
        let gone = store
            .write(|w| w.add_problem(&problem("人饮工程"), ""))
            .expect("add");
        store.write(|w| w.delete_problem(gone)).expect("delete");
        assert_eq!(
            store
                .problems()
                .expect("list")
                .iter()
                .map(|p| p.id)
                .collect::<Vec<_>>(),
            vec![keep]
        );
        let late = store.write(|w| {
            w.record_problem_event(
                gone,
                ProblemState::Resolved,
                day("2021-06-01"),
                "",
                "x",
                None,
            )
        });
        assert!(matches!(late, Err(Error::RecordNotFound)));
        store.write(|w| w.restore_problem(gone)).expect("undo");
        assert_eq!(store.problems().expect("list").len(), 2);
        assert!(store.problem(ProblemId(42)).expect("read").is_none());
    }
}

mod figures {
    use super::*;
    use crate::domain::figures::AttendanceCounts;
    use crate::domain::period::Period;
    use crate::domain::session::{
        AttendanceMark, AttendanceStatus, SessionFields, SessionKind, Systems,
    };
    use chrono::NaiveDate;

    fn session_on(day: &str) -> SessionFields {
        SessionFields {
            held_on: NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("date"),
            starts_at: None,
            ends_at: None,
            place: String::new(),
            host: String::new(),
            recorder: String::new(),
            kind: SessionKind::Learning,
            systems: Systems::default(),
            area_id: None,
            topic: "学习".into(),
            discussion: String::new(),
            agenda: Vec::new(),
            decisions: Vec::new(),
            study_topics: Vec::new(),
            pairing_id: None,
            host_branch_id: None,
            base_id: None,
        }
    }

    #[test]
    fn attendance_counts_per_secretary_skip_deleted_sessions_and_keep_archived_secretaries() {
        let mut store = Store::open_in_memory("t").expect("store");
        let a = store
            .write(|w| w.add_secretary(&secretary("王建国", None)))
            .expect("a");
        let b = store
            .write(|w| w.add_secretary(&secretary("李秀英", None)))
            .expect("b");
        let mark = |secretary_id, status| AttendanceMark {
            secretary_id,
            status,
            reason: String::new(),
        };
        let (july, august, deleted) = store
            .write(|w| {
                let july = w.add_session(&session_on("2021-07-20"))?;
                let august = w.add_session(&session_on("2021-08-20"))?;
                let deleted = w.add_session(&session_on("2021-09-20"))?;
                Ok((july, august, deleted))
            })
            .expect("sessions");
        store
            .write(|w| {
                w.set_attendance(july, &mark(a, AttendanceStatus::Present))?;
                w.set_attendance(july, &mark(b, AttendanceStatus::Excused))?;
                w.set_attendance(august, &mark(a, AttendanceStatus::Late))?;
                w.set_attendance(august, &mark(b, AttendanceStatus::Absent))?;
                w.set_attendance(deleted, &mark(a, AttendanceStatus::Absent))?;
                w.delete_session(deleted)?;
                w.set_secretary_archived(b, true)
            })
            .expect("marks");
        let q3 = Period::parse("2021-Q3").expect("period");
        let counts = store.attendance_counts(q3).expect("counts");
        assert_eq!(
            counts,
            vec![
                (
                    a,
                    AttendanceCounts {
                        present: 1,
                        late: 1,
                        ..AttendanceCounts::default()
                    }
                ),
                (
                    b,
                    AttendanceCounts {
                        excused: 1,
                        absent: 1,
                        ..AttendanceCounts::default()
                    }
                ),
            ],
            "the archived secretary keeps past attendance; the deleted session does not count"
        );
        assert_eq!(counts[0].1.rate(), Some(1.0));
        assert_eq!(counts[1].1.rate(), Some(0.0));
        let year = store
            .ledger_year(Period::parse("2021").expect("year"))
            .expect("year");
        assert_eq!(year.sessions_per_month[6..9], [1, 1, 0]);
        assert!(
            store
                .attendance_counts(Period::parse("2020").expect("p"))
                .expect("empty")
                .is_empty()
        );
    }
}

mod systems {
    use super::*;
    use crate::domain::assessment::{CriterionSource, ManualScore};
    use crate::domain::learning::{StudyKind, StudyTopic};
    use crate::domain::pairing::PairingFields;
    use crate::domain::period::Period;
    use crate::domain::points::{PointsEvent, PointsSource, derive_ledger, leaderboard};
    use crate::domain::problem::{ProblemCategory, ProblemFields, ProblemState};
    use crate::domain::session::{
        AttendanceMark, AttendanceStatus, SessionFields, SessionKind, Systems,
    };
    use crate::domain::{SecretaryId, SessionId};
    use chrono::NaiveDate;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn session(held_on: &str, kind: SessionKind) -> SessionFields {
        SessionFields {
            held_on: day(held_on),
            starts_at: None,
            ends_at: None,
            place: String::new(),
            host: String::new(),
            recorder: String::new(),
            kind,
            systems: Systems::default_for(kind),
            area_id: None,
            topic: "学习《条例》".into(),
            discussion: String::new(),
            agenda: Vec::new(),
            decisions: Vec::new(),
            study_topics: vec![StudyTopic {
                title: "《中国共产党农村基层组织工作条例》".into(),
                kind: StudyKind::PolicyDocument,
                duration_min: 90,
                plan_item: None,
            }],
            pairing_id: None,
            host_branch_id: None,
            base_id: None,
        }
    }

    fn mark(who: SecretaryId, status: AttendanceStatus) -> AttendanceMark {
        AttendanceMark {
            secretary_id: who,
            status,
            reason: String::new(),
        }
    }

    /// Two secretaries; a session in 2021-Q3 where the first attended and the second was
    /// absent.
    fn studio() -> (Store, SecretaryId, SecretaryId, SessionId) {
        let mut store = Store::open_in_memory("test").expect("store");
        let ids = store
            .write(|w| {
                let a = w.add_secretary(&secretary("王建国", None))?;
                let b = w.add_secretary(&secretary("李秀英", None))?;
                let s = w.add_session(&session("2021-07-10", SessionKind::Learning))?;
                w.set_attendance(s, &mark(a, AttendanceStatus::Present))?;
                w.set_attendance(s, &mark(b, AttendanceStatus::Absent))?;
                Ok((a, b, s))
            })
            .expect("write");
        (store, ids.0, ids.1, ids.2)
    }

    fn points(store: &Store, who: SecretaryId) -> i64 {
        let q3 = Period::parse("2021-Q3").expect("period");
        let lines = derive_ledger(
            &store.points_rules().expect("rules"),
            store.points_facts(Some(q3)).expect("facts"),
        );
        leaderboard(&lines, q3, &[who])
            .iter()
            .find(|e| e.secretary == who)
            .map_or(0, |e| e.points)
    }

    #[test]
    fn a_new_file_has_the_default_criteria_rules_and_responsibilities() {
        let store = Store::open_in_memory("test").expect("store");
        assert_eq!(store.criteria().expect("criteria").len(), 8);
        assert_eq!(store.responsibilities().expect("r").len(), 6);
        assert_eq!(
            store
                .points_rules()
                .expect("rules")
                .points(PointsEvent::Attended),
            2
        );
        assert_eq!(store.stale_days().expect("days"), 60);
        // The defaults are the same records in every file (fixed identities), so a merge sees
        // one sheet, not two.
        let other = Store::open_in_memory("other").expect("store");
        let uuids = |s: &Store| -> Vec<Vec<u8>> {
            s.conn
                .prepare("SELECT uuid FROM criterion ORDER BY position")
                .expect("sql")
                .query_map([], |r| r.get(0))
                .expect("query")
                .collect::<rusqlite::Result<_>>()
                .expect("rows")
        };
        assert_eq!(uuids(&store), uuids(&other));
    }

    #[test]
    fn points_follow_the_records_through_edits_deletes_and_rule_changes() {
        let (mut store, a, b, s) = studio();
        assert_eq!((points(&store, a), points(&store, b)), (2, -2));
        // Editing the mark changes the points: b was late after all.
        store
            .write(|w| w.set_attendance(s, &mark(b, AttendanceStatus::Late)))
            .expect("write");
        assert_eq!(points(&store, b), 1);
        // A rule change applies to every line it makes.
        store
            .write(|w| w.set_points_rule(PointsEvent::Attended, 3))
            .expect("write");
        assert_eq!(points(&store, a), 3);
        // Deleting the session takes its points with it; Undo brings them back.
        store.write(|w| w.delete_session(s)).expect("write");
        assert_eq!((points(&store, a), points(&store, b)), (0, 0));
        store.write(|w| w.restore_session(s)).expect("write");
        assert_eq!(points(&store, a), 3);
        // Moving the session out of the quarter moves its points out too.
        let mut moved = store.session(s).expect("read").expect("session");
        moved.held_on = day("2021-10-02");
        store.write(|w| w.update_session(s, &moved)).expect("write");
        assert_eq!(points(&store, a), 0);
    }

    #[test]
    fn a_helper_earns_points_when_the_problem_is_resolved_and_loses_them_if_it_reopens() {
        let (mut store, a, b, s) = studio();
        let problem = store
            .write(|w| {
                w.add_problem(
                    &ProblemFields {
                        title: "冷库用地审批".into(),
                        description: String::new(),
                        category: ProblemCategory::Industry,
                        branch_id: None,
                        raised_by: Some(b),
                        session_id: Some(s),
                        raised_on: day("2021-07-10"),
                        responsible: String::new(),
                        helper_id: Some(a),
                        deadline: None,
                        pairing_id: None,
                        base_id: None,
                    },
                    "",
                )
            })
            .expect("write");
        let before = points(&store, a);
        store
            .write(|w| {
                w.record_problem_event(
                    problem,
                    ProblemState::Resolved,
                    day("2021-08-01"),
                    "",
                    "已批复",
                    None,
                )
            })
            .expect("write");
        assert_eq!(points(&store, a), before + 5);
        let q3 = Period::parse("2021-Q3").expect("period");
        let line = derive_ledger(
            &store.points_rules().expect("rules"),
            store.points_facts(Some(q3)).expect("facts"),
        )
        .into_iter()
        .find(|l| l.event == Some(PointsEvent::ResolvedAsHelper))
        .expect("a line for the resolution");
        assert_eq!(line.source, PointsSource::Problem(problem));
        assert_eq!(&*line.what, "冷库用地审批");
        store
            .write(|w| {
                w.record_problem_event(
                    problem,
                    ProblemState::InProgress,
                    day("2021-08-05"),
                    "",
                    "重新打开",
                    None,
                )
            })
            .expect("write");
        assert_eq!(points(&store, a), before, "reopened: the points go");
    }

    #[test]
    fn a_problem_resolved_after_its_deadline_is_late_and_earns_the_late_rule() {
        let (mut store, a, b, s) = studio();
        let problem = store
            .write(|w| {
                w.add_problem(
                    &ProblemFields {
                        title: "冷库用地审批".into(),
                        description: String::new(),
                        category: ProblemCategory::Industry,
                        branch_id: None,
                        raised_by: Some(b),
                        session_id: Some(s),
                        raised_on: day("2021-07-10"),
                        responsible: String::new(),
                        helper_id: Some(a),
                        deadline: Some(day("2021-07-31")),
                        pairing_id: None,
                        base_id: None,
                    },
                    "",
                )
            })
            .expect("write");
        let before = points(&store, a);
        store
            .write(|w| {
                w.set_points_rule(PointsEvent::ResolvedLateAsHelper, 1)?;
                w.record_problem_event(
                    problem,
                    ProblemState::Resolved,
                    day("2021-08-01"),
                    "",
                    "已批复",
                    None,
                )
            })
            .expect("write");
        assert_eq!(
            points(&store, a),
            before + 1,
            "the late rule, not the full 5"
        );
        let summary = store
            .problems()
            .expect("problems")
            .into_iter()
            .find(|p| p.id == problem)
            .expect("there");
        assert!(summary.resolved_late());
        assert_eq!(
            crate::i18n::Lang::Zh.problem_status(&summary, day("2021-09-01")),
            "逾期办结"
        );
        // Resolved on the deadline itself is on time.
        store
            .write(|w| {
                w.update_problem(
                    problem,
                    &ProblemFields {
                        deadline: Some(day("2021-08-01")),
                        ..summary.fields.clone()
                    },
                )
            })
            .expect("write");
        assert_eq!(points(&store, a), before + 5);
    }

    #[test]
    fn an_archived_secretary_keeps_their_points_and_awards_count() {
        let (mut store, a, _, _) = studio();
        store
            .write(|w| {
                w.add_award(a, day("2021-09-01"), 4, "带头捐资修路")?;
                w.add_honour(
                    a,
                    day("2021-09-02"),
                    crate::domain::points::HonourKind::Commendation,
                    "结对帮扶成效突出",
                )?;
                w.set_secretary_archived(a, true)
            })
            .expect("write");
        assert_eq!(points(&store, a), 2 + 4 + 10);
    }

    #[test]
    fn computed_facts_count_learning_hours_help_visits_and_resolutions() {
        let (mut store, a, b, _) = studio();
        let pairing = store
            .write(|w| {
                let pairing = w.add_pairing(&PairingFields {
                    strong: a,
                    weak: b,
                    starts_on: day("2021-03-01"),
                    ends_on: None,
                    goals: "发展天麻种植".into(),
                    outcome: String::new(),
                    base_id: None,
                })?;
                let mut visit = session("2021-08-20", SessionKind::HelpVisit);
                visit.pairing_id = Some(pairing);
                visit.study_topics.clear();
                let v = w.add_session(&visit)?;
                w.set_attendance(v, &mark(a, AttendanceStatus::Present))?;
                w.set_attendance(v, &mark(b, AttendanceStatus::Present))?;
                Ok(pairing)
            })
            .expect("write");
        let facts = store
            .secretary_facts(Period::parse("2021-Q3").expect("period"))
            .expect("facts");
        assert_eq!(facts[&a].learning_min, 90);
        assert_eq!(facts[&b].learning_min, 0, "absent: nothing learned");
        assert_eq!((facts[&a].help_visits, facts[&b].help_visits), (1, 1));
        assert_eq!(facts[&a].attendance.expected(), 2);
        let board = store.pairings().expect("pairings");
        assert_eq!(board.len(), 1);
        assert_eq!(board[0].id, pairing);
        assert_eq!(board[0].visits, 1);
        assert_eq!(board[0].last_visit, Some(day("2021-08-20")));
        // The strong secretary earns the visit's points; the learning record lists the topic.
        assert_eq!(points(&store, a), 2 + 2 + 3);
        assert_eq!(store.learning_record(a).expect("record").len(), 1);
    }

    #[test]
    fn hand_entered_scores_are_per_period_and_can_be_cleared() {
        let (mut store, a, _, _) = studio();
        let criteria = store.criteria().expect("criteria");
        let manual = criteria
            .iter()
            .find(|c| c.source == CriterionSource::Manual)
            .expect("a manual criterion");
        let q3 = Period::parse("2021-Q3").expect("period");
        let entered = ManualScore {
            score: 22.5,
            note: "村务公开及时".into(),
        };
        store
            .write(|w| w.set_score(manual.id, a, q3, Some(&entered)))
            .expect("write");
        assert_eq!(
            store
                .manual_scores(q3)
                .expect("scores")
                .get(&(a, manual.id)),
            Some(&entered)
        );
        let q4 = Period::parse("2021-Q4").expect("period");
        assert!(store.manual_scores(q4).expect("scores").is_empty());
        store
            .write(|w| w.set_score(manual.id, a, q3, None))
            .expect("write");
        assert!(store.manual_scores(q3).expect("scores").is_empty());
        store
            .write(|w| w.set_score(manual.id, a, q3, Some(&entered)))
            .expect("write");
        assert_eq!(
            store.manual_scores(q3).expect("scores").len(),
            1,
            "entered again"
        );
    }

    #[test]
    fn a_plan_item_is_held_when_a_session_topic_carries_it_out() {
        let (mut store, _, _, s) = studio();
        let item = store
            .write(|w| w.add_plan_item(2021, 7, "学习《条例》", StudyKind::PolicyDocument))
            .expect("write");
        assert!(store.learning_plan(2021).expect("plan")[0].1.is_empty());
        let mut fields = store.session(s).expect("read").expect("session");
        fields.study_topics[0].plan_item = Some(item);
        store
            .write(|w| w.update_session(s, &fields))
            .expect("write");
        let plan = store.learning_plan(2021).expect("plan");
        assert_eq!(plan[0].1, vec![day("2021-07-10")]);
        assert_eq!(
            store.study_topics(s).expect("topics")[0].plan_item,
            Some(item)
        );
    }
}

#[test]
fn a_stored_code_this_version_does_not_know_is_an_error_naming_it_not_a_default() {
    let mut store = Store::open_in_memory("古城镇").expect("store");
    crate::demo::seed(&mut store).expect("demo");
    crate::demo::seed_ledger(
        &mut store,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("day"),
    )
    .expect("ledger");
    // Damage that a CHECK would stop: written past it, as a broken file could hold it.
    store
        .connection_for_tests()
        .execute_batch(
            "PRAGMA ignore_check_constraints = ON;
             UPDATE problem SET category = 'alien' WHERE id = (SELECT min(id) FROM problem);
             UPDATE branch SET kind = 'moon-base' WHERE id = (SELECT min(id) FROM branch);",
        )
        .expect("damage");
    match store.problems() {
        Err(Error::Corrupt(message)) => {
            assert!(message.contains("problem.category"), "{message}");
            assert!(message.contains("alien"), "{message}");
        }
        other => panic!("expected the damage to be named, got {other:?}"),
    }
    match store.branches() {
        Err(Error::Corrupt(message)) => assert!(message.contains("moon-base"), "{message}"),
        other => panic!("expected the damage to be named, got {other:?}"),
    }
    // In words, for the window and the command line.
    let said = crate::i18n::Lang::Zh.store_error(&store.problems().expect_err("damaged"));
    assert!(said.contains("alien"), "{said}");
}
