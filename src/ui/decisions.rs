//! 四议两公开: the register of village decisions (thousands in a county's file, filtered by
//! village, where they stand and year, searched by title), and a decision's sheet: its six
//! steps in order, each recorded with its day, attendance and note, checked against the steps
//! around it and the quorum before anything is sent.

use super::data::{Filtered, Memo, Names};
use super::widgets::{ERROR_RED, choice, row_button, screen_title, text_field};
use super::{Change, Command, ViewContext};
use crate::domain::BranchId;
use crate::domain::decision::{
    Decision, DecisionFields, DecisionId, Quorum, Standing, Step, StepRecord, check_step,
};
use crate::domain::search::SearchKey;
use crate::domain::session::parse_day;
use crate::i18n::Lang;
use crate::store::{Refusal, Store, SystemRecord};
use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};

const GREEN: Color32 = Color32::from_rgb(40, 140, 60);

/// The decisions, each title prepared for search, and the years their steps fall in.
struct Data {
    decisions: Vec<Decision>,
    /// Per decision (by its place in `decisions`), its title's search key.
    keys: Vec<(usize, SearchKey)>,
    /// Newest first.
    years: Vec<i32>,
    /// How many are under way (started, not complete).
    in_progress: usize,
}

fn load(store: &Store, (): &()) -> crate::store::Result<Data> {
    let decisions = store.decisions()?;
    let keys = decisions
        .iter()
        .enumerate()
        .map(|(n, d)| (n, SearchKey::new(&d.fields.title)))
        .collect();
    let mut years: Vec<i32> = decisions
        .iter()
        .flat_map(|d| d.steps.iter().flatten().filter_map(|s| s.held_on))
        .map(|d| d.year())
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let in_progress = decisions
        .iter()
        .filter(|d| Stands::of(d) == Stands::InProgress)
        .count();
    Ok(Data {
        decisions,
        keys,
        years,
        in_progress,
    })
}

impl Data {
    fn decision(&self, id: DecisionId) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.id == id)
    }
}

/// Where a decision stands, as the register filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stands {
    NotStarted,
    InProgress,
    Complete,
}

impl Stands {
    const ALL: [Self; 3] = [Self::NotStarted, Self::InProgress, Self::Complete];

    fn of(decision: &Decision) -> Self {
        match decision.standing() {
            Standing::NotStarted => Self::NotStarted,
            Standing::Passed(_) => Self::InProgress,
            Standing::Complete => Self::Complete,
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        match self {
            Self::NotStarted => lang.decision_not_started(),
            Self::InProgress => lang.decision_in_progress(),
            Self::Complete => lang.decision_complete(),
        }
    }
}

/// What the register lists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Filters {
    branch: Option<BranchId>,
    stands: Option<Stands>,
    /// Decisions with a step in this year.
    year: Option<i32>,
    search: String,
}

impl Filters {
    fn matches(&self, decision: &Decision, key: &SearchKey) -> bool {
        let search = self.search.trim();
        self.branch.is_none_or(|b| decision.fields.branch_id == b)
            && self.stands.is_none_or(|s| Stands::of(decision) == s)
            && self.year.is_none_or(|y| {
                decision
                    .steps
                    .iter()
                    .flatten()
                    .any(|s| s.held_on.is_some_and(|d| d.year() == y))
            })
            && (search.is_empty() || key.matches(search) || decision.fields.title.contains(search))
    }
}

/// One step's line of the sheet, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Line {
    date: String,
    expected: String,
    present: String,
    note: String,
}

impl Line {
    fn of(record: Option<&StepRecord>) -> Self {
        let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
        record.map_or_else(Self::default, |r| Self {
            date: r
                .held_on
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            expected: number(r.expected),
            present: number(r.present),
            note: r.note.clone(),
        })
    }

    /// The step as typed, checked against the decision's other steps, or why not.
    fn record(
        &self,
        lang: Lang,
        decision: &Decision,
        step: Step,
        today: NaiveDate,
    ) -> Result<StepRecord, String> {
        let held_on = match self.date.trim() {
            "" => None,
            text => Some(parse_day(text).ok_or_else(|| lang.error_not_a_date().to_owned())?),
        };
        let count = |text: &str| -> Result<Option<i64>, String> {
            match text.trim() {
                "" => Ok(None),
                text => text
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n >= 0)
                    .map(Some)
                    .ok_or_else(|| lang.error_not_a_count().to_owned()),
            }
        };
        let meeting = step.is_meeting();
        let record = StepRecord {
            held_on,
            expected: if meeting {
                count(&self.expected)?
            } else {
                None
            },
            present: if meeting { count(&self.present)? } else { None },
            note: self.note.trim().to_owned(),
        };
        check_step(&decision.steps, step, &record, today).map_err(|e| lang.decision_error(e))?;
        Ok(record)
    }
}

