//! The commands other than the interactive app: each calls the application layer
//! (`store::catalog`) and prints what it returns. All user text reaches the terminal
//! through [`one_line`] and every table cell through [`fit`] (display columns).

use crate::locale::{CliText, Lang};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::{CliError, CompareArgs, ExportArgs, NewArgs, QuestionnaireArg};
use crate::assessment::Assessment;
use crate::export::{self, Format, Report};
use crate::migration::MigrationReport;
use crate::questionnaire::{Questionnaire, QuestionnaireError};
use crate::scoring;
use crate::store::catalog::{self, CatalogError, MergeOutcome};
use crate::store::{self, Store, StoreError};
use crate::text::{clip, fit, fit_right, one_line, pad};
use crate::workshop::AgendaReason;

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
    lang: Lang,
) -> Result<catalog::Opened, CliError> {
    let name = one_line(&path.display().to_string()).into_owned();
    match catalog::open_to_work(store, path, questionnaire.path(), None) {
        Ok(opened) => {
            if let Some((report, copy)) = &opened.migrated {
                let words = lang.f(
                    CliText::NoteMigrated,
                    &[
                        ("name", &name),
                        ("summary", &one_line(&migration_summary(lang, report))),
                        ("copy", &one_line(&copy.display().to_string())),
                    ],
                );
                eprintln!("{words}");
            }
            Ok(opened)
        }
        Err(CatalogError::Store(e @ (StoreError::Io { .. } | StoreError::InUse { .. }))) => {
            // Reading works as before; only saving the migration failed.
            let opened = catalog::open(store, path, questionnaire.path())?;
            let words = lang.f(
                CliText::NoteMigratedInMemory,
                &[("name", &name), ("reason", &one_line(&e.in_lang(lang)))],
            );
            eprintln!("{words}");
            Ok(opened)
        }
        Err(e) => Err(e.into()),
    }
}

/// What a migration did, in one line: "migrated from questionnaire … 1.0.0 to 2.0.0:
/// 12 answers carried over unchanged; 1 question split (b)".
fn migration_summary(lang: Lang, report: &MigrationReport) -> String {
    let count = |text_one, text_many, count: usize, ids: &str| {
        lang.f(
            one_or_many(lang, count, text_one, text_many),
            &[("count", &count), ("ids", &ids)],
        )
    };
    let mut parts = vec![count(
        CliText::MigratedCarriedOne,
        CliText::MigratedCarriedMany,
        report.carried,
        "",
    )];
    if !report.split.is_empty() {
        let olds: Vec<&str> = report.split.iter().map(|(old, _)| old.as_str()).collect();
        parts.push(count(
            CliText::MigratedSplitOne,
            CliText::MigratedSplitMany,
            olds.len(),
            &olds.join(", "),
        ));
    }
    if !report.to_recheck.is_empty() {
        parts.push(count(
            CliText::MigratedRecheckOne,
            CliText::MigratedRecheckMany,
            report.to_recheck.len(),
            &report.to_recheck.join(", "),
        ));
    }
    if !report.retired.is_empty() {
        parts.push(count(
            CliText::MigratedRetiredOne,
            CliText::MigratedRetiredMany,
            report.retired.len(),
            &report.retired.join(", "),
        ));
    }
    lang.f(
        CliText::MigratedFrom,
        &[
            ("questionnaire", &report.questionnaire),
            ("from", &report.from_version),
            ("to", &report.to_version),
            ("parts", &parts.join(lang.list_separator())),
        ],
    )
}

/// The text for a count: the singular or the plural one, by the language's rule
/// (French puts 0 and 1 in the singular).
pub(crate) fn one_or_many(lang: Lang, count: usize, one: CliText, many: CliText) -> CliText {
    if lang.plural(count, "one", "many") == "one" {
        one
    } else {
        many
    }
}

/// Width of the verdict column: the longest verdict ("Nearly ready (provisional)").
const VERDICT_WIDTH: usize = 26;

