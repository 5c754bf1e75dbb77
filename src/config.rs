//! Settings resolved once from the command line and the environment: format, colour, width,
//! and which knowledge-base directories to read.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::{Cli, ColorArg, FormatArg};
use crate::kb::{Kb, KbError};
use crate::render::{Emitter, Human, Json, Short, Style};

/// The per-workspace directory of extra knowledge-base entries.
pub const WORKSPACE_DIR: &str = ".async-explain";

pub struct Config {
    pub format: FormatArg,
    pub style: Style,
    pub kb_dirs: Vec<PathBuf>,
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
        Config {
            format: cli.format,
            style: Style {
                color,
                width: cli.term_width.max(20),
            },
            kb_dirs,
        }
    }

    /// Resolves with the process's real terminal and `NO_COLOR`.
    pub fn from_env(cli: &Cli) -> Config {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Config::resolve(cli, std::io::stdout().is_terminal(), no_color)
    }

    /// A `--message-format` given to cargo picks the matching output format, so
    /// `cargo async-explain check --message-format=short` does what the user means.
    pub fn follow_cargo_format(&mut self, requested: &str) {
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
