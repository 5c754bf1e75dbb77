//! Ending a binding's scope before an `.await`: the binding's `let` and the statements up to the
//! one with the `.await` go into a block that closes before it. When that statement still uses
//! the binding, in a part computed before the `.await` (`save(*count).await`), that part becomes
//! the block's value (`let count_value = { …; *count }; save(count_value).await;`). A binding used
//! after the `.await`'s statement cannot be ended there: no edit.

use std::ops::Range;

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};

use super::{Inputs, Replacement};
use crate::source::Place;

fn range(node: &impl Spanned) -> Range<usize> {
    node.span().byte_range()
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

pub fn end_before_await(at: &Place, inputs: &Inputs) -> Option<(Vec<Replacement>, String)> {
    let name = inputs.binding.clone()?;
    let held = inputs.held.as_ref()?.range.clone();
    let awaited = inputs.await_at.as_ref()?.range.clone();
    let file = at.file.syntax()?;
    let block = block_with(file, &held, &awaited)?;
    let stmts = &block.stmts;
    let first = stmts
        .iter()
        .position(|s| matches!(s, syn::Stmt::Local(_)) && contains(&range(s), &held))?;
    let with_await = stmts.iter().position(|s| contains(&range(s), &awaited))?;
    if with_await <= first {
        return None;
    }
    if stmts[with_await + 1..].iter().any(|s| mentions(s, &name)) {
        return None;
    }
    let start = range(&stmts[first]).start;
    let region_end = range(&stmts[with_await - 1]).end;
    let next = range(&stmts[with_await]).start;
    let indent = at.file.indent_at(start).to_owned();
    let region = indented(at.file.slice(start..region_end), &indent);
    let statement = &stmts[with_await];
    // Other bindings the region declares and the code after it uses leave the block as its
    // value (`let value = *count; drop(count);` before `save(value).await`).
    let outputs: Vec<String> = stmts[first..with_await]
        .iter()
        .filter_map(|s| match s {
            syn::Stmt::Local(local) => simple_name(&local.pat),
            _ => None,
        })
        .filter(|n| *n != name && stmts[with_await..].iter().any(|s| mentions(s, n)))
        .collect();
    if !mentions(statement, &name) {
        let (head, tail) = match outputs.as_slice() {
            [] => (String::new(), String::new()),
            [one] => (format!("let {one} = "), format!("\n{indent}    {one}")),
            many => (
                format!("let ({}) = ", many.join(", ")),
                format!("\n{indent}    ({})", many.join(", ")),
            ),
        };
        let close = if head.is_empty() { "}" } else { "};" };
        let text = format!("{head}{{\n{indent}    {region}{tail}\n{indent}{close}\n{indent}");
        return Some((
            vec![Replacement {
                range: start..next,
                text,
            }],
            name,
        ));
    }
    if !outputs.is_empty() {
        return None;
    }
    // The statement with the `.await` uses the binding: compute that use in the block.
    let uses = uses_before_await(statement, &name)?;
    let [single] = uses.as_slice() else {
        return None;
    };
    let used = at.file.slice(single.clone()).to_owned();
    if used.trim() == name {
        // The value itself is what is awaited on (`scanner.probe().await`): it stays alive.
        return None;
    }
    let value = format!("{}_value", name.trim_start_matches("r#"));
    // A reference into the guard cannot leave the block: take an owned copy, lend it after.
    let (tail, lent) = match used.strip_prefix('&').filter(|u| !u.starts_with("mut ")) {
        Some(place) => (format!("{}.clone()", place.trim()), format!("&{value}")),
        None => (used, value.clone()),
    };
    let text = format!(
        "let {value} = {{\n{indent}    {region}\n{indent}    {tail}\n{indent}}};\n{indent}"
    );
    Some((
        vec![
            Replacement {
                range: start..next,
                text,
            },
            Replacement {
                range: single.clone(),
                text: lent,
            },
        ],
        name,
    ))
}

fn simple_name(pat: &syn::Pat) -> Option<String> {
    match pat {
        syn::Pat::Ident(i) => Some(i.ident.to_string()),
        syn::Pat::Type(t) => simple_name(&t.pat),
        _ => None,
    }
}

/// The part of the `.await`'s statement that uses a temporary rustc names (`x.lock().unwrap()`),
/// computed in a `let` before it: the temporary is dropped at that `let`'s `;`.
pub fn hoist_before_await(at: &Place, inputs: &Inputs) -> Option<(Vec<Replacement>, String)> {
    let temporary: String = inputs.binding.clone()?.split_whitespace().collect();
    let awaited = inputs.await_at.as_ref()?.range.clone();
    let file = at.file.syntax()?;
    let block = block_with(file, &awaited, &awaited)?;
    let statement = block
        .stmts
        .iter()
        .find(|s| contains(&range(*s), &awaited))?;
    let has_temporary = |e: &syn::Expr| {
        let text: String = at.file.slice(range(e)).split_whitespace().collect();
        text.contains(&temporary)
    };
    let mut found = Vec::new();
    largest_parts(statement, &has_temporary, &mut found);
    let [part] = found.as_slice() else {
        return None;
    };
    let name = match part {
        syn::Expr::MethodCall(m) => m.method.to_string(),
        _ => "value".to_owned(),
    };
    let stmt = range(statement);
    let indent = at.file.indent_at(stmt.start).to_owned();
    let used = at.file.slice(range(part)).to_owned();
    Some((
        vec![
            Replacement {
                range: stmt.start..stmt.start,
                text: format!("let {name} = {used};\n{indent}"),
            },
            Replacement {
                range: range(part),
                text: name,
            },
        ],
        temporary,
    ))
}

/// The largest expressions of a statement that pass the test and contain no `.await`.
fn largest_parts<'s>(
    stmt: &'s syn::Stmt,
    test: &dyn Fn(&syn::Expr) -> bool,
    found: &mut Vec<&'s syn::Expr>,
) {
    struct Finder<'s, 't, 'f> {
        test: &'t dyn Fn(&syn::Expr) -> bool,
        found: &'f mut Vec<&'s syn::Expr>,
    }
    impl<'s> Visit<'s> for Finder<'s, '_, '_> {
        fn visit_expr(&mut self, e: &'s syn::Expr) {
            if !(self.test)(e) {
                return;
            }
            if !has_await(e) {
                self.found.push(e);
                return;
            }
            match e {
                syn::Expr::Await(a) => match a.base.as_ref() {
                    syn::Expr::Call(call) => call.args.iter().for_each(|arg| self.visit_expr(arg)),
                    syn::Expr::MethodCall(call) => {
                        self.visit_expr(&call.receiver);
                        call.args.iter().for_each(|arg| self.visit_expr(arg));
                    }
                    base => self.visit_expr(base),
                },
                _ => visit::visit_expr(self, e),
            }
        }
    }
    let mut finder = Finder { test, found };
    finder.visit_stmt(stmt);
}

