//! Workshop facilitation core: consensus math, participants, timebox and pace, parking
//! lot, agenda, and the report section.

use std::collections::BTreeMap;

use aims_readiness::assessment::{Assessment, NaMarker, ParticipantNote, Vote};
use aims_readiness::questionnaire::{Question, Questionnaire};
use aims_readiness::workshop::report::section;
use aims_readiness::workshop::timebox::{
    self, DEFAULT_TIMEBOX_SECONDS, QuestionTimer, clock, pace, progress,
};
use aims_readiness::workshop::{self, AgendaReason, Consensus, WorkshopError, agenda, vote_stats};
use chrono::{DateTime, Duration, FixedOffset};

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("date")
}

fn now() -> DateTime<FixedOffset> {
    t("2026-11-23T09:00:00+01:00")
}

fn q() -> Questionnaire {
    Questionnaire::embedded().expect("embedded")
}

fn question<'a>(q: &'a Questionnaire, id: &str) -> &'a Question {
    q.question(id).expect("question exists")
}

/// Votes from a compact spec: digits are levels, `n` is N/A.
fn votes(spec: &str) -> BTreeMap<String, Vote> {
    spec.chars()
        .enumerate()
        .map(|(i, c)| {
            let v = match c {
                'n' => Vote::NotApplicable(NaMarker::Na),
                d => Vote::Level(d.to_digit(10).expect("digit") as u8),
            };
            (format!("p{i:02}"), v)
        })
        .collect()
}

fn workshop_with(names: &[&str]) -> (Questionnaire, Assessment) {
    let q = q();
    let mut a = Assessment::new(&q, now());
    for n in names {
        workshop::add_participant(&mut a, n).expect("added");
    }
    (q, a)
}

#[test]
fn consensus_math_table() {
    // (votes, allow_na, distribution, n/a, median, lower median, spread, divergent, proposal)
    use Consensus::{Level as L, NotApplicable as NA};
    #[allow(clippy::type_complexity)]
    let table: &[(
        &str,
        bool,
        [usize; 5],
        usize,
        Option<f64>,
        Option<u8>,
        Option<u8>,
        bool,
        Option<Consensus>,
    )] = &[
        // one voter
        (
            "4",
            false,
            [0, 0, 0, 1, 0],
            0,
            Some(4.0),
            Some(4),
            Some(0),
            false,
            Some(L(4)),
        ),
        // odd count: the middle vote
        (
            "153",
            false,
            [1, 0, 1, 0, 1],
            0,
            Some(3.0),
            Some(3),
            Some(4),
            true,
            Some(L(3)),
        ),
        (
            "223",
            false,
            [0, 2, 1, 0, 0],
            0,
            Some(2.0),
            Some(2),
            Some(1),
            false,
            Some(L(2)),
        ),
        // even count: median between the middles, proposal the lower one
        (
            "2434",
            false,
            [0, 1, 1, 2, 0],
            0,
            Some(3.5),
            Some(3),
            Some(2),
            true,
            Some(L(3)),
        ),
        // tie between two camps: the lower camp is proposed
        (
            "2244",
            false,
            [0, 2, 0, 2, 0],
            0,
            Some(3.0),
            Some(2),
            Some(2),
            true,
            Some(L(2)),
        ),
        (
            "12",
            false,
            [1, 1, 0, 0, 0],
            0,
            Some(1.5),
            Some(1),
            Some(1),
            false,
            Some(L(1)),
        ),
        // N/A minority: ignored for the proposal, still counted
        (
            "n33",
            true,
            [0, 0, 2, 0, 0],
            1,
            Some(3.0),
            Some(3),
            Some(0),
            false,
            Some(L(3)),
        ),
        // N/A tie with levels: the control stays in
        (
            "nn35",
            true,
            [0, 0, 1, 0, 1],
            2,
            Some(4.0),
            Some(3),
            Some(2),
            true,
            Some(L(3)),
        ),
        // N/A majority on a question that allows it
        (
            "nn4",
            true,
            [0, 0, 0, 1, 0],
            2,
            Some(4.0),
            Some(4),
            Some(0),
            false,
            Some(NA),
        ),
        ("nnn", true, [0; 5], 3, None, None, None, false, Some(NA)),
        // N/A majority where N/A is not allowed: N/A votes ignored
        (
            "nn4",
            false,
            [0, 0, 0, 1, 0],
            2,
            Some(4.0),
            Some(4),
            Some(0),
            false,
            Some(L(4)),
        ),
        ("nn", false, [0; 5], 2, None, None, None, false, None),
        // nobody voted
        ("", true, [0; 5], 0, None, None, None, false, None),
    ];
    for (spec, allow_na, dist, na, median, lower, spread, divergent, proposal) in table {
        let s = vote_stats(&votes(spec), *allow_na);
        let ctx = format!("votes {spec:?} allow_na {allow_na}");
        assert_eq!(&s.distribution, dist, "{ctx}");
        assert_eq!(s.not_applicable, *na, "{ctx}");
        assert_eq!(s.median, *median, "{ctx}");
        assert_eq!(s.lower_median, *lower, "{ctx}");
        assert_eq!(s.spread, *spread, "{ctx}");
        assert_eq!(s.divergent, *divergent, "{ctx}");
        assert_eq!(s.proposal, *proposal, "{ctx}");
        assert_eq!(s.total_votes(), spec.len(), "{ctx}");
    }
    assert!(vote_stats(&votes("n3"), true).applicability_disputed);
    assert!(!vote_stats(&votes("n3"), false).applicability_disputed);
}

