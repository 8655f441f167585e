//! Labels of the five systems' screens and the six responsibilities.

use super::Lang;

texts! {
    error_not_hours: "请填写 0–24 之间的学时", "Hours between 0 and 24";
}

texts! {
    col_pairing: "结对", "Pairing";
    col_host_village: "东道村", "Host village";
    study_topics: "学习内容", "Study topics";
    col_study_title: "学习内容", "Topic";
    col_study_kind: "学习形式", "How";
    col_study_hours: "学时", "Hours";
    kind_policy_document: "政策文件", "Policy document";
    kind_lecture: "专题讲座", "Lecture";
    kind_site_visit: "现场观摩", "Site visit";
}

impl Lang {
    /// 政策文件 / 专题讲座 / 现场观摩 / 实战练兵
    pub fn study_kind(self, kind: crate::domain::learning::StudyKind) -> &'static str {
        use crate::domain::learning::StudyKind as K;
        match kind {
            K::PolicyDocument => self.kind_policy_document(),
            K::Lecture => self.kind_lecture(),
            K::SiteVisit => self.kind_site_visit(),
            K::PracticalTraining => self.kind_practical_training(),
        }
    }
}

texts! {
    period: "期间", "Period";
    period_hint: "请写 2021年、2021年上半年、2021年第三季度 或 2021-05", "Write 2021, 2021-H1, 2021-Q3 or 2021-05";
    nav_learn: "学习", "Learn";
    nav_help: "帮扶", "Help";
    nav_compare: "比拼", "Compare";
    nav_communicate: "交流", "Communicate";
    nav_incentivise: "激励", "Incentivise";
    col_points: "积分", "Points";
    col_rank: "名次", "Rank";
    col_rule: "规则", "Rule";
    col_record: "来源记录", "From record";
    delete: "删除", "Delete";
    manual_award: "手工奖励/扣分", "Manual award";
}

texts! {
    points_ledger: "积分明细", "Points ledger";
    points_rules: "积分规则", "Points rules";
    red_list: "红榜（表彰）", "Red list (commendations)";
    criticisms: "黑榜（批评）", "Criticisms";
    honour_commendation: "表彰", "Commendation";
    honour_criticism: "批评", "Criticism";
    record_honour: "记录表彰/批评", "Record";
    choose_secretary: "请选择书记", "Choose a secretary";
    reason_required: "请填写事由", "Give a reason";
    event_attended: "出席活动", "Attended a session";
    event_late: "迟到", "Late";
    event_excused: "请假", "On leave";
    event_absent: "无故缺席", "Absent without leave";
    event_resolved_as_helper: "帮扶按期解决难题", "Resolved a problem as helper, on time";
    event_resolved_late_as_helper: "帮扶解决难题（逾期办结）", "Resolved a problem as helper, after its deadline";
    event_problem_raised: "提出难题", "Raised a problem";
    event_experience_note: "撰写经验材料", "Wrote an experience note";
    event_help_visit: "开展帮扶走访", "Held a help visit";
    event_commendation: "受到表彰", "Commended";
    event_criticism: "受到批评", "Criticised";
    source_session: "活动：", "Session:";
    source_problem: "难题：", "Problem:";
    source_note: "经验材料：", "Note:";
    source_honour: "表彰/批评：", "Honour:";
    source_award: "奖励/扣分：", "Award/deduction:";
}

impl Lang {
    /// The rule's name.
    pub fn points_event(self, event: crate::domain::points::PointsEvent) -> &'static str {
        use crate::domain::points::PointsEvent as E;
        match event {
            E::Attended => self.event_attended(),
            E::Late => self.event_late(),
            E::Excused => self.event_excused(),
            E::Absent => self.event_absent(),
            E::ResolvedAsHelper => self.event_resolved_as_helper(),
            E::ResolvedLateAsHelper => self.event_resolved_late_as_helper(),
            E::ProblemRaised => self.event_problem_raised(),
            E::ExperienceNote => self.event_experience_note(),
            E::HelpVisit => self.event_help_visit(),
            E::Commendation => self.event_commendation(),
            E::Criticism => self.event_criticism(),
        }
    }

    /// What kind of record a points line comes from.
    pub fn points_source(self, source: crate::domain::points::PointsSource) -> &'static str {
        use crate::domain::points::PointsSource as S;
        match source {
            S::Session(_) => self.source_session(),
            S::Problem(_) => self.source_problem(),
            S::Note(_) => self.source_note(),
            S::Honour(_) => self.source_honour(),
            S::Award(_) => self.source_award(),
        }
    }

    /// 表彰 / 批评
    pub fn honour_kind_name(self, kind: crate::domain::points::HonourKind) -> &'static str {
        match kind {
            crate::domain::points::HonourKind::Commendation => self.honour_commendation(),
            crate::domain::points::HonourKind::Criticism => self.honour_criticism(),
        }
    }

    /// "12 lines, 34 points in all"
    pub fn ledger_summary(self, lines: usize, total: i64) -> String {
        match self {
            Self::Zh => format!("共 {lines} 条，合计 {total} 分"),
            Self::En => format!("{lines} lines, {total} points in all"),
        }
    }
}

