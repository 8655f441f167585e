//! 产业示范基地: the town's industry demonstration bases (edible fungi, gastrodia, the clothing
//! company's phase II, new varieties), each led by a branch with others taking part, a
//! responsible secretary, its figures by year and its milestones. Problems, pairings, sessions
//! (observation visits) and photos hang on a base.

use super::roster::{BranchId, SecretaryId};
use chrono::NaiveDate;

local_id!(
    /// An industry demonstration base.
    BaseId,
    /// A milestone of a base.
    MilestoneId,
);

/// The industries offered when a base is added; any other may be typed, and those in use join
/// the list.
pub const DEFAULT_INDUSTRIES: [&str; 8] = [
    "食用菌",
    "天麻",
    "中药材",
    "西甜瓜",
    "番茄",
    "橡子凉粉",
    "服装加工",
    "乡村旅游",
];

/// A base as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BaseFields {
    /// e.g. 古城食用菌产业示范基地 (required).
    pub name: String,
    /// e.g. 食用菌.
    pub industry: String,
    /// The branch leading it.
    pub lead_branch_id: Option<BranchId>,
    /// The other branches taking part.
    pub branches: Vec<BranchId>,
    /// The secretary responsible for it.
    pub secretary_id: Option<SecretaryId>,
    /// When it started.
    pub started_on: Option<NaiveDate>,
    /// Notes.
    pub notes: String,
    /// No longer followed (kept for its history).
    pub archived: bool,
}

/// A base as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct Base {
    /// Local key.
    pub id: BaseId,
    /// The record.
    pub fields: BaseFields,
}

/// A base's scale in one year; every figure is optional.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct BaseFigures {
    /// The year.
    pub year: i32,
    /// Area in mu (亩).
    pub area_mu: Option<f64>,
    /// Households taking part (带动户数).
    pub households: Option<i64>,
    /// Jobs (带动就业人数).
    pub jobs: Option<i64>,
    /// Output value in 万元 (产值).
    pub output_value: Option<f64>,
    /// Households' income from it in 万元 (户均增收 is this ÷ households).
    pub income: Option<f64>,
}

impl BaseFigures {
    /// Whether no figure is given.
    pub fn is_empty(&self) -> bool {
        self.area_mu.is_none()
            && self.households.is_none()
            && self.jobs.is_none()
            && self.output_value.is_none()
            && self.income.is_none()
    }
}

/// A milestone as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MilestoneFields {
    /// e.g. 冷库建成投用 (required).
    pub title: String,
    /// When it is planned for.
    pub planned_on: Option<NaiveDate>,
    /// When it was reached.
    pub done_on: Option<NaiveDate>,
}

/// A milestone as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    /// Local key.
    pub id: MilestoneId,
    /// Its base.
    pub base_id: BaseId,
    /// The record.
    pub fields: MilestoneFields,
}

impl Milestone {
    /// Planned for a day gone by and not reached.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.fields.done_on.is_none() && self.fields.planned_on.is_some_and(|d| d < today)
    }
}

/// What is wrong with a base, a milestone or a year's figures as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseError {
    /// The name (or the milestone's title) is empty.
    NameRequired,
    /// A milestone reached before the base started.
    DoneBeforeStart,
    /// A milestone reached on a day still to come.
    DoneInFuture,
    /// The base starts after a milestone already reached.
    StartAfterMilestone,
    /// A figure below zero.
    Negative,
    /// A year outside 1900–2999.
    Year,
}

impl BaseFields {
    /// Checks the base against its milestones' days reached.
    pub fn check(&self, milestones_done: &[NaiveDate]) -> Result<(), BaseError> {
        if self.name.trim().is_empty() {
            return Err(BaseError::NameRequired);
        }
        if let Some(start) = self.started_on
            && milestones_done.iter().any(|done| *done < start)
        {
            return Err(BaseError::StartAfterMilestone);
        }
        Ok(())
    }
}

