//! One session's page: its record, its attendance (marked here) and the problems raised.

use super::SessionForm;
use crate::domain::session::{AttendanceMark, AttendanceStatus, SessionDraft, SessionFields};
use crate::domain::{Area, RosterEntry, SecretaryId, SessionId};
use crate::i18n::Lang;
use crate::print::{Printable, Printout};
use crate::store::Store;
use crate::ui::data::{Memo, Names};
use crate::ui::problems::ProblemForm;
use crate::ui::widgets::{ERROR_RED, print_buttons};
use crate::ui::{Change, Command, Screen, ViewContext};
use egui::{RichText, Ui};
use std::collections::HashMap;

/// What a session's page shows, loaded once per store generation.
struct PageModel {
    fields: Option<SessionFields>,
    /// Its number, the same in every village's file.
    code: String,
    /// Problems raised at this session.
    problems: Vec<crate::domain::problem::ProblemSummary>,
    /// Problems followed up at this session.
    followed: Vec<crate::domain::problem::ProblemSummary>,
    /// Who is listed for attendance: secretaries in office, and anyone else with a mark.
    rows: Vec<(RosterEntry, Option<AttendanceMark>)>,
    /// For a help visit: the helper and the helped.
    pair: Option<[SecretaryId; 2]>,
    /// Its photos and scans (without their bytes).
    pictures: Vec<crate::domain::picture::PictureInfo>,
    /// Invited guests (列席), who do not count in 应到 or the rates.
    guests: Vec<crate::domain::league::Person>,
    /// The people register, to invite from.
    people: Vec<crate::domain::league::Person>,
}

fn load_page(store: &Store, id: &SessionId) -> crate::store::Result<PageModel> {
    let fields = store.session(*id)?;
    let (rows, pair) = match &fields {
        Some(fields) => (store.expected_at(*id, fields)?, store.pair_of(fields)?),
        None => (Vec::new(), None),
    };
    Ok(PageModel {
        pair,
        code: store.session_code(*id)?.unwrap_or_default(),
        fields,
        rows,
        problems: store.problems_raised_at(*id)?,
        pictures: store.pictures_of(crate::domain::picture::PictureOwner::Session(*id))?,
        followed: store.problems_followed_at(*id)?,
        guests: store.session_guests(*id)?,
        people: store.people()?,
    })
}

/// One session's page: its record, attendance and the problems raised there.
#[derive(Default)]
pub struct SessionPage {
    page: Memo<SessionId, PageModel>,
    /// The session `reasons` were typed for.
    shown_id: Option<SessionId>,
    /// Reasons for leave as typed, before they are saved.
    reasons: HashMap<SecretaryId, String>,
    /// The edit or duplicate form, when open.
    form: Option<SessionForm>,
    /// The form raising a problem at this session, when open.
    problem_form: Option<crate::ui::problems::ProblemForm>,
    /// Marks asked for and not yet answered: shown at once once saved, before the page is
    /// read again.
    marking: Option<(SessionId, Vec<AttendanceMark>)>,
    /// The attendance row the keys 1–4 mark.
    cursor: usize,
    /// Its photos and scans: thumbnails, the viewer, 添加照片….
    pictures: crate::ui::pictures::Pictures,
}

impl crate::ui::View for SessionPage {
    fn file_changed(&mut self) {
        self.form = None;
        self.problem_form = None;
        self.pictures.clear();
    }

    fn unsaved(&self) -> Option<crate::ui::drafts::Draft> {
        self.form
            .as_ref()
            .and_then(SessionForm::unsaved)
            .or_else(|| self.problem_form.as_ref().and_then(ProblemForm::unsaved))
    }

    fn restore(&mut self, draft: &crate::ui::drafts::Draft) -> bool {
        match draft {
            crate::ui::drafts::Draft::Session {
                editing: Some(id),
                draft,
            } => {
                self.form = Some(SessionForm::restored(Some(*id), (**draft).clone()));
                true
            }
            crate::ui::drafts::Draft::Problem(draft) if draft.session().is_some() => {
                self.problem_form = Some(ProblemForm::from_draft((**draft).clone()));
                true
            }
            _ => false,
        }
    }

