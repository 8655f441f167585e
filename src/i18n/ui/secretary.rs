//! The labels of the secretary screen (`ui/secretary`).

use crate::i18n::Lang;

texts! {
    edit_secretary: "编辑书记信息", "Edit secretary";
    new_secretary: "新增书记", "New secretary";
    date_hint: "如 1978.03 或 2018-11-01", "e.g. 1978.03 or 2018-11-01";
    secretary_page: "书记档案", "Secretary";
    details: "基本信息", "Details";
    confirm_archive: "归档后不再出现在在任名单中，历史记录保留。", "Archived secretaries leave the active roster; their history is kept.";
    raised_role: "提出", "raised";
    helper_role: "帮扶", "helping";
}
