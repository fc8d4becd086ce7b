//! The overview: every question by domain with its status and level.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{draw_lines, fit, pane, pane_within, row_style, window_start};
use crate::locale::ScreenText as S;
use crate::text::one_line;
use crate::tui::app::{App, Filter, FrameInfo, Hit, OverviewRow};

/// Draws the overview.
pub fn render(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let Some(s) = &app.session else { return };
    let t = app.theme;
    let lang = app.lang;
    let rows = app.overview_rows();
    // The borders do not depend on the title, which says how many rows are shown.
    let inner = pane("", app, true).inner(area);
    let height = usize::from(inner.height);
    let start = window_start(app.overview_cursor, rows.len(), height);
    let shown = super::shown_in(app.lang, &rows, start, height, |r| {
        matches!(r, OverviewRow::Question(_))
    });
    let filter = app.filter.label_in(lang);
    let title = lang.f(S::OverviewTitle, &[("shown", &shown), ("filter", &filter)]);
    let block = pane_within(&title, area.width, app, true);
    block.render(area, frame.buffer_mut());
    if rows.is_empty() {
        draw_lines(
            vec![Line::from(Span::styled(
                lang.f(S::OverviewEmpty, &[("filter", &filter)]),
                t.muted(),
            ))],
            inner,
            frame.buffer_mut(),
        );
        return;
    }
    let [list] = inner.layout(&Layout::vertical([Constraint::Fill(1)]));
    info.page_rows = list.height;
    let w = usize::from(list.width);
    let total = s.questionnaire.questions.len();
    let num_w = total.to_string().len();
    let mut lines = Vec::new();
    // Only the visible rows are laid out: a 10,000-question file stays quick.
    for (i, row) in rows.iter().enumerate().skip(start).take(height) {
        let y = list
            .y
            .saturating_add(u16::try_from(i - start).unwrap_or(u16::MAX));
        match *row {
            OverviewRow::Domain(di) => {
                let d = &s.questionnaire.domains[di];
                let score = s.scores.domain(&d.id);
                let text = lang.f(
                    S::OverviewDomain,
                    &[
                        ("title", &one_line(&d.title)),
                        ("score", &lang.score(score.and_then(|x| x.score))),
                        ("target", &score.map_or(0, |x| x.target)),
                        ("covered", &score.map_or(0, |x| x.covered())),
                        ("total", &score.map_or(0, |x| x.total)),
                    ],
                );
                lines.push(Line::from(Span::styled(fit(&text, w), t.title())));
            }
            OverviewRow::Question(qi) => {
                let q = &s.questionnaire.questions[qi];
                let a = s.assessment.answer(&q.id);
                let qs = s.scores.questions.get(qi);
                let status = match a {
                    Some(a) if a.na => fit(lang.t(S::NotApplicableShort), 10),
                    Some(a) => match a.level {
                        // A claim above the evidence shows both, claimed → supported.
                        Some(l) if qs.and_then(|x| x.evidenced).is_some_and(|e| e < l) => {
                            let e = qs.and_then(|x| x.evidenced).unwrap_or(l);
                            lang.f(S::OverviewEvidenced, &[("claimed", &l), ("evidenced", &e)])
                        }
                        Some(l) => format!(
                            "{l} {:<8}",
                            fit(&one_line(s.questionnaire.level_name(l)), 8)
                        ),
                        None => "·         ".to_string(),
                    },
                    None => "·         ".to_string(),
                };
                let flag = if a.is_some_and(|a| a.flagged) {
                    "⚑"
                } else if a.is_some_and(|a| a.recheck) {
                    "↻"
                } else {
                    " "
                };
                let gap = if qs.is_some_and(|x| x.critical_gap) {
                    "!"
                } else {
                    " "
                };
                let head = format!(" {:>num_w$} {status} {flag}{gap} ", qi + 1);
                let text_w = w.saturating_sub(super::super::editor::str_width(&head));
                let selected = i == app.overview_cursor;
                info.hits.push((
                    Rect::new(list.x, y, list.width, 1).intersection(list),
                    Hit::Row(i),
                ));
                let style = row_style(app, selected);
                lines.push(Line::from(vec![
                    Span::styled(
                        head,
                        if selected {
                            style
                        } else if gap == "!" {
                            t.warn()
                        } else {
                            style
                        },
                    ),
                    Span::styled(fit(&row_text(app, q, a), text_w), style),
                ]));
            }
        }
    }
    draw_lines(lines, list, frame.buffer_mut());
}

/// A question row's text; in the parking-lot filter the reason comes first.
fn row_text(
    app: &App,
    q: &crate::questionnaire::Question,
    a: Option<&crate::assessment::Answer>,
) -> String {
    match a {
        Some(a) if app.filter == Filter::Flagged && !a.flag_reason.is_empty() => {
            format!(
                "{} — {}",
                one_line(&a.flag_reason),
                one_line(q.short_title())
            )
        }
        _ => one_line(q.short_title()).into_owned(),
    }
}
