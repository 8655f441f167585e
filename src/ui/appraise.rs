//! 党性体检与述职评议: the year's party-spirit check-ups (four steps scored per indicator,
//! combined into 健康 / 亚健康 / 不健康, findings turned into problems with one click) and the
//! duty reports with their democratic appraisals (ballots, the grade by the studio's rule);
//! and the rules both are scored by.

use super::data::{Memo, Names};
use super::widgets::{ERROR_RED, choice, row_button, screen_title, tabs, text_field};
use super::{Change, Command, Screen, ViewContext};
use crate::domain::SecretaryId;
use crate::domain::appraisal::{
    Appraisal, AppraisalFields, AppraisalId, Grade, GradeRule, RULE_KEY,
};
use crate::domain::assessment::format_score;
use crate::domain::checkup::{
    Checkup, CheckupFields, CheckupId, GRADES_KEY, Health, HealthThresholds, Indicator, Step,
    Subject, WEIGHTS_KEY, Weights,
};
use crate::domain::league::{Person, PersonId};
use crate::domain::session::parse_day;
use crate::i18n::Lang;
use crate::print::{LedgerPrintout, Printable};
use crate::store::SystemRecord;
use chrono::Datelike;
use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};

const GREEN: Color32 = Color32::from_rgb(40, 140, 60);
const ORANGE: Color32 = Color32::from_rgb(200, 110, 0);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    Checkups,
    Appraisals,
    Rules,
}

/// A year's check-ups and appraisals, with the rules they are scored by.
struct Data {
    checkups: Vec<Checkup>,
    appraisals: Vec<Appraisal>,
    indicators: Vec<Indicator>,
    weights: Weights,
    thresholds: HealthThresholds,
    rule: GradeRule,
    people: Vec<Person>,
    /// The problems findings became, resolved or not.
    resolved: Vec<crate::domain::ProblemId>,
    /// The latest year with a check-up or an appraisal, if any.
    latest_year: Option<i32>,
}

fn load(store: &crate::store::Store, year: &i32) -> crate::store::Result<Data> {
    let resolved = store
        .problems()?
        .into_iter()
        .filter(|p| p.state == crate::domain::problem::ProblemState::Resolved)
        .map(|p| p.id)
        .collect();
    Ok(Data {
        checkups: store.checkups(*year)?,
        appraisals: store.appraisals(Some(*year))?,
        indicators: store.checkup_indicators()?,
        weights: store.checkup_weights()?,
        thresholds: store.health_thresholds()?,
        rule: store.appraisal_rule()?,
        people: store.people()?,
        resolved,
        latest_year: store.latest_review_year()?,
    })
}

impl Data {
    fn subject_name(&self, names: &Names, subject: Subject) -> String {
        match subject {
            Subject::Secretary(s) => names.secretary(Some(s)),
            Subject::Person(p) => self
                .people
                .iter()
                .find(|x| x.id == p)
                .map(|x| x.fields.name.clone())
                .unwrap_or_default(),
        }
    }

    fn subject_branch(&self, names: &Names, subject: Subject) -> String {
        match subject {
            Subject::Secretary(s) => names
                .roster
                .iter()
                .find(|e| e.id == s)
                .map(|e| e.branch_name.clone())
                .unwrap_or_default(),
            Subject::Person(p) => self
                .people
                .iter()
                .find(|x| x.id == p)
                .map(|x| match x.fields.branch_id {
                    Some(b) => names.branch(Some(b)),
                    None => x.fields.village.clone(),
                })
                .unwrap_or_default(),
        }
    }
}

fn health_color(health: Health) -> Color32 {
    match health {
        Health::Healthy => GREEN,
        Health::SubHealthy => ORANGE,
        Health::Unhealthy => ERROR_RED,
    }
}

fn grade_color(grade: Grade) -> Color32 {
    match grade {
        Grade::Excellent | Grade::Competent => GREEN,
        Grade::BasicallyCompetent => ORANGE,
        Grade::Incompetent => ERROR_RED,
    }
}

/// The 体检评议 screen.
#[derive(Default)]
pub struct AppraiseScreen {
    data: Memo<i32, Data>,
    tab: Tab,
    year: i32,
    selected: Option<CheckupId>,
    finding: String,
    checkup_form: Option<CheckupForm>,
    appraisal_form: Option<AppraisalForm>,
    rules: Option<RulesForm>,
    /// The year was chosen by the screen, not yet by the user: it moves to the latest year
    /// with records once that is known.
    year_guessed: bool,
}

