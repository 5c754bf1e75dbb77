//! The binary end to end: exit statuses of the filter and the wrapper, the cargo wrapper passing
//! arguments and status through on real (dependency-free) crates, `--list`, `--explain`, `--demo`,
//! and one-line errors for unusable input or knowledge base.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{bin, bin_with_input, repo};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("fixtures").join(name).join("recorded.json")).unwrap()
}

#[test]
fn filter_exits_0_without_errors_and_1_with_errors() {
    let clean = bin_with_input(&[], &fixture("clean-build"));
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean.stderr));
    let failing = bin_with_input(&[], &fixture("demo"));
    assert_eq!(failing.status.code(), Some(1));
    assert!(text(&failing.stdout).contains("explain[mutex-guard-across-await]"));
    let empty = bin_with_input(&[], b"");
    assert_eq!(empty.status.code(), Some(0));
    assert!(empty.stdout.is_empty());
}

#[test]
fn a_failed_build_without_error_diagnostics_still_exits_1() {
    let out = bin_with_input(&[], b"{\"reason\":\"build-finished\",\"success\":false}\n");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn input_file_errors_are_one_line_and_exit_2() {
    let out = bin()
        .args(["--input", "no/such/file.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("error: cannot open no/such/file.json"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn input_flag_reads_a_file() {
    let path = repo().join("fixtures/demo/recorded.json");
    let out = bin()
        .arg("--format=short")
        .arg("--input")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("[async-explain::mutex-guard-across-await"));
}

#[test]
fn a_broken_knowledge_base_directory_is_a_tool_failure_naming_file_and_line() {
    let dir = std::env::temp_dir().join(format!("async-explain-cli-kb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("broken.toml"), "id = \"broken\"\ntitle = 3\n").unwrap();
    let out = bin().arg("--kb").arg(&dir).arg("--list").output().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("broken.toml:2:9: invalid type"), "{stderr}");
}

#[test]
fn list_and_explain() {
    let list = bin().arg("--list").output().unwrap();
    assert_eq!(list.status.code(), Some(0));
    let list = text(&list.stdout);
    assert!(
        list.lines()
            .any(|l| l.starts_with("mutex-guard-across-await ")),
        "{list}"
    );

    let one = bin()
        .args(["--explain", "mutex-guard-across-await"])
        .output()
        .unwrap();
    assert_eq!(one.status.code(), Some(0));
    let one = text(&one.stdout);
    assert!(
        one.starts_with("# a blocking lock's `MutexGuard` is still held at an `.await`"),
        "{one}"
    );
    assert!(one.contains("## Fixes, best first"));

    let unknown = bin().args(["--explain", "no-such-thing"]).output().unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        text(&unknown.stderr).contains("mutex-guard-across-await"),
        "lists the valid ids"
    );
}

#[test]
fn runs_as_a_cargo_subcommand() {
    // `cargo async-explain --list` runs `cargo-async-explain async-explain --list`.
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-async-explain"))
        .args(["async-explain", "--no-workspace-kb", "--list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("mutex-guard-across-await"));
}

#[test]
fn demo_runs_with_no_setup() {
    let out = bin().arg("--demo").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "a demonstration succeeds");
    assert!(text(&out.stdout).contains("explain[mutex-guard-across-await]"));
}

#[test]
fn a_terminal_less_stdin_with_no_input_is_read_not_refused() {
    let out = bin_with_input(&["--format", "json"], b"plain text\n");
    assert_eq!(text(&out.stdout), "plain text\n");
}

fn wrapper(crate_dir: &str, args: &[&str]) -> Output {
    let manifest = repo()
        .join("tests/crates")
        .join(crate_dir)
        .join("Cargo.toml");
    let target = repo().join("target/test-crates");
    bin()
        .args(args.iter().take(1))
        .arg("--manifest-path")
        .arg(&manifest)
        .arg("--target-dir")
        .arg(&target)
        .args(args.iter().skip(1))
        .env("CARGO_TERM_QUIET", "true")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn wrapper_keeps_cargo_exit_status_and_passes_arguments_through() {
    let ok = wrapper(
        "builds-ok",
        &["run", "-q", "--", "0", "--message-format=not-for-cargo"],
    );
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok.stderr));
    assert!(text(&ok.stdout).contains("program says: 0 --message-format=not-for-cargo"));

    let three = wrapper("builds-ok", &["run", "-q", "--", "3"]);
    assert_eq!(
        three.status.code(),
        Some(3),
        "the program's status through cargo run"
    );

    let bad_flag = wrapper("builds-ok", &["check", "--no-such-flag"]);
    assert_eq!(
        bad_flag.status.code(),
        Some(1),
        "cargo's own status for its usage error"
    );
}

#[test]
fn wrapper_explains_a_crate_that_does_not_build() {
    let out = wrapper("await-outside-async", &["check"]);
    assert_eq!(out.status.code(), Some(101), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("error[E0728]"), "{stdout}");
    assert!(Path::new(env!("CARGO_BIN_EXE_cargo-async-explain")).exists());
}

#[test]
fn wrapper_short_format_via_user_message_format() {
    let out = wrapper("await-outside-async", &["check", "--message-format=short"]);
    assert_eq!(out.status.code(), Some(101));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("src/main.rs:7:20: error[E0728]"),
        "{stdout}"
    );
}

#[test]
fn the_demo_s_embedded_source_is_the_fixture_s() {
    let embedded = std::fs::read_to_string(common::repo().join("src/demo.rs.txt")).unwrap();
    let fixture =
        std::fs::read_to_string(common::repo().join("fixtures/demo/src/main.rs")).unwrap();
    assert_eq!(
        embedded, fixture,
        "copy fixtures/demo/src/main.rs to src/demo.rs.txt (`--demo` shows fixes built from it)"
    );
    let demo = common::bin().arg("--demo").output().unwrap();
    let text = String::from_utf8(demo.stdout).unwrap();
    assert!(text.contains("let tx = tx.clone();"), "{text}");
}
