//! One base's page: its record, figures by year, milestones, what hangs on it and its photos.

use crate::domain::base::{Base, BaseFields, BaseFigures, BaseId, Milestone};
use crate::domain::picture::{PictureInfo, PictureOwner};
use crate::domain::task::Owner;
use crate::i18n::Lang;
use crate::store::{BaseLinks, Store, SystemRecord};
use crate::ui::data::Names;
use crate::ui::problems::ProblemForm;
use crate::ui::sessions::SessionForm;
use crate::ui::widgets::{ERROR_RED, row_button};
use crate::ui::{Change, Command, Screen, ViewContext};
use chrono::NaiveDate;
use egui::{Color32, RichText, Ui};
use std::collections::HashMap;

use super::figures::figures_chart;
use super::forms::{BaseForm, MilestoneForm};
use super::{BasesScreen, day_text};

const GREEN: Color32 = Color32::from_rgb(40, 140, 60);

/// One base's page: the record, its figures and milestones, what hangs on it, its photos, and
/// the industries a form offers.
pub(super) struct PageModel {
    pub(super) base: Option<Base>,
    pub(super) figures: Vec<BaseFigures>,
    pub(super) milestones: Vec<Milestone>,
    pub(super) links: BaseLinks,
    pub(super) pictures: Vec<PictureInfo>,
    pub(super) industries: Vec<String>,
    pub(super) owners: HashMap<Owner, String>,
}

/// Reads what a base's page shows.
pub(super) fn load(
    store: &Store,
    (id, today): &(BaseId, NaiveDate),
) -> crate::store::Result<PageModel> {
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

impl BasesScreen {
    /// One base's page: its record and figures on the left, its milestones, what hangs on
    /// it and its photos on the right.
    pub(super) fn page_ui(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        id: BaseId,
    ) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        if ui.button(format!("← {}", lang.back())).clicked() {
            commands.push(Command::Navigate(Screen::Bases));
        }
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        let key = (id, ctx.today);
        self.page.refresh(ctx, &key, load);
        let loaded_at = self.page.loaded_at();
        let Some(model) = crate::ui::data::ready(ui, lang, self.page.get(&key)) else {
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
            ui.separator();
            crate::ui::widgets::print_buttons(
                ui,
                lang,
                &[(lang.print_base_sheet(), crate::print::Printable::Base(id))],
                &mut commands,
            );
        });
        ui.add_space(6.0);
        self.figures.fill(id, loaded_at, &model.figures, ctx.today);
        let mut figures_commands = Vec::new();
        let mut right_commands = Vec::new();
        // Ctrl+S belongs to a form open over the page.
        let keys = self.form.is_none()
            && self.milestone_form.is_none()
            && self.problem_form.is_none()
            && self.session_form.is_none()
            && !self.pictures.is_open();
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
                            figures_commands = figures.ui(ui, lang, id, keys);
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
                // As the printed sheet says it: done after the day planned is 逾期完成.
                let late =
                    matches!((fields.planned_on, fields.done_on), (Some(p), Some(d)) if d > p);
                let state = if late {
                    RichText::new(lang.base_milestone_late())
                } else if fields.done_on.is_some() {
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
    commands.extend(crate::ui::problems::problem_links(ui, ctx, &links.problems));
    heading(ui, lang.base_pairings(), links.pairings.len());
    for (_, pair) in &links.pairings {
        if ui.link(pair).clicked() {
            commands.push(Command::Navigate(Screen::Help));
        }
    }
    heading(ui, lang.base_sessions(), links.sessions.len());
    for (id, held_on, topic) in links.sessions.iter().take(LISTED) {
        if ui
            .link(format!("{} {topic}", held_on.format("%Y-%m-%d")))
            .clicked()
        {
            commands.push(Command::Navigate(Screen::Session(*id)));
        }
    }
    if let Some(more) = links.sessions.len().checked_sub(LISTED).filter(|n| *n > 0)
        && ui.link(lang.base_more(more, lang.nav_sessions())).clicked()
    {
        commands.push(Command::Navigate(Screen::Sessions));
    }
    // The tasks still open, overdue first; those done are counted, not listed.
    let open: Vec<&crate::domain::task::Task> = links
        .tasks
        .iter()
        .filter(|t| t.state != crate::domain::task::TaskState::Done)
        .collect();
    ui.add_space(4.0);
    ui.strong(lang.base_tasks_heading(open.len(), links.tasks.len()));
    if open.is_empty() {
        ui.label(RichText::new(lang.base_nothing_linked()).weak());
    }
    for task in open.iter().take(LISTED) {
        ui.horizontal(|ui| {
            if ui.link(&task.fields.title).clicked() {
                commands.push(Command::OpenDue(crate::domain::calendar::DueTarget::Task(
                    task.id,
                )));
            }
            ui.label(crate::ui::tasks::shown_text(lang, task, ctx.today));
            if let Some(owner) = owners.get(&task.fields.owner) {
                ui.label(RichText::new(owner).weak());
            }
        });
    }
    if let Some(more) = open.len().checked_sub(LISTED).filter(|n| *n > 0)
        && ui.link(lang.base_more(more, lang.nav_tasks())).clicked()
    {
        commands.push(Command::Navigate(Screen::Tasks));
    }
    commands
}

/// How many visits or tasks a base's page lists; the rest are counted.
const LISTED: usize = 10;
