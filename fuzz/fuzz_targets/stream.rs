//! Fuzzes the stream reader and every output format: any bytes must go through without a panic,
//! and the `json` format must give back exactly as many lines as came in.
#![no_main]

use std::sync::OnceLock;

use cargo_async_explain::cli::FormatArg;
use cargo_async_explain::config::Config;
use cargo_async_explain::kb::Kb;
use cargo_async_explain::pipeline::{self, Output};
use cargo_async_explain::render::Style;
use libfuzzer_sys::fuzz_target;

static KB: OnceLock<Kb> = OnceLock::new();

fn run(format: FormatArg, data: &[u8]) -> Vec<u8> {
    let kb = KB.get_or_init(|| Kb::embedded().expect("the shipped knowledge base loads"));
    let config = Config {
        format,
        style: Style { color: false, width: 100 },
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
    let lines_in = data.split(|b| *b == b'\n').count();
    let lines_out = json.split(|b| *b == b'\n').count();
    assert_eq!(lines_in, lines_out, "json output must keep every line");
});
