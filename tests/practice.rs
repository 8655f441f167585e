//! The wider practice's printouts and ledgers on a studio kept as a coordinator keeps it:
//! letters of appointment (A4 lying, one a page, PDF and Word), a check-up form, the year's
//! check-ups and the appraisal's ballot count, read back with `pdftotext` and `pdfinfo`; the
//! people, members, theme days, check-ups and appraisals exported and read back.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::practice::Members;
use secretary_studio::domain::period::Period;
use secretary_studio::export::Ledger;
use secretary_studio::i18n::Lang;
use secretary_studio::print::{LedgerPrintout, LetterSet, Printable};
use secretary_studio::report::docx::inspect;
use secretary_studio::report::pdf::{Document, Font};
use secretary_studio::store::Store;
use secretary_studio::work::Progress;
use std::path::Path;
use std::process::Command;

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid day")
}

/// The studio with the advisers' two letters numbered on 1 March 2026 (the leader first).
/// The store that made the file is the one used: opening it again at once could meet the
/// write lock still held by a process another test is starting.
fn studio(folder: &Path) -> (Store, Members) {
    let mut members = None;
    let store = Store::create_with(
        &folder.join("studio.db"),
        common::practice::STUDIO,
        "古城镇",
        |store| {
            let made = common::practice::fill(store)?;
            store.write(|w| w.issue_letters(&[made.zhang, made.zhao], day(2026, 3, 1)))?;
            members = Some(made);
            Ok(())
        },
    )
    .expect("studio");
    (store, members.expect("members"))
}

fn print(store: &Store, printable: Printable, path: &Path) -> usize {
    secretary_studio::print::write(
        store,
        printable,
        Lang::Zh,
        common::today(),
        path,
        &Progress::new(),
    )
    .expect("printed")
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[] })
        .output()
        .expect("poppler-utils (Debian: apt install poppler-utils)");
    assert!(out.status.success(), "{tool} failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of pages `first..=last`, without white space (pdftotext spaces CJK freely).
fn text(pdf: &Path, pages: Option<(usize, usize)>) -> String {
    let range = pages.map(|(f, l)| [f.to_string(), l.to_string()]);
    let args: Vec<&str> = match &range {
        Some([f, l]) => vec!["-f", f, "-l", l],
        None => Vec::new(),
    };
    poppler("pdftotext", &args, pdf)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn assert_has(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(text.contains(e), "{e} not in:\n{text}");
    }
}

/// Every page's size in points, (width, height).
fn page_sizes(pdf: &Path) -> Vec<(f64, f64)> {
    poppler("pdfinfo", &["-f", "1", "-l", "999"], pdf)
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            let numbers: Vec<f64> = l
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            let n = numbers.len();
            (numbers[n - 2], numbers[n - 1])
        })
        .collect()
}

#[test]
fn letters_are_a4_lying_one_a_page_numbered_leaders_first() {
    let folder = tempfile::tempdir().expect("tempdir");
    let (store, _) = studio(folder.path());
    let advisers = store.groups().expect("groups")[1].id;
    let pdf = folder.path().join("聘书.pdf");
    let pages = print(&store, Printable::Letters(LetterSet::Group(advisers)), &pdf);
    assert_eq!(pages, 2, "one page a letter");
    let sizes = page_sizes(&pdf);
    assert_eq!(sizes.len(), 2);
    for (width, height) in sizes {
        assert!(
            (width - 841.89).abs() < 0.5 && (height - 595.28).abs() < 0.5,
            "A4 lying: {width} × {height}"
        );
    }
    let first = text(&pdf, Some((1, 1)));
    assert_has(
        &first,
        &[
            "古城〔2026〕聘字第001号",
            "聘书",
            "兹聘请张福来同志为离任村干部村务治理顾问团团长",
            "聘期自2026年1月1日至2028年12月31日。",
            "中共古城镇委员会",
            "2026年3月1日",
        ],
    );
    assert!(!first.contains("第1页"), "a certificate has no page number");
    let second = text(&pdf, Some((2, 2)));
    assert_has(&second, &["古城〔2026〕聘字第002号", "赵德胜", "成员"]);

    // All groups: the members in office only (陈志强's term ended in 2025); one not numbered
    // yet prints without the number line, dated today.
    let all = folder.path().join("全部聘书.pdf");
    assert_eq!(print(&store, Printable::Letters(LetterSet::All), &all), 3);
    let everything = text(&all, None);
    assert!(!everything.contains("陈志强"), "{everything}");
    let third = text(&all, Some((3, 3)));
    assert_has(
        &third,
        &[
            "刘桂兰",
            "妇女团副团长",
            "聘期自2026年1月1日起。",
            "2026年11月29日",
        ],
    );
    assert!(!third.contains("聘字第"), "{third}");
    assert_eq!(
        Printable::Letters(LetterSet::Group(advisers))
            .title_in(&store, Lang::Zh)
            .expect("title"),
        "离任村干部村务治理顾问团聘书"
    );
}

