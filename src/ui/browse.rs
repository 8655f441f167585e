//! 浏览…: the system's file dialog where there is one, else a folder browser inside the dialog
//! that asked. A bare X session, and many UOS/Kylin installs, have neither a desktop portal nor
//! `zenity`; rfd then returns at once with nothing, and the button would seem dead. The typed
//! path stays the one truth: browsing only fills it in.

use crate::i18n::Lang;
use egui::{RichText, Ui};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Whether a file is chosen to read or named to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// An existing file (open, merge, import).
    Open,
    /// A file to write (new, save, export, PDF).
    Save,
    /// A file or a whole folder (photos from a phone's folder; where an archive goes).
    FileOrFolder,
}

/// What to browse for: the kind of file, by name and extensions (`"*"` for any).
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// Open or save.
    pub mode: Mode,
    /// The kind's name in the filter, e.g. "Excel / CSV".
    pub kind: &'a str,
    /// Its extensions, without the dot.
    pub extensions: &'a [&'a str],
}

/// Set once the system's dialog has been found missing (or by tests): every later 浏览… opens
/// the folder browser at once.
static NO_SYSTEM_DIALOG: AtomicBool = AtomicBool::new(false);

/// A person cannot cancel a dialog this fast: a dialog that returns sooner never showed.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(300);

/// From now on 浏览… uses the folder browser instead of the system's dialog (tests, where a
/// system dialog would block or differ from machine to machine).
pub fn use_folder_browser() {
    NO_SYSTEM_DIALOG.store(true, Ordering::Relaxed);
}

/// The 浏览… button of one path field and, when needed, its folder browser.
#[derive(Debug, Default)]
pub struct Browse {
    folder_browser: Option<FolderBrowser>,
}

impl Browse {
    /// Draws 浏览… (in the row of the path field). Returns whether `path` changed.
    pub fn button(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        request: Request<'_>,
        path: &mut String,
    ) -> bool {
        if !ui.button(lang.browse()).clicked() {
            return false;
        }
        if self.folder_browser.take().is_some() {
            return false;
        }
        if !NO_SYSTEM_DIALOG.load(Ordering::Relaxed) {
            let asked = Instant::now();
            if let Some(chosen) = system_dialog(lang, request, path) {
                *path = chosen.display().to_string();
                return true;
            }
            if asked.elapsed() >= NO_DIALOG_WITHIN {
                return false; // cancelled
            }
            NO_SYSTEM_DIALOG.store(true, Ordering::Relaxed);
        }
        self.folder_browser = Some(FolderBrowser::new(start_folder(path)));
        false
    }

    /// Draws the folder browser, if open (under the path field's row). Returns whether `path`
    /// changed.
    pub fn folders(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        request: Request<'_>,
        path: &mut String,
    ) -> bool {
        match &mut self.folder_browser {
            Some(browser) => browser.ui(ui, lang, request, path),
            None => false,
        }
    }
}

/// The system's own dialog (rfd), starting where the typed path points.
fn system_dialog(lang: Lang, request: Request<'_>, typed: &str) -> Option<PathBuf> {
    let current = PathBuf::from(typed.trim());
    let mut dialog = rfd::FileDialog::new().add_filter(request.kind, request.extensions);
    if !request.extensions.contains(&"*") {
        dialog = dialog.add_filter(lang.all(), &["*"]);
    }
    if let Some(folder) = current.parent().filter(|p| p.is_dir()) {
        dialog = dialog.set_directory(folder);
    } else if let Some(documents) = crate::places::documents_folder() {
        dialog = dialog.set_directory(documents);
    }
    match request.mode {
        Mode::Open | Mode::FileOrFolder => dialog.pick_file(),
        Mode::Save => {
            if let Some(name) = current.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            dialog.save_file()
        }
    }
}

