//! 概览: the studio at a glance — secretaries per area and level, branches by kind.

use super::data::Memo;
use super::widgets::screen_title;
use super::{Change, Command, ViewContext};
use crate::domain::Level;
use crate::domain::SecretaryId;
use crate::domain::exchange::{Responsibility, ResponsibilityId};
use crate::domain::figures::{AttendanceCounts, ProblemFigures, problem_figures};
use crate::domain::period::Period;
use crate::domain::problem::ProblemState;
use crate::domain::session::parse_day;
use crate::store::{DashboardFigures, Store};
use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText, Ui};

/// The dashboard screen.
#[derive(Default)]
pub struct DashboardScreen {
    data: Memo<chrono::NaiveDate, Model>,
    /// The six responsibilities being edited.
    form: Option<ResponsibilitiesForm>,
}

/// The six responsibilities as typed: name, holder, term start and end.
struct ResponsibilitiesForm {
    rows: Vec<(
        ResponsibilityId,
        String,
        Option<SecretaryId>,
        String,
        String,
    )>,
    error: Option<String>,
    saving: bool,
    /// What the form held when first drawn (to tell unsaved work).
    opened: Option<String>,
}

impl super::widgets::FormWindow for ResponsibilitiesForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

/// What the dashboard shows, computed once per store generation.
struct Model {
    figures: DashboardFigures,
    year: YearModel,
    branches: usize,
    /// Rows of the area × level table: area name, counts per level (town, village, group, unset).
    areas: Vec<(String, [i64; 4])>,
    /// The six responsibilities.
    responsibilities: Vec<Responsibility>,
    /// Secretaries in office: (id, name).
    people: Vec<(SecretaryId, String)>,
    /// What is due: terms ending soon and this month's theme party days.
    reminders: Reminders,
    /// What is due in the next 14 days, overdue first.
    due: Vec<crate::domain::calendar::DueItem>,
}

/// The theme party days the dashboard reminds of.
#[derive(Default)]
struct ThemeDayReminder {
    month: u32,
    held: usize,
    upcoming: usize,
    recorded: usize,
    overdue: usize,
    branches: usize,
}

/// What the dashboard reminds of.
#[derive(Default)]
struct Reminders {
    /// Members whose term ends within 30 days: (name, group, last day).
    terms_ending: Vec<(String, String, NaiveDate)>,
    /// Theme party days: this month's (held, planned not yet held, recorded at all), the
    /// year's overdue ones (past their day, nothing recorded), and the branches in use.
    theme_days: ThemeDayReminder,
}

fn reminders(store: &Store, today: NaiveDate) -> crate::store::Result<Reminders> {
    use crate::domain::league::EXPIRY_REMINDER_DAYS;
    use crate::domain::theme_day::Outcome;
    use chrono::Datelike;
    let people = store.people()?;
    let groups = store.groups()?;
    let mut terms_ending: Vec<(String, String, NaiveDate)> = store
        .members()?
        .into_iter()
        .filter(|m| m.fields.ends_within(today, EXPIRY_REMINDER_DAYS))
        .filter_map(|m| {
            let person = people.iter().find(|p| p.id == m.fields.person)?;
            let group = groups
                .iter()
                .find(|g| g.id == m.fields.group && !g.archived)?;
            Some((
                person.fields.name.clone(),
                group.name.clone(),
                m.fields.term_ends_on?,
            ))
        })
        .collect();
    terms_ending.sort_by_key(|(_, _, end)| *end);
    let mut theme_days = ThemeDayReminder {
        month: today.month(),
        branches: store.branches()?.iter().filter(|b| !b.archived).count(),
        ..ThemeDayReminder::default()
    };
    for day in store.theme_days(today.year())? {
        let outcome = day.fields.outcome(today);
        if outcome == Outcome::Overdue {
            theme_days.overdue += 1;
        }
        if day.fields.month != today.month() {
            continue;
        }
        theme_days.recorded += 1;
        match outcome {
            Outcome::OnTime | Outcome::Late => theme_days.held += 1,
            Outcome::Upcoming => theme_days.upcoming += 1,
            Outcome::Missed | Outcome::Overdue => {}
        }
    }
    Ok(Reminders {
        terms_ending,
        theme_days,
    })
}

