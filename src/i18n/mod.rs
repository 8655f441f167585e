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
    menu_file: "文件", "File";
    file_new: "新建…", "New…";
    file_open: "打开…", "Open…";
    file_save_copy: "另存副本…", "Save a copy…";
    file_recent: "最近打开", "Recent files";
    file_recent_none: "（无）", "(none)";
    file_import_roster: "导入花名册…", "Import roster…";
    file_quit: "退出", "Quit";
    language: "语言", "Language";
    nav_dashboard: "概览", "Dashboard";
    nav_roster: "花名册", "Roster";
    nav_areas_branches: "片区与支部", "Areas & branches";
    browse: "浏览…", "Browse…";
    loading: "正在读取…", "Loading…";
    load_stopped: "读取数据时出错，请换一个页面再回来。", "Reading the data failed; open another screen and come back.";
    browse_no_system_dialog: "这台电脑没有可用的系统文件对话框：请在下面选文件夹和文件，或直接输入路径。", "No system file dialog is available here: choose the folder and file below, or type the path.";
    browse_up: "上一级", "Up";
    browse_home: "主目录", "Home";
    browse_documents: "文档", "Documents";
    browse_desktop: "桌面", "Desktop";
    browse_root: "根目录 /", "Root /";
    browse_location: "位置：", "Folder: ";
    browse_empty: "（这里没有文件夹，也没有这类文件）", "(no folders here, and no files of this kind)";
    cancel: "取消", "Cancel";
    close: "关闭", "Close";
    save: "保存", "Save";
    back: "返回", "Back";
    edit: "编辑", "Edit";
    add: "添加", "Add";
    rename: "改名", "Rename";
    archive: "归档", "Archive";
    restore: "恢复", "Restore";
    all: "全部", "All";
    none_value: "（无）", "(none)";
    file_path: "文件路径", "File path";
    open: "打开", "Open";
    create: "创建", "Create";
    dialog_new_title: "新建工作室", "New studio";
    dialog_open_title: "打开工作室文件", "Open a studio file";
    dialog_save_copy_title: "另存副本", "Save a copy";
    dialog_merge_title: "合并其他村的文件", "Merge another village's file";
    preview_merge: "预览合并", "Preview the merge";
    file_merge: "合并文件…", "Merge a file…";
    file_share: "分享文件…", "Share…";
    dialog_share_title: "写出分享文件（带到其他村合并）", "Write a share file (to merge in another village)";
    share_action: "写出", "Write";
    share_working: "分享文件", "the share file";
    merge_preview_title: "合并预览", "Merge preview";
    merge_confirm: "确认合并", "Merge";
    merge_reading: "读取并比对对方文件", "reading the other file";
    merge_review: "请查看合并预览；确认之后才会写入。", "Review the merge preview; nothing is written until you confirm.";
    merge_undo: "撤销合并", "Undo merge";
    merge_writing: "合并写入", "merging";
    file_backups: "备份与恢复…", "Backups…";
    share_passphrase: "口令（可不填）", "Passphrase (optional)";
    merge_passphrase: "口令（对方设了口令时填写）", "Passphrase (if the file has one)";
    passphrase_again: "再输一次口令", "Passphrase again";
    passphrase_note: "分享文件将整个加密，U盘丢了也看不到花名册里的电话等信息；合并时要输入同一个口令。请把口令另行告诉对方，不要写在U盘上。", "The whole share file is encrypted, so a lost stick gives away no phone numbers; merging asks for the same passphrase. Tell it to the other village separately, not on the stick.";
    passphrase_mismatch: "两次输入的口令不一致。", "The two passphrases differ.";
    backups_title: "备份与恢复", "Backups";
    backups_note: "每天打开程序时、每次导入和合并之前都会自动备份到本文件旁的「名称-备份」文件夹，最多保留 30 份。恢复之前会先把当前文件备份。", "The file is backed up into the “name-备份” folder beside it each day it is opened and before every import and merge; the newest 30 are kept. Restoring backs up the file as it is first.";
    backups_none: "还没有备份。", "No backups yet.";
    backup_now: "立即备份", "Back up now";
    restore_backup: "恢复…", "Restore…";
    restore_confirm: "确认恢复", "Restore";
    read_only_in_use: "只读：此文件正在另一个书记工作室窗口中打开，这里只能查看、打印和导出（那边的修改会自动显示）。要在这里修改，请关闭那个窗口后重新打开本文件。", "Read-only: this file is open in another Secretary Studio window; here you can view, print and export (changes made there show up here). To change it here, close that window and open the file again.";
    read_only_file: "只读：文件或所在的U盘不能写入（可能设了只读或写保护）。这里只能查看、打印和导出；点「另存副本…」存一份到可写的地方，之后就在副本上修改。", "Read-only: the file or its stick cannot be written (read-only or write-protected). Here you can view, print and export; Save a copy… to a writable place and go on working in the copy.";
    save_copy_offer: "另存副本…", "Save a copy…";
    merge_cancelled: "未合并，工作室没有改动。", "Not merged; the studio is unchanged.";
    merge_other_studio_anyway: "我明白，仍要合并这两个工作室", "I understand; merge the two studios anyway";
    merge_busy: "正在合并，完成之后才能修改记录。", "A merge is being written; changes can be made once it is done.";
    merge_nothing: "没有需要合并的改动，两个文件的记录已经一致。", "Nothing to merge: both files already hold the same records.";
    merge_note: "确认之前不会改动任何记录；合并前会自动备份本文件，可随时撤销合并。", "Nothing changes until you confirm; your file is backed up first and the merge can be undone.";
    merge_clock_ahead: "注意：对方文件的时间比本机晚一天以上，对方电脑的日期可能不对。", "Note: the other file's clock is more than a day ahead of this laptop's; its date may be wrong.";
    merge_conflicts_title: "冲突（双方都改过同一条记录；较晚的修改生效，另一版本列在这里）", "Conflicts (both sides changed the same record; the later change wins, the other is listed here)";
    merge_undone: "已撤销合并，文件恢复到合并之前。", "The merge was undone; the file is as it was before.";
    file_review: "核对合并结果…", "Review merges…";
    review_title: "核对合并结果", "Review merges";
    review_intro: "合并时两边都改过的记录以较晚的修改为准，另一版本保留在这里，可以改用它；在两个村分别录入的同一位书记（姓名和支部相同）列在下面，确认后合并为一条。", "Where both sides changed a record, the later change won; the other version is kept here and can be taken instead. The same secretary entered in two villages (same name and branch) is listed below to be linked into one record.";
    review_nothing: "没有待核对的内容。", "Nothing to review.";
    review_conflicts: "冲突", "Conflicts";
    review_duplicates: "可能重复的书记", "Possible duplicates";
    review_waiting: "待核对", "To review";
    col_field: "项目", "Field";
    col_kept: "现在的内容", "Now";
    col_other: "另一版本", "Other version";
    take_other: "改用另一版本", "Take the other version";
    keep_current: "保留现在的", "Keep this one";
    link_keep_first: "是同一人，用①的信息", "Same person: keep ①'s details";
    link_take_second: "是同一人，用②的信息", "Same person: take ②'s details";
    not_duplicate: "不是同一人", "Different people";
    review_deleted: "（已删除）", "(deleted)";
    review_duplicate_note: "确认是同一人后合并为一条：保留先录入的①，②的出勤、积分、难题等都归到①；电话、职务等信息可选用①的（①缺的从②补上）或②的。", "Linking keeps ①, entered first; ②'s attendance, points, problems and so on move to it. Its details (phone, position…) can stay ①'s (gaps filled from ②) or be taken from ②.";
    col_record_kind: "记录", "Records";
    col_new: "新增", "New";
    col_updated: "更新", "Updated";
    col_deleted: "删除", "Deleted";
    col_conflicts: "冲突", "Conflicts";
    col_examples: "例如", "For example";
    winner_ours: "以本文件的版本为准", "this file's version wins";
    winner_theirs: "以对方的版本为准", "the other file's version wins";
    studio_name: "工作室名称", "Studio name";
    town: "乡镇", "Town";
    default_studio_name: "联村共建书记工作室", "Joint-village Branch Secretary Studio";
    error_title: "出错了", "Something went wrong";
    notice_title: "提示", "Note";
    file_exists_choose_another: "该位置已有同名文件；新建不会覆盖它，请换一个文件名。", "A file with that name exists; New never replaces it, so choose another name.";
    file_exists_will_replace: "该位置已有同名文件，保存将替换它。", "A file with that name exists; saving will replace it.";
    replace: "替换", "Replace";
    no_dialog_hint: "也可以直接输入完整路径。", "You can also type the full path.";
    dashboard_title: "工作室概览", "Studio at a glance";
    this_year: "本年度", "This year";
    sessions_held: "开展活动", "Sessions held";
    attendance_rate: "出勤率", "Attendance rate";
    problems_raised: "提出难题", "Problems raised";
    problems_resolved: "解决难题", "Problems resolved";
    problems_open: "当前未解决（各年）", "Open now (all years)";
    problems_overdue: "当前逾期（各年）", "Overdue now (all years)";
    resolution_rate: "解决率", "Resolution rate";
    median_days: "解决用时中位数（天）", "Median days to resolve";
    chart_sessions: "每月活动次数", "Sessions per month";
    chart_problems: "每月提出与解决的难题", "Problems raised and resolved per month";
    chart_attendance: "各片区出勤率（%）", "Attendance by area (%)";
    raised: "提出", "Raised";
    resolved: "解决", "Resolved";
    active_secretaries: "在任书记", "Active secretaries";
    archived_secretaries: "已归档书记", "Archived secretaries";
    areas_count: "片区", "Areas";
    branches_count: "党支部", "Branches";
    secretaries_by_area_level: "各片区书记（按层级）", "Secretaries by area and level";
    branches_by_kind: "党支部类型", "Branches by kind";
    no_area: "未分片区", "No area";
    level_unset: "未定", "Not set";
    total: "合计", "Total";
    roster_title: "支部书记花名册", "Branch secretary roster";
    search_name: "按姓名或拼音首字母搜索", "Search by name or pinyin initials";
    search: "搜索", "Search";
    filter_area: "片区", "Area";
    filter_level: "层级", "Level";
    filter_status: "状态", "Status";
    status_active: "在任", "Active";
    status_archived: "已归档", "Archived";
    status_in_use: "启用", "In use";
    add_secretary: "添加书记", "Add secretary";
    edit_secretary: "编辑书记信息", "Edit secretary";
    new_secretary: "新增书记", "New secretary";
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
    col_kind: "类型", "Kind";
    col_secretaries: "书记数", "Secretaries";
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
    date_hint: "如 1978.03 或 2018-11-01", "e.g. 1978.03 or 2018-11-01";
    error_required: "必填", "Required";
    error_mobile: "请输入11位手机号码（座机号码可写在备注里）", "Enter an 11-digit mobile number (a landline can go in the notes)";
    error_too_young: "任现职时未满18周岁，请检查出生年月和任现职时间", "Under 18 when taking office: check the dates of birth and office";
    error_date_unreadable: "无法识别的日期，请写成 1978.03 或 2018-11-01", "Not a date; write 1978.03 or 2018-11-01";
    error_date_missing: "该日期不存在", "That date does not exist";
    error_date_future: "日期不能晚于今天", "The date cannot be in the future";
    error_date_early: "日期早于1900年，请检查", "Before 1900: please check";
    secretary_page: "书记档案", "Secretary";
    details: "基本信息", "Details";
    confirm_archive: "归档后不再出现在在任名单中，历史记录保留。", "Archived secretaries leave the active roster; their history is kept.";
    areas_title: "片区", "Areas";
    branches_title: "党支部", "Branches";
    new_area_name: "新片区名称", "New area name";
    new_branch_name: "新支部名称", "New branch name";
    add_area: "添加片区", "Add area";
    add_branch: "添加支部", "Add branch";
    name_required: "名称不能为空", "The name cannot be empty";
    name_taken: "已有同名记录", "That name is already used";
    import_title: "导入花名册", "Import roster";
    import_choose: "选择 Excel（.xlsx）或 CSV 文件，第一行可以是标题。", "Choose an Excel (.xlsx) or CSV file; a title line above the header is fine.";
    import_preview: "预览", "Preview";
    import_confirm: "确认导入", "Import";
    import_to_add: "将新增", "To add";
    import_to_update: "将更新", "To update";
    import_unchanged: "无变化", "Unchanged";
    import_rejected: "不能导入", "Rejected";
    import_new_areas: "将新建片区", "New areas";
    import_new_branches: "将新建支部", "New branches";
    import_ignored_columns: "已忽略的列", "Columns ignored";
    import_skipped: "已跳过的行", "Lines passed over";
    import_nothing: "没有需要导入的内容。", "Nothing to import.";
    col_line: "行号", "Line";
    col_reason: "原因", "Reason";
    col_changes: "变化", "Changes";
    status_ready: "就绪", "Ready";
    nav_sessions: "活动台账", "Sessions";
    nav_problems: "难题台账", "Problems";
    problems_title: "发展难题台账", "Development problems";
    raise_problem: "提出难题", "Raise a problem";
    edit_problem: "编辑难题", "Edit problem";
    problem_page: "难题", "Problem";
    delete_problem: "删除难题", "Delete problem";
    problem_deleted: "难题已删除。", "Problem deleted.";
    problem_restored: "难题已恢复。", "Problem restored.";
    col_title: "难题", "Problem";
    col_description: "具体情况", "Description";
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
    history: "办理过程", "History";
    change_state: "更新进展", "Update progress";
    new_state: "新状态", "New state";
    record_change: "记录", "Record";
    overdue: "已逾期", "Overdue";
    only_overdue: "只看逾期", "Overdue only";
    problems_here: "本次活动提出的难题", "Problems raised at this session";
    problems_followed: "本次活动跟进的难题", "Problems followed up at this session";
    followed_at: "跟进活动", "Followed up at";
    no_session: "（不在活动中）", "(not at a session)";
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
    edited: "修改了", "Edited";
    raised_role: "提出", "raised";
    helper_role: "帮扶", "helping";
    sessions_title: "活动台账", "Sessions";
    new_session: "新建活动", "New session";
    edit_session: "编辑活动", "Edit session";
    session_page: "活动", "Session";
    duplicate_session: "以此为模板新建", "Duplicate as template";
    delete_session: "删除活动", "Delete session";
    undo: "撤销", "Undo";
    session_deleted: "活动已删除。", "Session deleted.";
    session_restored: "活动已恢复。", "Session restored.";
    col_date: "日期", "Date";
    col_start: "开始时间", "Starts";
    col_end: "结束时间", "Ends";
    col_place: "地点", "Place";
    col_host: "主持人", "Host";
    col_recorder: "记录人", "Recorder";
    col_session_kind: "形式", "Kind";
    col_systems: "制度", "Systems";
    col_topic: "主题", "Topic";
    col_discussion: "研讨交流", "Discussion";
    col_agenda: "议程（每行一项）", "Agenda (one item per line)";
    col_decisions: "议定事项（每行一项）", "Decisions (one per line)";
    col_attendance: "出勤", "Attendance";
    agenda: "议程", "Agenda";
    decisions: "议定事项", "Decisions";
    time_hint: "如 09:00", "e.g. 09:00";
    day_hint: "如 2021-05-20", "e.g. 2021-05-20";
    from_date: "从", "From";
    to_date: "到", "To";
    search_sessions: "主题或记录中的文字", "Text in topic or notes";
    whole_studio: "全工作室", "Whole studio";
    attendance_title: "出勤登记", "Attendance";
    all_present: "全部出席", "All present";
    not_marked: "未登记", "Not marked";
    leave_reason: "请假事由", "Reason for leave";
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
    error_end_before_start: "结束时间应晚于开始时间", "Must be after the start";
    saved: "已保存", "Saved";
}

mod cli;
mod print;
mod shell;
mod systems;
