//! 主题党日: each branch's monthly theme party day. A year's grid (branches × months: held on
//! time, late, missed, overdue, below the attendance floor) with each quarter's 规范执行率, and
//! a month's sheet where the coordinator plans and records every branch at once.

use super::data::{Memo, Names};
use super::widgets::{ERROR_RED, screen_title, tabs};
use super::{Change, Command, ViewContext};
use crate::domain::BranchId;
use crate::domain::picture::PictureOwner;
use crate::domain::session::parse_day;
use crate::domain::theme_day::{
    FLOOR_KEY, Outcome, ThemeDay, ThemeDayFields, ThemeDayFigures, ThemeDayId, ThemeDayState,
    fixed_day,
};
use crate::i18n::Lang;
use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};

const GREEN: Color32 = Color32::from_rgb(40, 140, 60);
const ORANGE: Color32 = Color32::from_rgb(200, 110, 0);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    Year,
    Month,
}

/// A year's theme party days, their photos and the attendance floor.
struct Data {
    days: Vec<ThemeDay>,
    /// Where each branch's month is in `days` (a county's thousands, looked up per cell).
    index: std::collections::HashMap<(BranchId, u32), usize>,
    floor: i64,
    photos: std::collections::HashMap<ThemeDayId, usize>,
}

fn load(store: &crate::store::Store, year: &i32) -> crate::store::Result<Data> {
    let days = store.theme_days(*year)?;
    Ok(Data {
        index: days
            .iter()
            .enumerate()
            .map(|(n, d)| ((d.fields.branch, d.fields.month), n))
            .collect(),
        days,
        floor: store.theme_day_floor()?,
        photos: store.theme_day_picture_counts(*year)?,
    })
}

fn load_photos(
    store: &crate::store::Store,
    id: &ThemeDayId,
) -> crate::store::Result<Vec<crate::domain::picture::PictureInfo>> {
    store.pictures_of(PictureOwner::ThemeDay(*id))
}

impl Data {
    fn of(&self, branch: BranchId, month: u32) -> Option<&ThemeDayFields> {
        self.record(branch, month).map(|d| &d.fields)
    }

    fn record(&self, branch: BranchId, month: u32) -> Option<&ThemeDay> {
        self.index.get(&(branch, month)).map(|n| &self.days[*n])
    }

    /// The members a branch had at its latest party day before `month` (to fill 应到).
    fn last_total(&self, branch: BranchId, month: u32) -> Option<i64> {
        (1..month)
            .rev()
            .find_map(|m| self.of(branch, m).and_then(|d| d.members_total))
    }
}

/// The branches in use, as the roster lists them.
fn branches(names: &Names) -> Vec<BranchId> {
    names
        .branches
        .iter()
        .filter(|b| !b.archived)
        .map(|b| b.id)
        .collect()
}

/// One branch's line of the month sheet, as typed.
#[derive(Clone, PartialEq)]
struct Row {
    /// The month's record, once saved.
    id: Option<ThemeDayId>,
    branch: BranchId,
    planned: String,
    topic: String,
    state: Option<ThemeDayState>,
    held: String,
    present: String,
    total: String,
    reason: String,
    notes: String,
    error: Option<String>,
}

impl Row {
    fn from(branch: BranchId, record: Option<&ThemeDay>) -> Self {
        let day = record.map(|r| &r.fields);
        let text = |d: Option<NaiveDate>| {
            d.map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        };
        let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
        Self {
            id: record.map(|r| r.id),
            branch,
            planned: text(day.map(|d| d.planned_on)),
            topic: day.map(|d| d.topic.clone()).unwrap_or_default(),
            state: day.map(|d| d.state),
            held: text(day.and_then(|d| d.held_on)),
            present: number(day.and_then(|d| d.members_present)),
            total: number(day.and_then(|d| d.members_total)),
            reason: day.map(|d| d.reason.clone()).unwrap_or_default(),
            notes: day.map(|d| d.notes.clone()).unwrap_or_default(),
            error: None,
        }
    }

    /// Marked held: on its planned day (the day can be changed), with the members the
    /// branch had last time.
    fn mark_held(&mut self, data: &Data, month: u32) {
        self.state = Some(ThemeDayState::Held);
        if self.held.trim().is_empty() {
            self.held.clone_from(&self.planned);
        }
        if self.total.trim().is_empty()
            && let Some(total) = data.last_total(self.branch, month)
        {
            self.total = total.to_string();
        }
        self.error = None;
    }

