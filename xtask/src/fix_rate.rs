//! `cargo xtask fix-rate`: how well `cargo async-explain fix` does on the fixture crates and,
//! when it exists, the coverage corpus (`coverage/<package>/src/bin/<case>.rs`).
//!
//! Each corpus is copied once to `target/fix-rate/<corpus>` (its `Cargo.lock` included, checked
//! `--offline` against the corpus's usual target directory, so tokio is not built again). For
//! each case it checks the copy, then, for every explained diagnostic, applies each of its edits
//! alone (in the order `fix` tries them) until one removes the diagnostic without a new error,
//! then runs `fix` itself, and restores the files after each step. It reports: explained
//! diagnostics; those with an edit that applies; of those, how many `fix` removes (it never
//! adds an error: a case where it did fails the run); how many some edit alone removes, and how
//! often that is the first fix the explanation shows; and which crates build after `fix`.
//! `--write` puts the tables into `docs/fixes.md`; `--require-builds CASE` fails the run when
//! that case does not build after `fix`.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use cargo_async_explain::fix::{
    self, FixError,
    apply::{self, Pick},
    check::{self, Check},
    collect::Explained,
    tally::Key,
    vcs::Allow,
};
use cargo_async_explain::kb::Kb;

/// What `cargo xtask fix-rate` was asked to do.
#[derive(Debug, Default)]
pub struct Options {
    /// Cases to measure (`demo`, `coverage/<package>/<case>`); all when empty.
    pub cases: Vec<String>,
    /// Write the tables into docs/fixes.md.
    pub write: bool,
    /// Cases that must build after `fix`.
    pub require_builds: Vec<String>,
}

const BEGIN: &str = "<!-- fix-rate:begin (cargo xtask fix-rate --write) -->";
const END: &str = "<!-- fix-rate:end -->";

/// Measures the selected cases; `Ok(false)` when `fix` left a case with a new error or a
/// required case does not build.
pub fn run(options: &Options) -> Result<bool> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .context("xtask has no parent directory")?
        .to_owned();
    let kb = Kb::embedded().map_err(|errors| {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("the knowledge base does not load:\n{}", list.join("\n"))
    })?;
    let mut corpora = vec![Corpus::fixtures(&repo)?];
    corpora.extend(Corpus::coverage(&repo)?);
    let mut selected: Vec<(usize, Case)> = Vec::new();
    for (index, corpus) in corpora.iter().enumerate() {
        for case in &corpus.cases {
            if options.cases.is_empty() || options.cases.contains(&case.name) {
                selected.push((index, case.clone()));
            }
        }
    }
    for wanted in options.cases.iter().chain(&options.require_builds) {
        if !selected.iter().any(|(_, c)| &c.name == wanted) {
            bail!("no case `{wanted}` (a fixture name, or coverage/<package>/<case>)");
        }
    }
    let mut copied = vec![false; corpora.len()];
    let mut results = Vec::new();
    let total = selected.len();
    for (n, (index, case)) in selected.into_iter().enumerate() {
        let corpus = &corpora[index];
        if !copied[index] {
            corpus.copy(&repo)?;
            copied[index] = true;
        }
        let measured =
            measure(&kb, corpus, &case).with_context(|| format!("measuring `{}`", case.name))?;
        eprintln!("[{}/{total}] {}: {}", n + 1, case.name, measured.line());
        results.push((corpus.name, case, measured));
    }
    let rustc = rustc_version();
    let text = report(&results, &corpora, &rustc, options.cases.is_empty());
    print!("{text}");
    if options.write {
        let path = repo.join("docs/fixes.md");
        let doc = fs::read_to_string(&path).context("cannot read docs/fixes.md")?;
        let (Some(start), Some(end)) = (doc.find(BEGIN), doc.find(END)) else {
            bail!("docs/fixes.md has no `{BEGIN}` … `{END}` section");
        };
        let updated = format!("{}{BEGIN}\n{text}{}", &doc[..start], &doc[end..]);
        fs::write(&path, updated).context("cannot write docs/fixes.md")?;
        eprintln!("wrote docs/fixes.md");
    }
    let mut ok = true;
    for (_, case, m) in &results {
        if !m.worse.is_empty() {
            eprintln!(
                "error: `fix` left `{}` with new errors: {}",
                case.name,
                m.worse.join("; ")
            );
            ok = false;
        }
        if options.require_builds.contains(&case.name) && !m.builds_after {
            eprintln!(
                "error: `{}` does not build after `fix` ({} error(s) remain)",
                case.name, m.errors_after
            );
            ok = false;
        }
    }
    Ok(ok)
}

