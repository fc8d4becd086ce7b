//! Exports: the radar chart, reports, the roadmap CSV, results JSON and OSCAL.
//!
//! Each format renders to bytes from one [`Report`] (pure); [`write_all`] writes them
//! atomically and refuses to replace a file without `force`.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::assessment::Assessment;
use crate::locale::ErrorText;
use crate::locale::Lang;
use crate::questionnaire::Questionnaire;
use crate::roadmap::{self, RoadmapItem};
use crate::scoring::{self, Scores};
use crate::store::{self, Mode, StoreError};

pub mod chart;
pub mod compare;
pub mod csv;
mod glyphs;
pub mod oscal;
pub mod report;
pub mod results;
pub mod soa;

/// One export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// `radar.png`.
    Png,
    /// `report.md`.
    Md,
    /// `report.html`.
    Html,
    /// `roadmap.csv`.
    Csv,
    /// `results.json`.
    Json,
    /// `assessment-results.oscal.json`.
    Oscal,
    /// `soa.csv`, the Statement of Applicability.
    Soa,
    /// `report.pdf`.
    Pdf,
    /// `report.docx`.
    Docx,
}

impl Format {
    /// Every format, in the order files are written.
    pub const ALL: [Format; 9] = [
        Format::Png,
        Format::Md,
        Format::Html,
        Format::Csv,
        Format::Json,
        Format::Oscal,
        Format::Soa,
        Format::Pdf,
        Format::Docx,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Md => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Oscal => "oscal",
            Format::Soa => "soa",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }

    /// The file this format writes.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Png => "radar.png",
            Format::Md => "report.md",
            Format::Html => "report.html",
            Format::Csv => "roadmap.csv",
            Format::Json => "results.json",
            Format::Oscal => "assessment-results.oscal.json",
            Format::Soa => "soa.csv",
            Format::Pdf => "report.pdf",
            Format::Docx => "report.docx",
        }
    }

    /// Parses a comma-separated list such as `png,md` (empty: all formats).
    pub fn parse_list(list: &str) -> Result<Vec<Format>, String> {
        let mut out = Vec::new();
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let format = Format::ALL
                .into_iter()
                .find(|f| f.name().eq_ignore_ascii_case(name))
                .ok_or_else(|| {
                    format!(
                        "unknown format \"{name}\" (choose from {})",
                        Format::ALL.map(Format::name).join(", ")
                    )
                })?;
            if !out.contains(&format) {
                out.push(format);
            }
        }
        if out.is_empty() {
            out = Format::ALL.to_vec();
        }
        out.sort();
        Ok(out)
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing a file failed.
    Store(#[from] StoreError),
    /// The chart could not be drawn.
    Chart(String),
    /// The roadmap CSV could not be written.
    Csv(String),
    /// The Statement of Applicability CSV could not be written.
    SoaCsv(String),
    /// The PDF report could not be made.
    Pdf(String),
    /// The Word report could not be made.
    Docx(String),
}

impl ExportError {
    /// The message in `lang`; `Display` prints it in English.
    pub fn in_lang(&self, lang: Lang) -> String {
        let (text, file, reason) = match self {
            ExportError::Store(e) => return e.in_lang(lang),
            ExportError::Chart(reason) => {
                return lang.f(ErrorText::ExportChart, &[("reason", reason)]);
            }
            ExportError::Csv(reason) => (ErrorText::ExportWrite, "roadmap.csv", reason),
            ExportError::SoaCsv(reason) => (ErrorText::ExportWrite, "soa.csv", reason),
            ExportError::Pdf(reason) => (ErrorText::ExportMake, "report.pdf", reason),
            ExportError::Docx(reason) => (ErrorText::ExportMake, "report.docx", reason),
        };
        lang.f(text, &[("file", &file), ("reason", reason)])
    }
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// When the last answer was given: the latest `updated` of any answer, else the
/// assessment's own last change. Exports date the results by it, not by the export.
pub fn last_answer(assessment: &Assessment) -> DateTime<FixedOffset> {
    assessment
        .answers
        .values()
        .filter_map(|a| a.updated)
        .max()
        .unwrap_or(assessment.meta.updated)
}

/// The language a report is written in: the one asked for on the command line, else
/// the assessment's own (`meta.language`), else the interface's.
pub fn report_lang(asked: Option<Lang>, assessment: &Assessment, interface: Lang) -> Lang {
    asked.or(assessment.meta.language).unwrap_or(interface)
}

/// The built-in questionnaire in `lang` when `questionnaire` is the built-in one in
/// another language (see [`Questionnaire::in_language`]).
pub fn translated(questionnaire: &Questionnaire, lang: Lang) -> Option<Questionnaire> {
    questionnaire.in_language(lang)
}

/// A baseline assessment to compare against.
#[derive(Debug, Clone)]
pub struct Baseline<'a> {
    /// The earlier assessment.
    pub assessment: &'a Assessment,
    /// Its scores.
    pub scores: Scores,
}

