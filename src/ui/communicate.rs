//! 交流: the notice board (pinned first), experience notes, and the exchange and observation
//! visits with their host villages — all searchable.

use super::data::{Memo, Names};
use super::widgets::{ERROR_RED, choice, in_office, row_button, screen_title, tabs, text_field};
use super::{Change, Command, Screen, ViewContext};
use crate::domain::exchange::{Note, NoteFields, Notice, NoticeFields, NoticeId, matches_search};
use crate::domain::points::NoteId;
use crate::domain::session::{SessionSummary, parse_day};
use crate::domain::{ProblemId, SecretaryId, SessionId};
use crate::i18n::Lang;
use crate::store::SystemRecord;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    Notices,
    Notes,
    Visits,
}

struct Model {
    notices: Vec<Notice>,
    notes: Vec<Note>,
    visits: Vec<SessionSummary>,
    sessions: Vec<(SessionId, String)>,
    problems: Vec<(ProblemId, String)>,
}

/// A notice or a note being typed (a notice has no author or links).
struct EntryForm {
    editing: Option<i64>,
    notice: bool,
    date: String,
    title: String,
    text: String,
    pinned: bool,
    author: Option<SecretaryId>,
    session: Option<SessionId>,
    problem: Option<ProblemId>,
    error: Option<String>,
    saving: bool,
    /// What the form held when first drawn (to tell unsaved work).
    opened: Option<String>,
}

impl super::widgets::FormWindow for EntryForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

/// The communicate screen.
#[derive(Default)]
pub struct CommunicateScreen {
    tab: Tab,
    query: String,
    data: Memo<(), Model>,
    form: Option<EntryForm>,
    /// The entries that match the search: (generation, tab, query) and their indices.
    visible: Option<((u64, Tab, String), Vec<usize>)>,
}

/// A note links to a recent session or problem: the lists offer the newest 200.
fn load(store: &crate::store::Store, (): &()) -> crate::store::Result<Model> {
    Ok(Model {
        notices: store.notices()?,
        notes: store.notes()?,
        visits: store.exchange_visits()?,
        sessions: store
            .recent_sessions(200)?
            .into_iter()
            .map(|(id, day, topic)| (id, format!("{} {topic}", day.format("%Y-%m-%d"))))
            .collect(),
        problems: store.recent_problems(200)?,
    })
}

impl super::View for CommunicateScreen {
    fn unsaved(&self) -> Option<super::drafts::Draft> {
        self.form
            .as_ref()
            .filter(|f| f.has_changes())
            .map(|_| super::drafts::Draft::Unkept)
    }

    fn discard_unsaved(&mut self) {
        self.form = None;
    }

    /// Draws the screen.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        // The title shows at once, while the data is still on its way.
        screen_title(ui, lang.nav_communicate());
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        self.data.refresh(ctx, &(), load);
        let generation = self.data.loaded_at().unwrap_or_default();
        let Some(model) = super::data::ready(ui, lang, self.data.get(&())) else {
            return commands;
        };
        ui.horizontal(|ui| {
            super::widgets::search_field(ui, lang, &mut self.query, "", 200.0);
            ui.separator();
            if ui.button(lang.new_notice()).clicked() {
                self.form = Some(EntryForm::new(true, ctx));
            }
            if ui.button(lang.new_note()).clicked() {
                self.form = Some(EntryForm::new(false, ctx));
            }
        });
        tabs(
            ui,
            &mut self.tab,
            &[
                (Tab::Notices, lang.notice_board()),
                (Tab::Notes, lang.experience_notes()),
                (Tab::Visits, lang.exchange_visits()),
            ],
        );
        // Which entries match, worked out again only when the search, the tab or the data
        // changes (a county file has thousands of notices).
        let key = (generation, self.tab, self.query.clone());
        if self.visible.as_ref().is_none_or(|(k, _)| *k != key) {
            let query = self.query.as_str();
            let visible: Vec<usize> = match self.tab {
                Tab::Notices => (0..model.notices.len())
                    .filter(|i| {
                        let n = &model.notices[*i].fields;
                        matches_search(&n.title, query) || matches_search(&n.text, query)
                    })
                    .collect(),
                Tab::Notes => (0..model.notes.len())
                    .filter(|i| {
                        let n = &model.notes[*i].fields;
                        matches_search(&n.title, query)
                            || matches_search(&n.text, query)
                            || matches_search(&names.secretary(n.author), query)
                    })
                    .collect(),
                Tab::Visits => (0..model.visits.len())
                    .filter(|i| {
                        let v = &model.visits[*i].fields;
                        matches_search(&v.topic, query)
                            || matches_search(&v.place, query)
                            || matches_search(&names.branch(v.host_branch_id), query)
                    })
                    .collect(),
            };
            self.visible = Some((key, visible));
        }
        let visible = self.visible.take();
        if let Some((_, rows)) = &visible {
            let row_height = if self.tab == Tab::Visits { 24.0 } else { 46.0 };
            TableBuilder::new(ui)
                .striped(true)
                .column(Column::remainder())
                .body(|body| {
                    body.rows(row_height, rows.len(), |mut row| {
                        let index = rows[row.index()];
                        row.col(|ui| match self.tab {
                            Tab::Notices => {
                                let notice = &model.notices[index];
                                commands.extend(notice_row(ui, lang, notice, &mut self.form));
                            }
                            Tab::Notes => {
                                let note = &model.notes[index];
                                commands.extend(note_row(ui, lang, note, names, &mut self.form));
                            }
                            Tab::Visits => {
                                commands.extend(visit_row(ui, lang, &model.visits[index], names));
                            }
                        });
                    });
                });
        }
        self.visible = visible;
        if let Some(form) = &mut self.form {
            let (command, closed) = form.ui(ui, lang, model, names);
            commands.extend(command);
            if closed {
                self.form = None;
            }
        }
        commands
    }

    /// After a write: the form closes if it succeeded.
    fn write_finished(&mut self, succeeded: bool) {
        super::widgets::close_after_write(&mut self.form, succeeded);
    }
}
impl EntryForm {
    /// What is typed and chosen, as one text.
    fn typed(&self) -> String {
        format!(
            "{:?}",
            (
                &self.date,
                &self.title,
                &self.text,
                self.pinned,
                self.author,
                self.session,
                self.problem
            )
        )
    }

