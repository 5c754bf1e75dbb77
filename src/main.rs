//! The binary's edge: parse arguments, load the knowledge base, run the filter or the cargo
//! wrapper, and map the outcome to an exit code. All behaviour lives in the library.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use cargo_async_explain::cli::Cli;
use cargo_async_explain::config::{Config, OpenMode};
use cargo_async_explain::input::cargo::{CargoChild, message_format, workspace_root};
use cargo_async_explain::kb::Kb;
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
    let cli = Cli::parse_from(args);
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
        return wrap(&kb, &mut config, command, &cli.cargo_args);
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

/// Wrapper mode: cargo's own exit status.
fn wrap(kb: &Kb, config: &mut Config, command: &str, args: &[OsString]) -> Result<ExitCode> {
    let format = message_format(args, config.style.color);
    if let Some(requested) = &format.requested {
        config.follow_cargo_format(requested);
    }
    if config.ci.workspace_root.is_none()
        && config.names_files()
        && let Some(root) = workspace_root(&format.args)
    {
        config.set_workspace_root(&root);
    }
    // Reports are opened before cargo starts, so a path that cannot be written stops us early.
    let mut outputs = outputs(config)?;
    let mut child = CargoChild::spawn(command, &format.cargo, &format.args)?;
    let stdout = child
        .take_stdout()
        .context("cargo's stdout was not captured")?;
    let result = pipeline::run(
        kb,
        &mut outputs,
        stdout,
        "cargo's output",
        &mut io::stderr(),
    );
    let code = child.wait().context("cannot wait for cargo")?;
    result?;
    Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
}

/// Where the stream goes: the chosen format on stdout, and each report to its file.
fn outputs(config: &Config) -> Result<Vec<Output<'static>>> {
    let mut outputs = vec![Output::primary(
        config.emitter(),
        Box::new(io::stdout().lock()),
    )];
    for report in config.reports() {
        let file = match report.open {
            OpenMode::Create => File::create(&report.path),
            OpenMode::Append => OpenOptions::new()
                .append(true)
                .create(true)
                .open(&report.path),
        }
        .with_context(|| format!("cannot write {}", report.path.display()))?;
        outputs.push(Output::report(
            config.report_emitter(report.kind),
            Box::new(file),
        ));
    }
    Ok(outputs)
}

fn print(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
