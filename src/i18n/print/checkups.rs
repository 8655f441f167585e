//! The words of the party-spirit check-up form (党性体检表) and the year's summary of
//! check-ups (党性体检情况汇总表).

use crate::domain::checkup::HealthThresholds;
use crate::i18n::Lang;

texts! {
    checkup_sheet_document: "党性体检表", "party-spirit check-up";
    checkup_sheet_held_on: "体检日期", "Held on";
    checkup_sheet_residents: "群众评检人数", "Residents heard";
    checkup_sheet_indicator: "体检指标", "Indicator";
    checkup_sheet_full_marks: "满分", "Full marks";
    checkup_sheet_rate: "得分率", "Score";
    checkup_sheet_weight: "权重", "Weight";
    checkup_sheet_result: "综合得分率", "Result";
    checkup_sheet_health: "体检结论", "Grade";
    checkup_sheet_incomplete: "评分未完成", "not fully scored";
    checkup_sheet_findings: "问题清单及整改情况", "Findings and their rectification";
    checkup_sheet_no: "序号", "No.";
    checkup_sheet_finding: "查摆出的问题", "Finding";
    checkup_sheet_problem: "转入难题台账", "Problem in the ledger";
    checkup_sheet_rectification: "整改情况", "Rectification";
    checkup_sheet_not_followed: "未转入", "not followed";
    checkup_sheet_followed: "已转入", "followed";
    checkup_sheet_none: "无。", "None.";
    checkup_sheet_notes: "备注", "Notes";
    checkup_sheet_signed_self: "本人签字", "Signed (self)";
    checkup_sheet_signed_leader: "党组织审核意见及签字", "Branch's opinion and signature";
    checkup_sheet_date: "日期", "Date";
    checkup_table_document: "党性体检情况汇总表", "party-spirit check-ups";
    checkup_table_made: "制表日期：", "Made on ";
    checkup_table_result: "综合得分率", "Result";
    checkup_table_findings: "问题数", "Findings";
    checkup_table_rectified: "已整改", "Rectified";
    checkup_table_prepared: "制表人", "Prepared by";
    checkup_table_approved: "审核人", "Approved by";
    checkup_need_who: "请用 --who 指明体检对象的姓名", "--who NAME is required";
}

impl Lang {
    /// 2026年度党性体检表
    pub fn checkup_sheet_title(self, year: i32) -> String {
        match self {
            Self::Zh => format!("{year}年度党性体检表"),
            Self::En => format!("Party-spirit check-up {year}"),
        }
    }

    /// 2026年度党性体检情况汇总表
    pub fn checkup_table_title(self, year: i32) -> String {
        match self {
            Self::Zh => format!("{year}年度党性体检情况汇总表"),
            Self::En => format!("Party-spirit check-ups {year}"),
        }
    }

    /// How results become 健康 / 亚健康 / 不健康.
    pub fn checkup_rule(self, thresholds: HealthThresholds) -> String {
        let HealthThresholds {
            healthy,
            sub_healthy,
        } = thresholds;
        match self {
            Self::Zh => format!(
                "评定标准：综合得分率 {healthy}% 及以上为健康，{sub_healthy}%（含）至 {healthy}% 为亚健康，{sub_healthy}% 以下为不健康。"
            ),
            Self::En => format!(
                "Grades: {healthy}% and above healthy, {sub_healthy}% to {healthy}% sub-healthy, below {sub_healthy}% unhealthy."
            ),
        }
    }

    /// The same, short enough for one line of the form in Word's 3号.
    pub fn checkup_rule_short(self, thresholds: HealthThresholds) -> String {
        let HealthThresholds {
            healthy,
            sub_healthy,
        } = thresholds;
        match self {
            Self::Zh => format!(
                "注：{healthy}%及以上健康，{sub_healthy}%至{healthy}%亚健康，{sub_healthy}%以下不健康。"
            ),
            Self::En => format!(
                "Healthy from {healthy}%, sub-healthy from {sub_healthy}%, unhealthy below."
            ),
        }
    }

    /// 共体检 12 人，其中健康 9 人、亚健康 2 人、不健康 1 人；查摆问题 8 个，已整改 5 个。
    pub fn checkup_table_totals(
        self,
        people: usize,
        [healthy, sub_healthy, unhealthy, incomplete]: [usize; 4],
        findings: usize,
        rectified: usize,
    ) -> String {
        match self {
            Self::Zh => {
                let pending = if incomplete > 0 {
                    format!("、评分未完成 {incomplete} 人")
                } else {
                    String::new()
                };
                format!(
                    "共体检 {people} 人，其中健康 {healthy} 人、亚健康 {sub_healthy} 人、不健康 {unhealthy} 人{pending}；查摆问题 {findings} 个，已整改 {rectified} 个。"
                )
            }
            Self::En => {
                let pending = if incomplete > 0 {
                    format!(", {incomplete} not fully scored")
                } else {
                    String::new()
                };
                format!(
                    "{people} checked: {healthy} healthy, {sub_healthy} sub-healthy, {unhealthy} unhealthy{pending}; {findings} findings, {rectified} rectified."
                )
            }
        }
    }

    /// `--who` names nobody checked that year: who was.
    pub fn checkup_no_such(self, who: &str, year: i32, names: &[String]) -> String {
        match (self, names.is_empty()) {
            (Self::Zh, true) => format!("{year}年没有党性体检记录（找的是「{who}」）。"),
            (Self::Zh, false) => format!(
                "{year}年没有「{who}」的党性体检记录。有记录的：{}",
                names.join("、")
            ),
            (Self::En, true) => format!("No check-ups in {year} (looked for “{who}”)."),
            (Self::En, false) => format!(
                "No check-up of “{who}” in {year}. Checked that year: {}",
                names.join(", ")
            ),
        }
    }
}
