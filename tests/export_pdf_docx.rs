//! report.pdf and report.docx, read back as a reader would: the PDF's text through
//! `pdftotext` and its fonts through `pdffonts` (poppler-utils; those checks are
//! skipped with a message where it is not installed), the DOCX unzipped and its
//! document part searched, and opened by LibreOffice where `soffice` is installed.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::Command;

use aims_readiness::assessment::Assessment;
use aims_readiness::export::report::{Block, Inline, document};
use aims_readiness::export::{Format, Report};
use aims_readiness::questionnaire::Questionnaire;

const HOSTILE: &str =
    "Evil ) Tj ET BT /F1 99 Tf (pwned) Tj /URI (http://evil.example) <</S /JavaScript>> \u{202e}";

/// The built-in questionnaire answered with levels that leave critical gaps.
fn answered(q: &Questionnaire) -> Assessment {
    let mut a = common::assessment(q, |d, j| Some(((d + 2 * j) % 4) as u8 + 1));
    a.meta.roadmap_start = Some(common::start());
    a.meta.document.classification = "Confidential".into();
    a.meta.document.author = "Jo Auditor".into();
    a
}

fn tool(name: &str) -> bool {
    let found = Command::new(name).arg("-v").output().is_ok();
    if !found {
        eprintln!(
            "SKIPPED part of this test: {name} is not installed (apt-get install poppler-utils)"
        );
    }
    found
}

fn write_temp(bytes: &[u8], name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// The text of pages `first..=last` (all when None), whitespace collapsed.
fn pdf_text(path: &Path, pages: Option<(usize, usize)>) -> String {
    let mut cmd = Command::new("pdftotext");
    if let Some((f, l)) = pages {
        cmd.args(["-f", &f.to_string(), "-l", &l.to_string()]);
    }
    let out = cmd.arg(path).arg("-").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    collapse(&String::from_utf8_lossy(&out.stdout))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pdf_pages(path: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(path).output().unwrap();
    let info = String::from_utf8_lossy(&out.stdout).to_string();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

#[test]
fn the_pdf_says_what_the_report_says_with_contents_pages_fonts_and_bookmarks() {
    let q = Questionnaire::embedded().unwrap();
    let a = answered(&q);
    let report = Report::new(&q, &a, common::start(), common::now());
    let pdf = report.render(Format::Pdf).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let raw = String::from_utf8_lossy(&pdf);
    // Bookmarks, one per section, and PDF/A-2b metadata.
    let doc = document(&report);
    assert!(raw.contains("/Outlines"), "no outline");
    let titled = doc.sections.iter().filter(|s| s.title.is_some()).count();
    assert!(
        raw.matches("/Parent").count() >= titled,
        "one bookmark per section"
    );
    assert!(raw.contains("pdfaid:part") && raw.contains("pdfaid:conformance"));
    if !tool("pdftotext") {
        return;
    }
    let (_dir, path) = write_temp(&pdf, "report.pdf");
    let text = pdf_text(&path, None);
    let pages = pdf_pages(&path);
    assert!(pages > 5, "{pages} pages");
    assert!(text.contains("Acme Robotics"));
    assert!(
        text.contains("Acme Robotics · Confidential"),
        "running header"
    );
    assert!(text.contains(&format!("page 1 of {pages}")));
    assert!(text.contains(&format!("page {pages} of {pages}")));
    for section in doc.listed() {
        let title = section.title.as_deref().unwrap();
        assert!(text.contains(title), "section {title} missing");
    }
    // The verdict and every reason the executive summary gives for it.
    let verdict = aims_readiness::locale::verdict_status(report.scores.verdict_status());
    assert!(text.contains(&verdict), "verdict {verdict}");
    // The reasons, as the executive summary lists them (its first bulleted list).
    let summary = doc.sections.iter().find(|s| s.anchor == "summary").unwrap();
    let reasons = summary
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Bullets(items) => Some(items),
            _ => None,
        })
        .expect("the reasons");
    assert!(reasons.len() >= 2);
    for reason in reasons {
        let line: String = reason
            .iter()
            .map(|i| match i {
                Inline::Text(t) | Inline::Strong(t) => t.clone(),
                Inline::List(l) => l.join("; "),
            })
            .collect();
        let line = collapse(&line);
        assert!(text.contains(&line), "reason {line}");
    }
    // The contents: each listed section with the page it starts on.
    let contents = (1..=4)
        .map(|p| pdf_text(&path, Some((p, p))))
        .find(|t| t.starts_with(&format!("{} Contents", doc.running_header)))
        .expect("a page that starts with the contents");
    for section in doc.listed() {
        let title = section.title.as_deref().unwrap();
        let at = contents
            .find(title)
            .unwrap_or_else(|| panic!("{title} not in contents"));
        let after = &contents[at + title.len()..];
        let number: usize = after
            .trim_start_matches([' ', '.'])
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap_or_else(|_| panic!("no page number after {title}: {after:.40}"));
        let page = pdf_text(&path, Some((number, number)));
        assert!(page.contains(title), "{title} is not on page {number}");
    }
    // Every font embedded (subset).
    let fonts = Command::new("pdffonts").arg(&path).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        assert!(row.contains("Inter"), "{row}");
        assert!(
            row.split_whitespace().rev().nth(4) == Some("yes"),
            "not embedded: {row}"
        );
    }
    let info = Command::new("pdfinfo").arg(&path).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Title:") && info.contains("Maturity report: Acme Robotics"));
    assert!(
        info.lines()
            .any(|l| l.starts_with("Author:") && l.contains("Jo Auditor"))
    );
    assert!(
        info.lines()
            .any(|l| l.starts_with("Subject:") && l.contains("42001"))
    );
    assert!(
        info.lines()
            .any(|l| l.starts_with("CreationDate:") && l.contains("2026"))
    );
}

