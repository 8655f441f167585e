//! The period report (工作情况报告) of a month, quarter, half-year or year: sessions held,
//! attendance by area and by person, problems raised and resolved, the pairings' progress, the
//! points leaderboard and the ranking with stars, the branches' theme party days per quarter
//! and area, the bases and the tasks due, with charts drawn into the PDF.

use super::section;
use crate::domain::assessment::Assessment;
use crate::domain::assessment::format_score;
use crate::domain::figures::{AttendanceCounts, ProblemCounts};
use crate::domain::pairing::{PairingId, PairingProgress};
use crate::domain::period::Period;
use crate::domain::points::LeaderboardEntry;
use crate::domain::session::SessionKind;
use crate::domain::session::SessionSummary;
use crate::domain::theme_day::ThemeDayFigures;
use crate::domain::{RosterEntry, SecretaryId};
use crate::i18n::Lang;
use crate::report::Compose;
use crate::report::pdf::{Column, Document, Font};
use crate::store::Store;
use crate::work::{Progress, WorkError};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, HashMap};

/// The studio's own sessions (not help visits, which the pairings part counts) are listed one
/// by one only up to this many; beyond it the report counts them by kind and month (the
/// session ledger export lists them all).
const LISTED_SESSIONS: usize = 60;
/// Roughly the height of a chart's bar (to keep a heading with its chart).
const BODY_ROW: f32 = 19.0;
/// How many lead the points leaderboard.
const LEADERS: usize = 20;

/// A day as a report's header line writes it: 2026年1月1日 / 1 Jan 2026.
fn short_date(lang: Lang, day: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", day.year(), day.month(), day.day()),
        Lang::En => day.format("%-d %b %Y").to_string(),
    }
}

fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_owned(), |r| format!("{:.1}%", r * 100.0))
}

/// Who someone is in the report: their roster entry, if still there.
struct People {
    by_id: HashMap<SecretaryId, RosterEntry>,
    /// Areas in the order the app lists them (第1片区 before 第10片区); no area last.
    area_order: HashMap<String, usize>,
}

impl People {
    fn name(&self, id: SecretaryId) -> String {
        self.by_id
            .get(&id)
            .map(|e| e.fields.name.clone())
            .unwrap_or_default()
    }

    fn branch(&self, id: SecretaryId) -> String {
        self.by_id
            .get(&id)
            .map(|e| e.branch_name.clone())
            .unwrap_or_default()
    }

    fn area(&self, id: SecretaryId) -> String {
        self.by_id
            .get(&id)
            .map(|e| e.area_name.clone())
            .unwrap_or_default()
    }

    /// The area's place in the list, then its name: for sorting.
    fn area_key(&self, id: Option<SecretaryId>) -> (usize, String) {
        let name = id.map(|id| self.area(id)).unwrap_or_default();
        (
            self.area_order.get(&name).copied().unwrap_or(usize::MAX),
            name,
        )
    }
}

fn col(title: &str, share: f32) -> Column<'_> {
    Column { title, share }
}

/// Everything the report shows, read from the store once, with the totals it quotes.
struct Data {
    studio: String,
    people: People,
    sessions: Vec<SessionSummary>,
    attendance: Vec<(SecretaryId, AttendanceCounts)>,
    problems: Vec<(Option<SecretaryId>, ProblemCounts)>,
    /// Pairings active at some time in the period.
    active: Vec<PairingProgress>,
    board: Vec<LeaderboardEntry>,
    assessments: Vec<Assessment>,
    stale_days: i64,
    total: AttendanceCounts,
    problem_total: ProblemCounts,
    /// Help visits in the period per pairing: how many, and the last.
    visits_in_period: HashMap<PairingId, (i64, NaiveDate)>,
    /// Attendance and sessions held, by kind of session.
    by_kind: BTreeMap<SessionKind, AttendanceCounts>,
    count_by_kind: BTreeMap<SessionKind, usize>,
}

