//! What the town is handed: every printout as a Word file in the official document format
//! (opened as XML: text, fonts, page, margins, repeated table headers, pictures), photos in the
//! summary, and the year's archive (一事一档) with its index.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use secretary_studio::domain::period::Period;
use secretary_studio::domain::picture::{PictureKind, PictureOwner};
use secretary_studio::i18n::Lang;
use secretary_studio::print::{LedgerPrintout, Printable, Printout};
use secretary_studio::report::docx::inspect;
use secretary_studio::store::Store;
use secretary_studio::work::Progress;
use std::path::Path;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .expect("fixture")
}

/// The demo studio (as the app's first start writes it, in `folder`) with a phone photo and a
/// PDF scan on a session of 2026 the whole studio attended.
fn studio_with_pictures(folder: &Path) -> (Store, secretary_studio::domain::SessionId) {
    let mut store =
        Store::open(&common::full_demo_file(folder, "studio.db")).expect("open the demo");
    let year = Period::parse("2026").expect("period");
    // The session of the year with the most people expected: the whole studio.
    let session = store
        .sessions_in(year)
        .expect("sessions")
        .into_iter()
        .max_by_key(|s| s.expected)
        .expect("a session")
        .id;
    let photo =
        secretary_studio::pictures::prepare(fixture("phone-portrait-exif.jpg")).expect("photo");
    let scan = secretary_studio::pictures::prepare(
        b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec(),
    )
    .expect("scan");
    store
        .write(|w| {
            let owner = PictureOwner::Session(session);
            w.attach_picture(
                owner,
                PictureKind::Photo,
                "入户走访现场",
                "IMG_0520.jpg",
                &photo,
            )?;
            w.attach_picture(owner, PictureKind::Scan, "", "签到表.pdf", &scan)?;
            Ok(())
        })
        .expect("attach");
    (store, session)
}

fn word(store: &Store, printable: Printable, folder: &Path) -> Vec<u8> {
    let path = folder.join("out.docx");
    let pages = secretary_studio::print::write(
        store,
        printable,
        Lang::Zh,
        common::today(),
        &path,
        &Progress::new(),
    )
    .expect("written");
    assert_eq!(pages, 0, "Word lays out its own pages");
    std::fs::read(&path).expect("read")
}

