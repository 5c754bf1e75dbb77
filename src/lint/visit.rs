//! The visitor: walks one file's syntax tree, knows when it is directly inside an `async fn`,
//! an `async` block or an async closure (and not in a sync closure or a nested `fn`), and reports
//! calls the blocking list names. It keeps the little type knowledge the method rules need: the
//! types of `let` bindings and parameters when they are visible in the source.

use std::collections::HashMap;

use proc_macro2::{LineColumn, Span, TokenStream};
use serde::{Deserialize, Serialize};
use syn::punctuated::Punctuated;
use syn::visit::{self, Visit};
use syn::{Expr, Pat, Stmt, Type};

use super::blocking::{Blocking, Hit, Returns};
use super::cfg::{Cfg, Mode};
use super::modules::{Crate, ModId, Names, brace_groups, macro_place, place};
use super::resolve::{Resolved, Resolver};
use super::sources::{FileId, Parsed};
use super::summary::attrs;

/// What kind of async code a call is directly in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContextKind {
    Fn,
    Block,
    Closure,
}

/// A place in a file: line (1-based) and column (0-based, in characters), as proc-macro2
/// counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct At {
    pub line: usize,
    pub column: usize,
}

impl From<LineColumn> for At {
    fn from(at: LineColumn) -> At {
        At {
            line: at.line,
            column: at.column,
        }
    }
}

/// A range of a file: start and end (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    pub start: At,
    pub end: At,
}

impl Range {
    fn new(start: Span, end: Span) -> Range {
        Range {
            start: start.start().into(),
            end: end.end().into(),
        }
    }
}

/// A blocking call found in async code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub api: String,
    pub help: Option<String>,
    pub call: Range,
    pub context: ContextKind,
    /// The `async fn name`, `async move` or `async |…|` that makes the code async.
    pub context_span: Range,
}

/// The type the lint knows a value has.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ty {
    One(String),
    Tuple(Vec<String>),
}

/// Macros whose bodies are not code to check (code as data, or not Rust at all).
const OPAQUE_MACROS: &[&str] = &[
    "quote",
    "quote_spanned",
    "parse_quote",
    "parse_quote_spanned",
    "stringify",
    "concat",
    "include",
    "include_str",
    "include_bytes",
    "env",
    "option_env",
    "compile_error",
    "asm",
    "global_asm",
    "naked_asm",
];

/// Methods that hand back the value they are called on, or what it holds (for type knowledge).
const TRANSPARENT_METHODS: &[&str] = &[
    "unwrap",
    "expect",
    "clone",
    "as_ref",
    "as_mut",
    "borrow",
    "borrow_mut",
    "by_ref",
    "as_path",
    "unwrap_or_else",
];

/// What checking a file found, and what it read of the crate's modules (module, [`Read`] key).
///
/// [`Read`]: super::resolve::Read
pub struct Checked {
    pub findings: Vec<Finding>,
    pub reads: Vec<(ModId, u64)>,
}

/// Checks one file of a crate (the file `file`, defining module `module`).
pub fn check_file(
    parsed: &Parsed,
    krate: &Crate,
    blocking: &Blocking,
    file: FileId,
    module: ModId,
) -> Checked {
    let mut findings = Vec::new();
    let mut visitor = Visitor {
        parsed,
        krate,
        resolver: Resolver::new(krate, blocking),
        blocking,
        file,
        module,
        context: None,
        blocks: Vec::new(),
        vars: Vec::new(),
        findings: &mut findings,
    };
    visitor.visit_file(&parsed.ast);
    let reads = visitor.resolver.reads();
    Checked { findings, reads }
}

struct Visitor<'a> {
    parsed: &'a Parsed,
    krate: &'a Crate,
    resolver: Resolver<'a>,
    blocking: &'a Blocking,
    file: FileId,
    module: ModId,
    context: Option<(ContextKind, Range)>,
    /// Names declared by the enclosing blocks, outermost first.
    blocks: Vec<Names>,
    /// Bindings of the enclosing scopes (`None`: a binding whose type is unknown, shadowing).
    vars: Vec<HashMap<String, Option<Ty>>>,
    findings: &'a mut Vec<Finding>,
}

