//! Points: the rules, the facts points are derived from, awards, honours and the ledger.

use super::{bounds, day_text};
use crate::domain::period::Period;
use crate::domain::points::{
    Award, AwardId, Honour, HonourId, HonourKind, NoteId, PointsEvent, PointsFact, PointsLine,
    PointsRules, PointsSource, derive_ledger,
};
use crate::domain::session::AttendanceStatus;
use crate::domain::{ProblemId, SecretaryId, SessionId};
use crate::store::stored;
use crate::store::{Result, Store, Writer, day};
use chrono::NaiveDate;
use rusqlite::params;

impl Store {
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
        for (helper, on, problem, title, late) in self.resolved_as_helper(&start, &end)? {
            facts.push(fact(
                helper.0,
                on,
                if late {
                    PointsEvent::ResolvedLateAsHelper
                } else {
                    PointsEvent::ResolvedAsHelper
                },
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
                    kind: stored(
                        "honour.kind",
                        r.get::<_, String>(3)?.as_str(),
                        HonourKind::from_code,
                    )?,
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

    /// The points ledger of a period (or of all time), newest first.
    pub fn points_ledger(&self, period: Option<Period>) -> Result<Vec<PointsLine>> {
        Ok(derive_ledger(
            &self.points_rules()?,
            self.points_facts(period)?,
        ))
    }
}

impl Writer<'_> {
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
        Ok(AwardId(self.insert_record(
            "points_award",
            &[
                ("secretary_id", &secretary.0),
                ("awarded_on", &day_text(on)),
                ("points", &points),
                ("reason", &reason.trim()),
            ],
        )?))
    }

    /// Adds a commendation or criticism.
    pub fn add_honour(
        &mut self,
        secretary: SecretaryId,
        on: NaiveDate,
        kind: HonourKind,
        reason: &str,
    ) -> Result<HonourId> {
        Ok(HonourId(self.insert_record(
            "honour",
            &[
                ("secretary_id", &secretary.0),
                ("awarded_on", &day_text(on)),
                ("kind", &kind.code()),
                ("reason", &reason.trim()),
            ],
        )?))
    }
}
