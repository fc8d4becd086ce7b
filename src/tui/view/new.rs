//! The new-assessment form.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, fit, pane, row_style, window_start};
use crate::locale::ScreenText as S;
use crate::text::one_line;
use crate::tui::app::{App, FrameInfo, Hit};
use crate::tui::editor::str_width;

/// Draws the form.
pub fn render(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let t = app.theme;
    let form = &app.new_form;
    let q = &app.default_questionnaire;
    let lang = app.lang;
    let block = pane(lang.t(S::NewTitle), app, true);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let [intro, fields, _, targets_head, targets] = inner.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    draw_lines(
        vec![
            Line::from(Span::styled(
                lang.f(
                    S::NewQuestionnaire,
                    &[
                        ("title", &one_line(&q.title)),
                        ("count", &q.questions.len()),
                    ],
                ),
                t.title(),
            )),
            Line::from(Span::styled(lang.t(S::NewIntro), t.muted())),
        ],
        intro,
        frame.buffer_mut(),
    );
    // The fields' labels, in the order of `NewForm::fields`.
    let labels = [S::NewOrganisation, S::NewScope, S::NewAssessors];
    let label_w = S::widest(lang, &labels).max(14);
    let value_w = usize::from(fields.width).saturating_sub(label_w + 1);
    let mut lines = Vec::new();
    for (i, field) in form.fields.iter().enumerate() {
        let selected = form.cursor == i;
        let hint = if i == 2 {
            lang.t(S::NewCommaSeparated)
        } else {
            ""
        };
        let shown = if field.text().is_empty() && !selected {
            format!("—{hint}")
        } else {
            one_line(field.text()).into_owned()
        };
        let row = fields
            .y
            .saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
        info.hits.push((
            Rect::new(fields.x, row, fields.width, 1).intersection(fields),
            Hit::Field(i),
        ));
        // Keep the cursor visible in a long value: show its tail.
        let before = &field.text()[..field.cursor()];
        let skip = str_width(before).saturating_sub(value_w.saturating_sub(1));
        let visible: String = skip_columns(&shown, skip);
        lines.push(Line::from(vec![
            Span::styled(
                fit(labels.get(i).map_or("", |l| lang.t(*l)), label_w),
                if selected { t.title() } else { t.text() },
            ),
            Span::raw(" "),
            Span::styled(fit(&visible, value_w), row_style(app, selected)),
        ]));
        if selected && row < fields.bottom() {
            let x = fields.x.saturating_add(
                u16::try_from(label_w + 1 + str_width(before) - skip).unwrap_or(u16::MAX),
            );
            if fields.contains(Position::new(x, row)) {
                frame.set_cursor_position(Position::new(x, row));
            }
        }
    }
    draw_lines(lines, fields, frame.buffer_mut());
    draw_lines(
        vec![Line::from(Span::styled(lang.t(S::NewTargets), t.title()))],
        targets_head,
        frame.buffer_mut(),
    );
    let height = usize::from(targets.height);
    let cursor = form.cursor.saturating_sub(form.fields.len());
    let start = window_start(cursor, form.targets.len(), height);
    let mut lines = Vec::new();
    for (i, (d, target)) in q
        .domains
        .iter()
        .zip(&form.targets)
        .enumerate()
        .skip(start)
        .take(height)
    {
        let selected = form.cursor == form.fields.len() + i;
        let text = format!(
            "{} ◀ {target} ▶ {}",
            fit(
                &one_line(&d.title),
                usize::from(targets.width).saturating_sub(24).min(40)
            ),
            one_line(q.level_name(*target))
        );
        let row = targets
            .y
            .saturating_add(u16::try_from(i - start).unwrap_or(u16::MAX));
        info.hits.push((
            Rect::new(targets.x, row, targets.width, 1).intersection(targets),
            Hit::Field(form.fields.len() + i),
        ));
        lines.push(Line::from(Span::styled(text, row_style(app, selected))));
    }
    draw_lines(lines, targets, frame.buffer_mut());
}

fn skip_columns(s: &str, columns: usize) -> String {
    let mut w = 0;
    s.chars()
        .skip_while(|c| {
            let skip = w < columns;
            w += crate::tui::editor::char_width(*c);
            skip
        })
        .collect()
}
