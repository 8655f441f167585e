//! Leaving typed work behind: before the screen, the studio file or the window is left while a
//! form holds changes, the user is asked 保存 / 不保存 / 取消; meanwhile the draft is kept on
//! disk, and put back with a notice after a crash.

use super::{App, Asker};
use crate::ui::drafts::{self, Answer, Draft};
use crate::ui::{Command, Screen};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How often, at most, a draft being typed is written to disk.
const KEEP_EVERY: Duration = Duration::from_secs(1);

/// What follows once the question about unsaved work is answered.
#[derive(Debug)]
pub(super) enum Leaving {
    /// A command that leaves the form (another screen, another file).
    To(Command),
    /// Closing the window.
    Quit,
}

/// The state of leaving: the question open, a save asked for, the drafts kept.
#[derive(Default)]
pub(super) struct Guard {
    /// The question shown: about which draft, and what follows.
    asking: Option<(Draft, Leaving)>,
    /// 保存 was answered in frame `n`: what follows once the form has saved.
    after_save: Option<(Leaving, u64)>,
    /// The question was answered: the window may close.
    may_close: bool,
    /// The frames drawn so far.
    frame: u64,
    /// Where drafts are kept (nowhere in tests unless asked).
    file: Option<PathBuf>,
    /// The drafts last written there.
    kept: Vec<Draft>,
    /// When they were written.
    kept_at: Option<Instant>,
    /// Keeping failed once: said so, not every frame again.
    keep_failed: bool,
}

impl Guard {
    /// Whether the question about unsaved work is open.
    pub(super) fn is_asking(&self) -> bool {
        self.asking.is_some()
    }
}

impl App {
    /// Keeps drafts being typed in `path` (the data folder's `drafts.ron`), and puts back
    /// those kept there for this studio file, saying so.
    pub fn keep_drafts_in(&mut self, path: PathBuf) {
        if let Some(studio) = self.store.path().map(std::path::Path::to_owned) {
            let lang = self.settings.lang;
            let restored: Vec<String> = drafts::kept_for(&path, &studio)
                .iter()
                .filter(|draft| self.restore_draft(draft))
                .map(|draft| draft.describe(lang))
                .collect();
            if !restored.is_empty() {
                let message = self.settings.lang.drafts_restored(&restored.join("、"));
                self.show_notice(message);
            }
        }
        self.guard.file = Some(path);
    }

    /// Opens the screen and form `draft` was typed in, holding it.
    fn restore_draft(&mut self, draft: &Draft) -> bool {
        let screen = match draft {
            Draft::Session { editing: None, .. } => Screen::Sessions,
            Draft::Session {
                editing: Some(id), ..
            } => Screen::Session(*id),
            Draft::Problem(problem) => problem.session().map_or(Screen::Problems, Screen::Session),
            Draft::Unkept => return false,
        };
        if self.screens.view(screen).restore(draft) {
            self.settings.screen = screen;
            true
        } else {
            false
        }
    }

    /// Typed work not yet saved on the screen shown.
    pub fn unsaved(&mut self) -> Option<Draft> {
        self.screens.view(self.settings.screen).unsaved()
    }

    /// Whether `command` leaves the screen shown (or its file, or the window) while a form
    /// there holds changes: then the question is asked and the command waits for the answer.
    pub(super) fn held_for_question(&mut self, command: Command) -> Option<Command> {
        let leaves = match &command {
            Command::Navigate(screen) => *screen != self.settings.screen,
            Command::OpenFile(path) if self.is_open_file(path) => false,
            Command::NewSession
            | Command::RecordHelpVisit(_)
            | Command::RaisePairingProblem(_)
            | Command::OpenFile(_)
            | Command::NewStudio { .. }
            | Command::RestoreBackup(_)
            | Command::CloseForm
            | Command::Quit => true,
            _ => false,
        };
        if !leaves || self.guard.asking.is_some() {
            return Some(command);
        }
        let Some(draft) = self.unsaved() else {
            return Some(command);
        };
        let leaving = match command {
            Command::Quit => Leaving::Quit,
            other => Leaving::To(other),
        };
        self.guard.asking = Some((draft, leaving));
        None
    }

    /// Closes the window (the question, if any, answered).
    pub(super) fn quit(&mut self) {
        self.guard.may_close = true;
        if let Some(ctx) = &self.egui_ctx {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Once a frame: the window's close button asks first; the question shows; a save asked
    /// for that did not happen (the form refused it) gives up leaving; drafts are kept.
    pub(super) fn guard_frame(&mut self, ctx: &egui::Context) {
        self.guard.frame += 1;
        if ctx.input(|i| i.viewport().close_requested())
            && !self.guard.may_close
            && self.guard.asking.is_none()
            && let Some(draft) = self.unsaved()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.guard.asking = Some((draft, Leaving::Quit));
        }
        if let Some((draft, _)) = &self.guard.asking
            && let Some(answer) = drafts::ask(ctx, self.settings.lang, draft)
            && let Some((_, leaving)) = self.guard.asking.take()
        {
            match answer {
                Answer::Save => {
                    crate::ui::widgets::request_save(ctx);
                    self.guard.after_save = Some((leaving, self.guard.frame));
                }
                Answer::Discard => {
                    self.screens.view(self.settings.screen).discard_unsaved();
                    self.go_on(leaving);
                }
                Answer::Stay => {}
            }
        }
        self.keep_drafts(ctx);
    }

    /// After the frame's commands: a save asked for in an earlier frame and not done (the
    /// form showed what is wrong) gives up leaving.
    pub(super) fn guard_frame_end(&mut self) {
        if self
            .guard
            .after_save
            .as_ref()
            .is_some_and(|(_, asked)| *asked < self.guard.frame)
        {
            self.guard.after_save = None;
        }
    }

    /// A write was answered: if it saved the form the user chose to save, go on leaving.
    pub(super) fn saved_before_leaving(&mut self, asker: Asker, succeeded: bool) {
        if !matches!(asker, Asker::Screen(_)) || self.guard.after_save.is_none() {
            return;
        }
        if succeeded && self.unsaved().is_none() {
            if let Some((leaving, _)) = self.guard.after_save.take() {
                self.go_on(leaving);
            }
        } else if !succeeded {
            self.guard.after_save = None;
        }
    }

    fn go_on(&mut self, leaving: Leaving) {
        match leaving {
            Leaving::To(command) => self.apply_from(Asker::Shell, command),
            Leaving::Quit => self.quit(),
        }
    }

    /// Writes the draft being typed to disk, at most once a second (and once more a second
    /// after the last key), and removes the file once nothing is unsaved.
    fn keep_drafts(&mut self, ctx: &egui::Context) {
        let (Some(file), Some(studio)) = (&self.guard.file, self.store.path()) else {
            return;
        };
        let drafts: Vec<Draft> = self
            .screens
            .view(self.settings.screen)
            .unsaved()
            .into_iter()
            .filter(Draft::is_kept)
            .collect();
        if drafts == self.guard.kept {
            return;
        }
        if !drafts.is_empty()
            && let Some(at) = self.guard.kept_at
            && at.elapsed() < KEEP_EVERY
        {
            ctx.request_repaint_after(KEEP_EVERY.saturating_sub(at.elapsed()));
            return;
        }
        match drafts::keep(file, studio, &drafts) {
            Ok(()) => {
                self.guard.kept = drafts;
                self.guard.kept_at = Some(Instant::now());
            }
            Err(error) if !self.guard.keep_failed => {
                self.guard.keep_failed = true;
                let message = self.settings.lang.drafts_not_kept(&error);
                self.show_notice(message);
            }
            Err(_) => {}
        }
    }
}
