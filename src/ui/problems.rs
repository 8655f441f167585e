//! 难题台账: problems raised by branches, their state, history and follow-up.

use super::data::{Memo, Names};
use super::widgets::{ERROR_RED, choice, screen_title, text_field};
use super::{Change, Command, Screen, ViewContext};
use crate::domain::problem::{
    ProblemCategory, ProblemField, ProblemFieldError, ProblemFields, ProblemState, ProblemSummary,
    check_state_change, is_overdue,
};
use crate::domain::session::parse_day;
use crate::domain::{AreaId, BranchId, ProblemId, SecretaryId, SessionId};
use crate::i18n::Lang;
use crate::store::{HistoryEntry, Store};
use chrono::NaiveDate;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

/// The problem form as typed.
pub struct ProblemForm {
    editing: Option<ProblemId>,
    title: String,
    description: String,
    category: Option<ProblemCategory>,
    branch: Option<BranchId>,
    raised_by: Option<SecretaryId>,
    session: Option<SessionId>,
    raised_on: String,
    responsible: String,
    helper: Option<SecretaryId>,
    deadline: String,
    /// The pairing it hangs on (kept through edits; set when raised from the Help board).
    pub pairing: Option<crate::domain::pairing::PairingId>,
    errors: Vec<(ProblemField, ProblemFieldError)>,
    date_error: Option<ProblemField>,
    /// When editing: the record as it was, its state, and the date of its first progress entry.
    original: Option<(ProblemFields, ProblemState, Option<NaiveDate>)>,
    /// Set while the app writes what the form saved.
    pub saving: bool,
    /// Set when the user cancelled.
    pub closed: bool,
}

impl ProblemForm {
    /// A form for a new problem, raised on `day` (at `session`, if any).
    pub fn new(day: NaiveDate, session: Option<SessionId>) -> Self {
        Self {
            editing: None,
            title: String::new(),
            description: String::new(),
            category: Some(ProblemCategory::Industry),
            branch: None,
            raised_by: None,
            session,
            raised_on: day.format("%Y-%m-%d").to_string(),
            responsible: String::new(),
            helper: None,
            deadline: String::new(),
            pairing: None,
            errors: Vec::new(),
            date_error: None,
            original: None,
            saving: false,
            closed: false,
        }
    }

    /// A form for editing a stored problem.
    pub fn edit(
        id: ProblemId,
        fields: &ProblemFields,
        state: ProblemState,
        first_progress: Option<NaiveDate>,
    ) -> Self {
        let mut form = Self::new(fields.raised_on, fields.session_id);
        form.editing = Some(id);
        form.original = Some((fields.clone(), state, first_progress));
        form.title.clone_from(&fields.title);
        form.description.clone_from(&fields.description);
        form.category = Some(fields.category);
        form.branch = fields.branch_id;
        form.raised_by = fields.raised_by;
        form.responsible.clone_from(&fields.responsible);
        form.helper = fields.helper_id;
        form.pairing = fields.pairing_id;
        form.deadline = fields
            .deadline
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        form
    }

    /// After a write: closes if it succeeded, stays open with what was typed if not.
    pub fn write_finished(form: &mut Option<Self>, succeeded: bool) {
        super::widgets::close_after_write(form, succeeded);
    }

