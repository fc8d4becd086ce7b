//! Answers in a table: a CSV file, or a forms tool's export (Microsoft Forms, Google
//! Forms), one row per person. The first row names the columns:
//!
//! - who answered: a column named `Name` (or `Full name`, `Your name`, `Participant`,
//!   `Respondent`, `Nom`), else `Email` (`E-mail`, `Email address`, `Courriel`);
//! - a level: a column whose header starts with a question id (`ctx-01`, `ctx-01. Scope…`)
//!   or with a question's short title; its values are read by [`super::parse_level`];
//! - a note: the same, with a header ending in `note` or `comment` (`ctx-01 note`);
//! - every other column (timestamps, ids, "Completion time") is ignored.

use std::path::{Path, PathBuf};

use super::{
    HomeworkError, LevelChoice, MAX_COLUMNS, MAX_ROWS, Returned, ReturnedAnswer, Said, check_cell,
    parse_level,
};
use crate::locale::HomeworkText;
use crate::questionnaire::{Question, Questionnaire};

/// Rows of text, the first naming the columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The file it came from.
    pub path: PathBuf,
    /// Each row with its 1-based number in the file, as a spreadsheet numbers it.
    pub rows: Vec<(usize, Vec<String>)>,
}

const NAME_HEADERS: &[&str] = &[
    "name",
    "full name",
    "your name",
    "participant",
    "participant name",
    "respondent",
    "nom",
    "nom complet",
];
const EMAIL_HEADERS: &[&str] = &[
    "email",
    "e-mail",
    "email address",
    "e-mail address",
    "courriel",
    "adresse e-mail",
];

/// Reads CSV `bytes` (UTF-8, with or without a byte-order mark; the delimiter, comma,
/// semicolon or tab, is the one the first line uses most).
pub fn from_csv(path: &Path, bytes: &[u8]) -> Result<Table, HomeworkError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |d: u8| first_line.iter().filter(|b| **b == d).count();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| (count(*d), *d == b','))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for (i, record) in reader.byte_records().enumerate() {
        let number = i + 1;
        let record = record.map_err(|e| {
            file(
                path,
                Said::new(HomeworkText::NotReadableCsv, &[("reason", &e)]),
            )
        })?;
        if record.len() > MAX_COLUMNS {
            return Err(file(
                path,
                Said::new(
                    HomeworkText::CsvTooManyColumns,
                    &[
                        ("count", &record.len()),
                        ("row", &number),
                        ("max", &MAX_COLUMNS),
                    ],
                ),
            ));
        }
        if number > MAX_ROWS + 1 {
            return Err(file(
                path,
                Said::new(HomeworkText::CsvTooManyRows, &[("max", &MAX_ROWS)]),
            ));
        }
        let mut cells = Vec::with_capacity(record.len());
        for (c, field) in record.iter().enumerate() {
            let text = std::str::from_utf8(field).map_err(|_| HomeworkError::Cell {
                path: path.to_path_buf(),
                place: row_column(number, c + 1),
                problem: Said::new(HomeworkText::NotUtf8, &[]),
            })?;
            check_cell(text).map_err(|problem| HomeworkError::Cell {
                path: path.to_path_buf(),
                place: row_column(number, c + 1),
                problem,
            })?;
            cells.push(text.to_string());
        }
        rows.push((number, cells));
    }
    Ok(Table {
        path: path.to_path_buf(),
        rows,
    })
}

fn row_column(row: usize, column: usize) -> Said {
    Said::new(
        HomeworkText::PlaceRowColumn,
        &[("row", &row), ("column", &column)],
    )
}

fn file(path: &Path, problem: Said) -> HomeworkError {
    HomeworkError::File {
        path: path.to_path_buf(),
        problem,
    }
}

/// What a column is for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Use<'q> {
    Level(&'q Question),
    Note(&'q Question),
}

fn normalise(header: &str) -> String {
    header.trim().to_lowercase()
}

/// The question a header starts with (by id, else by the longest short title), and
/// whether it names its note.
fn column_use<'q>(header: &str, questionnaire: &'q Questionnaire) -> Option<Use<'q>> {
    let h = normalise(header);
    let h = h.trim_start_matches(|c: char| !c.is_alphanumeric());
    let boundary = |rest: &str| !rest.starts_with(|c: char| c.is_alphanumeric());
    let by_id = questionnaire.questions.iter().find_map(|q| {
        h.strip_prefix(&q.id.to_lowercase())
            .filter(|rest| boundary(rest))
            .map(|rest| (q, rest.to_string()))
    });
    let found = by_id.or_else(|| {
        questionnaire
            .questions
            .iter()
            .filter_map(|q| {
                let title = q.short_title().trim().to_lowercase();
                h.strip_prefix(title.as_str())
                    .filter(|rest| !title.is_empty() && boundary(rest))
                    .map(|rest| (q, rest.to_string(), title.len()))
            })
            .max_by_key(|(_, _, len)| *len)
            .map(|(q, rest, _)| (q, rest))
    })?;
    let (question, rest) = found;
    let rest = rest.trim_end_matches(|c: char| !c.is_alphanumeric());
    if rest.ends_with("note")
        || rest.ends_with("notes")
        || rest.ends_with("comment")
        || rest.ends_with("comments")
    {
        Some(Use::Note(question))
    } else {
        Some(Use::Level(question))
    }
}

