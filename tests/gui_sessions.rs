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
fn the_whole_session_journey_takes_at_most_thirty_actions() {
    use egui::{Key, Modifiers};
    let folder = tempfile::tempdir().expect("folder");
    // The last session's host and recorder are the next one's.
    let mut store = common::demo_store();
    let mut earlier = secretary_studio::domain::session::SessionDraft::new(common::today());
    earlier.date = "2026-10-15".to_owned();
    earlier.topic = "十月学习会".to_owned();
    earlier.host = "王建国".to_owned();
    earlier.recorder = "刘芳".to_owned();
    let earlier = earlier.validate().expect("valid");
    store
        .write(|w| w.add_session(&earlier).map(|_| ()))
        .expect("saved");
    let mut harness = common::harness(store, Screen::Dashboard);
    harness.state_mut().print_into(folder.path().to_owned());
    let mut actions = Actions(0);

    // Plan it: Ctrl+N from anywhere, the day, the topic, the kind, the host village (which
    // fills the place), the agenda.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    actions.0 += 1;
    actions.fill(&mut harness, "日期", "2026-12-03");
    actions.fill(&mut harness, "主题", "食用菌产业观摩");
    actions.click(&mut harness, "观摩交流");
    harness
        .get_by_role_and_label(Role::ComboBox, "东道村")
        .click();
    harness.run();
    actions.0 += 1;
    actions.click(&mut harness, "东坪村党支部");
    actions.fill(
        &mut harness,
        "议程（每行一项）",
        "学习《乡村振兴促进法》\n观摩东坪村食用菌基地",
    );
    actions.click(&mut harness, "保存");
    harness.get_by_label("活动 · 食用菌产业观摩");

    // The sign-in sheet, printed before the session.
    actions.click(&mut harness, "打印签到表");
    common::wait_for_work(&mut harness);
    let sign_in = harness.state().last_printed().expect("printed").to_owned();
    assert!(sign_in.to_string_lossy().contains("签到表"), "{sign_in:?}");

    // At the session: everyone present but two on leave, with their reasons.
    actions.click(&mut harness, "全部出席");
    for name in ["李秀英", "张志强"] {
        actions.click(&mut harness, &format!("请假 {name}"));
        actions.fill(
            &mut harness,
            &format!("请假事由 {name}"),
            "参加县委党校培训",
        );
    }

    // After it: what was discussed and decided.
    actions.click(&mut harness, "编辑");
    actions.fill(&mut harness, "研讨交流", "各村交流食用菌冷链经验");
    actions.fill(
        &mut harness,
        "议定事项（每行一项）",
        "东坪村牵头建设冷库\n石门村学习菌棒生产",
    );
    actions.click(&mut harness, "保存");
    harness.get_by_label("应到 20 人，实到 18 人");

    // Two problems raised there, with a responsible office and a deadline.
    for (title, office, deadline) in [
        ("食用菌基地冷库用地审批", "镇自然资源所", "2027-01-31"),
        ("年轻党员外出务工，支部活动难组织", "镇组织办", "2027-03-31"),
    ] {
        actions.click(&mut harness, "提出难题");
        // The session is planned ahead: the form says what its day means for the problem.
        harness.get_by_label_contains("在那之前不能记录进展");
        actions.fill(&mut harness, "难题", title);
        actions.fill(&mut harness, "责任单位/责任人", office);
        actions.fill(&mut harness, "完成时限", deadline);
        actions.click(&mut harness, "保存");
    }
    harness.get_by_label("食用菌基地冷库用地审批");

    // And the summary.
    actions.click(&mut harness, "打印纪要");
    common::wait_for_work(&mut harness);
    let summary = harness.state().last_printed().expect("printed").to_owned();
    assert!(summary.to_string_lossy().contains("纪要"), "{summary:?}");

    let store = harness.state().store();
    let sessions = store.sessions().expect("sessions");
    let session = sessions
        .iter()
        .find(|s| s.fields.topic == "食用菌产业观摩")
        .expect("saved");
    let fields = store.session(session.id).expect("read").expect("there");
    assert_eq!(fields.kind, SessionKind::ObservationVisit);
    assert_eq!(fields.place, "东坪村", "the host village is the place");
    assert_eq!(
        (fields.host.as_str(), fields.recorder.as_str()),
        ("王建国", "刘芳")
    );
    assert_eq!(fields.agenda.len(), 2);
    assert_eq!(fields.decisions.len(), 2);
    assert_eq!(fields.discussion, "各村交流食用菌冷链经验");
    assert_eq!((session.expected, session.attended), (20, 18));
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
    let problems = store.problems().expect("problems");
    assert_eq!(problems.len(), 2);
    for problem in &problems {
        assert_eq!(problem.fields.session_id, Some(session.id));
        assert_eq!(
            problem.fields.raised_on.to_string(),
            "2026-12-03",
            "raised on the session's day, though it is planned ahead"
        );
        let branch = store
            .branches()
            .expect("branches")
            .into_iter()
            .find(|b| Some(b.id) == problem.fields.branch_id)
            .map(|b| b.name);
        assert_eq!(
            branch.as_deref(),
            Some("东坪村党支部"),
            "about the host village"
        );
        assert!(problem.fields.raised_by.is_some(), "by its secretary");
    }
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
        Some("2027-01-31")
    );
    // Written past the test harness's capture, so it shows in every `cargo test` run.
    {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "session journey: {} actions", actions.0);
    }
    assert!(actions.0 <= 30, "{} actions", actions.0);
}

