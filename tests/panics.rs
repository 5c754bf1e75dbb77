//! Runtime panics and backtraces in a program's output: nothing is lost (every line comes out in
//! order; a folded backtrace accounts for every frame; `--full` shows them all), the frame counts
//! before and after folding for every recorded program, and the binary end to end — the `run`
//! and `test` wrappers reading the program's stderr, exit statuses kept, and the `backtrace`
//! filter.

mod common;

use std::process::{Output, Stdio};

use cargo_async_explain::cli::FormatArg;
use cargo_async_explain::config::Config;
use cargo_async_explain::panic::{Action, Detector, Folded, fold};
use cargo_async_explain::pipeline::{self, Options, Output as StreamOutput};
use cargo_async_explain::render::Style;
use common::{bin, bin_with_input, fixtures, kb, repo};

/// The recorded fixtures whose program panicked.
fn panicking() -> Vec<common::Fixture> {
    fixtures()
        .into_iter()
        .filter(|f| {
            String::from_utf8_lossy(&f.recorded)
                .lines()
                .any(|l| l.starts_with("thread '") && l.contains(" panicked at "))
        })
        .collect()
}

fn run_with(format: FormatArg, input: &[u8], options: Options) -> String {
    let kb = kb();
    let config = Config {
        format,
        style: Style {
            color: false,
            width: common::WIDTH,
            verbose: false,
        },
        kb_dirs: Vec::new(),
        ci: Default::default(),
    };
    let mut out = Vec::new();
    {
        let mut outputs = [StreamOutput::primary(config.emitter(), Box::new(&mut out))];
        pipeline::run_with(
            &kb,
            &mut outputs,
            input,
            "test input",
            &mut Vec::new(),
            options,
        )
        .expect("the stream runs");
    }
    String::from_utf8(out).unwrap()
}

/// True when `needles` appear in `haystack` in this order, each on a line of its own.
fn in_order<'a>(haystack: &str, needles: impl IntoIterator<Item = &'a str>) -> bool {
    let mut lines = haystack.lines();
    needles
        .into_iter()
        .all(|needle| lines.any(|line| line == needle))
}

#[test]
fn there_are_panicking_fixtures_for_every_runtime() {
    let names: Vec<String> = panicking().into_iter().map(|f| f.name).collect();
    for name in [
        "nested-runtime",
        "blocking-recv-in-async",
        "runtime-driver-disabled",
        "block-in-place-current-thread",
        "plain-panic-in-task",
    ] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
}

/// Found by the fuzzer: when the input's last line (a panic's) had no newline, the `json` record
/// of the explained panic was glued to it. What the tool adds starts on a line of its own, in
/// every format, and the input's lines stay as they came.
#[test]
fn what_follows_an_unterminated_last_line_starts_on_a_line_of_its_own() {
    for fixture in panicking() {
        let input = fixture.recorded.trim_ascii_end();
        let last = String::from_utf8_lossy(input.rsplit(|b| *b == b'\n').next().unwrap());
        for format in [FormatArg::Json, FormatArg::Human, FormatArg::Short] {
            // (Backtraces unfolded, so the last line is printed as it came in every format.)
            let options = Options {
                full_backtraces: true,
                ..Options::default()
            };
            let output = run_with(format, input, options);
            assert!(
                output.lines().any(|l| l == last),
                "{} ({format:?}): something was glued to the last line",
                fixture.name
            );
            for line in output.lines().filter(|l| l.starts_with('{')) {
                assert!(
                    serde_json::from_str::<serde_json::Value>(line).is_ok(),
                    "{} ({format:?}): a JSON line was spoiled: {line}",
                    fixture.name
                );
            }
        }
    }
}

#[test]
fn with_full_backtraces_every_line_comes_out_in_order() {
    for fixture in panicking() {
        let input = String::from_utf8(fixture.recorded.clone()).unwrap();
        let output = run_with(
            FormatArg::Human,
            &fixture.recorded,
            Options {
                full_backtraces: true,
                ..Options::default()
            },
        );
        let text_lines = input.lines().filter(|l| !l.starts_with('{'));
        assert!(in_order(&output, text_lines), "{}", fixture.name);
    }
}

