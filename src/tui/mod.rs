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
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
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

use crate::export::{ExportError, Report};
use crate::locale::{Lang, StatusText};
use crate::questionnaire::{Questionnaire, QuestionnaireError};
use crate::store::catalog::{self, CatalogError};
use crate::store::{self, AssessmentLock, Store, StoreError};

pub mod app;
mod capped;
pub mod editor;
pub mod keys;
pub mod msg;
pub mod stop;
pub mod theme;
pub mod view;

use app::{App, Effect, ExportOutcome, Msg, Session};
use capped::Capped;

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
    Catalog(#[from] CatalogError),
}

impl From<QuestionnaireError> for TuiError {
    fn from(e: QuestionnaireError) -> Self {
        TuiError::Catalog(e.into())
    }
}

/// The current time (the one place the TUI reads the clock).
fn clock() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// Runs the interactive app until the user quits or a signal arrives. `questionnaire`
/// is the `--questionnaire FILE` the user gave, if any.
pub fn run(
    store: Store,
    start: Start,
    questionnaire: Option<PathBuf>,
    lang: Lang,
) -> Result<(), TuiError> {
    let default_questionnaire = Questionnaire::embedded()?;
    let folder = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut app = App::new(
        default_questionnaire,
        theme::Theme::from_env(),
        folder,
        clock(),
    );
    app.set_lang(lang);
    let mut runner = Runner {
        store,
        background: Background::new(),
        questionnaire,
        lock: None,
        save_due: None,
        quit: false,
        panic_after_keys: std::env::var(PANIC_AFTER_KEYS)
            .ok()
            .and_then(|n| n.trim().parse().ok()),
    };
    let stop = stop::install()?;
    // Job control: SIGTSTP (kill -TSTP, or Ctrl-Z where the terminal sends it) and SIGCONT
    // are acted on in the loop, so the terminal is handed back cooked and taken back raw.
    let job = JobControl::default();
    #[cfg(unix)]
    {
        signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&job.suspend))?;
        signal_hook::flag::register(signal_hook::consts::SIGCONT, Arc::clone(&job.resumed))?;
    }
    let first = match start {
        Start::Home => Effect::LoadHome,
        Start::Open(path) => Effect::Open(path),
    };
    install_panic_hook();
    let mut terminal = enter()?;
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &mut runner, &stop, &job, first)
    }));
    // Whatever happened, typed text and the time on the question reach the disk
    // before we leave.
    let effects = app.update(Msg::Stopping, clock());
    runner.apply(&mut app, effects);
    runner.flush(&mut app);
    stop::saved();
    leave();
    match outcome {
        Ok(result) => result,
        Err(payload) => panic::resume_unwind(payload),
    }
}

fn enter() -> io::Result<Terminal<Capped<CrosstermBackend<Stdout>>>> {
    take_terminal()?;
    Terminal::new(Capped(CrosstermBackend::new(io::stdout())))
}

/// Raw mode, the alternate screen, mouse and paste reporting.
fn take_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Flags the job-control signal handlers set for the loop.
#[derive(Default)]
struct JobControl {
    /// SIGTSTP arrived: save, give the terminal back, stop.
    suspend: Arc<AtomicBool>,
    /// SIGCONT arrived: take the terminal again and redraw everything.
    resumed: Arc<AtomicBool>,
}

impl JobControl {
    /// Acts on a pending suspend or continue; true when the screen must be redrawn
    /// from scratch.
    fn handle(
        &self,
        terminal: &mut Terminal<Capped<CrosstermBackend<Stdout>>>,
        app: &mut App,
        runner: &mut Runner,
    ) -> Result<bool, TuiError> {
        if self.suspend.swap(false, Ordering::Relaxed) {
            runner.flush(app);
            leave();
            #[cfg(unix)]
            signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
            // Stopped until SIGCONT; then the terminal is taken back below.
            self.resumed.store(true, Ordering::Relaxed);
        }
        if self.resumed.swap(false, Ordering::Relaxed) {
            // The shell may have reset the terminal while we were stopped. A fresh
            // Terminal forgets what it drew, so the next frame is drawn whole.
            take_terminal()?;
            execute!(
                io::stdout(),
                crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
            )?;
            *terminal = Terminal::new(Capped(CrosstermBackend::new(io::stdout())))?;
            return Ok(true);
        }
        Ok(false)
    }
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
    terminal: &mut Terminal<Capped<CrosstermBackend<Stdout>>>,
    app: &mut App,
    runner: &mut Runner,
    stop: &AtomicBool,
    job: &JobControl,
    first: Effect,
) -> Result<(), TuiError> {
    runner.apply(app, vec![first]);
    let mut redraw = true;
    while !runner.quit && !stop.load(Ordering::Relaxed) {
        redraw |= job.handle(terminal, app, runner)?;
        if redraw {
            let mut info = None;
            terminal.draw(|frame| info = Some(view::render(app, frame)))?;
            if let Some(info) = info {
                let effects = app.update(Msg::Drawn(info), clock());
                runner.apply(app, effects);
            }
            redraw = false;
        }
        // While files are hashed in the background, look for their answers often.
        let idle = if runner.background.busy() {
            Duration::from_millis(30)
        } else {
            Duration::from_millis(250)
        };
        let wait = runner
            .save_due
            .map_or(idle, |due| due.saturating_duration_since(Instant::now()))
            .min(idle);
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
        // Every answer that arrived, then one frame for all of them.
        for msg in runner.background.arrived() {
            let effects = app.update(msg, clock());
            runner.apply(app, effects);
            redraw = true;
        }
        if runner.save_due.is_some_and(|due| Instant::now() >= due) {
            if let Some(msg) = runner.save(app) {
                let effects = app.update(msg, clock());
                runner.apply(app, effects);
            }
            redraw = true;
        }
    }
    Ok(())
}

