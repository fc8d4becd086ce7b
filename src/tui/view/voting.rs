//! The voting screen: the question, the timer and pace, a row per participant with
//! their vote, the distribution with median, spread and the divergence marker, the
//! proposed consensus, and the notes attributed to participants.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{clip, draw_lines, fit, pane, row_style, window_start};
use crate::assessment::Vote;
use crate::locale::{Lang, RoomText as R};
use crate::questionnaire::{LEVELS, Question};
use crate::text::one_line;
use crate::tui::app::{App, FrameInfo, Hit, Session};
use crate::tui::editor::{str_width, wrap_lines};
use crate::workshop::timebox::clock;
use crate::workshop::{Consensus, VoteStats};

/// Draws the voting screen.
pub fn render(app: &App, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let Some(s) = &app.session else { return };
    let Some(q) = s.questionnaire.questions.get(app.question) else {
        return;
    };
    let t = app.theme;
    let stats = app.current_stats().unwrap_or_default();
    let width = usize::from(area.width);
    let large = area.height >= 34;
    let question_lines = wrap_lines(&one_line(&q.text), width.saturating_sub(2));
    let qh = u16::try_from(question_lines.len())
        .unwrap_or(u16::MAX)
        .min(if large { 4 } else { 2 });
    let notes_h: u16 = if large { 8 } else { 4 };
    let [loc, timer, question, panes, notes] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(qh),
        Constraint::Fill(1),
        Constraint::Length(notes_h),
    ]));

    draw_lines(
        vec![location(app, s, q, &stats, width)],
        loc,
        frame.buffer_mut(),
    );
    draw_lines(vec![timer_line(app, width)], timer, frame.buffer_mut());
    let mut lines: Vec<Line> = question_lines
        .iter()
        .take(usize::from(qh))
        .map(|l| Line::from(Span::styled(format!(" {l}"), t.title())))
        .collect();
    if question_lines.len() > usize::from(qh)
        && let Some(last) = lines.pop()
    {
        let text = format!("{}…", clip(&last.to_string(), width.saturating_sub(2)));
        lines.push(Line::from(Span::styled(text, t.title())));
    }
    draw_lines(lines, question, frame.buffer_mut());

    let right_w = if area.width >= 100 {
        area.width / 2
    } else {
        area.width.saturating_sub(34).max(area.width / 2)
    };
    let [left, right] = panes.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(right_w),
    ]));
    draw_participants(app, s, left, frame, info);
    draw_votes(app, s, q, &stats, right, frame);
    draw_notes(app, s, q, notes, frame);
}

/// Where we are, with the divergence and parking markers, in `width` columns (a long
/// parking reason ends in `…`).
fn location<'a>(app: &App, s: &Session, q: &Question, stats: &VoteStats, width: usize) -> Line<'a> {
    let t = app.theme;
    let lang = app.lang;
    let total = s.questionnaire.questions.len();
    let counter = lang.f(
        R::QuestionCounter,
        &[("n", &(app.question + 1)), ("total", &total)],
    );
    let mut spans = vec![
        Span::styled(format!(" {counter}"), t.title()),
        Span::styled(format!("  {}", one_line(&q.id)), t.muted()),
    ];
    if let Some(d) = s.questionnaire.domain(&q.domain) {
        spans.push(Span::raw(format!("  · {}", one_line(d.label()))));
    }
    if q.critical {
        spans.push(Span::styled(format!("  {}", lang.t(R::Critical)), t.warn()));
    }
    if stats.divergent {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            format!(" {} ", lang.t(R::DivergentMark)),
            t.alert(),
        ));
    }
    if let Some(a) = s.assessment.answer(&q.id).filter(|a| a.flagged) {
        let parked = if a.flag_reason.is_empty() {
            lang.t(R::ParkedMark).to_string()
        } else {
            lang.f(
                R::ParkedMarkReason,
                &[("reason", &one_line(&a.flag_reason))],
            )
        };
        spans.push(Span::styled(format!("  {parked}"), t.warn()));
    }
    clip_spans(spans, width)
}