/// The sheet of the decision shown: its six lines as typed.
struct Sheet {
    id: DecisionId,
    /// The load the lines were filled from.
    loaded_at: Option<u64>,
    lines: [Line; 6],
    /// The lines as recorded (what 清除 and a reload compare with).
    opened: [Line; 6],
    /// Why a line was not saved, with the line as it was then (the sentence goes once the
    /// line is changed and right).
    errors: [Option<(String, Line)>; 6],
}

impl Sheet {
    fn new(decision: &Decision, loaded_at: Option<u64>) -> Self {
        let lines: [Line; 6] = std::array::from_fn(|i| Line::of(decision.steps[i].as_ref()));
        Self {
            id: decision.id,
            loaded_at,
            opened: lines.clone(),
            lines,
            errors: Default::default(),
        }
    }

    /// The decision read again: a line not typed into takes what is recorded now; one typed
    /// into keeps what was typed.
    fn reload(&mut self, decision: &Decision, loaded_at: Option<u64>) {
        for (i, line) in self.lines.iter_mut().enumerate() {
            let recorded = Line::of(decision.steps[i].as_ref());
            if *line == self.opened[i] {
                line.clone_from(&recorded);
            }
            self.opened[i] = recorded;
        }
        self.loaded_at = loaded_at;
    }
}

/// A decision being added or changed.
struct DecisionForm {
    editing: Option<DecisionId>,
    branch: Option<BranchId>,
    title: String,
    content: String,
    branch_error: bool,
    error: Option<String>,
    saving: bool,
    opened: (Option<BranchId>, String, String),
}

impl super::widgets::FormWindow for DecisionForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

impl DecisionForm {
    fn new(decision: Option<&Decision>, branch: Option<BranchId>) -> Self {
        let (branch, title, content) =
            decision.map_or((branch, String::new(), String::new()), |d| {
                (
                    Some(d.fields.branch_id),
                    d.fields.title.clone(),
                    d.fields.content.clone(),
                )
            });
        Self {
            editing: decision.map(|d| d.id),
            opened: (branch, title.clone(), content.clone()),
            branch,
            title,
            content,
            branch_error: false,
            error: None,
            saving: false,
        }
    }

    fn changed(&self) -> bool {
        self.opened != (self.branch, self.title.clone(), self.content.clone())
    }

    /// Draws the form; returns the write asked for, and whether it was closed.
    fn ui(&mut self, ui: &mut Ui, lang: Lang, names: &Names) -> (Option<Command>, bool) {
        let mut command = None;
        // Esc closes a form with changes only after the shell's question (保存 / 不保存).
        let mut closed = super::widgets::escape_pressed(ui) && !self.changed();
        let title = if self.editing.is_some() {
            lang.edit_decision()
        } else {
            lang.new_decision_title()
        };
        let mut branches: Vec<BranchId> = names
            .branches
            .iter()
            .filter(|b| !b.archived)
            .map(|b| b.id)
            .collect();
        if let Some(branch) = self.branch.filter(|b| !branches.contains(b)) {
            branches.push(branch);
        }
        super::widgets::form_window(ui, title, "decision-form", 520.0, |ui| {
            egui::Grid::new("decision-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    choice(
                        ui,
                        "decision-form-branch",
                        lang.decision_village(),
                        &mut self.branch,
                        &branches,
                        None,
                        |id| names.branch(Some(id)),
                    );
                    if self.branch_error && self.branch.is_none() {
                        ui.colored_label(ERROR_RED, lang.error_village_required());
                    }
                    ui.end_row();
                    text_field(
                        ui,
                        lang.col_decision_title(),
                        &mut self.title,
                        "",
                        self.error.as_deref(),
                    );
                    let label = ui.label(lang.col_decision_content());
                    ui.add(
                        egui::TextEdit::multiline(&mut self.content)
                            .desired_rows(4)
                            .desired_width(340.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                });
            let footer = super::widgets::form_footer(ui, lang, self.saving, None);
            if footer.save {
                self.branch_error = self.branch.is_none();
                if let Some(branch_id) = self.branch {
                    let fields = DecisionFields {
                        branch_id,
                        title: self.title.trim().to_owned(),
                        content: self.content.trim().to_owned(),
                    };
                    if let Err(e) = fields.check() {
                        self.error = Some(lang.decision_error(e));
                    } else {
                        self.error = None;
                        self.saving = true;
                        command = Some(Command::Write(match self.editing {
                            Some(id) => Change::UpdateDecision(id, fields),
                            None => Change::AddDecision(fields),
                        }));
                    }
                }
            }
            closed |= footer.cancel;
        });
        (command, closed)
    }
}

