//! 日程: what is due, gathered from every record with a day. A month's calendar (Monday
//! first) with each day's items and 近期待办 beside it, overdue first in red, each item opening
//! its record; the theme party days held per quarter and area of a year; and the two settings
//! the reminders follow (how often a pairing is visited, the attendance floor).

use super::data::{Memo, Names};
use super::widgets::{ERROR_RED, screen_title, tabs};
use super::{Change, Command, ViewContext};
use crate::domain::calendar::{self, DEFAULT_DAYS_AHEAD, DueItem, month_end, month_grid};
use crate::domain::theme_day::{
    FLOOR_KEY, FiguresByArea, ThemeDayFigures, quarter_figures_by_area,
};
use crate::domain::{AreaId, BranchId};
use crate::i18n::Lang;
use crate::store::Store;
use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use std::collections::{BTreeMap, HashMap};

/// The choices of how far ahead 近期待办 looks, in days.
const DAYS_CHOICES: [i64; 3] = [7, 14, 30];

/// The width of 近期待办 beside the month, in points.
const UPCOMING_WIDTH: f32 = 360.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    Month,
    Rates,
    Settings,
}

/// A month's items by day.
struct MonthData {
    by_day: BTreeMap<NaiveDate, Vec<DueItem>>,
}

fn load_month(
    store: &Store,
    (year, month, today): &(i32, u32, NaiveDate),
) -> crate::store::Result<MonthData> {
    let (Some(first), Some(last)) = (
        NaiveDate::from_ymd_opt(*year, *month, 1),
        month_end(*year, *month),
    ) else {
        return Ok(MonthData {
            by_day: BTreeMap::new(),
        });
    };
    let mut by_day: BTreeMap<NaiveDate, Vec<DueItem>> = BTreeMap::new();
    for item in store.due_between(first, last, *today)? {
        by_day.entry(item.on).or_default().push(item);
    }
    Ok(MonthData { by_day })
}

/// What is due from the lookback to `days` ahead of today, overdue first.
pub fn load_due(
    store: &Store,
    (today, days): &(NaiveDate, i64),
) -> crate::store::Result<Vec<DueItem>> {
    store.due(*today, *days)
}

/// A year's theme party days counted per quarter and area, with the floor they were held to.
struct Rates {
    quarters: Vec<FiguresByArea>,
    floor: i64,
}

fn load_rates(store: &Store, (year, today): &(i32, NaiveDate)) -> crate::store::Result<Rates> {
    let area_of: HashMap<BranchId, AreaId> = store
        .branches()?
        .into_iter()
        .filter_map(|b| b.area_id.map(|a| (b.id, a)))
        .collect();
    let floor = store.theme_day_floor()?;
    let days = store.theme_days(*year)?;
    Ok(Rates {
        quarters: quarter_figures_by_area(&days, &area_of, *year, *today, floor),
        floor,
    })
}

/// The settings the reminders follow: visit every … days, the attendance floor.
fn load_settings(store: &Store, (): &()) -> crate::store::Result<(i64, i64)> {
    Ok((store.visit_every_days()?, store.theme_day_floor()?))
}

/// The 日程 screen.
#[derive(Default)]
pub struct CalendarScreen {
    tab: Tab,
    /// The month shown (0: not chosen yet, today's).
    year: i32,
    month: u32,
    month_items: Memo<(i32, u32, NaiveDate), MonthData>,
    /// How far 近期待办 looks ahead (0: not chosen yet, 14).
    days: i64,
    upcoming: Memo<(NaiveDate, i64), Vec<DueItem>>,
    rates_year: i32,
    rates: Memo<(i32, NaiveDate), Rates>,
    settings: Memo<(), (i64, i64)>,
    visit_every: String,
    floor: String,
    settings_of: Option<u64>,
    visit_error: bool,
    floor_error: bool,
}

impl CalendarScreen {
    /// The lines of 近期待办 as listed (for tests): day, kind and what it is about.
    pub fn upcoming_lines(&self, lang: Lang) -> Vec<String> {
        self.upcoming
            .shown()
            .map(|items| items.iter().map(|i| line_text(lang, i)).collect())
            .unwrap_or_default()
    }
}

