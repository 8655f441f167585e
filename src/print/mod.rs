//! The printed documents, one file each: a session's summary (活动纪要) and sign-in sheet
//! (签到表), the problem ledger, the ranking list and the period report, gathered from the
//! store and laid out by `report::pdf` in the style offices file; and the wider practice's:
//! letters of appointment (聘书), check-up forms and their summary, the appraisal's ballot
//! count; and the town's: a base's sheet and the bases' list, the officials' duties and the
//! task list, a village decision's record and the register of them. Here: what they share, and writing any of them to a PDF or Word file.

use crate::domain::SessionId;
use crate::i18n::Lang;
use crate::report::pdf::{Document, Font};
use crate::store::Store;
use chrono::{Datelike, NaiveDate};
use std::path::Path;

mod appraisals;
mod bases;
mod checkup;
mod decisions;
mod letters;
mod period;
mod problem_ledger;
mod ranking;
mod sign_in;
mod summary;
mod tasks;

pub use appraisals::compose_appraisals;
pub use bases::{base_sheet_title, compose_base, compose_bases};
pub use checkup::{FindingProblems, Subjects, compose_checkup, compose_checkups, percent};
pub use decisions::{compose_decision, compose_decisions, decision_sheet_title};
pub use letters::{LetterSet, compose_letters, letter_members, letters_title};
pub use period::{compose_period_report, period_report};
pub use problem_ledger::{compose_problem_ledger, problem_ledger};
pub use ranking::{compose_ranking_list, ranking_list};
pub use sign_in::{compose_sign_in, sign_in};
pub use summary::{compose_summary, summary};
pub use tasks::{compose_duties, compose_tasks};

/// What a printout is written as, chosen by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocFormat {
    /// PDF, laid out by us.
    Pdf,
    /// Word (`.docx`), in the official document format.
    Word,
}

impl DocFormat {
    /// `.docx` is Word; anything else PDF.
    pub fn of(path: &Path) -> Self {
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
        {
            Self::Word
        } else {
            Self::Pdf
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Word => "docx",
        }
    }
}

/// A day as a document's date line writes it: 2026年5月20日.
pub fn full_date_plain(lang: Lang, day: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", day.year(), day.month(), day.day()),
        Lang::En => day.format("%-d %B %Y").to_string(),
    }
}

/// The line under a period's list: 期间：2026年第四季度，制表于2026年12月1日.
pub fn period_line(lang: Lang, period: crate::domain::period::Period, today: NaiveDate) -> String {
    format!(
        "{}{}{}{}{}",
        lang.period(),
        lang.pick("：", ": "),
        lang.period_name(period),
        lang.ledger_as(),
        full_date_plain(lang, today)
    )
}

/// A day written in full, as documents date things: 2021年5月20日（星期四）.
pub fn full_date(lang: Lang, day: NaiveDate) -> String {
    match lang {
        Lang::Zh => {
            const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
            format!(
                "{}年{}月{}日（星期{}）",
                day.year(),
                day.month(),
                day.day(),
                WEEKDAYS[day.weekday().num_days_from_monday() as usize]
            )
        }
        Lang::En => day.format("%A, %-d %B %Y").to_string(),
    }
}

/// The chinese numbering of sections: 一、二、三…
fn section(lang: Lang, n: usize, title: &str) -> String {
    const NUMBERS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    match lang {
        Lang::Zh => format!("{}、{title}", NUMBERS.get(n - 1).copied().unwrap_or("十")),
        Lang::En => format!("{n}. {title}"),
    }
}

/// The page label at the foot: 第 1 页 共 2 页.
pub fn page_label(lang: Lang) -> impl Fn(usize, usize) -> String {
    move |n, of| match lang {
        Lang::Zh => format!("第 {n} 页 共 {of} 页"),
        Lang::En => format!("Page {n} of {of}"),
    }
}

/// Writes a PDF to `path`; it appears under its name only when complete.
pub fn write_pdf(bytes: &[u8], path: &Path, lang: Lang) -> Result<(), String> {
    crate::durable::write_whole(path, bytes).map_err(|error| {
        let why = lang.write_error(&error);
        lang.print_error(path, why.trim_end_matches(['。', '.']))
    })
}

/// Which printed document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printout {
    /// 活动纪要
    Summary,
    /// 签到表
    SignIn,
}

/// Lays out and writes `printout` of session `id` to `path`, as PDF or Word by its
/// extension; returns the PDF's page count (0 for Word, which lays out its own pages).
pub fn print(
    store: &Store,
    printout: Printout,
    id: SessionId,
    lang: Lang,
    path: &Path,
) -> Result<usize, String> {
    let compose = |doc: &mut dyn crate::report::Compose| match printout {
        Printout::Summary => compose_summary(store, id, lang, doc),
        Printout::SignIn => compose_sign_in(store, id, lang, doc),
    };
    let (bytes, pages) = match DocFormat::of(path) {
        DocFormat::Pdf => {
            let mut doc = Document::new(Font::bundled());
            compose(&mut doc)?;
            let pages = doc.page_count();
            (doc.finish(page_label(lang))?, pages)
        }
        DocFormat::Word => {
            let mut doc = crate::report::docx::Document::new();
            compose(&mut doc)?;
            (doc.finish()?, 0)
        }
    };
    write_pdf(&bytes, path, lang)?;
    Ok(pages)
}

