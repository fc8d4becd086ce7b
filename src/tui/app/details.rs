//! The "Assessment details" screen: who and what was assessed, the report's language
//! and document control, and the assessor's conclusion, one row each. Enter opens the
//! row's one-line prompt (the same prompts as before, from `report_fields.rs`); each
//! field is saved when its prompt is accepted.

use chrono::{DateTime, FixedOffset};

use super::{App, DetailField, DocField, Effect, Msg, PromptKind, Screen};
use crate::locale::{Lang, ScreenText as S};
use crate::tui::keys::Action;

/// One row of the details screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailsRow {
    /// Organisation, scope or assessors.
    Details(DetailField),
    /// The language reports are written in (`meta.language`).
    Language,
    /// A field of the report's document control.
    Document(DocField),
    /// The assessor's conclusion (`meta.summary`).
    Conclusion,
}

impl DetailsRow {
    /// Every row, in screen order.
    pub const ALL: [DetailsRow; 10] = [
        DetailsRow::Details(DetailField::Organisation),
        DetailsRow::Details(DetailField::Scope),
        DetailsRow::Details(DetailField::Assessors),
        DetailsRow::Language,
        DetailsRow::Document(DocField::Version),
        DetailsRow::Document(DocField::Classification),
        DetailsRow::Document(DocField::Author),
        DetailsRow::Document(DocField::Approver),
        DetailsRow::Document(DocField::Approved),
        DetailsRow::Conclusion,
    ];

    /// The row's label on the screen.
    pub fn label(self) -> S {
        match self {
            DetailsRow::Details(DetailField::Organisation) => S::DetailsOrganisation,
            DetailsRow::Details(DetailField::Scope) => S::DetailsScope,
            DetailsRow::Details(DetailField::Assessors) => S::DetailsAssessors,
            DetailsRow::Language => S::DetailsLanguage,
            DetailsRow::Document(DocField::Version) => S::DetailsVersion,
            DetailsRow::Document(DocField::Classification) => S::DetailsClassification,
            DetailsRow::Document(DocField::Author) => S::DetailsAuthor,
            DetailsRow::Document(DocField::Approver) => S::DetailsApprover,
            DetailsRow::Document(DocField::Approved) => S::DetailsApproved,
            DetailsRow::Conclusion => S::DetailsConclusion,
        }
    }

    /// The heading of the group the row belongs to.
    pub fn group(self) -> S {
        match self {
            DetailsRow::Details(_) => S::DetailsGroupAssessment,
            DetailsRow::Language => S::DetailsGroupReport,
            DetailsRow::Document(_) => S::DetailsGroupDocument,
            DetailsRow::Conclusion => S::DetailsGroupSummary,
        }
    }

    /// The prompt that edits the row (none for the language: Enter picks the next one).
    fn prompt(self) -> Option<PromptKind> {
        match self {
            DetailsRow::Details(f) => Some(PromptKind::Details(f)),
            DetailsRow::Language => None,
            DetailsRow::Document(f) => Some(PromptKind::Document(f)),
            DetailsRow::Conclusion => Some(PromptKind::Conclusion),
        }
    }
}

impl App {
    /// Shows the details screen with `row` selected; Esc goes back to `from` (the
    /// screen it was opened from; home when none).
    pub(super) fn open_details(&mut self, row: DetailsRow, from: Option<Screen>) -> Vec<Effect> {
        if self.session.is_none() {
            return Vec::new();
        }
        let effects = self.go_to_screen(Screen::Details);
        self.details_from = from;
        self.details_cursor = DetailsRow::ALL.iter().position(|r| *r == row).unwrap_or(0);
        effects
    }

    /// Enter on the report language: the next language (English, French, English…),
    /// saved at once. A file made before there was a choice starts from the interface's.
    fn next_report_language(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let interface = self.lang;
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        let current = s.assessment.meta.language.unwrap_or(interface);
        let at = Lang::ALL.iter().position(|l| *l == current).unwrap_or(0);
        let next = Lang::ALL[(at + 1) % Lang::ALL.len()];
        s.assessment.meta.language = Some(next);
        let effects = self.changed(now);
        self.say(self.lang.f(
            S::DetailsLanguageSaved,
            &[("name", &next.name()), ("code", &next.code())],
        ));
        effects
    }

    /// The row selected on the details screen.
    pub fn details_row(&self) -> DetailsRow {
        DetailsRow::ALL
            .get(self.details_cursor)
            .copied()
            .unwrap_or(DetailsRow::Details(DetailField::Organisation))
    }

    pub(super) fn details_input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        match msg {
            Msg::Act(a) if super::lists::is_move(a) => {
                self.details_cursor =
                    super::lists::step(self.details_cursor, DetailsRow::ALL.len(), a, self.page());
                Vec::new()
            }
            Msg::Act(Action::Enter) => match self.details_row().prompt() {
                Some(kind) => self.open_report_prompt(kind),
                None => self.next_report_language(now),
            },
            Msg::Act(Action::Back) => match self.details_from.take() {
                Some(screen) => self.go_to_screen(screen),
                None => vec![Effect::Close],
            },
            _ => Vec::new(),
        }
    }
}
