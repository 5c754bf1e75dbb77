//! Edit operations on items: an import added with the file's others, and a trait whose async
//! methods return boxed futures so it can be `dyn` (each impl of it in the file boxing its body).

use std::ops::Range;

use syn::spanned::Spanned;
use syn::visit::{self, Visit};

use super::{Inputs, Op, Replacement};
use crate::facts::{Ty, kind};
use crate::source::Place;

/// The lifetime the boxed futures borrow for.
const LIFETIME: &str = "'fut";

fn range(node: &impl Spanned) -> Range<usize> {
    node.span().byte_range()
}

fn insert(at: usize, text: impl Into<String>) -> Replacement {
    Replacement {
        range: at..at,
        text: text.into(),
    }
}

pub fn build(op: &Op, at: &Place, inputs: &Inputs) -> Option<(Vec<Replacement>, String)> {
    let file = at.file.syntax()?;
    match op {
        Op::AddUse(path) => add_use(file, at, path),
        Op::BoxTraitFutures => box_trait_futures(file, at),
        Op::RcToArc => rc_to_arc(file),
        Op::SendSyncErrors => send_sync_dyn(file, "Error"),
        Op::SendSyncDyn => send_sync_dyn(file, &dyn_trait_name(inputs.subject.as_deref()?)?),
        _ => None,
    }
}

/// Every `Rc` of the file becomes an `Arc`: in paths (`Rc::new`, `Rc<T>`, `std::rc::Rc`), and in
/// imports (`use std::rc::{Rc, Weak}` → `use std::sync::{Arc, Weak}`).
fn rc_to_arc(file: &syn::File) -> Option<(Vec<Replacement>, String)> {
    struct Finder {
        edits: Vec<Replacement>,
    }
    impl Finder {
        fn rename(&mut self, ident: &syn::Ident, to: &str) {
            self.edits.push(Replacement {
                range: range(ident),
                text: to.to_owned(),
            });
        }
    }
    impl<'ast> Visit<'ast> for Finder {
        fn visit_path(&mut self, path: &'ast syn::Path) {
            let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
            for (i, segment) in path.segments.iter().enumerate() {
                if segment.ident == "Rc" {
                    self.rename(&segment.ident, "Arc");
                } else if segment.ident == "rc"
                    && i > 0
                    && matches!(names[i - 1].as_str(), "std" | "alloc")
                {
                    self.rename(&segment.ident, "sync");
                }
            }
            visit::visit_path(self, path);
        }
        fn visit_use_path(&mut self, u: &'ast syn::UsePath) {
            if u.ident == "rc" {
                self.rename(&u.ident, "sync");
            }
            visit::visit_use_path(self, u);
        }
        fn visit_use_name(&mut self, u: &'ast syn::UseName) {
            if u.ident == "Rc" {
                self.rename(&u.ident, "Arc");
            }
        }
        fn visit_use_rename(&mut self, u: &'ast syn::UseRename) {
            if u.ident == "Rc" {
                self.rename(&u.ident, "Arc");
            }
        }
    }
    // An `Arc` already in scope would then be imported twice: not this edit.
    let has_arc = file.items.iter().any(|item| match item {
        syn::Item::Use(u) => {
            let mut names = Vec::new();
            collect_use_names(&u.tree, &mut names);
            names.iter().any(|n| n == "Arc")
        }
        _ => false,
    });
    if has_arc {
        return None;
    }
    let mut finder = Finder { edits: Vec::new() };
    finder.visit_file(file);
    finder.edits.sort_by_key(|r| r.range.start);
    finder.edits.dedup();
    (!finder.edits.is_empty()).then(|| (finder.edits, "Rc".to_owned()))
}

/// The trait of a trait object as rustc quotes it: `(dyn Fn(u8) -> Option<u8> + 'static)` → `Fn`,
/// `dyn my::Sink<T> + Send` → `Sink`.
fn dyn_trait_name(ty: &str) -> Option<String> {
    let rest = ty
        .trim()
        .trim_start_matches('(')
        .trim_start()
        .strip_prefix("dyn ")?;
    let path = rest
        .split(|c: char| c == '<' || c == '(' || c == '+' || c.is_whitespace())
        .next()?;
    let name = path.rsplit("::").next()?;
    (!name.is_empty()).then(|| name.to_owned())
}

