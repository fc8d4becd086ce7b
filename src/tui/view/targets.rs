//! The targets screen: one target level per domain.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{bar, draw_lines, fit, pane, row_style, window_start};
use crate::scoring::one_decimal;
use crate::text::one_line;
use crate::tui::app::{App, FrameInfo, Hit};

/// Draws the targets screen.
pub fn render(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let Some(s) = &app.session else { return };
    let t = app.theme;
    let block = pane("Target level per domain", app, true);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let [intro, head, list] = inner.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    draw_lines(
        vec![
            Line::from(Span::styled(
                "The level each domain should reach; gaps and the roadmap count from it.",
                t.muted(),
            )),
            Line::from(Span::styled(
                format!(
                    "Readiness threshold for critical questions: level {}",
                    s.questionnaire.readiness_threshold
                ),
                t.muted(),
            )),
        ],
        intro,
        frame.buffer_mut(),
    );
    let w = usize::from(list.width);
    let title_w = w.saturating_sub(52).clamp(10, 40);
    let bar_w = w.saturating_sub(title_w + 44).min(30);
    draw_lines(
        vec![Line::from(Span::styled(
            format!(
                "{} {:<29} {:>5} {:>5}",
                fit("Domain", title_w),
                "Target",
                "Score",
                "Gap"
            ),
            t.title(),
        ))],
        head,
        frame.buffer_mut(),
    );
    let height = usize::from(list.height);
    info.page_rows = list.height;
    let start = window_start(app.targets_cursor, s.questionnaire.domains.len(), height);
    let mut lines = Vec::new();
    for (i, d) in s
        .questionnaire
        .domains
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
    {
        let target = s.assessment.target(&s.questionnaire, &d.id);
        let score = s.scores.domain(&d.id);
        let text = format!(
            "{} ◀ {target} ▶ {} {:>5} {:>5} ",
            fit(&one_line(&d.title), title_w),
            fit(&one_line(s.questionnaire.level_name(target)), 22),
            one_decimal(score.and_then(|x| x.score)),
            one_decimal(score.and_then(|x| x.gap)),
        );
        let (b, _) = bar(score.and_then(|x| x.score), None, 5.0, bar_w);
        let row = list
            .y
            .saturating_add(u16::try_from(i - start).unwrap_or(u16::MAX));
        info.hits.push((
            Rect::new(list.x, row, list.width, 1).intersection(list),
            Hit::Row(i),
        ));
        lines.push(Line::from(vec![
            Span::styled(text, row_style(app, i == app.targets_cursor)),
            Span::styled(b, t.bar()),
        ]));
    }
    draw_lines(lines, list, frame.buffer_mut());
}
