//! The form to raise a problem or change one, and the words the history keeps of an edit.

use crate::domain::problem::{
    ProblemCategory, ProblemField, ProblemFieldError, ProblemFields, ProblemState,
};
use crate::domain::session::parse_day;
use crate::domain::{BranchId, ProblemId, SecretaryId, SessionId};
use crate::i18n::Lang;
use crate::ui::data::Names;
use crate::ui::widgets::{choice, text_field};
use crate::ui::{Change, Command};
use chrono::NaiveDate;
use egui::Ui;

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
    /// The industry demonstration base it hangs on.
    pub base: Option<crate::domain::base::BaseId>,
    errors: Vec<(ProblemField, ProblemFieldError)>,
    date_error: Option<ProblemField>,
    /// When editing: the record as it was, its state, and the date of its first progress entry.
    original: Option<(ProblemFields, ProblemState, Option<NaiveDate>)>,
    /// Set while the app writes what the form saved.
    pub saving: bool,
    /// Set when the user cancelled.
    pub closed: bool,
    /// What the form held once opened and filled in (with the branch's secretary): anything
    /// else is unsaved work.
    baseline: Option<ProblemDraft>,
    /// The latest day it may be raised on, when later than today: the day of the session
    /// planned ahead that it is raised at.
    latest_day: Option<NaiveDate>,
    /// When editing: who makes the edit (经办人 of its history line), remembered on this
    /// computer.
    actor: String,
}

/// What the user types and chooses in the form: to tell unsaved work, and kept on disk while
/// a new problem is typed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ProblemDraft {
    /// Title, description, raised on, responsible, deadline.
    text: [String; 5],
    category: Option<ProblemCategory>,
    branch: Option<BranchId>,
    /// Raised by, helper.
    people: [Option<SecretaryId>; 2],
    session: Option<SessionId>,
    pairing: Option<crate::domain::pairing::PairingId>,
    #[serde(default)]
    base: Option<crate::domain::base::BaseId>,
}

impl ProblemDraft {
    /// The problem's title as typed.
    pub fn title(&self) -> &str {
        &self.text[0]
    }

