//! 核对合并结果: the conflicts merges left (take the other version, or keep this one) and
//! secretaries entered separately in two villages (link them, or say they differ).

use super::data::Memo;
use super::widgets::screen_title;
use super::{Change, Command, ViewContext};
use crate::domain::merge::Winner;
use crate::domain::session::AttendanceStatus;
use crate::domain::{Gender, Level};
use crate::i18n::Lang;
use crate::store::review::{ConflictEntry, Duplicate, DuplicatePerson};
use egui::{RichText, Ui};

/// How many entries of each list are drawn at once (the rest follow as these are settled).
const SHOWN: usize = 100;

/// What the screen shows, loaded once per store generation.
struct ReviewModel {
    conflicts: Vec<ConflictEntry>,
    duplicates: Vec<Duplicate>,
}

/// The review screen.
#[derive(Default)]
pub struct ReviewScreen {
    data: Memo<(), ReviewModel>,
}

fn load(store: &crate::store::Store, (): &()) -> crate::store::Result<ReviewModel> {
    Ok(ReviewModel {
        conflicts: store.merge_conflicts()?,
        duplicates: store.possible_duplicates()?,
    })
}

/// A stored value as people read it: codes in words.
fn value_in_words(lang: Lang, column: &str, value: Option<&str>) -> String {
    let Some(value) = value else {
        return "—".to_owned();
    };
    let words = match column {
        "gender" => Gender::from_code(value).map(|g| lang.gender(g).to_owned()),
        "level" => Level::from_code(value).map(|l| lang.level(l).to_owned()),
        "status" => value
            .parse()
            .ok()
            .and_then(AttendanceStatus::from_index)
            .map(|s| lang.attendance_status(s).to_owned()),
        "archived" | "pinned" => Some(
            if value == "1" {
                lang.say_yes()
            } else {
                lang.say_no()
            }
            .to_owned(),
        ),
        _ => None,
    };
    words.unwrap_or_else(|| value.chars().take(200).collect())
}

fn person_line(lang: Lang, person: &DuplicatePerson) -> String {
    let phone = if person.phone.is_empty() {
        "—"
    } else {
        &person.phone
    };
    match lang {
        Lang::Zh => format!(
            "{}　{}　电话 {phone}　出勤记录 {} 次",
            person.name, person.branch, person.sessions
        ),
        Lang::En => format!(
            "{}, {}, phone {phone}, marked at {} session{}",
            person.name,
            person.branch,
            person.sessions,
            if person.sessions == 1 { "" } else { "s" }
        ),
    }
}

