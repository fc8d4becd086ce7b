//! The evidence register: one row per item (id, file state once checked, title,
//! kind, location, date, owner, where it is used) and the selected item in full below.
//! A narrow window keeps id, state, title, location and uses in the rows; the rest
//! is in the panel below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{clip, draw_lines, fit, pane_within, row_style, window_start};
use crate::evidence::{EvidenceItem, EvidenceKind, VerifyStatus};
use crate::locale::{Lang, ReportText, ScreenText as S};
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
    let lang = app.lang;
    let items = &s.assessment.evidence;
    let title = match &app.register.pick {
        Some(target) => lang.f(
            S::RegisterPick,
            &[(
                "target",
                &one_line(target.check.as_deref().unwrap_or(&target.question)),
            )],
        ),
        None => lang.f(
            lang.plural(items.len(), S::RegisterTitleOne, S::RegisterTitleMany),
            &[("count", &items.len())],
        ),
    };
    let block = pane_within(&title, area.width, app, true);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    if items.is_empty() {
        draw_lines(
            lang.t(S::RegisterEmpty)
                .lines()
                .map(|l| Line::from(Span::styled(l, t.muted())))
                .collect(),
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
    let columns = Columns::for_width(w, kind_width(lang));
    draw_lines(
        vec![Line::from(Span::styled(
            columns.row(
                [
                    S::RegisterId,
                    S::RegisterFileNow,
                    S::RegisterTitle,
                    S::RegisterKind,
                    S::RegisterLocation,
                    S::RegisterDated,
                    S::RegisterOwner,
                    S::RegisterUsedBy,
                ]
                .map(|h| lang.t(h)),
            ),
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
            state.word(lang),
            &one_line(&item.title),
            kind(lang, item.kind),
            &clip_start(&one_line(&item.location), columns.0[4]),
            &dated,
            &one_line(&item.owner),
            &one_line(&used),
        ]);
        let selected = i == cursor;
        let style = if !selected
            && matches!(
                state,
                FileState::Found(VerifyStatus::Changed | VerifyStatus::Missing)
            ) {
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
    let lang = app.lang;
    let Some(s) = &app.session else {
        return Vec::new();
    };
    // The labels' column holds the longest label and a space (English: 9 columns).
    let label_w = (S::widest(
        lang,
        &[
            S::RegisterLabelLocation,
            S::RegisterLabelUsedBy,
            S::RegisterLabelFileNow,
        ],
    ) + 1)
        .max(9);
    let line = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!(" {}", fit(label, label_w)), t.muted()),
            Span::styled(clip(&value, w.saturating_sub(label_w + 1)), t.text()),
        ])
    };
    let mut summary = vec![kind(lang, item.kind).to_string()];
    if let Some(bytes) = item.bytes {
        summary.push(lang.f(S::RegisterBytes, &[("count", &bytes)]));
    }
    if let Some(d) = item.dated {
        summary.push(lang.f(S::RegisterDatedOn, &[("date", &d)]));
    }
    if !item.owner.trim().is_empty() {
        summary.push(lang.f(S::RegisterOwnerIs, &[("owner", &one_line(&item.owner))]));
    }
    let used = s.assessment.used_by(&item.id);
    let (state, reason) = file_state(app, item);
    let now = match (item.kind, state, reason) {
        (EvidenceKind::File, FileState::Unknown, _) => lang.t(S::RegisterNotChecked).to_string(),
        (EvidenceKind::File, state, Some(why)) => lang.f(
            S::RegisterStateBecause,
            &[("state", &state.word(lang)), ("reason", &one_line(why))],
        ),
        (EvidenceKind::File, state, None) => state.word(lang).to_string(),
        _ => lang.t(S::RegisterNotAFile).to_string(),
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
        line(
            lang.t(S::RegisterLabelLocation),
            one_line(&item.location).into_owned(),
        ),
        line(
            "SHA-256",
            item.sha256
                .as_deref()
                .map_or("–".to_string(), |h| one_line(h).into_owned()),
        ),
        line(
            lang.t(S::RegisterLabelUsedBy),
            if used.is_empty() {
                lang.t(S::RegisterUnused).to_string()
            } else {
                one_line(&used.join(", ")).into_owned()
            },
        ),
        line(lang.t(S::RegisterLabelFileNow), now),
    ]
}

/// What the last check knows of a file item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileState {
    /// Not checked yet, or not a file.
    Unknown,
    /// Its answer is awaited.
    Checking,
    /// What the check found.
    Found(VerifyStatus),
}

impl FileState {
    /// The word for the state's column (empty when nothing is known).
    fn word(self, lang: Lang) -> &'static str {
        match self {
            FileState::Unknown => "",
            FileState::Checking => lang.t(S::FileChecking),
            FileState::Found(VerifyStatus::Unchanged) => lang.t(S::FileUnchanged),
            FileState::Found(VerifyStatus::Changed) => lang.t(S::FileChanged),
            FileState::Found(VerifyStatus::Missing) => lang.t(S::FileMissing),
        }
    }
}

/// What the last check found for a file item, and the reason.
fn file_state<'a>(app: &'a App, item: &EvidenceItem) -> (FileState, Option<&'a str>) {
    if item.kind != EvidenceKind::File {
        return (FileState::Unknown, None);
    }
    let Some(v) = &app.register.verify else {
        return (FileState::Unknown, None);
    };
    match v.found.get(&item.id) {
        Some((status, reason)) => (FileState::Found(*status), reason.as_deref()),
        None if !v.done() => (FileState::Checking, None),
        None => (FileState::Unknown, None),
    }
}

/// An evidence item's kind in words, as the report writes it.
fn kind(lang: Lang, kind: EvidenceKind) -> &'static str {
    lang.t(match kind {
        EvidenceKind::File => ReportText::KindFile,
        EvidenceKind::Link => ReportText::KindLink,
        EvidenceKind::Record => ReportText::KindRecord,
    })
}

/// The kind column's width: its longest word (English: 6 columns, "record").
fn kind_width(lang: Lang) -> usize {
    [EvidenceKind::File, EvidenceKind::Link, EvidenceKind::Record]
        .iter()
        .map(|k| str_width(kind(lang, *k)))
        .max()
        .unwrap_or(0)
        .max(6)
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
    fn for_width(w: usize, kind: usize) -> Self {
        const ID: usize = 6;
        const STATE: usize = 9;
        if w >= WIDE {
            // id, state, title, kind, location, dated, owner, used by; 8 separators.
            let flexible = w.saturating_sub(ID + STATE + kind + 10 + 8);
            let title = flexible * 26 / 100;
            let location = flexible * 34 / 100;
            let owner = flexible * 14 / 100;
            let used = flexible.saturating_sub(title + location + owner);
            Columns([ID, STATE, title, kind, location, 10, owner, used])
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
