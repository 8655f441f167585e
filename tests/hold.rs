//! The file holds: one writer at a time, a full disk and a read-only file said plainly with
//! what was saved kept, and "Save a copy…" offered.

mod common;

use egui_kittest::kittest::Queryable;
use secretary_studio::domain::session::SessionDraft;
use secretary_studio::store::{Error, Store};
use secretary_studio::ui::Screen;

fn session_named(store: &mut Store, topic: &str) -> Result<(), Error> {
    let mut draft = SessionDraft::new(common::today());
    topic.clone_into(&mut draft.topic);
    draft.discussion = "研讨".repeat(400);
    let fields = draft.validate().expect("valid");
    store.write(|w| w.add_session(&fields).map(|_| ()))
}

#[test]
fn a_second_program_opening_the_file_for_writing_is_told_and_can_only_read() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = common::demo_file(folder.path(), "studio.db");
    let mut first = Store::open(&db).expect("first window");
    assert!(
        matches!(Store::open(&db), Err(Error::InUse)),
        "never two writers"
    );
    // Reading is fine: the second window shows the studio read-only.
    let (second, message) = secretary_studio::app::open_at_start(
        Some(&db),
        &secretary_studio::settings::Settings::default(),
        None,
    );
    assert!(second.is_read_only());
    assert!(message.is_none(), "the banner says it, not a dialog");
    let mut harness = common::harness(second, Screen::AreasBranches);
    harness.get_by_label_contains("只读：此文件正在另一个书记工作室窗口中打开");
    common::type_into(&mut harness, "新片区名称", "北片区");
    harness.get_by_label("添加片区").click();
    harness.run();
    let said = harness
        .state()
        .error_message()
        .expect("a write is refused")
        .to_owned();
    assert!(said.contains("另一个书记工作室窗口"), "{said}");
    harness.get_by_label("关闭").click();
    harness.run();
    // What the first window writes shows up in the second.
    first
        .write(|w| w.add_area("南片区").map(|_| ()))
        .expect("the first window writes");
    // It looks once a second, not every frame.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while harness.query_by_label("南片区").is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(100));
        harness.run();
    }
    harness.get_by_label("南片区");
    // Backing up or restoring is refused up front: nothing is written beside the file.
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("备份与恢复…").click();
    harness.run();
    harness.get_by_label("立即备份").click();
    harness.run();
    assert!(harness.state().store().backups().is_empty());
    drop(harness);
    drop(first);
    // Once the first has closed, the file opens for writing again.
    let mut again = Store::open(&db).expect("opens once the first has closed");
    session_named(&mut again, "之后").expect("writes");
}

#[test]
fn the_command_line_is_refused_while_the_app_has_the_file() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = common::demo_file(folder.path(), "studio.db");
    let sheet = folder.path().join("花名册.csv");
    std::fs::write(&sheet, "姓名,党支部\n新书记,东坪村党支部\n").expect("sheet");
    let app = Store::open(&db).expect("the app has it");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_secretary-studio"))
        .arg("import-roster")
        .arg(&sheet)
        .arg("--db")
        .arg(&db)
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("另一个书记工作室窗口"), "{said}");
    assert!(
        !app.roster()
            .expect("roster")
            .iter()
            .any(|e| e.fields.name == "新书记")
    );
}

