//! The results: overall, verdict, coverage, per-domain bars with targets, a radar
//! and the verdict's reasons. Drawn from the scores every change keeps current.

use std::f64::consts::PI;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Line as CanvasLine};

use super::{bar, clip, draw_lines, fit, pane_within, window_start};
use crate::locale::{Lang, ScreenText as S};
use crate::scoring::{FindingKind, Reason, Severity, Verdict};
use crate::text::one_line;
use crate::tui::app::{App, FrameInfo, Session};
use crate::tui::editor::str_width;
use crate::tui::theme::Theme;

/// Draws the results.
pub fn render(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let Some(s) = &app.session else { return };
    let t = app.theme;
    let lang = app.lang;
    let sc = &s.scores;
    let domains = u16::try_from(sc.domains.len()).unwrap_or(u16::MAX);
    // The radar wants height; without it the bars need only a row per domain and the
    // list of reasons gets the rest.
    let middle_height = if area.width >= RADAR_MIN_WIDTH {
        domains.saturating_add(2).max(area.height * 3 / 5)
    } else {
        domains.saturating_add(2)
    };
    let [summary, middle, gaps] = area.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(middle_height),
        Constraint::Min(3),
    ]));
    let level = sc.overall.level.map_or(String::new(), |l| {
        lang.f(
            S::ResultsLevel,
            &[
                ("level", &l),
                ("name", &one_line(s.questionnaire.level_name(l))),
            ],
        )
    });
    let verdict_style = match sc.readiness.verdict {
        Verdict::Ready => t.good(),
        _ => t.warn(),
    };
    draw_lines(
        vec![
            Line::from(vec![
                Span::styled(lang.t(S::ResultsOverall), t.title()),
                Span::raw(format!("{}{level}", lang.score(sc.overall.score))),
                Span::styled(lang.t(S::ResultsVerdict), t.title()),
                Span::styled(lang.verdict_status(sc.verdict_status()), verdict_style),
            ]),
            Line::from(vec![
                Span::styled(lang.t(S::ResultsCoverage), t.title()),
                Span::raw(lang.f(
                    S::ResultsCoverageValue,
                    &[
                        ("covered", &sc.overall.covered()),
                        ("total", &sc.overall.total),
                        ("percent", &format!("{:.0}", sc.overall.coverage * 100.0)),
                    ],
                )),
                Span::styled(lang.t(S::ResultsCriticalGaps), t.title()),
                Span::styled(
                    sc.readiness.critical_gaps.to_string(),
                    if sc.readiness.critical_gaps > 0 {
                        t.warn()
                    } else {
                        t.good()
                    },
                ),
                Span::styled(
                    lang.f(
                        S::ResultsBelowLevel,
                        &[("threshold", &sc.readiness.threshold)],
                    ),
                    t.muted(),
                ),
            ]),
        ],
        summary,
        frame.buffer_mut(),
    );
    // The radar needs room to be legible (a braille polygon in 35 columns is not); below
    // 100 columns the bars, which are a profile with the target marked, get it all.
    let radar_w = if middle.width >= 150 {
        middle.width * 2 / 5
    } else if middle.width >= RADAR_MIN_WIDTH {
        middle.width / 2
    } else {
        0
    };
    let [bars_area, radar_area] = middle.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(radar_w),
    ]));
    draw_bars(app, s, bars_area, frame);
    draw_radar(s, t, lang, radar_area, frame);
    draw_gaps(app, s, gaps, frame, info);
}

fn draw_bars(app: &App, s: &Session, area: Rect, frame: &mut Frame) {
    let t = app.theme;
    let lang = app.lang;
    // A window too short for every domain says how many are left out.
    let rows = usize::from(area.height.saturating_sub(2));
    let hidden = s.scores.domains.len().saturating_sub(rows);
    let title = if hidden > 0 {
        lang.f(S::ResultsBarsHidden, &[("hidden", &hidden)])
    } else {
        lang.t(S::ResultsBars).to_string()
    };
    let block = pane_within(&title, area.width, app, false);
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
            format!(" {:>3}/{}", lang.score(d.score), d.target),
            if below { t.warn() } else { t.text() },
        ));
        lines.push(Line::from(spans));
    }
    draw_lines(lines, inner, frame.buffer_mut());
}

/// The narrowest results screen that draws the radar.
const RADAR_MIN_WIDTH: u16 = 100;

/// The radar's horizontal extent in canvas units (the vertical one is [`RADAR_Y`]);
/// wider than tall because a cell is about twice as tall as wide.
const RADAR_X: f64 = 1.9;
const RADAR_Y: f64 = 1.3;

fn draw_radar(s: &Session, t: Theme, lang: Lang, area: Rect, frame: &mut Frame) {
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
    let (cur_color, tgt_color) = (t.radar_current(), t.radar_target());
    let block = super::pane_static(lang.t(S::ResultsRadar), t);
    let inner = block.inner(area);
    let canvas = Canvas::default()
        .block(block)
        .marker(Marker::Braille)
        .x_bounds([-RADAR_X, RADAR_X])
        .y_bounds([-RADAR_Y, RADAR_Y])
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
            // The target, dashed: every other eighth of each edge, long enough to
            // read as dashes in braille (single dots read as noise).
            for i in 0..n {
                let (a, b) = (target[i], target[(i + 1) % n]);
                for k in (0..8).step_by(2) {
                    let (f, g) = (f64::from(k) / 8.0, f64::from(k + 1) / 8.0);
                    ctx.draw(&CanvasLine {
                        x1: a.0 + (b.0 - a.0) * f,
                        y1: a.1 + (b.1 - a.1) * f,
                        x2: a.0 + (b.0 - a.0) * g,
                        y2: a.1 + (b.1 - a.1) * g,
                        color: tgt_color,
                    });
                }
            }
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
        });
    canvas.render(area, frame.buffer_mut());
    let labels: Vec<String> = domains
        .iter()
        .map(|d| {
            let name = s
                .questionnaire
                .domain(&d.id)
                .map_or(d.title.as_str(), |x| x.label());
            format!("{} {}", one_line(name), lang.score(d.score))
        })
        .collect();
    draw_radar_labels(&labels, inner, t, frame);
}

