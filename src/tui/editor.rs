//! A small text editor: one line (form fields, prompts) or several (notes), with
//! word wrapping by display width, cursor movement and paste. Pure: no terminal.

use std::ops::Range;

/// Largest text kept in one field (64 KiB, UTF-8 bytes): a bigger paste is cut here and
/// the user told so. Far above any real note (a page of text is about 3 KiB), small
/// enough that wrapping and drawing the whole note each frame stays instant and the
/// assessment file stays small; a 1 MB paste is taken in one event and cut at once.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

pub use crate::text::{char_width, str_width};

/// Text being edited and the cursor in it (a byte offset on a char boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextArea {
    text: String,
    cursor: usize,
    multiline: bool,
}

impl TextArea {
    /// A one-line field holding `text`, cursor at the end.
    pub fn single(text: &str) -> Self {
        let mut t = TextArea {
            text: String::new(),
            cursor: 0,
            multiline: false,
        };
        t.insert_str(text);
        t
    }

    /// A multi-line field holding `text`, cursor at the end.
    pub fn multi(text: &str) -> Self {
        let mut t = TextArea {
            text: String::new(),
            cursor: 0,
            multiline: true,
        };
        t.insert_str(text);
        t
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, a byte offset.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Inserts one character (newlines only in multi-line fields). Returns whether
    /// the text changed.
    pub fn insert(&mut self, c: char) -> bool {
        let c = match c {
            '\n' | '\r' if self.multiline => '\n',
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() => return false,
            c => c,
        };
        if self.text.len() + c.len_utf8() > MAX_TEXT_BYTES {
            return false;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        true
    }

    /// Inserts pasted text: CR LF and CR become new lines (spaces in a one-line field),
    /// tabs become spaces, other control characters are dropped. Returns false when
    /// the paste was cut at [`MAX_TEXT_BYTES`].
    pub fn insert_str(&mut self, s: &str) -> bool {
        let normalised = s.replace("\r\n", "\n");
        let mut clean = String::with_capacity(normalised.len());
        for c in normalised.chars() {
            let c = match c {
                '\n' | '\r' if self.multiline => '\n',
                '\t' | '\n' | '\r' => ' ',
                c if c.is_control() => continue,
                c => c,
            };
            if self.text.len() + clean.len() + c.len_utf8() > MAX_TEXT_BYTES {
                self.text.insert_str(self.cursor, &clean);
                self.cursor += clean.len();
                return false;
            }
            clean.push(c);
        }
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
        true
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) -> bool {
        match self.text[..self.cursor].chars().next_back() {
            Some(c) => {
                self.cursor -= c.len_utf8();
                self.text.remove(self.cursor);
                true
            }
            None => false,
        }
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) -> bool {
        if self.cursor < self.text.len() {
            self.text.remove(self.cursor);
            true
        } else {
            false
        }
    }

    /// Cursor one character left.
    pub fn left(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }

    /// Cursor one character right.
    pub fn right(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }

    /// Cursor to the start of its visual line.
    pub fn home(&mut self, width: usize) {
        let lines = wrap(&self.text, width);
        let (row, _) = cursor_row(&lines, self.cursor);
        if let Some(line) = lines.get(row) {
            self.cursor = line.start;
        }
    }

    /// Cursor to the end of its visual line.
    pub fn end(&mut self, width: usize) {
        let lines = wrap(&self.text, width);
        let (row, _) = cursor_row(&lines, self.cursor);
        if let Some(line) = lines.get(row) {
            self.cursor = line.end;
        }
    }

    /// Cursor one visual line up (same column where possible). False on the first line.
    pub fn up(&mut self, width: usize) -> bool {
        self.vertical(width, false)
    }

    /// Cursor one visual line down. False on the last line.
    pub fn down(&mut self, width: usize) -> bool {
        self.vertical(width, true)
    }

    fn vertical(&mut self, width: usize, down: bool) -> bool {
        let lines = wrap(&self.text, width);
        let (row, _) = cursor_row(&lines, self.cursor);
        let col = self.column(&lines, row);
        let target = if down {
            row + 1
        } else if let Some(r) = row.checked_sub(1) {
            r
        } else {
            return false;
        };
        let Some(line) = lines.get(target) else {
            return false;
        };
        let mut pos = line.start;
        let mut w = 0;
        for (i, c) in self.text[line.clone()].char_indices() {
            if w + char_width(c) > col {
                pos = line.start + i;
                break;
            }
            w += char_width(c);
            pos = line.start + i + c.len_utf8();
        }
        self.cursor = pos;
        true
    }

    fn column(&self, lines: &[Range<usize>], row: usize) -> usize {
        lines.get(row).map_or(0, |l| {
            str_width(&self.text[l.start..self.cursor.max(l.start)])
        })
    }

    /// Where the cursor is drawn when wrapped at `width`: (row, column).
    pub fn cursor_position(&self, width: usize) -> (usize, usize) {
        let lines = wrap(&self.text, width);
        let (row, _) = cursor_row(&lines, self.cursor);
        (row, self.column(&lines, row))
    }
}

fn cursor_row(lines: &[Range<usize>], cursor: usize) -> (usize, ()) {
    // The cursor belongs to the last line that starts at or before it; at a wrap
    // point it sits at the start of the next line.
    let row = lines.iter().rposition(|l| l.start <= cursor).unwrap_or(0);
    (row, ())
}

/// Breaks `text` into visual lines no wider than `width` (byte ranges, newlines
/// excluded), at spaces where possible. Always at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut offset = 0;
    for logical in text.split('\n') {
        let mut start = 0;
        let mut w = 0;
        let mut last_space: Option<usize> = None;
        let mut i = 0;
        let chars: Vec<(usize, char)> = logical.char_indices().collect();
        while i < chars.len() {
            let (at, c) = chars[i];
            let cw = char_width(c);
            if w + cw > width && at > start {
                let brk = match last_space {
                    Some(sp) if sp > start => sp,
                    _ => at,
                };
                lines.push(offset + start..offset + brk);
                start = brk;
                w = str_width(&logical[start..at]);
                last_space = None;
                continue;
            }
            w += cw;
            if c == ' ' {
                last_space = Some(at + 1);
            }
            i += 1;
        }
        lines.push(offset + start..offset + logical.len());
        offset += logical.len() + 1;
    }
    lines
}

/// Wraps read-only text into owned lines (for guidance, questions, descriptors).
pub fn wrap_lines(text: &str, width: usize) -> Vec<String> {
    wrap(text, width)
        .into_iter()
        .map(|r| text[r].trim_end().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_display_width_at_spaces() {
        let lines = wrap_lines("one two three four", 9);
        assert_eq!(lines, ["one two", "three", "four"]);
        // CJK characters are two columns wide.
        let lines = wrap_lines("漢字漢字漢字", 4);
        assert_eq!(lines, ["漢字", "漢字", "漢字"]);
        assert_eq!(wrap_lines("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(wrap_lines("", 0), [""]);
    }

    #[test]
    fn cursor_moves_over_wrapped_lines() {
        let mut t = TextArea::multi("hello world again");
        assert_eq!(t.cursor_position(6), (2, 5));
        assert!(t.up(6));
        assert_eq!(t.cursor_position(6), (1, 5));
        t.home(6);
        assert_eq!(t.cursor_position(6), (1, 0));
        assert!(t.insert('X'));
        assert_eq!(t.text(), "hello Xworld again");
        assert!(t.backspace());
        t.left();
        assert!(t.delete());
        assert_eq!(t.text(), "helloworld again");
    }

    #[test]
    fn paste_is_cleaned_and_capped() {
        let mut t = TextArea::single("");
        t.insert_str("a\r\nb\tc\u{1b}[2J");
        assert_eq!(t.text(), "a b c[2J");
        let mut m = TextArea::multi("");
        m.insert_str("x\r\ny\rz");
        assert_eq!(m.text(), "x\ny\nz");
        let big = "é".repeat(MAX_TEXT_BYTES);
        assert!(!m.insert_str(&big));
        assert!(m.text().len() <= MAX_TEXT_BYTES);
    }
}
