//! The labels, titles and sentences of the assessment screens (Home, new assessment, Question, Overview, Results, Roadmap, Targets, Export, Statement of Applicability, checklist, evidence register, details).
//!
//! Entries: `Key => "English", "French";` with a `///` line saying where the text
//! appears; placeholders are named (`{name}`), the same in both languages.

use super::catalog::catalogue;

catalogue! {
    ScreenText;
}
