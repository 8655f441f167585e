//! Turning a sheet into roster rows: find the header under any title rows, map the columns
//! (Chinese or English, any order), check each row on its own.

use super::{ImportError, Sheet};
use crate::domain::PartialDate;
use crate::domain::import_plan::{
    ImportRow, ParsedRoster, RejectReason, Rejection, RosterColumn, SkippedLine,
};
use crate::domain::roster::{
    Gender, Level, is_mobile_number, normalize_name, normalize_phone, office_after_adulthood,
};
use chrono::NaiveDate;

/// The header texts understood for each column (compared without spaces, case or a
/// parenthesised remark).
pub const HEADER_NAMES: &[(RosterColumn, &[&str])] = &[
    (
        RosterColumn::Number,
        &["序号", "编号", "no", "no.", "#", "number"],
    ),
    (
        RosterColumn::Name,
        &["姓名", "名字", "书记姓名", "name", "fullname"],
    ),
    (RosterColumn::Gender, &["性别", "gender", "sex"]),
    (
        RosterColumn::Birth,
        &[
            "出生年月",
            "出生日期",
            "出生时间",
            "birth",
            "dateofbirth",
            "born",
            "birthdate",
        ],
    ),
    (RosterColumn::Education, &["文化程度", "学历", "education"]),
    (
        RosterColumn::Branch,
        &[
            "所在党支部",
            "党支部",
            "所在支部",
            "支部",
            "党组织",
            "所在党组织",
            "支部名称",
            "branch",
        ],
    ),
    (
        RosterColumn::Area,
        &["片区", "所属片区", "所在片区", "area"],
    ),
    (RosterColumn::Level, &["层级", "级别", "书记层级", "level"]),
    (
        RosterColumn::Position,
        &["职务", "现任职务", "position", "title"],
    ),
    (
        RosterColumn::Phone,
        &[
            "联系电话",
            "电话",
            "手机",
            "手机号",
            "手机号码",
            "联系方式",
            "phone",
            "mobile",
            "telephone",
        ],
    ),
    (
        RosterColumn::InOfficeSince,
        &[
            "任现职时间",
            "任职时间",
            "任现职务时间",
            "inofficesince",
            "since",
        ],
    ),
    (RosterColumn::Notes, &["备注", "notes", "note", "remarks"]),
];

pub(super) const TOTAL_MARKERS: &[&str] = &[
    "合计",
    "总计",
    "共计",
    "小计",
    "total",
    "填表人",
    "制表人",
    "审核人",
    "制表",
];

/// How many lines from the top may hold titles before the header.
pub(super) const HEADER_SEARCH_LINES: usize = 15;

pub(super) fn normalize_header(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = (depth - 1).max(0),
            _ if depth == 0 && !c.is_whitespace() && c != '*' && c != '：' && c != ':' => {
                out.extend(c.to_lowercase());
            }
            _ => {}
        }
    }
    out
}

fn column_for(header: &str) -> Option<RosterColumn> {
    let header = normalize_header(header);
    HEADER_NAMES
        .iter()
        .find(|(_, names)| names.contains(&header.as_str()))
        .map(|(column, _)| *column)
}

/// Reads the sheet's rows into roster rows, refusing bad rows with their reason.
pub fn parse_roster(sheet: &Sheet, today: NaiveDate) -> Result<ParsedRoster, ImportError> {
    if sheet.rows.iter().all(|r| r.iter().all(String::is_empty)) {
        return Err(ImportError::NoRows);
    }
    let header_index = sheet
        .rows
        .iter()
        .take(HEADER_SEARCH_LINES)
        .position(|row| {
            row.iter()
                .any(|c| column_for(c) == Some(RosterColumn::Name))
        })
        .ok_or(ImportError::NoHeader)?;
    let mut parsed = ParsedRoster::default();
    for (index, row) in sheet.rows[..header_index].iter().enumerate() {
        if row.iter().any(|c| !c.is_empty()) {
            parsed.skipped.push(SkippedLine::Title(index + 1));
        }
    }
    let columns = columns_of(
        &sheet.rows[header_index],
        column_for,
        &mut parsed.ignored_columns,
    );
    let (rows, rejected) = (&mut parsed.rows, &mut parsed.rejected);
    each_data_line(
        sheet,
        header_index + 1,
        &columns,
        RosterColumn::Name,
        &mut parsed.skipped,
        |line, cell| {
            let name = normalize_name(cell(RosterColumn::Name));
            match parse_row(line, &name, cell, today) {
                Ok(row) => rows.push(row),
                Err(reason) => rejected.push(Rejection { line, name, reason }),
            }
        },
    );
    Ok(parsed)
}

