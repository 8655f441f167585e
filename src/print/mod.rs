//! The printed documents of a session: the summary (活动纪要) and the sign-in sheet (签到表),
//! gathered from the store and laid out by `report::pdf` in the style offices file.

use crate::domain::session::{AttendanceStatus, SessionFields};
use crate::domain::{RosterEntry, SessionId};
use crate::i18n::Lang;
use crate::report::pdf::{Column, Document, Font};
use crate::store::Store;
use chrono::{Datelike, NaiveDate};
use std::path::Path;

pub mod period;

pub use period::{period_name, period_report};

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

struct SessionData {
    studio: String,
    fields: SessionFields,
    /// Who was expected, with their mark (if any).
    rows: Vec<(RosterEntry, Option<crate::domain::session::AttendanceMark>)>,
    problems: Vec<crate::domain::problem::ProblemSummary>,
}

fn load(store: &Store, id: SessionId, lang: Lang) -> Result<SessionData, String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let fields = store
        .session(id)
        .map_err(error)?
        .ok_or_else(|| lang.no_such_session(id.0))?;
    let rows = store.expected_at(id, &fields).map_err(error)?;
    Ok(SessionData {
        studio: store.studio().map_err(error)?.name,
        problems: store.problems_raised_at(id).map_err(error)?,
        fields,
        rows,
    })
}

