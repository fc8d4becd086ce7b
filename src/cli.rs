//! The command line: argument definitions and the non-interactive commands.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};
use clap::{Args, Parser, Subcommand};

use crate::assessment::Assessment;
use crate::export::{self, Format, Report};
use crate::migration::{self, MigrationReport};
use crate::questionnaire::{Questionnaire, QuestionnaireError};
use crate::scoring::{self, one_decimal};
use crate::store::{self, Store, StoreError};
use crate::text::{one_line, truncate};

/// Measure how ready an organisation is for ISO/IEC 42001:2023 certification.
///
/// Without a command, opens the interactive assessment (home screen).
#[derive(Debug, Parser)]
#[command(name = "aims-readiness", version, about, long_about = None)]
pub struct Cli {
    /// What to do (default: the interactive home screen).
    #[command(subcommand)]
    pub command: Option<Command>,
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
    /// Combine assessments filled in alone into one workshop assessment (votes per person).
    Merge(MergeArgs),
    /// Check or print a questionnaire.
    #[command(subcommand)]
    Questionnaire(QuestionnaireCommand),
}

/// Arguments of `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The assessment files, one per participant.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The workshop assessment to write.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Replace --out if it exists (the old file is kept as its backup).
    #[arg(long)]
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
    /// Formats, comma-separated: png,md,html,csv,json,oscal (default: all).
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
    /// The earlier assessment.
    pub old: PathBuf,
    /// The later assessment.
    pub new: PathBuf,
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
    /// Reading or writing an assessment.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A questionnaire problem.
    #[error(transparent)]
    Questionnaire(#[from] QuestionnaireError),
    /// An export problem.
    #[error(transparent)]
    Export(#[from] export::ExportError),
    /// The assessment's questionnaire cannot be found.
    #[error("assessment file {} answers questionnaire \"{id}\" version {version}, which is neither built in nor kept in {}; pass --questionnaire FILE", path.display(), kept.display())]
    UnknownQuestionnaire {
        /// The assessment.
        path: PathBuf,
        /// Questionnaire id.
        id: String,
        /// Questionnaire version.
        version: String,
        /// Where copies are kept.
        kept: PathBuf,
    },
    /// A merge problem.
    #[error(transparent)]
    Merge(#[from] crate::merge::MergeError),
    /// Writing to standard output failed (e.g. a closed pipe).
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
    /// The interactive app needs a terminal.
    #[error("{0}")]
    NoTerminal(String),
}

/// Loads an assessment and the questionnaire it answers, and checks they fit. One made
/// with an earlier version of the questionnaire is migrated in memory; the file is not
/// touched (see [`open_assessment`]).
pub fn load_assessment(
    store: &Store,
    path: &Path,
    questionnaire: &QuestionnaireArg,
) -> Result<(Assessment, Questionnaire), CliError> {
    let assessment = store::read(path)?;
    let questionnaire = resolve_questionnaire(store, path, &assessment, questionnaire)?;
    let assessment = match migration::migrate(&assessment, &questionnaire) {
        Some((migrated, _)) => migrated,
        None => assessment,
    };
    store::check_fits(path, &assessment, &questionnaire)?;
    Ok((assessment, questionnaire))
}

/// An assessment opened to work on, and the migration that ran on opening, if any.
#[derive(Debug)]
pub struct Opened {
    /// The assessment (migrated if it needed it).
    pub assessment: Assessment,
    /// The questionnaire it answers.
    pub questionnaire: Questionnaire,
    /// What the migration changed, and where the file as it was is kept.
    pub migrated: Option<(MigrationReport, PathBuf)>,
}

/// Opens an assessment to work on it. One made with an earlier version of its
/// questionnaire is migrated and saved, after a copy of the file as it was is written
/// beside it. `locked`: the caller already holds the assessment's lock (else it is taken
/// for the save).
pub fn open_assessment(
    store: &Store,
    path: &Path,
    arg: &QuestionnaireArg,
    locked: bool,
) -> Result<Opened, CliError> {
    let assessment = store::read(path)?;
    let questionnaire = resolve_questionnaire(store, path, &assessment, arg)?;
    if migration::entry_for(&assessment, &questionnaire).is_none() {
        store::check_fits(path, &assessment, &questionnaire)?;
        return Ok(Opened {
            assessment,
            questionnaire,
            migrated: None,
        });
    }
    let _lock = if locked {
        None
    } else {
        Some(store::AssessmentLock::acquire(path)?)
    };
    // Read again under the lock: the file may have changed since.
    let assessment = store::read(path)?;
    let Some((migrated, report)) = migration::migrate(&assessment, &questionnaire) else {
        store::check_fits(path, &assessment, &questionnaire)?;
        return Ok(Opened {
            assessment,
            questionnaire,
            migrated: None,
        });
    };
    // Refuse before writing anything if the result would not fit.
    store::check_fits(path, &migrated, &questionnaire)?;
    let copy = store::save_migrated(path, &report.from_version, &migrated)?;
    Ok(Opened {
        assessment: migrated,
        questionnaire,
        migrated: Some((report, copy)),
    })
}

/// Opens an assessment for `score` and `export`: migrated and saved when it needs it,
/// saying so once on standard error. When the migrated file cannot be saved (another
/// process has it open, or the folder is read-only) the command still runs on the
/// assessment migrated in memory, and says that too.
fn open_for_command(
    store: &Store,
    path: &Path,
    arg: &QuestionnaireArg,
) -> Result<(Assessment, Questionnaire), CliError> {
    let name = one_line(&path.display().to_string()).into_owned();
    match open_assessment(store, path, arg, false) {
        Ok(opened) => {
            if let Some((report, copy)) = &opened.migrated {
                eprintln!(
                    "Note: {name} was {}. The file as it was is kept at {}. Open it in the app to confirm the answers marked to re-check.",
                    one_line(&report.summary()),
                    one_line(&copy.display().to_string())
                );
            }
            Ok((opened.assessment, opened.questionnaire))
        }
        Err(CliError::Store(e @ (StoreError::Io { .. } | StoreError::InUse { .. }))) => {
            // Reading works as before; only saving the migration failed.
            let loaded = load_assessment(store, path, arg)?;
            eprintln!(
                "Note: {name} answers an earlier version of the questionnaire; it was carried over in memory only, because it could not be saved ({}).",
                one_line(&e.to_string())
            );
            Ok(loaded)
        }
        Err(e) => Err(e),
    }
}

/// The questionnaire of an assessment: `--questionnaire`, else built in, else the kept copy.
pub fn resolve_questionnaire(
    store: &Store,
    path: &Path,
    assessment: &Assessment,
    arg: &QuestionnaireArg,
) -> Result<Questionnaire, CliError> {
    if let Some(file) = &arg.file {
        return Ok(Questionnaire::load(file)?);
    }
    store
        .questionnaire_for(assessment)?
        .ok_or_else(|| CliError::UnknownQuestionnaire {
            path: path.to_path_buf(),
            id: assessment.questionnaire.id.clone(),
            version: assessment.questionnaire.version.clone(),
            kept: store.questionnaires_dir(),
        })
}

/// The questionnaire for a new assessment: `--questionnaire` (kept in the data
/// directory), else the built-in one.
pub fn questionnaire_for_new(
    store: &Store,
    arg: &QuestionnaireArg,
) -> Result<Questionnaire, CliError> {
    match &arg.file {
        Some(file) => {
            let q = Questionnaire::load(file)?;
            store.keep_questionnaire(&q)?;
            Ok(q)
        }
        None => Ok(Questionnaire::embedded()?),
    }
}

/// `new`: creates the assessment file and returns its path.
pub fn new_assessment(
    store: &Store,
    args: &NewArgs,
    now: DateTime<FixedOffset>,
) -> Result<(PathBuf, Assessment, Questionnaire), CliError> {
    let questionnaire = questionnaire_for_new(store, &args.questionnaire)?;
    let mut assessment = Assessment::new(&questionnaire, now);
    assessment.meta.organisation = args.organisation.clone().unwrap_or_default();
    assessment.meta.scope = args.scope.clone().unwrap_or_default();
    assessment.meta.assessors = args.assessors.clone();
    store.ensure()?;
    let path = store.new_assessment_path(&assessment.meta.organisation, now.date_naive());
    store::create(&path, &assessment)?;
    Ok((path, assessment, questionnaire))
}

/// `list`: one line per saved assessment.
pub fn list(store: &Store, out: &mut dyn Write) -> Result<(), CliError> {
    let files = store.list()?;
    if files.is_empty() {
        writeln!(
            out,
            "No assessments in {} yet. Create one with: aims-readiness new --org NAME",
            one_line(&store.assessments_dir().display().to_string())
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<36} {:<28} {:>9} {:<14} {:<16}",
        "FILE", "ORGANISATION", "ANSWERED", "VERDICT", "UPDATED"
    )?;
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match load_assessment(store, &path, &QuestionnaireArg { file: None }) {
            Ok((a, q)) => {
                let s = scoring::score(&q, &a);
                let answered = s.overall.answered + s.overall.not_applicable;
                writeln!(
                    out,
                    "{:<36} {:<28} {:>9} {:<14} {:<16}",
                    one_line(&name),
                    truncate(&one_line(&a.meta.organisation), 28),
                    format!("{answered}/{}", s.overall.total),
                    verdict_text(&s),
                    a.meta.updated.format("%Y-%m-%d %H:%M")
                )?;
            }
            Err(e) => writeln!(
                out,
                "{:<36} (cannot be read: {})",
                one_line(&name),
                one_line(&e.to_string())
            )?,
        }
    }
    Ok(())
}

/// The verdict for people, with "provisional" while questions remain.
pub fn verdict_text(scores: &scoring::Scores) -> String {
    let verdict = scores.readiness.verdict.label();
    if scores.overall.score.is_none() && !scores.readiness.complete {
        "Not assessed yet".to_string()
    } else if scores.readiness.complete {
        verdict.to_string()
    } else {
        format!("{verdict} (provisional)")
    }
}

/// `score`: a human summary, or results.json with `--json`.
pub fn score(
    store: &Store,
    file: &Path,
    json: bool,
    questionnaire: &QuestionnaireArg,
    now: DateTime<FixedOffset>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (assessment, questionnaire) = open_for_command(store, file, questionnaire)?;
    let report = Report::new(&questionnaire, &assessment, now.date_naive(), now);
    if json {
        let json = export::results::render(&report);
        out.write_all(crate::text::json_for_terminal(&String::from_utf8_lossy(&json)).as_bytes())?;
        return Ok(());
    }
    let s = &report.scores;
    let org = if assessment.meta.organisation.is_empty() {
        "(organisation not set)".to_string()
    } else {
        one_line(&assessment.meta.organisation).into_owned()
    };
    writeln!(out, "{org} — {}", one_line(&questionnaire.title))?;
    writeln!(
        out,
        "Overall: {} (level {}: {})   Verdict: {}   Coverage: {}/{} ({:.0}%)",
        one_decimal(s.overall.score),
        s.overall.level.map_or("–".into(), |l| l.to_string()),
        s.overall
            .level
            .map_or(String::new(), |l| one_line(questionnaire.level_name(l))
                .into_owned()),
        verdict_text(s),
        s.overall.answered + s.overall.not_applicable,
        s.overall.total,
        s.overall.coverage * 100.0
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<32} {:>5} {:>6} {:>5} {:>9}",
        "DOMAIN", "SCORE", "TARGET", "GAP", "ANSWERED"
    )?;
    for d in &s.domains {
        writeln!(
            out,
            "{:<32} {:>5} {:>6} {:>5} {:>9}",
            truncate(&one_line(&d.title), 32),
            one_decimal(d.score),
            d.target,
            one_decimal(d.gap),
            format!("{}/{}", d.answered + d.not_applicable, d.total)
        )?;
    }
    let critical: Vec<_> = s.questions.iter().filter(|q| q.critical_gap).collect();
    if !critical.is_empty() {
        writeln!(
            out,
            "\nCritical gaps (critical questions below level {}):",
            s.readiness.threshold
        )?;
        for q in critical {
            let text = questionnaire
                .question(&q.id)
                .map_or("", |x| x.short_title());
            writeln!(
                out,
                "  {:<8} level {}  {}",
                one_line(&q.id),
                q.level.unwrap_or(0),
                truncate(&one_line(text), 90)
            )?;
        }
    }
    if !report.roadmap.is_empty() {
        writeln!(out, "\nTop priorities:")?;
        for item in report.roadmap.iter().take(5) {
            let text = questionnaire
                .question(&item.question)
                .map_or("", |x| x.short_title());
            writeln!(
                out,
                "  {}. {:<8} {} → {}  {}",
                item.rank,
                one_line(&item.question),
                item.current,
                item.target,
                truncate(&one_line(text), 80)
            )?;
        }
    }
    Ok(())
}

