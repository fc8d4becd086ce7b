//! Reading an Excel workbook sent back: a homework workbook made by [`super::workbook`],
//! or a forms tool's export (its first sheet read as a [`Table`]).
//!
//! A workbook is a zip archive, so a hostile one can claim any size. Before anything
//! parses it, every part is inflated once and counted ([`MAX_INFLATED_BYTES`] in all,
//! whatever sizes the archive states); cells are then streamed, never laid out as a
//! grid (a sheet that claims a cell at XFD1048576 costs nothing). A formula is never
//! evaluated: the cell reads as its formula text (`=…`).

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Seek};
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx};

use super::table::Table;
use super::workbook::{INSTRUCTIONS_SHEET, QUESTIONS_SHEET};
use super::{
    ABOUT_SHEET, FORMAT, HomeworkError, LevelChoice, MAX_COLUMNS, MAX_INFLATED_BYTES, MAX_PARTS,
    MAX_ROWS, PARTICIPANT_CELL, Returned, ReturnedAnswer, Said, check_cell, col, parse_level,
};
use crate::locale::HomeworkText;
use crate::questionnaire::Questionnaire;

/// The most filled cells read from one sheet (48 questions × 2 cells × 1,000 people is
/// under half of it).
pub const MAX_CELLS: usize = 200_000;

/// What a workbook holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Sheet {
    /// A homework workbook made by this program.
    Homework(Filled),
    /// Any other workbook: its first sheet as a table (a forms tool's export).
    Table(Table),
}

/// A homework workbook as filled in, before its levels are checked against the
/// questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Filled {
    /// The questionnaire id and version it was made from.
    pub questionnaire: (String, String),
    /// The participant cell.
    pub participant: String,
    /// One row per question: the cell's place, the id, the level text, the note.
    pub rows: Vec<FilledRow>,
}

/// One question row of a filled workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledRow {
    /// The 1-based row number, for messages.
    pub row: u32,
    /// The question id.
    pub id: String,
    /// The level cell as text.
    pub level: String,
    /// The note cell as text.
    pub note: String,
}

/// Reads the workbook `bytes` of the file `path` (pure).
pub fn read(path: &Path, bytes: &[u8]) -> Result<Sheet, HomeworkError> {
    check_archive(path, bytes)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| HomeworkError::File {
        path: path.to_path_buf(),
        problem: Said::new(HomeworkText::NotReadableXlsx, &[("reason", &e)]),
    })?;
    let names = book.sheet_names();
    if names.iter().any(|n| n == ABOUT_SHEET) {
        let about = cells(path, &mut book, ABOUT_SHEET, |_, c| c == 1)?;
        let value = |row: u32| about.get(&(row, 1)).cloned().unwrap_or_default();
        if value(0) != FORMAT {
            return Err(file(
                path,
                Said::new(
                    HomeworkText::OtherVersion,
                    &[("value", &super::shown(&value(0)))],
                ),
            ));
        }
        let questionnaire = (value(1), value(2));
        let first = names.first().cloned().unwrap_or_default();
        let questions = names.get(1).cloned().unwrap_or_default();
        let (prow, pcol) = PARTICIPANT_CELL;
        let instructions = cells(path, &mut book, &first, |r, c| r == prow && c == pcol)?;
        let participant = instructions
            .get(&(prow, pcol))
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
        let wanted = |_: u32, c: u16| c == col::ID || c == col::LEVEL || c == col::NOTE;
        let grid = cells(path, &mut book, &questions, wanted)?;
        let mut rows: BTreeMap<u32, FilledRow> = BTreeMap::new();
        for ((r, c), text) in grid {
            if r == 0 {
                continue;
            }
            let row = rows.entry(r).or_insert_with(|| FilledRow {
                row: r + 1,
                id: String::new(),
                level: String::new(),
                note: String::new(),
            });
            match c {
                col::ID => row.id = text.trim().to_string(),
                col::LEVEL => row.level = text,
                _ => row.note = text,
            }
        }
        return Ok(Sheet::Homework(Filled {
            questionnaire,
            participant,
            rows: rows.into_values().collect(),
        }));
    }
    let first = names
        .first()
        .cloned()
        .ok_or_else(|| file(path, Said::new(HomeworkText::NoSheet, &[])))?;
    let grid = cells(path, &mut book, &first, |_, _| true)?;
    let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for ((r, c), text) in grid {
        let row = rows.entry(r).or_default();
        let c = usize::from(c);
        if row.len() <= c {
            row.resize(c + 1, String::new());
        }
        row[c] = text;
    }
    Ok(Sheet::Table(Table {
        path: path.to_path_buf(),
        rows: rows
            .into_iter()
            .map(|(r, cells)| (r as usize + 1, cells))
            .collect(),
    }))
}

fn file(path: &Path, problem: Said) -> HomeworkError {
    HomeworkError::File {
        path: path.to_path_buf(),
        problem,
    }
}

