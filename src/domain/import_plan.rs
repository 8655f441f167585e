//! Planning a roster import: which rows of a sheet add a secretary, which update one (same name
//! and branch), which are refused and why. Pure: nothing is written until the plan is applied.

use super::date::{DateError, PartialDate};
use super::roster::{
    Area, Branch, BranchId, BranchKind, Gender, Level, RosterEntry, SecretaryFields, SecretaryId,
};
use std::collections::{HashMap, HashSet};

/// One secretary read from a sheet. Empty values never overwrite what the roster holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportRow {
    /// Line in the file (1-based), for messages.
    pub line: usize,
    /// Full name (never empty in a row that reaches the plan).
    pub name: String,
    /// 性别
    pub gender: Option<Gender>,
    /// 出生年月
    pub birth: Option<PartialDate>,
    /// 文化程度
    pub education: String,
    /// 所在党支部, as written.
    pub branch: String,
    /// 片区, as written.
    pub area: String,
    /// 层级
    pub level: Option<Level>,
    /// 职务
    pub position: String,
    /// 联系电话 (normalised, valid or empty).
    pub phone: String,
    /// 任现职时间
    pub in_office_since: Option<PartialDate>,
    /// 备注
    pub notes: String,
}

/// A column of the roster, as named in import headers and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RosterColumn {
    /// 序号 (read and ignored: row numbers are not data).
    Number,
    /// 姓名
    Name,
    /// 性别
    Gender,
    /// 出生年月
    Birth,
    /// 文化程度
    Education,
    /// 所在党支部
    Branch,
    /// 片区
    Area,
    /// 层级
    Level,
    /// 职务
    Position,
    /// 联系电话
    Phone,
    /// 任现职时间
    InOfficeSince,
    /// 备注
    Notes,
}

/// Why a row of the sheet was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RejectReason {
    /// The row has content but no name.
    NameMissing,
    /// The phone is not an 11-digit mobile number.
    BadPhone(String),
    /// A date column holds something that is not an acceptable date.
    BadDate {
        /// Which column.
        column: RosterColumn,
        /// What the cell held.
        text: String,
        /// What is wrong with it.
        error: DateError,
    },
    /// The gender cell is neither 男 nor 女.
    BadGender(String),
    /// The level cell is none of 镇, 村, 组.
    BadLevel(String),
    /// The same name and branch appeared earlier in the file.
    DuplicateOf(usize),
    /// In office since before the secretary turned 18.
    TooYoungForOffice,
    /// The branch exists but is archived.
    ArchivedBranch(String),
    /// The branch would be new, in an area that is archived.
    ArchivedArea(String),
}

/// A refused row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// Line in the file (1-based).
    pub line: usize,
    /// The name, if the row had one.
    pub name: String,
    /// Why it was refused.
    pub reason: RejectReason,
}

/// A line of the file that is not a secretary and was passed over on purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkippedLine {
    /// A title line above the header (e.g. 古城镇支部书记花名册).
    Title(usize),
    /// A total row at the end (合计, 总计).
    Total(usize),
}

/// A sheet read into rows, before it is compared with the roster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedRoster {
    /// Rows that passed the checks of a single row.
    pub rows: Vec<ImportRow>,
    /// Rows refused on their own.
    pub rejected: Vec<Rejection>,
    /// Headers of columns that are not ours, left out.
    pub ignored_columns: Vec<String>,
    /// Title and total lines passed over.
    pub skipped: Vec<SkippedLine>,
}

/// An existing secretary that a row of the sheet changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedUpdate {
    /// Who.
    pub id: SecretaryId,
    /// The record as it is now.
    pub before: SecretaryFields,
    /// The record as it will be.
    pub fields: SecretaryFields,
    /// The row it comes from.
    pub row: ImportRow,
    /// Which columns change.
    pub changed: Vec<RosterColumn>,
}

