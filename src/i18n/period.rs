//! Periods in words: 2026年第三季度 on screen, in chart titles and on paper alike.

use crate::domain::period::{Period, PeriodPart};
use crate::i18n::Lang;

const QUARTERS: [&str; 4] = ["一", "二", "三", "四"];

texts! {
    period_year: "年份", "Year";
    period_part_label: "时段", "Part of the year";
}

impl Lang {
    /// A year as a picker lists it: 2026年 / 2026.
    pub fn year_name(self, year: i32) -> String {
        match self {
            Self::Zh => format!("{year}年"),
            Self::En => year.to_string(),
        }
    }

    /// The period as people name it: 2021年第三季度, 2021年上半年 / Q3 2021.
    pub fn period_name(self, period: Period) -> String {
        let year = period.year_number();
        match (self, period.part()) {
            (Self::Zh, PeriodPart::Year) => format!("{year}年"),
            (Self::En, PeriodPart::Year) => format!("{year}"),
            (Self::Zh, part) => format!("{year}年{}", self.period_part(part)),
            (Self::En, PeriodPart::Month(_)) => period.start.format("%B %Y").to_string(),
            (Self::En, part) => format!("{} {year}", self.period_part(part)),
        }
    }

    /// A part of a year as a picker lists it: 全年, 上半年, 第三季度, 5月 / Whole year, H1, Q3, May.
    pub fn period_part(self, part: PeriodPart) -> String {
        match (self, part) {
            (Self::Zh, PeriodPart::Year) => "全年".to_owned(),
            (Self::En, PeriodPart::Year) => "Whole year".to_owned(),
            (Self::Zh, PeriodPart::Half(n)) => {
                format!("{}半年", if n == 1 { "上" } else { "下" })
            }
            (Self::En, PeriodPart::Half(n)) => format!("H{n}"),
            (Self::Zh, PeriodPart::Quarter(n)) => {
                format!("第{}季度", QUARTERS[(n.clamp(1, 4) - 1) as usize])
            }
            (Self::En, PeriodPart::Quarter(n)) => format!("Q{n}"),
            (Self::Zh, PeriodPart::Month(n)) => format!("{n}月"),
            (Self::En, PeriodPart::Month(n)) => chrono::Month::try_from(n as u8)
                .map_or_else(|_| n.to_string(), |m| m.name().to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_period_has_a_name_in_both_languages() {
        for (code, zh, en) in [
            ("2026-Q3", "2026年第三季度", "Q3 2026"),
            ("2021-H1", "2021年上半年", "H1 2021"),
            ("2021", "2021年", "2021"),
            ("2021-05", "2021年5月", "May 2021"),
        ] {
            let period = Period::parse(code).expect("period");
            assert_eq!(Lang::Zh.period_name(period), zh);
            assert_eq!(Lang::En.period_name(period), en);
            assert_eq!(Period::parse(zh), Ok(period), "the name reads back");
        }
    }
}
