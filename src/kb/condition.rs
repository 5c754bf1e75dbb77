//! The conditions of a matcher on facts (`found = "future"`, `unsatisfied = "Send"`) and on the
//! user's code around the primary span (`context = "sync fn"`, `callee = "tokio::spawn"`), and the
//! placeholders they fill. The facts come from `src/facts`, the code from `src/source`.

use crate::facts::{Fact, Facts, KindTest, Role, kind};
use crate::source::{Place, ScopeKind, find};

use super::subject::Subject;

use super::pattern::Captures;

/// A condition on the facts of one role.
#[derive(Debug, Clone)]
pub struct FactCondition {
    pub role: Role,
    pub test: FactTest,
}

#[derive(Debug, Clone)]
pub enum FactTest {
    /// For a type role: one fact must pass every group, a group passing when any of its kind
    /// tests does (`["future", "!stream"]`, `"guard|refcell-ref"`).
    Kinds(Vec<Vec<KindTest>>),
    /// For a name role: some fact must have one of these names (`*`: any name).
    Names(Vec<String>),
}

impl FactCondition {
    /// Parses the values a matcher gives for a role key; the error says what is wrong.
    pub fn parse(key: &str, values: &[String]) -> Result<FactCondition, String> {
        let role = Role::from_name(key).ok_or_else(|| format!("unknown role `{key}`"))?;
        if values.is_empty() || values.iter().any(|v| v.trim().is_empty()) {
            return Err(format!("`{key}` needs at least one non-empty value"));
        }
        let test = if role.is_type() {
            let mut groups = Vec::new();
            for value in values {
                let mut group = Vec::new();
                for alternative in value.split('|') {
                    let test = KindTest::parse(alternative.trim()).ok_or_else(|| {
                        let known: Vec<&str> = kind::Kind::ALL.iter().map(|(n, _)| *n).collect();
                        format!(
                            "`{alternative}` is not a kind (write a kind, `!kind` or `&kind`; kinds: {})",
                            known.join(", ")
                        )
                    })?;
                    group.push(test);
                }
                groups.push(group);
            }
            FactTest::Kinds(groups)
        } else {
            FactTest::Names(values.to_vec())
        };
        Ok(FactCondition { role, test })
    }

    /// Asks for a kind or a name, not only for a kind's absence.
    pub fn is_positive(&self) -> bool {
        match &self.test {
            FactTest::Kinds(groups) => groups.iter().any(|g| g.iter().all(|t| !t.negated)),
            FactTest::Names(_) => true,
        }
    }

    /// Whether the condition holds, and the fact it is about: the first fact of the role that
    /// passes. A purely negative condition (`expected = "!future"`) holds when no fact of the
    /// role has the kind: rustc often says a type twice (a label and a note), in two spellings.
    pub fn test<'f, 'd>(&self, facts: &'f Facts<'d>) -> Option<Option<&'f Fact<'d>>> {
        let passes = |fact: &Fact<'_>| match &self.test {
            FactTest::Kinds(groups) => fact.ty.as_ref().is_some_and(|ty| {
                groups
                    .iter()
                    .all(|group| group.iter().any(|test| kind::matches(ty, test)))
            }),
            FactTest::Names(names) => names.iter().any(|name| name_matches(name, fact)),
        };
        if self.is_positive() {
            facts.of(self.role).find(|f| passes(f)).map(Some)
        } else {
            facts
                .of(self.role)
                .all(passes)
                .then(|| facts.first(self.role))
        }
    }

    pub fn describe(&self) -> String {
        match &self.test {
            FactTest::Kinds(groups) => {
                let groups: Vec<String> = groups
                    .iter()
                    .map(|g| g.iter().map(describe_kind).collect::<Vec<_>>().join(" or "))
                    .collect();
                format!("{} is {}", self.role.name(), groups.join(" and "))
            }
            FactTest::Names(names) => format!("{} is `{}`", self.role.name(), names.join("` or `")),
        }
    }
}

