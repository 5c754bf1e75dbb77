//! One text pattern of a knowledge-base matcher: a literal substring or a regex with named captures.

use std::collections::BTreeMap;

use regex::Regex;

/// Upper bound on a compiled pattern, so no entry can make matching expensive.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// Captured text longer than this is cut, so templates stay bounded whatever rustc quotes.
pub const MAX_CAPTURE_LEN: usize = 200;

/// A compiled pattern.
#[derive(Debug, Clone)]
pub enum Pattern {
    /// The haystack must contain this text.
    Literal(String),
    /// The regex must match somewhere in the haystack; its named groups become captures.
    Regex(Regex),
}

/// Named captures gathered while matching: placeholder name to captured text.
pub type Captures = BTreeMap<String, String>;

impl Pattern {
    /// Compiles a regex pattern, bounding its size.
    pub fn regex(source: &str) -> Result<Self, regex::Error> {
        regex::RegexBuilder::new(source)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
            .map(Pattern::Regex)
    }

    /// Names of the capture groups this pattern defines.
    pub fn capture_names(&self) -> Vec<&str> {
        match self {
            Pattern::Literal(_) => Vec::new(),
            Pattern::Regex(re) => re.capture_names().flatten().collect(),
        }
    }

    /// The literal text every match must contain, when the pattern is a literal.
    pub fn literal(&self) -> Option<&str> {
        match self {
            Pattern::Literal(text) => Some(text),
            Pattern::Regex(_) => None,
        }
    }

    /// Matches the haystack; on success adds named captures to `captures` (first capture wins).
    pub fn find(&self, haystack: &str, captures: &mut Captures) -> bool {
        match self {
            Pattern::Literal(text) => haystack.contains(text.as_str()),
            Pattern::Regex(re) => {
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
            Pattern::Regex(re) => re.is_match(haystack),
        }
    }
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
