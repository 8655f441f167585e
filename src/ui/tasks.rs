//! 两三三任务: being built (issue 18).

/// The 两三三任务 screen.
#[derive(Default)]
pub struct TasksScreen {
    /// A task asked for from elsewhere (the calendar), to show when drawn.
    requested: Option<crate::domain::task::TaskId>,
}

impl TasksScreen {
    /// Shows `task` when the screen is next drawn.
    pub fn open_task(&mut self, task: crate::domain::task::TaskId) {
        self.requested = Some(task);
    }
}

impl super::View for TasksScreen {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &super::ViewContext<'_>) -> Vec<super::Command> {
        ui.heading(ctx.lang.nav_tasks());
        Vec::new()
    }
}
