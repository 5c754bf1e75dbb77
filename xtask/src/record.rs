//! `cargo xtask record`: records what `cargo check` prints for each fixture.
//!
//! This file owns the recorder: finding fixtures, running
//! `cargo check --message-format=json -p CASE ARGS` in `fixtures/` (or
//! `cargo clippy …` for fixtures whose `command` is "clippy", `cargo run -q …`
//! or `cargo test -q …` for fixtures that run a program: see `program.rs`),
//! appending the blocking-call lint's findings for fixtures with
//! `lint = true`, keeping only the deterministic lines, normalising
//! machine-specific substrings and writing (or, with `--check`, comparing)
//! `fixtures/CASE/recorded.json`.
//!
//! Normalisation is plain string replacement on the raw lines, so the result
//! is byte-identical to cargo's output apart from the replaced substrings.
//! `fixtures/README.md` describes each replacement and why it is needed.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::program;
use serde_json::Value;

/// What `cargo xtask record` was asked to do.
#[derive(Debug, Default)]
pub struct Options {
    /// Compare with the committed recordings instead of writing them.
    pub check: bool,
    /// Fixtures to record; all of them when empty.
    pub cases: Vec<String>,
}

/// Records (or checks) the selected fixtures. Returns `Ok(false)` when
/// `--check` found a fixture whose recording drifted or is missing.
pub fn run(options: &Options) -> Result<bool> {
    let fixtures_dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .context("xtask has no parent directory")?
        .join("fixtures");
    let cases = select_cases(&fixtures_dir, &options.cases)?;
    let env = Environment::probe(&fixtures_dir, "/fixtures")?;

    let mut drifted = Vec::new();
    for case in &cases {
        let recording = record(&env, &fixtures_dir, case, options.check)?;
        let path = fixtures_dir.join(case).join("recorded.json");
        // `copy_to = "src/demo.json"`: the recording is also needed inside the published crate,
        // which cannot include a folder with a Cargo.toml of its own.
        let manifest = fs::read_to_string(fixtures_dir.join(case).join("fixture.toml"))?;
        let copy = key_value(&manifest, "copy_to")
            .map(|v| v.trim().trim_matches(|c| c == '"' || c == '\''))
            .map(|rel| fixtures_dir.join("..").join(rel));
        if !options.check {
            fs::write(&path, &recording.text)
                .with_context(|| format!("cannot write {}", path.display()))?;
            if let Some(copy) = &copy {
                fs::write(copy, &recording.text)
                    .with_context(|| format!("cannot write {}", copy.display()))?;
            }
            println!("{case:<40} {}", recording.summary);
            continue;
        }
        if let Some(copy) = &copy
            && fs::read_to_string(copy).ok().as_deref() != Some(recording.text.as_str())
        {
            println!("{case:<40} DRIFTED its copy {} differs", copy.display());
            drifted.push(case.as_str());
        }
        match fs::read_to_string(&path) {
            Ok(committed) if committed == recording.text => {
                println!("{case:<40} ok      {}", recording.summary);
            }
            Ok(committed) => {
                println!("{case:<40} DRIFTED {}", recording.summary);
                print_diff(&committed, &recording.text);
                drifted.push(case.as_str());
            }
            Err(_) => {
                println!(
                    "{case:<40} MISSING no recorded.json ({})",
                    recording.summary
                );
                drifted.push(case.as_str());
            }
        }
    }
    if !drifted.is_empty() {
        eprintln!(
            "\n{} fixture(s) differ from their recorded.json: {}\n\
             re-record with `cargo xtask record {}` and review the diff",
            drifted.len(),
            drifted.join(", "),
            drifted.join(" "),
        );
        return Ok(false);
    }
    Ok(true)
}

