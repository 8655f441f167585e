//! 花名册: the table of secretaries with sorting, filters and search by name or pinyin initials.

use super::data::Memo;
use super::secretary::SecretaryForm;
use super::widgets::{choice, screen_title};
use super::{Command, Screen, ViewContext};
use crate::domain::search::SearchKey;
use crate::domain::{Area, AreaId, Branch, Level, RosterEntry};
use crate::i18n::Lang;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};
use std::cmp::Ordering;

/// Which secretaries the status filter shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// In office.
    #[default]
    Active,
    /// Archived.
    Archived,
    /// Everyone.
    All,
}

/// A sortable column of the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortColumn {
    Name,
    Gender,
    Branch,
    Area,
    Level,
    Position,
    Phone,
    InOfficeSince,
    Education,
    Birth,
    Notes,
    Status,
}

/// The roster loaded from the store, with search keys prepared once.
pub(super) struct RosterModel {
    pub entries: Vec<RosterEntry>,
    keys: Vec<SearchKey>,
    /// Plain pinyin of each name, for sorting names as people expect.
    sort_names: Vec<String>,
    pub areas: Vec<Area>,
    pub branches: Vec<Branch>,
}

impl RosterModel {
    pub(super) fn load(store: &crate::store::Store, (): &()) -> crate::store::Result<Self> {
        let entries = store.roster()?;
        let keys = entries
            .iter()
            .map(|e| SearchKey::new(&e.fields.name))
            .collect();
        let sort_names = entries
            .iter()
            .map(|e| crate::domain::search::pinyin_sort_key(&e.fields.name))
            .collect();
        Ok(Self {
            entries,
            keys,
            sort_names,
            areas: store.areas()?,
            branches: store.branches()?,
        })
    }
}

/// What decides which rows are visible and in what order.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ViewKey {
    generation: u64,
    query: String,
    area: Option<AreaId>,
    level: Option<Level>,
    status: StatusFilter,
    sort: (SortColumn, bool),
}

/// The roster screen.
pub struct RosterScreen {
    data: Memo<(), RosterModel>,
    /// The search text.
    pub query: String,
    area: Option<AreaId>,
    level: Option<Level>,
    status: Option<StatusFilter>,
    sort: (SortColumn, bool),
    visible: Vec<usize>,
    visible_key: Option<ViewKey>,
    /// Secretaries in office, archived, and archived ones the search would find under 在任.
    counts: (usize, usize, usize),
    /// The add/edit form, when open.
    form: Option<SecretaryForm>,
}

impl Default for RosterScreen {
    fn default() -> Self {
        Self {
            data: Memo::default(),
            query: String::new(),
            area: None,
            level: None,
            status: Some(StatusFilter::Active),
            sort: (SortColumn::Area, true),
            visible: Vec::new(),
            visible_key: None,
            counts: (0, 0, 0),
            form: None,
        }
    }
}

impl RosterScreen {
    /// Opens the add-secretary form filled with `draft`.
    pub fn start_adding(&mut self, draft: &crate::domain::SecretaryDraft) {
        self.form = Some(SecretaryForm::new(None, draft));
    }

    fn refresh(&mut self, ctx: &ViewContext<'_>) {
        self.data.refresh(ctx, &(), RosterModel::load);
        let generation = self.data.loaded_at().unwrap_or_default();
        let key = ViewKey {
            generation,
            query: self.query.clone(),
            area: self.area,
            level: self.level,
            status: self.status.unwrap_or_default(),
            sort: self.sort,
        };
        if self.visible_key.as_ref() == Some(&key) {
            return;
        }
        self.visible.clear();
        if let Some(model) = self.data.shown() {
            self.visible = (0..model.entries.len())
                .filter(|&i| {
                    let entry = &model.entries[i];
                    let status_ok = match key.status {
                        StatusFilter::Active => !entry.fields.archived,
                        StatusFilter::Archived => entry.fields.archived,
                        StatusFilter::All => true,
                    };
                    status_ok
                        && key.area.is_none_or(|a| entry.area_id == Some(a))
                        && key.level.is_none_or(|l| entry.fields.level == Some(l))
                        && model.keys[i].matches(&key.query)
                })
                .collect();
            let archived = model.entries.iter().filter(|e| e.fields.archived).count();
            let hidden_matches =
                if key.status == StatusFilter::Active && !key.query.trim().is_empty() {
                    (0..model.entries.len())
                        .filter(|&i| {
                            model.entries[i].fields.archived && model.keys[i].matches(&key.query)
                        })
                        .count()
                } else {
                    0
                };
            self.counts = (model.entries.len() - archived, archived, hidden_matches);
            let (column, ascending) = key.sort;
            self.visible.sort_by(|&a, &b| {
                let order = compare(model, column, a, b).then_with(|| a.cmp(&b));
                if ascending { order } else { order.reverse() }
            });
        }
        self.visible_key = Some(key);
    }

