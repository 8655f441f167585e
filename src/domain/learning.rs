//! 学习: what was studied at each session, the year's learning plan, and each secretary's
//! learning record (derived from attendance, never typed twice).

use super::roster::SessionId;
use chrono::NaiveDate;

local_id!(
    /// An item of a year's learning plan (学习计划).
    PlanItemId,
);

code_enum!(
    /// How a topic was studied.
    StudyKind {
        /// 政策文件
        PolicyDocument = "policy_document",
        /// 专题讲座
        Lecture = "lecture",
        /// 现场观摩
        SiteVisit = "site_visit",
        /// 实战练兵
        PracticalTraining = "practical_training",
    }
);

/// One topic studied at a session (学习内容).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudyTopic {
    /// What was studied, e.g. 《中国共产党农村基层组织工作条例》.
    pub title: String,
    /// How.
    pub kind: StudyKind,
    /// How long, in minutes (hours are shown).
    pub duration_min: i64,
    /// The plan item it carries out, if any.
    pub plan_item: Option<PlanItemId>,
}

/// An item of the learning plan: a topic with the month it should be held in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    /// Local key.
    pub id: PlanItemId,
    /// The plan's year.
    pub year: i32,
    /// Target month, 1–12.
    pub month: u32,
    /// What to study.
    pub title: String,
    /// How.
    pub kind: StudyKind,
}

/// Where a plan item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanStatus {
    /// Held, on the first session that carried it out.
    Held(NaiveDate),
    /// Not held and its month has not ended.
    Pending,
    /// Not held and its month is over.
    Overdue,
}

/// Where a plan item stands on `today`, given the days of the sessions that carried it out.
pub fn plan_status(item: &PlanItem, held_on: &[NaiveDate], today: NaiveDate) -> PlanStatus {
    if let Some(first) = held_on.iter().min() {
        return PlanStatus::Held(*first);
    }
    let month_over = NaiveDate::from_ymd_opt(item.year, item.month, 1)
        .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
        .is_some_and(|next| today >= next);
    if month_over {
        PlanStatus::Overdue
    } else {
        PlanStatus::Pending
    }
}

/// A topic a secretary studied: one line of their learning record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearningRecordLine {
    /// The session.
    pub session: SessionId,
    /// Its day.
    pub held_on: NaiveDate,
    /// The topic.
    pub title: String,
    /// How.
    pub kind: StudyKind,
    /// How long.
    pub duration_min: i64,
}

/// Minutes as hours for display: `90` → `1.5`.
pub fn hours(duration_min: i64) -> f64 {
    duration_min as f64 / 60.0
}

/// Hours typed in a form (`1.5`, `2`, `1,5`) as minutes; `None` if not a number of hours in a day.
pub fn parse_hours(text: &str) -> Option<i64> {
    let value: f64 = text.trim().replace(['，', ','], ".").parse().ok()?;
    if !(0.0..=24.0).contains(&value) {
        return None;
    }
    Some((value * 60.0).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn a_plan_item_is_held_pending_or_overdue() {
        let item = PlanItem {
            id: PlanItemId(1),
            year: 2021,
            month: 5,
            title: "学习党章".into(),
            kind: StudyKind::PolicyDocument,
        };
        assert_eq!(
            plan_status(&item, &[day(2021, 6, 3), day(2021, 5, 20)], day(2021, 7, 1)),
            PlanStatus::Held(day(2021, 5, 20))
        );
        assert_eq!(
            plan_status(&item, &[], day(2021, 5, 31)),
            PlanStatus::Pending
        );
        assert_eq!(
            plan_status(&item, &[], day(2021, 6, 1)),
            PlanStatus::Overdue
        );
    }

    #[test]
    fn hours_are_typed_and_shown_as_hours_and_kept_as_minutes() {
        assert_eq!(parse_hours("1.5"), Some(90));
        assert_eq!(parse_hours(" 2 "), Some(120));
        assert_eq!(parse_hours("1,5"), Some(90));
        assert_eq!(parse_hours("25"), None);
        assert_eq!(parse_hours("-1"), None);
        assert_eq!(parse_hours("两小时"), None);
        assert!((hours(90) - 1.5).abs() < f64::EPSILON);
    }
}
