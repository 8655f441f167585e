//! Labels of the 体检评议 screen (党性体检, 述职评议 and their rules).

use crate::i18n::Lang;

texts! {
    nav_appraise: "体检评议", "Check-ups";
    checkups_tab: "党性体检", "Party-spirit check-ups";
    appraisals_tab: "述职评议", "Duty reports & appraisals";
    rules_tab: "评分规则", "Scoring rules";
    new_checkup: "新建体检…", "New check-up…";
    edit_checkup: "编辑体检", "Edit check-up";
    checkups_explained: "每人每年一次：自我体检、同级互检、群众评检（不少于 15 名群众）、组织审检，按权重合成结果。", "Once a year per person: self, peers, the masses (15 residents or more), the leader, combined by weights.";
    col_result: "综合得分", "Result";
    col_health: "体检结果", "Health";
    col_findings: "问题清单", "Findings";
    incomplete: "未评完", "incomplete";
    choose_checkup: "点上面的姓名，查看并填写他（她）的问题清单。", "Click a name above to see and add their findings.";
    rectified: "已整改", "rectified";
    rectifying: "整改中", "being rectified";
    open_problem: "打开难题台账中的这条", "Open it in the problem ledger";
    finding_to_problem: "转为难题", "Make it a problem";
    finding_to_problem_explained: "在难题台账中新建一条难题（党的建设类），整改进展在那里跟踪", "Raises a problem (party building) in the ledger, where the rectification is followed";
    new_finding: "新问题", "New finding";
    add_finding: "添加问题", "Add finding";
    checkup_subject: "体检对象", "Whose";
    subject_secretary: "书记", "A secretary";
    subject_person: "人员库中的党员", "Someone from People";
    checkup_held_on: "体检日期", "Held on";
    masses_count: "参与群众人数", "Residents heard";
    masses_hint: "不少于 15 人", "15 or more";
    col_indicator: "体检指标", "Indicator";
    col_full_marks: "满分", "Full marks";
    checkup_incomplete: "四个环节评完后显示综合结果。", "The result shows once all four steps are scored.";
    findings_after_saving: "保存后，在列表中点姓名填写问题清单。", "After saving, click the name in the list to add findings.";
    new_appraisal: "新建述职评议…", "New appraisal…";
    edit_appraisal: "编辑述职评议", "Edit appraisal";
    col_half: "期间", "Period";
    col_reported_on: "述职日期", "Reported on";
    col_report_title: "述职题目", "Report";
    report_title_hint: "如 2026年度抓基层党建工作述职", "e.g. the year's report on party building";
    col_voters: "参评人数", "Voters";
    grade_basically_short: "基本合格", "Basic";
    col_grade: "测评等次", "Grade";
    col_participants: "参评人员", "Participants";
    participants_hint: "如 全体党员、村民代表", "e.g. all members, villagers' representatives";
    half_year: "全年", "Year";
    half_first: "上半年", "First half";
    half_second: "下半年", "Second half";
    checkup_indicators: "体检指标", "Indicators";
    add_indicator: "添加指标", "Add indicator";
    weights_label: "四个环节权重（%）", "Weights of the steps (%)";
    weights_hint: "自我、互检、群众、组织，如 20, 30, 30, 20", "self, peers, masses, leader, e.g. 20, 30, 30, 20";
    health_thresholds_label: "健康 / 亚健康起点", "Healthy / sub-healthy from";
    health_thresholds_hint: "综合得分（百分制），如 85, 70；低于后者为不健康", "result out of 100, e.g. 85, 70; below: unhealthy";
    appraisal_rule_label: "测评等次规则（%）", "Grading rule (%)";
    appraisal_rule_hint: "优秀票达、优秀+合格票达、不合格票超过，如 60, 50, 33", "excellent from, excellent+competent from, incompetent above, e.g. 60, 50, 33";
    weights_invalid: "权重须是四个 0–100 的数", "Weights must be four numbers 0–100";
    health_thresholds_invalid: "须是两个递减的数，如 85, 70", "Two falling numbers, e.g. 85, 70";
    appraisal_rule_invalid: "须是三个 0–100 的数，如 60, 50, 33", "Three numbers 0–100, e.g. 60, 50, 33";
    print_checkup_summary: "打印体检汇总表", "Print the summary";
    print_checkup_form: "打印体检表", "Print form";
    print_appraisal_tally: "打印测评票统计表", "Print the tally";
    finding_made_problem: "已转入难题台账：点问题旁的「整改中 →」打开它，填写责任人和时限。", "Raised in the problem ledger: click 整改中 → beside the finding to open it and give who is responsible and by when.";
    reviews_title: "述职评议与党性体检", "Appraisals and check-ups";
}

