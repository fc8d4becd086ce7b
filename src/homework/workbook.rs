//! The homework workbook (xlsx): an instructions sheet, then one row per question with
//! a drop-down for the level and a cell for a note. Only the participant's name, the
//! levels and the notes can be changed (sheet protection without a password: it keeps
//! the layout the reader relies on, it is not a secret).

use rust_xlsxwriter::{
    Color, DataValidation, Format, FormatAlign, FormatBorder, ProtectionOptions, Workbook,
    Worksheet, XlsxError,
};

use super::{ABOUT_SHEET, FORMAT, HomeworkError, PARTICIPANT_CELL, col};
use crate::locale::{HomeworkText, Lang};
use crate::questionnaire::Questionnaire;

/// Whose workbook, for which assessment.
#[derive(Debug, Clone)]
pub struct WorkbookFor<'a> {
    /// The organisation assessed.
    pub organisation: &'a str,
    /// The assessment file's name, so the facilitator knows where it goes back.
    pub assessment: &'a str,
    /// The participant; `None` for one workbook everybody fills in (they type their name).
    pub participant: Option<&'a str>,
    /// The language of its words (the questionnaire passed is already in it); the
    /// sheet names and the hidden sheet are the same in both languages.
    pub lang: Lang,
}

/// The sheet the questions are on (the same word in French; the reader finds the
/// sheets by their place, not their names).
pub const QUESTIONS_SHEET: &str = "Questions";
/// The first sheet.
pub const INSTRUCTIONS_SHEET: &str = "Instructions";

/// The choices of the level drop-down: N/A is « S. O. » in French.
pub fn choices(allow_na: bool, lang: Lang) -> Vec<&'static str> {
    let mut c = vec!["1", "2", "3", "4", "5"];
    if allow_na {
        c.push(lang.t(HomeworkText::NaChoice));
    }
    c
}

/// The workbook's bytes.
pub fn workbook(
    questionnaire: &Questionnaire,
    who: &WorkbookFor<'_>,
) -> Result<Vec<u8>, HomeworkError> {
    build(questionnaire, who).map_err(|e| HomeworkError::Write {
        participant: who
            .participant
            .unwrap_or(who.lang.t(HomeworkText::Everybody))
            .to_string(),
        problem: e.to_string(),
    })
}

fn build(questionnaire: &Questionnaire, who: &WorkbookFor<'_>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    instructions(book.add_worksheet(), questionnaire, who)?;
    questions(book.add_worksheet(), questionnaire, who.lang)?;
    about(book.add_worksheet(), questionnaire, who)?;
    book.save_to_buffer()
}

fn wrapped() -> Format {
    Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xBFBFBF))
}

/// The cells a participant fills in: unlocked, pale yellow.
fn to_fill() -> Format {
    wrapped()
        .set_unlocked()
        .set_background_color(Color::RGB(0xFFF2CC))
}

/// The height (points) a row needs so that each `(text, column width)` shows whole once
/// wrapped. Neither Excel nor LibreOffice fits rows to wrapped text when they open a
/// file, so the heights are set here, estimated generously (a character of the default
/// font is about one width unit; a line is 15 points).
fn row_height(cells: &[(&str, f64)]) -> f64 {
    let lines = cells
        .iter()
        .map(|(text, width)| {
            let per_line = (width * 1.25 - 2.0).max(4.0);
            text.split('\n')
                .map(|para| {
                    let n = crate::text::str_width(para) as f64;
                    (n / per_line).ceil().max(1.0)
                })
                .sum::<f64>()
        })
        .fold(1.0, f64::max);
    lines * 15.0 + 3.0
}

fn protection() -> ProtectionOptions {
    // Widening a column or a row to read better is allowed; nothing else.
    ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::new()
    }
}

