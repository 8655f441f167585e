//! The town's revival and discipline in the file: industry demonstration bases (with the
//! branches taking part, figures by year and milestones), the officials with their duties and
//! tasks, village decisions through the six steps of 四议两公开, and the calendar of what is
//! due, gathered from every record that has a day. Every change is checked by the same domain
//! rule the form uses, so a bad value is refused here too and nothing is saved half.

use super::{DAY, Error, Refusal, Result, Store, Writer, day, stored};
use crate::domain::base::{
    Base, BaseFields, BaseFigures, BaseId, Milestone, MilestoneFields, MilestoneId,
};
use crate::domain::calendar::{self, DueItem, DueKind, DueTarget};
use crate::domain::decision::{Decision, DecisionFields, DecisionId, Step, StepRecord, check_step};
use crate::domain::lifecycle::check_state_change;
use crate::domain::pairing::PairingId;
use crate::domain::problem::ProblemSummary;
use crate::domain::task::{
    Official, OfficialFields, OfficialId, Owner, Task, TaskEvent, TaskFields, TaskId, TaskState,
};
use crate::domain::{BranchId, ProblemId, SecretaryId, SessionId};
use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, Row, params};
use std::collections::HashMap;

#[cfg(test)]
mod tests;

fn day_text(day: NaiveDate) -> String {
    day.format(DAY).to_string()
}

#[allow(clippy::needless_pass_by_value)] // read straight from a row
fn optional_day(text: Option<String>) -> rusqlite::Result<Option<NaiveDate>> {
    text.as_deref().map(day).transpose()
}

/// What hangs on a base, for its page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BaseLinks {
    /// Its problems, open ones first.
    pub problems: Vec<ProblemSummary>,
    /// Its pairings: key and the two secretaries' names.
    pub pairings: Vec<(PairingId, String)>,
    /// Its sessions (observation visits): key, day, topic.
    pub sessions: Vec<(SessionId, NaiveDate, String)>,
    /// Its tasks.
    pub tasks: Vec<Task>,
}

/// A base's counts, for the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BaseCounts {
    /// Problems on it.
    pub problems: i64,
    /// Of those, still open.
    pub open_problems: i64,
    /// Sessions on it.
    pub sessions: i64,
    /// Pairings on it.
    pub pairings: i64,
    /// Photos of it.
    pub pictures: i64,
    /// Its tasks still open.
    pub open_tasks: i64,
}

/// A task's columns with its latest event, in one place so every list agrees.
const TASK_SELECT: &str = "
    SELECT t.id, t.title, t.description, t.secretary_id, t.official_id, t.branch_id, t.base_id,
           t.assigned_on, t.deadline, coalesce(e.state, 'not_started'),
           coalesce(e.happened_on, t.assigned_on), coalesce(e.note, '')
    FROM live_task t
    LEFT JOIN (
        SELECT task_id, state, happened_on, note,
               row_number() OVER (PARTITION BY task_id ORDER BY happened_on DESC, hlc DESC, id DESC) AS latest
        FROM live_task_event
    ) e ON e.task_id = t.id AND e.latest = 1";

fn task_row(r: &Row<'_>) -> rusqlite::Result<Task> {
    let owner = match (r.get::<_, Option<i64>>(3)?, r.get::<_, Option<i64>>(4)?) {
        (Some(secretary), _) => Owner::Secretary(SecretaryId(secretary)),
        (None, Some(official)) => Owner::Official(OfficialId(official)),
        (None, None) => {
            return Err(rusqlite::Error::FromSqlConversionFailure(
                3,
                rusqlite::types::Type::Null,
                "task without an owner".into(),
            ));
        }
    };
    let state: String = r.get(9)?;
    Ok(Task {
        id: TaskId(r.get(0)?),
        fields: TaskFields {
            title: r.get(1)?,
            description: r.get(2)?,
            owner,
            branch_id: r.get::<_, Option<i64>>(5)?.map(BranchId),
            base_id: r.get::<_, Option<i64>>(6)?.map(BaseId),
            assigned_on: day(&r.get::<_, String>(7)?)?,
            deadline: optional_day(r.get(8)?)?,
        },
        state: stored("task_event.state", state.as_str(), TaskState::from_code)?,
        changed_on: day(&r.get::<_, String>(10)?)?,
        last_note: r.get(11)?,
    })
}

impl Store {
    /// The bases by name, archived ones too, each with the branches taking part.
    pub fn bases(&self) -> Result<Vec<Base>> {
        self.bases_where("1")
    }

    /// One base.
    pub fn base(&self, id: BaseId) -> Result<Option<Base>> {
        Ok(self
            .bases_where(&format!("b.id = {}", id.0))?
            .into_iter()
            .next())
    }

