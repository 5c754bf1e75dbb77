//! `cargo xtask coverage`: how much of the open coverage corpus (`coverage/`) the knowledge base
//! explains.
//!
//! This file owns reading the corpus (each case's `//!` header and its recording), replaying
//! every recording through the library exactly as the fixture tests do, counting per family the
//! async-relevant diagnostics, those explained, and those explained by a specific (non-family)
//! entry; the controls explained (which must be none); and whether anything was lost (every
//! input line comes out, unexplained lines byte-identical in `json`, unexplained diagnostics
//! printed as rustc rendered them in `human`). It also writes the Markdown report committed as
//! `docs/coverage.md`, whose figures are given three times: for the whole corpus, for the
//! held-out batch alone (the packages named `holdout-*`, written after the knowledge base was tuned
//! on the rest) and for the second held-out batch alone (`holdout2-*`, written while it was being
//! tuned again on everything else, and never used to tune it). `tests/coverage.rs` includes this
//! same file, so the test and the command cannot disagree. It uses only std, serde_json and the
//! library.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use cargo_async_explain::cli::FormatArg;
use cargo_async_explain::kb::Kb;
use cargo_async_explain::replay::{Replay, attached_ids};

/// The families of async errors, in report order (`coverage/README.md` defines each).
pub const FAMILIES: [&str; 13] = [
    "future-as-value",
    "future-not-send",
    "future-not-static",
    "future-not-unpin",
    "async-trait-not-dyn",
    "closure-future-borrows",
    "distinct-future-types",
    "await-outside-async",
    "async-recursion",
    "runtime-setup",
    "async-trait-other",
    "stream-and-ext-traits",
    "other-async",
];

/// The family of the non-async control cases.
pub const CONTROL: &str = "control";

/// The name prefix of the held-out packages: cases written after the knowledge base was tuned on
/// the rest of the corpus (`coverage/SOURCES.md`, "Held-out batch").
pub const HOLDOUT_PREFIX: &str = "holdout-";

/// The name prefix of the second held-out batch: cases written while the knowledge base was being
/// tuned again on the rest of the corpus (the first held-out batch included), never used to tune
/// it (`coverage/SOURCES.md`, "Second held-out batch"). It does not start with [`HOLDOUT_PREFIX`].
pub const SECOND_HOLDOUT_PREFIX: &str = "holdout2-";

/// Which part of the corpus a case belongs to, by its package's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Batch {
    /// The cases the knowledge base may be tuned on.
    Tuned,
    /// The first held-out batch (`holdout-*`).
    HeldOut,
    /// The second held-out batch (`holdout2-*`).
    SecondHeldOut,
}

impl Batch {
    pub fn of(package: &str) -> Batch {
        if package.starts_with(SECOND_HOLDOUT_PREFIX) {
            Batch::SecondHeldOut
        } else if package.starts_with(HOLDOUT_PREFIX) {
            Batch::HeldOut
        } else {
            Batch::Tuned
        }
    }
}

/// The layout width the corpus is replayed at (the fixtures' snapshot width).
const WIDTH: usize = 100;

/// One case of the corpus: `coverage/<package>/src/bin/<name>.rs` and its recording.
pub struct Case {
    pub package: String,
    pub name: String,
    pub family: String,
    pub what: String,
    /// `//! counts: warnings`: the case's mistake shows up as warnings, so they count.
    pub counts_warnings: bool,
    pub recording: Vec<u8>,
}

impl Case {
    pub fn id(&self) -> String {
        format!("{}/{}", self.package, self.name)
    }

    /// The part of the corpus the case belongs to: tuned on, first or second held-out batch.
    pub fn batch(&self) -> Batch {
        Batch::of(&self.package)
    }
}

/// Every case under `coverage_dir`, sorted by package and name. A case without a recording,
/// or whose header lacks a known family or a `what`, is an error.
pub fn load(coverage_dir: &Path) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    let mut packages: Vec<_> = read_dir(coverage_dir)?
        .into_iter()
        .filter(|p| p.join("Cargo.toml").is_file())
        .collect();
    packages.sort();
    for package_dir in packages {
        let package = file_name(&package_dir);
        let mut sources: Vec<_> = read_dir(&package_dir.join("src").join("bin"))?
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .collect();
        sources.sort();
        for source in sources {
            let name = source.file_stem().unwrap().to_string_lossy().into_owned();
            let text =
                fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
            let header = Header::parse(&text)
                .map_err(|e| format!("coverage/{package}/src/bin/{name}.rs: {e}"))?;
            let recorded = package_dir.join("recorded").join(format!("{name}.json"));
            let recording = fs::read(&recorded).map_err(|e| {
                format!(
                    "{}: {e} (run `cargo xtask record-coverage {package}`)",
                    recorded.display()
                )
            })?;
            cases.push(Case {
                package: package.clone(),
                name,
                family: header.family,
                what: header.what,
                counts_warnings: header.counts_warnings,
                recording,
            });
        }
    }
    Ok(cases)
}