/// The reminders, each opening the screen where it is acted on.
fn reminders_ui(ui: &mut Ui, lang: crate::i18n::Lang, reminders: &Reminders) -> Vec<Command> {
    let mut commands = Vec::new();
    let t = &reminders.theme_days;
    ui.horizontal_wrapped(|ui| {
        ui.strong(lang.reminders());
        let month = if t.recorded == 0 {
            lang.theme_days_unplanned(t.month)
        } else {
            lang.theme_days_this_month(t.month, t.held, t.upcoming, t.branches)
        };
        if ui.link(month).clicked() {
            commands.push(Command::Navigate(crate::ui::Screen::ThemeDays));
        }
        if t.overdue > 0
            && ui
                .link(
                    RichText::new(lang.theme_days_overdue(t.overdue))
                        .color(super::widgets::ERROR_RED),
                )
                .clicked()
        {
            commands.push(Command::Navigate(crate::ui::Screen::ThemeDays));
        }
    });
    if !reminders.terms_ending.is_empty() {
        let names: Vec<String> = reminders
            .terms_ending
            .iter()
            .map(|(name, group, end)| format!("{name}（{group}，{}）", end.format("%m-%d")))
            .collect();
        let text = lang.terms_ending_list(&names.join("、"));
        if ui
            .link(RichText::new(text).color(egui::Color32::from_rgb(200, 110, 0)))
            .clicked()
        {
            commands.push(Command::Navigate(crate::ui::Screen::League));
        }
    }
    commands
}

/// 近14天待办: what is due, overdue first in red, each line opening its record; with the way
/// to 日程.
fn due_ui(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    due: &[crate::domain::calendar::DueItem],
) -> Vec<Command> {
    let lang = ctx.lang;
    let mut commands = Vec::new();
    egui::Frame::group(ui.style())
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.strong(lang.due_next_14_days());
                let overdue = due.iter().filter(|i| i.overdue(ctx.today)).count();
                let counts = RichText::new(lang.due_counts(due.len(), overdue));
                ui.label(if overdue > 0 {
                    counts.color(super::widgets::ERROR_RED)
                } else {
                    counts.weak()
                });
                if ui.link(format!("{} →", lang.open_calendar())).clicked() {
                    commands.push(Command::Navigate(crate::ui::Screen::Calendar));
                }
            });
            commands.extend(super::calendar::due_list(
                ui,
                lang,
                ctx.today,
                due,
                "dashboard-due",
                150.0,
            ));
        });
    commands
}

/// The current year in figures.
#[derive(Default)]
struct YearModel {
    label: String,
    sessions_per_month: [i64; 12],
    raised_per_month: [i64; 12],
    resolved_per_month: [i64; 12],
    attendance: AttendanceCounts,
    attendance_by_area: Vec<(String, AttendanceCounts)>,
    problems: ProblemFigures,
}

fn year_model(store: &Store, today: NaiveDate) -> crate::store::Result<YearModel> {
    let Some(period) = Period::year(today.year()) else {
        return Ok(YearModel::default());
    };
    let ledger = store.ledger_year(period)?;
    let problems = store.problems()?;
    let roster = store.roster()?;
    let mut resolved_per_month = [0; 12];
    for p in problems
        .iter()
        .filter(|p| p.state == ProblemState::Resolved && period.contains(p.changed_on))
    {
        resolved_per_month[p.changed_on.month0() as usize] += 1;
    }
    let mut attendance = AttendanceCounts::default();
    let mut by_area: Vec<(String, AttendanceCounts)> = Vec::new();
    for (secretary, counts) in &ledger.attendance {
        attendance.merge(*counts);
        let area = roster
            .iter()
            .find(|e| e.id == *secretary)
            // Empty for none: said in the language of the moment when drawn.
            .map(|e| e.area_name.clone())
            .unwrap_or_default();
        match by_area.iter_mut().find(|(name, _)| *name == area) {
            Some((_, total)) => total.merge(*counts),
            None => by_area.push((area, *counts)),
        }
    }
    // Days from raising to the final resolution: a resolved problem's latest event.
    let days = |p: &crate::domain::problem::ProblemSummary| {
        (p.state == ProblemState::Resolved).then(|| (p.changed_on - p.fields.raised_on).num_days())
    };
    Ok(YearModel {
        label: period.to_string(),
        sessions_per_month: ledger.sessions_per_month,
        raised_per_month: ledger.raised_per_month,
        resolved_per_month,
        attendance,
        attendance_by_area: by_area,
        problems: problem_figures(&problems, period, today, days),
    })
}

