//! Word documents (`.docx`) in the format of Party and government documents (GB/T 9704-2012,
//! 党政机关公文格式): A4, margins top 37 mm and left 28 mm around a 156 × 225 mm text block, a
//! page of 22 lines of 28 characters, the title in 方正小标宋简体 2号, the body in
//! `仿宋_GB2312` 3号 with a two-character first-line indent, headings in 黑体 and `楷体_GB2312`, and page
//! numbers "— 1 —" in 4号 宋体 at the foot (odd pages right, even pages left, one character in).
//!
//! docx-rs writes the package. Two things it lacks are finished here on its XML: a table's
//! header row marked to repeat on every page (`w:tblHeader`), and photos kept as JPEG (it
//! names every picture `.png`). Word names the fonts but does not embed them; where one is
//! missing, Word and WPS substitute (the README says what with).

use super::{Align, Column, Compose, Display, Picture};
use docx_rs::{
    AlignmentType, BreakType, DocGrid, DocGridType, Footer, HeightRule, LineSpacing,
    LineSpacingType, PageMargin, PageNum, PageOrientationType, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Pic, Run, RunFonts, SpecialIndentType, Style,
    StyleType, Table, TableCell, TableRow, WidthType,
};
use std::io::{Read, Write};

/// 方正小标宋简体: the title (and the letterhead).
pub const TITLE_FONT: &str = "方正小标宋简体";
/// `仿宋_GB2312`: the body.
pub const BODY_FONT: &str = "仿宋_GB2312";
/// 黑体: first-level headings and table headers.
pub const HEADING_FONT: &str = "黑体";
/// `楷体_GB2312`: second-level headings and captions.
pub const KAI_FONT: &str = "楷体_GB2312";
/// 宋体: the page numbers.
pub const NUMBER_FONT: &str = "宋体";

/// Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt, 五号 10.5 pt.
const TITLE_SIZE: usize = 44;
const BODY_SIZE: usize = 32;
const PAGE_NUMBER_SIZE: usize = 28;
const TABLE_SIZE: usize = 24;
const WIDE_TABLE_SIZE: usize = 21;

/// Millimetres to twips (1/1440 inch).
fn twips(mm: f32) -> i32 {
    (mm / 25.4 * 1440.0).round() as i32
}

/// Characters drawn closer by this much (twentieths of a point) so 28 of 3号 fit a line.
const CHAR_SPACING: i32 = -5;

/// A4 in twips.
const A4: (u32, u32) = (11_906, 16_838);
/// The text block: 156 × 225 mm.
const BLOCK_MM: (f32, f32) = (156.0, 225.0);
/// One line of the 22 on a page, in twips (225 mm / 22).
fn line_pitch() -> i32 {
    twips(BLOCK_MM.1) / 22
}

/// A Word document being written.
pub struct Document {
    docx: docx_rs::Docx,
    /// The width between the margins, in twips.
    width: i32,
    /// How many charts so far (图1, 图2…).
    charts: usize,
    /// How many pictures so far (their ids in the package).
    pictures: usize,
    /// Everything written, for checks.
    texts: Vec<String>,
    /// The next paragraph starts a new page.
    page_break: bool,
}

impl Default for Document {
    fn default() -> Self {
        Self::new()
    }
}

fn fonts(name: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(name)
        .ascii(name)
        .hi_ansi(name)
        .cs(name)
}

/// A run of `text` in `font` at `size` half-points; a line break for each `\n`.
fn run(text: &str, font: &str, size: usize) -> Run {
    let mut run = Run::new().fonts(fonts(font)).size(size);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

/// A first-line indent of `chars` characters of the body, in characters for Word and WPS and
/// in twips for readers that ignore characters (`LibreOffice`).
fn first_line(paragraph: Paragraph, chars: i32) -> Paragraph {
    let twips = chars * (BODY_SIZE as i32 * 10 + CHAR_SPACING);
    paragraph
        .indent(None, Some(SpecialIndentType::FirstLine(twips)), None, None)
        .first_line_chars(chars * 100)
}

fn exact(twips: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(twips)
}

fn single() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(240)
        .before(0)
        .after(0)
}

