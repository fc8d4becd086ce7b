//! The evidence register: one row per item (id, file state once checked, title,
//! kind, location, date, owner, where it is used) and the selected item in full below.
//! A narrow window keeps id, state, title, location and uses in the rows; the rest
//! is in the panel below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{clip, draw_lines, fit, pane, row_style, window_start};
use crate::evidence::{EvidenceItem, EvidenceKind, VerifyStatus};
use crate::text::{char_width, one_line, str_width};
use crate::tui::app::{App, FrameInfo, Hit};

/// Below this inner width the rows leave kind, date and owner to the panel below.
const WIDE: usize = 110;
/// Rows of the panel under the list.
const DETAIL_ROWS: u16 = 6;

/// Draws the register.
pub fn render(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let Some(s) = &app.session else { return };
    let t = app.theme;
    let items = &s.assessment.evidence;
    let title = match &app.register.pick {
        Some(target) => format!(
            "Evidence register — pick the item for {} (Enter links it)",
            one_line(target.check.as_deref().unwrap_or(&target.question))
        ),
        None => format!(
            "Evidence register — {} item{}",
            items.len(),
            if items.len() == 1 { "" } else { "s" }
        ),
    };
    let block = pane(&title, app, true);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    if items.is_empty() {
        draw_lines(
            vec![
                Line::from(Span::styled(
                    "The register is empty. Open a question's checks (t) and press a to add a file or a link,",
                    t.muted(),
                )),
                Line::from(Span::styled(
                    "or from a shell: aims-readiness evidence add FILE PATH --question ID",
                    t.muted(),
                )),
            ],
            inner,
            frame.buffer_mut(),
        );
        return;
    }
    let [head, list, detail] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(DETAIL_ROWS),
    ]));
    let w = usize::from(inner.width);
    let columns = Columns::for_width(w);
    draw_lines(
        vec![Line::from(Span::styled(
            columns.row([
                "ID", "FILE NOW", "TITLE", "KIND", "LOCATION", "DATED", "OWNER", "USED BY",
            ]),
            t.muted(),
        ))],
        head,
        frame.buffer_mut(),
    );
    let height = usize::from(list.height);
    info.page_rows = list.height;
    let cursor = app.register.cursor.min(items.len().saturating_sub(1));
    let start = window_start(cursor, items.len(), height);
    let mut lines = Vec::new();
    for (i, item) in items.iter().enumerate().skip(start).take(height) {
        let y = list
            .y
            .saturating_add(u16::try_from(i - start).unwrap_or(u16::MAX));
        info.hits.push((
            Rect::new(list.x, y, list.width, 1).intersection(list),
            Hit::Row(i),
        ));
        let used = s.assessment.used_by(&item.id).join(", ");
        let dated = item.dated.map(|d| d.to_string()).unwrap_or_default();
        let state = file_state(app, item).0;
        let text = columns.row([
            &one_line(&item.id),
            state,
            &one_line(&item.title),
            item.kind.as_str(),
            &clip_start(&one_line(&item.location), columns.0[4]),
            &dated,
            &one_line(&item.owner),
            &one_line(&used),
        ]);
        let selected = i == cursor;
        let style = if !selected && matches!(state, "changed" | "missing") {
            t.warn()
        } else {
            row_style(app, selected)
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    draw_lines(lines, list, frame.buffer_mut());
    if let Some(item) = items.get(cursor) {
        draw_lines(details(app, item, w), detail, frame.buffer_mut());
    }
}

/// The selected item in full, clipped to `w`.
fn details<'a>(app: &App, item: &EvidenceItem, w: usize) -> Vec<Line<'a>> {
    let t = app.theme;
    let Some(s) = &app.session else {
        return Vec::new();
    };
    let line = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!(" {label:<9}"), t.muted()),
            Span::styled(clip(&value, w.saturating_sub(10)), t.text()),
        ])
    };
    let mut summary = vec![item.kind.as_str().to_string()];
    if let Some(bytes) = item.bytes {
        summary.push(format!("{bytes} bytes"));
    }
    if let Some(d) = item.dated {
        summary.push(format!("dated {d}"));
    }
    if !item.owner.trim().is_empty() {
        summary.push(format!("owner {}", one_line(&item.owner)));
    }
    let used = s.assessment.used_by(&item.id);
    let (state, reason) = file_state(app, item);
    let now = match (item.kind, state, reason) {
        (EvidenceKind::File, "", _) => "not checked yet: press v to re-hash the files".to_string(),
        (EvidenceKind::File, state, Some(why)) => format!("{state} ({})", one_line(why)),
        (EvidenceKind::File, state, None) => state.to_string(),
        _ => "not a file: nothing to re-hash".to_string(),
    };
    vec![
        Line::from(Span::styled(
            clip(
                &format!(" {} · {}", one_line(&item.id), one_line(&item.title)),
                w,
            ),
            t.title(),
        )),
        line("", summary.join(" · ")),
        line("location", one_line(&item.location).into_owned()),
        line(
            "SHA-256",
            item.sha256
                .as_deref()
                .map_or("–".to_string(), |h| one_line(h).into_owned()),
        ),
        line(
            "used by",
            if used.is_empty() {
                "nothing yet".to_string()
            } else {
                one_line(&used.join(", ")).into_owned()
            },
        ),
        line("file now", now),
    ]
}

/// What the last check found for a file item: the word for its column (empty when not
/// checked yet or not a file; "checking…" while its answer is awaited) and the reason.
fn file_state<'a>(app: &'a App, item: &EvidenceItem) -> (&'static str, Option<&'a str>) {
    if item.kind != EvidenceKind::File {
        return ("", None);
    }
    let Some(v) = &app.register.verify else {
        return ("", None);
    };
    match v.found.get(&item.id) {
        Some((status, reason)) => (
            match status {
                VerifyStatus::Unchanged => "unchanged",
                VerifyStatus::Changed => "changed",
                VerifyStatus::Missing => "missing",
            },
            reason.as_deref(),
        ),
        None if !v.done() => ("checking…", None),
        None => ("", None),
    }
}

/// `s` cut from the start to at most `width` columns, starting with `…` when cut: the
/// end of a path (the file name) says the most.
fn clip_start(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let cw = char_width(c);
        if used + cw + 1 > width {
            break;
        }
        tail.push(c);
        used += cw;
    }
    if width == 0 {
        return String::new();
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

/// The widths of the row's columns at one window width (0: the column is left out).
struct Columns([usize; 8]);

impl Columns {
    fn for_width(w: usize) -> Self {
        const ID: usize = 6;
        const STATE: usize = 9;
        if w >= WIDE {
            // id, state, title, kind, location, dated, owner, used by; 8 separators.
            let flexible = w.saturating_sub(ID + STATE + 6 + 10 + 8);
            let title = flexible * 26 / 100;
            let location = flexible * 34 / 100;
            let owner = flexible * 14 / 100;
            let used = flexible.saturating_sub(title + location + owner);
            Columns([ID, STATE, title, 6, location, 10, owner, used])
        } else {
            let flexible = w.saturating_sub(ID + STATE + 5);
            let title = flexible * 35 / 100;
            let location = flexible * 40 / 100;
            let used = flexible.saturating_sub(title + location);
            Columns([ID, STATE, title, 0, location, 0, 0, used])
        }
    }

    /// One row: each cell fitted to its column, a space between.
    fn row(&self, cells: [&str; 8]) -> String {
        let mut out = String::from(" ");
        for (cell, width) in cells.iter().zip(self.0) {
            if width > 0 {
                out.push_str(&fit(cell, width));
                out.push(' ');
            }
        }
        out
    }
}
