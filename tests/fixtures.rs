//! Replays every recorded fixture (`fixtures/<case>/recorded.json`) through the tool: the
//! knowledge-base ids that fire must be exactly the fixture's `expect`, and the `human`, `short`
//! and `json` outputs must equal the snapshots in `fixtures/<case>/snapshots/` (colour off,
//! width 100, paths normalised by the recorder).
//!
//! Bless changed snapshots with `INSTA_UPDATE=always cargo test --test fixtures`, then review
//! the diff in git. Tests are data: a new fixture folder is picked up with no code change.

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};

use cargo_async_explain::cli::FormatArg;
use common::{fired_ids, fixture_dirs, fixtures, kb, run_text};

#[test]
fn every_fixture_has_a_recording() {
    let missing: Vec<String> = fixture_dirs()
        .iter()
        .filter(|dir| !dir.join("recorded.json").is_file())
        .map(|dir| dir.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "run `cargo xtask record` for: {missing:?}"
    );
}

#[test]
fn every_fixture_fires_exactly_its_expected_ids() {
    let kb = kb();
    let mut wrong = Vec::new();
    for fixture in fixtures() {
        let mut expect = fixture.expect.clone();
        expect.sort();
        expect.dedup();
        let fired = fired_ids(&kb, &fixture.recorded);
        if fired != expect {
            wrong.push(format!(
                "{}: expected {expect:?}, fired {fired:?}",
                fixture.name
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "fixtures whose explanations differ from `expect`:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_fixture_matches_its_snapshots() {
    let kb = kb();
    let mut failed = Vec::new();
    for fixture in fixtures() {
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(fixture.dir.join("snapshots"));
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings.set_description(format!("fixtures/{}/recorded.json", fixture.name));
        let result = catch_unwind(AssertUnwindSafe(|| {
            settings.bind(|| {
                insta::assert_snapshot!(
                    "human",
                    run_text(&kb, FormatArg::Human, &fixture.recorded)
                );
                insta::assert_snapshot!(
                    "short",
                    run_text(&kb, FormatArg::Short, &fixture.recorded)
                );
                insta::assert_snapshot!("json", run_text(&kb, FormatArg::Json, &fixture.recorded));
            });
        }));
        if result.is_err() {
            failed.push(fixture.name);
        }
    }
    assert!(
        failed.is_empty(),
        "snapshots differ for: {}",
        failed.join(", ")
    );
}

#[test]
fn json_output_is_valid_cargo_json_and_keeps_every_unexplained_line() {
    let kb = kb();
    for fixture in fixtures() {
        let output = run_text(&kb, FormatArg::Json, &fixture.recorded);
        let input = String::from_utf8(fixture.recorded.clone()).unwrap();
        // An explained panic in a program's output adds one line of its own after the panic.
        let (added, output): (Vec<&str>, Vec<&str>) = output
            .lines()
            .partition(|l| l.starts_with(r#"{"reason":"async-explain-panic""#));
        for line in added {
            let panic: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(
                panic["explanations"][0]["code"]
                    .as_str()
                    .is_some_and(|c| c.starts_with("async-explain::")),
                "{}: {line}",
                fixture.name
            );
        }
        assert_eq!(output.len(), input.lines().count(), "{}", fixture.name);
        for (out, inp) in output.into_iter().zip(input.lines()) {
            if out == inp {
                continue;
            }
            // An explained diagnostic: still a cargo message, with rustc's children kept in front.
            let message: cargo_metadata::Message = serde_json::from_str(out).unwrap_or_else(|e| {
                panic!("{}: enriched line is not cargo JSON: {e}", fixture.name)
            });
            let original: cargo_metadata::Message = serde_json::from_str(inp).unwrap();
            let (
                cargo_metadata::Message::CompilerMessage(new),
                cargo_metadata::Message::CompilerMessage(old),
            ) = (message, original)
            else {
                panic!("{}: only compiler messages may change", fixture.name);
            };
            assert_eq!(new.message.message, old.message.message);
            assert_eq!(new.message.spans, old.message.spans);
            assert_eq!(
                new.message.children[..old.message.children.len()],
                old.message.children[..]
            );
            let added = &new.message.children[old.message.children.len()..];
            let code = added[0]
                .code
                .as_ref()
                .expect("the first added child carries the code");
            assert!(code.code.starts_with("async-explain::"), "{}", code.code);
            assert!(
                new.message
                    .rendered
                    .unwrap()
                    .starts_with(&old.message.rendered.unwrap())
            );
        }
    }
}