/// Each row of `table` as what one person sent back (rows with nothing in them are
/// skipped). Errors name the file, the row and the column.
pub fn returned(
    table: &Table,
    questionnaire: &Questionnaire,
) -> Result<Vec<Returned>, HomeworkError> {
    let path = &table.path;
    let Some((_, header)) = table.rows.first() else {
        return Err(file(path, Said::new(HomeworkText::CsvEmpty, &[])));
    };
    let find = |names: &[&str]| {
        header
            .iter()
            .position(|h| names.contains(&normalise(h).as_str()))
    };
    let (name_col, email_col) = (find(NAME_HEADERS), find(EMAIL_HEADERS));
    if name_col.is_none() && email_col.is_none() {
        return Err(file(path, Said::new(HomeworkText::NoNameColumn, &[])));
    }
    let mut uses: Vec<(usize, Use<'_>)> = Vec::new();
    for (c, h) in header.iter().enumerate() {
        let Some(u) = column_use(h, questionnaire) else {
            continue;
        };
        if let Some((other, _)) = uses.iter().find(|(_, seen)| *seen == u) {
            return Err(HomeworkError::Cell {
                path: path.to_path_buf(),
                place: row_column(1, c + 1),
                problem: Said::new(
                    HomeworkText::SameQuestion,
                    &[
                        ("header", &super::shown(h)),
                        ("other", &(other + 1)),
                        ("other_header", &super::shown(&header[*other])),
                    ],
                ),
            });
        }
        uses.push((c, u));
    }
    if uses.is_empty() {
        return Err(file(path, Said::new(HomeworkText::NoQuestionColumn, &[])));
    }
    let cell_of = |row: &[String], c: Option<usize>| {
        c.and_then(|c| row.get(c))
            .map_or("", |s| s.trim())
            .to_string()
    };
    let mut out = Vec::new();
    for (number, row) in &table.rows[1..] {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let name = Some(cell_of(row, name_col))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| cell_of(row, email_col));
        if name.is_empty() {
            return Err(HomeworkError::Cell {
                path: path.to_path_buf(),
                place: Said::new(HomeworkText::PlaceRow, &[("row", number)]),
                problem: Said::new(HomeworkText::NoName, &[]),
            });
        }
        let mut answers: Vec<ReturnedAnswer> = Vec::new();
        for (c, u) in &uses {
            let text = cell_of(row, Some(*c));
            if text.is_empty() {
                continue;
            }
            let question = match u {
                Use::Level(q) | Use::Note(q) => *q,
            };
            let i = match answers.iter().position(|a| a.question == question.id) {
                Some(i) => i,
                None => {
                    answers.push(ReturnedAnswer {
                        question: question.id.clone(),
                        level: None,
                        na: false,
                        note: String::new(),
                    });
                    answers.len() - 1
                }
            };
            match u {
                Use::Note(_) => answers[i].note = text,
                Use::Level(q) => {
                    let choice = parse_level(&text, q, questionnaire).map_err(|problem| {
                        HomeworkError::Cell {
                            path: path.to_path_buf(),
                            place: Said::new(
                                HomeworkText::PlaceRowColumnNamed,
                                &[
                                    ("row", number),
                                    ("column", &(c + 1)),
                                    ("header", &super::shown(&header[*c])),
                                ],
                            ),
                            problem,
                        }
                    })?;
                    answers[i].level = match choice {
                        Some(LevelChoice::Level(l)) => Some(l),
                        _ => None,
                    };
                    answers[i].na = choice == Some(LevelChoice::NotApplicable);
                }
            }
        }
        out.push(Returned {
            path: path.to_path_buf(),
            place: format!("row {number}"),
            participant: name,
            questionnaire: None,
            answers,
        });
    }
    Ok(out)
}