#[test]
fn every_character_of_the_new_documents_has_a_glyph() {
    let folder = tempfile::tempdir().expect("tempdir");
    let (store, _) = studio(folder.path());
    let font = Font::bundled();
    let checkup = store.checkups(2026).expect("checkups")[0].id;
    let mut docs = Vec::new();
    let mut letters = Document::landscape(font);
    secretary_studio::print::compose_letters(
        &store,
        Lang::Zh,
        &mut letters,
        LetterSet::All,
        common::today(),
    )
    .expect("letters");
    docs.push(letters);
    let mut form = Document::new(font);
    secretary_studio::print::compose_checkup(&store, Lang::Zh, &mut form, checkup).expect("form");
    assert_eq!(form.page_count(), 1, "the form fits one page");
    docs.push(form);
    let mut checkups = Document::landscape(font);
    secretary_studio::print::compose_checkups(
        &store,
        Lang::Zh,
        &mut checkups,
        2026,
        common::today(),
    )
    .expect("checkups");
    docs.push(checkups);
    let mut ballots = Document::landscape(font);
    secretary_studio::print::compose_appraisals(
        &store,
        Lang::Zh,
        &mut ballots,
        2026,
        common::today(),
    )
    .expect("appraisals");
    docs.push(ballots);
    for doc in &docs {
        for text in doc.texts() {
            for c in text.chars() {
                assert!(font.covers(c), "{c:?} in {text:?} would print as a box");
            }
        }
    }
}

#[test]
fn the_word_letter_lies_in_a_landscape_section_without_page_numbers() {
    let folder = tempfile::tempdir().expect("tempdir");
    let (store, _) = studio(folder.path());
    let path = folder.path().join("聘书.docx");
    assert_eq!(print(&store, Printable::Letters(LetterSet::All), &path), 0);
    let bytes = std::fs::read(&path).expect("read");
    let xml = inspect::part(&bytes, "word/document.xml").expect("document.xml");
    assert!(xml.contains("w:orient=\"landscape\""), "{xml}");
    assert!(
        xml.contains("w:w=\"16838\"") && xml.contains("w:h=\"11906\""),
        "A4 lying"
    );
    assert!(!xml.contains("footerReference"), "no page numbers");
    assert_eq!(
        xml.matches("<w:pageBreakBefore").count(),
        2,
        "three letters, each on its page"
    );
    let words = inspect::text(&bytes);
    for expected in [
        "古城〔2026〕聘字第001号",
        "兹聘请 张福来 同志为离任村干部村务治理顾问团团长",
        "刘桂兰",
        "中共古城镇委员会",
    ] {
        assert!(words.contains(expected), "{expected} not in {words}");
    }
}

#[test]
fn the_check_up_form_shows_the_steps_the_weighted_result_and_the_findings() {
    let folder = tempfile::tempdir().expect("tempdir");
    let (store, _) = studio(folder.path());
    let wang = store
        .checkups(2026)
        .expect("checkups")
        .into_iter()
        .find(|c| c.findings.len() == 2)
        .expect("王建国's");
    let pdf = folder.path().join("体检表.pdf");
    assert_eq!(print(&store, Printable::Checkup(wang.id), &pdf), 1);
    let sizes = page_sizes(&pdf);
    assert!(sizes[0].1 > sizes[0].0, "upright");
    let form = text(&pdf, None);
    assert_has(
        &form,
        &[
            "2026年度党性体检表",
            "姓名王建国所在党支部桃园村党支部",
            "体检日期2026年11月20日群众评检人数18",
            "理想信念",
            "自我体检",
            "同级互检",
            "群众评检",
            "组织审检",
            // 18/20 by oneself and the leader, 17 by peers and the masses; 20 30 30 20.
            "90.0%",
            "85.0%",
            "综合得分率87.0%体检结论健康",
            "85%及以上健康，70%至85%亚健康，70%以下不健康",
            "理论学习不够系统",
            "已转入",
            "已解决：制定个人学习计划并按月检查",
            "入户走访群众次数偏少",
            "已提出",
            "本人签字",
        ],
    );
    assert_eq!(
        Printable::Checkup(wang.id)
            .title_in(&store, Lang::Zh)
            .expect("title"),
        "王建国2026年度党性体检表"
    );
}

