//! The words of the democratic appraisal's ballot count (民主测评票统计表).

use crate::domain::appraisal::GradeRule;
use crate::i18n::Lang;

texts! {
    appraisal_table_document: "民主测评票统计表", "democratic appraisal ballots";
    appraisal_table_no: "序号", "No.";
    appraisal_table_reported_on: "述职日期", "Reported on";
    appraisal_table_report: "述职报告", "Duty report";
    appraisal_table_voters: "参评人数", "Voters";
    appraisal_table_grade: "测评等次", "Grade";
    appraisal_table_first_half: "上半年", "first half";
    appraisal_table_second_half: "下半年", "second half";
    appraisal_table_counter: "计票人", "Counted by";
    appraisal_table_scrutineer: "监票人", "Scrutineer";
    appraisal_table_date: "日期", "Date";
}

impl Lang {
    /// 2026年度民主测评票统计表
    pub fn appraisal_table_title(self, year: i32) -> String {
        match self {
            Self::Zh => format!("{year}年度民主测评票统计表"),
            Self::En => format!("Democratic appraisal ballots {year}"),
        }
    }

    /// The studio's grading rule, in a sentence under the table.
    pub fn appraisal_rule(self, rule: GradeRule) -> String {
        let GradeRule {
            excellent_from,
            competent_from,
            incompetent_above,
        } = rule;
        match self {
            Self::Zh => format!(
                "注：测评等次按工作室规则确定：“不合格”票超过参评人数 {incompetent_above}% 的，为不合格；否则“优秀”票达到 {excellent_from}% 的，为优秀；“优秀”与“合格”票合计达到 {competent_from}% 的，为合格；其余为基本合格。"
            ),
            Self::En => format!(
                "Note: graded by the studio's rule: incompetent when more than {incompetent_above}% of the voters say so; otherwise excellent from {excellent_from}% excellent ballots; competent from {competent_from}% excellent and competent ballots together; otherwise basically competent."
            ),
        }
    }

    /// 共 12 人次述职评议，其中优秀 5 人次、合格 6 人次…
    pub fn appraisal_table_totals(self, people: usize, grades: [usize; 4]) -> String {
        let [excellent, competent, basic, incompetent] = grades;
        match self {
            Self::Zh => format!(
                "共 {people} 人次述职评议，其中优秀 {excellent} 人次、合格 {competent} 人次、基本合格 {basic} 人次、不合格 {incompetent} 人次。"
            ),
            Self::En => format!(
                "{people} appraisals: {excellent} excellent, {competent} competent, {basic} basically competent, {incompetent} incompetent."
            ),
        }
    }
}
