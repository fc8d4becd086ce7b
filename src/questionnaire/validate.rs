//! Validation: every problem of a questionnaire, with the JSON path of each, so a bad
//! file is fixed in one go (the fast typed parse in `mod.rs` comes here only when it fails
//! or for the semantic checks).

use super::*;

impl Questionnaire {
    /// Every semantic problem of an already-parsed questionnaire.
    pub fn problems(&self) -> Vec<Problem> {
        self.check(&Positions::identity(self))
    }

    /// Semantic checks; `positions` maps parsed items back to their index in the file
    /// (items that failed to parse are missing from `self`).
    pub(super) fn check(&self, positions: &Positions) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut add = |at: String, message: &str| {
            out.push(Problem {
                at,
                message: message.to_string(),
            })
        };
        if self.schema_version != 1 {
            add(
                "schema_version".into(),
                "unsupported schema version (this program reads version 1)",
            );
        }
        for (field, value) in [
            ("id", &self.id),
            ("version", &self.version),
            ("title", &self.title),
        ] {
            if value.trim().is_empty() {
                add(field.into(), "must not be empty");
            }
        }
        for (field, level) in [
            ("readiness_threshold", self.readiness_threshold),
            ("default_target", self.default_target),
        ] {
            if !(1..=LEVELS).contains(&level) {
                add(field.into(), "must be a level from 1 to 5");
            }
        }
        let scale_levels: Vec<u8> = self.scale.iter().map(|s| s.level).collect();
        if scale_levels != [1, 2, 3, 4, 5] {
            add(
                "scale".into(),
                "must list levels 1, 2, 3, 4 and 5 in order, each once",
            );
        }
        for (i, s) in self.scale.iter().enumerate() {
            if s.name.trim().is_empty() {
                add(format!("scale[{i}].name"), "must not be empty");
            }
            if s.description.trim().is_empty() {
                add(format!("scale[{i}].description"), "must not be empty");
            }
        }
        if self.domains.is_empty() {
            add("domains".into(), "at least one domain is required");
        }
        let mut domain_ids = HashSet::new();
        for (k, d) in self.domains.iter().enumerate() {
            let i = positions.domains.get(k).copied().unwrap_or(k);
            if d.id.trim().is_empty() {
                add(format!("domains[{i}].id"), "must not be empty");
            } else if !domain_ids.insert(d.id.as_str()) {
                add(
                    format!("domains[{i}].id"),
                    &format!("duplicate domain id \"{}\"", d.id),
                );
            }
            if d.title.trim().is_empty() {
                add(format!("domains[{i}].title"), "must not be empty");
            }
            if let Some(t) = d.default_target
                && !(1..=LEVELS).contains(&t)
            {
                add(
                    format!("domains[{i}].default_target"),
                    "must be a level from 1 to 5",
                );
            }
        }
        if self.questions.is_empty() {
            add("questions".into(), "at least one question is required");
        }
        let mut question_ids: HashMap<&str, usize> = HashMap::new();
        let mut check_ids = checks::FirstSeen::new();
        let mut check_problems = Vec::new();
        let mut domains_used = HashSet::new();
        for (k, q) in self.questions.iter().enumerate() {
            let i = positions.questions.get(k).copied().unwrap_or(k);
            let at = |field: &str| format!("questions[{i}].{field}");
            if q.id.trim().is_empty() {
                add(at("id"), "must not be empty");
            } else if let Some(first) = question_ids.insert(q.id.as_str(), i) {
                add(
                    at("id"),
                    &format!(
                        "duplicate question id \"{}\" (first used by questions[{first}])",
                        q.id
                    ),
                );
            }
            let in_unparsed_domain = positions
                .unparsed_domains
                .iter()
                .any(|d| d.as_deref().is_none_or(|id| id == q.domain));
            if !domain_ids.contains(q.domain.as_str()) && !in_unparsed_domain {
                add(
                    at("domain"),
                    &format!("unknown domain \"{}\" (not in \"domains\")", q.domain),
                );
            }
            domains_used.insert(q.domain.as_str());
            for (field, value) in [("text", &q.text), ("guidance", &q.guidance)] {
                if value.trim().is_empty() {
                    add(at(field), "must not be empty");
                }
            }
            if q.evidence.is_empty() {
                add(at("evidence"), "at least one evidence example is required");
            }
            for (j, e) in q.evidence.iter().enumerate() {
                if e.trim().is_empty() {
                    add(at(&format!("evidence[{j}]")), "must not be empty");
                }
            }
            if q.levels.len() != usize::from(LEVELS) {
                add(
                    at("levels"),
                    &format!(
                        "needs exactly 5 level descriptors (1 to 5), found {}",
                        q.levels.len()
                    ),
                );
            }
            for (j, l) in q.levels.iter().enumerate() {
                if l.trim().is_empty() {
                    add(
                        at(&format!("levels[{j}]")),
                        &format!("level {} descriptor is missing (empty)", j + 1),
                    );
                }
            }
            if q.actions.len() != usize::from(LEVELS - 1) {
                add(
                    at("actions"),
                    &format!(
                        "needs exactly 4 action lists (1→2, 2→3, 3→4, 4→5), found {}",
                        q.actions.len()
                    ),
                );
            }
            for (j, step) in q.actions.iter().enumerate() {
                if step.is_empty() || step.iter().any(|a| a.trim().is_empty()) {
                    add(
                        at(&format!("actions[{j}]")),
                        &format!(
                            "actions from level {} to {} must be non-empty text",
                            j + 1,
                            j + 2
                        ),
                    );
                }
            }
            if !(1..=3).contains(&q.weight) {
                add(
                    at("weight"),
                    &format!("weight {} is out of range (1 to 3)", q.weight),
                );
            }
            for (j, r) in q.refs.iso.iter().enumerate() {
                if !is_iso_ref(r) {
                    add(
                        at(&format!("refs.iso[{j}]")),
                        &format!(
                            "\"{r}\" is not a clause (e.g. 6.1.2) or Annex A control (e.g. A.6.2.4) number"
                        ),
                    );
                }
            }
            checks::check_problems(q, i, &mut check_ids, &mut check_problems);
            if let Some(title) = &q.title {
                let chars = title.chars().count();
                if title.trim().is_empty() {
                    add(
                        at("title"),
                        "must not be empty (leave the field out instead)",
                    );
                } else if chars > MAX_TITLE_CHARS {
                    add(
                        at("title"),
                        &format!(
                            "is {chars} characters long; a title has at most {MAX_TITLE_CHARS}"
                        ),
                    );
                }
            }
            for (j, a) in q.refs.eu_ai_act.iter().enumerate() {
                let at_ref = at(&format!("refs.eu_ai_act[{j}]"));
                if !is_article(a.article()) {
                    add(
                        at_ref.clone(),
                        &format!(
                            "\"{}\" is not an EU AI Act article (write \"Art. 9\" or \"Art. 26(5)\")",
                            a.article()
                        ),
                    );
                }
                if let Some(to) = a.applies_to() {
                    if to.roles.is_empty() {
                        add(
                            format!("{at_ref}.applies_to.roles"),
                            "name at least one role (provider, deployer, importer, distributor)",
                        );
                    }
                    if to.systems == AiActSystems::Specific
                        && to.note.as_deref().is_none_or(|n| n.trim().is_empty())
                    {
                        add(
                            format!("{at_ref}.applies_to.note"),
                            "\"specific\" systems need a note saying which ones",
                        );
                    }
                }
            }
            for (j, section) in q.refs.loi25.iter().enumerate() {
                if !is_law_section(section) {
                    add(
                        at(&format!("refs.loi25[{j}]")),
                        &format!(
                            "\"{section}\" is not a section of Québec's private-sector privacy act (write \"s. 3.3\" or \"s. 12.1\")"
                        ),
                    );
                }
            }
        }
        let mut froms = HashSet::new();
        for (k, m) in self.migrations.iter().enumerate() {
            let at = |field: &str| format!("migrations[{k}].{field}");
            if m.from.trim().is_empty() {
                add(at("from"), "must name the earlier version, e.g. \"1.0.0\"");
            } else if m.from == self.version {
                add(
                    at("from"),
                    &format!("is this questionnaire's own version ({})", self.version),
                );
            } else if !froms.insert(m.from.as_str()) {
                add(
                    at("from"),
                    &format!("version {} has two migration entries", m.from),
                );
            }
            for (old, new_ids) in &m.questions {
                for (j, id) in new_ids.iter().enumerate() {
                    if !question_ids.contains_key(id.as_str()) && positions.complete {
                        add(
                            at(&format!("questions.{old}[{j}]")),
                            &format!("\"{id}\" is not a question of this questionnaire"),
                        );
                    }
                }
            }
        }
        let control_problems = self.check_controls(&question_ids);
        for (k, d) in self.domains.iter().enumerate() {
            let i = positions.domains.get(k).copied().unwrap_or(k);
            // A question that failed to parse may belong to this domain: say nothing then.
            if !d.id.is_empty() && !domains_used.contains(d.id.as_str()) && positions.complete {
                add(
                    format!("domains[{i}]"),
                    &format!("domain \"{}\" has no questions", d.id),
                );
            }
        }
        out.extend(check_problems);
        out.extend(control_problems);
        out
    }
}

