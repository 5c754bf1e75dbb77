//! rustc's phrasings, and which role each quoted item plays in them. This is the one place in the
//! tool that knows how rustc words its diagnostics; everything else reads the facts.
//!
//! A phrasing is a shape such as ``expected `{expected}`, found `{found}` ``: literal text with
//! holes named after roles. A hole ends where the next literal text first occurs (the last one at
//! the end of the text), which is exact for items between backticks, since types never contain
//! one. Holes named `_` match anything and record nothing. `also` adds facts the wording implies
//! without quoting them (`future cannot be sent between threads safely` is about `Send`).

use super::Role;

pub struct Phrase {
    pub shape: &'static str,
    pub also: &'static [(Role, &'static str)],
    /// For a label: only under a child whose message starts with this (the child says what the
    /// label's type is: held across an await, or captured).
    pub under: Option<&'static str>,
}

const fn p(shape: &'static str) -> Phrase {
    Phrase {
        shape,
        also: &[],
        under: None,
    }
}

const fn also(shape: &'static str, also: &'static [(Role, &'static str)]) -> Phrase {
    Phrase {
        shape,
        also,
        under: None,
    }
}

const fn under(shape: &'static str, under: &'static str) -> Phrase {
    Phrase {
        shape,
        also: &[],
        under: Some(under),
    }
}

/// The top-level message.
pub const MESSAGE: &[Phrase] = &[
    // E0277 and its on_unimplemented spellings.
    p("the trait bound `{predicate}` is not satisfied"),
    also(
        "`{self_type}` cannot be sent between threads safely",
        &[(Role::Unsatisfied, "Send")],
    ),
    also(
        "`{self_type}` cannot be shared between threads safely",
        &[(Role::Unsatisfied, "Sync")],
    ),
    also(
        "`{self_type}` cannot be unpinned",
        &[(Role::Unsatisfied, "Unpin")],
    ),
    also(
        "`{self_type}` is not a future",
        &[(Role::Unsatisfied, "Future")],
    ),
    also(
        "`{self_type}` is not an iterator",
        &[(Role::Unsatisfied, "Iterator")],
    ),
    also(
        "`{self_type}` is not a stream",
        &[(Role::Unsatisfied, "Stream")],
    ),
    p("`{self_type}` doesn't implement `{unsatisfied}`"),
    also(
        "`{self_type}` cannot be formatted with the default formatter",
        &[(Role::Unsatisfied, "Display")],
    ),
    also(
        "`{self_type}` cannot be formatted using {_}",
        &[(Role::Unsatisfied, "Debug")],
    ),
    also(
        "the size for values of type `{self_type}` cannot be known at compilation time",
        &[(Role::Unsatisfied, "Sized")],
    ),
    also(
        "future cannot be sent between threads safely",
        &[(Role::Unsatisfied, "Send")],
    ),
    also(
        "future cannot be shared between threads safely",
        &[(Role::Unsatisfied, "Sync")],
    ),
    also(
        "the `?` operator can only be applied to values that implement `Try`",
        &[(Role::Unsatisfied, "Try")],
    ),
    also(
        "the `?` operator can only be used in {within} that returns `Result` or `Option` (or another type that implements `FromResidual`)",
        &[(Role::Unsatisfied, "FromResidual")],
    ),
    p(
        "a value of type `{expected}` cannot be built from an iterator over elements of type `{found}`",
    ),
    p(
        "a value of type `{expected}` cannot be made by summing an iterator over elements of type `{found}`",
    ),
    p(
        "a value of type `{expected}` cannot be made by multiplying all elements of type `{found}` from an iterator",
    ),
    p(
        "expected `{self_type}` to be a future that resolves to `{expected}`, but it resolves to `{found}`",
    ),
    p("expected `{self_type}` to be an iterator that yields `{expected}`, but it yields `{found}`"),
    p("expected a `{unsatisfied}` closure, found `{self_type}`"),
    p("expected `{self_type}` to be a closure that returns `{expected}`, but it returns `{found}`"),
    p("expected `{self_type}` to return `{expected}`, but it returns `{found}`"),
    p("type mismatch resolving `{_} == {expected}`"),
    p("implementation of `{unsatisfied}` is not general enough"),
    // E0283 inside the future's own defining body (a recursive `async fn`).
    p("type annotations needed: cannot satisfy `{predicate}`"),
    // Closures: what they implement, and what an async closure cannot.
    also(
        "async closure does not implement `{unsatisfied}` because it captures state from its environment",
        &[(Role::SelfType, "{async closure}")],
    ),
    p(
        "expected a closure that implements the `{unsatisfied}` trait, but this closure only implements `{_}`",
    ),
    // Operators.
    p("cannot add `{operand}` to `{operand}`"),
    p("cannot add-assign `{operand}` to `{operand}`"),
    p("cannot subtract `{operand}` from `{operand}`"),
    p("cannot subtract-assign `{operand}` from `{operand}`"),
    p("cannot multiply `{operand}` by `{operand}`"),
    p("cannot multiply-assign `{operand}` by `{operand}`"),
    p("cannot divide `{operand}` by `{operand}`"),
    p("cannot divide-assign `{operand}` by `{operand}`"),
    p("cannot calculate the remainder of `{operand}` divided by `{operand}`"),
    p("cannot calculate the remainder `{operand}` divided by `{operand}`"),
    p("binary operation `{_}` cannot be applied to type `{operand}`"),
    p("cannot apply unary operator `{_}` to type `{operand}`"),
    p("type `{operand}` cannot be dereferenced"),
    p("cannot index into a value of type `{operand}`"),
    p("`{operand}` is not an iterator"),
    // Methods and fields.
    p("no method named `{method}` found for {_} `{receiver}` in the current scope"),
    p("no method named `{method}` found for `{receiver}` in the current scope"),
    p("the method `{method}` exists for {_} `{receiver}`, but its trait bounds were not satisfied"),
    p("no field `{field}` on type `{receiver}`"),
    p("`{receiver}` is a primitive type and therefore doesn't have fields"),
    p(
        "no function or associated item named `{method}` found for {_} `{receiver}` in the current scope",
    ),
    // Borrows and moves.
    p(
        "{within} may outlive the current function, but it borrows `{binding}`, which is owned by the current function",
    ),
    p("`{binding}` does not live long enough"),
    p("borrowed data escapes outside of {_}"),
    p("use of moved value: `{binding}`"),
    p("borrow of moved value: `{binding}`"),
    p("cannot move out of `{binding}`, a captured variable in an `{unsatisfied}` closure"),
    p("captured variable cannot escape `{unsatisfied}` closure body"),
    // E0267: `break`/`continue` act on the async block or closure, not on a loop around it.
    also(
        "`{_}` inside `async` block",
        &[(Role::Within, "{async block}")],
    ),
    also(
        "`{_}` inside `async` closure",
        &[(Role::Within, "{async closure body}")],
    ),
    p("lifetime may not live long enough"),
    // Traits, dyn, opaque types.
    p("the trait `{dyn_trait}` is not dyn compatible"),
    p("the trait `{dyn_trait}` cannot be made into an object"),
    p("hidden type for `{opaque}` captures lifetime that does not appear in bounds"),
    p("method `{method}` has an incompatible type for trait"),
    p("lifetime parameters or bounds on method `{method}` do not match the trait declaration"),
    // Type mismatches and inference.
    p("mismatched types"),
    p("`if` and `else` have incompatible types"),
    p("`match` arms have incompatible types"),
    p("type annotations needed for `{expected}`"),
    also(
        "unused implementer of `{_}` that must be used",
        &[(Role::SelfType, "impl Future")],
    ),
    p("unused `{self_type}` that must be used"),
    p("the parameter type `{self_type}` may not live long enough"),
    p("cannot assign to data in dereference of `{self_type}`"),
    also(
        "non-binding `let` on a future",
        &[(Role::SelfType, "impl Future")],
    ),
];

/// A child's message (notes and helps, at any depth).
pub const CHILD: &[Phrase] = &[
    also(
        "the trait is not dyn compatible because it contains generic associated type `{_}`",
        &[],
    ),
    p("within `{within}`, the trait `{unsatisfied}` is not implemented for `{self_type}`"),
    p("the trait `{unsatisfied}` is not implemented for `{self_type}`"),
    p("the nightly-only, unstable trait `{unsatisfied}` is not implemented for `{self_type}`"),
    p("the trait bound `{predicate}` is not satisfied"),
    p("`{self_type}` doesn't implement `{unsatisfied}`"),
    p("required by a bound in `{required_by}`"),
    p("required by this bound in `{required_by}`"),
    // a step of an obligation chain: `Sleep: Unpin` behind `PhantomPinned: Unpin`
    p("required for `{self_type}` to implement `{unsatisfied}`"),
    p("cannot satisfy `{predicate}`"),
    p("`{method}` takes ownership of the receiver `self`, which moves `{binding}`"),
    also(
        "future is not `{unsatisfied}` as this value is used across an await",
        &[],
    ),
    also(
        "future is not `{unsatisfied}` as it awaits another future which is not `{_}`",
        &[],
    ),
    also("captured value is not `{unsatisfied}`", &[]),
    also("captured value is not `{unsatisfied}` because {_}", &[]),
    also(
        "consider `await`ing on the `Future`{_}",
        &[(Role::Hint, "await")],
    ),
    also(
        "calling an async function returns a future",
        &[(Role::Found, "impl Future")],
    ),
    also(
        "futures do nothing unless you `.await` or poll them",
        &[(Role::SelfType, "impl Future")],
    ),
    p("expected `{expected}`\n{_}found `{found}`"),
    p("expected {_} `{expected}`\n{_}found {_} `{found}`"),
    p("expected `{expected}`\n{_}found {_} `{found}`"),
    p("expected {_} `{expected}`\n{_}found `{found}`"),
    // the output of an async block or closure body against the output required of it:
    // "expected `async` closure body `{async closure body@…}` (`()`)"
    p("expected {_} `{within}` (`{expected}`)\n{_}found {_} `{_}` (`{found}`)"),
    p("expected {expected_words}\n{_}found {found_words}"),
    p("for that trait implementation, expected `{expected}`, found `{found}`"),
    p(
        "closure with signature `{closure_signature}` must implement `{unsatisfied}`, for any two lifetimes `{_}` and `{_}`...",
    ),
    p(
        "closure with signature `{closure_signature}` must implement `{unsatisfied}`, for any lifetime `{_}`...",
    ),
    p("...`{self_type}` must implement `{unsatisfied}`"),
    p("...`{self_type}` must implement `{unsatisfied}`, for any lifetime `{_}`..."),
    p("the following trait bounds were not satisfied:\n`{predicate}`{_}"),
    also(
        "no two async blocks, even if identical, have the same type",
        &[(Role::Distinct, "async blocks")],
    ),
    also(
        "distinct uses of `impl Trait` result in different opaque types",
        &[(Role::Distinct, "opaque types")],
    ),
    also(
        "a recursive `async fn` call must introduce indirection such as `Box::pin` to avoid an infinitely sized future",
        &[],
    ),
    p("`{self_type}` must be a future or must implement `IntoFuture` to be awaited"),
    p("{self_type} must be a future or must implement `IntoFuture` to be awaited"),
    p(
        "trait `{unsatisfied}` which provides `{method}` is implemented but not in scope; perhaps you want to import it",
    ),
    p(
        "the following traits which provide `{method}` are implemented but not in scope; perhaps you want to import one of them",
    ),
    // a returned `impl Trait + 'static` that borrows an argument
    p(
        "consider changing `{opaque}`'s explicit `'static` bound to the lifetime of argument `{binding}`",
    ),
    also(
        "async blocks are not executed immediately and must either take a reference or ownership of outside variables they use",
        &[(Role::Within, "{async block}")],
    ),
];

/// A span's label (of the diagnostic or of a child).
pub const LABEL: &[Phrase] = &[
    p("expected `{expected}`, found `{found}`"),
    p("expected `{expected}`, found {found_words}"),
    // E0277 for a closure bound: what was passed instead of a closure
    p("expected a `{unsatisfied}` closure, found `{self_type}`"),
    p("expected an `{unsatisfied}` closure, found `{self_type}`"),
    also(
        "expected `{expected}`, found future",
        &[(Role::Found, "impl Future")],
    ),
    also(
        "expected future, found `{found}`",
        &[(Role::Expected, "impl Future")],
    ),
    also(
        "expected future, found a different future",
        &[
            (Role::Expected, "impl Future"),
            (Role::Found, "impl Future"),
        ],
    ),
    also(
        "expected `async` block, found a different `async` block",
        &[
            (Role::Expected, "{async block}"),
            (Role::Found, "{async block}"),
        ],
    ),
    also(
        "expected `async` closure, found a different `async` closure",
        &[
            (Role::Expected, "{async closure}"),
            (Role::Found, "{async closure}"),
        ],
    ),
    p("expected {expected_words}, found `{found}`"),
    p("expected {expected_words}, found {found_words}"),
    // said of the earlier arm or branch, whose type is the one expected of the later ones
    p("this is found to be of type `{expected}`"),
    p("this expression has type `{scrutinee}`"),
    p("the `?` operator cannot be applied to type `{operand}`"),
    p("within `{within}`, the trait `{unsatisfied}` is not implemented for `{self_type}`"),
    p("the trait `{unsatisfied}` is not implemented for `{self_type}`"),
    p("the trait `{unsatisfied}` is not implemented for {_} `{self_type}`"),
    also(
        "`{self_type}` cannot be formatted with the default formatter",
        &[(Role::Unsatisfied, "Display")],
    ),
    p("`{self_type}` cannot be sent between threads safely"),
    p("`{self_type}` cannot be shared between threads safely"),
    p("`{self_type}` is not a future"),
    also(
        "future created by async block is not `{unsatisfied}`",
        &[(Role::Within, "{async block}")],
    ),
    also(
        "future created by async closure is not `{unsatisfied}`",
        &[(Role::Within, "{async closure body}")],
    ),
    p("future returned by `{function}` is not `{unsatisfied}`"),
    under("has type `{held}` which is not `{_}`", "future is not `"),
    under(
        "has type `{captured}` which is not `{_}`",
        "captured value is not",
    ),
    under(
        "await occurs here, with `{binding}` maybe used later",
        "future is not `",
    ),
    under(
        "await occurs here on type `{awaited}`, which is not `{_}`",
        "future is not `",
    ),
    p("`{binding}` is borrowed here"),
    p("may outlive borrowed value `{binding}`"),
    p("`{binding}` escapes the {_} body here"),
    p("`{binding}` is a reference that is only valid in the {_} body"),
    p("argument requires that `{binding}` is borrowed for `'static`"),
    p("returning this value requires that `{binding}` is borrowed for `'static`"),
    p("`{binding}` dropped here while still borrowed"),
    p("binding `{binding}` declared here"),
    p("return type of closure `{returned}` contains a lifetime `{_}`"),
    p("return type of async closure `{returned}` contains a lifetime `{_}`"),
    p("return type of closure is {returned_words}"),
    also(
        "returns an `async` block that contains a reference to a captured variable, which then escapes the closure body",
        &[(Role::Returned, "{async block}")],
    ),
    p("returning this value requires that `{_}` must outlive `{_}`"),
    p("method not found in `{receiver}`"),
    also(
        "field not available in `impl Future`, but it is available in its `Output`",
        &[(Role::Receiver, "impl Future")],
    ),
    p("method cannot be called on `{receiver}` due to unsatisfied trait bounds"),
    p("...because method `{async_method}` is `async`"),
    p("...because method `{method}` references an `impl Trait` type in its return type"),
    p("...because method `{method}` has generic type parameters"),
    p("...because associated function `{method}` has no `self` parameter"),
    also(
        "this trait is not dyn compatible...",
        &[(Role::TraitDef, "this")],
    ),
    p("this call returns `{returned}`"),
    p("hidden type `{found}` captures {_}"),
    p("value moved here, in previous iteration of loop"),
    p("move occurs because `{binding}` has type `{_}`, which does not implement the `Copy` trait"),
    // "use occurs", "borrow occurs", "variable moved"… due to use in an async block
    also(
        "{_} due to use in coroutine",
        &[(Role::Within, "{async block}")],
    ),
    p("closure is `{_}` because it moves the variable `{binding}` out of its environment"),
    p("closure is `{_}` because it mutates the variable `{binding}` here"),
    p("`{binding}` is moved here"),
    also("this is not `async`", &[(Role::NotAsync, "this")]),
    p("required by this bound in `{required_by}`"),
    p("recursive call here"),
    p("cannot use the `?` operator in {within} that returns `{expected}`"),
];

/// Matches a shape against a text; returns the holes' names and texts on a full match.
pub fn matches<'t>(shape: &'static str, text: &'t str) -> Option<Vec<(&'static str, &'t str)>> {
    let mut holes = Vec::new();
    let mut rest = text;
    let mut pieces = shape.split('{');
    let first = pieces.next().unwrap_or_default();
    rest = rest.strip_prefix(first)?;
    let pieces: Vec<(&'static str, &'static str)> = pieces
        .map(|piece| piece.split_once('}').unwrap_or((piece, "")))
        .collect();
    for (i, (name, literal)) in pieces.iter().enumerate() {
        let last = i + 1 == pieces.len();
        let (hole, after) = if last {
            let end = rest.len().checked_sub(literal.len())?;
            if !rest.ends_with(literal) {
                return None;
            }
            (&rest[..end], "")
        } else if literal.is_empty() {
            // Two holes side by side cannot be told apart; shapes never have them.
            return None;
        } else {
            let at = rest.find(literal)?;
            (&rest[..at], &rest[at + literal.len()..])
        };
        // Types and names never contain a backtick: a hole that does spans two items. Holes
        // named `…_words` take rustc's words for a type (`` `async` block ``), backticks included.
        let words = name == &"_" || name.ends_with("_words");
        if *name != "_" && (hole.is_empty() || (!words && hole.contains('`'))) {
            return None;
        }
        if *name != "_" {
            holes.push((*name, hole));
        }
        rest = after;
    }
    if pieces.is_empty() && !rest.is_empty() {
        return None;
    }
    Some(holes)
}

/// Whether rustc's suggestion holds only under a condition it says is not met ("you could
/// `clone` the value …, if the `T: Clone` trait bound could be satisfied"): applying it cannot
/// compile as is.
pub fn suggestion_is_conditional(message: &str) -> bool {
    message.contains("trait bound could be satisfied")
        || message.contains("trait bounds could be satisfied")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_end_at_the_next_literal() {
        assert_eq!(
            matches(
                "expected `{expected}`, found `{found}`",
                "expected `u32`, found `impl Future<Output = u32>`"
            ),
            Some(vec![
                ("expected", "u32"),
                ("found", "impl Future<Output = u32>")
            ])
        );
        assert_eq!(
            matches("mismatched types", "mismatched types"),
            Some(vec![])
        );
        assert_eq!(matches("mismatched types", "mismatched types here"), None);
        assert_eq!(
            matches("`{x}` is not a future", "`u32` is not a futures"),
            None
        );
        assert_eq!(
            matches(
                "expected {_} `{expected}`\n{_}found {_} `{found}`",
                "expected `async` block `{async block@a.rs:7:9: 7:14}`\n   found `async` block `{async block@a.rs:9:9: 9:14}`"
            ),
            Some(vec![
                ("expected", "{async block@a.rs:7:9: 7:14}"),
                ("found", "{async block@a.rs:9:9: 9:14}")
            ])
        );
    }

    #[test]
    fn every_shape_is_well_formed() {
        for phrase in MESSAGE.iter().chain(CHILD).chain(LABEL) {
            let mut depth = 0i32;
            for c in phrase.shape.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                assert!((0..=1).contains(&depth), "{}", phrase.shape);
            }
            assert_eq!(depth, 0, "{}", phrase.shape);
            for hole in phrase.shape.split('{').skip(1) {
                let name = hole.split('}').next().unwrap();
                assert!(
                    name == "_" || Role::from_name(name.trim_end_matches("_words")).is_some(),
                    "unknown role `{name}` in {}",
                    phrase.shape
                );
            }
        }
    }
}
