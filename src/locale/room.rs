//! The workshop's words: the voting and presenter screens, the agenda and the facilitator's messages.
//!
//! Entries: `Key => "English", "French";` with a `///` line saying where the text
//! appears; placeholders are named (`{name}`), the same in both languages.

use super::catalog::catalogue;

catalogue! {
    RoomText;
}
