//! `radar.png`: one axis per domain, the current profile filled, the target dashed,
//! a baseline (if any) as a third outline. Drawn with plotters into an RGB buffer;
//! text is laid out by [`super::glyphs`] from the embedded Inter font, so the chart
//! renders the same on a machine with no fonts installed.

use std::f64::consts::PI;

use image::ImageEncoder;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use super::glyphs::{Align, Canvas, Fonts, cap_height, measure, wrap};
use super::{ExportError, Report};
use crate::locale::ReportText as T;

/// Default width and height of the chart in pixels.
pub const DEFAULT_SIZE: u32 = 1600;
/// Smallest chart size accepted.
pub const MIN_SIZE: u32 = 400;
/// Largest chart size accepted.
pub const MAX_SIZE: u32 = 6000;

/// Colour of the current profile (its outline and vertex dots are opaque).
pub const CURRENT: RGBColor = RGBColor(37, 99, 235);
/// Colour of the target outline and its vertex rings.
pub const TARGET: RGBColor = RGBColor(217, 72, 15);
/// Colour of the baseline outline and its vertex rings.
pub const BASELINE: RGBColor = RGBColor(71, 85, 105);
const GRID: RGBColor = RGBColor(209, 213, 219);
const INK: [u8; 3] = [17, 24, 39];
const MUTED: [u8; 3] = [75, 85, 99];

/// Where things sit on a chart of a given size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// Width and height in pixels.
    pub size: u32,
    /// Centre of the radar.
    pub centre: (f64, f64),
    /// Radius of ring 5.
    pub radius: f64,
}

impl Geometry {
    /// The layout of a `size`×`size` chart.
    pub fn new(size: u32) -> Geometry {
        let s = f64::from(size);
        Geometry {
            size,
            centre: (s / 2.0, s * 0.51),
            radius: s * 0.29,
        }
    }

    /// Scale factor against the default size (for strokes and fonts).
    pub fn k(&self) -> f64 {
        f64::from(self.size) / f64::from(DEFAULT_SIZE)
    }

    /// Angle of axis `axis` of `n`: the first points up, the rest follow clockwise.
    pub fn angle(axis: usize, n: usize) -> f64 {
        -PI / 2.0 + 2.0 * PI * axis as f64 / n.max(1) as f64
    }

    /// The pixel at `level` (0–5) on axis `axis` of `n`.
    pub fn point(&self, axis: usize, n: usize, level: f64) -> (i32, i32) {
        let (x, y) = self.exact(axis, n, level);
        (x.round() as i32, y.round() as i32)
    }

    fn exact(&self, axis: usize, n: usize, level: f64) -> (f64, f64) {
        let a = Self::angle(axis, n);
        let r = self.radius * level.clamp(0.0, 5.0) / 5.0;
        (self.centre.0 + r * a.cos(), self.centre.1 + r * a.sin())
    }

    /// Radii of the vertex markers: current dot, target ring, baseline ring.
    pub fn marker_radii(&self) -> (u32, u32, u32) {
        let k = self.k();
        let r = |v: f64| (v * k).round().max(2.0) as u32;
        (r(7.0), r(12.0), r(17.0))
    }
}

fn chart_err<E: std::fmt::Display>(e: E) -> ExportError {
    ExportError::Chart(e.to_string())
}

fn stroke(colour: RGBColor, width: f64) -> ShapeStyle {
    ShapeStyle {
        color: colour.to_rgba(),
        filled: false,
        stroke_width: width.round().max(1.0) as u32,
    }
}

/// Renders the radar chart of `report` as PNG bytes, `size`×`size` pixels.
pub fn render(report: &Report<'_>, size: u32) -> Result<Vec<u8>, ExportError> {
    let size = size.clamp(MIN_SIZE, MAX_SIZE);
    encode_png(&pixels(report, size)?, size)
}

