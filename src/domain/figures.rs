//! The studio's figures: attendance rates and what became of the problems. Pure functions over
//! counts and records, so each figure has one definition wherever it is shown or printed.

use super::period::Period;
use super::problem::{ProblemState, ProblemSummary, is_overdue};
use super::session::AttendanceStatus;
use chrono::NaiveDate;

/// How often secretaries were marked each way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AttendanceCounts {
    /// 出席
    pub present: i64,
    /// 迟到
    pub late: i64,
    /// 请假
    pub excused: i64,
    /// 缺席
    pub absent: i64,
}

impl AttendanceCounts {
    /// Adds `count` marks of `status`.
    pub fn add(&mut self, status: AttendanceStatus, count: i64) {
        match status {
            AttendanceStatus::Present => self.present += count,
            AttendanceStatus::Late => self.late += count,
            AttendanceStatus::Excused => self.excused += count,
            AttendanceStatus::Absent => self.absent += count,
        }
    }

    /// Adds another set of counts.
    pub fn merge(&mut self, other: Self) {
        self.present += other.present;
        self.late += other.late;
        self.excused += other.excused;
        self.absent += other.absent;
    }

    /// Everyone expected (应到).
    pub fn expected(self) -> i64 {
        self.present + self.late + self.excused + self.absent
    }

    /// Everyone who came, late or not (实到).
    pub fn attended(self) -> i64 {
        self.present + self.late
    }

    /// 出勤率: attended ÷ expected; `None` when nobody was expected (an empty period).
    pub fn rate(self) -> Option<f64> {
        let expected = self.expected();
        (expected > 0).then(|| self.attended() as f64 / expected as f64)
    }
}

/// A secretary's problems in a period, counted by the store (for the period report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProblemCounts {
    /// Raised in the period.
    pub raised: i64,
    /// Resolved in the period (and resolved still).
    pub resolved: i64,
    /// Raised in the period and open now.
    pub open: i64,
    /// Raised in the period, open now and past their deadline.
    pub overdue: i64,
}

impl ProblemCounts {
    /// Adds another set of counts.
    pub fn merge(&mut self, other: Self) {
        self.raised += other.raised;
        self.resolved += other.resolved;
        self.open += other.open;
        self.overdue += other.overdue;
    }
}

/// What became of the problems of a period.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ProblemFigures {
    /// Raised in the period.
    pub raised: usize,
    /// Resolved (finally, as they stand now) in the period.
    pub resolved: usize,
    /// Open now, whenever raised.
    pub open: usize,
    /// Open now and past their deadline.
    pub overdue: usize,
    /// Of those raised in the period, the share resolved now; `None` if none were raised.
    pub resolution_rate: Option<f64>,
    /// Median days from raising to resolution, of those resolved in the period.
    pub median_days_to_resolve: Option<f64>,
}

/// The problem figures for `period`, as things stand on `today`. `days_to_resolve` gives the
/// days from raising to final resolution of a resolved problem (from its history).
pub fn problem_figures(
    problems: &[ProblemSummary],
    period: Period,
    today: NaiveDate,
    days_to_resolve: impl Fn(&ProblemSummary) -> Option<i64>,
) -> ProblemFigures {
    let raised: Vec<&ProblemSummary> = problems
        .iter()
        .filter(|p| period.contains(p.fields.raised_on))
        .collect();
    let resolved_in_period: Vec<&ProblemSummary> = problems
        .iter()
        .filter(|p| p.state == ProblemState::Resolved && period.contains(p.changed_on))
        .collect();
    let resolved_of_raised = raised
        .iter()
        .filter(|p| p.state == ProblemState::Resolved)
        .count();
    let mut days: Vec<i64> = resolved_in_period
        .iter()
        .filter_map(|p| days_to_resolve(p))
        .collect();
    ProblemFigures {
        raised: raised.len(),
        resolved: resolved_in_period.len(),
        open: problems.iter().filter(|p| p.state.is_open()).count(),
        overdue: problems
            .iter()
            .filter(|p| is_overdue(p.state, p.fields.deadline, today))
            .count(),
        resolution_rate: (!raised.is_empty())
            .then(|| resolved_of_raised as f64 / raised.len() as f64),
        median_days_to_resolve: median(&mut days),
    }
}