    fn error(&self, field: ProblemField, lang: Lang) -> Option<&'static str> {
        if self.date_error == Some(field) {
            return Some(lang.error_not_a_date());
        }
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| lang.problem_field_error(*e))
    }

    fn validate(&mut self, today: NaiveDate) -> Option<ProblemFields> {
        self.date_error = None;
        let raised_on = parse_day(&self.raised_on);
        let deadline = if self.deadline.trim().is_empty() {
            Ok(None)
        } else {
            parse_day(&self.deadline).map(Some).ok_or(())
        };
        if raised_on.is_none() {
            self.date_error = Some(ProblemField::RaisedOn);
        } else if deadline.is_err() {
            self.date_error = Some(ProblemField::Deadline);
        }
        let (Some(raised_on), Ok(deadline)) = (raised_on, deadline) else {
            return None;
        };
        let fields = ProblemFields {
            title: self.title.trim().to_owned(),
            description: self.description.trim().to_owned(),
            category: self.category.unwrap_or(ProblemCategory::Other),
            branch_id: self.branch,
            raised_by: self.raised_by,
            session_id: self.session,
            raised_on,
            responsible: self.responsible.trim().to_owned(),
            helper_id: self.helper,
            deadline,
            pairing_id: self.pairing,
        };
        let progress_before_raising = self
            .original
            .as_ref()
            .and_then(|(_, _, first)| *first)
            .is_some_and(|first| fields.raised_on > first);
        if progress_before_raising {
            self.errors = vec![(ProblemField::RaisedOn, ProblemFieldError::AfterProgress)];
            return None;
        }
        match fields.check(today) {
            Ok(()) => {
                self.errors.clear();
                Some(fields)
            }
            Err(errors) => {
                self.errors = errors;
                None
            }
        }
    }

    /// Draws the form; returns the write to make when a valid problem is saved.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        today: NaiveDate,
        names: &Names,
    ) -> Option<Command> {
        let mut command = None;
        // Once a save was refused, the messages follow the corrections as they are typed.
        if !self.errors.is_empty() || self.date_error.is_some() {
            let _ = self.validate(today);
        }
        let title = if self.editing.is_some() {
            lang.edit_problem()
        } else {
            lang.raise_problem()
        };
        super::widgets::form_window(ui, title, "problem-form", 540.0, |ui| {
            egui::Grid::new("problem-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    let error = self.error(ProblemField::Title, lang);
                    text_field(ui, lang.col_title(), &mut self.title, "", error);
                    text_field(ui, lang.col_description(), &mut self.description, "", None);
                    choice(
                        ui,
                        "problem-category",
                        lang.col_category(),
                        &mut self.category,
                        ProblemCategory::ALL,
                        None,
                        |c| lang.problem_category(c).to_owned(),
                    );
                    ui.end_row();
                    let branches: Vec<BranchId> = names
                        .branches
                        .iter()
                        .filter(|b| !b.archived || Some(b.id) == self.branch)
                        .map(|b| b.id)
                        .collect();
                    choice(
                        ui,
                        "problem-branch",
                        lang.col_branch(),
                        &mut self.branch,
                        &branches,
                        Some(lang.none_value()),
                        |id| names.branch(Some(id)),
                    );
                    ui.end_row();
                    let people: Vec<SecretaryId> = names
                        .roster
                        .iter()
                        .filter(|e| !e.fields.archived)
                        .map(|e| e.id)
                        .collect();
                    if choice(
                        ui,
                        "problem-raised-by",
                        lang.col_raised_by(),
                        &mut self.raised_by,
                        &people,
                        Some(lang.none_value()),
                        |id| names.secretary(Some(id)),
                    ) && self.branch.is_none()
                    {
                        // The raiser's own branch, unless one was chosen already.
                        self.branch = self
                            .raised_by
                            .and_then(|id| names.roster.iter().find(|e| e.id == id))
                            .and_then(|e| e.fields.branch_id);
                    }
                    ui.end_row();
                    let error = self.error(ProblemField::RaisedOn, lang);
                    text_field(
                        ui,
                        lang.col_raised_on(),
                        &mut self.raised_on,
                        lang.day_hint(),
                        error,
                    );
                    text_field(ui, lang.col_responsible(), &mut self.responsible, "", None);
                    choice(
                        ui,
                        "problem-helper",
                        lang.col_helper(),
                        &mut self.helper,
                        &people,
                        Some(lang.none_value()),
                        |id| names.secretary(Some(id)),
                    );
                    ui.end_row();
                    let error = self.error(ProblemField::Deadline, lang);
                    text_field(
                        ui,
                        lang.col_deadline(),
                        &mut self.deadline,
                        lang.day_hint(),
                        error,
                    );
                });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!self.saving, egui::Button::new(lang.save()))
                    .clicked()
                    && let Some(fields) = self.validate(today)
                {
                    self.saving = true;
                    command = Some(Command::Write(match (self.editing, &self.original) {
                        (Some(id), Some((before, state, _))) => {
                            // The edit goes into the history: who changed what is kept.
                            let note = describe_edit(lang, before, &fields, names);
                            Change::UpdateProblem {
                                id,
                                fields: Box::new(fields),
                                state: *state,
                                date: today,
                                note,
                            }
                        }
                        _ => Change::AddProblem(Box::new(fields)),
                    }));
                }
                if ui.button(lang.cancel()).clicked() {
                    self.closed = true;
                }
            });
        });
        command
    }
}

