//! Overlays: the key list (`?`), prompts and yes/no questions.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{centered, clear, clip, draw_lines, fit, pane};
use crate::text::one_line;
use crate::tui::app::{App, Confirm};
use crate::tui::editor::str_width;
use crate::tui::keys;

/// Draws the key list of the mode under the overlay, from the keymap table; returns
/// how far it can scroll (so the update stops there).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> usize {
    let t = app.theme;
    let mode = app.help_mode();
    let rows: Vec<(String, &str)> = keys::bindings(mode)
        .map(|b| (b.keys_label(), b.help))
        .collect();
    let key_w = rows
        .iter()
        .map(|(k, _)| str_width(k))
        .max()
        .unwrap_or(0)
        .min(24);
    let width = area.width.min(100);
    // Each help text wraps under itself rather than being cut.
    let text_w = usize::from(width).saturating_sub(key_w + 4).max(10);
    let lines: Vec<Line> = rows
        .iter()
        .flat_map(|(k, h)| {
            crate::tui::editor::wrap_lines(h, text_w)
                .into_iter()
                .enumerate()
                .map(|(i, part)| {
                    let keys = if i == 0 { k.as_str() } else { "" };
                    Line::from(vec![
                        Span::styled(format!(" {} ", fit(keys, key_w)), t.key()),
                        Span::raw(part),
                    ])
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let height = u16::try_from(lines.len() + 4)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = centered(area, width, height);
    clear(rect, buf);
    let inner = pane("", app, true).inner(rect);
    let visible = usize::from(inner.height);
    let max_scroll = lines.len().saturating_sub(visible);
    // Like every list: which lines are shown, and of how many, when not all fit.
    let range = super::shown_of(&lines, app.help_scroll.min(max_scroll), visible, |_| true);
    let title = format!("Keys — {}{range} (Esc to close)", mode.title());
    pane(&title, app, true).render(rect, buf);
    let lines: Vec<Line> = lines
        .into_iter()
        .skip(app.help_scroll.min(max_scroll))
        .take(visible)
        .collect();
    draw_lines(lines, inner, buf);
    max_scroll
}

/// Draws the one-line prompt with its cursor.
pub fn prompt(app: &App, area: Rect, frame: &mut Frame) {
    let Some(p) = &app.prompt else { return };
    let rect = centered(area, area.width.min(70), 3);
    clear(rect, frame.buffer_mut());
    let block = pane(p.kind.label(), app, true);
    let inner = block.inner(rect);
    block.render(rect, frame.buffer_mut());
    let text = one_line(p.input.text()).into_owned();
    let before = str_width(&p.input.text()[..p.input.cursor()]);
    let w = usize::from(inner.width);
    let skip = before.saturating_sub(w.saturating_sub(1));
    let shown: String = {
        let mut acc = 0;
        text.chars()
            .skip_while(|c| {
                let s = acc < skip;
                acc += crate::tui::editor::char_width(*c);
                s
            })
            .collect()
    };
    let style = if p.replace {
        app.theme.selected()
    } else {
        app.theme.text()
    };
    draw_lines(
        vec![Line::from(Span::styled(clip(&shown, w), style))],
        inner,
        frame.buffer_mut(),
    );
    let x = inner
        .x
        .saturating_add(u16::try_from(before - skip).unwrap_or(u16::MAX));
    if inner.contains(Position::new(x, inner.y)) {
        frame.set_cursor_position(Position::new(x, inner.y));
    }
}

/// Draws a yes/no question.
pub fn confirm(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(c) = &app.confirm else { return };
    let text = match c {
        Confirm::Delete(path) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            format!(
                "Delete {} and its backup? Both are moved to the trash folder of the data directory.",
                one_line(&name)
            )
        }
        Confirm::ReplaceExports(formats) => {
            let files: Vec<&str> = formats.iter().map(|f| f.file_name()).collect();
            format!(
                "{} already exist{} in the folder. Replace {}?",
                files.join(", "),
                if files.len() == 1 { "s" } else { "" },
                if files.len() == 1 { "it" } else { "them" }
            )
        }
        Confirm::RemoveParticipant { name, votes } => format!(
            "Remove {} as added by mistake, with their {votes} vote{}? Their notes stay. Someone who left the room keeps their votes: press n, then x instead.",
            one_line(name),
            if *votes == 1 { "" } else { "s" }
        ),
        Confirm::ConfirmUnanimous(questions) => format!(
            "Confirm the {} proposal{} on which every vote agrees ({})?",
            questions.len(),
            if questions.len() == 1 { "" } else { "s" },
            one_line(&questions.join(", "))
        ),
        Confirm::RemoveFlag { question, reason } if reason.trim().is_empty() => {
            format!("Remove the follow-up flag from {}?", one_line(question))
        }
        Confirm::RemoveFlag { question, reason } => format!(
            "Remove the follow-up flag from {} and its reason \"{}\"?",
            one_line(question),
            one_line(reason)
        ),
    };
    let width = area.width.min(70);
    let lines = crate::tui::editor::wrap_lines(&text, usize::from(width.saturating_sub(2)));
    let height = u16::try_from(lines.len() + 3).unwrap_or(u16::MAX);
    let rect = centered(area, width, height);
    clear(rect, buf);
    let block = pane("Please confirm", app, true);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let mut out: Vec<Line> = lines.into_iter().map(Line::from).collect();
    out.push(Line::from(vec![
        Span::styled("y", app.theme.key()),
        Span::raw(" yes   "),
        Span::styled("n", app.theme.key()),
        Span::raw(" no"),
    ]));
    draw_lines(out, inner, buf);
}

/// Draws a message over the screen (what a migration changed), wrapped to fit.
pub fn notice(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(n) = &app.notice else { return };
    let width = area.width.min(100);
    let text_w = usize::from(width.saturating_sub(2)).max(1);
    let mut out: Vec<Line> = n
        .lines
        .iter()
        .flat_map(|l| {
            if l.is_empty() {
                vec![String::new()]
            } else {
                crate::tui::editor::wrap_lines(&one_line(l), text_w)
            }
        })
        .map(Line::from)
        .collect();
    out.push(Line::from(vec![
        Span::styled("Enter", app.theme.key()),
        Span::raw(" or "),
        Span::styled("Esc", app.theme.key()),
        Span::raw(" closes"),
    ]));
    let height = u16::try_from(out.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = centered(area, width, height);
    clear(rect, buf);
    let visible = usize::from(height.saturating_sub(2));
    let skip = n.scroll.min(out.len().saturating_sub(visible));
    let title = if out.len() > visible {
        format!("{} (↑↓ scroll)", n.title)
    } else {
        n.title.clone()
    };
    let block = pane(&title, app, true);
    let inner = block.inner(rect);
    block.render(rect, buf);
    draw_lines(out.into_iter().skip(skip).collect(), inner, buf);
}
