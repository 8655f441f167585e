//! The shell: every screen in the navigation opens, the dashboard counts, the File menu's
//! dialogs, areas and branches, and importing a sheet through the preview.

mod common;

use egui_kittest::kittest::Queryable;

use secretary_studio::store::Store;
use secretary_studio::ui::Screen;
use std::path::Path;

#[test]
fn every_screen_in_the_navigation_opens() {
    let mut harness = common::harness(common::systems_store(), Screen::Dashboard);
    // Each entry of the navigation, and something only its screen shows.
    for (nav, shown) in [
        ("花名册", "支部书记花名册"),
        ("活动台账", "新建活动"),
        ("难题台账", "提出难题"),
        ("学习", "加入计划"),
        ("帮扶", "新建结对"),
        ("比拼", "片区比较"),
        ("交流", "发布通知"),
        ("激励", "积分规则"),
        ("片区与支部", "东坪村党支部"),
        ("概览", "工作室概览"),
    ] {
        harness.get_by_label(nav).click();
        harness.run();
        assert!(
            harness.query_all_by_label(shown).next().is_some(),
            "{nav} shows {shown}"
        );
    }
}

#[test]
fn the_dashboard_counts_secretaries_by_area_and_level_and_branches_by_kind() {
    let harness = common::harness(common::demo_store(), Screen::Dashboard);
    harness.get_by_label("各片区书记（按层级）");
    for area in ["东片区", "中片区", "西片区"] {
        harness.get_by_label(area);
    }
    harness.get_by_label("社区党支部");
    harness.get_by_label("非公企业党支部");
    let figures = harness
        .state()
        .store()
        .dashboard_figures()
        .expect("figures");
    assert_eq!(figures.active_secretaries, 20);
    let total: i64 = figures
        .secretaries_by_area_level
        .iter()
        .map(|(_, _, n)| n)
        .sum();
    assert_eq!(total, 20);
    assert!(
        harness.query_all_by_label("20").count() >= 2,
        "the total appears on the dashboard"
    );
}

#[test]
fn add_rename_and_archive_areas_and_branches() {
    let mut harness = common::harness(common::demo_store(), Screen::AreasBranches);
    common::type_into(&mut harness, "新片区名称", "北片区");
    harness.get_by_label("添加片区").click();
    harness.run();
    assert!(
        harness
            .state()
            .store()
            .areas()
            .expect("areas")
            .iter()
            .any(|a| a.name == "北片区")
    );

    harness.get_by_label("改名 北片区").click();
    harness.run();
    common::type_into(&mut harness, "改名", "北山片区");
    harness.get_by_label("保存").click();
    harness.run();
    assert!(
        harness
            .state()
            .store()
            .areas()
            .expect("areas")
            .iter()
            .any(|a| a.name == "北山片区")
    );

    common::type_into(&mut harness, "新支部名称", "北坡村党支部");
    harness.get_by_label("添加支部").click();
    harness.run();
    let branch = harness
        .state()
        .store()
        .branches()
        .expect("branches")
        .into_iter()
        .find(|b| b.name == "北坡村党支部");
    assert!(branch.is_some());

    harness.get_by_label("归档 北坡村党支部").click();
    harness.run();
    let branches = harness.state().store().branches().expect("branches");
    assert!(
        branches
            .iter()
            .find(|b| b.name == "北坡村党支部")
            .is_some_and(|b| b.archived)
    );
    harness.get_by_label("恢复 北坡村党支部");

    common::type_into(&mut harness, "新片区名称", "东片区");
    harness.get_by_label("添加片区").click();
    harness.run();
    harness.get_by_label("已有同名记录：东片区");
    assert_eq!(
        harness
            .state()
            .store()
            .areas()
            .expect("areas")
            .iter()
            .filter(|a| a.name == "东片区")
            .count(),
        1
    );
}

#[test]
fn import_a_sheet_through_the_preview_then_confirm() {
    let store = Store::open_in_memory("古城镇").expect("empty studio");
    let mut harness = common::harness(store, Screen::Roster);
    harness.get_by_label("导入花名册…").click();
    harness.run();
    let sheet = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/roster-gbk-title.csv");
    common::type_into(&mut harness, "文件路径", &sheet.display().to_string());
    harness.run();
    harness.get_by_label("预览").click();
    harness.run();
    harness.get_by_label("将新增: 20");
    harness.get_by_label("不能导入: 0");
    assert!(
        harness.state().store().roster().expect("roster").is_empty(),
        "nothing written before confirming"
    );
    harness.get_by_label("确认导入").click();
    harness.run();
    let roster = harness.state().store().roster().expect("roster");
    assert_eq!(roster.len(), 20);
    assert_eq!(harness.state().store().areas().expect("areas").len(), 3);
    assert_eq!(harness.state().roster_visible_names().len(), 20);
    harness.get_by_label("罗䶮");
}

