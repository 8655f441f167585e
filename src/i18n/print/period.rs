//! The words of the period report (工作情况报告).

use crate::i18n::Lang;

texts! {
    report_no_area: "（未分片区）", "(no area)";
    report_report: "工作情况报告", " report";
    report_period: "统计期间：", "Period: ";
    report_to: "至", " to ";
    report_made: "制表日期：", "Made on ";
    report_prepared: "报告人", "Prepared by";
    report_approved: "审核人", "Approved by";
    report_date: "日期", "Date";
    report_figure: "图", "Figure ";
    report_list_separator: "、", ", ";
    report_overview: "总体情况", "Overview";
    report_sessions_held: "活动开展情况", "Sessions held";
    report_sessions: "场次", "Sessions";
    report_rate: "出勤率", "Rate";
    report_sessions_per_month: "各月活动场次", "Sessions per month";
    report_studio_s_sessions_help: "集中活动明细（结对帮扶走访见“五、结对帮扶”）：", "The studio's sessions (help visits are under 5. Pairings):";
    report_no: "序号", "No.";
    report_came: "实到/应到", "Came";
    report_attendance: "出勤情况", "Attendance";
    report_people: "人数", "People";
    report_leave: "请假", "Leave";
    report_absent: "缺席", "Absent";
    report_attendance_rate_area: "各片区出勤率", "Attendance rate by area";
    report_exp: "应到", "Exp.";
    report_pres: "出席", "Pres.";
    report_late: "迟到", "Late";
    report_lv: "请假", "Lv.";
    report_abs: "缺席", "Abs.";
    report_problems: "发展难题", "Problems";
    report_total: "合计", "Total";
    report_raised: "本期提出", "Raised";
    report_resolved: "本期解决", "Resolved";
    report_still_open: "尚未解决", "Still open";
    report_overdue: "其中逾期", "Overdue";
    report_note_resolved_counts_problems: "注：“本期解决”含此前提出、在本期解决的难题；“尚未解决”“其中逾期”指本期提出、至今未解决的难题。", "Note: resolved counts problems resolved in the period, whenever raised; still open and overdue count those raised in the period and open today.";
    report_pairings: "结对帮扶", "Pairings";
    report_ended: "已结束", "Ended";
    report_track: "正常", "On track";
    report_visits: "本期走访", "Visits";
    report_problems_solved_all_time: "累计难题解决/提出", "Problems solved (all time)";
    report_state: "状况", "State";
    report_points_leaderboard: "积分排行", "Points leaderboard";
    report_ten_most_points: "积分前十名", "The ten with most points";
    report_ranking_stars: "比拼排名与星级", "Ranking and stars";
    report_comma: "，", ", ";
    report_stars: "星级评定：", "Stars: ";
    report_full_stop: "。", ".";
    report_minus: "扣分", "Minus";
    report_theme_days: "主题党日", "Theme party days";
    report_theme_quarter: "季度", "Quarter";
    report_theme_planned: "应开", "Due";
    report_theme_on_time: "按时召开", "On time";
    report_theme_late: "补开", "Late";
    report_theme_missed: "未开", "Not held";
    report_theme_below_floor: "到会率不足", "Below floor";
    report_theme_rate: "规范执行率", "Held as planned";
    report_theme_none: "本期没有到期的主题党日。", "No theme party day fell due in the period.";
    report_theme_note: "注：“应开”为计划日期已到的主题党日；“未开”含未召开和逾期未报的；“规范执行率”为按时召开数占应开数的比例。", "Note: due counts the party days whose planned day has come; not held includes those past their day with nothing recorded; held as planned is the share held on time.";
    report_town: "产业基地和任务落实", "Bases and tasks";
}

impl Lang {
    /// The theme party days of the period in a sentence.
    pub fn report_theme_summary(
        self,
        figures: crate::domain::theme_day::ThemeDayFigures,
        floor: i64,
        rate: &str,
    ) -> String {
        let crate::domain::theme_day::ThemeDayFigures {
            planned,
            on_time,
            late,
            missed,
            overdue,
            below_floor,
        } = figures;
        let not_held = missed + overdue;
        match self {
            Self::Zh => format!(
                "本期各支部应开主题党日 {planned} 次，按时召开 {on_time} 次，补开 {late} 次，未开 {not_held} 次；到会率低于 {floor}% 的 {below_floor} 次；规范执行率 {rate}。"
            ),
            Self::En => format!(
                "{planned} theme party days fell due: {on_time} held on time, {late} late, {not_held} not held; {below_floor} below the {floor}% attendance floor; {rate} held as planned."
            ),
        }
    }

    /// The bases and the tasks due in the period in a sentence.
    pub fn report_town_summary(self, bases: usize, industries: &str, tasks: [usize; 4]) -> String {
        let [due, on_time, late, overdue] = tasks;
        match self {
            Self::Zh => {
                let industries = if industries.is_empty() {
                    String::new()
                } else {
                    format!("（{industries}）")
                };
                format!(
                    "全镇在建产业示范基地 {bases} 个{industries}。本期到期任务 {due} 项，按时完成 {on_time} 项，逾期完成 {late} 项，逾期未完成 {overdue} 项。"
                )
            }
            Self::En => {
                let industries = if industries.is_empty() {
                    String::new()
                } else {
                    format!(" ({industries})")
                };
                format!(
                    "{bases} industry demonstration bases are followed{industries}. {due} tasks fell due in the period: {on_time} done on time, {late} done late, {overdue} overdue and still open."
                )
            }
        }
    }
}
