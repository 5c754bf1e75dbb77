//! A small model of the types rustc quotes in its messages, and a tolerant parser for them.
//!
//! rustc prints types in several spellings: full paths (`std::sync::MutexGuard<'_, u64>`), trimmed
//! ones (`MutexGuard<'_, u64>`), re-exports (`futures::Future`, `core::future::Future`), opaque
//! types (`impl Future<Output = u32>`), anonymous types (`{async block@src/main.rs:3:5: 3:15}`,
//! `{async fn body of op()}`, `{closure@…}`, `{integer}`), fn items
//! (`for<'a> fn(&'a str) -> impl Future<Output = usize> {handle}`), and shortened long types
//! (`Unfold<u32, {closure@...}, ...>`). The parser never fails: what it does not understand
//! becomes [`Ty::Other`], so a new spelling costs precision, never a crash.

use std::fmt;

/// A parsed type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    /// A path such as `std::pin::Pin<Box<T>>` or a type parameter `F`.
    Path(Path),
    /// `&'a mut T`.
    Ref {
        mutable: bool,
        inner: Box<Ty>,
    },
    /// `*const T` / `*mut T`.
    Ptr {
        inner: Box<Ty>,
    },
    Tuple(Vec<Ty>),
    /// `[T]` or `[T; N]`.
    Slice(Box<Ty>),
    /// `impl A + B`.
    Impl(Vec<Path>),
    /// `dyn A + B`.
    Dyn(Vec<Path>),
    /// A fn pointer or fn item: `fn(A, B) -> R`, with the item's name for `… {name}`.
    Fn {
        args: Vec<Ty>,
        ret: Option<Box<Ty>>,
        item: Option<String>,
    },
    /// A type rustc writes in braces: `{async block@…}`, `{closure@…}`, `{integer}`.
    Anon(Anon),
    /// `!`.
    Never,
    /// `_` or `...` (a part rustc left out).
    Infer,
    /// Text the parser did not understand, kept as it was.
    Other(String),
}

/// A path, its segments' generic arguments kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Path {
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub name: String,
    pub args: Vec<Arg>,
}

/// One generic argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Lifetime(String),
    Type(Ty),
    /// `Output = T`.
    Binding(String, Ty),
}

/// What a braced anonymous type is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anon {
    AsyncBlock {
        at: Option<String>,
    },
    /// `{async fn body of f()}`: the future an `async fn` returns.
    AsyncFnBody {
        function: String,
    },
    AsyncClosure {
        at: Option<String>,
    },
    /// `{async closure body@…}`: the future an async closure returns.
    AsyncClosureBody {
        at: Option<String>,
    },
    Closure {
        at: Option<String>,
    },
    Coroutine {
        at: Option<String>,
    },
    Integer,
    Float,
    Other(String),
}

impl Path {
    /// The last segment's name (`MutexGuard` for `std::sync::MutexGuard<'_, T>`).
    pub fn name(&self) -> &str {
        self.segments.last().map_or("", |s| s.name.as_str())
    }

    /// The first segment's name: the crate, for a full path.
    pub fn root(&self) -> &str {
        self.segments.first().map_or("", |s| s.name.as_str())
    }

    pub fn last(&self) -> Option<&Segment> {
        self.segments.last()
    }

    /// The type arguments of the last segment, in order.
    pub fn type_args(&self) -> impl Iterator<Item = &Ty> {
        self.last()
            .into_iter()
            .flat_map(|s| s.args.iter())
            .filter_map(|a| match a {
                Arg::Type(t) => Some(t),
                _ => None,
            })
    }

    /// The type bound to an associated name (`Output` in `Future<Output = T>`).
    pub fn binding(&self, name: &str) -> Option<&Ty> {
        self.last()?.args.iter().find_map(|a| match a {
            Arg::Binding(n, t) if n == name => Some(t),
            _ => None,
        })
    }

