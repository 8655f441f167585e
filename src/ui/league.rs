//! 百人团: the town's four "100-member league" groups with their members, terms and letters of
//! appointment, and the people register they are drawn from (outgoing cadres, women leaders,
//! entrepreneurs, experts — and secretaries, linked to the roster).

use super::data::{Memo, Names};
use super::widgets::{ERROR_RED, choice, row_button, screen_title, tabs, text_field};
use super::{Change, Command, ViewContext};
use crate::domain::league::{
    EXPIRY_REMINDER_DAYS, Group, GroupId, LETTER_PATTERN_KEY, LetterNo, Member, MemberError,
    MemberFields, MemberId, Person, PersonFields, PersonId, Role, format_letter_no,
    pattern_is_valid,
};
use crate::domain::session::parse_day;
use crate::domain::{BranchId, Gender, SecretaryId};
use crate::i18n::Lang;
use crate::print::{LetterSet, Printable};
use crate::store::SystemRecord;
use chrono::NaiveDate;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

/// The orange of a term about to end.
const WARNING: egui::Color32 = egui::Color32::from_rgb(200, 110, 0);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    Groups,
    People,
}

/// The register, the groups and their members, and the letters' pattern.
struct Data {
    people: Vec<Person>,
    /// Per person, their name prepared for search by pinyin initials.
    keys: Vec<crate::domain::search::SearchKey>,
    /// Per person, the groups they are in (所在团), as listed.
    groups_of: std::collections::HashMap<PersonId, String>,
    groups: Vec<Group>,
    members: Vec<Member>,
    pattern: String,
}

fn load(store: &crate::store::Store, (): &()) -> crate::store::Result<Data> {
    // In pinyin order, as the offices keep their lists; members by group, then role.
    let mut people = store.people()?;
    people.sort_by_cached_key(|p| crate::domain::search::pinyin_sort_key(&p.fields.name));
    let groups = store.groups()?;
    let mut members = store.members()?;
    let place: std::collections::HashMap<PersonId, usize> =
        people.iter().enumerate().map(|(n, p)| (p.id, n)).collect();
    let group_place = |g: GroupId| groups.iter().position(|x| x.id == g);
    members.sort_by_key(|m| {
        (
            group_place(m.fields.group),
            m.fields.role,
            place.get(&m.fields.person).copied(),
        )
    });
    let mut groups_of: std::collections::HashMap<PersonId, Vec<&str>> =
        std::collections::HashMap::new();
    for member in &members {
        if let Some(group) = groups.iter().find(|g| g.id == member.fields.group) {
            groups_of
                .entry(member.fields.person)
                .or_default()
                .push(&group.name);
        }
    }
    let groups_of = groups_of
        .into_iter()
        .map(|(person, names)| (person, names.join("、")))
        .collect();
    Ok(Data {
        groups_of,
        keys: people
            .iter()
            .map(|p| crate::domain::search::SearchKey::new(&p.fields.name))
            .collect(),
        people,
        groups,
        members,
        pattern: store.letter_pattern()?,
    })
}

impl Data {
    fn person(&self, id: PersonId) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    fn person_name(&self, id: PersonId) -> String {
        self.person(id)
            .map(|p| p.fields.name.clone())
            .unwrap_or_default()
    }

    fn group_name(&self, id: GroupId) -> String {
        self.groups
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.name.clone())
            .unwrap_or_default()
    }

    /// Where a person belongs: their branch, or their village.
    fn place(names: &Names, person: &PersonFields) -> String {
        match (person.branch_id, person.village.trim()) {
            (Some(branch), _) => names.branch(Some(branch)),
            (None, village) => village.to_owned(),
        }
    }
}

/// The 百人团 screen.
#[derive(Default)]
pub struct LeagueScreen {
    data: Memo<(), Data>,
    tab: Tab,
    group: Option<GroupId>,
    filter: String,
    person_form: Option<PersonForm>,
    member_form: Option<MemberForm>,
    group_form: Option<GroupForm>,
    pattern: String,
    pattern_error: bool,
    pattern_of: Option<u64>,
}

