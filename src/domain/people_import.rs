//! Planning an import of people into the register and the "100-member league" groups: which
//! rows add a person, which match one already kept (same name and village or branch), which
//! memberships they bring, and which rows are refused and why. Pure: nothing is written until
//! the plan is applied.

use super::date::PartialDate;
use super::import_plan::{SkippedLine, branch_key};
use super::league::{Group, GroupId, Member, Person, PersonFields, PersonId, Role};
use super::roster::{Branch, BranchId, Gender, RosterEntry};
use chrono::NaiveDate;
use std::collections::HashMap;

/// A column of a people sheet, as named in headers and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeopleColumn {
    /// 序号 (read and ignored).
    Number,
    /// 姓名
    Name,
    /// 性别
    Gender,
    /// 所在村/支部
    Village,
    /// 联系电话
    Phone,
    /// 职业/原任职务/身份
    Occupation,
    /// 备注
    Notes,
    /// 所在团
    Group,
    /// 团内职务 (团长/副团长/成员)
    Role,
    /// 职务: the role in the group when it says 团长, 副团长 or 成员, the occupation otherwise.
    RoleOrOccupation,
    /// 聘期 as one range (2024.07—2027.06).
    Term,
    /// 聘期开始
    TermStart,
    /// 聘期结束
    TermEnd,
}

/// One person read from a sheet, with the group they join (if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeopleRow {
    /// Line in the file (1-based), for messages.
    pub line: usize,
    /// Name (never empty in a row that reaches the plan).
    pub name: String,
    /// 性别
    pub gender: Option<Gender>,
    /// 所在村/支部, as written.
    pub village: String,
    /// 联系电话 (spaces and dashes taken out).
    pub phone: String,
    /// 职业/原任职务
    pub occupation: String,
    /// 备注
    pub notes: String,
    /// 所在团, as written (empty: into the register only).
    pub group: String,
    /// 团长, 副团长 or 成员 (成员 if not said).
    pub role: Role,
    /// First day of the term, if written.
    pub term_starts_on: Option<NaiveDate>,
    /// Last day of the term, if written.
    pub term_ends_on: Option<NaiveDate>,
}

impl Default for PeopleRow {
    fn default() -> Self {
        Self {
            line: 0,
            name: String::new(),
            gender: None,
            village: String::new(),
            phone: String::new(),
            occupation: String::new(),
            notes: String::new(),
            group: String::new(),
            role: Role::Member,
            term_starts_on: None,
            term_ends_on: None,
        }
    }
}

/// Why a row of a people sheet was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeopleRejectReason {
    /// The row has content but no name.
    NameMissing,
    /// The gender cell is neither 男 nor 女.
    BadGender(String),
    /// The phone is neither a mobile nor a landline number.
    BadPhone(String),
    /// A date cell is not a date.
    BadDate {
        /// Which column.
        column: PeopleColumn,
        /// What the cell held.
        text: String,
    },
    /// The role cell is none of 团长, 副团长, 成员.
    BadRole(String),
    /// The term ends before it starts (a term without a start starts on the day of import).
    TermEndsBeforeStart,
    /// No group has that name.
    UnknownGroup(String),
    /// The short name fits several groups: (as written, the groups it fits).
    AmbiguousGroup(String, Vec<String>),
    /// The group is archived.
    ArchivedGroup(String),
    /// The same person in the same group appeared earlier in the file, on that line.
    DuplicateOf(usize),
}

/// A refused row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeopleRejection {
    /// Line in the file (1-based).
    pub line: usize,
    /// The name, if the row had one.
    pub name: String,
    /// Why it was refused.
    pub reason: PeopleRejectReason,
}

/// A sheet read into rows, before it is compared with the register.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedPeople {
    /// Rows that passed the checks of a single row.
    pub rows: Vec<PeopleRow>,
    /// Rows refused on their own.
    pub rejected: Vec<PeopleRejection>,
    /// Headers of columns that are not ours, left out.
    pub ignored_columns: Vec<String>,
    /// Title and total lines passed over.
    pub skipped: Vec<SkippedLine>,
}

/// A person the import adds to the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPerson {
    /// The line it comes from.
    pub line: usize,
    /// The record to add.
    pub fields: PersonFields,
    /// The branch or village as the sheet wrote it (for the preview).
    pub village: String,
}