/// The fixtures to record: the named ones, or every folder with a fixture.toml.
fn select_cases(fixtures_dir: &Path, requested: &[String]) -> Result<Vec<String>> {
    let entries = fs::read_dir(fixtures_dir)
        .with_context(|| format!("cannot read {}", fixtures_dir.display()))?;
    let mut all = Vec::new();
    for entry in entries {
        let entry = entry?;
        if entry.path().join("fixture.toml").is_file() {
            all.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    all.sort();
    if requested.is_empty() {
        return Ok(all);
    }
    let mut cases: Vec<String> = Vec::new();
    for case in requested {
        if !all.contains(case) {
            bail!(
                "no fixture `{case}` (a fixture is a folder under fixtures/ with a fixture.toml)"
            );
        }
        if !cases.contains(case) {
            cases.push(case.clone());
        }
    }
    Ok(cases)
}

/// Facts about this machine needed to run cargo and normalise its output.
pub(crate) struct Environment {
    pub(crate) cargo: String,
    /// Package name -> cargo package id, for the fixtures workspace members.
    pub(crate) package_ids: HashMap<String, String>,
    /// (machine-specific text, stable replacement), longest first.
    replacements: Vec<(String, String)>,
}

impl Environment {
    /// Probes the workspace at `workspace_dir` (`fixtures/` or `coverage/`), whose absolute path
    /// becomes `root_as` in recordings.
    pub(crate) fn probe(workspace_dir: &Path, root_as: &str) -> Result<Self> {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
        let metadata = capture(cargo_command(&cargo, workspace_dir).args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
        ]))?;
        let metadata: Value =
            serde_json::from_str(&metadata).context("cannot parse `cargo metadata` output")?;
        let field = |name: &str| {
            metadata[name]
                .as_str()
                .map(str::to_string)
                .with_context(|| format!("`cargo metadata` has no `{name}`"))
        };
        let workspace_root = field("workspace_root")?;
        let target_dir = field("target_directory")?;
        let mut package_ids = HashMap::new();
        for package in metadata["packages"].as_array().into_iter().flatten() {
            if let (Some(name), Some(id)) = (package["name"].as_str(), package["id"].as_str()) {
                package_ids.insert(name.to_string(), id.to_string());
            }
        }

        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
        let sysroot = capture(
            Command::new(rustc)
                .current_dir(workspace_dir)
                .args(["--print", "sysroot"]),
        )?;
        let sysroot = sysroot.trim().to_string();
        if Path::new(&sysroot)
            .join("lib/rustlib/src/rust/library")
            .is_dir()
        {
            // With rust-src installed rustc quotes std's source lines in
            // notes about std items; the committed recordings are made without it.
            eprintln!(
                "warning: the rust-src component is installed: std source lines will appear in notes and recordings will differ from CI's"
            );
        }

        // Cargo prints the target dir as configured (`<fixtures>/../target/fixtures`);
        // also cover its canonical form in case some tool prints that.
        fs::create_dir_all(&target_dir)
            .with_context(|| format!("cannot create target dir {target_dir}"))?;
        let mut pairs = vec![
            (target_dir.clone(), "/fixtures/target"),
            (canonical(&target_dir), "/fixtures/target"),
            (workspace_root.clone(), root_as),
            (canonical(&workspace_root), root_as),
            (sysroot, "/rustlib"),
        ];
        for registry in crates_io_sources()? {
            pairs.push((registry, "/cargo/registry/src/index.crates.io"));
        }

        let mut replacements: Vec<(String, String)> = Vec::new();
        for (from, to) in pairs {
            // Inside JSON strings a path appears escaped (`/` stays as is,
            // but `\` and `"` would not); cover both spellings.
            let quoted = serde_json::to_string(&from)?;
            let escaped = quoted[1..quoted.len() - 1].to_string();
            for from in [from, escaped] {
                if !from.is_empty() && !replacements.iter().any(|(f, _)| *f == from) {
                    replacements.push((from, to.to_string()));
                }
            }
        }
        // Longest first, so `<fixtures>/../target` wins over `<fixtures>`.
        replacements.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Ok(Environment {
            cargo,
            package_ids,
            replacements,
        })
    }

    /// Applies every normalisation to one raw line of cargo's output.
    pub(crate) fn normalise(&self, line: &str) -> String {
        let mut line = line.to_string();
        for (from, to) in &self.replacements {
            if line.contains(from.as_str()) {
                line = line.replace(from.as_str(), to);
            }
        }
        let line = line.replace("\"fresh\":true", "\"fresh\":false");
        normalise_build_hashes(&normalise_long_type_names(&line))
    }
}

/// The `$CARGO_HOME/registry/src/index.crates.io-<hash>` folders on this machine.
fn crates_io_sources() -> Result<Vec<String>> {
    let cargo_home = match std::env::var_os("CARGO_HOME") {
        Some(home) => PathBuf::from(home),
        None => {
            PathBuf::from(std::env::var_os("HOME").context("neither CARGO_HOME nor HOME is set")?)
                .join(".cargo")
        }
    };
    let src = cargo_home.join("registry").join("src");
    let mut found = Vec::new();
    if let Ok(entries) = fs::read_dir(&src) {
        for entry in entries {
            let entry = entry?;
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with("index.crates.io-")
            {
                found.push(entry.path().to_string_lossy().into_owned());
            }
        }
    }
    Ok(found)
}