fn describe_kind(test: &KindTest) -> String {
    format!(
        "{}{}{}",
        if test.negated { "not " } else { "" },
        if test.behind_reference {
            "a reference to "
        } else {
            ""
        },
        test.kind.name()
    )
}

/// `Send` matches `std::marker::Send`; `tokio::spawn` matches a path ending in those segments;
/// `tokio::*` a path starting with `tokio::`; `*` matches any name.
fn name_matches(name: &str, fact: &Fact<'_>) -> bool {
    if name == "*" || name == fact.text {
        return true;
    }
    if let Some(prefix) = name.strip_suffix("::*") {
        let path = fact.path();
        return path.starts_with(&format!("{prefix}::")) || path.contains(&format!("::{prefix}::"));
    }
    if name.contains("::") {
        let path = fact.path();
        path == name || path.ends_with(&format!("::{name}"))
    } else {
        fact.name() == name
    }
}

/// Fills the placeholders of the facts a matcher's conditions found (`${found}`, and
/// `${found_output}` for a future whose output rustc spelled), then those of the first fact of
/// every other role, without replacing captures already made.
///
/// The fact of the first condition that asks for a kind (not only for its absence) is also
/// `${subject}` (and `${subject_output}`): what the matcher is about, whichever role rustc gave
/// it (the found type of a mismatch, the operand of an operator, the receiver of a method).
/// Returns the subject fact's index in `facts`.
pub fn capture_facts(
    conditions: &[FactCondition],
    chosen: &[Option<&Fact<'_>>],
    facts: &Facts<'_>,
    captures: &mut Captures,
) -> Option<usize> {
    let subject = conditions
        .iter()
        .position(FactCondition::is_positive)
        .and_then(|i| chosen.get(i).copied().flatten())
        .or(chosen.iter().copied().flatten().next());
    let index = subject.and_then(|s| facts.facts.iter().position(|f| std::ptr::eq(f, s)));
    if let Some(subject) = subject {
        captures
            .entry("subject".into())
            .or_insert_with(|| subject.display());
        if let Some(output) = subject.ty.as_ref().and_then(kind::future_output) {
            captures
                .entry("subject_output".into())
                .or_insert_with(|| output.to_string());
        }
    }
    for fact in chosen.iter().copied().flatten().chain(facts.facts.iter()) {
        let name = fact.role.name();
        if captures.contains_key(name) {
            continue;
        }
        let value = match fact.role {
            Role::Unsatisfied | Role::DynTrait => fact.name(),
            Role::RequiredBy => fact.path(),
            _ => fact.display(),
        };
        captures.insert(name.to_owned(), value);
        if let Some(output) = fact.ty.as_ref().and_then(kind::future_output) {
            captures
                .entry(format!("{name}_output"))
                .or_insert_with(|| output.to_string());
        }
    }
    index
}

/// One accepted value of `context`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContextTest {
    /// The innermost function, closure or block is async.
    Async,
    /// It is not.
    Sync,
    AsyncFn,
    SyncFn,
    AsyncBlock,
    AsyncClosure,
    /// A closure that is not async.
    Closure,
    /// Not async, but inside something that is (a sync closure in an `async fn`).
    SyncInAsync,
    /// The innermost function is `main`.
    Main,
    /// The innermost function is a test (`#[test]`, `#[tokio::test]`).
    Test,
    /// The innermost function is a method (in an `impl` or `trait`).
    Method,
    /// rustc's span is an async block, or a call that boxes or pins one.
    AtAsyncBlock,
    /// The trait rustc says cannot be `dyn` is async: it has an `async fn`, a method returning a
    /// future, or `#[async_trait]` (or it is one of the `AsyncFn*` traits).
    AsyncTrait,
}

