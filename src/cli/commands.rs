//! The commands other than the interactive app: each calls the application layer
//! (`store::catalog`) and prints what it returns. All user text reaches the terminal
//! through [`one_line`] and every table cell through [`fit`] (display columns).

use crate::locale::Lang;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::{CliError, CompareArgs, ExportArgs, NewArgs, QuestionnaireArg};
use crate::assessment::Assessment;
use crate::export::{self, Format, Report};
use crate::locale;
use crate::questionnaire::{Questionnaire, QuestionnaireError};
use crate::scoring::{self, one_decimal};
use crate::store::catalog::{self, CatalogError, MergeOutcome};
use crate::store::{self, Store, StoreError};
use crate::text::{clip, fit, one_line, pad};

/// `new`: creates the assessment file and returns its path.
pub fn new_assessment(
    store: &Store,
    args: &NewArgs,
    lang: Lang,
    now: DateTime<FixedOffset>,
) -> Result<(PathBuf, Assessment, Questionnaire), CliError> {
    if let Some(old) = &args.from {
        let (path, mut next, questionnaire) = catalog::next_round(store, old, now)?;
        // Flags given with --from replace what the earlier round said.
        let changed =
            args.organisation.is_some() || args.scope.is_some() || !args.assessors.is_empty();
        if let Some(o) = &args.organisation {
            next.meta.organisation = o.clone();
        }
        if let Some(s) = &args.scope {
            next.meta.scope = s.clone();
        }
        if !args.assessors.is_empty() {
            next.meta.assessors = args.assessors.clone();
        }
        if changed {
            store::save(&path, &next)?;
        }
        return Ok((path, next, questionnaire));
    }
    let questionnaire = catalog::questionnaire_for_new(store, args.questionnaire.path())?;
    let mut assessment = Assessment::new(&questionnaire, now);
    assessment.meta.language = Some(lang);
    assessment.meta.organisation = args.organisation.clone().unwrap_or_default();
    assessment.meta.scope = args.scope.clone().unwrap_or_default();
    assessment.meta.assessors = args.assessors.clone();
    let path = catalog::create(store, &assessment)?;
    Ok((path, assessment, questionnaire))
}

/// Opens an assessment for `score` and `export`: migrated and saved when it needs it,
/// saying so once on standard error. When the migrated file cannot be saved (another
/// process has it open, or the folder is read-only) the command still runs on the
/// assessment migrated in memory, and says that too.
fn open_for_command(
    store: &Store,
    path: &Path,
    questionnaire: &QuestionnaireArg,
) -> Result<catalog::Opened, CliError> {
    let name = one_line(&path.display().to_string()).into_owned();
    match catalog::open_to_work(store, path, questionnaire.path(), None) {
        Ok(opened) => {
            if let Some((report, copy)) = &opened.migrated {
                eprintln!(
                    "Note: {name} was {}. The file as it was is kept at {}. Open it in the app to confirm the answers marked to re-check.",
                    one_line(&report.summary()),
                    one_line(&copy.display().to_string())
                );
            }
            Ok(opened)
        }
        Err(CatalogError::Store(e @ (StoreError::Io { .. } | StoreError::InUse { .. }))) => {
            // Reading works as before; only saving the migration failed.
            let opened = catalog::open(store, path, questionnaire.path())?;
            eprintln!(
                "Note: {name} answers an earlier version of the questionnaire; it was carried over in memory only, because it could not be saved ({}).",
                one_line(&e.to_string())
            );
            Ok(opened)
        }
        Err(e) => Err(e.into()),
    }
}

/// Width of the verdict column: the longest verdict ("Nearly ready (provisional)").
const VERDICT_WIDTH: usize = 26;

