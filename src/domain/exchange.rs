//! 交流 and 职责: experience notes, the notice board, and the studio's six responsibilities.

use super::points::NoteId;
use super::roster::{ProblemId, SecretaryId, SessionId};
use chrono::NaiveDate;

local_id!(
    /// A notice (通知公告).
    NoticeId,
    /// One of the studio's six responsibilities (职责).
    ResponsibilityId,
);

/// An experience note (经验材料): what a secretary learned, to pass on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteFields {
    /// When it was written.
    pub written_on: NaiveDate,
    /// Title.
    pub title: String,
    /// Who wrote it.
    pub author: Option<SecretaryId>,
    /// The note.
    pub text: String,
    /// The session it came from, if any.
    pub session: Option<SessionId>,
    /// The problem it is about, if any.
    pub problem: Option<ProblemId>,
}

/// A stored experience note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Local key.
    pub id: NoteId,
    /// The record.
    pub fields: NoteFields,
}

/// A notice's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeFields {
    /// The day it was posted.
    pub posted_on: NaiveDate,
    /// Title.
    pub title: String,
    /// The notice.
    pub text: String,
    /// Pinned notices come first.
    pub pinned: bool,
}

/// A stored notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Local key.
    pub id: NoticeId,
    /// The record.
    pub fields: NoticeFields,
}

/// The order of the notice board: pinned first, then newest first.
pub fn sort_notices(notices: &mut [Notice]) {
    notices.sort_by(|a, b| {
        b.fields
            .pinned
            .cmp(&a.fields.pinned)
            .then(b.fields.posted_on.cmp(&a.fields.posted_on))
            .then(b.id.cmp(&a.id))
    });
}

/// Whether a text matches a search: every word typed appears in it (case-insensitive).
pub fn matches_search(text: &str, query: &str) -> bool {
    let query = query.trim();
    if query.is_empty() {
        return true;
    }
    let lower = text.to_lowercase();
    query
        .split_whitespace()
        .all(|word| lower.contains(&word.to_lowercase()))
}

/// One of the six responsibilities and who holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Responsibility {
    /// Local key.
    pub id: ResponsibilityId,
    /// e.g. 学习培训.
    pub name: String,
    /// Who holds it.
    pub holder: Option<SecretaryId>,
    /// The term's first day.
    pub term_starts_on: Option<NaiveDate>,
    /// The term's last day.
    pub term_ends_on: Option<NaiveDate>,
}

/// The six responsibilities a new studio starts with.
pub const DEFAULT_RESPONSIBILITIES: [&str; 6] = [
    "学习培训",
    "结对帮扶",
    "比拼评议",
    "交流观摩",
    "激励考核",
    "难题督办",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(id: i64, day: u32, pinned: bool) -> Notice {
        Notice {
            id: NoticeId(id),
            fields: NoticeFields {
                posted_on: NaiveDate::from_ymd_opt(2021, 5, day).expect("date"),
                title: format!("通知{id}"),
                text: String::new(),
                pinned,
            },
        }
    }

    #[test]
    fn pinned_notices_come_first_then_the_newest() {
        let mut notices = vec![notice(1, 3, false), notice(2, 1, true), notice(3, 9, false)];
        sort_notices(&mut notices);
        let order: Vec<i64> = notices.iter().map(|n| n.id.0).collect();
        assert_eq!(order, vec![2, 3, 1]);
    }

    #[test]
    fn search_finds_every_word() {
        assert!(matches_search("天麻种植合作社经验", "天麻 经验"));
        assert!(!matches_search("天麻种植合作社经验", "天麻 西瓜"));
        assert!(matches_search("Fungi base notes", "fungi"));
        assert!(matches_search("任何", ""));
    }
}