texts! {
    col_total: "总分", "Total";
    col_stars: "星级", "Stars";
    part_base: "基础分", "Base";
    part_bonus: "加分", "Bonus";
    part_deduction: "扣分", "Deduction";
    source_manual: "人工评分", "By hand";
    source_attendance_rate: "出勤率", "Attendance rate";
    source_learning_hours: "学习学时", "Learning hours";
    source_problems_resolved: "帮扶解决难题数", "Problems resolved as helper";
    source_help_visits: "帮扶走访次数", "Help visits";
    source_theme_day_rate: "主题党日规范执行率", "Theme days held as planned";
    source_appraisal_grade: "民主测评等次", "Appraisal grade";
    source_tasks_on_time: "任务按期完成数", "Tasks done on time";
    star_thresholds: "二至五星起点分", "2–5 stars from";
}

impl Lang {
    /// 基础分 / 加分 / 扣分
    pub fn criterion_part(self, part: crate::domain::assessment::CriterionPart) -> &'static str {
        use crate::domain::assessment::CriterionPart as P;
        match part {
            P::Base => self.part_base(),
            P::Bonus => self.part_bonus(),
            P::Deduction => self.part_deduction(),
        }
    }

    /// How a criterion is scored.
    pub fn criterion_source(
        self,
        source: crate::domain::assessment::CriterionSource,
    ) -> &'static str {
        use crate::domain::assessment::CriterionSource as S;
        match source {
            S::Manual => self.source_manual(),
            S::AttendanceRate => self.source_attendance_rate(),
            S::LearningHours => self.source_learning_hours(),
            S::ProblemsResolved => self.source_problems_resolved(),
            S::HelpVisits => self.source_help_visits(),
            S::ThemeDayRate => self.source_theme_day_rate(),
            S::AppraisalGrade => self.source_appraisal_grade(),
            S::TasksOnTime => self.source_tasks_on_time(),
        }
    }

    /// "attended 5 of 6 sessions × 20"
    pub fn explain_attendance(self, attended: i64, expected: i64, max: &str) -> String {
        match self {
            Self::Zh => format!("实到 {attended} / 应到 {expected} 场 × 满分 {max}"),
            Self::En => format!("attended {attended} of {expected} sessions × {max}"),
        }
    }

    /// "learning hours 9 against a target of 6 for the period (24 a year; max 20)"
    pub fn explain_target(
        self,
        what: &str,
        value: &str,
        target: &str,
        yearly: &str,
        max: &str,
    ) -> String {
        match self {
            Self::Zh => {
                format!("{what} {value}，本期目标 {target}（全年 {yearly}），达标得满分 {max}")
            }
            Self::En => format!(
                "{what} {value} against {target} for the period ({yearly} a year; full marks {max})"
            ),
        }
    }
}

texts! {
    col_last_visit: "最近走访", "Last visit";
    col_strong: "帮扶人（强村书记）", "Helper (strong branch)";
    col_weak: "被帮扶人（弱村书记）", "Helped (weak branch)";
}

impl Lang {
    /// "2 pairs have had no visit for more than 60 days"
    pub fn stale_warning(self, count: usize, days: i64) -> String {
        match self {
            Self::Zh => format!("⚠ 有 {count} 对结对已超过 {days} 天未走访"),
            Self::En if count == 1 => {
                format!("⚠ 1 pair has had no visit for more than {days} days")
            }
            Self::En => format!("⚠ {count} pairs have had no visit for more than {days} days"),
        }
    }
}

texts! {
    title_required: "请填写标题", "Give a title";
}

texts! {
    hours_unit: "学时", "h";
}

impl Lang {
    /// "2021年" / "2021"
    pub fn year_label(self, year: i32) -> String {
        match self {
            Self::Zh => format!("{year}年"),
            Self::En => year.to_string(),
        }
    }

    /// "12 items planned, 9 held"
    pub fn plan_summary(self, planned: usize, held: usize) -> String {
        match self {
            Self::Zh => format!("计划 {planned} 项，已完成 {held} 项"),
            Self::En => format!("{planned} items planned, {held} held"),
        }
    }

    /// "王建国: 14 topics, 21 hours"
    pub fn learning_record_of(self, name: &str, topics: usize, hours: &str) -> String {
        match self {
            Self::Zh => format!("{name}：共学习 {topics} 项内容，{hours} 学时"),
            Self::En => format!("{name}: {topics} topics, {hours} hours"),
        }
    }
}

texts! {
    attendance_matrix: "出勤表", "Attendance";
    assessment_results: "考评结果", "Assessment";
    col_expected: "应到", "Expected";
    col_attended: "实到", "Present";
    col_days_open: "办理天数", "Days open";
    problem_history_sheet: "办理记录", "History";
}