/// A branch the import will create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBranch {
    /// Its name, as written in the sheet.
    pub name: String,
    /// Guessed from the name (社区, 公司 …).
    pub kind: BranchKind,
    /// The area written beside it, if any.
    pub area: String,
}

/// What an import would do; nothing is written until it is applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RosterImportPlan {
    /// Secretaries to add.
    pub to_add: Vec<ImportRow>,
    /// Secretaries to update.
    pub to_update: Vec<PlannedUpdate>,
    /// Rows that match a secretary and change nothing.
    pub unchanged: Vec<ImportRow>,
    /// Rows refused, with the reason.
    pub rejected: Vec<Rejection>,
    /// Areas that will be created.
    pub new_areas: Vec<String>,
    /// Branches that will be created.
    pub new_branches: Vec<NewBranch>,
    /// Columns left out.
    pub ignored_columns: Vec<String>,
    /// Title and total lines passed over.
    pub skipped: Vec<SkippedLine>,
}

impl RosterImportPlan {
    /// Whether applying the plan would change nothing.
    pub fn is_empty(&self) -> bool {
        self.to_add.is_empty() && self.to_update.is_empty()
    }
}

/// The key that identifies a branch across spellings: `东坪村党支部`, `东坪村支部` and `东坪村` are
/// the same branch.
pub fn branch_key(name: &str) -> String {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let suffix = ["党总支部", "党总支", "党支部", "支部"]
        .into_iter()
        .find(|s| name.ends_with(s));
    match suffix.map(|s| &name[..name.len() - s.len()]) {
        Some(stem) if !stem.is_empty() => stem.to_owned(),
        _ => name,
    }
}

/// Guesses a branch's kind from its name.
pub fn guess_branch_kind(name: &str) -> BranchKind {
    if name.contains("社区") {
        BranchKind::Community
    } else if ["机关", "学校", "卫生院", "中心", "站所"]
        .iter()
        .any(|w| name.contains(w))
    {
        BranchKind::Institution
    } else if ["公司", "有限", "合作社", "厂"]
        .iter()
        .any(|w| name.contains(w))
    {
        BranchKind::NonPublicCompany
    } else if name.contains("企业") {
        BranchKind::Enterprise
    } else {
        BranchKind::Village
    }
}

/// Compares the parsed sheet with the roster and decides, row by row, what to do.
pub fn plan_roster_import(
    parsed: ParsedRoster,
    roster: &[RosterEntry],
    areas: &[Area],
    branches: &[Branch],
) -> RosterImportPlan {
    let mut plan = RosterImportPlan {
        rejected: parsed.rejected,
        ignored_columns: parsed.ignored_columns,
        skipped: parsed.skipped,
        ..RosterImportPlan::default()
    };
    let branch_by_key: HashMap<String, &Branch> =
        branches.iter().map(|b| (branch_key(&b.name), b)).collect();
    let area_names: HashSet<&str> = areas.iter().map(|a| a.name.as_str()).collect();
    let archived_areas: HashSet<&str> = areas
        .iter()
        .filter(|a| a.archived)
        .map(|a| a.name.as_str())
        .collect();
    let existing: HashMap<(String, Option<BranchId>), &RosterEntry> = roster
        .iter()
        .map(|e| ((e.fields.name.clone(), e.fields.branch_id), e))
        .collect();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    let mut planned_branches: HashSet<String> = HashSet::new();

    for row in parsed.rows {
        let key = branch_key(&row.branch);
        if let Some(&first) = seen.get(&(row.name.clone(), key.clone())) {
            plan.rejected.push(Rejection {
                line: row.line,
                name: row.name.clone(),
                reason: RejectReason::DuplicateOf(first),
            });
            continue;
        }
        seen.insert((row.name.clone(), key.clone()), row.line);

        let branch = branch_by_key.get(&key).copied();
        let area = row.area.trim();
        let refusal = match branch {
            Some(b) if b.archived => Some(RejectReason::ArchivedBranch(b.name.clone())),
            None if archived_areas.contains(area) => {
                Some(RejectReason::ArchivedArea(area.to_owned()))
            }
            _ => None,
        };
        if let Some(reason) = refusal {
            plan.rejected.push(Rejection {
                line: row.line,
                name: row.name.clone(),
                reason,
            });
            continue;
        }
        if branch.is_none() && !row.branch.trim().is_empty() && planned_branches.insert(key) {
            plan.new_branches.push(NewBranch {
                name: row.branch.trim().to_owned(),
                kind: guess_branch_kind(&row.branch),
                area: row.area.trim().to_owned(),
            });
        }
        if branch.is_none()
            && !area.is_empty()
            && !area_names.contains(area)
            && !plan.new_areas.iter().any(|a| a == area)
        {
            plan.new_areas.push(area.to_owned());
        }

        let branch_id = branch.map(|b| b.id);
        let existing_entry = if row.branch.trim().is_empty() || branch_id.is_some() {
            existing.get(&(row.name.clone(), branch_id))
        } else {
            None
        };
        match existing_entry {
            Some(entry) => {
                let (fields, changed) = apply_row(&entry.fields, &row);
                if changed.is_empty() {
                    plan.unchanged.push(row);
                } else {
                    plan.to_update.push(PlannedUpdate {
                        id: entry.id,
                        before: entry.fields.clone(),
                        fields,
                        row,
                        changed,
                    });
                }
            }
            None => plan.to_add.push(row),
        }
    }
    plan.rejected.sort_by_key(|r| r.line);
    plan
}