/// The 四议两公开 screen.
#[derive(Default)]
pub struct DecisionsScreen {
    /// A decision asked for from elsewhere (the calendar), to show when drawn.
    requested: Option<crate::domain::decision::DecisionId>,
    data: Memo<(), Data>,
    filters: Filters,
    visible: Filtered<(u64, Filters)>,
    selected: Option<DecisionId>,
    sheet: Option<Sheet>,
    form: Option<DecisionForm>,
    /// The step whose write is on its way.
    saving_step: Option<(DecisionId, Step)>,
    /// The step the store refused (its sentence shows beside it once the data is read).
    refused_step: Option<(DecisionId, Step)>,
    /// A decision just added, to select once it is read: its village and title.
    added: Option<(BranchId, String)>,
}

impl DecisionsScreen {
    /// Shows `decision` when the screen is next drawn.
    pub fn open_decision(&mut self, decision: crate::domain::decision::DecisionId) {
        self.requested = Some(decision);
    }

    /// The titles listed, in order (for tests).
    pub fn visible_titles(&self) -> Vec<String> {
        self.visible
            .each(self.data.shown().map(|d| &d.decisions), |d| {
                d.fields.title.clone()
            })
    }
}

impl super::View for DecisionsScreen {
    fn unsaved(&self) -> Option<super::drafts::Draft> {
        let form = self.form.as_ref().is_some_and(DecisionForm::changed);
        let lines = self.sheet.as_ref().is_some_and(|s| s.lines != s.opened);
        (form || lines).then_some(super::drafts::Draft::Unkept)
    }

    fn discard_unsaved(&mut self) {
        self.form = None;
        if let Some(sheet) = &mut self.sheet {
            sheet.lines.clone_from(&sheet.opened);
            sheet.errors = Default::default();
        }
    }

    fn file_changed(&mut self) {
        *self = Self::default();
    }

    fn write_finished(&mut self, succeeded: bool) {
        if let Some(form) = &self.form
            && form.saving
            && succeeded
            && form.editing.is_none()
            && let Some(branch) = form.branch
        {
            self.added = Some((branch, form.title.trim().to_owned()));
        }
        super::widgets::close_after_write(&mut self.form, succeeded);
        if let Some((decision, step)) = self.saving_step.take() {
            if !succeeded {
                self.refused_step = Some((decision, step));
            } else if let Some(sheet) = &mut self.sheet
                && sheet.id == decision
            {
                // What is on screen is what was saved (nothing left to ask about on
                // leaving); the line takes what is recorded once it is read again.
                let i = step.index();
                sheet.opened[i] = sheet.lines[i].clone();
            }
        }
    }

    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        // The data is borrowed while the sheet and the selection change.
        let mut memo = std::mem::take(&mut self.data);
        let commands = self.draw(ui, ctx, &mut memo);
        self.data = memo;
        commands
    }
}

