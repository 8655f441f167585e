//! Following problems: overdue ones stand out, resolving asks for the resolution, the history
//! says who changed what and when; a deadline before raising is refused.

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use secretary_studio::domain::problem::ProblemState;
use secretary_studio::ui::Screen;

#[test]
fn overdue_problems_stand_out_and_the_filter_finds_them() {
    let store = common::ledger_store();
    let today = common::today();
    let overdue = store
        .problems()
        .expect("problems")
        .iter()
        .filter(|p| {
            secretary_studio::domain::problem::is_overdue(p.state, p.fields.deadline, today)
        })
        .count();
    assert!(overdue > 0, "the demo has overdue problems");
    let mut harness = common::harness(store, Screen::Problems);
    harness.get_by_label_contains("其中逾期");
    harness.get_by_label("只看逾期").click();
    harness.run();
    assert_eq!(harness.state().problem_titles().len(), overdue);
    assert!(harness.query_all_by_label_contains("已逾期").count() >= 1);
}

#[test]
fn resolving_asks_for_the_resolution_and_the_history_keeps_every_step() {
    let mut harness = common::harness(common::ledger_store(), Screen::Problems);
    harness.get_by_label("只看逾期").click();
    harness.run();
    let title = harness.state().problem_titles()[0].clone();
    harness
        .get_all_by_label(&title)
        .next()
        .expect("row")
        .click();
    harness.run();
    harness.get_by_label(&format!("难题 · {title}"));
    harness
        .get_by_role_and_label(Role::ComboBox, "新状态")
        .click();
    harness.run();
    harness
        .get_all_by_label("已解决")
        .last()
        .expect("option")
        .click();
    harness.run();
    // The step is offered as the helping secretary's.
    let helper = harness
        .state()
        .store()
        .problems()
        .expect("list")
        .into_iter()
        .find(|p| p.fields.title == title)
        .and_then(|p| p.fields.helper_id)
        .and_then(|id| {
            harness
                .state()
                .store()
                .roster()
                .expect("roster")
                .into_iter()
                .find(|e| e.id == id)
        })
        .map(|e| e.fields.name)
        .unwrap_or_default();
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "经办人")
            .value()
            .unwrap_or_default(),
        helper
    );
    common::type_into(&mut harness, "经办人", "胡永刚");
    harness.get_by_label("记录").click();
    harness.run();
    harness.get_by_label("标记为已解决时请填写解决情况");
    // The field is asked for by its name once the state is 已解决.
    common::type_into(&mut harness, "解决情况", "冷库用地已批复");
    // Enter after the resolution records the step, as 记录 does.
    harness.key_press(egui::Key::Enter);
    harness.run();
    let store = harness.state().store();
    let problem = store
        .problems()
        .expect("list")
        .into_iter()
        .find(|p| {
            p.fields.title == title
                && p.state == ProblemState::Resolved
                && p.resolution == "冷库用地已批复"
        })
        .expect("the problem is resolved with its resolution");
    let history = store.problem_history(problem.id).expect("history");
    let last = history.last().expect("an event");
    assert_eq!(
        (last.event.actor.as_str(), last.event.note.as_str()),
        ("胡永刚", "冷库用地已批复")
    );
    assert!(harness.query_all_by_label("冷库用地已批复").count() >= 1);

    // An edit names who made it, typed in the edit form and remembered for the next one.
    let edit = |harness: &mut egui_kittest::Harness<'static, secretary_studio::App>,
                deadline: &str,
                actor: Option<&str>| {
        harness.get_by_label("编辑").click();
        harness.run();
        common::type_into(harness, "完成时限", deadline);
        if let Some(actor) = actor {
            let fields: Vec<_> = harness
                .get_all_by_role_and_label(Role::TextInput, "经办人")
                .collect();
            fields.last().expect("the edit form's").focus();
            harness.run();
            harness
                .get_all_by_role_and_label(Role::TextInput, "经办人")
                .last()
                .expect("field")
                .type_text(actor);
            harness.run();
        }
        harness.get_by_label("保存").click();
        harness.run();
        harness
            .state()
            .store()
            .problem_history(problem.id)
            .expect("history")
            .pop()
            .expect("entry")
    };
    let last = edit(&mut harness, "2027-03-31", Some("刘芳"));
    assert!(last.event.note.starts_with("修改了"), "{}", last.event.note);
    assert_eq!(last.event.actor, "刘芳");
    let last = edit(&mut harness, "2027-04-30", None);
    assert_eq!(last.event.actor, "刘芳", "remembered");
}

