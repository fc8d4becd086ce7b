//! The discussion agenda over the voting screen (and the presenter view): the
//! questions still to settle, in the order `merge` prints them, with why each is there.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{centered, clear, clip, draw_lines, fit, pane_within, row_style, window_start};
use crate::locale::RoomText as R;
use crate::text::{one_line, str_width};
use crate::tui::app::App;
use crate::workshop::AgendaReason;

/// Draws the agenda over `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (Some(row), Some(s)) = (app.agenda, &app.session) else {
        return;
    };
    let t = app.theme;
    let lang = app.lang;
    let items = app.agenda_items();
    let unanimous = app.unanimous_proposals().len();
    // The whole body: a list over a busy screen is hard to read with its edges showing.
    let rect = centered(area, area.width, area.height);
    clear(rect, buf);
    let title = lang.f(R::AgendaTitle, &[("n", &items.len())]);
    let block = pane_within(&title, rect.width, app, true);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let w = usize::from(inner.width);
    let mut lines = vec![Line::from(Span::styled(
        clip(
            &format!(
                " {}",
                lang.f(
                    lang.plural(unanimous, R::AgendaOrderOne, R::AgendaOrderMany),
                    &[("n", &unanimous)],
                )
            ),
            w,
        ),
        t.muted(),
    ))];
    // The reason column as wide as its longest word in this language (12 in English).
    let reason_w = [
        AgendaReason::Divergent,
        AgendaReason::ApplicabilityDisputed,
        AgendaReason::Pending,
        AgendaReason::Unanswered,
    ]
    .map(|r| str_width(lang.agenda_reason(r)))
    .into_iter()
    .max()
    .unwrap_or(12);
    let height = usize::from(inner.height).saturating_sub(1);
    let start = window_start(row, items.len(), height);
    for (i, item) in items.iter().enumerate().skip(start).take(height) {
        let number = s
            .questionnaire
            .questions
            .iter()
            .position(|q| q.id == item.question)
            .map_or(0, |p| p + 1);
        let text = s
            .questionnaire
            .question(&item.question)
            .map(|q| one_line(&q.text).into_owned())
            .unwrap_or_default();
        let st = &item.stats;
        let votes = match (st.min, st.max) {
            (Some(lo), Some(hi)) if lo != hi => format!("{lo}–{hi}"),
            (Some(lo), _) => lo.to_string(),
            _ if st.not_applicable > 0 => lang.t(R::NotApplicable).to_string(),
            _ => "–".to_string(),
        };
        let head = format!(
            "{} {:>3}. {} {} {} ",
            if i == row { "▸" } else { " " },
            number,
            fit(&one_line(&item.question), 8),
            fit(lang.agenda_reason(item.reason), reason_w),
            fit(&votes, 5),
        );
        let line = format!("{head}{text}");
        lines.push(Line::from(Span::styled(
            fit(&line, w),
            row_style(app, i == row),
        )));
    }
    draw_lines(lines, inner, buf);
}
