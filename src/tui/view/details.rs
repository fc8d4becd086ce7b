//! The assessment details: organisation, scope, assessors, the report's language and
//! document control, and the assessor's conclusion; the selected field in full
//! underneath, so a long scope or conclusion is never cut.

use crate::locale::{Lang, ScreenText as S};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{draw_lines, fit, pane, pane_within, row_style, window_start};
use crate::assessment::Assessment;
use crate::text::one_line;
use crate::tui::app::{App, DetailField, DetailsRow, DocField, FrameInfo, Hit};

/// Draws the details screen.
pub fn render(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let Some(s) = &app.session else { return };
    let t = app.theme;
    let lang = app.lang;
    let inner = pane("", app, true).inner(area);
    // Below, the selected field in full, when there is room for it and the list.
    let detail_h = if inner.height >= 18 { 5 } else { 0 };
    let [list, detail] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(detail_h),
    ]));
    // Display rows: a heading before each group, then its fields (by row index).
    let mut rows: Vec<Result<S, usize>> = Vec::new();
    for (i, row) in DetailsRow::ALL.iter().enumerate() {
        if i == 0 || DetailsRow::ALL[i - 1].group() != row.group() {
            rows.push(Ok(row.group()));
        }
        rows.push(Err(i));
    }
    let cursor_row = rows
        .iter()
        .position(|r| *r == Err(app.details_cursor))
        .unwrap_or(0);
    let height = usize::from(list.height);
    info.page_rows = list.height;
    let first = window_start(cursor_row, rows.len(), height);
    let title = lang.f(
        S::DetailsTitle,
        &[(
            "shown",
            &super::shown_in(app.lang, &rows, first, height, Result::is_err),
        )],
    );
    pane_within(&title, area.width, app, true).render(area, frame.buffer_mut());
    let w = usize::from(list.width);
    let label_w = 24;
    let mut lines = Vec::new();
    for (k, row) in rows.iter().enumerate().skip(first).take(height) {
        match *row {
            Ok(group) => lines.push(Line::from(Span::styled(fit(lang.t(group), w), t.title()))),
            Err(i) => {
                let field = DetailsRow::ALL[i];
                let y = list
                    .y
                    .saturating_add(u16::try_from(k - first).unwrap_or(u16::MAX));
                info.hits.push((
                    Rect::new(list.x, y, list.width, 1).intersection(list),
                    Hit::Row(i),
                ));
                let selected = i == app.details_cursor;
                let value = value(&s.assessment, field, app.lang);
                let shown = if value.is_empty() {
                    "—".to_string()
                } else {
                    value
                };
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("  {} ", fit(lang.t(field.label()), label_w)),
                        row_style(app, selected),
                    ),
                    Span::styled(
                        fit(&shown, w.saturating_sub(label_w + 3)),
                        row_style(app, selected),
                    ),
                ]));
            }
        }
    }
    draw_lines(lines, list, frame.buffer_mut());
    if detail.height > 0 {
        let field = app.details_row();
        let value = value(&s.assessment, field, app.lang);
        let text = if value.is_empty() {
            lang.t(S::DetailsEmpty).to_string()
        } else {
            value
        };
        let block = pane_within(lang.t(field.label()), detail.width, app, false);
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .block(block)
            .render(detail, frame.buffer_mut());
    }
}

/// The field's value as one line of terminal-safe text; empty when not set.
fn value(a: &Assessment, field: DetailsRow, interface: Lang) -> String {
    let m = &a.meta;
    let d = &m.document;
    let text = match field {
        DetailsRow::Details(DetailField::Organisation) => m.organisation.clone(),
        DetailsRow::Details(DetailField::Scope) => m.scope.clone(),
        DetailsRow::Details(DetailField::Assessors) => m.assessors.join(", "),
        DetailsRow::Language => match m.language {
            Some(lang) => interface.f(
                S::DetailsLanguageSet,
                &[("name", &lang.name()), ("code", &lang.code())],
            ),
            None => interface.f(S::DetailsLanguageInterface, &[("name", &interface.name())]),
        },
        DetailsRow::Document(DocField::Version) => d.version.clone(),
        DetailsRow::Document(DocField::Classification) => d.classification.clone(),
        DetailsRow::Document(DocField::Author) => d.author.clone(),
        DetailsRow::Document(DocField::Approver) => d.approver.clone(),
        DetailsRow::Document(DocField::Approved) => {
            d.approved.map(|x| x.to_string()).unwrap_or_default()
        }
        DetailsRow::Conclusion => m.summary.clone(),
    };
    one_line(&text).into_owned()
}