/// `list`: one line per saved assessment.
pub fn list(store: &Store, out: &mut dyn Write) -> Result<(), CliError> {
    let entries = catalog::summaries(store)?;
    if entries.is_empty() {
        writeln!(
            out,
            "No assessments in {} yet. Create one with: aims-readiness new --org NAME",
            one_line(&store.assessments_dir().display().to_string())
        )?;
        return Ok(());
    }
    // The file name goes last: it is never cut (it is what the other commands take),
    // so a long one cannot push the columns after it.
    writeln!(
        out,
        "{} {:>9} {} {:<16} FILE",
        fit("ORGANISATION", 28),
        "ANSWERED",
        fit("VERDICT", VERDICT_WIDTH),
        "UPDATED"
    )?;
    for e in entries {
        let file = one_line(&e.file);
        match (&e.problem, e.verdict, e.updated) {
            (None, Some(verdict), Some(updated)) => writeln!(
                out,
                "{} {:>9} {} {:<16} {file}",
                fit(&one_line(&e.organisation), 28),
                format!("{}/{}", e.covered, e.total),
                fit(&locale::verdict_status(verdict), VERDICT_WIDTH),
                updated.format("%Y-%m-%d %H:%M")
            )?,
            (problem, _, _) => writeln!(
                out,
                "{} {:>9} {} {:<16} {file}  (cannot be read: {})",
                fit("", 28),
                "–",
                fit("", VERDICT_WIDTH),
                "",
                one_line(problem.as_deref().unwrap_or_default())
            )?,
        }
    }
    Ok(())
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
    let catalog::Opened {
        assessment,
        questionnaire,
        carried,
        ..
    } = open_for_command(store, file, questionnaire)?;
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
        locale::verdict_status(s.verdict_status()),
        s.overall.covered(),
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
            "{} {:>5} {:>6} {:>5} {:>9}",
            fit(&one_line(&d.title), 32),
            one_decimal(d.score),
            d.target,
            one_decimal(d.gap),
            format!("{}/{}", d.covered(), d.total)
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
                "  {} level {}  {}",
                pad(&one_line(&q.id), 8),
                q.level.unwrap_or(0),
                clip(&one_line(text), 90)
            )?;
        }
    }
    super::findings::print_findings(out, s)?;
    super::findings::print_carried(out, &carried)?;
    if !report.roadmap.is_empty() {
        writeln!(out, "\nTop priorities:")?;
        for item in report.roadmap.iter().take(5) {
            let text = questionnaire
                .question(&item.question)
                .map_or("", |x| x.short_title());
            writeln!(
                out,
                "  {}. {} {} → {}  {}",
                item.rank,
                pad(&one_line(&item.question), 8),
                item.current,
                item.target,
                clip(&one_line(text), 80)
            )?;
        }
    }
    Ok(())
}

