//! Fuzzes the stream reader and every output format: any bytes must go through without a panic,
//! and the `json` format must give back every line that came in (plus its records of explained
//! panics).
#![no_main]

use std::sync::OnceLock;

use cargo_async_explain::cli::FormatArg;
use cargo_async_explain::config::Config;
use cargo_async_explain::kb::Kb;
use cargo_async_explain::pipeline::{self, Output};
use cargo_async_explain::render::Style;
use libfuzzer_sys::fuzz_target;

static KB: OnceLock<Kb> = OnceLock::new();

/// How the `json` format's record of an explained panic starts.
const PANIC_RECORD: &[u8] = b"{\"reason\":\"async-explain-panic\"";

fn run(format: FormatArg, data: &[u8]) -> Vec<u8> {
    let kb = KB.get_or_init(|| Kb::embedded().expect("the shipped knowledge base loads"));
    let config = Config {
        format,
        style: Style { color: false, width: 100, verbose: false },
        kb_dirs: Vec::new(),
        ci: Default::default(),
    };
    let mut out = Vec::new();
    {
        let mut outputs = [Output::primary(config.emitter(), Box::new(&mut out))];
        pipeline::run(kb, &mut outputs, data, "fuzz", &mut std::io::sink()).expect("in-memory IO");
    }
    out
}

fuzz_target!(|data: &[u8]| {
    for format in [
        FormatArg::Human,
        FormatArg::Short,
        FormatArg::Github,
        FormatArg::Sarif,
        FormatArg::Gitlab,
    ] {
        run(format, data);
    }
    let json = run(FormatArg::Json, data);
    // Every line comes back; the only lines added are the records of explained panics, each
    // after the panic it explains. (The input may hold lines that look like such records too.)
    // (A last line without a newline counts as a line; so does the newline the tool puts after
    // it before adding a line of its own.)
    let count = |bytes: &[u8]| {
        let (mut lines, mut records) = (0, 0);
        for line in bytes.split_inclusive(|b| *b == b'\n') {
            lines += 1;
            records += usize::from(line.starts_with(PANIC_RECORD));
        }
        (lines, records)
    };
    let (all_in, records_in) = count(data);
    let (all_out, records_out) = count(&json);
    assert!(records_out >= records_in, "json output must keep every line");
    let (lines_in, lines_out) = (all_in - records_in, all_out - records_out);
    assert_eq!(lines_in, lines_out, "json output must keep every line");
});
