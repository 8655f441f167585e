//! The five systems' records: learning plan and topics, pairings, criteria and hand-entered
//! scores, experience notes, notices, points rules, awards, honours and responsibilities; and
//! the facts that points and computed scores are derived from.

use super::{DAY, Error, Result, Store, Writer, day};
use crate::domain::assessment::{
    Assessment, Criterion, CriterionId, CriterionPart, CriterionSource, DEFAULT_CRITERIA,
    ManualScore, STAR_THRESHOLDS_KEY, SecretaryFacts, StarThresholds, assess,
};
use crate::domain::exchange::{
    DEFAULT_RESPONSIBILITIES, Note, NoteFields, Notice, NoticeFields, NoticeId, Responsibility,
    ResponsibilityId,
};
use crate::domain::learning::{LearningRecordLine, PlanItem, PlanItemId, StudyKind};
use crate::domain::pairing::{PairingFields, PairingId, PairingProgress};
use crate::domain::period::Period;
use crate::domain::points::{
    Award, AwardId, Honour, HonourId, HonourKind, NoteId, PointsEvent, PointsFact, PointsLine,
    PointsRules, PointsSource, derive_ledger,
};
use crate::domain::session::AttendanceStatus;
use crate::domain::{ProblemId, SecretaryId, SessionId};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;

/// The setting key of the days after which a pairing without a visit is flagged.
pub const STALE_DAYS_KEY: &str = "pairing_stale_days";
/// Flag a pairing after this many days without a visit, unless set otherwise.
pub const DEFAULT_STALE_DAYS: i64 = 60;

/// The identity of a default record: the same in every file, so merges see one record.
fn well_known_uuid(kind: u128, index: usize) -> Vec<u8> {
    uuid::Uuid::from_u128(0x5368_754a_0003_7000_8000_0000_0000_0000 | (kind << 16) | index as u128)
        .as_bytes()
        .to_vec()
}

/// Puts in the default criteria, points rules, responsibilities and settings a file lacks.
/// Their clock is 0: any edit, in any file, wins over the default.
pub(super) fn ensure_defaults(conn: &Connection, site: i64) -> Result<()> {
    for (index, (name, part, max, source, target)) in DEFAULT_CRITERIA.iter().enumerate() {
        conn.execute(
            "INSERT OR IGNORE INTO criterion (uuid, origin_site, hlc, hlc_site, position, name,
                part, max_score, source, target_per_year)
             VALUES (?1, ?2, 0, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                well_known_uuid(1, index),
                site,
                index as i64,
                name,
                part.code(),
                max,
                source.code(),
                target
            ],
        )?;
    }
    for (index, event) in PointsEvent::ALL.iter().enumerate() {
        conn.execute(
            "INSERT OR IGNORE INTO points_rule (uuid, origin_site, hlc, hlc_site, event, points)
             VALUES (?1, ?2, 0, ?2, ?3, ?4)",
            params![
                well_known_uuid(2, index),
                site,
                event.code(),
                event.default_points()
            ],
        )?;
    }
    for (index, name) in DEFAULT_RESPONSIBILITIES.iter().enumerate() {
        conn.execute(
            "INSERT OR IGNORE INTO responsibility (uuid, origin_site, hlc, hlc_site, position, name)
             VALUES (?1, ?2, 0, ?2, ?3, ?4)",
            params![well_known_uuid(3, index), site, index as i64, name],
        )?;
    }
    for (index, (key, value)) in [
        (STAR_THRESHOLDS_KEY, StarThresholds::default().to_text()),
        (STALE_DAYS_KEY, DEFAULT_STALE_DAYS.to_string()),
    ]
    .iter()
    .enumerate()
    {
        conn.execute(
            "INSERT OR IGNORE INTO setting (uuid, origin_site, hlc, hlc_site, key, value)
             VALUES (?1, ?2, 0, ?2, ?3, ?4)",
            params![well_known_uuid(4, index), site, key, value],
        )?;
    }
    Ok(())
}

fn optional_day(text: Option<&str>) -> rusqlite::Result<Option<NaiveDate>> {
    text.map(day).transpose()
}

fn day_text(day: NaiveDate) -> String {
    day.format(DAY).to_string()
}

/// The first and last day of an optional period, as stored text (no period: every day).
fn bounds(period: Option<Period>) -> (String, String) {
    period.map_or_else(
        || ("0000-01-01".to_owned(), "9999-12-31".to_owned()),
        |p| (day_text(p.start), day_text(p.end)),
    )
}

/// The latest state of a problem, as one SQL expression over `p`.
const LATEST_STATE: &str = "(SELECT e.state FROM live_problem_event e WHERE e.problem_id = p.id
    ORDER BY e.happened_on DESC, e.hlc DESC, e.id DESC LIMIT 1)";
const LATEST_DAY: &str = "(SELECT e.happened_on FROM live_problem_event e WHERE e.problem_id = p.id
    ORDER BY e.happened_on DESC, e.hlc DESC, e.id DESC LIMIT 1)";

impl Store {
    /// A setting's value, if set.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM live_setting WHERE key = ?1",
                [key],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The star thresholds (defaults if unset or unreadable).
    pub fn star_thresholds(&self) -> Result<StarThresholds> {
        Ok(self
            .setting(STAR_THRESHOLDS_KEY)?
            .and_then(|t| StarThresholds::parse(&t))
            .unwrap_or_default())
    }

