//! 四议两公开 and 日程, clicked through by label as the coordinator would: a village decision
//! recorded through its six steps (a step out of order and a thin resolution refused with their
//! sentences, nothing saved), and what is due listed overdue first on 日程, on the dashboard and
//! beside 日程 in the navigation, each item opening its record — checked against the store.

use crate::common;

use egui_kittest::kittest::Queryable;
use secretary_studio::App;
use secretary_studio::domain::decision::{DecisionFields, Standing, Step, StepRecord};
use secretary_studio::domain::problem::{ProblemCategory, ProblemFields};
use secretary_studio::domain::task::{Owner, TaskFields};
use secretary_studio::domain::{ProblemId, SecretaryId};
use secretary_studio::store::Store;
use secretary_studio::ui::Screen;

type Harness = egui_kittest::Harness<'static, App>;

fn click(harness: &mut Harness, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Picks `option` in the last combo box named `combo` (a form's, drawn over the filters').
fn pick_last(harness: &mut Harness, combo: &str, option: &str) {
    harness
        .get_all_by_role_and_label(egui::accesskit::Role::ComboBox, combo)
        .last()
        .expect("combo box")
        .click();
    harness.run();
    harness
        .get_all_by_label(option)
        .last()
        .expect("option")
        .click();
    harness.run();
}

/// Types a step's day, expected and present (empty: left as it is) and saves the step.
fn record_step(harness: &mut Harness, step: &str, day: &str, expected: &str, present: &str) {
    common::type_into(harness, &format!("日期 {step}"), day);
    if !expected.is_empty() {
        common::type_into(harness, &format!("应到 {step}"), expected);
    }
    if !present.is_empty() {
        common::type_into(harness, &format!("实到 {step}"), present);
    }
    click(harness, &format!("保存这一步 {step}"));
}

fn decision_steps(store: &Store) -> [bool; 6] {
    let decisions = store.decisions().expect("decisions");
    assert_eq!(decisions.len(), 1);
    std::array::from_fn(|i| decisions[0].steps[i].is_some())
}

#[test]
fn a_village_decision_goes_through_its_six_steps_in_order_and_with_its_quorums() {
    let store = common::demo_store();
    let branch = store.branches().expect("branches")[0].name.clone();
    let mut harness = common::harness(store, Screen::Decisions);
    click(&mut harness, "新建决策…");
    pick_last(&mut harness, "村（支部）", &branch);
    common::type_into(&mut harness, "决策事项", "村集体经济合作社入股食用菌基地");
    common::type_into(&mut harness, "主要内容", "以集体资金 20 万元入股，按年分红");
    click(&mut harness, "保存");
    let decisions = harness.state().store().decisions().expect("decisions");
    assert_eq!(decisions.len(), 1);
    assert_eq!(decisions[0].fields.title, "村集体经济合作社入股食用菌基地");
    assert_eq!(
        decisions[0].fields.content,
        "以集体资金 20 万元入股，按年分红"
    );
    assert_eq!(
        harness.state().store().branches().expect("branches")[0].id,
        decisions[0].fields.branch_id
    );
    // The new decision's sheet is open.
    harness.get_by_label("下一步：党支部提议");

    record_step(&mut harness, "党支部提议", "2026-11-01", "5", "5");
    assert_eq!(
        decision_steps(harness.state().store()),
        [true, false, false, false, false, false]
    );

    // The members' meeting before the committees have met: refused beside the step.
    record_step(&mut harness, "党员大会审议", "2026-11-05", "40", "31");
    harness.get_by_label("请先记录上一步“两委会商议”");
    assert_eq!(
        decision_steps(harness.state().store()),
        [true, false, false, false, false, false],
        "nothing saved"
    );

    // The committees dated before the proposal: refused too.
    record_step(&mut harness, "两委会商议", "2026-10-30", "7", "6");
    harness.get_by_label("日期早于上一步“党支部提议”");
    assert_eq!(
        decision_steps(harness.state().store()),
        [true, false, false, false, false, false]
    );
    record_step(&mut harness, "两委会商议", "2026-11-03", "", "");
    // The members' meeting, as typed before, now follows.
    click(&mut harness, "保存这一步 党员大会审议");
    assert_eq!(
        decision_steps(harness.state().store()),
        [true, true, true, false, false, false]
    );

    // 19 of 30 villagers' representatives: two thirds (20) were needed.
    record_step(
        &mut harness,
        "村民（代表）会议决议",
        "2026-11-10",
        "30",
        "19",
    );
    harness.get_by_label("到会人数不足：至少须 20 人到会");
    assert_eq!(
        decision_steps(harness.state().store()),
        [true, true, true, false, false, false]
    );
    common::type_into(&mut harness, "实到 村民（代表）会议决议", "20");
    click(&mut harness, "保存这一步 村民（代表）会议决议");
    // The publicities have no attendance.
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::TextInput, "应到 决议公开")
            .is_none()
    );
    record_step(&mut harness, "决议公开", "2026-11-11", "", "");
    record_step(&mut harness, "实施结果公开", "2026-11-25", "", "");

    let store = harness.state().store();
    assert_eq!(decision_steps(store), [true; 6]);
    let decision = &store.decisions().expect("decisions")[0];
    assert_eq!(decision.standing(), Standing::Complete);
    let resolution = decision.steps[Step::Resolution.index()]
        .as_ref()
        .expect("resolution");
    assert_eq!(
        (resolution.expected, resolution.present),
        (Some(30), Some(20))
    );
    let consultation = decision.steps[Step::Consultation.index()]
        .as_ref()
        .expect("consultation");
    assert_eq!(
        consultation.held_on,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 3)
    );
    assert!(
        harness.query_all_by_label("六步完成").count() >= 1,
        "the sheet and the register say so"
    );

    // A step with a later one recorded cannot be cleared; the last one can.
    click(&mut harness, "清除 决议公开");
    harness.get_by_label("请先清除后一步“实施结果公开”");
    click(&mut harness, "清除 实施结果公开");
    assert_eq!(
        decision_steps(harness.state().store()),
        [true, true, true, true, true, false]
    );

    // A step typed and not saved is asked about on leaving; 保存 saves it.
    common::type_into(&mut harness, "日期 实施结果公开", "2026-11-25");
    click(&mut harness, "概览");
    harness
        .get_all_by_label("保存")
        .last()
        .expect("the question's 保存")
        .click();
    harness.run();
    harness.run();
    assert_eq!(decision_steps(harness.state().store()), [true; 6]);
    assert_eq!(harness.state().settings().screen, Screen::Dashboard);
    click(&mut harness, "四议两公开");

    // Deleted from the register, and back with Undo.
    click(&mut harness, "删除 村集体经济合作社入股食用菌基地");
    assert!(
        harness
            .state()
            .store()
            .decisions()
            .expect("decisions")
            .is_empty()
    );
    click(&mut harness, "撤销");
    assert_eq!(
        harness
            .state()
            .store()
            .decisions()
            .expect("decisions")
            .len(),
        1
    );
}

