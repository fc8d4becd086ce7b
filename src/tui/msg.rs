//! The vocabulary the keymap, the state and the runner share: key [`Mode`]s and
//! [`Action`]s, the [`Msg`]s the update takes, the [`Effect`]s it returns and the
//! [`FrameInfo`] the view hands back. A leaf: it depends on no other part of the TUI
//! but the data types of an open session.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use ratatui::layout::Rect;

use super::app::{ExportOutcome, Screen, Session};
use crate::assessment::Assessment;
use crate::export::Format;
use crate::locale::{ChromeText, Lang};
use crate::questionnaire::Questionnaire;
use crate::store::catalog::Summary;

/// What the keyboard is currently talking to. A new screen (e.g. workshop voting)
/// adds a mode here and its rows to [`KEYMAP`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The list of saved assessments.
    Home,
    /// The new-assessment form.
    NewForm,
    /// Answering one question.
    Question,
    /// Typing a note or the evidence lines (text input).
    Editor,
    /// A one-line prompt: jump, search, owner, export folder (text input).
    Prompt,
    /// A yes/no question.
    Confirm,
    /// All questions by domain.
    Overview,
    /// Scores, verdict, radar.
    Results,
    /// The prioritised roadmap.
    Roadmap,
    /// Target level per domain.
    Targets,
    /// Choosing and writing exports.
    Export,
    /// The key list.
    Help,
    /// A message over the screen until closed (what a migration changed).
    Notice,
    /// Workshop voting on one question: participants, votes, consensus.
    Voting,
    /// The presenter view for the room (votes are still recorded).
    Presenter,
    /// Waiting for the level that overrides the proposed consensus.
    Override,
    /// The Statement of Applicability: one decision per control.
    Soa,
    /// The yes/no checks of the question shown, by level.
    Checklist,
    /// The assessment's details, document control and conclusion.
    Details,
    /// The discussion agenda over the voting screen.
    Agenda,
    /// The evidence register: every item, where it is used, whether its file changed.
    Register,
    /// The evidence register as a picker: Enter links the selected item.
    RegisterPick,
}

impl Mode {
    /// The mode's name on the help screen, in `lang`.
    pub fn title(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Mode::Home => ChromeText::ModeHome,
            Mode::NewForm => ChromeText::ModeNewForm,
            Mode::Question => ChromeText::ModeQuestion,
            Mode::Editor => ChromeText::ModeEditor,
            Mode::Prompt => ChromeText::ModePrompt,
            Mode::Confirm => ChromeText::ModeConfirm,
            Mode::Overview => ChromeText::ModeOverview,
            Mode::Results => ChromeText::ModeResults,
            Mode::Roadmap => ChromeText::ModeRoadmap,
            Mode::Targets => ChromeText::ModeTargets,
            Mode::Export => ChromeText::ModeExport,
            Mode::Help => ChromeText::ModeHelp,
            Mode::Notice => ChromeText::ModeNotice,
            Mode::Voting => ChromeText::ModeVoting,
            Mode::Presenter => ChromeText::ModePresenter,
            Mode::Override => ChromeText::ModeOverride,
            Mode::Soa => ChromeText::ModeSoa,
            Mode::Checklist => ChromeText::ModeChecklist,
            Mode::Details => ChromeText::ModeDetails,
            Mode::Agenda => ChromeText::ModeAgenda,
            Mode::Register => ChromeText::ModeRegister,
            Mode::RegisterPick => ChromeText::ModeRegisterPick,
        })
    }

    /// Modes where printable keys are text, not commands.
    pub fn is_text(self) -> bool {
        matches!(self, Mode::NewForm | Mode::Editor | Mode::Prompt)
    }
}

