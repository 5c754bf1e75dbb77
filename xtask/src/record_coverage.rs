//! `cargo xtask record-coverage`: records what `cargo check` prints for the coverage corpus.
//!
//! This file owns recording `coverage/` (see `coverage/README.md`): one
//! `cargo check --message-format=json --keep-going -p PACKAGE --bins` per package, its compiler
//! messages grouped by compilation target (each case is a bin target, so the order inside a
//! group is rustc's own and does not depend on which target cargo finished first), normalised
//! with the fixture recorder's rules (`record.rs`, described in `fixtures/README.md`) and
//! written to (or, with `--check`, compared with) `coverage/PACKAGE/recorded/CASE.json`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::record::{Environment, cargo_command, plural, print_diff, touch_sources};

/// What `cargo xtask record-coverage` was asked to do.
#[derive(Debug, Default)]
pub struct Options {
    /// Compare with the committed recordings instead of writing them.
    pub check: bool,
    /// Packages to record; all of them when empty.
    pub packages: Vec<String>,
}

/// The folder of the corpus workspace.
pub fn coverage_dir() -> Result<PathBuf> {
    Ok(Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .context("xtask has no parent directory")?
        .join("coverage"))
}

/// Records (or checks) the selected packages. Returns `Ok(false)` when `--check` found a case
/// whose recording drifted, is missing, or has no source any more.
pub fn run(options: &Options) -> Result<bool> {
    let dir = coverage_dir()?;
    let packages = select_packages(&dir, &options.packages)?;
    let env = Environment::probe(&dir, "/coverage")?;
    let mut drifted = Vec::new();
    let (mut cases, mut diagnostics) = (0, 0);
    for package in &packages {
        let recordings = record(&env, &dir, package, options.check)?;
        let recorded_dir = dir.join(package).join("recorded");
        for (case, recording) in &recordings {
            cases += 1;
            diagnostics += recording.diagnostics;
            let path = recorded_dir.join(format!("{case}.json"));
            let name = format!("{package}/{case}");
            if !options.check {
                fs::create_dir_all(&recorded_dir)
                    .with_context(|| format!("cannot create {}", recorded_dir.display()))?;
                fs::write(&path, &recording.text)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                continue;
            }
            match fs::read_to_string(&path) {
                Ok(committed) if committed == recording.text => {}
                Ok(committed) => {
                    println!("{name:<60} DRIFTED {}", recording.summary);
                    print_diff(&committed, &recording.text);
                    drifted.push(name);
                }
                Err(_) => {
                    println!("{name:<60} MISSING ({})", recording.summary);
                    drifted.push(name);
                }
            }
        }
        // A recording whose case is gone would be replayed for nothing: remove it (or, under
        // `--check`, report it).
        for stale in stale_recordings(&recorded_dir, &recordings)? {
            if options.check {
                println!("{package}/{stale:<50} STALE   no src/bin/{stale}.rs");
                drifted.push(format!("{package}/{stale}"));
            } else {
                fs::remove_file(recorded_dir.join(format!("{stale}.json")))?;
            }
        }
        println!("{package:<30} {}", plural(recordings.len(), "case"));
    }
    println!(
        "{} in {}: {}",
        plural(cases, "case"),
        plural(packages.len(), "package"),
        plural(diagnostics, "diagnostic")
    );
    if !drifted.is_empty() {
        eprintln!(
            "\n{} coverage case(s) differ from their recording: {}\n\
             re-record with `cargo xtask record-coverage` and review the diff",
            drifted.len(),
            drifted.join(", ")
        );
        return Ok(false);
    }
    Ok(true)
}

