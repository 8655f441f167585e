//! Sessions (活动) of the studio: how they are held, which of the five systems they serve, and
//! who attended.

use super::roster::{AreaId, SecretaryId, SessionId};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// A session's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionFields {
    /// The day it was (or will be) held.
    pub held_on: NaiveDate,
    /// When it starts, if known.
    pub starts_at: Option<NaiveTime>,
    /// When it ends, if known.
    pub ends_at: Option<NaiveTime>,
    /// Where (a village, a base, a meeting room).
    pub place: String,
    /// Who hosts it (主持人).
    pub host: String,
    /// Who records it (记录人).
    pub recorder: String,
    /// How it is held.
    pub kind: SessionKind,
    /// Which of the five systems it serves.
    pub systems: Systems,
    /// The area it belongs to, or none for the whole studio.
    pub area_id: Option<AreaId>,
    /// The topic (主题).
    pub topic: String,
    /// Discussion notes (研讨交流).
    pub discussion: String,
    /// Agenda items (议程), in order.
    pub agenda: Vec<String>,
    /// Decisions (议定事项), in order.
    pub decisions: Vec<String>,
}

/// One secretary's mark at one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceMark {
    /// Who.
    pub secretary_id: SecretaryId,
    /// Present, late, excused or absent.
    pub status: AttendanceStatus,
    /// For leave: why (请假事由).
    pub reason: String,
}

/// A session as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSummary {
    /// Local key.
    pub id: SessionId,
    /// The record without its lists.
    pub fields: SessionFields,
    /// Secretaries marked for it.
    pub expected: i64,
    /// Of whom present or late.
    pub attended: i64,
}

code_enum!(
    /// How a session was held.
    SessionKind {
        /// 集中学习
        Learning = "learning",
        /// 观摩交流
        ObservationVisit = "observation_visit",
        /// 实战练兵
        PracticalTraining = "practical_training",
        /// 结对帮扶
        HelpVisit = "help_visit",
        /// 比拼评议
        Review = "review",
        /// 经验交流
        Exchange = "exchange",
        /// 主题党日
        ThemeDay = "theme_day",
    }
);

code_enum!(
    /// The studio's five systems (五项制度).
    StudioSystem {
        /// 学习
        Learn = "learn",
        /// 帮扶
        Help = "help",
        /// 比拼
        Compare = "compare",
        /// 交流
        Communicate = "communicate",
        /// 激励
        Incentivise = "incentivise",
    }
);

/// A set of the five systems, stored as five bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
pub struct Systems(u8);

impl Systems {
    /// The bit of one system.
    fn bit(system: StudioSystem) -> u8 {
        let index = StudioSystem::ALL
            .iter()
            .position(|s| *s == system)
            .unwrap_or(0);
        1 << index
    }

    /// The set from its stored bits (unknown bits dropped).
    pub fn from_bits(bits: i64) -> Self {
        Self((bits & 0b1_1111) as u8)
    }

    /// The stored bits.
    pub fn bits(self) -> i64 {
        i64::from(self.0)
    }

    /// Whether `system` is in the set.
    pub fn contains(self, system: StudioSystem) -> bool {
        self.0 & Self::bit(system) != 0
    }

    /// Adds or removes `system`.
    pub fn set(&mut self, system: StudioSystem, on: bool) {
        if on {
            self.0 |= Self::bit(system);
        } else {
            self.0 &= !Self::bit(system);
        }
    }

    /// The systems in the set, in order.
    pub fn iter(self) -> impl Iterator<Item = StudioSystem> {
        StudioSystem::ALL
            .iter()
            .copied()
            .filter(move |s| self.contains(*s))
    }

    /// The systems a kind of session serves unless told otherwise.
    pub fn default_for(kind: SessionKind) -> Self {
        let mut systems = Self::default();
        let system = match kind {
            SessionKind::Learning | SessionKind::PracticalTraining | SessionKind::ThemeDay => {
                StudioSystem::Learn
            }
            SessionKind::HelpVisit => StudioSystem::Help,
            SessionKind::Review => StudioSystem::Compare,
            SessionKind::ObservationVisit | SessionKind::Exchange => StudioSystem::Communicate,
        };
        systems.set(system, true);
        systems
    }
}

code_enum!(
    /// A secretary's attendance at a session.
    AttendanceStatus {
        /// 出席
        Present = "present",
        /// 迟到
        Late = "late",
        /// 请假
        Excused = "excused",
        /// 缺席
        Absent = "absent",
    }
);

impl AttendanceStatus {
    /// The next status of the one-click cycle present → late → excused → absent → present.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::Present => Self::Late,
            Self::Late => Self::Excused,
            Self::Excused => Self::Absent,
            Self::Absent => Self::Present,
        }
    }

    /// Whether the secretary was there (late counts as there).
    pub fn attended(self) -> bool {
        matches!(self, Self::Present | Self::Late)
    }

    /// The compact code stored per attendance row.
    pub fn index(self) -> i64 {
        match self {
            Self::Present => 0,
            Self::Late => 1,
            Self::Excused => 2,
            Self::Absent => 3,
        }
    }

    /// The status for a stored code.
    pub fn from_index(index: i64) -> Option<Self> {
        Self::ALL.get(usize::try_from(index).ok()?).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn systems_are_a_set_of_five_bits() {
        let mut systems = Systems::default();
        systems.set(StudioSystem::Help, true);
        systems.set(StudioSystem::Incentivise, true);
        assert_eq!(
            systems.iter().collect::<Vec<_>>(),
            vec![StudioSystem::Help, StudioSystem::Incentivise]
        );
        assert_eq!(Systems::from_bits(systems.bits()), systems);
        systems.set(StudioSystem::Help, false);
        assert!(!systems.contains(StudioSystem::Help));
        assert_eq!(
            Systems::from_bits(0xff).iter().count(),
            5,
            "unknown bits are dropped"
        );
    }

    #[test]
    fn one_click_cycles_through_the_four_statuses() {
        let mut status = AttendanceStatus::Present;
        let mut seen = Vec::new();
        for _ in 0..4 {
            seen.push(status);
            status = status.next();
        }
        assert_eq!(seen, AttendanceStatus::ALL);
        assert_eq!(status, AttendanceStatus::Present);
        for status in AttendanceStatus::ALL {
            assert_eq!(AttendanceStatus::from_index(status.index()), Some(*status));
        }
    }
}