#[test]
fn a_bad_sheet_says_why_in_the_dialog_and_changes_nothing() {
    let folder = tempfile::tempdir().expect("tempdir");
    let notes = folder.path().join("会议记录.csv");
    std::fs::write(&notes, "今天开会\n学习文件\n").expect("write");
    let mut harness = common::harness(common::demo_store(), Screen::Roster);
    harness.get_by_label("导入花名册…").click();
    harness.run();
    common::type_into(&mut harness, "文件路径", &notes.display().to_string());
    harness.get_by_label("预览").click();
    harness.run();
    harness.get_by_label_contains("找不到含“姓名”的表头行");
    assert_eq!(harness.state().store().roster().expect("roster").len(), 20);
}

#[test]
fn file_new_creates_and_opens_an_empty_studio_and_open_returns_to_the_first() {
    let folder = tempfile::tempdir().expect("tempdir");
    let first = common::demo_file(folder.path(), "demo.db");
    let mut harness = common::harness(Store::open(&first).expect("open"), Screen::Roster);
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("新建…").click();
    harness.run();
    let new_path = folder.path().join("古城镇");
    common::type_into(&mut harness, "文件路径", &new_path.display().to_string());
    harness.get_by_label("创建").click();
    harness.run();
    let created = folder.path().join("古城镇.db");
    assert_eq!(harness.state().store().path(), Some(created.as_path()));
    assert!(harness.state().store().roster().expect("roster").is_empty());
    assert_eq!(
        harness.state().settings().recent_files.first(),
        Some(&created)
    );

    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("最近打开").click();
    harness.run();
    // Listed by its studio's name, seen while it was open.
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::Button,
            secretary_studio::demo::DEMO_STUDIO,
        )
        .click();
    harness.run();
    assert_eq!(harness.state().store().path(), Some(first.as_path()));
    assert_eq!(harness.state().store().roster().expect("roster").len(), 20);
}

#[test]
fn save_a_copy_writes_a_studio_that_opens() {
    let folder = tempfile::tempdir().expect("tempdir");
    let first = common::demo_file(folder.path(), "demo.db");
    let mut harness = common::harness(Store::open(&first).expect("open"), Screen::Dashboard);
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("另存副本…").click();
    harness.run();
    let copy = folder.path().join("usb-copy.db");
    common::type_into(&mut harness, "文件路径", &copy.display().to_string());
    harness.get_by_label("保存").click();
    harness.run();
    assert_eq!(
        Store::open(&copy)
            .expect("copy opens")
            .roster()
            .expect("roster")
            .len(),
        20
    );
    assert_eq!(
        harness.state().store().path(),
        Some(first.as_path()),
        "the original stays open"
    );
}

#[test]
fn at_start_a_bad_file_falls_back_to_the_default_studio_created_with_the_demo() {
    use secretary_studio::settings::Settings;
    let folder = tempfile::tempdir().expect("tempdir");
    let default = folder.path().join("data").join("studio.db");
    let photo = folder.path().join("photo.db");
    std::fs::write(&photo, b"\xff\xd8\xff\xe0 a jpeg").expect("write");
    let settings = Settings {
        lang: secretary_studio::i18n::Lang::Zh,
        ..Settings::default()
    };

    let (store, message) =
        secretary_studio::app::open_at_start(Some(&photo), &settings, Some(default.clone()));
    assert_eq!(
        store.path(),
        Some(default.as_path()),
        "the default studio is created"
    );
    assert_eq!(
        store.roster().expect("roster").len(),
        20,
        "seeded with the demo studio"
    );
    let message = message.expect("the bad file is reported");
    assert!(
        message.contains("photo.db") && message.contains("JPEG"),
        "{message}"
    );
    drop(store);

    // Next start, the last file used opens with no message.
    let settings = Settings {
        recent_files: vec![default.clone()],
        ..settings
    };
    let (store, message) = secretary_studio::app::open_at_start(
        None,
        &settings,
        Some(folder.path().join("unused.db")),
    );
    assert_eq!((store.path(), message), (Some(default.as_path()), None));
}

