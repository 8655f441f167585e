//! Problems and their histories: every change of state is an event record, and a problem
//! stands where its latest event says.

use super::{DAY, Error, Result, Store, Writer, day};
use crate::domain::base::BaseId;
use crate::domain::pairing::PairingId;
use crate::domain::problem::{
    ProblemCategory, ProblemEvent, ProblemFields, ProblemState, ProblemSummary,
};
use crate::domain::{BranchId, ProblemId, SecretaryId, SessionId};
use crate::store::{Columns, stored};
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row};

/// The problem's columns with its latest event; one place so every list agrees.
const PROBLEM_SELECT: &str = "
    SELECT p.id, p.title, p.description, p.category, p.branch_id, p.raised_by, p.session_id,
           p.raised_on, p.responsible, p.helper_id, p.deadline,
           coalesce(e.state, 'raised'), coalesce(e.happened_on, p.raised_on),
           CASE WHEN e.state = 'resolved' THEN e.note ELSE '' END, p.pairing_id, p.base_id
    FROM live_problem p
    LEFT JOIN (
        SELECT problem_id, state, happened_on, note,
               row_number() OVER (PARTITION BY problem_id ORDER BY happened_on DESC, hlc DESC, id DESC) AS latest
        FROM live_problem_event
    ) e ON e.problem_id = p.id AND e.latest = 1";

/// The same columns for a few problems: each one's latest event looked up by its index. (The
/// window above ranks every event of the file: right for the whole list, 0.4 s on a county
/// file for the two problems of one session.)
const FEW_PROBLEMS_SELECT: &str = "
    SELECT p.id, p.title, p.description, p.category, p.branch_id, p.raised_by, p.session_id,
           p.raised_on, p.responsible, p.helper_id, p.deadline,
           coalesce(e.state, 'raised'), coalesce(e.happened_on, p.raised_on),
           CASE WHEN e.state = 'resolved' THEN e.note ELSE '' END, p.pairing_id, p.base_id
    FROM live_problem p
    LEFT JOIN problem_event e ON e.id = (
        SELECT x.id FROM problem_event x WHERE x.problem_id = p.id AND x.deleted = 0
        ORDER BY x.happened_on DESC, x.hlc DESC, x.id DESC LIMIT 1)";

fn problem_summary(row: &Row<'_>) -> rusqlite::Result<ProblemSummary> {
    let category: String = row.get(3)?;
    let state: String = row.get(11)?;
    let deadline: Option<String> = row.get(10)?;
    Ok(ProblemSummary {
        id: ProblemId(row.get(0)?),
        fields: ProblemFields {
            title: row.get(1)?,
            description: row.get(2)?,
            category: stored(
                "problem.category",
                category.as_str(),
                ProblemCategory::from_code,
            )?,
            branch_id: row.get::<_, Option<i64>>(4)?.map(BranchId),
            raised_by: row.get::<_, Option<i64>>(5)?.map(SecretaryId),
            session_id: row.get::<_, Option<i64>>(6)?.map(SessionId),
            raised_on: day(&row.get::<_, String>(7)?)?,
            responsible: row.get(8)?,
            helper_id: row.get::<_, Option<i64>>(9)?.map(SecretaryId),
            deadline: deadline.as_deref().map(day).transpose()?,
            pairing_id: row.get::<_, Option<i64>>(14)?.map(PairingId),
            base_id: row.get::<_, Option<i64>>(15)?.map(BaseId),
        },
        state: stored(
            "problem_event.state",
            state.as_str(),
            ProblemState::from_code,
        )?,
        changed_on: day(&row.get::<_, String>(12)?)?,
        resolution: row.get(13)?,
    })
}

/// One entry of a problem's history, with the session it was followed up at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// The event.
    pub event: ProblemEvent,
    /// The session where it happened, if any.
    pub session_id: Option<SessionId>,
}

