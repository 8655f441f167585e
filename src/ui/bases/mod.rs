//! 产业基地: the town's industry demonstration bases. The overview lists them with this year's
//! figures and what hangs on each; a base's page has its record, its figures by year (a table
//! to type into and a chart), its milestones, the problems, pairings, visits and tasks on it,
//! and its photos — and raises a problem or records an observation visit there.

mod figures;
mod forms;
mod page;

use crate::domain::base::{Base, BaseFigures, BaseId};
use crate::i18n::Lang;
use crate::store::{BaseCounts, Store};
use crate::ui::data::{Filtered, Memo, Names};
use crate::ui::problems::ProblemForm;
use crate::ui::sessions::SessionForm;
use crate::ui::widgets::{choice, screen_title};
use crate::ui::{Command, Screen, ViewContext};
use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};
use std::collections::HashMap;

use figures::FiguresTable;
use forms::{BaseForm, MilestoneForm};
use page::PageModel;

/// The bases with what hangs on each and their figures of one year.
struct Overview {
    bases: Vec<Base>,
    counts: HashMap<BaseId, BaseCounts>,
    figures: HashMap<BaseId, BaseFigures>,
    /// The industries of the bases, each once, for the filter.
    industries: Vec<String>,
}

fn load_overview(store: &Store, year: &i32) -> crate::store::Result<Overview> {
    let bases = store.bases()?;
    let mut industries: Vec<String> = Vec::new();
    for base in &bases {
        let industry = base.fields.industry.trim();
        if !industry.is_empty() && !industries.iter().any(|i| i == industry) {
            industries.push(industry.to_owned());
        }
    }
    Ok(Overview {
        counts: store.base_counts()?,
        figures: store.figures_of_year(*year)?,
        industries,
        bases,
    })
}

fn load_industries(store: &Store, (): &()) -> crate::store::Result<Vec<String>> {
    store.industries()
}

/// What the overview's filters let through: (data generation, industry, search, archived).
type OverviewKey = (u64, Option<String>, String, bool);

/// The 产业基地 screen: the overview and one base's page.
#[derive(Default)]
pub struct BasesScreen {
    overview: Memo<i32, Overview>,
    /// The year whose figures the overview shows (this year at first).
    year: i32,
    industry: Option<String>,
    search: String,
    show_archived: bool,
    visible: Filtered<OverviewKey>,
    page: Memo<(BaseId, NaiveDate), PageModel>,
    /// The industries offered by the new base's form (the page has its own).
    industries: Memo<(), Vec<String>>,
    form: Option<BaseForm>,
    milestone_form: Option<MilestoneForm>,
    figures: FiguresTable,
    problem_form: Option<ProblemForm>,
    session_form: Option<SessionForm>,
    pictures: crate::ui::pictures::Pictures,
}

impl crate::ui::View for BasesScreen {
    fn unsaved(&self) -> Option<crate::ui::drafts::Draft> {
        if let Some(draft) = self.problem_form.as_ref().and_then(ProblemForm::unsaved) {
            return Some(draft);
        }
        if let Some(draft) = self.session_form.as_ref().and_then(SessionForm::unsaved) {
            return Some(draft);
        }
        let base = self.form.as_ref().is_some_and(BaseForm::has_changes);
        let milestone = self
            .milestone_form
            .as_ref()
            .is_some_and(MilestoneForm::has_changes);
        (base || milestone || self.figures.has_changes())
            .then_some(crate::ui::drafts::Draft::Unkept)
    }

    fn discard_unsaved(&mut self) {
        self.form = None;
        self.milestone_form = None;
        self.problem_form = None;
        self.session_form = None;
        self.figures = FiguresTable::default();
    }

    fn file_changed(&mut self) {
        *self = Self::default();
    }

    fn write_finished(&mut self, succeeded: bool) {
        crate::ui::widgets::close_after_write(&mut self.form, succeeded);
        crate::ui::widgets::close_after_write(&mut self.milestone_form, succeeded);
        ProblemForm::write_finished(&mut self.problem_form, succeeded);
        SessionForm::write_finished(&mut self.session_form, succeeded);
        self.figures.write_finished(succeeded);
    }

    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        if self.year == 0 {
            self.year = ctx.today.year();
        }
        let mut commands = match ctx.screen {
            Screen::Base(id) => self.page_ui(ui, ctx, id),
            _ => self.overview_ui(ui, ctx),
        };
        commands.extend(self.forms_ui(ui, ctx));
        commands
    }
}

