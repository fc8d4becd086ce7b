//! report.md, version 2 (SPEC.md "The report, version 2"): snapshots of a complete
//! assessment with a baseline, an incomplete one, a workshop with votes and notes, and
//! one with no answers; and no question's full text printed twice.

mod common;

use aims_readiness::assessment::{Assessment, DocumentControl, ParticipantNote, PlanStatus, Vote};
use aims_readiness::export::{Format, Report};
use aims_readiness::questionnaire::Questionnaire;
use chrono::NaiveDate;

/// The fixture questionnaire with short titles, as questionnaire 2.0 has them.
fn titled() -> Questionnaire {
    let mut q = common::questionnaire(3, 3);
    for question in &mut q.questions {
        question.title = Some(format!("Thing {}", question.id));
    }
    q
}

fn md(report: &Report<'_>) -> String {
    String::from_utf8(report.render(Format::Md).unwrap()).unwrap()
}

/// Every question answered; document control, a conclusion and a domain note written.
fn complete(q: &Questionnaire) -> Assessment {
    let mut a = common::assessment(q, |d, j| Some(((d * 2 + j) % 4) as u8 + 1));
    a.meta.roadmap_start = Some(common::start());
    a.meta.summary = "Leadership is in place; the risk process is not yet run.".into();
    a.meta.document = DocumentControl {
        version: "1.0".into(),
        classification: "Confidential".into(),
        author: "Jo Auditor".into(),
        approver: "Kim CISO".into(),
        approved: NaiveDate::from_ymd_opt(2026, 3, 5),
        ..DocumentControl::default()
    };
    a.domain_notes.insert(
        "d2".into(),
        "Policy approved by the board in January.".into(),
    );
    common::own(&mut a, "d1-q1", "Dana Lead", PlanStatus::InProgress);
    common::own(&mut a, "d3-q1", "Sam", PlanStatus::Done);
    a
}

#[test]
fn complete_with_baseline() {
    let q = titled();
    let a = complete(&q);
    // The baseline left a question unanswered: it was provisional.
    let old = common::assessment(&q, |d, j| (j < 2).then_some((d % 2) as u8 + 1));
    let report = Report::new(&q, &a, common::start(), common::now()).with_baseline(&old);
    let md = md(&report);
    assert!(md.contains("provisional"));
    assert!(md.contains("| done — re-assess |"));
    insta::assert_snapshot!("v2_complete_with_baseline", md);
}

#[test]
fn incomplete() {
    let q = titled();
    let mut a = common::assessment(&q, |d, j| (d != 2 && j != 1).then_some(2));
    a.meta.roadmap_start = Some(common::start());
    let report = Report::new(&q, &a, common::start(), common::now());
    let md = md(&report);
    // Critical questions at level 2 are minor findings (method v2): nearly ready.
    assert!(md.contains("Nearly ready (provisional)"), "{md}");
    assert!(md.contains("**Assessor's conclusion:** not written yet."));
    insta::assert_snapshot!("v2_incomplete", md);
}

#[test]
fn workshop_with_votes_and_notes() {
    let q = titled();
    let mut a = complete(&q);
    a.participants = vec!["Anna Köhler".into(), "Ben".into(), "Chloé".into()];
    for (i, question) in q.questions.iter().enumerate() {
        let answer = a.answer_mut(&question.id);
        answer
            .votes
            .insert("Anna Köhler".into(), Vote::Level(1 + (i % 3) as u8));
        answer
            .votes
            .insert("Ben".into(), Vote::Level(1 + (i % 5) as u8));
        answer.votes.insert("Chloé".into(), Vote::Level(2));
    }
    let note = |by: &str, text: &str, private| ParticipantNote {
        by: by.into(),
        text: text.into(),
        private,
        ..ParticipantNote::default()
    };
    a.answer_mut("d1-q2").participant_notes = vec![
        note("Ben", "The register misses two vendor models.", false),
        note("Chloé", "Ask HR before writing this down.", true),
    ];
    a.answer_mut("d2-q1").flagged = true;
    a.answer_mut("d2-q1").flag_reason = "Check the supplier contracts".into();
    common::own(&mut a, "d2-q1", "Anna Köhler", PlanStatus::Open);
    a.answer_mut("d2-q1").seconds_spent = 185;
    let report = Report::new(&q, &a, common::start(), common::now());
    let md = md(&report);
    assert!(md.contains("## Workshop minutes"));
    assert!(md.contains("The register misses two vendor models."));
    assert!(
        !md.contains("Ask HR before writing this down."),
        "a private note is left out"
    );
    assert!(md.contains("1 note marked private"));
    insta::assert_snapshot!("v2_workshop", md);
}

#[test]
fn no_answers() {
    let q = titled();
    let a = common::assessment(&q, |_, _| None);
    let report = Report::new(&q, &a, common::start(), common::now());
    let md = md(&report);
    assert!(md.contains("Not assessed yet"));
    insta::assert_snapshot!("v2_no_answers", md);
}

#[test]
fn no_question_text_is_printed_twice() {
    let q = Questionnaire::embedded().unwrap();
    let mut a = common::assessment(&q, |d, j| Some(((d + 2 * j) % 4) as u8 + 1));
    a.participants = vec!["Anna".into(), "Ben".into()];
    for (i, question) in q.questions.iter().enumerate() {
        let answer = a.answer_mut(&question.id);
        answer.votes.insert("Anna".into(), Vote::Level(1));
        answer
            .votes
            .insert("Ben".into(), Vote::Level(1 + (i % 5) as u8));
        answer.flagged = i % 4 == 0;
        answer.participant_notes = vec![ParticipantNote {
            by: "Ben".into(),
            text: "Seen in the audit file.".into(),
            ..ParticipantNote::default()
        }];
        if i % 3 == 0 {
            common::own(&mut a, &question.id, "Owner", PlanStatus::Done);
        }
    }
    let old = common::assessment(&q, |_, j| (j % 2 == 0).then_some(1));
    let report = Report::new(&q, &a, common::start(), common::now()).with_baseline(&old);
    // Markdown escapes punctuation with backslashes: compare the text without them.
    let md = md(&report).replace('\\', "");
    for question in &q.questions {
        let count = md.matches(question.text.as_str()).count();
        assert_eq!(count, 1, "{} printed {count} times", question.id);
    }
}
