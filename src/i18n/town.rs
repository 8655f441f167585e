//! Labels of the town's revival and discipline: industry demonstration bases, the officials'
//! duties and tasks ("两三三"), village decisions by 四议两公开, and the calendar of what is due.

use super::Lang;
use crate::domain::base::BaseError;
use crate::domain::calendar::DueKind;
use crate::domain::decision::{DecisionError, Standing, Step};
use crate::domain::task::{TaskError, TaskShown, TaskState};

texts! {
    task_not_started: "未开始", "Not started";
    task_in_progress: "进行中", "In progress";
    task_done: "已完成", "Done";
    task_done_late: "逾期完成", "Done late";
    task_overdue: "逾期", "Overdue";
    step_proposal: "党支部提议", "Branch proposes";
    step_consultation: "两委会商议", "Two committees consult";
    step_members_review: "党员大会审议", "Party members review";
    step_resolution: "村民（代表）会议决议", "Villagers' (representatives') meeting resolves";
    step_resolution_public: "决议公开", "Resolution made public";
    step_result_public: "实施结果公开", "Result made public";
    decision_not_started: "未启动", "Not started";
    decision_complete: "六步完成", "All six steps done";
    due_session: "工作室活动", "Session";
    due_theme_day: "主题党日", "Theme party day";
    due_problem: "难题时限", "Problem deadline";
    due_task: "任务时限", "Task deadline";
    due_visit: "结对走访", "Pairing visit";
    due_term_ends: "聘期届满", "Term ends";
    due_milestone: "基地节点", "Base milestone";
    due_planned_topic: "计划学习", "Planned learning";
    due_decision: "四议两公开", "Village decision";
    error_base_name_required: "请填写名称", "A name is required";
    error_done_before_start: "完成日期早于基地启动日期", "Done before the base started";
    error_done_in_future: "完成日期不能晚于今天", "The day done cannot be after today";
    error_start_after_milestone: "启动日期晚于已完成的节点，请先改正节点日期", "The base would start after a milestone it reached; correct the milestone first";
    error_figure_negative: "数据不能为负数", "Figures cannot be negative";
    error_figure_year: "年份须在 1900–2999 之间", "The year must be 1900–2999";
    error_task_title_required: "请填写任务内容", "Say what the task is";
    error_deadline_before_assigned: "完成时限早于下达日期", "The deadline is before the day it was given";
    error_decision_title_required: "请填写决策事项", "Say what is decided";
    error_step_date_required: "请填写日期", "Enter the day";
    error_attendance_required: "请填写应到和实到人数", "Enter how many were expected and present";
    error_present_above_expected: "实到人数多于应到人数", "More present than expected";
    error_before_assigned: "日期早于任务下达日期", "Dated before the task was given";
}

