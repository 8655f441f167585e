//! 两三三: the officials who hang on the studio with their duties (责任清单), and their tasks
//! (任务清单) — a long list, filtered and searched, whose task shows its progress and takes
//! the next step.

use super::data::{Filtered, Memo, Names};
use super::widgets::{ERROR_RED, FormWindow, choice, row_button, screen_title, tabs, text_field};
use super::{Change, Command, Screen, ViewContext};
use crate::domain::base::BaseId;
use crate::domain::lifecycle::check_state_change;
use crate::domain::session::parse_day;
use crate::domain::task::{
    Official, OfficialFields, OfficialId, Owner, Task, TaskEvent, TaskFields, TaskFilter, TaskId,
    TaskShown, TaskState,
};
use crate::domain::{BranchId, SecretaryId};
use crate::i18n::Lang;
use crate::store::{Refusal, Store, SystemRecord};
use chrono::NaiveDate;
use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use std::collections::HashMap;

const GREEN: Color32 = Color32::from_rgb(40, 140, 60);
const ORANGE: Color32 = Color32::from_rgb(200, 110, 0);

/// Where a task stands as the lists show it: 逾期 in red, 逾期完成 in orange.
pub fn shown_text(lang: Lang, task: &Task, today: NaiveDate) -> RichText {
    let shown = task.shown(today);
    let text = RichText::new(lang.task_shown(shown));
    match shown {
        TaskShown::Overdue => text.color(ERROR_RED).strong(),
        TaskShown::DoneLate => text.color(ORANGE),
        TaskShown::Done => text.color(GREEN),
        TaskShown::NotStarted | TaskShown::InProgress => text,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    Duties,
    Tasks,
}

/// The officials and every task with where it stands.
struct Data {
    officials: Vec<Official>,
    tasks: Vec<Task>,
    owners: HashMap<Owner, String>,
    /// Per task, what the search looks in: title, description, latest note, owner.
    haystacks: Vec<String>,
    /// Every task's index, for the list's filter.
    indexes: Vec<usize>,
    /// Per official, their tasks: (open, all).
    task_counts: HashMap<OfficialId, (usize, usize)>,
}

fn load(store: &Store, (): &()) -> crate::store::Result<Data> {
    let tasks = store.tasks()?;
    let owners = store.owner_names()?;
    let haystacks = tasks
        .iter()
        .map(|t| {
            let owner = owners.get(&t.fields.owner).map_or("", String::as_str);
            format!(
                "{}\n{}\n{}\n{owner}",
                t.fields.title, t.fields.description, t.last_note
            )
            .to_lowercase()
        })
        .collect();
    let mut task_counts: HashMap<OfficialId, (usize, usize)> = HashMap::new();
    for task in &tasks {
        if let Owner::Official(official) = task.fields.owner {
            let entry = task_counts.entry(official).or_default();
            entry.1 += 1;
            if task.state != TaskState::Done {
                entry.0 += 1;
            }
        }
    }
    Ok(Data {
        officials: store.officials()?,
        indexes: (0..tasks.len()).collect(),
        tasks,
        owners,
        haystacks,
        task_counts,
    })
}

fn load_history(store: &Store, id: &TaskId) -> crate::store::Result<Vec<TaskEvent>> {
    store.task_history(*id)
}

impl Data {
    fn owner_name(&self, owner: Owner) -> String {
        self.owners.get(&owner).cloned().unwrap_or_default()
    }

    /// Who a task may be given to: the officials on the studio, then the secretaries in
    /// office (and `kept`, the one chosen already).
    fn owners_offered(&self, names: &Names, kept: Option<Owner>) -> Vec<Owner> {
        let mut owners: Vec<Owner> = self
            .officials
            .iter()
            .filter(|o| !o.fields.archived)
            .map(|o| Owner::Official(o.id))
            .chain(
                super::widgets::in_office(&names.roster)
                    .into_iter()
                    .map(Owner::Secretary),
            )
            .collect();
        if let Some(kept) = kept.filter(|k| !owners.contains(k)) {
            owners.push(kept);
        }
        owners
    }
}

/// What the task list's filters let through: (data generation, filter, search, today).
type ListKey = (u64, TaskFilter, String, NaiveDate);

/// The 两三三 screen.
#[derive(Default)]
pub struct TasksScreen {
    /// A task asked for from elsewhere (the calendar), to show when drawn.
    requested: Option<crate::domain::task::TaskId>,
    data: Memo<(), Data>,
    tab: Tab,
    filter: TaskFilter,
    search: String,
    visible: Filtered<ListKey>,
    /// The task whose details and progress are shown beside the list.
    selected: Option<TaskId>,
    /// The list scrolls to this task once.
    scroll_to: Option<TaskId>,
    history: Memo<TaskId, Vec<TaskEvent>>,
    progress: ProgressForm,
    official_form: Option<OfficialForm>,
    task_form: Option<TaskForm>,
    /// Why an official was not deleted.
    duties_note: Option<String>,
}

impl TasksScreen {
    /// Shows `task` when the screen is next drawn.
    pub fn open_task(&mut self, task: crate::domain::task::TaskId) {
        self.requested = Some(task);
    }

    /// 任务清单: the filters, the list, and the selected task's detail beside it.
    fn tasks_tab(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        names: &Names,
        data: &Data,
        loaded_at: u64,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let scroll_row = TaskList {
            filter: &mut self.filter,
            search: &mut self.search,
            visible: &mut self.visible,
            scroll_to: &mut self.scroll_to,
            form: &mut self.task_form,
            commands: &mut commands,
        }
        .ui(ui, ctx, names, data, loaded_at);
        let rows = self.visible.rows();
        if rows.is_empty() {
            ui.label(RichText::new(ctx.lang.tasks_none()).weak());
        }
        let selected = self
            .selected
            .and_then(|id| data.tasks.iter().find(|t| t.id == id));
        let mut clicked = None;
        let mut closed = false;
        match selected {
            Some(task) => {
                self.history.refresh(ctx, &task.id, load_history);
                let history = match self.history.get(&task.id) {
                    Some(Ok(history)) => Some(history.as_slice()),
                    _ => None,
                };
                let progress = &mut self.progress;
                let form = &mut self.task_form;
                // The list on the left, the detail on the right: both in view.
                egui_extras::StripBuilder::new(ui)
                    .size(egui_extras::Size::remainder().at_least(420.0))
                    .size(egui_extras::Size::exact(DETAIL_WIDTH))
                    .horizontal(|mut strip| {
                        strip.cell(|ui| {
                            if !rows.is_empty() {
                                clicked = tasks_table(
                                    ui,
                                    ctx,
                                    names,
                                    data,
                                    rows,
                                    Some(task.id),
                                    scroll_row,
                                );
                            }
                        });
                        strip.cell(|ui| {
                            commands.extend(detail_ui(
                                ui,
                                ctx,
                                names,
                                data,
                                task,
                                history,
                                progress,
                                form,
                                &mut closed,
                            ));
                        });
                    });
            }
            None if !rows.is_empty() => {
                clicked = tasks_table(ui, ctx, names, data, rows, None, scroll_row);
            }
            None => {}
        }
        if closed {
            self.selected = None;
        }
        if clicked.is_some() {
            self.selected = clicked;
        }
        commands
    }
}

impl super::View for TasksScreen {
    fn unsaved(&self) -> Option<super::drafts::Draft> {
        let official = self
            .official_form
            .as_ref()
            .is_some_and(OfficialForm::has_changes);
        let task = self.task_form.as_ref().is_some_and(TaskForm::has_changes);
        let progress = !self.progress.note.trim().is_empty();
        (official || task || progress).then_some(super::drafts::Draft::Unkept)
    }

    fn discard_unsaved(&mut self) {
        self.official_form = None;
        self.task_form = None;
        self.progress = ProgressForm::default();
    }

    fn file_changed(&mut self) {
        *self = Self::default();
    }

    fn write_finished(&mut self, succeeded: bool) {
        super::widgets::close_after_write(&mut self.official_form, succeeded);
        super::widgets::close_after_write(&mut self.task_form, succeeded);
        if self.progress.saving {
            self.progress.saving = false;
            if succeeded {
                // A recorded step is not offered again; its date stays for the next one.
                self.progress = ProgressForm {
                    task: self.progress.task,
                    date: std::mem::take(&mut self.progress.date),
                    ..ProgressForm::default()
                };
            }
        }
    }

    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        // The data is borrowed while the screen's own state changes.
        let mut memo = std::mem::take(&mut self.data);
        let commands = self.draw(ui, ctx, &mut memo);
        self.data = memo;
        commands
    }
}