#[test]
fn an_area_with_branches_in_use_is_not_archived_and_says_why() {
    let mut harness = common::harness(common::demo_store(), Screen::AreasBranches);
    harness.get_by_label("归档 东片区").click();
    harness.run();
    let message = harness
        .state()
        .error_message()
        .expect("refused with a message")
        .to_owned();
    assert!(message.contains("6 个启用的党支部"), "{message}");
    assert!(
        harness
            .state()
            .store()
            .areas()
            .expect("areas")
            .iter()
            .all(|a| !a.archived)
    );
    harness.get_by_label("关闭").click();
    harness.run();

    harness.get_by_label("归档 东坪村党支部").click();
    harness.run();
    let message = harness.state().error_message().expect("refused").to_owned();
    assert!(message.contains("1 名在任书记"), "{message}");
}

#[test]
fn switching_the_language_clears_a_message_in_the_other_language() {
    let folder = tempfile::tempdir().expect("tempdir");
    let other = common::demo_file(folder.path(), "other.db");
    let mut harness = common::harness(common::demo_store(), Screen::Dashboard);
    harness.state_mut().open_file(&other);
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("已打开")
            .next()
            .is_some()
    );
    harness.get_by_label("English").click();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains("已打开")
            .next()
            .is_none()
    );
    harness.get_by_label("Ready");
}

#[test]
fn file_export_writes_the_chosen_ledger_and_a_bad_place_is_said_plainly() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = common::demo_file(folder.path(), "demo.db");
    let mut harness = common::harness(Store::open(&db).expect("open"), Screen::Dashboard);
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("导出台账…").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::RadioButton, "出勤表")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::RadioButton, "花名册")
        .click();
    harness.run();
    harness.get_by_label("CSV (.csv)").click();
    harness.run();
    let target = folder.path().join("名册.csv");
    common::type_into(&mut harness, "文件路径", &target.display().to_string());
    harness.get_by_label("导出").click();
    common::wait_for_work(&mut harness);
    let text = std::fs::read_to_string(&target).expect("written");
    assert!(text.starts_with("\u{feff}姓名"), "{text}");
    assert_eq!(text.lines().count(), 21);
    assert!(
        harness.query_by_label("导出台账").is_none(),
        "the dialog closed"
    );

    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("导出台账…").click();
    harness.run();
    let gone = folder.path().join("没有这个文件夹").join("a.xlsx");
    common::type_into(&mut harness, "文件路径", &gone.display().to_string());
    harness.get_by_label("导出").click();
    common::wait_for_work(&mut harness);
    let message = harness
        .state()
        .error_message()
        .expect("an error")
        .to_owned();
    assert!(message.contains("文件夹不存在"), "{message}");
}

#[test]
fn merge_a_file_previews_then_merges_and_undo_puts_the_file_back() {
    let folder = tempfile::tempdir().expect("tempdir");
    let theirs = common::demo_file(folder.path(), "西片区.db");
    let ours = folder.path().join("ours.db");
    Store::create(&ours, "古城镇书记工作室", "古城镇").expect("ours");
    let mut harness = common::harness(Store::open(&ours).expect("open"), Screen::Roster);
    assert!(harness.state().roster_visible_names().is_empty());

    common::file_menu_path(&mut harness, "合并文件…", &theirs);
    harness.get_by_label("预览合并").click();
    common::wait_for_work(&mut harness);
    // The preview: per kind of record, nothing written yet.
    harness.get_by_label("合并预览：西片区.db");
    harness.get_by_label("书记");
    assert!(
        harness.state().roster_visible_names().is_empty(),
        "not before confirming"
    );

    harness.get_by_label("确认合并").click();
    common::wait_for_work(&mut harness);
    assert!(
        harness.state().status().contains("已合并"),
        "{}",
        harness.state().status()
    );
    assert_eq!(harness.state().roster_visible_names().len(), 20);
    assert!(folder.path().join("ours-备份").is_dir(), "a backup first");

    harness.get_by_label("撤销合并").click();
    harness.run();
    assert_eq!(harness.state().status(), "已撤销合并，文件恢复到合并之前。");
    assert!(harness.state().roster_visible_names().is_empty());

    // A stranger's file: refused in plain words, ours unchanged.
    let photo = folder.path().join("照片.db");
    std::fs::write(&photo, b"\xff\xd8\xff\xe0JFIF").expect("write");
    common::file_menu_path(&mut harness, "合并文件…", &photo);
    harness.get_by_label("预览合并").click();
    common::wait_for_work(&mut harness);
    let message = harness.state().error_message().expect("refused").to_owned();
    assert!(message.contains("你的文件未被改动"), "{message}");
    assert!(harness.state().roster_visible_names().is_empty());
}

