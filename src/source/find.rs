//! Finding syntax at a span: the expression rustc points at (and, for a method call or field
//! access whose name it points at, the receiver), the statement around a place, and the trait
//! definition rustc shows for a trait that cannot be `dyn`.

use std::ops::Range;

use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};

fn range(node: &impl Spanned) -> Range<usize> {
    node.span().byte_range()
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// An expression of the file, or one parsed from a macro's arguments (owned).
pub enum ExprRef<'f> {
    Borrowed(&'f syn::Expr),
    Owned(Box<syn::Expr>),
}

impl std::ops::Deref for ExprRef<'_> {
    type Target = syn::Expr;

    fn deref(&self) -> &syn::Expr {
        match self {
            ExprRef::Borrowed(e) => e,
            ExprRef::Owned(e) => e,
        }
    }
}

/// The innermost expression whose span contains `target`, and each expression around it,
/// innermost first. The arguments of macros written like calls (`println!("{}", x)`,
/// `assert_eq!(a, b)`, `vec![a, b]`) are read as expressions too; they are owned, the rest
/// borrowed from the file.
pub fn exprs_around(file: &syn::File, target: Range<usize>) -> Vec<ExprRef<'_>> {
    struct Finder<'ast> {
        target: Range<usize>,
        found: Vec<ExprRef<'ast>>,
    }
    impl Finder<'_> {
        /// The expressions of a macro's arguments that contain the target, innermost last.
        fn macro_arguments(&mut self, mac: &syn::Macro) {
            if !contains(&range(mac), &self.target) {
                return;
            }
            let parser = Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
            let Ok(args) = parser.parse2(mac.tokens.clone()) else {
                return;
            };
            for arg in args {
                let mut inner = Finder {
                    target: self.target.clone(),
                    found: Vec::new(),
                };
                inner.visit_expr(&arg);
                // `inner` borrowed `arg`: keep what it found by the ranges, as owned copies of
                // the argument's sub-expressions.
                let ranges: Vec<Range<usize>> = inner.found.iter().map(|e| range(&**e)).collect();
                drop(inner);
                for r in ranges {
                    if let Some(e) = owned_sub_expr(&arg, &r) {
                        self.found.push(ExprRef::Owned(Box::new(e)));
                    }
                }
            }
        }
    }
    impl<'ast> Visit<'ast> for Finder<'ast> {
        fn visit_expr(&mut self, e: &'ast syn::Expr) {
            if contains(&range(e), &self.target) {
                self.found.push(ExprRef::Borrowed(e));
                visit::visit_expr(self, e);
            }
        }
        fn visit_item(&mut self, i: &'ast syn::Item) {
            if contains(&range(i), &self.target) {
                visit::visit_item(self, i);
            }
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            self.macro_arguments(mac);
        }
    }
    let mut finder = Finder {
        target,
        found: Vec::new(),
    };
    finder.visit_file(file);
    finder.found.reverse();
    finder.found
}

/// Is the expression an async block, or a call that boxes or pins one (`Box::pin(async { … })`,
/// `async { … }.boxed()`)?
pub fn is_async_block_expr(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Async(_) => true,
        syn::Expr::Call(call) => call.args.iter().any(is_async_block_expr),
        syn::Expr::MethodCall(call) => is_async_block_expr(&call.receiver),
        syn::Expr::Paren(p) => is_async_block_expr(&p.expr),
        _ => false,
    }
}

/// The expression exactly at `target` (rustc's span of a value), if there is one.
pub fn expr_at(file: &syn::File, target: Range<usize>) -> Option<ExprRef<'_>> {
    exprs_around(file, target.clone())
        .into_iter()
        .find(|e| range(&**e) == target)
}

/// A sub-expression of `e` at `at`, re-parsed from its tokens (so it is owned).
fn owned_sub_expr(e: &syn::Expr, at: &Range<usize>) -> Option<syn::Expr> {
    use quote::ToTokens;
    struct Finder<'r> {
        at: &'r Range<usize>,
        found: Option<proc_macro2::TokenStream>,
    }
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_expr(&mut self, e: &'ast syn::Expr) {
            if range(e) == *self.at && self.found.is_none() {
                self.found = Some(e.to_token_stream());
            }
            visit::visit_expr(self, e);
        }
    }
    let mut finder = Finder { at, found: None };
    finder.visit_expr(e);
    syn::parse2(finder.found?).ok()
}

/// What rustc's span says about a trait definition: whether it is async in some way (an
/// `async fn`, a method returning `impl Future`, `#[async_trait]`).
pub fn async_trait_at(file: &syn::File, target: Range<usize>) -> Option<bool> {
    struct Finder {
        target: Range<usize>,
        found: Option<bool>,
    }
    impl<'ast> Visit<'ast> for Finder {
        fn visit_item_trait(&mut self, t: &'ast syn::ItemTrait) {
            if contains(&range(t), &self.target) {
                let attr = t.attrs.iter().any(|a| {
                    a.path()
                        .segments
                        .last()
                        .is_some_and(|s| s.ident == "async_trait")
                });
                let items = t.items.iter().any(|item| match item {
                    syn::TraitItem::Fn(f) => {
                        f.sig.asyncness.is_some() || returns_future(&f.sig.output)
                    }
                    _ => false,
                });
                self.found = Some(attr || items);
            }
            visit::visit_item_trait(self, t);
        }
    }
    let mut finder = Finder {
        target,
        found: None,
    };
    finder.visit_file(file);
    finder.found
}

/// A return type that is a future: `impl Future<…>`, `Pin<Box<dyn Future<…>>>`, `BoxFuture`.
fn returns_future(output: &syn::ReturnType) -> bool {
    match output {
        syn::ReturnType::Type(_, ty) => {
            let text = ty.span().source_text().unwrap_or_default();
            text.contains("Future")
        }
        syn::ReturnType::Default => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_expression_at_a_span_and_those_around_it() {
        let source = "fn f() { let x = Box::pin(async move { 1 }); g(x).await; }";
        let file = syn::parse_file(source).unwrap();
        let at = source.find("Box::pin").unwrap();
        let end = source.find(");").unwrap() + 1;
        let e = expr_at(&file, at..end).unwrap();
        assert!(is_async_block_expr(&e));
        let inner = source.find("1 }").unwrap();
        let around = exprs_around(&file, inner..inner + 1);
        assert!(matches!(&*around[0], syn::Expr::Lit(_)));
        assert!(around.iter().any(|e| matches!(&**e, syn::Expr::Async(_))));
        let source = "fn f() { println!(\"{}\", scores.len()); }";
        let file = syn::parse_file(source).unwrap();
        let at = source.find("len").unwrap();
        let around = exprs_around(&file, at..at + 3);
        assert!(matches!(&*around[0], syn::Expr::MethodCall(_)));
    }

    #[test]
    fn async_traits_are_recognised() {
        let source = "#[async_trait]\ntrait A { fn a(&self); }\ntrait B { fn b(&self) -> impl Future<Output = ()>; }\ntrait C { fn c<T>(&self, t: T); }";
        let file = syn::parse_file(source).unwrap();
        let at = |name: &str| {
            let i = source.find(name).unwrap();
            async_trait_at(&file, i..i + name.len())
        };
        assert_eq!(at("trait A"), Some(true));
        assert_eq!(at("trait B"), Some(true));
        assert_eq!(at("trait C"), Some(false));
    }
}