impl super::View for LeagueScreen {
    fn unsaved(&self) -> Option<super::drafts::Draft> {
        let person = self
            .person_form
            .as_ref()
            .is_some_and(|f| f.opened.as_ref() != Some(&f.fields));
        let member = self
            .member_form
            .as_ref()
            .is_some_and(|f| f.opened.as_ref() != Some(&f.typed()));
        let group = self
            .group_form
            .as_ref()
            .is_some_and(|f| f.opened.as_ref() != Some(&(f.name.clone(), f.discipline.clone())));
        (person || member || group).then_some(super::drafts::Draft::Unkept)
    }

    fn discard_unsaved(&mut self) {
        self.person_form = None;
        self.member_form = None;
        self.group_form = None;
    }

    fn file_changed(&mut self) {
        *self = Self::default();
    }

    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        screen_title(ui, lang.nav_league());
        tabs(
            ui,
            &mut self.tab,
            &[
                (Tab::Groups, lang.groups_and_members()),
                (Tab::People, lang.people_register()),
            ],
        );
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        self.data.refresh(ctx, &(), load);
        let Some(data) = super::data::ready(ui, lang, self.data.get(&())) else {
            return commands;
        };
        if self.pattern_of != self.data.loaded_at() {
            self.pattern_of = self.data.loaded_at();
            self.pattern.clone_from(&data.pattern);
        }
        match self.tab {
            Tab::Groups => {
                if self
                    .group
                    .is_none_or(|g| !data.groups.iter().any(|x| x.id == g))
                {
                    self.group = data.groups.iter().find(|g| !g.archived).map(|g| g.id);
                }
                commands.extend(groups_ui(
                    ui,
                    ctx,
                    names,
                    data,
                    &mut self.group,
                    &mut self.group_form,
                    &mut self.member_form,
                ));
                ui.separator();
                ui.horizontal(|ui| {
                    let label = ui.label(lang.letter_pattern());
                    let field = ui
                        .add(egui::TextEdit::singleline(&mut self.pattern).desired_width(260.0))
                        .labelled_by(label.id);
                    if field.lost_focus() || super::widgets::submitted(&field) {
                        let pattern = self.pattern.trim().to_owned();
                        self.pattern_error = !pattern_is_valid(&pattern);
                        if !self.pattern_error && pattern != data.pattern {
                            commands.push(Command::Write(Change::SetSetting(
                                LETTER_PATTERN_KEY,
                                pattern,
                            )));
                        }
                    }
                    if self.pattern_error {
                        ui.colored_label(ERROR_RED, lang.letter_pattern_invalid());
                    } else {
                        ui.label(
                            RichText::new(format!(
                                "{} {}",
                                lang.letter_pattern_example(),
                                format_letter_no(
                                    &self.pattern,
                                    LetterNo {
                                        year: chrono::Datelike::year(&ctx.today),
                                        no: 1
                                    }
                                )
                            ))
                            .weak(),
                        );
                    }
                });
            }
            Tab::People => commands.extend(people_ui(
                ui,
                ctx,
                names,
                data,
                &mut self.filter,
                &mut self.person_form,
            )),
        }
        if let Some(form) = &mut self.person_form {
            let (command, closed) = form.ui(ui, lang, names);
            commands.extend(command);
            if closed {
                self.person_form = None;
            }
        }
        if let Some(form) = &mut self.member_form {
            let (command, closed) = form.ui(ui, ctx, data);
            commands.extend(command);
            if closed {
                self.member_form = None;
            }
        }
        if let Some(form) = &mut self.group_form {
            let (command, closed) = form.ui(ui, lang);
            commands.extend(command);
            if closed {
                self.group_form = None;
            }
        }
        commands
    }

    fn write_finished(&mut self, succeeded: bool) {
        super::widgets::close_after_write(&mut self.person_form, succeeded);
        super::widgets::close_after_write(&mut self.member_form, succeeded);
        super::widgets::close_after_write(&mut self.group_form, succeeded);
    }
}