#[test]
fn share_writes_a_share_file_that_merges_elsewhere() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = common::demo_file(folder.path(), "demo.db");
    let mut harness = common::harness(Store::open(&db).expect("open"), Screen::Dashboard);
    // The name offered says whose share it is, and when.
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("分享文件…").click();
    harness.run();
    let offered = harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "文件路径")
        .value()
        .unwrap_or_default();
    let stamp = chrono::Local::now().format("%Y%m%d-").to_string();
    assert!(
        offered.contains(&format!(
            "{}-书记工作室分享-{stamp}",
            secretary_studio::demo::DEMO_STUDIO
        )),
        "{offered}"
    );
    harness.get_by_label("取消").click();
    harness.run();
    let share = folder.path().join("分享给东片区.db");
    common::file_menu_path(&mut harness, "分享文件…", &share);
    harness.get_by_label("写出").click();
    common::wait_for_work(&mut harness);
    assert!(
        harness.state().status().contains("已写出分享文件"),
        "{:?} {}",
        harness.state().error_message(),
        harness.state().status()
    );
    // The next merge starts in the folder the share went to (the USB stick).
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("合并文件…").click();
    harness.run();
    let offered = harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "文件路径")
        .value()
        .unwrap_or_default();
    assert!(
        std::path::Path::new(&offered).starts_with(folder.path()),
        "{offered}"
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    let other = folder.path().join("other.db");
    Store::create(&other, "古城镇书记工作室", "古城镇").expect("other");
    let mut other = Store::open(&other).expect("open");
    let progress = secretary_studio::work::Progress::new();
    let preview = other.plan_merge(&share, &progress).expect("plan");
    other.apply_merge(&preview, &progress).expect("merge");
    assert_eq!(other.roster().expect("roster").len(), 20);
}

#[test]
fn after_a_merge_conflicts_and_duplicates_are_reviewed_and_settled() {
    use secretary_studio::domain::SecretaryFields;
    let folder = tempfile::tempdir().expect("tempdir");
    let ours_path = common::demo_file(folder.path(), "ours.db");
    let theirs_path = folder.path().join("西片区.db");
    Store::create(&theirs_path, "古城镇书记工作室", "古城镇").expect("theirs");
    let mut theirs = Store::open(&theirs_path).expect("open");
    let progress = secretary_studio::work::Progress::new();
    let preview = theirs.plan_merge(&ours_path, &progress).expect("plan");
    theirs.apply_merge(&preview, &progress).expect("merge");

    let mut ours = Store::open(&ours_path).expect("open");
    let rename = |store: &mut Store, name: &str| {
        let entry = store.roster().expect("roster").remove(0);
        let mut fields = entry.fields;
        fields.name = name.to_owned();
        store
            .write(|w| w.update_secretary(entry.id, &fields))
            .expect("rename");
    };
    let branch = ours.branches().expect("branches")[0].id;
    let newcomer = |phone: &str| SecretaryFields {
        name: "李新民".to_owned(),
        branch_id: Some(branch),
        phone: phone.to_owned(),
        ..SecretaryFields::default()
    };
    // Both villages change the same secretary and enter the same newcomer.
    // The other village's edits a second later by the clock, however fast this runs.
    let now = secretary_studio::store::clock::now_ms();
    secretary_studio::store::clock::set_for_this_thread(Some(now + 1_000));
    rename(&mut ours, "王建国（本村改）");
    ours.write(|w| w.add_secretary(&newcomer(""))).expect("add");
    secretary_studio::store::clock::set_for_this_thread(Some(now + 2_000));
    rename(&mut theirs, "王建国（西村改）");
    theirs
        .write(|w| w.add_secretary(&newcomer("13800000001")))
        .expect("add");
    secretary_studio::store::clock::set_for_this_thread(None);
    drop(theirs);

    let mut harness = common::harness(ours, Screen::Roster);
    common::file_menu_path(&mut harness, "合并文件…", &theirs_path);
    harness.get_by_label("预览合并").click();
    common::wait_for_work(&mut harness);
    harness.get_by_label("确认合并").click();
    common::wait_for_work(&mut harness);
    assert!(
        harness.state().status().contains("2 项待核对"),
        "{}",
        harness.state().status()
    );
    // The review opens by itself, with the two versions side by side.
    assert_eq!(harness.state().settings().screen, Screen::Review);
    harness.get_by_label("冲突（1）");
    harness.get_by_label("名称");
    harness.get_by_label("王建国（西村改）");
    harness.get_by_label("王建国（本村改）");
    harness.get_by_label("可能重复的书记（1）");
    // Each side named: theirs won (later) and is in force; ours is the one to go back to.
    harness.get_by_label_contains("对方的版本（");
    harness.get_by_label_contains("合并）（现在的内容）");
    harness.get_by_label("本村的版本");

    harness.get_by_label("改回本村的版本").click();
    harness.run();
    let names = |h: &egui_kittest::Harness<'static, secretary_studio::app::App>| {
        h.state()
            .store()
            .roster()
            .expect("roster")
            .into_iter()
            .map(|e| (e.fields.name, e.fields.phone))
            .collect::<Vec<_>>()
    };
    assert!(
        names(&harness).iter().any(|(n, _)| n == "王建国（本村改）"),
        "our version was taken back"
    );
    assert!(harness.query_by_label("冲突（1）").is_none());

    harness.get_by_label("是同一人，用②的信息").click();
    harness.run();
    let newcomers: Vec<_> = names(&harness)
        .into_iter()
        .filter(|(n, _)| n == "李新民")
        .collect();
    assert_eq!(newcomers, [("李新民".to_owned(), "13800000001".to_owned())]);
    harness.get_by_label("没有待核对的内容。");

    // Undo still takes the whole merge back, with what was settled after it.
    harness.get_by_label("撤销合并").click();
    harness.run();
    assert!(
        !names(&harness).iter().any(|(n, _)| n == "王建国（西村改）"),
        "the merge is undone"
    );
    assert_eq!(
        names(&harness)
            .iter()
            .filter(|(n, _)| n == "李新民")
            .count(),
        1,
        "only our own newcomer"
    );
}

