//! The app's data: screens, the open session, overlays, and the messages and
//! effects that connect the pure update to the runner.

use std::path::PathBuf;

use crate::assessment::Assessment;
use crate::export::Format;
use crate::locale::{Lang, ScreenText, StatusText};
use crate::questionnaire::Questionnaire;
use crate::scoring::{self, Scores};
use crate::tui::editor::TextArea;
use crate::tui::keys::Mode;
pub use crate::tui::msg::{Effect, FrameInfo, Hit, Msg};

/// A screen of the app. Workshop screens (voting, presenter) are added here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Saved assessments.
    Home,
    /// The new-assessment form.
    New,
    /// One question.
    Question,
    /// All questions by domain.
    Overview,
    /// Scores, verdict, radar, critical gaps.
    Results,
    /// The prioritised roadmap.
    Roadmap,
    /// Target per domain.
    Targets,
    /// Writing the report files.
    Export,
    /// Workshop voting on the current question.
    Voting,
    /// The Statement of Applicability.
    Soa,
    /// The assessment's details, document control and conclusion.
    Details,
    /// The evidence register (reached from the overview and the checklist, not by Tab).
    Evidence,
}

impl Screen {
    /// The name kept in the file to resume here (a key, never translated; the tabs
    /// show `view::screen_title`).
    pub fn name(self) -> &'static str {
        match self {
            Screen::Home => "home",
            Screen::New => "new",
            Screen::Question => "question",
            Screen::Overview => "overview",
            Screen::Results => "results",
            Screen::Roadmap => "roadmap",
            Screen::Targets => "targets",
            Screen::Export => "export",
            Screen::Voting => "voting",
            Screen::Soa => "soa",
            Screen::Details => "details",
            Screen::Evidence => "evidence",
        }
    }

    /// The screens of an open assessment, in Tab order (the one list of them; Voting
    /// only where the assessment has participants).
    pub const OF_ASSESSMENT: [Screen; 8] = [
        Screen::Question,
        Screen::Voting,
        Screen::Overview,
        Screen::Soa,
        Screen::Results,
        Screen::Roadmap,
        Screen::Targets,
        Screen::Export,
    ];

    /// The screen of an open assessment with this name.
    pub fn from_name(name: &str) -> Option<Screen> {
        Screen::OF_ASSESSMENT.into_iter().find(|s| s.name() == name)
    }

    /// The key mode of the screen.
    pub fn mode(self) -> Mode {
        match self {
            Screen::Home => Mode::Home,
            Screen::New => Mode::NewForm,
            Screen::Question => Mode::Question,
            Screen::Overview => Mode::Overview,
            Screen::Results => Mode::Results,
            Screen::Roadmap => Mode::Roadmap,
            Screen::Targets => Mode::Targets,
            Screen::Export => Mode::Export,
            Screen::Voting => Mode::Voting,
            Screen::Soa => Mode::Soa,
            Screen::Details => Mode::Details,
            Screen::Evidence => Mode::Register,
        }
    }
}

/// An open assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Its file.
    pub path: PathBuf,
    /// The answers.
    pub assessment: Assessment,
    /// The questionnaire it answers.
    pub questionnaire: Questionnaire,
    /// Its scores, kept current by every change.
    pub scores: Scores,
    /// How many changes were scored since the session opened (views key caches on it).
    pub changes: u64,
    /// The question indices of each domain, in order (computed once: lists of a
    /// 10,000-question questionnaire are built per key press).
    pub by_domain: Vec<Vec<usize>>,
    /// What changed when the file was migrated to this questionnaire version on opening,
    /// and where the file as it was is kept.
    pub migrated: Option<(crate::migration::MigrationReport, PathBuf)>,
    /// What opening changed that the user must hear about (old N/A answers carried
    /// into the Statement of Applicability), kept as data: it is worded in the
    /// interface's language when shown.
    pub carried: crate::assessment::CarriedOver,
}

