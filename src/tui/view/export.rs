//! The export screen: formats, folder, and what was written.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{clip, draw_lines, fit, pane, row_style};
use crate::locale::ScreenText as S;
use crate::text::one_line;
use crate::tui::app::{App, ExportOutcome, FrameInfo, Hit};

/// Draws the export screen.
pub fn render(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let t = app.theme;
    let lang = app.lang;
    let ex = &app.export;
    let n = u16::try_from(ex.formats.len()).unwrap_or(u16::MAX);
    let [formats_area, folder_area, results_area] = area.layout(&Layout::vertical([
        Constraint::Length(n.saturating_add(2)),
        Constraint::Length(3),
        Constraint::Fill(1),
    ]));
    let block = pane(lang.t(S::ExportFormats), app, true);
    let inner = block.inner(formats_area);
    block.render(formats_area, frame.buffer_mut());
    let w = usize::from(inner.width);
    let mut lines = Vec::new();
    for (i, (format, on)) in ex.formats.iter().enumerate() {
        let text = format!(
            "[{}] {:<6} {}",
            if *on { "x" } else { " " },
            format.name(),
            format.file_name()
        );
        let row = inner.y.saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
        info.hits.push((
            Rect::new(inner.x, row, inner.width, 1).intersection(inner),
            Hit::Row(i),
        ));
        lines.push(Line::from(Span::styled(
            fit(&text, w),
            row_style(app, i == ex.cursor),
        )));
    }
    draw_lines(lines, inner, frame.buffer_mut());
    let block = pane(lang.t(S::ExportFolder), app, false);
    let inner = block.inner(folder_area);
    block.render(folder_area, frame.buffer_mut());
    let folder = one_line(&ex.folder.display().to_string()).into_owned();
    draw_lines(
        vec![Line::from(clip(&folder, usize::from(inner.width)))],
        inner,
        frame.buffer_mut(),
    );
    let block = pane(lang.t(S::ExportWritten), app, false);
    let inner = block.inner(results_area);
    block.render(results_area, frame.buffer_mut());
    let w = usize::from(inner.width);
    let lines: Vec<Line> = if ex.outcomes.is_empty() {
        vec![Line::from(Span::styled(
            lang.t(S::ExportNothingYet),
            t.muted(),
        ))]
    } else {
        ex.outcomes
            .iter()
            .map(|(f, o)| match o {
                ExportOutcome::Written(p) => Line::from(Span::styled(
                    clip(&format!("✓ {}", one_line(&p.display().to_string())), w),
                    t.good(),
                )),
                ExportOutcome::Exists(p) => Line::from(Span::styled(
                    clip(
                        &lang.f(
                            S::ExportExists,
                            &[("path", &one_line(&p.display().to_string()))],
                        ),
                        w,
                    ),
                    t.warn(),
                )),
                ExportOutcome::Failed(e) => Line::from(Span::styled(
                    clip(
                        &lang.f(
                            S::ExportFailed,
                            &[("format", &f.name()), ("error", &one_line(e))],
                        ),
                        w,
                    ),
                    t.warn(),
                )),
            })
            .collect()
    };
    draw_lines(lines, inner, frame.buffer_mut());
}
