//! Homework from spreadsheets: the workbook a participant without the app fills in
//! (Excel or LibreOffice), and reading back what people send: those workbooks, and CSV
//! files such as a forms tool exports.
//!
//! Everything here is pure: bytes in, bytes or answers out. `store::homework` reads
//! and writes the files; `merge` turns each [`Returned`] into one participant's votes.
//!
//! The layout of the workbook is this module's contract with itself: the writer
//! ([`workbook`]) and the reader ([`xlsx`]) share the constants below, so a workbook
//! made by one version is read by the same rules.

pub mod table;
pub mod workbook;
pub mod xlsx;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::assessment::Assessment;
pub use crate::locale::Said;
use crate::locale::{ErrorText, HomeworkText, Lang};
use crate::questionnaire::{Question, Questionnaire};

/// The name of the hidden sheet that identifies a homework workbook (never translated:
/// the reader looks for it).
pub const ABOUT_SHEET: &str = "aims-readiness";
/// The value in the first cell of [`ABOUT_SHEET`]'s second column: the layout version.
pub const FORMAT: &str = "aims-readiness homework 1";
/// Where the participant's name is, on the first sheet (row, column; zero-based): B6.
pub const PARTICIPANT_CELL: (u32, u16) = (5, 1);
/// The columns of the questions sheet (zero-based).
pub mod col {
    /// The question id.
    pub const ID: u16 = 0;
    /// Its short title.
    pub const TITLE: u16 = 1;
    /// The question.
    pub const QUESTION: u16 = 2;
    /// The level the participant chooses.
    pub const LEVEL: u16 = 3;
    /// The participant's note.
    pub const NOTE: u16 = 4;
    /// The descriptor of level 1; levels 2–5 follow.
    pub const FIRST_DESCRIPTOR: u16 = 5;
}

/// The largest spreadsheet or CSV file read (the same as an assessment).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// The most bytes a workbook may inflate to, counted while inflating (the sizes the
/// archive states are never trusted). A filled workbook of 48 questions is ~100 KB.
pub const MAX_INFLATED_BYTES: u64 = 64 * 1024 * 1024;
/// The most parts (files) in a workbook archive.
pub const MAX_PARTS: usize = 500;
/// The longest cell read, in characters (Excel's own limit).
pub const MAX_CELL_CHARS: usize = 32_767;
/// The most columns of a CSV or forms sheet.
pub const MAX_COLUMNS: usize = 1_000;
/// The most rows (answers of that many people) of a CSV or forms sheet.
pub const MAX_ROWS: usize = 10_000;

/// Why a homework file could not be made or read; every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum HomeworkError {
    /// The file as a whole is not what it should be.
    File {
        /// The file.
        path: PathBuf,
        /// What is wrong, as a sentence fragment ("is not an Excel workbook …").
        problem: Said,
    },
    /// One cell holds something that cannot be read.
    Cell {
        /// The file.
        path: PathBuf,
        /// Where: "sheet Questions, cell D7" or "row 3, column \"ctx-01 Scope\"".
        place: Said,
        /// What is wrong.
        problem: Said,
    },
    /// Writing the workbook failed (a text too long for a cell, for instance).
    Write {
        /// Whose workbook.
        participant: String,
        /// What the writer said.
        problem: String,
    },
    /// A workbook's name is taken in the folder.
    Exists {
        /// The name taken.
        path: PathBuf,
    },
    /// Nobody to make a workbook for.
    NoParticipants {
        /// The assessment.
        path: PathBuf,
    },
}

impl HomeworkError {
    /// The message in `lang`; `Display` prints it in English.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            HomeworkError::File { path, problem } => lang.f(
                ErrorText::HomeworkFile,
                &[
                    ("path", &path.display()),
                    ("problem", &problem.in_lang(lang)),
                ],
            ),
            HomeworkError::Cell {
                path,
                place,
                problem,
            } => lang.f(
                ErrorText::HomeworkCell,
                &[
                    ("path", &path.display()),
                    ("place", &place.in_lang(lang)),
                    ("problem", &problem.in_lang(lang)),
                ],
            ),
            HomeworkError::Write {
                participant,
                problem,
            } => lang.f(
                ErrorText::HomeworkWrite,
                &[("participant", participant), ("problem", problem)],
            ),
            HomeworkError::Exists { path } => {
                lang.f(ErrorText::HomeworkExists, &[("path", &path.display())])
            }
            HomeworkError::NoParticipants { path } => lang.f(
                ErrorText::HomeworkNoParticipants,
                &[("path", &path.display())],
            ),
        }
    }
}

