//! report.md and report.html: one document model ([`Block`]s, built by [`blocks`])
//! rendered twice. All user text enters the model as plain text; each renderer escapes
//! it for its format, so no content function can forget to.

mod content;
mod html;
pub(crate) mod md;
pub mod workshop;

use super::Report;

pub use content::blocks;

/// A run of text inside a paragraph, list item or table cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Plain text (escaped by the renderer).
    Text(String),
    /// Bold text (escaped by the renderer).
    Strong(String),
    /// A short list inside a table cell (HTML: a list; Markdown: joined by "; ").
    List(Vec<String>),
}

/// Plain text.
pub fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

/// Bold text.
pub fn strong(s: impl Into<String>) -> Inline {
    Inline::Strong(s.into())
}

/// One block of the report.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading of level 1–4; `page_break` starts a new printed page before it.
    Heading {
        /// 1 for the title, 2 for major sections.
        level: u8,
        /// The heading text.
        text: String,
        /// Start a new page before it when printed.
        page_break: bool,
    },
    /// A paragraph.
    Para(Vec<Inline>),
    /// Lines of user text kept as separate lines (a note).
    Lines(Vec<String>),
    /// A bulleted list.
    Bullets(Vec<Vec<Inline>>),
    /// A numbered list.
    Numbered(Vec<Vec<Inline>>),
    /// A table; `numeric` marks right-aligned columns.
    Table {
        /// Column headings.
        head: Vec<String>,
        /// Right-aligned columns.
        numeric: Vec<bool>,
        /// Rows of cells.
        rows: Vec<Vec<Vec<Inline>>>,
        /// The column given most of the width (long text), if any.
        wide: Option<usize>,
    },
    /// The radar chart.
    Chart {
        /// Text alternative.
        alt: String,
    },
    /// A short muted remark.
    Note(String),
}

/// Renders report.md.
pub fn markdown(report: &Report<'_>) -> String {
    md::render(&blocks(report))
}

/// Renders report.html with `png` (radar.png's bytes) inlined as a data URI.
pub fn html(report: &Report<'_>, png: &[u8]) -> String {
    html::render(&content::title(report), &blocks(report), png)
}
