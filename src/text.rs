//! Making user text safe to show: no control character or bidi override from an
//! assessment or a custom questionnaire ever reaches a terminal raw.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// Whether `c` could change what a terminal shows beyond its own glyph: C0 and C1
/// controls (ESC starts CSI and OSC sequences, BEL rings), DEL, and the bidirectional
/// overrides and isolates that reorder text (Trojan Source), and the Unicode line and
/// paragraph separators, which some terminals treat as a line break the layout never
/// counted (the old text stays on screen).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2028}' | '\u{2029}')
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
                '\n' | '\t' | '\u{2028}' | '\u{2029}' => ' ',
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
                '\n' | '\u{2028}' | '\u{2029}' => '\n',
                '\t' => ' ',
                c if is_unsafe(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// JSON for a terminal, same data: the characters JSON allows raw in a string but a
/// terminal could act on (C1 controls, DEL, bidi overrides) become `\uXXXX` escapes.
/// serde_json already escapes C0 controls; raw newlines are the layout's own.
pub fn json_for_terminal(json: &str) -> Cow<'_, str> {
    if !json.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if c != '\n' && is_unsafe(c) {
            // Every unsafe character is in the Basic Multilingual Plane: one escape.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Display width of a character as a terminal draws it after [`one_line`]: an unsafe
/// character becomes U+FFFD (one column); wide CJK and emoji take two.
pub fn char_width(c: char) -> usize {
    if is_unsafe(c) {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// Display width of a string as a terminal draws it.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// `s` cut to at most `width` display columns, ending in `…` when cut. Every table,
/// in the terminal app and on the command line, cuts with this one function, so a
/// wide (CJK, emoji) name lines up everywhere.
pub fn clip(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = char_width(c);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `s` clipped or padded with spaces to exactly `width` display columns (a table cell).
pub fn fit(s: &str, width: usize) -> String {
    let c = clip(s, width);
    let pad = width.saturating_sub(str_width(&c));
    format!("{c}{}", " ".repeat(pad))
}

/// `s` clipped or padded on the left to exactly `width` display columns: a heading
/// over a right-aligned column of numbers (`{:>9}` counts characters, not columns).
pub fn fit_right(s: &str, width: usize) -> String {
    let c = clip(s, width);
    let pad = width.saturating_sub(str_width(&c));
    format!("{}{c}", " ".repeat(pad))
}

/// `s` padded with spaces to at least `width` display columns, never cut (a column
/// whose whole text matters, such as a file name to type back).
pub fn pad(s: &str, width: usize) -> String {
    let pad = width.saturating_sub(str_width(s));
    format!("{s}{}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_terminal_columns_not_characters() {
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit("漢字", 6), "漢字  ");
        assert_eq!(fit("漢字漢字", 6), "漢字… ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("", 0), "");
    }

    #[test]
    fn line_and_paragraph_separators_never_pass() {
        assert!(is_unsafe('\u{2028}') && is_unsafe('\u{2029}'));
        assert_eq!(one_line("a\u{2028}b\u{2029}c"), "a b c");
        assert_eq!(multi_line("a\u{2028}b"), "a\nb");
    }

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

    #[test]
    fn tables_count_display_columns() {
        assert_eq!(str_width("漢字🙂a"), 7);
        assert_eq!(fit("漢字漢字", 5), "漢字…");
        assert_eq!(str_width(&fit("漢字漢字", 5)), 5);
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(pad("漢", 4), "漢  ");
        assert_eq!(pad("abcdef", 4), "abcdef");
    }

    #[test]
    fn json_for_terminal_escapes_without_changing_the_data() {
        let data = serde_json::json!({"t": "a\u{9b}31m\u{202e}b\u{7f}\u{1b}]0;x\u{7}é\n"});
        let pretty = serde_json::to_string_pretty(&data).expect("json");
        let safe = json_for_terminal(&pretty);
        assert!(!safe.chars().any(|c| c != '\n' && is_unsafe(c)), "{safe}");
        assert!(
            safe.contains("\\u009b") && safe.contains("\\u202e"),
            "{safe}"
        );
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, data);
        assert!(matches!(
            json_for_terminal(
                &serde_json::to_string_pretty(&serde_json::json!({"a": "é 漢字"})).expect("json")
            ),
            Cow::Borrowed(_)
        ));
    }
}
