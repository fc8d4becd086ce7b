//! The architecture, checked. Dependencies point one way:
//!
//! ```text
//! main.rs ──► cli/ ─┐
//!        └──► tui/ ─┴──► store/ (incl. catalog: the application layer), export/
//!                          └──► the domain: questionnaire, assessment, scoring,
//!                               roadmap, workshop, merge, text, locale
//! ```
//!
//! The rules, one line each (a broken rule fails the test naming file and line):
//!
//! 1. The core (everything but `cli/`, `tui/` and `main.rs`) never imports `cli` or `tui`.
//! 2. The two front-ends do not import each other (`main.rs` chooses between them).
//! 3. Only `tui/` imports `ratatui` or `crossterm`.
//! 4. Only `cli/` and `main.rs` import `clap`.
//! 5. Only `store/` touches the disk (`std::fs`, `tempfile`).
//!
//! The check reads the sources as text, skipping comments, so it runs in no time
//! and needs no extra tool.

use std::path::{Path, PathBuf};

/// Which part of the program a source file belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Main,
    Cli,
    Tui,
    Store,
    Core,
}

fn part_of(relative: &str) -> Part {
    if relative == "main.rs" {
        Part::Main
    } else if relative == "cli.rs" || relative.starts_with("cli/") {
        Part::Cli
    } else if relative == "tui.rs" || relative.starts_with("tui/") {
        Part::Tui
    } else if relative == "store.rs" || relative.starts_with("store/") {
        Part::Store
    } else {
        Part::Core
    }
}

/// A rule: what a line must not mention, and in which parts.
struct Rule {
    name: &'static str,
    /// Substrings that make a line break the rule.
    needles: &'static [&'static str],
    /// Whether a file of this part must not contain them.
    applies: fn(Part) -> bool,
}

const RULES: &[Rule] = &[
    Rule {
        name: "the core never imports a front-end",
        needles: &[
            "crate::cli",
            "crate::tui",
            "aims_readiness::cli",
            "aims_readiness::tui",
        ],
        applies: |p| matches!(p, Part::Core | Part::Store),
    },
    Rule {
        name: "the terminal app does not import the command line",
        needles: &["crate::cli", "super::cli", "super::super::cli"],
        applies: |p| p == Part::Tui,
    },
    Rule {
        name: "the command line does not import the terminal app",
        needles: &["crate::tui", "super::tui", "super::super::tui"],
        applies: |p| p == Part::Cli,
    },
    Rule {
        name: "only tui/ imports ratatui or crossterm",
        needles: &["ratatui", "crossterm"],
        applies: |p| p != Part::Tui,
    },
    Rule {
        name: "only cli/ and main.rs import clap",
        needles: &["clap::", "use clap", "clap ::"],
        applies: |p| !matches!(p, Part::Cli | Part::Main),
    },
    Rule {
        name: "only store/ touches the disk",
        needles: &["std::fs", "fs::", "tempfile", "File::open", "File::create"],
        applies: |p| p != Part::Store,
    },
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read src")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The code of a line, without a `//` comment (doc comments included). A `//` inside
/// a string is rare enough in this code base that cutting there is harmless.
fn code(line: &str) -> &str {
    match line.find("//") {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Whether `code` mentions `needle` as a path of its own (`fs::` in `std::fs::read`,
/// not in `Refs::default`).
fn mentions(code: &str, needle: &str) -> bool {
    code.match_indices(needle).any(|(i, _)| {
        !code[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Every broken rule in `text`, as "file:line: rule: the line".
fn violations(relative: &str, text: &str) -> Vec<String> {
    let part = part_of(relative);
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = code(line);
        for rule in RULES.iter().filter(|r| (r.applies)(part)) {
            if rule.needles.iter().any(|needle| mentions(code, needle)) {
                found.push(format!(
                    "src/{relative}:{}: {}: {}",
                    n + 1,
                    rule.name,
                    line.trim()
                ));
            }
        }
    }
    found
}

#[test]
fn dependencies_point_one_way() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    assert!(files.len() > 20, "the sources were not found in {root:?}");
    let mut broken = Vec::new();
    for file in &files {
        let relative = file
            .strip_prefix(&root)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(file).expect("read source");
        broken.extend(violations(&relative, &text));
    }
    assert!(
        broken.is_empty(),
        "the architecture is broken:\n{}",
        broken.join("\n")
    );
}

/// The check itself catches what it is for (so a green run means something).
#[test]
fn each_rule_catches_a_forbidden_import() {
    let cases = [
        ("scoring.rs", "use crate::cli::CliError;"),
        ("export/report/md.rs", "use crate::tui::theme::Theme;"),
        ("tui/mod.rs", "use crate::cli::QuestionnaireArg;"),
        ("cli/commands.rs", "use crate::tui::run;"),
        ("store/catalog.rs", "use ratatui::layout::Rect;"),
        ("merge.rs", "use clap::Args;"),
        ("tui/app.rs", "    let bytes = std::fs::read(path)?;"),
        ("export/mod.rs", "use std::fs;"),
        ("questionnaire.rs", "    let f = File::open(path)?;"),
    ];
    for (file, line) in cases {
        assert_eq!(
            violations(file, line).len(),
            1,
            "{file}: `{line}` should break exactly one rule"
        );
    }
    // Allowed: each part's own imports, and words in comments.
    for (file, line) in [
        ("tui/view/mod.rs", "use ratatui::Frame;"),
        ("cli/mod.rs", "use clap::{Args, Parser};"),
        ("main.rs", "use clap::Parser;"),
        ("store/mod.rs", "use std::fs::{self, File};"),
        ("main.rs", "use aims_readiness::tui::{self, Start};"),
        ("scoring.rs", "/// Unlike the cli, this never uses std::fs."),
        ("questionnaire.rs", "    refs: Refs::default(),"),
    ] {
        assert!(violations(file, line).is_empty(), "{file}: `{line}`");
    }
}