/// The countdown, the session's elapsed time and its pace, in `width` columns (the
/// session's time gives way first: the French pace on another day is long).
pub fn timer_line<'a>(app: &App, width: usize) -> Line<'a> {
    let t = app.theme;
    let lang = app.lang;
    if let Some(since) = app.on_break {
        let banner = lang.f(R::BreakBanner, &[("time", &lang.time_of_day(since))]);
        return clip_spans(vec![Span::styled(format!(" {banner} "), t.alert())], width);
    }
    let Some(c) = app.countdown() else {
        return clip_spans(
            vec![Span::styled(
                format!(" {}", lang.t(R::TimeboxWaits)),
                t.muted(),
            )],
            width,
        );
    };
    let timebox = app.session.as_ref().map_or(0, |s| {
        crate::workshop::timebox::timebox_seconds(&s.assessment)
    });
    let mut spans = vec![if c.over {
        let over = lang.f(
            R::OverTimebox,
            &[("over", &c.label()), ("timebox", &clock(timebox))],
        );
        Span::styled(format!(" {over} "), t.alert())
    } else {
        let left = lang.f(
            R::LeftOfTimebox,
            &[("left", &c.label()), ("timebox", &clock(timebox))],
        );
        Span::styled(format!(" {left}"), t.good())
    }];
    if let Some(p) = app.session_pace() {
        let session = lang.f(R::SessionElapsed, &[("elapsed", &clock(p.elapsed))]);
        spans.push(Span::styled(format!("  · {session}"), t.muted()));
        let style = if p.behind_timebox { t.warn() } else { t.text() };
        spans.push(Span::raw("  · "));
        spans.push(Span::styled(lang.pace(&p, app.now), style));
        if spans_width(&spans) > width {
            spans.remove(1);
        }
    }
    clip_spans(spans, width)
}

fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| str_width(&s.content)).sum()
}

/// A line of spans cut to `width` columns, ending in `…` when cut (never a word cut
/// silently at the screen's edge).
pub fn clip_spans<'a>(spans: Vec<Span<'a>>, width: usize) -> Line<'a> {
    if spans_width(&spans) <= width {
        return Line::from(spans);
    }
    let mut room = width;
    let mut out = Vec::new();
    for span in spans {
        let w = str_width(&span.content);
        if w <= room {
            room -= w;
            out.push(span);
        } else {
            out.push(Span::styled(clip(&span.content, room), span.style));
            break;
        }
    }
    Line::from(out)
}

fn vote_label(lang: Lang, s: &Session, vote: Option<&Vote>) -> String {
    match vote {
        Some(Vote::Level(l)) => format!("{l} {}", one_line(s.questionnaire.level_name(*l))),
        Some(Vote::NotApplicable(_)) => lang.t(R::NotApplicable).to_string(),
        None => "·".to_string(),
    }
}

fn draw_participants(app: &App, s: &Session, area: Rect, frame: &mut Frame, info: &mut FrameInfo) {
    let t = app.theme;
    let lang = app.lang;
    let people = &s.assessment.participants;
    let block = pane(lang.t(R::ParticipantsVotes), app, !app.presenter);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    if people.is_empty() {
        let text = lang.t(R::NoParticipants);
        let lines = wrap_lines(text, usize::from(inner.width).saturating_sub(1))
            .into_iter()
            .map(|l| Line::from(Span::styled(format!(" {l}"), t.muted())))
            .collect();
        draw_lines(lines, inner, frame.buffer_mut());
        return;
    }
    let votes = app
        .current_id()
        .and_then(|id| s.assessment.answer(&id))
        .map(|a| &a.votes);
    let height = usize::from(inner.height);
    info.page_rows = inner.height;
    let w = usize::from(inner.width);
    let name_w = people
        .iter()
        .map(|p| str_width(&one_line(p)))
        .max()
        .unwrap_or(0)
        .clamp(6, w.saturating_sub(16).max(6));
    let start = window_start(app.voting_cursor, people.len(), height);
    let mut lines = Vec::new();
    for (i, name) in people.iter().enumerate().skip(start).take(height) {
        let selected = i == app.voting_cursor;
        let vote = votes.and_then(|v| v.get(name));
        let marker = if selected { "▸" } else { " " };
        let left = crate::workshop::attendance::attendance(&s.assessment, name)
            .left
            .map(|at| {
                format!(
                    "  {}",
                    lang.f(R::LeftAt, &[("time", &lang.time_of_day(at))])
                )
            })
            .unwrap_or_default();
        let text = format!(
            "{marker} {}  {}{left}",
            fit(&one_line(name), name_w),
            vote_label(lang, s, vote)
        );
        let y = inner
            .y
            .saturating_add(u16::try_from(i - start).unwrap_or(u16::MAX));
        info.hits.push((
            Rect::new(inner.x, y, inner.width, 1).intersection(inner),
            Hit::Row(i),
        ));
        let style = if selected {
            row_style(app, true)
        } else if vote.is_none() || !left.is_empty() {
            t.muted()
        } else {
            t.text()
        };
        lines.push(Line::from(Span::styled(fit(&text, w), style)));
    }
    draw_lines(lines, inner, frame.buffer_mut());
}

