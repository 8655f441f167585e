//! The forms of a base and of its milestones.

use crate::domain::base::{
    Base, BaseError, BaseFields, BaseId, Milestone, MilestoneFields, MilestoneId,
};
use crate::domain::session::parse_day;
use crate::domain::{BranchId, SecretaryId};
use crate::i18n::Lang;
use crate::ui::data::Names;
use crate::ui::widgets::{FormWindow, choice, text_field};
use crate::ui::{Change, Command};
use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::day_text;

/// A base being added or changed.
pub(super) struct BaseForm {
    pub(super) editing: Option<BaseId>,
    name: String,
    industry: String,
    lead: Option<BranchId>,
    branches: Vec<BranchId>,
    secretary: Option<SecretaryId>,
    started: String,
    notes: String,
    archived: bool,
    /// The industries offered.
    pub(super) industries: Vec<String>,
    name_error: Option<&'static str>,
    started_error: Option<&'static str>,
    saving: bool,
    opened: Option<String>,
}

impl FormWindow for BaseForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

impl BaseForm {
    /// A form for a new base, or for changing `base`.
    pub(super) fn new(base: Option<&Base>) -> Self {
        let fields = base.map(|b| b.fields.clone()).unwrap_or_default();
        Self {
            editing: base.map(|b| b.id),
            name: fields.name,
            industry: fields.industry,
            lead: fields.lead_branch_id,
            branches: fields.branches,
            secretary: fields.secretary_id,
            started: day_text(fields.started_on),
            notes: fields.notes,
            archived: fields.archived,
            industries: Vec::new(),
            name_error: None,
            started_error: None,
            saving: false,
            opened: None,
        }
    }

    fn typed(&self) -> String {
        format!(
            "{:?}",
            (
                &self.name,
                &self.industry,
                self.lead,
                &self.branches,
                self.secretary,
                &self.started,
                &self.notes,
                self.archived
            )
        )
    }

    /// Whether anything was typed since the form opened.
    pub(super) fn has_changes(&self) -> bool {
        self.opened.as_ref().is_some_and(|o| *o != self.typed())
    }

    /// The base as typed, or the errors set beside their fields.
    fn validate(&mut self, lang: Lang, milestones_done: &[NaiveDate]) -> Option<BaseFields> {
        self.name_error = None;
        self.started_error = None;
        let started_on = if self.started.trim().is_empty() {
            None
        } else if let Some(day) = parse_day(&self.started) {
            Some(day)
        } else {
            self.started_error = Some(lang.error_not_a_date());
            None
        };
        let fields = BaseFields {
            name: self.name.trim().to_owned(),
            industry: self.industry.trim().to_owned(),
            lead_branch_id: self.lead,
            branches: self
                .branches
                .iter()
                .copied()
                .filter(|b| Some(*b) != self.lead)
                .collect(),
            secretary_id: self.secretary,
            started_on,
            notes: self.notes.trim().to_owned(),
            archived: self.archived,
        };
        match fields.check(milestones_done) {
            Err(BaseError::NameRequired) => {
                self.name_error = Some(lang.base_error(BaseError::NameRequired));
            }
            Err(error) => self.started_error = Some(lang.base_error(error)),
            Ok(()) => {}
        }
        (self.name_error.is_none() && self.started_error.is_none()).then_some(fields)
    }

