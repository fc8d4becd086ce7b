//! The question screen: where you are, the question, guidance, the five levels,
//! the note and the evidence.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{bar, clip, draw_lines, pane_within};
use crate::locale::{Lang, ReportText, ScreenText as S};
use crate::questionnaire::LEVELS;
use crate::text::{multi_line, one_line};
use crate::tui::app::{App, EditorKind, FrameInfo, Hit};
use crate::tui::editor::{str_width, wrap, wrap_lines};

/// Draws the question screen.
pub fn render(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let Some(s) = &app.session else { return };
    let Some(q) = s.questionnaire.questions.get(app.question) else {
        return;
    };
    let t = app.theme;
    let lang = app.lang;
    let answer = s.assessment.answer(&q.id);
    let total = s.questionnaire.questions.len();
    // A proposal nobody confirmed yet (from votes or merged homework) is not an answer.
    let pending = s
        .questionnaire
        .questions
        .iter()
        .filter(|q| {
            s.assessment
                .answer(&q.id)
                .is_some_and(|a| a.consensus_pending && a.is_answered())
        })
        .count();
    let answered = s.scores.overall.covered().saturating_sub(pending);
    let width = usize::from(area.width);
    let inner_w = width.saturating_sub(2);
    let large = area.height >= 34;

    let question_lines = wrap_lines(&one_line(&q.text), inner_w);
    let mut refs = lang.refs(&q.refs);
    if let Some(soa) = soa_line(s, &q.id, lang) {
        refs.push_str(&soa);
    }
    // The references stay on one line, clipped, on a small screen; a large one wraps them
    // (up to three lines) so the crosswalks after the ISO numbers can be read.
    let refs_lines: Vec<String> = match (refs.is_empty(), large) {
        (true, _) => Vec::new(),
        (false, true) => wrap_lines(&one_line(&refs), inner_w.saturating_sub(1))
            .into_iter()
            .take(3)
            .collect(),
        (false, false) => vec![clip(&one_line(&refs), inner_w)],
    };
    let mut guidance_lines = Vec::new();
    if app.show_guidance {
        guidance_lines = wrap_lines(&one_line(&q.guidance), inner_w);
        let examples = q
            .evidence
            .iter()
            .map(|e| one_line(e).into_owned())
            .collect::<Vec<_>>()
            .join(lang.t(ReportText::ListSeparator));
        guidance_lines.extend(wrap_lines(
            &lang.f(S::QuestionEvidenceExamples, &[("examples", &examples)]),
            inner_w,
        ));
    }
    let editing = app.editor.as_ref().map(|e| e.kind);
    // Below 20 rows the note shows as one line (like the evidence) so that all five
    // levels stay on screen.
    let short = area.height < 20;
    let note_height: u16 = match (editing, large) {
        (Some(EditorKind::Note), false) => 6,
        (Some(EditorKind::Note), true) => 10,
        (_, true) => 6,
        _ if short => 1,
        _ => 3,
    };
    let evidence_height: u16 = match (editing, large) {
        (Some(EditorKind::Evidence), false) => 6,
        (Some(EditorKind::Evidence), true) => 8,
        (_, true) => 5,
        _ => 1,
    };
    let level_rows = 5 + u16::from(q.allow_na);
    // The question gets what the levels leave, at least one line.
    let qh = u16::try_from(question_lines.len() + refs_lines.len())
        .unwrap_or(u16::MAX)
        .min(if large { 8 } else { 4 })
        .min(
            area.height
                .saturating_sub(2 + note_height + evidence_height + level_rows)
                .max(1),
        );
    // Guidance shares the room with the levels; when both do not fit, the guidance
    // takes the levels' place until it is hidden again (i).
    let fixed = 2 + qh + note_height + evidence_height;
    let room = area.height.saturating_sub(fixed);
    let wanted = u16::try_from(guidance_lines.len()).unwrap_or(u16::MAX);
    let gh = if wanted + level_rows <= room {
        wanted
    } else if app.show_guidance {
        let gh = room.min(wanted);
        if gh < wanted && gh > 0 {
            guidance_lines.truncate(usize::from(gh - 1));
            guidance_lines.push(lang.t(S::QuestionGuidanceCut).into());
        }
        gh
    } else {
        0
    };
    let [loc, progress, question, guidance, levels, note, evidence] =
        area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(qh),
            Constraint::Length(gh),
            Constraint::Fill(1),
            Constraint::Length(note_height),
            Constraint::Length(evidence_height),
        ]));

    // Where we are.
    let domain = s.questionnaire.domain(&q.domain);
    let mut spans = vec![
        Span::styled(
            lang.f(
                S::QuestionCounter,
                &[("n", &(app.question + 1)), ("total", &total)],
            ),
            t.title(),
        ),
        Span::styled(format!("  {}", one_line(&q.id)), t.muted()),
    ];
    // The earlier round's answer, so the user sees what changed while answering.
    if let Some(before) = s
        .assessment
        .baseline
        .as_ref()
        .and_then(|b| b.answers.get(&q.id))
    {
        let label = match before.level() {
            Some(l) => l.to_string(),
            None => lang.t(S::NotApplicableShort).to_string(),
        };
        spans.push(Span::styled(
            lang.f(S::QuestionLastTime, &[("level", &label)]),
            t.key(),
        ));
    }
    // Evidence can only pull the claim down: say so whenever the two differ.
    let supported = crate::evidence::levels(q, answer);
    match (supported.claimed, supported.evidenced) {
        (Some(c), Some(e)) if c != e => spans.push(Span::styled(
            format!(
                "  {}",
                lang.f(S::ClaimedEvidenced, &[("claimed", &c), ("evidenced", &e)])
            ),
            if c > e { t.warn() } else { t.muted() },
        )),
        (None, Some(e)) => spans.push(Span::styled(
            format!("  {}", lang.f(S::Evidenced, &[("evidenced", &e)])),
            t.muted(),
        )),
        _ => {}
    }
    if let Some(d) = domain {
        let label = if area.width >= 100 {
            format!("{} ({})", one_line(&d.title), one_line(&d.clause))
        } else {
            one_line(d.label()).into_owned()
        };
        spans.push(Span::raw(format!("  · {label}")));
    }
    if q.critical {
        spans.push(Span::styled(lang.t(S::QuestionCritical), t.warn()));
    }
    spans.push(Span::styled(
        lang.f(S::QuestionWeight, &[("weight", &q.weight)]),
        t.muted(),
    ));
    if answer.is_some_and(|a| a.recheck) {
        spans.push(Span::styled(lang.t(S::QuestionRecheck), t.warn()));
    }
    if let Some(a) = answer.filter(|a| a.flagged) {
        let text = if a.flag_reason.is_empty() {
            lang.t(S::QuestionFollowUp).to_string()
        } else {
            lang.f(S::QuestionParked, &[("reason", &one_line(&a.flag_reason))])
        };
        spans.push(Span::styled(text, t.warn()));
    }
    // In a workshop the countdown is on the question screen too.
    if let Some(c) = app.countdown() {
        let text = if c.over {
            lang.f(S::QuestionOvertime, &[("time", &c.label())])
        } else {
            format!("  ⏱ {}", c.label())
        };
        spans.push(Span::styled(
            text,
            if c.over { t.alert() } else { t.good() },
        ));
    }
    draw_lines(vec![Line::from(spans)], loc, frame.buffer_mut());

    // Progress.
    let label = if pending > 0 {
        lang.f(
            S::QuestionProgressPending,
            &[
                ("answered", &answered),
                ("total", &total),
                ("pending", &pending),
            ],
        )
    } else {
        lang.f(
            S::QuestionProgress,
            &[("answered", &answered), ("total", &total)],
        )
    };
    let bar_w = width.saturating_sub(label.len() + 2);
    let (b, _) = bar(Some(answered as f64), None, total.max(1) as f64, bar_w);
    draw_lines(
        vec![Line::from(vec![
            Span::raw(" "),
            Span::styled(b, t.bar()),
            Span::raw(label),
        ])],
        progress,
        frame.buffer_mut(),
    );

    // The question: what does not fit ends with "…", never silently.
    let room = usize::from(qh).saturating_sub(refs_lines.len()).max(1);
    let mut question_lines = question_lines;
    if question_lines.len() > room {
        question_lines.truncate(room);
        if let Some(last) = question_lines.last_mut() {
            *last = format!(
                "{}…",
                clip(last, inner_w.saturating_sub(1)).trim_end_matches('…')
            );
        }
    }
    let mut lines: Vec<Line> = question_lines
        .iter()
        .map(|l| Line::from(Span::styled(format!(" {l}"), t.title())))
        .collect();
    if !refs_lines.is_empty() {
        lines.truncate(room);
        lines.extend(
            refs_lines
                .iter()
                .map(|l| Line::from(Span::styled(format!(" {l}"), t.muted()))),
        );
    }
    draw_lines(lines, question, frame.buffer_mut());
    draw_lines(
        guidance_lines
            .iter()
            .map(|l| Line::from(Span::styled(format!(" {l}"), t.muted())))
            .collect(),
        guidance,
        frame.buffer_mut(),
    );

    if app.checklist.is_some() {
        // The checklist takes the room of the levels, the note and the evidence.
        let [_, _, _, _, below] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(qh),
            Constraint::Length(gh),
            Constraint::Fill(1),
        ]));
        super::checklist::render(app, below, frame);
        return;
    }
    draw_levels(app, levels, frame, info);

    // Note and evidence.
    let note_text = answer.map(|a| a.note.as_str()).unwrap_or("");
    let needs_justification = answer.is_some_and(|a| a.na && a.note.trim().is_empty());
    let note_title = lang.t(if needs_justification {
        S::QuestionNoteNeedsJustification
    } else {
        S::QuestionNote
    });
    draw_text_box(
        app,
        note,
        frame,
        info,
        note_title,
        note_text,
        EditorKind::Note,
    );
    let evidence_text = answer.map(|a| a.evidence.join("\n")).unwrap_or_default();
    draw_text_box(
        app,
        evidence,
        frame,
        info,
        lang.t(S::QuestionEvidenceBox),
        &evidence_text,
        EditorKind::Evidence,
    );
}

