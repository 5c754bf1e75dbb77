//! The blocking-call lint end to end: the precision suite (`fixtures/blocking-precision`, whose
//! lines say what the lint must report), a project's `[lint.blocking]` settings, the binary's
//! `lint` command and its run after `cargo check` (exit statuses, `--deny`, `--no-lint`, the
//! targets cargo checked), and the cache (findings identical with and without it, what a change
//! re-checks, damaged, foreign and stale caches rebuilt).

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, SystemTime};

use cargo_async_explain::lint::cache::Rejected;
use cargo_async_explain::lint::{self, Blocking, BlockingConfig, Render, Selection, Session};
use common::repo;
use proptest::prelude::*;

const RENDER: Render = Render {
    deny: false,
    color: false,
    width: 100,
};

fn lint_package(manifest: &Path, package: &str) -> lint::Report {
    let options = lint::Options {
        selection: Selection {
            manifest_path: Some(manifest.to_owned()),
            packages: vec![package.to_owned()],
            ..Selection::default()
        },
        render: RENDER,
    };
    lint::run(&options).unwrap_or_else(|e| panic!("the lint runs on {package}: {e}"))
}

/// (file relative to the workspace, line, message) of each finding's primary span.
fn findings(report: &lint::Report) -> Vec<(String, usize, String)> {
    String::from_utf8(report.json.clone())
        .unwrap()
        .lines()
        .map(|line| {
            let message: cargo_metadata::Message = serde_json::from_str(line).unwrap();
            let cargo_metadata::Message::CompilerMessage(m) = message else {
                panic!("not a compiler message: {line}");
            };
            let span = m.message.spans.iter().find(|s| s.is_primary).unwrap();
            (span.file_name.clone(), span.line_start, m.message.message)
        })
        .collect()
}

