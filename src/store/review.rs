//! What merges leave for the coordinator to review: the losing versions of conflicts, which can
//! be taken instead of the winners, and secretaries entered separately in two villages (the same
//! name and branch under two identities), which can be linked into one record.
//!
//! Both are settled by ordinary edits (a new version from this file), so the choice travels to
//! other files with the next share like any other change.

use super::merge::{TableInfo, table_infos};
use super::{Error, Result, Store, Writer};
use crate::domain::merge::Winner;
use crate::domain::roster::SecretaryId;
use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use std::collections::HashMap;

/// One field that differs between the version kept and the one that lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDiff {
    /// The column.
    pub column: String,
    /// The value now in the file, as shown to people (`None`: empty).
    pub kept: Option<String>,
    /// The losing version's value.
    pub other: Option<String>,
}

/// A conflict a merge left for review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictEntry {
    /// Its key in `local_conflict`.
    pub id: i64,
    /// When it was merged (local time, to the minute).
    pub merged_at: String,
    /// The file merged.
    pub source: String,
    /// The kind of record (its table).
    pub table: String,
    /// What names the record for people (a name, a title), if anything does.
    pub label: String,
    /// Whose version won the merge.
    pub winner: Winner,
    /// Whether the record is deleted now.
    pub kept_deleted: bool,
    /// Whether the losing version was a deletion.
    pub other_deleted: bool,
    /// The fields that differ.
    pub fields: Vec<FieldDiff>,
}

/// A secretary in a possible duplicate pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicatePerson {
    /// The record.
    pub id: SecretaryId,
    /// Name.
    pub name: String,
    /// Branch, if any.
    pub branch: String,
    /// Phone.
    pub phone: String,
    /// Sessions attended (marked at all).
    pub sessions: i64,
}

/// Two secretaries with the same name and branch under different identities. Linking keeps
/// `keep` (the one entered first, so every file that links them keeps the same one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The record that stays.
    pub keep: DuplicatePerson,
    /// The record folded into it.
    pub other: DuplicatePerson,
}

/// A field as shown to people: a reference by its record's label.
fn shown(
    conn: &Connection,
    infos: &[TableInfo],
    refers: Option<&str>,
    value: &SqlValue,
) -> Result<Option<String>> {
    Ok(match (value, refers) {
        (SqlValue::Null, _) => None,
        (SqlValue::Blob(uuid), Some(table)) => Some(label_of(conn, infos, table, uuid)?),
        (SqlValue::Integer(v), _) => Some(v.to_string()),
        (SqlValue::Real(v), _) => Some(v.to_string()),
        (SqlValue::Text(v), _) if v.is_empty() => None,
        (SqlValue::Text(v), _) => Some(v.clone()),
        (SqlValue::Blob(v), None) => Some(format!("{} B", v.len())),
    })
}

/// The label of the record `uuid` of `table` (its name or title), or "?" if it has none.
fn label_of(conn: &Connection, infos: &[TableInfo], table: &str, uuid: &[u8]) -> Result<String> {
    let Some(info) = infos.iter().find(|i| i.name == table) else {
        return Ok("?".to_owned());
    };
    let Some(label) = info.label else {
        return Ok("?".to_owned());
    };
    Ok(conn
        .query_row(
            &format!(
                "SELECT \"{}\" FROM \"{table}\" WHERE uuid = ?1",
                info.columns[label]
            ),
            [uuid],
            |r| r.get::<_, SqlValue>(0),
        )
        .optional()?
        .map_or_else(
            || "?".to_owned(),
            |v| match v {
                SqlValue::Text(t) => t,
                SqlValue::Integer(i) => i.to_string(),
                _ => "?".to_owned(),
            },
        ))
}