impl TasksScreen {
    fn draw(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        memo: &mut Memo<(), Data>,
    ) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        if let Some(task) = self.requested.take() {
            self.tab = Tab::Tasks;
            self.selected = Some(task);
            self.scroll_to = Some(task);
        }
        screen_title(ui, lang.tasks_title());
        if tabs(
            ui,
            &mut self.tab,
            &[
                (Tab::Duties, lang.tasks_tab_duties()),
                (Tab::Tasks, lang.tasks_tab_tasks()),
            ],
        ) {
            self.duties_note = None;
        }
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        memo.refresh(ctx, &(), load);
        let loaded_at = memo.loaded_at().unwrap_or_default();
        let Some(data) = super::data::ready(ui, lang, memo.get(&())) else {
            return commands;
        };
        match self.tab {
            Tab::Duties => commands.extend(duties_ui(
                ui,
                lang,
                names,
                data,
                &mut self.official_form,
                &mut self.duties_note,
            )),
            Tab::Tasks => commands.extend(self.tasks_tab(ui, ctx, names, data, loaded_at)),
        }
        if let Some(form) = &mut self.official_form {
            let (command, closed) = form.ui(ui, lang, names);
            commands.extend(command);
            if closed {
                self.official_form = None;
            }
        }
        if let Some(form) = &mut self.task_form {
            let (command, closed) = form.ui(ui, lang, names, data);
            commands.extend(command);
            if closed {
                self.task_form = None;
            }
        }
        commands
    }
}