impl Store {
    /// The newest `limit` problems as (id, title), for a drop-down list.
    pub fn recent_problems(&self, limit: i64) -> Result<Vec<(ProblemId, String)>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, title FROM live_problem ORDER BY raised_on DESC, id DESC LIMIT ?1",
        )?;
        let problems = statement
            .query_map([limit], |r| Ok((ProblemId(r.get(0)?), r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(problems)
    }

    /// Every problem not deleted, with where it stands, newest first.
    pub fn problems(&self) -> Result<Vec<ProblemSummary>> {
        let mut statement = self.conn.prepare_cached(&format!(
            "{PROBLEM_SELECT} ORDER BY p.raised_on DESC, p.id DESC"
        ))?;
        let problems = statement
            .query_map([], problem_summary)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(problems)
    }

    /// One problem, or `None` if deleted or unknown.
    pub fn problem(&self, id: ProblemId) -> Result<Option<ProblemSummary>> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("{FEW_PROBLEMS_SELECT} WHERE p.id = ?1"))?;
        Ok(statement.query_row([id.0], problem_summary).optional()?)
    }

    /// Problems raised at a session.
    pub fn problems_raised_at(&self, session: SessionId) -> Result<Vec<ProblemSummary>> {
        self.problems_where("p.session_id = ?1", session.0)
    }

    /// Problems hanging on an industry demonstration base.
    pub fn problems_of_base(
        &self,
        base: crate::domain::base::BaseId,
    ) -> Result<Vec<ProblemSummary>> {
        self.problems_where("p.base_id = ?1", base.0)
    }

    /// Problems a secretary raised or helps with.
    pub fn problems_of_secretary(&self, secretary: SecretaryId) -> Result<Vec<ProblemSummary>> {
        self.problems_where("(p.raised_by = ?1 OR p.helper_id = ?1)", secretary.0)
    }

    /// Problems matching `condition` (on `p`, with one parameter), newest first.
    fn problems_where(&self, condition: &str, parameter: i64) -> Result<Vec<ProblemSummary>> {
        let mut statement = self.conn.prepare_cached(&format!(
            "{FEW_PROBLEMS_SELECT} WHERE {condition} ORDER BY p.raised_on DESC, p.id DESC"
        ))?;
        let problems = statement
            .query_map([parameter], problem_summary)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(problems)
    }

    /// Problems followed up at a session (a change of state recorded there).
    pub fn problems_followed_at(&self, session: SessionId) -> Result<Vec<ProblemSummary>> {
        self.problems_where(
            "p.id IN (SELECT problem_id FROM live_problem_event WHERE session_id = ?1 AND state != 'raised')",
            session.0,
        )
    }

    /// The most recent sessions (date and topic), for choosing where a problem was followed up.
    pub fn recent_sessions(&self, limit: usize) -> Result<Vec<(SessionId, NaiveDate, String)>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, held_on, topic FROM live_session ORDER BY held_on DESC, id DESC LIMIT ?1",
        )?;
        let sessions = statement
            .query_map([limit as i64], |r| {
                Ok((
                    SessionId(r.get(0)?),
                    day(&r.get::<_, String>(1)?)?,
                    r.get(2)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(sessions)
    }

    /// A problem's history, oldest first.
    pub fn problem_history(&self, id: ProblemId) -> Result<Vec<HistoryEntry>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT happened_on, state, hlc, actor, note, session_id FROM live_problem_event
             WHERE problem_id = ?1 ORDER BY happened_on, hlc, id",
        )?;
        let history = statement
            .query_map([id.0], |r| {
                let state: String = r.get(1)?;
                Ok(HistoryEntry {
                    event: ProblemEvent {
                        date: day(&r.get::<_, String>(0)?)?,
                        state: stored(
                            "problem_event.state",
                            state.as_str(),
                            ProblemState::from_code,
                        )?,
                        clock: r.get(2)?,
                        actor: r.get(3)?,
                        note: r.get(4)?,
                    },
                    session_id: r.get::<_, Option<i64>>(5)?.map(SessionId),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(history)
    }
}

/// A problem's own columns, as stored (text trimmed), for `then` to write.
fn problem_columns<R>(fields: &ProblemFields, then: impl FnOnce(&Columns<'_>) -> R) -> R {
    let (title, description) = (fields.title.trim(), fields.description.trim());
    let responsible = fields.responsible.trim();
    let category = fields.category.code();
    let branch = fields.branch_id.map(|b| b.0);
    let (raised_by, helper) = (fields.raised_by.map(|s| s.0), fields.helper_id.map(|s| s.0));
    let session = fields.session_id.map(|s| s.0);
    let raised_on = fields.raised_on.format(DAY).to_string();
    let deadline = fields.deadline.map(|d| d.format(DAY).to_string());
    let pairing = fields.pairing_id.map(|p| p.0);
    let base = fields.base_id.map(|b| b.0);
    then(&[
        ("title", &title),
        ("description", &description),
        ("category", &category),
        ("branch_id", &branch),
        ("raised_by", &raised_by),
        ("session_id", &session),
        ("raised_on", &raised_on),
        ("responsible", &responsible),
        ("helper_id", &helper),
        ("deadline", &deadline),
        ("pairing_id", &pairing),
        ("base_id", &base),
    ])
}

impl Writer<'_> {
    /// Adds a problem and the event of its raising (by `actor`, on its raising day).
    pub fn add_problem(&mut self, fields: &ProblemFields, actor: &str) -> Result<ProblemId> {
        let id = ProblemId(problem_columns(fields, |columns| {
            self.insert_record("problem", columns)
        })?);
        // Who raised it, when no one else is named.
        let raiser: String = match (actor.trim(), fields.raised_by) {
            ("", Some(secretary)) => self
                .tx
                .query_row(
                    "SELECT name FROM secretary WHERE id = ?1",
                    [secretary.0],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or_default(),
            (actor, _) => actor.to_owned(),
        };
        let actor = raiser.as_str();
        self.record_problem_event(
            id,
            ProblemState::Raised,
            fields.raised_on,
            actor,
            "",
            fields.session_id,
        )?;
        Ok(id)
    }

    /// Replaces a problem's fields (not its state: that changes by events).
    pub fn update_problem(&mut self, id: ProblemId, fields: &ProblemFields) -> Result<()> {
        let changed = problem_columns(fields, |columns| {
            self.update_record("problem", id.0, columns)
        })?;
        if changed == 0 && !self.is_live("problem", id.0)? {
            return Err(Error::RecordNotFound);
        }
        Ok(())
    }

    /// Records a change of state: an event with its date, who made it and a note (for a
    /// resolution, the resolution), possibly at a session where the problem was followed up.
    pub fn record_problem_event(
        &mut self,
        problem: ProblemId,
        state: ProblemState,
        date: NaiveDate,
        actor: &str,
        note: &str,
        session: Option<SessionId>,
    ) -> Result<()> {
        if !self.is_live("problem", problem.0)? {
            return Err(Error::RecordNotFound);
        }
        self.insert_record(
            "problem_event",
            &[
                ("problem_id", &problem.0),
                ("happened_on", &date.format(DAY).to_string()),
                ("state", &state.code()),
                ("actor", &actor.trim()),
                ("note", &note.trim()),
                ("session_id", &session.map(|s| s.0)),
            ],
        )?;
        Ok(())
    }

    /// Deletes a problem (a tombstone: [`Writer::restore_problem`] undoes it).
    pub fn delete_problem(&mut self, id: ProblemId) -> Result<()> {
        self.set_deleted("problem", id.0, true)
    }

    /// Brings a deleted problem back.
    pub fn restore_problem(&mut self, id: ProblemId) -> Result<()> {
        self.set_deleted("problem", id.0, false)
    }
}
