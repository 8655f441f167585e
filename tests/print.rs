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
    // By the number its page and summary show (the same in every village's file).
    let id = {
        let store = Store::open_read_only(&db).expect("open");
        store
            .session_code(session_with_problem(&store))
            .expect("read")
            .expect("a number")
    };
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
    assert!(extract_text(&good).contains(&id), "the number on paper");

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
            vec![
                "print",
                "summary",
                "20000101-ffff",
                "-o",
                &target_arg,
                "--db",
                &db,
            ],
            "20000101-ffff",
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
        common::wait_for_work(&mut harness);
        let path = harness
            .state()
            .last_printed()
            .expect("a PDF written")
            .to_owned();
        assert!(std::fs::read(&path).expect("pdf").starts_with(b"%PDF"));
        assert!(path.starts_with(folder.path().join("printouts")));
        assert!(harness.state().error_message().is_none());
        // Where no viewer opens (or to copy the file to a stick), the folder is one click away.
        harness.get_by_label("打开所在文件夹");
    }
    harness.get_by_label("活动台账").click();
    harness.run();
    assert!(
        harness.query_by_label("打开所在文件夹").is_some(),
        "the line about the printout stays until another replaces it"
    );
}

#[test]
fn the_problem_ledger_repeats_its_header_and_the_ranking_lists_everyone_with_stars() {
    let folder = tempfile::tempdir().expect("tempdir");
    let store = Store::open_read_only(&demo(folder.path())).expect("open");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let font = Font::bundled();
    let progress = secretary_studio::work::Progress::new();
    let ledger = secretary_studio::print::problem_ledger(
        &store,
        Lang::Zh,
        font,
        (
            None,
            secretary_studio::domain::problem::ProblemFilter::default(),
        ),
        today,
        &progress,
    )
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
    let text = extract_text(&path);
    assert!(text.contains("红榜"));
    // The period in words, as on screen and in the report (it used to say 2026-Q3).
    assert!(text.contains("2026年第三季度比拼排名及表彰名单"), "{text}");
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
    let db = demo(folder.path());
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
        // One window at a time: each opens the file when the last has closed it.
        let store = Store::open(&db).expect("open");
        let mut harness = common::harness(store, screen);
        harness
            .state_mut()
            .print_into(folder.path().join("printouts"));
        harness.get_by_label(button).click();
        common::wait_for_work(&mut harness);
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

#[test]
fn the_year_report_counts_what_the_store_holds_and_draws_its_charts() {
    let folder = tempfile::tempdir().expect("tempdir");
    let store = Store::open_read_only(&demo(folder.path())).expect("open");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let year = secretary_studio::domain::period::Period::parse("2026").expect("period");
    let progress = secretary_studio::work::Progress::new();
    let font = Font::bundled();
    let report =
        secretary_studio::print::period_report(&store, Lang::Zh, font, year, today, &progress)
            .expect("laid out");
    let texts = report.texts();
    for text in &texts {
        assert!(text.chars().all(|c| font.covers(c)), "no glyph in: {text}");
    }
    // Counted independently of the report: every session of 2026 and every mark at them.
    let sessions: Vec<_> = store
        .sessions()
        .expect("sessions")
        .into_iter()
        .filter(|s| year.contains(s.fields.held_on))
        .collect();
    let expected: i64 = sessions.iter().map(|s| s.expected).sum();
    let attended: i64 = sessions.iter().map(|s| s.attended).sum();
    let all = texts.concat();
    assert!(
        all.contains(&format!("本期共开展活动 {} 场", sessions.len())),
        "{all}"
    );
    assert!(all.contains(&format!("应到 {expected} 人次，实到 {attended} 人次")));
    for heading in [
        "一、总体情况",
        "二、活动开展情况",
        "三、出勤情况",
        "四、发展难题",
        "五、结对帮扶",
        "六、积分排行",
        "七、比拼排名与星级",
    ] {
        assert!(texts.contains(&heading), "{heading}");
    }
    for caption in ["图1　各月活动场次", "图2　各片区出勤率", "图3　积分前十名"]
    {
        assert!(texts.contains(&caption), "{caption}");
    }
    assert!(
        report.bar_count() >= 12 + 3,
        "a column per month and a bar per area"
    );
    // Everyone in office is ranked, with stars.
    for entry in store.roster().expect("roster") {
        assert!(
            texts.contains(&entry.fields.name.as_str()),
            "{}",
            entry.fields.name
        );
    }
    assert!(texts.iter().any(|t| t.starts_with('★')));
    assert!(all.contains("星级评定：★"), "the stars counted");
    let bytes = report.finish(page_label(Lang::Zh)).expect("pdf");
    let path = folder.path().join("报告.pdf");
    std::fs::write(&path, bytes).expect("write");
    let text = extract_text(&path);
    assert!(text.contains("2026年工作情况报告"), "{text}");
    assert!(text.contains("各片区出勤率"));
}

#[test]
fn a_cancelled_report_writes_nothing_and_a_quarter_names_itself() {
    let folder = tempfile::tempdir().expect("tempdir");
    let store = Store::open_read_only(&demo(folder.path())).expect("open");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let q3 = secretary_studio::domain::period::Period::parse("2026-Q3").expect("period");
    let target = folder.path().join("报告.pdf");
    let progress = secretary_studio::work::Progress::new();
    progress.cancel();
    let result = secretary_studio::print::print_ledger(
        &store,
        secretary_studio::print::LedgerPrintout::Report(q3),
        Lang::Zh,
        today,
        &target,
        &progress,
    );
    assert_eq!(result, Err(secretary_studio::work::WorkError::Cancelled));
    assert!(!target.exists());
    let names: Vec<String> = std::fs::read_dir(folder.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| n.starts_with("demo.db")),
        "no partial file: {names:?}"
    );
    let pages = secretary_studio::print::print_ledger(
        &store,
        secretary_studio::print::LedgerPrintout::Report(q3),
        Lang::En,
        today,
        &target,
        &secretary_studio::work::Progress::new(),
    )
    .expect("printed");
    assert!(pages >= 2);
    let text = extract_text(&target);
    assert!(text.contains("Q3 2026 report"), "{text}");
    assert!(text.contains("Sessions per month"));
}

