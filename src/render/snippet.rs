//! Rebuilds a piece of the user's source from a diagnostic span's `text` lines (never from disk),
//! with the byte range the span highlights inside it.

use std::ops::Range;

use cargo_metadata::diagnostic::DiagnosticSpan;

/// The source lines a span covers, joined, and where the span lies within them.
pub struct SpanSource {
    pub path: String,
    pub line_start: usize,
    pub text: String,
    pub range: Range<usize>,
}

impl SpanSource {
    /// `None` when rustc gave no source text for the span (for example a span in a macro-generated file).
    pub fn new(span: &DiagnosticSpan) -> Option<Self> {
        let (first, last) = (span.text.first()?, span.text.last()?);
        let mut text = String::new();
        let mut last_line_offset = 0;
        for (i, line) in span.text.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            last_line_offset = text.len();
            text.push_str(&line.text);
        }
        let start = char_offset(&first.text, first.highlight_start.saturating_sub(1));
        let end = last_line_offset + char_offset(&last.text, last.highlight_end.saturating_sub(1));
        Some(SpanSource {
            path: span.file_name.clone(),
            line_start: span.line_start,
            range: start.min(text.len())..end.clamp(start.min(text.len()), text.len()),
            text,
        })
    }
}

/// Byte offset of the `chars`-th character (rustc's columns count characters).
fn char_offset(line: &str, chars: usize) -> usize {
    line.char_indices()
        .nth(chars)
        .map_or(line.len(), |(offset, _)| offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(lines: &[(&str, usize, usize)]) -> DiagnosticSpan {
        let text: Vec<_> = lines
            .iter()
            .map(|(t, s, e)| serde_json::json!({"text": t, "highlight_start": s, "highlight_end": e}))
            .collect();
        serde_json::from_value(serde_json::json!({
            "file_name": "src/main.rs", "byte_start": 0, "byte_end": 0, "line_start": 7,
            "line_end": 7 + lines.len() - 1, "column_start": 1, "column_end": 1, "is_primary": true,
            "text": text, "label": null, "suggested_replacement": null,
            "suggestion_applicability": null, "expansion": null
        }))
        .unwrap()
    }

    #[test]
    fn single_line_ranges_count_characters() {
        let src = SpanSource::new(&span(&[("let é = lock();", 9, 15)])).unwrap();
        assert_eq!(&src.text[src.range.clone()], "lock()");
        assert_eq!(src.line_start, 7);
    }

    #[test]
    fn multi_line_ranges_end_on_the_last_line() {
        let src = SpanSource::new(&span(&[("    async {", 5, 12), ("    }", 1, 6)])).unwrap();
        assert_eq!(&src.text[src.range.clone()], "async {\n    }");
    }
}
