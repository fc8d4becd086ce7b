//! Semantic styles. With `NO_COLOR` set, the plain variant keeps every distinction
//! that matters (selection, current answer, warnings) through bold, reverse and
//! underline alone.

use ratatui::style::{Color, Modifier, Style};

/// The styles the views use, by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    /// Colours unless `no_color`.
    pub fn new(no_color: bool) -> Self {
        Theme { color: !no_color }
    }

    /// From the environment: plain when `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Self {
        Theme::new(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
    }

    /// Whether colours are used.
    pub fn has_color(self) -> bool {
        self.color
    }

    fn pick(self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    /// Ordinary text.
    pub fn text(self) -> Style {
        Style::default()
    }

    /// Titles and headings.
    pub fn title(self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    /// Secondary text: hints, ids, dates.
    pub fn muted(self) -> Style {
        self.pick(Style::default().fg(Color::DarkGray), Style::default())
    }

    /// The row or item under the cursor.
    pub fn selected(self) -> Style {
        self.pick(
            Style::default()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// The level currently given as the answer.
    pub fn answer(self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::Green)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }

    /// Keys in hints.
    pub fn key(self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    /// Something to act on: critical gaps, N/A without justification, errors.
    pub fn warn(self) -> Style {
        self.pick(
            Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    /// A marker the whole room must see: DIVERGENT, over time.
    pub fn alert(self) -> Style {
        self.pick(
            Style::default()
                .bg(Color::Red)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// High-contrast text for the presenter view.
    pub fn strong(self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    /// Good news: ready, done, at target.
    pub fn good(self) -> Style {
        self.pick(Style::default().fg(Color::Green), Style::default())
    }

    /// The filled part of a bar.
    pub fn bar(self) -> Style {
        self.pick(Style::default().fg(Color::Cyan), Style::default())
    }

    /// A target marker.
    pub fn target(self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::BOLD),
        )
    }

    /// Borders of panes.
    pub fn border(self) -> Style {
        self.pick(Style::default().fg(Color::DarkGray), Style::default())
    }

    /// The active tab.
    pub fn tab_active(self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// The radar's current profile.
    pub fn radar_current(self) -> Color {
        if self.color {
            Color::Cyan
        } else {
            Color::Reset
        }
    }

    /// The radar's target outline.
    pub fn radar_target(self) -> Color {
        if self.color {
            Color::Yellow
        } else {
            Color::Reset
        }
    }
}
