//! The people import dialog as the coordinator uses it: File → 导入百人团人员…, a sheet with
//! two rows in error previewed, 确认导入 waiting until those rows are left out, then the
//! groups set up.

mod common;

use egui_kittest::kittest::Queryable;
use secretary_studio::ui::Screen;

#[test]
fn a_sheet_with_rows_in_error_imports_only_once_they_are_left_out() {
    let mut harness = common::harness(common::demo_store(), Screen::Dashboard);
    let sheet = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/people-gbk-title.csv");
    common::file_menu_path(&mut harness, "导入百人团人员…", &sheet);
    harness.get_by_label("导入百人团人员");
    harness.get_by_label("预览").click();
    harness.run();

    harness.get_by_label("新增人员: 40");
    harness.get_by_label("加入团: 41");
    harness.get_by_label("不能导入: 2");
    harness.get_by_label("“顾问团”可指离任村干部村务治理顾问团或经济发展顾问团，请写全称");
    harness.get_by_label("聘期结束早于开始（没写开始的，从导入当天算起）");

    // Rows in error: 确认导入 does nothing until they are left out.
    harness.get_by_label("确认导入").click();
    harness.run();
    assert!(harness.state().store().people().expect("people").is_empty());

    harness
        .get_by_label("跳过不能导入的行，导入其余各行")
        .click();
    harness.run();
    harness.get_by_label("确认导入").click();
    harness.run();
    let store = harness.state().store();
    assert_eq!(store.people().expect("people").len(), 40);
    assert_eq!(store.members().expect("members").len(), 41);
    assert!(
        harness
            .query_by_label("跳过不能导入的行，导入其余各行")
            .is_none(),
        "the dialog closed after importing"
    );
    harness.get_by_label("导入完成：新增人员 40 人，更新 0 人，加入团 41 人次。");
}

#[test]
fn the_groups_screen_can_open_the_dialog_by_its_command() {
    let mut harness = common::harness(common::demo_store(), Screen::Dashboard);
    harness
        .state_mut()
        .apply(secretary_studio::ui::Command::StartPeopleImport);
    harness.run();
    harness.get_by_label("导入百人团人员");
    harness.get_by_label("关闭").click();
    harness.run();
    assert!(harness.query_by_label("导入百人团人员").is_none());
}