fn read_dir(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(entries.filter_map(Result::ok).map(|e| e.path()).collect())
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// The metadata a case file opens with.
struct Header {
    family: String,
    what: String,
    counts_warnings: bool,
}

impl Header {
    fn parse(text: &str) -> Result<Header, String> {
        let (mut family, mut what, mut counts_warnings) = (None, None, false);
        for line in text.lines().take_while(|l| l.starts_with("//!")) {
            let line = line.trim_start_matches("//!").trim();
            let Some((key, value)) = line.split_once(':') else {
                return Err(format!("header line `{line}` is not `key: value`"));
            };
            let value = value.trim();
            match key.trim() {
                "family" => family = Some(value.to_owned()),
                "what" => what = Some(value.to_owned()),
                "learned from" => {}
                "counts" if value == "warnings" => counts_warnings = true,
                other => return Err(format!("unknown header key `{other}`")),
            }
        }
        let family = family.ok_or("no `//! family:` line")?;
        if family != CONTROL && !FAMILIES.contains(&family.as_str()) {
            return Err(format!("unknown family `{family}`"));
        }
        if family == CONTROL && counts_warnings {
            return Err("a control counts its errors only".into());
        }
        Ok(Header {
            family,
            what: what.ok_or("no `//! what:` line")?,
            counts_warnings,
        })
    }
}

/// Counts for one family (or for the controls).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Figures {
    pub cases: usize,
    /// Counted diagnostics: errors, and warnings in `counts: warnings` cases.
    pub diagnostics: usize,
    /// Counted diagnostics with an explanation (or a reference to one) attached.
    pub explained: usize,
    /// Those among them with an explanation by an entry that is not a family explanation.
    pub specific: usize,
}

impl Figures {
    fn add(&mut self, other: Figures) {
        self.cases += other.cases;
        self.diagnostics += other.diagnostics;
        self.explained += other.explained;
        self.specific += other.specific;
    }
}

/// A counted async diagnostic nothing explained.
pub struct Gap {
    pub case: String,
    /// The part of the corpus the case belongs to.
    pub batch: Batch,
    pub what: String,
    pub code: String,
    pub message: String,
}

/// Figures per family and for the controls, over some set of cases.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Per family, in [`FAMILIES`] order.
    pub families: Vec<(&'static str, Figures)>,
    pub controls: Figures,
}

impl Tally {
    fn new() -> Tally {
        Tally {
            families: FAMILIES.iter().map(|f| (*f, Figures::default())).collect(),
            controls: Figures::default(),
        }
    }

    fn add(&mut self, family: &str, figures: Figures) {
        if family == CONTROL {
            self.controls.add(figures);
        } else if let Some((_, f)) = self.families.iter_mut().find(|(f, _)| *f == family) {
            f.add(figures);
        }
    }

    /// The figures of every async family together.
    pub fn async_total(&self) -> Figures {
        let mut total = Figures::default();
        for (_, f) in &self.families {
            total.add(*f);
        }
        total
    }
}

/// What replaying the whole corpus showed.
#[derive(Default)]
pub struct Report {
    /// The whole corpus.
    pub all: Tally,
    /// The held-out batch alone (`holdout-*` packages).
    pub held_out: Tally,
    /// The second held-out batch alone (`holdout2-*` packages).
    pub second_held_out: Tally,
    /// Every input line of every recording.
    pub lines: usize,
    /// Input lines nothing explained, all written back byte for byte in `json`.
    pub unexplained_lines: usize,
    /// Where something was lost or changed that must not be (empty when nothing was).
    pub lost: Vec<String>,
    /// Controls that got an explanation (must stay empty).
    pub explained_controls: Vec<String>,
    /// Cases with no diagnostic to count (a corpus defect).
    pub empty_cases: Vec<String>,
    pub gaps: Vec<Gap>,
}

