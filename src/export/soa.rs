//! `soa.csv`: the Statement of Applicability, one row per control (the questionnaire's
//! in order, then the organisation's additional ones); RFC 4180 quoting by the `csv`
//! crate and formula cells neutralised as in roadmap.csv.

use super::csv::neutralise;
use super::{ExportError, Report};
use crate::assessment::Implementation;
use crate::locale::ReportText as T;

/// The header row (in the report's language). The implementation and finding cells
/// hold enum values (`not_started`, `major`), the same in every language.
pub const HEADER: [T; 11] = [
    T::CsvControlId,
    T::CsvObjective,
    T::CsvTitle,
    T::CsvIncluded,
    T::CsvJustification,
    T::CsvImplementation,
    T::CsvOwner,
    T::CsvEvidence,
    T::CsvQuestion,
    T::CsvQuestionLevel,
    T::CsvFinding,
];

/// Renders soa.csv (the header alone when the questionnaire defines no controls).
pub fn render(report: &Report<'_>) -> Result<Vec<u8>, ExportError> {
    let fail = |e: ::csv::Error| ExportError::SoaCsv(e.to_string());
    let mut out = ::csv::Writer::from_writer(Vec::new());
    let lang = report.lang;
    out.write_record(HEADER.map(|t| lang.t(t))).map_err(fail)?;
    let controls = report.scores.soa.as_ref().map_or(&[][..], |s| &s.controls);
    for c in controls {
        let level =
            c.question
                .as_deref()
                .map_or(String::new(), |q| match report.scores.question(q) {
                    Some(s) if s.na => lang.t(T::NotApplicableShort).to_string(),
                    Some(s) => s.level.map_or(String::new(), |l| l.to_string()),
                    None => String::new(),
                });
        let included = match c.applicable {
            Some(true) => lang.t(T::Yes),
            Some(false) => lang.t(T::No),
            None => "",
        };
        let implementation = match c.applicable {
            Some(true) => c
                .implementation
                .unwrap_or(Implementation::NotStarted)
                .as_str(),
            _ => "",
        };
        let objective = match (&c.objective, c.additional) {
            (Some(o), _) => o.clone(),
            (None, true) => lang.f(T::AdditionalFrom, &[("source", &c.source)]),
            (None, false) => String::new(),
        };
        let row = [
            c.id.clone(),
            objective,
            c.title.clone(),
            included.to_string(),
            c.justification.clone(),
            implementation.to_string(),
            c.owner.clone(),
            c.evidence_refs.join(lang.t(T::ListSeparator)),
            c.question.clone().unwrap_or_default(),
            level,
            c.finding.map_or("", |f| f.as_str()).to_string(),
        ];
        out.write_record(row.iter().map(|cell| neutralise(cell)))
            .map_err(fail)?;
    }
    out.into_inner()
        .map_err(|e| ExportError::SoaCsv(e.to_string()))
}
