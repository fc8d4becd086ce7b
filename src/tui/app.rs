//! The app's state and its one way to change: [`App::update`] takes a message and the
//! time, changes the state and returns the [`Effect`]s the runner carries out. No I/O
//! happens here, so every behaviour is testable without a terminal.

use crate::locale::{Lang, StatusText};
use std::path::PathBuf;
use std::rc::Rc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::layout::Position;

use crate::export::Format;
use crate::questionnaire::Questionnaire;
use crate::roadmap::RoadmapItem;
use crate::scoring::FindingKind;
use crate::store::catalog::Summary;

use super::keys::{Action, Mode};
use super::theme::Theme;

mod checklist;
mod details;
mod language;
mod lists;
mod model;
mod navigation;
mod question;
mod register;
mod report_fields;
mod soa;
mod workshop;
mod workshop_agenda;
mod workshop_room;

pub use details::DetailsRow;
pub use lists::OverviewRow;
pub use model::*;
pub use register::{RegisterState, Verification};
pub use workshop::SessionClock;

/// The whole state of the interactive app.
#[derive(Debug)]
pub struct App {
    /// Styles.
    pub theme: Theme,
    /// The language of the interface.
    pub lang: Lang,
    /// The screen shown.
    pub screen: Screen,
    /// The questionnaire new assessments answer.
    pub default_questionnaire: Questionnaire,
    /// Saved assessments.
    pub home: Vec<Summary>,
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
    /// Whether the user moved the highlight on this question (Enter then scores it).
    pub level_picked: bool,
    /// The list the question screen was opened from (Esc goes back there).
    pub came_from: Option<Screen>,
    /// Results: the selected critical gap.
    pub results_cursor: usize,
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
    /// A message shown over the screen until closed (what a migration changed).
    pub notice: Option<Notice>,
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
    /// Statement of Applicability cursor (a row of [`App::soa_controls`]).
    pub soa_cursor: usize,
    /// Statement of Applicability filter.
    pub soa_filter: SoaFilter,
    /// Export screen.
    pub export: ExportState,
    /// The status line.
    pub status: Option<Status>,
    /// What the last frame showed (hits, sizes), from [`Msg::Drawn`].
    pub frame: FrameInfo,
    /// The roadmap of the open session, kept until the answers or the day change
    /// (it is read by every key and every frame of the roadmap screen); refreshed at
    /// the end of each update, never by the view.
    roadmap_memo: Option<RoadmapMemo>,
    /// The overview rows under a filter, kept until the answers or the filter change.
    overview_memo: Option<OverviewMemo>,
    /// The time of the last message (the injected clock), for timers on screen.
    pub now: DateTime<FixedOffset>,
    /// The participant row selected on the voting screen.
    pub voting_cursor: usize,
    /// Whether the presenter view is shown.
    pub presenter: bool,
    /// Whether the next digit overrides the consensus.
    pub override_armed: bool,
    /// The timer of the question on screen during a workshop.
    pub timer: Option<crate::workshop::timebox::QuestionTimer>,
    /// When this workshop session started, for its elapsed time and pace.
    pub session_clock: Option<SessionClock>,
    /// The checklist of the question shown, when open: the highlighted check.
    pub checklist: Option<usize>,
    /// The row selected on the assessment details screen.
    pub details_cursor: usize,
    /// Where Esc on the details screen goes back to (home when none).
    pub details_from: Option<Screen>,
    /// Whether the assessment being opened from home shows its details first.
    pub details_on_open: bool,
    /// The facilitator chose the voting row (arrows or a click): a digit there changes
    /// that person's vote. Otherwise a digit only goes to someone who has not voted.
    pub vote_row_chosen: bool,
    /// A break started then: the question timer and the session's clock are paused.
    pub on_break: Option<DateTime<FixedOffset>>,
    /// The discussion agenda over the voting screen, when open: its highlighted row.
    pub agenda: Option<usize>,
    /// The question shown before this one (the presenter shows its result).
    pub previous_question: Option<usize>,
    /// The evidence register screen.
    pub register: RegisterState,
}

/// Overview rows and what they were computed from: the change count and the filter.
type OverviewMemo = (u64, Filter, Rc<Vec<OverviewRow>>);

