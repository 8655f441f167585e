//! Plain types and rules of the studio: no egui, no SQL.

pub mod date;
pub mod import_plan;
pub mod roster;
pub mod search;

pub use date::PartialDate;
pub use roster::{
    Area, AreaId, Branch, BranchId, BranchKind, FieldError, Gender, Level, RosterEntry,
    SecretaryDraft, SecretaryField, SecretaryFields, SecretaryId,
};
