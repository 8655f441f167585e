//! The ledgers the coordinator exports to Excel or CSV: gathered from the store, laid out as
//! tables in the user's language, and written by `report`.

use crate::domain::assessment::format_score;
use crate::domain::date::PartialDate;
use crate::domain::figures::AttendanceCounts;
use crate::domain::period::Period;
use crate::domain::session::AttendanceStatus;
use crate::domain::{SecretaryId, SessionId};
use crate::i18n::Lang;
use crate::report::{Cell, Table};
use crate::store::{self, Store};
use chrono::NaiveDate;
use std::collections::HashMap;

mod practice;
mod town;

/// A ledger that can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ledger {
    /// 花名册
    Roster,
    /// 活动台账
    Sessions,
    /// 出勤表: secretaries × sessions
    Attendance,
    /// 难题台账, with each problem's history
    Problems,
    /// 积分明细
    Points,
    /// 考评结果
    Assessments,
    /// 人员库, with the groups each is in
    People,
    /// 百人团成员, with their letters
    Members,
    /// 主题党日 of a year
    ThemeDays,
    /// 党性体检 of a year
    Checkups,
    /// 述职评议 of a year
    Appraisals,
    /// 产业基地, with their figures by year and milestones
    Bases,
    /// 任务清单, with each task's progress
    Tasks,
    /// 四议两公开: each decision's six steps
    Decisions,
}

impl Ledger {
    /// Every ledger, in menu order.
    pub const ALL: [Self; 14] = [
        Self::Roster,
        Self::Sessions,
        Self::Attendance,
        Self::Problems,
        Self::Points,
        Self::Assessments,
        Self::People,
        Self::Members,
        Self::ThemeDays,
        Self::Checkups,
        Self::Appraisals,
        Self::Bases,
        Self::Tasks,
        Self::Decisions,
    ];

    /// The name on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Self::Roster => "roster",
            Self::Sessions => "sessions",
            Self::Attendance => "attendance",
            Self::Problems => "problems",
            Self::Points => "points",
            Self::Assessments => "assessments",
            Self::People => "people",
            Self::Members => "members",
            Self::ThemeDays => "theme-days",
            Self::Checkups => "checkups",
            Self::Appraisals => "appraisals",
            Self::Bases => "bases",
            Self::Tasks => "tasks",
            Self::Decisions => "decisions",
        }
    }

    /// The ledger for a command-line name.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Its name for people.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Self::Roster => lang.nav_roster(),
            Self::Sessions => lang.nav_sessions(),
            Self::Attendance => lang.attendance_matrix(),
            Self::Problems => lang.nav_problems(),
            Self::Points => lang.points_ledger(),
            Self::Assessments => lang.assessment_results(),
            Self::People => lang.practice_ledger_people(),
            Self::Members => lang.practice_ledger_members(),
            Self::ThemeDays => lang.practice_ledger_theme_days(),
            Self::Checkups => lang.practice_ledger_checkups(),
            Self::Appraisals => lang.practice_ledger_appraisals(),
            Self::Bases => lang.town_ledger_bases(),
            Self::Tasks => lang.town_ledger_tasks(),
            Self::Decisions => lang.town_ledger_decisions(),
        }
    }

    /// Whether a period applies (the roster, the people, the groups' members and the bases are
    /// as they are today; the year-based ledgers take the period's year).
    pub fn takes_period(self) -> bool {
        !matches!(
            self,
            Self::Roster | Self::People | Self::Members | Self::Bases
        )
    }
}

/// The tables of `ledger` for `period` (all time if none; assessments need one and take
/// `today`'s year otherwise; theme days, check-ups and appraisals are of the period's year, or
/// `today`'s).
pub fn tables(
    store: &Store,
    ledger: Ledger,
    lang: Lang,
    period: Option<Period>,
    today: NaiveDate,
) -> store::Result<Vec<Table>> {
    Ok(match ledger {
        Ledger::Roster => vec![roster(store, lang)?],
        Ledger::Sessions => vec![sessions(store, lang, period)?],
        Ledger::Attendance => vec![attendance(store, lang, period)?],
        Ledger::Problems => problems(store, lang, period, today)?,
        Ledger::Points => vec![points(store, lang, period)?],
        Ledger::Assessments => {
            match period.or_else(|| Period::year(chrono::Datelike::year(&today))) {
                Some(period) => vec![assessments(store, lang, period)?],
                None => Vec::new(),
            }
        }
        Ledger::People => vec![practice::people(store, lang)?],
        Ledger::Members => vec![practice::members(store, lang)?],
        Ledger::ThemeDays => vec![practice::theme_days(
            store,
            lang,
            year_of(period, today),
            period,
            today,
        )?],
        Ledger::Checkups => vec![practice::checkups(store, lang, year_of(period, today))?],
        Ledger::Appraisals => vec![practice::appraisals(store, lang, year_of(period, today))?],
        Ledger::Bases => town::bases(store, lang, today)?,
        Ledger::Tasks => town::tasks(store, lang, period, today)?,
        Ledger::Decisions => vec![town::decisions(store, lang, period, today)?],
    })
}

