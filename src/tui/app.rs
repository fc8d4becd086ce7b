//! The app's state and its one way to change: [`App::update`] takes a message and the
//! time, changes the state and returns the [`Effect`]s the runner carries out. No I/O
//! happens here, so every behaviour is testable without a terminal.

use std::cell::{Cell, RefCell};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::layout::{Position, Rect};

use crate::assessment::{Assessment, Resume};
use crate::export::Format;
use crate::questionnaire::{LEVELS, Questionnaire};
use crate::scoring::{self, Scores};

use super::editor::TextArea;
use super::keys::{Action, Mode};
use super::theme::Theme;

mod lists;
mod question;

pub use lists::OverviewRow;

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
}

impl Screen {
    /// The screens of an open assessment, in Tab order.
    pub const CYCLE: [Screen; 6] = [
        Screen::Question,
        Screen::Overview,
        Screen::Results,
        Screen::Roadmap,
        Screen::Targets,
        Screen::Export,
    ];

    /// The name kept in the file to resume here, and shown on tabs.
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
        }
    }

    /// The title shown on the tab.
    pub fn title(self) -> &'static str {
        match self {
            Screen::Home => "Home",
            Screen::New => "New assessment",
            Screen::Question => "Question",
            Screen::Overview => "Overview",
            Screen::Results => "Results",
            Screen::Roadmap => "Roadmap",
            Screen::Targets => "Targets",
            Screen::Export => "Export",
        }
    }

    /// The screen of an open assessment with this name.
    pub fn from_name(name: &str) -> Option<Screen> {
        Screen::CYCLE.into_iter().find(|s| s.name() == name)
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
        }
    }
}

/// One saved assessment on the home screen.
#[derive(Debug, Clone, PartialEq)]
pub struct HomeEntry {
    /// The file.
    pub path: PathBuf,
    /// Its name.
    pub file: String,
    /// The organisation.
    pub organisation: String,
    /// Questions answered or N/A.
    pub answered: usize,
    /// Questions in all.
    pub total: usize,
    /// The verdict so far.
    pub verdict: String,
    /// Last change.
    pub updated: Option<DateTime<FixedOffset>>,
    /// Why it cannot be opened, if it cannot.
    pub problem: Option<String>,
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
}

impl Session {
    /// A session on `assessment`, scored.
    pub fn new(path: PathBuf, assessment: Assessment, questionnaire: Questionnaire) -> Self {
        let scores = scoring::score(&questionnaire, &assessment);
        Session {
            path,
            assessment,
            questionnaire,
            scores,
        }
    }

    /// Scores again after a change.
    pub fn rescore(&mut self) {
        self.scores = scoring::score(&self.questionnaire, &self.assessment);
    }
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
}

impl PromptKind {
    /// The prompt's label.
    pub fn label(&self) -> &'static str {
        match self {
            PromptKind::JumpTo => "Go to question number",
            PromptKind::Search => "Find",
            PromptKind::Owner(_) => "Owner",
            PromptKind::Folder => "Export folder",
        }
    }
}

/// A one-line prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What it asks for.
    pub kind: PromptKind,
    /// The text typed.
    pub input: TextArea,
}

/// A yes/no question waiting for an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Delete this assessment file.
    Delete(PathBuf),
    /// Replace existing export files of these formats.
    ReplaceExports(Vec<Format>),
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

    /// The filter's name.
    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "all questions",
            Filter::Unanswered => "unanswered",
            Filter::Flagged => "flagged",
            Filter::CriticalGaps => "critical gaps",
        }
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
    HomeLoaded(Vec<HomeEntry>),
    /// An assessment was opened (or created) and locked.
    Opened(Box<Session>),
    /// Opening or creating failed.
    OpenFailed(String),
    /// A save failed.
    SaveFailed(String),
    /// The assessment was saved and its lock released.
    Closed,
    /// Deleting failed.
    DeleteFailed(String),
    /// The outcome of an export run.
    Exported(Vec<(Format, ExportOutcome)>),
}

/// Work for the runner: the only way the app reaches the disk.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Read the saved assessments and send [`Msg::HomeLoaded`].
    LoadHome,
    /// Lock and open this file, then send [`Msg::Opened`] or [`Msg::OpenFailed`].
    Open(PathBuf),
    /// Create a file for this new assessment and open it.
    Create(Box<Assessment>),
    /// Delete this assessment (and its backup), then reload the list.
    Delete(PathBuf),
    /// Save the open assessment now.
    Save,
    /// Save the open assessment shortly (typing); flushed at quit.
    SaveSoon,
    /// Save, release the lock, return home.
    Close,
    /// Write exports.
    Export {
        /// Which files.
        formats: Vec<Format>,
        /// Where.
        folder: PathBuf,
        /// Replace existing files.
        force: bool,
    },
    /// Save and leave.
    Quit,
}