#[test]
fn attendance_takes_one_click_per_state_and_the_number_keys() {
    let mut harness = common::harness(common::demo_store(), Screen::Sessions);
    harness.get_by_label("新建活动").click();
    harness.run();
    common::type_into(&mut harness, "主题", "学习会");
    harness.get_by_label("保存").click();
    harness.run();
    harness.get_by_label("应到 20 人，实到 0 人");
    // Keys: the first row is chosen; 1 marks it present and moves on; 3 marks the next on leave.
    harness.key_press(egui::Key::Num1);
    harness.run();
    harness.key_press(egui::Key::Num3);
    harness.run();
    harness.key_press(egui::Key::ArrowDown);
    harness.key_press(egui::Key::Num2);
    harness.run();
    let rows = |harness: &egui_kittest::Harness<'static, secretary_studio::App>| {
        let store = harness.state().store();
        let session = store.sessions().expect("list")[0].id;
        let fields = store.session(session).expect("read").expect("there");
        store
            .expected_at(session, &fields)
            .expect("rows")
            .into_iter()
            .map(|(entry, mark)| (entry.fields.name, mark.map(|m| m.status)))
            .collect::<Vec<_>>()
    };
    let marked = rows(&harness);
    assert_eq!(marked[0].1, Some(AttendanceStatus::Present));
    assert_eq!(marked[1].1, Some(AttendanceStatus::Excused));
    assert_eq!(marked[2].1, None, "the arrow moved past it");
    assert_eq!(marked[3].1, Some(AttendanceStatus::Late));
    // A click goes straight to the state.
    let name = marked[5].0.clone();
    harness.get_by_label(&format!("缺席 {name}")).click();
    harness.run();
    assert_eq!(
        rows(&harness)[5].1,
        Some(AttendanceStatus::Absent),
        "one click, straight to 缺席"
    );
    // With a form open over the page, a digit typed outside its fields marks no one.
    let before = rows(&harness);
    harness.get_by_label("提出难题").click();
    harness.run();
    for key in [
        egui::Key::Num4,
        egui::Key::Num2,
        egui::Key::ArrowDown,
        egui::Key::Num3,
    ] {
        harness.key_press(key);
        harness.run();
    }
    assert_eq!(
        rows(&harness),
        before,
        "the list behind the form is untouched"
    );
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
    // Leave, then late: the reason field shows at once, and the second click is its own step.
    let leave = if first.status == AttendanceStatus::Excused {
        AttendanceStatus::Absent
    } else {
        AttendanceStatus::Excused
    };
    harness
        .get_by_label(&format!("{} {name}", status_word(leave)))
        .click();
    harness.run();
    assert!(harness.state().is_loading(), "the page is being read again");
    if leave == AttendanceStatus::Excused {
        harness.get_by_label(&format!("请假事由 {name}"));
    }
    harness.get_by_label(&format!("迟到 {name}")).click();
    harness.run();
    let stored = harness.state().store().attendance(session).expect("marks");
    let now = stored
        .iter()
        .find(|m| m.secretary_id == first.secretary_id)
        .expect("marked");
    assert_eq!(now.status, AttendanceStatus::Late);
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

