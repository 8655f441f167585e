//! 帮扶: the pairing board — each strong-with-weak pair with its visits, problems, days since
//! the last visit and outcome; a warning for pairs not visited for too long; the pairing form.

use super::data::{Memo, Names};
use super::widgets::{ERROR_RED, choice, in_office, row_button, screen_title, text_field};
use super::{Change, Command, ViewContext};
use crate::domain::SecretaryId;
use crate::domain::pairing::{PairingError, PairingFields, PairingId, PairingProgress};
use crate::domain::session::parse_day;
use crate::i18n::Lang;
use crate::store::{STALE_DAYS_KEY, SystemRecord};
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

/// The orange of a warning.
const WARNING: egui::Color32 = egui::Color32::from_rgb(200, 110, 0);

/// The pairings with their progress, and after how many days a pair counts as not visited.
struct Data {
    pairings: Vec<PairingProgress>,
    stale_days: i64,
}

fn load(store: &crate::store::Store, (): &()) -> crate::store::Result<Data> {
    Ok(Data {
        pairings: store.pairings()?,
        stale_days: store.stale_days()?,
    })
}

/// What the board draws: the data with the names of people.
type Model<'a> = super::data::Named<'a, Data>;

/// The pairing form as typed.
struct PairingForm {
    editing: Option<PairingId>,
    strong: Option<SecretaryId>,
    weak: Option<SecretaryId>,
    starts_on: String,
    ends_on: String,
    goals: String,
    outcome: String,
    /// The base it works on (a choice on the form).
    base: Option<crate::domain::base::BaseId>,
    error: Option<String>,
    saving: bool,
    /// What the form held when first drawn (to tell unsaved work).
    opened: Option<String>,
}

impl super::widgets::FormWindow for PairingForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

/// A commendation of a pair being typed.
struct CommendForm {
    pair: [SecretaryId; 2],
    names: String,
    date: String,
    reason: String,
    error: Option<String>,
    saving: bool,
    /// What the form held when first drawn (to tell unsaved work).
    opened: Option<String>,
}

impl super::widgets::FormWindow for CommendForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

/// The help screen.
#[derive(Default)]
pub struct HelpScreen {
    data: Memo<(), Data>,
    form: Option<PairingForm>,
    commend: Option<CommendForm>,
    stale_days: String,
    /// The generation `stale_days` was last set from.
    stale_days_of: Option<u64>,
}

impl super::View for HelpScreen {
    fn unsaved(&self) -> Option<super::drafts::Draft> {
        let pairing = self.form.as_ref().is_some_and(PairingForm::has_changes);
        let commend = self.commend.as_ref().is_some_and(CommendForm::has_changes);
        (pairing || commend).then_some(super::drafts::Draft::Unkept)
    }

    fn discard_unsaved(&mut self) {
        self.form = None;
        self.commend = None;
    }