/// Month marks on the x axis: 1月 … 12月 (the number alone in English reads as well).
fn month_label(mark: egui_plot::GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    let month = mark.value.round();
    if (mark.value - month).abs() < 1e-6 && (1.0..=12.0).contains(&month) {
        format!("{month:.0}")
    } else {
        String::new()
    }
}

fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_owned(), |r| format!("{:.1}%", r * 100.0))
}

fn level_index(level: Option<Level>) -> usize {
    match level {
        Some(Level::Town) => 0,
        Some(Level::Village) => 1,
        Some(Level::Group) => 2,
        None => 3,
    }
}

/// What the dashboard shows; areas without a name are empty (said in words when drawn).
fn load(store: &Store, today: &NaiveDate) -> crate::store::Result<Model> {
    let figures = store.dashboard_figures()?;
    let people = store
        .roster()?
        .into_iter()
        .filter(|e| !e.fields.archived)
        .map(|e| (e.id, e.fields.name))
        .collect();
    let year = year_model(store, *today)?;
    let responsibilities = store.responsibilities()?;
    let mut areas: Vec<(String, [i64; 4])> = Vec::new();
    for (area, level, count) in &figures.secretaries_by_area_level {
        let index = if let Some(index) = areas.iter().position(|(a, _)| a == area) {
            index
        } else {
            areas.push((area.clone(), [0; 4]));
            areas.len() - 1
        };
        areas[index].1[level_index(*level)] += count;
    }
    let branches = figures
        .branches_by_kind
        .iter()
        .map(|(_, n)| *n as usize)
        .sum();
    Ok(Model {
        reminders: reminders(store, *today)?,
        due: store.due(*today, crate::domain::calendar::DEFAULT_DAYS_AHEAD)?,
        figures,
        year,
        branches,
        areas,
        responsibilities,
        people,
    })
}

/// An area's name, or 未划片区 for none.
fn area_name(lang: crate::i18n::Lang, name: &str) -> String {
    if name.is_empty() {
        lang.no_area().to_owned()
    } else {
        name.to_owned()
    }
}

impl DashboardScreen {
    fn figures_ui(ui: &mut Ui, ctx: &ViewContext<'_>, model: &Model) {
        let lang = ctx.lang;
        ui.horizontal(|ui| {
            for (label, value) in [
                (lang.active_secretaries(), model.figures.active_secretaries),
                (lang.areas_count(), model.figures.areas),
                (lang.branches_count(), model.branches as i64),
                (
                    lang.archived_secretaries(),
                    model.figures.archived_secretaries,
                ),
            ] {
                egui::Frame::group(ui.style())
                    .inner_margin(12.0)
                    .show(ui, |ui| {
                        ui.set_min_width(150.0);
                        ui.vertical(|ui| {
                            ui.label(label);
                            ui.label(RichText::new(value.to_string()).size(28.0).strong());
                        });
                    });
            }
        });
        ui.add_space(12.0);
        ui.columns(2, |columns| {
            area_table(&mut columns[0], ctx, model);
            branch_kinds(&mut columns[1], ctx, model);
        });
        ui.add_space(12.0);
        year_ui(ui, ctx.lang, &model.year);
    }
}

impl super::View for DashboardScreen {
    fn unsaved(&self) -> Option<super::drafts::Draft> {
        self.form
            .as_ref()
            .filter(|f| f.has_changes())
            .map(|_| super::drafts::Draft::Unkept)
    }

    fn discard_unsaved(&mut self) {
        self.form = None;
    }