/// The known column of each header cell; a header not known, or a column named a second time,
/// is listed in `ignored` and its cells are not read.
pub(super) fn columns_of<C: Copy + PartialEq>(
    headers: &[String],
    column_for: impl Fn(&str) -> Option<C>,
    ignored: &mut Vec<String>,
) -> Vec<Option<C>> {
    let mut columns: Vec<Option<C>> = Vec::new();
    for header in headers {
        let column = column_for(header);
        let taken = column.is_some() && columns.contains(&column);
        if column.is_none() && !header.is_empty() || taken {
            ignored.push(header.clone());
        }
        columns.push(if taken { None } else { column });
    }
    columns
}

/// Reads each data line from row `first` (counted from 0) on, as `read(line, cell)` with the
/// line's number and its cell of a column: blank lines are passed over, and a total line (合计,
/// 填表人…, in its first cell or under `name`) is noted in `skipped` and passed over.
pub(super) fn each_data_line<'s, C: Copy + PartialEq>(
    sheet: &'s Sheet,
    first: usize,
    columns: &[Option<C>],
    name: C,
    skipped: &mut Vec<SkippedLine>,
    mut read: impl FnMut(usize, &dyn Fn(C) -> &'s str),
) {
    let is_total = |text: &str| {
        let text = normalize_header(text);
        TOTAL_MARKERS.iter().any(|m| text.starts_with(m))
    };
    for (index, cells) in sheet.rows.iter().enumerate().skip(first) {
        let line = index + 1;
        if cells.iter().all(String::is_empty) {
            continue;
        }
        let cell = |wanted: C| -> &'s str {
            columns
                .iter()
                .position(|c| *c == Some(wanted))
                .and_then(|i| cells.get(i))
                .map_or("", String::as_str)
        };
        let first_text = cells
            .iter()
            .find(|c| !c.is_empty())
            .map_or("", String::as_str);
        if is_total(first_text) || is_total(cell(name)) {
            skipped.push(SkippedLine::Total(line));
            continue;
        }
        read(line, &cell);
    }
}

fn parse_row<'a>(
    line: usize,
    name: &str,
    cell: &dyn Fn(RosterColumn) -> &'a str,
    today: NaiveDate,
) -> Result<ImportRow, RejectReason> {
    if name.is_empty() {
        return Err(RejectReason::NameMissing);
    }
    let date = |column: RosterColumn| -> Result<Option<PartialDate>, RejectReason> {
        let text = cell(column);
        if text.is_empty() {
            return Ok(None);
        }
        PartialDate::parse_not_after(text, today)
            .map(Some)
            .map_err(|error| RejectReason::BadDate {
                column,
                text: text.to_owned(),
                error,
            })
    };
    let gender = match normalize_header(cell(RosterColumn::Gender)).as_str() {
        "" => None,
        "男" | "男性" | "male" | "m" => Some(Gender::Male),
        "女" | "女性" | "female" | "f" => Some(Gender::Female),
        _ => {
            return Err(RejectReason::BadGender(
                cell(RosterColumn::Gender).to_owned(),
            ));
        }
    };
    let position = cell(RosterColumn::Position).to_owned();
    let level = match normalize_header(cell(RosterColumn::Level)).as_str() {
        "" => infer_level(&position),
        "镇" | "镇级" | "town" => Some(Level::Town),
        "村" | "村级" | "社区" | "village" => Some(Level::Village),
        "组" | "组级" | "村民小组" | "group" => Some(Level::Group),
        _ => return Err(RejectReason::BadLevel(cell(RosterColumn::Level).to_owned())),
    };
    let phone = normalize_phone(cell(RosterColumn::Phone));
    if !phone.is_empty() && !is_mobile_number(&phone) {
        return Err(RejectReason::BadPhone(cell(RosterColumn::Phone).to_owned()));
    }
    let birth = date(RosterColumn::Birth)?;
    let in_office_since = date(RosterColumn::InOfficeSince)?;
    if let (Some(birth), Some(since)) = (birth, in_office_since)
        && !office_after_adulthood(birth, since)
    {
        return Err(RejectReason::TooYoungForOffice);
    }
    Ok(ImportRow {
        line,
        name: name.to_owned(),
        gender,
        birth,
        education: cell(RosterColumn::Education).to_owned(),
        branch: cell(RosterColumn::Branch).to_owned(),
        area: cell(RosterColumn::Area).to_owned(),
        level,
        position,
        phone,
        in_office_since,
        notes: cell(RosterColumn::Notes).to_owned(),
    })
}

