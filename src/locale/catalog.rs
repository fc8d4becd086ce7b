//! The message catalogue: every sentence a person reads, in English and French.
//!
//! A compile-time table rather than Fluent files: an entry without its French text does
//! not compile, a key that does not exist does not compile, and looking a text up is a
//! `match` (no parsing at start-up, no new dependency). Placeholders are named (`{id}`)
//! because French often puts them in another order; a test checks that both languages
//! use the same ones and that the French follows Québec typography.

use std::fmt::Display;

use super::Lang;

/// The words of a catalogue text in each language: [`Text`] (the interface and the
/// core's wording) and [`super::ReportText`] (the exports) are both catalogues.
pub trait Words: Copy {
    /// The English words.
    fn en(self) -> &'static str;
    /// The French words.
    fn fr(self) -> &'static str;
}

/// A text written where it is used, in both languages at once: the keymap table keeps
/// each binding's footer hint and help line beside its keys, so a binding cannot be
/// added without its French.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Both {
    /// The English words.
    pub en: &'static str,
    /// The French words.
    pub fr: &'static str,
}

impl Words for Both {
    fn en(self) -> &'static str {
        self.en
    }
    fn fr(self) -> &'static str {
        self.fr
    }
}

macro_rules! catalogue {
    ($name:ident; $( $(#[$doc:meta])* $key:ident => $en:literal, $fr:literal; )*) => {
        /// A text of the catalogue; `Lang::t` gives its words.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $( $(#[$doc])* $key, )* }

        impl $name {
            /// Every text, in catalogue order.
            pub const ALL: &'static [$name] = &[ $( $name::$key, )* ];

            /// The English words.
            pub fn en(self) -> &'static str {
                match self { $( $name::$key => $en, )* }
            }

            /// The French words.
            pub fn fr(self) -> &'static str {
                match self { $( $name::$key => $fr, )* }
            }
        }

        impl $crate::locale::catalog::Words for $name {
            fn en(self) -> &'static str {
                $name::en(self)
            }
            fn fr(self) -> &'static str {
                $name::fr(self)
            }
        }
    };
}
pub(crate) use catalogue;

