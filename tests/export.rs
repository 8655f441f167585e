//! Exporting every ledger to Excel and CSV, read back with calamine and compared with the
//! store; and the command line's export with bad input leaving no file behind.

use calamine::{Data, Reader, Xlsx, open_workbook};
use secretary_studio::domain::period::Period;
use secretary_studio::export::Ledger;
use secretary_studio::i18n::Lang;
use secretary_studio::store::Store;
use std::path::Path;
use std::process::Command;

/// Exports as the app and the command line do (nothing cancels it here).
fn export(
    store: &Store,
    ledger: Ledger,
    lang: Lang,
    period: Option<Period>,
    today: chrono::NaiveDate,
    path: &Path,
) -> Result<usize, String> {
    secretary_studio::export::export(
        store,
        ledger,
        lang,
        period,
        today,
        path,
        &secretary_studio::work::Progress::new(),
    )
    .map_err(|e| lang.work_error(e))
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
}

fn demo(folder: &Path) -> std::path::PathBuf {
    let path = folder.join("demo.db");
    Store::create_with(&path, "演示", "古城镇", |store| {
        secretary_studio::demo::seed_all(store, today())
    })
    .expect("demo");
    path
}

fn sheet(path: &Path, index: usize) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> = open_workbook(path).expect("open xlsx");
    let names = workbook.sheet_names();
    let range = workbook.worksheet_range(&names[index]).expect("worksheet");
    range.rows().map(<[Data]>::to_vec).collect()
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn every_ledger_reads_back_from_xlsx_as_the_store_holds_it() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = demo(folder.path());
    let store = Store::open_read_only(&db).expect("open");
    let bytes_before = std::fs::read(&db).expect("read");

    // Roster: Chinese headers, one row per secretary, names as typed.
    let path = folder.path().join("花名册.xlsx");
    let rows = export(&store, Ledger::Roster, Lang::Zh, None, today(), &path).expect("roster");
    let roster = store.roster().expect("roster");
    assert_eq!(rows, roster.len());
    let grid = sheet(&path, 0);
    assert_eq!(text(&grid[0][0]), "姓名");
    assert_eq!(grid.len(), roster.len() + 1);
    let names: Vec<String> = grid[1..].iter().map(|r| text(&r[0])).collect();
    assert!(roster.iter().all(|e| names.contains(&e.fields.name)));

    // Sessions of 2026-Q3: dates are dates, counts are numbers.
    let q3 = Period::parse("2026-Q3").expect("period");
    let path = folder.path().join("活动.xlsx");
    export(&store, Ledger::Sessions, Lang::Zh, Some(q3), today(), &path).expect("sessions");
    let held: Vec<_> = store
        .sessions()
        .expect("sessions")
        .into_iter()
        .filter(|s| q3.contains(s.fields.held_on))
        .collect();
    let grid = sheet(&path, 0);
    assert_eq!(grid.len(), held.len() + 1);
    assert!(matches!(grid[1][0], Data::DateTime(_)), "{:?}", grid[1][0]);
    assert!(
        matches!(grid[1][10], Data::Float(_)),
        "应到 is a number: {:?}",
        grid[1][10]
    );
    let expected: f64 = grid[1..]
        .iter()
        .map(|r| match r[10] {
            Data::Float(v) => v,
            _ => 0.0,
        })
        .sum();
    assert_eq!(
        expected as i64,
        held.iter().map(|s| s.expected).sum::<i64>()
    );

    // Attendance matrix: a secretary per row, a session per column, marks as in the store.
    let path = folder.path().join("出勤表.xlsx");
    export(
        &store,
        Ledger::Attendance,
        Lang::Zh,
        Some(q3),
        today(),
        &path,
    )
    .expect("attendance");
    let grid = sheet(&path, 0);
    assert_eq!(grid[0].len(), 5 + held.len());
    let marks = store.attendance_marks(Some(q3)).expect("marks");
    let present = marks
        .iter()
        .filter(|(_, _, s)| *s == secretary_studio::domain::session::AttendanceStatus::Present)
        .count();
    let ticks = grid[1..]
        .iter()
        .flat_map(|r| r[5..].iter())
        .filter(|c| text(c) == "√")
        .count();
    assert_eq!(ticks, present);

    // Problems with their history on a second sheet.
    let path = folder.path().join("难题.xlsx");
    export(&store, Ledger::Problems, Lang::Zh, None, today(), &path).expect("problems");
    let problems = store.problems().expect("problems");
    assert_eq!(sheet(&path, 0).len(), problems.len() + 1);
    let events: usize = problems
        .iter()
        .map(|p| store.problem_history(p.id).expect("history").len())
        .sum();
    assert_eq!(sheet(&path, 1).len(), events + 1);

    // Points: the total of the sheet is the total of the ledger.
    let year = Period::parse("2026").expect("period");
    let path = folder.path().join("积分.xlsx");
    export(&store, Ledger::Points, Lang::Zh, Some(year), today(), &path).expect("points");
    let lines = store.points_ledger(Some(year)).expect("ledger");
    let sum: f64 = sheet(&path, 0)[1..]
        .iter()
        .map(|r| match r[2] {
            Data::Float(v) => v,
            _ => 0.0,
        })
        .sum();
    assert_eq!(sum as i64, lines.iter().map(|l| l.points).sum::<i64>());

    // Assessments: ranks and totals as the compare screen computes them.
    let path = folder.path().join("考评.xlsx");
    export(
        &store,
        Ledger::Assessments,
        Lang::Zh,
        Some(q3),
        today(),
        &path,
    )
    .expect("assessments");
    let assessed = store.assessments(q3).expect("assessments");
    let grid = sheet(&path, 0);
    assert_eq!(grid.len(), assessed.len() + 1);
    assert_eq!(text(&grid[0][0]), "名次");
    let total_column = grid[0].len() - 2;
    assert_eq!(
        grid[1][total_column],
        Data::Float(assessed[0].total),
        "the best total first"
    );

    assert_eq!(
        std::fs::read(&db).expect("read"),
        bytes_before,
        "exporting changes nothing in the studio file"
    );
}