/// One line of a list of what is due: “11-20 难题时限：冷库建设（东沟村）”.
fn line_text(lang: Lang, item: &DueItem) -> String {
    format!("{} {}", item.on.format("%Y-%m-%d"), lang.due_line(item))
}

/// A list of due items, one line each, overdue in red, each opening its record; in a
/// scrolled area of at most `height` (whole lines) that draws only the lines in view.
pub fn due_list(
    ui: &mut Ui,
    lang: Lang,
    today: NaiveDate,
    items: &[DueItem],
    id: &str,
    height: f32,
) -> Vec<Command> {
    let mut commands = Vec::new();
    if items.is_empty() {
        ui.label(RichText::new(lang.nothing_due()).weak());
        return commands;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let spacing = ui.spacing().item_spacing.y;
    let lines = ((height + spacing) / (row_height + spacing))
        .floor()
        .max(1.0);
    egui::ScrollArea::vertical()
        .id_salt(id)
        .max_height(lines * (row_height + spacing) - spacing)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, items.len(), |ui, rows| {
            for item in &items[rows] {
                let full = line_text(lang, item);
                let overdue = item.overdue(today);
                // Overdue items (months ago, perhaps) and those of another year with their
                // year; what comes this year as month and day.
                let day = if item.on.year() == today.year() && !overdue {
                    item.on.format("%m-%d")
                } else {
                    item.on.format("%Y-%m-%d")
                };
                let shown = format!("{day} {}", lang.due_line(item));
                let mut text = RichText::new(shown);
                if overdue {
                    text = text.color(ERROR_RED);
                }
                if item_link(ui, text, &full, overdue, lang).clicked() {
                    commands.push(Command::OpenDue(item.target));
                }
            }
        });
    commands
}

/// A clickable line, cut short to fit, named by its whole text (hover shows it whole).
fn item_link(ui: &mut Ui, text: RichText, full: &str, overdue: bool, lang: Lang) -> egui::Response {
    let response = ui.add(
        egui::Label::new(text)
            .sense(egui::Sense::click())
            .truncate(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, full));
    let hover = if overdue {
        format!(
            "{full}{}{}{}",
            lang.pick("（", " ("),
            lang.overdue_label(),
            lang.pick("）", ")")
        )
    } else {
        full.to_owned()
    };
    response
        .on_hover_cursor(egui::CursorIcon::PointingHand)
        .on_hover_text(hover)
}

impl super::View for CalendarScreen {
    fn file_changed(&mut self) {
        *self = Self::default();
    }

    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        if self.year == 0 {
            self.year = ctx.today.year();
            self.month = ctx.today.month();
            self.rates_year = ctx.today.year();
        }
        if self.days == 0 {
            self.days = DEFAULT_DAYS_AHEAD;
        }
        screen_title(ui, lang.nav_calendar());
        tabs(
            ui,
            &mut self.tab,
            &[
                (Tab::Month, lang.calendar_month_tab()),
                (Tab::Rates, lang.calendar_rates_tab()),
                (Tab::Settings, lang.calendar_settings_tab()),
            ],
        );
        match self.tab {
            Tab::Month => commands.extend(self.month_ui(ui, ctx)),
            Tab::Rates => self.rates_ui(ui, ctx),
            Tab::Settings => commands.extend(self.settings_ui(ui, ctx)),
        }
        commands
    }
}