impl Lang {
    /// "Exported 20 rows to FILE"
    pub fn exported(self, rows: usize, path: &std::path::Path) -> String {
        match self {
            Self::Zh => format!("已导出 {rows} 行到 {}", path.display()),
            Self::En => format!("Exported {rows} rows to {}", path.display()),
        }
    }

    /// Why a ledger could not be written to `path`.
    pub fn export_error(
        self,
        path: &std::path::Path,
        error: &crate::report::ExportError,
    ) -> String {
        use crate::report::ExportError as E;
        let why = match (self, error) {
            (Self::Zh, E::UnknownFormat) => "文件名须以 .xlsx 或 .csv 结尾".to_owned(),
            (Self::Zh, E::TooManyColumns { found, max }) => {
                format!("需要 {found} 列，一张表最多 {max} 列；请用较短的期间")
            }
            (Self::Zh, E::NoSuchFolder) => "文件夹不存在（U 盘是否已拔出？）".to_owned(),
            (_, E::File(error)) => self
                .write_error(error)
                .trim_end_matches(['。', '.'])
                .to_owned(),
            (Self::Zh, E::Write(reason)) => format!("写入表格失败：{reason}"),
            (Self::En, E::TooManyColumns { found, max }) => {
                format!(
                    "{found} columns needed, a sheet holds at most {max}; choose a shorter period"
                )
            }
            (Self::En, E::NoSuchFolder) => {
                "the folder does not exist (was the USB stick pulled out?)".to_owned()
            }
            (Self::En, E::Write(reason)) => format!("writing the sheet failed: {reason}"),
            (Self::En, other) => other.to_string(),
        };
        match self {
            Self::Zh => format!("无法导出到 {}：{why}。原有文件未被改动。", path.display()),
            Self::En => format!(
                "Could not export to {}: {why}. No file was changed.",
                path.display()
            ),
        }
    }
}

impl Lang {
    /// "There is no session 42"
    pub fn no_such_session_number(self, number: &str) -> String {
        match self {
            Self::Zh => format!("没有编号为 {number} 的活动"),
            Self::En => format!("There is no session {number}"),
        }
    }

    /// Says that session `id` is not in the file.
    pub fn no_such_session(self, id: i64) -> String {
        match self {
            Self::Zh => format!("没有编号为 {id} 的活动"),
            Self::En => format!("There is no session {id}"),
        }
    }

    /// "应到 20 人" under a sign-in sheet.
    pub fn pick_expected(self, expected: usize) -> String {
        match self {
            Self::Zh => format!("应到 {expected} 人，实到　　人。"),
            Self::En => format!("Expected {expected}; present ____."),
        }
    }

    /// Why a PDF could not be written.
    pub fn print_error(self, path: &std::path::Path, why: &str) -> String {
        match self {
            Self::Zh => format!(
                "无法写入 {}：{why}。没有写入或改动任何文件。",
                path.display()
            ),
            Self::En => format!(
                "Could not write {}: {why}. No file was written or changed.",
                path.display()
            ),
        }
    }

    /// The folder of a written file could not be shown.
    pub fn no_file_manager(self, folder: &std::path::Path) -> String {
        match self {
            Self::Zh => format!("没能打开文件夹。它在：{}", folder.display()),
            Self::En => format!(
                "The folder could not be opened. It is: {}",
                folder.display()
            ),
        }
    }

    /// "Wrote 2 pages to FILE"
    pub fn printed(self, pages: usize, path: &std::path::Path) -> String {
        match self {
            Self::Zh if pages == 0 => format!("已生成 Word 文件：{}", path.display()),
            Self::En if pages == 0 => format!("Wrote a Word file to {}", path.display()),
            Self::Zh => format!("已生成 {pages} 页：{}", path.display()),
            Self::En => format!("Wrote {pages} pages to {}", path.display()),
        }
    }
}

impl Lang {
    /// The PDF was written but no viewer opened: where it is.
    pub fn printed_no_viewer(self, path: &std::path::Path) -> String {
        match self {
            Self::Zh => format!("已生成 PDF，但没能打开查看器。文件在：{}", path.display()),
            Self::En => format!(
                "The PDF was written but no viewer opened. It is at: {}",
                path.display()
            ),
        }
    }
}

texts! {
    print_report: "打印工作报告", "Print period report";
    col_session_number: "活动编号", "Session no.";
}

impl Lang {
    /// The status line while long work runs.
    pub fn working(self, title: &str) -> String {
        match self {
            Self::Zh => format!("正在处理：{title}…"),
            Self::En => format!("Working on {title}…"),
        }
    }

    /// A PDF saved where the user chose.
    pub fn saved_pdf(self, pages: usize, path: &std::path::Path) -> String {
        match self {
            Self::Zh if pages == 0 => format!("已保存 Word 文件：{}", path.display()),
            Self::En if pages == 0 => format!("Saved the Word file to {}", path.display()),
            Self::Zh => format!("已保存 PDF（{pages} 页）：{}", path.display()),
            Self::En => format!("Saved the PDF ({pages} pages) to {}", path.display()),
        }
    }
}
