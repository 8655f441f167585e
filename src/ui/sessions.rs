//! 活动台账: the sessions list, one session's page with its attendance, and the session form.

use super::data::{Memo, Names};
use super::widgets::{ERROR_RED, choice, print_buttons, screen_title, text_field};
use super::{Change, Command, Screen, ViewContext};
use crate::domain::learning::{PlanItemId, StudyKind};
use crate::domain::pairing::PairingId;
use crate::domain::session::TopicDraft;
use crate::domain::session::{
    AttendanceMark, AttendanceStatus, SessionDraft, SessionField, SessionFieldError, SessionFields,
    SessionKind, SessionSummary, StudioSystem, parse_day,
};
use crate::domain::{Area, AreaId, BranchId, RosterEntry, SecretaryId, SessionId};
use crate::i18n::Lang;
use crate::print::{Printable, Printout};
use crate::store::Store;
use chrono::Datelike;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};
use std::collections::HashMap;

/// The session form, in a window.
pub struct SessionForm {
    /// The session being edited, or `None` for a new one.
    pub editing: Option<SessionId>,
    /// The fields as typed.
    pub draft: SessionDraft,
    errors: Vec<(SessionField, SessionFieldError)>,
    /// Pairings, branches and plan items to choose from, for the session's year.
    choices: Memo<i32, FormChoices>,
    /// Set while the app writes what the form saved.
    pub saving: bool,
    /// Set when the user cancelled.
    pub closed: bool,
}

/// What the form's drop-down lists offer.
#[derive(Default)]
struct FormChoices {
    pairings: Vec<(PairingId, String)>,
    branches: Vec<(BranchId, String)>,
    plan_items: Vec<(PlanItemId, String)>,
}

impl FormChoices {
    fn load(store: &Store, year: &i32) -> crate::store::Result<Self> {
        let roster = store.roster()?;
        let name = |id: SecretaryId| {
            roster
                .iter()
                .find(|e| e.id == id)
                .map(|e| e.fields.name.clone())
                .unwrap_or_default()
        };
        Ok(Self {
            pairings: store
                .pairings()?
                .into_iter()
                .map(|p| {
                    (
                        p.id,
                        format!("{} → {}", name(p.fields.strong), name(p.fields.weak)),
                    )
                })
                .collect(),
            branches: store
                .branches()?
                .into_iter()
                .filter(|b| !b.archived)
                .map(|b| (b.id, b.name))
                .collect(),
            plan_items: store
                .learning_plan(*year)?
                .into_iter()
                .map(|(item, _)| (item.id, format!("{}月 {}", item.month, item.title)))
                .collect(),
        })
    }
}

/// What is wrong with `field`, in words, if anything.
fn field_error(
    errors: &[(SessionField, SessionFieldError)],
    field: SessionField,
    lang: Lang,
) -> Option<&'static str> {
    errors
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, e)| lang.session_field_error(*e))
}

impl SessionForm {
    /// A form for a new session (`editing` = None) or for editing one.
    pub fn new(editing: Option<SessionId>, draft: SessionDraft) -> Self {
        Self {
            editing,
            draft,
            errors: Vec::new(),
            choices: Memo::default(),
            saving: false,
            closed: false,
        }
    }

    /// After a write: closes if it succeeded, stays open with what was typed if not.
    pub fn write_finished(form: &mut Option<Self>, succeeded: bool) {
        super::widgets::close_after_write(form, succeeded);
    }

    /// Draws the form; returns the write to make when a valid session is saved.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, areas: &[Area]) -> Option<Command> {
        let lang = ctx.lang;
        let mut command = None;
        let year = parse_day(&self.draft.date).map_or(ctx.today.year(), |d| d.year());
        self.choices.refresh(ctx, &year, FormChoices::load);
        let none = FormChoices::default();
        let choices = match self.choices.get(&year) {
            Some(Ok(choices)) => choices,
            _ => &none,
        };