/// What decides which problems are listed.
type Filters = crate::domain::problem::ProblemFilter;

/// A problem (if it still exists), its history, recent sessions and the pairing it hangs on
/// ("helper → helped"), loaded once per store generation.
type PageModel = (
    Option<ProblemSummary>,
    Vec<HistoryEntry>,
    Vec<(SessionId, NaiveDate, String)>,
    Option<String>,
);

fn load_problems(store: &Store, (): &()) -> crate::store::Result<Vec<ProblemSummary>> {
    store.problems()
}

fn load_page(store: &Store, id: &ProblemId) -> crate::store::Result<PageModel> {
    let problem = store.problem(*id)?;
    let pair = match problem.as_ref().and_then(|p| p.fields.pairing_id) {
        Some(pairing) => store
            .pairings()?
            .into_iter()
            .find(|p| p.id == pairing)
            .map(|p| (p.fields.strong, p.fields.weak)),
        None => None,
    };
    let pair = match pair {
        Some((strong, weak)) => {
            let name = |id: SecretaryId| -> crate::store::Result<String> {
                Ok(store
                    .secretary(id)?
                    .map(|s| s.fields.name)
                    .unwrap_or_default())
            };
            Some(format!("{} → {}", name(strong)?, name(weak)?))
        }
        None => None,
    };
    Ok((
        problem,
        store.problem_history(*id)?,
        store.recent_sessions(12)?,
        pair,
    ))
}

/// The problems list (难题台账).
#[derive(Default)]
pub struct ProblemsScreen {
    problems: Memo<(), Vec<ProblemSummary>>,
    filters: Filters,
    visible: Vec<usize>,
    visible_key: Option<(u64, Filters, NaiveDate)>,
    /// The new-problem form, when open.
    form: Option<ProblemForm>,
}

/// Which of `problems` the filters let through, worked out again only when the data, the
/// filters or the day change.
fn refresh_visible(
    visible: &mut Vec<usize>,
    visible_key: &mut Option<(u64, Filters, NaiveDate)>,
    key: (u64, Filters, NaiveDate),
    problems: &[ProblemSummary],
    names: &Names,
) {
    if visible_key.as_ref() == Some(&key) {
        return;
    }
    let (_, f, today) = key;
    *visible = (0..problems.len())
        .filter(|&i| f.matches(&problems[i], |b| names.area_of(b), today))
        .collect();
    *visible_key = Some(key);
}

impl ProblemsScreen {
    /// Opens the new-problem form about a strong-with-weak pairing, dated `today`.
    pub fn raise_about_pairing(
        &mut self,
        today: NaiveDate,
        pairing: crate::domain::pairing::PairingId,
    ) {
        let mut form = ProblemForm::new(today, None);
        form.pairing = Some(pairing);
        self.form = Some(form);
    }

    /// The titles listed, in order (for tests).
    pub fn visible_titles(&self) -> Vec<String> {
        match self.problems.shown() {
            Some(problems) => self
                .visible
                .iter()
                .map(|&i| problems[i].fields.title.clone())
                .collect(),
            None => Vec::new(),
        }
    }
}