impl Data {
    /// Reads what the report of `period` needs, as things stand on `today`.
    fn gather(
        store: &Store,
        lang: Lang,
        period: Period,
        today: NaiveDate,
        progress: &Progress,
    ) -> Result<Self, WorkError> {
        let error = |e: crate::store::Error| WorkError::Failed(lang.store_error(&e));
        let studio = store.studio().map_err(error)?.name;
        let roster = store.roster().map_err(error)?;
        let in_office: Vec<SecretaryId> = roster
            .iter()
            .filter(|e| !e.fields.archived)
            .map(|e| e.id)
            .collect();
        let people = People {
            by_id: roster.into_iter().map(|e| (e.id, e)).collect(),
            area_order: store
                .areas()
                .map_err(error)?
                .into_iter()
                .enumerate()
                .map(|(i, a)| (a.name, i))
                .collect(),
        };
        progress.step(0.05)?;
        let sessions = store.sessions_in(period).map_err(error)?;
        progress.step(0.15)?;
        let attendance = store.attendance_counts(period).map_err(error)?;
        progress.step(0.25)?;
        let problems = store.problem_counts(period, today).map_err(error)?;
        progress.step(0.35)?;
        let active: Vec<PairingProgress> = store
            .pairings()
            .map_err(error)?
            .into_iter()
            .filter(|p| {
                p.fields.starts_on <= period.end
                    && p.fields.ends_on.is_none_or(|e| e >= period.start)
            })
            .collect();
        progress.step(0.4)?;
        let lines = store.points_ledger(Some(period)).map_err(error)?;
        let board = crate::domain::points::leaderboard(&lines, period, &in_office);
        progress.step(0.5)?;
        let assessments = store.assessments(period).map_err(error)?;
        let stale_days = store.stale_days().map_err(error)?;
        progress.step(0.6)?;
        let mut total = AttendanceCounts::default();
        for (_, counts) in &attendance {
            total.merge(*counts);
        }
        let mut problem_total = ProblemCounts::default();
        for (_, counts) in &problems {
            problem_total.merge(*counts);
        }
        let mut visits_in_period: HashMap<PairingId, (i64, NaiveDate)> = HashMap::new();
        let mut by_kind: BTreeMap<SessionKind, AttendanceCounts> = BTreeMap::new();
        let mut count_by_kind: BTreeMap<SessionKind, usize> = BTreeMap::new();
        for session in &sessions {
            if session.fields.kind == SessionKind::HelpVisit
                && let Some(pairing) = session.fields.pairing_id
            {
                let entry = visits_in_period
                    .entry(pairing)
                    .or_insert((0, session.fields.held_on));
                entry.0 += 1;
                entry.1 = entry.1.max(session.fields.held_on);
            }
            *count_by_kind.entry(session.fields.kind).or_default() += 1;
            let counts = by_kind.entry(session.fields.kind).or_default();
            counts.present += session.attended;
            counts.absent += session.expected - session.attended;
        }
        Ok(Self {
            studio,
            people,
            sessions,
            attendance,
            problems,
            active,
            board,
            assessments,
            stale_days,
            total,
            problem_total,
            visits_in_period,
            by_kind,
            count_by_kind,
        })
    }
}

/// An area's name as the report prints it (no area said so).
fn area_label(lang: Lang, area: &str) -> String {
    if area.is_empty() {
        lang.report_no_area().to_owned()
    } else {
        area.to_owned()
    }
}

/// Lays out the report of `period` as things stand on `today`. Checks `progress` between its
/// parts and while laying out tables; a cancelled report returns `Cancelled`.
pub fn period_report<'f>(
    store: &Store,
    lang: Lang,
    font: &'f Font,
    period: Period,
    today: NaiveDate,
    progress: &'f Progress,
) -> Result<Document<'f>, WorkError> {
    let mut doc = Document::new(font);
    doc.watch(progress);
    compose_period_report(store, lang, &mut doc, period, today, progress)?;
    Ok(doc)
}