fn groups_ui(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    names: &Names,
    data: &Data,
    selected: &mut Option<GroupId>,
    group_form: &mut Option<GroupForm>,
    member_form: &mut Option<MemberForm>,
) -> Vec<Command> {
    let lang = ctx.lang;
    let mut commands = Vec::new();
    let height = (ui.available_height() - 40.0).max(200.0);
    ui.horizontal_top(|ui| {
        // The groups, with their members in office today.
        ui.vertical(|ui| {
            ui.set_width(255.0);
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            for group in &data.groups {
                let serving = data
                    .members
                    .iter()
                    .filter(|m| m.fields.group == group.id && m.fields.serves_on(ctx.today))
                    .count();
                let mut text = RichText::new(format!("{}（{serving}）", group.name));
                if group.archived {
                    text = text.weak();
                }
                if ui
                    .selectable_label(*selected == Some(group.id), text)
                    .clicked()
                {
                    *selected = Some(group.id);
                }
            }
            ui.add_space(6.0);
            if ui.button(lang.new_group()).clicked() {
                *group_form = Some(GroupForm::new(None));
            }
        });
        ui.separator();
        ui.vertical(|ui| {
            let Some(group) = selected.and_then(|g| data.groups.iter().find(|x| x.id == g)) else {
                ui.label(RichText::new(lang.choose_group()).weak());
                return;
            };
            let members: Vec<&Member> = data
                .members
                .iter()
                .filter(|m| m.fields.group == group.id)
                .collect();
            // The name on its own line: the buttons below stay put whatever its length.
            ui.horizontal(|ui| {
                ui.strong(RichText::new(&group.name).size(17.0));
                if group.archived {
                    ui.label(RichText::new(lang.status_archived()).weak());
                }
            });
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!group.archived, egui::Button::new(lang.add_member()))
                    .clicked()
                {
                    *member_form = Some(MemberForm::new(group.id, ctx.today));
                }
                let serving: Vec<MemberId> = members
                    .iter()
                    .filter(|m| m.fields.serves_on(ctx.today))
                    .map(|m| m.id)
                    .collect();
                let letters = Printable::Letters(LetterSet::Group(group.id));
                if ui
                    .add_enabled(
                        !serving.is_empty(),
                        egui::Button::new(lang.issue_group_letters()),
                    )
                    .on_hover_text(lang.issue_letters_explained())
                    .clicked()
                {
                    // Numbered first, then printed: one click gives the letters to hand out.
                    commands.push(Command::Write(Change::IssueLetters(serving, ctx.today)));
                    commands.push(Command::Print(letters));
                }
                if row_button(ui, lang.edit_group(), &group.name).clicked() {
                    *group_form = Some(GroupForm::new(Some(group)));
                }
                let (text, archived) = if group.archived {
                    (lang.restore(), false)
                } else {
                    (lang.archive(), true)
                };
                if row_button(ui, text, &group.name).clicked() {
                    commands.push(Command::Write(Change::SetGroupArchived(group.id, archived)));
                }
            });
            ui.horizontal(|ui| {
                // A letter cannot go out without its number: members not yet numbered are
                // numbered (dated today) before printing, as `print letters` does; the others
                // keep theirs and their day.
                let mut printing = Vec::new();
                super::widgets::print_buttons(
                    ui,
                    lang,
                    &[(
                        lang.print_group_letters(),
                        Printable::Letters(LetterSet::Group(group.id)),
                    )],
                    &mut printing,
                );
                let unnumbered: Vec<MemberId> = members
                    .iter()
                    .filter(|m| m.fields.serves_on(ctx.today) && m.fields.letter.is_none())
                    .map(|m| m.id)
                    .collect();
                if !printing.is_empty() && !unnumbered.is_empty() {
                    commands.push(Command::Write(Change::IssueLetters(unnumbered, ctx.today)));
                }
                commands.extend(printing);
            });
            if !group.discipline.is_empty() {
                ui.label(
                    RichText::new(format!("{}：{}", lang.discipline(), group.discipline)).weak(),
                );
            }
            let expiring = members
                .iter()
                .filter(|m| m.fields.ends_within(ctx.today, EXPIRY_REMINDER_DAYS))
                .count();
            if expiring > 0 {
                ui.colored_label(WARNING, lang.terms_ending(expiring));
            }
            ui.add_space(4.0);
            TableBuilder::new(ui)
                .id_salt("league-members")
                .striped(true)
                .max_scroll_height(height)
                .column(Column::exact(66.0))
                .column(Column::exact(62.0))
                .column(Column::initial(105.0).clip(true))
                .column(Column::exact(182.0))
                .column(Column::exact(64.0))
                .column(Column::initial(180.0).clip(true))
                .column(Column::remainder())
                .header(22.0, |mut header| {
                    for title in [
                        lang.col_name(),
                        lang.col_role(),
                        lang.col_person_place(),
                        lang.col_term(),
                        lang.col_discipline_signed(),
                        lang.col_letter_no(),
                        "",
                    ] {
                        header.col(|ui| {
                            ui.strong(title);
                        });
                    }
                })
                .body(|body| {
                    body.rows(24.0, members.len(), |mut row| {
                        let member = members[row.index()];
                        let fields = &member.fields;
                        let person = data.person(fields.person);
                        let name = person.map(|p| p.fields.name.clone()).unwrap_or_default();
                        row.col(|ui| {
                            ui.label(&name);
                        });
                        row.col(|ui| {
                            ui.label(lang.role(fields.role));
                        });
                        row.col(|ui| {
                            ui.label(
                                person
                                    .map(|p| Data::place(names, &p.fields))
                                    .unwrap_or_default(),
                            );
                        });
                        row.col(|ui| {
                            let term = lang.term_text(fields.term_starts_on, fields.term_ends_on);
                            if fields.ends_within(ctx.today, EXPIRY_REMINDER_DAYS) {
                                ui.colored_label(WARNING, term)
                                    .on_hover_text(lang.term_ending_soon());
                            } else if fields.term_ends_on.is_some_and(|end| end < ctx.today) {
                                ui.label(RichText::new(term).weak())
                                    .on_hover_text(lang.term_is_over());
                            } else {
                                ui.label(term);
                            }
                        });
                        row.col(|ui| {
                            ui.label(if fields.discipline_signed {
                                "√"
                            } else {
                                "—"
                            });
                        });
                        row.col(|ui| {
                            match fields.letter {
                                // Two villages may number a letter alike before they merge.
                                Some(letter)
                                    if data.members.iter().any(|m| {
                                        m.id != member.id && m.fields.letter == Some(letter)
                                    }) =>
                                {
                                    ui.colored_label(
                                        ERROR_RED,
                                        format_letter_no(&data.pattern, letter),
                                    )
                                    .on_hover_text(lang.letter_no_twice());
                                }
                                Some(letter) => {
                                    ui.label(format_letter_no(&data.pattern, letter));
                                }
                                None => {
                                    ui.label(RichText::new(lang.letter_not_issued()).weak());
                                }
                            }
                        });
                        row.col(|ui| {
                            ui.horizontal(|ui| {
                                if row_button(ui, lang.edit(), &name).clicked() {
                                    *member_form = Some(MemberForm::edit(member));
                                }
                                if row_button(ui, lang.issue_letter(), &name).clicked() {
                                    commands.push(Command::Write(Change::IssueLetters(
                                        vec![member.id],
                                        ctx.today,
                                    )));
                                    commands.push(Command::Print(Printable::Letters(
                                        LetterSet::Member(member.id),
                                    )));
                                }
                                if row_button(ui, lang.remove_member(), &name).clicked() {
                                    commands.push(Command::Write(Change::DeleteRecord(
                                        SystemRecord::Member(member.id),
                                    )));
                                }
                            });
                        });
                    });
                });
        });
    });
    commands
}