/// Rustc writes over-long type names to `…/<crate>-<hash>.long-type-<random>.txt`;
/// the random digits change on every run, so they become `N`.
fn normalise_long_type_names(line: &str) -> String {
    const MARK: &str = "long-type-";
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find(MARK) {
        let (before, after) = rest.split_at(at + MARK.len());
        out.push_str(before);
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && after[digits..].starts_with(".txt") {
            out.push('N');
            rest = &after[digits..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Cargo names build outputs `<name>-<16 hex digits>.<ext>`; the digits hash the build
/// configuration (profile settings, environment), so inside the target directory they become
/// `HASH` and a recording does not depend on how the machine's cargo is configured.
fn normalise_build_hashes(line: &str) -> String {
    const TARGET: &str = "/fixtures/target/";
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find(TARGET) {
        let (before, after) = rest.split_at(at + TARGET.len());
        out.push_str(before);
        let end = after
            .find(|c: char| c == '"' || c == '\'' || c.is_whitespace())
            .unwrap_or(after.len());
        let (path, tail) = after.split_at(end);
        out.push_str(&hash_free(path));
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// `a/b/name-0123456789abcdef.rmeta` → `a/b/name-HASH.rmeta`.
fn hash_free(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = String::with_capacity(path.len());
    let mut i = 0;
    while i < path.len() {
        let hex = bytes.get(i + 1..i + 17);
        let after = bytes.get(i + 17).copied();
        if bytes[i] == b'-'
            && hex.is_some_and(|h| {
                h.iter()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
            })
            && after.is_none_or(|b| b == b'.' || b == b'/')
        {
            out.push_str("-HASH");
            i += 17;
        } else {
            let ch = path[i..].chars().next().unwrap_or('\0');
            out.push(ch);
            i += ch.len_utf8().max(1);
        }
    }
    out
}

/// Sets the modification time of every file under `dir/src` (and `dir/tests`) to now.
pub(crate) fn touch_sources(dir: &Path) -> Result<()> {
    let now = std::time::SystemTime::now();
    let mut stack = vec![dir.join("src"), dir.join("tests")];
    while let Some(path) = stack.pop() {
        let Ok(entries) = fs::read_dir(&path) else {
            continue;
        };
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                fs::File::options()
                    .append(true)
                    .open(&path)
                    .and_then(|f| f.set_modified(now))
                    .with_context(|| format!("cannot touch {}", path.display()))?;
            }
        }
    }
    Ok(())
}

/// One fixture's normalised recording.
struct Recording {
    text: String,
    summary: String,
}

/// Runs cargo for one fixture and returns the normalised, filtered output.
fn record(env: &Environment, fixtures_dir: &Path, case: &str, locked: bool) -> Result<Recording> {
    let own_id = env
        .package_ids
        .get(case)
        .with_context(|| format!("fixture `{case}` is not a member of fixtures/Cargo.toml (folder and package name must match)"))?;
    let manifest = fixtures_dir.join(case).join("fixture.toml");
    let manifest_text = fs::read_to_string(&manifest)
        .with_context(|| format!("cannot read {}", manifest.display()))?;
    let extra_args = parse_args(&manifest_text)
        .with_context(|| format!("bad `args` in {}", manifest.display()))?;
    let subcommand = parse_command(&manifest_text)
        .with_context(|| format!("bad `command` in {}", manifest.display()))?;
    let program_env = program::parse_env(&manifest_text)
        .with_context(|| format!("bad `env` in {}", manifest.display()))?;
    let runs_program = RUNS_PROGRAM.contains(&subcommand);
    if !runs_program && !program_env.is_empty() {
        bail!(
            "`env` in {} is for fixtures that run a program (`command = \"run\"` or `\"test\"`)",
            manifest.display()
        );
    }

    // Cargo replays cached diagnostics of a fresh crate as they were rendered for the build
    // that cached them (a `--message-format=short` run leaves short `rendered` texts behind):
    // touching the sources makes it compile again, so the recording is rustc's own.
    touch_sources(&fixtures_dir.join(case))?;
    let mut command = cargo_command(&env.cargo, fixtures_dir);
    command.arg(subcommand).arg("--message-format=json");
    if runs_program {
        // No `Compiling…`/`Finished … in 0.27s` status lines between the program's lines.
        command.arg("--quiet");
    }
    if locked {
        // CI must not quietly update fixtures/Cargo.lock.
        command.arg("--locked");
    }
    command.args(["-p", case]).args(&extra_args);
    // A failing build is the point of most fixtures; only a run that never
    // got to `build-finished` (bad manifest, resolution failure…) is an error.
    let (stdout, status, stderr) = if runs_program {
        // The program's stdout and stderr interleaved as a terminal shows them.
        let (text, status) = program::output_merged(command, &program_env)
            .with_context(|| format!("cannot run `{}`", env.cargo))?;
        (text, status, String::new())
    } else {
        let output = command
            .output()
            .with_context(|| format!("cannot run `{}`", env.cargo))?;
        let stdout = String::from_utf8(output.stdout).context("cargo printed non-UTF-8 output")?;
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        (stdout, output.status, stderr)
    };
    let mut program_lines = program::ProgramNormaliser::default();

    let (mut total, mut errors, mut warnings, mut finished) = (0, 0, 0, false);
    let mut text = String::new();
    for line in stdout.lines() {
        let keep = match serde_json::from_str::<Value>(line) {
            Ok(message) => match message["reason"].as_str() {
                Some("compiler-message") => {
                    total += 1;
                    match message["message"]["level"].as_str() {
                        Some("error") => errors += 1,
                        Some("warning") => warnings += 1,
                        _ => {}
                    }
                    true
                }
                Some("build-finished") => {
                    finished = true;
                    true
                }
                // Dependencies finish in a nondeterministic order: keep only our own.
                Some("compiler-artifact" | "build-script-executed") => {
                    message["package_id"].as_str() == Some(own_id.as_str())
                }
                // A program's own JSON output is kept like any line it prints.
                None => runs_program,
                _ => false,
            },
            Err(_) => true,
        };
        if keep {
            let line = env.normalise(line);
            if runs_program {
                text.push_str(&program_lines.line(&line));
            } else {
                text.push_str(&line);
            }
            text.push('\n');
        }
    }
    if !finished {
        bail!(
            "`cargo {subcommand} -p {case}` did not finish a build ({status}):\n{stderr}{}",
            if runs_program { stdout.as_str() } else { "" }
        );
    }
    let lint = parse_lint(&manifest_text)
        .with_context(|| format!("bad `lint` in {}", manifest.display()))?;
    if lint {
        // What `cargo async-explain check` appends after cargo's messages: the blocking-call
        // lint's findings, as compiler messages.
        for line in lint_lines(fixtures_dir, case)?.lines() {
            total += 1;
            warnings += 1;
            text.push_str(&env.normalise(line));
            text.push('\n');
        }
    }
    let mut summary = format!(
        "{}: {}, {}",
        plural(total, "diagnostic"),
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    if runs_program {
        let panics = text
            .lines()
            .filter(|l| l.starts_with("thread '") && l.contains(" panicked at "))
            .count();
        summary.push_str(&format!("; {}, {status}", plural(panics, "panic")));
    }
    Ok(Recording { text, summary })
}

/// The cargo subcommands a fixture may be recorded with (`command` in fixture.toml).
const COMMANDS: [&str; 4] = ["check", "clippy", "run", "test"];

/// The commands that run a program, whose output is recorded too.
const RUNS_PROGRAM: [&str; 2] = ["run", "test"];

/// Reads the optional `command = "check" | "clippy" | "run" | "test"` key of
/// fixture.toml ("check" when absent). Clippy is for cases only its lints can
/// see; run and test record a program's output (its panics, backtraces).
fn parse_command(toml: &str) -> Result<&'static str> {
    let Some(value) = key_value(toml, "command") else {
        return Ok(COMMANDS[0]);
    };
    let mut chars = value.chars().peekable();
    skip_blank(&mut chars);
    let quote = match chars.next() {
        Some(quote @ ('"' | '\'')) => quote,
        other => bail!("expected a string, like `command = \"clippy\"`, found {other:?}"),
    };
    let mut name = String::new();
    loop {
        match chars.next().context("unterminated string")? {
            c if c == quote => break,
            c => name.push(c),
        }
    }
    COMMANDS
        .into_iter()
        .find(|c| *c == name)
        .with_context(|| format!("unknown command {name:?} (expected one of {COMMANDS:?})"))
}

/// Reads the optional `lint = true | false` key of fixture.toml (false when absent).
fn parse_lint(toml: &str) -> Result<bool> {
    let Some(value) = key_value(toml, "lint") else {
        return Ok(false);
    };
    let word: String = value
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    match word.as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => bail!("expected `lint = true` or `lint = false`"),
    }
}

/// The blocking-call lint's findings for one fixture package, as cargo JSON lines.
fn lint_lines(fixtures_dir: &Path, case: &str) -> Result<String> {
    use cargo_async_explain::lint;
    let options = lint::Options {
        selection: lint::Selection {
            manifest_path: Some(fixtures_dir.join("Cargo.toml")),
            packages: vec![case.to_string()],
            ..lint::Selection::default()
        },
        render: lint::Render {
            deny: false,
            color: false,
            width: 140,
        },
    };
    let report = lint::run(&options).with_context(|| format!("the lint failed on `{case}`"))?;
    if !report.problems.is_empty() {
        bail!(
            "the lint could not read `{case}`: {}",
            report.problems.join("; ")
        );
    }
    String::from_utf8(report.json).context("the lint printed non-UTF-8 output")
}

/// The text after `key =` of the first line that sets `key` (no TOML crate here).
pub(crate) fn key_value<'t>(toml: &'t str, key: &str) -> Option<&'t str> {
    let mut offset = 0;
    for line in toml.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key)
            && let Some(rest) = rest.trim_start().strip_prefix('=')
        {
            return Some(&toml[offset + line.len() - rest.len()..]);
        }
        offset += line.len();
    }
    None
}