/// The officials with their duties, numbered; 新增干部…, edit and delete.
fn duties_ui(
    ui: &mut Ui,
    lang: Lang,
    names: &Names,
    data: &Data,
    form: &mut Option<OfficialForm>,
    note: &mut Option<String>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        if ui.button(lang.new_official()).clicked() {
            *form = Some(OfficialForm::new(None));
            *note = None;
        }
        ui.separator();
        super::widgets::print_buttons(
            ui,
            lang,
            &[(
                lang.print_duties(),
                crate::print::Printable::Ledger(crate::print::LedgerPrintout::Duties),
            )],
            &mut commands,
        );
        if let Some(note) = note.as_deref() {
            ui.colored_label(ERROR_RED, note);
        }
    });
    ui.add_space(4.0);
    if data.officials.is_empty() {
        ui.label(RichText::new(lang.officials_none()).weak());
        return commands;
    }
    egui::ScrollArea::vertical()
        .id_salt("officials")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("officials-grid")
                .num_columns(6)
                .striped(true)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    for title in [
                        lang.col_name(),
                        lang.col_position(),
                        lang.official_secretary(),
                        lang.official_duties_col(),
                        lang.official_tasks_col(),
                    ] {
                        ui.strong(title);
                    }
                    ui.label("");
                    ui.end_row();
                    for official in &data.officials {
                        let fields = &official.fields;
                        let mut name = RichText::new(&fields.name);
                        if fields.archived {
                            name = RichText::new(format!(
                                "{}{}",
                                fields.name,
                                lang.official_left_mark()
                            ))
                            .weak();
                        }
                        ui.label(name);
                        ui.scope(|ui| {
                            ui.set_max_width(200.0);
                            ui.add(egui::Label::new(&fields.post).wrap());
                        });
                        ui.label(names.secretary(fields.secretary_id));
                        ui.vertical(|ui| {
                            ui.set_max_width(420.0);
                            for (n, duty) in fields.duty_items().iter().enumerate() {
                                ui.add(egui::Label::new(format!("{}. {duty}", n + 1)).wrap());
                            }
                        });
                        let (open, all) = data
                            .task_counts
                            .get(&official.id)
                            .copied()
                            .unwrap_or_default();
                        ui.label(format!("{open} / {all}"));
                        ui.horizontal(|ui| {
                            if row_button(ui, lang.edit(), &fields.name).clicked() {
                                *form = Some(OfficialForm::new(Some(official)));
                                *note = None;
                            }
                            if row_button(ui, lang.delete(), &fields.name).clicked() {
                                // Refused while they own tasks: said at once, nothing sent.
                                if all > 0 {
                                    *note = Some(format!(
                                        "{}{}{}",
                                        fields.name,
                                        lang.say_colon(),
                                        lang.refusal(&Refusal::OfficialHasTasks(
                                            i64::try_from(all).unwrap_or(i64::MAX)
                                        ))
                                    ));
                                } else {
                                    *note = None;
                                    commands.push(Command::Write(Change::DeleteRecord(
                                        SystemRecord::Official(official.id),
                                    )));
                                }
                            }
                        });
                        ui.end_row();
                    }
                });
        });
    commands
}

/// The task list's state, borrowed from the screen while it draws.
struct TaskList<'a> {
    filter: &'a mut TaskFilter,
    search: &'a mut String,
    visible: &'a mut Filtered<ListKey>,
    scroll_to: &'a mut Option<TaskId>,
    form: &'a mut Option<TaskForm>,
    commands: &'a mut Vec<Command>,
}

