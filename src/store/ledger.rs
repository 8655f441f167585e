//! The ledger: sessions, their agenda and decisions, and attendance.

use super::{DAY, Error, Result, Store, Writer, day};
use crate::domain::base::BaseId;
use crate::domain::learning::{PlanItemId, StudyKind, StudyTopic};
use crate::domain::pairing::PairingId;
use crate::domain::session::{
    AttendanceMark, AttendanceStatus, SessionFields, SessionKind, SessionSummary, Systems,
};
use crate::domain::{AreaId, BranchId, SecretaryId, SessionId};
use crate::store::{Columns, stored};
use chrono::{NaiveDate, NaiveTime};
use rusqlite::{OptionalExtension, Row, params};

const TIME: &str = "%H:%M";

fn time(text: Option<String>) -> Option<NaiveTime> {
    text.and_then(|t| NaiveTime::parse_from_str(&t, TIME).ok())
}

const SESSION_COLUMNS: &str = "s.id, s.held_on, s.starts_at, s.ends_at, s.place, s.host, \
    s.recorder, s.kind, s.systems, s.area_id, s.topic, s.discussion, s.pairing_id, s.host_branch_id, s.base_id";

/// A session's columns (as `SESSION_COLUMNS`), without its lists.
fn session_fields(row: &Row<'_>) -> rusqlite::Result<(SessionId, SessionFields)> {
    let kind: String = row.get(7)?;
    Ok((
        SessionId(row.get(0)?),
        SessionFields {
            held_on: day(&row.get::<_, String>(1)?)?,
            starts_at: time(row.get(2)?),
            ends_at: time(row.get(3)?),
            place: row.get(4)?,
            host: row.get(5)?,
            recorder: row.get(6)?,
            kind: stored("session.kind", kind.as_str(), SessionKind::from_code)?,
            systems: Systems::from_bits(row.get(8)?),
            area_id: row.get::<_, Option<i64>>(9)?.map(AreaId),
            topic: row.get(10)?,
            discussion: row.get(11)?,
            agenda: Vec::new(),
            decisions: Vec::new(),
            study_topics: Vec::new(),
            pairing_id: row.get::<_, Option<i64>>(12)?.map(PairingId),
            host_branch_id: row.get::<_, Option<i64>>(13)?.map(BranchId),
            base_id: row.get::<_, Option<i64>>(14)?.map(BaseId),
        },
    ))
}

/// The two ordered lists of a session.
#[derive(Clone, Copy)]
enum List {
    Agenda,
    Decision,
}

impl List {
    fn code(self) -> &'static str {
        match self {
            Self::Agenda => "agenda",
            Self::Decision => "decision",
        }
    }
}

impl Store {
    /// Every session not deleted, newest first, with how many were expected and attended.
    pub fn sessions(&self) -> Result<Vec<SessionSummary>> {
        self.session_summaries("", [])
    }

    /// The sessions held in `period`, newest first, with how many were expected and attended.
    pub fn sessions_in(
        &self,
        period: crate::domain::period::Period,
    ) -> Result<Vec<SessionSummary>> {
        self.session_summaries(
            "WHERE s.held_on BETWEEN ?1 AND ?2",
            [
                period.start.format(DAY).to_string(),
                period.end.format(DAY).to_string(),
            ],
        )
    }

    /// The exchange and observation visits (交流), newest first.
    pub fn exchange_visits(&self) -> Result<Vec<SessionSummary>> {
        self.session_summaries("WHERE s.kind IN ('exchange', 'observation_visit')", [])
    }