#[test]
fn votes_propose_then_confirm_or_override() {
    let (q, mut a) = workshop_with(&["Ana", "Ben", "Chloé"]);
    let ctx = question(&q, "ctx-01");
    for (who, level) in [("Ana", 1), ("Ben", 4), ("Chloé", 2)] {
        workshop::record_vote(&mut a, ctx, who, Some(Consensus::Level(level)), now())
            .expect("vote");
    }
    let ans = a.answer("ctx-01").expect("answer");
    assert_eq!(ans.level, Some(2), "lower median of 1, 2, 4");
    assert!(ans.consensus_pending);
    assert!(workshop::question_stats(&a, ctx).divergent);

    let later = now() + Duration::minutes(3);
    assert_eq!(
        workshop::confirm_consensus(&mut a, ctx, later),
        Ok(Consensus::Level(2))
    );
    let ans = a.answer("ctx-01").expect("answer");
    assert_eq!(
        (ans.level, ans.na, ans.consensus_pending),
        (Some(2), false, false)
    );
    assert_eq!(ans.updated, Some(later));
    assert_eq!(a.meta.updated, later);

    // The room settles on 3 instead; the votes stay as cast.
    workshop::override_consensus(&mut a, ctx, Consensus::Level(3), later).expect("override");
    let ans = a.answer("ctx-01").expect("answer");
    assert_eq!((ans.level, ans.consensus_pending), (Some(3), false));
    assert_eq!(ans.votes.len(), 3);

    // A changed vote keeps the override (the room decided); confirming takes the votes.
    workshop::record_vote(&mut a, ctx, "Ana", Some(Consensus::Level(4)), later).expect("vote");
    let ans = a.answer("ctx-01").expect("answer");
    assert_eq!((ans.level, ans.consensus_pending), (Some(3), false));
    assert_eq!(
        workshop::confirm_consensus(&mut a, ctx, later),
        Ok(Consensus::Level(4)),
        "votes now 4, 4, 2"
    );
    // A changed vote reopens a confirmed question with a new proposal.
    workshop::record_vote(&mut a, ctx, "Ben", Some(Consensus::Level(5)), later).expect("vote");
    let ans = a.answer("ctx-01").expect("answer");
    assert_eq!(
        (ans.level, ans.consensus_pending),
        (Some(4), true),
        "votes now 4, 5, 2"
    );
    // Clearing votes down to none leaves it unanswered.
    for who in ["Ana", "Ben", "Chloé"] {
        workshop::record_vote(&mut a, ctx, who, None, later).expect("clear");
    }
    let ans = a.answer("ctx-01").expect("answer");
    assert_eq!((ans.level, ans.consensus_pending), (None, false));
    assert_eq!(
        workshop::confirm_consensus(&mut a, ctx, later),
        Err(WorkshopError::NoProposal("ctx-01".into()))
    );
}