impl std::fmt::Display for HomeworkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// What one person sent back: their name and their answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Returned {
    /// The file it came from.
    pub path: PathBuf,
    /// Where in the file (a CSV row: "row 3"), for messages; empty for a workbook.
    pub place: String,
    /// Who answered (the workbook's participant cell, the CSV's name column).
    pub participant: String,
    /// The questionnaire the workbook was made from (`None` for a CSV: it names none).
    pub questionnaire: Option<(String, String)>,
    /// The answers, by question id, in file order.
    pub answers: Vec<ReturnedAnswer>,
}

/// One answer sent back.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnedAnswer {
    /// The question id.
    pub question: String,
    /// The level chosen (`None` when blank or N/A).
    pub level: Option<u8>,
    /// N/A chosen.
    pub na: bool,
    /// The note typed.
    pub note: String,
}

/// A level as people type it: `3`, `3.0`, `3 - Defined`, `Level 3`/`Niveau 3`, the
/// scale's name in English or French (`Defined`, `Défini`), `N/A`/`NA`/`n.a.`/`not
/// applicable` or `S. O.`/`s/o`/`sans objet` (a French workbook's choice); blank is no
/// answer. `Err` says what
/// is wrong, in words for the person who typed it.
pub fn parse_level(
    text: &str,
    question: &Question,
    questionnaire: &Questionnaire,
) -> Result<Option<LevelChoice>, Said> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let lower = t.to_lowercase();
    let compact: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    if compact == "na"
        || compact == "so"
        || compact.starts_with("notapplicable")
        || compact.starts_with("sansobjet")
        || lower.starts_with("n/a")
        || lower.starts_with("s/o")
    {
        return if question.allow_na {
            Ok(Some(LevelChoice::NotApplicable))
        } else {
            Err(Said::new(
                HomeworkText::NaNotAllowed,
                &[("value", &shown(t)), ("id", &question.id)],
            ))
        };
    }
    let rest = lower
        .strip_prefix("level")
        .or_else(|| lower.strip_prefix("niveau"))
        .unwrap_or(&lower)
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let after = &rest[digits.len()..];
        // "3.0" is what a spreadsheet makes of the number 3; "3.5" is not a level.
        let fraction_ok = after
            .strip_prefix('.')
            .map(|f| f.chars().take_while(char::is_ascii_digit).all(|c| c == '0'))
            .unwrap_or(true);
        let next_ok = !after.starts_with(|c: char| c.is_alphanumeric());
        if let Ok(n @ 1..=5) = digits.parse::<u8>()
            && fraction_ok
            && next_ok
        {
            return Ok(Some(LevelChoice::Level(n)));
        }
    } else if let Some(level) = level_named(&lower, questionnaire) {
        return Ok(Some(LevelChoice::Level(level)));
    }
    Err(Said::new(
        if question.allow_na {
            HomeworkText::NotALevelOrNa
        } else {
            HomeworkText::NotALevel
        },
        &[("value", &shown(t))],
    ))
}

/// The level whose name (lower case) is `lower`: in the questionnaire's language, or
/// in the other one when it is the built-in questionnaire (a French workbook or form
/// sent back for an English assessment, or the reverse).
fn level_named(lower: &str, questionnaire: &Questionnaire) -> Option<u8> {
    let named = |q: &Questionnaire| {
        (1..=5u8).find(|l| {
            let name = q.level_name(*l).to_lowercase();
            !name.is_empty() && lower == name
        })
    };
    named(questionnaire).or_else(|| {
        let other = match questionnaire.language {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        };
        questionnaire.in_language(other).as_ref().and_then(named)
    })
}

/// A level or N/A, as chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelChoice {
    /// Level 1–5.
    Level(u8),
    /// Not applicable.
    NotApplicable,
}

/// A value quoted in a message: one line, at most 40 characters.
fn shown(text: &str) -> String {
    let line = crate::text::one_line(text);
    crate::text::clip(&line, 40)
}

/// A cell's text, refused past [`MAX_CELL_CHARS`].
pub fn check_cell(text: &str) -> Result<(), Said> {
    let n = text.chars().count();
    if n > MAX_CELL_CHARS {
        Err(Said::new(
            HomeworkText::CellTooLong,
            &[("count", &n), ("max", &MAX_CELL_CHARS)],
        ))
    } else {
        Ok(())
    }
}