#[test]
fn a_deadline_before_the_problem_was_raised_is_refused_beside_the_field() {
    let mut harness = common::harness(common::ledger_store(), Screen::Problems);
    let before = harness.state().store().problems().expect("list").len();
    harness.get_by_label("提出难题").click();
    harness.run();
    common::type_into(&mut harness, "难题", "村务公开栏老旧");
    common::type_into(&mut harness, "提出日期", "2021-06-01");
    common::type_into(&mut harness, "完成时限", "2021-05-01");
    harness.get_by_label("保存").click();
    harness.run();
    harness.get_by_label("完成时限不能早于提出日期");
    assert_eq!(
        harness.state().store().problems().expect("list").len(),
        before,
        "nothing saved"
    );
}

#[test]
fn delete_a_problem_and_undo() {
    let mut harness = common::harness(common::ledger_store(), Screen::Problems);
    let before = harness.state().store().problems().expect("list").len();
    let title = harness.state().problem_titles()[0].clone();
    harness
        .get_all_by_label(&title)
        .next()
        .expect("row")
        .click();
    harness.run();
    harness.get_by_label("删除难题").click();
    harness.run();
    assert_eq!(
        harness.state().store().problems().expect("list").len(),
        before - 1
    );
    harness.get_by_label("撤销").click();
    harness.run();
    assert_eq!(
        harness.state().store().problems().expect("list").len(),
        before
    );
}

#[test]
fn a_backdated_entry_is_refused_and_an_edit_is_kept_in_the_history() {
    let mut harness = common::harness(common::ledger_store(), Screen::Problems);
    harness.get_by_label("只看逾期").click();
    harness.run();
    let title = harness.state().problem_titles()[0].clone();
    harness
        .get_all_by_label(&title)
        .next()
        .expect("row")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "新状态")
        .click();
    harness.run();
    harness
        .get_all_by_label("已解决")
        .last()
        .expect("option")
        .click();
    harness.run();
    common::type_into(&mut harness, "日期", "2021-05-20");
    common::type_into(&mut harness, "解决情况", "已解决");
    harness.get_by_label("记录").click();
    harness.run();
    assert!(
        harness.query_by_label("不能早于提出日期").is_some()
            || harness
                .query_by_label("不能早于办理过程中最近一条记录的日期")
                .is_some(),
        "a backdated entry is refused beside the date"
    );

    harness.get_by_label("编辑").click();
    harness.run();
    common::type_into(&mut harness, "完成时限", "2026-12-31");
    harness.get_by_label("保存").click();
    harness.run();
    let store = harness.state().store();
    let problem = store
        .problems()
        .expect("list")
        .into_iter()
        .find(|p| p.fields.title == title)
        .expect("problem");
    assert_eq!(
        problem.fields.deadline.map(|d| d.to_string()).as_deref(),
        Some("2026-12-31")
    );
    let last = store
        .problem_history(problem.id)
        .expect("history")
        .pop()
        .expect("entry");
    assert!(
        last.event.note.starts_with("修改了：完成时限"),
        "{}",
        last.event.note
    );
    assert_eq!(last.event.state, problem.state, "an edit keeps the state");
    // Nobody said who edits at this computer: the line names no one, and says so by being
    // empty rather than guessing.
    assert_eq!(last.event.actor, "");
}