    /// The segments' names joined with `::`, without generic arguments.
    pub fn plain(&self) -> String {
        let names: Vec<&str> = self.segments.iter().map(|s| s.name.as_str()).collect();
        names.join("::")
    }
}

impl Ty {
    /// Parses rustc's spelling of a type; never fails.
    pub fn parse(text: &str) -> Ty {
        let text = text.trim();
        let mut parser = Parser { s: text, pos: 0 };
        let ty = parser.ty();
        parser.skip_ws();
        if parser.pos < text.len() {
            Ty::Other(text.to_owned())
        } else {
            ty
        }
    }

    /// The path, when the type is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Ty::Path(p) => Some(p),
            _ => None,
        }
    }

    /// The type behind references (`&&mut T` is `T`).
    pub fn behind_refs(&self) -> &Ty {
        match self {
            Ty::Ref { inner, .. } => inner.behind_refs(),
            other => other,
        }
    }
}

struct Parser<'s> {
    s: &'s str,
    pos: usize,
}

impl<'s> Parser<'s> {
    fn rest(&self) -> &'s str {
        &self.s[self.pos..]
    }

    fn skip_ws(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_ws();
        if self.rest().starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    /// Eats a keyword only when a word boundary follows it.
    fn eat_word(&mut self, word: &str) -> bool {
        self.skip_ws();
        let rest = self.rest();
        if rest.starts_with(word)
            && !rest[word.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    fn ident(&mut self) -> Option<String> {
        self.skip_ws();
        let rest = self.rest();
        let raw = rest.starts_with("r#");
        let body = if raw { &rest[2..] } else { rest };
        let len = body
            .char_indices()
            .find(|(i, c)| !(c.is_alphanumeric() || *c == '_') || (*i == 0 && c.is_ascii_digit()))
            .map_or(body.len(), |(i, _)| i);
        if len == 0 {
            return None;
        }
        self.pos += len + if raw { 2 } else { 0 };
        Some(body[..len].to_owned())
    }

    fn lifetime(&mut self) -> Option<String> {
        self.skip_ws();
        if !self.rest().starts_with('\'') {
            return None;
        }
        self.pos += 1;
        // rustc numbers anonymous lifetimes: `'1`, `'2`.
        let rest = self.rest();
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        self.pos += len;
        Some(format!("'{}", &rest[..len]))
    }

    /// Skips `for<'a, 'b>`.
    fn binder(&mut self) {
        let save = self.pos;
        if self.eat_word("for") && self.eat("<") {
            while self.lifetime().is_some() {
                if !self.eat(",") {
                    break;
                }
            }
            if self.eat(">") {
                return;
            }
        }
        self.pos = save;
    }

    fn ty(&mut self) -> Ty {
        self.skip_ws();
        self.binder();
        if self.eat("&") {
            self.lifetime();
            let mutable = self.eat_word("mut");
            return Ty::Ref {
                mutable,
                inner: Box::new(self.ty()),
            };
        }
        if self.eat("*") {
            if !self.eat_word("const") {
                self.eat_word("mut");
            }
            return Ty::Ptr {
                inner: Box::new(self.ty()),
            };
        }
        if self.eat("...") {
            return Ty::Infer;
        }
        if self.eat("(") {
            let mut items = Vec::new();
            let mut comma = false;
            while !self.eat(")") {
                let before = self.pos;
                if self.at_end() {
                    return Ty::Other(self.s.to_owned());
                }
                items.push(self.ty());
                if self.pos == before {
                    return Ty::Other(self.s.to_owned());
                }
                if self.eat(",") {
                    comma = true;
                } else if !self.rest().trim_start().starts_with(')') {
                    return Ty::Other(self.s.to_owned());
                }
            }
            // `(dyn Future + Send)` is a parenthesised type, `(T,)` a tuple of one.
            if items.len() == 1 && !comma {
                return items.pop().unwrap_or(Ty::Infer);
            }
            return Ty::Tuple(items);
        }
        if self.eat("[") {
            let inner = self.ty();
            if self.eat(";") {
                self.skip_until(']');
            }
            self.eat("]");
            return Ty::Slice(Box::new(inner));
        }
        if self.rest().starts_with('{') {
            return Ty::Anon(self.anon());
        }
        if self.eat("!") {
            return Ty::Never;
        }
        if self.eat_word("impl") {
            return Ty::Impl(self.bounds());
        }
        if self.eat_word("dyn") {
            return Ty::Dyn(self.bounds());
        }
        let save = self.pos;
        if self.eat_word("unsafe") {
            if self.eat_word("extern") {
                self.string();
            }
        } else if self.eat_word("extern") {
            self.string();
        }
        if self.eat_word("fn") && self.rest().trim_start().starts_with('(') {
            return self.fn_type();
        }
        self.pos = save;
        if self.eat("<") {
            // `<T as Trait>::Assoc`: keep the trait's path followed by the associated name.
            let _self_ty = self.ty();
            let path = if self.eat_word("as") {
                self.path()
            } else {
                Path::default()
            };
            self.eat(">");
            let mut path = path;
            while self.eat("::") {
                if let Some(seg) = self.segment() {
                    path.segments.push(seg);
                }
            }
            return Ty::Path(path);
        }
        if self.eat_word("_") {
            return Ty::Infer;
        }
        let path = self.path();
        if path.segments.is_empty() {
            return Ty::Other(self.s.to_owned());
        }
        Ty::Path(path)
    }

    fn at_end(&self) -> bool {
        self.rest().trim().is_empty()
    }

    fn string(&mut self) {
        self.skip_ws();
        if self.rest().starts_with('"') {
            self.pos += 1;
            self.skip_until('"');
            self.pos = (self.pos + 1).min(self.s.len());
        }
    }

    fn skip_until(&mut self, end: char) {
        match self.rest().find(end) {
            Some(i) => self.pos += i,
            None => self.pos = self.s.len(),
        }
    }

    fn fn_type(&mut self) -> Ty {
        self.eat("(");
        let mut args = Vec::new();
        while !self.eat(")") {
            let before = self.pos;
            args.push(self.ty());
            self.eat(",");
            if self.pos == before || self.at_end() {
                break;
            }
        }
        let ret = if self.eat("->") {
            Some(Box::new(self.ty()))
        } else {
            None
        };
        let item = if self.rest().trim_start().starts_with('{') {
            self.skip_ws();
            Some(self.braced().to_owned())
        } else {
            None
        };
        Ty::Fn { args, ret, item }
    }

    /// The text inside the braced group that starts here; ends after its closing brace (or at the
    /// end of an unclosed one).
    fn braced(&mut self) -> &'s str {
        let start = self.pos + 1;
        self.skip_balanced();
        let end = if self.s[..self.pos].ends_with('}') {
            self.pos - 1
        } else {
            self.pos
        };
        self.s.get(start..end).unwrap_or_default().trim()
    }

    /// Skips a braced group, nested braces included; ends after the closing brace.
    fn skip_balanced(&mut self) {
        let mut depth = 0usize;
        for (i, c) in self.rest().char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.pos += i + 1;
                        return;
                    }
                }
                _ => {}
            }
        }
        self.pos = self.s.len();
    }

    fn anon(&mut self) -> Anon {
        let inner = self.braced();
        let (what, at) = match inner.split_once('@') {
            Some((what, at)) => (what.trim(), Some(at.trim().to_owned())),
            None => (inner, None),
        };
        match what {
            "async block" | "async gen block" | "gen block" => Anon::AsyncBlock { at },
            "async closure" => Anon::AsyncClosure { at },
            "async closure body" => Anon::AsyncClosureBody { at },
            "closure" => Anon::Closure { at },
            "coroutine" | "static coroutine" => Anon::Coroutine { at },
            "integer" => Anon::Integer,
            "float" => Anon::Float,
            _ => match what.strip_prefix("async fn body of ") {
                Some(function) => Anon::AsyncFnBody {
                    function: function.trim_end_matches("()").to_owned(),
                },
                None => Anon::Other(inner.to_owned()),
            },
        }
    }

    fn bounds(&mut self) -> Vec<Path> {
        let mut bounds = Vec::new();
        loop {
            self.skip_ws();
            self.binder();
            if self.lifetime().is_some() {
            } else if self.eat("?") || self.eat("~const") {
                let _ = self.path();
            } else if self.eat("use<") {
                self.skip_until('>');
                self.eat(">");
            } else {
                let path = self.path();
                if path.segments.is_empty() {
                    break;
                }
                bounds.push(path);
            }
            if !self.eat("+") {
                break;
            }
        }
        bounds
    }

    fn path(&mut self) -> Path {
        let mut path = Path::default();
        self.eat("::");
        while let Some(segment) = self.segment() {
            path.segments.push(segment);
            let save = self.pos;
            if !self.eat("::") {
                break;
            }
            if !self
                .rest()
                .trim_start()
                .starts_with(|c: char| c.is_alphabetic() || c == '_')
            {
                self.pos = save;
                break;
            }
        }
        path
    }

    fn segment(&mut self) -> Option<Segment> {
        let name = self.ident()?;
        let mut args = Vec::new();
        let save = self.pos;
        self.eat("::");
        if self.eat("<") {
            loop {
                self.skip_ws();
                let before = self.pos;
                if self.eat(">") || self.at_end() {
                    break;
                }
                if let Some(lt) = self.lifetime() {
                    args.push(Arg::Lifetime(lt));
                } else {
                    let before = self.pos;
                    let binding = self.ident().filter(|_| {
                        let r = self.rest().trim_start();
                        r.starts_with('=') && !r.starts_with("==")
                    });
                    match binding {
                        Some(name) => {
                            self.eat("=");
                            args.push(Arg::Binding(name, self.ty()));
                        }
                        None => {
                            self.pos = before;
                            // A const argument (`3`) or a type.
                            let ty = self.ty();
                            args.push(Arg::Type(ty));
                        }
                    }
                }
                if !self.eat(",") {
                    self.eat(">");
                    break;
                }
                if self.pos == before {
                    break;
                }
            }
        } else if FN_TRAITS.contains(&name.as_str()) && self.rest().starts_with('(') {
            // `FnOnce()`, `Fn(&str) -> T`: the arguments as one tuple, the return as `Output`.
            self.pos = save;
            let inputs = match self.ty() {
                tuple @ Ty::Tuple(_) => tuple,
                one => Ty::Tuple(vec![one]),
            };
            args.push(Arg::Type(inputs));
            if self.eat("->") {
                args.push(Arg::Binding("Output".to_owned(), self.ty()));
            }
        } else {
            self.pos = save;
        }
        Some(Segment { name, args })
    }
}

