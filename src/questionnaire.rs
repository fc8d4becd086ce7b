//! The questionnaire model: loading, validation and the embedded default.
//!
//! Pure: text in, a validated [`Questionnaire`] or a list of [`Problem`]s out.

use crate::locale::ErrorText;
use crate::locale::Lang;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub mod checks;
mod translation;
mod validate;

use validate::deserialize_all;
pub(crate) use validate::json_message;

pub use checks::{Check, Checks};

/// The default ISO/IEC 42001 questionnaire, compiled into the binary.
pub const DEFAULT_JSON: &str = include_str!("../questionnaires/iso42001.json");

/// The French translation of the default questionnaire, compiled into the binary.
pub const FRENCH_JSON: &str = include_str!("../questionnaires/iso42001.fr.json");

/// The name shown for the embedded French questionnaire in messages.
pub const FRENCH_NAME: &str = "questionnaires/iso42001.fr.json (embedded)";

/// The id of the default questionnaire.
pub const DEFAULT_ID: &str = "iso42001-readiness";

/// The name shown for the embedded questionnaire in messages.
pub const DEFAULT_NAME: &str = "questionnaires/iso42001.json (embedded)";

/// Number of maturity levels on the scale.
pub const LEVELS: u8 = 5;

/// A maturity questionnaire: domains, questions and the scale they are answered on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Version of the questionnaire file format (currently 1).
    #[serde(default = "one")]
    pub schema_version: u32,
    /// Stable identifier, e.g. `iso42001-readiness`.
    pub id: String,
    /// Version of this questionnaire's content, e.g. `1.0.0`.
    pub version: String,
    /// The language its text is written in (English unless the file says otherwise).
    #[serde(default, skip_serializing_if = "Lang::is_english")]
    pub language: Lang,
    /// Title shown to users.
    pub title: String,
    /// What the questionnaire measures.
    #[serde(default)]
    pub description: String,
    /// Level a critical question must reach for certification readiness (default 3).
    #[serde(default = "three")]
    pub readiness_threshold: u8,
    /// Target level of a domain unless the domain or the assessment says otherwise.
    #[serde(default = "three")]
    pub default_target: u8,
    /// The generic descriptors of levels 1 to 5.
    pub scale: Vec<ScaleLevel>,
    /// The domains, in presentation order.
    #[serde(default)]
    pub domains: Vec<Domain>,
    /// The questions, in presentation order.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// How assessments made with earlier versions of this questionnaire carry over.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub migrations: Vec<Migration>,
    /// The Annex A control objectives (optional; with `controls`, the Statement of
    /// Applicability).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub control_objectives: Vec<ControlObjective>,
    /// The controls a Statement of Applicability decides on, each tied to the question
    /// that assesses its maturity (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub controls: Vec<Control>,
    /// Position of each question by id, built when the questionnaire is loaded so that
    /// look-ups stay fast on a 10,000-question file. Stale entries are detected.
    #[serde(skip)]
    index: HashMap<String, usize>,
    /// Position of each domain by id, and the positions of its questions: a
    /// questionnaire of 100,000 domains is looked up in linear, not quadratic, time.
    #[serde(skip)]
    domain_index: HashMap<String, usize>,
    #[serde(skip)]
    members: Vec<Vec<usize>>,
    /// How many questions there were when the indexes were built (stale otherwise).
    #[serde(skip)]
    indexed_questions: usize,
}

fn one() -> u32 {
    1
}
fn three() -> u8 {
    3
}

/// One step of the maturity scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    /// 1 to 5.
    pub level: u8,
    /// Short name, e.g. "Defined".
    pub name: String,
    /// Generic description of the level.
    pub description: String,
}

/// A group of questions, scored together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Stable identifier, e.g. `context`.
    pub id: String,
    /// Title shown to users.
    pub title: String,
    /// Short label for charts and narrow tables (defaults to the title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<String>,
    /// The clause or annex it covers, e.g. "Clause 4".
    #[serde(default)]
    pub clause: String,
    /// One paragraph on what the domain covers.
    #[serde(default)]
    pub description: String,
    /// Target level for this domain, overriding the questionnaire default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_target: Option<u8>,
}

impl Domain {
    /// The label for charts: the short title, else the title.
    pub fn label(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }
}

