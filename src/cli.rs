//! Command-line arguments (clap derive types only; the doc comments are the `--help` text).

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// Explains async Rust compiler errors: why they happen, how to fix them, where to read more.
///
/// Wrap cargo:   cargo async-explain check --workspace
/// Lint:         cargo async-explain lint
/// Filter JSON:  cargo build --message-format=json | cargo async-explain
/// Run & test:   cargo async-explain run   (panics explained, backtraces folded)
/// A log:        cargo async-explain backtrace --input crash.log
/// Try it:       cargo async-explain --demo
///
/// Options of this tool stand before the cargo command; everything after the command goes to
/// cargo unchanged. Exit status: cargo's own when wrapping; when filtering 0 (no errors),
/// 1 (an error-level diagnostic or a failed build was seen), 2 (the tool itself failed).
#[derive(Debug, Parser)]
#[command(
    name = "cargo-async-explain",
    version,
    bin_name = "cargo async-explain"
)]
#[command(
    disable_help_subcommand = true,
    max_term_width = 100,
    // The examples above are a block, one per line: clap would join them into one paragraph.
    verbatim_doc_comment
)]
pub struct Cli {
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,

    /// When to use colour (also CARGO_TERM_COLOR; NO_COLOR turns `auto` off)
    #[arg(long, value_enum, env = "CARGO_TERM_COLOR", default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    /// Width the explanations are laid out for
    #[arg(long, value_name = "COLUMNS", default_value_t = 140)]
    pub term_width: usize,

    /// Explain in full: the whole why, every fix, link and crate (by default: the why in brief,
    /// the first fix, one link and a line saying what more there is)
    #[arg(short, long)]
    pub verbose: bool,

    /// Read compiler JSON (or, with `backtrace`, a log) from FILE instead of standard input
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// Add or override knowledge-base entries from the `*.toml` files of DIR (repeatable);
    /// a workspace's own `.async-explain/` directory is read automatically
    #[arg(long = "kb", value_name = "DIR")]
    pub kb_dirs: Vec<PathBuf>,

    /// Do not read the workspace's `.async-explain/` directory
    #[arg(long)]
    pub no_workspace_kb: bool,

    /// List the knowledge base (id and title) and exit
    #[arg(long, conflicts_with_all = ["explain", "command", "demo"])]
    pub list: bool,

    /// Print the knowledge-base entry ID, every entry about an error code such as E0373, or the
    /// entries that explain a panic message
    #[arg(long, value_name = "ID|CODE", conflicts_with_all = ["command", "demo"])]
    pub explain: Option<String>,

    /// Do not run the blocking-call lint after `check`, `build` or `clippy` (see `lint --help`)
    #[arg(long)]
    pub no_lint: bool,

    /// Also write a SARIF 2.1.0 report to PATH (for GitHub code scanning)
    #[arg(long, value_name = "PATH", conflicts_with_all = ["list", "explain"])]
    pub sarif: Option<PathBuf>,

    /// Also write a GitLab Code Quality report to PATH
    #[arg(long, value_name = "PATH", conflicts_with_all = ["list", "explain"])]
    pub gitlab: Option<PathBuf>,

    /// Report file paths relative to DIR (default: cargo's workspace root when wrapping cargo,
    /// the current directory when filtering)
    #[arg(long, value_name = "DIR")]
    pub workspace_root: Option<PathBuf>,
    /// Show every frame of a backtrace; by default runs of runtime frames (tokio, futures,
    /// std) are folded into one line each
    #[arg(long)]
    pub full: bool,

    /// Run on a bundled recording of a crate with async errors (no setup needed)
    #[arg(long, conflicts_with_all = ["command", "input"])]
    pub demo: bool,

    /// A cargo command to run (`check`, `build`, `clippy`, `test`, `run`, …), `lint` (blocking
    /// calls in async code; `lint --help`), or `backtrace` to read a log (see
    /// `cargo async-explain backtrace --help`); without one, compiler JSON is read from standard
    /// input or --input
    #[arg(value_name = "CARGO_COMMAND")]
    pub command: Option<String>,

    /// Arguments passed to cargo unchanged
    #[arg(
        value_name = "CARGO_ARGS",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub cargo_args: Vec<std::ffi::OsString>,
}

/// The command name that reads a log instead of running cargo.
pub const BACKTRACE_COMMAND: &str = "backtrace";

/// Explains the panics in a program's output and folds its backtraces: runs of runtime frames
/// (tokio's scheduler, futures' combinators, std's panic and start-up frames) become one line each,
/// your own frames stay, async state machines get readable names.
///
/// Reads a log on standard input or from --input: `RUST_BACKTRACE=1 ./server 2>&1 | cargo
/// async-explain backtrace`. Frames without a `stack backtrace:` line above them (a pasted
/// backtrace) are read too. Which crates count as runtime: knowledge-base/backtrace/
/// runtime-frames.toml, extended by `[backtrace]` in `.async-explain/config.toml`.
#[derive(Debug, Parser)]
#[command(name = "cargo async-explain backtrace", max_term_width = 100)]
pub struct BacktraceCli {
    /// Read the log from FILE instead of standard input
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// Show every frame: fold nothing
    #[arg(long)]
    pub full: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// rustc's own text, each explained diagnostic followed by its explanation
    Human,
    /// one line per diagnostic, with the misconception id and first fix
    Short,
    /// the input's JSON lines, explained diagnostics enriched (for editors and tools)
    Json,
    /// the human output, then GitHub Actions annotations (workflow commands) at the end
    Github,
    /// a SARIF 2.1.0 log (GitHub code scanning)
    Sarif,
    /// a GitLab Code Quality report
    Gitlab,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}
