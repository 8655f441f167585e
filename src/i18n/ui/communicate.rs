//! The labels of the communicate screen (`ui/communicate`).

use crate::i18n::Lang;

texts! {
    new_notice: "发布通知", "Post a notice";
    edit_notice: "编辑通知", "Edit notice";
    new_note: "新建经验材料", "New experience note";
    edit_note: "编辑经验材料", "Edit experience note";
    notice_board: "通知公告", "Notice board";
    experience_notes: "经验材料", "Experience notes";
    exchange_visits: "观摩交流", "Exchange visits";
    pinned_mark: "【置顶】", "[Pinned]";
    pin: "置顶", "Pin";
    unpin: "取消置顶", "Unpin";
    linked_session: "关联活动", "Linked session";
    linked_problem: "关联难题", "Linked problem";
    col_heading: "标题", "Title";
    col_author: "作者", "Author";
    col_text: "正文", "Text";
}
