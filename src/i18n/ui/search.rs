//! The labels of the search over everything (`ui/search.rs`).

use crate::i18n::Lang;

texts! {
    search_everything: "查找", "Find";
    search_everything_hint: "书记、活动、难题、经验材料：文字或拼音首字母", "Secretaries, sessions, problems, notes: text or pinyin initials";
    search_nothing: "没有找到", "Nothing found";
    search_kind_secretary: "书记", "Secretary";
    search_kind_session: "活动", "Session";
    search_kind_problem: "难题", "Problem";
    search_kind_note: "交流", "Note";
    menu_find: "查找…（Ctrl+K）", "Find… (Ctrl+K)";
}

impl Lang {
    /// Says how many more matches there are than are listed.
    pub fn search_more(self, more: usize) -> String {
        match self {
            Self::Zh => format!("还有 {more} 条，请多输入几个字"),
            Self::En => format!("{more} more: type a little more"),
        }
    }
}