/// Reads the optional `args = [...]` key of fixture.toml (no TOML crate here:
/// only an array of "basic" or 'literal' strings is supported, over one or
/// more lines, with `#` comments between elements).
fn parse_args(toml: &str) -> Result<Vec<String>> {
    let Some(value) = key_value(toml, "args") else {
        return Ok(Vec::new());
    };

    let mut chars = value.chars().peekable();
    skip_blank(&mut chars);
    if chars.next() != Some('[') {
        bail!("expected an array of strings, like `args = [\"--tests\"]`");
    }
    let mut args = Vec::new();
    loop {
        skip_blank(&mut chars);
        match chars.next() {
            Some(']') => return Ok(args),
            Some('"') => {
                let mut quoted = String::from('"');
                loop {
                    let c = chars.next().context("unterminated string")?;
                    quoted.push(c);
                    if c == '\\' {
                        quoted.push(chars.next().context("unterminated string")?);
                    } else if c == '"' {
                        break;
                    }
                }
                args.push(serde_json::from_str(&quoted).context("bad escape in string")?);
            }
            Some('\'') => {
                let mut literal = String::new();
                loop {
                    match chars.next().context("unterminated string")? {
                        '\'' => break,
                        c => literal.push(c),
                    }
                }
                args.push(literal);
            }
            other => bail!("expected a string or `]`, found {other:?}"),
        }
        skip_blank(&mut chars);
        match chars.next() {
            Some(',') => continue,
            Some(']') => return Ok(args),
            other => bail!("expected `,` or `]`, found {other:?}"),
        }
    }
}