#[test]
fn a_200_question_questionnaire_and_an_empty_assessment_render_in_both_formats() {
    let big = common::questionnaire(10, 20);
    assert_eq!(big.questions.len(), 200);
    let a = common::assessment(&big, common::varied);
    let report = Report::new(&big, &a, common::start(), common::now());
    let pdf = report.render(Format::Pdf).unwrap();
    let docx = report.render(Format::Docx).unwrap();
    assert!(docx.starts_with(b"PK"));
    let q = Questionnaire::embedded().unwrap();
    let empty = Assessment::new(&q, common::now());
    let report0 = Report::new(&q, &empty, common::start(), common::now());
    assert!(report0.render(Format::Pdf).unwrap().starts_with(b"%PDF-"));
    assert!(report0.render(Format::Docx).unwrap().starts_with(b"PK"));
    if !tool("pdftotext") {
        return;
    }
    // The appendix table runs over many pages: its header row is on each of them.
    let (_dir, path) = write_temp(&pdf, "big.pdf");
    let pages = pdf_pages(&path);
    assert!(pages > 20, "{pages} pages");
    let doc = document(&report);
    // The longest table of the report, and the pages its rows are on.
    let (head, rows) = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Table { head, rows, .. } if !head.iter().all(String::is_empty) => {
                Some((head.clone(), rows.len()))
            }
            _ => None,
        })
        .max_by_key(|(_, n)| *n)
        .unwrap();
    assert!(rows >= 60, "{rows} rows");
    let header = collapse(&head.join(" "));
    let pages_with_header = (1..=pages)
        .filter(|p| pdf_text(&path, Some((*p, *p))).contains(&header))
        .count();
    assert!(
        pages_with_header >= 2,
        "the header \"{header}\" of a {rows}-row table is on {pages_with_header} pages"
    );
}

#[test]
fn hostile_text_stays_text_in_the_pdf_and_the_docx() {
    let q = Questionnaire::embedded().unwrap();
    let mut a = answered(&q);
    a.meta.organisation = HOSTILE.into();
    a.meta.scope = "</w:t></w:r><w:fldSimple w:instr=\"HYPERLINK http://evil.example\"/>".into();
    let report = Report::new(&q, &a, common::start(), common::now());
    let pdf = report.render(Format::Pdf).unwrap();
    let raw = String::from_utf8_lossy(&pdf);
    // The organisation is in the document properties as an escaped string; on the
    // pages it is glyph ids. The only links are the contents' links to pages.
    let listed = document(&report).listed().count();
    assert_eq!(raw.matches("/Subtype /Link").count(), listed);
    assert!(!raw.contains("/S /URI") && !raw.contains("/OpenAction"));
    let xml = document_xml(&report.render(Format::Docx).unwrap());
    assert!(!xml.contains("<w:fldSimple"), "a field from user text");
    // The one field instruction in the body is the contents'.
    assert_eq!(xml.matches("<w:instrText").count(), 1);
    assert!(!xml.contains("w:instr=\""));
    assert!(xml.contains("&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:fldSimple"));
    if tool("pdftotext") {
        let (_dir, path) = write_temp(&pdf, "hostile.pdf");
        let text = pdf_text(&path, Some((1, 1)));
        assert!(
            text.contains("Evil ) Tj ET BT /F1 99 Tf (pwned) Tj"),
            "{text}"
        );
    }
}

