//! 帮扶: pairings of a strong branch's secretary with a weak one's ("1 + 1"), and how each is
//! going, from the help visits and problems that hang on it.

use super::roster::SecretaryId;
use chrono::NaiveDate;

local_id!(
    /// A pairing (结对).
    PairingId,
);

/// A pairing's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairingFields {
    /// The strong branch's secretary, who helps (帮扶人).
    pub strong: SecretaryId,
    /// The weak branch's secretary, who is helped (被帮扶人).
    pub weak: SecretaryId,
    /// When it began.
    pub starts_on: NaiveDate,
    /// When it ends or ended, if set.
    pub ends_on: Option<NaiveDate>,
    /// What it should achieve (帮扶目标).
    pub goals: String,
    /// What it achieved so far (成效).
    pub outcome: String,
    /// The industry demonstration base it works on, if any.
    pub base_id: Option<super::base::BaseId>,
}

/// A pairing with what its records say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairingProgress {
    /// Local key.
    pub id: PairingId,
    /// The record.
    pub fields: PairingFields,
    /// Help visits held (sessions of kind help visit linked to it).
    pub visits: i64,
    /// The last visit, if any.
    pub last_visit: Option<NaiveDate>,
    /// Problems hung on it.
    pub problems_raised: i64,
    /// Of which resolved.
    pub problems_resolved: i64,
}

impl PairingProgress {
    /// Whether the pairing runs on `today` (started, not ended).
    pub fn is_active(&self, today: NaiveDate) -> bool {
        self.fields.starts_on <= today && self.fields.ends_on.is_none_or(|end| today <= end)
    }

    /// Days since the last visit, or since the start if there was none.
    pub fn days_since_visit(&self, today: NaiveDate) -> i64 {
        let since = self.last_visit.unwrap_or(self.fields.starts_on);
        (today - since).num_days().max(0)
    }

    /// Whether an active pairing has gone more than `stale_days` without a visit.
    pub fn is_stale(&self, today: NaiveDate, stale_days: i64) -> bool {
        self.is_active(today) && self.days_since_visit(today) > stale_days
    }
}

/// Why a pairing cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairingError {
    /// A secretary cannot be paired with themself.
    SamePerson,
    /// It ends before it starts.
    EndsBeforeStart,
}

impl PairingFields {
    /// Checks the rules a pairing must follow.
    pub fn check(&self) -> Result<(), PairingError> {
        if self.strong == self.weak {
            return Err(PairingError::SamePerson);
        }
        if self.ends_on.is_some_and(|end| end < self.starts_on) {
            return Err(PairingError::EndsBeforeStart);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn pairing(last_visit: Option<NaiveDate>, ends_on: Option<NaiveDate>) -> PairingProgress {
        PairingProgress {
            id: PairingId(1),
            fields: PairingFields {
                strong: SecretaryId(1),
                weak: SecretaryId(2),
                starts_on: day(2021, 3, 1),
                ends_on,
                goals: String::new(),
                outcome: String::new(),
                base_id: None,
            },
            visits: i64::from(last_visit.is_some()),
            last_visit,
            problems_raised: 0,
            problems_resolved: 0,
        }
    }

    #[test]
    fn a_pair_goes_stale_after_the_set_days_without_a_visit() {
        let visited = pairing(Some(day(2021, 5, 1)), None);
        assert_eq!(visited.days_since_visit(day(2021, 6, 30)), 60);
        assert!(
            !visited.is_stale(day(2021, 6, 30), 60),
            "60 days is not more than 60"
        );
        assert!(visited.is_stale(day(2021, 7, 1), 60));
        let never = pairing(None, None);
        assert_eq!(
            never.days_since_visit(day(2021, 3, 31)),
            30,
            "counted from the start"
        );
        assert!(never.is_stale(day(2021, 3, 31), 29));
        let ended = pairing(None, Some(day(2021, 4, 1)));
        assert!(
            !ended.is_stale(day(2021, 12, 1), 30),
            "an ended pairing is not nagged about"
        );
    }

    #[test]
    fn a_pairing_needs_two_people_and_an_end_after_its_start() {
        let mut fields = pairing(None, None).fields;
        assert_eq!(fields.check(), Ok(()));
        fields.ends_on = Some(day(2021, 2, 1));
        assert_eq!(fields.check(), Err(PairingError::EndsBeforeStart));
        fields.weak = fields.strong;
        assert_eq!(fields.check(), Err(PairingError::SamePerson));
    }
}