    /// The record as typed, or why not.
    fn fields(
        &self,
        lang: Lang,
        year: i32,
        month: u32,
        today: NaiveDate,
    ) -> Result<ThemeDayFields, String> {
        let planned_on =
            parse_day(&self.planned).ok_or_else(|| lang.error_not_a_date().to_owned())?;
        let state = self.state.unwrap_or(ThemeDayState::Planned);
        let held_on = match (state, self.held.trim()) {
            (ThemeDayState::Held, "") => None,
            (ThemeDayState::Held, text) => {
                Some(parse_day(text).ok_or_else(|| lang.error_not_a_date().to_owned())?)
            }
            _ => None,
        };
        let count = |text: &str| -> Result<Option<i64>, String> {
            match text.trim() {
                "" => Ok(None),
                text => text
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n >= 0)
                    .map(Some)
                    .ok_or_else(|| lang.error_not_a_count().to_owned()),
            }
        };
        let held = state == ThemeDayState::Held;
        let fields = ThemeDayFields {
            branch: self.branch,
            year,
            month,
            planned_on,
            topic: self.topic.trim().to_owned(),
            state,
            held_on,
            members_present: if held { count(&self.present)? } else { None },
            members_total: if held { count(&self.total)? } else { None },
            reason: if state == ThemeDayState::Missed {
                self.reason.trim().to_owned()
            } else {
                String::new()
            },
            notes: self.notes.trim().to_owned(),
        };
        fields
            .check(today)
            .map_err(|e| lang.theme_day_error(e).to_owned())?;
        Ok(fields)
    }
}

/// The 主题党日 screen.
#[derive(Default)]
pub struct ThemeDaysScreen {
    data: Memo<i32, Data>,
    tab: Tab,
    year: i32,
    month: u32,
    rows: Vec<Row>,
    /// What the rows were filled from: (load generation, year, month).
    rows_of: Option<(Option<u64>, i32, u32)>,
    opened: Vec<Row>,
    plan_day: String,
    plan_topic: String,
    floor: String,
    floor_of: Option<u64>,
    saving: bool,
    /// What the plan or mark-held buttons could not do.
    note: Option<String>,
    /// The theme day whose photos are open, with its title.
    photos: Option<(ThemeDayId, String)>,
    photo_list: Memo<ThemeDayId, Vec<crate::domain::picture::PictureInfo>>,
    pictures: crate::ui::pictures::Pictures,
}

impl ThemeDaysScreen {
    /// Opens a month's sheet (from the calendar, or a reminder); what was typed for another
    /// month is kept only if it is that month.
    pub fn open_month(&mut self, year: i32, month: u32) {
        if self.year == 0 {
            "10".clone_into(&mut self.plan_day);
        }
        self.tab = Tab::Month;
        self.year = year;
        self.month = month;
    }
}

impl super::View for ThemeDaysScreen {
    fn unsaved(&self) -> Option<super::drafts::Draft> {
        (self.tab == Tab::Month && self.rows != self.opened).then_some(super::drafts::Draft::Unkept)
    }

    fn discard_unsaved(&mut self) {
        self.rows.clone_from(&self.opened);
    }

    fn file_changed(&mut self) {
        *self = Self::default();
    }

    fn write_finished(&mut self, succeeded: bool) {
        if self.saving && succeeded {
            // What is on screen is what was saved (nothing unsaved to ask about when
            // leaving); the lines are filled again from the file once it is read.
            self.opened.clone_from(&self.rows);
            self.rows_of = None;
        }
        self.saving = false;
    }

    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        // The data is borrowed while the sheet's rows change.
        let mut memo = std::mem::take(&mut self.data);
        let commands = self.draw(ui, ctx, &mut memo);
        self.data = memo;
        commands
    }
}

