//! The application shell: the open store, the current screen, dialogs and messages. Screens
//! return commands; the app applies them after the frame, each write in one transaction.

use crate::domain::SecretaryDraft;
use crate::domain::assessment::CriterionSource;
use crate::i18n::Lang;
use crate::print::{LedgerPrintout, Printable};
use crate::settings::Settings;
use crate::store::{self, Store};
use crate::ui::areas::AreasScreen;
use crate::ui::communicate::CommunicateScreen;
use crate::ui::compare::CompareScreen;
use crate::ui::dashboard::DashboardScreen;
use crate::ui::export::ExportDialog;
use crate::ui::file_dialog::{PathDialog, PathPurpose};
use crate::ui::help::HelpScreen;
use crate::ui::import::ImportDialog;
use crate::ui::incentivise::IncentiviseScreen;
use crate::ui::learn::LearnScreen;
use crate::ui::problems::{ProblemForm, ProblemPage, ProblemsScreen};
use crate::ui::roster::RosterScreen;
use crate::ui::secretary::SecretaryPage;
use crate::ui::sessions::{SessionForm, SessionPage, SessionsScreen};
use crate::ui::{Change, Command, Screen, ViewContext};
use chrono::NaiveDate;
use egui::{RichText, Ui};
use std::path::{Path, PathBuf};

pub mod jobs;

use jobs::{Job, Outcome};

/// The whole application: everything a frame draws and every change it makes.
pub struct App {
    store: Store,
    settings: Settings,
    fixed_today: Option<NaiveDate>,
    dashboard: DashboardScreen,
    roster: RosterScreen,
    areas: AreasScreen,
    secretary: SecretaryPage,
    sessions: SessionsScreen,
    session: SessionPage,
    problems: ProblemsScreen,
    problem: ProblemPage,
    learn: LearnScreen,
    help: HelpScreen,
    compare: CompareScreen,
    communicate: CommunicateScreen,
    incentivise: IncentiviseScreen,
    review: crate::ui::review::ReviewScreen,
    /// How many conflicts and possible duplicates wait for review, per store generation.
    review_waiting: Option<(u64, usize)>,
    /// The last deletion, offered for undo in the status line.
    undo: Option<Change>,
    path_dialog: Option<PathDialog>,
    export: Option<ExportDialog>,
    import: Option<ImportDialog>,
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
    /// "Save PDF…": where to write a document.
    save_pdf: Option<crate::ui::save_pdf::SavePdfDialog>,
    /// Long work running on a worker thread (one at a time).
    job: Option<Job>,
    /// The window's context, to wake it when work finishes.
    egui_ctx: Option<egui::Context>,
    /// A merge read and planned, shown for the user to confirm.
    merge_preview: Option<Box<crate::store::merge::MergePreview>>,
    /// The backup taken before the last merge, while "Undo merge" is offered.
    merge_undo: Option<PathBuf>,
    /// The error shown is a write that failed for lack of room or of permission: "Save a
    /// copy…" is offered beside it.
    offer_copy: bool,
    /// "Backups…".
    backups: Option<crate::ui::backups::BackupsDialog>,
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
    /// Where the daily backup's thread says it failed.
    backup_failure: Option<std::sync::mpsc::Receiver<store::Error>>,
    /// If the studio can only be read: whether the file itself is marked read-only (else
    /// another window has it). Looked up when a file is opened, not every frame.
    read_only: Option<bool>,
    /// When the read-only studio last looked whether the other window had written.
    looked_elsewhere: Option<std::time::Instant>,
}

/// What kind of message the dialog shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MessageKind {
    /// Something failed (a file, a write).
    Error,
    /// A rule refused a change; nothing failed.
    Notice,
}