#[test]
fn the_years_check_ups_and_ballots_are_summed_up_with_their_rules() {
    let folder = tempfile::tempdir().expect("tempdir");
    let (store, _) = studio(folder.path());
    let pdf = folder.path().join("汇总表.pdf");
    print(
        &store,
        Printable::Ledger(LedgerPrintout::Checkups(2026)),
        &pdf,
    );
    let (width, height) = page_sizes(&pdf)[0];
    assert!(width > height, "lying");
    assert_has(
        &text(&pdf, None),
        &[
            "2026年度党性体检情况汇总表",
            "王建国",
            "李红梅",
            "87.0%",
            // 85, 75, 70, 75 weighted 20 30 30 20.
            "75.5%",
            "亚健康",
            "其中健康1人、亚健康1人、不健康0人",
            "查摆问题3个，已整改1个",
        ],
    );

    let ballots = folder.path().join("测评.pdf");
    print(
        &store,
        Printable::Ledger(LedgerPrintout::Appraisals(2026)),
        &ballots,
    );
    let table = text(&ballots, None);
    assert_has(
        &table,
        &[
            "2026年度民主测评票统计表",
            "罗䶮",
            "秦韵服饰有限公司党支部",
            "2026年度抓基层党建工作述职报告",
            // 32 of 50 excellent: 64 %, 优秀; 42 of 50 excellent or competent: 合格.
            "64.0%",
            "优秀",
            "合格",
            "基本合格",
            "30.0%",
            "“不合格”票超过参评人数33%的，为不合格",
        ],
    );
    assert!(
        table.find("王建国") < table.find("罗䶮"),
        "in the roster's order"
    );
}

/// The first sheet of an exported workbook.
fn sheet(path: &Path) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> = open_workbook(path).expect("open xlsx");
    let names = workbook.sheet_names();
    let range = workbook.worksheet_range(&names[0]).expect("worksheet");
    range.rows().map(<[Data]>::to_vec).collect()
}

/// The row whose first cells hold `name`.
fn row<'a>(rows: &'a [Vec<Data>], name: &str) -> &'a [Data] {
    rows.iter()
        .find(|r| {
            r.iter()
                .take(3)
                .any(|c| *c == Data::String(name.to_owned()))
        })
        .unwrap_or_else(|| panic!("no row of {name}: {rows:?}"))
}

fn export(store: &Store, ledger: Ledger, lang: Lang, period: Option<Period>, path: &Path) {
    secretary_studio::export::export(
        store,
        ledger,
        lang,
        period,
        common::today(),
        path,
        &Progress::new(),
    )
    .expect("exported");
}

