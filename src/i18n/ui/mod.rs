//! The labels of each screen and dialog, one catalogue each, as `ui/` has one file (or folder)
//! each; labels several screens share stay in `i18n/mod.rs` and `i18n/systems.rs`.

mod appraise;
mod areas;
mod backups;
mod bases;
mod browse;
mod calendar;
mod communicate;
mod compare;
mod dashboard;
mod data;
mod decisions;
mod drafts;
mod export;
mod file_dialog;
mod help;
mod import;
mod incentivise;
mod league;
mod learn;
mod merge;
mod people_import;
pub use people_import::PeopleImportLine;
mod pictures;
mod problems;
mod review;
mod roster;
mod save_pdf;
mod search;
mod secretary;
mod sessions;
mod tasks;
mod theme_days;
mod widgets;
