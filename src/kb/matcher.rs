//! A compiled matcher: the conditions under which a diagnostic shows a misconception.
//!
//! Every condition that is present must hold. Lists (`child`, `label`, `type`, `source`) need
//! each of their patterns to match some item; `level` and `code` accept any of their values;
//! `not` patterns must match none of the diagnostic's texts. An entry with several matchers
//! matches when any one of them does.
//!
//! A matcher with a `panic` pattern matches the message of a runtime panic (a program's
//! `thread '…' panicked at …` output) instead of a diagnostic; it has no diagnostic conditions.

use super::condition::{ContextTest, FactCondition, callee_matches, capture_facts, capture_place};
use super::pattern::{Captures, Pattern};
use super::subject::Subject;

#[derive(Debug, Default)]
pub struct Matcher {
    /// Accepted levels (`error`, `warning`…); empty accepts any.
    pub levels: Vec<String>,
    /// Accepted error or lint codes; empty accepts any, including none.
    pub codes: Vec<String>,
    /// Requires the diagnostic to carry no code at all.
    pub no_code: bool,
    pub message: Option<Pattern>,
    pub children: Vec<Pattern>,
    pub labels: Vec<Pattern>,
    pub types: Vec<Pattern>,
    pub sources: Vec<Pattern>,
    pub not: Vec<Pattern>,
    /// The panic message pattern of a panic matcher.
    pub panic: Option<Pattern>,
    /// Conditions on the diagnostic's facts, all of which must hold.
    pub facts: Vec<FactCondition>,
    /// The user's code around the primary span: any of these must hold.
    pub context: Vec<ContextTest>,
    /// The closure or async block around the primary span is passed to one of these.
    pub callee: Vec<String>,
    /// The package of the code depends on one of these crates (never met when its manifest
    /// cannot be read: a fix must not assume a crate the package may lack).
    pub dependency: Vec<String>,
}

impl Matcher {
    /// Returns the captures when the diagnostic satisfies every condition, with the index of the
    /// fact the matcher is about (`${subject}`) among the diagnostic's facts.
    pub fn matches(&self, subject: &Subject<'_>) -> Option<(Captures, Option<usize>)> {
        self.evaluate(subject, false)
    }

    /// `unread_code_holds`: conditions on the user's code count as met when it cannot be read.
    fn evaluate(
        &self,
        subject: &Subject<'_>,
        unread_code_holds: bool,
    ) -> Option<(Captures, Option<usize>)> {
        if self.panic.is_some() {
            return None;
        }
        if !self.levels.is_empty() && !self.levels.iter().any(|l| l == subject.level) {
            return None;
        }
        if self.no_code && subject.code.is_some() {
            return None;
        }
        if !self.codes.is_empty()
            && !subject
                .code
                .is_some_and(|c| self.codes.iter().any(|x| x == c))
        {
            return None;
        }
        let mut captures = Captures::new();
        if let Some(message) = &self.message
            && !message.find(&subject.diagnostic.message, &mut captures)
        {
            return None;
        }
        let child_messages = subject.children.iter().map(|c| c.message.as_str());
        if !all_found(&self.children, child_messages, &mut captures) {
            return None;
        }
        if !all_found(
            &self.labels,
            subject.labels.iter().map(|(l, _)| *l),
            &mut captures,
        ) {
            return None;
        }
        if !all_found(&self.types, subject.quoted.iter().copied(), &mut captures) {
            return None;
        }
        if !all_found(
            &self.sources,
            subject.sources.iter().copied(),
            &mut captures,
        ) {
            return None;
        }
        if self
            .not
            .iter()
            .any(|p| subject.all_texts().any(|t| p.is_match(t)))
        {
            return None;
        }
        let facts = subject.facts();
        let mut chosen = Vec::with_capacity(self.facts.len());
        for condition in &self.facts {
            chosen.push(condition.test(facts)?);
        }
        let about = capture_facts(&self.facts, &chosen, facts, &mut captures);
        let place = subject.place();
        let unknown = place.is_none() && unread_code_holds;
        if !self.context.is_empty()
            && !unknown
            && !place.is_some_and(|p| self.context.iter().any(|c| c.holds(p, subject)))
        {
            return None;
        }
        if !self.callee.is_empty()
            && !unknown
            && !place.is_some_and(|p| callee_matches(p, &self.callee))
        {
            return None;
        }
        if !self.dependency.is_empty()
            && !place.is_some_and(|p| {
                subject
                    .manifest_of(p)
                    .is_some_and(|(_, manifest)| depends_on(&manifest.text, &self.dependency))
            })
        {
            return None;
        }
        if let Some(place) = place {
            capture_place(place, &mut captures);
        }
        Some((captures, about))
    }

