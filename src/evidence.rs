//! Evidence-anchored levels and the evidence register (pure: no I/O).
//!
//! A question's `claimed` level is what the user chose; its `evidenced` level comes
//! from the yes/no checks ticked (SPEC.md "Scoring method"); the `effective` level
//! that every score uses is the lower of the two. The register lists what proves the
//! answers; hashing the files it names is the store's job.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::assessment::{Answer, Assessment, Extra};
use crate::locale::{ErrorText, Lang};
use crate::questionnaire::checks::FIRST_CHECKED_LEVEL;
use crate::questionnaire::{Check, LEVELS, Question, Questionnaire};

/// The highest level every check of every level from 2 up to it is met, when at least
/// one of the question's checks has been answered (a check not answered is not met).
/// A question whose checks stop below 5 cannot be evidenced above its last checked level.
pub fn evidenced_level(question: &Question, ticked: &BTreeMap<String, bool>) -> Option<u8> {
    if ticked.is_empty()
        || !question
            .all_checks()
            .any(|(_, c)| ticked.contains_key(&c.id))
    {
        return None;
    }
    let last_checked = (FIRST_CHECKED_LEVEL..=LEVELS)
        .rev()
        .find(|&l| !question.checks_of(l).is_empty())
        .unwrap_or(1);
    let met = |c: &Check| ticked.get(&c.id).copied().unwrap_or(false);
    let mut level = 1;
    for l in FIRST_CHECKED_LEVEL..=last_checked {
        if !question.checks_of(l).iter().all(met) {
            break;
        }
        level = l;
    }
    Some(level)
}

/// The level that scores: the claim when there is no evidence, the evidence when there
/// is no claim, else the lower of the two (evidence only pulls a claim down).
pub fn effective_level(claimed: Option<u8>, evidenced: Option<u8>) -> Option<u8> {
    match (claimed, evidenced) {
        (Some(c), Some(e)) => Some(c.min(e)),
        (c, e) => c.or(e),
    }
}

/// The three levels of one question.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Levels {
    /// The level the user chose (none when unanswered or N/A).
    pub claimed: Option<u8>,
    /// The level the ticked checks support (none when no check is answered or N/A).
    pub evidenced: Option<u8>,
    /// The level every score uses (none when it does not score).
    pub effective: Option<u8>,
}

impl Levels {
    /// Whether the claim is above what the evidence supports.
    pub fn claim_above_evidence(&self) -> bool {
        matches!((self.claimed, self.evidenced), (Some(c), Some(e)) if c > e)
    }
}

/// The claimed, evidenced and effective levels of `question` given its `answer`.
/// N/A questions do not score: all three are none.
pub fn levels(question: &Question, answer: Option<&Answer>) -> Levels {
    let Some(answer) = answer.filter(|a| !a.na) else {
        return Levels::default();
    };
    let evidenced = evidenced_level(question, &answer.checks);
    Levels {
        claimed: answer.level,
        evidenced,
        effective: effective_level(answer.level, evidenced),
    }
}

/// The checks of levels 2 up to `up_to` that are not met, lowest level first: what
/// stands between the evidence and that level.
pub fn unmet_checks<'q>(
    question: &'q Question,
    answer: Option<&Answer>,
    up_to: u8,
) -> Vec<(u8, &'q Check)> {
    let met = |c: &Check| answer.and_then(|a| a.checks.get(&c.id)).copied() == Some(true);
    question
        .all_checks()
        .filter(|&(l, c)| l <= up_to && !met(c))
        .collect()
}

/// What kind of thing an evidence item is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// A file on disk, hashed when added.
    #[default]
    File,
    /// A web address.
    Link,
    /// A record held elsewhere (a system, a binder, a person).
    Record,
}

impl EvidenceKind {
    /// The value written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::File => "file",
            EvidenceKind::Link => "link",
            EvidenceKind::Record => "record",
        }
    }

    /// The kind a location names: a URL is a link, anything else a file.
    pub fn of_location(location: &str) -> Self {
        let lower = location.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            EvidenceKind::Link
        } else {
            EvidenceKind::File
        }
    }
}

