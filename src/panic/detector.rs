//! Recognises panics and backtraces in a program's output, one text line at a time.
//!
//! std's panic hook prints (Rust 1.80 and later; older releases put the message on the first
//! line, `panicked at 'message', file:line:col`, which is read too):
//!
//! ```text
//!
//! thread 'main' (12345) panicked at src/main.rs:8:8:
//! the message, on one or more lines
//! note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
//! ```
//!
//! or, with `RUST_BACKTRACE` set, `stack backtrace:` and the frames instead of the note (and,
//! for a short backtrace, a closing `note: Some details are omitted, …`). The note is printed for
//! a process's first panic only, so a message also ends at a blank line, at the next panic, when
//! the input falls silent or ends.
//!
//! Lines of the header and the message pass through at once; backtrace lines are held until the
//! backtrace ends, so the caller can print it folded. The detector says, for each line, what to
//! write and when: [`Action`]s in output order.

use std::time::Duration;

use super::backtrace::{Frame, FrameParser, Location, parse_line};

/// The longest message read, in lines; a panic whose message goes on is explained from these.
const MAX_MESSAGE_LINES: usize = 64;

const NOTE_NO_BACKTRACE: &str =
    "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace";
const NOTE_SHORT_BACKTRACE: &str = "note: Some details are omitted, run with `RUST_BACKTRACE=full`";

/// A panic as the hook printed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panic {
    /// The thread's name (`main`, `tokio-rt-worker`, a test's name, `<unnamed>`).
    pub thread: String,
    /// Where the panic was raised (`#[track_caller]` functions report their caller).
    pub location: Option<Location>,
    /// The message, its lines joined with `\n`.
    pub message: String,
    /// The backtrace's frames; empty when none was printed.
    pub frames: Vec<Frame>,
}

/// Backtrace lines held back, with the frames read from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldBacktrace {
    /// The lines as they came (without line terminator), with whether a `\n` ended each.
    pub lines: Vec<(Vec<u8>, bool)>,
    pub frames: Vec<Frame>,
}

/// What to write, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The line just fed.
    Line,
    /// A backtrace that has ended.
    Backtrace(HeldBacktrace),
    /// A panic whose message (and backtrace, if any) is complete.
    Panic(Panic),
}

#[derive(Debug, Default)]
pub struct Detector {
    state: State,
    /// Also take frame lines without a `stack backtrace:` header as a backtrace (a pasted
    /// backtrace, for `cargo async-explain backtrace`).
    bare_frames: bool,
    /// The index of the last frame of a backtrace cut short by [`Detector::finish`] (the input
    /// fell silent): frames that go on from there continue it.
    resume_after: Option<u32>,
}

#[derive(Debug, Default)]
enum State {
    #[default]
    Idle,
    Message(Head),
    Backtrace(Pending),
}

#[derive(Debug)]
struct Head {
    thread: String,
    location: Option<Location>,
    message: Vec<String>,
    /// The message came on the header line (the pre-1.73 format): it is complete already.
    inline: bool,
}

#[derive(Debug)]
struct Pending {
    head: Option<Head>,
    lines: Vec<(Vec<u8>, bool)>,
    frames: FrameParser,
}

impl Detector {
    pub fn new(bare_frames: bool) -> Self {
        Detector {
            bare_frames,
            ..Detector::default()
        }
    }

    /// True while lines are held or a panic awaits its end.
    pub fn is_pending(&self) -> bool {
        !matches!(self.state, State::Idle)
    }

    /// How long live input may stay silent before the caller should [`finish`] what is pending;
    /// `None` when nothing is. std writes a panic at once, but resolving the first frame of a
    /// backtrace (reading debug info) can take a while.
    ///
    /// [`finish`]: Detector::finish
    pub fn patience(&self) -> Option<Duration> {
        match &self.state {
            State::Idle => None,
            State::Message(_) => Some(Duration::from_millis(500)),
            State::Backtrace(p) if p.frames.is_empty() => Some(Duration::from_secs(10)),
            State::Backtrace(_) => Some(Duration::from_secs(1)),
        }
    }

