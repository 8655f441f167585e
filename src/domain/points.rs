//! 激励: the points ledger. Points are never typed or stored: every line is derived from a
//! record (a session's attendance, a resolved problem, an experience note, a help visit, a
//! commendation) by a rule, or is a manual award with its reason. So the ledger says where
//! each point comes from and stays right when a record is edited or deleted, and a changed
//! rule applies to every line it makes.

use super::period::Period;
use super::roster::{ProblemId, SecretaryId, SessionId};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Arc;

local_id!(
    /// A manual award or deduction of points.
    AwardId,
    /// A commendation or criticism.
    HonourId,
    /// An experience note (经验材料).
    NoteId,
);

code_enum!(
    /// What a points rule rewards (or penalises).
    PointsEvent {
        /// 出席活动
        Attended = "attended",
        /// 迟到
        Late = "late",
        /// 请假
        Excused = "excused",
        /// 无故缺席
        Absent = "absent",
        /// 作为帮扶人按期解决难题
        ResolvedAsHelper = "resolved_as_helper",
        /// 作为帮扶人解决难题，但超过完成时限 (逾期办结)
        ResolvedLateAsHelper = "resolved_late_as_helper",
        /// 提出难题
        ProblemRaised = "problem_raised",
        /// 撰写经验材料
        ExperienceNote = "experience_note",
        /// 开展帮扶走访 (the strong secretary of the pairing)
        HelpVisit = "help_visit",
        /// 受到表彰
        Commendation = "commendation",
        /// 受到批评
        Criticism = "criticism",
    }
);

impl PointsEvent {
    /// The points a new studio starts with.
    pub fn default_points(self) -> i64 {
        match self {
            Self::Attended | Self::ResolvedLateAsHelper => 2,
            Self::Late => 1,
            Self::Excused | Self::ProblemRaised => 0,
            Self::Absent => -2,
            Self::ResolvedAsHelper => 5,
            Self::ExperienceNote | Self::HelpVisit => 3,
            Self::Commendation => 10,
            Self::Criticism => -5,
        }
    }
}

/// The points of every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointsRules(pub HashMap<PointsEvent, i64>);

impl Default for PointsRules {
    fn default() -> Self {
        Self(
            PointsEvent::ALL
                .iter()
                .map(|e| (*e, e.default_points()))
                .collect(),
        )
    }
}

impl PointsRules {
    /// The points for one event (a rule missing from the file counts its default).
    pub fn points(&self, event: PointsEvent) -> i64 {
        self.0
            .get(&event)
            .copied()
            .unwrap_or_else(|| event.default_points())
    }
}

/// The record a points line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PointsSource {
    /// A session (attendance or a help visit).
    Session(SessionId),
    /// A problem (resolved as helper, or raised).
    Problem(ProblemId),
    /// An experience note.
    Note(NoteId),
    /// A commendation or criticism.
    Honour(HonourId),
    /// A manual award or deduction.
    Award(AwardId),
}

/// A fact from the records that may earn points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointsFact {
    /// Who.
    pub secretary: SecretaryId,
    /// When.
    pub on: NaiveDate,
    /// Which rule applies; `None` for a manual award (its points are in `manual_points`).
    pub event: Option<PointsEvent>,
    /// The record.
    pub source: PointsSource,
    /// For a manual award: its points.
    pub manual_points: i64,
    /// What the record is: a session's topic, a problem's title, an award's reason (shared:
    /// a session's 20 marks hold one topic).
    pub what: Arc<str>,
}

/// One line of the points ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointsLine {
    /// Who.
    pub secretary: SecretaryId,
    /// When.
    pub on: NaiveDate,
    /// How many (negative for a deduction).
    pub points: i64,
    /// By which rule; `None` for a manual award.
    pub event: Option<PointsEvent>,
    /// From which record.
    pub source: PointsSource,
    /// What the record is.
    pub what: Arc<str>,
}

/// The points ledger from the facts, newest first; facts whose rule gives 0 points make no
/// line.
pub fn derive_ledger(rules: &PointsRules, facts: Vec<PointsFact>) -> Vec<PointsLine> {
    let mut lines: Vec<PointsLine> = facts
        .into_iter()
        .filter_map(|fact| {
            let points = fact
                .event
                .map_or(fact.manual_points, |event| rules.points(event));
            (points != 0).then_some(PointsLine {
                secretary: fact.secretary,
                on: fact.on,
                points,
                event: fact.event,
                source: fact.source,
                what: fact.what,
            })
        })
        .collect();
    lines.sort_unstable_by(|a, b| {
        b.on.cmp(&a.on)
            .then(a.source.cmp(&b.source))
            .then(a.secretary.cmp(&b.secretary))
            .then(a.event.cmp(&b.event))
    });
    lines
}

/// A place on the leaderboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaderboardEntry {
    /// Who.
    pub secretary: SecretaryId,
    /// Points in the period.
    pub points: i64,
    /// Ties share a rank (1, 1, 3).
    pub rank: usize,
}

/// Totals per secretary of the lines in `period`, best first; everyone in `secretaries` is
/// listed (with 0 if they earned nothing), and so is anyone else with lines in the period
/// (a secretary archived since keeps their place).
pub fn leaderboard(
    lines: &[PointsLine],
    period: Period,
    secretaries: &[SecretaryId],
) -> Vec<LeaderboardEntry> {
    let mut totals: HashMap<SecretaryId, i64> = secretaries.iter().map(|s| (*s, 0)).collect();
    for line in lines.iter().filter(|l| period.contains(l.on)) {
        *totals.entry(line.secretary).or_insert(0) += line.points;
    }
    let mut entries: Vec<LeaderboardEntry> = totals
        .into_iter()
        .map(|(secretary, points)| LeaderboardEntry {
            secretary,
            points,
            rank: 0,
        })
        .collect();
    entries.sort_by(|a, b| b.points.cmp(&a.points).then(a.secretary.cmp(&b.secretary)));
    for index in 0..entries.len() {
        entries[index].rank = if index > 0 && entries[index - 1].points == entries[index].points {
            entries[index - 1].rank
        } else {
            index + 1
        };
    }
    entries
}

