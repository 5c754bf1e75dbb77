//! What encloses a place in the user's code: the chain of functions, closures and async blocks
//! around it, innermost first, read from the file's `syn` tree. Whether the innermost one is
//! `async` decides between "add `.await`" and "make the function async, or block on it"; a
//! closure's callee (`tokio::spawn`, `map`, `for_each`) says what the closure is for.

use std::ops::Range;

use syn::spanned::Spanned;
use syn::visit::{self, Visit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    AsyncFn,
    Fn,
    AsyncBlock,
    AsyncClosure,
    Closure,
}

impl ScopeKind {
    pub fn is_async(self) -> bool {
        matches!(
            self,
            ScopeKind::AsyncFn | ScopeKind::AsyncBlock | ScopeKind::AsyncClosure
        )
    }

    pub fn is_fn(self) -> bool {
        matches!(self, ScopeKind::AsyncFn | ScopeKind::Fn)
    }

    /// How the code is called in prose: "`async fn`", "`async` block", "closure".
    pub fn words(self) -> &'static str {
        match self {
            ScopeKind::AsyncFn => "`async fn`",
            ScopeKind::Fn => "function",
            ScopeKind::AsyncBlock => "`async` block",
            ScopeKind::AsyncClosure => "async closure",
            ScopeKind::Closure => "closure",
        }
    }
}

/// One function, closure or async block around a place.
#[derive(Debug, Clone)]
pub struct Scope {
    pub kind: ScopeKind,
    /// A function's name.
    pub name: Option<String>,
    /// The whole item or expression (a function's attributes included).
    pub range: Range<usize>,
    /// Where a function's signature starts (`pub async fn …`), a closure's `|` or `move`, an
    /// async block's `async`.
    pub header_start: usize,
    /// The body: a function's block, a closure's body expression, an async block's block.
    pub body: Range<usize>,
    pub is_move: bool,
    /// For a closure or async block passed as an argument: the called function's path or the
    /// method's name (`tokio::spawn`, `map`).
    pub callee: Option<String>,
    /// A function's outer attributes, as paths (`tokio::main`, `test`).
    pub attrs: Vec<String>,
    /// Where a function's return type is written, when it has one.
    pub output: Option<Range<usize>>,
    /// A function inside an `impl` or `trait` block.
    pub method: bool,
}

/// The scopes around `target`, innermost first.
pub fn enclosing(file: &syn::File, target: Range<usize>) -> Vec<Scope> {
    let mut finder = Finder {
        target,
        chain: Vec::new(),
        in_impl: false,
        callee_of: Vec::new(),
    };
    finder.visit_file(file);
    finder.chain.reverse();
    finder.chain
}

struct Finder {
    target: Range<usize>,
    /// Outermost first while visiting.
    chain: Vec<Scope>,
    in_impl: bool,
    /// Closures and async blocks passed as arguments, with their callee.
    callee_of: Vec<(Range<usize>, String)>,
}

fn range(node: &impl Spanned) -> Range<usize> {
    node.span().byte_range()
}

impl Finder {
    fn contains(&self, r: &Range<usize>) -> bool {
        r.start <= self.target.start && self.target.end <= r.end
    }

    fn function(
        &mut self,
        attrs: &[syn::Attribute],
        sig: &syn::Signature,
        whole: Range<usize>,
        body: Range<usize>,
    ) {
        self.chain.push(Scope {
            kind: if sig.asyncness.is_some() {
                ScopeKind::AsyncFn
            } else {
                ScopeKind::Fn
            },
            name: Some(sig.ident.to_string()),
            header_start: range(sig).start,
            range: whole,
            body,
            is_move: false,
            callee: None,
            attrs: attrs
                .iter()
                .filter(|a| matches!(a.style, syn::AttrStyle::Outer))
                .map(|a| path_text(a.path()))
                .collect(),
            output: match &sig.output {
                syn::ReturnType::Type(_, ty) => Some(range(ty.as_ref())),
                syn::ReturnType::Default => None,
            },
            method: self.in_impl,
        });
    }

    fn callee(&self, r: &Range<usize>) -> Option<String> {
        self.callee_of
            .iter()
            .find(|(at, _)| at == r)
            .map(|(_, name)| name.clone())
    }

    fn note_arguments<'a>(&mut self, callee: String, args: impl Iterator<Item = &'a syn::Expr>) {
        for arg in args {
            if matches!(arg, syn::Expr::Closure(_) | syn::Expr::Async(_)) {
                self.callee_of.push((range(arg), callee.clone()));
            }
        }
    }
}