fn draw_levels(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let Some(s) = &app.session else { return };
    let Some(q) = s.questionnaire.questions.get(app.question) else {
        return;
    };
    let t = app.theme;
    let answer = s.assessment.answer(&q.id);
    let current = answer.and_then(|a| if a.na { None } else { a.level });
    let na = answer.is_some_and(|a| a.na);
    let name_w: usize = if area.width >= 100 { 22 } else { 15 };
    let prefix_w = name_w + 6;
    let text_w = usize::from(area.width).saturating_sub(prefix_w + 1);
    let mut wrapped: Vec<Vec<String>> = (1..=LEVELS)
        .map(|l| wrap_lines(&one_line(q.level_text(l)), text_w))
        .collect();
    let na_row = u16::from(q.allow_na);
    let avail = usize::from(area.height.saturating_sub(na_row));
    let need: usize = wrapped.iter().map(Vec::len).sum();
    if need > avail {
        // Not room for all: one line each, then the rest to the highlighted level
        // first and to the others in order.
        let mut spare = avail.saturating_sub(usize::from(LEVELS));
        let cursor = usize::from(app.level_cursor.saturating_sub(1));
        let mut keep = vec![1usize; wrapped.len()];
        let order = std::iter::once(cursor).chain((0..wrapped.len()).filter(|i| *i != cursor));
        for i in order {
            let Some(lines) = wrapped.get(i) else {
                continue;
            };
            let more = lines.len().saturating_sub(1).min(spare);
            keep[i] += more;
            spare -= more;
        }
        for (lines, keep) in wrapped.iter_mut().zip(keep) {
            if lines.len() > keep {
                lines.truncate(keep);
                if let Some(last) = lines.last_mut() {
                    *last = format!("{}…", clip(last, text_w.saturating_sub(1)));
                }
            }
        }
    }
    let mut y = area.y;
    let bottom = area.y.saturating_add(area.height);
    let focused = app.editor.is_none() && app.prompt.is_none();
    for (i, lines) in wrapped.iter().enumerate() {
        let level = u8::try_from(i + 1).unwrap_or(LEVELS);
        let is_cursor = focused && level == app.level_cursor;
        let is_answer = current == Some(level);
        let marker = match (is_answer, is_cursor) {
            (true, _) => "●",
            (false, true) => "▸",
            _ => " ",
        };
        let name = format!(
            "{marker} {level} {}",
            super::fit(&one_line(s.questionnaire.level_name(level)), name_w)
        );
        let style = if is_cursor {
            t.selected()
        } else if is_answer {
            t.answer()
        } else {
            t.text()
        };
        let start = y;
        for (k, line) in lines.iter().enumerate() {
            if y >= bottom {
                break;
            }
            let head = if k == 0 {
                format!(" {name} ")
            } else {
                " ".repeat(prefix_w)
            };
            let row = Rect::new(area.x, y, area.width, 1);
            Paragraph::new(Line::from(vec![
                Span::styled(head, style),
                Span::styled(
                    line.clone(),
                    if is_answer || is_cursor {
                        style
                    } else {
                        t.text()
                    },
                ),
            ]))
            .render(row, frame.buffer_mut());
            y = y.saturating_add(1);
        }
        let hit = Rect::new(area.x, start, area.width, y.saturating_sub(start)).intersection(area);
        info.hits.push((hit, Hit::Level(level)));
    }
    if q.allow_na && y < bottom {
        let style = if na { t.answer() } else { t.muted() };
        let marker = if na { "●" } else { " " };
        Paragraph::new(Line::from(Span::styled(
            format!(" {marker} {}", app.lang.t(S::QuestionNotApplicable)),
            style,
        )))
        .render(Rect::new(area.x, y, area.width, 1), frame.buffer_mut());
    }
}

