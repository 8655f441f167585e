//! Turning a sheet of people into rows: find the header under any title rows (and a second
//! header row under merged cells such as 聘期 → 开始 | 结束), map the columns, check each row
//! on its own.

use super::roster::{HEADER_SEARCH_LINES, columns_of, each_data_line, normalize_header};
use super::{ImportError, Sheet};
use crate::domain::import_plan::SkippedLine;
use crate::domain::league::Role;
use crate::domain::people_import::{
    ParsedPeople, PeopleColumn, PeopleRejectReason, PeopleRejection, PeopleRow, term_date,
};
use crate::domain::roster::{Gender, is_mobile_number, normalize_name, normalize_phone};

/// The header texts understood for each column (compared without spaces, case or a
/// parenthesised remark).
pub const PEOPLE_HEADER_NAMES: &[(PeopleColumn, &[&str])] = &[
    (PeopleColumn::Number, &["序号", "编号", "no", "no.", "#"]),
    (
        PeopleColumn::Name,
        &["姓名", "名字", "成员姓名", "人员姓名", "name", "fullname"],
    ),
    (PeopleColumn::Gender, &["性别", "gender", "sex"]),
    (
        PeopleColumn::Village,
        &[
            "所在村/支部",
            "所在村",
            "所在村/社区",
            "村/社区",
            "村别",
            "村",
            "所在支部",
            "所在党支部",
            "党支部",
            "支部",
            "所在村组",
            "单位",
            "所在单位",
            "工作单位",
            "village",
            "branch",
        ],
    ),
    (
        PeopleColumn::Phone,
        &[
            "联系电话",
            "电话",
            "手机",
            "手机号",
            "手机号码",
            "联系方式",
            "phone",
            "mobile",
        ],
    ),
    (
        PeopleColumn::Occupation,
        &[
            "职业",
            "原任职务",
            "原职务",
            "现任职务",
            "身份",
            "职业/身份",
            "职业/原任职务/身份",
            "单位及职务",
            "工作单位及职务",
            "职称",
            "occupation",
        ],
    ),
    (PeopleColumn::Notes, &["备注", "notes", "note", "remarks"]),
    (
        PeopleColumn::Group,
        &[
            "所在团",
            "百人团",
            "所属团",
            "所在百人团",
            "团别",
            "团队",
            "所在团队",
            "group",
        ],
    ),
    (
        PeopleColumn::Role,
        &["团内职务", "团内身份", "团内职位", "团职", "role"],
    ),
    (PeopleColumn::RoleOrOccupation, &["职务"]),
    (PeopleColumn::Term, &["聘期", "任期", "聘任期限", "term"]),
    (
        PeopleColumn::TermStart,
        &[
            "聘期开始",
            "聘期起",
            "聘期开始时间",
            "聘期开始日期",
            "聘期起始",
            "聘任开始",
            "任期开始",
            "开始日期",
            "起始日期",
            "termstart",
            "termfrom",
        ],
    ),
    (
        PeopleColumn::TermEnd,
        &[
            "聘期结束",
            "聘期止",
            "聘期结束时间",
            "聘期结束日期",
            "聘期截止",
            "聘任结束",
            "任期结束",
            "结束日期",
            "截止日期",
            "到期日期",
            "termend",
            "termto",
        ],
    ),
];

/// Words of a second header row under a merged cell (聘期 over 开始 | 结束).
const SUBHEADERS: &[&str] = &[
    "开始",
    "结束",
    "起",
    "止",
    "起始",
    "截止",
    "开始时间",
    "结束时间",
    "开始日期",
    "结束日期",
    "start",
    "end",
    "from",
    "to",
];

fn column_for(header: &str) -> Option<PeopleColumn> {
    let header = normalize_header(header);
    PEOPLE_HEADER_NAMES
        .iter()
        .find(|(_, names)| names.contains(&header.as_str()))
        .map(|(column, _)| *column)
}

/// The header of each column: the header row's cells, joined with a second row under merged
/// cells (聘期 over 开始 | 结束 is 聘期开始 | 聘期结束); returns them and whether the second
/// row was used.
fn headers(sheet: &Sheet, index: usize) -> (Vec<String>, bool) {
    let upper = &sheet.rows[index];
    let Some(lower) = sheet.rows.get(index + 1) else {
        return (upper.clone(), false);
    };
    let is_sub = lower.iter().any(|c| !c.is_empty())
        && lower
            .iter()
            .filter(|c| !c.is_empty())
            .all(|c| SUBHEADERS.contains(&normalize_header(c).as_str()));
    if !is_sub {
        return (upper.clone(), false);
    }
    let width = upper.len().max(lower.len());
    let mut parent = String::new();
    let mut joined = Vec::with_capacity(width);
    for column in 0..width {
        let above = upper.get(column).map_or("", String::as_str);
        let below = lower.get(column).map_or("", String::as_str);
        // A merged cell's text is in its first column only.
        if !above.is_empty() {
            above.clone_into(&mut parent);
        }
        joined.push(if below.is_empty() {
            above.to_owned()
        } else {
            format!("{parent}{below}")
        });
    }
    (joined, true)
}

