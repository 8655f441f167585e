//! One frame of the window: the menus, the navigation, the screen shown, the dialog over it,
//! the status line and messages.

use super::{App, Asker, Dialog, MessageKind};
use crate::i18n::Lang;
use crate::ui::file_dialog::PathPurpose;
use crate::ui::{Command, Screen, ViewContext};
use egui::{RichText, Ui};
use std::path::Path;

/// A window remembered from a bigger screen, or the default size at 125–150 % scaling, would
/// reach below a small laptop's screen and hide the status line (with Undo); on a 1366 × 768
/// screen it would leave a useless strip. Then it is maximised. Returns whether the sizes were
/// known, so this is done once.
fn fit_to_screen(ctx: &egui::Context) -> bool {
    /// Room for the window's title bar and the taskbar, in points.
    const FRAME_AND_TASKBAR: f32 = 80.0;
    /// A window this much of the screen or more is better maximised.
    const NEARLY_ALL: f32 = 0.85;
    /// Screens this wide or narrower: the window opens maximised.
    const LAPTOP_WIDTH: f32 = 1440.0;
    let (monitor, inner) = ctx.input(|i| (i.viewport().monitor_size, i.viewport().inner_rect));
    let (Some(monitor), Some(inner)) = (monitor, inner) else {
        return false;
    };
    // A laptop's screen (up to 1440 points wide) is the app's whole desk.
    if monitor.x <= LAPTOP_WIDTH
        || inner.width() > NEARLY_ALL * monitor.x
        || inner.height() + FRAME_AND_TASKBAR > NEARLY_ALL * monitor.y
    {
        ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
    }
    true
}

