//! The words of the session summary (活动纪要).

use crate::i18n::Lang;

texts! {
    summary_summary: "活动纪要", " — summary";
    summary_time: "时间", "Time";
    summary_field_gap: "　　", "    ";
    summary_host_signature: "主持人（签字）", "Host (signature)";
    summary_recorder_signature: "记录人（签字）", "Recorder (signature)";
    summary_date: "日期", "Date";
    summary_attendance_present_l_late: "出席情况（√ 出席　迟 迟到　假 请假　× 缺席）：", "Attendance (√ present, L late, E excused, × absent):";
    summary_l: "迟", "L";
    summary_e: "假", "E";
    summary_semicolon: "；", "; ";
    summary_list_separator: "、", ", ";
    summary_leave: "请假", " on leave";
    summary_full_stop: "。", ".";
    sign_in_guest: "列席", "Guest";
    summary_problems_raised_where_they: "问题清单及办理状态", "Problems raised and where they stand";
    summary_no: "序号", "No.";
    summary_problem: "问题描述", "Problem";
    summary_photos: "活动照片", "Photos";
    summary_scans_attached: "签到表扫描件：已附", "Signed sign-in sheet: attached";
}

impl Lang {
    /// "列席：陈明（县农技中心高级农艺师）。"
    pub fn summary_guests(self, names: &str) -> String {
        match self {
            Self::Zh => format!("列席：{names}。"),
            Self::En => format!("Guests: {names}."),
        }
    }
}
