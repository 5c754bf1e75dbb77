//! A backtrace frame's function name, as std prints it demangled, taken apart: the name without
//! hashes, crate disambiguators and generic arguments; the crate the frame belongs to; its last
//! path segment; and the closure segments async state machines are named with.
//!
//! Both manglings appear in one backtrace: legacy names (`tokio::…::block_on::h0123456789abcdef`,
//! `main::{{closure}}`) and v0 names (`std[e28293b1aa0f68bd]::panicking::…::{closure#0}`,
//! `<tokio::…::CoreGuard>::block_on::<app::main::{closure#0}>`).

/// A frame's name, analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// The name without `::h…` hash, `[…]` crate disambiguators and generic arguments.
    pub clean: String,
    /// The crate the frame belongs to: the first segment of its path, or for `<A as B>::f` the
    /// crate of `A` (of `B` when `A` is a generic parameter or a built-in type). `None` for names
    /// without a path (`_start`, `__rust_try`, `<unknown>`).
    pub krate: Option<String>,
    /// The last segment that is no closure (`poll`, `block_on`), without a `{{vtable.shim}}`.
    pub base: String,
    /// `clean` without its trailing closure segments: the function the state machine belongs to.
    pub owner: String,
    /// The trailing closure segments (`{{closure}}`, `{closure#0}`, `{async_block#0}`).
    pub closures: Vec<String>,
}

/// What a trailing `{…}` segment names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosureKind {
    /// `{{closure}}` or `{closure#N}`: a closure, or the state machine of an async fn or block
    /// (the manglings do not tell them apart).
    Closure,
    /// `{async_block#N}`.
    AsyncBlock,
    /// `{async_fn#N}` or `{async_fn_body#N}`.
    AsyncFn,
}

impl Symbol {
    pub fn parse(raw: &str) -> Symbol {
        let name = strip_hash(raw.trim());
        let name = strip_disambiguators(name);
        let clean = unwrap_inherent(&strip_generics(&name));
        let segments = split_path(&clean);
        let trailing = segments
            .iter()
            .rev()
            .take_while(|s| closure_kind(s).is_some())
            .count();
        let closures: Vec<String> = segments[segments.len() - trailing..]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let owner = segments[..segments.len() - trailing].join("::");
        let base = segments
            .iter()
            .rev()
            .find(|s| !s.starts_with('{'))
            .map(|s| s.split("{{").next().unwrap_or(s))
            .unwrap_or_default()
            .to_owned();
        let krate = crate_of(&clean, &segments);
        Symbol {
            clean,
            krate,
            base,
            owner,
            closures,
        }
    }

    /// The name as a reader wants it: `async fn app::start` for the state machine of an async fn
    /// (`app::start::{{closure}}` when `polled`: the caller polls futures), `async block in
    /// app::main` for a named async block; otherwise the cleaned name.
    pub fn readable(&self, polled: bool) -> String {
        match self.closures.as_slice() {
            [] => self.clean.clone(),
            [only] if closure_kind(only) == Some(ClosureKind::AsyncFn) => {
                format!("async fn {}", self.owner)
            }
            [only] if polled && closure_kind(only) == Some(ClosureKind::Closure) => {
                format!("async fn {}", self.owner)
            }
            [.., last] if closure_kind(last) == Some(ClosureKind::AsyncBlock) => {
                let outer = self.clean[..self.clean.len() - last.len()].trim_end_matches("::");
                format!("async block in {outer}")
            }
            _ => self.clean.clone(),
        }
    }
}

/// What kind of state machine a `{…}` segment names, if it names one.
pub fn closure_kind(segment: &str) -> Option<ClosureKind> {
    let inner = segment.strip_prefix('{')?.strip_suffix('}')?;
    let inner = inner.trim_start_matches('{').trim_end_matches('}');
    let kind = inner.split('#').next().unwrap_or(inner);
    match kind {
        "closure" => Some(ClosureKind::Closure),
        "async_block" | "async block" => Some(ClosureKind::AsyncBlock),
        "async_fn" | "async_fn_body" | "async fn body" => Some(ClosureKind::AsyncFn),
        _ => None,
    }
}