/// One item of the evidence register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceItem {
    /// Stable id, `ev-1`, `ev-2`, …
    pub id: String,
    /// What it is, in the user's words.
    #[serde(default)]
    pub title: String,
    /// File, link or record.
    #[serde(default)]
    pub kind: EvidenceKind,
    /// The path as the user gave it, or the URL, or where the record is held.
    #[serde(default)]
    pub location: String,
    /// SHA-256 of the file when it was added, lowercase hex (files only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// Size of the file when it was added (files only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// The date of the evidence itself (not the date it was added).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dated: Option<NaiveDate>,
    /// Who owns the evidence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When it was added to the register.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added: Option<DateTime<FixedOffset>>,
    /// The absolute path of a file given by a relative path, so that `evidence verify`
    /// finds it from any folder (absent when `location` is already absolute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
    /// Fields this version does not know.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A file's fingerprint: its SHA-256 and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// SHA-256, lowercase hex.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
}

/// What re-hashing a file item found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VerifyStatus {
    /// Same hash and size as when added.
    Unchanged,
    /// The file is there but its content differs (or it is no longer a regular file).
    Changed,
    /// No file at that path.
    Missing,
}

impl VerifyStatus {
    /// The word printed and written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            VerifyStatus::Unchanged => "unchanged",
            VerifyStatus::Changed => "changed",
            VerifyStatus::Missing => "missing",
        }
    }

    /// Compares the fingerprint recorded in `item` with the one found now.
    pub fn of(item: &EvidenceItem, now: &Fingerprint) -> Self {
        let same_hash = item
            .sha256
            .as_deref()
            .is_some_and(|h| h.eq_ignore_ascii_case(&now.sha256));
        let same_size = item.bytes.is_none_or(|b| b == now.bytes);
        if same_hash && same_size {
            VerifyStatus::Unchanged
        } else {
            VerifyStatus::Changed
        }
    }
}

/// Where an evidence item is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Use {
    /// By a question's answer.
    Question(String),
    /// By one check of a question.
    Check {
        /// The question.
        question: String,
        /// The check.
        check: String,
    },
    /// By a control of the Statement of Applicability (Annex A or additional).
    Control(String),
}

/// What an evidence item is attached to when added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attach {
    /// The question.
    pub question: String,
    /// One of its checks, if the evidence proves a single check.
    pub check: Option<String>,
}

/// Why evidence cannot be attached.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AttachError {
    /// The question is not in the questionnaire.
    UnknownQuestion(String),
    /// The control is neither in the questionnaire nor among the additional controls.
    UnknownControl(String),
    /// The check is not one of the question's.
    UnknownCheck {
        /// The question.
        question: String,
        /// The check.
        check: String,
    },
}

impl AttachError {
    /// The message in `lang`; `Display` prints it in English.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            AttachError::UnknownQuestion(id) => lang.f(ErrorText::UnknownQuestion, &[("id", id)]),
            AttachError::UnknownControl(id) => {
                lang.f(ErrorText::UnknownEvidenceControl, &[("id", id)])
            }
            AttachError::UnknownCheck { question, check } => lang.f(
                ErrorText::UnknownCheck,
                &[("question", question), ("check", check)],
            ),
        }
    }
}

