//! Opening a bad file: a clear message naming the file and what is wrong, the file left
//! byte-for-byte unchanged, the previous studio still open, never a panic.

mod common;

use egui_kittest::kittest::Queryable;

use secretary_studio::i18n::Lang;
use secretary_studio::store::{Error, FileKind, Store, schema};
use secretary_studio::ui::Screen;
use std::path::{Path, PathBuf};

/// A bad file and a check of what the store must say about it.
type BadFile = (PathBuf, fn(&Error) -> bool);

/// Makes each bad file in `folder`.
fn bad_files(folder: &Path) -> Vec<BadFile> {
    let mut files: Vec<BadFile> = Vec::new();

    let empty = folder.join("empty.db");
    std::fs::write(&empty, b"").expect("write");
    files.push((empty, |e| matches!(e, Error::Empty)));

    let random = folder.join("random.db");
    let mut state = 0x2545_f491_u32;
    let noise: Vec<u8> = (0..8192)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as u8
        })
        .collect();
    std::fs::write(&random, noise).expect("write");
    files.push((random, |e| {
        matches!(e, Error::NotSqlite { looks_like: None })
    }));

    let photo = folder.join("合影.db");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.resize(4096, 7);
    std::fs::write(&photo, png).expect("write");
    files.push((photo, |e| {
        matches!(
            e,
            Error::NotSqlite {
                looks_like: Some(FileKind::Png)
            }
        )
    }));

    let truncated = folder.join("truncated.db");
    let source = common::demo_file(folder, "whole.db");
    let bytes = std::fs::read(&source).expect("read");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("write");
    files.push((truncated, |e| matches!(e, Error::Truncated)));

    let cut_mid_page = folder.join("cut.db");
    std::fs::write(&cut_mid_page, &bytes[..bytes.len() - 1000]).expect("write");
    files.push((cut_mid_page, |e| matches!(e, Error::Truncated)));

    let foreign = folder.join("other-app.db");
    {
        let conn = rusqlite::Connection::open(&foreign).expect("open");
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            .expect("foreign");
    }
    files.push((foreign, |e| matches!(e, Error::ForeignApplication)));

    let newer = folder.join("newer.db");
    std::fs::copy(&source, &newer).expect("copy");
    {
        let conn = rusqlite::Connection::open(&newer).expect("open");
        conn.execute_batch(&format!(
            "PRAGMA user_version = {};",
            schema::current_version() + 5
        ))
        .expect("bump");
    }
    files.push((newer, |e| matches!(e, Error::NewerVersion { .. })));

    // Found by the share-file fuzzer: one byte of the header's schema version changed makes
    // it negative, which once panicked while migrating.
    let negative = folder.join("negative-version.db");
    let mut damaged = bytes.clone();
    damaged[60] = 0x80;
    std::fs::write(&negative, damaged).expect("write");
    files.push((negative, |e| matches!(e, Error::Corrupt(_))));

    let text = folder.join("roster.db");
    std::fs::write(&text, "姓名,性别\n王建国,男\n".repeat(20)).expect("write");
    files.push((text, |e| {
        matches!(
            e,
            Error::NotSqlite {
                looks_like: Some(FileKind::Text)
            }
        )
    }));

    let missing = folder.join("missing.db");
    files.push((missing, |e| matches!(e, Error::NotFound)));

    files.push((folder.to_owned(), |e| matches!(e, Error::IsDirectory)));
    files
}

#[test]
fn the_store_refuses_each_bad_file_and_leaves_it_unchanged() {
    let folder = tempfile::tempdir().expect("tempdir");
    for (path, expected) in bad_files(folder.path()) {
        let before = std::fs::read(&path).ok();
        let result = Store::open(&path);
        let error = result.expect_err(&format!("{} must be refused", path.display()));
        assert!(
            expected(&error),
            "{}: unexpected error {error:?}",
            path.display()
        );
        assert_eq!(
            std::fs::read(&path).ok(),
            before,
            "{} was changed",
            path.display()
        );
        for suffix in ["-wal", "-journal"] {
            let mut sidecar = path.clone().into_os_string();
            sidecar.push(suffix);
            assert!(
                !Path::new(&sidecar).exists() || path.is_dir(),
                "{} left a {suffix}",
                path.display()
            );
        }
        // Reading only (check, roster on the CLI) refuses the same files.
        assert!(Store::open_read_only(&path).is_err());
    }
}

#[test]
fn the_app_names_the_file_keeps_the_current_studio_and_never_panics() {
    let folder = tempfile::tempdir().expect("tempdir");
    let good = common::demo_file(folder.path(), "good.db");
    for lang in [Lang::Zh, Lang::En] {
        for (path, _) in bad_files(&folder.path().join(format!("{lang:?}")).tap_mkdir()) {
            let store = Store::open(&good).expect("good file");
            let mut harness = common::harness_in(store, Screen::Dashboard, lang);
            let before = std::fs::read(&path).ok();
            harness.state_mut().open_file(&path);
            harness.run();
            let app = harness.state();
            assert_eq!(
                app.store().path(),
                Some(good.as_path()),
                "the good studio stays open"
            );
            let message = app.error_message().expect("an error is shown").to_owned();
            let name = path.display().to_string();
            assert!(message.contains(&name), "message names the file: {message}");
            let keeps = if lang == Lang::Zh {
                "当前打开的工作室保持不变"
            } else {
                "stays open"
            };
            assert!(message.contains(keeps), "{message}");
            assert!(
                harness.query_all_by_label_contains(&name).next().is_some(),
                "the message is on screen"
            );
            assert_eq!(std::fs::read(&path).ok(), before);
            harness.get_by_label(lang.close()).click();
            harness.run();
            // (Each round opens a new window on the good file; a daily backup that an earlier
            // round's window still makes in the same second may say it could not, meanwhile.)
            assert_ne!(
                harness.state().error_message(),
                Some(message.as_str()),
                "Close dismisses the message"
            );
        }
    }
}

trait MakeDir {
    fn tap_mkdir(self) -> PathBuf;
}

impl MakeDir for PathBuf {
    fn tap_mkdir(self) -> PathBuf {
        std::fs::create_dir_all(&self).expect("mkdir");
        self
    }
}
