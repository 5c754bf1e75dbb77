//! `fix`'s arguments: its own flags, wherever they stand before a `--`, and everything else for
//! `cargo check` (the clap type is for `fix --help`; the main command line hands the arguments
//! after `fix` over unparsed).

use std::ffi::OsString;

use clap::Parser;

use super::vcs::Allow;

/// Applies the edits that explain-able async errors come with, like `cargo fix`: runs `cargo
/// check` (your cargo arguments passed through), takes for every explained error the first
/// edit that applies (the knowledge base's fix when it is an edit, else rustc's suggestion),
/// writes them, checks again and keeps a file's edits only when there are fewer errors and no
/// new one; otherwise it restores the file and says why. Repeats while that makes progress (at
/// most 4 rounds), since one fix often uncovers the next error. Prints what changed as a diff
/// per file, then the errors that remain, explained.
///
/// Like `cargo fix`, it wants the workspace under git with nothing uncommitted.
///
/// Exit status: 0 when the last check passes, 1 when errors remain, 2 when the tool failed.
#[derive(Debug, Parser)]
#[command(
    name = "cargo async-explain fix",
    override_usage = "cargo async-explain fix [OPTIONS] [CARGO_CHECK_ARGS]...",
    max_term_width = 100
)]
pub struct FixCli {
    /// Print the edits of the first round as a diff, without writing anything (they are not
    /// re-checked, so this may show an edit a real run would roll back)
    #[arg(long)]
    pub dry_run: bool,

    /// Fix even when the working tree has changes (changed, staged or untracked files)
    #[arg(long)]
    pub allow_dirty: bool,

    /// Fix even when the working tree has staged changes
    #[arg(long)]
    pub allow_staged: bool,

    /// Fix even when the workspace is not under version control
    #[arg(long)]
    pub allow_no_vcs: bool,

    /// Arguments for `cargo check` (`-p`, `--workspace`, `--all-targets`, `--features`,
    /// `--manifest-path`, …)
    #[arg(value_name = "CARGO_CHECK_ARGS")]
    pub cargo_args: Vec<OsString>,
}

/// `fix`'s flags, and the rest of the arguments for cargo.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FixArgs {
    pub dry_run: bool,
    pub allow: Allow,
    pub cargo_args: Vec<OsString>,
    /// `-h` or `--help` was given: print the help instead.
    pub help: HelpRequest,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum HelpRequest {
    #[default]
    None,
    Short,
    Long,
}

impl FixArgs {
    /// Parses the arguments after `fix`: its flags may stand anywhere before `--`.
    pub fn parse(args: &[OsString]) -> FixArgs {
        let mut parsed = FixArgs::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--") => {
                    parsed.cargo_args.push(arg.clone());
                    parsed.cargo_args.extend(args.by_ref().cloned());
                }
                Some("--dry-run") => parsed.dry_run = true,
                Some("--allow-dirty") => parsed.allow.dirty = true,
                Some("--allow-staged") => parsed.allow.staged = true,
                Some("--allow-no-vcs") => parsed.allow.no_vcs = true,
                Some("-h") => parsed.help = HelpRequest::Short,
                Some("--help") => parsed.help = HelpRequest::Long,
                _ => parsed.cargo_args.push(arg.clone()),
            }
        }
        parsed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn os(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn own_flags_anywhere_before_the_double_dash_the_rest_for_cargo() {
        let parsed = FixArgs::parse(&os(&[
            "-p",
            "demo",
            "--dry-run",
            "--all-targets",
            "--allow-dirty",
            "--",
            "--allow-no-vcs",
        ]));
        assert!(parsed.dry_run);
        assert!(parsed.allow.dirty && !parsed.allow.no_vcs && !parsed.allow.staged);
        assert_eq!(
            parsed.cargo_args,
            os(&["-p", "demo", "--all-targets", "--", "--allow-no-vcs"])
        );
        assert_eq!(parsed.help, HelpRequest::None);
        assert_eq!(FixArgs::parse(&os(&["--help"])).help, HelpRequest::Long);
    }

    #[test]
    fn the_help_describes_every_flag_parse_knows() {
        let help = FixCli::command().render_long_help().to_string();
        for flag in [
            "--dry-run",
            "--allow-dirty",
            "--allow-staged",
            "--allow-no-vcs",
        ] {
            assert!(help.contains(flag), "{flag} missing from:\n{help}");
        }
    }
}
