//! The words of the printed documents, one catalogue each, as `print/` has one file each.

mod appraisals;
mod bases;
mod checkups;
mod decisions;
mod document;
mod letters;
mod period;
mod problem_ledger;
mod ranking;
mod sign_in;
mod summary;
mod tasks;
