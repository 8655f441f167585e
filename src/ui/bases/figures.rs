//! A base's figures by year: the table they are typed into, and their chart.

use crate::domain::base::{BaseError, BaseFigures, BaseId};
use crate::i18n::Lang;
use crate::ui::widgets::{ERROR_RED, row_button};
use crate::ui::{Change, Command};
use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText, Ui};

use super::{count, number};

/// A year's figures as text: area, households, jobs, output value, income.
type FigureTexts = [String; 5];

/// Why a year's figures as typed cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FigureError {
    /// Not a number.
    NotANumber,
    /// A count that is not whole.
    NotWhole,
    /// The domain's rule.
    Base(BaseError),
}

impl FigureError {
    fn words(self, lang: Lang) -> &'static str {
        match self {
            Self::NotANumber => lang.base_not_a_number(),
            Self::NotWhole => lang.base_not_whole(),
            Self::Base(e) => lang.base_error(e),
        }
    }
}

/// Reads a year's figures as typed (empty is no figure; 1,200 and １２ are read too).
fn figures_from_texts(year: i32, texts: &FigureTexts) -> Result<BaseFigures, FigureError> {
    let clean = |text: &str| -> String {
        text.trim()
            .chars()
            .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace())
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '．' | '。' => '.',
                other => other,
            })
            .collect()
    };
    let decimal = |text: &str| -> Result<Option<f64>, FigureError> {
        let text = clean(text);
        if text.is_empty() {
            return Ok(None);
        }
        text.parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(Some)
            .ok_or(FigureError::NotANumber)
    };
    let whole = |text: &str| -> Result<Option<i64>, FigureError> {
        let text = clean(text);
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse::<i64>() {
            Ok(v) => Ok(Some(v)),
            Err(_) if text.parse::<f64>().is_ok() => Err(FigureError::NotWhole),
            Err(_) => Err(FigureError::NotANumber),
        }
    };
    let figures = BaseFigures {
        year,
        area_mu: decimal(&texts[0])?,
        households: whole(&texts[1])?,
        jobs: whole(&texts[2])?,
        output_value: decimal(&texts[3])?,
        income: decimal(&texts[4])?,
    };
    figures.check().map_err(FigureError::Base)?;
    Ok(figures)
}

fn texts_of(figures: &BaseFigures) -> FigureTexts {
    [
        number(figures.area_mu),
        count(figures.households),
        count(figures.jobs),
        number(figures.output_value),
        number(figures.income),
    ]
}

/// One year's line of the figures table, as typed.
#[derive(Debug, Clone, PartialEq)]
struct FigureRow {
    year: i32,
    texts: FigureTexts,
    /// As stored (empty for a year added and not yet saved).
    stored: FigureTexts,
    /// Whether the year is in the file.
    saved: bool,
    error: Option<FigureError>,
}

impl FigureRow {
    fn changed(&self) -> bool {
        self.texts != self.stored
    }
}

/// The figures by year of the base shown, as typed.
#[derive(Default)]
pub(super) struct FiguresTable {
    rows: Vec<FigureRow>,
    /// What the rows were filled from: the base and the load's generation.
    filled_from: Option<(BaseId, Option<u64>)>,
    /// The year typed for 添加年份.
    new_year: String,
    new_year_error: Option<&'static str>,
    /// The years being written, in the order asked.
    saving: std::collections::VecDeque<i32>,
}

impl FiguresTable {
    /// Whether a line was typed into and not saved.
    pub(super) fn has_changes(&self) -> bool {
        self.rows.iter().any(FigureRow::changed)
    }

