//! The HTML renderer: one self-contained page (inline CSS, the chart as a data URI,
//! no external URL) under a Content-Security-Policy that allows nothing else.

use std::fmt::Write;

use base64::Engine;

use super::{Block, Document, Inline};
use crate::text::one_line;

/// The page's Content-Security-Policy: no script, no network, no frame; images only
/// from data URIs, styles only inline.
pub const CSP: &str = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const CSS: &str = include_str!("report.css");

/// `s` as HTML text (one line; controls and bidi overrides removed; `& < > " '`
/// as entities, so it is inert in text and in quoted attributes).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in one_line(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn inlines(parts: &[Inline]) -> String {
    parts
        .iter()
        .map(|p| match p {
            Inline::Text(t) => escape(t),
            Inline::Strong(t) => format!("<strong>{}</strong>", escape(t)),
            Inline::List(items) => format!(
                "<ul class=\"in-cell\">{}</ul>",
                items
                    .iter()
                    .map(|i| format!("<li>{}</li>", escape(i)))
                    .collect::<String>()
            ),
        })
        .collect()
}

/// Column widths for a fixed-layout table: every other column is as wide as its
/// longest word (so no word is ever split), the wide column takes the rest.
fn colgroup(head: &[String], rows: &[Vec<Vec<Inline>>], wide: usize) -> String {
    // Short cells ("1 → 3", "2 Managed") stay on one line; longer ones by word.
    let longest_word = |s: &str| {
        let whole = s.chars().count();
        if whole <= 12 {
            whole
        } else {
            s.split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
        }
    };
    let cell_text = |cell: &[Inline]| -> Vec<String> {
        cell.iter()
            .flat_map(|p| match p {
                Inline::Text(t) | Inline::Strong(t) => vec![t.clone()],
                Inline::List(items) => items.clone(),
            })
            .collect()
    };
    // About 0.95 % of an A4 text line per character at the print size, plus padding.
    let pct_of = |chars: usize| chars as f64 * 0.95 + 2.5;
    let widths: Vec<f64> = (0..head.len())
        .map(|i| {
            if i == wide {
                return 0.0;
            }
            // Headings are bold, so a little wider.
            let mut chars = longest_word(&head[i]) + 2;
            for row in rows {
                if let Some(cell) = row.get(i) {
                    for t in cell_text(cell) {
                        chars = chars.max(longest_word(&t));
                    }
                }
            }
            pct_of(chars).min(16.0)
        })
        .collect();
    // The wide column keeps at least 40 %; the others shrink together if need be.
    let others: f64 = widths.iter().sum();
    let scale = if others > 60.0 { 60.0 / others } else { 1.0 };
    let widths: Vec<f64> = widths.iter().map(|w| w * scale).collect();
    let rest = 100.0 - others * scale;
    let mut out = String::from("<colgroup>");
    for (i, w) in widths.iter().enumerate() {
        let pct = if i == wide { rest } else { *w };
        let _ = write!(out, "<col style=\"width:{pct:.1}%\">");
    }
    out.push_str("</colgroup>\n");
    out
}

/// `s` as the body of a CSS string: everything but letters, digits and spaces as a
/// hex escape, so user text can neither close the string nor the style element.
fn css_string(s: &str) -> String {
    one_line(s)
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' {
                c.to_string()
            } else {
                // The space ends the escape and is consumed with it.
                format!("\\{:06x} ", u32::from(c))
            }
        })
        .collect()
}

/// The printed page number in the report's language ("Page 2 de 9"); report.css has
/// the English, so nothing is added for it.
fn page_numbers(lang: crate::locale::Lang) -> String {
    let words = lang.t(crate::locale::ReportText::PageOf);
    let parts = words
        .split_once("{page}")
        .and_then(|(a, rest)| rest.split_once("{pages}").map(|(b, c)| (a, b, c)));
    match (lang, parts) {
        (crate::locale::Lang::En, _) | (_, None) => String::new(),
        (_, Some((a, b, c))) => format!(
            "@page {{ @bottom-right {{ content: \"{}\" counter(page) \"{}\" counter(pages) \"{}\"; }} }}\n",
            css_string(a),
            css_string(b),
            css_string(c)
        ),
    }
}