impl Document {
    /// An empty A4 document, upright.
    pub fn new() -> Self {
        Self::with_page_numbers(true)
    }

    /// An empty A4 document, upright, with page numbers at the foot or without.
    fn with_page_numbers(page_numbers: bool) -> Self {
        let pitch = line_pitch();
        let page_number = Style::new("PageNumber", StyleType::Paragraph)
            .name("Page Number Line")
            .size(PAGE_NUMBER_SIZE)
            .fonts(fonts(NUMBER_FONT));
        let odd = Footer::new().add_paragraph(
            Paragraph::new()
                .style("PageNumber")
                .align(AlignmentType::Right)
                .add_run(run("— ", NUMBER_FONT, PAGE_NUMBER_SIZE))
                .add_page_num(PageNum::new())
                .add_run(run(" —\u{3000}", NUMBER_FONT, PAGE_NUMBER_SIZE)),
        );
        let even = Footer::new().add_paragraph(
            Paragraph::new()
                .style("PageNumber")
                .align(AlignmentType::Left)
                .add_run(run("\u{3000}— ", NUMBER_FONT, PAGE_NUMBER_SIZE))
                .add_page_num(PageNum::new())
                .add_run(run(" —", NUMBER_FONT, PAGE_NUMBER_SIZE)),
        );
        let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let mut docx = docx_rs::Docx::new()
            .created_at(&now)
            .updated_at(&now)
            .page_size(A4.0, A4.1)
            .page_margin(
                PageMargin::new()
                    .top(twips(37.0))
                    .left(twips(28.0))
                    .right(twips(210.0 - 28.0 - BLOCK_MM.0))
                    .bottom(twips(297.0 - 37.0 - BLOCK_MM.1))
                    .header(twips(15.0))
                    .footer(twips(28.0) - 20 * 14),
            )
            .default_fonts(fonts(BODY_FONT))
            .default_size(BODY_SIZE)
            .default_spacing(CHAR_SPACING)
            .default_line_spacing(exact(pitch))
            .add_style(page_number);
        if page_numbers {
            docx = docx.footer(odd).even_footer(even);
        }
        // A grid of lines only: characters keep their own widths, drawn 0.25 pt closer
        // (28 of 3号 in 156 mm). A character grid spreads Chinese text wide wherever the
        // fonts are substituted (LibreOffice, WPS without 仿宋_GB2312).
        docx.document = docx.document.doc_grid(
            DocGrid::new()
                .grid_type(DocGridType::Lines)
                .line_pitch(pitch as usize),
        );
        Self {
            docx,
            width: twips(BLOCK_MM.0),
            charts: 0,
            pictures: 0,
            texts: Vec::new(),
            page_break: false,
        }
    }

    /// An empty A4 document lying, for tables too wide to read upright.
    pub fn landscape() -> Self {
        Self::new().lying()
    }

    /// An empty A4 document lying, without page numbers: certificates (聘书), one a page.
    pub fn certificate() -> Self {
        Self::with_page_numbers(false).lying()
    }

    fn lying(self) -> Self {
        let mut doc = self;
        doc.docx = doc
            .docx
            .page_size(A4.1, A4.0)
            .page_orient(PageOrientationType::Landscape)
            .page_margin(
                PageMargin::new()
                    .top(twips(28.0))
                    .bottom(twips(26.0))
                    .left(twips(37.0))
                    .right(twips(35.0))
                    .header(twips(12.0))
                    .footer(twips(12.0)),
            );
        doc.width = twips(297.0 - 37.0 - 35.0);
        doc
    }

    fn add(&mut self, mut paragraph: Paragraph) {
        if std::mem::take(&mut self.page_break) {
            paragraph = paragraph.page_break_before(true);
        }
        self.docx = std::mem::take(&mut self.docx).add_paragraph(paragraph);
    }

    fn add_table(&mut self, table: Table) {
        if self.page_break {
            // A table cannot start a page itself: an empty paragraph does, before it.
            self.add(Paragraph::new().line_spacing(single()));
        }
        self.docx = std::mem::take(&mut self.docx).add_table(table);
    }

