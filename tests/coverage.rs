//! The open coverage corpus (`coverage/`, recorded by `cargo xtask record-coverage`): replayed
//! through the knowledge base by the same code as `cargo xtask coverage` (`xtask/src/coverage.rs`,
//! included here), it must explain no control and lose nothing, its two held-out batches
//! (`holdout-*` and `holdout2-*` packages) are counted apart, each on its own, and
//! `docs/coverage.md` must be the report of the current knowledge base (refresh it with
//! `UPDATE_DOCS=1 cargo test --test coverage`).

mod common;

#[path = "../xtask/src/coverage.rs"]
#[allow(dead_code)]
mod coverage;

use common::{kb, repo};

fn report() -> (coverage::Report, String) {
    let dir = repo().join("coverage");
    let cases = coverage::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    let sources = std::fs::read_to_string(dir.join("SOURCES.md")).unwrap();
    let report = coverage::measure(&kb(), &cases, &dir);
    let markdown = coverage::markdown(&report, &sources);
    (report, markdown)
}

/// Controls the knowledge base explains today although it must not: known defects of the
/// knowledge base (not of the corpus), listed so that they stay visible here and in
/// `docs/coverage.md` until fixed. A listed control that is no longer explained fails the test
/// too, so the list cannot outlive the defect.
const KNOWN_EXPLAINED_CONTROLS: &[&str] = &[];

#[test]
fn no_control_is_explained_and_nothing_is_lost() {
    let (report, _) = report();
    assert!(
        report.all.controls.diagnostics >= 100,
        "at least 100 control errors"
    );
    assert!(
        report.all.async_total().diagnostics >= 200,
        "at least 200 async errors"
    );
    assert!(report.lost.is_empty(), "{}", report.lost.join("\n"));
    assert!(report.empty_cases.is_empty(), "{:?}", report.empty_cases);
    let explained: Vec<&str> = report
        .explained_controls
        .iter()
        .map(|c| c.split(':').next().unwrap())
        .collect();
    let unexpected: Vec<&String> = report
        .explained_controls
        .iter()
        .filter(|c| !KNOWN_EXPLAINED_CONTROLS.contains(&c.split(':').next().unwrap()))
        .collect();
    assert!(unexpected.is_empty(), "controls explained: {unexpected:#?}");
    let fixed: Vec<&&str> = KNOWN_EXPLAINED_CONTROLS
        .iter()
        .filter(|k| !explained.contains(k))
        .collect();
    assert!(
        fixed.is_empty(),
        "no longer explained, remove from KNOWN_EXPLAINED_CONTROLS: {fixed:?}"
    );
}

#[test]
fn the_held_out_batches_are_told_apart_by_package_name() {
    use coverage::Batch;
    assert_eq!(Batch::of("send"), Batch::Tuned);
    assert_eq!(Batch::of("holdout-send"), Batch::HeldOut);
    // The first batch's prefix must not catch the second batch's packages.
    assert_eq!(Batch::of("holdout2-send"), Batch::SecondHeldOut);
    assert_eq!(Batch::of("holdout2-controls"), Batch::SecondHeldOut);
}

#[test]
fn the_held_out_batches_are_counted_apart() {
    // Each batch's figures are those of its packages measured on their own, without the other
    // batch's cases; they are part of the whole corpus's figures; its unexplained errors are
    // listed as its own; and each batch is of the size it was written to have.
    use coverage::Batch;
    let dir = repo().join("coverage");
    let whole = report().0;
    let cases = coverage::load(&dir).unwrap();
    assert!(
        cases.iter().any(|c| c.batch() == Batch::Tuned),
        "cases outside the held-out batches"
    );
    let alone = |batch: Batch| {
        let cases: Vec<_> = coverage::load(&dir)
            .unwrap()
            .into_iter()
            .filter(|c| c.batch() == batch)
            .collect();
        coverage::measure(&kb(), &cases, &dir)
    };
    let empty =
        |tally: &coverage::Tally| tally.async_total().cases == 0 && tally.controls.cases == 0;

    let first = alone(Batch::HeldOut);
    assert_eq!(first.all, first.held_out);
    assert!(empty(&first.second_held_out));
    assert_eq!(whole.held_out, first.held_out);

    let second = alone(Batch::SecondHeldOut);
    assert_eq!(second.all, second.second_held_out);
    assert!(
        empty(&second.held_out),
        "holdout2-* counted in the first batch"
    );
    assert_eq!(whole.second_held_out, second.second_held_out);

    for (batch, tally, min_cases, min_controls) in [
        (Batch::HeldOut, &whole.held_out, 80, 30),
        (Batch::SecondHeldOut, &whole.second_held_out, 70, 25),
    ] {
        let total = tally.async_total();
        assert!(
            total.cases >= min_cases,
            "{batch:?}: {} async cases",
            total.cases
        );
        assert!(
            tally.controls.cases >= min_controls,
            "{batch:?}: {} controls",
            tally.controls.cases
        );
        assert!(total.diagnostics < whole.all.async_total().diagnostics);
        let gaps = whole.gaps.iter().filter(|g| g.batch == batch).count();
        assert_eq!(gaps, total.diagnostics - total.explained, "{batch:?}");
    }
}

#[test]
fn docs_coverage_md_is_the_current_report() {
    let (_, generated) = report();
    let path = repo().join("docs/coverage.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/coverage.md is stale: run `UPDATE_DOCS=1 cargo test --test coverage`"
    );
}

#[test]
fn the_measure_counts_every_line_and_sees_an_explained_control() {
    // The checks above could not pass by counting nothing: every line of a recording is
    // counted (a text line added to a control comes out too), and a recording the knowledge base
    // explains, posing as a control, is reported as an explained control.
    let dir = repo().join("coverage");
    let mut cases = coverage::load(&dir).unwrap();
    let control = cases
        .iter_mut()
        .find(|c| c.family == coverage::CONTROL)
        .expect("a control case");
    control
        .recording
        .extend_from_slice(b"a text line between compiler messages\n");
    let lines = control
        .recording
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .count();
    let report = coverage::measure(
        &kb(),
        std::slice::from_ref(control),
        &repo().join("coverage"),
    );
    assert!(report.lost.is_empty(), "{:?}", report.lost);
    assert_eq!(report.lines, lines);
    assert_eq!(report.all.controls.cases, 1);

    let recording =
        std::fs::read(repo().join("fixtures/forgot-await-question-mark/recorded.json")).unwrap();
    let posing = coverage::Case {
        package: "fixtures".into(),
        name: "forgot-await-question-mark".into(),
        family: coverage::CONTROL.into(),
        what: "an explained fixture posing as a control".into(),
        counts_warnings: false,
        recording,
    };
    let report = coverage::measure(
        &kb(),
        std::slice::from_ref(&posing),
        &repo().join("fixtures"),
    );
    assert!(report.all.controls.explained > 0);
    assert!(!coverage::problems(&report).is_empty());
}
