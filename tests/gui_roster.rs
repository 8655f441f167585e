//! Clicking through the roster as the coordinator would: add a secretary by typing into the
//! labelled fields, find them by pinyin initials, edit, archive, and switch the language.

mod common;

use egui_kittest::kittest::Queryable;

use secretary_studio::ui::Screen;

#[test]
fn add_a_secretary_by_typing_then_find_them_by_pinyin_initials() {
    let mut harness = common::harness(common::demo_store(), Screen::Dashboard);
    harness.get_by_label("花名册").click();
    harness.run();
    harness.get_by_label("添加书记").click();
    harness.run();
    common::type_into(&mut harness, "姓名", "任䶮冰");
    common::type_into(&mut harness, "联系电话", "13912345678");
    common::type_into(&mut harness, "出生年月", "1986.04");
    common::type_into(&mut harness, "职务", "村党支部副书记");
    harness.run();
    harness.get_by_label("保存").click();
    harness.run();

    let roster = harness.state().store().roster().expect("roster");
    let added = roster
        .iter()
        .find(|e| e.fields.name == "任䶮冰")
        .expect("saved to the store");
    assert_eq!(added.fields.phone, "13912345678");
    assert_eq!(
        added
            .fields
            .birth
            .map(secretary_studio::domain::PartialDate::to_iso)
            .as_deref(),
        Some("1986-04")
    );
    assert_eq!(added.fields.position, "村党支部副书记");
    assert!(
        harness.query_by_label("新增书记").is_none(),
        "the form closed after saving"
    );

    common::type_into(&mut harness, "搜索", "ryb");
    harness.run();
    assert_eq!(harness.state().roster_visible_names(), vec!["任䶮冰"]);
    harness.get_by_label("任䶮冰");
}

#[test]
fn wjg_finds_wang_jianguo_and_only_him() {
    let mut harness = common::harness(common::demo_store(), Screen::Roster);
    assert_eq!(harness.state().roster_visible_names().len(), 20);
    common::type_into(&mut harness, "搜索", "wjg");
    harness.run();
    assert_eq!(harness.state().roster_visible_names(), vec!["王建国"]);
    assert!(harness.query_by_label("李秀英").is_none());
}

#[test]
fn invalid_fields_are_refused_beside_the_field_and_nothing_is_saved() {
    let mut harness = common::harness(common::demo_store(), Screen::Roster);
    harness.get_by_label("添加书记").click();
    harness.run();
    common::type_into(&mut harness, "联系电话", "0914-123");
    common::type_into(&mut harness, "任现职时间", "2021-02-30");
    common::type_into(&mut harness, "出生年月", "2030.01");
    harness.run();
    harness.get_by_label("保存").click();
    harness.run();
    harness.get_by_label("必填");
    harness.get_by_label("请输入11位手机号码（座机号码可写在备注里）");
    harness.get_by_label("该日期不存在");
    harness.get_by_label("日期不能晚于今天");
    assert_eq!(
        harness.state().store().roster().expect("roster").len(),
        20,
        "nothing saved"
    );
    harness.get_by_label("取消").click();
    harness.run();
    assert!(harness.query_by_label("必填").is_none());
}

#[test]
fn open_a_secretary_edit_and_archive_then_restore() {
    let mut harness = common::harness(common::demo_store(), Screen::Roster);
    harness.get_by_label("李秀英").click();
    harness.run();
    harness.get_by_label("书记档案 · 李秀英");
    harness.get_by_label("石门村党支部");
    harness.get_by_label("编辑").click();
    harness.run();
    common::type_into(&mut harness, "备注", "擅长电商直播");
    harness.get_by_label("保存").click();
    harness.run();
    let li = |h: &egui_kittest::Harness<'static, secretary_studio::App>| {
        h.state()
            .store()
            .roster()
            .expect("roster")
            .into_iter()
            .find(|e| e.fields.name == "李秀英")
            .expect("李秀英")
    };
    assert_eq!(li(&harness).fields.notes, "擅长电商直播");
    harness.get_by_label("擅长电商直播");

    harness.get_by_label("归档").click();
    harness.run();
    assert!(li(&harness).fields.archived);
    harness.get_by_label("← 返回").click();
    harness.run();
    assert!(
        !harness
            .state()
            .roster_visible_names()
            .contains(&"李秀英".to_owned()),
        "archived leave the active roster"
    );
    assert_eq!(harness.state().roster_visible_names().len(), 19);

    assert!(
        harness.query_by_label("李秀英").is_none(),
        "she is not shown under 在任"
    );

    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "状态")
        .click();
    harness.run();
    harness.get_by_label("已归档").click();
    harness.run();
    assert_eq!(harness.state().roster_visible_names(), vec!["李秀英"]);
    harness.get_by_label("李秀英").click();
    harness.run();
    harness.get_by_label("恢复").click();
    harness.run();
    assert!(
        !li(&harness).fields.archived,
        "restored to the active roster"
    );
}

