//! The labels of the sessions screen (`ui/sessions/`).

use crate::i18n::Lang;

texts! {
    problems_here: "本次活动提出的难题", "Problems raised at this session";
    problems_followed: "本次活动跟进的难题", "Problems followed up at this session";
    sessions_title: "活动台账", "Sessions";
    new_session: "新建活动", "New session";
    edit_session: "编辑活动", "Edit session";
    session_page: "活动", "Session";
    duplicate_session: "以此为模板新建", "Duplicate as template";
    delete_session: "删除活动", "Delete session";
    col_agenda: "议程（每行一项）", "Agenda (one item per line)";
    col_decisions: "议定事项（每行一项）", "Decisions (one per line)";
    col_attendance: "出勤", "Attendance";
    time_hint: "如 09:00", "e.g. 09:00";
    from_date: "从", "From";
    to_date: "到", "To";
    search_sessions: "主题或记录中的文字", "Text in topic or notes";
    attendance_title: "出勤登记", "Attendance";
    all_present: "全部出席", "All present";
    not_marked: "未登记", "Not marked";
    attendance_keys: "键盘：↑↓ 选人，1 出席 · 2 迟到 · 3 请假 · 4 缺席", "Keys: ↑↓ choose, 1 present · 2 late · 3 on leave · 4 absent";
    leave_reason: "请假事由", "Reason for leave";
    add_study_topic: "添加学习内容", "Add a topic";
    study_title_hint: "如《乡村振兴促进法》", "e.g. Rural Revitalisation Law";
    col_plan_item: "学习计划", "Plan item";
    not_in_plan: "（计划外）", "(not in the plan)";
    remove: "删除", "Remove";
    print_summary: "打印纪要", "Print summary";
    print_sign_in: "打印签到表", "Print sign-in sheet";
}
