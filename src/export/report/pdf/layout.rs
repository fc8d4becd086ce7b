//! The PDF's page layout, pure: the document model in, positioned text runs, filled
//! rectangles and the chart out, page by page. Line breaking (greedy, left-aligned,
//! no hyphenation), tables that continue on the next page under a repeated header row,
//! keep-with-next headings and the table of contents' page numbers are decided here;
//! [`super`] only draws what this returns.

use ab_glyph::{Font, FontRef, PxScale};

use super::super::{Block, Document, Inline};
use crate::export::glyphs::{self, REGULAR, SEMIBOLD};
use crate::text::one_line;

/// A4 in points.
pub const PAGE_W: f32 = 595.28;
/// A4 in points.
pub const PAGE_H: f32 = 841.89;
const LEFT: f32 = 56.7;
const RIGHT: f32 = PAGE_W - 56.7;
const WIDTH: f32 = RIGHT - LEFT;
/// Where the body starts, below the running header.
const TOP: f32 = 72.0;
/// Where the body ends, above the footer.
const BOTTOM: f32 = PAGE_H - 64.0;

const BODY: f32 = 9.5;
const BODY_LEAD: f32 = 13.5;
const CELL: f32 = 8.5;
const CELL_LEAD: f32 = 11.0;
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.5;
const CHART_SIDE: f32 = 340.0;

/// A typeface of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// Inter Regular.
    Regular,
    /// Inter SemiBold.
    Bold,
}

/// An sRGB colour.
pub type Rgb = (u8, u8, u8);
const INK: Rgb = (17, 24, 39);
const MUTED: Rgb = (90, 99, 114);
const ACCENT: Rgb = (30, 64, 175);
const RULE: Rgb = (203, 210, 220);
const HEAD_FILL: Rgb = (232, 236, 243);

/// One thing drawn on a page; `y` grows downwards from the top edge.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text; `y` is its baseline.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        y: f32,
        /// Size in points.
        size: f32,
        /// Typeface.
        face: Face,
        /// Colour.
        colour: Rgb,
        /// The text (one line, inert).
        text: String,
    },
    /// A filled rectangle (rules, the table header's shading).
    Fill {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Colour.
        colour: Rgb,
    },
    /// The radar chart.
    Chart {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width and height.
        side: f32,
    },
    /// A link from a rectangle to a page of this document (the contents).
    Link {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// The page it goes to (0-based).
        page: usize,
    },
}

/// A bookmark: a section's title and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The section's title.
    pub title: String,
    /// Its page (0-based).
    pub page: usize,
    /// Its top.
    pub y: f32,
}

/// The laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Pages {
    /// The items of each page, running header and footer included.
    pub pages: Vec<Vec<Item>>,
    /// One bookmark per section, the cover first.
    pub marks: Vec<Mark>,
}

/// Text measuring with the embedded faces.
pub struct Metrics {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

impl Metrics {
    /// Parses the embedded faces.
    pub fn load() -> Result<Metrics, String> {
        let fonts = glyphs::Fonts::load()?;
        Ok(Metrics {
            regular: fonts.regular,
            bold: fonts.semibold,
        })
    }

    fn font(&self, face: Face) -> &FontRef<'static> {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    /// The advance width of `text` at `size` points, kerning included.
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let font = self.font(face);
        // ab_glyph scales by the font's height (ascent − descent), not by the em that
        // point sizes are set in (its pt_to_px_scale assumes 96 dpi, a third too wide).
        let per_em = font.units_per_em().unwrap_or(1000.0);
        let px = PxScale::from(size * font.height_unscaled() / per_em);
        glyphs::measure(font, px.y, text)
    }

    /// True when both faces draw every character of `text`.
    pub fn covers(&self, text: &str) -> bool {
        text.chars().all(|c| {
            c.is_whitespace() || (self.regular.glyph_id(c).0 != 0 && self.bold.glyph_id(c).0 != 0)
        })
    }
}

/// The embedded font files, for the PDF writer.
pub fn font_bytes(face: Face) -> &'static [u8] {
    match face {
        Face::Regular => REGULAR,
        Face::Bold => SEMIBOLD,
    }
}