impl CalendarScreen {
    /// The month's calendar, and 近期待办 beside it.
    fn month_ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            if named_button(ui, "◀", lang.previous_month()).clicked() {
                (self.year, self.month) = if self.month == 1 {
                    (self.year - 1, 12)
                } else {
                    (self.year, self.month - 1)
                };
            }
            ui.label(
                RichText::new(lang.month_of_year(self.year, self.month))
                    .strong()
                    .size(16.0),
            );
            if named_button(ui, "▶", lang.next_month()).clicked() {
                (self.year, self.month) = if self.month == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, self.month + 1)
                };
            }
            if ui.button(lang.this_month()).clicked() {
                self.year = ctx.today.year();
                self.month = ctx.today.month();
            }
            ui.separator();
            ui.label(RichText::new(lang.calendar_explained()).weak());
        });
        ui.add_space(4.0);
        let height = ui.available_height();
        let width = ui.available_width();
        ui.horizontal_top(|ui| {
            let grid_width = (width - UPCOMING_WIDTH - 16.0).max(420.0);
            ui.vertical(|ui| {
                ui.set_width(grid_width);
                let key = (self.year, self.month, ctx.today);
                if let Some(data) = self.month_items.show(ui, ctx, &key, load_month) {
                    commands.extend(month_grid_ui(
                        ui, lang, ctx.today, self.year, self.month, data, grid_width, height,
                    ));
                }
            });
            ui.separator();
            ui.vertical(|ui| {
                ui.set_width(UPCOMING_WIDTH.min(ui.available_width()));
                commands.extend(self.upcoming_ui(ui, ctx, height));
            });
        });
        commands
    }

    /// 近期待办: what is due from the days chosen ahead, overdue first.
    fn upcoming_ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, height: f32) -> Vec<Command> {
        let lang = ctx.lang;
        ui.horizontal(|ui| {
            ui.strong(lang.upcoming_title());
            ui.label(lang.days_ahead_label());
            for days in DAYS_CHOICES {
                if ui
                    .selectable_label(self.days == days, lang.days_count(days))
                    .clicked()
                {
                    self.days = days;
                }
            }
        });
        let key = (ctx.today, self.days);
        let Some(items) = self.upcoming.show(ui, ctx, &key, load_due) else {
            return Vec::new();
        };
        let overdue = items.iter().filter(|i| i.overdue(ctx.today)).count();
        ui.label(RichText::new(lang.due_counts(items.len(), overdue)).weak());
        due_list(
            ui,
            lang,
            ctx.today,
            items,
            "calendar-upcoming",
            (height - 50.0).max(120.0),
        )
    }

    /// The theme party days of a year, per quarter and area: planned, on time, late, missed,
    /// not reported, the rate held as planned and how many fell below the floor.
    fn rates_ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) {
        let lang = ctx.lang;
        super::widgets::year_stepper(ui, lang, &mut self.rates_year);
        let Some(names) = ctx.names_or_wait(ui) else {
            return;
        };
        let key = (self.rates_year, ctx.today);
        let Some(rates) = self.rates.show(ui, ctx, &key, load_rates) else {
            return;
        };
        ui.label(RichText::new(lang.rates_explained()).weak());
        ui.label(format!(
            "{}{}{}%",
            lang.attendance_floor(),
            lang.pick("：", ": "),
            rates.floor
        ));
        rates_table(ui, lang, names, rates);
    }

    /// How often pairings are visited, and the attendance floor.
    fn settings_ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        self.settings.refresh(ctx, &(), load_settings);
        let Some(&(visit_every, floor)) = super::data::ready(ui, lang, self.settings.get(&()))
        else {
            return commands;
        };
        if self.settings_of != self.settings.loaded_at() {
            self.settings_of = self.settings.loaded_at();
            self.visit_every = visit_every.to_string();
            self.floor = floor.to_string();
        }
        ui.label(RichText::new(lang.settings_explained()).weak());
        ui.add_space(6.0);
        egui::Grid::new("calendar-settings")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                if let Some(value) = setting_field(
                    ui,
                    lang.visit_every_label(),
                    lang.days_unit(),
                    &mut self.visit_every,
                    1..=366,
                    &mut self.visit_error,
                    lang.visit_every_invalid(),
                ) && value != visit_every
                {
                    commands.push(Command::Write(Change::SetSetting(
                        crate::store::STALE_DAYS_KEY,
                        value.to_string(),
                    )));
                }
                ui.end_row();
                if let Some(value) = setting_field(
                    ui,
                    lang.attendance_floor(),
                    "%",
                    &mut self.floor,
                    1..=100,
                    &mut self.floor_error,
                    lang.floor_invalid(),
                ) && value != floor
                {
                    commands.push(Command::Write(Change::SetSetting(
                        FLOOR_KEY,
                        value.to_string(),
                    )));
                }
                ui.end_row();
            });
        commands
    }
}

/// A button showing an arrow, named (and hovered) by what it does.
fn named_button(ui: &mut Ui, arrow: &str, name: &str) -> egui::Response {
    let response = ui.button(arrow);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    response.on_hover_text(name)
}

