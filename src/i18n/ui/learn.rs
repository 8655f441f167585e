//! The labels of the learn screen (`ui/learn`).

use crate::i18n::Lang;

texts! {
    previous_year: "上一年", "Previous year";
    next_year: "下一年", "Next year";
    learning_plan: "年度学习计划", "Learning plan";
    learning_records: "个人学习档案", "Learning records";
    col_month: "月份", "Month";
    col_plan_status: "完成情况", "Status";
    add_plan_item: "加入计划", "Add to plan";
    month_invalid: "月份请填 1–12", "Month must be 1–12";
    plan_held: "已学习", "held";
    plan_pending: "待开展", "pending";
    plan_overdue: "逾期未学", "overdue";
    plan_explained: "在活动表单的“学习内容”里选择对应计划项，计划即记为已完成。", "Pick the plan item in a session's study topics and it counts as held.";
    hours_this_year: "本年度学时", "Hours this year";
}
