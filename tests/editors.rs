//! The `json` format as an editor shows it. rust-analyzer reads the check command's output with
//! `cargo_metadata`'s `Message` and `Diagnostic` types and maps each diagnostic to what the editor
//! displays by fixed rules (`crates/rust-analyzer/src/diagnostics/flycheck_to_proto.rs`):
//!
//! - only a diagnostic with a primary span is shown;
//! - the message of each child without a primary span is appended to the diagnostic's message,
//!   one `\n` apart; when there is none, the primary span's label is appended instead;
//! - each labelled secondary span, and each child with a primary span, becomes related
//!   information (and a hint) at that span; a child's message there gains its suggested
//!   replacements, `: `a`, `b``;
//! - a child whose primary spans suggest replacements with applicability `MachineApplicable`,
//!   `MaybeIncorrect` or none becomes a quick fix with those edits.
//!
//! `Lsp::of` emulates those rules. The tests decode every fixture's `json` output with the same
//! types and check that the explanation reads under rustc's message, that each fix is a hint at
//! the user's code (an edit as a quick fix), that nothing is said twice, and that the
//! `overrideCommand` settings of `docs/editors.md` run as written.

mod common;

use std::cell::RefCell;
use std::path::Path;
use std::process::Command;
use std::rc::Rc;

use cargo_async_explain::cli::FormatArg;
use cargo_async_explain::kb::Kb;
use cargo_async_explain::pipeline::{self, Output};
use cargo_async_explain::render::{Emitter, Event};
use cargo_metadata::Message;
use cargo_metadata::diagnostic::{Applicability, Diagnostic, DiagnosticSpan};
use common::{fixtures, kb, repo, run_text};

/// What rust-analyzer shows for one diagnostic.
#[derive(Debug)]
struct Lsp {
    message: String,
    related: Vec<Related>,
    quick_fixes: Vec<QuickFix>,
}

#[derive(Debug)]
struct Related {
    file: String,
    line: usize,
    message: String,
}

#[derive(Debug)]
struct QuickFix {
    title: String,
    /// (file, first line, replacement)
    edits: Vec<(String, usize, String)>,
}

impl Lsp {
    /// `None` for a diagnostic without a primary span, which rust-analyzer does not show.
    fn of(d: &Diagnostic) -> Option<Lsp> {
        let primary = d.spans.iter().find(|s| s.is_primary)?;
        let mut message = d.message.clone();
        let mut related = Vec::new();
        let mut quick_fixes = Vec::new();
        let mut label_needed = true;
        for span in d.spans.iter().filter(|s| !s.is_primary) {
            if let Some(label) = &span.label {
                related.push(Related::at(span, label.clone()));
            }
        }
        for child in &d.children {
            let spans: Vec<&DiagnosticSpan> = child.spans.iter().filter(|s| s.is_primary).collect();
            if spans.is_empty() {
                message.push('\n');
                message.push_str(&child.message);
                label_needed = false;
                continue;
            }
            let mut text = child.message.clone();
            let suggested: Vec<String> = spans
                .iter()
                .filter_map(|s| s.suggested_replacement.as_ref())
                .filter(|r| !r.is_empty())
                .map(|r| format!("`{r}`"))
                .collect();
            if !suggested.is_empty() {
                text.push_str(": ");
                text.push_str(&suggested.join(", "));
            }
            let edits: Vec<(String, usize, String)> = spans
                .iter()
                .filter(|s| {
                    s.suggested_replacement.is_some()
                        && matches!(
                            s.suggestion_applicability,
                            None | Some(
                                Applicability::MachineApplicable | Applicability::MaybeIncorrect
                            )
                        )
                })
                .map(|s| {
                    (
                        s.file_name.clone(),
                        s.line_start,
                        s.suggested_replacement.clone().unwrap(),
                    )
                })
                .collect();
            if !edits.is_empty() {
                quick_fixes.push(QuickFix {
                    title: text.clone(),
                    edits,
                });
            }
            related.push(Related::at(spans[0], text));
        }
        if label_needed && let Some(label) = &primary.label {
            message.push('\n');
            message.push_str(label);
        }
        Some(Lsp {
            message,
            related,
            quick_fixes,
        })
    }

