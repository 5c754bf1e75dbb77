//! The output people read, over every fixture: how many lines an explanation adds under rustc's
//! message by default (the median must stay at most 12; the figures are generated into
//! `docs/output.md`), that the first fix is whole in the concise form and every fix is there with
//! `--verbose`, that every shipped entry has a `brief` that fits three lines at the fixture width,
//! that the knowledge base's comparison with rustc's own help (`[rustc]`, for maintainers) reaches
//! no output of any format, and that `--help` lists its examples one per line.
//!
//! Regenerate the figures with `UPDATE_DOCS=1 cargo test --test output`.

mod common;

use std::cell::RefCell;
use std::fmt::Write as _;
use std::path::Path;
use std::rc::Rc;

use cargo_async_explain::catalogue;
use cargo_async_explain::cli::FormatArg;
use cargo_async_explain::config::{Ci, Config, ReportKind};
use cargo_async_explain::kb::{Captures, Kb};
use cargo_async_explain::pipeline::{self, Output};
use cargo_async_explain::render::{Emitter, Event, Human, PanicEvent, Style, strip_ansi};
use common::{WIDTH, bin, fixtures, kb, repo};

/// The median of lines added per explained diagnostic that the default output must not exceed.
const MEDIAN_LIMIT: f64 = 12.0;
/// Lines the brief why may take at the fixture width.
const BRIEF_LINES: usize = 3;

fn style(verbose: bool) -> Style {
    Style {
        color: false,
        width: WIDTH,
        verbose,
    }
}

/// A fix as the tests compare it.
#[derive(Debug, Clone)]
struct Fix {
    title: String,
    code: Option<String>,
    /// The edit's replacement, when the fix is an edit of a span rustc gave.
    edit: Option<String>,
}

/// One explained diagnostic (or panic): what the human output adds under it, concise and full.
#[derive(Debug)]
struct Explained {
    fixture: String,
    ids: Vec<String>,
    panic: bool,
    concise: String,
    full: String,
    fixes: Vec<Vec<Fix>>,
}

impl Explained {
    fn lines(&self, verbose: bool) -> usize {
        let text = if verbose { &self.full } else { &self.concise };
        text.lines().count()
    }
}

/// An emitter that renders each explained diagnostic in both forms and keeps what was added.
struct Recorder {
    fixture: String,
    concise: Human,
    full: Human,
    found: Rc<RefCell<Vec<Explained>>>,
}

fn added(rendered: Option<&str>, with_it: &[u8]) -> String {
    let all = String::from_utf8_lossy(with_it).into_owned();
    let mut base = strip_ansi(rendered.unwrap_or("")).into_owned();
    if !base.ends_with('\n') {
        base.push('\n');
    }
    all.strip_prefix(base.as_str())
        .expect("the explanation comes after rustc's text")
        .to_owned()
}

impl Emitter for Recorder {
    fn wants_rendered(&self) -> bool {
        true
    }

    fn event(&mut self, event: &Event<'_>, _out: &mut Vec<u8>) {
        let Event::Diagnostic(d) = event else {
            return;
        };
        if d.explanations.is_empty() {
            return;
        }
        let (mut concise, mut full) = (Vec::new(), Vec::new());
        self.concise.event(event, &mut concise);
        self.full.event(event, &mut full);
        let fixes = d
            .explanations
            .iter()
            .map(|e| {
                e.fixes
                    .iter()
                    .map(|f| Fix {
                        title: f.title.clone(),
                        code: f.code.clone(),
                        edit: f
                            .replacement
                            .clone()
                            .filter(|_| f.span.is_some_and(|s| !s.text.is_empty())),
                    })
                    .collect()
            })
            .collect();
        self.found.borrow_mut().push(Explained {
            fixture: self.fixture.clone(),
            ids: d.explanations.iter().map(|e| e.id.to_owned()).collect(),
            panic: false,
            concise: added(d.rendered, &concise),
            full: added(d.rendered, &full),
            fixes,
        });
    }

    fn panic(&mut self, event: &PanicEvent<'_>, _out: &mut Vec<u8>) {
        if event.explanations.is_empty() {
            return;
        }
        let (mut concise, mut full) = (Vec::new(), Vec::new());
        self.concise.panic(event, &mut concise);
        self.full.panic(event, &mut full);
        self.found.borrow_mut().push(Explained {
            fixture: self.fixture.clone(),
            ids: event.explanations.iter().map(|e| e.id.to_owned()).collect(),
            panic: true,
            concise: String::from_utf8(concise).unwrap(),
            full: String::from_utf8(full).unwrap(),
            fixes: Vec::new(),
        });
    }
}