fn people_ui(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    names: &Names,
    data: &Data,
    filter: &mut String,
    form: &mut Option<PersonForm>,
) -> Vec<Command> {
    let lang = ctx.lang;
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        if ui.button(lang.new_person()).clicked() {
            *form = Some(PersonForm::new(None));
        }
        if ui
            .button(lang.file_import_people())
            .on_hover_text(lang.people_import_choose())
            .clicked()
        {
            commands.push(Command::StartPeopleImport);
        }
        ui.separator();
        let label = ui.label(lang.search());
        ui.add(
            egui::TextEdit::singleline(filter)
                .desired_width(180.0)
                .hint_text(lang.people_filter_hint()),
        )
        .labelled_by(label.id);
    });
    let needle = filter.trim();
    let groups_of = |person: PersonId| data.groups_of.get(&person).cloned().unwrap_or_default();
    let shown: Vec<(&Person, String, String)> = data
        .people
        .iter()
        .zip(&data.keys)
        .map(|(p, key)| (p, key, Data::place(names, &p.fields), groups_of(p.id)))
        .filter(|(p, key, place, groups)| {
            needle.is_empty()
                || key.matches(needle)
                || place.contains(needle)
                || groups.contains(needle)
                || p.fields.occupation.contains(needle)
        })
        .map(|(p, _, place, groups)| (p, place, groups))
        .collect();
    ui.label(lang.people_count(shown.len(), data.people.len()));
    let height = ui.available_height();
    TableBuilder::new(ui)
        .id_salt("people-register")
        .striped(true)
        .max_scroll_height(height)
        .column(Column::exact(80.0))
        .column(Column::exact(40.0))
        .column(Column::initial(150.0).clip(true))
        .column(Column::exact(110.0))
        .column(Column::initial(170.0).clip(true))
        .column(Column::initial(200.0).clip(true))
        .column(Column::remainder())
        .header(22.0, |mut header| {
            for title in [
                lang.col_name(),
                lang.col_gender(),
                lang.col_person_place(),
                lang.col_phone(),
                lang.col_occupation(),
                lang.col_groups(),
                "",
            ] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(24.0, shown.len(), |mut row| {
                let (person, place, groups) = &shown[row.index()];
                let fields = &person.fields;
                row.col(|ui| {
                    ui.label(&fields.name);
                });
                row.col(|ui| {
                    ui.label(fields.gender.map_or("", |g| lang.gender(g)));
                });
                row.col(|ui| {
                    ui.label(place);
                });
                row.col(|ui| {
                    ui.label(&fields.phone);
                });
                row.col(|ui| {
                    let mut text = fields.occupation.clone();
                    if let Some(secretary) = fields.secretary_id {
                        text = format!(
                            "{text}（{}：{}）",
                            lang.linked_secretary(),
                            names.secretary(Some(secretary))
                        );
                    }
                    ui.label(text);
                });
                row.col(|ui| {
                    ui.label(groups);
                });
                row.col(|ui| {
                    ui.horizontal(|ui| {
                        if row_button(ui, lang.edit(), &fields.name).clicked() {
                            *form = Some(PersonForm::new(Some(person)));
                        }
                        if row_button(ui, lang.delete(), &fields.name).clicked() {
                            commands.push(Command::Write(Change::DeleteRecord(
                                SystemRecord::Person(person.id),
                            )));
                        }
                    });
                });
            });
        });
    commands
}

