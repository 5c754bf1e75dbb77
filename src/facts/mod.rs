//! Facts about one diagnostic, extracted once: the types and names it quotes, each with the
//! **role** rustc's wording gives it (the expected and the found type of a mismatch, the self
//! type and the trait of an unsatisfied bound, the operand of an operator, the receiver of a
//! missing method, the value held across an `.await`, the captured variable…), types parsed into
//! a small model ([`ty`]) whose kinds ([`kind`]) knowledge-base matchers test.
//!
//! `phrasing.rs` is the only place that knows rustc's wording; matchers say `found = "future"`
//! and keep working when a type is spelled `impl futures::Future<…>` or a hint is missing.

pub mod kind;
mod phrasing;
pub mod ty;

use cargo_metadata::diagnostic::{Diagnostic, DiagnosticSpan};

pub use kind::{Kind, KindTest};
pub use phrasing::suggestion_is_conditional;
pub use ty::Ty;

use phrasing::{CHILD, LABEL, MESSAGE, Phrase};

/// What an item quoted by a diagnostic is, in that diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The type the code needs (E0308 and relatives).
    Expected,
    /// The type the code has instead.
    Found,
    /// The type that does not implement a trait.
    SelfType,
    /// The trait that is not implemented (`Send`, `Unpin`, `Try`, `Handler`…).
    Unsatisfied,
    /// The type a non-`Send` part is within (the future of an async block or fn).
    Within,
    /// An operand of an operator (`+`, `!`, `*`, `[]`, `?`).
    Operand,
    /// The type a method or field was looked up on.
    Receiver,
    /// A value alive across an `.await` that makes the future not `Send`.
    Held,
    /// A value an async block captured that makes it not `Send`.
    Captured,
    /// An awaited future that is not `Send`.
    Awaited,
    /// What a closure or call returns (an async block that borrows, a future that is not one).
    Returned,
    /// An opaque `impl Trait` type.
    Opaque,
    /// A local binding (held across an await, borrowed, moved).
    Binding,
    Method,
    /// A trait method that is `async` (why a trait is not dyn compatible).
    AsyncMethod,
    Field,
    /// The `async fn` whose future is meant.
    Function,
    /// The item whose bound is not met (`tokio::spawn`, `std::thread::spawn`, `Pin::new`).
    RequiredBy,
    /// A trait that cannot be `dyn`.
    DynTrait,
    /// rustc's own hint (`await` for "consider `await`ing on the `Future`").
    Hint,
    /// rustc says two types differ although they look the same (async blocks, opaque types).
    Distinct,
    /// rustc points at a fn or closure that is not `async`.
    NotAsync,
    /// The type of the expression a pattern is matched against (`match fetch() { Ok(..) … }`).
    Scrutinee,
    /// A type argument of the unsatisfied trait (`impl Future` in `String: From<impl Future>`).
    TraitArg,
    /// Where rustc shows the definition of a trait that is not dyn compatible.
    TraitDef,
    /// A trait predicate `T: Trait`, split into self type and trait.
    Predicate,
    /// A closure's signature, whose return type is recorded.
    ClosureSignature,
}

impl Role {
    /// The roles a matcher can test, by the key it uses.
    pub const KEYS: &'static [(&'static str, Role)] = &[
        ("expected", Role::Expected),
        ("found", Role::Found),
        ("self_type", Role::SelfType),
        ("unsatisfied", Role::Unsatisfied),
        ("within", Role::Within),
        ("operand", Role::Operand),
        ("receiver", Role::Receiver),
        ("held", Role::Held),
        ("captured", Role::Captured),
        ("awaited", Role::Awaited),
        ("returned", Role::Returned),
        ("opaque", Role::Opaque),
        ("binding", Role::Binding),
        ("method", Role::Method),
        ("async_method", Role::AsyncMethod),
        ("field", Role::Field),
        ("function", Role::Function),
        ("required_by", Role::RequiredBy),
        ("dyn_trait", Role::DynTrait),
        ("hint", Role::Hint),
        ("distinct", Role::Distinct),
        ("not_async", Role::NotAsync),
        ("scrutinee", Role::Scrutinee),
        ("trait_arg", Role::TraitArg),
        ("trait_def", Role::TraitDef),
        ("predicate", Role::Predicate),
        ("closure_signature", Role::ClosureSignature),
    ];

    pub fn from_name(name: &str) -> Option<Role> {
        Self::KEYS.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
    }

    pub fn name(self) -> &'static str {
        Self::KEYS
            .iter()
            .find(|(_, r)| *r == self)
            .map_or("?", |(n, _)| n)
    }

    /// Roles whose item is a type (tested by kinds); the others are names.
    pub fn is_type(self) -> bool {
        matches!(
            self,
            Role::Expected
                | Role::Found
                | Role::SelfType
                | Role::Within
                | Role::Operand
                | Role::Receiver
                | Role::Held
                | Role::Captured
                | Role::Awaited
                | Role::Returned
                | Role::Opaque
                | Role::Scrutinee
                | Role::TraitArg
        )
    }
}

