//! The application shell: the open store, the screens, the dialog over them and the status
//! line. Screens ([`crate::ui::View`]) return commands; the shell applies them after the
//! frame, each write in one transaction, and answers each write to the screen that asked.
//!
//! - `shell`: one frame: menus, navigation, the screen shown, the dialog, messages;
//! - `apply`: what each command does, and the writes;
//! - `files`: opening, creating, copying, backing up and merging studio files;
//! - `jobs`: long work on a worker thread (printouts, exports, share and merge files);
//! - `screens` and `dialogs`: where the screens and the one open dialog are held.

use crate::domain::SecretaryDraft;
use crate::settings::Settings;
use crate::store::{self, Store};
use crate::ui::{Change, Screen};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

mod apply;
mod dialogs;
mod files;
pub mod jobs;
mod leave;
mod screens;
mod shell;

pub use files::open_at_start;

use dialogs::Dialog;
use jobs::Job;
use screens::Screens;

/// The whole application: everything a frame draws and every change it makes.
pub struct App {
    store: Store,
    settings: Settings,
    fixed_today: Option<NaiveDate>,
    /// Every screen, each keeping its state while another is shown.
    screens: Screens,
    /// The dialog open over the screen, if any.
    dialog: Option<Dialog>,
    /// How many conflicts and possible duplicates wait for review, per store generation.
    review_waiting: Option<(u64, usize)>,
    /// The last deletion, offered for undo in the status line.
    undo: Option<Change>,
    /// The message shown in a dialog: an error, or a notice that a rule refused something.
    message: Option<(MessageKind, String)>,
    status: String,
    shown_title: String,
    /// The studio's name, read once per store generation (no SQL per frame).
    studio_name: Option<(u64, String)>,
    first_frame_probe: Option<(std::time::Instant, u32)>,
    /// Whether a printed PDF is opened in the system viewer (not in tests).
    open_viewer: bool,
    /// Where printed PDFs go, if not the documents folder (tests).
    print_folder: Option<PathBuf>,
    /// The last PDF written (for tests and the status line).
    last_printed: Option<PathBuf>,
    /// The file the status line names (a printout, an export, a share file), with that line:
    /// 打开所在文件夹 shows while the line is still the one about it.
    status_file: Option<(String, PathBuf)>,
    /// Long work running on a worker thread (one at a time).
    job: Option<Job>,
    /// The window's context, to wake it when work finishes.
    egui_ctx: Option<egui::Context>,
    /// The backup taken before the last merge, while "Undo merge" is offered.
    merge_undo: Option<PathBuf>,
    /// The folder a share was last written to or merged from (the USB stick, as a rule):
    /// the next share or merge starts there.
    exchange_folder: Option<PathBuf>,
    /// The error shown is a write that failed for lack of room or of permission: "Save a
    /// copy…" is offered beside it.
    offer_copy: bool,
    /// The day the daily backup was last seen to (the app checks as days pass).
    backed_up_on: Option<NaiveDate>,
    /// Whether the window's size has been held against the screen's (once, at start).
    fitted_to_screen: bool,
    /// Loads what screens show (on a thread of its own in the window).
    loader: crate::ui::data::Loader,
    /// Wakes the window when a load is done; set when loads run in the background.
    wake: Option<egui::Context>,
    /// The names every screen shows people and places by, once per store generation.
    names: crate::ui::data::Memo<(), std::sync::Arc<crate::ui::data::Names>>,
    /// What is due beside 日程 in the navigation: (all, of which overdue), per day and store
    /// generation.
    due_count: crate::ui::data::Memo<NaiveDate, (usize, usize)>,
    /// Where the daily backup's thread says it failed.
    backup_failure: Option<std::sync::mpsc::Receiver<store::Error>>,
    /// If the studio can only be read: whether the file itself is marked read-only (else
    /// another window has it). Looked up when a file is opened, not every frame.
    read_only: Option<bool>,
    /// When the read-only studio last looked whether the other window had written.
    looked_elsewhere: Option<std::time::Instant>,
    /// Typed work and leaving it: the question, the save asked for, the drafts kept on disk.
    guard: leave::Guard,
}

/// What kind of message the dialog shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MessageKind {
    /// Something failed (a file, a write).
    Error,
    /// A rule refused a change; nothing failed.
    Notice,
}

/// Who asked for a command: the result of a write goes back there, and nowhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asker {
    /// The shell itself (menus, the status line's Undo) or a caller of [`App::apply`].
    Shell,
    /// The screen shown when it asked.
    Screen(Screen),
    /// The dialog open when it asked.
    Dialog,
}

impl App {
    /// An app showing `store`, remembering `settings`.
    pub fn new(store: Store, settings: Settings) -> Self {
        let mut settings = settings;
        settings.screen = settings.screen.list_of_record();
        if let Some(path) = store.path() {
            settings.remember_file(path);
        }
        Self {
            read_only: files::read_only_of(&store),
            store,
            settings,
            fixed_today: None,
            screens: Screens::default(),
            undo: None,
            dialog: None,
            message: None,
            status: String::new(),
            shown_title: String::new(),
            studio_name: None,
            first_frame_probe: None,
            open_viewer: true,
            print_folder: None,
            last_printed: None,
            status_file: None,
            job: None,
            egui_ctx: None,
            merge_undo: None,
            exchange_folder: None,
            review_waiting: None,
            offer_copy: false,
            backed_up_on: None,
            fitted_to_screen: false,
            loader: crate::ui::data::Loader::inline(),
            wake: None,
            names: crate::ui::data::Memo::default(),
            due_count: crate::ui::data::Memo::default(),
            backup_failure: None,
            looked_elsewhere: None,
            guard: leave::Guard::default(),
        }
    }