impl DecisionsScreen {
    fn draw(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        memo: &mut Memo<(), Data>,
    ) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        screen_title(ui, lang.nav_decisions());
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        memo.refresh(ctx, &(), load);
        let loaded_at = memo.loaded_at();
        let Some(data) = super::data::ready(ui, lang, memo.get(&())) else {
            return commands;
        };
        if let Some(id) = self.requested.take() {
            self.selected = Some(id);
        }
        if let Some((branch, title)) = &self.added
            && let Some(new) = data
                .decisions
                .iter()
                .filter(|d| d.fields.branch_id == *branch && d.fields.title == *title)
                .max_by_key(|d| d.id)
        {
            self.selected = Some(new.id);
            self.added = None;
        }
        let key = (loaded_at.unwrap_or_default(), self.filters.clone());
        let filters = &self.filters;
        self.visible.refresh(key, &data.keys, |(n, key)| {
            filters.matches(&data.decisions[*n], key)
        });
        filter_bar(ui, lang, names, data, &mut self.filters, &mut self.form);
        ui.horizontal_wrapped(|ui| {
            // The register of the year filtered on, or of the period chosen for 比拼 and 激励.
            let period = self
                .filters
                .year
                .and_then(crate::domain::period::Period::year)
                .unwrap_or(ctx.period);
            let mut documents = vec![(
                lang.print_decision_register(),
                crate::print::Printable::Ledger(crate::print::LedgerPrintout::Decisions(period)),
            )];
            if let Some(id) = self.selected {
                documents.insert(
                    0,
                    (
                        lang.print_decision_record(),
                        crate::print::Printable::Decision(id),
                    ),
                );
            }
            super::widgets::print_buttons(ui, lang, &documents, &mut commands);
        });
        ui.label(
            RichText::new(lang.decision_counts(
                self.visible.rows().len(),
                data.decisions.len(),
                data.in_progress,
            ))
            .weak(),
        );
        let decision = self.selected.and_then(|id| data.decision(id));
        // The register above, the sheet below: the sheet keeps the room its six steps need.
        let room = ui.available_height();
        let register_height = if decision.is_some() {
            (room - 312.0).max(110.0)
        } else {
            room
        };
        let clicked = register(
            ui,
            ctx,
            names,
            data,
            self.visible.rows(),
            self.selected,
            register_height,
            &mut commands,
            &mut self.form,
        );
        if let Some(id) = clicked {
            self.selected = Some(id);
        }
        if let Some(decision) = self.selected.and_then(|id| data.decision(id)) {
            commands.extend(self.sheet_part(ui, ctx, names, decision, loaded_at));
        } else {
            self.sheet = None;
            if !data.decisions.is_empty() {
                ui.separator();
                ui.label(RichText::new(lang.choose_decision()).weak());
            }
        }
        if let Some(form) = &mut self.form {
            let (command, closed) = form.ui(ui, lang, names);
            commands.extend(command);
            if closed {
                self.form = None;
            }
        }
        commands
    }
}

impl DecisionsScreen {
    /// The sheet of `decision`: filled from it when another is chosen or it is read again;
    /// a step the store refused is told beside it.
    fn sheet_part(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        names: &Names,
        decision: &Decision,
        loaded_at: Option<u64>,
    ) -> Vec<Command> {
        let sheet = match &mut self.sheet {
            Some(sheet) if sheet.id == decision.id => {
                if sheet.loaded_at != loaded_at {
                    sheet.reload(decision, loaded_at);
                    // A sentence the steps around it have since answered (the step before
                    // now recorded) goes.
                    for (i, step) in Step::ALL.iter().enumerate() {
                        if sheet.errors[i].is_some()
                            && sheet.lines[i]
                                .record(ctx.lang, decision, *step, ctx.today)
                                .is_ok()
                        {
                            sheet.errors[i] = None;
                        }
                    }
                }
                sheet
            }
            other => other.insert(Sheet::new(decision, loaded_at)),
        };
        if let Some((id, step)) = self.refused_step.take()
            && id == decision.id
        {
            let i = step.index();
            let why = sheet.lines[i]
                .record(ctx.lang, decision, step, ctx.today)
                .err()
                .unwrap_or_else(|| ctx.lang.step_not_saved().to_owned());
            sheet.errors[i] = Some((why, sheet.lines[i].clone()));
        }
        // Ctrl+S, or 保存 answered on leaving: the first step typed into is saved as its
        // 保存这一步 would (or told why not, and the leaving stops).
        let mut asked = Vec::new();
        if self.form.is_none()
            && sheet.lines != sheet.opened
            && super::widgets::save_requested(ui)
            && let Some(i) = (0..6).find(|i| sheet.lines[*i] != sheet.opened[*i])
        {
            let step = Step::ALL[i];
            match sheet.lines[i].record(ctx.lang, decision, step, ctx.today) {
                Ok(record) => asked.push(Command::Write(Change::SetDecisionStep(
                    decision.id,
                    step,
                    Some(record),
                ))),
                Err(error) => sheet.errors[i] = Some((error, sheet.lines[i].clone())),
            }
        }
        ui.separator();
        asked.extend(sheet_ui(ui, ctx, names, decision, sheet, &mut self.form));
        for command in &asked {
            if let Command::Write(Change::SetDecisionStep(id, step, _)) = command {
                self.saving_step = Some((*id, *step));
            }
        }
        asked
    }
}