    /// Whether a fix's `when` holds for the diagnostic. Conditions on the user's code hold when
    /// the code cannot be read: the fix is shown then, as it would be without the condition.
    pub fn holds(&self, subject: &Subject<'_>) -> bool {
        self.evaluate(subject, true).is_some()
    }

    /// Returns the captures when this is a panic matcher and the panic message satisfies it.
    pub fn matches_panic(&self, message: &str) -> Option<Captures> {
        let pattern = self.panic.as_ref()?;
        let mut captures = Captures::new();
        if !pattern.find(message, &mut captures) || self.not.iter().any(|p| p.is_match(message)) {
            return None;
        }
        Some(captures)
    }

    /// The conditions in words, for the generated documentation.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.levels.is_empty() {
            parts.push(format!("level {}", self.levels.join(" or ")));
        }
        if !self.codes.is_empty() {
            parts.push(format!("code {}", self.codes.join(" or ")));
        }
        if self.no_code {
            parts.push("no code".to_owned());
        }
        let mut list = |what: &str, patterns: &[Pattern]| {
            for p in patterns {
                parts.push(format!("{what} {}", p.describe()));
            }
        };
        list("message", self.message.as_slice());
        list("a child message", &self.children);
        list("a span label", &self.labels);
        list("a quoted type or name", &self.types);
        list("a source line", &self.sources);
        list("nothing", &self.not);
        list("the panic message", self.panic.as_slice());
        for condition in &self.facts {
            parts.push(condition.describe());
        }
        if !self.context.is_empty() {
            let names: Vec<&str> = self.context.iter().map(|c| c.name()).collect();
            parts.push(format!("in code that is {}", names.join(" or ")));
        }
        if !self.callee.is_empty() {
            parts.push(format!(
                "inside an argument of `{}`",
                self.callee.join("` or `")
            ));
        }
        if !self.dependency.is_empty() {
            parts.push(format!(
                "in a package depending on `{}`",
                self.dependency.join("` or `")
            ));
        }
        parts.join(" · ")
    }

    /// Placeholders every match of this matcher fills: the regexes' required captures and the
    /// roles its fact conditions test.
    pub fn captures_always(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .patterns()
            .flat_map(|p| p.required_captures().iter().cloned())
            .collect();
        names.extend(self.facts.iter().map(|c| c.role.name().to_owned()));
        if !self.facts.is_empty() {
            names.push("subject".to_owned());
        }
        names
    }

    /// Placeholders some match of this matcher may fill.
    pub fn captures_possible(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .patterns()
            .flat_map(|p| p.capture_names().iter().cloned())
            .collect();
        for condition in &self.facts {
            names.push(condition.role.name().to_owned());
            names.push(format!("{}_output", condition.role.name()));
        }
        if !self.facts.is_empty() {
            names.push("subject".to_owned());
            names.push("subject_output".to_owned());
        }
        names
    }

    /// Every pattern of the matcher, for validation.
    pub fn patterns(&self) -> impl Iterator<Item = &Pattern> {
        self.panic
            .iter()
            .chain(&self.message)
            .chain(&self.children)
            .chain(&self.labels)
            .chain(&self.types)
            .chain(&self.sources)
    }

    /// Literal texts of which at least one appears in the (JSON-escaped) top-level message of any
    /// diagnostic this matcher accepts, when its `message` pattern has such literals.
    pub fn message_needles(&self) -> Option<Vec<String>> {
        let needles = self.message.as_ref()?.needles()?;
        Some(needles.iter().map(|n| json_escaped(n)).collect())
    }

    /// Literal texts of which at least one appears in the raw JSON line of any diagnostic this
    /// matcher accepts; `None` when the matcher names nothing literal and every line must be parsed.
    /// (Matchers with `code` are pre-filtered on the code instead.)
    pub fn needles(&self) -> Option<Vec<String>> {
        if self.panic.is_some() {
            // A panic matcher never matches a diagnostic: no line needs parsing for it.
            return Some(Vec::new());
        }
        let needles = self.patterns().find_map(Pattern::needles)?;
        Some(needles.iter().map(|n| json_escaped(n)).collect())
    }
}