/// A roadmap and what it was computed from: the session's change count and the day.
#[derive(Debug, Clone)]
struct RoadmapMemo {
    changes: u64,
    today: NaiveDate,
    items: Rc<Vec<RoadmapItem>>,
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
            lang: Lang::default(),
            screen: Screen::Home,
            default_questionnaire,
            home: Vec::new(),
            home_loaded: false,
            home_cursor: 0,
            new_form,
            session: None,
            question: 0,
            level_cursor: 1,
            level_picked: false,
            came_from: None,
            results_cursor: 0,
            show_guidance: false,
            editor: None,
            prompt: None,
            confirm: None,
            help: false,
            notice: None,
            help_scroll: 0,
            filter: Filter::All,
            overview_cursor: 0,
            roadmap_cursor: 0,
            targets_cursor: 0,
            soa_cursor: 0,
            soa_filter: SoaFilter::All,
            export: ExportState {
                formats: Format::ALL.iter().map(|f| (*f, true)).collect(),
                folder: export_folder,
                cursor: 0,
                outcomes: Vec::new(),
            },
            status: None,
            frame: FrameInfo::default(),
            roadmap_memo: None,
            overview_memo: None,
            now,
            voting_cursor: 0,
            presenter: false,
            override_armed: false,
            timer: None,
            session_clock: None,
            checklist: None,
            details_cursor: 0,
            details_from: None,
            details_on_open: false,
            vote_row_chosen: false,
            on_break: None,
            agenda: None,
            previous_question: None,
            register: RegisterState::default(),
        }
    }

    /// The key mode right now: the key list over everything, then the other overlays,
    /// then the screen.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else {
            self.help_mode()
        }
    }

    /// The mode of the screen under the overlays: the presenter view or an override
    /// in progress take the place of the screen's own keys.
    fn screen_mode(&self) -> Mode {
        if self.override_armed {
            Mode::Override
        } else if self.agenda.is_some() {
            Mode::Agenda
        } else if self.presenter {
            Mode::Presenter
        } else if self.screen == Screen::Evidence && self.register.pick.is_some() {
            Mode::RegisterPick
        } else {
            self.screen.mode()
        }
    }

    /// The mode under the key list (whose keys it lists): an overlay in order of
    /// priority (a notice, a question, a prompt, the editor), else the screen's own.
    pub fn help_mode(&self) -> Mode {
        if self.notice.is_some() {
            Mode::Notice
        } else if self.confirm.is_some() {
            Mode::Confirm
        } else if self.prompt.is_some() {
            Mode::Prompt
        } else if self.editor.is_some() {
            Mode::Editor
        } else if self.checklist.is_some() && self.screen == Screen::Question {
            Mode::Checklist
        } else {
            self.screen_mode()
        }
    }

    /// Shows a message on the status line.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            warn: false,
            save_failed: false,
        });
    }

    /// Shows a warning on the status line.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            warn: true,
            save_failed: false,
        });
    }

    /// Today, for roadmap dates (from the injected clock).
    pub fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }

    /// Handles one message at time `now`; returns what the runner must do.
    pub fn update(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let effects = match msg {
            Msg::Tick => self.tick(now),
            Msg::Drawn(info) => {
                self.frame = info;
                self.help_scroll = self.help_scroll.min(self.frame.help_max_scroll);
                Vec::new()
            }
            Msg::Stopping => {
                // A half-typed participant note is kept like the editors' text.
                let kept = self.keep_typed_participant_note(now);
                if self.stop_timer(now) || kept {
                    vec![Effect::Save]
                } else {
                    Vec::new()
                }
            }
            msg => {
                self.now = now;
                let effects = self.dispatch(msg, now);
                self.follow_timer(effects, now)
            }
        };
        self.refresh_memos();
        effects
    }

    fn dispatch(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
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
                self.details_on_open = false;
                self.warn(message);
                vec![Effect::LoadHome]
            }
            Msg::SaveFailed(message) => {
                self.warn(self.lang.f(StatusText::NotSaved, &[("message", &message)]));
                if let Some(status) = &mut self.status {
                    status.save_failed = true;
                }
                Vec::new()
            }
            Msg::SaveSucceeded => {
                // A "Not saved" warning must not outlive the failure it reports.
                if self.status.as_ref().is_some_and(|s| s.save_failed) {
                    self.say(self.lang.t(StatusText::Saved));
                }
                Vec::new()
            }
            Msg::Closed => {
                self.status = None;
                self.set_session(None);
                self.screen = Screen::Home;
                vec![Effect::LoadHome]
            }
            Msg::DeleteFailed(message) => {
                self.warn(message);
                vec![Effect::LoadHome]
            }
            Msg::Exported(outcomes) => self.exported(outcomes),
            Msg::EvidenceReady {
                item,
                question,
                check,
            } => self.evidence_ready(item, &question, check.as_deref(), now),
            Msg::EvidenceChecked {
                run,
                id,
                status,
                reason,
            } => self.evidence_checked(run, id, status, reason),
            Msg::Click { column, row } => self.click(column, row, now),
            Msg::Scroll { down } => {
                let action = if down { Action::Down } else { Action::Up };
                if self.editor.is_some() || self.prompt.is_some() || self.confirm.is_some() {
                    return Vec::new();
                }
                self.dispatch(Msg::Act(action), now)
            }
            other => self.input(other, now),
        }
    }

    fn input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        if msg == Msg::Act(Action::Quit) {
            return vec![Effect::Quit];
        }
        // Only the modes whose keymap rows bind it send it (home, the key list).
        if msg == Msg::Act(Action::SwitchLang) {
            return self.switch_lang();
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
                // Never past the end of the list the last frame showed: ↑ then moves at once.
                self.help_scroll = self.help_scroll.min(self.frame.help_max_scroll);
                Vec::new()
            }
            Mode::Notice => {
                if let Some(n) = &mut self.notice {
                    match msg {
                        Msg::Act(Action::Back | Action::Enter | Action::Help) => self.notice = None,
                        Msg::Act(Action::Up) => n.scroll = n.scroll.saturating_sub(1),
                        Msg::Act(Action::Down) => n.scroll = n.scroll.saturating_add(1),
                        Msg::Act(Action::PageUp) => n.scroll = n.scroll.saturating_sub(10),
                        Msg::Act(Action::PageDown) => n.scroll = n.scroll.saturating_add(10),
                        Msg::Act(Action::First) => n.scroll = 0,
                        Msg::Act(Action::Last) => n.scroll = usize::MAX,
                        _ => {}
                    }
                }
                Vec::new()
            }
            Mode::Confirm => self.confirm_input(msg, now),
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
                    Mode::Voting | Mode::Presenter => self.voting_input(msg, now),
                    Mode::Override => self.override_input(msg, now),
                    Mode::Agenda => self.agenda_input(msg, now),
                    Mode::Soa => self.soa_input(msg, now),
                    Mode::Checklist => self.checklist_input(msg, now),
                    Mode::Details => self.details_input(msg, now),
                    Mode::Register | Mode::RegisterPick => self.register_input(msg, now),
                    _ => Vec::new(),
                }
            }
        }
    }

    fn click(&mut self, column: u16, row: u16, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let hit = self
            .frame
            .hits
            .iter()
            .find(|(r, _)| r.contains(Position::new(column, row)))
            .map(|(_, h)| *h);
        if self.help || self.notice.is_some() || self.confirm.is_some() || self.prompt.is_some() {
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
                Screen::Soa => {
                    self.soa_cursor = i;
                    Vec::new()
                }
                Screen::Details => {
                    self.details_cursor = i;
                    Vec::new()
                }
                Screen::Evidence => {
                    self.register.cursor = i;
                    Vec::new()
                }
                Screen::Voting if !self.presenter => {
                    self.voting_cursor = i;
                    self.vote_row_chosen = true;
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

    fn confirm_input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(confirm) = self.confirm.take() else {
            return Vec::new();
        };
        match (msg, confirm) {
            (Msg::Act(Action::Yes), Confirm::Delete(path)) => {
                self.say(self.lang.t(StatusText::MovedToTrash));
                vec![Effect::Delete(path)]
            }
            (Msg::Act(Action::Yes), Confirm::ReplaceExports(formats)) => {
                self.export_effect(formats, true)
            }
            (Msg::Act(Action::Yes), Confirm::RemoveFlag { question, .. }) => {
                self.remove_flag(&question, now)
            }
            (Msg::Act(Action::Yes), Confirm::RemoveParticipant { name, .. }) => {
                self.remove_participant(&name, now)
            }
            (Msg::Act(Action::Yes), Confirm::ConfirmUnanimous(questions)) => {
                self.confirm_unanimous(&questions, now)
            }
            (Msg::Act(Action::No), _) => {
                self.say(self.lang.t(StatusText::NothingChanged));
                Vec::new()
            }
            (_, confirm) => {
                self.confirm = Some(confirm);
                Vec::new()
            }
        }
    }

    fn results_input(&mut self, msg: Msg) -> Vec<Effect> {
        let reasons = self
            .session
            .as_ref()
            .map_or(0, |s| s.scores.readiness.reasons.len());
        match msg {
            Msg::Act(a) if lists::is_move(a) => {
                self.results_cursor = lists::step(self.results_cursor, reasons, a, self.page());
                Vec::new()
            }
            Msg::Act(Action::Enter) => self.open_reason(),
            Msg::Act(Action::Back) => self.go_to_screen(Screen::Question),
            _ => Vec::new(),
        }
    }

    /// Opens what the selected reason is about: its question, or the Statement of
    /// Applicability for a control (Esc comes back to Results).
    fn open_reason(&mut self) -> Vec<Effect> {
        let Some(s) = &self.session else {
            return Vec::new();
        };
        let Some(reason) = s.scores.readiness.reasons.get(self.results_cursor) else {
            return Vec::new();
        };
        match reason.kind {
            FindingKind::Question => match s.questionnaire.question_index(&reason.id) {
                Some(i) => self.jump(i),
                None => Vec::new(),
            },
            FindingKind::Control | FindingKind::Soa => self.go_to_screen(Screen::Soa),
            FindingKind::Domain => Vec::new(),
        }
    }
}

#[cfg(test)]
mod register_tests;
#[cfg(test)]
mod soa_tests;
#[cfg(test)]
mod status_lang_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod workshop_room_tests;
#[cfg(test)]
mod workshop_tests;
