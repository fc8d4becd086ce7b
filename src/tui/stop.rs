//! Requests from outside to end the app, turned into one flag the event loop reads,
//! so that every way of ending saves typed text the same way as `q`.
//!
//! - **Unix**: SIGTERM, SIGHUP (the terminal was closed) and SIGINT. In raw mode Ctrl-C
//!   is a key press, handled by the keymap.
//! - **Windows**: the console's control events: Ctrl+Break, Ctrl+C when it arrives as
//!   an event, the console window being closed, log-off and shut-down. Windows ends the
//!   process as soon as the handler returns from a close, log-off or shut-down event,
//!   so the handler waits (at most [`CLOSE_GRACE`]) until [`saved`] says typed text is
//!   on disk.

use std::io;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
#[cfg(windows)]
use std::time::Duration;

/// How long a console-close handler holds Windows back while the app saves; Windows
/// itself ends the process after about five seconds.
#[cfg(windows)]
pub const CLOSE_GRACE: Duration = Duration::from_millis(4500);

/// Routes the platform's stop requests to a flag that becomes true on the first one.
pub fn install() -> io::Result<Arc<AtomicBool>> {
    imp::install()
}

/// Says that typed text has been saved after a stop, so the app may be ended.
pub fn saved() {
    imp::saved();
}

#[cfg(unix)]
mod imp {
    use std::io;
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;

    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

    pub(super) fn install() -> io::Result<Arc<AtomicBool>> {
        let stop = Arc::new(AtomicBool::new(false));
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
        Ok(stop)
    }

    /// Unix waits for nothing: the signal only set the flag.
    pub(super) fn saved() {}
}

#[cfg(windows)]
mod imp {
    use std::io;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, OnceLock};
    use std::time::Instant;

    use windows_sys::Win32::System::Console::{
        CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
        SetConsoleCtrlHandler,
    };
    use windows_sys::core::BOOL;

    use super::CLOSE_GRACE;

    /// The flag the handler sets (a handler routine takes no context).
    static STOP: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    /// Set once typed text is saved after a stop.
    static SAVED: AtomicBool = AtomicBool::new(false);

    pub(super) fn install() -> io::Result<Arc<AtomicBool>> {
        if let Some(stop) = STOP.get() {
            // Installed before in this process: one handler, one flag, made fresh.
            stop.store(false, Ordering::SeqCst);
            SAVED.store(false, Ordering::SeqCst);
            return Ok(Arc::clone(stop));
        }
        let stop = Arc::clone(STOP.get_or_init(|| Arc::new(AtomicBool::new(false))));
        // SAFETY: `on_console_event` matches PHANDLER_ROUTINE and only touches statics.
        if unsafe { SetConsoleCtrlHandler(Some(on_console_event), 1) } == 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(stop)
    }

    pub(super) fn saved() {
        SAVED.store(true, Ordering::SeqCst);
    }

    /// Runs on a thread Windows starts for each console control event.
    unsafe extern "system" fn on_console_event(event: u32) -> BOOL {
        let ends_the_process = match event {
            CTRL_C_EVENT | CTRL_BREAK_EVENT => false,
            CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => true,
            _ => return 0,
        };
        if let Some(stop) = STOP.get() {
            stop.store(true, Ordering::SeqCst);
        }
        if ends_the_process {
            let deadline = Instant::now() + CLOSE_GRACE;
            while !SAVED.load(Ordering::SeqCst) && Instant::now() < deadline {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
        1
    }
}