/// The word on an attendance button.
fn status_word(status: secretary_studio::domain::session::AttendanceStatus) -> &'static str {
    secretary_studio::i18n::Lang::Zh.attendance_status(status)
}

/// Opens the new-session form and types a topic.
fn start_typing_a_session(harness: &mut egui_kittest::Harness<'static, secretary_studio::App>) {
    harness.get_by_label("新建活动").click();
    harness.run();
    common::type_into(harness, "主题", "季度比拼");
}

/// Answers the question about unsaved work (its buttons stand above the form's own).
fn answer(harness: &mut egui_kittest::Harness<'static, secretary_studio::App>, label: &str) {
    harness
        .get_all_by_label(label)
        .last()
        .expect("the question's button")
        .click();
    harness.run();
}

#[test]
fn leaving_a_form_with_changes_asks_save_dont_save_or_cancel() {
    let mut harness = common::harness(common::demo_store(), Screen::Sessions);
    start_typing_a_session(&mut harness);

    // 取消: the form stays, with what was typed.
    harness.get_by_label("概览").click();
    harness.run();
    harness.get_by_label("有未保存的修改");
    answer(&mut harness, "取消");
    harness.run();
    assert_eq!(harness.state().settings().screen, Screen::Sessions);
    assert!(harness.query_by_label("有未保存的修改").is_none());
    assert!(harness.state_mut().unsaved().is_some(), "still typed");

    // 保存: saved, then the overview.
    harness.get_by_label("概览").click();
    harness.run();
    answer(&mut harness, "保存");
    harness.run();
    assert_eq!(harness.state().settings().screen, Screen::Dashboard);
    let topics: Vec<String> = harness
        .state()
        .store()
        .sessions()
        .expect("list")
        .into_iter()
        .map(|s| s.fields.topic)
        .collect();
    assert_eq!(topics, ["季度比拼"]);

    // 不保存: dropped, then the overview.
    harness.get_by_label("活动台账").click();
    harness.run();
    start_typing_a_session(&mut harness);
    harness.get_by_label("概览").click();
    harness.run();
    harness.get_by_label("不保存").click();
    harness.run();
    assert_eq!(harness.state().settings().screen, Screen::Dashboard);
    assert_eq!(harness.state().store().sessions().expect("list").len(), 1);
    harness.get_by_label("活动台账").click();
    harness.run();
    assert!(harness.state_mut().unsaved().is_none(), "the form is gone");
}

#[test]
fn a_refused_save_keeps_the_form_and_the_screen() {
    let mut harness = common::harness(common::demo_store(), Screen::Sessions);
    start_typing_a_session(&mut harness);
    common::type_into(&mut harness, "日期", "2026-02-30");
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("退出").click();
    harness.run();
    harness.get_by_label("有未保存的修改");
    answer(&mut harness, "保存");
    harness.run();
    harness.get_by_label("不是有效日期，请写成 2021-05-20");
    assert_eq!(harness.state().settings().screen, Screen::Sessions);
    assert!(harness.state().store().sessions().expect("list").is_empty());
    assert!(harness.state_mut().unsaved().is_some());
}