    /// Days without a visit after which a pairing is flagged.
    pub fn stale_days(&self) -> Result<i64> {
        Ok(self
            .setting(STALE_DAYS_KEY)?
            .and_then(|t| t.trim().parse().ok())
            .filter(|d| *d > 0)
            .unwrap_or(DEFAULT_STALE_DAYS))
    }

    /// The learning plan of a year, each item with the days of the sessions that carried it out.
    pub fn learning_plan(&self, year: i32) -> Result<Vec<(PlanItem, Vec<NaiveDate>)>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, year, month, title, kind FROM live_plan_item WHERE year = ?1
             ORDER BY month, id",
        )?;
        let mut items: Vec<(PlanItem, Vec<NaiveDate>)> = statement
            .query_map([year], |r| {
                Ok((
                    PlanItem {
                        id: PlanItemId(r.get(0)?),
                        year: r.get(1)?,
                        month: r.get(2)?,
                        title: r.get(3)?,
                        kind: StudyKind::from_code(&r.get::<_, String>(4)?)
                            .unwrap_or(StudyKind::PolicyDocument),
                    },
                    Vec::new(),
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut held = self.conn.prepare_cached(
            "SELECT t.plan_item_id, s.held_on FROM live_study_topic t
             JOIN live_session s ON s.id = t.session_id
             JOIN live_plan_item i ON i.id = t.plan_item_id WHERE i.year = ?1",
        )?;
        for row in held.query_map([year], |r| {
            Ok((r.get::<_, i64>(0)?, day(&r.get::<_, String>(1)?)?))
        })? {
            let (item, held_on) = row?;
            if let Some((_, days)) = items.iter_mut().find(|(i, _)| i.id.0 == item) {
                days.push(held_on);
            }
        }
        Ok(items)
    }

    /// What a secretary studied: the topics of the sessions they attended, newest first.
    pub fn learning_record(&self, secretary: SecretaryId) -> Result<Vec<LearningRecordLine>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT s.id, s.held_on, t.title, t.kind, t.duration_min
             FROM attendance a JOIN live_session s ON s.id = a.session_id
             JOIN live_study_topic t ON t.session_id = s.id
             WHERE a.secretary_id = ?1 AND a.deleted = 0 AND a.status <= 1
             ORDER BY s.held_on DESC, s.id DESC, t.position",
        )?;
        let lines = statement
            .query_map([secretary.0], |r| {
                Ok(LearningRecordLine {
                    session: SessionId(r.get(0)?),
                    held_on: day(&r.get::<_, String>(1)?)?,
                    title: r.get(2)?,
                    kind: StudyKind::from_code(&r.get::<_, String>(3)?)
                        .unwrap_or(StudyKind::PolicyDocument),
                    duration_min: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(lines)
    }

    /// Every pairing with its visits and problems.
    pub fn pairings(&self) -> Result<Vec<PairingProgress>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT p.id, p.strong_id, p.weak_id, p.starts_on, p.ends_on, p.goals, p.outcome,
                (SELECT count(*) FROM live_session s WHERE s.pairing_id = p.id
                    AND s.kind = 'help_visit'),
                (SELECT max(s.held_on) FROM live_session s WHERE s.pairing_id = p.id
                    AND s.kind = 'help_visit'),
                (SELECT count(*) FROM live_problem q WHERE q.pairing_id = p.id),
                (SELECT count(*) FROM live_problem q WHERE q.pairing_id = p.id
                    AND (SELECT e.state FROM live_problem_event e WHERE e.problem_id = q.id
                         ORDER BY e.happened_on DESC, e.hlc DESC, e.id DESC LIMIT 1) = 'resolved')
             FROM live_pairing p ORDER BY p.starts_on DESC, p.id DESC",
        )?;
        let pairings = statement
            .query_map([], |r| {
                Ok(PairingProgress {
                    id: PairingId(r.get(0)?),
                    fields: PairingFields {
                        strong: SecretaryId(r.get(1)?),
                        weak: SecretaryId(r.get(2)?),
                        starts_on: day(&r.get::<_, String>(3)?)?,
                        ends_on: optional_day(r.get_ref(4)?.as_str_or_null()?)?,
                        goals: r.get(5)?,
                        outcome: r.get(6)?,
                    },
                    visits: r.get(7)?,
                    last_visit: optional_day(r.get_ref(8)?.as_str_or_null()?)?,
                    problems_raised: r.get(9)?,
                    problems_resolved: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(pairings)
    }

    /// The assessment criteria, in order.
    pub fn criteria(&self) -> Result<Vec<Criterion>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, name, part, max_score, source, target_per_year FROM live_criterion
             ORDER BY position, id",
        )?;
        let criteria = statement
            .query_map([], |r| {
                Ok(Criterion {
                    id: CriterionId(r.get(0)?),
                    name: r.get(1)?,
                    part: CriterionPart::from_code(&r.get::<_, String>(2)?)
                        .unwrap_or(CriterionPart::Base),
                    max_score: r.get(3)?,
                    source: CriterionSource::from_code(&r.get::<_, String>(4)?)
                        .unwrap_or(CriterionSource::Manual),
                    target_per_year: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(criteria)
    }

    /// The scores entered by hand for a period.
    pub fn manual_scores(
        &self,
        period: Period,
    ) -> Result<HashMap<(SecretaryId, CriterionId), ManualScore>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT secretary_id, criterion_id, score, note FROM live_score WHERE period = ?1",
        )?;
        let scores = statement
            .query_map([period.to_string()], |r| {
                Ok((
                    (SecretaryId(r.get(0)?), CriterionId(r.get(1)?)),
                    ManualScore {
                        score: r.get(2)?,
                        note: r.get(3)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(scores)
    }

    /// What the records say about each secretary in a period (for computed criteria).
    pub fn secretary_facts(&self, period: Period) -> Result<HashMap<SecretaryId, SecretaryFacts>> {
        let (start, end) = bounds(Some(period));
        let mut facts: HashMap<SecretaryId, SecretaryFacts> = HashMap::new();
        for (secretary, counts) in self.attendance_counts(period)? {
            facts.entry(secretary).or_default().attendance = counts;
        }
        // Minutes per session first, then per attendee: left to itself the planner walks all
        // 600,000 marks of a county file (0.6 s) instead of the period's sessions (0.06 s).
        let mut learning = self.conn.prepare_cached(
            "SELECT a.secretary_id, sum(m.minutes)
             FROM (SELECT s.id, sum(t.duration_min) AS minutes
                   FROM live_session s JOIN live_study_topic t ON t.session_id = s.id
                   WHERE s.held_on BETWEEN ?1 AND ?2 GROUP BY s.id) m
             JOIN attendance a ON a.session_id = m.id AND a.deleted = 0 AND a.status <= 1
             GROUP BY a.secretary_id",
        )?;
        for row in learning.query_map(params![start, end], |r| {
            Ok((SecretaryId(r.get(0)?), r.get::<_, i64>(1)?))
        })? {
            let (secretary, minutes) = row?;
            facts.entry(secretary).or_default().learning_min = minutes;
        }
        let mut visits = self.conn.prepare_cached(
            "SELECT a.secretary_id, count(*)
             FROM live_session s JOIN attendance a ON a.session_id = s.id AND a.deleted = 0
             WHERE s.held_on BETWEEN ?1 AND ?2 AND s.kind = 'help_visit' AND a.status <= 1
             GROUP BY a.secretary_id",
        )?;
        for row in visits.query_map(params![start, end], |r| {
            Ok((SecretaryId(r.get(0)?), r.get::<_, i64>(1)?))
        })? {
            let (secretary, count) = row?;
            facts.entry(secretary).or_default().help_visits = count;
        }
        for (secretary, _, _, _) in self.resolved_as_helper(&start, &end)? {
            facts.entry(secretary).or_default().problems_resolved += 1;
        }
        Ok(facts)
    }

    /// Per secretary who raised them (`None`: nobody recorded), the problems of `period`: raised
    /// in it, resolved in it, and of those raised, open and overdue on `today`.
    pub fn problem_counts(
        &self,
        period: Period,
        today: NaiveDate,
    ) -> Result<Vec<(Option<SecretaryId>, crate::domain::figures::ProblemCounts)>> {
        let (start, end) = bounds(Some(period));
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT raised_by,
                total(raised_on BETWEEN ?1 AND ?2),
                total(state = 'resolved' AND changed_on BETWEEN ?1 AND ?2),
                total(raised_on BETWEEN ?1 AND ?2 AND state <> 'resolved'),
                total(raised_on BETWEEN ?1 AND ?2 AND state <> 'resolved' AND deadline < ?3)
             FROM (SELECT p.raised_by, p.raised_on, p.deadline, {LATEST_STATE} AS state,
                          {LATEST_DAY} AS changed_on
                   FROM live_problem p
                   WHERE p.raised_on BETWEEN ?1 AND ?2
                      OR p.id IN (SELECT problem_id FROM live_problem_event
                                  WHERE happened_on BETWEEN ?1 AND ?2))
             GROUP BY raised_by ORDER BY raised_by"
        ))?;
        #[allow(clippy::cast_possible_truncation)]
        let rows = statement
            .query_map(params![start, end, day_text(today)], |r| {
                Ok((
                    r.get::<_, Option<i64>>(0)?.map(SecretaryId),
                    crate::domain::figures::ProblemCounts {
                        raised: r.get::<_, f64>(1)? as i64,
                        resolved: r.get::<_, f64>(2)? as i64,
                        open: r.get::<_, f64>(3)? as i64,
                        overdue: r.get::<_, f64>(4)? as i64,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Problems whose latest state is resolved, resolved between `start` and `end`, with a
    /// helper: (helper, day resolved, problem, title).
    fn resolved_as_helper(
        &self,
        start: &str,
        end: &str,
    ) -> Result<Vec<(SecretaryId, NaiveDate, ProblemId, String)>> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT helper_id, resolved_on, id, title FROM (
                SELECT p.helper_id, p.id, p.title, {LATEST_STATE} AS state,
                       {LATEST_DAY} AS resolved_on
                FROM live_problem p WHERE p.helper_id IS NOT NULL
                  AND p.id IN (SELECT problem_id FROM live_problem_event
                               WHERE state = 'resolved' AND happened_on BETWEEN ?1 AND ?2))
             WHERE state = 'resolved' AND resolved_on BETWEEN ?1 AND ?2"
        ))?;
        let rows = statement
            .query_map(params![start, end], |r| {
                Ok((
                    SecretaryId(r.get(0)?),
                    day(&r.get::<_, String>(1)?)?,
                    ProblemId(r.get(2)?),
                    r.get(3)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The points rules.
    pub fn points_rules(&self) -> Result<PointsRules> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT event, points FROM live_points_rule")?;
        let mut rules = PointsRules::default();
        for row in statement.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (event, points) = row?;
            if let Some(event) = PointsEvent::from_code(&event) {
                rules.0.insert(event, points);
            }
        }
        Ok(rules)
    }

    /// Every fact in `period` (or ever) that may earn points, each naming its record.
    pub fn points_facts(&self, period: Option<Period>) -> Result<Vec<PointsFact>> {
        let (start, end) = bounds(period);
        let mut facts = Vec::new();
        let fact = |secretary, on, event, source, what| PointsFact {
            secretary: SecretaryId(secretary),
            on,
            event: Some(event),
            source,
            manual_points: 0,
            what,
        };
        let mut attendance = self.conn.prepare_cached(
            "SELECT a.secretary_id, s.held_on, a.status, s.id, s.topic
             FROM live_session s JOIN attendance a ON a.session_id = s.id AND a.deleted = 0
             WHERE s.held_on BETWEEN ?1 AND ?2",
        )?;
        let mut rows = attendance.query(params![start, end])?;
        // One day and one topic string per session, not per mark: a county year has 60,000
        // marks (the rows come session by session).
        let mut last: Option<(i64, NaiveDate, std::sync::Arc<str>)> = None;
        while let Some(r) = rows.next()? {
            let session: i64 = r.get(3)?;
            let (held_on, topic) = match &last {
                Some((id, held_on, topic)) if *id == session => {
                    (*held_on, std::sync::Arc::clone(topic))
                }
                _ => {
                    let held_on = day(r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?)?;
                    let topic: std::sync::Arc<str> = r
                        .get_ref(4)?
                        .as_str()
                        .map_err(rusqlite::Error::from)?
                        .into();
                    last = Some((session, held_on, std::sync::Arc::clone(&topic)));
                    (held_on, topic)
                }
            };
            let event = match AttendanceStatus::from_index(r.get(2)?) {
                Some(AttendanceStatus::Present) => PointsEvent::Attended,
                Some(AttendanceStatus::Late) => PointsEvent::Late,
                Some(AttendanceStatus::Excused) => PointsEvent::Excused,
                _ => PointsEvent::Absent,
            };
            facts.push(fact(
                r.get(0)?,
                held_on,
                event,
                PointsSource::Session(SessionId(session)),
                topic,
            ));
        }
        let mut visits = self.conn.prepare_cached(
            "SELECT p.strong_id, s.held_on, s.id, s.topic
             FROM live_session s JOIN live_pairing p ON p.id = s.pairing_id
             WHERE s.kind = 'help_visit' AND s.held_on BETWEEN ?1 AND ?2",
        )?;
        for row in visits.query_map(params![start, end], |r| {
            Ok(fact(
                r.get(0)?,
                day(&r.get::<_, String>(1)?)?,
                PointsEvent::HelpVisit,
                PointsSource::Session(SessionId(r.get(2)?)),
                r.get(3)?,
            ))
        })? {
            facts.push(row?);
        }
        for (helper, on, problem, title) in self.resolved_as_helper(&start, &end)? {
            facts.push(fact(
                helper.0,
                on,
                PointsEvent::ResolvedAsHelper,
                PointsSource::Problem(problem),
                title.into(),
            ));
        }
        let mut raised = self.conn.prepare_cached(
            "SELECT raised_by, raised_on, id, title FROM live_problem
             WHERE raised_by IS NOT NULL AND raised_on BETWEEN ?1 AND ?2",
        )?;
        for row in raised.query_map(params![start, end], |r| {
            Ok(fact(
                r.get(0)?,
                day(&r.get::<_, String>(1)?)?,
                PointsEvent::ProblemRaised,
                PointsSource::Problem(ProblemId(r.get(2)?)),
                r.get(3)?,
            ))
        })? {
            facts.push(row?);
        }
        let mut notes = self.conn.prepare_cached(
            "SELECT author_id, written_on, id, title FROM live_experience_note
             WHERE author_id IS NOT NULL AND written_on BETWEEN ?1 AND ?2",
        )?;
        for row in notes.query_map(params![start, end], |r| {
            Ok(fact(
                r.get(0)?,
                day(&r.get::<_, String>(1)?)?,
                PointsEvent::ExperienceNote,
                PointsSource::Note(NoteId(r.get(2)?)),
                r.get(3)?,
            ))
        })? {
            facts.push(row?);
        }
        let in_period = |on: NaiveDate| period.is_none_or(|p| p.contains(on));
        for honour in self.honours()? {
            if !in_period(honour.on) {
                continue;
            }
            let event = match honour.kind {
                HonourKind::Commendation => PointsEvent::Commendation,
                HonourKind::Criticism => PointsEvent::Criticism,
            };
            facts.push(fact(
                honour.secretary.0,
                honour.on,
                event,
                PointsSource::Honour(honour.id),
                honour.reason.into(),
            ));
        }
        for award in self.awards()? {
            if !in_period(award.on) {
                continue;
            }
            facts.push(PointsFact {
                secretary: award.secretary,
                on: award.on,
                event: None,
                source: PointsSource::Award(award.id),
                manual_points: award.points,
                what: award.reason.into(),
            });
        }
        Ok(facts)
    }

    /// Commendations and criticisms, newest first.
    pub fn honours(&self) -> Result<Vec<Honour>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, secretary_id, awarded_on, kind, reason FROM live_honour
             ORDER BY awarded_on DESC, id DESC",
        )?;
        let honours = statement
            .query_map([], |r| {
                Ok(Honour {
                    id: HonourId(r.get(0)?),
                    secretary: SecretaryId(r.get(1)?),
                    on: day(&r.get::<_, String>(2)?)?,
                    kind: HonourKind::from_code(&r.get::<_, String>(3)?)
                        .unwrap_or(HonourKind::Commendation),
                    reason: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(honours)
    }

    /// Manual awards and deductions, newest first.
    pub fn awards(&self) -> Result<Vec<Award>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, secretary_id, awarded_on, points, reason FROM live_points_award
             ORDER BY awarded_on DESC, id DESC",
        )?;
        let awards = statement
            .query_map([], |r| {
                Ok(Award {
                    id: AwardId(r.get(0)?),
                    secretary: SecretaryId(r.get(1)?),
                    on: day(&r.get::<_, String>(2)?)?,
                    points: r.get(3)?,
                    reason: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(awards)
    }

    /// Experience notes, newest first.
    pub fn notes(&self) -> Result<Vec<Note>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, written_on, title, author_id, text, session_id, problem_id
             FROM live_experience_note ORDER BY written_on DESC, id DESC",
        )?;
        let notes = statement
            .query_map([], |r| {
                Ok(Note {
                    id: NoteId(r.get(0)?),
                    fields: NoteFields {
                        written_on: day(&r.get::<_, String>(1)?)?,
                        title: r.get(2)?,
                        author: r.get::<_, Option<i64>>(3)?.map(SecretaryId),
                        text: r.get(4)?,
                        session: r.get::<_, Option<i64>>(5)?.map(SessionId),
                        problem: r.get::<_, Option<i64>>(6)?.map(ProblemId),
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(notes)
    }

    /// Notices, pinned first, then newest first.
    pub fn notices(&self) -> Result<Vec<Notice>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT id, posted_on, title, text, pinned FROM live_notice")?;
        let mut notices: Vec<Notice> = statement
            .query_map([], |r| {
                Ok(Notice {
                    id: NoticeId(r.get(0)?),
                    fields: NoticeFields {
                        posted_on: day(&r.get::<_, String>(1)?)?,
                        title: r.get(2)?,
                        text: r.get(3)?,
                        pinned: r.get(4)?,
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        crate::domain::exchange::sort_notices(&mut notices);
        Ok(notices)
    }

    /// The six responsibilities and who holds each.
    pub fn responsibilities(&self) -> Result<Vec<Responsibility>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, name, holder_id, term_starts_on, term_ends_on FROM live_responsibility
             ORDER BY position, id",
        )?;
        let responsibilities = statement
            .query_map([], |r| {
                Ok(Responsibility {
                    id: ResponsibilityId(r.get(0)?),
                    name: r.get(1)?,
                    holder: r.get::<_, Option<i64>>(2)?.map(SecretaryId),
                    term_starts_on: optional_day(r.get_ref(3)?.as_str_or_null()?)?,
                    term_ends_on: optional_day(r.get_ref(4)?.as_str_or_null()?)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(responsibilities)
    }
}

/// Who a session expects, each with their mark if they have one.
pub type ExpectedAttendance = Vec<(
    crate::domain::RosterEntry,
    Option<crate::domain::session::AttendanceMark>,
)>;

impl Store {
    /// The pair of a help visit's pairing: (helper, helped).
    pub fn pair_of(
        &self,
        fields: &crate::domain::session::SessionFields,
    ) -> Result<Option<[SecretaryId; 2]>> {
        let Some(pairing) = fields.pairing_id else {
            return Ok(None);
        };
        Ok(self
            .pairings()?
            .into_iter()
            .find(|p| p.id == pairing)
            .map(|p| [p.fields.strong, p.fields.weak]))
    }

    /// Who session `id` expects: the secretaries in office (of its area, if it has one; for a
    /// help visit, the pair), and anyone else who was marked — with their marks. The session's
    /// page, its 应到/实到 and its printed summary and sign-in sheet all use this one list.
    pub fn expected_at(
        &self,
        id: SessionId,
        fields: &crate::domain::session::SessionFields,
    ) -> Result<ExpectedAttendance> {
        let marks: HashMap<SecretaryId, crate::domain::session::AttendanceMark> = self
            .attendance(id)?
            .into_iter()
            .map(|m| (m.secretary_id, m))
            .collect();
        let pair = self.pair_of(fields)?;
        Ok(self
            .roster()?
            .into_iter()
            .filter(|e| {
                marks.contains_key(&e.id)
                    || match pair {
                        Some(pair) => pair.contains(&e.id),
                        None => {
                            !e.fields.archived
                                && fields.area_id.is_none_or(|a| e.area_id == Some(a))
                        }
                    }
            })
            .map(|e| {
                let mark = marks.get(&e.id).cloned();
                (e, mark)
            })
            .collect())
    }

    /// Every secretary's assessment for a period: those in office, and anyone archived since
    /// who was marked at one of its sessions; best first.
    pub fn assessments(&self, period: Period) -> Result<Vec<Assessment>> {
        let facts = self.secretary_facts(period)?;
        let secretaries: Vec<SecretaryId> = self
            .roster()?
            .into_iter()
            .filter(|e| !e.fields.archived || facts.contains_key(&e.id))
            .map(|e| e.id)
            .collect();
        Ok(assess(
            &self.criteria()?,
            &secretaries,
            &facts,
            &self.manual_scores(period)?,
            period.month_count(),
            self.star_thresholds()?,
        ))
    }

    /// The points ledger of a period (or of all time), newest first.
    pub fn points_ledger(&self, period: Option<Period>) -> Result<Vec<PointsLine>> {
        Ok(derive_ledger(
            &self.points_rules()?,
            self.points_facts(period)?,
        ))
    }
}

impl Writer<'_> {
    fn changed_or_missing(&self, changed: usize, table: &str, id: i64) -> Result<()> {
        if changed == 0 && !self.is_live(table, id)? {
            return Err(Error::RecordNotFound);
        }
        Ok(())
    }

    /// Sets a setting (a studio-wide value that travels with the file).
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let changed = self.tx.execute(
            "UPDATE setting SET value = ?1, deleted = 0, hlc = ?2, hlc_site = ?3
             WHERE key = ?4 AND (value IS NOT ?1 OR deleted = 1)",
            params![value, self.hlc, self.site, key],
        )?;
        if changed == 0 {
            self.tx.execute(
                "INSERT OR IGNORE INTO setting (uuid, origin_site, hlc, hlc_site, key, value)
                 VALUES (?1, ?2, ?3, ?2, ?4, ?5)",
                params![Self::new_uuid(), self.site, self.hlc, key, value],
            )?;
        }
        Ok(())
    }

    /// Adds an item to a year's learning plan.
    pub fn add_plan_item(
        &mut self,
        year: i32,
        month: u32,
        title: &str,
        kind: StudyKind,
    ) -> Result<PlanItemId> {
        self.tx.execute(
            "INSERT INTO plan_item (uuid, origin_site, hlc, hlc_site, year, month, title, kind)
             VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6, ?7)",
            params![
                Self::new_uuid(),
                self.site,
                self.hlc,
                year,
                month,
                title.trim(),
                kind.code()
            ],
        )?;
        Ok(PlanItemId(self.tx.last_insert_rowid()))
    }

    /// Changes a plan item.
    pub fn update_plan_item(
        &mut self,
        id: PlanItemId,
        month: u32,
        title: &str,
        kind: StudyKind,
    ) -> Result<()> {
        let changed = self.tx.execute(
            "UPDATE plan_item SET month = ?1, title = ?2, kind = ?3, hlc = ?4, hlc_site = ?5
             WHERE id = ?6 AND deleted = 0
               AND (month IS NOT ?1 OR title IS NOT ?2 OR kind IS NOT ?3)",
            params![month, title.trim(), kind.code(), self.hlc, self.site, id.0],
        )?;
        self.changed_or_missing(changed, "plan_item", id.0)
    }

    /// Deletes (or restores) a record of one of the five systems' tables.
    pub fn set_record_deleted(&mut self, record: SystemRecord, deleted: bool) -> Result<()> {
        let (table, id) = record.table_and_id();
        self.set_deleted(table, id, deleted)
    }

    /// Adds a pairing.
    pub fn add_pairing(&mut self, fields: &PairingFields) -> Result<PairingId> {
        self.tx.execute(
            "INSERT INTO pairing (uuid, origin_site, hlc, hlc_site, strong_id, weak_id, starts_on,
                ends_on, goals, outcome)
             VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                Self::new_uuid(),
                self.site,
                self.hlc,
                fields.strong.0,
                fields.weak.0,
                day_text(fields.starts_on),
                fields.ends_on.map(day_text),
                fields.goals.trim(),
                fields.outcome.trim()
            ],
        )?;
        Ok(PairingId(self.tx.last_insert_rowid()))
    }

    /// Changes a pairing.
    pub fn update_pairing(&mut self, id: PairingId, fields: &PairingFields) -> Result<()> {
        let changed = self.tx.execute(
            "UPDATE pairing SET strong_id = ?1, weak_id = ?2, starts_on = ?3, ends_on = ?4,
                goals = ?5, outcome = ?6, hlc = ?7, hlc_site = ?8
             WHERE id = ?9 AND deleted = 0
               AND (strong_id IS NOT ?1 OR weak_id IS NOT ?2 OR starts_on IS NOT ?3
                 OR ends_on IS NOT ?4 OR goals IS NOT ?5 OR outcome IS NOT ?6)",
            params![
                fields.strong.0,
                fields.weak.0,
                day_text(fields.starts_on),
                fields.ends_on.map(day_text),
                fields.goals.trim(),
                fields.outcome.trim(),
                self.hlc,
                self.site,
                id.0
            ],
        )?;
        self.changed_or_missing(changed, "pairing", id.0)
    }

    /// Changes a criterion's name, maximum and yearly target (its part and source stay).
    pub fn update_criterion(
        &mut self,
        id: CriterionId,
        name: &str,
        max_score: f64,
        target_per_year: f64,
    ) -> Result<()> {
        let changed = self.tx.execute(
            "UPDATE criterion SET name = ?1, max_score = ?2, target_per_year = ?3, hlc = ?4,
                hlc_site = ?5
             WHERE id = ?6 AND deleted = 0
               AND (name IS NOT ?1 OR max_score IS NOT ?2 OR target_per_year IS NOT ?3)",
            params![
                name.trim(),
                max_score,
                target_per_year,
                self.hlc,
                self.site,
                id.0
            ],
        )?;
        self.changed_or_missing(changed, "criterion", id.0)
    }

    /// Adds a criterion at the end of the sheet.
    pub fn add_criterion(
        &mut self,
        name: &str,
        part: CriterionPart,
        max_score: f64,
        source: CriterionSource,
        target_per_year: f64,
    ) -> Result<CriterionId> {
        self.tx.execute(
            "INSERT INTO criterion (uuid, origin_site, hlc, hlc_site, position, name, part,
                max_score, source, target_per_year)
             VALUES (?1, ?2, ?3, ?2, (SELECT coalesce(max(position), 0) + 1 FROM criterion),
                ?4, ?5, ?6, ?7, ?8)",
            params![
                Self::new_uuid(),
                self.site,
                self.hlc,
                name.trim(),
                part.code(),
                max_score,
                source.code(),
                target_per_year
            ],
        )?;
        Ok(CriterionId(self.tx.last_insert_rowid()))
    }

    /// Enters (or with `None`, clears) a hand-entered score.
    pub fn set_score(
        &mut self,
        criterion: CriterionId,
        secretary: SecretaryId,
        period: Period,
        score: Option<&ManualScore>,
    ) -> Result<()> {
        let period = period.to_string();
        let Some(score) = score else {
            self.tx.execute(
                "UPDATE score SET deleted = 1, hlc = ?1, hlc_site = ?2
                 WHERE criterion_id = ?3 AND secretary_id = ?4 AND period = ?5 AND deleted = 0",
                params![self.hlc, self.site, criterion.0, secretary.0, period],
            )?;
            return Ok(());
        };
        let changed = self.tx.execute(
            "UPDATE score SET score = ?1, note = ?2, deleted = 0, hlc = ?3, hlc_site = ?4
             WHERE criterion_id = ?5 AND secretary_id = ?6 AND period = ?7
               AND (score IS NOT ?1 OR note IS NOT ?2 OR deleted = 1)",
            params![
                score.score,
                score.note.trim(),
                self.hlc,
                self.site,
                criterion.0,
                secretary.0,
                period
            ],
        )?;
        if changed == 0 {
            self.tx.execute(
                "INSERT OR IGNORE INTO score (uuid, origin_site, hlc, hlc_site, criterion_id,
                    secretary_id, period, score, note)
                 VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6, ?7, ?8)",
                params![
                    Self::new_uuid(),
                    self.site,
                    self.hlc,
                    criterion.0,
                    secretary.0,
                    period,
                    score.score,
                    score.note.trim()
                ],
            )?;
        }
        Ok(())
    }

    /// Changes the points of a rule.
    pub fn set_points_rule(&mut self, event: PointsEvent, points: i64) -> Result<()> {
        let changed = self.tx.execute(
            "UPDATE points_rule SET points = ?1, deleted = 0, hlc = ?2, hlc_site = ?3
             WHERE event = ?4 AND (points IS NOT ?1 OR deleted = 1)",
            params![points, self.hlc, self.site, event.code()],
        )?;
        if changed == 0 {
            self.tx.execute(
                "INSERT OR IGNORE INTO points_rule (uuid, origin_site, hlc, hlc_site, event, points)
                 VALUES (?1, ?2, ?3, ?2, ?4, ?5)",
                params![Self::new_uuid(), self.site, self.hlc, event.code(), points],
            )?;
        }
        Ok(())
    }

    /// Adds a manual award (or, with negative points, a deduction).
    pub fn add_award(
        &mut self,
        secretary: SecretaryId,
        on: NaiveDate,
        points: i64,
        reason: &str,
    ) -> Result<AwardId> {
        self.tx.execute(
            "INSERT INTO points_award (uuid, origin_site, hlc, hlc_site, secretary_id, awarded_on,
                points, reason)
             VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6, ?7)",
            params![
                Self::new_uuid(),
                self.site,
                self.hlc,
                secretary.0,
                day_text(on),
                points,
                reason.trim()
            ],
        )?;
        Ok(AwardId(self.tx.last_insert_rowid()))
    }

    /// Adds a commendation or criticism.
    pub fn add_honour(
        &mut self,
        secretary: SecretaryId,
        on: NaiveDate,
        kind: HonourKind,
        reason: &str,
    ) -> Result<HonourId> {
        self.tx.execute(
            "INSERT INTO honour (uuid, origin_site, hlc, hlc_site, secretary_id, awarded_on, kind,
                reason)
             VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6, ?7)",
            params![
                Self::new_uuid(),
                self.site,
                self.hlc,
                secretary.0,
                day_text(on),
                kind.code(),
                reason.trim()
            ],
        )?;
        Ok(HonourId(self.tx.last_insert_rowid()))
    }

    /// Adds an experience note.
    pub fn add_note(&mut self, fields: &NoteFields) -> Result<NoteId> {
        self.tx.execute(
            "INSERT INTO experience_note (uuid, origin_site, hlc, hlc_site, written_on, title,
                author_id, text, session_id, problem_id)
             VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                Self::new_uuid(),
                self.site,
                self.hlc,
                day_text(fields.written_on),
                fields.title.trim(),
                fields.author.map(|a| a.0),
                fields.text.trim(),
                fields.session.map(|s| s.0),
                fields.problem.map(|p| p.0)
            ],
        )?;
        Ok(NoteId(self.tx.last_insert_rowid()))
    }

    /// Changes an experience note.
    pub fn update_note(&mut self, id: NoteId, fields: &NoteFields) -> Result<()> {
        let changed = self.tx.execute(
            "UPDATE experience_note SET written_on = ?1, title = ?2, author_id = ?3, text = ?4,
                session_id = ?5, problem_id = ?6, hlc = ?7, hlc_site = ?8
             WHERE id = ?9 AND deleted = 0
               AND (written_on IS NOT ?1 OR title IS NOT ?2 OR author_id IS NOT ?3
                 OR text IS NOT ?4 OR session_id IS NOT ?5 OR problem_id IS NOT ?6)",
            params![
                day_text(fields.written_on),
                fields.title.trim(),
                fields.author.map(|a| a.0),
                fields.text.trim(),
                fields.session.map(|s| s.0),
                fields.problem.map(|p| p.0),
                self.hlc,
                self.site,
                id.0
            ],
        )?;
        self.changed_or_missing(changed, "experience_note", id.0)
    }

    /// Posts a notice.
    pub fn add_notice(&mut self, fields: &NoticeFields) -> Result<NoticeId> {
        self.tx.execute(
            "INSERT INTO notice (uuid, origin_site, hlc, hlc_site, posted_on, title, text, pinned)
             VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6, ?7)",
            params![
                Self::new_uuid(),
                self.site,
                self.hlc,
                day_text(fields.posted_on),
                fields.title.trim(),
                fields.text.trim(),
                fields.pinned
            ],
        )?;
        Ok(NoticeId(self.tx.last_insert_rowid()))
    }

    /// Changes a notice (also to pin or unpin it).
    pub fn update_notice(&mut self, id: NoticeId, fields: &NoticeFields) -> Result<()> {
        let changed = self.tx.execute(
            "UPDATE notice SET posted_on = ?1, title = ?2, text = ?3, pinned = ?4, hlc = ?5,
                hlc_site = ?6
             WHERE id = ?7 AND deleted = 0
               AND (posted_on IS NOT ?1 OR title IS NOT ?2 OR text IS NOT ?3 OR pinned IS NOT ?4)",
            params![
                day_text(fields.posted_on),
                fields.title.trim(),
                fields.text.trim(),
                fields.pinned,
                self.hlc,
                self.site,
                id.0
            ],
        )?;
        self.changed_or_missing(changed, "notice", id.0)
    }

    /// Renames a responsibility and sets who holds it for which term.
    pub fn update_responsibility(&mut self, responsibility: &Responsibility) -> Result<()> {
        let changed = self.tx.execute(
            "UPDATE responsibility SET name = ?1, holder_id = ?2, term_starts_on = ?3,
                term_ends_on = ?4, hlc = ?5, hlc_site = ?6
             WHERE id = ?7 AND deleted = 0
               AND (name IS NOT ?1 OR holder_id IS NOT ?2 OR term_starts_on IS NOT ?3
                 OR term_ends_on IS NOT ?4)",
            params![
                responsibility.name.trim(),
                responsibility.holder.map(|h| h.0),
                responsibility.term_starts_on.map(day_text),
                responsibility.term_ends_on.map(day_text),
                self.hlc,
                self.site,
                responsibility.id.0
            ],
        )?;
        self.changed_or_missing(changed, "responsibility", responsibility.id.0)
    }
}

/// A record of the five systems that can be deleted (and brought back).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SystemRecord {
    /// A learning plan item.
    PlanItem(PlanItemId),
    /// A pairing.
    Pairing(PairingId),
    /// A criterion.
    Criterion(CriterionId),
    /// An experience note.
    Note(NoteId),
    /// A notice.
    Notice(NoticeId),
    /// A manual award.
    Award(AwardId),
    /// A commendation or criticism.
    Honour(HonourId),
}

impl SystemRecord {
    fn table_and_id(self) -> (&'static str, i64) {
        match self {
            Self::PlanItem(id) => ("plan_item", id.0),
            Self::Pairing(id) => ("pairing", id.0),
            Self::Criterion(id) => ("criterion", id.0),
            Self::Note(id) => ("experience_note", id.0),
            Self::Notice(id) => ("notice", id.0),
            Self::Award(id) => ("points_award", id.0),
            Self::Honour(id) => ("honour", id.0),
        }
    }
}
