//! 难题台账: problems raised by branches, their state, history and follow-up.

use super::data::{Memo, Names};
use super::widgets::{ERROR_RED, choice, screen_title};
use super::{Command, Screen, ViewContext};
use crate::domain::problem::{ProblemCategory, ProblemState, ProblemSummary, is_overdue};
use crate::domain::{AreaId, BranchId, ProblemId};
use crate::i18n::Lang;
use crate::store::Store;
use chrono::NaiveDate;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

mod form;

mod page;

pub use form::{ProblemDraft, ProblemForm};
pub use page::ProblemPage;

/// What decides which problems are listed.
type Filters = crate::domain::problem::ProblemFilter;

fn load_problems(store: &Store, (): &()) -> crate::store::Result<Vec<ProblemSummary>> {
    store.problems()
}

/// The problems list (难题台账).
#[derive(Default)]
pub struct ProblemsScreen {
    problems: Memo<(), Vec<ProblemSummary>>,
    filters: Filters,
    visible: super::data::Filtered<(u64, Filters, NaiveDate)>,
    /// The new-problem form, when open.
    form: Option<ProblemForm>,
}

impl ProblemsScreen {
    /// Opens the new-problem form about a strong-with-weak pairing, dated `today`.
    pub fn raise_about_pairing(
        &mut self,
        today: NaiveDate,
        pairing: crate::domain::pairing::PairingId,
    ) {
        let mut form = ProblemForm::new(today, None);
        form.pairing = Some(pairing);
        self.form = Some(form);
    }

    /// The titles listed, in order (for tests).
    pub fn visible_titles(&self) -> Vec<String> {
        self.visible
            .each(self.problems.shown(), |x| x.fields.title.clone())
    }
}

impl super::View for ProblemsScreen {
    fn file_changed(&mut self) {
        self.form = None;
    }

    fn unsaved(&self) -> Option<super::drafts::Draft> {
        self.form.as_ref().and_then(ProblemForm::unsaved)
    }

    fn restore(&mut self, draft: &super::drafts::Draft) -> bool {
        match draft {
            super::drafts::Draft::Problem(draft) if draft.session().is_none() => {
                self.form = Some(ProblemForm::from_draft((**draft).clone()));
                true
            }
            _ => false,
        }
    }

    fn write_finished(&mut self, succeeded: bool) {
        ProblemForm::write_finished(&mut self.form, succeeded);
    }

    /// Draws the list.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        // The title shows at once, while the data is still on its way.
        screen_title(ui, lang.problems_title());
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        self.problems.refresh(ctx, &(), load_problems);
        let Some(problems) = super::data::ready(ui, lang, self.problems.get(&())) else {
            return commands;
        };
        let key = (
            self.problems.loaded_at().unwrap_or_default(),
            self.filters,
            ctx.today,
        );
        let (f, today) = (self.filters, ctx.today);
        self.visible
            .refresh(key, problems, |p| f.matches(p, |b| names.area_of(b), today));
        let f = &mut self.filters;
        ui.horizontal_wrapped(|ui| {
            choice(
                ui,
                "problems-state",
                lang.col_state(),
                &mut f.state,
                ProblemState::ALL,
                Some(lang.all()),
                |s| lang.problem_state(s).to_owned(),
            );
            let areas: Vec<AreaId> = names.areas.iter().map(|a| a.id).collect();
            choice(
                ui,
                "problems-area",
                lang.col_area(),
                &mut f.area,
                &areas,
                Some(lang.all()),
                |id| names.area(Some(id)),
            );
            let branches: Vec<BranchId> = names
                .branches
                .iter()
                .filter(|b| f.area.is_none_or(|a| b.area_id == Some(a)))
                .map(|b| b.id)
                .collect();
            choice(
                ui,
                "problems-branch",
                lang.col_branch(),
                &mut f.branch,
                &branches,
                Some(lang.all()),
                |id| names.branch(Some(id)),
            );
            choice(
                ui,
                "problems-category",
                lang.col_category(),
                &mut f.category,
                ProblemCategory::ALL,
                Some(lang.all()),
                |c| lang.problem_category(c).to_owned(),
            );
            ui.checkbox(&mut f.overdue_only, lang.only_overdue());
            ui.separator();
            if ui.button(lang.raise_problem()).clicked() {
                self.form = Some(ProblemForm::new(ctx.today, None));
            }
            super::widgets::print_buttons(
                ui,
                lang,
                &[(
                    lang.print_problem_ledger(),
                    crate::print::Printable::Ledger(crate::print::LedgerPrintout::Problems(
                        None, *f,
                    )),
                )],
                &mut commands,
            );
        });
        let open = problems.iter().filter(|p| p.state.is_open()).count();
        let overdue = problems
            .iter()
            .filter(|p| is_overdue(p.state, p.fields.deadline, ctx.today))
            .count();
        ui.label(lang.problem_counts(self.visible.rows().len(), open, overdue));
        ui.separator();
        if let Some(id) = problems_table(ui, lang, ctx.today, problems, self.visible.rows(), names)
        {
            commands.push(Command::Navigate(Screen::Problem(id)));
        }
        if let Some(form) = &mut self.form {
            match form.ui(ui, lang, ctx.today, names) {
                Some(command) => commands.push(command),
                None if form.closed => self.form = None,
                None => {}
            }
        }
        commands
    }
}