/// Skips whitespace, newlines and `#` comments.
fn skip_blank(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while let Some(&c) = chars.peek() {
        if c == '#' {
            while chars.next_if(|&c| c != '\n').is_some() {}
        } else if c.is_whitespace() {
            chars.next();
        } else {
            break;
        }
    }
}

/// Prints where a fresh recording differs from the committed one: the first
/// few differing lines, each cut to a window around the first differing byte.
pub(crate) fn print_diff(committed: &str, recorded: &str) {
    const MAX_LINES: usize = 3;
    let old: Vec<&str> = committed.lines().collect();
    let new: Vec<&str> = recorded.lines().collect();
    if old.len() != new.len() {
        println!(
            "    committed has {} lines, new recording {}",
            old.len(),
            new.len()
        );
    }
    let mut shown = 0;
    for index in 0..old.len().max(new.len()) {
        let (a, b) = (old.get(index).copied(), new.get(index).copied());
        if a == b {
            continue;
        }
        if shown == MAX_LINES {
            println!("    …");
            return;
        }
        shown += 1;
        let at = first_difference(a.unwrap_or(""), b.unwrap_or(""));
        println!("    @@ line {} @@", index + 1);
        if let Some(a) = a {
            println!("    - {}", excerpt(a, at));
        }
        if let Some(b) = b {
            println!("    + {}", excerpt(b, at));
        }
    }
    if shown == 0 {
        println!("    (only line endings or the final newline differ)");
    }
}

/// Byte offset of the first differing character of `a` and `b`.
fn first_difference(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map(|((i, _), _)| i)
        .unwrap_or_else(|| a.len().min(b.len()))
}