#[test]
fn the_practices_ledgers_export_with_their_headers_in_both_languages() {
    let folder = tempfile::tempdir().expect("tempdir");
    let (store, _) = studio(folder.path());
    for (code, ledger, takes_period) in [
        ("people", Ledger::People, false),
        ("members", Ledger::Members, false),
        ("theme-days", Ledger::ThemeDays, true),
        ("checkups", Ledger::Checkups, true),
        ("appraisals", Ledger::Appraisals, true),
    ] {
        assert_eq!(Ledger::from_code(code), Some(ledger));
        assert_eq!(ledger.code(), code);
        assert_eq!(ledger.takes_period(), takes_period, "{code}");
    }
    let path = folder.path().join("ledger.xlsx");
    let year = Period::parse("2026").ok();

    export(&store, Ledger::People, Lang::Zh, None, &path);
    let people = sheet(&path);
    assert_eq!(people[0][0], Data::String("姓名".into()));
    assert_eq!(
        row(&people, "张福来")[7],
        Data::String("离任村干部村务治理顾问团（团长）".into())
    );

    export(&store, Ledger::Members, Lang::Zh, None, &path);
    let members = sheet(&path);
    assert_eq!(members[0][6], Data::String("聘书编号".into()));
    assert_eq!(
        row(&members, "张福来")[6],
        Data::String("古城〔2026〕聘字第001号".into())
    );
    assert_eq!(row(&members, "张福来")[2], Data::String("团长".into()));

    export(&store, Ledger::ThemeDays, Lang::Zh, year, &path);
    let days = sheet(&path);
    assert_eq!(days.len(), 3, "two theme days: {days:?}");
    let held = row(&days, "桃园村党支部");
    assert_eq!(held[4], Data::String("按时".into()));
    assert_eq!(held[8], Data::Float(0.875));
    assert_eq!(row(&days, "东坪村党支部")[4], Data::String("未开".into()));
    // A quarter without theme days: none.
    export(
        &store,
        Ledger::ThemeDays,
        Lang::Zh,
        Period::parse("2026-Q4").ok(),
        &path,
    );
    assert_eq!(sheet(&path).len(), 1);

    export(&store, Ledger::Checkups, Lang::Zh, year, &path);
    let checkups = sheet(&path);
    let wang = row(&checkups, "王建国");
    assert_eq!(wang[8], Data::Float(0.87));
    assert_eq!(wang[9], Data::String("健康".into()));
    assert_eq!(
        (wang[10].clone(), wang[11].clone()),
        (Data::Float(2.0), Data::Float(1.0))
    );

    export(&store, Ledger::Appraisals, Lang::Zh, year, &path);
    let appraisals = sheet(&path);
    let wang = row(&appraisals, "王建国");
    assert_eq!(appraisals[0][7], Data::String("优秀占比".into()));
    assert_eq!(wang[7], Data::Float(0.64));
    assert_eq!(wang[14], Data::String("优秀".into()));
    assert_eq!(
        row(&appraisals, "罗䶮")[14],
        Data::String("基本合格".into())
    );

    // English headers, in CSV.
    let csv = folder.path().join("members.csv");
    export(&store, Ledger::Members, Lang::En, None, &csv);
    let text = std::fs::read_to_string(&csv).expect("csv");
    assert!(
        text.starts_with(
            "\u{feff}Group,Name,Role,Term from,Term until,Discipline signed,Letter no.,Issued on"
        ),
        "{text}"
    );
    let csv = folder.path().join("appraisals.csv");
    export(&store, Ledger::Appraisals, Lang::En, year, &csv);
    let text = std::fs::read_to_string(&csv).expect("csv");
    assert!(text.contains("Excellent share"), "{text}");
    assert!(text.contains("64.0%"), "{text}");
}

#[test]
fn guests_are_named_in_the_summary_and_sign_on_the_sign_in_sheet_apart_from_those_expected() {
    use secretary_studio::domain::league::PersonFields;
    use secretary_studio::print::Printout;
    let folder = tempfile::tempdir().expect("folder");
    let (mut store, _) = studio(folder.path());
    let session = store
        .write(|w| {
            let mut draft = secretary_studio::domain::session::SessionDraft::new(day(2026, 11, 3));
            draft.topic = "食用菌冬季管护技术培训".into();
            let fields = draft
                .validate()
                .map_err(|_| secretary_studio::store::Error::RecordNotFound)?;
            let session = w.add_session(&fields)?;
            let expert = w.add_person(&PersonFields {
                name: "陈明远".into(),
                village: "县农技中心".into(),
                occupation: "高级农艺师".into(),
                ..PersonFields::default()
            })?;
            w.set_session_guests(session, &[expert])?;
            Ok(session)
        })
        .expect("session with a guest");
    let summary = folder.path().join("summary.pdf");
    print(
        &store,
        Printable::Session(Printout::Summary, session),
        &summary,
    );
    let text = text(&summary, None).replace(char::is_whitespace, "");
    assert_has(&text, &["列席：陈明远（高级农艺师）"]);
    let sign_in = folder.path().join("sign-in.pdf");
    print(
        &store,
        Printable::Session(Printout::SignIn, session),
        &sign_in,
    );
    let text = self::text(&sign_in, None);
    assert_has(&text, &["陈明远", "县农技中心", "列席"]);
    // 应到 counts the secretaries only: the guest is on the sheet, not in the count.
    let expected = store
        .expected_at(
            session,
            &store.session(session).expect("read").expect("there"),
        )
        .expect("expected")
        .len();
    assert!(
        text.replace(char::is_whitespace, "")
            .contains(&format!("应到{expected}人")),
        "{text}"
    );
}