fn problems_table(
    ui: &mut Ui,
    lang: Lang,
    today: NaiveDate,
    problems: &[ProblemSummary],
    visible: &[usize],
    names: &Names,
) -> Option<ProblemId> {
    let mut open = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .min_scrolled_height(0.0)
        // The title takes the width left over (long titles are the rule); the rest fit their
        // contents.
        .column(Column::remainder().at_least(220.0).clip(true))
        .column(Column::initial(140.0).clip(true))
        .column(Column::initial(66.0))
        .column(Column::initial(104.0))
        .column(Column::initial(140.0).clip(true))
        .column(Column::initial(70.0).clip(true))
        .column(Column::initial(90.0))
        .column(Column::initial(96.0))
        .header(row_height, |mut header| {
            for label in [
                lang.col_title(),
                lang.col_branch(),
                lang.col_category(),
                lang.col_state(),
                lang.col_responsible(),
                lang.col_helper(),
                lang.col_deadline(),
                lang.col_raised_on(),
            ] {
                header.col(|ui| {
                    ui.strong(label);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, visible.len(), |mut row| {
                let p = &problems[visible[row.index()]];
                let late = is_overdue(p.state, p.fields.deadline, today);
                row.col(|ui| {
                    if ui.link(&p.fields.title).clicked() {
                        open = Some(p.id);
                    }
                });
                row.col(|ui| {
                    ui.label(names.branch(p.fields.branch_id));
                });
                row.col(|ui| {
                    ui.label(lang.problem_category(p.fields.category));
                });
                row.col(|ui| {
                    // One line: a wrapped state would run into the next row.
                    ui.add(egui::Label::new(state_text(lang, p, today)).extend());
                });
                row.col(|ui| {
                    ui.label(&p.fields.responsible);
                });
                row.col(|ui| {
                    ui.label(names.secretary(p.fields.helper_id));
                });
                row.col(|ui| {
                    let deadline = p
                        .fields
                        .deadline
                        .map(|d| d.format("%Y-%m-%d").to_string())
                        .unwrap_or_default();
                    ui.label(if late {
                        RichText::new(deadline).color(ERROR_RED).strong()
                    } else {
                        RichText::new(deadline)
                    });
                });
                row.col(|ui| {
                    ui.label(p.fields.raised_on.format("%Y-%m-%d").to_string());
                });
            });
        });
    open
}

/// One line per problem: its title (opening it) and its state, red when overdue.
pub fn problem_links(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    problems: &[ProblemSummary],
) -> Vec<Command> {
    let mut commands = Vec::new();
    for problem in problems {
        ui.horizontal(|ui| {
            // The day it was raised tells apart two problems of the same title.
            ui.weak(problem.fields.raised_on.format("%Y-%m-%d").to_string());
            if ui.link(&problem.fields.title).clicked() {
                commands.push(Command::Navigate(Screen::Problem(problem.id)));
            }
            ui.label(super::problems::state_text(ctx.lang, problem, ctx.today));
        });
    }
    commands
}

/// A problem's state, in red with 已逾期 when it is overdue, or 逾期办结.
pub fn state_text(lang: Lang, problem: &ProblemSummary, today: chrono::NaiveDate) -> RichText {
    let text = RichText::new(lang.problem_status(problem, today));
    if problem.late(today) {
        text.color(ERROR_RED).strong()
    } else {
        text
    }
}
