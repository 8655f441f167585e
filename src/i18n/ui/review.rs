//! The labels of the review screen (`ui/review`).

use crate::i18n::Lang;

texts! {
    review_title: "核对合并结果", "Review merges";
    review_intro: "合并时两边都改过的记录以较晚的修改为准，另一版本保留在这里，可以改用它；在两个村分别录入的同一位书记（姓名和支部相同）列在下面，确认后合并为一条。", "Where both sides changed a record, the later change won; the other version is kept here and can be taken instead. The same secretary entered in two villages (same name and branch) is listed below to be linked into one record.";
    review_nothing: "没有待核对的内容。", "Nothing to review.";
    review_conflicts: "冲突", "Conflicts";
    review_duplicates: "可能重复的书记", "Possible duplicates";
    col_field: "项目", "Field";
    side_ours: "本村的版本", "Our version";
    now_in_force: "（现在的内容）", " (in force now)";
    take_ours: "改回本村的版本", "Take our version back";
    take_theirs: "改用对方的版本", "Take their version";
    keep_ours: "保留本村的版本", "Keep our version";
    keep_theirs: "保留对方的版本", "Keep their version";
    link_keep_first: "是同一人，用①的信息", "Same person: keep ①'s details";
    link_take_second: "是同一人，用②的信息", "Same person: take ②'s details";
    not_duplicate: "不是同一人", "Different people";
    review_deleted: "（已删除）", "(deleted)";
    review_duplicate_note: "确认是同一人后合并为一条：保留先录入的①，②的出勤、积分、难题等都归到①；电话、职务等信息可选用①的（①缺的从②补上）或②的。", "Linking keeps ①, entered first; ②'s attendance, points, problems and so on move to it. Its details (phone, position…) can stay ①'s (gaps filled from ②) or be taken from ②.";
}

impl Lang {
    /// The history line of a problem whose merge conflict was settled: whose version is in
    /// force, with its values.
    pub fn settled_in_force(self, ours: bool, values: &str) -> String {
        match (self, ours) {
            (Self::Zh, true) => format!("核对合并结果：采用本村的版本（{values}）"),
            (Self::Zh, false) => format!("核对合并结果：采用对方的版本（{values}）"),
            (Self::En, true) => format!("Merge reviewed: our version in force ({values})"),
            (Self::En, false) => format!("Merge reviewed: their version in force ({values})"),
        }
    }

    /// The other village's side of a conflict: from which file, merged when.
    pub fn side_theirs(self, source: &str, merged_at: &str) -> String {
        match self {
            Self::Zh => format!("对方的版本（{source}，{merged_at} 合并）"),
            Self::En => format!("Their version ({source}, merged {merged_at})"),
        }
    }
}
