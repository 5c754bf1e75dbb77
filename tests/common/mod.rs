//! Helpers shared by the integration tests: the fixtures on disk and running the pipeline on them.
#![allow(dead_code)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output as ProcessOutput, Stdio};

use cargo_async_explain::cli::FormatArg;
use cargo_async_explain::kb::Kb;
use cargo_async_explain::pipeline;
use cargo_async_explain::replay::Replay;

/// Layout width every snapshot is rendered at.
pub const WIDTH: usize = 100;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture: its folder, recording and the ids `fixture.toml` expects.
pub struct Fixture {
    pub name: String,
    pub dir: PathBuf,
    pub recorded: Vec<u8>,
    pub expect: Vec<String>,
}

/// Every fixture folder (one with a `fixture.toml`), sorted.
pub fn fixture_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(repo().join("fixtures"))
        .expect("fixtures/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("fixture.toml").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// Every recorded fixture, sorted by name (`every_fixture_has_a_recording` catches the others).
pub fn fixtures() -> Vec<Fixture> {
    let mut found: Vec<Fixture> = fixture_dirs()
        .iter()
        .filter(|dir| dir.join("recorded.json").is_file())
        .map(|dir| load_fixture(dir))
        .collect();
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

fn load_fixture(dir: &Path) -> Fixture {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let meta: toml::Table = std::fs::read_to_string(dir.join("fixture.toml"))
        .unwrap()
        .parse()
        .unwrap_or_else(|e| panic!("{name}/fixture.toml: {e}"));
    let expect = meta
        .get("expect")
        .and_then(|v| v.as_array())
        .unwrap_or_else(|| panic!("{name}/fixture.toml has no `expect` array"))
        .iter()
        .map(|v| v.as_str().expect("expect holds strings").to_owned())
        .collect();
    let recorded = std::fs::read(dir.join("recorded.json"))
        .unwrap_or_else(|e| panic!("{name}/recorded.json: {e} (run `cargo xtask record {name}`)"));
    Fixture {
        name,
        dir: dir.to_owned(),
        recorded,
        expect,
    }
}

pub fn kb() -> Kb {
    Kb::embedded().unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the knowledge base does not load:\n{}", list.join("\n"))
    })
}

/// Runs the pipeline on `input` in `format`, colour off, fixed width, reading the user's code
/// from `fixtures/` (where the recordings' relative file names point); returns (stdout, notes).
pub fn run(kb: &Kb, format: FormatArg, input: &[u8]) -> (Vec<u8>, String) {
    run_with(kb, format, input, fixture_options())
}

/// The stream options of a fixture replay: the user's code is under `fixtures/`.
pub fn fixture_options() -> pipeline::Options {
    pipeline::Options {
        source_root: Some(repo().join("fixtures")),
        ..Default::default()
    }
}

/// [`run`] with stream options (for example `--full`: backtraces not folded).
pub fn run_with(
    kb: &Kb,
    format: FormatArg,
    input: &[u8],
    options: pipeline::Options,
) -> (Vec<u8>, String) {
    run_styled(kb, format, input, options, false)
}

/// [`run_with`], with every part of each explanation shown when `verbose` (`--verbose`).
pub fn run_styled(
    kb: &Kb,
    format: FormatArg,
    input: &[u8],
    options: pipeline::Options,
    verbose: bool,
) -> (Vec<u8>, String) {
    Replay {
        width: WIDTH,
        verbose,
        options,
    }
    .run(kb, format, input, "test input")
    .expect("the stream runs")
}

pub fn run_text(kb: &Kb, format: FormatArg, input: &[u8]) -> String {
    String::from_utf8(run(kb, format, input).0).expect("output is UTF-8 for UTF-8 input")
}

/// [`run_text`] with `--verbose`: every part of each explanation.
pub fn run_verbose(kb: &Kb, format: FormatArg, input: &[u8]) -> String {
    let out = run_styled(kb, format, input, fixture_options(), true).0;
    String::from_utf8(out).expect("output is UTF-8 for UTF-8 input")
}

/// The ids that explained something (`async-explain::<id>` in the short output), sorted, unique.
pub fn fired_ids(kb: &Kb, input: &[u8]) -> Vec<String> {
    let short = run_text(kb, FormatArg::Short, input);
    let mut ids: Vec<String> = short
        .match_indices("[async-explain::")
        .map(|(i, m)| {
            let rest = &short[i + m.len()..];
            rest[..rest.find(':').unwrap()].to_owned()
        })
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The binary, run from the repository: colour off, no GitHub step summary, no `RUST_BACKTRACE`
/// from the caller, the repository's own `.async-explain/` ignored.
pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cargo-async-explain"));
    cmd.env_remove("CARGO_TERM_COLOR")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("RUST_BACKTRACE")
        .env("NO_COLOR", "1")
        .arg("--no-workspace-kb")
        .current_dir(repo());
    cmd
}

/// Runs the binary with `args` and `input` on its standard input.
pub fn bin_with_input(args: &[&str], input: &[u8]) -> ProcessOutput {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}