    fn bases_where(&self, condition: &str) -> Result<Vec<Base>> {
        let mut branches: HashMap<i64, Vec<BranchId>> = HashMap::new();
        let mut statement = self.conn.prepare_cached(
            "SELECT x.base_id, x.branch_id FROM live_base_branch x
             JOIN branch r ON r.id = x.branch_id ORDER BY x.base_id, r.name",
        )?;
        for row in statement.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))? {
            let (base, branch) = row?;
            branches.entry(base).or_default().push(BranchId(branch));
        }
        let mut statement = self.conn.prepare(&format!(
            "SELECT b.id, b.name, b.industry, b.lead_branch_id, b.secretary_id, b.started_on,
                    b.notes, b.archived
             FROM live_base b WHERE {condition} ORDER BY b.archived, b.name, b.id"
        ))?;
        let bases = statement
            .query_map([], |r| {
                let id: i64 = r.get(0)?;
                Ok(Base {
                    id: BaseId(id),
                    fields: BaseFields {
                        name: r.get(1)?,
                        industry: r.get(2)?,
                        lead_branch_id: r.get::<_, Option<i64>>(3)?.map(BranchId),
                        branches: branches.remove(&id).unwrap_or_default(),
                        secretary_id: r.get::<_, Option<i64>>(4)?.map(SecretaryId),
                        started_on: optional_day(r.get(5)?)?,
                        notes: r.get(6)?,
                        archived: r.get(7)?,
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(bases)
    }

    /// The industries in use, for the list offered.
    pub fn industries(&self) -> Result<Vec<String>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT DISTINCT industry FROM live_base WHERE industry <> '' ORDER BY industry",
        )?;
        let in_use: Vec<String> = statement
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(crate::domain::base::industries(
            in_use.iter().map(String::as_str),
        ))
    }

    /// A base's figures, by year.
    pub fn base_figures(&self, base: BaseId) -> Result<Vec<BaseFigures>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT year, area_mu, households, jobs, output_value, income FROM live_base_figure
             WHERE base_id = ?1 ORDER BY year",
        )?;
        let figures = statement
            .query_map([base.0], |r| {
                Ok(BaseFigures {
                    year: r.get(0)?,
                    area_mu: r.get(1)?,
                    households: r.get(2)?,
                    jobs: r.get(3)?,
                    output_value: r.get(4)?,
                    income: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(figures)
    }

    /// Every base's figures of `year`.
    pub fn figures_of_year(&self, year: i32) -> Result<HashMap<BaseId, BaseFigures>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT base_id, year, area_mu, households, jobs, output_value, income
             FROM live_base_figure WHERE year = ?1",
        )?;
        let figures = statement
            .query_map([year], |r| {
                Ok((
                    BaseId(r.get(0)?),
                    BaseFigures {
                        year: r.get(1)?,
                        area_mu: r.get(2)?,
                        households: r.get(3)?,
                        jobs: r.get(4)?,
                        output_value: r.get(5)?,
                        income: r.get(6)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(figures)
    }

    /// The milestones of `base` (of every base when `None`), by day planned.
    pub fn milestones(&self, base: Option<BaseId>) -> Result<Vec<Milestone>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT m.id, m.base_id, m.title, m.planned_on, m.done_on FROM live_base_milestone m
             JOIN live_base b ON b.id = m.base_id
             WHERE ?1 IS NULL OR m.base_id = ?1
             ORDER BY m.base_id, coalesce(m.planned_on, m.done_on, '9999'), m.id",
        )?;
        let milestones = statement
            .query_map([base.map(|b| b.0)], |r| {
                Ok(Milestone {
                    id: MilestoneId(r.get(0)?),
                    base_id: BaseId(r.get(1)?),
                    fields: MilestoneFields {
                        title: r.get(2)?,
                        planned_on: optional_day(r.get(3)?)?,
                        done_on: optional_day(r.get(4)?)?,
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(milestones)
    }

    /// What hangs on a base: problems (open first), pairings, sessions and tasks.
    pub fn base_links(&self, base: BaseId, today: NaiveDate) -> Result<BaseLinks> {
        // The base's own, each with its latest event looked up by index (not the whole
        // ledger's history ranked, 0.2 s on a county file).
        let mut problems = self.problems_of_base(base)?;
        problems.sort_by_key(|p| (!p.state.is_open(), std::cmp::Reverse(p.fields.raised_on)));
        let mut statement = self.conn.prepare_cached(
            "SELECT p.id, s.name || ' → ' || w.name FROM live_pairing p
             JOIN secretary s ON s.id = p.strong_id JOIN secretary w ON w.id = p.weak_id
             WHERE p.base_id = ?1 ORDER BY p.starts_on DESC",
        )?;
        let pairings = statement
            .query_map([base.0], |r| Ok((PairingId(r.get(0)?), r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut statement = self.conn.prepare_cached(
            "SELECT id, held_on, topic FROM live_session WHERE base_id = ?1
             ORDER BY held_on DESC, id DESC",
        )?;
        let sessions = statement
            .query_map([base.0], |r| {
                Ok((
                    SessionId(r.get(0)?),
                    day(&r.get::<_, String>(1)?)?,
                    r.get(2)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut statement = self
            .conn
            .prepare_cached(&format!("{TASK_SELECT} WHERE t.base_id = ?1"))?;
        let mut tasks: Vec<Task> = statement
            .query_map([base.0], task_row)?
            .collect::<rusqlite::Result<_>>()?;
        tasks.sort_by_key(|t| {
            (
                t.state == TaskState::Done,
                !t.overdue(today),
                t.fields.deadline,
            )
        });
        Ok(BaseLinks {
            problems,
            pairings,
            sessions,
            tasks,
        })
    }

    /// Each base's counts, for the overview.
    pub fn base_counts(&self) -> Result<HashMap<BaseId, BaseCounts>> {
        let mut counts: HashMap<BaseId, BaseCounts> = HashMap::new();
        let mut statement = self.conn.prepare_cached(
            "SELECT p.base_id, count(*), sum((SELECT e.state FROM live_problem_event e
                    WHERE e.problem_id = p.id
                    ORDER BY e.happened_on DESC, e.hlc DESC, e.id DESC LIMIT 1) IS NOT 'resolved')
             FROM live_problem p WHERE p.base_id IS NOT NULL GROUP BY p.base_id",
        )?;
        for row in statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
            let (base, all, open): (i64, i64, i64) = row?;
            let entry = counts.entry(BaseId(base)).or_default();
            entry.problems = all;
            entry.open_problems = open;
        }
        for (table, slot) in [
            ("live_session", 0),
            ("live_pairing", 1),
            ("live_picture", 2),
        ] {
            let mut statement = self.conn.prepare_cached(&format!(
                "SELECT base_id, count(*) FROM {table} WHERE base_id IS NOT NULL GROUP BY base_id"
            ))?;
            for row in statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
                let (base, count): (i64, i64) = row?;
                let entry = counts.entry(BaseId(base)).or_default();
                match slot {
                    0 => entry.sessions = count,
                    1 => entry.pairings = count,
                    _ => entry.pictures = count,
                }
            }
        }
        for task in self.tasks()? {
            if let Some(base) = task.fields.base_id
                && task.state != TaskState::Done
            {
                counts.entry(base).or_default().open_tasks += 1;
            }
        }
        Ok(counts)
    }

    /// The officials in their order (those who left too).
    pub fn officials(&self) -> Result<Vec<Official>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, name, post, secretary_id, duties, archived FROM live_official
             ORDER BY archived, position, id",
        )?;
        let officials = statement
            .query_map([], |r| {
                Ok(Official {
                    id: OfficialId(r.get(0)?),
                    fields: OfficialFields {
                        name: r.get(1)?,
                        post: r.get(2)?,
                        secretary_id: r.get::<_, Option<i64>>(3)?.map(SecretaryId),
                        duties: r.get(4)?,
                        archived: r.get(5)?,
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(officials)
    }

    /// Every task with where it stands, by deadline (none last), then as given.
    pub fn tasks(&self) -> Result<Vec<Task>> {
        let mut statement = self.conn.prepare_cached(&format!(
            "{TASK_SELECT} ORDER BY t.deadline IS NULL, t.deadline, t.assigned_on, t.id"
        ))?;
        let tasks = statement
            .query_map([], task_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(tasks)
    }

    /// One task.
    pub fn task(&self, id: TaskId) -> Result<Option<Task>> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("{TASK_SELECT} WHERE t.id = ?1"))?;
        Ok(statement.query_row([id.0], task_row).optional()?)
    }

    /// A task's progress notes, oldest first.
    pub fn task_history(&self, id: TaskId) -> Result<Vec<TaskEvent>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT happened_on, state, hlc, actor, note FROM live_task_event WHERE task_id = ?1
             ORDER BY happened_on, hlc, id",
        )?;
        let history = statement
            .query_map([id.0], |r| {
                let state: String = r.get(1)?;
                Ok(TaskEvent {
                    date: day(&r.get::<_, String>(0)?)?,
                    state: stored("task_event.state", state.as_str(), TaskState::from_code)?,
                    clock: r.get(2)?,
                    actor: r.get(3)?,
                    note: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(history)
    }

    /// The name of a task's owner (the official's, or the secretary's).
    pub fn owner_names(&self) -> Result<HashMap<Owner, String>> {
        let mut names = HashMap::new();
        let mut statement = self.conn.prepare_cached("SELECT id, name FROM official")?;
        for row in statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (id, name): (i64, String) = row?;
            names.insert(Owner::Official(OfficialId(id)), name);
        }
        let mut statement = self.conn.prepare_cached("SELECT id, name FROM secretary")?;
        for row in statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (id, name): (i64, String) = row?;
            names.insert(Owner::Secretary(SecretaryId(id)), name);
        }
        Ok(names)
    }

    /// Every decision with its steps, latest first.
    pub fn decisions(&self) -> Result<Vec<Decision>> {
        self.decisions_where("1")
    }

    /// One decision.
    pub fn decision(&self, id: DecisionId) -> Result<Option<Decision>> {
        Ok(self
            .decisions_where(&format!("d.id = {}", id.0))?
            .into_iter()
            .next())
    }

    fn decisions_where(&self, condition: &str) -> Result<Vec<Decision>> {
        let mut steps: HashMap<i64, [Option<StepRecord>; 6]> = HashMap::new();
        let mut statement = self.conn.prepare(&format!(
            "SELECT s.decision_id, s.step, s.held_on, s.expected, s.present, s.note
             FROM live_decision_step s JOIN live_decision d ON d.id = s.decision_id
             WHERE {condition}"
        ))?;
        for row in statement.query_map([], |r| {
            let step: String = r.get(1)?;
            Ok((
                r.get::<_, i64>(0)?,
                stored("decision_step.step", step.as_str(), Step::from_code)?,
                StepRecord {
                    held_on: Some(day(&r.get::<_, String>(2)?)?),
                    expected: r.get(3)?,
                    present: r.get(4)?,
                    note: r.get(5)?,
                },
            ))
        })? {
            let (decision, step, record) = row?;
            steps.entry(decision).or_default()[step.index()] = Some(record);
        }
        let mut statement = self.conn.prepare(&format!(
            "SELECT d.id, d.branch_id, d.title, d.content FROM live_decision d WHERE {condition}
             ORDER BY (SELECT max(s.held_on) FROM live_decision_step s
                       WHERE s.decision_id = d.id) DESC, d.id DESC"
        ))?;
        let decisions = statement
            .query_map([], |r| {
                let id: i64 = r.get(0)?;
                Ok(Decision {
                    id: DecisionId(id),
                    fields: DecisionFields {
                        branch_id: BranchId(r.get(1)?),
                        title: r.get(2)?,
                        content: r.get(3)?,
                    },
                    steps: steps.remove(&id).unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(decisions)
    }

    /// How often a pairing should be visited, in days: the days without a visit after which
    /// the 帮扶 board flags it, so the board and the calendar agree.
    pub fn visit_every_days(&self) -> Result<i64> {
        self.stale_days()
    }

    /// What is due from the lookback to `days` ahead of `today`, overdue first.
    pub fn due(&self, today: NaiveDate, days: i64) -> Result<Vec<DueItem>> {
        let (from, to) = calendar::window(today, days);
        self.due_between(from, to, today)
    }

    /// What is open and due between `from` and `to` (both included), in the calendar's order.
    pub fn due_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<DueItem>> {
        let (from_text, to_text, today_text) = (day_text(from), day_text(to), day_text(today));
        let mut items = Vec::new();
        // Sessions ahead, and those gone by without their attendance.
        self.due_rows(
            &mut items,
            "SELECT s.id, s.held_on, s.topic, coalesce(a.name, '') FROM live_session s
             LEFT JOIN area a ON a.id = s.area_id
             WHERE s.held_on BETWEEN ?1 AND ?2
               AND (s.held_on >= ?3 OR NOT EXISTS (
                    SELECT 1 FROM live_attendance x WHERE x.session_id = s.id))",
            params![from_text, to_text, today_text],
            DueKind::Session,
            |id| DueTarget::Session(SessionId(id)),
        )?;
        // Theme party days planned and not recorded, one item per day with its branches.
        let mut statement = self.conn.prepare_cached(
            "SELECT d.planned_on, d.year, d.month, group_concat(b.name, '、'), count(*)
             FROM (SELECT * FROM live_theme_day WHERE state = 'planned'
                   AND planned_on BETWEEN ?1 AND ?2 ORDER BY branch_id) d
             JOIN branch b ON b.id = d.branch_id
             GROUP BY d.planned_on, d.year, d.month",
        )?;
        let rows = statement
            .query_map(params![from_text, to_text], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<Vec<(String, i32, u32, String, i64)>>>()?;
        for (on, year, month, branches, count) in rows {
            items.push(due_item(
                &on,
                DueKind::ThemeDay,
                format!("{count}"),
                branches,
                DueTarget::ThemeDays { year, month },
            )?);
        }
        // Open problems by their deadline.
        self.due_rows(
            &mut items,
            "SELECT p.id, p.deadline, p.title, coalesce(b.name, '') FROM live_problem p
             LEFT JOIN branch b ON b.id = p.branch_id
             WHERE p.deadline BETWEEN ?1 AND ?2
               AND (SELECT e.state FROM live_problem_event e WHERE e.problem_id = p.id
                    ORDER BY e.happened_on DESC, e.hlc DESC, e.id DESC LIMIT 1) IS NOT 'resolved'",
            params![from_text, to_text],
            DueKind::Problem,
            |id| DueTarget::Problem(ProblemId(id)),
        )?;
        // Open tasks by their deadline.
        self.due_rows(
            &mut items,
            "SELECT t.id, t.deadline, t.title, coalesce(o.name, s.name, '') FROM live_task t
             LEFT JOIN official o ON o.id = t.official_id
             LEFT JOIN secretary s ON s.id = t.secretary_id
             WHERE t.deadline BETWEEN ?1 AND ?2
               AND (SELECT e.state FROM live_task_event e WHERE e.task_id = t.id
                    ORDER BY e.happened_on DESC, e.hlc DESC, e.id DESC LIMIT 1) IS NOT 'done'",
            params![from_text, to_text],
            DueKind::Task,
            |id| DueTarget::Task(TaskId(id)),
        )?;
        // Pairings due a visit.
        let every = self.visit_every_days()?;
        let names: HashMap<i64, String> = {
            let mut statement = self.conn.prepare_cached("SELECT id, name FROM secretary")?;
            statement
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        for pairing in self.pairings()? {
            let fields = &pairing.fields;
            if let Some(due) = calendar::visit_due(
                fields.starts_on,
                fields.ends_on,
                pairing.last_visit,
                every,
                today,
            ) && (from..=to).contains(&due)
            {
                let name = |s: SecretaryId| names.get(&s.0).cloned().unwrap_or_default();
                items.push(DueItem {
                    on: due,
                    kind: DueKind::Visit,
                    title: pairing.last_visit.map(day_text).unwrap_or_default(),
                    who: format!("{} → {}", name(fields.strong), name(fields.weak)),
                    target: DueTarget::Pairing(pairing.id),
                });
            }
        }
        // Terms (and their letters) ending, from today on.
        self.due_rows(
            &mut items,
            "SELECT m.id, m.term_ends_on, g.name, p.name FROM live_group_member m
             JOIN live_person p ON p.id = m.person_id
             JOIN live_league_group g ON g.id = m.group_id
             WHERE m.term_ends_on BETWEEN max(?1, ?3) AND ?2",
            params![from_text, to_text, today_text],
            DueKind::TermEnds,
            |id| DueTarget::Member(crate::domain::league::MemberId(id)),
        )?;
        // Milestones planned and not reached.
        self.due_rows(
            &mut items,
            "SELECT m.base_id, m.planned_on, m.title, b.name FROM live_base_milestone m
             JOIN live_base b ON b.id = m.base_id
             WHERE m.done_on IS NULL AND m.planned_on BETWEEN ?1 AND ?2",
            params![from_text, to_text],
            DueKind::Milestone,
            |id| DueTarget::Base(BaseId(id)),
        )?;
        // The learning plan's topics not yet studied, due by their month's end.
        let mut statement = self.conn.prepare_cached(
            "SELECT i.id, i.year, i.month, i.title FROM live_plan_item i
             WHERE (i.year * 100 + i.month) BETWEEN ?1 AND ?2
               AND NOT EXISTS (SELECT 1 FROM live_study_topic t
                               JOIN live_session s ON s.id = t.session_id
                               WHERE t.plan_item_id = i.id)",
        )?;
        let month_key = |d: NaiveDate| d.year() * 100 + d.month() as i32;
        let rows = statement
            .query_map(params![month_key(from), month_key(to)], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<Vec<(i64, i32, u32, String)>>>()?;
        for (id, year, month, title) in rows {
            if let Some(end) = calendar::month_end(year, month)
                && (from..=to).contains(&end)
            {
                items.push(DueItem {
                    on: end,
                    kind: DueKind::PlannedTopic,
                    title,
                    who: String::new(),
                    target: DueTarget::PlanItem(crate::domain::learning::PlanItemId(id)),
                });
            }
        }
        // Decisions resolved and not yet made public: due a week after the resolution.
        let mut statement = self.conn.prepare_cached(
            "SELECT d.id, r.held_on, d.title, b.name FROM live_decision d
             JOIN live_decision_step r ON r.decision_id = d.id AND r.step = 'resolution'
             JOIN branch b ON b.id = d.branch_id
             WHERE NOT EXISTS (SELECT 1 FROM live_decision_step p WHERE p.decision_id = d.id
                               AND p.step = 'resolution_public')",
        )?;
        let rows = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<Vec<(i64, String, String, String)>>>()?;
        for (id, resolved, title, branch) in rows {
            let due = day(&resolved)? + chrono::Duration::days(7);
            if (from..=to).contains(&due) {
                items.push(DueItem {
                    on: due,
                    kind: DueKind::Decision,
                    title,
                    who: branch,
                    target: DueTarget::Decision(DecisionId(id)),
                });
            }
        }
        calendar::order(&mut items);
        Ok(items)
    }

    /// The rows of `sql` — key, day, title, who — as items of `kind`, each opening
    /// `target(key)`.
    fn due_rows(
        &self,
        items: &mut Vec<DueItem>,
        sql: &str,
        parameters: impl rusqlite::Params,
        kind: DueKind,
        target: fn(i64) -> DueTarget,
    ) -> Result<()> {
        let mut statement = self.conn.prepare_cached(sql)?;
        let rows = statement.query_map(parameters, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get(2)?,
                r.get(3)?,
            ))
        })?;
        for row in rows {
            let (key, on, title, who) = row?;
            items.push(due_item(&on, kind, title, who, target(key))?);
        }
        Ok(())
    }

    /// Tasks done on time between `start` and `end` (days as text), per secretary: owned
    /// directly or as an official linked to the roster.
    pub(in crate::store) fn tasks_on_time_facts(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<HashMap<SecretaryId, i64>> {
        let officials: HashMap<OfficialId, SecretaryId> = self
            .officials()?
            .into_iter()
            .filter_map(|o| o.fields.secretary_id.map(|s| (o.id, s)))
            .collect();
        let mut facts = HashMap::new();
        for task in self.tasks()? {
            if !task.done_on_time() || task.changed_on < start || task.changed_on > end {
                continue;
            }
            let secretary = match task.fields.owner {
                Owner::Secretary(s) => Some(s),
                Owner::Official(o) => officials.get(&o).copied(),
            };
            if let Some(secretary) = secretary {
                *facts.entry(secretary).or_insert(0) += 1;
            }
        }
        Ok(facts)
    }
}

fn due_item(
    on: &str,
    kind: DueKind,
    title: String,
    who: String,
    target: DueTarget,
) -> rusqlite::Result<DueItem> {
    Ok(DueItem {
        on: day(on)?,
        kind,
        title,
        who,
        target,
    })
}

fn refused<T>(refusal: Refusal) -> Result<T> {
    Err(Error::Refused(refusal))
}

impl Writer<'_> {
    fn milestones_done(&self, base: BaseId) -> Result<Vec<NaiveDate>> {
        let mut statement = self.tx.prepare_cached(
            "SELECT done_on FROM live_base_milestone WHERE base_id = ?1 AND done_on IS NOT NULL",
        )?;
        let days = statement
            .query_map([base.0], |r| day(&r.get::<_, String>(0)?))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(days)
    }

    fn base_started_on(&self, base: BaseId) -> Result<Option<NaiveDate>> {
        let started: Option<Option<String>> = self
            .tx
            .query_row(
                "SELECT started_on FROM live_base WHERE id = ?1",
                [base.0],
                |r| r.get(0),
            )
            .optional()?;
        match started {
            None => Err(Error::RecordNotFound),
            Some(text) => Ok(optional_day(text)?),
        }
    }

    fn base_columns<R>(fields: &BaseFields, then: impl FnOnce(&super::Columns<'_>) -> R) -> R {
        let (name, industry, notes) = (
            fields.name.trim(),
            fields.industry.trim(),
            fields.notes.trim(),
        );
        let lead = fields.lead_branch_id.map(|b| b.0);
        let secretary = fields.secretary_id.map(|s| s.0);
        let started = fields.started_on.map(day_text);
        then(&[
            ("name", &name),
            ("industry", &industry),
            ("lead_branch_id", &lead),
            ("secretary_id", &secretary),
            ("started_on", &started),
            ("notes", &notes),
            ("archived", &fields.archived),
        ])
    }

    /// The branches taking part in `base` become `branches` (the lead branch left out).
    fn set_base_branches(&mut self, base: BaseId, fields: &BaseFields) -> Result<()> {
        let wanted: Vec<i64> = fields
            .branches
            .iter()
            .filter(|b| Some(**b) != fields.lead_branch_id)
            .map(|b| b.0)
            .collect();
        let rows: Vec<(i64, i64, bool)> = {
            let mut statement = self.tx.prepare_cached(
                "SELECT id, branch_id, deleted FROM base_branch WHERE base_id = ?1",
            )?;
            statement
                .query_map([base.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        for (id, branch, deleted) in &rows {
            let keep = wanted.contains(branch);
            if keep == *deleted {
                self.set_deleted("base_branch", *id, !keep)?;
            }
        }
        for branch in wanted {
            if !rows.iter().any(|(_, b, _)| *b == branch) {
                self.insert_record(
                    "base_branch",
                    &[("base_id", &base.0), ("branch_id", &branch)],
                )?;
            }
        }
        Ok(())
    }

    /// Adds a base with the branches taking part.
    pub fn add_base(&mut self, fields: &BaseFields) -> Result<BaseId> {
        if let Err(e) = fields.check(&[]) {
            return refused(Refusal::Base(e));
        }
        let id = BaseId(Self::base_columns(fields, |columns| {
            self.insert_record("base", columns)
        })?);
        self.set_base_branches(id, fields)?;
        Ok(id)
    }

    /// Changes a base; refused when it would start after a milestone it reached.
    pub fn update_base(&mut self, id: BaseId, fields: &BaseFields) -> Result<()> {
        self.base_started_on(id)?;
        if let Err(e) = fields.check(&self.milestones_done(id)?) {
            return refused(Refusal::Base(e));
        }
        Self::base_columns(fields, |columns| self.update_record("base", id.0, columns))?;
        self.set_base_branches(id, fields)
    }

    /// Records a year's figures of a base (one record per base and year); a year with no
    /// figure left is removed.
    pub fn set_base_figures(&mut self, base: BaseId, figures: &BaseFigures) -> Result<()> {
        self.base_started_on(base)?;
        if let Err(e) = figures.check() {
            return refused(Refusal::Base(e));
        }
        let existing: Option<(i64, bool)> = self
            .tx
            .query_row(
                "SELECT id, deleted FROM base_figure WHERE base_id = ?1 AND year = ?2",
                params![base.0, figures.year],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let columns: [(&'static str, &dyn rusqlite::ToSql); 5] = [
            ("area_mu", &figures.area_mu),
            ("households", &figures.households),
            ("jobs", &figures.jobs),
            ("output_value", &figures.output_value),
            ("income", &figures.income),
        ];
        match existing {
            Some((id, deleted)) if figures.is_empty() => {
                if !deleted {
                    self.set_deleted("base_figure", id, true)?;
                }
            }
            Some((id, deleted)) => {
                if deleted {
                    self.set_deleted("base_figure", id, false)?;
                }
                self.update_record("base_figure", id, &columns)?;
            }
            None if figures.is_empty() => {}
            None => {
                let mut all: Vec<(&'static str, &dyn rusqlite::ToSql)> =
                    vec![("base_id", &base.0), ("year", &figures.year)];
                all.extend(columns);
                self.insert_record("base_figure", &all)?;
            }
        }
        Ok(())
    }

    /// Adds a milestone to a base.
    pub fn add_milestone(
        &mut self,
        base: BaseId,
        fields: &MilestoneFields,
        today: NaiveDate,
    ) -> Result<MilestoneId> {
        let started = self.base_started_on(base)?;
        if let Err(e) = fields.check(started, today) {
            return refused(Refusal::Base(e));
        }
        Ok(MilestoneId(self.insert_record(
            "base_milestone",
            &[
                ("base_id", &base.0),
                ("title", &fields.title.trim()),
                ("planned_on", &fields.planned_on.map(day_text)),
                ("done_on", &fields.done_on.map(day_text)),
            ],
        )?))
    }

    /// Changes a milestone.
    pub fn update_milestone(
        &mut self,
        id: MilestoneId,
        fields: &MilestoneFields,
        today: NaiveDate,
    ) -> Result<()> {
        let base: i64 = self
            .tx
            .query_row(
                "SELECT base_id FROM live_base_milestone WHERE id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(Error::RecordNotFound)?;
        let started = self.base_started_on(BaseId(base))?;
        if let Err(e) = fields.check(started, today) {
            return refused(Refusal::Base(e));
        }
        self.update_record(
            "base_milestone",
            id.0,
            &[
                ("title", &fields.title.trim()),
                ("planned_on", &fields.planned_on.map(day_text)),
                ("done_on", &fields.done_on.map(day_text)),
            ],
        )?;
        Ok(())
    }

    fn official_columns<R>(
        fields: &OfficialFields,
        then: impl FnOnce(&super::Columns<'_>) -> R,
    ) -> R {
        let (name, post) = (fields.name.trim(), fields.post.trim());
        let duties = fields.duty_items().join("\n");
        let secretary = fields.secretary_id.map(|s| s.0);
        then(&[
            ("name", &name),
            ("post", &post),
            ("secretary_id", &secretary),
            ("duties", &duties),
            ("archived", &fields.archived),
        ])
    }

    /// Adds an official with their duties.
    pub fn add_official(&mut self, fields: &OfficialFields) -> Result<OfficialId> {
        if fields.name.trim().is_empty() {
            return refused(Refusal::NameRequired);
        }
        let position: i64 = self.tx.query_row(
            "SELECT coalesce(max(position), -1) + 1 FROM official",
            [],
            |r| r.get(0),
        )?;
        let id = Self::official_columns(fields, |columns| {
            let mut all: Vec<(&'static str, &dyn rusqlite::ToSql)> = columns.to_vec();
            all.push(("position", &position));
            self.insert_record("official", &all)
        })?;
        Ok(OfficialId(id))
    }

    /// Changes an official.
    pub fn update_official(&mut self, id: OfficialId, fields: &OfficialFields) -> Result<()> {
        if fields.name.trim().is_empty() {
            return refused(Refusal::NameRequired);
        }
        let changed = Self::official_columns(fields, |columns| {
            self.update_record("official", id.0, columns)
        })?;
        if changed == 0 && !self.is_live("official", id.0)? {
            return Err(Error::RecordNotFound);
        }
        Ok(())
    }

    /// Deletes an official; refused while they have tasks (they are marked as left instead).
    pub fn delete_official(&mut self, id: OfficialId) -> Result<()> {
        let tasks: i64 = self.tx.query_row(
            "SELECT count(*) FROM live_task WHERE official_id = ?1",
            [id.0],
            |r| r.get(0),
        )?;
        if tasks > 0 {
            return refused(Refusal::OfficialHasTasks(tasks));
        }
        self.set_deleted("official", id.0, true)
    }

    fn task_columns<R>(fields: &TaskFields, then: impl FnOnce(&super::Columns<'_>) -> R) -> R {
        let (title, description) = (fields.title.trim(), fields.description.trim());
        let (secretary, official) = match fields.owner {
            Owner::Secretary(s) => (Some(s.0), None),
            Owner::Official(o) => (None, Some(o.0)),
        };
        let branch = fields.branch_id.map(|b| b.0);
        let base = fields.base_id.map(|b| b.0);
        let assigned = day_text(fields.assigned_on);
        let deadline = fields.deadline.map(day_text);
        then(&[
            ("title", &title),
            ("description", &description),
            ("secretary_id", &secretary),
            ("official_id", &official),
            ("branch_id", &branch),
            ("base_id", &base),
            ("assigned_on", &assigned),
            ("deadline", &deadline),
        ])
    }

    /// Adds a task, not started, on the day it was given.
    pub fn add_task(&mut self, fields: &TaskFields, actor: &str) -> Result<TaskId> {
        if let Err(e) = fields.check() {
            return refused(Refusal::Task(e));
        }
        let id = TaskId(Self::task_columns(fields, |columns| {
            self.insert_record("task", columns)
        })?);
        self.insert_record(
            "task_event",
            &[
                ("task_id", &id.0),
                ("happened_on", &day_text(fields.assigned_on)),
                ("state", &TaskState::NotStarted.code()),
                ("actor", &actor.trim()),
                ("note", &""),
            ],
        )?;
        Ok(id)
    }

    /// Changes a task's fields (not its state: that changes by progress notes). Refused when
    /// it would be given after progress was recorded.
    pub fn update_task(&mut self, id: TaskId, fields: &TaskFields) -> Result<()> {
        if let Err(e) = fields.check() {
            return refused(Refusal::Task(e));
        }
        let first_progress: Option<String> = self.tx.query_row(
            "SELECT min(happened_on) FROM live_task_event WHERE task_id = ?1 AND state <> 'not_started'",
            [id.0],
            |r| r.get(0),
        )?;
        if let Some(first) = optional_day(first_progress)?
            && first < fields.assigned_on
        {
            return refused(Refusal::TaskState(
                crate::domain::lifecycle::StateChangeError::BeforeRaised,
            ));
        }
        let changed =
            Self::task_columns(fields, |columns| self.update_record("task", id.0, columns))?;
        if changed == 0 && !self.is_live("task", id.0)? {
            return Err(Error::RecordNotFound);
        }
        Ok(())
    }

    /// Records progress on a task: its new state, the day and a note.
    pub fn record_task_progress(
        &mut self,
        task: TaskId,
        state: TaskState,
        date: NaiveDate,
        note: &str,
        actor: &str,
        today: NaiveDate,
    ) -> Result<()> {
        let assigned: Option<String> = self
            .tx
            .query_row(
                "SELECT assigned_on FROM live_task WHERE id = ?1",
                [task.0],
                |r| r.get(0),
            )
            .optional()?;
        let assigned = day(&assigned.ok_or(Error::RecordNotFound)?)?;
        let latest: Option<String> = self.tx.query_row(
            "SELECT max(happened_on) FROM live_task_event WHERE task_id = ?1",
            [task.0],
            |r| r.get(0),
        )?;
        if let Err(e) =
            check_state_change(assigned, optional_day(latest)?, state, date, note, today)
        {
            return refused(Refusal::TaskState(e));
        }
        self.insert_record(
            "task_event",
            &[
                ("task_id", &task.0),
                ("happened_on", &day_text(date)),
                ("state", &state.code()),
                ("actor", &actor.trim()),
                ("note", &note.trim()),
            ],
        )?;
        Ok(())
    }

    /// Adds a village decision (its steps come one by one).
    pub fn add_decision(&mut self, fields: &DecisionFields) -> Result<DecisionId> {
        if let Err(e) = fields.check() {
            return refused(Refusal::Decision(e));
        }
        Ok(DecisionId(self.insert_record(
            "decision",
            &[
                ("branch_id", &fields.branch_id.0),
                ("title", &fields.title.trim()),
                ("content", &fields.content.trim()),
            ],
        )?))
    }

    /// Changes a decision's own fields.
    pub fn update_decision(&mut self, id: DecisionId, fields: &DecisionFields) -> Result<()> {
        if let Err(e) = fields.check() {
            return refused(Refusal::Decision(e));
        }
        let changed = self.update_record(
            "decision",
            id.0,
            &[
                ("branch_id", &fields.branch_id.0),
                ("title", &fields.title.trim()),
                ("content", &fields.content.trim()),
            ],
        )?;
        if changed == 0 && !self.is_live("decision", id.0)? {
            return Err(Error::RecordNotFound);
        }
        Ok(())
    }

    /// Records (or, with `None`, clears) one step of a decision, checked against the steps
    /// around it; a step with a later one recorded cannot be cleared.
    pub fn set_decision_step(
        &mut self,
        decision: DecisionId,
        step: Step,
        record: Option<&StepRecord>,
        today: NaiveDate,
    ) -> Result<()> {
        if !self.is_live("decision", decision.0)? {
            return Err(Error::RecordNotFound);
        }
        let mut steps: [Option<StepRecord>; 6] = Default::default();
        let rows: Vec<(String, String)> = {
            let mut statement = self.tx.prepare_cached(
                "SELECT step, held_on FROM live_decision_step WHERE decision_id = ?1",
            )?;
            statement
                .query_map([decision.0], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        for (code, held_on) in rows {
            let other = stored("decision_step.step", code.as_str(), Step::from_code)?;
            steps[other.index()] = Some(StepRecord {
                held_on: Some(day(&held_on)?),
                ..StepRecord::default()
            });
        }
        let existing: Option<(i64, bool)> = self
            .tx
            .query_row(
                "SELECT id, deleted FROM decision_step WHERE decision_id = ?1 AND step = ?2",
                params![decision.0, step.code()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some(record) = record else {
            if let Some(next) = Step::ALL.get(step.index() + 1)
                && steps[next.index()].is_some()
            {
                return refused(Refusal::StepHasLater(*next));
            }
            if let Some((id, false)) = existing {
                self.set_deleted("decision_step", id, true)?;
            }
            return Ok(());
        };
        if let Err(e) = check_step(&steps, step, record, today) {
            return refused(Refusal::Decision(e));
        }
        let held_on = record.held_on.map(day_text);
        let meeting = step.is_meeting();
        let expected = record.expected.filter(|_| meeting);
        let present = record.present.filter(|_| meeting);
        let note = record.note.trim();
        let columns: [(&'static str, &dyn rusqlite::ToSql); 4] = [
            ("held_on", &held_on),
            ("expected", &expected),
            ("present", &present),
            ("note", &note),
        ];
        if let Some((id, deleted)) = existing {
            if deleted {
                self.set_deleted("decision_step", id, false)?;
            }
            self.update_record("decision_step", id, &columns)?;
        } else {
            let code = step.code();
            let mut all: Vec<(&'static str, &dyn rusqlite::ToSql)> =
                vec![("decision_id", &decision.0), ("step", &code)];
            all.extend(columns);
            self.insert_record("decision_step", &all)?;
        }
        Ok(())
    }
}
