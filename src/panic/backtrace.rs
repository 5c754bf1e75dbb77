//! Parses the lines of a Rust backtrace, in both forms std prints: short (`RUST_BACKTRACE=1`,
//! also `std::backtrace::Backtrace`'s display)
//!
//! ```text
//!    6: nested_runtime::load_config_blocking
//!              at ./src/main.rs:8:8
//! ```
//!
//! and full (`RUST_BACKTRACE=full`), with addresses and symbol hashes
//!
//! ```text
//!   20:     0x557b9823d224 - nested_runtime::load_config_blocking::h30e8cf9628da17b7
//!                                at /home/me/app/src/main.rs:8:8
//! ```

use super::symbol::Symbol;

/// A place in a source file (`file:line:column`; std may omit the column of a frame).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
}

impl Location {
    /// Parses `path:line:column` (or `path:line`, or a bare path), reading numbers from the right
    /// so paths with `:` in them survive.
    pub fn parse(text: &str) -> Location {
        let text = text.trim();
        let mut parts = text.rsplitn(3, ':');
        let last = parts.next().and_then(|n| n.parse::<u32>().ok());
        let middle = parts.next();
        match (
            last,
            middle.and_then(|n| n.parse::<u32>().ok()),
            parts.next(),
        ) {
            (Some(column), Some(line), Some(file)) if !file.is_empty() => Location {
                file: file.to_owned(),
                line: Some(line),
                column: Some(column),
            },
            (Some(line), _, _) if middle.is_some() => {
                let file = &text[..text.len() - line.to_string().len() - 1];
                Location {
                    file: file.to_owned(),
                    line: Some(line),
                    column: None,
                }
            }
            _ => Location {
                file: text.to_owned(),
                line: None,
                column: None,
            },
        }
    }

    /// True when the file is the user's own code: not std's sources (`/rustc/<commit>/…`), not a
    /// crate from a registry or git checkout, not the toolchain.
    pub fn is_local(&self) -> bool {
        let file = self.file.replace('\\', "/");
        !(file.starts_with("/rustc/")
            || file.contains("/registry/src/")
            || file.contains("/git/checkouts/")
            || file.contains("/rustlib/")
            || file.starts_with("./csu/")
            || file.starts_with("./nptl/")
            || file.starts_with("./misc/"))
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// One line of a backtrace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BacktraceLine<'a> {
    /// `  12: name` or `  12:     0x55d4b0c1a0e2 - name`.
    Frame {
        index: u32,
        address: Option<&'a str>,
        name: &'a str,
    },
    /// `             at file:line:column`.
    At(&'a str),
}

/// Reads one line as part of a backtrace, if it is one.
pub fn parse_line(text: &str) -> Option<BacktraceLine<'_>> {
    let trimmed = text.trim_start();
    if let Some(place) = trimmed.strip_prefix("at ") {
        // Only an indented `at` line belongs to a frame.
        return (trimmed.len() < text.len() && !place.trim().is_empty())
            .then(|| BacktraceLine::At(place.trim_end()));
    }
    let colon = trimmed.find(':')?;
    let index: u32 = trimmed[..colon].parse().ok()?;
    let rest = &trimmed[colon + 1..];
    if !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    if let Some((address, name)) = rest.split_once(" - ")
        && let Some(hex) = address.strip_prefix("0x")
        && !hex.is_empty()
        && hex.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return Some(BacktraceLine::Frame {
            index,
            address: Some(address),
            name: name.trim(),
        });
    }
    Some(BacktraceLine::Frame {
        index,
        address: None,
        name: rest,
    })
}

/// One frame of a backtrace: its number, name and (when std found one) source location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub index: u32,
    pub address: Option<String>,
    /// The name as printed.
    pub name: String,
    pub symbol: Symbol,
    pub location: Option<Location>,
    /// Which of the backtrace's lines print this frame (its name line and `at` line).
    pub lines: std::ops::Range<usize>,
}

/// Builds frames from backtrace lines fed one at a time.
#[derive(Debug, Default)]
pub struct FrameParser {
    frames: Vec<Frame>,
    lines: usize,
}