code_enum!(
    /// A commendation (red list) or a criticism.
    HonourKind {
        /// 表彰 (红榜)
        Commendation = "commendation",
        /// 批评 (黑榜)
        Criticism = "criticism",
    }
);

/// A commendation or criticism.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Honour {
    /// Local key.
    pub id: HonourId,
    /// Who.
    pub secretary: SecretaryId,
    /// When.
    pub on: NaiveDate,
    /// Which.
    pub kind: HonourKind,
    /// Why.
    pub reason: String,
}

/// A manual award or deduction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Award {
    /// Local key.
    pub id: AwardId,
    /// Who.
    pub secretary: SecretaryId,
    /// When.
    pub on: NaiveDate,
    /// How many (negative for a deduction).
    pub points: i64,
    /// Why.
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, m, d).expect("date")
    }

    fn fact(who: i64, on: NaiveDate, event: PointsEvent, source: PointsSource) -> PointsFact {
        PointsFact {
            secretary: SecretaryId(who),
            on,
            event: Some(event),
            source,
            manual_points: 0,
            what: "".into(),
        }
    }

    #[test]
    fn every_line_names_its_record_and_rule_and_a_rule_change_applies_to_all() {
        let facts = vec![
            fact(
                1,
                day(7, 1),
                PointsEvent::Attended,
                PointsSource::Session(SessionId(5)),
            ),
            fact(
                2,
                day(7, 1),
                PointsEvent::Absent,
                PointsSource::Session(SessionId(5)),
            ),
            fact(
                2,
                day(7, 1),
                PointsEvent::Excused,
                PointsSource::Session(SessionId(6)),
            ),
            fact(
                1,
                day(8, 3),
                PointsEvent::ResolvedAsHelper,
                PointsSource::Problem(ProblemId(9)),
            ),
            PointsFact {
                secretary: SecretaryId(2),
                on: day(9, 1),
                event: None,
                source: PointsSource::Award(AwardId(1)),
                manual_points: 4,
                what: "带头捐款修路".into(),
            },
        ];
        let lines = derive_ledger(&PointsRules::default(), facts.clone());
        assert_eq!(lines.len(), 4, "leave earns 0 and makes no line");
        assert_eq!(lines[0].source, PointsSource::Award(AwardId(1)));
        assert_eq!(lines[0].points, 4);
        assert_eq!(lines[1].event, Some(PointsEvent::ResolvedAsHelper));
        assert_eq!(lines[1].points, 5);
        let mut rules = PointsRules::default();
        rules.0.insert(PointsEvent::Attended, 3);
        rules.0.insert(PointsEvent::Excused, -1);
        let changed = derive_ledger(&rules, facts);
        assert_eq!(changed.len(), 5);
        let attended = changed
            .iter()
            .find(|l| l.event == Some(PointsEvent::Attended))
            .expect("line");
        assert_eq!(attended.points, 3);
    }

    #[test]
    fn a_deleted_record_takes_its_points_with_it() {
        let session = PointsSource::Session(SessionId(5));
        let with = vec![
            fact(1, day(7, 1), PointsEvent::Attended, session),
            fact(
                1,
                day(8, 1),
                PointsEvent::ExperienceNote,
                PointsSource::Note(NoteId(2)),
            ),
        ];
        let without: Vec<_> = with
            .iter()
            .filter(|f| f.source != session)
            .cloned()
            .collect();
        let q3 = Period::parse("2021-Q3").expect("period");
        let before = leaderboard(&derive_ledger(&PointsRules::default(), with), q3, &[]);
        let after = leaderboard(&derive_ledger(&PointsRules::default(), without), q3, &[]);
        assert_eq!(before[0].points, 5);
        assert_eq!(after[0].points, 3);
    }

    #[test]
    fn the_leaderboard_counts_only_the_period_and_shares_ranks() {
        let lines = derive_ledger(
            &PointsRules::default(),
            vec![
                fact(
                    1,
                    day(7, 1),
                    PointsEvent::Attended,
                    PointsSource::Session(SessionId(1)),
                ),
                fact(
                    2,
                    day(7, 1),
                    PointsEvent::Attended,
                    PointsSource::Session(SessionId(1)),
                ),
                fact(
                    3,
                    day(7, 1),
                    PointsEvent::Late,
                    PointsSource::Session(SessionId(1)),
                ),
                fact(
                    3,
                    day(6, 30),
                    PointsEvent::Commendation,
                    PointsSource::Honour(HonourId(1)),
                ),
                // An archived secretary (not in the roster passed in) keeps their place.
                fact(
                    9,
                    day(9, 30),
                    PointsEvent::HelpVisit,
                    PointsSource::Session(SessionId(2)),
                ),
            ],
        );
        let q3 = Period::parse("2021-Q3").expect("period");
        let board = leaderboard(
            &lines,
            q3,
            &[
                SecretaryId(1),
                SecretaryId(2),
                SecretaryId(3),
                SecretaryId(4),
            ],
        );
        let ranks: Vec<(i64, i64, usize)> = board
            .iter()
            .map(|e| (e.secretary.0, e.points, e.rank))
            .collect();
        assert_eq!(
            ranks,
            vec![(9, 3, 1), (1, 2, 2), (2, 2, 2), (3, 1, 4), (4, 0, 5)]
        );
    }
}