    /// Draws the dashboard.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        screen_title(ui, lang.dashboard_title());
        let Some(model) = self.data.show(ui, ctx, &ctx.today, load) else {
            return commands;
        };
        let mut form = self.form.take();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                commands.extend(reminders_ui(ui, lang, &model.reminders));
                ui.add_space(6.0);
                commands.extend(due_ui(ui, ctx, &model.due));
                ui.add_space(6.0);
                if responsibilities_ui(ui, lang, model, ctx.today) {
                    form = Some(ResponsibilitiesForm::new(model));
                }
                ui.add_space(12.0);
                Self::figures_ui(ui, ctx, model);
            });
        if let Some(open) = &mut form {
            let (command, closed) = open.ui(ui, lang, &model.people);
            commands.extend(command);
            if closed {
                form = None;
            }
        }
        self.form = form;
        commands
    }

    /// After a write: the responsibilities form closes if it succeeded.
    fn write_finished(&mut self, succeeded: bool) {
        super::widgets::close_after_write(&mut self.form, succeeded);
    }
}

fn year_ui(ui: &mut Ui, lang: crate::i18n::Lang, year: &YearModel) {
    ui.strong(format!("{} {}", lang.this_year(), year.label));
    let p = &year.problems;
    ui.horizontal_wrapped(|ui| {
        let sessions: i64 = year.sessions_per_month.iter().sum();
        for (label, value) in [
            (lang.sessions_held(), sessions.to_string()),
            (lang.attendance_rate(), percent(year.attendance.rate())),
            (lang.problems_raised(), p.raised.to_string()),
            (lang.problems_resolved(), p.resolved.to_string()),
            (lang.problems_open(), p.open.to_string()),
            (lang.problems_overdue(), p.overdue.to_string()),
            (lang.resolution_rate(), percent(p.resolution_rate)),
            (
                lang.median_days(),
                p.median_days_to_resolve
                    .map_or_else(|| "—".to_owned(), |d| format!("{d:.0}")),
            ),
        ] {
            egui::Frame::group(ui.style())
                .inner_margin(8.0)
                .show(ui, |ui| {
                    ui.vertical(|ui| {
                        ui.label(label);
                        let text = RichText::new(value).size(20.0).strong();
                        ui.label(if label == lang.problems_overdue() && p.overdue > 0 {
                            text.color(crate::ui::widgets::ERROR_RED)
                        } else {
                            text
                        });
                    });
                });
        }
    });
    ui.add_space(8.0);
    let red = Color32::from_rgb(196, 43, 28);
    let gold = Color32::from_rgb(214, 160, 40);
    ui.columns(3, |columns| {
        let month_bars = |values: &[i64; 12], offset: f64, color: Color32| {
            values
                .iter()
                .enumerate()
                .map(|(m, v)| {
                    egui_plot::Bar::new(m as f64 + 1.0 + offset, *v as f64)
                        .width(0.4)
                        .fill(color)
                })
                .collect::<Vec<_>>()
        };
        columns[0].label(lang.chart_sessions());
        egui_plot::Plot::new("sessions-per-month")
            .height(180.0)
            .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 3.0, 12.0]))
            .x_axis_formatter(month_label)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .include_y(0.0)
            .show(&mut columns[0], |plot| {
                plot.bar_chart(egui_plot::BarChart::new(
                    lang.chart_sessions(),
                    month_bars(&year.sessions_per_month, 0.0, red),
                ));
            });
        columns[1].label(lang.chart_problems());
        egui_plot::Plot::new("problems-per-month")
            .height(180.0)
            .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 3.0, 12.0]))
            .x_axis_formatter(month_label)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .include_y(0.0)
            .legend(egui_plot::Legend::default().position(egui_plot::Corner::LeftTop))
            .show(&mut columns[1], |plot| {
                plot.bar_chart(
                    egui_plot::BarChart::new(
                        lang.raised(),
                        month_bars(&year.raised_per_month, -0.2, red),
                    )
                    .color(red),
                );
                plot.bar_chart(
                    egui_plot::BarChart::new(
                        lang.resolved(),
                        month_bars(&year.resolved_per_month, 0.2, gold),
                    )
                    .color(gold),
                );
            });
        columns[2].label(lang.chart_attendance());
        let area_names: Vec<String> = year
            .attendance_by_area
            .iter()
            .map(|(name, _)| area_name(lang, name))
            .collect();
        egui_plot::Plot::new("attendance-by-area")
            .height(180.0)
            .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
            .x_axis_formatter(move |mark, _| {
                let index = mark.value.round() as usize;
                if (mark.value - mark.value.round()).abs() < 1e-6 && index >= 1 {
                    area_names.get(index - 1).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .include_y(0.0)
            .include_y(100.0)
            .show(&mut columns[2], |plot| {
                let bars = year
                    .attendance_by_area
                    .iter()
                    .enumerate()
                    .map(|(i, (area, counts))| {
                        egui_plot::Bar::new(i as f64 + 1.0, counts.rate().unwrap_or(0.0) * 100.0)
                            .name(area_name(lang, area))
                            .width(0.6)
                            .fill(red)
                    })
                    .collect();
                plot.bar_chart(egui_plot::BarChart::new(lang.attendance_rate(), bars));
            });
    });
}

