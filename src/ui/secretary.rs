//! A secretary: the add/edit form (with validation beside each field) and their page.

use super::widgets::{ERROR_RED, choice, text_field};
use super::{Change, Command, Screen, ViewContext};
use crate::domain::{
    Area, Branch, BranchId, FieldError, Gender, Level, RosterEntry, SecretaryDraft, SecretaryField,
    SecretaryId,
};
use egui::{RichText, Ui};

/// The form that adds or edits a secretary, shown as a modal window.
pub struct SecretaryForm {
    /// The secretary being edited, or `None` for a new one.
    pub editing: Option<SecretaryId>,
    /// The fields as typed.
    pub draft: SecretaryDraft,
    errors: Vec<(SecretaryField, FieldError)>,
    /// Set while the app writes what the form saved.
    pub saving: bool,
    /// Set when the user cancelled.
    pub closed: bool,
    /// The fields as the form opened with them.
    baseline: SecretaryDraft,
}

impl SecretaryForm {
    /// Whether anything was typed or chosen since the form opened.
    pub fn has_changes(&self) -> bool {
        self.draft != self.baseline
    }

    /// A form for a new secretary (`editing` = None) or for editing one.
    pub fn new(editing: Option<SecretaryId>, draft: &SecretaryDraft) -> Self {
        Self {
            editing,
            draft: draft.clone(),
            errors: Vec::new(),
            saving: false,
            closed: false,
            baseline: draft.clone(),
        }
    }

    /// After a write: a form that was saving closes if the write succeeded, and stays open
    /// (with what was typed) if it failed.
    pub fn write_finished(form: &mut Option<SecretaryForm>, succeeded: bool) {
        super::widgets::close_after_write(form, succeeded);
    }

    fn error(&self, field: SecretaryField, lang: crate::i18n::Lang) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| lang.field_error(*e))
    }

    /// Draws the form; returns the write to make when the user saves a valid record.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        branches: &[Branch],
        areas: &[Area],
    ) -> Option<Command> {
        let lang = ctx.lang;
        let mut command = None;
        // Once a save was refused, the messages follow the corrections as they are typed.
        if !self.errors.is_empty() {
            self.errors = self.draft.validate(ctx.today).err().unwrap_or_default();
        }
        let title = if self.editing.is_some() {
            lang.edit_secretary()
        } else {
            lang.new_secretary()
        };
        // A window, not a modal: drop-down lists open above it (inside a modal a long list
        // opened behind it), and a stray click outside never throws away what was typed.
        super::widgets::form_window(ui, title, "secretary-form", 520.0, |ui| {
            egui::Grid::new("secretary-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    let name_error = self.error(SecretaryField::Name, lang);
                    text_field(ui, lang.col_name(), &mut self.draft.name, "", name_error);
                    choice(
                        ui,
                        "form-gender",
                        lang.col_gender(),
                        &mut self.draft.gender,
                        Gender::ALL,
                        Some(lang.none_value()),
                        |g| lang.gender(g).to_owned(),
                    );
                    ui.end_row();
                    let birth_error = self.error(SecretaryField::Birth, lang);
                    text_field(
                        ui,
                        lang.col_birth(),
                        &mut self.draft.birth,
                        lang.date_hint(),
                        birth_error,
                    );
                    text_field(
                        ui,
                        lang.col_education(),
                        &mut self.draft.education,
                        "",
                        None,
                    );
                    let offered: Vec<BranchId> = branches
                        .iter()
                        .filter(|b| !b.archived || Some(b.id) == self.draft.branch_id)
                        .map(|b| b.id)
                        .collect();
                    choice(
                        ui,
                        "form-branch",
                        lang.col_branch(),
                        &mut self.draft.branch_id,
                        &offered,
                        Some(lang.none_value()),
                        |id| branch_label(branches, areas, id),
                    );
                    ui.end_row();
                    choice(
                        ui,
                        "form-level",
                        lang.col_level(),
                        &mut self.draft.level,
                        Level::ALL,
                        Some(lang.level_unset()),
                        |l| lang.level(l).to_owned(),
                    );
                    ui.end_row();
                    text_field(ui, lang.col_position(), &mut self.draft.position, "", None);
                    let phone_error = self.error(SecretaryField::Phone, lang);
                    text_field(
                        ui,
                        lang.col_phone(),
                        &mut self.draft.phone,
                        "13800000000",
                        phone_error,
                    );
                    let since_error = self.error(SecretaryField::InOfficeSince, lang);
                    text_field(
                        ui,
                        lang.col_in_office_since(),
                        &mut self.draft.in_office_since,
                        lang.date_hint(),
                        since_error,
                    );
                    text_field(ui, lang.col_notes(), &mut self.draft.notes, "", None);
                });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if crate::ui::widgets::save_button(ui, lang, self.saving) {
                    match self.draft.validate(ctx.today) {
                        Ok(fields) => {
                            self.errors.clear();
                            self.saving = true;
                            command = Some(Command::Write(match self.editing {
                                Some(id) => Change::UpdateSecretary(id, fields),
                                None => Change::AddSecretary(fields),
                            }));
                        }
                        Err(errors) => self.errors = errors,
                    }
                }
                if ui.button(lang.cancel()).clicked() {
                    self.closed = true;
                }
            });
        });
        command
    }
}