/// Renders the document as a complete HTML page. Printed, every page carries the
/// running header and "page N of M" (CSS page-margin boxes, where the browser has
/// them); each section that asks for it starts a new page.
pub fn render(doc: &Document, png: &[u8]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{}</title>\n<style>\n{CSS}\
         @page {{ @top-left {{ content: \"{}\"; }} }}\n{}</style>\n</head>\n<body>\n<main>\n\
         <h1>{}</h1>\n",
        doc.lang.code(),
        escape(&doc.title),
        css_string(&doc.running_header),
        page_numbers(doc.lang),
        escape(&doc.title),
    );
    for section in &doc.sections {
        let class = if section.new_page {
            " class=\"break\""
        } else {
            ""
        };
        let _ = writeln!(out, "<section id=\"{}\"{class}>", section.anchor);
        if let Some(title) = &section.title {
            let _ = writeln!(out, "<h2>{}</h2>", escape(title));
        }
        blocks(&mut out, doc, &section.blocks, png);
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn blocks(out: &mut String, doc: &Document, blocks: &[Block], png: &[u8]) {
    for block in blocks {
        match block {
            Block::Heading {
                level,
                text,
                page_break,
            } => {
                let level = (*level).clamp(1, 6);
                let class = if *page_break { " class=\"break\"" } else { "" };
                let _ = writeln!(out, "<h{level}{class}>{}</h{level}>", escape(text));
            }
            Block::Para(parts) => {
                let _ = writeln!(out, "<p>{}</p>", inlines(parts));
            }
            Block::Lines(lines) => {
                let body: Vec<String> = lines.iter().map(|l| escape(l)).collect();
                let _ = writeln!(out, "<p class=\"lines\">{}</p>", body.join("<br>"));
            }
            Block::Bullets(items) | Block::Numbered(items) => {
                let tag = if matches!(block, Block::Numbered(_)) {
                    "ol"
                } else {
                    "ul"
                };
                let _ = writeln!(out, "<{tag}>");
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", inlines(item));
                }
                let _ = writeln!(out, "</{tag}>");
            }
            Block::Table {
                head,
                numeric,
                rows,
                wide,
            } => {
                let num = |i: usize| {
                    if numeric.get(i).copied().unwrap_or(false) {
                        " class=\"num\""
                    } else {
                        ""
                    }
                };
                let plain = head.iter().all(String::is_empty);
                let class = match (plain, wide) {
                    (true, _) => " class=\"facts\"",
                    (false, Some(_)) => " class=\"fixed\"",
                    _ => "",
                };
                let _ = writeln!(out, "<table{class}>");
                if let Some(w) = wide {
                    out.push_str(&colgroup(head, rows, *w));
                }
                if !plain {
                    out.push_str("<thead><tr>");
                    for (i, h) in head.iter().enumerate() {
                        let _ = write!(out, "<th{}>{}</th>", num(i), escape(h));
                    }
                    out.push_str("</tr></thead>\n");
                }
                out.push_str("<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for (i, cell) in row.iter().enumerate() {
                        let _ = write!(out, "<td{}>{}</td>", num(i), inlines(cell));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Chart { alt } => {
                let data = base64::engine::general_purpose::STANDARD.encode(png);
                let _ = writeln!(
                    out,
                    "<figure><img src=\"data:image/png;base64,{data}\" alt=\"{}\"></figure>",
                    escape(alt)
                );
            }
            Block::Note(text) => {
                let _ = writeln!(out, "<p class=\"muted\">{}</p>", escape(text));
            }
            Block::Contents => {
                out.push_str("<nav class=\"toc\"><ol>\n");
                for section in doc.listed() {
                    let title = section.title.as_deref().unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "<li><a href=\"#{}\">{}</a></li>",
                        section.anchor,
                        escape(title)
                    );
                }
                out.push_str("</ol></nav>\n");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_inert_in_text_and_attributes() {
        assert_eq!(
            escape("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(escape("a & 'b'"), "a &amp; &#39;b&#39;");
        assert_eq!(escape("x\u{202e}y\u{1b}"), "x\u{fffd}y\u{fffd}");
        assert_eq!(
            css_string("A\"; } </style> é"),
            "A\\000022 \\00003b  \\00007d  \\00003c \\00002f style\\00003e  é"
        );
    }
}