/// The traits written with parenthesised arguments: `Fn(u32) -> bool`.
const FN_TRAITS: &[&str] = &[
    "Fn",
    "FnMut",
    "FnOnce",
    "AsyncFn",
    "AsyncFnMut",
    "AsyncFnOnce",
];

impl fmt::Display for Ty {
    /// A compact spelling: paths without their module prefix (`MutexGuard<'_, u64>`), anonymous
    /// types in words (`async block`), everything else as rustc wrote it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ty::Path(p) => write!(f, "{}", ShortPath(p)),
            Ty::Ref { mutable, inner } => {
                write!(f, "&{}{inner}", if *mutable { "mut " } else { "" })
            }
            Ty::Ptr { inner } => write!(f, "*const {inner}"),
            Ty::Tuple(items) => {
                write!(f, "(")?;
                list(f, items)?;
                if items.len() == 1 {
                    write!(f, ",")?;
                }
                write!(f, ")")
            }
            Ty::Slice(inner) => write!(f, "[{inner}]"),
            Ty::Impl(bounds) => {
                write!(f, "impl ")?;
                bounds_list(f, bounds)
            }
            Ty::Dyn(bounds) => {
                write!(f, "dyn ")?;
                bounds_list(f, bounds)
            }
            Ty::Fn { args, ret, item } => {
                if let Some(item) = item {
                    return write!(f, "{item}");
                }
                write!(f, "fn(")?;
                list(f, args)?;
                write!(f, ")")?;
                if let Some(ret) = ret {
                    write!(f, " -> {ret}")?;
                }
                Ok(())
            }
            Ty::Anon(anon) => match anon {
                Anon::AsyncBlock { .. } => write!(f, "async block"),
                Anon::AsyncFnBody { function } => write!(f, "future of `{function}()`"),
                Anon::AsyncClosure { .. } => write!(f, "async closure"),
                Anon::AsyncClosureBody { .. } => write!(f, "future of an async closure"),
                Anon::Closure { .. } => write!(f, "closure"),
                Anon::Coroutine { .. } => write!(f, "coroutine"),
                Anon::Integer => write!(f, "{{integer}}"),
                Anon::Float => write!(f, "{{float}}"),
                Anon::Other(text) => write!(f, "{{{text}}}"),
            },
            Ty::Never => write!(f, "!"),
            Ty::Infer => write!(f, "_"),
            Ty::Other(text) => write!(f, "{text}"),
        }
    }
}

