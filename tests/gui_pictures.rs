//! Photos and scans on a session's page, as the coordinator adds, captions, pages through
//! and deletes them.

mod common;

use egui_kittest::kittest::Queryable;
use secretary_studio::domain::picture::PictureOwner;
use secretary_studio::ui::Screen;
use std::path::Path;

/// A phone-like JPEG at `path`, `w` × `h`.
fn photo(path: &Path, w: u32, h: u32, shade: u8) {
    let image = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([shade, (x % 256) as u8, (y % 256) as u8])
    });
    image.save(path).expect("photo");
}

#[test]
fn add_photos_from_a_folder_caption_page_through_and_delete_with_undo() {
    let folder = tempfile::tempdir().expect("folder");
    let photos = folder.path().join("手机照片");
    std::fs::create_dir(&photos).expect("photos folder");
    photo(&photos.join("IMG_0001.jpg"), 640, 480, 10);
    photo(&photos.join("IMG_0002.jpg"), 480, 640, 200);
    std::fs::write(photos.join("说明.jpg"), "不是照片").expect("fake");
    std::fs::write(photos.join("readme.txt"), "skipped").expect("txt");
    let store = common::ledger_store();
    let session = store.sessions().expect("sessions")[0].id;
    let owner = PictureOwner::Session(session);
    let mut harness = common::harness(store, Screen::Session(session));
    harness
        .state_mut()
        .apply(secretary_studio::ui::Command::Navigate(Screen::Session(
            session,
        )));
    harness.run();
    harness.get_by_label("照片与扫描件（0）");
    harness.get_by_label("添加照片…").click();
    harness.run();
    common::type_into(&mut harness, "文件或文件夹", &photos.display().to_string());
    harness.get_by_label("文件夹里有 3 个 JPEG、PNG 或 PDF 文件");
    common::type_into(&mut harness, "说明", "入户走访");
    harness.get_by_label("添加").click();
    common::wait_for_work(&mut harness);
    // Two photos in, the fake refused by name, nothing of it written.
    let message = harness
        .state()
        .error_message()
        .unwrap_or_default()
        .to_owned();
    assert!(message.contains("添加 2 个，1 个没有添加"), "{message}");
    assert!(message.contains("“说明.jpg”不是照片"), "{message}");
    harness.get_by_label("关闭").click();
    harness.run();
    let pictures = harness
        .state()
        .store()
        .pictures_of(owner)
        .expect("pictures");
    assert_eq!(pictures.len(), 2);
    assert!(pictures.iter().all(|p| p.caption == "入户走访"));
    assert_eq!(pictures[1].size, (480, 640), "upright as taken");
    harness.run_steps(3);
    harness.get_by_label("照片与扫描件（2）");

    // The viewer: caption the first, go to the second, delete it, undo.
    harness.get_by_label("照片 IMG_0001.jpg").click();
    harness.run();
    harness.get_by_label("照片与扫描件 1/2");
    common::type_into(&mut harness, "说明", "入户走访（王家沟）");
    harness.get_by_label("保存说明").click();
    harness.run();
    let first = &harness
        .state()
        .store()
        .pictures_of(owner)
        .expect("pictures")[0];
    assert_eq!(first.caption, "入户走访（王家沟）");
    harness.get_by_label("下一张 →").click();
    harness.run();
    harness.get_by_label("照片与扫描件 2/2");
    // A caption typed and not saved goes with the page turned, not lost.
    common::type_into(&mut harness, "说明", "村民座谈");
    harness.get_by_label("← 上一张").click();
    harness.run();
    let second = &harness
        .state()
        .store()
        .pictures_of(owner)
        .expect("pictures")[1];
    assert_eq!(second.caption, "村民座谈");
    harness.get_by_label("下一张 →").click();
    harness.run();
    harness.get_by_label("删除这张").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .store()
            .pictures_of(owner)
            .expect("pictures")
            .len(),
        1
    );
    harness.get_by_label("撤销").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .store()
            .pictures_of(owner)
            .expect("pictures")
            .len(),
        2
    );
}

