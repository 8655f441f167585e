//! 比拼: the assessment of a period — the ranking with stars, each score explained, hand-entered
//! criteria with a note, one secretary's trend, two secretaries or two areas side by side, the
//! areas compared, and the criteria sheet and star thresholds.

use super::data::{Memo, Names};
use super::widgets::{ERROR_RED, combo, in_office, name_text_field, screen_title, tabs};
use super::{Change, Command, ViewContext};
use crate::domain::assessment::{
    Assessment, Criterion, CriterionPart, CriterionSource, StarThresholds, format_score,
};
use crate::domain::period::Period;
use crate::domain::{AreaId, SecretaryId};
use crate::i18n::Lang;
use crate::print::{LedgerPrintout, Printable};
use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints};

mod forms;
use forms::{ScoreForm, SheetForm};

mod ranking;
pub use ranking::explain;
use ranking::{areas_ui, ranking_ui};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum View {
    #[default]
    Ranking,
    Trend,
    SideBySide,
    Areas,
    Criteria,
}

/// A period's criteria, assessments and star thresholds, as loaded.
struct Data {
    criteria: Vec<Criterion>,
    assessments: Vec<Assessment>,
    thresholds: StarThresholds,
}

/// What the screen draws: the period's data with the names of people and areas.
type Model<'a> = crate::ui::data::Named<'a, Data>;

fn load(store: &crate::store::Store, period: &Period) -> crate::store::Result<Data> {
    Ok(Data {
        criteria: store.criteria()?,
        assessments: store.assessments(*period)?,
        thresholds: store.star_thresholds()?,
    })
}

/// One secretary's totals over the same kind of period, eight back to the one chosen.
fn load_trend(
    store: &crate::store::Store,
    (period, who): &(Period, SecretaryId),
) -> crate::store::Result<Vec<(Period, f64)>> {
    let mut periods = vec![*period];
    while periods.len() < 8 {
        match periods.last().and_then(|p| p.previous()) {
            Some(previous) => periods.push(previous),
            None => break,
        }
    }
    periods.reverse();
    let mut points = Vec::new();
    for p in periods {
        if let Some(a) = store.assessments(p)?.iter().find(|a| a.secretary == *who) {
            points.push((p, a.total));
        }
    }
    // Periods before anything was recorded are not a fall to nought: they are left out.
    let first = points
        .iter()
        .position(|(_, total)| *total != 0.0)
        .unwrap_or(points.len());
    Ok(points.split_off(first))
}

impl Model<'_> {
    fn of(&self, who: SecretaryId) -> Option<&Assessment> {
        self.assessments.iter().find(|a| a.secretary == who)
    }

    fn area_of(&self, who: SecretaryId) -> Option<AreaId> {
        let branch = self
            .names
            .roster
            .iter()
            .find(|e| e.id == who)
            .and_then(|e| e.fields.branch_id);
        self.names.area_of(branch)
    }

    /// The mean total of an area's secretaries.
    fn area_mean(&self, area: AreaId) -> Option<f64> {
        let totals: Vec<f64> = self
            .assessments
            .iter()
            .filter(|a| self.area_of(a.secretary) == Some(area))
            .map(|a| a.total)
            .collect();
        (!totals.is_empty()).then(|| totals.iter().sum::<f64>() / totals.len() as f64)
    }
}

/// The compare screen.
#[derive(Default)]
pub struct CompareScreen {
    data: Memo<Period, Data>,
    trend: Memo<(Period, SecretaryId), Vec<(Period, f64)>>,
    controls: Controls,
}

/// What the coordinator has chosen and typed on the screen.
#[derive(Default)]
struct Controls {
    view: View,
    scores: Option<ScoreForm>,
    trend_who: Option<SecretaryId>,
    pick_areas: bool,
    side: [Option<SecretaryId>; 2],
    side_areas: [Option<AreaId>; 2],
    sheet: Option<SheetForm>,
    /// The sheet was just saved (said beside its button until it is edited).
    sheet_saved: bool,
}