/// The filters, the search and 新建决策….
fn filter_bar(
    ui: &mut Ui,
    lang: Lang,
    names: &Names,
    data: &Data,
    filters: &mut Filters,
    form: &mut Option<DecisionForm>,
) {
    ui.horizontal_wrapped(|ui| {
        let branches: Vec<BranchId> = names
            .branches
            .iter()
            .filter(|b| !b.archived)
            .map(|b| b.id)
            .collect();
        choice(
            ui,
            "decisions-branch",
            lang.decision_village(),
            &mut filters.branch,
            &branches,
            Some(lang.all()),
            |id| names.branch(Some(id)),
        );
        choice(
            ui,
            "decisions-stands",
            lang.col_standing(),
            &mut filters.stands,
            &Stands::ALL,
            Some(lang.all()),
            |s| s.name(lang).to_owned(),
        );
        choice(
            ui,
            "decisions-year",
            lang.decision_year(),
            &mut filters.year,
            &data.years,
            Some(lang.all()),
            |y| y.to_string(),
        );
        super::widgets::search_field(
            ui,
            lang,
            &mut filters.search,
            lang.decision_search_hint(),
            170.0,
        );
        ui.separator();
        if ui.button(lang.new_decision()).clicked() {
            *form = Some(DecisionForm::new(None, filters.branch));
        }
    });
}

/// The register's table; returns the decision clicked.
#[allow(clippy::too_many_arguments)] // one table, drawn from the screen's parts
fn register(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    names: &Names,
    data: &Data,
    rows: &[usize],
    selected: Option<DecisionId>,
    height: f32,
    commands: &mut Vec<Command>,
    form: &mut Option<DecisionForm>,
) -> Option<DecisionId> {
    let lang = ctx.lang;
    let mut clicked = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let scroll_to = selected.and_then(|id| {
        let moved = ui
            .ctx()
            .data(|d| d.get_temp::<DecisionId>(egui::Id::unique("decision-shown")));
        (moved != Some(id))
            .then(|| rows.iter().position(|&n| data.decisions[n].id == id))
            .flatten()
    });
    if let Some(id) = selected {
        ui.ctx()
            .data_mut(|d| d.insert_temp(egui::Id::unique("decision-shown"), id));
    }
    ui.push_id("decision-register", |ui| {
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .max_scroll_height(height)
            .min_scrolled_height(height.min(110.0))
            .column(Column::initial(150.0).clip(true))
            .column(Column::remainder().at_least(220.0).clip(true))
            .column(Column::initial(290.0).clip(true))
            .column(Column::initial(100.0))
            .column(Column::initial(100.0))
            .column(Column::initial(110.0));
        if let Some(row) = scroll_to {
            table = table.scroll_to_row(row, Some(egui::Align::Center));
        }
        table
            .header(row_height, |mut header| {
                for title in [
                    lang.decision_village(),
                    lang.col_decision_title(),
                    lang.col_standing(),
                    lang.col_first_step(),
                    lang.col_last_step(),
                    "",
                ] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let decision = &data.decisions[rows[row.index()]];
                    let fields = &decision.fields;
                    row.set_selected(selected == Some(decision.id));
                    row.col(|ui| {
                        ui.label(names.branch(Some(fields.branch_id)));
                    });
                    row.col(|ui| {
                        if ui
                            .selectable_label(selected == Some(decision.id), &fields.title)
                            .clicked()
                        {
                            clicked = Some(decision.id);
                        }
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(standing_text(lang, decision)).truncate());
                    });
                    let day = |d: Option<NaiveDate>| {
                        d.map(|d| d.format("%Y-%m-%d").to_string())
                            .unwrap_or_default()
                    };
                    row.col(|ui| {
                        ui.label(day(decision.started_on()));
                    });
                    row.col(|ui| {
                        ui.label(day(decision.last_on()));
                    });
                    row.col(|ui| {
                        ui.horizontal(|ui| {
                            if row_button(ui, lang.edit(), &fields.title).clicked() {
                                *form = Some(DecisionForm::new(Some(decision), None));
                            }
                            if row_button(ui, lang.delete(), &fields.title).clicked() {
                                commands.push(Command::Write(Change::DeleteRecord(
                                    SystemRecord::Decision(decision.id),
                                )));
                            }
                        });
                    });
                });
            });
    });
    clicked
}