    fn write_finished(&mut self, succeeded: bool) {
        SessionForm::write_finished(&mut self.form, succeeded);
        crate::ui::problems::ProblemForm::write_finished(&mut self.problem_form, succeeded);
        // A saved mark shows in the next frame; the page read again confirms it.
        if let Some((id, marks)) = self.marking.take()
            && succeeded
            && let Some(model) = self.page.shown_mut(&id)
        {
            for mark in marks {
                if let Some((_, shown)) = model
                    .rows
                    .iter_mut()
                    .find(|(entry, _)| entry.id == mark.secretary_id)
                {
                    *shown = Some(mark);
                }
            }
        }
    }

    /// Draws the page of session `id`.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let Screen::Session(id) = ctx.screen else {
            return Vec::new();
        };
        let lang = ctx.lang;
        let mut commands = Vec::new();
        if self.shown_id != Some(id) {
            self.shown_id = Some(id);
            self.reasons.clear();
        }
        if ui.button(format!("← {}", lang.back())).clicked() {
            commands.push(Command::Navigate(Screen::Sessions));
        }
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        let Some(model) = self.page.show(ui, ctx, &id, load_page) else {
            return commands;
        };
        // For a help visit, "helper → helped".
        let pair = model.pair.map(|[strong, weak]| {
            format!(
                "{} → {}",
                names.secretary(Some(strong)),
                names.secretary(Some(weak))
            )
        });
        let Some(fields) = &model.fields else {
            ui.label(lang.store_error(&crate::store::Error::RecordNotFound));
            return commands;
        };
        ui.horizontal(|ui| {
            ui.heading(format!("{} · {}", lang.session_page(), fields.topic));
            // The number the same session carries in every village's file, on paper and on
            // the command line (`print summary 20261120-a3f9`).
            ui.label(RichText::new(format!("{} {}", lang.col_session_number(), model.code)).weak());
        });
        ui.horizontal(|ui| {
            if ui.button(lang.edit()).clicked() {
                self.form = Some(SessionForm::new(
                    Some(id),
                    SessionDraft::from_fields(fields),
                ));
            }
            if ui.button(lang.duplicate_session()).clicked() {
                let mut draft = SessionDraft::from_fields(fields);
                draft.date = ctx.today.format("%Y-%m-%d").to_string();
                // A template, not a record: what was said and decided belongs to the old session.
                draft.discussion.clear();
                draft.decisions.clear();
                self.form = Some(SessionForm::new(None, draft));
            }
            if ui.button(lang.delete_session()).clicked() {
                commands.push(Command::Write(Change::DeleteSession(id)));
            }
            ui.separator();
            print_buttons(
                ui,
                lang,
                &[
                    (
                        lang.print_summary(),
                        Printable::Session(Printout::Summary, id),
                    ),
                    (
                        lang.print_sign_in(),
                        Printable::Session(Printout::SignIn, id),
                    ),
                ],
                &mut commands,
            );
        });
        ui.add_space(6.0);
        // The record on the left, the attendance on the right: both in view without scrolling.
        // The attendance takes the wider part: a row holds a name, a branch, four states and
        // the reason for leave.
        // No keys to the list while a form is open over the page.
        let keys = self.form.is_none() && self.problem_form.is_none() && !self.pictures.is_open();
        egui_extras::StripBuilder::new(ui)
            .size(egui_extras::Size::relative(0.4))
            .size(egui_extras::Size::remainder())
            .horizontal(|mut strip| {
                strip.cell(|ui| {
                    egui::ScrollArea::vertical()
                        // Each session's page opens at its top.
                        .id_salt(("session-record", id))
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            let systems = systems_rows(lang, fields, names, pair.as_deref());
                            commands.extend(session_details(ui, lang, fields, names, systems));
                            study_details(ui, lang, fields);
                            ui.add_space(10.0);
                            ui.horizontal(|ui| {
                                ui.strong(lang.problems_here());
                                if ui.button(lang.raise_problem()).clicked() {
                                    // On the session's day (also for one planned ahead), about
                                    // its host village.
                                    self.problem_form =
                                        Some(crate::ui::problems::ProblemForm::at_session(
                                            fields.held_on,
                                            id,
                                            fields.host_branch_id,
                                        ));
                                }
                            });
                            commands.extend(crate::ui::problems::problem_links(
                                ui,
                                ctx,
                                &model.problems,
                            ));
                            if !model.followed.is_empty() {
                                ui.add_space(6.0);
                                ui.strong(lang.problems_followed());
                                commands.extend(crate::ui::problems::problem_links(
                                    ui,
                                    ctx,
                                    &model.followed,
                                ));
                            }
                            ui.add_space(10.0);
                            commands.extend(self.pictures.ui(
                                ui,
                                ctx,
                                crate::domain::picture::PictureOwner::Session(id),
                                &model.pictures,
                            ));
                        });
                });
                strip.cell(|ui| {
                    egui::ScrollArea::vertical()
                        .id_salt(("session-attendance", id))
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            // Guests first: a line or two, above the list they are not part of.
                            commands.extend(guests_ui(ui, lang, id, &model.guests, &model.people));
                            ui.add_space(8.0);
                            commands.extend(attendance_ui(
                                ui,
                                lang,
                                id,
                                &model.rows,
                                &mut self.reasons,
                                &mut self.cursor,
                                keys,
                            ));
                        });
                });
            });
        if let Some(form) = &mut self.form {
            match form.ui(ui, ctx, &names.areas) {
                Some(command) => commands.push(command),
                None if form.closed => self.form = None,
                None => {}
            }
        }
        if let Some(form) = &mut self.problem_form {
            match form.ui(ui, lang, ctx.today, names) {
                Some(command) => commands.push(command),
                None if form.closed => self.problem_form = None,
                None => {}
            }
        }
        // The marks asked for this frame, to show as soon as they are saved.
        let marks: Vec<AttendanceMark> = commands
            .iter()
            .filter_map(|c| match c {
                Command::Write(Change::SetAttendance(session, marks)) if *session == id => {
                    Some(marks.clone())
                }
                _ => None,
            })
            .flatten()
            .collect();
        if !marks.is_empty() {
            self.marking = Some((id, marks));
        }
        commands
    }
}

