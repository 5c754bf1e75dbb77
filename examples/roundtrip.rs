//! Baseline for the stream benchmarks: the minimal "parse every line as a cargo message and write
//! it back" program (`cargo_metadata::Message`, then `serde_json` out; text lines copied).
//! Built and run by `benches/run.sh`.

use std::io::{self, BufRead, BufWriter, Write};

use cargo_metadata::Message;

fn main() -> io::Result<()> {
    let stdin = io::stdin();
    let mut out = BufWriter::with_capacity(64 << 10, io::stdout().lock());
    let mut line = Vec::new();
    let mut input = stdin.lock();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        match serde_json::from_slice::<Message>(text) {
            Ok(message) => serde_json::to_writer(&mut out, &message)?,
            Err(_) => out.write_all(text)?,
        }
        out.write_all(b"\n")?;
    }
    out.flush()
}
