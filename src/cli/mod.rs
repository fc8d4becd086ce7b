//! The command line: argument definitions ([`Cli`]) and the non-interactive commands
//! ([`commands`]), which call the application layer (`store::catalog`) and format
//! what it returns. The only module besides `main.rs` that knows clap.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::export::{self, Format};
use crate::locale::{ErrorText, Lang};
use crate::questionnaire::QuestionnaireError;
use crate::store::StoreError;
use crate::store::catalog::CatalogError;

pub mod commands;
pub mod evidence;
mod findings;
pub mod homework;

pub use commands::*;
pub use evidence::{EvidenceAddArgs, EvidenceCommand};
pub use homework::HomeworkArgs;

/// Measure how ready an organisation is for ISO/IEC 42001:2023 certification.
///
/// Without a command, opens the interactive assessment (home screen).
#[derive(Debug, Parser)]
#[command(name = "aims-readiness", version, about, long_about = None)]
pub struct Cli {
    /// What to do (default: the interactive home screen).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The language to speak: en or fr (default: AIMS_READINESS_LANG, else the locale,
    /// else English); with export, the report's language too.
    #[arg(long, global = true, value_name = "en|fr")]
    pub lang: Option<String>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new assessment (opens it when run in a terminal).
    New(NewArgs),
    /// Open an assessment file in the interactive app.
    Open {
        /// The assessment file.
        file: PathBuf,
        /// Which questionnaire the assessment answers.
        #[command(flatten)]
        questionnaire: QuestionnaireArg,
    },
    /// List the saved assessments.
    List,
    /// Print the scores of an assessment.
    Score {
        /// The assessment file.
        file: PathBuf,
        /// Print results.json to standard output instead of a summary.
        #[arg(long)]
        json: bool,
        /// Which questionnaire the assessment answers.
        #[command(flatten)]
        questionnaire: QuestionnaireArg,
    },
    /// Write the radar chart, reports, roadmap and machine-readable results.
    Export(ExportArgs),
    /// Print how scores and answers changed between two assessments.
    Compare(CompareArgs),
    /// Combine assessments, homework workbooks and forms CSV filled in alone into one
    /// workshop assessment (votes per person), or add them to an existing one (--into).
    Merge(MergeArgs),
    /// Write homework workbooks (xlsx) for participants without the app.
    Homework(HomeworkArgs),
    /// Check or print a questionnaire.
    #[command(subcommand)]
    Questionnaire(QuestionnaireCommand),
    /// The evidence register: add, list and verify what proves the answers.
    #[command(subcommand)]
    Evidence(EvidenceCommand),
}

/// Arguments of `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The files: assessments (.json), homework workbooks (.xlsx), CSV (.csv).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The workshop assessment to write.
    #[arg(
        long,
        value_name = "FILE",
        required_unless_present = "into",
        conflicts_with = "into"
    )]
    pub out: Option<PathBuf>,
    /// Add late homework to this existing workshop assessment (its votes are kept).
    #[arg(long, value_name = "WORKSHOP")]
    pub into: Option<PathBuf>,
    /// Replace --out if it exists (the old file is kept as its backup).
    #[arg(long, conflicts_with = "into")]
    pub force: bool,
    /// Which questionnaire the assessments answer.
    #[command(flatten)]
    pub questionnaire: QuestionnaireArg,
}

