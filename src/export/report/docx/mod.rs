//! report.docx: WordprocessingML written by hand (a dozen small parts) into a ZIP.
//! Section titles are Word's "Heading 1" (so Word's and LibreOffice's contents and
//! navigation pane work), tables are real tables whose header row repeats on every
//! page, lists are Word lists, the chart is an embedded picture, the footer counts
//! pages with PAGE and NUMPAGES fields. User text is XML-escaped text of a run
//! (`w:t`) only: it never becomes markup, a field instruction or a link.

mod parts;
mod zip;

use std::fmt::Write;

use super::pdf::{Info, Metrics};
use super::{Block, Document, Inline};

/// The text width of the page (A4 less 2 cm margins each side), in twentieths of a
/// point.
const TEXT_TWIPS: f32 = 9638.0;
/// The chart's side in EMU (English Metric Units): 14 cm.
const CHART_EMU: u32 = 5_040_000;

/// `s` as XML character data for a run or an attribute: the HTML escape serves (one
/// line, controls and bidi overrides removed, `& < > " '` as entities, which XML reads
/// the same way).
pub use super::html::escape;

fn run(out: &mut String, text: &str, bold: bool) {
    if text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    if bold {
        out.push_str("<w:rPr><w:b/></w:rPr>");
    }
    let _ = write!(
        out,
        "<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        escape(text)
    );
}

fn inlines(out: &mut String, parts: &[Inline]) {
    for (i, part) in parts.iter().enumerate() {
        match part {
            Inline::Text(t) => run(out, t, false),
            Inline::Strong(t) => run(out, t, true),
            Inline::List(items) => {
                let lead = if i > 0 { " — " } else { "" };
                run(out, &format!("{lead}{}", items.join("; ")), false);
            }
        }
    }
}

/// A paragraph of style `style` (none: Normal) holding `body` (runs).
fn para(out: &mut String, style: Option<&str>, extra_ppr: &str, body: &str) {
    out.push_str("<w:p>");
    if style.is_some() || !extra_ppr.is_empty() {
        out.push_str("<w:pPr>");
        if let Some(s) = style {
            let _ = write!(out, "<w:pStyle w:val=\"{s}\"/>");
        }
        out.push_str(extra_ppr);
        out.push_str("</w:pPr>");
    }
    out.push_str(body);
    out.push_str("</w:p>");
}

/// Word's heading style for a heading level of the model (2: a section).
fn heading_style(level: u8) -> &'static str {
    match level {
        0..=2 => "Heading1",
        3 => "Heading2",
        _ => "Heading3",
    }
}

struct Body<'a> {
    out: String,
    doc: &'a Document,
    metrics: Option<Metrics>,
    /// Numbering instances used so far (each numbered list restarts at 1).
    lists: u32,
    pictures: u32,
}

