//! The binary's edge: parse arguments, load the knowledge base, run the filter, the `backtrace`
//! filter or the cargo wrapper, and map the outcome to an exit code. All behaviour lives in the
//! library.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use cargo_async_explain::cli::{BACKTRACE_COMMAND, BacktraceCli, Cli, ColorArg, FormatArg};
use cargo_async_explain::config::{Config, OpenMode};
use cargo_async_explain::input::cargo::{CargoChild, message_format, runs_program, workspace_root};
use cargo_async_explain::input::live::LiveInput;
use cargo_async_explain::kb::{Kb, KbError, LazyKb};
use cargo_async_explain::pipeline::{self, Options, Outcome, Output};
use cargo_async_explain::render::{Emitter, Human, Short, Style};
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
    if cli.list || cli.explain.is_some() {
        return browse(&cli, &load_now(&config)?);
    }
    // The shipped entries are checked by the tests, so they load lazily: a clean build or an
    // empty input never parses them. A project's own entries are checked before anything runs.
    let kb = if config.kb_dirs.is_empty() {
        LazyKb::new(Kb::embedded)
    } else {
        LazyKb::ready(load_now(&config)?)
    };
    let options = Options {
        full_backtraces: cli.full,
        bare_frames: false,
    };
    if let Some(command) = &cli.command {
        if command == BACKTRACE_COMMAND {
            return backtrace(&kb, &config, &cli);
        }
        if cli.input.is_some() {
            anyhow::bail!(
                "--input reads a file instead of running cargo: it cannot be used with `{command}`"
            );
        }
        return wrap(&kb, &mut config, &cli, command, options);
    }
    if cli.demo {
        // A demonstration, not a check: the errors it shows are the point, so it exits 0.
        filter(&kb, &config, DEMO_RECORDING, "the demo recording", options)?;
        return Ok(ExitCode::SUCCESS);
    }
    match &cli.input {
        Some(path) => {
            let file =
                File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
            filter(&kb, &config, file, &path.display().to_string(), options)
        }
        None => {
            if io::stdin().is_terminal() {
                anyhow::bail!(
                    "no input: pipe compiler JSON in (`cargo check --message-format=json | cargo async-explain`), \
                     name a cargo command (`cargo async-explain check`), or try `cargo async-explain --demo`"
                );
            }
            filter_stdin(&kb, &config, options)
        }
    }
}

/// Loads the knowledge base now, reporting every problem (file:line:column) at once.
fn load_now(config: &Config) -> Result<Kb> {
    config.load_kb().map_err(|errors| {
        report_kb_errors(&errors);
        anyhow::anyhow!("the knowledge base has {} problem(s)", errors.len())
    })
}

fn report_kb_errors(errors: &[KbError]) {
    let mut stderr = io::stderr().lock();
    for e in errors {
        let _ = writeln!(stderr, "error: {e}");
    }
}

/// When the lazily loaded knowledge base failed, reports why: the stream passed everything
/// through unexplained, and the run is a tool failure.
fn kb_failure(kb: &LazyKb) -> Option<ExitCode> {
    let errors = kb.errors()?;
    report_kb_errors(errors);
    Some(ExitCode::from(TOOL_FAILURE))
}

