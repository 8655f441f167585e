//! The labels of the compare screen (`ui/compare/`).

use crate::i18n::Lang;

texts! {
    add: "添加", "Add";
    view_ranking: "排名", "Ranking";
    view_trend: "个人趋势", "Trend";
    view_side_by_side: "对比", "Side by side";
    view_areas: "片区比较", "Areas";
    view_criteria: "考评指标", "Criteria";
    two_secretaries: "两位书记", "Two secretaries";
    two_areas: "两个片区", "Two areas";
    compare_a: "甲", "A";
    compare_b: "乙", "B";
    choose_two: "请选择要对比的两项", "Choose the two to compare";
    col_criterion: "考评指标", "Criterion";
    col_part: "类别", "Part";
    col_max_score: "满分", "Max";
    col_source: "计分方式", "Scored by";
    col_target_per_year: "全年目标", "Yearly target";
    col_score: "得分", "Score";
    col_score_note: "评分说明", "Note";
    save_criteria: "保存指标", "Save criteria";
    new_criterion: "新增人工评分指标", "New criterion (by hand)";
    criteria_explained: "出勤率、学时、解决难题、帮扶走访由台账自动计算；其余人工评分。总分 = 基础分 + 加分 − 扣分。", "Attendance, hours, problems and visits are computed from the records; the rest is entered by hand. Total = base + bonus − deductions.";
    criteria_invalid: "指标名称不能为空，满分和目标须为 0–1000 的数", "Names must be filled; max and target must be numbers 0–1000";
    thresholds_invalid: "星级起点请写四个递增的分数，如 60, 70, 80, 90", "Write four rising totals, e.g. 60, 70, 80, 90";
    ranking_explained: "鼠标停在分数上可看计分依据；点“评分”录入人工评分项。", "Hover a score to see how it was computed; Score… enters the criteria scored by hand.";
    enter_scores: "评分…", "Score…";
    areas_explained: "各片区书记总分的平均值", "The mean total of each area's secretaries";
    explain_no_sessions: "本期无应到活动", "No session expected them in the period";
    explain_manual: "人工评分", "Entered by hand";
    explain_not_entered: "尚未评分", "Not yet scored";
    criteria_saved: "指标已保存，排名已重算", "Criteria saved; ranking recomputed";
    score_title: "评分", "Scores";
    print_ranking: "打印排名及表彰名单", "Print ranking & commendations";
}

impl Lang {
    /// A hand-entered score outside its criterion's range, naming the criterion and its maximum.
    pub fn score_out_of_range(self, criterion: &str, max: &str) -> String {
        match self {
            Self::Zh => format!("{criterion}：得分须在 0 到 {max} 分之间"),
            Self::En => format!("{criterion}: a score must be between 0 and {max}"),
        }
    }
}
