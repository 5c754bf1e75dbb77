//! The CI outputs: `--format github` (annotations that no diagnostic text can subvert, GitHub's
//! per-step limits), the step summary (Markdown, capped at 1 MiB), `--format sarif` (valid
//! against the vendored OASIS schema for every fixture, streamed, fingerprints that survive line
//! shifts, fixes) and `--format gitlab` (unique fingerprints), with paths relative to the
//! workspace root. Hostile inputs are real recorded lines with fields edited, never typed whole.
//!
//! Snapshots live in `tests/snapshots/`; bless them with
//! `INSTA_UPDATE=always cargo test --test ci_formats`, then review the diff in git.

mod common;

use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::io::{Read, Write};
use std::path::Path;
use std::process::Stdio;
use std::rc::Rc;

use cargo_async_explain::cli::FormatArg;
use cargo_async_explain::config::{Ci, Config, ReportKind};
use cargo_async_explain::kb::Kb;
use cargo_async_explain::pipeline::{self, Output};
use cargo_async_explain::render::Style;
use cargo_async_explain::render::step_summary::MAX_BYTES;
use common::{WIDTH, bin, fixtures, kb, repo};
use serde_json::Value;

/// The workspace the recordings were made in (the recorder normalises paths to it).
const ROOT: &str = "/fixtures";

fn config(format: FormatArg) -> Config {
    let mut config = Config {
        format,
        style: Style {
            color: false,
            width: WIDTH,
            verbose: false,
        },
        kb_dirs: Vec::new(),
        ci: Ci {
            command_line: "cargo-async-explain --format test".into(),
            ..Ci::default()
        },
    };
    config.set_workspace_root(Path::new(ROOT));
    config
}

/// The main output of `format` on `input`.
fn run_format(kb: &Kb, format: FormatArg, input: &[u8]) -> String {
    let config = config(format);
    let mut out = Vec::new();
    {
        let mut outputs = [Output::primary(config.emitter(), Box::new(&mut out))];
        pipeline::run(kb, &mut outputs, input, "test input", &mut std::io::sink()).unwrap();
    }
    String::from_utf8(out).unwrap()
}

/// A report written beside the human output: (human, report).
fn run_report(kb: &Kb, kind: ReportKind, input: &[u8]) -> (String, String) {
    let config = config(FormatArg::Human);
    let (mut human, mut report) = (Vec::new(), Vec::new());
    {
        let mut outputs = [
            Output::primary(config.emitter(), Box::new(&mut human)),
            Output::report(config.report_emitter(kind), Box::new(&mut report)),
        ];
        pipeline::run(kb, &mut outputs, input, "test input", &mut std::io::sink()).unwrap();
    }
    (
        String::from_utf8(human).unwrap(),
        String::from_utf8(report).unwrap(),
    )
}

fn recording(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("fixtures").join(name).join("recorded.json")).unwrap()
}

/// The compiler messages of a recording, as JSON values to edit.
fn messages(name: &str) -> Vec<Value> {
    recording(name)
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice::<Value>(l).unwrap())
        .filter(|v| v["reason"] == "compiler-message")
        .collect()
}

/// The first diagnostic of a recording whose message contains `needle`.
fn diagnostic(name: &str, needle: &str) -> Value {
    messages(name)
        .into_iter()
        .find(|v| v["message"]["message"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("{name} has no diagnostic with {needle:?}"))
}

fn stream(lines: &[Value]) -> Vec<u8> {
    let mut out = Vec::new();
    for line in lines {
        out.extend(serde_json::to_vec(line).unwrap());
        out.push(b'\n');
    }
    out
}

/// The primary span of a cargo message's diagnostic.
fn primary_span(line: &mut Value) -> &mut Value {
    line["message"]["spans"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| s["is_primary"] == true)
        .expect("a primary span")
}

/// Every span of a diagnostic and its children (and the macro expansions they came from).
fn for_each_span(diagnostic: &mut Value, f: &mut dyn FnMut(&mut Value)) {
    fn span(s: &mut Value, f: &mut dyn FnMut(&mut Value)) {
        f(s);
        if let Some(expansion) = s.get_mut("expansion").filter(|e| !e.is_null()) {
            span(&mut expansion["span"], f);
        }
    }
    for s in diagnostic["spans"].as_array_mut().unwrap() {
        span(s, f);
    }
    for child in diagnostic["children"].as_array_mut().unwrap() {
        for_each_span(child, f);
    }
}

/// The vendored schema, compiled. Its two `language` patterns end in a stray `]` (`…{2}]?$`),
/// a literal under the ECMA-262 rules JSON Schema uses, but rejected by the `jsonschema` crate's
/// check of the schema itself; escaping it (`\]`) means the same and lets the schema compile.
fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("tests/schemas/sarif-schema-2.1.0.json"))
        .unwrap()
        .replace("{2}]?$", "{2}\\\\]?$");
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the vendored schema compiles")
}