impl Questionnaire {
    /// Checks of the Statement of Applicability: ids unique, every control's objective
    /// and question exist, and its question is one that may be answered N/A (Annex A).
    fn check_controls(&self, question_ids: &HashMap<&str, usize>) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut add = |at: String, message: String| out.push(Problem { at, message });
        let mut objective_ids: HashMap<&str, usize> = HashMap::new();
        for (i, o) in self.control_objectives.iter().enumerate() {
            if o.id.trim().is_empty() {
                add(
                    format!("control_objectives[{i}].id"),
                    "must not be empty".into(),
                );
            } else if let Some(first) = objective_ids.insert(o.id.as_str(), i) {
                add(
                    format!("control_objectives[{i}].id"),
                    format!(
                        "duplicate control objective id \"{}\" (first used by control_objectives[{first}])",
                        o.id
                    ),
                );
            }
            if o.title.trim().is_empty() {
                add(
                    format!("control_objectives[{i}].title"),
                    "must not be empty".into(),
                );
            }
        }
        let mut control_ids: HashMap<&str, usize> = HashMap::new();
        for (i, c) in self.controls.iter().enumerate() {
            let at = |field: &str| format!("controls[{i}].{field}");
            if c.id.trim().is_empty() {
                add(at("id"), "must not be empty".into());
            } else if let Some(first) = control_ids.insert(c.id.as_str(), i) {
                add(
                    at("id"),
                    format!(
                        "duplicate control id \"{}\" (first used by controls[{first}]); every control is listed once",
                        c.id
                    ),
                );
            }
            if c.title.trim().is_empty() {
                add(at("title"), "must not be empty".into());
            }
            if !objective_ids.contains_key(c.objective.as_str()) {
                add(
                    at("objective"),
                    format!(
                        "unknown control objective \"{}\" (not in \"control_objectives\")",
                        c.objective
                    ),
                );
            }
            match question_ids.get(c.question.as_str()) {
                None => add(
                    at("question"),
                    format!("unknown question \"{}\" (not in \"questions\")", c.question),
                ),
                // A question that cannot be N/A may assess excludable controls only beside
                // one that cannot be excluded: otherwise excluding them all would make it
                // N/A (its N/A is derived from its controls).
                Some(_)
                    if !self.question(&c.question).is_some_and(|q| q.allow_na)
                        && self.controls_of(&c.question).all(|x| x.excludable) =>
                {
                    add(
                        at("question"),
                        format!(
                            "question \"{}\" does not allow N/A, but every control it assesses may be excluded (set \"allow_na\": true on it, or mark a control \"excludable\": false)",
                            c.question
                        ),
                    )
                }
                Some(_) => {}
            }
        }
        out
    }
}

