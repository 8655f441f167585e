//! Areas, branches and secretaries: queries and writes.

use super::{Error, InUse, Result, Store, Writer};
use crate::domain::import_plan::{ParsedRoster, RosterImportPlan, branch_key, plan_roster_import};
use crate::domain::{
    Area, AreaId, Branch, BranchId, BranchKind, Gender, Level, PartialDate, RosterEntry,
    SecretaryFields, SecretaryId,
};
use crate::store::stored;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params, params_from_iter};
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

/// A secretary's columns from `name` to `archived`, in table order.
fn secretary_columns(fields: &SecretaryFields) -> [Value; 11] {
    let text = |t: &str| Value::Text(t.to_owned());
    let optional = |t: Option<String>| t.map_or(Value::Null, Value::Text);
    [
        text(&fields.name),
        optional(fields.gender.map(|g| g.code().to_owned())),
        optional(fields.birth.map(PartialDate::to_iso)),
        text(&fields.education),
        fields
            .branch_id
            .map_or(Value::Null, |b| Value::Integer(b.0)),
        optional(fields.level.map(|l| l.code().to_owned())),
        text(&fields.position),
        text(&fields.phone),
        optional(fields.in_office_since.map(PartialDate::to_iso)),
        text(&fields.notes),
        Value::Integer(i64::from(fields.archived)),
    ]
}

impl Writer<'_> {
    /// Adds an area.
    pub fn add_area(&mut self, name: &str) -> Result<AreaId> {
        self.tx.execute(
            "INSERT INTO area (uuid, origin_site, hlc, hlc_site, name) VALUES (?1, ?2, ?3, ?2, ?4)",
            params![Self::new_uuid(), self.site, self.hlc, name.trim()],
        )?;
        Ok(AreaId(self.tx.last_insert_rowid()))
    }

    /// Renames an area.
    pub fn rename_area(&mut self, id: AreaId, name: &str) -> Result<()> {
        self.touch(
            "UPDATE area SET name = ?1, hlc = ?2, hlc_site = ?3 WHERE id = ?4 AND deleted = 0 AND name IS NOT ?1",
            params![name.trim(), self.hlc, self.site, id.0],
            "area",
            id.0,
        )
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
        self.touch(
            "UPDATE area SET archived = ?1, hlc = ?2, hlc_site = ?3 WHERE id = ?4 AND deleted = 0 AND archived IS NOT ?1",
            params![archived, self.hlc, self.site, id.0],
            "area",
            id.0,
        )
    }

    /// Adds a branch.
    pub fn add_branch(
        &mut self,
        name: &str,
        kind: BranchKind,
        area: Option<AreaId>,
    ) -> Result<BranchId> {
        self.check_in_use("live_area", area.map(|a| a.0))?;
        self.tx.execute(
            "INSERT INTO branch (uuid, origin_site, hlc, hlc_site, name, kind, area_id)
             VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6)",
            params![
                Self::new_uuid(),
                self.site,
                self.hlc,
                name.trim(),
                kind.code(),
                area.map(|a| a.0)
            ],
        )?;
        Ok(BranchId(self.tx.last_insert_rowid()))
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
        self.touch(
            "UPDATE branch SET name = ?1, kind = ?2, area_id = ?3, hlc = ?4, hlc_site = ?5
             WHERE id = ?6 AND deleted = 0
               AND (name IS NOT ?1 OR kind IS NOT ?2 OR area_id IS NOT ?3)",
            params![
                name.trim(),
                kind.code(),
                area.map(|a| a.0),
                self.hlc,
                self.site,
                id.0
            ],
            "branch",
            id.0,
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
        self.touch(
            "UPDATE branch SET archived = ?1, hlc = ?2, hlc_site = ?3 WHERE id = ?4 AND deleted = 0 AND archived IS NOT ?1",
            params![archived, self.hlc, self.site, id.0],
            "branch",
            id.0,
        )
    }

    /// Adds a secretary.
    pub fn add_secretary(&mut self, fields: &SecretaryFields) -> Result<SecretaryId> {
        self.check_in_use("live_branch", fields.branch_id.map(|b| b.0))?;
        self.tx.execute(
            "INSERT INTO secretary (uuid, origin_site, hlc, hlc_site, name, gender, birth, education,
                branch_id, level, position, phone, in_office_since, notes, archived)
             VALUES (?1, ?2, ?3, ?2, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params_from_iter(
                [Value::Blob(Self::new_uuid()), Value::Integer(self.site), Value::Integer(self.hlc)]
                    .into_iter()
                    .chain(secretary_columns(fields)),
            ),
        )?;
        Ok(SecretaryId(self.tx.last_insert_rowid()))
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
        self.touch(
            "UPDATE secretary SET name = ?1, gender = ?2, birth = ?3, education = ?4, branch_id = ?5,
                level = ?6, position = ?7, phone = ?8, in_office_since = ?9, notes = ?10,
                archived = ?11, hlc = ?12, hlc_site = ?13
             WHERE id = ?14 AND deleted = 0
               AND (name IS NOT ?1 OR gender IS NOT ?2 OR birth IS NOT ?3 OR education IS NOT ?4
                 OR branch_id IS NOT ?5 OR level IS NOT ?6 OR position IS NOT ?7 OR phone IS NOT ?8
                 OR in_office_since IS NOT ?9 OR notes IS NOT ?10 OR archived IS NOT ?11)",
            params_from_iter(secretary_columns(fields).into_iter().chain([
                Value::Integer(self.hlc),
                Value::Integer(self.site),
                Value::Integer(id.0),
            ])),
            "secretary",
            id.0,
        )
    }

    /// Archives a secretary, or brings them back to the active roster.
    pub fn set_secretary_archived(&mut self, id: SecretaryId, archived: bool) -> Result<()> {
        self.touch(
            "UPDATE secretary SET archived = ?1, hlc = ?2, hlc_site = ?3 WHERE id = ?4 AND deleted = 0 AND archived IS NOT ?1",
            params![archived, self.hlc, self.site, id.0],
            "secretary",
            id.0,
        )
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

    /// Runs an update of one record; fails if the record is gone. An update that changes
    /// nothing is not an error and leaves the clock alone.
    fn touch(&self, sql: &str, params: impl rusqlite::Params, table: &str, id: i64) -> Result<()> {
        if self.tx.execute(sql, params)? == 0 {
            let exists: bool = self.tx.query_row(
                &format!("SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE id = ?1 AND deleted = 0)"),
                [id],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(Error::RecordNotFound);
            }
        }
        Ok(())
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
