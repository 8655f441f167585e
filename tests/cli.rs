//! The command line, run as a separate process: demo, check, roster, import; every failure
//! exits non-zero with one line on stderr and changes no file.

mod common;

use chrono::Datelike;
use std::path::Path;
use std::process::{Command, Output};

fn studio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_secretary-studio"))
        .args(args)
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .expect("run the binary")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn demo_check_roster_and_import_round_trip() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = folder.path().join("demo.db");
    let db_arg = db.display().to_string();
    let out = studio(&["demo", "--db", &db_arg]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let again = studio(&["demo", "--db", &db_arg]);
    assert!(!again.status.success(), "demo refuses to overwrite");
    assert_eq!(text(&again.stderr).lines().count(), 1);

    let check = studio(&["check", &db_arg]);
    assert!(check.status.success(), "{}", text(&check.stderr));
    let report = text(&check.stdout);
    assert!(report.contains("完整性: ok"), "{report}");
    assert!(
        report
            .lines()
            .any(|l| l.starts_with("书记") && l.contains("20 条有效")),
        "{report}"
    );

    let roster = studio(&["roster", "--db", &db_arg]);
    assert!(roster.status.success());
    let csv = text(&roster.stdout);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .is_some_and(|h| h.starts_with("\u{feff}姓名,性别,出生年月")),
        "{csv}"
    );
    assert_eq!(lines.count(), 20);
    assert!(csv.contains("罗䶮"));

    let before = std::fs::read(&db).expect("read");
    let dry = studio(&[
        "import-roster",
        &fixture("roster-english.xlsx"),
        "--db",
        &db_arg,
        "--dry-run",
    ]);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    assert!(
        text(&dry.stdout).contains("将新增: 2"),
        "{}",
        text(&dry.stdout)
    );
    assert!(
        text(&dry.stdout).contains("Bad Phone"),
        "rejections are listed"
    );
    assert_eq!(
        std::fs::read(&db).expect("read"),
        before,
        "a dry run writes nothing"
    );

    let real = studio(&[
        "import-roster",
        &fixture("roster-english.xlsx"),
        "--db",
        &db_arg,
    ]);
    assert!(real.status.success(), "{}", text(&real.stderr));
    let roster = text(&studio(&["roster", "--db", &db_arg]).stdout);
    assert_eq!(roster.lines().count(), 23);
    assert!(roster.contains("刘𠮷"));
}