/// A set of crates measured together: the fixtures or the coverage corpus.
struct Corpus {
    name: &'static str,
    /// The corpus in the repository.
    source: PathBuf,
    /// Where it is copied to and measured.
    copy: PathBuf,
    /// The target directory its builds already use.
    target_dir: PathBuf,
    cases: Vec<Case>,
    /// Cases not measured, and why.
    skipped: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
struct Case {
    /// `demo`, or `coverage/<package>/<case>`.
    name: String,
    /// The manifest to check, relative to the corpus.
    manifest: PathBuf,
    /// Cargo arguments selecting the case.
    args: Vec<String>,
}

impl Corpus {
    /// `fixtures/`: every folder with a `fixture.toml` recorded with `cargo check` (the
    /// default); those recorded with clippy, or from a program's run, report nothing `fix` sees.
    fn fixtures(repo: &Path) -> Result<Corpus> {
        let source = repo.join("fixtures");
        let mut cases = Vec::new();
        let mut skipped = Vec::new();
        for dir in sorted_dirs(&source)? {
            let meta_path = dir.join("fixture.toml");
            if !meta_path.is_file() || !dir.join("Cargo.toml").is_file() {
                continue;
            }
            let name = file_name(&dir);
            let meta: toml::Table = fs::read_to_string(&meta_path)?
                .parse()
                .with_context(|| format!("{}", meta_path.display()))?;
            let command = meta
                .get("command")
                .and_then(toml::Value::as_str)
                .unwrap_or("check");
            if command != "check" {
                skipped.push((name, format!("recorded with `cargo {command}`")));
                continue;
            }
            let mut args = vec!["-p".to_owned(), name.clone()];
            args.extend(
                meta.get("args")
                    .and_then(toml::Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str().map(str::to_owned)),
            );
            cases.push(Case {
                name,
                manifest: PathBuf::from("Cargo.toml"),
                args,
            });
        }
        Ok(Corpus {
            name: "fixtures",
            target_dir: configured_target_dir(&source).unwrap_or(repo.join("target/fixtures")),
            copy: repo.join("target/fix-rate/fixtures"),
            source,
            cases,
            skipped,
        })
    }

