//! What must hold on Linux, macOS and Windows alike: paths written the Windows way
//! (drive letters, backslashes, UNC shares) reach messages and exports intact, the
//! data folder is found per platform, the lock refuses a second writer, and every
//! action has a key that a MacBook keyboard has.
//!
//! These run on Linux in CI; the cfg(macos) and cfg(windows) cases are compiled and
//! linted by the cross-target steps of `.ci/run`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aims_readiness::assessment::Assessment;
use aims_readiness::export::{Format, Report};
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::store::{self, AssessmentLock, StoreError};
use aims_readiness::tui::app::Msg;
use aims_readiness::tui::keys::{self, KEYMAP, Key};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const BIN: &str = env!("CARGO_BIN_EXE_aims-readiness");

/// A file in a OneDrive-synced profile folder, as Windows writes it.
const WINDOWS_FILE: &str = r"C:\Users\Ann Lee\OneDrive - Acme\AIMS\acme_2026.json";
/// Evidence on a file share.
const UNC_EVIDENCE: &str = r"\\fs01\iso\risk_register [v2].xlsx";

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-27T09:00:00+01:00").expect("date")
}

fn questionnaire() -> Questionnaire {
    Questionnaire::embedded().expect("embedded")
}

#[test]
fn windows_paths_are_printed_verbatim_in_every_store_message() {
    let path = PathBuf::from(WINDOWS_FILE);
    let backup = store::backup_path(&path);
    assert_eq!(
        backup,
        Path::new(r"C:\Users\Ann Lee\OneDrive - Acme\AIMS\acme_2026.json.bak")
    );
    let errors = [
        StoreError::Damaged {
            path: path.clone(),
            at: Some("line 3, column 7".into()),
            message: "expected a number".into(),
            backup: Some(backup.clone()),
        },
        StoreError::InUse {
            path: path.clone(),
            pid: Some(4242),
        },
        StoreError::Exists { path: path.clone() },
        StoreError::NewerFormat {
            path: path.clone(),
            found: 9,
        },
        StoreError::Io {
            action: "open",
            path: path.clone(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        },
    ];
    for e in errors {
        let message = aims_readiness::text::one_line(&e.to_string()).into_owned();
        assert!(message.contains(WINDOWS_FILE), "{message}");
    }
    let damaged = StoreError::Damaged {
        path,
        at: None,
        message: "the file is empty".into(),
        backup: Some(backup),
    }
    .to_string();
    assert!(
        damaged
            .ends_with(r"a backup is at C:\Users\Ann Lee\OneDrive - Acme\AIMS\acme_2026.json.bak"),
        "{damaged}"
    );
}

#[test]
fn the_binary_names_a_windows_style_path_it_cannot_open() {
    // On Linux a backslash is an ordinary character of a file name: the name must come
    // back exactly as typed, not with its backslashes eaten or doubled.
    let home = tempfile::tempdir().expect("temp");
    let out = Command::new(BIN)
        .env("AIMS_READINESS_LANG", "en")
        .args(["score", WINDOWS_FILE])
        .env("AIMS_READINESS_HOME", home.path())
        .current_dir(home.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(WINDOWS_FILE), "{stderr}");
}

/// Undoes CommonMark's backslash escapes of ASCII punctuation, as a renderer does.
fn markdown_unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn windows_paths_in_notes_and_evidence_survive_every_text_export() {
    let q = questionnaire();
    let mut a = Assessment::new(&q, now());
    a.meta.organisation = "Acme".into();
    let answer = a.answer_mut("ctx-01");
    answer.level = Some(2);
    answer.note = format!("Register kept at {WINDOWS_FILE}");
    answer.evidence = vec![WINDOWS_FILE.into(), UNC_EVIDENCE.into()];
    let report = Report::new(&q, &a, now().date_naive(), now());
    let text = |format| String::from_utf8(report.render(format).expect("renders")).expect("utf-8");

    // Markdown escapes each backslash so that a renderer shows it, not eats it.
    let md = text(Format::Md);
    assert!(
        md.contains(r"C:\\Users\\Ann Lee\\OneDrive - Acme\\AIMS\\acme\_2026.json"),
        "the Markdown escapes each backslash and underscore"
    );
    let shown = markdown_unescape(&md);
    assert!(shown.contains(WINDOWS_FILE));
    assert!(shown.contains(UNC_EVIDENCE));

    // HTML needs no escape for a backslash: it stands as typed.
    let html = text(Format::Html);
    assert!(html.contains(WINDOWS_FILE));
    assert!(html.contains(r"\\fs01\iso\risk_register [v2].xlsx"));

    // OSCAL's description is markup (Markdown) inside JSON: both escapes undone give
    // the path back.
    let oscal: serde_json::Value = serde_json::from_str(&text(Format::Oscal)).expect("json");
    let descriptions: Vec<String> = oscal
        .pointer("/assessment-results/results/0/observations")
        .and_then(serde_json::Value::as_array)
        .expect("observations")
        .iter()
        .filter_map(|o| o.get("relevant-evidence"))
        .filter_map(serde_json::Value::as_array)
        .flatten()
        .filter_map(|e| e["description"].as_str().map(markdown_unescape))
        .collect();
    assert!(
        descriptions.iter().any(|d| d == WINDOWS_FILE),
        "{descriptions:?}"
    );
    assert!(
        descriptions.iter().any(|d| d == UNC_EVIDENCE),
        "{descriptions:?}"
    );
}

#[test]
fn the_lock_refuses_a_second_writer_on_every_platform_until_released() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("acme.json");
    store::create(&path, &Assessment::new(&questionnaire(), now())).expect("create");
    let held = AssessmentLock::acquire(&path).expect("first");
    assert_eq!(held.path(), dir.path().join(".acme.json.lock"));
    let err = AssessmentLock::acquire(&path).expect_err("a second writer is refused");
    let StoreError::InUse { path: named, pid } = &err else {
        panic!("{err}");
    };
    assert_eq!(named, &path);
    // Unix locks are advisory: the holder's pid can be read from the lock file. A
    // Windows lock covers the whole file and usually keeps it from being read; when
    // it is named, it must be the right one.
    #[cfg(unix)]
    assert_eq!(*pid, Some(std::process::id()));
    #[cfg(windows)]
    assert!(pid.is_none_or(|p| p == std::process::id()), "{pid:?}");
    let message = err.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("close it there first"), "{message}");
    drop(held);
    let again = AssessmentLock::acquire(&path).expect("free again once released");
    drop(again);
    // The lock never touched the assessment itself.
    assert!(store::read(&path).is_ok());
}