/// Writes the report of `period` as things stand on `today` into `doc`.
pub fn compose_period_report(
    store: &Store,
    lang: Lang,
    doc: &mut dyn Compose,
    period: Period,
    today: NaiveDate,
    progress: &Progress,
) -> Result<(), WorkError> {
    let d = Data::gather(store, lang, period, today, progress)?;
    let heads = store
        .document_heads()
        .map_err(|e| WorkError::Failed(lang.store_error(&e)))?;
    doc.letterhead(&heads.letterhead);
    doc.title(
        &format!(
            "{}\n{}{}",
            d.studio,
            lang.period_name(period),
            lang.report_report()
        ),
        17.0,
    );
    doc.paragraph(
        &format!(
            "{}{}{}{}　　{}{}",
            lang.report_period(),
            short_date(lang, period.start),
            lang.report_to(),
            short_date(lang, period.end),
            lang.report_made(),
            short_date(lang, today)
        ),
        0.0,
    );
    overview_section(doc, lang, &d);
    sessions_section(doc, lang, &d, period);
    progress.step(0.65)?;
    attendance_section(doc, lang, &d);
    progress.step(0.7)?;
    problems_section(doc, lang, &d);
    pairings_section(doc, lang, &d, period, today);
    progress.step(0.75)?;
    leaderboard_section(doc, lang, &d);
    progress.step(0.8)?;
    ranking_section(doc, lang, &d);
    let town =
        Town::gather(store, period, today).map_err(|e| WorkError::Failed(lang.store_error(&e)))?;
    theme_days_section(doc, lang, &town, period);
    town_section(doc, lang, &town);
    doc.signatures(&[
        lang.report_prepared(),
        lang.report_approved(),
        lang.report_date(),
    ]);
    doc.sign_off(&[&heads.signer, &super::full_date_plain(lang, today)]);
    progress.step(0.85)?;
    Ok(())
}

/// The numbering of figures.
fn figure(lang: Lang) -> &'static str {
    lang.report_figure()
}

/// 一、总体情况: the period in one paragraph.
fn overview_section(doc: &mut dyn Compose, lang: Lang, d: &Data) {
    let visits: i64 = d.visits_in_period.values().map(|v| v.0).sum();
    let kinds_text = d
        .count_by_kind
        .iter()
        .map(|(kind, n)| match lang {
            Lang::Zh => format!("{} {n} 场", lang.session_kind(*kind)),
            Lang::En => format!("{}: {n}", lang.session_kind(*kind).to_lowercase()),
        })
        .collect::<Vec<_>>()
        .join(lang.report_list_separator());
    doc.heading(&section(lang, 1, lang.report_overview()));
    let (sessions_held, expected, attended, rate) = (
        d.sessions.len(),
        d.total.expected(),
        d.total.attended(),
        percent(d.total.rate()),
    );
    let ProblemCounts {
        raised,
        resolved,
        open,
        overdue,
    } = d.problem_total;
    let pairs = d.active.len();
    let overview = match lang {
        Lang::Zh => {
            let kinds = if kinds_text.is_empty() {
                String::new()
            } else {
                format!("（{kinds_text}）")
            };
            format!(
                "本期共开展活动 {sessions_held} 场{kinds}，应到 {expected} 人次，实到 {attended} 人次，出勤率 {rate}；提出发展难题 {raised} 件，本期解决 {resolved} 件，本期提出的尚有 {open} 件未解决（其中逾期 {overdue} 件）；在帮结对 {pairs} 对，帮扶走访 {visits} 次。"
            )
        }
        Lang::En => {
            let kinds = if kinds_text.is_empty() {
                String::new()
            } else {
                format!(" ({kinds_text})")
            };
            format!(
                "{sessions_held} sessions were held{kinds}; {expected} attendances expected, {attended} attended ({rate}). {raised} problems were raised and {resolved} resolved; {open} raised in the period are still open ({overdue} overdue). {pairs} pairings were active, with {visits} help visits."
            )
        }
    };
    doc.paragraph(&overview, 2.0);
}