/// What a filled homework workbook says, checked against `questionnaire` (the one it
/// was made from): each level read leniently, each id known, a name given.
pub fn interpret(
    path: &Path,
    filled: &Filled,
    questionnaire: &Questionnaire,
) -> Result<Returned, HomeworkError> {
    // `row` is 1-based, as the person sees it.
    let cell = |sheet: &str, row: u32, column: u16, problem: Said| HomeworkError::Cell {
        path: path.to_path_buf(),
        place: sheet_cell(sheet, row.saturating_sub(1), u32::from(column)),
        problem,
    };
    if filled.participant.is_empty() {
        let (r, c) = PARTICIPANT_CELL;
        return Err(cell(
            INSTRUCTIONS_SHEET,
            r + 1,
            c,
            Said::new(HomeworkText::NameEmpty, &[]),
        ));
    }
    let mut answers = Vec::with_capacity(filled.rows.len());
    for row in &filled.rows {
        if row.level.trim().is_empty() && row.note.trim().is_empty() {
            continue;
        }
        let Some(question) = questionnaire.question(&row.id) else {
            return Err(cell(
                QUESTIONS_SHEET,
                row.row,
                col::ID,
                Said::new(
                    HomeworkText::UnknownQuestion,
                    &[
                        ("value", &super::shown(&row.id)),
                        ("questionnaire", &questionnaire.id),
                        ("version", &questionnaire.version),
                    ],
                ),
            ));
        };
        let choice = parse_level(&row.level, question, questionnaire)
            .map_err(|problem| cell(QUESTIONS_SHEET, row.row, col::LEVEL, problem))?;
        answers.push(ReturnedAnswer {
            question: question.id.clone(),
            level: match choice {
                Some(LevelChoice::Level(l)) => Some(l),
                _ => None,
            },
            na: choice == Some(LevelChoice::NotApplicable),
            note: row.note.trim().to_string(),
        });
    }
    Ok(Returned {
        path: path.to_path_buf(),
        place: String::new(),
        participant: filled.participant.clone(),
        questionnaire: Some(filled.questionnaire.clone()),
        answers,
    })
}

/// Inflates every part once, counting: refuses an archive that is not one, has too
/// many parts, or inflates past [`MAX_INFLATED_BYTES`].
pub fn check_archive(path: &Path, bytes: &[u8]) -> Result<(), HomeworkError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| file(path, Said::new(HomeworkText::NotXlsx, &[])))?;
    if zip.len() > MAX_PARTS {
        return Err(file(
            path,
            Said::new(
                HomeworkText::TooManyParts,
                &[("count", &zip.len()), ("max", &MAX_PARTS)],
            ),
        ));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let mut part = zip
            .by_index(i)
            .map_err(|e| file(path, Said::new(HomeworkText::Damaged, &[("reason", &e)])))?;
        let left = MAX_INFLATED_BYTES - total;
        let read = std::io::copy(&mut (&mut part).take(left + 1), &mut std::io::sink())
            .map_err(|e| file(path, Said::new(HomeworkText::Damaged, &[("reason", &e)])))?;
        total += read;
        if total > MAX_INFLATED_BYTES {
            return Err(file(
                path,
                Said::new(
                    HomeworkText::Inflates,
                    &[("mib", &(MAX_INFLATED_BYTES / (1024 * 1024)))],
                ),
            ));
        }
    }
    Ok(())
}

/// The text of the cells of `sheet` that `wanted` keeps, by (row, column), zero-based.
fn cells<RS: Read + Seek>(
    path: &Path,
    book: &mut Xlsx<RS>,
    sheet: &str,
    wanted: impl Fn(u32, u16) -> bool,
) -> Result<BTreeMap<(u32, u16), String>, HomeworkError> {
    let damaged =
        |e: calamine::XlsxError| file(path, Said::new(HomeworkText::Damaged, &[("reason", &e)]));
    let mut reader = book.worksheet_cells_reader(sheet).map_err(damaged)?;
    let mut out = BTreeMap::new();
    while let Some(cell) = reader.next_cell_with_formula().map_err(damaged)? {
        let (r, c) = cell.pos;
        let text = match cell.formula.filter(|f| !f.is_empty()) {
            Some(f) => format!("={f}"),
            None => text_of(&cell.value),
        };
        if text.is_empty() {
            continue;
        }
        let place = || sheet_cell(sheet, r, c);
        if c as usize >= MAX_COLUMNS {
            return Err(HomeworkError::Cell {
                path: path.to_path_buf(),
                place: place(),
                problem: Said::new(HomeworkText::ColumnsNeverRead, &[("max", &MAX_COLUMNS)]),
            });
        }
        if r as usize > MAX_ROWS {
            return Err(HomeworkError::Cell {
                path: path.to_path_buf(),
                place: place(),
                problem: Said::new(HomeworkText::RowsNeverRead, &[("max", &MAX_ROWS)]),
            });
        }
        let Ok(c) = u16::try_from(c) else { continue };
        if !wanted(r, c) {
            continue;
        }
        check_cell(&text).map_err(|problem| HomeworkError::Cell {
            path: path.to_path_buf(),
            place: place(),
            problem,
        })?;
        out.insert((r, c), text);
        if out.len() > MAX_CELLS {
            return Err(file(
                path,
                Said::new(
                    HomeworkText::TooManyCells,
                    &[("max", &MAX_CELLS), ("sheet", &sheet)],
                ),
            ));
        }
    }
    Ok(out)
}

/// A cell's value as the person sees it (a whole number without ".0").
fn text_of(value: &DataRef<'_>) -> String {
    match value {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(d) => d.as_f64().to_string(),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => format!("{e}"),
        _ => String::new(),
    }
}

/// Where a cell is, for messages: "sheet Questions, cell D7" (`row`, `column`
/// zero-based).
fn sheet_cell(sheet: &str, row: u32, column: u32) -> Said {
    Said::new(
        HomeworkText::PlaceSheetCell,
        &[("sheet", &sheet), ("cell", &cell_name(row, column))],
    )
}

/// "D7" for (6, 3).
pub fn cell_name(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut c = column + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(u64::from(row) + 1).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 3), "D7");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(9, 16383), "XFD10");
    }
}