/// A person of the register that a row matches and changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonUpdate {
    /// The line it comes from.
    pub line: usize,
    /// The branch or village as the sheet wrote it (for the preview).
    pub village: String,
    /// Who.
    pub id: PersonId,
    /// The record as it is now.
    pub before: PersonFields,
    /// The record as it will be (empty cells keep what was kept).
    pub fields: PersonFields,
    /// Which columns change.
    pub changed: Vec<PeopleColumn>,
}

/// Whom a membership is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlannedPerson {
    /// A person of the register.
    Existing(PersonId),
    /// The person added by `to_add[index]`.
    New(usize),
}

/// A membership the import adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMembership {
    /// The line it comes from.
    pub line: usize,
    /// The person's name (for the preview).
    pub name: String,
    /// The branch or village as the sheet wrote it (for the preview).
    pub village: String,
    /// Who.
    pub person: PlannedPerson,
    /// The group.
    pub group: GroupId,
    /// The group's name.
    pub group_name: String,
    /// 团长, 副团长 or 成员.
    pub role: Role,
    /// First day of the term.
    pub term_starts_on: NaiveDate,
    /// Last day of the term, if written.
    pub term_ends_on: Option<NaiveDate>,
}

/// A row that matches a person already in the group it names: nothing to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlreadyMember {
    /// The line.
    pub line: usize,
    /// The person's name.
    pub name: String,
    /// The branch or village as the sheet wrote it.
    pub village: String,
    /// The group's name.
    pub group_name: String,
}

/// A row that matches a person of the register and changes nothing about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnchangedPerson {
    /// The line.
    pub line: usize,
    /// The person's name.
    pub name: String,
    /// The branch or village as the sheet wrote it.
    pub village: String,
}

/// What a people import would do; nothing is written until it is applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleImportPlan {
    /// People to add to the register.
    pub to_add: Vec<NewPerson>,
    /// People of the register a row changes.
    pub to_update: Vec<PersonUpdate>,
    /// Rows that match a person of the register and change nothing about them.
    pub unchanged: Vec<UnchangedPerson>,
    /// Memberships to add.
    pub memberships: Vec<NewMembership>,
    /// Rows whose person is in that group already.
    pub already_members: Vec<AlreadyMember>,
    /// Rows refused, with the reason.
    pub rejected: Vec<PeopleRejection>,
    /// Columns left out.
    pub ignored_columns: Vec<String>,
    /// Title and total lines passed over.
    pub skipped: Vec<SkippedLine>,
}

impl PeopleImportPlan {
    /// Whether applying the plan would change nothing.
    pub fn is_empty(&self) -> bool {
        self.to_add.is_empty() && self.to_update.is_empty() && self.memberships.is_empty()
    }
}

/// Which group a cell names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupMatch<'a> {
    /// This one.
    Found(&'a Group),
    /// None.
    Unknown,
    /// Several: their names.
    Ambiguous(Vec<String>),
}

/// The group a cell names: its full name, or a short form that fits one group only — a part
/// of its name (妇女团, 智囊团, 村务治理顾问团) or its characters in order (经济顾问团). A short form
/// that fits several groups (顾问团) names none.
pub fn match_group<'a>(text: &str, groups: &'a [Group]) -> GroupMatch<'a> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return GroupMatch::Unknown;
    }
    let bare = |name: &str| {
        name.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
    };
    if let Some(group) = groups.iter().find(|g| bare(&g.name) == text) {
        return GroupMatch::Found(group);
    }
    let in_order = |name: &str| {
        let mut chars = name.chars();
        text.chars().all(|wanted| chars.any(|c| c == wanted))
    };
    let tests: [&dyn Fn(&str) -> bool; 2] = [&|name: &str| name.contains(&text), &in_order];
    for fits in tests {
        let found: Vec<&Group> = groups.iter().filter(|g| fits(&bare(&g.name))).collect();
        // A group in use is meant before an archived one of a like name.
        let live: Vec<&Group> = found.iter().copied().filter(|g| !g.archived).collect();
        let found = if live.is_empty() { found } else { live };
        match found.as_slice() {
            [] => {}
            [one] => return GroupMatch::Found(one),
            many => return GroupMatch::Ambiguous(many.iter().map(|g| g.name.clone()).collect()),
        }
    }
    GroupMatch::Unknown
}

/// Where a person lives or works, as people are told apart by: a branch of the roster, or a
/// village written out.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Place {
    Branch(BranchId),
    Village(String),
}

