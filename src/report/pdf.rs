//! A4 documents in the style Chinese offices file: a centred title, text wrapped by Chinese
//! line-breaking rules, bordered tables whose header repeats on every page, page numbers at
//! the foot, and the bundled CJK font embedded as a subset (so the text stays searchable).
//!
//! Laid out first as pages of simple drawing operations, then written with krilla.

pub use super::Column;
use super::{Align, Compose, Display, Picture};
use std::collections::HashMap;
use std::sync::Arc;

/// A4 in points.
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN_X: f32 = 62.0;
const MARGIN_TOP: f32 = 64.0;
const MARGIN_BOTTOM: f32 = 70.0;
/// Body text size (小四号 is 12 pt; 10.5 pt is 五号).
pub const BODY: f32 = 11.0;
const LINE_GAP: f32 = 1.45;
const CELL_PAD: f32 = 4.0;

/// The font and its advance widths (in em), read once.
pub struct Font {
    data: Arc<Vec<u8>>,
    /// Per character its glyph and advance width (in em): the font needs no shaping for
    /// Chinese, so the PDF is written from these without shaping each string again.
    advances: HashMap<char, (u32, f32)>,
    fallback_advance: f32,
}

impl Font {
    /// The bundled CJK font, read once per run (its 30,000 advance widths take a while).
    pub fn bundled() -> &'static Self {
        static FONT: std::sync::OnceLock<Font> = std::sync::OnceLock::new();
        FONT.get_or_init(Self::read_bundled)
    }

    fn read_bundled() -> Self {
        use skrifa::MetadataProvider;
        let data = Arc::new(crate::fonts::CJK_REGULAR.to_vec());
        let mut advances = HashMap::new();
        let mut fallback_advance = 1.0;
        if let Ok(font) = skrifa::FontRef::new(&data) {
            let size = skrifa::instance::Size::unscaled();
            let location = skrifa::instance::LocationRef::default();
            let units = f32::from(font.metrics(size, location).units_per_em.max(1));
            let metrics = font.glyph_metrics(size, location);
            for (code, glyph) in font.charmap().mappings() {
                if let (Some(c), Some(advance)) =
                    (char::from_u32(code), metrics.advance_width(glyph))
                {
                    advances.insert(c, (glyph.to_u32(), advance / units));
                }
            }
            fallback_advance = 1.0;
        }
        Self {
            data,
            advances,
            fallback_advance,
        }
    }

    /// Whether the font has a glyph for `c` (a character without one would print as a box).
    pub fn covers(&self, c: char) -> bool {
        c.is_whitespace() || self.advances.contains_key(&c)
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| {
                self.advances
                    .get(&c)
                    .map_or(self.fallback_advance, |(_, advance)| *advance)
            })
            .sum::<f32>()
            * size
    }

    /// The glyphs of `text`, one per character (a character the font lacks gets glyph 0, the
    /// box; tests check no text needs it).
    fn glyphs(&self, text: &str) -> Vec<krilla::text::KrillaGlyph> {
        text.char_indices()
            .map(|(start, c)| {
                let (glyph, advance) = self
                    .advances
                    .get(&c)
                    .copied()
                    .unwrap_or((0, self.fallback_advance));
                krilla::text::KrillaGlyph::new(
                    krilla::text::GlyphId::new(glyph),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    start..start + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }

    /// Splits `text` into lines no wider than `width`, breaking where Unicode (UAX #14) allows:
    /// never before ，。、」 and the like, nor inside a date (2026年1月1日); a word longer than
    /// a line is cut.
    pub fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut start = 0;
            let breaks = unicode_linebreak::linebreaks(paragraph)
                .filter(|(end, _)| !inside_a_date(paragraph, *end));
            for (end, _) in breaks {
                let piece = &paragraph[start..end];
                start = end;
                let candidate = format!("{line}{piece}");
                if self.width(candidate.trim_end(), size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(line.trim_end().to_owned());
                    line = String::new();
                }
                // A piece wider than the line (a long number or word): cut it by characters.
                for c in piece.chars() {
                    if self.width(&format!("{line}{c}"), size) > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                    }
                    line.push(c);
                }
            }
            lines.push(line.trim_end().to_owned());
        }
        lines
    }
}