    /// Whether anything was typed or chosen since the form was first drawn.
    fn has_changes(&self) -> bool {
        self.opened.as_ref().is_some_and(|o| *o != self.typed())
    }

    fn new(notice: bool, ctx: &ViewContext<'_>) -> Self {
        Self {
            editing: None,
            notice,
            date: ctx.today.format("%Y-%m-%d").to_string(),
            title: String::new(),
            text: String::new(),
            pinned: false,
            author: None,
            session: None,
            problem: None,
            error: None,
            saving: false,
            opened: None,
        }
    }

    fn edit_notice(notice: &Notice) -> Self {
        Self {
            editing: Some(notice.id.0),
            notice: true,
            date: notice.fields.posted_on.format("%Y-%m-%d").to_string(),
            title: notice.fields.title.clone(),
            text: notice.fields.text.clone(),
            pinned: notice.fields.pinned,
            author: None,
            session: None,
            problem: None,
            error: None,
            saving: false,
            opened: None,
        }
    }

    fn edit_note(note: &Note) -> Self {
        Self {
            editing: Some(note.id.0),
            notice: false,
            date: note.fields.written_on.format("%Y-%m-%d").to_string(),
            title: note.fields.title.clone(),
            text: note.fields.text.clone(),
            pinned: false,
            author: note.fields.author,
            session: note.fields.session,
            problem: note.fields.problem,
            error: None,
            saving: false,
            opened: None,
        }
    }

    fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        model: &Model,
        names: &Names,
    ) -> (Option<Command>, bool) {
        if self.opened.is_none() {
            self.opened = Some(self.typed());
        }
        let mut command = None;
        let mut closed = super::widgets::escape_pressed(ui);
        let title = match (self.notice, self.editing.is_some()) {
            (true, false) => lang.new_notice(),
            (true, true) => lang.edit_notice(),
            (false, false) => lang.new_note(),
            (false, true) => lang.edit_note(),
        };
        super::widgets::form_window(ui, title, "exchange-form", 520.0, |ui| {
            egui::Grid::new("exchange-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    text_field(ui, lang.col_date(), &mut self.date, lang.day_hint(), None);
                    text_field(ui, lang.col_heading(), &mut self.title, "", None);
                    if self.notice {
                        ui.label("");
                        ui.checkbox(&mut self.pinned, lang.pin());
                        ui.end_row();
                    } else {
                        let people = in_office(&names.roster);
                        choice(
                            ui,
                            "note-author",
                            lang.col_author(),
                            &mut self.author,
                            &people,
                            Some(lang.none_value()),
                            |id| names.secretary(Some(id)),
                        );
                        ui.end_row();
                        let sessions: Vec<SessionId> =
                            model.sessions.iter().map(|(id, _)| *id).collect();
                        choice(
                            ui,
                            "note-session",
                            lang.linked_session(),
                            &mut self.session,
                            &sessions,
                            Some(lang.none_value()),
                            |id| super::widgets::name_in(&model.sessions, &id),
                        );
                        ui.end_row();
                        let problems: Vec<ProblemId> =
                            model.problems.iter().map(|(id, _)| *id).collect();
                        choice(
                            ui,
                            "note-problem",
                            lang.linked_problem(),
                            &mut self.problem,
                            &problems,
                            Some(lang.none_value()),
                            |id| super::widgets::name_in(&model.problems, &id),
                        );
                        ui.end_row();
                    }
                    let label = ui.label(lang.col_text());
                    ui.add(
                        egui::TextEdit::multiline(&mut self.text)
                            .desired_rows(6)
                            .desired_width(360.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                });
            ui.horizontal(|ui| {
                if crate::ui::widgets::save_button(ui, lang, self.saving) {
                    let date = parse_day(&self.date);
                    self.error = if date.is_none() {
                        Some(lang.error_not_a_date().to_owned())
                    } else if self.title.trim().is_empty() {
                        Some(lang.title_required().to_owned())
                    } else {
                        None
                    };
                    if let (None, Some(date)) = (&self.error, date) {
                        self.saving = true;
                        command = Some(Command::Write(self.change(date)));
                    }
                }
                if ui.button(lang.cancel()).clicked() {
                    closed = true;
                }
                if let Some(error) = &self.error {
                    ui.colored_label(ERROR_RED, error);
                }
            });
        });
        (command, closed)
    }

    fn change(&self, date: chrono::NaiveDate) -> Change {
        if self.notice {
            let fields = NoticeFields {
                posted_on: date,
                title: self.title.trim().to_owned(),
                text: self.text.trim().to_owned(),
                pinned: self.pinned,
            };
            match self.editing {
                Some(id) => Change::UpdateNotice(NoticeId(id), fields),
                None => Change::AddNotice(fields),
            }
        } else {
            let fields = NoteFields {
                written_on: date,
                title: self.title.trim().to_owned(),
                author: self.author,
                text: self.text.trim().to_owned(),
                session: self.session,
                problem: self.problem,
            };
            match self.editing {
                Some(id) => Change::UpdateNote(NoteId(id), fields),
                None => Change::AddNote(fields),
            }
        }
    }
}

