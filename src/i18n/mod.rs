//! The two languages of every label: 中文 first, English beside it.
//!
//! Each text is a method on [`Lang`], so a label that lacks a translation does not compile.

mod messages;

use serde::{Deserialize, Serialize};

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    /// 中文
    #[default]
    Zh,
    /// English
    En,
}

impl Lang {
    /// English if the system names another language, Chinese otherwise (also when it names
    /// none, as a bare `C` locale does).
    pub fn from_system() -> Self {
        Self::from_locale(sys_locale::get_locale().as_deref())
    }

    /// The language for a locale name such as `zh-CN`, `en-US` or `C`.
    pub fn from_locale(locale: Option<&str>) -> Self {
        let locale = locale.unwrap_or("").to_ascii_lowercase();
        let names_a_language = locale.len() >= 2
            && locale.as_bytes()[..2].iter().all(u8::is_ascii_alphabetic)
            && locale != "c"
            && !locale.starts_with("c.")
            && locale != "posix";
        if names_a_language && !locale.starts_with("zh") {
            Self::En
        } else {
            Self::Zh
        }
    }

    /// The language of command-line messages, from `LANG`/`LC_ALL` (English unless Chinese).
    /// Windows sets none of these: there the system's language decides, as for the window.
    pub fn for_cli() -> Self {
        let named = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty());
        match named {
            Some(locale) if locale.to_ascii_lowercase().starts_with("zh") => Self::Zh,
            None if cfg!(windows) => Self::from_system(),
            _ => Self::En,
        }
    }

    /// Under a folder list cut short: "only the first 5000 are shown".
    pub fn browse_too_many(self, shown: usize) -> String {
        match self {
            Self::Zh => format!("只列出前 {shown} 项；请直接输入路径。"),
            Self::En => format!("Only the first {shown} are listed; type the path instead."),
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Self::Zh => zh,
            Self::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn chinese_unless_the_system_names_another_language() {
        for (locale, lang) in [
            (Some("zh-CN"), Lang::Zh),
            (Some("zh_TW.UTF-8"), Lang::Zh),
            (Some("en-US"), Lang::En),
            (Some("fr_FR"), Lang::En),
            (Some("C"), Lang::Zh),
            (Some("C.UTF-8"), Lang::Zh),
            (Some("POSIX"), Lang::Zh),
            (None, Lang::Zh),
        ] {
            assert_eq!(Lang::from_locale(locale), lang, "{locale:?}");
        }
    }
}

macro_rules! texts {
    ($($(#[$doc:meta])* $key:ident: $zh:literal, $en:literal;)*) => {
        impl Lang {
            $(
                $(#[$doc])*
                #[doc = concat!("「", $zh, "」 / \"", $en, "\"")]
                pub fn $key(self) -> &'static str {
                    match self { Self::Zh => $zh, Self::En => $en }
                }
            )*
        }
    };
}

texts! {
    app_title: "书记工作室", "Secretary Studio";
    file_import_roster: "导入花名册…", "Import roster…";
    nav_roster: "花名册", "Roster";
    nav_areas_branches: "片区与支部", "Areas & branches";
    cancel: "取消", "Cancel";
    close: "关闭", "Close";
    save: "保存", "Save";
    back: "返回", "Back";
    edit: "编辑", "Edit";
    archive: "归档", "Archive";
    restore: "恢复", "Restore";
    all: "全部", "All";
    none_value: "（无）", "(none)";
    file_path: "文件路径", "File path";
    read_only_in_use: "只读：此文件正在另一个书记工作室窗口中打开，这里只能查看、打印和导出（那边的修改会自动显示）。要在这里修改，请关闭那个窗口后重新打开本文件。", "Read-only: this file is open in another Secretary Studio window; here you can view, print and export (changes made there show up here). To change it here, close that window and open the file again.";
    read_only_file: "只读：文件或所在的U盘不能写入（可能设了只读或写保护）。这里只能查看、打印和导出；点「另存副本…」存一份到可写的地方，之后就在副本上修改。", "Read-only: the file or its stick cannot be written (read-only or write-protected). Here you can view, print and export; Save a copy… to a writable place and go on working in the copy.";
    merge_nothing: "没有需要合并的改动，两个文件的记录已经一致。", "Nothing to merge: both files already hold the same records.";
    merge_they_are_behind: "对方的文件比本村的旧：它带来的改动本村都已经有了，而本村还有对方没有的改动。请用「文件 → 分享文件…」写出本村的分享文件，带回去在对方那里合并。", "The other file is behind ours: everything in it is here already, and we hold changes it lacks. Write our own share file (File → Share…) and carry it back to be merged there.";
    col_deleted: "删除", "Deleted";
    winner_ours: "以本村的版本为准", "our version wins";
    winner_theirs: "以对方的版本为准", "their version wins";
    default_studio_name: "联村共建书记工作室", "Joint-village Branch Secretary Studio";
    file_exists_will_replace: "该位置已有同名文件，保存将替换它。", "A file with that name exists; saving will replace it.";
    no_dialog_hint: "也可以直接输入完整路径。", "You can also type the full path.";
    attendance_rate: "出勤率", "Attendance rate";
    no_area: "未分片区", "No area";
    level_unset: "未定", "Not set";
    search: "搜索", "Search";
    status_active: "在任", "Active";
    status_archived: "已归档", "Archived";
    shown_of: "显示", "Showing";
    col_name: "姓名", "Name";
    col_gender: "性别", "Gender";
    col_birth: "出生年月", "Born";
    col_education: "文化程度", "Education";
    col_branch: "所在党支部", "Branch";
    col_area: "片区", "Area";
    col_level: "层级", "Level";
    col_position: "职务", "Position";
    col_phone: "联系电话", "Phone";
    col_in_office_since: "任现职时间", "In office since";
    col_notes: "备注", "Notes";
    col_status: "状态", "Status";
    gender_male: "男", "Male";
    gender_female: "女", "Female";
    level_town: "镇", "Town";
    level_village: "村", "Village";
    level_group: "组", "Group";
    kind_village: "村党支部", "Village";
    kind_community: "社区党支部", "Community";
    kind_institution: "机关事业单位党支部", "Government or public institution";
    kind_enterprise: "企业党支部", "Enterprise";
    kind_non_public_company: "非公企业党支部", "Non-public company";
    error_required: "必填", "Required";
    error_mobile: "请输入11位手机号码（座机号码可写在备注里）", "Enter an 11-digit mobile number (a landline can go in the notes)";
    error_too_young: "任现职时未满18周岁，请检查出生年月和任现职时间", "Under 18 when taking office: check the dates of birth and office";
    error_date_unreadable: "无法识别的日期，请写成 1978.03 或 2018-11-01", "Not a date; write 1978.03 or 2018-11-01";
    error_date_missing: "该日期不存在", "That date does not exist";
    error_date_future: "日期不能晚于今天", "The date cannot be in the future";
    error_date_early: "日期早于1900年，请检查", "Before 1900: please check";
    import_to_add: "将新增", "To add";
    import_to_update: "将更新", "To update";
    import_unchanged: "无变化", "Unchanged";
    import_rejected: "不能导入", "Rejected";
    import_new_areas: "将新建片区", "New areas";
    import_new_branches: "将新建支部", "New branches";
    import_ignored_columns: "已忽略的列", "Columns ignored";
    col_line: "行号", "Line";
    col_reason: "原因", "Reason";
    col_changes: "变化", "Changes";
    nav_sessions: "活动台账", "Sessions";
    nav_problems: "难题台账", "Problems";
    raise_problem: "提出难题", "Raise a problem";
    col_title: "难题", "Problem";
    col_category: "类别", "Category";
    col_raised_by: "提出人", "Raised by";
    col_raised_on: "提出日期", "Raised on";
    col_responsible: "责任单位/责任人", "Responsible";
    col_helper: "帮扶书记", "Helper";
    col_deadline: "完成时限", "Deadline";
    col_state: "状态", "State";
    col_resolution: "解决情况", "Resolution";
    col_actor: "经办人", "By";
    col_note: "说明", "Note";
    overdue: "已逾期", "Overdue";
    resolved_late: "逾期办结", "Resolved late";
    only_overdue: "只看逾期", "Overdue only";
    state_raised: "已提出", "Raised";
    state_in_progress: "推进中", "In progress";
    state_resolved: "已解决", "Resolved";
    state_escalated: "已上报", "Escalated";
    category_industry: "产业发展", "Industry";
    category_infrastructure: "基础设施", "Infrastructure";
    category_governance: "基层治理", "Governance";
    category_livelihood: "民生服务", "Livelihood";
    category_party_building: "党的建设", "Party building";
    category_other: "其他", "Other";
    error_resolution_missing: "标记为已解决时请填写解决情况", "Write the resolution when marking it resolved";
    error_before_raised: "不能早于提出日期", "Cannot be before the day it was raised";
    error_deadline_before_raised: "完成时限不能早于提出日期", "The deadline cannot be before the day it was raised";
    error_in_future: "不能晚于今天", "Cannot be after today";
    error_after_progress: "提出日期不能晚于办理过程中已有的进展记录", "Cannot be after progress already recorded";
    error_before_latest: "不能早于办理过程中最近一条记录的日期", "Cannot be before the latest entry of the history";
    col_date: "日期", "Date";
    col_start: "开始时间", "Starts";
    col_end: "结束时间", "Ends";
    col_time: "时间", "Time";
    col_place: "地点", "Place";
    col_host: "主持人", "Host";
    col_recorder: "记录人", "Recorder";
    col_session_kind: "形式", "Kind";
    col_systems: "制度", "Systems";
    col_topic: "主题", "Topic";
    col_discussion: "研讨交流", "Discussion";
    agenda: "议程", "Agenda";
    decisions: "议定事项", "Decisions";
    day_hint: "如 2021-05-20", "e.g. 2021-05-20";
    whole_studio: "全工作室", "Whole studio";
    archived_mark: "（已归档）", "(archived)";
    kind_learning: "集中学习", "Learning";
    kind_observation_visit: "观摩交流", "Observation visit";
    kind_practical_training: "实战练兵", "Practical training";
    kind_help_visit: "结对帮扶", "Help visit";
    kind_review: "比拼评议", "Review";
    kind_exchange: "经验交流", "Exchange";
    kind_theme_day: "主题党日", "Theme day";
    system_learn: "学习", "Learn";
    system_help: "帮扶", "Help";
    system_compare: "比拼", "Compare";
    system_communicate: "交流", "Communicate";
    system_incentivise: "激励", "Incentivise";
    status_present: "出席", "Present";
    status_late: "迟到", "Late";
    status_excused: "请假", "Excused";
    status_absent: "缺席", "Absent";
    error_not_a_date: "不是有效日期，请写成 2021-05-20", "Not a date; write 2021-05-20";
    error_not_a_time: "请写成 09:30 这样的时间", "Write a time like 09:30";
}

mod cli;
mod cli_practice;
mod cli_town;
mod period;
mod practice;
mod practice_ledgers;
mod print;
mod shell;
mod systems;
mod town;
mod town_ledgers;
mod ui;
pub use ui::PeopleImportLine;
