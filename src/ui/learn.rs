//! 学习: the year's learning plan against what was held, and each secretary's learning record
//! (topics and hours from the sessions they attended — typed once, in the session).

use super::data::Memo;
use super::widgets::{ERROR_RED, combo, row_button, screen_title, tabs};
use super::{Change, Command, Screen, ViewContext};
use crate::domain::SecretaryId;
use crate::domain::assessment::format_score;
use crate::domain::learning::{
    LearningRecordLine, PlanItem, PlanItemId, PlanStatus, StudyKind, hours, plan_status,
};
use crate::domain::period::Period;
use crate::store::SystemRecord;
use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    Plan,
    Records,
}

/// A year's learning plan with the days each item was held, and the hours per secretary.
struct Data {
    plan: Vec<(PlanItem, Vec<NaiveDate>)>,
    /// Hours per secretary in the year.
    hours: Vec<(SecretaryId, i64)>,
}

fn load(store: &crate::store::Store, year: &i32) -> crate::store::Result<Data> {
    let mut hours: Vec<(SecretaryId, i64)> = Period::year(*year)
        .map(|p| store.secretary_facts(p))
        .transpose()?
        .unwrap_or_default()
        .into_iter()
        .map(|(who, facts)| (who, facts.learning_min))
        .collect();
    hours.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(Data {
        plan: store.learning_plan(*year)?,
        hours,
    })
}

fn load_record(
    store: &crate::store::Store,
    who: &SecretaryId,
) -> crate::store::Result<Vec<LearningRecordLine>> {
    store.learning_record(*who)
}

/// What the screen draws: the year's data with the names of people.
type Model<'a> = super::data::Named<'a, Data>;

/// A plan item being typed (new, or an existing one edited).
#[derive(Default)]
struct PlanRow {
    editing: Option<PlanItemId>,
    month: String,
    title: String,
    kind: Option<StudyKind>,
    error: Option<String>,
}

/// The learn screen.
#[derive(Default)]
pub struct LearnScreen {
    data: Memo<i32, Data>,
    record: Memo<SecretaryId, Vec<LearningRecordLine>>,
    controls: Controls,
}

/// What the coordinator has chosen and typed on the screen.
#[derive(Default)]
struct Controls {
    tab: Tab,
    year: i32,
    row: PlanRow,
    who: Option<SecretaryId>,
}

impl super::View for LearnScreen {
    /// Draws the screen.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        if self.controls.year == 0 {
            self.controls.year = ctx.today.year();
        }
        screen_title(ui, lang.nav_learn());
        super::widgets::year_stepper(ui, lang, &mut self.controls.year);
        tabs(
            ui,
            &mut self.controls.tab,
            &[
                (Tab::Plan, lang.learning_plan()),
                (Tab::Records, lang.learning_records()),
            ],
        );
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        let year = self.controls.year;
        let Some(data) = self.data.show(ui, ctx, &year, load) else {
            return commands;
        };
        let model = &Model { names, data };
        match self.controls.tab {
            Tab::Plan => commands.extend(self.controls.plan_ui(ui, ctx, model)),
            Tab::Records => {
                commands.extend(self.controls.records_ui(ui, ctx, &mut self.record, model));
            }
        }
        commands
    }

    /// After a write: the plan row is cleared if it succeeded.
    fn write_finished(&mut self, succeeded: bool) {
        if succeeded {
            self.controls.row = PlanRow::default();
        }
    }
}
impl Controls {
    fn plan_ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, model: &Model<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        let held = model
            .plan
            .iter()
            .filter(|(item, days)| {
                matches!(plan_status(item, days, ctx.today), PlanStatus::Held(_))
            })
            .count();
        ui.label(lang.plan_summary(model.plan.len(), held));
        // The row to add an item, or to change the one being edited.
        ui.horizontal(|ui| {
            let label = ui.label(lang.col_month());
            ui.add(egui::TextEdit::singleline(&mut self.row.month).desired_width(30.0))
                .labelled_by(label.id);
            let label = ui.label(lang.col_study_title());
            ui.add(egui::TextEdit::singleline(&mut self.row.title).desired_width(240.0))
                .labelled_by(label.id);
            if self.row.kind.is_none() {
                self.row.kind = Some(StudyKind::PolicyDocument);
            }
            combo(
                ui,
                "plan-kind",
                lang.col_study_kind(),
                &mut self.row.kind,
                StudyKind::ALL,
                None,
                |k| lang.study_kind(k).to_owned(),
            );
            let button = if self.row.editing.is_some() {
                lang.save()
            } else {
                lang.add_plan_item()
            };
            if ui.button(button).clicked() {
                let month = self
                    .row
                    .month
                    .trim()
                    .trim_end_matches('月')
                    .parse::<u32>()
                    .ok();
                let title = self.row.title.trim().to_owned();
                let kind = self.row.kind.unwrap_or(StudyKind::PolicyDocument);
                self.row.error = match month {
                    Some(1..=12) if !title.is_empty() => None,
                    Some(1..=12) => Some(lang.title_required().to_owned()),
                    _ => Some(lang.month_invalid().to_owned()),
                };
                if let (None, Some(month)) = (&self.row.error, month) {
                    commands.push(Command::Write(match self.row.editing {
                        Some(id) => Change::UpdatePlanItem {
                            id,
                            month,
                            title,
                            kind,
                        },
                        None => Change::AddPlanItem {
                            year: self.year,
                            month,
                            title,
                            kind,
                        },
                    }));
                }
            }
            if self.row.editing.is_some() && ui.button(lang.cancel()).clicked() {
                self.row = PlanRow::default();
            }
            if let Some(error) = &self.row.error {
                ui.colored_label(ERROR_RED, error);
            }
        });
        ui.separator();
        egui::Grid::new("learning-plan")
            .striped(true)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                for title in [
                    lang.col_month(),
                    lang.col_study_title(),
                    lang.col_study_kind(),
                    lang.col_plan_status(),
                    "",
                ] {
                    ui.strong(title);
                }
                ui.end_row();
                for (item, days) in &model.plan {
                    ui.label(format!("{}", item.month));
                    ui.label(&item.title);
                    ui.label(lang.study_kind(item.kind));
                    match plan_status(item, days, ctx.today) {
                        PlanStatus::Held(day) => ui.label(
                            RichText::new(format!(
                                "√ {} {}",
                                lang.plan_held(),
                                day.format("%m-%d")
                            ))
                            .color(egui::Color32::from_rgb(40, 140, 60)),
                        ),
                        PlanStatus::Pending => ui.label(lang.plan_pending()),
                        PlanStatus::Overdue => {
                            ui.label(RichText::new(lang.plan_overdue()).color(ERROR_RED))
                        }
                    };
                    ui.horizontal(|ui| {
                        if row_button(ui, lang.edit(), &item.title).clicked() {
                            self.row = PlanRow {
                                editing: Some(item.id),
                                month: item.month.to_string(),
                                title: item.title.clone(),
                                kind: Some(item.kind),
                                error: None,
                            };
                        }
                        if row_button(ui, lang.delete(), &item.title).clicked() {
                            commands.push(Command::Write(Change::DeleteRecord(
                                SystemRecord::PlanItem(item.id),
                            )));
                        }
                    });
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        ui.label(RichText::new(lang.plan_explained()).weak());
        commands
    }