#[test]
fn a_draft_is_kept_on_disk_and_put_back_after_a_crash() {
    let folder = tempfile::tempdir().expect("folder");
    let studio = common::demo_file(folder.path(), "古城镇.db");
    let drafts = folder.path().join("drafts.ron");
    let open = || {
        let store = secretary_studio::store::Store::open(&studio).expect("open");
        let mut harness = common::harness(store, Screen::Sessions);
        harness.state_mut().keep_drafts_in(drafts.clone());
        harness.run();
        harness
    };
    {
        let mut harness = open();
        start_typing_a_session(&mut harness);
        harness.run();
        assert!(drafts.exists(), "kept while typed");
        // The window is gone without a word (a crash, a pulled plug).
    }
    let mut harness = open();
    let notice = harness
        .state()
        .error_message()
        .expect("a notice")
        .to_owned();
    assert!(notice.contains("新建活动“季度比拼”"), "{notice}");
    harness.get_by_label("关闭").click();
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
    assert!(topics.contains(&"季度比拼".to_owned()), "{topics:?}");
    assert!(!drafts.exists(), "nothing left to keep");
}

#[test]
fn the_windows_close_button_asks_too() {
    let mut harness = common::harness(common::demo_store(), Screen::Sessions);
    start_typing_a_session(&mut harness);
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    harness.get_by_label("有未保存的修改");
    answer(&mut harness, "取消");
    assert!(harness.state_mut().unsaved().is_some(), "still typed");
}

#[test]
fn chinese_typed_through_an_input_method_reaches_the_fields() {
    use egui::{Event, ImeEvent};
    let mut harness = common::harness(common::demo_store(), Screen::Sessions);
    harness.get_by_label("新建活动").click();
    harness.run();
    // As an IME sends it: a preedit (pinyin being composed), the commit, then a lone
    // full-width comma (punctuation with no preedit), then a dismissed composition.
    let ime = |harness: &mut egui_kittest::Harness<'static, secretary_studio::App>, label: &str| {
        harness
            .get_by_role_and_label(egui::accesskit::Role::TextInput, label)
            .focus();
        harness.run();
        for event in [
            ImeEvent::Preedit {
                text: "shi yong jun".to_owned(),
                active_range_chars: None,
            },
            ImeEvent::Commit("食用菌".to_owned()),
            ImeEvent::Commit("，".to_owned()),
            ImeEvent::Preedit {
                text: "guan mo".to_owned(),
                active_range_chars: None,
            },
            ImeEvent::Commit("观摩".to_owned()),
            ImeEvent::Preedit {
                text: String::new(),
                active_range_chars: None,
            },
        ] {
            harness.event(Event::Ime(event));
            harness.run();
        }
    };
    ime(&mut harness, "主题");
    ime(&mut harness, "地点");
    harness.get_by_label("保存").click();
    harness.run();
    let session = &harness.state().store().sessions().expect("list")[0];
    assert_eq!(session.fields.topic, "食用菌，观摩");
    assert_eq!(session.fields.place, "食用菌，观摩");
}

#[test]
fn escape_closes_a_form_and_asks_first_when_it_holds_changes() {
    let mut harness = common::harness(common::demo_store(), Screen::Sessions);
    // Untouched: Esc closes it at once.
    harness.get_by_label("新建活动").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "主题");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "主题")
            .is_none(),
        "closed"
    );

    // Typed into: Esc asks; 取消 keeps it, 不保存 drops it.
    start_typing_a_session(&mut harness);
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("有未保存的修改");
    answer(&mut harness, "取消");
    harness.run();
    assert!(harness.state_mut().unsaved().is_some(), "still typed");
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("不保存").click();
    harness.run();
    assert!(harness.state_mut().unsaved().is_none());
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "主题")
            .is_none(),
        "closed"
    );
    assert_eq!(harness.state().settings().screen, Screen::Sessions);
}

#[test]
fn enter_in_a_picker_takes_the_name_the_initials_start_before_one_they_are_inside() {
    let mut harness = common::harness(common::demo_store(), Screen::Sessions);
    harness.get_by_label("新建活动").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "主持人")
        .click();
    harness.run();
    // `h` is inside 杨文华 (listed first) and starts 黄海涛.
    harness
        .get_by_role_and_label(Role::TextInput, "主持人 · 输入筛选")
        .type_text("h");
    harness.run();
    harness.run();
    assert!(harness.query_by_label("杨文华").is_some(), "both listed");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness
            .get_by_role_and_label(Role::ComboBox, "主持人")
            .value()
            .as_deref(),
        Some("黄海涛")
    );
}