/// Draws the radar chart of `report`: `size`×`size` RGB pixels (size clamped to
/// [`MIN_SIZE`]..=[`MAX_SIZE`]), row by row. The PNG and the PDF are made from them.
pub fn pixels(report: &Report<'_>, size: u32) -> Result<Vec<u8>, ExportError> {
    let size = size.clamp(MIN_SIZE, MAX_SIZE);
    let fonts = Fonts::load().map_err(ExportError::Chart)?;
    let g = Geometry::new(size);
    let k = g.k();
    let domains = &report.scores.domains;
    let n = domains.len();
    let mut buf = vec![255u8; (size as usize) * (size as usize) * 3];

    let current: Vec<f64> = domains.iter().map(|d| d.score.unwrap_or(0.0)).collect();
    let any_current = domains.iter().any(|d| d.score.is_some());
    let targets: Vec<f64> = domains.iter().map(|d| f64::from(d.target)).collect();
    let baseline: Option<Vec<f64>> = report.baseline.as_ref().map(|b| {
        domains
            .iter()
            .map(|d| b.scores.domain(&d.id).and_then(|s| s.score).unwrap_or(0.0))
            .collect()
    });
    let ring =
        |levels: &[f64]| -> Vec<(i32, i32)> { (0..n).map(|i| g.point(i, n, levels[i])).collect() };
    let closed = |mut pts: Vec<(i32, i32)>| {
        if let Some(first) = pts.first().copied() {
            pts.push(first);
        }
        pts
    };

    {
        let root = BitMapBackend::with_buffer(&mut buf, (size, size)).into_drawing_area();
        root.fill(&WHITE).map_err(chart_err)?;
        // Rings 1–5 and the axes.
        for level in 1..=5 {
            let pts = closed(ring(&vec![f64::from(level); n]));
            let width = if level == 5 { 2.5 * k } else { 1.5 * k };
            root.draw(&PathElement::new(pts, stroke(GRID, width)))
                .map_err(chart_err)?;
        }
        for i in 0..n {
            root.draw(&PathElement::new(
                vec![g.point(i, n, 0.0), g.point(i, n, 5.0)],
                stroke(GRID, 1.5 * k),
            ))
            .map_err(chart_err)?;
        }
        if let Some(levels) = &baseline {
            root.draw(&PathElement::new(
                closed(ring(levels)),
                stroke(BASELINE, 3.0 * k),
            ))
            .map_err(chart_err)?;
        }
        if any_current {
            root.draw(&Polygon::new(ring(&current), CURRENT.mix(0.22).filled()))
                .map_err(chart_err)?;
            root.draw(&PathElement::new(
                closed(ring(&current)),
                stroke(CURRENT, 4.0 * k),
            ))
            .map_err(chart_err)?;
        }
        let dash = (18.0 * k).round().max(3.0) as i32;
        let gap = (12.0 * k).round().max(2.0) as i32;
        root.draw(&DashedPathElement::new(
            closed(ring(&targets)),
            dash,
            gap,
            stroke(TARGET, 4.0 * k),
        ))
        .map_err(chart_err)?;
        // Vertex markers: rings of different radii, so every series stays visible
        // where two of them coincide.
        let (dot, target_ring, baseline_ring) = g.marker_radii();
        let ring_width = 3.0 * k;
        for i in 0..n {
            if let Some(levels) = &baseline {
                root.draw(&Circle::new(
                    g.point(i, n, levels[i]),
                    baseline_ring,
                    stroke(BASELINE, ring_width),
                ))
                .map_err(chart_err)?;
            }
            root.draw(&Circle::new(
                g.point(i, n, targets[i]),
                target_ring,
                stroke(TARGET, ring_width),
            ))
            .map_err(chart_err)?;
            if domains[i].score.is_some() {
                root.draw(&Circle::new(
                    g.point(i, n, current[i]),
                    dot,
                    CURRENT.filled(),
                ))
                .map_err(chart_err)?;
            }
        }
        let half = (ring_label_px(&g) * 0.6) as i32;
        for (x, y) in ring_label_positions(&g, n) {
            let (x, y) = (x as i32, y as i32);
            root.draw(&Rectangle::new(
                [(x - half, y - half), (x + half, y + half)],
                WHITE.filled(),
            ))
            .map_err(chart_err)?;
        }
        legend_shapes(&root, report, &fonts, &g, any_current)?;
        root.present().map_err(chart_err)?;
    }

    let mut canvas = Canvas {
        buf: &mut buf,
        width: size,
        height: size,
    };
    draw_texts(&mut canvas, report, &fonts, &g, any_current);
    Ok(buf)
}

