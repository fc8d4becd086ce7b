//! The interactive app: a shell around the core. [`app`] holds the state and its
//! pure update, [`keys`] the one keymap table, [`view`] draws; this module runs the
//! loop and carries out the effects (the only I/O of the TUI).
//!
//! The terminal is restored however the app ends: normal exit, error, panic (a panic
//! hook restores it before the message is printed) or a stop request from outside
//! (SIGTERM/SIGHUP/SIGINT on Unix, Ctrl+Break or closing the console on Windows: see
//! [`stop`]; the loop then ends normally). Pending typing is saved in every one of those cases.
//!
//! Test hook: when `AIMS_READINESS_PANIC_AFTER_KEYS=N` is set at start-up, the loop
//! panics on purpose after handling the N-th key press, so an end-to-end test can prove
//! the panic path (terminal restored, exit status 101, answers on disk) on the real
//! binary. It is read once, here, and does nothing when unset.

use std::io::{self, Stdout, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEventKind,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::cli::{self, CliError, QuestionnaireArg};
use crate::export::{ExportError, Report};
use crate::questionnaire::Questionnaire;
use crate::scoring;
use crate::store::{self, AssessmentLock, Store, StoreError};

pub mod app;
pub mod editor;
pub mod keys;
pub mod stop;
pub mod theme;
pub mod view;

use app::{App, Effect, ExportOutcome, HomeEntry, Msg, Session};

/// The test hook's variable: panic on purpose after this many key presses.
pub const PANIC_AFTER_KEYS: &str = "AIMS_READINESS_PANIC_AFTER_KEYS";

/// How long typing may stay unsaved before it is written.
pub const TYPING_SAVE_DELAY: Duration = Duration::from_millis(400);

/// Where the app starts.
#[derive(Debug, Clone)]
pub enum Start {
    /// The home screen.
    Home,
    /// This assessment file.
    Open(PathBuf),
}

/// Why the interactive app stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    /// The terminal could not be set up, read or drawn to.
    #[error("the terminal failed: {0}")]
    Terminal(#[from] io::Error),
    /// Loading what the app needs failed.
    #[error(transparent)]
    Cli(#[from] CliError),
}

/// The current time (the one place the TUI reads the clock).
fn clock() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// Runs the interactive app until the user quits or a signal arrives.
pub fn run(store: Store, start: Start, questionnaire: QuestionnaireArg) -> Result<(), TuiError> {
    let default_questionnaire = Questionnaire::embedded().map_err(CliError::from)?;
    let folder = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut app = App::new(
        default_questionnaire,
        theme::Theme::from_env(),
        folder,
        clock(),
    );
    let mut runner = Runner {
        store,
        questionnaire,
        lock: None,
        save_due: None,
        quit: false,
        panic_after_keys: std::env::var(PANIC_AFTER_KEYS)
            .ok()
            .and_then(|n| n.trim().parse().ok()),
    };
    let stop = stop::install()?;
    let first = match start {
        Start::Home => Effect::LoadHome,
        Start::Open(path) => Effect::Open(path),
    };
    install_panic_hook();
    let mut terminal = enter()?;
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &mut runner, &stop, first)
    }));
    // Whatever happened, typed text and the time on the question reach the disk
    // before we leave.
    if app.stop_timer(clock()) {
        runner.save(&mut app);
    }
    runner.flush(&mut app);
    stop::saved();
    leave();
    match outcome {
        Ok(result) => result,
        Err(payload) => panic::resume_unwind(payload),
    }
}

fn enter() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(
        out,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    Terminal::new(CrosstermBackend::new(out))
}

/// Puts the terminal back as we found it (safe to call twice).
fn leave() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

