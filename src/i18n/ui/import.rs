//! The labels of the roster import dialog (`ui/import.rs`).

use crate::i18n::Lang;

texts! {
    import_title: "导入花名册", "Import roster";
    import_choose: "选择 Excel（.xlsx）或 CSV 文件，第一行可以是标题。", "Choose an Excel (.xlsx) or CSV file; a title line above the header is fine.";
    import_preview: "预览", "Preview";
    import_confirm: "确认导入", "Import";
    import_skipped: "已跳过的行", "Lines passed over";
    import_nothing: "没有需要导入的内容。", "Nothing to import.";
}