impl Lang {
    /// "2 findings, 1 rectified"
    pub fn findings_count(self, total: usize, rectified: usize) -> String {
        match self {
            Self::Zh if total == 0 => "无".to_owned(),
            Self::Zh => format!("{total} 条（已整改 {rectified}）"),
            Self::En if total == 0 => "none".to_owned(),
            Self::En => format!("{total} ({rectified} rectified)"),
        }
    }

    /// "王建国的问题清单"
    pub fn findings_of(self, name: &str) -> String {
        match self {
            Self::Zh => format!("{name}的问题清单"),
            Self::En => format!("Findings of {name}"),
        }
    }

    /// A score that is not a number, naming where.
    pub fn score_not_a_number(self, indicator: &str, step: &str) -> String {
        match self {
            Self::Zh => format!("{step}「{indicator}」的得分不是数字"),
            Self::En => format!("The {step} score of “{indicator}” is not a number"),
        }
    }

    /// "综合得分 81，亚健康"
    pub fn checkup_result_line(self, result: &str, health: &str) -> String {
        match self {
            Self::Zh => format!("综合得分 {result}，{health}"),
            Self::En => format!("Result {result}: {health}"),
        }
    }

    /// "已录 18 / 在任 20"
    pub fn appraisals_done(self, done: usize, in_office: usize) -> String {
        match self {
            Self::Zh => format!("已录入 {done} 人，在任书记 {in_office} 人"),
            Self::En => format!("{done} entered of {in_office} secretaries in office"),
        }
    }

    /// 全年 / 上半年 / 下半年
    pub fn half_name(self, half: u8) -> &'static str {
        match half {
            1 => self.half_first(),
            2 => self.half_second(),
            _ => self.half_year(),
        }
    }

    /// "优秀票"
    pub fn ballots_of(self, grade: &str) -> String {
        match self {
            Self::Zh => format!("{grade}票"),
            Self::En => format!("{grade} ballots"),
        }
    }

    /// "四项合计 42 / 参评 42"
    pub fn ballots_sum(self, counted: i64, voters: i64) -> String {
        match self {
            Self::Zh => format!("四项合计 {counted} / 参评 {voters}"),
            Self::En => format!("counted {counted} of {voters} voters"),
        }
    }

    /// A secretary's appraisal of a year, on their page.
    pub fn appraisal_line(
        self,
        year: i32,
        half: &str,
        grade: &str,
        excellent: i64,
        voters: i64,
    ) -> String {
        match self {
            Self::Zh => {
                format!("{year}年{half}述职评议：{grade}（优秀票 {excellent} / 参评 {voters}）")
            }
            Self::En => {
                format!("{year} ({half}) appraisal: {grade} ({excellent} excellent of {voters})")
            }
        }
    }

    /// A secretary's check-up of a year, on their page.
    pub fn checkup_line(self, year: i32, health: &str, result: &str, findings: usize) -> String {
        match self {
            Self::Zh => format!("{year}年党性体检：{health} {result}，问题 {findings} 条"),
            Self::En => format!("{year} check-up: {health} {result}, {findings} findings"),
        }
    }

    /// Full marks that are not a number.
    pub fn full_marks_invalid(self, indicator: &str) -> String {
        match self {
            Self::Zh => format!("「{indicator}」的满分须是 1–1000 的数"),
            Self::En => format!("Full marks of “{indicator}” must be 1–1000"),
        }
    }
}