impl TaskList<'_> {
    /// Draws the filters and the count; returns the row to scroll to (a task asked for).
    fn ui(
        self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        names: &Names,
        data: &Data,
        loaded_at: u64,
    ) -> Option<usize> {
        let lang = ctx.lang;
        ui.horizontal_wrapped(|ui| {
            if ui.button(lang.new_task()).clicked() {
                *self.form = Some(TaskForm::new(ctx.today, None, None));
            }
            ui.separator();
            // The task list of the period chosen for 比拼 and 激励.
            super::widgets::print_buttons(
                ui,
                lang,
                &[(
                    &lang.print_task_list(ctx.period),
                    crate::print::Printable::Ledger(crate::print::LedgerPrintout::Tasks(
                        ctx.period,
                    )),
                )],
                self.commands,
            );
            ui.separator();
            let owners: Vec<Owner> = data
                .officials
                .iter()
                .map(|o| Owner::Official(o.id))
                .chain(
                    super::widgets::in_office(&names.roster)
                        .into_iter()
                        .map(Owner::Secretary),
                )
                .collect();
            choice(
                ui,
                "tasks-owner",
                lang.task_col_owner(),
                &mut self.filter.owner,
                &owners,
                Some(lang.all()),
                |o| data.owner_name(o),
            );
            choice(
                ui,
                "tasks-state",
                lang.col_state(),
                &mut self.filter.shown,
                &[
                    TaskShown::NotStarted,
                    TaskShown::InProgress,
                    TaskShown::Done,
                    TaskShown::DoneLate,
                    TaskShown::Overdue,
                ],
                Some(lang.all()),
                |s| lang.task_shown(s).to_owned(),
            );
            let bases: Vec<BaseId> = names.bases.iter().map(|b| b.id).collect();
            choice(
                ui,
                "tasks-base",
                lang.task_col_base(),
                &mut self.filter.base,
                &bases,
                Some(lang.all()),
                |b| names.base(Some(b)),
            );
            super::widgets::search_field(ui, lang, self.search, lang.task_search_hint(), 180.0);
        });
        let key = (
            loaded_at,
            *self.filter,
            self.search.trim().to_lowercase(),
            ctx.today,
        );
        show_matching(self.visible, key, data);
        // A task asked for from elsewhere is shown even if the filters would hide it.
        if let Some(wanted) = *self.scroll_to
            && !self
                .visible
                .rows()
                .iter()
                .any(|&i| data.tasks[i].id == wanted)
            && data.tasks.iter().any(|t| t.id == wanted)
        {
            *self.filter = TaskFilter::default();
            self.search.clear();
            show_matching(
                self.visible,
                (loaded_at, *self.filter, String::new(), ctx.today),
                data,
            );
        }
        let overdue = data.tasks.iter().filter(|t| t.overdue(ctx.today)).count();
        ui.label(lang.tasks_shown(self.visible.rows().len(), data.tasks.len(), overdue));
        ui.separator();
        let rows = self.visible.rows();
        self.scroll_to
            .take()
            .and_then(|id| rows.iter().position(|&i| data.tasks[i].id == id))
    }
}

/// Keeps the tasks that the filters and the search (lower case) in `key` let through, worked
/// out again only when `key` changed.
fn show_matching(visible: &mut Filtered<ListKey>, key: ListKey, data: &Data) {
    let (filter, needle, today) = (key.1, key.2.clone(), key.3);
    visible.refresh(key, &data.indexes, |&i| {
        filter.matches(&data.tasks[i], today)
            && (needle.is_empty() || data.haystacks[i].contains(&needle))
    });
}

/// The detail's width beside the list.
const DETAIL_WIDTH: f32 = 380.0;

/// The tasks' table, only the rows in view drawn; returns the task clicked.
fn tasks_table(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    names: &Names,
    data: &Data,
    rows: &[usize],
    selected: Option<TaskId>,
    scroll_row: Option<usize>,
) -> Option<TaskId> {
    let lang = ctx.lang;
    let mut clicked = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    // The latest note is left out beside the detail, which shows it whole.
    let narrow = selected.is_some();
    let mut table = TableBuilder::new(ui)
        .id_salt("tasks-list")
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .max_scroll_height(f32::INFINITY)
        .column(Column::remainder().at_least(160.0).clip(true))
        .column(Column::exact(70.0).clip(true))
        .column(Column::exact(if narrow { 110.0 } else { 150.0 }).clip(true))
        .column(Column::exact(84.0))
        .column(Column::exact(84.0))
        .column(Column::exact(64.0));
    if !narrow {
        table = table.column(Column::exact(220.0).clip(true));
    }
    if let Some(row) = scroll_row {
        table = table.scroll_to_row(row, Some(egui::Align::Center));
    }
    let mut titles = vec![
        lang.task_col_title(),
        lang.task_col_owner(),
        lang.task_col_served(),
        lang.task_col_assigned(),
        lang.col_deadline(),
        lang.col_state(),
    ];
    if !narrow {
        titles.push(lang.task_col_latest());
    }
    table
        .header(22.0, |mut header| {
            for title in titles {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let task = &data.tasks[rows[row.index()]];
                let fields = &task.fields;
                row.set_selected(selected == Some(task.id));
                let mut hit = false;
                row.col(|ui| {
                    hit |= ui.link(&fields.title).clicked();
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(data.owner_name(fields.owner)).truncate());
                });
                row.col(|ui| {
                    // Cut short with the whole on hover.
                    ui.add(
                        egui::Label::new(served(names, fields.branch_id, fields.base_id))
                            .truncate(),
                    );
                });
                row.col(|ui| {
                    ui.label(fields.assigned_on.format("%Y-%m-%d").to_string());
                });
                row.col(|ui| {
                    let deadline = day_text(fields.deadline);
                    if task.overdue(ctx.today) {
                        ui.label(RichText::new(deadline).color(ERROR_RED).strong());
                    } else {
                        ui.label(deadline);
                    }
                });
                row.col(|ui| {
                    ui.label(shown_text(lang, task, ctx.today));
                });
                if !narrow {
                    row.col(|ui| {
                        ui.add(egui::Label::new(&task.last_note).truncate());
                    });
                }
                if hit || row.response().clicked() {
                    clicked = Some(task.id);
                }
            });
        });
    clicked
}

