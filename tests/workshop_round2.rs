//! Workshop, second round (issue 18): attendance kept with the votes, overrides stored
//! as overrides, the timebox field's durations and limits, "done by" with a day, the
//! parking lot's owner and due date, and what of it reaches the report's minutes.

use aims_readiness::assessment::Assessment;
use aims_readiness::export::{Format, Report};
use aims_readiness::questionnaire::{Question, Questionnaire};
use aims_readiness::workshop::timebox::{self, parse_duration, parse_timebox};
use aims_readiness::workshop::{self, Consensus, WorkshopError, attendance};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T09:00:00+01:00").expect("date")
}

fn question<'a>(q: &'a Questionnaire, id: &str) -> &'a Question {
    q.question(id).expect("question exists")
}

fn room(names: &[&str]) -> (Questionnaire, Assessment) {
    let q = Questionnaire::embedded().expect("embedded");
    let mut a = Assessment::new(&q, now());
    for n in names {
        workshop::join_participant(&mut a, n, now()).expect("joined");
    }
    (q, a)
}

fn vote(a: &mut Assessment, q: &Question, who: &str, level: u8) {
    workshop::record_vote(a, q, who, Some(Consensus::Level(level)), now()).expect("vote");
}

fn report_md(q: &Questionnaire, a: &Assessment) -> String {
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).expect("day");
    let report = Report::new(q, a, day, now());
    String::from_utf8(report.render(Format::Md).expect("renders")).expect("utf-8")
}

#[test]
fn a_participant_who_leaves_keeps_their_votes_and_is_counted() {
    let (q, mut a) = room(&["Ana", "Ben", "Carl"]);
    let ax = question(&q, "ax-07");
    vote(&mut a, ax, "Ana", 1);
    vote(&mut a, ax, "Ben", 3);
    vote(&mut a, ax, "Carl", 3);
    workshop::confirm_consensus(&mut a, ax, now()).expect("confirm");
    assert!(workshop::question_stats(&a, ax).divergent);

    let break_time = now() + Duration::minutes(50);
    attendance::leave(&mut a, "Carl", break_time).expect("leaves");
    assert!(!attendance::is_present(&a, "Carl"));
    assert_eq!(attendance::votes_cast(&a, "Carl"), 1);
    // The votes, the agreed level and the divergence marker are unchanged.
    let stats = workshop::question_stats(&a, ax);
    assert_eq!((stats.total_votes(), stats.divergent), (3, true));
    assert_eq!(a.answer("ax-07").and_then(|x| x.level), Some(3));
    // No new vote from someone who left; back in the room, they vote again.
    let ctx = question(&q, "ctx-01");
    assert_eq!(
        workshop::record_vote(&mut a, ctx, "Carl", Some(Consensus::Level(2)), now()),
        Err(WorkshopError::HasLeft("Carl".into()))
    );

    let section = workshop::report::section(&q, &a).expect("a workshop section");
    let carl = section
        .participation
        .iter()
        .find(|p| p.name == "Carl")
        .expect("Carl listed");
    assert_eq!((carl.votes, carl.left), (1, Some(break_time)));
    assert_eq!(carl.joined, Some(now()));
    let md = report_md(&q, &a);
    assert!(md.contains("3 participants voted"), "{md}");
    assert!(
        md.contains("| Carl | 2026-11-23 09:00 | 2026-11-23 09:50 | 1 |"),
        "{md}"
    );
    assert!(
        md.contains("| Ana | 2026-11-23 09:00 | present to the end | 1 |"),
        "{md}"
    );

    attendance::come_back(&mut a, "Carl", now()).expect("back");
    vote(&mut a, ctx, "Carl", 2);
    // A rename carries the attendance along.
    workshop::rename_participant(&mut a, "Carl", "Carla").expect("rename");
    assert_eq!(attendance::attendance(&a, "Carla").joined, Some(now()));
    // Removal (added by mistake) drops the votes and the attendance.
    workshop::remove_participant(&mut a, &q, "Carla", now()).expect("remove");
    assert_eq!(attendance::votes_cast(&a, "Carla"), 0);
    assert_eq!(attendance::attendance(&a, "Carla").joined, None);
}

#[test]
fn an_override_is_stored_as_one_with_its_reason() {
    let (q, mut a) = room(&["Ana", "Ben", "Carl"]);
    let ctx = question(&q, "ctx-01");
    vote(&mut a, ctx, "Ana", 2);
    vote(&mut a, ctx, "Ben", 2);
    vote(&mut a, ctx, "Carl", 3);
    // Setting what the votes propose is a plain confirmation.
    workshop::override_consensus(&mut a, ctx, Consensus::Level(2), now()).expect("set");
    assert!(a.answer("ctx-01").expect("a").consensus_override.is_none());

    workshop::override_consensus(&mut a, ctx, Consensus::Level(3), now()).expect("override");
    assert!(workshop::set_override_reason(
        &mut a,
        "ctx-01",
        "  the policy was signed last week ",
        now()
    ));
    let ans = a.answer("ctx-01").expect("a");
    let stored = ans
        .consensus_override
        .as_ref()
        .expect("stored as an override");
    assert_eq!(stored.reason, "the policy was signed last week");
    // It survives a save and load.
    let json = serde_json::to_string(&a).expect("serialise");
    let back: Assessment = serde_json::from_str(&json).expect("parse");
    assert_eq!(back.answer("ctx-01"), a.answer("ctx-01"));

    // A changed vote keeps the override (it was the room's decision) ...
    vote(&mut a, ctx, "Carl", 1);
    let ans = a.answer("ctx-01").expect("a");
    assert_eq!((ans.level, ans.consensus_pending), (Some(3), false));
    assert!(ans.consensus_override.is_some());
    // ... until the facilitator confirms the votes' proposal instead.
    assert_eq!(
        workshop::confirm_consensus(&mut a, ctx, now()),
        Ok(Consensus::Level(2))
    );
    assert!(a.answer("ctx-01").expect("a").consensus_override.is_none());
    assert!(!workshop::set_override_reason(&mut a, "ctx-01", "x", now()));

    // The minutes: the override with its reason, every vote by name.
    workshop::override_consensus(&mut a, ctx, Consensus::Level(4), now()).expect("override");
    workshop::set_override_reason(&mut a, "ctx-01", "board minutes seen", now());
    workshop::add_participant_note(&mut a, "ctx-01", "Ben", "Ask legal <first>", now())
        .expect("note");
    let md = report_md(&q, &a);
    assert!(
        md.contains("set to 4 where the votes proposed 2; reason: board minutes seen"),
        "{md}"
    );
    assert!(md.contains("Ana 2, Ben 2, Carl 1"), "{md}");
    assert!(md.contains("Ask legal"), "{md}");
}