    /// Fills the rows from the file when the base or its data changed, keeping the lines
    /// typed into and not yet saved.
    pub(super) fn fill(
        &mut self,
        base: BaseId,
        generation: Option<u64>,
        figures: &[BaseFigures],
        today: NaiveDate,
    ) {
        if self.filled_from == Some((base, generation)) {
            return;
        }
        let same_base = self.filled_from.is_some_and(|(b, _)| b == base);
        self.filled_from = Some((base, generation));
        let kept: Vec<FigureRow> = if same_base {
            self.rows.drain(..).filter(FigureRow::changed).collect()
        } else {
            self.new_year = today.year().to_string();
            self.new_year_error = None;
            Vec::new()
        };
        self.rows = figures
            .iter()
            .map(|f| {
                let texts = texts_of(f);
                FigureRow {
                    year: f.year,
                    stored: texts.clone(),
                    texts,
                    saved: true,
                    error: None,
                }
            })
            .collect();
        for row in kept {
            match self.rows.iter_mut().find(|r| r.year == row.year) {
                Some(stored) => stored.texts = row.texts,
                None if !row.saved => self.rows.push(row),
                // A year cleared in the file while typed into: it is gone.
                None => {}
            }
        }
        self.rows.sort_by_key(|r| r.year);
    }

    /// Every line changed, each in its write; none if a line is wrong (its error shows).
    fn save_changed(&mut self, base: BaseId) -> Vec<Command> {
        let mut figures = Vec::new();
        for row in self.rows.iter_mut().filter(|r| r.changed()) {
            match figures_from_texts(row.year, &row.texts) {
                Ok(read) => figures.push(read),
                Err(error) => row.error = Some(error),
            }
        }
        if self.rows.iter().any(|r| r.error.is_some()) {
            return Vec::new();
        }
        figures
            .into_iter()
            .map(|f| {
                self.saving.push_back(f.year);
                Command::Write(Change::SetBaseFigures(base, f))
            })
            .collect()
    }

    /// After a write: the line saved now shows as stored.
    pub(super) fn write_finished(&mut self, succeeded: bool) {
        if let Some(year) = self.saving.pop_front()
            && succeeded
            && let Some(row) = self.rows.iter_mut().find(|r| r.year == year)
        {
            // What is shown is what was saved; the file read again confirms it.
            row.stored.clone_from(&row.texts);
            row.saved = row.texts.iter().any(|t| !t.trim().is_empty());
        }
    }

