//! The town's printouts from the demo studio: a base's sheet and the year's list of bases, the
//! officials' duties and the period's task list, a decision's record through the six steps and
//! the register of decisions, and the period report's new parts — each as an A4 PDF whose text
//! reads back in Chinese (every character with a glyph in the embedded font) and as a Word file
//! whose XML holds the same words.

use crate::common;

use secretary_studio::domain::base::BaseId;
use secretary_studio::domain::decision::{DecisionId, Standing, Step};
use secretary_studio::domain::period::Period;
use secretary_studio::i18n::Lang;
use secretary_studio::print::{LedgerPrintout, Printable};
use secretary_studio::report::docx::inspect;
use secretary_studio::report::pdf::{Document, Font};
use secretary_studio::store::Store;
use secretary_studio::work::Progress;
use std::path::Path;
use std::process::Command;

/// The text `pdftotext` (poppler-utils) reads out of a PDF (as tests/print.rs reads it).
fn extract_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (Debian: apt install poppler-utils; .ci/run installs it)");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Without spaces and line ends: a table's cell may wrap anywhere.
fn flat(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn demo(folder: &Path) -> Store {
    Store::open_read_only(&common::full_demo_file(folder, "studio.db")).expect("open the demo")
}

fn year() -> Period {
    Period::parse("2026").expect("period")
}

/// Writes `printable` as PDF and as Word into `folder`; returns the PDF's text (flattened),
/// its page count, and the Word file's text (flattened).
fn both(store: &Store, printable: Printable, folder: &Path) -> (String, usize, String) {
    let pdf = folder.join("out.pdf");
    let pages = secretary_studio::print::write(
        store,
        printable,
        Lang::Zh,
        common::today(),
        &pdf,
        &Progress::new(),
    )
    .expect("PDF written");
    let docx = folder.join("out.docx");
    let none = secretary_studio::print::write(
        store,
        printable,
        Lang::Zh,
        common::today(),
        &docx,
        &Progress::new(),
    )
    .expect("Word written");
    assert_eq!(none, 0, "Word lays out its own pages");
    let bytes = std::fs::read(&docx).expect("read");
    (
        flat(&extract_text(&pdf)),
        pages,
        flat(&inspect::text(&bytes)),
    )
}

fn assert_holds(what: &str, text: &str, words: &[&str]) {
    for word in words {
        let word = flat(word);
        assert!(text.contains(&word), "{what}: «{word}» not in\n{text}");
    }
}

/// Every character the layout placed has a glyph in the embedded font (a box otherwise).
fn assert_covered(doc: &Document<'_>, font: &Font) {
    for text in doc.texts() {
        for c in text.chars() {
            assert!(font.covers(c), "{c:?} in {text:?} would print as a box");
        }
    }
}

fn base_named(store: &Store, name: &str) -> BaseId {
    store
        .bases()
        .expect("bases")
        .into_iter()
        .find(|b| b.fields.name == name)
        .expect("the demo base")
        .id
}

fn resolved_not_public(store: &Store) -> DecisionId {
    store
        .decisions()
        .expect("decisions")
        .into_iter()
        .find(|d| d.standing() == Standing::Passed(Step::Resolution))
        .expect("a decision resolved, not yet made public")
        .id
}

#[test]
fn a_bases_sheet_holds_its_people_figures_milestones_problems_and_visits_on_one_page() {
    let folder = tempfile::tempdir().expect("tempdir");
    let store = demo(folder.path());
    let id = base_named(&store, "古城食用菌产业示范基地");
    let font = Font::bundled();
    let mut doc = Document::new(font);
    secretary_studio::print::compose_base(&store, Lang::Zh, &mut doc, id, common::today())
        .expect("laid out");
    assert_covered(&doc, font);
    let open_problem = store
        .base_links(id, common::today())
        .expect("links")
        .problems
        .into_iter()
        .find(|p| p.state.is_open())
        .expect("an open problem on the base");
    let printable = Printable::Base(id);
    assert_eq!(
        printable.title_in(&store, Lang::Zh).expect("title"),
        "古城食用菌产业示范基地情况表"
    );
    let (pdf, pages, word) = both(&store, printable, folder.path());
    assert_eq!(pages, 1, "one page:\n{pdf}");
    for text in [&pdf, &word] {
        assert_holds(
            "base sheet",
            text,
            &[
                "古城食用菌产业示范基地情况表",
                "填报日期：2026年11月29日",
                "东坪村党支部",
                "石门村党支部、菌香食用菌专业合作社党支部、龙泉村党支部",
                "王建国",
                "2021年3月15日",
                "历年发展情况",
                "户均增收（元）",
                "冷库建成投用",
                "逾期未完成",
                "二期大棚20座开工",
                open_problem.fields.title.as_str(),
                "结对帮扶",
                "王建国→李秀英",
                "观摩活动",
                "食用菌产业基地观摩",
                "统一菌棒",
            ],
        );
        for year in ["2024", "2025", "2026"] {
            assert!(text.contains(year), "{year}");
        }
    }
    // An archived base says so; a rare character in its secretary's name prints.
    let archived = base_named(&store, "莲花村番茄种植试验田");
    let (pdf, _, word) = both(&store, Printable::Base(archived), folder.path());
    for text in [&pdf, &word] {
        assert_holds("archived base", text, &["已归档", "罗䶮"]);
    }
}

#[test]
fn the_years_list_of_bases_lies_with_their_figures_and_a_total() {
    let folder = tempfile::tempdir().expect("tempdir");
    let store = demo(folder.path());
    let font = Font::bundled();
    let mut doc = Document::landscape(font);
    secretary_studio::print::compose_bases(&store, Lang::Zh, &mut doc, 2026, common::today())
        .expect("laid out");
    assert_covered(&doc, font);
    let printable = Printable::Ledger(LedgerPrintout::Bases(2026));
    assert_eq!(printable.title(Lang::Zh), "2026年产业示范基地一览表");
    let (pdf, pages, word) = both(&store, printable, folder.path());
    assert_eq!(pages, 1);
    for text in [&pdf, &word] {
        assert_holds(
            "bases list",
            text,
            &[
                "中共古城镇委员会",
                "2026年产业示范基地一览表",
                "共5个基地",
                "古城食用菌产业示范基地",
                "天麻种植基地",
                "服饰公司二期扶贫车间",
                "西甜瓜新品种示范园",
                "橡子凉粉加工点",
                "秦韵服饰有限公司党支部",
                "合计",
            ],
        );
        assert!(
            !text.contains("番茄种植试验田"),
            "archived, no figures in 2026"
        );
    }
    let docx = std::fs::read(folder.path().join("out.docx")).expect("read");
    let xml = inspect::part(&docx, "word/document.xml").expect("document.xml");
    assert!(
        xml.contains(r#"w:w="16838""#) && xml.contains(r#"w:h="11906""#),
        "A4 lying"
    );
    assert!(xml.contains("<w:tblHeader />"), "the header row repeats");
}

#[test]
fn the_duties_and_the_task_list_show_every_official_and_what_is_overdue() {
    let folder = tempfile::tempdir().expect("tempdir");
    let store = demo(folder.path());
    let font = Font::bundled();
    let mut doc = Document::new(font);
    secretary_studio::print::compose_duties(&store, Lang::Zh, &mut doc, common::today())
        .expect("laid out");
    assert_covered(&doc, font);
    let (pdf, _, word) = both(
        &store,
        Printable::Ledger(LedgerPrintout::Duties),
        folder.path(),
    );
    let officials = store.officials().expect("officials");
    for text in [&pdf, &word] {
        assert_holds(
            "duties",
            text,
            &[
                "责任清单",
                "1.统筹书记工作室日常运行",
                "2.牵头抓总产业示范基地建设",
            ],
        );
        for official in &officials {
            assert_eq!(
                text.contains(&official.fields.name),
                !official.fields.archived,
                "{} (left: {})",
                official.fields.name,
                official.fields.archived
            );
        }
    }

    let today = common::today();
    let mut doc = Document::landscape(font);
    secretary_studio::print::compose_tasks(&store, Lang::Zh, &mut doc, year(), today)
        .expect("laid out");
    assert_covered(&doc, font);
    let tasks = store.tasks().expect("tasks");
    let overdue = tasks
        .iter()
        .find(|t| t.overdue(today))
        .expect("an overdue task");
    let printable = Printable::Ledger(LedgerPrintout::Tasks(year()));
    assert_eq!(printable.title(Lang::Zh), "2026年任务清单");
    let (pdf, _, word) = both(&store, printable, folder.path());
    for text in [&pdf, &word] {
        assert_holds(
            "tasks",
            text,
            &[
                "2026年任务清单",
                "共30项",
                "逾期",
                "逾期完成",
                "已完成",
                "进行中",
                "未开始",
                overdue.fields.title.as_str(),
                overdue.last_note.as_str(),
                "王志刚",
                "古城食用菌产业示范基地",
            ],
        );
    }
}

#[test]
fn a_decisions_record_shows_its_six_steps_and_the_register_each_steps_day() {
    let folder = tempfile::tempdir().expect("tempdir");
    let store = demo(folder.path());
    let id = resolved_not_public(&store);
    let decision = store.decision(id).expect("read").expect("decision");
    let font = Font::bundled();
    let mut doc = Document::new(font);
    secretary_studio::print::compose_decision(&store, Lang::Zh, &mut doc, id).expect("laid out");
    assert_covered(&doc, font);
    let resolution = decision.steps[Step::Resolution.index()]
        .as_ref()
        .expect("resolved");
    let (pdf, pages, word) = both(&store, Printable::Decision(id), folder.path());
    assert_eq!(pages, 1);
    // A title wrapped in its cell reads back in pieces (pdftotext goes across the row).
    let title_start: String = decision.fields.title.chars().take(8).collect();
    for text in [&pdf, &word] {
        assert_holds(
            "decision",
            text,
            &[
                "石门村党支部",
                "“四议两公开”记录表",
                title_start.as_str(),
                "事项内容",
                "1.党支部提议",
                "2.两委会商议",
                "3.党员大会审议",
                "4.村民（代表）会议决议",
                "5.决议公开",
                "6.实施结果公开",
                "应到",
                "实到",
                resolution.note.as_str(),
                "已完成第4步：村民（代表）会议决议",
                "下一步：决议公开",
                "记录人",
            ],
        );
        let held = resolution.held_on.expect("day");
        assert!(
            text.contains(&secretary_studio::print::full_date_plain(Lang::Zh, held)),
            "{held}"
        );
    }

    let mut doc = Document::landscape(font);
    secretary_studio::print::compose_decisions(&store, Lang::Zh, &mut doc, year(), common::today())
        .expect("laid out");
    assert_covered(&doc, font);
    let printable = Printable::Ledger(LedgerPrintout::Decisions(year()));
    assert_eq!(printable.title(Lang::Zh), "2026年“四议两公开”台账");
    let (pdf, _, word) = both(&store, printable, folder.path());
    let complete = store
        .decisions()
        .expect("decisions")
        .into_iter()
        .find(|d| d.standing() == Standing::Complete)
        .expect("a complete decision");
    let proposed = complete.started_on().expect("proposed");
    for text in [&pdf, &word] {
        assert_holds(
            "register",
            text,
            &[
                "2026年“四议两公开”台账",
                "共12项",
                "六步完成",
                "未启动",
                "提议",
                "结果公开",
                complete.fields.title.as_str(),
                &format!(
                    "{}.{}.{}",
                    chrono::Datelike::year(&proposed),
                    chrono::Datelike::month(&proposed),
                    chrono::Datelike::day(&proposed)
                ),
            ],
        );
    }
}

#[test]
fn the_period_report_counts_theme_days_per_quarter_and_area_and_the_tasks_due() {
    let folder = tempfile::tempdir().expect("tempdir");
    let store = demo(folder.path());
    let (pdf, _, word) = both(
        &store,
        Printable::Ledger(LedgerPrintout::Report(year())),
        folder.path(),
    );
    for text in [&pdf, &word] {
        assert_holds(
            "report",
            text,
            &[
                "八、主题党日",
                "规范执行率",
                "第一季度",
                "第四季度",
                "东片区",
                "到会率不足",
                "九、产业基地和任务落实",
                "全镇在建产业示范基地5个",
                "本期到期任务",
            ],
        );
    }
    // A quarter's report names its quarter in full.
    let quarter = Period::parse("2026-Q2").expect("period");
    let (pdf, _, _) = both(
        &store,
        Printable::Ledger(LedgerPrintout::Report(quarter)),
        folder.path(),
    );
    assert_holds("quarter", &pdf, &["2026年第二季度", "规范执行率"]);
    assert!(!pdf.contains("第三季度东片区"), "only the quarter's");
}
