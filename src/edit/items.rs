//! Edit operations on items and whole files: an import added with the file's others; a trait
//! whose async methods return boxed futures so it can be `dyn` (each impl of it in the file
//! boxing its body); a type swapped for its thread-safe or async counterpart wherever the file
//! names it (`Rc` for `Arc`, `dyn Trait` gaining `Send + Sync`, std's locks for tokio's, their
//! acquisitions awaited).

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
        Op::TokioLock(lock) => tokio_lock(file, &at.file.text, lock),
        Op::AsyncTraitImpl => async_trait_impl(file, at),
        Op::AsyncImplMethod => async_impl_method(file, at),
        Op::SendSyncErrors => send_sync_dyn(file, "Error", " + Send + Sync"),
        Op::SendSyncDyn => send_sync_dyn(
            file,
            &dyn_trait_name(inputs.subject.as_deref()?)?,
            " + Send + Sync",
        ),
        Op::SendDyn(ty) => {
            // A future or stream need not be shared, only sent.
            let name = dyn_trait_name(ty)?;
            let bounds = if matches!(name.as_str(), "Future" | "Stream") {
                " + Send"
            } else {
                " + Send + Sync"
            };
            send_sync_dyn(file, &name, bounds)
        }
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

/// Every `std::sync::{lock}` of the file (`Mutex` or `RwLock`) becomes tokio's, whose guards may
/// be held across an `.await`: its imports (`use std::sync::{Arc, Mutex}` loses `Mutex`, and
/// `use tokio::sync::Mutex;` follows) and paths (`std::sync::Mutex::new`), and each acquisition
/// that unwraps the poisoning result (`.lock().unwrap()`, `.write().expect(…)`) awaits instead.
/// Given up when an acquisition is not of that form or is in sync code (it cannot await there),
/// or when the lock is imported under another name or with a glob.
fn tokio_lock(file: &syn::File, text: &str, lock: &str) -> Option<(Vec<Replacement>, String)> {
    let acquire: &[&str] = match lock {
        "Mutex" => &["lock"],
        "RwLock" => &["read", "write"],
        _ => return None,
    };
    let mut finder = LockFinder {
        text,
        lock,
        acquire,
        edits: Vec::new(),
        regrouped: Vec::new(),
        awaited: Vec::new(),
        refused: false,
        found: false,
    };
    finder.visit_file(file);
    if finder.refused || !finder.found || finder.awaited.is_empty() {
        return None;
    }
    // Each acquisition must be where it can await.
    for call in &finder.awaited {
        let scopes = crate::source::scope::enclosing(file, call.clone());
        if !scopes.first().is_some_and(|s| s.kind.is_async()) {
            return None;
        }
    }
    let mut edits = finder.edits;
    finder.regrouped.sort_unstable();
    finder.regrouped.dedup();
    for end in finder.regrouped {
        edits.push(insert(end, format!("\nuse tokio::sync::{lock};")));
    }
    edits.sort_by_key(|r| (r.range.start, r.range.end));
    edits.dedup();
    Some((edits, format!("std::sync::{lock}")))
}

struct LockFinder<'a> {
    text: &'a str,
    lock: &'a str,
    acquire: &'a [&'a str],
    edits: Vec<Replacement>,
    /// `use` items whose group loses the lock's name (their end, to add tokio's after).
    regrouped: Vec<usize>,
    /// The acquisitions rewritten, to check that each is where it can await.
    awaited: Vec<Range<usize>>,
    /// Something the edit cannot rewrite.
    refused: bool,
    /// The file names `std::sync`'s lock.
    found: bool,
}

