//! HOOK for the workshop branch: the report's workshop section.
//!
//! When any answer carries workshop votes, [`super::blocks`] calls [`section`] and puts
//! what it returns between the roadmap and the appendix, in report.md and report.html
//! alike. The section is built from [`Block`]s with user text as plain text (the
//! renderers escape it); start it with a level-2 heading. Until the workshop branch
//! fills it in, it returns `None` and the report has no workshop section.

use super::Block;
use crate::export::Report;

/// Whether the assessment holds workshop data (any vote on any answer).
pub fn has_votes(report: &Report<'_>) -> bool {
    report
        .assessment
        .answers
        .values()
        .any(|a| !a.votes.is_empty())
}

/// The workshop section (votes, spread, consensus), or `None`.
pub fn section(_report: &Report<'_>) -> Option<Vec<Block>> {
    None
}