/// One quoted item and its role.
#[derive(Debug, Clone)]
pub struct Fact<'d> {
    pub role: Role,
    /// The item as rustc wrote it (a name without `mut `).
    pub text: String,
    /// The parsed type, for type roles.
    pub ty: Option<Ty>,
    /// The span the item was said of: a label's own span, else the primary span of the child or
    /// diagnostic that said it.
    pub span: Option<&'d DiagnosticSpan>,
}

impl Fact<'_> {
    /// The item as a template shows it: types compactly (`MutexGuard<'_, u64>`, `async block`).
    pub fn display(&self) -> String {
        match &self.ty {
            Some(ty) => ty.to_string(),
            None => self.text.clone(),
        }
    }

    /// For a name role, the name's last path segment without generic arguments (`Send` for
    /// `std::marker::Send`, `Handler` for `Handler<_, _>`, `spawn` for `tokio::spawn`).
    pub fn name(&self) -> String {
        match Ty::parse(&self.text) {
            Ty::Path(p) if !p.segments.is_empty() => p.name().to_owned(),
            _ => self.text.clone(),
        }
    }

    /// The name's full path without generic arguments (`tokio::spawn`).
    pub fn path(&self) -> String {
        match Ty::parse(&self.text) {
            Ty::Path(p) if !p.segments.is_empty() => p.plain(),
            _ => self.text.clone(),
        }
    }
}

/// Every fact of one diagnostic, in the order rustc said them (message, then children and labels
/// depth first).
#[derive(Debug, Clone, Default)]
pub struct Facts<'d> {
    pub facts: Vec<Fact<'d>>,
}

impl<'d> Facts<'d> {
    pub fn extract(diagnostic: &'d Diagnostic) -> Facts<'d> {
        let mut facts = Facts::default();
        let primary = diagnostic.spans.iter().find(|s| s.is_primary);
        facts.said(&diagnostic.message, MESSAGE, primary);
        facts.labels(&diagnostic.spans, None);
        for child in &diagnostic.children {
            facts.child(child);
        }
        facts
    }

    fn child(&mut self, child: &'d Diagnostic) {
        let span = child
            .spans
            .iter()
            .find(|s| s.is_primary)
            .or(child.spans.first());
        self.said(&child.message, CHILD, span);
        self.labels(&child.spans, Some(&child.message));
        for grandchild in &child.children {
            self.child(grandchild);
        }
    }

    fn labels(&mut self, spans: &'d [DiagnosticSpan], parent: Option<&str>) {
        for span in spans {
            let Some(label) = &span.label else { continue };
            let applicable = LABEL.iter().filter(|phrase| match phrase.under {
                Some(prefix) => parent.is_some_and(|m| m.starts_with(prefix)),
                None => true,
            });
            if !self.first_match(label.trim(), applicable, Some(span)) {
                // A label that is a bare type names the operand it is under (E0369's sides).
                if let Some(operand) = self
                    .facts
                    .iter_mut()
                    .find(|f| f.role == Role::Operand && f.text == label.trim())
                {
                    operand.span = Some(span);
                }
            }
        }
    }

    fn said(&mut self, text: &str, phrases: &'static [Phrase], span: Option<&'d DiagnosticSpan>) {
        self.first_match(text.trim(), phrases.iter(), span);
    }

    /// Records the facts of the first phrase that matches the text; false when none does.
    fn first_match<'p>(
        &mut self,
        text: &str,
        phrases: impl Iterator<Item = &'p Phrase>,
        span: Option<&'d DiagnosticSpan>,
    ) -> bool {
        for phrase in phrases {
            let Some(holes) = phrasing::matches(phrase.shape, text) else {
                continue;
            };
            for (name, item) in holes {
                match name.strip_suffix("_words") {
                    Some(role) => {
                        if let (Some(role), Some(ty)) = (Role::from_name(role), type_in_words(item))
                        {
                            self.add(role, &ty, span);
                        }
                    }
                    None => {
                        if let Some(role) = Role::from_name(name) {
                            self.add(role, item, span);
                        }
                    }
                }
            }
            for (role, item) in phrase.also {
                self.add(*role, item, span);
            }
            return true;
        }
        false
    }

