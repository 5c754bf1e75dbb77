//! Command-line arguments (clap derive types only; the doc comments are the `--help` text).

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// Explains async Rust compiler errors: why they happen, how to fix them, where to read more.
///
/// Wrap cargo:   cargo async-explain check --workspace
/// Lint:         cargo async-explain lint
/// Filter JSON:  cargo build --message-format=json | cargo async-explain
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
#[command(disable_help_subcommand = true, max_term_width = 100)]
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

    /// Read compiler JSON from FILE instead of standard input
    #[arg(long, value_name = "FILE", conflicts_with = "command")]
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

    /// Print the knowledge-base entry ID, or every entry about an error code such as E0373
    #[arg(long, value_name = "ID|CODE", conflicts_with_all = ["command", "demo"])]
    pub explain: Option<String>,

    /// Do not run the blocking-call lint after `check`, `build` or `clippy` (see `lint --help`)
    #[arg(long)]
    pub no_lint: bool,

    /// Run on a bundled recording of a crate with async errors (no setup needed)
    #[arg(long, conflicts_with_all = ["command", "input"])]
    pub demo: bool,

    /// A cargo command to run (`check`, `build`, `clippy`, `test`, `run`, …), or `lint` (blocking
    /// calls in async code; `lint --help`); without one, compiler JSON is read from standard input
    /// or --input
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// rustc's own text, each explained diagnostic followed by its explanation
    Human,
    /// one line per diagnostic, with the misconception id and first fix
    Short,
    /// the input's JSON lines, explained diagnostics enriched (for editors and tools)
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}