fn place_of(village: &str, branches: &HashMap<String, BranchId>) -> Place {
    let key = branch_key(village);
    branches
        .get(&key)
        .map_or(Place::Village(key), |b| Place::Branch(*b))
}

/// What the plan is made against.
#[derive(Debug, Clone, Copy)]
pub struct Register<'a> {
    /// The people register.
    pub people: &'a [Person],
    /// Every live membership.
    pub members: &'a [Member],
    /// The groups.
    pub groups: &'a [Group],
    /// The branches (archived ones are not matched).
    pub branches: &'a [Branch],
    /// The roster, to link a secretary who is listed.
    pub roster: &'a [RosterEntry],
}

/// Compares the parsed sheet with the register and decides, row by row, what to do; a term
/// without a start starts on `today`.
pub fn plan_people_import(
    parsed: ParsedPeople,
    register: Register<'_>,
    today: NaiveDate,
) -> PeopleImportPlan {
    let mut plan = PeopleImportPlan {
        rejected: parsed.rejected,
        ignored_columns: parsed.ignored_columns,
        skipped: parsed.skipped,
        ..PeopleImportPlan::default()
    };
    let branches: HashMap<String, BranchId> = register
        .branches
        .iter()
        .filter(|b| !b.archived)
        .map(|b| (branch_key(&b.name), b.id))
        .collect();
    let kept_place = |fields: &PersonFields| match fields.branch_id {
        Some(branch) => Place::Branch(branch),
        None => Place::Village(branch_key(&fields.village)),
    };
    // Which person of the file or the register each (name, place) is, and its first line.
    let mut seen: HashMap<(String, Place), (PlannedPerson, usize)> = HashMap::new();
    // Which group each planned person joins, and on which line.
    let mut joined: HashMap<(String, Place, GroupId), usize> = HashMap::new();

    for row in parsed.rows {
        let reject = |plan: &mut PeopleImportPlan, reason| {
            plan.rejected.push(PeopleRejection {
                line: row.line,
                name: row.name.clone(),
                reason,
            });
        };
        let group = if row.group.trim().is_empty() {
            None
        } else {
            match match_group(&row.group, register.groups) {
                GroupMatch::Found(g) if g.archived => {
                    reject(&mut plan, PeopleRejectReason::ArchivedGroup(g.name.clone()));
                    continue;
                }
                GroupMatch::Found(g) => Some(g),
                GroupMatch::Unknown => {
                    reject(
                        &mut plan,
                        PeopleRejectReason::UnknownGroup(row.group.clone()),
                    );
                    continue;
                }
                GroupMatch::Ambiguous(names) => {
                    reject(
                        &mut plan,
                        PeopleRejectReason::AmbiguousGroup(row.group.clone(), names),
                    );
                    continue;
                }
            }
        };
        let term_starts_on = row.term_starts_on.unwrap_or(today);
        if group.is_some() && row.term_ends_on.is_some_and(|end| end < term_starts_on) {
            reject(&mut plan, PeopleRejectReason::TermEndsBeforeStart);
            continue;
        }
        // A row without a village is the one person of that name kept, if there is one.
        let place = if row.village.trim().is_empty() {
            let same_name: Vec<&Person> = register
                .people
                .iter()
                .filter(|p| p.fields.name == row.name)
                .collect();
            match same_name.as_slice() {
                [one] => kept_place(&one.fields),
                _ => Place::Village(String::new()),
            }
        } else {
            place_of(&row.village, &branches)
        };
        let key = (row.name.clone(), place.clone());
        if let Some(group) = group
            && let Some(first) = joined.get(&(row.name.clone(), place.clone(), group.id))
        {
            reject(&mut plan, PeopleRejectReason::DuplicateOf(*first));
            continue;
        }
        let person = if let Some((person, _)) = seen.get(&key) {
            *person
        } else {
            let existing = register
                .people
                .iter()
                .find(|p| p.fields.name == row.name && kept_place(&p.fields) == place);
            let person = if let Some(existing) = existing {
                let (fields, changed) = lay_over(&existing.fields, &row);
                if changed.is_empty() {
                    plan.unchanged.push(UnchangedPerson {
                        line: row.line,
                        name: row.name.clone(),
                        village: row.village.trim().to_owned(),
                    });
                } else {
                    plan.to_update.push(PersonUpdate {
                        line: row.line,
                        village: row.village.trim().to_owned(),
                        id: existing.id,
                        before: existing.fields.clone(),
                        fields,
                        changed,
                    });
                }
                PlannedPerson::Existing(existing.id)
            } else {
                let branch_id = match place {
                    Place::Branch(b) => Some(b),
                    Place::Village(_) => None,
                };
                let secretary_id = branch_id.and_then(|b| {
                    register
                        .roster
                        .iter()
                        .find(|e| e.fields.name == row.name && e.fields.branch_id == Some(b))
                        .map(|e| e.id)
                });
                plan.to_add.push(NewPerson {
                    line: row.line,
                    fields: PersonFields {
                        name: row.name.clone(),
                        gender: row.gender,
                        branch_id,
                        village: if branch_id.is_some() {
                            String::new()
                        } else {
                            row.village.trim().to_owned()
                        },
                        phone: row.phone.clone(),
                        occupation: row.occupation.clone(),
                        notes: row.notes.clone(),
                        secretary_id,
                    },
                    village: row.village.trim().to_owned(),
                });
                PlannedPerson::New(plan.to_add.len() - 1)
            };
            seen.insert(key, (person, row.line));
            person
        };
        let Some(group) = group else { continue };
        joined.insert((row.name.clone(), place, group.id), row.line);
        let already = matches!(person, PlannedPerson::Existing(id)
            if register.members.iter().any(|m| m.fields.person == id && m.fields.group == group.id));
        if already {
            plan.already_members.push(AlreadyMember {
                line: row.line,
                name: row.name.clone(),
                village: row.village.trim().to_owned(),
                group_name: group.name.clone(),
            });
        } else {
            plan.memberships.push(NewMembership {
                line: row.line,
                name: row.name.clone(),
                village: row.village.trim().to_owned(),
                person,
                group: group.id,
                group_name: group.name.clone(),
                role: row.role,
                term_starts_on,
                term_ends_on: row.term_ends_on,
            });
        }
    }
    plan.rejected.sort_by_key(|r| r.line);
    plan
}

