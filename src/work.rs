//! How far a long piece of work (a year's report, a big export, a merge) has got, whether the
//! user has asked to stop it, and why it produced nothing. Shared between the worker thread
//! and the window drawing the bar. Imports nothing of ours: the store, the documents and the
//! app all use it (`i18n` says its errors in words).

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// The work was stopped by the user; nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

/// Progress of one piece of work: a fraction done and a cancel flag.
#[derive(Debug, Default)]
pub struct Progress {
    /// The fraction done, as the bits of an `f32`.
    done: AtomicU32,
    cancelled: AtomicBool,
}

impl Progress {
    /// Nothing done yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that `fraction` (0 to 1) of the work is done; says to stop if cancelled.
    ///
    /// # Errors
    /// `Cancelled` once the user has asked to stop.
    pub fn step(&self, fraction: f32) -> Result<(), Cancelled> {
        self.done
            .store(fraction.clamp(0.0, 1.0).to_bits(), Ordering::Relaxed);
        self.check()
    }

    /// Says to stop if the user has asked to.
    ///
    /// # Errors
    /// `Cancelled` once the user has asked to stop.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }

    /// The fraction done (0 to 1).
    pub fn fraction(&self) -> f32 {
        f32::from_bits(self.done.load(Ordering::Relaxed))
    }

    /// Asks the work to stop at its next step.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the user has asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// Why long work produced nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkError {
    /// The user cancelled it.
    Cancelled,
    /// The store could not be read; the message says why.
    Failed(String),
}

impl From<Cancelled> for WorkError {
    fn from(_: Cancelled) -> Self {
        Self::Cancelled
    }
}

impl From<String> for WorkError {
    fn from(message: String) -> Self {
        Self::Failed(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::float_cmp)]
    fn steps_report_the_fraction_until_cancelled() {
        let progress = Progress::new();
        assert_eq!(progress.fraction(), 0.0);
        assert_eq!(progress.step(0.25), Ok(()));
        assert_eq!(progress.fraction(), 0.25);
        assert_eq!(progress.step(7.0), Ok(()), "clamped");
        assert_eq!(progress.fraction(), 1.0);
        progress.cancel();
        assert_eq!(progress.step(0.5), Err(Cancelled));
        assert_eq!(progress.check(), Err(Cancelled));
    }
}