/// The branch and base a task serves, as one text.
fn served(names: &Names, branch: Option<BranchId>, base: Option<BaseId>) -> String {
    [names.branch(branch), names.base(base)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn day_text(day: Option<NaiveDate>) -> String {
    day.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The selected task beside the list: its record, 编辑 and 删除, its progress history and
/// the form to record the next step.
#[allow(clippy::too_many_arguments)]
fn detail_ui(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    names: &Names,
    data: &Data,
    task: &Task,
    history: Option<&[TaskEvent]>,
    progress: &mut ProgressForm,
    form: &mut Option<TaskForm>,
    closed: &mut bool,
) -> Vec<Command> {
    let lang = ctx.lang;
    let mut commands = Vec::new();
    if progress.task != Some(task.id) {
        *progress = ProgressForm {
            task: Some(task.id),
            // The step that usually comes next.
            state: match task.state {
                TaskState::NotStarted => Some(TaskState::InProgress),
                TaskState::InProgress => Some(TaskState::Done),
                TaskState::Done => None,
            },
            date: ctx.today.format("%Y-%m-%d").to_string(),
            ..ProgressForm::default()
        };
    }
    let fields = &task.fields;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt(("task-detail", task.id))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.add(egui::Label::new(RichText::new(&fields.title).heading()).wrap());
                });
                ui.horizontal(|ui| {
                    ui.label(shown_text(lang, task, ctx.today));
                    if ui.button(lang.edit()).clicked() {
                        let first_progress = history.and_then(|h| {
                            h.iter()
                                .filter(|e| e.state != TaskState::NotStarted)
                                .map(|e| e.date)
                                .min()
                        });
                        *form = Some(TaskForm::new(ctx.today, Some(task), first_progress));
                    }
                    if ui.button(lang.delete_task()).clicked() {
                        commands.push(Command::Write(Change::DeleteRecord(SystemRecord::Task(
                            task.id,
                        ))));
                        *closed = true;
                    }
                    if ui.button(lang.close()).clicked() {
                        *closed = true;
                    }
                });
                egui::Grid::new("task-detail-grid")
                    .num_columns(2)
                    .spacing([16.0, 4.0])
                    .show(ui, |ui| {
                        for (label, value) in [
                            (lang.task_col_description(), fields.description.clone()),
                            (lang.task_col_owner(), data.owner_name(fields.owner)),
                            (lang.task_col_branch(), names.branch(fields.branch_id)),
                        ] {
                            ui.label(RichText::new(label).weak());
                            ui.scope(|ui| {
                                ui.set_max_width(DETAIL_WIDTH - 120.0);
                                ui.add(egui::Label::new(value).wrap());
                            });
                            ui.end_row();
                        }
                        if let Some(base) = fields.base_id {
                            ui.label(RichText::new(lang.task_col_base()).weak());
                            if ui.link(names.base(Some(base))).clicked() {
                                commands.push(Command::Navigate(Screen::Base(base)));
                            }
                            ui.end_row();
                        }
                        for (label, value) in [
                            (
                                lang.task_col_assigned(),
                                fields.assigned_on.format("%Y-%m-%d").to_string(),
                            ),
                            (lang.col_deadline(), day_text(fields.deadline)),
                        ] {
                            ui.label(RichText::new(label).weak());
                            ui.label(value);
                            ui.end_row();
                        }
                    });
                ui.add_space(8.0);
                ui.strong(lang.task_history());
                match history {
                    None => super::data::waiting(ui, lang),
                    Some(history) => {
                        egui::Grid::new("task-history")
                            .num_columns(4)
                            .striped(true)
                            .spacing([10.0, 4.0])
                            .show(ui, |ui| {
                                for event in history {
                                    ui.label(event.date.format("%Y-%m-%d").to_string());
                                    ui.label(lang.task_state(event.state));
                                    ui.label(&event.actor);
                                    ui.scope(|ui| {
                                        ui.set_max_width(160.0);
                                        ui.add(egui::Label::new(&event.note).wrap());
                                    });
                                    ui.end_row();
                                }
                            });
                    }
                }
                ui.add_space(8.0);
                commands.extend(progress.ui(ui, ctx, task));
            });
    });
    commands
}

/// 记录进展: the next step of the selected task, as typed.
#[derive(Default)]
struct ProgressForm {
    /// The task it is typed for.
    task: Option<TaskId>,
    state: Option<TaskState>,
    date: String,
    note: String,
    /// Why the step was refused, beside the date.
    error: Option<&'static str>,
    saving: bool,
}