/// Whether a break at byte `at` of `text` would split a date written in full (2026年 | 1月,
/// 2026 | 年): a number and the 年, 月 or 日 after it stay together, and so do 年 or 月 and the
/// number after.
fn inside_a_date(text: &str, at: usize) -> bool {
    let (Some(before), Some(after)) = (text[..at].chars().next_back(), text[at..].chars().next())
    else {
        return false;
    };
    (before.is_ascii_digit() && matches!(after, '年' | '月' | '日'))
        || (matches!(before, '年' | '月') && after.is_ascii_digit())
}

/// One drawing operation on a page.
#[derive(Debug, Clone, PartialEq)]
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        /// A colour other than black (the letterhead's red).
        rgb: Option<(u8, u8, u8)>,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// A filled rectangle (a bar of a chart), `y` its top.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        rgb: (u8, u8, u8),
    },
    /// A picture (`images[index]`, JPEG) in the box at `x`, `y` (its top), `w` × `h`.
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        index: usize,
    },
}

/// The red of the letterhead and its rule (党政机关公文's 版头).
const RED: (u8, u8, u8) = (204, 0, 0);

/// The colour of chart bars: a dark red that prints as a mid grey in black and white.
const BAR: (u8, u8, u8) = (178, 34, 34);

/// A document being laid out.
pub struct Document<'f> {
    font: &'f Font,
    pages: Vec<Vec<Op>>,
    /// Distance from the top of the page to where the next thing goes.
    y: f32,
    /// Checked between table rows: a cancelled layout stops early.
    progress: Option<&'f crate::work::Progress>,
    /// How many charts so far (图1, 图2…).
    charts: usize,
    /// The part of `progress` the next table's rows move through.
    span: Option<(f32, f32)>,
    /// The page's width and height in points (A4 upright, or lying for wide tables).
    page: (f32, f32),
    /// The pictures placed, JPEG.
    images: Vec<Vec<u8>>,
}

impl<'f> Document<'f> {
    /// An empty A4 document.
    pub fn new(font: &'f Font) -> Self {
        Self {
            font,
            pages: vec![Vec::new()],
            y: MARGIN_TOP,
            progress: None,
            charts: 0,
            span: None,
            page: (PAGE_WIDTH, PAGE_HEIGHT),
            images: Vec::new(),
        }
    }

    /// An empty A4 document in landscape, for tables too wide to read upright.
    pub fn landscape(font: &'f Font) -> Self {
        Self {
            page: (PAGE_HEIGHT, PAGE_WIDTH),
            ..Self::new(font)
        }
    }

    /// Stops laying out tables once `progress` is cancelled (the caller then checks it and
    /// writes nothing).
    pub fn watch(&mut self, progress: &'f crate::work::Progress) {
        self.progress = Some(progress);
    }

    /// The next table's rows move the progress from `from` to `to` (a long ledger).
    pub fn progress_span(&mut self, from: f32, to: f32) {
        self.span = Some((from, to));
    }

    fn cancelled(&self) -> bool {
        self.progress
            .is_some_and(crate::work::Progress::is_cancelled)
    }

    /// The width between the margins.
    pub fn text_width(&self) -> f32 {
        self.page.0 - 2.0 * MARGIN_X
    }

    fn page(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Starts a new page if `height` does not fit on this one; returns whether it did.
    fn ensure(&mut self, height: f32) -> bool {
        if self.y + height > self.page.1 - MARGIN_BOTTOM && self.y > MARGIN_TOP {
            self.pages.push(Vec::new());
            self.y = MARGIN_TOP;
            return true;
        }
        false
    }

    fn text_at(&mut self, x: f32, baseline: f32, size: f32, text: &str) {
        if text.is_empty() {
            return;
        }
        let op = Op::Text {
            x,
            y: baseline,
            size,
            text: text.to_owned(),
            rgb: None,
        };
        self.page().push(op);
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        self.page().push(Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
        });
    }

    /// Starts a new page unless `height` more fits on this one (to keep a heading with the
    /// chart under it).
    pub fn need(&mut self, height: f32) {
        self.ensure(height);
    }

    /// Vertical space.
    pub fn space(&mut self, points: f32) {
        self.y += points;
    }