/// A record's fields by identity, references as the identities they point at; `None` if the
/// record is not there.
fn current_fields(
    conn: &Connection,
    info: &TableInfo,
    uuid: &[u8],
) -> Result<Option<(bool, Vec<SqlValue>)>> {
    let columns = info
        .columns
        .iter()
        .map(|c| format!(", \"{c}\""))
        .collect::<Vec<_>>()
        .concat();
    let row = conn
        .query_row(
            &format!(
                "SELECT deleted{columns} FROM \"{}\" WHERE uuid = ?1",
                info.name
            ),
            [uuid],
            |r| {
                let deleted: i64 = r.get(0)?;
                let values = (0..info.columns.len())
                    .map(|i| r.get::<_, SqlValue>(i + 1))
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok((deleted != 0, values))
            },
        )
        .optional()?;
    let Some((deleted, mut values)) = row else {
        return Ok(None);
    };
    for (value, refers) in values.iter_mut().zip(&info.refers) {
        if let (SqlValue::Integer(id), Some(table)) = (&*value, refers) {
            *value = conn
                .query_row(
                    &format!("SELECT uuid FROM \"{table}\" WHERE id = ?1"),
                    [id],
                    |r| r.get::<_, SqlValue>(0),
                )
                .optional()?
                .unwrap_or(SqlValue::Null);
        }
    }
    Ok(Some((deleted, values)))
}