/// The level a position implies, when the sheet has no level column.
fn infer_level(position: &str) -> Option<Level> {
    if position.contains("小组") || position.contains("组长") {
        Some(Level::Group)
    } else if position.contains('镇') {
        Some(Level::Town)
    } else if position.contains('村') || position.contains("社区") || position.contains("支部")
    {
        Some(Level::Village)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).expect("valid")
    }

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
        }
    }

    #[test]
    fn finds_the_header_below_a_title_and_ignores_extra_columns() {
        let sheet = sheet(&[
            &["古城镇支部书记花名册", "", ""],
            &["", "", ""],
            &[
                "序号",
                "姓 名",
                "政治面貌",
                "联系电话（手机）",
                "所在党支部",
            ],
            &["1", "王建国", "中共党员", "138 0000 0001", "东坪村党支部"],
            &["合计", "1人", "", "", ""],
        ]);
        let parsed = parse_roster(&sheet, today()).expect("parsed");
        assert_eq!(
            parsed.skipped,
            vec![SkippedLine::Title(1), SkippedLine::Total(5)]
        );
        assert_eq!(parsed.ignored_columns, vec!["政治面貌".to_owned()]);
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.rows[0].line, 4);
        assert_eq!(parsed.rows[0].phone, "13800000001");
        assert_eq!(parsed.rows[0].branch, "东坪村党支部");
    }

    #[test]
    fn english_headers_in_any_order() {
        let sheet = sheet(&[
            &["Phone", "Branch", "Name", "Gender", "Level", "Birth"],
            &[
                "",
                "Hillside Community",
                "Anna Li",
                "F",
                "village",
                "1990-05",
            ],
        ]);
        let parsed = parse_roster(&sheet, today()).expect("parsed");
        let row = &parsed.rows[0];
        assert_eq!(
            (row.name.as_str(), row.gender, row.level),
            ("Anna Li", Some(Gender::Female), Some(Level::Village))
        );
        assert_eq!(
            row.birth
                .map(crate::domain::date::PartialDate::to_iso)
                .as_deref(),
            Some("1990-05")
        );
    }

    #[test]
    fn bad_rows_are_refused_with_their_reason() {
        let sheet = sheet(&[
            &["姓名", "性别", "联系电话", "出生年月", "层级"],
            &["", "男", "13800000001", "", ""],
            &["甲", "男", "12345", "", ""],
            &["乙", "男", "", "1978-02-30", ""],
            &["丙", "未知", "", "", ""],
            &["丁", "女", "", "2099.01", ""],
            &["戊", "女", "", "", "县"],
            &["己", "女", "", "1978.03", "组"],
        ]);
        let young = sheet_with_since("2021-02", "2019-01");
        assert!(matches!(
            parse_roster(&young, today()).expect("parsed").rejected[0].reason,
            RejectReason::TooYoungForOffice
        ));
        let parsed = parse_roster(&sheet, today()).expect("parsed");
        let reasons: Vec<_> = parsed
            .rejected
            .iter()
            .map(|r| (r.line, r.reason.clone()))
            .collect();
        assert!(matches!(reasons[0], (2, RejectReason::NameMissing)));
        assert!(matches!(reasons[1], (3, RejectReason::BadPhone(_))));
        assert!(matches!(
            reasons[2],
            (
                4,
                RejectReason::BadDate {
                    column: RosterColumn::Birth,
                    ..
                }
            )
        ));
        assert!(matches!(reasons[3], (5, RejectReason::BadGender(_))));
        assert!(matches!(reasons[4], (6, RejectReason::BadDate { .. })));
        assert!(matches!(reasons[5], (7, RejectReason::BadLevel(_))));
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.rows[0].level, Some(Level::Group));
    }

    fn sheet_with_since(birth: &str, since: &str) -> Sheet {
        sheet(&[&["姓名", "出生年月", "任现职时间"], &["王五", birth, since]])
    }

    #[test]
    fn a_sheet_without_a_name_column_is_an_error() {
        let sheet = sheet(&[&["a", "b"], &["1", "2"]]);
        assert!(matches!(
            parse_roster(&sheet, today()),
            Err(ImportError::NoHeader)
        ));
        assert!(matches!(
            parse_roster(&Sheet::default(), today()),
            Err(ImportError::NoRows)
        ));
    }

    #[test]
    fn level_follows_the_position_when_no_column_says() {
        assert_eq!(infer_level("村民小组组长"), Some(Level::Group));
        assert_eq!(infer_level("镇党委副书记"), Some(Level::Town));
        assert_eq!(infer_level("社区党支部书记"), Some(Level::Village));
        assert_eq!(infer_level("董事长"), None);
    }
}
