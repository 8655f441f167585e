//! 片区与支部: add, rename and archive the town's areas and party branches.

use super::widgets::{ERROR_RED, choice, row_button, screen_title};
use super::{Change, Command, ViewContext};
use crate::domain::{Area, AreaId, Branch, BranchId, BranchKind};
use crate::i18n::Lang;
use egui::{RichText, Ui};

/// A branch being edited in place.
struct BranchEdit {
    id: BranchId,
    name: String,
    kind: Option<BranchKind>,
    area: Option<AreaId>,
}

/// What the screen shows, loaded once per store generation.
struct AreasModel {
    areas: Vec<Area>,
    branches: Vec<Branch>,
    /// Active secretaries per branch.
    counts: Vec<(BranchId, usize)>,
}

/// The areas and branches screen.
#[derive(Default)]
pub struct AreasScreen {
    cache: Option<(u64, Result<AreasModel, String>)>,
    new_area: String,
    new_branch: String,
    new_branch_kind: Option<BranchKind>,
    new_branch_area: Option<AreaId>,
    renaming_area: Option<(AreaId, String)>,
    editing_branch: Option<BranchEdit>,
    error: Option<String>,
}

impl AreasScreen {
    fn refresh(&mut self, ctx: &ViewContext<'_>) {
        let generation = ctx.store.generation();
        if self.cache.as_ref().is_none_or(|(g, _)| *g != generation) {
            let load = || -> crate::store::Result<_> {
                let roster = ctx.store.roster()?;
                let branches = ctx.store.branches()?;
                let counts = branches
                    .iter()
                    .map(|b| {
                        let count = roster
                            .iter()
                            .filter(|e| e.fields.branch_id == Some(b.id) && !e.fields.archived)
                            .count();
                        (b.id, count)
                    })
                    .collect();
                Ok(AreasModel {
                    areas: ctx.store.areas()?,
                    branches,
                    counts,
                })
            };
            self.cache = Some((generation, load().map_err(|e| ctx.lang.store_error(&e))));
        }
    }

