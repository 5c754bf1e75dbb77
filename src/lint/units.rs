//! Which units the lint checks. For `cargo async-explain lint`: every target of the selected
//! packages, `cfg(test)` not evaluated. For a wrapped `check`/`build`/`clippy`: the units cargo
//! itself checked, as its messages report them (a `compiler-artifact` for each unit it built or
//! found fresh, with `profile.test` telling a test build; a `compiler-message` for a unit that
//! failed), so the lint never reports code that command did not compile. Cargo reports them
//! only as it goes, so the lint starts on a prediction from the command's flags ([`predict`]),
//! and checks afterwards whatever cargo reported beyond it.

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;

use super::args::TargetFlags;
use super::cfg::Mode;
use super::incremental::Unit;
use super::workspace::{LintTarget, Workspace};

/// Every target of the workspace's selected packages, `cfg(test)` not evaluated.
pub fn all(workspace: &Workspace) -> Vec<Unit> {
    (0..workspace.targets.len())
        .map(|target| Unit {
            target,
            mode: Mode::Any,
        })
        .collect()
}

/// The units a `check`, `build` or `clippy` with these flags checks, as cargo's documentation
/// describes target selection: by default the library and the binaries; `--lib`, `--bins`,
/// `--bin NAME`, `--examples`, `--example NAME` in a normal build; `--tests` every target with
/// `test = true` (the library, the binaries, the integration tests) in a test build, `--test
/// NAME` one; `--benches` the library, binaries and benchmarks in a test build, `--bench NAME`
/// one; `--all-targets` all of these. (A target whose `required-features` are not enabled is
/// not built; cargo's messages settle that.)
pub fn predict(workspace: &Workspace, flags: &TargetFlags) -> Vec<Unit> {
    let mut units = BTreeSet::new();
    let all = flags.all_targets;
    for (index, t) in workspace.targets.iter().enumerate() {
        let target = &t.target;
        let (bin, example, test, bench) = (
            target.is_bin(),
            target.is_example(),
            target.is_test(),
            target.is_bench(),
        );
        let lib = !(bin || example || test || bench);
        let named = |names: &[String]| names.iter().any(|n| glob(n, &target.name));
        let mut add = |mode| {
            units.insert(Unit {
                target: index,
                mode,
            });
        };
        if flags.is_default() && (lib || bin) {
            add(Mode::NotTest);
        }
        if (lib && (flags.lib || all))
            || (bin && (flags.bins || all || named(&flags.bin)))
            || (example && (flags.examples || all || named(&flags.example)))
        {
            add(Mode::NotTest);
        }
        let tests = (flags.tests || all) && (test || (target.test && (lib || bin || example)));
        let benches = (flags.benches || all) && (bench || lib || bin);
        if tests || benches || (test && named(&flags.test)) || (bench && named(&flags.bench)) {
            add(Mode::Test);
        }
    }
    units.into_iter().collect()
}

/// A cargo target pattern (`--bin 'server-*'`): `*` and `?` as in a shell.
fn glob(pattern: &str, name: &str) -> bool {
    fn matches(p: &[char], n: &[char]) -> bool {
        match p.split_first() {
            None => n.is_empty(),
            Some(('*', rest)) => (0..=n.len()).any(|i| matches(rest, &n[i..])),
            Some(('?', rest)) => !n.is_empty() && matches(rest, &n[1..]),
            Some((c, rest)) => n.first() == Some(c) && matches(rest, &n[1..]),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    matches(&p, &n)
}

/// A target as cargo's messages name it: package, target name, root file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TargetId {
    pub package_id: String,
    pub name: String,
    pub src_path: PathBuf,
}

impl TargetId {
    fn of(target: &LintTarget) -> TargetId {
        TargetId {
            package_id: target.package_id.clone(),
            name: target.target.name.clone(),
            src_path: target.target.src_path.clone().into_std_path_buf(),
        }
    }
}

/// What cargo's messages said it checked.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Reported {
    /// Units built or found fresh (`compiler-artifact`), with whether in a test build.
    pub built: BTreeSet<(TargetId, bool)>,
    /// Targets with a diagnostic (`compiler-message`): checked, though perhaps not built.
    pub diagnosed: BTreeSet<TargetId>,
}

impl Reported {
    /// True when cargo reported no unit at all (it failed before checking anything).
    pub fn is_empty(&self) -> bool {
        self.built.is_empty() && self.diagnosed.is_empty()
    }
}

/// The workspace's units among those cargo reported. A target cargo only diagnosed (its build
/// failed) counts in the builds predicted for it, or else in a normal build (a test build for
/// test and bench targets).
pub fn reported(workspace: &Workspace, reported: &Reported, predicted: &[Unit]) -> Vec<Unit> {
    let predicted: HashSet<&Unit> = predicted.iter().collect();
    let mut units = BTreeSet::new();
    for (index, target) in workspace.targets.iter().enumerate() {
        let id = TargetId::of(target);
        for (mode, test) in [(Mode::NotTest, false), (Mode::Test, true)] {
            if reported.built.contains(&(id.clone(), test)) {
                units.insert(Unit {
                    target: index,
                    mode,
                });
            }
        }
        if reported.diagnosed.contains(&id) {
            let guessed: Vec<Unit> = [Mode::NotTest, Mode::Test]
                .into_iter()
                .map(|mode| Unit {
                    target: index,
                    mode,
                })
                .filter(|u| predicted.contains(u))
                .collect();
            if guessed.is_empty() {
                let test = target.target.is_test() || target.target.is_bench();
                units.insert(Unit {
                    target: index,
                    mode: if test { Mode::Test } else { Mode::NotTest },
                });
            }
            units.extend(guessed);
        }
    }
    units.into_iter().collect()
}

/// True when every local unit cargo reported (a `path+…` package) is known: a target of a
/// selected package, any unit of a member not selected, or one of `outsiders` (path
/// dependencies from outside the workspace).
pub fn known(workspace: &Workspace, outsiders: &[String], reported: &Reported) -> bool {
    let targets: HashSet<TargetId> = workspace.targets.iter().map(TargetId::of).collect();
    let selected: HashSet<&str> = workspace
        .targets
        .iter()
        .map(|t| t.package_id.as_str())
        .collect();
    local(reported).all(|id| {
        if selected.contains(id.package_id.as_str()) {
            targets.contains(id)
        } else {
            workspace.members.contains(&id.package_id) || outsiders.contains(&id.package_id)
        }
    })
}

/// The local packages cargo reported that are not members of the workspace, sorted.
pub fn outsiders(workspace: &Workspace, reported: &Reported) -> Vec<String> {
    let mut found: Vec<String> = local(reported)
        .filter(|id| !workspace.members.contains(&id.package_id))
        .map(|id| id.package_id.clone())
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The units of local packages (path dependencies and members) cargo reported.
fn local(reported: &Reported) -> impl Iterator<Item = &TargetId> {
    reported
        .built
        .iter()
        .map(|(id, _)| id)
        .chain(&reported.diagnosed)
        .filter(|id| id.package_id.starts_with("path+"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_patterns_are_shell_globs() {
        assert!(glob("server-*", "server-http"));
        assert!(glob("a?c", "abc"));
        assert!(!glob("a?c", "ac"));
        assert!(glob("exact", "exact") && !glob("exact", "exactly"));
    }
}
