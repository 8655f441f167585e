//! File → Export a ledger…: which ledger, which period, Excel or CSV, and where.

use super::Command;
use super::browse::{Browse, Mode, Request};
use super::widgets::ERROR_RED;
use crate::domain::period::Period;
use crate::export::Ledger;
use crate::i18n::Lang;
use crate::report::Format;
use egui::{RichText, Ui};
use std::path::PathBuf;

/// The export dialog.
pub struct ExportDialog {
    ledger: Option<Ledger>,
    /// The period as typed; empty for all time.
    period: String,
    format: Format,
    /// The path as typed or browsed.
    pub path: String,
    /// The last path looked up, and whether a file was there (not asked every frame).
    checked: Option<(String, bool)>,
    browse: Browse,
}

impl ExportDialog {
    /// A dialog suggesting a file in `folder`.
    pub fn new(folder: Option<&std::path::Path>, lang: Lang, today: chrono::NaiveDate) -> Self {
        let mut dialog = Self {
            ledger: Some(Ledger::Roster),
            period: String::new(),
            format: Format::Xlsx,
            path: String::new(),
            checked: None,
            browse: Browse::default(),
        };
        dialog.suggest(folder, lang, today);
        dialog
    }

    /// Names the file after the ledger and the day, in the folder of the current path.
    fn suggest(&mut self, folder: Option<&std::path::Path>, lang: Lang, today: chrono::NaiveDate) {
        let Some(folder) = folder else {
            return;
        };
        let ledger = self.ledger.unwrap_or(Ledger::Roster);
        let extension = match self.format {
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
        };
        let name = format!(
            "{}-{}.{extension}",
            ledger.title(lang),
            today.format("%Y%m%d")
        );
        self.path = folder.join(name).display().to_string();
    }

    /// Draws the dialog; returns the command to run, and whether it was closed.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        today: chrono::NaiveDate,
    ) -> (Option<Command>, bool) {
        let mut command = None;
        let mut done = false;
        let modal = crate::ui::widgets::modal("export-dialog").show(ui.ctx(), |ui| {
            ui.set_width(560.0);
            // Long text wraps inside; the dialog never runs past the window's edge.
            ui.set_max_width(560.0);
            ui.heading(lang.export_title());
            ui.add_space(6.0);
            let folder = PathBuf::from(self.path.trim())
                .parent()
                .map(std::path::Path::to_owned);
            let mut renamed = false;
            egui::Grid::new("export-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    // Radio buttons, not a drop-down: a list popping up from a modal dialog can
                    // open behind it.
                    ui.label(lang.export_ledger());
                    ui.horizontal_wrapped(|ui| {
                        for ledger in Ledger::ALL {
                            renamed |= ui
                                .radio_value(&mut self.ledger, Some(ledger), ledger.title(lang))
                                .changed();
                        }
                    });
                    ui.end_row();
                    let ledger = self.ledger.unwrap_or(Ledger::Roster);
                    if ledger.takes_period() {
                        let label = ui.label(lang.period());
                        ui.horizontal(|ui| {
                            ui.add(
                                egui::TextEdit::singleline(&mut self.period)
                                    .hint_text(lang.all_periods_hint())
                                    .desired_width(120.0),
                            )
                            .labelled_by(label.id);
                            if !self.period.trim().is_empty()
                                && Period::parse(&self.period).is_err()
                            {
                                ui.colored_label(ERROR_RED, lang.period_hint());
                            }
                        });
                        ui.end_row();
                    }
                    ui.label(lang.export_format());
                    ui.horizontal(|ui| {
                        renamed |= ui
                            .radio_value(&mut self.format, Format::Xlsx, "Excel (.xlsx)")
                            .changed();
                        renamed |= ui
                            .radio_value(&mut self.format, Format::Csv, "CSV (.csv)")
                            .changed();
                    });
                    ui.end_row();
                    let label = ui.label(lang.file_path());
                    ui.horizontal(|ui| {
                        ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(340.0))
                            .labelled_by(label.id);
                        self.browse
                            .button(ui, lang, self.browse_request(), &mut self.path);
                    });
                    ui.end_row();
                });
            let request = self.browse_request();
            self.browse.folders(ui, lang, request, &mut self.path);
            if renamed {
                self.suggest(folder.as_deref(), lang, today);
            }
            ui.label(RichText::new(lang.no_dialog_hint()).weak());
            let target = PathBuf::from(self.path.trim());
            let exists = match &self.checked {
                Some((typed, exists)) if *typed == self.path => *exists,
                _ => {
                    let exists = target.is_file();
                    self.checked = Some((self.path.clone(), exists));
                    exists
                }
            };
            if exists {
                ui.colored_label(ERROR_RED, lang.file_exists_will_replace());
            }
            let period = if self.period.trim().is_empty() {
                Ok(None)
            } else {
                Period::parse(&self.period).map(Some)
            };
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = !self.path.trim().is_empty() && period.is_ok();
                let enter = ready && super::widgets::enter_confirms(ui);
                if (ui
                    .add_enabled(ready, egui::Button::new(lang.export_action()))
                    .clicked()
                    || enter)
                    && let Ok(period) = period
                {
                    command = Some(Command::Export {
                        ledger: self.ledger.unwrap_or(Ledger::Roster),
                        period,
                        path: target.clone(),
                    });
                }
                if ui.button(lang.cancel()).clicked() {
                    done = true;
                }
            });
        });
        (command, done || modal.should_close())
    }

    /// What 浏览… looks for: a file of the chosen format, to write.
    fn browse_request(&self) -> Request<'static> {
        match self.format {
            Format::Xlsx => Request {
                mode: Mode::Save,
                kind: "Excel",
                extensions: &["xlsx"],
            },
            Format::Csv => Request {
                mode: Mode::Save,
                kind: "CSV",
                extensions: &["csv"],
            },
        }
    }
}
