//! The stream loop: read a line, classify it, explain it, hand it to the emitter, write the
//! result. Output is flushed whenever the input has nothing more buffered, so diagnostics appear
//! as soon as the compiler prints them, while a fast stream is written in large blocks.
//!
//! Text lines also go through the panic detector: a program's backtrace is held until it ends
//! (or, on live input, until the input falls silent) and handed to the emitters with its folded
//! view; an ended panic is explained from the knowledge base.

use std::collections::HashMap;
use std::io::{self, BufReader, Read, Write};

use crate::explain::Explanation;
use crate::input::live::LiveInput;
use crate::input::reader::CopyError;
use crate::input::{Classified, Line, LineReader, classify};
use crate::kb::{Entry, KbSource, Subject};
use crate::panic::{Action, Detector, fold, user_site};
use crate::render::{
    BacktraceEvent, DiagnosticEvent, Emitter, Event, PanicEvent, Relation, Root, Summary,
};
use crate::source::Sources;

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

/// What the stream does with a program's panics and backtraces, and where the user's code is.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Options {
    /// Show every backtrace frame: no folding (`--full`).
    pub full_backtraces: bool,
    /// Take frame lines without a `stack backtrace:` header as a backtrace (a pasted one, for
    /// `cargo async-explain backtrace`).
    pub bare_frames: bool,
    /// The directory relative span file names start from (cargo's workspace root), so that
    /// explanations can read the user's code; `None` finds it from each compilation's crate
    /// root (see [`Sources`]).
    pub source_root: Option<std::path::PathBuf>,
    /// Files given with their text instead of read from disk (name as the spans write it, text):
    /// the `--demo` crate's source.
    pub files: &'static [(&'static str, &'static str)],
}

/// How the stream ended.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub summary: Summary,
    /// The reader of our output went away (`| head`): we stopped early, quietly.
    pub output_closed: bool,
}

/// One destination: an emitter and where its bytes go.
pub struct Output<'a> {
    emitter: Box<dyn Emitter + 'a>,
    writer: Box<dyn Write + 'a>,
    /// The main output (stdout), whose closing ends the stream quietly; reports written to files
    /// beside it fail loudly instead.
    primary: bool,
    buf: Vec<u8>,
    /// The last byte written out of `buf` so far.
    last_written: Option<u8>,
}

impl<'a> Output<'a> {
    /// The main output, normally stdout.
    pub fn primary(emitter: Box<dyn Emitter + 'a>, writer: Box<dyn Write + 'a>) -> Self {
        Output {
            emitter,
            writer,
            primary: true,
            buf: Vec::with_capacity(WRITE_THRESHOLD * 2),
            last_written: None,
        }
    }

    /// A report written beside the main output (a SARIF file, a step summary).
    pub fn report(emitter: Box<dyn Emitter + 'a>, writer: Box<dyn Write + 'a>) -> Self {
        Output {
            primary: false,
            ..Output::primary(emitter, writer)
        }
    }

    fn write_out(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            self.writer.write_all(&self.buf)?;
            self.last_written = self.buf.last().copied();
            self.buf.clear();
        }
        Ok(())
    }

    /// Lets the emitter add lines of its own (a folded backtrace, a panic's explanation, a
    /// closing summary). When a text output stopped in the middle of a line (the input's last
    /// line had no newline), what is added starts on a line of its own rather than being glued
    /// to it; the input's bytes stay as they came.
    fn add(&mut self, emit: impl FnOnce(&mut dyn Emitter, &mut Vec<u8>)) {
        let mid_line = self.emitter.copies_text()
            && self
                .buf
                .last()
                .or(self.last_written.as_ref())
                .is_some_and(|b| *b != b'\n');
        let start = self.buf.len();
        emit(self.emitter.as_mut(), &mut self.buf);
        if mid_line && self.buf.len() > start {
            self.buf.insert(start, b'\n');
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.write_out()?;
        self.writer.flush()
    }
}

/// What to do about a failed write: a closed main output stops the stream quietly.
enum Stop {
    Closed,
    Failed(StreamError),
}