#[test]
fn timebox_durations_and_limits() {
    let table: &[(&str, Option<u64>)] = &[
        ("90", Some(90)),
        ("90s", Some(90)),
        ("90m", Some(5400)),
        ("3 min", Some(180)),
        ("2:30", Some(150)),
        ("1:02:30", Some(3750)),
        ("1h30", Some(5400)),
        ("1h 30m", Some(5400)),
        ("2h", Some(7200)),
        ("1802:30", Some(108_150)),
        ("2:75", None),
        ("1h75", None),
        ("soon", None),
        ("", None),
    ];
    for (text, expected) in table {
        assert_eq!(parse_duration(text), *expected, "{text:?}");
    }
    assert_eq!(parse_timebox("2:30"), Ok(150));
    assert_eq!(parse_timebox("12h"), Ok(12 * 3600));
    for absurd in ["1802:30", "10000m", "13h"] {
        let message = parse_timebox(absurd).expect_err(absurd);
        assert!(message.contains("the limit is 12 h"), "{message}");
    }
    assert!(
        parse_timebox("5")
            .expect_err("short")
            .contains("at least 10 seconds")
    );
    assert!(
        parse_timebox("soon")
            .expect_err("words")
            .contains("not a duration")
    );
}

#[test]
fn done_by_shows_a_day_when_not_today() {
    // 10 questions left at 3 minutes from 09:00: today.
    let p = timebox::pace(now(), 0, 0, 10, 180);
    assert_eq!(p.label(now()), "at this pace: done by 09:30");
    // 200 questions left at 6 minutes each: 20 hours, tomorrow.
    let p = timebox::pace(now(), 3600, 10, 200, 180);
    assert_eq!(p.label(now()), "at this pace: done by Tue 24 Nov 05:00");
}

#[test]
fn a_parked_question_has_an_owner_and_a_due_date_in_the_minutes() {
    let (q, mut a) = room(&["Ana"]);
    vote(&mut a, question(&q, "ctx-01"), "Ana", 2);
    workshop::park(&mut a, "ctx-02", "Need the supplier list", now());
    let due = NaiveDate::from_ymd_opt(2026, 12, 4).expect("date");
    workshop::set_parked_follow_up(&mut a, "ctx-02", " Dana ", Some(due), now());
    let lot = workshop::parking_lot(&q, &a);
    assert_eq!(lot.len(), 1);
    assert_eq!((lot[0].owner.as_str(), lot[0].due), ("Dana", Some(due)));
    let md = report_md(&q, &a);
    assert!(
        md.contains("| Need the supplier list | Dana | 2026-12-04 |"),
        "{md}"
    );
    workshop::unpark(&mut a, "ctx-02", now());
    let ans = a.answer("ctx-02").expect("a");
    assert_eq!((ans.flag_owner.as_str(), ans.flag_due), ("", None));
}

#[test]
fn parked_questions_reach_the_roadmap_csv_and_the_report_roadmap() {
    let (q, mut a) = room(&["Ana"]);
    vote(&mut a, question(&q, "ctx-01"), "Ana", 2);
    workshop::park(&mut a, "ctx-02", "=ask legal", now());
    let due = NaiveDate::from_ymd_opt(2026, 12, 4).expect("date");
    workshop::set_parked_follow_up(&mut a, "ctx-02", "Dana", Some(due), now());
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).expect("day");
    let report = Report::new(&q, &a, day, now());
    let csv = String::from_utf8(report.render(Format::Csv).expect("csv")).expect("utf-8");
    let row = csv
        .lines()
        .find(|l| l.contains("parked in the workshop"))
        .expect("a follow-up row");
    assert!(row.contains("\"2026-12-04\""), "{row}");
    assert!(row.contains("\"ctx-02\""), "{row}");
    assert!(row.contains("\"Dana\""), "{row}");
    assert!(row.contains("\"Settle it: =ask legal\""), "{row}");
    let md = report_md(&q, &a);
    let roadmap = md
        .split("Follow-ups parked in the workshop")
        .nth(1)
        .expect("the roadmap lists the follow-ups");
    assert!(roadmap.contains("| Dana | 2026-12-04 |"), "{roadmap}");
}