fn assert_valid_sarif(validator: &jsonschema::Validator, sarif: &str, what: &str) -> Value {
    let log: Value = serde_json::from_str(sarif)
        .unwrap_or_else(|e| panic!("{what}: SARIF is not JSON: {e}\n{sarif}"));
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: invalid SARIF:\n{}",
        errors.join("\n")
    );
    log
}

/// A workflow command as GitHub's runner reads it.
#[derive(Debug)]
struct RunnerCommand {
    name: String,
    properties: BTreeMap<String, String>,
    data: String,
}

/// What GitHub's Actions runner does with a step's output (actions/runner, `ActionCommand.cs`
/// and `ActionCommandManager.cs`): every line (split at LF and CR) is a command when, after
/// leading whitespace, it reads `::name props::data`, or holds the older `##[name props]data`
/// anywhere; `stop-commands` ignores every command until `::TOKEN::`. Returns the commands acted
/// on, without the stop/resume pair.
fn runner(output: &str) -> Vec<RunnerCommand> {
    const REGISTERED: &[&str] = &[
        "error",
        "warning",
        "notice",
        "debug",
        "group",
        "endgroup",
        "add-mask",
        "set-output",
        "set-env",
        "add-path",
        "save-state",
        "add-matcher",
        "remove-matcher",
        "echo",
        "stop-commands",
    ];
    fn unescape(text: &str, property: bool) -> String {
        let mut t = text.replace("%0D", "\r").replace("%0A", "\n");
        if property {
            t = t.replace("%3A", ":").replace("%2C", ",");
        }
        t.replace("%25", "%")
    }
    let mut stopped: Option<String> = None;
    let mut commands = Vec::new();
    for line in output.split(['\n', '\r']) {
        let parsed = {
            let trimmed = line.trim_start();
            let v2 = trimmed.strip_prefix("::").and_then(|rest| {
                let end = rest.find("::")?;
                let info = &rest[..end];
                let (name, props) = info.split_once(' ').unwrap_or((info, ""));
                Some((
                    name.to_owned(),
                    props.to_owned(),
                    ',',
                    rest[end + 2..].to_owned(),
                ))
            });
            let v1 = || {
                let start = line.find("##[")? + 3;
                let end = start + line[start..].find(']')?;
                let info = &line[start..end];
                let (name, props) = info.split_once(' ').unwrap_or((info, ""));
                Some((
                    name.to_owned(),
                    props.to_owned(),
                    ';',
                    line[end + 1..].to_owned(),
                ))
            };
            let known = |c: &(String, String, char, String)| {
                REGISTERED.iter().any(|r| r.eq_ignore_ascii_case(&c.0))
                    || stopped
                        .as_deref()
                        .is_some_and(|t| t.eq_ignore_ascii_case(&c.0))
            };
            v2.filter(known).or_else(|| v1().filter(known))
        };
        let Some((name, props, separator, data)) = parsed else {
            continue;
        };
        if let Some(token) = &stopped {
            if name.eq_ignore_ascii_case(token) {
                stopped = None;
            }
            continue;
        }
        if name == "stop-commands" {
            stopped = Some(unescape(&data, false));
            continue;
        }
        let properties = props
            .split(separator)
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_owned(), unescape(v, true)))
            .collect();
        commands.push(RunnerCommand {
            name,
            properties,
            data: unescape(&data, false),
        });
    }
    assert!(stopped.is_none(), "commands were stopped and never resumed");
    commands
}

// ---------------------------------------------------------------------------------------------
// GitHub annotations

#[test]
fn github_format_is_the_human_output_then_one_annotation_per_diagnostic() {
    let kb = kb();
    let input = recording("demo");
    let github = run_format(&kb, FormatArg::Github, &input);
    let human = run_format(&kb, FormatArg::Human, &input);
    assert!(github.starts_with(&human), "the log reads as usual first");
    let commands = runner(&github);
    let errors = messages("demo")
        .iter()
        .filter(|m| m["message"]["level"] == "error")
        .count();
    assert_eq!(
        commands.len(),
        errors,
        "one per error, none for failure-notes"
    );
    for c in &commands {
        assert_eq!(c.name, "error");
        assert_eq!(c.properties["file"], "demo/src/main.rs");
    }
    let explained = commands
        .iter()
        .find(|c| c.properties["title"].contains(" — a blocking lock's `MutexGuard`"))
        .expect("the explained error's title names the misconception");
    assert!(explained.data.contains("explain[mutex-guard-across-await]"));
    assert!(explained.data.contains("fix: end `count`'s scope"));
    insta::assert_snapshot!("demo_github", github);
}

