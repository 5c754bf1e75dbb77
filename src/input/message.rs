//! Classifies one input line: plain text, a compiler diagnostic (in a cargo envelope or bare
//! from `rustc --error-format=json`), or other JSON (cargo's bookkeeping, future reasons, logs).
//!
//! Classification reads only what it needs (kind, level, rendered text); the full
//! [`Diagnostic`] is parsed only on demand.

use std::borrow::Cow;

use cargo_metadata::Message;
use cargo_metadata::diagnostic::Diagnostic;
use serde::Deserialize;
use serde_json::value::RawValue;

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
    /// Which compilation the diagnostic belongs to (package and target for cargo; empty for bare
    /// rustc output, where the whole stream is one compilation).
    pub unit: String,
    pub level: Cow<'a, str>,
    pub rendered: Option<String>,
}

#[derive(Deserialize)]
struct Probe<'a> {
    #[serde(borrow, default)]
    reason: Option<Cow<'a, str>>,
    #[serde(rename = "$message_type", borrow, default)]
    message_type: Option<Cow<'a, str>>,
    #[serde(default)]
    success: Option<bool>,
    #[serde(borrow, default)]
    package_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    target: Option<&'a RawValue>,
    #[serde(borrow, default)]
    message: Option<&'a RawValue>,
    #[serde(borrow, default)]
    level: Option<Cow<'a, str>>,
    #[serde(default)]
    rendered: Option<String>,
}

#[derive(Deserialize)]
struct LightMessage<'a> {
    #[serde(borrow)]
    level: Cow<'a, str>,
    #[serde(default)]
    rendered: Option<String>,
}

const BOOKKEEPING_REASONS: &[&str] = &[
    "compiler-artifact",
    "build-script-executed",
    "build-finished",
];
const BOOKKEEPING_TYPES: &[&str] = &[
    "artifact",
    "future_incompat",
    "section_timing",
    "unused_extern",
];

pub fn classify(line: &[u8]) -> Classified<'_> {
    let trimmed = line.trim_ascii_start();
    if trimmed.first() != Some(&b'{') {
        return Classified::Text;
    }
    let looks_like_compiler =
        trimmed.starts_with(b"{\"reason\":") || trimmed.starts_with(b"{\"$message_type\":");
    let probe: Probe<'_> = match serde_json::from_slice(line) {
        Ok(probe) => probe,
        Err(e) if looks_like_compiler => {
            return Classified::Malformed {
                error: e.to_string(),
            };
        }
        Err(_) => return Classified::Text,
    };
    match (probe.reason.as_deref(), probe.message_type.as_deref()) {
        (Some("compiler-message"), _) => {
            let Some(message) = probe.message else {
                return Classified::Malformed {
                    error: "a compiler-message without `message`".into(),
                };
            };
            match serde_json::from_str::<LightMessage<'_>>(message.get()) {
                Ok(light) => Classified::Diagnostic(Light {
                    shape: Shape::Cargo,
                    unit: format!(
                        "{} {}",
                        probe.package_id.as_deref().unwrap_or_default(),
                        probe.target.map_or("", |t| t.get())
                    ),
                    level: Cow::Owned(light.level.into_owned()),
                    rendered: light.rendered,
                }),
                Err(e) => Classified::Malformed {
                    error: e.to_string(),
                },
            }
        }
        (Some(reason), _) if BOOKKEEPING_REASONS.contains(&reason) => Classified::Bookkeeping {
            build_failed: reason == "build-finished" && probe.success == Some(false),
        },
        (None, Some("diagnostic")) => match probe.level {
            Some(level) => Classified::Diagnostic(Light {
                shape: Shape::Bare,
                unit: String::new(),
                level,
                rendered: probe.rendered,
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

/// Parses a diagnostic line in full, with cargo_metadata's types.
pub fn parse_diagnostic(line: &[u8], shape: Shape) -> Result<Diagnostic, String> {
    match shape {
        Shape::Bare => serde_json::from_slice::<Diagnostic>(line).map_err(|e| e.to_string()),
        Shape::Cargo => match serde_json::from_slice::<Message>(line) {
            Ok(Message::CompilerMessage(msg)) => Ok(msg.message),
            Ok(_) => Err("not a compiler-message".into()),
            Err(e) => Err(e.to_string()),
        },
    }
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
                assert_eq!(light.rendered.as_deref(), Some("warning: m\n"));
            }
            other => panic!("{other:?}"),
        }
    }
}