/// `list`: one line per saved assessment.
pub fn list(store: &Store, lang: Lang, out: &mut dyn Write) -> Result<(), CliError> {
    let entries = catalog::summaries(store, lang)?;
    if entries.is_empty() {
        let dir = one_line(&store.assessments_dir().display().to_string()).into_owned();
        writeln!(out, "{}", lang.f(CliText::ListEmpty, &[("dir", &dir)]))?;
        return Ok(());
    }
    // The file name goes last: it is never cut (it is what the other commands take),
    // so a long one cannot push the columns after it.
    writeln!(
        out,
        "{} {} {} {} {}",
        fit(lang.t(CliText::ColOrganisation), 28),
        fit_right(lang.t(CliText::ColAnswered), 9),
        fit(lang.t(CliText::ColVerdict), VERDICT_WIDTH),
        fit(lang.t(CliText::ColUpdated), 16),
        lang.t(CliText::ColFile)
    )?;
    for e in entries {
        let file = one_line(&e.file);
        match (&e.problem, e.verdict, e.updated) {
            (None, Some(verdict), Some(updated)) => writeln!(
                out,
                "{} {:>9} {} {:<16} {file}",
                fit(&one_line(&e.organisation), 28),
                format!("{}/{}", e.covered, e.total),
                fit(&lang.verdict_status(verdict), VERDICT_WIDTH),
                updated.format("%Y-%m-%d %H:%M")
            )?,
            (problem, _, _) => writeln!(
                out,
                "{} {:>9} {} {:<16} {file}  {}",
                fit("", 28),
                "–",
                fit("", VERDICT_WIDTH),
                "",
                lang.f(
                    CliText::CannotBeRead,
                    &[("problem", &one_line(problem.as_deref().unwrap_or_default()))]
                )
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
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let catalog::Opened {
        assessment,
        questionnaire,
        carried,
        ..
    } = open_for_command(store, file, questionnaire, lang)?;
    if json {
        let report = Report::new(&questionnaire, &assessment, now.date_naive(), now);
        let json = export::results::render(&report);
        out.write_all(crate::text::json_for_terminal(&String::from_utf8_lossy(&json)).as_bytes())?;
        return Ok(());
    }
    // The summary names domains, levels and questions in the reader's language when
    // the built-in questionnaire has a translation (same ids, so the same scores).
    let translated = export::translated(&questionnaire, lang);
    let questionnaire = translated.unwrap_or(questionnaire);
    let report = Report::new(&questionnaire, &assessment, now.date_naive(), now);
    let s = &report.scores;
    let org = if assessment.meta.organisation.is_empty() {
        lang.t(CliText::OrganisationNotSet).to_string()
    } else {
        one_line(&assessment.meta.organisation).into_owned()
    };
    writeln!(out, "{org} — {}", one_line(&questionnaire.title))?;
    let headline = lang.f(
        if s.overall.level.is_some() {
            CliText::ScoreHeadline
        } else {
            CliText::ScoreHeadlineUnscored
        },
        &[
            ("score", &lang.score(s.overall.score)),
            (
                "level",
                &s.overall.level.map_or("–".into(), |l| l.to_string()),
            ),
            (
                "name",
                &s.overall.level.map_or(String::new(), |l| {
                    one_line(questionnaire.level_name(l)).into_owned()
                }),
            ),
            ("verdict", &lang.verdict_status(s.verdict_status())),
            ("covered", &s.overall.covered()),
            ("total", &s.overall.total),
            ("percent", &format!("{:.0}", s.overall.coverage * 100.0)),
        ],
    );
    writeln!(out, "{headline}")?;
    writeln!(out)?;
    writeln!(
        out,
        "{} {} {} {} {}",
        fit(lang.t(CliText::ColDomain), 32),
        fit_right(lang.t(CliText::ColScore), 5),
        fit_right(lang.t(CliText::ColTarget), 6),
        fit_right(lang.t(CliText::ColGap), 5),
        fit_right(lang.t(CliText::ColAnswered), 9)
    )?;
    for d in &s.domains {
        writeln!(
            out,
            "{} {:>5} {:>6} {:>5} {:>9}",
            fit(&one_line(&d.title), 32),
            lang.score(d.score),
            d.target,
            lang.score(d.gap),
            format!("{}/{}", d.covered(), d.total)
        )?;
    }
    let critical: Vec<_> = s.questions.iter().filter(|q| q.critical_gap).collect();
    if !critical.is_empty() {
        let heading = lang.f(
            CliText::CriticalGaps,
            &[("threshold", &s.readiness.threshold)],
        );
        writeln!(out, "\n{heading}")?;
        for q in critical {
            let text = questionnaire
                .question(&q.id)
                .map_or("", |x| x.short_title());
            writeln!(
                out,
                "  {} {}  {}",
                pad(&one_line(&q.id), 8),
                lang.f(CliText::Level, &[("level", &q.level.unwrap_or(0))]),
                clip(&one_line(text), 90)
            )?;
        }
    }
    super::findings::print_findings(out, s, &questionnaire, lang)?;
    super::findings::print_carried(out, &carried, lang)?;
    if !report.roadmap.is_empty() {
        writeln!(out, "\n{}", lang.t(CliText::TopPriorities))?;
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
    } = open_for_command(store, &args.file, &args.questionnaire, interface)?;
    // The baseline must answer the same questionnaire to be compared. Without
    // --baseline, the round this one follows (if its file is still there).
    let baseline = match &args.baseline {
        Some(path) => Some(catalog::open_baseline(store, path, &questionnaire)?),
        None => match catalog::recorded_baseline(store, &assessment, &questionnaire) {
            Some(Ok((_, b))) => Some(b),
            Some(Err(e)) => {
                let words = interface.f(
                    CliText::BaselineNotCompared,
                    &[("reason", &one_line(&e.in_lang(interface)))],
                );
                eprintln!("aims-readiness: {words}");
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
pub fn compare(
    store: &Store,
    args: &CompareArgs,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CliError> {
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
        // The built-in questionnaire's words in the reader's language (same ids and
        // scores); the JSON keeps the questionnaire's own.
        let shown = export::translated(&questionnaire, lang);
        export::compare::print_table(shown.as_ref().unwrap_or(&questionnaire), &c, lang, out)?;
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
    lang: Lang,
    out: &mut dyn Write,
) -> Result<bool, CliError> {
    match store::load_questionnaire(file) {
        Ok(q) => {
            let original = match against {
                Some(path) => Some((store::load_questionnaire(path)?, path.display().to_string())),
                None if !q.language.is_english() && q.id == crate::questionnaire::DEFAULT_ID => {
                    Some((
                        crate::questionnaire::Questionnaire::embedded()?,
                        lang.t(CliText::EmbeddedOriginal).to_string(),
                    ))
                }
                None => None,
            };
            if let Some((original, name)) = &original {
                let problems = q.translation_problems(original);
                if !problems.is_empty() {
                    let text = one_or_many(
                        lang,
                        problems.len(),
                        CliText::NotMatchingOne,
                        CliText::NotMatchingMany,
                    );
                    let words = lang.f(
                        text,
                        &[
                            ("file", &one_line(&file.display().to_string())),
                            ("original", &one_line(name)),
                            ("count", &problems.len()),
                        ],
                    );
                    writeln!(out, "{words}")?;
                    for p in problems {
                        writeln!(out, "  {}: {}", one_line(&p.at), one_line(&p.message))?;
                    }
                    return Ok(false);
                }
            }
            let title = one_line(&q.title);
            let title = match lang {
                Lang::En => format!("\"{title}\""),
                Lang::Fr => lang.quote(&title),
            };
            let words = lang.f(
                CliText::Valid,
                &[
                    ("file", &one_line(&file.display().to_string())),
                    ("title", &title),
                    ("version", &one_line(&q.version)),
                    ("domains", &q.domains.len()),
                    ("questions", &q.questions.len()),
                ],
            );
            writeln!(out, "{words}")?;
            if let Some((_, name)) = &original {
                let words = lang.f(
                    CliText::ValidTranslation,
                    &[("code", &q.language.code()), ("original", &one_line(name))],
                );
                writeln!(out, "{words}")?;
            }
            Ok(true)
        }
        Err(QuestionnaireError::Invalid { file, problems }) => {
            let text = one_or_many(
                lang,
                problems.len(),
                CliText::InvalidOne,
                CliText::InvalidMany,
            );
            let words = lang.f(
                text,
                &[("file", &one_line(&file)), ("count", &problems.len())],
            );
            writeln!(out, "{words}")?;
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
pub fn print_merge(outcome: &MergeOutcome, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    const SHOWN: usize = 12;
    let names = &outcome.assessment.participants;
    let mut shown: Vec<String> = names
        .iter()
        .take(SHOWN)
        .map(|n| one_line(n).into_owned())
        .collect();
    if names.len() > SHOWN {
        shown.push(lang.f(CliText::AndMore, &[("count", &(names.len() - SHOWN))]));
    }
    let text = one_or_many(lang, names.len(), CliText::MergedOne, CliText::MergedMany);
    let words = lang.f(
        text,
        &[
            ("count", &names.len()),
            ("path", &one_line(&outcome.path.display().to_string())),
            ("names", &shown.join(", ")),
        ],
    );
    writeln!(out, "{words}")?;
    writeln!(out, "{}", lang.t(CliText::MergedProposal))?;
    print_agenda(outcome, lang, out)
}

/// Prints the discussion agenda of a merge (all user text through [`one_line`]).
pub fn print_agenda(
    outcome: &MergeOutcome,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if outcome.agenda.is_empty() {
        return writeln!(out, "{}", lang.t(CliText::NothingToDiscuss));
    }
    writeln!(out, "\n{}", lang.t(CliText::AgendaHeading))?;
    // Short titles in the reader's language when the questionnaire has a translation.
    let translated = export::translated(&outcome.questionnaire, lang);
    let questionnaire = translated.as_ref().unwrap_or(&outcome.questionnaire);
    for (i, item) in outcome.agenda.iter().enumerate() {
        let text = questionnaire
            .question(&item.question)
            .map_or("", |q| q.short_title());
        let s = &item.stats;
        // The cell is built from parts: each is a short, complete phrase of the table
        // ("votes 2–4", " + 1 N/A", ", proposed 3"), not a sentence.
        let mut votes = match (s.min, s.max) {
            (Some(lo), Some(hi)) if lo != hi => {
                lang.f(CliText::VotesRange, &[("low", &lo), ("high", &hi)])
            }
            (Some(lo), _) => lang.f(CliText::VotesOne, &[("level", &lo)]),
            _ if s.not_applicable > 0 => lang.f(CliText::VotesNa, &[("count", &s.not_applicable)]),
            _ => lang.t(CliText::NoVotes).to_string(),
        };
        if s.not_applicable > 0 && s.min.is_some() {
            votes.push_str(&lang.f(CliText::PlusNa, &[("count", &s.not_applicable)]));
        }
        if let Some(p) = s.proposal {
            votes.push_str(&lang.f(CliText::Proposed, &[("level", &p)]));
        }
        writeln!(
            out,
            "{:>4}. {} {} {} {}",
            i + 1,
            pad(&one_line(&item.question), 10),
            pad(lang.t(agenda_reason(item.reason)), 12),
            pad(&votes, 28),
            clip(&one_line(text), 60)
        )?;
    }
    Ok(())
}

/// Why a question is on the agenda, in the table's words.
fn agenda_reason(reason: AgendaReason) -> CliText {
    match reason {
        AgendaReason::Divergent => CliText::AgendaDivergent,
        AgendaReason::ApplicabilityDisputed => CliText::AgendaNaDisputed,
        AgendaReason::Pending => CliText::AgendaPending,
        AgendaReason::Unanswered => CliText::AgendaUnanswered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(carried: usize, split: usize, recheck: usize, retired: usize) -> MigrationReport {
        let ids = |prefix: &str, n: usize| (0..n).map(|i| format!("{prefix}{i}")).collect();
        MigrationReport {
            questionnaire: "iso42001-readiness".into(),
            from_version: "1.0.0".into(),
            to_version: "2.0.0".into(),
            carried,
            split: (0..split)
                .map(|i| (format!("s{i}"), vec![format!("s{i}"), format!("s{i}b")]))
                .collect(),
            to_recheck: ids("r", recheck),
            retired: ids("x", retired),
            note: String::new(),
        }
    }

    #[test]
    fn the_migration_summary_in_english_is_the_one_the_migration_writes() {
        for r in [report(0, 0, 0, 0), report(1, 1, 1, 1), report(12, 2, 3, 2)] {
            assert_eq!(migration_summary(Lang::En, &r), r.summary());
        }
    }

    #[test]
    fn the_migration_summary_in_french() {
        assert_eq!(
            migration_summary(Lang::Fr, &report(12, 1, 0, 0)),
            "migré du questionnaire iso42001-readiness 1.0.0 vers 2.0.0\u{a0}: \
             12 réponses reportées telles quelles\u{202f}; 1 question scindée (s0)"
        );
    }

    #[test]
    fn a_heading_over_numbers_is_right_aligned_in_display_columns() {
        assert_eq!(fit_right("ÉCART", 6), " ÉCART");
        assert_eq!(fit_right("ANSWERED", 9), format!("{:>9}", "ANSWERED"));
    }
}