    /// The main message and every related message: all the text the editor shows.
    fn all_text(&self) -> Vec<&str> {
        std::iter::once(self.message.as_str())
            .chain(self.related.iter().map(|r| r.message.as_str()))
            .collect()
    }
}

impl Related {
    fn at(span: &DiagnosticSpan, message: String) -> Related {
        Related {
            file: span.file_name.clone(),
            line: span.line_start,
            message,
        }
    }
}

/// What an explanation says, captured from the pipeline (one entry per explained diagnostic, in
/// stream order).
#[derive(Debug, Clone)]
struct Said {
    id: String,
    title: String,
    brief: String,
    fixes: Vec<FixSaid>,
}

#[derive(Debug, Clone)]
struct FixSaid {
    title: String,
    /// The line of the span the fix points at, when it names one.
    line: Option<usize>,
    code: Option<String>,
    /// The replacement of an edit and the line it is on.
    edit: Option<(usize, String)>,
}

struct Capture(Rc<RefCell<Vec<Vec<Said>>>>);

impl Emitter for Capture {
    fn event(&mut self, event: &Event<'_>, _out: &mut Vec<u8>) {
        let Event::Diagnostic(d) = event else { return };
        if d.explanations.is_empty() {
            return;
        }
        let said = d
            .explanations
            .iter()
            .map(|e| Said {
                id: e.id.to_owned(),
                title: e.title.clone(),
                brief: e.brief.clone(),
                fixes: e
                    .fixes
                    .iter()
                    .map(|f| {
                        // An edit built from the source: its first replacement, where it is.
                        let built = f.edit.as_ref().and_then(|e| {
                            let span = e.spans(f.machine_applicable).into_iter().next()?;
                            Some((span.line_start, span.suggested_replacement?))
                        });
                        let edit = built.or_else(|| {
                            f.span
                                .zip(f.replacement.clone())
                                .map(|(s, r)| (s.line_start, r))
                        });
                        FixSaid {
                            title: f.title.clone(),
                            line: edit
                                .as_ref()
                                .map(|(l, _)| *l)
                                .or(f.span.map(|s| s.line_start)),
                            code: f.code.clone(),
                            edit,
                        }
                    })
                    .collect(),
            })
            .collect();
        self.0.borrow_mut().push(said);
    }
}

fn explanations(kb: &Kb, input: &[u8]) -> Vec<Vec<Said>> {
    let found = Rc::new(RefCell::new(Vec::new()));
    {
        let mut outputs = [Output::primary(
            Box::new(Capture(Rc::clone(&found))),
            Box::new(std::io::sink()),
        )];
        pipeline::run_with(
            kb,
            &mut outputs,
            input,
            "test input",
            &mut std::io::sink(),
            common::fixture_options(),
        )
        .unwrap();
    }
    Rc::try_unwrap(found).unwrap().into_inner()
}

/// A cargo compiler message's diagnostic, or a bare rustc diagnostic, as rust-analyzer reads a
/// line of the check command's output.
fn diagnostic_of(line: &str) -> Option<Diagnostic> {
    if let Ok(Message::CompilerMessage(m)) = serde_json::from_str::<Message>(line) {
        return Some(m.message);
    }
    serde_json::from_str::<Diagnostic>(line).ok()
}

fn count(haystacks: &[&str], needle: &str) -> usize {
    haystacks.iter().map(|h| h.matches(needle).count()).sum()
}

