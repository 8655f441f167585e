//! Long work off the window's thread: a year's report, a big export, any printout. The work
//! runs on a worker thread with its own read-only connection to the studio file (the window's
//! connection goes on writing), reports its progress and stops when cancelled, writing
//! nothing.

use super::Dialog;
use crate::i18n::Lang;
use crate::print::{LedgerPrintout, Printable};
use crate::store::Store;
use crate::ui::Screen;
use crate::work::{Progress, WorkError};
use std::path::PathBuf;
use std::sync::{Arc, mpsc};

/// What finished work produced.
#[derive(Debug)]
pub enum Outcome {
    /// A PDF of `pages` pages at `path`, to be opened in the viewer if `open`.
    Printed {
        /// Where.
        path: PathBuf,
        /// How many pages.
        pages: usize,
        /// Show it in the system viewer.
        open: bool,
    },
    /// A ledger exported to `path`, its main table `rows` long.
    Exported {
        /// Where.
        path: PathBuf,
        /// Rows of the main table.
        rows: usize,
    },
    /// A share file written.
    Shared {
        /// Where.
        path: PathBuf,
        /// What it says of itself.
        manifest: crate::store::merge::ShareManifest,
    },
    /// Another village's file read and its merge planned (nothing written yet).
    MergePlanned(Box<crate::store::merge::MergePreview>),
    /// A period's archive written.
    Archived(crate::archive::ArchiveSummary),
    /// Pictures attached; the files refused, each with why.
    Attached {
        /// What they were attached to, named.
        to: String,
        /// How many were attached.
        count: usize,
        /// Why the others were not (one sentence per file).
        refused: Vec<String>,
    },
    /// A merge written, after a backup.
    Merged {
        /// Records written.
        written: usize,
        /// The copy of the file from before.
        backup: Option<PathBuf>,
        /// The file merged.
        source: PathBuf,
        /// What of pictures came.
        pictures: crate::store::merge::PictureFiles,
    },
}

/// The result of work.
pub type WorkResult = Result<Outcome, WorkError>;

/// Work running (or run) on a worker thread.
pub struct Job {
    /// What it is doing, for the status line ("正在处理：2025年工作情况报告…").
    pub title: String,
    progress: Arc<Progress>,
    receiver: mpsc::Receiver<WorkResult>,
    /// Until the work is started: where its result goes (dropped once sent, so a worker that
    /// panics leaves the channel disconnected).
    sender: Option<mpsc::Sender<WorkResult>>,
    lang: Lang,
    /// Whether the work writes to the studio file (the window then must not).
    pub writes: bool,
}

impl Job {
    /// Starts `work` on a reader of `store`'s file on a worker thread, waking `wake` when it is
    /// done; a studio held in memory (tests) has no file to share, so its work runs here.
    pub fn start(
        store: &Store,
        lang: Lang,
        title: String,
        wake: Option<egui::Context>,
        work: impl FnOnce(&Store, &Progress) -> WorkResult + Send + 'static,
    ) -> Self {
        let mut job = Self::new(lang, title, false);
        match store.reader() {
            Ok(Some(reader)) => job.spawn(wake, move |progress| work(&reader, progress)),
            Ok(None) => job.finish(work(store, &job.progress.clone())),
            Err(error) => job.finish(Err(WorkError::Failed(lang.store_error(&error)))),
        }
        job
    }

    /// Starts `work` that writes to `store`'s file on a worker thread, with a connection of
    /// its own; the window must not write until it is done, and then calls
    /// `Store::written_elsewhere`. A studio held in memory is written here.
    pub fn start_writing(
        store: &mut Store,
        lang: Lang,
        title: String,
        wake: Option<egui::Context>,
        work: impl FnOnce(&mut Store, &Progress) -> WorkResult + Send + 'static,
    ) -> Self {
        let mut job = Self::new(lang, title, true);
        match store.writer() {
            Ok(Some(mut writer)) => job.spawn(wake, move |progress| work(&mut writer, progress)),
            Ok(None) => job.finish(work(store, &job.progress.clone())),
            Err(error) => job.finish(Err(WorkError::Failed(lang.store_error(&error)))),
        }
        job
    }

