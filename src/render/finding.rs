//! A diagnostic as the CI formats report it: its severity, the span it is pinned to, the rule it
//! breaks (a knowledge-base entry, rustc's or clippy's code, or a rule derived from the message of
//! an error without a code) and a fingerprint that survives lines shifting. Built once per
//! diagnostic from the pipeline's event; pure.

use std::borrow::Cow;

use cargo_metadata::diagnostic::Diagnostic;
use serde::Deserialize;

use super::location::{FilePath, Located, Workspace, locate, span_source};
use super::{Event, Relation, Root};
use crate::explain::Explanation;
use crate::input::Shape;
use crate::kb::Entry;

/// How serious a finding is, in the three levels CI systems know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    /// rustc's `note` and `help`.
    Note,
}

impl Severity {
    /// The severity of a rustc level; `None` for `failure-note` ("For more information about this
    /// error, try …"), which reports nothing of its own.
    pub fn of(level: &str) -> Option<Severity> {
        match level {
            "error" | "error: internal compiler error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "failure-note" => None,
            _ => Some(Severity::Note),
        }
    }

    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Note];

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The rule a finding reports.
#[derive(Debug, Clone)]
pub enum Rule<'a> {
    /// A knowledge-base entry explains the diagnostic.
    Entry(&'a Entry),
    /// The diagnostic repeats one an entry explained earlier in the stream: that entry's id.
    Repeat(&'a str),
    /// The compiler's code: `E0382`, a lint such as `unused_variables` or `clippy::let_underscore_future`.
    Code(&'a str),
    /// A diagnostic without a code: a rule of its own, derived from its message.
    Message(String),
}

impl Rule<'_> {
    pub fn id(&self) -> Cow<'_, str> {
        match self {
            Rule::Entry(entry) => Cow::Owned(format!("async-explain::{}", entry.id)),
            Rule::Repeat(id) => Cow::Owned(format!("async-explain::{id}")),
            Rule::Code(code) => Cow::Borrowed(code),
            Rule::Message(id) => Cow::Borrowed(id),
        }
    }
}

/// One diagnostic to report.
pub struct Finding<'a> {
    pub severity: Severity,
    /// The level as rustc spells it (`error`, `warning`, `note`, `help`).
    pub level: &'a str,
    pub diagnostic: &'a Diagnostic,
    /// The span the finding is pinned to (see [`locate`]); `None` when the diagnostic has no span.
    pub location: Option<Located<'a>>,
    /// For a diagnostic without a span, the manifest of the package it came from (when cargo
    /// said), so formats that need a file have one.
    pub manifest: Option<FilePath>,
    pub rule: Rule<'a>,
    pub explanations: &'a [Explanation<'a>],
    pub follows: Option<&'a Root>,
}

impl<'a> Finding<'a> {
    /// The finding of a stream event, or `None` when there is nothing to report: any event but
    /// a diagnostic, a `failure-note`, a warning or note without any span (rustc's "2 warnings
    /// emitted"), or a diagnostic that could not be parsed. An error is always a finding, span
    /// or not.
    pub fn new(event: &Event<'a>, workspace: &Workspace) -> Option<Self> {
        let Event::Diagnostic(event) = *event else {
            return None;
        };
        let diagnostic = event.diagnostic?;
        let severity = Severity::of(event.level)?;
        let location = locate(workspace, diagnostic);
        if location.is_none() && severity != Severity::Error {
            return None;
        }
        let manifest = match (&location, event.shape) {
            (None, Shape::Cargo) => manifest_path(event.raw).map(|p| workspace.file(&p)),
            _ => None,
        };
        let repeat = event
            .follows
            .filter(|root| root.relation == Relation::SameAs);
        let rule = match (event.explanations.first(), repeat, &diagnostic.code) {
            (Some(e), _, _) => Rule::Entry(e.entry),
            (None, Some(root), _) => Rule::Repeat(&root.id),
            (None, None, Some(code)) if !code.code.is_empty() => Rule::Code(&code.code),
            (None, None, _) => Rule::Message(derived_rule_id(&diagnostic.message)),
        };
        Some(Finding {
            severity,
            level: event.level,
            diagnostic,
            location,
            manifest,
            rule,
            explanations: event.explanations,
            follows: event.follows,
        })
    }

    /// The first explanation, when a knowledge-base entry explains the diagnostic.
    pub fn explanation(&self) -> Option<&Explanation<'a>> {
        self.explanations.first()
    }

    /// The misconception's title: the explanation's, or for a repeat of a diagnostic explained
    /// earlier, that one's.
    pub fn misconception(&self) -> Option<&str> {
        match (self.explanation(), self.follows) {
            (Some(e), _) => Some(&e.title),
            (None, Some(root)) if root.relation == Relation::SameAs => Some(&root.title),
            _ => None,
        }
    }

    /// Whether a knowledge-base entry explains the diagnostic, here or (for a repeat) earlier.
    pub fn is_explained(&self) -> bool {
        self.misconception().is_some()
    }

    /// How the diagnostic relates to an earlier explained one, as a sentence.
    pub fn relation(&self) -> Option<String> {
        let root = self.follows?;
        Some(match root.relation {
            Relation::CausedBy => format!(
                "this error follows from an earlier one: {}; fix that error first",
                root.title
            ),
            Relation::SameAs => format!(
                "the same mistake as a diagnostic explained earlier: {}",
                root.title
            ),
        })
    }

    /// The file the finding is reported in: its location's, else its package manifest's.
    pub fn file(&self) -> Option<&FilePath> {
        self.location
            .as_ref()
            .map(|l| &l.file)
            .or(self.manifest.as_ref())
    }

    /// `error[E0382]: use of moved value: `tx`` (the first line of the message), as rustc heads it.
    pub fn headline(&self) -> String {
        let message = self.diagnostic.message.lines().next().unwrap_or("");
        match &self.diagnostic.code {
            Some(code) if !code.code.is_empty() => {
                format!("{}[{}]: {message}", self.level, code.code)
            }
            _ => format!("{}: {message}", self.level),
        }
    }

    /// A hash of the rule, the file, the message and the source text under the location: the
    /// same finding keeps it when lines above it are added or removed.
    pub fn fingerprint(&self) -> u64 {
        let file = self.file().map_or("", |f| f.path.as_str());
        let source = self
            .location
            .as_ref()
            .map(|l| span_source(l.span))
            .unwrap_or_default();
        fnv1a(&[
            self.rule.id().as_bytes(),
            file.as_bytes(),
            self.diagnostic.message.as_bytes(),
            source.as_bytes(),
        ])
    }
}

