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

/// Which part of a year a period is, as the period pickers offer them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodPart {
    /// 全年
    Year,
    /// 上半年 (1) or 下半年 (2).
    Half(u32),
    /// 第一…第四季度.
    Quarter(u32),
    /// 1–12月.
    Month(u32),
}

impl PeriodPart {
    /// Every part of a year, in the order pickers list them.
    pub fn all() -> Vec<Self> {
        let mut parts = vec![Self::Year, Self::Half(1), Self::Half(2)];
        parts.extend((1..=4).map(Self::Quarter));
        parts.extend((1..=12).map(Self::Month));
        parts
    }
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

    /// `part` of `year`.
    pub fn of(year: i32, part: PeriodPart) -> Option<Self> {
        match part {
            PeriodPart::Year => Self::year(year),
            PeriodPart::Half(n @ 1..=2) => Self::months(year, 6 * n - 5, 6, PeriodKind::Half),
            PeriodPart::Quarter(n @ 1..=4) => Self::months(year, 3 * n - 2, 3, PeriodKind::Quarter),
            PeriodPart::Month(n @ 1..=12) => Self::months(year, n, 1, PeriodKind::Month),
            _ => None,
        }
    }

    /// The year the period lies in.
    pub fn year_number(self) -> i32 {
        self.start.year()
    }

    /// Which part of its year the period is.
    pub fn part(self) -> PeriodPart {
        let month = self.start.month();
        match self.kind {
            PeriodKind::Year => PeriodPart::Year,
            PeriodKind::Half => PeriodPart::Half(month.div_ceil(6)),
            PeriodKind::Quarter => PeriodPart::Quarter(month.div_ceil(3)),
            PeriodKind::Month => PeriodPart::Month(month),
        }
    }

    /// Parses `2021`, `2021-H1`, `2021-Q3` or `2021-05` (also with `年`, lower case, `/`),
    /// and the words documents use: 2021年第三季度, 2021年上半年, 2021年全年, 2021年5月.
    pub fn parse(text: &str) -> Result<Self, PeriodError> {
        let error = || PeriodError(text.to_owned());
        if let Some(period) = Self::parse_words(text) {
            return Ok(period);
        }
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

    /// 2021年第三季度, 2021年上半年, 2021年全年 (and 第3季度).
    fn parse_words(text: &str) -> Option<Self> {
        let text: String = text.split_whitespace().collect();
        let (year, rest) = text.split_once('年')?;
        let year: i32 = year.parse().ok().filter(|y| (1900..=2999).contains(y))?;
        let number = |word: &str| match word {
            "一" | "1" => Some(1),
            "二" | "2" => Some(2),
            "三" | "3" => Some(3),
            "四" | "4" => Some(4),
            _ => None,
        };
        let part = match rest {
            "" | "全年" | "度" => PeriodPart::Year,
            "上半年" => PeriodPart::Half(1),
            "下半年" => PeriodPart::Half(2),
            quarter => {
                PeriodPart::Quarter(number(quarter.strip_prefix('第')?.strip_suffix("季度")?)?)
            }
        };
        Self::of(year, part)
    }

    /// Whether `day` lies in the period.
    pub fn contains(self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// The day an entry for the period defaults to: `today` if it lies in it, else its
    /// nearest end.
    pub fn day_nearest(self, today: NaiveDate) -> NaiveDate {
        today.clamp(self.start, self.end)
    }

    /// How many months it spans (1, 3, 6 or 12).
    pub fn month_count(self) -> u32 {
        match self.kind {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
            PeriodKind::Half => 6,
            PeriodKind::Year => 12,
        }
    }

    /// The period of the same kind just before this one (2021-Q1 → 2020-Q4).
    #[must_use]
    pub fn previous(self) -> Option<Self> {
        let count = self.month_count();
        let start = self.start.checked_sub_months(chrono::Months::new(count))?;
        Self::months(start.year(), start.month(), count, self.kind)
    }

    /// The quarter that holds `day`.
    pub fn quarter_of(day: NaiveDate) -> Option<Self> {
        let first = (day.month() - 1) / 3 * 3 + 1;
        Self::months(day.year(), first, 3, PeriodKind::Quarter)
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
    fn reads_the_words_documents_use_and_every_part_a_picker_offers() {
        for (text, shown) in [
            ("2026年第三季度", "2026-Q3"),
            ("2026年 第3季度", "2026-Q3"),
            ("2021年上半年", "2021-H1"),
            ("2021年下半年", "2021-H2"),
            ("2021年全年", "2021"),
            ("2021年", "2021"),
        ] {
            assert_eq!(
                Period::parse(text).map(|p| p.to_string()),
                Ok(shown.to_owned()),
                "{text}"
            );
        }
        assert!(Period::parse("2026年第五季度").is_err());
        for part in PeriodPart::all() {
            let period = Period::of(2026, part).expect("a period");
            assert_eq!((period.year_number(), period.part()), (2026, part));
        }
        assert_eq!(PeriodPart::all().len(), 19);
        assert!(Period::of(2026, PeriodPart::Quarter(5)).is_none());
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
    fn steps_back_by_its_own_length() {
        let q1 = Period::parse("2021-Q1").expect("period");
        assert_eq!(q1.previous().map(|p| p.to_string()), Some("2020-Q4".into()));
        assert_eq!(q1.month_count(), 3);
        let h2 = Period::parse("2021-H2").expect("period");
        assert_eq!(h2.previous().map(|p| p.to_string()), Some("2021-H1".into()));
        assert_eq!(
            Period::quarter_of(day("2021-08-15")).map(|p| p.to_string()),
            Some("2021-Q3".into())
        );
    }

    #[test]
    fn contains_both_ends() {
        let q3 = Period::parse("2021-Q3").expect("period");
        assert!(q3.contains(day("2021-07-01")) && q3.contains(day("2021-09-30")));
        assert!(!q3.contains(day("2021-10-01")) && !q3.contains(day("2021-06-30")));
    }
}