/// The session summary (活动纪要) as a laid-out document.
pub fn summary<'f>(
    store: &Store,
    id: SessionId,
    lang: Lang,
    font: &'f Font,
) -> Result<Document<'f>, String> {
    let data = load(store, id, lang)?;
    let f = &data.fields;
    let mut doc = Document::new(font);
    doc.title(
        &format!(
            "{}\n{}{}",
            data.studio,
            f.topic,
            lang.pick("活动纪要", " — summary")
        ),
        17.0,
    );
    let time = match (f.starts_at, f.ends_at) {
        (Some(a), Some(b)) => format!(" {}—{}", a.format("%H:%M"), b.format("%H:%M")),
        (Some(a), None) => format!(" {}", a.format("%H:%M")),
        _ => String::new(),
    };
    doc.field(
        lang.pick("时间", "Time"),
        &format!("{}{time}", full_date(lang, f.held_on)),
    );
    if !f.place.is_empty() {
        doc.field(lang.col_place(), &f.place);
    }
    doc.paragraph(
        &format!(
            "{}：{}{}{}：{}",
            lang.col_host(),
            f.host,
            lang.pick("　　", "    "),
            lang.col_recorder(),
            f.recorder
        ),
        0.0,
    );
    doc.field(
        lang.col_session_kind(),
        &format!(
            "{}（{}）",
            lang.session_kind(f.kind),
            lang.systems(f.systems)
        ),
    );
    doc.space(4.0);
    doc.paragraph(
        lang.pick(
            "出席情况（√ 出席　迟 迟到　假 请假　× 缺席）：",
            "Attendance (√ present, L late, E excused, × absent):",
        ),
        0.0,
    );
    let marks: Vec<String> = data
        .rows
        .iter()
        .map(|(entry, mark)| {
            let sign = match mark.as_ref().map(|m| m.status) {
                Some(AttendanceStatus::Present) => "√",
                Some(AttendanceStatus::Late) => lang.pick("迟", "L"),
                Some(AttendanceStatus::Excused) => lang.pick("假", "E"),
                Some(AttendanceStatus::Absent) => "×",
                None => "　",
            };
            format!("{sign} {}", entry.fields.name)
        })
        .collect();
    doc.grid(&marks, 5);
    let expected = data.rows.len();
    let present = data
        .rows
        .iter()
        .filter(|(_, m)| m.as_ref().is_some_and(|m| m.status.attended()))
        .count();
    let excused: Vec<String> = data
        .rows
        .iter()
        .filter_map(|(e, m)| {
            let m = m.as_ref()?;
            (m.status == AttendanceStatus::Excused).then(|| {
                if m.reason.is_empty() {
                    e.fields.name.clone()
                } else {
                    format!("{}（{}）", e.fields.name, m.reason)
                }
            })
        })
        .collect();
    let mut tally = lang.expected_present(expected, present);
    if !excused.is_empty() {
        tally.push_str(lang.pick("；", "; "));
        tally.push_str(&excused.join(lang.pick("、", ", ")));
        tally.push_str(lang.pick("请假", " on leave"));
    }
    tally.push_str(lang.pick("。", "."));
    doc.paragraph(&tally, 0.0);
    let mut n = 0;
    if !f.study_topics.is_empty() {
        n += 1;
        doc.heading(&section(lang, n, lang.study_topics()));
        let topics: Vec<String> = f
            .study_topics
            .iter()
            .map(|t| {
                format!(
                    "{}（{}，{} {}）",
                    t.title,
                    lang.study_kind(t.kind),
                    crate::domain::assessment::format_score(crate::domain::learning::hours(
                        t.duration_min
                    )),
                    lang.hours_unit()
                )
            })
            .collect();
        doc.numbered(&topics);
    }
    if !f.agenda.is_empty() {
        n += 1;
        doc.heading(&section(lang, n, lang.agenda()));
        doc.numbered(&f.agenda);
    }
    if !f.discussion.is_empty() {
        n += 1;
        doc.heading(&section(lang, n, lang.col_discussion()));
        doc.paragraph(&f.discussion, 2.0);
    }
    if !data.problems.is_empty() {
        n += 1;
        doc.heading(&section(
            lang,
            n,
            lang.pick("问题清单及办理状态", "Problems raised and where they stand"),
        ));
        let name = |id| {
            data.rows
                .iter()
                .find(|(e, _)| Some(e.id) == id)
                .map(|(e, _)| e.fields.name.clone())
                .unwrap_or_default()
        };
        let rows: Vec<Vec<String>> = data
            .problems
            .iter()
            .enumerate()
            .map(|(i, p)| {
                vec![
                    (i + 1).to_string(),
                    name(p.fields.raised_by),
                    if p.fields.description.is_empty() {
                        p.fields.title.clone()
                    } else {
                        format!("{}：{}", p.fields.title, p.fields.description)
                    },
                    p.fields.responsible.clone(),
                    lang.problem_state(p.state).to_owned(),
                ]
            })
            .collect();
        doc.table(
            &[
                Column {
                    title: lang.pick("序号", "No."),
                    share: 0.08,
                },
                Column {
                    title: lang.col_raised_by(),
                    share: 0.13,
                },
                Column {
                    title: lang.pick("问题描述", "Problem"),
                    share: 0.49,
                },
                Column {
                    title: lang.col_responsible(),
                    share: 0.18,
                },
                Column {
                    title: lang.col_state(),
                    share: 0.12,
                },
            ],
            &rows,
            0.0,
        );
    }
    if !f.decisions.is_empty() {
        n += 1;
        doc.heading(&section(lang, n, lang.decisions()));
        doc.numbered(&f.decisions);
    }
    doc.signatures(&[
        lang.pick("主持人（签字）", "Host (signature)"),
        lang.pick("记录人（签字）", "Recorder (signature)"),
        lang.pick("日期", "Date"),
    ]);
    Ok(doc)
}

