//! The report's evidence: the register (SHA-256 shortened in the table, full in a
//! list below it) and, per question, the claimed and evidenced levels and unmet checks.

use super::super::{Block, Inline, strong, text};
use super::{day, heading, label};
use crate::evidence::{self, EvidenceKind};
use crate::export::Report;
use crate::locale::ReportText as T;
use crate::questionnaire::Question;

/// Characters of a SHA-256 shown in the register table.
const SHORT_HASH: usize = 12;

/// The evidence register section; nothing when the register is empty.
pub(super) fn evidence_register(report: &Report<'_>, out: &mut Vec<Block>) {
    let a = report.assessment;
    let lang = report.lang;
    if a.evidence.is_empty() {
        return;
    }
    out.push(heading(2, lang.t(T::SectionEvidence), true));
    out.push(Block::Para(vec![text(lang.t(T::RegisterIntro))]));
    let rows = a
        .evidence
        .iter()
        .map(|e| {
            let used = a.used_by(&e.id);
            vec![
                vec![text(e.id.clone())],
                vec![text(e.title.clone())],
                vec![text(lang.t(match e.kind {
                    EvidenceKind::File => T::KindFile,
                    EvidenceKind::Link => T::KindLink,
                    EvidenceKind::Record => T::KindRecord,
                }))],
                vec![text(e.location.clone())],
                vec![text(e.sha256.as_deref().map_or(String::new(), |h| {
                    h.chars().take(SHORT_HASH).collect()
                }))],
                vec![text(e.dated.map(|d| day(lang, d)).unwrap_or_default())],
                vec![text(e.owner.clone())],
                vec![text(used.join(", "))],
            ]
        })
        .collect();
    out.push(Block::Table {
        head: [
            lang.t(T::ColId),
            lang.t(T::ColTitle),
            lang.t(T::ColKind),
            lang.t(T::ColLocation),
            "SHA-256",
            lang.t(T::ColDated),
            lang.t(T::ColOwner),
            lang.t(T::ColUsedBy),
        ]
        .map(String::from)
        .to_vec(),
        numeric: vec![false; 8],
        rows,
        wide: Some(3),
    });
    let hashes: Vec<Vec<Inline>> = a
        .evidence
        .iter()
        .filter_map(|e| {
            let hash = e.sha256.as_deref()?;
            let size = e
                .bytes
                .map_or(String::new(), |b| lang.f(T::Bytes, &[("count", &b)]));
            Some(vec![
                strong(label(lang, &e.id)),
                text(format!("SHA-256 {hash}{size}")),
            ])
        })
        .collect();
    if !hashes.is_empty() {
        out.push(Block::Para(vec![strong(
            label(lang, lang.t(T::FullHashes)).trim_end(),
        )]));
        out.push(Block::Bullets(hashes));
    }
}

/// The claimed and evidenced levels of `question` and the checks not met up to the
/// claim, as bullet facts; nothing when no check of it is answered.
pub(super) fn levels_and_unmet_checks(
    report: &Report<'_>,
    question: &Question,
    facts: &mut Vec<Vec<Inline>>,
) {
    let answer = report.assessment.answer(&question.id);
    let lang = report.lang;
    let levels = evidence::levels(question, answer);
    let Some(evidenced) = levels.evidenced else {
        return;
    };
    let claim = levels
        .claimed
        .map_or(lang.t(T::NoLevelClaimed).to_string(), |c| {
            lang.f(T::Claimed, &[("level", &c)])
        });
    facts.push(vec![
        strong(label(lang, lang.t(T::Evidence))),
        text(lang.f(
            T::EvidenceLevels,
            &[
                ("claim", &claim),
                ("evidenced", &evidenced),
                (
                    "scored",
                    &levels.effective.map_or("–".to_string(), |l| l.to_string()),
                ),
            ],
        )),
    ]);
    let up_to = levels
        .claimed
        .unwrap_or(evidenced)
        .max(evidenced.saturating_add(1));
    let unmet = evidence::unmet_checks(question, answer, up_to);
    if !unmet.is_empty() {
        let list = unmet
            .iter()
            .map(|(level, c)| {
                lang.f(
                    T::UnmetCheck,
                    &[("id", &c.id), ("level", level), ("text", &c.text)],
                )
            })
            .collect::<Vec<_>>()
            .join(lang.t(T::ListSeparator));
        facts.push(vec![
            strong(label(lang, lang.t(T::ChecksNotMet))),
            text(list),
        ]);
    }
}