#[test]
fn a_full_disk_fails_the_write_keeps_what_was_saved_and_offers_a_copy() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = common::demo_file(folder.path(), "studio.db");
    let mut store = Store::open(&db).expect("open");
    session_named(&mut store, "满盘之前").expect("saved before");
    // The disk fills: SQLite may not grow the file past its size now.
    let pages: i64 = store
        .connection_for_tests()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .expect("pages");
    store
        .connection_for_tests()
        .execute_batch(&format!("PRAGMA max_page_count = {pages}"))
        .expect("limit");
    let mut failed = None;
    for n in 0..200 {
        if let Err(error) = session_named(&mut store, &format!("满盘{n}")) {
            failed = Some(error);
            break;
        }
    }
    assert!(matches!(failed, Some(Error::DiskFull)), "{failed:?}");
    // Fill what room is left in the pages, down to a name.
    for n in 0..10_000 {
        if store
            .write(|w| w.add_area(&format!("片区{n}")).map(|_| ()))
            .is_err()
        {
            break;
        }
    }
    assert!(store.check().expect("check").is_healthy());

    // In the app: the message says so and offers a copy elsewhere.
    let mut harness = common::harness(store, Screen::AreasBranches);
    common::type_into(&mut harness, "新片区名称", "北片区");
    harness.get_by_label("添加片区").click();
    harness.run();
    let message = harness.state().error_message().expect("said").to_owned();
    assert!(message.contains("已满"), "{message}");
    harness.get_by_label("另存副本…").click();
    harness.run();
    let copy = folder.path().join("另一个盘").join("副本.db");
    std::fs::create_dir(copy.parent().expect("folder")).expect("folder");
    common::type_into(&mut harness, "文件路径", &copy.display().to_string());
    harness.get_by_label("保存").click();
    harness.run();
    drop(harness);
    let copy = Store::open(&copy).expect("the copy opens");
    let topics: Vec<String> = copy
        .sessions()
        .expect("sessions")
        .into_iter()
        .map(|s| s.fields.topic)
        .collect();
    assert!(
        topics.iter().any(|t| t == "满盘之前"),
        "what was saved is in the copy"
    );
}

#[test]
fn a_read_only_file_opens_for_reading_with_a_banner() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = common::demo_file(folder.path(), "光盘上的.db");
    let mut permissions = std::fs::metadata(&db).expect("meta").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&db, permissions).expect("read-only");
    let before = common::bytes_of(&db);
    assert!(matches!(Store::open(&db), Err(Error::ReadOnly)));
    let (store, message) = secretary_studio::app::open_at_start(
        Some(&db),
        &secretary_studio::settings::Settings::default(),
        None,
    );
    assert!(store.is_read_only());
    assert!(message.is_none(), "the banner says it");
    let mut harness = common::harness(store, Screen::Roster);
    harness.get_by_label_contains("只读：文件或所在的U盘不能写入");
    harness.run();
    assert_eq!(common::bytes_of(&db), before, "not a byte changed");
    // 另存副本… writes a copy that can be changed, and goes on in it.
    harness.get_by_label("另存副本…").click();
    harness.run();
    let copy = folder.path().join("可写副本.db");
    common::type_into(&mut harness, "文件路径", &copy.display().to_string());
    harness.get_by_label("保存").click();
    harness.run();
    assert_eq!(harness.state().store().path(), Some(copy.as_path()));
    assert!(!harness.state().store().is_read_only());
}

#[test]
fn backups_are_made_each_day_and_before_an_import_and_one_is_restored_from_the_list() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = common::demo_file(folder.path(), "studio.db");
    let mut harness = common::harness(Store::open(&db).expect("open"), Screen::AreasBranches);
    harness.run();
    // Made beside the window, so the first frame does not wait for a copy of the file.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while harness.state().store().backups().is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let backups = harness.state().store().backups();
    assert_eq!(backups.len(), 1, "today's, made when the file opened");
    assert_eq!(backups[0].reason, "每日");

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

    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("备份与恢复…").click();
    harness.run();
    harness.get_by_label("每日");
    harness.get_by_label("恢复…").click();
    harness.run();
    harness.get_by_label("确认恢复").click();
    harness.run();
    assert!(
        harness.state().status().contains("已恢复备份"),
        "{}",
        harness.state().status()
    );
    assert!(
        !harness
            .state()
            .store()
            .areas()
            .expect("areas")
            .iter()
            .any(|a| a.name == "北片区"),
        "back to the morning's file"
    );
    let reasons: Vec<String> = harness
        .state()
        .store()
        .backups()
        .into_iter()
        .map(|b| b.reason)
        .collect();
    assert!(reasons.iter().any(|r| r == "恢复前"), "{reasons:?}");
    // The file from before the restore holds the area, so nothing is lost.
    let before = harness
        .state()
        .store()
        .backups()
        .into_iter()
        .find(|b| b.reason == "恢复前")
        .expect("before");
    let kept = Store::open_read_only(&before.path).expect("open");
    assert!(
        kept.areas()
            .expect("areas")
            .iter()
            .any(|a| a.name == "北片区")
    );
}
