//! What is due: planned sessions, each branch's theme party day, problem and task deadlines,
//! pairings due a visit, terms (and their letters of appointment) ending, milestones of the
//! bases and the month's planned learning topics — one list, overdue first, each item naming
//! the record it opens.

use super::base::BaseId;
use super::decision::DecisionId;
use super::league::MemberId;
use super::learning::PlanItemId;
use super::pairing::PairingId;
use super::roster::{ProblemId, SessionId};
use super::task::TaskId;
use chrono::{Datelike, Duration, NaiveDate};

/// The days ahead the dashboard and `due` list unless told otherwise.
pub const DEFAULT_DAYS_AHEAD: i64 = 14;
/// Overdue items older than this are left to their own screens (a problem two years overdue
/// is on the problem ledger; the calendar says what to act on now).
pub const OVERDUE_LOOKBACK_DAYS: i64 = 366;

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DueKind {
    /// A session dated ahead (or past without its attendance).
    Session,
    /// A branch's theme party day, planned and not recorded.
    ThemeDay,
    /// An open problem's deadline.
    Problem,
    /// An open task's deadline.
    Task,
    /// A pairing whose strong secretary is due a visit.
    Visit,
    /// A member's term (and letter of appointment) ending.
    TermEnds,
    /// A base's milestone planned and not reached.
    Milestone,
    /// A learning topic planned for the month and not yet studied.
    PlannedTopic,
    /// A village decision waiting for its next step.
    Decision,
}

/// The record an item opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DueTarget {
    /// A session.
    Session(SessionId),
    /// The theme party days of a month.
    ThemeDays {
        /// Year.
        year: i32,
        /// Month, 1–12.
        month: u32,
    },
    /// A problem.
    Problem(ProblemId),
    /// A task.
    Task(TaskId),
    /// A pairing.
    Pairing(PairingId),
    /// A membership of a group.
    Member(MemberId),
    /// A base.
    Base(BaseId),
    /// The learning plan's item.
    PlanItem(PlanItemId),
    /// A decision.
    Decision(DecisionId),
}

/// One thing due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueItem {
    /// The day it is due.
    pub on: NaiveDate,
    /// What it is.
    pub kind: DueKind,
    /// Its title (a session's topic, a task's title, the branch of a theme day…).
    pub title: String,
    /// Who or what it concerns (a branch, an owner, a pairing's two names).
    pub who: String,
    /// The record it opens.
    pub target: DueTarget,
}

impl DueItem {
    /// Due before `today` and still open.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.on < today
    }
}

/// Puts items in the calendar's order: overdue first (oldest first), then by day and kind.
pub fn order(items: &mut [DueItem]) {
    items.sort_by(|a, b| (a.on, a.kind, &a.title, &a.who).cmp(&(b.on, b.kind, &b.title, &b.who)));
}

/// The window of the due list: from the lookback to `days` ahead of `today`.
pub fn window(today: NaiveDate, days: i64) -> (NaiveDate, NaiveDate) {
    (
        today - Duration::days(OVERDUE_LOOKBACK_DAYS),
        today + Duration::days(days.max(0)),
    )
}

/// The day a pairing is next due a visit: `every` days after the last visit, or after it
/// started when none was made; `None` once it has ended by `today`.
pub fn visit_due(
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    last_visit: Option<NaiveDate>,
    every_days: i64,
    today: NaiveDate,
) -> Option<NaiveDate> {
    if ends_on.is_some_and(|end| end < today) {
        return None;
    }
    let due = last_visit.unwrap_or(starts_on) + Duration::days(every_days.max(1));
    (ends_on.is_none_or(|end| due <= end)).then_some(due)
}

/// The last day of a month.
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    next.pred_opt()
}

/// The weeks of a month's view, Monday first: each day of the grid, `None` outside the month.
pub fn month_grid(year: i32, month: u32) -> Vec<[Option<NaiveDate>; 7]> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Vec::new();
    };
    let mut weeks = Vec::new();
    let mut week = [None; 7];
    let mut day = first;
    while day.month() == month {
        let column = day.weekday().num_days_from_monday() as usize;
        week[column] = Some(day);
        if column == 6 {
            weeks.push(week);
            week = [None; 7];
        }
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    if week.iter().any(Option::is_some) {
        weeks.push(week);
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn item(on: &str, kind: DueKind, title: &str) -> DueItem {
        DueItem {
            on: day(on),
            kind,
            title: title.into(),
            who: String::new(),
            target: DueTarget::Problem(ProblemId(1)),
        }
    }

    #[test]
    fn overdue_items_come_first_oldest_first() {
        let today = day("2025-12-01");
        let mut items = vec![
            item("2025-12-05", DueKind::Session, "学习会"),
            item("2025-11-20", DueKind::Task, "大棚"),
            item("2025-12-01", DueKind::Problem, "冷库"),
            item("2025-10-01", DueKind::Problem, "道路"),
        ];
        order(&mut items);
        let titles: Vec<_> = items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["道路", "大棚", "冷库", "学习会"]);
        assert!(items[1].overdue(today));
        assert!(!items[2].overdue(today), "due today is not overdue yet");
    }

    #[test]
    fn a_pairing_is_due_a_visit_a_month_after_the_last_and_not_after_it_ends() {
        let today = day("2025-12-01");
        assert_eq!(
            visit_due(day("2025-01-01"), None, Some(day("2025-11-10")), 30, today),
            Some(day("2025-12-10"))
        );
        assert_eq!(
            visit_due(day("2025-11-01"), None, None, 30, today),
            Some(day("2025-12-01"))
        );
        assert_eq!(
            visit_due(day("2025-01-01"), Some(day("2025-11-30")), None, 30, today),
            None,
            "ended"
        );
        assert_eq!(
            visit_due(
                day("2025-01-01"),
                Some(day("2025-12-05")),
                Some(day("2025-11-20")),
                30,
                today
            ),
            None,
            "the next visit would fall after it ends"
        );
    }

    #[test]
    fn a_month_grid_starts_on_monday() {
        // 2025-12-01 is a Monday; December has 31 days: five weeks.
        let weeks = month_grid(2025, 12);
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[0][0], Some(day("2025-12-01")));
        assert_eq!(weeks[4][2], Some(day("2025-12-31")));
        assert_eq!(weeks[4][3], None);
        // 2026-02-01 is a Sunday.
        let february = month_grid(2026, 2);
        assert_eq!(february[0][6], Some(day("2026-02-01")));
        assert_eq!(february[0][0], None);
        assert_eq!(month_end(2024, 2), Some(day("2024-02-29")));
    }
}
