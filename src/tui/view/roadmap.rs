//! The roadmap: items by phase with dates, owner and status.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, fit, pane, row_style, window_start};
use crate::assessment::PlanStatus;
use crate::roadmap::{self, Phase};
use crate::text::one_line;
use crate::tui::app::{App, Hit};
use crate::tui::editor::str_width;

/// Draws the roadmap.
pub fn render(app: &App, area: Rect, frame: &mut Frame) {
    let Some(s) = &app.session else { return };
    let t = app.theme;
    let items = app.roadmap_items();
    let start_date = roadmap::start_date(&s.assessment, app.today);
    let title = format!("Roadmap — {} items from {start_date}", items.len());
    let block = pane(&title, app, true);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    if items.is_empty() {
        draw_lines(
            vec![Line::from(Span::styled(
                "No gaps to targets yet: answer questions to build the roadmap.",
                t.muted(),
            ))],
            inner,
            frame.buffer_mut(),
        );
        return;
    }
    // Display rows: a heading before each phase, then its items (by item index).
    let mut rows: Vec<Option<usize>> = Vec::new();
    let mut phase: Option<Phase> = None;
    for (i, item) in items.iter().enumerate() {
        if phase != Some(item.phase) {
            rows.push(None);
            phase = Some(item.phase);
        }
        rows.push(Some(i));
    }
    let cursor_row = rows
        .iter()
        .position(|r| *r == Some(app.roadmap_cursor))
        .unwrap_or(0);
    let [list] = inner.layout(&Layout::vertical([Constraint::Fill(1)]));
    let height = usize::from(list.height);
    app.page_rows.set(list.height);
    let w = usize::from(list.width);
    let first = window_start(cursor_row, rows.len(), height);
    let mut lines = Vec::new();
    for (k, row) in rows.iter().enumerate().skip(first).take(height) {
        let y = list
            .y
            .saturating_add(u16::try_from(k - first).unwrap_or(u16::MAX));
        match row {
            None => {
                let item = rows[k + 1..]
                    .iter()
                    .flatten()
                    .next()
                    .and_then(|i| items.get(*i));
                if let Some(item) = item {
                    let (from, due) = item.phase.dates(start_date);
                    let text = format!(
                        "Phase {} · {} · {from} → {due}",
                        item.phase.number(),
                        item.phase.title()
                    );
                    lines.push(Line::from(Span::styled(fit(&text, w), t.title())));
                }
            }
            Some(i) => {
                let item = &items[*i];
                let status = match item.status {
                    PlanStatus::Open => "open",
                    PlanStatus::InProgress => "in progress",
                    PlanStatus::Done => "done",
                };
                let owner = item
                    .owner
                    .as_deref()
                    .map_or("—".to_string(), |o| one_line(o).into_owned());
                let owner_w = if w >= 120 { 20 } else { 12 };
                let head = format!(
                    "{:>3} {:<10} {}→{} p{:<3}{} {} {:<11} ",
                    item.rank,
                    fit(&one_line(&item.question), 10),
                    item.current,
                    item.target,
                    item.priority,
                    if item.critical { "!" } else { " " },
                    fit(&owner, owner_w),
                    status,
                );
                let text = s
                    .questionnaire
                    .question(&item.question)
                    .map_or("", |q| q.short_title());
                let selected = *i == app.roadmap_cursor;
                app.hits.borrow_mut().push((
                    Rect::new(list.x, y, list.width, 1).intersection(list),
                    Hit::Row(*i),
                ));
                let text_w = w.saturating_sub(str_width(&head));
                lines.push(Line::from(vec![
                    Span::styled(head, row_style(app, selected)),
                    Span::styled(fit(&one_line(text), text_w), row_style(app, selected)),
                ]));
            }
        }
    }
    draw_lines(lines, list, frame.buffer_mut());
}
