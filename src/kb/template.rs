//! Text templates of knowledge-base entries: `${name}` placeholders filled from captures.
//!
//! `${name}` stands for a capture (or the entry's default for it); `${name:code}` writes a capture
//! as code, between backticks, and the default as it is (a default is often words, such as "a
//! local value", where a capture is a name); `$$` writes a literal `$`.
//! Any other `$` is kept as it is, so Rust code such as `macro_rules!` bodies stays readable.

use std::borrow::Cow;

use super::pattern::Captures;

/// A template split into literal text and placeholder names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Placeholder(String),
}

/// A `${` that is never closed.
#[derive(Debug, PartialEq, Eq)]
pub struct UnclosedPlaceholder {
    pub offset: usize,
}

impl Template {
    pub fn parse(source: &str) -> Result<Self, UnclosedPlaceholder> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut rest = source;
        while let Some(dollar) = rest.find('$') {
            text.push_str(&rest[..dollar]);
            let after = &rest[dollar + 1..];
            if let Some(tail) = after.strip_prefix('$') {
                text.push('$');
                rest = tail;
            } else if let Some(inner) = after.strip_prefix('{') {
                let close = inner.find('}').ok_or(UnclosedPlaceholder {
                    offset: source.len() - rest.len() + dollar,
                })?;
                if !text.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut text)));
                }
                parts.push(Part::Placeholder(inner[..close].trim().to_owned()));
                rest = &inner[close + 1..];
            } else {
                text.push('$');
                rest = after;
            }
        }
        text.push_str(rest);
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Ok(Template { parts })
    }

    /// The placeholder names the template uses (without a `:code` modifier).
    pub fn placeholders(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Placeholder(name) => Some(split_modifier(name).0),
            Part::Text(_) => None,
        })
    }

    /// Fills the placeholders; a name with neither capture nor default is written back as `${name}`.
    pub fn fill<'a>(&'a self, captures: &Captures, defaults: &Captures) -> Cow<'a, str> {
        if let [Part::Text(text)] = self.parts.as_slice() {
            return Cow::Borrowed(text);
        }
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Placeholder(written) => {
                    let (name, as_code) = split_modifier(written);
                    match (captures.get(name), defaults.get(name)) {
                        // A value that quotes code itself (``future of `f()` ``) is words.
                        (Some(value), _) if as_code && !value.contains('`') => {
                            out.push('`');
                            out.push_str(value);
                            out.push('`');
                        }
                        (Some(value), _) | (None, Some(value)) => out.push_str(value),
                        (None, None) => {
                            out.push_str("${");
                            out.push_str(written);
                            out.push('}');
                        }
                    }
                }
            }
        }
        Cow::Owned(out)
    }
}

/// `binding:code` is (`binding`, true).
fn split_modifier(written: &str) -> (&str, bool) {
    match written.strip_suffix(":code") {
        Some(name) => (name, true),
        None => (written, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps(pairs: &[(&str, &str)]) -> Captures {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn fills_captures_then_defaults_and_keeps_rust_code() {
        let t = Template::parse("let ${binding} = { ${ty} }; $$x $y").unwrap();
        let filled = t.fill(&caps(&[("binding", "guard")]), &caps(&[("ty", "i32")]));
        assert_eq!(filled, "let guard = { i32 }; $x $y");
        assert_eq!(t.placeholders().collect::<Vec<_>>(), ["binding", "ty"]);
    }

    #[test]
    fn code_placeholders_quote_captures_but_not_defaults() {
        let t = Template::parse("borrows ${binding:code}").unwrap();
        let defaults = caps(&[("binding", "a local value")]);
        assert_eq!(t.fill(&caps(&[("binding", "x")]), &defaults), "borrows `x`");
        assert_eq!(t.fill(&Captures::new(), &defaults), "borrows a local value");
        assert_eq!(t.placeholders().collect::<Vec<_>>(), ["binding"]);
        let quoted = caps(&[("binding", "future of `f()`")]);
        assert_eq!(t.fill(&quoted, &defaults), "borrows future of `f()`");
    }

    #[test]
    fn unclosed_placeholder_is_an_error_with_its_offset() {
        assert_eq!(
            Template::parse("ok ${oops").unwrap_err(),
            UnclosedPlaceholder { offset: 3 }
        );
    }

    #[test]
    fn missing_values_stay_visible() {
        let t = Template::parse("${nope}").unwrap();
        assert_eq!(t.fill(&Captures::new(), &Captures::new()), "${nope}");
    }
}
