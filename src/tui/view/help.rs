//! Overlays: the key list (`?`), prompts and yes/no questions.

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{centered, clear, clip, draw_lines, fit, pane, pane_within};
use crate::locale::{ChromeText, Lang};
use crate::text::one_line;
use crate::tui::app::{App, Confirm};
use crate::tui::editor::str_width;
use crate::tui::keys;

/// Draws the key list of the mode under the overlay, from the keymap table; returns
/// how far it can scroll (so the update stops there).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> usize {
    let t = app.theme;
    let lang = app.lang;
    let mode = app.help_mode();
    let rows: Vec<(String, &str)> = keys::bindings(mode)
        .map(|b| (b.keys_label(lang), lang.t(b.help)))
        .collect();
    let key_w = rows
        .iter()
        .map(|(k, _)| str_width(k))
        .max()
        .unwrap_or(0)
        .min(24);
    let width = area.width.min(100);
    // Each help text wraps under itself rather than being cut.
    let text_w = usize::from(width).saturating_sub(key_w + 4).max(10);
    let lines: Vec<Line> = rows
        .iter()
        .flat_map(|(k, h)| {
            crate::tui::editor::wrap_lines(h, text_w)
                .into_iter()
                .enumerate()
                .map(|(i, part)| {
                    let keys = if i == 0 { k.as_str() } else { "" };
                    Line::from(vec![
                        Span::styled(format!(" {} ", fit(keys, key_w)), t.key()),
                        Span::raw(part),
                    ])
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let height = u16::try_from(lines.len() + 4)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = centered(area, width, height);
    clear(rect, buf);
    let inner = pane("", app, true).inner(rect);
    let visible = usize::from(inner.height);
    let max_scroll = lines.len().saturating_sub(visible);
    // Like every list: which lines are shown, and of how many, when not all fit.
    let range = super::shown_in(
        lang,
        &lines,
        app.help_scroll.min(max_scroll),
        visible,
        |_| true,
    );
    let title = lang.f(
        ChromeText::HelpTitle,
        &[("mode", &mode.title(lang)), ("range", &range)],
    );
    // A narrow window ends the title with "…" rather than cutting a word (the
    // French one is longer); inside the borders and the spaces around it.
    pane_within(&title, rect.width, app, true).render(rect, buf);
    let lines: Vec<Line> = lines
        .into_iter()
        .skip(app.help_scroll.min(max_scroll))
        .take(visible)
        .collect();
    draw_lines(lines, inner, buf);
    max_scroll
}

/// Draws the one-line prompt with its cursor.
pub fn prompt(app: &App, area: Rect, frame: &mut Frame) {
    let Some(p) = &app.prompt else { return };
    let rect = centered(area, area.width.min(70), 3);
    clear(rect, frame.buffer_mut());
    let block = pane_within(p.kind.label_in(app.lang), rect.width, app, true);
    let inner = block.inner(rect);
    block.render(rect, frame.buffer_mut());
    let text = one_line(p.input.text()).into_owned();
    let before = str_width(&p.input.text()[..p.input.cursor()]);
    let w = usize::from(inner.width);
    let skip = before.saturating_sub(w.saturating_sub(1));
    let shown: String = {
        let mut acc = 0;
        text.chars()
            .skip_while(|c| {
                let s = acc < skip;
                acc += crate::tui::editor::char_width(*c);
                s
            })
            .collect()
    };
    let style = if p.replace {
        app.theme.selected()
    } else {
        app.theme.text()
    };
    draw_lines(
        vec![Line::from(Span::styled(clip(&shown, w), style))],
        inner,
        frame.buffer_mut(),
    );
    let x = inner
        .x
        .saturating_add(u16::try_from(before - skip).unwrap_or(u16::MAX));
    if inner.contains(Position::new(x, inner.y)) {
        frame.set_cursor_position(Position::new(x, inner.y));
    }
}

/// The words of a yes/no question in `lang`.
fn question(c: &Confirm, lang: Lang) -> String {
    // English says "1 vote", "0 votes"; French puts 0 and 1 in the singular.
    let one = |count: usize| lang.plural(count, "one", "many") == "one";
    match c {
        Confirm::Delete(path) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            lang.f(ChromeText::ConfirmDelete, &[("name", &one_line(&name))])
        }
        Confirm::ReplaceExports(formats) => {
            let files: Vec<&str> = formats.iter().map(|f| f.file_name()).collect();
            // The verb agrees with the number of files, whatever the language's rule
            // for counts: "report.md already exists", "a.md, b.csv already exist".
            let text = if files.len() == 1 {
                ChromeText::ConfirmReplaceOne
            } else {
                ChromeText::ConfirmReplaceMany
            };
            lang.f(text, &[("files", &files.join(", "))])
        }
        Confirm::RemoveParticipant { name, votes } => lang.f(
            if one(*votes) {
                ChromeText::ConfirmRemoveParticipantOne
            } else {
                ChromeText::ConfirmRemoveParticipantMany
            },
            &[("name", &one_line(name)), ("votes", votes)],
        ),
        Confirm::ConfirmUnanimous(questions) => lang.f(
            if one(questions.len()) {
                ChromeText::ConfirmUnanimousOne
            } else {
                ChromeText::ConfirmUnanimousMany
            },
            &[
                ("count", &questions.len()),
                ("questions", &one_line(&questions.join(", "))),
            ],
        ),
        Confirm::RemoveFlag { question, reason } if reason.trim().is_empty() => lang.f(
            ChromeText::ConfirmRemoveFlag,
            &[("question", &one_line(question))],
        ),
        Confirm::RemoveFlag { question, reason } => lang.f(
            ChromeText::ConfirmRemoveFlagReason,
            &[
                ("question", &one_line(question)),
                ("reason", &one_line(reason)),
            ],
        ),
    }
}

/// Draws a yes/no question. Its answers come from the keymap, so they name the keys
/// that really answer it: `y` and `n` in French too (« y oui  n non »). Binding `o`
/// (oui) as well would let a stray `o` — owner, override, folder on other screens —
/// confirm a deletion.
pub fn confirm(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(c) = &app.confirm else { return };
    let lang = app.lang;
    let text = question(c, lang);
    let width = area.width.min(70);
    let lines = crate::tui::editor::wrap_lines(&text, usize::from(width.saturating_sub(2)));
    let height = u16::try_from(lines.len() + 3).unwrap_or(u16::MAX);
    let rect = centered(area, width, height);
    clear(rect, buf);
    let block = pane_within(lang.t(ChromeText::ConfirmTitle), rect.width, app, true);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let mut out: Vec<Line> = lines.into_iter().map(Line::from).collect();
    let mut answers: Vec<Span> = Vec::new();
    for (i, hint) in keys::footer(keys::Mode::Confirm, lang)
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            answers.push(Span::raw("   "));
        }
        answers.push(Span::styled(hint.keys, app.theme.key()));
        answers.push(Span::raw(format!(" {}", hint.hint)));
    }
    out.push(Line::from(answers));
    draw_lines(out, inner, buf);
}