/// The sign-in sheet (签到表) of a session: the expected names and branches with an empty
/// column to sign.
pub fn sign_in<'f>(
    store: &Store,
    id: SessionId,
    lang: Lang,
    font: &'f Font,
) -> Result<Document<'f>, String> {
    let data = load(store, id, lang)?;
    let f = &data.fields;
    let mut doc = Document::new(font);
    doc.title(
        &format!(
            "{}\n{}{}",
            data.studio,
            f.topic,
            lang.pick("签到表", " — sign-in sheet")
        ),
        17.0,
    );
    let when = match f.starts_at {
        Some(start) => format!("{} {}", full_date(lang, f.held_on), start.format("%H:%M")),
        None => full_date(lang, f.held_on),
    };
    doc.paragraph(
        &format!(
            "{}：{when}{}{}：{}",
            lang.pick("时间", "Time"),
            lang.pick("　　", "    "),
            lang.col_place(),
            f.place
        ),
        0.0,
    );
    doc.space(4.0);
    let rows: Vec<Vec<String>> = data
        .rows
        .iter()
        .enumerate()
        .map(|(i, (e, _))| {
            vec![
                (i + 1).to_string(),
                e.fields.name.clone(),
                e.branch_name.clone(),
                e.fields.position.clone(),
                String::new(),
                String::new(),
            ]
        })
        .collect();
    doc.table(
        &[
            Column {
                title: lang.pick("序号", "No."),
                share: 0.08,
            },
            Column {
                title: lang.col_name(),
                share: 0.14,
            },
            Column {
                title: lang.col_branch(),
                share: 0.26,
            },
            Column {
                title: lang.col_position(),
                share: 0.2,
            },
            Column {
                title: lang.pick("签名", "Signature"),
                share: 0.2,
            },
            Column {
                title: lang.col_notes(),
                share: 0.12,
            },
        ],
        &rows,
        26.0,
    );
    doc.paragraph(&lang.pick_expected(data.rows.len()), 0.0);
    Ok(doc)
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

/// Lays out and writes `printout` of session `id` to `path`.
pub fn print(
    store: &Store,
    printout: Printout,
    id: SessionId,
    lang: Lang,
    path: &Path,
) -> Result<usize, String> {
    let font = Font::bundled();
    let doc = match printout {
        Printout::Summary => summary(store, id, lang, font)?,
        Printout::SignIn => sign_in(store, id, lang, font)?,
    };
    let pages = doc.page_count();
    let bytes = doc.finish(page_label(lang))?;
    write_pdf(&bytes, path, lang)?;
    Ok(pages)
}

