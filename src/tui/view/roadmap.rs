//! The roadmap: items by phase with dates, owner and status.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{clip, draw_lines, fit, pane, pane_within, row_style, window_start};
use crate::assessment::PlanStatus;
use crate::locale::{Lang, ReportText, ScreenText as S};
use crate::questionnaire::Effort;
use crate::roadmap::{self, Phase};
use crate::text::one_line;
use crate::tui::app::{App, FrameInfo, Hit};
use crate::tui::editor::str_width;

/// Draws the roadmap.
pub fn render(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let Some(s) = &app.session else { return };
    let t = app.theme;
    let lang = app.lang;
    // Questions parked in a workshop are follow-ups of the plan: listed under it.
    let parked = crate::workshop::follow_ups(&s.questionnaire, &s.assessment);
    let area = if parked.is_empty() {
        area
    } else {
        let rows = u16::try_from(parked.len()).unwrap_or(u16::MAX).min(6) + 2;
        let [plan, lot] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(rows.min(area.height / 2)),
        ]));
        draw_parked(app, &parked, lot, frame);
        plan
    };
    let items = app.roadmap_items();
    let start_date = roadmap::start_date(&s.assessment, app.today());
    let inner = pane("", app, true).inner(area);
    if items.is_empty() {
        let title = roadmap_title(lang, "", items.len(), start_date);
        pane_within(&title, area.width, app, true).render(area, frame.buffer_mut());
        draw_lines(
            vec![Line::from(Span::styled(lang.t(S::RoadmapEmpty), t.muted()))],
            inner,
            frame.buffer_mut(),
        );
        return;
    }
    // Display rows: a heading before each phase, then its items (by item index).
    let mut rows: Vec<Option<usize>> = Vec::new();
    let mut phase: Option<Phase> = None;
    for (i, item) in items.iter().enumerate() {
        if phase != Some(item.phase) {
            rows.push(None);
            phase = Some(item.phase);
        }
        rows.push(Some(i));
    }
    let cursor_row = rows
        .iter()
        .position(|r| *r == Some(app.roadmap_cursor))
        .unwrap_or(0);
    // Underneath, the selected item in full: its owner and question are never cut
    // there, however narrow the columns above.
    let detail_h = if inner.height >= 12 { 3 } else { 0 };
    let [header, list, detail] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(detail_h),
    ]));
    let height = usize::from(list.height);
    info.page_rows = list.height;
    let first = window_start(cursor_row, rows.len(), height);
    let title = roadmap_title(
        lang,
        &super::shown_in(app.lang, &rows, first, height, Option::is_some),
        items.len(),
        start_date,
    );
    pane_within(&title, area.width, app, true).render(area, frame.buffer_mut());
    let w = usize::from(list.width);
    // Owners get the room they need, up to a fifth of the width so the question keeps
    // some; the lines underneath show the selected item's owner and question in full.
    let longest_owner = items
        .iter()
        .filter_map(|i| i.owner.as_deref())
        .map(|o| str_width(&one_line(o)))
        .max()
        .unwrap_or(0);
    let owner_w = longest_owner.clamp(5, (w / 5).max(5));
    let columns = Columns { owner_w, lang };
    draw_lines(
        vec![Line::from(Span::styled(
            fit(&columns.header(), w),
            t.muted(),
        ))],
        header,
        frame.buffer_mut(),
    );
    let mut lines = Vec::new();
    for (k, row) in rows.iter().enumerate().skip(first).take(height) {
        let y = list
            .y
            .saturating_add(u16::try_from(k - first).unwrap_or(u16::MAX));
        match row {
            None => {
                let item = rows[k + 1..]
                    .iter()
                    .flatten()
                    .next()
                    .and_then(|i| items.get(*i));
                if let Some(item) = item {
                    let (from, due) = item.phase.dates(start_date);
                    let text = lang.f(
                        S::RoadmapPhase,
                        &[
                            ("number", &item.phase.number()),
                            ("title", &phase_title(lang, item.phase)),
                            ("from", &from),
                            ("due", &due),
                        ],
                    );
                    lines.push(Line::from(Span::styled(fit(&text, w), t.title())));
                }
            }
            Some(i) => {
                let item = &items[*i];
                // Numbered within its phase: global ranks skip and look like gaps.
                let number = items[..*i].iter().filter(|x| x.phase == item.phase).count() + 1;
                let effort = s
                    .questionnaire
                    .question(&item.question)
                    .map_or("", |q| effort(lang, q.effort));
                let head = columns.row(
                    number,
                    item,
                    effort,
                    item.owner.as_deref().map(one_line).as_deref(),
                );
                let text = s
                    .questionnaire
                    .question(&item.question)
                    .map_or("", |q| q.short_title());
                let selected = *i == app.roadmap_cursor;
                info.hits.push((
                    Rect::new(list.x, y, list.width, 1).intersection(list),
                    Hit::Row(*i),
                ));
                let text_w = w.saturating_sub(str_width(&head));
                lines.push(Line::from(vec![
                    Span::styled(head, row_style(app, selected)),
                    Span::styled(fit(&one_line(text), text_w), row_style(app, selected)),
                ]));
            }
        }
    }
    draw_lines(lines, list, frame.buffer_mut());
    if let Some(item) = items.get(app.roadmap_cursor)
        && detail.height > 0
    {
        let title = s
            .questionnaire
            .question(&item.question)
            .map_or("", |q| q.short_title());
        let (_, due) = item.phase.dates(start_date);
        let owner = item
            .owner
            .as_deref()
            .map_or(lang.t(S::RoadmapNoOwner).to_string(), |o| {
                one_line(o).into_owned()
            });
        let w = usize::from(detail.width);
        let lines = vec![
            Line::from(Span::styled("─".repeat(w), t.border())),
            Line::from(Span::raw(clip(
                &lang.f(
                    S::RoadmapOwnerDue,
                    &[
                        ("owner", &owner),
                        ("due", &due),
                        (
                            "done",
                            &if item.status == PlanStatus::Done {
                                lang.t(S::RoadmapRescore)
                            } else {
                                ""
                            },
                        ),
                    ],
                ),
                w,
            ))),
            Line::from(Span::styled(
                clip(
                    &format!("{} {}", one_line(&item.question), one_line(title)),
                    w,
                ),
                t.muted(),
            )),
        ];
        Paragraph::new(lines).render(detail, frame.buffer_mut());
    }
}