fn flush_all(outputs: &mut [Output<'_>], force: bool) -> Result<(), Stop> {
    for output in outputs.iter_mut() {
        if !force && output.buf.len() < WRITE_THRESHOLD {
            continue;
        }
        if let Err(e) = output.flush() {
            return Err(stop(e, output.primary));
        }
    }
    Ok(())
}

fn stop(e: io::Error, primary: bool) -> Stop {
    if primary && e.kind() == io::ErrorKind::BrokenPipe {
        Stop::Closed
    } else {
        Stop::Failed(StreamError::Write(e))
    }
}

/// Streams `input` through the knowledge base and every output's emitter. Problems with single
/// lines (malformed compiler JSON, oversized lines) are reported on `notes` with the input name and
/// line number, and the line is passed through unchanged.
pub fn run(
    kb: &dyn KbSource,
    outputs: &mut [Output<'_>],
    input: impl Read,
    input_name: &str,
    notes: &mut dyn Write,
) -> Result<Outcome, StreamError> {
    run_with(kb, outputs, input, input_name, notes, Options::default())
}

/// [`run`] with options on panics and backtraces.
pub fn run_with(
    kb: &dyn KbSource,
    outputs: &mut [Output<'_>],
    input: impl Read,
    input_name: &str,
    notes: &mut dyn Write,
    options: Options,
) -> Result<Outcome, StreamError> {
    // The input is never idle for long enough to matter: a backtrace ends with its last line.
    run_stream(kb, outputs, input, |_, _| true, input_name, notes, options)
}

/// [`run_with`] on live input (a pipe): a held backtrace, or a panic awaiting the end of its
/// message, is written once the input falls silent, even if the program goes on running.
pub fn run_live(
    kb: &dyn KbSource,
    outputs: &mut [Output<'_>],
    input: LiveInput,
    input_name: &str,
    notes: &mut dyn Write,
    options: Options,
) -> Result<Outcome, StreamError> {
    run_stream(
        kb,
        outputs,
        input,
        |input, timeout| input.wait(timeout),
        input_name,
        notes,
        options,
    )
}

fn run_stream<R: Read>(
    kb: &dyn KbSource,
    outputs: &mut [Output<'_>],
    input: R,
    wait: impl FnMut(&mut R, std::time::Duration) -> bool,
    input_name: &str,
    notes: &mut dyn Write,
    options: Options,
) -> Result<Outcome, StreamError> {
    let mut state = State {
        kb,
        summary: Summary::default(),
        roots: Vec::new(),
        detector: Detector::new(options.bare_frames),
        full_backtraces: options.full_backtraces,
        seen: HashMap::new(),
        sources: Sources::new(options.source_root).with_files(options.files),
    };
    match stream(&mut state, outputs, input, wait, input_name, notes) {
        Ok(()) => Ok(Outcome {
            summary: state.summary,
            output_closed: false,
        }),
        Err(Stop::Closed) => Ok(Outcome {
            summary: state.summary,
            output_closed: true,
        }),
        Err(Stop::Failed(e)) => Err(e),
    }
}

fn stream<R: Read>(
    state: &mut State<'_>,
    outputs: &mut [Output<'_>],
    input: R,
    mut wait: impl FnMut(&mut R, std::time::Duration) -> bool,
    input_name: &str,
    notes: &mut dyn Write,
) -> Result<(), Stop> {
    let mut reader = LineReader::new(BufReader::with_capacity(READ_BUFFER, input));
    let read_error = |source| {
        Stop::Failed(StreamError::Read {
            input: input_name.to_owned(),
            source,
        })
    };
    loop {
        if let Some(patience) = state.detector.patience()
            && reader.get_ref().buffer().is_empty()
            && !wait(reader.get_mut().get_mut(), patience)
        {
            state.settle(outputs);
            flush_all(outputs, true)?;
        }
        let number = reader.line_number() + 1;
        match reader.next_line().map_err(read_error)? {
            None => break,
            Some(Line::Complete { bytes, newline }) => {
                if let Some(note) = state.line(outputs, bytes, newline) {
                    let _ = writeln!(
                        notes,
                        "warning: {input_name}:{number}: {note}; passed through unchanged"
                    );
                }
            }
            Some(Line::Oversized { head }) => {
                state.settle(outputs);
                let _ = writeln!(
                    notes,
                    "warning: {input_name}:{number}: line longer than {} MiB; passed through unchanged",
                    head.len() >> 20
                );
                let mut copies: Vec<&mut Output<'_>> = outputs
                    .iter_mut()
                    .filter(|o| o.emitter.copies_text())
                    .collect();
                for output in copies.iter_mut() {
                    output.buf.extend_from_slice(head);
                    output.write_out().map_err(|e| stop(e, output.primary))?;
                }
                let mut tee = Tee(copies.iter_mut().map(|o| &mut o.writer).collect());
                match reader.copy_rest(&mut tee) {
                    Ok(true) => {}
                    Ok(false) => copies.iter_mut().for_each(|o| o.buf.push(b'\n')),
                    Err(CopyError::Write(e)) => return Err(stop(e, true)),
                    Err(CopyError::Read(e)) => return Err(read_error(e)),
                }
            }
        }
        let idle = reader.get_ref().buffer().is_empty();
        flush_all(outputs, idle)?;
    }
    state.settle(outputs);
    for output in outputs.iter_mut() {
        output.add(|emitter, buf| emitter.finish(&state.summary, buf));
    }
    flush_all(outputs, true)
}

/// Writes the same bytes to several writers (an oversized line going to every text output).
struct Tee<'w, 'a>(Vec<&'w mut Box<dyn Write + 'a>>);

impl Write for Tee<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        for w in self.0.iter_mut() {
            w.write_all(buf)?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        for w in self.0.iter_mut() {
            w.flush()?;
        }
        Ok(())
    }
}

/// What the stream remembers from line to line.
struct State<'k> {
    kb: &'k dyn KbSource,
    summary: Summary,
    /// Explained errors whose entries declare a cascade, with the compilation unit they came from.
    roots: Vec<(String, &'k Entry, Root)>,
    /// Panics and backtraces in text lines.
    detector: Detector,
    full_backtraces: bool,
    /// Titles of the explanations given so far, by compilation unit, entry and message: a
    /// diagnostic that repeats one refers back to it instead of repeating the explanation.
    seen: HashMap<(String, String, String), String>,
    /// The user's files, read when an explanation needs them.
    sources: Sources,
}

impl<'k> State<'k> {
    /// Ends a pending panic or backtrace (end of input, silence, a line that is no text).
    fn settle(&mut self, outputs: &mut [Output<'_>]) {
        for action in self.detector.finish() {
            self.act(outputs, action, &[], false);
        }
    }

    /// Writes what the detector asked for; `raw` is the line just fed ([`Action::Line`]).
    fn act(&mut self, outputs: &mut [Output<'_>], action: Action, raw: &[u8], newline: bool) {
        let kb = self.kb.kb();
        match action {
            Action::Line => {
                let event = Event::Text { raw, newline };
                for output in outputs.iter_mut() {
                    output.emitter.event(&event, &mut output.buf);
                }
            }
            Action::Backtrace(held) => {
                let folded = kb
                    .filter(|_| !self.full_backtraces)
                    .map(|kb| fold(&held.frames, kb.runtime_frames()));
                let event = BacktraceEvent {
                    held: &held,
                    folded: folded.as_ref(),
                };
                for output in outputs.iter_mut() {
                    output.add(|emitter, buf| emitter.backtrace(&event, buf));
                }
            }
            Action::Panic(panic) => {
                let found = kb
                    .map(|kb| kb.matches_panic(&panic.message))
                    .unwrap_or_default();
                let explanations: Vec<Explanation<'_>> =
                    found.iter().map(Explanation::for_panic).collect();
                self.summary.panics += 1;
                if !explanations.is_empty() {
                    self.summary.panics_explained += 1;
                }
                let site = kb.and_then(|kb| user_site(&panic, kb.runtime_frames()));
                let event = PanicEvent {
                    panic: &panic,
                    site: site.as_ref(),
                    explanations: &explanations,
                };
                for output in outputs.iter_mut() {
                    output.add(|emitter, buf| emitter.panic(&event, buf));
                }
            }
        }
    }

    /// Handles one complete line; returns a note when the line was malformed.
    fn line(&mut self, outputs: &mut [Output<'_>], raw: &[u8], newline: bool) -> Option<String> {
        let classified = classify(raw);
        if let Classified::Text = classified {
            for action in self.detector.line(raw, newline) {
                self.act(outputs, action, raw, newline);
            }
            return None;
        }
        self.settle(outputs);
        let wanted = outputs.iter().any(|o| o.emitter.wants_full_diagnostics());
        let wants_rendered = outputs.iter().any(|o| o.emitter.wants_rendered());
        let mut emit = |event: &Event<'_>| {
            for output in outputs.iter_mut() {
                output.emitter.event(event, &mut output.buf);
            }
        };
        let light = match classified {
            Classified::Text => unreachable!("text lines are handled above"),
            Classified::Malformed { error } => {
                self.summary.malformed_lines += 1;
                emit(&Event::Text { raw, newline });
                return Some(format!("malformed compiler message ({error})"));
            }
            Classified::Bookkeeping { build_failed } => {
                self.summary.build_failed |= build_failed;
                let event = Event::Json {
                    raw,
                    newline,
                    bookkeeping: true,
                };
                emit(&event);
                return None;
            }
            Classified::OtherJson => {
                let event = Event::Json {
                    raw,
                    newline,
                    bookkeeping: false,
                };
                emit(&event);
                return None;
            }
            Classified::Diagnostic(light) => light,
        };
        match light.level.as_ref() {
            "error" | "error: internal compiler error" => self.summary.errors += 1,
            "warning" => self.summary.warnings += 1,
            _ => self.summary.other_diagnostics += 1,
        }
        let kb = self.kb.kb();
        let candidate =
            kb.is_some_and(|kb| kb.may_match(light.code.as_deref(), light.message_raw, raw));
        let mut note = None;
        let diagnostic = if candidate || wanted {
            match light.parse() {
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
        let subject = diagnostic
            .as_ref()
            .filter(|_| candidate)
            .map(|d| Subject::with_sources(d, &self.sources, light.src_path()));
        if let (Some(d), Some(subject), Some(kb)) = (&diagnostic, &subject, kb) {
            let unit = light.unit();
            let roots: Vec<&Entry> = self
                .roots
                .iter()
                .filter(|(u, _, _)| *u == unit)
                .map(|(_, entry, _)| *entry)
                .collect();
            if let Some(root) = kb.cascade_root(&roots, subject) {
                follows = self
                    .roots
                    .iter()
                    .find(|(u, entry, _)| *u == unit && entry.id == root.id)
                    .map(|(_, _, r)| r.clone());
            } else {
                for found in kb.matches(subject) {
                    let explanation = Explanation::new(&found, subject);
                    let key = (unit.clone(), found.entry.id.clone(), d.message.clone());
                    if let Some(title) = self.seen.get(&key) {
                        follows = Some(Root {
                            id: found.entry.id.clone(),
                            title: title.clone(),
                            relation: Relation::SameAs,
                        });
                        continue;
                    }
                    if !found.entry.cascades.is_empty() {
                        let root = Root {
                            id: found.entry.id.clone(),
                            title: explanation.title.clone(),
                            relation: Relation::CausedBy,
                        };
                        self.roots.push((unit.clone(), found.entry, root));
                    }
                    self.seen.insert(key, explanation.title.clone());
                    explanations.push(explanation);
                }
            }
        }
        if !explanations.is_empty() {
            self.summary.explained += 1;
        }
        if follows.is_some() && explanations.is_empty() {
            self.summary.cascaded += 1;
        }
        let rendered = if wants_rendered {
            light.rendered()
        } else {
            None
        };
        let event = DiagnosticEvent {
            raw,
            newline,
            shape: light.shape,
            level: &light.level,
            rendered: rendered.as_deref(),
            diagnostic: diagnostic.as_ref(),
            explanations: &explanations,
            follows: follows.as_ref(),
        };
        emit(&Event::Diagnostic(&event));
        note
    }
}
