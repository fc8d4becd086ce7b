//! The words of errors a person reads, in the terminal or on a status line: files that cannot be read, written, locked or trusted.
//!
//! Entries: `Key => "English", "French";` with a `///` line saying where the text
//! appears; placeholders are named (`{name}`), the same in both languages.

use super::catalog::catalogue;

catalogue! {
    ErrorText;
}