/// The workshop's parking lot as follow-ups: question, owner, due date, reason.
fn draw_parked(
    app: &App,
    parked: &[crate::workshop::ParkedQuestion],
    area: Rect,
    frame: &mut Frame,
) {
    let t = app.theme;
    let lang = app.lang;
    let title = lang.f(S::RoadmapParked, &[("count", &parked.len())]);
    let block = pane_within(&title, area.width, app, false);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let w = usize::from(inner.width);
    let height = usize::from(inner.height);
    // The due column holds a date or "no date" (English: 14 columns).
    let due_w = str_width(&lang.f(S::RoadmapParkedDue, &[("due", &"2000-01-01")]))
        .max(str_width(lang.t(S::RoadmapNoDate)))
        .max(14);
    let mut lines: Vec<Line> = parked
        .iter()
        .take(if parked.len() > height {
            height.saturating_sub(1)
        } else {
            height
        })
        .map(|p| {
            let owner = Some(p.owner.trim())
                .filter(|o| !o.is_empty())
                .unwrap_or("—");
            let due = p.due.map_or(lang.t(S::RoadmapNoDate).to_string(), |d| {
                lang.f(S::RoadmapParkedDue, &[("due", &d)])
            });
            let reason = if p.reason.trim().is_empty() {
                lang.t(S::RoadmapNoReason).to_string()
            } else {
                one_line(&p.reason).into_owned()
            };
            let text = format!(
                " ⚑ {} {} {} {reason}",
                fit(&one_line(&p.id), 10),
                fit(&one_line(owner), 16),
                fit(&due, due_w),
            );
            Line::from(Span::styled(fit(&text, w), t.text()))
        })
        .collect();
    if parked.len() > height {
        lines.push(Line::from(Span::styled(
            lang.f(
                S::RoadmapParkedMore,
                &[("count", &(parked.len() + 1 - height))],
            ),
            t.muted(),
        )));
    }
    draw_lines(lines, inner, frame.buffer_mut());
}

/// The roadmap's columns, so the header and the rows cannot drift apart.
struct Columns {
    owner_w: usize,
    lang: Lang,
}

impl Columns {
    fn header(&self) -> String {
        let lang = self.lang;
        // The owners' column may be narrower than its French name: a short form then.
        let owner = if str_width(lang.t(S::RoadmapOwner)) <= self.owner_w {
            S::RoadmapOwner
        } else {
            S::RoadmapOwnerShort
        };
        format!(
            "{:>3} {:<8} {} {} {} {} {} {}",
            "#",
            "ID",
            fit(lang.t(S::RoadmapNow), 4),
            fit(lang.t(S::RoadmapPriority), 4),
            fit(lang.t(S::RoadmapEffort), 6),
            fit(lang.t(owner), self.owner_w),
            fit(lang.t(S::RoadmapStatus), 11),
            lang.t(S::RoadmapQuestion),
        )
    }

    fn row(
        &self,
        number: usize,
        item: &roadmap::RoadmapItem,
        effort: &str,
        owner: Option<&str>,
    ) -> String {
        let status = self.lang.t(match item.status {
            PlanStatus::Open => S::RoadmapOpen,
            PlanStatus::InProgress => S::RoadmapInProgress,
            // Still on the roadmap, so the question still has its gap: the line
            // underneath says to re-score it.
            PlanStatus::Done => S::RoadmapDone,
        });
        format!(
            "{number:>3} {} {:<4} {:<4} {} {} {} ",
            fit(&one_line(&item.question), 8),
            format!("{}→{}", item.current, item.target),
            format!("{}{}", item.priority, if item.critical { "!" } else { "" }),
            fit(effort, 6),
            fit(owner.unwrap_or("—"), self.owner_w),
            fit(status, 11),
        )
    }
}

/// The roadmap's title: `shown` is the rows shown (" (1–14 of 21, ↑↓)") or nothing.
fn roadmap_title(lang: Lang, shown: &str, count: usize, start: chrono::NaiveDate) -> String {
    lang.f(
        lang.plural(count, S::RoadmapTitleOne, S::RoadmapTitleMany),
        &[("shown", &shown), ("count", &count), ("start", &start)],
    )
}

/// A phase's name, as the report writes it.
fn phase_title(lang: Lang, phase: Phase) -> &'static str {
    lang.t(match phase {
        Phase::QuickWins => ReportText::PhaseQuickWins,
        Phase::Foundations => ReportText::PhaseFoundations,
        Phase::Maturity => ReportText::PhaseMaturity,
    })
}

/// The effort to close a gap, in words.
fn effort(lang: Lang, effort: Effort) -> &'static str {
    lang.t(match effort {
        Effort::Low => S::EffortLow,
        Effort::Medium => S::EffortMedium,
        Effort::High => S::EffortHigh,
    })
}
