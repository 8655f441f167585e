//! 备份与恢复: the studio file's backups, the newest first, with "Back up now" and "Restore…"
//! (which first backs up the file as it is).

use super::Command;
use crate::i18n::Lang;
use crate::store::backup::Backup;
use egui::{RichText, Ui};

/// The dialog; the list is read when it opens and after every backup or restore.
pub struct BackupsDialog {
    backups: Vec<Backup>,
    /// Why the studio can only be read, if it can: nothing is backed up or restored then.
    read_only: Option<&'static str>,
    /// The backup chosen for restoring, waiting for confirmation.
    restoring: Option<Backup>,
}

impl BackupsDialog {
    /// The dialog for `backups` (as `Store::backups` lists them); `read_only` says why the
    /// studio can only be read, if it can.
    pub fn new(backups: Vec<Backup>, read_only: Option<&'static str>) -> Self {
        Self {
            backups,
            read_only,
            restoring: None,
        }
    }

    /// Draws the dialog; returns what the user chose and whether it closes.
    pub fn ui(&mut self, ui: &mut Ui, lang: Lang) -> (Option<Command>, bool) {
        let mut command = None;
        let mut close = false;
        let modal = crate::ui::widgets::modal("backups").show(ui.ctx(), |ui| {
            ui.set_width(600.0);
            // Long text wraps inside; the dialog never runs past the window's edge.
            ui.set_max_width(600.0);
            ui.heading(lang.backups_title());
            ui.label(RichText::new(lang.backups_note()).weak());
            if let Some(folder) = self.backups.first().and_then(|b| b.path.parent()) {
                ui.label(RichText::new(folder.display().to_string()).weak());
            }
            ui.add_space(6.0);
            if let Some(backup) = self.restoring.clone() {
                ui.label(
                    lang.restore_question(&backup.made.format("%Y-%m-%d %H:%M:%S").to_string()),
                );
                ui.horizontal(|ui| {
                    if ui.button(lang.restore_confirm()).clicked()
                        || super::widgets::enter_confirms(ui)
                    {
                        command = Some(Command::RestoreBackup(backup.path.clone()));
                        close = true;
                    }
                    if ui.button(lang.cancel()).clicked() {
                        self.restoring = None;
                    }
                });
                return;
            }
            if let Some(why) = self.read_only {
                ui.colored_label(super::widgets::ERROR_RED, why);
            }
            let writable = self.read_only.is_none();
            if ui
                .add_enabled(writable, egui::Button::new(lang.backup_now()))
                .clicked()
            {
                command = Some(Command::BackUpNow);
                close = true;
            }
            ui.add_space(4.0);
            if self.backups.is_empty() {
                ui.label(lang.backups_none());
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                // Inside a box the room below is not known: as tall as the rows, up to this.
                .min_scrolled_height(360.0)
                .show(ui, |ui| {
                    egui::Grid::new("backups-grid")
                        .num_columns(4)
                        .striped(true)
                        .spacing([16.0, 4.0])
                        .show(ui, |ui| {
                            for backup in &self.backups {
                                let when = backup.made.format("%Y-%m-%d %H:%M:%S").to_string();
                                ui.label(&when);
                                ui.label(&backup.reason);
                                #[allow(clippy::cast_precision_loss)]
                                ui.label(format!("{:.1} MB", backup.bytes as f64 / 1_048_576.0));
                                if ui
                                    .add_enabled(writable, egui::Button::new(lang.restore_backup()))
                                    .on_hover_text(backup.path.display().to_string())
                                    .clicked()
                                {
                                    self.restoring = Some(backup.clone());
                                }
                                ui.end_row();
                            }
                        });
                });
            ui.add_space(6.0);
            if ui.button(lang.close()).clicked() {
                close = true;
            }
        });
        (command, close || modal.should_close())
    }
}
