//! 片区与支部: add, rename and archive the town's areas and party branches.

use super::data::Names;
use super::widgets::{
    ERROR_RED, choice, combo, name_text_field, row_button, screen_title, submitted,
};
use super::{Change, Command, ViewContext};
use crate::domain::{AreaId, BranchId, BranchKind};
use crate::i18n::Lang;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

/// A branch being edited in its row.
struct BranchEdit {
    id: BranchId,
    name: String,
    kind: Option<BranchKind>,
    area: Option<AreaId>,
}

/// The areas and branches screen.
#[derive(Default)]
pub struct AreasScreen {
    new_area: String,
    new_branch: String,
    new_branch_kind: Option<BranchKind>,
    new_branch_area: Option<AreaId>,
    renaming_area: Option<(AreaId, String)>,
    editing_branch: Option<BranchEdit>,
    /// A refused area name, shown beside the field it concerns.
    area_error: Option<String>,
    /// A refused branch name, shown beside the field it concerns.
    branch_error: Option<String>,
}

/// Why a name is refused, if it is.
fn name_problem(lang: Lang, name: &str, taken: impl Fn(&str) -> bool) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        Some(lang.name_required().to_owned())
    } else if taken(name) {
        Some(format!("{}：{name}", lang.name_taken()))
    } else {
        None
    }
}