/// References of a question to the standard and neighbouring frameworks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Refs {
    /// ISO/IEC 42001 clause or Annex A control IDs, e.g. `6.1.2`, `A.6.2.4`.
    #[serde(default)]
    pub iso: Vec<String>,
    /// EU AI Act articles, e.g. `Art. 9`, optionally with whom they bind (only where certain).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eu_ai_act: Vec<AiActRef>,
    /// NIST AI RMF 1.0 subcategories, e.g. `GOVERN 1.1` (only where certain).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nist_ai_rmf: Vec<String>,
    /// Sections of Québec's Act respecting the protection of personal information in the
    /// private sector (CQLR c. P-39.1) as amended by Law 25, e.g. `s. 3.3` (only where certain).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub loi25: Vec<String>,
}

impl Refs {
    /// All references in one human-readable line, in English (`Lang::refs` words it in
    /// the reader's language).
    pub fn display(&self) -> String {
        Lang::En.refs(self)
    }
}

/// An EU AI Act article mapped to a question: a plain `"Art. 9"`, or an object that also
/// says whom the article binds (`{"article": "Art. 72", "applies_to": {…}}`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum AiActRef {
    /// Just the article, e.g. `Art. 9` (files written before `applies_to` existed).
    Article(String),
    /// The article and whom it binds.
    Qualified(QualifiedArticle),
}

impl<'de> Deserialize<'de> for AiActRef {
    /// A string or an object; an object's own errors (an unknown role, a misspelt field)
    /// are reported as they are, not as "did not match any variant".
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match Value::deserialize(deserializer)? {
            Value::String(article) => Ok(AiActRef::Article(article)),
            object @ Value::Object(_) => serde_json::from_value(object)
                .map(AiActRef::Qualified)
                .map_err(D::Error::custom),
            _ => Err(D::Error::custom(
                "an EU AI Act reference is \"Art. N\" or {\"article\": \"Art. N\", \"applies_to\": {…}}",
            )),
        }
    }
}

/// An EU AI Act article with the operators and systems it applies to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifiedArticle {
    /// `Art. N` or `Art. N(p)`, e.g. `Art. 26(5)`.
    pub article: String,
    /// Whom the article binds; absent when not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<AppliesTo>,
}

/// Whom an EU AI Act article binds: which operators, for which AI systems.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppliesTo {
    /// The operators the article places duties on.
    pub roles: Vec<AiActRole>,
    /// The AI systems it concerns.
    pub systems: AiActSystems,
    /// The condition, where the article binds only some of them (required for `specific`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An operator role of the EU AI Act (Art. 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AiActRole {
    /// Develops an AI system or has it developed, and places it on the market under its name.
    Provider,
    /// Uses an AI system under its authority in a professional activity.
    Deployer,
    /// Places on the EU market a system from a provider outside the EU.
    Importer,
    /// Makes a system available on the market, other than the provider or importer.
    Distributor,
}

/// Which AI systems an EU AI Act article concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AiActSystems {
    /// Every AI system.
    All,
    /// High-risk AI systems only.
    HighRisk,
    /// Systems of a kind the note names (for example those that interact with people).
    Specific,
    /// General-purpose AI models.
    GeneralPurpose,
}

impl AiActRole {
    /// The name used in files and displays.
    pub fn as_str(self) -> &'static str {
        match self {
            AiActRole::Provider => "provider",
            AiActRole::Deployer => "deployer",
            AiActRole::Importer => "importer",
            AiActRole::Distributor => "distributor",
        }
    }
}

impl AiActSystems {
    /// The name used in files and displays.
    pub fn as_str(self) -> &'static str {
        match self {
            AiActSystems::All => "all",
            AiActSystems::HighRisk => "high-risk",
            AiActSystems::Specific => "specific",
            AiActSystems::GeneralPurpose => "general-purpose",
        }
    }
}

impl AiActRef {
    /// The article, e.g. `Art. 26(5)`.
    pub fn article(&self) -> &str {
        match self {
            AiActRef::Article(a) => a,
            AiActRef::Qualified(q) => &q.article,
        }
    }

    /// Whom the article binds, if the questionnaire says.
    pub fn applies_to(&self) -> Option<&AppliesTo> {
        match self {
            AiActRef::Article(_) => None,
            AiActRef::Qualified(q) => q.applies_to.as_ref(),
        }
    }