impl LockFinder<'_> {
    fn replace(&mut self, range: Range<usize>, text: impl Into<String>) {
        self.edits.push(Replacement {
            range,
            text: text.into(),
        });
    }

    fn use_tree(&mut self, tree: &syn::UseTree, prefix: &mut Vec<String>, item: &syn::ItemUse) {
        let in_std_sync = *prefix == ["std", "sync"];
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(&p.tree, prefix, item);
                prefix.pop();
            }
            syn::UseTree::Group(g) => {
                let items: Vec<&syn::UseTree> = g.items.iter().collect();
                for (i, t) in items.iter().enumerate() {
                    let is_lock = matches!(t, syn::UseTree::Name(n) if n.ident == self.lock);
                    if !(in_std_sync && is_lock) {
                        self.use_tree(t, prefix, item);
                        continue;
                    }
                    if items.len() == 2 {
                        // `{Arc, Mutex}` becomes `Arc`.
                        let other = self.text[range(items[1 - i])].to_owned();
                        self.replace(range(g), other);
                    } else {
                        // The name and the comma that joins it to its neighbour.
                        let mut r = range(*t);
                        if let Some(next) = items.get(i + 1) {
                            r.end = range(*next).start;
                        } else if i > 0 {
                            r.start = range(items[i - 1]).end;
                        }
                        self.replace(r, "");
                    }
                    self.regrouped.push(range(item).end);
                    self.found = true;
                }
            }
            syn::UseTree::Name(n) if in_std_sync && n.ident == self.lock => {
                // `use std::sync::Mutex;`: the whole path becomes tokio's.
                match &item.tree {
                    syn::UseTree::Path(root)
                        if root.ident == "std" && matches!(&*root.tree, syn::UseTree::Path(_)) =>
                    {
                        self.replace(range(&root.ident), "tokio");
                        self.found = true;
                    }
                    _ => self.refused = true,
                }
            }
            syn::UseTree::Rename(r) if in_std_sync && r.ident == self.lock => self.refused = true,
            syn::UseTree::Glob(_) if in_std_sync => self.refused = true,
            _ => {}
        }
    }
}

impl<'ast> Visit<'ast> for LockFinder<'_> {
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&u.tree, &mut Vec::new(), u);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if names.len() >= 3 && names[0] == "std" && names[1] == "sync" && names[2] == self.lock {
            self.replace(range(&path.segments[0].ident), "tokio");
            self.found = true;
        }
        visit::visit_path(self, path);
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        let unwraps = matches!(m.method.to_string().as_str(), "unwrap" | "expect");
        if unwraps
            && let syn::Expr::MethodCall(inner) = &*m.receiver
            && inner.args.is_empty()
            && self.acquire.contains(&inner.method.to_string().as_str())
        {
            self.replace(range(inner).end..range(m).end, ".await");
            self.awaited.push(range(inner));
            // The lock's own receiver may hold more (`a.lock().unwrap().b.lock()`).
            self.visit_expr(&inner.receiver);
            m.args.iter().for_each(|a| self.visit_expr(a));
            return;
        }
        // An acquisition whose result is used otherwise (`if let Ok(g) = m.lock()`); standard
        // I/O's own locks are not this lock.
        if m.args.is_empty() && self.acquire.contains(&m.method.to_string().as_str()) {
            let receiver = &self.text[range(&*m.receiver)];
            if !["stdout()", "stderr()", "stdin()"]
                .iter()
                .any(|io| receiver.ends_with(io))
            {
                self.refused = true;
            }
        }
        visit::visit_expr_method_call(self, m);
    }
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

/// `bounds` (`+ Send + Sync`) on every trait object of the file whose trait is `name` and that has
/// no `Send` bound yet.
fn send_sync_dyn(
    file: &syn::File,
    name: &str,
    bounds: &'static str,
) -> Option<(Vec<Replacement>, String)> {
    struct Finder<'n> {
        name: &'n str,
        bounds: &'static str,
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
                    self.edits.push(insert(end, self.bounds));
                }
            }
            visit::visit_type_trait_object(self, t);
        }
    }
    let mut finder = Finder {
        name,
        bounds,
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

/// The trait impl around the anchor.
fn impl_around<'f>(file: &'f syn::File, at: &Place) -> Option<&'f syn::ItemImpl> {
    struct Finder<'ast>(Range<usize>, Option<&'ast syn::ItemImpl>);
    impl<'ast> Visit<'ast> for Finder<'ast> {
        fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
            let r = range(i);
            if i.trait_.is_some() && r.start <= self.0.start && self.0.end <= r.end {
                self.1 = Some(i);
            }
            visit::visit_item_impl(self, i);
        }
    }
    let mut finder = Finder(at.range.clone(), None);
    finder.visit_file(file);
    finder.1
}