impl App {
    /// Draws one frame of the whole app and applies what it asked for.
    pub fn ui(&mut self, ui: &mut Ui) {
        self.update_title(ui.ctx());
        self.settings.lang.set_for(ui.ctx());
        if ui.ctx().options(|o| o.theme_preference) != self.settings.theme {
            ui.ctx().set_theme(self.settings.theme);
        }
        if self.egui_ctx.is_none() {
            self.egui_ctx = Some(ui.ctx().clone());
        }
        if !self.fitted_to_screen {
            self.fitted_to_screen = fit_to_screen(ui.ctx());
        }
        self.finish_work();
        self.daily_backup();
        self.daily_backup_result();
        self.look_elsewhere(ui.ctx());
        let boxes_before = self.boxes_open();
        let mut commands = Vec::new();
        // Esc closes the form open on the screen, unless it closes a list opened in it (or a
        // box over it, which closes itself).
        let escape = ui.input(|i| i.key_pressed(egui::Key::Escape))
            && !egui::Popup::is_any_open(ui.ctx())
            && self.dialog.is_none()
            && self.message.is_none();
        let new_session = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::N);
        if self.dialog.is_none() && ui.input_mut(|i| i.consume_shortcut(&new_session)) {
            commands.push((Asker::Shell, Command::NewSession));
        }
        let find = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::K);
        if self.dialog.is_none() && ui.input_mut(|i| i.consume_shortcut(&find)) {
            commands.push((Asker::Shell, Command::Find));
        }
        egui::Panel::top("top-bar").show(ui, |ui| {
            self.top_bar(ui, &mut commands);
        });
        self.read_only_banner(ui);
        egui::Panel::bottom("status-line").show(ui, |ui| {
            self.status_line(ui, &mut commands);
        });
        self.refresh_due_count();
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| self.navigation(ui, &mut commands));
        self.central(ui, &mut commands);
        self.dropped_files(ui, &mut commands);
        if escape && crate::ui::widgets::form_shown(ui.ctx()) {
            commands.push((Asker::Shell, Command::CloseForm));
        }
        self.guard_frame(ui.ctx());
        self.message_dialog(ui);
        if !commands.is_empty() {
            // What a command changed is drawn in the next frame, not at the next mouse move.
            ui.ctx().request_repaint();
        }
        for (asker, command) in commands {
            self.apply_from(asker, command);
        }
        self.guard_frame_end();
        // A box closed this frame still blocks the next frame's clicks (egui keeps the last
        // frame's top modal layer): one more frame at once, so the next click is not lost.
        if self.boxes_open() != boxes_before {
            ui.ctx().request_repaint();
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

    /// How many boxes (a dialog, a message, the question about unsaved work) are open.
    fn boxes_open(&self) -> usize {
        usize::from(self.dialog.is_some())
            + usize::from(self.message.is_some())
            + usize::from(self.guard.is_asking())
    }

    /// A studio only read: another window may be writing the file, so look again every second.
    fn look_elsewhere(&mut self, ctx: &egui::Context) {
        if self.read_only.is_none() {
            return;
        }
        let second = std::time::Duration::from_secs(1);
        if self
            .looked_elsewhere
            .is_none_or(|at| at.elapsed() >= second)
        {
            self.looked_elsewhere = Some(std::time::Instant::now());
            self.store.reload_if_changed_elsewhere();
        }
        ctx.request_repaint_after(second);
    }

    /// Why the studio can only be read, with 另存副本….
    fn read_only_banner(&mut self, ui: &mut Ui) {
        let Some(marked) = self.read_only else {
            return;
        };
        let lang = self.settings.lang;
        egui::Panel::top("read-only").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(crate::ui::widgets::ERROR_RED, lang.read_only_reason(marked));
                if ui.button(lang.save_copy_offer()).clicked() {
                    self.open_save_copy_dialog();
                }
            });
        });
    }

    /// The file, the last message with Undo, what waits for review, and long work's progress.
    fn status_line(&mut self, ui: &mut Ui, commands: &mut Vec<(Asker, Command)>) {
        let lang = self.settings.lang;
        let waiting = self.review_waiting();
        let mut ask = |command| commands.push((Asker::Shell, command));
        ui.horizontal(|ui| {
            // The file's name; its folder on hover (the status beside it gets the room).
            let (name, path) = self.store.path().map_or_else(Default::default, |p| {
                (
                    p.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    p.display().to_string(),
                )
            });
            ui.label(RichText::new(name).weak()).on_hover_text(path);
            ui.separator();
            let status = if self.status.is_empty() {
                lang.status_ready()
            } else {
                &self.status
            };
            if let Some(undo) = &self.undo
                && ui.button(lang.undo()).clicked()
            {
                ask(Command::Write(undo.clone()));
            }
            if self.merge_undo.is_some() && ui.button(lang.merge_undo()).clicked() {
                ask(Command::UndoMerge);
            }
            if waiting > 0
                && self.settings.screen != Screen::Review
                && ui
                    .button(format!("{}（{waiting}）", lang.review_waiting()))
                    .clicked()
            {
                ask(Command::Navigate(Screen::Review));
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
                    ask(Command::CancelWork);
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
                        self.message = Some((MessageKind::Notice, lang.no_file_manager(folder)));
                    }
                }
                // A line cut short shows whole when hovered.
                ui.add(egui::Label::new(status).truncate());
            }
        });
    }

    /// The entries of the navigation panel.
    fn navigation(&self, ui: &mut Ui, commands: &mut Vec<(Asker, Command)>) {
        let lang = self.settings.lang;
        ui.add_space(8.0);
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        for (screen, label) in [
            (Screen::Dashboard, lang.nav_dashboard()),
            (Screen::Calendar, lang.nav_calendar()),
            (Screen::Roster, lang.nav_roster()),
            (Screen::Sessions, lang.nav_sessions()),
            (Screen::Problems, lang.nav_problems()),
            (Screen::Learn, lang.nav_learn()),
            (Screen::Help, lang.nav_help()),
            (Screen::Compare, lang.nav_compare()),
            (Screen::Communicate, lang.nav_communicate()),
            (Screen::Incentivise, lang.nav_incentivise()),
            (Screen::League, lang.nav_league()),
            (Screen::ThemeDays, lang.nav_theme_days()),
            (Screen::Appraise, lang.nav_appraise()),
            (Screen::Bases, lang.nav_bases()),
            (Screen::Tasks, lang.nav_tasks()),
            (Screen::Decisions, lang.nav_decisions()),
            (Screen::AreasBranches, lang.nav_areas_branches()),
        ] {
            let current = self.settings.screen.list_of_record() == screen;
            let text: egui::WidgetText = match self.due_count.get(&self.today()) {
                Some(Ok((count, overdue))) if screen == Screen::Calendar && *count > 0 => {
                    due_label(label, *count, *overdue > 0).into()
                }
                _ => RichText::new(label).size(16.0).into(),
            };
            if ui.selectable_label(current, text).clicked() {
                commands.push((Asker::Shell, Command::Navigate(screen)));
            }
        }
    }

    /// The count beside 日程 loaded for today, off the frame, once per store generation.
    fn refresh_due_count(&mut self) {
        let ctx = ViewContext {
            screen: self.settings.screen,
            store: &self.store,
            lang: self.settings.lang,
            today: self.today(),
            loader: &self.loader,
            names: None,
            period: self.period(),
            actor: &self.settings.actor,
        };
        self.due_count
            .refresh(&ctx, &ctx.today, crate::ui::calendar::load_due_count);
    }

    /// Files dragged onto the window: photos for the session or problem on screen. While
    /// they hover, the window says where they will go.
    fn dropped_files(&mut self, ui: &mut Ui, commands: &mut Vec<(Asker, Command)>) {
        use crate::domain::picture::{PictureKind, PictureOwner};
        let lang = self.settings.lang;
        let owner = match self.settings.screen {
            Screen::Session(id) => Some(PictureOwner::Session(id)),
            Screen::Problem(id) => Some(PictureOwner::Problem(id)),
            Screen::Base(id) => Some(PictureOwner::Base(id)),
            _ => None,
        };
        let (hovering, dropped) = ui.input(|i| {
            (
                !i.raw.hovered_files.is_empty(),
                i.raw
                    .dropped_files
                    .iter()
                    .map(|f| f.path().to_path_buf())
                    .collect::<Vec<_>>(),
            )
        });
        if hovering {
            let text = if owner.is_some() {
                lang.drop_here()
            } else {
                lang.drop_where()
            };
            let painter = ui.ctx().layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop-files"),
            ));
            let rect = ui.ctx().content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(150));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                text,
                egui::FontId::proportional(24.0),
                egui::Color32::WHITE,
            );
        }
        if dropped.is_empty() {
            return;
        }
        match owner {
            Some(owner) => {
                let paths = dropped
                    .iter()
                    .flat_map(|p: &std::path::PathBuf| crate::pictures::files_at(p))
                    .collect();
                commands.push((
                    Asker::Shell,
                    Command::AttachPictures {
                        owner,
                        kind: PictureKind::Photo,
                        caption: String::new(),
                        paths,
                    },
                ));
            }
            None => self.show_notice(lang.drop_where().to_owned()),
        }
    }

    /// The screen shown and the dialog over it.
    fn central(&mut self, ui: &mut Ui, commands: &mut Vec<(Asker, Command)>) {
        let lang = self.settings.lang;
        let today = self.today();
        let screen = self.settings.screen;
        let period = self.period();
        self.names.refresh(
            &ViewContext {
                screen,
                store: &self.store,
                lang,
                today,
                loader: &self.loader,
                names: None,
                period,
                actor: &self.settings.actor,
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
                screen,
                store: &self.store,
                lang,
                today,
                loader: &self.loader,
                names: names.as_deref(),
                period,
                actor: &self.settings.actor,
            };
            let asked = self.screens.view(screen).ui(ui, &ctx);
            commands.extend(asked.into_iter().map(|c| (Asker::Screen(screen), c)));
            // One box at a time: a message hides the dialog beneath it until it is closed,
            // so their titles never stack on one another.
            if let Some(dialog) = self.dialog.as_mut().filter(|_| self.message.is_none()) {
                let (command, closed) = dialog.ui(ui, &ctx);
                commands.extend(command.map(|c| (Asker::Dialog, c)));
                if closed {
                    self.dialog = None;
                }
            }
        });
    }

    /// The error or notice shown over everything, with 另存副本… after a write that failed
    /// for lack of room or of permission.
    fn message_dialog(&mut self, ui: &mut Ui) {
        let lang = self.settings.lang;
        let Some((kind, message)) = &self.message else {
            return;
        };
        let title = match kind {
            MessageKind::Error => lang.error_title(),
            MessageKind::Notice => lang.notice_title(),
        };
        let offer_copy = self.offer_copy;
        let mut save_copy = false;
        let modal = crate::ui::widgets::message_box("error").show(ui.ctx(), |ui| {
            ui.set_max_width(520.0);
            ui.heading(title);
            ui.label(message.as_str());
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                // What was saved before stays; a copy elsewhere keeps working.
                save_copy = offer_copy && ui.button(lang.save_copy_offer()).clicked();
                ui.button(lang.close()).clicked()
                    || crate::ui::widgets::enter_confirms(ui)
                    || save_copy
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

    /// 文件: the studio file's menu.
    fn file_menu(&mut self, ui: &mut Ui, ask: &mut impl FnMut(Command)) {
        let lang = self.settings.lang;
        if ui.button(lang.file_new()).clicked() {
            self.open_path_dialog(PathPurpose::NewStudio, lang.say_studio_db());
        }
        if ui.button(lang.file_open()).clicked() {
            self.open_path_dialog(PathPurpose::OpenStudio, "");
        }
        if ui.button(lang.file_share()).clicked() {
            // Named by studio, day and time: two shares on one stick never collide, and the
            // coordinator there sees whose it is.
            let studio = self
                .studio_name
                .as_ref()
                .map(|(_, name)| name.clone())
                .unwrap_or_default();
            let name = crate::places::safe_file_name(&format!(
                "{studio}-{}-{}.db",
                lang.say_studio_share(),
                chrono::Local::now().format("%Y%m%d-%H%M")
            ));
            self.open_path_dialog(PathPurpose::Share, &name);
        }
        if ui.button(lang.file_merge()).clicked() {
            self.open_path_dialog(PathPurpose::Merge, "");
        }
        if ui.button(lang.file_backups()).clicked() {
            let read_only = self.read_only.map(|marked| lang.read_only_reason(marked));
            self.dialog = Some(Dialog::Backups(crate::ui::backups::BackupsDialog::new(
                self.store.backups(),
                read_only,
            )));
        }
        if ui.button(lang.menu_find()).clicked() {
            ask(Command::Find);
        }
        if ui.button(lang.file_review()).clicked() {
            ask(Command::Navigate(Screen::Review));
        }
        if ui.button(lang.file_save_copy()).clicked() {
            self.open_save_copy_dialog();
        }
        ui.menu_button(lang.file_recent(), |ui| {
            if self.settings.recent_files.is_empty() {
                ui.label(lang.file_recent_none());
            }
            let open = self.store.path();
            for path in &self.settings.recent_files {
                // The file on screen is not offered again.
                if Some(path.as_path()) == open {
                    continue;
                }
                let label = self.settings.recent_label(path);
                if ui
                    .button(label)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    ask(Command::OpenFile(path.clone()));
                }
            }
        });
        ui.separator();
        if ui.button(lang.file_import_roster()).clicked() {
            ask(Command::StartImport);
        }
        if ui.button(lang.file_import_people()).clicked() {
            ask(Command::StartPeopleImport);
        }
        if ui.button(lang.file_archive()).clicked() {
            let studio = self.store.studio().map(|s| s.name).unwrap_or_default();
            self.dialog = Some(Dialog::Documents(
                crate::ui::documents::DocumentsDialog::archive(
                    self.today(),
                    crate::places::documents_folder(),
                    Box::new(move |p| crate::archive::folder_name(&studio, lang, p)),
                ),
            ));
        }
        if ui.button(lang.file_document_heads()).clicked() {
            match self.store.document_heads() {
                Ok(heads) => {
                    self.dialog = Some(Dialog::Documents(
                        crate::ui::documents::DocumentsDialog::heads(heads),
                    ));
                }
                Err(error) => self.show_error(lang.store_error(&error)),
            }
        }
        if ui.button(lang.file_export()).clicked() {
            let folder = crate::places::documents_folder();
            self.dialog = Some(Dialog::Export(crate::ui::export::ExportDialog::new(
                folder.as_deref(),
                lang,
                self.today(),
            )));
        }
        ui.separator();
        if ui.button(lang.file_quit()).clicked() {
            ask(Command::Quit);
        }
    }

    fn top_bar(&mut self, ui: &mut Ui, commands: &mut Vec<(Asker, Command)>) {
        let mut ask = |command| commands.push((Asker::Shell, command));
        let lang = self.settings.lang;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(lang.menu_file(), |ui| self.file_menu(ui, &mut ask));
            ui.menu_button(lang.menu_look(), |ui| {
                for (choice, label) in [
                    (egui::ThemePreference::System, lang.look_system()),
                    (egui::ThemePreference::Light, lang.look_light()),
                    (egui::ThemePreference::Dark, lang.look_dark()),
                ] {
                    if ui.radio(self.settings.theme == choice, label).clicked() {
                        self.settings.theme = choice;
                        ui.close();
                    }
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
                    if let Some(path) = self.store.path()
                        && !name.is_empty()
                    {
                        self.settings
                            .studio_names
                            .insert(path.to_owned(), name.clone());
                    }
                    self.studio_name = Some((generation, name));
                }
                if let Some((_, name)) = &self.studio_name {
                    ui.separator();
                    ui.label(RichText::new(name.as_str()).strong());
                }
            });
        });
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let lang = self.settings.lang;
        // The studio's name, as the coordinator knows it; the file's name while it is unknown.
        let name = match &self.studio_name {
            Some((_, name)) if !name.is_empty() => name.clone(),
            _ => self
                .store
                .path()
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        };
        let title = if name.is_empty() {
            lang.app_title().to_owned()
        } else {
            format!("{name} — {}", lang.app_title())
        };
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// How many conflicts and possible duplicates wait for review (asked once per change).
    pub(super) fn review_waiting(&mut self) -> usize {
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
}

/// 日程 with what is due beside it, “日程 (7)”, the count red when any is overdue.
fn due_label(label: &str, count: usize, overdue: bool) -> egui::text::LayoutJob {
    let font = egui::FontId::proportional(16.0);
    // The label's own colour (as selected or hovered), filled in when drawn.
    let plain = egui::Color32::PLACEHOLDER;
    let mut job = egui::text::LayoutJob::default();
    job.append(label, 0.0, egui::TextFormat::simple(font.clone(), plain));
    let color = if overdue {
        crate::ui::widgets::ERROR_RED
    } else {
        plain
    };
    job.append(
        &format!(" ({count})"),
        0.0,
        egui::TextFormat::simple(font, color),
    );
    job
}
