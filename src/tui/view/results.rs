//! The results: overall, verdict, coverage, per-domain bars with targets, a radar
//! and the verdict's reasons. Drawn from the scores every change keeps current.

use std::f64::consts::PI;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Line as CanvasLine, Points};

use super::{bar, clip, draw_lines, fit, pane, window_start};
use crate::locale;
use crate::scoring::{Verdict, one_decimal};
use crate::text::one_line;
use crate::tui::app::{App, FrameInfo, Session};
use crate::tui::theme::Theme;

/// Draws the results.
pub fn render(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let Some(s) = &app.session else { return };
    let t = app.theme;
    let sc = &s.scores;
    let domains = u16::try_from(sc.domains.len()).unwrap_or(u16::MAX);
    let middle_height = domains.saturating_add(2).max(area.height * 3 / 5);
    let [summary, middle, gaps] = area.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(middle_height),
        Constraint::Min(3),
    ]));
    let level = sc.overall.level.map_or(String::new(), |l| {
        format!(" (level {l}: {})", one_line(s.questionnaire.level_name(l)))
    });
    let verdict_style = match sc.readiness.verdict {
        Verdict::Ready => t.good(),
        _ => t.warn(),
    };
    draw_lines(
        vec![
            Line::from(vec![
                Span::styled(" Overall ", t.title()),
                Span::raw(format!("{}{level}", one_decimal(sc.overall.score))),
                Span::styled("   Verdict ", t.title()),
                Span::styled(locale::verdict_status(sc.verdict_status()), verdict_style),
            ]),
            Line::from(vec![
                Span::styled(" Coverage ", t.title()),
                Span::raw(format!(
                    "{}/{} ({:.0}%)",
                    sc.overall.covered(),
                    sc.overall.total,
                    sc.overall.coverage * 100.0
                )),
                Span::styled("   Critical gaps ", t.title()),
                Span::styled(
                    sc.readiness.critical_gaps.to_string(),
                    if sc.readiness.critical_gaps > 0 {
                        t.warn()
                    } else {
                        t.good()
                    },
                ),
                Span::styled(
                    format!("   (below level {})", sc.readiness.threshold),
                    t.muted(),
                ),
            ]),
        ],
        summary,
        frame.buffer_mut(),
    );
    // The radar needs some width to be legible; below 70 columns the bars get it all.
    let radar_w = if middle.width >= 150 {
        middle.width * 2 / 5
    } else if middle.width >= 70 {
        middle.width * 9 / 20
    } else {
        0
    };
    let [bars_area, radar_area] = middle.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(radar_w),
    ]));
    draw_bars(app, s, bars_area, frame);
    draw_radar(s, t, radar_area, frame);
    draw_gaps(app, s, gaps, frame, info);
}

fn draw_bars(app: &App, s: &Session, area: Rect, frame: &mut Frame) {
    let t = app.theme;
    let block = pane("Domains: score, target ┃", app, false);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let w = usize::from(inner.width);
    let label_w = if w >= 60 { 28 } else { 12 };
    let bar_w = w.saturating_sub(label_w + 15);
    let mut lines = Vec::new();
    for (i, d) in s
        .scores
        .domains
        .iter()
        .enumerate()
        .take(usize::from(inner.height))
    {
        let label = s.questionnaire.domain(&d.id).map_or(d.title.as_str(), |x| {
            if label_w > 20 {
                x.title.as_str()
            } else {
                x.label()
            }
        });
        let (b, mark) = bar(d.score, Some(d.target), 5.0, bar_w);
        // Numbered like the radar's axes when the radar has no room for names.
        let mut spans = vec![Span::raw(format!(
            "{:>2} {} ",
            i + 1,
            fit(&one_line(label), label_w)
        ))];
        for (i, c) in b.chars().enumerate() {
            if Some(i) == mark {
                spans.push(Span::styled("┃", t.target()));
            } else {
                spans.push(Span::styled(c.to_string(), t.bar()));
            }
        }
        let below = d.score.is_some_and(|x| x < f64::from(d.target));
        spans.push(Span::styled(
            format!(" {:>3}/{}", one_decimal(d.score), d.target),
            if below { t.warn() } else { t.text() },
        ));
        lines.push(Line::from(spans));
    }
    draw_lines(lines, inner, frame.buffer_mut());
}