/// 二、活动开展情况: sessions by kind and month, and the studio's own listed.
fn sessions_section(doc: &mut dyn Compose, lang: Lang, d: &Data, period: Period) {
    let figure = figure(lang);
    // 二、活动开展情况
    doc.heading(&section(lang, 2, lang.report_sessions_held()));
    let kind_rows: Vec<Vec<String>> = d
        .by_kind
        .iter()
        .map(|(kind, counts)| {
            vec![
                lang.session_kind(*kind).to_owned(),
                d.count_by_kind.get(kind).copied().unwrap_or(0).to_string(),
                counts.expected().to_string(),
                counts.attended().to_string(),
                percent(counts.rate()),
            ]
        })
        .collect();
    doc.table(
        &[
            col(lang.col_session_kind(), 0.32),
            col(lang.report_sessions(), 0.17),
            col(lang.col_expected(), 0.17),
            col(lang.col_attended(), 0.17),
            col(lang.report_rate(), 0.17),
        ],
        &kind_rows,
        0.0,
    );
    let months: Vec<NaiveDate> = (0..period.month_count())
        .filter_map(|m| period.start.checked_add_months(chrono::Months::new(m)))
        .collect();
    if months.len() > 1 {
        let per_month: Vec<(String, f64, String)> = months
            .iter()
            .map(|month| {
                let n = d
                    .sessions
                    .iter()
                    .filter(|s| {
                        s.fields.held_on.year() == month.year()
                            && s.fields.held_on.month() == month.month()
                    })
                    .count();
                #[allow(clippy::cast_precision_loss)]
                let value = n as f64;
                (
                    match lang {
                        Lang::Zh => format!("{}月", month.month()),
                        Lang::En => month.format("%b").to_string(),
                    },
                    value,
                    n.to_string(),
                )
            })
            .collect();
        doc.column_chart(lang.report_sessions_per_month(), figure, &per_month);
    }
    let listed: Vec<_> = d
        .sessions
        .iter()
        .filter(|s| s.fields.kind != SessionKind::HelpVisit)
        .collect();
    if listed.len() <= LISTED_SESSIONS {
        let rows: Vec<Vec<String>> = listed
            .iter()
            .rev()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    (i + 1).to_string(),
                    s.fields.held_on.format("%Y-%m-%d").to_string(),
                    s.fields.topic.clone(),
                    lang.session_kind(s.fields.kind).to_owned(),
                    s.fields.place.clone(),
                    format!("{}/{}", s.attended, s.expected),
                ]
            })
            .collect();
        if !rows.is_empty() {
            doc.paragraph(lang.report_studio_s_sessions_help(), 2.0);
            doc.table(
                &[
                    col(lang.report_no(), 0.07),
                    col(lang.col_date(), 0.15),
                    col(lang.col_topic(), 0.34),
                    col(lang.col_session_kind(), 0.14),
                    col(lang.col_place(), 0.18),
                    col(lang.report_came(), 0.12),
                ],
                &rows,
                0.0,
            );
        }
    } else {
        doc.paragraph(
            &match lang {
                Lang::Zh => format!(
                    "本期集中活动共 {} 场，逐场明细见“活动台账”导出表。",
                    listed.len()
                ),
                Lang::En => format!(
                    "The {} studio sessions are listed one by one in the exported session ledger.",
                    listed.len()
                ),
            },
            2.0,
        );
    }
}