/// A person being added or changed.
struct PersonForm {
    editing: Option<PersonId>,
    fields: PersonFields,
    error: Option<String>,
    saving: bool,
    opened: Option<PersonFields>,
}

impl super::widgets::FormWindow for PersonForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

impl PersonForm {
    fn new(person: Option<&Person>) -> Self {
        let fields = person.map(|p| p.fields.clone()).unwrap_or_default();
        Self {
            editing: person.map(|p| p.id),
            opened: Some(fields.clone()),
            fields,
            error: None,
            saving: false,
        }
    }

    fn ui(&mut self, ui: &mut Ui, lang: Lang, names: &Names) -> (Option<Command>, bool) {
        let mut command = None;
        let mut closed = super::widgets::escape_pressed(ui);
        let title = if self.editing.is_some() {
            lang.edit_person()
        } else {
            lang.new_person().trim_end_matches('…')
        };
        let branches: Vec<BranchId> = names
            .branches
            .iter()
            .filter(|b| !b.archived)
            .map(|b| b.id)
            .collect();
        let secretaries = super::widgets::in_office(&names.roster);
        super::widgets::form_window(ui, title, "person-form", 480.0, |ui| {
            egui::Grid::new("person-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    text_field(ui, lang.col_name(), &mut self.fields.name, "", None);
                    choice(
                        ui,
                        "person-gender",
                        lang.col_gender(),
                        &mut self.fields.gender,
                        Gender::ALL,
                        Some(lang.none_value()),
                        |g| lang.gender(g).to_owned(),
                    );
                    ui.end_row();
                    choice(
                        ui,
                        "person-branch",
                        lang.col_branch(),
                        &mut self.fields.branch_id,
                        &branches,
                        Some(lang.none_value()),
                        |b| names.branch(Some(b)),
                    );
                    ui.end_row();
                    text_field(
                        ui,
                        lang.col_village(),
                        &mut self.fields.village,
                        lang.village_hint(),
                        None,
                    );
                    text_field(ui, lang.col_phone(), &mut self.fields.phone, "", None);
                    text_field(
                        ui,
                        lang.col_occupation(),
                        &mut self.fields.occupation,
                        lang.occupation_hint(),
                        None,
                    );
                    choice(
                        ui,
                        "person-secretary",
                        lang.linked_secretary(),
                        &mut self.fields.secretary_id,
                        &secretaries,
                        Some(lang.none_value()),
                        |s: SecretaryId| names.secretary(Some(s)),
                    );
                    ui.end_row();
                    let label = ui.label(lang.col_notes());
                    ui.add(
                        egui::TextEdit::multiline(&mut self.fields.notes)
                            .desired_rows(2)
                            .desired_width(300.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                });
            let footer = super::widgets::form_footer(ui, lang, self.saving, self.error.as_deref());
            if footer.save {
                if self.fields.name.trim().is_empty() {
                    self.error = Some(lang.error_name_required().to_owned());
                } else {
                    self.error = None;
                    self.saving = true;
                    let fields = Box::new(self.fields.clone());
                    command = Some(Command::Write(match self.editing {
                        Some(id) => Change::UpdatePerson(id, fields),
                        None => Change::AddPerson(fields),
                    }));
                }
            }
            closed |= footer.cancel;
        });
        (command, closed)
    }
}

/// A membership being added or changed.
struct MemberForm {
    editing: Option<MemberId>,
    group: GroupId,
    person: Option<PersonId>,
    role: Option<Role>,
    starts_on: String,
    ends_on: String,
    discipline_signed: bool,
    letter_year: String,
    letter_no: String,
    issued_on: Option<NaiveDate>,
    error: Option<String>,
    saving: bool,
    opened: Option<String>,
}

impl super::widgets::FormWindow for MemberForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

impl MemberForm {
    fn new(group: GroupId, today: NaiveDate) -> Self {
        let mut form = Self {
            editing: None,
            group,
            person: None,
            role: Some(Role::Member),
            starts_on: today.format("%Y-%m-%d").to_string(),
            ends_on: String::new(),
            discipline_signed: false,
            letter_year: String::new(),
            letter_no: String::new(),
            issued_on: None,
            error: None,
            saving: false,
            opened: None,
        };
        form.opened = Some(form.typed());
        form
    }