/// `export`: writes the chosen formats and returns the paths written.
///
/// The report's language is `asked` (an explicit `--lang`), else the assessment's,
/// else `interface`.
pub fn export(
    store: &Store,
    args: &ExportArgs,
    asked: Option<Lang>,
    interface: Lang,
    now: DateTime<FixedOffset>,
) -> Result<Vec<PathBuf>, CliError> {
    let catalog::Opened {
        assessment,
        questionnaire,
        ..
    } = open_for_command(store, &args.file, &args.questionnaire)?;
    // The baseline must answer the same questionnaire to be compared. Without
    // --baseline, the round this one follows (if its file is still there).
    let baseline = match &args.baseline {
        Some(path) => Some(catalog::open_baseline(store, path, &questionnaire)?),
        None => match catalog::recorded_baseline(store, &assessment, &questionnaire) {
            Some(Ok((_, b))) => Some(b),
            Some(Err(e)) => {
                eprintln!(
                    "aims-readiness: the earlier round is not compared: {}",
                    one_line(&e.to_string())
                );
                None
            }
            None => None,
        },
    };
    let start = args.start.unwrap_or_else(|| now.date_naive());
    let lang = export::report_lang(asked, &assessment, interface);
    let translated = export::translated(&questionnaire, lang);
    let mut report = Report::new(
        translated.as_ref().unwrap_or(&questionnaire),
        &assessment,
        start,
        now,
    )
    .with_chart_size(args.size)
    .with_lang(lang);
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
    let Some((new_file, rest)) = args.files.split_last() else {
        return Err(CliError::NoBaseline(PathBuf::new()));
    };
    let old_file = rest.first();
    let catalog::Opened {
        assessment: new,
        questionnaire,
        ..
    } = catalog::open(store, new_file, args.questionnaire.path())?;
    let old = match old_file {
        Some(old) => catalog::open_baseline(store, old, &questionnaire)?,
        None => match catalog::recorded_baseline(store, &new, &questionnaire) {
            Some(found) => found?.1,
            None => return Err(CliError::NoBaseline(new_file.clone())),
        },
    };
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
///
/// A translation (a file whose `language` is not English and whose id is the built-in
/// one, or any file given `--against ORIGINAL`) must also match its original's structure.
pub fn validate(
    file: &Path,
    against: Option<&Path>,
    out: &mut dyn Write,
) -> Result<bool, CliError> {
    match store::load_questionnaire(file) {
        Ok(q) => {
            let original = match against {
                Some(path) => Some((store::load_questionnaire(path)?, path.display().to_string())),
                None if !q.language.is_english() && q.id == crate::questionnaire::DEFAULT_ID => {
                    Some((
                        crate::questionnaire::Questionnaire::embedded()?,
                        crate::questionnaire::DEFAULT_NAME.to_string(),
                    ))
                }
                None => None,
            };
            if let Some((original, name)) = &original {
                let problems = q.translation_problems(original);
                if !problems.is_empty() {
                    writeln!(
                        out,
                        "{} does not match its original {} ({} problem{}):",
                        one_line(&file.display().to_string()),
                        one_line(name),
                        problems.len(),
                        if problems.len() == 1 { "" } else { "s" }
                    )?;
                    for p in problems {
                        writeln!(out, "  {}: {}", one_line(&p.at), one_line(&p.message))?;
                    }
                    return Ok(false);
                }
            }
            writeln!(
                out,
                "{} is valid: \"{}\" version {}, {} domains, {} questions",
                one_line(&file.display().to_string()),
                one_line(&q.title),
                one_line(&q.version),
                q.domains.len(),
                q.questions.len()
            )?;
            if let Some((_, name)) = &original {
                writeln!(
                    out,
                    "  a translation ({}) matching {}: same ids, refs, numbers and checks per level",
                    q.language.code(),
                    one_line(name)
                )?;
            }
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

/// Prints what `merge` did and the discussion agenda (all user text through
/// [`one_line`]).
pub fn print_merge(outcome: &MergeOutcome, out: &mut dyn Write) -> std::io::Result<()> {
    const SHOWN: usize = 12;
    let names = &outcome.assessment.participants;
    let mut shown: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|n| one_line(n).into_owned())
        .collect();
    if names.len() > SHOWN {
        shown.push(format!("and {} more", names.len() - SHOWN));
    }
    writeln!(
        out,
        "Merged {} assessment{} into {} (participants: {}).",
        names.len(),
        if names.len() == 1 { "" } else { "s" },
        one_line(&outcome.path.display().to_string()),
        shown.join(", ")
    )?;
    writeln!(
        out,
        "Every result is a proposal (the lower median of the votes) until confirmed in the workshop."
    )?;
    print_agenda(outcome, out)
}

/// Prints the discussion agenda of a merge (all user text through [`one_line`]).
pub fn print_agenda(outcome: &MergeOutcome, out: &mut dyn Write) -> std::io::Result<()> {
    if outcome.agenda.is_empty() {
        return writeln!(out, "Nothing to discuss: every question is settled.");
    }
    writeln!(out, "\nDiscussion agenda (divergent questions first):")?;
    for (i, item) in outcome.agenda.iter().enumerate() {
        let text = outcome
            .questionnaire
            .question(&item.question)
            .map_or("", |q| q.short_title());
        let s = &item.stats;
        let mut votes = match (s.min, s.max) {
            (Some(lo), Some(hi)) if lo != hi => format!("votes {lo}–{hi}"),
            (Some(lo), _) => format!("votes {lo}"),
            _ if s.not_applicable > 0 => format!("votes {} N/A", s.not_applicable),
            _ => "no votes".to_string(),
        };
        if s.not_applicable > 0 && s.min.is_some() {
            votes.push_str(&format!(" + {} N/A", s.not_applicable));
        }
        if let Some(p) = s.proposal {
            votes.push_str(&format!(", proposed {p}"));
        }
        writeln!(
            out,
            "{:>4}. {} {:<12} {:<28} {}",
            i + 1,
            pad(&one_line(&item.question), 10),
            item.reason.label(),
            votes,
            clip(&one_line(text), 60)
        )?;
    }
    Ok(())
}
