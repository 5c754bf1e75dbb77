//! Recording fixtures that run a program (`command = "run"` or `"test"` in fixture.toml): the
//! `env` key, running cargo with the program's stdout and stderr in one pipe (so the recording
//! keeps the order a terminal shows), and normalising what changes from run to run in a
//! program's output — thread ids in panic messages, addresses and symbol hashes in full
//! backtraces, libtest's timings. Paths are normalised by the recorder like any other line.

use std::collections::HashMap;
use std::io::Read;
use std::process::{Command, ExitStatus};

use anyhow::{Context, Result, bail};

/// Environment variables that change what a program prints about panics; cleared before the
/// fixture's own `env` is applied, so the machine's settings never leak into a recording.
const CLEARED: [&str; 2] = ["RUST_BACKTRACE", "RUST_LIB_BACKTRACE"];

/// Runs `command` with stdout and stderr writing to the same pipe; returns what it printed and
/// its exit status.
pub fn output_merged(
    mut command: Command,
    env: &[(String, String)],
) -> Result<(String, ExitStatus)> {
    for var in CLEARED {
        command.env_remove(var);
    }
    for (key, value) in env {
        command.env(key, value);
    }
    let (mut reader, writer) = std::io::pipe().context("cannot create a pipe")?;
    command
        .stdout(writer.try_clone().context("cannot duplicate a pipe")?)
        .stderr(writer);
    let mut child = command.spawn().context("cannot run cargo")?;
    // The command holds the write ends; drop them so reading ends when the child exits.
    drop(command);
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .context("cannot read cargo's output")?;
    let status = child.wait().context("cannot wait for cargo")?;
    let text = String::from_utf8(bytes).context("the program printed non-UTF-8 output")?;
    Ok((text, status))
}

/// Reads the optional `env = { NAME = "value", … }` key of fixture.toml (an inline table of
/// basic strings; no TOML crate here).
pub fn parse_env(toml: &str) -> Result<Vec<(String, String)>> {
    let Some(value) = super::record::key_value(toml, "env") else {
        return Ok(Vec::new());
    };
    let value = value.trim_start();
    let Some(body) = value.strip_prefix('{') else {
        bail!("expected an inline table, like `env = {{ RUST_BACKTRACE = \"1\" }}`");
    };
    let end = body.find('}').context("unterminated inline table")?;
    let mut vars = Vec::new();
    for pair in body[..end].split(',') {
        if pair.trim().is_empty() {
            continue;
        }
        let (key, value) = pair
            .split_once('=')
            .with_context(|| format!("expected `NAME = \"value\"`, found `{}`", pair.trim()))?;
        let key = key.trim();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            bail!("bad variable name `{key}`");
        }
        let value: String = serde_json::from_str(value.trim())
            .with_context(|| format!("the value of `{key}` must be a \"string\""))?;
        vars.push((key.to_owned(), value));
    }
    Ok(vars)
}

/// Normalises what varies between runs of the same program, line by line; addresses are
/// numbered in order of appearance over the whole recording, so frames that share an address
/// (inlined ones) still do.
#[derive(Default)]
pub struct ProgramNormaliser {
    addresses: HashMap<String, usize>,
}

impl ProgramNormaliser {
    pub fn line(&mut self, line: &str) -> String {
        let line = thread_id(line);
        let line = self.frame_address(&line);
        let line = symbol_hash(&line);
        test_time(&line)
    }

    /// `  20:     0x557b9823d224 - name` → `  20:                0x3 - name`, keeping the width
    /// std right-aligns addresses in.
    fn frame_address(&mut self, line: &str) -> String {
        let Some((head, rest)) = line.split_once(':') else {
            return line.to_owned();
        };
        if head.trim().is_empty() || !head.trim().bytes().all(|b| b.is_ascii_digit()) {
            return line.to_owned();
        }
        let Some((address, name)) = rest.split_once(" - ") else {
            return line.to_owned();
        };
        let address = address.trim();
        let Some(hex) = address.strip_prefix("0x") else {
            return line.to_owned();
        };
        if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return line.to_owned();
        }
        let next = self.addresses.len() + 1;
        let number = if address == "0x0" {
            0
        } else {
            *self.addresses.entry(address.to_owned()).or_insert(next)
        };
        format!("{head}: {:>18} - {name}", format!("{number:#x}"))
    }
}

/// `thread 'main' (12345) panicked at` → `thread 'main' (N) panicked at`.
fn thread_id(line: &str) -> String {
    if let Some(rest) = line.strip_prefix("thread '")
        && let Some((name, after)) = rest.split_once("' (")
        && let Some((id, tail)) = after.split_once(')')
        && !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_digit())
        && tail.starts_with(" panicked at ")
    {
        return format!("thread '{name}' (N){tail}");
    }
    line.to_owned()
}

/// A legacy symbol hash ending a frame name (`::h30e8cf9628da17b7`) becomes `::h` and zeros.
fn symbol_hash(line: &str) -> String {
    let bytes = line.as_bytes();
    if bytes.len() > 19 && line.contains(" - ") {
        let at = bytes.len() - 19;
        if line.is_char_boundary(at)
            && line[at..].starts_with("::h")
            && line[at + 3..].bytes().all(|b| b.is_ascii_hexdigit())
        {
            return format!("{}::h0000000000000000", &line[..at]);
        }
    }
    line.to_owned()
}

/// libtest's `… finished in 0.12s` becomes `finished in 0.00s`.
fn test_time(line: &str) -> String {
    const MARK: &str = "; finished in ";
    if let Some(at) = line.find(MARK) {
        let rest = &line[at + MARK.len()..];
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if digits > 0 && rest[digits..].starts_with('s') {
            return format!("{}{MARK}0.00{}", &line[..at], &rest[digits..]);
        }
    }
    line.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_is_read_from_fixture_toml() {
        assert_eq!(
            parse_env("expect = []\nenv = { RUST_BACKTRACE = \"full\", A_B = \"x y\" }\n").unwrap(),
            [
                ("RUST_BACKTRACE".to_owned(), "full".to_owned()),
                ("A_B".to_owned(), "x y".to_owned())
            ]
        );
        assert!(parse_env("expect = []\n").unwrap().is_empty());
        assert!(parse_env("env = \"x\"").is_err());
        assert!(parse_env("env = { A = 1 }").is_err());
    }

    #[test]
    fn what_varies_between_runs_is_normalised() {
        let mut n = ProgramNormaliser::default();
        assert_eq!(
            n.line("thread 'tokio-rt-worker' (9285) panicked at src/main.rs:6:8:"),
            "thread 'tokio-rt-worker' (N) panicked at src/main.rs:6:8:"
        );
        assert_eq!(
            n.line("  16:     0x557b9823dbe9 - tokio::runtime::enter_runtime::h70661cb4471f46ba"),
            "  16:                0x1 - tokio::runtime::enter_runtime::h0000000000000000"
        );
        assert_eq!(
            n.line("  17:     0x557b98241110 - std[e28293b1aa0f68bd]::rt::lang_start"),
            "  17:                0x2 - std[e28293b1aa0f68bd]::rt::lang_start"
        );
        assert_eq!(
            n.line("  18:     0x557b9823dbe9 - inlined"),
            "  18:                0x1 - inlined"
        );
        assert_eq!(
            n.line("  51:                0x0 - <unknown>"),
            "  51:                0x0 - <unknown>"
        );
        assert_eq!(
            n.line("test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.10s"),
            "test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s"
        );
        assert_eq!(n.line("   6: app::main"), "   6: app::main");
        assert_eq!(n.line("12:30 - lunch"), "12:30 - lunch");
    }
}
