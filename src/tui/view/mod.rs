//! The view: a function of the state. [`render`] draws the whole frame; each
//! screen has its own file. All user and questionnaire text goes through
//! [`crate::text`] before it reaches the terminal.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::app::{App, FrameInfo, Hit, Screen};
use super::editor::str_width;
use super::keys::{self, Action, Mode};
use crate::locale::{ChromeText, Lang};
use crate::text::one_line;

mod agenda;
mod bigtext;
mod checklist;
mod details;
mod export;
mod help;
mod home;
mod new;
mod overview;
mod presenter;
mod question;
mod register;
mod results;
mod roadmap;
mod soa;
mod targets;
mod voting;

/// Smallest terminal the app lays out for.
pub const MIN_WIDTH: u16 = 50;
/// Smallest terminal height the app lays out for.
pub const MIN_HEIGHT: u16 = 15;

/// Columns the header keeps for the organisation beside all the tabs: its first
/// letter and "…".
const ORGANISATION_AT_LEAST: usize = 2;

/// Draws the app into the frame; returns what the next update needs to know of it
/// (where clickable things are, list and editor sizes), which the runner hands back
/// as [`crate::tui::app::Msg::Drawn`].
pub fn render(app: &App, frame: &mut Frame) -> FrameInfo {
    let mut info = FrameInfo::default();
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app.lang, area, frame.buffer_mut());
        return info;
    }
    if app.presenter && app.session.is_some() {
        // The room's view takes the whole window; overlays still work over it.
        presenter::render(app, area, frame);
        draw_overlays(app, area, frame, &mut info);
        return info;
    }
    let footer_height = if area.height >= 40 { 2 } else { 1 };
    let status_lines = status_lines(app, area.width, area.height);
    let [header, body, status, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(status_lines.len()).unwrap_or(1).max(1)),
        Constraint::Length(footer_height),
    ]));
    draw_header(app, header, frame.buffer_mut(), &mut info);
    match app.screen {
        Screen::Home => home::render(app, body, frame, &mut info),
        Screen::New => new::render(app, body, frame, &mut info),
        Screen::Question => question::render(app, body, frame, &mut info),
        Screen::Overview => overview::render(app, body, frame, &mut info),
        Screen::Results => results::render(app, body, frame, &mut info),
        Screen::Roadmap => roadmap::render(app, body, frame, &mut info),
        Screen::Targets => targets::render(app, body, frame, &mut info),
        Screen::Export => export::render(app, body, frame, &mut info),
        Screen::Voting => voting::render(app, body, frame, &mut info),
        Screen::Soa => soa::render(app, body, frame, &mut info),
        Screen::Details => details::render(app, body, frame, &mut info),
        Screen::Evidence => register::render(app, body, frame, &mut info),
    }
    draw_status(app, status_lines, status, frame.buffer_mut());
    draw_footer(app, footer, frame.buffer_mut());
    draw_overlays(app, body, frame, &mut info);
    info
}

fn draw_overlays(app: &App, body: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    if app.agenda.is_some() {
        agenda::render(app, body, frame.buffer_mut());
    }
    if app.prompt.is_some() {
        help::prompt(app, body, frame);
    }
    if app.confirm.is_some() {
        help::confirm(app, body, frame.buffer_mut());
    }
    if app.notice.is_some() {
        help::notice(app, body, frame.buffer_mut());
    }
    if app.help {
        info.help_max_scroll = help::render(app, body, frame.buffer_mut());
    }
}

fn too_small(lang: Lang, area: Rect, buf: &mut Buffer) {
    let text = lang.f(
        ChromeText::TooSmall,
        &[
            ("min_width", &MIN_WIDTH),
            ("min_height", &MIN_HEIGHT),
            ("width", &area.width),
            ("height", &area.height),
        ],
    );
    Paragraph::new(text)
        .wrap(ratatui::widgets::Wrap { trim: true })
        .render(area, buf);
}

/// A screen's name on its tab and in the header, in `lang`.
pub fn screen_title(screen: Screen, lang: Lang) -> &'static str {
    lang.t(match screen {
        Screen::Home => ChromeText::TabHome,
        Screen::New => ChromeText::TabNew,
        Screen::Question => ChromeText::TabQuestion,
        Screen::Overview => ChromeText::TabOverview,
        Screen::Results => ChromeText::TabResults,
        Screen::Roadmap => ChromeText::TabRoadmap,
        Screen::Targets => ChromeText::TabTargets,
        Screen::Export => ChromeText::TabExport,
        Screen::Voting => ChromeText::TabVoting,
        Screen::Soa => ChromeText::TabSoa,
        Screen::Details => ChromeText::TabDetails,
        Screen::Evidence => ChromeText::TabEvidence,
    })
}