    /// `Art. 72 (provider; high-risk)`, or the bare article when whom it binds is not stated;
    /// in English (`Lang::ai_act_ref` words it in the reader's language).
    pub fn display(&self) -> String {
        Lang::En.ai_act_ref(self)
    }
}

/// How an assessment made with an earlier version of a questionnaire carries over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Migration {
    /// The earlier version this entry applies to, e.g. `1.0.0`.
    pub from: String,
    /// Old question id → the ids that receive its answer, to re-check. An empty list
    /// retires the question (its answer is kept aside); an id absent from the map keeps
    /// its answer unchanged.
    #[serde(default)]
    pub questions: BTreeMap<String, Vec<String>>,
    /// What changed, for people.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Longest short title of a question, in characters.
pub const MAX_TITLE_CHARS: usize = 60;

/// Typical effort to close a gap on a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Effort {
    /// Days to a few weeks, one team.
    Low,
    /// Weeks, several teams.
    Medium,
    /// Months, organisation-wide change.
    High,
}

impl fmt::Display for Effort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Effort::Low => "low",
            Effort::Medium => "medium",
            Effort::High => "high",
        })
    }
}

/// One maturity question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable identifier, e.g. `plan-02`.
    pub id: String,
    /// A short title (at most 60 characters) for tables; the question text when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The id of the domain it belongs to.
    pub domain: String,
    /// Clause, control and crosswalk references.
    #[serde(default)]
    pub refs: Refs,
    /// The question itself.
    pub text: String,
    /// Why it matters and what an auditor looks for.
    pub guidance: String,
    /// Examples of evidence.
    pub evidence: Vec<String>,
    /// Descriptors of levels 1 to 5 for this question.
    pub levels: Vec<String>,
    /// Actions that raise it from level n to n+1 (`actions[0]` is 1 → 2).
    pub actions: Vec<Vec<String>>,
    /// Weight in its domain score, 1 to 3.
    pub weight: u8,
    /// Whether a low level would block certification.
    pub critical: bool,
    /// Typical effort to close a gap.
    pub effort: Effort,
    /// Whether the question may be answered "not applicable" (with a justification).
    #[serde(default)]
    pub allow_na: bool,
    /// Yes/no checks per level 2 to 5 (optional; see [`checks`]).
    #[serde(default, skip_serializing_if = "Checks::is_empty")]
    pub checks: Checks,
}

impl Question {
    /// The short title, else the full question.
    pub fn short_title(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.text)
    }

    /// The descriptor of `level` (1-based) for this question.
    pub fn level_text(&self, level: u8) -> &str {
        level
            .checked_sub(1)
            .and_then(|i| self.levels.get(usize::from(i)))
            .map_or("", String::as_str)
    }

    /// The actions that climb from `current` to `target`, in order.
    pub fn actions_between(&self, current: u8, target: u8) -> Vec<String> {
        let from = usize::from(current.max(1)) - 1;
        let to = usize::from(target.min(LEVELS)).saturating_sub(1);
        self.actions
            .get(from..to.max(from))
            .unwrap_or_default()
            .iter()
            .flatten()
            .cloned()
            .collect()
    }
}

/// A control objective of Annex A, e.g. `A.6` "AI system life cycle".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlObjective {
    /// Stable identifier, e.g. `A.6`.
    pub id: String,
    /// Short title, in our own words.
    pub title: String,
}

/// One control of the Statement of Applicability.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Control {
    /// Stable identifier, e.g. `A.6.2.6`.
    pub id: String,
    /// The id of its control objective.
    pub objective: String,
    /// Short title, in our own words.
    pub title: String,
    /// The (Annex A, N/A-capable) question that assesses its maturity.
    pub question: String,
    /// What an auditor looks for, and when excluding it is defensible.
    #[serde(default)]
    pub guidance: String,
    /// Whether the control may be excluded (false where exclusion would contradict a
    /// mandatory clause, such as the AI policy against clause 5.2).
    #[serde(default = "yes")]
    pub excludable: bool,
}

fn yes() -> bool {
    true
}