/// 三、出勤情况: attendance by area and by person.
fn attendance_section(doc: &mut dyn Compose, lang: Lang, d: &Data) {
    let figure = figure(lang);
    // 三、出勤情况
    doc.heading(&section(lang, 3, lang.report_attendance()));
    let mut by_area: BTreeMap<(usize, String), (usize, AttendanceCounts)> = BTreeMap::new();
    for (secretary, counts) in &d.attendance {
        let entry = by_area
            .entry(d.people.area_key(Some(*secretary)))
            .or_default();
        entry.0 += 1;
        entry.1.merge(*counts);
    }
    let area_rows: Vec<Vec<String>> = by_area
        .iter()
        .map(|((_, area), (people, c))| {
            vec![
                area_label(lang, area),
                people.to_string(),
                c.expected().to_string(),
                c.attended().to_string(),
                c.excused.to_string(),
                c.absent.to_string(),
                percent(c.rate()),
            ]
        })
        .collect();
    doc.table(
        &[
            col(lang.col_area(), 0.22),
            col(lang.report_people(), 0.11),
            col(lang.col_expected(), 0.13),
            col(lang.col_attended(), 0.13),
            col(lang.report_leave(), 0.13),
            col(lang.report_absent(), 0.13),
            col(lang.report_rate(), 0.15),
        ],
        &area_rows,
        0.0,
    );
    if !by_area.is_empty() {
        let bars: Vec<(String, f64, String)> = by_area
            .iter()
            .map(|((_, area), (_, c))| {
                (
                    area_label(lang, area),
                    c.rate().unwrap_or(0.0) * 100.0,
                    percent(c.rate()),
                )
            })
            .collect();
        doc.bar_chart(lang.report_attendance_rate_area(), figure, &bars, 100.0);
    }
    let mut person_rows: Vec<((usize, String), String, String, AttendanceCounts)> = d
        .attendance
        .iter()
        .map(|(id, c)| {
            (
                d.people.area_key(Some(*id)),
                d.people.branch(*id),
                d.people.name(*id),
                *c,
            )
        })
        .collect();
    person_rows.sort_by(|a, b| (&a.0, &a.1, &a.2).cmp(&(&b.0, &b.1, &b.2)));
    let rows: Vec<Vec<String>> = person_rows
        .iter()
        .enumerate()
        .map(|(i, ((_, area), branch, name, c))| {
            vec![
                (i + 1).to_string(),
                name.clone(),
                branch.clone(),
                area_label(lang, area),
                c.expected().to_string(),
                c.present.to_string(),
                c.late.to_string(),
                c.excused.to_string(),
                c.absent.to_string(),
                percent(c.rate()),
            ]
        })
        .collect();
    doc.table(
        &[
            col(lang.report_no(), 0.07),
            col(lang.col_name(), 0.1),
            col(lang.col_branch(), 0.17),
            col(lang.col_area(), 0.13),
            col(lang.report_exp(), 0.085),
            col(lang.report_pres(), 0.085),
            col(lang.report_late(), 0.075),
            col(lang.report_lv(), 0.075),
            col(lang.report_abs(), 0.085),
            col(lang.report_rate(), 0.12),
        ],
        &rows,
        0.0,
    );
}

/// 四、发展难题: problems raised, resolved and open, by area.
fn problems_section(doc: &mut dyn Compose, lang: Lang, d: &Data) {
    // 四、发展难题
    doc.heading(&section(lang, 4, lang.report_problems()));
    let mut problems_by_area: BTreeMap<(usize, String), ProblemCounts> = BTreeMap::new();
    for (secretary, counts) in &d.problems {
        problems_by_area
            .entry(d.people.area_key(*secretary))
            .or_default()
            .merge(*counts);
    }
    let mut rows: Vec<Vec<String>> = problems_by_area
        .iter()
        .map(|((_, area), c)| {
            vec![
                area_label(lang, area),
                c.raised.to_string(),
                c.resolved.to_string(),
                c.open.to_string(),
                c.overdue.to_string(),
            ]
        })
        .collect();
    rows.push(vec![
        lang.report_total().to_owned(),
        d.problem_total.raised.to_string(),
        d.problem_total.resolved.to_string(),
        d.problem_total.open.to_string(),
        d.problem_total.overdue.to_string(),
    ]);
    doc.table(
        &[
            col(lang.col_area(), 0.28),
            col(lang.report_raised(), 0.18),
            col(lang.report_resolved(), 0.18),
            col(lang.report_still_open(), 0.18),
            col(lang.report_overdue(), 0.18),
        ],
        &rows,
        0.0,
    );
    doc.paragraph(lang.report_note_resolved_counts_problems(), 2.0);
}

