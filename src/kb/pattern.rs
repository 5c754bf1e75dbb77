//! One text pattern of a knowledge-base matcher: a literal substring or a regex with named captures.
//!
//! Regexes are checked when the knowledge base loads (syntax, capture names, which captures every
//! match is sure to have, the literals every match contains) but compiled only on first use: a
//! run that meets no candidate diagnostic compiles none, so start-up stays fast and small.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;
use regex_syntax::hir::{Hir, HirKind, literal};

/// Upper bounds on a compiled regex and on its lazy-DFA cache, so no entry can make matching
/// expensive in time or memory.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
const DFA_SIZE_LIMIT: usize = 256 << 10;
/// Captured text longer than this is cut, so templates stay bounded whatever rustc quotes.
pub const MAX_CAPTURE_LEN: usize = 200;
/// Literal needles shorter than this are not worth a pre-filter.
const MIN_NEEDLE: usize = 3;

/// A compiled pattern.
#[derive(Debug)]
pub enum Pattern {
    /// The haystack must contain this text.
    Literal(String),
    /// The regex must match somewhere in the haystack; its named groups become captures.
    Regex(Box<LazyRegex>),
}

/// A regex checked at load time and compiled on first use.
#[derive(Debug)]
pub struct LazyRegex {
    source: String,
    names: Vec<String>,
    /// Names captured by every match (not inside an optional or alternative part).
    required: Vec<String>,
    /// Literals one of which every match contains, when the regex has such a set.
    needles: Option<Vec<String>>,
    compiled: OnceLock<Option<Regex>>,
}

/// Named captures gathered while matching: placeholder name to captured text.
pub type Captures = BTreeMap<String, String>;

impl Pattern {
    /// Checks a regex (syntax and size) without compiling it for matching.
    pub fn regex(source: &str) -> Result<Self, String> {
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(source)
            .map_err(|e| e.to_string())?;
        let mut names = Vec::new();
        all_names(&hir, &mut names);
        Ok(Pattern::Regex(Box::new(LazyRegex {
            source: source.to_owned(),
            names,
            required: required_names(&hir),
            needles: needles(&hir),
            compiled: OnceLock::new(),
        })))
    }

    /// Names of the capture groups this pattern defines.
    pub fn capture_names(&self) -> &[String] {
        match self {
            Pattern::Literal(_) => &[],
            Pattern::Regex(re) => &re.names,
        }
    }

    /// Names of the capture groups every match of this pattern fills.
    pub fn required_captures(&self) -> &[String] {
        match self {
            Pattern::Literal(_) => &[],
            Pattern::Regex(re) => &re.required,
        }
    }

    /// Texts one of which appears in any haystack this pattern matches; `None` when unknown.
    pub fn needles(&self) -> Option<Vec<String>> {
        match self {
            Pattern::Literal(text) => Some(vec![text.clone()]),
            Pattern::Regex(re) => re.needles.clone(),
        }
    }

    /// The pattern in words: `contains "…"` or `matches /…/`.
    pub fn describe(&self) -> String {
        match self {
            Pattern::Literal(text) => format!("contains `{}`", text.replace('`', "ˋ")),
            Pattern::Regex(re) => format!("matches `{}`", re.source.replace('`', "ˋ")),
        }
    }

    /// Compiles the regex now, reporting a size-limit error; literals are always ready.
    pub fn compile(&self) -> Result<(), String> {
        match self {
            Pattern::Literal(_) => Ok(()),
            Pattern::Regex(re) => build(&re.source).map(drop).map_err(|e| e.to_string()),
        }
    }

    /// Matches the haystack; on success adds named captures to `captures` (first capture wins).
    pub fn find(&self, haystack: &str, captures: &mut Captures) -> bool {
        match self {
            Pattern::Literal(text) => haystack.contains(text.as_str()),
            Pattern::Regex(lazy) => {
                let Some(re) = lazy.get() else { return false };
                let Some(found) = re.captures(haystack) else {
                    return false;
                };
                for name in re.capture_names().flatten() {
                    if let Some(m) = found.name(name) {
                        captures
                            .entry(name.to_owned())
                            .or_insert_with(|| bounded(m.as_str()));
                    }
                }
                true
            }
        }
    }

    /// True when the pattern matches, without collecting captures.
    pub fn is_match(&self, haystack: &str) -> bool {
        match self {
            Pattern::Literal(text) => haystack.contains(text.as_str()),
            Pattern::Regex(lazy) => lazy.get().is_some_and(|re| re.is_match(haystack)),
        }
    }
}