/// One histogram row per level (and N/A): a bar of `█` per vote.
pub fn histogram_lines<'a>(
    app: &App,
    stats: &VoteStats,
    show_na: bool,
    name_w: usize,
    width: usize,
) -> Vec<Line<'a>> {
    let t = app.theme;
    let Some(s) = &app.session else {
        return Vec::new();
    };
    let room = width.saturating_sub(name_w + 6);
    let mut rows: Vec<(String, usize, bool)> = (1..=LEVELS)
        .map(|l| {
            let name = format!("{l} {}", one_line(s.questionnaire.level_name(l)));
            let proposed = stats.proposal == Some(Consensus::Level(l));
            (name, stats.distribution[usize::from(l - 1)], proposed)
        })
        .collect();
    if show_na {
        rows.push((
            app.lang.t(R::NotApplicable).to_string(),
            stats.not_applicable,
            stats.proposal == Some(Consensus::NotApplicable),
        ));
    }
    rows.into_iter()
        .map(|(name, count, proposed)| {
            let bar = "█".repeat(stats.bar_length(count, room, 3));
            let count_text = if count == 0 {
                "·".to_string()
            } else {
                count.to_string()
            };
            let style: Style = if proposed { t.answer() } else { t.bar() };
            Line::from(vec![
                Span::styled(
                    format!(" {} ", fit(&name, name_w)),
                    if proposed { t.answer() } else { t.text() },
                ),
                Span::styled(bar, style),
                Span::raw(format!(" {count_text}")),
            ])
        })
        .collect()
}

/// The outcome in words: proposed (unconfirmed) or agreed.
pub fn outcome_text(lang: Lang, s: &Session, q: &Question) -> Option<(String, bool)> {
    let a = s.assessment.answer(&q.id)?;
    let result = if a.na {
        lang.t(R::NotApplicable).to_string()
    } else {
        let l = a.level?;
        format!("{l} {}", one_line(s.questionnaire.level_name(l)))
    };
    Some((result, a.consensus_pending))
}

fn draw_votes(
    app: &App,
    s: &Session,
    q: &Question,
    stats: &VoteStats,
    area: Rect,
    frame: &mut Frame,
) {
    let t = app.theme;
    let lang = app.lang;
    let block = pane(lang.t(R::Votes), app, false);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let w = usize::from(inner.width);
    let show_na = q.allow_na || stats.not_applicable > 0;
    let mut lines = histogram_lines(app, stats, show_na, 14, w);

    let numbers = vote_numbers(lang, s, q, stats, w);
    lines.push(Line::from(Span::raw(clip(&format!(" {numbers}"), w))));
    if let Some(next) = app.next_voter_from(app.voting_cursor) {
        let name = s
            .assessment
            .participants
            .get(next)
            .map(|n| one_line(n).into_owned())
            .unwrap_or_default();
        let head = format!(" {}", lang.t(R::NextToVote));
        let room = w.saturating_sub(str_width(&head));
        lines.push(Line::from(vec![
            Span::raw(head),
            Span::styled(clip(&name, room), t.title()),
        ]));
    }
    if stats.divergent {
        lines.push(Line::from(Span::styled(
            clip(&format!(" {} ", lang.t(R::DivergentDiscuss)), w),
            t.alert(),
        )));
    } else if stats.applicability_disputed {
        lines.push(Line::from(Span::styled(
            clip(&format!(" {}", lang.t(R::NaDisputed)), w),
            t.warn(),
        )));
    }
    match outcome_text(lang, s, q) {
        Some((result, true)) => {
            lines.push(clip_spans(
                vec![
                    Span::raw(format!(" {}", lang.t(R::Proposed))),
                    Span::styled(result, t.answer()),
                    Span::styled(format!(" {}", lang.t(R::Unconfirmed)), t.muted()),
                ],
                w,
            ));
            lines.push(Line::from(Span::styled(
                clip(&format!(" {}", lang.t(R::ConfirmOrOverride)), w),
                t.muted(),
            )));
        }
        Some((result, false)) => {
            let answer = s.assessment.answer(&q.id);
            let by_vote = !answer.is_some_and(|a| a.votes.is_empty());
            let overridden = answer.and_then(|a| a.consensus_override.as_ref());
            lines.push(clip_spans(
                vec![
                    Span::raw(format!(" {}", lang.t(R::Agreed))),
                    Span::styled(result, t.answer()),
                    Span::styled(
                        format!(
                            " {}",
                            lang.t(match (overridden, by_vote) {
                                (Some(_), _) => R::OverrideOfVotes,
                                (None, true) => R::Confirmed,
                                (None, false) => R::ScoredWithoutVotes,
                            })
                        ),
                        t.good(),
                    ),
                ],
                w,
            ));
            if let Some(o) = overridden.filter(|o| !o.reason.trim().is_empty()) {
                lines.push(Line::from(Span::styled(
                    clip(
                        &format!(
                            " {}",
                            lang.f(R::Reason, &[("reason", &one_line(&o.reason))])
                        ),
                        w,
                    ),
                    t.muted(),
                )));
            }
        }
        None => lines.push(Line::from(Span::styled(
            clip(&format!(" {}", lang.t(R::NoConsensusYet)), w),
            t.muted(),
        ))),
    }
    draw_lines(lines, inner, frame.buffer_mut());
}

