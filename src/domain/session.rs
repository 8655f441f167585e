//! Sessions (活动) of the studio: how they are held, which of the five systems they serve, and
//! who attended.

use super::learning::{self, PlanItemId, StudyKind, StudyTopic};
use super::pairing::PairingId;
use super::roster::{AreaId, BranchId, SecretaryId, SessionId};
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
    /// What was studied (学习内容), in order.
    pub study_topics: Vec<StudyTopic>,
    /// For a help visit: the pairing it serves.
    pub pairing_id: Option<PairingId>,
    /// For an exchange or observation visit: the host village's branch.
    pub host_branch_id: Option<BranchId>,
    /// The industry demonstration base it visits or serves, if any.
    pub base_id: Option<super::base::BaseId>,
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
    fn every_status_keeps_its_stored_code() {
        for status in AttendanceStatus::ALL {
            assert_eq!(AttendanceStatus::from_index(status.index()), Some(*status));
        }
    }
}

/// A field of the session form, for placing an error beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SessionField {
    /// 日期
    Date,
    /// 开始时间
    Start,
    /// 结束时间
    End,
    /// 主题
    Topic,
    /// 学时 of a study topic
    StudyHours,
}

/// What is wrong with a session's field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionFieldError {
    /// Must be filled.
    Required,
    /// Not a real date (2021-02-30) or not a date at all.
    NotADate,
    /// Not a time like 09:30.
    NotATime,
    /// Ends before it starts.
    EndBeforeStart,
    /// Not a number of hours (0–24).
    NotHours,
}

/// The session form as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionDraft {
    /// `2021-05-20`
    pub date: String,
    /// `09:00`
    pub start: String,
    /// `11:30`
    pub end: String,
    /// 地点
    pub place: String,
    /// 主持人
    pub host: String,
    /// 记录人
    pub recorder: String,
    /// 形式
    pub kind: SessionKind,
    /// 服务的制度
    pub systems: Systems,
    /// 片区
    pub area_id: Option<AreaId>,
    /// 主题
    pub topic: String,
    /// 研讨交流
    pub discussion: String,
    /// 议程, one per line
    pub agenda: String,
    /// 议定事项, one per line
    pub decisions: String,
    /// 学习内容: one row per topic (rows without a title are dropped).
    pub study_topics: Vec<TopicDraft>,
    /// 结对 (help visits)
    pub pairing_id: Option<PairingId>,
    /// 东道村 (exchange and observation visits)
    pub host_branch_id: Option<BranchId>,
    /// 产业基地 (a draft from before bases has none)
    #[serde(default)]
    pub base_id: Option<super::base::BaseId>,
}

/// A study topic's row in the session form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicDraft {
    /// 学习内容
    pub title: String,
    /// 学习形式
    pub kind: StudyKind,
    /// 学时, in hours as typed.
    pub hours: String,
    /// 对应学习计划
    pub plan_item: Option<PlanItemId>,
}

impl TopicDraft {
    /// An empty row.
    pub fn new() -> Self {
        Self {
            title: String::new(),
            kind: StudyKind::PolicyDocument,
            hours: "2".to_owned(),
            plan_item: None,
        }
    }
}

impl Default for TopicDraft {
    fn default() -> Self {
        Self::new()
    }
}

impl SessionDraft {
    /// A new session on `day`.
    pub fn new(day: NaiveDate) -> Self {
        Self::from_fields(&SessionFields {
            held_on: day,
            starts_at: None,
            ends_at: None,
            place: String::new(),
            host: String::new(),
            recorder: String::new(),
            kind: SessionKind::Learning,
            systems: Systems::default_for(SessionKind::Learning),
            area_id: None,
            topic: String::new(),
            discussion: String::new(),
            agenda: Vec::new(),
            decisions: Vec::new(),
            study_topics: Vec::new(),
            pairing_id: None,
            host_branch_id: None,
            base_id: None,
        })
    }

    /// The form filled from a stored session.
    pub fn from_fields(fields: &SessionFields) -> Self {
        let time =
            |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
        Self {
            date: fields.held_on.format("%Y-%m-%d").to_string(),
            start: time(fields.starts_at),
            end: time(fields.ends_at),
            place: fields.place.clone(),
            host: fields.host.clone(),
            recorder: fields.recorder.clone(),
            kind: fields.kind,
            systems: fields.systems,
            area_id: fields.area_id,
            topic: fields.topic.clone(),
            discussion: fields.discussion.clone(),
            agenda: fields.agenda.join("\n"),
            decisions: fields.decisions.join("\n"),
            study_topics: fields
                .study_topics
                .iter()
                .map(|t| TopicDraft {
                    title: t.title.clone(),
                    kind: t.kind,
                    hours: super::number::one_decimal(learning::hours(t.duration_min)),
                    plan_item: t.plan_item,
                })
                .collect(),
            pairing_id: fields.pairing_id,
            host_branch_id: fields.host_branch_id,
            base_id: fields.base_id,
        }
    }