/// User text as one inert line: controls and bidi overrides become "?", which the
/// embedded font has (the replacement character it has not).
pub fn clean(s: &str) -> String {
    one_line(s).replace('\u{FFFD}', "?")
}

/// One word (or piece of one) placed on a line.
#[derive(Debug, Clone)]
struct Frag {
    x: f32,
    face: Face,
    text: String,
}

/// Breaks runs of text into lines no wider than `width`: greedy, at spaces; a word
/// wider than a line is cut between characters.
fn wrap(m: &Metrics, runs: &[(String, Face)], size: f32, width: f32) -> Vec<Vec<Frag>> {
    let space = m.width(Face::Regular, size, " ");
    let mut lines: Vec<Vec<Frag>> = vec![Vec::new()];
    let mut x = 0.0f32;
    let mut pending_space = false;
    for (text, face) in runs {
        let text = clean(text);
        if text.starts_with(' ') {
            pending_space = true;
        }
        let mut words = text.split(' ').filter(|w| !w.is_empty()).peekable();
        while let Some(word) = words.next() {
            let mut word = word.to_string();
            loop {
                let line_empty = lines.last().is_none_or(Vec::is_empty);
                let gap = if pending_space && !line_empty {
                    space
                } else {
                    0.0
                };
                let w = m.width(*face, size, &word);
                if x + gap + w <= width || (line_empty && w <= width) {
                    if let Some(line) = lines.last_mut() {
                        // Same face after a space: extend the previous fragment.
                        match line.last_mut() {
                            Some(prev) if prev.face == *face => {
                                if gap > 0.0 {
                                    prev.text.push(' ');
                                }
                                prev.text.push_str(&word);
                            }
                            _ => line.push(Frag {
                                x: x + gap,
                                face: *face,
                                text: word.clone(),
                            }),
                        }
                    }
                    x += gap + w;
                    break;
                }
                if !line_empty {
                    lines.push(Vec::new());
                    x = 0.0;
                    pending_space = false;
                    continue;
                }
                // A word longer than the whole line: cut it where it stops fitting.
                let mut cut = word.len();
                for (i, _) in word.char_indices().skip(1) {
                    if m.width(*face, size, &word[..i]) > width {
                        break;
                    }
                    cut = i;
                }
                let cut = if cut == word.len() {
                    word.char_indices().nth(1).map_or(word.len(), |(i, _)| i)
                } else {
                    cut
                };
                let rest = word.split_off(cut);
                if let Some(line) = lines.last_mut() {
                    line.push(Frag {
                        x: 0.0,
                        face: *face,
                        text: word,
                    });
                }
                lines.push(Vec::new());
                x = 0.0;
                pending_space = false;
                word = rest;
                if word.is_empty() {
                    break;
                }
            }
            pending_space = words.peek().is_some() || text.ends_with(' ');
        }
    }
    if lines.len() > 1 && lines.last().is_some_and(Vec::is_empty) {
        lines.pop();
    }
    lines
}

fn runs(parts: &[Inline]) -> Vec<(String, Face)> {
    let mut out = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        match part {
            Inline::Text(t) => out.push((t.clone(), Face::Regular)),
            Inline::Strong(t) => out.push((t.clone(), Face::Bold)),
            Inline::List(items) => {
                let lead = if i > 0 { " — " } else { "" };
                out.push((format!("{lead}{}", items.join("; ")), Face::Regular));
            }
        }
    }
    out
}

/// A table cell as lines of runs: a list inside a cell puts each item on its own line.
fn cell_paragraphs(parts: &[Inline]) -> Vec<Vec<(String, Face)>> {
    let mut paras: Vec<Vec<(String, Face)>> = vec![Vec::new()];
    for part in parts {
        match part {
            Inline::Text(t) => paras
                .last_mut()
                .into_iter()
                .for_each(|p| p.push((t.clone(), Face::Regular))),
            Inline::Strong(t) => paras
                .last_mut()
                .into_iter()
                .for_each(|p| p.push((t.clone(), Face::Bold))),
            Inline::List(items) => {
                if paras.last().is_some_and(Vec::is_empty) {
                    paras.pop();
                }
                for item in items {
                    paras.push(vec![(format!("• {item}"), Face::Regular)]);
                }
                paras.push(Vec::new());
            }
        }
    }
    if paras.len() > 1 && paras.last().is_some_and(Vec::is_empty) {
        paras.pop();
    }
    paras
}

