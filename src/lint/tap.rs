//! Reading, in passing, which units cargo reports on its stdout: a reader that hands cargo's
//! bytes on unchanged and notes the package, target and test flag of each `compiler-artifact`
//! and `compiler-message` line. Only the start of such a line is kept (cargo writes `reason`,
//! `package_id`, `manifest_path`, `target` and an artifact's `profile` first), so a long
//! diagnostic costs no copy.

use std::io::{self, Read};
use std::path::PathBuf;

use serde::Deserialize;

use super::units::{Reported, TargetId};

/// How much of a line is kept: the fields that come before a diagnostic's `message` and an
/// artifact's `features` (a target's paths are rarely longer than a few hundred bytes).
const KEPT: usize = 16 * 1024;

const ARTIFACT: &[u8] = br#"{"reason":"compiler-artifact""#;
const MESSAGE: &[u8] = br#"{"reason":"compiler-message""#;

/// A reader over cargo's stdout that records the units cargo reports.
pub struct Tap<R> {
    inner: R,
    /// The start of the current line (at most `KEPT` bytes).
    line: Vec<u8>,
    /// The current line is of no interest: its bytes are not kept.
    skipping: bool,
    reported: Reported,
}

impl<R> Tap<R> {
    pub fn new(inner: R) -> Self {
        Tap {
            inner,
            line: Vec::new(),
            skipping: false,
            reported: Reported::default(),
        }
    }

    /// The units reported so far (all of them once the stream has ended).
    pub fn reported(&self) -> &Reported {
        &self.reported
    }

    fn observe(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let (part, ended) = match memchr::memchr(b'\n', bytes) {
                Some(at) => (&bytes[..at], Some(at + 1)),
                None => (bytes, None),
            };
            if !self.skipping {
                let before = self.line.len();
                let room = KEPT.saturating_sub(before).min(part.len());
                self.line.extend_from_slice(&part[..room]);
                // Decided as soon as the line's start is known.
                let known = self.line.len().min(MESSAGE.len());
                let wanted = ARTIFACT.starts_with(&self.line[..known.min(ARTIFACT.len())])
                    || MESSAGE.starts_with(&self.line[..known]);
                // Tried at each kibibyte boundary: the fields are usually in the first one, and
                // the rest of a long diagnostic is then neither copied nor read.
                let tried = ended.is_none()
                    && before / 1024 != self.line.len() / 1024
                    && note(&self.line, &mut self.reported);
                if !wanted || tried {
                    self.skipping = true;
                    self.line.clear();
                }
            }
            match ended {
                Some(next) => {
                    self.end_line();
                    bytes = &bytes[next..];
                }
                None => break,
            }
        }
    }

    fn end_line(&mut self) {
        if !self.skipping && !self.line.is_empty() {
            let _ = note(&self.line, &mut self.reported);
        }
        self.line.clear();
        self.skipping = false;
    }
}

impl<R: Read> Read for Tap<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 {
            self.end_line();
        }
        self.observe(&buf[..n]);
        Ok(n)
    }
}

#[derive(Deserialize)]
struct Target {
    name: String,
    src_path: PathBuf,
}

#[derive(Deserialize)]
struct Profile {
    test: bool,
}

/// Records the unit a line (or its start) reports, if it is an artifact or a diagnostic; true
/// when it found what it needed.
pub fn note(line: &[u8], reported: &mut Reported) -> bool {
    let artifact = line.starts_with(ARTIFACT);
    if !artifact && !line.starts_with(MESSAGE) {
        return false;
    }
    let wanted: &[&[u8]] = if artifact {
        &[b"package_id", b"target", b"profile"]
    } else {
        &[b"package_id", b"target"]
    };
    let fields = top_level(line, wanted);
    let get = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| *k == key.as_bytes())
            .map(|(_, v)| *v)
    };
    let package_id = get("package_id").and_then(|v| serde_json::from_slice::<String>(v).ok());
    let target = get("target").and_then(|v| serde_json::from_slice::<Target>(v).ok());
    let (Some(package_id), Some(target)) = (package_id, target) else {
        return false;
    };
    let id = TargetId {
        package_id,
        name: target.name,
        src_path: target.src_path,
    };
    if artifact {
        let Some(profile) = get("profile").and_then(|v| serde_json::from_slice::<Profile>(v).ok())
        else {
            return false;
        };
        reported.built.insert((id, profile.test));
    } else {
        reported.diagnosed.insert(id);
    }
    true
}

