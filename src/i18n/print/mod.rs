//! The words of the printed documents, one catalogue each, as `print/` has one file each.

mod document;
mod period;
mod problem_ledger;
mod ranking;
mod sign_in;
mod summary;
