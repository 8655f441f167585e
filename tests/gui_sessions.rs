//! Recording a session as the coordinator would: plan it, mark attendance with one click per
//! step, leave with its reason; then delete it and undo. Counts the user's actions.

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use secretary_studio::domain::session::{AttendanceStatus, SessionKind};
use secretary_studio::ui::Screen;

/// Counts what the user does: each click and each field filled is one action.
struct Actions(u32);

impl Actions {
    fn click(
        &mut self,
        harness: &mut egui_kittest::Harness<'static, secretary_studio::App>,
        label: &str,
    ) {
        harness.get_by_label(label).click();
        harness.run();
        self.0 += 1;
    }

    fn fill(
        &mut self,
        harness: &mut egui_kittest::Harness<'static, secretary_studio::App>,
        label: &str,
        text: &str,
    ) {
        common::type_into(harness, label, text);
        self.0 += 1;
    }
}

#[test]
fn record_a_session_with_twenty_attendees_two_on_leave_and_one_absent() {
    let mut harness = common::harness(common::demo_store(), Screen::Dashboard);
    let mut actions = Actions(0);
    actions.click(&mut harness, "活动台账");
    actions.click(&mut harness, "新建活动");
    actions.fill(&mut harness, "日期", "2021-05-20");
    actions.fill(&mut harness, "主题", "食用菌产业观摩");
    actions.fill(&mut harness, "地点", "东坪村食用菌基地");
    // The form's 形式 (the list's filter of the same name is behind the form window).
    harness
        .get_all_by_role_and_label(Role::ComboBox, "形式")
        .last()
        .expect("the form's kind")
        .click();
    harness.run();
    actions.0 += 1;
    actions.click(&mut harness, "观摩交流");
    actions.click(&mut harness, "保存");
    harness.get_by_label("活动 · 食用菌产业观摩");
    actions.click(&mut harness, "全部出席");
    harness.get_by_label("应到 20 人，实到 20 人");
    for name in ["李秀英", "张志强"] {
        for _ in 0..2 {
            actions.click(&mut harness, &format!("出勤登记 {name}"));
        }
        actions.fill(
            &mut harness,
            &format!("请假事由 {name}"),
            "参加县委党校培训",
        );
    }
    for _ in 0..3 {
        actions.click(&mut harness, "出勤登记 刘芳");
    }
    harness.get_by_label("应到 20 人，实到 17 人");

    // Two problems raised at the session, with a responsible office and a deadline.
    for (title, office, deadline) in [
        ("食用菌基地冷库用地审批", "镇自然资源所", "2021-07-31"),
        ("年轻党员外出务工，支部活动难组织", "镇组织办", "2021-09-30"),
    ] {
        actions.click(&mut harness, "提出难题");
        actions.fill(&mut harness, "难题", title);
        actions.fill(&mut harness, "责任单位/责任人", office);
        actions.fill(&mut harness, "完成时限", deadline);
        actions.click(&mut harness, "保存");
    }
    harness.get_by_label("食用菌基地冷库用地审批");

    let store = harness.state().store();
    let sessions = store.sessions().expect("sessions");
    assert_eq!(sessions.len(), 1);
    let session = &sessions[0];
    assert_eq!(session.fields.topic, "食用菌产业观摩");
    assert_eq!(session.fields.kind, SessionKind::ObservationVisit);
    assert_eq!((session.expected, session.attended), (20, 17));
    let marks = store.attendance(session.id).expect("marks");
    let excused: Vec<_> = marks
        .iter()
        .filter(|m| m.status == AttendanceStatus::Excused)
        .collect();
    assert_eq!(excused.len(), 2);
    assert!(
        excused.iter().all(|m| m.reason == "参加县委党校培训"),
        "{excused:?}"
    );
    assert_eq!(
        marks
            .iter()
            .filter(|m| m.status == AttendanceStatus::Absent)
            .count(),
        1
    );
    let problems = store.problems().expect("problems");
    assert_eq!(problems.len(), 2);
    assert!(
        problems
            .iter()
            .all(|p| p.fields.session_id == Some(session.id))
    );
    let cold_storage = problems
        .iter()
        .find(|p| p.fields.title == "食用菌基地冷库用地审批")
        .expect("raised");
    assert_eq!(cold_storage.fields.responsible, "镇自然资源所");
    assert_eq!(
        cold_storage
            .fields
            .deadline
            .map(|d| d.to_string())
            .as_deref(),
        Some("2021-07-31")
    );
    eprintln!(
        "recording the session, its attendance and two problems took {} user actions",
        actions.0
    );
    assert!(actions.0 <= 30, "{} actions", actions.0);
}

#[test]
fn a_session_that_ends_before_it_starts_is_refused_beside_the_field() {
    let mut harness = common::harness(common::demo_store(), Screen::Sessions);
    harness.get_by_label("新建活动").click();
    harness.run();
    common::type_into(&mut harness, "主题", "学习会");
    common::type_into(&mut harness, "开始时间", "10:00");
    common::type_into(&mut harness, "结束时间", "09:00");
    common::type_into(&mut harness, "日期", "2021-02-30");
    harness.get_by_label("保存").click();
    harness.run();
    harness.get_by_label("结束时间应晚于开始时间");
    harness.get_by_label("不是有效日期，请写成 2021-05-20");
    assert!(
        harness.state().store().sessions().expect("list").is_empty(),
        "nothing saved"
    );
}