#[test]
fn csv_is_utf8_with_a_byte_order_mark_and_english_headers_in_english() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = demo(folder.path());
    let store = Store::open_read_only(&db).expect("open");
    let path = folder.path().join("roster.csv");
    export(&store, Ledger::Roster, Lang::En, None, today(), &path).expect("csv");
    let bytes = std::fs::read(&path).expect("read");
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(bytes).expect("utf-8");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(reader.headers().expect("headers").get(0), Some("Name"));
    assert_eq!(reader.records().count(), 20);
    assert!(text.contains("王建国"));
}

fn studio(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_secretary-studio"))
        .args(args)
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .expect("run")
}

#[test]
fn the_command_line_exports_and_refuses_bad_input_without_leaving_a_file() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = demo(folder.path());
    let db = db.display().to_string();
    let good = folder.path().join("problems.xlsx");
    let out = studio(&[
        "export",
        "problems",
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
    assert!(String::from_utf8_lossy(&out.stdout).contains("已导出"));
    assert!(good.is_file());

    let target = folder.path().join("x.xlsx");
    let target_arg = target.display().to_string();
    for (args, says) in [
        (
            vec!["export", "ledgers", "-o", &target_arg, "--db", &db],
            "没有这个台账",
        ),
        (
            vec![
                "export",
                "sessions",
                "-o",
                &target_arg,
                "--db",
                &db,
                "--period",
                "2021-Q5",
            ],
            "2021-Q5",
        ),
        (vec!["export", "sessions", "--db", &db], "-o"),
    ] {
        let out = studio(&args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(!target.exists());
    }
    let gone = folder.path().join("no-such-folder").join("a.xlsx");
    let out = studio(&[
        "export",
        "roster",
        "-o",
        &gone.display().to_string(),
        "--db",
        &db,
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("文件夹不存在"));
    let pdf = folder.path().join("a.pdf");
    let out = studio(&[
        "export",
        "roster",
        "-o",
        &pdf.display().to_string(),
        "--db",
        &db,
    ]);
    assert!(!out.status.success());
    assert!(!pdf.exists());
    // Nothing half-written anywhere in the folder.
    let partial = std::fs::read_dir(folder.path())
        .expect("dir")
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().ends_with(".partial"));
    assert!(!partial);
}