fn notice_row(
    ui: &mut Ui,
    lang: Lang,
    notice: &Notice,
    form: &mut Option<EntryForm>,
) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        if notice.fields.pinned {
            ui.label(RichText::new(lang.pinned_mark()).color(ERROR_RED));
        }
        ui.strong(&notice.fields.title);
        ui.label(RichText::new(notice.fields.posted_on.format("%Y-%m-%d").to_string()).weak());
        let (label, pinned) = if notice.fields.pinned {
            (lang.unpin(), false)
        } else {
            (lang.pin(), true)
        };
        if row_button(ui, label, &notice.fields.title).clicked() {
            let mut fields = notice.fields.clone();
            fields.pinned = pinned;
            command = Some(Command::Write(Change::UpdateNotice(notice.id, fields)));
        }
        if row_button(ui, lang.edit(), &notice.fields.title).clicked() {
            *form = Some(EntryForm::edit_notice(notice));
        }
        if row_button(ui, lang.delete(), &notice.fields.title).clicked() {
            command = Some(Command::Write(Change::DeleteRecord(SystemRecord::Notice(
                notice.id,
            ))));
        }
    });
    ui.add(egui::Label::new(&notice.fields.text).truncate())
        .on_hover_text(&notice.fields.text);
    command
}

fn note_row(
    ui: &mut Ui,
    lang: Lang,
    note: &Note,
    names: &Names,
    form: &mut Option<EntryForm>,
) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        ui.strong(&note.fields.title);
        ui.label(
            RichText::new(format!(
                "{}  {}",
                names.secretary(note.fields.author),
                note.fields.written_on.format("%Y-%m-%d")
            ))
            .weak(),
        );
        if let Some(session) = note.fields.session
            && ui.link(lang.linked_session()).clicked()
        {
            command = Some(Command::Navigate(Screen::Session(session)));
        }
        if let Some(problem) = note.fields.problem
            && ui.link(lang.linked_problem()).clicked()
        {
            command = Some(Command::Navigate(Screen::Problem(problem)));
        }
        if row_button(ui, lang.edit(), &note.fields.title).clicked() {
            *form = Some(EntryForm::edit_note(note));
        }
        if row_button(ui, lang.delete(), &note.fields.title).clicked() {
            command = Some(Command::Write(Change::DeleteRecord(SystemRecord::Note(
                note.id,
            ))));
        }
    });
    ui.add(egui::Label::new(&note.fields.text).truncate())
        .on_hover_text(&note.fields.text);
    command
}

fn visit_row(ui: &mut Ui, lang: Lang, visit: &SessionSummary, names: &Names) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        ui.label(visit.fields.held_on.format("%Y-%m-%d").to_string());
        ui.label(lang.session_kind(visit.fields.kind));
        let host = names.branch(visit.fields.host_branch_id);
        if !host.is_empty() {
            ui.label(format!(
                "{}{}{host}",
                lang.col_host_village(),
                lang.say_colon()
            ));
        }
        if ui.link(&visit.fields.topic).clicked() {
            command = Some(Command::Navigate(Screen::Session(visit.id)));
        }
        ui.label(RichText::new(format!("{}/{}", visit.attended, visit.expected)).weak());
    });
    command
}