impl Session {
    /// A session on `assessment`, scored.
    pub fn new(path: PathBuf, assessment: Assessment, questionnaire: Questionnaire) -> Self {
        let scores = scoring::score(&questionnaire, &assessment);
        let by_domain = questionnaire
            .domains
            .iter()
            .map(|d| {
                questionnaire
                    .questions
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| q.domain == d.id)
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        Session {
            path,
            assessment,
            questionnaire,
            scores,
            changes: 0,
            by_domain,
            migrated: None,
            carried: crate::assessment::CarriedOver::default(),
        }
    }

    /// Shows the built-in questionnaire in `lang` (same ids and structure, so every
    /// answer, cursor and score stays where it is); a custom questionnaire stays as it is.
    pub fn show_in(&mut self, lang: Lang) {
        if let Some(translated) = self.questionnaire.in_language(lang) {
            self.questionnaire = translated;
            self.rescore();
        }
    }

    /// Scores again after a change.
    pub fn rescore(&mut self) {
        self.scores = scoring::score(&self.questionnaire, &self.assessment);
        self.changes += 1;
    }
}

/// A message shown over the screen until the user closes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Its title.
    pub title: String,
    /// Its lines (an empty string is a blank line).
    pub lines: Vec<String>,
    /// How many lines are scrolled out of view at the top.
    pub scroll: usize,
    /// It tells what a migration changed (worded again when the language changes).
    pub migration: bool,
}

impl Notice {
    /// What a migration changed, in one screen, in `lang`.
    pub fn migrated(
        report: &crate::migration::MigrationReport,
        copy: &std::path::Path,
        questionnaire: &Questionnaire,
        lang: Lang,
    ) -> Self {
        let title_of = |id: &str| {
            questionnaire
                .question(id)
                .map_or(id.to_string(), |q| format!("{id} {}", q.short_title()))
        };
        let carried = lang.plural(
            report.carried,
            StatusText::MigratedCarriedOne,
            StatusText::MigratedCarriedMany,
        );
        let mut lines = vec![
            lang.f(
                StatusText::MigratedVersions,
                &[
                    ("questionnaire", &report.questionnaire),
                    ("from", &report.from_version),
                    ("to", &report.to_version),
                ],
            ),
            lang.f(StatusText::MigratedCopy, &[("path", &copy.display())]),
            String::new(),
            lang.f(carried, &[("count", &report.carried)]),
        ];
        for (old, parts) in &report.split {
            lines.push(lang.f(StatusText::MigratedSplit, &[("id", old)]));
            lines.extend(parts.iter().map(|p| format!("  {}", title_of(p))));
        }
        if !report.to_recheck.is_empty() {
            lines.push(String::new());
            lines.push(lang.t(StatusText::MigratedRecheck).into());
            lines.extend(
                report
                    .to_recheck
                    .iter()
                    .map(|id| format!("  {}", title_of(id))),
            );
        }
        if !report.retired.is_empty() {
            lines.push(String::new());
            lines.push(lang.f(
                StatusText::MigratedRetired,
                &[("ids", &report.retired.join(", "))],
            ));
        }
        // The questionnaire's own note, as the questionnaire shown words it (the
        // report holds the note of the questionnaire the file was migrated with).
        let note = questionnaire
            .migrations
            .iter()
            .find(|m| m.from == report.from_version)
            .map_or(report.note.as_str(), |m| m.note.as_str());
        if !note.is_empty() {
            lines.push(String::new());
            lines.extend(sentences(note).into_iter().map(|s| {
                let s = s.trim_end_matches('.');
                format!("{s}.")
            }));
        }
        Notice {
            title: lang.t(StatusText::MigratedTitle).into(),
            lines,
            scroll: 0,
            migration: true,
        }
    }
}

/// The sentences of a note, one per line: a period followed by a space ends one,
/// unless the word before it is a single letter, so the French « S. O. » (N/A) stays
/// whole.
pub(super) fn sentences(note: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, _) in note.match_indices(". ") {
        let word = note[start..i]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        if word.chars().count() > 1 {
            parts.push(&note[start..i]);
            start = i + 2;
        }
    }
    parts.push(&note[start..]);
    parts
}

/// Which text the editor is changing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorKind {
    /// The answer's note.
    Note,
    /// The evidence, one item per line.
    Evidence,
}

/// The multi-line editor, open on the question screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    /// Note or evidence.
    pub kind: EditorKind,
    /// The text and cursor.
    pub area: TextArea,
}

