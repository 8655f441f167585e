//! The labels of the merge preview (`ui/merge.rs`).

use crate::i18n::Lang;

texts! {
    merge_preview_title: "合并预览", "Merge preview";
    merge_confirm: "确认合并", "Merge";
    merge_other_studio_anyway: "我明白，仍要合并这两个工作室", "I understand; merge the two studios anyway";
    merge_note: "确认之前不会改动任何记录；合并前会自动备份本文件，可随时撤销合并。", "Nothing changes until you confirm; your file is backed up first and the merge can be undone.";
    merge_clock_ahead: "注意：对方文件的时间比本机晚一天以上，对方电脑的日期可能不对。", "Note: the other file's clock is more than a day ahead of this laptop's; its date may be wrong.";
    merge_conflicts_title: "冲突（双方都改过同一条记录；较晚的修改生效，另一版本列在这里）", "Conflicts (both sides changed the same record; the later change wins, the other is listed here)";
    col_record_kind: "记录", "Records";
    col_new: "新增", "New";
    col_updated: "更新", "Updated";
    col_conflicts: "冲突", "Conflicts";
    col_examples: "例如", "For example";
}

impl Lang {
    /// Who wrote a share file (the studio, and the computer where it is known) and when.
    pub fn merge_sender(self, studio: &str, computer: &str, when: &str) -> String {
        match (self, computer.is_empty()) {
            (Self::Zh, true) => format!("分享方：{studio}，写出于 {when}"),
            (Self::Zh, false) => format!("分享方：{studio}（电脑 {computer}），写出于 {when}"),
            (Self::En, true) => format!("Shared by {studio}, written {when}"),
            (Self::En, false) => {
                format!("Shared by {studio} (computer {computer}), written {when}")
            }
        }
    }
}