/// 五、结对帮扶: each active pairing's visits, problems and state.
fn pairings_section(doc: &mut dyn Compose, lang: Lang, d: &Data, period: Period, today: NaiveDate) {
    // 五、结对帮扶
    doc.heading(&section(lang, 5, lang.report_pairings()));
    let stale_days = d.stale_days;
    let as_of = today.min(period.end);
    let rows: Vec<Vec<String>> = d
        .active
        .iter()
        .map(|p| {
            let (count, last) = d
                .visits_in_period
                .get(&p.id)
                .map_or((0, None), |(n, d)| (*n, Some(*d)));
            let state = if p.fields.ends_on.is_some_and(|e| e <= period.end) {
                lang.report_ended().to_owned()
            } else if p.is_stale(as_of, d.stale_days) {
                match lang {
                    Lang::Zh => format!("超过 {stale_days} 天未走访"),
                    Lang::En => format!("No visit for over {stale_days} days"),
                }
            } else {
                lang.report_track().to_owned()
            };
            vec![
                d.people.name(p.fields.strong),
                d.people.name(p.fields.weak),
                count.to_string(),
                last.map_or_else(|| "—".to_owned(), |d| d.format("%Y-%m-%d").to_string()),
                format!("{}/{}", p.problems_resolved, p.problems_raised),
                state,
            ]
        })
        .collect();
    if rows.is_empty() {
        doc.paragraph(lang.none_value(), 2.0);
    } else {
        doc.table(
            &[
                col(lang.col_strong(), 0.14),
                col(lang.col_weak(), 0.14),
                col(lang.report_visits(), 0.13),
                col(lang.col_last_visit(), 0.17),
                col(lang.report_problems_solved_all_time(), 0.18),
                col(lang.report_state(), 0.24),
            ],
            &rows,
            0.0,
        );
    }
}

/// 六、积分排行: the leaders and a chart of the ten first.
fn leaderboard_section(doc: &mut dyn Compose, lang: Lang, d: &Data) {
    let figure = figure(lang);
    // 六、积分排行: the heading stays with its chart.
    doc.need(BODY_ROW * (LEADERS.min(10) as f32 + 4.0));
    doc.heading(&section(lang, 6, lang.report_points_leaderboard()));
    let leaders: Vec<_> = d.board.iter().take(LEADERS).collect();
    let top: Vec<(String, f64, String)> = leaders
        .iter()
        .take(10)
        .filter(|e| e.points > 0)
        .map(|e| {
            #[allow(clippy::cast_precision_loss)]
            let value = e.points as f64;
            (d.people.name(e.secretary), value, e.points.to_string())
        })
        .collect();
    if !top.is_empty() {
        doc.bar_chart(lang.report_ten_most_points(), figure, &top, 0.0);
    }
    let rows: Vec<Vec<String>> = leaders
        .iter()
        .map(|e| {
            vec![
                e.rank.to_string(),
                d.people.name(e.secretary),
                d.people.branch(e.secretary),
                area_label(lang, &d.people.area(e.secretary)),
                e.points.to_string(),
            ]
        })
        .collect();
    doc.table(
        &[
            col(lang.col_rank(), 0.1),
            col(lang.col_name(), 0.16),
            col(lang.col_branch(), 0.34),
            col(lang.col_area(), 0.22),
            col(lang.col_points(), 0.18),
        ],
        &rows,
        0.0,
    );
}

