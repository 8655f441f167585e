//! 产业基地: being built (issue 18).

/// The 产业基地 screen.
#[derive(Default)]
pub struct BasesScreen {}

impl super::View for BasesScreen {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &super::ViewContext<'_>) -> Vec<super::Command> {
        ui.heading(ctx.lang.nav_bases());
        Vec::new()
    }
}
