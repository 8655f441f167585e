//! Plain types and rules of the studio: no egui, no SQL.

macro_rules! local_id {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        ///
        /// A key local to one database file; records travel between files by their UUID.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        pub struct $name(pub i64);
    )*};
}

macro_rules! code_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $code:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($(#[$vdoc])* $variant),* }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];

            /// The code stored in the database.
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),* }
            }

            /// The value for a stored code.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)* _ => None }
            }
        }
    };
}

pub mod appraisal;
pub mod assessment;
pub mod base;
pub mod calendar;
pub mod checkup;
pub mod date;
pub mod decision;
pub mod exchange;
pub mod figures;
pub mod import_plan;
pub mod league;
pub mod learning;
pub mod lifecycle;
pub mod merge;
pub mod number;
pub mod pairing;
pub mod people_import;
pub mod period;
pub mod picture;
pub mod points;
pub mod problem;
pub mod roster;
pub mod search;
pub mod session;
pub mod task;
pub mod theme_day;

pub use date::PartialDate;
pub use roster::{
    Area, AreaId, Branch, BranchId, BranchKind, FieldError, Gender, Level, ProblemId, RosterEntry,
    SecretaryDraft, SecretaryField, SecretaryFields, SecretaryId, SessionId,
};
