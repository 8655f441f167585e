//! Labels of the 主题党日 screen.

use crate::domain::theme_day::ThemeDayFigures;
use crate::i18n::Lang;

texts! {
    nav_theme_days: "主题党日", "Theme days";
    theme_year_grid: "全年一览", "The year";
    theme_month_sheet: "按月录入", "A month";
    attendance_floor: "党员到会率底线", "Attendance floor";
    below_floor_legend: "↓ 到会率低于底线", "↓ below the floor";
    open_month_sheet: "打开这个月的录入表", "Open this month's sheet";
    members_present_short: "实到", "Here";
    members_total_short: "应到", "Of";
    month_suffix: "月", "";
    previous_month: "上个月", "Previous month";
    next_month: "下个月", "Next month";
    fixed_day: "固定日", "Fixed day";
    day_suffix: "日", "";
    plan_unplanned: "为未安排的支部生成计划", "Plan the unplanned branches";
    plan_unplanned_explained: "把固定日和主题填入还没有计划的支部（保存后生效）", "Fills the fixed day and topic into branches without a plan (saved with 保存本月)";
    month_sheet_explained: "每个支部一行：点「已开」后填实到、应到党员（召开日期默认为计划日期）；点「未开」须写原因。改完点上面的「保存本月」，一次保存。", "One line per branch: click Held and give the members present (the day defaults to the planned one), or Missed with a reason. Then Save the month above saves all at once.";
    col_planned_on: "计划日期", "Planned";
    col_held_on: "召开日期", "Held on";
    col_missed_reason: "未开原因", "Why not held";
    save_month: "保存本月", "Save the month";
    error_not_a_count: "请填写人数", "Enter a number";
    reminders: "提醒", "Due";
    fixed_day_invalid: "固定日须是 1–31 的日子", "The fixed day must be 1–31";
    no_people_yet: "人员库里还没有人：请先在「人员库」新增或导入人员，再添加成员。", "People is empty: add or import people there first, then add members.";
    town_total: "全镇", "The town";
    mark_planned_held: "其余计划的都标为已开", "Mark the other planned ones held";
    mark_planned_held_explained: "把还是「计划」的支部标为按计划日期已开，应到填上次的人数；再逐个填实到人数即可。", "Marks each branch still 计划 as held on its planned day, with last time's members; then type the members present.";
}

impl Lang {
    /// "Q1 执行率"
    pub fn quarter_rate(self, quarter: u32) -> String {
        match self {
            Self::Zh => format!("{quarter}季度"),
            Self::En => format!("Q{quarter}"),
        }
    }

    /// "2026年3月"
    pub fn month_of_year(self, year: i32, month: u32) -> String {
        match self {
            Self::Zh => format!("{year}年{month}月"),
            Self::En => format!("{year}-{month:02}"),
        }
    }

    /// A quarter's figures, on hover.
    pub fn quarter_figures(self, figures: &ThemeDayFigures) -> String {
        let f = figures;
        match self {
            Self::Zh => format!(
                "应开 {} 次：按时 {}，补开 {}，未开 {}，逾期未报 {}；到会率低于底线 {} 次",
                f.planned, f.on_time, f.late, f.missed, f.overdue, f.below_floor
            ),
            Self::En => format!(
                "{} due: {} on time, {} late, {} missed, {} overdue; {} below the floor",
                f.planned, f.on_time, f.late, f.missed, f.overdue, f.below_floor
            ),
        }
    }

    /// This month's theme party days on the dashboard.
    pub fn theme_days_this_month(
        self,
        month: u32,
        held: usize,
        upcoming: usize,
        branches: usize,
    ) -> String {
        match self {
            Self::Zh => {
                format!("{month}月主题党日：已开 {held}，待开 {upcoming}（共 {branches} 个支部）")
            }
            Self::En => format!(
                "Theme days in month {month}: {held} held, {upcoming} to come ({branches} branches)"
            ),
        }
    }

    /// Terms ending within 30 days, on the dashboard.
    pub fn terms_ending_list(self, names: &str) -> String {
        match self {
            Self::Zh => format!("聘期 30 天内到期：{names}"),
            Self::En => format!("Terms ending within 30 days: {names}"),
        }
    }

    /// No theme party day planned this month, on the dashboard.
    pub fn theme_days_unplanned(self, month: u32) -> String {
        match self {
            Self::Zh => format!("{month}月的主题党日还没有安排"),
            Self::En => format!("No theme days planned for this month ({month}) yet"),
        }
    }

    /// Theme party days past their day with nothing recorded, on the dashboard.
    pub fn theme_days_overdue(self, count: usize) -> String {
        match self {
            Self::Zh => format!("今年有 {count} 次主题党日逾期未报"),
            Self::En => format!("{count} theme days this year are overdue"),
        }
    }

    /// "照片 3"
    pub fn photos_button(self, count: usize) -> String {
        match (self, count) {
            (Self::Zh, 0) => "照片…".to_owned(),
            (Self::Zh, n) => format!("照片 {n}…"),
            (Self::En, 0) => "Photos…".to_owned(),
            (Self::En, n) => format!("Photos {n}…"),
        }
    }

    /// "2 lines in error: not saved"
    pub fn lines_in_error(self, count: usize) -> String {
        match self {
            Self::Zh => format!("有 {count} 行填写有误，未保存（见各行右侧红字）"),
            Self::En => format!("{count} lines in error, nothing saved (see the red text on each)"),
        }
    }

    /// Planned days still ahead, left as planned by 其余计划的都标为已开.
    pub fn left_planned(self, count: usize) -> String {
        match self {
            Self::Zh => format!("{count} 个支部的计划日期还没到，仍为「计划」"),
            Self::En => format!("{count} branches' planned day is still ahead: left planned"),
        }
    }

    /// "3 lines changed"
    pub fn rows_changed(self, count: usize) -> String {
        match self {
            Self::Zh => format!("已改 {count} 行"),
            Self::En => format!("{count} lines changed"),
        }
    }
}
