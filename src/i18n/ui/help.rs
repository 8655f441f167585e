//! The labels of the help screen (`ui/help`).

use crate::i18n::Lang;

texts! {
    error_end_before_start: "结束时间应晚于开始时间", "Must be after the start";
    new_pairing: "新建结对", "New pairing";
    edit_pairing: "编辑结对", "Edit pairing";
    stale_after_days: "超过多少天未走访提醒", "Warn after days without a visit";
    col_pair: "帮扶人 → 被帮扶人", "Helper → helped";
    col_since: "开始日期", "Since";
    col_until: "结束日期", "Until";
    col_visits: "走访", "Visits";
    col_days_since_visit: "距今天数", "Days since";
    col_pair_problems: "难题", "Problems";
    col_outcome: "帮扶成效", "Outcome";
    col_goals: "帮扶目标", "Goals";
    pairing_ended: "已结束", "ended";
    resolved_of_raised: "已解决 / 提出", "resolved / raised";
    record_visit: "记录走访", "Record visit";
    raise_problem_short: "提出难题", "Raise problem";
    choose_both_secretaries: "请选择帮扶人和被帮扶人", "Choose both secretaries";
    pairing_same_person: "帮扶人和被帮扶人不能是同一人", "A secretary cannot be paired with themself";
    commend_pair: "表彰", "Commend";
    commend_pair_title: "表彰结对", "Commend the pair";
    commend_pair_explained: "帮扶人和被帮扶人都记入红榜，各按“受到表彰”规则加分。", "Both secretaries go on the red list and earn the commendation points.";
}
