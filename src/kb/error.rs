//! Knowledge-base load errors, each naming the file, line and column it is about.

use std::ops::Range;

/// A knowledge-base file's name (as shown to users) and its text.
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

impl SourceFile {
    /// An error at a byte range of this file.
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> KbError {
        let offset = span.start.min(self.text.len());
        let before = &self.text[..floor_boundary(&self.text, offset)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        KbError::Invalid {
            file: self.name.clone(),
            line,
            column,
            message: message.into(),
        }
    }
}

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("{file}:{line}:{column}: {message}")]
    Invalid {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: not valid UTF-8")]
    NotUtf8 { file: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_positions_are_one_based_lines_and_columns() {
        let file = SourceFile {
            name: "kb/x.toml".into(),
            text: "a = 1\nbé = 2\n".into(),
        };
        let err = file.error(9..10, "bad");
        assert_eq!(err.to_string(), "kb/x.toml:2:3: bad");
    }
}