#[test]
fn no_diagnostic_text_can_issue_a_workflow_command() {
    let kb = kb();
    let evil_file = "demo/src/we,ird:na%me::x\r\n::error::file.rs";
    let evil_title = "use of moved value: `tx` 100%0A, a:b ::warning::pwned\r::add-mask::t";
    let mut line = diagnostic("demo", "use of moved value");
    let m = &mut line["message"];
    m["message"] = Value::from(format!(
        "{evil_title}\n::error::second line\n  ##[warning]v1 pwned"
    ));
    m["spans"][0]["label"] = Value::from("moved here\n::error::label, a:b %25");
    m["children"][0]["message"] = Value::from("help\n::notice::child pwned");
    let rendered = m["rendered"].as_str().unwrap().to_owned();
    m["rendered"] = Value::from(format!(
        "{rendered}::error file=x.rs,line=1::rendered pwned\n   ::stop-commands::x\n##[error]v1"
    ));
    for_each_span(m, &mut |s| {
        if s["file_name"] == "demo/src/main.rs" {
            s["file_name"] = Value::from(evil_file);
        }
    });
    // The same line explained, to attack the explanation's text as well.
    let mut explained = diagnostic("demo", "cannot be sent between threads safely");
    let rendered = explained["message"]["rendered"]
        .as_str()
        .unwrap()
        .to_owned();
    explained["message"]["rendered"] = Value::from(format!("::error::x\n{rendered}"));
    // A compiler message cut short (malformed) and other JSON, both printed as they came.
    let whole = serde_json::to_string(&line).unwrap();
    let malformed = format!("{}##[warning]malformed pwned", &whole[..whole.len() / 2]);
    let mut other_json = diagnostic("demo", "use of moved value");
    other_json["reason"] = Value::from("a-reason-from-the-future ##[error]pwned");
    let mut input = stream(&[line.clone(), explained, other_json]);
    input.extend_from_slice(malformed.as_bytes());
    input.push(b'\n');

    let output = run_format(&kb, FormatArg::Github, &input);
    let commands = runner(&output);
    let names: Vec<&str> = commands.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["error", "error"],
        "only our annotations: {commands:#?}"
    );
    let ours = commands
        .iter()
        .find(|c| c.properties["title"].starts_with(evil_title))
        .unwrap_or_else(|| panic!("the title survives escaping: {commands:#?}"));
    assert_eq!(ours.properties["file"], evil_file);
    assert_eq!(ours.properties["line"], "22");
    assert!(
        ours.data
            .starts_with(&format!("error[E0382]: {evil_title}\n::error::second line"))
    );
    assert!(ours.data.contains("moved here\n::error::label, a:b %25"));
    for annotation in output.lines().filter(|l| l.starts_with("::error ")) {
        assert!(!annotation.contains('\r'));
    }

    // The other formats carry the same text as data.
    let (_, summary) = run_report(&kb, ReportKind::StepSummary, &input);
    assert!(runner(&summary).is_empty(), "{summary}");
    for row in summary.lines().filter(|l| l.starts_with("| `")) {
        let cells = row.replace("\\|", "").matches('|').count();
        assert!(cells == 6 || cells == 3, "a cell ended early: {row}");
    }
    let sarif = run_format(&kb, FormatArg::Sarif, &input);
    let log = assert_valid_sarif(&sarif_validator(), &sarif, "hostile input");
    let result = &log["runs"][0]["results"][0];
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "demo/src/we%2Cird%3Ana%25me%3A%3Ax%0D%0A%3A%3Aerror%3A%3Afile.rs"
    );
    let gitlab: Value = serde_json::from_str(&run_format(&kb, FormatArg::Gitlab, &input)).unwrap();
    assert_eq!(gitlab[0]["location"]["path"], evil_file);
}

#[test]
fn twenty_five_errors_make_ten_annotations_explained_first_and_a_notice() {
    let kb = kb();
    let plain = diagnostic("plain-borrowck", "cannot borrow");
    let explained = diagnostic("mutex-guard-across-await", "cannot be sent between threads");
    let numbered = |base: &Value, i: usize| {
        let mut line = base.clone();
        let message = format!("{} #{i}", line["message"]["message"].as_str().unwrap());
        line["message"]["message"] = Value::from(message);
        line
    };
    let mut lines: Vec<Value> = (0..12).map(|i| numbered(&plain, i)).collect();
    lines.extend((0..3).map(|i| numbered(&explained, i)));
    lines.extend((12..22).map(|i| numbered(&plain, i)));
    let output = run_format(&kb, FormatArg::Github, &stream(&lines));
    let commands = runner(&output);
    let errors: Vec<&RunnerCommand> = commands.iter().filter(|c| c.name == "error").collect();
    assert_eq!(errors.len(), 10);
    for (i, c) in errors[..3].iter().enumerate() {
        assert!(
            c.properties["title"].starts_with(&format!(
                "future cannot be sent between threads safely #{i} — "
            )),
            "explained first: {c:?}"
        );
    }
    for (i, c) in errors[3..].iter().enumerate() {
        assert!(
            c.properties["title"].ends_with(&format!(" #{i}")),
            "then the others in order: {c:?}"
        );
    }
    let notices: Vec<&RunnerCommand> = commands.iter().filter(|c| c.name == "notice").collect();
    assert_eq!(notices.len(), 1);
    assert!(
        notices[0]
            .data
            .starts_with("15 more errors are not shown as annotations"),
        "{}",
        notices[0].data
    );
    assert_eq!(commands.len(), 11);
}