    /// Draws the form; returns the write to make, and whether it was closed.
    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        names: &Names,
        milestones_done: &[NaiveDate],
    ) -> (Option<Command>, bool) {
        if self.opened.is_none() {
            self.opened = Some(self.typed());
        }
        if self.name_error.is_some() || self.started_error.is_some() {
            let _ = self.validate(lang, milestones_done);
        }
        let mut command = None;
        // Esc closes a form with changes only after the shell's question (保存 / 不保存).
        let mut closed = crate::ui::widgets::escape_pressed(ui) && !self.has_changes();
        let title = if self.editing.is_some() {
            lang.edit_base()
        } else {
            lang.new_base().trim_end_matches('…')
        };
        let branches: Vec<BranchId> = names
            .branches
            .iter()
            .filter(|b| !b.archived || Some(b.id) == self.lead || self.branches.contains(&b.id))
            .map(|b| b.id)
            .collect();
        let mut people = crate::ui::widgets::in_office(&names.roster);
        if let Some(kept) = self.secretary.filter(|s| !people.contains(s)) {
            people.push(kept);
        }
        crate::ui::widgets::form_window(ui, title, "base-form", 560.0, |ui| {
            egui::Grid::new("base-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    text_field(
                        ui,
                        lang.base_col_name(),
                        &mut self.name,
                        "",
                        self.name_error,
                    );
                    ui.label(lang.base_col_industry());
                    ui.horizontal(|ui| {
                        crate::ui::widgets::name_pick(
                            ui,
                            "base-industry",
                            lang.base_col_industry(),
                            &mut self.industry,
                            &self.industries,
                        );
                        ui.label(RichText::new(lang.base_industry_hint()).weak().small());
                    });
                    ui.end_row();
                    if choice(
                        ui,
                        "base-lead",
                        lang.base_col_lead(),
                        &mut self.lead,
                        &branches,
                        Some(lang.none_value()),
                        |id| names.branch(Some(id)),
                    ) && self.secretary.is_none()
                    {
                        // The lead branch's secretary is the one responsible, most often.
                        self.secretary = self.lead.and_then(|lead| {
                            names
                                .roster
                                .iter()
                                .find(|e| !e.fields.archived && e.fields.branch_id == Some(lead))
                                .map(|e| e.id)
                        });
                    }
                    ui.end_row();
                    ui.label(lang.base_col_branches());
                    // Two columns of ticks, scrolling when the town has many branches (top
                    // down: in the grid's row they would be centred and start half-scrolled).
                    ui.vertical(|ui| {
                        egui::ScrollArea::vertical()
                            .id_salt("base-form-branches")
                            .min_scrolled_height(150.0)
                            .max_height(150.0)
                            .show(ui, |ui| {
                                egui::Grid::new("base-form-branch-ticks")
                                    .num_columns(2)
                                    .spacing([12.0, 2.0])
                                    .show(ui, |ui| {
                                        let others =
                                            branches.iter().filter(|b| Some(**b) != self.lead);
                                        for (n, branch) in others.enumerate() {
                                            let mut taking_part = self.branches.contains(branch);
                                            if ui
                                                .checkbox(
                                                    &mut taking_part,
                                                    names.branch(Some(*branch)),
                                                )
                                                .changed()
                                            {
                                                if taking_part {
                                                    self.branches.push(*branch);
                                                } else {
                                                    self.branches.retain(|b| b != branch);
                                                }
                                            }
                                            if n % 2 == 1 {
                                                ui.end_row();
                                            }
                                        }
                                    });
                            });
                    });
                    ui.end_row();
                    choice(
                        ui,
                        "base-secretary",
                        lang.base_col_secretary(),
                        &mut self.secretary,
                        &people,
                        Some(lang.none_value()),
                        |id| names.secretary(Some(id)),
                    );
                    ui.end_row();
                    text_field(
                        ui,
                        lang.base_col_started(),
                        &mut self.started,
                        lang.day_hint(),
                        self.started_error,
                    );
                    let label = ui.label(lang.col_notes());
                    ui.add(
                        egui::TextEdit::multiline(&mut self.notes)
                            .desired_rows(2)
                            .desired_width(380.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    ui.label("");
                    ui.checkbox(&mut self.archived, lang.base_archived());
                    ui.end_row();
                });
            let footer = crate::ui::widgets::form_footer(ui, lang, self.saving, None);
            if footer.save
                && let Some(fields) = self.validate(lang, milestones_done)
            {
                self.saving = true;
                let fields = Box::new(fields);
                command = Some(Command::Write(match self.editing {
                    Some(id) => Change::UpdateBase(id, fields),
                    None => Change::AddBase(fields),
                }));
            }
            closed |= footer.cancel;
        });
        (command, closed)
    }
}