    fn body(&mut self, text: &str, indent_chars: i32) -> Paragraph {
        self.texts.push(text.to_owned());
        let mut paragraph = Paragraph::new()
            .align(AlignmentType::Both)
            .add_run(run(text, BODY_FONT, BODY_SIZE));
        if indent_chars > 0 {
            paragraph = first_line(paragraph, indent_chars);
        }
        paragraph
    }

    fn cell(&mut self, text: &str, header: bool, size: usize, width: i32) -> TableCell {
        self.texts.push(text.to_owned());
        let font = if header { HEADING_FONT } else { BODY_FONT };
        let mut cell = TableCell::new().width(width.max(1) as usize, WidthType::Dxa);
        for line in text.split('\n') {
            let mut paragraph = Paragraph::new()
                .line_spacing(single())
                .snap_to_grid(false)
                .add_run(run(line, font, size));
            if header {
                paragraph = paragraph.align(AlignmentType::Center);
            }
            cell = cell.add_paragraph(paragraph);
        }
        cell
    }

    /// Every text written, in order (for checks).
    pub fn texts(&self) -> &[String] {
        &self.texts
    }

    /// How many pictures it places (photos and chart bars).
    pub fn picture_count(&self) -> usize {
        self.pictures
    }

    fn picture(&mut self, bytes: Vec<u8>, pixels: (u32, u32), twips: (i32, i32)) -> Pic {
        self.pictures += 1;
        // One twip is 635 EMU.
        Pic::new_with_dimensions(bytes, pixels.0.max(1), pixels.1.max(1))
            .size(twips.0.max(1) as u32 * 635, twips.1.max(1) as u32 * 635)
    }

    /// The finished `.docx` file.
    pub fn finish(self) -> Result<Vec<u8>, String> {
        let mut packed = std::io::Cursor::new(Vec::new());
        self.docx
            .build()
            .pack(&mut packed)
            .map_err(|e| format!("the Word file cannot be packed: {e}"))?;
        finish_package(&packed.into_inner()).map_err(|e| format!("the Word file: {e}"))
    }
}

/// A bar of a chart as a PNG, `length` pixels long.
fn bar_png(length: u32) -> Vec<u8> {
    let image = image::RgbImage::from_pixel(length.max(1), 12, image::Rgb([178, 34, 34]));
    let mut png = std::io::Cursor::new(Vec::new());
    // Writing a small RGB image to memory cannot fail; an empty picture would only look
    // empty.
    image.write_to(&mut png, image::ImageFormat::Png).ok();
    png.into_inner()
}

