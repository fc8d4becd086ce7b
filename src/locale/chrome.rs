//! The frame around every screen: the header and its tabs, screen titles, the footer, the help screen, prompts, confirmations and the too-small message.
//!
//! Entries: `Key => "English", "French";` with a `///` line saying where the text
//! appears; placeholders are named (`{name}`), the same in both languages.

use super::catalog::catalogue;

catalogue! {
    ChromeText;
}