impl BasesScreen {
    fn overview_ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        screen_title(ui, lang.bases_title());
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        let year = self.year;
        self.overview.refresh(ctx, &year, load_overview);
        self.industries.refresh(ctx, &(), load_industries);
        let Some(data) = crate::ui::data::ready(ui, lang, self.overview.get(&year)) else {
            return commands;
        };
        ui.horizontal_wrapped(|ui| {
            if ui.button(lang.new_base()).clicked() {
                self.form = Some(BaseForm::new(None));
            }
            ui.separator();
            let options: Vec<&str> = data.industries.iter().map(String::as_str).collect();
            let mut industry = self
                .industry
                .as_deref()
                .and_then(|i| options.iter().copied().find(|o| *o == i));
            if choice(
                ui,
                "bases-industry",
                lang.base_col_industry(),
                &mut industry,
                &options,
                Some(lang.all()),
                str::to_owned,
            ) {
                self.industry = industry.map(str::to_owned);
            }
            crate::ui::widgets::search_field(
                ui,
                lang,
                &mut self.search,
                lang.base_search_hint(),
                160.0,
            );
            ui.checkbox(&mut self.show_archived, lang.base_show_archived());
            ui.separator();
            ui.label(lang.base_figures_of_year());
            crate::ui::widgets::year_stepper(ui, lang, &mut self.year);
            ui.separator();
            crate::ui::widgets::print_buttons(
                ui,
                lang,
                &[(
                    lang.print_bases_table(),
                    crate::print::Printable::Ledger(crate::print::LedgerPrintout::Bases(self.year)),
                )],
                &mut commands,
            );
        });
        let key = (
            self.overview.loaded_at().unwrap_or_default(),
            self.industry.clone(),
            self.search.trim().to_owned(),
            self.show_archived,
        );
        let (industry, needle, archived) = (key.1.clone(), key.2.clone(), key.3);
        self.visible.refresh(key, &data.bases, |base| {
            let fields = &base.fields;
            (archived || !fields.archived)
                && industry.as_deref().is_none_or(|i| fields.industry == i)
                && (needle.is_empty()
                    || fields.name.contains(&needle)
                    || names.branch(fields.lead_branch_id).contains(&needle)
                    || fields
                        .branches
                        .iter()
                        .any(|b| names.branch(Some(*b)).contains(&needle)))
        });
        ui.label(lang.bases_shown(self.visible.rows().len(), data.bases.len()));
        ui.separator();
        if data.bases.is_empty() {
            ui.label(RichText::new(lang.base_none_yet()).weak());
            return commands;
        }
        if let Some(id) = overview_table(ui, ctx, names, data, self.visible.rows()) {
            commands.push(Command::Navigate(Screen::Base(id)));
        }
        commands
    }

    /// The forms open over the overview or the page.
    fn forms_ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        let Some(names) = ctx.names else {
            return commands;
        };
        if let Some(form) = &mut self.form {
            if form.editing.is_none() && form.industries.is_empty() {
                if let Some(Ok(industries)) = self.industries.get(&()) {
                    form.industries.clone_from(industries);
                } else {
                    form.industries = crate::domain::base::industries(std::iter::empty());
                }
            }
            let milestones_done: Vec<NaiveDate> = match (form.editing, self.page.shown()) {
                (Some(id), Some(model)) if model.base.as_ref().is_some_and(|b| b.id == id) => model
                    .milestones
                    .iter()
                    .filter_map(|m| m.fields.done_on)
                    .collect(),
                _ => Vec::new(),
            };
            let (command, closed) = form.ui(ui, lang, names, &milestones_done);
            commands.extend(command);
            if closed {
                self.form = None;
            }
        }
        if let Some(form) = &mut self.milestone_form {
            let started = self
                .page
                .shown()
                .and_then(|m| m.base.as_ref())
                .filter(|b| b.id == form.base)
                .and_then(|b| b.fields.started_on);
            let (command, closed) = form.ui(ui, lang, started, ctx.today);
            commands.extend(command);
            if closed {
                self.milestone_form = None;
            }
        }
        if let Some(form) = &mut self.problem_form {
            match form.ui(ui, lang, ctx.today, names) {
                Some(command) => commands.push(command),
                None if form.closed => self.problem_form = None,
                None => {}
            }
        }
        if let Some(form) = &mut self.session_form {
            match form.ui(ui, ctx, &names.areas) {
                Some(command) => commands.push(command),
                None if form.closed => self.session_form = None,
                None => {}
            }
        }
        commands
    }
}