    fn new(lang: Lang, title: String, writes: bool) -> Self {
        let (sender, receiver) = mpsc::channel();
        Self {
            title,
            progress: Arc::new(Progress::new()),
            receiver,
            sender: Some(sender),
            lang,
            writes,
        }
    }

    /// The result of work done without a thread.
    fn finish(&mut self, result: WorkResult) {
        if let Some(sender) = self.sender.take() {
            sender.send(result).ok();
        }
    }

    fn spawn(
        &mut self,
        wake: Option<egui::Context>,
        work: impl FnOnce(&Progress) -> WorkResult + Send + 'static,
    ) {
        let Some(sender) = self.sender.take() else {
            return;
        };
        let shared = Arc::clone(&self.progress);
        let fallback = sender.clone();
        let spawned = std::thread::Builder::new()
            .name("studio-work".to_owned())
            .spawn(move || {
                let result = work(&shared);
                // The window may have closed; then nobody waits for the result.
                sender.send(result).ok();
                if let Some(ctx) = wake {
                    ctx.request_repaint();
                }
            });
        if let Err(error) = spawned {
            fallback
                .send(Err(WorkError::Failed(format!(
                    "{}{error}",
                    self.lang.work_could_not_start()
                ))))
                .ok();
        }
    }

    /// The result, once the work is done.
    pub fn poll(&self) -> Option<WorkResult> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(mpsc::TryRecvError::Empty) => None,
            // The worker ended without a word: it panicked.
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(WorkError::Failed(
                self.lang.work_stopped_nothing_written().to_owned(),
            ))),
        }
    }

    /// The fraction done (0 to 1).
    pub fn fraction(&self) -> f32 {
        self.progress.fraction()
    }

    /// Asks the work to stop; it writes nothing.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// Whether cancel was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.progress.is_cancelled()
    }

    /// Waits for the result (for the command line and tests).
    pub fn wait(self) -> WorkResult {
        self.receiver
            .recv()
            .unwrap_or_else(|_| Err(WorkError::Failed(self.lang.work_stopped().to_owned())))
    }
}

impl super::App {
    /// Closes the dialog open if it is the one `which` names (the one the work was for).
    fn close_dialog(&mut self, which: impl Fn(&Dialog) -> bool) {
        if self.dialog.as_ref().is_some_and(which) {
            self.dialog = None;
        }
    }

    /// The folder printed PDFs go into (created if need be).
    fn print_folder(&self) -> std::io::Result<PathBuf> {
        // One folder whatever the language, so switching it does not scatter the printouts.
        let folder = self.print_folder.clone().unwrap_or_else(|| {
            crate::places::documents_folder()
                .unwrap_or_else(std::env::temp_dir)
                .join(Lang::Zh.print_folder())
        });
        std::fs::create_dir_all(&folder)?;
        Ok(folder)
    }