    /// Feeds one text line; returns what to write, in order ([`Action::Line`] stands for this
    /// line; it is missing when the line is held).
    pub fn line(&mut self, raw: &[u8], newline: bool) -> Vec<Action> {
        let text = String::from_utf8_lossy(raw);
        let text = text.trim_end_matches('\r');
        let mut actions = Vec::new();
        match std::mem::take(&mut self.state) {
            State::Idle => self.idle(raw, newline, text, &mut actions),
            State::Message(mut head) => {
                if text.starts_with(NOTE_NO_BACKTRACE) {
                    actions.push(Action::Line);
                    actions.push(Action::Panic(panic(head, Vec::new())));
                } else if is_backtrace_header(text) {
                    actions.push(Action::Line);
                    self.state = State::Backtrace(Pending::new(Some(head)));
                } else if head.inline
                    || text.is_empty()
                    || parse_header(text).is_some()
                    || head.message.len() >= MAX_MESSAGE_LINES
                {
                    actions.push(Action::Panic(panic(head, Vec::new())));
                    self.idle(raw, newline, text, &mut actions);
                } else {
                    head.message.push(text.to_owned());
                    actions.push(Action::Line);
                    self.state = State::Message(head);
                }
            }
            State::Backtrace(mut pending) => {
                if pending.frames.push(text) {
                    pending.lines.push((raw.to_vec(), newline));
                    self.state = State::Backtrace(pending);
                } else if text.starts_with(NOTE_SHORT_BACKTRACE) {
                    let panic = pending.end(&mut actions);
                    actions.push(Action::Line);
                    actions.extend(panic.map(Action::Panic));
                } else {
                    let panic = pending.end(&mut actions);
                    actions.extend(panic.map(Action::Panic));
                    self.idle(raw, newline, text, &mut actions);
                }
            }
        }
        actions
    }

    /// Ends whatever is pending (the input ended or fell silent): the held backtrace, then the
    /// panic.
    pub fn finish(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        match std::mem::take(&mut self.state) {
            State::Idle => {}
            State::Message(head) => actions.push(Action::Panic(panic(head, Vec::new()))),
            State::Backtrace(pending) => {
                self.resume_after = pending.frames.last_index();
                let panic = pending.end(&mut actions);
                actions.extend(panic.map(Action::Panic));
            }
        }
        actions
    }

    fn idle(&mut self, raw: &[u8], newline: bool, text: &str, actions: &mut Vec<Action>) {
        let resume_after = self.resume_after.take();
        if let Some(head) = parse_header(text) {
            actions.push(Action::Line);
            self.state = State::Message(head);
        } else if is_backtrace_header(text) {
            actions.push(Action::Line);
            self.state = State::Backtrace(Pending::new(None));
        } else if (self.bare_frames || resume_after.is_some())
            && let Some(super::backtrace::BacktraceLine::Frame { index, .. }) = parse_line(text)
            && ((self.bare_frames && index == 0) || resume_after.is_some_and(|i| index == i + 1))
        {
            let mut pending = Pending::new(None);
            pending.frames.push(text);
            pending.lines.push((raw.to_vec(), newline));
            self.state = State::Backtrace(pending);
        } else {
            actions.push(Action::Line);
        }
    }
}

impl Pending {
    fn new(head: Option<Head>) -> Self {
        Pending {
            head,
            lines: Vec::new(),
            frames: FrameParser::default(),
        }
    }

    /// Pushes the backtrace (when it has lines) and returns the panic it belongs to.
    fn end(self, actions: &mut Vec<Action>) -> Option<Panic> {
        let frames = self.frames.finish();
        if !self.lines.is_empty() {
            actions.push(Action::Backtrace(HeldBacktrace {
                lines: self.lines,
                frames: frames.clone(),
            }));
        }
        self.head.map(|head| panic(head, frames))
    }
}

fn panic(head: Head, frames: Vec<Frame>) -> Panic {
    Panic {
        thread: head.thread,
        location: head.location,
        message: head.message.join("\n"),
        frames,
    }
}

fn is_backtrace_header(text: &str) -> bool {
    matches!(text.trim(), "stack backtrace:" | "Stack backtrace:")
}