/// Every explained diagnostic and panic of every fixture.
fn explained(kb: &Kb) -> Vec<Explained> {
    let found = Rc::new(RefCell::new(Vec::new()));
    for fixture in fixtures() {
        let recorder = Recorder {
            fixture: fixture.name.clone(),
            concise: Human::new(style(false)),
            full: Human::new(style(true)),
            found: Rc::clone(&found),
        };
        let mut outputs = [Output::primary(
            Box::new(recorder),
            Box::new(std::io::sink()),
        )];
        pipeline::run_with(
            kb,
            &mut outputs,
            fixture.recorded.as_slice(),
            "test input",
            &mut std::io::sink(),
            common::fixture_options(),
        )
        .unwrap();
    }
    Rc::try_unwrap(found).unwrap().into_inner()
}

fn median(sorted: &[usize]) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return 0.0;
    }
    if n % 2 == 1 {
        sorted[n / 2] as f64
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0
    }
}

fn percentile(sorted: &[usize], p: usize) -> usize {
    sorted[((sorted.len() - 1) * p).div_ceil(100)]
}

/// The generated part of `docs/output.md`.
fn figures(all: &[Explained]) -> String {
    let diagnostics: Vec<&Explained> = all.iter().filter(|e| !e.panic).collect();
    let panics: Vec<&Explained> = all.iter().filter(|e| e.panic).collect();
    let sorted = |items: &[&Explained], verbose: bool| {
        let mut v: Vec<usize> = items.iter().map(|e| e.lines(verbose)).collect();
        v.sort_unstable();
        v
    };
    let (concise, full) = (sorted(&diagnostics, false), sorted(&diagnostics, true));
    let (panic_concise, panic_full) = (sorted(&panics, false), sorted(&panics, true));
    let fixtures: std::collections::BTreeSet<&str> =
        diagnostics.iter().map(|e| e.fixture.as_str()).collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Lines the `human` format adds under rustc's message, per explained diagnostic, over the \
         {} explained diagnostics of the {} fixtures that have one (width {WIDTH}, the blank line \
         after each explanation included):\n",
        diagnostics.len(),
        fixtures.len()
    );
    out.push_str("| lines added | default (concise) | `--verbose` |\n| --- | --- | --- |\n");
    let row = |name: &str, f: &dyn Fn(&[usize]) -> String| {
        format!("| {name} | {} | {} |\n", f(&concise), f(&full))
    };
    out.push_str(&row("median", &|v| format!("{}", median(v))));
    out.push_str(&row("mean", &|v| {
        format!("{:.1}", v.iter().sum::<usize>() as f64 / v.len() as f64)
    }));
    out.push_str(&row("90th percentile", &|v| percentile(v, 90).to_string()));
    out.push_str(&row("fewest", &|v| v[0].to_string()));
    out.push_str(&row("most", &|v| v[v.len() - 1].to_string()));
    let _ = writeln!(
        out,
        "\nThe {} explained panics of the fixtures that run a program add a median of {} lines \
         (`--verbose`: {}), the place in your code the panic came from included.",
        panics.len(),
        median(&panic_concise),
        median(&panic_full)
    );
    out.push_str(
        "\nBy entry (median over its explained diagnostics, default and `--verbose`):\n\n",
    );
    out.push_str("| entry | diagnostics | default | `--verbose` |\n| --- | --- | --- | --- |\n");
    let mut by_entry: std::collections::BTreeMap<&str, Vec<&Explained>> = Default::default();
    for e in &diagnostics {
        by_entry.entry(e.ids[0].as_str()).or_default().push(e);
    }
    for (id, items) in by_entry {
        let _ = writeln!(
            out,
            "| `{id}` | {} | {} | {} |",
            items.len(),
            median(&sorted(&items, false)),
            median(&sorted(&items, true))
        );
    }
    out
}

const BEGIN: &str =
    "<!-- BEGIN generated by tests/output.rs: UPDATE_DOCS=1 cargo test --test output -->";
const END: &str = "<!-- END generated -->";

#[test]
fn concise_explanations_add_at_most_twelve_lines_at_the_median() {
    let kb = kb();
    let all = explained(&kb);
    let mut lines: Vec<usize> = all
        .iter()
        .filter(|e| !e.panic)
        .map(|e| e.lines(false))
        .collect();
    lines.sort_unstable();
    assert!(lines.len() > 100, "the fixtures explain {}", lines.len());

    let path = repo().join("docs/output.md");
    let doc = std::fs::read_to_string(&path).expect("docs/output.md exists");
    let (head, rest) = doc
        .split_once(BEGIN)
        .expect("docs/output.md has the BEGIN marker");
    let (_, tail) = rest
        .split_once(END)
        .expect("docs/output.md has the END marker");
    let fresh = format!("{head}{BEGIN}\n{}{END}{tail}", figures(&all));
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    } else {
        assert!(
            doc == fresh,
            "docs/output.md is stale: run `UPDATE_DOCS=1 cargo test --test output`"
        );
    }
    let median = median(&lines);
    assert!(
        median <= MEDIAN_LIMIT,
        "the default output adds a median of {median} lines per explained diagnostic (at most {MEDIAN_LIMIT})"
    );
}