#[test]
fn warnings_and_notes_have_their_own_limits_and_the_notice_takes_a_notice_slot() {
    let kb = kb();
    let base = diagnostic("plain-borrowck", "cannot borrow");
    let with_level = |level: &str, i: usize| {
        let mut line = base.clone();
        line["message"]["level"] = Value::from(level);
        line["message"]["message"] = Value::from(format!("{level} #{i}"));
        line
    };
    let mut lines: Vec<Value> = (0..12).map(|i| with_level("warning", i)).collect();
    lines.extend((0..10).map(|i| with_level("note", i)));
    lines.push(with_level("help", 10));
    let commands = runner(&run_format(&kb, FormatArg::Github, &stream(&lines)));
    let count = |name: &str| commands.iter().filter(|c| c.name == name).count();
    assert_eq!(count("error"), 0);
    assert_eq!(count("warning"), 10);
    assert_eq!(count("notice"), 10, "9 notes and the closing notice");
    let last = commands.last().unwrap();
    assert_eq!(
        last.data.split(" are not shown").next().unwrap(),
        "2 more warnings and 2 more notices"
    );
}

#[test]
fn diagnostics_without_spans_are_annotated_only_when_they_are_errors() {
    let kb = kb();
    let failure_note = messages("demo")
        .into_iter()
        .find(|m| m["message"]["level"] == "failure-note")
        .unwrap();
    let mut spanless_warning = diagnostic("plain-borrowck", "cannot borrow");
    spanless_warning["message"]["level"] = Value::from("warning");
    spanless_warning["message"]["message"] = Value::from("2 warnings emitted");
    spanless_warning["message"]["spans"] = Value::Array(Vec::new());
    spanless_warning["message"]["children"] = Value::Array(Vec::new());
    let mut spanless_error = spanless_warning.clone();
    spanless_error["message"]["level"] = Value::from("error");
    spanless_error["message"]["code"] = Value::Null;
    spanless_error["message"]["message"] = Value::from("linking with `cc` failed: exit status: 1");
    let input = stream(&[failure_note, spanless_warning, spanless_error]);

    let commands = runner(&run_format(&kb, FormatArg::Github, &input));
    assert_eq!(commands.len(), 1, "{commands:#?}");
    assert_eq!(commands[0].name, "error");
    assert!(!commands[0].properties.contains_key("file"));
    assert_eq!(
        commands[0].properties["title"],
        "linking with `cc` failed: exit status: 1"
    );

    let log: Value = serde_json::from_str(&run_format(&kb, FormatArg::Sarif, &input)).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(
        results[0]["ruleId"],
        "rustc::linking-with-failed-exit-status-n"
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "plain-borrowck/Cargo.toml",
        "pinned to the package's manifest"
    );
    let gitlab: Value = serde_json::from_str(&run_format(&kb, FormatArg::Gitlab, &input)).unwrap();
    assert_eq!(gitlab.as_array().unwrap().len(), 1);
    assert_eq!(gitlab[0]["location"]["path"], "plain-borrowck/Cargo.toml");
    assert_eq!(gitlab[0]["location"]["lines"]["begin"], 1);
}

#[test]
fn a_repeat_of_an_explained_diagnostic_keeps_its_misconception() {
    let kb = kb();
    let explained = diagnostic("mutex-guard-across-await", "cannot be sent between threads");
    let input = stream(&[explained.clone(), explained]);
    let commands = runner(&run_format(&kb, FormatArg::Github, &input));
    assert_eq!(commands.len(), 2);
    for c in &commands {
        assert!(
            c.properties["title"].contains(" — a blocking lock's"),
            "{c:?}"
        );
    }
    assert!(
        commands[1]
            .data
            .contains("the same mistake as a diagnostic explained earlier")
    );
    let log: Value = serde_json::from_str(&run_format(&kb, FormatArg::Sarif, &input)).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results[0]["ruleId"], results[1]["ruleId"]);
    assert_eq!(results[0]["ruleIndex"], results[1]["ruleIndex"]);
    assert_eq!(
        results[1]["properties"]["sameAs"],
        "async-explain::mutex-guard-across-await"
    );
    let (_, summary) = run_report(&kb, ReportKind::StepSummary, &input);
    assert!(
        summary.contains("; 2 explained by the knowledge base"),
        "{summary}"
    );
    assert!(summary.contains("| same as above | — |"), "{summary}");
}

// ---------------------------------------------------------------------------------------------
// Paths