    fn add(&mut self, role: Role, text: &str, span: Option<&'d DiagnosticSpan>) {
        match role {
            Role::Predicate => {
                // `T: Trait` (the separator is the last `: ` outside brackets).
                if let Some((self_type, trait_)) = split_predicate(text) {
                    self.add(Role::SelfType, self_type, span);
                    self.add(Role::Unsatisfied, trait_, span);
                }
            }
            Role::ClosureSignature => {
                if let Ty::Fn { ret: Some(ret), .. } = Ty::parse(text) {
                    self.push(Role::Returned, ret.to_string(), Some(*ret), span);
                }
            }
            Role::Function => {
                self.push(role, text.to_owned(), None, span);
                let body = format!("{{async fn body of {text}()}}");
                self.add(Role::Within, &body, span);
            }
            Role::AsyncMethod => {
                self.push(role, text.to_owned(), None, span);
                self.push(Role::Method, text.to_owned(), None, span);
            }
            Role::Binding => {
                let name = text
                    .strip_prefix("mut ")
                    .unwrap_or(text)
                    .trim_start_matches('*');
                self.push(role, name.to_owned(), None, span);
            }
            Role::Within if !text.contains(['{', '<', ':']) => {
                // rustc names some containers in words: "an async block", "a closure".
                let ty = type_in_words(text).unwrap_or_else(|| text.to_owned());
                self.push(role, ty.clone(), Some(Ty::parse(&ty)), span);
            }
            Role::Unsatisfied => {
                // The trait's own type arguments (`impl Future` in `From<impl Future>`).
                if let Ty::Path(path) = Ty::parse(text) {
                    for arg in path.type_args() {
                        self.push(Role::TraitArg, arg.to_string(), Some(arg.clone()), span);
                    }
                }
                self.push(role, text.to_owned(), None, span);
            }
            _ if role.is_type() => {
                let ty = Ty::parse(text);
                self.push(role, text.to_owned(), Some(ty), span);
            }
            _ => self.push(role, text.to_owned(), None, span),
        }
    }

    fn push(&mut self, role: Role, text: String, ty: Option<Ty>, span: Option<&'d DiagnosticSpan>) {
        // The same item said twice (a label and a note) is one fact, pinned to a span if either is.
        match self
            .facts
            .iter_mut()
            .find(|f| f.role == role && f.text == text)
        {
            Some(known) => {
                if known.span.is_none() {
                    known.span = span;
                }
            }
            None => self.facts.push(Fact {
                role,
                text,
                ty,
                span,
            }),
        }
    }

    /// The facts of one role, in order.
    pub fn of(&self, role: Role) -> impl Iterator<Item = &Fact<'d>> {
        self.facts.iter().filter(move |f| f.role == role)
    }

    /// The first fact of a role.
    pub fn first(&self, role: Role) -> Option<&Fact<'d>> {
        self.of(role).next()
    }
}