/// The losing version's fields, by column.
fn loser_fields(conn: &Connection, conflict: i64) -> Result<HashMap<String, SqlValue>> {
    let mut statement = conn.prepare_cached(
        "SELECT column_name, value FROM local_conflict_field WHERE conflict_id = ?1",
    )?;
    let fields = statement
        .query_map([conflict], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(fields)
}

/// A secretary by local key and identity.
type Member = (i64, Vec<u8>);

impl Store {
    /// The conflicts merges left that are not settled yet, the latest first.
    pub fn merge_conflicts(&self) -> Result<Vec<ConflictEntry>> {
        let infos = table_infos(&self.conn)?;
        let mut statement = self.conn.prepare(
            "SELECT id, merged_at, source, table_name, record_uuid, winner, loser_deleted
             FROM local_conflict WHERE settled = 0 ORDER BY id DESC",
        )?;
        let rows = statement
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Vec<u8>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, i64>(6)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut entries = Vec::with_capacity(rows.len());
        for (id, merged_at, source, table, uuid, winner, other_deleted) in rows {
            let Some(info) = infos.iter().find(|i| i.name == table) else {
                continue;
            };
            let Some((kept_deleted, kept)) = current_fields(&self.conn, info, &uuid)? else {
                continue;
            };
            let other = loser_fields(&self.conn, id)?;
            let mut fields = Vec::new();
            for ((column, kept), refers) in info.columns.iter().zip(&kept).zip(&info.refers) {
                let Some(theirs) = other.get(column) else {
                    continue;
                };
                if theirs != kept {
                    fields.push(FieldDiff {
                        column: column.clone(),
                        kept: shown(&self.conn, &infos, refers.as_deref(), kept)?,
                        other: shown(&self.conn, &infos, refers.as_deref(), theirs)?,
                    });
                }
            }
            let label = match info.label {
                Some(l) => shown(&self.conn, &infos, None, &kept[l])?.unwrap_or_default(),
                None => String::new(),
            };
            entries.push(ConflictEntry {
                id,
                merged_at,
                source,
                table,
                label,
                winner: if winner == "theirs" {
                    Winner::Theirs
                } else {
                    Winner::Ours
                },
                kept_deleted,
                other_deleted: other_deleted != 0,
                fields,
            });
        }
        Ok(entries)
    }

    /// Secretaries with the same name and branch (by name) under different identities, not
    /// yet linked or said to be different people.
    pub fn possible_duplicates(&self) -> Result<Vec<Duplicate>> {
        let mut statement = self.conn.prepare(
            "SELECT s.id, s.uuid, s.name, b.name FROM live_secretary s
             LEFT JOIN branch b ON b.id = s.branch_id ORDER BY s.name, b.name, s.uuid",
        )?;
        // By the branch's name: two files that each entered the branch have it twice.
        let mut groups: HashMap<(String, Option<String>), Vec<Member>> = HashMap::new();
        let rows = statement.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Vec<u8>>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        for row in rows {
            let (id, uuid, name, branch) = row?;
            groups.entry((name, branch)).or_default().push((id, uuid));
        }
        let mut pairs = Vec::new();
        for members in groups.values().filter(|m| m.len() > 1) {
            let (first, rest) = members.split_first().expect("more than one");
            for other in rest {
                let distinct: bool = self.conn.query_row(
                    "SELECT EXISTS (SELECT 1 FROM local_distinct WHERE first = ?1 AND second = ?2)",
                    params![first.1, other.1],
                    |r| r.get(0),
                )?;
                if !distinct {
                    pairs.push((first.0, other.0));
                }
            }
        }
        pairs.sort_unstable();
        let person = |id: i64| -> Result<DuplicatePerson> {
            Ok(self.conn.query_row(
                "SELECT s.name, coalesce(b.name, ''), s.phone,
                        (SELECT count(*) FROM live_attendance a WHERE a.secretary_id = s.id)
                 FROM secretary s LEFT JOIN branch b ON b.id = s.branch_id WHERE s.id = ?1",
                [id],
                |r| {
                    Ok(DuplicatePerson {
                        id: SecretaryId(id),
                        name: r.get(0)?,
                        branch: r.get(1)?,
                        phone: r.get(2)?,
                        sessions: r.get(3)?,
                    })
                },
            )?)
        };
        pairs
            .into_iter()
            .map(|(keep, other)| {
                Ok(Duplicate {
                    keep: person(keep)?,
                    other: person(other)?,
                })
            })
            .collect()
    }

    /// How many conflicts and possible duplicates wait for review.
    pub fn review_count(&self) -> Result<usize> {
        let conflicts: i64 = self.conn.query_row(
            "SELECT count(*) FROM local_conflict WHERE settled = 0",
            [],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(conflicts).unwrap_or(0) + self.possible_duplicates()?.len())
    }
}

impl Writer<'_> {
    /// Takes the losing version of conflict `id` instead of the one that won: its fields
    /// are written as a new edit from this file, which then wins everywhere.
    pub fn take_other_version(&mut self, id: i64) -> Result<()> {
        let (table, uuid, deleted): (String, Vec<u8>, i64) = self
            .tx
            .query_row(
                "SELECT table_name, record_uuid, loser_deleted FROM local_conflict
                 WHERE id = ?1 AND settled = 0",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or(Error::RecordNotFound)?;
        let infos = table_infos(self.tx)?;
        let info = infos
            .iter()
            .find(|i| i.name == table)
            .ok_or(Error::RecordNotFound)?;
        let fields = loser_fields(self.tx, id)?;
        let mut set = vec![
            "deleted = ?1".to_owned(),
            "hlc = ?2".to_owned(),
            "hlc_site = ?3".to_owned(),
        ];
        let mut values = vec![
            SqlValue::Integer(deleted),
            SqlValue::Integer(self.hlc),
            SqlValue::Integer(self.site),
        ];
        for (column, refers) in info.columns.iter().zip(&info.refers) {
            let Some(value) = fields.get(column) else {
                continue;
            };
            let value = match (value, refers) {
                (SqlValue::Blob(target), Some(other_table)) => SqlValue::Integer(
                    self.tx
                        .query_row(
                            &format!("SELECT id FROM \"{other_table}\" WHERE uuid = ?1"),
                            [target],
                            |r| r.get(0),
                        )
                        .optional()?
                        .ok_or(Error::RecordNotFound)?,
                ),
                (value, _) => value.clone(),
            };
            values.push(value);
            set.push(format!("\"{column}\" = ?{}", values.len()));
        }
        values.push(SqlValue::Blob(uuid));
        let changed = self.tx.execute(
            &format!(
                "UPDATE \"{table}\" SET {} WHERE uuid = ?{}",
                set.join(", "),
                values.len()
            ),
            params_from_iter(values),
        )?;
        if changed == 0 {
            return Err(Error::RecordNotFound);
        }
        self.settle_conflict(id)
    }

    /// A settled conflict of a problem leaves a line in its history saying which values are
    /// in force now (`note`), dated `day`: merged edits from both villages stay in the history,
    /// and its last line must not contradict the record. Nothing for other kinds of record.
    pub fn note_settled_conflict(
        &mut self,
        id: i64,
        note: &str,
        day: NaiveDate,
        actor: &str,
    ) -> Result<()> {
        let found: Option<(String, Vec<u8>)> = self
            .tx
            .query_row(
                "SELECT table_name, record_uuid FROM local_conflict WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((table, uuid)) = found else {
            return Err(Error::RecordNotFound);
        };
        if table != "problem" || note.is_empty() {
            return Ok(());
        }
        let problem: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM problem WHERE uuid = ?1 AND deleted = 0",
                [uuid],
                |r| r.get(0),
            )
            .optional()?;
        let Some(problem) = problem else {
            return Ok(());
        };
        let (state, latest): (crate::domain::problem::ProblemState, Option<String>) =
            self.tx.query_row(
                "SELECT state, happened_on FROM live_problem_event WHERE problem_id = ?1
                 ORDER BY happened_on DESC, hlc DESC LIMIT 1",
                [problem],
                |r| {
                    let code: String = r.get(0)?;
                    let state = super::stored(
                        "problem_event.state",
                        code.as_str(),
                        crate::domain::problem::ProblemState::from_code,
                    )?;
                    Ok((state, r.get(1)?))
                },
            )?;
        // Never before the latest step, so the line comes last.
        let latest = latest.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
        let day = latest.map_or(day, |latest| latest.max(day));
        self.record_problem_event(
            crate::domain::ProblemId(problem),
            state,
            day,
            actor,
            note,
            None,
        )
    }

    /// Keeps the version that won conflict `id`: it leaves the review list.
    pub fn settle_conflict(&mut self, id: i64) -> Result<()> {
        self.tx
            .execute("UPDATE local_conflict SET settled = 1 WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Folds secretary `other` into `keep`: every record that refers to `other` refers to
    /// `keep` instead (where `keep` already has the same one, e.g. attendance at the same
    /// session, `other`'s is deleted), and `other` is deleted. `keep` must be the one entered
    /// first, so that every file that links the pair keeps the same record. Its details (phone,
    /// birth, position…) stay and its empty ones take `other`'s; with `details_from_other`,
    /// `other`'s details are taken wherever it has them.
    pub fn link_duplicate(
        &mut self,
        keep: SecretaryId,
        other: SecretaryId,
        details_from_other: bool,
    ) -> Result<()> {
        let (keep, other) = (keep.0, other.0);
        let live = |id: i64| -> Result<bool> {
            Ok(self
                .tx
                .query_row(
                    "SELECT deleted = 0 FROM secretary WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?
                .unwrap_or(false))
        };
        if keep == other || !live(keep)? || !live(other)? {
            return Err(Error::RecordNotFound);
        }
        let stamp = format!("hlc = {}, hlc_site = {}", self.hlc, self.site);
        for info in table_infos(self.tx)? {
            let table = &info.name;
            for (c, column) in info.columns.iter().enumerate() {
                if info.refers[c].as_deref() != Some("secretary") || table == "secretary" {
                    continue;
                }
                // The other fields of a unique key with this column: a record of `other`'s
                // that `keep` already has.
                let same_key = info.key.as_deref().filter(|k| k.contains(&c)).map(|k| {
                    k.iter()
                        .filter(|&&i| i != c)
                        .map(|&i| format!(" AND k.\"{0}\" IS o.\"{0}\"", info.columns[i]))
                        .collect::<Vec<_>>()
                        .concat()
                });
                if let Some(same_key) = &same_key {
                    // `keep`'s deleted twin comes back with `other`'s fields.
                    let fields: String = info
                        .columns
                        .iter()
                        .filter(|f| *f != column)
                        .map(|f| format!(", \"{f}\" = o.\"{f}\""))
                        .collect::<Vec<_>>()
                        .concat();
                    let twins: Vec<(i64, i64, bool, bool)> = self
                        .tx
                        .prepare(&format!(
                            "SELECT k.id, o.id, k.deleted, o.deleted FROM \"{table}\" o
                             JOIN \"{table}\" k ON k.\"{column}\" = ?1{same_key}
                             WHERE o.\"{column}\" = ?2"
                        ))?
                        .query_map([keep, other], |r| {
                            Ok((
                                r.get(0)?,
                                r.get(1)?,
                                r.get::<_, i64>(2)? != 0,
                                r.get::<_, i64>(3)? != 0,
                            ))
                        })?
                        .collect::<rusqlite::Result<_>>()?;
                    for (k, o, k_deleted, o_deleted) in twins {
                        if k_deleted && !o_deleted {
                            self.tx.execute(
                                &format!(
                                    "UPDATE \"{table}\" AS t SET deleted = 0{fields}, {stamp}
                                     FROM (SELECT * FROM \"{table}\" WHERE id = ?2) AS o
                                     WHERE t.id = ?1"
                                ),
                                [k, o],
                            )?;
                        }
                        if !o_deleted {
                            self.tx.execute(
                                &format!(
                                    "UPDATE \"{table}\" SET deleted = 1, {stamp} WHERE id = ?1"
                                ),
                                [o],
                            )?;
                        }
                    }
                }
                let unless_twin = same_key.map_or_else(String::new, |same_key| {
                    format!(
                        " AND NOT EXISTS (SELECT 1 FROM \"{table}\" k WHERE k.\"{column}\" = ?1{same_key})"
                    )
                });
                self.tx.execute(
                    &format!(
                        "UPDATE \"{table}\" AS o SET \"{column}\" = ?1, {stamp}
                         WHERE o.\"{column}\" = ?2{unless_twin}"
                    ),
                    [keep, other],
                )?;
            }
        }
        // What `other` knew (a phone, a birth date): where `keep` has nothing, or everywhere
        // `other` has something.
        let which = if details_from_other {
            "\"{column}\" IS NOT (SELECT \"{column}\" FROM secretary WHERE id = ?2)"
        } else {
            "(\"{column}\" IS NULL OR \"{column}\" = '')"
        };
        for column in [
            "gender",
            "birth",
            "education",
            "branch_id",
            "level",
            "position",
            "phone",
            "in_office_since",
            "notes",
        ] {
            self.tx.execute(
                &format!(
                    "UPDATE secretary SET \"{column}\" = (SELECT \"{column}\" FROM secretary WHERE id = ?2), {stamp}
                     WHERE id = ?1 AND {}
                     AND (SELECT \"{column}\" FROM secretary WHERE id = ?2) NOT IN ('')",
                    which.replace("{column}", column)
                ),
                [keep, other],
            )?;
        }
        self.tx.execute(
            &format!("UPDATE secretary SET deleted = 1, {stamp} WHERE id = ?1"),
            [other],
        )?;
        Ok(())
    }

    /// Says two secretaries with the same name and branch are different people: they leave
    /// the list of possible duplicates (in this file).
    pub fn mark_distinct(&mut self, keep: SecretaryId, other: SecretaryId) -> Result<()> {
        self.tx.execute(
            "INSERT OR IGNORE INTO local_distinct (first, second)
             SELECT a.uuid, b.uuid FROM secretary a, secretary b WHERE a.id = ?1 AND b.id = ?2",
            [keep.0, other.0],
        )?;
        Ok(())
    }
}
