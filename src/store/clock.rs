//! The hybrid logical clock that orders changes across database files.
//!
//! A clock value is wall-clock milliseconds shifted left by [`COUNTER_BITS`], plus a counter in
//! the low bits. Every write takes `max(now, highest seen + 1)`, so the clock never goes
//! backwards even when the laptop's clock does, and a merge that saw a clock from the future
//! keeps the next local edit ahead of it.

/// Bits of the counter below the milliseconds.
pub const COUNTER_BITS: u32 = 16;

/// The clock value for a write at `now_ms`, given the highest value seen so far.
pub fn next(highest_seen: i64, now_ms: i64) -> i64 {
    (now_ms.max(0) << COUNTER_BITS).max(highest_seen.saturating_add(1))
}

/// The wall-clock milliseconds of a clock value.
pub fn millis(clock: i64) -> i64 {
    clock >> COUNTER_BITS
}

thread_local! {
    /// The wall clock a test set for writes on its thread.
    static SET_FOR_THREAD: std::cell::Cell<Option<i64>> = const { std::cell::Cell::new(None) };
}

/// Milliseconds since the Unix epoch: by the system clock, or as set for this thread.
pub fn now_ms() -> i64 {
    SET_FOR_THREAD
        .with(std::cell::Cell::get)
        .unwrap_or_else(|| chrono::Utc::now().timestamp_millis())
}

/// Sets the wall clock that writes made on this thread see (`None`: the system clock again).
/// For tests that order edits in time without sleeping: two edits a second apart by this
/// clock are ordered however fast the machine runs them.
pub fn set_for_this_thread(ms: Option<i64>) {
    SET_FOR_THREAD.with(|clock| clock.set(ms));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_set_for_a_thread_is_seen_there_only() {
        set_for_this_thread(Some(5_000));
        assert_eq!(now_ms(), 5_000);
        let elsewhere = std::thread::spawn(now_ms).join().expect("thread");
        assert!(
            elsewhere > 1_600_000_000_000,
            "the system clock: {elsewhere}"
        );
        set_for_this_thread(None);
        assert!(now_ms() > 1_600_000_000_000);
    }

    #[test]
    fn follows_the_wall_clock_when_it_moves_forward() {
        let first = next(0, 1_000);
        assert_eq!(millis(first), 1_000);
        let second = next(first, 2_000);
        assert_eq!(millis(second), 2_000);
    }

    #[test]
    fn never_goes_backwards_when_the_wall_clock_does() {
        let mut clock = next(0, 5_000);
        for now in [4_000, 3_000, 5_000, 0, -7] {
            let later = next(clock, now);
            assert!(later > clock, "{later} after {clock} at wall clock {now}");
            clock = later;
        }
        assert_eq!(
            millis(clock),
            5_000,
            "the counter absorbs the backward steps"
        );
    }

    #[test]
    fn many_writes_in_one_millisecond_stay_ordered() {
        let mut clock = 0;
        let mut seen = Vec::new();
        for _ in 0..1_000 {
            clock = next(clock, 42);
            seen.push(clock);
        }
        assert!(seen.windows(2).all(|w| w[0] < w[1]));
    }
}
