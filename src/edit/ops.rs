//! The edit operations on expressions and items: each finds the syntax at the anchor and says
//! what to replace, or gives up (`None`) when the code is not of the shape it knows.

use std::ops::Range;

use syn::spanned::Spanned;
use syn::visit::{self, Visit};

use super::{Inputs, Op, Replacement};
use crate::source::find::{ExprRef, exprs_around};
use crate::source::{Place, ScopeKind};

fn range(node: &impl Spanned) -> Range<usize> {
    node.span().byte_range()
}

fn insert(at: usize, text: impl Into<String>) -> Replacement {
    Replacement {
        range: at..at,
        text: text.into(),
    }
}

fn replace(range: Range<usize>, text: impl Into<String>) -> Replacement {
    Replacement {
        range,
        text: text.into(),
    }
}

pub fn build(op: &Op, at: &Place, inputs: &Inputs) -> Option<(Vec<Replacement>, String)> {
    let file = at.file.syntax()?;
    let text = |r: Range<usize>| at.file.slice(r).to_owned();
    // The expressions around the anchor, innermost first (macro arguments included).
    let around = exprs_around(file, at.range.clone());
    let innermost =
        |test: &dyn Fn(&syn::Expr) -> bool| around.iter().map(|e| &**e).find(|e| test(e));
    match op {
        Op::Await => {
            let mut value = value_expr(&around, at)?;
            // `&fetch()`: the borrow is of the value, `&fetch().await`.
            if let syn::Expr::Reference(r) = value {
                value = r.expr.as_ref();
            }
            // A local holding the future: await where it is made (`let user = fetch().await;`),
            // once, rather than at a use.
            if let Some(name) = local_name(value) {
                if let Some(init) = let_initializer(file, &name, at.range.start) {
                    value = init;
                } else if names_fn_item(file, &name)
                    && let_statement(file, &name, at.range.start).is_none()
                {
                    // A function named, not called (`mount("/", index)`): awaiting it is no fix.
                    return None;
                }
            }
            let r = range(value);
            let awaited_already = around
                .iter()
                .any(|e| matches!(&**e, syn::Expr::Await(a) if range(&*a.base) == r));
            if awaited_already || !awaitable_shape(value) {
                return None;
            }
            let mut edits = postfix(value, r.clone(), ".await");
            // A reference is expected (`s + fetch()` wants `&str`): lend the awaited value.
            if inputs
                .expected
                .as_deref()
                .is_some_and(|t| t.starts_with('&'))
                && !matches!(value_expr(&around, at), Some(syn::Expr::Reference(_)))
                && range(value) == at.range
            {
                edits.insert(0, insert(r.start, "&"));
            }
            Some((edits, text(r)))
        }
        Op::RemoveAwait => {
            let syn::Expr::Await(awaited) = innermost(&|e| matches!(e, syn::Expr::Await(_)))?
            else {
                return None;
            };
            let base = range(&*awaited.base);
            let end = range(awaited).end;
            Some((vec![replace(base.end..end, "")], text(base)))
        }
        Op::Move => match innermost(&|e| match e {
            syn::Expr::Async(a) => a.capture.is_none(),
            syn::Expr::Closure(c) => c.capture.is_none(),
            _ => false,
        })? {
            syn::Expr::Async(a) => Some((
                vec![insert(range(&a.async_token).end, " move")],
                "async".to_owned(),
            )),
            syn::Expr::Closure(c) => Some((
                vec![insert(range(&c.inputs_begin).start, "move ")],
                "closure".to_owned(),
            )),
            _ => None,
        },
        Op::AsyncFn => {
            // The code that cannot await must be the function's own body, not a closure in it
            // (making a closure `async` only makes it return a future nobody awaits).
            let scope = at.scopes.iter().find(|s| s.kind != ScopeKind::AsyncBlock)?;
            if scope.kind != ScopeKind::Fn {
                return None;
            }
            let header = at.file.slice(scope.header_start..scope.body.start);
            // `async fn main` needs a runtime attribute (another fix), and an impl of a trait
            // must keep the trait's signature.
            if header.trim_start().starts_with("const")
                || scope.name.as_deref() == Some("main")
                || in_trait_impl(file, scope.header_start)
            {
                return None;
            }
            // Its callers in this file would have to await it too: not one local edit. (Read
            // as text: calls inside macros, `println!("{}", f())`, count too.)
            if let Some(name) = &scope.name
                && calls_by_text(&at.file.text, name).any(|call| !contains(&scope.body, &call))
            {
                return None;
            }
            let code = scope.name.clone().unwrap_or_default();
            Some((vec![insert(scope.header_start, "async ")], code))
        }
        Op::TokioMain => {
            let function = at.function()?;
            let mut merged = String::new();
            if !function.attrs.iter().any(|a| a.ends_with("main")) {
                let indent = at.file.indent_at(function.header_start);
                merged.push_str(&format!("#[tokio::main]\n{indent}"));
            }
            if function.kind == ScopeKind::Fn {
                merged.push_str("async ");
            }
            let code = function.name.clone().unwrap_or_default();
            (!merged.is_empty()).then(|| (vec![insert(function.header_start, merged)], code))
        }
        Op::BoxPin => {
            let mut value = value_expr(&around, at)?;
            // `f(x).await` (rustc's recursive call): box the call, then await the box.
            if let syn::Expr::Await(a) = value {
                value = a.base.as_ref();
            }
            let r = range(value);
            if let syn::Expr::Call(call) = value
                && let syn::Expr::Path(path) = call.func.as_ref()
                && path_ends_with(&path.path, &["Box", "new"])
            {
                let name = path.path.segments.last()?;
                return Some((vec![replace(range(&name.ident), "pin")], text(r)));
            }
            let code = text(r.clone());
            Some((wrap(r, "Box::pin(", ")"), code))
        }
        Op::Pin => {
            // Inside a macro syn cannot read (`select!`), the anchor's own text may still be
            // the value (`&mut operation`).
            let parsed;
            let value = match value_expr(&around, at) {
                Some(v) => v,
                None => {
                    parsed = syn::parse_str::<syn::Expr>(at.file.slice(at.range.clone())).ok()?;
                    &parsed
                }
            };
            let r = range(value);
            let code = text(r.clone());
            let Some(name) = local_name(value) else {
                if around.is_empty() {
                    return None;
                }
                return Some((wrap(r, "std::pin::pin!(", ")"), code));
            };
            let decl = let_statement(file, &name, at.range.start)?;
            let declared = at.file.slice(decl.clone());
            if declared.contains("pin!(") || declared.contains("Box::pin(") {
                // Pinned already: await it through a `&mut` to the pin, not a `&`.
                let mut shared = value;
                while let syn::Expr::Paren(p) = shared {
                    shared = &p.expr;
                }
                if !matches!(shared, syn::Expr::Reference(r) if r.mutability.is_none())
                    || around.is_empty()
                {
                    return None;
                }
                let mut edits = vec![replace(r, format!("{name}.as_mut()"))];
                if let Some(rest) = declared.strip_prefix("let ")
                    && !rest.starts_with("mut ")
                {
                    edits.push(insert(decl.start + "let ".len(), "mut "));
                }
                return Some((edits, code));
            }
            match let_init(file, &name, at.range.start) {
                // `let f = &make();`: a borrowed future is no future; pin the future itself.
                Some(syn::Expr::Reference(borrow)) if borrow.mutability.is_none() => {
                    let mut edits = vec![replace(
                        range(borrow),
                        format!("std::pin::pin!({})", text(range(&*borrow.expr))),
                    )];
                    edits.extend(make_mut(file, &name, at.range.start));
                    return Some((edits, code));
                }
                // A collection of futures (`vec![a(), b()]`): pin each on the heap, so the
                // collection's items are `Unpin` and may move.
                Some(init @ (syn::Expr::Macro(_) | syn::Expr::Array(_))) => {
                    let items = collection_items(init)?;
                    // Boxed already, under a written type (`Vec<Box<dyn Future>>`): that type
                    // would change too; not this edit.
                    if items.is_empty() || declared.contains("Box<") {
                        return None;
                    }
                    let edits = items
                        .iter()
                        .flat_map(|item| wrap(item.clone(), "Box::pin(", ")"))
                        .collect();
                    return Some((edits, code));
                }
                _ => {}
            }
            let indent = at.file.indent_at(decl.start).to_owned();
            // A trait object (`Box<dyn Stream>`) cannot be pinned where it is: its box can.
            let pinned = if inputs
                .subject
                .as_deref()
                .is_some_and(|s| s.trim_start().starts_with("dyn "))
            {
                format!("Box::into_pin({name})")
            } else {
                format!("std::pin::pin!({name})")
            };
            Some((
                vec![insert(
                    decl.end,
                    format!("\n{indent}let mut {name} = {pinned};"),
                )],
                code,
            ))
        }
        Op::CloneBefore | Op::OwnedBefore => {
            let name = inputs.binding.clone()?;
            if !is_identifier(&name) || name == "self" {
                return None;
            }
            let stmt = statement_around(file, at.range.clone())?;
            let indent = at.file.indent_at(stmt.start).to_owned();
            let method = if *op == Op::CloneBefore {
                "clone"
            } else {
                "to_owned"
            };
            let mut edits = vec![insert(
                stmt.start,
                format!("let {name} = {name}.{method}();\n{indent}"),
            )];
            if *op == Op::OwnedBefore {
                edits.extend(task_owns(file, at, &around, &name, stmt.clone())?);
            }
            Some((edits, name))
        }
        Op::AddBound(bound) => {
            let param = inputs.subject.clone()?;
            let function = at.function()?;
            let generics = generics_of(file, function.range.clone())?;
            add_bound(generics, &param, bound, at)
        }
        Op::AsyncBody => {
            // The closure at the anchor, or the first closure given to the call rustc points at.
            let closure = around
                .iter()
                .find_map(|e| match &**e {
                    syn::Expr::Closure(c) if c.asyncness.is_none() => Some(c),
                    _ => None,
                })
                .or_else(|| {
                    around.iter().find_map(|e| {
                        let args = match &**e {
                            syn::Expr::MethodCall(m) => &m.args,
                            syn::Expr::Call(c) => &c.args,
                            _ => return None,
                        };
                        args.iter().find_map(|a| match a {
                            syn::Expr::Closure(c) if c.asyncness.is_none() => Some(c),
                            _ => None,
                        })
                    })
                })?;
            let body = range(&*closure.body);
            let code = text(range(closure));
            match closure.body.as_ref() {
                syn::Expr::Block(_) => Some((vec![insert(body.start, "async move ")], code)),
                _ => Some((wrap(body, "async move { ", " }"), code)),
            }
        }
        Op::ReplaceCall(path) => {
            let syn::Expr::Call(call) = innermost(
                &|e| matches!(e, syn::Expr::Call(c) if matches!(c.func.as_ref(), syn::Expr::Path(_))),
            )?
            else {
                return None;
            };
            let code = text(range(call));
            let edits = vec![
                replace(range(&*call.func), path.clone()),
                insert(range(call).end, ".await"),
            ];
            Some((edits, code))
        }
        Op::AwaitArgument => {
            let call = innermost(&|e| match e {
                syn::Expr::Call(c) => c.args.len() == 1,
                syn::Expr::MethodCall(c) => c.args.len() == 1,
                _ => false,
            })?;
            let arg = match call {
                syn::Expr::Call(c) => &c.args[0],
                syn::Expr::MethodCall(c) => &c.args[0],
                _ => return None,
            };
            let inner = text(range(arg));
            let awaited = if postfix_ok(arg) {
                format!("{inner}.await")
            } else {
                format!("({inner}).await")
            };
            Some((vec![replace(range(call), awaited)], text(range(call))))
        }
        Op::InsertBefore(t) => Some((
            vec![insert(at.range.start, t.clone())],
            text(at.range.clone()),
        )),
        Op::InsertAfter(t) => Some((
            vec![insert(at.range.end, t.clone())],
            text(at.range.clone()),
        )),
        Op::Replace(t) => {
            // Removing a word (`const`) takes the spaces after it along.
            let mut r = at.range.clone();
            if t.is_empty() {
                r.end += at.file.text[r.end..].len()
                    - at.file.text[r.end..].trim_start_matches(' ').len();
            }
            Some((vec![replace(r, t.clone())], text(at.range.clone())))
        }
        Op::AwaitForMethod => {
            // The method rustc points at, called on the future: replaced by `.await`.
            let call = around.iter().find_map(|e| match &**e {
                syn::Expr::MethodCall(m) if contains(&range(&m.method), &at.range) => Some(m),
                _ => None,
            });
            match call {
                Some(m) => {
                    let receiver = range(&*m.receiver);
                    let code = text(receiver.clone());
                    Some((vec![replace(receiver.end..range(m).end, ".await")], code))
                }
                None => build(&Op::Await, at, inputs),
            }
        }
        Op::JoinAll => {
            let value = value_expr(&around, at)?;
            let r = range(value);
            let code = text(r.clone());
            Some((wrap(r, "futures::future::join_all(", ")"), code))
        }
        Op::ForAwait(method) => {
            let for_loop = around.iter().find_map(|e| match &**e {
                syn::Expr::ForLoop(f) if contains(&range(&*f.expr), &at.range) => Some(f),
                _ => None,
            })?;
            let mut source = for_loop.expr.as_ref();
            while let syn::Expr::Reference(r) = source {
                source = &r.expr;
            }
            let pat = text(range(&*for_loop.pat));
            let iterable = text(range(source));
            let head = range(&for_loop.for_token).start..range(&*for_loop.expr).end;
            let mut edits = vec![replace(
                head,
                format!("while let Some({pat}) = {iterable}.{method}().await"),
            )];
            // Taking items needs `&mut`: the binding must be `mut`.
            if let Some(name) = local_name(source) {
                edits.extend(make_mut(file, &name, at.range.start));
            }
            // A stream's `next` comes from `StreamExt`, imported unless it is.
            if method == "next"
                && let Some((import, _)) = super::items::add_use(file, at, "futures::StreamExt")
            {
                edits.extend(import);
            }
            Some((edits, iterable))
        }
        Op::ScopeBeforeAwait
        | Op::CargoFeature(_)
        | Op::CargoEdition(_)
        | Op::HoistBeforeAwait
        | Op::AddUse(_)
        | Op::BoxTraitFutures
        | Op::PinBoxedSuggestions
        | Op::RcToArc
        | Op::TokioLock(_)
        | Op::SendSyncErrors
        | Op::SendSyncDyn
        | Op::SendDyn(_)
        | Op::AsyncTraitImpl
        | Op::AsyncImplMethod
        | Op::Suggested => None,
        Op::TokioFlavor(flavor) => {
            // The attribute is read as text: its arguments are tokens, not an expression.
            let source = &at.file.text;
            let open = source[..at.range.start].rfind("#[")?;
            let close = open + source[open..].find(']')?;
            if close < at.range.end {
                return None;
            }
            let attribute = &source[open..close];
            let head = attribute.trim_start_matches("#[").trim_start();
            if !["tokio::main", "tokio::test", "main(", "test("]
                .iter()
                .any(|name| head.starts_with(name))
            {
                return None;
            }
            let key = attribute.find("flavor")?;
            let value = key + attribute[key..].find('"')?;
            let end = value + 1 + attribute[value + 1..].find('"')?;
            Some((
                vec![replace(
                    open + value..open + end + 1,
                    format!("\"{flavor}\""),
                )],
                attribute.to_owned(),
            ))
        }
        Op::Wrap(function) => {
            let value = around.iter().map(|e| &**e).find(|e| range(e) == at.range)?;
            let r = range(value);
            Some((wrap(r.clone(), &format!("{function}("), ")"), text(r)))
        }
        Op::JoinAllCollect => {
            if !at.innermost()?.kind.is_async() {
                return None;
            }
            let call = around.iter().find_map(|e| match &**e {
                syn::Expr::MethodCall(m)
                    if m.method == "collect"
                        && m.args.is_empty()
                        && contains(&range(&m.method), &at.range) =>
                {
                    Some(m)
                }
                _ => None,
            })?;
            let receiver = range(&*call.receiver);
            let r = range(call);
            Some((
                vec![
                    insert(receiver.start, "futures::future::join_all("),
                    replace(receiver.end..r.end, ").await"),
                ],
                text(r),
            ))
        }
        Op::CallIt => {
            let value = around
                .iter()
                .map(|e| &**e)
                .find(|e| range(e) == at.range || contains(&range(e), &at.range))?;
            match value {
                syn::Expr::Path(p) if p.qself.is_none() && range(value) == at.range => {
                    let name = p.path.get_ident()?.to_string();
                    if fn_params(file, &name)? != 0 {
                        return None;
                    }
                    Some((vec![insert(range(value).end, "()")], name))
                }
                syn::Expr::Closure(c) if c.inputs.is_empty() => {
                    let body = range(&*c.body);
                    let head = range(c).start..body.start;
                    match (&c.asyncness, c.body.as_ref()) {
                        // `async move || { … }` → `async move { … }`
                        (Some(_), syn::Expr::Block(_)) => {
                            let capture = if c.capture.is_some() {
                                "async move "
                            } else {
                                "async "
                            };
                            Some((vec![replace(head, capture)], text(range(c))))
                        }
                        // `|| async { … }` → `async { … }`
                        (None, syn::Expr::Async(_)) => {
                            Some((vec![replace(head, "")], text(range(c))))
                        }
                        _ => None,
                    }
                }
                _ => None,
            }
        }
        Op::PinInPlace => {
            let call = around.iter().find_map(|e| match &**e {
                syn::Expr::Call(c)
                    if c.args.len() == 1
                        && matches!(c.func.as_ref(), syn::Expr::Path(p) if path_ends_with(&p.path, &["Pin", "new"])) =>
                {
                    Some(c)
                }
                _ => None,
            })?;
            let code = text(range(call));
            match &call.args[0] {
                syn::Expr::Reference(r) if r.mutability.is_some() => Some((
                    vec![replace(
                        range(call),
                        format!("std::pin::pin!({})", text(range(&*r.expr))),
                    )],
                    code,
                )),
                syn::Expr::Call(inner)
                    if inner.args.len() == 1
                        && matches!(inner.func.as_ref(), syn::Expr::Path(p) if path_ends_with(&p.path, &["Box", "new"])) =>
                {
                    Some((
                        vec![replace(
                            range(call),
                            format!("Box::pin({})", text(range(&inner.args[0]))),
                        )],
                        code,
                    ))
                }
                _ => None,
            }
        }
        Op::BoxedFutures => {
            // The values, each with whether `.boxed()` may follow it without parentheses.
            let values: Vec<(Range<usize>, bool)> = match meeting_values(&around) {
                Some(values) => values.iter().map(|v| (range(*v), postfix_ok(v))).collect(),
                None => {
                    let vec = around.iter().find_map(|e| match &**e {
                        syn::Expr::Macro(m) if m.mac.path.is_ident("vec") => Some(m),
                        _ => None,
                    })?;
                    vec.mac
                        .parse_body_with(
                            syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated,
                        )
                        .ok()?
                        .iter()
                        .map(|v| (range(v), postfix_ok(v)))
                        .collect()
                }
            };
            if values.len() < 2 {
                return None;
            }
            let mut edits: Vec<Replacement> = values
                .into_iter()
                .flat_map(|(r, bare)| {
                    if bare {
                        vec![insert(r.end, ".boxed()")]
                    } else {
                        vec![insert(r.start, "("), insert(r.end, ").boxed()")]
                    }
                })
                .collect();
            if let Some((import, _)) = super::items::add_use(file, at, "futures::FutureExt") {
                edits.extend(import);
            }
            Some((edits, text(at.range.clone())))
        }
        Op::SpawnBlocking => {
            // Only where it can be awaited: directly in async code.
            if !at.innermost()?.kind.is_async() {
                return None;
            }
            let call = around.iter().map(|e| &**e).find(|e| {
                matches!(e, syn::Expr::Call(_) | syn::Expr::MethodCall(_))
                    && contains(&range(*e), &at.range)
            })?;
            let r = range(call);
            Some((
                wrap(
                    r.clone(),
                    "tokio::task::spawn_blocking(move || ",
                    ").await.expect(\"the blocking task panicked\")",
                ),
                text(r),
            ))
        }
        Op::UnblockMethod => {
            let call = around.iter().find_map(|e| match &**e {
                syn::Expr::MethodCall(m)
                    if m.method.to_string().starts_with("blocking_")
                        && (contains(&range(&m.method), &at.range)
                            || contains(&at.range, &range(&m.method))) =>
                {
                    Some(m)
                }
                _ => None,
            })?;
            let name = call.method.to_string();
            let awaited = name.strip_prefix("blocking_")?;
            Some((
                vec![
                    replace(range(&call.method), awaited),
                    insert(range(call).end, ".await"),
                ],
                name,
            ))
        }
        Op::BoxRecursiveCalls => {
            let function = at.function()?;
            let name = function.name.clone()?;
            let calls = self_calls(file, function.body.clone(), &name);
            if calls.is_empty() {
                return None;
            }
            let edits = calls
                .into_iter()
                .flat_map(|r| wrap(r, "Box::pin(", ")"))
                .collect();
            Some((edits, name))
        }
        Op::QuestionMark => {
            // Only where `?` can pass the error on: the innermost scope is a function that
            // returns a `Result`.
            let inner = at.innermost()?;
            let function = at.function()?;
            let header = at.file.slice(function.header_start..function.body.start);
            let returns = header.rsplit_once("->").map(|(_, r)| r)?;
            if !inner.kind.is_fn() || !returns.contains("Result") {
                return None;
            }
            // The expression at the anchor, or, for a `let` pattern rustc points at, its value.
            let value = match around.iter().map(|e| &**e).find(|e| range(e) == at.range) {
                Some(value) => value,
                None => let_value_of_pattern(file, &at.range)?,
            };
            if matches!(value, syn::Expr::Try(_)) {
                return None;
            }
            let r = range(value);
            Some((postfix(value, r.clone(), "?"), text(r)))
        }
        Op::ReadyClosureBody => {
            let call = around.iter().find_map(|e| match &**e {
                syn::Expr::MethodCall(m) if contains(&range(&m.method), &at.range) => Some(m),
                _ => None,
            })?;
            let closure = call.args.iter().find_map(|a| match a {
                syn::Expr::Closure(c) if c.asyncness.is_none() => Some(c),
                _ => None,
            })?;
            if matches!(closure.body.as_ref(), syn::Expr::Async(_)) {
                return None;
            }
            let body = range(&*closure.body);
            Some((
                wrap(body, "std::future::ready(", ")"),
                call.method.to_string(),
            ))
        }
        Op::BlockOnInThread => {
            // The closure whose body awaits (the anchor is in it), or the async block at the
            // anchor, given straight to a call that runs it on a thread.
            let (arg, closure) = around.iter().map(|e| &**e).find_map(|e| match e {
                syn::Expr::Closure(c)
                    if c.asyncness.is_none() && contains(&range(&*c.body), &at.range) =>
                {
                    Some((e, Some(c)))
                }
                syn::Expr::Async(_) if contains(&range(e), &at.range) => Some((e, None)),
                _ => None,
            })?;
            let r = range(arg);
            let callee = around.iter().find_map(|e| match &**e {
                syn::Expr::Call(c) if c.args.iter().any(|a| range(a) == r) => {
                    Some(text(range(&*c.func)))
                }
                syn::Expr::MethodCall(m) if m.args.iter().any(|a| range(a) == r) => {
                    Some(m.method.to_string())
                }
                _ => None,
            })?;
            let last = callee.rsplit("::").next().unwrap_or(&callee);
            let runtime = if last == "spawn_blocking" {
                // tokio's blocking threads know their runtime.
                "tokio::runtime::Handle::current().block_on("
            } else if callee.contains("thread::") || callee == "spawn" || callee == "spawn_scoped" {
                "tokio::runtime::Builder::new_current_thread().enable_all().build()\
                 .expect(\"a runtime for this thread\").block_on("
            } else {
                return None;
            };
            let edits = match (closure, arg) {
                (Some(c), _) => {
                    let body = range(&*c.body);
                    if !awaits_in(&c.body) {
                        return None;
                    }
                    match c.body.as_ref() {
                        syn::Expr::Block(b) if b.label.is_none() => {
                            wrap(body, &format!("{runtime}async "), ")")
                        }
                        _ => wrap(body, &format!("{runtime}async {{ "), " })"),
                    }
                }
                (None, syn::Expr::Async(block)) => {
                    let capture = if block.capture.is_some() { "move " } else { "" };
                    if awaits_in_block(&block.block) {
                        vec![
                            insert(r.start, format!("{capture}|| {runtime}")),
                            insert(r.end, ")"),
                        ]
                    } else {
                        // Sync code in an async block: the closure the thread wants.
                        let head = range(&block.async_token).start..range(&block.block).start;
                        vec![replace(head, format!("{capture}|| "))]
                    }
                }
                _ => return None,
            };
            Some((edits, callee))
        }
    }
}

