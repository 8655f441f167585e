//! 产业基地: the town's industry demonstration bases. The overview lists them with this year's
//! figures and what hangs on each; a base's page has its record, its figures by year (a table
//! to type into and a chart), its milestones, the problems, pairings, visits and tasks on it,
//! and its photos — and raises a problem or records an observation visit there.

use super::data::{Filtered, Memo, Names};
use super::problems::ProblemForm;
use super::sessions::SessionForm;
use super::widgets::{ERROR_RED, FormWindow, choice, row_button, screen_title, text_field};
use super::{Change, Command, Screen, ViewContext};
use crate::domain::base::{
    Base, BaseError, BaseFields, BaseFigures, BaseId, Milestone, MilestoneFields, MilestoneId,
};
use crate::domain::picture::{PictureInfo, PictureOwner};
use crate::domain::session::parse_day;
use crate::domain::task::Owner;
use crate::domain::{BranchId, SecretaryId};
use crate::i18n::Lang;
use crate::store::{BaseCounts, BaseLinks, Store, SystemRecord};
use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use std::collections::HashMap;

const GREEN: Color32 = Color32::from_rgb(40, 140, 60);

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

/// One base's page: the record, its figures and milestones, what hangs on it, its photos, and
/// the industries a form offers.
struct PageModel {
    base: Option<Base>,
    figures: Vec<BaseFigures>,
    milestones: Vec<Milestone>,
    links: BaseLinks,
    pictures: Vec<PictureInfo>,
    industries: Vec<String>,
    owners: HashMap<Owner, String>,
}

fn load_page(store: &Store, (id, today): &(BaseId, NaiveDate)) -> crate::store::Result<PageModel> {
    Ok(PageModel {
        base: store.base(*id)?,
        figures: store.base_figures(*id)?,
        milestones: store.milestones(Some(*id))?,
        links: store.base_links(*id, *today)?,
        pictures: store.pictures_of(PictureOwner::Base(*id))?,
        industries: store.industries()?,
        owners: store.owner_names()?,
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
    pictures: super::pictures::Pictures,
}

impl super::View for BasesScreen {
    fn unsaved(&self) -> Option<super::drafts::Draft> {
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
        (base || milestone || self.figures.has_changes()).then_some(super::drafts::Draft::Unkept)
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
        super::widgets::close_after_write(&mut self.form, succeeded);
        super::widgets::close_after_write(&mut self.milestone_form, succeeded);
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
        let Some(data) = super::data::ready(ui, lang, self.overview.get(&year)) else {
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
            super::widgets::search_field(
                ui,
                lang,
                &mut self.search,
                lang.base_search_hint(),
                160.0,
            );
            ui.checkbox(&mut self.show_archived, lang.base_show_archived());
            ui.separator();
            ui.label(lang.base_figures_of_year());
            super::widgets::year_stepper(ui, lang, &mut self.year);
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

    fn page_ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, id: BaseId) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        if ui.button(format!("← {}", lang.back())).clicked() {
            commands.push(Command::Navigate(Screen::Bases));
        }
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        let key = (id, ctx.today);
        self.page.refresh(ctx, &key, load_page);
        let loaded_at = self.page.loaded_at();
        let Some(model) = super::data::ready(ui, lang, self.page.get(&key)) else {
            return commands;
        };
        let Some(base) = &model.base else {
            ui.label(lang.store_error(&crate::store::Error::RecordNotFound));
            return commands;
        };
        let fields = &base.fields;
        ui.horizontal(|ui| {
            ui.heading(format!("{} · {}", lang.base_page(), fields.name));
            if fields.archived {
                ui.label(RichText::new(lang.base_archived_mark()).weak());
            }
        });
        ui.horizontal(|ui| {
            if ui.button(lang.edit()).clicked() {
                let mut form = BaseForm::new(Some(base));
                form.industries.clone_from(&model.industries);
                self.form = Some(form);
            }
            if ui.button(lang.delete_base()).clicked() {
                commands.push(Command::Write(Change::DeleteRecord(SystemRecord::Base(id))));
                commands.push(Command::Navigate(Screen::Bases));
            }
            ui.separator();
            if ui.button(lang.base_raise_problem()).clicked() {
                self.problem_form = Some(ProblemForm::about_base(
                    ctx.today,
                    id,
                    fields.lead_branch_id,
                ));
            }
            if ui.button(lang.base_record_visit()).clicked() {
                self.session_form =
                    Some(SessionForm::new(None, visit_draft(lang, ctx.today, base)));
            }
        });
        ui.add_space(6.0);
        self.figures.fill(id, loaded_at, &model.figures, ctx.today);
        let mut figures_commands = Vec::new();
        let mut right_commands = Vec::new();
        let milestone_form = &mut self.milestone_form;
        let figures = &mut self.figures;
        let pictures = &mut self.pictures;
        egui_extras::StripBuilder::new(ui)
            .size(egui_extras::Size::relative(0.5))
            .size(egui_extras::Size::remainder())
            .horizontal(|mut strip| {
                strip.cell(|ui| {
                    egui::ScrollArea::vertical()
                        .id_salt(("base-record", id))
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            details(ui, lang, names, fields);
                            ui.add_space(10.0);
                            figures_commands = figures.ui(ui, lang, id);
                            ui.add_space(6.0);
                            figures_chart(ui, lang, &model.figures);
                        });
                });
                strip.cell(|ui| {
                    egui::ScrollArea::vertical()
                        .id_salt(("base-links", id))
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            right_commands.extend(milestones_ui(
                                ui,
                                ctx,
                                base,
                                &model.milestones,
                                milestone_form,
                            ));
                            ui.add_space(10.0);
                            right_commands.extend(links_ui(ui, ctx, &model.links, &model.owners));
                            ui.add_space(10.0);
                            right_commands.extend(pictures.ui(
                                ui,
                                ctx,
                                PictureOwner::Base(id),
                                &model.pictures,
                            ));
                        });
                });
            });
        commands.extend(figures_commands);
        commands.extend(right_commands);
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

