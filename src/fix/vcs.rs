//! Whether `fix` may rewrite the workspace's files: as with `cargo fix`, only when git holds them
//! and nothing under the workspace is changed, staged or untracked, unless the user says
//! otherwise (`--allow-no-vcs`, `--allow-dirty`, `--allow-staged`). Asks the `git` program.

use std::path::Path;
use std::process::Command;

use super::error::{Changed, FixError};

/// What the user allows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Allow {
    /// No check at all: git is not needed.
    pub no_vcs: bool,
    /// Changed, staged and untracked files are all fine.
    pub dirty: bool,
    /// Staged changes are fine (files changed since they were staged are not).
    pub staged: bool,
}

/// Refuses to go on when `root` is not in a git repository (or git ignores it) or when files
/// under it have changes the user has not allowed.
pub fn check(root: &Path, allow: Allow) -> Result<(), FixError> {
    if allow.no_vcs {
        return Ok(());
    }
    if !in_repository(root) {
        return Err(FixError::NoVcs {
            root: root.to_owned(),
        });
    }
    if allow.dirty {
        return Ok(());
    }
    let changed = changes(root)?;
    let refused: Vec<Changed> = changed
        .into_iter()
        .filter(|c| !(allow.staged && c.staged))
        .collect();
    if refused.is_empty() {
        Ok(())
    } else {
        Err(FixError::Dirty { files: refused })
    }
}

/// True when `root` lies in a git work tree and is not ignored by it (a copy of a crate under an
/// ignored `target/` is not under version control).
fn in_repository(root: &Path) -> bool {
    let inside =
        git(root, &["rev-parse", "--is-inside-work-tree"]).is_ok_and(|out| out.trim() == "true");
    // `check-ignore` exits 0 when the path is ignored, 1 when it is not.
    inside
        && !Command::new("git")
            .arg("-C")
            .arg(root)
            .args(["check-ignore", "-q", "."])
            .status()
            .is_ok_and(|s| s.success())
}

/// Every path under `root` with a change git would commit or could add: modified, staged,
/// deleted, renamed or untracked (ignored files are not listed).
fn changes(root: &Path) -> Result<Vec<Changed>, FixError> {
    let out = git(
        root,
        &[
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=all",
            "--",
            ".",
        ],
    )?;
    Ok(parse_porcelain(&out))
}

/// Reads `git status --porcelain=v1 -z`: `XY path\0`, with a second path after a rename or copy.
fn parse_porcelain(out: &str) -> Vec<Changed> {
    let mut changed = Vec::new();
    let mut records = out.split('\0').filter(|r| !r.is_empty());
    while let Some(record) = records.next() {
        let (Some(status), Some(path)) = (record.get(..2), record.get(3..)) else {
            continue;
        };
        let (index, worktree) = (status.as_bytes()[0], status.as_bytes()[1]);
        if matches!(index, b'R' | b'C') {
            // The path the change came from follows; the new path is the one that matters.
            records.next();
        }
        let staged = index != b' ' && index != b'?' && worktree == b' ';
        changed.push(Changed {
            path: path.to_owned(),
            staged,
        });
    }
    changed
}

fn git(root: &Path, args: &[&str]) -> Result<String, FixError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|source| FixError::Spawn {
            command: format!("git {}", args.join(" ")),
            source,
        })?;
    if !out.status.success() {
        return Err(FixError::Git {
            args: args.join(" "),
            message: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn porcelain_records_tell_staged_from_dirty() {
        let out = "M  staged.rs\0 M dirty.rs\0MM both.rs\0?? new.rs\0R  new-name.rs\0old-name.rs\0";
        let changed = parse_porcelain(out);
        let listed: Vec<(&str, bool)> = changed
            .iter()
            .map(|c| (c.path.as_str(), c.staged))
            .collect();
        assert_eq!(
            listed,
            [
                ("staged.rs", true),
                ("dirty.rs", false),
                ("both.rs", false),
                ("new.rs", false),
                ("new-name.rs", true),
            ]
        );
    }
}
