//! 两三三任务: being built (issue 18).

/// The 两三三任务 screen.
#[derive(Default)]
pub struct TasksScreen {}

impl super::View for TasksScreen {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &super::ViewContext<'_>) -> Vec<super::Command> {
        ui.heading(ctx.lang.nav_tasks());
        Vec::new()
    }
}
