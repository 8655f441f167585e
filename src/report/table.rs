//! A ledger as a typed table, and writing it to `.xlsx` (dates as dates, numbers as numbers,
//! header row frozen, widths fitted) or `.csv` (UTF-8 with a byte-order mark, for Excel). A file
//! appears under its name only once complete: a failure leaves nothing behind.

use chrono::{Datelike, NaiveDate};
use std::path::Path;

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A number (a score).
    Number(f64),
    /// A share, shown as a percentage (0.932 shows as 93.2%).
    Percent(f64),
    /// A day.
    Date(NaiveDate),
    /// Nothing.
    Empty,
}

impl Cell {
    /// Text, or empty for an empty string.
    pub fn text(text: impl Into<String>) -> Self {
        let text = text.into();
        if text.is_empty() {
            Self::Empty
        } else {
            Self::Text(text)
        }
    }

    /// A day, or empty.
    pub fn date(day: Option<NaiveDate>) -> Self {
        day.map_or(Self::Empty, Self::Date)
    }

    /// The cell as CSV writes it.
    fn as_csv(&self) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Int(value) => value.to_string(),
            Self::Number(value) => {
                let rounded = (value * 1000.0).round() / 1000.0;
                rounded.to_string()
            }
            Self::Percent(value) => format!("{:.1}%", value * 100.0),
            Self::Date(day) => day.format("%Y-%m-%d").to_string(),
            Self::Empty => String::new(),
        }
    }

    /// How wide it shows, in Latin character widths (a Chinese character takes two).
    fn width(&self) -> usize {
        match self {
            Self::Date(_) => 10,
            other => other
                .as_csv()
                .chars()
                .map(|c| if c.is_ascii() { 1 } else { 2 })
                .sum(),
        }
    }
}

/// A ledger as rows under a header.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet's name (Excel allows 31 characters).
    pub sheet: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows, each as long as the headers.
    pub rows: Vec<Vec<Cell>>,
}

/// The file formats a ledger can be written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Excel workbook: every table a sheet.
    Xlsx,
    /// Comma-separated values: the first table only.
    Csv,
}

impl Format {
    /// The format a file name asks for, by its extension.
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "xlsx" => Some(Self::Xlsx),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }
}

/// Why a ledger could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The file name ends neither in `.xlsx` nor in `.csv`.
    #[error("the file name must end in .xlsx or .csv")]
    UnknownFormat,
    /// A sheet would have more columns than Excel allows.
    #[error("{found} columns; a sheet holds at most {max}")]
    TooManyColumns {
        /// Columns needed.
        found: usize,
        /// Excel's limit.
        max: usize,
    },
    /// The folder does not exist.
    #[error("the folder does not exist")]
    NoSuchFolder,
    /// The file could not be put in its place (open in Excel, read-only, disk full).
    #[error("{0}")]
    File(#[from] crate::durable::WriteError),
    /// Writing the workbook failed.
    #[error("{0}")]
    Write(String),
}

/// Excel's limit on columns in a sheet.
pub const MAX_COLUMNS: usize = 16_384;

/// Writes `tables` to `path` in the format its extension names; the file appears only when
/// complete, replacing one that was there. Only Excel limits the columns.
pub fn write(tables: &[Table], path: &Path) -> Result<(), ExportError> {
    let format = Format::from_path(path).ok_or(ExportError::UnknownFormat)?;
    if format == Format::Xlsx
        && let Some(widest) = tables.iter().map(|t| t.headers.len()).max()
        && widest > MAX_COLUMNS
    {
        return Err(ExportError::TooManyColumns {
            found: widest,
            max: MAX_COLUMNS,
        });
    }
    if !crate::durable::folder_of(path).is_dir() {
        return Err(ExportError::NoSuchFolder);
    }
    let temporary = crate::durable::temporary_beside(path);
    let written = match format {
        Format::Xlsx => write_xlsx(tables, &temporary),
        Format::Csv => write_csv(tables.first(), &temporary),
    };
    if let Err(error) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(error);
    }
    Ok(crate::durable::replace(&temporary, path)?)
}

fn write_csv(table: Option<&Table>, path: &Path) -> Result<(), ExportError> {
    let mut file = std::fs::File::create(path)
        .map_err(|e| ExportError::File(crate::durable::classify(e, path)))?;
    let empty = Table {
        sheet: String::new(),
        headers: Vec::new(),
        rows: Vec::new(),
    };
    write_csv_to(&mut file, table.unwrap_or(&empty)).map_err(|e| match e.into_kind() {
        csv::ErrorKind::Io(e) => ExportError::File(crate::durable::classify(e, path)),
        other => ExportError::Write(format!("{other:?}")),
    })
}

