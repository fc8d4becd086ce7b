//! Big characters for the presenter view: a 3×5 pixel font drawn with `█`, each
//! pixel scaled to `sx` columns by `sy` rows (2×1 looks square on most terminals).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Pixel rows of a glyph, top to bottom; `#` is ink.
fn glyph(c: char) -> [&'static str; 5] {
    match c {
        '0' => ["###", "#.#", "#.#", "#.#", "###"],
        '1' => [".#.", "##.", ".#.", ".#.", "###"],
        '2' => ["###", "..#", "###", "#..", "###"],
        '3' => ["###", "..#", ".##", "..#", "###"],
        '4' => ["#.#", "#.#", "###", "..#", "..#"],
        '5' => ["###", "#..", "###", "..#", "###"],
        '6' => ["###", "#..", "###", "#.#", "###"],
        '7' => ["###", "..#", ".#.", ".#.", ".#."],
        '8' => ["###", "#.#", "###", "#.#", "###"],
        '9' => ["###", "#.#", "###", "..#", "###"],
        ':' => ["...", ".#.", "...", ".#.", "..."],
        '+' => ["...", ".#.", "###", ".#.", "..."],
        '-' => ["...", "...", "###", "...", "..."],
        '/' => ["..#", "..#", ".#.", "#..", "#.."],
        'N' => ["#.#", "###", "###", "###", "#.#"],
        'A' => [".#.", "#.#", "###", "#.#", "#.#"],
        _ => ["...", "...", "...", "...", "..."],
    }
}

/// Pixel width of a glyph.
const GLYPH_W: u16 = 3;
/// Pixel height of a glyph.
pub const GLYPH_H: u16 = 5;

/// The size of `text` in cells at scale `sx`×`sy` (one pixel of space between glyphs).
pub fn size(text: &str, sx: u16, sy: u16) -> (u16, u16) {
    let n = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
    let w = n
        .saturating_mul(GLYPH_W + 1)
        .saturating_sub(1)
        .saturating_mul(sx);
    (w, GLYPH_H.saturating_mul(sy))
}

/// Draws `text` big with its top-left corner at `(x, y)` and pixels of `sx`×`sy`
/// cells, clipped to `clip`.
pub fn draw(
    text: &str,
    (x, y): (u16, u16),
    (sx, sy): (u16, u16),
    style: Style,
    clip: Rect,
    buf: &mut Buffer,
) {
    let area = clip.intersection(buf.area);
    for (i, c) in text.chars().enumerate() {
        let gx = x.saturating_add(
            u16::try_from(i)
                .unwrap_or(u16::MAX)
                .saturating_mul((GLYPH_W + 1) * sx),
        );
        for (row, bits) in glyph(c).iter().enumerate() {
            for (col, bit) in bits.chars().enumerate() {
                if bit != '#' {
                    continue;
                }
                let px = gx.saturating_add(u16::try_from(col).unwrap_or(0).saturating_mul(sx));
                let py = y.saturating_add(u16::try_from(row).unwrap_or(0).saturating_mul(sy));
                for dy in 0..sy {
                    for dx in 0..sx {
                        let (cx, cy) = (px.saturating_add(dx), py.saturating_add(dy));
                        if cx >= area.x
                            && cy >= area.y
                            && cx < area.x.saturating_add(area.width)
                            && cy < area.y.saturating_add(area.height)
                        {
                            buf[(cx, cy)].set_symbol("█").set_style(style);
                        }
                    }
                }
            }
        }
    }
}