/// Reads the sheet's rows into people rows, refusing bad rows with their reason.
pub fn parse_people(sheet: &Sheet) -> Result<ParsedPeople, ImportError> {
    if sheet.rows.iter().all(|r| r.iter().all(String::is_empty)) {
        return Err(ImportError::NoRows);
    }
    let header_index = sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_LINES)
        .position(|row| {
            row.iter()
                .any(|c| column_for(c) == Some(PeopleColumn::Name))
        })
        .ok_or(ImportError::NoHeader)?;
    let mut parsed = ParsedPeople::default();
    for (index, row) in sheet.rows[..header_index].iter().enumerate() {
        if row.iter().any(|c| !c.is_empty()) {
            parsed.skipped.push(SkippedLine::Title(index + 1));
        }
    }
    let (header, two_rows) = headers(sheet, header_index);
    let columns = columns_of(&header, column_for, &mut parsed.ignored_columns);
    let first_data = header_index + 1 + usize::from(two_rows);
    let (rows, rejected) = (&mut parsed.rows, &mut parsed.rejected);
    each_data_line(
        sheet,
        first_data,
        &columns,
        PeopleColumn::Name,
        &mut parsed.skipped,
        |line, cell| {
            let name = normalize_name(cell(PeopleColumn::Name));
            match parse_row(line, &name, cell) {
                Ok(row) => rows.push(row),
                Err(reason) => rejected.push(PeopleRejection { line, name, reason }),
            }
        },
    );
    Ok(parsed)
}

/// 团长, 副团长 or 成员 as written (None: not a role).
fn role_of(text: &str) -> Option<Role> {
    match normalize_header(text).as_str() {
        "" | "成员" | "团员" | "队员" | "委员" | "member" => Some(Role::Member),
        "团长" | "leader" => Some(Role::Leader),
        "副团长" | "常务副团长" | "deputy" | "deputyleader" => Some(Role::Deputy),
        _ => None,
    }
}

