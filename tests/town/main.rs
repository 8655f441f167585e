//! The town's revival and discipline — industry demonstration bases, the officials' duties and
//! tasks, village decisions and the calendar — through the window, on paper and on the command
//! line. One test binary for the four parts, so CI links it once.

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod gui_bases;
mod gui_calendar;
mod print;