#[test]
fn the_report_from_the_command_line_needs_a_real_period() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = demo(folder.path()).display().to_string();
    let target = folder.path().join("报告.pdf");
    let target_arg = target.display().to_string();
    for (args, says) in [
        (
            vec!["print", "report", "-o", &target_arg, "--db", &db],
            "--period",
        ),
        (
            vec![
                "print",
                "report",
                "--period",
                "2026",
                "-o",
                "报告.txt",
                "--db",
                &db,
            ],
            "须以 .pdf 或 .docx 结尾",
        ),
        (vec!["print", "report", "--period"], "--period 后面缺少取值"),
        (
            vec![
                "print",
                "report",
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
        "report",
        "--period",
        "2026-H2",
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
    assert!(extract_text(&target).contains("2026年下半年工作情况报告"));
}

#[test]
fn compare_prints_the_period_report_and_saves_it_where_asked() {
    use egui_kittest::kittest::Queryable;
    let folder = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&demo(folder.path())).expect("open");
    let mut harness = common::harness(store, secretary_studio::ui::Screen::Compare);
    harness
        .state_mut()
        .print_into(folder.path().join("printouts"));
    harness.get_by_label("打印工作报告").click();
    common::wait_for_work(&mut harness);
    let printed = harness.state().last_printed().expect("printed").to_owned();
    assert!(printed.starts_with(folder.path().join("printouts")));
    assert!(
        extract_text(&printed).contains("2026年第四季度工作情况报告"),
        "the screen's period"
    );

    harness.get_by_label("另存为 PDF…").click();
    harness.run();
    harness.get_by_label("2026年第四季度工作情况报告").click();
    harness.run();
    let chosen = folder.path().join("给镇党委的报告");
    common::type_into(&mut harness, "文件路径", &chosen.display().to_string());
    harness.get_by_label("保存").click();
    common::wait_for_work(&mut harness);
    let saved = folder.path().join("给镇党委的报告.pdf");
    assert!(std::fs::read(&saved).expect("saved").starts_with(b"%PDF"));
    assert!(
        harness.state().status().contains("已保存 PDF"),
        "{}",
        harness.state().status()
    );
    assert!(
        harness.query_by_label("保存").is_none(),
        "the dialog closed"
    );

    // A folder typed: the file goes into it under the suggested name.
    harness.get_by_label("另存为 PDF…").click();
    harness.run();
    harness
        .get_by_label("2026年第四季度比拼排名及表彰名单")
        .click();
    harness.run();
    let into = folder.path().join("交镇党委");
    std::fs::create_dir(&into).expect("folder");
    common::type_into(&mut harness, "文件路径", &into.display().to_string());
    harness.key_press(egui::Key::Enter);
    common::wait_for_work(&mut harness);
    assert!(
        into.join("2026年第四季度比拼排名及表彰名单.pdf").is_file(),
        "Enter saves, into the folder typed"
    );

    // A folder that is not there: said while typing, and Save waits for a real one.
    harness.get_by_label("另存为 PDF…").click();
    harness.run();
    harness
        .get_by_label("2026年第四季度比拼排名及表彰名单")
        .click();
    harness.run();
    let gone = folder.path().join("没有这个文件夹").join("排名.pdf");
    common::type_into(&mut harness, "文件路径", &gone.display().to_string());
    harness.get_by_label("文件夹不存在（U 盘是否已拔出？）");
    harness.get_by_label("保存").click();
    common::wait_for_work(&mut harness);
    assert!(!gone.exists());
    assert!(!gone.parent().expect("parent").exists());
    harness.get_by_label("取消").click();
    harness.run();

    // Printing again never replaces the earlier printout.
    harness.get_by_label("打印工作报告").click();
    common::wait_for_work(&mut harness);
    let again = harness.state().last_printed().expect("printed").to_owned();
    assert_ne!(again, printed);
    assert!(printed.is_file() && again.is_file());
    assert!(
        again.display().to_string().ends_with("报告 (2).pdf"),
        "{}",
        again.display()
    );
}

#[test]
fn the_printed_problem_ledger_holds_what_the_list_shows() {
    use secretary_studio::domain::problem::{ProblemFilter, ProblemState};
    let folder = tempfile::tempdir().expect("tempdir");
    let store = Store::open_read_only(&demo(folder.path())).expect("open");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let filter = ProblemFilter {
        state: Some(ProblemState::Resolved),
        ..ProblemFilter::default()
    };
    let progress = secretary_studio::work::Progress::new();
    let ledger = secretary_studio::print::problem_ledger(
        &store,
        Lang::Zh,
        Font::bundled(),
        (None, filter),
        today,
        &progress,
    )
    .expect("laid out");
    let texts = ledger.texts();
    assert!(
        texts.iter().any(|t| t.starts_with("筛选：已解决")),
        "{texts:?}"
    );
    let problems = store.problems().expect("problems");
    let resolved = problems
        .iter()
        .filter(|p| p.state == ProblemState::Resolved)
        .count();
    assert!(resolved > 0 && resolved < problems.len());
    let all = texts.concat();
    assert!(
        all.contains(&format!(
            "共 {resolved} 件，已解决 {resolved} 件，未解决 0 件"
        )),
        "{all}"
    );
    for p in &problems {
        let first: String = p.fields.title.chars().take(6).collect();
        if p.state != ProblemState::Resolved
            && !problems
                .iter()
                .any(|q| q.state == ProblemState::Resolved && q.fields.title.starts_with(&first))
        {
            assert!(
                !texts.iter().any(|t| t.starts_with(&first)),
                "{first} is not resolved"
            );
        }
    }
}

#[test]
fn incentivise_prints_the_report_of_its_period() {
    use egui_kittest::kittest::Queryable;
    let folder = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&demo(folder.path())).expect("open");
    let mut harness = common::harness(store, secretary_studio::ui::Screen::Incentivise);
    harness
        .state_mut()
        .print_into(folder.path().join("printouts"));
    // The whole year, picked in words.
    harness.get_by_label("时段").click();
    harness.run();
    harness.get_by_label("全年").click();
    harness.run();
    harness.get_by_label("打印工作报告").click();
    common::wait_for_work(&mut harness);
    let printed = harness.state().last_printed().expect("printed").to_owned();
    let text = extract_text(&printed);
    assert!(
        text.contains("2026年工作情况报告"),
        "the year shown: {text}"
    );
    assert!(text.contains("积分前十名"));
    assert!(harness.state().status().contains("已生成"));
}

