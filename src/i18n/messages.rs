//! Texts that carry values: errors naming a file, counts, the names of enum values.

use super::Lang;
use crate::domain::date::DateError;
use crate::domain::import_plan::{RejectReason, RosterColumn, SkippedLine};
use crate::domain::{BranchKind, FieldError, Gender, Level};

mod files;

impl Lang {
    /// 男 / 女
    pub fn gender(self, gender: Gender) -> &'static str {
        match gender {
            Gender::Male => self.gender_male(),
            Gender::Female => self.gender_female(),
        }
    }

    /// 镇 / 村 / 组
    pub fn level(self, level: Level) -> &'static str {
        match level {
            Level::Town => self.level_town(),
            Level::Village => self.level_village(),
            Level::Group => self.level_group(),
        }
    }

    /// The label of a level that may be unset.
    pub fn level_or_unset(self, level: Option<Level>) -> &'static str {
        level.map_or(self.level_unset(), |l| self.level(l))
    }

    /// 村党支部 / 社区党支部 / …
    pub fn branch_kind(self, kind: BranchKind) -> &'static str {
        match kind {
            BranchKind::Village => self.kind_village(),
            BranchKind::Community => self.kind_community(),
            BranchKind::Institution => self.kind_institution(),
            BranchKind::Enterprise => self.kind_enterprise(),
            BranchKind::NonPublicCompany => self.kind_non_public_company(),
        }
    }

    /// A column's header in this language.
    pub fn roster_column(self, column: RosterColumn) -> &'static str {
        match column {
            RosterColumn::Number => self.pick("序号", "No."),
            RosterColumn::Name => self.col_name(),
            RosterColumn::Gender => self.col_gender(),
            RosterColumn::Birth => self.col_birth(),
            RosterColumn::Education => self.col_education(),
            RosterColumn::Branch => self.col_branch(),
            RosterColumn::Area => self.col_area(),
            RosterColumn::Level => self.col_level(),
            RosterColumn::Position => self.col_position(),
            RosterColumn::Phone => self.col_phone(),
            RosterColumn::InOfficeSince => self.col_in_office_since(),
            RosterColumn::Notes => self.col_notes(),
        }
    }

    /// What is wrong with a date, to show beside its field.
    pub fn date_error(self, error: DateError) -> &'static str {
        match error {
            DateError::Unreadable => self.error_date_unreadable(),
            DateError::DoesNotExist => self.error_date_missing(),
            DateError::InFuture => self.error_date_future(),
            DateError::TooEarly => self.error_date_early(),
        }
    }

    /// What is wrong with a field, to show beside it.
    pub fn field_error(self, error: FieldError) -> &'static str {
        match error {
            FieldError::Required => self.error_required(),
            FieldError::NotMobileNumber => self.error_mobile(),
            FieldError::Date(e) => self.date_error(e),
            FieldError::TooYoungForOffice => self.error_too_young(),
        }
    }

    /// Why an import row was refused.
    pub fn reject_reason(self, reason: &RejectReason) -> String {
        match reason {
            RejectReason::NameMissing => self.pick("缺少姓名", "No name").to_owned(),
            RejectReason::BadPhone(text) => match self {
                Self::Zh => format!("联系电话“{text}”不是11位手机号码"),
                Self::En => format!("phone \"{text}\" is not an 11-digit mobile number"),
            },
            RejectReason::BadDate {
                column,
                text,
                error,
            } => match self {
                Self::Zh => format!(
                    "{}“{text}”：{}",
                    self.roster_column(*column),
                    self.date_error(*error)
                ),
                Self::En => format!(
                    "{} \"{text}\": {}",
                    self.roster_column(*column),
                    self.date_error(*error)
                ),
            },
            RejectReason::BadGender(text) => match self {
                Self::Zh => format!("性别“{text}”应为男或女"),
                Self::En => format!("gender \"{text}\" should be male or female"),
            },
            RejectReason::BadLevel(text) => match self {
                Self::Zh => format!("层级“{text}”应为镇、村或组"),
                Self::En => format!("level \"{text}\" should be town, village or group"),
            },
            RejectReason::ArchivedBranch(name) => match self {
                Self::Zh => format!("支部“{name}”已归档，请先恢复该支部"),
                Self::En => format!("branch \"{name}\" is archived; restore it first"),
            },
            RejectReason::ArchivedArea(name) => match self {
                Self::Zh => format!("片区“{name}”已归档，不能在其中新建支部"),
                Self::En => format!("area \"{name}\" is archived; no new branch can go there"),
            },
            RejectReason::TooYoungForOffice => self.error_too_young().to_owned(),
            RejectReason::DuplicateOf(line) => match self {
                Self::Zh => format!("与第{line}行重复（同名同支部）"),
                Self::En => format!("repeats line {line} (same name and branch)"),
            },
        }
    }

    /// A line passed over by the import.
    pub fn skipped_line(self, skipped: &SkippedLine) -> String {
        match (self, skipped) {
            (Self::Zh, SkippedLine::Title(line)) => format!("第{line}行（标题）"),
            (Self::En, SkippedLine::Title(line)) => format!("line {line} (title)"),
            (Self::Zh, SkippedLine::Total(line)) => format!("第{line}行（合计或落款）"),
            (Self::En, SkippedLine::Total(line)) => format!("line {line} (total or footer)"),
        }
    }

    /// 集中学习 / 观摩交流 / …
    pub fn session_kind(self, kind: crate::domain::session::SessionKind) -> &'static str {
        use crate::domain::session::SessionKind as K;
        match kind {
            K::Learning => self.kind_learning(),
            K::ObservationVisit => self.kind_observation_visit(),
            K::PracticalTraining => self.kind_practical_training(),
            K::HelpVisit => self.kind_help_visit(),
            K::Review => self.kind_review(),
            K::Exchange => self.kind_exchange(),
            K::ThemeDay => self.kind_theme_day(),
        }
    }

    /// 学习 / 帮扶 / 比拼 / 交流 / 激励
    pub fn studio_system(self, system: crate::domain::session::StudioSystem) -> &'static str {
        use crate::domain::session::StudioSystem as S;
        match system {
            S::Learn => self.system_learn(),
            S::Help => self.system_help(),
            S::Compare => self.system_compare(),
            S::Communicate => self.system_communicate(),
            S::Incentivise => self.system_incentivise(),
        }
    }

    /// The systems of a session, joined: 学习、交流
    pub fn systems(self, systems: crate::domain::session::Systems) -> String {
        systems
            .iter()
            .map(|s| self.studio_system(s))
            .collect::<Vec<_>>()
            .join(self.pick("、", ", "))
    }

    /// 出席 / 迟到 / 请假 / 缺席
    pub fn attendance_status(
        self,
        status: crate::domain::session::AttendanceStatus,
    ) -> &'static str {
        use crate::domain::session::AttendanceStatus as A;
        match status {
            A::Present => self.status_present(),
            A::Late => self.status_late(),
            A::Excused => self.status_excused(),
            A::Absent => self.status_absent(),
        }
    }

    /// What is wrong with a session's field.
    pub fn session_field_error(
        self,
        error: crate::domain::session::SessionFieldError,
    ) -> &'static str {
        use crate::domain::session::SessionFieldError as E;
        match error {
            E::Required => self.error_required(),
            E::NotADate => self.error_not_a_date(),
            E::NotATime => self.error_not_a_time(),
            E::EndBeforeStart => self.error_end_before_start(),
            E::NotHours => self.error_not_hours(),
        }
    }

    /// 已提出 / 推进中 / 已解决 / 已上报
    pub fn problem_state(self, state: crate::domain::problem::ProblemState) -> &'static str {
        use crate::domain::problem::ProblemState as S;
        match state {
            S::Raised => self.state_raised(),
            S::InProgress => self.state_in_progress(),
            S::Resolved => self.state_resolved(),
            S::Escalated => self.state_escalated(),
        }
    }

    /// 产业发展 / 基础设施 / …
    pub fn problem_category(
        self,
        category: crate::domain::problem::ProblemCategory,
    ) -> &'static str {
        use crate::domain::problem::ProblemCategory as C;
        match category {
            C::Industry => self.category_industry(),
            C::Infrastructure => self.category_infrastructure(),
            C::Governance => self.category_governance(),
            C::Livelihood => self.category_livelihood(),
            C::PartyBuilding => self.category_party_building(),
            C::Other => self.category_other(),
        }
    }

    /// What is wrong with a problem's field.
    pub fn problem_field_error(
        self,
        error: crate::domain::problem::ProblemFieldError,
    ) -> &'static str {
        use crate::domain::problem::ProblemFieldError as E;
        match error {
            E::Required => self.error_required(),
            E::InFuture => self.error_in_future(),
            E::DeadlineBeforeRaised => self.error_deadline_before_raised(),
            E::AfterProgress => self.error_after_progress(),
        }
    }

    /// Why a change of state is refused.
    pub fn state_change_error(
        self,
        error: crate::domain::problem::StateChangeError,
    ) -> &'static str {
        use crate::domain::problem::StateChangeError as E;
        match error {
            E::ResolutionMissing => self.error_resolution_missing(),
            E::BeforeRaised => self.error_before_raised(),
            E::BeforeLatest => self.error_before_latest(),
            E::InFuture => self.error_in_future(),
        }
    }

    /// Counts above the problem ledger.
    pub fn problem_counts(self, shown: usize, open: usize, overdue: usize) -> String {
        match self {
            Self::Zh => format!("显示 {shown} 件；未解决 {open} 件，其中逾期 {overdue} 件"),
            Self::En => format!("Showing {shown}; {open} open, of which {overdue} overdue"),
        }
    }

    /// A secretary's sessions: "应参加 68 场，实到 63 场"
    pub fn expected_present_sessions(self, expected: usize, present: usize) -> String {
        match self {
            Self::Zh => format!("应参加 {expected} 场，实到 {present} 场"),
            Self::En => format!("{present} of {expected} sessions attended"),
        }
    }

    /// "Showing 12 of 67 sessions"
    pub fn shown_sessions(self, shown: usize, total: usize) -> String {
        match self {
            Self::Zh => format!("显示 {shown} 场（共 {total} 场）"),
            Self::En => format!("Showing {shown} of {total} sessions"),
        }
    }

    /// "应到 20 人，实到 17 人"
    pub fn expected_present(self, expected: usize, present: usize) -> String {
        match self {
            Self::Zh => format!("应到 {expected} 人，实到 {present} 人"),
            Self::En => format!("Expected {expected}, present {present}"),
        }
    }

    /// The end of a list cut short: "… and 14 more".
    pub fn and_more(self, more: usize) -> String {
        match self {
            Self::Zh => format!(" 等（另有 {more} 项）"),
            Self::En => format!(" … and {more} more"),
        }
    }

    /// "Showing 12 (20 in office, 1 archived)".
    pub fn showing(self, shown: usize, in_office: usize, archived: usize) -> String {
        match self {
            Self::Zh => format!("显示 {shown} 人（在任 {in_office} 人，已归档 {archived} 人）"),
            Self::En => format!("Showing {shown} ({in_office} in office, {archived} archived)"),
        }
    }

    /// A search that also finds archived secretaries, who are hidden under 在任.
    pub fn archived_also_match(self, count: usize) -> String {
        match self {
            Self::Zh => format!("另有 {count} 名已归档书记符合搜索，点此一并显示"),
            Self::En => format!("{count} archived secretaries also match; show them"),
        }
    }
}

impl Lang {
    /// Where a problem stands, in words: its state; 进行中·已逾期 when open past its deadline;
    /// 逾期办结 when resolved after it.
    pub fn problem_status(
        self,
        problem: &crate::domain::problem::ProblemSummary,
        today: chrono::NaiveDate,
    ) -> String {
        if problem.resolved_late() {
            self.resolved_late().to_owned()
        } else if crate::domain::problem::is_overdue(problem.state, problem.fields.deadline, today)
        {
            format!("{}·{}", self.problem_state(problem.state), self.overdue())
        } else {
            self.problem_state(problem.state).to_owned()
        }
    }
}