fn instructions(
    sheet: &mut Worksheet,
    questionnaire: &Questionnaire,
    who: &WorkbookFor<'_>,
) -> Result<(), XlsxError> {
    let lang = who.lang;
    sheet.set_name(INSTRUCTIONS_SHEET)?;
    sheet.set_active(true);
    sheet.set_column_width(0, 18)?;
    sheet.set_column_width(1, 90)?;
    let title = Format::new().set_bold().set_font_size(16);
    let label = Format::new().set_bold().set_align(FormatAlign::Top);
    let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    sheet.write_string_with_format(0, 0, lang.t(HomeworkText::Title), &title)?;
    sheet.write_string_with_format(2, 0, lang.t(HomeworkText::LabelAssessment), &label)?;
    let org = if who.organisation.trim().is_empty() {
        who.assessment.to_string()
    } else {
        format!("{} ({})", who.organisation, who.assessment)
    };
    sheet.write_string_with_format(2, 1, org, &text)?;
    sheet.write_string_with_format(3, 0, lang.t(HomeworkText::LabelQuestionnaire), &label)?;
    sheet.write_string_with_format(
        3,
        1,
        lang.f(
            HomeworkText::QuestionnaireVersion,
            &[
                ("title", &questionnaire.title),
                ("version", &questionnaire.version),
            ],
        ),
        &text,
    )?;
    let (row, column) = PARTICIPANT_CELL;
    sheet.write_string_with_format(row, 0, lang.t(HomeworkText::LabelName), &label)?;
    sheet.write_string_with_format(row, column, who.participant.unwrap_or(""), &to_fill())?;
    let name_hint = if who.participant.is_some() {
        lang.t(HomeworkText::NameHintFor)
    } else {
        lang.t(HomeworkText::NameHintType)
    };
    sheet.write_string_with_format(row + 1, column, name_hint, &text)?;
    sheet.set_row_height(row, 20)?;

    let steps = [
        HomeworkText::Step1,
        HomeworkText::Step2,
        HomeworkText::Step3,
        HomeworkText::Step4,
        HomeworkText::Step5,
    ];
    sheet.write_string_with_format(row + 3, 0, lang.t(HomeworkText::LabelSteps), &label)?;
    let mut r = row + 3;
    for (i, step) in steps.iter().enumerate() {
        let line = lang.f(
            HomeworkText::NumberedStep,
            &[("n", &(i + 1)), ("step", &lang.t(*step))],
        );
        sheet.set_row_height(r, row_height(&[(&line, 90.0)]))?;
        sheet.write_string_with_format(r, 1, line, &text)?;
        r += 1;
    }
    r += 1;
    sheet.write_string_with_format(r, 0, lang.t(HomeworkText::LabelScale), &label)?;
    for s in &questionnaire.scale {
        let line = lang.f(
            HomeworkText::ScaleLine,
            &[
                ("level", &s.level),
                ("name", &s.name),
                ("description", &s.description),
            ],
        );
        sheet.set_row_height(r, row_height(&[(&line, 90.0)]))?;
        sheet.write_string_with_format(r, 1, line, &text)?;
        r += 1;
    }
    sheet.write_string_with_format(r, 1, lang.t(HomeworkText::NaLine), &text)?;
    sheet.protect_with_options(&protection());
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn questions(
    sheet: &mut Worksheet,
    questionnaire: &Questionnaire,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(QUESTIONS_SHEET)?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xD9E1F2))
        .set_border(FormatBorder::Thin);
    let body = wrapped();
    let id = wrapped().set_bold();
    let fill = to_fill();
    let level_fill = to_fill().set_align(FormatAlign::Center);
    const DESCRIPTOR_WIDTH: f64 = 34.0;
    let widths = [
        (col::ID, 9.0),
        (col::TITLE, 24.0),
        (col::QUESTION, 55.0),
        (col::LEVEL, 11.0),
        (col::NOTE, 40.0),
    ];
    for (c, w) in widths {
        sheet.set_column_width(c, w)?;
    }
    let headers = [
        (col::ID, HomeworkText::HeaderId),
        (col::TITLE, HomeworkText::HeaderTopic),
        (col::QUESTION, HomeworkText::HeaderQuestion),
        (col::LEVEL, HomeworkText::HeaderLevel),
        (col::NOTE, HomeworkText::HeaderNote),
    ];
    for (c, text) in headers {
        sheet.write_string_with_format(0, c, lang.t(text), &header)?;
    }
    for level in 1..=5u8 {
        let c = col::FIRST_DESCRIPTOR + u16::from(level) - 1;
        sheet.set_column_width(c, DESCRIPTOR_WIDTH)?;
        sheet.write_string_with_format(
            0,
            c,
            format!("{level} – {}", questionnaire.level_name(level)),
            &header,
        )?;
    }
    for (i, q) in questionnaire.questions.iter().enumerate() {
        let row = u32::try_from(i + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        let mut cells = vec![(q.short_title(), 24.0), (q.text.as_str(), 55.0)];
        cells.extend((1..=5u8).map(|l| (q.level_text(l), DESCRIPTOR_WIDTH)));
        sheet.set_row_height(row, row_height(&cells))?;
        sheet.write_string_with_format(row, col::ID, &q.id, &id)?;
        sheet.write_string_with_format(row, col::TITLE, q.short_title(), &body)?;
        sheet.write_string_with_format(row, col::QUESTION, &q.text, &body)?;
        sheet.write_blank(row, col::LEVEL, &level_fill)?;
        sheet.write_blank(row, col::NOTE, &fill)?;
        for level in 1..=5u8 {
            let c = col::FIRST_DESCRIPTOR + u16::from(level) - 1;
            sheet.write_string_with_format(row, c, q.level_text(level), &body)?;
        }
        let pick = lang.t(if q.allow_na {
            HomeworkText::PickWithNa
        } else {
            HomeworkText::Pick
        });
        let validation = DataValidation::new()
            .allow_list_strings(&choices(q.allow_na, lang))?
            .set_input_title(lang.t(HomeworkText::InputTitle))?
            .set_input_message(pick)?
            .set_error_title(lang.t(HomeworkText::ErrorTitle))?
            .set_error_message(pick)?;
        sheet.add_data_validation(row, col::LEVEL, row, col::LEVEL, &validation)?;
    }
    sheet.set_row_height(0, 47)?;
    sheet.set_freeze_panes(1, col::TITLE + 1)?;
    sheet.protect_with_options(&protection());
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

fn about(
    sheet: &mut Worksheet,
    questionnaire: &Questionnaire,
    who: &WorkbookFor<'_>,
) -> Result<(), XlsxError> {
    sheet.set_name(ABOUT_SHEET)?;
    // Keys of the file format, never translated (the reader and people debugging read
    // them), like JSON keys.
    let rows = [
        ("format", FORMAT),
        ("questionnaire", questionnaire.id.as_str()),
        ("version", questionnaire.version.as_str()),
        ("assessment", who.assessment),
        ("organisation", who.organisation),
        ("made for", who.participant.unwrap_or("")),
    ];
    for (r, (key, value)) in (0u32..).zip(rows) {
        sheet.write_string(r, 0, key)?;
        sheet.write_string(r, 1, value)?;
    }
    sheet.set_hidden(true);
    sheet.protect();
    Ok(())
}