/// Work done on other threads (hashing evidence files, which may be large or on a
/// slow share): each job sends its answers as [`Msg`]s that the loop hands to the app.
struct Background {
    send: mpsc::Sender<Msg>,
    receive: mpsc::Receiver<Msg>,
    /// Jobs still running.
    running: Arc<AtomicUsize>,
}

impl Background {
    fn new() -> Self {
        let (send, receive) = mpsc::channel();
        Background {
            send,
            receive,
            running: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// Whether a job is running or an answer waits.
    fn busy(&self) -> bool {
        self.running.load(Ordering::Acquire) > 0
    }

    /// The answers that arrived since the last call.
    fn arrived(&self) -> Vec<Msg> {
        self.receive.try_iter().collect()
    }

    /// Runs `job` on its own thread; it answers through the sender it is given. A job
    /// whose answers come after the app has quit is simply forgotten.
    fn spawn(&self, job: impl FnOnce(&mpsc::Sender<Msg>) + Send + 'static) {
        let send = self.send.clone();
        let running = Arc::clone(&self.running);
        running.fetch_add(1, Ordering::AcqRel);
        let spawned = std::thread::Builder::new()
            .name("evidence".into())
            .spawn(move || {
                job(&send);
                running.fetch_sub(1, Ordering::AcqRel);
            });
        if spawned.is_err() {
            // No thread to be had: nothing runs, so nothing is waited for.
            self.running.fetch_sub(1, Ordering::AcqRel);
        }
    }
}

/// Carries out effects: the disk, the lock, the exports.
struct Runner {
    store: Store,
    background: Background,
    questionnaire: Option<PathBuf>,
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
            Effect::LoadHome => Some(Msg::HomeLoaded(home_entries(&self.store, app.lang))),
            Effect::Open(path) => {
                self.flush(app);
                self.lock = None;
                Some(match self.open(&path) {
                    Ok((session, lock)) => {
                        self.lock = Some(lock);
                        Msg::Opened(Box::new(session))
                    }
                    Err(e) => Msg::OpenFailed(open_error(&e, app.lang)),
                })
            }
            Effect::Create(created) => {
                self.flush(app);
                self.lock = None;
                let (assessment, questionnaire) = *created;
                Some(
                    match catalog::create_for_editing(&self.store, &assessment) {
                        Ok((path, lock)) => {
                            self.lock = Some(lock);
                            Msg::Opened(Box::new(Session::new(path, assessment, questionnaire)))
                        }
                        Err(e) => Msg::OpenFailed(e.in_lang(app.lang)),
                    },
                )
            }
            Effect::NextRound(old) => {
                self.flush(app);
                self.lock = None;
                let created = catalog::next_round(&self.store, &old, clock())
                    .and_then(|(path, _, _)| self.open(&path));
                Some(match created {
                    Ok((session, lock)) => {
                        self.lock = Some(lock);
                        Msg::Opened(Box::new(session))
                    }
                    Err(e) => Msg::OpenFailed(open_error(&e, app.lang)),
                })
            }
            Effect::Delete(path) => match self.store.move_to_trash(&path) {
                Ok(_) => Some(Msg::HomeLoaded(home_entries(&self.store, app.lang))),
                Err(e) => Some(Msg::DeleteFailed(e.in_lang(app.lang))),
            },
            Effect::Save => self.save(app),
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
                session,
                now,
                formats,
                folder,
                force,
            } => {
                // The round this one follows, when it records one and it can be read.
                let baseline = catalog::recorded_baseline(
                    &self.store,
                    &session.assessment,
                    &session.questionnaire,
                )
                .and_then(Result::ok)
                .map(|(_, b)| b);
                Some(Msg::Exported(export(
                    &session,
                    app.lang,
                    baseline.as_ref(),
                    &formats,
                    &folder,
                    force,
                    now,
                )))
            }
            Effect::AddEvidence {
                location,
                question,
                check,
                now,
            } => {
                // Always on another thread: even a small file may sit on a slow share,
                // and the screen must keep answering meanwhile.
                let lang = app.lang;
                self.background.spawn(move |send| {
                    let new = crate::store::evidence::NewEvidence {
                        location,
                        question: question.clone(),
                        check: check.clone(),
                        ..Default::default()
                    };
                    let item = crate::store::evidence::item_for(&new, now)
                        .map(Box::new)
                        .map_err(|e| e.in_lang(lang));
                    let _ = send.send(Msg::EvidenceReady {
                        item,
                        question,
                        check,
                    });
                });
                None
            }
            Effect::VerifyEvidence { run, items } => {
                let lang = app.lang;
                self.background.spawn(move |send| {
                    for item in items {
                        let (status, reason) = crate::store::evidence::verify_item(&item, lang);
                        let answer = Msg::EvidenceChecked {
                            run,
                            id: item.id,
                            status,
                            reason,
                        };
                        if send.send(answer).is_err() {
                            break;
                        }
                    }
                });
                None
            }
            Effect::Quit => {
                self.quit = true;
                None
            }
            Effect::Redraw => None,
        }
    }

    /// Saves the open assessment now; a failure is the app's to show.
    fn save(&mut self, app: &App) -> Option<Msg> {
        self.save_due = None;
        let s = app.session.as_ref()?;
        // Through the lock: the save moves the lock to the new file before it takes
        // the name, so no other process can slip in between.
        let saved = match self.lock.as_mut() {
            Some(lock) => lock.save(&s.assessment),
            None => store::save(&s.path, &s.assessment),
        };
        Some(match saved {
            Ok(()) => Msg::SaveSucceeded,
            Err(e) => Msg::SaveFailed(e.in_lang(app.lang)),
        })
    }

    /// Saves if typing is waiting to be saved.
    fn flush(&mut self, app: &mut App) {
        if self.save_due.is_some()
            && let Some(msg) = self.save(app)
        {
            let effects = app.update(msg, clock());
            self.apply(app, effects);
        }
    }

    fn open(&self, path: &Path) -> Result<(Session, AssessmentLock), CatalogError> {
        let (opened, lock) =
            catalog::open_for_editing(&self.store, path, self.questionnaire.as_deref())?;
        let mut session = Session::new(opened.path, opened.assessment, opened.questionnaire);
        session.migrated = opened.migrated;
        session.carried = opened.carried;
        Ok((session, lock))
    }
}