    /// Prints the time from `started` to the first painted frame on stderr, then closes (for
    /// the start-up benchmark).
    pub fn report_first_frame(&mut self, started: std::time::Instant) {
        self.first_frame_probe = Some((started, 0));
    }

    /// Loads what screens show on a thread of its own, so opening a screen of a big studio
    /// does not freeze the window; `wake` repaints it when the data arrives.
    pub fn load_in_background(&mut self, wake: egui::Context) {
        self.loader = crate::ui::data::Loader::background(&self.store, wake.clone());
        self.wake = Some(wake);
    }

    /// Holds every load back until [`App::release_loads`], as a slow file would (tests).
    pub fn hold_loads(&mut self) {
        self.loader = crate::ui::data::Loader::held();
    }

    /// Runs the loads held back by [`App::hold_loads`].
    pub fn release_loads(&self) {
        self.loader.run_held(&self.store);
    }

    /// Whether data a screen asked for is still being read (for the benchmark).
    pub fn is_loading(&self) -> bool {
        self.loader.is_busy()
    }

    /// Printed PDFs go into `folder` and are not opened in a viewer (for tests).
    pub fn print_into(&mut self, folder: PathBuf) {
        self.print_folder = Some(folder);
        self.open_viewer = false;
    }

    /// The last PDF written by Print.
    pub fn last_printed(&self) -> Option<&Path> {
        self.last_printed.as_deref()
    }

    /// Whether long work (a printout, an export) is running.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// The status line's text.
    pub fn status(&self) -> &str {
        &self.status
    }

    /// Fixes "today" (for tests: dates in the future are refused relative to it).
    #[must_use]
    pub fn with_today(mut self, today: NaiveDate) -> Self {
        self.fixed_today = Some(today);
        self
    }

    /// Shows an error message as the app opens (e.g. a `--db` file that could not be opened).
    /// Shows a notice (a rule refused a change) in a dialog and in the status line.
    pub fn show_notice(&mut self, message: String) {
        self.status.clone_from(&message);
        self.message = Some((MessageKind::Notice, message));
    }

    /// Shows an error message in a dialog and in the status line.
    pub fn show_error(&mut self, message: String) {
        self.status.clone_from(&message);
        self.message = Some((MessageKind::Error, message));
    }

    /// The open studio.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The period 比拼 and 激励 work on: the one picked last, else the current quarter.
    pub fn period(&self) -> crate::domain::period::Period {
        let today = self.today();
        self.settings
            .period
            .or_else(|| crate::domain::period::Period::quarter_of(today))
            .or_else(|| crate::domain::period::Period::year(2026))
            .expect("2026 is a year")
    }

    /// Why the studio can only be read, if it can: whether the file itself is marked
    /// read-only (else another window holds it).
    pub fn read_only(&self) -> Option<bool> {
        self.read_only
    }

    /// The window's title as last set.
    pub fn window_title(&self) -> &str {
        &self.shown_title
    }

    /// What the app remembers between runs.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The error message on screen, if any.
    pub fn error_message(&self) -> Option<&str> {
        self.message.as_ref().map(|(_, text)| text.as_str())
    }

    /// The titles the problems list currently shows, in order.
    pub fn problem_titles(&self) -> Vec<String> {
        self.screens.problems.visible_titles()
    }

    /// The compare screen's ranking: (rank, name, total, stars).
    pub fn compare_ranking(&self) -> Vec<(usize, String, f64, u8)> {
        match self.names.get(&()) {
            Some(Ok(names)) => self.screens.compare.ranking(names),
            _ => Vec::new(),
        }
    }

    /// The incentive leaderboard: (name, points), best first.
    pub fn incentive_leaderboard(&self) -> Vec<(String, i64)> {
        match self.names.get(&()) {
            Some(Ok(names)) => self.screens.incentivise.leaderboard_names(names),
            _ => Vec::new(),
        }
    }

    /// The topics the sessions list currently shows, in order.
    pub fn session_topics(&self) -> Vec<String> {
        self.screens.sessions.visible_topics()
    }

    /// The lines 日程's 近期待办 currently lists, in order.
    pub fn due_lines(&self) -> Vec<String> {
        self.screens.calendar.upcoming_lines(self.settings.lang)
    }

    /// The titles the 四议两公开 register currently lists, in order.
    pub fn decision_titles(&self) -> Vec<String> {
        self.screens.decisions.visible_titles()
    }

    /// The names the roster currently shows, in order.
    pub fn roster_visible_names(&self) -> Vec<String> {
        self.screens.roster.visible_names()
    }

    pub(crate) fn today(&self) -> NaiveDate {
        self.fixed_today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Opens the add-secretary form prefilled (used by the roster's "Add" button and tests).
    pub fn start_adding_secretary(&mut self, draft: &SecretaryDraft) {
        self.settings.screen = Screen::Roster;
        self.screens.roster.start_adding(draft);
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        App::ui(self, ui);
    }

    /// Settings (the language above all) are kept within seconds of a change, not only at a
    /// tidy exit.
    fn auto_save_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(5)
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Settings::STORAGE_KEY, &self.settings);
    }

    /// Our settings are remembered; egui's memory is not: a stale order of its layers brought
    /// back at start put a drop-down list behind a dialog.
    fn persist_egui_memory(&self) -> bool {
        false
    }
}
