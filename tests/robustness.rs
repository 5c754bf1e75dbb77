//! The tool under hostile conditions: a reader that goes away (`| head`), signals while cargo
//! runs, a cargo that cannot be started.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{bin, repo};

#[test]
fn a_closed_stdout_ends_quietly_with_success() {
    let mut child = bin()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = b"a line of build output that goes on and on\n".repeat(1000);
        for _ in 0..2000 {
            if stdin.write_all(&line).is_err() {
                break;
            }
        }
    });
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.starts_with("a line"));
    drop(stdout); // like `| head -1`
    let status = child.wait().unwrap();
    writer.join().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "no panic, no noise: {stderr}");
}

#[test]
fn a_cargo_that_cannot_start_is_a_one_line_error_and_exit_2() {
    let out = bin()
        .env("CARGO", "/nonexistent/cargo")
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: cannot run `/nonexistent/cargo`"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[cfg(unix)]
#[test]
fn sigterm_reaches_cargo_and_the_tool_exits_with_cargos_status() {
    let manifest = repo().join("tests/crates/builds-ok/Cargo.toml");
    let target = repo().join("target/test-crates");
    // Build first, so the run below starts the program at once.
    let built = bin()
        .args(["build", "-q", "--manifest-path"])
        .arg(&manifest)
        .arg("--target-dir")
        .arg(&target)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let mut child = bin()
        .args(["run", "-q", "--manifest-path"])
        .arg(&manifest)
        .arg("--target-dir")
        .arg(&target)
        .args(["--", "sleep"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line.trim(), "program says: sleep");
    let started = Instant::now();
    // SAFETY: kill(2) on our own child's pid.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGTERM);
    }
    let status = child.wait().unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "the tool did not stop"
    );
    assert_eq!(
        status.code(),
        Some(128 + libc::SIGTERM),
        "cargo killed by SIGTERM"
    );
}