impl super::View for AppraiseScreen {
    fn unsaved(&self) -> Option<super::drafts::Draft> {
        let checkup = self
            .checkup_form
            .as_ref()
            .is_some_and(|f| f.opened.as_deref() != Some(&f.typed()));
        let appraisal = self
            .appraisal_form
            .as_ref()
            .is_some_and(|f| f.opened.as_deref() != Some(&f.typed()));
        (checkup || appraisal).then_some(super::drafts::Draft::Unkept)
    }

    fn discard_unsaved(&mut self) {
        self.checkup_form = None;
        self.appraisal_form = None;
    }

    fn file_changed(&mut self) {
        *self = Self::default();
    }

    fn write_finished(&mut self, succeeded: bool) {
        super::widgets::close_after_write(&mut self.checkup_form, succeeded);
        super::widgets::close_after_write(&mut self.appraisal_form, succeeded);
        if let Some(rules) = &mut self.rules {
            if succeeded && rules.saving {
                self.rules = None;
            } else {
                rules.saving = false;
            }
        }
        if succeeded {
            self.finding.clear();
        }
    }

    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let mut memo = std::mem::take(&mut self.data);
        let commands = self.draw(ui, ctx, &mut memo);
        self.data = memo;
        commands
    }
}

impl AppraiseScreen {
    fn draw(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        memo: &mut Memo<i32, Data>,
    ) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        if self.year == 0 {
            // This year's, unless the records say the latest are of another (last year's
            // check-ups are often all there is until the winter).
            self.year = ctx.today.year();
            self.year_guessed = true;
        }
        let year_before = self.year;
        screen_title(ui, lang.nav_appraise());
        super::widgets::year_stepper(ui, lang, &mut self.year);
        tabs(
            ui,
            &mut self.tab,
            &[
                (Tab::Checkups, lang.checkups_tab()),
                (Tab::Appraisals, lang.appraisals_tab()),
                (Tab::Rules, lang.rules_tab()),
            ],
        );
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        if self.year != year_before {
            self.year_guessed = false;
        }
        let year = self.year;
        let Some(data) = memo.show(ui, ctx, &year, load) else {
            return commands;
        };
        if std::mem::take(&mut self.year_guessed)
            && data.checkups.is_empty()
            && data.appraisals.is_empty()
            && let Some(latest) = data.latest_year.filter(|y| *y != year)
        {
            self.year = latest;
            ui.ctx().request_repaint();
            return commands;
        }
        match self.tab {
            Tab::Checkups => commands.extend(self.checkups_ui(ui, ctx, names, data)),
            Tab::Appraisals => commands.extend(self.appraisals_ui(ui, ctx, names, data)),
            Tab::Rules => {
                let rules = self.rules.get_or_insert_with(|| RulesForm::new(data));
                commands.extend(rules.ui(ui, lang));
            }
        }
        if let Some(form) = &mut self.checkup_form {
            let (command, closed) = form.ui(ui, ctx, names, data);
            commands.extend(command);
            if closed {
                self.checkup_form = None;
            }
        }
        if let Some(form) = &mut self.appraisal_form {
            let (command, closed) = form.ui(ui, ctx, names, data);
            commands.extend(command);
            if closed {
                self.appraisal_form = None;
            }
        }
        commands
    }

    fn checkups_ui(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        names: &Names,
        data: &Data,
    ) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            if ui.button(lang.new_checkup()).clicked() {
                self.checkup_form = Some(CheckupForm::new(None, self.year, data));
            }
            super::widgets::print_buttons(
                ui,
                lang,
                &[(
                    lang.print_checkup_summary(),
                    Printable::Ledger(LedgerPrintout::Checkups(self.year)),
                )],
                &mut commands,
            );
            ui.label(RichText::new(lang.checkups_explained()).weak());
        });
        let steps = Step::ALL;
        let table_height = (ui.available_height() * 0.55).max(160.0);
        TableBuilder::new(ui)
            .id_salt("checkups")
            .striped(true)
            .max_scroll_height(table_height)
            .column(Column::exact(80.0))
            .column(Column::initial(140.0).clip(true))
            .columns(Column::exact(64.0), 4)
            .column(Column::exact(60.0))
            .column(Column::exact(60.0))
            .column(Column::exact(120.0))
            .column(Column::remainder())
            .header(22.0, |mut header| {
                header.col(|ui| {
                    ui.strong(lang.col_name());
                });
                header.col(|ui| {
                    ui.strong(lang.col_branch());
                });
                for step in steps {
                    header.col(|ui| {
                        ui.strong(lang.step(*step));
                    });
                }
                for title in [
                    lang.col_result(),
                    lang.col_health(),
                    lang.col_findings(),
                    "",
                ] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(24.0, data.checkups.len(), |mut row| {
                    let checkup = &data.checkups[row.index()];
                    let fields = &checkup.fields;
                    let name = data.subject_name(names, fields.subject);
                    row.col(|ui| {
                        if ui
                            .selectable_label(self.selected == Some(checkup.id), &name)
                            .clicked()
                        {
                            self.selected = Some(checkup.id);
                        }
                    });
                    row.col(|ui| {
                        ui.label(data.subject_branch(names, fields.subject));
                    });
                    for step in steps {
                        row.col(|ui| {
                            ui.label(
                                fields
                                    .step_result(&data.indicators, *step)
                                    .map_or_else(|| "—".into(), format_score),
                            );
                        });
                    }
                    row.col(|ui| {
                        ui.label(
                            fields
                                .result(&data.indicators, data.weights)
                                .map_or_else(|| "—".into(), format_score),
                        );
                    });
                    row.col(|ui| {
                        match fields.health(&data.indicators, data.weights, data.thresholds) {
                            Some(health) => ui.label(
                                RichText::new(lang.health(health))
                                    .color(health_color(health))
                                    .strong(),
                            ),
                            None => ui.label(RichText::new(lang.incomplete()).weak()),
                        };
                    });
                    row.col(|ui| {
                        let rectified = checkup
                            .findings
                            .iter()
                            .filter(|f| f.problem.is_some_and(|p| data.resolved.contains(&p)))
                            .count();
                        ui.label(lang.findings_count(checkup.findings.len(), rectified));
                    });
                    row.col(|ui| {
                        ui.horizontal(|ui| {
                            if row_button(ui, lang.edit(), &name).clicked() {
                                self.checkup_form =
                                    Some(CheckupForm::new(Some(checkup), self.year, data));
                            }
                            if row_button(ui, lang.print_checkup_form(), &name).clicked() {
                                commands.push(Command::Print(Printable::Checkup(checkup.id)));
                            }
                            if row_button(ui, lang.delete(), &name).clicked() {
                                commands.push(Command::Write(Change::DeleteRecord(
                                    SystemRecord::Checkup(checkup.id),
                                )));
                            }
                        });
                    });
                });
            });
        ui.separator();
        // The selected check-up's findings (问题清单).
        let Some(checkup) = self
            .selected
            .and_then(|s| data.checkups.iter().find(|c| c.id == s))
        else {
            ui.label(RichText::new(lang.choose_checkup()).weak());
            return commands;
        };
        let name = data.subject_name(names, checkup.fields.subject);
        ui.strong(lang.findings_of(&name));
        ui.horizontal(|ui| {
            let label = ui.label(lang.new_finding());
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.finding).desired_width(360.0))
                .labelled_by(label.id);
            let add = ui
                .add_enabled(
                    !self.finding.trim().is_empty(),
                    egui::Button::new(lang.add_finding()),
                )
                .clicked();
            if (add || super::widgets::submitted(&field)) && !self.finding.trim().is_empty() {
                commands.push(Command::Write(Change::AddFinding(
                    checkup.id,
                    self.finding.trim().to_owned(),
                )));
            }
        });
        for finding in &checkup.findings {
            ui.horizontal(|ui| {
                ui.label(format!("· {}", finding.text));
                match finding.problem {
                    Some(problem) => {
                        let state = if data.resolved.contains(&problem) {
                            lang.rectified()
                        } else {
                            lang.rectifying()
                        };
                        if ui
                            .link(format!("{state} →"))
                            .on_hover_text(lang.open_problem())
                            .clicked()
                        {
                            commands.push(Command::Navigate(Screen::Problem(problem)));
                        }
                    }
                    None => {
                        if row_button(ui, lang.finding_to_problem(), &finding.text)
                            .on_hover_text(lang.finding_to_problem_explained())
                            .clicked()
                        {
                            commands.push(Command::Write(Change::FindingToProblem(finding.id)));
                        }
                    }
                }
                if row_button(ui, lang.delete(), &finding.text).clicked() {
                    commands.push(Command::Write(Change::DeleteRecord(SystemRecord::Finding(
                        finding.id,
                    ))));
                }
            });
        }
        commands
    }

    fn appraisals_ui(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        names: &Names,
        data: &Data,
    ) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        let in_office = super::widgets::in_office(&names.roster).len();
        ui.horizontal(|ui| {
            if ui.button(lang.new_appraisal()).clicked() {
                self.appraisal_form = Some(AppraisalForm::new(None, self.year));
            }
            super::widgets::print_buttons(
                ui,
                lang,
                &[(
                    lang.print_appraisal_tally(),
                    Printable::Ledger(LedgerPrintout::Appraisals(self.year)),
                )],
                &mut commands,
            );
            let done: std::collections::HashSet<SecretaryId> =
                data.appraisals.iter().map(|a| a.fields.secretary).collect();
            ui.label(lang.appraisals_done(done.len(), in_office));
        });
        let height = ui.available_height();
        TableBuilder::new(ui)
            .id_salt("appraisals")
            .striped(true)
            .max_scroll_height(height)
            .column(Column::exact(80.0))
            .column(Column::initial(130.0).clip(true))
            .column(Column::exact(56.0))
            .column(Column::exact(90.0))
            .column(Column::initial(180.0).clip(true))
            .columns(Column::exact(64.0), 5)
            .column(Column::exact(72.0))
            .column(Column::remainder())
            .header(22.0, |mut header| {
                for title in [
                    lang.col_name(),
                    lang.col_branch(),
                    lang.col_half(),
                    lang.col_reported_on(),
                    lang.col_report_title(),
                    lang.col_voters(),
                    lang.grade_excellent(),
                    lang.grade_competent(),
                    lang.grade_basically_short(),
                    lang.grade_incompetent(),
                    lang.col_grade(),
                    "",
                ] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(24.0, data.appraisals.len(), |mut row| {
                    let appraisal = &data.appraisals[row.index()];
                    let fields = &appraisal.fields;
                    let name = names.secretary(Some(fields.secretary));
                    row.col(|ui| {
                        ui.label(&name);
                    });
                    row.col(|ui| {
                        ui.label(data.subject_branch(names, Subject::Secretary(fields.secretary)));
                    });
                    row.col(|ui| {
                        ui.label(lang.half_name(fields.half));
                    });
                    row.col(|ui| {
                        ui.label(
                            fields
                                .reported_on
                                .map(|d| d.format("%Y-%m-%d").to_string())
                                .unwrap_or_default(),
                        );
                    });
                    row.col(|ui| {
                        ui.label(&fields.title);
                    });
                    row.col(|ui| {
                        ui.label(fields.voters.to_string());
                    });
                    for count in fields.ballots {
                        row.col(|ui| {
                            ui.label(count.to_string());
                        });
                    }
                    row.col(|ui| {
                        if let Some(grade) = fields.grade(data.rule) {
                            ui.label(
                                RichText::new(lang.grade(grade))
                                    .color(grade_color(grade))
                                    .strong(),
                            );
                        }
                    });
                    row.col(|ui| {
                        ui.horizontal(|ui| {
                            if row_button(ui, lang.edit(), &name).clicked() {
                                self.appraisal_form =
                                    Some(AppraisalForm::new(Some(appraisal), self.year));
                            }
                            if row_button(ui, lang.delete(), &name).clicked() {
                                commands.push(Command::Write(Change::DeleteRecord(
                                    SystemRecord::Appraisal(appraisal.id),
                                )));
                            }
                        });
                    });
                });
            });
        commands
    }
}

