//! Words people read. The core hands out data (enums, numbers); this module words it in
//! the reader's language: the catalogue (`catalog`) holds every text in English and
//! French, `format` writes numbers and dates as each language does, `lang` chooses the
//! language.

mod catalog;
mod chrome;
mod cli;
mod errors;
mod format;
mod homework;
mod lang;
mod leftover;
mod refs;
mod report;
mod room;
mod screens;
mod status;

pub use catalog::{Both, Text, Words, french_typography_problems};
pub use chrome::ChromeText;
pub use cli::CliText;
pub use errors::ErrorText;
pub use format::{NBSP, NNBSP};
pub use homework::{HomeworkText, Said};
pub use lang::{Lang, UnknownLang};
pub use leftover::{english_left, english_words_in, whole_word};
pub use report::ReportText;
pub use room::RoomText;
pub use screens::ScreenText;
pub use status::StatusText;

/// One text of a catalogue: its name (`ScreenText::QuestionTitle`), English and French.
#[derive(Debug, Clone)]
pub struct CatalogueEntry {
    /// The catalogue and key, as written in the code.
    pub name: String,
    /// The English words.
    pub en: &'static str,
    /// The French words.
    pub fr: &'static str,
}

/// Every text of every catalogue of this module (the keymap table's texts live beside
/// their keys, in `tui::keys`): what the typography, placeholder and "no English left
/// on a French screen" tests read.
pub fn every_text() -> Vec<CatalogueEntry> {
    fn of<T: Words + std::fmt::Debug>(all: &[T], catalogue: &str) -> Vec<CatalogueEntry> {
        all.iter()
            .map(|&t| CatalogueEntry {
                name: format!("{catalogue}::{t:?}"),
                en: t.en(),
                fr: t.fr(),
            })
            .collect()
    }
    [
        of(Text::ALL, "Text"),
        of(ReportText::ALL, "ReportText"),
        of(ChromeText::ALL, "ChromeText"),
        of(ScreenText::ALL, "ScreenText"),
        of(StatusText::ALL, "StatusText"),
        of(RoomText::ALL, "RoomText"),
        of(CliText::ALL, "CliText"),
        of(ErrorText::ALL, "ErrorText"),
        of(HomeworkText::ALL, "HomeworkText"),
    ]
    .concat()
}

use crate::assessment::{CarriedOver, Implementation};
use crate::scoring::{Cause, Severity, SoaSummary, Verdict, VerdictStatus};