fn parse_row<'a>(
    line: usize,
    name: &str,
    cell: &dyn Fn(PeopleColumn) -> &'a str,
) -> Result<PeopleRow, PeopleRejectReason> {
    if name.is_empty() {
        return Err(PeopleRejectReason::NameMissing);
    }
    let gender = match normalize_header(cell(PeopleColumn::Gender)).as_str() {
        "" => None,
        "男" | "男性" | "male" | "m" => Some(Gender::Male),
        "女" | "女性" | "female" | "f" => Some(Gender::Female),
        _ => {
            return Err(PeopleRejectReason::BadGender(
                cell(PeopleColumn::Gender).to_owned(),
            ));
        }
    };
    let phone = normalize_phone(cell(PeopleColumn::Phone));
    // A mobile, or a landline with or without its area code (0914-1234567).
    let landline = phone.chars().all(|c| c.is_ascii_digit())
        && (phone.starts_with('0') && (10..=12).contains(&phone.len())
            || (7..=8).contains(&phone.len()));
    if !phone.is_empty() && !is_mobile_number(&phone) && !landline {
        return Err(PeopleRejectReason::BadPhone(
            cell(PeopleColumn::Phone).to_owned(),
        ));
    }
    let mut occupation = cell(PeopleColumn::Occupation).to_owned();
    let role_text = cell(PeopleColumn::Role);
    let mut role =
        role_of(role_text).ok_or_else(|| PeopleRejectReason::BadRole(role_text.into()))?;
    // A plain 职务 column: a role if it says one, else the person's post.
    let either = cell(PeopleColumn::RoleOrOccupation);
    if !either.is_empty() {
        match role_of(either) {
            Some(said) if role_text.is_empty() => role = said,
            None if occupation.is_empty() => either.clone_into(&mut occupation),
            _ => {}
        }
    }
    let date = |column: PeopleColumn, text: &str, end: bool| {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        term_date(text, end)
            .map(Some)
            .ok_or_else(|| PeopleRejectReason::BadDate {
                column,
                text: text.to_owned(),
            })
    };
    let (mut term_starts_on, mut term_ends_on) = (None, None);
    let term = cell(PeopleColumn::Term).trim();
    if !term.is_empty() {
        let Some((from, to)) = ["至", "到", "~", "～", "—", "–", "－"]
            .iter()
            .find_map(|separator| term.split_once(separator))
        else {
            return Err(PeopleRejectReason::BadDate {
                column: PeopleColumn::Term,
                text: term.to_owned(),
            });
        };
        let whole = |_| PeopleRejectReason::BadDate {
            column: PeopleColumn::Term,
            text: term.to_owned(),
        };
        term_starts_on = date(PeopleColumn::Term, from, false).map_err(whole)?;
        term_ends_on = date(PeopleColumn::Term, to, true).map_err(whole)?;
    }
    if let Some(start) = date(
        PeopleColumn::TermStart,
        cell(PeopleColumn::TermStart),
        false,
    )? {
        term_starts_on = Some(start);
    }
    if let Some(end) = date(PeopleColumn::TermEnd, cell(PeopleColumn::TermEnd), true)? {
        term_ends_on = Some(end);
    }
    if let (Some(start), Some(end)) = (term_starts_on, term_ends_on)
        && end < start
    {
        return Err(PeopleRejectReason::TermEndsBeforeStart);
    }
    Ok(PeopleRow {
        line,
        name: name.to_owned(),
        gender,
        village: cell(PeopleColumn::Village).trim().to_owned(),
        phone,
        occupation: occupation.trim().to_owned(),
        notes: cell(PeopleColumn::Notes).trim().to_owned(),
        group: cell(PeopleColumn::Group).trim().to_owned(),
        role,
        term_starts_on,
        term_ends_on,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
        }
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_title_and_a_merged_term_header_over_two_rows() {
        let sheet = sheet(&[
            &["古城镇“百人团”成员名单", "", "", "", "", ""],
            &["序号", "姓名", "所在团", "职务", "聘期", ""],
            &["", "", "", "", "开始", "结束"],
            &["1", "唐秀珍", "妇女团", "团长", "2024.7", "2027年6月30日"],
            &[
                "2",
                "任志远",
                "经济发展顾问团",
                "县农技中心高级农艺师",
                "2024/12/18",
                "2026-12-17",
            ],
            &["", "", "", "", "", ""],
            &["合计", "2人", "", "", "", ""],
        ]);
        let parsed = parse_people(&sheet).expect("parsed");
        assert_eq!(
            parsed.skipped,
            vec![SkippedLine::Title(1), SkippedLine::Total(7)]
        );
        assert!(
            parsed.ignored_columns.is_empty(),
            "{:?}",
            parsed.ignored_columns
        );
        let [tang, ren] = parsed.rows.as_slice() else {
            panic!("{parsed:?}");
        };
        assert_eq!((tang.line, tang.role), (4, Role::Leader));
        assert_eq!(tang.term_starts_on, day(2024, 7, 1));
        assert_eq!(tang.term_ends_on, day(2027, 6, 30));
        assert_eq!(ren.role, Role::Member);
        assert_eq!(
            ren.occupation, "县农技中心高级农艺师",
            "职务 that is no role"
        );
        assert_eq!(ren.term_ends_on, day(2026, 12, 17));
    }

    #[test]
    fn bad_rows_are_refused_with_their_reason() {
        let sheet = sheet(&[
            &[
                "姓名",
                "性别",
                "电话",
                "团内职务",
                "聘期开始",
                "聘期结束",
                "聘期",
            ],
            &["", "男", "", "", "", "", ""],
            &["甲", "未知", "", "", "", "", ""],
            &["乙", "男", "12345", "", "", "", ""],
            &["丙", "男", "0914-3211234", "秘书长", "", "", ""],
            &["丁", "女", "", "", "2026-02-30", "", ""],
            &["戊", "女", "", "", "2026.1", "2025.12", ""],
            &["己", "女", "", "", "", "", "2024.7至2027.6"],
            &["庚", "女", "", "", "", "", "三年"],
        ]);
        let parsed = parse_people(&sheet).expect("parsed");
        let reasons: Vec<_> = parsed
            .rejected
            .iter()
            .map(|r| (r.line, r.reason.clone()))
            .collect();
        assert_eq!(reasons[0], (2, PeopleRejectReason::NameMissing));
        assert_eq!(
            reasons[1],
            (3, PeopleRejectReason::BadGender("未知".into()))
        );
        assert_eq!(
            reasons[2],
            (4, PeopleRejectReason::BadPhone("12345".into()))
        );
        assert_eq!(
            reasons[3],
            (5, PeopleRejectReason::BadRole("秘书长".into()))
        );
        assert!(matches!(
            reasons[4],
            (
                6,
                PeopleRejectReason::BadDate {
                    column: PeopleColumn::TermStart,
                    ..
                }
            )
        ));
        assert_eq!(reasons[5], (7, PeopleRejectReason::TermEndsBeforeStart));
        assert!(matches!(
            reasons[6],
            (
                9,
                PeopleRejectReason::BadDate {
                    column: PeopleColumn::Term,
                    ..
                }
            )
        ));
        let [ji] = parsed.rows.as_slice() else {
            panic!("{parsed:?}");
        };
        assert_eq!(
            (ji.term_starts_on, ji.term_ends_on),
            (day(2024, 7, 1), day(2027, 6, 30))
        );
    }
}