#[test]
fn explained_diagnostics_read_well_in_rust_analyzer() {
    let kb = kb();
    let mut checked = 0;
    let mut quick = 0;
    for fixture in fixtures() {
        let input = String::from_utf8(fixture.recorded.clone()).unwrap();
        let output = run_text(&kb, FormatArg::Json, &fixture.recorded);
        let mut said = explanations(&kb, &fixture.recorded).into_iter();
        let output: Vec<&str> = output
            .lines()
            .filter(|l| !l.starts_with(r#"{"reason":"async-explain-panic""#))
            .collect();
        for (out, inp) in output.iter().zip(input.lines()) {
            let (Some(before), Some(after)) = (diagnostic_of(inp), diagnostic_of(out)) else {
                continue;
            };
            let added = &after.children[before.children.len()..];
            let explained = added.iter().any(|c| {
                c.code
                    .as_ref()
                    .is_some_and(|c| c.code.starts_with("async-explain::"))
                    && !c.message.starts_with("this error follows")
                    && !c.message.starts_with("the same mistake")
            });
            if !explained {
                continue;
            }
            let said = said
                .next()
                .expect("as many explanations as explained lines");
            let what = format!("{}: {}", fixture.name, after.message);
            let (Some(old), Some(new)) = (Lsp::of(&before), Lsp::of(&after)) else {
                // Not shown by rust-analyzer at all (no primary span): nothing to check.
                continue;
            };
            checked += 1;
            // rustc's own text first, unchanged (its primary label may give way, by the rules).
            let mut rustc_text = before.message.clone();
            for child in before
                .children
                .iter()
                .filter(|c| !c.spans.iter().any(|s| s.is_primary))
            {
                rustc_text.push('\n');
                rustc_text.push_str(&child.message);
            }
            assert!(
                new.message.starts_with(&rustc_text) && old.message.starts_with(&rustc_text),
                "{what}: rustc's text is not first:\n{}",
                new.message
            );
            let shown = new.all_text();
            for e in &said {
                // The title and the brief why read in the main message, once.
                let head = format!("explain[{}]: {}", e.id, e.title);
                assert!(
                    new.message.contains(&head) && new.message.contains(&e.brief),
                    "{what}: the main message lacks the title or the why:\n{}",
                    new.message
                );
                assert_eq!(count(&shown, &head), 1, "{what}: the title is shown twice");
                assert_eq!(count(&shown, &e.brief), 1, "{what}: the why is shown twice");
                for fix in &e.fixes {
                    let rustc_offers = fix.edit.as_ref().is_some_and(|(line, replacement)| {
                        old.quick_fixes.iter().any(|q| {
                            q.edits
                                .iter()
                                .any(|(_, l, r)| l == line && r == replacement)
                        })
                    });
                    if rustc_offers {
                        // rustc's own quick fix is this edit: not offered a second time.
                        let (line, replacement) = fix.edit.as_ref().unwrap();
                        let offered = new.quick_fixes.iter().filter(|q| {
                            q.edits
                                .iter()
                                .any(|(_, l, r)| l == line && r == replacement)
                        });
                        assert_eq!(
                            offered.count(),
                            1,
                            "{what}: `{}` is offered twice",
                            fix.title
                        );
                        quick += 1;
                        continue;
                    }
                    // Each fix: a hint at the user's code, said once, never in the main message.
                    let at: Vec<&Related> = new
                        .related
                        .iter()
                        .filter(|r| r.message.starts_with(&fix.title))
                        .collect();
                    assert_eq!(
                        at.len(),
                        1,
                        "{what}: the fix `{}` is not one hint: {:#?}",
                        fix.title,
                        new.related
                    );
                    let hint = at[0];
                    assert!(
                        !hint.file.starts_with('/') && !hint.file.starts_with('<'),
                        "{what}: the fix `{}` points outside the workspace: {}",
                        fix.title,
                        hint.file
                    );
                    let expected_line = fix.line.or_else(|| {
                        cargo_async_explain::span::primary_user_span(&after).map(|s| s.line_start)
                    });
                    assert_eq!(
                        Some(hint.line),
                        expected_line,
                        "{what}: the fix `{}` is not at its place",
                        fix.title
                    );
                    assert!(
                        !new.message[rustc_text.len()..].contains(&fix.title),
                        "{what}: the fix `{}` is in the main message too",
                        fix.title
                    );
                    match (&fix.edit, &fix.code) {
                        (Some((line, replacement)), _) => {
                            // An edit is a quick fix, titled as the fix.
                            let offered = new.quick_fixes.iter().filter(|q| {
                                q.title.starts_with(&fix.title)
                                    && q.edits
                                        .iter()
                                        .any(|(_, l, r)| l == line && r == replacement)
                            });
                            assert_eq!(
                                offered.count(),
                                1,
                                "{what}: the edit of `{}` is not one quick fix: {:#?}",
                                fix.title,
                                new.quick_fixes
                            );
                            quick += 1;
                        }
                        (None, Some(code)) => assert!(
                            hint.message.contains(code.as_str()),
                            "{what}: the hint of `{}` lacks its code",
                            fix.title
                        ),
                        (None, None) => {}
                    }
                }
            }
            // Nothing said twice: every line added to the main message appears once.
            for line in new.message[rustc_text.len()..].lines() {
                if line.trim().is_empty() {
                    continue;
                }
                assert_eq!(
                    count(&shown, line),
                    1,
                    "{what}: {line:?} is shown more than once"
                );
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} explained diagnostics were checked"
    );
    assert!(quick >= 3, "only {quick} edits were checked as quick fixes");
}

/// The `overrideCommand` of each editor's settings in `docs/editors.md`.
fn documented_commands() -> Vec<(&'static str, Vec<String>)> {
    let doc = std::fs::read_to_string(repo().join("docs/editors.md")).unwrap();
    let block = |lang: &str, after: &str| -> String {
        let from = doc.find(after).unwrap_or_else(|| panic!("no {after:?}"));
        let open = format!("```{lang}\n");
        let start = from + doc[from..].find(&open).unwrap() + open.len();
        let end = start + doc[start..].find("```").unwrap();
        doc[start..end].to_owned()
    };
    let json = |text: &str, path: &[&str]| -> Vec<String> {
        let mut value: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
        for key in path {
            value = value[*key].take();
        }
        serde_json::from_value(value).expect("a list of strings")
    };
    let vscode = json(
        &block("json", "## VS Code"),
        &["rust-analyzer.check.overrideCommand"],
    );
    let zed = json(
        &block("json", "## Zed"),
        &[
            "lsp",
            "rust-analyzer",
            "initialization_options",
            "check",
            "overrideCommand",
        ],
    );
    let helix: toml::Table = block("toml", "## Helix").parse().expect("valid TOML");
    let helix: Vec<String> =
        helix["language-server"]["rust-analyzer"]["config"]["check"]["overrideCommand"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
    let lua = block("lua", "## Neovim");
    let list = &lua[lua.find("overrideCommand = {").unwrap()..];
    let list = &list[..list.find('}').unwrap()];
    let neovim: Vec<String> = list
        .split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    vec![
        ("VS Code", vscode),
        ("Neovim", neovim),
        ("Helix", helix),
        ("Zed", zed),
    ]
}

#[test]
fn the_documented_settings_run_and_give_what_rust_analyzer_reads() {
    let commands = documented_commands();
    let (_, first) = &commands[0];
    for (editor, command) in &commands {
        assert_eq!(command, first, "{editor}'s command differs from VS Code's");
    }
    assert_eq!(&first[..2], ["cargo", "async-explain"]);
    // `cargo async-explain …` runs `cargo-async-explain async-explain …`: run the binary so.
    let krate = repo().join("tests/crates/await-outside-async");
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-async-explain"))
        .arg("async-explain")
        .arg("--no-workspace-kb")
        .args(&first[2..])
        .current_dir(&krate)
        .env("CARGO_TARGET_DIR", repo().join("target/test-crates"))
        .env_remove("CARGO_TERM_COLOR")
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(101), "cargo's status: {stderr}");
    let mut shown = Vec::new();
    for line in stdout.lines() {
        let message: Message = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("not a cargo message ({e}): {line}"));
        if let Message::CompilerMessage(m) = message
            && let Some(lsp) = Lsp::of(&m.message)
        {
            shown.push(lsp);
        }
    }
    let explained = shown
        .iter()
        .find(|l| l.message.contains("\nexplain["))
        .unwrap_or_else(|| panic!("no explained diagnostic: {shown:#?}"));
    assert!(
        explained
            .message
            .starts_with("`await` is only allowed inside `async` functions and blocks"),
        "{}",
        explained.message
    );
    assert!(
        explained
            .related
            .iter()
            .any(|r| r.file == "src/main.rs" && Path::new(&krate).join(&r.file).is_file()),
        "the fixes point at the crate's own file: {:#?}",
        explained.related
    );
}