fn draw_header(app: &App, area: Rect, buf: &mut Buffer, info: &mut FrameInfo) {
    let t = app.theme;
    let title = |screen: Screen| screen_title(screen, app.lang);
    let mut spans = vec![Span::styled(" aims-readiness ", t.title())];
    if let Some(s) = &app.session {
        let org = if s.assessment.meta.organisation.trim().is_empty() {
            app.lang.t(ChromeText::NoOrganisation).to_string()
        } else {
            one_line(&s.assessment.meta.organisation).into_owned()
        };
        // All tabs when they fit beside the app's name and the first letter of the
        // organisation's (the French tabs with Voting would otherwise leave it none);
        // else only the current one.
        let screens = app.screens();
        let all_width: usize = screens.iter().map(|s| str_width(title(*s)) + 2).sum();
        // A screen outside the Tab order (the details) shows as the one tab.
        let tabs: Vec<Screen> = if !screens.contains(&app.screen) {
            vec![app.screen]
        } else if all_width + 18 + ORGANISATION_AT_LEAST <= usize::from(area.width) {
            screens
        } else {
            vec![app.screen]
        };
        let tabs_width: usize = tabs.iter().map(|s| str_width(title(*s)) + 2).sum();
        let room = usize::from(area.width)
            .saturating_sub(tabs_width + 18)
            .min(30);
        spans.push(Span::styled(clip(&org, room), t.muted()));
        spans.push(Span::raw(" "));
        let used: usize = spans.iter().map(|s| str_width(&s.content)).sum();
        let tabs_start = usize::from(area.width).saturating_sub(tabs_width).max(used);
        let pad = tabs_start.saturating_sub(used);
        spans.push(Span::raw(" ".repeat(pad)));
        let mut x = area
            .x
            .saturating_add(u16::try_from(tabs_start).unwrap_or(u16::MAX));
        for screen in tabs {
            let label = format!(" {} ", title(screen));
            let w = u16::try_from(str_width(&label)).unwrap_or(0);
            let style = if screen == app.screen {
                t.tab_active()
            } else {
                t.muted()
            };
            let tab = Rect::new(x, area.y, w, 1).intersection(area);
            info.hits.push((tab, Hit::Tab(screen)));
            x = x.saturating_add(w);
            spans.push(Span::styled(label, style));
        }
    } else {
        spans.push(Span::styled(format!("· {}", title(app.screen)), t.muted()));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// The status message wrapped to the window: a long one (a file in use elsewhere,
/// a save that failed) takes up to three rows rather than being cut; a short window
/// keeps one row and marks the cut with "…".
fn status_lines(app: &App, width: u16, height: u16) -> Vec<String> {
    let Some(status) = &app.status else {
        return Vec::new();
    };
    let w = usize::from(width).saturating_sub(2).max(1);
    let max_rows = if height >= 20 { 3 } else { 1 };
    let mut lines = super::editor::wrap_lines(&one_line(&status.text), w);
    if lines.len() > max_rows {
        lines.truncate(max_rows);
        if let Some(last) = lines.last_mut() {
            *last = format!("{}…", clip(last, w.saturating_sub(1)).trim_end_matches('…'));
        }
    }
    lines
}

fn draw_status(app: &App, lines: Vec<String>, area: Rect, buf: &mut Buffer) {
    let Some(status) = &app.status else { return };
    let style = if status.warn {
        app.theme.warn()
    } else {
        app.theme.good()
    };
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::from(vec![Span::raw(" "), Span::styled(l, style)]))
        .collect();
    Paragraph::new(lines).render(area, buf);
}

/// Draws the key hints of the current mode (from the keymap table).
pub fn draw_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let mode = app.mode();
    let hints = keys::footer(mode, app.lang);
    let width = usize::from(area.width);
    let mut lines: Vec<Vec<Span>> = vec![Vec::new(); usize::from(area.height).max(1)];
    let mut row = 0;
    let mut used = 0;
    // "? help" is the way to every other key: keep it visible on the last line.
    let is_help = |h: &keys::Hint| h.action == Action::Help;
    let help_hint = hints.iter().find(|h| is_help(h)).cloned();
    let reserve = help_hint
        .as_ref()
        .map_or(0, |h| str_width(&h.keys) + str_width(h.hint) + 3);
    for hint in hints.iter().filter(|h| !is_help(h)) {
        let (k, h) = (&hint.keys, hint.hint);
        let w = str_width(k) + str_width(h) + 3;
        let last_row = row + 1 == lines.len();
        let limit = if last_row {
            width.saturating_sub(reserve)
        } else {
            width
        };
        if used + w > limit {
            if last_row {
                break;
            }
            row += 1;
            used = 0;
        }
        lines[row].push(Span::raw(" "));
        lines[row].push(Span::styled(k.clone(), t.key()));
        lines[row].push(Span::styled(format!(" {h} "), t.muted()));
        used += w;
    }
    if let Some(keys::Hint {
        keys: k, hint: h, ..
    }) = help_hint
    {
        // On the row where the hints ended, else the last row.
        let width_of =
            |spans: &Vec<Span>| -> usize { spans.iter().map(|s| str_width(&s.content)).sum() };
        let target = if width_of(&lines[row]) + reserve <= width {
            row
        } else {
            lines.len() - 1
        };
        if width_of(&lines[target]) + reserve <= width {
            lines[target].push(Span::raw(" "));
            lines[target].push(Span::styled(k, t.key()));
            lines[target].push(Span::styled(format!(" {h} "), t.muted()));
        }
    }
    let text: Vec<Line> = lines.into_iter().map(Line::from).collect();
    Paragraph::new(text).render(area, buf);
}