#[test]
fn a_file_of_another_studio_is_merged_only_after_saying_so() {
    let folder = tempfile::tempdir().expect("tempdir");
    let ours = common::demo_file(folder.path(), "ours.db");
    let other = common::demo_file(folder.path(), "另一个工作室.db");
    let mut harness = common::harness(Store::open(&ours).expect("open"), Screen::Roster);
    common::file_menu_path(&mut harness, "合并文件…", &other);
    harness.get_by_label("预览合并").click();
    common::wait_for_work(&mut harness);
    harness.get_by_label("确认合并").click();
    harness.run();
    assert!(
        !harness.state().is_busy() && !harness.state().status().contains("已合并"),
        "not before the warning is read"
    );
    harness.get_by_label("我明白，仍要合并这两个工作室").click();
    harness.run();
    harness.get_by_label("确认合并").click();
    common::wait_for_work(&mut harness);
    assert!(
        harness.state().status().contains("已合并"),
        "{}",
        harness.state().status()
    );
    // The same people, entered in both studios, wait to be linked.
    assert_eq!(harness.state().settings().screen, Screen::Review);
    harness.get_by_label("可能重复的书记（20）");
}

#[test]
fn a_share_protected_with_a_passphrase_merges_only_with_it() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = common::demo_file(folder.path(), "demo.db");
    let share = folder.path().join("加密分享.db");
    {
        let mut harness = common::harness(Store::open(&db).expect("open"), Screen::Dashboard);
        common::file_menu_path(&mut harness, "分享文件…", &share);
        common::type_into(&mut harness, "口令（可不填）", "东坪村2026");
        common::type_into(&mut harness, "再输一次口令", "东坪村2025");
        harness.get_by_label("两次输入的口令不一致。");
        common::type_into(&mut harness, "再输一次口令", "东坪村2026");
        harness.get_by_label("写出").click();
        common::wait_for_work(&mut harness);
        assert!(
            harness.state().status().contains("已写出分享文件"),
            "{:?}",
            harness.state().error_message()
        );
    }
    assert!(secretary_studio::store::sealed::is_sealed(&share));

    let other = folder.path().join("other.db");
    Store::create(&other, "古城镇书记工作室", "古城镇").expect("other");
    let mut harness = common::harness(Store::open(&other).expect("open"), Screen::Roster);
    common::file_menu_path(&mut harness, "合并文件…", &share);
    harness.get_by_label("预览合并").click();
    common::wait_for_work(&mut harness);
    let message = harness.state().error_message().expect("asks").to_owned();
    assert!(message.contains("设了口令"), "{message}");
    harness.get_by_label("关闭").click();
    harness.run();
    common::type_into(&mut harness, "口令（对方设了口令时填写）", "错的");
    harness.get_by_label("预览合并").click();
    common::wait_for_work(&mut harness);
    let message = harness.state().error_message().expect("refused").to_owned();
    assert!(message.contains("口令不对"), "{message}");
    harness.get_by_label("关闭").click();
    harness.run();
    common::type_into(&mut harness, "口令（对方设了口令时填写）", "东坪村2026");
    harness.get_by_label("预览合并").click();
    common::wait_for_work(&mut harness);
    harness.get_by_label("确认合并").click();
    common::wait_for_work(&mut harness);
    assert_eq!(harness.state().roster_visible_names().len(), 20);
}

