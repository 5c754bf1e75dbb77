//! Classifies one input line: plain text, a compiler diagnostic (in a cargo envelope or bare
//! from `rustc --error-format=json`), or other JSON (cargo's bookkeeping, future reasons, logs).
//!
//! Classification reads only what it needs (kind, level, rendered text); the full
//! [`Diagnostic`] is parsed only on demand.

use std::borrow::Cow;

use cargo_metadata::diagnostic::Diagnostic;

use super::scan::scan;

/// How a diagnostic was wrapped in the input, so it can be written back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `{"reason":"compiler-message", …, "message": {…}}` from cargo.
    Cargo,
    /// `{"$message_type":"diagnostic", …}` from rustc.
    Bare,
}

#[derive(Debug)]
pub enum Classified<'a> {
    /// Not JSON (or JSON that is no object): build-script output, test output, garbage.
    Text,
    /// Looked like a compiler message (`{"reason":` or `{"$message_type":`) but did not parse.
    Malformed {
        error: String,
    },
    /// Cargo or rustc bookkeeping that cargo itself would not print in human mode.
    Bookkeeping {
        build_failed: bool,
    },
    /// Any other JSON object (an unknown future `reason`, a program's JSON log line).
    OtherJson,
    Diagnostic(Light<'a>),
}

/// What classification learns of a diagnostic without parsing it in full.
#[derive(Debug)]
pub struct Light<'a> {
    pub shape: Shape,
    /// The diagnostic object itself: the whole line for bare rustc output, the envelope's
    /// `message` for cargo's.
    body: &'a [u8],
    /// The raw `package_id` and `target` of a cargo envelope (empty for bare rustc output);
    /// see [`Light::unit`].
    package_id: &'a [u8],
    target: &'a [u8],
    pub level: Cow<'a, str>,
    pub code: Option<Cow<'a, str>>,
    /// The top-level message as it stands in the JSON (still escaped), for the pre-filter.
    pub message_raw: &'a [u8],
    /// The `rendered` JSON string, still encoded; see [`Light::rendered`].
    rendered_raw: Option<&'a [u8]>,
}

impl Light<'_> {
    /// Which compilation the diagnostic belongs to (package and target for cargo; empty for bare
    /// rustc output, where the whole stream is one compilation). Built only for the diagnostics
    /// the knowledge base may explain, not on the hot path.
    pub fn unit(&self) -> String {
        let mut unit = String::from_utf8_lossy(self.package_id).into_owned();
        unit.push(' ');
        unit.push_str(&String::from_utf8_lossy(self.target));
        unit
    }

    /// Parses the diagnostic in full, with cargo_metadata's type. Only the diagnostic object is
    /// read (cargo's envelope around it was checked by the scan), and its `rendered` text is left
    /// out: the returned diagnostic's `rendered` is `None` (see [`Light::rendered`]). Decoding
    /// that text, the longest and most escaped string of a diagnostic, costs more than copying
    /// the object without it.
    pub fn parse(&self) -> Result<Diagnostic, String> {
        // Validating the UTF-8 of the whole object at once is cheaper than serde_json's check of
        // each of its many short strings.
        let parse = |json: &[u8]| match std::str::from_utf8(json) {
            Ok(text) => serde_json::from_str::<Diagnostic>(text),
            Err(_) => serde_json::from_slice::<Diagnostic>(json),
        };
        let result = match self.rendered_range() {
            Some((start, end)) => {
                let mut json = Vec::with_capacity(self.body.len() - (end - start) + 4);
                json.extend_from_slice(&self.body[..start]);
                json.extend_from_slice(b"null");
                json.extend_from_slice(&self.body[end..]);
                parse(&json)
            }
            None => parse(self.body),
        };
        result.map_err(|e| e.to_string())
    }

    /// Where the diagnostic's own `rendered` string lies in `body`.
    fn rendered_range(&self) -> Option<(usize, usize)> {
        let rendered = self.rendered_raw?;
        let start = (rendered.as_ptr() as usize).checked_sub(self.body.as_ptr() as usize)?;
        let end = start + rendered.len();
        (end <= self.body.len()).then_some((start, end))
    }

    /// The crate root file of the compilation (cargo's `target.src_path`, an absolute path), from
    /// which the user's relative span file names can be found on disk.
    pub fn src_path(&self) -> Option<std::path::PathBuf> {
        #[derive(serde::Deserialize)]
        struct Target {
            src_path: std::path::PathBuf,
        }
        if self.target.is_empty() {
            return None;
        }
        serde_json::from_slice::<Target>(self.target)
            .ok()
            .map(|t| t.src_path)
    }

    /// The text rustc rendered, decoded (only done when an output prints it).
    pub fn rendered(&self) -> Option<String> {
        serde_json::from_slice(self.rendered_raw?).ok()
    }
}

