//! Dates as Chinese office sheets write them: often only a year and month (`1978.03`,
//! `2018年11月`), sometimes a full day (`2018-11-01`).

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// A calendar date that may lack its day (and is then a month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// Four-digit year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, when known.
    pub day: Option<u32>,
}

/// Why a text is not a date we accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not shaped like a date at all.
    Unreadable,
    /// Shaped like a date, but the day or month does not exist (2021-02-30).
    DoesNotExist,
    /// Later than today.
    InFuture,
    /// Before 1900: almost certainly a typing error.
    TooEarly,
}

impl PartialDate {
    /// Parses the shapes offices use: `2018-11-01`, `2018/11/1`, `2018.11.01`, `2018-11`,
    /// `1978.03`, `2018年11月`, `2018年11月1日`, `201811`, `20181101`.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        let digits_only = text.chars().all(|c| c.is_ascii_digit());
        let parts: Vec<&str> = if digits_only {
            match text.len() {
                6 => vec![&text[..4], &text[4..]],
                8 => vec![&text[..4], &text[4..6], &text[6..]],
                _ => return Err(DateError::Unreadable),
            }
        } else {
            text.split(['-', '/', '.', '年', '月', '日', ' '])
                .filter(|p| !p.is_empty())
                .collect()
        };
        if !(2..=3).contains(&parts.len())
            || parts
                .iter()
                .any(|p| !p.chars().all(|c| c.is_ascii_digit()) || p.len() > 4)
            || parts[0].len() != 4
        {
            return Err(DateError::Unreadable);
        }
        let number = |p: &str| p.parse::<u32>().map_err(|_| DateError::Unreadable);
        let year = number(parts[0])? as i32;
        let month = number(parts[1])?;
        let day = parts.get(2).map(|p| number(p)).transpose()?;
        if !(1..=12).contains(&month) {
            return Err(DateError::DoesNotExist);
        }
        if let Some(day) = day
            && NaiveDate::from_ymd_opt(year, month, day).is_none()
        {
            return Err(DateError::DoesNotExist);
        }
        if year < 1900 {
            return Err(DateError::TooEarly);
        }
        Ok(Self { year, month, day })
    }

    /// Parses and also refuses a date after `today`.
    pub fn parse_not_after(text: &str, today: NaiveDate) -> Result<Self, DateError> {
        let date = Self::parse(text)?;
        if date.is_after(today) {
            return Err(DateError::InFuture);
        }
        Ok(date)
    }

    /// Whether any part of this date lies after `today`.
    pub fn is_after(self, today: NaiveDate) -> bool {
        let this_month = (self.year, self.month);
        let today_month = (today.year(), today.month());
        match self.day {
            Some(day) => (self.year, self.month, day) > (today.year(), today.month(), today.day()),
            None => this_month > today_month,
        }
    }

    /// The stored, sortable form: `YYYY-MM` or `YYYY-MM-DD`.
    pub fn to_iso(self) -> String {
        self.to_string()
    }

    /// The date as Chinese documents write it: `2018年11月` or `2018年11月1日`.
    pub fn to_chinese(self) -> String {
        match self.day {
            Some(day) => format!("{}年{}月{}日", self.year, self.month, day),
            None => format!("{}年{}月", self.year, self.month),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day {
            Some(day) => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, day),
            None => write!(f, "{:04}-{:02}", self.year, self.month),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).expect("valid")
    }

    #[test]
    fn parses_the_shapes_offices_write() {
        let month = |y, m| PartialDate {
            year: y,
            month: m,
            day: None,
        };
        let day = |y, m, d| PartialDate {
            year: y,
            month: m,
            day: Some(d),
        };
        assert_eq!(PartialDate::parse("1978.03"), Ok(month(1978, 3)));
        assert_eq!(PartialDate::parse("2018年11月"), Ok(month(2018, 11)));
        assert_eq!(PartialDate::parse("2018年11月1日"), Ok(day(2018, 11, 1)));
        assert_eq!(PartialDate::parse("2018-11-01"), Ok(day(2018, 11, 1)));
        assert_eq!(PartialDate::parse("2018/1/9"), Ok(day(2018, 1, 9)));
        assert_eq!(PartialDate::parse(" 2018-11 "), Ok(month(2018, 11)));
        assert_eq!(PartialDate::parse("201811"), Ok(month(2018, 11)));
        assert_eq!(PartialDate::parse("20181101"), Ok(day(2018, 11, 1)));
    }

    #[test]
    fn refuses_dates_that_do_not_exist_or_are_not_dates() {
        assert_eq!(
            PartialDate::parse("2021-02-30"),
            Err(DateError::DoesNotExist)
        );
        assert_eq!(PartialDate::parse("2021.13"), Err(DateError::DoesNotExist));
        assert_eq!(PartialDate::parse("1978"), Err(DateError::Unreadable));
        assert_eq!(PartialDate::parse("三月"), Err(DateError::Unreadable));
        assert_eq!(PartialDate::parse("78.03"), Err(DateError::Unreadable));
        assert_eq!(PartialDate::parse("1820-01"), Err(DateError::TooEarly));
        assert_eq!(
            PartialDate::parse("2020-02-29").map(|d| d.day),
            Ok(Some(29))
        );
    }

    #[test]
    fn refuses_the_future_but_accepts_this_month() {
        assert_eq!(
            PartialDate::parse_not_after("2026-12", today()),
            Err(DateError::InFuture)
        );
        assert_eq!(
            PartialDate::parse_not_after("2026-11-30", today()),
            Err(DateError::InFuture)
        );
        assert!(PartialDate::parse_not_after("2026-11", today()).is_ok());
        assert!(PartialDate::parse_not_after("2026-11-29", today()).is_ok());
    }

    #[test]
    fn formats_for_storage_and_for_documents() {
        let date = PartialDate::parse("1978.3").expect("valid");
        assert_eq!(date.to_iso(), "1978-03");
        assert_eq!(date.to_chinese(), "1978年3月");
        assert_eq!(PartialDate::parse(&date.to_iso()), Ok(date));
    }
}