    /// `coverage/`, when it exists: each `<package>/src/bin/<case>.rs` is a case.
    fn coverage(repo: &Path) -> Result<Option<Corpus>> {
        let source = repo.join("coverage");
        if !source.is_dir() {
            return Ok(None);
        }
        let workspace = source.join("Cargo.toml").is_file();
        let mut cases = Vec::new();
        for package in sorted_dirs(&source)? {
            let bins = package.join("src/bin");
            if !package.join("Cargo.toml").is_file() || !bins.is_dir() {
                continue;
            }
            let package_name = file_name(&package);
            let mut files: Vec<PathBuf> = fs::read_dir(&bins)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "rs"))
                .collect();
            files.sort();
            for file in files {
                let stem = file
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                cases.push(Case {
                    name: format!("coverage/{package_name}/{stem}"),
                    manifest: if workspace {
                        PathBuf::from("Cargo.toml")
                    } else {
                        PathBuf::from(&package_name).join("Cargo.toml")
                    },
                    args: vec![
                        "-p".to_owned(),
                        package_name.clone(),
                        "--bin".to_owned(),
                        stem,
                    ],
                });
            }
        }
        Ok(Some(Corpus {
            name: "coverage",
            target_dir: configured_target_dir(&source).unwrap_or(repo.join("target/coverage")),
            copy: repo.join("target/fix-rate/coverage"),
            source,
            cases,
            skipped: Vec::new(),
        }))
    }

    /// A fresh copy of the corpus (without build output).
    fn copy(&self, repo: &Path) -> Result<()> {
        if self.copy.exists() {
            fs::remove_dir_all(&self.copy)
                .with_context(|| format!("cannot remove {}", self.copy.display()))?;
        }
        copy_dir(&self.source, &self.copy)?;
        eprintln!(
            "copied {} to {}",
            self.source
                .strip_prefix(repo)
                .unwrap_or(&self.source)
                .display(),
            self.copy.display()
        );
        Ok(())
    }

    fn cargo_args(&self, case: &Case) -> Vec<OsString> {
        let mut args: Vec<OsString> = vec![
            "--manifest-path".into(),
            self.copy.join(&case.manifest).into(),
            "--offline".into(),
            "--target-dir".into(),
            self.target_dir.clone().into(),
        ];
        args.extend(case.args.iter().map(OsString::from));
        args
    }
}

/// What one case gave.
#[derive(Debug, Default, Clone)]
struct Measured {
    explained: usize,
    with_edit: usize,
    removed: usize,
    some_works: usize,
    first_works: usize,
    errors_before: usize,
    errors_after: usize,
    builds_before: bool,
    builds_after: bool,
    /// Errors `fix` added (must stay empty).
    worse: Vec<String>,
}

impl Measured {
    fn line(&self) -> String {
        format!(
            "{} explained, {} with an edit, {} removed by fix, some edit works for {}, the first fix for {}; errors {} → {}{}",
            self.explained,
            self.with_edit,
            self.removed,
            self.some_works,
            self.first_works,
            self.errors_before,
            self.errors_after,
            if self.builds_after && !self.builds_before {
                " (builds now)"
            } else {
                ""
            }
        )
    }

    fn add(&mut self, other: &Measured) {
        self.explained += other.explained;
        self.with_edit += other.with_edit;
        self.removed += other.removed;
        self.some_works += other.some_works;
        self.first_works += other.first_works;
        self.errors_before += other.errors_before;
        self.errors_after += other.errors_after;
    }
}

fn measure(kb: &Kb, corpus: &Corpus, case: &Case) -> Result<Measured> {
    let args = corpus.cargo_args(case);
    let workspace = check::workspace(&args)?;
    let base = check::run(&args, kb, true)?;
    let explained = &base.analysis.explained;
    let mut m = Measured {
        explained: explained.len(),
        errors_before: base.analysis.counts.errors.total(),
        builds_before: base.success,
        ..Measured::default()
    };
    // Diagnostics with an edit, by key (several may share one).
    let mut with_edit: BTreeMap<&Key, usize> = BTreeMap::new();
    for (d, diagnostic) in explained.iter().enumerate() {
        let mut applies = false;
        let mut works = None;
        for c in 0..diagnostic.candidates.len() {
            let plan = apply::plan(
                &workspace,
                explained,
                Pick::Only {
                    diagnostic: d,
                    candidate: c,
                },
            )?;
            if plan.files.is_empty() {
                continue;
            }
            applies = true;
            let after = with_files(&plan, || check::run(&args, kb, true))?;
            if removes(diagnostic, &base, &after) {
                works = Some(c);
                break;
            }
        }
        if applies {
            m.with_edit += 1;
            *with_edit.entry(&diagnostic.key).or_default() += 1;
        }
        if works.is_some() {
            m.some_works += 1;
        }
        if works == Some(0) && diagnostic.first_fix_is_edit {
            m.first_works += 1;
        }
    }
    let last = if m.with_edit > 0 {
        let options = fix::Options {
            cargo_args: args.clone(),
            dry_run: false,
            allow: Allow {
                no_vcs: true,
                ..Allow::default()
            },
            max_rounds: fix::MAX_ROUNDS,
            color: false,
            lint: true,
        };
        let report = fix::run(&options, kb, &mut std::io::sink())?;
        for change in &report.changed {
            let path = workspace.root.join(&change.name);
            fs::write(&path, &change.before)
                .with_context(|| format!("cannot restore {}", path.display()))?;
        }
        report.last
    } else {
        base.clone()
    };
    let before = &base.analysis.counts;
    let after = &last.analysis.counts;
    for (key, n) in with_edit {
        let tally = if key.level.starts_with("error") {
            (&before.errors, &after.errors)
        } else {
            (&before.warnings, &after.warnings)
        };
        let gone = tally.0.count(key).saturating_sub(tally.1.count(key));
        m.removed += gone.min(n);
    }
    m.worse = after
        .errors
        .new_since(&before.errors)
        .iter()
        .map(ToString::to_string)
        .collect();
    m.errors_after = after.errors.total();
    m.builds_after = last.success;
    Ok(m)
}