/// Encodes `size`×`size` RGB pixels from [`pixels`] as PNG.
pub fn encode_png(buf: &[u8], size: u32) -> Result<Vec<u8>, ExportError> {
    let mut png = Vec::new();
    // The Sub filter encodes this flat-coloured chart about five times faster than
    // adaptive filtering for a file about a fifth larger.
    image::codecs::png::PngEncoder::new_with_quality(
        &mut png,
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Sub,
    )
    .write_image(buf, size, size, image::ColorType::Rgb8)
    .map_err(chart_err)?;
    Ok(png)
}

/// One legend entry: its swatch kind and its text.
enum Swatch {
    Filled,
    Dashed,
    Solid,
}

fn legend_entries(report: &Report<'_>, any_current: bool) -> Vec<(Swatch, RGBColor, String)> {
    let lang = report.lang;
    let mut entries = Vec::new();
    if any_current {
        entries.push((
            Swatch::Filled,
            CURRENT,
            lang.f(
                T::ChartCurrent,
                &[("score", &lang.score(report.scores.overall.score))],
            ),
        ));
    }
    entries.push((Swatch::Dashed, TARGET, lang.t(T::Target).to_string()));
    if let Some(b) = &report.baseline {
        entries.push((
            Swatch::Solid,
            BASELINE,
            lang.f(
                T::ChartBaseline,
                &[
                    (
                        "day",
                        &super::report::day(lang, b.assessment.meta.updated.date_naive()),
                    ),
                    ("score", &lang.score(b.scores.overall.score)),
                ],
            ),
        ));
    }
    entries
}

/// Legend layout: (x of each swatch, baseline y, font px, swatch width).
fn legend_layout(
    report: &Report<'_>,
    fonts: &Fonts,
    g: &Geometry,
    any_current: bool,
) -> (Vec<f32>, f32, f32, f32) {
    let k = g.k() as f32;
    let px = 30.0 * k;
    let swatch = 56.0 * k;
    let (pad, sep) = (14.0 * k, 56.0 * k);
    let entries = legend_entries(report, any_current);
    let widths: Vec<f32> = entries
        .iter()
        .map(|(_, _, t)| swatch + pad + measure(&fonts.regular, px, t))
        .collect();
    let total: f32 = widths.iter().sum::<f32>() + sep * (widths.len().saturating_sub(1)) as f32;
    let mut x = (g.size as f32 - total) / 2.0;
    let mut xs = Vec::new();
    for w in widths {
        xs.push(x);
        x += w + sep;
    }
    (xs, g.size as f32 - 70.0 * k, px, swatch)
}