fn draw_text_box(
    app: &App,
    area: Rect,
    frame: &mut Frame,
    info: &mut FrameInfo,
    title: &str,
    stored: &str,
    kind: EditorKind,
) {
    let editor = app.editor.as_ref().filter(|e| e.kind == kind);
    if editor.is_none() && area.height < 3 {
        // Too little room for a box: one line, items separated by semicolons.
        let joined = stored.lines().collect::<Vec<_>>().join("; ");
        let label = title.split(',').next().unwrap_or(title);
        let text = if joined.is_empty() {
            "—".to_string()
        } else {
            one_line(&joined).into_owned()
        };
        let label = app.lang.f(S::BoxLabel, &[("label", &label)]);
        draw_lines(
            vec![Line::from(vec![
                Span::styled(label.clone(), app.theme.title()),
                Span::raw(clip(
                    &text,
                    usize::from(area.width).saturating_sub(str_width(&label)),
                )),
            ])],
            area,
            frame.buffer_mut(),
        );
        return;
    }
    let block = pane_within(title, area.width, app, editor.is_some());
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let width = usize::from(inner.width).max(1);
    let height = usize::from(inner.height);
    let text = editor.map_or(stored, |e| e.area.text());
    let ranges = wrap(text, width);
    let (cursor_row, cursor_col) = editor.map_or((0, 0), |e| e.area.cursor_position(width));
    let first = if editor.is_some() {
        (cursor_row + 1).saturating_sub(height)
    } else {
        0
    };
    if editor.is_some() {
        info.editor_width = inner.width;
    }
    let lines: Vec<Line> = ranges
        .iter()
        .skip(first)
        .take(height)
        .map(|r| Line::from(multi_line(&text[r.clone()]).replace('\n', " ")))
        .collect();
    let empty = text.is_empty() && editor.is_none();
    if empty {
        draw_lines(
            vec![Line::from(Span::styled("—", app.theme.muted()))],
            inner,
            frame.buffer_mut(),
        );
    } else {
        draw_lines(lines, inner, frame.buffer_mut());
    }
    if editor.is_some() && height > 0 {
        let row = cursor_row.saturating_sub(first);
        let x = inner
            .x
            .saturating_add(u16::try_from(cursor_col).unwrap_or(u16::MAX));
        let y = inner
            .y
            .saturating_add(u16::try_from(row).unwrap_or(u16::MAX));
        if inner.contains(Position::new(x, y)) {
            frame.set_cursor_position(Position::new(x, y));
        } else if inner.width > 0 {
            // At the wrap edge: show it on the last cell of the line.
            frame.set_cursor_position(Position::new(
                inner.x.saturating_add(inner.width - 1),
                y.min(inner.y.saturating_add(inner.height.saturating_sub(1))),
            ));
        }
    }
}

/// For a question that assesses controls: their decisions in a few words, and the key
/// to the Statement of Applicability.
fn soa_line(s: &crate::tui::app::Session, question: &str, lang: Lang) -> Option<String> {
    let (mut included, mut excluded, mut undecided) = (0, 0, 0);
    for c in s.questionnaire.controls_of(question) {
        match s.assessment.decision(&c.id).and_then(|d| d.applicable) {
            Some(true) => included += 1,
            Some(false) => excluded += 1,
            None => undecided += 1,
        }
    }
    (included + excluded + undecided > 0).then(|| {
        lang.f(
            S::QuestionControls,
            &[
                ("included", &included),
                ("excluded", &excluded),
                ("undecided", &undecided),
            ],
        )
    })
}
