//! `cargo metadata`'s answer, kept in the lint's cache with what it depended on, so that a run in
//! which none of that changed does not start cargo a second time (on an unchanged project,
//! `cargo metadata` was most of the lint's cost).
//!
//! What it depends on ([`Input`]): by stat, the manifest in every directory from the current
//! one up, the workspace's and every member's manifest, cargo's configuration files
//! (`.cargo/config.toml` from the current directory up, and in `CARGO_HOME`), `rust-toolchain`
//! files and the cargo binary; by existence, each member's `src/lib.rs` and `src/main.rs`; by
//! the names they list (Rust files and directories, not an editor's temporary files), the
//! directories cargo discovers targets in (`src/bin`, `examples`, `tests`, `benches`) and
//! each member's parent (where `members = ["crates/*"]` finds new members); and the environment
//! variables that change the answer. A stat too close to the time cargo ran is not trusted,
//! as for sources.
//!
//! Beside a wrapped command, cargo's own report is the final word: a unit of a local package
//! the snapshot does not know (a member added in a way none of this shows) makes the lint ask
//! `cargo metadata` after all ([`super::wrapped`]).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use cargo_metadata::Metadata;
use serde::{Deserialize, Serialize};

use super::LintError;
use super::hash::Hasher;
use super::sources::Stat;
use super::workspace::{Selection, Workspace, from_metadata};

/// The environment variables that change `cargo metadata`'s answer or the cargo that gives it
/// (`PATH` too when `CARGO` is not set: then it finds cargo).
const ENV: &[&str] = &[
    "CARGO",
    "CARGO_HOME",
    "CARGO_TARGET_DIR",
    "CARGO_BUILD_TARGET_DIR",
    "RUSTUP_TOOLCHAIN",
];

/// How long before cargo ran a change must be for its stat to be trusted.
const RACY: Duration = Duration::from_secs(2);

/// A file or directory the answer depended on, as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Input {
    /// Its stat (`None`: absent).
    #[serde(rename = "s")]
    Stat(PathBuf, Option<Stat>),
    /// Whether it exists.
    #[serde(rename = "e")]
    Exists(PathBuf, bool),
    /// The hash of the names of the Rust files and directories it lists (`None`: absent).
    #[serde(rename = "l")]
    Listing(PathBuf, Option<u64>),
}

impl Input {
    /// The input at `path` as it is now; a stat that changed at or after `since` is recorded as
    /// one no later look will match.
    fn now(&self, since: i64) -> Input {
        match self {
            Input::Stat(path, _) => Input::Stat(path.clone(), stat(path, since)),
            Input::Exists(path, _) => Input::Exists(path.clone(), path.exists()),
            Input::Listing(path, _) => Input::Listing(path.clone(), listing(path)),
        }
    }
}

/// `cargo metadata --no-deps`'s answer and what it depended on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The directory cargo ran in and the manifest it was given.
    pub cwd: PathBuf,
    pub manifest_path: Option<PathBuf>,
    pub env: Vec<(String, Option<OsString>)>,
    /// Files and directories, as they were.
    pub inputs: Vec<Input>,
    /// The answer, as cargo printed it.
    pub metadata: String,
    /// Local packages cargo reported that are not members (path dependencies from outside).
    #[serde(default)]
    pub outsiders: Vec<String>,
}

impl Snapshot {
    /// What cargo said, and its inputs as they are now (taken just after cargo answered).
    pub fn take(
        selection: &Selection,
        metadata: &Metadata,
        json: String,
        asked: SystemTime,
    ) -> Option<Snapshot> {
        let cwd = std::env::current_dir().ok()?;
        let since = nanos(asked.checked_sub(RACY)?);
        let inputs = inputs(&cwd, metadata)
            .iter()
            .map(|input| input.now(since))
            .collect();
        Some(Snapshot {
            cwd,
            manifest_path: selection.manifest_path.clone(),
            env: environment(),
            inputs,
            metadata: json,
            outsiders: Vec::new(),
        })
    }

    /// True when cargo would give the same answer now: same directory, manifest and
    /// environment, and every input as it was.
    pub fn holds(&self, selection: &Selection) -> bool {
        std::env::current_dir().is_ok_and(|cwd| cwd == self.cwd)
            && self.manifest_path == selection.manifest_path
            && self.env == environment()
            && self
                .inputs
                .iter()
                .all(|input| input.now(i64::MAX) == *input)
    }

    /// The selected targets, from the kept answer.
    pub fn workspace(&self, selection: &Selection) -> Result<Workspace, LintError> {
        let metadata = cargo_metadata::MetadataCommand::parse(&self.metadata)
            .map_err(|e| LintError::Metadata(e.to_string()))?;
        from_metadata(&metadata, selection)
    }
}

/// The values of the variables in [`ENV`].
fn environment() -> Vec<(String, Option<OsString>)> {
    let mut env: Vec<(String, Option<OsString>)> = ENV
        .iter()
        .map(|name| (name.to_string(), std::env::var_os(name)))
        .collect();
    if std::env::var_os("CARGO").is_none() {
        env.push(("PATH".into(), std::env::var_os("PATH")));
    }
    env
}

fn nanos(t: SystemTime) -> i64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// The stat of a file or directory; one that changed at or after `since` is recorded as a stat
/// no later look will match.
fn stat(path: &Path, since: i64) -> Option<Stat> {
    let stat = Stat::of(&std::fs::metadata(path).ok()?);
    if stat.mtime >= since || stat.ctime >= since {
        return Some(Stat {
            len: u64::MAX,
            mtime: i64::MIN,
            ctime: i64::MIN,
            ino: 0,
        });
    }
    Some(stat)
}

