//! The learning plan, study topics and each secretary's learning record.

use crate::domain::learning::{LearningRecordLine, PlanItem, PlanItemId, StudyKind};
use crate::domain::{SecretaryId, SessionId};
use crate::store::stored;
use crate::store::{Result, Store, Writer, day};
use chrono::NaiveDate;

impl Store {
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
                        kind: stored(
                            "plan_item.kind",
                            r.get::<_, String>(4)?.as_str(),
                            StudyKind::from_code,
                        )?,
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
                    kind: stored(
                        "plan_item.kind",
                        r.get::<_, String>(3)?.as_str(),
                        StudyKind::from_code,
                    )?,
                    duration_min: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(lines)
    }
}

impl Writer<'_> {
    /// Adds an item to a year's learning plan.
    pub fn add_plan_item(
        &mut self,
        year: i32,
        month: u32,
        title: &str,
        kind: StudyKind,
    ) -> Result<PlanItemId> {
        Ok(PlanItemId(self.insert_record(
            "plan_item",
            &[
                ("year", &year),
                ("month", &month),
                ("title", &title.trim()),
                ("kind", &kind.code()),
            ],
        )?))
    }

    /// Changes a plan item.
    pub fn update_plan_item(
        &mut self,
        id: PlanItemId,
        month: u32,
        title: &str,
        kind: StudyKind,
    ) -> Result<()> {
        let changed = self.update_record(
            "plan_item",
            id.0,
            &[
                ("month", &month),
                ("title", &title.trim()),
                ("kind", &kind.code()),
            ],
        )?;
        self.changed_or_missing(changed, "plan_item", id.0)
    }
}
