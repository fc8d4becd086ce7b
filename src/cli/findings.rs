//! What `score` prints about method v2: the findings by grade, the Statement of
//! Applicability in one line, and what opening carried into it.

use std::io::{self, Write};

use crate::assessment::CarriedOver;
use crate::locale;
use crate::scoring::{Scores, Severity};
use crate::text::{clip, one_line};

/// The findings by grade (major, minor, improvement), each with its one-line text.
pub fn print_findings(out: &mut dyn Write, scores: &Scores) -> io::Result<()> {
    let counts = scores.readiness.findings;
    writeln!(
        out,
        "\nFindings: {} major, {} minor, {} improvement",
        counts.major, counts.minor, counts.improvement
    )?;
    for severity in Severity::ALL {
        let of_grade: Vec<_> = scores
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        if of_grade.is_empty() {
            continue;
        }
        writeln!(out, "  {}:", locale::severity(severity))?;
        for f in of_grade {
            writeln!(out, "    {}", clip(&one_line(&f.text), 100))?;
        }
    }
    if let Some(soa) = &scores.soa {
        writeln!(out, "\n{}", locale::soa_summary(soa))?;
    }
    Ok(())
}

/// Tells what N/A answers made before the Statement of Applicability became, if anything.
pub fn print_carried(out: &mut dyn Write, carried: &CarriedOver) -> io::Result<()> {
    if let Some(text) = locale::carried_over(carried) {
        writeln!(out, "\n{}", one_line(&text))?;
    }
    Ok(())
}