/// Writes each axis label whole, just beyond the tip of its axis, moved inwards where
/// it would cross the edge (the canvas would cut it: "Planni"). Where one label is
/// wider than the pane, every axis is numbered instead, like the bars beside it.
fn draw_radar_labels(labels: &[String], inner: Rect, t: Theme, frame: &mut Frame) {
    let n = labels.len();
    let width = usize::from(inner.width);
    let numbered = labels.iter().any(|l| str_width(l) + 2 > width / 2);
    let (w, h) = (f64::from(inner.width), f64::from(inner.height));
    if w < 2.0 || h < 2.0 {
        return;
    }
    for (i, label) in labels.iter().enumerate() {
        let text = if numbered {
            (i + 1).to_string()
        } else {
            label.clone()
        };
        let a = PI / 2.0 - 2.0 * PI * i as f64 / n as f64;
        // Just beyond the outer ring (level 5 is 1.0 in canvas units).
        let (x, y) = (1.12 * a.cos(), 1.12 * a.sin());
        let col = (x + RADAR_X) / (2.0 * RADAR_X) * (w - 1.0);
        let row = (RADAR_Y - y) / (2.0 * RADAR_Y) * (h - 1.0);
        let len = str_width(&text) as f64;
        let left = if x < -0.1 {
            col - len
        } else if x > 0.1 {
            col + 1.0
        } else {
            col - len / 2.0
        };
        let max_left = (w - len).max(0.0);
        let left = left.clamp(0.0, max_left).round();
        let row = row.round().clamp(0.0, h - 1.0);
        let (dx, dy) = (left as u16, row as u16);
        frame.buffer_mut().set_stringn(
            inner.x.saturating_add(dx),
            inner.y.saturating_add(dy),
            &text,
            width,
            t.text(),
        );
    }
}

/// The mark of a finding whose question is claimed above what its checks support.
const CLAIM_ABOVE_EVIDENCE: char = '▾';

/// The verdict's reasons, most severe first (method v2's findings that decide it), as
/// a list that scrolls and whose title says how many there are and which are shown.
fn draw_gaps(app: &App, s: &Session, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let t = app.theme;
    let lang = app.lang;
    let f = s.scores.readiness.findings;
    let reasons = &s.scores.readiness.reasons;
    let inner_height = usize::from(area.height.saturating_sub(2));
    let cursor = app.results_cursor.min(reasons.len().saturating_sub(1));
    let start = window_start(cursor, reasons.len(), inner_height);
    let shown = reasons.len().saturating_sub(start).min(inner_height);
    // Nothing is cut silently: a longer list says which rows are shown, first, so a
    // narrow window still shows it.
    let range = super::shown_in(app.lang, reasons, start, inner_height, |_| true);
    // A question whose claim is above what its checks support is marked; the legend
    // joins the title only when a mark is shown.
    let above = |r: &Reason| {
        r.kind == FindingKind::Question
            && s.questionnaire
                .question_index(&r.id)
                .and_then(|i| s.scores.questions.get(i))
                .is_some_and(|q| matches!((q.claimed, q.evidenced), (Some(c), Some(e)) if c > e))
    };
    let marked = reasons.iter().skip(start).take(shown).any(above);
    let legend = if marked {
        lang.f(S::ResultsClaimAbove, &[("mark", &CLAIM_ABOVE_EVIDENCE)])
    } else {
        String::new()
    };
    let title = lang.f(
        S::ResultsWhy,
        &[
            ("shown", &range),
            ("major", &f.major),
            ("minor", &f.minor),
            ("improvement", &f.improvement),
            ("legend", &legend),
        ],
    );
    let block = pane_within(&title, area.width, app, false);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    info.page_rows = inner.height;
    let w = usize::from(inner.width);
    // The grade's column holds the widest grade listed (English: 6 columns).
    let grade_w = [Severity::Major, Severity::Minor]
        .iter()
        .map(|g| str_width(lang.severity(*g)))
        .max()
        .unwrap_or(0)
        .max(6);
    let lines: Vec<Line> = if reasons.is_empty() {
        vec![Line::from(Span::styled(
            lang.t(S::ResultsNoFinding),
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
                let grade = format!("{mark}{} ", fit(lang.severity(r.severity), grade_w));
                let line = Line::from(vec![
                    Span::styled(grade, t.warn()),
                    Span::raw(clip(
                        &one_line(&reason_text(s, lang, r)),
                        w.saturating_sub(grade_w + 2),
                    )),
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

/// A reason of the verdict in `lang`, named as scoring names it in English: a domain by
/// its title, a question by its id and short title ("ctx-02 (Interested parties)").
fn reason_text(s: &Session, lang: Lang, reason: &Reason) -> String {
    let q = &s.questionnaire;
    let name = match reason.kind {
        FindingKind::Domain => q
            .domain(&reason.id)
            .map_or(reason.id.clone(), |d| d.title.clone()),
        FindingKind::Question => q.question(&reason.id).map_or(reason.id.clone(), |x| {
            format!("{} ({})", reason.id, x.short_title())
        }),
        _ => reason.id.clone(),
    };
    lang.finding(&name, reason.cause)
}