#[test]
fn browse_without_a_system_dialog_opens_a_folder_browser_that_fills_the_path() {
    // As on a bare X session or a UOS/Kylin install with no portal and no zenity.
    secretary_studio::ui::browse::use_folder_browser();
    let folder = tempfile::tempdir().expect("tempdir");
    let stick = folder.path().join("村里的 U盘");
    std::fs::create_dir(&stick).expect("stick");
    let theirs = common::demo_file(&stick, "古城镇 演示.db");
    std::fs::write(stick.join("照片.jpg"), b"\xff\xd8\xff").expect("photo");
    let ours = common::demo_file(folder.path(), "ours.db");
    let mut harness = common::harness(Store::open(&ours).expect("open"), Screen::Dashboard);
    let stick_label = format!("村里的 U盘{}", std::path::MAIN_SEPARATOR);

    // Open…: into the stick's folder, then the studio file there; the photo is not listed.
    common::file_menu_path(&mut harness, "打开…", &folder.path().join("x.db"));
    harness.get_by_label("浏览…").click();
    harness.run();
    harness.get_by_label_contains("没有可用的系统文件对话框");
    harness.get_by_label(&stick_label).click();
    harness.run();
    assert!(
        harness.query_by_label("照片.jpg").is_none(),
        "only studio files"
    );
    harness.get_by_label("上一级").click();
    harness.run();
    harness.get_by_label(&stick_label).click();
    harness.run();
    // Picking the file opens it, as a sheet picked to import is previewed.
    harness.get_by_label("古城镇 演示.db").click();
    harness.run();
    assert_eq!(harness.state().store().path(), Some(theirs.as_path()));

    // Export…: choosing a folder keeps the suggested file name and moves it there.
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("导出台账…").click();
    harness.run();
    common::type_into(
        &mut harness,
        "文件路径",
        &folder.path().join("花名册.xlsx").display().to_string(),
    );
    harness.get_by_label("浏览…").click();
    harness.run();
    harness.get_by_label(&stick_label).click();
    harness.run();
    harness.get_by_label("导出").click();
    common::wait_for_work(&mut harness);
    assert!(
        stick.join("花名册.xlsx").is_file(),
        "written into the stick"
    );
}

/// Steps the window until `label` is on screen: loads run on another thread, as in the app.
fn step_until_shown(
    harness: &mut egui_kittest::Harness<'static, secretary_studio::App>,
    label: &str,
) {
    let started = std::time::Instant::now();
    while harness.query_all_by_label_contains(label).next().is_none() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "{label} never showed"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
}

#[test]
fn screens_load_on_another_thread_and_show_a_write_once_it_is_read_back() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = common::full_demo_file(folder.path(), "demo.db");
    let mut harness = common::harness(Store::open(&db).expect("open"), Screen::Dashboard);
    let wake = harness.ctx.clone();
    harness.state_mut().load_in_background(wake);
    for (nav, shown) in [
        ("难题台账", "食用菌基地冷库用地审批"),
        ("活动台账", "学习贯彻乡村振兴政策文件"),
        ("花名册", "王建国"),
        ("比拼", "排名"),
        ("片区与支部", "东坪村党支部"),
    ] {
        harness.get_by_label(nav).click();
        step_until_shown(&mut harness, shown);
    }
    // A write on the window's connection is read back by the loader's.
    common::type_into(&mut harness, "新片区名称", "北山片区");
    harness.get_by_label("添加片区").click();
    step_until_shown(&mut harness, "北山片区");
}