impl ProgressForm {
    fn check(
        &self,
        lang: Lang,
        task: &Task,
        state: TaskState,
        today: NaiveDate,
    ) -> Result<NaiveDate, &'static str> {
        let date = parse_day(&self.date).ok_or(lang.error_not_a_date())?;
        // The latest step's day is where the task stands since (its assignment at first).
        check_state_change(
            task.fields.assigned_on,
            Some(task.changed_on),
            state,
            date,
            &self.note,
            today,
        )
        .map_err(|e| lang.task_progress_error(e))?;
        Ok(date)
    }

    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, task: &Task) -> Option<Command> {
        let lang = ctx.lang;
        ui.strong(lang.task_record_progress());
        if self.error.is_some()
            && let Some(state) = self.state
        {
            self.error = self.check(lang, task, state, ctx.today).err();
        }
        egui::Grid::new("task-progress")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                choice(
                    ui,
                    "task-progress-state",
                    lang.task_progress_state(),
                    &mut self.state,
                    TaskState::ALL,
                    None,
                    |s| lang.task_state(s).to_owned(),
                );
                ui.end_row();
                let label = ui.label(lang.col_date());
                ui.vertical(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut self.date)
                            .hint_text(lang.day_hint())
                            .desired_width(110.0),
                    )
                    .labelled_by(label.id);
                    if let Some(error) = self.error {
                        ui.add(egui::Label::new(RichText::new(error).color(ERROR_RED)).wrap());
                    }
                });
                ui.end_row();
                let label = ui.label(lang.col_note());
                ui.add(
                    egui::TextEdit::multiline(&mut self.note)
                        .desired_rows(2)
                        .desired_width(DETAIL_WIDTH - 120.0),
                )
                .labelled_by(label.id);
                ui.end_row();
            });
        let clicked = ui
            .add_enabled(
                self.state.is_some() && !self.saving,
                egui::Button::new(lang.task_record_progress()),
            )
            .clicked();
        let state = self.state.filter(|_| clicked)?;
        match self.check(lang, task, state, ctx.today) {
            Err(error) => {
                self.error = Some(error);
                None
            }
            Ok(date) => {
                self.error = None;
                self.saving = true;
                Some(Command::Write(Change::RecordTaskProgress(
                    task.id,
                    state,
                    date,
                    self.note.trim().to_owned(),
                )))
            }
        }
    }
}

/// An official being added or changed.
struct OfficialForm {
    editing: Option<OfficialId>,
    fields: OfficialFields,
    name_error: Option<&'static str>,
    saving: bool,
    opened: OfficialFields,
}

impl FormWindow for OfficialForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

impl OfficialForm {
    fn new(official: Option<&Official>) -> Self {
        let fields = official.map(|o| o.fields.clone()).unwrap_or_default();
        Self {
            editing: official.map(|o| o.id),
            opened: fields.clone(),
            fields,
            name_error: None,
            saving: false,
        }
    }

    fn has_changes(&self) -> bool {
        self.fields != self.opened
    }

    fn ui(&mut self, ui: &mut Ui, lang: Lang, names: &Names) -> (Option<Command>, bool) {
        let mut command = None;
        // Esc closes a form with changes only after the shell's question (保存 / 不保存).
        let mut closed = super::widgets::escape_pressed(ui) && !self.has_changes();
        let title = if self.editing.is_some() {
            lang.edit_official()
        } else {
            lang.new_official().trim_end_matches('…')
        };
        let mut secretaries: Vec<SecretaryId> = super::widgets::in_office(&names.roster);
        if let Some(kept) = self
            .fields
            .secretary_id
            .filter(|s| !secretaries.contains(s))
        {
            secretaries.push(kept);
        }
        if self.name_error.is_some() && !self.fields.name.trim().is_empty() {
            self.name_error = None;
        }
        super::widgets::form_window(ui, title, "official-form", 500.0, |ui| {
            egui::Grid::new("official-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    text_field(
                        ui,
                        lang.col_name(),
                        &mut self.fields.name,
                        "",
                        self.name_error,
                    );
                    text_field(ui, lang.col_position(), &mut self.fields.post, "", None);
                    choice(
                        ui,
                        "official-secretary",
                        lang.official_secretary(),
                        &mut self.fields.secretary_id,
                        &secretaries,
                        Some(lang.none_value()),
                        |s| names.secretary(Some(s)),
                    );
                    ui.end_row();
                    let label = ui.label(lang.official_duties());
                    ui.add(
                        egui::TextEdit::multiline(&mut self.fields.duties)
                            .desired_rows(5)
                            .desired_width(340.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    ui.label("");
                    ui.checkbox(&mut self.fields.archived, lang.official_left());
                    ui.end_row();
                });
            let footer = super::widgets::form_footer(ui, lang, self.saving, None);
            if footer.save {
                if self.fields.name.trim().is_empty() {
                    self.name_error = Some(lang.error_name_required());
                } else {
                    self.saving = true;
                    command = Some(Command::Write(match self.editing {
                        Some(id) => Change::UpdateOfficial(id, self.fields.clone()),
                        None => Change::AddOfficial(self.fields.clone()),
                    }));
                }
            }
            closed |= footer.cancel;
        });
        (command, closed)
    }
}