/// Whether `e` awaits, outside the async blocks and closures in it.
fn awaits_in(e: &syn::Expr) -> bool {
    let mut finder = AwaitFinder(false);
    finder.visit_expr(e);
    finder.0
}

fn awaits_in_block(b: &syn::Block) -> bool {
    let mut finder = AwaitFinder(false);
    finder.visit_block(b);
    finder.0
}

struct AwaitFinder(bool);

impl<'ast> Visit<'ast> for AwaitFinder {
    fn visit_expr_await(&mut self, _: &'ast syn::ExprAwait) {
        self.0 = true;
    }
    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The task must own the copy and lend it: `move` on the async block it runs, or, for a spawned
/// call that borrowed `name` (`spawn(process(name))`), an async block that owns the copy and
/// lends it to the call (`spawn(async move { process(&name).await })`).
fn task_owns(
    file: &syn::File,
    at: &Place,
    around: &[ExprRef<'_>],
    name: &str,
    stmt: Range<usize>,
) -> Option<Vec<Replacement>> {
    let block = around
        .iter()
        .map(|e| &**e)
        .chain(async_blocks_in(file, stmt))
        .find_map(|e| match e {
            syn::Expr::Async(a) => Some(a),
            _ => None,
        });
    if let Some(block) = block {
        return Some(match block.capture {
            Some(_) => Vec::new(),
            None => vec![insert(range(&block.async_token).end, " move")],
        });
    }
    // The spawned call: the argument of the call around the anchor that passes `name` on.
    let spawned = around.iter().find_map(|e| match &**e {
        syn::Expr::Call(c) => c.args.iter().find_map(|arg| match arg {
            syn::Expr::Call(inner) if passes(&inner.args, name) => Some((arg, &inner.args)),
            _ => None,
        }),
        _ => None,
    })?;
    let (call, args) = spawned;
    let mut lent = at.file.slice(range(call)).to_owned();
    let base = range(call).start;
    // Lend the owned copy where the borrowed value went (from the last argument back, so
    // earlier offsets stay right).
    for arg in args.iter().rev() {
        if matches!(arg, syn::Expr::Path(p) if p.path.is_ident(name)) {
            let r = range(arg);
            lent.replace_range(r.start - base..r.end - base, &format!("&{name}"));
        }
    }
    Some(vec![replace(
        range(call),
        format!("async move {{ {lent}.await }}"),
    )])
}

fn passes(args: &syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>, name: &str) -> bool {
    args.iter()
        .any(|a| matches!(a, syn::Expr::Path(p) if p.path.is_ident(name)))
}

/// The expression whose value the anchor stands for: the expression exactly at the span; for a
/// method name or field name rustc points at, the receiver; for `x?`, `x`; for the `.await` of
/// something that cannot be awaited, that thing.
fn value_expr<'a>(around: &'a [ExprRef<'_>], at: &Place) -> Option<&'a syn::Expr> {
    let inner: &syn::Expr = around.first()?;
    let exact = range(inner) == at.range;
    let value = match inner {
        syn::Expr::MethodCall(m) if !exact || range(&m.method).start <= at.range.start => {
            m.receiver.as_ref()
        }
        syn::Expr::Field(f) if !exact => f.base.as_ref(),
        syn::Expr::Try(t) => t.expr.as_ref(),
        syn::Expr::Await(a) if range(&a.await_token).start <= at.range.start => a.base.as_ref(),
        other if exact => other,
        // A larger expression around the span (inside a macro syn cannot read): not the value.
        _ => return None,
    };
    Some(operand(value))
}

/// For an operator rustc points at as a whole (`-f()`, `*f()`, `f()[0]`, `f() + 1`), the
/// operand that is a call: the value the code meant.
fn operand(e: &syn::Expr) -> &syn::Expr {
    let call = |e: &syn::Expr| matches!(e, syn::Expr::Call(_) | syn::Expr::MethodCall(_));
    match e {
        syn::Expr::Unary(u) => u.expr.as_ref(),
        syn::Expr::Index(i) => i.expr.as_ref(),
        syn::Expr::Binary(b) if call(&b.left) && !call(&b.right) => b.left.as_ref(),
        syn::Expr::Binary(b) if call(&b.right) && !call(&b.left) => b.right.as_ref(),
        other => other,
    }
}

/// Whether `expr.suffix` needs no parentheses.
fn postfix_ok(e: &syn::Expr) -> bool {
    matches!(
        e,
        syn::Expr::Path(_)
            | syn::Expr::Call(_)
            | syn::Expr::MethodCall(_)
            | syn::Expr::Field(_)
            | syn::Expr::Index(_)
            | syn::Expr::Paren(_)
            | syn::Expr::Macro(_)
            | syn::Expr::Await(_)
            | syn::Expr::Try(_)
            | syn::Expr::Async(_)
            | syn::Expr::Block(_)
            | syn::Expr::Lit(_)
            | syn::Expr::Tuple(_)
            | syn::Expr::Array(_)
            | syn::Expr::Struct(_)
    )
}

/// A suffix after an expression, with parentheses when its precedence needs them.
fn postfix(e: &syn::Expr, r: Range<usize>, suffix: &str) -> Vec<Replacement> {
    if postfix_ok(e) {
        vec![insert(r.end, suffix)]
    } else {
        vec![insert(r.start, "("), insert(r.end, format!("){suffix}"))]
    }
}

fn wrap(r: Range<usize>, open: &str, close: &str) -> Vec<Replacement> {
    vec![insert(r.start, open), insert(r.end, close)]
}

fn path_ends_with(path: &syn::Path, names: &[&str]) -> bool {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    segments.len() >= names.len() && segments[segments.len() - names.len()..] == *names
}

/// Whether awaiting the expression can be what the code meant: not an `async` block written in
/// place (its body is the value), not an iterator or stream adapter chain (many futures, not
/// one: they are joined or buffered, not awaited).
fn awaitable_shape(e: &syn::Expr) -> bool {
    const ADAPTERS: &[&str] = &[
        "map",
        "filter",
        "filter_map",
        "flat_map",
        "iter",
        "into_iter",
        "iter_mut",
        "chain",
        "zip",
        "enumerate",
        "rev",
        "cloned",
        "copied",
        "skip",
        "take",
        "inspect",
    ];
    match e {
        syn::Expr::Async(_) => false,
        syn::Expr::MethodCall(m) => !ADAPTERS.contains(&m.method.to_string().as_str()),
        syn::Expr::Paren(p) => awaitable_shape(&p.expr),
        _ => true,
    }
}

/// The calls in `body` of the function named `name` (`name(…)`, `Self::name(…)`,
/// `self.name(…)`), not already boxed.
fn self_calls(file: &syn::File, body: Range<usize>, name: &str) -> Vec<Range<usize>> {
    struct Finder<'n> {
        body: Range<usize>,
        name: &'n str,
        boxed: Vec<Range<usize>>,
        found: Vec<Range<usize>>,
    }
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_expr(&mut self, e: &'ast syn::Expr) {
            let r = range(e);
            if contains(&self.body, &r) {
                let is_self_call = match e {
                    syn::Expr::Call(c) => matches!(c.func.as_ref(), syn::Expr::Path(p)
                        if p.qself.is_none()
                            && p.path.segments.last().is_some_and(|s| s.ident == self.name)
                            && (p.path.segments.len() == 1
                                || (p.path.segments.len() == 2 && p.path.segments[0].ident == "Self"))),
                    // `self.walk()`, `child.walk()`: a method recursing into another value
                    syn::Expr::MethodCall(m) => m.method == self.name,
                    _ => false,
                };
                if let syn::Expr::Call(c) = e
                    && matches!(c.func.as_ref(), syn::Expr::Path(p) if path_ends_with(&p.path, &["Box", "pin"]))
                {
                    self.boxed.extend(c.args.iter().map(range));
                }
                if is_self_call && !self.boxed.contains(&r) {
                    self.found.push(r);
                }
            }
            visit::visit_expr(self, e);
        }
    }
    let mut finder = Finder {
        body,
        name,
        boxed: Vec::new(),
        found: Vec::new(),
    };
    finder.visit_file(file);
    finder.found
}

/// The initializer of the `let` whose pattern contains the range.
fn let_value_of_pattern<'f>(file: &'f syn::File, target: &Range<usize>) -> Option<&'f syn::Expr> {
    struct Finder<'ast, 't> {
        target: &'t Range<usize>,
        found: Option<&'ast syn::Expr>,
    }
    impl<'ast> Visit<'ast> for Finder<'ast, '_> {
        fn visit_local(&mut self, local: &'ast syn::Local) {
            if contains(&range(&local.pat), self.target) {
                self.found = local.init.as_ref().map(|i| i.expr.as_ref());
            }
            visit::visit_local(self, local);
        }
    }
    let mut finder = Finder {
        target,
        found: None,
    };
    finder.visit_file(file);
    finder.found
}

