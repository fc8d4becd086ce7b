//! What the command line prints: command output, summaries and hints (the words of errors are in ErrorText).
//!
//! Entries: `Key => "English", "French";` with a `///` line saying where the text
//! appears; placeholders are named (`{name}`), the same in both languages.

use super::catalog::catalogue;

catalogue! {
    CliText;
}