/// A type rustc names in words (`` `async` block ``, "a different future", "integer") or quotes
/// whole (`` `Pin<Box<…>>` ``, or unquoted after "is"), as a type text the parser reads.
fn type_in_words(text: &str) -> Option<String> {
    // `opaque type `impl Future<…>``: the quoted type, when one follows the words.
    let quoted: Vec<&str> = text.split('`').skip(1).step_by(2).collect();
    if let Some(last) = quoted.last()
        && (quoted.len() > 1 || !text.trim().starts_with('`'))
    {
        return Some((*last).to_owned());
    }
    let plain = text.replace('`', "");
    let words = plain
        .trim()
        .trim_start_matches("an ")
        .trim_start_matches("a ")
        .trim_start_matches("the ")
        .trim_start_matches("different ")
        .trim();
    let ty = match words {
        "async block" => "{async block}",
        "async closure" => "{async closure}",
        "async closure body" => "{async closure body}",
        "async function" | "async fn" => "{async fn body of ?()}",
        "closure" => "{closure}",
        "coroutine" => "{coroutine}",
        "future" => "impl Future",
        "integer" => "{integer}",
        "floating-point number" | "float" => "{float}",
        "unit" | "()" => "()",
        // Words for a kind of type with nothing to go on ("fn item", "struct").
        _ if !words.contains(['<', '{', '(', ':', '&', '*']) && words.contains(' ') => return None,
        _ => words,
    };
    Some(ty.to_owned())
}

