//! Periods the figures and reports are about: a month, a quarter, a half-year or a year.

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// A span of whole days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    kind: PeriodKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum PeriodKind {
    Month,
    Quarter,
    Half,
    Year,
}

/// Why a text is not a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError(pub String);

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a period (write 2021, 2021-H1, 2021-Q3 or 2021-05)",
            self.0
        )
    }
}

impl Period {
    fn months(year: i32, first: u32, count: u32, kind: PeriodKind) -> Option<Self> {
        let start = NaiveDate::from_ymd_opt(year, first, 1)?;
        let after = start.checked_add_months(chrono::Months::new(count))?;
        Some(Self {
            start,
            end: after.pred_opt()?,
            kind,
        })
    }

    /// A calendar year.
    pub fn year(year: i32) -> Option<Self> {
        Self::months(year, 1, 12, PeriodKind::Year)
    }

    /// Parses `2021`, `2021-H1`, `2021-Q3` or `2021-05` (also with `年`, lower case, `/`).
    pub fn parse(text: &str) -> Result<Self, PeriodError> {
        let error = || PeriodError(text.to_owned());
        let cleaned = text
            .trim()
            .to_ascii_uppercase()
            .replace(['/', '年', ' '], "-");
        let mut parts = cleaned.split('-').filter(|p| !p.is_empty());
        let year: i32 = parts
            .next()
            .filter(|y| y.len() == 4)
            .and_then(|y| y.parse().ok())
            .ok_or_else(error)?;
        if !(1900..=2999).contains(&year) {
            return Err(error());
        }
        let period = match parts.next() {
            None => Self::year(year),
            Some(q) if q.starts_with('Q') => match q[1..].parse::<u32>() {
                Ok(n @ 1..=4) => Self::months(year, 3 * n - 2, 3, PeriodKind::Quarter),
                _ => None,
            },
            Some(h) if h.starts_with('H') => match h[1..].parse::<u32>() {
                Ok(n @ 1..=2) => Self::months(year, 6 * n - 5, 6, PeriodKind::Half),
                _ => None,
            },
            Some(m) => match m.trim_end_matches('月').parse::<u32>() {
                Ok(n @ 1..=12) => Self::months(year, n, 1, PeriodKind::Month),
                _ => None,
            },
        };
        if parts.next().is_some() {
            return Err(error());
        }
        period.ok_or_else(error)
    }

    /// Whether `day` lies in the period.
    pub fn contains(self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let year = self.start.year();
        match self.kind {
            PeriodKind::Year => write!(f, "{year}"),
            PeriodKind::Half => {
                write!(f, "{year}-H{}", if self.start.month() == 1 { 1 } else { 2 })
            }
            PeriodKind::Quarter => write!(f, "{year}-Q{}", self.start.month().div_ceil(3)),
            PeriodKind::Month => write!(f, "{year}-{:02}", self.start.month()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn parses_every_kind_of_period() {
        for (text, start, end, shown) in [
            ("2021", "2021-01-01", "2021-12-31", "2021"),
            ("2021-q3", "2021-07-01", "2021-09-30", "2021-Q3"),
            ("2021-H2", "2021-07-01", "2021-12-31", "2021-H2"),
            ("2024-02", "2024-02-01", "2024-02-29", "2024-02"),
            ("2021年5月", "2021-05-01", "2021-05-31", "2021-05"),
        ] {
            let period = Period::parse(text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!((period.start, period.end), (day(start), day(end)), "{text}");
            assert_eq!(period.to_string(), shown);
            assert_eq!(Period::parse(&period.to_string()), Ok(period));
        }
    }

    #[test]
    fn refuses_periods_that_do_not_exist() {
        for text in [
            "2021-Q5",
            "2021-Q0",
            "2021-H3",
            "2021-13",
            "21",
            "",
            "2021-Q3-1",
            "abcd",
            "0999",
        ] {
            assert!(Period::parse(text).is_err(), "{text}");
        }
        assert!(
            Period::parse("2021-Q5")
                .expect_err("bad")
                .to_string()
                .contains("2021-Q5")
        );
    }

    #[test]
    fn contains_both_ends() {
        let q3 = Period::parse("2021-Q3").expect("period");
        assert!(q3.contains(day("2021-07-01")) && q3.contains(day("2021-09-30")));
        assert!(!q3.contains(day("2021-10-01")) && !q3.contains(day("2021-06-30")));
    }
}