    fn session_summaries<P: rusqlite::Params>(
        &self,
        filter: &str,
        parameters: P,
    ) -> Result<Vec<SessionSummary>> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {SESSION_COLUMNS},
                (SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.deleted = 0),
                (SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.deleted = 0
                    AND a.status <= 1)
             FROM live_session s {filter} ORDER BY s.held_on DESC, s.id DESC"
        ))?;
        let sessions = statement
            .query_map(parameters, |row| {
                let (id, fields) = session_fields(row)?;
                Ok(SessionSummary {
                    id,
                    fields,
                    expected: row.get(15)?,
                    attended: row.get(16)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(sessions)
    }

    /// The host and the recorder of the latest studio sessions that name them (a new
    /// session's defaults: the same people usually hold these posts). Help visits, held by a
    /// pair, are left out.
    pub fn last_host_and_recorder(&self) -> Result<(String, String)> {
        let last = |column: &str| -> Result<String> {
            let mut statement = self.conn.prepare_cached(&format!(
                "SELECT {column} FROM live_session
                 WHERE {column} <> '' AND kind <> 'help_visit'
                 ORDER BY held_on DESC, id DESC LIMIT 1"
            ))?;
            Ok(statement
                .query_row([], |r| r.get(0))
                .optional()?
                .unwrap_or_default())
        };
        Ok((last("host")?, last("recorder")?))
    }

    /// The session's number, the same in every village's file: its day and the last four hex
    /// digits of its identity (`20261120-a3f9`). Local ids differ between files after a merge.
    pub fn session_code(&self, id: SessionId) -> Result<Option<String>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT held_on, uuid FROM live_session WHERE id = ?1")?;
        Ok(statement
            .query_row([id.0], |r| {
                Ok(session_code(
                    &r.get::<_, String>(0)?,
                    &r.get::<_, Vec<u8>>(1)?,
                ))
            })
            .optional()?)
    }

    /// Every session's number (see [`Store::session_code`]), in one read.
    pub fn session_codes(&self) -> Result<std::collections::HashMap<SessionId, String>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT id, held_on, uuid FROM live_session")?;
        let codes = statement
            .query_map([], |r| {
                Ok((
                    SessionId(r.get(0)?),
                    session_code(&r.get::<_, String>(1)?, &r.get::<_, Vec<u8>>(2)?),
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(codes)
    }

    /// The session with number `code` (see [`Store::session_code`]); a local id (`67`) is
    /// taken too.
    pub fn session_by_code(&self, code: &str) -> Result<Option<SessionId>> {
        let code = code.trim();
        if let Ok(id) = code.parse::<i64>() {
            return Ok(self.session(SessionId(id))?.map(|_| SessionId(id)));
        }
        let Some((day, _)) = code.split_once('-') else {
            return Ok(None);
        };
        let Some(day) = chrono::NaiveDate::parse_from_str(day, "%Y%m%d").ok() else {
            return Ok(None);
        };
        let mut statement = self
            .conn
            .prepare_cached("SELECT id, held_on, uuid FROM live_session WHERE held_on = ?1")?;
        let rows = statement.query_map([day.format(DAY).to_string()], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                session_code(&r.get::<_, String>(1)?, &r.get::<_, Vec<u8>>(2)?),
            ))
        })?;
        for row in rows {
            let (id, found) = row?;
            if found.eq_ignore_ascii_case(code) {
                return Ok(Some(SessionId(id)));
            }
        }
        Ok(None)
    }

    /// One session with its agenda and decisions, or `None` if deleted or unknown.
    pub fn session(&self, id: SessionId) -> Result<Option<SessionFields>> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {SESSION_COLUMNS} FROM live_session s WHERE s.id = ?1"
        ))?;
        let Some((_, mut fields)) = statement.query_row([id.0], session_fields).optional()? else {
            return Ok(None);
        };
        let mut items = self.conn.prepare_cached(
            "SELECT list, text FROM live_session_item WHERE session_id = ?1 ORDER BY list, position",
        )?;
        for item in items.query_map([id.0], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })? {
            let (list, text) = item?;
            if list == List::Agenda.code() {
                fields.agenda.push(text);
            } else {
                fields.decisions.push(text);
            }
        }
        fields.study_topics = self.study_topics(id)?;
        Ok(Some(fields))
    }

    /// The topics studied at a session, in order.
    pub fn study_topics(&self, session: SessionId) -> Result<Vec<StudyTopic>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT title, kind, duration_min, plan_item_id FROM live_study_topic
             WHERE session_id = ?1 ORDER BY position, id",
        )?;
        let topics = statement
            .query_map([session.0], |r| {
                Ok(StudyTopic {
                    title: r.get(0)?,
                    kind: stored(
                        "study_topic.kind",
                        r.get::<_, String>(1)?.as_str(),
                        StudyKind::from_code,
                    )?,
                    duration_min: r.get(2)?,
                    plan_item: r.get::<_, Option<i64>>(3)?.map(PlanItemId),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(topics)
    }

    /// The attendance marked for a session.
    pub fn attendance(&self, session: SessionId) -> Result<Vec<AttendanceMark>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT secretary_id, status, reason FROM live_attendance WHERE session_id = ?1",
        )?;
        let marks = statement
            .query_map([session.0], |r| {
                Ok(AttendanceMark {
                    secretary_id: SecretaryId(r.get(0)?),
                    status: stored("attendance.status", &r.get::<_, i64>(1)?, |n| {
                        AttendanceStatus::from_index(*n)
                    })?,
                    reason: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(marks)
    }
}

/// A session's own columns, as stored, for `then` to write.
fn session_columns<R>(fields: &SessionFields, then: impl FnOnce(&Columns<'_>) -> R) -> R {
    let held_on = fields.held_on.format(DAY).to_string();
    let starts_at = fields.starts_at.map(|t| t.format(TIME).to_string());
    let ends_at = fields.ends_at.map(|t| t.format(TIME).to_string());
    let (kind, systems) = (fields.kind.code(), fields.systems.bits());
    let area = fields.area_id.map(|a| a.0);
    let pairing = fields.pairing_id.map(|p| p.0);
    let host_branch = fields.host_branch_id.map(|b| b.0);
    let base = fields.base_id.map(|b| b.0);
    then(&[
        ("held_on", &held_on),
        ("starts_at", &starts_at),
        ("ends_at", &ends_at),
        ("place", &fields.place),
        ("host", &fields.host),
        ("recorder", &fields.recorder),
        ("kind", &kind),
        ("systems", &systems),
        ("area_id", &area),
        ("topic", &fields.topic),
        ("discussion", &fields.discussion),
        ("pairing_id", &pairing),
        ("host_branch_id", &host_branch),
        ("base_id", &base),
    ])
}

impl Writer<'_> {
    /// Adds a session with its agenda and decisions.
    pub fn add_session(&mut self, fields: &SessionFields) -> Result<SessionId> {
        let id = SessionId(session_columns(fields, |columns| {
            self.insert_record("session", columns)
        })?);
        self.sync_items(id, List::Agenda, &fields.agenda)?;
        self.sync_items(id, List::Decision, &fields.decisions)?;
        self.sync_study_topics(id, &fields.study_topics)?;
        Ok(id)
    }

    /// Replaces a session's fields and lists; only what changed gets a new clock.
    pub fn update_session(&mut self, id: SessionId, fields: &SessionFields) -> Result<()> {
        let changed = session_columns(fields, |columns| {
            self.update_record("session", id.0, columns)
        })?;
        if changed == 0 && !self.is_live("session", id.0)? {
            return Err(Error::RecordNotFound);
        }
        self.sync_items(id, List::Agenda, &fields.agenda)?;
        self.sync_items(id, List::Decision, &fields.decisions)?;
        self.sync_study_topics(id, &fields.study_topics)
    }

    /// Makes the live study topics of a session equal `topics`, position by position; only
    /// rows that changed get a new clock.
    fn sync_study_topics(&mut self, session: SessionId, topics: &[StudyTopic]) -> Result<()> {
        let existing: Vec<i64> = {
            let mut statement = self.tx.prepare_cached(
                "SELECT id FROM live_study_topic WHERE session_id = ?1 ORDER BY position, id",
            )?;
            statement
                .query_map([session.0], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        for (position, topic) in topics.iter().enumerate() {
            match existing.get(position) {
                Some(id) => {
                    self.tx.execute(
                        "UPDATE study_topic SET position = ?1, title = ?2, kind = ?3,
                            duration_min = ?4, plan_item_id = ?5, hlc = ?6, hlc_site = ?7
                         WHERE id = ?8 AND (position IS NOT ?1 OR title IS NOT ?2
                            OR kind IS NOT ?3 OR duration_min IS NOT ?4 OR plan_item_id IS NOT ?5)",
                        params![
                            position as i64,
                            topic.title.trim(),
                            topic.kind.code(),
                            topic.duration_min,
                            topic.plan_item.map(|p| p.0),
                            self.hlc,
                            self.site,
                            id
                        ],
                    )?;
                }
                None => {
                    self.tx.execute(
                        "INSERT INTO study_topic (uuid, origin_site, hlc, hlc_site, session_id,
                            position, title, kind, duration_min, plan_item_id)
                         VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6, ?7, ?8, ?9)",
                        params![
                            Self::new_uuid(),
                            self.site,
                            self.hlc,
                            session.0,
                            position as i64,
                            topic.title.trim(),
                            topic.kind.code(),
                            topic.duration_min,
                            topic.plan_item.map(|p| p.0)
                        ],
                    )?;
                }
            }
        }
        for id in existing.iter().skip(topics.len()) {
            self.set_deleted("study_topic", *id, true)?;
        }
        Ok(())
    }

    /// Deletes a session (a tombstone: [`Writer::restore_session`] undoes it).
    pub fn delete_session(&mut self, id: SessionId) -> Result<()> {
        self.set_deleted("session", id.0, true)
    }

    /// Brings a deleted session back, with everything that hung on it.
    pub fn restore_session(&mut self, id: SessionId) -> Result<()> {
        self.set_deleted("session", id.0, false)
    }

    /// Marks one secretary's attendance at a session (adding or changing the mark).
    pub fn set_attendance(&mut self, session: SessionId, mark: &AttendanceMark) -> Result<()> {
        let reason = if mark.status == AttendanceStatus::Excused {
            mark.reason.trim()
        } else {
            ""
        };
        let updated = self.tx.execute(
            "UPDATE attendance SET status = ?1, reason = ?2, deleted = 0, hlc = ?3, hlc_site = ?4
             WHERE session_id = ?5 AND secretary_id = ?6
               AND (status IS NOT ?1 OR reason IS NOT ?2 OR deleted = 1)",
            params![
                mark.status.index(),
                reason,
                self.hlc,
                self.site,
                session.0,
                mark.secretary_id.0
            ],
        )?;
        if updated == 0 {
            self.tx.execute(
                "INSERT OR IGNORE INTO attendance (uuid, origin_site, hlc, hlc_site, session_id,
                    secretary_id, status, reason)
                 VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6, ?7)",
                params![
                    Self::new_uuid(),
                    self.site,
                    self.hlc,
                    session.0,
                    mark.secretary_id.0,
                    mark.status.index(),
                    reason
                ],
            )?;
        }
        Ok(())
    }

    /// Adds a mark for a secretary not yet marked at this session (bulk loading; an existing
    /// mark is left as it is).
    pub fn insert_attendance(&mut self, session: SessionId, mark: &AttendanceMark) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT OR IGNORE INTO attendance (uuid, origin_site, hlc, hlc_site, session_id,
                    secretary_id, status, reason)
                 VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                Self::new_uuid(),
                self.site,
                self.hlc,
                session.0,
                mark.secretary_id.0,
                mark.status.index(),
                mark.reason.trim()
            ])?;
        Ok(())
    }

    /// Makes the live items of one list equal `texts`, position by position.
    fn sync_items(&mut self, session: SessionId, list: List, texts: &[String]) -> Result<()> {
        let existing: Vec<(i64, i64, String)> = {
            let mut statement = self.tx.prepare_cached(
                "SELECT id, position, text FROM live_session_item
                 WHERE session_id = ?1 AND list = ?2 ORDER BY position, id",
            )?;
            statement
                .query_map(params![session.0, list.code()], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?
                .collect::<rusqlite::Result<_>>()?
        };
        let texts: Vec<&str> = texts
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        for (position, text) in texts.iter().enumerate() {
            let position = position as i64;
            match existing.get(position as usize) {
                Some((_, at, old)) if *at == position && old == text => {}
                Some((id, _, _)) => {
                    self.tx.execute(
                        "UPDATE session_item SET position = ?1, text = ?2, hlc = ?3, hlc_site = ?4 WHERE id = ?5",
                        params![position, text, self.hlc, self.site, id],
                    )?;
                }
                None => {
                    self.tx.execute(
                        "INSERT INTO session_item (uuid, origin_site, hlc, hlc_site, session_id, list, position, text)
                         VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6, ?7)",
                        params![Self::new_uuid(), self.site, self.hlc, session.0, list.code(), position, text],
                    )?;
                }
            }
        }
        for (id, _, _) in existing.iter().skip(texts.len()) {
            self.set_deleted("session_item", *id, true)?;
        }
        Ok(())
    }

    pub(super) fn is_live(&self, table: &str, id: i64) -> Result<bool> {
        Ok(self.tx.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE id = ?1 AND deleted = 0)"),
            [id],
            |r| r.get(0),
        )?)
    }

    /// Sets a record's tombstone; the clock moves with it so the change travels in a merge.
    pub(super) fn set_deleted(&mut self, table: &str, id: i64, deleted: bool) -> Result<()> {
        let changed = self.tx.execute(
            &format!(
                "UPDATE \"{table}\" SET deleted = ?1, hlc = ?2, hlc_site = ?3 WHERE id = ?4 AND deleted IS NOT ?1"
            ),
            params![deleted, self.hlc, self.site, id],
        )?;
        let exists: bool = self.tx.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE id = ?1)"),
            [id],
            |r| r.get(0),
        )?;
        if changed == 0 && !exists {
            return Err(Error::RecordNotFound);
        }
        Ok(())
    }
}

