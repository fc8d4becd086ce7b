//! The roadmap by phase and one action list per owner.

use std::collections::BTreeMap;

use super::super::{Block, Inline, Section, strong, text};
use super::{heading, plural, question_label, question_title, section, status_label};
use crate::export::Report;
use crate::roadmap::{Phase, RoadmapItem};

pub(super) fn roadmap(report: &Report<'_>) -> Section {
    let mut out = vec![Block::Para(vec![text(format!(
        "{} item{}, ordered by priority (gap × weight, doubled for a critical gap), from {}. \
         An item marked done whose question is still below target reads \"done — re-assess\": \
         answer the question again to close it.",
        report.roadmap.len(),
        plural(report.roadmap.len()),
        report.start
    ))])];
    for phase in Phase::ALL {
        let (start, due) = phase.dates(report.start);
        out.push(heading(
            3,
            format!(
                "Phase {}: {} ({start} to {due})",
                phase.number(),
                phase.title()
            ),
            false,
        ));
        let items: Vec<_> = report.roadmap.iter().filter(|i| i.phase == phase).collect();
        if items.is_empty() {
            out.push(Block::Note("Nothing in this phase.".into()));
            continue;
        }
        out.push(Block::Table {
            head: ["#", "Item and actions", "Level", "Owner", "Status"]
                .map(String::from)
                .to_vec(),
            wide: Some(1),
            numeric: vec![true, false, false, false, false],
            rows: items
                .iter()
                .map(|i| {
                    let mut item = vec![
                        strong(i.question.clone()),
                        text(format!(" {}", question_title(report, &i.question))),
                    ];
                    if i.critical {
                        item.push(strong(" (critical)"));
                    }
                    item.push(Inline::List(i.actions.clone()));
                    vec![
                        vec![text(i.rank.to_string())],
                        item,
                        vec![text(format!("{} → {}", i.current, i.target))],
                        vec![text(i.owner.clone().unwrap_or_else(|| "–".into()))],
                        vec![text(status_label(i))],
                    ]
                })
                .collect(),
        });
    }
    out.extend(parked(report));
    section("roadmap", "Roadmap", true, out)
}

/// Questions parked in a workshop: follow-ups with their owner and due date.
fn parked(report: &Report<'_>) -> Vec<Block> {
    let lot = crate::workshop::follow_ups(report.questionnaire, report.assessment);
    if lot.is_empty() {
        return Vec::new();
    }
    vec![
        heading(3, "Follow-ups parked in the workshop".to_string(), false),
        Block::Table {
            head: ["Question", "Why it was parked", "Owner", "Due"]
                .map(String::from)
                .to_vec(),
            wide: Some(1),
            numeric: vec![false; 4],
            rows: lot
                .iter()
                .map(|p| {
                    let or_dash = |s: &str| {
                        let s = s.trim();
                        if s.is_empty() {
                            "–".to_string()
                        } else {
                            s.to_string()
                        }
                    };
                    vec![
                        vec![text(question_label(report, &p.id))],
                        vec![text(or_dash(&p.reason))],
                        vec![text(or_dash(&p.owner))],
                        vec![text(p.due.map_or("–".to_string(), |d| d.to_string()))],
                    ]
                })
                .collect(),
        },
    ]
}

pub(super) fn owners(report: &Report<'_>) -> Section {
    let mut by_owner: BTreeMap<&str, Vec<&RoadmapItem>> = BTreeMap::new();
    let mut unowned = Vec::new();
    for item in &report.roadmap {
        match item
            .owner
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
        {
            Some(owner) => by_owner.entry(owner).or_default().push(item),
            None => unowned.push(item),
        }
    }
    let mut out = Vec::new();
    if report.roadmap.is_empty() {
        out.push(Block::Note("No action to assign.".into()));
    }
    let groups = by_owner
        .into_iter()
        .map(|(o, items)| (o.to_string(), items))
        .chain((!unowned.is_empty()).then(|| ("No owner yet".to_string(), unowned)));
    for (owner, items) in groups {
        out.push(heading(
            3,
            format!("{owner} ({} item{})", items.len(), plural(items.len())),
            false,
        ));
        out.push(Block::Table {
            head: ["#", "Next action", "Item", "Due", "Status"]
                .map(String::from)
                .to_vec(),
            wide: Some(1),
            numeric: vec![true, false, false, false, false],
            rows: items
                .iter()
                .map(|i| {
                    vec![
                        vec![text(i.rank.to_string())],
                        vec![text(i.actions.first().cloned().unwrap_or_default())],
                        vec![text(question_label(report, &i.question))],
                        vec![text(i.due.to_string())],
                        vec![text(status_label(i))],
                    ]
                })
                .collect(),
        });
    }
    section("owners", "Actions by owner", false, out)
}