/// Writes a table as CSV to `out`: a byte-order mark, the header row, the rows.
pub fn write_csv_to(out: &mut dyn std::io::Write, table: &Table) -> Result<(), csv::Error> {
    // Without the byte-order mark Excel on Chinese Windows reads UTF-8 as GBK.
    out.write_all("\u{feff}".as_bytes())?;
    let mut writer = csv::Writer::from_writer(out);
    if !table.headers.is_empty() {
        writer.write_record(&table.headers)?;
    }
    for row in &table.rows {
        writer.write_record(row.iter().map(Cell::as_csv))?;
    }
    writer.flush()?;
    Ok(())
}

fn write_xlsx(tables: &[Table], path: &Path) -> Result<(), ExportError> {
    use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook};
    let error = |e: rust_xlsxwriter::XlsxError| ExportError::Write(e.to_string());
    let mut workbook = Workbook::new();
    let header = CellFormat::new().set_bold();
    let date = CellFormat::new().set_num_format("yyyy-mm-dd");
    let percent = CellFormat::new().set_num_format("0.0%");
    for table in tables {
        let sheet = workbook.add_worksheet();
        let name: String = table.sheet.chars().take(31).collect();
        sheet.set_name(name).map_err(error)?;
        let mut widths: Vec<usize> = table
            .headers
            .iter()
            .map(|h| Cell::text(h.as_str()).width())
            .collect();
        for (column, title) in table.headers.iter().enumerate() {
            sheet
                .write_string_with_format(0, column as u16, title, &header)
                .map_err(error)?;
        }
        for (index, row) in table.rows.iter().enumerate() {
            let r = (index + 1) as u32;
            for (column, cell) in row.iter().enumerate() {
                let c = column as u16;
                match cell {
                    Cell::Text(text) => {
                        sheet.write_string(r, c, text).map_err(error)?;
                    }
                    Cell::Int(value) => {
                        sheet.write_number(r, c, *value as f64).map_err(error)?;
                    }
                    Cell::Number(value) => {
                        sheet.write_number(r, c, *value).map_err(error)?;
                    }
                    Cell::Percent(value) => {
                        sheet
                            .write_number_with_format(r, c, *value, &percent)
                            .map_err(error)?;
                    }
                    Cell::Date(day) => {
                        let when = ExcelDateTime::from_ymd(
                            day.year() as u16,
                            day.month() as u8,
                            day.day() as u8,
                        )
                        .map_err(error)?;
                        sheet
                            .write_datetime_with_format(r, c, &when, &date)
                            .map_err(error)?;
                    }
                    Cell::Empty => {}
                }
                if let Some(width) = widths.get_mut(column) {
                    *width = (*width).max(cell.width());
                }
            }
        }
        for (column, width) in widths.iter().enumerate() {
            let fitted = (*width).clamp(4, 60) as f64 + 2.0;
            sheet
                .set_column_width(column as u16, fitted)
                .map_err(error)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(error)?;
    }
    if tables.is_empty() {
        workbook.add_worksheet();
    }
    workbook.save(path).map_err(|e| match e {
        rust_xlsxwriter::XlsxError::IoError(e) => {
            ExportError::File(crate::durable::classify(e, path))
        }
        other => error(other),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            sheet: "花名册".into(),
            headers: vec!["姓名".into(), "出勤率".into(), "日期".into()],
            rows: vec![vec![
                Cell::text("王建国"),
                Cell::Number(0.9166),
                Cell::Date(NaiveDate::from_ymd_opt(2021, 5, 20).expect("date")),
            ]],
        }
    }

    #[test]
    fn csv_starts_with_a_byte_order_mark_and_writes_dates_as_days() {
        let folder = tempfile::tempdir().expect("tempdir");
        let path = folder.path().join("a.csv");
        write(&[table()], &path).expect("written");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("王建国,0.917,2021-05-20"), "{text}");
    }

    #[test]
    fn an_unknown_extension_or_a_missing_folder_writes_nothing() {
        let folder = tempfile::tempdir().expect("tempdir");
        assert!(matches!(
            write(&[table()], &folder.path().join("a.pdf")),
            Err(ExportError::UnknownFormat)
        ));
        assert!(matches!(
            write(&[table()], &folder.path().join("gone").join("a.xlsx")),
            Err(ExportError::NoSuchFolder)
        ));
        assert_eq!(std::fs::read_dir(folder.path()).expect("dir").count(), 0);
    }

    #[test]
    fn a_sheet_wider_than_excel_allows_is_refused() {
        let folder = tempfile::tempdir().expect("tempdir");
        let wide = Table {
            sheet: "x".into(),
            headers: vec![String::new(); MAX_COLUMNS + 1],
            rows: Vec::new(),
        };
        assert!(matches!(
            write(std::slice::from_ref(&wide), &folder.path().join("a.xlsx")),
            Err(ExportError::TooManyColumns { .. })
        ));
        assert_eq!(std::fs::read_dir(folder.path()).expect("dir").count(), 0);
        write(&[wide], &folder.path().join("a.csv")).expect("CSV has no column limit");
    }
}