#[test]
fn switching_the_language_changes_every_label_and_is_remembered() {
    let mut harness = common::harness(common::demo_store(), Screen::Roster);
    harness.get_by_label("支部书记花名册");
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Branch secretary roster");
    harness.get_by_label("Add secretary");
    harness.get_by_label("Dashboard");
    assert!(harness.query_by_label("支部书记花名册").is_none());
    assert_eq!(
        harness.state().settings().lang,
        secretary_studio::i18n::Lang::En
    );
    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label("添加书记");
}

#[test]
fn sorting_by_a_column_header_reorders_the_rows() {
    let mut harness = common::harness(common::demo_store(), Screen::Roster);
    harness.get_by_label("出生年月").click();
    harness.run();
    let names = harness.state().roster_visible_names();
    assert_eq!(
        names.first().map(String::as_str),
        Some("林春生"),
        "born 1966, the eldest"
    );
    harness.get_by_label("出生年月 ▲").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .roster_visible_names()
            .first()
            .map(String::as_str),
        Some("罗䶮"),
        "born 1990"
    );
}

#[test]
fn the_branch_is_chosen_from_the_list_in_the_form() {
    let mut harness = common::harness(common::demo_store(), Screen::Roster);
    harness.get_by_label("添加书记").click();
    harness.run();
    common::type_into(&mut harness, "姓名", "程新");
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "所在党支部")
        .click();
    harness.run();
    // The last branches of the list are the ones a modal used to hide behind itself.
    harness
        .get_by_label("莲花村党支部（西片区）")
        .scroll_to_me();
    harness.run();
    harness.get_by_label("莲花村党支部（西片区）").click();
    harness.run();
    assert!(
        harness.query_by_label("新增书记").is_some(),
        "choosing a branch keeps the form open"
    );
    harness.get_by_label("保存").click();
    harness.run();
    let roster = harness.state().store().roster().expect("roster");
    let added = roster
        .iter()
        .find(|e| e.fields.name == "程新")
        .expect("saved");
    assert_eq!(added.branch_name, "莲花村党支部");
    assert_eq!(added.area_name, "西片区");
}

#[test]
fn a_search_that_only_finds_archived_secretaries_offers_to_show_them() {
    let mut store = common::demo_store();
    let id = store.roster().expect("roster")[0].id;
    store
        .write(|w| w.set_secretary_archived(id, true))
        .expect("archive 王建国");
    let mut harness = common::harness(store, Screen::Roster);
    common::type_into(&mut harness, "搜索", "wjg");
    assert!(harness.state().roster_visible_names().is_empty());
    harness
        .get_by_label("另有 1 名已归档书记符合搜索，点此一并显示")
        .click();
    harness.run();
    assert_eq!(harness.state().roster_visible_names(), vec!["王建国"]);
    harness.get_by_label("显示 1 人（在任 19 人，已归档 1 人）");
}

#[test]
fn ctrl_f_puts_the_cursor_in_the_search() {
    let mut harness = common::harness(common::demo_store(), Screen::Roster);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    // Typed straight away, without a click into the field.
    harness.event(egui::Event::Text("wjg".to_owned()));
    harness.run();
    assert_eq!(harness.state().roster_visible_names(), ["王建国"]);
}
