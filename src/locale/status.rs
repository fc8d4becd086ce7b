//! The status lines, notices and confirmations the app writes while a person works (saving, opening, answering, editing, exporting).
//!
//! Entries: `Key => "English", "French";` with a `///` line saying where the text
//! appears; placeholders are named (`{name}`), the same in both languages.

use super::catalog::catalogue;

catalogue! {
    StatusText;
}
