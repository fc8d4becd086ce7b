//! radar.png: decoded and checked pixel by pixel against the geometry the scores imply.

mod common;

use aims_readiness::export::chart::{self, BASELINE, CURRENT, Geometry, TARGET};
use aims_readiness::export::{Format, Report};
use aims_readiness::questionnaire::Questionnaire;
use image::RgbImage;
use plotters::style::RGBColor;

fn decode(png: &[u8]) -> RgbImage {
    image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .unwrap()
        .to_rgb8()
}

/// Writes the PNG where a person can look at it, when AIMS_PREVIEW_DIR is set.
fn preview(name: &str, png: &[u8]) {
    if let Ok(dir) = std::env::var("AIMS_PREVIEW_DIR") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(format!("{dir}/{name}.png"), png).unwrap();
    }
}

fn rgb(c: RGBColor) -> [u8; 3] {
    [c.0, c.1, c.2]
}

/// Whether a pixel of exactly `colour` lies within `radius` of `at`.
fn has_colour_near(img: &RgbImage, at: (i32, i32), radius: i32, colour: RGBColor) -> bool {
    (-radius..=radius).any(|dy| {
        (-radius..=radius).any(|dx| {
            let (x, y) = (at.0 + dx, at.1 + dy);
            x >= 0
                && y >= 0
                && (x as u32) < img.width()
                && (y as u32) < img.height()
                && dx * dx + dy * dy <= radius * radius
                && img.get_pixel(x as u32, y as u32).0 == rgb(colour)
        })
    })
}

fn count_colour(img: &RgbImage, colour: RGBColor) -> usize {
    img.pixels().filter(|p| p.0 == rgb(colour)).count()
}

/// Checks every vertex of every series of `report` on the decoded chart.
fn check_vertices(report: &Report<'_>, img: &RgbImage) {
    let g = Geometry::new(img.width());
    let (dot, target_ring, baseline_ring) = g.marker_radii();
    let (dot, target_ring, baseline_ring) = (dot as i32, target_ring as i32, baseline_ring as i32);
    let n = report.scores.domains.len();
    for (i, d) in report.scores.domains.iter().enumerate() {
        let target = f64::from(d.target);
        let at = g.point(i, n, target);
        assert!(
            has_colour_near(img, at, target_ring + 2, TARGET),
            "target vertex of {} at {at:?}",
            d.id
        );
        if let Some(score) = d.score {
            let at = g.point(i, n, score);
            assert!(
                has_colour_near(img, at, 2, CURRENT),
                "current vertex of {} ({score}) at {at:?}",
                d.id
            );
            // Half a level further out on the same axis there is no current vertex.
            let away = g.point(i, n, score + if score > 4.0 { -0.6 } else { 0.6 });
            assert!(
                !has_colour_near(img, away, dot, CURRENT),
                "current colour off the vertex of {} at {away:?}",
                d.id
            );
        }
        if let Some(b) = &report.baseline {
            let score = b.scores.domain(&d.id).and_then(|s| s.score).unwrap_or(0.0);
            let at = g.point(i, n, score);
            assert!(
                has_colour_near(img, at, baseline_ring + 2, BASELINE),
                "baseline vertex of {} at {at:?}",
                d.id
            );
        }
    }
}

fn render(q: &Questionnaire, a: &aims_readiness::assessment::Assessment, name: &str) -> RgbImage {
    let report = Report::new(q, a, common::start(), common::now());
    let png = report.render(Format::Png).unwrap();
    preview(name, &png);
    let img = decode(&png);
    assert_eq!((img.width(), img.height()), (1600, 1600));
    check_vertices(&report, &img);
    img
}

#[test]
fn three_domains() {
    let q = common::questionnaire(3, 3);
    let img = render(&q, &common::assessment(&q, common::varied), "radar-3");
    assert_eq!(
        count_colour(&img, BASELINE),
        0,
        "no baseline drawn without one"
    );
}

#[test]
fn eight_domains() {
    let q = common::questionnaire(8, 4);
    render(&q, &common::assessment(&q, common::varied), "radar-8");
}

#[test]
fn twenty_domains() {
    let q = common::questionnaire(20, 2);
    render(&q, &common::assessment(&q, common::varied), "radar-20");
}

#[test]
fn embedded_questionnaire() {
    let q = Questionnaire::embedded().unwrap();
    let a = common::assessment(&q, |d, j| Some(((d * 2 + j) % 4) as u8 + 1));
    render(&q, &a, "radar-embedded");
}

#[test]
fn empty_assessment_renders_targets_only() {
    let q = common::questionnaire(8, 2);
    let a = common::assessment(&q, |_, _| None);
    let img = render(&q, &a, "radar-empty");
    assert_eq!(
        count_colour(&img, CURRENT),
        0,
        "nothing answered: no current profile"
    );
}

#[test]
fn baseline_is_a_third_outline() {
    let q = common::questionnaire(8, 3);
    let old = common::assessment(&q, |d, _| Some((d % 3) as u8 + 1));
    let new = common::assessment(&q, common::varied);
    let report = Report::new(&q, &new, common::start(), common::now()).with_baseline(&old);
    let png = report.render(Format::Png).unwrap();
    preview("radar-baseline", &png);
    let img = decode(&png);
    check_vertices(&report, &img);
    assert!(count_colour(&img, BASELINE) > 1000);
}

#[test]
fn size_option_and_partial_answers() {
    let q = common::questionnaire(5, 2);
    let a = common::assessment(&q, |d, j| (d != 2 && j == 0).then_some(d as u8 + 1));
    let report = Report::new(&q, &a, common::start(), common::now()).with_chart_size(800);
    let png = report.render(Format::Png).unwrap();
    preview("radar-800", &png);
    let img = decode(&png);
    assert_eq!((img.width(), img.height()), (800, 800));
    check_vertices(&report, &img);
    assert_eq!(
        Report::new(&q, &a, common::start(), common::now())
            .with_chart_size(10)
            .chart_size,
        chart::MIN_SIZE
    );
}

#[test]
fn no_system_font_library_is_linked() {
    // The chart's font is embedded; nothing may reach for fontconfig or FreeType.
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).unwrap();
    for name in [
        "fontconfig",
        "freetype",
        "font-kit",
        "yeslogic-fontconfig-sys",
        "servo-fontconfig",
    ] {
        assert!(
            !lock
                .lines()
                .any(|l| l.trim() == format!("name = \"{name}\"")
                    || l.trim().starts_with(&format!("name = \"{name}-"))),
            "{name} is in Cargo.lock"
        );
    }
}