#[test]
fn delete_a_session_then_undo_and_duplicate_it_as_a_template() {
    let mut harness = common::harness(common::demo_store(), Screen::Sessions);
    harness.get_by_label("新建活动").click();
    harness.run();
    common::type_into(&mut harness, "主题", "季度比拼");
    harness.get_by_label("保存").click();
    harness.run();
    harness.get_by_label("删除活动").click();
    harness.run();
    assert!(harness.state().store().sessions().expect("list").is_empty());
    harness.get_by_label("活动已删除。");
    harness.get_by_label("撤销").click();
    harness.run();
    assert_eq!(harness.state().store().sessions().expect("list").len(), 1);
    harness.get_by_label("活动 · 季度比拼");
    harness.get_by_label("以此为模板新建").click();
    harness.run();
    harness.get_by_label("保存").click();
    harness.run();
    let topics: Vec<String> = harness
        .state()
        .store()
        .sessions()
        .expect("list")
        .into_iter()
        .map(|s| s.fields.topic)
        .collect();
    assert_eq!(topics, vec!["季度比拼", "季度比拼"]);
}

#[test]
fn the_list_filters_by_kind_and_text() {
    let store = common::ledger_store();
    let total = store.sessions().expect("list").len();
    let mut harness = common::harness(store, Screen::Sessions);
    harness.get_by_label(&format!("显示 {total} 场（共 {total} 场）"));
    common::type_into(&mut harness, "搜索", "天麻");
    let topics = harness.state().session_topics();
    let matching = harness
        .state()
        .store()
        .sessions()
        .expect("list")
        .iter()
        .filter(|s| s.fields.topic.contains("天麻") || s.fields.place.contains("天麻"))
        .count();
    assert!(matching > 0 && topics.len() == matching, "{topics:?}");
    harness
        .get_all_by_label(&topics[0])
        .next()
        .expect("a row with that topic")
        .click();
    harness.run();
    harness.get_by_label(&format!("活动 · {}", topics[0]));
}

#[test]
fn a_secretarys_page_shows_their_sessions_rate_and_problems() {
    let store = common::ledger_store();
    let wang = store.roster().expect("roster")[0].clone();
    let sessions = store.secretary_sessions(wang.id).expect("history");
    let attended = sessions.iter().filter(|s| s.status.attended()).count();
    let mut harness = common::harness(store, Screen::Roster);
    harness.get_by_label(&wang.fields.name).click();
    harness.run();
    harness.get_by_label_contains(&format!("应参加 {} 场，实到 {attended} 场", sessions.len()));
    assert!(
        harness.query_all_by_label(&sessions[0].topic).count() >= 1,
        "the latest session is listed"
    );
}

#[test]
fn attendance_marks_show_at_once_and_count_from_there_while_the_page_is_read_again() {
    use secretary_studio::domain::session::AttendanceStatus;
    let store = common::ledger_store();
    let session = store.sessions().expect("sessions")[0].id;
    let marks = store.attendance(session).expect("marks");
    let first = marks.first().expect("a mark").clone();
    let name = store
        .secretary(first.secretary_id)
        .expect("read")
        .expect("there")
        .fields
        .name;
    let mut harness = common::harness(store, Screen::Session(session));
    harness
        .state_mut()
        .apply(secretary_studio::ui::Command::Navigate(Screen::Session(
            session,
        )));
    harness.run();
    // From here on the page is read again only when the test says, as from a slow disk.
    harness.state_mut().hold_loads();
    for _ in 0..2 {
        harness.get_by_label(&format!("出勤登记 {name}")).click();
        harness.run();
    }
    assert!(harness.state().is_loading(), "the page is being read again");
    // Two clicks are two steps, the second counted from what the first showed.
    let stored = harness.state().store().attendance(session).expect("marks");
    let now = stored
        .iter()
        .find(|m| m.secretary_id == first.secretary_id)
        .expect("marked");
    assert_eq!(now.status, first.status.next().next());
    assert_ne!(now.status, AttendanceStatus::Present, "a step was taken");
    // And the page shows what the store holds, before it is read again.
    let tally = |harness: &egui_kittest::Harness<'static, secretary_studio::App>| {
        let store = harness.state().store();
        let fields = store.session(session).expect("read").expect("there");
        let rows = store.expected_at(session, &fields).expect("rows");
        let present = rows
            .iter()
            .filter(|(_, m)| m.as_ref().is_some_and(|m| m.status.attended()))
            .count();
        format!("应到 {} 人，实到 {present} 人", rows.len())
    };
    let expected = tally(&harness);
    harness.get_by_label(&expected);
    harness.state().release_loads();
    harness.run();
    harness.get_by_label(&expected);
}