    /// A centred title (wrapped if long).
    pub fn title(&mut self, text: &str, size: f32) {
        for line in self.font.wrap(text, size, self.text_width()) {
            self.ensure(size * LINE_GAP);
            let width = self.font.width(&line, size);
            let x = (self.page.0 - width) / 2.0;
            let baseline = self.y + size;
            self.text_at(x, baseline, size, &line);
            self.y += size * LINE_GAP;
        }
        self.y += size * 0.4;
    }

    /// A heading (一、会议议程).
    pub fn heading(&mut self, text: &str) {
        let size = BODY + 2.0;
        // Kept with what follows: room for a table's header and first rows.
        self.ensure(size * LINE_GAP * 6.0);
        self.y += size * 0.4;
        let baseline = self.y + size;
        self.text_at(MARGIN_X, baseline, size, text);
        self.y += size * LINE_GAP;
    }

    /// A paragraph, wrapped; `indent` em at the start of its first line (首行缩进).
    pub fn paragraph(&mut self, text: &str, indent: f32) {
        let size = BODY;
        let indent = indent * size;
        let lines = self.font.wrap(
            &format!("{}{text}", "\u{3000}".repeat((indent / size) as usize)),
            size,
            self.text_width(),
        );
        for line in lines {
            self.ensure(size * LINE_GAP);
            let baseline = self.y + size;
            self.text_at(MARGIN_X, baseline, size, &line);
            self.y += size * LINE_GAP;
        }
    }

    /// `label：value` lines, wrapped under the value.
    pub fn field(&mut self, label: &str, value: &str) {
        self.paragraph(&format!("{label}：{value}"), 0.0);
    }

    /// Numbered lines (1. 2. 3.), each wrapped with a hanging indent.
    pub fn numbered(&mut self, items: &[String]) {
        let size = BODY;
        for (n, item) in items.iter().enumerate() {
            let number = format!("{}. ", n + 1);
            let hang = self.font.width("00. ", size);
            let lines = self.font.wrap(item, size, self.text_width() - hang);
            for (i, line) in lines.iter().enumerate() {
                self.ensure(size * LINE_GAP);
                let baseline = self.y + size;
                if i == 0 {
                    self.text_at(MARGIN_X, baseline, size, &number);
                }
                self.text_at(MARGIN_X + hang, baseline, size, line);
                self.y += size * LINE_GAP;
            }
        }
    }

    /// Items in `columns` columns (names with their attendance marks).
    pub fn grid(&mut self, items: &[String], columns: usize) {
        let size = BODY;
        let width = self.text_width() / columns.max(1) as f32;
        for chunk in items.chunks(columns.max(1)) {
            self.ensure(size * LINE_GAP);
            let baseline = self.y + size;
            for (i, item) in chunk.iter().enumerate() {
                self.text_at(MARGIN_X + width * i as f32, baseline, size, item);
            }
            self.y += size * LINE_GAP;
        }
    }