/// What a one-line prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// A question number.
    JumpTo,
    /// Text to find in questions.
    Search,
    /// The owner of a roadmap item (its question id).
    Owner(String),
    /// The export folder.
    Folder,
    /// Why a question goes to the parking lot (its id).
    ParkReason(String),
    /// A new participant's name.
    AddParticipant,
    /// A participant's new name (their current name).
    RenameParticipant(String),
    /// A note attributed to this participant.
    ParticipantNote(String),
    /// The time per question.
    Timebox,
    /// Why the room overrode the votes on this question (its id).
    OverrideReason(String),
    /// Who follows up this parked question (its id).
    ParkOwner(String),
    /// By when this parked question is to be settled (its id).
    ParkDue(String),
    /// The roadmap's first day.
    RoadmapStart,
    /// Why a control is included or excluded (its id).
    Justification(String),
    /// The owner of a control (its id).
    ControlOwner(String),
    /// The assessor's conclusion (`meta.summary`).
    Conclusion,
    /// One field of the report's document control.
    Document(DocField),
    /// The assessor's note on a domain (its id).
    DomainNote(String),
    /// One of the assessment's details (organisation, scope, assessors).
    Details(DetailField),
    /// A file path or link to add as evidence of a question, or of one of its checks.
    EvidencePath {
        /// The question.
        question: String,
        /// The check, if the evidence proves only it.
        check: Option<String>,
    },
}

/// A detail of the assessment, in the order the prompts ask for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailField {
    /// The organisation assessed.
    Organisation,
    /// The scope of the AI management system.
    Scope,
    /// The assessors, comma-separated in the prompt.
    Assessors,
}

/// A field of the report's document control, in the order the prompts ask for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocField {
    /// The report's version.
    Version,
    /// Its classification.
    Classification,
    /// Who wrote it.
    Author,
    /// Who approves it.
    Approver,
    /// When it was approved.
    Approved,
}

impl PromptKind {
    /// The prompt's label in `lang`.
    pub fn label_in(&self, lang: Lang) -> &'static str {
        lang.t(match self {
            PromptKind::JumpTo => StatusText::PromptJumpTo,
            PromptKind::Search => StatusText::PromptSearch,
            PromptKind::Owner(_) => StatusText::PromptOwner,
            PromptKind::Folder => StatusText::PromptFolder,
            PromptKind::ParkReason(_) => StatusText::PromptParkReason,
            PromptKind::AddParticipant => StatusText::PromptAddParticipant,
            PromptKind::RenameParticipant(_) => StatusText::PromptRenameParticipant,
            PromptKind::ParticipantNote(_) => StatusText::PromptParticipantNote,
            PromptKind::Timebox => StatusText::PromptTimebox,
            PromptKind::OverrideReason(_) => StatusText::PromptOverrideReason,
            PromptKind::ParkOwner(_) => StatusText::PromptParkOwner,
            PromptKind::ParkDue(_) => StatusText::PromptParkDue,
            PromptKind::RoadmapStart => StatusText::PromptRoadmapStart,
            PromptKind::Justification(_) => StatusText::PromptJustification,
            PromptKind::ControlOwner(_) => StatusText::PromptControlOwner,
            PromptKind::Conclusion => StatusText::PromptConclusion,
            PromptKind::Details(DetailField::Organisation) => StatusText::PromptOrganisation,
            PromptKind::Details(DetailField::Scope) => StatusText::PromptScope,
            PromptKind::Details(DetailField::Assessors) => StatusText::PromptAssessors,
            PromptKind::Document(DocField::Version) => StatusText::PromptReportVersion,
            PromptKind::Document(DocField::Classification) => StatusText::PromptClassification,
            PromptKind::Document(DocField::Author) => StatusText::PromptAuthor,
            PromptKind::Document(DocField::Approver) => StatusText::PromptApprover,
            PromptKind::Document(DocField::Approved) => StatusText::PromptApproved,
            PromptKind::DomainNote(_) => StatusText::PromptDomainNote,
            PromptKind::EvidencePath { check: None, .. } => StatusText::PromptEvidenceQuestion,
            PromptKind::EvidencePath { .. } => StatusText::PromptEvidenceCheck,
        })
    }
}