impl MilestoneFields {
    /// Checks a milestone against its base's start and `today`.
    pub fn check(&self, started_on: Option<NaiveDate>, today: NaiveDate) -> Result<(), BaseError> {
        if self.title.trim().is_empty() {
            return Err(BaseError::NameRequired);
        }
        if let Some(done) = self.done_on {
            if started_on.is_some_and(|start| done < start) {
                return Err(BaseError::DoneBeforeStart);
            }
            if done > today {
                return Err(BaseError::DoneInFuture);
            }
        }
        Ok(())
    }
}

impl BaseFigures {
    /// Checks a year's figures.
    pub fn check(&self) -> Result<(), BaseError> {
        if !(1900..=2999).contains(&self.year) {
            return Err(BaseError::Year);
        }
        let negative = self.area_mu.is_some_and(|v| v < 0.0 || !v.is_finite())
            || self.output_value.is_some_and(|v| v < 0.0 || !v.is_finite())
            || self.income.is_some_and(|v| v < 0.0 || !v.is_finite())
            || self.households.is_some_and(|v| v < 0)
            || self.jobs.is_some_and(|v| v < 0);
        if negative {
            return Err(BaseError::Negative);
        }
        Ok(())
    }
}

/// The industries to offer: the defaults, then those in use, each once.
pub fn industries<'a>(in_use: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut list: Vec<String> = DEFAULT_INDUSTRIES.iter().map(|s| (*s).to_owned()).collect();
    for industry in in_use {
        let industry = industry.trim();
        if !industry.is_empty() && !list.iter().any(|i| i == industry) {
            list.push(industry.to_owned());
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn a_milestone_cannot_be_reached_before_its_base_started_or_after_today() {
        let milestone = |done: &str| MilestoneFields {
            title: "冷库建成投用".into(),
            planned_on: Some(day("2025-06-30")),
            done_on: Some(day(done)),
        };
        let start = Some(day("2025-03-01"));
        let today = day("2025-12-01");
        assert_eq!(
            milestone("2025-02-28").check(start, today),
            Err(BaseError::DoneBeforeStart)
        );
        assert_eq!(
            milestone("2025-12-02").check(start, today),
            Err(BaseError::DoneInFuture)
        );
        assert_eq!(milestone("2025-03-01").check(start, today), Ok(()));
        assert_eq!(milestone("2025-02-28").check(None, today), Ok(()));
        let untitled = MilestoneFields {
            title: " ".into(),
            ..MilestoneFields::default()
        };
        assert_eq!(untitled.check(start, today), Err(BaseError::NameRequired));
    }

    #[test]
    fn a_base_cannot_start_after_a_milestone_it_reached() {
        let base = BaseFields {
            name: "食用菌基地".into(),
            started_on: Some(day("2025-03-01")),
            ..BaseFields::default()
        };
        assert_eq!(
            base.check(&[day("2025-02-01")]),
            Err(BaseError::StartAfterMilestone)
        );
        assert_eq!(base.check(&[day("2025-03-01")]), Ok(()));
        let nameless = BaseFields::default();
        assert_eq!(nameless.check(&[]), Err(BaseError::NameRequired));
    }

    #[test]
    fn figures_are_optional_but_never_negative() {
        let mut figures = BaseFigures {
            year: 2025,
            ..BaseFigures::default()
        };
        assert!(figures.is_empty());
        assert_eq!(figures.check(), Ok(()));
        figures.jobs = Some(-1);
        assert_eq!(figures.check(), Err(BaseError::Negative));
        figures.jobs = Some(35);
        figures.area_mu = Some(f64::NAN);
        assert_eq!(figures.check(), Err(BaseError::Negative));
        figures.area_mu = Some(120.5);
        assert!(!figures.is_empty());
        figures.year = 1800;
        assert_eq!(figures.check(), Err(BaseError::Year));
    }

    #[test]
    fn industries_in_use_join_the_defaults_once() {
        let list = industries(["食用菌", "  猕猴桃 ", "", "猕猴桃"]);
        assert_eq!(list.len(), DEFAULT_INDUSTRIES.len() + 1);
        assert_eq!(list.last().map(String::as_str), Some("猕猴桃"));
    }
}