/// Where a decision stands, green when complete, weak before it starts.
fn standing_text(lang: Lang, decision: &Decision) -> RichText {
    let standing = decision.standing();
    let text = RichText::new(lang.decision_standing(standing));
    match standing {
        Standing::Complete => text.color(GREEN),
        Standing::NotStarted => text.weak(),
        Standing::Passed(_) => text,
    }
}

fn quorum_name(lang: Lang, quorum: Quorum) -> &'static str {
    match quorum {
        Quorum::Half => lang.quorum_half(),
        Quorum::TwoThirds => lang.quorum_two_thirds(),
    }
}

/// The widths of the sheet's columns, in points.
const STEP_WIDTHS: [f32; 7] = [18.0, 168.0, 108.0, 50.0, 50.0, 176.0, 260.0];

/// The height of a step's line, in points.
const LINE_HEIGHT: f32 = 22.0;

/// A cell of the sheet `width` wide, its contents left-aligned and centred in the line.
fn cell<R>(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    ui.allocate_ui_with_layout(
        egui::vec2(width, LINE_HEIGHT),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_size(egui::vec2(width, LINE_HEIGHT));
            add(ui)
        },
    )
    .inner
}

/// A decision's sheet: its title, village and standing, then its six steps.
fn sheet_ui(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    names: &Names,
    decision: &Decision,
    sheet: &mut Sheet,
    form: &mut Option<DecisionForm>,
) -> Vec<Command> {
    let lang = ctx.lang;
    let mut commands = Vec::new();
    let fields = &decision.fields;
    ui.horizontal(|ui| {
        ui.label(RichText::new(&fields.title).strong().size(17.0));
        ui.label(RichText::new(names.branch(Some(fields.branch_id))).weak());
        ui.separator();
        ui.label(standing_text(lang, decision).strong());
        if let Some(next) = decision.next_step() {
            ui.label(format!(
                "{}{}",
                lang.next_step_is(),
                lang.decision_step(next)
            ));
        }
        ui.separator();
        if ui.button(lang.edit_decision()).clicked() {
            *form = Some(DecisionForm::new(Some(decision), None));
        }
    });
    if !fields.content.is_empty() {
        ui.add(egui::Label::new(RichText::new(&fields.content).weak()).truncate());
    }
    egui::ScrollArea::vertical()
        .id_salt("decision-sheet")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 2.0;
            ui.horizontal(|ui| {
                let titles = [
                    "",
                    lang.col_step(),
                    lang.col_date(),
                    lang.step_expected(),
                    lang.step_present(),
                    lang.col_quorum(),
                    lang.col_step_note(),
                ];
                for (title, width) in titles.iter().zip(STEP_WIDTHS) {
                    let response = cell(ui, width, |ui| {
                        ui.add(egui::Label::new(RichText::new(*title).strong()).truncate())
                    });
                    if *title == lang.col_quorum() {
                        response.on_hover_text(lang.quorum_explained());
                    }
                }
            });
            let next = decision.next_step();
            for step in Step::ALL {
                commands.extend(step_line(ui, ctx, decision, sheet, *step, next));
            }
        });
    commands
}

