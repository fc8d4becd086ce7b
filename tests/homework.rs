//! Homework from spreadsheets, end to end through the real binary: `homework` writes the
//! workbooks, a participant fills one in, `merge` reads it beside an assessment file and
//! a forms CSV; the same person twice is refused; `--into` adds late homework to a
//! workshop without touching its votes; hostile files get clear errors.

use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aims_readiness::assessment::{Answer, Assessment, NaMarker, Vote};
use aims_readiness::homework::{PARTICIPANT_CELL, col};
use aims_readiness::questionnaire::Questionnaire;
use aims_readiness::store;
use chrono::DateTime;

struct Env {
    home: tempfile::TempDir,
    work: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Env {
            home: tempfile::tempdir().expect("home"),
            work: tempfile::tempdir().expect("work"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.work.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_aims-readiness"))
            .env("AIMS_READINESS_LANG", "en")
            .args(args)
            .env("AIMS_READINESS_HOME", self.home.path())
            .current_dir(self.work.path())
            .output()
            .expect("runs")
    }

    /// Runs and expects success; returns standard output.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs and expects the data error exit (1); returns standard error.
    fn refused(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    /// A new assessment for Acme in the work folder, with these participants.
    fn assessment(&self, participants: &[&str]) -> PathBuf {
        let q = Questionnaire::embedded().expect("built in");
        let mut a = Assessment::new(&q, now());
        a.meta.organisation = "Acme <Health> & Co".into();
        a.participants = participants.iter().map(|p| p.to_string()).collect();
        let path = self.path("acme.json");
        fs::write(&path, store::to_json(&a)).expect("write");
        path
    }
}

fn now() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").expect("date")
}

fn q() -> Questionnaire {
    Questionnaire::embedded().expect("built in")
}

/// The spreadsheet row (1-based) of a question on the Questions sheet.
fn row_of(id: &str) -> u32 {
    let i = q().question_index(id).expect("known question");
    u32::try_from(i).expect("small") + 2
}

fn cell(column: u16, row: u32) -> String {
    format!(
        "{}{row}",
        char::from(b'A' + u8::try_from(column).expect("small"))
    )
}

/// A cell typed in: (sheet file, cell, value).
type Typing = (&'static str, String, Typed<'static>);

/// What a person types into a cell.
enum Typed<'a> {
    Number(f64),
    Text(&'a str),
    Formula(&'a str),
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Sets `cell` (`D7`) of a worksheet's XML the way a spreadsheet application saves it
/// (the cell's style is kept, so it stays unlocked and yellow).
fn set_cell(xml: &str, at: &str, value: &Typed<'_>) -> String {
    let start = xml
        .find(&format!("<c r=\"{at}\""))
        .unwrap_or_else(|| panic!("cell {at} is in the sheet"));
    let rest = &xml[start..];
    let open_end = rest.find('>').expect("tag end");
    let self_closing = rest[..open_end].ends_with('/');
    let end = if self_closing {
        open_end + 1
    } else {
        rest.find("</c>").expect("cell end") + 4
    };
    let attrs = rest[..open_end].trim_end_matches('/');
    let style = attrs
        .split(' ')
        .find(|a| a.starts_with("s="))
        .map(|s| format!(" {s}"))
        .unwrap_or_default();
    let new = match value {
        Typed::Number(n) => format!("<c r=\"{at}\"{style}><v>{n}</v></c>"),
        Typed::Text(t) => format!(
            "<c r=\"{at}\"{style} t=\"inlineStr\"><is><t>{}</t></is></c>",
            xml_escape(t)
        ),
        Typed::Formula(f) => format!(
            "<c r=\"{at}\"{style} t=\"str\"><f>{}</f><v>3</v></c>",
            xml_escape(f)
        ),
    };
    format!("{}{new}{}", &xml[..start], &rest[end..])
}

/// A copy of the workbook `bytes` with cells typed in: (sheet file, cell, value).
fn fill(bytes: &[u8], typed: &[(&str, String, Typed<'_>)]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("part");
        let name = part.name().expect("part name").to_string();
        let mut content = Vec::new();
        part.read_to_end(&mut content).expect("read part");
        for (sheet, at, value) in typed {
            if name == format!("xl/worksheets/{sheet}.xml") {
                let xml = String::from_utf8(content).expect("xml");
                content = set_cell(&xml, at, value).into_bytes();
            }
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start");
        out.write_all(&content).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

fn level(question: &str, typed: Typed<'static>) -> Typing {
    ("sheet2", cell(col::LEVEL, row_of(question)), typed)
}

fn note(question: &str, text: &'static str) -> Typing {
    (
        "sheet2",
        cell(col::NOTE, row_of(question)),
        Typed::Text(text),
    )
}

fn name(text: &'static str) -> Typing {
    let (row, column) = PARTICIPANT_CELL;
    ("sheet1", cell(column, row + 1), Typed::Text(text))
}

fn read(path: &Path) -> Assessment {
    store::read(path).expect("a readable assessment")
}

/// Sam's homework as an assessment file (Sam has the app).
fn sam_json(env: &Env) -> PathBuf {
    let mut a = Assessment::new(&q(), now());
    a.meta.assessors = vec!["Sam".into()];
    a.answers.insert(
        "ctx-01".into(),
        Answer {
            level: Some(5),
            note: "We review it every quarter".into(),
            ..Answer::default()
        },
    );
    let path = env.path("acme-2026-11-27.json");
    fs::write(&path, store::to_json(&a)).expect("write");
    path
}

/// Kim's and Noor's answers from a forms tool (Microsoft Forms columns, semicolons,
/// a byte-order mark, a question by its short title, lenient values).
fn forms_csv(env: &Env) -> PathBuf {
    let ctx02 = q()
        .question("ctx-02")
        .expect("ctx-02")
        .short_title()
        .to_string();
    let text = format!(
        "\u{feff}ID;Start time;Completion time;Email;Name;ctx-01. How far along?;ctx-01 note;{ctx02};ax-03\n\
         1;27/11/2026 09:00;27/11/2026 09:20;kim@acme.example;Kim;2 - Managed;\"Only the pilot; nothing else\";Level 4;N/A\n\
         2;27/11/2026 09:05;27/11/2026 09:30;noor@acme.example;;3;;;not applicable\n"
    );
    let path = env.path("forms.csv");
    fs::write(&path, text).expect("write");
    path
}

/// `homework` for Dana and Lee, and Dana's workbook filled in.
fn dana_filled(env: &Env) -> (PathBuf, PathBuf) {
    let file = env.assessment(&["Dana", "Lee"]);
    let out = env.ok(&[
        "homework",
        file.to_str().expect("utf-8"),
        "--out",
        "homework",
    ]);
    let dana = env.path("homework/acme-homework-dana.xlsx");
    let lee = env.path("homework/acme-homework-lee.xlsx");
    assert!(
        out.contains("acme-homework-dana.xlsx") && out.contains("acme-homework-lee.xlsx"),
        "{out}"
    );
    let filled = fill(
        &fs::read(&dana).expect("the workbook"),
        &[
            level("ctx-01", Typed::Number(3.0)),
            note("ctx-01", "Only <the> pilot & \"the\" register"),
            level("ctx-02", Typed::Text("4")),
            level("ax-03", Typed::Text("N/A")),
        ],
    );
    let returned = env.path("dana-returned.xlsx");
    fs::write(&returned, filled).expect("write");
    (returned, lee)
}

#[test]
fn a_filled_workbook_a_json_file_and_a_forms_csv_merge_into_votes_by_name() {
    let env = Env::new();
    let (dana, _) = dana_filled(&env);
    let sam = sam_json(&env);
    let forms = forms_csv(&env);
    let out = env.ok(&[
        "merge",
        dana.to_str().expect("utf-8"),
        sam.to_str().expect("utf-8"),
        forms.to_str().expect("utf-8"),
        "--out",
        "workshop.json",
    ]);
    assert!(
        out.contains("participants: Dana, Sam, Kim, noor@acme.example"),
        "{out}"
    );
    let w = read(&env.path("workshop.json"));
    assert_eq!(w.participants, ["Dana", "Sam", "Kim", "noor@acme.example"]);
    let c1 = w.answer("ctx-01").expect("ctx-01");
    assert_eq!(c1.votes["Dana"], Vote::Level(3));
    assert_eq!(c1.votes["Sam"], Vote::Level(5));
    assert_eq!(c1.votes["Kim"], Vote::Level(2));
    assert_eq!(c1.votes["noor@acme.example"], Vote::Level(3));
    // Votes 2, 3, 3, 5: the lower median, unconfirmed.
    assert_eq!((c1.level, c1.consensus_pending), (Some(3), true));
    let notes: Vec<(&str, &str)> = c1
        .participant_notes
        .iter()
        .map(|n| (n.by.as_str(), n.text.as_str()))
        .collect();
    assert_eq!(
        notes,
        [
            ("Dana", "Only <the> pilot & \"the\" register"),
            ("Sam", "We review it every quarter"),
            ("Kim", "Only the pilot; nothing else"),
        ]
    );
    let c2 = w.answer("ctx-02").expect("ctx-02");
    assert_eq!(c2.votes["Dana"], Vote::Level(4));
    assert_eq!(c2.votes["Kim"], Vote::Level(4));
    assert_eq!(c2.votes.len(), 2);
    let na = Vote::NotApplicable(NaMarker::Na);
    let ax = w.answer("ax-03").expect("ax-03");
    assert_eq!(ax.votes["Dana"], na);
    assert_eq!(ax.votes["Kim"], na);
    assert_eq!(ax.votes["noor@acme.example"], na);
}

#[test]
fn the_same_workbook_or_the_same_person_twice_is_refused_and_nothing_is_written() {
    let env = Env::new();
    let (dana, _) = dana_filled(&env);
    let copy = env.path("Dana (1).xlsx");
    fs::copy(&dana, &copy).expect("copy");
    let e = env.refused(&[
        "merge",
        dana.to_str().expect("utf-8"),
        copy.to_str().expect("utf-8"),
        "--out",
        "workshop.json",
    ]);
    assert!(
        e.contains("has the same content as") && e.contains("SHA-256"),
        "{e}"
    );
    assert!(!env.path("workshop.json").exists());

    // Dana filled it in again (another level): a different file, the same person.
    let again = env.path("dana-again.xlsx");
    let bytes = fill(
        &fs::read(&dana).expect("read"),
        &[level("ctx-01", Typed::Number(4.0))],
    );
    fs::write(&again, bytes).expect("write");
    let e = env.refused(&[
        "merge",
        dana.to_str().expect("utf-8"),
        again.to_str().expect("utf-8"),
        "--out",
        "workshop.json",
    ]);
    assert!(e.contains("both hold the answers of Dana"), "{e}");
    assert!(!env.path("workshop.json").exists());
}

#[test]
fn two_attachments_with_one_file_name_are_two_people() {
    let env = Env::new();
    let q = q();
    let mut paths = Vec::new();
    for (dir, person, l) in [("mail-1", "Dana", 2), ("mail-2", "Lee", 4)] {
        let mut a = Assessment::new(&q, now());
        a.meta.assessors = vec![person.into()];
        a.answers.insert(
            "ctx-01".into(),
            Answer {
                level: Some(l),
                ..Answer::default()
            },
        );
        fs::create_dir(env.path(dir)).expect("dir");
        let path = env.path(&format!("{dir}/acme-2026-11-27.json"));
        fs::write(&path, store::to_json(&a)).expect("write");
        paths.push(path);
    }
    env.ok(&[
        "merge",
        paths[0].to_str().expect("utf-8"),
        paths[1].to_str().expect("utf-8"),
        "--out",
        "w.json",
    ]);
    let w = read(&env.path("w.json"));
    assert_eq!(w.participants, ["Dana", "Lee"]);
    assert_eq!(w.answer("ctx-01").expect("a").votes["Lee"], Vote::Level(4));
}

#[test]
fn late_homework_goes_into_the_workshop_without_squashing_its_votes() {
    let env = Env::new();
    let (dana, lee_blank) = dana_filled(&env);
    let sam = sam_json(&env);
    env.ok(&[
        "merge",
        dana.to_str().expect("utf-8"),
        sam.to_str().expect("utf-8"),
        "--out",
        "workshop.json",
    ]);
    // The workshop settles ctx-01 at 4, and the room adds Lee, who has not voted yet.
    let workshop = env.path("workshop.json");
    let mut w = read(&workshop);
    let a = w.answers.get_mut("ctx-01").expect("ctx-01");
    a.level = Some(4);
    a.consensus_pending = false;
    w.participants.push("Lee".into());
    fs::write(&workshop, store::to_json(&w)).expect("write");

    let lee = env.path("lee-returned.xlsx");
    let bytes = fill(
        &fs::read(&lee_blank).expect("read"),
        &[
            level("ctx-01", Typed::Text("1 - Initial")),
            level("ctx-02", Typed::Number(2.0)),
            note("ctx-02", "Late, sorry"),
        ],
    );
    fs::write(&lee, bytes).expect("write");
    let out = env.ok(&[
        "merge",
        lee.to_str().expect("utf-8"),
        "--into",
        "workshop.json",
    ]);
    assert!(out.contains("1 settled question kept its result"), "{out}");
    let after = read(&workshop);
    assert_eq!(after.participants, ["Dana", "Sam", "Lee"]);
    let c1 = after.answer("ctx-01").expect("ctx-01");
    assert_eq!(c1.votes["Dana"], Vote::Level(3));
    assert_eq!(c1.votes["Sam"], Vote::Level(5));
    assert_eq!(c1.votes["Lee"], Vote::Level(1));
    assert_eq!(
        (c1.level, c1.consensus_pending),
        (Some(4), false),
        "settled stays settled"
    );
    let c2 = after.answer("ctx-02").expect("ctx-02");
    assert_eq!(c2.votes["Dana"], Vote::Level(4));
    assert_eq!(c2.votes["Lee"], Vote::Level(2));
    assert_eq!(
        (c2.level, c2.consensus_pending),
        (Some(2), true),
        "a new proposal"
    );
    assert_eq!(
        c2.participant_notes.last().map(|n| n.by.as_str()),
        Some("Lee")
    );
    assert!(
        env.path("workshop.json.bak").exists(),
        "the workshop as it was is the backup"
    );

    // The workshop file given as an input would squash its votes into one person.
    let e = env.refused(&["merge", "workshop.json", "--out", "again.json"]);
    assert!(
        e.contains("is a workshop file (it holds the votes of its 3 participant(s))")
            && e.contains("--into"),
        "{e}"
    );

    // Lee has voted now; the same workbook again, or Dana's, is refused; nothing changes.
    let before = fs::read(&workshop).expect("read");
    let e = env.refused(&[
        "merge",
        lee.to_str().expect("utf-8"),
        "--into",
        "workshop.json",
    ]);
    assert!(e.contains("who already voted in workshop"), "{e}");
    let e = env.refused(&[
        "merge",
        dana.to_str().expect("utf-8"),
        "--into",
        "workshop.json",
    ]);
    assert!(e.contains("Dana, who already voted"), "{e}");
    assert_eq!(fs::read(&workshop).expect("read"), before);
}

#[test]
fn a_workbook_filled_and_saved_in_libreoffice_is_read() {
    // Made by `homework`, filled as in `dana_filled` (Lee, ctx-01 = 2, a note on ctx-01,
    // ax-03 = N/A), then opened and saved by LibreOffice Calc 7.4 as xlsx.
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/homework/lee-libreoffice.xlsx");
    let env = Env::new();
    let input = env.path("lee.xlsx");
    fs::copy(&fixture, &input).expect("copy");
    env.ok(&["merge", "lee.xlsx", "--out", "w.json"]);
    let w = read(&env.path("w.json"));
    assert_eq!(w.participants, ["Lee"]);
    let c1 = w.answer("ctx-01").expect("ctx-01");
    assert_eq!(c1.votes["Lee"], Vote::Level(2));
    assert_eq!(c1.participant_notes[0].text, "Saved in LibreOffice");
    assert_eq!(
        w.answer("ax-03").expect("ax-03").votes["Lee"],
        Vote::NotApplicable(NaMarker::Na)
    );
}

#[test]
fn bad_cells_are_named_with_their_file_sheet_and_cell() {
    let env = Env::new();
    let (dana, _) = dana_filled(&env);
    let bytes = fs::read(&dana).expect("read");
    let cases: Vec<(Vec<Typing>, &str)> = vec![
        (
            vec![level("ctx-03", Typed::Text("high"))],
            "sheet Questions, cell D4: \"high\" is not a level: write 1 to 5",
        ),
        (
            // A formula is never evaluated: it reads as its text.
            vec![level("ctx-03", Typed::Formula("1+2"))],
            "cell D4: \"=1+2\" is not a level",
        ),
        (
            vec![level("ctx-01", Typed::Text("N/A"))],
            "cell D2: \"N/A\" (not applicable) is not allowed for question ctx-01",
        ),
        (
            vec![name("  ")],
            "sheet Instructions, cell B6: the name cell is empty",
        ),
    ];
    for (typed, want) in cases {
        let path = env.path("bad.xlsx");
        fs::write(&path, fill(&bytes, &typed)).expect("write");
        let e = env.refused(&["merge", "bad.xlsx", "--out", "w.json"]);
        assert!(e.contains("homework file") && e.contains("bad.xlsx"), "{e}");
        assert!(e.contains(want), "want {want:?} in {e}");
        assert!(!env.path("w.json").exists());
    }
    // A formula in a note is kept as its text.
    fs::write(
        env.path("formula.xlsx"),
        fill(
            &bytes,
            &[(
                "sheet2",
                cell(col::NOTE, row_of("ctx-03")),
                Typed::Formula("HYPERLINK(\"http://x\")"),
            )],
        ),
    )
    .expect("write");
    env.ok(&["merge", "formula.xlsx", "--out", "w.json"]);
    let w = read(&env.path("w.json"));
    assert_eq!(
        w.answer("ctx-03").expect("ctx-03").participant_notes[0].text,
        "=HYPERLINK(\"http://x\")"
    );
}

#[test]
fn hostile_spreadsheets_get_clear_errors_quickly() {
    let env = Env::new();
    let started = std::time::Instant::now();
    // An archive part that inflates to 80 MiB of zeros (a few KB on disk).
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file(
        "xl/worksheets/sheet1.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .expect("start");
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..80 {
        zip.write_all(&zeros).expect("write");
    }
    let bomb = zip.finish().expect("finish").into_inner();
    assert!(bomb.len() < 1024 * 1024);
    fs::write(env.path("bomb.xlsx"), bomb).expect("write");
    let e = env.refused(&["merge", "bomb.xlsx", "--out", "w.json"]);
    assert!(e.contains("bomb.xlsx inflates to more than 64 MiB"), "{e}");

    fs::write(env.path("text.xlsx"), "Name,ctx-01\nDana,3\n").expect("write");
    let e = env.refused(&["merge", "text.xlsx", "--out", "w.json"]);
    assert!(
        e.contains("text.xlsx is not an Excel workbook (.xlsx)"),
        "{e}"
    );

    fs::write(env.path("book.ods"), "whatever").expect("write");
    let e = env.refused(&["merge", "book.ods", "--out", "w.json"]);
    assert!(
        e.contains("save it as an Excel workbook (.xlsx) or as CSV UTF-8"),
        "{e}"
    );

    // 10,000 columns.
    let wide = (0..10_000)
        .map(|i| format!("c{i}"))
        .collect::<Vec<_>>()
        .join(",");
    fs::write(env.path("wide.csv"), format!("Name,{wide}\n")).expect("write");
    let e = env.refused(&["merge", "wide.csv", "--out", "w.json"]);
    assert!(
        e.contains("wide.csv has 10001 columns in row 1; at most 1000 are read"),
        "{e}"
    );

    // A huge cell.
    let huge = "x".repeat(40_000);
    fs::write(
        env.path("huge.csv"),
        format!("Name,ctx-01 note\nDana,{huge}\n"),
    )
    .expect("write");
    let e = env.refused(&["merge", "huge.csv", "--out", "w.json"]);
    assert!(
        e.contains("huge.csv, row 2, column 2: the cell holds 40000 characters"),
        "{e}"
    );

    // A value that is not a level, and a row without a name.
    fs::write(env.path("forms.csv"), "Name,ctx-01 Context\nDana,often\n").expect("write");
    let e = env.refused(&["merge", "forms.csv", "--out", "w.json"]);
    assert!(
        e.contains("forms.csv, row 2, column 2 (\"ctx-01 Context\"): \"often\" is not a level"),
        "{e}"
    );
    fs::write(env.path("forms.csv"), "Name,ctx-01\n,3\n").expect("write");
    let e = env.refused(&["merge", "forms.csv", "--out", "w.json"]);
    assert!(
        e.contains("forms.csv, row 2: neither a name nor an email"),
        "{e}"
    );
    fs::write(env.path("forms.csv"), "Who,ctx-01\nDana,3\n").expect("write");
    let e = env.refused(&["merge", "forms.csv", "--out", "w.json"]);
    assert!(
        e.contains("has no column named \"Name\" or \"Email\""),
        "{e}"
    );
    // Two rows for one person.
    fs::write(env.path("forms.csv"), "Name,ctx-01\nDana,3\ndana,4\n").expect("write");
    let e = env.refused(&["merge", "forms.csv", "--out", "w.json"]);
    assert!(
        e.contains("(row 2) and") && e.contains("(row 3) both hold the answers of dana"),
        "{e}"
    );

    assert!(!env.path("w.json").exists());
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn homework_never_replaces_a_file_nor_follows_a_planted_link() {
    let env = Env::new();
    let file = env.assessment(&[]);
    let file = file.to_str().expect("utf-8");
    let e = env.refused(&["homework", file, "--out", "hw"]);
    assert!(
        e.contains("has no participants: name them with --participant NAME"),
        "{e}"
    );

    fs::create_dir(env.path("hw")).expect("dir");
    let victim = env.path("victim.txt");
    fs::write(&victim, "keep me").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&victim, env.path("hw/acme-homework-lee.xlsx")).expect("link");
    #[cfg(not(unix))]
    fs::write(env.path("hw/acme-homework-lee.xlsx"), "keep me").expect("write");
    let e = env.refused(&[
        "homework",
        file,
        "--out",
        "hw",
        "--participant",
        "Dana",
        "--participant",
        "Lee",
    ]);
    assert!(
        e.contains(
            "acme-homework-lee.xlsx already exists; homework workbooks never replace a file"
        ),
        "{e}"
    );
    assert_eq!(fs::read_to_string(&victim).expect("read"), "keep me");
    assert!(
        !env.path("hw/acme-homework-dana.xlsx").exists(),
        "nothing written"
    );

    // A name given twice is one person, one workbook.
    let out = env.ok(&[
        "homework",
        file,
        "--out",
        "hw2",
        "--participant",
        "Dana",
        "--participant",
        " dana",
    ]);
    assert_eq!(out.matches(".xlsx").count(), 1, "{out}");

    let out = env.ok(&["homework", file, "--out", "hw", "--one-workbook"]);
    assert!(out.contains("acme-homework.xlsx"), "{out}");
    // Nobody's name in it yet: merging it unfilled says where the name goes.
    let e = env.refused(&["merge", "hw/acme-homework.xlsx", "--out", "w.json"]);
    assert!(
        e.contains("sheet Instructions, cell B6: the name cell is empty"),
        "{e}"
    );
}

#[test]
fn a_forms_export_saved_as_a_workbook_is_read_like_a_csv() {
    // Microsoft Forms' "Open in Excel": one sheet, a row per respondent.
    let env = Env::new();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows: [[&str; 5]; 3] = [
        [
            "ID",
            "Email",
            "Name",
            "ctx-01 How far along?",
            "ctx-01 comments",
        ],
        [
            "1",
            "ana@x.org",
            "Ana",
            "4 - Quantitatively managed",
            "Dashboards",
        ],
        ["2", "ben@x.org", "", "", ""],
    ];
    for (r, row) in (0u32..).zip(rows) {
        for (c, text) in (0u16..).zip(row) {
            sheet.write_string(r, c, text).expect("write");
        }
    }
    // Ben answered with a number, as Excel stores it.
    sheet.write_number(2, 3, 2).expect("write");
    fs::write(env.path("forms.xlsx"), book.save_to_buffer().expect("save")).expect("write");
    env.ok(&["merge", "forms.xlsx", "--out", "w.json"]);
    let w = read(&env.path("w.json"));
    assert_eq!(w.participants, ["Ana", "ben@x.org"]);
    let c1 = w.answer("ctx-01").expect("ctx-01");
    assert_eq!(c1.votes["Ana"], Vote::Level(4));
    assert_eq!(c1.votes["ben@x.org"], Vote::Level(2));
    assert_eq!(c1.participant_notes[0].text, "Dashboards");
}

/// Every text of a workbook's visible sheets, one cell a line.
fn visible_text(path: &Path) -> String {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook(path).expect("a workbook");
    let mut text = String::new();
    for sheet in ["Instructions", "Questions"] {
        let range = book.worksheet_range(sheet).expect("the sheet");
        for cell in range.used_cells() {
            text.push_str(&cell.2.to_string());
            text.push('\n');
        }
    }
    text
}

/// A workbook filled in the same way whatever its language: `na` is the N/A choice.
fn filled_alike(workbook: &Path, na: &'static str, returned: &Path) {
    let filled = fill(
        &fs::read(workbook).expect("the workbook"),
        &[
            level("ctx-01", Typed::Number(3.0)),
            note("ctx-01", "Seulement le projet pilote"),
            level("ctx-02", Typed::Text("4")),
            level("ax-03", Typed::Text(na)),
        ],
    );
    fs::write(returned, filled).expect("write");
}

#[test]
fn a_french_workbook_is_french_and_merges_like_an_english_one() {
    let env = Env::new();
    let file = env.assessment(&["Dana"]);
    let file = file.to_str().expect("utf-8");
    env.ok(&["--lang", "fr", "homework", file, "--out", "fr"]);
    env.ok(&["homework", file, "--out", "en"]);
    let fr = env.path("fr/acme-homework-dana.xlsx");
    let text = visible_text(&fr);
    let french = Questionnaire::builtin(aims_readiness::locale::Lang::Fr).expect("French");
    for words in [
        "votre travail préparatoire",
        "Votre nom",
        "Marche à suivre",
        "Votre niveau (choisir dans la liste)",
        "S.\u{a0}O. – sans objet",
        "2 – Géré",
        french.question("ctx-01").expect("ctx-01").text.as_str(),
    ] {
        assert!(text.contains(words), "{words:?} missing from:\n{text}");
    }
    let english = aims_readiness::locale::english_words_in(&text);
    assert!(english.is_empty(), "{english:?}");
    assert!(visible_text(&env.path("en/acme-homework-dana.xlsx")).contains("Your name"));

    // Filled in alike, the French and the English workbook merge alike.
    filled_alike(&fr, "S.\u{a0}O.", &env.path("dana-fr.xlsx"));
    filled_alike(
        &env.path("en/acme-homework-dana.xlsx"),
        "N/A",
        &env.path("dana-en.xlsx"),
    );
    env.ok(&["merge", "dana-fr.xlsx", "--out", "w-fr.json"]);
    env.ok(&["merge", "dana-en.xlsx", "--out", "w-en.json"]);
    let (mut w_fr, mut w_en) = (read(&env.path("w-fr.json")), read(&env.path("w-en.json")));
    assert_eq!(w_fr.participants, ["Dana"]);
    // The same but for the time of each merge.
    for answer in w_fr.answers.values_mut().chain(w_en.answers.values_mut()) {
        answer.updated = None;
    }
    assert_eq!(w_fr.answers, w_en.answers);
    let ax = w_fr.answer("ax-03").expect("ax-03");
    assert_eq!(ax.votes["Dana"], Vote::NotApplicable(NaMarker::Na));
    assert_eq!(
        w_fr.answer("ctx-02").expect("ctx-02").votes["Dana"],
        Vote::Level(4)
    );
}

#[test]
fn refusals_are_in_french_with_lang_fr() {
    let env = Env::new();
    let (dana, _) = dana_filled(&env);
    let bad = fill(
        &fs::read(&dana).expect("the workbook"),
        &[level("ctx-02", Typed::Text("6"))],
    );
    fs::write(env.path("bad.xlsx"), bad).expect("write");
    let e = env.refused(&["--lang", "fr", "merge", "bad.xlsx", "--out", "w.json"]);
    let at = cell(col::LEVEL, row_of("ctx-02"));
    for words in [
        format!("feuille Questions, cellule {at}"),
        "«\u{a0}6\u{a0}» n'est pas un niveau\u{a0}: inscrivez un chiffre de 1 à 5".to_string(),
    ] {
        assert!(e.contains(&words), "{words:?} missing from {e}");
    }
    let english = aims_readiness::locale::english_words_in(&e);
    assert!(english.is_empty(), "{english:?} in {e}");

    fs::write(env.path("forms.csv"), "Who;ctx-01\nDana;3\n").expect("write");
    let e = env.refused(&["--lang", "fr", "merge", "forms.csv", "--out", "w.json"]);
    assert!(
        e.contains(
            "n'a pas de colonne nommée «\u{a0}Nom\u{a0}», «\u{a0}Name\u{a0}», «\u{a0}Courriel\u{a0}» ou «\u{a0}Email\u{a0}»"
        ),
        "{e}"
    );
    assert!(
        aims_readiness::locale::english_words_in(&e).is_empty(),
        "{e}"
    );
}

#[test]
fn an_assessment_that_does_not_fit_says_why_in_french() {
    let env = Env::new();
    let file = env.assessment(&["Dana"]);
    let mut a = read(&file);
    a.answer_mut("ctx-01").na = true;
    fs::write(&file, store::to_json(&a)).expect("write");
    let out = env.run(&["--lang", "fr", "score", "acme.json"]);
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{e}");
    assert!(
        e.contains(
            "answers.ctx-01.na\u{a0}: la question «\u{a0}ctx-01\u{a0}» ne peut pas recevoir la réponse S.\u{a0}O."
        ),
        "{e}"
    );
    assert!(
        aims_readiness::locale::english_words_in(&e).is_empty(),
        "{e}"
    );
    let out = env.run(&["score", "acme.json"]);
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.contains("answers.ctx-01.na: question \"ctx-01\" cannot be answered N/A"),
        "{e}"
    );
}