impl Body<'_> {
    fn heading(&mut self, level: u8, text: &str, page_break: bool) {
        let mut body = String::new();
        run(&mut body, text, false);
        let ppr = if page_break {
            "<w:pageBreakBefore/>"
        } else {
            ""
        };
        para(&mut self.out, Some(heading_style(level)), ppr, &body);
    }

    fn contents(&mut self) {
        let titles: Vec<String> = self.doc.listed().filter_map(|s| s.title.clone()).collect();
        // A real TOC field over the headings; its result is filled in with the titles,
        // and Word (asked by settings.xml) or LibreOffice adds the page numbers.
        let count = titles.len();
        for (i, title) in titles.iter().enumerate() {
            let mut body = String::new();
            if i == 0 {
                body.push_str(
                    "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>\
                     <w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-1\" \\h \\z \\u </w:instrText></w:r>\
                     <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
                );
            }
            run(&mut body, title, false);
            if i + 1 == count {
                body.push_str("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
            }
            para(&mut self.out, Some("TOC1"), "", &body);
        }
    }

    fn table(
        &mut self,
        head: &[String],
        numeric: &[bool],
        rows: &[Vec<Vec<Inline>>],
        wide: Option<usize>,
    ) {
        let Some((columns, plain, head_cells)) = super::table_head(head, rows) else {
            return;
        };
        let widths: Vec<u32> = match &self.metrics {
            Some(m) => {
                let points = super::pdf::table_widths(m, &head_cells, rows, columns, wide);
                // Measured in Inter; Word sets Calibri and LibreOffice may substitute a
                // wider face: a little slack keeps labels such as "Organisation" whole.
                let points: Vec<f32> = points.iter().map(|p| p * 1.1 + 20.0).collect();
                let total: f32 = points.iter().sum::<f32>().max(1.0);
                points
                    .iter()
                    .map(|p| (p / total * TEXT_TWIPS) as u32)
                    .collect()
            }
            None => vec![(TEXT_TWIPS / columns as f32) as u32; columns],
        };
        let out = &mut self.out;
        let _ = write!(
            out,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/>\
             <w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>\
             <w:tblLook w:val=\"04A0\" w:firstRow=\"{}\" w:lastRow=\"0\" w:firstColumn=\"0\" \
             w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
            u8::from(!plain)
        );
        for w in &widths {
            let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
        }
        out.push_str("</w:tblGrid>");
        let row_xml = |out: &mut String, cells: &[Vec<Inline>], header: bool| {
            out.push_str("<w:tr>");
            if header {
                out.push_str("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
            }
            for (c, w) in widths.iter().enumerate() {
                let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>");
                if header {
                    out.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8ECF3\"/>");
                }
                out.push_str("</w:tcPr>");
                let jc = if numeric.get(c).copied().unwrap_or(false) {
                    "<w:jc w:val=\"right\"/>"
                } else {
                    ""
                };
                let cell = cells.get(c).map(Vec::as_slice).unwrap_or_default();
                let mut paras = 0;
                let mut body = String::new();
                for part in cell {
                    match part {
                        Inline::List(items) => {
                            if !body.is_empty() {
                                para(out, Some("TableText"), jc, &body);
                                paras += 1;
                                body.clear();
                            }
                            for item in items {
                                let mut b = String::new();
                                run(&mut b, &format!("• {item}"), false);
                                para(out, Some("TableText"), jc, &b);
                                paras += 1;
                            }
                        }
                        Inline::Text(t) => run(&mut body, t, false),
                        Inline::Strong(t) => run(&mut body, t, true),
                    }
                }
                if !body.is_empty() || paras == 0 {
                    para(out, Some("TableText"), jc, &body);
                }
                out.push_str("</w:tc>");
            }
            out.push_str("</w:tr>");
        };
        if !plain {
            row_xml(out, &head_cells, true);
        }
        for row in rows {
            row_xml(out, row, false);
        }
        out.push_str("</w:tbl>");
        // Word needs a paragraph between two tables, and one after the last.
        para(out, Some("Spacer"), "", "");
    }

    fn chart(&mut self, alt: &str) {
        self.pictures += 1;
        let id = self.pictures;
        let alt = escape(alt);
        let _ = write!(
            self.out,
            "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>\
             <wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
             <wp:extent cx=\"{CHART_EMU}\" cy=\"{CHART_EMU}\"/>\
             <wp:docPr id=\"{id}\" name=\"Radar chart {id}\" descr=\"{alt}\"/>\
             <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
             <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
             <pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"radar.png\"/><pic:cNvPicPr/></pic:nvPicPr>\
             <pic:blipFill><a:blip r:embed=\"rIdChart\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
             <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{CHART_EMU}\" cy=\"{CHART_EMU}\"/></a:xfrm>\
             <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>\
             </a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
        );
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Heading {
                    level,
                    text,
                    page_break,
                } => self.heading(*level, text, *page_break),
                Block::Para(parts) => {
                    let mut body = String::new();
                    inlines(&mut body, parts);
                    para(&mut self.out, None, "", &body);
                }
                Block::Lines(lines) => {
                    let mut body = String::new();
                    for (i, line) in lines.iter().enumerate() {
                        if i > 0 {
                            body.push_str("<w:r><w:br/></w:r>");
                        }
                        run(&mut body, line, false);
                    }
                    para(&mut self.out, None, "", &body);
                }
                Block::Bullets(items) | Block::Numbered(items) => {
                    let num = if matches!(block, Block::Numbered(_)) {
                        self.lists += 1;
                        self.lists + 1
                    } else {
                        1
                    };
                    let ppr = format!(
                        "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{num}\"/></w:numPr>"
                    );
                    for item in items {
                        let mut body = String::new();
                        inlines(&mut body, item);
                        para(&mut self.out, Some("ListParagraph"), &ppr, &body);
                    }
                }
                Block::Table {
                    head,
                    numeric,
                    rows,
                    wide,
                } => self.table(head, numeric, rows, *wide),
                Block::Chart { alt } => self.chart(alt),
                Block::Note(text) => {
                    let mut body = String::new();
                    run(&mut body, text, false);
                    para(&mut self.out, Some("Note"), "", &body);
                }
                Block::Contents => self.contents(),
            }
        }
    }
}

