//! Labels of the 两三三 screen: the officials' duties (责任清单) and their tasks (任务清单).

use crate::i18n::Lang;

texts! {
    print_duties: "打印责任清单", "Print the duties";
    nav_tasks: "两三三任务", "Duties and tasks";
    tasks_title: "两三三（责任与任务）", "Duties and tasks (两三三)";
    tasks_tab_duties: "责任清单", "Duties";
    tasks_tab_tasks: "任务清单", "Tasks";
    new_official: "新增干部…", "Add official…";
    edit_official: "编辑干部", "Edit official";
    official_secretary: "也是书记", "Also a secretary";
    official_duties: "职责（每行一条）", "Duties (one per line)";
    official_duties_col: "职责", "Duties";
    official_left: "已离开工作室", "Left the studio";
    official_left_mark: "（已离开）", "(left)";
    official_tasks_col: "任务 未完成/共", "Tasks open/all";
    officials_none: "还没有干部。点“新增干部…”添加，并逐条写明职责。", "No officials yet. Add one with Add official… and write their duties one per line.";
    new_task: "新建任务…", "New task…";
    edit_task: "编辑任务", "Edit task";
    delete_task: "删除任务", "Delete task";
    task_col_title: "任务", "Task";
    task_col_description: "具体要求", "What is to be done";
    task_col_owner: "责任人", "Owner";
    task_col_branch: "服务支部", "Branch served";
    task_col_base: "服务基地", "Base served";
    task_col_served: "服务对象", "Serves";
    task_col_assigned: "下达日期", "Given on";
    task_col_latest: "最新进展", "Latest progress";
    task_history: "进展记录", "Progress";
    task_record_progress: "记录进展", "Record progress";
    task_progress_state: "进展状态", "State";
    task_search_hint: "任务、责任人或进展", "Task, owner or progress";
    tasks_none: "没有符合条件的任务。", "No task matches.";
    error_owner_required: "请选择责任人", "Choose who owns it";
    error_assigned_after_progress: "下达日期晚于已记录的进展", "Given after progress already recorded";
}

impl Lang {
    /// "显示 120 / 3000 项任务，其中逾期 12 项"
    pub fn tasks_shown(self, shown: usize, all: usize, overdue: usize) -> String {
        match self {
            Self::Zh => format!("显示 {shown} / {all} 项任务，全部任务中逾期 {overdue} 项"),
            Self::En => format!("{shown} of {all} tasks shown; {overdue} overdue in all"),
        }
    }
}

impl Lang {
    /// 打印任务清单（2026年第四季度）
    pub fn print_task_list(self, period: crate::domain::period::Period) -> String {
        match self {
            Self::Zh => format!("打印任务清单（{}）", self.period_name(period)),
            Self::En => format!("Print the task list ({})", self.period_name(period)),
        }
    }
}
