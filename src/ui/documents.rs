//! What the town is handed: 文书格式… (the letterhead and signer printed on documents) and
//! 导出年度档案… (a folder per session with its documents, scans and photos).

use super::browse::{Browse, Mode, Request};
use super::widgets::ERROR_RED;
use super::{Change, Command};
use crate::domain::period::Period;
use crate::i18n::Lang;
use crate::store::DocumentHeads;
use egui::{RichText, Ui};
use std::path::PathBuf;

/// What 浏览… looks for: any file, its folder is taken.
const ANY: Request<'static> = Request {
    mode: Mode::FileOrFolder,
    kind: "*",
    extensions: &["*"],
};

/// One of the two dialogs.
pub enum DocumentsDialog {
    /// 文书格式…
    Heads {
        /// The letterhead as typed.
        letterhead: String,
        /// The signer as typed.
        signer: String,
    },
    /// 导出年度档案…
    Archive {
        /// The period as typed.
        period: String,
        /// The folder to write into, as typed.
        folder: String,
        /// The studio's archive name for a period (the folder made inside `folder`).
        name_of: Box<dyn Fn(Period) -> String>,
        /// 浏览…
        browse: Browse,
        /// Looked up when the folder or period typed changes, not every frame: (folder,
        /// period) → (the folder is there, the archive is there already).
        looked: Option<((String, String), (bool, bool))>,
    },
}

impl DocumentsDialog {
    /// 文书格式…, showing the lines as set.
    pub fn heads(heads: DocumentHeads) -> Self {
        Self::Heads {
            letterhead: heads.letterhead,
            signer: heads.signer,
        }
    }

    /// 导出年度档案… of this year, into `folder`.
    pub fn archive(
        today: chrono::NaiveDate,
        folder: Option<PathBuf>,
        name_of: Box<dyn Fn(Period) -> String>,
    ) -> Self {
        use chrono::Datelike;
        Self::Archive {
            period: today.year().to_string(),
            folder: folder.map(|f| f.display().to_string()).unwrap_or_default(),
            name_of,
            browse: Browse::default(),
            looked: None,
        }
    }

    /// Draws the dialog; returns the command to run, and whether it was closed.
    pub fn ui(&mut self, ui: &mut Ui, lang: Lang) -> (Option<Command>, bool) {
        let mut command = None;
        let mut closed = false;
        let modal = super::widgets::modal("documents-dialog").show(ui.ctx(), |ui| {
            ui.set_width(560.0);
            ui.set_max_width(560.0);
            match self {
                Self::Heads { letterhead, signer } => {
                    ui.heading(lang.document_heads_title());
                    ui.add_space(6.0);
                    ui.label(RichText::new(lang.document_heads_hint()).weak());
                    egui::Grid::new("heads").num_columns(2).show(ui, |ui| {
                        let label = ui.label(lang.letterhead_label());
                        ui.add(egui::TextEdit::singleline(letterhead).desired_width(360.0))
                            .labelled_by(label.id);
                        ui.end_row();
                        let label = ui.label(lang.signer_label());
                        ui.add(egui::TextEdit::singleline(signer).desired_width(360.0))
                            .labelled_by(label.id);
                        ui.end_row();
                    });
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        let enter = super::widgets::enter_confirms(ui);
                        if ui.button(lang.save_action()).clicked() || enter {
                            command = Some(Command::Write(Change::SetDocumentHeads(
                                letterhead.trim().to_owned(),
                                signer.trim().to_owned(),
                            )));
                            closed = true;
                        }
                        if ui.button(lang.cancel()).clicked() {
                            closed = true;
                        }
                    });
                }
                Self::Archive {
                    period,
                    folder,
                    name_of,
                    browse,
                    looked,
                } => {
                    ui.heading(lang.archive_title());
                    ui.add_space(6.0);
                    ui.label(RichText::new(lang.archive_hint()).weak());
                    egui::Grid::new("archive").num_columns(2).show(ui, |ui| {
                        let label = ui.label(lang.period());
                        ui.add(egui::TextEdit::singleline(period).desired_width(160.0))
                            .labelled_by(label.id);
                        ui.end_row();
                        let label = ui.label(lang.archive_folder());
                        ui.horizontal(|ui| {
                            ui.add(egui::TextEdit::singleline(folder).desired_width(300.0))
                                .labelled_by(label.id);
                            let mut picked = folder.clone();
                            if browse.button(ui, lang, ANY, &mut picked) {
                                *folder = folder_of(&picked);
                            }
                        });
                        ui.end_row();
                    });
                    let mut picked = folder.clone();
                    if browse.folders(ui, lang, ANY, &mut picked) {
                        *folder = folder_of(&picked);
                    }
                    let parsed = Period::parse(period.trim());
                    let base = PathBuf::from(folder.trim());
                    let key = (folder.clone(), period.clone());
                    if looked.as_ref().is_none_or(|(k, _)| *k != key) {
                        let there = parsed
                            .as_ref()
                            .is_ok_and(|p| base.join(name_of(*p)).exists());
                        *looked = Some((key, (base.is_dir(), there)));
                    }
                    let (folder_there, archive_there) =
                        looked.as_ref().map_or((false, false), |l| l.1);
                    let ready = match &parsed {
                        Err(_) => {
                            ui.colored_label(ERROR_RED, lang.period_hint());
                            None
                        }
                        Ok(_) if !folder_there => {
                            ui.colored_label(ERROR_RED, lang.folder_missing());
                            None
                        }
                        Ok(p) => {
                            let target = base.join(name_of(*p));
                            if archive_there {
                                ui.colored_label(ERROR_RED, lang.archive_exists(&target));
                                None
                            } else {
                                ui.label(RichText::new(format!("→ {}", target.display())).weak());
                                Some((*p, target))
                            }
                        }
                    };
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        let enter = super::widgets::enter_confirms(ui);
                        if ui
                            .add_enabled(ready.is_some(), egui::Button::new(lang.archive_action()))
                            .clicked()
                            || (enter && ready.is_some())
                        {
                            command = ready.clone().map(|(p, t)| Command::Archive(p, t));
                        }
                        if ui.button(lang.cancel()).clicked() {
                            closed = true;
                        }
                    });
                }
            }
        });
        (command, closed || modal.should_close())
    }
}

/// A browsed path's folder (the path itself if it is one).
fn folder_of(picked: &str) -> String {
    let path = PathBuf::from(picked.trim());
    if path.is_dir() {
        return path.display().to_string();
    }
    path.parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}
