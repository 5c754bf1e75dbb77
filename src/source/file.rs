//! One source file of the user's, read from disk once per run: its text, where its lines start,
//! its syntax tree (parsed with `syn` on first use), the scopes around the ranges asked about,
//! and whether edits of it parse (both remembered: each fix of each report asks again). A diagnostic's span is trusted only when
//! the file still says what rustc quoted: a file edited since the compiler ran is not used.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use cargo_metadata::diagnostic::DiagnosticSpan;

/// Files larger than this are not read (generated code; a span into it gains nothing).
const MAX_FILE: u64 = 4 << 20;

/// An edit of a file as `(range, text)` replacements.
pub type EditKey = Vec<(Range<usize>, String)>;

pub struct SourceFile {
    /// Where it was read from (empty for a text given directly).
    pub path: std::path::PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
    syntax: OnceCell<Option<syn::File>>,
    /// Edits checked so far and whether the file parsed with them.
    checked: RefCell<HashMap<EditKey, bool>>,
    /// The scopes around each range asked about so far.
    scopes: RefCell<HashMap<Range<usize>, Vec<super::Scope>>>,
}

impl SourceFile {
    /// Reads a file; `None` when it is missing, too large or not UTF-8.
    pub fn read(path: &Path) -> Option<SourceFile> {
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() || meta.len() > MAX_FILE {
            return None;
        }
        let text = String::from_utf8(std::fs::read(path).ok()?).ok()?;
        Some(SourceFile {
            path: path.to_owned(),
            ..SourceFile::new(text)
        })
    }

    pub fn new(text: String) -> SourceFile {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path: std::path::PathBuf::new(),
            text,
            line_starts,
            syntax: OnceCell::new(),
            checked: RefCell::default(),
            scopes: RefCell::default(),
        }
    }

    /// The text of line `n` (1-based), without its line ending.
    pub fn line(&self, n: usize) -> Option<&str> {
        let start = *self.line_starts.get(n.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(n)
            .map_or(self.text.len(), |next| next - 1);
        Some(self.text[start..end].trim_end_matches('\r'))
    }

    /// The byte offset where line `n` (1-based) starts.
    pub fn line_start(&self, n: usize) -> Option<usize> {
        self.line_starts.get(n.checked_sub(1)?).copied()
    }

    /// The 1-based line holding a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// The leading whitespace of the line holding `offset`.
    pub fn indent_at(&self, offset: usize) -> &str {
        let line = self.line(self.line_of(offset)).unwrap_or_default();
        &line[..line.len() - line.trim_start().len()]
    }

    /// The span's byte range in this file, when the file still reads as rustc quoted it.
    pub fn range_of(&self, span: &DiagnosticSpan) -> Option<Range<usize>> {
        let range = span.byte_start as usize..span.byte_end as usize;
        if range.end > self.text.len()
            || !self.text.is_char_boundary(range.start)
            || !self.text.is_char_boundary(range.end)
        {
            return None;
        }
        let same = span
            .text
            .iter()
            .enumerate()
            .all(|(i, line)| self.line(span.line_start + i) == Some(line.text.as_str()));
        let starts = self.line_start(span.line_start)? <= range.start;
        (same && starts).then_some(range)
    }

    /// The file's syntax tree, parsed on first use; `None` when it does not parse.
    /// Whether the file parses with `edits` (sorted, not overlapping) made, computed by `check`
    /// the first time an edit is asked about.
    pub fn parses_with(&self, edits: EditKey, check: impl FnOnce() -> bool) -> bool {
        if let Some(&known) = self.checked.borrow().get(&edits) {
            return known;
        }
        let parses = check();
        self.checked.borrow_mut().insert(edits, parses);
        parses
    }

    /// The scopes around `range`, innermost first (none when the file does not parse),
    /// remembered: each fix of each explanation asks about the same few spans.
    pub fn scopes_at(&self, range: Range<usize>) -> Vec<super::Scope> {
        if let Some(scopes) = self.scopes.borrow().get(&range) {
            return scopes.clone();
        }
        let scopes = self
            .syntax()
            .map(|syntax| super::scope::enclosing(syntax, range.clone()))
            .unwrap_or_default();
        self.scopes.borrow_mut().insert(range, scopes.clone());
        scopes
    }

    pub fn syntax(&self) -> Option<&syn::File> {
        self.syntax
            .get_or_init(|| syn::parse_file(&self.text).ok())
            .as_ref()
    }

    pub fn slice(&self, range: Range<usize>) -> &str {
        self.text.get(range).unwrap_or_default()
    }

    /// The 1-based column (in characters, as rustc counts) of a byte offset.
    pub fn column_of(&self, offset: usize) -> usize {
        let line = self.line_of(offset);
        let start = self.line_start(line).unwrap_or(0);
        self.text
            .get(start..offset)
            .map_or(1, |before| before.chars().count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_numbered_from_one() {
        let file = SourceFile::new("fn main() {\r\n    f();\n}".into());
        assert_eq!(file.line(1), Some("fn main() {"));
        assert_eq!(file.line(2), Some("    f();"));
        assert_eq!(file.line(3), Some("}"));
        assert_eq!(file.line(4), None);
        assert_eq!(file.line_of(0), 1);
        assert_eq!(file.line_of(13), 2);
        assert_eq!(file.indent_at(15), "    ");
    }
}