#[test]
fn votes_and_overrides_are_checked() {
    let (q, mut a) = workshop_with(&["Ana"]);
    let ctx = question(&q, "ctx-01");
    let ax = question(&q, "ax-03");
    assert!(!ctx.allow_na && ax.allow_na, "fixture assumption");
    let na = Some(Consensus::NotApplicable);
    assert_eq!(
        workshop::record_vote(&mut a, ctx, "Ana", na, now()),
        Err(WorkshopError::NotApplicableRefused("ctx-01".into()))
    );
    assert_eq!(
        workshop::record_vote(&mut a, ctx, "Ana", Some(Consensus::Level(6)), now()),
        Err(WorkshopError::LevelOutOfRange(6))
    );
    assert_eq!(
        workshop::record_vote(&mut a, ctx, "Zoe", Some(Consensus::Level(3)), now()),
        Err(WorkshopError::UnknownParticipant("Zoe".into()))
    );
    assert_eq!(
        workshop::override_consensus(&mut a, ctx, Consensus::Level(0), now()),
        Err(WorkshopError::LevelOutOfRange(0))
    );
    assert!(a.answer("ctx-01").is_none_or(|ans| ans.votes.is_empty()));

    // N/A on an Annex A question: voted, proposed, confirmed.
    workshop::record_vote(&mut a, ax, "Ana", na, now()).expect("na vote");
    assert_eq!(
        workshop::confirm_consensus(&mut a, ax, now()),
        Ok(Consensus::NotApplicable)
    );
    let ans = a.answer("ax-03").expect("answer");
    assert_eq!(
        (ans.level, ans.na, ans.consensus_pending),
        (None, true, false)
    );
    // Overriding N/A with a level clears N/A.
    workshop::override_consensus(&mut a, ax, Consensus::Level(2), now()).expect("override");
    let ans = a.answer("ax-03").expect("answer");
    assert_eq!((ans.level, ans.na), (Some(2), false));
}

#[test]
fn participants_add_rename_remove() {
    let (q, mut a) = workshop_with(&["Ana", " Ben "]);
    assert_eq!(a.participants, ["Ana", "Ben"]);
    assert_eq!(
        workshop::add_participant(&mut a, "Ana"),
        Err(WorkshopError::DuplicateName("Ana".into()))
    );
    assert_eq!(
        workshop::add_participant(&mut a, "  "),
        Err(WorkshopError::EmptyName)
    );
    workshop::add_participant(&mut a, "Chloé").expect("add");

    let ctx1 = question(&q, "ctx-01");
    let ctx2 = question(&q, "ctx-02");
    for (qq, who, l) in [
        (ctx1, "Ana", 1),
        (ctx1, "Ben", 3),
        (ctx1, "Chloé", 3),
        (ctx2, "Ana", 5),
        (ctx2, "Ben", 2),
    ] {
        workshop::record_vote(&mut a, qq, who, Some(Consensus::Level(l)), now()).expect("vote");
    }
    workshop::add_participant_note(&mut a, "ctx-01", "Ana", "We have a register", now())
        .expect("note");
    workshop::add_participant_note(&mut a, "ctx-02", "Ana", "Only in draft", now()).expect("note");
    workshop::add_participant_note(&mut a, "ctx-02", "Ben", "  ", now()).expect("empty ignored");
    assert_eq!(a.answer("ctx-02").expect("a").participant_notes.len(), 1);

    // Rename: votes and notes follow everywhere.
    assert_eq!(
        workshop::rename_participant(&mut a, "Ana", "Ben"),
        Err(WorkshopError::DuplicateName("Ben".into()))
    );
    assert_eq!(
        workshop::rename_participant(&mut a, "Nobody", "X"),
        Err(WorkshopError::UnknownParticipant("Nobody".into()))
    );
    workshop::rename_participant(&mut a, "Ana", "Ana Lopez").expect("rename");
    assert_eq!(a.participants, ["Ana Lopez", "Ben", "Chloé"]);
    for id in ["ctx-01", "ctx-02"] {
        let ans = a.answer(id).expect("answer");
        assert!(
            !ans.votes.contains_key("Ana") && ans.votes.contains_key("Ana Lopez"),
            "{id}"
        );
        assert!(
            ans.participant_notes
                .iter()
                .all(|n: &ParticipantNote| n.by == "Ana Lopez")
        );
    }
    assert_eq!(
        a.answer("ctx-02").expect("a").votes["Ana Lopez"],
        Vote::Level(5)
    );

    // Confirm ctx-01 (lower median of 1, 3, 3 = 3), leave ctx-02 pending.
    workshop::confirm_consensus(&mut a, ctx1, now()).expect("confirm");
    assert_eq!(
        a.answer("ctx-02").expect("a").level,
        Some(2),
        "lower median of 2, 5"
    );

    // Remove: votes go; a pending proposal is recomputed, a confirmed level stays.
    workshop::remove_participant(&mut a, &q, "Ben", now()).expect("remove");
    assert_eq!(a.participants, ["Ana Lopez", "Chloé"]);
    let c1 = a.answer("ctx-01").expect("a");
    assert_eq!(c1.votes.len(), 2);
    assert_eq!((c1.level, c1.consensus_pending), (Some(3), false));
    let c2 = a.answer("ctx-02").expect("a");
    assert_eq!(c2.votes.keys().collect::<Vec<_>>(), ["Ana Lopez"]);
    assert_eq!((c2.level, c2.consensus_pending), (Some(5), true));
    assert_eq!(
        workshop::remove_participant(&mut a, &q, "Ben", now()),
        Err(WorkshopError::UnknownParticipant("Ben".into()))
    );
}