    fn edit(member: &Member) -> Self {
        let fields = &member.fields;
        let mut form = Self {
            editing: Some(member.id),
            group: fields.group,
            person: Some(fields.person),
            role: Some(fields.role),
            starts_on: fields.term_starts_on.format("%Y-%m-%d").to_string(),
            ends_on: fields
                .term_ends_on
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            discipline_signed: fields.discipline_signed,
            letter_year: fields
                .letter
                .map(|l| l.year.to_string())
                .unwrap_or_default(),
            letter_no: fields.letter.map(|l| l.no.to_string()).unwrap_or_default(),
            issued_on: fields.issued_on,
            error: None,
            saving: false,
            opened: None,
        };
        form.opened = Some(form.typed());
        form
    }

    fn typed(&self) -> String {
        format!(
            "{:?}{:?}{:?}{}{}{}{}{}",
            self.group,
            self.person,
            self.role,
            self.starts_on,
            self.ends_on,
            self.discipline_signed,
            self.letter_year,
            self.letter_no
        )
    }

    fn validate(&self, lang: Lang, data: &Data) -> Result<MemberFields, String> {
        let person = self.person.ok_or_else(|| lang.choose_person().to_owned())?;
        let term_starts_on =
            parse_day(&self.starts_on).ok_or_else(|| lang.error_not_a_date().to_owned())?;
        let term_ends_on = match self.ends_on.trim() {
            "" => None,
            text => Some(parse_day(text).ok_or_else(|| lang.error_not_a_date().to_owned())?),
        };
        let letter = match (self.letter_year.trim(), self.letter_no.trim()) {
            ("", "") => None,
            (year, no) => {
                let year = year
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (1900..=2999).contains(y));
                let no = no.trim_start_matches('0').parse::<i64>().ok();
                match (year, no) {
                    (Some(year), Some(no)) => Some(LetterNo { year, no }),
                    _ => return Err(lang.member_error(MemberError::LetterNoInvalid).to_owned()),
                }
            }
        };
        let fields = MemberFields {
            group: self.group,
            person,
            role: self.role.unwrap_or(Role::Member),
            term_starts_on,
            term_ends_on,
            discipline_signed: self.discipline_signed,
            letter,
            issued_on: self.issued_on,
        };
        fields
            .check()
            .map_err(|e| lang.member_error(e).to_owned())?;
        if let Some(letter) = letter
            && let Some(holder) = data
                .members
                .iter()
                .find(|m| m.fields.letter == Some(letter) && Some(m.id) != self.editing)
        {
            return Err(lang.letter_no_taken_by(
                &format_letter_no(&data.pattern, letter),
                &data.person_name(holder.fields.person),
            ));
        }
        if self.editing.is_none()
            && data
                .members
                .iter()
                .any(|m| m.fields.group == self.group && m.fields.person == person)
        {
            return Err(lang.error_already_member().to_owned());
        }
        Ok(fields)
    }

    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, data: &Data) -> (Option<Command>, bool) {
        let lang = ctx.lang;
        let mut command = None;
        let mut closed = super::widgets::escape_pressed(ui);
        // An error shown goes as soon as what is typed is right.
        if self.error.is_some() && self.validate(lang, data).is_ok() {
            self.error = None;
        }
        let title = format!(
            "{} · {}",
            if self.editing.is_some() {
                lang.edit_member()
            } else {
                lang.add_member().trim_end_matches('…')
            },
            data.group_name(self.group)
        );
        let people: Vec<PersonId> = data.people.iter().map(|p| p.id).collect();
        super::widgets::form_window(ui, &title, "member-form", 500.0, |ui| {
            egui::Grid::new("member-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    if self.editing.is_some() {
                        ui.label(lang.col_name());
                        ui.label(self.person.map(|p| data.person_name(p)).unwrap_or_default());
                    } else {
                        choice(
                            ui,
                            "member-person",
                            lang.col_name(),
                            &mut self.person,
                            &people,
                            None,
                            |p| {
                                let person = data.person(p);
                                match person.map(|p| p.fields.occupation.as_str()) {
                                    Some(o) if !o.is_empty() => {
                                        format!("{}（{o}）", data.person_name(p))
                                    }
                                    _ => data.person_name(p),
                                }
                            },
                        );
                    }
                    ui.end_row();
                    choice(
                        ui,
                        "member-role",
                        lang.col_role(),
                        &mut self.role,
                        Role::ALL,
                        None,
                        |r| lang.role(r).to_owned(),
                    );
                    ui.end_row();
                    text_field(
                        ui,
                        lang.term_starts(),
                        &mut self.starts_on,
                        lang.day_hint(),
                        None,
                    );
                    text_field(
                        ui,
                        lang.term_ends(),
                        &mut self.ends_on,
                        lang.day_hint(),
                        None,
                    );
                    ui.label("");
                    ui.checkbox(&mut self.discipline_signed, lang.discipline_signed_check());
                    ui.end_row();
                    let label = ui.label(lang.col_letter_no());
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::TextEdit::singleline(&mut self.letter_year)
                                .desired_width(64.0)
                                .hint_text(lang.year_hint()),
                        )
                        .labelled_by(label.id);
                        ui.label(lang.letter_no_middle());
                        let no = ui.add(
                            egui::TextEdit::singleline(&mut self.letter_no).desired_width(50.0),
                        );
                        super::widgets::name_text_field(no, lang.letter_no_number());
                    });
                    ui.end_row();
                });
            if self.editing.is_none() {
                if data.people.is_empty() {
                    ui.colored_label(ERROR_RED, lang.no_people_yet());
                }
                ui.label(RichText::new(lang.member_form_explained()).weak());
            }
            let footer = super::widgets::form_footer(ui, lang, self.saving, self.error.as_deref());
            if footer.save {
                match self.validate(lang, data) {
                    Ok(fields) => {
                        self.error = None;
                        self.saving = true;
                        command = Some(Command::Write(match self.editing {
                            Some(id) => Change::UpdateMember(id, fields),
                            None => Change::AddMember(fields),
                        }));
                    }
                    Err(error) => self.error = Some(error),
                }
            }
            closed |= footer.cancel;
        });
        (command, closed)
    }
}

