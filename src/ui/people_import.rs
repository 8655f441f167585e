//! 导入百人团人员: choose a sheet of people, preview whom it adds, changes and puts into which
//! group (and which rows it refuses), then confirm; rows in error stop it unless the user
//! chooses to leave them out.

use super::browse::Browse;
use super::widgets::ERROR_RED;
use super::{Change, Command, ViewContext};
use crate::domain::people_import::PeopleImportPlan;
use crate::i18n::{Lang, PeopleImportLine};
use crate::import::{parse_people, read_sheet};
use egui::{RichText, Ui};
use std::path::PathBuf;

/// The people import dialog.
#[derive(Default)]
pub struct PeopleImportDialog {
    /// The file as typed or browsed.
    pub path: String,
    plan: Option<PeopleImportPlan>,
    /// The preview's rows, made once per plan and language (not per frame).
    lines: Option<(Lang, Vec<PeopleImportLine>)>,
    error: Option<String>,
    /// Import the other rows, leaving those in error out.
    skip_rejected: bool,
    /// Set while the app applies the plan.
    applying: bool,
    browse: Browse,
}

impl PeopleImportDialog {
    /// Reads the file and plans the import against the open studio; writes nothing.
    pub fn preview(&mut self, ctx: &ViewContext<'_>) {
        let path = PathBuf::from(self.path.trim());
        self.plan = None;
        self.lines = None;
        self.error = None;
        self.skip_rejected = false;
        let parsed = match read_sheet(&path).and_then(|sheet| parse_people(&sheet)) {
            Ok(parsed) => parsed,
            Err(error) => {
                self.error = Some(ctx.lang.people_import_error(&path, &error));
                return;
            }
        };
        match ctx.store.plan_people_import(parsed, ctx.today) {
            Ok(plan) => self.plan = Some(plan),
            Err(error) => self.error = Some(ctx.lang.store_error(&error)),
        }
    }

    /// Draws the dialog; returns the write to make, and whether the dialog is finished.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> (Option<Command>, bool) {
        let lang = ctx.lang;
        let mut command = None;
        let mut done = false;
        let modal = crate::ui::widgets::modal("people-import-dialog").show(ui.ctx(), |ui| {
            ui.set_width(760.0);
            ui.set_max_width(760.0);
            ui.heading(lang.people_import_title());
            ui.label(lang.people_import_choose());
            if super::import::sheet_picker(ui, lang, &mut self.browse, &mut self.path) {
                self.preview(ctx);
            }
            if let Some(error) = &self.error {
                ui.colored_label(ERROR_RED, error);
            }
            if let Some(plan) = &self.plan {
                if self.lines.as_ref().is_none_or(|(l, _)| *l != lang) {
                    self.lines = Some((lang, lang.people_import_lines(plan)));
                }
                ui.separator();
                plan_ui(
                    ui,
                    lang,
                    plan,
                    self.lines.as_ref().map_or(&[], |(_, l)| l.as_slice()),
                );
                if !plan.rejected.is_empty() {
                    ui.colored_label(ERROR_RED, lang.people_import_fix_or_skip());
                    ui.checkbox(&mut self.skip_rejected, lang.people_import_skip_rejected());
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = self.plan.as_ref().is_some_and(|p| {
                    !p.is_empty() && (p.rejected.is_empty() || self.skip_rejected)
                }) && !self.applying;
                let enter = super::widgets::enter_confirms(ui);
                if enter && self.plan.is_none() && !self.path.trim().is_empty() {
                    self.preview(ctx);
                }
                if (ui
                    .add_enabled(ready, egui::Button::new(lang.import_confirm()))
                    .clicked()
                    || (ready && enter))
                    && let Some(plan) = &self.plan
                {
                    self.applying = true;
                    command = Some(Command::Write(Change::ImportPeople(
                        Box::new(plan.clone()),
                        self.skip_rejected,
                    )));
                }
                if ui.button(lang.close()).clicked() {
                    done = true;
                }
            });
        });
        (command, done || (modal.should_close() && !self.applying))
    }

    /// Called after the app applied (or failed to apply) the plan; true if it is done.
    pub fn write_finished(&mut self, succeeded: bool) -> bool {
        let finished = succeeded && self.applying;
        self.applying = false;
        finished
    }
}

fn plan_ui(ui: &mut Ui, lang: Lang, plan: &PeopleImportPlan, lines: &[PeopleImportLine]) {
    ui.horizontal_wrapped(|ui| {
        for (label, count) in [
            (lang.people_import_to_add(), plan.to_add.len()),
            (lang.people_import_to_update(), plan.to_update.len()),
            (lang.import_unchanged(), plan.unchanged.len()),
            (lang.people_import_memberships(), plan.memberships.len()),
            (lang.people_import_already(), plan.already_members.len()),
            (lang.import_rejected(), plan.rejected.len()),
        ] {
            ui.label(RichText::new(format!("{label}: {count}")).strong());
            ui.add_space(12.0);
        }
    });
    if plan.is_empty() {
        ui.label(lang.import_nothing());
    }
    for (label, items) in [
        (lang.import_ignored_columns(), plan.ignored_columns.clone()),
        (
            lang.import_skipped(),
            plan.skipped.iter().map(|s| lang.skipped_line(s)).collect(),
        ),
    ] {
        if !items.is_empty() {
            let text = items.join(lang.say_list_separator());
            ui.add(egui::Label::new(format!("{label} ({}): {text}", items.len())).truncate());
        }
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let widths = [48.0, 90.0, 160.0];
    ui.horizontal(|ui| {
        for (label, width) in [lang.col_line(), lang.col_name(), lang.people_col_village()]
            .into_iter()
            .zip(widths)
        {
            ui.add_sized(
                [width, row_height],
                egui::Label::new(RichText::new(label).strong()),
            );
        }
        ui.strong(lang.people_col_what());
    });
    // Only the visible rows are laid out; the height is fixed from the first frame so the
    // modal does not grow a row per frame.
    let spacing = ui.spacing().item_spacing.y;
    let room = (ui.ctx().content_rect().height() - 500.0).clamp(100.0, 300.0);
    let height = (lines.len() as f32 * (row_height + spacing)).min(room);
    egui::ScrollArea::vertical()
        .min_scrolled_height(height)
        .max_height(height)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, lines.len(), |ui, range| {
            for line in &lines[range] {
                ui.horizontal(|ui| {
                    let number = line.line.to_string();
                    for (text, width) in
                        [&number, &line.name, &line.village].into_iter().zip(widths)
                    {
                        ui.add_sized(
                            [width, row_height],
                            egui::Label::new(text.as_str()).truncate(),
                        );
                    }
                    let what = RichText::new(line.what.as_str());
                    ui.add(
                        egui::Label::new(if line.is_error {
                            what.color(ERROR_RED)
                        } else {
                            what
                        })
                        .truncate(),
                    );
                });
            }
        });
}