#[test]
fn precision_suite_reports_exactly_the_marked_lines() {
    let fixtures = repo().join("fixtures");
    let report = lint_package(&fixtures.join("Cargo.toml"), "blocking-precision");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let reported: BTreeSet<(String, usize)> = findings(&report)
        .into_iter()
        .map(|(file, line, _)| (file, line))
        .collect();
    let mut marked = Vec::new();
    for file in &report.files {
        let name = file.strip_prefix(&fixtures).unwrap().display().to_string();
        for (i, line) in std::fs::read_to_string(file).unwrap().lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue; // the marker words in prose
            }
            for marker in ["true positive", "false positive", "false negative"] {
                if line.ends_with(&format!("// {marker}"))
                    || line.contains(&format!("// {marker} "))
                {
                    marked.push(((name.clone(), i + 1), marker));
                }
            }
        }
    }
    let mut wrong = Vec::new();
    let mut counts = std::collections::BTreeMap::new();
    for (place, marker) in &marked {
        *counts.entry(*marker).or_insert(0) += 1;
        let expected = *marker != "false negative";
        if reported.contains(place) != expected {
            wrong.push(format!("{}:{} is marked `{marker}`", place.0, place.1));
        }
    }
    for place in &reported {
        if !marked.iter().any(|(p, _)| p == place) {
            wrong.push(format!(
                "{}:{} is reported but not marked",
                place.0, place.1
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(counts["true positive"] >= 30, "{counts:?}");
    assert_eq!(report.allowed, 2, "the two allow comments");
}

/// A throwaway crate under `target/lint-tests/<name>` with one source file and an optional
/// `.async-explain/config.toml`.
fn scratch_crate(name: &str, source: &str, config: Option<&str>) -> PathBuf {
    let dir = repo().join("target/lint-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[workspace]\n"
        ),
    )
    .unwrap();
    std::fs::write(dir.join("src/lib.rs"), source).unwrap();
    if let Some(config) = config {
        std::fs::create_dir_all(dir.join(".async-explain")).unwrap();
        std::fs::write(dir.join(".async-explain/config.toml"), config).unwrap();
    }
    dir.join("Cargo.toml")
}

#[test]
fn a_project_adds_blocking_apis_and_allows_others() {
    let source = "\
mod db { pub fn query_sync() {} pub fn query_other() {} }
struct Lock;
impl Lock { fn wait_blocking(&self) {} }
pub async fn work() {
    db::query_sync();
    crate::db::query_other();
    Lock.wait_blocking();
    std::fs::metadata(\".\");
    std::fs::read(\".\");
}
";
    let config = "[lint.blocking]\nfunctions = [\"lint_config::db::*\"]\nmethods = [\"wait_blocking\"]\nallow = [\"std::fs::metadata\"]\n";
    let manifest = scratch_crate("lint_config", source, Some(config));
    let found: Vec<String> = findings(&lint_package(&manifest, "lint_config"))
        .into_iter()
        .map(|(_, _, message)| message)
        .collect();
    assert_eq!(
        found,
        [
            "blocking call to `lint_config::db::query_sync` in an `async fn`",
            "blocking call to `lint_config::db::query_other` in an `async fn`",
            "blocking call to `.wait_blocking()` in an `async fn`",
            "blocking call to `std::fs::read` in an `async fn`",
        ]
    );
    let broken = scratch_crate(
        "lint_bad_config",
        "",
        Some("[lint.blocking]\nfunction = []\n"),
    );
    let options = lint::Options {
        selection: Selection {
            manifest_path: Some(broken),
            ..Selection::default()
        },
        render: RENDER,
    };
    let err = lint::run(&options).unwrap_err().to_string();
    assert!(
        err.contains("config.toml") && err.contains("function"),
        "{err}"
    );
}

#[test]
fn findings_are_cargo_messages_with_real_source_lines() {
    let manifest = repo().join("tests/crates/blocking-call/Cargo.toml");
    let report = lint_package(&manifest, "blocking-call");
    let line = String::from_utf8(report.json).unwrap();
    let message: cargo_metadata::Message = serde_json::from_str(line.trim_end()).unwrap();
    let cargo_metadata::Message::CompilerMessage(m) = message else {
        panic!("{line}");
    };
    let d = m.message;
    assert_eq!(d.code.unwrap().code, "async_explain::blocking_in_async");
    assert_eq!(m.target.name, "blocking_call");
    let primary = d.spans.iter().find(|s| s.is_primary).unwrap();
    assert_eq!(primary.file_name, "src/lib.rs");
    assert_eq!((primary.line_start, primary.column_start), (6, 5));
    assert_eq!(
        primary.text[0].text,
        "    std::thread::sleep(Duration::from_millis(1));"
    );
    let source = std::fs::read_to_string(manifest.with_file_name("src/lib.rs")).unwrap();
    assert_eq!(
        &source[primary.byte_start as usize..primary.byte_end as usize],
        "std::thread::sleep(Duration::from_millis(1))"
    );
    let rendered = d.rendered.unwrap();
    assert!(
        rendered.starts_with(
            "warning: blocking call to `std::thread::sleep` in an `async fn`\n --> src/lib.rs:6:5\n"
        ),
        "{rendered}"
    );
    assert!(rendered.contains("inside this `async fn`"), "{rendered}");
}

fn bin(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cargo-async-explain"))
        // `lint` keeps its cache in cargo's target directory: not in the test crates' folders.
        .env("CARGO_TARGET_DIR", repo().join("target/test-crates-lint"))
        .env_remove("CARGO_TERM_COLOR")
        .env("NO_COLOR", "1")
        .env("CARGO_TERM_QUIET", "true")
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn lint_command_exits_0_with_warnings_1_with_deny_and_2_when_it_cannot_run() {
    let dir = repo().join("tests/crates/blocking-call");
    let out = bin(&dir, &["--format", "short", "lint"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("src/lib.rs:6:5: warning[async_explain::blocking_in_async]: blocking call to `std::thread::sleep` in an `async fn` [async-explain::blocking-sleep-in-async:"),
        "{stdout}"
    );
    let denied = bin(&dir, &["lint", "--deny"]);
    assert_eq!(denied.status.code(), Some(1));
    assert!(text(&denied.stdout).starts_with("error: blocking call"));
    let missing = bin(&dir, &["lint", "-p", "no-such-package"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("`no-such-package` is not a member"));
    let usage = bin(&dir, &["lint", "--frobnicate"]);
    assert_eq!(usage.status.code(), Some(2));
    let help = bin(&dir, &["lint", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("--deny"));
}

#[test]
fn check_runs_the_lint_after_cargo_and_keeps_cargos_status() {
    let dir = repo().join("tests/crates/blocking-call");
    let target = repo().join("target/test-crates");
    let target = target.to_str().unwrap();
    let out = bin(
        &dir,
        &["--format", "short", "check", "--target-dir", target],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("warning[async_explain::blocking_in_async]"),
        "{}",
        text(&out.stdout)
    );
    let quiet = bin(
        &dir,
        &[
            "--format",
            "short",
            "--no-lint",
            "check",
            "--target-dir",
            target,
        ],
    );
    assert_eq!(quiet.status.code(), Some(0));
    assert!(!text(&quiet.stdout).contains("async_explain::"));
    let run = bin(
        &dir,
        &[
            "--format",
            "short",
            "build",
            "--target-dir",
            target,
            "--lib",
        ],
    );
    assert_eq!(run.status.code(), Some(0));
    assert!(text(&run.stdout).contains("async_explain::blocking_in_async"));
}

#[test]
fn clippy_turns_on_the_async_lints_unless_the_user_sets_them() {
    let dir = repo().join("tests/crates/blocking-call");
    let target = repo().join("target/test-crates-clippy");
    let target = target.to_str().unwrap();
    // `pause` never awaits: clippy::unused_async, off by default, is turned on.
    let out = bin(
        &dir,
        &["--format", "short", "clippy", "--target-dir", target],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("warning[clippy::unused_async]"), "{stdout}");
    assert!(
        stdout.contains("[async-explain::async-fn-without-await:"),
        "{stdout}"
    );
    assert!(
        stdout.contains("async_explain::blocking_in_async"),
        "{stdout}"
    );
    // The user's own flag after `--` wins.
    let out = bin(
        &dir,
        &[
            "--format",
            "short",
            "clippy",
            "--target-dir",
            target,
            "--",
            "-A",
            "clippy::unused_async",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).contains("clippy::unused_async"));
}

/// The `file:line` of each blocking-call finding in `--format short` output.
fn blocking_lines(stdout: &str) -> BTreeSet<String> {
    stdout
        .lines()
        .filter(|l| l.contains("warning[async_explain::blocking_in_async]"))
        .map(|l| {
            let mut parts = l.splitn(3, ':');
            format!("{}:{}", parts.next().unwrap(), parts.next().unwrap())
        })
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn check_reports_blocking_calls_only_in_the_targets_cargo_checked() {
    // The library and binary do not block; the unit tests (`#[cfg(test)]`), the integration
    // test and the example do.
    let dir = repo().join("tests/crates/blocking-in-tests");
    let target = repo().join("target/test-crates-targets");
    let target = target.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["--format", "short"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--target-dir", target]);
        let out = bin(&dir, &all);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("blocking-call lint"), "{stderr}");
        assert!(!stderr.contains("async-explain lint"), "{stderr}");
        blocking_lines(&text(&out.stdout))
    };
    let unit_test = "src/lib.rs:15";
    let integration = "tests/slow.rs:4";
    let example = "examples/read.rs:4";
    assert_eq!(run(&["check"]), set(&[]), "lib and bins only");
    assert_eq!(run(&["check", "--lib"]), set(&[]));
    assert_eq!(run(&["check", "--bins"]), set(&[]));
    assert_eq!(run(&["check", "--tests"]), set(&[unit_test, integration]));
    assert_eq!(run(&["check", "--test", "slow"]), set(&[integration]));
    assert_eq!(run(&["check", "--example", "read"]), set(&[example]));
    assert_eq!(
        run(&["check", "--all-targets"]),
        set(&[unit_test, integration, example])
    );
    assert_eq!(run(&["clippy", "--tests"]), set(&[unit_test, integration]));
    // Again, from the cache: the same answers.
    assert_eq!(run(&["check"]), set(&[]));
    assert_eq!(run(&["check", "--tests"]), set(&[unit_test, integration]));
    // `lint` on its own keeps its default: every target, `cfg(test)` not evaluated.
    let out = bin(&dir, &["--format", "short", "lint"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        blocking_lines(&text(&out.stdout)),
        set(&[unit_test, integration, example])
    );
}

#[test]
fn when_cargo_fails_before_checking_the_lint_says_nothing() {
    let dir = repo().join("target/lint-tests/broken-manifest");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("src/lib.rs"),
        "pub async fn f() { std::thread::sleep(std::time::Duration::ZERO); }\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"broken-manifest\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[workspace]\n\n[dependencies]\nmissing = { path = \"../no-such-crate\" }\n",
    )
    .unwrap();
    let out = bin(&dir, &["--format", "short", "check"]);
    assert_eq!(out.status.code(), Some(101), "{}", text(&out.stderr));
    assert!(
        !text(&out.stdout).contains("async_explain"),
        "{}",
        text(&out.stdout)
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("failed to load manifest"),
        "cargo's own error: {stderr}"
    );
    assert!(!stderr.contains("blocking-call lint"), "{stderr}");
}

/// A throwaway crate under `target/lint-tests/<name>` made of these files.
fn scratch_files(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = repo().join("target/lint-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[workspace]\n"
        ),
    )
    .unwrap();
    for (path, text) in files {
        write(&dir.join(path), text);
    }
    dir.join("Cargo.toml")
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn workspace(manifest: &Path) -> lint::Workspace {
    lint::workspace::discover(&Selection {
        manifest_path: Some(manifest.to_owned()),
        workspace: true,
        ..Selection::default()
    })
    .unwrap()
}

/// A run with the cache at `cache`. The files of these tests were written a moment ago, so their
/// stats are too recent to trust and they are compared by contents; `trust_stats` makes the run
/// start later, as if they had been written a while before, so that stats are used.
fn session(workspace: &lint::Workspace, cache: &Path, trust_stats: bool) -> Session {
    let started = if trust_stats {
        SystemTime::now() + Duration::from_secs(5)
    } else {
        SystemTime::now()
    };
    Session::with(
        workspace.clone(),
        Blocking::embedded().unwrap(),
        Some(cache.to_owned()),
        started,
    )
}

/// Every target of the workspace checked in a session, as the lint's JSON lines; the cache
/// written back.
fn lint_all(session: &mut Session) -> String {
    let report = lint_report(session);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    String::from_utf8(report.json).unwrap()
}

fn lint_report(session: &mut Session) -> lint::Report {
    let units = lint::units::all(&session.workspace);
    session.check(&units);
    let report = session.report(&units, RENDER);
    session.save().unwrap();
    report
}

/// The same without a cache.
fn uncached(workspace: &lint::Workspace) -> String {
    String::from_utf8(uncached_report(workspace).json).unwrap()
}

fn uncached_report(workspace: &lint::Workspace) -> lint::Report {
    lint::scan(workspace, &Blocking::embedded().unwrap(), RENDER)
}

fn apis(json: &str) -> Vec<String> {
    json.lines()
        .map(|line| {
            let m: serde_json::Value = serde_json::from_str(line).unwrap();
            let span = &m["message"]["spans"][0];
            format!(
                "{}:{} {}",
                span["file_name"].as_str().unwrap(),
                span["line_start"],
                m["message"]["message"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn an_unchanged_file_is_not_parsed_again_and_an_import_change_reaches_the_files_that_use_it() {
    let manifest = scratch_files(
        "lint_cache_imports",
        &[
            (
                "src/lib.rs",
                "mod util;\nmod other;\npub async fn a() {\n    util::wait(std::time::Duration::ZERO);\n}\n",
            ),
            ("src/util.rs", "pub use std::thread::sleep as wait;\n"),
            (
                "src/other.rs",
                "pub async fn b() {\n    std::fs::read(\"x\").ok();\n}\n",
            ),
        ],
    );
    let dir = manifest.parent().unwrap();
    let cache = dir.join("target/cache.json");
    let ws = workspace(&manifest);
    let blocking_sleep = "src/lib.rs:4 blocking call to `std::thread::sleep` in an `async fn`";
    let blocking_read = "src/other.rs:2 blocking call to `std::fs::read` in an `async fn`";

    let mut cold = session(&ws, &cache, true);
    assert_eq!(cold.rejected, Some(Rejected::Missing));
    let json = lint_all(&mut cold);
    assert_eq!(apis(&json), [blocking_sleep, blocking_read]);
    assert_eq!(json, uncached(&ws));
    assert_eq!(cold.parsed, 3);

    // Nothing changed: a stat per file, nothing read or parsed, the same findings.
    let mut warm = session(&ws, &cache, true);
    assert_eq!(warm.rejected, None);
    assert_eq!(lint_all(&mut warm), json);
    assert_eq!(warm.parsed, 0);

    // `util::wait` becomes the crate's own function: lib.rs, unchanged, loses its finding
    // (its resolution read `util`); other.rs is not parsed.
    write(
        &dir.join("src/util.rs"),
        "pub fn wait(_: std::time::Duration) {}\n",
    );
    let mut changed = session(&ws, &cache, true);
    let json = lint_all(&mut changed);
    assert_eq!(apis(&json), [blocking_read]);
    assert_eq!(json, uncached(&ws));
    assert_eq!(changed.parsed, 2, "util.rs, and lib.rs which reads it");

    // A new name in `util` that lib.rs never looks up: only util.rs is parsed.
    write(
        &dir.join("src/util.rs"),
        "use std::fmt as _unused;\npub fn wait(_: std::time::Duration) {}\n",
    );
    let mut unrelated = session(&ws, &cache, true);
    assert_eq!(lint_all(&mut unrelated), uncached(&ws));
    assert_eq!(unrelated.parsed, 1);

    // A change to a function body changes no names: only that file is parsed again.
    write(
        &dir.join("src/other.rs"),
        "pub async fn b() {\n    std::fs::write(\"x\", \"\").ok();\n}\n",
    );
    let mut body = session(&ws, &cache, true);
    let json = lint_all(&mut body);
    assert_eq!(
        apis(&json),
        ["src/other.rs:2 blocking call to `std::fs::write` in an `async fn`"]
    );
    assert_eq!(json, uncached(&ws));
    assert_eq!(body.parsed, 1);

    // And back: the import is std's again.
    write(
        &dir.join("src/util.rs"),
        "pub use std::thread::sleep as wait;\n",
    );
    let mut back = session(&ws, &cache, true);
    let json = lint_all(&mut back);
    assert_eq!(apis(&json)[0], blocking_sleep);
    assert_eq!(json, uncached(&ws));
    assert_eq!(back.parsed, 2);
}

#[test]
fn a_new_module_file_and_a_touched_file_are_noticed() {
    let manifest = scratch_files(
        "lint_cache_walk",
        &[(
            "src/lib.rs",
            "mod net;\npub async fn a() {\n    net::get();\n}\n",
        )],
    );
    let dir = manifest.parent().unwrap();
    let cache = dir.join("target/cache.json");
    let ws = workspace(&manifest);
    let mut first = session(&ws, &cache, true);
    assert_eq!(
        lint_all(&mut first),
        "",
        "`net` has no file: nothing to resolve"
    );
    // The module's file appears: the probe that found no `net.rs` no longer holds.
    write(
        &dir.join("src/net.rs"),
        "pub use std::fs::read_dir as get;\n",
    );
    let mut second = session(&ws, &cache, true);
    let json = lint_all(&mut second);
    assert_eq!(json, uncached(&ws));
    assert_eq!(apis(&json).len(), 1, "{json}");
    // Touched, not changed: read and hashed, not parsed.
    let file = std::fs::File::options()
        .write(true)
        .open(dir.join("src/lib.rs"))
        .unwrap();
    file.set_modified(SystemTime::now()).unwrap();
    let mut touched = session(&ws, &cache, true);
    assert_eq!(lint_all(&mut touched), json);
    assert_eq!(touched.parsed, 0);
}

#[test]
fn a_file_changed_behind_an_unchanged_size_and_mtime_is_read_again() {
    let manifest = scratch_files(
        "lint_cache_stale",
        &[(
            "src/lib.rs",
            "pub async fn a() {\n    std::fs::read(\"x\").ok();\n}\n",
        )],
    );
    let lib = manifest.with_file_name("src/lib.rs");
    let cache = manifest.with_file_name("target/cache.json");
    let ws = workspace(&manifest);
    let mut first = session(&ws, &cache, true);
    assert_eq!(apis(&lint_all(&mut first)).len(), 1);
    // Same size, mtime put back: only the status-change time and the contents differ.
    let mtime = std::fs::metadata(&lib).unwrap().modified().unwrap();
    write(
        &lib,
        "pub async fn a() {\n    std::fs::rea_(\"x\").ok();\n}\n",
    );
    std::fs::File::options()
        .write(true)
        .open(&lib)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    let mut second = session(&ws, &cache, true);
    assert_eq!(lint_all(&mut second), "");
    assert_eq!(second.parsed, 1);
}

#[test]
fn a_damaged_foreign_or_stale_cache_is_rebuilt_never_trusted() {
    let manifest = scratch_files(
        "lint_cache_damaged",
        &[
            ("src/lib.rs", "mod a;\npub async fn f() {\n    a::g();\n}\n"),
            (
                "src/a.rs",
                "pub use std::process::exit as g;\npub async fn h() {\n    std::thread::sleep(std::time::Duration::ZERO);\n}\n",
            ),
        ],
    );
    let cache = manifest.with_file_name("target/cache.json");
    let ws = workspace(&manifest);
    let expected = uncached(&ws);
    assert_eq!(apis(&expected).len(), 1, "{expected}");
    let good = {
        let mut s = session(&ws, &cache, true);
        assert_eq!(lint_all(&mut s), expected);
        std::fs::read(&cache).unwrap()
    };
    // The file: a header line, the units (all a run without changes reads), the rest (files'
    // summaries and dependencies, read when a unit must be walked again), each checksummed.
    let sections = |bytes: &[u8]| {
        let body = memchr::memchr(b'\n', bytes).unwrap() + 1;
        let header = String::from_utf8(bytes[..body - 1].to_vec()).unwrap();
        let units_len: usize = header.split(' ').nth_back(1).unwrap().parse().unwrap();
        // A place in the middle of each section.
        (
            body + units_len / 2,
            body + units_len + (bytes.len() - body - units_len) / 2,
        )
    };
    let flip = |bytes: &[u8], at: usize| {
        let mut bytes = bytes.to_vec();
        bytes[at] ^= 0x01;
        bytes
    };
    let (in_units, _) = sections(&good);
    let other_version = String::from_utf8(good.clone())
        .unwrap()
        .replacen(env!("CARGO_PKG_VERSION"), "0.0.1-older", 1)
        .into_bytes();
    let at_open: [(&str, Vec<u8>, Rejected); 5] = [
        (
            "a flipped bit in the units",
            flip(&good, in_units),
            Rejected::Checksum,
        ),
        (
            "a write torn in the units",
            good[..in_units].to_vec(),
            Rejected::Checksum,
        ),
        ("another version", other_version, Rejected::OtherVersion),
        ("not a cache", b"{}\n".to_vec(), Rejected::OtherVersion),
        ("empty", Vec::new(), Rejected::OtherVersion),
    ];
    for (what, bytes, why) in at_open {
        std::fs::write(&cache, &bytes).unwrap();
        let mut s = session(&ws, &cache, true);
        assert_eq!(s.rejected.as_ref(), Some(&why), "{what}");
        assert_eq!(lint_all(&mut s), expected, "{what}");
        assert_eq!(s.parsed, 2, "{what}: every file parsed again");
        // The rebuilt cache is whole and used by the next run.
        let mut next = session(&ws, &cache, true);
        assert_eq!(next.rejected, None, "{what}");
        assert_eq!(lint_all(&mut next), expected, "{what}");
        assert_eq!(next.parsed, 0, "{what}");
    }
    // Damage to the rest shows when a change needs it, and nothing of it is used.
    let a_rs = manifest.with_file_name("src/a.rs");
    let original = std::fs::read_to_string(&a_rs).unwrap();
    for (edit, what) in ["a flipped bit in the rest", "a write torn in the rest"]
        .into_iter()
        .enumerate()
    {
        let mut s = session(&ws, &cache, true);
        lint_all(&mut s);
        let whole = std::fs::read(&cache).unwrap();
        let (_, in_rest) = sections(&whole);
        let damaged = if edit == 0 {
            flip(&whole, in_rest)
        } else {
            whole[..in_rest].to_vec()
        };
        std::fs::write(&cache, &damaged).unwrap();
        let mut unchanged = session(&ws, &cache, true);
        assert_eq!(lint_all(&mut unchanged), uncached(&ws), "{what}");
        assert_eq!(
            (unchanged.rejected, unchanged.parsed),
            (None, 0),
            "{what}: the units are whole"
        );
        write(&a_rs, &format!("{original}// edit {edit}\n"));
        let mut changed = session(&ws, &cache, true);
        assert_eq!(lint_all(&mut changed), uncached(&ws), "{what}");
        assert_eq!(changed.rejected, Some(Rejected::Checksum), "{what}");
        assert_eq!(changed.parsed, 2, "{what}: every file parsed again");
        let mut next = session(&ws, &cache, true);
        assert_eq!(lint_all(&mut next), uncached(&ws), "{what}");
        assert_eq!((next.rejected, next.parsed), (None, 0), "{what}");
    }
    write(&a_rs, &original);
    // Another blocking list (the project allows `std::thread::sleep`): findings made with the
    // old list are not reused.
    let config = BlockingConfig::parse(
        "[lint.blocking]\nallow = [\"std::thread::sleep\"]\n",
        "config.toml",
    )
    .unwrap();
    let mut s = Session::with(
        ws.clone(),
        Blocking::embedded().unwrap().with_config(&config),
        Some(cache.clone()),
        SystemTime::now() + Duration::from_secs(5),
    );
    assert_eq!(s.rejected, Some(Rejected::OtherInputs));
    assert_eq!(lint_all(&mut s), "");
}

#[test]
fn findings_are_the_same_with_and_without_the_cache_on_every_fixture() {
    let fixtures = repo().join("fixtures/Cargo.toml");
    let ws = workspace(&fixtures);
    assert!(ws.targets.len() > 100, "every fixture crate");
    let cache = repo().join("target/lint-tests/fixtures-cache.json");
    let _ = std::fs::remove_file(&cache);
    let expected = uncached_report(&ws);
    assert!(expected.findings > 40, "{}", expected.findings);
    assert!(
        !expected.problems.is_empty(),
        "a fixture that does not parse"
    );
    for (run, trust) in [
        ("cold", true),
        ("warm, by stat", true),
        ("warm, by contents", false),
    ] {
        let mut s = session(&ws, &cache, trust);
        let report = lint_report(&mut s);
        assert_eq!(report.json, expected.json, "{run}");
        assert_eq!(report.problems, expected.problems, "{run}");
        assert_eq!(
            (report.findings, report.allowed, &report.files),
            (expected.findings, expected.allowed, &expected.files),
            "{run}"
        );
        if run != "cold" {
            assert_eq!(s.parsed, 0, "{run}");
        }
    }
}

/// One module of the property test's crate: what it makes `sleep` mean, by choice.
fn module_text(index: usize, choice: u8, other: usize) -> String {
    let defines = match choice {
        0 => "pub use std::thread::sleep;\n".to_owned(),
        1 => "pub fn sleep(_: std::time::Duration) {}\n".to_owned(),
        2 => format!("pub use super::m{other}::*;\n"),
        3 => format!("pub use super::m{other}::sleep;\n"),
        4 => format!("pub use crate::m{other}::sleep as nap;\npub use self::nap as sleep;\n"),
        5 => "pub use std::thread::*;\npub use std::fs::read as sleep;\n".to_owned(),
        6 => format!("pub mod sleep {{}}\npub use super::m{other}::sleep as pause;\n"),
        7 => "pub mod sleep {\n    pub use std::thread::sleep as now;\n}\n".to_owned(),
        8 => format!("pub mod sleep {{\n    pub use crate::m{other}::*;\n}}\n"),
        _ => String::new(),
    };
    let next = (index + 1) % 3;
    format!(
        "{defines}pub async fn f{index}() {{\n    sleep(std::time::Duration::ZERO);\n    super::m{next}::sleep(std::time::Duration::ZERO);\n    crate::m{next}::pause(std::time::Duration::ZERO);\n    sleep::now(std::time::Duration::ZERO);\n}}\n"
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever sequence of edits the modules go through (each changes what `sleep` resolves
    /// to in itself and, through imports and globs, in the others), a run with the cache
    /// reports exactly what a run without it does.
    #[test]
    fn the_cache_never_changes_the_findings(
        states in proptest::collection::vec(
            proptest::collection::vec((0u8..10, 1usize..3), 3),
            1..5,
        )
    ) {
        let dir = repo().join("target/lint-tests/lint_cache_property");
        let manifest = dir.join("Cargo.toml");
        if !manifest.is_file() {
            scratch_files(
                "lint_cache_property",
                &[("src/lib.rs", "pub mod m0;\npub mod m1;\npub mod m2;\n")],
            );
        }
        let ws = workspace(&manifest);
        let cache = dir.join("target/cache.json");
        for state in states {
            for (i, (choice, offset)) in state.into_iter().enumerate() {
                write(&dir.join(format!("src/m{i}.rs")), &module_text(i, choice, (i + offset) % 3));
            }
            let mut s = session(&ws, &cache, false);
            prop_assert_eq!(lint_all(&mut s), uncached(&ws));
        }
    }
}

#[test]
fn cargo_metadata_is_asked_again_only_when_what_it_read_changed() {
    let manifest = scratch_files(
        "lint_snapshot",
        &[(
            "src/lib.rs",
            "pub async fn a() {\n    std::thread::sleep(std::time::Duration::ZERO);\n}\n",
        )],
    );
    let dir = manifest.parent().unwrap().to_owned();
    let selection = Selection {
        manifest_path: Some(manifest.clone()),
        ..Selection::default()
    };
    let cache = lint::CacheDir::Target(Some(dir.join("target")));
    let open = || {
        let mut s = Session::open(&selection, &cache).unwrap();
        let units = lint::units::all(&s.workspace);
        s.check(&units);
        s.save().unwrap();
        let names: Vec<String> = s
            .workspace
            .targets
            .iter()
            .map(|t| t.target.name.clone())
            .collect();
        (s.metadata_ran, names)
    };
    // What cargo read must be older than the snapshot's two-second window to be trusted.
    std::thread::sleep(Duration::from_millis(2100));
    assert_eq!(open(), (true, vec!["lint_snapshot".to_owned()]));
    assert_eq!(
        open(),
        (false, vec!["lint_snapshot".to_owned()]),
        "the kept answer"
    );
    // A new target file: the `tests` directory appears.
    write(&dir.join("tests/it.rs"), "#[test]\nfn t() {}\n");
    let (ran, names) = open();
    assert!(ran);
    assert_eq!(names, ["lint_snapshot", "it"]);
    // The manifest changes.
    std::thread::sleep(Duration::from_millis(2100));
    assert!(!open().0);
    let text = std::fs::read_to_string(&manifest).unwrap();
    write(
        &manifest,
        &text.replace("edition = \"2024\"", "edition = \"2021\""),
    );
    assert!(open().0);
}

#[test]
fn a_unit_the_kept_answer_does_not_know_makes_the_wrapper_ask_cargo() {
    let dir = repo().join("target/lint-tests/lint_snapshot_members");
    let _ = std::fs::remove_dir_all(&dir);
    write(
        &dir.join("Cargo.toml"),
        "[workspace]\nmembers = [\"a\", \"b\"]\nresolver = \"3\"\n",
    );
    for (name, body) in [
        ("a", ""),
        ("b", "    std::thread::sleep(std::time::Duration::ZERO);\n"),
    ] {
        write(
            &dir.join(name).join("Cargo.toml"),
            &format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n"),
        );
        write(
            &dir.join(name).join("src/lib.rs"),
            &format!("pub async fn f() {{\n{body}}}\n"),
        );
    }
    let run = || {
        let out = bin(&dir, &["--format", "short", "check", "--workspace"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        blocking_lines(&text(&out.stdout))
    };
    let finding = set(&["b/src/lib.rs:2"]);
    std::thread::sleep(Duration::from_millis(2100));
    assert_eq!(run(), finding, "cargo metadata asked");
    assert_eq!(run(), finding, "the kept answer");
    // Make the kept answer forget member `b` (as if it had been added in a way none of the
    // answer's inputs show): cargo still checks it, and the wrapper asks cargo again.
    let path = lint::cache::path_for(&repo().join("target/test-crates-lint"), &dir);
    let fingerprint = Blocking::embedded()
        .unwrap()
        .with_config(&BlockingConfig::default())
        .fingerprint();
    let mut cache = lint::cache::load(&path, &dir, fingerprint).unwrap();
    cache.complete().unwrap();
    let snapshot = cache.snapshot.as_mut().expect("a kept answer");
    let mut metadata: serde_json::Value = serde_json::from_str(&snapshot.metadata).unwrap();
    let packages = metadata["packages"].as_array_mut().unwrap();
    let b = packages.iter().find(|p| p["name"] == "b").unwrap()["id"].clone();
    packages.retain(|p| p["id"] != b);
    for list in ["workspace_members", "workspace_default_members"] {
        metadata[list].as_array_mut().unwrap().retain(|id| *id != b);
    }
    snapshot.metadata = metadata.to_string();
    let bytes = lint::cache::encode(&cache, &dir, fingerprint).unwrap();
    lint::cache::store(&path, &bytes).unwrap();
    assert_eq!(run(), finding, "asked again");
}

#[test]
fn runs_at_the_same_time_each_leave_a_whole_cache() {
    // An editor and a terminal: sessions on one workspace and one cache file, writing at once,
    // each after a change of its own.
    let manifest = scratch_files(
        "lint_cache_concurrent",
        &[
            ("src/lib.rs", "mod a;\nmod b;\n"),
            ("src/a.rs", "pub async fn f() {}\n"),
            ("src/b.rs", "pub async fn g() {}\n"),
        ],
    );
    let dir = manifest.parent().unwrap().to_owned();
    let cache = dir.join("target/cache.json");
    let ws = workspace(&manifest);
    std::thread::scope(|scope| {
        for writer in 0..4 {
            let (ws, cache, dir) = (&ws, &cache, &dir);
            scope.spawn(move || {
                for round in 0..10 {
                    let file = if writer % 2 == 0 {
                        "src/a.rs"
                    } else {
                        "src/b.rs"
                    };
                    let call = if round % 2 == 0 {
                        "std::fs::read(\"x\").ok();"
                    } else {
                        ""
                    };
                    let fun = if writer % 2 == 0 { "f" } else { "g" };
                    // Saved as an editor saves safely: a whole file renamed into place.
                    let temp = dir.join(format!("target/.{writer}.rs"));
                    write(&temp, &format!("pub async fn {fun}() {{ {call} }}\n"));
                    std::fs::rename(&temp, dir.join(file)).unwrap();
                    let mut s = session(ws, cache, false);
                    // Whoever reads finds the last whole file, never one being written.
                    assert!(
                        matches!(s.rejected, None | Some(Rejected::Missing)),
                        "{:?}",
                        s.rejected
                    );
                    lint_all(&mut s);
                }
            });
        }
    });
    let mut last = session(&ws, &cache, false);
    assert_eq!(last.rejected, None, "a whole cache is left");
    assert_eq!(lint_all(&mut last), uncached(&ws));
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("target"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
