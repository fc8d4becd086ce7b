//! `roadmap.csv`: one row per roadmap item, RFC 4180 quoting by the `csv` crate, and
//! cells that a spreadsheet would read as a formula neutralised.

use super::{ExportError, Report};

/// The header row.
pub const HEADER: [&str; 15] = [
    "rank",
    "phase",
    "start",
    "due",
    "domain",
    "question id",
    "question text",
    "current",
    "target",
    "gap",
    "critical",
    "priority",
    "actions",
    "owner",
    "status",
];

/// A cell that cannot start a formula: text beginning with `=`, `+`, `-`, `@`, a tab
/// or a carriage return gets a leading single quote (the OWASP advice), which
/// spreadsheets show as text. The same holds after every character a spreadsheet may
/// split a cell on (`,` `;` tab `|`, and line breaks): a spreadsheet set to another
/// separator than ours cuts `a;=HYPERLINK(…)` into two cells, the second a formula.
pub fn neutralise(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len() + 1);
    let mut starts_cell = true;
    for c in cell.chars() {
        if starts_cell && matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r') {
            out.push('\'');
        }
        out.push(c);
        starts_cell = match c {
            ',' | ';' | '\t' | '|' | '\n' | '\r' => true,
            // Spaces after a separator are trimmed by some spreadsheets on import.
            ' ' => starts_cell,
            _ => false,
        };
    }
    out
}

/// Renders roadmap.csv.
pub fn render(report: &Report<'_>) -> Result<Vec<u8>, ExportError> {
    let mut out = ::csv::Writer::from_writer(Vec::new());
    let fail = |e: ::csv::Error| ExportError::Csv(e.to_string());
    out.write_record(HEADER).map_err(fail)?;
    for item in &report.roadmap {
        let question = report.questionnaire.question(&item.question);
        let domain = report
            .questionnaire
            .domain(&item.domain)
            .map_or(item.domain.as_str(), |d| d.title.as_str());
        let row = [
            item.rank.to_string(),
            format!("{} {}", item.phase.number(), item.phase.title()),
            item.start.to_string(),
            item.due.to_string(),
            domain.to_string(),
            item.question.clone(),
            question.map_or(String::new(), |q| q.text.clone()),
            item.current.to_string(),
            item.target.to_string(),
            item.gap.to_string(),
            if item.critical { "yes" } else { "no" }.to_string(),
            item.priority.to_string(),
            item.actions.join("; "),
            item.owner.clone().unwrap_or_default(),
            item.status.as_str().to_string(),
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
    fn no_part_of_a_cell_can_start_a_formula_whatever_the_separator() {
        for (cell, want) in [
            ("=1+1", "'=1+1"),
            ("plain text", "plain text"),
            ("a;=HYPERLINK(\"x\")", "a;'=HYPERLINK(\"x\")"),
            ("a; @SUM(A1)", "a; '@SUM(A1)"),
            ("a,+1|-2", "a,'+1|'-2"),
            ("x\t=1", "x\t'=1"),
            ("line\n=cmd", "line\n'=cmd"),
            ("well-known e-mail", "well-known e-mail"),
        ] {
            assert_eq!(neutralise(cell), want, "{cell:?}");
        }
    }
}
