//! The ranking table with each score explained, and the comparison of areas.

use super::Model;
use crate::domain::SecretaryId;
use crate::domain::assessment::{Criterion, Explanation, format_score};
use crate::i18n::Lang;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, Plot};

/// The ranking table; returns the secretary whose scores were opened.
pub(super) fn ranking_ui(ui: &mut Ui, lang: Lang, model: &Model<'_>) -> Option<SecretaryId> {
    let mut opened = None;
    ui.label(RichText::new(lang.ranking_explained()).weak());
    // Each criterion's column as wide as its name (组织建设, 破解难题…), never cut.
    let widths: Vec<f32> = model
        .criteria
        .iter()
        .map(|criterion| {
            let name = egui::WidgetText::from(RichText::new(&criterion.name).strong()).into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            );
            (name.size().x + 12.0).max(58.0)
        })
        .collect();
    let mut table = TableBuilder::new(ui)
        .striped(true)
        .column(Column::exact(40.0))
        .column(Column::exact(70.0));
    for width in widths {
        table = table.column(Column::exact(width));
    }
    table
        .column(Column::exact(50.0))
        .column(Column::exact(80.0))
        .column(Column::remainder())
        .header(22.0, |mut header| {
            header.col(|ui| {
                ui.strong(lang.col_rank());
            });
            header.col(|ui| {
                ui.strong(lang.col_name());
            });
            for criterion in &model.criteria {
                header.col(|ui| {
                    ui.strong(&criterion.name).on_hover_ui(|ui| {
                        ui.label(format!(
                            "{} · {} {}",
                            lang.criterion_source(criterion.source),
                            lang.col_max_score(),
                            format_score(criterion.max_score)
                        ));
                    });
                });
            }
            header.col(|ui| {
                ui.strong(lang.col_total());
            });
            header.col(|ui| {
                ui.strong(lang.col_stars());
            });
            header.col(|_| {});
        })
        .body(|body| {
            body.rows(22.0, model.assessments.len(), |mut row| {
                let assessment = &model.assessments[row.index()];
                let name = model.names.secretary(Some(assessment.secretary));
                row.col(|ui| {
                    ui.label(assessment.rank.to_string());
                });
                row.col(|ui| {
                    ui.label(&name);
                });
                for (score, criterion) in assessment.scores.iter().zip(&model.criteria) {
                    row.col(|ui| {
                        let text = RichText::new(format_score(score.score));
                        let text = if score.explanation == Explanation::NotEntered {
                            text.weak()
                        } else {
                            text
                        };
                        ui.label(text)
                            // Worked out only when hovered, not for every cell every frame.
                            .on_hover_ui(|ui| {
                                ui.label(explain(lang, criterion, &score.explanation));
                            });
                    });
                }
                row.col(|ui| {
                    ui.strong(format_score(assessment.total));
                });
                row.col(|ui| {
                    ui.label(
                        RichText::new("★".repeat(usize::from(assessment.stars)))
                            .color(egui::Color32::from_rgb(210, 150, 0)),
                    );
                });
                row.col(|ui| {
                    if crate::ui::widgets::row_button(ui, lang.enter_scores(), &name).clicked() {
                        opened = Some(assessment.secretary);
                    }
                });
            });
        });
    opened
}

/// Why a score is what it is, in words.
pub fn explain(lang: Lang, criterion: &Criterion, explanation: &Explanation) -> String {
    match explanation {
        Explanation::Attendance { attended, expected } => {
            lang.explain_attendance(*attended, *expected, &format_score(criterion.max_score))
        }
        Explanation::NoSessions => lang.explain_no_sessions().to_owned(),
        Explanation::AgainstTarget { value, target } => lang.explain_target(
            lang.criterion_source(criterion.source),
            &format_score(*value),
            &format_score(*target),
            &format_score(criterion.target_per_year),
            &format_score(criterion.max_score),
        ),
        Explanation::ThemeDays { on_time, planned } => {
            lang.explain_theme_days(*on_time, *planned, &format_score(criterion.max_score))
        }
        Explanation::Appraisal(grade) => lang.explain_appraisal(*grade),
        Explanation::Manual(note) if note.is_empty() => lang.explain_manual().to_owned(),
        Explanation::Manual(note) => format!("{}：{note}", lang.explain_manual()),
        Explanation::NotEntered => lang.explain_not_entered().to_owned(),
    }
}

pub(super) fn areas_ui(ui: &mut Ui, lang: Lang, model: &Model<'_>) {
    let areas: Vec<(String, f64)> = model
        .names
        .areas
        .iter()
        .filter(|a| !a.archived)
        .filter_map(|a| Some((a.name.clone(), model.area_mean(a.id)?)))
        .collect();
    ui.label(RichText::new(lang.areas_explained()).weak());
    for (name, mean) in &areas {
        ui.label(format!("{name}: {}", format_score(*mean)));
    }
    let names: Vec<String> = areas.iter().map(|(n, _)| n.clone()).collect();
    Plot::new("areas-chart")
        .height(260.0)
        .include_y(0.0)
        .include_y(100.0)
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
            plot.bar_chart(
                BarChart::new(
                    lang.col_total().to_owned(),
                    areas
                        .iter()
                        .enumerate()
                        .map(|(i, (_, mean))| Bar::new(i as f64, *mean).width(0.5))
                        .collect(),
                )
                .color(egui::Color32::from_rgb(200, 40, 40)),
            );
        });
}
