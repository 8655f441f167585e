//! Documents from data: the printouts laid out as PDF or written as Word (`.docx`), and the
//! ledgers as tables written to Excel or CSV. Knows no egui and no SQL; the app gathers the
//! records and hands them over.

pub mod docx;
pub mod pdf;
pub mod table;

pub use table::{Cell, ExportError, Format, Table};

/// A table column: its header and its share of the text width.
pub struct Column<'a> {
    /// The header.
    pub title: &'a str,
    /// Share of the width (the shares of a table add up to 1).
    pub share: f32,
}

/// A picture placed in a document: JPEG bytes, their size in pixels, and the caption under it.
pub struct Picture<'a> {
    /// The picture, JPEG.
    pub jpeg: &'a [u8],
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The caption under it.
    pub caption: String,
}

/// Where a line of display text stands across the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// From the left margin (Word justifies it).
    Left,
    /// Centred.
    Centre,
    /// To the right, two characters in from the margin (as 落款 stands).
    Right,
}

/// How a line of display text (a certificate's) is set: its size, where it stands, the
/// room above it, and whether it is the title.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Display {
    /// Size in points.
    pub size: f32,
    /// Left, centred or right.
    pub align: Align,
    /// Room above, in points.
    pub before: f32,
    /// Characters of indent on the first line (首行缩进), left-aligned text only.
    pub indent: f32,
    /// The title: in red, and in the title face where the document names faces (Word).
    pub title: bool,
}

impl Display {
    /// Text of `size` points set `align`, with nothing above it.
    pub fn new(size: f32, align: Align) -> Self {
        Self {
            size,
            align,
            before: 0.0,
            indent: 0.0,
            title: false,
        }
    }

    /// With `points` of room above.
    #[must_use]
    pub fn before(self, points: f32) -> Self {
        Self {
            before: points,
            ..self
        }
    }

    /// With `chars` characters of indent on the first line.
    #[must_use]
    pub fn indent(self, chars: f32) -> Self {
        Self {
            indent: chars,
            ..self
        }
    }

    /// As the title: red, in the title face.
    #[must_use]
    pub fn title(self) -> Self {
        Self {
            title: true,
            ..self
        }
    }
}

/// What a printout is made of. Each printout is written once against this, and comes out as
/// a PDF (`pdf::Document`, laid out by us) or a Word file (`docx::Document`, laid out by Word
/// in the official format of Party and government documents).
pub trait Compose {
    /// The issuing body's line at the top, in red with a red rule under it (版头).
    fn letterhead(&mut self, text: &str);
    /// A centred title; `\n` separates its lines.
    fn title(&mut self, text: &str, size: f32);
    /// A first-level heading (一、会议议程).
    fn heading(&mut self, text: &str);
    /// A paragraph; `indent` em at the start of its first line (首行缩进).
    fn paragraph(&mut self, text: &str, indent: f32);
    /// A `label：value` line.
    fn field(&mut self, label: &str, value: &str) {
        self.paragraph(&format!("{label}：{value}"), 0.0);
    }
    /// Numbered lines (1. 2. 3.).
    fn numbered(&mut self, items: &[String]);
    /// Items in `columns` columns, without borders (names with their attendance marks).
    fn grid(&mut self, items: &[String], columns: usize);
    /// A bordered table whose header row repeats on every page; `min_row` is the least height
    /// of a row in points (room to sign).
    fn table(&mut self, columns: &[Column<'_>], rows: &[Vec<String>], min_row: f32);
    /// A horizontal bar chart, captioned 图 n.
    fn bar_chart(&mut self, caption: &str, figure: &str, items: &[(String, f64, String)], max: f64);
    /// A column chart (one per item, e.g. per month), captioned 图 n.
    fn column_chart(&mut self, caption: &str, figure: &str, items: &[(String, f64, String)]);
    /// Signature lines: `label：______`.
    fn signatures(&mut self, labels: &[&str]);
    /// The signer's lines at the end, to the right (落款: the issuing body, then the date).
    fn sign_off(&mut self, lines: &[&str]);
    /// Photos with their captions, two to a row.
    fn pictures(&mut self, pictures: &[Picture<'_>]);
    /// Vertical space in points.
    fn space(&mut self, points: f32);
    /// Starts a new page unless `height` points more fit on this one.
    fn need(&mut self, height: f32);
    /// The next table's rows move the progress from `from` to `to` (a long ledger).
    fn progress_span(&mut self, _from: f32, _to: f32) {}
    /// Text larger than the body, wrapped and set as `display` says (a certificate's lines).
    fn display(&mut self, text: &str, display: Display);
    /// What follows starts on a new page (one certificate a page).
    fn new_page(&mut self);
}
