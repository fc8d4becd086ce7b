//! What `score` prints about method v2: the findings by grade, the Statement of
//! Applicability in one line, and what opening carried into it.

use std::io::{self, Write};

use crate::assessment::CarriedOver;
use crate::locale::{CliText, Lang};
use crate::questionnaire::Questionnaire;
use crate::scoring::{FindingKind, Scores, Severity};
use crate::text::{clip, one_line};

/// The findings by grade (major, minor, improvement), each with its one-line text.
pub fn print_findings(
    out: &mut dyn Write,
    scores: &Scores,
    questionnaire: &Questionnaire,
    lang: Lang,
) -> io::Result<()> {
    let counts = scores.readiness.findings;
    let words = lang.f(
        CliText::FindingsCount,
        &[
            ("major", &counts.major),
            ("minor", &counts.minor),
            ("improvement", &counts.improvement),
        ],
    );
    writeln!(out, "\n{words}")?;
    for severity in Severity::ALL {
        let of_grade: Vec<_> = scores
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        if of_grade.is_empty() {
            continue;
        }
        let heading = lang.f(
            CliText::SeverityHeading,
            &[("severity", &lang.severity(severity))],
        );
        writeln!(out, "  {heading}")?;
        for f in of_grade {
            // Named as scoring names them: a domain by its title, the rest by id.
            let name = match f.kind {
                FindingKind::Domain => questionnaire
                    .domain(&f.id)
                    .map_or(f.id.as_str(), |d| d.title.as_str()),
                _ => f.id.as_str(),
            };
            let text = lang.finding(name, f.cause);
            writeln!(out, "    {}", clip(&one_line(&text), 100))?;
        }
    }
    if let Some(soa) = &scores.soa {
        writeln!(out, "\n{}", lang.soa_summary(soa))?;
    }
    Ok(())
}

/// Tells what N/A answers made before the Statement of Applicability became, if anything.
pub fn print_carried(out: &mut dyn Write, carried: &CarriedOver, lang: Lang) -> io::Result<()> {
    if let Some(text) = lang.carried_over(carried) {
        writeln!(out, "\n{}", one_line(&text))?;
    }
    Ok(())
}
