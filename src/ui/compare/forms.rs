//! The forms of the compare screen: one secretary's hand-entered scores, and the criteria
//! sheet.

use super::Model;
use super::ranking::explain;
use crate::domain::SecretaryId;
use crate::domain::assessment::{
    CriterionId, CriterionPart, CriterionSource, Explanation, ManualScore, format_score,
};
use crate::domain::period::Period;
use crate::i18n::Lang;
use crate::ui::widgets::{ERROR_RED, name_text_field};
use crate::ui::{Change, Command};
use egui::Ui;

/// Hand-entered scores of one secretary being typed.
pub(super) struct ScoreForm {
    pub(super) secretary: SecretaryId,
    pub(super) period: Period,
    pub(super) rows: Vec<(CriterionId, String, String)>,
    pub(super) error: Option<String>,
}

/// The criteria sheet being edited.
pub(super) struct SheetForm {
    pub(super) rows: Vec<(CriterionId, String, String, String)>,
    pub(super) thresholds: String,
    pub(super) new_name: String,
    pub(super) new_part: Option<CriterionPart>,
    /// Where the new criterion's score comes from.
    pub(super) new_source: Option<crate::domain::assessment::CriterionSource>,
    pub(super) error: Option<String>,
    /// Saved and not edited since.
    pub(super) saved: bool,
    /// Sent to be saved.
    pub(super) saving: bool,
}

impl ScoreForm {
    pub(super) fn new(secretary: SecretaryId, period: Period, model: &Model<'_>) -> Self {
        let assessment = model.of(secretary);
        let rows = model
            .criteria
            .iter()
            .enumerate()
            .filter(|(_, c)| c.source == CriterionSource::Manual)
            .map(|(i, c)| {
                let entered = assessment.and_then(|a| match &a.scores[i].explanation {
                    Explanation::Manual(note) => {
                        Some((format_score(a.scores[i].score), note.clone()))
                    }
                    _ => None,
                });
                let (score, note) = entered.unwrap_or_default();
                (c.id, score, note)
            })
            .collect();
        Self {
            secretary,
            period,
            rows,
            error: None,
        }
    }

    /// Draws the form; returns the write to make, and whether it was cancelled.
    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        model: &Model<'_>,
    ) -> (Option<Command>, bool) {
        let mut command = None;
        let mut closed = crate::ui::widgets::escape_pressed(ui);
        let name = model.names.secretary(Some(self.secretary));
        let title = format!(
            "{} — {} {}",
            lang.score_title(),
            name,
            lang.period_name(self.period)
        );
        crate::ui::widgets::form_window(ui, &title, "score-form", 560.0, |ui| {
            // The computed criteria, explained.
            if let Some(assessment) = model.of(self.secretary) {
                egui::Grid::new("computed-scores")
                    .spacing([12.0, 4.0])
                    .show(ui, |ui| {
                        for (score, criterion) in assessment.scores.iter().zip(&model.criteria) {
                            if criterion.source == CriterionSource::Manual {
                                continue;
                            }
                            ui.label(&criterion.name);
                            ui.strong(format_score(score.score));
                            ui.label(explain(lang, criterion, &score.explanation));
                            ui.end_row();
                        }
                    });
                ui.separator();
            }
            egui::Grid::new("manual-scores")
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    ui.strong(lang.col_criterion());
                    ui.strong(lang.col_score());
                    ui.strong(lang.col_score_note());
                    ui.end_row();
                    for (id, score, note) in &mut self.rows {
                        let criterion = model.criteria.iter().find(|c| c.id == *id);
                        let label = criterion.map(|c| c.name.clone()).unwrap_or_default();
                        let max = criterion.map_or(0.0, |c| c.max_score);
                        ui.label(format!("{label}（≤{}）", format_score(max)));
                        name_text_field(
                            ui.add_sized([50.0, 20.0], egui::TextEdit::singleline(score)),
                            &format!("{} {label}", lang.col_score()),
                        );
                        name_text_field(
                            ui.add_sized([300.0, 20.0], egui::TextEdit::singleline(note)),
                            &format!("{} {label}", lang.col_score_note()),
                        );
                        ui.end_row();
                    }
                });
            // The first score out of its range, with its criterion's name and maximum; the
            // message follows the corrections as they are typed.
            let first_bad = self.rows.iter().find_map(|(id, score, _)| {
                let criterion = model.criteria.iter().find(|c| c.id == *id)?;
                let fine = score.trim().is_empty()
                    || score
                        .trim()
                        .parse::<f64>()
                        .is_ok_and(|v| (0.0..=criterion.max_score).contains(&v));
                (!fine).then(|| {
                    lang.score_out_of_range(&criterion.name, &format_score(criterion.max_score))
                })
            });
            if self.error.is_some() {
                self.error.clone_from(&first_bad);
            }
            ui.horizontal(|ui| {
                if crate::ui::widgets::save_button(ui, lang, false) {
                    if first_bad.is_some() {
                        self.error = first_bad;
                    } else {
                        let scores = self
                            .rows
                            .iter()
                            .map(|(id, score, note)| {
                                let value = score.trim().parse::<f64>().ok();
                                (
                                    *id,
                                    value.map(|score| ManualScore {
                                        score,
                                        note: note.trim().to_owned(),
                                    }),
                                )
                            })
                            .collect();
                        self.error = None;
                        command = Some(Command::Write(Change::SetScores(
                            self.secretary,
                            self.period,
                            scores,
                        )));
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