impl Compose for Document {
    fn letterhead(&mut self, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.texts.push(text.to_owned());
        let rule = ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .size(18)
                .space(6)
                .color("FF0000"),
        );
        let paragraph = Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Auto)
                    .line(240),
            )
            .add_run(run(text, TITLE_FONT, 52).color("FF0000"))
            .set_borders(rule);
        self.add(paragraph);
        self.add(Paragraph::new());
    }

    fn title(&mut self, text: &str, _size: f32) {
        self.texts.push(text.to_owned());
        let paragraph = Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(run(text, TITLE_FONT, TITLE_SIZE));
        self.add(paragraph);
        // One empty line between the title and the text.
        self.add(Paragraph::new());
    }

    fn heading(&mut self, text: &str) {
        self.texts.push(text.to_owned());
        let paragraph = first_line(Paragraph::new(), 2)
            .keep_next(true)
            .outline_lvl(0)
            .add_run(run(text, HEADING_FONT, BODY_SIZE));
        self.add(paragraph);
    }

    fn paragraph(&mut self, text: &str, _indent: f32) {
        // Every paragraph of a document's body starts two characters in.
        for part in text.split("\n\n") {
            let paragraph = self.body(part, 2);
            self.add(paragraph);
        }
    }

    fn field(&mut self, label: &str, value: &str) {
        let paragraph = self.body(&format!("{label}：{value}"), 2);
        self.add(paragraph);
    }

    fn numbered(&mut self, items: &[String]) {
        for (n, item) in items.iter().enumerate() {
            let paragraph = self.body(&format!("{}. {item}", n + 1), 2);
            self.add(paragraph);
        }
    }

    fn grid(&mut self, items: &[String], columns: usize) {
        let columns = columns.max(1);
        let width = self.width / columns as i32;
        let mut rows = Vec::new();
        for chunk in items.chunks(columns) {
            let mut cells: Vec<TableCell> = chunk
                .iter()
                .map(|item| self.cell(item, false, BODY_SIZE, width))
                .collect();
            while cells.len() < columns {
                cells.push(TableCell::new().width(width as usize, WidthType::Dxa));
            }
            rows.push(TableRow::new(cells));
        }
        let table = Table::without_borders(rows).set_grid(vec![width as usize; columns]);
        self.add_table(table);
    }

    fn table(&mut self, columns: &[Column<'_>], rows: &[Vec<String>], min_row: f32) {
        // Seven columns and more in 156 mm: 五号, so dates and names fit their cells.
        let size = if columns.len() >= 7 {
            WIDE_TABLE_SIZE
        } else {
            TABLE_SIZE
        };
        let widths: Vec<i32> = columns
            .iter()
            .map(|c| (c.share * self.width as f32).round() as i32)
            .collect();
        let header: Vec<TableCell> = columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| self.cell(c.title, true, size, *w))
            .collect();
        // `cantSplit` marks the header row; `finish_package` makes it repeat on every page.
        let mut table_rows = vec![TableRow::new(header).cant_split()];
        for row in rows {
            let cells: Vec<TableCell> = row
                .iter()
                .zip(&widths)
                .map(|(text, w)| self.cell(text, false, size, *w))
                .collect();
            let mut table_row = TableRow::new(cells);
            if min_row > 0.0 {
                table_row = table_row
                    .row_height(min_row * 20.0)
                    .height_rule(HeightRule::AtLeast);
            }
            table_rows.push(table_row);
        }
        let grid = widths.iter().map(|w| *w as usize).collect();
        // Narrow cell margins (1 mm): a date fits its column in 五号 also in a substitute font.
        self.add_table(
            Table::new(table_rows)
                .set_grid(grid)
                .margins(docx_rs::TableCellMargins::new().margin(20, 57, 20, 57)),
        );
        self.add(Paragraph::new().line_spacing(single()));
    }

    fn bar_chart(
        &mut self,
        caption: &str,
        figure: &str,
        items: &[(String, f64, String)],
        max: f64,
    ) {
        let max = max.max(items.iter().map(|i| i.1).fold(0.0, f64::max));
        let max = if max > 0.0 { max } else { 1.0 };
        let label_width = self.width * 3 / 10;
        let bar_width = self.width - label_width;
        // Room after the longest bar for its value.
        let longest = f64::from(bar_width * 3 / 4);
        let mut rows = Vec::new();
        for (label, value, text) in items {
            let length = (longest * (value / max).clamp(0.0, 1.0)).round() as i32;
            let label_cell = {
                self.texts.push(label.clone());
                TableCell::new()
                    .width(label_width as usize, WidthType::Dxa)
                    .add_paragraph(
                        Paragraph::new()
                            .align(AlignmentType::Right)
                            .line_spacing(single())
                            .add_run(run(label, BODY_FONT, TABLE_SIZE)),
                    )
            };
            self.texts.push(text.clone());
            let mut bar = Paragraph::new().line_spacing(single());
            if length > 0 {
                let pixels = (length / 15).max(1) as u32;
                let pic = self.picture(bar_png(pixels), (pixels, 12), (length, 180));
                bar = bar.add_run(Run::new().add_image(pic));
            }
            bar = bar.add_run(run(&format!(" {text}"), BODY_FONT, TABLE_SIZE));
            let bar_cell = TableCell::new()
                .width(bar_width as usize, WidthType::Dxa)
                .add_paragraph(bar);
            rows.push(TableRow::new(vec![label_cell, bar_cell]));
        }
        self.add_table(
            Table::without_borders(rows).set_grid(vec![label_width as usize, bar_width as usize]),
        );
        self.charts += 1;
        let text = format!("{figure}{}　{caption}", self.charts);
        self.texts.push(text.clone());
        self.add(Paragraph::new().align(AlignmentType::Center).add_run(run(
            &text,
            KAI_FONT,
            TABLE_SIZE + 4,
        )));
    }

    fn column_chart(&mut self, caption: &str, figure: &str, items: &[(String, f64, String)]) {
        // Word has no room for a column per month at 3号: the months as bars read the same.
        self.bar_chart(caption, figure, items, 0.0);
    }

    fn signatures(&mut self, labels: &[&str]) {
        // One line each (three do not fit a line of 28 at 3号), kept with the signer below
        // so the signer never stands alone on a page.
        self.add(Paragraph::new().keep_next(true));
        for label in labels {
            self.texts.push((*label).to_owned());
            let paragraph = first_line(Paragraph::new(), 2)
                .keep_next(true)
                .add_run(run(&format!("{label}："), BODY_FONT, BODY_SIZE))
                .add_run(run(&"\u{3000}".repeat(8), BODY_FONT, BODY_SIZE).underline("single"));
            self.add(paragraph);
        }
    }

    fn sign_off(&mut self, lines: &[&str]) {
        self.add(Paragraph::new().keep_next(true));
        for line in lines.iter().filter(|l| !l.is_empty()) {
            self.texts.push((*line).to_owned());
            // 成文日期右空四字; the body above it right-aligned to it.
            let paragraph = Paragraph::new()
                .align(AlignmentType::Right)
                .keep_next(true)
                .indent(None, None, Some(4 * 320), None)
                .add_run(run(line, BODY_FONT, BODY_SIZE));
            self.add(paragraph);
        }
    }

    fn pictures(&mut self, pictures: &[Picture<'_>]) {
        let cell_width = self.width / 2;
        // Fitted in a cell 1 cm narrower than half the block and 7 cm tall: two rows a page.
        let (box_w, box_h) = (cell_width - twips(10.0), twips(70.0));
        let mut rows = Vec::new();
        for pair in pictures.chunks(2) {
            let mut cells = Vec::new();
            for picture in pair {
                let (w, h) = (picture.width.max(1) as f32, picture.height.max(1) as f32);
                let scale = (box_w as f32 / w).min(box_h as f32 / h);
                let size = ((w * scale) as i32, (h * scale) as i32);
                let pic =
                    self.picture(picture.jpeg.to_vec(), (picture.width, picture.height), size);
                self.texts.push(picture.caption.clone());
                // Picture and caption in one paragraph kept whole: a caption never goes to the
                // next page without its picture.
                cells.push(
                    TableCell::new()
                        .width(cell_width as usize, WidthType::Dxa)
                        .add_paragraph(
                            Paragraph::new()
                                .align(AlignmentType::Center)
                                .line_spacing(single())
                                .keep_lines(true)
                                .add_run(
                                    Run::new().add_image(pic).add_break(BreakType::TextWrapping),
                                )
                                .add_run(run(&picture.caption, KAI_FONT, TABLE_SIZE + 4)),
                        ),
                );
            }
            while cells.len() < 2 {
                cells.push(TableCell::new().width(cell_width as usize, WidthType::Dxa));
            }
            rows.push(TableRow::new(cells));
        }
        self.add_table(
            Table::without_borders(rows).set_grid(vec![cell_width as usize, cell_width as usize]),
        );
    }

    fn space(&mut self, _points: f32) {}

    fn need(&mut self, _height: f32) {}

    fn display(&mut self, text: &str, display: Display) {
        self.texts.push(text.to_owned());
        let size = (display.size * 2.0).round() as usize;
        let (font, line) = if display.title {
            (TITLE_FONT, 240)
        } else {
            (BODY_FONT, 360)
        };
        // Its own line height, off the page's grid: display text is larger than the lines.
        let spacing = LineSpacing::new()
            .line_rule(LineSpacingType::Auto)
            .line(line)
            .before((display.before * 20.0).round() as u32)
            .after(0);
        let mut paragraph = Paragraph::new().snap_to_grid(false).line_spacing(spacing);
        let mut text_run = run(text, font, size);
        if display.title {
            text_run = text_run.color("CC0000");
        }
        paragraph = match display.align {
            Align::Left => {
                let indent = (display.indent * display.size * 20.0).round() as i32;
                paragraph.align(AlignmentType::Both).indent(
                    None,
                    Some(SpecialIndentType::FirstLine(indent)),
                    None,
                    None,
                )
            }
            Align::Centre => paragraph.align(AlignmentType::Center),
            Align::Right => {
                let room = (2.0 * display.size * 20.0).round() as i32;
                paragraph
                    .align(AlignmentType::Right)
                    .indent(None, None, Some(room), None)
            }
        };
        self.add(paragraph.add_run(text_run));
    }

    fn new_page(&mut self) {
        self.page_break = true;
    }
}