impl super::View for ProblemsScreen {
    fn write_finished(&mut self, succeeded: bool) {
        ProblemForm::write_finished(&mut self.form, succeeded);
    }

    /// Draws the list.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        let Some(names) = ctx.names else {
            super::data::waiting(ui, lang);
            return commands;
        };
        self.problems.refresh(ctx, &(), load_problems);
        let Some(problems) = super::data::ready(ui, lang, self.problems.get(&())) else {
            return commands;
        };
        let key = (
            self.problems.loaded_at().unwrap_or_default(),
            self.filters,
            ctx.today,
        );
        refresh_visible(
            &mut self.visible,
            &mut self.visible_key,
            key,
            problems,
            names,
        );
        screen_title(ui, lang.problems_title());
        let f = &mut self.filters;
        ui.horizontal_wrapped(|ui| {
            choice(
                ui,
                "problems-state",
                lang.col_state(),
                &mut f.state,
                ProblemState::ALL,
                Some(lang.all()),
                |s| lang.problem_state(s).to_owned(),
            );
            let areas: Vec<AreaId> = names.areas.iter().map(|a| a.id).collect();
            choice(
                ui,
                "problems-area",
                lang.col_area(),
                &mut f.area,
                &areas,
                Some(lang.all()),
                |id| {
                    names
                        .areas
                        .iter()
                        .find(|a| a.id == id)
                        .map(|a| a.name.clone())
                        .unwrap_or_default()
                },
            );
            let branches: Vec<BranchId> = names
                .branches
                .iter()
                .filter(|b| f.area.is_none_or(|a| b.area_id == Some(a)))
                .map(|b| b.id)
                .collect();
            choice(
                ui,
                "problems-branch",
                lang.col_branch(),
                &mut f.branch,
                &branches,
                Some(lang.all()),
                |id| names.branch(Some(id)),
            );
            choice(
                ui,
                "problems-category",
                lang.col_category(),
                &mut f.category,
                ProblemCategory::ALL,
                Some(lang.all()),
                |c| lang.problem_category(c).to_owned(),
            );
            ui.checkbox(&mut f.overdue_only, lang.only_overdue());
            ui.separator();
            if ui.button(lang.raise_problem()).clicked() {
                self.form = Some(ProblemForm::new(ctx.today, None));
            }
            super::widgets::print_buttons(
                ui,
                lang,
                &[(
                    lang.print_problem_ledger(),
                    crate::print::Printable::Ledger(crate::print::LedgerPrintout::Problems(
                        None, *f,
                    )),
                )],
                &mut commands,
            );
        });
        let open = problems.iter().filter(|p| p.state.is_open()).count();
        let overdue = problems
            .iter()
            .filter(|p| is_overdue(p.state, p.fields.deadline, ctx.today))
            .count();
        ui.label(lang.problem_counts(self.visible.len(), open, overdue));
        ui.separator();
        if let Some(id) = problems_table(ui, lang, ctx.today, problems, &self.visible, names) {
            commands.push(Command::Navigate(Screen::Problem(id)));
        }
        if let Some(form) = &mut self.form {
            match form.ui(ui, lang, ctx.today, names) {
                Some(command) => commands.push(command),
                None if form.closed => self.form = None,
                None => {}
            }
        }
        commands
    }
}