    /// Clears in-place edits after a successful write.
    pub fn write_finished(&mut self, succeeded: bool) {
        if succeeded {
            self.renaming_area = None;
            self.editing_branch = None;
            self.error = None;
        }
    }

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        self.refresh(ctx);
        // Borrowed out of the cache for the frame (no copy), put back at the end.
        let (generation, model) = match self.cache.take() {
            Some((generation, Ok(model))) => (generation, model),
            Some((generation, Err(message))) => {
                ui.colored_label(ERROR_RED, &message);
                self.cache = Some((generation, Err(message)));
                return commands;
            }
            None => return commands,
        };
        let AreasModel {
            areas,
            branches,
            counts,
        } = &model;
        screen_title(ui, lang.nav_areas_branches());
        if let Some(error) = &self.error {
            ui.colored_label(ERROR_RED, error);
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.areas_ui(ui, lang, areas, &mut commands);
                ui.add_space(16.0);
                self.branches_ui(ui, lang, areas, branches, counts, &mut commands);
            });
        self.cache = Some((generation, Ok(model)));
        commands
    }

    fn check_name(&mut self, lang: Lang, name: &str, taken: impl Fn(&str) -> bool) -> bool {
        let name = name.trim();
        self.error = if name.is_empty() {
            Some(lang.name_required().to_owned())
        } else if taken(name) {
            Some(format!("{}：{name}", lang.name_taken()))
        } else {
            None
        };
        self.error.is_none()
    }

    fn areas_ui(&mut self, ui: &mut Ui, lang: Lang, areas: &[Area], commands: &mut Vec<Command>) {
        ui.strong(lang.areas_title());
        ui.horizontal(|ui| {
            let label = ui.label(lang.new_area_name());
            ui.text_edit_singleline(&mut self.new_area)
                .labelled_by(label.id);
            if ui.button(lang.add_area()).clicked() {
                let name = self.new_area.trim().to_owned();
                if self.check_name(lang, &name, |n| areas.iter().any(|a| a.name == n)) {
                    commands.push(Command::Write(Change::AddArea(name)));
                    self.new_area.clear();
                }
            }
        });
        egui::Grid::new("areas")
            .striped(true)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                for area in areas {
                    match &mut self.renaming_area {
                        Some((id, name)) if *id == area.id => {
                            let label = ui.label(lang.rename());
                            ui.text_edit_singleline(name).labelled_by(label.id);
                            let name = name.clone();
                            if ui.button(lang.save()).clicked()
                                && self.check_name(lang, &name, |n| {
                                    areas.iter().any(|a| a.name == n && a.id != area.id)
                                })
                            {
                                commands.push(Command::Write(Change::RenameArea(area.id, name)));
                            }
                            if ui.button(lang.cancel()).clicked() {
                                self.renaming_area = None;
                            }
                        }
                        _ => {
                            ui.label(&area.name);
                            ui.label(if area.archived {
                                lang.status_archived()
                            } else {
                                lang.status_active()
                            });
                            if ui
                                .add(|ui: &mut Ui| row_button(ui, lang.rename(), &area.name))
                                .clicked()
                            {
                                self.renaming_area = Some((area.id, area.name.clone()));
                            }
                            let (label, archived) = if area.archived {
                                (lang.restore(), false)
                            } else {
                                (lang.archive(), true)
                            };
                            if row_button(ui, label, &area.name).clicked() {
                                commands.push(Command::Write(Change::SetAreaArchived(
                                    area.id, archived,
                                )));
                            }
                        }
                    }
                    ui.end_row();
                }
            });
    }

    fn branches_ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        areas: &[Area],
        branches: &[Branch],
        counts: &[(BranchId, usize)],
        commands: &mut Vec<Command>,
    ) {
        let area_ids: Vec<AreaId> = areas.iter().filter(|a| !a.archived).map(|a| a.id).collect();
        let area_name = |id: AreaId| {
            areas
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.name.clone())
                .unwrap_or_default()
        };
        ui.strong(lang.branches_title());
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(lang.new_branch_name());
            ui.text_edit_singleline(&mut self.new_branch)
                .labelled_by(label.id);
            if self.new_branch_kind.is_none() {
                self.new_branch_kind = Some(BranchKind::Village);
            }
            choice(
                ui,
                "new-branch-kind",
                lang.col_kind(),
                &mut self.new_branch_kind,
                BranchKind::ALL,
                None,
                |k| lang.branch_kind(k).to_owned(),
            );
            choice(
                ui,
                "new-branch-area",
                lang.col_area(),
                &mut self.new_branch_area,
                &area_ids,
                Some(lang.no_area()),
                area_name,
            );
            if ui.button(lang.add_branch()).clicked() {
                let name = self.new_branch.trim().to_owned();
                if self.check_name(lang, &name, |n| branches.iter().any(|b| b.name == n)) {
                    let kind = self.new_branch_kind.unwrap_or(BranchKind::Village);
                    commands.push(Command::Write(Change::AddBranch(
                        name,
                        kind,
                        self.new_branch_area,
                    )));
                    self.new_branch.clear();
                }
            }
        });
        egui::Grid::new("branches")
            .striped(true)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                ui.strong(lang.col_branch());
                ui.strong(lang.col_kind());
                ui.strong(lang.col_area());
                ui.strong(lang.col_secretaries());
                ui.strong(lang.col_status());
                ui.end_row();
                for branch in branches {
                    if let Some(edit) = self.editing_branch.as_mut().filter(|e| e.id == branch.id) {
                        let label = ui.label(lang.col_branch());
                        ui.text_edit_singleline(&mut edit.name)
                            .labelled_by(label.id);
                        choice(
                            ui,
                            "edit-branch-kind",
                            lang.col_kind(),
                            &mut edit.kind,
                            BranchKind::ALL,
                            None,
                            |k| lang.branch_kind(k).to_owned(),
                        );
                        choice(
                            ui,
                            "edit-branch-area",
                            lang.col_area(),
                            &mut edit.area,
                            &area_ids,
                            Some(lang.no_area()),
                            area_name,
                        );
                        let (name, kind, area) = (
                            edit.name.clone(),
                            edit.kind.unwrap_or(BranchKind::Village),
                            edit.area,
                        );
                        if ui.button(lang.save()).clicked()
                            && self.check_name(lang, &name, |n| {
                                branches.iter().any(|b| b.name == n && b.id != branch.id)
                            })
                        {
                            commands.push(Command::Write(Change::UpdateBranch(
                                branch.id, name, kind, area,
                            )));
                        }
                        if ui.button(lang.cancel()).clicked() {
                            self.editing_branch = None;
                        }
                        ui.end_row();
                        continue;
                    }
                    ui.label(&branch.name);
                    ui.label(lang.branch_kind(branch.kind));
                    ui.label(branch.area_id.map(area_name).unwrap_or_default());
                    let count = counts
                        .iter()
                        .find(|(id, _)| *id == branch.id)
                        .map_or(0, |(_, n)| *n);
                    ui.label(count.to_string());
                    ui.label(if branch.archived {
                        RichText::new(lang.status_archived()).weak()
                    } else {
                        RichText::new(lang.status_active())
                    });
                    if ui
                        .add(|ui: &mut Ui| row_button(ui, lang.edit(), &branch.name))
                        .clicked()
                    {
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
                    ui.end_row();
                }
            });
    }
}