#[test]
fn the_problem_ledger_lies_on_a4_landscape_in_the_lists_order_with_branch_and_date() {
    use egui_kittest::kittest::Queryable;
    let folder = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&demo(folder.path())).expect("open");
    let mut harness = common::harness(store, secretary_studio::ui::Screen::Problems);
    harness
        .state_mut()
        .print_into(folder.path().join("printouts"));
    harness.get_by_label("打印台账").click();
    common::wait_for_work(&mut harness);
    let printed = harness.state().last_printed().expect("printed").to_owned();
    let info = Command::new("pdfinfo")
        .arg(&printed)
        .output()
        .expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("841.89 x 595.28"), "landscape: {info}");
    let text = extract_text(&printed);
    for column in ["所在党支部", "提出日期", "完成时限"] {
        assert!(text.contains(column), "{column}: {text}");
    }
    // The rows in the order the list shows them (newest first).
    let shown = harness.state().problem_titles();
    let mut at = 0;
    for title in &shown {
        let start: String = title.chars().take(6).collect();
        let found = text[at..]
            .find(&start)
            .unwrap_or_else(|| panic!("{title} after the one before it: {shown:?}"));
        at += found + start.len();
    }
    let first = harness.state().store().problems().expect("problems")[0].clone();
    assert!(
        text.contains(&first.fields.raised_on.to_string()),
        "its date"
    );
}