struct Writer<'a> {
    m: &'a Metrics,
    pages: Vec<Vec<Item>>,
    y: f32,
    marks: Vec<Mark>,
    /// The page of each listed section, from the first pass (for the contents).
    toc_pages: &'a [usize],
}

impl Writer<'_> {
    fn page(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    fn at_top(&self) -> bool {
        self.y <= TOP + 0.5
    }

    /// Starts a new page unless `h` more points fit on this one.
    fn ensure(&mut self, h: f32) {
        if self.y + h > BOTTOM && !self.at_top() {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, y: f32, size: f32, face: Face, colour: Rgb, text: String) {
        if !text.is_empty() {
            self.page().push(Item::Text {
                x,
                y,
                size,
                face,
                colour,
                text,
            });
        }
    }

    fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, colour: Rgb) {
        self.page().push(Item::Fill { x, y, w, h, colour });
    }

    /// Wrapped text from `x` to the right margin, `lead` points a line.
    fn paragraph(&mut self, x: f32, runs: &[(String, Face)], size: f32, lead: f32, colour: Rgb) {
        for line in wrap(self.m, runs, size, RIGHT - x) {
            self.ensure(lead);
            let base = self.y + size;
            for f in line {
                self.text(x + f.x, base, size, f.face, colour, f.text);
            }
            self.y += lead;
        }
    }

    fn heading(&mut self, level: u8, text: &str) {
        let (size, space_before) = match level {
            0 | 1 => (22.0, 0.0),
            2 => (15.0, 10.0),
            3 => (11.5, 8.0),
            _ => (10.0, 6.0),
        };
        let lines = wrap(self.m, &[(text.to_string(), Face::Bold)], size, WIDTH);
        let lead = size * 1.3;
        // Keep the heading with at least three lines of what follows.
        let before = if self.at_top() { 0.0 } else { space_before };
        self.ensure(before + lead * lines.len() as f32 + BODY_LEAD * 3.0);
        if !self.at_top() {
            self.y += space_before;
        }
        let colour = if level <= 2 { ACCENT } else { INK };
        for line in lines {
            let base = self.y + size;
            for f in line {
                self.text(LEFT + f.x, base, size, f.face, colour, f.text);
            }
            self.y += lead;
        }
        if level == 2 {
            let y = self.y;
            self.fill(LEFT, y, WIDTH, 0.8, ACCENT);
            self.y += 6.0;
        } else {
            self.y += 2.0;
        }
    }

    fn blocks(&mut self, doc: &Document, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Heading {
                    level,
                    text,
                    page_break,
                } => {
                    if *page_break && !self.at_top() {
                        self.new_page();
                    }
                    self.heading(*level, text);
                }
                Block::Para(parts) => {
                    self.paragraph(LEFT, &runs(parts), BODY, BODY_LEAD, INK);
                    self.y += 4.0;
                }
                Block::Lines(lines) => {
                    for line in lines {
                        self.paragraph(
                            LEFT,
                            &[(line.clone(), Face::Regular)],
                            BODY,
                            BODY_LEAD,
                            INK,
                        );
                    }
                    self.y += 4.0;
                }
                Block::Bullets(items) | Block::Numbered(items) => {
                    let numbered = matches!(block, Block::Numbered(_));
                    for (i, item) in items.iter().enumerate() {
                        self.ensure(BODY_LEAD);
                        let marker = if numbered {
                            format!("{}.", i + 1)
                        } else {
                            "•".to_string()
                        };
                        let y = self.y + BODY;
                        self.text(LEFT + 4.0, y, BODY, Face::Regular, INK, marker);
                        self.paragraph(LEFT + 18.0, &runs(item), BODY, BODY_LEAD, INK);
                        self.y += 1.5;
                    }
                    self.y += 4.0;
                }
                Block::Table {
                    head,
                    numeric,
                    rows,
                    wide,
                } => {
                    self.table(head, numeric, rows, *wide);
                    self.y += 8.0;
                }
                Block::Chart { .. } => {
                    self.ensure(CHART_SIDE + 8.0);
                    let (x, y) = (LEFT + (WIDTH - CHART_SIDE) / 2.0, self.y);
                    self.page().push(Item::Chart {
                        x,
                        y,
                        side: CHART_SIDE,
                    });
                    self.y += CHART_SIDE + 8.0;
                }
                Block::Note(text) => {
                    self.paragraph(
                        LEFT,
                        &[(text.clone(), Face::Regular)],
                        CELL,
                        CELL_LEAD,
                        MUTED,
                    );
                    self.y += 4.0;
                }
                Block::Contents => self.contents(doc),
            }
        }
    }

    fn contents(&mut self, doc: &Document) {
        let size = 10.5;
        let lead = 19.0;
        for (i, section) in doc.listed().enumerate() {
            self.ensure(lead);
            let title = clean(section.title.as_deref().unwrap_or_default());
            let page = self.toc_pages.get(i).copied();
            let number = page.map_or("–".to_string(), |p| (p + 1).to_string());
            let nw = self.m.width(Face::Regular, size, &number);
            let base = self.y + size;
            let room = WIDTH - nw - 16.0;
            let shown = fit(self.m, Face::Regular, size, &title, room);
            let tw = self.m.width(Face::Regular, size, &shown);
            self.text(LEFT, base, size, Face::Regular, INK, shown);
            // A dotted leader from the title to its page number.
            let dot = self.m.width(Face::Regular, size, ". ");
            let from = LEFT + tw + 6.0;
            let to = RIGHT - nw - 6.0;
            if to > from + dot {
                let n = ((to - from) / dot).floor() as usize;
                self.text(
                    to - dot * n as f32,
                    base,
                    size,
                    Face::Regular,
                    RULE,
                    ". ".repeat(n).trim_end().to_string(),
                );
            }
            self.text(RIGHT - nw, base, size, Face::Regular, INK, number);
            if let Some(page) = page {
                let y = self.y;
                self.page().push(Item::Link {
                    x: LEFT,
                    y,
                    w: WIDTH,
                    h: lead,
                    page,
                });
            }
            self.y += lead;
        }
        self.y += 6.0;
    }

    fn table(
        &mut self,
        head: &[String],
        numeric: &[bool],
        rows: &[Vec<Vec<Inline>>],
        wide: Option<usize>,
    ) {
        let Some((columns, plain, head_cells)) = super::super::table_head(head, rows) else {
            return;
        };
        let m = self.m;
        let widths = column_widths(m, &head_cells, rows, columns, wide);
        let lay_row = |cells: &[Vec<Inline>]| -> Vec<Vec<Vec<Frag>>> {
            (0..columns)
                .map(|c| {
                    let inner = widths[c] - 2.0 * CELL_PAD_X;
                    cells.get(c).map_or_else(Vec::new, |cell| {
                        cell_paragraphs(cell)
                            .iter()
                            .flat_map(|p| wrap(m, p, CELL, inner))
                            .collect()
                    })
                })
                .collect()
        };
        let header = (!plain).then(|| lay_row(&head_cells));
        let head_h = header.as_ref().map_or(0.0, |h| row_height(h));
        let draw_header = |w: &mut Self| {
            if let Some(h) = &header {
                w.draw_row(h, &widths, numeric, 0, usize::MAX, true);
            }
        };
        let body = BOTTOM - TOP - head_h;
        for (r, row) in rows.iter().enumerate() {
            let laid = lay_row(row);
            let row_h = row_height(&laid);
            let total = laid.iter().map(Vec::len).max().unwrap_or(0).max(1);
            // The header stays with at least the first lines of the first row.
            let lead_in =
                if r == 0 { head_h } else { 0.0 } + row_h.min(CELL_LEAD * 2.0 + 2.0 * CELL_PAD_Y);
            let mut moved = false;
            if self.y + lead_in > BOTTOM && !self.at_top() {
                self.new_page();
                moved = true;
            }
            if r == 0 || moved || self.at_top() {
                draw_header(self);
            }
            if self.y + row_h > BOTTOM && row_h <= body {
                // The whole row fits on a fresh page: move it there, under the header.
                self.new_page();
                draw_header(self);
            }
            // A row taller than a page continues on the next one, line by line.
            let mut first_line = 0;
            loop {
                let room = ((BOTTOM - self.y - 2.0 * CELL_PAD_Y) / CELL_LEAD).floor();
                let last = (first_line + room.max(1.0) as usize).min(total);
                self.draw_row(&laid, &widths, numeric, first_line, last, false);
                if last >= total {
                    break;
                }
                first_line = last;
                self.new_page();
                draw_header(self);
            }
        }
    }

    /// Draws lines `from..to` of a laid-out row at the current position.
    fn draw_row(
        &mut self,
        laid: &[Vec<Vec<Frag>>],
        widths: &[f32],
        numeric: &[bool],
        from: usize,
        to: usize,
        header: bool,
    ) {
        let lines = laid
            .iter()
            .map(|c| c.len().min(to).saturating_sub(from))
            .max()
            .unwrap_or(0)
            .max(1);
        let h = lines as f32 * CELL_LEAD + 2.0 * CELL_PAD_Y;
        let top = self.y;
        if header {
            self.fill(LEFT, top, WIDTH, h, HEAD_FILL);
        }
        let mut x = LEFT;
        for (c, cell) in laid.iter().enumerate() {
            let right = numeric.get(c).copied().unwrap_or(false);
            for (i, line) in cell.iter().enumerate().skip(from).take(to - from.min(to)) {
                let base = top + CELL_PAD_Y + (i - from) as f32 * CELL_LEAD + CELL;
                let line_w = line
                    .last()
                    .map_or(0.0, |f| f.x + self.m.width(f.face, CELL, &f.text));
                let shift = if right {
                    widths[c] - 2.0 * CELL_PAD_X - line_w
                } else {
                    0.0
                };
                for f in line {
                    self.text(
                        x + CELL_PAD_X + shift + f.x,
                        base,
                        CELL,
                        f.face,
                        INK,
                        f.text.clone(),
                    );
                }
            }
            x += widths[c];
        }
        self.y += h;
        let y = self.y;
        self.fill(LEFT, y - 0.5, WIDTH, 0.5, RULE);
    }
}