/// 七、比拼排名与星级: the ranking with stars.
fn ranking_section(doc: &mut dyn Compose, lang: Lang, d: &Data) {
    // 七、比拼排名
    doc.heading(&section(lang, 7, lang.report_ranking_stars()));
    let mut stars = [0usize; 6];
    for a in &d.assessments {
        stars[usize::from(a.stars.min(5))] += 1;
    }
    let star_text = (1..=5)
        .rev()
        .filter(|s| stars[*s] > 0)
        .map(|s| match lang {
            Lang::Zh => format!("{} {} 人", "★".repeat(s), stars[s]),
            Lang::En => format!("{} {}", "★".repeat(s), stars[s]),
        })
        .collect::<Vec<_>>()
        .join(lang.report_comma());
    if !star_text.is_empty() {
        doc.paragraph(
            &format!(
                "{}{star_text}{}",
                lang.report_stars(),
                lang.report_full_stop()
            ),
            2.0,
        );
    }
    let rows: Vec<Vec<String>> = d
        .assessments
        .iter()
        .map(|a| {
            vec![
                a.rank.to_string(),
                d.people.name(a.secretary),
                d.people.branch(a.secretary),
                format_score(a.base),
                format_score(a.bonus),
                format_score(a.deductions),
                format_score(a.total),
                "★".repeat(usize::from(a.stars)),
            ]
        })
        .collect();
    doc.table(
        &[
            col(lang.col_rank(), 0.08),
            col(lang.col_name(), 0.12),
            col(lang.col_branch(), 0.26),
            col(lang.part_base(), 0.1),
            col(lang.part_bonus(), 0.09),
            col(lang.report_minus(), 0.09),
            col(lang.col_total(), 0.1),
            col(lang.col_stars(), 0.16),
        ],
        &rows,
        0.0,
    );
}

/// What the report says of the branches' theme party days, the bases and the tasks.
struct Town {
    /// Each quarter of the period with its areas' theme days counted (area order as listed;
    /// no area last).
    theme_days: Vec<(Period, Vec<(String, ThemeDayFigures)>)>,
    /// The whole period's theme days counted.
    theme_total: ThemeDayFigures,
    floor: i64,
    /// Bases followed in the period, and their industries.
    bases: usize,
    industries: Vec<String>,
    /// Tasks due in the period: all, done on time, done late, open past their deadline.
    tasks: [usize; 4],
}

impl Town {
    fn gather(store: &Store, period: Period, today: NaiveDate) -> crate::store::Result<Self> {
        let floor = store.theme_day_floor()?;
        let days = store.theme_days(period.year_number())?;
        let branches = store.branches()?;
        let areas = store.areas()?;
        let theme_days =
            theme_days_by_quarter_and_area(&days, &branches, &areas, period, today, floor);
        let in_period: Vec<&crate::domain::theme_day::ThemeDayFields> = days
            .iter()
            .map(|d| &d.fields)
            .filter(|f| period.contains(f.planned_on))
            .collect();
        let theme_total = ThemeDayFigures::of(in_period, today, floor);
        let mut industries: Vec<String> = Vec::new();
        let mut bases = 0;
        for base in store.bases()? {
            let f = base.fields;
            if f.archived || f.started_on.is_some_and(|d| d > period.end) {
                continue;
            }
            bases += 1;
            let industry = f.industry.trim().to_owned();
            if !industry.is_empty() && !industries.contains(&industry) {
                industries.push(industry);
            }
        }
        let mut tasks = [0; 4];
        for task in store.tasks()? {
            if !task.fields.deadline.is_some_and(|d| period.contains(d)) {
                continue;
            }
            tasks[0] += 1;
            match task.shown(today) {
                crate::domain::task::TaskShown::Done => tasks[1] += 1,
                crate::domain::task::TaskShown::DoneLate => tasks[2] += 1,
                crate::domain::task::TaskShown::Overdue => tasks[3] += 1,
                _ => {}
            }
        }
        Ok(Self {
            theme_days,
            theme_total,
            floor,
            bases,
            industries,
            tasks,
        })
    }
}