/// A printed ledger of the studio (not of one session).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerPrintout {
    /// 问题台账
    Problems(
        Option<crate::domain::period::Period>,
        crate::domain::problem::ProblemFilter,
    ),
    /// 比拼排名及表彰名单
    Ranking(crate::domain::period::Period),
    /// 工作情况报告
    Report(crate::domain::period::Period),
    /// 党性体检情况汇总表 of a year
    Checkups(i32),
    /// 民主测评票统计表 of a year
    Appraisals(i32),
    /// 产业示范基地一览表 of a year
    Bases(i32),
    /// 责任清单: the officials' duties
    Duties,
    /// 任务清单 of a period
    Tasks(crate::domain::period::Period),
    /// “四议两公开”台账 of a period
    Decisions(crate::domain::period::Period),
}

/// Any document the app prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printable {
    /// A session's summary or sign-in sheet.
    Session(Printout, SessionId),
    /// A ledger or report of the studio.
    Ledger(LedgerPrintout),
    /// Letters of appointment (聘书), one a page.
    Letters(LetterSet),
    /// One person's party-spirit check-up form (党性体检表).
    Checkup(crate::domain::checkup::CheckupId),
    /// One industry demonstration base's sheet (基地情况表).
    Base(crate::domain::base::BaseId),
    /// One village decision's record through the six steps (“四议两公开”记录表).
    Decision(crate::domain::decision::DecisionId),
}

impl Printable {
    /// What the document is called, for its file name and the status line.
    pub fn title(self, lang: Lang) -> String {
        match self {
            Self::Session(Printout::Summary, _) => lang.document_summary().to_owned(),
            Self::Session(Printout::SignIn, _) => lang.document_sign().to_owned(),
            Self::Ledger(LedgerPrintout::Problems(..)) => lang.document_problem_ledger().to_owned(),
            Self::Ledger(LedgerPrintout::Ranking(period)) => {
                format!("{}{}", lang.period_name(period), lang.document_ranking())
            }
            Self::Ledger(LedgerPrintout::Report(period)) => {
                format!("{}{}", lang.period_name(period), lang.document_report())
            }
            Self::Ledger(LedgerPrintout::Checkups(year)) => lang.checkup_table_title(year),
            Self::Ledger(LedgerPrintout::Appraisals(year)) => lang.appraisal_table_title(year),
            Self::Ledger(LedgerPrintout::Bases(year)) => lang.bases_table_document(year),
            Self::Ledger(LedgerPrintout::Duties) => lang.duty_list_document().to_owned(),
            Self::Ledger(LedgerPrintout::Tasks(period)) => lang.task_list_title(period),
            Self::Ledger(LedgerPrintout::Decisions(period)) => {
                lang.decision_register_title_of(period)
            }
            Self::Base(_) => lang.base_sheet_document().to_owned(),
            Self::Decision(_) => lang.decision_sheet_document().to_owned(),
            Self::Letters(_) => lang.certificate_document().to_owned(),
            Self::Checkup(_) => lang.checkup_sheet_document().to_owned(),
        }
    }

    /// The title with the names only the store knows: 〈团名〉聘书, 〈姓名〉2026年度党性体检表.
    ///
    /// # Errors
    /// Why the store could not be read.
    pub fn title_in(self, store: &Store, lang: Lang) -> crate::store::Result<String> {
        Ok(match self {
            Self::Letters(set) => letters_title(store, lang, set)?,
            Self::Checkup(id) => match store.checkup(id)? {
                Some(checkup) => format!(
                    "{}{}",
                    Subjects::read(store)?.name(checkup.fields.subject),
                    lang.checkup_sheet_title(checkup.fields.year)
                ),
                None => self.title(lang),
            },
            Self::Base(id) => base_sheet_title(store, lang, id)?,
            Self::Decision(id) => decision_sheet_title(store, lang, id)?,
            Self::Session(..) | Self::Ledger(_) => self.title(lang),
        })
    }
}

/// How a document's pages are set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pages {
    /// A4 upright, numbered.
    Upright,
    /// A4 lying, numbered (wide tables).
    Lying,
    /// A4 lying, unnumbered: certificates.
    Certificate,
}

