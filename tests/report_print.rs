//! report.html printed as a CISO would print it: headless Chromium makes the PDF and
//! `pdftotext -bbox` measures it. Skipped, with a message, where `chromium` or
//! `pdftotext` is not installed (`apt-get install -y chromium poppler-utils`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use aims_readiness::assessment::{Assessment, Vote};
use aims_readiness::export::{Format, Report};
use aims_readiness::questionnaire::Questionnaire;

/// The first of `chromium`, `chromium-browser`, `google-chrome` on PATH, and `pdftotext`.
fn tools() -> Option<(String, String)> {
    let found = |name: &str| {
        Command::new(name)
            .arg("--version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|_| name.to_string())
    };
    let browser = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find_map(found)?;
    let pdftotext = Command::new("pdftotext")
        .arg("-v")
        .output()
        .ok()
        .map(|_| "pdftotext".to_string())?;
    Some((browser, pdftotext))
}

/// The built-in questionnaire answered with levels that leave critical gaps.
fn answered(q: &Questionnaire) -> Assessment {
    let mut a = common::assessment(q, |d, j| Some(((d + 2 * j) % 4) as u8 + 1));
    a.meta.roadmap_start = Some(common::start());
    a
}

/// The same with a workshop: divergent votes by four people and parked questions
/// with long reasons, the content that used to push tables off the page.
fn with_workshop(q: &Questionnaire) -> Assessment {
    let mut a = answered(q);
    a.participants = ["Anna Köhler", "Ben Ortiz", "Chloé Martin", "Dev Patel"]
        .map(String::from)
        .to_vec();
    for (i, question) in q.questions.iter().enumerate() {
        let answer = a.answer_mut(&question.id);
        for (p, name) in ["Anna Köhler", "Ben Ortiz", "Chloé Martin", "Dev Patel"]
            .iter()
            .enumerate()
        {
            let level = ((i + p * (i % 3)) % 5) as u8 + 1;
            answer.votes.insert(name.to_string(), Vote::Level(level));
        }
        if i % 4 == 0 {
            answer.flagged = true;
            answer.flag_reason = "Ask the data protection officer whether the supplier \
                                  contracts cover retraining on customer data"
                .into();
        }
    }
    a
}

/// Prints `html` to a PDF in `dir` and returns pdftotext's bounding-box XHTML.
fn print(browser: &str, pdftotext: &str, dir: &Path, name: &str, html: &[u8]) -> String {
    let page = dir.join(format!("{name}.html"));
    let pdf = dir.join(format!("{name}.pdf"));
    let bbox = dir.join(format!("{name}.bbox.html"));
    std::fs::write(&page, html).unwrap();
    let status = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            &format!("--user-data-dir={}", dir.join("profile").display()),
            &format!("--print-to-pdf={}", pdf.display()),
        ])
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(pdf.exists(), "{browser} made no PDF: {status:?}");
    let out = Command::new(pdftotext)
        .arg("-bbox")
        .arg(&pdf)
        .arg(&bbox)
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext failed: {out:?}");
    std::fs::read_to_string(&bbox).unwrap()
}

/// One word of the printed text: its page (from 1), height in points, and text.
#[derive(Clone)]
struct Word {
    page: usize,
    height: f64,
    text: String,
}

fn attribute(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).unwrap() + key.len();
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

fn words(bbox: &str) -> Vec<Word> {
    let mut page = 0;
    let mut out = Vec::new();
    for line in bbox.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let close = rest.find('>').unwrap();
            let tag = &rest[..close];
            let text = rest[close + 1..].trim_end_matches("</word>");
            out.push(Word {
                page,
                height: attribute(tag, "yMax") - attribute(tag, "yMin"),
                text: text
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&apos;", "'"),
            });
        }
    }
    out
}

/// The most frequent word height: the body text's size.
fn body_size(words: &[Word]) -> f64 {
    let mut counts = std::collections::BTreeMap::<i64, usize>::new();
    for w in words {
        *counts.entry((w.height * 10.0).round() as i64).or_default() += 1;
    }
    let (size, _) = counts.into_iter().max_by_key(|(_, n)| *n).unwrap();
    size as f64 / 10.0
}

fn page_text(words: &[Word], page: usize) -> String {
    words
        .iter()
        .filter(|w| w.page == page)
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aims-print-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn printed_report_keeps_its_size_with_votes_and_starts_with_the_summary() {
    let Some((browser, pdftotext)) = tools() else {
        eprintln!(
            "SKIPPED: chromium and pdftotext are needed to print report.html \
             (apt-get install -y chromium poppler-utils)"
        );
        return;
    };
    let q = Questionnaire::embedded().unwrap();
    let dir = temp_dir();
    let plain = answered(&q);
    let voted = with_workshop(&q);
    let plain_report = Report::new(&q, &plain, common::start(), common::now());
    let voted_report = Report::new(&q, &voted, common::start(), common::now());
    let plain_words = words(&print(
        &browser,
        &pdftotext,
        &dir,
        "plain",
        &plain_report.render(Format::Html).unwrap(),
    ));
    let voted_words = words(&print(
        &browser,
        &pdftotext,
        &dir,
        "voted",
        &voted_report.render(Format::Html).unwrap(),
    ));

    // Chromium shrinks every page when one table is wider than the page: the same
    // first page would come out smaller with votes than without.
    let first_page =
        |words: &[Word]| -> Vec<Word> { words.iter().filter(|w| w.page == 1).cloned().collect() };
    let (plain_size, voted_size) = (
        body_size(&first_page(&plain_words)),
        body_size(&first_page(&voted_words)),
    );
    assert!(
        (plain_size - voted_size).abs() < 0.2,
        "body text is {voted_size} pt high with workshop votes, {plain_size} pt without"
    );
    assert!(
        plain_size > 6.5,
        "body text prints at {plain_size} pt: the page was shrunk"
    );

    // The first page is the management summary: the verdict, its reasons (the
    // critical gaps, by short title) and the five first actions.
    for (words, report) in [(&plain_words, &plain_report), (&voted_words, &voted_report)] {
        let first = page_text(words, 1)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            first.contains("Verdict: Not ready"),
            "no verdict on page 1: {first}"
        );
        assert!(first.contains("Why:"), "no reasons on page 1: {first}");
        let mut critical: Vec<_> = report.roadmap.iter().filter(|i| i.critical).collect();
        critical.sort_by_key(|i| (i.current, i.rank));
        let reason = q.question(&critical[0].question).unwrap().short_title();
        assert!(first.contains(reason), "{reason} is not on page 1: {first}");
        for item in report.roadmap.iter().take(5) {
            let action = item.actions[0]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                first.contains(&action),
                "{action} is not on page 1: {first}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}