#[test]
fn every_printout_is_a_word_file_in_the_official_format() {
    let folder = tempfile::tempdir().expect("folder");
    let (store, session) = studio_with_pictures(folder.path());
    let year = Period::parse("2026").expect("period");
    let printables = [
        Printable::Session(Printout::Summary, session),
        Printable::Session(Printout::SignIn, session),
        Printable::Ledger(LedgerPrintout::Problems(
            None,
            secretary_studio::domain::problem::ProblemFilter::default(),
        )),
        Printable::Ledger(LedgerPrintout::Ranking(year)),
        Printable::Ledger(LedgerPrintout::Report(year)),
    ];
    for printable in printables {
        let bytes = word(&store, printable, folder.path());
        let what = printable.title(Lang::Zh);
        let xml = inspect::part(&bytes, "word/document.xml").expect("document.xml");
        let styles = inspect::part(&bytes, "word/styles.xml").expect("styles.xml");
        let text = inspect::text(&bytes);
        let landscape = matches!(printable, Printable::Ledger(LedgerPrintout::Problems(..)));
        if landscape {
            assert!(
                xml.contains(r#"w:w="16838""#) && xml.contains(r#"w:h="11906""#),
                "{what}: A4 lying"
            );
        } else {
            assert!(
                xml.contains(r#"w:w="11906""#) && xml.contains(r#"w:h="16838""#),
                "{what}: A4"
            );
            assert!(xml.contains(r#"w:top="2098""#), "{what}: top margin 37 mm");
            assert!(
                xml.contains(r#"w:left="1587""#),
                "{what}: left margin 28 mm"
            );
            assert!(
                xml.contains(r#"w:linePitch="579""#),
                "{what}: 22 lines a page"
            );
        }
        assert!(styles.contains("仿宋_GB2312"), "{what}: the body font");
        assert!(
            styles.contains(r#"<w:sz w:val="32" />"#),
            "{what}: 3号 body"
        );
        assert!(xml.contains("方正小标宋简体"), "{what}: the title font");
        assert!(
            text.contains(secretary_studio::demo::DEMO_STUDIO),
            "{what}: {text}"
        );
        // Page numbers — n — in 宋体 4号, in the footers.
        let footer = inspect::names(&bytes)
            .into_iter()
            .filter(|n| n.starts_with("word/footer"))
            .filter_map(|n| inspect::part(&bytes, &n))
            .collect::<String>();
        assert!(
            footer.contains("PAGE") && footer.contains("— "),
            "{what}: {footer}"
        );
        if !matches!(printable, Printable::Session(Printout::Summary, _)) {
            assert!(
                xml.contains("<w:tblHeader />"),
                "{what}: the header row repeats"
            );
        }
        if printable != Printable::Session(Printout::SignIn, session) {
            assert!(text.contains("中共古城镇委员会"), "{what}: the letterhead");
        }
    }
    // Chinese names round-trip, the rare character too.
    let sign_in = inspect::text(&word(
        &store,
        Printable::Session(Printout::SignIn, session),
        folder.path(),
    ));
    assert!(sign_in.contains("罗䶮"), "{sign_in}");
    // The summary: the photo as JPEG with its caption, the scan named.
    let summary = word(
        &store,
        Printable::Session(Printout::Summary, session),
        folder.path(),
    );
    let text = inspect::text(&summary);
    assert!(
        text.contains("活动照片") && text.contains("入户走访现场"),
        "{text}"
    );
    assert!(
        text.contains("签到表扫描件：已附 1（签到表.pdf）"),
        "{text}"
    );
    let media: Vec<String> = inspect::names(&summary)
        .into_iter()
        .filter(|n| n.starts_with("word/media/") && !n.ends_with('/'))
        .collect();
    assert_eq!(media.len(), 1, "{media:?}");
    assert_eq!(media[0].rsplit('.').next(), Some("jpeg"), "{media:?}");
    // The report's charts are pictures.
    let report = word(
        &store,
        Printable::Ledger(LedgerPrintout::Report(year)),
        folder.path(),
    );
    assert!(
        inspect::names(&report)
            .iter()
            .any(|n| n.starts_with("word/media/")),
        "charts as images"
    );
}

#[test]
fn the_letterhead_and_signer_set_in_the_studio_print_in_pdf_and_word() {
    let folder = tempfile::tempdir().expect("folder");
    let (mut store, session) = studio_with_pictures(folder.path());
    store
        .write(|w| {
            w.set_setting(
                secretary_studio::store::LETTERHEAD_KEY,
                "中共古城镇委员会组织办",
            )?;
            w.set_setting(secretary_studio::store::SIGNER_KEY, "古城镇联村书记工作室")
        })
        .expect("heads");
    let text = inspect::text(&word(
        &store,
        Printable::Session(Printout::Summary, session),
        folder.path(),
    ));
    assert!(text.contains("中共古城镇委员会组织办"), "{text}");
    assert!(text.contains("古城镇联村书记工作室"), "{text}");
    let pdf = secretary_studio::print::summary(
        &store,
        session,
        Lang::Zh,
        secretary_studio::report::pdf::Font::bundled(),
    )
    .expect("pdf");
    let texts = pdf.texts();
    assert!(texts.contains(&"中共古城镇委员会组织办"), "{texts:?}");
    assert!(texts.contains(&"古城镇联村书记工作室"), "{texts:?}");
    assert_eq!(pdf.picture_count(), 1, "the photo, upright");
}

#[test]
fn the_years_archive_has_a_folder_per_session_and_an_index() {
    let folder = tempfile::tempdir().expect("folder");
    let (store, session) = studio_with_pictures(folder.path());
    let year = Period::parse("2026").expect("period");
    let target = folder.path().join("档案");
    let summary = secretary_studio::archive::write(
        &store,
        Lang::Zh,
        year,
        common::today(),
        &target,
        &Progress::new(),
    )
    .expect("archive");
    let sessions = store.sessions_in(year).expect("sessions");
    assert_eq!(summary.sessions, sessions.len());
    assert_eq!(summary.pictures, 2);
    let folders: Vec<String> = std::fs::read_dir(&target)
        .expect("archive folder")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(folders.len(), sessions.len());
    let fields = store.session(session).expect("read").expect("there");
    let first = folders
        .iter()
        .find(|f| {
            f.starts_with(&fields.held_on.format("%Y-%m-%d").to_string())
                && f.contains(&fields.topic)
        })
        .expect("the session's folder");
    let dir = target.join(first);
    for file in [
        "活动纪要.pdf",
        "活动纪要.docx",
        "签到表.pdf",
        "签到表扫描件01.pdf",
    ] {
        assert!(dir.join(file).is_file(), "{file} in {first}");
    }
    assert_eq!(
        std::fs::read(dir.join("照片01 入户走访现场.jpg")).expect("photo"),
        fixture("phone-portrait-exif.jpg"),
        "the original, byte for byte"
    );
    assert!(!folder.path().join("档案.part").exists());
    let mut index: Xlsx<_> = open_workbook(target.join("活动档案索引.xlsx")).expect("index");
    let range = index.worksheet_range("活动档案索引").expect("sheet");
    let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(rows[0][3], Data::String("主题".to_owned()));
    assert_eq!(rows.len(), sessions.len() + 1);
    assert!(
        rows.iter()
            .any(|r| r[3] == Data::String(fields.topic.clone())
                && r[7] == Data::Float(1.0)
                && r[8] == Data::String("有".to_owned()))
    );

    // Again into the same folder: refused, nothing changed.
    let again = secretary_studio::archive::write(
        &store,
        Lang::Zh,
        year,
        common::today(),
        &target,
        &Progress::new(),
    );
    assert!(again.is_err());
    assert!(dir.join("活动纪要.pdf").is_file());
}

#[test]
fn a_cancelled_archive_leaves_nothing_behind() {
    let folder = tempfile::tempdir().expect("folder");
    let (store, _) = studio_with_pictures(folder.path());
    let progress = Progress::new();
    progress.cancel();
    let target = folder.path().join("档案");
    let result = secretary_studio::archive::write(
        &store,
        Lang::Zh,
        Period::parse("2026").expect("period"),
        common::today(),
        &target,
        &progress,
    );
    assert!(matches!(
        result,
        Err(secretary_studio::work::WorkError::Cancelled)
    ));
    assert!(!target.exists(), "no archive");
    assert!(!folder.path().join("档案.part").exists(), "no .part folder");
}
