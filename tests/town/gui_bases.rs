//! The industry demonstration bases and 两三三, clicked through by label as the coordinator
//! would: a base made through its form with a year of figures and its milestones, a problem
//! raised on its page, a pairing set on it; an official with their duties, a task given and
//! done, an overdue one — each checked against the store afterwards.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use secretary_studio::App;
use secretary_studio::domain::base::{BaseFields, BaseId};
use secretary_studio::domain::pairing::PairingFields;
use secretary_studio::domain::task::{OfficialFields, Owner, TaskFields, TaskState};
use secretary_studio::store::Store;
use secretary_studio::ui::Screen;

type Harness = egui_kittest::Harness<'static, App>;

fn click(harness: &mut Harness, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Opens the combo box named `combo` drawn last (a form's, over a list's filter of the same
/// name) and picks `option` from the list that opens.
fn pick_last(harness: &mut Harness, combo: &str, option: &str) {
    harness
        .get_all_by_role_and_label(Role::ComboBox, combo)
        .last()
        .expect("the combo box")
        .click();
    harness.run();
    harness
        .get_all_by_role_and_label(Role::Button, option)
        .last()
        .expect("the option")
        .click();
    harness.run();
}

fn branch_id(store: &Store, name: &str) -> secretary_studio::domain::BranchId {
    store
        .branches()
        .expect("branches")
        .into_iter()
        .find(|b| b.name == name)
        .expect("branch")
        .id
}

fn secretary_id(store: &Store, name: &str) -> secretary_studio::domain::SecretaryId {
    store
        .roster()
        .expect("roster")
        .into_iter()
        .find(|e| e.fields.name == name)
        .expect("secretary")
        .id
}

/// The demo roster with the fungi base, started on 2025-03-01.
fn studio_with_base() -> (Store, BaseId) {
    let mut store = common::demo_store();
    let lead = branch_id(&store, "菌香食用菌专业合作社党支部");
    let id = store
        .write(|w| {
            w.add_base(&BaseFields {
                name: "古城食用菌产业示范基地".into(),
                industry: "食用菌".into(),
                lead_branch_id: Some(lead),
                started_on: chrono::NaiveDate::from_ymd_opt(2025, 3, 1),
                ..BaseFields::default()
            })
        })
        .expect("base");
    (store, id)
}

/// The app on the bases' overview, the base's page opened from its row.
fn open_base_page(store: Store, base: BaseId) -> Harness {
    let mut harness = common::harness(store, Screen::Bases);
    click(&mut harness, "古城食用菌产业示范基地");
    assert_eq!(harness.state().settings().screen, Screen::Base(base));
    harness
}

#[test]
fn a_base_is_made_through_its_form_with_a_year_of_figures_and_its_milestones() {
    let store = common::demo_store();
    let lead = branch_id(&store, "东坪村党支部");
    let taking_part = branch_id(&store, "菌香食用菌专业合作社党支部");
    let mut harness = common::harness(store, Screen::Bases);
    click(&mut harness, "新建基地…");
    common::type_into(&mut harness, "基地名称", "古城食用菌产业示范基地");
    pick_last(&mut harness, "产业", "食用菌");
    pick_last(&mut harness, "牵头支部", "东坪村党支部");
    // The branches taking part are ticked in a list that scrolls.
    harness
        .get_by_role_and_label(Role::CheckBox, "菌香食用菌专业合作社党支部")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "菌香食用菌专业合作社党支部")
        .click();
    harness.run();
    common::type_into(&mut harness, "启动日期", "2025-03-01");
    click(&mut harness, "保存");

    // Saved, its page opened.
    let bases = harness.state().store().bases().expect("bases");
    assert_eq!(bases.len(), 1);
    let base = &bases[0];
    assert_eq!(harness.state().settings().screen, Screen::Base(base.id));
    assert_eq!(base.fields.name, "古城食用菌产业示范基地");
    assert_eq!(base.fields.industry, "食用菌");
    assert_eq!(base.fields.lead_branch_id, Some(lead));
    assert_eq!(base.fields.branches, vec![taking_part]);
    assert!(
        base.fields.secretary_id.is_some(),
        "the lead branch's secretary is responsible"
    );
    harness.get_by_label("产业基地 · 古城食用菌产业示范基地");

    // A year of figures, typed into the table and saved.
    common::type_into(&mut harness, "年份", "2025");
    click(&mut harness, "添加年份");
    common::type_into(&mut harness, "面积（亩） 2025年", "120.5");
    common::type_into(&mut harness, "带动户数 2025年", "46");
    common::type_into(&mut harness, "产值（万元） 2025年", "1,280");
    click(&mut harness, "保存 2025年");
    let figures = harness
        .state()
        .store()
        .base_figures(base.id)
        .expect("figures");
    assert_eq!(figures.len(), 1);
    assert_eq!(figures[0].year, 2025);
    assert_eq!(figures[0].area_mu, Some(120.5));
    assert_eq!(figures[0].households, Some(46));
    assert_eq!(figures[0].output_value, Some(1280.0));
    assert_eq!(figures[0].jobs, None);

    // A count that is not whole is refused beside its line, nothing saved.
    common::type_into(&mut harness, "带动户数 2025年", "46.5");
    click(&mut harness, "保存 2025年");
    harness.get_by_label("请填写整数");
    let figures = harness
        .state()
        .store()
        .base_figures(base.id)
        .expect("figures");
    assert_eq!(figures[0].households, Some(46));

    // Corrected, and another year added: Ctrl+S saves every line changed.
    common::type_into(&mut harness, "带动户数 2025年", "46");
    common::type_into(&mut harness, "带动就业 2025年", "35");
    common::type_into(&mut harness, "年份", "2026");
    click(&mut harness, "添加年份");
    common::type_into(&mut harness, "带动户数 2026年", "52");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    let figures = harness
        .state()
        .store()
        .base_figures(base.id)
        .expect("figures");
    assert_eq!(figures.len(), 2);
    assert_eq!(
        (figures[0].households, figures[0].jobs),
        (Some(46), Some(35))
    );
    assert_eq!((figures[1].year, figures[1].households), (2026, Some(52)));
    // A year cleared is gone from the file.
    click(&mut harness, "清除 2026年");
    assert_eq!(
        harness
            .state()
            .store()
            .base_figures(base.id)
            .expect("figures")
            .len(),
        1
    );

    // A milestone reached before the base started: refused beside the field, nothing saved.
    click(&mut harness, "添加节点…");
    common::type_into(&mut harness, "节点", "冷库建成投用");
    common::type_into(&mut harness, "计划完成", "2025-06-30");
    common::type_into(&mut harness, "实际完成", "2025-02-01");
    click(&mut harness, "保存");
    harness.get_by_label("完成日期早于基地启动日期");
    let milestones = |harness: &Harness| {
        harness
            .state()
            .store()
            .milestones(Some(base.id))
            .expect("milestones")
    };
    assert!(milestones(&harness).is_empty());
    common::type_into(&mut harness, "实际完成", "2025-06-20");
    click(&mut harness, "保存");
    let saved = milestones(&harness);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].fields.title, "冷库建成投用");
    assert_eq!(
        saved[0].fields.done_on.map(|d| d.to_string()).as_deref(),
        Some("2025-06-20")
    );
    harness.get_by_label("已完成");
}

