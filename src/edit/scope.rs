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
    if !mentions(statement, &name) {
        let text = format!("{{\n{indent}    {region}\n{indent}}}\n{indent}");
        return Some((
            vec![Replacement {
                range: start..next,
                text,
            }],
            name,
        ));
    }
    // The statement with the `.await` uses the binding: compute that use in the block.
    let uses = uses_before_await(statement, &name)?;
    let [single] = uses.as_slice() else {
        return None;
    };
    let value = format!("{}_value", name.trim_start_matches("r#"));
    let used = at.file.slice(single.clone()).to_owned();
    let text = format!(
        "let {value} = {{\n{indent}    {region}\n{indent}    {used}\n{indent}}};\n{indent}"
    );
    Some((
        vec![
            Replacement {
                range: start..next,
                text,
            },
            Replacement {
                range: single.clone(),
                text: value,
            },
        ],
        name,
    ))
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
    fn a_guard_used_after_the_await_is_left_alone() {
        let src = "async fn f(m: &M) {\n    let g = m.lock().unwrap();\n    tick().await;\n    g.push(1);\n}\n";
        assert!(scoped(src, "g", "g =", ".await").is_none());
        let src = "async fn f(m: &M) {\n    let g = m.lock().unwrap();\n    tick().await;\n    println!(\"{g}\");\n}\n";
        assert!(scoped(src, "g", "g =", ".await").is_none());
    }
}
