//! Property tests: for any interleaving of real compiler messages, plain text, garbage, invalid
//! UTF-8, malformed JSON and a truncated last line, every line comes out in order; in `json`
//! unexplained lines are byte-identical and explained ones stay valid cargo JSON; in `human`
//! (with `--full`, so backtraces are not folded) every text line appears verbatim.

mod common;

use cargo_async_explain::cli::FormatArg;
use common::{fixtures, kb, run, run_with};
use proptest::prelude::*;

/// Real lines from the recordings (diagnostics explained and not, bookkeeping).
fn recorded_pool() -> Vec<Vec<u8>> {
    let mut pool = Vec::new();
    for fixture in fixtures().iter().step_by(7) {
        pool.extend(
            fixture
                .recorded
                .split(|b| *b == b'\n')
                .filter(|l| !l.is_empty())
                .map(<[u8]>::to_vec),
        );
    }
    pool
}

fn line(pool: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => proptest::sample::select(pool.clone()),
        2 => "[ -~]{0,80}".prop_map(String::into_bytes),
        1 => proptest::collection::vec(any::<u8>().prop_filter("no newline", |b| *b != b'\n'), 0..40),
        1 => (proptest::sample::select(pool), 1usize..200).prop_map(|(l, cut)| l[..cut.min(l.len())].to_vec()),
        1 => Just(b"{\"reason\":\"compiler-message\",".to_vec()),
        1 => Just(Vec::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn nothing_is_lost_or_reordered(
        lines in proptest::collection::vec(line(recorded_pool()), 1..30),
        truncated in any::<bool>(),
    ) {
        let kb = kb();
        let mut input = lines.join(&b"\n"[..]);
        if !truncated {
            input.push(b'\n');
        }
        let (json, _) = run(&kb, FormatArg::Json, &input);
        let mut out_lines: Vec<&[u8]> = json.split(|b| *b == b'\n').collect();
        if !truncated {
            prop_assert_eq!(out_lines.pop(), Some(&b""[..]));
        }
        prop_assert_eq!(out_lines.len(), lines.len());
        for (got, want) in out_lines.iter().zip(&lines) {
            if got != want {
                let got: serde_json::Value = serde_json::from_slice(got).expect("enriched line is JSON");
                let want: serde_json::Value = serde_json::from_slice(want).expect("only JSON lines change");
                let message = |v: &serde_json::Value| v.get("message").filter(|m| m.is_object()).cloned().unwrap_or(v.clone());
                prop_assert_eq!(&message(&got)["message"], &message(&want)["message"]);
                prop_assert!(message(&got)["children"].as_array().unwrap().len() > message(&want)["children"].as_array().unwrap().len());
            }
        }

        // With `--full`: folding a backtrace replaces runtime frames by a count, by design.
        let full = cargo_async_explain::pipeline::Options { full_backtraces: true, ..Default::default() };
        let (human, _) = run_with(&kb, FormatArg::Human, &input, full);
        let mut at = 0;
        for line in lines.iter().filter(|l| !l.trim_ascii_start().starts_with(b"{")) {
            // An empty line is found anywhere, even in an empty output (an empty, unterminated input).
            let found = if line.is_empty() {
                Some(0)
            } else {
                human[at..].windows(line.len()).position(|w| w == &line[..])
            };
            prop_assert!(found.is_some(), "text line missing or out of order: {:?}", String::from_utf8_lossy(line));
            at += found.unwrap() + line.len();
        }
    }
}
