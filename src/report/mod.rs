//! Documents from data: the ledgers as tables, written to Excel or CSV. Knows no egui and no
//! SQL; the app gathers the records and hands them over.

pub mod pdf;
pub mod table;

pub use table::{Cell, ExportError, Format, Table};
