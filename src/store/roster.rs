//! Areas, branches and secretaries: queries and writes.

use super::{Error, InUse, Result, Store, Writer};
use crate::domain::import_plan::{ParsedRoster, RosterImportPlan, branch_key, plan_roster_import};
use crate::domain::{
    Area, AreaId, Branch, BranchId, BranchKind, Gender, Level, PartialDate, RosterEntry,
    SecretaryFields, SecretaryId,
};
use crate::store::{Columns, stored};
use rusqlite::{OptionalExtension, Row};
use std::collections::HashMap;

/// The studio at a glance: counts for the dashboard.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DashboardFigures {
    /// Active secretaries per area (area name, or empty for none) and level (None = not set).
    pub secretaries_by_area_level: Vec<(String, Option<Level>, i64)>,
    /// Active branches per kind.
    pub branches_by_kind: Vec<(BranchKind, i64)>,
    /// Active secretaries.
    pub active_secretaries: i64,
    /// Archived secretaries.
    pub archived_secretaries: i64,
    /// Active areas.
    pub areas: i64,
}

const ROSTER_SELECT: &str = "
    SELECT s.id, s.name, s.gender, s.birth, s.education, s.branch_id, s.level, s.position,
           s.phone, s.in_office_since, s.notes, s.archived,
           coalesce(b.name, ''), b.kind, b.area_id, coalesce(a.name, '')
    FROM live_secretary s
    LEFT JOIN live_branch b ON b.id = s.branch_id
    LEFT JOIN live_area a ON a.id = b.area_id";

