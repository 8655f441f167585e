//! 导入花名册: choose a sheet, preview what it adds, updates and rejects, then confirm.

use super::browse::{Browse, Mode, Request};
use super::widgets::ERROR_RED;
use super::{Change, Command, ViewContext};
use crate::domain::import_plan::{RosterColumn, RosterImportPlan};
use crate::domain::{PartialDate, SecretaryFields};
use crate::i18n::Lang;
use crate::import::{parse_roster, read_sheet};
use egui::{RichText, Ui};
use std::path::PathBuf;

/// The import dialog.
#[derive(Default)]
pub struct ImportDialog {
    /// The file as typed or browsed.
    pub path: String,
    plan: Option<RosterImportPlan>,
    /// The preview's rows, made once per plan and language (not per frame).
    lines: Option<(Lang, Vec<PreviewLine>)>,
    error: Option<String>,
    /// Set while the app applies the plan.
    pub applying: bool,
    browse: Browse,
}

/// What 浏览… looks for.
const SHEETS: Request<'static> = Request {
    mode: Mode::Open,
    kind: "Excel / CSV",
    extensions: &["xlsx", "csv"],
};

/// The sheet's path, 浏览… and 预览 (and the folder browser when open); true when a sheet
/// is to be previewed: 预览 clicked, or one chosen in a browser (previewed at once, as from
/// the system's dialog).
pub(super) fn sheet_picker(
    ui: &mut Ui,
    lang: Lang,
    browse: &mut Browse,
    path: &mut String,
) -> bool {
    let mut preview = false;
    ui.horizontal(|ui| {
        let label = ui.label(lang.file_path());
        ui.add(egui::TextEdit::singleline(path).desired_width(440.0))
            .labelled_by(label.id);
        preview |= browse.button(ui, lang, SHEETS, path);
        preview |= ui
            .add_enabled(
                !path.trim().is_empty(),
                egui::Button::new(lang.import_preview()),
            )
            .clicked();
    });
    preview | browse.folders(ui, lang, SHEETS, path)
}

impl ImportDialog {
    /// Reads the file and plans the import against the open studio; writes nothing.
    pub fn preview(&mut self, ctx: &ViewContext<'_>) {
        let path = PathBuf::from(self.path.trim());
        self.plan = None;
        self.lines = None;
        self.error = None;
        let parsed = match read_sheet(&path).and_then(|sheet| parse_roster(&sheet, ctx.today)) {
            Ok(parsed) => parsed,
            Err(error) => {
                self.error = Some(ctx.lang.import_error(&path, &error));
                return;
            }
        };
        match ctx.store.plan_roster_import(parsed) {
            Ok(plan) => self.plan = Some(plan),
            Err(error) => self.error = Some(ctx.lang.store_error(&error)),
        }
    }

    /// Draws the dialog; returns the write to make, and whether the dialog is finished.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> (Option<Command>, bool) {
        let lang = ctx.lang;
        let mut command = None;
        let mut done = false;
        let modal = crate::ui::widgets::modal("import-dialog").show(ui.ctx(), |ui| {
            ui.set_width(760.0);
            // Long text wraps inside; the dialog never runs past the window's edge.
            ui.set_max_width(760.0);
            ui.heading(lang.import_title());
            ui.label(lang.import_choose());
            if sheet_picker(ui, lang, &mut self.browse, &mut self.path) {
                self.preview(ctx);
            }
            if let Some(error) = &self.error {
                ui.colored_label(ERROR_RED, error);
            }
            if let Some(plan) = &self.plan {
                if self.lines.as_ref().is_none_or(|(l, _)| *l != lang) {
                    self.lines = Some((lang, preview_lines(lang, plan)));
                }
                ui.separator();
                plan_ui(
                    ui,
                    lang,
                    plan,
                    self.lines.as_ref().map_or(&[], |(_, l)| l.as_slice()),
                );
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = self.plan.as_ref().is_some_and(|p| !p.is_empty()) && !self.applying;
                // Enter previews the sheet typed, then imports what the preview shows.
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
                    command = Some(Command::Write(Change::ImportRoster(Box::new(plan.clone()))));
                }
                if ui.button(lang.close()).clicked() {
                    done = true;
                }
            });
        });
        (command, done || (modal.should_close() && !self.applying))
    }
}

/// One row of the preview: line, name, branch, what happens, and whether it is a rejection.
type PreviewLine = (String, String, String, String, bool);

