//! The words of the officials' duties list (责任清单) and a period's task list (任务清单).

use crate::i18n::Lang;

texts! {
    duty_list_document: "责任清单", "Duties";
    duty_list_as_of: "截至", "As of ";
    duty_list_name: "姓名", "Name";
    duty_list_post: "职务", "Post";
    duty_list_duties: "责任内容", "Duties";
    duty_list_tasks: "任务\n完成/总数", "Tasks\ndone/all";
    task_list_document: "任务清单", "Task list";
    task_list_task: "任务", "Task";
    task_list_owner: "责任人", "Owner";
    task_list_serves: "支部/基地", "Branch / base";
    task_list_assigned: "下达日期", "Given on";
    task_list_deadline: "完成时限", "Deadline";
    task_list_state: "状态", "State";
    task_list_done_on: "完成日期", "Done on";
    task_list_note: "最新进展", "Latest progress";
}

impl Lang {
    /// The period's tasks counted, above the table.
    pub fn task_list_summary(
        self,
        all: usize,
        done: usize,
        done_late: usize,
        open: usize,
        overdue: usize,
    ) -> String {
        match self {
            Self::Zh => format!(
                "共 {all} 项：已完成 {done} 项（其中逾期完成 {done_late} 项），未完成 {open} 项（其中逾期 {overdue} 项）。"
            ),
            Self::En => format!(
                "{all} tasks: {done} done ({done_late} late), {open} open ({overdue} overdue)."
            ),
        }
    }

    /// 任务清单 of a period: 2026年任务清单.
    pub fn task_list_title(self, period: crate::domain::period::Period) -> String {
        match self {
            Self::Zh => format!("{}{}", self.period_name(period), self.task_list_document()),
            Self::En => format!("{} {}", self.task_list_document(), self.period_name(period)),
        }
    }
}
