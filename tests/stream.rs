//! Nothing is lost: on a stream mixing cargo messages, a bare rustc diagnostic, text, garbage,
//! invalid UTF-8, a malformed compiler message, a 10 MB line, a line too long to buffer and a
//! truncated last line, every line comes out, in order; unexplained lines byte for byte.

mod common;

use cargo_async_explain::cli::FormatArg;
use common::{kb, repo, run};

/// The demo recording as lines (real rustc output), plus one of its diagnostics unwrapped into the
/// bare form `rustc --error-format=json` prints.
fn recorded_lines() -> (Vec<Vec<u8>>, Vec<u8>) {
    let recording = std::fs::read(repo().join("fixtures/demo/recorded.json")).unwrap();
    let lines: Vec<Vec<u8>> = recording
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(<[u8]>::to_vec)
        .collect();
    let first: serde_json::Value = serde_json::from_slice(&lines[0]).unwrap();
    let bare = serde_json::to_vec(&first["message"]).unwrap();
    (lines, bare)
}

fn mixed_stream() -> (Vec<Vec<u8>>, Vec<u8>) {
    let (recorded, bare) = recorded_lines();
    let mut lines: Vec<Vec<u8>> = vec![
        b"   Compiling demo v0.1.0 (/fixtures/demo)".to_vec(),
        b"\xff\xfe not UTF-8 \xc3\x28".to_vec(),
        b"{\"reason\":\"compiler-message\",\"package_id\":".to_vec(),
        br#"{"reason":"a-reason-from-the-future","data":[1,2,3]}"#.to_vec(),
        br#"{"level":"info","msg":"a program's own JSON log line"}"#.to_vec(),
        bare,
        vec![b'x'; 10 << 20],
        vec![b'y'; 17 << 20],
        b"\r".to_vec(),
    ];
    lines.splice(2..2, recorded);
    let mut input = lines.join(&b"\n"[..]);
    input.extend_from_slice(b"\ntruncated last line");
    lines.push(b"truncated last line".to_vec());
    (lines, input)
}

#[test]
fn json_format_writes_every_line_back_in_order_and_unexplained_ones_byte_for_byte() {
    let kb = kb();
    let (lines, input) = mixed_stream();
    let (out, notes) = run(&kb, FormatArg::Json, &input);
    assert!(
        !out.ends_with(b"\n"),
        "a truncated last line stays unterminated"
    );
    let out_lines: Vec<&[u8]> = out.split(|b| *b == b'\n').collect();
    assert_eq!(out_lines.len(), lines.len());
    let mut explained = 0;
    for (i, (got, want)) in out_lines.iter().zip(&lines).enumerate() {
        if got == want {
            continue;
        }
        let got: serde_json::Value = serde_json::from_slice(got)
            .unwrap_or_else(|e| panic!("line {i} changed into non-JSON: {e}"));
        let want: serde_json::Value = serde_json::from_slice(want).unwrap();
        let (g, w) = match (got.get("message"), want.get("message")) {
            (Some(g), Some(w)) if got.get("reason").is_some() => (g.clone(), w.clone()),
            _ => (got.clone(), want.clone()),
        };
        assert_eq!(g["message"], w["message"], "line {i}");
        assert!(g["children"].as_array().unwrap().len() > w["children"].as_array().unwrap().len());
        explained += 1;
    }
    assert_eq!(
        explained, 4,
        "three demo errors and the bare copy of the first are explained"
    );
    let malformed = 1 + lines
        .iter()
        .position(|l| l.ends_with(b"\"package_id\":"))
        .unwrap();
    assert!(
        notes.contains(&format!(
            "test input:{malformed}: malformed compiler message"
        )),
        "{notes}"
    );
    assert!(
        notes.contains("line longer than 16 MiB; passed through unchanged"),
        "{notes}"
    );
}

#[test]
fn human_format_keeps_text_lines_verbatim_and_every_diagnostic_in_order() {
    let kb = kb();
    let (lines, input) = mixed_stream();
    let (out, _) = run(&kb, FormatArg::Human, &input);
    let mut at = 0;
    let find = |needle: &[u8], from: usize| -> usize {
        out[from..]
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| from + p)
            .unwrap_or_else(|| {
                panic!(
                    "missing or out of order: {:?}",
                    String::from_utf8_lossy(&needle[..needle.len().min(80)])
                )
            })
    };
    for line in &lines {
        let needle: Vec<u8> = match serde_json::from_slice::<serde_json::Value>(line) {
            Ok(v) if v.get("reason").and_then(|r| r.as_str()) == Some("compiler-message") => {
                v["message"]["rendered"]
                    .as_str()
                    .unwrap()
                    .as_bytes()
                    .to_vec()
            }
            Ok(v) if v.get("$message_type").is_some() => {
                v["rendered"].as_str().unwrap().as_bytes().to_vec()
            }
            Ok(v) if v.get("reason").and_then(|r| r.as_str()) == Some("build-finished") => continue,
            _ => line.clone(),
        };
        at = find(&needle, at) + needle.len();
    }
    assert_eq!(String::from_utf8_lossy(&out).matches("explain[").count(), 4);
}

#[test]
fn colour_off_strips_ansi_from_rendered_text() {
    let kb = kb();
    let line = br#"{"$message_type":"diagnostic","message":"m","code":null,"level":"warning","spans":[],"children":[],"rendered":"\u001b[33mwarning\u001b[0m: m\n"}"#;
    let (out, _) = run(&kb, FormatArg::Human, line);
    assert_eq!(String::from_utf8(out).unwrap(), "warning: m\n");
}
