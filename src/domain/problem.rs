//! Development problems (发展难题) raised by branches, followed until they are solved. A
//! problem's state is its history: each change is an event, and the latest event says where it
//! stands.

use super::roster::{BranchId, ProblemId, SecretaryId, SessionId};
use chrono::NaiveDate;

/// A problem's record (its state lives in its events).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemFields {
    /// Short title, e.g. 食用菌基地冷库用地审批.
    pub title: String,
    /// What the problem is.
    pub description: String,
    /// What it is about.
    pub category: ProblemCategory,
    /// The branch that raised it.
    pub branch_id: Option<BranchId>,
    /// The secretary who raised it.
    pub raised_by: Option<SecretaryId>,
    /// The session it was raised at, if any.
    pub session_id: Option<SessionId>,
    /// The day it was raised.
    pub raised_on: NaiveDate,
    /// The office or person responsible (责任单位/责任人).
    pub responsible: String,
    /// The secretary helping with it (帮扶书记).
    pub helper_id: Option<SecretaryId>,
    /// When it should be solved by (完成时限).
    pub deadline: Option<NaiveDate>,
    /// The pairing it hangs on, if any (帮扶 problems).
    pub pairing_id: Option<super::pairing::PairingId>,
    /// The industry demonstration base it hangs on, if any.
    pub base_id: Option<super::base::BaseId>,
}

/// A field of the problem form, for placing an error beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemField {
    /// 标题
    Title,
    /// 提出日期
    RaisedOn,
    /// 完成时限
    Deadline,
}

/// What is wrong with a problem's field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemFieldError {
    /// The field must be filled.
    Required,
    /// A date in the future.
    InFuture,
    /// A deadline before the problem was raised.
    DeadlineBeforeRaised,
    /// Raised after progress was already recorded.
    AfterProgress,
}

