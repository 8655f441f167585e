//! 主题党日: each branch's monthly theme party day, planned on a fixed day, then held (on time
//! or late, 补开) or missed with a reason; and the quarter's 规范执行率 per branch.

use super::period::{Period, PeriodPart};
use super::roster::{AreaId, BranchId};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, HashMap};

local_id!(
    /// A branch's theme party day of one month.
    ThemeDayId,
);

code_enum!(
    /// Where a month's theme party day stands, as recorded.
    ThemeDayState {
        /// Planned, not yet recorded.
        Planned = "planned",
        /// Held.
        Held = "held",
        /// Not held (with the reason).
        Missed = "missed",
    }
);

/// The setting key of the attendance floor, in percent.
pub const FLOOR_KEY: &str = "theme_day_floor";
/// The attendance floor unless set otherwise: 80 % of the branch's members.
pub const DEFAULT_FLOOR_PERCENT: i64 = 80;

/// A month's theme party day of one branch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeDayFields {
    /// The branch.
    pub branch: BranchId,
    /// The year of the month.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// The fixed day it is planned for.
    pub planned_on: NaiveDate,
    /// 主题
    pub topic: String,
    /// Planned, held or missed.
    pub state: ThemeDayState,
    /// When it was held.
    pub held_on: Option<NaiveDate>,
    /// Members present (实到党员).
    pub members_present: Option<i64>,
    /// The branch's members (应到党员).
    pub members_total: Option<i64>,
    /// Why it was missed.
    pub reason: String,
    /// Notes.
    pub notes: String,
}

/// A theme party day as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeDay {
    /// Local key.
    pub id: ThemeDayId,
    /// The record.
    pub fields: ThemeDayFields,
}

/// What is wrong with a theme party day as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeDayError {
    /// The planned day is not in its month.
    PlannedOutsideMonth,
    /// Held, but no day given.
    HeldWithoutDay,
    /// Held before it was planned for, in an earlier month.
    HeldBeforeMonth,
    /// More members present than the branch has.
    PresentAboveTotal,
    /// Held without the members present and the branch's members.
    HeldWithoutCounts,
    /// Missed without a reason.
    MissedWithoutReason,
    /// Recorded as held or missed, with a day after today.
    InTheFuture,
}

/// How a month's theme party day turned out, on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// Held on or before the planned day (按时).
    OnTime,
    /// Held after the planned day (补开).
    Late,
    /// Not held, with a reason (未开).
    Missed,
    /// Planned, the day not yet come.
    Upcoming,
    /// Planned, the day past, nothing recorded (逾期未报).
    Overdue,
}

impl ThemeDayFields {
    /// Checks what was typed against the month, the state and `today`.
    pub fn check(&self, today: NaiveDate) -> Result<(), ThemeDayError> {
        if self.planned_on.year() != self.year || self.planned_on.month() != self.month {
            return Err(ThemeDayError::PlannedOutsideMonth);
        }
        match self.state {
            ThemeDayState::Planned | ThemeDayState::Missed if !self.missing_reason() => Ok(()),
            ThemeDayState::Planned | ThemeDayState::Missed => {
                Err(ThemeDayError::MissedWithoutReason)
            }
            ThemeDayState::Held => {
                let held = self.held_on.ok_or(ThemeDayError::HeldWithoutDay)?;
                if held > today {
                    return Err(ThemeDayError::InTheFuture);
                }
                if (held.year(), held.month()) < (self.year, self.month) {
                    return Err(ThemeDayError::HeldBeforeMonth);
                }
                match (self.members_present, self.members_total) {
                    (Some(present), Some(total)) if present > total => {
                        Err(ThemeDayError::PresentAboveTotal)
                    }
                    (Some(_), Some(_)) => Ok(()),
                    _ => Err(ThemeDayError::HeldWithoutCounts),
                }
            }
        }
    }

    fn missing_reason(&self) -> bool {
        self.state == ThemeDayState::Missed && self.reason.trim().is_empty()
    }

    /// How it turned out, on `today`.
    pub fn outcome(&self, today: NaiveDate) -> Outcome {
        match (self.state, self.held_on) {
            (ThemeDayState::Held, Some(held)) if held <= self.planned_on => Outcome::OnTime,
            (ThemeDayState::Held, _) => Outcome::Late,
            (ThemeDayState::Missed, _) => Outcome::Missed,
            (ThemeDayState::Planned, _) if self.planned_on < today => Outcome::Overdue,
            (ThemeDayState::Planned, _) => Outcome::Upcoming,
        }
    }

    /// Members present of the branch's members, when held and both are known.
    pub fn attendance_rate(&self) -> Option<f64> {
        match (self.state, self.members_present, self.members_total) {
            (ThemeDayState::Held, Some(present), Some(total)) if total > 0 => {
                Some(present as f64 / total as f64)
            }
            _ => None,
        }
    }

    /// Whether it was held with fewer members than the floor (in percent).
    pub fn below_floor(&self, floor_percent: i64) -> bool {
        self.attendance_rate()
            .is_some_and(|rate| rate * 100.0 < floor_percent as f64 - 1e-9)
    }
}

