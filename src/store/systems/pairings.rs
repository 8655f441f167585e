//! Strong-with-weak pairings and their progress.

use super::{day_text, optional_day};
use crate::domain::SecretaryId;
use crate::domain::base::BaseId;
use crate::domain::pairing::{PairingFields, PairingId, PairingProgress};
use crate::store::{Result, Store, Writer, day};

impl Store {
    /// Every pairing with its visits and problems.
    pub fn pairings(&self) -> Result<Vec<PairingProgress>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT p.id, p.strong_id, p.weak_id, p.starts_on, p.ends_on, p.goals, p.outcome,
                (SELECT count(*) FROM live_session s WHERE s.pairing_id = p.id
                    AND s.kind = 'help_visit'),
                (SELECT max(s.held_on) FROM live_session s WHERE s.pairing_id = p.id
                    AND s.kind = 'help_visit'),
                (SELECT count(*) FROM live_problem q WHERE q.pairing_id = p.id),
                (SELECT count(*) FROM live_problem q WHERE q.pairing_id = p.id
                    AND (SELECT e.state FROM live_problem_event e WHERE e.problem_id = q.id
                         ORDER BY e.happened_on DESC, e.hlc DESC, e.id DESC LIMIT 1) = 'resolved'),
                p.base_id
             FROM live_pairing p ORDER BY p.starts_on DESC, p.id DESC",
        )?;
        let pairings = statement
            .query_map([], |r| {
                Ok(PairingProgress {
                    id: PairingId(r.get(0)?),
                    fields: PairingFields {
                        strong: SecretaryId(r.get(1)?),
                        weak: SecretaryId(r.get(2)?),
                        starts_on: day(&r.get::<_, String>(3)?)?,
                        ends_on: optional_day(r.get_ref(4)?.as_str_or_null()?)?,
                        goals: r.get(5)?,
                        outcome: r.get(6)?,
                        base_id: r.get::<_, Option<i64>>(11)?.map(BaseId),
                    },
                    visits: r.get(7)?,
                    last_visit: optional_day(r.get_ref(8)?.as_str_or_null()?)?,
                    problems_raised: r.get(9)?,
                    problems_resolved: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(pairings)
    }

    /// The pair of a help visit's pairing: (helper, helped).
    pub fn pair_of(
        &self,
        fields: &crate::domain::session::SessionFields,
    ) -> Result<Option<[SecretaryId; 2]>> {
        let Some(pairing) = fields.pairing_id else {
            return Ok(None);
        };
        Ok(self
            .pairings()?
            .into_iter()
            .find(|p| p.id == pairing)
            .map(|p| [p.fields.strong, p.fields.weak]))
    }
}

impl Writer<'_> {
    /// Adds a pairing.
    pub fn add_pairing(&mut self, fields: &PairingFields) -> Result<PairingId> {
        Ok(PairingId(self.insert_record(
            "pairing",
            &[
                ("strong_id", &fields.strong.0),
                ("weak_id", &fields.weak.0),
                ("starts_on", &day_text(fields.starts_on)),
                ("ends_on", &fields.ends_on.map(day_text)),
                ("goals", &fields.goals.trim()),
                ("outcome", &fields.outcome.trim()),
                ("base_id", &fields.base_id.map(|b| b.0)),
            ],
        )?))
    }

    /// Changes a pairing.
    pub fn update_pairing(&mut self, id: PairingId, fields: &PairingFields) -> Result<()> {
        let changed = self.update_record(
            "pairing",
            id.0,
            &[
                ("strong_id", &fields.strong.0),
                ("weak_id", &fields.weak.0),
                ("starts_on", &day_text(fields.starts_on)),
                ("ends_on", &fields.ends_on.map(day_text)),
                ("goals", &fields.goals.trim()),
                ("outcome", &fields.outcome.trim()),
                ("base_id", &fields.base_id.map(|b| b.0)),
            ],
        )?;
        self.changed_or_missing(changed, "pairing", id.0)
    }
}