    /// A bordered table; cells wrap; a row never splits across pages and the header row is
    /// drawn again at the top of every page the table continues on. `min_row` is the least
    /// height of a row (room to sign on a sign-in sheet).
    pub fn table(&mut self, columns: &[Column<'_>], rows: &[Vec<String>], min_row: f32) {
        let size = BODY - 0.5;
        let total = self.text_width();
        let widths: Vec<f32> = columns.iter().map(|c| c.share * total).collect();
        let line_height = size * 1.35;
        let lay = |font: &Font, cells: &[String]| -> (Vec<Vec<String>>, f32) {
            let wrapped: Vec<Vec<String>> = cells
                .iter()
                .zip(&widths)
                .map(|(text, width)| font.wrap(text, size, width - 2.0 * CELL_PAD))
                .collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            (wrapped, lines as f32 * line_height + 2.0 * CELL_PAD)
        };
        let header: Vec<String> = columns.iter().map(|c| c.title.to_owned()).collect();
        let (header_cells, header_height) = lay(self.font, &header);
        let mut draw_header = true;
        let span = self.span.take();
        for (index, row) in rows.iter().enumerate() {
            if self.cancelled() {
                return;
            }
            if let (Some(progress), Some((from, to))) = (self.progress, span)
                && index % 64 == 0
            {
                #[allow(clippy::cast_precision_loss)]
                let done = index as f32 / rows.len() as f32;
                progress.step(from + (to - from) * done).ok();
            }
            let (cells, height) = lay(self.font, row);
            let height = height.max(min_row);
            if self.ensure(height + if draw_header { header_height } else { 0.0 }) {
                draw_header = true;
            }
            if draw_header {
                self.ensure(header_height + height);
                self.table_row(&widths, &header_cells, header_height, size, line_height);
                draw_header = false;
            }
            self.table_row(&widths, &cells, height, size, line_height);
        }
        if rows.is_empty() {
            self.ensure(header_height);
            self.table_row(&widths, &header_cells, header_height, size, line_height);
        }
        self.y += 6.0;
    }

    fn table_row(
        &mut self,
        widths: &[f32],
        cells: &[Vec<String>],
        height: f32,
        size: f32,
        line_height: f32,
    ) {
        let top = self.y;
        let bottom = top + height;
        let right = MARGIN_X + widths.iter().sum::<f32>();
        self.line(MARGIN_X, top, right, top, 0.6);
        self.line(MARGIN_X, bottom, right, bottom, 0.6);
        let mut x = MARGIN_X;
        self.line(x, top, x, bottom, 0.6);
        for (width, lines) in widths.iter().zip(cells) {
            for (i, line) in lines.iter().enumerate() {
                let baseline = top + CELL_PAD + size + line_height * i as f32 - 1.0;
                self.text_at(x + CELL_PAD, baseline, size, line);
            }
            x += width;
            self.line(x, top, x, bottom, 0.6);
        }
        self.y = bottom;
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, rgb: (u8, u8, u8)) {
        if w > 0.0 && h > 0.0 {
            self.page().push(Op::Rect { x, y, w, h, rgb });
        }
    }

    /// The caption under a chart: 图 n　caption, centred.
    fn caption(&mut self, caption: &str, figure: &str) {
        self.charts += 1;
        let size = BODY - 1.0;
        let text = format!("{figure}{}　{caption}", self.charts);
        let width = self.font.width(&text, size);
        self.y += 4.0;
        let baseline = self.y + size;
        self.text_at((self.page.0 - width) / 2.0, baseline, size, &text);
        self.y += size * LINE_GAP + 6.0;
    }

    /// A horizontal bar chart: per item its label at the left, a bar as long as its value
    /// against `max`, and its value written after the bar; captioned "图 n" (`figure` is the
    /// word for figure in the document's language). Kept on one page when it fits.
    pub fn bar_chart(
        &mut self,
        caption: &str,
        figure: &str,
        items: &[(String, f64, String)],
        max: f64,
    ) {
        let size = BODY - 1.5;
        let row = size * 2.0;
        let total = self.text_width();
        let label_width = items
            .iter()
            .map(|(label, _, _)| self.font.width(label, size))
            .fold(0.0, f32::max)
            .min(total * 0.3)
            + 8.0;
        let value_width = items
            .iter()
            .map(|(_, _, value)| self.font.width(value, size))
            .fold(0.0, f32::max)
            + 8.0;
        let bar_area = (total - label_width - value_width).max(40.0);
        let max = max.max(items.iter().map(|i| i.1).fold(0.0, f64::max));
        let max = if max > 0.0 { max } else { 1.0 };
        let height = row * items.len() as f32 + size * 3.0;
        self.ensure(height.min(self.page.1 - MARGIN_TOP - MARGIN_BOTTOM));
        self.y += 4.0;
        let axis = MARGIN_X + label_width;
        let top = self.y;
        for (label, value, text) in items {
            self.ensure(row);
            let label = self.font.wrap(label, size, label_width - 8.0).remove(0);
            let baseline = self.y + f32::midpoint(row, size) - 1.0;
            let width = self.font.width(&label, size);
            self.text_at(axis - 6.0 - width, baseline, size, &label);
            #[allow(clippy::cast_possible_truncation)]
            let length = (f64::from(bar_area) * (value / max).clamp(0.0, 1.0)) as f32;
            self.rect(axis, self.y + row * 0.2, length, row * 0.6, BAR);
            self.text_at(axis + length + 4.0, baseline, size, text);
            self.y += row;
        }
        let bottom = self.y;
        if top < bottom {
            self.line(axis, top, axis, bottom, 0.6);
        }
        self.caption(caption, figure);
    }

    /// A column chart (one column per item, e.g. per month): its value above each column and
    /// its label below; captioned like `bar_chart`.
    pub fn column_chart(&mut self, caption: &str, figure: &str, items: &[(String, f64, String)]) {
        let size = BODY - 1.5;
        let plot = 130.0;
        let total = self.text_width();
        let max = items.iter().map(|i| i.1).fold(0.0, f64::max);
        let max = if max > 0.0 { max } else { 1.0 };
        self.ensure(plot + size * 6.0);
        self.y += size * 1.6;
        let base = self.y + plot;
        let slot = total / items.len().max(1) as f32;
        // Grid lines at quarters of the highest value.
        for quarter in 1..=4 {
            #[allow(clippy::cast_precision_loss)]
            let y = base - plot * quarter as f32 / 4.0;
            self.line(MARGIN_X, y, MARGIN_X + total, y, 0.2);
        }
        for (i, (label, value, text)) in items.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let centre = MARGIN_X + slot * (i as f32 + 0.5);
            #[allow(clippy::cast_possible_truncation)]
            let height = (f64::from(plot) * (value / max).clamp(0.0, 1.0)) as f32;
            let width = (slot * 0.55).min(36.0);
            self.rect(centre - width / 2.0, base - height, width, height, BAR);
            let w = self.font.width(text, size);
            self.text_at(centre - w / 2.0, base - height - 3.0, size, text);
            let w = self.font.width(label, size);
            self.text_at(centre - w / 2.0, base + size + 3.0, size, label);
        }
        self.line(MARGIN_X, base, MARGIN_X + total, base, 0.8);
        self.y = base + size * 1.8;
        self.caption(caption, figure);
    }