impl FrameParser {
    /// Feeds the next line; false (and nothing recorded) when it is no backtrace line, or an `at`
    /// line with no frame before it.
    pub fn push(&mut self, text: &str) -> bool {
        match parse_line(text) {
            Some(BacktraceLine::Frame {
                index,
                address,
                name,
            }) => {
                self.frames.push(Frame {
                    index,
                    address: address.map(str::to_owned),
                    name: name.to_owned(),
                    symbol: Symbol::parse(name),
                    location: None,
                    lines: self.lines..self.lines + 1,
                });
            }
            Some(BacktraceLine::At(place)) => {
                let Some(frame) = self.frames.last_mut() else {
                    return false;
                };
                if frame.location.is_none() {
                    frame.location = Some(Location::parse(place));
                }
                frame.lines.end = self.lines + 1;
            }
            None => return false,
        }
        self.lines += 1;
        true
    }

    pub fn is_empty(&self) -> bool {
        self.frames.is_empty()
    }

    /// The index of the last frame read.
    pub fn last_index(&self) -> Option<u32> {
        self.frames.last().map(|f| f.index)
    }

    pub fn finish(self) -> Vec<Frame> {
        self.frames
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_short_and_full_frame_lines() {
        assert_eq!(
            parse_line("   6: nested_runtime::load_config_blocking"),
            Some(BacktraceLine::Frame {
                index: 6,
                address: None,
                name: "nested_runtime::load_config_blocking"
            })
        );
        assert_eq!(
            parse_line(
                "  20:     0x557b9823d224 - nested_runtime::load_config_blocking::h30e8cf9628da17b7"
            ),
            Some(BacktraceLine::Frame {
                index: 20,
                address: Some("0x557b9823d224"),
                name: "nested_runtime::load_config_blocking::h30e8cf9628da17b7"
            })
        );
        assert_eq!(
            parse_line("  51:                0x0 - <unknown>"),
            Some(BacktraceLine::Frame {
                index: 51,
                address: Some("0x0"),
                name: "<unknown>"
            })
        );
        assert_eq!(
            parse_line("             at ./src/main.rs:8:8"),
            Some(BacktraceLine::At("./src/main.rs:8:8"))
        );
        assert_eq!(parse_line("at the top"), None);
        assert_eq!(parse_line("status: 12"), None);
        assert_eq!(parse_line("12:30 lunch"), None);
        assert_eq!(parse_line("  3:"), None);
    }

    #[test]
    fn locations_parse_from_the_right() {
        let l = Location::parse("C:\\app\\src\\main.rs:8:8");
        assert_eq!(
            (l.file.as_str(), l.line, l.column),
            ("C:\\app\\src\\main.rs", Some(8), Some(8))
        );
        let l = Location::parse("./src/main.rs:12");
        assert_eq!(
            (l.file.as_str(), l.line, l.column),
            ("./src/main.rs", Some(12), None)
        );
        assert_eq!(Location::parse("lib.rs").line, None);
        assert!(Location::parse("./src/main.rs:1:1").is_local());
        assert!(Location::parse("/home/me/app/src/main.rs:1:1").is_local());
        assert!(
            !Location::parse("/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/tokio-1.54.1/src/x.rs:1:1")
                .is_local()
        );
        assert!(!Location::parse("/rustc/5980/library/core/src/ops/function.rs:250:5").is_local());
    }

    #[test]
    fn frames_collect_their_locations_and_lines() {
        let mut parser = FrameParser::default();
        for line in [
            "   0: __rustc::rust_begin_unwind",
            "             at /rustc/x/library/std/src/panicking.rs:689:5",
            "  15: __rust_try",
            "  16: app::main",
            "             at ./src/main.rs:3:5",
        ] {
            assert!(parser.push(line));
        }
        assert!(!parser.push("note: Some details are omitted"));
        let frames = parser.finish();
        assert_eq!(frames.len(), 3);
        assert_eq!(frames[1].location, None);
        assert_eq!(frames[1].lines, 2..3);
        assert_eq!(frames[2].lines, 3..5);
        assert_eq!(
            frames[2].location.as_ref().unwrap().to_string(),
            "./src/main.rs:3:5"
        );
    }
}