/// The names of the Rust files (not hidden) and the directories a directory lists, hashed.
fn listing(dir: &Path) -> Option<u64> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let dir = e.file_type().is_ok_and(|t| t.is_dir());
            (dir || (name.ends_with(".rs") && !name.starts_with('.'))).then_some(name)
        })
        .collect();
    names.sort();
    let mut h = Hasher::default();
    for name in &names {
        h.str(name);
    }
    Some(h.finish())
}

/// Everything whose change could change the answer (values still to be taken).
fn inputs(cwd: &Path, metadata: &Metadata) -> Vec<Input> {
    let stat = |path: PathBuf| Input::Stat(path, None);
    let mut inputs = Vec::new();
    let mut configs = |dir: &Path| {
        for name in ["Cargo.toml", "rust-toolchain", "rust-toolchain.toml"] {
            inputs.push(stat(dir.join(name)));
        }
        for name in ["config", "config.toml"] {
            inputs.push(stat(dir.join(".cargo").join(name)));
        }
    };
    for dir in cwd.ancestors() {
        configs(dir);
    }
    for dir in metadata.workspace_root.as_std_path().ancestors() {
        configs(dir);
    }
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    if let Some(home) = home {
        inputs.push(stat(home.join("config")));
        inputs.push(stat(home.join("config.toml")));
    }
    if let Some(cargo) = cargo_binary() {
        inputs.push(stat(cargo));
    }
    for package in metadata.workspace_packages() {
        let manifest = package.manifest_path.as_std_path();
        inputs.push(stat(manifest.to_owned()));
        let Some(dir) = manifest.parent() else {
            continue;
        };
        // Where a glob of the workspace's `members` would find a new one.
        if let Some(parent) = dir.parent()
            && dir != metadata.workspace_root.as_std_path()
        {
            inputs.push(Input::Listing(parent.to_owned(), None));
        }
        for file in ["src/lib.rs", "src/main.rs"] {
            inputs.push(Input::Exists(dir.join(file), false));
        }
        for sub in ["src/bin", "examples", "tests", "benches"] {
            let sub = dir.join(sub);
            if let Ok(entries) = std::fs::read_dir(&sub) {
                let mut mains: Vec<PathBuf> = entries
                    .flatten()
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                    .map(|e| e.path().join("main.rs"))
                    .collect();
                mains.sort();
                inputs.extend(mains.into_iter().map(|m| Input::Exists(m, false)));
            }
            inputs.push(Input::Listing(sub, None));
        }
    }
    inputs.sort_by(|a, b| key(a).cmp(key(b)));
    inputs.dedup();
    inputs
}

fn key(input: &Input) -> &Path {
    match input {
        Input::Stat(p, _) | Input::Exists(p, _) | Input::Listing(p, _) => p,
    }
}

/// The target directory cargo's configuration files set (`build.target-dir`): the nearest
/// `.cargo/config.toml` (or `.cargo/config`) from `cwd` up, then `CARGO_HOME`'s; a relative
/// path is relative to the directory holding `.cargo`, as cargo takes it.
pub fn configured_target_dir(cwd: &Path) -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let in_tree = cwd
        .ancestors()
        .map(|dir| (dir.join(".cargo"), dir.to_owned()));
    let in_home = home.map(|h| (h.clone(), h.parent().map_or(h.clone(), Path::to_owned)));
    for (dot_cargo, base) in in_tree.chain(in_home) {
        for name in ["config.toml", "config"] {
            let Ok(text) = std::fs::read_to_string(dot_cargo.join(name)) else {
                continue;
            };
            let value: toml::Value = toml::from_str(&text).ok()?;
            if let Some(dir) = value
                .get("build")
                .and_then(|b| b.get("target-dir"))
                .and_then(toml::Value::as_str)
            {
                return Some(base.join(dir));
            }
            break;
        }
    }
    None
}

/// The cargo that answers: `CARGO` (cargo sets it for its subcommands), else the first `cargo`
/// on `PATH`.
fn cargo_binary() -> Option<PathBuf> {
    if let Some(cargo) = std::env::var_os("CARGO") {
        return Some(PathBuf::from(cargo));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("cargo"))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_cargo_config_sets_the_target_directory_relative_to_it() {
        let base =
            std::env::temp_dir().join(format!("async-explain-config-{}", std::process::id()));
        let inner = base.join("ws/crate");
        std::fs::create_dir_all(inner.join(".cargo")).unwrap();
        std::fs::create_dir_all(base.join("ws/.cargo")).unwrap();
        std::fs::write(
            base.join("ws/.cargo/config.toml"),
            "[build]\ntarget-dir = \"../shared-target\"\n",
        )
        .unwrap();
        // A nearer config without the key does not hide a farther one that has it.
        std::fs::write(inner.join(".cargo/config.toml"), "[alias]\nb = \"build\"\n").unwrap();
        assert_eq!(
            configured_target_dir(&inner),
            Some(base.join("ws").join("../shared-target"))
        );
        std::fs::write(
            inner.join(".cargo/config.toml"),
            "[build]\ntarget-dir = \"/elsewhere\"\n",
        )
        .unwrap();
        assert_eq!(
            configured_target_dir(&inner),
            Some(PathBuf::from("/elsewhere"))
        );
        let _ = std::fs::remove_dir_all(&base);
    }
}
