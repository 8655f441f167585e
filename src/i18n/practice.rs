//! Labels of the town's wider practice: the people register, the "100-member league" groups
//! and their letters, guests at sessions, theme party days, party-spirit check-ups, duty
//! reports and democratic appraisals.

use super::Lang;
use crate::domain::appraisal::{AppraisalError, Grade};
use crate::domain::checkup::{CheckupError, Health, Step};
use crate::domain::league::{MemberError, Role};
use crate::domain::theme_day::{Outcome, ThemeDayError, ThemeDayState};

texts! {
    grade_excellent: "优秀", "Excellent";
    grade_competent: "合格", "Competent";
    grade_basically_competent: "基本合格", "Basically competent";
    grade_incompetent: "不合格", "Incompetent";
    no_appraisal: "无测评", "no appraisal";
    role_leader: "团长", "Leader";
    role_deputy: "副团长", "Deputy";
    role_member: "成员", "Member";
    step_self: "自我体检", "Self";
    step_peer: "同级互检", "Peers";
    step_masses: "群众评检", "Masses";
    step_leader: "组织审检", "Leader";
    health_healthy: "健康", "Healthy";
    health_sub_healthy: "亚健康", "Sub-healthy";
    health_unhealthy: "不健康", "Unhealthy";
    theme_planned: "计划", "Planned";
    theme_held: "已开", "Held";
    theme_missed: "未开", "Missed";
    outcome_on_time: "按时", "On time";
    outcome_late: "补开", "Late";
    late_glyph: "补", "L";
    outcome_missed: "未开", "Missed";
    outcome_upcoming: "待开", "Upcoming";
    outcome_overdue: "逾期未报", "Overdue";
    error_term_ends_before_start: "任期结束早于开始", "The term ends before it starts";
    error_letter_no_invalid: "聘书编号须为 1–99999", "The letter number must be 1–99999";
    error_planned_outside_month: "计划日期须在该月内", "The planned day must be in its month";
    error_held_without_day: "请填写召开日期", "Enter the day it was held";
    error_held_before_month: "召开日期早于计划月份", "Held before its month";
    error_present_above_total: "实到人数多于应到人数", "More present than members";
    error_held_without_counts: "请填写应到和实到党员人数", "Enter members present and in total";
    error_missed_without_reason: "未开须写明原因", "Say why it was not held";
    error_in_the_future: "日期不能晚于今天", "The day cannot be after today";
    error_too_few_residents: "群众评检须至少 15 名群众参与", "The masses' step needs at least 15 residents";
    error_no_voters: "请填写参评人数", "Enter the number of voters";
    error_negative_count: "票数不能为负", "Counts cannot be negative";
    error_half_invalid: "请选择全年或上/下半年", "Choose the year or a half";
    error_name_required: "请填写名称", "A name is required";
    error_already_member: "此人已在该团中", "This person is in the group already";
    error_appraisal_exists: "该书记这一年度（半年）已有述职评议记录", "This secretary has an appraisal for that year (or half) already";
}