/// Whose check-up: a secretary, or someone of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SubjectKind {
    Secretary,
    Person,
}

/// A check-up being entered.
struct CheckupForm {
    editing: Option<CheckupId>,
    kind: SubjectKind,
    secretary: Option<SecretaryId>,
    person: Option<PersonId>,
    year: i32,
    held_on: String,
    masses: String,
    notes: String,
    /// Per indicator (in the data's order), per step: the score typed.
    scores: Vec<[String; 4]>,
    error: Option<String>,
    saving: bool,
    opened: Option<String>,
}

impl super::widgets::FormWindow for CheckupForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

impl CheckupForm {
    fn new(checkup: Option<&Checkup>, year: i32, data: &Data) -> Self {
        let scores =
            data.indicators
                .iter()
                .map(|indicator| {
                    std::array::from_fn(|s| {
                        checkup
                            .and_then(|c| {
                                c.fields.scores.iter().find(|(i, step, _)| {
                                    *i == indicator.id && *step == Step::ALL[s]
                                })
                            })
                            .map(|(_, _, score)| format_score(*score))
                            .unwrap_or_default()
                    })
                })
                .collect();
        let fields = checkup.map(|c| &c.fields);
        let (kind, secretary, person) = match fields.map(|f| f.subject) {
            Some(Subject::Person(p)) => (SubjectKind::Person, None, Some(p)),
            Some(Subject::Secretary(s)) => (SubjectKind::Secretary, Some(s), None),
            None => (SubjectKind::Secretary, None, None),
        };
        let mut form = Self {
            editing: checkup.map(|c| c.id),
            kind,
            secretary,
            person,
            year: fields.map_or(year, |f| f.year),
            held_on: fields
                .and_then(|f| f.held_on)
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            masses: fields
                .map(|f| f.masses_count.to_string())
                .unwrap_or_default(),
            notes: fields.map(|f| f.notes.clone()).unwrap_or_default(),
            scores,
            error: None,
            saving: false,
            opened: None,
        };
        form.opened = Some(form.typed());
        form
    }

