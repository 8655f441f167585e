//! The labels of the export dialog (`ui/export.rs`).

use crate::i18n::Lang;

texts! {
    export_title: "导出台账", "Export a ledger";
    export_ledger: "台账", "Ledger";
    export_format: "格式", "Format";
    export_action: "导出", "Export";
    all_periods_hint: "空白为全部", "empty for all";
}