/// The assessment standing for what one person sent back: their name as its only
/// assessor, their answers with notes. `merge` makes it that person's votes.
pub fn to_assessment(
    returned: &Returned,
    questionnaire: &Questionnaire,
    now: DateTime<FixedOffset>,
) -> Assessment {
    let mut out = Assessment::new(questionnaire, now);
    if let Some((id, version)) = &returned.questionnaire {
        out.questionnaire.id = id.clone();
        out.questionnaire.version = version.clone();
    }
    out.meta.assessors = vec![returned.participant.clone()];
    for a in &returned.answers {
        let answer = out.answer_mut(&a.question);
        answer.level = a.level;
        answer.na = a.na;
        answer.note = a.note.clone();
        if a.level.is_some() || a.na {
            answer.updated = Some(now);
        }
        if answer.level.is_none() && !answer.na && answer.note.is_empty() {
            out.answers.remove(&a.question);
        }
    }
    out
}

/// What kind of homework file a name is, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An assessment file (JSON).
    Assessment,
    /// An Excel workbook: ours, or a forms tool's export.
    Workbook,
    /// A CSV file.
    Csv,
    /// A spreadsheet format that is not read (`.ods`, `.xls`, `.numbers`).
    Unsupported,
}

/// The kind of `path`, by its extension (case-insensitive).
pub fn kind_of(path: &Path) -> Kind {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" => Kind::Workbook,
        "csv" | "tsv" | "txt" => Kind::Csv,
        "ods" | "xls" | "xlsb" | "numbers" => Kind::Unsupported,
        _ => Kind::Assessment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_read_as_people_type_them() {
        let q = Questionnaire::embedded().expect("built in");
        let na_question = q
            .questions
            .iter()
            .find(|x| x.allow_na)
            .expect("an N/A question");
        let plain = q
            .questions
            .iter()
            .find(|x| !x.allow_na)
            .expect("a plain question");
        let level = |t: &str, question| parse_level(t, question, &q);
        for (text, want) in [
            ("3", Some(LevelChoice::Level(3))),
            (" 3.0 ", Some(LevelChoice::Level(3))),
            ("3 - Defined", Some(LevelChoice::Level(3))),
            ("Level 4", Some(LevelChoice::Level(4))),
            ("5.", Some(LevelChoice::Level(5))),
            ("", None),
            ("N/A", Some(LevelChoice::NotApplicable)),
            ("S.\u{a0}O.", Some(LevelChoice::NotApplicable)),
            ("s/o", Some(LevelChoice::NotApplicable)),
            ("Sans objet", Some(LevelChoice::NotApplicable)),
            ("Niveau 4", Some(LevelChoice::Level(4))),
            ("Défini", Some(LevelChoice::Level(3))),
            ("n.a.", Some(LevelChoice::NotApplicable)),
            (
                "Not applicable (we train nothing)",
                Some(LevelChoice::NotApplicable),
            ),
        ] {
            assert_eq!(level(text, na_question), Ok(want), "{text:?}");
        }
        let name = q.level_name(2).to_string();
        assert_eq!(level(&name, plain), Ok(Some(LevelChoice::Level(2))));
        for bad in ["0", "6", "35", "3.5", "3a", "=1+2", "high"] {
            let e = level(bad, na_question).expect_err(bad);
            assert!(e.en.contains("is not a level"), "{bad}: {e}");
            assert!(e.fr.contains("n'est pas un niveau"), "{bad}: {e:?}");
        }
        let e = level("N/A", plain).expect_err("N/A on a plain question");
        assert!(e.en.contains("not allowed"), "{e}");
        assert!(e.fr.contains("(sans objet) n'est pas permis"), "{e:?}");
    }

    #[test]
    fn kinds_follow_the_extension() {
        assert_eq!(kind_of(Path::new("a/Dana.XLSX")), Kind::Workbook);
        assert_eq!(kind_of(Path::new("forms.csv")), Kind::Csv);
        assert_eq!(kind_of(Path::new("dana.json")), Kind::Assessment);
        assert_eq!(kind_of(Path::new("dana")), Kind::Assessment);
        assert_eq!(kind_of(Path::new("dana.ods")), Kind::Unsupported);
    }
}