    fn typed(&self) -> String {
        format!(
            "{:?}{:?}{:?}{}{}{}{:?}",
            self.kind,
            self.secretary,
            self.person,
            self.held_on,
            self.masses,
            self.notes,
            self.scores
        )
    }

    fn validate(&self, lang: Lang, data: &Data) -> Result<CheckupFields, String> {
        let subject = match self.kind {
            SubjectKind::Secretary => Subject::Secretary(
                self.secretary
                    .ok_or_else(|| lang.choose_secretary().to_owned())?,
            ),
            SubjectKind::Person => {
                Subject::Person(self.person.ok_or_else(|| lang.choose_person().to_owned())?)
            }
        };
        let held_on = match self.held_on.trim() {
            "" => None,
            text => Some(parse_day(text).ok_or_else(|| lang.error_not_a_date().to_owned())?),
        };
        let masses_count = match self.masses.trim() {
            "" => 0,
            text => text
                .parse::<i64>()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| lang.error_not_a_count().to_owned())?,
        };
        let mut scores = Vec::new();
        for (indicator, typed) in data.indicators.iter().zip(&self.scores) {
            for (step, text) in Step::ALL.iter().zip(typed) {
                match text.trim() {
                    "" => {}
                    text => {
                        let score = text
                            .parse::<f64>()
                            .ok()
                            .filter(|s| s.is_finite())
                            .ok_or_else(|| {
                                lang.score_not_a_number(&indicator.name, lang.step(*step))
                            })?;
                        scores.push((indicator.id, *step, score));
                    }
                }
            }
        }
        let fields = CheckupFields {
            subject,
            year: self.year,
            held_on,
            masses_count,
            notes: self.notes.trim().to_owned(),
            scores,
        };
        fields
            .check(&data.indicators)
            .map_err(|e| lang.checkup_error(&e))?;
        if data
            .checkups
            .iter()
            .any(|c| c.fields.subject == subject && Some(c.id) != self.editing)
        {
            return Err(lang.refusal(&crate::store::Refusal::CheckupExists(self.year)));
        }
        Ok(fields)
    }

    fn ui(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        names: &Names,
        data: &Data,
    ) -> (Option<Command>, bool) {
        let lang = ctx.lang;
        let mut command = None;
        let mut closed = super::widgets::escape_pressed(ui);
        // An error shown goes as soon as what is typed is right.
        if self.error.is_some() && self.validate(lang, data).is_ok() {
            self.error = None;
        }
        let title = format!(
            "{} · {}",
            if self.editing.is_some() {
                lang.edit_checkup()
            } else {
                lang.new_checkup().trim_end_matches('…')
            },
            lang.year_label(self.year)
        );
        let secretaries = super::widgets::in_office(&names.roster);
        let people: Vec<PersonId> = data
            .people
            .iter()
            .filter(|p| p.fields.secretary_id.is_none())
            .map(|p| p.id)
            .collect();
        super::widgets::form_window(ui, &title, "checkup-form", 620.0, |ui| {
            egui::Grid::new("checkup-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    ui.label(lang.checkup_subject());
                    ui.horizontal(|ui| {
                        ui.radio_value(
                            &mut self.kind,
                            SubjectKind::Secretary,
                            lang.subject_secretary(),
                        );
                        ui.radio_value(&mut self.kind, SubjectKind::Person, lang.subject_person());
                    });
                    ui.end_row();
                    match self.kind {
                        SubjectKind::Secretary => {
                            choice(
                                ui,
                                "checkup-secretary",
                                lang.col_name(),
                                &mut self.secretary,
                                &secretaries,
                                None,
                                |s| names.secretary(Some(s)),
                            );
                        }
                        SubjectKind::Person => {
                            choice(
                                ui,
                                "checkup-person",
                                lang.col_name(),
                                &mut self.person,
                                &people,
                                None,
                                |p| data.subject_name(names, Subject::Person(p)),
                            );
                        }
                    }
                    ui.end_row();
                    text_field(
                        ui,
                        lang.checkup_held_on(),
                        &mut self.held_on,
                        lang.day_hint(),
                        None,
                    );
                    text_field(
                        ui,
                        lang.masses_count(),
                        &mut self.masses,
                        lang.masses_hint(),
                        None,
                    );
                });
            ui.add_space(4.0);
            egui::Grid::new("checkup-scores")
                .num_columns(6)
                .striped(true)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    ui.strong(lang.col_indicator());
                    ui.strong(lang.col_full_marks());
                    for step in Step::ALL {
                        ui.strong(lang.step(*step));
                    }
                    ui.end_row();
                    for (indicator, typed) in data.indicators.iter().zip(&mut self.scores) {
                        ui.label(&indicator.name);
                        ui.label(format_score(indicator.max_score));
                        for (step, text) in Step::ALL.iter().zip(typed.iter_mut()) {
                            let response =
                                ui.add(egui::TextEdit::singleline(text).desired_width(56.0));
                            super::widgets::name_text_field(
                                response,
                                &format!("{} {}", indicator.name, lang.step(*step)),
                            );
                        }
                        ui.end_row();
                    }
                });
            // The result as it stands, while typing: always one line, so 保存 stays put.
            match self
                .validate(lang, data)
                .ok()
                .and_then(|fields| fields.result(&data.indicators, data.weights))
            {
                Some(result) => {
                    let health = data.thresholds.health(result);
                    ui.label(
                        RichText::new(
                            lang.checkup_result_line(&format_score(result), lang.health(health)),
                        )
                        .color(health_color(health))
                        .strong(),
                    );
                }
                None => {
                    ui.label(RichText::new(lang.checkup_incomplete()).weak());
                }
            }
            let label = ui.label(lang.col_notes());
            ui.add(
                egui::TextEdit::multiline(&mut self.notes)
                    .desired_rows(2)
                    .desired_width(560.0),
            )
            .labelled_by(label.id);
            ui.label(RichText::new(lang.findings_after_saving()).weak());
            let footer = super::widgets::form_footer(ui, lang, self.saving, self.error.as_deref());
            if footer.save {
                match self.validate(lang, data) {
                    Ok(fields) => {
                        self.error = None;
                        self.saving = true;
                        command = Some(Command::Write(Change::SaveCheckup(
                            self.editing,
                            Box::new(fields),
                        )));
                    }
                    Err(error) => self.error = Some(error),
                }
            }
            closed |= footer.cancel;
        });
        (command, closed)
    }
}

