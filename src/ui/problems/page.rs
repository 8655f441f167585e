//! One problem's page: its record, its history and the form to record progress.

use super::ProblemForm;
use super::state_text;
use crate::domain::problem::{ProblemState, ProblemSummary, check_state_change};
use crate::domain::session::parse_day;
use crate::domain::{ProblemId, SecretaryId, SessionId};
use crate::store::{HistoryEntry, Store};
use crate::ui::data::Memo;
use crate::ui::widgets::{choice, text_field};
use crate::ui::{Change, Command, Screen, ViewContext};
use chrono::NaiveDate;
use egui::{RichText, Ui};

/// A problem (if it still exists), its history, recent sessions and the pairing it hangs on
/// ("helper → helped"), loaded once per store generation.
type PageModel = (
    Option<ProblemSummary>,
    Vec<HistoryEntry>,
    Vec<(SessionId, NaiveDate, String)>,
    Option<String>,
    Vec<crate::domain::picture::PictureInfo>,
);

fn load_page(store: &Store, id: &ProblemId) -> crate::store::Result<PageModel> {
    let problem = store.problem(*id)?;
    let pair = match problem.as_ref().and_then(|p| p.fields.pairing_id) {
        Some(pairing) => store
            .pairings()?
            .into_iter()
            .find(|p| p.id == pairing)
            .map(|p| (p.fields.strong, p.fields.weak)),
        None => None,
    };
    let pair = match pair {
        Some((strong, weak)) => {
            let name = |id: SecretaryId| -> crate::store::Result<String> {
                Ok(store
                    .secretary(id)?
                    .map(|s| s.fields.name)
                    .unwrap_or_default())
            };
            Some(format!("{} → {}", name(strong)?, name(weak)?))
        }
        None => None,
    };
    Ok((
        problem,
        store.problem_history(*id)?,
        store.recent_sessions(12)?,
        pair,
        store.pictures_of(crate::domain::picture::PictureOwner::Problem(*id))?,
    ))
}

/// One problem's page: its record, history, and the form to record progress.
#[derive(Default)]
pub struct ProblemPage {
    page: Memo<ProblemId, PageModel>,
    /// Its photos (of the problem on the ground, of the solution).
    pictures: crate::ui::pictures::Pictures,
    /// The problem the progress form was last set up for.
    form_of: Option<ProblemId>,
    progress: ProgressForm,
    /// The edit form, when open.
    form: Option<ProblemForm>,
}

/// 记录进展: the next step of a problem, as typed.
#[derive(Default)]
struct ProgressForm {
    new_state: Option<ProblemState>,
    date: String,
    actor: String,
    /// The helping secretary was offered as 经办人.
    actor_offered: bool,
    note: String,
    /// The session where the progress was made, if any.
    session: Option<SessionId>,
    /// A refused change: whether it concerns the note (else the date), and why.
    change_error: Option<(bool, &'static str)>,
}

impl crate::ui::View for ProblemPage {
    fn file_changed(&mut self) {
        self.form = None;
        self.form_of = None;
        self.pictures.clear();
    }

    fn unsaved(&self) -> Option<crate::ui::drafts::Draft> {
        let progress = !self.progress.note.trim().is_empty();
        self.form
            .as_ref()
            .and_then(ProblemForm::unsaved)
            .or_else(|| progress.then_some(crate::ui::drafts::Draft::Unkept))
    }

