//! Runs `cargo check --message-format=json` with the user's cargo arguments (and, as
//! `cargo async-explain check` does, the blocking-call lint beside it, its findings after
//! cargo's messages), and asks `cargo metadata` where the workspace and its target directory are.

use std::ffi::{OsStr, OsString};
use std::process::{Command, Stdio};

use super::apply::Workspace;
use super::collect::{self, Analysis};
use super::error::FixError;
use crate::input::cargo::message_format;
use crate::kb::KbSource;
use crate::lint::args::selection_from_cargo_args;

/// One run of `cargo check`.
#[derive(Debug, Clone)]
pub struct Check {
    /// Cargo's JSON messages, as it wrote them.
    pub output: Vec<u8>,
    /// Cargo's exit status was 0.
    pub success: bool,
    pub analysis: Analysis,
}

fn cargo() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"))
}

/// The workspace the user's arguments select (their `--manifest-path` is honoured).
pub fn workspace(cargo_args: &[OsString]) -> Result<Workspace, FixError> {
    let mut command = cargo_metadata::MetadataCommand::new();
    command.no_deps().cargo_path(cargo());
    if let Some(path) = selection_from_cargo_args(cargo_args).manifest_path {
        command.manifest_path(path);
    }
    // `--offline`, `--locked` and `--frozen` matter to metadata as much as to check.
    let flags: Vec<String> = cargo_args
        .iter()
        .take_while(|a| *a != "--")
        .filter(|a| matches!(a.to_str(), Some("--offline" | "--locked" | "--frozen")))
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    command.other_options(flags);
    let metadata = command
        .exec()
        .map_err(|e| FixError::Metadata(e.to_string()))?;
    Ok(Workspace {
        root: metadata.workspace_root.into_std_path_buf(),
        target_dir: metadata.target_directory.into_std_path_buf(),
    })
}

/// Runs the check (a `--message-format` of the user's is replaced by JSON), with the blocking-call
/// lint on the units cargo checked when `lint` is set, and analyses the messages. A check that
/// fails without reporting an error is a failure of the tool: cargo could not build the crate
/// graph, and there is nothing to fix.
pub fn run(cargo_args: &[OsString], kb: &dyn KbSource, lint: bool) -> Result<Check, FixError> {
    let args = message_format(cargo_args, false).args;
    let render = crate::lint::Render {
        deny: false,
        color: false,
        width: 100,
    };
    let linter = lint.then(|| crate::lint::wrapped::Beside::start(&args, render));
    let cargo = cargo();
    let out = Command::new(&cargo)
        .arg("check")
        .arg("--message-format=json")
        .args(&args)
        .stdin(Stdio::null())
        .output()
        .map_err(|source| FixError::Spawn {
            command: format!("{} check", OsStr::new(&cargo).to_string_lossy()),
            source,
        })?;
    if out.status.code().is_none() {
        // Killed by a signal: the user interrupted us (the caller sees its own flag too).
        return Err(FixError::Interrupted);
    }
    let mut output = out.stdout;
    if let Some(linter) = linter {
        let mut tap = crate::lint::Tap::new(output.as_slice());
        // Reading a slice cannot fail.
        let _ = std::io::copy(&mut tap, &mut std::io::sink());
        // A lint that cannot run (a broken project config) only leaves its findings unfixed.
        if let Some(report) = linter.finish(tap.reported()).report {
            output.extend_from_slice(&report.json);
        }
    }
    let analysis = collect::analyse(kb, &output)?;
    let success = out.status.success();
    if !success && analysis.counts.errors.total() == 0 && !reports_errors(&output) {
        return Err(FixError::CargoFailed {
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        });
    }
    Ok(Check {
        output,
        success,
        analysis,
    })
}

/// Whether any compiler message is an error (summary lines included).
fn reports_errors(output: &[u8]) -> bool {
    output.split(|b| *b == b'\n').any(|line| {
        memchr::memmem::find(line, br#""reason":"compiler-message""#).is_some()
            && memchr::memmem::find(line, br#""level":"error"#).is_some()
    })
}