/// A window remembered from a bigger screen, or the default size at 125–150 % scaling, would
/// reach below a small laptop's screen and hide the status line (with Undo); on a 1366 × 768
/// screen it would leave a useless strip. Then it is maximised. Returns whether the sizes were
/// known, so this is done once.
fn fit_to_screen(ctx: &egui::Context) -> bool {
    /// Room for the window's title bar and the taskbar, in points.
    const FRAME_AND_TASKBAR: f32 = 80.0;
    /// A window this much of the screen or more is better maximised.
    const NEARLY_ALL: f32 = 0.85;
    let (monitor, inner) = ctx.input(|i| (i.viewport().monitor_size, i.viewport().inner_rect));
    let (Some(monitor), Some(inner)) = (monitor, inner) else {
        return false;
    };
    if inner.width() > NEARLY_ALL * monitor.x
        || inner.height() + FRAME_AND_TASKBAR > NEARLY_ALL * monitor.y
    {
        ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
    }
    true
}

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
fn open_or_read_only(path: &Path) -> store::Result<(Store, Option<store::Error>)> {
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
fn read_only_of(store: &Store) -> Option<bool> {
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
    /// An app showing `store`, remembering `settings`.
    pub fn new(store: Store, settings: Settings) -> Self {
        let mut settings = settings;
        settings.screen = settings.screen.list_of_record();
        if let Some(path) = store.path() {
            settings.remember_file(path);
        }
        Self {
            read_only: read_only_of(&store),
            store,
            settings,
            fixed_today: None,
            dashboard: DashboardScreen::default(),
            roster: RosterScreen::default(),
            areas: AreasScreen::default(),
            secretary: SecretaryPage::default(),
            sessions: SessionsScreen::default(),
            session: SessionPage::default(),
            problems: ProblemsScreen::default(),
            problem: ProblemPage::default(),
            learn: LearnScreen::default(),
            help: HelpScreen::default(),
            compare: CompareScreen::default(),
            communicate: CommunicateScreen::default(),
            incentivise: IncentiviseScreen::default(),
            undo: None,
            path_dialog: None,
            export: None,
            import: None,
            message: None,
            status: String::new(),
            shown_title: String::new(),
            studio_name: None,
            first_frame_probe: None,
            open_viewer: true,
            print_folder: None,
            last_printed: None,
            status_file: None,
            save_pdf: None,
            job: None,
            egui_ctx: None,
            merge_preview: None,
            merge_undo: None,
            review: crate::ui::review::ReviewScreen::default(),
            review_waiting: None,
            offer_copy: false,
            backups: None,
            backed_up_on: None,
            fitted_to_screen: false,
            loader: crate::ui::data::Loader::inline(),
            wake: None,
            names: crate::ui::data::Memo::default(),
            backup_failure: None,
            looked_elsewhere: None,
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
        self.problems.visible_titles()
    }

    /// The compare screen's ranking: (rank, name, total, stars).
    pub fn compare_ranking(&self) -> Vec<(usize, String, f64, u8)> {
        match self.names.get(&()) {
            Some(Ok(names)) => self.compare.ranking(names),
            _ => Vec::new(),
        }
    }

    /// The incentive leaderboard: (name, points), best first.
    pub fn incentive_leaderboard(&self) -> Vec<(String, i64)> {
        match self.names.get(&()) {
            Some(Ok(names)) => self.incentivise.leaderboard_names(names),
            _ => Vec::new(),
        }
    }

    /// The topics the sessions list currently shows, in order.
    pub fn session_topics(&self) -> Vec<String> {
        self.sessions.visible_topics()
    }

    /// The names the roster currently shows, in order.
    pub fn roster_visible_names(&self) -> Vec<String> {
        self.roster.visible_names()
    }

    fn today(&self) -> NaiveDate {
        self.fixed_today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Draws one frame of the whole app and applies what it asked for.
    pub fn ui(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        self.update_title(ui.ctx());
        if self.egui_ctx.is_none() {
            self.egui_ctx = Some(ui.ctx().clone());
        }
        if !self.fitted_to_screen {
            self.fitted_to_screen = fit_to_screen(ui.ctx());
        }
        self.finish_work();
        self.daily_backup();
        self.daily_backup_result();
        if self.read_only.is_some() {
            // Another window may be writing the file: look again every second.
            let second = std::time::Duration::from_secs(1);
            if self
                .looked_elsewhere
                .is_none_or(|at| at.elapsed() >= second)
            {
                self.looked_elsewhere = Some(std::time::Instant::now());
                self.store.reload_if_changed_elsewhere();
            }
            ui.ctx().request_repaint_after(second);
        }
        let mut commands = Vec::new();
        egui::Panel::top("top-bar").show(ui, |ui| {
            self.top_bar(ui, &mut commands);
        });
        if let Some(marked) = self.read_only {
            egui::Panel::top("read-only").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(crate::ui::widgets::ERROR_RED, lang.read_only_reason(marked));
                    if ui.button(lang.save_copy_offer()).clicked() {
                        self.open_save_copy_dialog();
                    }
                });
            });
        }
        let waiting = self.review_waiting();
        egui::Panel::bottom("status-line").show(ui, |ui| {
            ui.horizontal(|ui| {
                let file = self
                    .store
                    .path()
                    .map_or_else(String::new, |p| p.display().to_string());
                ui.label(RichText::new(file).weak());
                ui.separator();
                let status = if self.status.is_empty() {
                    lang.status_ready()
                } else {
                    &self.status
                };
                if let Some(undo) = &self.undo
                    && ui.button(lang.undo()).clicked()
                {
                    commands.push(Command::Write(undo.clone()));
                }
                if self.merge_undo.is_some() && ui.button(lang.merge_undo()).clicked() {
                    commands.push(Command::UndoMerge);
                }
                if waiting > 0
                    && self.settings.screen != Screen::Review
                    && ui
                        .button(format!("{}（{waiting}）", lang.review_waiting()))
                        .clicked()
                {
                    commands.push(Command::Navigate(Screen::Review));
                }
                if let Some(job) = &self.job {
                    ui.label(lang.working(&job.title));
                    ui.add(
                        egui::ProgressBar::new(job.fraction())
                            .desired_width(180.0)
                            .show_percentage(),
                    );
                    if ui
                        .add_enabled(!job.is_cancelled(), egui::Button::new(lang.cancel_work()))
                        .clicked()
                    {
                        commands.push(Command::CancelWork);
                    }
                    // The bar moves while the worker works.
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(100));
                } else {
                    if let Some((line, file)) = &self.status_file
                        && *line == self.status
                        && ui.button(lang.open_folder()).clicked()
                    {
                        // Where no PDF viewer opened, or to carry the file to the USB stick.
                        let folder = crate::durable::folder_of(file);
                        if opener::open(folder).is_err() {
                            self.message =
                                Some((MessageKind::Notice, lang.no_file_manager(folder)));
                        }
                    }
                    // A line cut short shows whole when hovered.
                    ui.add(egui::Label::new(status).truncate());
                }
            });
        });
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| {
                ui.add_space(8.0);
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                for (screen, label) in [
                    (Screen::Dashboard, lang.nav_dashboard()),
                    (Screen::Roster, lang.nav_roster()),
                    (Screen::Sessions, lang.nav_sessions()),
                    (Screen::Problems, lang.nav_problems()),
                    (Screen::Learn, lang.nav_learn()),
                    (Screen::Help, lang.nav_help()),
                    (Screen::Compare, lang.nav_compare()),
                    (Screen::Communicate, lang.nav_communicate()),
                    (Screen::Incentivise, lang.nav_incentivise()),
                    (Screen::AreasBranches, lang.nav_areas_branches()),
                ] {
                    let current = self.settings.screen == screen
                        || (screen == Screen::Roster
                            && matches!(self.settings.screen, Screen::Secretary(_)))
                        || (screen == Screen::Sessions
                            && matches!(self.settings.screen, Screen::Session(_)))
                        || (screen == Screen::Problems
                            && matches!(self.settings.screen, Screen::Problem(_)));
                    if ui
                        .selectable_label(current, RichText::new(label).size(16.0))
                        .clicked()
                    {
                        commands.push(Command::Navigate(screen));
                    }
                }
            });
        let today = self.today();
        self.names.refresh(
            &ViewContext {
                store: &self.store,
                lang,
                today,
                loader: &self.loader,
                names: None,
            },
            &(),
            crate::ui::data::Names::load,
        );
        let names = self
            .names
            .get(&())
            .and_then(|loaded| loaded.as_ref().ok())
            .cloned();
        egui::CentralPanel::default().show(ui, |ui| {
            let ctx = ViewContext {
                store: &self.store,
                lang,
                today,
                loader: &self.loader,
                names: names.as_deref(),
            };
            match self.settings.screen {
                Screen::Dashboard => commands.extend(self.dashboard.ui(ui, &ctx)),
                Screen::Learn => commands.extend(self.learn.ui(ui, &ctx)),
                Screen::Help => commands.extend(self.help.ui(ui, &ctx)),
                Screen::Compare => commands.extend(self.compare.ui(ui, &ctx)),
                Screen::Communicate => commands.extend(self.communicate.ui(ui, &ctx)),
                Screen::Incentivise => commands.extend(self.incentivise.ui(ui, &ctx)),
                Screen::Roster => commands.extend(self.roster.ui(ui, &ctx)),
                Screen::AreasBranches => commands.extend(self.areas.ui(ui, &ctx)),
                Screen::Secretary(id) => commands.extend(self.secretary.ui(ui, &ctx, id)),
                Screen::Sessions => commands.extend(self.sessions.ui(ui, &ctx)),
                Screen::Session(id) => commands.extend(self.session.ui(ui, &ctx, id)),
                Screen::Problems => commands.extend(self.problems.ui(ui, &ctx)),
                Screen::Problem(id) => commands.extend(self.problem.ui(ui, &ctx, id)),
                Screen::Review => commands.extend(self.review.ui(ui, &ctx)),
            }
            if let Some(dialog) = &mut self.path_dialog {
                let (command, done) = dialog.ui(ui, lang);
                commands.extend(command);
                if done {
                    self.path_dialog = None;
                }
            }
            if let Some(dialog) = &mut self.backups {
                let (command, done) = dialog.ui(ui, lang);
                commands.extend(command);
                if done {
                    self.backups = None;
                }
            }
            if let Some(preview) = &mut self.merge_preview {
                commands.extend(crate::ui::merge::preview_dialog(ui, lang, preview));
            }
            if let Some(dialog) = &mut self.save_pdf {
                let (command, done) = dialog.ui(ui, lang);
                commands.extend(command);
                if done {
                    self.save_pdf = None;
                }
            }
            if let Some(dialog) = &mut self.export {
                let (command, done) = dialog.ui(ui, lang, ctx.today);
                commands.extend(command);
                if done {
                    self.export = None;
                }
            }
            if let Some(dialog) = &mut self.import {
                let (command, done) = dialog.ui(ui, &ctx);
                commands.extend(command);
                if done {
                    self.import = None;
                }
            }
        });
        if let Some((kind, message)) = &self.message {
            let title = match kind {
                MessageKind::Error => lang.error_title(),
                MessageKind::Notice => lang.notice_title(),
            };
            let offer_copy = self.offer_copy;
            let mut save_copy = false;
            let modal = egui::Modal::new(egui::Id::unique("error")).show(ui.ctx(), |ui| {
                ui.set_max_width(520.0);
                ui.heading(title);
                ui.label(message.as_str());
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    // What was saved before stays; a copy elsewhere keeps working.
                    save_copy = offer_copy && ui.button(lang.save_copy_offer()).clicked();
                    ui.button(lang.close()).clicked() || save_copy
                })
                .inner
            });
            if modal.inner || modal.should_close() {
                self.message = None;
                self.offer_copy = false;
            }
            if save_copy {
                self.open_save_copy_dialog();
            }
        }
        if !commands.is_empty() {
            // What a command changed is drawn in the next frame, not at the next mouse move.
            ui.ctx().request_repaint();
        }
        for command in commands {
            self.apply(command);
        }
        if let Some((started, frames)) = &mut self.first_frame_probe {
            // The second pass starts once the first frame is on screen.
            *frames += 1;
            if *frames == 2 {
                eprintln!(
                    "first frame after {:.1} ms",
                    started.elapsed().as_secs_f64() * 1000.0
                );
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
            ui.ctx().request_repaint();
        }
    }

    /// Backs the file up once a day while it is open (a studio in memory or a file opened
    /// read-only has nothing to back up here).
    fn daily_backup(&mut self) {
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
    fn daily_backup_result(&mut self) {
        if let Some(error) = self.backup_failure.as_ref().and_then(|r| r.try_recv().ok()) {
            self.backup_failure = None;
            let message = self.settings.lang.backup_failed(&error);
            self.show_notice(message);
        }
    }

    /// "Save a copy…": where to write a copy of the studio.
    fn open_save_copy_dialog(&mut self) {
        let lang = self.settings.lang;
        let name = format!(
            "{}-{}.db",
            lang.pick("书记工作室副本", "studio-copy"),
            self.today().format("%Y%m%d")
        );
        self.path_dialog = Some(PathDialog::new(
            PathPurpose::SaveCopy,
            Self::suggest_path(&name),
            lang,
        ));
    }

    fn top_bar(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let lang = self.settings.lang;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(lang.menu_file(), |ui| {
                if ui.button(lang.file_new()).clicked() {
                    let suggested =
                        Self::suggest_path(lang.pick("古城镇书记工作室.db", "studio.db"));
                    self.path_dialog =
                        Some(PathDialog::new(PathPurpose::NewStudio, suggested, lang));
                }
                if ui.button(lang.file_open()).clicked() {
                    let suggested = Self::suggest_path("");
                    self.path_dialog =
                        Some(PathDialog::new(PathPurpose::OpenStudio, suggested, lang));
                }
                if ui.button(lang.file_share()).clicked() {
                    let name = format!(
                        "{}-{}.db",
                        lang.pick("书记工作室分享", "studio-share"),
                        self.today().format("%Y%m%d")
                    );
                    self.path_dialog = Some(PathDialog::new(
                        PathPurpose::Share,
                        Self::suggest_path(&name),
                        lang,
                    ));
                }
                if ui.button(lang.file_merge()).clicked() {
                    self.path_dialog = Some(PathDialog::new(
                        PathPurpose::Merge,
                        Self::suggest_path(""),
                        lang,
                    ));
                }
                if ui.button(lang.file_backups()).clicked() {
                    let read_only = self.read_only.map(|marked| lang.read_only_reason(marked));
                    self.backups = Some(crate::ui::backups::BackupsDialog::new(
                        self.store.backups(),
                        read_only,
                    ));
                }
                if ui.button(lang.file_review()).clicked() {
                    commands.push(Command::Navigate(Screen::Review));
                }
                if ui.button(lang.file_save_copy()).clicked() {
                    self.open_save_copy_dialog();
                }
                ui.menu_button(lang.file_recent(), |ui| {
                    if self.settings.recent_files.is_empty() {
                        ui.label(lang.file_recent_none());
                    }
                    for path in &self.settings.recent_files {
                        if ui.button(path.display().to_string()).clicked() {
                            commands.push(Command::OpenFile(path.clone()));
                        }
                    }
                });
                ui.separator();
                if ui.button(lang.file_import_roster()).clicked() {
                    commands.push(Command::StartImport);
                }
                if ui.button(lang.file_export()).clicked() {
                    let folder = crate::places::documents_folder();
                    self.export = Some(ExportDialog::new(folder.as_deref(), lang, self.today()));
                }
                ui.separator();
                if ui.button(lang.file_quit()).clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                for (choice, label) in [(Lang::En, "English"), (Lang::Zh, "中文")] {
                    if ui
                        .selectable_label(self.settings.lang == choice, label)
                        .clicked()
                        && self.settings.lang != choice
                    {
                        self.settings.lang = choice;
                        // The last message was in the other language.
                        self.status.clear();
                    }
                }
                ui.label(RichText::new(format!("{}:", lang.language())).weak());
                let generation = self.store.generation();
                if self
                    .studio_name
                    .as_ref()
                    .is_none_or(|(g, _)| *g != generation)
                {
                    let name = self.store.studio().map(|s| s.name).unwrap_or_default();
                    self.studio_name = Some((generation, name));
                }
                if let Some((_, name)) = &self.studio_name {
                    ui.separator();
                    ui.label(RichText::new(name.as_str()).strong());
                }
            });
        });
    }

    /// Where to suggest a new file: the user's Documents folder (a place they can find again
    /// in Explorer), else their home folder; never the hidden data folder.
    fn suggest_path(name: &str) -> Option<PathBuf> {
        crate::places::documents_folder().map(|folder| folder.join(name))
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let lang = self.settings.lang;
        let file = self
            .store
            .path()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let title = if file.is_empty() {
            lang.app_title().to_owned()
        } else {
            format!("{file} — {}", lang.app_title())
        };
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// Applies one command from a screen.
    pub fn apply(&mut self, command: Command) {
        let lang = self.settings.lang;
        match command {
            Command::Navigate(screen) => self.settings.screen = screen,
            Command::Write(_) | Command::BackUpNow | Command::RestoreBackup(_)
                if self.read_only.is_some() =>
            {
                self.show_notice(
                    lang.read_only_reason(self.read_only == Some(true))
                        .to_owned(),
                );
            }
            Command::Write(_) if self.job.as_ref().is_some_and(|j| j.writes) => {
                self.show_notice(lang.merge_busy().to_owned());
            }
            Command::Write(change) => {
                // Undoing the merge after this would take this change away too; settling what
                // the merge left for review goes with the merge.
                if !matches!(
                    change,
                    Change::TakeOtherVersion(_)
                        | Change::KeepVersion(_)
                        | Change::LinkDuplicate(..)
                        | Change::MarkDistinct(..)
                ) {
                    self.merge_undo = None;
                }
                // An import changes many records at once: the file is backed up first.
                if matches!(change, Change::ImportRoster(_))
                    && let Err(error) = self.store.backup_before("导入前")
                {
                    self.show_error(lang.store_error(&error));
                    return;
                }
                let result = self.store.write(|writer| apply_change(writer, &change));
                let succeeded = result.is_ok();
                match result {
                    Ok(then) => {
                        lang.saved().clone_into(&mut self.status);
                        self.undo = None;
                        match (&change, then) {
                            (Change::DeleteSession(id), _) => {
                                lang.session_deleted().clone_into(&mut self.status);
                                self.undo = Some(Change::RestoreSession(*id));
                                self.settings.screen = Screen::Sessions;
                            }
                            (Change::RestoreSession(id), _) => {
                                lang.session_restored().clone_into(&mut self.status);
                                self.settings.screen = Screen::Session(*id);
                            }
                            (Change::DeleteProblem(id), _) => {
                                lang.problem_deleted().clone_into(&mut self.status);
                                self.undo = Some(Change::RestoreProblem(*id));
                                self.settings.screen = Screen::Problems;
                            }
                            (Change::DeleteRecord(record), _) => {
                                lang.record_deleted().clone_into(&mut self.status);
                                self.undo = Some(Change::RestoreRecord(*record));
                            }
                            (Change::RestoreProblem(id), _) => {
                                lang.problem_restored().clone_into(&mut self.status);
                                self.settings.screen = Screen::Problem(*id);
                            }
                            (_, Some(screen)) => self.settings.screen = screen,
                            _ => {}
                        }
                    }
                    // A rule that refuses a change is not a failure: say so plainly.
                    Err(error @ (store::Error::StillInUse { .. } | store::Error::Archived)) => {
                        self.show_notice(lang.store_error(&error));
                    }
                    Err(error) => {
                        self.offer_copy = matches!(
                            error,
                            store::Error::DiskFull | store::Error::ReadOnly | store::Error::InUse
                        );
                        self.show_error(lang.write_failed(&error));
                    }
                }
                if let Change::ImportRoster(plan) = &change
                    && succeeded
                {
                    self.status = lang.imported(plan.to_add.len(), plan.to_update.len());
                }
                self.roster.write_finished(succeeded);
                self.secretary.write_finished(succeeded);
                self.areas.write_finished(succeeded);
                SessionForm::write_finished(&mut self.sessions.form, succeeded);
                SessionForm::write_finished(&mut self.session.form, succeeded);
                ProblemForm::write_finished(&mut self.problems.form, succeeded);
                ProblemForm::write_finished(&mut self.session.problem_form, succeeded);
                self.problem.write_finished(succeeded);
                self.learn.write_finished(succeeded);
                self.help.write_finished(succeeded);
                self.compare.write_finished(succeeded);
                self.communicate.write_finished(succeeded);
                self.dashboard.write_finished(succeeded);
                self.incentivise.write_finished(succeeded);
                if let Some(import) = &mut self.import
                    && import.write_finished(succeeded)
                {
                    self.import = None;
                    self.settings.screen = Screen::Roster;
                }
            }
            Command::StartImport => self.import = Some(ImportDialog::default()),
            Command::OpenFile(path) => self.open_file(&path),
            Command::NewStudio { path, name, town } => {
                let name = if name.is_empty() {
                    lang.default_studio_name().to_owned()
                } else {
                    name
                };
                match Store::create(&path, &name, &town) {
                    Ok(store) => {
                        self.path_dialog = None;
                        self.replace_store(store, &path);
                    }
                    Err(error) => self.show_error(lang.save_error(&path, &error)),
                }
            }
            Command::SaveCopy { path, replace } => match self.store.save_copy(&path, replace) {
                Ok(()) => {
                    self.path_dialog = None;
                    if self.read_only.is_some() {
                        // The copy is what the coordinator goes on working in.
                        self.open_file(&path);
                    }
                    self.status = lang.copy_saved(&path);
                }
                Err(error) => self.show_error(lang.save_error(&path, &error)),
            },
            Command::ShowError(message) => self.show_error(message),
            Command::Export {
                ledger,
                period,
                path,
            } => {
                let today = self.today();
                let title = ledger.title(lang).to_owned();
                self.start_work(title, move |store, progress| {
                    let rows =
                        crate::export::export(store, ledger, lang, period, today, &path, progress)?;
                    Ok(Outcome::Exported { path, rows })
                });
            }
            Command::Print(printable) => self.print(printable, None),
            Command::AskSavePdf(printable) => match self.print_path(printable) {
                Ok(path) => {
                    self.save_pdf = Some(crate::ui::save_pdf::SavePdfDialog::new(printable, &path));
                }
                Err(message) => self.show_error(message),
            },
            Command::SavePdf(printable, path) => self.print(printable, Some(path)),
            Command::CancelWork => {
                if let Some(job) = &self.job {
                    job.cancel();
                }
            }
            Command::Share(path, passphrase) => {
                self.start_work(lang.share_working().to_owned(), move |store, progress| {
                    let manifest = store
                        .share_with(&path, passphrase.as_deref(), progress)
                        .map_err(|e| match e {
                            store::Error::Cancelled => crate::work::WorkError::Cancelled,
                            other => crate::work::WorkError::Failed(lang.save_error(&path, &other)),
                        })?;
                    Ok(Outcome::Shared { path, manifest })
                });
            }
            Command::PlanMerge(path, passphrase) => {
                let title = lang.merge_reading().to_owned();
                self.start_work(title, move |store, progress| {
                    let preview = store
                        .plan_merge_with(&path, passphrase.as_deref(), progress)
                        .map_err(|e| match e {
                            store::Error::Cancelled => crate::work::WorkError::Cancelled,
                            other => {
                                crate::work::WorkError::Failed(lang.merge_error(&path, &other))
                            }
                        })?;
                    Ok(Outcome::MergePlanned(Box::new(preview)))
                });
            }
            Command::CancelMerge => {
                if self.merge_preview.take().is_some_and(|p| !p.is_empty()) {
                    lang.merge_cancelled().clone_into(&mut self.status);
                } else {
                    self.status.clear();
                }
            }
            Command::ConfirmMerge => self.confirm_merge(),
            Command::BackUpNow => match self.store.backup_before("手动") {
                Ok(Some(path)) => self.status = lang.backed_up(&path),
                Ok(None) => {}
                Err(error) => self.show_error(lang.store_error(&error)),
            },
            Command::RestoreBackup(path) => match self.store.restore_backup(&path) {
                Ok(before) => {
                    self.undo = None;
                    self.merge_undo = None;
                    self.status = lang.restored(before.as_deref());
                }
                Err(error) => self.show_error(lang.store_error(&error)),
            },
            Command::UndoMerge => {
                if let Some(backup) = self.merge_undo.take() {
                    match self.store.restore_from(&backup) {
                        Ok(()) => {
                            self.undo = None;
                            lang.merge_undone().clone_into(&mut self.status);
                        }
                        Err(error) => self.show_error(lang.store_error(&error)),
                    }
                }
            }
            Command::RecordHelpVisit(pairing) => {
                let mut draft = crate::domain::session::SessionDraft::new(self.today());
                draft.kind = crate::domain::session::SessionKind::HelpVisit;
                draft.systems = crate::domain::session::Systems::default_for(draft.kind);
                draft.pairing_id = Some(pairing);
                self.sessions.form = Some(SessionForm::new(None, draft));
                self.settings.screen = Screen::Sessions;
            }
            Command::RaisePairingProblem(pairing) => {
                let mut form = ProblemForm::new(self.today(), None);
                form.pairing = Some(pairing);
                self.problems.form = Some(form);
                self.settings.screen = Screen::Problems;
            }
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
    fn print_path(&self, printable: Printable) -> Result<PathBuf, String> {
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
        };
        // No \ / : * ? " < > | or control characters.
        let name: String = name
            .chars()
            .map(|c| {
                if "\\/:*?\"<>|".contains(c) || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        // Never over an earlier printout: 名称.pdf, 名称 (2).pdf, …
        let mut path = folder.join(format!("{name}.pdf"));
        let mut n = 2;
        while path.exists() {
            path = folder.join(format!("{name} ({n}).pdf"));
            n += 1;
        }
        Ok(path)
    }

    /// Writes `printable` on a worker thread: to `path` if given (Save PDF…), else into the
    /// documents folder and then opened in the system viewer.
    fn print(&mut self, printable: Printable, path: Option<PathBuf>) {
        let lang = self.settings.lang;
        // Print opens the file in the viewer; Save PDF… only writes it.
        let open = path.is_none();
        let path = match path.map_or_else(|| self.print_path(printable), Ok) {
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

    /// Starts long work, unless some is running (then says so).
    fn start_work(
        &mut self,
        title: String,
        work: impl FnOnce(&Store, &crate::work::Progress) -> jobs::WorkResult + Send + 'static,
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
    fn finish_work(&mut self) {
        let Some(result) = self.job.as_ref().and_then(Job::poll) else {
            return;
        };
        self.job = None;
        let lang = self.settings.lang;
        match result {
            Ok(Outcome::Printed { path, pages, open }) => {
                self.save_pdf = None;
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
                self.export = None;
                self.status = lang.exported(rows, &path);
                self.status_file = Some((self.status.clone(), path));
            }
            Ok(Outcome::Shared { path, manifest }) => {
                self.path_dialog = None;
                self.status = lang.shared(&path, &manifest);
                self.status_file = Some((self.status.clone(), path));
            }
            Ok(Outcome::MergePlanned(preview)) => {
                self.path_dialog = None;
                if preview.is_empty() {
                    lang.merge_nothing().clone_into(&mut self.status);
                } else {
                    lang.merge_review().clone_into(&mut self.status);
                }
                self.merge_preview = Some(preview);
            }
            Ok(Outcome::Merged {
                written,
                backup,
                source: _,
            }) => {
                if let Err(error) = self.store.written_elsewhere() {
                    self.show_error(lang.store_error(&error));
                }
                self.undo = None;
                let waiting = self.review_waiting();
                self.status = lang.merged_with_review(written, backup.as_deref(), waiting);
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

    /// How many conflicts and possible duplicates wait for review (asked once per change).
    fn review_waiting(&mut self) -> usize {
        let generation = self.store.generation();
        match self.review_waiting {
            Some((g, n)) if g == generation => n,
            _ => {
                let n = self.store.review_count().unwrap_or(0);
                self.review_waiting = Some((generation, n));
                n
            }
        }
    }

    /// Merges the previewed file after backing ours up; "Undo merge" is then offered.
    fn confirm_merge(&mut self) {
        let lang = self.settings.lang;
        let Some(preview) = self.merge_preview.take() else {
            return;
        };
        if self.job.is_some() {
            self.show_notice(lang.work_busy().to_owned());
            self.merge_preview = Some(preview);
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
        match open_or_read_only(path) {
            Ok((store, why)) => {
                self.path_dialog = None;
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

    fn replace_store(&mut self, store: Store, path: &Path) {
        self.read_only = read_only_of(&store);
        self.looked_elsewhere = None;
        self.store = store;
        // The loader reads the file that is open.
        self.loader = match &self.wake {
            Some(wake) => crate::ui::data::Loader::background(&self.store, wake.clone()),
            None => crate::ui::data::Loader::inline(),
        };
        self.merge_preview = None;
        self.merge_undo = None;
        self.settings.remember_file(path);
        self.status = self.settings.lang.opened(path);
        self.roster.form = None;
        self.secretary.form = None;
        self.import = None;
        self.settings.screen = self.settings.screen.list_of_record();
    }

    /// Opens the add-secretary form prefilled (used by the roster's "Add" button and tests).
    pub fn start_adding_secretary(&mut self, draft: &SecretaryDraft) {
        self.settings.screen = Screen::Roster;
        self.roster.form = Some(crate::ui::secretary::SecretaryForm::new(None, draft));
    }
}

/// Writes one change; returns the screen to show next, if the change opens one.
fn apply_change(writer: &mut store::Writer<'_>, change: &Change) -> store::Result<Option<Screen>> {
    match change {
        Change::AddSession(fields) => {
            return writer
                .add_session(fields)
                .map(|id| Some(Screen::Session(id)));
        }
        Change::UpdateSession(id, fields) => writer.update_session(*id, fields),
        Change::DeleteSession(id) => writer.delete_session(*id),
        Change::RestoreSession(id) => writer.restore_session(*id),
        Change::SetAttendance(session, marks) => marks
            .iter()
            .try_for_each(|mark| writer.set_attendance(*session, mark)),
        Change::AddProblem(fields) => writer.add_problem(fields, "").map(|_| ()),
        Change::UpdateProblem {
            id,
            fields,
            state,
            date,
            note,
        } => {
            writer.update_problem(*id, fields)?;
            if note.is_empty() {
                Ok(())
            } else {
                writer.record_problem_event(*id, *state, *date, "", note, None)
            }
        }
        Change::RecordProblemEvent {
            problem,
            state,
            date,
            actor,
            note,
            session,
        } => writer.record_problem_event(*problem, *state, *date, actor, note, *session),
        Change::DeleteProblem(id) => writer.delete_problem(*id),
        Change::RestoreProblem(id) => writer.restore_problem(*id),
        Change::AddSecretary(fields) => writer.add_secretary(fields).map(|_| ()),
        Change::UpdateSecretary(id, fields) => writer.update_secretary(*id, fields),
        Change::SetSecretaryArchived(id, archived) => writer.set_secretary_archived(*id, *archived),
        Change::AddArea(name) => writer.add_area(name).map(|_| ()),
        Change::RenameArea(id, name) => writer.rename_area(*id, name),
        Change::SetAreaArchived(id, archived) => writer.set_area_archived(*id, *archived),
        Change::AddBranch(name, kind, area) => writer.add_branch(name, *kind, *area).map(|_| ()),
        Change::UpdateBranch(id, name, kind, area) => writer.update_branch(*id, name, *kind, *area),
        Change::SetBranchArchived(id, archived) => writer.set_branch_archived(*id, *archived),
        Change::ImportRoster(plan) => writer.apply_roster_import(plan).map(|_| ()),
        Change::AddPlanItem {
            year,
            month,
            title,
            kind,
        } => writer
            .add_plan_item(*year, *month, title, *kind)
            .map(|_| ()),
        Change::UpdatePlanItem {
            id,
            month,
            title,
            kind,
        } => writer.update_plan_item(*id, *month, title, *kind),
        Change::DeleteRecord(record) => writer.set_record_deleted(*record, true),
        Change::RestoreRecord(record) => writer.set_record_deleted(*record, false),
        Change::AddPairing(fields) => writer.add_pairing(fields).map(|_| ()),
        Change::UpdatePairing(id, fields) => writer.update_pairing(*id, fields),
        Change::SetSetting(key, value) => writer.set_setting(key, value),
        Change::UpdateCriterion {
            id,
            name,
            max_score,
            target_per_year,
        } => writer.update_criterion(*id, name, *max_score, *target_per_year),
        Change::UpdateCriteria(rows, thresholds) => {
            for (id, name, max_score, target) in rows {
                writer.update_criterion(*id, name, *max_score, *target)?;
            }
            writer.set_setting(crate::domain::assessment::STAR_THRESHOLDS_KEY, thresholds)
        }
        Change::AddCriterion(name, part, max_score) => writer
            .add_criterion(name, *part, *max_score, CriterionSource::Manual, 0.0)
            .map(|_| ()),
        Change::SetScores(secretary, period, scores) => scores
            .iter()
            .try_for_each(|(c, s)| writer.set_score(*c, *secretary, *period, s.as_ref())),
        Change::SetPointsRules(rules) => rules
            .iter()
            .try_for_each(|(event, points)| writer.set_points_rule(*event, *points)),
        Change::AddAward(secretary, on, points, reason) => writer
            .add_award(*secretary, *on, *points, reason)
            .map(|_| ()),
        Change::AddHonour(secretary, on, kind, reason) => writer
            .add_honour(*secretary, *on, *kind, reason)
            .map(|_| ()),
        Change::CommendPair(pair, on, reason) => pair.iter().try_for_each(|who| {
            writer
                .add_honour(
                    *who,
                    *on,
                    crate::domain::points::HonourKind::Commendation,
                    reason,
                )
                .map(|_| ())
        }),
        Change::AddNote(fields) => writer.add_note(fields).map(|_| ()),
        Change::UpdateNote(id, fields) => writer.update_note(*id, fields),
        Change::AddNotice(fields) => writer.add_notice(fields).map(|_| ()),
        Change::UpdateNotice(id, fields) => writer.update_notice(*id, fields),
        Change::UpdateResponsibilities(responsibilities) => responsibilities
            .iter()
            .try_for_each(|r| writer.update_responsibility(r)),
        Change::TakeOtherVersion(id) => writer.take_other_version(*id),
        Change::KeepVersion(id) => writer.settle_conflict(*id),
        Change::LinkDuplicate(keep, other, theirs) => writer.link_duplicate(*keep, *other, *theirs),
        Change::MarkDistinct(keep, other) => writer.mark_distinct(*keep, *other),
    }
    .map(|()| None)
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
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