    /// Draws the page of the problem shown.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let Screen::Problem(id) = ctx.screen else {
            return Vec::new();
        };
        let lang = ctx.lang;
        let mut commands = Vec::new();
        if self.form_of != Some(id) {
            self.form_of = Some(id);
            self.progress = ProgressForm {
                date: ctx.today.format("%Y-%m-%d").to_string(),
                ..ProgressForm::default()
            };
        }
        if ui.button(format!("← {}", lang.back())).clicked() {
            commands.push(Command::Navigate(Screen::Problems));
        }
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        let Some((problem, history, recent, pair, pictures)) =
            self.page.show(ui, ctx, &id, load_page)
        else {
            return commands;
        };
        let Some(problem) = problem else {
            ui.label(lang.store_error(&crate::store::Error::RecordNotFound));
            return commands;
        };
        let fields = &problem.fields;
        // A step is most often the helping secretary's: offered as its 经办人.
        if !self.progress.actor_offered {
            self.progress.actor_offered = true;
            if self.progress.actor.is_empty() {
                self.progress.actor = names.secretary(fields.helper_id);
            }
        }
        ui.horizontal(|ui| {
            ui.heading(format!("{} · {}", lang.problem_page(), fields.title));
            ui.label(state_text(lang, problem, ctx.today));
        });
        ui.horizontal(|ui| {
            if ui.button(lang.edit()).clicked() {
                let first_progress = history
                    .iter()
                    .filter(|h| h.event.state != ProblemState::Raised)
                    .map(|h| h.event.date)
                    .min();
                self.form = Some(ProblemForm::edit(
                    id,
                    fields,
                    problem.state,
                    first_progress,
                    ctx.actor,
                ));
            }
            if ui.button(lang.delete_problem()).clicked() {
                commands.push(Command::Write(Change::DeleteProblem(id)));
            }
        });
        ui.columns(2, |columns| {
            commands.extend(details(
                &mut columns[0],
                lang,
                problem,
                names,
                pair.as_deref(),
            ));
            columns[0].add_space(10.0);
            commands.extend(self.pictures.ui(
                &mut columns[0],
                ctx,
                crate::domain::picture::PictureOwner::Problem(id),
                pictures,
            ));
            let ui = &mut columns[1];
            history_grid(ui, lang, history);
            ui.add_space(10.0);
            commands.extend(self.progress.ui(ui, ctx, problem, history, recent));
        });
        if let Some(form) = &mut self.form {
            match form.ui(ui, lang, ctx.today, names) {
                Some(command) => commands.push(command),
                None if form.closed => self.form = None,
                None => {}
            }
        }
        commands
    }

    /// Called after a write: clears the progress form if it was recorded.
    fn write_finished(&mut self, succeeded: bool) {
        if succeeded {
            // A recorded step is not offered again: the form starts blank (its date stays).
            self.progress = ProgressForm {
                date: std::mem::take(&mut self.progress.date),
                actor: std::mem::take(&mut self.progress.actor),
                actor_offered: true,
                ..ProgressForm::default()
            };
        }
        ProblemForm::write_finished(&mut self.form, succeeded);
    }
}

/// The problem's record, field by field; its base's name opens the base's page.
fn details(
    ui: &mut Ui,
    lang: crate::i18n::Lang,
    problem: &ProblemSummary,
    names: &crate::ui::data::Names,
    pair: Option<&str>,
) -> Option<Command> {
    let fields = &problem.fields;
    let mut command = None;
    // Long text wraps within its half of the page instead of running under the history.
    let value_width = (ui.available_width() - 150.0).max(200.0);
    let day = |d: Option<NaiveDate>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    let row = |ui: &mut Ui, label: &str, value: String| {
        ui.label(RichText::new(label).weak());
        ui.scope(|ui| {
            ui.set_max_width(value_width);
            ui.add(egui::Label::new(value).wrap());
        });
        ui.end_row();
    };
    egui::Grid::new("problem-details")
        .num_columns(2)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for (label, value) in [
                (lang.col_description(), fields.description.clone()),
                (
                    lang.col_category(),
                    lang.problem_category(fields.category).to_owned(),
                ),
                (lang.col_branch(), names.branch(fields.branch_id)),
                (lang.col_raised_by(), names.secretary(fields.raised_by)),
                (lang.col_raised_on(), day(Some(fields.raised_on))),
                (lang.col_responsible(), fields.responsible.clone()),
                (lang.col_helper(), names.secretary(fields.helper_id)),
                (lang.col_pairing(), pair.unwrap_or_default().to_owned()),
            ] {
                row(ui, label, value);
            }
            command = crate::ui::bases::base_link_row(ui, lang, names, fields.base_id);
            for (label, value) in [
                (lang.col_deadline(), day(fields.deadline)),
                (lang.col_resolution(), problem.resolution.clone()),
            ] {
                row(ui, label, value);
            }
        });
    command
}