/// A duty report and appraisal being entered.
struct AppraisalForm {
    editing: Option<AppraisalId>,
    secretary: Option<SecretaryId>,
    year: i32,
    half: Option<u8>,
    reported_on: String,
    title: String,
    voters: String,
    ballots: [String; 4],
    participants: String,
    error: Option<String>,
    saving: bool,
    opened: Option<String>,
}

impl super::widgets::FormWindow for AppraisalForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

impl AppraisalForm {
    fn new(appraisal: Option<&Appraisal>, year: i32) -> Self {
        let fields = appraisal.map(|a| &a.fields);
        let mut form = Self {
            editing: appraisal.map(|a| a.id),
            secretary: fields.map(|f| f.secretary),
            year: fields.map_or(year, |f| f.year),
            half: Some(fields.map_or(0, |f| f.half)),
            reported_on: fields
                .and_then(|f| f.reported_on)
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            title: fields.map(|f| f.title.clone()).unwrap_or_default(),
            voters: fields.map(|f| f.voters.to_string()).unwrap_or_default(),
            ballots: std::array::from_fn(|i| {
                fields.map(|f| f.ballots[i].to_string()).unwrap_or_default()
            }),
            participants: fields.map(|f| f.participants.clone()).unwrap_or_default(),
            error: None,
            saving: false,
            opened: None,
        };
        form.opened = Some(form.typed());
        form
    }