impl super::View for ReviewScreen {
    /// Draws the screen; returns what the user chose.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        screen_title(ui, lang.review_title());
        ui.label(RichText::new(lang.review_intro()).weak());
        ui.add_space(6.0);
        let Some(model) = self.data.show(ui, ctx, &(), load) else {
            return commands;
        };
        if model.conflicts.is_empty() && model.duplicates.is_empty() {
            ui.label(lang.review_nothing());
            return commands;
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if !model.conflicts.is_empty() {
                    ui.heading(format!(
                        "{}{}{}{}",
                        lang.review_conflicts(),
                        lang.say_open_bracket(),
                        model.conflicts.len(),
                        lang.say_close_bracket()
                    ));
                    for conflict in model.conflicts.iter().take(SHOWN) {
                        conflict_card(ui, lang, conflict, &mut commands);
                    }
                }
                if !model.duplicates.is_empty() {
                    ui.add_space(10.0);
                    ui.heading(format!(
                        "{}{}{}{}",
                        lang.review_duplicates(),
                        lang.say_open_bracket(),
                        model.duplicates.len(),
                        lang.say_close_bracket()
                    ));
                    ui.label(RichText::new(lang.review_duplicate_note()).weak());
                    for duplicate in model.duplicates.iter().take(SHOWN) {
                        duplicate_card(ui, lang, duplicate, &mut commands);
                    }
                }
            });
        commands
    }
}
fn conflict_card(ui: &mut Ui, lang: Lang, conflict: &ConflictEntry, commands: &mut Vec<Command>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.strong(match lang {
                Lang::Zh => format!(
                    "{}「{}」",
                    lang.record_kind(&conflict.table),
                    conflict.label
                ),
                Lang::En => format!(
                    "{} \"{}\"",
                    lang.record_kind(&conflict.table),
                    conflict.label
                ),
            });
            ui.label(
                RichText::new(format!(
                    "{} {}　{}",
                    conflict.merged_at,
                    conflict.source,
                    match conflict.winner {
                        Winner::Ours => lang.winner_ours(),
                        Winner::Theirs => lang.winner_theirs(),
                    }
                ))
                .weak(),
            );
        });
        // Each side named: ours (this village) and theirs (the file merged, and when); the
        // one in force now marked.
        let ours_won = conflict.winner == Winner::Ours;
        let ours = lang.side_ours().to_owned();
        let theirs = lang.side_theirs(&conflict.source, &conflict.merged_at);
        let (kept_side, other_side) = if ours_won {
            (format!("{ours}{}", lang.now_in_force()), theirs)
        } else {
            (format!("{theirs}{}", lang.now_in_force()), ours)
        };
        egui::Grid::new(("conflict", conflict.id))
            .num_columns(3)
            .spacing([16.0, 2.0])
            .show(ui, |ui| {
                ui.label(RichText::new(lang.col_field()).weak());
                ui.label(RichText::new(kept_side).weak());
                ui.label(RichText::new(other_side).weak());
                ui.end_row();
                if conflict.kept_deleted != conflict.other_deleted {
                    ui.label(lang.col_deleted());
                    for deleted in [conflict.kept_deleted, conflict.other_deleted] {
                        ui.label(if deleted {
                            lang.review_deleted()
                        } else {
                            "—"
                        });
                    }
                    ui.end_row();
                }
                for field in &conflict.fields {
                    ui.label(lang.field_name(&conflict.table, &field.column));
                    ui.label(value_in_words(lang, &field.column, field.kept.as_deref()));
                    ui.label(value_in_words(lang, &field.column, field.other.as_deref()));
                    ui.end_row();
                }
            });
        let (take, keep) = if ours_won {
            (lang.take_theirs(), lang.keep_ours())
        } else {
            (lang.take_ours(), lang.keep_theirs())
        };
        // A problem's history gets a last line with the values now in force.
        let in_force = |other: bool, ours: bool| -> String {
            if conflict.table != "problem" {
                return String::new();
            }
            let values: Vec<String> = conflict
                .fields
                .iter()
                .map(|f| {
                    let value = if other { &f.other } else { &f.kept };
                    format!(
                        "{} {}",
                        lang.field_name(&conflict.table, &f.column),
                        value_in_words(lang, &f.column, value.as_deref())
                    )
                })
                .collect();
            lang.settled_in_force(ours, &values.join(lang.say_list_separator()))
        };
        ui.horizontal(|ui| {
            if ui.button(take).clicked() {
                let note = in_force(true, !ours_won);
                commands.push(Command::Write(Change::TakeOtherVersion(conflict.id, note)));
            }
            if ui.button(keep).clicked() {
                let note = in_force(false, ours_won);
                commands.push(Command::Write(Change::KeepVersion(conflict.id, note)));
            }
        });
    });
}

fn duplicate_card(ui: &mut Ui, lang: Lang, duplicate: &Duplicate, commands: &mut Vec<Command>) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(format!(
            "① {}　{}",
            person_line(lang, &duplicate.keep),
            lang.say_stays()
        ));
        ui.label(format!("② {}", person_line(lang, &duplicate.other)));
        ui.horizontal(|ui| {
            for (label, theirs) in [
                (lang.link_keep_first(), false),
                (lang.link_take_second(), true),
            ] {
                if ui.button(label).clicked() {
                    commands.push(Command::Write(Change::LinkDuplicate(
                        duplicate.keep.id,
                        duplicate.other.id,
                        theirs,
                    )));
                }
            }
            if ui.button(lang.not_duplicate()).clicked() {
                commands.push(Command::Write(Change::MarkDistinct(
                    duplicate.keep.id,
                    duplicate.other.id,
                )));
            }
        });
    });
}
