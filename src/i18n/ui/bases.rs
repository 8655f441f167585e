//! Labels of the 产业基地 screen: the overview of the bases and one base's page.

use crate::i18n::Lang;

texts! {
    print_bases_table: "打印基地一览表", "Print the bases";
    print_base_sheet: "打印基地情况表", "Print the base sheet";
    nav_bases: "产业基地", "Bases";
    bases_title: "产业示范基地", "Industry demonstration bases";
    base_page: "产业基地", "Base";
    base_belongs: "所属基地", "Base";
    new_base: "新建基地…", "New base…";
    edit_base: "编辑基地", "Edit base";
    delete_base: "删除基地", "Delete base";
    base_col_name: "基地名称", "Base";
    base_col_industry: "产业", "Industry";
    base_col_lead: "牵头支部", "Lead branch";
    base_col_branches: "参与支部", "Branches taking part";
    base_col_secretary: "责任书记", "Secretary responsible";
    base_col_started: "启动日期", "Started";
    base_col_area: "面积（亩）", "Area (mu)";
    base_col_households: "带动户数", "Households";
    base_col_jobs: "带动就业", "Jobs";
    base_col_output: "产值（万元）", "Output (10k yuan)";
    base_col_income: "群众增收（万元）", "Income (10k yuan)";
    base_head_area: "面积\n（亩）", "Area\n(mu)";
    base_head_households: "带动\n户数", "House-\nholds";
    base_head_jobs: "带动\n就业", "Jobs";
    base_head_output: "产值\n（万元）", "Output\n(10k ¥)";
    base_head_income: "增收\n（万元）", "Income\n(10k ¥)";
    base_head_problems: "难题\n未解决/共", "Problems\nopen/all";
    base_head_open_tasks: "未完成\n任务", "Open\ntasks";
    base_col_sessions: "活动", "Sessions";
    base_col_pairings: "结对", "Pairings";
    base_col_photos: "照片", "Photos";
    base_archived: "已停用（不再跟进，保留历史）", "Archived (no longer followed; its history is kept)";
    base_archived_mark: "（已停用）", "(archived)";
    base_show_archived: "显示已停用的基地", "Show archived bases";
    base_search_hint: "基地名称或支部", "Base name or branch";
    base_none_yet: "还没有产业基地。点“新建基地…”添加第一个。", "No bases yet. Add the first with New base….";
    base_industry_hint: "从列表选，或输入新的产业后回车", "Pick one, or type a new industry and press Enter";
    base_figures_of_year: "数据年份", "Figures of";
    base_figures_title: "历年数据", "Figures by year";
    base_figures_year: "年份", "Year";
    base_add_year: "添加年份", "Add year";
    base_clear_year: "清除", "Clear";
    base_year_exists: "这一年已在表中", "That year is in the table already";
    base_not_a_number: "请填写数字", "Enter a number";
    base_not_whole: "请填写整数", "Enter a whole number";
    base_figures_none: "还没有数据。填写年份后点“添加年份”。", "No figures yet. Type a year and click Add year.";
    base_chart_output: "产值（万元）", "Output (10k yuan)";
    base_chart_households: "带动户数", "Households";
    base_milestones: "建设节点", "Milestones";
    base_add_milestone: "添加节点…", "Add milestone…";
    base_edit_milestone: "编辑节点", "Edit milestone";
    base_milestone_title: "节点", "Milestone";
    base_milestone_planned: "计划完成", "Planned for";
    base_milestone_done: "实际完成", "Reached on";
    base_milestone_reached: "已完成", "Reached";
    base_milestone_open: "未完成", "Open";
    base_milestone_late: "逾期完成", "Done late";
    base_milestone_overdue: "逾期未完成", "Overdue";
    base_milestones_none: "还没有节点。", "No milestones yet.";
    base_problems: "基地难题", "Problems";
    base_pairings: "结对帮扶", "Pairings";
    base_sessions: "观摩与活动", "Visits and sessions";
    base_nothing_linked: "（无）", "(none)";
    base_raise_problem: "在此基地提出难题…", "Raise a problem here…";
    base_record_visit: "记录观摩活动…", "Record an observation visit…";
    base_visit_topic: "观摩", "Visit to";
}

impl Lang {
    /// "显示 12 / 40 个基地"
    pub fn bases_shown(self, shown: usize, all: usize) -> String {
        match self {
            Self::Zh => format!("显示 {shown} / {all} 个基地"),
            Self::En => format!("{shown} of {all} bases"),
        }
    }

    /// "相关任务（未完成 3 / 共 12）"
    pub fn base_tasks_heading(self, open: usize, all: usize) -> String {
        match self {
            Self::Zh => format!("相关任务（未完成 {open} / 共 {all}）"),
            Self::En => format!("Tasks ({open} open of {all})"),
        }
    }

    /// "另有 58 项，见「两三三任务」"
    pub fn base_more(self, more: usize, screen: &str) -> String {
        match self {
            Self::Zh => format!("另有 {more} 项，见「{screen}」"),
            Self::En => format!("{more} more in {screen}"),
        }
    }
}
