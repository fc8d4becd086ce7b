//! Text for the radar chart, laid out glyph by glyph with the embedded Inter font.
//!
//! plotters' own ab_glyph text places each glyph's ink box at the pen position and
//! drops the glyph's side bearing, so narrow letters (i, l, t) crowd their neighbours
//! and wide ones gap; here every glyph sits at its pen position plus its bearing, with
//! kerning, and its coverage is blended into the RGB buffer.

use ab_glyph::{Font, FontRef, Glyph, PxScale, ScaleFont, point};

/// Inter Regular (SIL Open Font License, `assets/fonts/OFL.txt`).
pub(crate) static REGULAR: &[u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");
/// Inter SemiBold (SIL Open Font License, `assets/fonts/OFL.txt`).
pub(crate) static SEMIBOLD: &[u8] = include_bytes!("../../assets/fonts/Inter-SemiBold.otf");

/// The two embedded faces.
pub struct Fonts {
    /// Body text.
    pub regular: FontRef<'static>,
    /// Titles and scores.
    pub semibold: FontRef<'static>,
}

impl Fonts {
    /// Parses the embedded fonts.
    pub fn load() -> Result<Fonts, String> {
        let parse = |bytes: &'static [u8], name: &str| {
            FontRef::try_from_slice(bytes).map_err(|e| format!("embedded font {name}: {e}"))
        };
        Ok(Fonts {
            regular: parse(REGULAR, "Inter-Regular.otf")?,
            semibold: parse(SEMIBOLD, "Inter-SemiBold.otf")?,
        })
    }
}

/// Horizontal anchor of a text line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// The text starts at x.
    Left,
    /// The text is centred on x.
    Centre,
    /// The text ends at x.
    Right,
}

/// An RGB8 pixel buffer that text is blended into.
pub struct Canvas<'a> {
    /// Row-major RGB bytes.
    pub buf: &'a mut [u8],
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// The advance width of `text` at `px` pixels, kerning included.
pub fn measure(font: &FontRef<'_>, px: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(px));
    let mut width = 0.0;
    let mut prev = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            width += scaled.kern(p, id);
        }
        width += scaled.h_advance(id);
        prev = Some(id);
    }
    width
}

/// Height of capital letters at `px` pixels (for centring a line vertically).
pub fn cap_height(font: &FontRef<'_>, px: f32) -> f32 {
    let scaled = font.as_scaled(PxScale::from(px));
    let id = scaled.glyph_id('H');
    scaled
        .outline_glyph(id.with_scale_and_position(px, point(0.0, 0.0)))
        .map_or(px * 0.7, |g| -g.px_bounds().min.y)
}

impl Canvas<'_> {
    /// Draws one line of text with its baseline at `baseline`, anchored at `x`.
    pub fn text(
        &mut self,
        font: &FontRef<'_>,
        px: f32,
        text: &str,
        (x, baseline): (f32, f32),
        align: Align,
        colour: [u8; 3],
    ) {
        let width = measure(font, px, text);
        let mut pen = match align {
            Align::Left => x,
            Align::Centre => x - width / 2.0,
            Align::Right => x - width,
        };
        let scaled = font.as_scaled(PxScale::from(px));
        let mut prev = None;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            if let Some(p) = prev {
                pen += scaled.kern(p, id);
            }
            prev = Some(id);
            let glyph: Glyph = id.with_scale_and_position(px, point(pen, baseline));
            pen += scaled.h_advance(id);
            let Some(outline) = scaled.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outline.px_bounds();
            let (left, top) = (bounds.min.x as i64, bounds.min.y as i64);
            outline.draw(|gx, gy, coverage| {
                self.blend(left + i64::from(gx), top + i64::from(gy), coverage, colour);
            });
        }
    }

    fn blend(&mut self, x: i64, y: i64, coverage: f32, colour: [u8; 3]) {
        if x < 0 || y < 0 || x >= i64::from(self.width) || y >= i64::from(self.height) {
            return;
        }
        let alpha = coverage.clamp(0.0, 1.0);
        // In bounds by the check above, so the index fits.
        let i = ((y as usize) * (self.width as usize) + x as usize) * 3;
        if let Some(px) = self.buf.get_mut(i..i + 3) {
            for (channel, c) in px.iter_mut().zip(colour) {
                let mixed = f32::from(*channel) * (1.0 - alpha) + f32::from(c) * alpha;
                *channel = mixed.round().clamp(0.0, 255.0) as u8;
            }
        }
    }
}

/// Breaks `text` into at most `max_lines` lines no wider than `max_width`; the last
/// line ends with an ellipsis when the text does not fit.
pub fn wrap(
    font: &FontRef<'_>,
    px: f32,
    text: &str,
    max_width: f32,
    max_lines: usize,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if current.is_empty() || measure(font, px, &candidate) <= max_width {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines.max(1) {
        let rest = lines.split_off(max_lines.max(1) - 1).join(" ");
        lines.push(rest);
    }
    for line in lines.iter_mut() {
        *line = ellipsize(font, px, line, max_width);
    }
    lines
}

/// Shortens `text` with a trailing ellipsis until it fits `max_width`.
fn ellipsize(font: &FontRef<'_>, px: f32, text: &str, max_width: f32) -> String {
    if measure(font, px, text) <= max_width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if measure(font, px, &candidate) <= max_width {
            return candidate;
        }
    }
    "…".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_ellipsizes_within_width() {
        let fonts = Fonts::load().unwrap();
        let f = &fonts.regular;
        let lines = wrap(
            f,
            20.0,
            "Performance evaluation and continual improvement",
            150.0,
            2,
        );
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines.iter().all(|l| measure(f, 20.0, l) <= 150.0),
            "{lines:?}"
        );
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert_eq!(wrap(f, 20.0, "Context", 300.0, 2), vec!["Context"]);
        assert!(measure(f, 20.0, "WWWW") > measure(f, 20.0, "iiii"));
    }

    #[test]
    fn text_is_drawn_with_bearings_inside_its_measured_box() {
        let fonts = Fonts::load().unwrap();
        let (w, h) = (200u32, 60u32);
        let mut buf = vec![255u8; (w * h * 3) as usize];
        let mut canvas = Canvas {
            buf: &mut buf,
            width: w,
            height: h,
        };
        canvas.text(
            &fonts.regular,
            24.0,
            "Hill",
            (20.0, 40.0),
            Align::Left,
            [0, 0, 0],
        );
        let inked: Vec<u32> = (0..w)
            .filter(|&x| (0..h).any(|y| buf[((y * w + x) * 3) as usize] < 128))
            .collect();
        let width = measure(&fonts.regular, 24.0, "Hill");
        assert!(*inked.first().unwrap() >= 20);
        assert!((*inked.last().unwrap() as f32) <= 20.0 + width + 1.0);
        // "Hill": the H (stems joined by the bar), i, l and l ink separate columns.
        let mut runs = 0;
        let mut prev = None;
        for x in inked {
            if prev.is_none_or(|p| x != p + 1) {
                runs += 1;
            }
            prev = Some(x);
        }
        assert_eq!(runs, 4);
    }
}
