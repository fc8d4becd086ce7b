//! OSCAL.
use super::Report;
/// Renders OSCAL.
pub fn render(_r: &Report<'_>) -> Vec<u8> {
    Vec::new()
}