pub use crate::text::{clip, fit};

/// The first row to show so that `cursor` is visible in `height` rows of `len`.
pub fn window_start(cursor: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    let half = height / 2;
    cursor.saturating_sub(half).min(len - height)
}

/// What a list's title adds when not all its items fit: which are shown and how many
/// there are (" (3–17 of 48, ↑↓)"), so no list is ever cut silently; empty when all
/// fit. `rows` are the display rows, `first` and `height` the window onto them, and
/// `is_item` tells items from headings (phase, objective, domain), which are not counted.
pub fn shown_in<T>(
    lang: Lang,
    rows: &[T],
    first: usize,
    height: usize,
    is_item: impl Fn(&T) -> bool,
) -> String {
    let total = rows.iter().filter(|r| is_item(r)).count();
    let before = rows.iter().take(first).filter(|r| is_item(r)).count();
    let shown = rows
        .iter()
        .skip(first)
        .take(height)
        .filter(|r| is_item(r))
        .count();
    if shown >= total {
        return String::new();
    }
    if shown == 0 {
        return lang.f(ChromeText::ShownNone, &[("total", &total)]);
    }
    lang.f(
        ChromeText::ShownRange,
        &[
            ("first", &(before + 1)),
            ("last", &(before + shown)),
            ("total", &total),
        ],
    )
}

/// [`pane`] for a pane `width` columns wide: a title too long for its top border ends
/// in `…` instead of being cut mid-word by the border.
pub fn pane_within(title: &str, width: u16, app: &App, focused: bool) -> Block<'static> {
    // Two corners and the space before the title; the one after may go.
    let room = usize::from(width).saturating_sub(3);
    pane(&crate::text::clip(title, room), app, focused)
}

/// A bordered pane with a title.
pub fn pane(title: &str, app: &App, focused: bool) -> Block<'static> {
    let style = if focused {
        app.theme.title()
    } else {
        app.theme.border()
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(format!(" {title} "), style))
}

/// A bar of `width` cells filled to `value / max`, with the target marked.
pub fn bar(
    value: Option<f64>,
    target: Option<u8>,
    max: f64,
    width: usize,
) -> (String, Option<usize>) {
    let filled = value.map_or(0, |v| {
        let cells = (v / max * width as f64).round();
        if cells.is_finite() && cells > 0.0 {
            (cells as usize).min(width)
        } else {
            0
        }
    });
    let mark = target.map(|t| {
        ((f64::from(t) / max * width as f64).round() as usize).min(width.saturating_sub(1))
    });
    let mut s = String::with_capacity(width * 3);
    for i in 0..width {
        s.push(if i < filled { '█' } else { '░' });
    }
    (s, mark)
}

/// Draws `lines` clipped into `area` (no wrapping).
pub fn draw_lines(lines: Vec<Line<'_>>, area: Rect, buf: &mut Buffer) {
    Paragraph::new(lines).render(area, buf);
}

/// A centred rectangle of at most `width`×`height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [_, v, _] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height.min(area.height)),
        Constraint::Fill(1),
    ]));
    let [_, h, _] = v.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width.min(area.width)),
        Constraint::Fill(1),
    ]));
    h
}

/// Clears `area` for an overlay.
pub fn clear(area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
}

/// The style of a list row: selected or not.
pub fn row_style(app: &App, selected: bool) -> Style {
    if selected {
        app.theme.selected()
    } else {
        app.theme.text()
    }
}

/// Whether the current mode is `mode`.
pub fn in_mode(app: &App, mode: Mode) -> bool {
    app.mode() == mode
}

/// A bordered pane for widgets that need an owned block and only the theme.
pub fn pane_static(title: &str, theme: super::theme::Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(format!(" {title} "), theme.border()))
}