/// Splits `T: Trait` at the last `: ` outside brackets.
fn split_predicate(text: &str) -> Option<(&str, &str)> {
    let mut depth = 0i32;
    let mut split = None;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'<' | b'(' | b'[' | b'{' => depth += 1,
            b'>' if i > 0 && bytes[i - 1] == b'-' => {}
            b'>' | b')' | b']' | b'}' => depth -= 1,
            b':' if depth == 0
                && bytes.get(i + 1) == Some(&b' ')
                && (i == 0 || bytes[i - 1] != b':') =>
            {
                split = Some(i)
            }
            _ => {}
        }
    }
    let at = split?;
    Some((text[..at].trim(), text[at + 1..].trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic(json: serde_json::Value) -> Diagnostic {
        serde_json::from_value(json).unwrap()
    }

    fn span(label: &str, primary: bool) -> serde_json::Value {
        serde_json::json!({
            "file_name": "app/src/main.rs", "byte_start": 10, "byte_end": 20, "line_start": 3,
            "line_end": 3, "column_start": 5, "column_end": 15, "is_primary": primary,
            "text": [], "label": label, "suggested_replacement": null,
            "suggestion_applicability": null, "expansion": null
        })
    }

    fn child(level: &str, message: &str, spans: Vec<serde_json::Value>) -> serde_json::Value {
        serde_json::json!({"message": message, "code": null, "level": level, "spans": spans,
            "children": [], "rendered": null})
    }

    fn roles<'a>(facts: &'a Facts<'_>, role: Role) -> Vec<&'a str> {
        facts.of(role).map(|f| f.text.as_str()).collect()
    }

    #[test]
    fn a_missing_await_without_rustc_s_hint() {
        let d = diagnostic(serde_json::json!({
            "message": "cannot add `{integer}` to `impl futures::Future<Output = usize>`",
            "code": {"code": "E0369", "explanation": null}, "level": "error",
            "spans": [span("impl futures::Future<Output = usize>", false), span("{integer}", true)],
            "children": [], "rendered": null
        }));
        let facts = Facts::extract(&d);
        let operands: Vec<&Fact<'_>> = facts.of(Role::Operand).collect();
        assert_eq!(operands.len(), 2);
        assert!(
            operands
                .iter()
                .any(|f| kind::has(f.ty.as_ref().unwrap(), Kind::Future))
        );
    }

    #[test]
    fn a_future_held_across_an_await() {
        let d = diagnostic(serde_json::json!({
            "message": "future cannot be sent between threads safely",
            "code": null, "level": "error",
            "spans": [span("future created by async block is not `Send`", true)],
            "children": [
                child("help", "within `{async block@app/src/main.rs:13:31: 13:41}`, the trait `Send` is not implemented for `std::sync::MutexGuard<'_, u64>`", vec![]),
                child("note", "future is not `Send` as this value is used across an await", vec![
                    span("await occurs here, with `mut count` maybe used later", true),
                    span("has type `std::sync::MutexGuard<'_, u64>` which is not `Send`", false),
                ]),
                child("note", "required by a bound in `tokio::spawn`", vec![]),
            ],
            "rendered": null
        }));
        let facts = Facts::extract(&d);
        assert_eq!(roles(&facts, Role::Unsatisfied), ["Send"]);
        assert_eq!(
            roles(&facts, Role::Held),
            ["std::sync::MutexGuard<'_, u64>"]
        );
        assert_eq!(roles(&facts, Role::Binding), ["count"]);
        assert_eq!(roles(&facts, Role::RequiredBy), ["tokio::spawn"]);
        assert_eq!(facts.first(Role::RequiredBy).unwrap().name(), "spawn");
        assert!(
            facts
                .of(Role::Within)
                .all(|f| kind::has(f.ty.as_ref().unwrap(), Kind::AsyncBlock))
        );
        assert_eq!(
            facts.first(Role::Held).unwrap().display(),
            "MutexGuard<'_, u64>"
        );
    }

    #[test]
    fn predicates_split_at_the_last_top_level_colon() {
        assert_eq!(
            split_predicate(
                "for<'a> fn(&'a str) -> impl Future<Output = usize> {handle}: Handler<_, _>"
            ),
            Some((
                "for<'a> fn(&'a str) -> impl Future<Output = usize> {handle}",
                "Handler<_, _>"
            ))
        );
        assert_eq!(
            split_predicate("tokio::sync::mpsc::Receiver<u32>: StreamExt"),
            Some(("tokio::sync::mpsc::Receiver<u32>", "StreamExt"))
        );
        assert_eq!(split_predicate("no predicate"), None);
    }

    fn message(code: Option<&str>, message: &str, children: Vec<serde_json::Value>) -> Diagnostic {
        diagnostic(serde_json::json!({
            "message": message,
            "code": code.map(|c| serde_json::json!({"code": c, "explanation": null})),
            "level": "error", "spans": [span("", true)], "children": children, "rendered": null
        }))
    }

    #[test]
    fn an_unsatisfiable_bound_inside_the_future_s_own_body() {
        let d = message(
            Some("E0283"),
            "type annotations needed: cannot satisfy `impl Future<Output = ()>: Send`",
            vec![child(
                "note",
                "cannot satisfy `impl Future<Output = ()>: Send`",
                vec![],
            )],
        );
        let facts = Facts::extract(&d);
        assert_eq!(roles(&facts, Role::SelfType), ["impl Future<Output = ()>"]);
        assert_eq!(roles(&facts, Role::Unsatisfied), ["Send"]);
    }

    #[test]
    fn a_step_of_an_obligation_chain_names_the_real_type() {
        let d = message(
            Some("E0277"),
            "`PhantomPinned` cannot be unpinned",
            vec![child(
                "note",
                "required for `Sleep` to implement `Unpin`",
                vec![],
            )],
        );
        let facts = Facts::extract(&d);
        assert_eq!(roles(&facts, Role::SelfType), ["PhantomPinned", "Sleep"]);
        assert_eq!(roles(&facts, Role::Unsatisfied), ["Unpin"]);
        assert!(
            facts
                .of(Role::SelfType)
                .any(|f| kind::has(f.ty.as_ref().unwrap(), Kind::Future))
        );
    }

    #[test]
    fn closures_and_what_they_implement() {
        let d = message(
            None,
            "async closure does not implement `Fn` because it captures state from its environment",
            vec![],
        );
        let facts = Facts::extract(&d);
        assert_eq!(roles(&facts, Role::Unsatisfied), ["Fn"]);
        assert!(
            facts
                .of(Role::SelfType)
                .all(|f| kind::has(f.ty.as_ref().unwrap(), Kind::AsyncClosure))
        );

        let d = diagnostic(serde_json::json!({
            "message": "expected a closure that implements the `Fn` trait, but this closure only implements `FnOnce`",
            "code": {"code": "E0525", "explanation": null}, "level": "error",
            "spans": [
                span("this closure implements `FnOnce`, not `Fn`", true),
                span("closure is `FnOnce` because it moves the variable `page` out of its environment", false),
            ],
            "children": [], "rendered": null
        }));
        let facts = Facts::extract(&d);
        assert_eq!(roles(&facts, Role::Unsatisfied), ["Fn"]);
        assert_eq!(roles(&facts, Role::Binding), ["page"]);

        let d = diagnostic(serde_json::json!({
            "message": "use of moved value: `finish`", "code": {"code": "E0382", "explanation": null},
            "level": "error", "spans": [span("value used here after move", true)],
            "children": [child("note", "`async_call_once` takes ownership of the receiver `self`, which moves `finish`", vec![])],
            "rendered": null
        }));
        let facts = Facts::extract(&d);
        assert_eq!(roles(&facts, Role::Method), ["async_call_once"]);
        assert_eq!(roles(&facts, Role::Binding), ["finish"]);

        let d = diagnostic(serde_json::json!({
            "message": "expected a `FnOnce()` closure, found `{async block@src/main.rs:5:41: 5:46}`",
            "code": {"code": "E0277", "explanation": null}, "level": "error",
            "spans": [span("expected an `FnOnce()` closure, found `{async block@src/main.rs:5:41: 5:46}`", true)],
            "children": [], "rendered": null
        }));
        let facts = Facts::extract(&d);
        assert_eq!(roles(&facts, Role::Unsatisfied), ["FnOnce()"]);
        assert!(facts.of(Role::Found).next().is_none());
        assert!(
            facts
                .of(Role::SelfType)
                .all(|f| kind::has(f.ty.as_ref().unwrap(), Kind::AsyncBlock))
        );
    }

    #[test]
    fn what_an_async_block_does_with_a_variable_or_a_loop_keyword() {
        let d = diagnostic(serde_json::json!({
            "message": "cannot move out of `router`, a captured variable in an `FnMut` closure",
            "code": {"code": "E0507", "explanation": null}, "level": "error",
            "spans": [
                span("`router` is moved here", true),
                span("variable moved due to use in coroutine", false),
            ],
            "children": [], "rendered": null
        }));
        let facts = Facts::extract(&d);
        assert_eq!(roles(&facts, Role::Unsatisfied), ["FnMut"]);
        assert_eq!(roles(&facts, Role::Binding), ["router"]);
        assert!(
            facts
                .of(Role::Within)
                .all(|f| kind::has(f.ty.as_ref().unwrap(), Kind::AsyncBlock))
        );
        assert_eq!(facts.of(Role::Within).count(), 1);

        for (text, kind) in [
            ("`break` inside `async` block", Kind::AsyncBlock),
            ("`continue` inside `async` closure", Kind::Future),
        ] {
            let d = message(Some("E0267"), text, vec![]);
            let facts = Facts::extract(&d);
            let within = facts.first(Role::Within).expect(text);
            assert!(kind::has(within.ty.as_ref().unwrap(), kind), "{text}");
        }
    }

    #[test]
    fn the_output_of_an_async_body_against_the_required_one() {
        let d = message(
            Some("E0308"),
            "mismatched types",
            vec![child(
                "note",
                "expected `async` closure body `{async closure body@src/main.rs:8:50: 8:80}` (`()`)\n   found `async` closure body `{async closure body@src/main.rs:8:50: 8:80}` (`String`)",
                vec![],
            )],
        );
        let facts = Facts::extract(&d);
        assert_eq!(roles(&facts, Role::Expected), ["()"]);
        assert_eq!(roles(&facts, Role::Found), ["String"]);
        assert!(
            facts
                .of(Role::Within)
                .all(|f| kind::has(f.ty.as_ref().unwrap(), Kind::Future))
        );
    }

    #[test]
    fn a_static_bound_on_a_returned_stream_that_borrows_an_argument() {
        let d = message(
            None,
            "lifetime may not live long enough",
            vec![child(
                "help",
                "consider changing `impl Stream<Item = u32> + 'static`'s explicit `'static` bound to the lifetime of argument `self`",
                vec![],
            )],
        );
        let facts = Facts::extract(&d);
        assert_eq!(roles(&facts, Role::Binding), ["self"]);
        let opaque = facts.first(Role::Opaque).unwrap();
        assert!(kind::has(opaque.ty.as_ref().unwrap(), Kind::Stream));
    }

    #[test]
    fn a_mismatch_note_over_two_lines() {
        let d = diagnostic(serde_json::json!({
            "message": "mismatched types", "code": {"code": "E0308", "explanation": null},
            "level": "error", "spans": [span("expected `u32`, found future", true)],
            "children": [child("note", "expected type `u32`\n   found opaque type `impl Future<Output = u32>`", vec![])],
            "rendered": null
        }));
        let facts = Facts::extract(&d);
        assert_eq!(roles(&facts, Role::Expected), ["u32"]);
        assert_eq!(
            roles(&facts, Role::Found),
            ["impl Future", "impl Future<Output = u32>"]
        );
    }
}