#[test]
fn folded_backtraces_keep_every_other_line_and_account_for_every_frame() {
    let kb = kb();
    for fixture in panicking() {
        let input = String::from_utf8(fixture.recorded.clone()).unwrap();
        let output = run_with(FormatArg::Human, &fixture.recorded, Options::default());
        let mut detector = Detector::default();
        let mut kept = Vec::new();
        for line in input.lines().filter(|l| !l.starts_with('{')) {
            for action in detector.line(line.as_bytes(), true) {
                match action {
                    Action::Line => kept.push(line.to_owned()),
                    Action::Backtrace(held) => {
                        let folded = fold(&held.frames, kb.runtime_frames());
                        let counted: usize = folded
                            .items
                            .iter()
                            .map(|item| match item {
                                Folded::Frame { .. } => 1,
                                Folded::Run { frames, groups, .. } => {
                                    assert_eq!(
                                        groups.iter().map(|(_, n)| n).sum::<usize>(),
                                        frames.len()
                                    );
                                    frames.len()
                                }
                            })
                            .sum();
                        assert_eq!(counted, held.frames.len(), "{}", fixture.name);
                    }
                    Action::Panic(_) => {}
                }
            }
        }
        assert!(
            in_order(&output, kept.iter().map(String::as_str)),
            "{}",
            fixture.name
        );
    }
}

#[test]
fn the_summary_counts_panics_and_explained_ones() {
    let kb = kb();
    let count = |name: &str| {
        let input =
            std::fs::read(repo().join("fixtures").join(name).join("recorded.json")).unwrap();
        let mut outputs = [StreamOutput::primary(
            Box::new(cargo_async_explain::render::Short),
            Box::new(std::io::sink()),
        )];
        let outcome = pipeline::run(&kb, &mut outputs, &input[..], name, &mut Vec::new()).unwrap();
        (outcome.summary.panics, outcome.summary.panics_explained)
    };
    assert_eq!(count("nested-runtime"), (1, 1));
    assert_eq!(count("plain-panic-in-task"), (1, 0));
    assert_eq!(count("clean-build"), (0, 0));
}

/// Frames before and after folding, per recorded program: the numbers the folding is for.
#[test]
fn frame_counts_before_and_after_folding() {
    let kb = kb();
    let mut table = String::from("fixture: frames before → frames shown (+ fold lines)\n");
    for fixture in panicking() {
        let input = String::from_utf8(fixture.recorded.clone()).unwrap();
        let mut detector = Detector::default();
        let mut actions = Vec::new();
        for line in input.lines() {
            actions.extend(detector.line(line.as_bytes(), true));
        }
        actions.extend(detector.finish());
        for action in actions {
            if let Action::Backtrace(held) = action {
                let folded = fold(&held.frames, kb.runtime_frames());
                let runs = folded.items.len() - folded.kept();
                table.push_str(&format!(
                    "{}: {} → {} (+ {runs})\n",
                    fixture.name,
                    folded.total(),
                    folded.kept()
                ));
            }
        }
    }
    insta::assert_snapshot!("frame_counts", table);
}