impl CompareScreen {
    /// The ranking as shown: (rank, name, total, stars) (for tests).
    pub fn ranking(&self, names: &Names) -> Vec<(usize, String, f64, u8)> {
        self.data
            .shown()
            .map(|data| {
                data.assessments
                    .iter()
                    .map(|a| (a.rank, names.secretary(Some(a.secretary)), a.total, a.stars))
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl super::View for CompareScreen {
    /// Draws the screen.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        let period = ctx.period;
        screen_title(ui, lang.nav_compare());
        super::widgets::period_bar(
            ui,
            ctx,
            &[
                (
                    lang.print_ranking(),
                    Printable::Ledger(LedgerPrintout::Ranking(period)),
                ),
                (
                    lang.print_report(),
                    Printable::Ledger(LedgerPrintout::Report(period)),
                ),
            ],
            &mut commands,
        );
        if tabs(
            ui,
            &mut self.controls.view,
            &[
                (View::Ranking, lang.view_ranking()),
                (View::Trend, lang.view_trend()),
                (View::SideBySide, lang.view_side_by_side()),
                (View::Areas, lang.view_areas()),
                (View::Criteria, lang.view_criteria()),
            ],
        ) {
            // The score form belongs to the ranking.
            self.controls.scores = None;
        }
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        let Some(data) = self.data.show(ui, ctx, &period, load) else {
            return commands;
        };
        let model = &Model { names, data };
        match self.controls.view {
            View::Ranking => {
                if let Some(who) = ranking_ui(ui, lang, model) {
                    self.controls.scores = Some(ScoreForm::new(who, period, model));
                }
            }
            // A table and a chart: they scroll together when the window is short.
            View::Trend => {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    self.controls
                        .trend_ui(ui, ctx, &mut self.trend, period, model);
                });
            }
            View::SideBySide => {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    self.controls.side_by_side_ui(ui, lang, model);
                });
            }
            View::Areas => {
                egui::ScrollArea::vertical().show(ui, |ui| areas_ui(ui, lang, model));
            }
            View::Criteria => commands.extend(self.controls.criteria_ui(ui, lang, model)),
        }
        if let Some(form) = &mut self.controls.scores {
            let (command, closed) = form.ui(ui, lang, model);
            commands.extend(command);
            if closed {
                self.controls.scores = None;
            }
        }
        commands
    }

    /// After a write: the score form closes if it succeeded.
    fn write_finished(&mut self, succeeded: bool) {
        if succeeded {
            self.controls.scores = None;
            // The sheet is read again from the store (and says so if it was saved).
            self.controls.sheet_saved = self.controls.sheet.as_ref().is_some_and(|s| s.saving);
            self.controls.sheet = None;
        } else if let Some(sheet) = &mut self.controls.sheet {
            sheet.saving = false;
        }
    }
}

impl Controls {
    fn trend_ui(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        trend: &mut Memo<(Period, SecretaryId), Vec<(Period, f64)>>,
        period: Period,
        model: &Model<'_>,
    ) {
        let lang = ctx.lang;
        ui.horizontal(|ui| {
            ui.label(lang.col_name());
            let people = in_office(&model.names.roster);
            combo(
                ui,
                "trend-who",
                lang.col_name(),
                &mut self.trend_who,
                &people,
                None,
                |id| model.names.secretary(Some(id)),
            );
        });
        let Some(who) = self.trend_who else {
            ui.label(RichText::new(lang.choose_secretary()).weak());
            return;
        };
        trend.refresh(ctx, &(period, who), load_trend);
        let Some(points) = super::data::ready(ui, lang, trend.get(&(period, who))) else {
            return;
        };
        // Periods in words, as everywhere: 2026年第三季度.
        let labels: Vec<String> = points.iter().map(|(p, _)| lang.period_name(*p)).collect();
        let line = Line::new(
            model.names.secretary(Some(who)),
            points
                .iter()
                .enumerate()
                .map(|(i, (_, total))| [i as f64, *total])
                .collect::<PlotPoints<'_>>(),
        );
        Plot::new("trend")
            .height(280.0)
            .legend(Legend::default().follow_insertion_order(true))
            .include_y(0.0)
            .include_y(100.0)
            .x_axis_formatter(move |mark, _| {
                labels
                    .get(mark.value.round() as usize)
                    .filter(|_| (mark.value - mark.value.round()).abs() < 1e-6)
                    .cloned()
                    .unwrap_or_default()
            })
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .show(ui, |plot| plot.line(line));
        for (period, total) in points {
            ui.label(format!(
                "{}{}{}",
                lang.period_name(*period),
                lang.say_colon(),
                format_score(*total)
            ));
        }
    }