/// The whole state of the interactive app.
#[derive(Debug)]
pub struct App {
    /// Styles.
    pub theme: Theme,
    /// The screen shown.
    pub screen: Screen,
    /// The questionnaire new assessments answer.
    pub default_questionnaire: Questionnaire,
    /// Saved assessments.
    pub home: Vec<HomeEntry>,
    /// Whether the list has been read once.
    pub home_loaded: bool,
    /// Home list cursor.
    pub home_cursor: usize,
    /// The new-assessment form.
    pub new_form: NewForm,
    /// The open assessment.
    pub session: Option<Session>,
    /// Index of the question shown.
    pub question: usize,
    /// The level highlighted on the question screen.
    pub level_cursor: u8,
    /// Whether the guidance is shown.
    pub show_guidance: bool,
    /// The note or evidence editor, when open.
    pub editor: Option<Editor>,
    /// A one-line prompt, when open.
    pub prompt: Option<Prompt>,
    /// A yes/no question, when open.
    pub confirm: Option<Confirm>,
    /// Whether the key list is shown.
    pub help: bool,
    /// Help list scroll.
    pub help_scroll: usize,
    /// Overview filter.
    pub filter: Filter,
    /// Overview cursor (a row index).
    pub overview_cursor: usize,
    /// Roadmap cursor (an item index in display order).
    pub roadmap_cursor: usize,
    /// Targets cursor (a domain index).
    pub targets_cursor: usize,
    /// Export screen.
    pub export: ExportState,
    /// The status line.
    pub status: Option<Status>,
    /// Today, for roadmap dates (from the injected clock).
    pub today: NaiveDate,
    /// Where the last frame put clickable things.
    pub hits: RefCell<Vec<(Rect, Hit)>>,
    /// Width of the editor's text area in the last frame (for up/down by line).
    pub editor_width: Cell<u16>,
    /// Rows of the current list in the last frame (for page up/down).
    pub page_rows: Cell<u16>,
}

impl App {
    /// A new app on the home screen. `export_folder` is where exports go by default.
    pub fn new(
        default_questionnaire: Questionnaire,
        theme: Theme,
        export_folder: PathBuf,
        now: DateTime<FixedOffset>,
    ) -> Self {
        let new_form = NewForm::new(&default_questionnaire);
        App {
            theme,
            screen: Screen::Home,
            default_questionnaire,
            home: Vec::new(),
            home_loaded: false,
            home_cursor: 0,
            new_form,
            session: None,
            question: 0,
            level_cursor: 1,
            show_guidance: false,
            editor: None,
            prompt: None,
            confirm: None,
            help: false,
            help_scroll: 0,
            filter: Filter::All,
            overview_cursor: 0,
            roadmap_cursor: 0,
            targets_cursor: 0,
            export: ExportState {
                formats: Format::ALL.iter().map(|f| (*f, true)).collect(),
                folder: export_folder,
                cursor: 0,
                outcomes: Vec::new(),
            },
            status: None,
            today: now.date_naive(),
            hits: RefCell::new(Vec::new()),
            editor_width: Cell::new(60),
            page_rows: Cell::new(10),
        }
    }