/// Every step of the problem: when, what, who, and the note.
fn history_grid(ui: &mut Ui, lang: crate::i18n::Lang, history: &[HistoryEntry]) {
    ui.strong(lang.history());
    egui::Grid::new("problem-history")
        .striped(true)
        .num_columns(4)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for entry in history {
                ui.label(entry.event.date.format("%Y-%m-%d").to_string());
                ui.label(lang.problem_state(entry.event.state));
                ui.label(&entry.event.actor);
                // A long note wraps instead of running past the window's edge.
                ui.scope(|ui| {
                    ui.set_max_width(ui.available_width().clamp(240.0, 520.0));
                    ui.add(egui::Label::new(&entry.event.note).wrap());
                });
                ui.end_row();
            }
        });
}

impl ProgressForm {
    /// Draws the form; returns the step to record when it is valid.
    fn ui(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        problem: &ProblemSummary,
        history: &[HistoryEntry],
        recent: &[(SessionId, NaiveDate, String)],
    ) -> Option<Command> {
        let lang = ctx.lang;
        ui.strong(lang.change_state());
        egui::Grid::new("problem-change")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                choice(
                    ui,
                    "problem-new-state",
                    lang.new_state(),
                    &mut self.new_state,
                    ProblemState::ALL,
                    None,
                    |s| lang.problem_state(s).to_owned(),
                );
                ui.end_row();
                let date_error = self
                    .change_error
                    .filter(|(on_note, _)| !*on_note)
                    .map(|(_, m)| m);
                text_field(
                    ui,
                    lang.col_date(),
                    &mut self.date,
                    lang.day_hint(),
                    date_error,
                );
                text_field(ui, lang.col_actor(), &mut self.actor, "", None);
                let note_error = self
                    .change_error
                    .filter(|(on_note, _)| *on_note)
                    .map(|(_, m)| m);
                // A resolution is asked for by its name.
                let note_label = if self.new_state == Some(ProblemState::Resolved) {
                    lang.col_resolution()
                } else {
                    lang.col_note()
                };
                text_field(ui, note_label, &mut self.note, "", note_error);
                let offered: Vec<SessionId> = recent.iter().map(|(id, _, _)| *id).collect();
                choice(
                    ui,
                    "problem-followed-at",
                    lang.followed_at(),
                    &mut self.session,
                    &offered,
                    Some(lang.no_session()),
                    |id| {
                        recent
                            .iter()
                            .find(|(s, _, _)| *s == id)
                            .map(|(_, day, topic)| format!("{} {topic}", day.format("%Y-%m-%d")))
                            .unwrap_or_default()
                    },
                );
                ui.end_row();
            });
        // In a row of its own: the column would stretch a lone button across its width.
        let clicked = ui
            .horizontal(|ui| {
                ui.add_enabled(
                    self.new_state.is_some(),
                    egui::Button::new(lang.record_change()),
                )
                .on_hover_text("Ctrl+S")
            })
            .inner
            .clicked()
            // 保存 answered to the question about unsaved work, or Ctrl+S.
            || (self.new_state.is_some()
                && (crate::ui::widgets::save_requested(ui)
                    || crate::ui::widgets::enter_confirms(ui)));
        let latest = history.iter().map(|h| h.event.date).max();
        let check = |state: ProblemState| {
            parse_day(&self.date)
                .ok_or((false, lang.error_not_a_date()))
                .and_then(|date| {
                    check_state_change(
                        problem.fields.raised_on,
                        latest,
                        state,
                        date,
                        &self.note,
                        ctx.today,
                    )
                    .map(|()| date)
                    .map_err(|e| {
                        let on_note =
                            e == crate::domain::problem::StateChangeError::ResolutionMissing;
                        (on_note, lang.state_change_error(e))
                    })
                })
        };
        // A message shown follows the corrections as they are typed.
        if self.change_error.is_some()
            && let Some(state) = self.new_state
        {
            self.change_error = check(state).err();
        }
        let state = self.new_state.filter(|_| clicked)?;
        let checked = check(state);
        match checked {
            Err(message) => {
                self.change_error = Some(message);
                None
            }
            Ok(date) => {
                self.change_error = None;
                Some(Command::Write(Change::RecordProblemEvent {
                    problem: problem.id,
                    state,
                    date,
                    actor: self.actor.trim().to_owned(),
                    note: self.note.trim().to_owned(),
                    session: self.session,
                }))
            }
        }
    }
}