    /// Where `printable` goes unless the user says otherwise: the documents folder, named after
    /// the document (a session's also after its day and topic), in a name Windows accepts.
    pub(super) fn print_path(
        &self,
        printable: Printable,
        format: crate::print::DocFormat,
    ) -> Result<PathBuf, String> {
        let lang = self.settings.lang;
        let folder = self.print_folder().map_err(|error| {
            let folder = self.print_folder.clone().unwrap_or_default();
            lang.print_error(&folder, &error.to_string())
        })?;
        let name = match printable {
            Printable::Session(_, session) => match self.store.session(session) {
                Ok(Some(fields)) => format!(
                    "{}-{}-{}",
                    fields.held_on.format("%Y%m%d"),
                    fields.topic,
                    printable.title(lang)
                ),
                Ok(None) => return Err(lang.no_such_session(session.0)),
                Err(error) => return Err(lang.store_error(&error)),
            },
            Printable::Ledger(LedgerPrintout::Problems(..)) => format!(
                "{}-{}",
                self.today().format("%Y%m%d"),
                printable.title(lang)
            ),
            Printable::Ledger(_) => printable.title(lang),
            Printable::Letters(_)
            | Printable::Checkup(_)
            | Printable::Base(_)
            | Printable::Decision(_) => printable
                .title_in(&self.store, lang)
                .map_err(|e| lang.store_error(&e))?,
        };
        let name = crate::places::safe_file_name(&name);
        // Never over an earlier printout: 名称.pdf, 名称 (2).pdf, …
        let extension = format.extension();
        let mut path = folder.join(format!("{name}.{extension}"));
        let mut n = 2;
        while path.exists() {
            path = folder.join(format!("{name} ({n}).{extension}"));
            n += 1;
        }
        Ok(path)
    }

    /// Writes `printable` on a worker thread: to `path` if given (Save PDF…), else into the
    /// documents folder and then opened in the system viewer.
    pub(super) fn print(&mut self, printable: Printable, path: Option<PathBuf>) {
        let lang = self.settings.lang;
        // Print opens the file in the viewer; Save PDF… only writes it.
        let open = path.is_none();
        let path = match path.map_or_else(
            || self.print_path(printable, crate::print::DocFormat::Pdf),
            Ok,
        ) {
            Ok(path) => path,
            Err(message) => {
                self.show_error(message);
                return;
            }
        };
        let today = self.today();
        self.start_work(printable.title(lang), move |store, progress| {
            let pages = crate::print::write(store, printable, lang, today, &path, progress)?;
            Ok(Outcome::Printed { path, pages, open })
        });
    }

    /// Reads, checks and attaches `paths` to `owner` on a worker thread with a connection of
    /// its own, in one write: one picture in memory at a time (fifty phone photos do not all
    /// sit in memory), cancelling writes nothing. A file refused is named with why; the others
    /// are attached.
    pub(super) fn attach_pictures(
        &mut self,
        owner: crate::domain::picture::PictureOwner,
        kind: crate::domain::picture::PictureKind,
        caption: String,
        paths: Vec<PathBuf>,
    ) {
        let lang = self.settings.lang;
        if self.job.is_some() {
            self.show_notice(lang.work_busy().to_owned());
            return;
        }
        if self.store.is_read_only() {
            self.show_error(lang.read_only_file().to_owned());
            return;
        }
        let title = lang.attaching().to_owned();
        self.status = lang.working(&title);
        // Named in the result: it may come while another screen is shown.
        let to = match owner {
            crate::domain::picture::PictureOwner::Session(id) => self
                .store
                .session(id)
                .ok()
                .flatten()
                .map(|f| format!("{} {}", f.held_on.format("%Y-%m-%d"), f.topic)),
            crate::domain::picture::PictureOwner::Problem(id) => self
                .store
                .problem(id)
                .ok()
                .flatten()
                .map(|p| p.fields.title),
            crate::domain::picture::PictureOwner::ThemeDay(id) => self
                .store
                .theme_day(id)
                .ok()
                .flatten()
                .map(|(branch, d)| format!("{branch} {}", lang.month_of_year(d.year, d.month))),
            crate::domain::picture::PictureOwner::Base(id) => {
                self.store.base(id).ok().flatten().map(|b| b.fields.name)
            }
        }
        .unwrap_or_default();
        self.job = Some(Job::start_writing(
            &mut self.store,
            lang,
            title,
            self.egui_ctx.clone(),
            move |store, progress| {
                let mut refused = Vec::new();
                let total = paths.len().max(1);
                let count = store
                    .write(|w| {
                        let mut count = 0;
                        for (n, path) in paths.iter().enumerate() {
                            #[allow(clippy::cast_precision_loss)]
                            progress
                                .step(n as f32 / total as f32)
                                .map_err(|_| crate::store::Error::Cancelled)?;
                            let name = path
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            // One attached already is known by its bytes' digest, not decoded.
                            let bytes = crate::pictures::read_bytes(path);
                            if let Ok(bytes) = &bytes
                                && w.has_picture(owner, &crate::pictures::digest(bytes))?
                            {
                                refused.push(lang.picture_already_attached(path));
                                continue;
                            }
                            match bytes.and_then(crate::pictures::prepare) {
                                Ok(picture) => {
                                    // A PDF is a scan, whichever button brought it.
                                    let kind =
                                        if picture.media == crate::domain::picture::Media::Pdf {
                                            crate::domain::picture::PictureKind::Scan
                                        } else {
                                            kind
                                        };
                                    w.attach_picture(owner, kind, &caption, &name, &picture)?;
                                    count += 1;
                                }
                                Err(error) => refused.push(lang.picture_error(path, &error)),
                            }
                        }
                        Ok(count)
                    })
                    .map_err(|e| match e {
                        crate::store::Error::Cancelled => WorkError::Cancelled,
                        other => WorkError::Failed(lang.store_error(&other)),
                    })?;
                progress.step(1.0).ok();
                Ok(Outcome::Attached { to, count, refused })
            },
        ));
        // Work on a studio in memory is done already.
        self.finish_work();
    }