/// A one-line prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What it asks for.
    pub kind: PromptKind,
    /// The text typed.
    pub input: TextArea,
    /// The current value is selected: the first character typed replaces it (a
    /// cursor key keeps it for editing).
    pub replace: bool,
}

/// A yes/no question waiting for an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Delete this assessment file.
    Delete(PathBuf),
    /// Replace existing export files of these formats.
    ReplaceExports(Vec<Format>),
    /// Remove this participant, added by mistake, and their votes.
    RemoveParticipant {
        /// The participant.
        name: String,
        /// How many questions they voted on (the votes that would go).
        votes: usize,
    },
    /// Confirm the proposals on which every vote agrees (these question ids).
    ConfirmUnanimous(Vec<String>),
    /// Remove the follow-up flag (and its reason) from this question.
    RemoveFlag {
        /// The question.
        question: String,
        /// The reason that would be lost.
        reason: String,
    },
}

/// Filter of the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    /// Every question.
    #[default]
    All,
    /// Neither a level nor N/A.
    Unanswered,
    /// Flagged for follow-up.
    Flagged,
    /// Critical questions below the readiness threshold.
    CriticalGaps,
}

impl Filter {
    /// The next filter.
    pub fn next(self) -> Filter {
        match self {
            Filter::All => Filter::Unanswered,
            Filter::Unanswered => Filter::Flagged,
            Filter::Flagged => Filter::CriticalGaps,
            Filter::CriticalGaps => Filter::All,
        }
    }

    /// The filter's name in `lang`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Filter::All => ScreenText::FilterAll,
            Filter::Unanswered => ScreenText::FilterUnanswered,
            Filter::Flagged => ScreenText::FilterFlagged,
            Filter::CriticalGaps => ScreenText::FilterCriticalGaps,
        })
    }
}

/// Filter of the Statement of Applicability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SoaFilter {
    /// Every control.
    #[default]
    All,
    /// No decision yet.
    Undecided,
    /// Excluded.
    Excluded,
    /// Included and not implemented yet.
    NotImplemented,
}

impl SoaFilter {
    /// The next filter.
    pub fn next(self) -> SoaFilter {
        match self {
            SoaFilter::All => SoaFilter::Undecided,
            SoaFilter::Undecided => SoaFilter::Excluded,
            SoaFilter::Excluded => SoaFilter::NotImplemented,
            SoaFilter::NotImplemented => SoaFilter::All,
        }
    }

    /// The filter's name in `lang`.
    pub fn label_in(self, lang: Lang) -> &'static str {
        lang.t(match self {
            SoaFilter::All => ScreenText::SoaFilterAll,
            SoaFilter::Undecided => ScreenText::SoaFilterUndecided,
            SoaFilter::Excluded => ScreenText::SoaFilterExcluded,
            SoaFilter::NotImplemented => ScreenText::SoaFilterNotImplemented,
        })
    }
}

/// The new-assessment form. Fields 0–2 are text; from 3 on, one target per domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewForm {
    /// Organisation, scope, assessors (comma-separated).
    pub fields: [TextArea; 3],
    /// Target per domain of the default questionnaire.
    pub targets: Vec<u8>,
    /// The field with the cursor.
    pub cursor: usize,
}

/// What happened to one export file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportOutcome {
    /// Written there.
    Written(PathBuf),
    /// Not written: the file exists (the app asks before replacing it).
    Exists(PathBuf),
    /// Not written, for this reason.
    Failed(String),
}

/// The export screen's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportState {
    /// Every format the export module offers, and whether it is chosen.
    pub formats: Vec<(Format, bool)>,
    /// The folder written to.
    pub folder: PathBuf,
    /// The row with the cursor.
    pub cursor: usize,
    /// The outcome of the last run.
    pub outcomes: Vec<(Format, ExportOutcome)>,
}

/// A line of status under the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// What to say.
    pub text: String,
    /// Whether it needs attention.
    pub warn: bool,
    /// It reports a failed save (cleared by the next save that succeeds).
    pub save_failed: bool,
}
