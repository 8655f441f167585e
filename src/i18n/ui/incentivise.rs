//! The labels of the incentivise screen (`ui/incentivise`).

use crate::i18n::Lang;

texts! {
    all_secretaries: "全体书记", "Everyone";
    points_leaderboard: "积分榜", "Leaderboard";
    awards_and_honours: "奖励与表彰", "Awards & honours";
    honours_title: "表彰与批评", "Commendations & criticisms";
    honour_kind: "类别", "Kind";
    record_award: "记录奖励", "Record award";
    rules_explained: "积分由台账记录按规则自动计算；修改规则后全部积分按新规则重算。", "Points are derived from the records by these rules; a changed rule applies to every line.";
    save_rules: "保存规则", "Save rules";
    points_must_be_whole: "积分请填写整数（如 +5、-3）", "Points must be a whole number (e.g. +5, -3)";
    rules_saved: "规则已保存，积分已按新规则重算", "Rules saved; points recomputed";
}

impl Lang {
    /// Says that a day lies outside the period worked on.
    pub fn day_outside_period(self, period: &str) -> String {
        match self {
            Self::Zh => format!("这个日期不在{period}内，不会计入本期的积分、红榜和排名。"),
            Self::En => format!(
                "This day is outside {period}: it will not count in this period's points, honours or ranking."
            ),
        }
    }
}
