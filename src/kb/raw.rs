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
    // Facts (`src/facts`): kinds of the type in a role, or names, for the roles of that name.
    #[serde(default)]
    pub expected: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub found: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub self_type: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub within: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub operand: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub receiver: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub held: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub captured: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub awaited: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub returned: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub opaque: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub unsatisfied: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub required_by: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub binding: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub method: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub async_method: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub field: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub function: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub dyn_trait: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub hint: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub distinct: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub not_async: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub scrutinee: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub trait_arg: Option<Spanned<OneOrMany>>,
    #[serde(default)]
    pub trait_def: Option<Spanned<OneOrMany>>,
    /// What encloses the primary span in the user's code (`sync fn`, `async`, …).
    #[serde(default)]
    pub context: Option<Spanned<OneOrMany>>,
    /// The function a closure or async block around the primary span is passed to.
    #[serde(default)]
    pub callee: Option<Spanned<OneOrMany>>,
    /// The package of the primary span depends on one of these crates (its `Cargo.toml`).
    #[serde(default)]
    pub dependency: Option<Spanned<OneOrMany>>,
}

impl RawMatcher {
    /// The fact conditions, by role key.
    pub fn facts(&self) -> Vec<(&'static str, &Spanned<OneOrMany>)> {
        // Roles a matcher is about first (the first one found becomes `${subject}`).
        let all = [
            ("found", &self.found),
            ("operand", &self.operand),
            ("receiver", &self.receiver),
            ("self_type", &self.self_type),
            ("held", &self.held),
            ("captured", &self.captured),
            ("awaited", &self.awaited),
            ("returned", &self.returned),
            ("scrutinee", &self.scrutinee),
            ("trait_arg", &self.trait_arg),
            ("within", &self.within),
            ("opaque", &self.opaque),
            ("expected", &self.expected),
            ("unsatisfied", &self.unsatisfied),
            ("required_by", &self.required_by),
            ("binding", &self.binding),
            ("method", &self.method),
            ("async_method", &self.async_method),
            ("field", &self.field),
            ("function", &self.function),
            ("dyn_trait", &self.dyn_trait),
            ("hint", &self.hint),
            ("distinct", &self.distinct),
            ("not_async", &self.not_async),
            ("trait_def", &self.trait_def),
        ];
        all.into_iter()
            .filter_map(|(key, value)| value.as_ref().map(|v| (key, v)))
            .collect()
    }
}

/// A value or a list of values.
#[derive(Deserialize, Clone)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn items(&self) -> Vec<String> {
        match self {
            OneOrMany::One(one) => vec![one.clone()],
            OneOrMany::Many(many) => many.clone(),
        }
    }
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
    /// Whether `fix` may apply rustc's own suggestions for the diagnostic (not when they only
    /// silence it); default: unless the verdict is `misleading`.
    #[serde(default)]
    pub apply: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFix {
    pub title: Spanned<String>,
    /// When the fix applies: the same conditions as a matcher (most often `context`, `callee` or
    /// facts); a fix whose conditions fail for this code is not shown.
    #[serde(default)]
    pub when: Option<Spanned<RawMatcher>>,
    #[serde(default)]
    pub code: Option<Spanned<String>>,
    #[serde(default)]
    pub at: Option<Spanned<RawAt>>,
    /// Shorthand for `edit = "replace"` with this `text`.
    #[serde(default)]
    pub replace: Option<Spanned<String>>,
    /// An edit of the user's code built at `at` (`src/edit`): `"await"`, `"move"`, …, or a list
    /// of them made together (`["async-fn", "await"]`).
    #[serde(default)]
    pub edit: Option<Spanned<OneOrMany>>,
    /// The argument of an edit that takes one (a template).
    #[serde(default)]
    pub text: Option<Spanned<String>>,
    /// `"machine"` when the edit certainly compiles to the intended meaning, else `"maybe"`.
    #[serde(default)]
    pub applicability: Option<Spanned<String>>,
}

/// Where a fix points: `"primary"`, `"subject"` (the fact the matcher is about), a role's fact
/// (`"held"`, `"binding"`…), or the span whose label / child message matches.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum RawAt {
    Named(String),
    Label { label: RawPattern },
    Child { child: RawPattern },
    Suggestion { suggestion: RawPattern },
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