fn legend_shapes<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    report: &Report<'_>,
    fonts: &Fonts,
    g: &Geometry,
    any_current: bool,
) -> Result<(), ExportError> {
    let k = g.k();
    let (xs, baseline, px, swatch) = legend_layout(report, fonts, g, any_current);
    let mid = (baseline - cap_height(&fonts.regular, px) / 2.0) as i32;
    for ((kind, colour, _), x) in legend_entries(report, any_current).iter().zip(xs) {
        let (x0, x1) = (x as i32, (x + swatch) as i32);
        let half = (10.0 * k) as i32;
        let result = match kind {
            Swatch::Filled => root
                .draw(&Rectangle::new(
                    [(x0, mid - half), (x1, mid + half)],
                    colour.mix(0.22).filled(),
                ))
                .and_then(|_| {
                    root.draw(&Rectangle::new(
                        [(x0, mid - half), (x1, mid + half)],
                        stroke(*colour, 3.0 * k),
                    ))
                }),
            Swatch::Dashed => root.draw(&DashedPathElement::new(
                vec![(x0, mid), (x1, mid)],
                (14.0 * k).max(3.0) as i32,
                (8.0 * k).max(2.0) as i32,
                stroke(*colour, 4.0 * k),
            )),
            Swatch::Solid => root.draw(&PathElement::new(
                vec![(x0, mid), (x1, mid)],
                stroke(*colour, 3.0 * k),
            )),
        };
        result.map_err(chart_err)?;
        // The same vertex marker as on the chart, in the middle of the swatch.
        let (dot, target_ring, baseline_ring) = g.marker_radii();
        let centre = ((x0 + x1) / 2, mid);
        let marker = match kind {
            Swatch::Filled => root.draw(&Circle::new(centre, dot, colour.filled())),
            Swatch::Dashed => {
                root.draw(&Circle::new(centre, target_ring, stroke(*colour, 3.0 * k)))
            }
            Swatch::Solid => root.draw(&Circle::new(
                centre,
                baseline_ring,
                stroke(*colour, 3.0 * k),
            )),
        };
        marker.map_err(chart_err)?;
    }
    Ok(())
}

fn draw_texts(
    canvas: &mut Canvas<'_>,
    report: &Report<'_>,
    fonts: &Fonts,
    g: &Geometry,
    any_current: bool,
) {
    let k = g.k() as f32;
    let s = g.size as f32;
    let a = report.assessment;
    let lang = report.lang;
    let organisation = a.meta.organisation.trim();
    let title = if organisation.is_empty() {
        lang.t(T::ChartOrganisationNotSet).to_string()
    } else {
        organisation.to_string()
    };
    let title = wrap(&fonts.semibold, 46.0 * k, &title, s * 0.9, 1).join(" ");
    canvas.text(
        &fonts.semibold,
        46.0 * k,
        &title,
        (s / 2.0, 84.0 * k),
        Align::Centre,
        INK,
    );
    let o = &report.scores.overall;
    let subtitle = lang.f(
        T::ChartSubtitle,
        &[
            ("title", &report.questionnaire.title),
            ("day", &lang.date(super::last_answer(a).date_naive())),
            ("covered", &o.covered()),
            ("total", &o.total),
        ],
    );
    let subtitle = wrap(&fonts.regular, 28.0 * k, &subtitle, s * 0.9, 1).join(" ");
    canvas.text(
        &fonts.regular,
        28.0 * k,
        &subtitle,
        (s / 2.0, 128.0 * k),
        Align::Centre,
        MUTED,
    );
    // The chart travels alone in slide decks: it carries the verdict with it.
    let gaps = report.scores.readiness.critical_gaps;
    let verdict = lang.f(
        if lang.plural(gaps, "1", "n") == "1" {
            T::ChartGapsOne
        } else {
            T::ChartGapsMany
        },
        &[
            (
                "verdict",
                &lang.verdict_status(report.scores.verdict_status()),
            ),
            ("count", &gaps),
        ],
    );
    let verdict = wrap(&fonts.semibold, 30.0 * k, &verdict, s * 0.9, 1).join(" ");
    canvas.text(
        &fonts.semibold,
        30.0 * k,
        &verdict,
        (s / 2.0, 170.0 * k),
        Align::Centre,
        INK,
    );

    // Ring numbers sit on white patches (drawn with the shapes) halfway between the
    // last axis and the first, where no vertex marker can cover them.
    let ring_px = ring_label_px(g);
    let cap = cap_height(&fonts.regular, ring_px);
    for (level, (x, y)) in ring_label_positions(g, g_n(report)).into_iter().enumerate() {
        canvas.text(
            &fonts.regular,
            ring_px,
            &(level + 1).to_string(),
            (x, y + cap / 2.0),
            Align::Centre,
            MUTED,
        );
    }

    axis_labels(canvas, report, fonts, g);

    let (xs, baseline, px, swatch) = legend_layout(report, fonts, g, any_current);
    for ((_, _, text), x) in legend_entries(report, any_current).iter().zip(xs) {
        canvas.text(
            &fonts.regular,
            px,
            text,
            (x + swatch + 14.0 * k, baseline),
            Align::Left,
            INK,
        );
    }
    if !any_current {
        canvas.text(
            &fonts.regular,
            24.0 * k,
            lang.t(T::ChartTargetsOnly),
            (s / 2.0, baseline - 56.0 * k),
            Align::Centre,
            MUTED,
        );
    }
}