/// The record after the row's non-empty values are laid over it, and which columns changed.
fn lay_over(current: &PersonFields, row: &PeopleRow) -> (PersonFields, Vec<PeopleColumn>) {
    let mut fields = current.clone();
    let mut changed = Vec::new();
    if row.gender.is_some() && row.gender != fields.gender {
        fields.gender = row.gender;
        changed.push(PeopleColumn::Gender);
    }
    for (value, field, column) in [
        (&row.phone, &mut fields.phone, PeopleColumn::Phone),
        (
            &row.occupation,
            &mut fields.occupation,
            PeopleColumn::Occupation,
        ),
        (&row.notes, &mut fields.notes, PeopleColumn::Notes),
    ] {
        if !value.is_empty() && value != field {
            value.clone_into(field);
            changed.push(column);
        }
    }
    (fields, changed)
}

/// A term's date as sheets write it: a day (2026-01-01, 2026/1/1, 2026年1月1日) or a month
/// (2026.1), which is its first day for a start and its last for an end.
pub fn term_date(text: &str, end: bool) -> Option<NaiveDate> {
    let date = PartialDate::parse(text).ok()?;
    match date.day {
        Some(day) => NaiveDate::from_ymd_opt(date.year, date.month, day),
        None if end => super::theme_day::fixed_day(date.year, date.month, 31),
        None => NaiveDate::from_ymd_opt(date.year, date.month, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::league::MemberFields;
    use crate::domain::league::MemberId;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("day")
    }

    fn groups() -> Vec<Group> {
        crate::domain::league::DEFAULT_GROUPS
            .iter()
            .enumerate()
            .map(|(i, (name, _))| Group {
                id: GroupId(i as i64 + 1),
                name: (*name).to_owned(),
                discipline: String::new(),
                archived: false,
            })
            .collect()
    }

    fn row(line: usize, name: &str, village: &str, group: &str) -> PeopleRow {
        PeopleRow {
            line,
            name: name.into(),
            village: village.into(),
            group: group.into(),
            ..PeopleRow::default()
        }
    }

    #[test]
    fn short_forms_name_one_group_or_are_ambiguous() {
        let groups = groups();
        let name = |text: &str| match match_group(text, &groups) {
            GroupMatch::Found(g) => g.name.clone(),
            GroupMatch::Unknown => "?".into(),
            GroupMatch::Ambiguous(names) => format!("{} groups", names.len()),
        };
        assert_eq!(name("妇女团"), "妇女团");
        assert_eq!(name(" 智囊团"), "党组织书记智囊团");
        assert_eq!(name("村务治理顾问团"), "离任村干部村务治理顾问团");
        assert_eq!(name("经济顾问团"), "经济发展顾问团");
        assert_eq!(name("顾问团"), "2 groups");
        assert_eq!(name("篮球队"), "?");
    }

    #[test]
    fn people_kept_are_matched_new_ones_added_and_bad_rows_refused() {
        let groups = groups();
        let branches = vec![Branch {
            id: BranchId(7),
            name: "东坪村党支部".into(),
            kind: crate::domain::BranchKind::Village,
            area_id: None,
            archived: false,
        }];
        let people = vec![Person {
            id: PersonId(3),
            fields: PersonFields {
                name: "董福来".into(),
                branch_id: Some(BranchId(7)),
                occupation: "原村委会主任".into(),
                ..PersonFields::default()
            },
        }];
        let members = vec![Member {
            id: MemberId(1),
            fields: MemberFields {
                group: GroupId(2),
                person: PersonId(3),
                role: Role::Member,
                term_starts_on: day(2024, 7, 1),
                term_ends_on: None,
                discipline_signed: true,
                letter: None,
                issued_on: None,
            },
        }];
        let mut changed = row(3, "董福来", "东坪村", "村务治理顾问团");
        changed.phone = "13900000001".into();
        let mut late = row(8, "唐秀珍", "古城镇", "妇女团");
        late.term_starts_on = Some(day(2026, 1, 1));
        late.term_ends_on = Some(day(2025, 12, 31));
        let parsed = ParsedPeople {
            rows: vec![
                changed,
                row(4, "董福来", "东坪村党支部", "经济顾问团"),
                row(5, "萧丽华", "桃园村", "妇女团"),
                row(6, "萧丽华", "桃园村", "妇女团"),
                row(7, "任志远", "县农技中心", "顾问团"),
                late,
                row(9, "叶茂林", "", ""),
            ],
            ..ParsedPeople::default()
        };
        let register = Register {
            people: &people,
            members: &members,
            groups: &groups,
            branches: &branches,
            roster: &[],
        };
        let plan = plan_people_import(parsed, register, day(2026, 11, 29));
        assert_eq!(plan.to_update.len(), 1);
        assert_eq!(plan.to_update[0].changed, vec![PeopleColumn::Phone]);
        assert_eq!(plan.to_update[0].fields.occupation, "原村委会主任");
        assert_eq!(
            plan.already_members.len(),
            1,
            "line 3: in that group already"
        );
        assert_eq!(
            plan.memberships
                .iter()
                .map(|m| (m.line, m.person, m.group))
                .collect::<Vec<_>>(),
            vec![
                (4, PlannedPerson::Existing(PersonId(3)), GroupId(4)),
                (5, PlannedPerson::New(0), GroupId(3)),
            ]
        );
        assert_eq!(
            plan.memberships[0].term_starts_on,
            day(2026, 11, 29),
            "no start: the day of import"
        );
        assert_eq!(
            plan.to_add
                .iter()
                .map(|p| (p.line, p.fields.village.as_str()))
                .collect::<Vec<_>>(),
            vec![(5, "桃园村"), (9, "")]
        );
        let reasons: Vec<_> = plan
            .rejected
            .iter()
            .map(|r| (r.line, r.reason.clone()))
            .collect();
        assert_eq!(reasons[0], (6, PeopleRejectReason::DuplicateOf(5)));
        assert!(matches!(
            reasons[1],
            (7, PeopleRejectReason::AmbiguousGroup(_, _))
        ));
        assert_eq!(reasons[2], (8, PeopleRejectReason::TermEndsBeforeStart));
    }

    #[test]
    fn term_dates_of_a_month_run_from_its_first_to_its_last_day() {
        assert_eq!(term_date("2026.1", false), Some(day(2026, 1, 1)));
        assert_eq!(term_date("2026.2", true), Some(day(2026, 2, 28)));
        assert_eq!(term_date("2026年1月1日", true), Some(day(2026, 1, 1)));
        assert_eq!(term_date("2026/1/1", false), Some(day(2026, 1, 1)));
        assert_eq!(term_date("明年", false), None);
    }
}