#[test]
fn a_problem_raised_on_a_base_page_is_listed_there() {
    let (store, base) = studio_with_base();
    let mut harness = open_base_page(store, base);
    click(&mut harness, "在此基地提出难题…");
    common::type_into(&mut harness, "难题", "二期冷库用电容量不足");
    common::type_into(&mut harness, "完成时限", "2026-12-31");
    click(&mut harness, "保存");
    let problems = harness.state().store().problems().expect("problems");
    let problem = problems
        .iter()
        .find(|p| p.fields.title == "二期冷库用电容量不足")
        .expect("saved");
    assert_eq!(problem.fields.base_id, Some(base));
    assert_eq!(
        harness.state().settings().screen,
        Screen::Base(base),
        "the page stays open"
    );
    harness.get_by_label("基地难题（1）");
    // The problem opens from the base's page; its page links back to the base.
    click(&mut harness, "二期冷库用电容量不足");
    assert_eq!(
        harness.state().settings().screen,
        Screen::Problem(problem.id)
    );
    click(&mut harness, "古城食用菌产业示范基地");
    assert_eq!(harness.state().settings().screen, Screen::Base(base));
}

#[test]
fn an_observation_visit_is_recorded_from_a_base_page() {
    let (store, base) = studio_with_base();
    let mut harness = open_base_page(store, base);
    click(&mut harness, "记录观摩活动…");
    click(&mut harness, "保存");
    let sessions = harness.state().store().sessions().expect("sessions");
    let visit = sessions
        .iter()
        .find(|s| s.fields.base_id == Some(base))
        .expect("the visit, on the base");
    assert_eq!(
        visit.fields.kind,
        secretary_studio::domain::session::SessionKind::ObservationVisit
    );
    assert_eq!(visit.fields.topic, "观摩古城食用菌产业示范基地");
}

