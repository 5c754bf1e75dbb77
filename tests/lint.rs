//! The blocking-call lint end to end: the precision suite (`fixtures/blocking-precision`, whose
//! lines say what the lint must report), a project's `[lint.blocking]` settings, and the binary's
//! `lint` command and its run after `cargo check` (exit statuses, `--deny`, `--no-lint`).

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use cargo_async_explain::lint::{self, Render, Selection};
use common::repo;

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