/// Everything an export shows, computed once.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    /// The questionnaire.
    pub questionnaire: &'a Questionnaire,
    /// The assessment.
    pub assessment: &'a Assessment,
    /// Its scores.
    pub scores: Scores,
    /// Its roadmap.
    pub roadmap: Vec<RoadmapItem>,
    /// The roadmap's first day.
    pub start: NaiveDate,
    /// When the export was made.
    pub generated: DateTime<FixedOffset>,
    /// An earlier assessment to compare with.
    pub baseline: Option<Baseline<'a>>,
    /// Width and height of radar.png in pixels.
    pub chart_size: u32,
    /// The language the report, the chart and the CSV headers are written in.
    pub lang: Lang,
}

impl<'a> Report<'a> {
    /// Scores an assessment and builds its roadmap; `start` is used when the
    /// assessment fixes no roadmap start.
    pub fn new(
        questionnaire: &'a Questionnaire,
        assessment: &'a Assessment,
        start: NaiveDate,
        generated: DateTime<FixedOffset>,
    ) -> Self {
        let scores = scoring::score(questionnaire, assessment);
        let start = roadmap::start_date(assessment, start);
        let roadmap = roadmap::roadmap(questionnaire, assessment, &scores, start);
        Report {
            questionnaire,
            assessment,
            scores,
            roadmap,
            start,
            generated,
            baseline: None,
            chart_size: chart::DEFAULT_SIZE,
            lang: Lang::En,
        }
    }

    /// Sets the language the report is written in (English by default).
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Adds a baseline to compare with.
    pub fn with_baseline(mut self, baseline: &'a Assessment) -> Self {
        self.baseline = Some(Baseline {
            assessment: baseline,
            scores: scoring::score(self.questionnaire, baseline),
        });
        self
    }

    /// Sets the size of radar.png (clamped to the sizes the chart supports).
    pub fn with_chart_size(mut self, size: u32) -> Self {
        self.chart_size = size.clamp(chart::MIN_SIZE, chart::MAX_SIZE);
        self
    }

    /// Renders one format to bytes.
    pub fn render(&self, format: Format) -> Result<Vec<u8>, ExportError> {
        Ok(self
            .render_all(&[format])?
            .pop()
            .map(|(_, bytes)| bytes)
            .unwrap_or_default())
    }

    /// Renders several formats; the chart is drawn once and shared by radar.png and
    /// the HTML, PDF and Word reports (the PNG encoded once too).
    pub fn render_all(&self, formats: &[Format]) -> Result<Vec<(Format, Vec<u8>)>, ExportError> {
        let needs = |any: &[Format]| formats.iter().any(|f| any.contains(f));
        let pixels = if needs(&[Format::Png, Format::Html, Format::Pdf, Format::Docx]) {
            Some(report::pdf::ChartPixels {
                rgb: std::sync::Arc::new(chart::pixels(self, self.chart_size)?),
                size: self.chart_size.clamp(chart::MIN_SIZE, chart::MAX_SIZE),
            })
        } else {
            None
        };
        let png = match &pixels {
            Some(px) if needs(&[Format::Png, Format::Html, Format::Docx]) => {
                chart::encode_png(&px.rgb, px.size)?
            }
            _ => Vec::new(),
        };
        formats
            .iter()
            .map(|&format| {
                let bytes = match format {
                    Format::Png => png.clone(),
                    Format::Md => report::markdown(self).into_bytes(),
                    Format::Html => report::html(self, &png).into_bytes(),
                    Format::Csv => self::csv::render(self)?,
                    Format::Json => results::render(self),
                    Format::Oscal => oscal::render(self),
                    Format::Soa => self::soa::render(self)?,
                    Format::Pdf => report::pdf(self, pixels.as_ref()).map_err(ExportError::Pdf)?,
                    Format::Docx => report::docx(self, &png).map_err(ExportError::Docx)?,
                };
                Ok((format, bytes))
            })
            .collect()
    }
}

/// Renders `formats` and writes them into `out_dir` (created if missing). An existing
/// file is replaced only with `force`; nothing is written if any would be refused.
pub fn write_all(
    report: &Report<'_>,
    formats: &[Format],
    out_dir: &Path,
    force: bool,
) -> Result<Vec<PathBuf>, ExportError> {
    let targets: Vec<(Format, PathBuf)> = formats
        .iter()
        .map(|f| (*f, out_dir.join(f.file_name())))
        .collect();
    store::refuse_existing(targets.iter().map(|(_, p)| p.as_path()), force)?;
    store::create_folder(out_dir)?;
    // Everything is rendered before anything is written: a failure leaves no mix of
    // old and new files.
    let rendered = report.render_all(formats)?;
    let mut written = Vec::with_capacity(targets.len());
    for ((_, path), (_, bytes)) in targets.into_iter().zip(rendered) {
        store::write_atomic(&path, &bytes, Mode::Shared)?;
        written.push(path);
    }
    Ok(written)
}