impl ContextTest {
    pub const ALL: &'static [(&'static str, ContextTest)] = &[
        ("async", ContextTest::Async),
        ("sync", ContextTest::Sync),
        ("async fn", ContextTest::AsyncFn),
        ("sync fn", ContextTest::SyncFn),
        ("async block", ContextTest::AsyncBlock),
        ("async closure", ContextTest::AsyncClosure),
        ("closure", ContextTest::Closure),
        ("sync in async", ContextTest::SyncInAsync),
        ("main", ContextTest::Main),
        ("test", ContextTest::Test),
        ("method", ContextTest::Method),
        ("at async block", ContextTest::AtAsyncBlock),
        ("async trait", ContextTest::AsyncTrait),
    ];

    pub fn parse(text: &str) -> Result<ContextTest, String> {
        Self::ALL
            .iter()
            .find(|(n, _)| *n == text)
            .map(|(_, t)| *t)
            .ok_or_else(|| {
                let known: Vec<&str> = Self::ALL.iter().map(|(n, _)| *n).collect();
                format!("`{text}` is not a context (known: {})", known.join(", "))
            })
    }

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("?", |(n, _)| n)
    }

    pub fn holds(self, place: &Place, subject: &Subject<'_>) -> bool {
        match self {
            ContextTest::AtAsyncBlock => {
                return place.file.syntax().is_some_and(|file| {
                    find::exprs_around(file, place.range.clone())
                        .first()
                        .is_some_and(|e| find::is_async_block_expr(e))
                });
            }
            ContextTest::AsyncTrait => return async_trait(subject),
            _ => {}
        }
        let Some(inner) = place.innermost() else {
            return false;
        };
        let function = place.function();
        match self {
            ContextTest::Async => inner.kind.is_async(),
            ContextTest::Sync => !inner.kind.is_async(),
            ContextTest::AsyncFn => inner.kind == ScopeKind::AsyncFn,
            ContextTest::SyncFn => inner.kind == ScopeKind::Fn,
            ContextTest::AsyncBlock => inner.kind == ScopeKind::AsyncBlock,
            ContextTest::AsyncClosure => inner.kind == ScopeKind::AsyncClosure,
            ContextTest::Closure => inner.kind == ScopeKind::Closure,
            ContextTest::SyncInAsync => {
                !inner.kind.is_async() && place.scopes.iter().any(|s| s.kind.is_async())
            }
            ContextTest::Main => function.is_some_and(|f| f.name.as_deref() == Some("main")),
            ContextTest::Test => function
                .is_some_and(|f| f.attrs.iter().any(|a| a == "test" || a.ends_with("::test"))),
            ContextTest::Method => function.is_some_and(|f| f.method),
            ContextTest::AtAsyncBlock | ContextTest::AsyncTrait => false,
        }
    }
}

fn async_trait(subject: &Subject<'_>) -> bool {
    let facts = subject.facts();
    if facts
        .of(Role::DynTrait)
        .any(|f| f.name().starts_with("AsyncFn"))
    {
        return true;
    }
    facts
        .of(Role::TraitDef)
        .filter_map(|f| f.span)
        .filter_map(|span| subject.place_of(span))
        .any(|place| {
            place
                .file
                .syntax()
                .and_then(|file| find::async_trait_at(file, place.range.clone()))
                .unwrap_or(false)
        })
}

/// Placeholders from the code around the span: `${fn}` (the innermost function's name),
/// `${scope}` (what the innermost scope is, in words) and `${callee}`.
pub fn capture_place(place: &Place, captures: &mut Captures) {
    if let Some(name) = place.function().and_then(|f| f.name.clone()) {
        captures.entry("fn".into()).or_insert(name);
    }
    if let Some(inner) = place.innermost() {
        captures
            .entry("scope".into())
            .or_insert_with(|| inner.kind.words().to_owned());
        if let Some(callee) = &inner.callee {
            captures
                .entry("callee".into())
                .or_insert_with(|| callee.clone());
        }
    }
}

/// Does the callee of the innermost closure or async block have one of these names?
pub fn callee_matches(place: &Place, names: &[String]) -> bool {
    let Some(callee) = place
        .scopes
        .iter()
        .find(|s| !s.kind.is_fn())
        .and_then(|s| s.callee.as_deref())
    else {
        return false;
    };
    names.iter().any(|name| {
        callee == name
            || callee.ends_with(&format!("::{name}"))
            || (!name.contains("::") && callee.rsplit("::").next() == Some(name.as_str()))
    })
}
