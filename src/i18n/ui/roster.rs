//! The labels of the roster screen (`ui/roster`).

use crate::i18n::Lang;

texts! {
    roster_title: "支部书记花名册", "Branch secretary roster";
    search_name: "按姓名或拼音首字母搜索", "Search by name or pinyin initials";
    filter_area: "片区", "Area";
    filter_level: "层级", "Level";
    filter_status: "状态", "Status";
    add_secretary: "添加书记", "Add secretary";
}
