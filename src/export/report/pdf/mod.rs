//! report.pdf, made by the program (krilla: shaping, font subsetting and embedding,
//! the text's Unicode map, bookmarks, PDF/A). [`layout`] places everything; this
//! module draws it. User text only ever becomes glyphs of the embedded font (a hex
//! string of glyph ids in the content stream), never PDF syntax: it cannot inject an
//! operator, and the only links are the contents' links to pages of the document.

mod layout;

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use chrono::{DateTime, Datelike, FixedOffset, Timelike};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::configure::{Configuration, PdfVersion, Validator};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::image::{BitsPerComponent, CustomImage, Image, ImageColorspace};
use krilla::metadata::{self, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule};
use krilla::text::{Font, TextDirection};
use krilla::{Document as Pdf, SerializeSettings};

pub use layout::{Face, Item, Metrics, Pages, column_widths as table_widths, layout};

use super::Document;

/// The radar chart's pixels: `size`×`size`, RGB, 8 bits a channel.
#[derive(Clone)]
pub struct ChartPixels {
    /// Row-major RGB bytes.
    pub rgb: Arc<Vec<u8>>,
    /// Width and height in pixels.
    pub size: u32,
}

impl Hash for ChartPixels {
    // krilla keys its image cache by this hash; one chart per document, so its size
    // and a sample of its bytes are enough (hashing 7.7 MB would cost milliseconds).
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.size.hash(state);
        self.rgb.len().hash(state);
        self.rgb.iter().step_by(4099).for_each(|b| b.hash(state));
    }
}

impl CustomImage for ChartPixels {
    fn color_channel(&self) -> &[u8] {
        &self.rgb
    }
    fn alpha_channel(&self) -> Option<&[u8]> {
        None
    }
    fn bits_per_component(&self) -> BitsPerComponent {
        BitsPerComponent::Eight
    }
    fn size(&self) -> (u32, u32) {
        (self.size, self.size)
    }
    fn icc_profile(&self) -> Option<&[u8]> {
        None
    }
    fn color_space(&self) -> ImageColorspace {
        ImageColorspace::Rgb
    }
}

/// The document information a PDF reader shows (File › Properties).
#[derive(Debug, Clone)]
pub struct Info {
    /// The author (document control), if set.
    pub author: String,
    /// What the document is about.
    pub subject: String,
    /// When the report was made.
    pub created: DateTime<FixedOffset>,
}

fn date(d: &DateTime<FixedOffset>) -> metadata::DateTime {
    let offset = d.offset().local_minus_utc();
    metadata::DateTime::new(u16::try_from(d.year()).unwrap_or(2000))
        .month(d.month() as u8)
        .day(d.day() as u8)
        .hour(d.hour() as u8)
        .minute(d.minute() as u8)
        .second(d.second() as u8)
        .utc_offset_hour((offset / 3600) as i8)
        .utc_offset_minute(((offset.abs() % 3600) / 60) as u8)
}

fn colour((r, g, b): layout::Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::default(),
    }
}

/// True when the embedded faces draw every character the document prints: only
/// then is the file PDF/A-2b (which forbids the blank "missing glyph"); otherwise it
/// is a plain PDF 1.7 whose text stays searchable all the same.
fn all_covered(m: &Metrics, pages: &Pages) -> bool {
    pages.pages.iter().flatten().all(|item| match item {
        Item::Text { text, .. } => m.covers(text),
        _ => true,
    })
}

/// Renders the document as an A4 PDF with the chart's pixels.
pub fn render(doc: &Document, chart: Option<&ChartPixels>, info: &Info) -> Result<Vec<u8>, String> {
    let m = Metrics::load()?;
    let pages = layout(&m, doc);
    let mut settings = SerializeSettings::default();
    if all_covered(&m, &pages) {
        settings.configuration = Configuration::new_with_validator(Validator::A2_B);
    } else {
        settings.configuration = Configuration::new_with_version(PdfVersion::Pdf17);
    }
    let mut pdf = Pdf::new_with(settings);
    let load = |face: Face| {
        Font::new(layout::font_bytes(face).into(), 0)
            .ok_or_else(|| format!("embedded font for {face:?} cannot be read"))
    };
    let regular = load(Face::Regular)?;
    let bold = load(Face::Bold)?;
    let image = match chart {
        Some(px) => Some(Image::from_custom(px.clone(), false)?),
        None => None,
    };
    let a4 = Size::from_wh(layout::PAGE_W, layout::PAGE_H).ok_or("page size")?;
    for items in &pages.pages {
        let mut page = pdf.start_page_with(PageSettings::new(a4));
        let mut links = Vec::new();
        {
            let mut surface = page.surface();
            for item in items {
                match item {
                    Item::Text {
                        x,
                        y,
                        size,
                        face,
                        colour: c,
                        text,
                    } => {
                        surface.set_fill(Some(colour(*c)));
                        let font = match face {
                            Face::Regular => regular.clone(),
                            Face::Bold => bold.clone(),
                        };
                        surface.draw_text(
                            Point::from_xy(*x, *y),
                            font,
                            *size,
                            text,
                            false,
                            TextDirection::Auto,
                        );
                    }
                    Item::Fill {
                        x,
                        y,
                        w,
                        h,
                        colour: c,
                    } => {
                        let mut path = PathBuilder::new();
                        if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                            path.push_rect(rect);
                        }
                        if let Some(path) = path.finish() {
                            surface.set_fill(Some(colour(*c)));
                            surface.draw_path(&path);
                        }
                    }
                    Item::Chart { x, y, side } => {
                        if let (Some(image), Some(size)) = (&image, Size::from_wh(*side, *side)) {
                            surface
                                .push_transform(&krilla::geom::Transform::from_translate(*x, *y));
                            surface.draw_image(image.clone(), size);
                            surface.pop();
                        }
                    }
                    Item::Link { x, y, w, h, page } => {
                        if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                            links.push((rect, *page));
                        }
                    }
                }
            }
            surface.finish();
        }
        for (rect, target) in links {
            let dest = XyzDestination::new(target, Point::from_xy(0.0, 0.0));
            page.add_annotation(Annotation::new_link(
                LinkAnnotation::new(rect, Target::Destination(dest.into())),
                None,
            ));
        }
        page.finish();
    }
    let mut outline = Outline::new();
    for mark in &pages.marks {
        outline.push_child(OutlineNode::new(
            mark.title.clone(),
            XyzDestination::new(mark.page, Point::from_xy(0.0, mark.y)),
        ));
    }
    pdf.set_outline(outline);
    let mut meta = Metadata::new()
        .title(layout::clean(&doc.title))
        .description(layout::clean(&info.subject))
        .creator("aims-readiness".to_string())
        .producer(format!("aims-readiness {}", env!("CARGO_PKG_VERSION")))
        .language("en".to_string())
        .creation_date(date(&info.created));
    if !info.author.trim().is_empty() {
        meta = meta.authors(vec![layout::clean(&info.author)]);
    }
    pdf.set_metadata(meta);
    pdf.finish().map_err(|e| format!("{e:?}"))
}