/// One step's line: its state, the fields, 保存这一步 and 清除, and its error below.
fn step_line(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    decision: &Decision,
    sheet: &mut Sheet,
    step: Step,
    next: Option<Step>,
) -> Option<Command> {
    let lang = ctx.lang;
    let i = step.index();
    let name = lang.decision_step(step);
    let recorded = decision.steps[i].is_some();
    let is_next = next == Some(step);
    // Steps beyond the next one wait for it: greyed, though still typed into (a step out of
    // order is then refused with its sentence).
    let waiting = next.is_some_and(|n| step.index() > n.index());
    let mut command = None;
    let error_before = sheet.errors[i].as_ref().map(|(e, _)| e.clone());
    let fill = if is_next {
        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
    } else {
        Color32::TRANSPARENT
    };
    egui::Frame::new()
        .fill(fill)
        .corner_radius(3.0)
        .inner_margin(egui::Margin::symmetric(0, 1))
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 1.0;
            ui.horizontal(|ui| {
                let [w_mark, w_step, w_date, w_count, _, w_quorum, w_note] = STEP_WIDTHS;
                let mark = if recorded {
                    RichText::new("√").color(GREEN)
                } else if is_next {
                    RichText::new("▶").strong()
                } else {
                    RichText::new("")
                };
                let mark = cell(ui, w_mark, |ui| ui.label(mark));
                if is_next {
                    mark.on_hover_text(lang.next_step_marker());
                }
                let mut title = RichText::new(format!("{}. {name}", i + 1));
                if is_next {
                    title = title.strong();
                } else if waiting {
                    title = title.weak();
                }
                cell(ui, w_step, |ui| ui.add(egui::Label::new(title).truncate()));
                let line = &mut sheet.lines[i];
                let field = |ui: &mut Ui, text: &mut String, what: &str, width: f32| {
                    let hint = if what == lang.col_date() {
                        "2026-05-20"
                    } else {
                        ""
                    };
                    cell(ui, width, |ui| {
                        let response = ui.add(
                            egui::TextEdit::singleline(text)
                                .hint_text(hint)
                                .desired_width(width - 8.0),
                        );
                        super::widgets::name_text_field(response, &format!("{what} {name}"));
                    });
                };
                field(ui, &mut line.date, lang.col_date(), w_date);
                if step.is_meeting() {
                    field(ui, &mut line.expected, lang.step_expected(), w_count);
                    field(ui, &mut line.present, lang.step_present(), w_count);
                } else {
                    let both = w_count * 2.0 + ui.spacing().item_spacing.x;
                    cell(ui, both, |ui| {
                        ui.label(RichText::new(lang.no_attendance()).weak())
                    });
                }
                let quorum = step.quorum().map_or_else(
                    || "—".to_owned(),
                    |q| {
                        let needed = line
                            .expected
                            .trim()
                            .parse::<i64>()
                            .ok()
                            .filter(|n| *n > 0)
                            .map(|n| {
                                format!(
                                    "{}{}{}",
                                    lang.pick("（", " ("),
                                    lang.quorum_needed(q.needed(n)),
                                    lang.pick("）", ")")
                                )
                            })
                            .unwrap_or_default();
                        format!("{}{needed}", quorum_name(lang, q))
                    },
                );
                cell(ui, w_quorum, |ui| {
                    ui.add(egui::Label::new(quorum).truncate())
                })
                .on_hover_text(lang.quorum_explained());
                field(ui, &mut line.note, lang.col_step_note(), w_note);
                if row_button(ui, lang.save_step(), name).clicked() {
                    match line.record(lang, decision, step, ctx.today) {
                        Ok(record) => {
                            sheet.errors[i] = None;
                            command = Some(Command::Write(Change::SetDecisionStep(
                                decision.id,
                                step,
                                Some(record),
                            )));
                        }
                        Err(error) => sheet.errors[i] = Some((error, line.clone())),
                    }
                }
                if row_button(ui, lang.clear_step(), name).clicked() {
                    let later = Step::ALL
                        .get(i + 1)
                        .filter(|later| decision.steps[later.index()].is_some());
                    if let Some(later) = later {
                        sheet.errors[i] = Some((
                            lang.refusal(&Refusal::StepHasLater(*later)),
                            sheet.lines[i].clone(),
                        ));
                    } else {
                        sheet.errors[i] = None;
                        sheet.lines[i] = Line::default();
                        if recorded {
                            command = Some(Command::Write(Change::SetDecisionStep(
                                decision.id,
                                step,
                                None,
                            )));
                        }
                    }
                }
            });
            if let Some((error, _)) = &sheet.errors[i] {
                ui.horizontal(|ui| {
                    ui.add_space(STEP_WIDTHS[0] + STEP_WIDTHS[1] + 8.0);
                    let label = ui.colored_label(ERROR_RED, error);
                    // A sentence just given is brought into view (the last step's is below).
                    if error_before.as_ref() != Some(error) {
                        label.scroll_to_me(None);
                    }
                });
            }
        });
    // An error goes once the line is changed and right.
    if sheet.errors[i]
        .as_ref()
        .is_some_and(|(_, then)| *then != sheet.lines[i])
        && sheet.lines[i]
            .record(lang, decision, step, ctx.today)
            .is_ok()
    {
        sheet.errors[i] = None;
    }
    command
}
