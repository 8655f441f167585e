//! Bases, tasks, decisions and the calendar in the file: what the rules refuse leaves nothing
//! behind, what hangs on a base is found from it, tasks feed 比拼, and the calendar gathers
//! what is due from every record with a day.

use crate::domain::base::{BaseFields, BaseFigures, MilestoneFields};
use crate::domain::calendar::{DueKind, DueTarget};
use crate::domain::decision::{DecisionError, DecisionFields, Standing, Step, StepRecord};
use crate::domain::lifecycle::StateChangeError;
use crate::domain::pairing::PairingFields;
use crate::domain::period::Period;
use crate::domain::problem::{ProblemCategory, ProblemFields};
use crate::domain::task::{OfficialFields, Owner, TaskFields, TaskShown, TaskState};
use crate::domain::{BranchKind, SecretaryFields, SecretaryId};
use crate::store::{Error, Refusal, Store};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid day")
}

/// A studio with two branches and their secretaries.
fn studio() -> (Store, [crate::domain::BranchId; 2], [SecretaryId; 2]) {
    let mut store = Store::open_in_memory("古城镇书记工作室").expect("store");
    let (branches, secretaries) = store
        .write(|w| {
            let a = w.add_branch("桃园村党支部", BranchKind::Village, None)?;
            let b = w.add_branch("东沟村党支部", BranchKind::Village, None)?;
            let s = w.add_secretary(&SecretaryFields {
                name: "王建国".into(),
                branch_id: Some(a),
                ..SecretaryFields::default()
            })?;
            let t = w.add_secretary(&SecretaryFields {
                name: "李秀英".into(),
                branch_id: Some(b),
                ..SecretaryFields::default()
            })?;
            Ok(([a, b], [s, t]))
        })
        .expect("roster");
    (store, branches, secretaries)
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .connection_for_tests()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

fn fungi(branches: [crate::domain::BranchId; 2], secretary: SecretaryId) -> BaseFields {
    BaseFields {
        name: "古城食用菌产业示范基地".into(),
        industry: "食用菌".into(),
        lead_branch_id: Some(branches[0]),
        branches: vec![branches[0], branches[1]],
        secretary_id: Some(secretary),
        started_on: Some(day(2025, 3, 1)),
        notes: String::new(),
        archived: false,
    }
}

fn problem(title: &str, raised_on: NaiveDate) -> ProblemFields {
    ProblemFields {
        title: title.into(),
        description: String::new(),
        category: ProblemCategory::Industry,
        branch_id: None,
        raised_by: None,
        session_id: None,
        raised_on,
        responsible: String::new(),
        helper_id: None,
        deadline: None,
        pairing_id: None,
        base_id: None,
    }
}

#[test]
fn a_base_keeps_its_branches_figures_and_milestones_and_finds_what_hangs_on_it() {
    let (mut store, branches, [wang, li]) = studio();
    let today = day(2025, 12, 1);
    let base = store
        .write(|w| w.add_base(&fungi(branches, wang)))
        .expect("base");
    let stored = store.base(base).expect("read").expect("there");
    assert_eq!(
        stored.fields.branches,
        vec![branches[1]],
        "the lead branch is not listed twice"
    );
    store
        .write(|w| {
            w.set_base_figures(
                base,
                &BaseFigures {
                    year: 2025,
                    area_mu: Some(120.0),
                    households: Some(86),
                    jobs: Some(40),
                    output_value: Some(360.0),
                    income: None,
                },
            )?;
            w.add_milestone(
                base,
                &MilestoneFields {
                    title: "冷库建成投用".into(),
                    planned_on: Some(day(2025, 6, 30)),
                    done_on: Some(day(2025, 7, 2)),
                },
                today,
            )?;
            let mut open = problem("冷库用地审批", day(2025, 4, 1));
            open.base_id = Some(base);
            w.add_problem(&open, "")?;
            let mut solved = problem("菌棒供应不足", day(2025, 3, 10));
            solved.base_id = Some(base);
            let solved = w.add_problem(&solved, "")?;
            w.record_problem_event(
                solved,
                crate::domain::problem::ProblemState::Resolved,
                day(2025, 5, 1),
                "",
                "与县菌种场签订供应协议",
                None,
            )?;
            w.add_pairing(&PairingFields {
                strong: wang,
                weak: li,
                starts_on: day(2025, 3, 1),
                ends_on: None,
                goals: "带动东沟村发展香菇大棚".into(),
                outcome: String::new(),
                base_id: Some(base),
            })?;
            Ok(())
        })
        .expect("links");
    let figures = store.base_figures(base).expect("figures");
    assert_eq!(figures.len(), 1);
    assert_eq!(figures[0].households, Some(86));
    assert_eq!(figures[0].income, None);
    let links = store.base_links(base, today).expect("links");
    let titles: Vec<_> = links
        .problems
        .iter()
        .map(|p| p.fields.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["冷库用地审批", "菌棒供应不足"],
        "open problems first"
    );
    assert_eq!(links.pairings.len(), 1);
    assert!(links.pairings[0].1.contains("王建国"));
    let counts = store.base_counts().expect("counts");
    assert_eq!(counts[&base].problems, 2);
    assert_eq!(counts[&base].open_problems, 1);
    assert_eq!(counts[&base].pairings, 1);

    // Clearing every figure of a year removes the year; the base's branches can change.
    store
        .write(|w| {
            w.set_base_figures(
                base,
                &BaseFigures {
                    year: 2025,
                    ..BaseFigures::default()
                },
            )?;
            let mut fewer = fungi(branches, wang);
            fewer.branches = vec![branches[0]];
            w.update_base(base, &fewer)
        })
        .expect("changed");
    assert!(store.base_figures(base).expect("figures").is_empty());
    assert!(
        store
            .base(base)
            .expect("read")
            .expect("there")
            .fields
            .branches
            .is_empty()
    );
}

#[test]
fn a_milestone_before_the_base_started_is_refused_and_nothing_is_saved() {
    let (mut store, branches, [wang, _]) = studio();
    let today = day(2025, 12, 1);
    let base = store
        .write(|w| w.add_base(&fungi(branches, wang)))
        .expect("base");
    let early = MilestoneFields {
        title: "大棚开工".into(),
        planned_on: None,
        done_on: Some(day(2025, 2, 1)),
    };
    let before = count(&store, "base_milestone");
    assert!(matches!(
        store.write(|w| w.add_milestone(base, &early, today)),
        Err(Error::Refused(Refusal::Base(
            crate::domain::base::BaseError::DoneBeforeStart
        )))
    ));
    assert_eq!(count(&store, "base_milestone"), before);
    // A milestone reached, then the base moved to start after it: refused.
    store
        .write(|w| {
            w.add_milestone(
                base,
                &MilestoneFields {
                    done_on: Some(day(2025, 4, 1)),
                    ..early.clone()
                },
                today,
            )
        })
        .expect("milestone");
    let mut later = fungi(branches, wang);
    later.started_on = Some(day(2025, 5, 1));
    assert!(matches!(
        store.write(|w| w.update_base(base, &later)),
        Err(Error::Refused(Refusal::Base(
            crate::domain::base::BaseError::StartAfterMilestone
        )))
    ));
    assert_eq!(
        store
            .base(base)
            .expect("read")
            .expect("there")
            .fields
            .started_on,
        Some(day(2025, 3, 1))
    );
}

#[test]
fn tasks_live_like_problems_and_those_done_on_time_feed_the_ranking() {
    let (mut store, _, [wang, _]) = studio();
    let today = day(2025, 12, 1);
    let (official, on_time, late, open) = store
        .write(|w| {
            let official = w.add_official(&OfficialFields {
                name: "赵志刚".into(),
                post: "镇党委副书记".into(),
                secretary_id: Some(wang),
                duties: "统筹产业基地建设\n督办难题化解".into(),
                archived: false,
            })?;
            let task = |title: &str, deadline| TaskFields {
                title: title.into(),
                description: String::new(),
                owner: Owner::Official(official),
                branch_id: None,
                base_id: None,
                assigned_on: day(2025, 10, 1),
                deadline: Some(deadline),
            };
            let on_time = w.add_task(&task("二期大棚建设", day(2025, 11, 15)), "")?;
            let late = w.add_task(&task("冷库验收", day(2025, 11, 1)), "")?;
            let open = w.add_task(&task("菌棒采购", day(2025, 11, 20)), "")?;
            w.record_task_progress(
                on_time,
                TaskState::InProgress,
                day(2025, 10, 20),
                "完成 60%",
                "",
                today,
            )?;
            w.record_task_progress(
                on_time,
                TaskState::Done,
                day(2025, 11, 10),
                "已完工",
                "",
                today,
            )?;
            w.record_task_progress(late, TaskState::Done, day(2025, 11, 5), "", "", today)?;
            Ok((official, on_time, late, open))
        })
        .expect("tasks");
    let shown = |id| store.task(id).expect("read").expect("there").shown(today);
    assert_eq!(shown(on_time), TaskShown::Done);
    assert_eq!(shown(late), TaskShown::DoneLate);
    assert_eq!(shown(open), TaskShown::Overdue);
    assert_eq!(store.task_history(on_time).expect("history").len(), 3);

    // Progress dated before the latest is refused, as for a problem.
    assert!(matches!(
        store.write(|w| w.record_task_progress(
            open,
            TaskState::InProgress,
            day(2025, 9, 30),
            "",
            "",
            today
        )),
        Err(Error::Refused(Refusal::TaskState(
            StateChangeError::BeforeRaised
        )))
    ));
    // An official with tasks is not deleted.
    assert!(matches!(
        store.write(|w| w.delete_official(official)),
        Err(Error::Refused(Refusal::OfficialHasTasks(3)))
    ));

    let period = Period::quarter_of(day(2025, 11, 1)).expect("quarter");
    let facts = store.secretary_facts(period).expect("facts");
    assert_eq!(
        facts[&wang].tasks_on_time, 1,
        "the official is 王建国 on the roster"
    );
}

#[test]
fn a_decision_passes_its_six_steps_in_order_with_its_quorums() {
    let (mut store, [branch, _], _) = studio();
    let today = day(2025, 12, 1);
    let decision = store
        .write(|w| {
            w.add_decision(&DecisionFields {
                branch_id: branch,
                title: "村集体经济合作社入股食用菌基地".into(),
                content: "以 20 万元扶持资金入股，按年分红".into(),
            })
        })
        .expect("decision");
    let met = |on: NaiveDate, expected, present| StepRecord {
        held_on: Some(on),
        expected: Some(expected),
        present: Some(present),
        note: String::new(),
    };
    // Out of order: the consultation before the proposal.
    assert!(matches!(
        store.write(|w| w.set_decision_step(
            decision,
            Step::Consultation,
            Some(&met(day(2025, 5, 2), 7, 6)),
            today
        )),
        Err(Error::Refused(Refusal::Decision(
            DecisionError::PreviousMissing(Step::Proposal)
        )))
    ));
    assert_eq!(count(&store, "decision_step"), 0);
    store
        .write(|w| {
            w.set_decision_step(
                decision,
                Step::Proposal,
                Some(&met(day(2025, 5, 1), 5, 5)),
                today,
            )?;
            w.set_decision_step(
                decision,
                Step::Consultation,
                Some(&met(day(2025, 5, 2), 7, 6)),
                today,
            )?;
            w.set_decision_step(
                decision,
                Step::MembersReview,
                Some(&met(day(2025, 5, 6), 42, 35)),
                today,
            )
        })
        .expect("three steps");
    // The resolution with too few present: refused, nothing written.
    assert!(matches!(
        store.write(|w| w.set_decision_step(
            decision,
            Step::Resolution,
            Some(&met(day(2025, 5, 10), 30, 19)),
            today
        )),
        Err(Error::Refused(Refusal::Decision(
            DecisionError::QuorumNotMet(20)
        )))
    ));
    assert_eq!(count(&store, "decision_step"), 3);
    // A step with a later one recorded cannot be cleared.
    assert!(matches!(
        store.write(|w| w.set_decision_step(decision, Step::Consultation, None, today)),
        Err(Error::Refused(Refusal::StepHasLater(Step::MembersReview)))
    ));
    store
        .write(|w| {
            w.set_decision_step(
                decision,
                Step::Resolution,
                Some(&met(day(2025, 5, 10), 30, 24)),
                today,
            )
        })
        .expect("resolved");
    let stored = store.decision(decision).expect("read").expect("there");
    assert_eq!(stored.standing(), Standing::Passed(Step::Resolution));
    // Resolved, not yet public: the calendar says it is due a week after.
    let due = store.due(day(2025, 5, 12), 14).expect("due");
    assert!(due.iter().any(|i| i.kind == DueKind::Decision
        && i.on == day(2025, 5, 17)
        && i.target == DueTarget::Decision(decision)));
    let posted = StepRecord {
        held_on: Some(day(2025, 5, 11)),
        expected: Some(99),
        present: Some(1),
        note: "村务公开栏张贴".into(),
    };
    store
        .write(|w| w.set_decision_step(decision, Step::ResolutionPublic, Some(&posted), today))
        .expect("public");
    let stored = store.decision(decision).expect("read").expect("there");
    let public = stored.steps[Step::ResolutionPublic.index()]
        .as_ref()
        .expect("step");
    assert_eq!(public.expected, None, "a publicity keeps no attendance");
}

#[test]
fn the_calendar_gathers_what_is_due_overdue_first() {
    let (mut store, branches, [wang, li]) = studio();
    let today = day(2025, 12, 1);
    store
        .write(|w| {
            let base = w.add_base(&fungi(branches, wang))?;
            w.add_milestone(
                base,
                &MilestoneFields {
                    title: "二期大棚封顶".into(),
                    planned_on: Some(day(2025, 12, 10)),
                    done_on: None,
                },
                today,
            )?;
            let mut overdue = problem("道路硬化资金缺口", day(2025, 9, 1));
            overdue.deadline = Some(day(2025, 11, 20));
            w.add_problem(&overdue, "")?;
            let official = w.add_official(&OfficialFields {
                name: "赵志刚".into(),
                ..OfficialFields::default()
            })?;
            w.add_task(
                &TaskFields {
                    title: "菌棒采购".into(),
                    description: String::new(),
                    owner: Owner::Official(official),
                    branch_id: None,
                    base_id: Some(base),
                    assigned_on: day(2025, 11, 1),
                    deadline: Some(day(2025, 12, 5)),
                },
                "",
            )?;
            let done = w.add_task(
                &TaskFields {
                    title: "已办完的任务".into(),
                    description: String::new(),
                    owner: Owner::Secretary(li),
                    branch_id: None,
                    base_id: None,
                    assigned_on: day(2025, 11, 1),
                    deadline: Some(day(2025, 12, 6)),
                },
                "",
            )?;
            w.record_task_progress(done, TaskState::Done, day(2025, 11, 30), "", "", today)?;
            // A visit every 30 days (the 帮扶 board's warning too); last visited 2025-10-20:
            // due a visit on 2025-11-19, so overdue.
            w.set_setting(crate::store::STALE_DAYS_KEY, "30")?;
            let pairing = w.add_pairing(&PairingFields {
                strong: wang,
                weak: li,
                starts_on: day(2025, 3, 1),
                ends_on: None,
                goals: String::new(),
                outcome: String::new(),
                base_id: None,
            })?;
            let mut visit = crate::domain::session::SessionDraft::new(day(2025, 10, 20));
            visit.topic = "帮扶走访".into();
            let mut visit = visit.validate().expect("fields");
            visit.kind = crate::domain::session::SessionKind::HelpVisit;
            visit.pairing_id = Some(pairing);
            visit.topic = "帮扶走访".into();
            w.add_session(&visit)?;
            let mut planned = crate::domain::session::SessionDraft::new(day(2025, 12, 8));
            planned.topic = "学习贯彻全会精神".into();
            w.add_session(&planned.validate().expect("fields"))?;
            Ok(())
        })
        .expect("records");
    let due = store.due(today, 14).expect("due");
    let kinds: Vec<_> = due.iter().map(|i| (i.kind, i.overdue(today))).collect();
    assert_eq!(
        kinds,
        [
            (DueKind::Session, true),
            (DueKind::Visit, true),
            (DueKind::Problem, true),
            (DueKind::Task, false),
            (DueKind::Session, false),
            (DueKind::Milestone, false),
        ],
        "{due:#?}"
    );
    assert!(
        due.iter().all(|i| i.title != "已办完的任务"),
        "done tasks are not due"
    );
    // The help visit of October has no attendance recorded yet: it is due to be recorded.
    assert_eq!(due[0].title, "帮扶走访");
    assert!(
        store
            .due(today, 3)
            .expect("due")
            .iter()
            .all(|i| i.kind != DueKind::Milestone)
    );
}
