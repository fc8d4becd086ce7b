//! A question's references in the reader's language: "6.1.4 · EU AI Act Art. 27 (deployer;
//! high-risk) · NIST AI RMF MAP 5.1 · Québec Law 25 s. 3.3", or in French « … · Loi 25,
//! art. 3.3 ». The identifiers stay as the questionnaire writes them; only the names of the
//! frameworks and the words around the numbers change.

use super::{Lang, Text};
use crate::questionnaire::{AiActRef, AiActRole, AiActSystems, Refs};

impl Lang {
    /// All references of a question in one line.
    pub fn refs(self, refs: &Refs) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !refs.iso.is_empty() {
            parts.push(refs.iso.join(", "));
        }
        if !refs.eu_ai_act.is_empty() {
            let articles: Vec<String> = refs.eu_ai_act.iter().map(|a| self.ai_act_ref(a)).collect();
            parts.push(self.f(Text::RefsEuAiAct, &[("articles", &articles.join(", "))]));
        }
        if !refs.nist_ai_rmf.is_empty() {
            parts.push(self.f(
                Text::RefsNistAiRmf,
                &[("subcategories", &refs.nist_ai_rmf.join(", "))],
            ));
        }
        if !refs.loi25.is_empty() {
            let sections: Vec<String> = refs.loi25.iter().map(|s| self.law_section(s)).collect();
            parts.push(self.f(Text::RefsLoi25, &[("sections", &sections.join(", "))]));
        }
        parts.join(" · ")
    }

    /// A section as the questionnaire writes it (`s. 3.3`) in this language (`art. 3.3`); a
    /// reference in another form is shown as written.
    pub fn law_section(self, section: &str) -> String {
        match section.strip_prefix("s. ") {
            Some(number) => self.f(Text::LawSection, &[("number", &number)]),
            None => section.to_string(),
        }
    }

    /// An EU AI Act article with whom it binds: "Art. 72 (provider; high-risk)", or the bare
    /// article when the questionnaire does not say.
    pub fn ai_act_ref(self, entry: &AiActRef) -> String {
        let article = match entry.article().strip_prefix("Art. ") {
            Some(number) => self.f(Text::AiActArticle, &[("number", &number)]),
            None => entry.article().to_string(),
        };
        let Some(to) = entry.applies_to() else {
            return article;
        };
        let roles: Vec<&str> = to.roles.iter().map(|&r| self.ai_act_role(r)).collect();
        let kind = self.t(match to.systems {
            AiActSystems::All => Text::AiActAllSystems,
            AiActSystems::HighRisk => Text::AiActHighRisk,
            AiActSystems::Specific => Text::AiActSpecific,
            AiActSystems::GeneralPurpose => Text::AiActGeneralPurpose,
        });
        let systems = match (&to.note, to.systems) {
            (Some(note), AiActSystems::Specific) => note.clone(),
            (Some(note), _) => self.f(
                Text::AiActSystemsNote,
                &[("systems", &kind), ("note", note)],
            ),
            (None, _) => kind.to_string(),
        };
        self.f(
            Text::AiActBinds,
            &[
                ("article", &article),
                ("roles", &roles.join(", ")),
                ("systems", &systems),
            ],
        )
    }

    /// An EU AI Act operator role: "provider", « fournisseur ».
    pub fn ai_act_role(self, role: AiActRole) -> &'static str {
        self.t(match role {
            AiActRole::Provider => Text::AiActProvider,
            AiActRole::Deployer => Text::AiActDeployer,
            AiActRole::Importer => Text::AiActImporter,
            AiActRole::Distributor => Text::AiActDistributor,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{AppliesTo, QualifiedArticle};

    fn refs() -> Refs {
        Refs {
            iso: vec!["8.1".into(), "A.8.4".into()],
            eu_ai_act: vec![
                AiActRef::Qualified(QualifiedArticle {
                    article: "Art. 26(5)".into(),
                    applies_to: Some(AppliesTo {
                        roles: vec![AiActRole::Deployer],
                        systems: AiActSystems::HighRisk,
                        note: None,
                    }),
                }),
                AiActRef::Article("Art. 73".into()),
            ],
            nist_ai_rmf: vec!["MANAGE 2.3".into()],
            loi25: vec!["s. 3.5".into(), "s. 3.8".into()],
        }
    }

    #[test]
    fn references_in_english() {
        assert_eq!(
            Lang::En.refs(&refs()),
            "8.1, A.8.4 · EU AI Act Art. 26(5) (deployer; high-risk), Art. 73 \
             · NIST AI RMF MANAGE 2.3 · Québec Law 25 s. 3.5, s. 3.8"
        );
        assert_eq!(refs().display(), Lang::En.refs(&refs()));
    }

    #[test]
    fn references_in_french() {
        assert_eq!(
            Lang::Fr.refs(&refs()),
            "8.1, A.8.4 · Règlement européen sur l'IA, art. 26(5) (déployeur\u{202f}; à haut risque), art. 73 \
             · NIST AI RMF MANAGE 2.3 · Loi 25, art. 3.5, art. 3.8"
        );
    }

    #[test]
    fn a_question_without_law_25_references_shows_none() {
        let mut r = refs();
        r.loi25.clear();
        for lang in Lang::ALL {
            let line = lang.refs(&r);
            assert!(!line.contains("25"), "{line}");
        }
        assert_eq!(Lang::Fr.refs(&Refs::default()), "");
    }

    #[test]
    fn the_kind_of_systems_and_its_note() {
        let entry = |systems, note: Option<&str>| {
            AiActRef::Qualified(QualifiedArticle {
                article: "Art. 50".into(),
                applies_to: Some(AppliesTo {
                    roles: vec![AiActRole::Provider, AiActRole::Deployer],
                    systems,
                    note: note.map(str::to_string),
                }),
            })
        };
        let specific = entry(AiActSystems::Specific, Some("chatbots"));
        assert_eq!(
            Lang::En.ai_act_ref(&specific),
            "Art. 50 (provider, deployer; chatbots)"
        );
        let high_risk = entry(AiActSystems::HighRisk, Some("credit scoring"));
        assert_eq!(
            Lang::Fr.ai_act_ref(&high_risk),
            "art. 50 (fournisseur, déployeur\u{202f}; à haut risque\u{a0}: credit scoring)"
        );
        assert_eq!(
            Lang::En.ai_act_ref(&entry(AiActSystems::All, None)),
            "Art. 50 (provider, deployer; all systems)"
        );
    }
}
