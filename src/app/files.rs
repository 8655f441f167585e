//! Studio files: the one opened at start, opening and creating others, the copy saved
//! elsewhere, the daily backup and confirming a merge.

use super::jobs::{Job, Outcome};
use super::{App, Dialog};
use crate::i18n::Lang;
use crate::settings::Settings;
use crate::store::{self, Store};
use crate::ui::file_dialog::{PathDialog, PathPurpose};
use std::path::{Path, PathBuf};

/// Opens the studio to show at start: `--db PATH`, else the file used last, else
/// `default_file` (the data folder's, created with the demo studio on first run). A file that
/// cannot be opened is named in the returned message and the next choice is opened instead.
pub fn open_at_start(
    db: Option<&Path>,
    settings: &Settings,
    default_file: Option<PathBuf>,
) -> (Store, Option<String>) {
    let lang = settings.lang;
    let mut failed = None;
    let wanted = db
        .map(Path::to_owned)
        .or_else(|| settings.recent_files.first().cloned());
    if let Some(path) = wanted {
        match open_or_read_only(&path) {
            // Opened read-only: the banner says why, with 另存副本….
            Ok((store, _)) => return (store, None),
            Err(error) => failed = Some((path, error)),
        }
    }
    let fallback = default_file.map(|default| {
        let opened = if default.exists() {
            Store::open(&default)
        } else {
            let _ = std::fs::create_dir_all(default.parent().unwrap_or(Path::new(".")));
            let today = chrono::Local::now().date_naive();
            Store::create_with(&default, crate::demo::DEMO_STUDIO, "古城镇", |store| {
                crate::demo::seed_all(store, today)
            })
        };
        (default, opened)
    });
    match fallback {
        Some((default, Ok(store))) => {
            let message = failed.map(|(path, error)| lang.start_error(&path, &error, &default));
            (store, message)
        }
        other => {
            // No usable file at all: work in memory and say so, rather than not starting.
            let mut messages: Vec<String> = Vec::new();
            if let Some((path, error)) = failed {
                messages.push(lang.open_error(&path, &error));
            }
            if let Some((default, Err(error))) = other {
                messages.push(lang.open_error(&default, &error));
            }
            match Store::open_in_memory(lang.default_studio_name()) {
                Ok(store) => (store, Some(messages.join("\n"))),
                Err(error) => cannot_continue(&error, lang),
            }
        }
    }
}

/// Opens `path` for writing or, if it is open for writing elsewhere or cannot be written,
/// for reading only, with the reason.
pub(super) fn open_or_read_only(path: &Path) -> store::Result<(Store, Option<store::Error>)> {
    match Store::open(path) {
        Ok(store) => Ok((store, None)),
        Err(why @ (store::Error::InUse | store::Error::ReadOnly)) => {
            Ok((Store::open_read_only(path)?, Some(why)))
        }
        Err(error) => Err(error),
    }
}

/// If `store` can only be read: whether its file is marked read-only (else another window
/// has it open for writing).
pub(super) fn read_only_of(store: &Store) -> Option<bool> {
    store.is_read_only().then(|| {
        store
            .path()
            .and_then(|p| std::fs::metadata(p).ok())
            .is_some_and(|m| m.permissions().readonly())
    })
}

/// When not even a studio in memory can be made, nothing can be shown: say so and stop.
fn cannot_continue(error: &store::Error, lang: Lang) -> ! {
    eprintln!("secretary-studio: {}", lang.store_error(error));
    std::process::exit(1)
}

impl App {
    /// Backs the file up once a day while it is open (a studio in memory or a file opened
    /// read-only has nothing to back up here).
    pub(super) fn daily_backup(&mut self) {
        let today = self.today();
        if self.backed_up_on == Some(today)
            || self.store.path().is_none()
            || self.read_only.is_some()
        {
            return;
        }
        self.backed_up_on = Some(today);
        // Copying a big file takes a while: it is done beside the window, on a connection of
        // its own, and only a failure is said.
        let Some(path) = self.store.path().map(Path::to_owned) else {
            return;
        };
        let (sender, receiver) = std::sync::mpsc::channel();
        let wake = self.egui_ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("daily-backup".to_owned())
            .spawn(move || {
                let result = Store::open_read_only(&path).and_then(|s| s.daily_backup(today));
                if let Err(error) = result {
                    sender.send(error).ok();
                    if let Some(ctx) = wake {
                        ctx.request_repaint();
                    }
                }
            });
        if spawned.is_ok() {
            self.backup_failure = Some(receiver);
        }
    }

    /// Says so if the daily backup failed.
    pub(super) fn daily_backup_result(&mut self) {
        if let Some(error) = self.backup_failure.as_ref().and_then(|r| r.try_recv().ok()) {
            self.backup_failure = None;
            let message = self.settings.lang.backup_failed(&error);
            self.show_notice(message);
        }
    }