/// Re-indents a region that starts after `indent` by four more spaces.
fn indented(region: &str, indent: &str) -> String {
    let mut lines = region.lines();
    let mut out = lines.next().unwrap_or_default().to_owned();
    for line in lines {
        out.push('\n');
        if line.trim().is_empty() {
            continue;
        }
        let rest = line.strip_prefix(indent).unwrap_or(line.trim_start());
        out.push_str(indent);
        out.push_str("    ");
        out.push_str(rest);
    }
    out
}

/// The innermost block with a statement containing `a` and one containing `b`.
fn block_with<'f>(
    file: &'f syn::File,
    a: &Range<usize>,
    b: &Range<usize>,
) -> Option<&'f syn::Block> {
    struct Finder<'ast, 'r> {
        a: &'r Range<usize>,
        b: &'r Range<usize>,
        found: Option<&'ast syn::Block>,
    }
    impl<'ast> Visit<'ast> for Finder<'ast, '_> {
        fn visit_block(&mut self, block: &'ast syn::Block) {
            let has = |r: &Range<usize>| block.stmts.iter().any(|s| contains(&range(s), r));
            if has(self.a) && has(self.b) {
                self.found = Some(block);
            }
            visit::visit_block(self, block);
        }
    }
    let mut finder = Finder { a, b, found: None };
    finder.visit_file(file);
    finder.found
}

/// Whether the tokens of a node name the binding (macro arguments and `{name}` in format
/// strings included).
fn mentions(node: &impl ToTokens, name: &str) -> bool {
    fn walk(tokens: TokenStream, name: &str) -> bool {
        tokens.into_iter().any(|t| match t {
            TokenTree::Ident(i) => i == name,
            TokenTree::Group(g) => walk(g.stream(), name),
            TokenTree::Literal(l) => {
                let text = l.to_string();
                text.contains(&format!("{{{name}}}")) || text.contains(&format!("{{{name}:"))
            }
            TokenTree::Punct(_) => false,
        })
    }
    walk(node.to_token_stream(), name)
}

