//! The stream loop: read a line, classify it, explain it, hand it to the emitter, write the
//! result. Output is flushed whenever the input has nothing more buffered, so diagnostics appear
//! as soon as the compiler prints them, while a fast stream is written in large blocks.

use std::io::{self, BufReader, Read, Write};

use crate::explain::Explanation;
use crate::input::reader::CopyError;
use crate::input::{Classified, Line, LineReader, classify, parse_diagnostic};
use crate::kb::{Entry, Kb};
use crate::render::{DiagnosticEvent, Emitter, Event, Root, Summary};

const READ_BUFFER: usize = 64 << 10;
const WRITE_THRESHOLD: usize = 64 << 10;

#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    #[error("cannot read {input}: {source}")]
    Read {
        input: String,
        #[source]
        source: io::Error,
    },
    #[error("cannot write output: {0}")]
    Write(#[source] io::Error),
}

/// How the stream ended.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub summary: Summary,
    /// The reader of our output went away (`| head`): we stopped early, quietly.
    pub output_closed: bool,
}

/// Streams `input` through the knowledge base and the emitter into `output`. Problems with single
/// lines (malformed compiler JSON, oversized lines) are reported on `notes` with the input name and
/// line number, and the line is passed through unchanged.
pub fn run(
    kb: &Kb,
    emitter: &mut dyn Emitter,
    input: impl Read,
    input_name: &str,
    output: &mut dyn Write,
    notes: &mut dyn Write,
) -> Result<Outcome, StreamError> {
    let mut reader = LineReader::new(BufReader::with_capacity(READ_BUFFER, input));
    let mut state = State {
        kb,
        summary: Summary::default(),
        roots: Vec::new(),
    };
    let mut buf = Vec::with_capacity(WRITE_THRESHOLD * 2);
    let read_error = |source| StreamError::Read {
        input: input_name.to_owned(),
        source,
    };
    loop {
        let number = reader.line_number() + 1;
        match reader.next_line().map_err(read_error)? {
            None => break,
            Some(Line::Complete { bytes, newline }) => {
                if let Some(note) = state.line(emitter, bytes, newline, &mut buf) {
                    let _ = writeln!(
                        notes,
                        "warning: {input_name}:{number}: {note}; passed through unchanged"
                    );
                }
            }
            Some(Line::Oversized { head }) => {
                let _ = writeln!(
                    notes,
                    "warning: {input_name}:{number}: line longer than {} MiB; passed through unchanged",
                    head.len() >> 20
                );
                buf.extend_from_slice(head);
                if let Err(e) = write_out(output, &mut buf) {
                    return closed_or(e, state.summary);
                }
                match reader.copy_rest(output) {
                    Ok(true) => {}
                    Ok(false) => buf.push(b'\n'),
                    Err(CopyError::Write(e)) => return closed_or(e, state.summary),
                    Err(CopyError::Read(e)) => return Err(read_error(e)),
                }
            }
        }
        if (buf.len() >= WRITE_THRESHOLD || reader.get_ref().buffer().is_empty())
            && let Err(e) = write_out(output, &mut buf).and_then(|()| output.flush())
        {
            return closed_or(e, state.summary);
        }
    }
    emitter.finish(&state.summary, &mut buf);
    if let Err(e) = write_out(output, &mut buf).and_then(|()| output.flush()) {
        return closed_or(e, state.summary);
    }
    Ok(Outcome {
        summary: state.summary,
        output_closed: false,
    })
}

fn write_out(output: &mut dyn Write, buf: &mut Vec<u8>) -> io::Result<()> {
    if !buf.is_empty() {
        output.write_all(buf)?;
        buf.clear();
    }
    Ok(())
}

fn closed_or(e: io::Error, summary: Summary) -> Result<Outcome, StreamError> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(Outcome {
            summary,
            output_closed: true,
        })
    } else {
        Err(StreamError::Write(e))
    }
}

/// What the stream remembers from line to line.
struct State<'k> {
    kb: &'k Kb,
    summary: Summary,
    /// Explained errors whose entries declare a cascade, with the compilation unit they came from.
    roots: Vec<(String, &'k Entry, Root)>,
}

impl<'k> State<'k> {
    /// Handles one complete line; returns a note when the line was malformed.
    fn line(
        &mut self,
        emitter: &mut dyn Emitter,
        raw: &[u8],
        newline: bool,
        out: &mut Vec<u8>,
    ) -> Option<String> {
        let light = match classify(raw) {
            Classified::Text => {
                emitter.event(&Event::Text { raw, newline }, out);
                return None;
            }
            Classified::Malformed { error } => {
                self.summary.malformed_lines += 1;
                emitter.event(&Event::Text { raw, newline }, out);
                return Some(format!("malformed compiler message ({error})"));
            }
            Classified::Bookkeeping { build_failed } => {
                self.summary.build_failed |= build_failed;
                let event = Event::Json {
                    raw,
                    newline,
                    bookkeeping: true,
                };
                emitter.event(&event, out);
                return None;
            }
            Classified::OtherJson => {
                let event = Event::Json {
                    raw,
                    newline,
                    bookkeeping: false,
                };
                emitter.event(&event, out);
                return None;
            }
            Classified::Diagnostic(light) => light,
        };
        match light.level.as_ref() {
            "error" | "error: internal compiler error" => self.summary.errors += 1,
            "warning" => self.summary.warnings += 1,
            _ => self.summary.other_diagnostics += 1,
        }
        let kb = self.kb;
        let candidate = kb.may_match(raw);
        let mut note = None;
        let diagnostic = if candidate || emitter.wants_full_diagnostics() {
            match parse_diagnostic(raw, light.shape) {
                Ok(d) => Some(d),
                Err(error) => {
                    self.summary.malformed_lines += 1;
                    note = Some(format!("diagnostic not understood ({error})"));
                    None
                }
            }
        } else {
            None
        };
        let mut explanations: Vec<Explanation<'_>> = Vec::new();
        let mut follows = None;
        if let (Some(d), true) = (&diagnostic, candidate) {
            let roots: Vec<&Entry> = self
                .roots
                .iter()
                .filter(|(unit, _, _)| *unit == light.unit)
                .map(|(_, entry, _)| *entry)
                .collect();
            if let Some(root) = kb.cascade_root(&roots, d) {
                follows = self
                    .roots
                    .iter()
                    .find(|(unit, entry, _)| *unit == light.unit && entry.id == root.id)
                    .map(|(_, _, r)| r.clone());
            } else {
                for found in kb.matches(d) {
                    let explanation = Explanation::new(&found, d);
                    if !found.entry.cascades.is_empty() {
                        let root = Root {
                            id: found.entry.id.clone(),
                            title: explanation.title.clone(),
                        };
                        self.roots.push((light.unit.clone(), found.entry, root));
                    }
                    explanations.push(explanation);
                }
            }
        }
        if follows.is_some() {
            self.summary.cascaded += 1;
        } else if !explanations.is_empty() {
            self.summary.explained += 1;
        }
        let event = DiagnosticEvent {
            raw,
            newline,
            shape: light.shape,
            level: &light.level,
            rendered: light.rendered.as_deref(),
            diagnostic: diagnostic.as_ref(),
            explanations: &explanations,
            follows: follows.as_ref(),
        };
        emitter.event(&Event::Diagnostic(&event), out);
        note
    }
}
