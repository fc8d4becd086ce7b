//! The Statement of Applicability: the controls grouped by objective, each with its
//! decision, implementation, owner and whether it is justified; a summary line; the
//! selected control's guidance and justification underneath.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{draw_lines, fit, pane, pane_within, row_style, window_start};
use crate::assessment::Implementation;
use crate::locale::ScreenText as S;
use crate::text::one_line;
use crate::tui::app::{App, FrameInfo, Hit};
use crate::tui::editor::str_width;

/// Draws the Statement of Applicability.
pub fn render(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let Some(s) = &app.session else { return };
    let t = app.theme;
    let lang = app.lang;
    let filter = app.soa_filter.label_in(lang);
    // The title says how many controls are shown, known once the list is laid out.
    let frame_with = |shown: &str, frame: &mut Frame| {
        // The count first, so a narrow window still shows it.
        let name = lang.t(if area.width >= 80 {
            S::SoaName
        } else {
            S::SoaNameShort
        });
        let title = lang.f(
            S::SoaTitle,
            &[("name", &name), ("shown", &shown), ("filter", &filter)],
        );
        pane_within(&title, area.width, app, true).render(area, frame.buffer_mut());
    };
    let inner = pane("", app, true).inner(area);
    let q = &s.questionnaire;
    if q.controls.is_empty() {
        frame_with("", frame);
        draw_lines(
            vec![Line::from(Span::styled(lang.t(S::SoaNone), t.muted()))],
            inner,
            frame.buffer_mut(),
        );
        return;
    }
    let detail_height = if inner.height >= 14 { 4 } else { 0 };
    let [summary, list, detail] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(detail_height),
    ]));
    let w = usize::from(inner.width);
    if let Some(soa) = &s.scores.soa {
        let additional = soa.controls.iter().filter(|c| c.additional).count();
        // Controls added in the file count here and appear in the exports, not below.
        let added = match additional {
            0 => String::new(),
            n => lang.f(S::SoaAdditional, &[("count", &n)]),
        };
        let text = lang.f(
            S::SoaSummaryLine,
            &[
                ("included", &soa.included),
                ("implemented", &soa.implemented),
                ("excluded", &soa.excluded),
                ("undecided", &soa.undecided),
                ("added", &added),
            ],
        );
        let style = if soa.undecided > 0 {
            t.warn()
        } else {
            t.good()
        };
        draw_lines(
            vec![Line::from(Span::styled(fit(&text, w), style))],
            summary,
            frame.buffer_mut(),
        );
    }
    let listed = app.soa_controls();
    info.page_rows = list.height;
    if listed.is_empty() {
        frame_with("", frame);
        draw_lines(
            vec![Line::from(Span::styled(
                lang.f(S::SoaEmpty, &[("filter", &filter)]),
                t.muted(),
            ))],
            list,
            frame.buffer_mut(),
        );
        return;
    }
    // Display rows: a heading before each objective, then its controls (by listed index).
    let mut rows: Vec<Result<&str, usize>> = Vec::new();
    let mut objective: Option<&str> = None;
    for (k, &i) in listed.iter().enumerate() {
        let c = &q.controls[i];
        if objective != Some(c.objective.as_str()) {
            rows.push(Ok(c.objective.as_str()));
            objective = Some(c.objective.as_str());
        }
        rows.push(Err(k));
    }
    let cursor = app.soa_cursor.min(listed.len() - 1);
    let cursor_row = rows.iter().position(|r| *r == Err(cursor)).unwrap_or(0);
    let height = usize::from(list.height);
    let first = window_start(cursor_row, rows.len(), height);
    frame_with(
        &super::shown_in(app.lang, &rows, first, height, Result::is_err),
        frame,
    );
    let owner_w = if w >= 120 { 20 } else { 12 };
    // The decision and implementation columns hold their longest word (English: 9 and 11).
    let decision_w = [Some(true), Some(false), None]
        .iter()
        .map(|d| str_width(lang.decision(*d)))
        .max()
        .unwrap_or(0)
        .max(9);
    let implementation_w = [
        Implementation::NotStarted,
        Implementation::Planned,
        Implementation::Partial,
        Implementation::Implemented,
    ]
    .iter()
    .map(|i| str_width(lang.implementation(*i)))
    .max()
    .unwrap_or(0)
    .max(11);
    let mut lines = Vec::new();
    for (r, row) in rows.iter().enumerate().skip(first).take(height) {
        match *row {
            Ok(objective) => {
                let title = q
                    .control_objective(objective)
                    .map_or("", |o| o.title.as_str());
                let text = format!("{} {}", one_line(objective), one_line(title));
                lines.push(Line::from(Span::styled(fit(&text, w), t.title())));
            }
            Err(k) => {
                let c = &q.controls[listed[k]];
                let d = s.assessment.decision(&c.id);
                let applicable = d.and_then(|d| d.applicable);
                let implementation = match applicable {
                    Some(true) => lang.implementation(
                        d.and_then(|d| d.implementation)
                            .unwrap_or(Implementation::NotStarted),
                    ),
                    _ => "",
                };
                let justified = match d {
                    Some(d) if !d.justification.trim().is_empty() => "✓",
                    Some(d) if d.needs_justification() => "!",
                    _ => " ",
                };
                let owner = d
                    .map(|d| one_line(&d.owner).into_owned())
                    .filter(|o| !o.is_empty())
                    .unwrap_or_else(|| "—".into());
                let id = format!("{}{}", one_line(&c.id), if c.excludable { "" } else { "*" });
                let head = format!(
                    "  {} {} {} {} {} ",
                    fit(&id, 8),
                    fit(lang.decision(applicable), decision_w),
                    fit(implementation, implementation_w),
                    justified,
                    fit(&owner, owner_w),
                );
                let selected = k == cursor;
                let y = list
                    .y
                    .saturating_add(u16::try_from(r - first).unwrap_or(u16::MAX));
                info.hits.push((
                    Rect::new(list.x, y, list.width, 1).intersection(list),
                    Hit::Row(k),
                ));
                let text_w = w.saturating_sub(str_width(&head));
                let head_style = if selected {
                    row_style(app, true)
                } else if applicable.is_none() || justified == "!" {
                    t.warn()
                } else {
                    row_style(app, false)
                };
                lines.push(Line::from(vec![
                    Span::styled(head, head_style),
                    Span::styled(fit(&one_line(&c.title), text_w), row_style(app, selected)),
                ]));
            }
        }
    }
    draw_lines(lines, list, frame.buffer_mut());
    if detail_height > 0
        && let Some(c) = listed.get(cursor).and_then(|&i| q.controls.get(i))
    {
        let justification = s
            .assessment
            .decision(&c.id)
            .map(|d| one_line(&d.justification).into_owned())
            .filter(|j| !j.trim().is_empty())
            .unwrap_or_else(|| lang.t(S::SoaNoJustification).into());
        let [head, guidance, justified] = detail.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(1),
        ]));
        let heading = lang.f(
            S::SoaAssessedBy,
            &[
                ("id", &one_line(&c.id)),
                ("title", &one_line(&c.title)),
                ("question", &one_line(&c.question)),
            ],
        );
        draw_lines(
            vec![Line::from(Span::styled(fit(&heading, w), t.title()))],
            head,
            frame.buffer_mut(),
        );
        Paragraph::new(Span::styled(one_line(&c.guidance).into_owned(), t.muted()))
            .wrap(Wrap { trim: true })
            .render(guidance, frame.buffer_mut());
        draw_lines(
            vec![Line::from(fit(
                &lang.f(S::SoaJustification, &[("justification", &justification)]),
                w,
            ))],
            justified,
            frame.buffer_mut(),
        );
    }
}