/// Reads `thread 'NAME' (ID) panicked at FILE:LINE:COL:` (the id is absent before Rust 1.89),
/// or the pre-1.73 `thread 'NAME' panicked at 'MESSAGE', FILE:LINE:COL`.
fn parse_header(text: &str) -> Option<Head> {
    let rest = text.strip_prefix("thread '")?;
    let (thread, rest) = rest.split_once('\'')?;
    let rest = match rest.strip_prefix(" (") {
        Some(after) => after.split_once(')')?.1,
        None => rest,
    };
    let place = rest.strip_prefix(" panicked at ")?;
    if let Some(location) = place.strip_suffix(':') {
        return Some(Head {
            thread: thread.to_owned(),
            location: Some(Location::parse(location)),
            message: Vec::new(),
            inline: false,
        });
    }
    let (message, location) = match place.strip_prefix('\'') {
        Some(quoted) => match quoted.rsplit_once("', ") {
            Some((message, location)) => (message, Some(Location::parse(location))),
            None => (quoted.trim_end_matches('\''), None),
        },
        None => (place, None),
    };
    Some(Head {
        thread: thread.to_owned(),
        location,
        message: vec![message.to_owned()],
        inline: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(detector: &mut Detector, text: &str) -> Vec<Vec<Action>> {
        text.lines()
            .map(|line| detector.line(line.as_bytes(), true))
            .collect()
    }

    #[test]
    fn a_panic_without_backtrace_ends_at_the_note() {
        let mut d = Detector::default();
        let steps = feed(
            &mut d,
            "starting\n\nthread 'main' (123) panicked at src/main.rs:7:5:\nthere is no reactor running\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n",
        );
        assert!(steps[..4].iter().all(|s| s == &[Action::Line]));
        let [Action::Line, Action::Panic(p)] = steps[4].as_slice() else {
            panic!("{:?}", steps[4]);
        };
        assert_eq!(p.thread, "main");
        assert_eq!(p.message, "there is no reactor running");
        assert_eq!(p.location.as_ref().unwrap().to_string(), "src/main.rs:7:5");
        assert!(!d.is_pending());
    }

    #[test]
    fn a_short_backtrace_is_held_and_ends_before_its_note() {
        let mut d = Detector::default();
        let steps = feed(
            &mut d,
            "thread 'tokio-rt-worker' (9) panicked at /r/tokio-1.54.1/src/x.rs:1:2:\nCannot block\nstack backtrace:\n   0: __rustc::rust_begin_unwind\n             at /rustc/x/library/std/src/panicking.rs:689:5\n   1: app::main\n             at ./src/main.rs:3:5\nnote: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.\nafter\n",
        );
        assert_eq!(steps[2], [Action::Line]);
        assert!(steps[3..7].iter().all(Vec::is_empty));
        let [Action::Backtrace(bt), Action::Line, Action::Panic(p)] = steps[7].as_slice() else {
            panic!("{:?}", steps[7]);
        };
        assert_eq!(bt.lines.len(), 4);
        assert_eq!(p.frames.len(), 2);
        assert_eq!(p.message, "Cannot block");
        assert_eq!(steps[8], [Action::Line]);
    }

    #[test]
    fn a_full_backtrace_ends_at_the_next_foreign_line_or_when_finished() {
        let mut d = Detector::default();
        let steps = feed(
            &mut d,
            "thread 'main' (1) panicked at src/main.rs:1:1:\nboom\nstack backtrace:\n   0:     0x1 - app::main::h0123456789abcdef\nthe program goes on\n",
        );
        let [Action::Backtrace(_), Action::Panic(_), Action::Line] = steps[4].as_slice() else {
            panic!("{:?}", steps[4]);
        };
        feed(
            &mut d,
            "thread 'main' (1) panicked at src/main.rs:1:1:\nboom\nstack backtrace:\n   0:     0x1 - app::main",
        );
        assert!(d.is_pending());
        let [Action::Backtrace(_), Action::Panic(_)] = d.finish().as_slice() else {
            panic!();
        };
        // Frames that go on after a pause continue the backtrace.
        assert!(
            d.line(b"   1:     0x2 - std::rt::lang_start", true)
                .is_empty()
        );
        assert!(d.is_pending());
    }

    #[test]
    fn later_panics_without_a_note_end_at_a_blank_line_or_the_next_panic() {
        let mut d = Detector::default();
        let steps = feed(
            &mut d,
            "thread 'a' (1) panicked at src/a.rs:1:1:\nfirst\nthread 'b' (2) panicked at src/b.rs:2:2:\nsecond\n\n",
        );
        let [Action::Panic(first), Action::Line] = steps[2].as_slice() else {
            panic!("{:?}", steps[2]);
        };
        assert_eq!(first.message, "first");
        let [Action::Panic(second), Action::Line] = steps[4].as_slice() else {
            panic!("{:?}", steps[4]);
        };
        assert_eq!(second.thread, "b");
    }

    #[test]
    fn old_format_and_multi_line_messages() {
        let head = parse_header("thread 'main' panicked at 'boom', src/main.rs:2:5").unwrap();
        assert_eq!(head.message, ["boom"]);
        assert_eq!(head.location.unwrap().to_string(), "src/main.rs:2:5");
        let mut d = Detector::default();
        feed(
            &mut d,
            "thread 'main' (5) panicked at src/main.rs:2:5:\nassertion `left == right` failed\n  left: 1\n right: 2",
        );
        let finished = d.finish();
        let [Action::Panic(p)] = finished.as_slice() else {
            panic!();
        };
        assert_eq!(p.message.lines().count(), 3);
    }

    #[test]
    fn bare_frames_start_a_backtrace_only_when_asked() {
        let mut plain = Detector::default();
        assert_eq!(plain.line(b"   0: app::main", true), [Action::Line]);
        let mut bare = Detector::new(true);
        assert!(bare.line(b"   0: app::main", true).is_empty());
        let finished = bare.finish();
        let [Action::Backtrace(bt)] = finished.as_slice() else {
            panic!();
        };
        assert_eq!(bt.frames[0].symbol.clean, "app::main");
    }
}
