//! `cargo xtask lint-bench`: times the blocking-call lint on real crates against two baselines
//! measured in the same run: reading every source file the lint reads (`cat`), and parsing each
//! of them with `syn::parse_file` (the least any syn-based lint must do).
//!
//! This file owns the measurement; docs/lints.md reports the figures.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use cargo_async_explain::lint::{self, Blocking, Render, Selection};

/// Options of `cargo xtask lint-bench`.
#[derive(Debug)]
pub struct Options {
    pub runs: usize,
    pub manifests: Vec<PathBuf>,
}

pub fn run(options: &Options) -> Result<()> {
    let blocking = Blocking::embedded().context("the embedded blocking list")?;
    let render = Render {
        deny: false,
        color: false,
        width: 140,
    };
    println!(
        "{:<28} {:>6} {:>8} {:>9} {:>9} {:>9} {:>9} {:>10} {:>10} {:>8}",
        "crate",
        "files",
        "lines",
        "metadata",
        "cat",
        "parse",
        "lint",
        "lint/parse",
        "lint/cat",
        "findings"
    );
    for manifest in &options.manifests {
        let selection = Selection {
            manifest_path: Some(manifest.clone()),
            workspace: true,
            ..Selection::default()
        };
        let started = Instant::now();
        let workspace = lint::workspace::discover(&selection)
            .with_context(|| format!("cargo metadata for {}", manifest.display()))?;
        let metadata = started.elapsed();

        let mut report = lint::scan(&workspace, &blocking, render);
        let lint_time = median(options.runs, || {
            report = lint::scan(&workspace, &blocking, render);
        });
        let files = report.files.clone();
        let lines: usize = files
            .iter()
            .map(|f| std::fs::read_to_string(f).map_or(0, |t| t.lines().count()))
            .sum();
        let cat = median(options.runs, || {
            for file in &files {
                std::hint::black_box(std::fs::read(file).ok());
            }
        });
        let parse = median(options.runs, || {
            for file in &files {
                if let Ok(text) = std::fs::read_to_string(file) {
                    std::hint::black_box(syn::parse_file(&text).ok());
                }
            }
            proc_macro2::extra::invalidate_current_thread_spans();
        });
        let name = crate_name(manifest);
        println!(
            "{:<28} {:>6} {:>8} {:>9} {:>9} {:>9} {:>9} {:>10.2} {:>10.1} {:>8}",
            name,
            files.len(),
            lines,
            ms(metadata),
            ms(cat),
            ms(parse),
            ms(lint_time),
            lint_time.as_secs_f64() / parse.as_secs_f64(),
            lint_time.as_secs_f64() / cat.as_secs_f64(),
            report.findings + report.allowed,
        );
    }
    Ok(())
}

fn crate_name(manifest: &Path) -> String {
    manifest.parent().and_then(Path::file_name).map_or_else(
        || manifest.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.1}ms", d.as_secs_f64() * 1000.0)
}

/// The median wall time of `runs` runs of `work` (after one warm-up run).
fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    work();
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}
