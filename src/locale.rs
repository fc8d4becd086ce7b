//! Words people read that more than one front-end shows (the terminal app, the command
//! line, the reports). The core hands out data (enums, numbers); this module words it,
//! so a second language is one more set of words here rather than a search through
//! every screen.

use crate::scoring::VerdictStatus;

/// A verdict for people: "Not ready", "Nearly ready (provisional)", "Not assessed yet".
pub fn verdict_status(status: VerdictStatus) -> String {
    match status {
        VerdictStatus::NotAssessed => "Not assessed yet".to_string(),
        VerdictStatus::Final(v) => v.label().to_string(),
        VerdictStatus::Provisional(v) => format!("{} (provisional)", v.label()),
    }
}