fn plan_ui(ui: &mut Ui, lang: Lang, plan: &RosterImportPlan, lines: &[PreviewLine]) {
    ui.horizontal(|ui| {
        for (label, count) in [
            (lang.import_to_add(), plan.to_add.len()),
            (lang.import_to_update(), plan.to_update.len()),
            (lang.import_unchanged(), plan.unchanged.len()),
            (lang.import_rejected(), plan.rejected.len()),
        ] {
            ui.label(RichText::new(format!("{label}: {count}")).strong());
            ui.add_space(12.0);
        }
    });
    if plan.is_empty() {
        ui.label(lang.import_nothing());
    }
    // Long lists are cut short so the dialog and its buttons always fit on a laptop screen.
    let list = |ui: &mut Ui, label: &str, items: Vec<String>| {
        const SHOWN: usize = 6;
        if !items.is_empty() {
            let mut text = items
                .iter()
                .take(SHOWN)
                .cloned()
                .collect::<Vec<_>>()
                .join(lang.say_list_separator());
            if items.len() > SHOWN {
                text.push_str(&lang.and_more(items.len() - SHOWN));
            }
            ui.add(egui::Label::new(format!("{label} ({}): {text}", items.len())).truncate());
        }
    };
    list(ui, lang.import_new_areas(), plan.new_areas.clone());
    list(
        ui,
        lang.import_new_branches(),
        plan.new_branches.iter().map(|b| b.name.clone()).collect(),
    );
    list(
        ui,
        lang.import_ignored_columns(),
        plan.ignored_columns.clone(),
    );
    list(
        ui,
        lang.import_skipped(),
        plan.skipped.iter().map(|s| lang.skipped_line(s)).collect(),
    );
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let widths = [48.0, 90.0, 200.0];
    ui.horizontal(|ui| {
        for (label, width) in [lang.col_line(), lang.col_name(), lang.col_branch()]
            .into_iter()
            .zip(widths)
        {
            ui.add_sized(
                [width, row_height],
                egui::Label::new(RichText::new(label).strong()),
            );
        }
        ui.strong(lang.col_reason());
    });
    // Only the visible rows are laid out: a 10,000-row sheet previews as fast as a 20-row one.
    // A fixed height from the first frame: an auto-sized modal would otherwise grow a row per
    // frame until the list filled it.
    let spacing = ui.spacing().item_spacing.y;
    let room = (ui.ctx().content_rect().height() - 480.0).clamp(100.0, 300.0);
    let height = (lines.len() as f32 * (row_height + spacing)).min(room);
    egui::ScrollArea::vertical()
        .min_scrolled_height(height)
        .max_height(height)
        // Inside a box the room below is not known: as tall as the rows, up to this.
        .min_scrolled_height(height)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, lines.len(), |ui, range| {
            for (line, name, branch, what, is_error) in &lines[range] {
                ui.horizontal(|ui| {
                    for (text, width) in [line, name, branch].into_iter().zip(widths) {
                        ui.add_sized(
                            [width, row_height],
                            egui::Label::new(text.as_str()).truncate(),
                        );
                    }
                    let what = RichText::new(what.as_str());
                    ui.label(if *is_error {
                        what.color(ERROR_RED)
                    } else {
                        what
                    });
                });
            }
        });
}

/// A field's value as the preview shows it.
fn value_text(lang: Lang, fields: &SecretaryFields, column: RosterColumn) -> String {
    let or_none = |text: String| {
        if text.is_empty() {
            lang.none_value().to_owned()
        } else {
            text
        }
    };
    or_none(match column {
        RosterColumn::Gender => fields
            .gender
            .map(|g| lang.gender(g).to_owned())
            .unwrap_or_default(),
        RosterColumn::Birth => fields.birth.map(PartialDate::to_iso).unwrap_or_default(),
        RosterColumn::Education => fields.education.clone(),
        RosterColumn::Level => fields
            .level
            .map(|l| lang.level(l).to_owned())
            .unwrap_or_default(),
        RosterColumn::Position => fields.position.clone(),
        RosterColumn::Phone => fields.phone.clone(),
        RosterColumn::InOfficeSince => fields
            .in_office_since
            .map(PartialDate::to_iso)
            .unwrap_or_default(),
        RosterColumn::Notes => fields.notes.clone(),
        RosterColumn::Number | RosterColumn::Name | RosterColumn::Branch | RosterColumn::Area => {
            String::new()
        }
    })
}

/// The preview's rows: rejected first (they need attention), then updates, then additions.
fn preview_lines(lang: Lang, plan: &RosterImportPlan) -> Vec<PreviewLine> {
    let mut lines =
        Vec::with_capacity(plan.rejected.len() + plan.to_update.len() + plan.to_add.len());
    for rejection in &plan.rejected {
        lines.push((
            rejection.line.to_string(),
            rejection.name.clone(),
            String::new(),
            lang.reject_reason(&rejection.reason),
            true,
        ));
    }
    for update in &plan.to_update {
        let changes: Vec<String> = update
            .changed
            .iter()
            .map(|c| {
                let before = value_text(lang, &update.before, *c);
                let after = value_text(lang, &update.fields, *c);
                format!("{} {before} → {after}", lang.roster_column(*c))
            })
            .collect();
        let what = format!(
            "{}: {}",
            lang.import_to_update(),
            changes.join(lang.say_semicolon())
        );
        lines.push((
            update.row.line.to_string(),
            update.row.name.clone(),
            update.row.branch.clone(),
            what,
            false,
        ));
    }
    for row in &plan.to_add {
        lines.push((
            row.line.to_string(),
            row.name.clone(),
            row.branch.clone(),
            lang.import_to_add().to_owned(),
            false,
        ));
    }
    lines
}

impl ImportDialog {
    /// Called after the app applied (or failed to apply) the plan.
    pub fn write_finished(&mut self, succeeded: bool) -> bool {
        let finished = succeeded && self.applying;
        self.applying = false;
        finished
    }
}