/// The demo roster with an open problem past its deadline and a task due this week.
fn studio_with_due() -> (Store, ProblemId) {
    let mut store = common::demo_store();
    let branch = store.branches().expect("branches")[0].id;
    let secretary: SecretaryId = store.roster().expect("roster")[0].id;
    let today = common::today();
    let problem = store
        .write(|w| {
            let problem = w.add_problem(
                &ProblemFields {
                    title: "村道硬化资金缺口".into(),
                    description: String::new(),
                    category: ProblemCategory::Infrastructure,
                    branch_id: Some(branch),
                    raised_by: None,
                    session_id: None,
                    raised_on: today - chrono::Days::new(40),
                    responsible: String::new(),
                    helper_id: None,
                    deadline: Some(today - chrono::Days::new(9)),
                    pairing_id: None,
                    base_id: None,
                },
                "",
            )?;
            w.add_task(
                &TaskFields {
                    title: "完成食用菌大棚验收".into(),
                    description: String::new(),
                    owner: Owner::Secretary(secretary),
                    branch_id: Some(branch),
                    base_id: None,
                    assigned_on: today - chrono::Days::new(10),
                    deadline: Some(today + chrono::Days::new(3)),
                },
                "",
            )?;
            // Resolved ten days ago and not yet made public: due a week after.
            let decision = w.add_decision(&DecisionFields {
                branch_id: branch,
                title: "天麻种植基地土地流转".into(),
                content: String::new(),
            })?;
            for (n, step) in Step::ALL.iter().take(4).enumerate() {
                w.set_decision_step(
                    decision,
                    *step,
                    Some(&StepRecord {
                        held_on: Some(today - chrono::Days::new(16 - 2 * n as u64)),
                        expected: Some(30),
                        present: Some(25),
                        note: String::new(),
                    }),
                    today,
                )?;
            }
            Ok(problem)
        })
        .expect("problem, task and decision");
    (store, problem)
}

