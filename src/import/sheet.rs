//! A spreadsheet read as a grid of text cells, whatever its format.

use super::ImportError;
use calamine::{Data, Reader};
use std::path::Path;

/// A grid of cells as text, rows in file order (row 0 is line 1 of the file).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    /// The rows; cells are trimmed text.
    pub rows: Vec<Vec<String>>,
}

/// Reads an `.xlsx` (first sheet) or `.csv` file.
pub fn read_sheet(path: &Path) -> Result<Sheet, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_owned(),
        source,
    })?;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    read_sheet_bytes(&bytes, &extension)
}

/// Reads sheet bytes of the given type (`xlsx` or `csv`).
pub fn read_sheet_bytes(bytes: &[u8], extension: &str) -> Result<Sheet, ImportError> {
    match extension {
        "xlsx" | "xlsm" => read_xlsx(bytes),
        "csv" | "txt" => Ok(read_csv(bytes)),
        _ => Err(ImportError::UnsupportedType),
    }
}

/// The most rows and columns a sheet of Excel holds.
const EXCEL_ROWS: usize = 1 << 20;
const EXCEL_COLUMNS: usize = 1 << 14;

fn read_xlsx(bytes: &[u8]) -> Result<Sheet, ImportError> {
    // A damaged workbook can make the reader panic (the fuzzer found an overflow on a cell
    // reference): that is a bad spreadsheet, not the end of the program.
    let read = std::panic::catch_unwind(|| {
        let mut workbook = calamine::Xlsx::new(std::io::Cursor::new(bytes))
            .map_err(|e| ImportError::BadSpreadsheet(e.to_string()))?;
        workbook
            .worksheet_range_at(0)
            .ok_or(ImportError::NoRows)?
            .map_err(|e| ImportError::BadSpreadsheet(e.to_string()))
    });
    let range = read.unwrap_or_else(|_| {
        Err(ImportError::BadSpreadsheet(
            "the workbook is damaged".to_owned(),
        ))
    })?;
    // Row 0 of the grid is the sheet's first used row, which may not be line 1.
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    if first_row >= EXCEL_ROWS || first_column >= EXCEL_COLUMNS {
        return Err(ImportError::BadSpreadsheet(
            "a cell lies beyond the sheet's last row or column".to_owned(),
        ));
    }
    let mut rows = vec![Vec::new(); first_row];
    for row in range.rows() {
        let mut cells = vec![String::new(); first_column];
        cells.extend(row.iter().map(cell_text));
        rows.push(cells);
    }
    Ok(Sheet { rows })
}

/// A cell as the text a person sees: whole numbers without `.0`, dates as `YYYY-MM-DD`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            text.trim().to_owned()
        }
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            format!("{}", *number as i64)
        }
        Data::Float(number) => number.to_string(),
        Data::Int(number) => number.to_string(),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(moment) => match moment.as_datetime() {
            Some(datetime) => datetime.date().format("%Y-%m-%d").to_string(),
            None => moment.as_f64().to_string(),
        },
    }
}

/// Decodes CSV bytes: UTF-8 (with or without BOM), otherwise GB18030 (a superset of GBK, which
/// WPS and Excel on Chinese Windows write by default).
fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::GB18030
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

fn read_csv(bytes: &[u8]) -> Sheet {
    let text = decode_text(bytes);
    // The delimiter the rows use: a title line above the header (one cell) has none, so the
    // first lines together decide (the most of it in all); on a tie the comma.
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let delimiter = [b',', b'\t', b';']
        .into_iter()
        .enumerate()
        .max_by_key(|(preference, d)| {
            let total: usize = lines
                .iter()
                .map(|l| l.matches(char::from(*d)).count())
                .sum();
            (total, std::cmp::Reverse(*preference))
        })
        .map_or(b',', |(_, d)| d);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // A malformed line (an unclosed quote) ends the readable part; the rest is not guessed at.
    while let Ok(true) = reader.read_record(&mut record) {
        rows.push(record.iter().map(|c| c.trim().to_owned()).collect());
    }
    Sheet { rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_and_utf8_with_bom_read_the_same() {
        let text = "姓名,所在党支部\n王建国,东坪村党支部\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        let expected = read_sheet_bytes(text.as_bytes(), "csv").expect("utf-8");
        assert_eq!(read_sheet_bytes(&gbk, "csv").expect("gbk"), expected);
        assert_eq!(read_sheet_bytes(&bom, "csv").expect("bom"), expected);
        assert_eq!(expected.rows[1], vec!["王建国", "东坪村党支部"]);
    }

    #[test]
    fn tabs_and_quoted_commas_are_understood() {
        let sheet =
            read_sheet_bytes("姓名\t备注\n李䶮\t\"a, b\"\n".as_bytes(), "csv").expect("tsv");
        assert_eq!(sheet.rows[1], vec!["李䶮", "a, b"]);
        let sheet = read_sheet_bytes("姓名,备注\n李䶮,\"a, b\"\n".as_bytes(), "csv").expect("csv");
        assert_eq!(sheet.rows[1], vec!["李䶮", "a, b"]);
    }

    #[test]
    fn a_title_line_of_one_cell_above_the_header_does_not_hide_the_commas() {
        let text = "古城镇2026年百人团人员名单\n\n姓名,性别,所在团\n刘桂花,女,妇女团\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        for bytes in [text.as_bytes(), &gbk[..]] {
            let sheet = read_sheet_bytes(bytes, "csv").expect("csv");
            assert_eq!(sheet.rows[1], vec!["姓名", "性别", "所在团"]);
            assert_eq!(sheet.rows[2], vec!["刘桂花", "女", "妇女团"]);
        }
        let sheet = read_sheet_bytes("名单\n姓名;性别\n李䶮;男\n".as_bytes(), "csv").expect("csv");
        assert_eq!(sheet.rows[2], vec!["李䶮", "男"]);
    }

    #[test]
    fn unknown_types_and_broken_workbooks_are_errors() {
        assert!(matches!(
            read_sheet_bytes(b"x", "doc"),
            Err(ImportError::UnsupportedType)
        ));
        assert!(matches!(
            read_sheet_bytes(b"PK\x03\x04 not a zip", "xlsx"),
            Err(ImportError::BadSpreadsheet(_))
        ));
    }
}