/// A year of the ledger in numbers, for the dashboard.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LedgerYear {
    /// Sessions held in each month (January first).
    pub sessions_per_month: [i64; 12],
    /// Problems raised in each month.
    pub raised_per_month: [i64; 12],
    /// Attendance marks per secretary in the year.
    pub attendance: Vec<(SecretaryId, crate::domain::figures::AttendanceCounts)>,
}

impl Store {
    /// Counts for `period`: sessions and problems raised per month, and each secretary's
    /// attendance (sessions deleted since do not count).
    pub fn ledger_year(&self, period: crate::domain::period::Period) -> Result<LedgerYear> {
        let (start, end) = (
            period.start.format(DAY).to_string(),
            period.end.format(DAY).to_string(),
        );
        Ok(LedgerYear {
            sessions_per_month: self.per_month("live_session", "held_on", &start, &end)?,
            raised_per_month: self.per_month("live_problem", "raised_on", &start, &end)?,
            attendance: self.attendance_counts(period)?,
        })
    }

    /// Rows of `view` per month of the year whose `day_column` lies between `start` and `end`.
    fn per_month(&self, view: &str, day_column: &str, start: &str, end: &str) -> Result<[i64; 12]> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT CAST(substr({day_column}, 6, 2) AS INTEGER), count(*) FROM {view}
             WHERE {day_column} BETWEEN ?1 AND ?2 GROUP BY 1"
        ))?;
        let mut months = [0; 12];
        for row in statement.query_map(params![start, end], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })? {
            let (month, count) = row?;
            if let Some(slot) = usize::try_from(month - 1)
                .ok()
                .and_then(|i| months.get_mut(i))
            {
                *slot += count;
            }
        }
        Ok(months)
    }

    /// Each secretary's attendance marks at the sessions of `period`.
    pub fn attendance_counts(
        &self,
        period: crate::domain::period::Period,
    ) -> Result<Vec<(SecretaryId, crate::domain::figures::AttendanceCounts)>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT a.secretary_id, a.status, count(*)
             FROM live_session s JOIN attendance a ON a.session_id = s.id AND a.deleted = 0
             WHERE s.held_on BETWEEN ?1 AND ?2
             GROUP BY a.secretary_id, a.status ORDER BY a.secretary_id",
        )?;
        let mut counts: Vec<(SecretaryId, crate::domain::figures::AttendanceCounts)> = Vec::new();
        let rows = statement.query_map(
            params![
                period.start.format(DAY).to_string(),
                period.end.format(DAY).to_string()
            ],
            |r| {
                Ok((
                    SecretaryId(r.get(0)?),
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            },
        )?;
        for row in rows {
            let (secretary, status, count) = row?;
            let Some(status) = AttendanceStatus::from_index(status) else {
                continue;
            };
            if counts.last().is_none_or(|(s, _)| *s != secretary) {
                counts.push((
                    secretary,
                    crate::domain::figures::AttendanceCounts::default(),
                ));
            }
            if let Some((_, c)) = counts.last_mut() {
                c.add(status, count);
            }
        }
        Ok(counts)
    }
}

