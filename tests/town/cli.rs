//! The town's records on the command line, run as a separate process on the demo studio: the
//! `due` list (overdue first, in Chinese and English, and said so when empty), printing a base,
//! the bases, the duties, the tasks, a decision and the register (a name that matches nothing
//! refused with exit code non-zero and no file written), and exporting the three ledgers to
//! Excel with their Chinese text.

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::Datelike;
use std::path::Path;
use std::process::{Command, Output};

fn run(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_secretary-studio"))
        .args(args)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run the binary")
}

fn studio(args: &[&str]) -> Output {
    run("zh_CN.UTF-8", args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The demo studio as `demo --db` writes it (dated from the real today).
fn demo(folder: &Path) -> String {
    let db = folder.join("demo.db").display().to_string();
    let out = studio(&["demo", "--db", &db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    db
}

fn year() -> String {
    chrono::Local::now().year().to_string()
}

#[test]
fn due_lists_what_is_due_overdue_first_in_either_language() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = demo(folder.path());
    let out = studio(&["due", "--db", &db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = text(&out.stdout);
    let lines: Vec<&str> = list.lines().collect();
    assert!(lines.len() >= 5, "{list}");
    for line in &lines {
        let day = line.get(..10).unwrap_or_default();
        assert!(
            chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok(),
            "each line starts with its day: {line}"
        );
    }
    let overdue: Vec<bool> = lines.iter().map(|l| l.contains("  逾期  ")).collect();
    assert!(overdue.first() == Some(&true), "{list}");
    assert!(
        overdue.windows(2).all(|w| w[0] || !w[1]),
        "overdue first:\n{list}"
    );
    for kind in ["任务时限", "基地节点", "四议两公开"] {
        assert!(list.contains(kind), "{kind}:\n{list}");
    }
    assert!(
        lines
            .iter()
            .any(|l| l.contains("冷库建成投用") && l.contains("（古城食用菌产业示范基地）")),
        "{list}"
    );
    // Fewer days ahead, fewer lines; the overdue stay.
    let none_ahead = text(&studio(&["due", "--days", "0", "--db", &db]).stdout);
    assert!(none_ahead.lines().count() < lines.len());
    assert!(
        none_ahead
            .lines()
            .all(|l| l.contains("逾期") || l.contains("今天"))
    );

    let english = run("en_US.UTF-8", &["due", "--db", &db]);
    assert!(english.status.success());
    let english = text(&english.stdout);
    assert!(english.contains("  overdue  Task deadline  "), "{english}");

    let bad = studio(&["due", "--days", "两周", "--db", &db]);
    assert_eq!(bad.status.code(), Some(2));
    let why = text(&bad.stderr);
    assert!(why.contains("--days"), "{why}");
    assert_eq!(why.lines().count(), 1);
    assert!(!studio(&["due"]).status.success(), "--db is required");

    let empty = folder.path().join("empty.db").display().to_string();
    assert!(studio(&["new", &empty]).status.success());
    let out = studio(&["due", "--db", &empty]);
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains("没有逾期的事项"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn print_writes_the_towns_documents_and_refuses_unknown_names_writing_nothing() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = demo(folder.path());
    let year = year();
    let out_path = |name: &str| folder.path().join(name).display().to_string();
    let good: [(&[&str], &str); 9] = [
        (&["print", "bases", "--year", &year], "bases.pdf"),
        (&["print", "base", "--name", "食用菌"], "base.pdf"),
        (&["print", "base", "天麻种植基地"], "base2.docx"),
        (&["print", "duties"], "duties.pdf"),
        (&["print", "tasks", "--period", &year], "tasks.pdf"),
        (&["print", "decisions", "--period", &year], "decisions.pdf"),
        (
            &["print", "decision", "--title", "通组道路"],
            "decision.pdf",
        ),
        (
            &["print", "decision", "--title", "光伏电站"],
            "decision2.docx",
        ),
        (
            &["print", "tasks", "--period", &format!("{year}-Q4")],
            "q4.docx",
        ),
    ];
    for (args, name) in good {
        let output = out_path(name);
        let mut all = args.to_vec();
        all.extend(["-o", &output, "--db", &db]);
        let out = studio(&all);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let bytes = std::fs::read(&output).expect("written");
        if Path::new(name).extension().is_some_and(|e| e == "pdf") {
            assert!(bytes.starts_with(b"%PDF"), "{name}");
            assert!(text(&out.stdout).contains("页"), "{}", text(&out.stdout));
        } else {
            assert!(bytes.starts_with(b"PK"), "{name}");
        }
    }
    // A decision by its number: the first of the register's.
    let number = {
        let store = secretary_studio::store::Store::open_read_only(Path::new(&db)).expect("open");
        store.decisions().expect("decisions")[0].id.0.to_string()
    };
    let output = out_path("by-number.pdf");
    let out = studio(&[
        "print", "decision", "--id", &number, "-o", &output, "--db", &db,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let refused: [(&[&str], &str); 7] = [
        (
            &["print", "base", "--name", "猕猴桃"],
            "古城食用菌产业示范基地",
        ),
        (&["print", "base", "--name", "基地"], "现有"),
        (&["print", "base", "--name", "9999"], "天麻种植基地"),
        (&["print", "decision", "--id", "99999"], "通组道路"),
        (&["print", "decision", "--title", "修建广场"], "现有"),
        (&["print", "decision"], "--id"),
        (&["print", "tasks"], "--period"),
    ];
    for (args, says) in refused {
        let output = out_path("refused.pdf");
        let mut all = args.to_vec();
        all.extend(["-o", &output, "--db", &db]);
        let out = studio(&all);
        assert!(!out.status.success(), "{args:?}");
        let why = text(&out.stderr);
        assert_eq!(why.lines().count(), 1, "{args:?}: {why}");
        assert!(why.contains(says), "{args:?}: {why}");
        assert!(!Path::new(&output).exists(), "{args:?} wrote a file");
    }
    let usage = text(&studio(&["print", "nothing", "-o", "x.pdf", "--db", &db]).stderr);
    assert!(
        usage.contains("print bases --year") && usage.contains("print decision --id"),
        "{usage}"
    );
    let help = text(&studio(&["--help"]).stdout);
    assert!(help.contains("due [--days 14]") && help.contains("print duties"));
}

fn sheets(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut workbook: Xlsx<_> = open_workbook(path).expect("open xlsx");
    workbook
        .sheet_names()
        .into_iter()
        .map(|name| {
            let range = workbook.worksheet_range(&name).expect("worksheet");
            let rows = range
                .rows()
                .map(|row| {
                    row.iter()
                        .map(|cell| match cell {
                            Data::String(s) => s.clone(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

#[test]
fn the_bases_tasks_and_decisions_export_to_excel_in_chinese() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = demo(folder.path());
    let export = |ledger: &str, period: Option<&str>| {
        let output = folder.path().join(format!("{ledger}.xlsx"));
        let output_arg = output.display().to_string();
        let mut args = vec!["export", ledger, "-o", &output_arg, "--db", &db];
        if let Some(period) = period {
            args.extend(["--period", period]);
        }
        let out = studio(&args);
        assert!(out.status.success(), "{ledger}: {}", text(&out.stderr));
        sheets(&output)
    };

    let bases = export("bases", None);
    let names: Vec<&str> = bases.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["产业基地", "基地历年数据", "基地建设节点"]);
    let (_, list) = &bases[0];
    assert_eq!(list[0][0], "基地名称");
    assert!(
        list.iter().any(|r| r[0] == "古城食用菌产业示范基地"
            && r[2] == "东坪村党支部"
            && r[4] == "王建国")
    );
    assert!(list.iter().any(|r| r.contains(&"已归档".to_owned())));
    let (_, figures) = &bases[1];
    let mushrooms = figures
        .iter()
        .filter(|r| r[0] == "古城食用菌产业示范基地")
        .count();
    assert_eq!(mushrooms, 3, "a row per base and year");
    let (_, milestones) = &bases[2];
    assert!(
        milestones
            .iter()
            .any(|r| r[1] == "冷库建成投用" && r[4] == "逾期")
    );

    // All of them: a period's would depend on the day the test runs.
    let tasks = export("tasks", None);
    let (sheet, rows) = &tasks[0];
    assert_eq!(sheet, "任务清单");
    assert_eq!(rows.len(), 31, "header and thirty tasks");
    let states: Vec<&str> = rows.iter().map(|r| r[7].as_str()).collect();
    for state in ["逾期", "逾期完成", "已完成", "进行中", "未开始"] {
        assert!(states.contains(&state), "{state}: {states:?}");
    }
    assert!(rows.iter().any(|r| r[0] == "完成食用菌基地冷库主体建设"
        && r[2] == "王志刚"
        && r[4] == "古城食用菌产业示范基地"
        && r[9].contains("制冷设备")));
    assert!(tasks[1].1.len() > 20, "the progress notes");

    let decisions = export("decisions", None);
    let this_year = export("decisions", Some(&year()));
    assert!(this_year[0].1.len() > 1, "a period's decisions");
    let (sheet, rows) = &decisions[0];
    assert_eq!(sheet, "四议两公开");
    assert_eq!(rows[0][3], "党支部提议日期");
    assert_eq!(rows.len(), 13, "header and twelve decisions");
    let resolved = rows
        .iter()
        .find(|r| r[1].starts_with("通组道路硬化"))
        .expect("the road decision");
    assert_eq!(resolved[0], "石门村党支部");
    assert!(
        resolved.last().is_some_and(|s| s.contains("第4步")),
        "{resolved:?}"
    );
    assert!(
        rows.iter()
            .filter(|r| r.last().is_some_and(|s| s == "六步完成"))
            .count()
            >= 3
    );
}
