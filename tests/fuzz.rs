//! Fuzzing, in the proptest style so that it runs in CI at a small size: roster import from
//! arbitrary bytes and from real sheets with bytes changed (CSV in GBK and UTF-8, xlsx), and
//! merging a share file with bytes changed. Nothing may panic; a bad file is refused with a
//! reason or read as what it holds, and our studio stays sound.
//!
//! More cases: `PROPTEST_CASES=5000 cargo test --release --test fuzz`.

mod common;

use proptest::prelude::*;
use secretary_studio::import::{parse_people, parse_roster, read_sheet_bytes};
use secretary_studio::store::Store;
use secretary_studio::work::Progress;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// `PROPTEST_CASES` if set, else the small number CI runs.
fn cases(small: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(small)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .expect("fixture")
}

/// Reads and plans importing `bytes` as a sheet of `kind` into a demo studio: must not panic.
fn import(bytes: &[u8], kind: &str) {
    let today = common::today();
    if let Ok(sheet) = read_sheet_bytes(bytes, kind)
        && let Ok(parsed) = parse_roster(&sheet, today)
    {
        let mut store = Store::open_in_memory("fuzz").expect("store");
        secretary_studio::demo::seed(&mut store).expect("demo");
        if let Ok(plan) = store.plan_roster_import(parsed) {
            // Whatever the plan, applying it is one transaction that holds or fails whole.
            let before = store.roster().expect("roster").len();
            match store.write(|w| w.apply_roster_import(&plan)) {
                Ok(outcome) => assert_eq!(
                    store.roster().expect("roster").len(),
                    before + outcome.added
                ),
                Err(_) => assert_eq!(store.roster().expect("roster").len(), before),
            }
        }
    }
}

/// Reads and plans importing `bytes` as a people sheet into the demo roster: must not panic,
/// and applying writes everything or nothing.
fn import_people(bytes: &[u8], kind: &str) {
    if let Ok(sheet) = read_sheet_bytes(bytes, kind)
        && let Ok(parsed) = parse_people(&sheet)
    {
        let mut store = Store::open_in_memory("fuzz").expect("store");
        secretary_studio::demo::seed(&mut store).expect("demo");
        if let Ok(plan) = store.plan_people_import(parsed, common::today()) {
            match store.write(|w| w.apply_people_import(&plan, true)) {
                Ok(outcome) => {
                    assert_eq!(store.people().expect("people").len(), outcome.people_added);
                    assert_eq!(
                        store.members().expect("members").len(),
                        outcome.memberships_added
                    );
                }
                Err(_) => assert!(store.people().expect("people").is_empty()),
            }
        }
    }
}

/// Changes `flips` bytes of `bytes` at the given places to the given values.
fn mutate(bytes: &[u8], flips: &[(usize, u8)]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    if bytes.is_empty() {
        return bytes;
    }
    for (at, value) in flips {
        let at = at % bytes.len();
        bytes[at] = *value;
    }
    bytes
}

