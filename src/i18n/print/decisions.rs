//! The words of a village decision's record through the six steps (“四议两公开”记录表) and of
//! a period's register of decisions.

use crate::i18n::Lang;

texts! {
    decision_sheet_document: "“四议两公开”记录表", "Village decision record";
    decision_sheet_suffix: "“四议两公开”记录表", " — village decision record";
    decision_sheet_village: "村（社区）", "Village";
    decision_sheet_standing: "当前进度", "Standing";
    decision_sheet_title: "决策事项", "Decision";
    decision_sheet_started: "启动日期", "Started";
    decision_sheet_content: "事项内容", "Content";
    decision_sheet_step: "步骤", "Step";
    decision_sheet_date: "日期", "Date";
    decision_sheet_expected: "应到", "Exp.";
    decision_sheet_present: "实到", "Pres.";
    decision_sheet_note: "情况记录", "Record";
    decision_sheet_quorum: "注：两委会商议、党员大会审议须过半数到会；村民（代表）会议须三分之二以上到会。决议公开、实施结果公开在村务公开栏等处张贴。", "Note: the two committees' and the party members' meetings need more than half present; the villagers' (representatives') meeting two thirds. The resolution and the result are posted on the village's notice board.";
    decision_sheet_recorder: "记录人", "Recorded by";
    decision_sheet_secretary: "村党组织书记", "Branch secretary";
    decision_sheet_signed_on: "日期", "Date";
    decision_register_document: "“四议两公开”台账", "Village decisions register";
    decision_register_village: "村（社区）", "Village";
    decision_register_title: "决策事项", "Decision";
    decision_register_standing: "进度", "Standing";
    decision_register_proposal: "提议", "Proposed";
    decision_register_consultation: "商议", "Consulted";
    decision_register_review: "审议", "Reviewed";
    decision_register_resolution: "决议", "Resolved";
    decision_register_resolution_public: "决议\n公开", "Resol.\npublic";
    decision_register_result_public: "结果\n公开", "Result\npublic";
}

impl Lang {
    /// The record's standing in a sentence, with the next step.
    pub fn decision_sheet_next(self, next: crate::domain::decision::Step) -> String {
        match self {
            Self::Zh => format!("下一步：{}。", self.decision_step(next)),
            Self::En => format!("Next: {}.", self.decision_step(next)),
        }
    }

    /// The register's decisions counted.
    pub fn decision_register_summary(
        self,
        all: usize,
        complete: usize,
        under_way: usize,
        not_started: usize,
    ) -> String {
        match self {
            Self::Zh => format!(
                "共 {all} 项：六步完成 {complete} 项，正在推进 {under_way} 项，未启动 {not_started} 项。"
            ),
            Self::En => format!(
                "{all} decisions: {complete} through all six steps, {under_way} under way, {not_started} not started."
            ),
        }
    }

    /// 2026年“四议两公开”台账
    pub fn decision_register_title_of(self, period: crate::domain::period::Period) -> String {
        match self {
            Self::Zh => format!(
                "{}{}",
                self.period_name(period),
                self.decision_register_document()
            ),
            Self::En => format!(
                "{} {}",
                self.decision_register_document(),
                self.period_name(period)
            ),
        }
    }
}
