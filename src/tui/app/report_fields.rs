//! What the report needs from the assessor that no answer holds: the conclusion
//! (`meta.summary`), the document control (`meta.document`) and a note per domain
//! (`domain_notes`), each typed in a one-line prompt.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{App, DetailField, DocField, Effect, PromptKind};
use crate::locale::ScreenText as S;

impl App {
    /// Opens `kind`'s prompt holding the field's current text.
    pub(super) fn open_report_prompt(&mut self, kind: PromptKind) -> Vec<Effect> {
        let Some(s) = &self.session else {
            return Vec::new();
        };
        let meta = &s.assessment.meta;
        let d = &meta.document;
        let current = match &kind {
            PromptKind::Conclusion => meta.summary.clone(),
            PromptKind::Document(DocField::Version) => d.version.clone(),
            PromptKind::Document(DocField::Classification) => d.classification.clone(),
            PromptKind::Document(DocField::Author) => d.author.clone(),
            PromptKind::Document(DocField::Approver) => d.approver.clone(),
            PromptKind::Document(DocField::Approved) => {
                d.approved.map(|x| x.to_string()).unwrap_or_default()
            }
            PromptKind::Details(DetailField::Organisation) => meta.organisation.clone(),
            PromptKind::Details(DetailField::Scope) => meta.scope.clone(),
            PromptKind::Details(DetailField::Assessors) => meta.assessors.join(", "),
            PromptKind::DomainNote(id) => s
                .assessment
                .domain_notes
                .get(id)
                .cloned()
                .unwrap_or_default(),
            _ => String::new(),
        };
        // The prompt is one line: a conclusion written over several lines in the file
        // is shown joined.
        let current = crate::text::one_line(&current).into_owned();
        self.open_prompt(kind, &current)
    }

    /// Stores what was typed, saved at once (one field per prompt: the details screen
    /// lists them all).
    pub(super) fn report_prompt_done(
        &mut self,
        kind: PromptKind,
        text: &str,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        let approved = match kind {
            PromptKind::Document(DocField::Approved) if !text.is_empty() => {
                match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                    Ok(day) => Some(day),
                    Err(_) => {
                        self.warn(self.lang.f(
                            S::DetailsNotADate,
                            &[("text", &crate::text::one_line(text))],
                        ));
                        return Vec::new();
                    }
                }
            }
            _ => None,
        };
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        let a = &mut s.assessment;
        let text = text.to_string();
        match &kind {
            PromptKind::Conclusion => {
                a.meta.summary = text;
            }
            PromptKind::DomainNote(id) => {
                if text.is_empty() {
                    a.domain_notes.remove(id);
                } else {
                    a.domain_notes.insert(id.clone(), text);
                }
            }
            PromptKind::Details(field) => {
                let m = &mut a.meta;
                match field {
                    DetailField::Organisation => m.organisation = text.trim().to_string(),
                    DetailField::Scope => m.scope = text.trim().to_string(),
                    DetailField::Assessors => {
                        m.assessors = text
                            .split(',')
                            .map(str::trim)
                            .filter(|x| !x.is_empty())
                            .map(str::to_string)
                            .collect();
                    }
                }
            }
            PromptKind::Document(field) => {
                let d = &mut a.meta.document;
                match field {
                    DocField::Version => d.version = text,
                    DocField::Classification => d.classification = text,
                    DocField::Author => d.author = text,
                    DocField::Approver => d.approver = text,
                    DocField::Approved => d.approved = approved,
                }
            }
            _ => {}
        }
        let effects = self.changed(now);
        self.say(self.lang.t(match kind {
            PromptKind::Details(_) => S::DetailsSaved,
            PromptKind::Document(_) => S::DocumentSaved,
            PromptKind::Conclusion => S::ConclusionSaved,
            _ => S::DomainNoteSaved,
        }));
        effects
    }
}
