//! Draws a folded backtrace: each kept frame as std prints it in a short backtrace (its number,
//! its readable name, `at file:line:col`), each run of runtime frames as one line saying how many
//! frames of which groups it hides. Frame numbers stay those of the original, so `--full` output
//! and the folded view can be compared.

use std::fmt::Write as _;

use super::{BacktraceEvent, Style, raw_line};
use crate::panic::{Folded, FoldedBacktrace, HeldBacktrace};

const BOLD: &str = "\u{1b}[1m";
const DIM: &str = "\u{1b}[2m";
const RESET: &str = "\u{1b}[0m";

/// The folded backtrace as text, one line per kept frame (plus its location) and per run.
/// A backtrace event as text: folded when it was folded, else its lines as they came.
pub fn write_backtrace(event: &BacktraceEvent<'_>, style: Style, out: &mut Vec<u8>) {
    match event.folded {
        Some(folded) => {
            out.extend_from_slice(render_backtrace(event.held, folded, style).as_bytes())
        }
        None => event
            .held
            .lines
            .iter()
            .for_each(|(raw, _)| raw_line(out, raw, true)),
    }
}

pub fn render_backtrace(held: &HeldBacktrace, folded: &FoldedBacktrace, style: Style) -> String {
    let mut out = String::new();
    for item in &folded.items {
        match item {
            Folded::Frame { frame, user } => {
                let f = &held.frames[*frame];
                let name = &folded.analysis.names[*frame];
                if *user && style.color {
                    let _ = writeln!(out, "{:>4}: {BOLD}{name}{RESET}", f.index);
                } else {
                    let _ = writeln!(out, "{:>4}: {name}", f.index);
                }
                if let Some(location) = &f.location {
                    let _ = writeln!(out, "             at {location}");
                }
            }
            Folded::Run {
                frames,
                groups,
                entered,
            } => {
                let count = frames.len();
                let names: Vec<&str> = groups.iter().map(|(g, _)| g.as_str()).collect();
                let mut line = format!(
                    "      ⋮ {count} frame{} in {} folded",
                    if count == 1 { "" } else { "s" },
                    names.join(", ")
                );
                if let Some(api) = entered {
                    let _ = write!(line, " (entered through `{api}`)");
                }
                if style.color {
                    let _ = writeln!(out, "{DIM}{line}{RESET}");
                } else {
                    let _ = writeln!(out, "{line}");
                }
            }
        }
    }
    out
}