    /// Draws 添加年份 and the lines; returns the writes asked for. With `keys` (no form open
    /// over the page), Ctrl+S — or 保存 answered when leaving — saves every line changed.
    pub(super) fn ui(&mut self, ui: &mut Ui, lang: Lang, base: BaseId, keys: bool) -> Vec<Command> {
        let mut commands = Vec::new();
        if keys
            && self.saving.is_empty()
            && self.has_changes()
            && crate::ui::widgets::save_requested(ui)
        {
            commands.extend(self.save_changed(base));
        }
        ui.horizontal(|ui| {
            ui.strong(lang.base_figures_title());
            ui.separator();
            let label = ui.label(lang.base_figures_year());
            ui.add(egui::TextEdit::singleline(&mut self.new_year).desired_width(56.0))
                .labelled_by(label.id);
            if ui.button(lang.base_add_year()).clicked() {
                match self
                    .new_year
                    .trim()
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (1900..=2999).contains(y))
                {
                    None => self.new_year_error = Some(lang.error_figure_year()),
                    Some(year) if self.rows.iter().any(|r| r.year == year) => {
                        self.new_year_error = Some(lang.base_year_exists());
                    }
                    Some(year) => {
                        self.new_year_error = None;
                        self.rows.push(FigureRow {
                            year,
                            texts: FigureTexts::default(),
                            stored: FigureTexts::default(),
                            saved: false,
                            error: None,
                        });
                        self.rows.sort_by_key(|r| r.year);
                        self.new_year = (year + 1).to_string();
                    }
                }
            }
            if let Some(error) = self.new_year_error {
                ui.colored_label(ERROR_RED, error);
            }
        });
        if self.rows.is_empty() {
            ui.label(RichText::new(lang.base_figures_none()).weak());
            return commands;
        }
        // The fields' names (read out, and found by tests), and their shorter headings in two
        // lines over the narrow columns.
        let titles = [
            lang.base_col_area(),
            lang.base_col_households(),
            lang.base_col_jobs(),
            lang.base_col_output(),
            lang.base_col_income(),
        ];
        let headings = [
            lang.base_head_area(),
            lang.base_head_households(),
            lang.base_head_jobs(),
            lang.base_head_output(),
            lang.base_head_income(),
        ];
        let mut remove = None;
        egui::Grid::new("base-figures")
            .num_columns(8)
            .striped(true)
            .spacing([6.0, 4.0])
            .show(ui, |ui| {
                ui.strong(lang.base_figures_year());
                for heading in headings {
                    ui.strong(heading);
                }
                ui.label("");
                ui.end_row();
                for row in &mut self.rows {
                    let year = lang.year_label(row.year);
                    ui.label(&year);
                    for (text, title) in row.texts.iter_mut().zip(titles) {
                        let field = ui.add(egui::TextEdit::singleline(text).desired_width(64.0));
                        crate::ui::widgets::name_text_field(field, &format!("{title} {year}"));
                    }
                    ui.horizontal(|ui| {
                        let saving = !self.saving.is_empty();
                        if ui
                            .add_enabled_ui(!saving && row.changed(), |ui| {
                                row_button(ui, lang.save(), &year)
                            })
                            .inner
                            .clicked()
                        {
                            match figures_from_texts(row.year, &row.texts) {
                                Ok(figures) => {
                                    row.error = None;
                                    self.saving.push_back(row.year);
                                    commands.push(Command::Write(Change::SetBaseFigures(
                                        base, figures,
                                    )));
                                }
                                Err(error) => row.error = Some(error),
                            }
                        }
                        if ui
                            .add_enabled_ui(!saving, |ui| {
                                row_button(ui, lang.base_clear_year(), &year)
                            })
                            .inner
                            .clicked()
                        {
                            if row.saved {
                                row.texts = FigureTexts::default();
                                row.error = None;
                                self.saving.push_back(row.year);
                                commands.push(Command::Write(Change::SetBaseFigures(
                                    base,
                                    BaseFigures {
                                        year: row.year,
                                        ..BaseFigures::default()
                                    },
                                )));
                            } else {
                                remove = Some(row.year);
                            }
                        }
                    });
                    ui.end_row();
                    // An error follows the corrections as they are typed.
                    if row.error.is_some() {
                        row.error = figures_from_texts(row.year, &row.texts).err();
                    }
                    if let Some(error) = row.error {
                        ui.label("");
                        ui.colored_label(ERROR_RED, error.words(lang));
                        ui.end_row();
                    }
                }
            });
        if let Some(year) = remove {
            self.rows.retain(|r| r.year != year);
        }
        commands
    }
}