/// The values that must share one type around the anchor, innermost first: a `vec![…]`'s or an
/// array's elements, a `match`'s arms, an `if`'s branches (their last expressions).
fn meeting_values<'a>(around: &'a [ExprRef<'_>]) -> Option<Vec<&'a syn::Expr>> {
    fn tail(block: &syn::Block) -> Option<&syn::Expr> {
        match block.stmts.last()? {
            syn::Stmt::Expr(e, None) => Some(e),
            _ => None,
        }
    }
    fn branches<'e>(i: &'e syn::ExprIf, out: &mut Vec<&'e syn::Expr>) -> Option<()> {
        out.push(tail(&i.then_branch)?);
        match i.else_branch.as_ref()?.1.as_ref() {
            syn::Expr::If(next) => branches(next, out),
            syn::Expr::Block(b) => {
                out.push(tail(&b.block)?);
                Some(())
            }
            _ => None,
        }
    }
    around.iter().find_map(|e| match &**e {
        syn::Expr::Array(a) => Some(a.elems.iter().collect()),
        syn::Expr::Match(m) => m
            .arms
            .iter()
            .map(|arm| match arm.body.as_ref() {
                syn::Expr::Block(b) => tail(&b.block),
                other => Some(other),
            })
            .collect(),
        syn::Expr::If(i) => {
            let mut out = Vec::new();
            branches(i, &mut out).map(|()| out)
        }
        _ => None,
    })
}

