//! The binary's edge: parse arguments, load the knowledge base, run the filter or the cargo
//! wrapper, and map the outcome to an exit code. All behaviour lives in the library.

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser};

use cargo_async_explain::cli::Cli;
use cargo_async_explain::config::Config;
use cargo_async_explain::input::cargo::{CargoChild, message_format};
use cargo_async_explain::kb::Kb;
use cargo_async_explain::lint::{self, args::LintCli};
use cargo_async_explain::pipeline::{self, Output};
use cargo_async_explain::{DEMO_RECORDING, catalogue};

/// Exit code when the tool itself fails.
const TOOL_FAILURE: u8 = 2;

fn main() -> ExitCode {
    match real_main() {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: {e:#}");
            ExitCode::from(TOOL_FAILURE)
        }
    }
}

fn real_main() -> Result<ExitCode> {
    let mut args: Vec<OsString> = std::env::args_os().collect();
    // `cargo async-explain …` runs us as `cargo-async-explain async-explain …`.
    if args.get(1).is_some_and(|a| a == "async-explain") {
        args.remove(1);
    }
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        // `lint --help` is the lint's own help, not the tool's.
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp && asks_lint_help(&args) => {
            let _ = LintCli::command().print_help();
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => e.exit(),
    };
    let mut config = Config::from_env(&cli);
    let kb = match config.load_kb() {
        Ok(kb) => kb,
        Err(errors) => {
            let mut stderr = io::stderr().lock();
            for e in &errors {
                let _ = writeln!(stderr, "error: {e}");
            }
            anyhow::bail!("the knowledge base has {} problem(s)", errors.len());
        }
    };

    if cli.list {
        print(&catalogue::list(&kb))?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(query) = &cli.explain {
        let found = catalogue::lookup(&kb, query);
        if found.is_empty() {
            let _ = io::stderr().write_all(catalogue::unknown(&kb, query).as_bytes());
            return Ok(ExitCode::from(TOOL_FAILURE));
        }
        let text: Vec<String> = found.into_iter().map(catalogue::explain).collect();
        print(&text.join("\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(command) = &cli.command {
        if command == "lint" {
            return lint_only(&kb, &config, &cli.cargo_args);
        }
        let lint = !cli.no_lint && matches!(command.as_str(), "check" | "build" | "clippy");
        return wrap(&kb, &mut config, command, &cli.cargo_args, lint);
    }
    if cli.demo {
        // A demonstration, not a check: the errors it shows are the point, so it exits 0.
        filter(&kb, &config, DEMO_RECORDING, "the demo recording")?;
        return Ok(ExitCode::SUCCESS);
    }
    match &cli.input {
        Some(path) => {
            let file =
                File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
            filter(&kb, &config, file, &path.display().to_string())
        }
        None => {
            let stdin = io::stdin();
            if stdin.is_terminal() {
                anyhow::bail!(
                    "no input: pipe compiler JSON in (`cargo check --message-format=json | cargo async-explain`), \
                     name a cargo command (`cargo async-explain check`), or try `cargo async-explain --demo`"
                );
            }
            filter(&kb, &config, stdin.lock(), "<stdin>")
        }
    }
}

/// Filter mode: 0 ok, 1 errors seen, 2 tool failure.
fn filter(kb: &Kb, config: &Config, input: impl Read, name: &str) -> Result<ExitCode> {
    let mut outputs = outputs(config)?;
    let outcome = pipeline::run(kb, &mut outputs, input, name, &mut io::stderr())?;
    if outcome.output_closed {
        return Ok(ExitCode::SUCCESS);
    }
    let failed = outcome.summary.errors > 0 || outcome.summary.build_failed;
    Ok(ExitCode::from(u8::from(failed)))
}

/// Wrapper mode: cargo's own exit status. After `check`, `build` and `clippy` the blocking-call
/// lint runs too (in a thread, while cargo works) and its findings follow cargo's messages.
fn wrap(
    kb: &Kb,
    config: &mut Config,
    command: &str,
    args: &[OsString],
    lint: bool,
) -> Result<ExitCode> {
    let format = message_format(args, config.style.color);
    if let Some(requested) = &format.requested {
        config.follow_cargo_format(requested);
    }
    let selection = lint::args::selection_from_cargo_args(&format.args);
    let cargo_args = if command == "clippy" {
        let manifests = lint::clippy::manifests(&selection);
        let configured = lint::clippy::configured_lints(
            &format.args,
            &lint::clippy::rustflags_from_env(),
            &manifests,
        );
        lint::clippy::with_async_lints(&format.args, &configured)
    } else {
        format.args.clone()
    };
    let render = lint::Render {
        deny: false,
        color: format.cargo == "json-diagnostic-rendered-ansi",
        width: config.style.width,
    };
    let linter = lint.then(|| {
        let options = lint::Options { selection, render };
        std::thread::spawn(move || lint::run(&options))
    });
    let mut child = CargoChild::spawn(command, &format.cargo, &cargo_args)?;
    let stdout = child
        .take_stdout()
        .context("cargo's stdout was not captured")?;
    let mut outputs = outputs(config)?;
    let then = move || match linter.map(|l| l.join()) {
        Some(Ok(Ok(report))) => {
            lint_problems(&report);
            report.json
        }
        Some(Ok(Err(e))) => {
            let _ = writeln!(
                io::stderr(),
                "warning: the blocking-call lint did not run: {e}"
            );
            Vec::new()
        }
        Some(Err(_)) => {
            let _ = writeln!(io::stderr(), "warning: the blocking-call lint failed");
            Vec::new()
        }
        None => Vec::new(),
    };
    let result = pipeline::run(
        kb,
        &mut outputs,
        lint::ThenRead::new(stdout, then),
        "cargo's output",
        &mut io::stderr(),
    );
    let code = child.wait().context("cannot wait for cargo")?;
    result?;
    Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
}

/// `cargo async-explain lint`: 0 without error-level findings, 1 with them (`--deny`), 2 when the
/// lint could not run.
fn lint_only(kb: &Kb, config: &Config, args: &[OsString]) -> Result<ExitCode> {
    let cli = match LintCli::parse_args(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return Ok(ExitCode::from(if e.use_stderr() {
                TOOL_FAILURE
            } else {
                0
            }));
        }
    };
    let options = lint::Options {
        selection: cli.selection(),
        render: lint::Render {
            deny: cli.deny,
            color: config.style.color,
            width: config.style.width,
        },
    };
    let report = lint::run(&options)?;
    lint_problems(&report);
    filter(kb, config, report.json.as_slice(), "the lint's findings")
}

/// True for `… lint … --help` (or `-h`).
fn asks_lint_help(args: &[OsString]) -> bool {
    let lint = args.iter().position(|a| a == "lint");
    let help = args.iter().position(|a| a == "--help" || a == "-h");
    matches!((lint, help), (Some(l), Some(h)) if l < h)
}

/// Files the lint could not read or parse, as warnings (the compiler says more about them).
fn lint_problems(report: &lint::Report) {
    let mut stderr = io::stderr().lock();
    for problem in &report.problems {
        let _ = writeln!(stderr, "warning: async-explain lint: {problem}");
    }
}

/// Where the stream goes: the chosen format on stdout.
fn outputs(config: &Config) -> Result<Vec<Output<'static>>> {
    Ok(vec![Output::primary(
        config.emitter(),
        Box::new(io::stdout().lock()),
    )])
}

fn print(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