/// The parts of a ZIP archive, by name (stored or deflated entries).
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]) as usize;
    let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
    let end = (0..bytes.len() - 21)
        .rev()
        .find(|&i| bytes[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
        .expect("end of central directory");
    let count = u16_at(end + 10);
    let mut at = u32_at(end + 16);
    let mut parts = Vec::new();
    for _ in 0..count {
        assert_eq!(&bytes[at..at + 4], &[0x50, 0x4b, 0x01, 0x02]);
        let method = u16_at(at + 10);
        let crc = u32_at(at + 16);
        let compressed = u32_at(at + 20);
        let name_len = u16_at(at + 28);
        let extra = u16_at(at + 30);
        let comment = u16_at(at + 32);
        let local = u32_at(at + 42);
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        let data_at = local + 30 + u16_at(local + 26) + u16_at(local + 28);
        let raw = &bytes[data_at..data_at + compressed];
        let data = match method {
            0 => raw.to_vec(),
            8 => {
                let mut out = Vec::new();
                flate2::read::DeflateDecoder::new(raw)
                    .read_to_end(&mut out)
                    .unwrap();
                out
            }
            m => panic!("method {m}"),
        };
        assert_eq!(crc32fast::hash(&data) as usize, crc, "{name}: CRC");
        parts.push((name, data));
        at += 46 + name_len + extra + comment;
    }
    parts
}

fn document_xml(docx: &[u8]) -> String {
    let parts = unzip(docx);
    let (_, xml) = parts
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .expect("word/document.xml");
    String::from_utf8(xml.clone()).unwrap()
}

#[test]
fn the_docx_has_word_headings_a_contents_field_real_tables_and_the_chart() {
    let q = Questionnaire::embedded().unwrap();
    let a = answered(&q);
    let report = Report::new(&q, &a, common::start(), common::now());
    let docx = report.render(Format::Docx).unwrap();
    let parts = unzip(&docx);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/footer1.xml",
        "word/header1.xml",
        "word/media/radar.png",
        "docProps/core.xml",
    ] {
        assert!(names.contains(&part), "{part} missing");
    }
    let png = &parts
        .iter()
        .find(|(n, _)| n == "word/media/radar.png")
        .unwrap()
        .1;
    assert_eq!(
        png,
        &report.render(Format::Png).unwrap(),
        "the chart is radar.png"
    );
    let xml = document_xml(&docx);
    let doc = document(&report);
    for section in doc.sections.iter().filter(|s| s.title.is_some()) {
        let title = section.title.as_deref().unwrap();
        let heading = format!(
            "<w:pStyle w:val=\"Heading1\"/>{}</w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t>",
            if section.new_page {
                "<w:pageBreakBefore/>"
            } else {
                ""
            },
            title
        );
        assert!(xml.contains(&heading), "heading {title}");
    }
    assert!(xml.contains("<w:instrText xml:space=\"preserve\"> TOC \\o"));
    assert!(xml.contains("<w:tbl>") && xml.contains("<w:tblHeader/>"));
    assert!(xml.contains("r:embed=\"rIdChart\""));
    // The document-control block is a table on the cover (before the first heading).
    let cover = &xml[..xml.find("Heading1").unwrap()];
    assert!(cover.contains("<w:tbl>") && cover.contains("Acme Robotics"));
    let footer = String::from_utf8(
        parts
            .iter()
            .find(|(n, _)| n == "word/footer1.xml")
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    assert!(footer.contains(" PAGE ") && footer.contains(" NUMPAGES "));
    // Every tag opened is closed (a cheap well-formedness check of the main part).
    for tag in ["w:p", "w:tbl", "w:tr", "w:tc", "w:r"] {
        let open =
            xml.matches(&format!("<{tag}>")).count() + xml.matches(&format!("<{tag} ")).count();
        assert_eq!(open, xml.matches(&format!("</{tag}>")).count(), "<{tag}>");
    }
}

#[test]
fn libreoffice_opens_the_docx() {
    let soffice = ["soffice", "libreoffice"]
        .into_iter()
        .find(|s| Command::new(s).arg("--version").output().is_ok());
    let Some(soffice) = soffice else {
        eprintln!(
            "SKIPPED: LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
        );
        return;
    };
    let q = Questionnaire::embedded().unwrap();
    let a = answered(&q);
    let report = Report::new(&q, &a, common::start(), common::now());
    let (dir, path) = write_temp(&report.render(Format::Docx).unwrap(), "report.docx");
    let profile = dir.path().join("profile");
    let out = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&path)
        .output()
        .unwrap();
    let pdf = dir.path().join("report.pdf");
    assert!(
        pdf.exists(),
        "LibreOffice did not convert the DOCX: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if tool("pdftotext") {
        let text = pdf_text(&pdf, None);
        assert!(text.contains("Maturity report: Acme Robotics"));
        assert!(text.contains("Executive summary"));
        assert!(
            text.contains("Acme Robotics · Confidential"),
            "running header"
        );
    }
}

#[test]
fn a_french_docx_words_its_document_properties_in_french() {
    let q = Questionnaire::embedded().unwrap();
    let a = answered(&q);
    let report = Report::new(&q, &a, common::start(), common::now())
        .with_lang(aims_readiness::locale::Lang::Fr);
    let parts = unzip(&report.render(Format::Docx).unwrap());
    let (_, core) = parts
        .iter()
        .find(|(n, _)| n == "docProps/core.xml")
        .expect("docProps/core.xml");
    let core = String::from_utf8(core.clone()).unwrap();
    assert!(
        core.contains("<dc:subject>Préparation à la certification ISO/IEC 42001:2023 ("),
        "{core}"
    );
    assert!(!core.contains("Readiness"), "{core}");
}