#[test]
fn timebox_and_timer() {
    let (_, mut a) = workshop_with(&[]);
    assert_eq!(timebox::timebox_seconds(&a), DEFAULT_TIMEBOX_SECONDS);
    timebox::set_timebox(&mut a, 240);
    assert_eq!(timebox::timebox_seconds(&a), 240);
    timebox::set_timebox(&mut a, 0);
    assert_eq!(timebox::timebox_seconds(&a), timebox::MIN_TIMEBOX_SECONDS);
    timebox::set_timebox(&mut a, 180);

    let timer = QuestionTimer::start("ctx-01", now());
    let c = timer.countdown(now() + Duration::seconds(55), 180);
    assert_eq!(
        (c.elapsed, c.remaining, c.over, c.label()),
        (55, 125, false, "2:05".into())
    );
    let c = timer.countdown(now() + Duration::seconds(222), 180);
    assert_eq!(
        (c.remaining, c.over, c.label()),
        (-42, true, "+0:42".into())
    );
    // A clock that went backwards counts as no time.
    assert_eq!(
        timer.countdown(now() - Duration::seconds(5), 180).elapsed,
        0
    );

    assert_eq!(timer.stop(&mut a, now() + Duration::seconds(200)), 200);
    let again = QuestionTimer::start("ctx-01", now());
    again.stop(&mut a, now() + Duration::seconds(70));
    assert_eq!(
        a.answer("ctx-01").expect("a").seconds_spent,
        270,
        "time accumulates"
    );
    assert_eq!(clock(3725), "1:02:05");
    assert_eq!(clock(59), "0:59");
}

#[test]
fn pace_projection() {
    let start = t("2026-11-23T13:00:00+01:00");
    // 10 questions in 40 minutes: 4 min each; 32 left: 128 min → 15:48 from 13:40.
    let p = pace(start + Duration::minutes(40), 40 * 60, 10, 32, 180);
    assert_eq!(p.seconds_per_question, Some(240.0));
    assert_eq!(p.projected_finish, t("2026-11-23T15:48:00+01:00"));
    assert!(p.behind_timebox && !p.from_timebox);
    assert_eq!(
        p.label(start + Duration::minutes(40)),
        "at this pace: done by 15:48"
    );
    // Nothing settled yet: the timebox is the pace (42 × 3 min = 126 min).
    let p = pace(start, 0, 0, 42, 180);
    assert_eq!(p.projected_finish, t("2026-11-23T15:06:00+01:00"));
    assert!(p.from_timebox && !p.behind_timebox);
    // Finished: the projection is now.
    let p = pace(start, 3600, 42, 0, 180);
    assert_eq!(p.projected_finish, start);
    assert!(!p.behind_timebox, "85.7 s per question is ahead");

    let (q, mut a) = workshop_with(&["Ana"]);
    workshop::record_vote(
        &mut a,
        question(&q, "ctx-01"),
        "Ana",
        Some(Consensus::Level(3)),
        now(),
    )
    .expect("vote");
    assert_eq!(progress(&q, &a), (0, 48), "a pending proposal is not done");
    workshop::confirm_consensus(&mut a, question(&q, "ctx-01"), now()).expect("confirm");
    assert_eq!(progress(&q, &a), (1, 47));
}

