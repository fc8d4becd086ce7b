//! A translation against its original: the same questionnaire in another language must
//! keep every id, ref, number and count, so that an assessment answered in one language
//! scores, exports and migrates exactly as in the other. Only the text may differ.

use std::collections::BTreeSet;

use super::*;

impl Questionnaire {
    /// Every structural difference between this translation and `original`: version,
    /// ids in order, refs, weights and flags, scale levels, checks per level, controls.
    /// Each problem names the item by path and id; text fields are not compared.
    pub fn translation_problems(&self, original: &Questionnaire) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut add = |at: String, message: String| out.push(Problem { at, message });
        for (field, mine, theirs) in [
            ("id", &self.id, &original.id),
            ("version", &self.version, &original.version),
        ] {
            if mine != theirs {
                add(
                    field.into(),
                    format!("is \"{mine}\"; the original has \"{theirs}\""),
                );
            }
        }
        for (field, mine, theirs) in [
            (
                "schema_version",
                self.schema_version,
                original.schema_version,
            ),
            (
                "readiness_threshold",
                u32::from(self.readiness_threshold),
                u32::from(original.readiness_threshold),
            ),
            (
                "default_target",
                u32::from(self.default_target),
                u32::from(original.default_target),
            ),
        ] {
            if mine != theirs {
                add(
                    field.into(),
                    format!("is {mine}; the original has {theirs}"),
                );
            }
        }
        let levels = |q: &Questionnaire| q.scale.iter().map(|s| s.level).collect::<Vec<_>>();
        if levels(self) != levels(original) {
            add(
                "scale".into(),
                format!(
                    "has levels {:?}; the original has {:?}",
                    levels(self),
                    levels(original)
                ),
            );
        }
        same_ids(
            "domains",
            &ids(&self.domains, |d| &d.id),
            &ids(&original.domains, |d| &d.id),
            &mut add,
        );
        for (i, (d, o)) in self.domains.iter().zip(&original.domains).enumerate() {
            if d.default_target != o.default_target {
                add(
                    format!("domains[{i}].default_target"),
                    format!(
                        "domain \"{}\" has target {:?}; the original has {:?}",
                        d.id, d.default_target, o.default_target
                    ),
                );
            }
        }
        same_ids(
            "questions",
            &ids(&self.questions, |q| &q.id),
            &ids(&original.questions, |q| &q.id),
            &mut add,
        );
        for (i, (q, o)) in self.questions.iter().zip(&original.questions).enumerate() {
            question_differences(i, q, o, &mut add);
        }
        same_ids(
            "control_objectives",
            &ids(&self.control_objectives, |o| &o.id),
            &ids(&original.control_objectives, |o| &o.id),
            &mut add,
        );
        same_ids(
            "controls",
            &ids(&self.controls, |c| &c.id),
            &ids(&original.controls, |c| &c.id),
            &mut add,
        );
        for (i, (c, o)) in self.controls.iter().zip(&original.controls).enumerate() {
            let at = |field: &str| format!("controls[{i}].{field}");
            for (field, mine, theirs) in [
                ("objective", &c.objective, &o.objective),
                ("question", &c.question, &o.question),
            ] {
                if mine != theirs {
                    add(
                        at(field),
                        format!(
                            "control \"{}\" has \"{mine}\"; the original has \"{theirs}\"",
                            c.id
                        ),
                    );
                }
            }
            if c.excludable != o.excludable {
                add(
                    at("excludable"),
                    format!(
                        "control \"{}\" has {}; the original has {}",
                        c.id, c.excludable, o.excludable
                    ),
                );
            }
        }
        same_ids(
            "migrations",
            &ids(&self.migrations, |m| &m.from),
            &ids(&original.migrations, |m| &m.from),
            &mut add,
        );
        for (i, (m, o)) in self.migrations.iter().zip(&original.migrations).enumerate() {
            if m.questions != o.questions {
                add(
                    format!("migrations[{i}].questions"),
                    format!(
                        "the migration from {} maps questions differently from the original",
                        m.from
                    ),
                );
            }
        }
        out
    }
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &String) -> Vec<&str> {
    items.iter().map(|t| id(t).as_str()).collect()
}

