//! aims-readiness: measure how ready an organisation is for ISO/IEC 42001:2023
//! (AI management system) certification, and plan what to do next.
//!
//! The core (questionnaire, assessment, scoring, roadmap, store, export) knows nothing
//! of terminals; the interactive app is a shell around it.
#![deny(clippy::unwrap_used, clippy::expect_used)]
#![warn(missing_docs)]

pub mod assessment;
pub mod cli;
pub mod evidence;
pub mod export;
pub mod homework;
pub mod json;
pub mod locale;
pub mod merge;
pub mod migration;
pub mod questionnaire;
pub mod roadmap;
pub mod scoring;
pub mod store;
pub mod text;
pub mod tui;
pub mod workshop;