impl LazyRegex {
    /// The compiled regex; `None` only if it exceeds the size limits (the knowledge-base tests
    /// compile every shipped pattern, so that cannot happen to them).
    fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| build(&self.source).ok())
            .as_ref()
    }
}

fn build(source: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(source)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .build()
}

fn all_names(hir: &Hir, out: &mut Vec<String>) {
    match hir.kind() {
        HirKind::Capture(cap) => {
            if let Some(name) = &cap.name {
                out.push(name.to_string());
            }
            all_names(&cap.sub, out);
        }
        HirKind::Repetition(rep) => all_names(&rep.sub, out),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().for_each(|s| all_names(s, out));
        }
        _ => {}
    }
}

fn required_names(hir: &Hir) -> Vec<String> {
    match hir.kind() {
        HirKind::Capture(cap) => {
            let mut names = required_names(&cap.sub);
            if let Some(name) = &cap.name {
                names.push(name.to_string());
            }
            names
        }
        HirKind::Repetition(rep) if rep.min > 0 => required_names(&rep.sub),
        HirKind::Concat(subs) => subs.iter().flat_map(required_names).collect(),
        HirKind::Alternation(subs) => {
            let mut branches = subs.iter().map(required_names);
            let first = branches.next().unwrap_or_default();
            branches.fold(first, |acc, b| {
                acc.into_iter().filter(|n| b.contains(n)).collect()
            })
        }
        _ => Vec::new(),
    }
}

fn needles(hir: &Hir) -> Option<Vec<String>> {
    let seq = literal::Extractor::new().extract(hir);
    let literals = seq.literals()?;
    if literals.is_empty() || literals.len() > 16 {
        return None;
    }
    literals
        .iter()
        .map(|lit| {
            let text = std::str::from_utf8(lit.as_bytes()).ok()?;
            (text.len() >= MIN_NEEDLE).then(|| text.to_owned())
        })
        .collect()
}

fn bounded(text: &str) -> String {
    if text.len() <= MAX_CAPTURE_LEN {
        return text.to_owned();
    }
    let mut end = MAX_CAPTURE_LEN;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regex_captures_named_groups_and_keeps_the_first() {
        let p = Pattern::regex(r"with `(?:mut )?(?<binding>\w+)` maybe used later").unwrap();
        let mut caps = Captures::new();
        assert!(p.find(
            "await occurs here, with `mut lock` maybe used later",
            &mut caps
        ));
        assert_eq!(caps["binding"], "lock");
        assert!(p.find(
            "await occurs here, with `other` maybe used later",
            &mut caps
        ));
        assert_eq!(caps["binding"], "lock");
    }

    #[test]
    fn captures_in_optional_or_alternative_parts_are_not_required() {
        let p = Pattern::regex(r"(?<a>x)(?:(?<b>y))?(?:(?<c>z)|(?<c2>w))(?<d>q)+").unwrap();
        assert_eq!(p.capture_names(), ["a", "b", "c", "c2", "d"]);
        assert_eq!(p.required_captures(), ["a", "d"]);
    }

    #[test]
    fn needles_are_the_literals_every_match_contains() {
        let p = Pattern::regex(r"has type `(?:std::marker::)?Send`").unwrap();
        let mut needles = p.needles().unwrap();
        needles.sort();
        assert_eq!(needles, ["has type `Send`", "has type `std::marker::Send`"]);
        assert!(Pattern::regex(r"\w+ maybe").unwrap().needles().is_none());
    }

    #[test]
    fn syntax_errors_are_reported_at_load_and_nothing_is_compiled_early() {
        assert!(Pattern::regex("(unclosed").is_err());
        let Pattern::Regex(lazy) = Pattern::regex("a+").unwrap() else {
            unreachable!()
        };
        assert!(lazy.compiled.get().is_none());
    }

    #[test]
    fn long_captures_are_cut_on_a_char_boundary() {
        let p = Pattern::regex("(?<all>.*)").unwrap();
        let mut caps = Captures::new();
        let text = "é".repeat(MAX_CAPTURE_LEN);
        p.find(&text, &mut caps);
        assert!(caps["all"].len() <= MAX_CAPTURE_LEN + '…'.len_utf8());
        assert!(caps["all"].ends_with('…'));
    }

    #[test]
    fn literal_is_a_substring_test() {
        let p = Pattern::Literal("cannot be sent".into());
        assert!(p.is_match("future cannot be sent between threads safely"));
        assert!(!p.is_match("future can be sent"));
    }
}