catalogue! {
    Text;
    /// A verdict before any answer.
    VerdictNotAssessed => "Not assessed yet", "Pas encore évalué";
    /// The verdict when a certification audit would find major nonconformities.
    VerdictNotReady => "Not ready", "Pas prêt";
    /// The verdict when only minor findings remain.
    VerdictNearlyReady => "Nearly ready", "Presque prêt";
    /// The verdict when nothing stands in the way of a certification audit.
    VerdictReady => "Ready", "Prêt";
    /// A verdict on an incomplete assessment.
    Provisional => "{verdict} (provisional)", "{verdict} (provisoire)";
    /// A reason: a critical question below the readiness threshold.
    FindingCritical => "{id}: level {level}, readiness needs {threshold} (critical)",
        "{id}\u{a0}: niveau {level}, il faut {threshold} pour être prêt (critique)";
    /// A reason: a question below the readiness threshold.
    FindingBelow => "{id}: level {level}, below {threshold}",
        "{id}\u{a0}: niveau {level}, sous le seuil de {threshold}";
    /// A reason: one control has no decision.
    SoaIncompleteOne => "Statement of Applicability incomplete: 1 control has no decision",
        "Déclaration d'applicabilité incomplète\u{a0}: 1 mesure n'a pas de décision";
    /// A reason: several controls have no decision.
    SoaIncompleteMany => "Statement of Applicability incomplete: {count} controls have no decision",
        "Déclaration d'applicabilité incomplète\u{a0}: {count} mesures n'ont pas de décision";
    /// A reason: an exclusion with no justification.
    ExcludedWithoutJustification => "control {id} is excluded without a justification",
        "la mesure {id} est exclue sans justification";
    /// A reason: an exclusion a mandatory clause forbids.
    NotExcludable => "control {id} is excluded, but a mandatory clause requires it",
        "la mesure {id} est exclue, alors qu'un article obligatoire l'exige";
    /// A reason: an included control not yet in place.
    IncludedNotImplemented => "control {id} is included and {state}",
        "la mesure {id} est incluse, mais sa mise en œuvre n'est pas terminée ({state})";
    /// A reason: a domain below the threshold.
    DomainBelow => "domain {id} scores {score}, below {threshold}",
        "le domaine {id} obtient {score}, sous le seuil de {threshold}";
    /// Implementation of a control: nothing done.
    ImplementationNotStarted => "not started", "non commencée";
    /// Implementation of a control: planned.
    ImplementationPlanned => "planned", "planifiée";
    /// Implementation of a control: partly in place.
    ImplementationPartial => "partial", "partielle";
    /// Implementation of a control: in place.
    ImplementationImplemented => "implemented", "mise en œuvre";
    /// A finding's grade: a major nonconformity.
    SeverityMajor => "Major", "Majeure";
    /// A finding's grade: a minor nonconformity.
    SeverityMinor => "Minor", "Mineure";
    /// A finding's grade: an opportunity for improvement.
    SeverityImprovement => "Improvement", "Amélioration";
    /// A control's decision: included.
    DecisionIncluded => "included", "incluse";
    /// A control's decision: excluded.
    DecisionExcluded => "excluded", "exclue";
    /// A control's decision: none yet.
    DecisionUndecided => "undecided", "non décidée";
    /// The Statement of Applicability in one line.
    SoaSummary => "Statement of Applicability: {included} included ({implemented} implemented), {excluded} excluded, {undecided} undecided",
        "Déclaration d'applicabilité (incluses\u{a0}: {included}, dont mises en œuvre\u{a0}: {implemented}\u{202f}; exclues\u{a0}: {excluded}\u{202f}; non décidées\u{a0}: {undecided})";
    /// Opening an old file turned N/A answers into exclusions.
    CarriedExclusions => "N/A answers became exclusions of {controls} in the Statement of Applicability, with their notes as justification",
        "les réponses S.\u{a0}O. sont devenues des exclusions de {controls} dans la déclaration d'applicabilité, avec leurs notes comme justification";
    /// Opening an old file left one control without a decision.
    CarriedUndecidedOne => "{controls} cannot be excluded (a mandatory clause requires it) and needs a decision",
        "{controls} ne peut pas être exclue (un article obligatoire l'exige) et attend une décision";
    /// Opening an old file left several controls without a decision.
    CarriedUndecidedMany => "{controls} cannot be excluded (a mandatory clause requires them) and need a decision",
        "{controls} ne peuvent pas être exclues (un article obligatoire les exige) et attendent une décision";
    /// The roadmap action that finishes an included control.
    ControlAction => "Put control {id} {title} fully in place (now {state}) and record its evidence in the Statement of Applicability",
        "Mettre pleinement en œuvre la mesure {id} «\u{a0}{title}\u{a0}» (mise en œuvre actuelle\u{a0}: {state}) et en consigner les preuves dans la déclaration d'applicabilité";
    /// A question's references to the EU AI Act: "EU AI Act Art. 9 (provider; high-risk)".
    RefsEuAiAct => "EU AI Act {articles}", "Règlement européen sur l'IA, {articles}";
    /// A question's references to the NIST AI RMF subcategories.
    RefsNistAiRmf => "NIST AI RMF {subcategories}", "NIST AI RMF {subcategories}";
    /// A question's references to Québec's private-sector privacy act as amended by Law 25.
    RefsLoi25 => "Québec Law 25 {sections}", "Loi 25, {sections}";
    /// A section of a Québec act: "s. 3.3".
    LawSection => "s. {number}", "art. {number}";
    /// An EU AI Act article: "Art. 26(5)".
    AiActArticle => "Art. {number}", "art. {number}";
    /// An EU AI Act article with whom it binds: "Art. 9 (provider; high-risk)".
    AiActBinds => "{article} ({roles}; {systems})", "{article} ({roles}\u{202f}; {systems})";
    /// The kind of AI systems an EU AI Act article concerns, with the questionnaire's note.
    AiActSystemsNote => "{systems}: {note}", "{systems}\u{a0}: {note}";
    /// An EU AI Act operator: provider.
    AiActProvider => "provider", "fournisseur";
    /// An EU AI Act operator: deployer.
    AiActDeployer => "deployer", "déployeur";
    /// An EU AI Act operator: importer.
    AiActImporter => "importer", "importateur";
    /// An EU AI Act operator: distributor.
    AiActDistributor => "distributor", "distributeur";
    /// The AI systems an article concerns: all of them.
    AiActAllSystems => "all systems", "tous les systèmes";
    /// The AI systems an article concerns: high-risk ones.
    AiActHighRisk => "high-risk", "à haut risque";
    /// The AI systems an article concerns: those of a kind the note names.
    AiActSpecific => "specific", "systèmes particuliers";
    /// The AI systems an article concerns: general-purpose AI models.
    AiActGeneralPurpose => "general-purpose", "à usage général";
}