#[test]
fn the_first_fix_is_whole_by_default_and_every_fix_is_there_with_verbose() {
    let kb = kb();
    let mut checked = 0;
    // Only the first explanation by an entry in an output says what more there is.
    let mut seen = std::collections::HashSet::new();
    for e in explained(&kb).iter().filter(|e| !e.panic) {
        let what = format!("{} ({})", e.fixture, e.ids.join(", "));
        let first_time = seen.insert((e.fixture.clone(), e.ids[0].clone()));
        for fixes in &e.fixes {
            let Some(first) = fixes.first() else { continue };
            checked += 1;
            assert!(
                e.concise.contains(&first.title),
                "{what}: the first fix's title is missing:\n{}",
                e.concise
            );
            match (&first.edit, &first.code) {
                // A patch: removed and added lines (`7 - …`, `7 + …`, `7 ~ …`), or an insertion
                // marked under its line (`  |      ++++`).
                (Some(_), _) => assert!(
                    e.concise.lines().any(|l| {
                        let l = l.trim_start();
                        let digits = l.chars().take_while(char::is_ascii_digit).count();
                        let marked = l[digits..].trim_start();
                        (digits > 0 && matches!(marked.chars().next(), Some('+' | '-' | '~')))
                            || (marked.starts_with('|')
                                && marked[1..].trim().chars().all(|c| c == '+')
                                && marked.contains('+'))
                    }),
                    "{what}: the first fix's edit is not drawn:\n{}",
                    e.concise
                ),
                (None, Some(code)) => {
                    for line in code.lines().filter(|l| !l.trim().is_empty()) {
                        assert!(
                            e.concise.contains(line.trim()),
                            "{what}: the first fix's code line `{line}` is missing:\n{}",
                            e.concise
                        );
                    }
                }
                (None, None) => {}
            }
            for fix in fixes {
                assert!(
                    e.full.contains(&fix.title),
                    "{what}: `--verbose` lacks the fix `{}`:\n{}",
                    fix.title,
                    e.full
                );
                for line in fix.code.iter().flat_map(|c| c.lines()) {
                    assert!(
                        e.full.contains(line.trim()),
                        "{what}: `--verbose` lacks the code line `{line}`"
                    );
                }
            }
            if fixes.len() > 1 && first_time {
                assert!(
                    e.concise.contains(&format!("+{} fix", fixes.len() - 1)),
                    "{what}: the concise form does not say that more fixes exist:\n{}",
                    e.concise
                );
            }
        }
    }
    assert!(checked > 100, "only {checked} explanations had fixes");
}

#[test]
fn every_entry_has_a_brief_that_fits_three_lines_at_the_fixture_width() {
    let kb = kb();
    let missing: Vec<&str> = kb
        .entries()
        .iter()
        .filter(|e| e.brief.is_none())
        .map(|e| e.id.as_str())
        .collect();
    assert!(missing.is_empty(), "entries without `brief`: {missing:?}");
    let mut seen = std::collections::BTreeSet::new();
    for e in explained(&kb) {
        let lines: Vec<&str> = e.concise.lines().collect();
        let start = lines
            .iter()
            .position(|l| l.trim_start().starts_with("= why: "))
            .unwrap_or_else(|| panic!("{}: no why:\n{}", e.fixture, e.concise));
        let indent = lines[start].find("why: ").unwrap() + "why: ".len();
        let taken = 1 + lines[start + 1..]
            .iter()
            .take_while(|l| l.len() > indent && l[..indent].trim().is_empty())
            .count();
        assert!(
            taken <= BRIEF_LINES,
            "{} ({}): the brief takes {taken} lines:\n{}",
            e.fixture,
            e.ids[0],
            e.concise
        );
        seen.insert(e.ids[0].clone());
    }
    let unseen: Vec<&str> = kb
        .entries()
        .iter()
        .map(|e| e.id.as_str())
        .filter(|id| !seen.contains(*id))
        .collect();
    assert!(unseen.is_empty(), "entries no fixture shows: {unseen:?}");
}

