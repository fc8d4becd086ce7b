//! Yes/no checks per level: the observable facts that make a question's level true.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{LEVELS, Problem, Question};

/// Lowest level that has checks (level 1 is where every organisation starts).
pub const FIRST_CHECKED_LEVEL: u8 = 2;
/// Fewest checks a level may have.
pub const MIN_CHECKS: usize = 2;
/// Most checks a level may have.
pub const MAX_CHECKS: usize = 4;

/// The checks of one question, by level (`"2"` to `"5"`, as written in the file).
pub type Checks = BTreeMap<String, Vec<Check>>;

/// One yes/no check: a fact an assessor can see (a record, a person, a system).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// Unique across the questionnaire, e.g. `ctx-01.2a`.
    pub id: String,
    /// What must be true, in one sentence.
    pub text: String,
}

impl Question {
    /// The checks of `level` (2 to 5); empty when the question has none there.
    pub fn checks_of(&self, level: u8) -> &[Check] {
        const KEYS: [&str; 4] = ["2", "3", "4", "5"];
        level
            .checked_sub(FIRST_CHECKED_LEVEL)
            .and_then(|i| KEYS.get(usize::from(i)))
            .and_then(|key| self.checks.get(*key))
            .map_or(&[][..], Vec::as_slice)
    }

    /// Every check of the question with its level, lowest level first.
    pub fn all_checks(&self) -> impl Iterator<Item = (u8, &Check)> {
        (FIRST_CHECKED_LEVEL..=LEVELS)
            .flat_map(move |level| self.checks_of(level).iter().map(move |c| (level, c)))
    }

    /// Whether the question has any check at all.
    pub fn has_checks(&self) -> bool {
        self.checks.values().any(|c| !c.is_empty())
    }

    /// The level of the check `id`, when it is one of this question's.
    pub fn check_level(&self, id: &str) -> Option<u8> {
        self.all_checks()
            .find(|(_, c)| c.id == id)
            .map(|(level, _)| level)
    }
}

/// The level a key of `checks` names, when it is one of 2 to 5.
fn level_of(key: &str) -> Option<u8> {
    match key {
        "2" => Some(2),
        "3" => Some(3),
        "4" => Some(4),
        "5" => Some(5),
        _ => None,
    }
}

/// Where a check was first seen: question index, level key, position in the level.
pub(super) type FirstSeen<'a> = HashMap<&'a str, (usize, &'a str, usize)>;

/// Problems with the checks of `q` (at `questions[i]`); `seen` holds the check ids met
/// so far across the questionnaire (paths are only formatted for problems: a
/// 10,000-question file has 100,000 checks).
pub(super) fn check_problems<'a>(
    q: &'a Question,
    i: usize,
    seen: &mut FirstSeen<'a>,
    out: &mut Vec<Problem>,
) {
    let path =
        |key: &str, j: usize, field: &str| format!("questions[{i}].checks.{key}[{j}].{field}");
    for (key, checks) in &q.checks {
        if level_of(key).is_none() {
            out.push(Problem {
                at: format!("questions[{i}].checks.{key}"),
                message: "checks are given for levels 2, 3, 4 and 5 only".into(),
            });
            continue;
        }
        if !(MIN_CHECKS..=MAX_CHECKS).contains(&checks.len()) {
            out.push(Problem {
                at: format!("questions[{i}].checks.{key}"),
                message: format!(
                    "level {key} has {} checks; a level has {MIN_CHECKS} to {MAX_CHECKS}",
                    checks.len()
                ),
            });
        }
        for (j, c) in checks.iter().enumerate() {
            if c.id.trim().is_empty() {
                out.push(Problem {
                    at: path(key, j, "id"),
                    message: "must not be empty".into(),
                });
            } else if let Some(&(fi, fkey, fj)) = seen.get(c.id.as_str()) {
                out.push(Problem {
                    at: path(key, j, "id"),
                    message: format!(
                        "duplicate check id \"{}\" (first used at questions[{fi}].checks.{fkey}[{fj}])",
                        c.id
                    ),
                });
            } else {
                seen.insert(c.id.as_str(), (i, key.as_str(), j));
            }
            if c.text.trim().is_empty() {
                out.push(Problem {
                    at: path(key, j, "text"),
                    message: "must not be empty".into(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::questionnaire::{DEFAULT_JSON, Questionnaire};

    /// The embedded questionnaire with `edit` applied to the checks of its first question.
    fn problems_after(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
        let mut doc: serde_json::Value = serde_json::from_str(DEFAULT_JSON).unwrap();
        edit(&mut doc["questions"][0]["checks"]);
        match Questionnaire::from_json(&doc.to_string(), "custom.json") {
            Ok(_) => Vec::new(),
            Err(e) => vec![e.to_string()],
        }
    }

    #[test]
    fn checks_may_be_omitted_entirely() {
        let mut doc: serde_json::Value = serde_json::from_str(DEFAULT_JSON).unwrap();
        for q in doc["questions"].as_array_mut().unwrap() {
            q.as_object_mut().unwrap().remove("checks");
        }
        let q = Questionnaire::from_json(&doc.to_string(), "custom.json").unwrap();
        assert!(q.questions.iter().all(|q| !q.has_checks()));
        assert!(!q.to_json().contains("\"checks\""));
    }

    #[test]
    fn a_level_outside_two_to_five_is_refused() {
        let p = problems_after(|c| c["1"] = c["2"].clone());
        assert!(p[0].contains("questions[0].checks.1"), "{p:?}");
        assert!(p[0].contains("levels 2, 3, 4 and 5 only"), "{p:?}");
    }

    #[test]
    fn one_check_or_five_checks_in_a_level_are_refused() {
        let p = problems_after(|c| {
            c["2"].as_array_mut().unwrap().truncate(1);
        });
        assert!(p[0].contains("level 2 has 1 checks"), "{p:?}");
        let p = problems_after(|c| {
            let extra = c["3"][0].clone();
            let list = c["3"].as_array_mut().unwrap();
            for n in 0..(5 - list.len()) {
                let mut e = extra.clone();
                e["id"] = format!("extra-{n}").into();
                list.push(e);
            }
        });
        assert!(p[0].contains("level 3 has 5 checks"), "{p:?}");
    }

    #[test]
    fn duplicate_and_empty_check_ids_are_refused() {
        let p = problems_after(|c| c["4"][1]["id"] = c["2"][0]["id"].clone());
        assert!(p[0].contains("duplicate check id \"ctx-01.2a\""), "{p:?}");
        assert!(
            p[0].contains("first used at questions[0].checks.2[0]"),
            "{p:?}"
        );
        let p = problems_after(|c| c["5"][0]["text"] = " ".into());
        assert!(p[0].contains("questions[0].checks.5[0].text"), "{p:?}");
    }

    #[test]
    fn check_level_finds_the_level_of_a_check() {
        let q = Questionnaire::embedded().unwrap();
        let first = &q.questions[0];
        assert_eq!(first.check_level("ctx-01.3b"), Some(3));
        assert_eq!(first.check_level("ctx-02.3b"), None);
        assert_eq!(first.all_checks().next().map(|(l, _)| l), Some(2));
    }
}
