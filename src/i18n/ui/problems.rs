//! The labels of the problems screen (`ui/problems/`).

use crate::i18n::Lang;

texts! {
    problems_title: "发展难题台账", "Development problems";
    edit_problem: "编辑难题", "Edit problem";
    problem_page: "难题", "Problem";
    delete_problem: "删除难题", "Delete problem";
    col_description: "具体情况", "Description";
    history: "办理过程", "History";
    change_state: "更新进展", "Update progress";
    new_state: "新状态", "New state";
    record_change: "记录", "Record";
    followed_at: "跟进活动", "Followed up at";
    no_session: "（不在活动中）", "(not at a session)";
    edited: "修改了", "Edited";
    print_problem_ledger: "打印台账", "Print ledger";
}

impl Lang {
    /// Says what raising a problem on a day still ahead means (a session planned ahead).
    pub fn raised_ahead(self, day: &str) -> String {
        match self {
            Self::Zh => format!("记为 {day} 提出（活动当天）；在那之前不能记录进展"),
            Self::En => format!("Raised on {day} (the session's day); no progress before then"),
        }
    }
}
