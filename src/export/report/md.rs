//! The Markdown renderer: CommonMark with GitHub tables; every piece of text is
//! escaped so that user text can neither open Markdown syntax nor raw HTML.

use std::fmt::Write;

use super::{Block, Document, Inline};
use crate::text::one_line;

/// Characters that can start Markdown syntax anywhere in a line (CommonMark lets
/// any ASCII punctuation be backslash-escaped).
const SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&', '!',
];

/// `s` as inert Markdown inline text (one line; controls and bidi overrides removed).
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in one_line(s).chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `s` escaped to stand at the start of a line, where `-`, `+`, `=`, `>` and
/// "1." would start a list, a heading underline or a quote; leading spaces would
/// start a code block.
pub fn escape_line_start(s: &str) -> String {
    let escaped = escape(s.trim_start());
    let mut chars = escaped.chars();
    match chars.next() {
        Some(c @ ('-' | '+' | '=')) => format!("\\{c}{}", chars.as_str()),
        Some(c) if c.is_ascii_digit() => {
            let digits: String = escaped.chars().take_while(char::is_ascii_digit).collect();
            let rest = &escaped[digits.len()..];
            match rest.chars().next() {
                Some(p @ ('.' | ')')) => format!("{digits}\\{p}{}", &rest[1..]),
                _ => escaped,
            }
        }
        _ => escaped,
    }
}

/// Renders inline parts; `line_start` when they begin a line of their own (not a
/// table cell).
fn inlines(parts: &[Inline], line_start: bool, separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        let joined;
        let raw = match part {
            Inline::Text(t) | Inline::Strong(t) => t.as_str(),
            Inline::List(items) => {
                joined = format!(
                    "{}{}",
                    if i > 0 { " — " } else { "" },
                    items.join(separator)
                );
                joined.as_str()
            }
        };
        let body = if i == 0 && line_start {
            escape_line_start(raw)
        } else {
            escape(raw)
        };
        match part {
            Inline::Text(_) | Inline::List(_) => out.push_str(&body),
            Inline::Strong(_) => {
                // Emphasis cannot open or close next to a space: keep spaces outside.
                let lead = if raw.starts_with(char::is_whitespace) && i > 0 {
                    " "
                } else {
                    ""
                };
                let trail = if raw.ends_with(char::is_whitespace) {
                    " "
                } else {
                    ""
                };
                let inner = body.trim();
                if !inner.is_empty() {
                    let _ = write!(out, "{lead}**{inner}**{trail}");
                }
            }
        }
    }
    out
}

fn cell(parts: &[Inline], separator: &str) -> String {
    let s = inlines(parts, false, separator);
    if s.is_empty() { " ".into() } else { s }
}

/// Renders the document as Markdown: its title, then each section under a level-2
/// heading.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&doc.title));
    for section in &doc.sections {
        if let Some(title) = &section.title {
            let _ = writeln!(out, "## {}\n", escape(title));
        }
        blocks(&mut out, doc, &section.blocks);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn blocks(out: &mut String, doc: &Document, blocks: &[Block]) {
    // A short list in a table cell is joined as the language writes a list ("; ").
    let sep = doc.lang.t(crate::locale::ReportText::ListSeparator);
    for block in blocks {
        match block {
            Block::Heading { level, text, .. } => {
                let _ = writeln!(
                    out,
                    "{} {}\n",
                    "#".repeat(usize::from(*level)),
                    escape(text)
                );
            }
            Block::Para(parts) => {
                let _ = writeln!(out, "{}\n", inlines(parts, true, sep));
            }
            Block::Lines(lines) => {
                let body: Vec<String> = lines
                    .iter()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| escape_line_start(l))
                    .collect();
                // A trailing backslash is a hard line break in CommonMark.
                let _ = writeln!(out, "{}\n", body.join("\\\n"));
            }
            Block::Bullets(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", inlines(item, true, sep));
                }
                out.push('\n');
            }
            Block::Numbered(items) => {
                for (i, item) in items.iter().enumerate() {
                    let _ = writeln!(out, "{}. {}", i + 1, inlines(item, true, sep));
                }
                out.push('\n');
            }
            Block::Table {
                head,
                numeric,
                rows,
                ..
            } => {
                let head: Vec<String> = head
                    .iter()
                    .map(|h| if h.is_empty() { " ".into() } else { escape(h) })
                    .collect();
                let _ = writeln!(out, "| {} |", head.join(" | "));
                let rule: Vec<&str> = numeric
                    .iter()
                    .map(|n| if *n { "---:" } else { "---" })
                    .collect();
                let _ = writeln!(out, "| {} |", rule.join(" | "));
                for row in rows {
                    let cells: Vec<String> = row.iter().map(|c| cell(c, sep)).collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
                out.push('\n');
            }
            Block::Chart { alt } => {
                let _ = writeln!(out, "![{}](radar.png)\n", escape(alt));
            }
            Block::Note(text) => {
                let _ = writeln!(out, "*{}*\n", escape(text));
            }
            Block::Contents => {
                for (i, section) in doc.listed().enumerate() {
                    let title = section.title.as_deref().unwrap_or_default();
                    let _ = writeln!(out, "{}. {}", i + 1, escape(title));
                }
                out.push('\n');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_open_markdown() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("`x` *y* [l](u)"), "\\`x\\` \\*y\\* \\[l\\](u)");
        assert_eq!(escape_line_start("# title"), "\\# title");
        assert_eq!(escape_line_start("- item"), "\\- item");
        assert_eq!(escape_line_start("> quote"), "\\> quote");
        assert_eq!(escape_line_start("12. item"), "12\\. item");
        assert_eq!(escape_line_start("    code"), "code");
        assert_eq!(escape_line_start("2026 plan"), "2026 plan");
        assert_eq!(escape("line\nbreak"), "line break");
    }
}