fn peel(mut expr: &Expr) -> &Expr {
    loop {
        match expr {
            Expr::Paren(p) => expr = &p.expr,
            Expr::Group(g) => expr = &g.expr,
            _ => return expr,
        }
    }
}

fn segments(path: &syn::Path) -> Vec<String> {
    path.segments.iter().map(|s| s.ident.to_string()).collect()
}

fn path_start(path: &syn::Path) -> Span {
    match (&path.leading_colon, path.segments.first()) {
        (Some(colon), _) => colon.spans[0],
        (None, Some(s)) => s.ident.span(),
        (None, None) => Span::call_site(),
    }
}

/// True when the tokens contain the keyword `async` (at any depth).
fn mentions_async(tokens: &TokenStream) -> bool {
    tokens.clone().into_iter().any(|tree| match tree {
        proc_macro2::TokenTree::Ident(ident) => ident == "async",
        proc_macro2::TokenTree::Group(group) => mentions_async(&group.stream()),
        _ => false,
    })
}

/// The identifiers a pattern binds.
fn bound_names(pat: &Pat, out: &mut Vec<String>) {
    match pat {
        Pat::Ident(p) => {
            out.push(p.ident.to_string());
            if let Some((_, sub)) = &p.subpat {
                bound_names(sub, out);
            }
        }
        Pat::Type(t) => bound_names(&t.pat, out),
        Pat::Reference(r) => bound_names(&r.pat, out),
        Pat::Tuple(t) => t.elems.iter().for_each(|p| bound_names(p, out)),
        Pat::TupleStruct(t) => t.elems.iter().for_each(|p| bound_names(p, out)),
        Pat::Struct(s) => s.fields.iter().for_each(|f| bound_names(&f.pat, out)),
        Pat::Slice(s) => s.elems.iter().for_each(|p| bound_names(p, out)),
        Pat::Or(o) => o.cases.iter().for_each(|p| bound_names(p, out)),
        Pat::Paren(p) => bound_names(&p.pat, out),
        _ => {}
    }
}

impl<'a> Visitor<'a> {
    /// True when an item with these attributes is compiled in the crate's build.
    fn compiled(&self, attrs: &[syn::Attribute]) -> bool {
        self.krate.mode == Mode::Any || Cfg::ALWAYS.and_attrs(attrs).holds(self.krate.mode)
    }

    fn resolve(&self, path: &syn::Path) -> Option<Resolved> {
        let segments = segments(path);
        if path.leading_colon.is_none() && segments.len() == 1 && self.is_var(&segments[0]) {
            return None;
        }
        self.resolver.resolve(
            self.module,
            &self.blocks,
            &segments,
            path.leading_colon.is_some(),
        )
    }

    fn is_var(&self, name: &str) -> bool {
        self.vars.iter().rev().any(|scope| scope.contains_key(name))
    }

    fn var(&self, name: &str) -> Option<&Ty> {
        self.vars
            .iter()
            .rev()
            .find_map(|scope| scope.get(name))
            .and_then(Option::as_ref)
    }

    fn bind(&mut self, name: String, ty: Option<Ty>) {
        if let Some(scope) = self.vars.last_mut() {
            scope.insert(name, ty);
        }
    }

    /// Binds what a pattern introduces, with the types known for it.
    fn bind_pattern(&mut self, pat: &Pat, ty: Option<Ty>) {
        match (pat, ty) {
            (Pat::Ident(p), ty) if p.subpat.is_none() => self.bind(p.ident.to_string(), ty),
            (Pat::Type(t), ty) => {
                let declared = self.type_of(&t.ty).map(Ty::One);
                self.bind_pattern(&t.pat, declared.or(ty));
            }
            (Pat::Tuple(t), Some(Ty::Tuple(types))) if t.elems.len() == types.len() => {
                for (p, ty) in t.elems.iter().zip(types) {
                    self.bind_pattern(p, Some(Ty::One(ty)));
                }
            }
            (pat, _) => {
                let mut names = Vec::new();
                bound_names(pat, &mut names);
                for name in names {
                    self.bind(name, None);
                }
            }
        }
    }

