//! The small dialogs that ask for a file: a path field (works everywhere, even where no native
//! file dialog exists) with a "Browse…" button for the system's own dialog.

use super::Command;
use super::browse::{Browse, Mode, Request};
use super::widgets::{ERROR_RED, enter_confirms, submitted};
use crate::i18n::Lang;
use egui::Ui;
use std::path::{Path, PathBuf};

/// What the chosen path is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    /// File → New…
    NewStudio,
    /// File → Open…
    OpenStudio,
    /// File → Save a copy…
    SaveCopy,
    /// File → Merge a file…
    Merge,
    /// File → Share…
    Share,
}

/// A dialog asking for a studio file path.
pub struct PathDialog {
    purpose: PathPurpose,
    /// The path as typed or browsed.
    pub path: String,
    /// For a new studio: its name.
    pub studio_name: String,
    /// For a new studio: its town.
    pub town: String,
    /// The last path looked up, and whether a file was there.
    checked: Option<(String, bool)>,
    /// Share: a passphrase that protects the file (empty: none); merge: the one that opens it.
    pub passphrase: String,
    /// Share: the passphrase typed again.
    pub passphrase_again: String,
    /// Share: leave the pictures' originals out.
    pub thumbnails_only: bool,
    browse: Browse,
    /// The file name first suggested, used when a folder is typed (a USB stick's).
    name: std::ffi::OsString,
    /// The path field took the keyboard when the dialog opened.
    focused: bool,
}

impl PathDialog {
    /// A dialog for `purpose`, starting from `suggested`.
    pub fn new(purpose: PathPurpose, suggested: Option<PathBuf>, lang: Lang) -> Self {
        Self {
            purpose,
            name: suggested
                .as_deref()
                .and_then(Path::file_name)
                .unwrap_or_default()
                .to_owned(),
            path: suggested
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            studio_name: format!("{}{}", lang.say_default_town(), lang.default_studio_name()),
            town: lang.say_default_town().to_owned(),
            checked: None,
            passphrase: String::new(),
            passphrase_again: String::new(),
            thumbnails_only: false,
            browse: Browse::default(),
            focused: false,
        }
    }