impl Lang {
    /// The words of a text in this language.
    pub fn t(self, text: impl Words) -> &'static str {
        match self {
            Lang::En => text.en(),
            Lang::Fr => text.fr(),
        }
    }

    /// The words of a text with its `{name}` placeholders filled in.
    ///
    /// One pass over the text: a value is never searched for placeholders itself, so a
    /// name or note that holds "{level}" is printed as it is.
    pub fn f(self, text: impl Words, args: &[(&str, &dyn Display)]) -> String {
        let template = self.t(text);
        let mut words = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            words.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let filled = after.find('}').and_then(|close| {
                let name = &after[..close];
                let (_, value) = args.iter().find(|(n, _)| *n == name)?;
                Some((value.to_string(), close))
            });
            match filled {
                Some((value, close)) => {
                    words.push_str(&value);
                    rest = &after[close + 1..];
                }
                None => {
                    words.push('{');
                    rest = after;
                }
            }
        }
        words.push_str(rest);
        words
    }
}

/// The `{name}` placeholders of a text, sorted.
#[cfg(test)]
pub(crate) fn placeholders(words: &str) -> Vec<&str> {
    let mut names: Vec<&str> = words
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

/// What is wrong with a French text's typography, if anything: a no-break space
/// before `:` `;` `?` `!` (Office québécois de la langue française), « » with no-break
/// spaces inside, no straight double quotes.
pub fn french_typography_problems(words: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let chars: Vec<char> = words.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let no_break = |c: Option<char>| matches!(c, Some('\u{a0}' | '\u{202f}'));
        // Punctuation ends a word; a colon inside a time or a URL ("10:30",
        // "https://") does not.
        let ends_word = after.is_none_or(char::is_whitespace);
        match c {
            ':' | ';' | '?' | '!' if ends_word && before.is_some() && !no_break(before) => {
                problems.push(format!("no no-break space before {c:?} in {words:?}"));
            }
            '«' if !no_break(after) => {
                problems.push(format!("« not followed by a no-break space in {words:?}"));
            }
            '»' if !no_break(before) => {
                problems.push(format!("» not preceded by a no-break space in {words:?}"));
            }
            '"' | '“' | '”' => problems.push(format!("quotes other than « » in {words:?}")),
            // « S. O. » (N/A) must never be split by a line break.
            'S' if chars.get(i + 1..i + 4) == Some(&['.', ' ', 'O']) => {
                problems.push(format!("« S. O. » without a no-break space in {words:?}"));
            }
            _ => {}
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_the_same_placeholders_in_both_languages() {
        for text in crate::locale::every_text() {
            assert_eq!(
                placeholders(text.en),
                placeholders(text.fr),
                "{}: the English and French placeholders differ",
                text.name
            );
        }
    }

    #[test]
    fn every_french_text_is_written_and_follows_quebec_typography() {
        for text in crate::locale::every_text() {
            assert!(
                text.en.trim().is_empty() || !text.fr.trim().is_empty(),
                "{} has no French",
                text.name
            );
            let problems = french_typography_problems(text.fr);
            assert!(problems.is_empty(), "{}: {problems:?}", text.name);
        }
    }

    #[test]
    fn every_catalogue_is_read_by_the_tests() {
        // A text of each catalogue is in the list the tests above read.
        let names: Vec<String> = crate::locale::every_text()
            .into_iter()
            .map(|t| t.name)
            .collect();
        for catalogue in ["Text::", "ReportText::"] {
            assert!(
                names.iter().any(|n| n.starts_with(catalogue)),
                "{catalogue}"
            );
        }
    }

    #[test]
    fn the_typography_check_catches_what_it_should() {
        assert_eq!(french_typography_problems("Niveau : 3 ; prêt ?").len(), 3);
        assert!(french_typography_problems("Niveau\u{a0}: 3\u{202f}; prêt\u{a0}?").is_empty());
        assert_eq!(french_typography_problems("«SMIA»").len(), 2);
        assert_eq!(french_typography_problems("\"SMIA\"").len(), 2);
        assert!(french_typography_problems("à 10:30, voir https://x.ca").is_empty());
        assert_eq!(french_typography_problems("réponse S. O.").len(), 1);
        assert!(french_typography_problems("réponse S.\u{a0}O.").is_empty());
    }

    #[test]
    fn a_value_is_not_searched_for_placeholders() {
        let words = Lang::En.f(
            Text::FindingBelow,
            &[
                ("id", &"{level} {threshold}"),
                ("level", &1),
                ("threshold", &3),
            ],
        );
        assert_eq!(words, "{level} {threshold}: level 1, below 3");
        // A placeholder without a value stays as it is.
        assert_eq!(
            Lang::En.f(Text::FindingBelow, &[("id", &"x")]),
            "x: level {level}, below {threshold}"
        );
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        let words = Lang::Fr.f(
            Text::FindingCritical,
            &[("id", &"ctx-01"), ("level", &1), ("threshold", &3)],
        );
        assert_eq!(
            words,
            "ctx-01\u{a0}: niveau 1, il faut 3 pour être prêt (critique)"
        );
    }
}
