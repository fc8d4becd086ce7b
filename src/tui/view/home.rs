//! The home screen: saved assessments.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, fit, pane, pane_within, row_style, window_start};
use crate::locale::ScreenText as S;
use crate::text::one_line;
use crate::tui::app::{App, FrameInfo, Hit};

/// Draws the home screen.
pub fn render(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let t = app.theme;
    let lang = app.lang;
    // The borders do not depend on the title, which says how many rows are shown.
    let inner = pane("", app, true).inner(area);
    let height = usize::from(inner.height.saturating_sub(1));
    let start = window_start(app.home_cursor, app.home.len(), height);
    let title = lang.f(
        S::HomeTitle,
        &[(
            "shown",
            &super::shown_in(app.lang, &app.home, start, height, |_| true),
        )],
    );
    let block = pane_within(&title, area.width, app, true);
    block.render(area, frame.buffer_mut());
    if app.home.is_empty() {
        let text = if app.home_loaded {
            lang.t(S::HomeEmpty)
        } else {
            lang.t(S::HomeReading)
        };
        draw_lines(
            vec![Line::from(Span::styled(text, t.muted()))],
            inner,
            frame.buffer_mut(),
        );
        return;
    }
    let [head, list] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let w = usize::from(inner.width);
    let wide = w >= 100;
    // Columns by width: the file name from 100 columns, the last change from 76.
    let with_date = w >= 76;
    let date_w = if with_date { 17 } else { 0 };
    let (org_w, file_w) = if wide {
        (30, w.saturating_sub(30 + 10 + 25 + date_w + 1))
    } else {
        (w.saturating_sub(10 + 25 + date_w), 0)
    };
    let mut header = format!(
        "{} {:>9} {}",
        fit(lang.t(S::HomeOrganisation), org_w),
        lang.t(S::HomeAnswered),
        fit(lang.t(S::HomeVerdict), 24),
    );
    if with_date {
        header.push_str(&format!(" {}", fit(lang.t(S::HomeLastChange), 16)));
    }
    if wide {
        header.push_str(&format!(" {}", fit(lang.t(S::HomeFile), file_w)));
    }
    draw_lines(
        vec![Line::from(Span::styled(header, t.title()))],
        head,
        frame.buffer_mut(),
    );
    info.page_rows = list.height;
    let mut lines = Vec::new();
    for (i, e) in app.home.iter().enumerate().skip(start).take(height) {
        let org = if e.organisation.trim().is_empty() {
            lang.t(S::HomeNoOrganisation).to_string()
        } else {
            one_line(&e.organisation).into_owned()
        };
        let mut text = match &e.problem {
            Some(p) => lang.f(
                S::HomeCannotOpen,
                &[("file", &one_line(&e.file)), ("problem", &one_line(p))],
            ),
            None => {
                let when = e
                    .updated
                    .map(|u| u.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default();
                let mut s = format!(
                    "{} {:>9} {}",
                    fit(&org, org_w),
                    format!("{}/{}", e.covered, e.total),
                    fit(
                        &e.verdict
                            .map(|v| lang.verdict_status(v))
                            .unwrap_or_default(),
                        24
                    )
                );
                if with_date {
                    s.push_str(&format!(" {when:<16}"));
                }
                if wide {
                    s.push_str(&format!(" {}", fit(&one_line(&e.file), file_w)));
                }
                s
            }
        };
        text = fit(&text, w);
        let row = list
            .y
            .saturating_add(u16::try_from(i - start).unwrap_or(u16::MAX));
        info.hits.push((
            Rect::new(list.x, row, list.width, 1).intersection(list),
            Hit::Row(i),
        ));
        let style = if e.problem.is_some() && i != app.home_cursor {
            t.warn()
        } else {
            row_style(app, i == app.home_cursor)
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    draw_lines(lines, list, frame.buffer_mut());
}