/// `东坪村党支部（东片区）`
pub fn branch_label(branches: &[Branch], areas: &[Area], id: BranchId) -> String {
    let Some(branch) = branches.iter().find(|b| b.id == id) else {
        return String::new();
    };
    match branch
        .area_id
        .and_then(|a| areas.iter().find(|area| area.id == a))
    {
        Some(area) => format!("{}（{}）", branch.name, area.name),
        None => branch.name.clone(),
    }
}

/// One secretary's page: details, edit, archive; their history joins it later.
#[derive(Default)]
pub struct SecretaryPage {
    page: super::data::Memo<SecretaryId, PageModel>,
    /// The edit form, when open.
    form: Option<SecretaryForm>,
}

/// The secretary (if they still exist), the sessions they were marked at (newest first),
/// the problems they raised and those they help with, and their yearly reviews.
type PageModel = (
    Option<RosterEntry>,
    Vec<crate::store::AttendedSession>,
    [Vec<crate::domain::problem::ProblemSummary>; 2],
    Reviews,
);

/// An appraisal on the page: (year, half, voters, ballots, grade).
type AppraisalLine = (
    i32,
    u8,
    i64,
    [i64; 4],
    Option<crate::domain::appraisal::Grade>,
);

/// A secretary's duty reports and check-ups, newest first.
#[derive(Default)]
struct Reviews {
    /// (year, half, voters, ballots, grade)
    appraisals: Vec<AppraisalLine>,
    /// (year, result, health, findings)
    checkups: Vec<(
        i32,
        Option<f64>,
        Option<crate::domain::checkup::Health>,
        usize,
    )>,
}

fn reviews(store: &crate::store::Store, id: SecretaryId) -> crate::store::Result<Reviews> {
    use crate::domain::checkup::Subject;
    let rule = store.appraisal_rule()?;
    let appraisals: Vec<_> = store
        .appraisals(None)?
        .into_iter()
        .filter(|a| a.fields.secretary == id)
        .map(|a| {
            let f = a.fields;
            let grade = f.grade(rule);
            (f.year, f.half, f.voters, f.ballots, grade)
        })
        .collect();
    let (indicators, weights, thresholds) = (
        store.checkup_indicators()?,
        store.checkup_weights()?,
        store.health_thresholds()?,
    );
    // Check-ups of the years the studio has kept any: the last ten at most.
    let this_year = chrono::Datelike::year(&chrono::Local::now().date_naive());
    let mut checkups = Vec::new();
    for year in (this_year - 9..=this_year).rev() {
        for checkup in store.checkups(year)? {
            if checkup.fields.subject == Subject::Secretary(id) {
                let f = &checkup.fields;
                checkups.push((
                    year,
                    f.result(&indicators, weights),
                    f.health(&indicators, weights, thresholds),
                    checkup.findings.len(),
                ));
            }
        }
    }
    Ok(Reviews {
        appraisals,
        checkups,
    })
}