#[test]
fn a_write_is_answered_to_the_screen_that_asked_and_no_other() {
    let mut harness = common::harness(common::demo_store(), Screen::Learn);
    // A study plan row typed but not added…
    common::type_into(&mut harness, "学习内容", "未写完的学习内容");
    // …a write elsewhere that succeeds…
    harness.get_by_label("片区与支部").click();
    harness.run();
    common::type_into(&mut harness, "新片区名称", "北山片区");
    harness.get_by_label("添加片区").click();
    harness.run();
    harness.get_by_label("北山片区");
    // …leaves the row as it was typed (the shell once told every screen of every write).
    harness.get_by_label("学习").click();
    harness.run();
    assert!(
        harness
            .query_all_by_value("未写完的学习内容")
            .next()
            .is_some(),
        "the plan row keeps what was typed"
    );
}

#[test]
fn the_window_and_recent_files_name_studios_not_paths() {
    use secretary_studio::settings::Settings;
    let folder = tempfile::tempdir().expect("folder");
    let first = common::demo_file(folder.path(), "古城镇.db");
    let second = common::demo_file(folder.path(), "备份-古城镇.db");
    let store = secretary_studio::store::Store::open(&first).expect("open");
    let studio = store.studio().expect("studio").name;
    let settings = Settings {
        recent_files: vec![first.clone(), second.clone()],
        ..Settings::default()
    };
    let app = secretary_studio::App::new(store, settings).with_today(common::today());
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(secretary_studio::fonts::install)
        .build_ui_state(|ui, app: &mut secretary_studio::App| app.ui(ui), app);
    harness.run();
    assert_eq!(
        harness.state().window_title(),
        format!("{studio} — 书记工作室")
    );
    // The other file's studio is named once it has been open; until then, its file's name.
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("最近打开").hover();
    harness.run();
    // The open file is not offered again (opening it twice would show it read-only).
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Button, &studio)
            .is_none()
    );
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "备份-古城镇.db")
        .click();
    harness.run();
    assert_eq!(harness.state().store().path(), Some(second.as_path()));
    assert_eq!(harness.state().read_only(), None, "not read-only");
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("最近打开").hover();
    harness.run();
    // Two recent studios of one name: their files' names tell them apart.
    harness.get_by_role_and_label(
        egui::accesskit::Role::Button,
        &format!("{studio}（古城镇.db）"),
    );
    // Asking for the open file again (as a typed path would) keeps it writable.
    harness
        .state_mut()
        .apply(secretary_studio::ui::Command::OpenFile(second.clone()));
    harness.run();
    assert_eq!(harness.state().read_only(), None, "still writable");
    assert_eq!(
        harness.state().settings().studio_names.get(&first),
        Some(&studio)
    );
}

#[test]
fn the_merge_preview_names_the_sender_and_says_which_side_is_behind() {
    let folder = tempfile::tempdir().expect("tempdir");
    let a_path = common::demo_file(folder.path(), "甲村.db");
    let b_path = folder.path().join("乙村.db");
    let a = Store::open(&a_path).expect("open");
    a.save_copy(&b_path, false).expect("copy");
    let share = folder.path().join("甲村分享.db");
    a.share(&share, &secretary_studio::work::Progress::new())
        .expect("share");
    let mut harness = common::harness(Store::open(&b_path).expect("open"), Screen::Roster);
    let preview = |harness: &mut egui_kittest::Harness<'static, secretary_studio::App>| {
        common::file_menu_path(harness, "合并文件…", &share);
        harness.get_by_label("预览合并").click();
        common::wait_for_work(harness);
    };
    preview(&mut harness);
    // The studio, the computer that wrote it (the villages of one studio share its name),
    // and when.
    let computer = secretary_studio::places::computer_name();
    let sender = if computer.is_empty() {
        format!("分享方：{}，写出于 ", secretary_studio::demo::DEMO_STUDIO)
    } else {
        format!(
            "分享方：{}（电脑 {computer}），写出于 ",
            secretary_studio::demo::DEMO_STUDIO
        )
    };
    harness.get_by_label_contains(&sender);
    assert!(
        harness
            .get_all_by_label("没有需要合并的改动，两个文件的记录已经一致。")
            .next()
            .is_some()
    );
    harness
        .get_all_by_label("关闭")
        .last()
        .expect("close")
        .click();
    harness.run();
    // A change here: the same share is now the one behind.
    harness
        .state_mut()
        .apply(secretary_studio::ui::Command::Write(
            secretary_studio::ui::Change::AddSecretary(secretary_studio::domain::SecretaryFields {
                name: "新书记".to_owned(),
                ..secretary_studio::domain::SecretaryFields::default()
            }),
        ));
    harness.run();
    preview(&mut harness);
    assert!(
        harness
            .get_all_by_label_contains("对方的文件比本村的旧")
            .next()
            .is_some()
    );
}

