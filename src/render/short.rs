//! One line per diagnostic, like cargo's `--message-format short`, with the misconception id and
//! its first fix appended when the diagnostic is explained. A program's text passes verbatim, its
//! backtraces folded (without colour), and an explained panic gains one such line too.

use std::fmt::Write as _;

use super::{
    BacktraceEvent, Emitter, Event, PanicEvent, Relation, Style, raw_line, write_backtrace,
};

#[derive(Default)]
pub struct Short;

impl Emitter for Short {
    fn wants_full_diagnostics(&self) -> bool {
        true
    }

    fn event(&mut self, event: &Event<'_>, out: &mut Vec<u8>) {
        let d = match event {
            Event::Text { raw, .. } => return raw_line(out, raw, true),
            Event::Json {
                bookkeeping: true, ..
            } => return,
            Event::Json { raw, .. } => return raw_line(out, raw, true),
            Event::Diagnostic(d) => d,
        };
        let mut line = String::new();
        if let Some(diag) = d.diagnostic {
            if let Some(span) = crate::span::primary_user_span(diag) {
                let _ = write!(
                    line,
                    "{}:{}:{}: ",
                    span.file_name, span.line_start, span.column_start
                );
            }
            line.push_str(d.level);
            if let Some(code) = &diag.code {
                let _ = write!(line, "[{}]", code.code);
            }
            let _ = write!(line, ": {}", diag.message.lines().next().unwrap_or(""));
        } else {
            line.push_str(d.level);
        }
        for e in d.explanations {
            let _ = write!(line, " [async-explain::{}: {}", e.id, e.title);
            if let Some(fix) = e.first_fix() {
                let _ = write!(line, "; fix: {fix}");
            }
            line.push(']');
        }
        if let Some(root) = d.follows {
            let relation = match root.relation {
                Relation::CausedBy => "follows from",
                Relation::SameAs => "same as above",
            };
            let _ = write!(line, " [{relation} async-explain::{}]", root.id);
        }
        line.push('\n');
        out.extend_from_slice(line.as_bytes());
    }

    fn backtrace(&mut self, event: &BacktraceEvent<'_>, out: &mut Vec<u8>) {
        let plain = Style {
            color: false,
            width: 0,
            verbose: false,
        };
        write_backtrace(event, plain, out);
    }

    fn panic(&mut self, event: &PanicEvent<'_>, out: &mut Vec<u8>) {
        if event.explanations.is_empty() {
            return;
        }
        let mut line = String::new();
        let location = event
            .site
            .map(|s| &s.location)
            .or(event.panic.location.as_ref());
        if let Some(location) = location {
            let _ = write!(line, "{location}: ");
        }
        let _ = write!(
            line,
            "panic: {}",
            event.panic.message.lines().next().unwrap_or("")
        );
        for e in event.explanations {
            let _ = write!(line, " [async-explain::{}: {}", e.id, e.title);
            if let Some(fix) = e.first_fix() {
                let _ = write!(line, "; fix: {fix}");
            }
            line.push(']');
        }
        line.push('\n');
        out.extend_from_slice(line.as_bytes());
    }
}