/// What docx-rs lacks, finished on its package: header rows marked `cantSplit` also repeat
/// on every page (`tblHeader`), and JPEG pictures are stored as `.jpeg` parts of their type.
fn finish_package(packed: &[u8]) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(packed))?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut file = archive.by_index(i)?;
        let mut bytes = Vec::with_capacity(file.size() as usize);
        file.read_to_end(&mut bytes)?;
        let name = file.name()?.into_owned();
        parts.push((name, bytes));
    }
    let jpegs: Vec<String> = parts
        .iter()
        .filter(|(name, bytes)| {
            // Our own parts' names, always lower case.
            name.starts_with("word/media/")
                && std::path::Path::new(name.as_str())
                    .extension()
                    .is_some_and(|e| e == "png")
                && bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        })
        .map(|(name, _)| name["word/".len()..name.len() - ".png".len()].to_owned())
        .collect();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (mut name, mut bytes) in parts {
        match name.as_str() {
            "word/document.xml" => {
                let xml = String::from_utf8_lossy(&bytes)
                    .replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />")
                    .replace("<w:cantSplit/>", "<w:cantSplit /><w:tblHeader />");
                bytes = xml.into_bytes();
            }
            "word/_rels/document.xml.rels" if !jpegs.is_empty() => {
                let mut xml = String::from_utf8_lossy(&bytes).into_owned();
                for stem in &jpegs {
                    xml = xml.replace(
                        &format!("Target=\"{stem}.png\""),
                        &format!("Target=\"{stem}.jpeg\""),
                    );
                }
                bytes = xml.into_bytes();
            }
            // Made by this program, not by "unknown".
            "docProps/core.xml" => {
                let xml = String::from_utf8_lossy(&bytes)
                    .replace(
                        "<dc:creator>unknown</dc:creator>",
                        "<dc:creator>书记工作室</dc:creator>",
                    )
                    .replace(
                        "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
                        "<cp:lastModifiedBy>书记工作室</cp:lastModifiedBy>",
                    );
                bytes = xml.into_bytes();
            }
            "[Content_Types].xml" if !jpegs.is_empty() => {
                let xml = String::from_utf8_lossy(&bytes).replacen(
                    "<Default Extension=\"png\"",
                    "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\" /><Default Extension=\"png\"",
                    1,
                );
                bytes = xml.into_bytes();
            }
            _ => {}
        }
        if let Some(stem) = name
            .strip_prefix("word/")
            .and_then(|n| n.strip_suffix(".png"))
            && jpegs.iter().any(|j| j == stem)
        {
            name = format!("word/{stem}.jpeg");
        }
        out.start_file(name, options)?;
        out.write_all(&bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

/// Helpers for tests that open a `.docx`.
pub mod inspect {
    use std::io::Read;

    /// The part `name` of the package `docx`, as text.
    pub fn part(docx: &[u8], name: &str) -> Option<String> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).ok()?;
        let mut file = archive.by_name(name).ok()?;
        let mut text = String::new();
        file.read_to_string(&mut text).ok()?;
        Some(text)
    }

    /// The names of the package's parts.
    pub fn names(docx: &[u8]) -> Vec<String> {
        zip::ZipArchive::new(std::io::Cursor::new(docx))
            .map(|a| {
                a.file_names()
                    .filter_map(|n| n.ok().map(std::borrow::Cow::into_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The text of `word/document.xml`: every `w:t`, joined.
    pub fn text(docx: &[u8]) -> String {
        let xml = part(docx, "word/document.xml").unwrap_or_default();
        let mut text = String::new();
        let mut rest = xml.as_str();
        while let Some(start) = rest.find("<w:t") {
            rest = &rest[start..];
            let Some(open_end) = rest.find('>') else {
                break;
            };
            if rest[..open_end].ends_with('/')
                || !(rest[4..].starts_with('>') || rest[4..].starts_with(' '))
            {
                rest = &rest[open_end + 1..];
                continue;
            }
            let body = &rest[open_end + 1..];
            let Some(end) = body.find("</w:t>") else {
                break;
            };
            text.push_str(&unescape(&body[..end]));
            rest = &body[end..];
        }
        text
    }

    fn unescape(text: &str) -> String {
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_a4_with_the_official_margins_and_grid() {
        assert_eq!(twips(37.0), 2098);
        assert_eq!(twips(28.0), 1587);
        assert_eq!(line_pitch(), 579, "22 lines in 225 mm");
        // 28 characters of 3号, drawn closer by the spacing, fit the 156 mm line; 29 do not.
        let pitch_mm =
            (f64::from(BODY_SIZE as u32) / 2.0 + f64::from(CHAR_SPACING) / 20.0) / 72.0 * 25.4;
        assert!(
            pitch_mm * 28.0 <= 156.0 && pitch_mm * 29.0 > 156.0,
            "{pitch_mm} mm"
        );
        let mut doc = Document::new();
        doc.title("古城镇联村书记工作室\n活动纪要", 17.0);
        doc.paragraph("会议围绕集体经济发展作了交流。", 2.0);
        let bytes = doc.finish().expect("docx");
        let xml = inspect::part(&bytes, "word/document.xml").expect("document.xml");
        assert!(
            xml.contains("w:w=\"11906\"") && xml.contains("w:h=\"16838\""),
            "A4"
        );
        assert!(xml.contains("w:top=\"2098\""), "top 37 mm");
        assert!(xml.contains("w:left=\"1587\""), "left 28 mm");
        assert!(xml.contains("w:linePitch=\"579\""));
        assert!(xml.contains("方正小标宋简体"));
        let styles = inspect::part(&bytes, "word/styles.xml").expect("styles");
        assert!(styles.contains("仿宋_GB2312"), "the body font");
        assert!(inspect::text(&bytes).contains("会议围绕集体经济发展作了交流。"));
    }

    #[test]
    fn a_table_header_repeats_and_photos_stay_jpeg() {
        let mut doc = Document::new();
        let rows: Vec<Vec<String>> = (1..=60)
            .map(|n| vec![n.to_string(), format!("书记{n:02}")])
            .collect();
        doc.table(
            &[
                Column {
                    title: "序号",
                    share: 0.3,
                },
                Column {
                    title: "姓名",
                    share: 0.7,
                },
            ],
            &rows,
            0.0,
        );
        let mut jpeg = std::io::Cursor::new(Vec::new());
        image::RgbImage::from_pixel(40, 30, image::Rgb([10, 120, 200]))
            .write_to(&mut jpeg, image::ImageFormat::Jpeg)
            .expect("jpeg");
        let jpeg = jpeg.into_inner();
        doc.pictures(&[Picture {
            jpeg: &jpeg,
            width: 40,
            height: 30,
            caption: "入户走访".to_owned(),
        }]);
        let bytes = doc.finish().expect("docx");
        let xml = inspect::part(&bytes, "word/document.xml").expect("document.xml");
        assert_eq!(xml.matches("<w:tblHeader />").count(), 1, "one header row");
        let names = inspect::names(&bytes);
        assert!(
            names
                .iter()
                .any(|n| n.starts_with("word/media/") && n.rsplit('.').next() == Some("jpeg")),
            "{names:?}"
        );
        assert!(
            !names.iter().any(|n| n.rsplit('.').next() == Some("png")),
            "{names:?}"
        );
        let types = inspect::part(&bytes, "[Content_Types].xml").expect("types");
        assert!(types.contains("image/jpeg"));
        let rels = inspect::part(&bytes, "word/_rels/document.xml.rels").expect("rels");
        assert!(rels.contains(".jpeg\""), "{rels}");
        assert!(inspect::text(&bytes).contains("入户走访"));
    }
}
