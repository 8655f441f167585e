//! The words of the town's exported ledgers: the industry demonstration bases (with their
//! figures by year and milestones), the tasks (with their progress notes) and the village
//! decisions through the six steps.

use super::Lang;

texts! {
    town_ledger_bases: "产业基地", "Bases";
    town_ledger_base_figures: "基地历年数据", "Base figures";
    town_ledger_milestones: "基地建设节点", "Base milestones";
    town_ledger_tasks: "任务清单", "Tasks";
    town_ledger_task_progress: "任务进展记录", "Task progress";
    town_ledger_decisions: "四议两公开", "Village decisions";
    town_ledger_base: "基地名称", "Base";
    town_ledger_industry: "产业", "Industry";
    town_ledger_lead: "牵头支部", "Lead branch";
    town_ledger_branches: "参与支部", "Branches taking part";
    town_ledger_secretary: "负责书记", "Secretary";
    town_ledger_started: "启动日期", "Started";
    town_ledger_followed: "跟踪中", "Followed";
    town_ledger_archived: "已归档", "Archived";
    town_ledger_milestones_done: "节点完成/总数", "Milestones done/all";
    town_ledger_open_problems: "未解决难题", "Open problems";
    town_ledger_problems: "难题总数", "Problems";
    town_ledger_pairings: "结对", "Pairings";
    town_ledger_visits: "观摩活动", "Visits";
    town_ledger_open_tasks: "未完成任务", "Open tasks";
    town_ledger_year: "年度", "Year";
    town_ledger_area: "面积（亩）", "Area (mu)";
    town_ledger_households: "带动户数", "Households";
    town_ledger_jobs: "带动就业（人）", "Jobs";
    town_ledger_output: "产值（万元）", "Output (10k yuan)";
    town_ledger_income: "群众增收（万元）", "Income (10k yuan)";
    town_ledger_milestone: "节点", "Milestone";
    town_ledger_planned: "计划完成", "Planned";
    town_ledger_done: "实际完成", "Done";
    town_ledger_overdue: "逾期", "Overdue";
    town_ledger_task: "任务", "Task";
    town_ledger_description: "任务内容", "Description";
    town_ledger_owner: "责任人", "Owner";
    town_ledger_branch: "支部", "Branch";
    town_ledger_assigned: "下达日期", "Given on";
    town_ledger_deadline: "完成时限", "Deadline";
    town_ledger_state: "状态", "State";
    town_ledger_done_on: "完成日期", "Done on";
    town_ledger_latest: "最新进展", "Latest progress";
    town_ledger_progress_on: "日期", "Date";
    town_ledger_progress_by: "记录人", "By";
    town_ledger_note: "进展情况", "Progress";
    town_ledger_village: "村（社区）", "Village";
    town_ledger_decision: "决策事项", "Decision";
    town_ledger_content: "事项内容", "Content";
    town_ledger_standing: "进度", "Standing";
    town_ledger_on: "日期", " on";
    town_ledger_expected: "应到", " expected";
    town_ledger_present: "实到", " present";
}