/// Lays out a document with `compose` on pages set as `pages` and writes it to `path`, as PDF
/// or Word by its extension; returns the PDF's page count (0 for Word). Nothing is written if
/// `progress` is cancelled first.
fn render(
    pages: Pages,
    lang: Lang,
    path: &Path,
    progress: &crate::work::Progress,
    compose: impl FnOnce(&mut dyn crate::report::Compose) -> Result<(), crate::work::WorkError>,
) -> Result<usize, crate::work::WorkError> {
    let (bytes, count) = match DocFormat::of(path) {
        DocFormat::Pdf => {
            let mut doc = match pages {
                Pages::Upright => Document::new(Font::bundled()),
                Pages::Lying | Pages::Certificate => Document::landscape(Font::bundled()),
            };
            doc.watch(progress);
            compose(&mut doc)?;
            progress.check()?;
            let count = doc.page_count();
            let bytes = if pages == Pages::Certificate {
                doc.finish(|_, _| String::new())
            } else {
                doc.finish(page_label(lang))
            };
            progress.step(0.97)?;
            (bytes?, count)
        }
        DocFormat::Word => {
            let mut doc = match pages {
                Pages::Upright => crate::report::docx::Document::new(),
                Pages::Lying => crate::report::docx::Document::landscape(),
                Pages::Certificate => crate::report::docx::Document::certificate(),
            };
            compose(&mut doc)?;
            progress.check()?;
            let bytes = doc.finish();
            progress.step(0.97)?;
            (bytes?, 0)
        }
    };
    write_pdf(&bytes, path, lang)?;
    progress.step(1.0).ok();
    Ok(count)
}

/// Lays out and writes `printable` to `path`; returns its page count. Nothing is written if
/// `progress` is cancelled first.
///
/// # Errors
/// `Cancelled`, or why the store could not be read or the file not written.
pub fn write(
    store: &Store,
    printable: Printable,
    lang: Lang,
    today: NaiveDate,
    path: &Path,
    progress: &crate::work::Progress,
) -> Result<usize, crate::work::WorkError> {
    match printable {
        Printable::Session(printout, id) => {
            progress.step(0.1)?;
            let pages = print(store, printout, id, lang, path)?;
            progress.step(1.0).ok();
            Ok(pages)
        }
        Printable::Ledger(printout) => print_ledger(store, printout, lang, today, path, progress),
        Printable::Letters(set) => render(Pages::Certificate, lang, path, progress, |doc| {
            compose_letters(store, lang, doc, set, today)?;
            Ok(())
        }),
        Printable::Checkup(id) => render(Pages::Upright, lang, path, progress, |doc| {
            Ok(compose_checkup(store, lang, doc, id)?)
        }),
        Printable::Base(id) => render(Pages::Upright, lang, path, progress, |doc| {
            Ok(compose_base(store, lang, doc, id, today)?)
        }),
        Printable::Decision(id) => render(Pages::Upright, lang, path, progress, |doc| {
            Ok(compose_decision(store, lang, doc, id)?)
        }),
    }
}

/// Lays out and writes a studio ledger or report to `path`; returns its page count. Nothing
/// is written if `progress` is cancelled first.
///
/// # Errors
/// `Cancelled`, or why the store could not be read or the file not written.
pub fn print_ledger(
    store: &Store,
    printout: LedgerPrintout,
    lang: Lang,
    today: NaiveDate,
    path: &Path,
    progress: &crate::work::Progress,
) -> Result<usize, crate::work::WorkError> {
    let pages = match printout {
        LedgerPrintout::Problems(..)
        | LedgerPrintout::Checkups(_)
        | LedgerPrintout::Appraisals(_)
        | LedgerPrintout::Bases(_)
        | LedgerPrintout::Tasks(_)
        | LedgerPrintout::Decisions(_) => Pages::Lying,
        LedgerPrintout::Ranking(_) | LedgerPrintout::Report(_) | LedgerPrintout::Duties => {
            Pages::Upright
        }
    };
    render(pages, lang, path, progress, |doc| {
        match printout {
            LedgerPrintout::Problems(period, filter) => {
                compose_problem_ledger(store, lang, doc, (period, filter), today, progress)?;
            }
            LedgerPrintout::Ranking(period) => compose_ranking_list(store, lang, doc, period)?,
            LedgerPrintout::Report(period) => {
                compose_period_report(store, lang, doc, period, today, progress)?;
            }
            LedgerPrintout::Checkups(year) => compose_checkups(store, lang, doc, year, today)?,
            LedgerPrintout::Appraisals(year) => {
                compose_appraisals(store, lang, doc, year, today)?;
            }
            LedgerPrintout::Bases(year) => compose_bases(store, lang, doc, year, today)?,
            LedgerPrintout::Duties => compose_duties(store, lang, doc, today)?,
            LedgerPrintout::Tasks(period) => compose_tasks(store, lang, doc, period, today)?,
            LedgerPrintout::Decisions(period) => {
                compose_decisions(store, lang, doc, period, today)?;
            }
        }
        Ok(())
    })
}