/// The figures by year as two small bar charts, output value and households, each bar with
/// its value written on it (a short chart's axis has room for too few marks to read by).
pub(super) fn figures_chart(ui: &mut Ui, lang: Lang, figures: &[BaseFigures]) {
    let output: Vec<(i32, f64)> = figures
        .iter()
        .filter_map(|f| f.output_value.map(|v| (f.year, v)))
        .collect();
    let households: Vec<(i32, f64)> = figures
        .iter()
        .filter_map(|f| f.households.map(|v| (f.year, v as f64)))
        .collect();
    if output.is_empty() && households.is_empty() {
        return;
    }
    let red = Color32::from_rgb(196, 43, 28);
    let gold = Color32::from_rgb(214, 160, 40);
    let years = figures.iter().map(|f| f.year);
    let (first, last) = (
        years.clone().min().unwrap_or_default(),
        years.max().unwrap_or_default(),
    );
    ui.columns(2, |columns| {
        for (column, (id, title, points, color)) in columns.iter_mut().zip([
            ("base-output-chart", lang.base_chart_output(), &output, red),
            (
                "base-households-chart",
                lang.base_chart_households(),
                &households,
                gold,
            ),
        ]) {
            column.label(title);
            let highest = points.iter().map(|(_, v)| *v).fold(0.0_f64, f64::max);
            let bars: Vec<egui_plot::Bar> = points
                .iter()
                .map(|(year, value)| {
                    egui_plot::Bar::new(f64::from(*year), *value)
                        .width(0.6)
                        .fill(color)
                        .name(lang.year_label(*year))
                })
                .collect();
            // Every year named under its bar, however narrow the chart.
            let years_axis = egui_plot::AxisHints::new_x()
                .label_spacing(26.0..=34.0)
                .formatter(|mark, _| {
                    let year = mark.value.round();
                    if (mark.value - year).abs() < 1e-6 {
                        format!("{year:.0}")
                    } else {
                        String::new()
                    }
                });
            egui_plot::Plot::new(id)
                .height(170.0)
                .custom_x_axes(vec![years_axis])
                .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
                .show_axes([true, false])
                .show_grid([false, true])
                .include_x(f64::from(first) - 0.6)
                .include_x(f64::from(last) + 0.6)
                .include_y(0.0)
                // Room above the highest bar for its value.
                .include_y(highest * 1.18)
                .allow_drag(false)
                .allow_zoom(false)
                .allow_scroll(false)
                .show(column, |plot| {
                    plot.bar_chart(egui_plot::BarChart::new(title, bars).color(color));
                    for (year, value) in points {
                        plot.text(
                            egui_plot::Text::new(
                                title,
                                egui_plot::PlotPoint::new(f64::from(*year), *value),
                                RichText::new(number(Some(*value))).small(),
                            )
                            .anchor(egui::Align2::CENTER_BOTTOM),
                        );
                    }
                });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(values: [&str; 5]) -> FigureTexts {
        values.map(str::to_owned)
    }

    #[test]
    fn figures_are_read_as_typed_and_empty_ones_are_none() {
        let figures =
            figures_from_texts(2025, &texts(["120.5", "１,２００", "", "350", " "])).expect("read");
        assert_eq!(figures.year, 2025);
        assert_eq!(figures.area_mu, Some(120.5));
        assert_eq!(figures.households, Some(1200));
        assert_eq!(figures.jobs, None);
        assert_eq!(figures.output_value, Some(350.0));
        assert_eq!(figures.income, None);
        assert!(
            figures_from_texts(2025, &texts(["", "", "", "", ""]))
                .expect("empty")
                .is_empty()
        );
    }

    #[test]
    fn a_figure_that_is_not_a_number_or_a_count_that_is_not_whole_is_refused() {
        assert_eq!(
            figures_from_texts(2025, &texts(["一百", "", "", "", ""])),
            Err(FigureError::NotANumber)
        );
        assert_eq!(
            figures_from_texts(2025, &texts(["", "12.5", "", "", ""])),
            Err(FigureError::NotWhole)
        );
        assert_eq!(
            figures_from_texts(2025, &texts(["", "", "-3", "", ""])),
            Err(FigureError::Base(BaseError::Negative))
        );
        assert_eq!(
            figures_from_texts(1800, &texts(["1", "", "", "", ""])),
            Err(FigureError::Base(BaseError::Year))
        );
    }

    #[test]
    fn figures_shown_again_read_back_the_same() {
        let figures = BaseFigures {
            year: 2024,
            area_mu: Some(80.0),
            households: Some(46),
            jobs: Some(35),
            output_value: Some(312.75),
            income: None,
        };
        let shown = texts_of(&figures);
        assert_eq!(shown[0], "80");
        assert_eq!(shown[3], "312.75");
        assert_eq!(figures_from_texts(2024, &shown), Ok(figures));
    }

    #[test]
    fn lines_typed_into_stay_when_the_file_is_read_again() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 29).expect("day");
        let base = BaseId(1);
        let stored = BaseFigures {
            year: 2025,
            households: Some(40),
            ..BaseFigures::default()
        };
        let mut table = FiguresTable::default();
        table.fill(base, Some(1), &[stored], day);
        assert_eq!(table.new_year, "2026");
        table.rows[0].texts[1] = "45".into();
        table.rows.push(FigureRow {
            year: 2026,
            texts: texts(["", "50", "", "", ""]),
            stored: FigureTexts::default(),
            saved: false,
            error: None,
        });
        assert!(table.has_changes());
        table.fill(base, Some(2), &[stored], day);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].texts[1], "45");
        assert_eq!(table.rows[1].texts[1], "50");
        // Another base's page starts from its own figures.
        table.fill(BaseId(2), Some(2), &[], day);
        assert!(table.rows.is_empty());
    }
}