/// Where the text calls `name(…)` (a whole word followed by `(`, not its `fn name(` declaration).
fn calls_by_text<'t>(text: &'t str, name: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
    text.match_indices(name).filter_map(move |(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].trim_start().chars().next();
        let word_start = !before.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let declared = text[..at].trim_end().ends_with("fn");
        (word_start && after == Some('(') && !declared).then(|| at..at + name.len())
    })
}

/// Whether the position is inside an `impl Trait for Type` block.
fn in_trait_impl(file: &syn::File, at: usize) -> bool {
    file.items.iter().any(|item| match item {
        syn::Item::Impl(i) => i.trait_.is_some() && range(i).contains(&at),
        syn::Item::Mod(m) => m.content.as_ref().is_some_and(|(_, items)| {
            items.iter().any(|item| {
                matches!(item, syn::Item::Impl(i) if i.trait_.is_some() && range(i).contains(&at))
            })
        }),
        _ => false,
    })
}

/// Whether the file declares a function (free or associated) of this name.
/// The number of parameters of the function `name` of the file, when there is exactly one such
/// function.
fn fn_params(file: &syn::File, name: &str) -> Option<usize> {
    struct Finder<'n> {
        name: &'n str,
        found: Vec<usize>,
    }
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_signature(&mut self, sig: &'ast syn::Signature) {
            if sig.ident == self.name {
                self.found.push(sig.inputs.len());
            }
        }
    }
    let mut finder = Finder {
        name,
        found: Vec::new(),
    };
    finder.visit_file(file);
    match finder.found[..] {
        [n] => Some(n),
        _ => None,
    }
}

