//! The labels of the people import dialog (`ui/people_import.rs`) and of `import-people`.

use crate::domain::league::PersonFields;
use crate::domain::people_import::{PeopleColumn, PeopleImportPlan, PeopleRejectReason};
use crate::i18n::Lang;
use crate::store::PeopleImportOutcome;
use std::collections::BTreeMap;

texts! {
    file_import_people: "导入百人团人员…", "Import group members…";
    people_import_title: "导入百人团人员", "Import people into the groups";
    people_import_choose: "选择 Excel（.xlsx）或 CSV 文件：每行一人，可有所在团、团内职务、聘期开始、聘期结束等列；表头上方可以有标题。", "Choose an Excel (.xlsx) or CSV file, one person a line, with columns such as group, role, term start and term end; title lines above the header are fine.";
    people_import_to_add: "新增人员", "People to add";
    people_import_to_update: "更新人员", "People to update";
    people_import_memberships: "加入团", "Joining a group";
    people_import_already: "已在团中", "In the group already";
    people_import_skip_rejected: "跳过不能导入的行，导入其余各行", "Leave out the rows in error and import the rest";
    people_import_fix_or_skip: "有不能导入的行：请在表格中改正后重新预览，或勾选下面一项跳过这些行。", "Some rows cannot be imported: correct them in the sheet and preview again, or tick the box below to leave them out.";
    people_col_village: "所在村/支部", "Village or branch";
    people_col_occupation: "职业/原任职务", "Occupation or former post";
    people_col_group: "所在团", "Group";
    people_col_role: "团内职务", "Role";
    people_col_term: "聘期", "Term";
    people_col_term_start: "聘期开始", "Term starts";
    people_col_term_end: "聘期结束", "Term ends";
    people_col_what: "导入内容", "What happens";
    people_term_open: "未定", "open";
    people_import_new_person: "新增人员", "new to the register";
    people_import_changes: "更新", "changes";
}

/// A line of the sheet as the preview and `import-people` tell it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeopleImportLine {
    /// The line of the sheet.
    pub line: usize,
    /// Who.
    pub name: String,
    /// The village or branch as written.
    pub village: String,
    /// What happens to it, or why it is refused.
    pub what: String,
    /// Refused.
    pub is_error: bool,
}

impl Lang {
    /// The lines of a people import, one per line of the sheet: those refused first (they
    /// need attention), then the others in the sheet's order.
    pub fn people_import_lines(self, plan: &PeopleImportPlan) -> Vec<PeopleImportLine> {
        let mut lines: Vec<PeopleImportLine> = plan
            .rejected
            .iter()
            .map(|r| PeopleImportLine {
                line: r.line,
                name: r.name.clone(),
                village: String::new(),
                what: self.people_reject_reason(&r.reason),
                is_error: true,
            })
            .collect();
        let mut by_line: BTreeMap<usize, (String, String, Vec<String>)> = BTreeMap::new();
        let mut note = |line: usize, name: &str, village: &str, what: String| {
            let entry = by_line
                .entry(line)
                .or_insert_with(|| (name.to_owned(), village.to_owned(), Vec::new()));
            entry.2.push(what);
        };
        for person in &plan.to_add {
            let name = &person.fields.name;
            note(
                person.line,
                name,
                &person.village,
                self.people_import_to_add().to_owned(),
            );
        }
        for update in &plan.to_update {
            let changes: Vec<String> = update
                .changed
                .iter()
                .map(|c| {
                    let (before, after) = (
                        self.person_value(&update.before, *c),
                        self.person_value(&update.fields, *c),
                    );
                    format!("{} {before} → {after}", self.people_column(*c))
                })
                .collect();
            let what = format!(
                "{}: {}",
                self.people_import_changes(),
                changes.join(self.say_semicolon())
            );
            note(update.line, &update.fields.name, &update.village, what);
        }
        for unchanged in &plan.unchanged {
            let what = self.import_unchanged().to_owned();
            note(unchanged.line, &unchanged.name, &unchanged.village, what);
        }
        for membership in &plan.memberships {
            let what = match self {
                Self::Zh => format!(
                    "加入{}（{}，聘期 {}）",
                    membership.group_name,
                    self.role(membership.role),
                    self.people_term(membership.term_starts_on, membership.term_ends_on)
                ),
                Self::En => format!(
                    "joins {} ({}, term {})",
                    membership.group_name,
                    self.role(membership.role),
                    self.people_term(membership.term_starts_on, membership.term_ends_on)
                ),
            };
            note(membership.line, &membership.name, &membership.village, what);
        }
        for already in &plan.already_members {
            let what = match self {
                Self::Zh => format!("已在{}中", already.group_name),
                Self::En => format!("in {} already", already.group_name),
            };
            note(already.line, &already.name, &already.village, what);
        }
        lines.extend(
            by_line
                .into_iter()
                .map(|(line, (name, village, what))| PeopleImportLine {
                    line,
                    name,
                    village,
                    what: what.join(self.say_semicolon()),
                    is_error: false,
                }),
        );
        lines
    }

