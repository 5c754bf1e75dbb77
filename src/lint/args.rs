//! The lint's arguments: `cargo async-explain lint [OPTIONS]` (its own clap type, since the main
//! command line hands everything after the command over unparsed), and what the lint reads from
//! the arguments of a wrapped cargo command: the package selection (`check -p foo --workspace`),
//! the target selection (`--tests`, `--bin x`, `--all-targets`) and `--target-dir`.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::Parser;

use super::workspace::Selection;

/// Reports calls to blocking APIs (std::thread::sleep, std::fs, std::net, block_on, tokio's
/// blocking_* methods, …) made directly in async code, as warnings explained like compiler
/// diagnostics. The same check runs after `cargo async-explain check|build|clippy`.
///
/// Allow one call with `// async-explain: allow(blocking)` at the end of its line or on the line
/// above; add or allow APIs in `.async-explain/config.toml` ([lint.blocking]).
///
/// Exit status: 0 when nothing at error level was found (findings are warnings), 1 with
/// `--deny` and a finding, 2 when the check could not run.
#[derive(Debug, Parser)]
#[command(name = "cargo async-explain lint", max_term_width = 100)]
pub struct LintCli {
    /// Package to check (repeatable); default: the package in the current directory, or the
    /// workspace's default members
    #[arg(short = 'p', long = "package", value_name = "SPEC")]
    pub packages: Vec<String>,

    /// Check every member of the workspace
    #[arg(long, visible_alias = "all")]
    pub workspace: bool,

    /// Leave out these packages (with --workspace)
    #[arg(long, value_name = "SPEC", requires = "workspace")]
    pub exclude: Vec<String>,

    /// Path to Cargo.toml
    #[arg(long, value_name = "PATH")]
    pub manifest_path: Option<PathBuf>,

    /// Report findings as errors, so that the exit status is 1 when there is one
    #[arg(long)]
    pub deny: bool,
}

impl LintCli {
    /// Parses the arguments after `lint`.
    pub fn parse_args(args: &[OsString]) -> Result<LintCli, clap::Error> {
        LintCli::try_parse_from(std::iter::once(OsString::from("lint")).chain(args.iter().cloned()))
    }

    pub fn selection(&self) -> Selection {
        Selection {
            manifest_path: self.manifest_path.clone(),
            packages: self.packages.clone(),
            workspace: self.workspace,
            exclude: self.exclude.clone(),
        }
    }
}

/// The targets a wrapped cargo command selects, from its arguments (cargo's own flags; their
/// meaning is in [`super::units::predict`]).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TargetFlags {
    pub lib: bool,
    pub bins: bool,
    pub bin: Vec<String>,
    pub examples: bool,
    pub example: Vec<String>,
    pub tests: bool,
    pub test: Vec<String>,
    pub benches: bool,
    pub bench: Vec<String>,
    pub all_targets: bool,
}

impl TargetFlags {
    /// True when no flag selects targets (cargo's default: lib and bins).
    pub fn is_default(&self) -> bool {
        *self == TargetFlags::default()
    }
}

/// The target flags among a wrapped cargo command's arguments (not those after `--`).
pub fn targets_from_cargo_args(args: &[OsString]) -> TargetFlags {
    let mut flags = TargetFlags::default();
    let mut args = args.iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
            None => (arg.clone(), None),
        };
        let list = match name.as_str() {
            "--" => break,
            "--lib" => {
                flags.lib = true;
                continue;
            }
            "--bins" => {
                flags.bins = true;
                continue;
            }
            "--examples" => {
                flags.examples = true;
                continue;
            }
            "--tests" => {
                flags.tests = true;
                continue;
            }
            "--benches" => {
                flags.benches = true;
                continue;
            }
            "--all-targets" => {
                flags.all_targets = true;
                continue;
            }
            "--bin" => &mut flags.bin,
            "--example" => &mut flags.example,
            "--test" => &mut flags.test,
            "--bench" => &mut flags.bench,
            _ => continue,
        };
        list.extend(inline.or_else(|| args.next()));
    }
    flags
}