/// A number setting: its label and field; the value once Enter is pressed or the field left,
/// if it is in `range` (else the sentence beside it).
fn setting_field(
    ui: &mut Ui,
    label: &str,
    unit: &str,
    text: &mut String,
    range: std::ops::RangeInclusive<i64>,
    error: &mut bool,
    invalid: &str,
) -> Option<i64> {
    let label = ui.label(label);
    ui.horizontal(|ui| {
        let field = ui
            .add(egui::TextEdit::singleline(text).desired_width(48.0))
            .labelled_by(label.id);
        ui.label(unit);
        let mut value = None;
        if field.lost_focus() || super::widgets::submitted(&field) {
            let parsed = text
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|v| range.contains(v));
            *error = parsed.is_none();
            value = parsed;
        }
        if *error {
            ui.colored_label(ERROR_RED, invalid);
        }
        value
    })
    .inner
}

/// The month's grid: the weekdays, then a cell per day with its items.
#[allow(clippy::too_many_arguments)] // one grid, drawn from the screen's parts
fn month_grid_ui(
    ui: &mut Ui,
    lang: Lang,
    today: NaiveDate,
    year: i32,
    month: u32,
    data: &MonthData,
    width: f32,
    height: f32,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let weeks = month_grid(year, month);
    let gap = 2.0;
    let cell_width = ((width - 6.0 * gap) / 7.0).floor();
    let cell_height = ((height - 30.0) / weeks.len().max(1) as f32 - gap)
        .floor()
        .clamp(64.0, 140.0);
    let line_height = ui.text_style_height(&egui::TextStyle::Small) + 3.0;
    ui.spacing_mut().item_spacing = egui::vec2(gap, gap);
    ui.horizontal(|ui| {
        for (n, name) in lang.weekdays().iter().enumerate() {
            let mut text = RichText::new(*name).strong();
            if n >= 5 {
                text = text.color(Color32::from_rgb(160, 60, 60));
            }
            ui.add_sized([cell_width, 18.0], egui::Label::new(text));
        }
    });
    let stroke = ui.visuals().widgets.noninteractive.bg_stroke;
    let today_fill = ui.visuals().selection.bg_fill.gamma_multiply(0.25);
    let today_stroke = egui::Stroke::new(2.0, ui.visuals().selection.bg_fill);
    for week in weeks {
        ui.horizontal(|ui| {
            for day in week {
                let size = egui::vec2(cell_width, cell_height);
                let Some(day) = day else {
                    ui.allocate_exact_size(size, egui::Sense::hover());
                    continue;
                };
                let is_today = day == today;
                // Every cell the same size, whatever it holds: drawn into its own rectangle.
                let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
                ui.painter().rect(
                    rect,
                    3.0,
                    if is_today {
                        today_fill
                    } else {
                        Color32::TRANSPARENT
                    },
                    if is_today { today_stroke } else { stroke },
                    egui::StrokeKind::Inside,
                );
                let inner = rect.shrink(4.0);
                let mut cell = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(inner)
                        .layout(egui::Layout::top_down(egui::Align::Min)),
                );
                cell.set_clip_rect(inner.intersect(ui.clip_rect()));
                cell.spacing_mut().item_spacing = egui::vec2(2.0, 1.0);
                {
                    let ui = &mut cell;
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(day.day().to_string()).strong());
                        if is_today {
                            ui.label(RichText::new(lang.today_marker()).small().strong());
                        }
                    });
                    let items = data.by_day.get(&day).map_or(&[][..], Vec::as_slice);
                    let room = ((inner.height() - 18.0) / line_height).floor().max(1.0) as usize;
                    let shown = if items.len() > room {
                        room.saturating_sub(1)
                    } else {
                        items.len()
                    };
                    for item in &items[..shown] {
                        let overdue = item.overdue(today);
                        // The kind in a word: the cell's room is for what it is about.
                        let line = format!(
                            "{}·{}",
                            lang.due_kind_short(item.kind),
                            lang.due_about(item)
                        );
                        let mut text = RichText::new(line).small();
                        if overdue {
                            text = text.color(ERROR_RED);
                        }
                        let full = line_text(lang, item);
                        if item_link(ui, text, &full, overdue, lang).clicked() {
                            commands.push(Command::OpenDue(item.target));
                        }
                    }
                    if items.len() > shown {
                        let others: Vec<String> =
                            items[shown..].iter().map(|i| lang.due_line(i)).collect();
                        ui.label(
                            RichText::new(lang.more_items(items.len() - shown))
                                .small()
                                .weak(),
                        )
                        .on_hover_text(others.join("\n"));
                    }
                }
            }
        });
    }
    commands
}