/// The year a year-based ledger is of: the period's, or `today`'s.
fn year_of(period: Option<Period>, today: NaiveDate) -> i32 {
    period.map_or_else(|| chrono::Datelike::year(&today), Period::year_number)
}

fn headers(titles: &[&str]) -> Vec<String> {
    titles.iter().map(|t| (*t).to_owned()).collect()
}

fn partial(date: Option<PartialDate>) -> Cell {
    date.map_or(Cell::Empty, |d| Cell::Text(d.to_iso()))
}

fn roster(store: &Store, lang: Lang) -> store::Result<Table> {
    let rows = store
        .roster()?
        .into_iter()
        .map(|entry| {
            let f = entry.fields;
            vec![
                Cell::text(f.name),
                Cell::text(f.gender.map_or("", |g| lang.gender(g))),
                partial(f.birth),
                Cell::text(f.education),
                Cell::text(entry.branch_name),
                Cell::text(entry.area_name),
                Cell::text(f.level.map_or("", |l| lang.level(l))),
                Cell::text(f.position),
                Cell::text(f.phone),
                partial(f.in_office_since),
                Cell::text(f.notes),
                Cell::text(if f.archived {
                    lang.status_archived()
                } else {
                    lang.status_active()
                }),
            ]
        })
        .collect();
    Ok(Table {
        sheet: lang.nav_roster().to_owned(),
        headers: headers(&[
            lang.col_name(),
            lang.col_gender(),
            lang.col_birth(),
            lang.col_education(),
            lang.col_branch(),
            lang.col_area(),
            lang.col_level(),
            lang.col_position(),
            lang.col_phone(),
            lang.col_in_office_since(),
            lang.col_notes(),
            lang.col_status(),
        ]),
        rows,
    })
}

fn in_period(period: Option<Period>, day: NaiveDate) -> bool {
    period.is_none_or(|p| p.contains(day))
}

fn sessions(store: &Store, lang: Lang, period: Option<Period>) -> store::Result<Table> {
    let areas = store.areas()?;
    let mut sessions = match period {
        Some(period) => store.sessions_in(period)?,
        None => store.sessions()?,
    };
    sessions.reverse();
    let codes = store.session_codes()?;
    let time = |t: Option<chrono::NaiveTime>| {
        t.map_or(Cell::Empty, |t| Cell::Text(t.format("%H:%M").to_string()))
    };
    let rows = sessions
        .into_iter()
        .map(|s| {
            let f = s.fields;
            let area = f
                .area_id
                .and_then(|a| areas.iter().find(|x| x.id == a))
                .map_or_else(|| lang.whole_studio().to_owned(), |a| a.name.clone());
            let counts = AttendanceCounts {
                present: s.attended,
                absent: s.expected - s.attended,
                ..AttendanceCounts::default()
            };
            vec![
                Cell::Date(f.held_on),
                time(f.starts_at),
                time(f.ends_at),
                Cell::text(lang.session_kind(f.kind)),
                Cell::text(lang.systems(f.systems)),
                Cell::text(area),
                Cell::text(f.topic),
                Cell::text(f.place),
                Cell::text(f.host),
                Cell::text(f.recorder),
                Cell::Int(s.expected),
                Cell::Int(s.attended),
                counts.rate().map_or(Cell::Empty, Cell::Percent),
                Cell::text(codes.get(&s.id).cloned().unwrap_or_default()),
            ]
        })
        .collect();
    Ok(Table {
        sheet: lang.nav_sessions().to_owned(),
        headers: headers(&[
            lang.col_date(),
            lang.col_start(),
            lang.col_end(),
            lang.col_session_kind(),
            lang.col_systems(),
            lang.col_area(),
            lang.col_topic(),
            lang.col_place(),
            lang.col_host(),
            lang.col_recorder(),
            lang.col_expected(),
            lang.col_attended(),
            lang.attendance_rate(),
            lang.col_session_number(),
        ]),
        rows,
    })
}

