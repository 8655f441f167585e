//! The printed documents of a session from the demo studio: A4 PDFs whose every character has
//! a glyph in the embedded font, whose text can be copied out, and which are refused cleanly
//! for a session that does not exist or a place that cannot be written.

use secretary_studio::domain::SessionId;
use secretary_studio::i18n::Lang;
use secretary_studio::print::{page_label, sign_in, summary};
use secretary_studio::report::pdf::Font;
use secretary_studio::store::Store;
use std::path::Path;
use std::process::Command;

fn demo(folder: &Path) -> std::path::PathBuf {
    let path = folder.join("demo.db");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    Store::create_with(
        &path,
        "古城镇联村共建书记工作室",
        "古城镇",
        |store| secretary_studio::demo::seed_all(store, today),
    )
    .expect("demo");
    path
}

/// A session of the demo with a problem raised at it.
fn session_with_problem(store: &Store) -> SessionId {
    store
        .problems()
        .expect("problems")
        .iter()
        .find_map(|p| p.fields.session_id)
        .expect("a problem raised at a session")
}

/// The text `pdftotext` (poppler-utils) reads out of a PDF.
fn extract_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (Debian: apt install poppler-utils; .ci/run installs it)");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_summary_holds_the_session_in_chinese_with_every_character_in_the_font() {
    let folder = tempfile::tempdir().expect("tempdir");
    let store = Store::open_read_only(&demo(folder.path())).expect("open");
    let id = session_with_problem(&store);
    let fields = store.session(id).expect("read").expect("session");
    let font = Font::bundled();
    let doc = summary(&store, id, Lang::Zh, font).expect("laid out");
    for text in doc.texts() {
        for c in text.chars() {
            assert!(font.covers(c), "{c:?} in {text:?} would print as a box");
        }
    }
    let pages = doc.page_count();
    let bytes = doc.finish(page_label(Lang::Zh)).expect("pdf");
    assert!(bytes.starts_with(b"%PDF"));
    let path = folder.path().join("纪要.pdf");
    std::fs::write(&path, &bytes).expect("write");
    let text = extract_text(&path);
    let flat: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for expected in [
        fields.topic.as_str(),
        "活动纪要",
        "王建国",
        "应到",
        "问题清单及办理状态",
        "主持人（签字）",
    ] {
        let expected: String = expected.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            flat.contains(&expected),
            "{expected} not in the text:\n{text}"
        );
    }
    assert!(flat.contains(&format!("第{pages}页共{pages}页")), "{text}");
}

#[test]
fn the_sign_in_sheet_lists_the_expected_names_with_room_to_sign() {
    let folder = tempfile::tempdir().expect("tempdir");
    let store = Store::open_read_only(&demo(folder.path())).expect("open");
    let id = session_with_problem(&store);
    let font = Font::bundled();
    let doc = sign_in(&store, id, Lang::Zh, font).expect("laid out");
    let texts = doc.texts();
    assert!(texts.contains(&"签名"));
    let roster = store.roster().expect("roster");
    for entry in &roster {
        assert!(
            texts.contains(&entry.fields.name.as_str()),
            "{}",
            entry.fields.name
        );
    }
    let bytes = doc.finish(page_label(Lang::Zh)).expect("pdf");
    let path = folder.path().join("签到表.pdf");
    std::fs::write(&path, &bytes).expect("write");
    assert!(extract_text(&path).contains("签到表"));
}

fn studio(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_secretary-studio"))
        .args(args)
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .expect("run")
}

#[test]
fn the_command_line_prints_and_refuses_bad_input_without_leaving_a_file() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = demo(folder.path());
    let id = session_with_problem(&Store::open_read_only(&db).expect("open"))
        .0
        .to_string();
    let db = db.display().to_string();
    let good = folder.path().join("summary.pdf");
    let out = studio(&[
        "print",
        "summary",
        &id,
        "-o",
        &good.display().to_string(),
        "--db",
        &db,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&good).expect("pdf").starts_with(b"%PDF"));

    let target = folder.path().join("x.pdf");
    let target_arg = target.display().to_string();
    for (args, says) in [
        (
            vec!["print", "summary", "999999", "-o", &target_arg, "--db", &db],
            "999999",
        ),
        (
            vec!["print", "summary", "abc", "-o", &target_arg, "--db", &db],
            "abc",
        ),
        (
            vec!["print", "minutes", &id, "-o", &target_arg, "--db", &db],
            "summary|sign-in",
        ),
    ] {
        let out = studio(&args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(!target.exists());
    }
    let gone = folder.path().join("no-such-folder").join("a.pdf");
    let out = studio(&[
        "print",
        "sign-in",
        &id,
        "-o",
        &gone.display().to_string(),
        "--db",
        &db,
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("文件夹不存在"));
    let partial = std::fs::read_dir(folder.path())
        .expect("dir")
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().ends_with(".partial"));
    assert!(!partial);
}

