//! The on-disk shape of a knowledge-base file, exactly as serde reads it from TOML.
//!
//! Spans are kept so that every load error can name the line it is about.
//! `entry.rs` turns these into checked, compiled [`super::Entry`] values.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntry {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub summary: String,
    /// The why in at most three lines, for the concise output (a template like `explanation`).
    #[serde(default)]
    pub brief: Option<Spanned<String>>,
    /// A family explanation: the general case of a kind of async error, given when no specific
    /// entry explains a diagnostic. Its id starts with `family-`.
    #[serde(default)]
    pub general: bool,
    #[serde(default)]
    pub supersedes: Vec<Spanned<String>>,
    #[serde(default, rename = "matcher")]
    pub matchers: Vec<Spanned<RawMatcher>>,
    #[serde(default, rename = "cascade")]
    pub cascades: Vec<Spanned<RawMatcher>>,
    pub explanation: Spanned<String>,
    #[serde(default)]
    pub sync: Option<Spanned<String>>,
    #[serde(default)]
    pub rustc: Option<RawRustc>,
    #[serde(default)]
    pub defaults: BTreeMap<String, String>,
    #[serde(default, rename = "fix")]
    pub fixes: Vec<RawFix>,
    #[serde(default, rename = "link")]
    pub links: Vec<RawLink>,
    #[serde(default, rename = "crate")]
    pub crates: Vec<RawCrate>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawMatcher {
    #[serde(default)]
    pub level: Vec<String>,
    #[serde(default)]
    pub code: Vec<String>,
    #[serde(default)]
    pub no_code: bool,
    #[serde(default)]
    pub message: Option<Spanned<RawPattern>>,
    #[serde(default)]
    pub child: Vec<Spanned<RawPattern>>,
    #[serde(default)]
    pub label: Vec<Spanned<RawPattern>>,
    #[serde(default, rename = "type")]
    pub types: Vec<Spanned<RawPattern>>,
    #[serde(default)]
    pub source: Vec<Spanned<RawPattern>>,
    #[serde(default)]
    pub not: Vec<Spanned<RawPattern>>,
    /// A pattern on a runtime panic's message; such a matcher matches panics, not diagnostics.
    #[serde(default)]
    pub panic: Option<Spanned<RawPattern>>,
}

/// A string is a literal substring; `{ regex = '…' }` is a regex.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum RawPattern {
    Literal(String),
    Regex { regex: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRustc {
    pub verdict: Spanned<String>,
    pub note: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFix {
    pub title: Spanned<String>,
    #[serde(default)]
    pub code: Option<Spanned<String>>,
    #[serde(default)]
    pub at: Option<Spanned<RawAt>>,
    #[serde(default)]
    pub replace: Option<Spanned<String>>,
}

/// Where a fix points: `"primary"`, or the span whose label / child message matches.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum RawAt {
    Named(String),
    Label { label: RawPattern },
    Child { child: RawPattern },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    pub title: String,
    pub url: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCrate {
    pub name: String,
    #[serde(default)]
    pub item: Option<String>,
    pub when: String,
    #[serde(default)]
    pub url: Option<Spanned<String>>,
}
