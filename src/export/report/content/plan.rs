//! The roadmap by phase and one action list per owner.

use std::collections::BTreeMap;

use super::super::{Block, Inline, Section, strong, text};
use super::{
    day, heading, or_dash, phase_title, plural, question_label, question_title, section,
    status_label,
};
use crate::export::Report;
use crate::locale::ReportText as T;
use crate::roadmap::{Phase, RoadmapItem};

pub(super) fn roadmap(report: &Report<'_>) -> Section {
    let lang = report.lang;
    let mut out = vec![Block::Para(vec![text(lang.f(
        plural(
            lang,
            report.roadmap.len(),
            T::RoadmapIntroOne,
            T::RoadmapIntroMany,
        ),
        &[
            ("count", &report.roadmap.len()),
            ("start", &day(lang, report.start)),
        ],
    ))])];
    for phase in Phase::ALL {
        let (start, due) = phase.dates(report.start);
        out.push(heading(
            3,
            lang.f(
                T::PhaseHeading,
                &[
                    ("number", &phase.number()),
                    ("title", &phase_title(lang, phase)),
                    ("start", &day(lang, start)),
                    ("due", &day(lang, due)),
                ],
            ),
            false,
        ));
        let items: Vec<_> = report.roadmap.iter().filter(|i| i.phase == phase).collect();
        if items.is_empty() {
            out.push(Block::Note(lang.t(T::NothingInPhase).into()));
            continue;
        }
        out.push(Block::Table {
            head: [
                "#",
                lang.t(T::ColItemActions),
                lang.t(T::ColLevel),
                lang.t(T::ColOwner),
                lang.t(T::ColStatus),
            ]
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
                        item.push(strong(lang.t(T::CriticalMark)));
                    }
                    item.push(Inline::List(i.actions.clone()));
                    vec![
                        vec![text(i.rank.to_string())],
                        item,
                        vec![text(format!("{} → {}", i.current, i.target))],
                        vec![text(i.owner.clone().unwrap_or_else(|| "–".into()))],
                        vec![text(status_label(lang, i))],
                    ]
                })
                .collect(),
        });
    }
    out.extend(parked(report));
    section("roadmap", lang.t(T::SectionRoadmap), true, out)
}

/// Questions parked in a workshop: follow-ups with their owner and due date.
fn parked(report: &Report<'_>) -> Vec<Block> {
    let lang = report.lang;
    let lot = crate::workshop::follow_ups(report.questionnaire, report.assessment);
    if lot.is_empty() {
        return Vec::new();
    }
    vec![
        heading(3, lang.t(T::ParkedFollowUps), false),
        Block::Table {
            head: [T::ColQuestion, T::ColWhyParked, T::ColOwner, T::ColDue]
                .map(|t| lang.t(t).to_string())
                .to_vec(),
            wide: Some(1),
            numeric: vec![false; 4],
            rows: lot
                .iter()
                .map(|p| {
                    vec![
                        vec![text(question_label(report, &p.id))],
                        vec![text(or_dash(&p.reason))],
                        vec![text(or_dash(&p.owner))],
                        vec![text(p.due.map_or("–".to_string(), |d| day(lang, d)))],
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
    let lang = report.lang;
    let mut out = Vec::new();
    if report.roadmap.is_empty() {
        out.push(Block::Note(lang.t(T::NoActionToAssign).into()));
    }
    let groups = by_owner
        .into_iter()
        .map(|(o, items)| (o.to_string(), items))
        .chain((!unowned.is_empty()).then(|| (lang.t(T::NoOwnerGroup).to_string(), unowned)));
    for (owner, items) in groups {
        out.push(heading(
            3,
            lang.f(
                plural(lang, items.len(), T::OwnerItemsOne, T::OwnerItemsMany),
                &[("owner", &owner), ("count", &items.len())],
            ),
            false,
        ));
        out.push(Block::Table {
            head: [
                "#",
                lang.t(T::ColNextAction),
                lang.t(T::ColItem),
                lang.t(T::ColDue),
                lang.t(T::ColStatus),
            ]
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
                        vec![text(day(lang, i.due))],
                        vec![text(status_label(lang, i))],
                    ]
                })
                .collect(),
        });
    }
    section("owners", lang.t(T::SectionOwners), false, out)
}