impl Lang {
    /// 未开始 / 进行中 / 已完成
    pub fn task_state(self, state: TaskState) -> &'static str {
        match state {
            TaskState::NotStarted => self.task_not_started(),
            TaskState::InProgress => self.task_in_progress(),
            TaskState::Done => self.task_done(),
        }
    }

    /// 未开始 / 进行中 / 已完成 / 逾期完成 / 逾期
    pub fn task_shown(self, shown: TaskShown) -> &'static str {
        match shown {
            TaskShown::NotStarted => self.task_not_started(),
            TaskShown::InProgress => self.task_in_progress(),
            TaskShown::Done => self.task_done(),
            TaskShown::DoneLate => self.task_done_late(),
            TaskShown::Overdue => self.task_overdue(),
        }
    }

    /// 党支部提议 … 实施结果公开
    pub fn decision_step(self, step: Step) -> &'static str {
        match step {
            Step::Proposal => self.step_proposal(),
            Step::Consultation => self.step_consultation(),
            Step::MembersReview => self.step_members_review(),
            Step::Resolution => self.step_resolution(),
            Step::ResolutionPublic => self.step_resolution_public(),
            Step::ResultPublic => self.step_result_public(),
        }
    }

    /// Where a decision stands: 未启动 / the last step passed / 六步完成.
    pub fn decision_standing(self, standing: Standing) -> String {
        match standing {
            Standing::NotStarted => self.decision_not_started().to_owned(),
            Standing::Passed(step) => match self {
                Self::Zh => format!(
                    "已完成第{}步：{}",
                    step.index() + 1,
                    self.decision_step(step)
                ),
                Self::En => format!(
                    "Step {} done: {}",
                    step.index() + 1,
                    self.decision_step(step)
                ),
            },
            Standing::Complete => self.decision_complete().to_owned(),
        }
    }

    /// What a calendar item is.
    pub fn due_kind(self, kind: DueKind) -> &'static str {
        match kind {
            DueKind::Session => self.due_session(),
            DueKind::ThemeDay => self.due_theme_day(),
            DueKind::Problem => self.due_problem(),
            DueKind::Task => self.due_task(),
            DueKind::Visit => self.due_visit(),
            DueKind::TermEnds => self.due_term_ends(),
            DueKind::Milestone => self.due_milestone(),
            DueKind::PlannedTopic => self.due_planned_topic(),
            DueKind::Decision => self.due_decision(),
        }
    }

    /// A base's, milestone's or figures' error, beside its field.
    pub fn base_error(self, error: BaseError) -> &'static str {
        match error {
            BaseError::NameRequired => self.error_base_name_required(),
            BaseError::DoneBeforeStart => self.error_done_before_start(),
            BaseError::DoneInFuture => self.error_done_in_future(),
            BaseError::StartAfterMilestone => self.error_start_after_milestone(),
            BaseError::Negative => self.error_figure_negative(),
            BaseError::Year => self.error_figure_year(),
        }
    }

    /// Why a task's progress is refused (the problems' rules, in a task's words).
    pub fn task_progress_error(
        self,
        error: crate::domain::lifecycle::StateChangeError,
    ) -> &'static str {
        match error {
            crate::domain::lifecycle::StateChangeError::BeforeRaised => {
                self.error_before_assigned()
            }
            other => self.state_change_error(other),
        }
    }

    /// A task's error, beside its field.
    pub fn task_error(self, error: TaskError) -> &'static str {
        match error {
            TaskError::TitleRequired => self.error_task_title_required(),
            TaskError::DeadlineBeforeAssigned => self.error_deadline_before_assigned(),
        }
    }

    /// A decision's or step's error, beside its field.
    pub fn decision_error(self, error: DecisionError) -> String {
        match error {
            DecisionError::TitleRequired => self.error_decision_title_required().to_owned(),
            DecisionError::DateRequired => self.error_step_date_required().to_owned(),
            DecisionError::PreviousMissing(step) => match self {
                Self::Zh => format!("请先记录上一步“{}”", self.decision_step(step)),
                Self::En => format!("Record the step before first: {}", self.decision_step(step)),
            },
            DecisionError::BeforePrevious(step) => match self {
                Self::Zh => format!("日期早于上一步“{}”", self.decision_step(step)),
                Self::En => format!("Dated before the step before: {}", self.decision_step(step)),
            },
            DecisionError::AfterNext(step) => match self {
                Self::Zh => format!("日期晚于下一步“{}”", self.decision_step(step)),
                Self::En => format!("Dated after the next step: {}", self.decision_step(step)),
            },
            DecisionError::InFuture => self.error_in_the_future().to_owned(),
            DecisionError::AttendanceRequired => self.error_attendance_required().to_owned(),
            DecisionError::PresentAboveExpected => self.error_present_above_expected().to_owned(),
            DecisionError::QuorumNotMet(needed) => match self {
                Self::Zh => format!("到会人数不足：至少须 {needed} 人到会"),
                Self::En => format!("Too few present: at least {needed} are needed"),
            },
        }
    }
}