// The binary end to end.

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `cargo async-explain [tool args] COMMAND --manifest-path tests/crates/panics/… ARGS`.
fn wrap(tool: &[&str], command: &str, args: &[&str], backtrace: Option<&str>) -> Output {
    let crate_dir = repo().join("tests/crates/panics");
    let mut cmd = bin();
    cmd.args(tool)
        .arg(command)
        .arg("--manifest-path")
        .arg(crate_dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(repo().join("target/test-crates"))
        .args(args)
        .env("CARGO_TERM_QUIET", "true")
        .stdin(Stdio::null());
    if let Some(value) = backtrace {
        cmd.env("RUST_BACKTRACE", value);
    }
    cmd.output().unwrap()
}

#[test]
fn run_explains_a_panic_on_stderr_and_keeps_the_exit_status() {
    let out = wrap(&[], "run", &["-q", "--", "nested"], Some("1"));
    assert_eq!(out.status.code(), Some(101), "{}", text(&out.stderr));
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(stdout, "stdout: starting\n");
    assert!(stderr.starts_with("stderr: before the panic\n"), "{stderr}");
    assert!(stderr.contains("explain[nested-runtime]"), "{stderr}");
    assert!(
        stderr.contains(
            "panicked in your code: `panics::load_blocking` at ./tests/crates/panics/src/main.rs:7:5"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("      ⋮ "), "folded: {stderr}");
    assert!(!stderr.contains("__rustc::rust_begin_unwind"), "{stderr}");

    let full = wrap(&["--full"], "run", &["-q", "--", "nested"], Some("1"));
    let stderr = text(&full.stderr);
    assert!(stderr.contains("__rustc::rust_begin_unwind"), "{stderr}");
    assert!(!stderr.contains("      ⋮ "), "{stderr}");
    assert!(stderr.contains("explain[nested-runtime]"), "{stderr}");
}

#[test]
fn run_keeps_the_order_of_the_programs_stderr_around_a_panic() {
    let out = wrap(&[], "run", &["-q", "--", "thread"], None);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    let order = [
        "stderr: before the panic",
        "thread 'worker' ",
        "explain[nested-runtime]",
        "stderr: after the panic (worker failed: true)",
    ]
    .map(|needle| {
        stderr
            .find(needle)
            .unwrap_or_else(|| panic!("{needle}: {stderr}"))
    });
    assert!(order.is_sorted(), "{order:?}\n{stderr}");
    assert!(
        stderr.contains("panicked in your code: at src/main.rs:7:5"),
        "{stderr}"
    );
    assert_eq!(text(&out.stdout), "stdout: starting\nstdout: done\n");
}

#[test]
fn test_explains_a_failing_tests_panic() {
    let out = wrap(&["--format", "short"], "test", &["-q"], None);
    assert_eq!(out.status.code(), Some(101), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("src/main.rs:36:9: panic: can call blocking only when running on the multi-threaded runtime [async-explain::block-in-place-current-thread:"),
        "{stdout}"
    );
}

#[test]
fn explain_finds_the_entry_for_a_pasted_panic_message() {
    let out = bin()
        .args([
            "--explain",
            "A Tokio 1.x context was found, but IO is disabled. Call `enable_io` on the runtime builder to enable IO.",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("`runtime-driver-disabled`"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn the_backtrace_filter_folds_logs_and_pasted_backtraces() {
    let log = std::fs::read(repo().join("fixtures/nested-runtime/recorded.json")).unwrap();
    let out = bin_with_input(&["backtrace"], &log);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "      ⋮ 6 frames in tokio, std folded (entered through `tokio::runtime::runtime::Runtime::block_on`)"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("   7: async fn nested_runtime::start"),
        "{stdout}"
    );
    assert!(stdout.contains("explain[nested-runtime]"), "{stdout}");

    let full = bin_with_input(&["backtrace", "--full"], &log);
    assert!(text(&full.stdout).contains("   7: nested_runtime::start::{{closure}}"));

    // A backtrace pasted without its panic: frames from `0:` on.
    let pasted: String = String::from_utf8(log)
        .unwrap()
        .lines()
        .skip_while(|l| !l.starts_with("   0:"))
        .take_while(|l| !l.starts_with("note:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let out = bin_with_input(&["backtrace"], pasted.as_bytes());
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("      ⋮ 6 frames in tokio, std folded"),
        "{stdout}"
    );
    let plain = bin_with_input(&[], pasted.as_bytes());
    assert_eq!(
        text(&plain.stdout),
        pasted,
        "the compiler filter leaves bare frames alone"
    );
}

#[test]
fn backtrace_reads_a_file_and_a_project_can_add_runtime_crates() {
    let dir = std::env::temp_dir().join(format!("async-explain-frames-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("crash.log");
    std::fs::write(
        &log,
        "stack backtrace:\n   0: my_executor::run\n   1: app::main\n             at ./src/main.rs:3:5\n",
    )
    .unwrap();
    let plain = bin()
        .args(["backtrace", "--input"])
        .arg(&log)
        .output()
        .unwrap();
    assert!(text(&plain.stdout).contains("   0: my_executor::run"));
    std::fs::write(
        dir.join("config.toml"),
        "[[backtrace.group]]\nname = \"my-executor\"\ncrates = [\"my_executor\"]\n",
    )
    .unwrap();
    let extended = bin()
        .arg("--kb")
        .arg(&dir)
        .args(["backtrace", "--input"])
        .arg(&log)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        text(&extended.stdout),
        "stack backtrace:\n      ⋮ 1 frame in my-executor folded (entered through `my_executor::run`)\n   1: app::main\n             at ./src/main.rs:3:5\n"
    );
}