/// The pairing of a help visit and the host village of an exchange, as rows of the details.
fn systems_rows<'l>(
    lang: Lang,
    fields: &SessionFields,
    names: &Names,
    pair: Option<&str>,
) -> Vec<(&'l str, String)> {
    let mut rows = Vec::new();
    if let Some(pair) = pair {
        rows.push((lang.col_pairing(), pair.to_owned()));
    }
    if fields.host_branch_id.is_some() {
        rows.push((lang.col_host_village(), names.branch(fields.host_branch_id)));
    }
    rows
}

/// The topics studied at a session.
fn study_details(ui: &mut Ui, lang: Lang, fields: &SessionFields) {
    if !fields.study_topics.is_empty() {
        ui.add_space(4.0);
        ui.strong(lang.study_topics());
        for topic in &fields.study_topics {
            ui.label(format!(
                "{}（{}，{} {}）",
                topic.title,
                lang.study_kind(topic.kind),
                crate::domain::assessment::format_score(crate::domain::learning::hours(
                    topic.duration_min
                )),
                lang.hours_unit()
            ));
        }
    }
}

/// The session's record; the base it was about opens the base's page.
fn session_details(
    ui: &mut Ui,
    lang: Lang,
    fields: &SessionFields,
    names: &Names,
    systems: Vec<(&str, String)>,
) -> Option<Command> {
    let areas: &[Area] = &names.areas;
    let mut command = None;
    let time =
        |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
    let day = fields.held_on.format("%Y-%m-%d");
    let when = match (fields.starts_at, fields.ends_at) {
        (None, None) => day.to_string(),
        (Some(start), None) => format!("{day} {}", time(Some(start))),
        (start, end) => format!("{day} {}–{}", time(start), time(end)),
    };
    let area = fields
        .area_id
        .and_then(|a| areas.iter().find(|x| x.id == a))
        .map_or_else(|| lang.whole_studio().to_owned(), |a| a.name.clone());
    egui::Grid::new("session-details")
        .num_columns(2)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for (label, value) in [
                (lang.col_date(), when),
                (lang.col_place(), fields.place.clone()),
                (lang.col_host(), fields.host.clone()),
                (lang.col_recorder(), fields.recorder.clone()),
                (
                    lang.col_session_kind(),
                    lang.session_kind(fields.kind).to_owned(),
                ),
                (lang.col_systems(), lang.systems(fields.systems)),
                (lang.col_area(), area),
            ]
            .into_iter()
            // The pairing of a help visit and the host village of an exchange, in the same
            // table, before the agenda.
            .chain(systems)
            {
                ui.label(RichText::new(label).weak());
                ui.label(value);
                ui.end_row();
            }
            command = crate::ui::bases::base_link_row(ui, lang, names, fields.base_id);
        });
    // In the form's and the summary's order: agenda, discussion, decisions.
    let list = |ui: &mut Ui, title: &str, items: &[String]| {
        if !items.is_empty() {
            ui.add_space(4.0);
            ui.strong(title);
            for (n, item) in items.iter().enumerate() {
                ui.label(format!("{}. {item}", n + 1));
            }
        }
    };
    list(ui, lang.agenda(), &fields.agenda);
    if !fields.discussion.is_empty() {
        ui.add_space(4.0);
        ui.strong(lang.col_discussion());
        ui.label(&fields.discussion);
    }
    list(ui, lang.decisions(), &fields.decisions);
    command
}

