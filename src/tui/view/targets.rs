//! The targets screen: one target level per domain.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{bar, draw_lines, fit, pane, pane_within, row_style, window_start};
use crate::locale::ScreenText as S;
use crate::text::one_line;
use crate::tui::app::{App, FrameInfo, Hit};

/// Draws the targets screen.
pub fn render(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let Some(s) = &app.session else { return };
    let t = app.theme;
    let lang = app.lang;
    let inner = pane("", app, true).inner(area);
    let domains = s.questionnaire.domains.len();
    // The two lines of introduction give way when the domains would not all fit.
    let intro_h = if usize::from(inner.height) >= domains + 3 {
        2
    } else {
        0
    };
    let height = usize::from(inner.height.saturating_sub(intro_h + 1));
    let start = window_start(app.targets_cursor, domains, height);
    let title = lang.f(
        S::TargetsTitle,
        &[(
            "shown",
            &super::shown_in(app.lang, &s.questionnaire.domains, start, height, |_| true),
        )],
    );
    pane_within(&title, area.width, app, true).render(area, frame.buffer_mut());
    let [intro, head, list] = inner.layout(&Layout::vertical([
        Constraint::Length(intro_h),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    draw_lines(
        vec![
            Line::from(Span::styled(lang.t(S::TargetsIntro), t.muted())),
            Line::from(Span::styled(
                lang.f(
                    S::TargetsThreshold,
                    &[("level", &s.questionnaire.readiness_threshold)],
                ),
                t.muted(),
            )),
        ],
        intro,
        frame.buffer_mut(),
    );
    let w = usize::from(list.width);
    // Narrow windows shorten the level's name so that the gap column stays.
    let name_w = if w >= 70 { 22 } else { 9 };
    let title_w = w.saturating_sub(30 + name_w).clamp(10, 40);
    let bar_w = w.saturating_sub(title_w + name_w + 22).min(30);
    draw_lines(
        vec![Line::from(Span::styled(
            format!(
                "{} {} {:>5} {:>5}",
                fit(lang.t(S::TargetsDomain), title_w),
                fit(lang.t(S::TargetsTarget), name_w + 7),
                lang.t(S::TargetsScore),
                lang.t(S::TargetsGap)
            ),
            t.title(),
        ))],
        head,
        frame.buffer_mut(),
    );
    info.page_rows = list.height;
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
            fit(&one_line(s.questionnaire.level_name(target)), name_w),
            lang.score(score.and_then(|x| x.score)),
            lang.score(score.and_then(|x| x.gap)),
        );
        // The bar is the gap (target − score), on the scale of the largest possible
        // gap (target 5, score 1); it is empty when the target is met.
        let (b, _) = bar(score.and_then(|x| x.gap), None, 4.0, bar_w);
        let row = list
            .y
            .saturating_add(u16::try_from(i - start).unwrap_or(u16::MAX));
        info.hits.push((
            Rect::new(list.x, row, list.width, 1).intersection(list),
            Hit::Row(i),
        ));
        lines.push(Line::from(vec![
            Span::styled(text, row_style(app, i == app.targets_cursor)),
            Span::styled(b, t.warn()),
        ]));
    }
    draw_lines(lines, list, frame.buffer_mut());
}