/// A row of a details grid naming the base a record hangs on, as a link to its page (nothing
/// when it hangs on none); returns the page to open when clicked.
pub fn base_link_row(
    ui: &mut Ui,
    lang: Lang,
    names: &Names,
    base: Option<BaseId>,
) -> Option<Command> {
    let base = base?;
    let name = names.base(Some(base));
    ui.label(RichText::new(lang.base_belongs()).weak());
    let clicked = if name.is_empty() {
        // Deleted since: its name is gone with it.
        ui.label(lang.none_value());
        false
    } else {
        ui.link(name).clicked()
    };
    ui.end_row();
    clicked.then_some(Command::Navigate(Screen::Base(base)))
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| {
        let text = format!("{v:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    })
}

fn count(value: Option<i64>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

fn day_text(day: Option<NaiveDate>) -> String {
    day.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The bases' table; returns the base clicked, to open its page.
fn overview_table(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    names: &Names,
    data: &Overview,
    visible: &[usize],
) -> Option<BaseId> {
    let lang = ctx.lang;
    let mut open = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let height = ui.available_height();
    let none = BaseCounts::default();
    // Two Chinese characters, or an English word.
    let count_width = if lang == Lang::Zh { 40.0 } else { 64.0 };
    egui::ScrollArea::horizontal().show(ui, |ui| {
        TableBuilder::new(ui)
            .id_salt("bases-overview")
            .striped(true)
            .sense(egui::Sense::click())
            .max_scroll_height(height)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::remainder().at_least(190.0).clip(true))
            .column(Column::exact(70.0).clip(true))
            .column(Column::exact(170.0).clip(true))
            .column(Column::exact(62.0).clip(true))
            .column(Column::exact(86.0))
            .columns(Column::exact(62.0), 4)
            .column(Column::exact(70.0))
            .columns(Column::exact(count_width), 2)
            .column(Column::exact(52.0))
            .column(Column::exact(count_width))
            .header(40.0, |mut header| {
                for title in [
                    lang.base_col_name(),
                    lang.base_col_industry(),
                    lang.base_col_lead(),
                    lang.base_col_secretary(),
                    lang.base_col_started(),
                    lang.base_head_area(),
                    lang.base_head_households(),
                    lang.base_head_jobs(),
                    lang.base_head_output(),
                    lang.base_head_problems(),
                    lang.base_col_sessions(),
                    lang.base_col_pairings(),
                    lang.base_head_open_tasks(),
                    lang.base_col_photos(),
                ] {
                    header.col(|ui| {
                        // Two lines where the heading says so, never cut short.
                        ui.add(egui::Label::new(RichText::new(title).strong()).extend());
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, visible.len(), |mut row| {
                    let base = &data.bases[visible[row.index()]];
                    let fields = &base.fields;
                    let counts = data.counts.get(&base.id).unwrap_or(&none);
                    let figures = data.figures.get(&base.id);
                    let mut clicked = false;
                    row.col(|ui| {
                        let mut name = fields.name.clone();
                        if fields.archived {
                            name.push_str(lang.base_archived_mark());
                        }
                        clicked |= ui.link(name).clicked();
                    });
                    let text_cells = [
                        fields.industry.clone(),
                        names.branch(fields.lead_branch_id),
                        names.secretary(fields.secretary_id),
                        day_text(fields.started_on),
                        number(figures.and_then(|f| f.area_mu)),
                        count(figures.and_then(|f| f.households)),
                        count(figures.and_then(|f| f.jobs)),
                        number(figures.and_then(|f| f.output_value)),
                    ];
                    for text in text_cells {
                        row.col(|ui| {
                            ui.label(text);
                        });
                    }
                    row.col(|ui| {
                        let text = format!("{} / {}", counts.open_problems, counts.problems);
                        if counts.open_problems > 0 {
                            ui.label(RichText::new(text).strong());
                        } else {
                            ui.label(text);
                        }
                    });
                    for value in [
                        counts.sessions,
                        counts.pairings,
                        counts.open_tasks,
                        counts.pictures,
                    ] {
                        row.col(|ui| {
                            ui.label(value.to_string());
                        });
                    }
                    if clicked || row.response().clicked() {
                        open = Some(base.id);
                    }
                });
            });
    });
    open
}