    /// Draws the dialog; returns the command to run, and whether the user cancelled.
    pub fn ui(&mut self, ui: &mut Ui, lang: Lang) -> (Option<Command>, bool) {
        let mut command = None;
        let mut done = false;
        let (title, action) = match self.purpose {
            PathPurpose::NewStudio => (lang.dialog_new_title(), lang.create()),
            PathPurpose::OpenStudio => (lang.dialog_open_title(), lang.open()),
            PathPurpose::SaveCopy => (lang.dialog_save_copy_title(), lang.save()),
            PathPurpose::Merge => (lang.dialog_merge_title(), lang.preview_merge()),
            PathPurpose::Share => (lang.dialog_share_title(), lang.share_action()),
        };
        let modal = crate::ui::widgets::modal("path-dialog").show(ui.ctx(), |ui| {
            ui.set_width(560.0);
            // Long text wraps inside; the dialog never runs past the window's edge.
            ui.set_max_width(560.0);
            ui.heading(title);
            ui.add_space(6.0);
            if self.purpose == PathPurpose::NewStudio {
                egui::Grid::new("new-studio").num_columns(2).show(ui, |ui| {
                    let label = ui.label(lang.studio_name());
                    ui.add(egui::TextEdit::singleline(&mut self.studio_name).desired_width(380.0))
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.town());
                    ui.text_edit_singleline(&mut self.town)
                        .labelled_by(label.id);
                    ui.end_row();
                });
            }
            let mut enter = false;
            let mut picked = false;
            ui.horizontal(|ui| {
                let label = ui.label(lang.file_path());
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.path).desired_width(380.0))
                    .labelled_by(label.id);
                // The path can be typed (or pasted) as soon as the dialog opens.
                if !self.focused {
                    self.focused = true;
                    field.request_focus();
                }
                enter = submitted(&field);
                picked = self
                    .browse
                    .button(ui, lang, self.browse_request(lang), &mut self.path);
            });
            let request = self.browse_request(lang);
            picked |= self.browse.folders(ui, lang, request, &mut self.path);
            // A file picked to open or merge is acted on at once, as a sheet picked to import
            // is previewed.
            let picked =
                picked && matches!(self.purpose, PathPurpose::OpenStudio | PathPurpose::Merge);
            ui.label(egui::RichText::new(lang.no_dialog_hint()).weak());
            let target = self.target();
            let exists = self.exists(&target);
            let mut passphrase_ok = true;
            if matches!(self.purpose, PathPurpose::Share | PathPurpose::Merge) {
                ui.add_space(4.0);
                egui::Grid::new("passphrase").num_columns(2).show(ui, |ui| {
                    let label = ui.label(if self.purpose == PathPurpose::Share {
                        lang.share_passphrase()
                    } else {
                        lang.merge_passphrase()
                    });
                    ui.add(
                        egui::TextEdit::singleline(&mut self.passphrase)
                            .password(true)
                            .desired_width(240.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    if self.purpose == PathPurpose::Share && !self.passphrase.is_empty() {
                        let label = ui.label(lang.passphrase_again());
                        ui.add(
                            egui::TextEdit::singleline(&mut self.passphrase_again)
                                .password(true)
                                .desired_width(240.0),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                    }
                });
                if self.purpose == PathPurpose::Share {
                    ui.checkbox(&mut self.thumbnails_only, lang.thumbnails_only());
                }
                if self.purpose == PathPurpose::Share && !self.passphrase.is_empty() {
                    passphrase_ok = self.passphrase == self.passphrase_again;
                    if !passphrase_ok && !self.passphrase_again.is_empty() {
                        ui.colored_label(ERROR_RED, lang.passphrase_mismatch());
                    } else {
                        ui.label(egui::RichText::new(lang.passphrase_note()).weak());
                    }
                }
            }
            let (action, allowed) = match (self.purpose, exists) {
                (PathPurpose::NewStudio, true) => {
                    ui.colored_label(ERROR_RED, lang.file_exists_choose_another());
                    (action, false)
                }
                (PathPurpose::SaveCopy | PathPurpose::Share, true) => {
                    ui.colored_label(ERROR_RED, lang.file_exists_will_replace());
                    (lang.replace(), true)
                }
                _ => (action, true),
            };
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = allowed && passphrase_ok && !self.path.trim().is_empty();
                let passphrase = (!self.passphrase.is_empty()).then(|| self.passphrase.clone());
                if ui.add_enabled(ready, egui::Button::new(action)).clicked()
                    || (ready && (enter || picked || enter_confirms(ui)))
                {
                    command = Some(match self.purpose {
                        PathPurpose::NewStudio => Command::NewStudio {
                            path: target.clone(),
                            name: self.studio_name.trim().to_owned(),
                            town: self.town.trim().to_owned(),
                        },
                        PathPurpose::OpenStudio => Command::OpenFile(target.clone()),
                        PathPurpose::Merge => Command::PlanMerge(target.clone(), passphrase),
                        PathPurpose::Share => {
                            Command::Share(target.clone(), passphrase, self.thumbnails_only)
                        }
                        PathPurpose::SaveCopy => Command::SaveCopy {
                            path: target.clone(),
                            replace: exists,
                        },
                    });
                    // The dialog stays until the app reports success, so a path that failed
                    // is still there to correct.
                }
                if ui.button(lang.cancel()).clicked() {
                    done = true;
                }
            });
        });
        (command, done || modal.should_close())
    }

    /// The file the dialog would act on: `.db` is added to a new name typed without one; a
    /// folder typed (a USB stick's, `E:\`) gets the suggested file's name inside it.
    fn target(&self) -> PathBuf {
        let typed = self.path.trim();
        let path = PathBuf::from(typed);
        match self.purpose {
            PathPurpose::OpenStudio | PathPurpose::Merge => path,
            PathPurpose::NewStudio | PathPurpose::SaveCopy | PathPurpose::Share => {
                let folder = path.is_dir() || typed.ends_with(['/', '\\']);
                if folder && !self.name.is_empty() {
                    path.join(&self.name)
                } else {
                    with_db_extension(path)
                }
            }
        }
    }

    /// Whether a file is there; asked of the file system only when the path changes.
    fn exists(&mut self, target: &Path) -> bool {
        let key = target.display().to_string();
        match &self.checked {
            Some((checked, exists)) if *checked == key => *exists,
            _ => {
                let exists = target.is_file();
                self.checked = Some((key, exists));
                exists
            }
        }
    }

    /// What 浏览… looks for: studio files, to open or to write.
    fn browse_request(&self, lang: Lang) -> Request<'static> {
        Request {
            mode: match self.purpose {
                PathPurpose::OpenStudio | PathPurpose::Merge => Mode::Open,
                PathPurpose::NewStudio | PathPurpose::SaveCopy | PathPurpose::Share => Mode::Save,
            },
            kind: lang.app_title(),
            extensions: &["db", "sqlite", "studio"],
        }
    }
}

/// Adds `.db` to a name typed without an extension.
fn with_db_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension("db")
    } else {
        path
    }
}