fn names_fn_item(file: &syn::File, name: &str) -> bool {
    struct Finder<'n> {
        name: &'n str,
        found: bool,
    }
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_signature(&mut self, sig: &'ast syn::Signature) {
            self.found |= sig.ident == self.name;
        }
    }
    let mut finder = Finder { name, found: false };
    finder.visit_file(file);
    finder.found
}

/// The name of a local binding the expression is (`x`, `&mut x`, `(x)`).
fn local_name(e: &syn::Expr) -> Option<String> {
    match e {
        syn::Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
            let name = p.path.segments[0].ident.to_string();
            name.starts_with(|c: char| c.is_lowercase() || c == '_')
                .then_some(name)
        }
        syn::Expr::Reference(r) => local_name(&r.expr),
        syn::Expr::Paren(p) => local_name(&p.expr),
        _ => None,
    }
}

fn is_identifier(name: &str) -> bool {
    !name.is_empty()
        && name.chars().all(|c| c.is_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit())
}

/// The last `let` binding `name` (a plain identifier pattern) that ends before `before`.
fn let_statement(file: &syn::File, name: &str, before: usize) -> Option<Range<usize>> {
    struct Finder<'n> {
        name: &'n str,
        before: usize,
        found: Option<Range<usize>>,
    }
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_local(&mut self, local: &'ast syn::Local) {
            let r = range(local);
            if r.end <= self.before && binds(&local.pat, self.name) {
                self.found = Some(r);
            }
            visit::visit_local(self, local);
        }
    }
    let mut finder = Finder {
        name,
        before,
        found: None,
    };
    finder.visit_file(file);
    finder.found
}