fn row_height(laid: &[Vec<Vec<Frag>>]) -> f32 {
    laid.iter().map(Vec::len).max().unwrap_or(0).max(1) as f32 * CELL_LEAD + 2.0 * CELL_PAD_Y
}

/// `text` cut with "…" to fit `room` points.
fn fit(m: &Metrics, face: Face, size: f32, text: &str, room: f32) -> String {
    if m.width(face, size, text) <= room {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if m.width(face, size, &format!("{out}…")) > room {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// Column widths: each narrow column as wide as its text needs (its longest word at
/// the least, 22 % of the line at the most), the wide column the rest; without a
/// wide column, widths in proportion to what each needs.
pub fn column_widths(
    m: &Metrics,
    head: &[Vec<Inline>],
    rows: &[Vec<Vec<Inline>>],
    columns: usize,
    wide: Option<usize>,
) -> Vec<f32> {
    let pad = 2.0 * CELL_PAD_X;
    let mut natural = vec![pad; columns];
    let mut least = vec![pad; columns];
    for row in std::iter::once(head).chain(rows.iter().map(Vec::as_slice)) {
        for (c, cell) in row.iter().enumerate().take(columns) {
            for para in cell_paragraphs(cell) {
                let mut whole = 0.0;
                for (text, face) in &para {
                    let text = clean(text);
                    whole += m.width(*face, CELL, &text);
                    for word in text.split(' ') {
                        least[c] = least[c].max(m.width(*face, CELL, word).min(WIDTH / 4.0) + pad);
                    }
                }
                natural[c] = natural[c].max(whole + pad + 0.5);
            }
        }
    }
    let total: f32 = natural.iter().sum();
    if total <= WIDTH {
        // Everything fits on one line: the spare width goes to the wide (or last) column.
        let mut widths = natural;
        let spare = WIDTH - total;
        let take = wide.unwrap_or(columns - 1).min(columns - 1);
        widths[take] += spare;
        return widths;
    }
    let mut widths: Vec<f32> = (0..columns)
        .map(|c| {
            if Some(c) == wide {
                0.0
            } else {
                natural[c].min(least[c].max(WIDTH * 0.22))
            }
        })
        .collect();
    match wide {
        Some(w) if w < columns => {
            let others: f32 = widths.iter().sum();
            let floor = WIDTH * 0.4;
            if WIDTH - others < floor {
                let scale = (WIDTH - floor) / others.max(1.0);
                widths.iter_mut().for_each(|x| *x *= scale);
            }
            widths[w] = WIDTH - widths.iter().sum::<f32>();
        }
        _ => {
            let sum: f32 = widths.iter().sum();
            let scale = WIDTH / sum.max(1.0);
            widths.iter_mut().for_each(|x| *x *= scale);
        }
    }
    widths
}

/// Lays the document out: the cover opens with the title; each section with a title
/// gets a level-2 heading and a bookmark; `toc_pages` gives the contents its page
/// numbers (from a first pass; the contents take the same room either way).
fn pass(m: &Metrics, doc: &Document, toc_pages: &[usize]) -> Pages {
    let mut w = Writer {
        m,
        pages: vec![Vec::new()],
        y: TOP + 60.0,
        marks: Vec::new(),
        toc_pages,
    };
    for section in &doc.sections {
        if section.new_page && !w.at_top() {
            w.new_page();
        }
        let page = w.pages.len() - 1;
        match &section.title {
            Some(title) => {
                let top = w.y;
                w.heading(2, title);
                // The heading may have moved to a new page to stay with its text.
                let moved = w.pages.len() - 1 != page;
                w.marks.push(Mark {
                    title: clean(title),
                    page: w.pages.len() - 1,
                    y: if moved { TOP } else { top },
                });
            }
            None => {
                w.marks.push(Mark {
                    title: clean(&doc.title),
                    page,
                    y: w.y,
                });
                w.heading(1, &doc.title);
                w.y += 6.0;
            }
        }
        w.blocks(doc, &section.blocks);
    }
    let total = w.pages.len();
    let header = clean(&doc.running_header);
    let title = clean(&doc.title);
    for (i, page) in w.pages.iter_mut().enumerate() {
        let mut chrome = Vec::new();
        let shown = fit(m, Face::Regular, 8.0, &header, WIDTH);
        chrome.push(Item::Text {
            x: LEFT,
            y: 40.0,
            size: 8.0,
            face: Face::Regular,
            colour: MUTED,
            text: shown,
        });
        chrome.push(Item::Fill {
            x: LEFT,
            y: 46.0,
            w: WIDTH,
            h: 0.5,
            colour: RULE,
        });
        let number = doc.lang.f(
            crate::locale::ReportText::PrintedPageOf,
            &[("page", &(i + 1)), ("pages", &total)],
        );
        let nw = m.width(Face::Regular, 8.0, &number);
        chrome.push(Item::Text {
            x: LEFT,
            y: PAGE_H - 36.0,
            size: 8.0,
            face: Face::Regular,
            colour: MUTED,
            text: fit(m, Face::Regular, 8.0, &title, WIDTH - nw - 20.0),
        });
        chrome.push(Item::Text {
            x: RIGHT - nw,
            y: PAGE_H - 36.0,
            size: 8.0,
            face: Face::Regular,
            colour: MUTED,
            text: number,
        });
        chrome.append(page);
        *page = chrome;
    }
    Pages {
        pages: w.pages,
        marks: w.marks,
    }
}

/// Lays the document out in two passes: the first finds each section's page, the
/// second prints those pages in the contents.
pub fn layout(m: &Metrics, doc: &Document) -> Pages {
    let first = pass(m, doc, &[]);
    let toc: Vec<usize> = first.marks.iter().skip(1).map(|mk| mk.page).collect();
    // The cover's mark aside, the marks follow the listed sections (contents too).
    let listed: Vec<usize> = doc
        .sections
        .iter()
        .filter(|s| s.title.is_some())
        .zip(toc)
        .filter(|(s, _)| s.anchor != "contents")
        .map(|(_, p)| p)
        .collect();
    pass(m, doc, &listed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(lines: &[Vec<Frag>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                l.iter()
                    .map(|f| f.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn lines_break_at_spaces_and_never_exceed_the_width() {
        let m = Metrics::load().unwrap();
        let text = "the quick brown fox jumps over the lazy dog ".repeat(6);
        let lines = wrap(&m, &[(text.clone(), Face::Regular)], 10.0, 150.0);
        assert!(lines.len() > 3);
        for line in &lines {
            let last = line.last().unwrap();
            assert!(last.x + m.width(last.face, 10.0, &last.text) <= 150.0 + 0.01);
        }
        assert_eq!(text_of(&lines).join(" "), text.trim_end());
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut_not_lost() {
        let m = Metrics::load().unwrap();
        let word = "x".repeat(200);
        let lines = wrap(&m, &[(word.clone(), Face::Bold)], 10.0, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(text_of(&lines).concat(), word);
    }

    #[test]
    fn bold_and_regular_runs_share_a_line() {
        let m = Metrics::load().unwrap();
        let lines = wrap(
            &m,
            &[
                ("Verdict: ".into(), Face::Bold),
                ("not ready".into(), Face::Regular),
            ],
            10.0,
            400.0,
        );
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].len(), 2);
        assert!(lines[0][1].x > lines[0][0].x);
    }

    fn table_doc(rows: Vec<Vec<Vec<Inline>>>) -> Document {
        Document {
            title: "T".into(),
            running_header: "Org".into(),
            lang: crate::locale::Lang::En,
            sections: vec![super::super::super::Section {
                anchor: "t",
                title: Some("Long".into()),
                new_page: false,
                blocks: vec![Block::Table {
                    head: vec!["Ident".into(), "Description".into()],
                    numeric: vec![false, false],
                    rows,
                    wide: Some(1),
                }],
            }],
        }
    }

    fn texts(page: &[Item]) -> Vec<&str> {
        page.iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_table_longer_than_a_page_repeats_its_header_on_every_page() {
        let m = Metrics::load().unwrap();
        let rows = (0..300)
            .map(|i| {
                vec![
                    vec![Inline::Text(format!("row-{i}"))],
                    vec![Inline::Text("some words ".repeat(i % 7 + 1))],
                ]
            })
            .collect();
        let pages = layout(&m, &table_doc(rows));
        assert!(pages.pages.len() > 3, "{} pages", pages.pages.len());
        let mut seen = 0;
        for page in &pages.pages {
            let t = texts(page);
            let rows = t.iter().filter(|s| s.starts_with("row-")).count();
            assert!(rows > 0);
            assert!(t.contains(&"Ident") && t.contains(&"Description"));
            seen += rows;
            for item in page {
                if let Item::Text { y, .. } = item {
                    assert!(*y <= PAGE_H - 30.0, "text below the footer: {y}");
                }
            }
        }
        assert_eq!(seen, 300, "every row once");
    }

    #[test]
    fn a_row_taller_than_a_page_continues_on_the_next_without_losing_words() {
        let m = Metrics::load().unwrap();
        let long: String = (0..1500).map(|i| format!("w{i} ")).collect();
        let rows = vec![vec![
            vec![Inline::Text("only".into())],
            vec![Inline::Text(long)],
        ]];
        let pages = layout(&m, &table_doc(rows));
        assert!(pages.pages.len() >= 2);
        let all: Vec<String> = pages
            .pages
            .iter()
            .flat_map(|p| texts(p).into_iter().map(String::from).collect::<Vec<_>>())
            .collect();
        let words: Vec<&str> = all
            .iter()
            .flat_map(|s| s.split(' '))
            .filter(|w| w.starts_with('w') && w[1..].parse::<u32>().is_ok())
            .collect();
        assert_eq!(words.len(), 1500);
        assert_eq!(words[1499], "w1499");
    }
}