    fn side_by_side_ui(&mut self, ui: &mut Ui, lang: Lang, model: &Model<'_>) {
        ui.horizontal(|ui| {
            ui.radio_value(&mut self.pick_areas, false, lang.two_secretaries());
            ui.radio_value(&mut self.pick_areas, true, lang.two_areas());
        });
        let area_ids: Vec<AreaId> = model.names.areas.iter().map(|a| a.id).collect();
        let area_name = |id: AreaId| {
            model
                .names
                .areas
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.name.clone())
                .unwrap_or_default()
        };
        let people = in_office(&model.names.roster);
        ui.horizontal(|ui| {
            for (index, label) in [lang.compare_a(), lang.compare_b()].iter().enumerate() {
                ui.label(*label);
                if self.pick_areas {
                    combo(
                        ui,
                        &format!("side-area-{index}"),
                        label,
                        &mut self.side_areas[index],
                        &area_ids,
                        None,
                        area_name,
                    );
                } else {
                    combo(
                        ui,
                        &format!("side-who-{index}"),
                        label,
                        &mut self.side[index],
                        &people,
                        None,
                        |id| model.names.secretary(Some(id)),
                    );
                }
            }
        });
        // Per criterion, the two scores (for areas: the mean of their secretaries).
        let column = |index: usize| -> Option<(String, Vec<f64>, f64)> {
            if self.pick_areas {
                let area = self.side_areas[index]?;
                let members: Vec<&Assessment> = model
                    .assessments
                    .iter()
                    .filter(|a| model.area_of(a.secretary) == Some(area))
                    .collect();
                if members.is_empty() {
                    return Some((area_name(area), vec![0.0; model.criteria.len()], 0.0));
                }
                let n = members.len() as f64;
                let scores = (0..model.criteria.len())
                    .map(|i| members.iter().map(|a| a.scores[i].score).sum::<f64>() / n)
                    .collect();
                let total = members.iter().map(|a| a.total).sum::<f64>() / n;
                Some((area_name(area), scores, total))
            } else {
                let who = self.side[index]?;
                let assessment = model.of(who)?;
                Some((
                    model.names.secretary(Some(who)),
                    assessment.scores.iter().map(|s| s.score).collect(),
                    assessment.total,
                ))
            }
        };
        let (Some(a), Some(b)) = (column(0), column(1)) else {
            ui.label(RichText::new(lang.choose_two()).weak());
            return;
        };
        egui::Grid::new("side-by-side")
            .striped(true)
            .spacing([24.0, 4.0])
            .show(ui, |ui| {
                ui.strong(lang.col_criterion());
                ui.strong(&a.0);
                ui.strong(&b.0);
                ui.end_row();
                for (i, criterion) in model.criteria.iter().enumerate() {
                    ui.label(&criterion.name);
                    ui.label(format_score(a.1[i]));
                    ui.label(format_score(b.1[i]));
                    ui.end_row();
                }
                ui.strong(lang.col_total());
                ui.strong(format_score(a.2));
                ui.strong(format_score(b.2));
                ui.end_row();
            });
        let bars = |offset: f64, values: &[f64], name: &str, color| {
            BarChart::new(
                name.to_owned(),
                values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| Bar::new(i as f64 + offset, *v).width(0.35))
                    .collect(),
            )
            .color(color)
        };
        let names: Vec<String> = model.criteria.iter().map(|c| c.name.clone()).collect();
        Plot::new("side-by-side-chart")
            .height(240.0)
            .legend(Legend::default().follow_insertion_order(true))
            .x_axis_formatter(move |mark, _| {
                names
                    .get(mark.value.round() as usize)
                    .filter(|_| (mark.value - mark.value.round()).abs() < 1e-6)
                    .cloned()
                    .unwrap_or_default()
            })
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .show(ui, |plot| {
                plot.bar_chart(bars(
                    -0.18,
                    &a.1,
                    &a.0,
                    egui::Color32::from_rgb(200, 40, 40),
                ));
                plot.bar_chart(bars(
                    0.18,
                    &b.1,
                    &b.0,
                    egui::Color32::from_rgb(60, 110, 200),
                ));
            });
    }

    fn criteria_ui(&mut self, ui: &mut Ui, lang: Lang, model: &Model<'_>) -> Option<Command> {
        let sheet = self.sheet.get_or_insert_with(|| SheetForm {
            rows: model
                .criteria
                .iter()
                .map(|c| {
                    (
                        c.id,
                        c.name.clone(),
                        format_score(c.max_score),
                        format_score(c.target_per_year),
                    )
                })
                .collect(),
            thresholds: model.thresholds.to_text(),
            new_name: String::new(),
            new_part: Some(CriterionPart::Base),
            new_source: Some(crate::domain::assessment::CriterionSource::Manual),
            error: None,
            saved: std::mem::take(&mut self.sheet_saved),
            saving: false,
        });
        let mut command = None;
        ui.label(RichText::new(lang.criteria_explained()).weak());
        egui::Grid::new("criteria-sheet")
            .striped(true)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for title in [
                    lang.col_criterion(),
                    lang.col_part(),
                    lang.col_max_score(),
                    lang.col_source(),
                    lang.col_target_per_year(),
                ] {
                    ui.strong(title);
                }
                ui.end_row();
                for (criterion, (_, name, max, target)) in
                    model.criteria.iter().zip(&mut sheet.rows)
                {
                    name_text_field(
                        ui.add_sized([120.0, 20.0], egui::TextEdit::singleline(name)),
                        &format!("{} {}", lang.col_criterion(), criterion.name),
                    );
                    ui.label(lang.criterion_part(criterion.part));
                    name_text_field(
                        ui.add_sized([50.0, 20.0], egui::TextEdit::singleline(max)),
                        &format!("{} {}", lang.col_max_score(), criterion.name),
                    );
                    ui.label(lang.criterion_source(criterion.source));
                    if criterion.source == CriterionSource::Manual
                        || criterion.source == CriterionSource::AttendanceRate
                    {
                        ui.label("");
                    } else {
                        name_text_field(
                            ui.add_sized([50.0, 20.0], egui::TextEdit::singleline(target)),
                            &format!("{} {}", lang.col_target_per_year(), criterion.name),
                        );
                    }
                    if super::widgets::row_button(ui, lang.delete(), &criterion.name).clicked() {
                        command = Some(Command::Write(Change::DeleteRecord(
                            crate::store::SystemRecord::Criterion(criterion.id),
                        )));
                    }
                    ui.end_row();
                }
            });
        ui.horizontal(|ui| {
            let label = ui.label(lang.star_thresholds());
            ui.add_sized(
                [160.0, 20.0],
                egui::TextEdit::singleline(&mut sheet.thresholds),
            )
            .labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            if ui.button(lang.save_criteria()).clicked() {
                let number = |t: &str| {
                    t.trim()
                        .parse::<f64>()
                        .ok()
                        .filter(|v| v.is_finite() && (0.0..=1000.0).contains(v))
                };
                let thresholds = StarThresholds::parse(&sheet.thresholds);
                let rows: Option<Vec<_>> = sheet
                    .rows
                    .iter()
                    .map(|(id, name, max, target)| {
                        let target = if target.trim().is_empty() {
                            Some(0.0)
                        } else {
                            number(target)
                        };
                        Some((*id, name.trim().to_owned(), number(max)?, target?))
                            .filter(|r| !r.1.is_empty())
                    })
                    .collect();
                match (rows, thresholds) {
                    (Some(rows), Some(thresholds)) => {
                        sheet.error = None;
                        sheet.saving = true;
                        command = Some(Command::Write(Change::UpdateCriteria(
                            rows,
                            thresholds.to_text(),
                        )));
                    }
                    (None, _) => sheet.error = Some(lang.criteria_invalid().to_owned()),
                    (_, None) => sheet.error = Some(lang.thresholds_invalid().to_owned()),
                }
            }
            if let Some(error) = &sheet.error {
                ui.colored_label(ERROR_RED, error);
            } else if sheet.saved {
                ui.label(
                    RichText::new(lang.criteria_saved())
                        .color(egui::Color32::from_rgb(40, 140, 60)),
                );
            }
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let label = ui.label(lang.new_criterion());
            ui.add_sized(
                [120.0, 20.0],
                egui::TextEdit::singleline(&mut sheet.new_name),
            )
            .labelled_by(label.id);
            combo(
                ui,
                "new-criterion-part",
                lang.col_part(),
                &mut sheet.new_part,
                CriterionPart::ALL,
                None,
                |p| lang.criterion_part(p).to_owned(),
            );
            combo(
                ui,
                "new-criterion-source",
                lang.col_source(),
                &mut sheet.new_source,
                crate::domain::assessment::CriterionSource::ALL,
                None,
                |s| lang.criterion_source(s).to_owned(),
            );
            if ui.button(lang.add()).clicked() && !sheet.new_name.trim().is_empty() {
                command = Some(Command::Write(Change::AddCriterion(
                    sheet.new_name.trim().to_owned(),
                    sheet.new_part.unwrap_or(CriterionPart::Base),
                    10.0,
                    sheet
                        .new_source
                        .unwrap_or(crate::domain::assessment::CriterionSource::Manual),
                )));
            }
        });
        command
    }
}