/// The theme party days of `period` counted per quarter and per area (a branch's area; no
/// area last) by the domain's count, quarters in order and areas as listed; a quarter or area
/// without a party day due is left out.
fn theme_days_by_quarter_and_area(
    days: &[crate::domain::theme_day::ThemeDay],
    branches: &[crate::domain::Branch],
    areas: &[crate::domain::Area],
    period: Period,
    today: NaiveDate,
    floor: i64,
) -> Vec<(Period, Vec<(String, ThemeDayFigures)>)> {
    let area_of: std::collections::HashMap<_, _> = branches
        .iter()
        .filter_map(|b| b.area_id.map(|a| (b.id, a)))
        .collect();
    let in_period: Vec<crate::domain::theme_day::ThemeDay> = days
        .iter()
        .filter(|d| period.contains(d.fields.planned_on))
        .cloned()
        .collect();
    let mut quarters = Vec::new();
    let mut quarter = Period::quarter_of(period.start);
    while let Some(q) = quarter.filter(|q| q.start <= period.end) {
        let counted =
            crate::domain::theme_day::figures_by_area(&in_period, &area_of, q, today, floor);
        let rows: Vec<(String, ThemeDayFigures)> = areas
            .iter()
            .map(|a| (a.name.clone(), counted.of(Some(a.id))))
            .chain(std::iter::once((String::new(), counted.of(None))))
            .filter(|(_, figures)| figures.planned > 0)
            .collect();
        if !rows.is_empty() {
            quarters.push((q, rows));
        }
        quarter = q.end.succ_opt().and_then(Period::quarter_of);
    }
    quarters
}

/// 八、主题党日: per quarter and area, held as planned, late, missed, below the floor, and
/// the share held as planned (规范执行率).
fn theme_days_section(doc: &mut dyn Compose, lang: Lang, town: &Town, period: Period) {
    doc.heading(&section(lang, 8, lang.report_theme_days()));
    if town.theme_total.planned == 0 {
        doc.paragraph(lang.report_theme_none(), 2.0);
        return;
    }
    doc.paragraph(
        &lang.report_theme_summary(
            town.theme_total,
            town.floor,
            &percent(town.theme_total.rate()),
        ),
        2.0,
    );
    let row = |quarter: String, area: String, f: &ThemeDayFigures| {
        vec![
            quarter,
            area,
            f.planned.to_string(),
            f.on_time.to_string(),
            f.late.to_string(),
            (f.missed + f.overdue).to_string(),
            f.below_floor.to_string(),
            percent(f.rate()),
        ]
    };
    let whole_year = period.month_count() > 3;
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (quarter, areas) in &town.theme_days {
        let name = if whole_year {
            lang.period_part(quarter.part())
        } else {
            lang.period_name(*quarter)
        };
        for (area, figures) in areas {
            rows.push(row(name.clone(), area_label(lang, area), figures));
        }
    }
    rows.push(row(
        lang.report_total().to_owned(),
        String::new(),
        &town.theme_total,
    ));
    doc.table(
        &[
            col(lang.report_theme_quarter(), 0.16),
            col(lang.col_area(), 0.16),
            col(lang.report_theme_planned(), 0.09),
            col(lang.report_theme_on_time(), 0.11),
            col(lang.report_theme_late(), 0.09),
            col(lang.report_theme_missed(), 0.09),
            col(lang.report_theme_below_floor(), 0.14),
            col(lang.report_theme_rate(), 0.16),
        ],
        &rows,
        0.0,
    );
    doc.paragraph(lang.report_theme_note(), 2.0);
}

/// 九、产业基地和任务落实: the bases followed and the tasks due in the period, in a paragraph.
fn town_section(doc: &mut dyn Compose, lang: Lang, town: &Town) {
    doc.heading(&section(lang, 9, lang.report_town()));
    doc.paragraph(
        &lang.report_town_summary(
            town.bases,
            &town.industries.join(lang.report_list_separator()),
            town.tasks,
        ),
        2.0,
    );
}
