//! The checklist of the question shown: its checks grouped by level, each ticked or
//! not, with the level the ticks support and what the user claimed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{clip, pane, pane_within};
use crate::evidence;
use crate::locale::ScreenText as S;
use crate::text::one_line;
use crate::tui::app::App;

/// Draws the checklist in `area`.
pub fn render(app: &App, area: Rect, frame: &mut Frame) {
    let Some(s) = &app.session else { return };
    let Some(q) = s.questionnaire.questions.get(app.question) else {
        return;
    };
    let t = app.theme;
    let lang = app.lang;
    let cursor = app.checklist.unwrap_or(0);
    let answer = s.assessment.answer(&q.id);
    let levels = evidence::levels(q, answer);
    let state = match (levels.claimed, levels.evidenced) {
        (Some(c), Some(e)) => lang.f(S::ClaimedEvidenced, &[("claimed", &c), ("evidenced", &e)]),
        (None, Some(e)) => lang.f(S::Evidenced, &[("evidenced", &e)]),
        (Some(c), None) => lang.f(S::ClaimedNoCheck, &[("claimed", &c)]),
        (None, None) => lang.t(S::NoCheck).to_string(),
    };
    let inner = pane("", app, true).inner(area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    // Which lines are checks (the others are level headings), to count them.
    let mut is_check: Vec<bool> = Vec::new();
    let mut cursor_line = 0;
    let mut index = 0;
    for level in 2..=crate::questionnaire::LEVELS {
        let checks = q.checks_of(level);
        if checks.is_empty() {
            continue;
        }
        let met = checks
            .iter()
            .filter(|c| answer.and_then(|a| a.checks.get(&c.id)).copied() == Some(true))
            .count();
        lines.push(Line::from(Span::styled(
            clip(
                &lang.f(
                    S::ChecklistLevel,
                    &[
                        ("level", &level),
                        ("name", &one_line(s.questionnaire.level_name(level))),
                        ("met", &met),
                        ("total", &checks.len()),
                    ],
                ),
                width,
            ),
            t.title(),
        )));
        is_check.push(false);
        for c in checks {
            let state = match answer.and_then(|a| a.checks.get(&c.id)) {
                Some(true) => "[x]",
                Some(false) => "[-]",
                None => "[ ]",
            };
            let evidence_count = answer
                .and_then(|a| a.check_evidence.get(&c.id))
                .map_or(0, Vec::len);
            // Before the text, so a narrow window never cuts it off.
            let linked = if evidence_count > 0 {
                lang.f(
                    lang.plural(
                        evidence_count,
                        S::ChecklistLinkedOne,
                        S::ChecklistLinkedMany,
                    ),
                    &[("count", &evidence_count)],
                )
            } else {
                String::new()
            };
            let selected = index == cursor;
            if selected {
                cursor_line = lines.len();
            }
            let text = format!(
                "{} {state} {linked}{}",
                if selected { "▸" } else { " " },
                one_line(&c.text)
            );
            lines.push(Line::from(Span::styled(
                clip(&text, width),
                if selected { t.selected() } else { t.text() },
            )));
            is_check.push(true);
            index += 1;
        }
    }
    // Keep the highlighted check in view.
    let height = usize::from(inner.height);
    let scroll = cursor_line.saturating_sub(height.saturating_sub(1));
    let title = lang.f(
        S::ChecklistTitle,
        &[
            (
                "shown",
                &super::shown_in(app.lang, &is_check, scroll, height, |c| *c),
            ),
            ("state", &state),
        ],
    );
    pane_within(&title, area.width, app, true).render(area, frame.buffer_mut());
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    Paragraph::new(shown).render(inner, frame.buffer_mut());
}
