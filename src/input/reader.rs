//! Splits a byte stream into lines without assuming UTF-8 and without holding huge lines in memory.

use std::io::{self, BufRead, Write};

/// Lines longer than this are not buffered: their first part is handed out as
/// [`Line::Oversized`] and the rest is streamed with [`LineReader::copy_rest`].
pub const DEFAULT_MAX_LINE: usize = 16 << 20;

/// One line of input, without its line terminator.
#[derive(Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// A whole line; `newline` says whether a `\n` ended it (false only for a truncated last line).
    Complete { bytes: &'a [u8], newline: bool },
    /// The first `max_line` bytes of a line that goes on; call [`LineReader::copy_rest`] next.
    Oversized { head: &'a [u8] },
}

pub struct LineReader<R> {
    inner: R,
    buf: Vec<u8>,
    max_line: usize,
    number: u64,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(inner: R) -> Self {
        Self::with_max_line(inner, DEFAULT_MAX_LINE)
    }

    pub fn with_max_line(inner: R, max_line: usize) -> Self {
        LineReader {
            inner,
            buf: Vec::new(),
            max_line: max_line.max(1),
            number: 0,
        }
    }

    /// The 1-based number of the line last returned.
    pub fn line_number(&self) -> u64 {
        self.number
    }

    /// The underlying reader, to ask how much it has buffered.
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// The underlying reader, to wait on it (live input).
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.inner
    }

    /// Reads the next line; `None` at end of input.
    pub fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.buf.clear();
        loop {
            let available = match self.inner.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                if self.buf.is_empty() {
                    return Ok(None);
                }
                self.number += 1;
                return Ok(Some(Line::Complete {
                    bytes: &self.buf,
                    newline: false,
                }));
            }
            let room = self.max_line - self.buf.len();
            match memchr::memchr(b'\n', &available[..available.len().min(room + 1)]) {
                Some(end) if end <= room => {
                    self.buf.extend_from_slice(&available[..end]);
                    self.inner.consume(end + 1);
                    self.number += 1;
                    return Ok(Some(Line::Complete {
                        bytes: &self.buf,
                        newline: true,
                    }));
                }
                _ => {
                    let take = available.len().min(room);
                    self.buf.extend_from_slice(&available[..take]);
                    self.inner.consume(take);
                    if self.buf.len() == self.max_line {
                        self.number += 1;
                        return Ok(Some(Line::Oversized { head: &self.buf }));
                    }
                }
            }
        }
    }

    /// Copies the rest of an oversized line to `out`, chunk by chunk, including its `\n` if any.
    /// Returns whether a newline ended it.
    pub fn copy_rest(&mut self, out: &mut dyn Write) -> Result<bool, CopyError> {
        loop {
            let available = match self.inner.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(CopyError::Read(e)),
            };
            if available.is_empty() {
                return Ok(false);
            }
            if let Some(end) = memchr::memchr(b'\n', available) {
                out.write_all(&available[..=end])
                    .map_err(CopyError::Write)?;
                self.inner.consume(end + 1);
                return Ok(true);
            }
            let len = available.len();
            out.write_all(available).map_err(CopyError::Write)?;
            self.inner.consume(len);
        }
    }
}

/// Which side failed while streaming an oversized line.
#[derive(Debug)]
pub enum CopyError {
    Read(io::Error),
    Write(io::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<String> {
        let mut reader = LineReader::with_max_line(input, max);
        let mut out = Vec::new();
        while let Some(line) = reader.next_line().unwrap() {
            match line {
                Line::Complete { bytes, newline } => out.push(format!(
                    "{}{}",
                    String::from_utf8_lossy(bytes),
                    if newline { "⏎" } else { "" }
                )),
                Line::Oversized { head } => {
                    let head = String::from_utf8_lossy(head).into_owned();
                    let mut rest = Vec::new();
                    reader.copy_rest(&mut rest).unwrap();
                    out.push(format!("[{head}]{}", String::from_utf8_lossy(&rest)));
                }
            }
        }
        out
    }

    #[test]
    fn splits_lines_and_reports_a_truncated_last_line() {
        assert_eq!(lines(b"a\nbc\n\nd", 100), ["a⏎", "bc⏎", "⏎", "d"]);
    }

    #[test]
    fn oversized_lines_are_streamed_not_buffered() {
        assert_eq!(lines(b"abcdefgh\nxy\n", 3), ["[abc]defgh\n", "xy⏎"]);
        assert_eq!(lines(b"abc\n", 3), ["abc⏎"]);
    }

    #[test]
    fn invalid_utf8_passes_as_bytes() {
        let mut reader = LineReader::new(&b"\xff\xfe\n"[..]);
        assert_eq!(
            reader.next_line().unwrap(),
            Some(Line::Complete {
                bytes: b"\xff\xfe",
                newline: true
            })
        );
    }
}