fn ring_label_px(g: &Geometry) -> f32 {
    20.0 * g.k() as f32
}

/// Centres of the ring numbers 1–5.
fn ring_label_positions(g: &Geometry, n: usize) -> Vec<(f32, f32)> {
    (1..=5)
        .map(|level| {
            let (x, y) = if n >= 3 {
                let (ax, ay) = g.exact(n - 1, n, f64::from(level));
                let (bx, by) = g.exact(0, n, f64::from(level));
                ((ax + bx) / 2.0, (ay + by) / 2.0)
            } else {
                g.exact(0, n.max(1), f64::from(level))
            };
            (x as f32, y as f32)
        })
        .collect()
}

fn g_n(report: &Report<'_>) -> usize {
    report.scores.domains.len()
}

fn axis_labels(canvas: &mut Canvas<'_>, report: &Report<'_>, fonts: &Fonts, g: &Geometry) {
    let n = g_n(report);
    let k = g.k() as f32;
    let s = g.size as f32;
    let px = (32.0 - (n.saturating_sub(8) as f32) * 0.55).max(22.0) * k;
    let line = px * 1.3;
    let offset = 34.0 * g.k();
    let label_radius = g.radius + offset;
    let spacing = (2.0 * PI * label_radius / n.max(1) as f64) as f32;
    for (i, d) in report.scores.domains.iter().enumerate() {
        let angle = Geometry::angle(i, n);
        let (cos, sin) = (angle.cos() as f32, angle.sin() as f32);
        let x = g.centre.0 as f32 + label_radius as f32 * cos;
        let y = g.centre.1 as f32 + label_radius as f32 * sin;
        let (align, max_width) = if cos > 0.3 {
            (Align::Left, (s - x - 24.0 * k).min(0.22 * s))
        } else if cos < -0.3 {
            (Align::Right, (x - 24.0 * k).min(0.22 * s))
        } else {
            (Align::Centre, (spacing * 0.9).min(0.3 * s))
        };
        let label = report
            .questionnaire
            .domain(&d.id)
            .map_or(d.title.as_str(), |dom| dom.label());
        let mut lines = wrap(&fonts.semibold, px, label, max_width.max(40.0 * k), 2);
        let mut score = format!("{} / {}", report.lang.score(d.score), d.target);
        if let Some(b) = &report.baseline {
            let was = b.scores.domain(&d.id).and_then(|x| x.score);
            score.push_str(
                &report
                    .lang
                    .f(T::ChartWas, &[("score", &report.lang.score(was))]),
            );
        }
        lines.push(score);
        let height = line * lines.len() as f32;
        let cap = cap_height(&fonts.semibold, px);
        // Baseline of the first line.
        let top = if sin > 0.3 {
            y + cap
        } else if sin < -0.3 {
            y - height + cap
        } else {
            y - height / 2.0 + cap + (line - cap) / 2.0
        };
        let last = lines.len() - 1;
        for (j, text) in lines.iter().enumerate() {
            let (font, colour) = if j == last {
                (&fonts.regular, MUTED)
            } else {
                (&fonts.semibold, INK)
            };
            canvas.text(font, px, text, (x, top + line * j as f32), align, colour);
        }
    }
}