fn install_panic_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    runner: &mut Runner,
    stop: &AtomicBool,
    first: Effect,
) -> Result<(), TuiError> {
    runner.apply(app, vec![first]);
    let mut redraw = true;
    while !runner.quit && !stop.load(Ordering::Relaxed) {
        if redraw {
            terminal.draw(|frame| view::render(app, frame))?;
            redraw = false;
        }
        let wait = runner
            .save_due
            .map_or(Duration::from_millis(250), |due| {
                due.saturating_duration_since(Instant::now())
            })
            .min(Duration::from_millis(250));
        if !event::poll(wait)? {
            // No key for a while: let the clock move. The app asks for a redraw only
            // when a clock on screen shows another second.
            let effects = app.update(Msg::Tick, clock());
            redraw |= effects.contains(&Effect::Redraw);
            runner.apply(app, effects);
        } else {
            let event = event::read()?;
            let is_key = matches!(event, Event::Key(_));
            let msg = match event {
                Event::Key(key) => keys::resolve(&key, app.mode()),
                Event::Paste(text) => Some(Msg::Paste(text)),
                Event::Mouse(m) => match m.kind {
                    MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click {
                        column: m.column,
                        row: m.row,
                    }),
                    MouseEventKind::ScrollDown => Some(Msg::Scroll { down: true }),
                    MouseEventKind::ScrollUp => Some(Msg::Scroll { down: false }),
                    _ => None,
                },
                Event::Resize(_, _) => {
                    redraw = true;
                    None
                }
                _ => None,
            };
            if let Some(msg) = msg {
                let effects = app.update(msg, clock());
                runner.apply(app, effects);
                redraw = true;
            }
            if is_key {
                runner.count_key();
            }
        }
        if runner.save_due.is_some_and(|due| Instant::now() >= due) {
            runner.save(app);
            redraw = true;
        }
    }
    Ok(())
}

/// Carries out effects: the disk, the lock, the exports.
struct Runner {
    store: Store,
    questionnaire: QuestionnaireArg,
    lock: Option<AssessmentLock>,
    save_due: Option<Instant>,
    quit: bool,
    /// The test hook ([`PANIC_AFTER_KEYS`]): key presses left before a forced panic.
    panic_after_keys: Option<u64>,
}

impl Runner {
    /// Counts a handled key press for the test hook, panicking when it runs out.
    fn count_key(&mut self) {
        if let Some(left) = &mut self.panic_after_keys {
            *left = left.saturating_sub(1);
            if *left == 0 {
                panic!("forced panic: {PANIC_AFTER_KEYS} was set");
            }
        }
    }

    fn apply(&mut self, app: &mut App, effects: Vec<Effect>) {
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            let reply = self.carry_out(app, effect);
            if let Some(msg) = reply {
                queue.extend(app.update(msg, clock()));
            }
        }
    }

    fn carry_out(&mut self, app: &mut App, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::LoadHome => Some(Msg::HomeLoaded(home_entries(&self.store))),
            Effect::Open(path) => {
                self.flush(app);
                self.lock = None;
                Some(match self.open(&path) {
                    Ok((session, lock)) => {
                        self.lock = Some(lock);
                        Msg::Opened(Box::new(session))
                    }
                    Err(e) => Msg::OpenFailed(open_error(&e)),
                })
            }
            Effect::Create(assessment) => {
                self.flush(app);
                self.lock = None;
                Some(match self.create(&assessment, &app.default_questionnaire) {
                    Ok((session, lock)) => {
                        self.lock = Some(lock);
                        Msg::Opened(Box::new(session))
                    }
                    Err(e) => Msg::OpenFailed(e.to_string()),
                })
            }
            Effect::Delete(path) => match delete(&path) {
                Ok(()) => Some(Msg::HomeLoaded(home_entries(&self.store))),
                Err(e) => Some(Msg::DeleteFailed(e.to_string())),
            },
            Effect::Save => {
                self.save(app);
                None
            }
            Effect::SaveSoon => {
                if self.save_due.is_none() {
                    self.save_due = Some(Instant::now() + TYPING_SAVE_DELAY);
                }
                None
            }
            Effect::Close => {
                self.flush(app);
                self.lock = None;
                Some(Msg::Closed)
            }
            Effect::Export {
                formats,
                folder,
                force,
            } => {
                let session = app.session.as_ref()?;
                Some(Msg::Exported(export(
                    session, &formats, &folder, force, app.today,
                )))
            }
            Effect::Quit => {
                self.quit = true;
                None
            }
            Effect::Redraw => None,
        }
    }

    /// Saves the open assessment now.
    fn save(&mut self, app: &mut App) {
        self.save_due = None;
        let Some(s) = &app.session else { return };
        if let Err(e) = store::save(&s.path, &s.assessment) {
            let _ = app.update(Msg::SaveFailed(e.to_string()), clock());
        }
    }

    /// Saves if typing is waiting to be saved.
    fn flush(&mut self, app: &mut App) {
        if self.save_due.is_some() {
            self.save(app);
        }
    }

    fn open(&self, path: &Path) -> Result<(Session, AssessmentLock), CliError> {
        let lock = AssessmentLock::acquire(path)?;
        let assessment = store::read(path)?;
        let questionnaire =
            cli::resolve_questionnaire(&self.store, path, &assessment, &self.questionnaire)?;
        store::check_fits(path, &assessment, &questionnaire)?;
        Ok((
            Session::new(path.to_path_buf(), assessment, questionnaire),
            lock,
        ))
    }

    fn create(
        &self,
        assessment: &crate::assessment::Assessment,
        questionnaire: &Questionnaire,
    ) -> Result<(Session, AssessmentLock), CliError> {
        self.store.ensure()?;
        let path = self.store.new_assessment_path(
            &assessment.meta.organisation,
            assessment.meta.created.date_naive(),
        );
        store::create(&path, assessment)?;
        let lock = AssessmentLock::acquire(&path)?;
        Ok((
            Session::new(path, assessment.clone(), questionnaire.clone()),
            lock,
        ))
    }
}