impl Lang {
    /// A verdict in words: "Not ready", "Nearly ready".
    pub fn verdict(self, verdict: Verdict) -> &'static str {
        self.t(match verdict {
            Verdict::NotReady => Text::VerdictNotReady,
            Verdict::NearlyReady => Text::VerdictNearlyReady,
            Verdict::Ready => Text::VerdictReady,
        })
    }

    /// A verdict for people: "Not ready", "Nearly ready (provisional)", "Not assessed yet".
    pub fn verdict_status(self, status: VerdictStatus) -> String {
        match status {
            VerdictStatus::NotAssessed => self.t(Text::VerdictNotAssessed).to_string(),
            VerdictStatus::Final(v) => self.verdict(v).to_string(),
            VerdictStatus::Provisional(v) => {
                self.f(Text::Provisional, &[("verdict", &self.verdict(v))])
            }
        }
    }

    /// A finding in one line: "ctx-01 (Context): level 1, readiness needs 3 (critical)".
    pub fn finding(self, id: &str, cause: Cause) -> String {
        match cause {
            Cause::Level {
                level,
                threshold,
                critical,
            } => self.f(
                if critical {
                    Text::FindingCritical
                } else {
                    Text::FindingBelow
                },
                &[("id", &id), ("level", &level), ("threshold", &threshold)],
            ),
            Cause::SoaIncomplete { undecided: 1 } => self.t(Text::SoaIncompleteOne).to_string(),
            Cause::SoaIncomplete { undecided } => {
                self.f(Text::SoaIncompleteMany, &[("count", &undecided)])
            }
            Cause::ExcludedWithoutJustification => {
                self.f(Text::ExcludedWithoutJustification, &[("id", &id)])
            }
            Cause::NotExcludable => self.f(Text::NotExcludable, &[("id", &id)]),
            Cause::Implementation(i) => self.f(
                Text::IncludedNotImplemented,
                &[
                    ("id", &id),
                    (
                        "state",
                        &self.implementation(i.unwrap_or(Implementation::NotStarted)),
                    ),
                ],
            ),
            Cause::DomainBelow {
                score_tenths,
                threshold,
            } => self.f(
                Text::DomainBelow,
                &[
                    ("id", &id),
                    ("score", &self.decimal(f64::from(score_tenths) / 10.0)),
                    ("threshold", &threshold),
                ],
            ),
        }
    }

    /// An implementation state for people: "not started", "planned", …
    pub fn implementation(self, i: Implementation) -> &'static str {
        self.t(match i {
            Implementation::NotStarted => Text::ImplementationNotStarted,
            Implementation::Planned => Text::ImplementationPlanned,
            Implementation::Partial => Text::ImplementationPartial,
            Implementation::Implemented => Text::ImplementationImplemented,
        })
    }

    /// A grade for people: "Major", "Minor", "Improvement".
    pub fn severity(self, s: Severity) -> &'static str {
        self.t(match s {
            Severity::Major => Text::SeverityMajor,
            Severity::Minor => Text::SeverityMinor,
            Severity::Improvement => Text::SeverityImprovement,
        })
    }

    /// A control's decision for people: "included", "excluded", "undecided".
    pub fn decision(self, applicable: Option<bool>) -> &'static str {
        self.t(match applicable {
            Some(true) => Text::DecisionIncluded,
            Some(false) => Text::DecisionExcluded,
            None => Text::DecisionUndecided,
        })
    }

    /// The Statement of Applicability in one line.
    pub fn soa_summary(self, soa: &SoaSummary) -> String {
        self.f(
            Text::SoaSummary,
            &[
                ("included", &soa.included),
                ("implemented", &soa.implemented),
                ("excluded", &soa.excluded),
                ("undecided", &soa.undecided),
            ],
        )
    }

    /// What opening did with N/A answers made before the Statement of Applicability,
    /// or nothing when it did nothing.
    pub fn carried_over(self, carried: &CarriedOver) -> Option<String> {
        let mut parts = Vec::new();
        if !carried.excluded.is_empty() {
            parts.push(self.f(
                Text::CarriedExclusions,
                &[("controls", &carried.excluded.join(", "))],
            ));
        }
        if !carried.left_undecided.is_empty() {
            let text = if carried.left_undecided.len() == 1 {
                Text::CarriedUndecidedOne
            } else {
                Text::CarriedUndecidedMany
            };
            parts.push(self.f(text, &[("controls", &carried.left_undecided.join(", "))]));
        }
        (!parts.is_empty()).then(|| {
            // French puts a narrow no-break space before a semicolon.
            let separator = match self {
                Lang::En => "; ",
                Lang::Fr => "\u{202f}; ",
            };
            let mut sentence = parts.join(separator);
            if let Some(first) = sentence.chars().next() {
                sentence.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
            }
            sentence + "."
        })
    }

    /// The roadmap action that finishes an included control: "Put control A.6.2.8 Event
    /// logs fully in place (now partial) and record its evidence …".
    pub fn control_action(self, id: &str, title: &str, now: Option<Implementation>) -> String {
        self.f(
            Text::ControlAction,
            &[
                ("id", &id),
                ("title", &title),
                (
                    "state",
                    &self.implementation(now.unwrap_or(Implementation::NotStarted)),
                ),
            ],
        )
    }
}

// The English wording, for the callers that do not yet carry the reader's language.

/// A verdict for people, in English.
pub fn verdict_status(status: VerdictStatus) -> String {
    Lang::En.verdict_status(status)
}

/// A finding in one line, in English.
pub fn finding(id: &str, cause: Cause) -> String {
    Lang::En.finding(id, cause)
}

/// A control's decision, in English.
pub fn decision(applicable: Option<bool>) -> &'static str {
    Lang::En.decision(applicable)
}

/// The roadmap action that finishes an included control, in English.
pub fn control_action(id: &str, title: &str, now: Option<Implementation>) -> String {
    Lang::En.control_action(id, title, now)
}
