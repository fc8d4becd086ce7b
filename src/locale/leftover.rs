//! English left on a French page: the check behind "no French screen or report holds
//! an English text of the catalogue" (issue 21).

use super::CatalogueEntry;

/// The literal parts of an English catalogue text (between its placeholders) that a
/// French page must not contain: those longer than 3 characters once trimmed, and not
/// also part of the French text (a word both languages share, like "Version").
fn english_fragments<'a>(en: &'a str, fr: &str) -> Vec<&'a str> {
    en.split(['{', '}'])
        .enumerate()
        // Odd parts are placeholder names.
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, part)| part.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|part| part.chars().count() > 3 && !fr.contains(part))
        .collect()
}

/// Where `fragment` first stands as whole words in `text` (not inside a longer word).
pub fn whole_word(text: &str, fragment: &str) -> Option<usize> {
    text.match_indices(fragment).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + fragment.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The English texts of `texts` found in `french`, each with its key and the words
/// around it. A word French uses too ("scores", "questionnaire": it stands in some
/// French text of the catalogue) is not a sign of English.
pub fn english_left(french: &str, texts: &[CatalogueEntry]) -> Vec<String> {
    let mut found = Vec::new();
    for text in texts {
        if text.en == text.fr {
            continue;
        }
        for fragment in english_fragments(text.en, text.fr) {
            if texts.iter().any(|t| whole_word(t.fr, fragment).is_some()) {
                continue;
            }
            if let Some(at) = whole_word(french, fragment) {
                let mut from = at.saturating_sub(40);
                while !french.is_char_boundary(from) {
                    from -= 1;
                }
                let context: String = french[from..].chars().take(100).collect();
                found.push(format!("{}: {fragment:?} in {context:?}", text.name));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(en: &'static str, fr: &'static str) -> CatalogueEntry {
        CatalogueEntry {
            name: "T".into(),
            en,
            fr,
        }
    }

    #[test]
    fn finds_whole_english_words_only() {
        let texts = [
            entry("Roadmap", "Feuille de route"),
            entry("Export {file}", "Exporter {file}"),
            entry("Version", "Version"),
        ];
        assert_eq!(english_left("Feuille de route · Exporter", &texts).len(), 0);
        let found = english_left("Aperçu · Roadmap", &texts);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("\"Roadmap\""));
        // "Export" inside "Exporter" is not English left behind.
        assert!(english_left("Exporter le rapport", &texts).is_empty());
    }
}