/// Where the browser starts: the typed path's folder, else the documents folder.
fn start_folder(typed: &str) -> PathBuf {
    let typed = PathBuf::from(typed.trim());
    let folder = if typed.is_dir() {
        Some(typed)
    } else {
        typed.parent().filter(|p| p.is_dir()).map(Path::to_owned)
    };
    folder
        .or_else(crate::places::documents_folder)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// A shortcut beside the folder list.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    Home,
    Documents,
    Desktop,
    /// A drive (Windows) or a mounted stick (Linux), by its name.
    Drive(String),
    /// The file system's root (Linux).
    Root,
}

/// The user's home, documents and desktop folders, then the drives: `C:`…`Z:` on Windows;
/// on Linux the sticks mounted under `/media/<user>` or `/run/media/<user>`, and `/`.
fn places() -> Vec<(Place, PathBuf)> {
    let mut places = Vec::new();
    if let Some(user) = directories::UserDirs::new() {
        places.push((Place::Home, user.home_dir().to_owned()));
        if let Some(documents) = user.document_dir() {
            places.push((Place::Documents, documents.to_owned()));
        }
        if let Some(desktop) = user.desktop_dir() {
            places.push((Place::Desktop, desktop.to_owned()));
        }
    }
    if cfg!(windows) {
        for letter in 'C'..='Z' {
            let root = PathBuf::from(format!("{letter}:\\"));
            if root.is_dir() {
                places.push((Place::Drive(format!("{letter}:")), root));
            }
        }
    } else {
        let user = std::env::var("USER").unwrap_or_default();
        for media in [
            PathBuf::from("/media").join(&user),
            PathBuf::from("/run/media").join(&user),
        ] {
            if let Ok(sticks) = std::fs::read_dir(&media) {
                for stick in sticks.flatten().filter(|s| s.path().is_dir()) {
                    let name = stick.file_name().to_string_lossy().into_owned();
                    places.push((Place::Drive(name), stick.path()));
                }
            }
        }
        places.push((Place::Root, PathBuf::from("/")));
    }
    places
}

/// A folder's list inside the dialog: its sub-folders, then its files of the kind asked for.
#[derive(Debug)]
struct FolderBrowser {
    folder: PathBuf,
    /// Read when the folder changes, never per frame.
    entries: Result<Vec<Entry>, String>,
    places: Vec<(Place, PathBuf)>,
}

#[derive(Debug)]
struct Entry {
    name: String,
    is_folder: bool,
}

/// More than anyone scrolls through; the rest are left out (with a note).
const MAX_ENTRIES: usize = 5_000;

impl FolderBrowser {
    fn new(folder: PathBuf) -> Self {
        let mut browser = Self {
            folder: PathBuf::new(),
            entries: Ok(Vec::new()),
            places: places(),
        };
        browser.enter(folder);
        browser
    }

    fn enter(&mut self, folder: PathBuf) {
        self.entries = std::fs::read_dir(&folder)
            .map(|list| {
                let mut entries: Vec<Entry> = list
                    .flatten()
                    .filter_map(|entry| {
                        let name = entry.file_name().to_string_lossy().into_owned();
                        // Hidden files, and our own temporary files beside a studio.
                        (!name.starts_with('.')).then(|| Entry {
                            is_folder: entry.path().is_dir(),
                            name,
                        })
                    })
                    .take(MAX_ENTRIES)
                    .collect();
                entries.sort_by(|a, b| b.is_folder.cmp(&a.is_folder).then(a.name.cmp(&b.name)));
                entries
            })
            .map_err(|e| e.to_string());
        self.folder = folder;
    }