    /// Signature lines at the foot of the text: `label：______`.
    pub fn signatures(&mut self, labels: &[&str]) {
        let size = BODY;
        self.ensure(size * 3.5);
        self.y += size * 1.8;
        let baseline = self.y + size;
        let slot = self.text_width() / labels.len().max(1) as f32;
        for (i, label) in labels.iter().enumerate() {
            let x = MARGIN_X + slot * i as f32;
            let text = format!("{label}：");
            self.text_at(x, baseline, size, &text);
            let start = x + self.font.width(&text, size);
            self.line(start, baseline + 2.0, x + slot - 12.0, baseline + 2.0, 0.6);
        }
        self.y += size * LINE_GAP;
    }

    /// Display text, wrapped and set as `display` says; the title in red.
    pub fn display(&mut self, text: &str, display: Display) {
        let size = display.size;
        self.y += display.before;
        let indent = match display.align {
            Align::Left => "\u{3000}".repeat(display.indent.max(0.0) as usize),
            Align::Centre | Align::Right => String::new(),
        };
        // Right-aligned lines keep two characters' room, as the 落款 does.
        let room = match display.align {
            Align::Right => 2.0 * size,
            Align::Left | Align::Centre => 0.0,
        };
        let lines = self
            .font
            .wrap(&format!("{indent}{text}"), size, self.text_width() - room);
        for line in lines {
            self.ensure(size * LINE_GAP);
            let width = self.font.width(&line, size);
            let x = match display.align {
                Align::Left => MARGIN_X,
                Align::Centre => (self.page.0 - width) / 2.0,
                Align::Right => self.page.0 - MARGIN_X - room - width,
            };
            let op = Op::Text {
                x,
                y: self.y + size,
                size,
                text: line,
                rgb: display.title.then_some(RED),
            };
            self.page().push(op);
            self.y += size * LINE_GAP;
        }
    }

    /// What follows starts on a new page (nothing if this page is still empty).
    pub fn new_page(&mut self) {
        if self.pages.last().is_some_and(|p| !p.is_empty()) {
            self.pages.push(Vec::new());
        }
        self.y = MARGIN_TOP;
    }

    /// The issuing body's line, centred, with a red rule under it.
    pub fn letterhead(&mut self, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        let size = 22.0;
        for line in self.font.wrap(text, size, self.text_width()) {
            self.ensure(size * LINE_GAP);
            let width = self.font.width(&line, size);
            let op = Op::Text {
                x: (self.page.0 - width) / 2.0,
                y: self.y + size,
                size,
                text: line,
                rgb: Some(RED),
            };
            self.page().push(op);
            self.y += size * LINE_GAP;
        }
        self.y += size * 0.3;
        let width = self.text_width();
        self.rect(MARGIN_X, self.y, width, 1.5, RED);
        self.y += 14.0;
    }

