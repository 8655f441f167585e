//! Labels of the 百人团 screen.

use crate::i18n::Lang;
use chrono::NaiveDate;

texts! {
    nav_league: "百人团", "Groups";
    groups_and_members: "团组与成员", "Groups and members";
    people_register: "人员库", "People";
    new_group: "新建团组…", "New group…";
    edit_group: "编辑团组…", "Edit group…";
    group_name: "团组名称", "Group name";
    choose_group: "请在左边选一个团组。", "Choose a group on the left.";
    discipline: "纪律要求", "Discipline";
    add_member: "添加成员…", "Add member…";
    edit_member: "编辑成员", "Edit member";
    remove_member: "移出", "Remove";
    issue_group_letters: "颁发全团聘书", "Issue the group's letters";
    issue_letters_explained: "给在任成员编号（已有编号的保留原号，即补发），颁发日期记为今天，并打印聘书（A4 横向，每人一页）。", "Numbers the serving members' letters (a member with a number keeps it: a reissue), dates them today and prints them (A4 landscape, one a page).";
    issue_letter: "颁发聘书", "Issue letter";
    print_group_letters: "打印全团聘书", "Print the group's letters";
    letter_not_issued: "未颁发", "not issued";
    col_role: "团内职务", "Role";
    col_person_place: "村或支部", "Village or branch";
    col_term: "聘期", "Term";
    col_discipline_signed: "纪律承诺", "Signed";
    discipline_signed_check: "已签纪律承诺", "Discipline requirements signed";
    col_letter_no: "聘书编号", "Letter no.";
    col_occupation: "职业或原任职务", "Occupation";
    col_groups: "所在团", "Groups";
    col_village: "村", "Village";
    village_hint: "不属于上面的支部时填写", "If no branch above fits";
    occupation_hint: "如 原村委会主任、食用菌合作社理事长", "e.g. former village head";
    linked_secretary: "对应书记", "Secretary record";
    new_person: "新增人员…", "New person…";
    edit_person: "编辑人员", "Edit person";
    people_filter_hint: "姓名、拼音首字母、村、团", "name, initials, village, group";
    term_starts: "聘期开始", "Term starts";
    term_ends: "聘期结束", "Term ends";
    term_ending_soon: "聘期 30 天内到期", "The term ends within 30 days";
    term_is_over: "聘期已满", "The term is over";
    choose_person: "请选择人员（先在人员库中新增）", "Choose a person (add them to People first)";
    year_hint: "年份", "year";
    letter_no_middle: "年 第", "no.";
    letter_no_number: "聘书号", "Letter number";
    member_form_explained: "聘书编号可以留空，颁发聘书时按年份自动编号。", "Leave the letter number empty: issuing the letter numbers it by year.";
    letter_pattern: "聘书编号格式", "Letter number pattern";
    letter_pattern_invalid: "格式中须含 {no}（编号），可含 {year}（年份）", "The pattern must hold {no} and may hold {year}";
    letter_pattern_example: "例如：", "e.g.";
    letter_no_twice: "这个编号另一名成员也在用（两个村合并前各自编了号）：请编辑其中一人，改用新编号。", "Another member holds this number too (numbered in two villages before a merge): edit one of them to a new number.";
    guests_title: "列席人员", "Guests";
    guests_explained: "从人员库邀请（专家、百人团成员等），不计入应到人数和出勤率。", "Invited from People (experts, group members); not counted in attendance.";
    take_off_guest: "移除", "Remove";
    invite_guest: "邀请列席", "Invite";
}

impl Lang {
    /// "2 terms end within 30 days"
    pub fn terms_ending(self, count: usize) -> String {
        match self {
            Self::Zh => format!("有 {count} 名成员的聘期在 30 天内到期。"),
            Self::En => format!("{count} members' terms end within 30 days."),
        }
    }

    /// "2026-01-01 至 2028-12-31"
    pub fn term_text(self, starts: NaiveDate, ends: Option<NaiveDate>) -> String {
        let start = starts.format("%Y-%m-%d");
        match (self, ends) {
            (Self::Zh, Some(end)) => format!("{start} 至 {}", end.format("%Y-%m-%d")),
            (Self::Zh, None) => format!("{start} 起"),
            (Self::En, Some(end)) => format!("{start} to {}", end.format("%Y-%m-%d")),
            (Self::En, None) => format!("from {start}"),
        }
    }

    /// "Showing 12 of 40"
    pub fn people_count(self, shown: usize, total: usize) -> String {
        match self {
            Self::Zh => format!("共 {total} 人，显示 {shown} 人"),
            Self::En => format!("{shown} of {total} people"),
        }
    }

    /// The letter number is someone else's.
    pub fn letter_no_taken_by(self, number: &str, holder: &str) -> String {
        match self {
            Self::Zh => format!("{number} 已颁给{holder}"),
            Self::En => format!("{number} is {holder}'s"),
        }
    }
}