impl Store {
    /// Every attendance mark at the sessions of `period` (or of all time): (session,
    /// secretary, status), session by session.
    pub fn attendance_marks(
        &self,
        period: Option<crate::domain::period::Period>,
    ) -> Result<Vec<(SessionId, SecretaryId, AttendanceStatus)>> {
        let (start, end) = period.map_or_else(
            || ("0000-01-01".to_owned(), "9999-12-31".to_owned()),
            |p| {
                (
                    p.start.format(DAY).to_string(),
                    p.end.format(DAY).to_string(),
                )
            },
        );
        let mut statement = self.conn.prepare_cached(
            "SELECT a.session_id, a.secretary_id, a.status
             FROM live_session s JOIN attendance a ON a.session_id = s.id AND a.deleted = 0
             WHERE s.held_on BETWEEN ?1 AND ?2 ORDER BY s.held_on, s.id",
        )?;
        let marks = statement
            .query_map(params![start, end], |r| {
                Ok((
                    SessionId(r.get(0)?),
                    SecretaryId(r.get(1)?),
                    stored("attendance.status", &r.get::<_, i64>(2)?, |n| {
                        AttendanceStatus::from_index(*n)
                    })?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(marks)
    }
}

/// One session in a secretary's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendedSession {
    /// The session.
    pub session: SessionId,
    /// When.
    pub held_on: NaiveDate,
    /// Its topic.
    pub topic: String,
    /// How the secretary was marked.
    pub status: AttendanceStatus,
}

impl Store {
    /// The sessions a secretary was marked at, newest first.
    pub fn secretary_sessions(&self, secretary: SecretaryId) -> Result<Vec<AttendedSession>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT s.id, s.held_on, s.topic, a.status
             FROM attendance a JOIN live_session s ON s.id = a.session_id
             WHERE a.secretary_id = ?1 AND a.deleted = 0
             ORDER BY s.held_on DESC, s.id DESC",
        )?;
        let sessions = statement
            .query_map([secretary.0], |r| {
                Ok(AttendedSession {
                    session: SessionId(r.get(0)?),
                    held_on: day(&r.get::<_, String>(1)?)?,
                    topic: r.get(2)?,
                    status: stored("attendance.status", &r.get::<_, i64>(3)?, |n| {
                        AttendanceStatus::from_index(*n)
                    })?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(sessions)
    }
}

/// `20261120-a3f9`: the day without dashes, and the last two bytes of the identity in hex.
fn session_code(held_on: &str, uuid: &[u8]) -> String {
    let tail = match uuid {
        [.., a, b] => format!("{a:02x}{b:02x}"),
        _ => String::new(),
    };
    format!("{}-{tail}", held_on.replace('-', ""))
}
