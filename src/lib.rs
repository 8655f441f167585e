//! Secretary Studio (书记工作室): the records of a joint-village branch secretary studio.
//!
//! Arrows point one way: `main → cli/app → ui → store/domain/import`, `store → domain`.
//! `domain` imports nothing of ours; `store` and `import` know no egui. The store is the only
//! module with SQL.
//!
//! The screen contract ([`ui::View`]): a screen draws from a read-only [`ui::ViewContext`]
//! and returns [`ui::Command`]s; the shell ([`app`]) applies them after the frame, each write
//! in one transaction, and answers a write only to the screen that asked for it. A screen
//! keeps what it shows in [`ui::data::Memo`]s, loaded once per store generation on the
//! loader's thread (its own read connection), so no frame waits for SQL. Adding a screen:
//! a `View` in `ui/`, a [`ui::Screen`] variant, its field in `app/screens.rs`, its label in
//! `i18n` and the navigation (README, "Adding a screen").

pub mod app;
pub mod archive;
pub mod bench;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod durable;
pub mod export;
pub mod fonts;
pub mod i18n;
pub mod import;
pub mod look;
pub mod pictures;
pub mod places;
pub mod print;
pub mod report;
pub mod settings;
pub mod store;
pub mod stress;
pub mod ui;
pub mod work;

pub use app::App;