/// The initializer of the last `let name = …;` before `before`, when it is a call (the future
/// is made there).
fn let_initializer<'f>(file: &'f syn::File, name: &str, before: usize) -> Option<&'f syn::Expr> {
    let_init(file, name, before)
        .filter(|e| matches!(e, syn::Expr::Call(_) | syn::Expr::MethodCall(_)))
}

/// The ranges of the items of `vec![a, b]` or `[a, b]`.
fn collection_items(e: &syn::Expr) -> Option<Vec<Range<usize>>> {
    use syn::punctuated::Punctuated;
    match e {
        syn::Expr::Array(a) => Some(a.elems.iter().map(range).collect()),
        syn::Expr::Macro(m) if m.mac.path.is_ident("vec") => {
            let items = m
                .mac
                .parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
                .ok()?;
            Some(items.iter().map(range).collect())
        }
        _ => None,
    }
}

/// The initializer of the last `let name = …;` before `before`.
fn let_init<'f>(file: &'f syn::File, name: &str, before: usize) -> Option<&'f syn::Expr> {
    struct Finder<'ast, 'n> {
        name: &'n str,
        before: usize,
        found: Option<&'ast syn::Expr>,
    }
    impl<'ast> Visit<'ast> for Finder<'ast, '_> {
        fn visit_local(&mut self, local: &'ast syn::Local) {
            if range(local).end <= self.before && binds(&local.pat, self.name) {
                self.found = local.init.as_ref().map(|i| i.expr.as_ref());
            }
            visit::visit_local(self, local);
        }
    }
    let mut finder = Finder {
        name,
        before,
        found: None,
    };
    finder.visit_file(file);
    finder.found
}

fn binds(pat: &syn::Pat, name: &str) -> bool {
    match pat {
        syn::Pat::Ident(i) => i.ident == name,
        syn::Pat::Type(t) => binds(&t.pat, name),
        _ => false,
    }
}

/// `mut ` before the identifier that binds `name` in the last `let` before `before` (a tuple's
/// element too: `let (tx, mut rx) = …`), unless it is `mut` already; `None` when there is no
/// such `let`, or the binding is already mutable.
fn make_mut(file: &syn::File, name: &str, before: usize) -> Option<Replacement> {
    struct Finder<'n> {
        name: &'n str,
        before: usize,
        found: Option<Option<usize>>,
    }
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_local(&mut self, local: &'ast syn::Local) {
            if range(local).end <= self.before {
                let mut idents = Idents(self.name, None);
                idents.visit_pat(&local.pat);
                if let Some(ident) = idents.1 {
                    self.found = Some(
                        (ident.mutability.is_none() && ident.by_ref.is_none())
                            .then(|| range(&ident.ident).start),
                    );
                }
            }
            visit::visit_local(self, local);
        }
    }
    struct Idents<'n, 'ast>(&'n str, Option<&'ast syn::PatIdent>);
    impl<'ast> Visit<'ast> for Idents<'_, 'ast> {
        fn visit_pat_ident(&mut self, i: &'ast syn::PatIdent) {
            if i.ident == self.0 {
                self.1 = Some(i);
            }
        }
    }
    let mut finder = Finder {
        name,
        before,
        found: None,
    };
    finder.visit_file(file);
    finder.found.flatten().map(|at| insert(at, "mut "))
}

/// The statement of the innermost block that contains the range.
pub(super) fn statement_around(file: &syn::File, target: Range<usize>) -> Option<Range<usize>> {
    struct Finder {
        target: Range<usize>,
        found: Option<Range<usize>>,
    }
    impl<'ast> Visit<'ast> for Finder {
        fn visit_block(&mut self, block: &'ast syn::Block) {
            for stmt in &block.stmts {
                let r = range(stmt);
                if r.start <= self.target.start && self.target.end <= r.end {
                    self.found = Some(r);
                }
            }
            visit::visit_block(self, block);
        }
    }
    let mut finder = Finder {
        target,
        found: None,
    };
    finder.visit_file(file);
    finder.found
}

/// The async blocks inside a range (the task a statement spawns).
fn async_blocks_in(file: &syn::File, within: Range<usize>) -> Vec<&syn::Expr> {
    struct Finder<'ast> {
        within: Range<usize>,
        found: Vec<&'ast syn::Expr>,
    }
    impl<'ast> Visit<'ast> for Finder<'ast> {
        fn visit_expr(&mut self, e: &'ast syn::Expr) {
            let r = range(e);
            if matches!(e, syn::Expr::Async(_))
                && self.within.start <= r.start
                && r.end <= self.within.end
            {
                self.found.push(e);
            }
            visit::visit_expr(self, e);
        }
    }
    let mut finder = Finder {
        within,
        found: Vec::new(),
    };
    finder.visit_file(file);
    finder.found
}

/// The generics of the function item whose range this is.
fn generics_of(file: &syn::File, function: Range<usize>) -> Option<&syn::Generics> {
    struct Finder<'ast> {
        function: Range<usize>,
        found: Option<&'ast syn::Generics>,
    }
    impl<'ast> Visit<'ast> for Finder<'ast> {
        fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
            if range(f) == self.function {
                self.found = Some(&f.sig.generics);
            }
            visit::visit_item_fn(self, f);
        }
        fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
            if range(f) == self.function {
                self.found = Some(&f.sig.generics);
            }
            visit::visit_impl_item_fn(self, f);
        }
    }
    let mut finder = Finder {
        function,
        found: None,
    };
    finder.visit_file(file);
    finder.found
}