    /// The session it is raised at, if any.
    pub fn session(&self) -> Option<SessionId> {
        self.session
    }
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
            base: None,
            errors: Vec::new(),
            date_error: None,
            original: None,
            saving: false,
            closed: false,
            baseline: None,
            latest_day: None,
            actor: String::new(),
        }
    }

    /// A form for a problem raised at a session: on its day, about its host village (whose
    /// secretary raises it), if it has one.
    pub fn at_session(day: NaiveDate, session: SessionId, branch: Option<BranchId>) -> Self {
        let mut form = Self::new(day, Some(session));
        form.branch = branch;
        form.latest_day = Some(day);
        form
    }

    /// A form for a new problem of an industry demonstration base, raised on `day` about the
    /// branch leading it (whose secretary raises it).
    pub fn about_base(
        day: NaiveDate,
        base: crate::domain::base::BaseId,
        branch: Option<BranchId>,
    ) -> Self {
        let mut form = Self::new(day, None);
        form.base = Some(base);
        form.branch = branch;
        form
    }

    /// What is typed and chosen in the form.
    pub fn draft(&self) -> ProblemDraft {
        ProblemDraft {
            text: [
                self.title.clone(),
                self.description.clone(),
                self.raised_on.clone(),
                self.responsible.clone(),
                self.deadline.clone(),
            ],
            category: self.category,
            branch: self.branch,
            people: [self.raised_by, self.helper],
            session: self.session,
            pairing: self.pairing,
            base: self.base,
        }
    }

    /// A new problem's form holding a draft kept from before (a crash).
    pub fn from_draft(draft: ProblemDraft) -> Self {
        let [title, description, raised_on, responsible, deadline] = draft.text;
        let [raised_by, helper] = draft.people;
        Self {
            title,
            description,
            raised_on,
            responsible,
            deadline,
            category: draft.category,
            branch: draft.branch,
            raised_by,
            helper,
            session: draft.session,
            pairing: draft.pairing,
            base: draft.base,
            // Restored work is unsaved work.
            baseline: Some(Self::new(chrono::NaiveDate::MIN, None).draft()),
            ..Self::new(chrono::NaiveDate::MIN, None)
        }
    }

    /// The typed work, if anything was typed: a new problem's is kept across a crash.
    pub fn unsaved(&self) -> Option<crate::ui::drafts::Draft> {
        self.has_changes().then(|| {
            if self.is_new() {
                crate::ui::drafts::Draft::Problem(Box::new(self.draft()))
            } else {
                crate::ui::drafts::Draft::Unkept
            }
        })
    }

    /// Whether this form raises a new problem (not changes a stored one).
    pub fn is_new(&self) -> bool {
        self.editing.is_none()
    }

    /// Whether anything was typed or chosen since the form opened.
    pub fn has_changes(&self) -> bool {
        self.baseline.as_ref().is_some_and(|b| *b != self.draft())
    }

    /// A form for editing a stored problem.
    pub fn edit(
        id: ProblemId,
        fields: &ProblemFields,
        state: ProblemState,
        first_progress: Option<NaiveDate>,
        actor: &str,
    ) -> Self {
        let mut form = Self::new(fields.raised_on, fields.session_id);
        form.editing = Some(id);
        actor.clone_into(&mut form.actor);
        // Raised at a session planned ahead: that day stays allowed when it is edited.
        form.latest_day = Some(fields.raised_on);
        form.original = Some((fields.clone(), state, first_progress));
        form.title.clone_from(&fields.title);
        form.description.clone_from(&fields.description);
        form.category = Some(fields.category);
        form.branch = fields.branch_id;
        form.raised_by = fields.raised_by;
        form.responsible.clone_from(&fields.responsible);
        form.helper = fields.helper_id;
        form.pairing = fields.pairing_id;
        form.base = fields.base_id;
        form.deadline = fields
            .deadline
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        form
    }

    /// After a write: closes if it succeeded, stays open with what was typed if not.
    pub fn write_finished(form: &mut Option<Self>, succeeded: bool) {
        crate::ui::widgets::close_after_write(form, succeeded);
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
        // Raised at a session planned ahead: its day is not "later than today".
        let today = self.latest_day.map_or(today, |day| day.max(today));
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
            base_id: self.base,
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
        if self.baseline.is_none() {
            if self.editing.is_none() {
                self.raised_by = raiser_for_branch(names, self.branch, self.raised_by);
            }
            self.baseline = Some(self.draft());
        }
        // Once a save was refused, the messages follow the corrections as they are typed.
        if !self.errors.is_empty() || self.date_error.is_some() {
            let _ = self.validate(today);
        }
        let title = if self.editing.is_some() {
            lang.edit_problem()
        } else {
            lang.raise_problem()
        };
        crate::ui::widgets::form_window(ui, title, "problem-form", 540.0, |ui| {
            egui::Grid::new("problem-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    let error = self.error(ProblemField::Title, lang);
                    text_field(ui, lang.col_title(), &mut self.title, "", error);
                    // 具体情况 takes a few lines.
                    let label = ui.label(lang.col_description());
                    ui.add(
                        egui::TextEdit::multiline(&mut self.description)
                            .desired_rows(3)
                            // The window's width: a few lines of text read as lines.
                            .desired_width(400.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
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
                    if choice(
                        ui,
                        "problem-branch",
                        lang.col_branch(),
                        &mut self.branch,
                        &branches,
                        Some(lang.none_value()),
                        |id| names.branch(Some(id)),
                    ) {
                        self.raised_by = raiser_for_branch(names, self.branch, self.raised_by);
                    }
                    ui.end_row();
                    let bases = names.bases_offered(self.base);
                    choice(
                        ui,
                        "problem-base",
                        lang.base_belongs(),
                        &mut self.base,
                        &bases,
                        Some(lang.none_value()),
                        |id| names.base(Some(id)),
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
                    // Raised at a session planned ahead: said plainly what that day means.
                    let ahead = parse_day(&self.raised_on).filter(|day| *day > today);
                    text_field(
                        ui,
                        lang.col_raised_on(),
                        &mut self.raised_on,
                        lang.day_hint(),
                        error,
                    );
                    if let Some(day) = ahead {
                        // A plain note, not an error.
                        ui.label("");
                        ui.label(
                            egui::RichText::new(
                                lang.raised_ahead(&day.format("%Y-%m-%d").to_string()),
                            )
                            .weak(),
                        );
                        ui.end_row();
                    }
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
                    // Who edits: the history's line for the edit names them.
                    if self.editing.is_some() {
                        text_field(ui, lang.col_actor(), &mut self.actor, "", None);
                    }
                });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if crate::ui::widgets::save_button(ui, lang, self.saving)
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
                                actor: self.actor.trim().to_owned(),
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

impl crate::ui::widgets::FormWindow for ProblemForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
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
    let base = |id: Option<crate::domain::base::BaseId>| {
        id.map_or_else(|| lang.none_value().to_owned(), |id| names.base(Some(id)))
    };
    compare(
        lang.base_belongs(),
        base(before.base_id),
        base(after.base_id),
    );
    if changes.is_empty() {
        String::new()
    } else {
        format!("{}：{}", lang.edited(), changes.join(lang.say_semicolon()))
    }
}

/// Who raises a problem of `branch`: the one already chosen if they belong to it (or no
/// branch is chosen), else the branch's secretary in office (the one a coordinator means
/// almost always; another can still be picked).
fn raiser_for_branch(
    names: &Names,
    branch: Option<BranchId>,
    chosen: Option<SecretaryId>,
) -> Option<SecretaryId> {
    let Some(branch) = branch else {
        return chosen;
    };
    let of_branch = |id: SecretaryId| {
        names
            .roster
            .iter()
            .any(|e| e.id == id && e.fields.branch_id == Some(branch))
    };
    if chosen.is_some_and(of_branch) {
        return chosen;
    }
    names
        .roster
        .iter()
        .find(|e| !e.fields.archived && e.fields.branch_id == Some(branch))
        .map(|e| e.id)
        .or(chosen)
}