#[test]
fn paths_are_relative_to_the_workspace_root_and_the_users_code_is_preferred() {
    let kb = kb();
    let mut absolute = diagnostic("demo", "use of moved value");
    for_each_span(&mut absolute["message"], &mut |s| {
        if s["file_name"] == "demo/src/main.rs" {
            s["file_name"] = Value::from("/fixtures/demo/src/main.rs");
        }
    });
    let registry = "/cargo/registry/src/index.crates.io/tokio-1.54.1/src/task/spawn.rs";
    let mut in_registry = diagnostic("demo", "use of moved value");
    primary_span(&mut in_registry)["file_name"] = Value::from(registry);
    let input = stream(&[absolute, in_registry]);

    let commands = runner(&run_format(&kb, FormatArg::Github, &input));
    assert_eq!(commands[0].properties["file"], "demo/src/main.rs");
    assert_eq!(commands[0].properties["line"], "22");
    assert_eq!(
        (
            commands[1].properties["file"].as_str(),
            commands[1].properties["line"].as_str()
        ),
        ("demo/src/main.rs", "21"),
        "the first span in the workspace, not the registry's primary span"
    );
    assert!(
        commands[1]
            .data
            .contains(&format!("{registry}:22: value moved here"))
    );

    let log: Value = serde_json::from_str(&run_format(&kb, FormatArg::Sarif, &input)).unwrap();
    assert_eq!(
        log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        "file:///fixtures/"
    );
    let results = log["runs"][0]["results"].as_array().unwrap();
    for result in results {
        let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(artifact["uri"], "demo/src/main.rs");
        assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
    }
    let related: Vec<&Value> = results[1]["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| &l["physicalLocation"]["artifactLocation"])
        .collect();
    assert!(
        related
            .iter()
            .any(|a| a["uri"] == format!("file://{registry}").as_str()
                && a.get("uriBaseId").is_none())
    );
}

// ---------------------------------------------------------------------------------------------
// SARIF

#[test]
fn sarif_is_valid_against_the_official_schema_for_every_fixture() {
    let kb = kb();
    let validator = sarif_validator();
    let mut all = Vec::new();
    for fixture in fixtures() {
        all.extend_from_slice(&fixture.recorded);
        for (what, sarif) in [
            (
                "stdout",
                run_format(&kb, FormatArg::Sarif, &fixture.recorded),
            ),
            (
                "report",
                run_report(&kb, ReportKind::Sarif, &fixture.recorded).1,
            ),
        ] {
            let log = assert_valid_sarif(&validator, &sarif, &format!("{} {what}", fixture.name));
            let run = &log["runs"][0];
            let rules: Vec<&str> = run["tool"]["driver"]["rules"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["id"].as_str().unwrap())
                .collect();
            for result in run["results"].as_array().unwrap() {
                let id = result["ruleId"].as_str().unwrap();
                assert!(!id.is_empty(), "{}", fixture.name);
                let index = result["ruleIndex"].as_u64().unwrap() as usize;
                assert_eq!(rules[index], id, "{}", fixture.name);
            }
            assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
            assert_eq!(run["invocations"][0]["executionSuccessful"], true);
            // GitHub code scanning requires both on every rule (the SARIF Multitool's GH2012).
            for rule in run["tool"]["driver"]["rules"].as_array().unwrap() {
                for key in ["fullDescription", "help"] {
                    assert!(
                        rule[key]["text"].as_str().is_some_and(|t| !t.is_empty()),
                        "{}: rule {} has no {key}",
                        fixture.name,
                        rule["id"]
                    );
                }
            }
        }
    }
    assert_valid_sarif(&validator, &run_format(&kb, FormatArg::Sarif, &all), "all");
    assert_valid_sarif(&validator, &run_format(&kb, FormatArg::Sarif, b""), "empty");
    let failed_without_errors = br#"{"reason":"build-finished","success":false}"#;
    let log = assert_valid_sarif(
        &validator,
        &run_format(&kb, FormatArg::Sarif, failed_without_errors),
        "failed build",
    );
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
}

#[test]
fn a_workspace_root_with_dot_segments_is_written_without_them() {
    let kb = kb();
    let mut config = config(FormatArg::Sarif);
    config.set_workspace_root(Path::new("/fixtures/demo/../."));
    let mut out = Vec::new();
    {
        let mut outputs = [Output::primary(config.emitter(), Box::new(&mut out))];
        let input = recording("demo");
        pipeline::run(
            &kb,
            &mut outputs,
            input.as_slice(),
            "test input",
            &mut std::io::sink(),
        )
        .unwrap();
    }
    let log: Value = serde_json::from_slice(&out).unwrap();
    let run = &log["runs"][0];
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        "file:///fixtures/"
    );
    let uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert_eq!(uri, "demo/src/main.rs");
}