/// The complete top-level fields of a JSON object, or of the start of one: raw key (without
/// quotes) and raw value. Stops once every `wanted` key is found, or at the first value that is
/// cut off or malformed.
fn top_level<'a>(line: &'a [u8], wanted: &[&[u8]]) -> Vec<(&'a [u8], &'a [u8])> {
    let mut fields = Vec::new();
    let mut i = skip_ws(line, 0);
    if line.get(i) != Some(&b'{') {
        return fields;
    }
    i += 1;
    loop {
        i = skip_ws(line, i);
        let Some(key_end) = string_end(line, i) else {
            return fields;
        };
        let key = &line[i + 1..key_end - 1];
        i = skip_ws(line, key_end);
        if line.get(i) != Some(&b':') {
            return fields;
        }
        let start = skip_ws(line, i + 1);
        let Some(end) = value_end(line, start) else {
            return fields;
        };
        fields.push((key, &line[start..end]));
        if wanted.iter().all(|w| fields.iter().any(|(k, _)| k == w)) {
            return fields;
        }
        i = skip_ws(line, end);
        match line.get(i) {
            Some(b',') => i += 1,
            _ => return fields,
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\r' | b'\n')) {
        i += 1;
    }
    i
}

/// The index after the closing quote of the string starting at `i`.
fn string_end(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let mut j = i + 1;
    loop {
        match b.get(j)? {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
}

/// The index after the value starting at `i`.
fn value_end(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => string_end(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match b.get(j)? {
                    b'"' => {
                        j = string_end(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while !matches!(b.get(j), Some(b',' | b'}' | b']') | None) {
                j += 1;
            }
            (j < b.len()).then_some(j)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTIFACT_LINE: &str = r#"{"reason":"compiler-artifact","package_id":"path+file:///w#a@0.1.0","manifest_path":"/w/Cargo.toml","target":{"kind":["lib"],"crate_types":["lib"],"name":"a","src_path":"/w/src/lib.rs","edition":"2024","doc":true,"doctest":true,"test":true},"profile":{"opt_level":"0","debuginfo":2,"debug_assertions":true,"overflow_checks":true,"test":true},"features":[],"filenames":["/w/target/debug/deps/liba.rmeta"],"executable":null,"fresh":false}"#;
    const MESSAGE_LINE: &str = r#"{"reason":"compiler-message","package_id":"path+file:///w#a@0.1.0","manifest_path":"/w/Cargo.toml","target":{"kind":["test"],"crate_types":["bin"],"name":"it \"}","src_path":"/w/tests/it.rs","edition":"2024","doc":false,"doctest":false,"test":true},"message":{"rendered":"error: …\n","$message_type":"diagnostic","children":[]}}"#;

    #[test]
    fn artifacts_and_diagnostics_name_their_units_in_any_chunking() {
        // A diagnostic far longer than what is kept, naming its unit at the start.
        let long = MESSAGE_LINE
            .replace("tests/it.rs", "tests/long.rs")
            .replace("error: …", &"x".repeat(3 * KEPT));
        let stream = format!(
            "{ARTIFACT_LINE}\n{{\"reason\":\"build-finished\",\"success\":true}}\n{MESSAGE_LINE}\nplain text\n{long}\n"
        );
        for chunk in [1, 7, 64, 4096] {
            let mut tap = Tap::new(Chunks(stream.as_bytes(), chunk));
            let mut out = Vec::new();
            tap.read_to_end(&mut out).unwrap();
            assert_eq!(out, stream.as_bytes(), "bytes pass unchanged");
            let reported = tap.reported();
            let built: Vec<_> = reported.built.iter().collect();
            assert_eq!(built.len(), 1);
            assert_eq!(built[0].0.name, "a");
            assert!(built[0].1, "a test build");
            let diagnosed: Vec<_> = reported.diagnosed.iter().collect();
            assert_eq!(diagnosed.len(), 2, "chunk {chunk}");
            assert_eq!(diagnosed[0].name, "it \"}");
            assert_eq!(diagnosed[0].src_path, PathBuf::from("/w/tests/it.rs"));
            assert_eq!(diagnosed[1].src_path, PathBuf::from("/w/tests/long.rs"));
        }
    }

    #[test]
    fn a_cut_line_still_names_its_unit_and_junk_names_none() {
        let mut reported = Reported::default();
        let cut = &MESSAGE_LINE.as_bytes()[..MESSAGE_LINE.find("\"message\"").unwrap() + 20];
        assert!(note(cut, &mut reported));
        assert_eq!(reported.diagnosed.len(), 1);
        let mut reported = Reported::default();
        let cut = br#"{"reason":"compiler-message","package_id":"x","target":{"name":"#;
        assert!(!note(cut, &mut reported));
        assert!(!note(
            br#"{"reason":"compiler-artifact" oops"#,
            &mut reported
        ));
        assert!(reported.is_empty());
    }

    /// A reader that gives at most `n` bytes per read.
    struct Chunks<'a>(&'a [u8], usize);

    impl Read for Chunks<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(self.1).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
}
