//! `cargo async-explain fix` end to end, on copies of the dependency-free crates
//! `tests/crates/fix-rollback`, `fix-rounds` and `fix-lint` with the test-only knowledge base
//! `tests/fix-kb` (whose edits fix an error, break the build, wait for a second round, or fix a
//! finding of the blocking-call lint): an edit that breaks the build is rolled back and a good one
//! kept, `--dry-run` writes nothing, a dirty or unversioned tree is refused, rounds and the
//! look-ahead at uncovered errors and unused imports, exit statuses. No network: the crates have
//! no dependencies.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{bin, repo};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of a test crate in a directory of its own (the crate in `crate/`, its target
/// directory beside it), removed when dropped.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn of(name: &str, test: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("async-explain-fix-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(&repo().join("tests/crates").join(name), &dir.join("crate"));
        Scratch { dir }
    }

    fn root(&self) -> PathBuf {
        self.dir.join("crate")
    }

    fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.root().join(file)).unwrap()
    }

    /// Runs `cargo async-explain --kb tests/fix-kb fix ARGS --manifest-path … --target-dir …`.
    fn fix(&self, args: &[&str]) -> Output {
        bin()
            .arg("--kb")
            .arg(repo().join("tests/fix-kb"))
            .arg("fix")
            .args(args)
            .arg("--manifest-path")
            .arg(self.root().join("Cargo.toml"))
            .arg("--target-dir")
            .arg(self.dir.join("target"))
            .env("CARGO_TERM_QUIET", "true")
            // git must not find a repository above the copy (a temporary directory inside one).
            .env("GIT_CEILING_DIRECTORIES", &self.dir)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    fn git(&self, args: &[&str]) {
        let status = Command::new("git")
            .args(["-c", "user.name=test", "-c", "user.email=test@example.com"])
            .args([
                "-c",
                "init.defaultBranch=main",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(self.root())
            .env("GIT_CEILING_DIRECTORIES", &self.dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn original(name: &str, file: &str) -> String {
    std::fs::read_to_string(repo().join("tests/crates").join(name).join(file)).unwrap()
}

#[test]
fn an_edit_that_breaks_the_build_is_rolled_back_and_a_good_one_kept() {
    let copy = Scratch::of("fix-rollback", "rollback");
    let out = copy.fix(&["--allow-no-vcs"]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "an error remains\n{stderr}");
    assert_eq!(
        copy.read("src/good.rs"),
        original("fix-rollback", "src/good.rs").replace("= \"7\";", "= 7;"),
        "the good edit is kept"
    );
    assert_eq!(
        copy.read("src/bad.rs"),
        original("fix-rollback", "src/bad.rs"),
        "the breaking edit is rolled back"
    );
    assert!(
        stderr.contains("Restoring src/bad.rs: its edits bring a new diagnostic: error[E0425]"),
        "says why it restored the file:\n{stderr}"
    );
    assert!(stderr.contains("Keeping src/good.rs"), "{stderr}");
    // The diff names only the file that changed, then the error that remains is explained.
    assert!(
        stdout.starts_with("--- a/src/good.rs\n+++ b/src/good.rs\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("-    let n: u32 = \"7\"; // fix-test: good edit\n+    let n: u32 = 7; // fix-test: good edit\n"),
        "{stdout}"
    );
    assert!(!stdout.contains("+++ b/src/bad.rs"), "{stdout}");
    assert!(
        stdout.contains("explain[fix-test-breaking-edit]"),
        "the remaining error is explained:\n{stdout}"
    );
}

#[test]
fn dry_run_prints_the_planned_diffs_and_writes_nothing() {
    let copy = Scratch::of("fix-rollback", "dry-run");
    let before: Vec<(String, std::time::SystemTime)> = ["src/good.rs", "src/bad.rs"]
        .iter()
        .map(|f| {
            let path = copy.root().join(f);
            (
                std::fs::read_to_string(&path).unwrap(),
                std::fs::metadata(&path).unwrap().modified().unwrap(),
            )
        })
        .collect();
    // No version control needed: nothing is written.
    let out = copy.fix(&["--dry-run"]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "the check has errors\n{stderr}");
    for ((text, modified), file) in before.iter().zip(["src/good.rs", "src/bad.rs"]) {
        let path = copy.root().join(file);
        assert_eq!(&std::fs::read_to_string(&path).unwrap(), text, "{file}");
        assert_eq!(
            &std::fs::metadata(&path).unwrap().modified().unwrap(),
            modified,
            "{file} was not even rewritten"
        );
    }
    // Both planned edits are shown (a dry run does not re-check), and nothing else is printed.
    assert!(stdout.contains("+++ b/src/good.rs\n"), "{stdout}");
    assert!(
        stdout.contains("+    let n: u64 = no_such_value; // fix-test: breaking edit\n"),
        "{stdout}"
    );
    assert!(!stdout.contains("explain["), "{stdout}");
    assert!(stderr.contains("not written, not re-checked"), "{stderr}");
}

#[test]
fn a_tree_without_version_control_or_with_changes_is_refused() {
    let copy = Scratch::of("fix-rollback", "vcs");
    let untouched = || {
        assert_eq!(
            copy.read("src/good.rs"),
            original("fix-rollback", "src/good.rs")
        );
    };

    let out = copy.fix(&[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("no git repository holds"), "{stderr}");
    assert!(stderr.contains("--allow-no-vcs"), "{stderr}");
    untouched();

    copy.git(&["init", "-q"]);
    copy.git(&["add", "."]);
    copy.git(&["commit", "-q", "-m", "the crate"]);

    // A changed file, a staged one and an untracked one are each named.
    std::fs::write(copy.root().join("notes.txt"), "untracked\n").unwrap();
    let main = copy.read("src/main.rs");
    std::fs::write(copy.root().join("src/main.rs"), format!("{main}\n")).unwrap();
    let out = copy.fix(&[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("--allow-dirty"), "{stderr}");
    assert!(stderr.contains("  * src/main.rs (dirty)"), "{stderr}");
    assert!(stderr.contains("  * notes.txt (dirty)"), "{stderr}");
    untouched();

    // Staged changes only: refused too, unless `--allow-staged`.
    copy.git(&["add", "."]);
    let out = copy.fix(&[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("  * src/main.rs (staged)"), "{stderr}");
    assert!(stderr.contains("--allow-staged"), "{stderr}");
    untouched();
    let out = copy.fix(&["--allow-staged"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_ne!(
        copy.read("src/good.rs"),
        original("fix-rollback", "src/good.rs")
    );

    // `--allow-dirty` allows it all; a clean tree needs no flag.
    copy.git(&["checkout", "-q", "HEAD", "--", "src/good.rs"]);
    std::fs::write(copy.root().join("src/main.rs"), format!("{main}\n\n")).unwrap();
    let out = copy.fix(&["--allow-dirty"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_ne!(
        copy.read("src/good.rs"),
        original("fix-rollback", "src/good.rs")
    );
    copy.git(&["add", "."]);
    copy.git(&["commit", "-q", "-m", "fixed"]);
    let out = copy.fix(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
}

#[test]
fn rounds_fix_what_the_first_round_uncovers_and_the_crate_builds() {
    let copy = Scratch::of("fix-rounds", "rounds");
    let out = copy.fix(&["--allow-no-vcs"]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "the crate builds\n{stderr}");
    let main = copy.read("src/main.rs");
    // Round 1: the test edit, then (looking ahead) rustc's suggestion for the borrow error it
    // uncovered; round 2: the error that was reported as following from the first.
    assert!(
        main.contains("let n: u32 = 1; // fix-test: first"),
        "{main}"
    );
    assert!(main.contains("let moved = name.clone();"), "{main}");
    assert!(
        main.contains("let m: u32 = 2; // fix-test: second"),
        "{main}"
    );
    assert!(stderr.contains("round 1: 1 edit in 1 file"), "{stderr}");
    assert!(
        stderr.contains("Looking ahead: the edits uncovered 1 diagnostic"),
        "{stderr}"
    );
    assert!(stderr.contains("round 2: 1 edit in 1 file"), "{stderr}");
    assert!(!stderr.contains("round 3"), "{stderr}");
    // One diff for the file, from the original to the final text.
    assert_eq!(stdout.matches("+++ b/src/main.rs").count(), 1, "{stdout}");
    assert!(stdout.contains("-    let moved = name;\n"), "{stdout}");
}

#[test]
fn findings_of_the_blocking_call_lint_are_fixed_and_the_imports_left_unused_removed() {
    let copy = Scratch::of("fix-lint", "lint");
    let out = copy.fix(&["--allow-no-vcs"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let lib = copy.read("src/lib.rs");
    assert!(
        lib.contains("    yield_once().await; // fix-test: blocking"),
        "{lib}"
    );
    // The edit left `use std::thread;` and `use std::time::Duration;` unused: rustc's own
    // removal of each is taken in the same step, so no new warning is left behind.
    assert!(!lib.contains("use std::thread;"), "{lib}");
    assert!(!lib.contains("use std::time::Duration;"), "{lib}");
    assert!(stderr.contains("warnings 1 → 0"), "{stderr}");

    // Without the lint there is nothing to fix.
    let copy = Scratch::of("fix-lint", "no-lint");
    let out = bin()
        .arg("--no-lint")
        .arg("--kb")
        .arg(repo().join("tests/fix-kb"))
        .arg("fix")
        .arg("--allow-no-vcs")
        .arg("--manifest-path")
        .arg(copy.root().join("Cargo.toml"))
        .arg("--target-dir")
        .arg(copy.dir.join("target"))
        .env("GIT_CEILING_DIRECTORIES", &copy.dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(copy.read("src/lib.rs").contains("thread::sleep"));
}

#[test]
fn a_crate_that_builds_has_nothing_to_fix() {
    let copy = Scratch::of("builds-ok", "builds-ok");
    let out = copy.fix(&["--allow-no-vcs"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("nothing to fix: the check passes"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn cargo_failing_before_any_diagnostic_is_a_tool_failure() {
    let copy = Scratch::of("builds-ok", "cargo-fails");
    let out = copy.fix(&["--allow-no-vcs", "-p", "no-such-package"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("`cargo check` failed"), "{stderr}");
    assert!(
        stderr.contains("no-such-package"),
        "cargo's own words: {stderr}"
    );
}

#[test]
fn fix_has_its_own_help() {
    for flag in ["--help", "-h"] {
        let out = bin().args(["fix", flag]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let help = text(&out.stdout);
        assert!(
            help.contains("Usage: cargo async-explain fix [OPTIONS] [CARGO_CHECK_ARGS]..."),
            "{help}"
        );
        assert!(help.contains("--allow-dirty"), "{help}");
    }
}
