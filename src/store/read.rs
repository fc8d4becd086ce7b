//! Reading files the folder may hold: regular files only, never past a size limit,
//! and parsing an assessment (nothing is written here).

use super::*;

/// The marker inside the `io::Error` of a name that is not a regular file.
#[derive(Debug)]
pub(super) struct NotRegularFile;

impl std::fmt::Display for NotRegularFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("it is not a regular file (a folder, FIFO, device or socket)")
    }
}

impl std::error::Error for NotRegularFile {}

pub(super) fn is_not_regular(e: &std::io::Error) -> bool {
    e.get_ref()
        .is_some_and(|inner| inner.is::<NotRegularFile>())
}

/// How [`open_regular`] treats a symbolic link at the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Links {
    Follow,
    Refuse,
}

/// Opens `path` for reading if it is a regular file. A FIFO or device is never read
/// (opening does not block on it: non-blocking open, then the type is checked on the
/// open file, so a swap between check and use is impossible).
pub(super) fn open_regular(path: &Path, links: Links) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    options.custom_flags(
        libc::O_NONBLOCK
            | if links == Links::Refuse {
                libc::O_NOFOLLOW
            } else {
                0
            },
    );
    #[cfg(not(unix))]
    if links == Links::Refuse && fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(std::io::Error::other("it is a symbolic link"));
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            NotRegularFile,
        ));
    }
    Ok(file)
}

/// Reads at most `limit` bytes from the current position of `file`; more is an error of
/// kind `FileTooLarge`. The length the file reports is never trusted.
pub(super) fn read_bounded(file: &mut File, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!(
                "it is over {} MiB, the limit for this kind of file",
                limit / (1024 * 1024)
            ),
        ));
    }
    Ok(bytes)
}

/// Reads the regular file `path` (following a symbolic link), at most `limit` bytes.
/// A FIFO, device, socket or folder is refused without blocking; a larger file is
/// refused whatever length it reports.
pub fn read_limited(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut file = open_regular(path, Links::Follow)?;
    read_bounded(&mut file, limit)
}

/// Parses the bytes of an assessment file named `path` (pure: nothing is read or written).
pub fn parse_bytes(bytes: &[u8], path: &Path) -> Result<Assessment, StoreError> {
    parse(bytes).map_err(|e| match e {
        ParseError::Newer(found) => StoreError::NewerFormat {
            path: path.to_path_buf(),
            found,
        },
        ParseError::Damaged { at, message } => StoreError::Damaged {
            path: path.to_path_buf(),
            at,
            message,
            backup: existing_backup(path),
        },
    })
}

/// Why bytes are not an assessment.
#[derive(Debug)]
pub(super) enum ParseError {
    Newer(u64),
    Damaged { at: Option<String>, message: String },
}

pub(super) fn damaged_at(e: &serde_json::Error) -> ParseError {
    ParseError::Damaged {
        at: (e.line() > 0).then(|| format!("line {}, column {}", e.line(), e.column())),
        message: json_message(e),
    }
}

/// Parses assessment bytes (pure).
pub(super) fn parse(bytes: &[u8]) -> Result<Assessment, ParseError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Damaged {
            at: None,
            message: Lang::En.t(ErrorText::DetailEmpty).into(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ParseError::Damaged {
        at: Some(format!("byte {}", e.valid_up_to())),
        message: Lang::En.t(ErrorText::DetailNotUtf8).into(),
    })?;
    // A byte-order mark (added by some Windows editors) is harmless: skip it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<crate::json::NoDuplicateKeys>(text).map_err(|e| damaged_at(&e))?;
    if !text.trim_start().starts_with('{') {
        return Err(ParseError::Damaged {
            at: Some("$".into()),
            message: Lang::En.t(ErrorText::DetailNotObject).into(),
        });
    }

    #[derive(Deserialize)]
    struct Probe {
        format_version: Option<serde_json::Value>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|_| ParseError::Damaged {
        at: Some("$".into()),
        message: Lang::En.t(ErrorText::DetailNotObject).into(),
    })?;
    match probe.format_version.as_ref().map(|v| v.as_u64()) {
        None => {
            return Err(ParseError::Damaged {
                at: Some("format_version".into()),
                message: Lang::En.t(ErrorText::DetailNoFormatVersion).into(),
            });
        }
        Some(None) => {
            return Err(ParseError::Damaged {
                at: Some("format_version".into()),
                message: Lang::En.t(ErrorText::DetailWholeNumber).into(),
            });
        }
        Some(Some(v)) if v > u64::from(FORMAT_VERSION) => return Err(ParseError::Newer(v)),
        Some(Some(v)) if v < u64::from(FORMAT_VERSION) => {
            return Err(ParseError::Damaged {
                at: Some("format_version".into()),
                message: format!("format version {v} never existed (the first is 1)"),
            });
        }
        Some(Some(_)) => {}
    }
    // Fast path: a well-formed file parses directly; the path of an error, which costs a
    // string per key to track, is only worked out when there is an error to report.
    if let Ok(assessment) = serde_json::from_str::<Assessment>(text) {
        return Ok(assessment);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, Assessment>(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        ParseError::Damaged {
            at: Some(format!(
                "{path} (line {}, column {})",
                inner.line(),
                inner.column()
            )),
            message: json_message(&inner),
        }
    })
}

/// Checks that an assessment fits its questionnaire.
pub fn check_fits(
    path: &Path,
    assessment: &Assessment,
    questionnaire: &Questionnaire,
) -> Result<(), StoreError> {
    let problems = assessment.mismatches(questionnaire);
    if problems.is_empty() {
        return Ok(());
    }
    Err(StoreError::Mismatch {
        path: path.to_path_buf(),
        questionnaire: format!("{} {}", questionnaire.id, questionnaire.version),
        problems: problems
            .into_iter()
            .map(|m| crate::locale::Said {
                en: Lang::En.f(
                    crate::locale::HomeworkText::FitAt,
                    &[("at", &m.at), ("problem", &m.message.en)],
                ),
                fr: Lang::Fr.f(
                    crate::locale::HomeworkText::FitAt,
                    &[("at", &m.at), ("problem", &m.message.fr)],
                ),
            })
            .collect(),
        backup: existing_backup(path),
    })
}