/// A group being added or changed.
struct GroupForm {
    editing: Option<GroupId>,
    name: String,
    discipline: String,
    error: Option<String>,
    saving: bool,
    opened: Option<(String, String)>,
}

impl super::widgets::FormWindow for GroupForm {
    fn saving(&mut self) -> &mut bool {
        &mut self.saving
    }
}

impl GroupForm {
    fn new(group: Option<&Group>) -> Self {
        let (name, discipline) = group
            .map(|g| (g.name.clone(), g.discipline.clone()))
            .unwrap_or_default();
        Self {
            editing: group.map(|g| g.id),
            opened: Some((name.clone(), discipline.clone())),
            name,
            discipline,
            error: None,
            saving: false,
        }
    }

    fn ui(&mut self, ui: &mut Ui, lang: Lang) -> (Option<Command>, bool) {
        let mut command = None;
        let mut closed = super::widgets::escape_pressed(ui);
        let title = if self.editing.is_some() {
            lang.edit_group().trim_end_matches('…')
        } else {
            lang.new_group().trim_end_matches('…')
        };
        super::widgets::form_window(ui, title, "group-form", 480.0, |ui| {
            egui::Grid::new("group-form-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    text_field(ui, lang.group_name(), &mut self.name, "", None);
                    let label = ui.label(lang.discipline());
                    ui.add(
                        egui::TextEdit::multiline(&mut self.discipline)
                            .desired_rows(3)
                            .desired_width(320.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                });
            let footer = super::widgets::form_footer(ui, lang, self.saving, self.error.as_deref());
            if footer.save {
                if self.name.trim().is_empty() {
                    self.error = Some(lang.error_name_required().to_owned());
                } else {
                    self.error = None;
                    self.saving = true;
                    let (name, discipline) = (
                        self.name.trim().to_owned(),
                        self.discipline.trim().to_owned(),
                    );
                    command = Some(Command::Write(match self.editing {
                        Some(id) => Change::UpdateGroup(id, name, discipline),
                        None => Change::AddGroup(name, discipline),
                    }));
                }
            }
            closed |= footer.cancel;
        });
        (command, closed)
    }
}