#[test]
fn what_is_due_is_listed_overdue_first_and_opens_its_record() {
    let (store, problem) = studio_with_due();
    let today = common::today();
    let due = store.due(today, 14).expect("due");
    let overdue = due.iter().filter(|i| i.overdue(today)).count();
    assert!(overdue >= 1);
    let mut harness = common::harness(store, Screen::Calendar);

    // 近期待办, 14 days ahead: the overdue problem before the task, every overdue line first.
    let lines = harness.state().due_lines();
    assert_eq!(lines.len(), due.len());
    let problem_line = lines
        .iter()
        .position(|l| l.starts_with("2026-11-20 难题时限：村道硬化资金缺口"))
        .expect("the overdue problem is listed");
    let task_line = lines
        .iter()
        .position(|l| l.starts_with("2026-12-02 任务时限：完成食用菌大棚验收"))
        .expect("the task due this week is listed");
    assert!(problem_line < task_line, "{lines:#?}");
    let days: Vec<&str> = lines.iter().map(|l| &l[..10]).collect();
    let mut sorted = days.clone();
    sorted.sort_unstable();
    assert_eq!(days, sorted, "overdue first, oldest first, then by day");
    assert!(lines[..overdue].iter().all(|l| &l[..10] < "2026-11-29"));

    // The navigation counts them.
    harness.get_by_label(&format!("日程 ({})", due.len()));

    // The month shows both (the list beside it too); clicking the task opens 两三三.
    assert!(
        harness
            .query_all_by_label_contains("难题时限：村道硬化资金缺口")
            .count()
            >= 2,
        "in November's calendar and in the list"
    );
    harness
        .get_all_by_label_contains("任务时限：完成食用菌大棚验收")
        .next()
        .expect("the task")
        .click();
    harness.run();
    assert_eq!(harness.state().settings().screen, Screen::Tasks);

    // The decision waiting to be made public opens on its sheet, its next step named.
    click(&mut harness, &format!("日程 ({})", due.len()));
    harness
        .get_all_by_label_contains("四议两公开：天麻种植基地土地流转")
        .next()
        .expect("the decision")
        .click();
    harness.run();
    assert_eq!(harness.state().settings().screen, Screen::Decisions);
    harness.get_by_label("下一步：决议公开");

    // The dashboard lists them too; the problem opens its page.
    click(&mut harness, "概览");
    harness.get_by_label("近14天待办");
    harness
        .get_all_by_label_contains("难题时限：村道硬化资金缺口")
        .next()
        .expect("the problem on the dashboard")
        .click();
    harness.run();
    assert_eq!(harness.state().settings().screen, Screen::Problem(problem));

    // Resolved, it is no longer due: the count beside 日程 goes down by one.
    let before = due.len();
    harness
        .state_mut()
        .apply(secretary_studio::ui::Command::Write(
            secretary_studio::ui::Change::RecordProblemEvent {
                problem,
                state: secretary_studio::domain::problem::ProblemState::Resolved,
                date: today,
                actor: "周书记".into(),
                note: "争取到一事一议资金".into(),
                session: None,
            },
        ));
    harness.run();
    harness.get_by_label(&format!("日程 ({})", before - 1));
}

#[test]
fn the_calendar_pages_months_and_keeps_its_settings() {
    let (store, _) = studio_with_due();
    let mut harness = common::harness(store, Screen::Calendar);
    harness.get_by_label("2026年11月");
    click(&mut harness, "下个月");
    harness.get_by_label("2026年12月");
    // December's calendar shows the task on the 2nd.
    assert!(
        harness
            .query_all_by_label_contains("任务时限：完成食用菌大棚验收")
            .count()
            >= 1
    );
    click(&mut harness, "本月");
    harness.get_by_label("2026年11月");

    click(&mut harness, "提醒设置");
    common::type_into(&mut harness, "结对帮扶走访周期", "0");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("须是 1–366 天");
    assert_eq!(
        harness.state().store().visit_every_days().expect("setting"),
        60,
        "the 帮扶 board's warning, unchanged"
    );
    common::type_into(&mut harness, "结对帮扶走访周期", "45");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().store().visit_every_days().expect("setting"),
        45
    );
    common::type_into(&mut harness, "党员到会率底线", "90");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().store().theme_day_floor().expect("floor"),
        90
    );

    // The theme days' figures of the year: a line per quarter for the whole studio.
    click(&mut harness, "主题党日执行情况");
    assert_eq!(harness.query_all_by_label("全工作室").count(), 4);
    harness.get_by_label("第1季度");
}