/// Why an assessment did not open, in one line that fits the status bar: a lock
/// conflict names the file and the other process first.
fn open_error(e: &CliError) -> String {
    match e {
        CliError::Store(StoreError::InUse { path, pid }) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let pid = pid.map(|p| format!(" (pid {p})")).unwrap_or_default();
            format!(
                "{name} is in use by another aims-readiness process{pid}; close it there first."
            )
        }
        other => other.to_string(),
    }
}

/// The saved assessments with their progress and verdict so far.
fn home_entries(store: &Store) -> Vec<HomeEntry> {
    let Ok(files) = store.list() else {
        return Vec::new();
    };
    let mut entries: Vec<HomeEntry> = files
        .into_iter()
        .map(|path| {
            let file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match cli::load_assessment(store, &path, &QuestionnaireArg { file: None }) {
                Ok((a, q)) => {
                    let s = scoring::score(&q, &a);
                    HomeEntry {
                        file,
                        organisation: a.meta.organisation.clone(),
                        answered: s.overall.answered + s.overall.not_applicable,
                        total: s.overall.total,
                        verdict: cli::verdict_text(&s),
                        updated: Some(a.meta.updated),
                        problem: None,
                        path,
                    }
                }
                Err(e) => HomeEntry {
                    file,
                    organisation: String::new(),
                    answered: 0,
                    total: 0,
                    verdict: String::new(),
                    updated: None,
                    problem: Some(e.to_string()),
                    path,
                },
            }
        })
        .collect();
    // Most recently changed first: the one to resume is on top.
    entries.sort_by_key(|e| std::cmp::Reverse(e.updated));
    entries
}

/// Deletes an assessment and its backup, refusing while another process has it open.
fn delete(path: &Path) -> Result<(), StoreError> {
    let lock = AssessmentLock::acquire(path)?;
    std::fs::remove_file(path).map_err(|source| StoreError::Io {
        action: "delete",
        path: path.to_path_buf(),
        source,
    })?;
    let _ = std::fs::remove_file(store::backup_path(path));
    let lock_file = lock.path().to_path_buf();
    drop(lock);
    let _ = std::fs::remove_file(lock_file);
    Ok(())
}

/// Writes each format on its own, so one that fails or exists does not stop the rest.
fn export(
    session: &Session,
    formats: &[crate::export::Format],
    folder: &Path,
    force: bool,
    today: chrono::NaiveDate,
) -> Vec<(crate::export::Format, ExportOutcome)> {
    let report = Report::new(&session.questionnaire, &session.assessment, today, clock());
    formats
        .iter()
        .map(|f| {
            let outcome = match crate::export::write_all(&report, &[*f], folder, force) {
                Ok(paths) => match paths.into_iter().next() {
                    Some(p) => ExportOutcome::Written(p),
                    None => ExportOutcome::Failed("nothing was written".into()),
                },
                Err(ExportError::Store(StoreError::Exists { path })) => ExportOutcome::Exists(path),
                Err(e) => ExportOutcome::Failed(e.to_string()),
            };
            (*f, outcome)
        })
        .collect()
}