/// Replays every case through `kb` in the `json` and `human` formats and counts; the cases'
/// source files are read from `source_root` (the `coverage/` workspace), as the tool reads a
/// user's files when it wraps cargo.
pub fn measure(kb: &Kb, cases: &[Case], source_root: &Path) -> Report {
    let general: HashMap<&str, bool> = kb
        .entries()
        .iter()
        .map(|e| (e.id.as_str(), e.general))
        .collect();
    let replay = Replay {
        width: WIDTH,
        verbose: false,
        options: cargo_async_explain::pipeline::Options {
            source_root: Some(source_root.to_owned()),
            ..Default::default()
        },
    };
    let mut report = Report {
        all: Tally::new(),
        held_out: Tally::new(),
        second_held_out: Tally::new(),
        ..Report::default()
    };
    for case in cases {
        let id = case.id();
        let run = |format| match replay.run(kb, format, &case.recording, &id) {
            Ok((out, _notes)) => out,
            Err(e) => panic!("{id}: the stream failed: {e}"),
        };
        let json = run(FormatArg::Json);
        let human = String::from_utf8_lossy(&run(FormatArg::Human)).into_owned();
        let input: Vec<&[u8]> = lines(&case.recording);
        let output: Vec<&[u8]> = lines(&json);
        if input.len() != output.len() {
            report.lost.push(format!(
                "{id}: {} lines in, {} out in json",
                input.len(),
                output.len()
            ));
        }
        let mut figures = Figures {
            cases: 1,
            ..Figures::default()
        };
        let mut human_at = 0;
        for (number, (line, out)) in input.iter().zip(&output).enumerate() {
            report.lines += 1;
            let ids = attached_ids(out);
            let message: serde_json::Value = serde_json::from_slice(line).unwrap_or_default();
            let diagnostic = &message["message"];
            if ids.is_empty() {
                report.unexplained_lines += 1;
                if line != out {
                    report.lost.push(format!(
                        "{id}:{}: unexplained line changed in json",
                        number + 1
                    ));
                }
                // In `human`, an unexplained diagnostic is rustc's rendering, verbatim, in order.
                if let Some(rendered) = diagnostic["rendered"].as_str() {
                    match human[human_at..].find(rendered) {
                        Some(at) => human_at += at + rendered.len(),
                        None => report.lost.push(format!(
                            "{id}:{}: rustc's rendering is not printed verbatim in human",
                            number + 1
                        )),
                    }
                }
            } else {
                let enriched: serde_json::Value = serde_json::from_slice(out).unwrap_or_default();
                if enriched["message"]["message"] != diagnostic["message"] {
                    report.lost.push(format!(
                        "{id}:{}: explained line lost its message",
                        number + 1
                    ));
                }
            }
            if !counted(diagnostic, case.counts_warnings) {
                continue;
            }
            figures.diagnostics += 1;
            if ids.is_empty() {
                if case.family != CONTROL {
                    report.gaps.push(Gap {
                        case: id.clone(),
                        batch: case.batch(),
                        what: case.what.clone(),
                        code: diagnostic["code"]["code"].as_str().unwrap_or("").to_owned(),
                        message: diagnostic["message"]
                            .as_str()
                            .unwrap_or("")
                            .lines()
                            .next()
                            .unwrap_or("")
                            .to_owned(),
                    });
                }
                continue;
            }
            figures.explained += 1;
            if ids.iter().any(|i| general.get(i.as_str()) == Some(&false)) {
                figures.specific += 1;
            }
            if case.family == CONTROL {
                report.explained_controls.push(format!(
                    "{id}:{} explained by {}",
                    number + 1,
                    ids.join(", ")
                ));
            }
        }
        if figures.diagnostics == 0 {
            report.empty_cases.push(id.clone());
        }
        report.all.add(&case.family, figures);
        match case.batch() {
            Batch::HeldOut => report.held_out.add(&case.family, figures),
            Batch::SecondHeldOut => report.second_held_out.add(&case.family, figures),
            Batch::Tuned => {}
        }
    }
    report
}

/// The lines of a recording or an output, without their terminators.
fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    bytes
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .collect()
}

/// An error-level diagnostic (or, where warnings count, a warning) that is not one of rustc's
/// closing summaries ("aborting due to 2 previous errors", "1 warning emitted").
fn counted(diagnostic: &serde_json::Value, warnings_count: bool) -> bool {
    let level = diagnostic["level"].as_str().unwrap_or("");
    let message = diagnostic["message"].as_str().unwrap_or("");
    let summary = message.starts_with("aborting due to")
        || (message.ends_with(" emitted")
            && diagnostic["spans"].as_array().is_some_and(Vec::is_empty));
    !summary && (level == "error" || (warnings_count && level == "warning"))
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "–".into()
    } else {
        format!("{:.0} %", part as f64 * 100.0 / whole as f64)
    }
}