/// The table of the year's theme party days: per quarter, each area and the whole studio.
fn rates_table(ui: &mut Ui, lang: Lang, names: &Names, rates: &Rates) {
    // The areas as the roster lists them, then branches in none if any had a theme day.
    let mut areas: Vec<Option<AreaId>> = names.areas.iter().map(|a| Some(a.id)).collect();
    if rates.quarters.iter().any(|q| q.areas.contains_key(&None)) {
        areas.push(None);
    }
    let mut rows: Vec<(usize, Option<Option<AreaId>>)> = Vec::new();
    for quarter in 0..rates.quarters.len() {
        for area in &areas {
            rows.push((quarter, Some(*area)));
        }
        rows.push((quarter, None));
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let height = ui.available_height();
    TableBuilder::new(ui)
        .id_salt("theme-day-rates")
        .striped(true)
        .max_scroll_height(height)
        .column(Column::exact(80.0))
        .column(Column::initial(150.0).clip(true))
        .columns(Column::exact(80.0), 4)
        // Wide enough for "Not reported" and "Held as planned" in English.
        .column(Column::exact(104.0))
        .column(Column::exact(128.0))
        .column(Column::exact(110.0))
        .header(row_height, |mut header| {
            for title in [
                "",
                lang.col_area(),
                lang.col_planned_count(),
                lang.col_held_on_time(),
                lang.col_held_late(),
                lang.col_not_held(),
                lang.col_not_reported(),
                lang.col_held_rate(),
                lang.col_below_floor(),
            ] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let index = row.index();
                let (quarter, area) = rows[index];
                // The quarter's name on its first line.
                let first = rows.iter().position(|(q, _)| *q == quarter) == Some(index);
                let figures = &rates.quarters[quarter];
                let (name, f, whole) = match area {
                    Some(Some(id)) => (names.area(Some(id)), figures.of(Some(id)), false),
                    Some(None) => (lang.no_area().to_owned(), figures.of(None), false),
                    None => (lang.whole_studio().to_owned(), figures.whole, true),
                };
                let text = |t: String| {
                    if whole {
                        RichText::new(t).strong()
                    } else {
                        RichText::new(t)
                    }
                };
                row.col(|ui| {
                    if first {
                        ui.strong(lang.quarter_name(quarter + 1));
                    }
                });
                row.col(|ui| {
                    ui.label(text(name));
                });
                for value in figure_values(&f) {
                    row.col(|ui| {
                        ui.label(text(value.to_string()));
                    });
                }
                row.col(|ui| {
                    let rate = f.rate();
                    let shown =
                        rate.map_or_else(|| "—".to_owned(), |r| format!("{:.0}%", r * 100.0));
                    let color = match rate {
                        Some(r) if r < 1.0 => ERROR_RED,
                        Some(_) => Color32::from_rgb(40, 140, 60),
                        None => ui.visuals().weak_text_color(),
                    };
                    ui.label(text(shown).color(color));
                });
                row.col(|ui| {
                    let mut t = text(f.below_floor.to_string());
                    if f.below_floor > 0 {
                        t = t.color(ERROR_RED);
                    }
                    ui.label(t);
                });
            });
        });
}

fn figure_values(f: &ThemeDayFigures) -> [i64; 5] {
    [f.planned, f.on_time, f.late, f.missed, f.overdue]
}

/// Today's count of what is due in the navigation: (all, of which overdue), over the
/// dashboard's days ahead.
pub fn load_due_count(store: &Store, today: &NaiveDate) -> crate::store::Result<(usize, usize)> {
    let items = store.due(*today, calendar::DEFAULT_DAYS_AHEAD)?;
    let overdue = items.iter().filter(|i| i.overdue(*today)).count();
    Ok((items.len(), overdue))
}
