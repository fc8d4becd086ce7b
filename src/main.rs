//! The `aims-readiness` binary: parse the command line, call the library, map errors
//! to exit codes (0 success, 1 data or file error, 2 usage error).

use std::io::Write;
use std::process::ExitCode;

use std::io::IsTerminal;

use aims_readiness::cli::{
    self, Cli, CliError, Command, EvidenceCommand, QuestionnaireArg, QuestionnaireCommand,
};
use aims_readiness::locale::Lang;
use aims_readiness::store::Store;
use aims_readiness::text::{multi_line, one_line};
use aims_readiness::tui::{self, Start, TuiError};
use clap::Parser;

fn main() -> ExitCode {
    // Over a file-size limit (`ulimit -f`) the kernel would kill us at the first large
    // write, mid-save, leaving the terminal raw; with the signal caught the write fails
    // with an error that is reported like a full disk.
    #[cfg(unix)]
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let lang = match Lang::choose(cli.lang.as_deref(), |name| std::env::var(name).ok()) {
        Ok(lang) => lang,
        Err(e) => {
            // The language asked for is unknown: the locale's language words the error.
            let fallback = Lang::choose(None, |name| {
                std::env::var(name)
                    .ok()
                    .filter(|_| name != "AIMS_READINESS_LANG")
            })
            .unwrap_or_default();
            let _ = writeln!(
                std::io::stderr(),
                "aims-readiness: {}",
                one_line(&e.in_lang(fallback))
            );
            return ExitCode::from(2);
        }
    };
    match run(cli, lang) {
        Ok(code) => code,
        // The reader went away (`aims-readiness list | head`): nothing left to say.
        Err(CliError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let message = one_line(&e.in_lang(lang)).into_owned();
            let _ = writeln!(std::io::stderr(), "aims-readiness: {message}");
            ExitCode::from(1)
        }
    }
}

/// Prints clap's message for a bad command line. Its usage errors quote the arguments
/// (a file name reached through a glob can hold escape sequences), so they go out
/// through the same filter as every other text; help and version are ours and printed
/// as clap formats them.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let message = e.render().to_string();
    let _ = write!(std::io::stderr(), "{}", multi_line(&message));
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

fn run(cli: Cli, lang: Lang) -> Result<ExitCode, CliError> {
    let now = chrono::Local::now().fixed_offset();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let store = || Store::from_env();
    // An explicit --lang also sets the report's language over the assessment's.
    let asked = cli.lang.is_some().then_some(lang);
    match cli.command {
        None => interactive(store()?, Start::Home, QuestionnaireArg { file: None }, lang),
        Some(Command::New(args)) => {
            let (path, _, _) = cli::new_assessment(&store()?, &args, lang, now)?;
            if in_terminal() {
                drop(out);
                return interactive(store()?, Start::Open(path), args.questionnaire, lang);
            }
            writeln!(out, "{}", one_line(&path.display().to_string()))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Open {
            file,
            questionnaire,
        }) => interactive(store()?, Start::Open(file), questionnaire, lang),
        Some(Command::List) => {
            cli::list(&store()?, lang, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Score {
            file,
            json,
            questionnaire,
        }) => {
            cli::score(&store()?, &file, json, &questionnaire, now, lang, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export(args)) => {
            for path in cli::export(&store()?, &args, asked, lang, now)? {
                writeln!(out, "{}", one_line(&path.display().to_string()))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Compare(args)) => {
            cli::compare(&store()?, &args, lang, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Merge(args)) => {
            cli::homework::merge(&store()?, &args, now, lang, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Homework(args)) => {
            cli::homework::homework(&store()?, &args, asked, lang, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Questionnaire(QuestionnaireCommand::Validate { file, against })) => Ok(
            if cli::validate(&file, against.as_deref(), lang, &mut out)? {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            },
        ),
        Some(Command::Questionnaire(QuestionnaireCommand::Dump { out: file })) => {
            cli::dump(file.as_deref(), &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Evidence(EvidenceCommand::Add(args))) => {
            cli::evidence::add(&store()?, &args, now, lang, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Evidence(EvidenceCommand::List {
            file,
            questionnaire,
        })) => {
            cli::evidence::list(&store()?, &file, &questionnaire, lang, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Evidence(EvidenceCommand::Verify {
            file,
            questionnaire,
        })) => Ok(
            if cli::evidence::verify(&store()?, &file, &questionnaire, lang, &mut out)? {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            },
        ),
    }
}

/// Whether both standard input and output are a terminal (else `new` just prints the path).
fn in_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Runs the interactive app; it needs a terminal.
fn interactive(
    store: Store,
    start: Start,
    questionnaire: QuestionnaireArg,
    lang: Lang,
) -> Result<ExitCode, CliError> {
    if !in_terminal() {
        return Err(CliError::NoTerminal);
    }
    match tui::run(store, start, questionnaire.file, lang) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(TuiError::Catalog(e)) => Err(e.into()),
        Err(TuiError::Terminal(e)) => Err(CliError::Terminal(e)),
    }
}
