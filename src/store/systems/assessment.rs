//! The comparison: criteria, hand-entered scores, the facts computed scores come from, and
//! the assessment of a period.

use super::{LATEST_DAY, LATEST_STATE, bounds, day_text};
use crate::domain::assessment::{
    Assessment, Criterion, CriterionId, CriterionPart, CriterionSource, ManualScore,
    SecretaryFacts, assess,
};
use crate::domain::period::Period;
use crate::domain::{ProblemId, SecretaryId};
use crate::store::stored;
use crate::store::{Result, Store, Writer, day};
use chrono::NaiveDate;
use rusqlite::params;
use std::collections::HashMap;

/// A problem resolved with a helper: the helper, the day, the problem, its title, and
/// whether it was resolved after its deadline.
type Resolution = (SecretaryId, NaiveDate, ProblemId, String, bool);

impl Store {
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
                    part: stored(
                        "criterion.part",
                        r.get::<_, String>(2)?.as_str(),
                        CriterionPart::from_code,
                    )?,
                    max_score: r.get(3)?,
                    source: stored(
                        "criterion.source",
                        r.get::<_, String>(4)?.as_str(),
                        CriterionSource::from_code,
                    )?,
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
        for (secretary, _, _, _, _) in self.resolved_as_helper(&start, &end)? {
            facts.entry(secretary).or_default().problems_resolved += 1;
        }
        for (secretary, count) in self.tasks_on_time_facts(period.start, period.end)? {
            facts.entry(secretary).or_default().tasks_on_time = count;
        }
        let today = chrono::Local::now().date_naive();
        for (secretary, planned, on_time) in self.theme_day_facts(&start, &end, today)? {
            facts.entry(secretary).or_default().theme_days = (planned, on_time);
        }
        // The latest appraisal of the period's years (a half-year one counts for its year).
        let rule = self.appraisal_rule()?;
        let years = chrono::Datelike::year(&period.start)..=chrono::Datelike::year(&period.end);
        let mut appraisals = self.appraisals(None)?;
        appraisals.retain(|a| years.contains(&a.fields.year));
        for appraisal in appraisals.iter().rev() {
            facts
                .entry(appraisal.fields.secretary)
                .or_default()
                .appraisal = appraisal.fields.grade(rule);
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
    pub(super) fn resolved_as_helper(&self, start: &str, end: &str) -> Result<Vec<Resolution>> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT helper_id, resolved_on, id, title, resolved_on > deadline FROM (
                SELECT p.helper_id, p.id, p.title, p.deadline, {LATEST_STATE} AS state,
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
                    // Resolved after its deadline (逾期办结); no deadline is never late.
                    r.get::<_, Option<bool>>(4)?.unwrap_or(false),
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
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
}

impl Writer<'_> {
    /// Changes a criterion's name, maximum and yearly target (its part and source stay).
    pub fn update_criterion(
        &mut self,
        id: CriterionId,
        name: &str,
        max_score: f64,
        target_per_year: f64,
    ) -> Result<()> {
        let changed = self.update_record(
            "criterion",
            id.0,
            &[
                ("name", &name.trim()),
                ("max_score", &max_score),
                ("target_per_year", &target_per_year),
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
        // Last in the sheet.
        let position: i64 = self.tx.query_row(
            "SELECT coalesce(max(position), 0) + 1 FROM criterion",
            [],
            |r| r.get(0),
        )?;
        Ok(CriterionId(self.insert_record(
            "criterion",
            &[
                ("position", &position),
                ("name", &name.trim()),
                ("part", &part.code()),
                ("max_score", &max_score),
                ("source", &source.code()),
                ("target_per_year", &target_per_year),
            ],
        )?))
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
}