#[test]
fn a_pairing_is_set_on_a_base_through_its_form() {
    let (mut store, base) = studio_with_base();
    let strong = secretary_id(&store, "孙桂兰");
    let weak = secretary_id(&store, "王建国");
    let pairing = store
        .write(|w| {
            w.add_pairing(&PairingFields {
                strong,
                weak,
                starts_on: common::today() - chrono::Days::new(90),
                ends_on: None,
                goals: String::new(),
                outcome: String::new(),
                base_id: None,
            })
        })
        .expect("pairing");
    let mut harness = common::harness(store, Screen::Help);
    click(&mut harness, "编辑 孙桂兰 → 王建国");
    pick_last(&mut harness, "所属基地", "古城食用菌产业示范基地");
    click(&mut harness, "保存");
    let saved = harness
        .state()
        .store()
        .pairings()
        .expect("pairings")
        .into_iter()
        .find(|p| p.id == pairing)
        .expect("pairing");
    assert_eq!(saved.fields.base_id, Some(base));
    // The base's page lists it.
    harness
        .state_mut()
        .apply(secretary_studio::ui::Command::Navigate(Screen::Base(base)));
    harness.run();
    harness.get_by_label("结对帮扶（1）");
    harness.get_by_label("孙桂兰 → 王建国");
}

#[test]
fn an_official_with_two_duties_is_given_a_task_that_is_done() {
    let mut harness = common::harness(common::demo_store(), Screen::Tasks);
    harness.get_by_label("两三三（责任与任务）");
    click(&mut harness, "新增干部…");
    common::type_into(&mut harness, "姓名", "李卫东");
    common::type_into(&mut harness, "职务", "镇党委副书记");
    common::type_into(
        &mut harness,
        "职责（每行一条）",
        "统筹产业基地建设\n督办难题办理",
    );
    click(&mut harness, "保存");
    let officials = harness.state().store().officials().expect("officials");
    assert_eq!(officials.len(), 1);
    assert_eq!(
        officials[0].fields.duty_items(),
        vec!["统筹产业基地建设", "督办难题办理"]
    );
    harness.get_by_label("1. 统筹产业基地建设");
    harness.get_by_label("2. 督办难题办理");

    click(&mut harness, "任务清单");
    click(&mut harness, "新建任务…");
    // Without an owner the form says so beside the field and saves nothing.
    common::type_into(&mut harness, "任务", "完成食用菌基地二期大棚建设");
    click(&mut harness, "保存");
    harness.get_by_label("请选择责任人");
    assert!(harness.state().store().tasks().expect("tasks").is_empty());
    pick_last(&mut harness, "责任人", "李卫东");
    common::type_into(&mut harness, "完成时限", "2026-12-31");
    click(&mut harness, "保存");
    let tasks = harness.state().store().tasks().expect("tasks");
    assert_eq!(tasks.len(), 1);
    let task = &tasks[0];
    assert_eq!(task.fields.owner, Owner::Official(officials[0].id));
    assert_eq!(task.fields.assigned_on, common::today());
    assert_eq!(task.state, TaskState::NotStarted);

    // Selected, its progress recorded: done.
    click(&mut harness, "完成食用菌基地二期大棚建设");
    pick_last(&mut harness, "进展状态", "已完成");
    common::type_into(&mut harness, "说明", "大棚 20 座全部建成");
    harness
        .get_all_by_role_and_label(Role::Button, "记录进展")
        .last()
        .expect("the button")
        .click();
    harness.run();
    let task = harness
        .state()
        .store()
        .task(task.id)
        .expect("read")
        .expect("task");
    assert_eq!(task.state, TaskState::Done);
    assert_eq!(task.last_note, "大棚 20 座全部建成");
    assert!(task.done_on_time());
    assert!(
        harness.get_all_by_label("已完成").count() >= 2,
        "the list and the history say so"
    );

    // A step dated before the latest is refused with its sentence.
    pick_last(&mut harness, "进展状态", "进行中");
    common::type_into(&mut harness, "日期", "2026-01-01");
    harness
        .get_all_by_role_and_label(Role::Button, "记录进展")
        .last()
        .expect("the button")
        .click();
    harness.run();
    harness.get_by_label_contains("日期早于");
    assert_eq!(
        harness
            .state()
            .store()
            .task_history(task.id)
            .expect("history")
            .len(),
        2
    );

    // The official owns a task: deleting them is refused with the sentence.
    click(&mut harness, "责任清单");
    click(&mut harness, "删除 李卫东");
    harness.get_by_label_contains("不能删除");
    assert_eq!(
        harness
            .state()
            .store()
            .officials()
            .expect("officials")
            .len(),
        1
    );
}