/// One thing wrong with a questionnaire file, at a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a JSON path (`questions[3].weight`) or `line L, column C`.
    pub at: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Why a questionnaire could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum QuestionnaireError {
    /// The file could not be read.
    Read {
        /// The file.
        file: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not valid; every problem found is listed.
    Invalid {
        /// The file.
        file: String,
        /// Every problem found.
        problems: Vec<Problem>,
    },
}

impl QuestionnaireError {
    /// The message in `lang`; `Display` prints it in English.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            QuestionnaireError::Read { file, source } => lang.f(
                ErrorText::QuestionnaireRead,
                &[("file", file), ("reason", &lang.io_reason(source))],
            ),
            QuestionnaireError::Invalid { file, problems } => {
                // The problems are for the questionnaire's author and stay in English.
                let listed = problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(lang.list_separator());
                if problems.len() == 1 {
                    lang.f(
                        ErrorText::QuestionnaireInvalidOne,
                        &[("file", file), ("problems", &listed)],
                    )
                } else {
                    lang.f(
                        ErrorText::QuestionnaireInvalidMany,
                        &[
                            ("file", file),
                            ("count", &problems.len()),
                            ("problems", &listed),
                        ],
                    )
                }
            }
        }
    }
}

impl std::fmt::Display for QuestionnaireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl Questionnaire {
    /// The embedded default questionnaire.
    ///
    /// The embedded file is validated by a test, so failure here is a build defect.
    pub fn embedded() -> Result<Self, QuestionnaireError> {
        Self::from_json(DEFAULT_JSON, DEFAULT_NAME)
    }

    /// The built-in questionnaire in `language` (same ids, refs and structure in each).
    ///
    /// The embedded files are validated by tests, so failure here is a build defect.
    pub fn builtin(language: Lang) -> Result<Self, QuestionnaireError> {
        match language {
            Lang::En => Self::embedded(),
            Lang::Fr => Self::from_json(FRENCH_JSON, FRENCH_NAME),
        }
    }

    /// This questionnaire in `lang` when it is the built-in one (same id and version) in
    /// another language; `None` when it is already in `lang` or is a custom
    /// questionnaire (those stay in the one language they are written in).
    pub fn in_language(&self, lang: Lang) -> Option<Questionnaire> {
        if self.language == lang {
            return None;
        }
        let builtin = Self::builtin(lang).ok()?;
        (builtin.id == self.id && builtin.version == self.version).then_some(builtin)
    }

    /// Parses and validates questionnaire bytes; `file` names them in errors.
    pub fn from_bytes(bytes: &[u8], file: &str) -> Result<Self, QuestionnaireError> {
        let text = std::str::from_utf8(bytes).map_err(|e| QuestionnaireError::Invalid {
            file: file.to_string(),
            problems: vec![Problem {
                at: format!("byte {}", e.valid_up_to()),
                message: "the file is not UTF-8 text".into(),
            }],
        })?;
        Self::from_json(text, file)
    }

    /// Parses and validates questionnaire JSON; `file` names it in errors.
    pub fn from_json(text: &str, file: &str) -> Result<Self, QuestionnaireError> {
        let invalid = |problems| QuestionnaireError::Invalid {
            file: file.to_string(),
            problems,
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // serde_json keeps the last of two equal keys (even `id`): a hand-edit mistake
        // that would go unseen, so it is refused as in assessments.
        serde_json::from_str::<crate::json::NoDuplicateKeys>(text).map_err(|e| {
            invalid(vec![Problem {
                at: format!("line {}, column {}", e.line(), e.column()),
                message: json_message(&e),
            }])
        })?;
        // Fast path: most files are well-formed, and a direct typed parse of a
        // 10,000-question file is several times quicker than going through a Value.
        if let Ok(mut q) = serde_json::from_str::<Questionnaire>(text) {
            let problems = q.problems();
            if problems.is_empty() {
                q.reindex();
                return Ok(q);
            }
            return Err(invalid(problems));
        }
        // Slow path, for the errors: every item separately, so every problem is listed.
        let value: Value = serde_json::from_str(text).map_err(|e| {
            invalid(vec![Problem {
                at: format!("line {}, column {}", e.line(), e.column()),
                message: json_message(&e),
            }])
        })?;
        let (questionnaire, mut problems) = deserialize_all(&value);
        if let Some((q, positions)) = &questionnaire {
            problems.extend(q.check(positions));
        }
        match questionnaire {
            Some((mut q, _)) if problems.is_empty() => {
                q.reindex();
                Ok(q)
            }
            _ => Err(invalid(problems)),
        }
    }

    /// Pretty JSON of this questionnaire (what `questionnaire dump` writes).
    pub fn to_json(&self) -> String {
        // A derived Serialize of plain data into a String cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// The control with this id.
    pub fn control(&self, id: &str) -> Option<&Control> {
        self.controls.iter().find(|c| c.id == id)
    }

    /// The controls assessed by question `question`, in order.
    pub fn controls_of<'a>(&'a self, question: &'a str) -> impl Iterator<Item = &'a Control> + 'a {
        self.controls.iter().filter(move |c| c.question == question)
    }

    /// The control objective with this id.
    pub fn control_objective(&self, id: &str) -> Option<&ControlObjective> {
        self.control_objectives.iter().find(|o| o.id == id)
    }

    /// The domain with this id.
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        match self.domain_index.get(id) {
            Some(&i) if self.domains.get(i).is_some_and(|d| d.id == id) => self.domains.get(i),
            // Not indexed (built by hand, or edited since loading): search.
            _ => self.domains.iter().find(|d| d.id == id),
        }
    }