/// `+ Send + Sync` on every trait object of the file whose trait is `name` and that has no
/// `Send` bound yet.
fn send_sync_dyn(file: &syn::File, name: &str) -> Option<(Vec<Replacement>, String)> {
    struct Finder<'n> {
        name: &'n str,
        edits: Vec<Replacement>,
    }
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_type_trait_object(&mut self, t: &'ast syn::TypeTraitObject) {
            let traits: Vec<String> = t
                .bounds
                .iter()
                .filter_map(|b| match b {
                    syn::TypeParamBound::Trait(t) => {
                        t.path.segments.last().map(|s| s.ident.to_string())
                    }
                    _ => None,
                })
                .collect();
            if traits.iter().any(|t| t == self.name) && !traits.iter().any(|t| t == "Send") {
                let end = t.bounds.iter().map(range).map(|r| r.end).max();
                if let Some(end) = end {
                    self.edits.push(insert(end, " + Send + Sync"));
                }
            }
            visit::visit_type_trait_object(self, t);
        }
    }
    let mut finder = Finder {
        name,
        edits: Vec::new(),
    };
    finder.visit_file(file);
    // The last bound may be a lifetime (`dyn Error + 'static`): the insertion goes after it.
    finder.edits.sort_by_key(|r| r.range.start);
    finder.edits.dedup();
    (!finder.edits.is_empty()).then(|| (finder.edits, format!("dyn {name}")))
}

fn collect_use_names(tree: &syn::UseTree, out: &mut Vec<String>) {
    match tree {
        syn::UseTree::Path(p) => collect_use_names(&p.tree, out),
        syn::UseTree::Name(n) => out.push(n.ident.to_string()),
        syn::UseTree::Rename(r) => out.push(r.rename.to_string()),
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| collect_use_names(t, out)),
        syn::UseTree::Glob(_) => {}
    }
}

pub(super) fn add_use(
    file: &syn::File,
    at: &Place,
    path: &str,
) -> Option<(Vec<Replacement>, String)> {
    let uses: Vec<&syn::ItemUse> = file
        .items
        .iter()
        .filter_map(|i| match i {
            syn::Item::Use(u) => Some(u),
            _ => None,
        })
        .collect();
    let last = path.rsplit("::").next().unwrap_or(path);
    if uses.iter().any(|u| at.file.slice(range(*u)).contains(last)) {
        return None;
    }
    let edit = match uses.last() {
        Some(u) => insert(range(*u).end, format!("\nuse {path};")),
        None => insert(range(file.items.first()?).start, format!("use {path};\n\n")),
    };
    Some((vec![edit], format!("use {path};")))
}

fn box_trait_futures(file: &syn::File, at: &Place) -> Option<(Vec<Replacement>, String)> {
    let item = traits(file)
        .into_iter()
        .find(|t| range(*t).start <= at.range.start && at.range.end <= range(*t).end)?;
    let name = item.ident.to_string();
    let mut edits = Vec::new();
    let mut boxed = Vec::new();
    for entry in &item.items {
        let syn::TraitItem::Fn(f) = entry else {
            continue;
        };
        // Boxing futures does not make a generic method, or one without `self`, callable
        // through `dyn`: then this is no fix.
        if !dyn_callable(&f.sig) {
            return None;
        }
        let Some(output) = future_output(&f.sig, at) else {
            continue;
        };
        boxed.push(f.sig.ident.to_string());
        edits.extend(signature(&f.sig, &output));
        if let Some(body) = &f.default {
            edits.extend(body_edits(&f.sig, range(body)));
        }
    }
    if boxed.is_empty() {
        return None;
    }
    for imp in impls_of(file, &name) {
        for entry in &imp.items {
            let syn::ImplItem::Fn(f) = entry else {
                continue;
            };
            if !boxed.contains(&f.sig.ident.to_string()) {
                continue;
            }
            let output = future_output(&f.sig, at)?;
            edits.extend(signature(&f.sig, &output));
            edits.extend(body_edits(&f.sig, range(&f.block)));
        }
    }
    Some((edits, name))
}