/// The demo roster with an official and two tasks: one open past its deadline, one done.
fn studio_with_tasks() -> (Store, [secretary_studio::domain::task::TaskId; 2]) {
    let mut store = common::demo_store();
    let ids = store
        .write(|w| {
            let official = w.add_official(&OfficialFields {
                name: "赵红梅".into(),
                post: "镇组织委员".into(),
                duties: "指导两委换届".into(),
                ..OfficialFields::default()
            })?;
            let task = |title: &str| TaskFields {
                title: title.into(),
                description: String::new(),
                owner: Owner::Official(official),
                branch_id: None,
                base_id: None,
                assigned_on: common::today() - chrono::Days::new(60),
                deadline: Some(common::today() - chrono::Days::new(1)),
            };
            let overdue = w.add_task(&task("整改软弱涣散党组织"), "")?;
            let done = w.add_task(&task("完成村级活动场所改造"), "")?;
            w.record_task_progress(
                done,
                TaskState::Done,
                common::today() - chrono::Days::new(10),
                "已验收",
                "",
                common::today(),
            )?;
            Ok([overdue, done])
        })
        .expect("tasks");
    (store, ids)
}

#[test]
fn a_task_open_past_its_deadline_shows_overdue() {
    let (store, _) = studio_with_tasks();
    let mut harness = common::harness(store, Screen::Tasks);
    click(&mut harness, "任务清单");
    harness.get_by_label("整改软弱涣散党组织");
    harness.get_by_label("逾期");
    // Filtered to 逾期 it stays and the done one goes; filtered to 已完成 the other way.
    pick_last(&mut harness, "状态", "逾期");
    harness.get_by_label("整改软弱涣散党组织");
    assert!(harness.query_by_label("完成村级活动场所改造").is_none());
    pick_last(&mut harness, "状态", "已完成");
    assert!(harness.query_by_label("整改软弱涣散党组织").is_none());
    harness.get_by_label("完成村级活动场所改造");
}

#[test]
fn a_task_opened_from_the_calendar_is_shown_with_its_progress_even_if_filtered_out() {
    let (store, [overdue, _]) = studio_with_tasks();
    let mut harness = common::harness(store, Screen::Tasks);
    click(&mut harness, "任务清单");
    pick_last(&mut harness, "状态", "已完成");
    assert!(harness.query_by_label("整改软弱涣散党组织").is_none());
    harness
        .state_mut()
        .apply(secretary_studio::ui::Command::OpenDue(
            secretary_studio::domain::calendar::DueTarget::Task(overdue),
        ));
    harness.run();
    assert_eq!(harness.state().settings().screen, Screen::Tasks);
    // Its row and its detail beside the list, with the history and the next step.
    assert_eq!(harness.get_all_by_label("整改软弱涣散党组织").count(), 2);
    harness.get_by_label("进展记录");
    harness.get_by_role_and_label(Role::Button, "记录进展");
}

#[test]
fn a_base_deleted_from_its_page_comes_back_with_undo() {
    let (store, base) = studio_with_base();
    let mut harness = open_base_page(store, base);
    click(&mut harness, "删除基地");
    assert_eq!(harness.state().settings().screen, Screen::Bases);
    assert!(harness.state().store().bases().expect("bases").is_empty());
    assert!(harness.query_by_label("古城食用菌产业示范基地").is_none());
    click(&mut harness, "撤销");
    let bases = harness.state().store().bases().expect("bases");
    assert_eq!(bases.len(), 1);
    assert_eq!(bases[0].id, base);
    harness.get_by_label("古城食用菌产业示范基地");
}

#[test]
fn a_base_edited_and_left_with_esc_is_asked_about_and_its_sheet_prints_from_its_page() {
    let (store, base) = studio_with_base();
    let mut harness = open_base_page(store, base);
    click(&mut harness, "编辑");
    common::type_into(&mut harness, "基地名称", "古城食用菌产业示范基地二期");
    harness.key_press(egui::Key::Escape);
    harness.run();
    // Esc on a form with changes asks first (its buttons drawn over the form's); 取消 keeps
    // what was typed, 保存 saves it.
    let last = |harness: &mut Harness, label: &str| {
        harness.get_all_by_label(label).last().expect(label).click();
        harness.run();
        harness.run();
    };
    last(&mut harness, "取消");
    harness.key_press(egui::Key::Escape);
    harness.run();
    last(&mut harness, "保存");
    let name = harness
        .state()
        .store()
        .base(base)
        .expect("read")
        .expect("there")
        .fields
        .name;
    assert_eq!(
        name, "古城食用菌产业示范基地二期",
        "保存 saved what was typed"
    );
    // The base's sheet prints from its page.
    harness.get_by_label("打印基地情况表");
}

/// A file dropped on the window, as the platform hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn photos_dropped_on_a_base_page_are_the_bases() {
    let (store, base) = studio_with_base();
    let mut harness = open_base_page(store, base);
    let photo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join("phone-portrait-exif.jpg");
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(photo)));
    common::wait_for_work(&mut harness);
    let pictures = harness
        .state()
        .store()
        .pictures_of(secretary_studio::domain::picture::PictureOwner::Base(base))
        .expect("pictures");
    assert_eq!(pictures.len(), 1, "the photo is the base's");
}