fn date_column(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<PartialDate>> {
    let text: Option<String> = row.get(index)?;
    Ok(text.and_then(|t| PartialDate::parse(&t).ok()))
}

fn roster_entry(row: &Row<'_>) -> rusqlite::Result<RosterEntry> {
    let gender: Option<String> = row.get(2)?;
    let level: Option<String> = row.get(6)?;
    let kind: Option<String> = row.get(13)?;
    Ok(RosterEntry {
        id: SecretaryId(row.get(0)?),
        fields: SecretaryFields {
            name: row.get(1)?,
            gender: gender.as_deref().and_then(Gender::from_code),
            birth: date_column(row, 3)?,
            education: row.get(4)?,
            branch_id: row.get::<_, Option<i64>>(5)?.map(BranchId),
            level: level.as_deref().and_then(Level::from_code),
            position: row.get(7)?,
            phone: row.get(8)?,
            in_office_since: date_column(row, 9)?,
            notes: row.get(10)?,
            archived: row.get(11)?,
        },
        branch_name: row.get(12)?,
        branch_kind: kind.as_deref().and_then(BranchKind::from_code),
        area_id: row.get::<_, Option<i64>>(14)?.map(AreaId),
        area_name: row.get(15)?,
    })
}

impl Store {
    /// Every secretary not deleted, archived ones included, in roster order.
    pub fn roster(&self) -> Result<Vec<RosterEntry>> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("{ROSTER_SELECT} ORDER BY a.id, b.id, s.id"))?;
        let entries = statement
            .query_map([], roster_entry)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(entries)
    }

    /// One secretary, or `None` if deleted or unknown.
    pub fn secretary(&self, id: SecretaryId) -> Result<Option<RosterEntry>> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("{ROSTER_SELECT} WHERE s.id = ?1"))?;
        Ok(statement.query_row([id.0], roster_entry).optional()?)
    }

    /// Every area not deleted, archived included.
    pub fn areas(&self) -> Result<Vec<Area>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT id, name, archived FROM live_area ORDER BY id")?;
        let areas = statement
            .query_map([], |r| {
                Ok(Area {
                    id: AreaId(r.get(0)?),
                    name: r.get(1)?,
                    archived: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(areas)
    }

    /// Every branch not deleted, archived included.
    pub fn branches(&self) -> Result<Vec<Branch>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, name, kind, area_id, archived FROM live_branch ORDER BY area_id, id",
        )?;
        let branches = statement
            .query_map([], |r| {
                let kind: String = r.get(2)?;
                Ok(Branch {
                    id: BranchId(r.get(0)?),
                    name: r.get(1)?,
                    kind: stored("branch.kind", kind.as_str(), BranchKind::from_code)?,
                    area_id: r.get::<_, Option<i64>>(3)?.map(AreaId),
                    archived: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(branches)
    }

    /// Compares a parsed sheet with this studio's roster: what importing it would do.
    pub fn plan_roster_import(&self, parsed: ParsedRoster) -> Result<RosterImportPlan> {
        Ok(plan_roster_import(
            parsed,
            &self.roster()?,
            &self.areas()?,
            &self.branches()?,
        ))
    }

    /// Counts for the dashboard.
    pub fn dashboard_figures(&self) -> Result<DashboardFigures> {
        let mut figures = DashboardFigures::default();
        let mut statement = self.conn.prepare_cached(
            "SELECT coalesce(a.name, ''), s.level, count(*)
             FROM live_secretary s
             LEFT JOIN live_branch b ON b.id = s.branch_id
             LEFT JOIN live_area a ON a.id = b.area_id
             WHERE s.archived = 0
             GROUP BY a.id, s.level ORDER BY a.id IS NULL, a.id, s.level",
        )?;
        figures.secretaries_by_area_level = statement
            .query_map([], |r| {
                let level: Option<String> = r.get(1)?;
                Ok((
                    r.get(0)?,
                    level.as_deref().and_then(Level::from_code),
                    r.get(2)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut statement = self.conn.prepare_cached(
            "SELECT kind, count(*) FROM live_branch WHERE archived = 0 GROUP BY kind",
        )?;
        let by_kind: HashMap<String, i64> = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        figures.branches_by_kind = BranchKind::ALL
            .iter()
            .map(|kind| (*kind, by_kind.get(kind.code()).copied().unwrap_or(0)))
            .collect();
        (figures.active_secretaries, figures.archived_secretaries) = self.conn.query_row(
            "SELECT count(*) - coalesce(sum(archived), 0), coalesce(sum(archived), 0) FROM live_secretary",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        figures.areas = self.conn.query_row(
            "SELECT count(*) FROM live_area WHERE archived = 0",
            [],
            |r| r.get(0),
        )?;
        Ok(figures)
    }
}

/// A secretary's own columns, as stored, for `then` to write.
fn secretary_columns<R>(fields: &SecretaryFields, then: impl FnOnce(&Columns<'_>) -> R) -> R {
    let gender = fields.gender.map(Gender::code);
    let birth = fields.birth.map(PartialDate::to_iso);
    let branch = fields.branch_id.map(|b| b.0);
    let level = fields.level.map(Level::code);
    let since = fields.in_office_since.map(PartialDate::to_iso);
    then(&[
        ("name", &fields.name),
        ("gender", &gender),
        ("birth", &birth),
        ("education", &fields.education),
        ("branch_id", &branch),
        ("level", &level),
        ("position", &fields.position),
        ("phone", &fields.phone),
        ("in_office_since", &since),
        ("notes", &fields.notes),
        ("archived", &fields.archived),
    ])
}

impl Writer<'_> {
    /// Adds an area.
    pub fn add_area(&mut self, name: &str) -> Result<AreaId> {
        let name = name.trim();
        Ok(AreaId(self.insert_record("area", &[("name", &name)])?))
    }

    /// Renames an area.
    pub fn rename_area(&mut self, id: AreaId, name: &str) -> Result<()> {
        self.set_record("area", id.0, &[("name", &name.trim())])
    }

    /// Archives an area (once none of its branches is in use), or brings it back.
    pub fn set_area_archived(&mut self, id: AreaId, archived: bool) -> Result<()> {
        if archived {
            let count = self.count(
                "SELECT count(*) FROM live_branch WHERE area_id = ?1 AND archived = 0",
                id.0,
            )?;
            if count > 0 {
                return Err(Error::StillInUse {
                    what: InUse::Branches,
                    count,
                });
            }
        }
        self.set_record("area", id.0, &[("archived", &archived)])
    }

    /// Adds a branch.
    pub fn add_branch(
        &mut self,
        name: &str,
        kind: BranchKind,
        area: Option<AreaId>,
    ) -> Result<BranchId> {
        self.check_in_use("live_area", area.map(|a| a.0))?;
        let (name, kind, area) = (name.trim(), kind.code(), area.map(|a| a.0));
        let columns: [(&str, &dyn rusqlite::ToSql); 3] =
            [("name", &name), ("kind", &kind), ("area_id", &area)];
        Ok(BranchId(self.insert_record("branch", &columns)?))
    }

    /// Changes a branch's name, kind and area.
    pub fn update_branch(
        &mut self,
        id: BranchId,
        name: &str,
        kind: BranchKind,
        area: Option<AreaId>,
    ) -> Result<()> {
        let current: Option<Option<i64>> = self
            .tx
            .query_row(
                "SELECT area_id FROM live_branch WHERE id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .optional()?;
        if current.is_some_and(|c| c != area.map(|a| a.0)) {
            self.check_in_use("live_area", area.map(|a| a.0))?;
        }
        let (name, kind, area) = (name.trim(), kind.code(), area.map(|a| a.0));
        self.set_record(
            "branch",
            id.0,
            &[("name", &name), ("kind", &kind), ("area_id", &area)],
        )
    }

    /// Archives a branch (once none of its secretaries is in office), or brings it back.
    pub fn set_branch_archived(&mut self, id: BranchId, archived: bool) -> Result<()> {
        if archived {
            let count = self.count(
                "SELECT count(*) FROM live_secretary WHERE branch_id = ?1 AND archived = 0",
                id.0,
            )?;
            if count > 0 {
                return Err(Error::StillInUse {
                    what: InUse::Secretaries,
                    count,
                });
            }
        }
        self.set_record("branch", id.0, &[("archived", &archived)])
    }

    /// Adds a secretary.
    pub fn add_secretary(&mut self, fields: &SecretaryFields) -> Result<SecretaryId> {
        self.check_in_use("live_branch", fields.branch_id.map(|b| b.0))?;
        let id = secretary_columns(fields, |columns| self.insert_record("secretary", columns))?;
        Ok(SecretaryId(id))
    }

    /// Replaces a secretary's fields; the clock moves only if something changed.
    pub fn update_secretary(&mut self, id: SecretaryId, fields: &SecretaryFields) -> Result<()> {
        let current: Option<Option<i64>> = self
            .tx
            .query_row(
                "SELECT branch_id FROM live_secretary WHERE id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .optional()?;
        if current.is_some_and(|c| c != fields.branch_id.map(|b| b.0)) {
            self.check_in_use("live_branch", fields.branch_id.map(|b| b.0))?;
        }
        secretary_columns(fields, |columns| {
            self.set_record("secretary", id.0, columns)
        })
    }

    /// Archives a secretary, or brings them back to the active roster.
    pub fn set_secretary_archived(&mut self, id: SecretaryId, archived: bool) -> Result<()> {
        self.set_record("secretary", id.0, &[("archived", &archived)])
    }

    /// Applies an import plan: new areas, new branches, new and updated secretaries.
    pub fn apply_roster_import(&mut self, plan: &RosterImportPlan) -> Result<ImportOutcome> {
        let mut area_ids: HashMap<String, AreaId> = HashMap::new();
        {
            let mut statement = self.tx.prepare("SELECT id, name FROM live_area")?;
            for row in
                statement.query_map([], |r| Ok((r.get::<_, String>(1)?, AreaId(r.get(0)?))))?
            {
                let (name, id) = row?;
                area_ids.insert(name, id);
            }
        }
        for name in &plan.new_areas {
            if !area_ids.contains_key(name) {
                let id = self.add_area(name)?;
                area_ids.insert(name.clone(), id);
            }
        }
        let mut branch_ids: HashMap<String, BranchId> = HashMap::new();
        {
            let mut statement = self.tx.prepare("SELECT id, name FROM live_branch")?;
            for row in
                statement.query_map([], |r| Ok((r.get::<_, String>(1)?, BranchId(r.get(0)?))))?
            {
                let (name, id) = row?;
                branch_ids.insert(branch_key(&name), id);
            }
        }
        for branch in &plan.new_branches {
            let key = branch_key(&branch.name);
            if let std::collections::hash_map::Entry::Vacant(e) = branch_ids.entry(key) {
                let area = area_ids.get(&branch.area).copied();
                let id = self.add_branch(&branch.name, branch.kind, area)?;
                e.insert(id);
            }
        }
        for row in &plan.to_add {
            let fields = SecretaryFields {
                name: row.name.clone(),
                gender: row.gender,
                birth: row.birth,
                education: row.education.clone(),
                branch_id: branch_ids.get(&branch_key(&row.branch)).copied(),
                level: row.level,
                position: row.position.clone(),
                phone: row.phone.clone(),
                in_office_since: row.in_office_since,
                notes: row.notes.clone(),
                archived: false,
            };
            self.add_secretary(&fields)?;
        }
        for update in &plan.to_update {
            self.update_secretary(update.id, &update.fields)?;
        }
        Ok(ImportOutcome {
            added: plan.to_add.len(),
            updated: plan.to_update.len(),
        })
    }

    fn count(&self, sql: &str, id: i64) -> Result<i64> {
        Ok(self.tx.query_row(sql, [id], |r| r.get(0))?)
    }

    /// Fails if the area or branch `id` (in the live view `view`) is archived: new records go
    /// only into areas and branches in use.
    fn check_in_use(&self, view: &str, id: Option<i64>) -> Result<()> {
        let Some(id) = id else { return Ok(()) };
        let archived: Option<bool> = self
            .tx
            .query_row(
                &format!("SELECT archived FROM {view} WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .optional()?;
        match archived {
            None => Err(Error::RecordNotFound),
            Some(true) => Err(Error::Archived),
            Some(false) => Ok(()),
        }
    }
}

/// What an applied import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportOutcome {
    /// Secretaries added.
    pub added: usize,
    /// Secretaries updated.
    pub updated: usize,
}
