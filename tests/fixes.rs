//! Every fix the tool shows is valid: over every fixture and every case of the coverage corpus
//! (`coverage/`), each fix of each explanation either edits the user's code so that the file
//! still parses, or shows code that parses on its own, as Rust (a file, statements or an
//! expression; `/* … */` stands for what the user fills in) or, for a `Cargo.toml` fix, as TOML.
//! The test stops at the first fix that does not, naming the recording, the entry and the fix.

mod common;

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use cargo_async_explain::pipeline::{self, Output};
use cargo_async_explain::render::{Emitter, Event};
use common::{fixtures, kb, repo};

/// A fix as the test sees it: where it came from, and what must parse.
struct Shown {
    entry: String,
    title: String,
    code: Option<String>,
    /// The edited file's text, when the fix is an edit built from the source.
    edited: Option<(String, String)>,
}

struct Capture(Rc<RefCell<Vec<Shown>>>);

impl Emitter for Capture {
    fn event(&mut self, event: &Event<'_>, _out: &mut Vec<u8>) {
        let Event::Diagnostic(d) = event else { return };
        for e in d.explanations {
            for fix in &e.fixes {
                self.0.borrow_mut().push(Shown {
                    entry: e.id.to_owned(),
                    title: fix.title.clone(),
                    code: fix.code.clone(),
                    edited: fix
                        .edit
                        .as_ref()
                        .map(|edit| (edit.file_name.clone(), edit.applied())),
                });
            }
        }
    }
}

/// Every recording with the folder its spans' file names start from.
fn recordings() -> Vec<(String, Vec<u8>, PathBuf)> {
    let mut all: Vec<(String, Vec<u8>, PathBuf)> = fixtures()
        .into_iter()
        .map(|f| {
            (
                format!("fixtures/{}", f.name),
                f.recorded,
                repo().join("fixtures"),
            )
        })
        .collect();
    let coverage = repo().join("coverage");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&coverage)
        .expect("coverage/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path().join("recorded"))
        .filter(|p| p.is_dir())
        .flat_map(|dir| std::fs::read_dir(dir).unwrap().filter_map(Result::ok))
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    cases.sort();
    for case in cases {
        let name = case.strip_prefix(repo()).unwrap().display().to_string();
        all.push((name, std::fs::read(&case).unwrap(), coverage.clone()));
    }
    all
}

fn shown(kb: &cargo_async_explain::kb::Kb, input: &[u8], root: &Path) -> Vec<Shown> {
    let found = Rc::new(RefCell::new(Vec::new()));
    {
        let mut outputs = [Output::primary(
            Box::new(Capture(Rc::clone(&found))),
            Box::new(std::io::sink()),
        )];
        let options = pipeline::Options {
            source_root: Some(root.to_owned()),
            ..Default::default()
        };
        pipeline::run_with(
            kb,
            &mut outputs,
            input,
            "recording",
            &mut std::io::sink(),
            options,
        )
        .unwrap();
    }
    Rc::try_unwrap(found).ok().unwrap().into_inner()
}

/// Rust as a whole file, as statements, or as an expression; or TOML.
fn parses(code: &str) -> bool {
    syn::parse_file(code).is_ok()
        || syn::parse_str::<syn::Block>(&format!("{{\n{code}\n}}")).is_ok()
        || syn::parse_str::<syn::Expr>(code).is_ok()
        || code.parse::<toml::Table>().is_ok()
}

#[test]
fn every_fix_shown_is_valid_code() {
    let kb = kb();
    let mut fixes = 0;
    let mut edits = 0;
    for (name, input, root) in recordings() {
        for fix in shown(&kb, &input, &root) {
            fixes += 1;
            if let Some((file, text)) = &fix.edited {
                edits += 1;
                let fine = if file.ends_with(".toml") {
                    text.parse::<toml::Table>().is_ok()
                } else {
                    syn::parse_file(text).is_ok()
                };
                assert!(
                    fine,
                    "{name}: {} `{}`: the edited {file} does not parse",
                    fix.entry, fix.title
                );
            }
            if let Some(code) = &fix.code {
                assert!(
                    parses(code),
                    "{name}: {} `{}`: its code is neither Rust nor TOML:\n{code}",
                    fix.entry,
                    fix.title
                );
            }
        }
    }
    assert!(fixes > 300 && edits > 100, "{fixes} fixes, {edits} edits");
}

#[test]
fn the_test_rejects_what_is_not_code() {
    assert!(parses("let x = 1;\nx + 1"));
    assert!(parses("async fn f() {}"));
    assert!(parses("tokio = { version = \"1\", features = [\"full\"] }"));
    assert!(!parses("let value = { … };"));
    assert!(!parses("for … {"));
}