    /// "Save a copy…": where to write a copy of the studio.
    pub(super) fn open_save_copy_dialog(&mut self) {
        let lang = self.settings.lang;
        let name = format!(
            "{}-{}.db",
            lang.say_studio_copy(),
            self.today().format("%Y%m%d")
        );
        self.open_path_dialog(PathPurpose::SaveCopy, &name);
    }

    /// Asks where to put or find a studio file for `purpose`, suggesting `name` in the
    /// documents folder.
    pub(super) fn open_path_dialog(&mut self, purpose: PathPurpose, name: &str) {
        // A share or a merge starts where the last one went (the USB stick), if still there.
        let exchange = self
            .exchange_folder
            .as_ref()
            .filter(|folder| folder.is_dir())
            .filter(|_| matches!(purpose, PathPurpose::Share | PathPurpose::Merge))
            .map(|folder| folder.join(name));
        let suggested = exchange.or_else(|| Self::suggest_path(name));
        self.dialog = Some(Dialog::Path(PathDialog::new(
            purpose,
            suggested,
            self.settings.lang,
        )));
    }

    /// Where to suggest a new file: the user's Documents folder (a place they can find again
    /// in Explorer), else their home folder; never the hidden data folder.
    pub(super) fn suggest_path(name: &str) -> Option<PathBuf> {
        crate::places::documents_folder().map(|folder| folder.join(name))
    }

    /// Merges the previewed file after backing ours up; "Undo merge" is then offered.
    pub(super) fn confirm_merge(&mut self) {
        let lang = self.settings.lang;
        let preview = match self.dialog.take() {
            Some(Dialog::MergePreview(preview)) => preview,
            other => {
                self.dialog = other;
                return;
            }
        };
        if self.job.is_some() {
            self.show_notice(lang.work_busy().to_owned());
            self.dialog = Some(Dialog::MergePreview(preview));
            return;
        }
        let title = lang.merge_writing().to_owned();
        self.status = lang.working(&title);
        // One name whatever the language: the folder is 名称-备份 either way.
        let backup_name = "合并前";
        self.job = Some(Job::start_writing(
            &mut self.store,
            lang,
            title,
            self.egui_ctx.clone(),
            move |store, progress| {
                use crate::work::WorkError;
                let backup = store
                    .backup_before(backup_name)
                    .map_err(|e| WorkError::Failed(lang.store_error(&e)))?;
                match store.apply_merge(&preview, progress) {
                    Ok(written) => Ok(Outcome::Merged {
                        pictures: preview.picture_files.clone(),
                        written,
                        backup,
                        source: preview.path.clone(),
                    }),
                    Err(error) => {
                        // Nothing was merged: the copy from before is the file as it is.
                        if let Some(backup) = &backup {
                            std::fs::remove_file(backup).ok();
                        }
                        Err(match error {
                            crate::store::Error::Cancelled => WorkError::Cancelled,
                            other => WorkError::Failed(lang.merge_error(&preview.path, &other)),
                        })
                    }
                }
            },
        ));
        // Work on a studio in memory is done already.
        self.finish_work();
    }

    /// Opens another studio file; if it cannot be opened, says why and keeps the current one.
    pub fn open_file(&mut self, path: &Path) {
        // The file on screen already: opening it again would find it held (by this very
        // window) and show it read-only.
        if self.is_open_file(path) {
            self.dialog = None;
            return;
        }
        match open_or_read_only(path) {
            Ok((store, why)) => {
                self.dialog = None;
                self.replace_store(store, path);
                if why.is_some() {
                    let lang = self.settings.lang;
                    lang.read_only_reason(self.read_only == Some(true))
                        .clone_into(&mut self.status);
                }
            }
            Err(error) => self.show_error(self.settings.lang.open_error(path, &error)),
        }
    }

    /// Whether `path` is the studio file open now (the same file by another spelling too).
    pub(super) fn is_open_file(&self, path: &Path) -> bool {
        let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => a == b,
        };
        self.store.path().is_some_and(|open| same(open, path))
    }

    pub(super) fn replace_store(&mut self, store: Store, path: &Path) {
        self.read_only = read_only_of(&store);
        self.looked_elsewhere = None;
        self.store = store;
        // The loader reads the file that is open.
        self.loader = match &self.wake {
            Some(wake) => crate::ui::data::Loader::background(&self.store, wake.clone()),
            None => crate::ui::data::Loader::inline(),
        };
        // A dialog about the old file (a merge into it, an import) has no place here.
        self.dialog = None;
        self.merge_undo = None;
        self.settings.remember_file(path);
        self.status = self.settings.lang.opened(path);
        self.screens.file_changed();
        self.settings.screen = self.settings.screen.list_of_record();
    }
}
