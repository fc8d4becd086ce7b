//! `evidence add`, `evidence list` and `evidence verify`: the evidence register from the
//! command line. The work is done by `store::evidence`; this only prints.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::{Args, Subcommand};

use super::{CliError, QuestionnaireArg, one_or_many};
use crate::evidence::{EvidenceKind, VerifyStatus};
use crate::locale::{CliText, Lang};
use crate::store::evidence::{self as register, NewEvidence, Verified};
use crate::store::{Store, catalog};
use crate::text::{fit, one_line, str_width};

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
    lang: Lang,
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
    .join(lang.t(CliText::AndJoin));
    let (target, location) = (one_line(&target), one_line(&item.location));
    let words = match (&item.sha256, item.bytes) {
        (Some(hash), Some(bytes)) => lang.f(
            CliText::EvidenceAddedFile,
            &[
                ("id", &item.id),
                ("target", &target),
                ("location", &location),
                ("bytes", &bytes),
                ("hash", hash),
            ],
        ),
        _ => lang.f(
            CliText::EvidenceAdded,
            &[
                ("id", &item.id),
                ("target", &target),
                ("location", &location),
                ("kind", &lang.t(kind_text(item.kind, false))),
            ],
        ),
    };
    writeln!(out, "{words}")?;
    Ok(())
}

/// `evidence list`: one line per item, with where it is used.
pub fn list(
    store: &Store,
    file: &Path,
    questionnaire: &QuestionnaireArg,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let opened = catalog::open(store, file, questionnaire.path())?;
    let a = &opened.assessment;
    if a.evidence.is_empty() {
        writeln!(out, "{}", lang.t(CliText::RegisterEmpty))?;
        return Ok(());
    }
    // The kind column is as wide as its longest word in this language (6 in English).
    let kind_width = [EvidenceKind::File, EvidenceKind::Link, EvidenceKind::Record]
        .into_iter()
        .map(|k| str_width(lang.t(kind_text(k, true))))
        .chain([str_width(lang.t(CliText::ColKind))])
        .max()
        .unwrap_or(6);
    writeln!(
        out,
        "{} {} {} {} {} {} {}",
        fit(lang.t(CliText::ColId), 6),
        fit(lang.t(CliText::ColKind), kind_width),
        fit(lang.t(CliText::ColTitle), 28),
        fit(lang.t(CliText::ColDated), 10),
        fit(lang.t(CliText::ColSha), 12),
        fit(lang.t(CliText::ColUsedBy), 20),
        lang.t(CliText::ColLocation)
    )?;
    for e in &a.evidence {
        let used = a.used_by(&e.id);
        writeln!(
            out,
            "{} {} {} {} {} {} {}",
            fit(&one_line(&e.id), 6),
            fit(lang.t(kind_text(e.kind, true)), kind_width),
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
    lang: Lang,
    out: &mut dyn Write,
) -> Result<bool, CliError> {
    let results = register::verify(store, file, questionnaire.path(), lang)?;
    if results.is_empty() {
        writeln!(out, "{}", lang.t(CliText::NothingToVerify))?;
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
            fit(lang.t(status_text(*status)), 9),
            fit(&one_line(&item.id), 6),
            one_line(&item.location)
        )?;
    }
    let changed = results
        .iter()
        .filter(|v| v.status != VerifyStatus::Unchanged)
        .count();
    let unchanged = results.len() - changed;
    let text = one_or_many(
        lang,
        unchanged,
        CliText::UnchangedOne,
        CliText::UnchangedMany,
    );
    let words = lang.f(text, &[("count", &unchanged), ("total", &results.len())]);
    writeln!(out, "{words}")?;
    Ok(all_unchanged)
}

/// An evidence kind in words (the value in files, `file`, never changes); `short` for
/// the table's narrow column, where French abbreviates « enregistrement ».
fn kind_text(kind: EvidenceKind, short: bool) -> CliText {
    match kind {
        EvidenceKind::File => CliText::KindFile,
        EvidenceKind::Link => CliText::KindLink,
        EvidenceKind::Record if short => CliText::KindRecordShort,
        EvidenceKind::Record => CliText::KindRecord,
    }
}

/// What `evidence verify` found, in words (JSON keeps `unchanged`, `changed`, `missing`).
fn status_text(status: VerifyStatus) -> CliText {
    match status {
        VerifyStatus::Unchanged => CliText::StatusUnchanged,
        VerifyStatus::Changed => CliText::StatusChanged,
        VerifyStatus::Missing => CliText::StatusMissing,
    }
}