    /// Draws the screen.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        // The title shows at once, while the data is still on its way.
        screen_title(ui, lang.nav_help());
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        self.data.refresh(ctx, &(), load);
        let Some(data) = super::data::ready(ui, lang, self.data.get(&())) else {
            return commands;
        };
        if self.stale_days_of != self.data.loaded_at() {
            self.stale_days_of = self.data.loaded_at();
            self.stale_days = data.stale_days.to_string();
        }
        let model = Model { names, data };
        let stale: Vec<&PairingProgress> = model
            .pairings
            .iter()
            .filter(|p| p.is_stale(ctx.today, model.stale_days))
            .collect();
        ui.horizontal(|ui| {
            if ui.button(lang.new_pairing()).clicked() {
                self.form = Some(PairingForm::new(None, ctx));
            }
            ui.separator();
            let label = ui.label(lang.stale_after_days());
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.stale_days).desired_width(40.0))
                .labelled_by(label.id);
            let days = self
                .stale_days
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|d| *d > 0);
            if field.lost_focus() || super::widgets::submitted(&field) {
                match days {
                    Some(days) if days != model.stale_days => commands.push(Command::Write(
                        Change::SetSetting(STALE_DAYS_KEY, days.to_string()),
                    )),
                    Some(_) => {}
                    None => self.stale_days = model.stale_days.to_string(),
                }
            }
        });
        if !stale.is_empty() {
            ui.label(
                RichText::new(lang.stale_warning(stale.len(), model.stale_days))
                    .color(WARNING)
                    .strong(),
            );
        }
        ui.separator();
        // A narrow window scrolls the board sideways rather than hiding its buttons.
        egui::ScrollArea::horizontal()
            .auto_shrink([false, true])
            .show(ui, |ui| {
                commands.extend(board_ui(ui, ctx, &model, &mut self.form, &mut self.commend));
            });
        if let Some(form) = &mut self.commend {
            let (command, closed) = form.ui(ui, lang);
            commands.extend(command);
            if closed {
                self.commend = None;
            }
        }
        if let Some(form) = &mut self.form {
            let (command, closed) = form.ui(ui, lang, model.names);
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
        super::widgets::close_after_write(&mut self.commend, succeeded);
    }
}
fn board_ui(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    model: &Model<'_>,
    form: &mut Option<PairingForm>,
    commend: &mut Option<CommendForm>,
) -> Vec<Command> {
    let lang = ctx.lang;
    let mut commands = Vec::new();
    TableBuilder::new(ui)
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(150.0))
        .column(Column::exact(80.0))
        .column(Column::exact(44.0))
        .column(Column::exact(80.0))
        .column(Column::exact(70.0))
        .column(Column::exact(62.0))
        .column(Column::exact(120.0))
        .column(Column::remainder())
        .header(22.0, |mut header| {
            for title in [
                lang.col_pair(),
                lang.col_since(),
                lang.col_visits(),
                lang.col_last_visit(),
                lang.col_days_since_visit(),
                lang.col_pair_problems(),
                lang.col_outcome(),
                "",
            ] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(24.0, model.pairings.len(), |mut row| {
                let pairing = &model.pairings[row.index()];
                let pair = format!(
                    "{} → {}",
                    model.names.secretary(Some(pairing.fields.strong)),
                    model.names.secretary(Some(pairing.fields.weak))
                );
                let stale = pairing.is_stale(ctx.today, model.stale_days);
                row.col(|ui| {
                    ui.label(&pair);
                });
                row.col(|ui| {
                    ui.label(pairing.fields.starts_on.format("%Y-%m-%d").to_string());
                });
                row.col(|ui| {
                    ui.label(pairing.visits.to_string());
                });
                row.col(|ui| {
                    ui.label(pairing.last_visit.map_or_else(
                        || lang.none_value().to_owned(),
                        |d| d.format("%Y-%m-%d").to_string(),
                    ));
                });
                row.col(|ui| {
                    let text = if pairing.is_active(ctx.today) {
                        pairing.days_since_visit(ctx.today).to_string()
                    } else {
                        lang.pairing_ended().to_owned()
                    };
                    if stale {
                        ui.label(RichText::new(format!("⚠ {text}")).color(WARNING).strong());
                    } else {
                        ui.label(text);
                    }
                });
                row.col(|ui| {
                    ui.label(format!(
                        "{}/{}",
                        pairing.problems_resolved, pairing.problems_raised
                    ))
                    .on_hover_text(lang.resolved_of_raised());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&pairing.fields.outcome).truncate())
                        .on_hover_text(&pairing.fields.goals);
                });
                row.col(|ui| {
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                    ui.spacing_mut().item_spacing.x = 4.0;
                    if row_button(ui, lang.record_visit(), &pair).clicked() {
                        commands.push(Command::RecordHelpVisit(pairing.id));
                    }
                    if row_button(ui, lang.raise_problem_short(), &pair).clicked() {
                        commands.push(Command::RaisePairingProblem(pairing.id));
                    }
                    if row_button(ui, lang.commend_pair(), &pair).clicked() {
                        *commend = Some(CommendForm {
                            pair: [pairing.fields.strong, pairing.fields.weak],
                            names: pair.clone(),
                            // A day of the period being worked on, where it counts.
                            date: ctx
                                .period
                                .day_nearest(ctx.today)
                                .format("%Y-%m-%d")
                                .to_string(),
                            reason: String::new(),
                            error: None,
                            saving: false,
                            opened: None,
                        });
                    }
                    if row_button(ui, lang.edit(), &pair).clicked() {
                        *form = Some(PairingForm::edit(pairing));
                    }
                    if row_button(ui, lang.delete(), &pair).clicked() {
                        commands.push(Command::Write(Change::DeleteRecord(SystemRecord::Pairing(
                            pairing.id,
                        ))));
                    }
                });
            });
        });
    commands
}

impl PairingForm {
    /// What is typed and chosen, as one text.
    fn typed(&self) -> String {
        format!(
            "{:?}",
            (
                self.strong,
                self.weak,
                &self.starts_on,
                &self.ends_on,
                &self.goals,
                &self.outcome,
                self.base
            )
        )
    }

    /// Whether anything was typed or chosen since the form was first drawn.
    fn has_changes(&self) -> bool {
        self.opened.as_ref().is_some_and(|o| *o != self.typed())
    }

    fn new(editing: Option<PairingId>, ctx: &ViewContext<'_>) -> Self {
        Self {
            editing,
            strong: None,
            weak: None,
            starts_on: ctx.today.format("%Y-%m-%d").to_string(),
            ends_on: String::new(),
            goals: String::new(),
            outcome: String::new(),
            base: None,
            error: None,
            saving: false,
            opened: None,
        }
    }

    fn edit(pairing: &PairingProgress) -> Self {
        let fields = &pairing.fields;
        Self {
            editing: Some(pairing.id),
            strong: Some(fields.strong),
            weak: Some(fields.weak),
            starts_on: fields.starts_on.format("%Y-%m-%d").to_string(),
            ends_on: fields
                .ends_on
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            goals: fields.goals.clone(),
            outcome: fields.outcome.clone(),
            base: fields.base_id,
            error: None,
            saving: false,
            opened: None,
        }
    }

