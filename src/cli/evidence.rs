//! `evidence add`, `evidence list` and `evidence verify`: the evidence register from the
//! command line. The work is done by `store::evidence`; this only prints.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::{Args, Subcommand};

use super::{CliError, QuestionnaireArg};
use crate::evidence::{EvidenceKind, VerifyStatus};
use crate::store::evidence::{self as register, NewEvidence, Verified};
use crate::store::{Store, catalog};
use crate::text::{fit, one_line};

/// `evidence` subcommands.
#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Add a file, link or record to the evidence register and attach it to a question.
    Add(EvidenceAddArgs),
    /// List the evidence register and where each item is used.
    List {
        /// The assessment file.
        file: PathBuf,
        /// Which questionnaire the assessment answers.
        #[command(flatten)]
        questionnaire: QuestionnaireArg,
    },
    /// Re-hash every file of the register: unchanged, changed or missing (exit 1 unless
    /// all are unchanged).
    Verify {
        /// The assessment file.
        file: PathBuf,
        /// Which questionnaire the assessment answers.
        #[command(flatten)]
        questionnaire: QuestionnaireArg,
    },
}

/// Arguments of `evidence add`.
#[derive(Debug, Args)]
pub struct EvidenceAddArgs {
    /// The assessment file.
    pub file: PathBuf,
    /// A file path (hashed now, never copied), a URL, or with --record where a record is held.
    #[arg(value_name = "PATH|URL")]
    pub location: String,
    /// The question it supports, e.g. ctx-01 (may be left out with --control).
    #[arg(long, value_name = "ID", required_unless_present = "control")]
    pub question: Option<String>,
    /// The one check of that question it proves, e.g. ctx-01.3a.
    #[arg(long, value_name = "ID", requires = "question")]
    pub check: Option<String>,
    /// A control of the Statement of Applicability it shows, e.g. A.6.2.6 (or an
    /// additional control's id).
    #[arg(long, value_name = "ID")]
    pub control: Option<String>,
    /// A short title (default: the file name, or the location).
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// The date of the evidence itself (not today's).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub dated: Option<NaiveDate>,
    /// Who owns the evidence.
    #[arg(long, value_name = "O")]
    pub owner: Option<String>,
    /// The location names a record held elsewhere (a system, a binder), not a file.
    #[arg(long)]
    pub record: bool,
    /// Which questionnaire the assessment answers.
    #[command(flatten)]
    pub questionnaire: QuestionnaireArg,
}

/// `evidence add`: prints the id given and, for a file, its hash.
pub fn add(
    store: &Store,
    args: &EvidenceAddArgs,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let new = NewEvidence {
        location: args.location.clone(),
        kind: args.record.then_some(EvidenceKind::Record),
        title: args.title.clone(),
        dated: args.dated,
        owner: args.owner.clone(),
        question: args.question.clone().unwrap_or_default(),
        check: args.check.clone(),
        control: args.control.clone(),
    };
    let item = register::add(store, &args.file, args.questionnaire.path(), &new, now)?;
    let target = [
        args.check.as_deref().or(args.question.as_deref()),
        args.control.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" and ");
    match (&item.sha256, item.bytes) {
        (Some(hash), Some(bytes)) => writeln!(
            out,
            "{} added to {}: {} ({bytes} bytes, SHA-256 {hash})",
            item.id,
            one_line(&target),
            one_line(&item.location)
        )?,
        _ => writeln!(
            out,
            "{} added to {}: {} ({})",
            item.id,
            one_line(&target),
            one_line(&item.location),
            item.kind.as_str()
        )?,
    }
    Ok(())
}

/// `evidence list`: one line per item, with where it is used.
pub fn list(
    store: &Store,
    file: &Path,
    questionnaire: &QuestionnaireArg,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let opened = catalog::open(store, file, questionnaire.path())?;
    let a = &opened.assessment;
    if a.evidence.is_empty() {
        writeln!(
            out,
            "The evidence register is empty. Add an item with: aims-readiness evidence add FILE PATH --question ID"
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{} {} {} {} {} {} LOCATION",
        fit("ID", 6),
        fit("KIND", 6),
        fit("TITLE", 28),
        fit("DATED", 10),
        fit("SHA-256", 12),
        fit("USED BY", 20)
    )?;
    for e in &a.evidence {
        let used = a.used_by(&e.id);
        writeln!(
            out,
            "{} {} {} {} {} {} {}",
            fit(&one_line(&e.id), 6),
            fit(e.kind.as_str(), 6),
            fit(&one_line(&e.title), 28),
            fit(&e.dated.map(|d| d.to_string()).unwrap_or_default(), 10),
            fit(e.sha256.as_deref().unwrap_or("–"), 12),
            fit(&one_line(&used.join(", ")), 20),
            one_line(&e.location)
        )?;
    }
    Ok(())
}

/// `evidence verify`: prints each file item's state; returns whether all are unchanged.
pub fn verify(
    store: &Store,
    file: &Path,
    questionnaire: &QuestionnaireArg,
    out: &mut dyn Write,
) -> Result<bool, CliError> {
    let results = register::verify(store, file, questionnaire.path())?;
    if results.is_empty() {
        writeln!(out, "No file in the evidence register: nothing to verify.")?;
        return Ok(true);
    }
    let mut all_unchanged = true;
    for Verified {
        item,
        status,
        reason,
    } in &results
    {
        all_unchanged &= *status == VerifyStatus::Unchanged;
        let why = reason
            .as_deref()
            .map(|r| format!(" ({})", one_line(r)))
            .unwrap_or_default();
        writeln!(
            out,
            "{} {} {}{why}",
            fit(status.as_str(), 9),
            fit(&one_line(&item.id), 6),
            one_line(&item.location)
        )?;
    }
    let changed = results
        .iter()
        .filter(|v| v.status != VerifyStatus::Unchanged)
        .count();
    writeln!(
        out,
        "{} of {} files unchanged.",
        results.len() - changed,
        results.len()
    )?;
    Ok(all_unchanged)
}