/// Whether a manifest names one of the crates among its dependencies (any kind, any target).
fn depends_on(manifest: &str, crates: &[String]) -> bool {
    let Ok(table) = manifest.parse::<toml::Table>() else {
        return false;
    };
    let tables = ["dependencies", "dev-dependencies", "build-dependencies"];
    let direct = tables.iter().filter_map(|t| table.get(*t));
    let targets = table
        .get("target")
        .and_then(toml::Value::as_table)
        .into_iter()
        .flat_map(|t| t.values())
        .filter_map(toml::Value::as_table)
        .flat_map(|t| tables.iter().filter_map(|k| t.get(*k)));
    direct
        .chain(targets)
        .filter_map(toml::Value::as_table)
        .any(|deps| crates.iter().any(|c| deps.contains_key(c)))
}

fn all_found<'t>(
    patterns: &[Pattern],
    items: impl Iterator<Item = &'t str> + Clone,
    captures: &mut Captures,
) -> bool {
    patterns
        .iter()
        .all(|p| items.clone().any(|item| p.find(item, captures)))
}

/// The text as it appears inside a JSON string.
fn json_escaped(text: &str) -> String {
    let quoted = serde_json::to_string(text).unwrap_or_default();
    quoted[1..quoted.len().saturating_sub(1)].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needles_are_json_escaped_literals() {
        let by_text = Matcher {
            message: Some(Pattern::Literal("say \"hi\"".into())),
            ..Matcher::default()
        };
        assert_eq!(by_text.needles().unwrap(), [r#"say \"hi\""#]);
        let by_regex = Matcher {
            message: Some(Pattern::regex(r"\w+").unwrap()),
            ..Matcher::default()
        };
        assert!(by_regex.needles().is_none());
        let by_panic = Matcher {
            panic: Some(Pattern::regex("x").unwrap()),
            ..Matcher::default()
        };
        assert_eq!(by_panic.needles().unwrap(), Vec::<String>::new());
    }

    #[test]
    fn a_panic_matcher_matches_panic_messages_only() {
        let matcher = Matcher {
            panic: Some(Pattern::regex("(?<what>timers|IO) (?:are|is) disabled").unwrap()),
            not: vec![Pattern::Literal("JoinError".into())],
            ..Matcher::default()
        };
        let captures = matcher
            .matches_panic("A Tokio 1.x context was found, but timers are disabled.")
            .unwrap();
        assert_eq!(captures["what"], "timers");
        assert!(
            matcher
                .matches_panic("IO is disabled in a JoinError")
                .is_none()
        );
        assert!(matcher.matches_panic("something else").is_none());
        let diagnostic: cargo_metadata::diagnostic::Diagnostic = serde_json::from_str(
            r#"{"message":"timers are disabled","code":null,"level":"error","spans":[],"children":[],"rendered":null}"#,
        )
        .unwrap();
        assert!(matcher.matches(&Subject::new(&diagnostic)).is_none());
    }
}