/// The mark in one cell of the attendance matrix: √ present, 迟 late, 假 excused, × absent.
fn mark(lang: Lang, status: AttendanceStatus) -> &'static str {
    match status {
        AttendanceStatus::Present => "√",
        AttendanceStatus::Late => lang.say_l(),
        AttendanceStatus::Excused => lang.say_e(),
        AttendanceStatus::Absent => "×",
    }
}

fn attendance(store: &Store, lang: Lang, period: Option<Period>) -> store::Result<Table> {
    let mut sessions = match period {
        Some(period) => store.sessions_in(period)?,
        None => store.sessions()?,
    };
    sessions.reverse();
    let column: HashMap<SessionId, usize> = sessions
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let roster = store.roster()?;
    let mut grid: HashMap<SecretaryId, Vec<Option<AttendanceStatus>>> = HashMap::new();
    for (session, secretary, status) in store.attendance_marks(period)? {
        if let Some(index) = column.get(&session) {
            grid.entry(secretary)
                .or_insert_with(|| vec![None; sessions.len()])[*index] = Some(status);
        }
    }
    let mut rows = Vec::new();
    for entry in &roster {
        let Some(marks) = grid.get(&entry.id) else {
            if entry.fields.archived {
                continue;
            }
            let mut row = vec![
                Cell::text(entry.fields.name.as_str()),
                Cell::text(entry.branch_name.as_str()),
                Cell::Int(0),
                Cell::Int(0),
                Cell::Empty,
            ];
            row.extend(std::iter::repeat_n(Cell::Empty, sessions.len()));
            rows.push(row);
            continue;
        };
        let mut counts = AttendanceCounts::default();
        for status in marks.iter().flatten() {
            counts.add(*status, 1);
        }
        let mut row = vec![
            Cell::text(entry.fields.name.as_str()),
            Cell::text(entry.branch_name.as_str()),
            Cell::Int(counts.expected()),
            Cell::Int(counts.attended()),
            counts.rate().map_or(Cell::Empty, Cell::Percent),
        ];
        row.extend(
            marks
                .iter()
                .map(|m| m.map_or(Cell::Empty, |s| Cell::text(mark(lang, s)))),
        );
        rows.push(row);
    }
    let mut titles = headers(&[
        lang.col_name(),
        lang.col_branch(),
        lang.col_expected(),
        lang.col_attended(),
        lang.attendance_rate(),
    ]);
    titles.extend(
        sessions
            .iter()
            .map(|s| format!("{} {}", s.fields.held_on.format("%Y-%m-%d"), s.fields.topic)),
    );
    Ok(Table {
        sheet: lang.attendance_matrix().to_owned(),
        headers: titles,
        rows,
    })
}

fn problems(
    store: &Store,
    lang: Lang,
    period: Option<Period>,
    today: NaiveDate,
) -> store::Result<Vec<Table>> {
    let roster = store.roster()?;
    let branches = store.branches()?;
    let name = |id: Option<SecretaryId>| {
        id.and_then(|id| roster.iter().find(|e| e.id == id))
            .map(|e| e.fields.name.clone())
            .unwrap_or_default()
    };
    let mut problems = store.problems()?;
    problems.retain(|p| in_period(period, p.fields.raised_on));
    problems.reverse();
    let mut ledger = Vec::new();
    let mut history = Vec::new();
    for p in &problems {
        let f = &p.fields;
        let state = lang.problem_status(p, today);
        let open_until = if p.state.is_open() {
            today
        } else {
            p.changed_on
        };
        ledger.push(vec![
            Cell::text(f.title.as_str()),
            Cell::text(lang.problem_category(f.category)),
            Cell::text(
                f.branch_id
                    .and_then(|b| branches.iter().find(|x| x.id == b))
                    .map(|b| b.name.clone())
                    .unwrap_or_default(),
            ),
            Cell::text(name(f.raised_by)),
            Cell::Date(f.raised_on),
            Cell::text(f.responsible.as_str()),
            Cell::text(name(f.helper_id)),
            Cell::date(f.deadline),
            Cell::text(state),
            Cell::Int((open_until - f.raised_on).num_days().max(0)),
            Cell::text(p.resolution.as_str()),
        ]);
        for entry in store.problem_history(p.id)? {
            history.push(vec![
                Cell::text(f.title.as_str()),
                Cell::Date(entry.event.date),
                Cell::text(lang.problem_state(entry.event.state)),
                Cell::text(entry.event.actor),
                Cell::text(entry.event.note),
            ]);
        }
    }
    Ok(vec![
        Table {
            sheet: lang.nav_problems().to_owned(),
            headers: headers(&[
                lang.col_title(),
                lang.col_category(),
                lang.col_branch(),
                lang.col_raised_by(),
                lang.col_raised_on(),
                lang.col_responsible(),
                lang.col_helper(),
                lang.col_deadline(),
                lang.col_state(),
                lang.col_days_open(),
                lang.col_resolution(),
            ]),
            rows: ledger,
        },
        Table {
            sheet: lang.problem_history_sheet().to_owned(),
            headers: headers(&[
                lang.col_title(),
                lang.col_date(),
                lang.col_state(),
                lang.col_actor(),
                lang.col_note(),
            ]),
            rows: history,
        },
    ])
}