    fn typed(&self) -> String {
        format!(
            "{:?}{:?}{}{}{}{:?}{}",
            self.secretary,
            self.half,
            self.reported_on,
            self.title,
            self.voters,
            self.ballots,
            self.participants
        )
    }

    fn validate(&self, lang: Lang) -> Result<AppraisalFields, String> {
        let secretary = self
            .secretary
            .ok_or_else(|| lang.choose_secretary().to_owned())?;
        let count = |text: &str| -> Result<i64, String> {
            match text.trim() {
                "" => Ok(0),
                text => text
                    .parse::<i64>()
                    .map_err(|_| lang.error_not_a_count().to_owned()),
            }
        };
        let reported_on = match self.reported_on.trim() {
            "" => None,
            text => Some(parse_day(text).ok_or_else(|| lang.error_not_a_date().to_owned())?),
        };
        let fields = AppraisalFields {
            secretary,
            year: self.year,
            half: self.half.unwrap_or(0),
            reported_on,
            title: self.title.trim().to_owned(),
            voters: count(&self.voters)?,
            ballots: [
                count(&self.ballots[0])?,
                count(&self.ballots[1])?,
                count(&self.ballots[2])?,
                count(&self.ballots[3])?,
            ],
            participants: self.participants.trim().to_owned(),
        };
        fields.check().map_err(|e| lang.appraisal_error(e))?;
        Ok(fields)
    }

