//! Secretary Studio (书记工作室): the records of a joint-village branch secretary studio.
//!
//! Arrows point one way: `ui → app → store/domain/import`, `store → domain`. `domain` imports
//! nothing of ours; `store` and `import` know no egui. The store is the only module with SQL.

pub mod app;
pub mod bench;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod durable;
pub mod export;
pub mod fonts;
pub mod i18n;
pub mod import;
pub mod places;
pub mod print;
pub mod report;
pub mod settings;
pub mod store;
pub mod stress;
pub mod ui;
pub mod work;

pub use app::App;