/// The Markdown report (`docs/coverage.md`): figures per family and the controls, for the whole
/// corpus and for each held-out batch alone; whether anything was lost; the unexplained async
/// errors (held-out ones marked with their batch); and `sources` (the list of studied sources)
/// verbatim.
pub fn markdown(report: &Report, sources: &str) -> String {
    let mut md = String::new();
    md.push_str(
        "# Coverage of the open corpus\n\n\
         Generated by `cargo xtask coverage` (refresh this file with `UPDATE_DOCS=1 cargo test --test coverage`);\n\
         do not edit by hand. The corpus is `coverage/` (see `coverage/README.md`): async mistakes\n\
         written here from what users report, none of them a fixture, plus non-async controls with\n\
         the same error codes. Each case is recorded from the installed rustc by\n\
         `cargo xtask record-coverage` and replayed through the knowledge base as the fixture\n\
         tests replay theirs. It is a measure, not a target: no entry is written against a case.\n\n\
         A diagnostic counts when it is an error (or, in a case marked `counts: warnings`, a\n\
         warning); it is *explained* when an explanation, or a reference to one (\"follows from\",\n\
         \"same as above\"), is attached to it; *specific* when one of its explanations comes from\n\
         an entry that is not a family explanation.\n\n",
    );
    md.push_str("## Figures\n\n### The whole corpus\n\n");
    tally_markdown(&mut md, &report.all);
    let _ = write!(
        md,
        "Nothing lost: {} input lines replayed; {} came out unexplained, byte for byte in `json` and \
         as rustc rendered them in `human`; {}.\n\n",
        report.lines,
        report.unexplained_lines,
        if report.lost.is_empty() {
            "no line lost or changed".to_owned()
        } else {
            format!(
                "**{} problems** (see `cargo xtask coverage`)",
                report.lost.len()
            )
        }
    );
    md.push_str(
        "### The held-out batch\n\n\
         The packages named `holdout-*`: cases written after the knowledge base had been tuned on\n\
         the rest of the corpus (whose list of unexplained errors guided which situations it covers),\n\
         from sources not studied before, without reading the knowledge base or running the tool on\n\
         them. The knowledge base has since been tuned again on the whole corpus, these packages\n\
         included, so their figures no longer measure errors nobody tuned for: the second held-out\n\
         batch below does.\n\n",
    );
    tally_markdown(&mut md, &report.held_out);
    md.push_str(
        "### The second held-out batch\n\n\
         The packages named `holdout2-*`: cases written in December 2026, while the knowledge base was\n\
         being tuned again on everything else in the corpus (the first held-out batch included), from\n\
         issue threads and rustc UI tests not studied for the rest of the corpus, by someone who read\n\
         neither the knowledge base nor the fixtures (of the list of unexplained errors, only its first\n\
         rows were seen, by accident) and who ran the tool on them only once they were recorded. They\n\
         are never used to tune it, so these figures measure errors nobody tuned for.\n\n",
    );
    tally_markdown(&mut md, &report.second_held_out);
    let in_batch = |batch| report.gaps.iter().filter(|g| g.batch == batch).count();
    let _ = writeln!(
        md,
        "## Unexplained async errors ({}, {} in the held-out batch, {} in the second)\n",
        report.gaps.len(),
        in_batch(Batch::HeldOut),
        in_batch(Batch::SecondHeldOut)
    );
    if report.gaps.is_empty() {
        md.push_str("None.\n");
    } else {
        md.push_str(
            "| case | held out | code | message | the mistake |\n\
             | --- | --- | --- | --- | --- |\n",
        );
        for gap in &report.gaps {
            let _ = writeln!(
                md,
                "| `{}` | {} | {} | {} | {} |",
                gap.case,
                match gap.batch {
                    Batch::Tuned => "",
                    Batch::HeldOut => "first",
                    Batch::SecondHeldOut => "second",
                },
                gap.code,
                gap.message.replace('|', "\\|"),
                gap.what.replace('|', "\\|")
            );
        }
    }
    md.push_str("\n## Sources studied\n\n");
    md.push_str(sources.trim_end());
    md.push('\n');
    md
}

/// One set's figures: a row per family, the async total, and a line for the controls.
fn tally_markdown(md: &mut String, tally: &Tally) {
    md.push_str(
        "| family | cases | async errors | explained | | by a specific entry | |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    let row = |md: &mut String, name: &str, f: &Figures| {
        let _ = writeln!(
            md,
            "| {name} | {} | {} | {} | {} | {} | {} |",
            f.cases,
            f.diagnostics,
            f.explained,
            percent(f.explained, f.diagnostics),
            f.specific,
            percent(f.specific, f.diagnostics)
        );
    };
    for (family, figures) in &tally.families {
        row(md, family, figures);
    }
    row(md, "**all async**", &tally.async_total());
    let c = &tally.controls;
    let _ = write!(
        md,
        "\nControls: {} cases, {} errors, **{} explained** (must be 0).\n\n",
        c.cases, c.diagnostics, c.explained
    );
}

/// The problems that make the corpus or the tool wrong, one line each (empty when none).
pub fn problems(report: &Report) -> Vec<String> {
    let mut problems = Vec::new();
    problems.extend(report.lost.iter().map(|l| format!("lost: {l}")));
    problems.extend(
        report
            .explained_controls
            .iter()
            .map(|c| format!("control explained: {c}")),
    );
    problems.extend(
        report
            .empty_cases
            .iter()
            .map(|c| format!("case without a counted diagnostic: {c}")),
    );
    problems
}