#[test]
fn sarif_results_are_written_as_they_come() {
    /// Hands out one line per read, noting how much output had been written before each.
    struct Lines {
        lines: Vec<Vec<u8>>,
        written: Rc<RefCell<Vec<u8>>>,
        seen_before: Vec<usize>,
    }
    impl Read for Lines {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.lines.is_empty() {
                return Ok(0);
            }
            self.seen_before.push(self.written.borrow().len());
            let line = self.lines.remove(0);
            buf[..line.len()].copy_from_slice(&line);
            Ok(line.len())
        }
    }
    struct Shared(Rc<RefCell<Vec<u8>>>);
    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let kb = kb();
    let written = Rc::new(RefCell::new(Vec::new()));
    let lines: Vec<Vec<u8>> = stream(&messages("plain-borrowck")[..1])
        .repeat(3)
        .split_inclusive(|b| *b == b'\n')
        .map(<[u8]>::to_vec)
        .collect();
    let mut input = Lines {
        lines,
        written: written.clone(),
        seen_before: Vec::new(),
    };
    let config = config(FormatArg::Sarif);
    let mut outputs = [Output::primary(
        config.emitter(),
        Box::new(Shared(written.clone())),
    )];
    pipeline::run(&kb, &mut outputs, &mut input, "lines", &mut std::io::sink()).unwrap();
    let out = String::from_utf8(written.borrow().clone()).unwrap();
    let at = |n: usize| {
        let before = &out[..input.seen_before[n]];
        before.matches("\"ruleId\"").count()
    };
    assert_eq!(
        (at(0), at(1), at(2)),
        (0, 1, 2),
        "each result is out before the next line is read"
    );
    assert!(out.find("\"rules\"").unwrap() > out.rfind("\"ruleId\"").unwrap());
}

#[test]
fn sarif_rules_stay_bounded_when_messages_vary() {
    let empty = Kb::builder().build().unwrap();
    let base = diagnostic("mutex-guard-across-await", "cannot be sent between threads");
    let letters = |mut i: usize| {
        let mut word = String::new();
        for _ in 0..3 {
            word.push((b'a' + (i % 26) as u8) as char);
            i /= 26;
        }
        word
    };
    let lines: Vec<Value> = (0..600)
        .map(|i| {
            let mut line = base.clone();
            line["message"]["message"] = Value::from(format!("{} went wrong", letters(i)));
            line
        })
        .collect();
    let log: Value =
        serde_json::from_str(&run_format(&empty, FormatArg::Sarif, &stream(&lines))).unwrap();
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 600);
    assert!(rules.len() <= 257, "{} rules", rules.len());
    assert!(rules.iter().any(|r| r["id"] == "rustc::error-without-code"));
}