impl std::fmt::Display for AttachError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl Assessment {
    /// What is wrong with the register: an empty or repeated id, a date out of range.
    pub fn register_problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, item) in self.evidence.iter().enumerate() {
            if item.id.trim().is_empty() {
                out.push((format!("evidence[{i}].id"), "must not be empty".to_string()));
            } else if !seen.insert(item.id.as_str()) {
                out.push((
                    format!("evidence[{i}].id"),
                    format!("evidence id \"{}\" is used twice", item.id),
                ));
            }
            for (field, year) in [
                ("dated", item.dated.map(|d| d.year())),
                ("added", item.added.map(|t| t.year())),
            ] {
                if let Some(year) = year.filter(|y| !crate::assessment::YEARS.contains(y)) {
                    out.push((
                        format!("evidence[{i}].{field}"),
                        format!(
                            "year {year} is outside {} to {}",
                            crate::assessment::YEARS.start(),
                            crate::assessment::YEARS.end()
                        ),
                    ));
                }
            }
        }
        out
    }

    /// The next free register id (`ev-N`, one above the highest in use).
    pub fn next_evidence_id(&self) -> String {
        let highest = self
            .evidence
            .iter()
            .filter_map(|e| e.id.strip_prefix("ev-")?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        format!("ev-{}", highest.saturating_add(1))
    }

    /// The register item `id`.
    pub fn evidence_item(&self, id: &str) -> Option<&EvidenceItem> {
        self.evidence.iter().find(|e| e.id == id)
    }

    /// Adds `item` to the register (its id is replaced by the next free one) and
    /// attaches it to a question or one of its checks; returns the id given.
    pub fn add_evidence(
        &mut self,
        question: &Question,
        check: Option<&str>,
        item: EvidenceItem,
        now: DateTime<FixedOffset>,
    ) -> Result<String, AttachError> {
        if let Some(check) = check
            && question.check_level(check).is_none()
        {
            return Err(AttachError::UnknownCheck {
                question: question.id.clone(),
                check: check.to_string(),
            });
        }
        let id = self.register_evidence(item, now);
        self.link_evidence(question, check, &id, now)?;
        Ok(id)
    }

    /// Adds `item` to the register under the next free id, linked to nothing yet;
    /// returns the id given.
    pub fn register_evidence(
        &mut self,
        mut item: EvidenceItem,
        now: DateTime<FixedOffset>,
    ) -> String {
        let id = self.next_evidence_id();
        item.id = id.clone();
        item.added.get_or_insert(now);
        self.evidence.push(item);
        self.meta.updated = now;
        id
    }

    /// Whether `control` names a control this assessment can decide on: one of the
    /// questionnaire's, or one of its additional controls.
    pub fn knows_control(&self, questionnaire: &Questionnaire, control: &str) -> bool {
        questionnaire.control(control).is_some()
            || self.additional_controls.iter().any(|c| c.id == control)
    }

    /// Links the register item `id` to the Statement of Applicability entry of `control`
    /// (`soa.<control>.evidence_refs`, or the additional control's).
    pub fn link_evidence_to_control(
        &mut self,
        questionnaire: &Questionnaire,
        control: &str,
        id: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<(), AttachError> {
        let refs = if let Some(extra) = self
            .additional_controls
            .iter_mut()
            .find(|c| c.id == control)
        {
            &mut extra.decision.evidence_refs
        } else if questionnaire.control(control).is_some() {
            &mut self
                .soa
                .entry(control.to_string())
                .or_default()
                .evidence_refs
        } else {
            return Err(AttachError::UnknownControl(control.to_string()));
        };
        if !refs.iter().any(|r| r == id) {
            refs.push(id.to_string());
        }
        self.meta.updated = now;
        Ok(())
    }

    /// Links the register item `id` to a question, or one of its checks.
    pub fn link_evidence(
        &mut self,
        question: &Question,
        check: Option<&str>,
        id: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<(), AttachError> {
        let answer = self.answer_mut(&question.id);
        let refs = match check {
            Some(check) => {
                if question.check_level(check).is_none() {
                    return Err(AttachError::UnknownCheck {
                        question: question.id.clone(),
                        check: check.to_string(),
                    });
                }
                answer.check_evidence.entry(check.to_string()).or_default()
            }
            None => &mut answer.evidence_refs,
        };
        if !refs.iter().any(|r| r == id) {
            refs.push(id.to_string());
        }
        self.meta.updated = now;
        Ok(())
    }

    /// Every place the register item `id` is used: questions and checks in the order of
    /// the file, then controls.
    pub fn uses_of(&self, id: &str) -> Vec<Use> {
        let mut out = Vec::new();
        for (question, answer) in &self.answers {
            if answer.evidence_refs.iter().any(|r| r == id) {
                out.push(Use::Question(question.clone()));
            }
            for (check, refs) in &answer.check_evidence {
                if refs.iter().any(|r| r == id) {
                    out.push(Use::Check {
                        question: question.clone(),
                        check: check.clone(),
                    });
                }
            }
        }
        let controls = self.soa.iter().chain(
            self.additional_controls
                .iter()
                .map(|c| (&c.id, &c.decision)),
        );
        for (control, decision) in controls {
            if decision.evidence_refs.iter().any(|r| r == id) {
                out.push(Use::Control(control.clone()));
            }
        }
        out
    }

    /// What uses the register item `id`, by id: a question id, a check id or a control id.
    pub fn used_by(&self, id: &str) -> Vec<String> {
        self.uses_of(id)
            .into_iter()
            .map(|u| match u {
                Use::Question(q) => q,
                Use::Check { check, .. } => check,
                Use::Control(control) => control,
            })
            .collect()
    }

    /// Ticks (or unticks) the check `check` of `question`.
    pub fn set_check(
        &mut self,
        question: &str,
        check: &str,
        met: bool,
        now: DateTime<FixedOffset>,
    ) {
        let answer = self.answer_mut(question);
        answer.checks.insert(check.to_string(), met);
        answer.updated = Some(now);
        self.meta.updated = now;
    }
}

#[cfg(test)]
mod tests;