impl ProblemFields {
    /// Checks the record before it is saved.
    pub fn check(&self, today: NaiveDate) -> Result<(), Vec<(ProblemField, ProblemFieldError)>> {
        let mut errors = Vec::new();
        if self.title.trim().is_empty() {
            errors.push((ProblemField::Title, ProblemFieldError::Required));
        }
        if self.raised_on > today {
            errors.push((ProblemField::RaisedOn, ProblemFieldError::InFuture));
        }
        if self.deadline.is_some_and(|d| d < self.raised_on) {
            errors.push((
                ProblemField::Deadline,
                ProblemFieldError::DeadlineBeforeRaised,
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// A problem as lists show it: the record and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemSummary {
    /// Local key.
    pub id: ProblemId,
    /// The record.
    pub fields: ProblemFields,
    /// Where it stands (its latest event).
    pub state: ProblemState,
    /// When it last changed state.
    pub changed_on: NaiveDate,
    /// The resolution, when resolved.
    pub resolution: String,
}

code_enum!(
    /// What a problem is about.
    ProblemCategory {
        /// 产业发展
        Industry = "industry",
        /// 基础设施
        Infrastructure = "infrastructure",
        /// 基层治理
        Governance = "governance",
        /// 民生服务
        Livelihood = "livelihood",
        /// 党的建设
        PartyBuilding = "party_building",
        /// 其他
        Other = "other",
    }
);

code_enum!(
    /// Where a problem stands.
    ProblemState {
        /// 已提出
        Raised = "raised",
        /// 推进中
        InProgress = "in_progress",
        /// 已上报 (before 已解决: the order a problem goes through)
        Escalated = "escalated",
        /// 已解决
        Resolved = "resolved",
    }
);

impl ProblemState {
    /// Whether the problem still needs work (everything but resolved).
    pub fn is_open(self) -> bool {
        self != Self::Resolved
    }
}

/// One change in a problem's history.
pub type ProblemEvent = super::lifecycle::Event<ProblemState>;

pub use super::lifecycle::{StateChangeError, check_state_change, is_overdue, latest};

impl super::lifecycle::Lifecycle for ProblemState {
    fn is_open(self) -> bool {
        ProblemState::is_open(self)
    }

    fn needs_note(self) -> bool {
        self == Self::Resolved
    }
}

/// Which problems the problems list (and the printed ledger) shows; empty shows all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProblemFilter {
    /// Only in this state.
    pub state: Option<ProblemState>,
    /// Only of branches in this area.
    pub area: Option<super::roster::AreaId>,
    /// Only of this branch.
    pub branch: Option<BranchId>,
    /// Only of this category.
    pub category: Option<ProblemCategory>,
    /// Only those overdue today.
    pub overdue_only: bool,
}

impl ProblemFilter {
    /// Whether `problem` passes; `area_of` gives a branch's area.
    pub fn matches(
        &self,
        problem: &ProblemSummary,
        area_of: impl Fn(Option<BranchId>) -> Option<super::roster::AreaId>,
        today: NaiveDate,
    ) -> bool {
        self.state.is_none_or(|s| problem.state == s)
            && self
                .branch
                .is_none_or(|b| problem.fields.branch_id == Some(b))
            && self
                .area
                .is_none_or(|a| area_of(problem.fields.branch_id) == Some(a))
            && self.category.is_none_or(|c| problem.fields.category == c)
            && (!self.overdue_only || is_overdue(problem.state, problem.fields.deadline, today))
    }

    /// Whether it shows everything.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl ProblemSummary {
    /// Resolved after its deadline (逾期办结).
    pub fn resolved_late(&self) -> bool {
        self.state == ProblemState::Resolved
            && self.fields.deadline.is_some_and(|d| self.changed_on > d)
    }

    /// Open past its deadline on `today`, or resolved after it: shown in red.
    pub fn late(&self, today: NaiveDate) -> bool {
        is_overdue(self.state, self.fields.deadline, today) || self.resolved_late()
    }
}

/// Days from raising to the last resolution, for a problem that is resolved now. A problem
/// reopened after a resolution counts from its raising to its final resolution.
pub fn days_to_resolve(raised_on: NaiveDate, events: &[ProblemEvent]) -> Option<i64> {
    let last = latest(events)?;
    (last.state == ProblemState::Resolved).then(|| (last.date - raised_on).num_days().max(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn event(date: &str, state: ProblemState, clock: i64) -> ProblemEvent {
        ProblemEvent {
            date: day(date),
            state,
            clock,
            actor: String::new(),
            note: String::new(),
        }
    }

    #[test]
    fn a_deadline_before_raising_is_refused_beside_its_field() {
        let fields = ProblemFields {
            title: " ".into(),
            description: String::new(),
            category: ProblemCategory::Industry,
            branch_id: None,
            raised_by: None,
            session_id: None,
            raised_on: day("2021-05-20"),
            responsible: String::new(),
            helper_id: None,
            deadline: Some(day("2021-05-19")),
            pairing_id: None,
            base_id: None,
        };
        assert_eq!(
            fields.check(day("2021-06-01")),
            Err(vec![
                (ProblemField::Title, ProblemFieldError::Required),
                (
                    ProblemField::Deadline,
                    ProblemFieldError::DeadlineBeforeRaised
                ),
            ])
        );
        assert_eq!(
            fields.check(day("2021-05-01")).expect_err("future").get(1),
            Some(&(ProblemField::RaisedOn, ProblemFieldError::InFuture))
        );
    }

    #[test]
    fn the_latest_event_says_where_a_problem_stands() {
        let events = vec![
            event("2021-05-20", ProblemState::Raised, 1),
            event("2021-06-01", ProblemState::Resolved, 3),
            event("2021-06-01", ProblemState::InProgress, 2),
        ];
        assert_eq!(
            latest(&events).map(|e| e.state),
            Some(ProblemState::Resolved)
        );
        assert_eq!(latest::<ProblemState>(&[]), None);
    }

    #[test]
    fn a_reopened_problem_counts_to_its_final_resolution() {
        let raised = day("2021-05-20");
        let mut events = vec![
            event("2021-05-20", ProblemState::Raised, 1),
            event("2021-06-19", ProblemState::Resolved, 2),
        ];
        assert_eq!(days_to_resolve(raised, &events), Some(30));
        events.push(event("2021-07-01", ProblemState::InProgress, 3));
        assert_eq!(
            days_to_resolve(raised, &events),
            None,
            "reopened: not resolved now"
        );
        events.push(event("2021-08-19", ProblemState::Resolved, 4));
        assert_eq!(days_to_resolve(raised, &events), Some(91));
    }

    #[test]
    fn only_open_problems_past_their_deadline_are_overdue() {
        let today = day("2021-09-01");
        assert!(is_overdue(
            ProblemState::InProgress,
            Some(day("2021-08-31")),
            today
        ));
        assert!(is_overdue(
            ProblemState::Escalated,
            Some(day("2021-08-31")),
            today
        ));
        assert!(!is_overdue(
            ProblemState::Resolved,
            Some(day("2021-08-31")),
            today
        ));
        assert!(!is_overdue(
            ProblemState::Raised,
            Some(day("2021-09-01")),
            today
        ));
        assert!(!is_overdue(ProblemState::Raised, None, today));
    }

    #[test]
    fn resolving_needs_a_resolution_and_dates_make_sense() {
        let raised = day("2021-05-20");
        let today = day("2021-09-01");
        let check = |state, date, note| {
            check_state_change(
                raised,
                Some(day("2021-06-10")),
                state,
                day(date),
                note,
                today,
            )
        };
        assert_eq!(
            check(ProblemState::Resolved, "2021-06-01", " "),
            Err(StateChangeError::ResolutionMissing)
        );
        assert_eq!(
            check(ProblemState::InProgress, "2021-05-19", ""),
            Err(StateChangeError::BeforeRaised)
        );
        assert_eq!(
            check(ProblemState::InProgress, "2021-09-02", ""),
            Err(StateChangeError::InFuture)
        );
        assert_eq!(
            check(ProblemState::Resolved, "2021-06-01", "已批复"),
            Err(StateChangeError::BeforeLatest)
        );
        assert_eq!(
            check(ProblemState::Resolved, "2021-06-10", "冷库用地已批复"),
            Ok(())
        );
    }
}
