//! The default format: every diagnostic exactly as rustc rendered it, each explained one followed
//! by its explanation; text lines verbatim; cargo's bookkeeping JSON hidden as cargo hides it;
//! a program's backtraces folded and its explained panics followed by their explanation.

use super::{
    BacktraceEvent, DiagnosticEvent, Emitter, Event, PanicEvent, Style, raw_line,
    render_explanation, render_follows, render_panic, strip_ansi, write_backtrace,
};

pub struct Human {
    style: Style,
}

impl Human {
    pub fn new(style: Style) -> Self {
        Human { style }
    }

    fn diagnostic(&self, d: &DiagnosticEvent<'_>, out: &mut Vec<u8>) {
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
            out.extend_from_slice(render_explanation(explanation, self.style).as_bytes());
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
