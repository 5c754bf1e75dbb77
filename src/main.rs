//! The binary's edge: parse arguments, load the knowledge base, run the filter, the `backtrace`
//! filter, `lint`, `fix` or the cargo wrapper, and map the outcome to an exit code. All behaviour
//! lives in the library.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser};

use cargo_async_explain::cli::{BACKTRACE_COMMAND, BacktraceCli, Cli, ColorArg, FormatArg};
use cargo_async_explain::config::{Config, OpenMode};
use cargo_async_explain::fix::{
    self,
    args::{FixArgs, FixCli, HelpRequest},
};
use cargo_async_explain::input::cargo::{
    CargoChild, MessageFormat, message_format, runs_program, workspace_root,
};
use cargo_async_explain::input::live::LiveInput;
use cargo_async_explain::kb::{Kb, KbError, LazyKb};
use cargo_async_explain::lint::{self, args::LintCli};
use cargo_async_explain::pipeline::{self, Options, Outcome, Output};
use cargo_async_explain::render::{Emitter, Human, Short, Style};
use cargo_async_explain::{DEMO_RECORDING, DEMO_SOURCE, catalogue};

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
        // `fix --help` is fix's own help, not the tool's.
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp && asks_help_of(&args, "fix") => {
            let mut command = FixCli::command();
            let _ = if args.iter().any(|a| a == "--help") {
                command.print_long_help()
            } else {
                command.print_help()
            };
            return Ok(ExitCode::SUCCESS);
        }
        // `lint --help` is the lint's own help, not the tool's.
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp && asks_lint_help(&args) => {
            let mut command = LintCli::command();
            let _ = if args.iter().any(|a| a == "--help") {
                command.print_long_help()
            } else {
                command.print_help()
            };
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => e.exit(),
    };
    let mut config = Config::from_env(&cli);
    if cli.list || cli.explain.is_some() {
        return browse(&cli, &load_now(&config)?);
    }
    // The shipped entries are checked by the tests, so they load lazily: a clean build or an
    // empty input never parses them. A project's own entries are checked before anything runs.
    // (Leaked: it lives as long as the process, and the wrapper warms it on a thread of its own.)
    let kb: &'static LazyKb = Box::leak(Box::new(if config.kb_dirs.is_empty() {
        LazyKb::new(Kb::embedded)
    } else {
        LazyKb::ready(load_now(&config)?)
    }));
    let options = Options {
        full_backtraces: cli.full,
        bare_frames: false,
        source_root: cli.workspace_root.clone(),
        ..Options::default()
    };
    if let Some(command) = &cli.command {
        if command == BACKTRACE_COMMAND {
            return backtrace(kb, &config, &cli);
        }
        if cli.input.is_some() {
            anyhow::bail!(
                "--input reads a file instead of running cargo: it cannot be used with `{command}`"
            );
        }
        if command == "lint" {
            return lint_only(kb, &config, &cli.cargo_args, options);
        }
        if command == "fix" {
            return fix_command(kb, &mut config, &cli, options);
        }
        let lint = !cli.no_lint && matches!(command.as_str(), "check" | "build" | "clippy");
        return wrap(kb, &mut config, &cli, command, options, lint);
    }
    if cli.demo {
        // A demonstration, not a check: the errors it shows are the point, so it exits 0.
        let options = Options {
            files: &[DEMO_SOURCE],
            ..options
        };
        filter(kb, &config, DEMO_RECORDING, "the demo recording", options)?;
        return Ok(ExitCode::SUCCESS);
    }
    match &cli.input {
        Some(path) => {
            let file =
                File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
            filter(kb, &config, file, &path.display().to_string(), options)
        }
        None => {
            if io::stdin().is_terminal() {
                anyhow::bail!(
                    "no input: pipe compiler JSON in (`cargo check --message-format=json | cargo async-explain`), \
                     name a cargo command (`cargo async-explain check`), or try `cargo async-explain --demo`"
                );
            }
            filter_stdin(kb, &config, options)
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
        source_root: cli.workspace_root.clone(),
        ..Options::default()
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

/// The filter on standard input, read live: a program piped in may pause after a panic. A
/// regular file redirected in (`< log.json`) cannot pause and is read directly.
fn filter_stdin(kb: &LazyKb, config: &Config, options: Options) -> Result<ExitCode> {
    if let Some(file) = stdin_file() {
        return filter(kb, config, file, "<stdin>", options);
    }
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

/// Standard input as a file, when it is a regular one.
#[cfg(unix)]
fn stdin_file() -> Option<File> {
    use std::os::fd::AsFd;
    let file = File::from(io::stdin().as_fd().try_clone_to_owned().ok()?);
    file.metadata().ok()?.is_file().then_some(file)
}

#[cfg(not(unix))]
fn stdin_file() -> Option<File> {
    None
}

fn filter_status(outcome: &Outcome) -> ExitCode {
    if outcome.output_closed {
        return ExitCode::SUCCESS;
    }
    let failed = outcome.summary.errors > 0 || outcome.summary.build_failed;
    ExitCode::from(u8::from(failed))
}

/// Wrapper mode: cargo's own exit status. For commands that run a program, its stderr (where
/// panics go) is read too, explained, and written to our stderr as it comes. After `check`,
/// `build` and `clippy` the blocking-call lint runs too (in a thread, while cargo works) and its
/// findings follow cargo's messages.
fn wrap(
    kb: &'static LazyKb,
    config: &mut Config,
    cli: &Cli,
    command: &str,
    options: Options,
    lint: bool,
) -> Result<ExitCode> {
    // Cargo takes a while before its first message: load the knowledge base meanwhile.
    kb.warm();
    let args = &cli.cargo_args;
    let format = cargo_format(config, args);
    let cargo_args = if command == "clippy" {
        let selection = lint::args::selection_from_cargo_args(&format.args);
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
    // The lint runs beside cargo (it needs only the sources) and speaks after it, on the units
    // cargo reports having checked.
    let linter = lint.then(|| lint::wrapped::Beside::start(&format.args, render));
    let then = move |tap: &mut lint::Tap<_>| {
        let Some(linter) = linter else {
            return Vec::new();
        };
        let outcome = linter.finish(tap.reported());
        if let Some(e) = outcome.error {
            let _ = writeln!(
                io::stderr(),
                "warning: the blocking-call lint did not run: {e}"
            );
        }
        outcome.report.map_or_else(Vec::new, |report| {
            lint_problems(&report);
            report.json
        })
    };
    // Reports are opened before cargo starts, so a path that cannot be written stops us early.
    let mut outputs = outputs(config)?;
    let stderr_style = Style {
        color: stderr_color(cli.color),
        ..config.style
    };
    let mut child = if runs_program(command) {
        CargoChild::spawn_piped(command, &format.cargo, &cargo_args, stderr_style.color)?
    } else {
        CargoChild::spawn(command, &format.cargo, &cargo_args)?
    };
    let stdout = child
        .take_stdout()
        .context("cargo's stdout was not captured")?;
    let stderr = child.take_stderr();
    let stderr_format = config.format;
    let stderr_options = options.clone();
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
                    stderr_options,
                )
            })
        });
        let result = pipeline::run_live(
            kb,
            &mut outputs,
            LiveInput::spawn(lint::ThenRead::new(lint::Tap::new(stdout), then)),
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

/// `cargo async-explain lint`: 0 without error-level findings, 1 with them (`--deny`), 2 when the
/// lint could not run.
fn lint_only(
    kb: &LazyKb,
    config: &Config,
    args: &[OsString],
    options: Options,
) -> Result<ExitCode> {
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
    let lint_options = lint::Options {
        selection: cli.selection(),
        render: lint::Render {
            deny: cli.deny,
            color: config.style.color,
            width: config.style.width,
        },
    };
    let report = lint::run_incremental(&lint_options)?;
    lint_problems(&report);
    filter(
        kb,
        config,
        report.json.as_slice(),
        "the lint's findings",
        options,
    )
}

/// The JSON format cargo is asked for, in place of the user's `--message-format`; the output
/// follows the format the user asked of cargo, and names files from cargo's workspace root
/// unless `--workspace-root` gave one.
fn cargo_format(config: &mut Config, args: &[OsString]) -> MessageFormat {
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
    format
}

/// True for `… lint … --help` (or `-h`).
fn asks_lint_help(args: &[OsString]) -> bool {
    asks_help_of(args, "lint")
}

/// True for `… COMMAND … --help` (or `-h`).
fn asks_help_of(args: &[OsString], command: &str) -> bool {
    let named = args.iter().position(|a| a == command);
    let help = args.iter().position(|a| a == "--help" || a == "-h");
    matches!((named, help), (Some(c), Some(h)) if c < h)
}

/// `cargo async-explain fix`: edits, a diff per changed file, then what remains, explained.
/// 0 when the last check passes, 1 when errors remain, 2 when the tool failed.
fn fix_command(
    kb: &'static LazyKb,
    config: &mut Config,
    cli: &Cli,
    options: Options,
) -> Result<ExitCode> {
    let color = cli.color;
    let args = FixArgs::parse(&cli.cargo_args);
    if args.help != HelpRequest::None {
        let mut command = FixCli::command();
        let _ = if args.help == HelpRequest::Long {
            command.print_long_help()
        } else {
            command.print_help()
        };
        return Ok(ExitCode::SUCCESS);
    }
    kb.warm();
    let format = cargo_format(config, &args.cargo_args);
    let fix_options = fix::Options {
        cargo_args: format.args,
        dry_run: args.dry_run,
        allow: args.allow,
        max_rounds: fix::MAX_ROUNDS,
        color: stderr_color(color),
        lint: !cli.no_lint,
    };
    let report = fix::run(&fix_options, kb, &mut io::stderr())?;
    if let Some(code) = kb_failure(kb) {
        return Ok(code);
    }
    // Diffs go with the text formats; beside JSON or a report they would corrupt it.
    let text_format = matches!(config.format, FormatArg::Human | FormatArg::Short);
    let mut diffs = String::new();
    for change in &report.changed {
        diffs.push_str(&fix::diff::unified(
            &change.name,
            &change.before,
            &change.after,
            if text_format {
                config.style.color
            } else {
                stderr_color(color)
            },
        ));
    }
    if text_format {
        print(&diffs)?;
    } else {
        let _ = io::stderr().write_all(diffs.as_bytes());
    }
    let status = ExitCode::from(u8::from(!report.last.success));
    if fix_options.dry_run {
        return Ok(status);
    }
    let mut outputs = outputs(config)?;
    pipeline::run_with(
        kb,
        &mut outputs,
        report.last.output.as_slice(),
        "cargo check's output",
        &mut io::stderr(),
        options,
    )?;
    Ok(status)
}

/// Files the lint could not read or parse, as warnings (the compiler says more about them);
/// where its time went, when `ASYNC_EXPLAIN_LINT_TIMINGS` is set (for benchmarks).
fn lint_problems(report: &lint::Report) {
    let mut stderr = io::stderr().lock();
    for problem in &report.problems {
        let _ = writeln!(stderr, "warning: async-explain lint: {problem}");
    }
    if std::env::var_os("ASYNC_EXPLAIN_LINT_TIMINGS").is_some_and(|v| !v.is_empty()) {
        let _ = writeln!(stderr, "async-explain lint timings: {}", report.timings);
    }
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