    fn ui(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        names: &Names,
        data: &Data,
    ) -> (Option<Command>, bool) {
        let lang = ctx.lang;
        let mut command = None;
        let mut closed = super::widgets::escape_pressed(ui);
        // An error shown goes as soon as what is typed is right.
        if self.error.is_some() && self.validate(lang).is_ok() {
            self.error = None;
        }
        let title = format!(
            "{} · {}",
            if self.editing.is_some() {
                lang.edit_appraisal()
            } else {
                lang.new_appraisal().trim_end_matches('…')
            },
            lang.year_label(self.year)
        );
        let secretaries = super::widgets::in_office(&names.roster);
        super::widgets::form_window(ui, &title, "appraisal-form", 520.0, |ui| {
            egui::Grid::new("appraisal-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    choice(
                        ui,
                        "appraisal-secretary",
                        lang.col_name(),
                        &mut self.secretary,
                        &secretaries,
                        None,
                        |s| names.secretary(Some(s)),
                    );
                    ui.end_row();
                    choice(
                        ui,
                        "appraisal-half",
                        lang.col_half(),
                        &mut self.half,
                        &[0, 1, 2],
                        None,
                        |h| lang.half_name(h).to_owned(),
                    );
                    ui.end_row();
                    text_field(
                        ui,
                        lang.col_reported_on(),
                        &mut self.reported_on,
                        lang.day_hint(),
                        None,
                    );
                    text_field(
                        ui,
                        lang.col_report_title(),
                        &mut self.title,
                        lang.report_title_hint(),
                        None,
                    );
                    text_field(ui, lang.col_voters(), &mut self.voters, "", None);
                    let labels = [
                        lang.grade_excellent(),
                        lang.grade_competent(),
                        lang.grade_basically_competent(),
                        lang.grade_incompetent(),
                    ];
                    for (label, text) in labels.iter().zip(self.ballots.iter_mut()) {
                        text_field(ui, &lang.ballots_of(label), text, "", None);
                    }
                    text_field(
                        ui,
                        lang.col_participants(),
                        &mut self.participants,
                        lang.participants_hint(),
                        None,
                    );
                });
            // The sum and the grade as typed.
            let counted: i64 = self
                .ballots
                .iter()
                .filter_map(|b| b.trim().parse::<i64>().ok())
                .sum();
            let voters = self.voters.trim().parse::<i64>().unwrap_or(0);
            let line = lang.ballots_sum(counted, voters);
            if counted == voters && voters > 0 {
                let ballots: [i64; 4] =
                    std::array::from_fn(|i| self.ballots[i].trim().parse().unwrap_or(0));
                let grade = data.rule.grade(voters, ballots);
                let text = format!("{line} · {}", grade.map_or("", |g| lang.grade(g)));
                ui.label(
                    RichText::new(text)
                        .color(grade.map_or(Color32::GRAY, grade_color))
                        .strong(),
                );
            } else {
                ui.colored_label(if voters > 0 { ERROR_RED } else { Color32::GRAY }, line);
            }
            let footer = super::widgets::form_footer(ui, lang, self.saving, self.error.as_deref());
            if footer.save {
                match self.validate(lang) {
                    Ok(fields) => {
                        self.error = None;
                        self.saving = true;
                        command = Some(Command::Write(Change::SaveAppraisal(
                            self.editing,
                            Box::new(fields),
                        )));
                    }
                    Err(error) => self.error = Some(error),
                }
            }
            closed |= footer.cancel;
        });
        (command, closed)
    }
}