/// `--list` and `--explain`.
fn browse(cli: &Cli, kb: &Kb) -> Result<ExitCode> {
    if cli.list {
        print(&catalogue::list(kb))?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(query) = &cli.explain {
        let found = catalogue::lookup(kb, query);
        if found.is_empty() {
            let _ = io::stderr().write_all(catalogue::unknown(kb, query).as_bytes());
            return Ok(ExitCode::from(TOOL_FAILURE));
        }
        let text: Vec<String> = found.into_iter().map(catalogue::explain).collect();
        print(&text.join("\n"))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `cargo async-explain backtrace`: the filter on a log, frames without a header included.
fn backtrace(kb: &LazyKb, config: &Config, cli: &Cli) -> Result<ExitCode> {
    let args = std::iter::once(OsString::from("backtrace")).chain(cli.cargo_args.iter().cloned());
    let own = BacktraceCli::parse_from(args);
    let options = Options {
        full_backtraces: cli.full || own.full,
        bare_frames: true,
    };
    match own.input.as_ref().or(cli.input.as_ref()) {
        Some(path) => {
            let file =
                File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
            filter(kb, config, file, &path.display().to_string(), options)
        }
        None => {
            if io::stdin().is_terminal() {
                anyhow::bail!(
                    "no input: pipe a program's output in (`RUST_BACKTRACE=1 ./app 2>&1 | cargo async-explain backtrace`) \
                     or name a file (`cargo async-explain backtrace --input crash.log`)"
                );
            }
            filter_stdin(kb, config, options)
        }
    }
}

/// Filter mode: 0 ok, 1 errors seen, 2 tool failure.
fn filter(
    kb: &LazyKb,
    config: &Config,
    input: impl Read,
    name: &str,
    options: Options,
) -> Result<ExitCode> {
    let mut outputs = outputs(config)?;
    let outcome = pipeline::run_with(kb, &mut outputs, input, name, &mut io::stderr(), options)?;
    Ok(kb_failure(kb).unwrap_or_else(|| filter_status(&outcome)))
}

/// The filter on standard input, read live: a program piped in may pause after a panic.
fn filter_stdin(kb: &LazyKb, config: &Config, options: Options) -> Result<ExitCode> {
    let mut outputs = outputs(config)?;
    let input = LiveInput::spawn(io::stdin());
    let outcome = pipeline::run_live(
        kb,
        &mut outputs,
        input,
        "<stdin>",
        &mut io::stderr(),
        options,
    )?;
    Ok(kb_failure(kb).unwrap_or_else(|| filter_status(&outcome)))
}

fn filter_status(outcome: &Outcome) -> ExitCode {
    if outcome.output_closed {
        return ExitCode::SUCCESS;
    }
    let failed = outcome.summary.errors > 0 || outcome.summary.build_failed;
    ExitCode::from(u8::from(failed))
}

/// Wrapper mode: cargo's own exit status. For commands that run a program, its stderr (where
/// panics go) is read too, explained, and written to our stderr as it comes.
fn wrap(
    kb: &LazyKb,
    config: &mut Config,
    cli: &Cli,
    command: &str,
    options: Options,
) -> Result<ExitCode> {
    let args = &cli.cargo_args;
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
    let stderr_style = Style {
        color: stderr_color(cli.color),
        ..config.style
    };
    let mut child = if runs_program(command) {
        CargoChild::spawn_piped(command, &format.cargo, &format.args, stderr_style.color)?
    } else {
        CargoChild::spawn(command, &format.cargo, &format.args)?
    };
    let stdout = child
        .take_stdout()
        .context("cargo's stdout was not captured")?;
    let stderr = child.take_stderr();
    let stderr_format = config.format;
    let (result, stderr_result) = std::thread::scope(|scope| {
        let program_stderr = stderr.map(|stderr| {
            scope.spawn(move || {
                let emitter: Box<dyn Emitter> = match stderr_format {
                    FormatArg::Short => Box::new(Short),
                    // The program's own output stays readable text on stderr in every format.
                    _ => Box::new(Human::new(stderr_style)),
                };
                // Unlocked: the main thread writes notes to stderr as well.
                let mut outputs = [Output::primary(emitter, Box::new(io::stderr()))];
                pipeline::run_live(
                    kb,
                    &mut outputs,
                    LiveInput::spawn(stderr),
                    "the program's stderr",
                    &mut io::stderr(),
                    options,
                )
            })
        });
        let result = pipeline::run_live(
            kb,
            &mut outputs,
            LiveInput::spawn(stdout),
            "cargo's output",
            &mut io::stderr(),
            options,
        );
        let stderr_result = program_stderr.map(|handle| handle.join());
        (result, stderr_result)
    });
    let code = child.wait().context("cannot wait for cargo")?;
    result?;
    match stderr_result {
        Some(Ok(outcome)) => {
            outcome?;
        }
        Some(Err(_)) => anyhow::bail!("reading the program's stderr failed"),
        None => {}
    }
    // Cargo's status stands; a knowledge base that failed to load is still reported.
    let _ = kb_failure(kb);
    Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
}

/// Whether our stderr gets colour (the program's output and panics explained on it).
fn stderr_color(color: ColorArg) -> bool {
    match color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
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
