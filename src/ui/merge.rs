//! The merge preview: per kind of record what merging another village's file would add,
//! update and delete, the conflicts and which version wins; nothing changes until confirmed.

use super::Command;
use super::widgets::ERROR_RED;
use crate::domain::merge::{Value, Winner};
use crate::i18n::Lang;
use crate::store::merge::MergePreview;
use egui::{RichText, Ui};

/// How many conflicts the preview lists (the count says how many there are).
const LISTED_CONFLICTS: usize = 20;

/// Draws the preview of `preview`; returns what the user chose.
pub fn preview_dialog(ui: &mut Ui, lang: Lang, preview: &mut MergePreview) -> Option<Command> {
    let mut command = None;
    let modal = crate::ui::widgets::modal("merge-preview").show(ui.ctx(), |ui| {
        ui.set_width(680.0);
        // Long text wraps inside; the dialog never runs past the window's edge.
        ui.set_max_width(680.0);
        ui.heading(format!(
            "{}{}{}",
            lang.merge_preview_title(),
            lang.say_colon(),
            preview
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        ui.label(RichText::new(preview.path.display().to_string()).weak());
        // Who made the file and when (a share file says; a copied studio file does not).
        if let Some(sender) = &preview.sender {
            ui.label(
                RichText::new(lang.merge_sender(&sender.studio, &sender.computer, &sender.when()))
                    .strong(),
            );
        }
        if preview.clock_ahead {
            ui.colored_label(ERROR_RED, lang.merge_clock_ahead());
        }
        if let Some(studio) = &preview.other_studio {
            ui.colored_label(ERROR_RED, lang.merge_other_studio(studio));
            ui.checkbox(&mut preview.acknowledged, lang.merge_other_studio_anyway());
        }
        ui.add_space(6.0);
        if preview.is_empty() && preview.ours_ahead {
            // Their file is the one behind: our own share should travel to them.
            ui.label(lang.merge_they_are_behind());
        } else if preview.is_empty() {
            ui.label(lang.merge_nothing());
        } else {
            let files = &preview.picture_files;
            if !files.digests.is_empty() {
                ui.label(lang.merge_picture_files(
                    files.new,
                    files.thumbnails_only,
                    files.originals,
                ));
            }
        }
        // Only originals come (a full share after a thumbnails-only one): no records to list.
        let records = preview
            .tables
            .iter()
            .any(|t| t.new + t.updated + t.deleted + t.conflicts > 0);
        if !preview.is_empty() && records {
            egui::ScrollArea::vertical()
                .max_height(260.0)
                // Inside a box the room below is not known: as tall as the rows, up to this.
                .min_scrolled_height(260.0)
                .id_salt("merge-tables")
                .show(ui, |ui| {
                    egui::Grid::new("merge-grid")
                        .num_columns(6)
                        .striped(true)
                        .spacing([16.0, 4.0])
                        .show(ui, |ui| {
                            for title in [
                                lang.col_record_kind(),
                                lang.col_new(),
                                lang.col_updated(),
                                lang.col_deleted(),
                                lang.col_conflicts(),
                                lang.col_examples(),
                            ] {
                                ui.strong(title);
                            }
                            ui.end_row();
                            // Sites (which files made changes) are bookkeeping, not records
                            // people keep.
                            for t in preview.tables.iter().filter(|t| {
                                t.table != "site" && t.new + t.updated + t.deleted + t.conflicts > 0
                            }) {
                                ui.label(lang.record_kind(&t.table));
                                ui.label(t.new.to_string());
                                ui.label(t.updated.to_string());
                                ui.label(t.deleted.to_string());
                                if t.conflicts > 0 {
                                    ui.colored_label(ERROR_RED, t.conflicts.to_string());
                                } else {
                                    ui.label("0");
                                }
                                // A few names, cut short: the dialog keeps its width.
                                let examples = t.examples.join(lang.say_list_separator());
                                let mut shown: String = examples.chars().take(32).collect();
                                if shown.len() < examples.len() {
                                    shown.push('…');
                                }
                                ui.label(shown).on_hover_text(examples);
                                ui.end_row();
                            }
                        });
                });
            let conflicts: Vec<_> = preview.conflicts().collect();
            if !conflicts.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new(lang.merge_conflicts_title()).strong());
                for (table, conflict) in conflicts.iter().take(LISTED_CONFLICTS) {
                    let text = conflict
                        .loser
                        .values
                        .iter()
                        .find_map(|v| match v {
                            Value::Text(t) if !t.is_empty() => Some(t.chars().take(30).collect()),
                            _ => None,
                        })
                        .unwrap_or_else(String::new);
                    let winner = match conflict.winner {
                        Winner::Ours => lang.winner_ours(),
                        Winner::Theirs => lang.winner_theirs(),
                    };
                    ui.label(match lang {
                        Lang::Zh => format!("{}「{text}」：{winner}", lang.record_kind(table)),
                        Lang::En => format!("{} \"{text}\": {winner}", lang.record_kind(table)),
                    });
                }
            }
        }
        if !preview.possible_duplicates.is_empty() {
            ui.add_space(6.0);
            ui.label(lang.merge_possible_duplicates(&preview.possible_duplicates));
        }
        ui.add_space(6.0);
        if preview.is_empty() {
            if ui.button(lang.close()).clicked() || super::widgets::enter_confirms(ui) {
                command = Some(Command::CancelMerge);
            }
            return;
        }
        ui.label(RichText::new(lang.merge_note()).weak());
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let ready =
                !preview.is_empty() && (preview.other_studio.is_none() || preview.acknowledged);
            if ui
                .add_enabled(ready, egui::Button::new(lang.merge_confirm()))
                .clicked()
                || (ready && super::widgets::enter_confirms(ui))
            {
                command = Some(Command::ConfirmMerge);
            }
            if ui.button(lang.cancel()).clicked() {
                command = Some(Command::CancelMerge);
            }
        });
    });
    if command.is_none() && modal.should_close() {
        command = Some(Command::CancelMerge);
    }
    command
}