fn points(store: &Store, lang: Lang, period: Option<Period>) -> store::Result<Table> {
    let roster = store.roster()?;
    let rows = store
        .points_ledger(period)?
        .into_iter()
        .map(|line| {
            vec![
                Cell::Date(line.on),
                Cell::text(
                    roster
                        .iter()
                        .find(|e| e.id == line.secretary)
                        .map(|e| e.fields.name.clone())
                        .unwrap_or_default(),
                ),
                Cell::Int(line.points),
                Cell::text(
                    line.event
                        .map_or(lang.manual_award(), |e| lang.points_event(e)),
                ),
                Cell::text(format!("{} {}", lang.points_source(line.source), line.what)),
            ]
        })
        .collect();
    Ok(Table {
        sheet: lang.points_ledger().to_owned(),
        headers: headers(&[
            lang.col_date(),
            lang.col_name(),
            lang.col_points(),
            lang.col_rule(),
            lang.col_record(),
        ]),
        rows,
    })
}

fn assessments(store: &Store, lang: Lang, period: Period) -> store::Result<Table> {
    let roster = store.roster()?;
    let criteria = store.criteria()?;
    let rows = store
        .assessments(period)?
        .into_iter()
        .map(|a| {
            let mut row = vec![
                Cell::Int(a.rank as i64),
                Cell::text(
                    roster
                        .iter()
                        .find(|e| e.id == a.secretary)
                        .map(|e| e.fields.name.clone())
                        .unwrap_or_default(),
                ),
            ];
            row.extend(a.scores.iter().map(|s| Cell::Number(s.score)));
            row.extend([
                Cell::Number(a.base),
                Cell::Number(a.bonus),
                Cell::Number(a.deductions),
                Cell::Number(a.total),
                Cell::Int(i64::from(a.stars)),
            ]);
            row
        })
        .collect();
    let mut titles = headers(&[lang.col_rank(), lang.col_name()]);
    titles.extend(
        criteria
            .iter()
            .map(|c| format!("{}（{}）", c.name, format_score(c.max_score))),
    );
    titles.extend(headers(&[
        lang.part_base(),
        lang.part_bonus(),
        lang.part_deduction(),
        lang.col_total(),
        lang.col_stars(),
    ]));
    Ok(Table {
        sheet: format!("{} {period}", lang.assessment_results()),
        headers: titles,
        rows,
    })
}

/// Writes `ledger` to `path` (`.xlsx` or `.csv`); returns how many rows the main table has.
///
/// # Errors
/// `Cancelled` if `progress` was cancelled before the file was written (nothing is), or why
/// the store could not be read or the file not written.
pub fn export(
    store: &Store,
    ledger: Ledger,
    lang: Lang,
    period: Option<Period>,
    today: NaiveDate,
    path: &std::path::Path,
    progress: &crate::work::Progress,
) -> Result<usize, crate::work::WorkError> {
    progress.step(0.05)?;
    let tables = tables(store, ledger, lang, period, today).map_err(|e| lang.store_error(&e))?;
    progress.step(0.5)?;
    crate::report::table::write(&tables, path).map_err(|e| lang.export_error(path, &e))?;
    progress.step(1.0).ok();
    Ok(tables.first().map_or(0, |t| t.rows.len()))
}