/// The literal text of an entry's `[rustc]` note: its longest run between placeholders.
fn rustc_note_text(kb: &Kb) -> Vec<(String, String)> {
    let mut notes = Vec::new();
    for entry in kb.entries() {
        let Some(rustc) = &entry.rustc else { continue };
        let sentinel: Captures = entry
            .known_placeholders()
            .into_iter()
            .map(|name| (name, "\u{0}".to_owned()))
            .collect();
        let filled = rustc.note.fill(&sentinel, &Captures::new()).into_owned();
        let longest = filled
            .split('\u{0}')
            .map(str::trim)
            .max_by_key(|s| s.len())
            .unwrap_or_default()
            .to_owned();
        assert!(
            longest.len() >= 20,
            "{}: the `[rustc]` note has no literal text of 20 bytes to look for: {filled:?}",
            entry.id
        );
        notes.push((entry.id.clone(), longest));
    }
    assert!(
        notes.len() > 30,
        "only {} entries have a `[rustc]` note",
        notes.len()
    );
    notes
}

/// Every string of a JSON document (or of each JSON line), unescaped, else the text itself.
fn readable(output: &str) -> String {
    fn strings(value: &serde_json::Value, out: &mut String) {
        match value {
            serde_json::Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    if let Ok(doc) = serde_json::from_str::<serde_json::Value>(output) {
        strings(&doc, &mut out);
        return out;
    }
    for line in output.lines() {
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(value) => strings(&value, &mut out),
            Err(_) => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

fn ci_config(format: FormatArg, verbose: bool) -> Config {
    let mut config = Config {
        format,
        style: style(verbose),
        kb_dirs: Vec::new(),
        ci: Ci {
            command_line: "cargo-async-explain".into(),
            ..Ci::default()
        },
    };
    config.set_workspace_root(Path::new("/fixtures"));
    config
}

/// Every format's output of `input`: the main formats and the step summary beside `human`.
fn every_output(kb: &Kb, input: &[u8], verbose: bool) -> Vec<(String, String)> {
    let mut outputs = Vec::new();
    for format in [
        FormatArg::Human,
        FormatArg::Short,
        FormatArg::Json,
        FormatArg::Github,
        FormatArg::Sarif,
        FormatArg::Gitlab,
    ] {
        let config = ci_config(format, verbose);
        let (mut main, mut summary) = (Vec::new(), Vec::new());
        {
            let mut streams = [
                Output::primary(config.emitter(), Box::new(&mut main)),
                Output::report(
                    config.report_emitter(ReportKind::StepSummary),
                    Box::new(&mut summary),
                ),
            ];
            pipeline::run(kb, &mut streams, input, "test input", &mut std::io::sink()).unwrap();
        }
        outputs.push((
            format!("{format:?}"),
            readable(&String::from_utf8_lossy(&main)),
        ));
        if format == FormatArg::Human {
            outputs.push((
                "step summary".to_owned(),
                String::from_utf8_lossy(&summary).into_owned(),
            ));
        }
    }
    outputs
}

#[test]
fn no_rustc_comparison_reaches_any_output() {
    let kb = kb();
    let notes = rustc_note_text(&kb);
    // The comparison is kept for maintainers: the generated index has every note, which also
    // shows that the text looked for is really the note's.
    let index = std::fs::read_to_string(repo().join("docs/knowledge-base.md")).unwrap();
    for (id, note) in &notes {
        assert!(
            index.contains(note.as_str()),
            "{id}: the index lacks its note {note:?}"
        );
    }
    let mut leaks = Vec::new();
    for fixture in fixtures() {
        for verbose in [false, true] {
            for (format, text) in every_output(&kb, &fixture.recorded, verbose) {
                for (id, note) in &notes {
                    if text.contains(note.as_str()) {
                        leaks.push(format!(
                            "{} {format}{}: {id}: {note:?}",
                            fixture.name,
                            if verbose { " --verbose" } else { "" }
                        ));
                    }
                }
            }
        }
    }
    for entry in kb.entries() {
        let text = catalogue::explain(entry);
        for (id, note) in &notes {
            if text.contains(note.as_str()) {
                leaks.push(format!("--explain {}: {id}: {note:?}", entry.id));
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "`[rustc]` notes in output:\n{}",
        leaks.join("\n")
    );
}

#[test]
fn help_lists_its_examples_one_per_line() {
    let out = bin().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).unwrap();
    let examples = [
        "Wrap cargo:   cargo async-explain check --workspace",
        "Lint:         cargo async-explain lint",
        "Filter JSON:  cargo build --message-format=json | cargo async-explain",
        "Try it:       cargo async-explain --demo",
    ];
    for example in examples {
        assert!(
            help.lines().any(|l| l.trim_end() == example),
            "`--help` does not have the line {example:?}:\n{help}"
        );
    }
    assert!(
        help.contains("-v, --verbose"),
        "`--help` lists `-v, --verbose`:\n{help}"
    );
}