/// The rules both are scored by, as typed.
struct RulesForm {
    indicators: Vec<(Option<crate::domain::checkup::IndicatorId>, String, String)>,
    weights: String,
    thresholds: String,
    rule: String,
    error: Option<String>,
    saving: bool,
}

impl RulesForm {
    fn new(data: &Data) -> Self {
        Self {
            indicators: data
                .indicators
                .iter()
                .map(|i| (Some(i.id), i.name.clone(), format_score(i.max_score)))
                .collect(),
            weights: data.weights.to_text(),
            thresholds: data.thresholds.to_text(),
            rule: data.rule.to_text(),
            error: None,
            saving: false,
        }
    }

    fn ui(&mut self, ui: &mut Ui, lang: Lang) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.strong(lang.checkup_indicators());
        egui::Grid::new("indicator-rules")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                ui.strong(lang.col_indicator());
                ui.strong(lang.col_full_marks());
                ui.end_row();
                for (n, (_, name, max)) in self.indicators.iter_mut().enumerate() {
                    let response = ui.add(egui::TextEdit::singleline(name).desired_width(200.0));
                    super::widgets::name_text_field(
                        response,
                        &format!("{} {}", lang.col_indicator(), n + 1),
                    );
                    let response = ui.add(egui::TextEdit::singleline(max).desired_width(50.0));
                    super::widgets::name_text_field(
                        response,
                        &format!("{} {}", lang.col_full_marks(), n + 1),
                    );
                    ui.end_row();
                }
            });
        if ui.button(lang.add_indicator()).clicked() {
            self.indicators.push((None, String::new(), "20".into()));
        }
        ui.add_space(6.0);
        egui::Grid::new("checkup-rules")
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (label, text, hint) in [
                    (lang.weights_label(), &mut self.weights, lang.weights_hint()),
                    (
                        lang.health_thresholds_label(),
                        &mut self.thresholds,
                        lang.health_thresholds_hint(),
                    ),
                    (
                        lang.appraisal_rule_label(),
                        &mut self.rule,
                        lang.appraisal_rule_hint(),
                    ),
                ] {
                    let label = ui.label(label);
                    ui.add(egui::TextEdit::singleline(text).desired_width(140.0))
                        .labelled_by(label.id);
                    ui.label(RichText::new(hint).weak());
                    ui.end_row();
                }
            });
        ui.horizontal(|ui| {
            if ui
                .add_enabled(!self.saving, egui::Button::new(lang.save()))
                .clicked()
            {
                match self.validate(lang) {
                    Ok(command) => {
                        self.error = None;
                        self.saving = true;
                        commands.extend(command);
                    }
                    Err(error) => self.error = Some(error),
                }
            }
            if let Some(error) = &self.error {
                ui.colored_label(ERROR_RED, error);
            }
        });
        commands
    }

    fn validate(&self, lang: Lang) -> Result<Vec<Command>, String> {
        let mut rows = Vec::new();
        let mut new = Vec::new();
        for (id, name, max) in &self.indicators {
            let name = name.trim();
            if name.is_empty() && id.is_none() {
                continue;
            }
            let max = max
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|m| *m > 0.0 && *m <= 1000.0)
                .ok_or_else(|| lang.full_marks_invalid(name))?;
            if name.is_empty() {
                return Err(lang.error_name_required().to_owned());
            }
            match id {
                Some(id) => rows.push((*id, name.to_owned(), max)),
                None => new.push((name.to_owned(), max)),
            }
        }
        let weights =
            Weights::parse(&self.weights).ok_or_else(|| lang.weights_invalid().to_owned())?;
        let thresholds = HealthThresholds::parse(&self.thresholds)
            .ok_or_else(|| lang.health_thresholds_invalid().to_owned())?;
        let rule =
            GradeRule::parse(&self.rule).ok_or_else(|| lang.appraisal_rule_invalid().to_owned())?;
        Ok(vec![Command::Write(Change::UpdateIndicators(
            rows,
            new,
            vec![
                (WEIGHTS_KEY, weights.to_text()),
                (GRADES_KEY, thresholds.to_text()),
                (RULE_KEY, rule.to_text()),
            ],
        ))])
    }
}