/// A command a key stands for. Data-free, so one table can hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the app (everything is saved).
    Quit,
    /// Show or hide the key list.
    Help,
    /// Back out: close, cancel, go up one level.
    Back,
    /// Next screen of the assessment.
    NextScreen,
    /// Previous screen of the assessment.
    PrevScreen,
    /// Cursor up.
    Up,
    /// Cursor down.
    Down,
    /// Cursor left (or previous question, decrease).
    Left,
    /// Cursor right (or next question, increase).
    Right,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// To the first row / start of line.
    First,
    /// To the last row / end of line.
    Last,
    /// Open, choose, confirm the field.
    Enter,
    /// A digit: a level on the question screen, a target on the targets screen.
    Digit,
    /// Answer "not applicable".
    NotApplicable,
    /// Remove the answer's level.
    ClearAnswer,
    /// Confirm an answer carried over from an earlier questionnaire version.
    ConfirmAnswer,
    /// Show or hide the guidance.
    ToggleGuidance,
    /// Edit the note.
    EditNote,
    /// Edit the evidence lines.
    EditEvidence,
    /// Flag for follow-up.
    ToggleFlag,
    /// Start the next round of the selected assessment.
    NextRound,
    /// Fix the first day of the roadmap.
    SetRoadmapStart,
    /// Write the assessor's conclusion printed in the report's summary.
    EditConclusion,
    /// Edit the assessment's details: organisation, scope, assessors.
    EditDetails,
    /// Fill in the report's document control, field by field.
    EditDocument,
    /// Write the assessor's note on the selected domain.
    EditDomainNote,
    /// Previous question.
    PrevQuestion,
    /// Next question.
    NextQuestion,
    /// Next unanswered question.
    NextUnanswered,
    /// Go to a question by number.
    JumpTo,
    /// Find a question by text.
    Search,
    /// Create a new assessment.
    New,
    /// Delete the selected assessment.
    Delete,
    /// Yes.
    Yes,
    /// No.
    No,
    /// Next list filter.
    Filter,
    /// Set the owner of a roadmap item.
    SetOwner,
    /// Next status of a roadmap item.
    CycleStatus,
    /// Toggle the selected export format.
    ToggleFormat,
    /// Open or close the question's checklist.
    Checklist,
    /// Tick or untick the highlighted check.
    ToggleCheck,
    /// Attach a file or link as evidence of the highlighted check.
    AttachEvidence,
    /// Attach a file or link as evidence of the question as a whole.
    AttachToQuestion,
    /// Link an item of the register to the highlighted check.
    LinkEvidence,
    /// Link an item of the register to the question as a whole.
    LinkToQuestion,
    /// Open the evidence register.
    Register,
    /// Re-hash the register's files: unchanged, changed or missing.
    VerifyFiles,
    /// Change the export folder.
    EditFolder,
    /// Write the exports.
    RunExport,
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    DeleteChar,
    /// A new line in a note.
    Newline,
    /// Finish typing.
    Done,
    /// Open the workshop voting screen.
    Voting,
    /// Show or leave the presenter view.
    Presenter,
    /// Add a workshop participant.
    AddParticipant,
    /// Rename the selected participant.
    RenameParticipant,
    /// Add a note attributed to the selected participant.
    ParticipantNote,
    /// Confirm the proposed consensus.
    ConfirmConsensus,
    /// Override the consensus with a level typed next.
    OverrideConsensus,
    /// Set the time allowed per question.
    SetTimebox,
    /// Mark the selected participant as gone from the room (again: back).
    LeaveRoom,
    /// Start or end a break: the clocks pause.
    Break,
    /// Open or close the discussion agenda.
    Agenda,
    /// Go to the next question on the agenda.
    NextAgendaItem,
    /// Confirm every unanimous proposal at once (asks first).
    ConfirmUnanimous,
    /// Open the Statement of Applicability (at the current question's controls).
    Soa,
    /// Include the selected control.
    Include,
    /// Exclude the selected control.
    Exclude,
    /// Edit the selected control's justification.
    EditJustification,
    /// Switch the interface between English and French.
    SwitchLang,
}

/// Something on screen a mouse click can choose; the view records where each is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A level on the question screen.
    Level(u8),
    /// A row of the current list.
    Row(usize),
    /// A tab.
    Tab(Screen),
    /// A field of the new-assessment form.
    Field(usize),
}

