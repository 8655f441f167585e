//! "两三三": the officials who hang on the studio with their duties (责任清单), and their tasks
//! (任务清单) — an owner, the branch or base served, a deadline and progress notes. A task
//! lives the life of a problem ([`super::lifecycle`]): its latest event says where it stands,
//! and open past its deadline it is overdue (逾期). Tasks done on time can feed the ranking.

use super::base::BaseId;
use super::lifecycle::{Event, Lifecycle};
use super::roster::{BranchId, SecretaryId};
use chrono::NaiveDate;

local_id!(
    /// A town official who hangs on the studio.
    OfficialId,
    /// A task.
    TaskId,
);

/// An official as typed: the responsibility list is their duties, one per line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OfficialFields {
    /// Name (required).
    pub name: String,
    /// Post, e.g. 镇党委副书记、包联第一片区.
    pub post: String,
    /// The roster record, when the official is also one of the secretaries.
    pub secretary_id: Option<SecretaryId>,
    /// Duties, one per line (责任清单).
    pub duties: String,
    /// No longer on the studio (kept for the history of their tasks).
    pub archived: bool,
}

impl OfficialFields {
    /// The duties as items, blank lines left out.
    pub fn duty_items(&self) -> Vec<&str> {
        self.duties
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
}

/// An official as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Official {
    /// Local key.
    pub id: OfficialId,
    /// The record.
    pub fields: OfficialFields,
}

/// Who a task is given to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Owner {
    /// One of the secretaries.
    Secretary(SecretaryId),
    /// A town official.
    Official(OfficialId),
}

/// A task as typed (its state lives in its events).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskFields {
    /// e.g. 完成食用菌基地二期大棚建设 (required).
    pub title: String,
    /// What is to be done.
    pub description: String,
    /// Who owns it.
    pub owner: Owner,
    /// The branch it serves.
    pub branch_id: Option<BranchId>,
    /// The base it serves.
    pub base_id: Option<BaseId>,
    /// When it was given.
    pub assigned_on: NaiveDate,
    /// When it is due (完成时限).
    pub deadline: Option<NaiveDate>,
}

code_enum!(
    /// Where a task stands, as recorded (逾期 is read from the deadline).
    TaskState {
        /// 未开始
        NotStarted = "not_started",
        /// 进行中
        InProgress = "in_progress",
        /// 已完成
        Done = "done",
    }
);

impl Lifecycle for TaskState {
    fn is_open(self) -> bool {
        self != Self::Done
    }

    fn needs_note(self) -> bool {
        false
    }
}

/// One change in a task's history (a progress note with its date).
pub type TaskEvent = Event<TaskState>;

/// Where a task stands as shown: its state, or 逾期 when open past its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaskShown {
    /// 未开始
    NotStarted,
    /// 进行中
    InProgress,
    /// 已完成 (on time, or with no deadline)
    Done,
    /// 逾期完成
    DoneLate,
    /// 逾期
    Overdue,
}

/// A task as listed: the record and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// Local key.
    pub id: TaskId,
    /// The record.
    pub fields: TaskFields,
    /// Its latest event's state.
    pub state: TaskState,
    /// When it last changed state.
    pub changed_on: NaiveDate,
    /// The latest progress note.
    pub last_note: String,
}

impl Task {
    /// Open past its deadline on `today`.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        super::lifecycle::is_overdue(self.state, self.fields.deadline, today)
    }

    /// Done, on or before its deadline (or with none).
    pub fn done_on_time(&self) -> bool {
        self.state == TaskState::Done && self.fields.deadline.is_none_or(|d| self.changed_on <= d)
    }

    /// Whether it was being worked on in `period`: given by its end and not done before its
    /// start (a period's task list carries open tasks over from the periods before).
    pub fn lives_in(&self, period: super::period::Period) -> bool {
        self.fields.assigned_on <= period.end
            && (self.state != TaskState::Done || self.changed_on >= period.start)
    }

    /// The day it was done, if it is.
    pub fn done_on(&self) -> Option<NaiveDate> {
        (self.state == TaskState::Done).then_some(self.changed_on)
    }

    /// Where it stands as the lists show it.
    pub fn shown(&self, today: NaiveDate) -> TaskShown {
        match self.state {
            TaskState::Done if self.done_on_time() => TaskShown::Done,
            TaskState::Done => TaskShown::DoneLate,
            _ if self.overdue(today) => TaskShown::Overdue,
            TaskState::NotStarted => TaskShown::NotStarted,
            TaskState::InProgress => TaskShown::InProgress,
        }
    }
}

/// What is wrong with a task as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskError {
    /// No title.
    TitleRequired,
    /// A deadline before the task was given.
    DeadlineBeforeAssigned,
}

impl TaskFields {
    /// Checks the task before it is saved.
    pub fn check(&self) -> Result<(), TaskError> {
        if self.title.trim().is_empty() {
            return Err(TaskError::TitleRequired);
        }
        if self.deadline.is_some_and(|d| d < self.assigned_on) {
            return Err(TaskError::DeadlineBeforeAssigned);
        }
        Ok(())
    }
}