    fn records_ui(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        record: &mut Memo<SecretaryId, Vec<LearningRecordLine>>,
        model: &Model<'_>,
    ) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        ui.columns(2, |columns| {
            let ui = &mut columns[0];
            ui.strong(lang.hours_this_year());
            egui::ScrollArea::vertical()
                .id_salt("learning-hours")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for entry in model.names.roster.iter().filter(|e| !e.fields.archived) {
                        let minutes = model
                            .hours
                            .iter()
                            .find(|(who, _)| *who == entry.id)
                            .map_or(0, |(_, m)| *m);
                        let text = format!(
                            "{}  {} {}",
                            entry.fields.name,
                            format_score(hours(minutes)),
                            lang.hours_unit()
                        );
                        if ui
                            .selectable_label(self.who == Some(entry.id), text)
                            .clicked()
                        {
                            self.who = Some(entry.id);
                        }
                    }
                });
            let ui = &mut columns[1];
            let Some(who) = self.who else {
                ui.label(RichText::new(lang.choose_secretary()).weak());
                return;
            };
            record.refresh(ctx, &who, load_record);
            let Some(all) = super::data::ready(ui, lang, record.get(&who)) else {
                return;
            };
            // The record of the year shown, as the hours beside the names are.
            let lines: Vec<&LearningRecordLine> = all
                .iter()
                .filter(|l| l.held_on.year() == self.year)
                .collect();
            let total: i64 = lines.iter().map(|l| l.duration_min).sum();
            ui.strong(lang.learning_record_of(
                &model.names.secretary(Some(who)),
                lines.len(),
                &format_score(hours(total)),
            ));
            let height = ui.available_height();
            TableBuilder::new(ui)
                .striped(true)
                .max_scroll_height(height)
                .column(Column::exact(90.0))
                .column(Column::exact(130.0))
                .column(Column::exact(40.0))
                .column(Column::remainder())
                .header(22.0, |mut header| {
                    for title in [
                        lang.col_date(),
                        lang.col_study_kind(),
                        lang.col_study_hours(),
                        lang.col_study_title(),
                    ] {
                        header.col(|ui| {
                            ui.strong(title);
                        });
                    }
                })
                .body(|body| {
                    body.rows(22.0, lines.len(), |mut row| {
                        let line = lines[row.index()];
                        row.col(|ui| {
                            if ui
                                .link(line.held_on.format("%Y-%m-%d").to_string())
                                .clicked()
                            {
                                commands.push(Command::Navigate(Screen::Session(line.session)));
                            }
                        });
                        row.col(|ui| {
                            ui.label(lang.study_kind(line.kind));
                        });
                        row.col(|ui| {
                            ui.label(format_score(hours(line.duration_min)));
                        });
                        row.col(|ui| {
                            ui.label(&line.title);
                        });
                    });
                });
        });
        commands
    }
}
