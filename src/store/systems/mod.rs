//! The five systems' records: learning plan and topics, pairings, criteria and hand-entered
//! scores, experience notes, notices, points rules, awards, honours and responsibilities; and
//! the facts that points and computed scores are derived from.

use super::{DAY, Error, Result, Store, Writer, day};
use crate::domain::assessment::{
    CriterionId, DEFAULT_CRITERIA, STAR_THRESHOLDS_KEY, StarThresholds,
};
use crate::domain::exchange::{DEFAULT_RESPONSIBILITIES, NoticeId};
use crate::domain::learning::PlanItemId;
use crate::domain::pairing::PairingId;
use crate::domain::period::Period;
use crate::domain::points::{AwardId, HonourId, NoteId, PointsEvent};
use crate::domain::{SecretaryId, SessionId};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;

mod exchange;

mod points;

mod assessment;

mod pairings;

mod learning;

/// The setting key of the days after which a pairing without a visit is flagged.
pub const STALE_DAYS_KEY: &str = "pairing_stale_days";
/// Flag a pairing after this many days without a visit, unless set otherwise.
pub const DEFAULT_STALE_DAYS: i64 = 60;
/// The setting key of the letterhead line of printed documents (发文机关标志).
pub const LETTERHEAD_KEY: &str = "document_letterhead";
/// The setting key of the signer line at the end of printed documents (落款).
pub const SIGNER_KEY: &str = "document_signer";

/// The lines at the head and foot of a printed document, as the studio set them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentHeads {
    /// The letterhead (e.g. 中共古城镇委员会); empty: none.
    pub letterhead: String,
    /// The signer (e.g. the studio's name); empty: none.
    pub signer: String,
}

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
    for (index, (name, discipline)) in crate::domain::league::DEFAULT_GROUPS.iter().enumerate() {
        conn.execute(
            "INSERT OR IGNORE INTO league_group (uuid, origin_site, hlc, hlc_site, position, name,
                discipline)
             VALUES (?1, ?2, 0, ?2, ?3, ?4, ?5)",
            params![
                well_known_uuid(5, index),
                site,
                index as i64,
                name,
                discipline
            ],
        )?;
    }
    for (index, (name, max)) in crate::domain::checkup::DEFAULT_INDICATORS
        .iter()
        .enumerate()
    {
        conn.execute(
            "INSERT OR IGNORE INTO checkup_indicator (uuid, origin_site, hlc, hlc_site, position,
                name, max_score)
             VALUES (?1, ?2, 0, ?2, ?3, ?4, ?5)",
            params![well_known_uuid(6, index), site, index as i64, name, max],
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

    /// The letterhead and signer lines of printed documents: as set, or by default the town's
    /// Party committee (中共古城镇委员会) and the studio's name.
    pub fn document_heads(&self) -> Result<DocumentHeads> {
        let studio = self.studio()?;
        let letterhead = self.setting(LETTERHEAD_KEY)?.unwrap_or_else(|| {
            let town = studio.town.trim();
            if town.is_empty() {
                String::new()
            } else {
                format!("中共{town}委员会")
            }
        });
        let signer = self.setting(SIGNER_KEY)?.unwrap_or(studio.name);
        Ok(DocumentHeads { letterhead, signer })
    }

    /// Days without a visit after which a pairing is flagged.
    pub fn stale_days(&self) -> Result<i64> {
        Ok(self
            .setting(STALE_DAYS_KEY)?
            .and_then(|t| t.trim().parse().ok())
            .filter(|d| *d > 0)
            .unwrap_or(DEFAULT_STALE_DAYS))
    }
}

/// Who a session expects, each with their mark if they have one.
pub type ExpectedAttendance = Vec<(
    crate::domain::RosterEntry,
    Option<crate::domain::session::AttendanceMark>,
)>;

impl Store {
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

    /// Deletes (or restores) a record of one of the five systems' tables.
    pub fn set_record_deleted(&mut self, record: SystemRecord, deleted: bool) -> Result<()> {
        if let (SystemRecord::Person(person), true) = (record, deleted) {
            return self.delete_person(person);
        }
        if let (SystemRecord::Official(official), true) = (record, deleted) {
            return self.delete_official(official);
        }
        let (table, id) = record.table_and_id();
        self.set_deleted(table, id, deleted)
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
    /// A photo or scan of a session or problem.
    Picture(crate::domain::picture::PictureId),
    /// A person of the register (refused while they are in a group).
    Person(crate::domain::league::PersonId),
    /// A membership of a group.
    Member(crate::domain::league::MemberId),
    /// A branch's theme party day of a month.
    ThemeDay(crate::domain::theme_day::ThemeDayId),
    /// An indicator of the check-up.
    Indicator(crate::domain::checkup::IndicatorId),
    /// A check-up.
    Checkup(crate::domain::checkup::CheckupId),
    /// A finding of a check-up.
    Finding(crate::domain::checkup::FindingId),
    /// A duty report and its appraisal.
    Appraisal(crate::domain::appraisal::AppraisalId),
    /// An industry demonstration base (what hangs on it stays, unlinked when shown).
    Base(crate::domain::base::BaseId),
    /// A milestone of a base.
    Milestone(crate::domain::base::MilestoneId),
    /// An official (refused while they have tasks).
    Official(crate::domain::task::OfficialId),
    /// A task with its progress.
    Task(crate::domain::task::TaskId),
    /// A village decision with its steps.
    Decision(crate::domain::decision::DecisionId),
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
            Self::Picture(id) => ("picture", id.0),
            Self::Person(id) => ("person", id.0),
            Self::Member(id) => ("group_member", id.0),
            Self::ThemeDay(id) => ("theme_day", id.0),
            Self::Indicator(id) => ("checkup_indicator", id.0),
            Self::Checkup(id) => ("checkup", id.0),
            Self::Finding(id) => ("checkup_finding", id.0),
            Self::Appraisal(id) => ("appraisal", id.0),
            Self::Base(id) => ("base", id.0),
            Self::Milestone(id) => ("base_milestone", id.0),
            Self::Official(id) => ("official", id.0),
            Self::Task(id) => ("task", id.0),
            Self::Decision(id) => ("decision", id.0),
        }
    }
}
