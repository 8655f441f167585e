//! 四议两公开: being built (issue 18).

/// The 四议两公开 screen.
#[derive(Default)]
pub struct DecisionsScreen {}

impl super::View for DecisionsScreen {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &super::ViewContext<'_>) -> Vec<super::Command> {
        ui.heading(ctx.lang.nav_decisions());
        Vec::new()
    }
}