fn load_page(store: &crate::store::Store, id: &SecretaryId) -> crate::store::Result<PageModel> {
    let problems = store.problems_of_secretary(*id)?;
    let (raised, helped) = (
        problems
            .iter()
            .filter(|p| p.fields.raised_by == Some(*id))
            .cloned()
            .collect(),
        problems
            .into_iter()
            .filter(|p| p.fields.helper_id == Some(*id))
            .collect(),
    );
    Ok((
        store.secretary(*id)?,
        store.secretary_sessions(*id)?,
        [raised, helped],
        reviews(store, *id)?,
    ))
}

impl super::View for SecretaryPage {
    fn file_changed(&mut self) {
        self.form = None;
    }

    fn unsaved(&self) -> Option<crate::ui::drafts::Draft> {
        self.form
            .as_ref()
            .filter(|f| f.has_changes())
            .map(|_| crate::ui::drafts::Draft::Unkept)
    }

    /// Draws the page of secretary `id`.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let Screen::Secretary(id) = ctx.screen else {
            return Vec::new();
        };
        let lang = ctx.lang;
        let mut commands = Vec::new();
        if ui.button(format!("← {}", lang.back())).clicked() {
            commands.push(Command::Navigate(Screen::Roster));
        }
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        let Some((entry, sessions, problems, reviews)) = self.page.show(ui, ctx, &id, load_page)
        else {
            return commands;
        };
        let Some(entry) = entry else {
            ui.label(lang.store_error(&crate::store::Error::RecordNotFound));
            return commands;
        };
        let fields = &entry.fields;
        ui.horizontal(|ui| {
            ui.heading(format!("{} · {}", lang.secretary_page(), fields.name));
            if fields.archived {
                ui.label(RichText::new(lang.status_archived()).color(ERROR_RED));
            }
        });
        ui.horizontal(|ui| {
            if ui.button(lang.edit()).clicked() {
                self.form = Some(SecretaryForm::new(
                    Some(id),
                    &SecretaryDraft::from_fields(fields),
                ));
            }
            let (label, archived) = if fields.archived {
                (lang.restore(), false)
            } else {
                (lang.archive(), true)
            };
            if ui
                .button(label)
                .on_hover_text(lang.confirm_archive())
                .clicked()
            {
                commands.push(Command::Write(Change::SetSecretaryArchived(id, archived)));
            }
        });
        ui.add_space(8.0);
        ui.strong(lang.details());
        egui::Grid::new("secretary-details")
            .num_columns(2)
            .striped(true)
            .spacing([24.0, 6.0])
            .show(ui, |ui| {
                let rows: [(&str, String); 11] = [
                    (lang.col_name(), fields.name.clone()),
                    (
                        lang.col_gender(),
                        fields
                            .gender
                            .map(|g| lang.gender(g).to_owned())
                            .unwrap_or_default(),
                    ),
                    (
                        lang.col_birth(),
                        fields
                            .birth
                            .map(super::super::domain::date::PartialDate::to_chinese)
                            .unwrap_or_default(),
                    ),
                    (lang.col_education(), fields.education.clone()),
                    (lang.col_branch(), entry.branch_name.clone()),
                    (lang.col_area(), entry.area_name.clone()),
                    (
                        lang.col_level(),
                        fields
                            .level
                            .map(|l| lang.level(l).to_owned())
                            .unwrap_or_default(),
                    ),
                    (lang.col_position(), fields.position.clone()),
                    (lang.col_phone(), fields.phone.clone()),
                    (
                        lang.col_in_office_since(),
                        fields
                            .in_office_since
                            .map(super::super::domain::date::PartialDate::to_chinese)
                            .unwrap_or_default(),
                    ),
                    (lang.col_notes(), fields.notes.clone()),
                ];
                for (label, value) in rows {
                    ui.label(RichText::new(label).weak());
                    ui.label(value);
                    ui.end_row();
                }
            });
        ui.add_space(10.0);
        reviews_ui(ui, lang, reviews);
        commands.extend(history_ui(ui, ctx, id, sessions, problems));
        if let Some(form) = &mut self.form {
            match form.ui(ui, ctx, &names.branches, &names.areas) {
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
/// The yearly reviews in one line each: 2025 述职评议 优秀（优秀 30 / 42 票）, 2025 党性体检 健康 88.8.
fn reviews_ui(ui: &mut Ui, lang: crate::i18n::Lang, reviews: &Reviews) {
    if reviews.appraisals.is_empty() && reviews.checkups.is_empty() {
        return;
    }
    ui.strong(lang.reviews_title());
    for (year, half, voters, ballots, grade) in &reviews.appraisals {
        ui.label(lang.appraisal_line(
            *year,
            lang.half_name(*half),
            grade.map_or("—", |g| lang.grade(g)),
            ballots[0],
            *voters,
        ));
    }
    for (year, result, health, findings) in &reviews.checkups {
        ui.label(
            lang.checkup_line(
                *year,
                health.map_or(lang.incomplete(), |h| lang.health(h)),
                &result
                    .map(crate::domain::assessment::format_score)
                    .unwrap_or_default(),
                *findings,
            ),
        );
    }
    ui.add_space(10.0);
}

/// A secretary's history: attendance rate, the sessions they were marked at, their problems.
fn history_ui(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    id: SecretaryId,
    sessions: &[crate::store::AttendedSession],
    [raised, helped]: &[Vec<crate::domain::problem::ProblemSummary>; 2],
) -> Vec<Command> {
    let lang = ctx.lang;
    let mut commands = Vec::new();
    let mut counts = crate::domain::figures::AttendanceCounts::default();
    for session in sessions {
        counts.add(session.status, 1);
    }
    let rate = counts
        .rate()
        .map_or_else(|| "—".to_owned(), |r| format!("{:.1}%", r * 100.0));
    ui.strong(format!(
        "{}: {rate}（{}）",
        lang.attendance_rate(),
        lang.expected_present_sessions(counts.expected() as usize, counts.attended() as usize)
    ));
    ui.columns(2, |columns| {
        // Hundreds of sessions on a county file: only the rows in view are laid out.
        let row_height = columns[0].spacing().interact_size.y;
        egui::ScrollArea::vertical()
            .id_salt(("secretary-sessions", id))
            .max_height(320.0)
            .show_rows(&mut columns[0], row_height, sessions.len(), |ui, rows| {
                for session in &sessions[rows] {
                    ui.horizontal(|ui| {
                        ui.label(session.held_on.format("%Y-%m-%d").to_string());
                        if ui.link(&session.topic).clicked() {
                            commands.push(Command::Navigate(Screen::Session(session.session)));
                        }
                        ui.label(lang.attendance_status(session.status));
                    });
                }
            });
        let ui = &mut columns[1];
        ui.strong(lang.nav_problems());
        egui::ScrollArea::vertical()
            .id_salt(("secretary-problems", id))
            .max_height(320.0)
            .show(ui, |ui| {
                for (role, mine) in [(lang.raised_role(), raised), (lang.helper_role(), helped)] {
                    if !mine.is_empty() {
                        ui.label(RichText::new(role).weak());
                        commands.extend(super::problems::problem_links(ui, ctx, mine));
                    }
                }
            });
    });
    commands
}

impl super::widgets::FormWindow for SecretaryForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}