    /// The position of the question with this id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        match self.index.get(id) {
            Some(&i) if self.questions.get(i).is_some_and(|q| q.id == id) => Some(i),
            // Not indexed (built by hand, or edited since loading): search.
            _ => self.questions.iter().position(|q| q.id == id),
        }
    }

    /// Rebuilds the id index (after editing `questions` in place).
    pub fn reindex(&mut self) {
        self.index = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        self.domain_index = self
            .domains
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        self.members = vec![Vec::new(); self.domains.len()];
        for (i, q) in self.questions.iter().enumerate() {
            if let Some(&d) = self.domain_index.get(&q.domain) {
                self.members[d].push(i);
            }
        }
        self.indexed_questions = self.questions.len();
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index(id).map(|i| &self.questions[i])
    }

    /// The questions of one domain, in order.
    pub fn questions_in<'a>(&'a self, domain: &'a str) -> impl Iterator<Item = &'a Question> + 'a {
        let members = self
            .domain_index
            .get(domain)
            .filter(|_| self.indexed_questions == self.questions.len())
            .and_then(|&d| self.members.get(d));
        // Indexed: only the domain's own questions are visited; otherwise all of them.
        let (own, all): (&[usize], &[Question]) = match members {
            Some(m) => (m, &[]),
            None => (&[], &self.questions),
        };
        own.iter()
            .filter_map(|&i| self.questions.get(i))
            .chain(all)
            .filter(move |q| q.domain == domain)
    }

    /// The default target level of a domain.
    pub fn default_target_of(&self, domain: &Domain) -> u8 {
        domain.default_target.unwrap_or(self.default_target)
    }

    /// The name of a level on the scale ("Defined"), or an empty string.
    pub fn level_name(&self, level: u8) -> &str {
        self.scale
            .iter()
            .find(|s| s.level == level)
            .map_or("", |s| s.name.as_str())
    }

    /// The file name a copy of this questionnaire is kept under in the data directory.
    pub fn file_stem(&self) -> String {
        Self::stem_of(&self.id, &self.version)
    }

    /// The file stem of questionnaire `id` at `version` (`iso42001-readiness-1.0.0`).
    pub fn stem_of(id: &str, version: &str) -> String {
        let safe = |s: &str| {
            s.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect::<String>()
        };
        format!("{}-{}", safe(id), safe(version))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_between_levels() {
        let q = Question {
            id: "q".into(),
            title: None,
            domain: "d".into(),
            refs: Refs::default(),
            text: "t".into(),
            guidance: "g".into(),
            evidence: vec!["e".into()],
            levels: (1..=5).map(|i| format!("l{i}")).collect(),
            actions: (1..=4).map(|i| vec![format!("a{i}")]).collect(),
            weight: 1,
            critical: false,
            effort: Effort::Low,
            allow_na: false,
            checks: Default::default(),
        };
        assert_eq!(q.actions_between(1, 3), ["a1", "a2"]);
        assert_eq!(q.actions_between(4, 5), ["a4"]);
        assert_eq!(q.actions_between(3, 3), Vec::<String>::new());
        assert_eq!(q.actions_between(5, 3), Vec::<String>::new());
        assert_eq!(q.level_text(3), "l3");
        assert_eq!(q.level_text(0), "");
        assert_eq!(q.level_text(6), "");
    }
}