    /// The resolved path of a written type, seeing through references and `Arc`/`Rc`/`Box`.
    fn type_of(&self, ty: &Type) -> Option<String> {
        match ty {
            Type::Reference(r) => self.type_of(&r.elem),
            Type::Paren(p) => self.type_of(&p.elem),
            Type::Group(g) => self.type_of(&g.elem),
            Type::Path(p) if p.qself.is_none() => {
                let last = p.path.segments.last()?;
                if matches!(last.ident.to_string().as_str(), "Arc" | "Rc" | "Box")
                    && let syn::PathArguments::AngleBracketed(args) = &last.arguments
                {
                    return args.args.iter().find_map(|a| match a {
                        syn::GenericArgument::Type(t) => self.type_of(t),
                        _ => None,
                    });
                }
                self.resolve(&p.path).map(|r| r.path)
            }
            _ => None,
        }
    }

    /// The type of an expression, when the source shows it.
    fn infer(&self, expr: &Expr) -> Option<Ty> {
        match peel(expr) {
            Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
                self.var(&p.path.segments[0].ident.to_string()).cloned()
            }
            Expr::Reference(r) => self.infer(&r.expr),
            Expr::Try(t) => self.infer(&t.expr),
            Expr::Call(call) => {
                let Expr::Path(func) = peel(&call.func) else {
                    return None;
                };
                if func.qself.is_some() {
                    return None;
                }
                let Resolved { path, .. } = self.resolve(&func.path)?;
                if let Some(returns) = self.blocking.returns(&path) {
                    return Some(match returns {
                        Returns::One(t) => Ty::One(t.clone()),
                        Returns::Tuple(ts) => Ty::Tuple(ts.clone()),
                    });
                }
                let wrapper = ["Arc::new", "Rc::new", "Box::new", "Arc::clone", "Rc::clone"]
                    .iter()
                    .any(|w| path == *w || path.ends_with(&format!("::{w}")));
                if wrapper {
                    return call.args.first().and_then(|a| self.infer(a));
                }
                None
            }
            Expr::MethodCall(m) => {
                let method = m.method.to_string();
                let receiver = self.infer(&m.receiver);
                if TRANSPARENT_METHODS.contains(&method.as_str()) {
                    return receiver;
                }
                let Some(Ty::One(ty)) = receiver else {
                    return None;
                };
                self.blocking
                    .method_returns(&ty, &method)
                    .map(|t| Ty::One(t.to_owned()))
            }
            _ => None,
        }
    }

    fn report(&mut self, hit: Hit<'_>, call: Range) {
        let Some((context, context_span)) = self.context else {
            return;
        };
        self.findings.push(Finding {
            api: hit.api,
            help: hit.help.map(str::to_owned),
            call,
            context,
            context_span,
        });
    }

    fn check_call(&mut self, call: &syn::ExprCall) {
        let Expr::Path(func) = peel(&call.func) else {
            return;
        };
        if func.qself.is_some() {
            return;
        }
        let Some(resolved) = self.resolve(&func.path) else {
            return;
        };
        let Some(hit) = self.blocking.function(&resolved.path, resolved.local) else {
            return;
        };
        let start = path_start(&func.path);
        let close = call.paren_token.span.close();
        let range = if start.start().line == close.end().line {
            Range::new(start, close)
        } else {
            let last = func.path.segments.last().map_or(start, |s| s.ident.span());
            Range::new(start, last)
        };
        self.report(hit, range);
    }

    fn check_method(&mut self, call: &syn::ExprMethodCall) {
        let name = call.method.to_string();
        // The receiver's type names the API best when it is known; some names block anyway.
        let typed = match self.infer(&call.receiver) {
            Some(Ty::One(ty)) => self.blocking.method_of(&ty, &name),
            _ => None,
        };
        let hit = typed.or_else(|| self.blocking.method_by_name(&name));
        let Some(hit) = hit else { return };
        let start = call.method.span();
        let close = call.paren_token.span.close();
        let range = if start.start().line == close.end().line {
            Range::new(start, close)
        } else {
            Range::new(start, start)
        };
        self.report(hit, range);
    }

    /// Runs `body` in a new scope with the given async context (or none).
    fn scoped(&mut self, context: Option<(ContextKind, Range)>, body: impl FnOnce(&mut Self)) {
        let saved = std::mem::replace(&mut self.context, context);
        self.vars.push(HashMap::new());
        body(self);
        self.vars.pop();
        self.context = saved;
    }

    fn function(&mut self, sig: &syn::Signature, block: Option<&syn::Block>) {
        let context = sig
            .asyncness
            .as_ref()
            .map(|a| (ContextKind::Fn, Range::new(a.span, sig.ident.span())));
        self.scoped(context, |v| {
            for input in &sig.inputs {
                if let syn::FnArg::Typed(t) = input {
                    let ty = v.type_of(&t.ty).map(Ty::One);
                    v.bind_pattern(&t.pat, ty);
                }
            }
            if let Some(block) = block {
                v.visit_block(block);
            }
        });
    }

    fn statements(&mut self, stmts: &[Stmt]) {
        let items = stmts.iter().filter_map(|s| match s {
            Stmt::Item(item) => Some(item),
            _ => None,
        });
        let names = Names::of_items(items, self.krate.mode);
        let pushed = !names.is_empty();
        if pushed {
            self.blocks.push(names);
        }
        self.vars.push(HashMap::new());
        for stmt in stmts {
            self.visit_stmt(stmt);
        }
        self.vars.pop();
        if pushed {
            self.blocks.pop();
        }
    }

    /// The code inside a macro call: a list of expressions (`println!`, `assert!`, `join!`), else
    /// statements, else the brace groups inside it (`select!` arms).
    fn macro_body(&mut self, mac: &syn::Macro) {
        let name = mac
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        if OPAQUE_MACROS.contains(&name.as_str()) || name == "macro_rules" {
            return;
        }
        // Outside async code a macro matters only if async code is written inside it.
        if self.context.is_none() && !mentions_async(&mac.tokens) {
            return;
        }
        if let Ok(exprs) = mac.parse_body_with(Punctuated::<Expr, syn::Token![,]>::parse_terminated)
        {
            for expr in &exprs {
                self.visit_expr(expr);
            }
            return;
        }
        if let Ok(stmts) = mac.parse_body_with(syn::Block::parse_within) {
            self.statements(&stmts);
            return;
        }
        self.brace_groups(&mac.tokens);
    }

    fn brace_groups(&mut self, tokens: &TokenStream) {
        brace_groups(tokens, &mut |group| match syn::parse::Parser::parse2(
            syn::Block::parse_within,
            group.clone(),
        ) {
            Ok(stmts) => {
                self.statements(&stmts);
                true
            }
            Err(_) => false,
        });
    }
}

