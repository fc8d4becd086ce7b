//! The presenter view: what the room reads on the projector. High contrast, the
//! question in bold on its own band, the five levels as big block digits with the
//! vote histogram under them, the proposed or agreed level highlighted, the
//! divergence marker, and the countdown in big digits. Private notes, evidence and
//! parking reasons are never drawn here.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::bigtext::{self, GLYPH_H};
use super::voting::outcome_text;
use super::{clip, draw_footer, draw_lines};
use crate::questionnaire::LEVELS;
use crate::text::one_line;
use crate::tui::app::App;
use crate::tui::editor::{str_width, wrap_lines};
use crate::workshop::Consensus;
use crate::workshop::timebox::clock;

/// Draws the presenter view over the whole window.
pub fn render(app: &App, area: Rect, frame: &mut Frame) {
    let Some(s) = &app.session else { return };
    let Some(q) = s.questionnaire.questions.get(app.question) else {
        return;
    };
    let t = app.theme;
    let stats = app.current_stats().unwrap_or_default();
    let show_na = q.allow_na || stats.not_applicable > 0;
    let columns = LEVELS + u8::from(show_na);
    // Digits grow with the window: 5 rows at 80×24, 15 at a projector's 200×60.
    let sy: u16 = (area.height.saturating_sub(30) / 10).clamp(1, 3);
    let column_w = area.width / u16::from(columns);
    let sx = (2 * sy).min(column_w.saturating_sub(2) / 3).max(1);
    let digit_h = GLYPH_H * sy;
    let band_h = digit_h + 2;
    let countdown = app.countdown();

    // The question, wrapped to a comfortable reading width.
    let text_w = usize::from(area.width.saturating_sub(6)).min(if area.width >= 120 {
        usize::from(area.width) * 4 / 5
    } else {
        usize::MAX
    });
    let mut question_lines = wrap_lines(&one_line(&q.text), text_w.max(1));
    if area.height >= 45 {
        // Double-spaced on a large screen: easier to read from the back of the room.
        question_lines = question_lines
            .into_iter()
            .flat_map(|l| [l, String::new()])
            .collect();
        question_lines.pop();
    }
    let fixed = 1 + band_h + 1 + 1;
    let rest = area.height.saturating_sub(fixed);
    // The countdown one size smaller than the levels when the levels are big.
    let timer_sy = sy.min(2);
    let timer_h = GLYPH_H * timer_sy + 1;
    let wanted = u16::try_from(question_lines.len().min(11)).unwrap_or(11);
    let big_timer = countdown.is_some() && rest >= wanted.min(3) + timer_h + 2;
    let room_for_question = rest
        .saturating_sub(if big_timer { timer_h } else { 0 })
        .saturating_sub(2);
    let qh = wanted.min(room_for_question).max(1);
    let [title, _, question, _, band, stats_row, _, timer, footer] =
        area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Max(1),
            Constraint::Length(qh),
            Constraint::Fill(1),
            Constraint::Length(band_h),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(if big_timer { timer_h } else { 0 }),
            Constraint::Length(1),
        ]));

    // Title bar: where we are; the clock too when there is no room for it big.
    let total = s.questionnaire.questions.len();
    let mut left = format!(" Question {} of {total}", app.question + 1);
    if let Some(d) = s.questionnaire.domain(&q.domain) {
        let label = if area.width >= 100 {
            format!("{} ({})", one_line(&d.title), one_line(&d.clause))
        } else {
            one_line(d.label()).into_owned()
        };
        left.push_str(&format!(" · {label}"));
    }
    if s.assessment.answer(&q.id).is_some_and(|a| a.flagged) {
        left.push_str(" · ⚑ parked");
    }
    let mut right = String::new();
    if !big_timer && let Some(c) = countdown {
        right.push_str(&format!("⏱ {} ", c.label()));
    }
    if let Some(p) = app.session_pace() {
        right.push_str(&format!(
            "session {} · {} ",
            clock(p.elapsed),
            p.label(app.now)
        ));
    }
    let pad = usize::from(title.width).saturating_sub(str_width(&left) + str_width(&right));
    let bar = if pad > 0 {
        format!("{left}{}{right}", " ".repeat(pad))
    } else {
        clip(&left, usize::from(title.width))
    };
    draw_lines(
        vec![Line::from(Span::styled(bar, t.tab_active()))],
        title,
        frame.buffer_mut(),
    );

    // The question, bold and centred.
    let mut lines: Vec<String> = question_lines.into_iter().take(usize::from(qh)).collect();
    if lines.len() == usize::from(qh)
        && wanted > qh
        && let Some(last) = lines.pop()
    {
        lines.push(format!("{}…", clip(&last, text_w.saturating_sub(1))));
    }
    Paragraph::new(
        lines
            .into_iter()
            .map(|l| Line::from(Span::styled(l, t.strong())))
            .collect::<Vec<_>>(),
    )
    .alignment(Alignment::Center)
    .render(question, frame.buffer_mut());

    // The levels: a big digit each, its name, and the votes it got.
    let outcome = s.assessment.answer(&q.id).and_then(|a| {
        if a.na {
            Some(Consensus::NotApplicable)
        } else {
            a.level.map(Consensus::Level)
        }
    });
    let used = column_w * u16::from(columns);
    let x0 = band.x + band.width.saturating_sub(used) / 2;
    for i in 0..columns {
        let (label, name, count, this) = if i < LEVELS {
            let level = i + 1;
            (
                level.to_string(),
                one_line(s.questionnaire.level_name(level)).into_owned(),
                stats.distribution[usize::from(i)],
                Consensus::Level(level),
            )
        } else {
            (
                "N/A".to_string(),
                "not applicable".to_string(),
                stats.not_applicable,
                Consensus::NotApplicable,
            )
        };
        let col = Rect::new(x0 + column_w * u16::from(i), band.y, column_w, band.height)
            .intersection(band);
        let chosen = outcome == Some(this);
        let style: Style = if chosen {
            t.answer()
        } else if count > 0 {
            t.strong()
        } else {
            t.muted()
        };
        // Largest scale that fits the column (N/A is three glyphs wide).
        let mut scale = sx;
        while scale > 1 && bigtext::size(&label, scale, sy).0 + 2 > col.width {
            scale -= 1;
        }
        let (w, _) = bigtext::size(&label, scale, sy);
        let digits = Rect::new(col.x, col.y, col.width, digit_h.min(col.height));
        if w < col.width {
            let x = col.x + (col.width - w) / 2;
            bigtext::draw(
                &label,
                (x, col.y),
                (scale, sy),
                style,
                digits,
                frame.buffer_mut(),
            );
        } else {
            Paragraph::new(Line::from(Span::styled(label.clone(), style)))
                .alignment(Alignment::Center)
                .render(digits, frame.buffer_mut());
        }
        let cw = usize::from(col.width).saturating_sub(1);
        let name_text = if chosen {
            clip(&format!("▶ {name} ◀"), cw)
        } else {
            clip(&name, cw)
        };
        let bar = if count == 0 {
            "·".to_string()
        } else {
            let n = stats.bar_length(count, cw.saturating_sub(3), 8);
            format!("{} {count}", "█".repeat(n))
        };
        let below = Rect::new(
            col.x,
            col.y.saturating_add(digit_h),
            col.width,
            2.min(col.height.saturating_sub(digit_h)),
        );
        Paragraph::new(vec![
            Line::from(Span::styled(
                name_text,
                if chosen { t.selected() } else { style },
            )),
            Line::from(Span::styled(bar, if chosen { t.answer() } else { t.bar() })),
        ])
        .alignment(Alignment::Center)
        .render(below, frame.buffer_mut());
    }

    // The numbers, the divergence marker and the outcome, in one centred line.
    let people = s.assessment.participants.len();
    let median = stats
        .median
        .map_or("–".to_string(), |m| format!("{m:.1}").replace(".0", ""));
    let spread = stats.spread.map_or("–".to_string(), |x| x.to_string());
    let mut spans = vec![Span::styled(
        format!(
            "{} of {people} voted · median {median} · spread {spread}",
            stats.total_votes()
        ),
        t.strong(),
    )];
    if stats.divergent {
        spans.push(Span::raw("   "));
        spans.push(Span::styled(" DIVERGENT — discuss ", t.alert()));
    }
    match outcome_text(s, q) {
        Some((result, true)) => {
            spans.push(Span::raw("   "));
            spans.push(Span::styled(format!("Proposed: {result}"), t.answer()));
        }
        Some((result, false)) => {
            spans.push(Span::raw("   "));
            spans.push(Span::styled(format!("Agreed: {result} ✓"), t.answer()));
        }
        None => {}
    }
    let waiting: Vec<String> = s
        .assessment
        .participants
        .iter()
        .filter(|p| {
            !s.assessment
                .answer(&q.id)
                .is_some_and(|a| a.votes.contains_key(*p))
        })
        .map(|p| one_line(p).into_owned())
        .collect();
    if let Some(next) = app.selected_participant() {
        // The facilitator types on the projected screen: whose vote the next digit is.
        spans.push(Span::styled(
            format!("   next vote: {}", one_line(&next)),
            t.muted(),
        ));
    }
    if !waiting.is_empty() && people > 0 {
        spans.push(Span::styled(
            format!("   waiting for: {}", waiting.join(", ")),
            t.muted(),
        ));
    }
    Paragraph::new(Line::from(spans))
        .alignment(Alignment::Center)
        .render(stats_row, frame.buffer_mut());

    // The countdown, big.
    if big_timer && let Some(c) = countdown {
        let label = c.label();
        let timer_sx = 2 * timer_sy;
        let (w, _) = bigtext::size(&label, timer_sx, timer_sy);
        let x = timer.x + timer.width.saturating_sub(w) / 2;
        let style = if c.over { t.alert() } else { t.good() };
        bigtext::draw(
            &label,
            (x, timer.y),
            (timer_sx, timer_sy),
            style,
            timer,
            frame.buffer_mut(),
        );
        let timebox = crate::workshop::timebox::timebox_seconds(&s.assessment);
        let caption = if c.over {
            format!("over the {} timebox", clock(timebox))
        } else {
            format!("left of {} for this question", clock(timebox))
        };
        let timer_digits_h = GLYPH_H * timer_sy;
        let caption_row = Rect::new(
            timer.x,
            timer.y.saturating_add(timer_digits_h),
            timer.width,
            1.min(timer.height.saturating_sub(timer_digits_h)),
        );
        Paragraph::new(Line::from(Span::styled(
            caption,
            if c.over { t.warn() } else { t.muted() },
        )))
        .alignment(Alignment::Center)
        .render(caption_row, frame.buffer_mut());
    }

    draw_footer(app, footer, frame.buffer_mut());
}