/// `export`: writes the chosen formats and returns the paths written.
pub fn export(
    store: &Store,
    args: &ExportArgs,
    now: DateTime<FixedOffset>,
) -> Result<Vec<PathBuf>, CliError> {
    let (assessment, questionnaire) = open_for_command(store, &args.file, &args.questionnaire)?;
    let baseline = match &args.baseline {
        Some(path) => {
            // The baseline must answer the same questionnaire to be compared (an
            // earlier version is carried over in memory; its file is not touched).
            let b = store::read(path)?;
            let b = migration::migrate(&b, &questionnaire).map_or(b, |(m, _)| m);
            store::check_fits(path, &b, &questionnaire)?;
            Some(b)
        }
        None => None,
    };
    let start = args.start.unwrap_or_else(|| now.date_naive());
    let mut report =
        Report::new(&questionnaire, &assessment, start, now).with_chart_size(args.size);
    if let Some(b) = &baseline {
        report = report.with_baseline(b);
    }
    let mut formats = if args.format.is_empty() {
        Format::ALL.to_vec()
    } else {
        args.format.clone()
    };
    formats.sort();
    formats.dedup();
    Ok(export::write_all(&report, &formats, &args.out, args.force)?)
}

/// `compare`: the deltas from `old` to `new`, as a table or JSON.
pub fn compare(store: &Store, args: &CompareArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let (new, questionnaire) = load_assessment(store, &args.new, &args.questionnaire)?;
    let old = store::read(&args.old)?;
    let old = migration::migrate(&old, &questionnaire).map_or(old, |(m, _)| m);
    store::check_fits(&args.old, &old, &questionnaire)?;
    let (old_scores, new_scores) = (
        scoring::score(&questionnaire, &old),
        scoring::score(&questionnaire, &new),
    );
    let c = export::compare::compare(&questionnaire, &old, &old_scores, &new, &new_scores);
    if args.json {
        let mut json = Vec::new();
        export::compare::write_json(&c, &mut json)?;
        out.write_all(crate::text::json_for_terminal(&String::from_utf8_lossy(&json)).as_bytes())?;
    } else {
        export::compare::print_table(&questionnaire, &c, out)?;
    }
    Ok(())
}