        // Once a save was refused, the messages follow the corrections as they are typed.
        if !self.errors.is_empty() {
            self.errors = self.draft.validate().err().unwrap_or_default();
        }
        let title = if self.editing.is_some() {
            lang.edit_session()
        } else {
            lang.new_session()
        };
        super::widgets::form_window(ui, title, "session-form", 560.0, |ui| {
            egui::Grid::new("session-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    let date_error = field_error(&self.errors, SessionField::Date, lang);
                    text_field(
                        ui,
                        lang.col_date(),
                        &mut self.draft.date,
                        lang.day_hint(),
                        date_error,
                    );
                    let start_error = field_error(&self.errors, SessionField::Start, lang);
                    text_field(
                        ui,
                        lang.col_start(),
                        &mut self.draft.start,
                        lang.time_hint(),
                        start_error,
                    );
                    let end_error = field_error(&self.errors, SessionField::End, lang);
                    text_field(
                        ui,
                        lang.col_end(),
                        &mut self.draft.end,
                        lang.time_hint(),
                        end_error,
                    );
                    let topic_error = field_error(&self.errors, SessionField::Topic, lang);
                    text_field(ui, lang.col_topic(), &mut self.draft.topic, "", topic_error);
                    let mut kind = Some(self.draft.kind);
                    if choice(
                        ui,
                        "session-kind",
                        lang.col_session_kind(),
                        &mut kind,
                        SessionKind::ALL,
                        None,
                        |k| lang.session_kind(k).to_owned(),
                    ) && let Some(kind) = kind
                    {
                        self.draft.kind = kind;
                        self.draft.systems = crate::domain::session::Systems::default_for(kind);
                    }
                    ui.end_row();
                    ui.label(lang.col_systems());
                    ui.horizontal(|ui| {
                        for system in StudioSystem::ALL {
                            let mut on = self.draft.systems.contains(*system);
                            if ui.checkbox(&mut on, lang.studio_system(*system)).changed() {
                                self.draft.systems.set(*system, on);
                            }
                        }
                    });
                    ui.end_row();
                    let area_ids: Vec<AreaId> =
                        areas.iter().filter(|a| !a.archived).map(|a| a.id).collect();
                    choice(
                        ui,
                        "session-area",
                        lang.col_area(),
                        &mut self.draft.area_id,
                        &area_ids,
                        Some(lang.whole_studio()),
                        |id| {
                            areas
                                .iter()
                                .find(|a| a.id == id)
                                .map(|a| a.name.clone())
                                .unwrap_or_default()
                        },
                    );
                    ui.end_row();
                    match self.draft.kind {
                        SessionKind::HelpVisit => {
                            let ids: Vec<PairingId> =
                                choices.pairings.iter().map(|(id, _)| *id).collect();
                            choice(
                                ui,
                                "session-pairing",
                                lang.col_pairing(),
                                &mut self.draft.pairing_id,
                                &ids,
                                Some(lang.none_value()),
                                |id| super::widgets::name_in(&choices.pairings, &id),
                            );
                            ui.end_row();
                        }
                        SessionKind::Exchange | SessionKind::ObservationVisit => {
                            let ids: Vec<BranchId> =
                                choices.branches.iter().map(|(id, _)| *id).collect();
                            choice(
                                ui,
                                "session-host-branch",
                                lang.col_host_village(),
                                &mut self.draft.host_branch_id,
                                &ids,
                                Some(lang.none_value()),
                                |id| super::widgets::name_in(&choices.branches, &id),
                            );
                            ui.end_row();
                        }
                        _ => {}
                    }
                    text_field(ui, lang.col_place(), &mut self.draft.place, "", None);
                    text_field(ui, lang.col_host(), &mut self.draft.host, "", None);
                    text_field(ui, lang.col_recorder(), &mut self.draft.recorder, "", None);
                    for (label, text) in [
                        (lang.col_agenda(), &mut self.draft.agenda),
                        (lang.col_discussion(), &mut self.draft.discussion),
                        (lang.col_decisions(), &mut self.draft.decisions),
                    ] {
                        let label = ui.label(label);
                        ui.add(
                            egui::TextEdit::multiline(text)
                                .desired_rows(3)
                                .desired_width(380.0),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                    }
                });
            ui.add_space(6.0);
            let hours_error = field_error(&self.errors, SessionField::StudyHours, lang);
            study_topics_ui(ui, lang, &mut self.draft.study_topics, choices, hours_error);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!self.saving, egui::Button::new(lang.save()))
                    .clicked()
                {
                    match self.draft.validate() {
                        Ok(fields) => {
                            self.errors.clear();
                            self.saving = true;
                            command = Some(Command::Write(match self.editing {
                                Some(id) => Change::UpdateSession(id, Box::new(fields)),
                                None => Change::AddSession(Box::new(fields)),
                            }));
                        }
                        Err(errors) => self.errors = errors,
                    }
                }
                if ui.button(lang.cancel()).clicked() {
                    self.closed = true;
                }
            });
        });
        command
    }
}

