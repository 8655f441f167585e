//! The names of the printed documents.

use crate::i18n::Lang;

texts! {
    document_summary: "活动纪要", "summary";
    document_sign: "签到表", "sign-in";
    document_problem_ledger: "发展难题台账", "problem-ledger";
    document_ranking: "比拼排名及表彰名单", " ranking";
    document_report: "工作情况报告", " report";
}