/// A branch's theme party days over a period, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ThemeDayFigures {
    /// Months planned whose day has come (upcoming ones are not counted yet).
    pub planned: i64,
    /// Held on time.
    pub on_time: i64,
    /// Held late (补开).
    pub late: i64,
    /// Missed.
    pub missed: i64,
    /// Past their day with nothing recorded.
    pub overdue: i64,
    /// Held below the attendance floor.
    pub below_floor: i64,
}

impl ThemeDayFigures {
    /// Counts `days` as they stand on `today`.
    pub fn of<'a>(
        days: impl IntoIterator<Item = &'a ThemeDayFields>,
        today: NaiveDate,
        floor_percent: i64,
    ) -> Self {
        let mut figures = Self::default();
        for day in days {
            let outcome = day.outcome(today);
            if outcome != Outcome::Upcoming {
                figures.planned += 1;
            }
            match outcome {
                Outcome::OnTime => figures.on_time += 1,
                Outcome::Late => figures.late += 1,
                Outcome::Missed => figures.missed += 1,
                Outcome::Overdue => figures.overdue += 1,
                Outcome::Upcoming => {}
            }
            if day.below_floor(floor_percent) {
                figures.below_floor += 1;
            }
        }
        figures
    }

    /// 规范执行率: held as planned ÷ planned, if any was planned.
    pub fn rate(&self) -> Option<f64> {
        (self.planned > 0).then(|| self.on_time as f64 / self.planned as f64)
    }
}

/// A period's theme party days counted per area and over the whole studio.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FiguresByArea {
    /// Per area (`None`: branches in no area, first), in the areas' key order.
    pub areas: BTreeMap<Option<AreaId>, ThemeDayFigures>,
    /// Every branch together.
    pub whole: ThemeDayFigures,
}

impl FiguresByArea {
    /// An area's figures (all zero if it had no theme party day).
    pub fn of(&self, area: Option<AreaId>) -> ThemeDayFigures {
        self.areas.get(&area).copied().unwrap_or_default()
    }
}

/// Counts the theme party days planned within `period` (by their planned day) per area of
/// their branch (`area_of`; a branch not in it counts under no area) and over all, as they
/// stand on `today`, held below `floor_percent` counted too.
pub fn figures_by_area<S: std::hash::BuildHasher>(
    days: &[ThemeDay],
    area_of: &HashMap<BranchId, AreaId, S>,
    period: Period,
    today: NaiveDate,
    floor_percent: i64,
) -> FiguresByArea {
    let mut by_area: HashMap<Option<AreaId>, Vec<&ThemeDayFields>> = HashMap::new();
    let mut all = Vec::new();
    for day in days
        .iter()
        .map(|d| &d.fields)
        .filter(|d| period.contains(d.planned_on))
    {
        by_area
            .entry(area_of.get(&day.branch).copied())
            .or_default()
            .push(day);
        all.push(day);
    }
    FiguresByArea {
        areas: by_area
            .into_iter()
            .map(|(area, days)| (area, ThemeDayFigures::of(days, today, floor_percent)))
            .collect(),
        whole: ThemeDayFigures::of(all, today, floor_percent),
    }
}

/// [`figures_by_area`] for each quarter of `year`, first to fourth.
pub fn quarter_figures_by_area<S: std::hash::BuildHasher>(
    days: &[ThemeDay],
    area_of: &HashMap<BranchId, AreaId, S>,
    year: i32,
    today: NaiveDate,
    floor_percent: i64,
) -> Vec<FiguresByArea> {
    (1..=4)
        .filter_map(|q| Period::of(year, PeriodPart::Quarter(q)))
        .map(|quarter| figures_by_area(days, area_of, quarter, today, floor_percent))
        .collect()
}