#[test]
fn choosing_the_branch_names_its_secretary_as_the_one_who_raised_it() {
    let store = common::ledger_store();
    let roster = store.roster().expect("roster");
    let branches = store.branches().expect("branches");
    // A branch and its secretary in office.
    let (branch, secretary) = branches
        .iter()
        .skip(1)
        .find_map(|b| {
            roster
                .iter()
                .find(|e| !e.fields.archived && e.fields.branch_id == Some(b.id))
                .map(|e| (b.clone(), e.clone()))
        })
        .expect("a branch with a secretary");
    let mut harness = common::harness(store, Screen::Problems);
    harness.get_by_label("提出难题").click();
    harness.run();
    common::type_into(&mut harness, "难题", "通组道路损毁");
    // The form's 所在党支部 (the list's filter of the same name is behind the form); the branch
    // is picked from the list that opens (the list's rows name branches too).
    harness
        .get_all_by_role_and_label(Role::ComboBox, "所在党支部")
        .last()
        .expect("the form's branch")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, &branch.name)
        .click();
    harness.run();
    harness.get_by_label("保存").click();
    harness.run();
    let saved = harness
        .state()
        .store()
        .problems()
        .expect("list")
        .into_iter()
        .find(|p| p.fields.title == "通组道路损毁")
        .expect("saved");
    assert_eq!(saved.fields.branch_id, Some(branch.id));
    assert_eq!(
        saved.fields.raised_by,
        Some(secretary.id),
        "{}",
        secretary.fields.name
    );
}

#[test]
fn save_in_the_question_records_a_step_typed_on_a_problems_page_then_leaves() {
    let mut harness = common::harness(common::ledger_store(), Screen::Problems);
    harness.get_by_label("只看逾期").click();
    harness.run();
    let title = harness.state().problem_titles()[0].clone();
    harness
        .get_all_by_label(&title)
        .next()
        .expect("row")
        .click();
    harness.run();
    let Screen::Problem(id) = harness.state().settings().screen else {
        panic!("on the problem's page");
    };
    let steps = |h: &egui_kittest::Harness<'static, secretary_studio::App>| {
        h.state()
            .store()
            .problem_history(id)
            .expect("history")
            .len()
    };
    let before = steps(&harness);
    harness
        .get_by_role_and_label(Role::ComboBox, "新状态")
        .click();
    harness.run();
    harness
        .get_all_by_label("推进中")
        .last()
        .expect("option")
        .click();
    harness.run();
    common::type_into(&mut harness, "说明", "已与县自然资源局对接");
    harness.get_by_label("概览").click();
    harness.run();
    harness.get_by_label("有未保存的修改");
    harness
        .get_all_by_label("保存")
        .last()
        .expect("the question's")
        .click();
    harness.run();
    assert_eq!(steps(&harness), before + 1, "recorded");
    assert_eq!(harness.state().settings().screen, Screen::Dashboard);
}

#[test]
fn a_problem_raised_at_a_session_planned_ahead_can_be_edited_before_that_day() {
    use secretary_studio::domain::problem::{ProblemCategory, ProblemFields};
    let mut store = common::demo_store();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).expect("day");
    let problem = store
        .write(|w| {
            w.add_problem(
                &ProblemFields {
                    title: "冬季农田水利冻损".to_owned(),
                    description: String::new(),
                    category: ProblemCategory::Infrastructure,
                    branch_id: None,
                    raised_by: None,
                    session_id: None,
                    raised_on: day,
                    responsible: String::new(),
                    helper_id: None,
                    deadline: None,
                    pairing_id: None,
                    base_id: None,
                },
                "",
            )
        })
        .expect("raised ahead");
    let mut harness = common::harness(store, Screen::Problems);
    harness.get_by_label("冬季农田水利冻损").click();
    harness.run();
    harness.get_by_label("编辑").click();
    harness.run();
    common::type_into(&mut harness, "完成时限", "2027-02-28");
    harness.get_by_label("保存").click();
    harness.run();
    assert!(harness.query_by_label("不能晚于今天").is_none());
    let saved = harness
        .state()
        .store()
        .problems()
        .expect("list")
        .into_iter()
        .find(|p| p.id == problem)
        .expect("there");
    assert_eq!(
        saved.fields.deadline.map(|d| d.to_string()).as_deref(),
        Some("2027-02-28")
    );
}