impl<'ast> Visit<'ast> for Finder {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        let whole = range(f);
        if self.contains(&whole) {
            self.function(&f.attrs, &f.sig, whole, range(&f.block));
            let outer = std::mem::replace(&mut self.in_impl, false);
            visit::visit_item_fn(self, f);
            self.in_impl = outer;
        }
    }

    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        if self.contains(&range(i)) {
            let outer = std::mem::replace(&mut self.in_impl, true);
            visit::visit_item_impl(self, i);
            self.in_impl = outer;
        }
    }

    fn visit_item_trait(&mut self, t: &'ast syn::ItemTrait) {
        if self.contains(&range(t)) {
            let outer = std::mem::replace(&mut self.in_impl, true);
            visit::visit_item_trait(self, t);
            self.in_impl = outer;
        }
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        let whole = range(f);
        if self.contains(&whole) {
            self.function(&f.attrs, &f.sig, whole, range(&f.block));
            visit::visit_impl_item_fn(self, f);
        }
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        let whole = range(f);
        if self.contains(&whole) {
            let body = f.default.as_ref().map_or(whole.end..whole.end, range);
            self.function(&f.attrs, &f.sig, whole, body);
            visit::visit_trait_item_fn(self, f);
        }
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if self.contains(&range(call)) {
            let callee = match call.func.as_ref() {
                syn::Expr::Path(p) => path_text(&p.path),
                other => other.span().source_text().unwrap_or_default(),
            };
            self.note_arguments(callee, call.args.iter());
            visit::visit_expr_call(self, call);
        }
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        if self.contains(&range(call)) {
            self.note_arguments(call.method.to_string(), call.args.iter());
            visit::visit_expr_method_call(self, call);
        }
    }

    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        let whole = range(c);
        if self.contains(&whole) {
            self.chain.push(Scope {
                kind: if c.asyncness.is_some() {
                    ScopeKind::AsyncClosure
                } else {
                    ScopeKind::Closure
                },
                name: None,
                header_start: whole.start,
                body: range(&c.body),
                is_move: c.capture.is_some(),
                callee: self.callee(&whole),
                range: whole,
                attrs: Vec::new(),
                output: None,
                method: false,
            });
            visit::visit_expr_closure(self, c);
        }
    }

    fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
        let whole = range(a);
        if self.contains(&whole) {
            self.chain.push(Scope {
                kind: ScopeKind::AsyncBlock,
                name: None,
                header_start: whole.start,
                body: range(&a.block),
                is_move: a.capture.is_some(),
                callee: self.callee(&whole),
                range: whole,
                attrs: Vec::new(),
                output: None,
                method: false,
            });
            visit::visit_expr_async(self, a);
        }
    }
}

fn path_text(path: &syn::Path) -> String {
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    names.join("::")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scopes(source: &str, marker: &str) -> Vec<Scope> {
        let file = syn::parse_file(source).unwrap();
        let at = source.find(marker).unwrap();
        enclosing(&file, at..at + marker.len())
    }

    #[test]
    fn the_innermost_scope_comes_first() {
        let source = "
            #[tokio::main]
            async fn main() {
                let v: Vec<u32> = ids.iter().map(|id| fetch(*id).await).collect();
                tokio::spawn(async move { MARK });
            }
            fn helper() -> u32 { SYNC }
        ";
        let chain = scopes(source, "fetch(*id).await");
        assert_eq!(chain[0].kind, ScopeKind::Closure);
        assert_eq!(chain[0].callee.as_deref(), Some("map"));
        assert_eq!(chain[1].kind, ScopeKind::AsyncFn);
        assert_eq!(chain[1].name.as_deref(), Some("main"));
        assert_eq!(chain[1].attrs, ["tokio::main"]);
        let chain = scopes(source, "MARK");
        assert_eq!(chain[0].kind, ScopeKind::AsyncBlock);
        assert!(chain[0].is_move);
        assert_eq!(chain[0].callee.as_deref(), Some("tokio::spawn"));
        let chain = scopes(source, "SYNC");
        assert_eq!(chain.len(), 1);
        assert_eq!(chain[0].kind, ScopeKind::Fn);
        assert!(chain[0].output.is_some());
    }

    #[test]
    fn methods_are_marked() {
        let source = "impl S { async fn get(&self) { HERE } }";
        let chain = scopes(source, "HERE");
        assert_eq!(chain[0].kind, ScopeKind::AsyncFn);
        assert!(chain[0].method);
    }
}