/// The trait's `#[async_trait]` attribute (as the file writes it, `?Send` included) on the impl
/// at the anchor; `#[async_trait::async_trait]` when the trait is not in the file and the
/// attribute is not imported.
fn async_trait_impl(file: &syn::File, at: &Place) -> Option<(Vec<Replacement>, String)> {
    let item = impl_around(file, at)?;
    let is_async_trait = |a: &syn::Attribute| {
        a.path()
            .segments
            .last()
            .is_some_and(|s| s.ident == "async_trait")
    };
    if item.attrs.iter().any(is_async_trait) {
        return None;
    }
    let (path, _) = item.trait_.as_ref()?;
    let name = path.segments.last()?.ident.to_string();
    let attribute = match traits(file).into_iter().find(|t| t.ident == name) {
        Some(t) => at
            .file
            .slice(range(t.attrs.iter().find(|a| is_async_trait(a))?))
            .to_owned(),
        None if at.file.text.contains("use async_trait::async_trait;") => {
            "#[async_trait]".to_owned()
        }
        None => "#[async_trait::async_trait]".to_owned(),
    };
    // The item's first token after its attributes.
    let after_attrs = item
        .attrs
        .last()
        .map_or(range(item).start, |a| range(a).end);
    let start = after_attrs + at.file.text[after_attrs..].len()
        - at.file.text[after_attrs..].trim_start().len();
    let line_start = at.file.text[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = &at.file.text[line_start..start];
    if !indent.chars().all(char::is_whitespace) {
        return None;
    }
    Some((
        vec![insert(start, format!("{attribute}\n{indent}"))],
        attribute,
    ))
}

/// `async` on the method at the anchor, in an impl of a trait that declares it `async fn`.
fn async_impl_method(file: &syn::File, at: &Place) -> Option<(Vec<Replacement>, String)> {
    let item = impl_around(file, at)?;
    let method = item.items.iter().find_map(|i| match i {
        syn::ImplItem::Fn(f)
            if range(&f.sig).start <= at.range.start && at.range.end <= range(f).end =>
        {
            Some(f)
        }
        _ => None,
    })?;
    if method.sig.asyncness.is_some() || method.sig.constness.is_some() {
        return None;
    }
    // The trait, when it is in the file, must declare the method `async fn`.
    let name = item.trait_.as_ref()?.0.segments.last()?.ident.to_string();
    if let Some(t) = traits(file).into_iter().find(|t| t.ident == name) {
        let declared = t.items.iter().any(|i| {
            matches!(i, syn::TraitItem::Fn(f) if f.sig.ident == method.sig.ident && f.sig.asyncness.is_some())
        });
        if !declared {
            return None;
        }
    }
    // `async` goes first: the signature's qualifiers are at most `unsafe` and `extern` here.
    let start = range(&method.sig).start;
    Some((vec![insert(start, "async ")], method.sig.ident.to_string()))
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
    fn std_locks_become_tokio_locks_that_are_awaited() {
        let src = "use std::sync::{Arc, Mutex};\n\nasync fn f(m: Arc<Mutex<u8>>) {\n    let g = m.lock().unwrap();\n    work().await;\n    let s = std::sync::Mutex::new(*g);\n    s.lock().expect(\"poisoned\");\n    std::io::stdout().lock();\n}\n";
        assert_eq!(
            apply(Op::TokioLock("Mutex".into()), src, "m.lock()").unwrap(),
            "use std::sync::Arc;\nuse tokio::sync::Mutex;\n\nasync fn f(m: Arc<Mutex<u8>>) {\n    let g = m.lock().await;\n    work().await;\n    let s = tokio::sync::Mutex::new(*g);\n    s.lock().await;\n    std::io::stdout().lock();\n}\n"
        );
        let src = "use std::sync::{Arc, Mutex, RwLock};\nasync fn f(m: Arc<Mutex<u8>>) { m.lock().unwrap(); }";
        assert_eq!(
            apply(Op::TokioLock("Mutex".into()), src, "m.lock()").unwrap(),
            "use std::sync::{Arc, RwLock};\nuse tokio::sync::Mutex;\nasync fn f(m: Arc<Mutex<u8>>) { m.lock().await; }"
        );
        let src =
            "use std::sync::RwLock;\nasync fn f(l: &RwLock<u8>) { let w = l.write().unwrap(); }";
        assert_eq!(
            apply(Op::TokioLock("RwLock".into()), src, "l.write()").unwrap(),
            "use tokio::sync::RwLock;\nasync fn f(l: &RwLock<u8>) { let w = l.write().await; }"
        );
        // A lock taken in sync code, or whose result is matched, cannot be awaited there.
        for src in [
            "use std::sync::Mutex;\nasync fn f(m: &Mutex<u8>) { m.lock().unwrap(); }\nfn g(m: &Mutex<u8>) { m.lock().unwrap(); }",
            "use std::sync::Mutex;\nasync fn f(m: &Mutex<u8>) { if let Ok(g) = m.lock() {} m.lock().unwrap(); }",
            "use parking_lot::Mutex;\nasync fn f(m: &Mutex<u8>) { m.lock(); }",
        ] {
            assert_eq!(
                apply(Op::TokioLock("Mutex".into()), src, "m.lock()"),
                None,
                "{src}"
            );
        }
    }

    #[test]
    fn impls_of_async_traits_get_the_attribute_and_async_methods() {
        let src = "#[async_trait(?Send)]\ntrait Store {\n    async fn put(&self);\n}\n\nimpl Store for Mem {\n    async fn put(&self) {}\n}\n";
        assert_eq!(
            apply(Op::AsyncTraitImpl, src, "put(&self) {}").unwrap(),
            "#[async_trait(?Send)]\ntrait Store {\n    async fn put(&self);\n}\n\n#[async_trait(?Send)]\nimpl Store for Mem {\n    async fn put(&self) {}\n}\n"
        );
        // The trait elsewhere: the attribute by its path unless it is imported.
        let src = "mod m {\n    impl Store for Mem {\n        async fn put(&self) {}\n    }\n}\n";
        assert_eq!(
            apply(Op::AsyncTraitImpl, src, "put(&self) {}").unwrap(),
            "mod m {\n    #[async_trait::async_trait]\n    impl Store for Mem {\n        async fn put(&self) {}\n    }\n}\n"
        );
        let src = "trait Clock {\n    async fn now(&self) -> u64;\n    fn zone(&self) -> u8;\n}\nimpl Clock for Fixed {\n    fn now(&self) -> u64 { 1 }\n    fn zone(&self) -> u8 { 0 }\n}\n";
        assert_eq!(
            apply(Op::AsyncImplMethod, src, "fn now(&self) -> u64 { 1 }").unwrap(),
            "trait Clock {\n    async fn now(&self) -> u64;\n    fn zone(&self) -> u8;\n}\nimpl Clock for Fixed {\n    async fn now(&self) -> u64 { 1 }\n    fn zone(&self) -> u8 { 0 }\n}\n"
        );
        // Not a method the trait declares `async`.
        assert_eq!(
            apply(Op::AsyncImplMethod, src, "fn zone(&self) -> u8 { 0 }"),
            None
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
        // Named by the type rustc quotes: a future need only be `Send`.
        let src = "fn f() -> Pin<Box<dyn Future<Output = u8>>> {}\nfn g(e: Box<dyn Error>) {}\n";
        assert_eq!(
            apply(Op::SendDyn("dyn Future<Output = u8>".into()), src, "fn f").unwrap(),
            "fn f() -> Pin<Box<dyn Future<Output = u8> + Send>> {}\nfn g(e: Box<dyn Error>) {}\n"
        );
        assert_eq!(
            apply(Op::SendDyn("dyn std::error::Error".into()), src, "fn g").unwrap(),
            "fn f() -> Pin<Box<dyn Future<Output = u8>>> {}\nfn g(e: Box<dyn Error + Send + Sync>) {}\n"
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