impl<'ast> Visit<'ast> for Visitor<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        if self.compiled(attrs(item)) {
            visit::visit_item(self, item);
        }
    }

    fn visit_impl_item(&mut self, item: &'ast syn::ImplItem) {
        let attrs: &[syn::Attribute] = match item {
            syn::ImplItem::Fn(f) => &f.attrs,
            syn::ImplItem::Macro(m) => &m.attrs,
            _ => &[],
        };
        if self.compiled(attrs) {
            visit::visit_impl_item(self, item);
        }
    }

    fn visit_trait_item(&mut self, item: &'ast syn::TraitItem) {
        let attrs: &[syn::Attribute] = match item {
            syn::TraitItem::Fn(f) => &f.attrs,
            syn::TraitItem::Macro(m) => &m.attrs,
            _ => &[],
        };
        if self.compiled(attrs) {
            visit::visit_trait_item(self, item);
        }
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.function(&f.sig, Some(&f.block));
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.function(&f.sig, Some(&f.block));
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        self.function(&f.sig, f.default.as_ref());
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        let Some((_, items)) = &m.content else {
            return;
        };
        let Some(&id) = self.krate.inline.get(&(self.file, place(m.ident.span()))) else {
            return;
        };
        let saved_module = std::mem::replace(&mut self.module, id);
        let saved_blocks = std::mem::take(&mut self.blocks);
        let saved_vars = std::mem::take(&mut self.vars);
        self.scoped(None, |v| {
            for item in items {
                v.visit_item(item);
            }
        });
        self.module = saved_module;
        self.blocks = saved_blocks;
        self.vars = saved_vars;
    }

    fn visit_item_macro(&mut self, m: &'ast syn::ItemMacro) {
        if m.ident.is_some() {
            return; // macro_rules! definitions: patterns, not code
        }
        let parsed = self.parsed;
        match parsed.macro_items.get(&place(macro_place(&m.mac))) {
            Some(items) => {
                for item in items {
                    self.visit_item(item);
                }
            }
            None => self.macro_body(&m.mac),
        }
    }

    fn visit_impl_item_macro(&mut self, m: &'ast syn::ImplItemMacro) {
        // `cfg_rt! { pub async fn spawn(…) { … } }` inside an `impl`: methods in a macro.
        let items = m.mac.parse_body_with(|input: syn::parse::ParseStream<'_>| {
            let mut items = Vec::new();
            while !input.is_empty() {
                items.push(input.parse::<syn::ImplItem>()?);
            }
            Ok(items)
        });
        if let Ok(items) = items {
            for item in &items {
                self.visit_impl_item(item);
            }
        }
    }

    fn visit_block(&mut self, block: &'ast syn::Block) {
        self.statements(&block.stmts);
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        let ty = match &local.init {
            Some(init) => {
                self.visit_expr(&init.expr);
                if let Some((_, diverge)) = &init.diverge {
                    self.visit_expr(diverge);
                }
                self.infer(&init.expr)
            }
            None => None,
        };
        self.bind_pattern(&local.pat, ty);
    }

    fn visit_stmt_macro(&mut self, m: &'ast syn::StmtMacro) {
        self.macro_body(&m.mac);
    }

    fn visit_expr_macro(&mut self, m: &'ast syn::ExprMacro) {
        self.macro_body(&m.mac);
    }

    fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
        let end = a.capture.as_ref().map_or(a.async_token.span, |m| m.span);
        let context = Some((ContextKind::Block, Range::new(a.async_token.span, end)));
        self.scoped(context, |v| v.visit_block(&a.block));
    }

    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        let context = c.asyncness.as_ref().map(|a| {
            (
                ContextKind::Closure,
                Range::new(a.span, c.inputs_end.spans[0]),
            )
        });
        self.scoped(context, |v| {
            for input in &c.inputs {
                let ty = match input {
                    Pat::Type(t) => v.type_of(&t.ty).map(Ty::One),
                    _ => None,
                };
                v.bind_pattern(input, ty);
            }
            v.visit_expr(&c.body);
        });
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if self.context.is_some() {
            self.check_call(call);
        }
        visit::visit_expr_call(self, call);
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        if self.context.is_some() {
            self.check_method(call);
        }
        visit::visit_expr_method_call(self, call);
    }

    fn visit_expr_await(&mut self, a: &'ast syn::ExprAwait) {
        // An awaited call returns a future: whatever its name, it does not block here.
        match peel(&a.base) {
            Expr::Call(call) => {
                self.visit_expr(&call.func);
                call.args.iter().for_each(|arg| self.visit_expr(arg));
            }
            Expr::MethodCall(call) => {
                self.visit_expr(&call.receiver);
                call.args.iter().for_each(|arg| self.visit_expr(arg));
            }
            base => self.visit_expr(base),
        }
    }

    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.visit_expr(&f.expr);
        if self.context.is_some()
            && let Some(Ty::One(ty)) = self.infer(&f.expr)
            && let Some(hit) = self.blocking.iteration_of(&ty)
        {
            let range = Range::new(f.for_token.span, f.in_token.span);
            self.report(hit, range);
        }
        let context = self.context;
        self.scoped(context, |v| {
            v.bind_pattern(&f.pat, None);
            v.visit_block(&f.body);
        });
    }
}
