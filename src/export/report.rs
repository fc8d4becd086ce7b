//! report.md and report.html.
use super::Report;
/// Renders report.md.
pub fn markdown(_r: &Report<'_>) -> String {
    String::new()
}
/// Renders report.html.
pub fn html(_r: &Report<'_>, _png: &[u8]) -> String {
    String::new()
}
