//! The form to record a session or change one: when and where, who hosted, what was studied.

use crate::domain::learning::{PlanItemId, StudyKind};
use crate::domain::pairing::PairingId;
use crate::domain::session::TopicDraft;
use crate::domain::session::{
    SessionDraft, SessionField, SessionFieldError, SessionKind, StudioSystem, parse_day,
};
use crate::domain::{Area, AreaId, BranchId, SecretaryId, SessionId};
use crate::i18n::Lang;
use crate::store::Store;
use crate::ui::data::Memo;
use crate::ui::widgets::{ERROR_RED, text_field};
use crate::ui::{Change, Command, ViewContext};
use chrono::Datelike;
use egui::Ui;

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
    /// The draft as it was opened (with its defaults): anything else is unsaved work.
    baseline: SessionDraft,
    /// A new session's host and recorder were filled in from the latest session.
    defaults_applied: bool,
}

/// What the form's drop-down lists offer.
#[derive(Default)]
struct FormChoices {
    pairings: Vec<(PairingId, String)>,
    branches: Vec<(BranchId, String)>,
    plan_items: Vec<(PlanItemId, String)>,
    /// The secretaries in office, for the host and recorder pickers.
    people: Vec<String>,
    /// The host and recorder of the latest session, a new session's defaults.
    last_host_and_recorder: (String, String),
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
            people: roster
                .iter()
                .filter(|e| !e.fields.archived)
                .map(|e| e.fields.name.clone())
                .collect(),
            last_host_and_recorder: store.last_host_and_recorder()?,
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
            errors: Vec::new(),
            choices: Memo::default(),
            saving: false,
            closed: false,
            baseline: draft.clone(),
            defaults_applied: editing.is_some(),
            draft,
        }
    }

    /// Whether anything was typed or chosen since the form opened.
    pub fn has_changes(&self) -> bool {
        self.draft != self.baseline
    }

    /// The typed work, if anything was typed.
    pub fn unsaved(&self) -> Option<crate::ui::drafts::Draft> {
        self.has_changes()
            .then(|| crate::ui::drafts::Draft::Session {
                editing: self.editing,
                draft: Box::new(self.draft.clone()),
            })
    }

    /// A form holding a draft kept from before a crash (unsaved work, not a fresh form).
    pub fn restored(editing: Option<SessionId>, draft: SessionDraft) -> Self {
        let mut form = Self::new(editing, draft);
        form.defaults_applied = true;
        form.baseline = SessionDraft::new(chrono::NaiveDate::MIN);
        form
    }

    /// After a write: closes if it succeeded, stays open with what was typed if not.
    pub fn write_finished(form: &mut Option<Self>, succeeded: bool) {
        crate::ui::widgets::close_after_write(form, succeeded);
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
        if !self.defaults_applied && self.choices.get(&year).is_some() {
            self.defaults_applied = true;
            let (host, recorder) = &choices.last_host_and_recorder;
            for (field, default) in [
                (&mut self.draft.host, host),
                (&mut self.draft.recorder, recorder),
            ] {
                if field.is_empty() {
                    field.clone_from(default);
                }
            }
            if self.baseline.host.is_empty() && self.baseline.recorder.is_empty() {
                self.baseline.host.clone_from(&self.draft.host);
                self.baseline.recorder.clone_from(&self.draft.recorder);
            }
        }

        // Once a save was refused, the messages follow the corrections as they are typed.
        if !self.errors.is_empty() {
            self.errors = self.draft.validate().err().unwrap_or_default();
        }
        let title = if self.editing.is_some() {
            lang.edit_session()
        } else {
            lang.new_session()
        };
        crate::ui::widgets::form_window(ui, title, "session-form", 560.0, |ui| {
            fields_grid(
                ui,
                lang,
                &mut self.draft,
                &self.errors,
                areas,
                choices,
                ctx.names,
            );
            ui.add_space(6.0);
            let hours_error = field_error(&self.errors, SessionField::StudyHours, lang);
            study_topics_ui(ui, lang, &mut self.draft.study_topics, choices, hours_error);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if crate::ui::widgets::save_button(ui, lang, self.saving) {
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

/// The session's fields: when, what, which systems, where and who, and the agenda,
/// discussion and decisions.
fn fields_grid(
    ui: &mut Ui,
    lang: Lang,
    draft: &mut SessionDraft,
    errors: &[(SessionField, SessionFieldError)],
    areas: &[Area],
    choices: &FormChoices,
    names: Option<&crate::ui::data::Names>,
) {
    egui::Grid::new("session-form-grid")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let date_error = field_error(errors, SessionField::Date, lang);
            text_field(
                ui,
                lang.col_date(),
                &mut draft.date,
                lang.day_hint(),
                date_error,
            );
            // Start and end on one row: the form fits a laptop's screen without scrolling.
            let start_error = field_error(errors, SessionField::Start, lang);
            let end_error = field_error(errors, SessionField::End, lang);
            ui.label(lang.col_time());
            ui.horizontal(|ui| {
                for (name, value, error) in [
                    (lang.col_start(), &mut draft.start, start_error),
                    (lang.col_end(), &mut draft.end, end_error),
                ] {
                    let field = ui.add(
                        egui::TextEdit::singleline(value)
                            .hint_text(lang.time_hint())
                            .desired_width(110.0),
                    );
                    crate::ui::widgets::name_text_field(field, name);
                    if let Some(error) = error {
                        ui.colored_label(ERROR_RED, error);
                    }
                    if name == lang.col_start() {
                        ui.label("—");
                    }
                }
            });
            ui.end_row();
            let topic_error = field_error(errors, SessionField::Topic, lang);
            text_field(ui, lang.col_topic(), &mut draft.topic, "", topic_error);
            // The kinds side by side: one click, not a list to open.
            ui.label(lang.col_session_kind());
            ui.vertical(|ui| {
                for row in SessionKind::ALL.chunks(4) {
                    ui.horizontal(|ui| {
                        for kind in row {
                            if ui
                                .selectable_label(draft.kind == *kind, lang.session_kind(*kind))
                                .clicked()
                                && draft.kind != *kind
                            {
                                draft.kind = *kind;
                                draft.systems = crate::domain::session::Systems::default_for(*kind);
                            }
                        }
                    });
                }
            });
            ui.end_row();
            ui.label(lang.col_systems());
            ui.horizontal(|ui| {
                for system in StudioSystem::ALL {
                    let mut on = draft.systems.contains(*system);
                    if ui.checkbox(&mut on, lang.studio_system(*system)).changed() {
                        draft.systems.set(*system, on);
                    }
                }
            });
            ui.end_row();
            let area_ids: Vec<AreaId> =
                areas.iter().filter(|a| !a.archived).map(|a| a.id).collect();
            // The area and the base on one row: the form fits a laptop's screen. Any kind of
            // session may be about a base; observation visits and practical training most
            // often are.
            ui.label(lang.col_area());
            ui.horizontal(|ui| {
                crate::ui::widgets::combo(
                    ui,
                    "session-area",
                    lang.col_area(),
                    &mut draft.area_id,
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
                if let Some(names) = names {
                    ui.add_space(12.0);
                    ui.label(lang.base_belongs());
                    let bases = names.bases_offered(draft.base_id);
                    crate::ui::widgets::combo(
                        ui,
                        "session-base",
                        lang.base_belongs(),
                        &mut draft.base_id,
                        &bases,
                        Some(lang.none_value()),
                        |id| names.base(Some(id)),
                    );
                }
            });
            ui.end_row();
            // Both rows always there (the one the kind does not use greyed), so choosing a
            // kind never moves the rows below it under the mouse.
            let help_visit = draft.kind == SessionKind::HelpVisit;
            let ids: Vec<PairingId> = choices.pairings.iter().map(|(id, _)| *id).collect();
            ui.label(lang.col_pairing());
            ui.add_enabled_ui(help_visit, |ui| {
                crate::ui::widgets::combo(
                    ui,
                    "session-pairing",
                    lang.col_pairing(),
                    &mut draft.pairing_id,
                    &ids,
                    Some(lang.none_value()),
                    |id| crate::ui::widgets::name_in(&choices.pairings, &id),
                );
            });
            ui.end_row();
            let visit = matches!(
                draft.kind,
                SessionKind::Exchange | SessionKind::ObservationVisit
            );
            let ids: Vec<BranchId> = choices.branches.iter().map(|(id, _)| *id).collect();
            let before = draft.host_branch_id;
            ui.label(lang.col_host_village());
            let picked = ui
                .add_enabled_ui(visit, |ui| {
                    crate::ui::widgets::combo(
                        ui,
                        "session-host-branch",
                        lang.col_host_village(),
                        &mut draft.host_branch_id,
                        &ids,
                        Some(lang.none_value()),
                        |id| crate::ui::widgets::name_in(&choices.branches, &id),
                    )
                })
                .inner;
            if picked {
                // The host village is where the session is held, unless the coordinator
                // wrote another place.
                let name = |id: Option<BranchId>| {
                    id.map(|id| village_of(&crate::ui::widgets::name_in(&choices.branches, &id)))
                        .unwrap_or_default()
                };
                if draft.place.trim().is_empty() || draft.place == name(before) {
                    draft.place = name(draft.host_branch_id);
                }
            }
            ui.end_row();
            text_field(ui, lang.col_place(), &mut draft.place, "", None);
            // Host and recorder on one row: the form fits a laptop's screen.
            ui.label(lang.col_host());
            ui.horizontal(|ui| {
                crate::ui::widgets::name_pick(
                    ui,
                    "session-host",
                    lang.col_host(),
                    &mut draft.host,
                    &choices.people,
                );
                ui.add_space(12.0);
                ui.label(lang.col_recorder());
                crate::ui::widgets::name_pick(
                    ui,
                    "session-recorder",
                    lang.col_recorder(),
                    &mut draft.recorder,
                    &choices.people,
                );
            });
            ui.end_row();
            for (label, text) in [
                (lang.col_agenda(), &mut draft.agenda),
                (lang.col_discussion(), &mut draft.discussion),
                (lang.col_decisions(), &mut draft.decisions),
            ] {
                let label = ui.label(label);
                ui.add(
                    egui::TextEdit::multiline(text)
                        .desired_rows(2)
                        .desired_width(380.0),
                )
                .labelled_by(label.id);
                ui.end_row();
            }
        });
}

/// The village a branch stands for: 东坪村党支部 → 东坪村 (a session's place).
fn village_of(branch: &str) -> String {
    ["党总支部", "党总支", "党支部", "支部"]
        .iter()
        .find_map(|suffix| branch.strip_suffix(suffix))
        .filter(|village| !village.is_empty())
        .unwrap_or(branch)
        .to_owned()
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
                crate::ui::widgets::name_text_field(
                    ui.add_sized(
                        [190.0, 20.0],
                        egui::TextEdit::singleline(&mut topic.title)
                            .hint_text(lang.study_title_hint()),
                    ),
                    &format!("{} {number}", lang.col_study_title()),
                );
                let mut kind = Some(topic.kind);
                if crate::ui::widgets::combo(
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
                crate::ui::widgets::name_text_field(
                    ui.add_sized([40.0, 20.0], egui::TextEdit::singleline(&mut topic.hours)),
                    &format!("{} {number}", lang.col_study_hours()),
                );
                crate::ui::widgets::combo(
                    ui,
                    &format!("study-plan-{index}"),
                    &format!("{} {number}", lang.col_plan_item()),
                    &mut topic.plan_item,
                    &plan_ids,
                    Some(lang.not_in_plan()),
                    |id| crate::ui::widgets::name_in(&choices.plan_items, &id),
                );
                if crate::ui::widgets::row_button(
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

impl crate::ui::widgets::FormWindow for SessionForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

#[cfg(test)]
mod tests {
    use super::village_of;

    #[test]
    fn a_branch_names_its_village_as_the_place() {
        assert_eq!(village_of("东坪村党支部"), "东坪村");
        assert_eq!(village_of("石门社区党总支"), "石门社区");
        assert_eq!(village_of("镇机关支部"), "镇机关");
        assert_eq!(village_of("党支部"), "党支部");
        assert_eq!(village_of("合作社"), "合作社");
    }
}