impl ThemeDaysScreen {
    fn draw(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        memo: &mut Memo<i32, Data>,
    ) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        if self.year == 0 {
            self.year = ctx.today.year();
            self.month = ctx.today.month();
            "10".clone_into(&mut self.plan_day);
        }
        screen_title(ui, lang.nav_theme_days());
        super::widgets::year_stepper(ui, lang, &mut self.year);
        tabs(
            ui,
            &mut self.tab,
            &[
                (Tab::Year, lang.theme_year_grid()),
                (Tab::Month, lang.theme_month_sheet()),
            ],
        );
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        let year = self.year;
        let loaded_at = memo.loaded_at();
        let Some(data) = memo.show(ui, ctx, &year, load) else {
            return commands;
        };
        if self.floor_of != loaded_at {
            self.floor_of = loaded_at;
            self.floor = data.floor.to_string();
        }
        match self.tab {
            Tab::Year => {
                ui.horizontal(|ui| {
                    let label = ui.label(lang.attendance_floor());
                    let field = ui
                        .add(egui::TextEdit::singleline(&mut self.floor).desired_width(36.0))
                        .labelled_by(label.id);
                    ui.label("%");
                    if field.lost_focus() || super::widgets::submitted(&field) {
                        match self
                            .floor
                            .trim()
                            .parse::<i64>()
                            .ok()
                            .filter(|f| (1..=100).contains(f))
                        {
                            Some(floor) if floor != data.floor => {
                                commands.push(Command::Write(Change::SetSetting(
                                    FLOOR_KEY,
                                    floor.to_string(),
                                )));
                            }
                            Some(_) => {}
                            None => self.floor = data.floor.to_string(),
                        }
                    }
                    ui.separator();
                    legend(ui, lang);
                });
                if let Some(month) = year_grid(ui, ctx, names, data) {
                    self.month = month;
                    self.tab = Tab::Month;
                }
            }
            Tab::Month => commands.extend(self.month_ui(ui, ctx, names, data, loaded_at)),
        }
        commands
    }
}

fn legend(ui: &mut Ui, lang: Lang) {
    for (glyph, color, text) in [
        ("√", GREEN, lang.outcome_on_time()),
        (lang.late_glyph(), ORANGE, lang.outcome_late()),
        ("×", ERROR_RED, lang.outcome_missed()),
        ("!", ERROR_RED, lang.outcome_overdue()),
        ("○", Color32::GRAY, lang.outcome_upcoming()),
    ] {
        ui.label(RichText::new(glyph).color(color).strong());
        ui.label(text);
    }
    ui.label(RichText::new(lang.below_floor_legend()).color(ERROR_RED));
}

/// How a cell of the grid looks.
fn cell(lang: Lang, day: &ThemeDayFields, today: NaiveDate, floor: i64) -> (RichText, String) {
    let outcome = day.outcome(today);
    let (glyph, color) = match outcome {
        Outcome::OnTime => ("√", GREEN),
        Outcome::Late => (lang.late_glyph(), ORANGE),
        Outcome::Missed => ("×", ERROR_RED),
        Outcome::Overdue => ("!", ERROR_RED),
        Outcome::Upcoming => ("○", Color32::GRAY),
    };
    let mut parts = vec![
        lang.theme_day_outcome(outcome).to_owned(),
        day.topic.clone(),
    ];
    if let (Some(present), Some(total)) = (day.members_present, day.members_total) {
        parts.push(format!(
            "{} {present}/{total}",
            lang.members_present_short()
        ));
    }
    if !day.reason.is_empty() {
        parts.push(day.reason.clone());
    }
    let hover = parts.join(" · ");
    let mut text = RichText::new(glyph).color(color).strong();
    if day.below_floor(floor) {
        text = RichText::new(format!("{glyph}↓")).color(ERROR_RED).strong();
    }
    (text, hover)
}