    /// A person's value in a column, as the preview shows it.
    fn person_value(self, fields: &PersonFields, column: PeopleColumn) -> String {
        let text = match column {
            PeopleColumn::Gender => fields
                .gender
                .map(|g| self.gender(g).to_owned())
                .unwrap_or_default(),
            PeopleColumn::Phone => fields.phone.clone(),
            PeopleColumn::Occupation | PeopleColumn::RoleOrOccupation => fields.occupation.clone(),
            PeopleColumn::Notes => fields.notes.clone(),
            _ => String::new(),
        };
        if text.is_empty() {
            self.none_value().to_owned()
        } else {
            text
        }
    }

    /// A column of a people sheet, as its header says.
    pub fn people_column(self, column: PeopleColumn) -> &'static str {
        match column {
            PeopleColumn::Number => self.pick("序号", "No."),
            PeopleColumn::Name => self.col_name(),
            PeopleColumn::Gender => self.col_gender(),
            PeopleColumn::Village => self.people_col_village(),
            PeopleColumn::Phone => self.col_phone(),
            PeopleColumn::Occupation | PeopleColumn::RoleOrOccupation => {
                self.people_col_occupation()
            }
            PeopleColumn::Notes => self.col_notes(),
            PeopleColumn::Group => self.people_col_group(),
            PeopleColumn::Role => self.people_col_role(),
            PeopleColumn::Term => self.people_col_term(),
            PeopleColumn::TermStart => self.people_col_term_start(),
            PeopleColumn::TermEnd => self.people_col_term_end(),
        }
    }

    /// Why a row of a people sheet was refused, in a sentence.
    pub fn people_reject_reason(self, reason: &PeopleRejectReason) -> String {
        use PeopleRejectReason as R;
        match (self, reason) {
            (_, R::NameMissing) => self.pick("缺少姓名", "No name").to_owned(),
            (Self::Zh, R::BadGender(text)) => format!("性别“{text}”应为男或女"),
            (Self::En, R::BadGender(text)) => format!("gender \"{text}\" should be male or female"),
            (Self::Zh, R::BadPhone(text)) => format!("联系电话“{text}”不是手机或座机号码"),
            (Self::En, R::BadPhone(text)) => {
                format!("phone \"{text}\" is neither a mobile nor a landline number")
            }
            (Self::Zh, R::BadDate { column, text }) => format!(
                "{}“{text}”不是日期，请写成 2026-01-01、2026/1/1、2026年1月1日 或 2026.1",
                self.people_column(*column)
            ),
            (Self::En, R::BadDate { column, text }) => format!(
                "{} \"{text}\" is not a date; write 2026-01-01, 2026/1/1 or 2026.1",
                self.people_column(*column)
            ),
            (Self::Zh, R::BadRole(text)) => format!("团内职务“{text}”应为团长、副团长或成员"),
            (Self::En, R::BadRole(text)) => {
                format!("role \"{text}\" should be leader, deputy leader or member")
            }
            (Self::Zh, R::TermEndsBeforeStart) => {
                "聘期结束早于开始（没写开始的，从导入当天算起）".to_owned()
            }
            (Self::En, R::TermEndsBeforeStart) => {
                "the term ends before it starts (a term without a start starts today)".to_owned()
            }
            (Self::Zh, R::UnknownGroup(text)) => {
                format!("没有名为“{text}”的团，请写团的全称或简称")
            }
            (Self::En, R::UnknownGroup(text)) => {
                format!("no group is called \"{text}\"; write its full or short name")
            }
            (Self::Zh, R::AmbiguousGroup(text, names)) => {
                format!("“{text}”可指{}，请写全称", names.join("或"))
            }
            (Self::En, R::AmbiguousGroup(text, names)) => format!(
                "\"{text}\" could be {}; write the full name",
                names.join(" or ")
            ),
            (Self::Zh, R::ArchivedGroup(name)) => format!("“{name}”已归档，请先恢复该团"),
            (Self::En, R::ArchivedGroup(name)) => {
                format!("\"{name}\" is archived; restore the group first")
            }
            (Self::Zh, R::DuplicateOf(line)) => format!("与第{line}行重复（同一人、同一个团）"),
            (Self::En, R::DuplicateOf(line)) => {
                format!("repeats line {line} (the same person in the same group)")
            }
        }
    }

    /// After a people import.
    pub fn people_imported(self, outcome: PeopleImportOutcome) -> String {
        let PeopleImportOutcome {
            people_added,
            people_updated,
            memberships_added,
        } = outcome;
        match self {
            Self::Zh => format!(
                "导入完成：新增人员 {people_added} 人，更新 {people_updated} 人，加入团 {memberships_added} 人次。"
            ),
            Self::En => format!(
                "Import done: {people_added} people added, {people_updated} updated, {memberships_added} memberships added."
            ),
        }
    }

    /// The term of a membership: 2024-07-01—2027-06-30.
    pub fn people_term(
        self,
        starts_on: chrono::NaiveDate,
        ends_on: Option<chrono::NaiveDate>,
    ) -> String {
        let end = ends_on.map_or_else(
            || self.people_term_open().to_owned(),
            |d| d.format("%Y-%m-%d").to_string(),
        );
        format!("{}—{end}", starts_on.format("%Y-%m-%d"))
    }
}