#[test]
fn ctrl_k_finds_people_sessions_and_problems_by_pinyin_and_jumps_there() {
    let mut harness = common::harness(common::ledger_store(), Screen::Dashboard);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "查找");
    harness.event(egui::Event::Text("wjg".to_owned()));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let wang = harness
        .state()
        .store()
        .roster()
        .expect("roster")
        .into_iter()
        .find(|e| e.fields.name == "王建国")
        .expect("on the roster")
        .id;
    assert_eq!(harness.state().settings().screen, Screen::Secretary(wang));
    // A problem by a word of its title, chosen with the mouse.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    harness.event(egui::Event::Text("冷库".to_owned()));
    harness.run();
    // The dialog's links stand above anything the page behind shows.
    harness
        .get_all(
            egui_kittest::kittest::By::new()
                .role(egui::accesskit::Role::Link)
                .label_contains("冷库"),
        )
        .last()
        .expect("a match")
        .click();
    harness.run();
    assert!(
        matches!(harness.state().settings().screen, Screen::Problem(_)),
        "{:?}",
        harness.state().settings().screen
    );
}

#[test]
fn a_share_written_to_a_folder_lands_inside_it_under_the_offered_name() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = common::demo_file(folder.path(), "demo.db");
    let stick = folder.path().join("U盘");
    std::fs::create_dir(&stick).expect("stick");
    let mut harness = common::harness(Store::open(&db).expect("open"), Screen::Dashboard);
    common::file_menu_path(&mut harness, "分享文件…", &stick);
    harness.get_by_label("写出").click();
    common::wait_for_work(&mut harness);
    let inside: Vec<String> = std::fs::read_dir(&stick)
        .expect("stick")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(inside.len(), 1, "{inside:?}");
    assert!(inside[0].contains("书记工作室分享"), "{inside:?}");
    assert!(!folder.path().join("U盘.db").exists());
}

#[test]
fn the_look_is_light_where_the_system_says_nothing_and_dark_when_chosen() {
    let mut harness = common::harness(common::demo_store(), Screen::Dashboard);
    secretary_studio::look::install(&harness.ctx);
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    harness.get_by_label("外观").click();
    harness.run();
    harness.get_by_label("深色").click();
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
    assert_eq!(
        harness.state().settings().theme,
        egui::ThemePreference::Dark,
        "remembered"
    );
}

#[test]
fn enter_confirms_the_dialog_and_closes_a_message() {
    let folder = tempfile::tempdir().expect("tempdir");
    let theirs = common::demo_file(folder.path(), "西片区.db");
    let ours = folder.path().join("ours.db");
    Store::create(&ours, "古城镇书记工作室", "古城镇").expect("ours");
    let mut harness = common::harness(Store::open(&ours).expect("open"), Screen::Roster);

    // Enter in the path field previews; Enter in the preview merges.
    common::file_menu_path(&mut harness, "合并文件…", &theirs);
    harness.key_press(egui::Key::Enter);
    common::wait_for_work(&mut harness);
    harness.get_by_label("合并预览：西片区.db");
    assert!(harness.state().roster_visible_names().is_empty());
    harness.key_press(egui::Key::Enter);
    common::wait_for_work(&mut harness);
    assert_eq!(harness.state().roster_visible_names().len(), 20);

    // A refusal is read, then Enter puts it away; the merge dialog does not sit beneath it.
    let photo = folder.path().join("照片.db");
    std::fs::write(&photo, b"\xff\xd8\xff\xe0JFIF").expect("write");
    common::file_menu_path(&mut harness, "合并文件…", &photo);
    harness.key_press(egui::Key::Enter);
    common::wait_for_work(&mut harness);
    assert!(harness.state().error_message().is_some());
    assert!(
        harness.query_by_label("预览合并").is_none(),
        "one box at a time"
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.state().error_message().is_none());
}
