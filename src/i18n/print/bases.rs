//! The words of the industry demonstration bases on paper: one base's sheet (基地情况表) and
//! the year's list of all bases (产业示范基地一览表).

use crate::i18n::Lang;

texts! {
    base_sheet_document: "基地情况表", "Base sheet";
    base_sheet_suffix: "情况表", " — base sheet";
    base_sheet_made: "填报日期：", "Made on ";
    base_sheet_name: "基地名称", "Base";
    base_sheet_industry: "产业类别", "Industry";
    base_sheet_lead: "牵头支部", "Lead branch";
    base_sheet_secretary: "负责书记", "Secretary";
    base_sheet_branches: "参与支部", "Branches taking part";
    base_sheet_started: "启动时间", "Started";
    base_sheet_archived: "已归档（不再跟踪）", "Archived (no longer followed)";
    base_sheet_figures: "历年发展情况", "Figures by year";
    base_sheet_year: "年度", "Year";
    base_sheet_area: "面积（亩）", "Area (mu)";
    base_sheet_households: "带动户数", "Households";
    base_sheet_jobs: "带动就业（人）", "Jobs";
    base_sheet_output: "产值（万元）", "Output (10k yuan)";
    base_sheet_income: "群众增收（万元）", "Income (10k yuan)";
    base_sheet_per_household: "户均增收（元）", "Per household (yuan)";
    base_sheet_milestones: "建设节点", "Milestones";
    base_sheet_milestone: "节点", "Milestone";
    base_sheet_planned: "计划完成", "Planned";
    base_sheet_done: "实际完成", "Done";
    base_sheet_milestone_done: "已完成", "Done";
    base_sheet_milestone_late: "逾期完成", "Done late";
    base_sheet_milestone_overdue: "逾期未完成", "Overdue";
    base_sheet_milestone_open: "未完成", "Open";
    base_sheet_problems: "发展难题", "Problems";
    base_sheet_pairings: "结对帮扶", "Pairings";
    base_sheet_visits: "观摩活动", "Observation visits";
    base_sheet_notes: "备注", "Notes";
    bases_table_title: "产业示范基地一览表", "Industry demonstration bases";
    bases_table_year: "统计年度：", "Year: ";
    bases_table_as_of: "　　截至", "    as of ";
    bases_table_base: "基地名称", "Base";
    bases_table_industry: "产业", "Industry";
    bases_table_problems: "难题\n未解决/总数", "Problems\nopen/all";
    bases_table_total: "合计", "Total";
}

impl Lang {
    /// 2026年产业示范基地一览表
    pub fn bases_table_document(self, year: i32) -> String {
        match self {
            Self::Zh => format!("{year}年产业示范基地一览表"),
            Self::En => format!("Industry demonstration bases {year}"),
        }
    }

    /// The count of a base's problems under its table: 共 5 件，已解决 3 件，未解决 2 件。
    pub fn base_sheet_problem_count(self, all: usize, open: usize) -> String {
        match self {
            Self::Zh => format!(
                "共 {all} 件，已解决 {} 件，未解决 {open} 件（下表列出未解决的难题）。",
                all - open
            ),
            Self::En => format!(
                "{all} problems: {} resolved, {open} open (the open ones listed below).",
                all - open
            ),
        }
    }

    /// The year's totals above the list of bases.
    pub fn bases_table_summary(
        self,
        bases: usize,
        area_mu: &str,
        households: i64,
        jobs: i64,
        output: &str,
    ) -> String {
        match self {
            Self::Zh => format!(
                "共 {bases} 个基地，合计面积 {area_mu} 亩，带动 {households} 户、就业 {jobs} 人，产值 {output} 万元。"
            ),
            Self::En => format!(
                "{bases} bases: {area_mu} mu in all, {households} households and {jobs} jobs, output {output} (10k yuan)."
            ),
        }
    }
}
