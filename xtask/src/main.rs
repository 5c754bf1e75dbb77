//! `cargo xtask`: developer tasks for cargo-async-explain.
//!
//! This file owns the command line: argument parsing, usage text and exit
//! codes. The work itself lives in one module per task (`record.rs` records
//! the compiler output of the fixture crates under `fixtures/`, with
//! `program.rs` for fixtures that run their program; `record_coverage.rs`
//! records the coverage corpus under `coverage/` and `coverage.rs` measures
//! what the knowledge base explains of it; `links.rs` checks the knowledge
//! base's documentation links; `lint_bench.rs` times the blocking-call lint
//! against baselines; `fix_rate.rs` measures `cargo async-explain fix` on the
//! fixtures and the coverage corpus).

mod coverage;
mod fix_rate;
mod links;
mod lint_bench;
mod program;
mod record;
mod record_coverage;

use std::process::ExitCode;

const USAGE: &str = "\
cargo xtask: developer tasks for cargo-async-explain

USAGE:
    cargo xtask record [--check] [CASE...]
    cargo xtask record-coverage [--check] [PACKAGE...]
    cargo xtask coverage
    cargo xtask links
    cargo xtask lint-bench [--runs N] MANIFEST...
    cargo xtask fix-rate [--write] [--require-builds CASE]... [CASE...]

COMMANDS:
    record    Run `cargo check --message-format=json -p CASE` (or `cargo clippy`,
              `cargo run` or `cargo test` as fixture.toml's `command` says) for
              each fixture under fixtures/ (all of them when no CASE is named),
              append the blocking-call lint's findings when it says
              `lint = true`, normalise the output and write it to
              fixtures/CASE/recorded.json. For run and test, the program's
              stdout and stderr are recorded too, with fixture.toml's `env`
              (e.g. RUST_BACKTRACE) set.

    record-coverage
              Record the coverage corpus: for each package under coverage/ (all
              of them when none is named) run `cargo check --message-format=json
              --keep-going -p PACKAGE --bins`, group the compiler messages by
              case (bin target), normalise them like the fixtures and write
              coverage/PACKAGE/recorded/CASE.json. With --check, compare
              instead and exit 1 on drift.

    coverage  Replay every coverage recording through the knowledge base and
              print the report committed as docs/coverage.md (per family: async
              errors, explained, explained by a specific entry; the controls
              explained; nothing lost; the unexplained async errors). Exit 1 if
              a control is explained or a line was lost.

    links     Check that every https link in knowledge-base/*.toml resolves
              (needs the network; not run in CI).

    lint-bench
              Time the blocking-call lint on each workspace (all members and
              targets) against reading its source files and parsing each with
              syn::parse_file, in the same run (build with --release:
              `cargo run --release -p xtask -- lint-bench …`).

    fix-rate  Copy the fixtures (and coverage/, when it exists) to
              target/fix-rate/, and on each case (a fixture, or
              coverage/PACKAGE/BIN) apply each explained diagnostic's edits
              alone, then run `cargo async-explain fix`; print how many
              explained diagnostics have an edit, how many `fix` removes,
              how often the first fix shown works, and which crates build
              afterwards. --write puts the tables into docs/fixes.md;
              --require-builds CASE fails when CASE does not build after
              `fix`. Fails when `fix` left a case with a new error.

OPTIONS (record):
    --check   Record into memory only and compare with the committed
              recorded.json files; exit 1 if any fixture drifted or has no
              recording.
    -h, --help
              Print this help.

See fixtures/README.md for the fixture layout and the normalisation applied.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("record") => run_record(&args[1..]),
        Some("record-coverage") => run_record_coverage(&args[1..]),
        Some("coverage") => run_coverage(&args[1..]),
        Some("lint-bench") => run_lint_bench(&args[1..]),
        Some("fix-rate") => run_fix_rate(&args[1..]),
        Some("links") => {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
            match links::run(&root) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::FAILURE,
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::from(2)
                }
            }
        }
        None | Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => usage_error(&format!("unknown command `{other}`")),
    }
}

fn run_record(args: &[String]) -> ExitCode {
    let mut options = record::Options::default();
    for arg in args {
        match arg.as_str() {
            "--check" => options.check = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with('-') => {
                return usage_error(&format!("unknown option `{flag}`"));
            }
            case => options.cases.push(case.to_string()),
        }
    }
    match record::run(&options) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run_record_coverage(args: &[String]) -> ExitCode {
    let mut options = record_coverage::Options::default();
    for arg in args {
        match arg.as_str() {
            "--check" => options.check = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with('-') => {
                return usage_error(&format!("unknown option `{flag}`"));
            }
            package => options.packages.push(package.to_string()),
        }
    }
    match record_coverage::run(&options) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run_coverage(args: &[String]) -> ExitCode {
    if let Some(arg) = args.first() {
        return usage_error(&format!("`coverage` takes no argument, found `{arg}`"));
    }
    let result = record_coverage::coverage_dir().and_then(|dir| {
        let cases = coverage::load(&dir).map_err(anyhow::Error::msg)?;
        let sources = std::fs::read_to_string(dir.join("SOURCES.md"))?;
        let kb = cargo_async_explain::kb::Kb::embedded().map_err(|errors| {
            let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
            anyhow::anyhow!("the knowledge base does not load:\n{}", list.join("\n"))
        })?;
        let report = coverage::measure(&kb, &cases, &dir);
        print!("{}", coverage::markdown(&report, &sources));
        Ok(coverage::problems(&report))
    });
    match result {
        Ok(problems) if problems.is_empty() => ExitCode::SUCCESS,
        Ok(problems) => {
            for p in problems {
                eprintln!("error: {p}");
            }
            ExitCode::FAILURE
        }
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run_lint_bench(args: &[String]) -> ExitCode {
    let mut options = lint_bench::Options {
        runs: 5,
        manifests: Vec::new(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => options.runs = n,
                None => return usage_error("--runs needs a number"),
            },
            flag if flag.starts_with('-') => {
                return usage_error(&format!("unknown option `{flag}`"));
            }
            path => options.manifests.push(path.into()),
        }
    }
    if options.manifests.is_empty() {
        return usage_error("lint-bench needs at least one Cargo.toml");
    }
    match lint_bench::run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run_fix_rate(args: &[String]) -> ExitCode {
    let mut options = fix_rate::Options::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--write" => options.write = true,
            "--require-builds" => match args.next() {
                Some(case) => options.require_builds.push(case.clone()),
                None => return usage_error("--require-builds needs a case"),
            },
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            flag if flag.starts_with('-') => {
                return usage_error(&format!("unknown option `{flag}`"));
            }
            case => options.cases.push(case.to_string()),
        }
    }
    match fix_rate::run(&options) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}\n\n{USAGE}");
    ExitCode::from(2)
}