/// Ids must be the same, in the same order: one problem per position that differs, and
/// one for items missing or added at the end.
fn same_ids(list: &str, mine: &[&str], theirs: &[&str], add: &mut impl FnMut(String, String)) {
    for (i, (m, t)) in mine.iter().zip(theirs).enumerate() {
        if m != t {
            add(
                format!(
                    "{list}[{i}].{}",
                    if list == "migrations" { "from" } else { "id" }
                ),
                format!("is \"{m}\"; the original has \"{t}\" at this position"),
            );
        }
    }
    if mine.len() != theirs.len() {
        let (more, extra) = if mine.len() > theirs.len() {
            ("has", &mine[theirs.len()..])
        } else {
            ("lacks", &theirs[mine.len()..])
        };
        add(
            list.into(),
            format!(
                "has {} items; the original has {}: the translation {more} {}",
                mine.len(),
                theirs.len(),
                extra
                    .iter()
                    .map(|id| format!("\"{id}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
}

/// Differences of one question (at `questions[i]`) from its original.
fn question_differences(
    i: usize,
    q: &Question,
    o: &Question,
    add: &mut impl FnMut(String, String),
) {
    let at = |field: &str| format!("questions[{i}].{field}");
    let id = &q.id;
    if q.domain != o.domain {
        add(
            at("domain"),
            format!(
                "question \"{id}\" is in domain \"{}\"; the original has \"{}\"",
                q.domain, o.domain
            ),
        );
    }
    if without_note_words(&q.refs) != without_note_words(&o.refs) {
        add(
            at("refs"),
            format!(
                "question \"{id}\" refers to {}; the original to {}",
                q.refs.display(),
                o.refs.display()
            ),
        );
    }
    let flags = |x: &Question| {
        [
            ("weight", x.weight.to_string()),
            ("critical", x.critical.to_string()),
            ("effort", x.effort.to_string()),
            ("allow_na", x.allow_na.to_string()),
        ]
    };
    for ((field, mine), (_, theirs)) in flags(q).into_iter().zip(flags(o)) {
        if mine != theirs {
            add(
                at(field),
                format!("question \"{id}\" has {mine}; the original has {theirs}"),
            );
        }
    }
    for (field, mine, theirs) in [
        ("evidence", q.evidence.len(), o.evidence.len()),
        ("levels", q.levels.len(), o.levels.len()),
        ("actions", q.actions.len(), o.actions.len()),
    ] {
        if mine != theirs {
            add(
                at(field),
                format!("question \"{id}\" has {mine} {field} items; the original has {theirs}"),
            );
        }
    }
    let keys: BTreeSet<&String> = q.checks.keys().chain(o.checks.keys()).collect();
    for key in keys {
        let (mine, theirs) = (
            q.checks.get(key).map_or(&[][..], Vec::as_slice),
            o.checks.get(key).map_or(&[][..], Vec::as_slice),
        );
        if mine.len() != theirs.len() {
            add(
                at(&format!("checks.{key}")),
                format!(
                    "question \"{id}\" has {} checks at level {key}; the original has {}",
                    mine.len(),
                    theirs.len()
                ),
            );
            continue;
        }
        for (j, (m, t)) in mine.iter().zip(theirs).enumerate() {
            if m.id != t.id {
                add(
                    at(&format!("checks.{key}[{j}].id")),
                    format!(
                        "question \"{id}\" has check \"{}\"; the original has \"{}\"",
                        m.id, t.id
                    ),
                );
            }
        }
    }
}

/// References with the words of their EU AI Act notes left out: a translation words
/// the note in its language, but has one exactly where the original has one.
fn without_note_words(refs: &crate::questionnaire::Refs) -> crate::questionnaire::Refs {
    let mut refs = refs.clone();
    for article in &mut refs.eu_ai_act {
        if let crate::questionnaire::AiActRef::Qualified(qualified) = article
            && let Some(applies) = qualified.applies_to.as_mut()
            && let Some(note) = applies.note.as_mut()
        {
            note.clear();
        }
    }
    refs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::AiActRef;

    fn builtin() -> Questionnaire {
        Questionnaire::embedded().expect("the embedded questionnaire is valid")
    }

    #[test]
    fn text_may_differ_but_nothing_else() {
        let original = builtin();
        let mut translation = original.clone();
        translation.title = "Autre titre".into();
        translation.questions[0].levels[2] = "Autre descripteur".into();
        translation.controls[0].title = "Autre mesure".into();
        assert_eq!(translation.translation_problems(&original), Vec::new());
    }

    #[test]
    fn an_eu_ai_act_note_is_worded_in_the_translation_but_stays_where_it_is() {
        let original = builtin();
        let mut translation = original.clone();
        let (question, article) = translation
            .questions
            .iter()
            .enumerate()
            .find_map(|(i, q)| {
                q.refs
                    .eu_ai_act
                    .iter()
                    .position(|r| {
                        matches!(r, AiActRef::Qualified(a)
                        if a.applies_to.as_ref().is_some_and(|t| t.note.is_some()))
                    })
                    .map(|j| (i, j))
            })
            .expect("a question whose EU AI Act reference has a note");
        fn note(t: &mut Questionnaire, question: usize, article: usize) -> &mut Option<String> {
            match &mut t.questions[question].refs.eu_ai_act[article] {
                AiActRef::Qualified(a) => match a.applies_to.as_mut() {
                    Some(applies) => &mut applies.note,
                    None => unreachable!("found with a note"),
                },
                AiActRef::Article(_) => unreachable!("found qualified"),
            }
        }
        *note(&mut translation, question, article) = Some("organismes publics".into());
        assert_eq!(translation.translation_problems(&original), Vec::new());
        *note(&mut translation, question, article) = None;
        let problems = translation.translation_problems(&original);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].at.ends_with("refs"), "{problems:?}");
    }

    #[test]
    fn missing_items_controls_and_migrations_are_named() {
        let original = builtin();
        let mut translation = original.clone();
        translation.version = "9.9.9".into();
        let last = translation.domains.pop().expect("a domain");
        translation.controls[1].excludable = !translation.controls[1].excludable;
        translation.control_objectives[0].id = "A.99".into();
        translation.migrations[0].questions.clear();
        translation.scale.pop();
        let problems = translation.translation_problems(&original);
        let at: Vec<&str> = problems.iter().map(|p| p.at.as_str()).collect();
        assert_eq!(
            at,
            [
                "version",
                "scale",
                "domains",
                "control_objectives[0].id",
                "controls[1].excludable",
                "migrations[0].questions"
            ],
            "{problems:?}"
        );
        assert!(
            problems[2]
                .message
                .contains(&format!("lacks \"{}\"", last.id))
        );
        assert!(problems[4].message.contains(&original.controls[1].id));
    }
}