/// `+ bound` after the bounds of the type parameter `param`, in its declaration or its `where`
/// clause.
fn add_bound(
    generics: &syn::Generics,
    param: &str,
    bound: &str,
    at: &Place,
) -> Option<(Vec<Replacement>, String)> {
    for p in generics.type_params() {
        if p.ident != param {
            continue;
        }
        let edit = match p.bounds.last() {
            Some(last) => insert(range(last).end, format!(" + {bound}")),
            None => insert(range(&p.ident).end, format!(": {bound}")),
        };
        return Some((vec![edit], format!("{param}: {bound}")));
    }
    let clause = generics.where_clause.as_ref()?;
    for predicate in &clause.predicates {
        if let syn::WherePredicate::Type(t) = predicate
            && at.file.slice(range(&t.bounded_ty)) == param
        {
            let last = t.bounds.last()?;
            return Some((
                vec![insert(range(last).end, format!(" + {bound}"))],
                format!("{param}: {bound}"),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::Op;
    use super::super::tests::apply;

    #[test]
    fn await_goes_after_the_value_or_its_receiver() {
        let src = "async fn f() { let n = count(); g(n); }";
        assert_eq!(
            apply(Op::Await, src, "count()").unwrap(),
            "async fn f() { let n = count().await; g(n); }"
        );
        let src = "async fn f() { println!(\"{}\", scores.len()); }";
        assert_eq!(
            apply(Op::Await, "async fn f() { let l = scores.len(); }", "len").unwrap(),
            "async fn f() { let l = scores.await.len(); }"
        );
        let _ = src;
        assert_eq!(
            apply(
                Op::Await,
                "async fn f() -> R { let c = read()?; c }",
                "read()?"
            )
            .unwrap(),
            "async fn f() -> R { let c = read().await?; c }"
        );
        assert_eq!(
            apply(Op::Await, "async fn f() { let s = a + b; }", "a + b").unwrap(),
            "async fn f() { let s = (a + b).await; }"
        );
    }

    #[test]
    fn await_is_not_offered_where_awaiting_is_no_fix() {
        // Already awaited, an async block written in place, an iterator of futures, a
        // function named rather than called.
        for (src, at, nth) in [
            (
                "async fn f() { let v = s.collect::<Vec<u8>>().await; }",
                "s.collect::<Vec<u8>>()",
                0,
            ),
            ("async fn f() { retry(async { 1 }); }", "async { 1 }", 0),
            (
                "async fn f() { let t: u32 = ids.iter().map(|i| p(*i)).sum(); }",
                "sum",
                0,
            ),
            ("fn index() {}\nasync fn f() { mount(index); }", "index", 1),
        ] {
            let (_dir, place) = super::super::tests::place_at_nth(src, at, nth);
            let edit = super::super::build(&Op::Await, &place, &Default::default());
            assert!(edit.is_none(), "{src}");
        }
        // A borrowed future: the borrow is of the value.
        assert_eq!(
            apply(Op::Await, "async fn f() { g(&name()); }", "&name()").unwrap(),
            "async fn f() { g(&name().await); }"
        );
    }

    #[test]
    fn async_fn_keeps_trait_impls_and_main() {
        let src = "impl Named for A {\n    fn name(&self) -> String {\n        x.await\n    }\n}";
        assert_eq!(apply(Op::AsyncFn, src, "x.await"), None);
        assert_eq!(
            apply(Op::AsyncFn, "fn main() { x.await; }", "x.await"),
            None
        );
    }

    #[test]
    fn pin_borrowed_futures_and_collections() {
        let src = "async fn f() {\n    let p = &load(7);\n    let u = p.await;\n}";
        assert_eq!(
            apply(Op::Pin, src, "await").unwrap(),
            "async fn f() {\n    let mut p = std::pin::pin!(load(7));\n    let u = p.await;\n}"
        );
        let src = "async fn f() {\n    let ps = vec![a(1), a(2)];\n    select_all(ps).await;\n}";
        let (_dir, place) = super::super::tests::place_at_nth(src, "ps", 1);
        let edit = super::super::build(&Op::Pin, &place, &Default::default()).unwrap();
        assert_eq!(
            edit.applied(),
            "async fn f() {\n    let ps = vec![Box::pin(a(1)), Box::pin(a(2))];\n    select_all(ps).await;\n}"
        );
    }

    #[test]
    fn recursive_calls_are_boxed_question_marks_and_ready_closures() {
        let src = "async fn fib(n: u64) -> u64 {\n    fib(n - 1).await + fib(n - 2).await\n}";
        assert_eq!(
            apply(Op::BoxRecursiveCalls, src, "async fn fib(n: u64) -> u64").unwrap(),
            "async fn fib(n: u64) -> u64 {\n    Box::pin(fib(n - 1)).await + Box::pin(fib(n - 2)).await\n}"
        );
        let src =
            "async fn d() -> Result<u8, E> {\n    let (a, b) = try_join!(x(), y());\n    Ok(a)\n}";
        assert_eq!(
            apply(Op::QuestionMark, src, "(a, b)").unwrap(),
            "async fn d() -> Result<u8, E> {\n    let (a, b) = try_join!(x(), y())?;\n    Ok(a)\n}"
        );
        let src = "async fn d() -> u8 {\n    let (a, b) = try_join!(x(), y());\n    a\n}";
        assert_eq!(apply(Op::QuestionMark, src, "(a, b)"), None);
        let src = "async fn f() { s.filter(|x| *x > 3).collect().await }";
        assert_eq!(
            apply(Op::ReadyClosureBody, src, "filter").unwrap(),
            "async fn f() { s.filter(|x| std::future::ready(*x > 3)).collect().await }"
        );
    }

    #[test]
    fn blocking_calls_move_to_the_blocking_pool_in_async_code_only() {
        assert_eq!(
            apply(
                Op::SpawnBlocking,
                "async fn f() { let t = std::fs::read(\"a\"); }",
                "std::fs::read"
            )
            .unwrap(),
            "async fn f() { let t = tokio::task::spawn_blocking(move || std::fs::read(\"a\")).await.expect(\"the blocking task panicked\"); }"
        );
        assert_eq!(
            apply(
                Op::SpawnBlocking,
                "fn f() { let t = std::fs::read(\"a\"); }",
                "std::fs::read"
            ),
            None
        );
    }

    #[test]
    fn futures_that_meet_are_boxed_to_one_type() {
        let src = "async fn f() {\n    let jobs = vec![async { 1u8 }, two()];\n}";
        assert_eq!(
            apply(Op::BoxedFutures, src, "two()").unwrap(),
            "use futures::FutureExt;\n\nasync fn f() {\n    let jobs = vec![async { 1u8 }.boxed(), two().boxed()];\n}"
        );
        let src = "use std::fmt;\nasync fn f(m: u8) {\n    let j = match m {\n        1 => async { 1 },\n        _ => async { 2 },\n    };\n}";
        assert_eq!(
            apply(Op::BoxedFutures, src, "async { 2 }").unwrap(),
            "use std::fmt;\nuse futures::FutureExt;\nasync fn f(m: u8) {\n    let j = match m {\n        1 => async { 1 }.boxed(),\n        _ => async { 2 }.boxed(),\n    };\n}"
        );
    }

    #[test]
    fn pin_new_of_a_future_pins_it_in_place() {
        assert_eq!(
            apply(
                Op::PinInPlace,
                "async fn f() { let p = Pin::new(&mut fut); }",
                "Pin::new"
            )
            .unwrap(),
            "async fn f() { let p = std::pin::pin!(fut); }"
        );
        assert_eq!(
            apply(
                Op::PinInPlace,
                "fn f() { let p = Pin::new(Box::new(g())); }",
                "Pin::new"
            )
            .unwrap(),
            "fn f() { let p = Box::pin(g()); }"
        );
    }

    #[test]
    fn async_work_on_a_thread_is_blocked_on_there() {
        const RT: &str = "tokio::runtime::Builder::new_current_thread().enable_all().build()\
                          .expect(\"a runtime for this thread\").block_on(";
        // A closure whose body awaits.
        assert_eq!(
            apply(
                Op::BlockOnInThread,
                "fn f() { std::thread::spawn(move || { let v = g().await; v }); }",
                "g().await"
            )
            .unwrap(),
            format!(
                "fn f() {{ std::thread::spawn(move || {RT}async {{ let v = g().await; v }})); }}"
            )
        );
        assert_eq!(
            apply(
                Op::BlockOnInThread,
                "fn f() { s.spawn(|| g().await); }",
                "g().await"
            )
            .unwrap(),
            format!("fn f() {{ s.spawn(|| {RT}async {{ g().await }})); }}")
        );
        // spawn_blocking's threads have the runtime's handle.
        assert_eq!(
            apply(
                Op::BlockOnInThread,
                "async fn f() { spawn_blocking(|| g().await); }",
                "g().await"
            )
            .unwrap(),
            "async fn f() { spawn_blocking(|| tokio::runtime::Handle::current().block_on(async { g().await })); }"
        );
        // An async block given where a closure is expected; without an `.await` in it, a closure.
        assert_eq!(
            apply(
                Op::BlockOnInThread,
                "fn f() { thread::spawn(async move { g().await }); }",
                "async move { g().await }"
            )
            .unwrap(),
            format!("fn f() {{ thread::spawn(move || {RT}async move {{ g().await }})); }}")
        );
        assert_eq!(
            apply(
                Op::BlockOnInThread,
                "async fn f() { tokio::task::spawn_blocking(async { read() }); }",
                "async { read() }"
            )
            .unwrap(),
            "async fn f() { tokio::task::spawn_blocking(|| { read() }); }"
        );
        // Not a thread: a closure an iterator adapter calls, or `tokio::spawn`.
        for (src, at) in [
            (
                "async fn f() { v.iter().map(|x| g(x).await); }",
                "g(x).await",
            ),
            ("async fn f() { tokio::spawn(|| g().await); }", "g().await"),
        ] {
            assert_eq!(apply(Op::BlockOnInThread, src, at), None, "{src}");
        }
    }

    #[test]
    fn what_is_passed_for_a_future_becomes_one() {
        assert_eq!(
            apply(
                Op::CallIt,
                "fn f() { spawn(work); }\nasync fn work() {}",
                "work"
            )
            .unwrap(),
            "fn f() { spawn(work()); }\nasync fn work() {}"
        );
        assert_eq!(
            apply(
                Op::CallIt,
                "fn f() { spawn(|| async { 1 }); }",
                "|| async { 1 }"
            )
            .unwrap(),
            "fn f() { spawn(async { 1 }); }"
        );
        assert_eq!(
            apply(
                Op::CallIt,
                "fn f() { spawn(async move || { g().await }); }",
                "async move || { g().await }"
            )
            .unwrap(),
            "fn f() { spawn(async move { g().await }); }"
        );
        // A function that takes arguments: what to pass is the user's to say.
        assert_eq!(
            apply(
                Op::CallIt,
                "fn f() { spawn(work); }\nasync fn work(n: u8) {}",
                "work"
            ),
            None
        );
    }

    #[test]
    fn wrapped_in_a_call_and_collected_futures_joined() {
        assert_eq!(
            apply(
                Op::Wrap("futures::stream::iter".into()),
                "async fn f() { s.chain(vec![3, 4]); }",
                "vec![3, 4]"
            )
            .unwrap(),
            "async fn f() { s.chain(futures::stream::iter(vec![3, 4])); }"
        );
        assert_eq!(
            apply(
                Op::JoinAllCollect,
                "async fn f() { let v: Vec<u8> = ids.iter().map(|i| g(*i)).collect::<Vec<_>>(); }",
                "collect"
            )
            .unwrap(),
            "async fn f() { let v: Vec<u8> = futures::future::join_all(ids.iter().map(|i| g(*i))).await; }"
        );
        // Sync code cannot await the joined futures.
        assert_eq!(
            apply(
                Op::JoinAllCollect,
                "fn f() { let v: Vec<u8> = ids.iter().map(|i| g(*i)).collect(); }",
                "collect"
            ),
            None
        );
    }

    #[test]
    fn a_tokio_attribute_gets_the_flavor_its_options_need() {
        assert_eq!(
            apply(
                Op::TokioFlavor("multi_thread".into()),
                "#[tokio::main(flavor = \"current_thread\", worker_threads = 2)]\nasync fn main() {}",
                "2)"
            )
            .unwrap(),
            "#[tokio::main(flavor = \"multi_thread\", worker_threads = 2)]\nasync fn main() {}"
        );
        // Not a runtime attribute.
        assert_eq!(
            apply(
                Op::TokioFlavor("multi_thread".into()),
                "#[serde(flavor = \"x\", n = 2)]\nstruct S;",
                "2)"
            ),
            None
        );
    }

    #[test]
    fn blocking_methods_become_awaited_ones() {
        assert_eq!(
            apply(
                Op::UnblockMethod,
                "async fn f() { let v = rx.blocking_recv(); }",
                "blocking_recv"
            )
            .unwrap(),
            "async fn f() { let v = rx.recv().await; }"
        );
    }

    #[test]
    fn move_async_and_tokio_main() {
        assert_eq!(
            apply(Op::Move, "fn f() { spawn(async { x }); }", "async { x }").unwrap(),
            "fn f() { spawn(async move { x }); }"
        );
        assert_eq!(
            apply(Op::AsyncFn, "pub fn load() { x.await; }", "x.await").unwrap(),
            "pub async fn load() { x.await; }"
        );
        assert_eq!(
            apply(
                Op::TokioMain,
                "fn main() {\n    run().await;\n}",
                "run().await"
            )
            .unwrap(),
            "#[tokio::main]\nasync fn main() {\n    run().await;\n}"
        );
    }

    #[test]
    fn box_pin_and_pin() {
        assert_eq!(
            apply(
                Op::BoxPin,
                "fn f() { let b = Box::new(async {}); }",
                "Box::new(async {})"
            )
            .unwrap(),
            "fn f() { let b = Box::pin(async {}); }"
        );
        let src = "async fn f() {\n    let s = make();\n    s.next().await;\n}";
        assert_eq!(
            apply(Op::Pin, src, "next").unwrap(),
            "async fn f() {\n    let s = make();\n    let mut s = std::pin::pin!(s);\n    s.next().await;\n}"
        );
    }

    #[test]
    fn bounds_and_async_bodies() {
        let src = "async fn f<W: AsyncWrite>(w: &mut W) { w.write_all(b).await }";
        let (_dir, place) = super::super::tests::place_at(src, "write_all");
        let inputs = super::super::Inputs {
            subject: Some("W".into()),
            ..Default::default()
        };
        let edit = super::super::build(&Op::AddBound("Unpin".into()), &place, &inputs).unwrap();
        assert_eq!(
            edit.applied(),
            "async fn f<W: AsyncWrite + Unpin>(w: &mut W) { w.write_all(b).await }"
        );
        assert_eq!(
            apply(Op::AsyncBody, "fn f() { s.then(|x| x * 2); }", "|x| x * 2").unwrap(),
            "fn f() { s.then(|x| async move { x * 2 }); }"
        );
        assert_eq!(
            apply(
                Op::ReplaceCall("tokio::time::sleep".into()),
                "async fn f() { std::thread::sleep(d); }",
                "std::thread::sleep(d)"
            )
            .unwrap(),
            "async fn f() { tokio::time::sleep(d).await; }"
        );
        assert_eq!(
            apply(
                Op::AwaitArgument,
                "async fn f() { block_on(g()); }",
                "block_on(g())"
            )
            .unwrap(),
            "async fn f() { g().await; }"
        );
    }
}