/// Where parsed domains and questions stand in the file.
pub(super) struct Positions {
    domains: Vec<usize>,
    questions: Vec<usize>,
    /// Every question parsed.
    complete: bool,
    /// Domains that failed to parse: their ids when readable, `None` for one without.
    /// Questions of such a domain are not reported as in an unknown domain: that
    /// would be a second, false problem for one mistake.
    unparsed_domains: Vec<Option<String>>,
}

impl Positions {
    fn identity(q: &Questionnaire) -> Self {
        Positions {
            domains: (0..q.domains.len()).collect(),
            questions: (0..q.questions.len()).collect(),
            complete: true,
            unparsed_domains: Vec::new(),
        }
    }
}

/// Whether `r` looks like `4.1`, `6.1.2` or `A.6.2.4`.
pub(super) fn is_iso_ref(r: &str) -> bool {
    let digits = r.strip_prefix("A.").unwrap_or(r);
    let parts: Vec<&str> = digits.split('.').collect();
    parts.len() >= if digits.len() < r.len() { 2 } else { 1 }
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `a` looks like `Art. 9` or `Art. 26(5)`.
pub(super) fn is_article(a: &str) -> bool {
    let Some(rest) = a.strip_prefix("Art. ") else {
        return false;
    };
    let (number, paragraph) = match rest.split_once('(') {
        Some((n, p)) => (n, Some(p)),
        None => (rest, None),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    digits(number) && paragraph.is_none_or(|p| p.strip_suffix(')').is_some_and(digits))
}

/// Whether `s` looks like a section of a Québec act: `s. 3.3`, `s. 12.1`, `s. 8`.
pub(super) fn is_law_section(s: &str) -> bool {
    let Some(number) = s.strip_prefix("s. ") else {
        return false;
    };
    let parts: Vec<&str> = number.split('.').collect();
    parts.len() <= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A serde_json error message without its trailing position (we print that ourselves).
pub(crate) fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Deserializes the header, each domain and each question separately so that every
/// type error is reported with its path, not only the first.
pub(super) fn deserialize_all(value: &Value) -> (Option<(Questionnaire, Positions)>, Vec<Problem>) {
    let Some(obj) = value.as_object() else {
        return (
            None,
            vec![Problem {
                at: "$".into(),
                message: "the questionnaire must be a JSON object".into(),
            }],
        );
    };
    let mut problems = Vec::new();
    let mut header = obj.clone();
    let domains = header.remove("domains");
    let questions = header.remove("questions");
    let parsed_header: Option<Questionnaire> = at_path("", &Value::Object(header), &mut problems);
    let (parsed_domains, domain_pos): (Vec<Domain>, Vec<usize>) =
        list_at("domains", domains.as_ref(), &mut problems)
            .into_iter()
            .unzip();
    let unparsed_domains: Vec<Option<String>> = domains
        .as_ref()
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter(|(i, _)| domain_pos.binary_search(i).is_err())
                .map(|(_, d)| d.get("id").and_then(Value::as_str).map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let domains = parsed_domains;
    let question_count = questions.as_ref().and_then(Value::as_array).map(Vec::len);
    let (questions, question_pos): (Vec<Question>, Vec<usize>) =
        list_at("questions", questions.as_ref(), &mut problems)
            .into_iter()
            .unzip();
    let complete = question_count == Some(questions.len());
    let parsed = parsed_header.map(|mut q| {
        q.domains = domains;
        q.questions = questions;
        let positions = Positions {
            domains: domain_pos,
            questions: question_pos,
            complete,
            unparsed_domains,
        };
        (q, positions)
    });
    (parsed, problems)
}

pub(super) fn list_at<T: serde::de::DeserializeOwned>(
    name: &str,
    value: Option<&Value>,
    problems: &mut Vec<Problem>,
) -> Vec<(T, usize)> {
    match value {
        None => {
            problems.push(Problem {
                at: name.into(),
                message: "missing field (a list is required)".into(),
            });
            Vec::new()
        }
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| at_path(&format!("{name}[{i}]"), v, problems).map(|t| (t, i)))
            .collect(),
        Some(_) => {
            problems.push(Problem {
                at: name.into(),
                message: "must be a list".into(),
            });
            Vec::new()
        }
    }
}

pub(super) fn at_path<T: serde::de::DeserializeOwned>(
    prefix: &str,
    value: &Value,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(v) => Some(v),
        Err(e) => {
            let inner = e.path().to_string();
            let at = match (prefix.is_empty(), inner.as_str()) {
                (true, ".") => "$".to_string(),
                (true, p) => p.to_string(),
                (false, ".") => prefix.to_string(),
                (false, p) if p.starts_with('[') => format!("{prefix}{p}"),
                (false, p) => format!("{prefix}.{p}"),
            };
            problems.push(Problem {
                at,
                message: e.inner().to_string(),
            });
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_refs() {
        for ok in ["4.1", "6.1.2", "A.2.2", "A.6.2.8", "10.2", "7.5.3"] {
            assert!(is_iso_ref(ok), "{ok}");
        }
        for bad in ["", "A.", "A.6", "4.", "4..1", "x", "A.6.x", "Art. 9"] {
            assert!(!is_iso_ref(bad), "{bad}");
        }
    }

    #[test]
    fn articles() {
        for ok in ["Art. 9", "Art. 26(5)", "Art. 113"] {
            assert!(is_article(ok), "{ok}");
        }
        for bad in [
            "",
            "Art.9",
            "Art. ",
            "Art. 26(",
            "Art. 26()",
            "Art. x",
            "Article 9",
            "Art. 26(5",
        ] {
            assert!(!is_article(bad), "{bad}");
        }
    }

    #[test]
    fn law_sections() {
        for ok in ["s. 3.3", "s. 12.1", "s. 8", "s. 3.5"] {
            assert!(is_law_section(ok), "{ok}");
        }
        for bad in [
            "",
            "s.3.3",
            "s. ",
            "s. 3.",
            "3.3",
            "art. 3.3",
            "s. 3.x",
            "section 3.3",
        ] {
            assert!(!is_law_section(bad), "{bad}");
        }
    }
}