/// A task being given or changed.
struct TaskForm {
    editing: Option<TaskId>,
    title: String,
    description: String,
    owner: Option<Owner>,
    branch: Option<BranchId>,
    base: Option<BaseId>,
    assigned: String,
    deadline: String,
    /// When editing: the day of its first progress (it cannot be given after).
    first_progress: Option<NaiveDate>,
    title_error: Option<&'static str>,
    owner_error: Option<&'static str>,
    assigned_error: Option<&'static str>,
    deadline_error: Option<&'static str>,
    saving: bool,
    opened: String,
}

impl FormWindow for TaskForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

impl TaskForm {
    fn new(today: NaiveDate, task: Option<&Task>, first_progress: Option<NaiveDate>) -> Self {
        let fields = task.map(|t| &t.fields);
        let mut form = Self {
            editing: task.map(|t| t.id),
            title: fields.map(|f| f.title.clone()).unwrap_or_default(),
            description: fields.map(|f| f.description.clone()).unwrap_or_default(),
            owner: fields.map(|f| f.owner),
            branch: fields.and_then(|f| f.branch_id),
            base: fields.and_then(|f| f.base_id),
            assigned: fields
                .map_or(today, |f| f.assigned_on)
                .format("%Y-%m-%d")
                .to_string(),
            deadline: day_text(fields.and_then(|f| f.deadline)),
            first_progress,
            title_error: None,
            owner_error: None,
            assigned_error: None,
            deadline_error: None,
            saving: false,
            opened: String::new(),
        };
        form.opened = form.typed();
        form
    }

    fn typed(&self) -> String {
        format!(
            "{:?}",
            (
                &self.title,
                &self.description,
                self.owner,
                self.branch,
                self.base,
                &self.assigned,
                &self.deadline
            )
        )
    }

    fn has_changes(&self) -> bool {
        self.opened != self.typed()
    }

    fn has_errors(&self) -> bool {
        self.title_error.is_some()
            || self.owner_error.is_some()
            || self.assigned_error.is_some()
            || self.deadline_error.is_some()
    }

    /// The task as typed, or the errors set beside their fields.
    fn validate(&mut self, lang: Lang) -> Option<TaskFields> {
        self.title_error = None;
        self.owner_error = None;
        self.assigned_error = None;
        self.deadline_error = None;
        let assigned = parse_day(&self.assigned);
        if assigned.is_none() {
            self.assigned_error = Some(lang.error_not_a_date());
        }
        let deadline = if self.deadline.trim().is_empty() {
            None
        } else {
            let day = parse_day(&self.deadline);
            if day.is_none() {
                self.deadline_error = Some(lang.error_not_a_date());
            }
            day
        };
        if self.owner.is_none() {
            self.owner_error = Some(lang.error_owner_required());
        }
        if self.title.trim().is_empty() {
            self.title_error = Some(lang.task_error(crate::domain::task::TaskError::TitleRequired));
        }
        let (Some(owner), Some(assigned_on)) = (self.owner, assigned) else {
            return None;
        };
        let fields = TaskFields {
            title: self.title.trim().to_owned(),
            description: self.description.trim().to_owned(),
            owner,
            branch_id: self.branch,
            base_id: self.base,
            assigned_on,
            deadline,
        };
        if let Err(error) = fields.check() {
            match error {
                crate::domain::task::TaskError::TitleRequired => {
                    self.title_error = Some(lang.task_error(error));
                }
                crate::domain::task::TaskError::DeadlineBeforeAssigned => {
                    self.deadline_error = self.deadline_error.or(Some(lang.task_error(error)));
                }
            }
        }
        if self.first_progress.is_some_and(|first| first < assigned_on) {
            self.assigned_error = Some(lang.error_assigned_after_progress());
        }
        (!self.has_errors()).then_some(fields)
    }

    fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        names: &Names,
        data: &Data,
    ) -> (Option<Command>, bool) {
        if self.has_errors() {
            let _ = self.validate(lang);
        }
        let mut command = None;
        // Esc closes a form with changes only after the shell's question (保存 / 不保存).
        let mut closed = super::widgets::escape_pressed(ui) && !self.has_changes();
        let title = if self.editing.is_some() {
            lang.edit_task()
        } else {
            lang.new_task().trim_end_matches('…')
        };
        let owners = data.owners_offered(names, self.owner);
        let branches: Vec<BranchId> = names
            .branches
            .iter()
            .filter(|b| !b.archived || Some(b.id) == self.branch)
            .map(|b| b.id)
            .collect();
        let bases = names.bases_offered(self.base);
        super::widgets::form_window(ui, title, "task-form", 540.0, |ui| {
            egui::Grid::new("task-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    text_field(
                        ui,
                        lang.task_col_title(),
                        &mut self.title,
                        "",
                        self.title_error,
                    );
                    let label = ui.label(lang.task_col_description());
                    ui.add(
                        egui::TextEdit::multiline(&mut self.description)
                            .desired_rows(3)
                            .desired_width(380.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    ui.label(lang.task_col_owner());
                    ui.horizontal(|ui| {
                        super::widgets::combo(
                            ui,
                            "task-owner",
                            lang.task_col_owner(),
                            &mut self.owner,
                            &owners,
                            None,
                            |o| data.owner_name(o),
                        );
                        if let Some(error) = self.owner_error {
                            ui.colored_label(ERROR_RED, error);
                        }
                    });
                    ui.end_row();
                    choice(
                        ui,
                        "task-branch",
                        lang.task_col_branch(),
                        &mut self.branch,
                        &branches,
                        Some(lang.none_value()),
                        |b| names.branch(Some(b)),
                    );
                    ui.end_row();
                    choice(
                        ui,
                        "task-base",
                        lang.task_col_base(),
                        &mut self.base,
                        &bases,
                        Some(lang.none_value()),
                        |b| names.base(Some(b)),
                    );
                    ui.end_row();
                    text_field(
                        ui,
                        lang.task_col_assigned(),
                        &mut self.assigned,
                        lang.day_hint(),
                        self.assigned_error,
                    );
                    text_field(
                        ui,
                        lang.col_deadline(),
                        &mut self.deadline,
                        lang.day_hint(),
                        self.deadline_error,
                    );
                });
            let footer = super::widgets::form_footer(ui, lang, self.saving, None);
            if footer.save
                && let Some(fields) = self.validate(lang)
            {
                self.saving = true;
                let fields = Box::new(fields);
                command = Some(Command::Write(match self.editing {
                    Some(id) => Change::UpdateTask(id, fields),
                    None => Change::AddTask(fields),
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

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn task(id: i64, title: &str, owner: Owner, deadline: &str, state: TaskState) -> Task {
        Task {
            id: TaskId(id),
            fields: TaskFields {
                title: title.into(),
                description: String::new(),
                owner,
                branch_id: None,
                base_id: None,
                assigned_on: day("2026-01-01"),
                deadline: Some(day(deadline)),
            },
            state,
            changed_on: day("2026-02-01"),
            last_note: if state == TaskState::Done {
                "Done and checked".into()
            } else {
                String::new()
            },
        }
    }

    #[test]
    fn the_list_keeps_the_tasks_the_filters_and_the_search_let_through() {
        let li = Owner::Official(OfficialId(1));
        let zhao = Owner::Official(OfficialId(2));
        let tasks = vec![
            task(
                1,
                "完成二期大棚建设",
                li,
                "2026-03-01",
                TaskState::InProgress,
            ),
            task(
                2,
                "组织菌棒技术培训",
                zhao,
                "2026-12-31",
                TaskState::NotStarted,
            ),
            task(3, "整理产业台账", li, "2026-03-01", TaskState::Done),
        ];
        let owners: HashMap<Owner, String> =
            [(li, "李卫东".to_owned()), (zhao, "赵红梅".to_owned())].into();
        let data = Data {
            officials: Vec::new(),
            haystacks: tasks
                .iter()
                .map(|t| {
                    format!(
                        "{}\n{}\n{}",
                        t.fields.title, t.last_note, owners[&t.fields.owner]
                    )
                    .to_lowercase()
                })
                .collect(),
            indexes: (0..tasks.len()).collect(),
            tasks,
            owners,
            task_counts: HashMap::new(),
        };
        let today = day("2026-06-01");
        let mut visible = Filtered::default();
        let overdue = TaskFilter {
            shown: Some(TaskShown::Overdue),
            ..TaskFilter::default()
        };
        show_matching(&mut visible, (1, overdue, String::new(), today), &data);
        assert_eq!(visible.rows(), [0]);
        show_matching(
            &mut visible,
            (1, TaskFilter::default(), "赵红梅".into(), today),
            &data,
        );
        assert_eq!(visible.rows(), [1], "found by its owner's name");
        // The search is given in lower case and finds any case.
        show_matching(
            &mut visible,
            (1, TaskFilter::default(), "checked".into(), today),
            &data,
        );
        assert_eq!(visible.rows(), [2]);
        let of_li = TaskFilter {
            owner: Some(li),
            ..TaskFilter::default()
        };
        show_matching(&mut visible, (1, of_li, String::new(), today), &data);
        assert_eq!(visible.rows(), [0, 2]);
    }
}