/// The guests invited to sit in (列席): people of the register, listed apart from the
/// attendance, with one pick to invite and one click to take off.
fn guests_ui(
    ui: &mut Ui,
    lang: Lang,
    session: SessionId,
    guests: &[crate::domain::league::Person],
    people: &[crate::domain::league::Person],
) -> Vec<Command> {
    let mut commands = Vec::new();
    let ids: Vec<crate::domain::league::PersonId> = guests.iter().map(|g| g.id).collect();
    let others: Vec<crate::domain::league::PersonId> = people
        .iter()
        .map(|p| p.id)
        .filter(|p| !ids.contains(p))
        .collect();
    ui.horizontal(|ui| {
        ui.strong(lang.guests_title())
            .on_hover_text(lang.guests_explained());
        let mut picked = None;
        let name = |id: crate::domain::league::PersonId| {
            people
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.fields.name.clone())
                .unwrap_or_default()
        };
        if crate::ui::widgets::combo(
            ui,
            &format!("session-guest-{}", session.0),
            lang.invite_guest(),
            &mut picked,
            &others,
            None,
            name,
        ) && let Some(person) = picked
        {
            let mut all = ids.clone();
            all.push(person);
            commands.push(Command::Write(Change::SetSessionGuests(session, all)));
        }
        if guests.is_empty() {
            ui.label(RichText::new(lang.guests_explained()).weak().small());
        }
    });
    for guest in guests {
        ui.horizontal(|ui| {
            let occupation = &guest.fields.occupation;
            if occupation.is_empty() {
                ui.label(&guest.fields.name);
            } else {
                ui.label(format!("{}（{occupation}）", guest.fields.name));
            }
            if crate::ui::widgets::row_button(ui, lang.take_off_guest(), &guest.fields.name)
                .clicked()
            {
                let rest = ids.iter().copied().filter(|i| *i != guest.id).collect();
                commands.push(Command::Write(Change::SetSessionGuests(session, rest)));
            }
        });
    }
    commands
}