#[test]
fn a_scan_of_the_signed_sheet_is_attached_as_a_scan_and_named_in_the_summary() {
    let folder = tempfile::tempdir().expect("folder");
    let scan = folder.path().join("签到表.pdf");
    std::fs::write(&scan, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").expect("scan");
    let store = common::ledger_store();
    let session = store.sessions().expect("sessions")[0].id;
    let mut harness = common::harness(store, Screen::Session(session));
    harness
        .state_mut()
        .apply(secretary_studio::ui::Command::Navigate(Screen::Session(
            session,
        )));
    harness.run();
    harness.get_by_label("添加签到表扫描件…").click();
    harness.run();
    common::type_into(&mut harness, "文件或文件夹", &scan.display().to_string());
    harness.get_by_label("添加").click();
    common::wait_for_work(&mut harness);
    let pictures = harness
        .state()
        .store()
        .pictures_of(PictureOwner::Session(session))
        .expect("pictures");
    assert_eq!(pictures.len(), 1);
    assert_eq!(
        pictures[0].kind,
        secretary_studio::domain::picture::PictureKind::Scan
    );
    let doc = secretary_studio::print::summary(
        harness.state().store(),
        session,
        secretary_studio::i18n::Lang::Zh,
        secretary_studio::report::pdf::Font::bundled(),
    )
    .expect("summary");
    assert!(
        doc.texts()
            .iter()
            .any(|t| t.contains("签到表扫描件：已附 1（签到表.pdf）")),
        "{:?}",
        doc.texts()
    );
}

#[test]
fn document_heads_and_the_years_archive_from_the_file_menu() {
    let folder = tempfile::tempdir().expect("folder");
    let path = common::full_demo_file(folder.path(), "studio.db");
    let store = secretary_studio::store::Store::open(&path).expect("open");
    let mut harness = common::harness(store, Screen::Dashboard);
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("文书格式…").click();
    harness.run();
    common::type_into(&mut harness, "版头（发文机关）", "中共古城镇委员会组织办");
    common::type_into(&mut harness, "落款", "古城镇联村书记工作室");
    harness.get_by_label("保存").click();
    harness.run();
    let heads = harness.state().store().document_heads().expect("heads");
    assert_eq!(heads.letterhead, "中共古城镇委员会组织办");
    assert_eq!(heads.signer, "古城镇联村书记工作室");

    let out = folder.path().join("交给镇里");
    std::fs::create_dir(&out).expect("out");
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("导出年度档案…").click();
    harness.run();
    common::type_into(&mut harness, "期间", "2026");
    common::type_into(&mut harness, "保存到文件夹", &out.display().to_string());
    harness.get_by_label("导出").click();
    common::wait_for_work(&mut harness);
    let status = harness.state().status().to_owned();
    assert!(status.starts_with("已导出"), "{status}");
    let archive = std::fs::read_dir(&out)
        .expect("out")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.is_dir())
        .expect("the archive folder");
    assert!(archive.join("活动档案索引.xlsx").is_file());
}

#[test]
fn journey_two_ends_with_the_photos_in_the_pdf_and_a_word_summary() {
    let folder = tempfile::tempdir().expect("folder");
    let store = common::ledger_store();
    let session = store.sessions().expect("sessions")[0].id;
    let mut harness = common::harness(store, Screen::Session(session));
    harness.state_mut().print_into(folder.path().to_owned());
    harness
        .state_mut()
        .apply(secretary_studio::ui::Command::Navigate(Screen::Session(
            session,
        )));
    harness.run();
    // The phone's photos, a folder copied from it.
    let photos = folder.path().join("DCIM");
    std::fs::create_dir(&photos).expect("photos");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phone-portrait-exif.jpg"),
        photos.join("IMG_0520.jpg"),
    )
    .expect("fixture");
    photo(&photos.join("IMG_0521.jpg"), 800, 600, 120);
    harness.get_by_label("添加照片…").click();
    harness.run();
    common::type_into(&mut harness, "文件或文件夹", &photos.display().to_string());
    harness.get_by_label("添加").click();
    common::wait_for_work(&mut harness);
    let status = harness.state().status().to_owned();
    assert!(status.ends_with("添加 2 个照片或扫描件。"), "{status}");
    // The printed summary shows them.
    harness.get_by_label("打印纪要").click();
    common::wait_for_work(&mut harness);
    assert!(harness.state().last_printed().is_some());
    let doc = secretary_studio::print::summary(
        harness.state().store(),
        session,
        secretary_studio::i18n::Lang::Zh,
        secretary_studio::report::pdf::Font::bundled(),
    )
    .expect("summary");
    assert_eq!(doc.picture_count(), 2);
    assert!(
        doc.texts().contains(&"五、活动照片")
            || doc.texts().iter().any(|t| t.ends_with("活动照片"))
    );
    // And the Word file for the town.
    harness.get_by_label("另存为 Word…").click();
    harness.run();
    harness.get_by_label("活动纪要").click();
    harness.run();
    harness.get_by_label("Word（公文格式，可修改）");
    let target = folder.path().join("纪要");
    common::type_into(&mut harness, "文件路径", &target.display().to_string());
    harness.get_by_label("保存").click();
    common::wait_for_work(&mut harness);
    let written = folder.path().join("纪要.docx");
    let bytes = std::fs::read(&written).expect("the Word file");
    assert!(bytes.starts_with(b"PK"), "a .docx package");
    let media = secretary_studio::report::docx::inspect::names(&bytes)
        .into_iter()
        .filter(|n| n.starts_with("word/media/") && !n.ends_with('/'))
        .count();
    assert_eq!(media, 2, "both photos in the Word file");
    assert!(
        harness.state().status().contains("已保存 Word 文件"),
        "{}",
        harness.state().status()
    );
}