/// `questionnaire validate`: prints every problem; returns whether the file is valid.
pub fn validate(file: &Path, out: &mut dyn Write) -> Result<bool, CliError> {
    match Questionnaire::load(file) {
        Ok(q) => {
            writeln!(
                out,
                "{} is valid: \"{}\" version {}, {} domains, {} questions",
                one_line(&file.display().to_string()),
                one_line(&q.title),
                one_line(&q.version),
                q.domains.len(),
                q.questions.len()
            )?;
            Ok(true)
        }
        Err(QuestionnaireError::Invalid { file, problems }) => {
            writeln!(
                out,
                "{} is not valid ({} problem{}):",
                one_line(&file),
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            )?;
            for p in problems {
                writeln!(out, "  {}: {}", one_line(&p.at), one_line(&p.message))?;
            }
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}

/// `questionnaire dump`: the built-in questionnaire as JSON.
pub fn dump(out_file: Option<&Path>, out: &mut dyn Write) -> Result<(), CliError> {
    let json = crate::questionnaire::DEFAULT_JSON;
    match out_file {
        Some(path) => {
            store::write_atomic(path, json.as_bytes(), store::Mode::Shared)?;
            writeln!(out, "{}", one_line(&path.display().to_string()))?;
        }
        None => out.write_all(json.as_bytes())?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