/// Why an assessment did not open, in one line that fits the status bar: a lock
/// conflict names the file and the other process first.
fn open_error(e: &CatalogError, lang: Lang) -> String {
    match e {
        CatalogError::Store(StoreError::InUse { path, pid }) => {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match pid {
                Some(pid) => lang.f(StatusText::InUsePid, &[("name", &name), ("pid", pid)]),
                None => lang.f(StatusText::InUse, &[("name", &name)]),
            }
        }
        other => other.in_lang(lang),
    }
}

/// The saved assessments with their progress and verdict so far (none when the
/// folder cannot be read: the home screen then offers a new one).
fn home_entries(store: &Store, lang: Lang) -> Vec<catalog::Summary> {
    catalog::summaries(store, lang).unwrap_or_default()
}

/// Writes each format on its own, so one that fails or exists does not stop the rest.
fn export(
    session: &Session,
    interface: Lang,
    baseline: Option<&crate::assessment::Assessment>,
    formats: &[crate::export::Format],
    folder: &Path,
    force: bool,
    now: DateTime<FixedOffset>,
) -> Vec<(crate::export::Format, ExportOutcome)> {
    // The report is in the assessment's language, else the interface's.
    let lang = crate::export::report_lang(None, &session.assessment, interface);
    let translated = crate::export::translated(&session.questionnaire, lang);
    let mut report = Report::new(
        translated.as_ref().unwrap_or(&session.questionnaire),
        &session.assessment,
        now.date_naive(),
        now,
    )
    .with_lang(lang);
    if let Some(b) = baseline {
        report = report.with_baseline(b);
    }
    // A folder typed as `~/reports` means the home folder, as in a shell.
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let folder = &store::expand_home(folder, home.as_deref());
    formats
        .iter()
        .map(|f| {
            let outcome = match crate::export::write_all(&report, &[*f], folder, force) {
                Ok(paths) => match paths.into_iter().next() {
                    Some(p) => ExportOutcome::Written(p),
                    None => ExportOutcome::Failed(interface.t(StatusText::NothingWritten).into()),
                },
                Err(ExportError::Store(StoreError::Exists { path })) => ExportOutcome::Exists(path),
                Err(e) => ExportOutcome::Failed(e.in_lang(interface)),
            };
            (*f, outcome)
        })
        .collect()
}
