//! `roadmap.csv`: one row per roadmap item, RFC 4180 quoting by the `csv` crate, and
//! cells that a spreadsheet would read as a formula neutralised.
//!
//! UTF-8 with a byte-order mark (Excel on Windows reads a file without one in the
//! local code page and garbles "Köhler"), every cell quoted (so no spreadsheet, whatever
//! separator it is set to, cuts a cell in two), and a `'` before a cell that starts with
//! `=`, `+`, `-`, `@`, a tab or a carriage return: Excel and Google Sheets read such a
//! cell as a formula (`-tbd-` becomes `#NAME?`, `=HYPERLINK(…)` a live link), and the
//! `'` marks it as text.

use super::{ExportError, Report};
use crate::locale::{Lang, ReportText as T};
use crate::questionnaire::Effort;

/// A question's effort in the reader's language (the English is the questionnaire's key).
fn effort(lang: Lang, effort: Effort) -> &'static str {
    lang.t(match effort {
        Effort::Low => T::EffortLow,
        Effort::Medium => T::EffortMedium,
        Effort::High => T::EffortHigh,
    })
}

/// The UTF-8 byte-order mark that starts the file.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The header row (in the report's language).
pub const HEADER: [T; 19] = [
    T::CsvRank,
    T::CsvPhase,
    T::CsvStart,
    T::CsvDue,
    T::CsvDomain,
    T::CsvQuestionId,
    T::CsvQuestion,
    T::CsvQuestionText,
    T::CsvClauseRefs,
    T::CsvCurrent,
    T::CsvTarget,
    T::CsvGap,
    T::CsvCritical,
    T::CsvPriority,
    T::CsvEffort,
    T::CsvActions,
    T::CsvOwner,
    T::CsvStatus,
    T::CsvNote,
];

/// A cell that cannot start a formula: text beginning with `=`, `+`, `-`, `@`, a tab
/// or a carriage return gets a leading single quote (the OWASP advice), which
/// spreadsheets show as text. Only the start matters: every cell is quoted, so a
/// separator or line break inside it never starts a new cell.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Renders roadmap.csv.
pub fn render(report: &Report<'_>) -> Result<Vec<u8>, ExportError> {
    let mut out = ::csv::WriterBuilder::new()
        .quote_style(::csv::QuoteStyle::Always)
        .from_writer(BOM.to_vec());
    let fail = |e: ::csv::Error| ExportError::Csv(e.to_string());
    let lang = report.lang;
    // Dates stay ISO (2026-11-27) in every language: a spreadsheet sorts and reads them.
    out.write_record(HEADER.map(|t| lang.t(t))).map_err(fail)?;
    for item in &report.roadmap {
        let question = report.questionnaire.question(&item.question);
        let domain = report
            .questionnaire
            .domain(&item.domain)
            .map_or(item.domain.as_str(), |d| d.title.as_str());
        let row = [
            item.rank.to_string(),
            format!(
                "{} {}",
                item.phase.number(),
                super::report::phase_title(lang, item.phase)
            ),
            item.start.to_string(),
            item.due.to_string(),
            domain.to_string(),
            item.question.clone(),
            question.map_or(String::new(), |q| q.short_title().to_string()),
            question.map_or(String::new(), |q| q.text.clone()),
            question.map_or(String::new(), |q| lang.refs(&q.refs)),
            item.current.to_string(),
            item.target.to_string(),
            item.gap.to_string(),
            lang.t(if item.critical { T::Yes } else { T::No })
                .to_string(),
            item.priority.to_string(),
            question.map_or(String::new(), |q| effort(lang, q.effort).to_string()),
            item.actions.join(lang.t(T::ListSeparator)),
            item.owner.clone().unwrap_or_default(),
            super::report::status_label(lang, item).to_string(),
            report
                .assessment
                .answer(&item.question)
                .map_or(String::new(), |a| a.note.trim().to_string()),
        ];
        out.write_record(row.iter().map(|c| neutralise(c)))
            .map_err(fail)?;
    }
    // Questions parked in a workshop follow the plan as follow-ups: no rank, level or
    // priority; the owner and due date the facilitator gave.
    for p in crate::workshop::follow_ups(report.questionnaire, report.assessment) {
        let question = report.questionnaire.question(&p.id);
        let domain = report
            .questionnaire
            .domain(&p.domain)
            .map_or(p.domain.as_str(), |d| d.title.as_str());
        let row = [
            String::new(),
            lang.t(T::CsvParkedPhase).to_string(),
            String::new(),
            p.due.map_or(String::new(), |d| d.to_string()),
            domain.to_string(),
            p.id.clone(),
            question.map_or(String::new(), |q| q.short_title().to_string()),
            p.text.clone(),
            question.map_or(String::new(), |q| lang.refs(&q.refs)),
            String::new(),
            String::new(),
            String::new(),
            question.map_or(String::new(), |q| {
                lang.t(if q.critical { T::Yes } else { T::No }).to_string()
            }),
            String::new(),
            question.map_or(String::new(), |q| effort(lang, q.effort).to_string()),
            if p.reason.trim().is_empty() {
                lang.t(T::CsvSettleIt).to_string()
            } else {
                lang.f(T::CsvSettleReason, &[("reason", &p.reason.trim())])
            },
            p.owner.clone(),
            lang.t(T::StatusOpen).to_string(),
            report
                .assessment
                .answer(&p.id)
                .map_or(String::new(), |a| a.note.trim().to_string()),
        ];
        out.write_record(row.iter().map(|c| neutralise(c)))
            .map_err(fail)?;
    }
    out.into_inner()
        .map_err(|e| ExportError::Csv(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn no_cell_can_start_a_formula() {
        for (cell, want) in [
            ("=1+1", "'=1+1"),
            ("plain text", "plain text"),
            ("-tbd-", "'-tbd-"),
            ("@ml-platform", "'@ml-platform"),
            ("+49 30 1234", "'+49 30 1234"),
            ("\t=1", "'\t=1"),
            // Inside a quoted cell a separator or line break starts no cell.
            ("a;=HYPERLINK(\"x\")", "a;=HYPERLINK(\"x\")"),
            ("line\n=cmd", "line\n=cmd"),
            ("well-known e-mail", "well-known e-mail"),
        ] {
            assert_eq!(neutralise(cell), want, "{cell:?}");
        }
    }
}
