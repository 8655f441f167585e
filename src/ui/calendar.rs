//! 日程: being built (issue 18).

/// The 日程 screen.
#[derive(Default)]
pub struct CalendarScreen {}

impl super::View for CalendarScreen {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &super::ViewContext<'_>) -> Vec<super::Command> {
        ui.heading(ctx.lang.nav_calendar());
        Vec::new()
    }
}
