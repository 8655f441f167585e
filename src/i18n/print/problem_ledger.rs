//! The words of the problem ledger (发展难题台账).

use crate::i18n::Lang;

texts! {
    ledger_problem_ledger: "发展难题台账", "Problem ledger";
    ledger_as: "　　截至", "    as of ";
    ledger_all_problems: "全部难题", "All problems";
    ledger_filtered: "筛选：", "Filtered: ";
    ledger_list_separator: "、", ", ";
    ledger_no: "序号", "No.";
    ledger_days: "天数", "Days";
}