/// The rows of study topics in the session form: title, kind, hours and plan item each.
fn study_topics_ui(
    ui: &mut Ui,
    lang: Lang,
    topics: &mut Vec<TopicDraft>,
    choices: &FormChoices,
    error: Option<&str>,
) {
    ui.horizontal(|ui| {
        ui.strong(lang.study_topics());
        if ui.button(lang.add_study_topic()).clicked() {
            topics.push(TopicDraft::new());
        }
        if let Some(error) = error {
            ui.colored_label(ERROR_RED, error);
        }
    });
    let plan_ids: Vec<PlanItemId> = choices.plan_items.iter().map(|(id, _)| *id).collect();
    let mut remove = None;
    egui::Grid::new("study-topics")
        .num_columns(5)
        .spacing([6.0, 4.0])
        .show(ui, |ui| {
            for (index, topic) in topics.iter_mut().enumerate() {
                let number = index + 1;
                super::widgets::name_text_field(
                    ui.add_sized(
                        [190.0, 20.0],
                        egui::TextEdit::singleline(&mut topic.title)
                            .hint_text(lang.study_title_hint()),
                    ),
                    &format!("{} {number}", lang.col_study_title()),
                );
                let mut kind = Some(topic.kind);
                if super::widgets::combo(
                    ui,
                    &format!("study-kind-{index}"),
                    &format!("{} {number}", lang.col_study_kind()),
                    &mut kind,
                    StudyKind::ALL,
                    None,
                    |k| lang.study_kind(k).to_owned(),
                ) && let Some(kind) = kind
                {
                    topic.kind = kind;
                }
                super::widgets::name_text_field(
                    ui.add_sized([40.0, 20.0], egui::TextEdit::singleline(&mut topic.hours)),
                    &format!("{} {number}", lang.col_study_hours()),
                );
                super::widgets::combo(
                    ui,
                    &format!("study-plan-{index}"),
                    &format!("{} {number}", lang.col_plan_item()),
                    &mut topic.plan_item,
                    &plan_ids,
                    Some(lang.not_in_plan()),
                    |id| super::widgets::name_in(&choices.plan_items, &id),
                );
                if super::widgets::row_button(
                    ui,
                    lang.remove(),
                    &format!("{} {number}", lang.remove()),
                )
                .clicked()
                {
                    remove = Some(index);
                }
                ui.end_row();
            }
        });
    if let Some(index) = remove {
        topics.remove(index);
    }
}

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
    visible: Vec<usize>,
    visible_key: Option<(u64, Filters)>,
    /// The new-session form, when open.
    form: Option<SessionForm>,
}