/// The year's grid; returns the month clicked, to open its sheet.
fn year_grid(ui: &mut Ui, ctx: &ViewContext<'_>, names: &Names, data: &Data) -> Option<u32> {
    let lang = ctx.lang;
    let mut opened = None;
    let rows = branches(names);
    let height = ui.available_height();
    egui::ScrollArea::horizontal().show(ui, |ui| {
        TableBuilder::new(ui)
            .id_salt("theme-day-grid")
            .striped(true)
            .max_scroll_height(height)
            .column(Column::exact(150.0).clip(true))
            .columns(Column::exact(30.0), 12)
            .columns(Column::exact(62.0), 4)
            .header(22.0, |mut header| {
                header.col(|ui| {
                    ui.strong(lang.col_branch());
                });
                for month in 1..=12u32 {
                    header.col(|ui| {
                        if ui
                            .link(format!("{month}"))
                            .on_hover_text(lang.open_month_sheet())
                            .clicked()
                        {
                            opened = Some(month);
                        }
                    });
                }
                for quarter in 1..=4 {
                    header.col(|ui| {
                        ui.strong(lang.quarter_rate(quarter));
                    });
                }
            })
            .body(|body| {
                // The last line is the town's: each quarter over every branch.
                body.rows(24.0, rows.len() + 1, |mut row| {
                    let Some(&branch) = rows.get(row.index()) else {
                        row.col(|ui| {
                            ui.strong(lang.town_total());
                        });
                        for _ in 1..=12u32 {
                            row.col(|_| {});
                        }
                        for quarter in 0..4u32 {
                            row.col(|ui| {
                                let days = data
                                    .days
                                    .iter()
                                    .map(|d| &d.fields)
                                    .filter(|d| (d.month - 1) / 3 == quarter);
                                let figures = ThemeDayFigures::of(days, ctx.today, data.floor);
                                if let Some(rate) = figures.rate() {
                                    let color = if rate < 1.0 { ERROR_RED } else { GREEN };
                                    ui.label(
                                        RichText::new(format!("{:.0}%", rate * 100.0))
                                            .color(color)
                                            .strong(),
                                    )
                                    .on_hover_text(lang.quarter_figures(&figures));
                                }
                            });
                        }
                        return;
                    };
                    row.col(|ui| {
                        ui.label(names.branch(Some(branch)));
                    });
                    for month in 1..=12u32 {
                        row.col(|ui| {
                            if let Some(day) = data.of(branch, month) {
                                let (text, hover) = cell(lang, day, ctx.today, data.floor);
                                let response =
                                    ui.add(egui::Label::new(text).sense(egui::Sense::click()));
                                let name = format!(
                                    "{} {month}{}",
                                    names.branch(Some(branch)),
                                    lang.month_suffix()
                                );
                                response.widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::Button, true, &name)
                                });
                                if response.on_hover_text(hover).clicked() {
                                    opened = Some(month);
                                }
                            }
                        });
                    }
                    for quarter in 0..4u32 {
                        row.col(|ui| {
                            let days = (quarter * 3 + 1..=quarter * 3 + 3)
                                .filter_map(|month| data.of(branch, month));
                            let figures = ThemeDayFigures::of(days, ctx.today, data.floor);
                            if let Some(rate) = figures.rate() {
                                let text = format!("{:.0}%", rate * 100.0);
                                let color = if rate < 1.0 { ERROR_RED } else { GREEN };
                                ui.label(RichText::new(text).color(color))
                                    .on_hover_text(lang.quarter_figures(&figures));
                            }
                        });
                    }
                });
            });
    });
    opened
}

