//! The presenter view: what the room reads on the projector. The screen goes to what
//! the room needs, in this order: the question (large, its short title on a band), the
//! votes as bars scaled to the width with the numbers and the outcome, what the levels
//! around the vote mean for this question, who has not voted (wrapped, never cut
//! silently), the previous question's result and the day's progress. The countdown is
//! a chip on the title bar (big digits only where rows are plentiful); over time it is
//! marked in words and in reverse video, so it reads in any terminal. Private notes,
//! evidence and parking reasons are never drawn here.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::bigtext::{self, GLYPH_H};
use super::voting::{clip_spans, outcome_text, vote_numbers};
use super::{clip, draw_footer, draw_lines, fit};
use crate::locale::RoomText as R;
use crate::questionnaire::{LEVELS, Question};
use crate::text::one_line;
use crate::tui::app::{App, Session};
use crate::tui::editor::{str_width, wrap_lines};
use crate::workshop::timebox::{self, Countdown, clock};
use crate::workshop::{Consensus, VoteStats};

/// Draws the presenter view over the whole window.
pub fn render(app: &App, area: Rect, frame: &mut Frame) {
    let Some(s) = &app.session else { return };
    let Some(q) = s.questionnaire.questions.get(app.question) else {
        return;
    };
    let stats = app.current_stats().unwrap_or_default();
    let show_na = q.allow_na || stats.not_applicable > 0;
    let large = area.height >= 40;
    let width = usize::from(area.width);
    // A reading width, not the whole projector: long lines are hard to follow.
    let text_w = width.saturating_sub(4).clamp(1, 110);

    // The question: double-spaced on a large screen, easier to read from the back.
    let mut question_lines = wrap_lines(&one_line(&q.text), text_w);
    if large {
        question_lines = question_lines
            .into_iter()
            .flat_map(|l| [l, String::new()])
            .collect();
        question_lines.pop();
    }
    let vote_rows = u16::from(LEVELS) + u16::from(show_na);
    let side_by_side = area.width >= 120;
    // Bars grow with the screen (they are what the room looks at): 1 row at 40 rows,
    // 2 from 50, 3 from 60.
    let bar_h: u16 = if side_by_side {
        (area.height.saturating_sub(30) / 10).clamp(1, 3)
    } else {
        1
    };
    let votes_h = vote_rows * bar_h + 2 + u16::from(stats.divergent);
    let waiting = waiting_lines(app, s, q, width);
    let waiting_h = u16::try_from(waiting.len()).unwrap_or(u16::MAX);
    let countdown = app.countdown();
    // The big countdown: 5 rows from 40 rows, 10 from 60.
    let timer_sy: u16 = if area.height >= 60 { 2 } else { 1 };
    let timer_h = if large && countdown.is_some() && app.on_break.is_none() {
        GLYPH_H * timer_sy + 1
    } else {
        0
    };
    // Fixed rows: title, title band of the question, votes, waiting, bottom, footer.
    let fixed = 1 + 1 + votes_h + waiting_h + 1 + 1 + timer_h;
    let wanted = u16::try_from(question_lines.len()).unwrap_or(u16::MAX);
    // The question keeps at least 2 rows; the descriptors get the rest.
    let qh = wanted
        .min(area.height.saturating_sub(fixed + 3).max(2))
        .min(if large { 12 } else { 4 });
    let [
        title,
        band,
        question,
        gap,
        middle,
        timer,
        waiting_area,
        bottom,
        footer,
    ] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(qh),
        Constraint::Length(u16::from(large)),
        Constraint::Fill(1),
        Constraint::Length(timer_h),
        Constraint::Length(waiting_h),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    let _ = gap;

    draw_title(app, s, q, countdown, title, frame);
    draw_question(app, q, &question_lines, qh, band, question, frame);

    // Votes beside the descriptors on a wide screen, above them otherwise.
    let (votes_area, levels_area) = if side_by_side {
        let [v, _, l] = middle.layout(&Layout::horizontal([
            Constraint::Percentage(45),
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        (v, l)
    } else {
        let [v, l] = middle.layout(&Layout::vertical([
            Constraint::Length(votes_h.min(middle.height)),
            Constraint::Fill(1),
        ]));
        (v, l)
    };
    draw_votes(app, s, q, &stats, show_na, bar_h, votes_area, frame);
    draw_descriptors(app, s, q, &stats, levels_area, frame);
    if let Some(c) = countdown.filter(|_| timer_h > 0) {
        draw_big_countdown(app, s, c, timer_sy, timer, frame);
    }
    draw_lines(waiting, waiting_area, frame.buffer_mut());
    draw_bottom(app, s, bottom, frame);
    draw_footer(app, footer, frame.buffer_mut());
}

/// The title bar: where we are, and the countdown chip on the right.
fn draw_title(
    app: &App,
    s: &Session,
    q: &Question,
    countdown: Option<Countdown>,
    area: Rect,
    frame: &mut Frame,
) {
    let t = app.theme;
    let lang = app.lang;
    let total = s.questionnaire.questions.len();
    let counter = lang.f(
        R::QuestionCounter,
        &[("n", &(app.question + 1)), ("total", &total)],
    );
    let mut left = format!(" {counter}");
    if let Some(d) = s.questionnaire.domain(&q.domain) {
        let label = if area.width >= 100 {
            format!("{} ({})", one_line(&d.title), one_line(&d.clause))
        } else {
            one_line(d.label()).into_owned()
        };
        left.push_str(&format!(" · {label}"));
    }
    if s.assessment.answer(&q.id).is_some_and(|a| a.flagged) {
        left.push_str(&format!(" · {}", lang.t(R::ParkedMark)));
    }
    let (chip, chip_style) = timer_chip(app, countdown);
    let room = usize::from(area.width).saturating_sub(str_width(&chip));
    let spans = vec![
        Span::styled(fit(&left, room), t.tab_active()),
        Span::styled(chip, chip_style),
    ];
    draw_lines(vec![Line::from(spans)], area, frame.buffer_mut());
}

/// The countdown in words: time left, or OVER TIME in reverse video (readable on a
/// light or dark terminal, with or without colour), or the break.
fn timer_chip(app: &App, countdown: Option<Countdown>) -> (String, Style) {
    let t = app.theme;
    let lang = app.lang;
    let reverse = Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD);
    if let Some(since) = app.on_break {
        let chip = lang.f(R::BreakChip, &[("time", &lang.time_of_day(since))]);
        return (format!(" {chip} "), reverse);
    }
    match countdown {
        // Red background and white text in colour, reverse video without: never
        // white on white.
        Some(c) if c.over => (
            format!(" {} ", lang.f(R::OverTimeChip, &[("over", &c.label())])),
            t.alert(),
        ),
        Some(c) => (
            format!(" {} ", lang.f(R::LeftChip, &[("left", &c.label())])),
            t.tab_active(),
        ),
        None => (String::new(), t.tab_active()),
    }
}

fn draw_question(
    app: &App,
    q: &Question,
    lines: &[String],
    qh: u16,
    band: Rect,
    area: Rect,
    frame: &mut Frame,
) {
    let t = app.theme;
    let title = format!(" {} · {} ", one_line(&q.id), one_line(q.short_title()));
    Paragraph::new(Line::from(Span::styled(
        clip(&title, usize::from(band.width)),
        t.selected(),
    )))
    .alignment(Alignment::Center)
    .render(band, frame.buffer_mut());
    let mut shown: Vec<String> = lines.iter().take(usize::from(qh)).cloned().collect();
    if lines.len() > usize::from(qh)
        && let Some(last) = shown.pop()
    {
        // Cut, and said to be: the Question screen has the whole text.
        shown.push(format!(
            "{}…",
            clip(&last, usize::from(area.width).saturating_sub(5))
        ));
    }
    Paragraph::new(
        shown
            .into_iter()
            .map(|l| Line::from(Span::styled(l, t.strong())))
            .collect::<Vec<_>>(),
    )
    .alignment(Alignment::Center)
    .render(area, frame.buffer_mut());
}

/// The bars, one per level (and N/A), scaled to the width; then the numbers and the
/// outcome.
#[allow(clippy::too_many_arguments)]
fn draw_votes(
    app: &App,
    s: &Session,
    q: &Question,
    stats: &VoteStats,
    show_na: bool,
    bar_h: u16,
    area: Rect,
    frame: &mut Frame,
) {
    let t = app.theme;
    let lang = app.lang;
    let w = usize::from(area.width);
    let name_w = (1..=LEVELS)
        .map(|l| str_width(&one_line(s.questionnaire.level_name(l))) + 2)
        .max()
        .unwrap_or(6)
        .min(w / 2);
    let outcome = s.assessment.answer(&q.id).and_then(|a| a.result());
    let mut rows: Vec<(String, usize, Consensus)> = (1..=LEVELS)
        .map(|l| {
            (
                format!("{l} {}", one_line(s.questionnaire.level_name(l))),
                stats.distribution[usize::from(l - 1)],
                Consensus::Level(l),
            )
        })
        .collect();
    if show_na {
        rows.push((
            lang.t(R::NotApplicable).to_string(),
            stats.not_applicable,
            Consensus::NotApplicable,
        ));
    }
    // Room for the bar: the width less the name, the count and the marker.
    let room = w.saturating_sub(name_w + 9);
    let mut lines = Vec::new();
    for (name, count, this) in rows {
        let chosen = outcome == Some(this);
        let bar = "█".repeat(stats.bar_length(count, room, room));
        let count_text = if count == 0 {
            " ·".to_string()
        } else {
            format!(" {count}")
        };
        let marker = if chosen { " ◀" } else { "" };
        let label_style = if chosen {
            t.selected()
        } else if count > 0 {
            t.strong()
        } else {
            t.muted()
        };
        let line = Line::from(vec![
            Span::styled(format!(" {} ", fit(&name, name_w)), label_style),
            Span::styled(bar.clone(), if chosen { t.answer() } else { t.bar() }),
            Span::styled(format!("{count_text}{marker}"), label_style),
        ]);
        lines.push(line);
        for _ in 1..bar_h {
            lines.push(Line::from(vec![
                Span::raw(format!(" {} ", " ".repeat(name_w))),
                Span::styled(bar.clone(), if chosen { t.answer() } else { t.bar() }),
            ]));
        }
    }
    let numbers = vec![Span::styled(
        clip(&format!(" {}", vote_numbers(lang, s, q, stats, w)), w),
        t.strong(),
    )];
    lines.push(Line::from(numbers));
    if stats.divergent {
        lines.push(Line::from(vec![
            Span::raw(" "),
            Span::styled(
                {
                    let long = format!(" {} ", lang.t(R::DivergentLong));
                    // The long form with a little air around it (60 columns in English).
                    if w >= str_width(&long) + 5 {
                        long
                    } else {
                        format!(" {} ", lang.t(R::DivergentShort))
                    }
                },
                t.alert(),
            ),
        ]));
    }
    let answer = s.assessment.answer(&q.id);
    let outcome_line = match outcome_text(lang, s, q) {
        Some((result, true)) => clip_spans(
            vec![
                Span::raw(format!(" {}", lang.t(R::Proposed))),
                Span::styled(result, t.answer()),
                Span::styled(format!(" {}", lang.t(R::NotConfirmedYet)), t.muted()),
            ],
            w,
        ),
        Some((result, false)) => {
            let how = if answer.is_some_and(|a| a.consensus_override.is_some()) {
                R::AgreedOverride
            } else {
                R::AgreedMark
            };
            clip_spans(
                vec![
                    Span::raw(format!(" {}", lang.t(R::Agreed))),
                    Span::styled(result, t.answer()),
                    Span::styled(format!(" {}", lang.t(how)), t.good()),
                ],
                w,
            )
        }
        None => Line::from(Span::styled(
            format!(" {}", lang.t(R::NoVotesYet)),
            t.muted(),
        )),
    };
    lines.push(outcome_line);
    draw_lines(lines, area, frame.buffer_mut());
}

/// The level the room is discussing: the result, else the lower median, else the
/// middle of the scale.
fn level_in_focus(s: &Session, q: &Question, stats: &VoteStats) -> u8 {
    s.assessment
        .answer(&q.id)
        .and_then(|a| a.level)
        .or(stats.lower_median)
        .unwrap_or(LEVELS.div_ceil(2))
}

/// What the levels around the vote mean for this question: the level in focus first,
/// then the lowest and highest voted, then its neighbours, as many as fit; shown in
/// level order, the one in focus marked.
fn draw_descriptors(
    app: &App,
    s: &Session,
    q: &Question,
    stats: &VoteStats,
    area: Rect,
    frame: &mut Frame,
) {
    let t = app.theme;
    if area.height < 2 || q.levels.is_empty() {
        return;
    }
    let focus = level_in_focus(s, q, stats);
    let mut wanted: Vec<u8> = vec![focus];
    for l in [stats.min, stats.max, focus.checked_sub(1), Some(focus + 1)]
        .into_iter()
        .flatten()
        .chain(1..=LEVELS)
    {
        if (1..=LEVELS).contains(&l) && !wanted.contains(&l) {
            wanted.push(l);
        }
    }
    let w = usize::from(area.width).saturating_sub(4).max(1);
    let blocks: Vec<(u8, Vec<String>)> = wanted
        .into_iter()
        .map(|l| {
            let text = q
                .levels
                .get(usize::from(l - 1))
                .map(|d| one_line(d).into_owned())
                .unwrap_or_default();
            let head = app.lang.f(
                R::LevelHead,
                &[
                    ("level", &l),
                    ("name", &one_line(s.questionnaire.level_name(l))),
                ],
            );
            (l, wrap_lines(&format!("{head}{text}"), w))
        })
        .collect();
    // As many whole descriptors as fit, the one in focus always (cut if it must be).
    let mut height = 1usize;
    let mut chosen: Vec<&(u8, Vec<String>)> = Vec::new();
    for block in &blocks {
        let need = block.1.len() + usize::from(!chosen.is_empty());
        if height + need > usize::from(area.height) && !chosen.is_empty() {
            break;
        }
        height += need;
        chosen.push(block);
    }
    chosen.sort_by_key(|(l, _)| *l);
    let left_out = blocks.len() - chosen.len();
    let lang = app.lang;
    let heading = if left_out > 0 {
        lang.f(
            lang.plural(left_out, R::LevelsHereMoreOne, R::LevelsHereMoreMany),
            &[("n", &left_out)],
        )
    } else {
        lang.t(R::LevelsHere).to_string()
    };
    let mut lines = vec![Line::from(Span::styled(
        clip(&format!(" {heading}"), usize::from(area.width)),
        t.muted(),
    ))];
    for (i, (level, text)) in chosen.iter().enumerate() {
        if i > 0 {
            lines.push(Line::from(""));
        }
        let in_focus = *level == focus;
        for (j, row) in text.iter().enumerate() {
            let mark = match (j, in_focus) {
                (0, true) => " ▶ ",
                _ => "   ",
            };
            lines.push(Line::from(Span::styled(
                format!("{mark}{row}"),
                if in_focus { t.strong() } else { t.text() },
            )));
        }
    }
    draw_lines(lines, area, frame.buffer_mut());
}

/// "Not voted yet" with every name still to vote, wrapped over as many rows as it
/// needs (at most a third of the screen; past that the count of the rest is said).
fn waiting_lines<'a>(app: &App, s: &Session, q: &Question, width: usize) -> Vec<Line<'a>> {
    let t = app.theme;
    let lang = app.lang;
    let votes = s.assessment.answer(&q.id).map(|a| &a.votes);
    let waiting: Vec<String> = s
        .assessment
        .participants
        .iter()
        .filter(|p| crate::workshop::attendance::is_present(&s.assessment, p))
        .filter(|p| !votes.is_some_and(|v| v.contains_key(*p)))
        .map(|p| one_line(p).into_owned())
        .collect();
    if s.assessment.participants.is_empty() {
        return Vec::new();
    }
    if waiting.is_empty() {
        return vec![Line::from(Span::styled(
            format!(" {}", lang.t(R::EveryoneVoted)),
            t.good(),
        ))];
    }
    let next = app
        .next_voter_from(app.voting_cursor)
        .and_then(|i| s.assessment.participants.get(i))
        .map(|n| one_line(n).into_owned());
    let head = format!(" {}", lang.f(R::NotVotedYet, &[("n", &waiting.len())]));
    let text = format!("{head}{}", waiting.join(", "));
    let mut rows: Vec<String> = wrap_lines(&text, width.saturating_sub(3).max(1))
        .into_iter()
        .enumerate()
        .map(|(i, r)| if i == 0 { r } else { format!("   {r}") })
        .collect();
    let max_rows = 4usize;
    if rows.len() > max_rows {
        rows.truncate(max_rows);
        if let Some(last) = rows.last_mut() {
            let others = lang.f(R::AndOthers, &[("names", &"")]);
            let room = width.saturating_sub(str_width(&others) + 3);
            *last = lang.f(R::AndOthers, &[("names", &clip(last, room))]);
        }
    }
    let mut lines: Vec<Line> = rows
        .into_iter()
        .map(|r| Line::from(Span::styled(r, t.strong())))
        .collect();
    if let Some(name) = next {
        // The facilitator types on the projected screen: whose vote the next digit is.
        lines.push(Line::from(Span::styled(
            clip(
                &format!(" {}", lang.f(R::NextVote, &[("name", &name)])),
                width,
            ),
            t.muted(),
        )));
    }
    lines
}

/// The previous question's result and the day's progress.
fn draw_bottom(app: &App, s: &Session, area: Rect, frame: &mut Frame) {
    let t = app.theme;
    let lang = app.lang;
    let previous = app
        .previous_question
        .and_then(|i| s.questionnaire.questions.get(i))
        .map(|p| {
            let result =
                outcome_text(lang, s, p).map_or(lang.t(R::NoAnswer).to_string(), |(r, pending)| {
                    if pending {
                        lang.f(R::ProposedResult, &[("result", &r)])
                    } else {
                        r
                    }
                });
            let previous = lang.f(
                R::Previous,
                &[("id", &one_line(&p.id)), ("result", &result)],
            );
            format!(" {previous}")
        })
        .unwrap_or_default();
    let (settled, left) = timebox::progress(&s.questionnaire, &s.assessment);
    let mut progress = lang.f(
        lang.plural(settled, R::SettledOne, R::SettledMany),
        &[("settled", &settled), ("total", &(settled + left))],
    );
    if let Some(p) = app.session_pace() {
        if area.width >= 100 {
            let session = lang.f(R::SessionElapsed, &[("elapsed", &clock(p.elapsed))]);
            progress.push_str(&format!(" · {session}"));
        }
        progress.push_str(&format!(" · {}", lang.pace_brief(&p, app.now)));
    }
    progress.push(' ');
    let room = usize::from(area.width).saturating_sub(str_width(&progress));
    // A space between the two; the previous result goes whole, or cut with … when a
    // useful part fits, else not at all ("1 In…12 of 48" helps nobody).
    let shown = if str_width(&previous) < room || room > 24 {
        clip(&previous, room.saturating_sub(1))
    } else {
        String::new()
    };
    draw_lines(
        vec![Line::from(vec![
            Span::styled(fit(&shown, room), t.text()),
            Span::styled(progress, t.muted()),
        ])],
        area,
        frame.buffer_mut(),
    );
}

/// The countdown big (a large screen only), in red glyphs with a caption in words when
/// over time: never white blocks on a light background.
fn draw_big_countdown(
    app: &App,
    s: &Session,
    c: Countdown,
    sy: u16,
    area: Rect,
    frame: &mut Frame,
) {
    let t = app.theme;
    let label = c.label();
    let sx = 2 * sy;
    let (w, digits_h) = bigtext::size(&label, sx, sy);
    let x = area.x + area.width.saturating_sub(w) / 2;
    let style = if c.over { t.warn() } else { t.good() };
    bigtext::draw(
        &label,
        (x, area.y),
        (sx, sy),
        style,
        area,
        frame.buffer_mut(),
    );
    let timebox = timebox::timebox_seconds(&s.assessment);
    let lang = app.lang;
    let (caption, caption_style) = if c.over {
        let caption = lang.f(R::OverTimeCaption, &[("timebox", &clock(timebox))]);
        (format!(" {caption} "), t.alert())
    } else {
        (
            lang.f(R::LeftCaption, &[("timebox", &clock(timebox))]),
            t.muted(),
        )
    };
    let caption_row = Rect::new(
        area.x,
        area.y.saturating_add(digits_h),
        area.width,
        1.min(area.height.saturating_sub(digits_h)),
    );
    Paragraph::new(Line::from(Span::styled(caption, caption_style)))
        .alignment(Alignment::Center)
        .render(caption_row, frame.buffer_mut());
}