#[test]
fn code_less_errors_get_a_stable_rule_of_their_own() {
    let empty = Kb::builder().build().unwrap();
    let input = recording("mutex-guard-across-await");
    let log: Value = serde_json::from_str(&run_format(&empty, FormatArg::Sarif, &input)).unwrap();
    let result = &log["runs"][0]["results"][0];
    assert_eq!(
        result["ruleId"],
        "rustc::future-cannot-be-sent-between-threads-safely"
    );
    let rule = &log["runs"][0]["tool"]["driver"]["rules"][0];
    assert_eq!(
        rule["shortDescription"]["text"],
        "future cannot be sent between threads safely"
    );
    // Explained, the rule is the knowledge-base entry, described and linked from its data.
    let log: Value = serde_json::from_str(&run_format(&kb(), FormatArg::Sarif, &input)).unwrap();
    let rule = &log["runs"][0]["tool"]["driver"]["rules"][0];
    assert_eq!(rule["id"], "async-explain::mutex-guard-across-await");
    assert!(
        rule["helpUri"]
            .as_str()
            .unwrap()
            .starts_with("https://tokio.rs/")
    );
    assert!(
        rule["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .starts_with("`<binding>` is a `MutexGuard`")
    );
}

#[test]
fn fingerprints_survive_lines_shifting_and_change_with_the_code() {
    let kb = kb();
    let base = diagnostic("demo", "use of moved value");
    let mut shifted = base.clone();
    for_each_span(&mut shifted["message"], &mut |s| {
        for key in ["line_start", "line_end"] {
            s[key] = Value::from(s[key].as_u64().unwrap() + 7);
        }
        for key in ["byte_start", "byte_end"] {
            s[key] = Value::from(s[key].as_u64().unwrap() + 120);
        }
    });
    let mut other_code = base.clone();
    let primary = primary_span(&mut other_code);
    assert_eq!(
        primary["text"][0]["text"],
        "        tokio::spawn(async move {"
    );
    primary["text"][0]["text"] = Value::from("        tokio::spawn(async  move {");

    let fingerprint = |line: &Value| {
        let log: Value = serde_json::from_str(&run_format(
            &kb,
            FormatArg::Sarif,
            &stream(std::slice::from_ref(line)),
        ))
        .unwrap();
        let result = &log["runs"][0]["results"][0];
        let gitlab: Value = serde_json::from_str(&run_format(
            &kb,
            FormatArg::Gitlab,
            &stream(std::slice::from_ref(line)),
        ))
        .unwrap();
        assert_eq!(
            result["partialFingerprints"]["asyncExplainHash/v1"],
            gitlab[0]["fingerprint"]
        );
        (
            result["partialFingerprints"]["asyncExplainHash/v1"].clone(),
            result["locations"][0]["physicalLocation"]["region"]["startLine"].clone(),
        )
    };
    let (a, line_a) = fingerprint(&base);
    let (b, line_b) = fingerprint(&shifted);
    let (c, _) = fingerprint(&other_code);
    assert_eq!(a, b, "seven lines added above it: the same finding");
    assert_ne!(line_a, line_b);
    assert_ne!(a, c, "different source text: a different finding");
}

#[test]
fn machine_applicable_suggestions_become_sarif_fixes() {
    let kb = kb();
    let line = diagnostic("demo", "use of moved value");
    let log: Value = serde_json::from_str(&run_format(
        &kb,
        FormatArg::Sarif,
        &stream(std::slice::from_ref(&line)),
    ))
    .unwrap();
    let fixes = log["runs"][0]["results"][0]["fixes"].as_array().unwrap();
    assert_eq!(fixes.len(), 1);
    assert_eq!(
        fixes[0]["description"]["text"],
        "consider cloning the value before moving it into the closure"
    );
    let replacements = fixes[0]["artifactChanges"][0]["replacements"]
        .as_array()
        .unwrap();
    assert_eq!(replacements.len(), 2);
    assert_eq!(replacements[1]["insertedContent"]["text"], "value");
    assert_eq!(
        replacements[1]["deletedRegion"],
        serde_json::json!({"startLine": 23, "startColumn": 13, "endLine": 23, "endColumn": 15})
    );

    let mut maybe = line;
    for_each_span(&mut maybe["message"], &mut |s| {
        if !s["suggestion_applicability"].is_null() {
            s["suggestion_applicability"] = Value::from("MaybeIncorrect");
        }
    });
    let log: Value =
        serde_json::from_str(&run_format(&kb, FormatArg::Sarif, &stream(&[maybe]))).unwrap();
    assert!(log["runs"][0]["results"][0].get("fixes").is_none());
}

#[test]
fn no_sarif_result_repeats_a_fix_on_any_fixture() {
    // GitHub's SARIF checks reject a result whose `fixes` has two equal elements; an edit of an
    // explanation is often also rustc's own suggestion, and only the first may be written.
    // The fixtures' own sources are read (as when wrapping cargo), so explanations make edits.
    let kb = kb();
    let config = config(FormatArg::Sarif);
    let mut with_fixes = 0;
    for fixture in fixtures() {
        let mut out = Vec::new();
        {
            let mut outputs = [Output::primary(config.emitter(), Box::new(&mut out))];
            let options = pipeline::Options {
                source_root: Some(repo().join("fixtures")),
                ..pipeline::Options::default()
            };
            let input = fixture.recorded.as_slice();
            pipeline::run_with(
                &kb,
                &mut outputs,
                input,
                "test",
                &mut std::io::sink(),
                options,
            )
            .unwrap();
        }
        let log: Value = serde_json::from_slice(&out).unwrap();
        for result in log["runs"][0]["results"].as_array().unwrap() {
            let Some(fixes) = result["fixes"].as_array() else {
                continue;
            };
            with_fixes += 1;
            for (i, fix) in fixes.iter().enumerate() {
                assert!(
                    fixes[..i]
                        .iter()
                        .all(|f| f["artifactChanges"] != fix["artifactChanges"]),
                    "{}: the same edit twice in {result}",
                    fixture.name
                );
            }
        }
    }
    assert!(with_fixes > 10, "only {with_fixes} results with fixes");
}

// ---------------------------------------------------------------------------------------------
// GitLab

#[test]
fn gitlab_fingerprints_are_unique_across_all_fixtures() {
    let kb = kb();
    let mut all = Vec::new();
    for fixture in fixtures() {
        all.extend_from_slice(&fixture.recorded);
    }
    // The demo twice: the same issues again (as `--all-targets` reports a lib's errors twice).
    all.extend(recording("demo"));
    let report: Value = serde_json::from_str(&run_format(&kb, FormatArg::Gitlab, &all)).unwrap();
    let issues = report.as_array().unwrap();
    assert!(!issues.is_empty());
    let mut seen = HashSet::new();
    for issue in issues {
        let fingerprint = issue["fingerprint"].as_str().unwrap();
        assert!(
            seen.insert(fingerprint.to_owned()),
            "duplicate {fingerprint}: {issue}"
        );
        assert!(!issue["check_name"].as_str().unwrap().is_empty());
        assert!(!issue["description"].as_str().unwrap().is_empty());
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&issue["severity"].as_str().unwrap())
        );
        let path = issue["location"]["path"].as_str().unwrap();
        assert!(!path.starts_with('/'), "{path}");
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }
    // Every diagnostic is an issue but rustc's failure-notes ("For more information…").
    let diagnostics = String::from_utf8(all)
        .unwrap()
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|v| v["reason"] == "compiler-message")
        .filter(|v| v["message"]["level"] != "failure-note")
        .count();
    assert_eq!(issues.len(), diagnostics);
    assert_eq!(run_format(&kb, FormatArg::Gitlab, b""), "[]\n");
}

