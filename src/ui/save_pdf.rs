//! "Save PDF…": where to write a document. The path is typed or browsed (with the system's
//! dialog where there is one), so it works where no file dialog is available.

use super::Command;
use super::browse::{Browse, Mode, Request};
use super::widgets::ERROR_RED;
use crate::i18n::Lang;
use crate::print::{DocFormat, Printable};
use egui::{RichText, Ui};
use std::path::PathBuf;

/// What 浏览… looks for.
const PDF: Request<'static> = Request {
    mode: Mode::Save,
    kind: "PDF",
    extensions: &["pdf"],
};
const WORD: Request<'static> = Request {
    mode: Mode::Save,
    kind: "Word",
    extensions: &["docx"],
};

/// The save-as-PDF dialog.
pub struct SavePdfDialog {
    printable: Printable,
    /// The path as typed or browsed.
    pub path: String,
    /// The suggested file name, used when a folder is typed.
    name: std::ffi::OsString,
    /// The last path looked up in the file system: (typed, target, folder missing, exists).
    checked: Option<(String, PathBuf, bool, bool)>,
    browse: Browse,
    /// PDF or Word.
    format: DocFormat,
}

impl SavePdfDialog {
    /// A dialog for `printable`, suggesting `path`.
    pub fn new(printable: Printable, path: &std::path::Path, format: DocFormat) -> Self {
        Self {
            format,
            printable,
            path: path.display().to_string(),
            name: path.file_name().unwrap_or_default().to_owned(),
            checked: None,
            browse: Browse::default(),
        }
    }

    /// Draws the dialog; returns the command to run, and whether it was closed.
    pub fn ui(&mut self, ui: &mut Ui, lang: Lang) -> (Option<Command>, bool) {
        let mut command = None;
        let mut done = false;
        let modal = crate::ui::widgets::modal("save-pdf-dialog").show(ui.ctx(), |ui| {
            ui.set_width(560.0);
            // Long text wraps inside; the dialog never runs past the window's edge.
            ui.set_max_width(560.0);
            ui.heading(format!(
                "{}：{}",
                match self.format {
                    DocFormat::Pdf => lang.save_pdf_title(),
                    DocFormat::Word => lang.save_word_title(),
                },
                self.printable.title(lang)
            ));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let before = self.format;
                ui.radio_value(&mut self.format, DocFormat::Pdf, lang.save_as_pdf_choice());
                ui.radio_value(
                    &mut self.format,
                    DocFormat::Word,
                    lang.save_as_word_choice(),
                );
                if self.format != before {
                    self.switch_extension();
                }
            });
            let request = match self.format {
                DocFormat::Pdf => PDF,
                DocFormat::Word => WORD,
            };
            ui.horizontal(|ui| {
                let label = ui.label(lang.file_path());
                ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(360.0))
                    .labelled_by(label.id);
                self.browse.button(ui, lang, request, &mut self.path);
            });
            self.browse.folders(ui, lang, request, &mut self.path);
            ui.label(RichText::new(lang.no_dialog_hint()).weak());
            let (target, folder_missing, exists) = self.look_up();
            if folder_missing {
                ui.colored_label(ERROR_RED, lang.folder_missing());
            } else if exists {
                ui.colored_label(ERROR_RED, lang.file_exists_will_replace());
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ready = !self.path.trim().is_empty() && !folder_missing;
                let enter = super::widgets::enter_confirms(ui);
                if ui
                    .add_enabled(ready, egui::Button::new(lang.save_action()))
                    .clicked()
                    || (ready && enter)
                {
                    command = Some(Command::SavePdf(self.printable, target.clone()));
                }
                if ui.button(lang.cancel()).clicked() {
                    done = true;
                }
            });
        });
        (command, done || modal.should_close())
    }

    /// The file to write, whether its folder is missing and whether a file is there; asked of
    /// the file system only when the typed path changes, not every frame.
    fn look_up(&mut self) -> (PathBuf, bool, bool) {
        if let Some((typed, target, missing, exists)) = &self.checked
            && *typed == self.path
        {
            return (target.clone(), *missing, *exists);
        }
        let target = self.target();
        let missing = target
            .parent()
            .is_some_and(|p| !p.as_os_str().is_empty() && !p.is_dir());
        let exists = target.is_file();
        self.checked = Some((self.path.clone(), target.clone(), missing, exists));
        (target, missing, exists)
    }

    /// The typed path and the suggested name end in the chosen format's extension.
    fn switch_extension(&mut self) {
        let extension = self.format.extension();
        let mut path = PathBuf::from(self.path.trim());
        if !path.is_dir() && path.extension().is_some() {
            path.set_extension(extension);
            self.path = path.display().to_string();
        }
        let mut name = PathBuf::from(&self.name);
        name.set_extension(extension);
        self.name = name.into_os_string();
    }

    /// The file to write: the path typed, into the folder if a folder was typed, ending in
    /// `.pdf` (or `.docx` for Word).
    fn target(&self) -> PathBuf {
        let extension = self.format.extension();
        let mut target = PathBuf::from(self.path.trim());
        if target.is_dir() {
            target.push(&self.name);
        }
        if target
            .extension()
            .is_none_or(|e| !e.eq_ignore_ascii_case(extension))
            && !self.path.trim().is_empty()
        {
            target.as_mut_os_string().push(".");
            target.as_mut_os_string().push(extension);
        }
        target
    }
}