/// A new observation visit at `base`: held at its lead village, about the base.
fn visit_draft(lang: Lang, today: NaiveDate, base: &Base) -> crate::domain::session::SessionDraft {
    use crate::domain::session::{SessionDraft, SessionKind, Systems};
    let mut draft = SessionDraft::new(today);
    draft.kind = SessionKind::ObservationVisit;
    draft.systems = Systems::default_for(draft.kind);
    draft.base_id = Some(base.id);
    draft.host_branch_id = base.fields.lead_branch_id;
    draft.place.clone_from(&base.fields.name);
    draft.topic = format!("{}{}", lang.base_visit_topic(), base.fields.name);
    draft
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
    egui::ScrollArea::horizontal().show(ui, |ui| {
        TableBuilder::new(ui)
            .id_salt("bases-overview")
            .striped(true)
            .sense(egui::Sense::click())
            .max_scroll_height(height)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::remainder().at_least(190.0).clip(true))
            .column(Column::exact(66.0).clip(true))
            .column(Column::exact(116.0).clip(true))
            .column(Column::exact(62.0).clip(true))
            .column(Column::exact(84.0))
            .columns(Column::exact(58.0), 4)
            .column(Column::exact(62.0))
            .columns(Column::exact(40.0), 2)
            .column(Column::exact(48.0))
            .column(Column::exact(40.0))
            .header(40.0, |mut header| {
                for title in [
                    lang.base_col_name(),
                    lang.base_col_industry(),
                    lang.base_col_lead(),
                    lang.base_col_secretary(),
                    lang.base_col_started(),
                    lang.base_col_area(),
                    lang.base_col_households(),
                    lang.base_col_jobs(),
                    lang.base_col_output(),
                    lang.base_col_problems(),
                    lang.base_col_sessions(),
                    lang.base_col_pairings(),
                    lang.base_col_open_tasks(),
                    lang.base_col_photos(),
                ] {
                    header.col(|ui| {
                        ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
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

/// The base's record, field by field.
fn details(ui: &mut Ui, lang: Lang, names: &Names, fields: &BaseFields) {
    let value_width = (ui.available_width() - 120.0).max(200.0);
    egui::Grid::new("base-details")
        .num_columns(2)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            let branches: Vec<String> = fields
                .branches
                .iter()
                .map(|b| names.branch(Some(*b)))
                .collect();
            for (label, value) in [
                (lang.base_col_industry(), fields.industry.clone()),
                (lang.base_col_lead(), names.branch(fields.lead_branch_id)),
                (lang.base_col_branches(), branches.join("、")),
                (
                    lang.base_col_secretary(),
                    names.secretary(fields.secretary_id),
                ),
                (lang.base_col_started(), day_text(fields.started_on)),
                (lang.col_notes(), fields.notes.clone()),
            ] {
                ui.label(RichText::new(label).weak());
                ui.scope(|ui| {
                    ui.set_max_width(value_width);
                    ui.add(egui::Label::new(value).wrap());
                });
                ui.end_row();
            }
        });
}

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
struct FiguresTable {
    rows: Vec<FigureRow>,
    /// What the rows were filled from: the base and the load's generation.
    filled_from: Option<(BaseId, Option<u64>)>,
    /// The year typed for 添加年份.
    new_year: String,
    new_year_error: Option<&'static str>,
    /// The year being written.
    saving: Option<i32>,
}

impl FiguresTable {
    fn has_changes(&self) -> bool {
        self.rows.iter().any(FigureRow::changed)
    }

    /// Fills the rows from the file when the base or its data changed, keeping the lines
    /// typed into and not yet saved.
    fn fill(
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

    fn write_finished(&mut self, succeeded: bool) {
        if let Some(year) = self.saving.take()
            && succeeded
            && let Some(row) = self.rows.iter_mut().find(|r| r.year == year)
        {
            // What is shown is what was saved; the file read again confirms it.
            row.stored.clone_from(&row.texts);
            row.saved = row.texts.iter().any(|t| !t.trim().is_empty());
        }
    }

    fn ui(&mut self, ui: &mut Ui, lang: Lang, base: BaseId) -> Vec<Command> {
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            ui.strong(lang.base_figures_title());
            ui.separator();
            let label = ui.label(lang.base_figures_year());
            ui.add(egui::TextEdit::singleline(&mut self.new_year).desired_width(48.0))
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
        let titles = [
            lang.base_col_area(),
            lang.base_col_households(),
            lang.base_col_jobs(),
            lang.base_col_output(),
            lang.base_col_income(),
        ];
        let mut remove = None;
        egui::Grid::new("base-figures")
            .num_columns(8)
            .striped(true)
            .spacing([6.0, 4.0])
            .show(ui, |ui| {
                ui.strong(lang.base_figures_year());
                for title in titles {
                    ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
                }
                ui.label("");
                ui.end_row();
                for row in &mut self.rows {
                    let year = lang.year_label(row.year);
                    ui.label(&year);
                    for (text, title) in row.texts.iter_mut().zip(titles) {
                        let field = ui.add(egui::TextEdit::singleline(text).desired_width(58.0));
                        super::widgets::name_text_field(field, &format!("{title} {year}"));
                    }
                    ui.horizontal(|ui| {
                        let saving = self.saving.is_some();
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
                                    self.saving = Some(row.year);
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
                                self.saving = Some(row.year);
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

/// The figures by year as two small charts: output value and households.
fn figures_chart(ui: &mut Ui, lang: Lang, figures: &[BaseFigures]) {
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
    let years: Vec<i32> = figures.iter().map(|f| f.year).collect();
    let (first, last) = (
        years.iter().min().copied().unwrap_or_default(),
        years.iter().max().copied().unwrap_or_default(),
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
            let bars: Vec<egui_plot::Bar> = points
                .iter()
                .map(|(year, value)| {
                    egui_plot::Bar::new(f64::from(*year), *value)
                        .width(0.6)
                        .fill(color)
                        .name(lang.year_label(*year))
                })
                .collect();
            egui_plot::Plot::new(id)
                .height(160.0)
                .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
                .x_axis_formatter(|mark, _| {
                    let year = mark.value.round();
                    if (mark.value - year).abs() < 1e-6 {
                        format!("{year:.0}")
                    } else {
                        String::new()
                    }
                })
                .include_x(f64::from(first) - 0.6)
                .include_x(f64::from(last) + 0.6)
                .include_y(0.0)
                .allow_drag(false)
                .allow_zoom(false)
                .allow_scroll(false)
                .show(column, |plot| {
                    plot.bar_chart(egui_plot::BarChart::new(title, bars).color(color));
                });
        }
    });
}

/// The milestones: planned and done, overdue in red, each to edit or delete; 添加节点….
fn milestones_ui(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    base: &Base,
    milestones: &[Milestone],
    form: &mut Option<MilestoneForm>,
) -> Vec<Command> {
    let lang = ctx.lang;
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.strong(lang.base_milestones());
        if ui.button(lang.base_add_milestone()).clicked() {
            *form = Some(MilestoneForm::new(base.id, None));
        }
    });
    if milestones.is_empty() {
        ui.label(RichText::new(lang.base_milestones_none()).weak());
        return commands;
    }
    egui::Grid::new("base-milestones")
        .num_columns(5)
        .striped(true)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for title in [
                lang.base_milestone_title(),
                lang.base_milestone_planned(),
                lang.base_milestone_done(),
                lang.col_state(),
            ] {
                ui.strong(title);
            }
            ui.label("");
            ui.end_row();
            for milestone in milestones {
                let fields = &milestone.fields;
                let overdue = milestone.overdue(ctx.today);
                ui.scope(|ui| {
                    ui.set_max_width(220.0);
                    ui.add(egui::Label::new(&fields.title).wrap());
                });
                let planned = RichText::new(day_text(fields.planned_on));
                ui.label(if overdue {
                    planned.color(ERROR_RED).strong()
                } else {
                    planned
                });
                ui.label(day_text(fields.done_on));
                let state = if fields.done_on.is_some() {
                    RichText::new(lang.base_milestone_reached()).color(GREEN)
                } else if overdue {
                    RichText::new(lang.base_milestone_overdue())
                        .color(ERROR_RED)
                        .strong()
                } else {
                    RichText::new(lang.base_milestone_open())
                };
                ui.label(state);
                ui.horizontal(|ui| {
                    if row_button(ui, lang.edit(), &fields.title).clicked() {
                        *form = Some(MilestoneForm::new(base.id, Some(milestone)));
                    }
                    if row_button(ui, lang.delete(), &fields.title).clicked() {
                        commands.push(Command::Write(Change::DeleteRecord(
                            SystemRecord::Milestone(milestone.id),
                        )));
                    }
                });
                ui.end_row();
            }
        });
    commands
}

/// What hangs on the base: its problems, pairings, visits and tasks, each opening its record.
fn links_ui(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    links: &BaseLinks,
    owners: &HashMap<Owner, String>,
) -> Vec<Command> {
    let lang = ctx.lang;
    let mut commands = Vec::new();
    let heading = |ui: &mut Ui, title: &str, count: usize| {
        ui.add_space(4.0);
        ui.strong(format!("{title}（{count}）"));
        if count == 0 {
            ui.label(RichText::new(lang.base_nothing_linked()).weak());
        }
    };
    heading(ui, lang.base_problems(), links.problems.len());
    commands.extend(super::problems::problem_links(ui, ctx, &links.problems));
    heading(ui, lang.base_pairings(), links.pairings.len());
    for (_, pair) in &links.pairings {
        if ui.link(pair).clicked() {
            commands.push(Command::Navigate(Screen::Help));
        }
    }
    heading(ui, lang.base_sessions(), links.sessions.len());
    for (id, held_on, topic) in &links.sessions {
        if ui
            .link(format!("{} {topic}", held_on.format("%Y-%m-%d")))
            .clicked()
        {
            commands.push(Command::Navigate(Screen::Session(*id)));
        }
    }
    heading(ui, lang.base_tasks(), links.tasks.len());
    for task in &links.tasks {
        ui.horizontal(|ui| {
            if ui.link(&task.fields.title).clicked() {
                commands.push(Command::OpenDue(crate::domain::calendar::DueTarget::Task(
                    task.id,
                )));
            }
            ui.label(super::tasks::shown_text(lang, task, ctx.today));
            if let Some(owner) = owners.get(&task.fields.owner) {
                ui.label(RichText::new(owner).weak());
            }
        });
    }
    commands
}

/// A base being added or changed.
struct BaseForm {
    editing: Option<BaseId>,
    name: String,
    industry: String,
    lead: Option<BranchId>,
    branches: Vec<BranchId>,
    secretary: Option<SecretaryId>,
    started: String,
    notes: String,
    archived: bool,
    /// The industries offered.
    industries: Vec<String>,
    name_error: Option<&'static str>,
    started_error: Option<&'static str>,
    saving: bool,
    opened: Option<String>,
}

impl FormWindow for BaseForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

impl BaseForm {
    fn new(base: Option<&Base>) -> Self {
        let fields = base.map(|b| b.fields.clone()).unwrap_or_default();
        Self {
            editing: base.map(|b| b.id),
            name: fields.name,
            industry: fields.industry,
            lead: fields.lead_branch_id,
            branches: fields.branches,
            secretary: fields.secretary_id,
            started: day_text(fields.started_on),
            notes: fields.notes,
            archived: fields.archived,
            industries: Vec::new(),
            name_error: None,
            started_error: None,
            saving: false,
            opened: None,
        }
    }

    fn typed(&self) -> String {
        format!(
            "{:?}",
            (
                &self.name,
                &self.industry,
                self.lead,
                &self.branches,
                self.secretary,
                &self.started,
                &self.notes,
                self.archived
            )
        )
    }

    fn has_changes(&self) -> bool {
        self.opened.as_ref().is_some_and(|o| *o != self.typed())
    }

    /// The base as typed, or the errors set beside their fields.
    fn validate(&mut self, lang: Lang, milestones_done: &[NaiveDate]) -> Option<BaseFields> {
        self.name_error = None;
        self.started_error = None;
        let started_on = if self.started.trim().is_empty() {
            None
        } else if let Some(day) = parse_day(&self.started) {
            Some(day)
        } else {
            self.started_error = Some(lang.error_not_a_date());
            None
        };
        let fields = BaseFields {
            name: self.name.trim().to_owned(),
            industry: self.industry.trim().to_owned(),
            lead_branch_id: self.lead,
            branches: self
                .branches
                .iter()
                .copied()
                .filter(|b| Some(*b) != self.lead)
                .collect(),
            secretary_id: self.secretary,
            started_on,
            notes: self.notes.trim().to_owned(),
            archived: self.archived,
        };
        match fields.check(milestones_done) {
            Err(BaseError::NameRequired) => {
                self.name_error = Some(lang.base_error(BaseError::NameRequired));
            }
            Err(error) => self.started_error = Some(lang.base_error(error)),
            Ok(()) => {}
        }
        (self.name_error.is_none() && self.started_error.is_none()).then_some(fields)
    }

    fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        names: &Names,
        milestones_done: &[NaiveDate],
    ) -> (Option<Command>, bool) {
        if self.opened.is_none() {
            self.opened = Some(self.typed());
        }
        if self.name_error.is_some() || self.started_error.is_some() {
            let _ = self.validate(lang, milestones_done);
        }
        let mut command = None;
        let mut closed = super::widgets::escape_pressed(ui);
        let title = if self.editing.is_some() {
            lang.edit_base()
        } else {
            lang.new_base().trim_end_matches('…')
        };
        let branches: Vec<BranchId> = names
            .branches
            .iter()
            .filter(|b| !b.archived || Some(b.id) == self.lead || self.branches.contains(&b.id))
            .map(|b| b.id)
            .collect();
        let mut people = super::widgets::in_office(&names.roster);
        if let Some(kept) = self.secretary.filter(|s| !people.contains(s)) {
            people.push(kept);
        }
        super::widgets::form_window(ui, title, "base-form", 560.0, |ui| {
            egui::Grid::new("base-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    text_field(
                        ui,
                        lang.base_col_name(),
                        &mut self.name,
                        "",
                        self.name_error,
                    );
                    ui.label(lang.base_col_industry());
                    ui.horizontal(|ui| {
                        super::widgets::name_pick(
                            ui,
                            "base-industry",
                            lang.base_col_industry(),
                            &mut self.industry,
                            &self.industries,
                        );
                        ui.label(RichText::new(lang.base_industry_hint()).weak().small());
                    });
                    ui.end_row();
                    if choice(
                        ui,
                        "base-lead",
                        lang.base_col_lead(),
                        &mut self.lead,
                        &branches,
                        Some(lang.none_value()),
                        |id| names.branch(Some(id)),
                    ) && self.secretary.is_none()
                    {
                        // The lead branch's secretary is the one responsible, most often.
                        self.secretary = self.lead.and_then(|lead| {
                            names
                                .roster
                                .iter()
                                .find(|e| !e.fields.archived && e.fields.branch_id == Some(lead))
                                .map(|e| e.id)
                        });
                    }
                    ui.end_row();
                    ui.label(lang.base_col_branches());
                    egui::ScrollArea::vertical()
                        .id_salt("base-form-branches")
                        .max_height(120.0)
                        .show(ui, |ui| {
                            ui.horizontal_wrapped(|ui| {
                                ui.set_max_width(400.0);
                                for branch in &branches {
                                    if Some(*branch) == self.lead {
                                        continue;
                                    }
                                    let mut taking_part = self.branches.contains(branch);
                                    if ui
                                        .checkbox(&mut taking_part, names.branch(Some(*branch)))
                                        .changed()
                                    {
                                        if taking_part {
                                            self.branches.push(*branch);
                                        } else {
                                            self.branches.retain(|b| b != branch);
                                        }
                                    }
                                }
                            });
                        });
                    ui.end_row();
                    choice(
                        ui,
                        "base-secretary",
                        lang.base_col_secretary(),
                        &mut self.secretary,
                        &people,
                        Some(lang.none_value()),
                        |id| names.secretary(Some(id)),
                    );
                    ui.end_row();
                    text_field(
                        ui,
                        lang.base_col_started(),
                        &mut self.started,
                        lang.day_hint(),
                        self.started_error,
                    );
                    let label = ui.label(lang.col_notes());
                    ui.add(
                        egui::TextEdit::multiline(&mut self.notes)
                            .desired_rows(2)
                            .desired_width(380.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    ui.label("");
                    ui.checkbox(&mut self.archived, lang.base_archived());
                    ui.end_row();
                });
            let footer = super::widgets::form_footer(ui, lang, self.saving, None);
            if footer.save
                && let Some(fields) = self.validate(lang, milestones_done)
            {
                self.saving = true;
                let fields = Box::new(fields);
                command = Some(Command::Write(match self.editing {
                    Some(id) => Change::UpdateBase(id, fields),
                    None => Change::AddBase(fields),
                }));
            }
            closed |= footer.cancel;
        });
        (command, closed)
    }
}

/// A milestone being added or changed.
struct MilestoneForm {
    base: BaseId,
    editing: Option<MilestoneId>,
    title: String,
    planned: String,
    done: String,
    title_error: Option<&'static str>,
    planned_error: Option<&'static str>,
    done_error: Option<&'static str>,
    saving: bool,
    opened: (String, String, String),
}

impl FormWindow for MilestoneForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

impl MilestoneForm {
    fn new(base: BaseId, milestone: Option<&Milestone>) -> Self {
        let fields = milestone.map(|m| m.fields.clone()).unwrap_or_default();
        let typed = (
            fields.title,
            day_text(fields.planned_on),
            day_text(fields.done_on),
        );
        Self {
            base,
            editing: milestone.map(|m| m.id),
            title: typed.0.clone(),
            planned: typed.1.clone(),
            done: typed.2.clone(),
            title_error: None,
            planned_error: None,
            done_error: None,
            saving: false,
            opened: typed,
        }
    }

    fn has_changes(&self) -> bool {
        (&self.title, &self.planned, &self.done) != (&self.opened.0, &self.opened.1, &self.opened.2)
    }

    fn has_errors(&self) -> bool {
        self.title_error.is_some() || self.planned_error.is_some() || self.done_error.is_some()
    }

    /// The milestone as typed, checked against the base's start and today, or the errors set
    /// beside their fields.
    fn validate(
        &mut self,
        lang: Lang,
        started: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Option<MilestoneFields> {
        self.title_error = None;
        self.planned_error = None;
        self.done_error = None;
        let day = |text: &str, error: &mut Option<&'static str>| {
            if text.trim().is_empty() {
                None
            } else {
                let day = parse_day(text);
                if day.is_none() {
                    *error = Some(lang.error_not_a_date());
                }
                day
            }
        };
        let planned_on = day(&self.planned, &mut self.planned_error);
        let done_on = day(&self.done, &mut self.done_error);
        let fields = MilestoneFields {
            title: self.title.trim().to_owned(),
            planned_on,
            done_on,
        };
        match fields.check(started, today) {
            Err(BaseError::NameRequired) => {
                self.title_error = Some(lang.base_error(BaseError::NameRequired));
            }
            Err(error) => {
                self.done_error = self.done_error.or(Some(lang.base_error(error)));
            }
            Ok(()) => {}
        }
        (!self.has_errors()).then_some(fields)
    }

    fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        started: Option<NaiveDate>,
        today: NaiveDate,
    ) -> (Option<Command>, bool) {
        if self.has_errors() {
            let _ = self.validate(lang, started, today);
        }
        let mut command = None;
        let mut closed = super::widgets::escape_pressed(ui);
        let title = if self.editing.is_some() {
            lang.base_edit_milestone()
        } else {
            lang.base_add_milestone().trim_end_matches('…')
        };
        super::widgets::form_window(ui, title, "milestone-form", 460.0, |ui| {
            egui::Grid::new("milestone-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    text_field(
                        ui,
                        lang.base_milestone_title(),
                        &mut self.title,
                        "",
                        self.title_error,
                    );
                    text_field(
                        ui,
                        lang.base_milestone_planned(),
                        &mut self.planned,
                        lang.day_hint(),
                        self.planned_error,
                    );
                    text_field(
                        ui,
                        lang.base_milestone_done(),
                        &mut self.done,
                        lang.day_hint(),
                        self.done_error,
                    );
                });
            let footer = super::widgets::form_footer(ui, lang, self.saving, None);
            if footer.save
                && let Some(fields) = self.validate(lang, started, today)
            {
                self.saving = true;
                command = Some(Command::Write(match self.editing {
                    Some(id) => Change::UpdateMilestone(id, fields),
                    None => Change::AddMilestone(self.base, fields),
                }));
            }
            closed |= footer.cancel;
        });
        (command, closed)
    }
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
