//! The words of the ranking and commendation list (比拼排名及表彰名单).

use crate::i18n::Lang;

texts! {
    ranking_ranking_commendations: "比拼排名及表彰名单", " ranking and commendations";
    ranking_ranking: "比拼排名", "Ranking";
    ranking_minus: "扣分", "Minus";
    ranking_approved: "审核人（签字）", "Approved by";
    ranking_date: "日期", "Date";
}
