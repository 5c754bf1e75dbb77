//! Settings resolved once from the command line and the environment: format, colour, width,
//! which knowledge-base directories to read, and for CI the workspace root that report paths are
//! relative to and the reports written beside the main output (`--sarif`, `--gitlab`,
//! `GITHUB_STEP_SUMMARY`). Picks the emitters.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::{Cli, ColorArg, FormatArg};
use crate::kb::{Kb, KbError};
use crate::render::{
    Emitter, Github, Gitlab, Human, Json, Sarif, Short, StepSummary, Style, Workspace,
};

/// The per-workspace directory of extra knowledge-base entries.
pub const WORKSPACE_DIR: &str = ".async-explain";

pub struct Config {
    pub format: FormatArg,
    pub style: Style,
    pub kb_dirs: Vec<PathBuf>,
    pub ci: Ci,
}

/// What the CI formats and the reports beside the main output need.
#[derive(Debug, Clone, Default)]
pub struct Ci {
    /// `--workspace-root` as given.
    pub workspace_root: Option<PathBuf>,
    /// The root report paths are relative to.
    pub workspace: Workspace,
    pub sarif: Option<PathBuf>,
    pub gitlab: Option<PathBuf>,
    /// `GITHUB_STEP_SUMMARY`, the job summary file GitHub Actions shows.
    pub step_summary: Option<PathBuf>,
    /// How the tool was run, recorded in reports.
    pub command_line: String,
}

/// A report written to a file beside the main output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub kind: ReportKind,
    pub path: PathBuf,
    pub open: OpenMode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    Sarif,
    Gitlab,
    StepSummary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// A new file, replacing one that was there.
    Create,
    /// Added to the end of the file (GitHub's step summary collects every step's text).
    Append,
}

impl Config {
    /// `stdout_is_terminal` and `no_color` come from the environment at the edge.
    pub fn resolve(cli: &Cli, stdout_is_terminal: bool, no_color: bool) -> Config {
        let color = match cli.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => stdout_is_terminal && !no_color,
        };
        let mut kb_dirs = Vec::new();
        if !cli.no_workspace_kb
            && let Some(dir) = std::env::current_dir()
                .ok()
                .and_then(|d| find_workspace_dir(&d))
        {
            kb_dirs.push(dir);
        }
        kb_dirs.extend(cli.kb_dirs.iter().cloned());
        let mut config = Config {
            format: cli.format,
            style: Style {
                color,
                width: cli.term_width.max(20),
                verbose: cli.verbose,
            },
            kb_dirs,
            ci: Ci {
                workspace_root: cli.workspace_root.clone(),
                sarif: cli.sarif.clone(),
                gitlab: cli.gitlab.clone(),
                ..Ci::default()
            },
        };
        if let Some(root) = cli
            .workspace_root
            .clone()
            .or_else(|| std::env::current_dir().ok())
        {
            config.set_workspace_root(&root);
        }
        config
    }

    /// Resolves with the process's real terminal, `NO_COLOR`, `GITHUB_STEP_SUMMARY` and command line.
    pub fn from_env(cli: &Cli) -> Config {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let mut config = Config::resolve(cli, std::io::stdout().is_terminal(), no_color);
        config.ci.step_summary = std::env::var_os("GITHUB_STEP_SUMMARY")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        config.ci.command_line = command_line(std::env::args_os());
        config
    }

    /// Report paths relative to `root` (made absolute against the current directory; its
    /// canonical spelling is recognised too).
    pub fn set_workspace_root(&mut self, root: &Path) {
        let absolute = std::path::absolute(root).unwrap_or_else(|_| root.to_owned());
        let canonical = absolute.canonicalize().ok();
        self.ci.workspace =
            Workspace::new(std::iter::once(absolute.as_path()).chain(canonical.as_deref()));
    }

    /// Whether any output names files, so the workspace root matters.
    pub fn names_files(&self) -> bool {
        matches!(
            self.format,
            FormatArg::Github | FormatArg::Sarif | FormatArg::Gitlab
        ) || !self.reports().is_empty()
    }

    /// The reports to write beside the main output.
    pub fn reports(&self) -> Vec<Report> {
        let mut reports = Vec::new();
        let mut add = |kind, path: &Option<PathBuf>, open| {
            if let Some(path) = path {
                reports.push(Report {
                    kind,
                    path: path.clone(),
                    open,
                });
            }
        };
        add(ReportKind::Sarif, &self.ci.sarif, OpenMode::Create);
        add(ReportKind::Gitlab, &self.ci.gitlab, OpenMode::Create);
        add(
            ReportKind::StepSummary,
            &self.ci.step_summary,
            OpenMode::Append,
        );
        reports
    }

    /// The emitter of a report.
    pub fn report_emitter(&self, kind: ReportKind) -> Box<dyn Emitter> {
        let workspace = self.ci.workspace.clone();
        match kind {
            ReportKind::Sarif => Box::new(Sarif::new(workspace, self.ci.command_line.clone())),
            ReportKind::Gitlab => Box::new(Gitlab::new(workspace)),
            ReportKind::StepSummary => {
                Box::new(StepSummary::new(workspace, self.ci.command_line.clone()))
            }
        }
    }

    /// A `--message-format` given to cargo picks the matching output format, so
    /// `cargo async-explain check --message-format=short` does what the user means.
    /// The CI formats were asked for by name and stay.
    pub fn follow_cargo_format(&mut self, requested: &str) {
        if matches!(
            self.format,
            FormatArg::Github | FormatArg::Sarif | FormatArg::Gitlab
        ) {
            return;
        }
        self.format = match requested {
            "short" => FormatArg::Short,
            "human" => FormatArg::Human,
            json if json.starts_with("json") => FormatArg::Json,
            _ => self.format,
        };
    }

    pub fn load_kb(&self) -> Result<Kb, Vec<KbError>> {
        self.kb_dirs
            .iter()
            .fold(Kb::builder().embedded(), |b, dir| b.dir(dir))
            .build()
    }

    pub fn emitter(&self) -> Box<dyn Emitter> {
        match self.format {
            FormatArg::Human => Box::new(Human::new(self.style)),
            FormatArg::Short => Box::new(Short),
            FormatArg::Json => Box::new(Json::new(self.style)),
            FormatArg::Github => Box::new(Github::new(self.style, self.ci.workspace.clone())),
            FormatArg::Sarif => self.report_emitter(ReportKind::Sarif),
            FormatArg::Gitlab => self.report_emitter(ReportKind::Gitlab),
        }
    }
}

/// The nearest `.async-explain/` directory at or above `start`.
fn find_workspace_dir(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(WORKSPACE_DIR))
        .find(|d| d.is_dir())
}

/// The arguments as one line a shell would read back (arguments with spaces or quotes in single
/// quotes).
fn command_line(args: impl Iterator<Item = std::ffi::OsString>) -> String {
    let words: Vec<String> = args
        .map(|a| {
            let a = a.to_string_lossy().into_owned();
            let plain = !a.is_empty()
                && a.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c));
            if plain {
                a
            } else {
                format!("'{}'", a.replace('\'', "'\\''"))
            }
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_lines_quote_what_a_shell_would_split() {
        let args = ["cargo-async-explain", "check", "--features", "a b", "it's"]
            .map(std::ffi::OsString::from);
        assert_eq!(
            command_line(args.into_iter()),
            "cargo-async-explain check --features 'a b' 'it'\\''s'"
        );
    }
}