#[test]
fn parking_lot_and_agenda() {
    let (q, mut a) = workshop_with(&["Ana", "Ben", "Cy"]);
    workshop::park(
        &mut a,
        "plan-01",
        "Ask legal about the risk criteria",
        now(),
    );
    workshop::park(&mut a, "ctx-03", "", now());
    let lot = workshop::parking_lot(&q, &a);
    assert_eq!(
        lot.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["ctx-03", "plan-01"]
    );
    assert_eq!(lot[1].reason, "Ask legal about the risk criteria");
    workshop::unpark(&mut a, "ctx-03", now());
    assert_eq!(workshop::parking_lot(&q, &a).len(), 1);

    let cast = |a: &mut Assessment, id: &str, spec: &[Option<Consensus>]| {
        for (who, v) in ["Ana", "Ben", "Cy"].iter().zip(spec) {
            workshop::record_vote(a, question(&q, id), who, *v, now()).expect("vote");
        }
    };
    use Consensus::{Level as L, NotApplicable as NA};
    cast(&mut a, "ctx-02", &[Some(L(2)), Some(L(4)), Some(L(3))]); // spread 2
    cast(&mut a, "lead-01", &[Some(L(1)), Some(L(5)), Some(L(3))]); // spread 4
    cast(&mut a, "ctx-01", &[Some(L(3)), Some(L(3)), Some(L(4))]); // pending
    cast(&mut a, "ax-03", &[Some(NA), Some(L(3)), Some(L(3))]); // disputed
    cast(&mut a, "ctx-04", &[Some(L(1)), Some(L(5)), None]); // divergent, then confirmed
    workshop::confirm_consensus(&mut a, question(&q, "ctx-04"), now()).expect("confirm");

    let items = agenda(&q, &a);
    let head: Vec<(&str, AgendaReason)> = items
        .iter()
        .take(5)
        .map(|i| (i.question.as_str(), i.reason))
        .collect();
    assert_eq!(
        head,
        [
            ("lead-01", AgendaReason::Divergent),
            ("ctx-02", AgendaReason::Divergent),
            ("ax-03", AgendaReason::ApplicabilityDisputed),
            ("ctx-01", AgendaReason::Pending),
            ("ctx-03", AgendaReason::Unanswered),
        ]
    );
    assert_eq!(items.len(), 47, "every question but the confirmed one");
    assert!(items.iter().all(|i| i.question != "ctx-04"));
    assert!(
        items[5..]
            .iter()
            .all(|i| i.reason == AgendaReason::Unanswered)
    );
}