fn area_table(ui: &mut Ui, ctx: &ViewContext<'_>, model: &Model) {
    let lang = ctx.lang;
    ui.strong(lang.secretaries_by_area_level());
    egui::Grid::new("area-level")
        .striped(true)
        .min_col_width(60.0)
        .show(ui, |ui| {
            ui.strong(lang.col_area());
            for level in Level::ALL {
                ui.strong(lang.level(*level));
            }
            ui.strong(lang.level_unset());
            ui.strong(lang.total());
            ui.end_row();
            let mut totals = [0i64; 4];
            for (area, counts) in &model.areas {
                ui.label(area_name(lang, area));
                for (i, count) in counts.iter().enumerate() {
                    ui.label(count.to_string());
                    totals[i] += count;
                }
                ui.strong(counts.iter().sum::<i64>().to_string());
                ui.end_row();
            }
            ui.strong(lang.total());
            for total in totals {
                ui.strong(total.to_string());
            }
            ui.strong(totals.iter().sum::<i64>().to_string());
            ui.end_row();
        });
}

fn branch_kinds(ui: &mut Ui, ctx: &ViewContext<'_>, model: &Model) {
    ui.strong(ctx.lang.branches_by_kind());
    let most = model
        .figures
        .branches_by_kind
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0)
        .max(1);
    egui::Grid::new("branch-kinds").show(ui, |ui| {
        for (kind, count) in &model.figures.branches_by_kind {
            ui.label(ctx.lang.branch_kind(*kind));
            let width = 200.0 * *count as f32 / most as f32;
            let (rect, _) = ui.allocate_exact_size(egui::vec2(200.0, 16.0), egui::Sense::hover());
            let bar = egui::Rect::from_min_size(rect.min, egui::vec2(width, rect.height()));
            ui.painter()
                .rect_filled(bar, 2.0, Color32::from_rgb(196, 43, 28));
            ui.label(count.to_string());
            ui.end_row();
        }
    });
}

/// The six responsibilities and who holds each; returns true when "Edit" was clicked.
fn responsibilities_ui(
    ui: &mut Ui,
    lang: crate::i18n::Lang,
    model: &Model,
    today: chrono::NaiveDate,
) -> bool {
    let mut edit = false;
    ui.horizontal(|ui| {
        ui.strong(lang.six_responsibilities());
        edit = ui.button(lang.edit_responsibilities()).clicked();
    });
    egui::Grid::new("responsibilities")
        .num_columns(6)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for (index, r) in model.responsibilities.iter().enumerate() {
                ui.label(RichText::new(&r.name).strong());
                let holder = r
                    .holder
                    .and_then(|h| model.people.iter().find(|(id, _)| *id == h))
                    .map_or_else(|| lang.unassigned().to_owned(), |(_, n)| n.clone());
                let term = match (r.term_starts_on, r.term_ends_on) {
                    (Some(a), Some(b)) => format!("{}—{}", a.format("%Y.%m"), b.format("%Y.%m")),
                    (Some(a), None) => format!("{}—", a.format("%Y.%m")),
                    _ => String::new(),
                };
                let over = r.term_ends_on.is_some_and(|end| end < today);
                if over {
                    ui.label(
                        RichText::new(format!("{holder} {term}{}", lang.term_over()))
                            .color(super::widgets::ERROR_RED),
                    );
                } else {
                    ui.label(format!("{holder} {term}"));
                }
                if index % 3 == 2 {
                    ui.end_row();
                }
            }
        });
    edit
}