/// Everything the app reacts to.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A bound key.
    Act(Action),
    /// The runner hashed (or failed to read) evidence to attach to a question or check.
    EvidenceReady {
        /// The item, or why it cannot be added.
        item: Result<Box<crate::evidence::EvidenceItem>, String>,
        /// The question.
        question: String,
        /// The check, if any.
        check: Option<String>,
    },
    /// The runner re-hashed one file of the register (off the UI thread).
    EvidenceChecked {
        /// The run of [`Effect::VerifyEvidence`] it answers.
        run: u64,
        /// The register item.
        id: String,
        /// What was found.
        status: crate::evidence::VerifyStatus,
        /// Why, when it is not unchanged.
        reason: Option<String>,
    },
    /// A digit key bound in this mode.
    Digit(u8),
    /// A typed character in a text mode.
    Input(char),
    /// A bracketed paste.
    Paste(String),
    /// A left click at a cell.
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// The wheel turned.
    Scroll {
        /// Towards the end.
        down: bool,
    },
    /// The saved assessments, read by the runner.
    HomeLoaded(Vec<Summary>),
    /// An assessment was opened (or created) and locked.
    Opened(Box<Session>),
    /// Opening or creating failed.
    OpenFailed(String),
    /// A save failed.
    SaveFailed(String),
    /// The runner saved the assessment.
    SaveSucceeded,
    /// The assessment was saved and its lock released.
    Closed,
    /// Deleting failed.
    DeleteFailed(String),
    /// The outcome of an export run.
    Exported(Vec<(Format, ExportOutcome)>),
    /// Time passed (sent by the runner when no key came for a while): timers redraw.
    Tick,
    /// A frame was drawn: what the view learnt (sent by the runner after each draw).
    Drawn(FrameInfo),
    /// The app is about to end (quit, signal, panic): stop the clocks on screen.
    Stopping,
}

/// What the view learns while drawing a frame and the next update needs: where the
/// clickable things are, how many rows a page has, how wide the editor is, how far
/// the key list scrolls. Returned by `view::render`, handed back as [`Msg::Drawn`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameInfo {
    /// Where the last frame put clickable things.
    pub hits: Vec<(Rect, Hit)>,
    /// Width of the editor's text area (for up/down by line).
    pub editor_width: u16,
    /// Rows of the current list (for page up/down).
    pub page_rows: u16,
    /// The last row the key list can scroll to.
    pub help_max_scroll: usize,
}

impl Default for FrameInfo {
    /// Before the first frame: a plausible editor and page, nothing to click.
    fn default() -> Self {
        FrameInfo {
            hits: Vec::new(),
            editor_width: 60,
            page_rows: 10,
            help_max_scroll: usize::MAX,
        }
    }
}

/// Work for the runner: the only way the app reaches the disk.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Re-hash these file items off the UI thread, answering with one
    /// [`Msg::EvidenceChecked`] per item.
    VerifyEvidence {
        /// Which run (the app ignores answers to an earlier one).
        run: u64,
        /// The file items of the register.
        items: Vec<crate::evidence::EvidenceItem>,
    },
    /// Hash a file (or take a link) off the UI thread and hand it back as
    /// [`Msg::EvidenceReady`].
    AddEvidence {
        /// What the user typed.
        location: String,
        /// The question.
        question: String,
        /// The check, if any.
        check: Option<String>,
        /// When it is added.
        now: DateTime<FixedOffset>,
    },
    /// Read the saved assessments and send [`Msg::HomeLoaded`].
    LoadHome,
    /// Lock and open this file, then send [`Msg::Opened`] or [`Msg::OpenFailed`].
    Open(PathBuf),
    /// Create a file for this new assessment (answering this questionnaire) and open it.
    Create(Box<(Assessment, Questionnaire)>),
    /// Create the next round of this assessment, then open it.
    NextRound(PathBuf),
    /// Delete this assessment (and its backup), then reload the list.
    Delete(PathBuf),
    /// Save the open assessment now.
    Save,
    /// Save the open assessment shortly (typing); flushed at quit.
    SaveSoon,
    /// Save, release the lock, return home.
    Close,
    /// Write exports of this assessment, dated `now`.
    Export {
        /// The assessment and its questionnaire, as they are now.
        session: Box<Session>,
        /// The export's time (its roadmap starts today unless the assessment says).
        now: DateTime<FixedOffset>,
        /// Which files.
        formats: Vec<Format>,
        /// Where.
        folder: PathBuf,
        /// Replace existing files.
        force: bool,
    },
    /// Save and leave.
    Quit,
    /// Draw again: a clock on screen changed (the answer to [`Msg::Tick`]).
    Redraw,
}