/// A milestone being added or changed.
pub(super) struct MilestoneForm {
    pub(super) base: BaseId,
    editing: Option<MilestoneId>,
    title: String,
    planned: String,
    done: String,
    title_error: Option<&'static str>,
    planned_error: Option<&'static str>,
    done_error: Option<&'static str>,
    saving: bool,
    opened: (String, String, String),
}

impl FormWindow for MilestoneForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

impl MilestoneForm {
    /// A form for a new milestone of `base`, or for changing `milestone`.
    pub(super) fn new(base: BaseId, milestone: Option<&Milestone>) -> Self {
        let fields = milestone.map(|m| m.fields.clone()).unwrap_or_default();
        let typed = (
            fields.title,
            day_text(fields.planned_on),
            day_text(fields.done_on),
        );
        Self {
            base,
            editing: milestone.map(|m| m.id),
            title: typed.0.clone(),
            planned: typed.1.clone(),
            done: typed.2.clone(),
            title_error: None,
            planned_error: None,
            done_error: None,
            saving: false,
            opened: typed,
        }
    }

    /// Whether anything was typed since the form opened.
    pub(super) fn has_changes(&self) -> bool {
        (&self.title, &self.planned, &self.done) != (&self.opened.0, &self.opened.1, &self.opened.2)
    }

    fn has_errors(&self) -> bool {
        self.title_error.is_some() || self.planned_error.is_some() || self.done_error.is_some()
    }

    /// The milestone as typed, checked against the base's start and today, or the errors set
    /// beside their fields.
    fn validate(
        &mut self,
        lang: Lang,
        started: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Option<MilestoneFields> {
        self.title_error = None;
        self.planned_error = None;
        self.done_error = None;
        let day = |text: &str, error: &mut Option<&'static str>| {
            if text.trim().is_empty() {
                None
            } else {
                let day = parse_day(text);
                if day.is_none() {
                    *error = Some(lang.error_not_a_date());
                }
                day
            }
        };
        let planned_on = day(&self.planned, &mut self.planned_error);
        let done_on = day(&self.done, &mut self.done_error);
        let fields = MilestoneFields {
            title: self.title.trim().to_owned(),
            planned_on,
            done_on,
        };
        match fields.check(started, today) {
            Err(BaseError::NameRequired) => {
                self.title_error = Some(lang.base_error(BaseError::NameRequired));
            }
            Err(error) => {
                self.done_error = self.done_error.or(Some(lang.base_error(error)));
            }
            Ok(()) => {}
        }
        (!self.has_errors()).then_some(fields)
    }

    /// Draws the form; returns the write to make, and whether it was closed.
    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        started: Option<NaiveDate>,
        today: NaiveDate,
    ) -> (Option<Command>, bool) {
        if self.has_errors() {
            let _ = self.validate(lang, started, today);
        }
        let mut command = None;
        // Esc closes a form with changes only after the shell's question (保存 / 不保存).
        let mut closed = crate::ui::widgets::escape_pressed(ui) && !self.has_changes();
        let title = if self.editing.is_some() {
            lang.base_edit_milestone()
        } else {
            lang.base_add_milestone().trim_end_matches('…')
        };
        crate::ui::widgets::form_window(ui, title, "milestone-form", 460.0, |ui| {
            egui::Grid::new("milestone-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    text_field(
                        ui,
                        lang.base_milestone_title(),
                        &mut self.title,
                        "",
                        self.title_error,
                    );
                    text_field(
                        ui,
                        lang.base_milestone_planned(),
                        &mut self.planned,
                        lang.day_hint(),
                        self.planned_error,
                    );
                    text_field(
                        ui,
                        lang.base_milestone_done(),
                        &mut self.done,
                        lang.day_hint(),
                        self.done_error,
                    );
                });
            let footer = crate::ui::widgets::form_footer(ui, lang, self.saving, None);
            if footer.save
                && let Some(fields) = self.validate(lang, started, today)
            {
                self.saving = true;
                command = Some(Command::Write(match self.editing {
                    Some(id) => Change::UpdateMilestone(id, fields),
                    None => Change::AddMilestone(self.base, fields),
                }));
            }
            closed |= footer.cancel;
        });
        (command, closed)
    }
}
