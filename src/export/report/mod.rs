//! report.md, report.html, report.pdf and report.docx: one document model ([`Document`]: sections of
//! [`Block`]s, built by [`document`]) that every renderer walks; the PDF and DOCX
//! renderers are to find all they need here too. All user text enters the model as
//! plain text; each renderer escapes it for its format, so no content function can
//! forget to.

mod content;
pub mod docx;
pub(crate) mod html;
pub(crate) mod md;
pub mod pdf;
pub mod workshop;

use super::Report;

pub use content::{blocks, document};
pub(crate) use content::{critical_changes, day, phase_title, status_label};

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
    /// The table of contents: the titles of the document's sections that are listed.
    Contents,
}

/// One section of the report: a level-2 heading (none for the cover) and its blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// A stable id for links and bookmarks (`summary`, `roadmap`, …).
    pub anchor: &'static str,
    /// The heading; none for the cover, which opens with the document title.
    pub title: Option<String>,
    /// Starts on a new printed page.
    pub new_page: bool,
    /// The blocks of the section.
    pub blocks: Vec<Block>,
}

/// The whole report, as every renderer sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The document title ("Maturity report: Acme").
    pub title: String,
    /// The running header of every printed page: organisation and classification.
    pub running_header: String,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// The language it is written in (the renderers' own words follow it).
    pub lang: crate::locale::Lang,
}

impl Document {
    /// The sections a table of contents lists (those with a heading, contents aside).
    pub fn listed(&self) -> impl Iterator<Item = &Section> {
        self.sections
            .iter()
            .filter(|s| s.title.is_some() && s.anchor != "contents")
    }
}

/// Renders report.md.
pub fn markdown(report: &Report<'_>) -> String {
    md::render(&document(report))
}

/// Renders report.html with `png` (radar.png's bytes) inlined as a data URI.
pub fn html(report: &Report<'_>, png: &[u8]) -> String {
    html::render(&document(report), png)
}

/// What the PDF's and the DOCX's document properties say.
fn info(report: &Report<'_>) -> pdf::Info {
    pdf::Info {
        author: report.assessment.meta.document.author.clone(),
        subject: report.lang.f(
            crate::locale::ReportText::DocumentSubject,
            &[
                ("id", &report.questionnaire.id),
                ("version", &report.questionnaire.version),
            ],
        ),
        created: report.generated,
    }
}

/// Renders report.pdf with the chart's pixels (from [`crate::export::chart::pixels`]).
pub fn pdf(report: &Report<'_>, chart: Option<&pdf::ChartPixels>) -> Result<Vec<u8>, String> {
    pdf::render(&document(report), chart, &info(report))
}

/// Renders report.docx with `png` (radar.png's bytes) embedded.
pub fn docx(report: &Report<'_>, png: &[u8]) -> Result<Vec<u8>, String> {
    docx::render(&document(report), png, &info(report))
}

/// What the paged renderers (pdf, docx) need to lay a table out: its number of columns
/// (`None` for a table with none), whether it has no header row (a key/value table such
/// as the cover's), and the header as bold cells.
pub(crate) fn table_head(
    head: &[String],
    rows: &[Vec<Vec<Inline>>],
) -> Option<(usize, bool, Vec<Vec<Inline>>)> {
    let columns = head.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
    if columns == 0 {
        return None;
    }
    let plain = head.iter().all(String::is_empty);
    let cells = head
        .iter()
        .map(|h| vec![Inline::Strong(h.clone())])
        .collect();
    Some((columns, plain, cells))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Assessment;
    use crate::questionnaire::Questionnaire;

    /// Every renderer walks the same model: a section added to it shows up in the
    /// Markdown, the HTML, the PDF's text and the DOCX's document part.
    #[test]
    fn a_section_added_to_the_model_appears_in_all_four_formats() {
        let q = Questionnaire::embedded().unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-02T10:00:00+01:00").unwrap();
        let a = Assessment::new(&q, now);
        let report = Report::new(&q, &a, now.date_naive(), now);
        let mut doc = document(&report);
        doc.sections.push(Section {
            anchor: "added",
            title: Some("Zebra crossing review".into()),
            new_page: true,
            blocks: vec![
                Block::Para(vec![text("Quagga paragraph "), strong("with bold okapi")]),
                Block::Table {
                    head: vec!["Gnu column".into()],
                    numeric: vec![false],
                    rows: vec![vec![vec![text("Tapir cell")]]],
                    wide: None,
                },
            ],
        });
        let md = md::render(&doc);
        let html = html::render(&doc, &[]);
        let m = pdf::Metrics::load().unwrap();
        let pdf_text: Vec<String> = pdf::layout(&m, &doc)
            .pages
            .into_iter()
            .flatten()
            .filter_map(|item| match item {
                pdf::Item::Text { text, .. } => Some(text),
                _ => None,
            })
            .collect();
        let pdf_text = pdf_text.join(" ");
        let (docx, _) = docx::document_xml(&doc);
        for needle in [
            "Zebra crossing review",
            "Quagga paragraph",
            "with bold okapi",
            "Gnu column",
            "Tapir cell",
        ] {
            assert!(md.contains(needle), "md lacks {needle}");
            assert!(html.contains(needle), "html lacks {needle}");
            assert!(pdf_text.contains(needle), "pdf lacks {needle}");
            assert!(docx.contains(needle), "docx lacks {needle}");
        }
        // The new section is listed in the contents and bookmarked.
        let pages = pdf::layout(&m, &doc);
        assert!(
            pages
                .marks
                .iter()
                .any(|mk| mk.title == "Zebra crossing review")
        );
        assert_eq!(
            docx.matches("<w:pStyle w:val=\"TOC1\"/>").count(),
            doc.listed().count()
        );
    }
}
