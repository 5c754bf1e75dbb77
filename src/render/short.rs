//! One line per diagnostic, like cargo's `--message-format short`, with the misconception id and
//! its first fix appended when the diagnostic is explained.

use std::fmt::Write as _;

use super::{Emitter, Event, raw_line};

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
            if let Some(span) = diag.spans.iter().find(|s| s.is_primary) {
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
            let _ = write!(line, " [follows from async-explain::{}]", root.id);
        }
        line.push('\n');
        out.extend_from_slice(line.as_bytes());
    }
}