/// The problem ledger (问题台账): the problems raised in the period (or all) that pass the
/// filter (as the problems list shows them), with state, responsible office, helper, deadline,
/// days open and resolution.
pub fn problem_ledger<'f>(
    store: &Store,
    lang: Lang,
    font: &'f Font,
    (period, filter): (
        Option<crate::domain::period::Period>,
        crate::domain::problem::ProblemFilter,
    ),
    today: NaiveDate,
    progress: &'f crate::work::Progress,
) -> Result<Document<'f>, String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let studio = store.studio().map_err(error)?.name;
    let roster = store.roster().map_err(error)?;
    let areas = store.areas().map_err(error)?;
    let branches = store.branches().map_err(error)?;
    let area_of = |branch: Option<crate::domain::BranchId>| {
        branch
            .and_then(|id| branches.iter().find(|b| b.id == id))
            .and_then(|b| b.area_id)
    };
    let name = |id: Option<crate::domain::SecretaryId>| {
        id.and_then(|id| roster.iter().find(|e| e.id == id))
            .map(|e| e.fields.name.clone())
            .unwrap_or_default()
    };
    let mut problems = store.problems().map_err(error)?;
    problems.retain(|p| {
        period.is_none_or(|p2| p2.contains(p.fields.raised_on)) && filter.matches(p, area_of, today)
    });
    problems.reverse();
    progress.step(0.2).ok();
    let mut doc = Document::new(font);
    doc.watch(progress);
    doc.title(
        &format!("{studio}\n{}", lang.pick("发展难题台账", "Problem ledger")),
        17.0,
    );
    let mut scope = match period {
        Some(p) => format!("{}：{p}", lang.period()),
        None => lang.pick("全部难题", "All problems").to_owned(),
    };
    let mut conditions = Vec::new();
    if let Some(state) = filter.state {
        conditions.push(lang.problem_state(state).to_owned());
    }
    if let Some(area) = filter.area.and_then(|a| areas.iter().find(|x| x.id == a)) {
        conditions.push(area.name.clone());
    }
    if let Some(branch) = filter
        .branch
        .and_then(|b| branches.iter().find(|x| x.id == b))
    {
        conditions.push(branch.name.clone());
    }
    if let Some(category) = filter.category {
        conditions.push(lang.problem_category(category).to_owned());
    }
    if filter.overdue_only {
        conditions.push(lang.only_overdue().to_owned());
    }
    if !conditions.is_empty() {
        scope = format!(
            "{}{}",
            lang.pick("筛选：", "Filtered: "),
            conditions.join(lang.pick("、", ", "))
        );
    }
    doc.paragraph(
        &format!(
            "{scope}{}{}",
            lang.pick("　　截至", "    as of "),
            full_date(lang, today)
        ),
        0.0,
    );
    let open = problems.iter().filter(|p| p.state.is_open()).count();
    let overdue = problems
        .iter()
        .filter(|p| crate::domain::problem::is_overdue(p.state, p.fields.deadline, today))
        .count();
    doc.paragraph(
        &match lang {
            Lang::Zh => format!(
                "共 {} 件，已解决 {} 件，未解决 {open} 件，其中逾期 {overdue} 件。",
                problems.len(),
                problems.len() - open
            ),
            Lang::En => format!(
                "{} problems: {} resolved, {open} open, of which {overdue} overdue.",
                problems.len(),
                problems.len() - open
            ),
        },
        0.0,
    );
    doc.space(4.0);
    // Laying out is a tenth of a long ledger's time; writing the pages the rest.
    doc.progress_span(0.2, 0.3);
    let day = |d: Option<NaiveDate>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    let rows: Vec<Vec<String>> = problems
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let f = &p.fields;
            let late = crate::domain::problem::is_overdue(p.state, f.deadline, today);
            let until = if p.state.is_open() {
                today
            } else {
                p.changed_on
            };
            let mut state = lang.problem_state(p.state).to_owned();
            if late {
                state.push_str(lang.pick("（逾期）", " (overdue)"));
            }
            vec![
                (i + 1).to_string(),
                f.title.clone(),
                name(f.raised_by),
                f.responsible.clone(),
                name(f.helper_id),
                day(f.deadline),
                state,
                (until - f.raised_on).num_days().max(0).to_string(),
                p.resolution.clone(),
            ]
        })
        .collect();
    doc.table(
        &[
            Column {
                title: lang.pick("序号", "No."),
                share: 0.075,
            },
            Column {
                title: lang.col_title(),
                share: 0.175,
            },
            Column {
                title: lang.col_raised_by(),
                share: 0.09,
            },
            Column {
                title: lang.col_responsible(),
                share: 0.14,
            },
            Column {
                title: lang.col_helper(),
                share: 0.09,
            },
            Column {
                title: lang.col_deadline(),
                share: 0.14,
            },
            Column {
                title: lang.col_state(),
                share: 0.1,
            },
            Column {
                title: lang.pick("天数", "Days"),
                share: 0.07,
            },
            Column {
                title: lang.col_resolution(),
                share: 0.12,
            },
        ],
        &rows,
        0.0,
    );
    Ok(doc)
}

