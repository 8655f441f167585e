//! 四议两公开: being built (issue 18).

/// The 四议两公开 screen.
#[derive(Default)]
pub struct DecisionsScreen {
    /// A decision asked for from elsewhere (the calendar), to show when drawn.
    requested: Option<crate::domain::decision::DecisionId>,
}

impl DecisionsScreen {
    /// Shows `decision` when the screen is next drawn.
    pub fn open_decision(&mut self, decision: crate::domain::decision::DecisionId) {
        self.requested = Some(decision);
    }
}

impl super::View for DecisionsScreen {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &super::ViewContext<'_>) -> Vec<super::Command> {
        ui.heading(ctx.lang.nav_decisions());
        Vec::new()
    }
}