/// About 150 characters of `line` around byte offset `at`.
fn excerpt(line: &str, at: usize) -> String {
    let mut start = at.saturating_sub(50).min(line.len());
    while !line.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + 100).min(line.len());
    while !line.is_char_boundary(end) {
        end += 1;
    }
    let prefix = if start > 0 { "…" } else { "" };
    let suffix = if end < line.len() { "…" } else { "" };
    format!("{prefix}{}{suffix}", &line[start..end])
}

/// `1 error`, `2 errors`.
pub(crate) fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// `path` canonicalised, or unchanged if that fails.
fn canonical(path: &str) -> String {
    fs::canonicalize(path)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| path.to_string())
}

/// `cargo` run in `dir` (`fixtures/` or `coverage/`), without the environment variables that
/// would change where things are built or what rustc reports.
pub(crate) fn cargo_command(cargo: &str, dir: &Path) -> Command {
    let mut command = Command::new(cargo);
    command.current_dir(dir).env("CARGO_TERM_COLOR", "never");
    for var in [
        "CARGO_INCREMENTAL",
        "CARGO_TARGET_DIR",
        "CARGO_BUILD_TARGET_DIR",
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_BUILD_RUSTFLAGS",
    ] {
        command.env_remove(var);
    }
    command
}

/// Runs a command that must succeed and returns its stdout.
fn capture(command: &mut Command) -> Result<String> {
    let output = command
        .output()
        .with_context(|| format!("cannot run {command:?}"))?;
    if !output.status.success() {
        bail!(
            "{command:?} failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    String::from_utf8(output.stdout).context("command printed non-UTF-8 output")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn args_are_read_from_fixture_toml() {
        let toml = "description = \"x\"\nargs = [\"--tests\", '--lib', # why\n  \"a\\\"b\",]\nexpect = []\n";
        assert_eq!(parse_args(toml).unwrap(), ["--tests", "--lib", "a\"b"]);
        assert!(parse_args("args = []").unwrap().is_empty());
        assert!(parse_args("expect = [\"x\"]").unwrap().is_empty());
        assert!(parse_args("args = \"--tests\"").is_err());
    }

    #[test]
    fn lint_is_read_from_fixture_toml() {
        assert!(!parse_lint("expect = []\n").unwrap());
        assert!(parse_lint("lint = true # after cargo\n").unwrap());
        assert!(!parse_lint("lint = false\n").unwrap());
        assert!(parse_lint("lint = \"yes\"\n").is_err());
    }

    #[test]
    fn command_is_read_from_fixture_toml() {
        assert_eq!(parse_command("expect = []\n").unwrap(), "check");
        assert_eq!(parse_command("# command = \"clippy\"\n").unwrap(), "check");
        assert_eq!(parse_command("command = \"clippy\"\n").unwrap(), "clippy");
        assert_eq!(parse_command("command='check' # why\n").unwrap(), "check");
        assert_eq!(parse_command("commands = \"clippy\"\n").unwrap(), "check");
        assert_eq!(parse_command("command = \"run\"\n").unwrap(), "run");
        assert_eq!(parse_command("command = \"test\"\n").unwrap(), "test");
        assert!(parse_command("command = \"build\"").is_err());
        assert!(parse_command("command = clippy").is_err());
        assert!(parse_command("command = \"clippy").is_err());
    }

    #[test]
    fn long_type_digits_are_replaced() {
        assert_eq!(
            normalise_long_type_names(
                "'/t/deps/a-1f.long-type-6119295888237717256.txt' long-type-x"
            ),
            "'/t/deps/a-1f.long-type-N.txt' long-type-x"
        );
    }

    #[test]
    fn build_hashes_in_the_target_dir_are_replaced() {
        assert_eq!(
            normalise_build_hashes(
                r#"["/fixtures/target/debug/deps/libx-0123456789abcdef.rmeta"] '/fixtures/target/debug/deps/x-fedcba9876543210.long-type-N.txt' tokio-1.54.1/src"#
            ),
            r#"["/fixtures/target/debug/deps/libx-HASH.rmeta"] '/fixtures/target/debug/deps/x-HASH.long-type-N.txt' tokio-1.54.1/src"#
        );
    }

    #[test]
    fn excerpt_marks_cut_ends() {
        let line = "a".repeat(300);
        let cut = excerpt(&line, 150);
        assert!(cut.starts_with('…') && cut.ends_with('…'));
        assert_eq!(first_difference("abc", "abd"), 2);
        assert_eq!(first_difference("ab", "abc"), 2);
    }
}
