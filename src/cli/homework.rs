//! `homework` (workbooks for people without the app) and `merge` (what they send back).

use std::io::Write;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use clap::Args;

use super::{CliError, MergeArgs, QuestionnaireArg, one_or_many, print_agenda, print_merge};
use crate::locale::{CliText, Lang};
use crate::store::Store;
use crate::store::homework::{self, HomeworkRequest, MergeRequest};
use crate::text::one_line;

/// Arguments of `homework`.
#[derive(Debug, Args)]
pub struct HomeworkArgs {
    /// The assessment the homework is for.
    pub file: PathBuf,
    /// The folder to write the workbooks to (created if missing; files in it are never replaced).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// A participant to make a workbook for (repeat it; default: the assessment's participants).
    #[arg(long = "participant", value_name = "NAME")]
    pub participants: Vec<String>,
    /// One workbook for everybody: each person types their name in it.
    #[arg(long, conflicts_with = "participants")]
    pub one_workbook: bool,
    /// Which questionnaire the assessment answers.
    #[command(flatten)]
    pub questionnaire: QuestionnaireArg,
}

/// `homework`: writes the workbooks (in the language of reports: `asked`, else the
/// assessment's, else `lang`) and prints their paths.
pub fn homework(
    store: &Store,
    args: &HomeworkArgs,
    asked: Option<Lang>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let request = HomeworkRequest {
        file: args.file.clone(),
        out_dir: args.out.clone(),
        participants: args.participants.clone(),
        one_workbook: args.one_workbook,
        questionnaire: args.questionnaire.path().map(PathBuf::from),
        asked,
        interface: lang,
    };
    let written = homework::write_homework(store, &request)?;
    for path in &written {
        writeln!(out, "{}", one_line(&path.display().to_string()))?;
    }
    writeln!(out, "{}", lang.t(CliText::HomeworkNext))?;
    Ok(())
}

/// `merge`: merges and prints what happened and the agenda.
pub fn merge(
    store: &Store,
    args: &MergeArgs,
    now: DateTime<FixedOffset>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let request = MergeRequest {
        files: args.files.clone(),
        out: args.out.clone(),
        into: args.into.clone(),
        force: args.force,
        questionnaire: args.questionnaire.path().map(PathBuf::from),
    };
    let outcome = homework::merge_homework(store, &request, now)?;
    let Some(late) = &outcome.late else {
        print_merge(&outcome, lang, out)?;
        return Ok(());
    };
    let added: Vec<String> = late
        .added
        .iter()
        .map(|n| one_line(n).into_owned())
        .collect();
    let files = args.files.len();
    let text = if added.is_empty() {
        one_or_many(lang, files, CliText::LateMergedOne, CliText::LateMergedMany)
    } else {
        one_or_many(
            lang,
            files,
            CliText::LateMergedNewOne,
            CliText::LateMergedNewMany,
        )
    };
    let words = lang.f(
        text,
        &[
            ("count", &files),
            ("path", &one_line(&outcome.path.display().to_string())),
            ("names", &added.join(", ")),
        ],
    );
    writeln!(out, "{words}")?;
    writeln!(out, "{}", lang.t(CliText::LateKept))?;
    if !late.settled_kept.is_empty() {
        let kept = late.settled_kept.len();
        let text = one_or_many(
            lang,
            kept,
            CliText::SettledKeptOne,
            CliText::SettledKeptMany,
        );
        let words = lang.f(
            text,
            &[("count", &kept), ("ids", &late.settled_kept.join(", "))],
        );
        writeln!(out, "{words}")?;
    }
    print_agenda(&outcome, lang, out)?;
    Ok(())
}
