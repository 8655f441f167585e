//! 概览: the studio at a glance — secretaries per area and level, branches by kind.

use super::ViewContext;
use super::widgets::screen_title;
use crate::domain::Level;
use crate::store::DashboardFigures;
use egui::{Color32, RichText, Ui};

/// The dashboard screen.
#[derive(Default)]
pub struct DashboardScreen {
    cache: Option<(u64, Result<Model, String>)>,
}

/// What the dashboard shows, computed once per store generation.
struct Model {
    figures: DashboardFigures,
    branches: usize,
    /// Rows of the area × level table: area name, counts per level (town, village, group, unset).
    areas: Vec<(String, [i64; 4])>,
}

fn level_index(level: Option<Level>) -> usize {
    match level {
        Some(Level::Town) => 0,
        Some(Level::Village) => 1,
        Some(Level::Group) => 2,
        None => 3,
    }
}

impl DashboardScreen {
    fn model<'a>(&'a mut self, ctx: &ViewContext<'_>) -> &'a Result<Model, String> {
        let generation = ctx.store.generation();
        if self.cache.as_ref().is_none_or(|(g, _)| *g != generation) {
            let model = ctx
                .store
                .dashboard_figures()
                .map_err(|e| ctx.lang.store_error(&e))
                .map(|figures| {
                    let mut areas: Vec<(String, [i64; 4])> = Vec::new();
                    for (area, level, count) in &figures.secretaries_by_area_level {
                        let name = if area.is_empty() {
                            ctx.lang.no_area().to_owned()
                        } else {
                            area.clone()
                        };
                        let index = if let Some(index) = areas.iter().position(|(a, _)| *a == name)
                        {
                            index
                        } else {
                            areas.push((name, [0; 4]));
                            areas.len() - 1
                        };
                        areas[index].1[level_index(*level)] += count;
                    }
                    let branches = figures
                        .branches_by_kind
                        .iter()
                        .map(|(_, n)| *n as usize)
                        .sum();
                    Model {
                        figures,
                        branches,
                        areas,
                    }
                });
            self.cache = Some((generation, model));
        }
        match &self.cache {
            Some((_, model)) => model,
            None => unreachable!("filled above"),
        }
    }

    /// Draws the dashboard.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) {
        let lang = ctx.lang;
        screen_title(ui, lang.dashboard_title());
        let model = match self.model(ctx) {
            Ok(model) => model,
            Err(message) => {
                ui.colored_label(super::widgets::ERROR_RED, message);
                return;
            }
        };
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
    }
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
                ui.label(area);
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