/// The ranking and commendation list (比拼排名及表彰名单) of a period.
pub fn ranking_list<'f>(
    store: &Store,
    lang: Lang,
    font: &'f Font,
    period: crate::domain::period::Period,
) -> Result<Document<'f>, String> {
    let error = |e: crate::store::Error| lang.store_error(&e);
    let studio = store.studio().map_err(error)?.name;
    let roster = store.roster().map_err(error)?;
    let entry = |id| roster.iter().find(|e| e.id == id);
    let mut doc = Document::new(font);
    doc.title(
        &format!(
            "{studio}\n{period} {}",
            lang.pick("比拼排名及表彰名单", "ranking and commendations")
        ),
        17.0,
    );
    let rows: Vec<Vec<String>> = store
        .assessments(period)
        .map_err(error)?
        .iter()
        .map(|a| {
            let person = entry(a.secretary);
            vec![
                a.rank.to_string(),
                person.map(|e| e.fields.name.clone()).unwrap_or_default(),
                person.map(|e| e.branch_name.clone()).unwrap_or_default(),
                crate::domain::assessment::format_score(a.base),
                crate::domain::assessment::format_score(a.bonus),
                crate::domain::assessment::format_score(a.deductions),
                crate::domain::assessment::format_score(a.total),
                "★".repeat(usize::from(a.stars)),
            ]
        })
        .collect();
    doc.heading(&section(lang, 1, lang.pick("比拼排名", "Ranking")));
    doc.table(
        &[
            Column {
                title: lang.col_rank(),
                share: 0.08,
            },
            Column {
                title: lang.col_name(),
                share: 0.12,
            },
            Column {
                title: lang.col_branch(),
                share: 0.26,
            },
            Column {
                title: lang.part_base(),
                share: 0.1,
            },
            Column {
                title: lang.part_bonus(),
                share: 0.09,
            },
            Column {
                title: lang.pick("扣分", "Minus"),
                share: 0.09,
            },
            Column {
                title: lang.col_total(),
                share: 0.1,
            },
            Column {
                title: lang.col_stars(),
                share: 0.16,
            },
        ],
        &rows,
        0.0,
    );
    let honours = store.honours().map_err(error)?;
    for (n, kind, title) in [
        (
            2,
            crate::domain::points::HonourKind::Commendation,
            lang.red_list(),
        ),
        (
            3,
            crate::domain::points::HonourKind::Criticism,
            lang.criticisms(),
        ),
    ] {
        let lines: Vec<String> = honours
            .iter()
            .filter(|h| h.kind == kind && period.contains(h.on))
            .map(|h| {
                format!(
                    "{}（{}）：{}",
                    entry(h.secretary)
                        .map(|e| e.fields.name.clone())
                        .unwrap_or_default(),
                    h.on.format("%Y-%m-%d"),
                    h.reason
                )
            })
            .collect();
        doc.heading(&section(lang, n, title));
        if lines.is_empty() {
            doc.paragraph(lang.none_value(), 0.0);
        } else {
            doc.numbered(&lines);
        }
    }
    doc.signatures(&[
        lang.pick("审核人（签字）", "Approved by"),
        lang.pick("日期", "Date"),
    ]);
    Ok(doc)
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
}

/// Any document the app prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printable {
    /// A session's summary or sign-in sheet.
    Session(Printout, SessionId),
    /// A ledger or report of the studio.
    Ledger(LedgerPrintout),
}

impl Printable {
    /// What the document is called, for its file name and the status line.
    pub fn title(self, lang: Lang) -> String {
        match self {
            Self::Session(Printout::Summary, _) => lang.pick("活动纪要", "summary").to_owned(),
            Self::Session(Printout::SignIn, _) => lang.pick("签到表", "sign-in").to_owned(),
            Self::Ledger(LedgerPrintout::Problems(..)) => {
                lang.pick("发展难题台账", "problem-ledger").to_owned()
            }
            Self::Ledger(LedgerPrintout::Ranking(period)) => {
                format!(
                    "{}{}",
                    period_name(lang, period),
                    lang.pick("比拼排名及表彰名单", " ranking")
                )
            }
            Self::Ledger(LedgerPrintout::Report(period)) => format!(
                "{}{}",
                period_name(lang, period),
                lang.pick("工作情况报告", " report")
            ),
        }
    }
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
    let font = Font::bundled();
    let doc = match printout {
        LedgerPrintout::Problems(period, filter) => {
            problem_ledger(store, lang, font, (period, filter), today, progress)?
        }
        LedgerPrintout::Ranking(period) => ranking_list(store, lang, font, period)?,
        LedgerPrintout::Report(period) => {
            period_report(store, lang, font, period, today, progress)?
        }
    };
    progress.check()?;
    let pages = doc.page_count();
    let bytes = doc.finish(page_label(lang));
    progress.step(0.97)?;
    let bytes = bytes?;
    write_pdf(&bytes, path, lang)?;
    progress.step(1.0).ok();
    Ok(pages)
}