    /// The signer's lines at the end, flush right with two characters' room.
    pub fn sign_off(&mut self, lines: &[&str]) {
        let size = BODY;
        self.ensure(size * LINE_GAP * (lines.len() as f32 + 2.0));
        self.y += size * 1.8;
        for line in lines.iter().filter(|l| !l.is_empty()) {
            let width = self.font.width(line, size);
            let x = self.page.0 - MARGIN_X - width - 2.0 * size;
            let baseline = self.y + size;
            self.text_at(x, baseline, size, line);
            self.y += size * LINE_GAP;
        }
    }

    /// Photos two to a row, each fitted in half the text width and a quarter of the page's
    /// height (so two to four a page), its caption centred under it.
    pub fn pictures(&mut self, pictures: &[Picture<'_>]) {
        let size = BODY - 1.0;
        let gap = 12.0;
        let cell_w = (self.text_width() - gap) / 2.0;
        let cell_h = (self.page.1 - MARGIN_TOP - MARGIN_BOTTOM) / 2.0 - size * 4.0;
        for row in pictures.chunks(2) {
            let fitted: Vec<(f32, f32)> = row
                .iter()
                .map(|p| {
                    let (w, h) = (p.width.max(1) as f32, p.height.max(1) as f32);
                    let scale = (cell_w / w).min(cell_h / h);
                    (w * scale, h * scale)
                })
                .collect();
            let height = fitted.iter().map(|f| f.1).fold(0.0, f32::max);
            let caption_lines = row
                .iter()
                .map(|p| self.font.wrap(&p.caption, size, cell_w).len())
                .max()
                .unwrap_or(1);
            self.ensure(height + size * LINE_GAP * (caption_lines as f32 + 1.0));
            let top = self.y;
            for (i, (picture, (w, h))) in row.iter().zip(&fitted).enumerate() {
                let left = MARGIN_X + (cell_w + gap) * i as f32;
                let x = left + (cell_w - w) / 2.0;
                let index = self.images.len();
                self.images.push(picture.jpeg.to_vec());
                let (w, h) = (*w, *h);
                self.page().push(Op::Image {
                    x,
                    y: top + (height - h),
                    w,
                    h,
                    index,
                });
                for (n, line) in self
                    .font
                    .wrap(&picture.caption, size, cell_w)
                    .iter()
                    .enumerate()
                {
                    let width = self.font.width(line, size);
                    let baseline = top + height + 4.0 + size + size * LINE_GAP * n as f32;
                    self.text_at(left + (cell_w - width) / 2.0, baseline, size, line);
                }
            }
            self.y = top + height + 4.0 + size * LINE_GAP * caption_lines as f32 + gap;
        }
    }

    /// How many pictures it places.
    pub fn picture_count(&self) -> usize {
        self.images.len()
    }

    /// How many filled shapes (chart bars) it draws.
    pub fn bar_count(&self) -> usize {
        self.pages
            .iter()
            .flatten()
            .filter(|op| matches!(op, Op::Rect { .. }))
            .count()
    }

    /// How many pages it has.
    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Every text drawn, in order (for checks: every character must have a glyph).
    pub fn texts(&self) -> Vec<&str> {
        self.pages
            .iter()
            .flatten()
            .filter_map(|op| match op {
                Op::Text { text, .. } => Some(text.as_str()),
                Op::Line { .. } | Op::Rect { .. } | Op::Image { .. } => None,
            })
            .collect()
    }

    /// The PDF, with "第 n 页 共 N 页" (or "Page n of N") at the foot of every page.
    pub fn finish(self, page_label: impl Fn(usize, usize) -> String) -> Result<Vec<u8>, String> {
        use krilla::geom::{PathBuilder, Point};
        use krilla::page::PageSettings;
        use krilla::paint::Stroke;
        use krilla::text::Font as PdfFont;
        let font = PdfFont::new(self.font.data.clone().into(), 0)
            .ok_or_else(|| "the bundled font cannot be read".to_owned())?;
        let mut document = krilla::Document::new();
        let count = self.pages.len();
        // Writing pages is most of a long ledger's time: the bar moves from where layout
        // left it to 97 %.
        let start = self.progress.map_or(0.0, crate::work::Progress::fraction);
        for (index, ops) in self.pages.iter().enumerate() {
            if let Some(progress) = self.progress
                && index % 16 == 0
            {
                #[allow(clippy::cast_precision_loss)]
                let done = index as f32 / count as f32;
                if progress.step(start + (0.97 - start) * done).is_err() {
                    return Err("cancelled".to_owned());
                }
            }
            let settings = PageSettings::from_wh(self.page.0, self.page.1)
                .ok_or_else(|| "bad page size".to_owned())?;
            let mut page = document.start_page_with(settings);
            let mut surface = page.surface();
            // Text is filled only; lines set their stroke when drawn and clear it after.
            surface.set_stroke(None);
            for op in ops {
                match op {
                    Op::Text {
                        x,
                        y,
                        size,
                        text,
                        rgb,
                    } => {
                        if let Some((r, g, b)) = rgb {
                            surface.set_fill(Some(krilla::paint::Fill {
                                paint: krilla::color::rgb::Color::new(*r, *g, *b).into(),
                                ..krilla::paint::Fill::default()
                            }));
                        }
                        surface.draw_glyphs(
                            Point::from_xy(*x, *y),
                            &self.font.glyphs(text),
                            font.clone(),
                            text,
                            *size,
                            false,
                        );
                        if rgb.is_some() {
                            surface.set_fill(Some(krilla::paint::Fill::default()));
                        }
                    }
                    Op::Line {
                        x1,
                        y1,
                        x2,
                        y2,
                        width,
                    } => {
                        let mut builder = PathBuilder::new();
                        builder.move_to(*x1, *y1);
                        builder.line_to(*x2, *y2);
                        if let Some(path) = builder.finish() {
                            surface.set_stroke(Some(Stroke {
                                width: *width,
                                ..Stroke::default()
                            }));
                            surface.set_fill(None);
                            surface.draw_path(&path);
                            surface.set_stroke(None);
                            surface.set_fill(Some(krilla::paint::Fill::default()));
                        }
                    }
                    Op::Image { x, y, w, h, index } => {
                        let data: krilla::Data = self.images[*index].clone().into();
                        let image = krilla::image::Image::from_jpeg(data, true)
                            .map_err(|e| format!("a picture cannot be placed: {e}"))?;
                        let Some(size) = krilla::geom::Size::from_wh(*w, *h) else {
                            continue;
                        };
                        surface.push_transform(&krilla::geom::Transform::from_translate(*x, *y));
                        surface.draw_image(image, size);
                        surface.pop();
                    }
                    Op::Rect { x, y, w, h, rgb } => {
                        let mut builder = PathBuilder::new();
                        if let Some(rect) = krilla::geom::Rect::from_xywh(*x, *y, *w, *h) {
                            builder.push_rect(rect);
                        }
                        if let Some(path) = builder.finish() {
                            surface.set_fill(Some(krilla::paint::Fill {
                                paint: krilla::color::rgb::Color::new(rgb.0, rgb.1, rgb.2).into(),
                                ..krilla::paint::Fill::default()
                            }));
                            surface.draw_path(&path);
                            surface.set_fill(Some(krilla::paint::Fill::default()));
                        }
                    }
                }
            }
            // An empty label (a certificate's page) draws nothing.
            let label = page_label(index + 1, count);
            let size = BODY - 2.0;
            let width = self.font.width(&label, size);
            if !label.is_empty() {
                surface.draw_glyphs(
                    Point::from_xy(
                        (self.page.0 - width) / 2.0,
                        self.page.1 - MARGIN_BOTTOM / 2.0,
                    ),
                    &self.font.glyphs(&label),
                    font.clone(),
                    &label,
                    size,
                    false,
                );
            }
            surface.finish();
            page.finish();
        }
        document.finish().map_err(|e| format!("{e:?}"))
    }
}

impl Compose for Document<'_> {
    fn letterhead(&mut self, text: &str) {
        Document::letterhead(self, text);
    }
    fn title(&mut self, text: &str, size: f32) {
        Document::title(self, text, size);
    }
    fn heading(&mut self, text: &str) {
        Document::heading(self, text);
    }
    fn paragraph(&mut self, text: &str, indent: f32) {
        Document::paragraph(self, text, indent);
    }
    fn field(&mut self, label: &str, value: &str) {
        Document::field(self, label, value);
    }
    fn numbered(&mut self, items: &[String]) {
        Document::numbered(self, items);
    }
    fn grid(&mut self, items: &[String], columns: usize) {
        Document::grid(self, items, columns);
    }
    fn table(&mut self, columns: &[Column<'_>], rows: &[Vec<String>], min_row: f32) {
        Document::table(self, columns, rows, min_row);
    }
    fn bar_chart(
        &mut self,
        caption: &str,
        figure: &str,
        items: &[(String, f64, String)],
        max: f64,
    ) {
        Document::bar_chart(self, caption, figure, items, max);
    }
    fn column_chart(&mut self, caption: &str, figure: &str, items: &[(String, f64, String)]) {
        Document::column_chart(self, caption, figure, items);
    }
    fn signatures(&mut self, labels: &[&str]) {
        Document::signatures(self, labels);
    }
    fn sign_off(&mut self, lines: &[&str]) {
        Document::sign_off(self, lines);
    }
    fn pictures(&mut self, pictures: &[Picture<'_>]) {
        Document::pictures(self, pictures);
    }
    fn space(&mut self, points: f32) {
        Document::space(self, points);
    }
    fn need(&mut self, height: f32) {
        Document::need(self, height);
    }
    fn progress_span(&mut self, from: f32, to: f32) {
        Document::progress_span(self, from, to);
    }
    fn display(&mut self, text: &str, display: Display) {
        Document::display(self, text, display);
    }
    fn new_page(&mut self) {
        Document::new_page(self);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_chinese_punctuation_off_the_start_of_a_line() {
        let font = Font::bundled();
        let text = "会上，各村党支部书记围绕集体经济发展、人居环境整治和矛盾纠纷调解等方面作了交流发言。大家一致认为，今年以来各村在产业带动中取得了一定成效。";
        for width in [120.0, 150.0, 200.0, 260.0] {
            let lines = font.wrap(text, BODY, width);
            assert!(lines.len() > 1);
            assert_eq!(lines.concat(), text, "nothing lost or added");
            for line in &lines {
                assert!(font.width(line, BODY) <= width + 0.01, "{line}");
                assert!(
                    !line.starts_with(['，', '。', '、', '」', '）']),
                    "a line starts with punctuation: {line}"
                );
            }
        }
    }

    #[test]
    fn a_date_written_in_full_is_not_split_across_lines() {
        let font = Font::bundled();
        let text = "兹聘请 张福来 同志为离任村干部村务治理顾问团团长，聘期自 2026年1月1日 至 2028年12月31日。";
        for width in [200.0, 260.0, 330.0, 400.0] {
            let lines = font.wrap(text, BODY, width);
            assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
            for date in ["2026年1月1日", "2028年12月31日"] {
                assert!(
                    lines.iter().any(|l| l.contains(date)),
                    "{date} split at {width}: {lines:?}"
                );
            }
        }
        // Narrower than a date: it is cut all the same.
        let narrow = font.wrap("2028年12月31日", BODY, 40.0);
        assert!(narrow.len() > 1, "{narrow:?}");
    }

    #[test]
    fn the_bundled_font_covers_names_with_rare_characters_and_the_marks() {
        let font = Font::bundled();
        for c in "王建国䶮𠮷堃喆√×（）：，。第页共".chars() {
            assert!(font.covers(c), "{c}");
        }
        assert!(
            !font.covers('\u{2717}'),
            "✗ is not in the font: attendance uses ×"
        );
    }

    #[test]
    fn a_long_table_repeats_its_header_on_every_page() {
        let font = Font::bundled();
        let mut document = Document::new(font);
        let rows: Vec<Vec<String>> = (1..=300)
            .map(|n| {
                vec![
                    n.to_string(),
                    format!("书记{n:03}"),
                    "东坪村党支部".to_owned(),
                ]
            })
            .collect();
        document.table(
            &[
                Column {
                    title: "序号",
                    share: 0.15,
                },
                Column {
                    title: "姓名",
                    share: 0.35,
                },
                Column {
                    title: "所在党支部",
                    share: 0.5,
                },
            ],
            &rows,
            0.0,
        );
        let pages = document.page_count();
        assert!(pages > 5, "{pages} pages");
        let headers = document
            .texts()
            .iter()
            .filter(|t| **t == "所在党支部")
            .count();
        assert_eq!(headers, pages, "one header per page");
        let pdf = document
            .finish(|n, of| format!("第 {n} 页 共 {of} 页"))
            .expect("pdf");
        assert!(pdf.starts_with(b"%PDF"));
    }
}