const BOOKKEEPING_REASONS: &[&[u8]] = &[
    b"compiler-artifact",
    b"build-script-executed",
    b"build-finished",
];
const BOOKKEEPING_TYPES: &[&[u8]] = &[
    b"artifact",
    b"future_incompat",
    b"section_timing",
    b"unused_extern",
];

pub fn classify(line: &[u8]) -> Classified<'_> {
    let trimmed = line.trim_ascii_start();
    if trimmed.first() != Some(&b'{') {
        return Classified::Text;
    }
    let looks_like_compiler =
        trimmed.starts_with(b"{\"reason\":") || trimmed.starts_with(b"{\"$message_type\":");
    let Some(fields) = scan(line) else {
        if looks_like_compiler {
            let error = match serde_json::from_slice::<serde::de::IgnoredAny>(line) {
                Err(e) => e.to_string(),
                Ok(_) => "not a JSON object".to_owned(),
            };
            return Classified::Malformed { error };
        }
        return Classified::Text;
    };
    match (fields.reason, fields.message_type) {
        (Some(b"compiler-message"), _) => {
            let Some(body) = fields.message_object else {
                return Classified::Malformed {
                    error: "a compiler-message without a `message` object".into(),
                };
            };
            let Some(level) = fields.level else {
                return Classified::Malformed {
                    error: "a diagnostic without `level`".into(),
                };
            };
            Classified::Diagnostic(Light {
                shape: Shape::Cargo,
                body,
                package_id: fields.package_id.unwrap_or_default(),
                target: fields.target.unwrap_or_default(),
                level: decode(level),
                code: fields.code.map(decode),
                message_raw: fields.text.unwrap_or_default(),
                rendered_raw: fields.rendered,
            })
        }
        (Some(reason), _) if BOOKKEEPING_REASONS.contains(&reason) => Classified::Bookkeeping {
            build_failed: reason == b"build-finished" && fields.success == Some(false),
        },
        (None, Some(b"diagnostic")) => match fields.level {
            Some(level) => Classified::Diagnostic(Light {
                shape: Shape::Bare,
                body: line,
                package_id: &[],
                target: &[],
                level: decode(level),
                code: fields.code.map(decode),
                message_raw: fields.text.unwrap_or_default(),
                rendered_raw: fields.rendered,
            }),
            None => Classified::Malformed {
                error: "a diagnostic without `level`".into(),
            },
        },
        (None, Some(kind)) if BOOKKEEPING_TYPES.contains(&kind) => Classified::Bookkeeping {
            build_failed: false,
        },
        _ => Classified::OtherJson,
    }
}

/// A short JSON string's contents: borrowed when it has no escapes.
fn decode(raw: &[u8]) -> Cow<'_, str> {
    if !raw.contains(&b'\\')
        && let Ok(text) = std::str::from_utf8(raw)
    {
        return Cow::Borrowed(text);
    }
    let mut quoted = Vec::with_capacity(raw.len() + 2);
    quoted.push(b'"');
    quoted.extend_from_slice(raw);
    quoted.push(b'"');
    Cow::Owned(serde_json::from_slice(&quoted).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_kinds_of_line_apart() {
        assert!(matches!(classify(b"   Compiling foo"), Classified::Text));
        assert!(matches!(classify(b"[1,2]"), Classified::Text));
        assert!(matches!(classify(b"{not json"), Classified::Text));
        assert!(matches!(
            classify(b"{\"reason\":\"compiler-message\""),
            Classified::Malformed { .. }
        ));
        assert!(matches!(
            classify(br#"{"reason":"timing-info","x":1}"#),
            Classified::OtherJson
        ));
        assert!(matches!(
            classify(br#"{"reason":"build-finished","success":false}"#),
            Classified::Bookkeeping { build_failed: true }
        ));
        match classify(br#"{"$message_type":"diagnostic","message":"m","code":null,"level":"warning","spans":[],"children":[],"rendered":"warning: m\n"}"#) {
            Classified::Diagnostic(light) => {
                assert_eq!(light.shape, Shape::Bare);
                assert_eq!(light.level, "warning");
                assert_eq!(light.rendered().as_deref(), Some("warning: m\n"));
            }
            other => panic!("{other:?}"),
        }
    }
}
