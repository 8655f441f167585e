//! Labels of the 四议两公开 screen.

use crate::i18n::Lang;

texts! {
    print_decision_register: "打印四议两公开台账", "Print the register";
    print_decision_record: "打印这项决策的记录", "Print this decision's record";
    nav_decisions: "四议两公开", "Village decisions";
    new_decision: "新建决策…", "New decision…";
    new_decision_title: "新建决策", "New decision";
    edit_decision: "编辑决策", "Edit decision";
    decision_village: "村（支部）", "Village";
    col_decision_title: "决策事项", "Decision";
    col_decision_content: "主要内容", "What is decided";
    col_standing: "进展", "Progress";
    col_first_step: "启动日期", "Started";
    col_last_step: "最近一步日期", "Latest step";
    decision_year: "年份", "Year";
    decision_in_progress: "进行中", "In progress";
    decision_search_hint: "事项名称或拼音首字母", "Title, or pinyin initials";
    choose_decision: "点上面一项决策，查看并逐步记录它的六个步骤。", "Click a decision above to see and record its six steps.";
    col_step: "步骤", "Step";
    step_expected: "应到", "Expected";
    step_present: "实到", "Present";
    col_quorum: "到会要求", "Quorum";
    col_step_note: "说明（表决结果、公开方式等）", "Note (the vote, where it was posted…)";
    quorum_half: "过半数", "More than half";
    quorum_two_thirds: "三分之二", "Two thirds";
    quorum_explained: "两委会商议、党员大会审议须过半数到会；村民（代表）会议须三分之二以上到会。党支部提议可不填人数，两个公开不记到会人数。", "The committees' and members' meetings need more than half present; the villagers' (representatives') meeting two thirds. The proposal may go without counts; the two publicities have none.";
    no_attendance: "（不记人数）", "(no counts)";
    save_step: "保存这一步", "Save this step";
    clear_step: "清除", "Clear";
    next_step_marker: "下一步", "Next";
    step_not_saved: "未保存：见弹出的提示", "Not saved: see the message";
    error_village_required: "请选择村（支部）", "Choose the village";
    next_step_is: "下一步：", "Next: ";
}

impl Lang {
    /// "共 2000 项决策，列出 35 项；进行中 120 项"
    pub fn decision_counts(self, shown: usize, total: usize, in_progress: usize) -> String {
        match self {
            Self::Zh => {
                format!("共 {total} 项决策，列出 {shown} 项；其中进行中 {in_progress} 项")
            }
            Self::En => format!("{shown} of {total} decisions listed; {in_progress} in progress"),
        }
    }

    /// "至少 6 人"
    pub fn quorum_needed(self, needed: i64) -> String {
        match self {
            Self::Zh => format!("至少 {needed} 人"),
            Self::En => format!("at least {needed}"),
        }
    }
}