/// The main part, word/document.xml, and how many numbered lists it uses.
pub fn document_xml(doc: &Document) -> (String, u32) {
    let mut body = Body {
        out: String::with_capacity(256 * 1024),
        doc,
        metrics: Metrics::load().ok(),
        lists: 0,
        pictures: 0,
    };
    let mut title = String::new();
    run(&mut title, &doc.title, false);
    para(&mut body.out, Some("Title"), "", &title);
    for section in &doc.sections {
        if let Some(t) = &section.title {
            body.heading(2, t, section.new_page);
        }
        body.blocks(&section.blocks);
    }
    (parts::document(&body.out), body.lists)
}

/// Renders the document as a DOCX with `png` (the chart) embedded.
pub fn render(doc: &Document, png: &[u8], info: &Info) -> Result<Vec<u8>, String> {
    let (document, numbered_lists) = document_xml(doc);
    let mut zip = zip::Zip::default();
    zip.add("[Content_Types].xml", parts::CONTENT_TYPES.as_bytes(), true)?;
    zip.add("_rels/.rels", parts::RELS.as_bytes(), true)?;
    zip.add("docProps/core.xml", parts::core(doc, info).as_bytes(), true)?;
    zip.add("docProps/app.xml", parts::APP.as_bytes(), true)?;
    zip.add("word/document.xml", document.as_bytes(), true)?;
    let styles = parts::STYLES.replace(
        "<w:lang w:val=\"en-GB\"/>",
        &format!("<w:lang w:val=\"{}\"/>", parts::language_tag(doc.lang)),
    );
    zip.add("word/styles.xml", styles.as_bytes(), true)?;
    zip.add("word/settings.xml", parts::SETTINGS.as_bytes(), true)?;
    zip.add(
        "word/numbering.xml",
        parts::numbering(numbered_lists).as_bytes(),
        true,
    )?;
    zip.add(
        "word/header1.xml",
        parts::header(&escape(&doc.running_header)).as_bytes(),
        true,
    )?;
    zip.add("word/footer1.xml", parts::footer(doc.lang).as_bytes(), true)?;
    zip.add(
        "word/_rels/document.xml.rels",
        parts::DOCUMENT_RELS.as_bytes(),
        true,
    )?;
    zip.add("word/media/radar.png", png, false)?;
    zip.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_become_markup() {
        assert_eq!(
            escape("</w:t><w:fldSimple w:instr=\"HYPERLINK x\"/>"),
            "&lt;/w:t&gt;&lt;w:fldSimple w:instr=&quot;HYPERLINK x&quot;/&gt;"
        );
        assert_eq!(escape("a\u{1}b\u{202e}"), "a\u{fffd}b\u{fffd}");
    }
}