/// Removes a legacy symbol hash: `::h` and 16 hex digits at the end.
fn strip_hash(name: &str) -> &str {
    if let Some(at) = name.len().checked_sub(19)
        && name.is_char_boundary(at)
    {
        let (head, tail) = name.split_at(at);
        if let Some(hex) = tail.strip_prefix("::h")
            && hex.len() == 16
            && hex.bytes().all(|b| b.is_ascii_hexdigit())
        {
            return head;
        }
    }
    name
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Removes v0 crate disambiguators: `std[e28293b1aa0f68bd]::…` becomes `std::…`.
fn strip_disambiguators(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let follows_ident = out.chars().next_back().is_some_and(is_ident);
        match after[1..].find(']') {
            Some(close)
                if follows_ident
                    && close > 0
                    && after[1..1 + close].bytes().all(|b| b.is_ascii_hexdigit()) =>
            {
                rest = &after[close + 2..];
            }
            _ => {
                out.push('[');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Removes generic arguments (`Core<T,S>`, `::<&str>`), keeping a leading qualified path
/// (`<A as B>`) with its parts cleaned. A `->` inside is no closing bracket.
fn strip_generics(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        let opens_generics =
            c == '<' && (prev.is_some_and(is_ident) || out.ends_with("::") || prev == Some('>'));
        if !opens_generics {
            out.push(c);
            prev = Some(c);
            continue;
        }
        let mut depth = 1;
        let mut last = c;
        for c in chars.by_ref() {
            match c {
                '<' => depth += 1,
                '>' if last != '-' => depth -= 1,
                _ => {}
            }
            last = c;
            if depth == 0 {
                break;
            }
        }
        prev = Some('>');
    }
    // A turbofish leaves `::` behind: `drop::<T>::{{closure}}` became `drop::::{{closure}}`.
    while out.contains("::::") {
        out = out.replace("::::", "::");
    }
    out.trim_end_matches("::").to_owned()
}

/// `<tokio::runtime::CoreGuard>::block_on` (a v0 inherent method) becomes
/// `tokio::runtime::CoreGuard::block_on`; `<A as B>::f` is kept.
fn unwrap_inherent(name: &str) -> String {
    if let Some(end) = qualified_end(name) {
        let inner = &name[1..end];
        if inner.contains("::") && split_top_level(inner, " as ").is_none() {
            return format!("{inner}{}", &name[end + 1..]);
        }
    }
    name.to_owned()
}

/// The index of the `>` closing a leading `<`, if the name starts with one.
fn qualified_end(name: &str) -> Option<usize> {
    if !name.starts_with('<') {
        return None;
    }
    let mut depth = 0;
    let mut last = ' ';
    for (i, c) in name.char_indices() {
        match c {
            '<' => depth += 1,
            '>' if last != '-' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        last = c;
    }
    None
}

/// Splits `text` at the first `sep` outside brackets.
fn split_top_level<'t>(text: &'t str, sep: &str) -> Option<(&'t str, &'t str)> {
    let mut depth = 0i32;
    let mut last = ' ';
    for (i, c) in text.char_indices() {
        match c {
            '<' | '(' | '[' | '{' => depth += 1,
            '>' if last != '-' => depth -= 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
        last = c;
        if depth == 0 && text[i..].starts_with(sep) {
            return Some((&text[..i], &text[i + sep.len()..]));
        }
    }
    None
}

/// The `::`-separated segments of a path, a leading `<A as B>` being one segment.
fn split_path(name: &str) -> Vec<&str> {
    let mut segments = Vec::new();
    let mut rest = name;
    if let Some(end) = qualified_end(rest) {
        segments.push(&rest[..=end]);
        rest = rest[end + 1..].trim_start_matches("::");
    }
    while !rest.is_empty() {
        match split_top_level(rest, "::") {
            Some((head, tail)) => {
                segments.push(head);
                rest = tail;
            }
            None => {
                segments.push(rest);
                break;
            }
        }
    }
    if segments.is_empty() {
        segments.push(name);
    }
    segments
}

fn crate_of(clean: &str, segments: &[&str]) -> Option<String> {
    let first = segments.first()?;
    if let Some(end) = qualified_end(first) {
        let inner = &first[1..end];
        let (ty, tr) = split_top_level(inner, " as ").unwrap_or((inner, ""));
        return crate_of_type(ty).or_else(|| crate_of_type(tr));
    }
    if segments.len() < 2 || !clean.contains("::") {
        return None;
    }
    first
        .chars()
        .all(is_ident)
        .then(|| (*first).to_owned())
        .filter(|s| !s.is_empty())
}

/// The crate of a type as printed (`&mut core::pin::Pin` → `core`); `None` for generic
/// parameters, built-in types, tuples, slices and function pointers.
fn crate_of_type(ty: &str) -> Option<String> {
    let mut ty = ty.trim();
    loop {
        let before = ty;
        for prefix in ["&", "mut ", "*const ", "*mut ", "dyn ", "impl "] {
            ty = ty.strip_prefix(prefix).unwrap_or(ty).trim_start();
        }
        if ty == before {
            break;
        }
    }
    let (head, rest) = ty.split_once("::")?;
    (!head.is_empty() && head.chars().all(is_ident) && !rest.is_empty()).then(|| head.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(raw: &str) -> (String, Option<String>, String) {
        let s = Symbol::parse(raw);
        (s.clean, s.krate, s.base)
    }

    #[test]
    fn legacy_names_lose_hashes_and_generics() {
        assert_eq!(
            parsed("tokio::runtime::task::core::Core<T,S>::poll::{{closure}}"),
            (
                "tokio::runtime::task::core::Core::poll::{{closure}}".into(),
                Some("tokio".into()),
                "poll".into()
            )
        );
        assert_eq!(
            parsed("tokio::runtime::context::runtime::enter_runtime::h70661cb4471f46ba"),
            (
                "tokio::runtime::context::runtime::enter_runtime".into(),
                Some("tokio".into()),
                "enter_runtime".into()
            )
        );
        assert_eq!(
            parsed("core::panicking::panic_display::<&str>"),
            (
                "core::panicking::panic_display".into(),
                Some("core".into()),
                "panic_display".into()
            )
        );
        assert_eq!(
            parsed("core::ptr::drop_in_place<tokio::runtime::runtime::Runtime>").0,
            "core::ptr::drop_in_place"
        );
    }

    #[test]
    fn trait_impls_belong_to_the_type_unless_it_is_generic() {
        assert_eq!(
            parsed("<core::pin::Pin<P> as core::future::future::Future>::poll"),
            (
                "<core::pin::Pin as core::future::future::Future>::poll".into(),
                Some("core".into()),
                "poll".into()
            )
        );
        assert_eq!(
            parsed("<tokio::runtime::blocking::task::BlockingTask<T> as core::future::future::Future>::poll").1,
            Some("tokio".into())
        );
        assert_eq!(
            parsed("<F as core::future::into_future::IntoFuture>::into_future").1,
            Some("core".into())
        );
        assert_eq!(
            parsed("<app::Client as core::ops::drop::Drop>::drop").1,
            Some("app".into())
        );
        assert_eq!(
            parsed(
                "<fn() -> core::result::Result<(), alloc::string::String> as core::ops::function::FnOnce<()>>::call_once"
            ),
            (
                "<fn() -> core::result::Result as core::ops::function::FnOnce>::call_once".into(),
                Some("core".into()),
                "call_once".into()
            )
        );
    }

    #[test]
    fn v0_names_lose_disambiguators_and_inherent_brackets() {
        assert_eq!(
            parsed("std[e28293b1aa0f68bd]::panicking::default_hook::{closure#0}"),
            (
                "std::panicking::default_hook::{closure#0}".into(),
                Some("std".into()),
                "default_hook".into()
            )
        );
        assert_eq!(
            parsed("<tokio::runtime::scheduler::current_thread::CoreGuard>::block_on::<v0test::main::{closure#0}>::{closure#0}::{closure#0}"),
            (
                "tokio::runtime::scheduler::current_thread::CoreGuard::block_on::{closure#0}::{closure#0}".into(),
                Some("tokio".into()),
                "block_on".into()
            )
        );
        assert_eq!(
            parsed("<&dyn core[c1f1a4ba060b9bfa]::ops::function::Fn<(), Output = i32> + core[c1f1a4ba060b9bfa]::marker::Sync as core[c1f1a4ba060b9bfa]::ops::function::FnOnce<()>>::call_once").1,
            Some("core".into())
        );
    }

    #[test]
    fn names_without_a_path_have_no_crate() {
        for name in [
            "main",
            "_start",
            "__rust_try",
            "<unknown>",
            "__libc_start_main_impl",
        ] {
            let s = Symbol::parse(name);
            assert_eq!(s.krate, None, "{name}");
            assert_eq!(s.clean, name);
        }
        assert_eq!(
            Symbol::parse("__rustc::rust_begin_unwind").krate.as_deref(),
            Some("__rustc")
        );
    }

    #[test]
    fn async_state_machines_read_as_async_fns_when_polled() {
        let body = Symbol::parse("nested_runtime::start::{{closure}}");
        assert_eq!(body.owner, "nested_runtime::start");
        assert_eq!(body.readable(true), "async fn nested_runtime::start");
        assert_eq!(body.readable(false), "nested_runtime::start::{{closure}}");
        let v0 = Symbol::parse("app::inner::{closure#0}");
        assert_eq!(v0.readable(true), "async fn app::inner");
        let nested = Symbol::parse("app::outer::{{closure}}::{{closure}}");
        assert_eq!(
            nested.readable(true),
            "app::outer::{{closure}}::{{closure}}"
        );
        let block = Symbol::parse("app::outer::{{closure}}::{async_block#0}");
        assert_eq!(
            block.readable(false),
            "async block in app::outer::{{closure}}"
        );
        let shim = Symbol::parse("core::ops::function::FnOnce::call_once{{vtable.shim}}");
        assert_eq!(shim.base, "call_once");
    }
}