    fn ui(&mut self, ui: &mut Ui, lang: Lang, names: &Names) -> (Option<Command>, bool) {
        if self.opened.is_none() {
            self.opened = Some(self.typed());
        }
        let mut command = None;
        let mut closed = super::widgets::escape_pressed(ui);
        let title = if self.editing.is_some() {
            lang.edit_pairing()
        } else {
            lang.new_pairing()
        };
        let people = in_office(&names.roster);
        super::widgets::form_window(ui, title, "pairing-form", 480.0, |ui| {
            egui::Grid::new("pairing-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    choice(
                        ui,
                        "pairing-strong",
                        lang.col_strong(),
                        &mut self.strong,
                        &people,
                        None,
                        |id| names.secretary(Some(id)),
                    );
                    ui.end_row();
                    choice(
                        ui,
                        "pairing-weak",
                        lang.col_weak(),
                        &mut self.weak,
                        &people,
                        None,
                        |id| names.secretary(Some(id)),
                    );
                    ui.end_row();
                    let bases = names.bases_offered(self.base);
                    choice(
                        ui,
                        "pairing-base",
                        lang.base_belongs(),
                        &mut self.base,
                        &bases,
                        Some(lang.none_value()),
                        |id| names.base(Some(id)),
                    );
                    ui.end_row();
                    text_field(
                        ui,
                        lang.col_since(),
                        &mut self.starts_on,
                        lang.day_hint(),
                        None,
                    );
                    text_field(
                        ui,
                        lang.col_until(),
                        &mut self.ends_on,
                        lang.day_hint(),
                        None,
                    );
                    for (label, text) in [
                        (lang.col_goals(), &mut self.goals),
                        (lang.col_outcome(), &mut self.outcome),
                    ] {
                        let label = ui.label(label);
                        ui.add(
                            egui::TextEdit::multiline(text)
                                .desired_rows(2)
                                .desired_width(320.0),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                    }
                });
            ui.horizontal(|ui| {
                if crate::ui::widgets::save_button(ui, lang, self.saving) {
                    match self.validate(lang) {
                        Ok(fields) => {
                            self.error = None;
                            self.saving = true;
                            command = Some(Command::Write(match self.editing {
                                Some(id) => Change::UpdatePairing(id, fields),
                                None => Change::AddPairing(fields),
                            }));
                        }
                        Err(error) => self.error = Some(error),
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

    fn validate(&self, lang: Lang) -> Result<PairingFields, String> {
        let (Some(strong), Some(weak)) = (self.strong, self.weak) else {
            return Err(lang.choose_both_secretaries().to_owned());
        };
        let starts_on =
            parse_day(&self.starts_on).ok_or_else(|| lang.error_not_a_date().to_owned())?;
        let ends_on = if self.ends_on.trim().is_empty() {
            None
        } else {
            Some(parse_day(&self.ends_on).ok_or_else(|| lang.error_not_a_date().to_owned())?)
        };
        let fields = PairingFields {
            strong,
            weak,
            starts_on,
            ends_on,
            goals: self.goals.trim().to_owned(),
            outcome: self.outcome.trim().to_owned(),
            base_id: self.base,
        };
        fields.check().map_err(|e| match e {
            PairingError::SamePerson => lang.pairing_same_person().to_owned(),
            PairingError::EndsBeforeStart => lang.error_end_before_start().to_owned(),
        })?;
        Ok(fields)
    }
}

impl CommendForm {
    /// Whether anything was typed since the form was first drawn.
    fn has_changes(&self) -> bool {
        self.opened
            .as_ref()
            .is_some_and(|o| *o != format!("{:?}", (&self.date, &self.reason)))
    }

    /// Draws the form; returns the write to make, and whether it was cancelled.
    fn ui(&mut self, ui: &mut Ui, lang: Lang) -> (Option<Command>, bool) {
        self.opened
            .get_or_insert_with(|| format!("{:?}", (&self.date, &self.reason)));
        let mut command = None;
        let mut closed = super::widgets::escape_pressed(ui);
        let title = format!("{} — {}", lang.commend_pair_title(), self.names);
        super::widgets::form_window(ui, &title, "commend-form", 460.0, |ui| {
            ui.label(RichText::new(lang.commend_pair_explained()).weak());
            egui::Grid::new("commend-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    text_field(ui, lang.col_date(), &mut self.date, lang.day_hint(), None);
                    text_field(ui, lang.col_reason(), &mut self.reason, "", None);
                });
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!self.saving, egui::Button::new(lang.record_honour()))
                    .clicked()
                {
                    match (parse_day(&self.date), self.reason.trim()) {
                        (None, _) => self.error = Some(lang.error_not_a_date().to_owned()),
                        (_, "") => self.error = Some(lang.reason_required().to_owned()),
                        (Some(date), reason) => {
                            self.error = None;
                            self.saving = true;
                            command = Some(Command::Write(Change::CommendPair(
                                self.pair,
                                date,
                                reason.to_owned(),
                            )));
                        }
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
}