/// `--questionnaire FILE`, accepted by every command that reads an assessment.
#[derive(Debug, Clone, Args)]
pub struct QuestionnaireArg {
    /// The questionnaire the assessment answers, if not the built-in one or a kept copy.
    #[arg(long = "questionnaire", id = "questionnaire_file", value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// Arguments of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The organisation assessed.
    #[arg(long = "org", value_name = "O")]
    pub organisation: Option<String>,
    /// The scope of the AI management system.
    #[arg(long, value_name = "S")]
    pub scope: Option<String>,
    /// An assessor (repeat for several).
    #[arg(long = "assessor", value_name = "A")]
    pub assessors: Vec<String>,
    /// The next round of this assessment: same organisation, targets, plan and
    /// Statement of Applicability decisions, its answers shown as "last time", and it
    /// recorded as the baseline.
    #[arg(long, value_name = "OLD", conflicts_with = "questionnaire_file")]
    pub from: Option<PathBuf>,
    /// Which questionnaire the assessment answers.
    #[command(flatten)]
    pub questionnaire: QuestionnaireArg,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The assessment file.
    pub file: PathBuf,
    /// The folder to write into (default: the current folder).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,
    /// Formats, comma-separated: png,md,html,csv,json,oscal,soa (default: all).
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_format)]
    pub format: Vec<Format>,
    /// An earlier assessment to compare with.
    #[arg(long, value_name = "OLD")]
    pub baseline: Option<PathBuf>,
    /// First day of the roadmap when the assessment sets none (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub start: Option<NaiveDate>,
    /// Replace files that exist.
    #[arg(long)]
    pub force: bool,
    /// Width and height of radar.png in pixels.
    #[arg(long, value_name = "PIXELS", default_value_t = export::chart::DEFAULT_SIZE,
          value_parser = clap::value_parser!(u32).range(400..=6000))]
    pub size: u32,
    /// Which questionnaire the assessment answers.
    #[command(flatten)]
    pub questionnaire: QuestionnaireArg,
}

/// Arguments of `compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// OLD NEW, or only NEW to compare with the round it follows (`new --from`).
    #[arg(required = true, num_args = 1..=2, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Print the comparison as JSON.
    #[arg(long)]
    pub json: bool,
    /// Which questionnaire both assessments answer.
    #[command(flatten)]
    pub questionnaire: QuestionnaireArg,
}

fn parse_format(name: &str) -> Result<Format, String> {
    Format::parse_list(name)?
        .first()
        .copied()
        .ok_or_else(|| "a format name is required".to_string())
}

/// `questionnaire` subcommands.
#[derive(Debug, Subcommand)]
pub enum QuestionnaireCommand {
    /// Check a questionnaire file and list every problem.
    Validate {
        /// The questionnaire file.
        file: PathBuf,
        /// The original a translation must match (ids, refs, numbers, checks per level);
        /// by default a non-English file with the built-in id is compared with the
        /// built-in English questionnaire.
        #[arg(long, value_name = "ORIGINAL")]
        against: Option<PathBuf>,
    },
    /// Print the built-in questionnaire (a starting point for a custom one).
    Dump {
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// Why a command failed; every variant names the file concerned.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Opening, listing, creating or merging assessments.
    Catalog(#[from] CatalogError),
    /// An export problem.
    Export(#[from] export::ExportError),
    /// Writing to standard output failed (e.g. a closed pipe).
    Output(#[from] std::io::Error),
    /// The interactive app needs a terminal.
    NoTerminal,
    /// The terminal failed under the interactive app.
    Terminal(std::io::Error),
    /// Adding or verifying evidence.
    Evidence(#[from] crate::store::evidence::EvidenceError),
    /// `compare NEW` on an assessment that follows no earlier round.
    NoBaseline(PathBuf),
}

impl CliError {
    /// The message in `lang`; `Display` prints it in English.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            CliError::Catalog(e) => e.in_lang(lang),
            CliError::Export(e) => e.in_lang(lang),
            CliError::Output(e) => lang.f(ErrorText::Output, &[("reason", &lang.io_reason(e))]),
            CliError::NoTerminal => lang.t(ErrorText::NoTerminal).to_string(),
            CliError::Terminal(e) => {
                lang.f(ErrorText::TerminalFailed, &[("reason", &lang.io_reason(e))])
            }
            CliError::Evidence(e) => e.in_lang(lang),
            CliError::NoBaseline(path) => {
                lang.f(ErrorText::NoBaseline, &[("path", &path.display())])
            }
        }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        CliError::Catalog(e.into())
    }
}

impl From<QuestionnaireError> for CliError {
    fn from(e: QuestionnaireError) -> Self {
        CliError::Catalog(e.into())
    }
}

impl QuestionnaireArg {
    /// The file given, if any.
    pub fn path(&self) -> Option<&Path> {
        self.file.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_questionnaire_is_named_as_the_loader_names_it() {
        assert_eq!(
            crate::locale::CliText::EmbeddedOriginal.en(),
            crate::questionnaire::DEFAULT_NAME
        );
    }

    #[test]
    fn command_line_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