/// Which of `sessions` the filters let through, worked out again only when the data or the
/// filters change.
fn refresh_visible(
    visible: &mut Vec<usize>,
    visible_key: &mut Option<(u64, Filters)>,
    key: (u64, Filters),
    sessions: &[SessionSummary],
) {
    if visible_key.as_ref() == Some(&key) {
        return;
    }
    let f = &key.1;
    let from = parse_day(&f.from);
    let to = parse_day(&f.to);
    let query = f.query.trim();
    *visible = (0..sessions.len())
        .filter(|&i| {
            let s = &sessions[i].fields;
            from.is_none_or(|d| s.held_on >= d)
                && to.is_none_or(|d| s.held_on <= d)
                && f.kind.is_none_or(|k| s.kind == k)
                && f.system.is_none_or(|k| s.systems.contains(k))
                && f.area.is_none_or(|a| s.area_id == Some(a))
                && (query.is_empty()
                    || s.topic.contains(query)
                    || s.discussion.contains(query)
                    || s.place.contains(query))
        })
        .collect();
    *visible_key = Some(key);
}

impl SessionsScreen {
    /// Opens the new-session form filled with `draft` (a help visit asked for elsewhere).
    pub fn start_adding(&mut self, draft: crate::domain::session::SessionDraft) {
        self.form = Some(SessionForm::new(None, draft));
    }

    /// The topics listed, in order (for tests).
    pub fn visible_topics(&self) -> Vec<String> {
        match self.sessions.shown() {
            Some(sessions) => self
                .visible
                .iter()
                .map(|&i| sessions[i].fields.topic.clone())
                .collect(),
            None => Vec::new(),
        }
    }
}

impl super::View for SessionsScreen {
    fn write_finished(&mut self, succeeded: bool) {
        SessionForm::write_finished(&mut self.form, succeeded);
    }