/// The fixed day of `month` for a branch that holds its party day on day `day_of_month`
/// (the last day of a short month if the month has fewer days).
pub fn fixed_day(year: i32, month: u32, day_of_month: u32) -> Option<NaiveDate> {
    (1..=day_of_month.clamp(1, 31))
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(year, month, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid day")
    }

    fn planned(month: u32) -> ThemeDayFields {
        ThemeDayFields {
            branch: BranchId(1),
            year: 2026,
            month,
            planned_on: day(2026, month, 10),
            topic: "学习党的二十届四中全会精神".into(),
            state: ThemeDayState::Planned,
            held_on: None,
            members_present: None,
            members_total: None,
            reason: String::new(),
            notes: String::new(),
        }
    }

    fn held(month: u32, on: NaiveDate, present: i64, total: i64) -> ThemeDayFields {
        ThemeDayFields {
            state: ThemeDayState::Held,
            held_on: Some(on),
            members_present: Some(present),
            members_total: Some(total),
            ..planned(month)
        }
    }

    #[test]
    fn what_is_typed_is_checked_against_its_month_and_state() {
        let today = day(2026, 12, 1);
        assert_eq!(planned(3).check(today), Ok(()));
        let mut wrong = planned(3);
        wrong.planned_on = day(2026, 4, 10);
        assert_eq!(wrong.check(today), Err(ThemeDayError::PlannedOutsideMonth));
        assert_eq!(
            held(3, day(2026, 3, 10), 31, 30).check(today),
            Err(ThemeDayError::PresentAboveTotal)
        );
        assert_eq!(
            held(3, day(2026, 2, 28), 20, 30).check(today),
            Err(ThemeDayError::HeldBeforeMonth)
        );
        assert_eq!(
            held(12, day(2026, 12, 10), 20, 30).check(today),
            Err(ThemeDayError::InTheFuture)
        );
        let mut missed = planned(3);
        missed.state = ThemeDayState::Missed;
        assert_eq!(missed.check(today), Err(ThemeDayError::MissedWithoutReason));
        missed.reason = "防汛".into();
        assert_eq!(missed.check(today), Ok(()));
        let mut no_counts = held(3, day(2026, 3, 10), 20, 30);
        no_counts.members_total = None;
        assert_eq!(
            no_counts.check(today),
            Err(ThemeDayError::HeldWithoutCounts)
        );
    }

    #[test]
    fn a_quarter_counts_on_time_late_missed_and_the_floor() {
        let today = day(2026, 4, 5);
        let mut missed = planned(3);
        missed.state = ThemeDayState::Missed;
        missed.reason = "防汛".into();
        let days = [
            held(1, day(2026, 1, 10), 28, 30),
            held(2, day(2026, 2, 20), 20, 30),
            missed,
            planned(4),
        ];
        let figures = ThemeDayFigures::of(&days, today, DEFAULT_FLOOR_PERCENT);
        assert_eq!(figures.planned, 3, "April's day has not come");
        assert_eq!((figures.on_time, figures.late, figures.missed), (1, 1, 1));
        assert_eq!(figures.below_floor, 1, "20 of 30 is under 80 %");
        assert_eq!(figures.rate(), Some(1.0 / 3.0));
        assert_eq!(days[3].outcome(day(2026, 4, 11)), Outcome::Overdue);
        assert_eq!(ThemeDayFigures::default().rate(), None);
        assert!(
            !held(1, day(2026, 1, 10), 24, 30).below_floor(80),
            "80 % meets the floor"
        );
    }

    #[test]
    fn the_fixed_day_falls_back_to_the_end_of_a_short_month() {
        assert_eq!(fixed_day(2026, 2, 30), Some(day(2026, 2, 28)));
        assert_eq!(fixed_day(2026, 3, 15), Some(day(2026, 3, 15)));
    }
    #[test]
    fn a_quarters_days_are_counted_per_area_and_over_the_studio() {
        let today = day(2026, 5, 5);
        let in_branch = |branch: i64, fields: ThemeDayFields, n: i64| ThemeDay {
            id: ThemeDayId(n),
            fields: ThemeDayFields {
                branch: BranchId(branch),
                ..fields
            },
        };
        let mut missed = planned(2);
        missed.state = ThemeDayState::Missed;
        missed.reason = "防汛".into();
        let days = [
            // Branch 1 (area 10): on time, late and below the floor, missed; April overdue.
            in_branch(1, held(1, day(2026, 1, 10), 28, 30), 1),
            in_branch(1, held(3, day(2026, 3, 20), 20, 30), 2),
            in_branch(1, missed, 3),
            in_branch(1, planned(4), 4),
            // Branch 2 (area 20): on time in March; May still to come.
            in_branch(2, held(3, day(2026, 3, 10), 9, 10), 5),
            in_branch(2, planned(5), 6),
            // Branch 3 in no area: overdue in January.
            in_branch(3, planned(1), 7),
        ];
        let area_of = HashMap::from([(BranchId(1), AreaId(10)), (BranchId(2), AreaId(20))]);
        let quarters = quarter_figures_by_area(&days, &area_of, 2026, today, 80);
        assert_eq!(quarters.len(), 4);
        let first = &quarters[0];
        let one = first.of(Some(AreaId(10)));
        assert_eq!(
            (one.planned, one.on_time, one.late, one.missed, one.overdue),
            (3, 1, 1, 1, 0)
        );
        assert_eq!(one.below_floor, 1, "20 of 30 is under 80 %");
        assert_eq!(first.of(Some(AreaId(20))).on_time, 1);
        assert_eq!(first.of(None).overdue, 1, "a branch in no area counts too");
        assert_eq!(first.whole.planned, 5);
        assert_eq!(first.whole.on_time, 2);
        assert_eq!(first.whole.rate(), Some(2.0 / 5.0));
        let second = &quarters[1];
        assert_eq!(
            second.of(Some(AreaId(10))).overdue,
            1,
            "April's day is past"
        );
        assert_eq!(second.of(Some(AreaId(20))).planned, 0, "May's has not come");
        assert_eq!(second.whole.planned, 1);
        assert_eq!(quarters[2], FiguresByArea::default());
    }
}