/// What `list` prints, with the data folder left to the platform unless `configure`
/// says otherwise.
fn list_output(home: &Path, configure: impl FnOnce(&mut Command)) -> String {
    let mut cmd = Command::new(BIN);
    cmd.env("AIMS_READINESS_LANG", "en");
    cmd.arg("list")
        .env_remove("AIMS_READINESS_HOME")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", home);
    configure(&mut cmd);
    let out: Output = cmd.output().expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Where `list` says the assessments are (it names the folder while it is empty).
fn listed_folder(home: &Path, configure: impl FnOnce(&mut Command)) -> String {
    let stdout = list_output(home, configure);
    stdout
        .strip_prefix("No assessments in ")
        .and_then(|s| s.split_once(" yet."))
        .map(|(folder, _)| folder.to_string())
        .unwrap_or_else(|| panic!("unexpected: {stdout}"))
}

#[test]
fn aims_readiness_home_wins_on_every_platform_and_an_empty_one_is_ignored() {
    let home = tempfile::tempdir().expect("temp");
    let chosen = home.path().join("Audits 2026");
    let folder = listed_folder(home.path(), |c| {
        c.env("AIMS_READINESS_HOME", &chosen);
    });
    assert_eq!(folder, chosen.join("assessments").display().to_string());
    // Windows finds the profile without HOME, so that folder may hold real assessments:
    // compare what is printed rather than parse it.
    let empty = list_output(home.path(), |c| {
        c.env("AIMS_READINESS_HOME", "");
    });
    let unset = list_output(home.path(), |_| {});
    assert_eq!(empty, unset);
    assert!(!empty.contains(&folder), "{empty}");
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn the_data_folder_on_linux_follows_xdg() {
    let home = tempfile::tempdir().expect("temp");
    let default = listed_folder(home.path(), |_| {});
    assert_eq!(
        default,
        home.path()
            .join(".local/share/aims-readiness/assessments")
            .display()
            .to_string()
    );
    let xdg = home.path().join("xdg data");
    let custom = listed_folder(home.path(), |c| {
        c.env("XDG_DATA_HOME", &xdg);
    });
    assert_eq!(
        custom,
        xdg.join("aims-readiness/assessments").display().to_string()
    );
    // A relative XDG_DATA_HOME is invalid by the specification and ignored.
    let relative = listed_folder(home.path(), |c| {
        c.env("XDG_DATA_HOME", "relative/data");
    });
    assert_eq!(relative, default);
}

#[cfg(target_os = "macos")]
#[test]
fn the_data_folder_on_macos_is_in_application_support() {
    let home = tempfile::tempdir().expect("temp");
    assert_eq!(
        listed_folder(home.path(), |_| {}),
        home.path()
            .join("Library/Application Support/aims-readiness/assessments")
            .display()
            .to_string()
    );
}

#[cfg(windows)]
#[test]
fn the_data_folder_on_windows_is_in_the_roaming_profile() {
    // Windows asks the profile for the folder, not the environment, so the user's own
    // folder is what is checked (in process: nothing is written there).
    let appdata = std::env::var_os("APPDATA")
        .map(PathBuf::from)
        .expect("APPDATA");
    assert_eq!(
        store::platform_data_dir(),
        Some(appdata.join(r"aims-readiness\data"))
    );
}

/// The key event a keymap entry stands for.
fn event_of(key: Key) -> KeyEvent {
    match key {
        Key::Ch(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Key::Code(KeyCode::BackTab) => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        Key::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
    }
}

/// Keys a MacBook (and many small laptops) does not have as such: Terminal.app also
/// keeps fn+arrows (Home, End, Page Up/Down) for scrolling its own window.
fn missing_on_a_laptop(key: Key) -> bool {
    matches!(
        key,
        Key::Code(
            KeyCode::Home
                | KeyCode::End
                | KeyCode::PageUp
                | KeyCode::PageDown
                | KeyCode::Delete
                | KeyCode::Insert
                | KeyCode::F(_)
        )
    )
}

#[test]
fn every_action_of_every_screen_has_a_key_a_laptop_keyboard_has() {
    let mut checked = 0;
    for binding in KEYMAP {
        for &mode in binding.modes {
            // The action as the table resolves it in this mode (the first match wins,
            // so a laptop key of a later row may be taken by an earlier one).
            let wanted = binding
                .keys
                .iter()
                .find_map(|&k| keys::resolve(&event_of(k), mode))
                .filter(|msg| {
                    matches!(msg, Msg::Act(a) if *a == binding.action)
                        || matches!(msg, Msg::Digit(_))
                });
            let Some(wanted) = wanted else {
                continue; // the row is shadowed in this mode: nothing to reach
            };
            let reachable = KEYMAP
                .iter()
                .flat_map(|b| b.keys.iter().copied())
                .filter(|&k| !missing_on_a_laptop(k))
                .any(|k| keys::resolve(&event_of(k), mode) == Some(wanted.clone()));
            assert!(
                reachable,
                "{:?} on the {} screen needs {}",
                binding.action,
                mode.title(aims_readiness::locale::Lang::En),
                binding.keys_label(aims_readiness::locale::Lang::En)
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} (mode, action) pairs checked");
}

#[test]
fn option_arrows_from_iterm2_and_terminal_app_never_type_a_letter() {
    use aims_readiness::tui::keys::{Action, Mode};
    for mode in [Mode::Editor, Mode::Prompt] {
        // iTerm2: ESC [ 1 ; 3 D, an arrow with Alt.
        let option_left = KeyEvent::new(KeyCode::Left, KeyModifiers::ALT);
        assert_eq!(
            keys::resolve(&option_left, mode),
            Some(Msg::Act(Action::Left))
        );
        // Terminal.app: ESC b and ESC f, Alt plus a letter.
        for c in ['b', 'f'] {
            let meta = KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT);
            assert_eq!(keys::resolve(&meta, mode), None, "{mode:?} typed {c}");
        }
    }
}