impl ThemeDaysScreen {
    /// A theme day's photos, in a window over the sheet: thumbnails, 添加照片…, the viewer.
    fn photos_ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some((id, title)) = self.photos.clone() else {
            return commands;
        };
        let lang = ctx.lang;
        let mut closed = !self.pictures.is_open() && super::widgets::escape_pressed(ui);
        self.photo_list.refresh(ctx, &id, load_photos);
        let title = format!("{title} · {}", lang.nav_theme_days());
        super::widgets::form_window(ui, &title, "theme-day-photos", 560.0, |ui| {
            if let Some(list) = super::data::ready(ui, lang, self.photo_list.get(&id)) {
                commands.extend(self.pictures.ui(ui, ctx, PictureOwner::ThemeDay(id), list));
            }
            if ui.button(lang.close()).clicked() {
                closed = true;
            }
        });
        if closed {
            self.photos = None;
        }
        commands
    }

    fn month_ui(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        names: &Names,
        data: &Data,
        loaded_at: Option<u64>,
    ) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        let key = (loaded_at, self.year, self.month);
        if self.rows_of != Some(key) || self.rows.len() != branches(names).len() {
            self.rows_of = Some(key);
            self.rows = branches(names)
                .into_iter()
                .map(|b| Row::from(b, data.record(b, self.month)))
                .collect();
            self.opened.clone_from(&self.rows);
        }
        let (year, month) = (self.year, self.month);
        // The month and its save bar first: always in view above the lines, however many.
        ui.horizontal(|ui| {
            if ui
                .button("◀")
                .on_hover_text(lang.previous_month())
                .clicked()
            {
                self.month = if self.month == 1 { 12 } else { self.month - 1 };
            }
            ui.strong(lang.month_of_year(year, month));
            if ui.button("▶").on_hover_text(lang.next_month()).clicked() {
                self.month = if self.month == 12 { 1 } else { self.month + 1 };
            }
            ui.separator();
            commands.extend(self.save_bar(ui, lang, ctx.today));
        });
        ui.horizontal(|ui| {
            let label = ui.label(lang.fixed_day());
            ui.add(egui::TextEdit::singleline(&mut self.plan_day).desired_width(36.0))
                .labelled_by(label.id);
            ui.label(lang.day_suffix());
            let label = ui.label(lang.col_topic());
            ui.add(egui::TextEdit::singleline(&mut self.plan_topic).desired_width(220.0))
                .labelled_by(label.id);
            if ui
                .button(lang.plan_unplanned())
                .on_hover_text(lang.plan_unplanned_explained())
                .clicked()
            {
                let day = self
                    .plan_day
                    .trim()
                    .parse::<u32>()
                    .ok()
                    .filter(|d| (1..=31).contains(d))
                    .and_then(|d| fixed_day(year, month, d));
                self.note = day.is_none().then(|| lang.fixed_day_invalid().to_owned());
                if let Some(day) = day {
                    for row in &mut self.rows {
                        if row.planned.trim().is_empty() {
                            row.planned = day.format("%Y-%m-%d").to_string();
                            row.topic.clone_from(&self.plan_topic);
                            row.state = Some(ThemeDayState::Planned);
                        }
                    }
                }
            }
            if ui
                .button(lang.mark_planned_held())
                .on_hover_text(lang.mark_planned_held_explained())
                .clicked()
            {
                // Only days that have come: a planned day ahead cannot be held yet.
                let mut ahead = 0;
                for row in &mut self.rows {
                    let planned = parse_day(&row.planned);
                    if planned.is_some() && row.state.is_none_or(|s| s == ThemeDayState::Planned) {
                        if planned.is_some_and(|d| d <= ctx.today) {
                            row.mark_held(data, month);
                        } else {
                            ahead += 1;
                        }
                    }
                }
                self.note = (ahead > 0).then(|| lang.left_planned(ahead));
            }
        });
        if let Some(note) = &self.note {
            ui.colored_label(ERROR_RED, note);
        }
        ui.label(RichText::new(lang.month_sheet_explained()).weak());
        let height = ui.available_height();
        let mut photos = None;
        TableBuilder::new(ui)
            .id_salt("theme-day-month")
            .striped(true)
            .max_scroll_height(height.max(120.0))
            .column(Column::exact(130.0).clip(true))
            .column(Column::exact(100.0))
            .column(Column::initial(150.0).clip(true))
            .column(Column::exact(if lang == Lang::Zh { 176.0 } else { 236.0 }))
            .column(Column::exact(100.0))
            .column(Column::exact(44.0))
            .column(Column::exact(44.0))
            .column(Column::initial(110.0))
            .column(Column::initial(110.0))
            .column(Column::exact(70.0))
            .column(Column::remainder().clip(true))
            .header(22.0, |mut header| {
                for title in [
                    lang.col_branch(),
                    lang.col_planned_on(),
                    lang.col_topic(),
                    lang.col_state(),
                    lang.col_held_on(),
                    lang.members_present_short(),
                    lang.members_total_short(),
                    lang.col_missed_reason(),
                    lang.col_notes(),
                    "",
                    "",
                ] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(26.0, self.rows.len(), |mut table_row| {
                    let row = &mut self.rows[table_row.index()];
                    let branch = names.branch(Some(row.branch));
                    table_row.col(|ui| {
                        ui.label(&branch);
                    });
                    let field = |ui: &mut Ui, text: &mut String, what: &str, width: f32| {
                        let response =
                            ui.add(egui::TextEdit::singleline(text).desired_width(width));
                        super::widgets::name_text_field(response, &format!("{what} {branch}"));
                    };
                    table_row.col(|ui| field(ui, &mut row.planned, lang.col_planned_on(), 94.0));
                    table_row.col(|ui| field(ui, &mut row.topic, lang.col_topic(), 140.0));
                    table_row.col(|ui| {
                        // One click a state, no list to open: the line does not move.
                        ui.horizontal(|ui| {
                            for state in ThemeDayState::ALL {
                                let chosen = row.state.unwrap_or(ThemeDayState::Planned) == *state;
                                let response =
                                    ui.selectable_label(chosen, lang.theme_day_state(*state));
                                let name = format!("{} {branch}", lang.theme_day_state(*state));
                                response.widget_info(|| {
                                    egui::WidgetInfo::selected(
                                        egui::Role::RadioButton,
                                        true,
                                        chosen,
                                        &name,
                                    )
                                });
                                if response.clicked() && !chosen {
                                    if *state == ThemeDayState::Held {
                                        row.mark_held(data, month);
                                    } else {
                                        row.state = Some(*state);
                                    }
                                }
                            }
                        });
                    });
                    let held = row.state == Some(ThemeDayState::Held);
                    table_row.col(|ui| {
                        ui.add_enabled_ui(held, |ui| {
                            field(ui, &mut row.held, lang.col_held_on(), 94.0);
                        });
                    });
                    table_row.col(|ui| {
                        ui.add_enabled_ui(held, |ui| {
                            field(ui, &mut row.present, lang.members_present_short(), 36.0);
                        });
                    });
                    table_row.col(|ui| {
                        ui.add_enabled_ui(held, |ui| {
                            field(ui, &mut row.total, lang.members_total_short(), 36.0);
                        });
                    });
                    table_row.col(|ui| {
                        ui.add_enabled_ui(row.state == Some(ThemeDayState::Missed), |ui| {
                            field(ui, &mut row.reason, lang.col_missed_reason(), 104.0);
                        });
                    });
                    table_row.col(|ui| field(ui, &mut row.notes, lang.col_notes(), 104.0));
                    table_row.col(|ui| {
                        if let Some(id) = row.id {
                            let count = data.photos.get(&id).copied().unwrap_or(0);
                            let text = lang.photos_button(count);
                            if super::widgets::row_button(ui, &text, &branch).clicked() {
                                photos = Some((
                                    id,
                                    format!("{branch} {}", lang.month_of_year(year, month)),
                                ));
                            }
                        }
                    });
                    table_row.col(|ui| {
                        if let Some(error) = &row.error {
                            ui.add(
                                egui::Label::new(RichText::new(error).color(ERROR_RED)).truncate(),
                            );
                        }
                    });
                });
            });
        if photos.is_some() {
            self.photos = photos;
        }
        commands.extend(self.photos_ui(ui, ctx));
        commands
    }

    /// 保存本月 with what changed, or why it was not saved.
    fn save_bar(&mut self, ui: &mut Ui, lang: Lang, today: NaiveDate) -> Vec<Command> {
        let mut commands = Vec::new();
        let (year, month) = (self.year, self.month);
        let changed = self
            .rows
            .iter()
            .zip(&self.opened)
            .filter(|(a, b)| a != b)
            .count();
        let clicked = ui
            .add_enabled(
                !self.saving && changed > 0,
                egui::Button::new(lang.save_month()),
            )
            .on_hover_text("Ctrl+S")
            .clicked();
        if clicked || (changed > 0 && !self.saving && super::widgets::save_requested(ui)) {
            let mut days = Vec::new();
            for (row, opened) in self.rows.iter_mut().zip(&self.opened) {
                if row == opened {
                    continue;
                }
                match row.fields(lang, year, month, today) {
                    Ok(fields) => {
                        row.error = None;
                        days.push(fields);
                    }
                    Err(error) => row.error = Some(error),
                }
            }
            let failed = self.rows.iter().filter(|r| r.error.is_some()).count();
            if failed == 0 && !days.is_empty() {
                self.saving = true;
                commands.push(Command::Write(Change::SetThemeDays(days)));
            }
        }
        // A line's error goes as soon as the line is right.
        for row in &mut self.rows {
            if row.error.is_some() && row.fields(lang, year, month, today).is_ok() {
                row.error = None;
            }
        }
        let failed = self.rows.iter().filter(|r| r.error.is_some()).count();
        if failed > 0 {
            ui.colored_label(ERROR_RED, lang.lines_in_error(failed));
        } else if changed > 0 {
            ui.label(lang.rows_changed(changed));
        }
        if changed > 0 && ui.button(lang.cancel()).clicked() {
            self.rows.clone_from(&self.opened);
        }
        commands
    }
}
