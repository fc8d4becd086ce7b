//! Making user text safe to show: no control character or bidi override from an
//! assessment or a custom questionnaire ever reaches a terminal raw.

use std::borrow::Cow;

/// Whether `c` could change what a terminal shows beyond its own glyph: C0 and C1
/// controls (ESC starts CSI and OSC sequences, BEL rings), DEL, and the bidirectional
/// overrides and isolates that reorder text (Trojan Source).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Text for one line of a terminal: newlines and tabs become spaces, every other unsafe
/// character becomes U+FFFD.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' | '\t' => ' ',
                '\r' => ' ',
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// Text for several terminal lines: newlines stay, tabs become spaces, every other
/// unsafe character (CR included) becomes U+FFFD.
pub fn multi_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' => '\n',
                '\t' => ' ',
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_never_pass() {
        let hostile = "a\u{1b}[2Jb\u{1b}]0;title\u{7}c\u{9b}31md\u{202e}e\rf\u{7f}";
        for out in [one_line(hostile), multi_line(hostile)] {
            assert!(!out.chars().any(is_unsafe), "{out:?}");
            assert!(out.contains('a') && out.contains('f'));
        }
        assert_eq!(one_line("x\ny\tz"), "x y z");
        assert_eq!(multi_line("x\ny"), "x\ny");
        assert!(matches!(one_line("plain é 漢字 🙂"), Cow::Borrowed(_)));
    }
}