/// The value of `--target-dir` among a wrapped cargo command's arguments.
pub fn target_dir_from_cargo_args(args: &[OsString]) -> Option<PathBuf> {
    let mut found = None;
    let mut args = args.iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--target-dir" {
            found = args.next().map(PathBuf::from);
        } else if let Some(value) = arg.strip_prefix("--target-dir=") {
            found = Some(PathBuf::from(value));
        }
    }
    found
}

/// The packages a wrapped cargo command works on, from its arguments (`-p`, `--package`,
/// `--workspace`/`--all`, `--exclude`, `--manifest-path`); everything else is cargo's business.
/// Arguments after `--` belong to rustc or the program and are not read.
pub fn selection_from_cargo_args(args: &[OsString]) -> Selection {
    let mut selection = Selection::default();
    let mut args = args.iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| -> Option<String> {
            if arg == flag {
                args.next()
            } else {
                arg.strip_prefix(flag)
                    .and_then(|v| v.strip_prefix('='))
                    .map(str::to_owned)
            }
        };
        if arg == "--" {
            break;
        } else if arg == "--workspace" || arg == "--all" {
            selection.workspace = true;
        } else if let Some(v) = value("--package") {
            selection.packages.push(v);
        } else if let Some(v) = value("--exclude") {
            selection.exclude.push(v);
        } else if let Some(v) = value("--manifest-path") {
            selection.manifest_path = Some(PathBuf::from(v));
        } else if arg == "-p" {
            selection.packages.extend(args.next());
        } else if let Some(v) = arg.strip_prefix("-p") {
            selection.packages.push(v.to_owned());
        }
    }
    selection
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn reads_cargo_package_selection_and_stops_at_double_dash() {
        let s = selection_from_cargo_args(&os(&[
            "--all-targets",
            "-p",
            "a",
            "-pb",
            "--package=c",
            "--package",
            "d",
            "--manifest-path=x/Cargo.toml",
            "--",
            "-p",
            "rustc-flag",
        ]));
        assert_eq!(s.packages, ["a", "b", "c", "d"]);
        assert_eq!(s.manifest_path, Some(PathBuf::from("x/Cargo.toml")));
        assert!(!s.workspace);
        let s = selection_from_cargo_args(&os(&["--workspace", "--exclude", "xtask"]));
        assert!(s.workspace);
        assert_eq!(s.exclude, ["xtask"]);
    }

    #[test]
    fn reads_cargo_target_selection_and_target_dir() {
        let flags = targets_from_cargo_args(&os(&[
            "--tests",
            "--bin",
            "a",
            "--bin=b*",
            "--example",
            "e",
            "--target-dir",
            "t",
            "--",
            "--lib",
        ]));
        assert!(flags.tests && !flags.lib && !flags.all_targets);
        assert_eq!(flags.bin, ["a", "b*"]);
        assert_eq!(flags.example, ["e"]);
        assert!(targets_from_cargo_args(&os(&["-p", "x", "--release"])).is_default());
        assert!(targets_from_cargo_args(&os(&["--all-targets"])).all_targets);
        assert_eq!(
            target_dir_from_cargo_args(&os(&["--target-dir=x", "--", "--target-dir=y"])),
            Some(PathBuf::from("x"))
        );
        assert_eq!(target_dir_from_cargo_args(&os(&["--release"])), None);
    }

    #[test]
    fn the_lint_command_has_its_own_flags() {
        let cli = LintCli::parse_args(&os(&["-p", "a", "--deny"])).unwrap();
        assert!(cli.deny);
        assert_eq!(cli.selection().packages, ["a"]);
        assert!(LintCli::parse_args(&os(&["--frobnicate"])).is_err());
    }
}