/// The largest parts of a statement that use the binding and contain no `.await` (they are
/// computed before it), when every use of the binding is in one of them.
fn uses_before_await(stmt: &syn::Stmt, name: &str) -> Option<Vec<Range<usize>>> {
    struct Finder<'n> {
        name: &'n str,
        found: Vec<Range<usize>>,
        uncovered: bool,
    }
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_expr(&mut self, e: &'ast syn::Expr) {
            if !mentions(e, self.name) {
                return;
            }
            if !has_await(e) {
                self.found.push(range(e));
                return;
            }
            match e {
                syn::Expr::Macro(_) => self.uncovered = true,
                // What is awaited is computed before the `.await`, but its future is what the
                // code awaits: take its arguments, not the call.
                syn::Expr::Await(a) => match a.base.as_ref() {
                    syn::Expr::Call(call) => call.args.iter().for_each(|arg| self.visit_expr(arg)),
                    syn::Expr::MethodCall(call) => {
                        self.visit_expr(&call.receiver);
                        call.args.iter().for_each(|arg| self.visit_expr(arg));
                    }
                    base => self.visit_expr(base),
                },
                _ => visit::visit_expr(self, e),
            }
        }
        fn visit_macro(&mut self, m: &'ast syn::Macro) {
            if mentions(&m.tokens, self.name) {
                self.uncovered = true;
            }
        }
    }
    let mut finder = Finder {
        name,
        found: Vec::new(),
        uncovered: false,
    };
    finder.visit_stmt(stmt);
    (!finder.uncovered).then_some(finder.found)
}

fn has_await(e: &syn::Expr) -> bool {
    struct Finder(bool);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_expr_await(&mut self, _: &'ast syn::ExprAwait) {
            self.0 = true;
        }
    }
    let mut finder = Finder(false);
    finder.visit_expr(e);
    finder.0
}

#[cfg(test)]
mod tests {
    use super::super::tests::place_at;
    use super::super::{Inputs, Op, build};

    fn scoped(source: &str, binding: &str, held: &str, awaited: &str) -> Option<String> {
        let (_d1, held) = place_at(source, held);
        let (_d2, await_at) = place_at(source, awaited);
        let inputs = Inputs {
            binding: Some(binding.into()),
            held: Some(held.clone()),
            await_at: Some(await_at),
            ..Default::default()
        };
        build(&Op::ScopeBeforeAwait, &held, &inputs).map(|e| e.applied())
    }

    #[test]
    fn a_guard_used_in_the_awaited_call_becomes_the_block_s_value() {
        let src = "async fn f(m: &M) {\n    let mut count = m.lock().unwrap();\n    *count += 1;\n    save(*count).await;\n}\n";
        assert_eq!(
            scoped(src, "count", "mut count", ".await").unwrap(),
            "async fn f(m: &M) {\n    let count_value = {\n        let mut count = m.lock().unwrap();\n        *count += 1;\n        *count\n    };\n    save(count_value).await;\n}\n"
        );
    }

    #[test]
    fn a_guard_unused_after_is_scoped_in_a_block() {
        let src = "async fn f(m: &M) {\n    let g = m.lock().unwrap();\n    g.push(1);\n    tick().await;\n    done();\n}\n";
        assert_eq!(
            scoped(src, "g", "g =", ".await").unwrap(),
            "async fn f(m: &M) {\n    {\n        let g = m.lock().unwrap();\n        g.push(1);\n    }\n    tick().await;\n    done();\n}\n"
        );
    }

    #[test]
    fn values_computed_under_the_guard_leave_the_block() {
        let src = "async fn f(m: &M) {\n    let mut count = m.lock().unwrap();\n    let value = *count;\n    drop(count);\n    save(value).await;\n}\n";
        assert_eq!(
            scoped(src, "count", "mut count", ".await").unwrap(),
            "async fn f(m: &M) {\n    let value = {\n        let mut count = m.lock().unwrap();\n        let value = *count;\n        drop(count);\n        value\n    };\n    save(value).await;\n}\n"
        );
        let src =
            "async fn f(m: &M) {\n    let g = m.read().unwrap();\n    fetch(&g[\"k\"]).await;\n}\n";
        assert_eq!(
            scoped(src, "g", "g =", ".await").unwrap(),
            "async fn f(m: &M) {\n    let g_value = {\n        let g = m.read().unwrap();\n        g[\"k\"].clone()\n    };\n    fetch(&g_value).await;\n}\n"
        );
    }

    #[test]
    fn a_guard_used_after_the_await_is_left_alone() {
        let src = "async fn f(m: &M) {\n    let g = m.lock().unwrap();\n    tick().await;\n    g.push(1);\n}\n";
        assert!(scoped(src, "g", "g =", ".await").is_none());
        let src = "async fn f(m: &M) {\n    let g = m.lock().unwrap();\n    tick().await;\n    println!(\"{g}\");\n}\n";
        assert!(scoped(src, "g", "g =", ".await").is_none());
    }
}
