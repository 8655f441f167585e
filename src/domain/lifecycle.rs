//! The life of a thing followed until it is finished — a development problem, an official's
//! task: its state is its history, each change an event, and the latest event says where it
//! stands. Open past its deadline, it is overdue.

use chrono::NaiveDate;

/// A state of something followed by events.
pub trait Lifecycle: Copy + Eq {
    /// Whether it still needs work in this state.
    fn is_open(self) -> bool;
    /// Whether moving into this state needs a note written down (a problem's resolution).
    fn needs_note(self) -> bool;
}

/// One change in the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event<S> {
    /// When it happened.
    pub date: NaiveDate,
    /// The state it moved to.
    pub state: S,
    /// The clock of the record, to order two events of the same day.
    pub clock: i64,
    /// Who made the change.
    pub actor: String,
    /// What was said: for a resolution, the resolution itself.
    pub note: String,
}

/// The latest event: the one that says where it stands.
pub fn latest<S>(events: &[Event<S>]) -> Option<&Event<S>> {
    events.iter().max_by_key(|e| (e.date, e.clock))
}

/// Whether something in `state` with this deadline is overdue on `today`.
pub fn is_overdue<S: Lifecycle>(state: S, deadline: Option<NaiveDate>, today: NaiveDate) -> bool {
    state.is_open() && deadline.is_some_and(|d| d < today)
}

/// Why a change of state is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateChangeError {
    /// This change needs its note (a resolution) written down.
    ResolutionMissing,
    /// The change is dated before the thing began (raised, assigned).
    BeforeRaised,
    /// The change is dated before the latest entry of the history.
    BeforeLatest,
    /// The change is dated in the future.
    InFuture,
}

/// Checks a change of state before it is recorded. A new entry may not be dated before the
/// latest one: the latest entry says where it stands, so a backdated change would be filed in
/// the middle and change nothing.
pub fn check_state_change<S: Lifecycle>(
    began_on: NaiveDate,
    latest: Option<NaiveDate>,
    state: S,
    date: NaiveDate,
    note: &str,
    today: NaiveDate,
) -> Result<(), StateChangeError> {
    if state.needs_note() && note.trim().is_empty() {
        return Err(StateChangeError::ResolutionMissing);
    }
    if date < began_on {
        return Err(StateChangeError::BeforeRaised);
    }
    if latest.is_some_and(|latest| date < latest) {
        return Err(StateChangeError::BeforeLatest);
    }
    if date > today {
        return Err(StateChangeError::InFuture);
    }
    Ok(())
}