    fn ui(&mut self, ui: &mut Ui, lang: Lang, request: Request<'_>, path: &mut String) -> bool {
        let mut changed = false;
        let mut go_to = None;
        ui.group(|ui| {
            ui.label(RichText::new(lang.browse_no_system_dialog()).weak());
            ui.horizontal_wrapped(|ui| {
                if let Some(parent) = self.folder.parent()
                    && ui.button(lang.browse_up()).clicked()
                {
                    go_to = Some(parent.to_owned());
                }
                for (place, folder) in &self.places {
                    let name = match place {
                        Place::Home => lang.browse_home(),
                        Place::Documents => lang.browse_documents(),
                        Place::Desktop => lang.browse_desktop(),
                        Place::Drive(name) => name.as_str(),
                        Place::Root => lang.browse_root(),
                    };
                    if ui
                        .selectable_label(self.folder == *folder, name)
                        .on_hover_text(folder.display().to_string())
                        .clicked()
                    {
                        go_to = Some(folder.clone());
                    }
                }
            });
            ui.horizontal(|ui| {
                ui.label(format!(
                    "{}{}",
                    lang.browse_location(),
                    self.folder.display()
                ));
                if request.mode == Mode::FileOrFolder
                    && ui.button(lang.browse_use_folder()).clicked()
                {
                    *path = self.folder.display().to_string();
                    changed = true;
                }
            });
            match &self.entries {
                Err(error) => {
                    ui.colored_label(super::widgets::ERROR_RED, error);
                }
                Ok(entries) => {
                    let shown: Vec<&Entry> = entries
                        .iter()
                        .filter(|e| e.is_folder || matches_kind(&e.name, request.extensions))
                        .collect();
                    if shown.is_empty() {
                        ui.label(RichText::new(lang.browse_empty()).weak());
                    }
                    let selected = PathBuf::from(path.trim());
                    let row_height = ui.spacing().interact_size.y;
                    egui::ScrollArea::vertical()
                        .max_height(180.0)
                        // Inside a box the room below is not known: as tall as the rows, up to this.
                        .min_scrolled_height(180.0)
                        .auto_shrink([false, true])
                        .show_rows(ui, row_height, shown.len(), |ui, rows| {
                            for entry in &shown[rows] {
                                let full = self.folder.join(&entry.name);
                                let text = if entry.is_folder {
                                    RichText::new(format!(
                                        "{}{}",
                                        entry.name,
                                        std::path::MAIN_SEPARATOR
                                    ))
                                    .strong()
                                } else {
                                    RichText::new(&entry.name)
                                };
                                if ui.selectable_label(full == selected, text).clicked() {
                                    if entry.is_folder {
                                        go_to = Some(full);
                                    } else {
                                        *path = full.display().to_string();
                                        changed = true;
                                    }
                                }
                            }
                        });
                    if entries.len() == MAX_ENTRIES {
                        ui.label(RichText::new(lang.browse_too_many(MAX_ENTRIES)).weak());
                    }
                }
            }
        });
        if let Some(folder) = go_to {
            // Saving: the file keeps its name and moves into the folder chosen.
            if request.mode == Mode::Save {
                let name = Path::new(path.trim())
                    .file_name()
                    .map(std::ffi::OsStr::to_os_string)
                    .unwrap_or_default();
                *path = folder.join(name).display().to_string();
                changed = true;
            }
            self.enter(folder);
        }
        changed
    }
}

/// Whether a file's name ends in one of `extensions` (any, with `"*"`).
fn matches_kind(name: &str, extensions: &[&str]) -> bool {
    extensions.contains(&"*")
        || Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_of_the_kind_asked_for_are_listed_and_any_with_a_star() {
        assert!(matches_kind("花名册.XLSX", &["xlsx", "csv"]));
        assert!(matches_kind("花名册.csv", &["xlsx", "csv"]));
        assert!(!matches_kind("照片.jpg", &["xlsx", "csv"]));
        assert!(!matches_kind("没有扩展名", &["db"]));
        assert!(matches_kind("照片.jpg", &["*"]));
    }

    #[test]
    fn the_browser_starts_in_the_typed_paths_folder_and_lists_folders_first() {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::create_dir(dir.path().join("乙 文件夹")).expect("folder");
        std::fs::write(dir.path().join("甲.db"), b"x").expect("file");
        std::fs::write(dir.path().join(".甲.db.1.partial"), b"x").expect("file");
        let typed = dir.path().join("新的.db").display().to_string();
        let browser = FolderBrowser::new(start_folder(&typed));
        assert_eq!(browser.folder, dir.path());
        let entries = browser.entries.expect("listed");
        let names: Vec<_> = entries
            .iter()
            .map(|e| (e.name.as_str(), e.is_folder))
            .collect();
        assert_eq!(names, [("乙 文件夹", true), ("甲.db", false)]);
    }
}