/// Whether a check after an edit no longer has the diagnostic (one fewer of its key) and has
/// no new error (for a warning, no new warning either).
fn removes(diagnostic: &Explained, before: &Check, after: &Check) -> bool {
    let (b, a) = (&before.analysis.counts, &after.analysis.counts);
    if !a.errors.new_since(&b.errors).is_empty() {
        return false;
    }
    if diagnostic.is_error() {
        a.errors.count(&diagnostic.key) < b.errors.count(&diagnostic.key)
    } else {
        a.warnings.new_since(&b.warnings).is_empty()
            && a.warnings.count(&diagnostic.key) < b.warnings.count(&diagnostic.key)
    }
}

/// Runs `f` with the plan's files written, and restores them whatever happens.
fn with_files(plan: &apply::Plan, f: impl FnOnce() -> Result<Check, FixError>) -> Result<Check> {
    for file in &plan.files {
        fs::write(&file.path, &file.after)
            .with_context(|| format!("cannot write {}", file.path.display()))?;
    }
    let result = f();
    for file in &plan.files {
        fs::write(&file.path, &file.before)
            .with_context(|| format!("cannot restore {}", file.path.display()))?;
    }
    Ok(result?)
}

/// A row of the totals table: its label, and its cell for a column.
type Row = (&'static str, fn(&Total) -> String);

/// One column of the totals table.
struct Total {
    name: &'static str,
    m: Measured,
    cases: usize,
    /// Cases whose first check failed with an explained diagnostic, and how many of them build
    /// after `fix`.
    failing: usize,
    built: usize,
}

impl Total {
    fn add(&mut self, other: &Total) {
        self.m.add(&other.m);
        self.cases += other.cases;
        self.failing += other.failing;
        self.built += other.built;
    }
}

/// The Markdown tables: totals per corpus, then every case with an explained diagnostic, then
/// (when every case was measured) the fixtures left out.
fn report(
    results: &[(&'static str, Case, Measured)],
    corpora: &[Corpus],
    rustc: &str,
    every_case: bool,
) -> String {
    let mut totals: Vec<Total> = Vec::new();
    for corpus in corpora {
        let mut total = Total {
            name: corpus.name,
            m: Measured::default(),
            cases: 0,
            failing: 0,
            built: 0,
        };
        for (_, _, m) in results.iter().filter(|(name, _, _)| *name == corpus.name) {
            total.cases += 1;
            total.m.add(m);
            if !m.builds_before && m.explained > 0 {
                total.failing += 1;
                total.built += usize::from(m.builds_after);
            }
        }
        if total.cases > 0 {
            totals.push(total);
        }
    }
    if totals.len() > 1 {
        let mut all = Total {
            name: "all",
            m: Measured::default(),
            cases: 0,
            failing: 0,
            built: 0,
        };
        for total in &totals {
            all.add(total);
        }
        totals.push(all);
    }
    let mut out = format!("Measured with {rustc}.\n\n| |");
    for total in &totals {
        out.push_str(&format!(" {} |", total.name));
    }
    out.push_str("\n|---|");
    out.push_str(&"---:|".repeat(totals.len()));
    out.push('\n');
    let rows: [Row; 8] = [
        ("cases measured", |t| t.cases.to_string()),
        ("explained diagnostics", |t| t.m.explained.to_string()),
        ("… with an edit that applies", |t| {
            ratio(t.m.with_edit, t.m.explained)
        }),
        ("… of those, removed by `fix` (no new error)", |t| {
            ratio(t.m.removed, t.m.with_edit)
        }),
        ("… of those, removed by some edit alone", |t| {
            ratio(t.m.some_works, t.m.with_edit)
        }),
        ("… of those, by the first fix shown, alone", |t| {
            ratio(t.m.first_works, t.m.some_works)
        }),
        ("errors before → after `fix`", |t| {
            format!("{} → {}", t.m.errors_before, t.m.errors_after)
        }),
        (
            "crates failing with an explained diagnostic that build after `fix`",
            |t| format!("{} of {}", t.built, t.failing),
        ),
    ];
    for (label, cell) in rows {
        out.push_str(&format!("| {label} |"));
        for total in &totals {
            out.push_str(&format!(" {} |", cell(total)));
        }
        out.push('\n');
    }
    out.push_str("\nEvery case with an explained diagnostic:\n\n");
    out.push_str("| case | explained | with an edit | removed by `fix` | some edit alone | first fix alone | errors before → after | builds after `fix` |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (_, case, m) in results {
        if m.explained == 0 {
            continue;
        }
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} | {} → {} | {} |\n",
            case.name,
            m.explained,
            m.with_edit,
            m.removed,
            m.some_works,
            m.first_works,
            m.errors_before,
            m.errors_after,
            if m.builds_after { "yes" } else { "no" }
        ));
    }
    let skipped: Vec<String> = corpora
        .iter()
        .flat_map(|c| c.skipped.iter())
        .map(|(name, why)| format!("`{name}` ({why})"))
        .collect();
    if every_case && !skipped.is_empty() {
        out.push_str(&format!(
            "\nNot measured (`fix` runs `cargo check` and the blocking-call lint, which report none of their diagnostics): {}.\n",
            skipped.join(", ")
        ));
    }
    out
}