fn draw_radar(s: &Session, t: Theme, area: Rect, frame: &mut Frame) {
    let domains = &s.scores.domains;
    let n = domains.len();
    if n < 3 || area.width < 12 || area.height < 6 {
        return;
    }
    let angle = |i: usize| PI / 2.0 - 2.0 * PI * i as f64 / n as f64;
    let point = |i: usize, r: f64| (r / 5.0 * angle(i).cos(), r / 5.0 * angle(i).sin());
    let current: Vec<(f64, f64)> = domains
        .iter()
        .enumerate()
        .map(|(i, d)| point(i, d.score.unwrap_or(0.0)))
        .collect();
    let target: Vec<(f64, f64)> = domains
        .iter()
        .enumerate()
        .map(|(i, d)| point(i, f64::from(d.target)))
        .collect();
    let labels: Vec<String> = domains
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let name = s
                .questionnaire
                .domain(&d.id)
                .map_or(d.title.as_str(), |x| x.label());
            if area.width >= 48 {
                clip(&one_line(name), 12)
            } else {
                (i + 1).to_string()
            }
        })
        .collect();
    let (cur_color, tgt_color) = (t.radar_current(), t.radar_target());
    let canvas = Canvas::default()
        .block(super::pane_static("Radar: current ●  target ·", t))
        .marker(Marker::Braille)
        .x_bounds([-1.45, 1.45])
        .y_bounds([-1.2, 1.2])
        .paint(move |ctx| {
            for i in 0..n {
                let (x, y) = point(i, 5.0);
                ctx.draw(&CanvasLine {
                    x1: 0.0,
                    y1: 0.0,
                    x2: x,
                    y2: y,
                    color: ratatui::style::Color::DarkGray,
                });
            }
            // The target, dashed: points along each edge.
            let mut dots = Vec::new();
            for i in 0..n {
                let (a, b) = (target[i], target[(i + 1) % n]);
                for k in 0..12 {
                    if k % 2 == 0 {
                        let f = f64::from(k) / 12.0;
                        dots.push((a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f));
                    }
                }
            }
            ctx.draw(&Points {
                coords: &dots,
                color: tgt_color,
            });
            ctx.layer();
            for i in 0..n {
                let (a, b) = (current[i], current[(i + 1) % n]);
                ctx.draw(&CanvasLine {
                    x1: a.0,
                    y1: a.1,
                    x2: b.0,
                    y2: b.1,
                    color: cur_color,
                });
            }
            for (i, label) in labels.iter().enumerate() {
                let (x, y) = point(i, 5.9);
                let shift = label.chars().count() as f64 * 0.5 * 2.9 / 60.0;
                let x = if x < -0.1 {
                    x - shift
                } else if x > 0.1 {
                    x
                } else {
                    x - shift / 2.0
                };
                ctx.print(x, y, label.clone());
            }
        });
    canvas.render(area, frame.buffer_mut());
}

/// The mark of a finding whose question is claimed above what its checks support.
const CLAIM_ABOVE_EVIDENCE: char = '▾';

/// The verdict's reasons, most severe first (method v2's findings that decide it), as
/// a list that scrolls and whose title says how many there are and which are shown.
fn draw_gaps(app: &App, s: &Session, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let t = app.theme;
    let f = s.scores.readiness.findings;
    let reasons = &s.scores.readiness.reasons;
    let inner_height = usize::from(area.height.saturating_sub(2));
    let cursor = app.results_cursor.min(reasons.len().saturating_sub(1));
    let start = window_start(cursor, reasons.len(), inner_height);
    let shown = reasons.len().saturating_sub(start).min(inner_height);
    // Nothing is cut silently: a longer list says which rows are shown, first, so a
    // narrow window still shows it.
    let range = if reasons.len() > shown {
        format!(
            " ({}–{} of {}, ↑↓)",
            start + 1,
            start + shown,
            reasons.len()
        )
    } else {
        String::new()
    };
    // A question whose claim is above what its checks support is marked; the legend
    // joins the title only when a mark is shown.
    let above = |r: &crate::scoring::Reason| {
        r.kind == crate::scoring::FindingKind::Question
            && s.questionnaire
                .question_index(&r.id)
                .and_then(|i| s.scores.questions.get(i))
                .is_some_and(|q| matches!((q.claimed, q.evidenced), (Some(c), Some(e)) if c > e))
    };
    let marked = reasons.iter().skip(start).take(shown).any(above);
    let legend = if marked {
        format!(" · {CLAIM_ABOVE_EVIDENCE} claim above the evidence")
    } else {
        String::new()
    };
    let title = format!(
        "Why this verdict{range}: {} major, {} minor, {} improvement{legend}",
        f.major, f.minor, f.improvement
    );
    let block = pane(&title, app, false);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    info.page_rows = inner.height;
    let w = usize::from(inner.width);
    let lines: Vec<Line> = if reasons.is_empty() {
        vec![Line::from(Span::styled(
            "No major or minor finding so far.",
            t.good(),
        ))]
    } else {
        reasons
            .iter()
            .enumerate()
            .skip(start)
            .take(shown)
            .map(|(row, r)| {
                let mark = if above(r) { CLAIM_ABOVE_EVIDENCE } else { ' ' };
                let grade = format!("{mark}{:<6} ", locale::severity(r.severity));
                let line = Line::from(vec![
                    Span::styled(grade, t.warn()),
                    Span::raw(clip(&one_line(&r.text), w.saturating_sub(8))),
                ]);
                if row == cursor {
                    line.style(t.selected())
                } else {
                    line
                }
            })
            .collect()
    };
    draw_lines(lines, inner, frame.buffer_mut());
}