    /// Draws the list.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        let Some(names) = ctx.names else {
            super::data::waiting(ui, lang);
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
        refresh_visible(&mut self.visible, &mut self.visible_key, key, sessions);
        screen_title(ui, lang.sessions_title());
        let filters = &mut self.filters;
        ui.horizontal_wrapped(|ui| {
            for (label, text, hint) in [
                (lang.from_date(), &mut filters.from, lang.day_hint()),
                (lang.to_date(), &mut filters.to, lang.day_hint()),
            ] {
                let label = ui.label(label);
                ui.add_sized(
                    [112.0, 20.0],
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
                |id| {
                    areas
                        .iter()
                        .find(|a| a.id == id)
                        .map(|a| a.name.clone())
                        .unwrap_or_default()
                },
            );
            let label = ui.label(lang.search());
            ui.add_sized(
                [160.0, 20.0],
                egui::TextEdit::singleline(&mut filters.query).hint_text(lang.search_sessions()),
            )
            .labelled_by(label.id);
            ui.separator();
            if ui.button(lang.new_session()).clicked() {
                self.form = Some(SessionForm::new(None, SessionDraft::new(ctx.today)));
            }
        });
        ui.label(lang.shown_sessions(self.visible.len(), sessions.len()));
        ui.separator();
        if let Some(id) = sessions_table(ui, lang, sessions, &self.visible) {
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

/// What a session's page shows, loaded once per store generation.
struct PageModel {
    fields: Option<SessionFields>,
    /// Problems raised at this session.
    problems: Vec<crate::domain::problem::ProblemSummary>,
    /// Problems followed up at this session.
    followed: Vec<crate::domain::problem::ProblemSummary>,
    /// Who is listed for attendance: secretaries in office, and anyone else with a mark.
    rows: Vec<(RosterEntry, Option<AttendanceMark>)>,
    /// For a help visit: the helper and the helped.
    pair: Option<[SecretaryId; 2]>,
}

fn load_page(store: &Store, id: &SessionId) -> crate::store::Result<PageModel> {
    let fields = store.session(*id)?;
    let (rows, pair) = match &fields {
        Some(fields) => (store.expected_at(*id, fields)?, store.pair_of(fields)?),
        None => (Vec::new(), None),
    };
    Ok(PageModel {
        pair,
        fields,
        rows,
        problems: store.problems_raised_at(*id)?,
        followed: store.problems_followed_at(*id)?,
    })
}

/// One session's page: its record, attendance and the problems raised there.
#[derive(Default)]
pub struct SessionPage {
    page: Memo<SessionId, PageModel>,
    /// The session `reasons` were typed for.
    shown_id: Option<SessionId>,
    /// Reasons for leave as typed, before they are saved.
    reasons: HashMap<SecretaryId, String>,
    /// The edit or duplicate form, when open.
    form: Option<SessionForm>,
    /// The form raising a problem at this session, when open.
    problem_form: Option<super::problems::ProblemForm>,
}

impl super::View for SessionPage {
    fn write_finished(&mut self, succeeded: bool) {
        SessionForm::write_finished(&mut self.form, succeeded);
        super::problems::ProblemForm::write_finished(&mut self.problem_form, succeeded);
    }

    /// Draws the page of session `id`.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let Screen::Session(id) = ctx.screen else {
            return Vec::new();
        };
        let lang = ctx.lang;
        let mut commands = Vec::new();
        if self.shown_id != Some(id) {
            self.shown_id = Some(id);
            self.reasons.clear();
        }
        if ui.button(format!("← {}", lang.back())).clicked() {
            commands.push(Command::Navigate(Screen::Sessions));
        }
        let Some(names) = ctx.names else {
            super::data::waiting(ui, lang);
            return commands;
        };
        self.page.refresh(ctx, &id, load_page);
        let Some(model) = super::data::ready(ui, lang, self.page.get(&id)) else {
            return commands;
        };
        // For a help visit, "helper → helped".
        let pair = model.pair.map(|[strong, weak]| {
            format!(
                "{} → {}",
                names.secretary(Some(strong)),
                names.secretary(Some(weak))
            )
        });
        let Some(fields) = &model.fields else {
            ui.label(lang.store_error(&crate::store::Error::RecordNotFound));
            return commands;
        };
        ui.horizontal(|ui| {
            ui.heading(format!("{} · {}", lang.session_page(), fields.topic));
            // The number `print summary ID` on the command line takes.
            ui.label(RichText::new(format!("{} {}", lang.col_session_number(), id.0)).weak());
        });
        ui.horizontal(|ui| {
            if ui.button(lang.edit()).clicked() {
                self.form = Some(SessionForm::new(
                    Some(id),
                    SessionDraft::from_fields(fields),
                ));
            }
            if ui.button(lang.duplicate_session()).clicked() {
                let mut draft = SessionDraft::from_fields(fields);
                draft.date = ctx.today.format("%Y-%m-%d").to_string();
                // A template, not a record: what was said and decided belongs to the old session.
                draft.discussion.clear();
                draft.decisions.clear();
                self.form = Some(SessionForm::new(None, draft));
            }
            if ui.button(lang.delete_session()).clicked() {
                commands.push(Command::Write(Change::DeleteSession(id)));
            }
            ui.separator();
            print_buttons(
                ui,
                lang,
                &[
                    (
                        lang.print_summary(),
                        Printable::Session(Printout::Summary, id),
                    ),
                    (
                        lang.print_sign_in(),
                        Printable::Session(Printout::SignIn, id),
                    ),
                ],
                &mut commands,
            );
        });
        ui.add_space(6.0);
        // The record on the left, the attendance on the right: both in view without scrolling.
        ui.columns(2, |columns| {
            egui::ScrollArea::vertical()
                .id_salt("session-record")
                .auto_shrink([false, false])
                .show(&mut columns[0], |ui| {
                    session_details(ui, lang, fields, &names.areas);
                    systems_details(ui, lang, fields, names, pair.as_deref());
                    ui.add_space(10.0);
                    ui.horizontal(|ui| {
                        ui.strong(lang.problems_here());
                        if ui.button(lang.raise_problem()).clicked() {
                            self.problem_form =
                                // A session planned ahead: the problem is raised today at the latest.
                                Some(super::problems::ProblemForm::new(fields.held_on.min(ctx.today), Some(id)));
                        }
                    });
                    commands.extend(super::problems::problem_links(ui, ctx, &model.problems));
                    if !model.followed.is_empty() {
                        ui.add_space(6.0);
                        ui.strong(lang.problems_followed());
                        commands.extend(super::problems::problem_links(ui, ctx, &model.followed));
                    }
                });
            egui::ScrollArea::vertical()
                .id_salt("session-attendance")
                .auto_shrink([false, false])
                .show(&mut columns[1], |ui| {
                    commands.extend(attendance_ui(ui, lang, id, &model.rows, &mut self.reasons));
                });
        });
        if let Some(form) = &mut self.form {
            match form.ui(ui, ctx, &names.areas) {
                Some(command) => commands.push(command),
                None if form.closed => self.form = None,
                None => {}
            }
        }
        if let Some(form) = &mut self.problem_form {
            match form.ui(ui, lang, ctx.today, names) {
                Some(command) => commands.push(command),
                None if form.closed => self.problem_form = None,
                None => {}
            }
        }
        commands
    }
}
/// What the five systems take from a session: the pairing of a help visit, the host village
/// of an exchange, and the topics studied.
fn systems_details(
    ui: &mut Ui,
    lang: Lang,
    fields: &SessionFields,
    names: &Names,
    pair: Option<&str>,
) {
    if let Some(pair) = pair {
        ui.horizontal(|ui| {
            ui.label(RichText::new(lang.col_pairing()).weak());
            ui.label(pair);
        });
    }
    if fields.host_branch_id.is_some() {
        ui.horizontal(|ui| {
            ui.label(RichText::new(lang.col_host_village()).weak());
            ui.label(names.branch(fields.host_branch_id));
        });
    }
    if !fields.study_topics.is_empty() {
        ui.add_space(4.0);
        ui.strong(lang.study_topics());
        for topic in &fields.study_topics {
            ui.label(format!(
                "{}（{}，{} {}）",
                topic.title,
                lang.study_kind(topic.kind),
                crate::domain::assessment::format_score(crate::domain::learning::hours(
                    topic.duration_min
                )),
                lang.hours_unit()
            ));
        }
    }
}

fn session_details(ui: &mut Ui, lang: Lang, fields: &SessionFields, areas: &[Area]) {
    let time =
        |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
    let when = match (fields.starts_at, fields.ends_at) {
        (None, None) => fields.held_on.format("%Y-%m-%d").to_string(),
        (start, end) => format!(
            "{} {}–{}",
            fields.held_on.format("%Y-%m-%d"),
            time(start),
            time(end)
        ),
    };
    let area = fields
        .area_id
        .and_then(|a| areas.iter().find(|x| x.id == a))
        .map_or_else(|| lang.whole_studio().to_owned(), |a| a.name.clone());
    egui::Grid::new("session-details")
        .num_columns(2)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for (label, value) in [
                (lang.col_date(), when),
                (lang.col_place(), fields.place.clone()),
                (lang.col_host(), fields.host.clone()),
                (lang.col_recorder(), fields.recorder.clone()),
                (
                    lang.col_session_kind(),
                    lang.session_kind(fields.kind).to_owned(),
                ),
                (lang.col_systems(), lang.systems(fields.systems)),
                (lang.col_area(), area),
            ] {
                ui.label(RichText::new(label).weak());
                ui.label(value);
                ui.end_row();
            }
        });
    for (title, items) in [
        (lang.agenda(), &fields.agenda),
        (lang.decisions(), &fields.decisions),
    ] {
        if !items.is_empty() {
            ui.add_space(4.0);
            ui.strong(title);
            for (n, item) in items.iter().enumerate() {
                ui.label(format!("{}. {item}", n + 1));
            }
        }
    }
    if !fields.discussion.is_empty() {
        ui.add_space(4.0);
        ui.strong(lang.col_discussion());
        ui.label(&fields.discussion);
    }
}