/// Whether a trait method can be called through `dyn` (or is kept off it by `where Self: Sized`):
/// it takes `self` and has no type parameters.
fn dyn_callable(sig: &syn::Signature) -> bool {
    let sized_only = sig.generics.where_clause.as_ref().is_some_and(|w| {
        w.predicates.iter().any(|p| {
            matches!(p, syn::WherePredicate::Type(t)
                if matches!(&t.bounded_ty, syn::Type::Path(p) if p.path.is_ident("Self"))
                    && t.bounds.iter().any(|b| matches!(b, syn::TypeParamBound::Trait(t) if t.path.is_ident("Sized"))))
        })
    });
    let impl_arg = sig.inputs.iter().any(|arg| {
        matches!(arg, syn::FnArg::Typed(t) if matches!(t.ty.as_ref(), syn::Type::ImplTrait(_)))
    });
    sized_only
        || (sig.receiver().is_some()
            && !impl_arg
            && !sig
                .generics
                .params
                .iter()
                .any(|p| matches!(p, syn::GenericParam::Type(_) | syn::GenericParam::Const(_))))
}

/// What a method's future produces, when it is `async` or returns `impl Future<Output = T>`.
fn future_output(sig: &syn::Signature, at: &Place) -> Option<String> {
    let written = |ty: &syn::Type| at.file.slice(range(ty)).to_owned();
    match (&sig.asyncness, &sig.output) {
        (Some(_), syn::ReturnType::Default) => Some("()".to_owned()),
        (Some(_), syn::ReturnType::Type(_, ty)) => Some(written(ty)),
        (None, syn::ReturnType::Type(_, ty)) => {
            let parsed = Ty::parse(&written(ty));
            kind::has(&parsed, kind::Kind::OpaqueFuture)
                .then(|| kind::future_output(&parsed).map(|o| o.to_string()))
                .flatten()
                .or_else(|| kind::has(&parsed, kind::Kind::OpaqueFuture).then(|| "()".to_owned()))
        }
        (None, syn::ReturnType::Default) => None,
    }
}

/// A method's signature made to return a boxed future borrowing its arguments for `'fut`.
fn signature(sig: &syn::Signature, output: &str) -> Vec<Replacement> {
    let mut edits = Vec::new();
    if let Some(token) = &sig.asyncness {
        edits.push(Replacement {
            range: range(token).start..range(&sig.fn_token).start,
            text: String::new(),
        });
    }
    match &sig.generics.lt_token {
        Some(lt) => edits.push(insert(range(lt).end, format!("{LIFETIME}, "))),
        None => edits.push(insert(range(&sig.ident).end, format!("<{LIFETIME}>"))),
    }
    struct References<'e> {
        edits: &'e mut Vec<Replacement>,
    }
    impl<'ast> Visit<'ast> for References<'_> {
        fn visit_type_reference(&mut self, r: &'ast syn::TypeReference) {
            if r.lifetime.is_none() {
                self.edits
                    .push(insert(range(&r.and_token).end, format!("{LIFETIME} ")));
            }
            visit::visit_type_reference(self, r);
        }
    }
    for input in &sig.inputs {
        match input {
            syn::FnArg::Receiver(r) => {
                if let syn::ReceiverKind::Reference(and, None, _) = &r.kind {
                    edits.push(insert(range(and).end, format!("{LIFETIME} ")));
                }
            }
            syn::FnArg::Typed(t) => References { edits: &mut edits }.visit_type(&t.ty),
        }
    }
    let boxed = format!(
        "std::pin::Pin<Box<dyn std::future::Future<Output = {output}> + Send + {LIFETIME}>>"
    );
    match &sig.output {
        syn::ReturnType::Default => edits.push(insert(
            range(&sig.paren_token.span.join()).end,
            format!(" -> {boxed}"),
        )),
        syn::ReturnType::Type(_, ty) => edits.push(Replacement {
            range: range(ty.as_ref()),
            text: boxed,
        }),
    }
    edits
}

/// A body made to return its future boxed: an `async fn`'s body in `Box::pin(async move …)`,
/// the body of a method that returns a future in `Box::pin(…)`.
fn body_edits(sig: &syn::Signature, body: Range<usize>) -> Vec<Replacement> {
    let open = if sig.asyncness.is_some() {
        "{ Box::pin(async move "
    } else {
        "{ Box::pin("
    };
    vec![insert(body.start, open), insert(body.end, ") }")]
}

fn traits(file: &syn::File) -> Vec<&syn::ItemTrait> {
    struct Finder<'ast>(Vec<&'ast syn::ItemTrait>);
    impl<'ast> Visit<'ast> for Finder<'ast> {
        fn visit_item_trait(&mut self, t: &'ast syn::ItemTrait) {
            self.0.push(t);
            visit::visit_item_trait(self, t);
        }
    }
    let mut finder = Finder(Vec::new());
    finder.visit_file(file);
    finder.0
}