    /// The secretaries currently shown, in order (for tests and the status line).
    pub fn visible_names(&self) -> Vec<String> {
        match self.data.shown() {
            Some(model) => self
                .visible
                .iter()
                .map(|&i| model.entries[i].fields.name.clone())
                .collect(),
            None => Vec::new(),
        }
    }
}

impl super::View for RosterScreen {
    fn file_changed(&mut self) {
        self.form = None;
    }

    fn unsaved(&self) -> Option<crate::ui::drafts::Draft> {
        self.form
            .as_ref()
            .filter(|f| f.has_changes())
            .map(|_| crate::ui::drafts::Draft::Unkept)
    }

    /// Draws the roster.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        // The title shows at once, while the data is still on its way.
        screen_title(ui, lang.roster_title());
        self.refresh(ctx);
        let Some(model) = super::data::ready(ui, lang, self.data.get(&())) else {
            return commands;
        };
        ui.horizontal_wrapped(|ui| {
            super::widgets::search_field(ui, lang, &mut self.query, lang.search_name(), 220.0);
            let areas: Vec<AreaId> = model.areas.iter().map(|a| a.id).collect();
            choice(
                ui,
                "roster-area",
                lang.filter_area(),
                &mut self.area,
                &areas,
                Some(lang.all()),
                |id| {
                    model
                        .areas
                        .iter()
                        .find(|a| a.id == id)
                        .map(|a| a.name.clone())
                        .unwrap_or_default()
                },
            );
            choice(
                ui,
                "roster-level",
                lang.filter_level(),
                &mut self.level,
                Level::ALL,
                Some(lang.all()),
                |l| lang.level(l).to_owned(),
            );
            choice(
                ui,
                "roster-status",
                lang.filter_status(),
                &mut self.status,
                &[
                    StatusFilter::Active,
                    StatusFilter::Archived,
                    StatusFilter::All,
                ],
                None,
                |s| status_label(lang, s).to_owned(),
            );
            ui.separator();
            if ui.button(lang.add_secretary()).clicked() {
                self.form = Some(SecretaryForm::new(
                    None,
                    &crate::domain::SecretaryDraft::default(),
                ));
            }
            if ui.button(lang.file_import_roster()).clicked() {
                commands.push(Command::StartImport);
            }
        });
        ui.horizontal(|ui| {
            let (active, archived, archived_matches) = self.counts;
            ui.label(lang.showing(self.visible.len(), active, archived));
            if archived_matches > 0
                && ui
                    .link(lang.archived_also_match(archived_matches))
                    .clicked()
            {
                self.status = Some(StatusFilter::All);
            }
        });
        ui.separator();
        if let Some(id) = roster_table(ui, lang, model, &self.visible, &mut self.sort) {
            commands.push(Command::Navigate(Screen::Secretary(id)));
        }
        if let Some(form) = &mut self.form {
            match form.ui(ui, ctx, &model.branches, &model.areas) {
                Some(command) => commands.push(command),
                None if form.closed => self.form = None,
                None => {}
            }
        }
        commands
    }

    /// Called after a write the form asked for: closes the form if it succeeded.
    fn write_finished(&mut self, succeeded: bool) {
        SecretaryForm::write_finished(&mut self.form, succeeded);
    }
}