#[path = "common/mod.rs"]
mod common;

#[test]
fn the_session_page_prints_its_summary_and_sign_in_sheet() {
    use egui_kittest::kittest::Queryable;
    let folder = tempfile::tempdir().expect("tempdir");
    let db = demo(folder.path());
    let store = Store::open(&db).expect("open");
    let id = session_with_problem(&store);
    let mut harness = common::harness(store, secretary_studio::ui::Screen::Sessions);
    harness
        .state_mut()
        .print_into(folder.path().join("printouts"));
    // The session's page, as a click in the list would open it.
    harness
        .state_mut()
        .apply(secretary_studio::ui::Command::Navigate(
            secretary_studio::ui::Screen::Session(id),
        ));
    harness.run();
    for button in ["打印纪要", "打印签到表"] {
        harness.get_by_label(button).click();
        harness.run();
        let path = harness
            .state()
            .last_printed()
            .expect("a PDF written")
            .to_owned();
        assert!(std::fs::read(&path).expect("pdf").starts_with(b"%PDF"));
        assert!(path.starts_with(folder.path().join("printouts")));
        assert!(harness.state().error_message().is_none());
    }
}

#[test]
fn the_problem_ledger_repeats_its_header_and_the_ranking_lists_everyone_with_stars() {
    let folder = tempfile::tempdir().expect("tempdir");
    let store = Store::open_read_only(&demo(folder.path())).expect("open");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let font = Font::bundled();
    let ledger = secretary_studio::print::problem_ledger(&store, Lang::Zh, font, None, today)
        .expect("laid out");
    let pages = ledger.page_count();
    assert!(pages >= 2, "30 problems take more than a page");
    let texts = ledger.texts();
    assert_eq!(
        texts.iter().filter(|t| **t == "完成时限").count(),
        pages,
        "the header on every page"
    );
    for problem in store.problems().expect("problems") {
        let first: String = problem.fields.title.chars().take(4).collect();
        assert!(texts.iter().any(|t| t.starts_with(&first)), "{first}");
    }
    for text in &texts {
        assert!(text.chars().all(|c| font.covers(c)), "{text}");
    }
    let q3 = secretary_studio::domain::period::Period::parse("2026-Q3").expect("period");
    let ranking =
        secretary_studio::print::ranking_list(&store, Lang::Zh, font, q3).expect("laid out");
    let texts = ranking.texts();
    for entry in store.roster().expect("roster") {
        assert!(
            texts.contains(&entry.fields.name.as_str()),
            "{}",
            entry.fields.name
        );
    }
    assert!(texts.iter().any(|t| t.starts_with('★')));
    assert!(texts.iter().all(|t| t.chars().all(|c| font.covers(c))));
    let bytes = ranking.finish(page_label(Lang::Zh)).expect("pdf");
    let path = folder.path().join("排名.pdf");
    std::fs::write(&path, bytes).expect("write");
    assert!(extract_text(&path).contains("红榜"));
}

#[test]
fn printing_a_ledger_from_the_command_line_needs_a_real_period() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = demo(folder.path()).display().to_string();
    let target = folder.path().join("r.pdf");
    let target_arg = target.display().to_string();
    for (args, says) in [
        (
            vec!["print", "ranking", "-o", &target_arg, "--db", &db],
            "--period",
        ),
        (
            vec![
                "print",
                "problems",
                "--period",
                "2021-Q5",
                "-o",
                &target_arg,
                "--db",
                &db,
            ],
            "2021-Q5",
        ),
    ] {
        let out = studio(&args);
        assert!(!out.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(says));
        assert!(!target.exists());
    }
    let out = studio(&[
        "print",
        "ranking",
        "--period",
        "2026",
        "-o",
        &target_arg,
        "--db",
        &db,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&target).expect("pdf").starts_with(b"%PDF"));
}

#[test]
fn the_problems_and_compare_screens_print_their_ledgers() {
    use egui_kittest::kittest::Queryable;
    let folder = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&demo(folder.path())).expect("open");
    for (screen, button, name) in [
        (
            secretary_studio::ui::Screen::Problems,
            "打印台账",
            "发展难题台账",
        ),
        (
            secretary_studio::ui::Screen::Compare,
            "打印排名及表彰名单",
            "比拼排名及表彰名单",
        ),
    ] {
        let store = Store::open(store.path().expect("path")).expect("open");
        let mut harness = common::harness(store, screen);
        harness
            .state_mut()
            .print_into(folder.path().join("printouts"));
        harness.get_by_label(button).click();
        harness.run();
        let path = harness.state().last_printed().expect("printed").to_owned();
        assert!(
            path.display().to_string().contains(name),
            "{}",
            path.display()
        );
        let text = extract_text(&path);
        assert!(text.contains(name), "{text}");
    }
}