/// 64-bit FNV-1a over the parts, each followed by a 0xff byte (which UTF-8 text never holds), so
/// `["ab", "c"]` and `["a", "bc"]` differ. Stable across Rust versions and platforms, unlike
/// std's `DefaultHasher`.
pub fn fnv1a(parts: &[&[u8]]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for part in parts {
        for byte in part.iter().chain(&[0xff]) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// The rule id of a diagnostic without a code: `rustc::` and its message's first line in
/// lowercase words joined by `-`, with backtick-quoted names left out and numbers as `n`, so one
/// kind of error gets one rule whatever it names (`future cannot be sent between threads safely`
/// → `rustc::future-cannot-be-sent-between-threads-safely`). Never empty.
pub fn derived_rule_id(message: &str) -> String {
    const MAX: usize = 80;
    let first = message.lines().next().unwrap_or("");
    let mut slug = String::new();
    let mut quoted = false;
    let mut gap = false;
    let mut chars = first.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '`' {
            quoted = !quoted;
            gap = true;
            continue;
        }
        if quoted {
            continue;
        }
        let word = if c.is_ascii_alphabetic() {
            c.to_ascii_lowercase()
        } else if c.is_ascii_digit() {
            while chars.peek().is_some_and(char::is_ascii_digit) {
                chars.next();
            }
            'n'
        } else {
            gap = true;
            continue;
        };
        if gap && !slug.is_empty() {
            slug.push('-');
        }
        gap = false;
        slug.push(word);
    }
    if slug.len() > MAX {
        let cut = slug[..MAX].rfind('-').unwrap_or(MAX);
        slug.truncate(cut);
    }
    if slug.is_empty() {
        slug.push_str("error-without-code");
    }
    format!("rustc::{slug}")
}

/// Where to read about a compiler code: the error index for `E0123`, clippy's lint list for
/// `clippy::name`, rustc's lint listing otherwise.
pub fn code_help_uri(code: &str) -> String {
    let is_error_code =
        code.len() == 5 && code.starts_with('E') && code[1..].bytes().all(|b| b.is_ascii_digit());
    if is_error_code {
        format!("https://doc.rust-lang.org/error_codes/{code}.html")
    } else if let Some(lint) = code.strip_prefix("clippy::") {
        format!("https://rust-lang.github.io/rust-clippy/master/index.html#{lint}")
    } else {
        "https://doc.rust-lang.org/rustc/lints/listing/index.html".to_owned()
    }
}

/// The package manifest named by cargo's envelope around a diagnostic.
fn manifest_path(raw: &[u8]) -> Option<String> {
    #[derive(Deserialize)]
    struct Envelope {
        manifest_path: Option<String>,
    }
    serde_json::from_slice::<Envelope>(raw).ok()?.manifest_path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_vectors() {
        // Without the separator byte, FNV-1a 64 of "" and "a" are the published test vectors.
        let plain = |bytes: &[u8]| {
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for b in bytes {
                hash ^= u64::from(*b);
                hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            }
            hash
        };
        assert_eq!(plain(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(plain(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(plain(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(fnv1a(&[b"a"]), plain(b"a\xff"));
        assert_ne!(fnv1a(&[b"ab", b"c"]), fnv1a(&[b"a", b"bc"]));
    }

    #[test]
    fn code_less_rules_are_stable_slugs_of_the_message() {
        assert_eq!(
            derived_rule_id("future cannot be sent between threads safely"),
            "rustc::future-cannot-be-sent-between-threads-safely"
        );
        assert_eq!(
            derived_rule_id("implementation of `FnOnce` is not general enough"),
            derived_rule_id("implementation of `Send` is not general enough")
        );
        assert_eq!(
            derived_rule_id("aborting due to 12 previous errors"),
            "rustc::aborting-due-to-n-previous-errors"
        );
        assert_eq!(
            derived_rule_id(
                "The default runtime flavor is `multi_thread`, but the `rt-multi-thread` feature is disabled."
            ),
            "rustc::the-default-runtime-flavor-is-but-the-feature-is-disabled"
        );
        assert_eq!(derived_rule_id("`x`"), "rustc::error-without-code");
        assert_eq!(derived_rule_id(""), "rustc::error-without-code");
        let long = derived_rule_id(&"word ".repeat(100));
        assert!(
            long.len() <= "rustc::".len() + 80 && !long.ends_with('-'),
            "{long}"
        );
    }

    #[test]
    fn code_help_links() {
        assert_eq!(
            code_help_uri("E0382"),
            "https://doc.rust-lang.org/error_codes/E0382.html"
        );
        assert!(code_help_uri("clippy::let_underscore_future").ends_with("#let_underscore_future"));
        assert!(code_help_uri("unused_variables").contains("/rustc/lints/"));
    }
}
