//! The default format: every diagnostic exactly as rustc rendered it, each explained one followed
//! by its explanation (concise unless `--verbose`; a second explanation by the same entry without
//! the link and the pointer to more, given the first time); text lines verbatim; cargo's
//! bookkeeping JSON hidden as cargo hides it; a program's backtraces folded and its explained
//! panics followed by their explanation.

use std::collections::HashSet;

use super::{
    BacktraceEvent, DiagnosticEvent, Emitter, Event, PanicEvent, Seen, Style, raw_line,
    render_explanation_seen, render_follows, render_panic, strip_ansi, write_backtrace,
};

pub struct Human {
    style: Style,
    /// The entries that explained a diagnostic above (at most one per entry of the knowledge
    /// base): their next explanations leave out the link and the line about what more there is.
    seen: HashSet<String>,
}

impl Human {
    pub fn new(style: Style) -> Self {
        Human {
            style,
            seen: HashSet::new(),
        }
    }

    fn diagnostic(&mut self, d: &DiagnosticEvent<'_>, out: &mut Vec<u8>) {
        match d.rendered {
            Some(rendered) => {
                let text = if self.style.color {
                    std::borrow::Cow::Borrowed(rendered)
                } else {
                    strip_ansi(rendered)
                };
                out.extend_from_slice(text.as_bytes());
                if !text.ends_with('\n') {
                    out.push(b'\n');
                }
            }
            None => {
                let message = d.diagnostic.map_or("", |diag| diag.message.as_str());
                out.extend_from_slice(format!("{}: {message}\n", d.level).as_bytes());
            }
        }
        if let Some(root) = d.follows {
            out.extend_from_slice(render_follows(root, self.style).as_bytes());
            out.push(b'\n');
        }
        for explanation in d.explanations {
            let seen = if self.seen.insert(explanation.id.to_owned()) {
                Seen::First
            } else {
                Seen::Again
            };
            out.extend_from_slice(
                render_explanation_seen(explanation, seen, self.style).as_bytes(),
            );
            out.push(b'\n');
        }
    }
}

impl Emitter for Human {
    fn wants_rendered(&self) -> bool {
        true
    }

    fn event(&mut self, event: &Event<'_>, out: &mut Vec<u8>) {
        match event {
            Event::Text { raw, .. } => raw_line(out, raw, true),
            Event::Json {
                bookkeeping: true, ..
            } => {}
            Event::Json { raw, .. } => raw_line(out, raw, true),
            Event::Diagnostic(d) => self.diagnostic(d, out),
        }
    }

    fn backtrace(&mut self, event: &BacktraceEvent<'_>, out: &mut Vec<u8>) {
        write_backtrace(event, self.style, out);
    }

    fn panic(&mut self, event: &PanicEvent<'_>, out: &mut Vec<u8>) {
        out.extend_from_slice(render_panic(event, self.style).as_bytes());
    }
}
