//! The command line's words for the wider practice's printouts.

use super::Lang;

texts! {
    cli_need_year: "请用 --year 指明年度（如 2026）", "--year is required (e.g. 2026)";
    cli_not_year: "不是有效的年度：", "not a year: ";
}