/// The attendance list: one click per state (出席, 迟到, 请假, 缺席) on each row, the reason for
/// leave inline; with no field in focus, ↑/↓ move through the rows and 1–4 set the chosen one's
/// state and go to the next.
fn attendance_ui(
    ui: &mut Ui,
    lang: Lang,
    session: SessionId,
    rows: &[(RosterEntry, Option<AttendanceMark>)],
    reasons: &mut HashMap<SecretaryId, String>,
    cursor: &mut usize,
    keys: bool,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let expected = rows.len();
    let present = rows
        .iter()
        .filter(|(_, m)| m.as_ref().is_some_and(|m| m.status.attended()))
        .count();
    ui.horizontal(|ui| {
        ui.strong(lang.attendance_title());
        ui.label(RichText::new(lang.expected_present(expected, present)).strong());
        if ui.button(lang.all_present()).clicked() {
            let marks = rows
                .iter()
                .filter(|(_, m)| m.is_none())
                .map(|(e, _)| AttendanceMark {
                    secretary_id: e.id,
                    status: AttendanceStatus::Present,
                    reason: String::new(),
                })
                .collect();
            commands.push(Command::Write(Change::SetAttendance(session, marks)));
        }
    });
    ui.label(RichText::new(lang.attendance_keys()).weak().small());
    *cursor = (*cursor).min(rows.len().saturating_sub(1));
    let mut keyed = None;
    // The keys belong to the list only while nothing is over it (a form, a dialog, a
    // message) and no field has the keyboard.
    let over =
        ui.ctx().memory(|m| m.top_modal_layer().is_some()) || egui::Popup::is_any_open(ui.ctx());
    if keys && !over && !ui.ctx().egui_wants_keyboard_input() && !rows.is_empty() {
        ui.input(|input| {
            if input.key_pressed(egui::Key::ArrowDown) {
                *cursor = (*cursor + 1).min(rows.len() - 1);
            }
            if input.key_pressed(egui::Key::ArrowUp) {
                *cursor = cursor.saturating_sub(1);
            }
            for (key, status) in [
                egui::Key::Num1,
                egui::Key::Num2,
                egui::Key::Num3,
                egui::Key::Num4,
            ]
            .into_iter()
            .zip(AttendanceStatus::ALL)
            {
                if input.key_pressed(key) {
                    keyed = Some(*status);
                }
            }
        });
    }
    egui::Grid::new("attendance")
        .striped(true)
        .num_columns(4)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (index, (entry, mark)) in rows.iter().enumerate() {
                let name = if entry.fields.archived {
                    format!("{}{}", entry.fields.name, lang.archived_mark())
                } else {
                    entry.fields.name.clone()
                };
                // The row the number keys mark stands out.
                if index == *cursor {
                    ui.label(RichText::new(&name).strong().underline());
                } else {
                    ui.label(&name);
                }
                ui.label(RichText::new(&entry.branch_name).weak());
                let status = mark.as_ref().map(|m| m.status);
                let mut chosen = (index == *cursor).then_some(keyed).flatten();
                ui.horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = 2.0;
                    for option in AttendanceStatus::ALL {
                        let selected = status == Some(*option);
                        let text = RichText::new(lang.attendance_status(*option));
                        let text = if selected {
                            text.color(status_color(*option)).strong()
                        } else {
                            text.weak()
                        };
                        let button = ui.add(egui::Button::selectable(selected, text));
                        let accessible =
                            format!("{} {}", lang.attendance_status(*option), entry.fields.name);
                        button.widget_info(|| {
                            egui::WidgetInfo::selected(
                                egui::Role::Button,
                                true,
                                selected,
                                &accessible,
                            )
                        });
                        if button.clicked() {
                            chosen = Some(*option);
                            *cursor = index;
                        }
                    }
                });
                if let Some(next) = chosen.filter(|next| Some(*next) != status) {
                    let reason = if next == AttendanceStatus::Excused {
                        reasons.get(&entry.id).cloned().unwrap_or_default()
                    } else {
                        String::new()
                    };
                    commands.push(Command::Write(Change::SetAttendance(
                        session,
                        vec![AttendanceMark {
                            secretary_id: entry.id,
                            status: next,
                            reason,
                        }],
                    )));
                }
                if keyed.is_some() && index == *cursor && chosen.is_some() {
                    *cursor = (index + 1).min(rows.len() - 1);
                    keyed = None;
                }
                if status == Some(AttendanceStatus::Excused) {
                    let stored = mark.as_ref().map(|m| m.reason.clone()).unwrap_or_default();
                    let text = reasons.entry(entry.id).or_insert(stored.clone());
                    // As wide as the column leaves, never past the window's edge.
                    let width =
                        (ui.max_rect().right() - ui.cursor().left() - 8.0).clamp(90.0, 240.0);
                    let field = ui.add_sized(
                        [width, 20.0],
                        egui::TextEdit::singleline(text).hint_text(lang.leave_reason()),
                    );
                    let accessible = format!("{} {}", lang.leave_reason(), entry.fields.name);
                    field.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, &accessible)
                    });
                    if field.lost_focus() && *text != stored {
                        commands.push(Command::Write(Change::SetAttendance(
                            session,
                            vec![AttendanceMark {
                                secretary_id: entry.id,
                                status: AttendanceStatus::Excused,
                                reason: text.clone(),
                            }],
                        )));
                    }
                } else {
                    ui.label("");
                }
                ui.end_row();
            }
        });
    commands
}

/// The colour a state is shown in once chosen.
fn status_color(status: AttendanceStatus) -> egui::Color32 {
    match status {
        AttendanceStatus::Present => egui::Color32::from_rgb(40, 140, 70),
        AttendanceStatus::Late => egui::Color32::from_rgb(200, 120, 20),
        AttendanceStatus::Excused => egui::Color32::from_rgb(50, 110, 190),
        AttendanceStatus::Absent => ERROR_RED,
    }
}