#[test]
fn gitlab_severity_follows_the_level() {
    let kb = kb();
    let base = diagnostic("plain-borrowck", "cannot borrow");
    let lines: Vec<Value> = ["error", "warning", "note", "help"]
        .iter()
        .map(|level| {
            let mut line = base.clone();
            line["message"]["level"] = Value::from(*level);
            line
        })
        .collect();
    let report: Value =
        serde_json::from_str(&run_format(&kb, FormatArg::Gitlab, &stream(&lines))).unwrap();
    let severities: Vec<&str> = report
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities, ["critical", "minor", "info", "info"]);
}

// ---------------------------------------------------------------------------------------------
// Step summary

#[test]
fn step_summary_is_capped_at_one_mebibyte() {
    let kb = kb();
    let explained = diagnostic("mutex-guard-across-await", "cannot be sent between threads");
    let plain = diagnostic("plain-borrowck", "cannot borrow");
    let mut lines = Vec::new();
    for _ in 0..5000 {
        lines.push(explained.clone());
        lines.push(plain.clone());
    }
    let (human, summary) = run_report(&kb, ReportKind::StepSummary, &stream(&lines));
    assert!(!human.is_empty());
    assert!(summary.len() <= MAX_BYTES, "{} bytes", summary.len());
    assert!(summary.len() > MAX_BYTES / 2, "{} bytes", summary.len());
    assert!(summary.contains("**10000 errors**, 0 warnings, 0 notes; 5000 explained"));
    assert!(
        summary.contains("a step summary holds at most 1 MiB"),
        "the note"
    );
    assert!(summary.contains("| Misconception |"));
    let small = run_report(&kb, ReportKind::StepSummary, &stream(&lines[..4])).1;
    assert!(!small.contains("at most 1 MiB"));
    assert!(small.contains("| Other diagnostics |"));
}

#[test]
fn step_summary_without_diagnostics_says_so() {
    let kb = kb();
    let (_, summary) = run_report(&kb, ReportKind::StepSummary, &recording("clean-build"));
    assert!(summary.contains("No errors or warnings."), "{summary}");
}

// ---------------------------------------------------------------------------------------------
// Snapshots of the demo

#[test]
fn demo_snapshots_of_every_ci_format() {
    let kb = kb();
    let input = recording("demo");
    let sarif: Value = serde_json::from_str(&run_format(&kb, FormatArg::Sarif, &input)).unwrap();
    insta::assert_snapshot!("demo_sarif", serde_json::to_string_pretty(&sarif).unwrap());
    insta::assert_snapshot!("demo_gitlab", run_format(&kb, FormatArg::Gitlab, &input));
    insta::assert_snapshot!(
        "demo_step_summary",
        run_report(&kb, ReportKind::StepSummary, &input).1
    );
}

// ---------------------------------------------------------------------------------------------
// The binary: reports beside the main output, the step summary from the environment

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("async-explain-ci-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn reports_are_written_beside_the_human_output_and_the_step_summary_is_appended() {
    let dir = temp_dir("reports");
    let summary = dir.join("summary.md");
    std::fs::write(&summary, "an earlier step's text\n").unwrap();
    let out = bin()
        .arg("--sarif")
        .arg(dir.join("out.sarif"))
        .arg("--gitlab")
        .arg(dir.join("gl-code-quality.json"))
        .args([
            "--workspace-root",
            ROOT,
            "--input",
            "fixtures/demo/recorded.json",
        ])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("explain[mutex-guard-across-await]"));
    assert!(
        runner(&stdout).is_empty(),
        "no annotations in the human format"
    );
    let sarif = std::fs::read_to_string(dir.join("out.sarif")).unwrap();
    let log = assert_valid_sarif(&sarif_validator(), &sarif, "--sarif file");
    assert!(
        log["runs"][0]["invocations"][0]["commandLine"]
            .as_str()
            .unwrap()
            .contains("--sarif")
    );
    let gitlab: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gl-code-quality.json")).unwrap())
            .unwrap();
    assert_eq!(gitlab[0]["location"]["path"], "demo/src/main.rs");
    let summary = std::fs::read_to_string(&summary).unwrap();
    assert!(
        summary.starts_with("an earlier step's text\n### cargo async-explain"),
        "{summary}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_report_path_that_cannot_be_written_is_a_tool_failure() {
    let out = bin()
        .args(["--sarif", "no/such/dir/out.sarif", "--demo"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: cannot write no/such/dir/out.sarif"),
        "{stderr}"
    );
}

#[test]
fn the_wrapper_takes_the_workspace_root_from_cargo() {
    let manifest = repo().join("tests/crates/await-outside-async/Cargo.toml");
    let out = bin()
        .args(["--format", "sarif", "check", "--manifest-path"])
        .arg(&manifest)
        .arg("--target-dir")
        .arg(repo().join("target/test-crates"))
        .env("CARGO_TERM_QUIET", "true")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(101),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = assert_valid_sarif(
        &sarif_validator(),
        &String::from_utf8(out.stdout).unwrap(),
        "wrapper",
    );
    let root = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(root.starts_with("file:///"), "{root}");
    assert!(
        root.ends_with("/tests/crates/await-outside-async/"),
        "{root}"
    );
    let result = &log["runs"][0]["results"][0];
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "src/main.rs"
    );
}