#[test]
fn report_section_data_and_markdown() {
    let (q, mut a) = workshop_with(&["Ana", "B|en <script>", "Cy"]);
    assert!(section(&q, &a).is_none(), "no votes, no workshop section");
    let ben = "B|en <script>";
    for (id, spec) in [
        ("ctx-01", [1, 4, 2]),
        ("ctx-02", [3, 3, 3]),
        ("lead-01", [5, 2, 4]),
    ] {
        for (who, l) in ["Ana", ben, "Cy"].iter().zip(spec) {
            workshop::record_vote(
                &mut a,
                question(&q, id),
                who,
                Some(Consensus::Level(l)),
                now(),
            )
            .expect("vote");
        }
    }
    workshop::confirm_consensus(&mut a, question(&q, "ctx-01"), now()).expect("confirm");
    workshop::add_participant_note(&mut a, "ctx-02", "Cy", "see *wiki*", now()).expect("note");
    timebox::add_time(&mut a, "ctx-01", 200);
    timebox::add_time(&mut a, "ctx-02", 100);
    timebox::add_time(&mut a, "lead-01", 95);
    workshop::park(
        &mut a,
        "lead-01",
        "| `rm -rf` <img src=x onerror=alert(1)>",
        now(),
    );

    let s = section(&q, &a).expect("section");
    let part: Vec<(&str, usize, usize)> = s
        .participation
        .iter()
        .map(|p| (p.name.as_str(), p.votes, p.notes))
        .collect();
    assert_eq!(part, [("Ana", 3, 0), (ben, 3, 0), ("Cy", 3, 1)]);
    assert_eq!(
        (s.questions_voted, s.questions_total, s.pending),
        (3, 48, 2)
    );
    let div: Vec<(&str, u8, bool)> = s
        .divergent
        .iter()
        .map(|d| (d.id.as_str(), d.spread, d.pending))
        .collect();
    assert_eq!(div, [("ctx-01", 3, false), ("lead-01", 3, true)]);
    assert_eq!(s.divergent[0].result, Some(Consensus::Level(2)));
    let ctx_time = &s.time_per_domain[0];
    assert_eq!((ctx_time.seconds, ctx_time.questions_timed), (300, 2));
    assert_eq!(s.time_per_domain[1].seconds, 95);
    assert_eq!(s.total_seconds, 395);
    assert_eq!(s.parking_lot.len(), 1);

    // The report lays the section out in Markdown and HTML, escaping every name and text.
    let generated = now();
    let report = aims_readiness::export::Report::new(&q, &a, generated.date_naive(), generated);
    let md = String::from_utf8(
        report
            .render(aims_readiness::export::Format::Md)
            .expect("md"),
    )
    .expect("utf-8");
    assert!(md.contains("## Workshop"), "{md}");
    assert!(
        md.contains("3 participants voted on 3 of 48 questions"),
        "{md}"
    );
    // Markdown shows a backslash-escaped `\<` as a literal `<`: no raw HTML remains.
    let raw = md.replace("\\<", "");
    assert!(!raw.contains("<script") && !raw.contains("<img"), "{md}");
    assert!(
        md.contains("B\\|en"),
        "a pipe cannot split a table cell: {md}"
    );
    assert!(md.contains("5:00"), "time per domain: {md}");
    assert!(md.contains("4 (proposed, not confirmed)"), "{md}");
    let html = String::from_utf8(
        report
            .render(aims_readiness::export::Format::Html)
            .expect("html"),
    )
    .expect("utf-8");
    assert!(html.contains("Workshop"));
    assert!(html.contains("&lt;script&gt;"), "names are escaped in HTML");
    assert!(!html.contains("<script") && !html.contains("<img src=x"));
    let without = {
        let mut b = a.clone();
        b.answers.values_mut().for_each(|x| x.votes.clear());
        b
    };
    let plain =
        aims_readiness::export::Report::new(&q, &without, generated.date_naive(), generated);
    let md = String::from_utf8(
        plain
            .render(aims_readiness::export::Format::Md)
            .expect("md"),
    )
    .expect("utf-8");
    assert!(!md.contains("## Workshop"), "no votes, no workshop section");
}

/// Above about 38 votes per level the bars used to reach the full width at one cell a
/// vote, so 60 and 40 votes looked the same.
#[test]
fn histogram_bars_stay_in_proportion_however_many_votes() {
    use aims_readiness::assessment::Vote;
    let mut votes = std::collections::BTreeMap::new();
    for i in 0..60 {
        votes.insert(format!("a{i:03}"), Vote::Level(2));
    }
    for i in 0..40 {
        votes.insert(format!("b{i:03}"), Vote::Level(4));
    }
    let stats = aims_readiness::workshop::vote_stats(&votes, false);
    assert_eq!(stats.bar_length(60, 30, 3), 30);
    assert_eq!(stats.bar_length(40, 30, 3), 20);
    assert_eq!(stats.bar_length(1, 30, 3), 1, "a vote always shows");
    assert_eq!(stats.bar_length(0, 30, 3), 0);
    // Few votes: whole cells per vote, at most three.
    let mut few = std::collections::BTreeMap::new();
    few.insert("a".to_string(), Vote::Level(1));
    few.insert("b".to_string(), Vote::Level(1));
    let stats = aims_readiness::workshop::vote_stats(&few, false);
    assert_eq!(stats.bar_length(2, 30, 3), 6);
    assert_eq!(stats.bar_length(1, 30, 3), 3);
}
