//! The labels of the dashboard screen (`ui/dashboard`).

use crate::i18n::Lang;

texts! {
    dashboard_title: "工作室概览", "Studio at a glance";
    this_year: "本年度", "This year";
    sessions_held: "开展活动", "Sessions held";
    problems_raised: "提出难题", "Problems raised";
    problems_resolved: "解决难题", "Problems resolved";
    problems_open: "当前未解决（各年）", "Open now (all years)";
    problems_overdue: "当前逾期（各年）", "Overdue now (all years)";
    resolution_rate: "解决率", "Resolution rate";
    median_days: "解决用时中位数（天）", "Median days to resolve";
    chart_sessions: "每月活动次数", "Sessions per month";
    chart_problems: "每月提出与解决的难题", "Problems raised and resolved per month";
    chart_attendance: "各片区出勤率（%）", "Attendance by area (%)";
    raised: "提出", "Raised";
    resolved: "解决", "Resolved";
    active_secretaries: "在任书记", "Active secretaries";
    archived_secretaries: "已归档书记", "Archived secretaries";
    areas_count: "片区", "Areas";
    branches_count: "党支部", "Branches";
    secretaries_by_area_level: "各片区书记（按层级）", "Secretaries by area and level";
    branches_by_kind: "党支部类型", "Branches by kind";
    total: "合计", "Total";
    six_responsibilities: "六项职责", "Six responsibilities";
    edit_responsibilities: "编辑职责…", "Edit responsibilities…";
    unassigned: "（未分工）", "(unassigned)";
    col_responsibility: "职责", "Responsibility";
    col_holder: "负责人", "Held by";
    col_term_start: "任期开始", "Term from";
    col_term_end: "任期结束", "Term until";
    responsibilities_invalid: "职责名称不能为空，日期须有效且结束不早于开始", "Names must be filled; dates must be real and the term must not end before it starts";
    responsibilities_title: "编辑六项职责", "Edit the six responsibilities";
    term_over: "（任期已满）", " (term over)";
}