    /// Starts long work, unless some is running (then says so).
    pub(super) fn start_work(
        &mut self,
        title: String,
        work: impl FnOnce(&Store, &crate::work::Progress) -> WorkResult + Send + 'static,
    ) {
        let lang = self.settings.lang;
        if self.job.is_some() {
            self.show_notice(lang.work_busy().to_owned());
            return;
        }
        self.status = lang.working(&title);
        self.job = Some(Job::start(
            &self.store,
            lang,
            title,
            self.egui_ctx.clone(),
            work,
        ));
        // Work on a studio in memory is done already.
        self.finish_work();
    }

    /// Takes the result of finished work: says what was written and opens a printout, or
    /// says why nothing was.
    pub(super) fn finish_work(&mut self) {
        let Some(result) = self.job.as_ref().and_then(Job::poll) else {
            return;
        };
        self.job = None;
        let lang = self.settings.lang;
        match result {
            Ok(Outcome::Printed { path, pages, open }) => {
                self.close_dialog(|d| matches!(d, Dialog::SavePdf(_)));
                self.status = if open {
                    lang.printed(pages, &path)
                } else {
                    lang.saved_pdf(pages, &path)
                };
                self.last_printed = Some(path.clone());
                self.status_file = Some((self.status.clone(), path.clone()));
                if open && self.open_viewer && opener::open(&path).is_err() {
                    self.show_notice(lang.printed_no_viewer(&path));
                }
            }
            Ok(Outcome::Exported { path, rows }) => {
                self.close_dialog(|d| matches!(d, Dialog::Export(_)));
                self.status = lang.exported(rows, &path);
                self.status_file = Some((self.status.clone(), path));
            }
            Ok(Outcome::Shared { path, manifest }) => {
                self.close_dialog(|d| matches!(d, Dialog::Path(_)));
                self.status = lang.shared(&path, &manifest);
                self.status_file = Some((self.status.clone(), path));
            }
            Ok(Outcome::Archived(summary)) => {
                self.close_dialog(|d| matches!(d, Dialog::Documents(_)));
                self.status = lang.archived(&summary);
                self.status_file = Some((self.status.clone(), summary.folder));
            }
            Ok(Outcome::Attached { to, count, refused }) => {
                if let Err(error) = self.store.written_elsewhere() {
                    self.show_error(lang.store_error(&error));
                }
                self.status = lang.attached_pictures(&to, count, refused.len());
                if !refused.is_empty() {
                    let mut message = self.status.clone();
                    for line in &refused {
                        message.push('\n');
                        message.push_str(line);
                    }
                    self.show_notice(message);
                }
            }
            Ok(Outcome::MergePlanned(preview)) => {
                self.close_dialog(|d| matches!(d, Dialog::Path(_)));
                if preview.is_empty() {
                    lang.merge_nothing().clone_into(&mut self.status);
                } else {
                    lang.merge_review().clone_into(&mut self.status);
                }
                self.dialog = Some(Dialog::MergePreview(preview));
            }
            Ok(Outcome::Merged {
                written,
                backup,
                source: _,
                pictures,
            }) => {
                if let Err(error) = self.store.written_elsewhere() {
                    self.show_error(lang.store_error(&error));
                }
                self.undo = None;
                let waiting = self.review_waiting();
                let files = lang.merge_picture_files(
                    pictures.new,
                    pictures.thumbnails_only,
                    pictures.originals,
                );
                self.status = if written == 0 && !pictures.digests.is_empty() {
                    // Only pictures' originals came: no "0 records merged".
                    files
                } else if pictures.digests.is_empty() {
                    lang.merged_with_review(written, backup.as_deref(), waiting)
                } else {
                    format!(
                        "{}　{files}",
                        lang.merged_with_review(written, backup.as_deref(), waiting)
                    )
                };
                self.merge_undo = backup;
                if waiting > 0 {
                    self.settings.screen = Screen::Review;
                }
            }
            Err(crate::work::WorkError::Cancelled) => {
                self.status = lang.work_error(crate::work::WorkError::Cancelled);
            }
            Err(crate::work::WorkError::Failed(message)) => self.show_error(message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn studio_file(folder: &std::path::Path) -> Store {
        let path = folder.join("studio.db");
        Store::create_with(&path, "古城镇书记工作室", "古城镇", crate::demo::seed).expect("demo");
        Store::open(&path).expect("open")
    }

    #[test]
    fn work_on_a_file_runs_on_its_own_connection_while_the_window_writes() {
        let folder = tempfile::tempdir().expect("tempdir");
        let mut store = studio_file(folder.path());
        let (go, wait) = mpsc::channel::<()>();
        let job = Job::start(
            &store,
            Lang::Zh,
            "导出".to_owned(),
            None,
            move |reader, _| {
                // Hold a read transaction open while the window writes.
                wait.recv().ok();
                let count = reader
                    .roster()
                    .map_err(|e| WorkError::Failed(e.to_string()))?;
                Ok(Outcome::Exported {
                    path: PathBuf::new(),
                    rows: count.len(),
                })
            },
        );
        assert!(job.poll().is_none(), "still waiting");
        let before = store.roster().expect("roster").len();
        store
            .write(|w| w.add_area("新片区"))
            .expect("the window still writes");
        go.send(()).expect("go");
        match job.wait() {
            Ok(Outcome::Exported { rows, .. }) => assert_eq!(rows, before),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn cancelled_work_reports_cancelled() {
        let folder = tempfile::tempdir().expect("tempdir");
        let store = studio_file(folder.path());
        let (go, wait) = mpsc::channel::<()>();
        let job = Job::start(
            &store,
            Lang::Zh,
            "报告".to_owned(),
            None,
            move |_, progress| {
                wait.recv().ok();
                progress.step(0.5)?;
                Ok(Outcome::Exported {
                    path: PathBuf::new(),
                    rows: 0,
                })
            },
        );
        job.cancel();
        assert!(job.is_cancelled());
        go.send(()).expect("go");
        assert!(matches!(job.wait(), Err(WorkError::Cancelled)));
    }

    #[test]
    fn a_worker_that_panics_is_an_error_not_a_hang() {
        let folder = tempfile::tempdir().expect("tempdir");
        let store = studio_file(folder.path());
        let job = Job::start(&store, Lang::En, "x".to_owned(), None, |_, _| {
            panic!("boom");
        });
        let result = loop {
            if let Some(result) = job.poll() {
                break result;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert!(matches!(result, Err(WorkError::Failed(m)) if m.contains("stopped")));
    }
}