/// The record after the row's non-empty values are laid over it, and which columns changed.
pub fn apply_row(
    current: &SecretaryFields,
    row: &ImportRow,
) -> (SecretaryFields, Vec<RosterColumn>) {
    let mut fields = current.clone();
    let mut changed = Vec::new();
    macro_rules! take {
        ($field:ident, $column:expr, some) => {
            if row.$field.is_some() && row.$field != fields.$field {
                fields.$field = row.$field.clone();
                changed.push($column);
            }
        };
        ($field:ident, $column:expr, text) => {
            if !row.$field.is_empty() && row.$field != fields.$field {
                fields.$field = row.$field.clone();
                changed.push($column);
            }
        };
    }
    take!(gender, RosterColumn::Gender, some);
    take!(birth, RosterColumn::Birth, some);
    take!(education, RosterColumn::Education, text);
    take!(level, RosterColumn::Level, some);
    take!(position, RosterColumn::Position, text);
    take!(phone, RosterColumn::Phone, text);
    take!(in_office_since, RosterColumn::InOfficeSince, some);
    take!(notes, RosterColumn::Notes, text);
    (fields, changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roster::AreaId;

    fn row(line: usize, name: &str, branch: &str) -> ImportRow {
        ImportRow {
            line,
            name: name.into(),
            branch: branch.into(),
            area: "东片区".into(),
            ..ImportRow::default()
        }
    }

    fn world() -> (Vec<RosterEntry>, Vec<Area>, Vec<Branch>) {
        let areas = vec![Area {
            id: AreaId(1),
            name: "东片区".into(),
            archived: false,
        }];
        let branches = vec![Branch {
            id: BranchId(7),
            name: "东坪村党支部".into(),
            kind: BranchKind::Village,
            area_id: Some(AreaId(1)),
            archived: false,
        }];
        let roster = vec![RosterEntry {
            id: SecretaryId(3),
            fields: SecretaryFields {
                name: "王建国".into(),
                branch_id: Some(BranchId(7)),
                phone: "13800000001".into(),
                position: "村党支部书记".into(),
                ..SecretaryFields::default()
            },
            branch_name: "东坪村党支部".into(),
            branch_kind: Some(BranchKind::Village),
            area_id: Some(AreaId(1)),
            area_name: "东片区".into(),
        }];
        (roster, areas, branches)
    }

    #[test]
    fn same_name_and_branch_updates_others_are_added() {
        let (roster, areas, branches) = world();
        let mut changed = row(3, "王建国", "东坪村支部");
        changed.phone = "13900000002".into();
        let parsed = ParsedRoster {
            rows: vec![
                changed,
                row(4, "王建国", "西沟村党支部"),
                row(5, "李秀英", "东坪村党支部"),
            ],
            ..ParsedRoster::default()
        };
        let plan = plan_roster_import(parsed, &roster, &areas, &branches);
        assert_eq!(plan.to_update.len(), 1);
        assert_eq!(plan.to_update[0].id, SecretaryId(3));
        assert_eq!(plan.to_update[0].changed, vec![RosterColumn::Phone]);
        assert_eq!(
            plan.to_update[0].fields.position, "村党支部书记",
            "empty cells keep values"
        );
        assert_eq!(
            plan.to_add.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![4, 5]
        );
        assert_eq!(plan.new_branches.len(), 1);
        assert_eq!(plan.new_branches[0].name, "西沟村党支部");
        assert!(plan.new_areas.is_empty());
    }

    #[test]
    fn an_identical_row_changes_nothing_and_duplicates_are_refused() {
        let (roster, areas, branches) = world();
        let parsed = ParsedRoster {
            rows: vec![
                row(3, "王建国", "东坪村党支部"),
                row(4, "赵六", "新村"),
                row(9, "赵六", "新村"),
            ],
            ..ParsedRoster::default()
        };
        let plan = plan_roster_import(parsed, &roster, &areas, &branches);
        assert_eq!(plan.unchanged.len(), 1);
        assert!(plan.to_update.is_empty());
        assert_eq!(plan.to_add.len(), 1);
        assert_eq!(plan.rejected.len(), 1);
        assert_eq!(plan.rejected[0].reason, RejectReason::DuplicateOf(4));
        assert_eq!(plan.new_branches.len(), 1, "a new branch is planned once");
    }

    #[test]
    fn rows_into_archived_branches_or_areas_are_refused() {
        let (roster, mut areas, mut branches) = world();
        branches[0].archived = true;
        areas.push(Area {
            id: AreaId(2),
            name: "旧片区".into(),
            archived: true,
        });
        let parsed = ParsedRoster {
            rows: vec![
                row(2, "新人", "东坪村党支部"),
                ImportRow {
                    area: "旧片区".into(),
                    ..row(3, "另一人", "新设村党支部")
                },
            ],
            ..ParsedRoster::default()
        };
        let plan = plan_roster_import(parsed, &roster, &areas, &branches);
        assert!(plan.to_add.is_empty());
        assert_eq!(
            plan.rejected
                .iter()
                .map(|r| r.reason.clone())
                .collect::<Vec<_>>(),
            vec![
                RejectReason::ArchivedBranch("东坪村党支部".into()),
                RejectReason::ArchivedArea("旧片区".into())
            ]
        );
        assert!(plan.new_branches.is_empty());
    }

    #[test]
    fn new_areas_and_branch_kinds_are_planned() {
        let parsed = ParsedRoster {
            rows: vec![ImportRow {
                area: "北片区".into(),
                ..row(2, "周敏", "城关社区党支部")
            }],
            ..ParsedRoster::default()
        };
        let plan = plan_roster_import(parsed, &[], &[], &[]);
        assert_eq!(plan.new_areas, vec!["北片区".to_owned()]);
        assert_eq!(plan.new_branches[0].kind, BranchKind::Community);
        assert_eq!(
            guess_branch_kind("秦韵服饰有限公司党支部"),
            BranchKind::NonPublicCompany
        );
        assert_eq!(branch_key("东坪村党总支"), "东坪村");
        assert_eq!(branch_key("党支部"), "党支部");
    }
}