#[test]
fn failures_say_one_line_and_change_no_file() {
    let folder = tempfile::tempdir().expect("tempdir");
    let photo = folder.path().join("photo.db");
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.resize(2048, 1);
    std::fs::write(&photo, &png).expect("write");
    let photo_arg = photo.display().to_string();
    for args in [
        vec!["check", photo_arg.as_str()],
        vec!["roster", "--db", photo_arg.as_str()],
        vec![
            "import-roster",
            &fixture("roster-utf8-bom.csv"),
            "--db",
            photo_arg.as_str(),
        ],
    ] {
        let out = studio(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("photo.db") && stderr.contains("PNG"),
            "{stderr}"
        );
        assert_eq!(std::fs::read(&photo).expect("read"), png);
    }
    let usage = studio(&["frobnicate"]);
    assert_eq!(usage.status.code(), Some(2));
    assert_eq!(text(&usage.stderr).lines().count(), 1);

    let db = folder.path().join("s.db");
    assert!(
        studio(&["demo", "--db", &db.display().to_string()])
            .status
            .success()
    );
    let before = std::fs::read(&db).expect("read");
    let bad_sheet = folder.path().join("notes.csv");
    std::fs::write(&bad_sheet, "随便写写\n").expect("write");
    let out = studio(&[
        "import-roster",
        &bad_sheet.display().to_string(),
        "--db",
        &db.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("姓名"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&db).expect("read"), before);
}

#[test]
fn merge_previews_backs_up_merges_and_refuses_a_stranger_file() {
    let folder = tempfile::tempdir().expect("tempdir");
    let theirs = folder.path().join("西片区.db");
    let theirs_arg = theirs.display().to_string();
    assert!(studio(&["demo", "--db", &theirs_arg]).status.success());
    let ours = folder.path().join("ours.db");
    secretary_studio::store::Store::create(&ours, "古城镇书记工作室", "古城镇").expect("ours");
    let ours_arg = ours.display().to_string();
    let before = std::fs::read(&ours).expect("read");

    let dry = studio(&["merge", &theirs_arg, "--db", &ours_arg, "--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    let said = text(&dry.stdout);
    assert!(said.contains("书记") && said.contains("新增"), "{said}");
    assert!(said.contains("预览，未写入"));
    assert_eq!(
        std::fs::read(&ours).expect("read"),
        before,
        "a dry run writes nothing"
    );

    let merged = studio(&["merge", &theirs_arg, "--db", &ours_arg]);
    assert!(merged.status.success(), "{}", text(&merged.stderr));
    let said = text(&merged.stdout);
    assert!(said.contains("已合并"), "{said}");
    let backups: Vec<_> = std::fs::read_dir(folder.path().join("ours-备份"))
        .expect("a backup folder")
        .collect();
    assert_eq!(backups.len(), 1, "one backup before the merge");
    let roster = studio(&["roster", "--db", &ours_arg]);
    assert!(
        text(&roster.stdout).lines().count() > 10,
        "the roster came in"
    );

    let again = studio(&["merge", &theirs_arg, "--db", &ours_arg]);
    assert!(text(&again.stdout).contains("没有需要合并的改动"));

    // A studio started on its own elsewhere: said, and merged only when asked for.
    let other = folder.path().join("另一个工作室.db");
    let other_arg = other.display().to_string();
    assert!(studio(&["demo", "--db", &other_arg]).status.success());
    let before = std::fs::read(&ours).expect("read");
    let refused = studio(&["merge", &other_arg, "--db", &ours_arg]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stdout).contains("属于另一个工作室"));
    assert!(text(&refused.stderr).contains("--other-studio"));
    assert_eq!(std::fs::read(&ours).expect("read"), before, "not merged");
    let merged = studio(&["merge", &other_arg, "--db", &ours_arg, "--other-studio"]);
    assert!(merged.status.success(), "{}", text(&merged.stderr));
    assert!(
        text(&merged.stdout).contains("项待核对"),
        "the same people are offered for linking: {}",
        text(&merged.stdout)
    );

    let photo = folder.path().join("照片.db");
    std::fs::write(&photo, b"\xff\xd8\xff\xe0JFIF not a database").expect("write");
    let before = std::fs::read(&ours).expect("read");
    let refused = studio(&["merge", &photo.display().to_string(), "--db", &ours_arg]);
    assert!(!refused.status.success());
    let message = text(&refused.stderr);
    assert!(message.contains("你的文件未被改动"), "{message}");
    assert_eq!(message.lines().count(), 1);
    assert_eq!(std::fs::read(&ours).expect("read"), before);
}

/// Runs the binary with `input` on standard input.
fn studio_with_input(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_secretary-studio"))
        .args(args)
        .env("LANG", "zh_CN.UTF-8")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run the binary");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    child.wait_with_output().expect("wait")
}

#[test]
fn share_and_merge_with_a_passphrase_from_standard_input() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = folder.path().join("demo.db");
    let db_arg = db.display().to_string();
    assert!(studio(&["demo", "--db", &db_arg]).status.success());
    let share = folder.path().join("加密.db");
    let share_arg = share.display().to_string();
    let shared = studio_with_input(
        &["share", "-o", &share_arg, "--db", &db_arg, "--passphrase"],
        "东坪村2026\n",
    );
    assert!(shared.status.success(), "{}", text(&shared.stderr));

    let ours = folder.path().join("ours.db");
    secretary_studio::store::Store::create(&ours, "古城镇书记工作室", "古城镇").expect("ours");
    let ours_arg = ours.display().to_string();
    let before = std::fs::read(&ours).expect("read");
    let asked = studio(&["merge", &share_arg, "--db", &ours_arg]);
    assert_eq!(asked.status.code(), Some(1));
    assert!(
        text(&asked.stderr).contains("设了口令"),
        "{}",
        text(&asked.stderr)
    );
    let wrong = studio_with_input(
        &["merge", &share_arg, "--db", &ours_arg, "--passphrase"],
        "错的\n",
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        text(&wrong.stderr).contains("口令不对"),
        "{}",
        text(&wrong.stderr)
    );
    assert_eq!(
        std::fs::read(&ours).expect("read"),
        before,
        "nothing changed"
    );
    let merged = studio_with_input(
        &["merge", &share_arg, "--db", &ours_arg, "--passphrase"],
        "东坪村2026\n",
    );
    assert!(merged.status.success(), "{}", text(&merged.stderr));
    assert!(text(&merged.stdout).contains("已合并"));
}

#[test]
fn new_starts_an_empty_studio_and_never_replaces_a_file() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = folder.path().join("新 工作室").join("古城镇.db");
    std::fs::create_dir(db.parent().expect("folder")).expect("folder");
    let db_arg = db.display().to_string();
    let out = studio(&[
        "new",
        &db_arg,
        "--name",
        "古城镇联村共建书记工作室",
        "--town",
        "古城镇",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("已新建空的工作室"));

    let check = text(&studio(&["check", &db_arg]).stdout);
    assert!(check.contains("完整性: ok"), "{check}");
    assert!(
        check
            .lines()
            .any(|l| l.starts_with("书记") && l.contains(" 0 条有效")),
        "{check}"
    );

    let before = std::fs::read(&db).expect("read");
    let again = studio(&["new", &db_arg]);
    assert!(!again.status.success(), "new refuses to replace a file");
    assert!(
        text(&again.stderr).contains("已有同名文件"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(std::fs::read(&db).expect("read"), before);
}

#[test]
fn importing_into_a_file_that_is_not_there_says_to_start_it_with_new() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = folder.path().join("新工作室.db");
    let db_arg = db.display().to_string();
    let out = studio(&[
        "import-roster",
        &fixture("roster-gbk-title.csv"),
        "--db",
        &db_arg,
    ]);
    assert!(!out.status.success());
    let said = text(&out.stderr);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("不存在"), "{said}");
    assert!(
        said.contains(&format!("secretary-studio new \"{db_arg}\"")),
        "{said}"
    );
    assert!(!db.exists(), "no file is made");
    // Doing as it says, the import goes in.
    let new = studio(&["new", &db_arg]);
    assert!(new.status.success(), "{}", text(&new.stderr));
    let again = studio(&[
        "import-roster",
        &fixture("roster-gbk-title.csv"),
        "--db",
        &db_arg,
    ]);
    assert!(again.status.success(), "{}", text(&again.stderr));
}

#[test]
fn attach_photos_print_word_and_archive_from_the_command_line() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = folder.path().join("s.db");
    let db_arg = db.display().to_string();
    assert!(studio(&["demo", "--db", &db_arg]).status.success());
    let number = {
        let store = secretary_studio::store::Store::open_read_only(&db).expect("open");
        let id = store.sessions().expect("sessions")[0].id;
        store.session_code(id).expect("code").expect("a number")
    };
    // A file that is not a photo, among good ones: all refused, the studio unchanged.
    let fake = folder.path().join("会议记录.jpg");
    std::fs::write(&fake, "这不是照片").expect("fake");
    let photo = fixture("phone-portrait-exif.jpg");
    let before = std::fs::read(&db).expect("read");
    let out = studio(&[
        "attach",
        &number,
        &photo,
        &fake.display().to_string(),
        "--db",
        &db_arg,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("“会议记录.jpg”不是照片"), "{stderr}");
    assert_eq!(std::fs::read(&db).expect("read"), before, "nothing written");
    // The photo alone, with a caption.
    let out = studio(&[
        "attach",
        &number,
        &photo,
        "--caption",
        "入户走访",
        "--db",
        &db_arg,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("已添加 1 个文件"),
        "{}",
        text(&out.stdout)
    );
    // The summary as Word, by its extension.
    let docx = folder.path().join("纪要.docx");
    let out = studio(&[
        "print",
        "summary",
        &number,
        "-o",
        &docx.display().to_string(),
        "--db",
        &db_arg,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bytes = std::fs::read(&docx).expect("docx");
    let words = secretary_studio::report::docx::inspect::text(&bytes);
    assert!(words.contains("入户走访"), "{words}");
    // A .txt is refused.
    let out = studio(&["print", "summary", &number, "-o", "x.txt", "--db", &db_arg]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains(".docx"), "{}", text(&out.stderr));
    // The year's archive.
    let year = &number[..4];
    let out = studio(&[
        "archive",
        "--period",
        year,
        "-o",
        &folder.path().display().to_string(),
        "--db",
        &db_arg,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let archive = std::fs::read_dir(folder.path())
        .expect("folder")
        .filter_map(Result::ok)
        .find(|e| e.path().is_dir() && e.file_name().to_string_lossy().contains("活动档案"))
        .expect("the archive folder");
    assert!(archive.path().join("活动档案索引.xlsx").is_file());
    // A year without sessions: no empty archive.
    let out = studio(&[
        "archive",
        "--period",
        "2001",
        "-o",
        &folder.path().display().to_string(),
        "--db",
        &db_arg,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("没有活动"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn import_people_lists_rows_in_error_and_writes_only_when_told_to_leave_them_out() {
    let folder = tempfile::tempdir().expect("tempdir");
    let db = folder.path().join("百人团.db");
    let db_arg = db.display().to_string();
    assert!(
        studio(&["new", &db_arg, "--town", "古城镇"])
            .status
            .success()
    );
    let sheet = fixture("people-gbk-title.csv");
    let people = || {
        secretary_studio::store::Store::open_read_only(&db)
            .expect("open")
            .people()
            .expect("people")
            .len()
    };

    let dry = studio(&["import-people", &sheet, "--db", &db_arg, "--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    let said = text(&dry.stdout);
    assert!(said.contains("新增人员: 40"), "{said}");
    assert!(said.contains("加入团: 41"), "{said}");
    assert!(said.contains("不能导入: 2"), "{said}");
    assert!(
        said.contains("行号 23 贺长林"),
        "rows in error by line: {said}"
    );
    assert!(said.contains("行号 34 白秀云"), "{said}");
    assert!(said.contains("加入妇女团（团长"), "{said}");
    assert!(said.contains("试运行"), "{said}");
    assert_eq!(people(), 0);

    let refused = studio(&["import-people", &sheet, "--db", &db_arg]);
    assert_eq!(refused.status.code(), Some(1));
    let why = text(&refused.stderr);
    assert_eq!(why.lines().count(), 1, "{why}");
    assert!(why.contains("--skip-errors"), "{why}");
    assert_eq!(people(), 0, "nothing written");

    let done = studio(&["import-people", &sheet, "--db", &db_arg, "--skip-errors"]);
    assert!(done.status.success(), "{}", text(&done.stderr));
    assert!(
        text(&done.stdout).contains("新增人员 40 人，更新 0 人，加入团 41 人次"),
        "{}",
        text(&done.stdout)
    );
    assert_eq!(people(), 40);

    let usage = studio(&["import-people", "--db", &db_arg]);
    assert!(!usage.status.success());
    assert!(
        text(&usage.stderr).contains("import-people"),
        "{}",
        text(&usage.stderr)
    );
}

/// `export members` to CSV, as text.
fn exported_members(folder: &Path, db: &str) -> String {
    let csv = folder.join("members.csv");
    let out = studio(&[
        "export",
        "members",
        "-o",
        &csv.display().to_string(),
        "--db",
        db,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::read_to_string(&csv).expect("csv")
}

#[test]
fn print_letters_numbers_a_groups_members_once_and_the_export_shows_the_numbers() {
    let folder = tempfile::tempdir().expect("tempdir");
    let (db, _) = common::practice::practice_file(folder.path(), "studio.db");
    let db = db.display().to_string();
    let pdf = folder.path().join("聘书.pdf");
    let pdf_arg = pdf.display().to_string();
    let group = "离任村干部村务治理顾问团";
    let letters = |output: &str, group: &str| {
        studio(&[
            "print", "letters", "--group", group, "-o", output, "--db", &db,
        ])
    };
    // Into a folder that is not there: nothing is numbered.
    let nowhere = folder.path().join("没有这个文件夹").join("聘书.pdf");
    let out = letters(&nowhere.display().to_string(), group);
    assert_eq!(out.status.code(), Some(1));
    assert!(!exported_members(folder.path(), &db).contains("聘字"));

    let out = letters(&pdf_arg, group);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("已为 2 份聘书编号"),
        "{}",
        text(&out.stdout)
    );
    let today = chrono::Local::now().date_naive();
    let first = format!("古城〔{}〕聘字第001号", today.year());
    let second = format!("古城〔{}〕聘字第002号", today.year());
    let csv = exported_members(folder.path(), &db);
    assert!(
        csv.starts_with(
            "\u{feff}团名,姓名,团内职务,任期开始,任期结束,签订纪律要求,聘书编号,发证日期"
        ),
        "{csv}"
    );
    let line = |name: &str| {
        csv.lines()
            .find(|l| l.contains(name))
            .unwrap_or_default()
            .to_owned()
    };
    // The leader first, though the member joined first.
    assert!(
        line("张福来").contains(&format!("{first},{}", today.format("%Y-%m-%d"))),
        "{csv}"
    );
    assert!(line("赵德胜").contains(&second), "{csv}");
    assert!(!line("刘桂兰").contains("聘字"), "another group: {csv}");
    let pdf_text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let pdf_text: String = text(&pdf_text.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(
        pdf_text.contains(&first) && pdf_text.contains("张福来"),
        "{pdf_text}"
    );

    // Printed again (Word this time): the numbers stay.
    let again = letters(
        &folder.path().join("聘书.docx").display().to_string(),
        group,
    );
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(
        text(&again.stdout).contains("无需编号"),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(exported_members(folder.path(), &db), csv);

    // A group no one has: one sentence naming the groups there are, no file.
    let bad = folder.path().join("青年团.pdf");
    let out = letters(&bad.display().to_string(), "青年团");
    assert_ne!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("没有名为「青年团」的团") && stderr.contains("妇女团"),
        "{stderr}"
    );
    assert!(!bad.exists());
    assert_eq!(exported_members(folder.path(), &db), csv);

    // Part of a name will do when it names one group only.
    let women = letters(
        &folder.path().join("妇女团.pdf").display().to_string(),
        "妇女",
    );
    assert!(women.status.success(), "{}", text(&women.stderr));
    let third = format!("古城〔{}〕聘字第003号", today.year());
    assert!(exported_members(folder.path(), &db).contains(&third));
}

#[test]
fn print_check_ups_and_appraisals_by_year_and_name() {
    let folder = tempfile::tempdir().expect("tempdir");
    let (db, _) = common::practice::practice_file(folder.path(), "studio.db");
    let db = db.display().to_string();
    let output = |name: &str| folder.path().join(name).display().to_string();
    for args in [
        vec!["print", "checkup", "--year", "2026", "--who", "王建国"],
        vec!["print", "checkups", "--year", "2026"],
        vec!["print", "appraisals", "--year", "2026"],
    ] {
        let target = output(&format!("{}.pdf", args[1]));
        let mut args = args.clone();
        args.extend(["-o", &target, "--db", &db]);
        let out = studio(&args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        assert!(Path::new(&target).exists());
    }
    let nobody = studio(&[
        "print",
        "checkup",
        "--year",
        "2026",
        "--who",
        "无名氏",
        "-o",
        &output("x.pdf"),
        "--db",
        &db,
    ]);
    assert_eq!(nobody.status.code(), Some(1));
    let stderr = text(&nobody.stderr);
    assert!(
        stderr.contains("无名氏") && stderr.contains("王建国、李红梅"),
        "{stderr}"
    );
    let no_year = studio(&["print", "appraisals", "-o", &output("y.pdf"), "--db", &db]);
    assert_eq!(no_year.status.code(), Some(2));
    assert!(text(&no_year.stderr).contains("--year"));
}