    /// The key mode right now: overlays first, then the screen.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else if self.confirm.is_some() {
            Mode::Confirm
        } else if self.prompt.is_some() {
            Mode::Prompt
        } else if self.editor.is_some() {
            Mode::Editor
        } else {
            self.screen.mode()
        }
    }

    /// The mode whose keys the help screen lists.
    pub fn help_mode(&self) -> Mode {
        if self.confirm.is_some() {
            Mode::Confirm
        } else if self.prompt.is_some() {
            Mode::Prompt
        } else if self.editor.is_some() {
            Mode::Editor
        } else {
            self.screen.mode()
        }
    }

    /// Shows a message on the status line.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            warn: false,
        });
    }

    /// Shows a warning on the status line.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            warn: true,
        });
    }

    /// Handles one message at time `now`; returns what the runner must do.
    pub fn update(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        self.today = now.date_naive();
        match msg {
            Msg::HomeLoaded(entries) => {
                let first = !self.home_loaded;
                self.home = entries;
                self.home_loaded = true;
                self.home_cursor = self.home_cursor.min(self.home.len().saturating_sub(1));
                if first && self.home.is_empty() && self.screen == Screen::Home {
                    self.open_new_form();
                }
                Vec::new()
            }
            Msg::Opened(session) => {
                self.open_session(*session);
                Vec::new()
            }
            Msg::OpenFailed(message) => {
                self.screen = Screen::Home;
                self.warn(message);
                vec![Effect::LoadHome]
            }
            Msg::SaveFailed(message) => {
                self.warn(format!(
                    "Not saved: {message}. Your answers are kept here and saved again on the next change."
                ));
                Vec::new()
            }
            Msg::Closed => {
                self.session = None;
                self.editor = None;
                self.prompt = None;
                self.screen = Screen::Home;
                vec![Effect::LoadHome]
            }
            Msg::DeleteFailed(message) => {
                self.warn(message);
                vec![Effect::LoadHome]
            }
            Msg::Exported(outcomes) => self.exported(outcomes),
            Msg::Click { column, row } => self.click(column, row, now),
            Msg::Scroll { down } => {
                let action = if down { Action::Down } else { Action::Up };
                if self.editor.is_some() || self.prompt.is_some() || self.confirm.is_some() {
                    return Vec::new();
                }
                self.update(Msg::Act(action), now)
            }
            other => self.input(other, now),
        }
    }

    fn input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        if msg == Msg::Act(Action::Quit) {
            return vec![Effect::Quit];
        }
        match self.mode() {
            Mode::Help => {
                match msg {
                    Msg::Act(Action::Help) => self.help = false,
                    Msg::Act(Action::Up) => self.help_scroll = self.help_scroll.saturating_sub(1),
                    Msg::Act(Action::Down) => self.help_scroll = self.help_scroll.saturating_add(1),
                    Msg::Act(Action::PageUp) => {
                        self.help_scroll = self.help_scroll.saturating_sub(10)
                    }
                    Msg::Act(Action::PageDown) => {
                        self.help_scroll = self.help_scroll.saturating_add(10)
                    }
                    Msg::Act(Action::First) => self.help_scroll = 0,
                    _ => {}
                }
                Vec::new()
            }
            Mode::Confirm => self.confirm_input(msg),
            Mode::Prompt => self.prompt_input(msg, now),
            Mode::Editor => self.editor_input(msg, now),
            mode => {
                match msg {
                    Msg::Act(Action::Help) => {
                        self.help = true;
                        self.help_scroll = 0;
                        return Vec::new();
                    }
                    Msg::Act(Action::NextScreen) => return self.cycle_screen(true),
                    Msg::Act(Action::PrevScreen) => return self.cycle_screen(false),
                    _ => {}
                }
                match mode {
                    Mode::Home => self.home_input(msg),
                    Mode::NewForm => self.new_form_input(msg, now),
                    Mode::Question => self.question_input(msg, now),
                    Mode::Overview => self.overview_input(msg),
                    Mode::Results => self.results_input(msg),
                    Mode::Roadmap => self.roadmap_input(msg, now),
                    Mode::Targets => self.targets_input(msg, now),
                    Mode::Export => self.export_input(msg),
                    _ => Vec::new(),
                }
            }
        }
    }

    fn click(&mut self, column: u16, row: u16, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let hit = self
            .hits
            .borrow()
            .iter()
            .find(|(r, _)| r.contains(Position::new(column, row)))
            .map(|(_, h)| *h);
        if self.help || self.confirm.is_some() || self.prompt.is_some() {
            return Vec::new();
        }
        match hit {
            Some(Hit::Tab(screen)) => self.go_to_screen(screen),
            Some(Hit::Level(level)) if self.screen == Screen::Question => {
                if self.editor.is_some() {
                    self.editor = None;
                }
                self.level_cursor = level;
                self.score(level, now)
            }
            Some(Hit::Row(i)) => match self.screen {
                Screen::Home => {
                    self.home_cursor = i;
                    Vec::new()
                }
                Screen::Overview => {
                    self.overview_cursor = i;
                    Vec::new()
                }
                Screen::Roadmap => {
                    self.roadmap_cursor = i;
                    Vec::new()
                }
                Screen::Targets => {
                    self.targets_cursor = i;
                    Vec::new()
                }
                Screen::Export => {
                    self.export.cursor = i;
                    if let Some(f) = self.export.formats.get_mut(i) {
                        f.1 = !f.1;
                    }
                    Vec::new()
                }
                _ => Vec::new(),
            },
            Some(Hit::Field(i)) if self.screen == Screen::New => {
                self.new_form.cursor = i;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn confirm_input(&mut self, msg: Msg) -> Vec<Effect> {
        let Some(confirm) = self.confirm.take() else {
            return Vec::new();
        };
        match (msg, confirm) {
            (Msg::Act(Action::Yes), Confirm::Delete(path)) => {
                self.say("Deleted.");
                vec![Effect::Delete(path)]
            }
            (Msg::Act(Action::Yes), Confirm::ReplaceExports(formats)) => vec![Effect::Export {
                formats,
                folder: self.export.folder.clone(),
                force: true,
            }],
            (Msg::Act(Action::No), _) => {
                self.say("Nothing was changed.");
                Vec::new()
            }
            (_, confirm) => {
                self.confirm = Some(confirm);
                Vec::new()
            }
        }
    }

    fn open_session(&mut self, session: Session) {
        let resume = session.assessment.resume.clone();
        let question = resume
            .as_ref()
            .and_then(|r| r.question.as_deref())
            .and_then(|id| session.questionnaire.question_index(id))
            .unwrap_or(0);
        let screen = resume
            .as_ref()
            .and_then(|r| Screen::from_name(&r.screen))
            .unwrap_or(Screen::Question);
        let name = if session.assessment.meta.organisation.trim().is_empty() {
            "the assessment".to_string()
        } else {
            session.assessment.meta.organisation.clone()
        };
        self.session = Some(session);
        self.editor = None;
        self.prompt = None;
        self.confirm = None;
        self.overview_cursor = 0;
        self.roadmap_cursor = 0;
        self.targets_cursor = 0;
        self.export.outcomes.clear();
        self.set_question(question);
        self.screen = screen;
        self.say(format!(
            "Opened {}. Every change is saved at once.",
            crate::text::one_line(&name)
        ));
    }

    /// The open questionnaire, if any.
    pub fn questionnaire(&self) -> Option<&Questionnaire> {
        self.session.as_ref().map(|s| &s.questionnaire)
    }

    /// Shows question `index` (clamped) and highlights its level.
    pub fn set_question(&mut self, index: usize) {
        let Some(s) = &self.session else { return };
        let n = s.questionnaire.questions.len();
        self.question = index.min(n.saturating_sub(1));
        self.level_cursor = s
            .questionnaire
            .questions
            .get(self.question)
            .and_then(|q| s.assessment.answer(&q.id))
            .and_then(|a| a.level)
            .unwrap_or(1)
            .clamp(1, LEVELS);
    }

    /// Remembers the screen and question in the file so reopening resumes here.
    fn remember(&mut self) -> Vec<Effect> {
        let screen = self.screen;
        let question = self.question;
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        if !Screen::CYCLE.contains(&screen) {
            return Vec::new();
        }
        let id = s
            .questionnaire
            .questions
            .get(question)
            .map(|q| q.id.clone());
        let resume = Resume {
            screen: screen.name().to_string(),
            question: id,
            extra: s
                .assessment
                .resume
                .as_ref()
                .map(|r| r.extra.clone())
                .unwrap_or_default(),
        };
        if s.assessment.resume.as_ref() == Some(&resume) {
            return Vec::new();
        }
        s.assessment.resume = Some(resume);
        vec![Effect::SaveSoon]
    }

    /// Records a change to the assessment: stamps it, rescores, saves now.
    fn changed(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        if let Some(s) = &mut self.session {
            s.assessment.meta.updated = now;
            s.rescore();
        }
        let mut effects = self.remember();
        effects.retain(|e| *e != Effect::SaveSoon);
        effects.push(Effect::Save);
        effects
    }

    /// Goes to a screen of the open assessment (guarded: an N/A answer needs its
    /// justification before leaving the question).
    pub fn go_to_screen(&mut self, screen: Screen) -> Vec<Effect> {
        if self.session.is_none() || screen == self.screen {
            return Vec::new();
        }
        if self.screen == Screen::Question && !self.may_leave_question() {
            return Vec::new();
        }
        self.editor = None;
        self.status = None;
        self.screen = screen;
        if screen == Screen::Overview {
            self.overview_cursor = self.overview_row_of(self.question);
        }
        self.remember()
    }

    fn cycle_screen(&mut self, forward: bool) -> Vec<Effect> {
        let Some(i) = Screen::CYCLE.iter().position(|s| *s == self.screen) else {
            return Vec::new();
        };
        let n = Screen::CYCLE.len();
        let next = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        self.go_to_screen(Screen::CYCLE[next])
    }

    /// Whether the cursor may leave the current question: an N/A answer needs a
    /// justification note first. When not, says so and opens the note editor.
    pub fn may_leave_question(&mut self) -> bool {
        let Some(s) = &self.session else { return true };
        let Some(q) = s.questionnaire.questions.get(self.question) else {
            return true;
        };
        let needs = s
            .assessment
            .answer(&q.id)
            .is_some_and(|a| a.na && a.note.trim().is_empty());
        if needs {
            self.warn("N/A needs a justification: write in the note why this does not apply.");
            self.open_editor(EditorKind::Note);
            false
        } else {
            true
        }
    }

    fn results_input(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Act(Action::Back) => self.go_to_screen(Screen::Question),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests;
