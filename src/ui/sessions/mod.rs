//! 活动台账: the sessions list, one session's page with its attendance, and the session form.

use super::data::Memo;
use super::widgets::{choice, screen_title};
use super::{Command, Screen, ViewContext};
use crate::domain::session::{SessionDraft, SessionKind, SessionSummary, StudioSystem, parse_day};
use crate::domain::{AreaId, SessionId};
use crate::i18n::Lang;
use crate::store::Store;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

mod form;

mod page;

pub use form::SessionForm;
pub use page::SessionPage;

/// What decides which sessions are listed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Filters {
    from: String,
    to: String,
    kind: Option<SessionKind>,
    system: Option<StudioSystem>,
    area: Option<AreaId>,
    query: String,
}

fn load_sessions(store: &Store, (): &()) -> crate::store::Result<Vec<SessionSummary>> {
    store.sessions()
}

/// The sessions list.
#[derive(Default)]
pub struct SessionsScreen {
    sessions: Memo<(), Vec<SessionSummary>>,
    filters: Filters,
    visible: super::data::Filtered<(u64, Filters)>,
    /// The new-session form, when open.
    form: Option<SessionForm>,
}

impl SessionsScreen {
    /// Opens the new-session form filled with `draft` (a help visit asked for elsewhere).
    pub fn start_adding(&mut self, draft: crate::domain::session::SessionDraft) {
        self.form = Some(SessionForm::new(None, draft));
    }

    /// The topics listed, in order (for tests).
    pub fn visible_topics(&self) -> Vec<String> {
        self.visible
            .each(self.sessions.shown(), |x| x.fields.topic.clone())
    }
}

impl super::View for SessionsScreen {
    fn file_changed(&mut self) {
        self.form = None;
    }

    fn unsaved(&self) -> Option<super::drafts::Draft> {
        self.form.as_ref().and_then(SessionForm::unsaved)
    }

    fn restore(&mut self, draft: &super::drafts::Draft) -> bool {
        match draft {
            super::drafts::Draft::Session {
                editing: None,
                draft,
            } => {
                self.form = Some(SessionForm::restored(None, (**draft).clone()));
                true
            }
            _ => false,
        }
    }

    fn write_finished(&mut self, succeeded: bool) {
        SessionForm::write_finished(&mut self.form, succeeded);
    }

    /// Draws the list.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        // The title shows at once, while the data is still on its way.
        screen_title(ui, lang.sessions_title());
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        let areas = &names.areas;
        self.sessions.refresh(ctx, &(), load_sessions);
        let Some(sessions) = super::data::ready(ui, lang, self.sessions.get(&())) else {
            return commands;
        };
        let key = (
            self.sessions.loaded_at().unwrap_or_default(),
            self.filters.clone(),
        );
        let f = &self.filters;
        let (from, to, query) = (parse_day(&f.from), parse_day(&f.to), f.query.trim());
        self.visible.refresh(key, sessions, |session| {
            let s = &session.fields;
            from.is_none_or(|d| s.held_on >= d)
                && to.is_none_or(|d| s.held_on <= d)
                && f.kind.is_none_or(|k| s.kind == k)
                && f.system.is_none_or(|k| s.systems.contains(k))
                && f.area.is_none_or(|a| s.area_id == Some(a))
                && (query.is_empty()
                    || s.topic.contains(query)
                    || s.discussion.contains(query)
                    || s.place.contains(query))
        });
        let filters = &mut self.filters;
        ui.horizontal_wrapped(|ui| {
            for (label, text, hint) in [
                (lang.from_date(), &mut filters.from, lang.day_hint()),
                (lang.to_date(), &mut filters.to, lang.day_hint()),
            ] {
                let label = ui.label(label);
                ui.add_sized(
                    [136.0, 20.0],
                    egui::TextEdit::singleline(text).hint_text(hint),
                )
                .labelled_by(label.id);
            }
            choice(
                ui,
                "sessions-kind",
                lang.col_session_kind(),
                &mut filters.kind,
                SessionKind::ALL,
                Some(lang.all()),
                |k| lang.session_kind(k).to_owned(),
            );
            choice(
                ui,
                "sessions-system",
                lang.col_systems(),
                &mut filters.system,
                StudioSystem::ALL,
                Some(lang.all()),
                |s| lang.studio_system(s).to_owned(),
            );
            let area_ids: Vec<AreaId> = areas.iter().map(|a| a.id).collect();
            choice(
                ui,
                "sessions-area",
                lang.col_area(),
                &mut filters.area,
                &area_ids,
                Some(lang.all()),
                |id| names.area(Some(id)),
            );
            super::widgets::search_field(
                ui,
                lang,
                &mut filters.query,
                lang.search_sessions(),
                160.0,
            );
            ui.separator();
            if ui
                .button(lang.new_session())
                .on_hover_text("Ctrl+N")
                .clicked()
            {
                self.form = Some(SessionForm::new(None, SessionDraft::new(ctx.today)));
            }
        });
        ui.label(lang.shown_sessions(self.visible.rows().len(), sessions.len()));
        ui.separator();
        if let Some(id) = sessions_table(ui, lang, sessions, self.visible.rows()) {
            commands.push(Command::Navigate(Screen::Session(id)));
        }
        if let Some(form) = &mut self.form {
            match form.ui(ui, ctx, areas) {
                Some(command) => commands.push(command),
                None if form.closed => self.form = None,
                None => {}
            }
        }
        commands
    }
}

fn sessions_table(
    ui: &mut Ui,
    lang: Lang,
    sessions: &[SessionSummary],
    visible: &[usize],
) -> Option<SessionId> {
    let mut open = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .min_scrolled_height(0.0)
        .column(Column::initial(96.0))
        .column(Column::initial(84.0))
        .column(Column::initial(300.0).clip(true))
        .column(Column::initial(200.0).clip(true))
        .column(Column::initial(110.0).clip(true))
        .column(Column::remainder().at_least(80.0))
        .header(row_height, |mut header| {
            for label in [
                lang.col_date(),
                lang.col_session_kind(),
                lang.col_topic(),
                lang.col_place(),
                lang.col_systems(),
                lang.col_attendance(),
            ] {
                header.col(|ui| {
                    ui.strong(label);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, visible.len(), |mut row| {
                let session = &sessions[visible[row.index()]];
                let fields = &session.fields;
                row.col(|ui| {
                    ui.label(fields.held_on.format("%Y-%m-%d").to_string());
                });
                row.col(|ui| {
                    ui.label(lang.session_kind(fields.kind));
                });
                row.col(|ui| {
                    if ui.link(&fields.topic).clicked() {
                        open = Some(session.id);
                    }
                });
                row.col(|ui| {
                    ui.label(&fields.place);
                });
                row.col(|ui| {
                    ui.label(lang.systems(fields.systems));
                });
                row.col(|ui| {
                    if session.expected == 0 {
                        ui.label(RichText::new(lang.not_marked()).weak());
                    } else {
                        ui.label(format!("{} / {}", session.attended, session.expected));
                    }
                });
            });
        });
    open
}