/// The table itself; only the rows in view are laid out. Returns the secretary clicked.
fn roster_table(
    ui: &mut Ui,
    lang: Lang,
    model: &RosterModel,
    visible: &[usize],
    sort: &mut (SortColumn, bool),
) -> Option<crate::domain::SecretaryId> {
    {
        let mut open = None;
        let columns: [(SortColumn, &str, f32); 12] = [
            (SortColumn::Name, lang.col_name(), 90.0),
            (SortColumn::Gender, lang.col_gender(), 44.0),
            (SortColumn::Branch, lang.col_branch(), 150.0),
            (SortColumn::Area, lang.col_area(), 70.0),
            (SortColumn::Level, lang.col_level(), 44.0),
            (SortColumn::Position, lang.col_position(), 140.0),
            (SortColumn::Phone, lang.col_phone(), 104.0),
            (SortColumn::InOfficeSince, lang.col_in_office_since(), 84.0),
            (SortColumn::Education, lang.col_education(), 62.0),
            (SortColumn::Birth, lang.col_birth(), 70.0),
            (SortColumn::Status, lang.col_status(), 48.0),
            (SortColumn::Notes, lang.col_notes(), 80.0),
        ];
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .min_scrolled_height(0.0);
        for (column, _, width) in &columns {
            table = if *column == SortColumn::Notes {
                table.column(Column::remainder().at_least(*width).clip(true))
            } else {
                table.column(Column::initial(*width).at_least(40.0).clip(true))
            };
        }
        table
            .header(row_height + 2.0, |mut header| {
                for (column, label, _) in &columns {
                    header.col(|ui| {
                        let arrow = match *sort {
                            (c, true) if c == *column => " ▲",
                            (c, false) if c == *column => " ▼",
                            _ => "",
                        };
                        let button =
                            egui::Button::new(RichText::new(format!("{label}{arrow}")).strong())
                                .frame(false);
                        if ui.add(button).clicked() {
                            *sort = if sort.0 == *column {
                                (*column, !sort.1)
                            } else {
                                (*column, true)
                            };
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, visible.len(), |mut row| {
                    let entry = &model.entries[visible[row.index()]];
                    let fields = &entry.fields;
                    row.col(|ui| {
                        if ui.link(&fields.name).clicked() {
                            open = Some(entry.id);
                        }
                    });
                    row.col(|ui| {
                        ui.label(fields.gender.map_or("", |g| lang.gender(g)));
                    });
                    row.col(|ui| {
                        ui.label(&entry.branch_name);
                    });
                    row.col(|ui| {
                        ui.label(&entry.area_name);
                    });
                    row.col(|ui| {
                        ui.label(fields.level.map_or("", |l| lang.level(l)));
                    });
                    row.col(|ui| {
                        ui.label(&fields.position);
                    });
                    row.col(|ui| {
                        ui.label(&fields.phone);
                    });
                    row.col(|ui| {
                        ui.label(
                            fields
                                .in_office_since
                                .map(super::super::domain::date::PartialDate::to_iso)
                                .unwrap_or_default(),
                        );
                    });
                    row.col(|ui| {
                        ui.label(&fields.education);
                    });
                    row.col(|ui| {
                        ui.label(
                            fields
                                .birth
                                .map(super::super::domain::date::PartialDate::to_iso)
                                .unwrap_or_default(),
                        );
                    });
                    row.col(|ui| {
                        ui.label(if fields.archived {
                            lang.status_archived()
                        } else {
                            lang.status_active()
                        });
                    });
                    row.col(|ui| {
                        ui.label(&fields.notes);
                    });
                });
            });
        open
    }
}

fn status_label(lang: Lang, status: StatusFilter) -> &'static str {
    match status {
        StatusFilter::Active => lang.status_active(),
        StatusFilter::Archived => lang.status_archived(),
        StatusFilter::All => lang.all(),
    }
}

fn compare(model: &RosterModel, column: SortColumn, a: usize, b: usize) -> Ordering {
    let (x, y) = (&model.entries[a], &model.entries[b]);
    match column {
        SortColumn::Name => model.sort_names[a].cmp(&model.sort_names[b]),
        SortColumn::Gender => x.fields.gender.cmp(&y.fields.gender),
        SortColumn::Branch => x.branch_name.cmp(&y.branch_name),
        SortColumn::Area => x
            .area_id
            .is_none()
            .cmp(&y.area_id.is_none())
            .then(x.area_id.cmp(&y.area_id))
            .then(x.fields.branch_id.cmp(&y.fields.branch_id)),
        SortColumn::Level => x.fields.level.cmp(&y.fields.level),
        SortColumn::Position => x.fields.position.cmp(&y.fields.position),
        SortColumn::Phone => x.fields.phone.cmp(&y.fields.phone),
        SortColumn::InOfficeSince => x.fields.in_office_since.cmp(&y.fields.in_office_since),
        SortColumn::Education => x.fields.education.cmp(&y.fields.education),
        SortColumn::Birth => x.fields.birth.cmp(&y.fields.birth),
        SortColumn::Notes => x.fields.notes.cmp(&y.fields.notes),
        SortColumn::Status => x.fields.archived.cmp(&y.fields.archived),
    }
}