fn impls_of<'f>(file: &'f syn::File, name: &str) -> Vec<&'f syn::ItemImpl> {
    struct Finder<'ast, 'n>(&'n str, Vec<&'ast syn::ItemImpl>);
    impl<'ast> Visit<'ast> for Finder<'ast, '_> {
        fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
            if let Some((path, _)) = &i.trait_
                && path.segments.last().is_some_and(|s| s.ident == self.0)
            {
                self.1.push(i);
            }
            visit::visit_item_impl(self, i);
        }
    }
    let mut finder = Finder(name, Vec::new());
    finder.visit_file(file);
    finder.1
}

#[cfg(test)]
mod tests {
    use super::super::Op;
    use super::super::tests::apply;

    #[test]
    fn imports_go_with_the_others() {
        assert_eq!(
            apply(
                Op::AddUse("async_trait::async_trait".into()),
                "use std::fmt;\n\nfn f() {}\n",
                "fn f"
            )
            .unwrap(),
            "use std::fmt;\nuse async_trait::async_trait;\n\nfn f() {}\n"
        );
        assert!(
            apply(
                Op::AddUse("std::fmt".into()),
                "use std::fmt;\nfn f() {}",
                "fn f"
            )
            .is_none()
        );
    }

    #[test]
    fn rc_becomes_arc_everywhere_unless_arc_is_imported() {
        let src = "use std::rc::Rc;\n\nfn f() -> Rc<u8> {\n    let a: Rc<u8> = Rc::new(1);\n    std::rc::Rc::clone(&a)\n}\n";
        assert_eq!(
            apply(Op::RcToArc, src, "Rc::new").unwrap(),
            "use std::sync::Arc;\n\nfn f() -> Arc<u8> {\n    let a: Arc<u8> = Arc::new(1);\n    std::sync::Arc::clone(&a)\n}\n"
        );
        let src = "use std::rc::Rc;\nuse std::sync::Arc;\n\nfn f() { let a = Rc::new(1); }\n";
        assert_eq!(apply(Op::RcToArc, src, "Rc::new"), None);
    }

    #[test]
    fn trait_objects_of_the_named_trait_become_send_and_sync() {
        assert_eq!(
            super::dyn_trait_name("(dyn Fn(u8) -> Option<u8> + 'static)").as_deref(),
            Some("Fn")
        );
        assert_eq!(
            super::dyn_trait_name("dyn app::Sink<u8>").as_deref(),
            Some("Sink")
        );
        assert_eq!(super::dyn_trait_name("Rc<u8>"), None);
        let src =
            "struct S {\n    f: Box<dyn Fn(u8) -> u8>,\n    g: Box<dyn Fn(u8) -> u8 + Send>,\n}\n";
        let (_dir, place) = super::super::tests::place_at(src, "f:");
        let inputs = super::super::Inputs {
            subject: Some("(dyn Fn(u8) -> u8 + 'static)".into()),
            ..Default::default()
        };
        let edit = super::super::build(&Op::SendSyncDyn, &place, &inputs).unwrap();
        assert_eq!(
            edit.applied(),
            "struct S {\n    f: Box<dyn Fn(u8) -> u8 + Send + Sync>,\n    g: Box<dyn Fn(u8) -> u8 + Send>,\n}\n"
        );
    }

    #[test]
    fn an_async_trait_returns_boxed_futures() {
        let src = "trait Db {\n    async fn get(&self, key: &str) -> Option<String>;\n}\n\nimpl Db for Mem {\n    async fn get(&self, key: &str) -> Option<String> {\n        None\n    }\n}\n";
        let out = apply(Op::BoxTraitFutures, src, "Db {").unwrap();
        assert_eq!(
            out,
            "trait Db {\n    fn get<'fut>(&'fut self, key: &'fut str) -> std::pin::Pin<Box<dyn std::future::Future<Output = Option<String>> + Send + 'fut>>;\n}\n\nimpl Db for Mem {\n    fn get<'fut>(&'fut self, key: &'fut str) -> std::pin::Pin<Box<dyn std::future::Future<Output = Option<String>> + Send + 'fut>> { Box::pin(async move {\n        None\n    }) }\n}\n"
        );
    }
}