impl Lang {
    /// 优秀 / 合格 / 基本合格 / 不合格
    pub fn grade(self, grade: Grade) -> &'static str {
        match grade {
            Grade::Excellent => self.grade_excellent(),
            Grade::Competent => self.grade_competent(),
            Grade::BasicallyCompetent => self.grade_basically_competent(),
            Grade::Incompetent => self.grade_incompetent(),
        }
    }

    /// 团长 / 副团长 / 成员
    pub fn role(self, role: Role) -> &'static str {
        match role {
            Role::Leader => self.role_leader(),
            Role::Deputy => self.role_deputy(),
            Role::Member => self.role_member(),
        }
    }

    /// 自我体检 / 同级互检 / 群众评检 / 组织审检
    pub fn step(self, step: Step) -> &'static str {
        match step {
            Step::SelfCheck => self.step_self(),
            Step::Peer => self.step_peer(),
            Step::Masses => self.step_masses(),
            Step::Leader => self.step_leader(),
        }
    }

    /// 健康 / 亚健康 / 不健康
    pub fn health(self, health: Health) -> &'static str {
        match health {
            Health::Healthy => self.health_healthy(),
            Health::SubHealthy => self.health_sub_healthy(),
            Health::Unhealthy => self.health_unhealthy(),
        }
    }

    /// 计划 / 已开 / 未开
    pub fn theme_day_state(self, state: ThemeDayState) -> &'static str {
        match state {
            ThemeDayState::Planned => self.theme_planned(),
            ThemeDayState::Held => self.theme_held(),
            ThemeDayState::Missed => self.theme_missed(),
        }
    }

    /// 按时 / 补开 / 未开 / 待开 / 逾期未报
    pub fn theme_day_outcome(self, outcome: Outcome) -> &'static str {
        match outcome {
            Outcome::OnTime => self.outcome_on_time(),
            Outcome::Late => self.outcome_late(),
            Outcome::Missed => self.outcome_missed(),
            Outcome::Upcoming => self.outcome_upcoming(),
            Outcome::Overdue => self.outcome_overdue(),
        }
    }

    /// A membership's error, beside its field.
    pub fn member_error(self, error: MemberError) -> &'static str {
        match error {
            MemberError::TermEndsBeforeStart => self.error_term_ends_before_start(),
            MemberError::LetterNoInvalid => self.error_letter_no_invalid(),
        }
    }

    /// A theme party day's error, beside its field.
    pub fn theme_day_error(self, error: ThemeDayError) -> &'static str {
        match error {
            ThemeDayError::PlannedOutsideMonth => self.error_planned_outside_month(),
            ThemeDayError::HeldWithoutDay => self.error_held_without_day(),
            ThemeDayError::HeldBeforeMonth => self.error_held_before_month(),
            ThemeDayError::PresentAboveTotal => self.error_present_above_total(),
            ThemeDayError::HeldWithoutCounts => self.error_held_without_counts(),
            ThemeDayError::MissedWithoutReason => self.error_missed_without_reason(),
            ThemeDayError::InTheFuture => self.error_in_the_future(),
        }
    }

    /// A check-up's error, beside its field.
    pub fn checkup_error(self, error: &CheckupError) -> String {
        match error {
            CheckupError::ScoreAboveMaximum {
                indicator,
                step,
                max_score,
            } => {
                let max = crate::domain::assessment::format_score(*max_score);
                match self {
                    Self::Zh => format!("{}「{indicator}」得分须在 0–{max} 之间", self.step(*step)),
                    Self::En => format!(
                        "{} score of “{indicator}” must be between 0 and {max}",
                        self.step(*step)
                    ),
                }
            }
            CheckupError::TooFewResidents => self.error_too_few_residents().to_owned(),
        }
    }

    /// An appraisal's error, beside its field.
    pub fn appraisal_error(self, error: AppraisalError) -> String {
        match error {
            AppraisalError::NoVoters => self.error_no_voters().to_owned(),
            AppraisalError::Negative => self.error_negative_count().to_owned(),
            AppraisalError::HalfInvalid => self.error_half_invalid().to_owned(),
            AppraisalError::BallotsDoNotAddUp(counted, voters) => match self {
                Self::Zh => format!("四项票数合计 {counted}，与参评人数 {voters} 不符"),
                Self::En => format!("The four counts add up to {counted}, not the {voters} voters"),
            },
        }
    }

    /// Why the store refused a change, in a sentence.
    pub fn refusal(self, refusal: &crate::store::Refusal) -> String {
        use crate::store::Refusal as R;
        match refusal {
            R::NameRequired => self.error_name_required().to_owned(),
            R::Member(e) => self.member_error(*e).to_owned(),
            R::LetterNoTaken(letter) => match self {
                Self::Zh => format!(
                    "{}年第 {:03} 号聘书已用于另一名成员",
                    letter.year, letter.no
                ),
                Self::En => format!(
                    "Letter no. {:03} of {} is held by another member",
                    letter.no, letter.year
                ),
            },
            R::AlreadyMember => self.error_already_member().to_owned(),
            R::ThemeDay(e) => self.theme_day_error(*e).to_owned(),
            R::Checkup(e) => self.checkup_error(e),
            R::CheckupExists(year) => match self {
                Self::Zh => format!("此人 {year} 年已有党性体检记录"),
                Self::En => format!("This person has a check-up for {year} already"),
            },
            R::Appraisal(e) => self.appraisal_error(*e),
            R::AppraisalExists => self.error_appraisal_exists().to_owned(),
            R::Base(e) => self.base_error(*e).to_owned(),
            R::Task(e) => self.task_error(*e).to_owned(),
            R::TaskState(e) => self.task_progress_error(*e).to_owned(),
            R::Decision(e) => self.decision_error(*e),
            R::OfficialHasTasks(count) => match self {
                Self::Zh => format!("此干部还有 {count} 项任务，不能删除；可勾选“已离开工作室”"),
                Self::En => format!(
                    "This official still has {count} tasks and cannot be deleted; tick “left the studio” instead"
                ),
            },
            R::StepHasLater(step) => match self {
                Self::Zh => format!("请先清除后一步“{}”", self.decision_step(*step)),
                Self::En => format!("Clear the later step first: {}", self.decision_step(*step)),
            },
            R::ImportHasErrors(rows) => match self {
                Self::Zh => format!(
                    "有 {rows} 行不能导入，未写入任何内容；请改正后重新预览，或选择跳过这些行"
                ),
                Self::En => format!(
                    "{rows} rows cannot be imported, so nothing was written; correct them and preview again, or choose to leave them out"
                ),
            },
        }
    }

    /// "held 5 of 6 theme days as planned × 10"
    pub fn explain_theme_days(self, on_time: i64, planned: i64, max: &str) -> String {
        match self {
            Self::Zh => format!("主题党日按时召开 {on_time} / 应开 {planned} 次 × 满分 {max}"),
            Self::En => format!("theme days held as planned {on_time} of {planned} × {max}"),
        }
    }

    /// "appraisal: 优秀"
    pub fn explain_appraisal(self, grade: Option<Grade>) -> String {
        let grade = grade.map_or(self.no_appraisal(), |g| self.grade(g));
        match self {
            Self::Zh => format!("民主测评：{grade}"),
            Self::En => format!("appraisal: {grade}"),
        }
    }
}