impl ResponsibilitiesForm {
    /// Whether anything was changed since the form was first drawn.
    fn has_changes(&self) -> bool {
        self.opened
            .as_ref()
            .is_some_and(|o| *o != format!("{:?}", self.rows))
    }

    fn new(model: &Model) -> Self {
        let day = |d: Option<chrono::NaiveDate>| {
            d.map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        };
        Self {
            rows: model
                .responsibilities
                .iter()
                .map(|r| {
                    (
                        r.id,
                        r.name.clone(),
                        r.holder,
                        day(r.term_starts_on),
                        day(r.term_ends_on),
                    )
                })
                .collect(),
            error: None,
            saving: false,
            opened: None,
        }
    }

    fn ui(
        &mut self,
        ui: &mut Ui,
        lang: crate::i18n::Lang,
        people: &[(SecretaryId, String)],
    ) -> (Vec<Command>, bool) {
        if self.opened.is_none() {
            self.opened = Some(format!("{:?}", self.rows));
        }
        let mut commands = Vec::new();
        let mut closed = super::widgets::escape_pressed(ui);
        let ids: Vec<SecretaryId> = people.iter().map(|(id, _)| *id).collect();
        let name = |id: SecretaryId| {
            people
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, n)| n.clone())
                .unwrap_or_default()
        };
        super::widgets::form_window(
            ui,
            lang.responsibilities_title(),
            "responsibilities-form",
            640.0,
            |ui| {
                egui::Grid::new("responsibilities-form-grid")
                    .num_columns(4)
                    .spacing([8.0, 6.0])
                    .show(ui, |ui| {
                        for title in [
                            lang.col_responsibility(),
                            lang.col_holder(),
                            lang.col_term_start(),
                            lang.col_term_end(),
                        ] {
                            ui.strong(title);
                        }
                        ui.end_row();
                        for (index, (_, title, holder, start, end)) in
                            self.rows.iter_mut().enumerate()
                        {
                            let number = index + 1;
                            super::widgets::name_text_field(
                                ui.add_sized([120.0, 20.0], egui::TextEdit::singleline(title)),
                                &format!("{} {number}", lang.col_responsibility()),
                            );
                            super::widgets::combo(
                                ui,
                                &format!("holder-{index}"),
                                &format!("{} {number}", lang.col_holder()),
                                holder,
                                &ids,
                                Some(lang.unassigned()),
                                name,
                            );
                            super::widgets::name_text_field(
                                ui.add_sized([100.0, 20.0], egui::TextEdit::singleline(start)),
                                &format!("{} {number}", lang.col_term_start()),
                            );
                            super::widgets::name_text_field(
                                ui.add_sized([100.0, 20.0], egui::TextEdit::singleline(end)),
                                &format!("{} {number}", lang.col_term_end()),
                            );
                            ui.end_row();
                        }
                    });
                ui.horizontal(|ui| {
                    if crate::ui::widgets::save_button(ui, lang, self.saving) {
                        match self.validate() {
                            Some(rows) => {
                                self.error = None;
                                self.saving = true;
                                commands.push(Command::Write(Change::UpdateResponsibilities(rows)));
                            }
                            None => self.error = Some(lang.responsibilities_invalid().to_owned()),
                        }
                    }
                    if ui.button(lang.cancel()).clicked() {
                        closed = true;
                    }
                    if let Some(error) = &self.error {
                        ui.colored_label(super::widgets::ERROR_RED, error);
                    }
                });
            },
        );
        (commands, closed)
    }

    fn validate(&self) -> Option<Vec<Responsibility>> {
        let day = |text: &str| -> Option<Option<chrono::NaiveDate>> {
            if text.trim().is_empty() {
                Some(None)
            } else {
                parse_day(text).map(Some)
            }
        };
        self.rows
            .iter()
            .map(|(id, name, holder, start, end)| {
                let (start, end) = (day(start)?, day(end)?);
                if name.trim().is_empty() || matches!((start, end), (Some(a), Some(b)) if b < a) {
                    return None;
                }
                Some(Responsibility {
                    id: *id,
                    name: name.trim().to_owned(),
                    holder: *holder,
                    term_starts_on: start,
                    term_ends_on: end,
                })
            })
            .collect()
    }
}