/// The median of `values` (the mean of the middle two for an even count); `None` if empty.
pub fn median(values: &mut [i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let middle = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[middle - 1] + values[middle]) as f64 / 2.0
    } else {
        values[middle] as f64
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ProblemId;
    use crate::domain::problem::{ProblemCategory, ProblemFields};

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn problem(
        raised: &str,
        state: ProblemState,
        changed: &str,
        deadline: Option<&str>,
    ) -> ProblemSummary {
        ProblemSummary {
            id: ProblemId(0),
            fields: ProblemFields {
                title: "x".into(),
                description: String::new(),
                category: ProblemCategory::Other,
                branch_id: None,
                raised_by: None,
                session_id: None,
                raised_on: day(raised),
                responsible: String::new(),
                helper_id: None,
                deadline: deadline.map(day),
                pairing_id: None,
                base_id: None,
            },
            state,
            changed_on: day(changed),
            resolution: String::new(),
        }
    }

    #[test]
    fn attendance_rate_counts_late_as_there_and_leave_as_not() {
        let mut counts = AttendanceCounts::default();
        counts.add(AttendanceStatus::Present, 17);
        counts.add(AttendanceStatus::Late, 1);
        counts.add(AttendanceStatus::Excused, 2);
        assert_eq!((counts.expected(), counts.attended()), (20, 18));
        assert_eq!(counts.rate(), Some(0.9));
        assert_eq!(
            AttendanceCounts::default().rate(),
            None,
            "an empty period has no rate"
        );
        let mut total = counts;
        total.merge(AttendanceCounts {
            absent: 5,
            ..AttendanceCounts::default()
        });
        assert_eq!(total.rate(), Some(18.0 / 25.0));
    }

    #[test]
    fn problem_figures_for_a_quarter() {
        let q3 = Period::parse("2021-Q3").expect("period");
        let today = day("2021-10-15");
        let problems = vec![
            problem(
                "2021-07-05",
                ProblemState::Resolved,
                "2021-08-04",
                Some("2021-09-30"),
            ), // 30 days
            problem("2021-07-10", ProblemState::Resolved, "2021-09-18", None), // 70 days
            problem(
                "2021-08-01",
                ProblemState::InProgress,
                "2021-08-20",
                Some("2021-09-30"),
            ), // overdue
            problem("2021-05-01", ProblemState::Resolved, "2021-07-20", None), // raised before, resolved in Q3: 80
            problem(
                "2021-10-02",
                ProblemState::Raised,
                "2021-10-02",
                Some("2021-12-31"),
            ), // after Q3
            problem(
                "2021-09-01",
                ProblemState::Escalated,
                "2021-09-10",
                Some("2021-10-01"),
            ), // overdue
        ];
        let days = |p: &ProblemSummary| Some((p.changed_on - p.fields.raised_on).num_days());
        let figures = problem_figures(&problems, q3, today, days);
        assert_eq!(figures.raised, 4);
        assert_eq!(figures.resolved, 3);
        assert_eq!(figures.open, 3);
        assert_eq!(figures.overdue, 2);
        assert_eq!(figures.resolution_rate, Some(0.5));
        assert_eq!(figures.median_days_to_resolve, Some(70.0));
    }

    #[test]
    fn an_empty_period_has_counts_of_zero_and_no_rates() {
        let figures = problem_figures(
            &[],
            Period::parse("2020").expect("p"),
            day("2021-01-01"),
            |_| None,
        );
        assert_eq!(figures, ProblemFigures::default());
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&mut [5, 1, 3]), Some(3.0));
        assert_eq!(median(&mut [4, 1, 3, 2]), Some(2.5));
        assert_eq!(median(&mut []), None);
    }
}