/// The attendance list: one click cycles a secretary's mark; leave takes a reason.
fn attendance_ui(
    ui: &mut Ui,
    lang: Lang,
    session: SessionId,
    rows: &[(RosterEntry, Option<AttendanceMark>)],
    reasons: &mut HashMap<SecretaryId, String>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let expected = rows.len();
    let present = rows
        .iter()
        .filter(|(_, m)| m.as_ref().is_some_and(|m| m.status.attended()))
        .count();
    ui.horizontal(|ui| {
        ui.strong(lang.attendance_title());
        ui.label(RichText::new(lang.expected_present(expected, present)).strong());
        if ui.button(lang.all_present()).clicked() {
            let marks = rows
                .iter()
                .filter(|(_, m)| m.is_none())
                .map(|(e, _)| AttendanceMark {
                    secretary_id: e.id,
                    status: AttendanceStatus::Present,
                    reason: String::new(),
                })
                .collect();
            commands.push(Command::Write(Change::SetAttendance(session, marks)));
        }
    });
    egui::Grid::new("attendance")
        .striped(true)
        .num_columns(4)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for (entry, mark) in rows {
                let name = if entry.fields.archived {
                    format!("{}{}", entry.fields.name, lang.archived_mark())
                } else {
                    entry.fields.name.clone()
                };
                ui.label(&name);
                ui.label(RichText::new(&entry.branch_name).weak());
                let status = mark.as_ref().map(|m| m.status);
                let text = status.map_or(lang.not_marked(), |s| lang.attendance_status(s));
                let color = match status {
                    Some(AttendanceStatus::Present) => ui.visuals().text_color(),
                    Some(AttendanceStatus::Late) => egui::Color32::from_rgb(214, 140, 30),
                    Some(AttendanceStatus::Excused) => egui::Color32::from_rgb(70, 130, 200),
                    Some(AttendanceStatus::Absent) => ERROR_RED,
                    None => ui.visuals().weak_text_color(),
                };
                let button = ui.add(
                    egui::Button::new(RichText::new(text).color(color))
                        .min_size(egui::vec2(56.0, 0.0)),
                );
                let accessible = format!("{} {}", lang.attendance_title(), entry.fields.name);
                button.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, &accessible)
                });
                if button.clicked() {
                    let next = status.map_or(AttendanceStatus::Present, AttendanceStatus::next);
                    let reason = reasons.get(&entry.id).cloned().unwrap_or_default();
                    commands.push(Command::Write(Change::SetAttendance(
                        session,
                        vec![AttendanceMark {
                            secretary_id: entry.id,
                            status: next,
                            reason,
                        }],
                    )));
                }
                if status == Some(AttendanceStatus::Excused) {
                    let stored = mark.as_ref().map(|m| m.reason.clone()).unwrap_or_default();
                    let text = reasons.entry(entry.id).or_insert(stored.clone());
                    let field = ui.add_sized(
                        [180.0, 20.0],
                        egui::TextEdit::singleline(text).hint_text(lang.leave_reason()),
                    );
                    let accessible = format!("{} {}", lang.leave_reason(), entry.fields.name);
                    field.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, &accessible)
                    });
                    if field.lost_focus() && *text != stored {
                        commands.push(Command::Write(Change::SetAttendance(
                            session,
                            vec![AttendanceMark {
                                secretary_id: entry.id,
                                status: AttendanceStatus::Excused,
                                reason: text.clone(),
                            }],
                        )));
                    }
                } else {
                    ui.label("");
                }
                ui.end_row();
            }
        });
    commands
}

impl super::widgets::FormWindow for SessionForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}