fn ratio(n: usize, of: usize) -> String {
    if of == 0 {
        format!("{n} of 0")
    } else {
        format!("{n} of {of} ({:.0} %)", 100.0 * n as f64 / of as f64)
    }
}

fn rustc_version() -> String {
    std::process::Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "an unknown rustc".to_owned())
}

/// `[build] target-dir` of `<dir>/.cargo/config.toml`, relative to `dir` as cargo reads it.
fn configured_target_dir(dir: &Path) -> Option<PathBuf> {
    let text = fs::read_to_string(dir.join(".cargo/config.toml")).ok()?;
    let config: toml::Table = text.parse().ok()?;
    let target = config.get("build")?.get("target-dir")?.as_str()?;
    let path = dir.join(target);
    Some(std::path::absolute(&path).unwrap_or(path))
}

fn sorted_dirs(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    Ok(dirs)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Copies a directory tree, leaving out build output and version control.
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).with_context(|| format!("cannot create {}", to.display()))?;
    for entry in fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))? {
        let entry = entry?;
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        let target = to.join(&name);
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .with_context(|| format!("cannot copy {}", entry.path().display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_round_to_whole_percents() {
        assert_eq!(ratio(2, 3), "2 of 3 (67 %)");
        assert_eq!(ratio(0, 0), "0 of 0");
    }

    #[test]
    fn the_fixtures_target_directory_is_the_one_their_config_names() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let dir = configured_target_dir(&repo.join("fixtures")).unwrap();
        assert!(
            dir.ends_with("fixtures/../target/fixtures"),
            "{}",
            dir.display()
        );
    }
}