/// A small share file of the demo studio (made once) and where it lives.
fn share_file() -> &'static (PathBuf, Vec<u8>) {
    static SHARE: OnceLock<(PathBuf, Vec<u8>)> = OnceLock::new();
    SHARE.get_or_init(|| {
        let folder = std::env::temp_dir().join(format!("secretary-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("folder");
        let db = folder.join("demo.db");
        let _ = std::fs::remove_file(&db);
        Store::create_with(
            &db,
            "古城镇书记工作室",
            "古城镇",
            secretary_studio::demo::seed,
        )
        .expect("demo");
        let share = folder.join("share.db");
        let _ = std::fs::remove_file(&share);
        Store::open(&db)
            .expect("open")
            .share(&share, &Progress::new())
            .expect("share");
        let bytes = std::fs::read(&share).expect("read");
        (folder, bytes)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_as_a_csv_or_xlsx_roster(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        import(&bytes, "csv");
        import(&bytes, "xlsx");
    }

    #[test]
    fn a_real_gbk_csv_with_bytes_changed(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..16)) {
        import(&mutate(&fixture("roster-gbk-title.csv"), &flips), "csv");
        import(&mutate(&fixture("roster-utf8-bom.csv"), &flips), "csv");
    }

    #[test]
    fn a_real_xlsx_with_bytes_changed(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..16)) {
        import(&mutate(&fixture("roster-merged-title.xlsx"), &flips), "xlsx");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

    #[test]
    fn a_real_people_sheet_with_bytes_changed(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..16)) {
        import_people(&mutate(&fixture("people-gbk-title.csv"), &flips), "csv");
        import_people(&mutate(&fixture("people-merged-header.xlsx"), &flips), "xlsx");
    }
}

/// What became of the damaged share files.
#[derive(Default)]
struct Outcomes {
    refused: usize,
    merged: usize,
    planned_not_applied: usize,
}

/// Merges one damaged share file into a new studio; a refused merge (refused when planned or
/// when written) leaves our file as it was, byte for byte, and whatever happens our file
/// stays sound.
fn merge_damaged(
    flips: &[(usize, u8)],
    in_header: bool,
    outcomes: &std::cell::RefCell<Outcomes>,
) -> Result<(), TestCaseError> {
    let (folder, bytes) = share_file();
    // Half the runs hit the first pages (header, schema), where damage matters most.
    let flips: Vec<(usize, u8)> = if in_header {
        flips.iter().map(|(at, v)| (at % 8192, *v)).collect()
    } else {
        flips.to_vec()
    };
    let case = tempfile::tempdir_in(folder).expect("tempdir");
    let theirs = case.path().join("damaged.db");
    std::fs::write(&theirs, mutate(bytes, &flips)).expect("write");
    let ours_path = case.path().join("ours.db");
    Store::create(&ours_path, "古城镇书记工作室", "古城镇").expect("ours");
    let mut ours = Store::open(&ours_path).expect("open");
    let files = |path: &Path| {
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        (std::fs::read(path).ok(), std::fs::read(wal).ok())
    };
    let before = files(&ours_path);
    match ours.plan_merge(&theirs, &Progress::new()) {
        Err(_) => {
            outcomes.borrow_mut().refused += 1;
            prop_assert!(
                files(&ours_path) == before,
                "a refused merge changed our file"
            );
        }
        Ok(preview) => {
            if ours.apply_merge(&preview, &Progress::new()).is_ok() {
                outcomes.borrow_mut().merged += 1;
            } else {
                outcomes.borrow_mut().planned_not_applied += 1;
                prop_assert!(
                    files(&ours_path) == before,
                    "a merge refused as it was written changed our file"
                );
            }
        }
    }
    prop_assert!(ours.check().expect("check").is_healthy());
    Ok(())
}

#[test]
fn a_share_file_with_bytes_changed_is_refused_or_merged_and_ours_stays_sound() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: cases(48),
        source_file: Some(file!()),
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::SourceParallel("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    });
    let outcomes = std::cell::RefCell::new(Outcomes::default());
    let damage = (
        proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8),
        any::<bool>(),
    );
    let result = runner.run(&damage, |(flips, in_header)| {
        merge_damaged(&flips, in_header, &outcomes)
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    let Outcomes {
        refused,
        merged,
        planned_not_applied,
    } = outcomes.into_inner();
    eprintln!(
        "damaged share files: {refused} refused, {merged} merged, {planned_not_applied} planned and then refused"
    );
    // Both ways were taken: the damage was caught, and damage where it does no harm (free
    // pages) let the merge through.
    assert!(refused > 0, "no damaged file was refused");
    assert!(
        merged + planned_not_applied > 0,
        "no damaged file reached the merge"
    );
}

/// Prepares `bytes` as a picture: must not panic; what is accepted is a sound picture whose
/// copies decode, within the size limits.
fn picture(bytes: Vec<u8>) {
    if let Ok(prepared) = secretary_studio::pictures::prepare(bytes)
        && prepared.media != secretary_studio::domain::picture::Media::Pdf
    {
        let (display, _) = secretary_studio::pictures::decode_limited(&prepared.display, false)
            .expect("the display copy decodes");
        assert!(display.width().max(display.height()) <= secretary_studio::pictures::DISPLAY_SIDE);
        assert!(prepared.size.0 > 0 && prepared.size.1 > 0);
    }
}

/// A small PNG (a scanner's).
fn png() -> &'static [u8] {
    static PNG: OnceLock<Vec<u8>> = OnceLock::new();
    PNG.get_or_init(|| {
        let image = image::RgbImage::from_fn(64, 48, |x, y| image::Rgb([x as u8, y as u8, 7]));
        let mut out = std::io::Cursor::new(Vec::new());
        image
            .write_to(&mut out, image::ImageFormat::Png)
            .expect("png");
        out.into_inner()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_as_a_picture(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        picture(bytes.clone());
        // As if named and shaped like each kind.
        for magic in [&b"\xFF\xD8\xFF"[..], b"\x89PNG\r\n\x1a\n", b"%PDF-"] {
            let mut shaped = magic.to_vec();
            shaped.extend_from_slice(&bytes);
            picture(shaped);
        }
    }

    #[test]
    fn a_phone_photo_with_bytes_changed(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..16), cut in any::<usize>()) {
        let photo = fixture("phone-portrait-exif.jpg");
        picture(mutate(&photo, &flips));
        picture(photo[..cut % photo.len()].to_vec());
        picture(mutate(png(), &flips));
    }
}