impl AreasScreen {
    fn areas_ui(&mut self, ui: &mut Ui, lang: Lang, model: &Names, commands: &mut Vec<Command>) {
        let areas = &model.areas;
        ui.strong(lang.areas_title());
        ui.horizontal(|ui| {
            let label = ui.label(lang.new_area_name());
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.new_area).desired_width(200.0))
                .labelled_by(label.id);
            if field.changed() {
                self.area_error = None;
            }
            if ui.button(lang.add_area()).clicked() || submitted(&field) {
                let name = self.new_area.trim().to_owned();
                self.area_error = name_problem(lang, &name, |n| areas.iter().any(|a| a.name == n));
                if self.area_error.is_none() {
                    commands.push(Command::Write(Change::AddArea(name)));
                    self.new_area.clear();
                }
            }
            if let Some(error) = &self.area_error {
                ui.colored_label(ERROR_RED, error);
            }
        });
        egui::Grid::new("areas")
            .striped(true)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                for area in areas {
                    if let Some((id, name)) =
                        self.renaming_area.as_mut().filter(|(id, _)| *id == area.id)
                    {
                        let id = *id;
                        let label = ui.label(lang.rename());
                        let field = ui
                            .add(egui::TextEdit::singleline(name).desired_width(200.0))
                            .labelled_by(label.id);
                        let name = name.clone();
                        if ui.button(lang.save()).clicked() || submitted(&field) {
                            let problem = name_problem(lang, &name, |n| {
                                areas.iter().any(|a| a.name == n && a.id != id)
                            });
                            match problem {
                                Some(problem) => self.area_error = Some(problem),
                                None => commands.push(Command::Write(Change::RenameArea(
                                    id,
                                    name.trim().to_owned(),
                                ))),
                            }
                        }
                        if ui.button(lang.cancel()).clicked() {
                            self.renaming_area = None;
                        }
                    } else {
                        ui.label(&area.name);
                        ui.label(if area.archived {
                            lang.status_archived()
                        } else {
                            lang.status_in_use()
                        });
                        if row_button(ui, lang.rename(), &area.name).clicked() {
                            self.renaming_area = Some((area.id, area.name.clone()));
                        }
                        let (label, archived) = if area.archived {
                            (lang.restore(), false)
                        } else {
                            (lang.archive(), true)
                        };
                        if row_button(ui, label, &area.name).clicked() {
                            commands
                                .push(Command::Write(Change::SetAreaArchived(area.id, archived)));
                        }
                    }
                    ui.end_row();
                }
            });
    }

    /// The row to add a branch: its name, kind and area.
    fn new_branch_row(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        branches: &[crate::domain::Branch],
        open_areas: &[AreaId],
        area_name: &dyn Fn(AreaId) -> String,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(lang.new_branch_name());
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.new_branch).desired_width(220.0))
                .labelled_by(label.id);
            if field.changed() {
                self.branch_error = None;
            }
            let kind = self.new_branch_kind.get_or_insert(BranchKind::Village);
            let mut kind_choice = Some(*kind);
            choice(
                ui,
                "new-branch-kind",
                lang.col_kind(),
                &mut kind_choice,
                BranchKind::ALL,
                None,
                |k| lang.branch_kind(k).to_owned(),
            );
            self.new_branch_kind = kind_choice;
            choice(
                ui,
                "new-branch-area",
                lang.col_area(),
                &mut self.new_branch_area,
                open_areas,
                Some(lang.no_area()),
                area_name,
            );
            if ui.button(lang.add_branch()).clicked() || submitted(&field) {
                let name = self.new_branch.trim().to_owned();
                self.branch_error =
                    name_problem(lang, &name, |n| branches.iter().any(|b| b.name == n));
                if self.branch_error.is_none() {
                    let kind = self.new_branch_kind.unwrap_or(BranchKind::Village);
                    commands.push(Command::Write(Change::AddBranch(
                        name,
                        kind,
                        self.new_branch_area,
                    )));
                    self.new_branch.clear();
                }
            }
            if let Some(error) = &self.branch_error {
                ui.colored_label(ERROR_RED, error);
            }
        });
    }

    fn branches_ui(&mut self, ui: &mut Ui, lang: Lang, model: &Names, commands: &mut Vec<Command>) {
        let Names {
            areas,
            branches,
            in_office,
            ..
        } = model;
        let open_areas: Vec<AreaId> = areas.iter().filter(|a| !a.archived).map(|a| a.id).collect();
        let area_name = |id: AreaId| {
            areas
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.name.clone())
                .unwrap_or_default()
        };
        // A choice that has since been archived is not offered any more.
        if self
            .new_branch_area
            .is_some_and(|a| !open_areas.contains(&a))
        {
            self.new_branch_area = None;
        }
        ui.strong(lang.branches_title());
        self.new_branch_row(ui, lang, branches, &open_areas, &area_name, commands);
        // A county holds hundreds of branches: only the rows in view are laid out.
        let row_height = ui
            .spacing()
            .interact_size
            .y
            .max(ui.text_style_height(&egui::TextStyle::Body))
            + 6.0;
        TableBuilder::new(ui)
            .striped(true)
            // A row's buttons side by side; names on one line.
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .min_scrolled_height(0.0)
            // Fixed widths: a row turned into fields does not shift its neighbours.
            .column(Column::exact(230.0))
            .column(Column::exact(140.0))
            .column(Column::exact(140.0))
            .column(Column::exact(60.0))
            .column(Column::exact(60.0))
            .column(Column::remainder().at_least(120.0))
            .header(row_height, |mut header| {
                for label in [
                    lang.col_branch(),
                    lang.col_kind(),
                    lang.col_area(),
                    lang.col_secretaries(),
                    lang.col_status(),
                    "",
                ] {
                    header.col(|ui| {
                        ui.strong(label);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, branches.len(), |mut row| {
                    let branch = &branches[row.index()];
                    let count = in_office.get(&branch.id).copied().unwrap_or(0);
                    if let Some(edit) = self.editing_branch.as_mut().filter(|e| e.id == branch.id) {
                        // The row's own cells become the fields, in line with the headers.
                        let mut field = None;
                        row.col(|ui| {
                            let edit_field = ui.add(
                                egui::TextEdit::singleline(&mut edit.name).desired_width(200.0),
                            );
                            field = Some(name_text_field(edit_field, lang.col_branch()));
                        });
                        row.col(|ui| {
                            combo(
                                ui,
                                "edit-branch-kind",
                                lang.col_kind(),
                                &mut edit.kind,
                                BranchKind::ALL,
                                None,
                                |k| lang.branch_kind(k).to_owned(),
                            );
                        });
                        row.col(|ui| {
                            let mut offered = open_areas.clone();
                            offered.extend(edit.area.filter(|a| !offered.contains(a)));
                            combo(
                                ui,
                                "edit-branch-area",
                                lang.col_area(),
                                &mut edit.area,
                                &offered,
                                Some(lang.no_area()),
                                area_name,
                            );
                        });
                        row.col(|ui| {
                            ui.label(count.to_string());
                        });
                        row.col(|_| {});
                        let (name, kind, area) = (
                            edit.name.clone(),
                            edit.kind.unwrap_or(BranchKind::Village),
                            edit.area,
                        );
                        row.col(|ui| {
                            let entered = field.as_ref().is_some_and(submitted);
                            if ui.button(lang.save()).clicked() || entered {
                                self.branch_error = name_problem(lang, &name, |n| {
                                    branches.iter().any(|b| b.name == n && b.id != branch.id)
                                });
                                if self.branch_error.is_none() {
                                    commands.push(Command::Write(Change::UpdateBranch(
                                        branch.id,
                                        name.trim().to_owned(),
                                        kind,
                                        area,
                                    )));
                                }
                            }
                            if ui.button(lang.cancel()).clicked() {
                                self.editing_branch = None;
                            }
                        });
                        return;
                    }
                    row.col(|ui| {
                        ui.label(&branch.name);
                    });
                    row.col(|ui| {
                        ui.label(lang.branch_kind(branch.kind));
                    });
                    row.col(|ui| {
                        ui.label(
                            branch
                                .area_id
                                .map_or_else(|| lang.no_area().to_owned(), area_name),
                        );
                    });
                    row.col(|ui| {
                        ui.label(count.to_string());
                    });
                    row.col(|ui| {
                        ui.label(if branch.archived {
                            RichText::new(lang.status_archived()).weak()
                        } else {
                            RichText::new(lang.status_in_use())
                        });
                    });
                    row.col(|ui| {
                        if row_button(ui, lang.edit(), &branch.name).clicked() {
                            self.editing_branch = Some(BranchEdit {
                                id: branch.id,
                                name: branch.name.clone(),
                                kind: Some(branch.kind),
                                area: branch.area_id,
                            });
                        }
                        let (label, archived) = if branch.archived {
                            (lang.restore(), false)
                        } else {
                            (lang.archive(), true)
                        };
                        if row_button(ui, label, &branch.name).clicked() {
                            commands.push(Command::Write(Change::SetBranchArchived(
                                branch.id, archived,
                            )));
                        }
                    });
                });
            });
    }
}

impl super::View for AreasScreen {
    /// Draws the screen.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        // Everything here is in the names every screen shares.
        let Some(model) = ctx.names else {
            super::data::waiting(ui, lang);
            return commands;
        };
        screen_title(ui, lang.nav_areas_branches());
        // The areas take at most a third of the height; the branches' table scrolls in the rest.
        egui::ScrollArea::vertical()
            .id_salt("areas")
            .max_height(ui.available_height() / 3.0)
            .show(ui, |ui| {
                self.areas_ui(ui, lang, model, &mut commands);
            });
        ui.add_space(16.0);
        self.branches_ui(ui, lang, model, &mut commands);
        commands
    }

    /// Clears in-place edits after a successful write.
    fn write_finished(&mut self, succeeded: bool) {
        if succeeded {
            self.renaming_area = None;
            self.editing_branch = None;
        }
    }
}
