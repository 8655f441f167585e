//! Reading the sheets coordinators already keep (Excel/WPS `.xlsx`, `.csv` in UTF-8 or GBK)
//! into roster rows and people rows. Knows nothing of the database; the plan is made in `domain::import_plan`.

mod people;
mod roster;
mod sheet;

pub use people::{PEOPLE_HEADER_NAMES, parse_people};
pub use roster::{HEADER_NAMES, parse_roster};
pub use sheet::{Sheet, read_sheet, read_sheet_bytes};

use std::path::PathBuf;

/// Why a file could not be read as a roster.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read at all.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The extension is neither `.xlsx` nor `.csv`.
    #[error("unsupported file type (use .xlsx or .csv)")]
    UnsupportedType,
    /// The spreadsheet is damaged or not really a spreadsheet.
    #[error("the spreadsheet cannot be read: {0}")]
    BadSpreadsheet(String),
    /// The workbook has no sheets, or the sheet no rows.
    #[error("the file holds no rows")]
    NoRows,
    /// No row looks like a header with 姓名 in it.
    #[error("no header row with a name column (姓名) was found in the first rows")]
    NoHeader,
}