/// "4 of 6 voted · median 3 · spread 3": the numbers under the votes.
/// When the line is wider than `width` with "(+1 who left)", it goes: the median and
/// spread matter more to the room.
pub fn vote_numbers(
    lang: Lang,
    s: &Session,
    q: &Question,
    stats: &VoteStats,
    width: usize,
) -> String {
    let spread = stats.spread.map_or("–".to_string(), |x| x.to_string());
    let numbers = |with_left| {
        lang.f(
            R::VoteNumbers,
            &[
                ("voted", &voted_text(lang, s, q, with_left)),
                ("median", &lang.vote_median(stats.median)),
                ("spread", &spread),
            ],
        )
    };
    let full = numbers(true);
    if str_width(&full) < width {
        full
    } else {
        numbers(false)
    }
}

/// "4 of 5 voted", counting the people in the room, and "+1 who left" for the votes of
/// those who have gone since (their votes count).
pub fn voted_text(lang: Lang, s: &Session, q: &Question, with_left: bool) -> String {
    let a = &s.assessment;
    let votes = a.answer(&q.id).map(|ans| &ans.votes);
    let has = |p: &String| votes.is_some_and(|v| v.contains_key(p));
    let present = |p: &&String| crate::workshop::attendance::is_present(a, p);
    let here = a.participants.iter().filter(present).count();
    let voted_here = a
        .participants
        .iter()
        .filter(present)
        .filter(|p| has(p))
        .count();
    let others = votes.map_or(0, |v| v.len()) - voted_here;
    let text = match (with_left && others > 0, voted_here <= 1) {
        (true, true) => R::VotedOneWithLeft,
        (true, false) => R::VotedManyWithLeft,
        (false, true) => R::VotedOne,
        (false, false) => R::VotedMany,
    };
    lang.f(
        text,
        &[("voted", &voted_here), ("here", &here), ("others", &others)],
    )
}

fn draw_notes(app: &App, s: &Session, q: &Question, area: Rect, frame: &mut Frame) {
    let t = app.theme;
    let block = pane(app.lang.t(R::NotesByParticipant), app, false);
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let w = usize::from(inner.width);
    let notes = s
        .assessment
        .answer(&q.id)
        .map(|a| a.participant_notes.as_slice())
        .unwrap_or_default();
    if notes.is_empty() {
        draw_lines(
            vec![Line::from(Span::styled(" —", t.muted()))],
            inner,
            frame.buffer_mut(),
        );
        return;
    }
    // The latest notes, the newest last.
    let height = usize::from(inner.height);
    let lines: Vec<Line> = notes
        .iter()
        .skip(notes.len().saturating_sub(height))
        .map(|n| {
            let by = app.lang.f(R::NoteBy, &[("name", &one_line(&n.by))]);
            Line::from(vec![
                Span::styled(format!(" {by}"), t.title()),
                Span::raw(clip(
                    &one_line(&n.text),
                    w.saturating_sub(str_width(&by) + 1),
                )),
            ])
        })
        .collect();
    draw_lines(lines, inner, frame.buffer_mut());
}
