//! The SPEC.md budgets that run inside one process: `cargo bench --bench budgets`.
//!
//! A small harness (no criterion: it would double the build) that runs each case
//! repeatedly and prints the median and 95th percentile next to its budget.

#[path = "support/mod.rs"]
mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use aims_readiness::export::Format;
use aims_readiness::questionnaire::{DEFAULT_JSON, Questionnaire};
use aims_readiness::{roadmap, scoring, store};

/// One measured case.
struct Row {
    name: String,
    median: Duration,
    p95: Duration,
    /// Median CPU time of the measuring thread: on a shared, loaded machine the wall
    /// clock also counts the time other processes had the CPU, this does not.
    cpu: Duration,
    budget: Option<Duration>,
}

/// CPU time used by the calling thread so far.
fn thread_cpu() -> Duration {
    #[cfg(unix)]
    {
        let mut t = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `t` is a valid timespec for the call to write into.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0 {
            return Duration::new(
                u64::try_from(t.tv_sec).unwrap_or(0),
                u32::try_from(t.tv_nsec).unwrap_or(0),
            );
        }
    }
    Duration::ZERO
}

fn measure(name: &str, budget: Option<Duration>, runs: usize, mut f: impl FnMut()) -> Row {
    for _ in 0..runs.min(3) {
        f();
    }
    let (mut samples, mut cpu): (Vec<Duration>, Vec<Duration>) = (0..runs)
        .map(|_| {
            let (t, c) = (Instant::now(), thread_cpu());
            f();
            (t.elapsed(), thread_cpu().saturating_sub(c))
        })
        .unzip();
    samples.sort();
    cpu.sort();
    let row = Row {
        name: name.to_string(),
        median: samples[samples.len() / 2],
        p95: samples[(samples.len() * 95 / 100).min(samples.len() - 1)],
        cpu: cpu[cpu.len() / 2],
        budget,
    };
    print_row(&row);
    row
}

fn print_row(r: &Row) {
    let verdict = match r.budget {
        Some(b) if r.median <= b => format!("within {b:?}"),
        Some(b) => format!("OVER {b:?}"),
        None => "(part of a budget)".into(),
    };
    println!(
        "{:<58} median {:>10.3?}  p95 {:>10.3?}  cpu {:>10.3?}  {verdict}",
        r.name, r.median, r.p95, r.cpu
    );
}

fn ms(n: u64) -> Option<Duration> {
    Some(Duration::from_millis(n))
}