    /// Checks the form; on failure says what is wrong beside each field.
    pub fn validate(&self) -> Result<SessionFields, Vec<(SessionField, SessionFieldError)>> {
        let mut errors = Vec::new();
        let held_on = parse_day(&self.date);
        if held_on.is_none() {
            let error = if self.date.trim().is_empty() {
                SessionFieldError::Required
            } else {
                SessionFieldError::NotADate
            };
            errors.push((SessionField::Date, error));
        }
        let mut time = |text: &str, field| {
            if text.trim().is_empty() {
                return None;
            }
            let parsed = NaiveTime::parse_from_str(text.trim(), "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(text.trim(), "%H：%M"))
                .ok();
            if parsed.is_none() {
                errors.push((field, SessionFieldError::NotATime));
            }
            parsed
        };
        let starts_at = time(&self.start, SessionField::Start);
        let ends_at = time(&self.end, SessionField::End);
        if let (Some(start), Some(end)) = (starts_at, ends_at)
            && end <= start
        {
            errors.push((SessionField::End, SessionFieldError::EndBeforeStart));
        }
        if self.topic.trim().is_empty() {
            errors.push((SessionField::Topic, SessionFieldError::Required));
        }
        let mut study_topics = Vec::new();
        for row in self
            .study_topics
            .iter()
            .filter(|t| !t.title.trim().is_empty())
        {
            match learning::parse_hours(&row.hours) {
                Some(duration_min) => study_topics.push(StudyTopic {
                    title: row.title.trim().to_owned(),
                    kind: row.kind,
                    duration_min,
                    plan_item: row.plan_item,
                }),
                None => errors.push((SessionField::StudyHours, SessionFieldError::NotHours)),
            }
        }
        let Some(held_on) = held_on.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        let lines = |text: &str| {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        };
        Ok(SessionFields {
            held_on,
            starts_at,
            ends_at,
            place: self.place.trim().to_owned(),
            host: self.host.trim().to_owned(),
            recorder: self.recorder.trim().to_owned(),
            kind: self.kind,
            systems: self.systems,
            area_id: self.area_id,
            topic: self.topic.trim().to_owned(),
            discussion: self.discussion.trim().to_owned(),
            agenda: lines(&self.agenda),
            decisions: lines(&self.decisions),
            study_topics,
            pairing_id: self
                .pairing_id
                .filter(|_| self.kind == SessionKind::HelpVisit),
            host_branch_id: self.host_branch_id.filter(|_| {
                matches!(
                    self.kind,
                    SessionKind::Exchange | SessionKind::ObservationVisit
                )
            }),
            base_id: self.base_id,
        })
    }
}

/// A full day typed as `2021-05-20`, `2021.5.20`, `2021/05/20` or `2021年5月20日`.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let date = super::PartialDate::parse(text).ok()?;
    NaiveDate::from_ymd_opt(date.year, date.month, date.day?)
}

#[cfg(test)]
mod draft_tests {
    use super::*;

    #[test]
    fn a_session_that_ends_before_it_starts_or_on_a_day_that_does_not_exist_is_refused() {
        let mut draft = SessionDraft::new(NaiveDate::from_ymd_opt(2021, 5, 20).expect("date"));
        draft.topic = "观摩".into();
        draft.start = "10:00".into();
        draft.end = "09:30".into();
        assert_eq!(
            draft.validate(),
            Err(vec![(SessionField::End, SessionFieldError::EndBeforeStart)])
        );
        draft.date = "2021-02-30".into();
        draft.end = "9点".into();
        assert_eq!(
            draft.validate(),
            Err(vec![
                (SessionField::Date, SessionFieldError::NotADate),
                (SessionField::End, SessionFieldError::NotATime)
            ])
        );
    }

    #[test]
    fn a_valid_form_round_trips() {
        let mut draft = SessionDraft::new(NaiveDate::from_ymd_opt(2021, 5, 20).expect("date"));
        draft.topic = " 食用菌产业观摩 ".into();
        draft.start = "09:00".into();
        draft.end = "11:30".into();
        draft.agenda = "参观基地\n\n座谈交流\n".into();
        draft.study_topics = vec![
            TopicDraft {
                title: "《乡村振兴促进法》".into(),
                hours: "1.5".into(),
                ..TopicDraft::new()
            },
            TopicDraft::new(),
        ];
        let fields = draft.validate().expect("valid");
        assert_eq!(fields.agenda, vec!["参观基地", "座谈交流"]);
        assert_eq!(fields.topic, "食用菌产业观摩");
        assert_eq!(
            fields.study_topics.len(),
            1,
            "a row without a title is dropped"
        );
        assert_eq!(fields.study_topics[0].duration_min, 90);
        let again = SessionDraft::from_fields(&fields);
        assert_eq!(again.validate(), Ok(fields));
        assert_eq!(
            parse_day("2021年5月20日"),
            NaiveDate::from_ymd_opt(2021, 5, 20)
        );
        assert_eq!(parse_day("2021-05"), None, "a session is on a day");
    }
}