/// Draws a message over the screen (what a migration changed), wrapped to fit.
pub fn notice(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(n) = &app.notice else { return };
    let width = area.width.min(100);
    let text_w = usize::from(width.saturating_sub(2)).max(1);
    let mut out: Vec<Line> = n
        .lines
        .iter()
        .flat_map(|l| {
            if l.is_empty() {
                vec![String::new()]
            } else {
                crate::tui::editor::wrap_lines(&one_line(l), text_w)
            }
        })
        .map(Line::from)
        .collect();
    let enter = keys::Key::Code(KeyCode::Enter).label(app.lang);
    let esc = keys::Key::Code(KeyCode::Esc).label(app.lang);
    out.push(Line::from(with_keys(
        app.lang.t(ChromeText::NoticeCloses),
        &[("enter", &enter), ("esc", &esc)],
        app,
    )));
    let height = u16::try_from(out.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = centered(area, width, height);
    clear(rect, buf);
    let visible = usize::from(height.saturating_sub(2));
    let skip = n.scroll.min(out.len().saturating_sub(visible));
    let title = if out.len() > visible {
        app.lang
            .f(ChromeText::NoticeScrolls, &[("title", &n.title.as_str())])
    } else {
        n.title.clone()
    };
    let block = pane_within(&title, rect.width, app, true);
    let inner = block.inner(rect);
    block.render(rect, buf);
    draw_lines(out.into_iter().skip(skip).collect(), inner, buf);
}

/// A sentence with keys in it, as spans: each `{name}` becomes its key, drawn as a key
/// (the words around it stay where the language puts them).
fn with_keys<'a>(template: &'a str, keys: &[(&str, &str)], app: &App) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some((close, key)) = after
            .find('}')
            .and_then(|close| Some((close, keys.iter().find(|(n, _)| *n == &after[..close])?.1)))
        else {
            break;
        };
        if open > 0 {
            spans.push(Span::raw(&rest[..open]));
        }
        spans.push(Span::styled(key.to_string(), app.theme.key()));
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        spans.push(Span::raw(rest));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_no_questions_count_as_each_language_does() {
        let remove = |votes| Confirm::RemoveParticipant {
            name: "Dana".into(),
            votes,
        };
        // English says "1 vote" and "0 votes"; French puts 0 and 1 in the singular.
        assert!(question(&remove(1), Lang::En).contains("their 1 vote?"));
        assert!(question(&remove(0), Lang::En).contains("their 0 votes?"));
        assert!(question(&remove(0), Lang::Fr).contains("avec 0 vote\u{202f}?"));
        assert!(question(&remove(2), Lang::Fr).contains("avec ses 2 votes\u{202f}?"));
        let flag = Confirm::RemoveFlag {
            question: "ctx-01".into(),
            reason: "à revoir".into(),
        };
        assert_eq!(
            question(&flag, Lang::Fr),
            "Retirer le signalement pour suivi de ctx-01 et son motif «\u{a0}à revoir\u{a0}»\u{202f}?"
        );
        assert_eq!(
            question(&flag, Lang::En),
            "Remove the follow-up flag from ctx-01 and its reason \"à revoir\"?"
        );
    }

    #[test]
    fn keys_in_a_sentence_stay_where_the_language_puts_them() {
        let app = crate::tui::app::App::new(
            crate::questionnaire::Questionnaire::embedded().expect("embedded"),
            crate::tui::theme::Theme::new(true),
            std::path::PathBuf::from("."),
            chrono::DateTime::parse_from_rfc3339("2026-03-02T10:00:00+01:00").expect("date"),
        );
        let words = |lang: Lang, enter: &str, esc: &str| -> Vec<String> {
            with_keys(
                lang.t(ChromeText::NoticeCloses),
                &[("enter", enter), ("esc", esc)],
                &app,
            )
            .into_iter()
            .map(|s| s.content.into_owned())
            .collect()
        };
        assert_eq!(
            words(Lang::En, "Enter", "Esc"),
            ["Enter", " or ", "Esc", " closes"]
        );
        assert_eq!(
            words(Lang::Fr, "Entrée", "Échap"),
            ["Entrée", " ou ", "Échap", "\u{a0}: fermer"]
        );
        assert_eq!(
            ChromeText::NoticeCloses.fr(),
            "{enter} ou {esc}\u{a0}: fermer"
        );
    }
}
