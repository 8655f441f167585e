//! The words of the wider practice's exported ledgers: the people register, the groups'
//! members, theme party days, check-ups and appraisals.

use super::Lang;

texts! {
    practice_ledger_people: "人员库", "People";
    practice_ledger_members: "百人团成员", "Group members";
    practice_ledger_theme_days: "主题党日", "Theme party days";
    practice_ledger_checkups: "党性体检", "Check-ups";
    practice_ledger_appraisals: "述职评议", "Appraisals";
    practice_ledger_village: "所在村", "Village";
    practice_ledger_occupation: "职业或原任职务", "Occupation";
    practice_ledger_secretary: "支部书记", "Secretary";
    practice_ledger_groups: "所在团", "Groups";
    practice_ledger_group: "团名", "Group";
    practice_ledger_role: "团内职务", "Role";
    practice_ledger_term_from: "任期开始", "Term from";
    practice_ledger_term_until: "任期结束", "Term until";
    practice_ledger_discipline: "签订纪律要求", "Discipline signed";
    practice_ledger_letter_no: "聘书编号", "Letter no.";
    practice_ledger_issued_on: "发证日期", "Issued on";
    practice_ledger_yes: "是", "yes";
    practice_ledger_no: "否", "no";
    practice_ledger_month: "月份", "Month";
    practice_ledger_planned_on: "计划日期", "Planned on";
    practice_ledger_topic: "主题", "Topic";
    practice_ledger_state: "召开情况", "State";
    practice_ledger_held_on: "召开日期", "Held on";
    practice_ledger_present: "实到党员", "Present";
    practice_ledger_total: "应到党员", "Members";
    practice_ledger_rate: "到会率", "Attendance";
    practice_ledger_reason: "未开原因", "Why not held";
    practice_ledger_year: "年度", "Year";
    practice_ledger_held: "体检日期", "Held on";
    practice_ledger_residents: "群众评检人数", "Residents heard";
    practice_ledger_result: "综合得分率", "Result";
    practice_ledger_health: "体检结论", "Grade";
    practice_ledger_findings: "查摆问题", "Findings";
    practice_ledger_finding_count: "问题数", "Findings count";
    practice_ledger_rectified: "已整改", "Rectified";
    practice_ledger_half: "期间", "Period";
    practice_ledger_whole_year: "全年", "whole year";
    practice_ledger_first_half: "上半年", "first half";
    practice_ledger_second_half: "下半年", "second half";
    practice_ledger_reported_on: "述职日期", "Reported on";
    practice_ledger_report: "述职报告", "Duty report";
    practice_ledger_voters: "参评人数", "Voters";
    practice_ledger_share: "占比", "share";
    practice_ledger_grade: "测评等次", "Grade";
    practice_ledger_participants: "参评人员", "Participants";
}