struct ShortPath<'p>(&'p Path);

impl fmt::Display for ShortPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(last) = self.0.last() else {
            return Ok(());
        };
        write!(f, "{}", last.name)?;
        if let (true, [Arg::Type(Ty::Tuple(inputs)), rest @ ..]) = (
            FN_TRAITS.contains(&last.name.as_str()),
            last.args.as_slice(),
        ) {
            write!(f, "(")?;
            list(f, inputs)?;
            write!(f, ")")?;
            if let [Arg::Binding(_, output)] = rest {
                write!(f, " -> {output}")?;
            }
            return Ok(());
        }
        if !last.args.is_empty() {
            write!(f, "<")?;
            for (i, arg) in last.args.iter().enumerate() {
                if i > 0 {
                    write!(f, ", ")?;
                }
                match arg {
                    Arg::Lifetime(l) => write!(f, "{l}")?,
                    Arg::Type(t) => write!(f, "{t}")?,
                    Arg::Binding(n, t) => write!(f, "{n} = {t}")?,
                }
            }
            write!(f, ">")?;
        }
        Ok(())
    }
}

fn list(f: &mut fmt::Formatter<'_>, items: &[Ty]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            write!(f, ", ")?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

fn bounds_list(f: &mut fmt::Formatter<'_>, bounds: &[Path]) -> fmt::Result {
    for (i, b) in bounds.iter().enumerate() {
        if i > 0 {
            write!(f, " + ")?;
        }
        write!(f, "{}", ShortPath(b))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_keep_their_segments_and_arguments() {
        let ty = Ty::parse("std::sync::MutexGuard<'_, u64>");
        let path = ty.path().unwrap();
        assert_eq!(path.plain(), "std::sync::MutexGuard");
        assert_eq!(path.name(), "MutexGuard");
        assert_eq!(ty.to_string(), "MutexGuard<'_, u64>");
    }

    #[test]
    fn opaque_and_dyn_futures_keep_their_output() {
        let ty = Ty::parse("impl futures::Future<Output = Result<String, std::io::Error>>");
        let Ty::Impl(bounds) = &ty else {
            panic!("{ty:?}")
        };
        assert_eq!(bounds[0].name(), "Future");
        assert_eq!(
            bounds[0].binding("Output").unwrap().to_string(),
            "Result<String, Error>"
        );
        let ty = Ty::parse(
            "Pin<Box<(dyn futures::Future<Output = u64> + std::marker::Send + 'static)>>",
        );
        assert_eq!(ty.to_string(), "Pin<Box<dyn Future<Output = u64> + Send>>");
        let ty = Ty::parse("Pin<Box<dyn Future<Output = u32> + Send + 'static>>");
        assert_eq!(ty.to_string(), "Pin<Box<dyn Future<Output = u32> + Send>>");
        let ty =
            Ty::parse("Pin<Box<(dyn futures::Future<Output = u16> + std::marker::Send + '2)>>");
        assert_eq!(ty.to_string(), "Pin<Box<dyn Future<Output = u16> + Send>>");
        let ty = Ty::parse("impl for<'a> Future<Output = usize>");
        assert!(matches!(ty, Ty::Impl(_)));
    }

    #[test]
    fn anonymous_types_are_recognised() {
        assert_eq!(
            Ty::parse("{async block@src/main.rs:13:31: 13:41}"),
            Ty::Anon(Anon::AsyncBlock {
                at: Some("src/main.rs:13:31: 13:41".into())
            })
        );
        assert_eq!(
            Ty::parse("{async fn body of op()}"),
            Ty::Anon(Anon::AsyncFnBody {
                function: "op".into()
            })
        );
        assert_eq!(Ty::parse("{integer}"), Ty::Anon(Anon::Integer));
        let ty = Ty::parse("Unfold<u32, {closure@...}, ...>");
        assert_eq!(ty.path().unwrap().type_args().count(), 3);
    }

    #[test]
    fn fn_items_references_and_pointers() {
        let ty = Ty::parse("for<'a> fn(&'a str) -> impl Future<Output = usize> {handle}");
        let Ty::Fn { args, ret, item } = &ty else {
            panic!("{ty:?}")
        };
        assert_eq!(args.len(), 1);
        assert!(matches!(ret.as_deref(), Some(Ty::Impl(_))));
        assert_eq!(item.as_deref(), Some("handle"));
        assert!(matches!(
            Ty::parse("&mut impl Future<Output = u32>"),
            Ty::Ref { mutable: true, .. }
        ));
        assert!(matches!(Ty::parse("*const ()"), Ty::Ptr { .. }));
        assert_eq!(
            Ty::parse("&Pin<&mut impl Future<Output = u32>>").behind_refs(),
            &Ty::parse("Pin<&mut impl Future<Output = u32>>")
        );
    }

    #[test]
    fn qualified_paths_and_turbofish() {
        let ty = Ty::parse("<I as AsyncIterator>::Item");
        assert_eq!(ty.path().unwrap().plain(), "AsyncIterator::Item");
        let ty = Ty::parse("Pin::<Ptr>::new");
        assert_eq!(ty.path().unwrap().plain(), "Pin::new");
    }

    proptest::proptest! {
        /// The parser ends on any text, however broken (each loop must make progress).
        #[test]
        fn any_text_parses(text in "[a-zA-Z:<>(){}\\[\\];,&*'=+!_. -]{0,40}") {
            let _ = Ty::parse(&text);
        }
    }

    #[test]
    fn fn_traits_take_their_arguments_in_parentheses() {
        for (text, name, shown) in [
            ("FnOnce()", "FnOnce", "FnOnce()"),
            (
                "std::ops::Fn(&str, u32) -> bool",
                "Fn",
                "Fn(&str, u32) -> bool",
            ),
            ("AsyncFn(u32)", "AsyncFn", "AsyncFn(u32)"),
        ] {
            let ty = Ty::parse(text);
            assert_eq!(ty.path().map(Path::name), Some(name), "{text}");
            assert_eq!(ty.to_string(), shown, "{text}");
        }
        let ty = Ty::parse("Box<dyn FnMut(u32) -> Pin<Box<dyn Future<Output = ()>>> + Send>");
        assert_eq!(
            ty.to_string(),
            "Box<dyn FnMut(u32) -> Pin<Box<dyn Future<Output = ()>>> + Send>"
        );
    }

    #[test]
    fn what_it_does_not_understand_is_kept() {
        assert_eq!(Ty::parse("a b c"), Ty::Other("a b c".into()));
        assert_eq!(Ty::parse("(unclosed"), Ty::Other("(unclosed".into()));
        assert_eq!(Ty::parse(""), Ty::Other(String::new()));
    }
}