fn problems_table(
    ui: &mut Ui,
    lang: Lang,
    today: NaiveDate,
    problems: &[ProblemSummary],
    visible: &[usize],
    names: &Names,
) -> Option<ProblemId> {
    let mut open = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .min_scrolled_height(0.0)
        .column(Column::initial(220.0).clip(true))
        .column(Column::initial(140.0).clip(true))
        .column(Column::initial(66.0))
        .column(Column::initial(104.0))
        .column(Column::initial(140.0).clip(true))
        .column(Column::initial(70.0).clip(true))
        .column(Column::initial(90.0))
        .column(Column::remainder().at_least(90.0))
        .header(row_height, |mut header| {
            for label in [
                lang.col_title(),
                lang.col_branch(),
                lang.col_category(),
                lang.col_state(),
                lang.col_responsible(),
                lang.col_helper(),
                lang.col_deadline(),
                lang.col_raised_on(),
            ] {
                header.col(|ui| {
                    ui.strong(label);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, visible.len(), |mut row| {
                let p = &problems[visible[row.index()]];
                let late = is_overdue(p.state, p.fields.deadline, today);
                row.col(|ui| {
                    if ui.link(&p.fields.title).clicked() {
                        open = Some(p.id);
                    }
                });
                row.col(|ui| {
                    ui.label(names.branch(p.fields.branch_id));
                });
                row.col(|ui| {
                    ui.label(lang.problem_category(p.fields.category));
                });
                row.col(|ui| {
                    // One line: a wrapped state would run into the next row.
                    ui.add(egui::Label::new(state_text(lang, p.state, late)).extend());
                });
                row.col(|ui| {
                    ui.label(&p.fields.responsible);
                });
                row.col(|ui| {
                    ui.label(names.secretary(p.fields.helper_id));
                });
                row.col(|ui| {
                    let deadline = p
                        .fields
                        .deadline
                        .map(|d| d.format("%Y-%m-%d").to_string())
                        .unwrap_or_default();
                    ui.label(if late {
                        RichText::new(deadline).color(ERROR_RED).strong()
                    } else {
                        RichText::new(deadline)
                    });
                });
                row.col(|ui| {
                    ui.label(p.fields.raised_on.format("%Y-%m-%d").to_string());
                });
            });
        });
    open
}

/// One line per problem: its title (opening it) and its state, red when overdue.
pub fn problem_links(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    problems: &[ProblemSummary],
) -> Vec<Command> {
    let mut commands = Vec::new();
    for problem in problems {
        ui.horizontal(|ui| {
            let late = is_overdue(problem.state, problem.fields.deadline, ctx.today);
            if ui.link(&problem.fields.title).clicked() {
                commands.push(Command::Navigate(Screen::Problem(problem.id)));
            }
            ui.label(super::problems::state_text(ctx.lang, problem.state, late));
        });
    }
    commands
}

/// What an edit changed, for the history: 修改了：完成时限 2026-11-17 → 2026-12-31.
fn describe_edit(
    lang: Lang,
    before: &ProblemFields,
    after: &ProblemFields,
    names: &Names,
) -> String {
    let day = |d: Option<NaiveDate>| {
        d.map_or_else(
            || lang.none_value().to_owned(),
            |d| d.format("%Y-%m-%d").to_string(),
        )
    };
    let mut changes = Vec::new();
    let mut compare = |label: &str, old: String, new: String| {
        if old != new {
            changes.push(format!("{label} {old} → {new}"));
        }
    };
    compare(lang.col_title(), before.title.clone(), after.title.clone());
    compare(
        lang.col_description(),
        before.description.clone(),
        after.description.clone(),
    );
    compare(
        lang.col_category(),
        lang.problem_category(before.category).to_owned(),
        lang.problem_category(after.category).to_owned(),
    );
    compare(
        lang.col_branch(),
        names.branch(before.branch_id),
        names.branch(after.branch_id),
    );
    compare(
        lang.col_raised_by(),
        names.secretary(before.raised_by),
        names.secretary(after.raised_by),
    );
    compare(
        lang.col_raised_on(),
        day(Some(before.raised_on)),
        day(Some(after.raised_on)),
    );
    compare(
        lang.col_responsible(),
        before.responsible.clone(),
        after.responsible.clone(),
    );
    compare(
        lang.col_helper(),
        names.secretary(before.helper_id),
        names.secretary(after.helper_id),
    );
    compare(
        lang.col_deadline(),
        day(before.deadline),
        day(after.deadline),
    );
    if changes.is_empty() {
        String::new()
    } else {
        format!("{}：{}", lang.edited(), changes.join(lang.pick("；", "; ")))
    }
}

/// A problem's state, in red with 已逾期 when it is overdue.
pub fn state_text(lang: Lang, state: ProblemState, overdue: bool) -> RichText {
    if overdue {
        RichText::new(format!("{}·{}", lang.problem_state(state), lang.overdue()))
            .color(ERROR_RED)
            .strong()
    } else {
        RichText::new(lang.problem_state(state))
    }
}

/// One problem's page: its record, history, and the form to record progress.
#[derive(Default)]
pub struct ProblemPage {
    page: Memo<ProblemId, PageModel>,
    /// The problem the progress form was last set up for.
    form_of: Option<ProblemId>,
    new_state: Option<ProblemState>,
    date: String,
    actor: String,
    note: String,
    /// The session where the progress was made, if any.
    session: Option<SessionId>,
    /// A refused change: whether it concerns the note (else the date), and why.
    change_error: Option<(bool, &'static str)>,
    /// The edit form, when open.
    form: Option<ProblemForm>,
}

impl super::View for ProblemPage {
    /// Draws the page of problem `id`.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let Screen::Problem(id) = ctx.screen else {
            return Vec::new();
        };
        let lang = ctx.lang;
        let mut commands = Vec::new();
        if self.form_of != Some(id) {
            self.form_of = Some(id);
            self.new_state = None;
            self.date = ctx.today.format("%Y-%m-%d").to_string();
            self.note.clear();
            self.change_error = None;
        }
        if ui.button(format!("← {}", lang.back())).clicked() {
            commands.push(Command::Navigate(Screen::Problems));
        }
        let Some(names) = ctx.names else {
            super::data::waiting(ui, lang);
            return commands;
        };
        self.page.refresh(ctx, &id, load_page);
        let Some((problem, history, recent, pair)) =
            super::data::ready(ui, lang, self.page.get(&id))
        else {
            return commands;
        };
        let Some(problem) = problem else {
            ui.label(lang.store_error(&crate::store::Error::RecordNotFound));
            return commands;
        };
        let fields = &problem.fields;
        let late = is_overdue(problem.state, fields.deadline, ctx.today);
        ui.horizontal(|ui| {
            ui.heading(format!("{} · {}", lang.problem_page(), fields.title));
            ui.label(state_text(lang, problem.state, late));
        });
        ui.horizontal(|ui| {
            if ui.button(lang.edit()).clicked() {
                let first_progress = history
                    .iter()
                    .filter(|h| h.event.state != ProblemState::Raised)
                    .map(|h| h.event.date)
                    .min();
                self.form = Some(ProblemForm::edit(id, fields, problem.state, first_progress));
            }
            if ui.button(lang.delete_problem()).clicked() {
                commands.push(Command::Write(Change::DeleteProblem(id)));
            }
        });
        ui.columns(2, |columns| {
            let ui = &mut columns[0];
            egui::Grid::new("problem-details")
                .num_columns(2)
                .spacing([24.0, 4.0])
                .show(ui, |ui| {
                    let day = |d: Option<NaiveDate>| {
                        d.map(|d| d.format("%Y-%m-%d").to_string())
                            .unwrap_or_default()
                    };
                    for (label, value) in [
                        (lang.col_description(), fields.description.clone()),
                        (
                            lang.col_category(),
                            lang.problem_category(fields.category).to_owned(),
                        ),
                        (lang.col_branch(), names.branch(fields.branch_id)),
                        (lang.col_raised_by(), names.secretary(fields.raised_by)),
                        (lang.col_raised_on(), day(Some(fields.raised_on))),
                        (lang.col_responsible(), fields.responsible.clone()),
                        (lang.col_helper(), names.secretary(fields.helper_id)),
                        (lang.col_pairing(), pair.clone().unwrap_or_default()),
                        (lang.col_deadline(), day(fields.deadline)),
                        (lang.col_resolution(), problem.resolution.clone()),
                    ] {
                        ui.label(RichText::new(label).weak());
                        ui.label(value);
                        ui.end_row();
                    }
                });
            let ui = &mut columns[1];
            ui.strong(lang.history());
            egui::Grid::new("problem-history")
                .striped(true)
                .num_columns(4)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for entry in history {
                        ui.label(entry.event.date.format("%Y-%m-%d").to_string());
                        ui.label(lang.problem_state(entry.event.state));
                        ui.label(&entry.event.actor);
                        ui.label(&entry.event.note);
                        ui.end_row();
                    }
                });
            ui.add_space(10.0);
            ui.strong(lang.change_state());
            egui::Grid::new("problem-change")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    choice(
                        ui,
                        "problem-new-state",
                        lang.new_state(),
                        &mut self.new_state,
                        ProblemState::ALL,
                        None,
                        |s| lang.problem_state(s).to_owned(),
                    );
                    ui.end_row();
                    let date_error = self
                        .change_error
                        .filter(|(on_note, _)| !*on_note)
                        .map(|(_, m)| m);
                    text_field(
                        ui,
                        lang.col_date(),
                        &mut self.date,
                        lang.day_hint(),
                        date_error,
                    );
                    text_field(ui, lang.col_actor(), &mut self.actor, "", None);
                    let note_error = self
                        .change_error
                        .filter(|(on_note, _)| *on_note)
                        .map(|(_, m)| m);
                    text_field(ui, lang.col_note(), &mut self.note, "", note_error);
                    let offered: Vec<SessionId> = recent.iter().map(|(id, _, _)| *id).collect();
                    choice(
                        ui,
                        "problem-followed-at",
                        lang.followed_at(),
                        &mut self.session,
                        &offered,
                        Some(lang.no_session()),
                        |id| {
                            recent
                                .iter()
                                .find(|(s, _, _)| *s == id)
                                .map(|(_, day, topic)| {
                                    format!("{} {topic}", day.format("%Y-%m-%d"))
                                })
                                .unwrap_or_default()
                        },
                    );
                    ui.end_row();
                });
            if ui
                .add_enabled(
                    self.new_state.is_some(),
                    egui::Button::new(lang.record_change()),
                )
                .clicked()
                && let Some(state) = self.new_state
            {
                let latest = history.iter().map(|h| h.event.date).max();
                let checked = parse_day(&self.date)
                    .ok_or((false, lang.error_not_a_date()))
                    .and_then(|date| {
                        check_state_change(
                            fields.raised_on,
                            latest,
                            state,
                            date,
                            &self.note,
                            ctx.today,
                        )
                        .map(|()| date)
                        .map_err(|e| {
                            let on_note =
                                e == crate::domain::problem::StateChangeError::ResolutionMissing;
                            (on_note, lang.state_change_error(e))
                        })
                    });
                match checked {
                    Err(message) => self.change_error = Some(message),
                    Ok(date) => {
                        self.change_error = None;
                        commands.push(Command::Write(Change::RecordProblemEvent {
                            problem: id,
                            state,
                            date,
                            actor: self.actor.trim().to_owned(),
                            note: self.note.trim().to_owned(),
                            session: self.session,
                        }));
                    }
                }
            }
        });
        if let Some(form) = &mut self.form {
            match form.ui(ui, lang, ctx.today, names) {
                Some(command) => commands.push(command),
                None if form.closed => self.form = None,
                None => {}
            }
        }
        commands
    }

    /// Called after a write: clears the progress form if it was recorded.
    fn write_finished(&mut self, succeeded: bool) {
        if succeeded {
            // A recorded step is not offered again: the form starts blank.
            self.note.clear();
            self.actor.clear();
            self.new_state = None;
            self.session = None;
            self.change_error = None;
        }
        ProblemForm::write_finished(&mut self.form, succeeded);
    }
}
impl super::widgets::FormWindow for ProblemForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}