/// The packages to record: the named ones, or every folder with a Cargo.toml.
fn select_packages(dir: &Path, requested: &[String]) -> Result<Vec<String>> {
    let mut all = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let entry = entry?;
        if entry.path().join("Cargo.toml").is_file() {
            all.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    all.sort();
    for package in requested {
        if !all.contains(package) {
            bail!("no coverage package `{package}` (a folder under coverage/ with a Cargo.toml)");
        }
    }
    if requested.is_empty() {
        Ok(all)
    } else {
        Ok(all.into_iter().filter(|p| requested.contains(p)).collect())
    }
}

/// One case's normalised recording.
struct Recording {
    text: String,
    diagnostics: usize,
    summary: String,
}

/// The cases of a package: the file stems under `src/bin`, sorted.
fn cases(package_dir: &Path) -> Result<Vec<String>> {
    let bin = package_dir.join("src").join("bin");
    let mut cases = Vec::new();
    for entry in fs::read_dir(&bin).with_context(|| format!("cannot read {}", bin.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "rs") {
            cases.push(path.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    cases.sort();
    Ok(cases)
}

/// Runs cargo once for the package and returns each case's recording, by case name.
fn record(
    env: &Environment,
    dir: &Path,
    package: &str,
    locked: bool,
) -> Result<BTreeMap<String, Recording>> {
    let own_id = env.package_ids.get(package).with_context(|| {
        format!("`{package}` is not a member of coverage/Cargo.toml (folder and package name must match)")
    })?;
    let package_dir = dir.join(package);
    let cases = cases(&package_dir)?;
    // Cached diagnostics of a fresh crate are replayed as an earlier build rendered them.
    touch_sources(&package_dir)?;
    let mut command = cargo_command(&env.cargo, dir);
    command.args(["check", "--message-format=json", "--keep-going"]);
    if locked {
        command.arg("--locked");
    }
    command.args(["-p", package, "--bins"]);
    let output = command
        .output()
        .with_context(|| format!("cannot run `{}`", env.cargo))?;
    let stdout = String::from_utf8(output.stdout).context("cargo printed non-UTF-8 output")?;

    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut finished = false;
    for line in stdout.lines() {
        let Ok(message) = serde_json::from_str::<Value>(line) else {
            bail!("`cargo check -p {package}` printed a line that is not JSON: {line}");
        };
        match message["reason"].as_str() {
            Some("compiler-message") if message["package_id"].as_str() == Some(own_id) => {
                let target = message["target"]["name"]
                    .as_str()
                    .context("a compiler message without a target name")?;
                groups
                    .entry(target.to_string())
                    .or_default()
                    .push(env.normalise(line));
            }
            Some("compiler-message") => bail!(
                "`cargo check -p {package}` reported on another package (a dependency that does not build?): {line}"
            ),
            Some("build-finished") => finished = true,
            _ => {}
        }
    }
    if !finished {
        bail!(
            "`cargo check -p {package}` did not finish a build ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let mut recordings = BTreeMap::new();
    for case in cases {
        let lines = groups.remove(&case).unwrap_or_default();
        if lines.is_empty() {
            bail!("coverage case {package}/{case} compiled without a diagnostic: a case must fail");
        }
        let (mut errors, mut warnings) = (0, 0);
        for line in &lines {
            let message: Value = serde_json::from_str(line)?;
            match message["message"]["level"].as_str() {
                Some("error") => errors += 1,
                Some("warning") => warnings += 1,
                _ => {}
            }
        }
        let mut text = lines.join("\n");
        text.push('\n');
        let summary = format!(
            "{}: {}, {}",
            plural(lines.len(), "diagnostic"),
            plural(errors, "error"),
            plural(warnings, "warning")
        );
        recordings.insert(
            case,
            Recording {
                text,
                diagnostics: lines.len(),
                summary,
            },
        );
    }
    if let Some(target) = groups.keys().next() {
        bail!("`cargo check -p {package}` reported on `{target}`, which is no case of src/bin");
    }
    Ok(recordings)
}

/// Recordings in `recorded_dir` whose case no longer exists.
fn stale_recordings(
    recorded_dir: &Path,
    recordings: &BTreeMap<String, Recording>,
) -> Result<Vec<String>> {
    let Ok(entries) = fs::read_dir(recorded_dir) else {
        return Ok(Vec::new());
    };
    let mut stale = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        if path.extension().is_some_and(|e| e == "json") && !recordings.contains_key(&*stem) {
            stale.push(stem.into_owned());
        }
    }
    stale.sort();
    Ok(stale)
}