/// Which tasks a list shows; empty shows all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TaskFilter {
    /// Only of this owner.
    pub owner: Option<Owner>,
    /// Only as shown so (逾期 included).
    pub shown: Option<TaskShown>,
    /// Only serving this base.
    pub base: Option<BaseId>,
}

impl TaskFilter {
    /// Whether `task` passes on `today`.
    pub fn matches(&self, task: &Task, today: NaiveDate) -> bool {
        self.owner.is_none_or(|o| task.fields.owner == o)
            && self.shown.is_none_or(|s| task.shown(today) == s)
            && self.base.is_none_or(|b| task.fields.base_id == Some(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn task(state: TaskState, changed: &str, deadline: Option<&str>) -> Task {
        Task {
            id: TaskId(1),
            fields: TaskFields {
                title: "完成二期大棚建设".into(),
                description: String::new(),
                owner: Owner::Official(OfficialId(1)),
                branch_id: None,
                base_id: None,
                assigned_on: day("2025-03-01"),
                deadline: deadline.map(day),
            },
            state,
            changed_on: day(changed),
            last_note: String::new(),
        }
    }

    #[test]
    fn a_task_is_overdue_open_past_its_deadline_and_late_done_after_it() {
        let today = day("2025-07-01");
        let open = task(TaskState::InProgress, "2025-04-01", Some("2025-06-30"));
        assert_eq!(open.shown(today), TaskShown::Overdue);
        assert_eq!(open.shown(day("2025-06-30")), TaskShown::InProgress);
        let not_started = task(TaskState::NotStarted, "2025-03-01", None);
        assert_eq!(not_started.shown(today), TaskShown::NotStarted);
        let done = task(TaskState::Done, "2025-06-30", Some("2025-06-30"));
        assert!(done.done_on_time());
        assert_eq!(done.shown(today), TaskShown::Done);
        let late = task(TaskState::Done, "2025-07-01", Some("2025-06-30"));
        assert!(!late.done_on_time());
        assert_eq!(late.shown(today), TaskShown::DoneLate);
        assert!(!late.overdue(today));
    }

    #[test]
    fn a_periods_tasks_are_those_worked_on_in_it() {
        let period = super::super::period::Period::parse("2025-Q2").expect("period");
        let open = task(TaskState::InProgress, "2025-03-10", Some("2025-06-30"));
        assert!(open.lives_in(period), "given before, still open");
        let done_before = task(TaskState::Done, "2025-03-31", None);
        assert!(!done_before.lives_in(period));
        assert_eq!(done_before.done_on(), Some(day("2025-03-31")));
        let done_in = task(TaskState::Done, "2025-04-01", None);
        assert!(done_in.lives_in(period));
        let later = super::super::period::Period::parse("2025-Q1").expect("period");
        let mut given_after = open.clone();
        given_after.fields.assigned_on = day("2025-04-01");
        assert!(!given_after.lives_in(later));
        assert_eq!(open.done_on(), None);
    }

    #[test]
    fn a_task_needs_a_title_and_a_deadline_after_it_was_given() {
        let mut fields = task(TaskState::NotStarted, "2025-03-01", Some("2025-02-28")).fields;
        assert_eq!(fields.check(), Err(TaskError::DeadlineBeforeAssigned));
        fields.deadline = Some(day("2025-03-01"));
        assert_eq!(fields.check(), Ok(()));
        fields.title = "  ".into();
        assert_eq!(fields.check(), Err(TaskError::TitleRequired));
    }

    #[test]
    fn progress_follows_the_problems_rules() {
        use crate::domain::lifecycle::{StateChangeError, check_state_change};
        let assigned = day("2025-03-01");
        let today = day("2025-07-01");
        assert_eq!(
            check_state_change(assigned, None, TaskState::Done, today, "", today),
            Ok(()),
            "a task is done without a resolution written"
        );
        assert_eq!(
            check_state_change(
                assigned,
                Some(day("2025-05-01")),
                TaskState::InProgress,
                day("2025-04-30"),
                "",
                today
            ),
            Err(StateChangeError::BeforeLatest)
        );
    }

    #[test]
    fn the_duties_are_the_lines_written() {
        let official = OfficialFields {
            duties: "统筹产业基地建设\n\n  督办两委换届后续工作 \n".into(),
            ..OfficialFields::default()
        };
        assert_eq!(
            official.duty_items(),
            vec!["统筹产业基地建设", "督办两委换届后续工作"]
        );
    }

    #[test]
    fn the_filter_finds_overdue_tasks_of_one_owner() {
        let today = day("2025-07-01");
        let overdue = task(TaskState::InProgress, "2025-04-01", Some("2025-06-30"));
        let filter = TaskFilter {
            owner: Some(Owner::Official(OfficialId(1))),
            shown: Some(TaskShown::Overdue),
            base: None,
        };
        assert!(filter.matches(&overdue, today));
        assert!(!filter.matches(&overdue, day("2025-06-01")));
        let other = TaskFilter {
            owner: Some(Owner::Secretary(SecretaryId(1))),
            ..TaskFilter::default()
        };
        assert!(!other.matches(&overdue, today));
    }
}