fn main() {
    // `cargo test --benches` runs this with --test-ish flags; keep that quick.
    let quick = std::env::args().any(|a| a == "--test" || a == "--quick");
    let runs = |n: usize| if quick { 2 } else { n };
    println!("aims-readiness budgets ({} runs per case)", runs(50));

    let default = Questionnaire::embedded().expect("embedded");
    measure(
        "questionnaire: parse + validate the default (42)",
        None,
        runs(200),
        || {
            black_box(Questionnaire::from_json(DEFAULT_JSON, "default").expect("valid"));
        },
    );
    let big_json = support::big_questionnaire_json(10_000, 20);
    let big = Questionnaire::from_json(&big_json, "big").expect("valid");
    let big_assessment = support::answered(&big, 1);
    let start = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).expect("date");
    measure(
        "questionnaire: parse + validate 10,000 questions",
        None,
        runs(20),
        || {
            black_box(Questionnaire::from_json(&big_json, "big").expect("valid"));
        },
    );
    let small_assessment = support::answered(&default, 3);
    measure("scoring + roadmap, 42 questions", None, runs(500), || {
        let s = scoring::score(&default, &small_assessment);
        black_box(roadmap::roadmap(&default, &small_assessment, &s, start));
    });
    measure(
        "scoring + roadmap, 10,000 questions",
        None,
        runs(20),
        || {
            let s = scoring::score(&big, &big_assessment);
            black_box(roadmap::roadmap(&big, &big_assessment, &s, start));
        },
    );
    let big_bytes = store::to_json(&big_assessment);
    measure(
        "10,000 questions: load + validate + score (budget 200 ms)",
        ms(200),
        runs(20),
        || {
            let q = Questionnaire::from_json(&big_json, "big").expect("valid");
            let a =
                store::parse_bytes(&big_bytes, std::path::Path::new("big.json")).expect("parses");
            assert!(a.mismatches(&q).is_empty());
            let s = scoring::score(&q, &a);
            black_box(roadmap::roadmap(&q, &a, &s, start));
        },
    );

    let generated = chrono::Local::now().fixed_offset();
    let mut exported = support::answered(&default, 4);
    exported.meta.organisation = "Acme Analytics".into();
    let report = aims_readiness::export::Report::new(&default, &exported, start, generated);
    measure(
        "radar.png: draw + encode, 1600×1600",
        None,
        runs(30),
        || {
            black_box(report.render(Format::Png).expect("png"));
        },
    );
    measure(
        "report.pdf: chart pixels + layout + PDF/A writing",
        None,
        runs(30),
        || {
            black_box(report.render(Format::Pdf).expect("pdf"));
        },
    );
    measure(
        "report.docx: chart + document part + ZIP",
        None,
        runs(30),
        || {
            black_box(report.render(Format::Docx).expect("docx"));
        },
    );
    let out_dir = tempfile::tempdir().expect("temp dir");
    measure(
        "export: every file (pdf and docx included) rendered and written atomically",
        None,
        runs(30),
        || {
            black_box(
                aims_readiness::export::write_all(&report, &Format::ALL, out_dir.path(), true)
                    .expect("export"),
            );
        },
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("acme.json");
    let mut a = support::answered(&default, 5);
    store::create(&path, &a).expect("create");
    let mut n = 0u8;
    measure(
        "one autosave, fsync included (budget 10 ms)",
        ms(10),
        runs(200),
        || {
            n = n % 5 + 1;
            a.answer_mut("ctx-01").level = Some(n);
            store::save(&path, &a).expect("save");
        },
    );

    let files: Vec<std::path::PathBuf> = (0..1000)
        .map(|i| {
            let mut p = support::answered(&default, i);
            p.meta.assessors = vec![format!("Person {i}")];
            let f = dir.path().join(format!("p{i:04}.json"));
            store::create(&f, &p).expect("create");
            f
        })
        .collect();
    let data = aims_readiness::store::Store::at(dir.path().join("data"));
    let out = dir.path().join("merged.json");
    let now = chrono::Local::now().fixed_offset();
    measure(
        "merge of 1,000 assessment files (budget 2 s)",
        ms(2000),
        runs(5),
        || {
            black_box(
                aims_readiness::store::catalog::merge_files(&data, &files, &out, true, None, now)
                    .expect("merge"),
            );
        },
    );

    let evidence_dir = tempfile::tempdir().expect("temp dir");
    let mut with_register = support::answered(&default, 7);
    let ctx = default.question("ctx-01").expect("ctx-01").clone();
    for i in 0..1000 {
        let f = evidence_dir.path().join(format!("evidence {i:04}.bin"));
        let bytes: Vec<u8> = (0..100 * 1024).map(|b| ((b + i) % 251) as u8).collect();
        std::fs::write(&f, bytes).expect("write");
        let new = aims_readiness::store::evidence::NewEvidence {
            location: f.to_string_lossy().into_owned(),
            question: ctx.id.clone(),
            ..Default::default()
        };
        let item = aims_readiness::store::evidence::item_for(&new, now).expect("hash");
        with_register
            .add_evidence(&ctx, None, item, now)
            .expect("attach");
    }
    let register_path = evidence_dir.path().join("register.json");
    store::create(&register_path, &with_register).expect("create");
    measure(
        "evidence verify: 1,000 files of 100 KB (budget 1 s)",
        ms(1000),
        runs(5),
        || {
            let verified = aims_readiness::store::evidence::verify(
                &data,
                &register_path,
                None,
                aims_readiness::locale::Lang::En,
            )
            .expect("verify");
            assert_eq!(verified.len(), 1000);
            black_box(verified);
        },
    );
}
