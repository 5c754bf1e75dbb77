//! What a quoted type is, in the words knowledge-base matchers use: `future`, `async-block`,
//! `guard`, `rc`, … A type has several kinds (`Pin<Box<dyn Future + Send>>` is a `future`, a
//! `boxed-future` and `pinned`). Paths are normalised here: `futures::Future`,
//! `futures_core::future::Future`, `core::future::Future` and `std::future::Future` are all
//! `Future`, and the crate a path names decides between `std::sync::MutexGuard` (a blocking
//! guard) and `tokio::sync::MutexGuard` (an async one).

use super::ty::{Anon, Path, Ty};

/// One kind a type can have. The names are the vocabulary of fact matchers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Anything that is a future: `impl Future`, `dyn Future`, async blocks and fn bodies, boxed
    /// or pinned futures, `BoxFuture`, tokio's `JoinHandle`, `Sleep`, futures' combinators.
    Future,
    /// `impl Future<…>`.
    OpaqueFuture,
    /// `dyn Future<…>`, bare or boxed.
    DynFuture,
    /// `Box<dyn Future>`, `Pin<Box<…>>`, `BoxFuture`.
    BoxedFuture,
    AsyncBlock,
    AsyncFnBody,
    /// An async closure itself (`{async closure@…}`), not the future it returns.
    AsyncClosure,
    Pinned,
    JoinHandle,
    /// A value that holds futures without being one: `Vec<F>`, `Option<F>`, `[F; 2]`, `(F, G)`,
    /// `&[F]`, a map of futures (what `join_all`, `if let Some(f)` or a loop must take apart).
    HoldsFuture,
    Stream,
    /// A blocking lock's guard: `std::sync::MutexGuard`, `RwLockReadGuard`, parking_lot's.
    Guard,
    /// An async lock's guard: `tokio::sync::MutexGuard` and the like.
    AsyncGuard,
    /// `std::cell::Ref` / `RefMut`.
    RefcellRef,
    /// `Cell`, `RefCell`, `UnsafeCell`, `OnceCell`.
    Cell,
    Rc,
    RawPointer,
    /// Any `dyn Trait`.
    Dyn,
    /// `dyn Error` without `+ Send`.
    DynError,
    /// A `dyn Trait` (or `impl Trait`) without a `Send` bound.
    NoSendBound,
    ThreadRng,
    Closure,
    FnItem,
    Reference,
    Integer,
    Float,
    Unit,
    Result,
    Option,
    /// A generic type parameter (`T`, `F`, `Fut`).
    Param,
    /// A function (an `async fn` item, a closure's signature) whose return type is a future.
    ReturnsFuture,
    /// Any type: the role only has to be there.
    Any,
}

impl Kind {
    pub const ALL: &'static [(&'static str, Kind)] = &[
        ("future", Kind::Future),
        ("opaque-future", Kind::OpaqueFuture),
        ("dyn-future", Kind::DynFuture),
        ("boxed-future", Kind::BoxedFuture),
        ("async-block", Kind::AsyncBlock),
        ("async-fn-body", Kind::AsyncFnBody),
        ("async-closure", Kind::AsyncClosure),
        ("pinned", Kind::Pinned),
        ("join-handle", Kind::JoinHandle),
        ("holds-future", Kind::HoldsFuture),
        ("stream", Kind::Stream),
        ("guard", Kind::Guard),
        ("async-guard", Kind::AsyncGuard),
        ("refcell-ref", Kind::RefcellRef),
        ("cell", Kind::Cell),
        ("rc", Kind::Rc),
        ("raw-pointer", Kind::RawPointer),
        ("dyn", Kind::Dyn),
        ("dyn-error", Kind::DynError),
        ("no-send-bound", Kind::NoSendBound),
        ("thread-rng", Kind::ThreadRng),
        ("closure", Kind::Closure),
        ("fn-item", Kind::FnItem),
        ("reference", Kind::Reference),
        ("integer", Kind::Integer),
        ("float", Kind::Float),
        ("unit", Kind::Unit),
        ("result", Kind::Result),
        ("option", Kind::Option),
        ("param", Kind::Param),
        ("returns-future", Kind::ReturnsFuture),
        ("any", Kind::Any),
    ];

    pub fn from_name(name: &str) -> Option<Kind> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
    }

    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("?", |(n, _)| n)
    }
}

/// Names of future types of tokio and futures that are recognisable by name alone.
const FUTURE_NAMES: &[&str] = &[
    "BoxFuture",
    "LocalBoxFuture",
    "Sleep",
    "Timeout",
    "JoinAll",
    "TryJoinAll",
    "SelectAll",
    "SelectOk",
    "Shared",
    "Abortable",
    "Notified",
    // futures' stream futures: what `StreamExt::next`, `collect`, `fold`… return.
    "Next",
    "TryNext",
    "Collect",
    "TryCollect",
    "Fold",
    "ForEach",
    "Forward",
];
const STREAM_NAMES: &[&str] = &[
    "BoxStream",
    "LocalBoxStream",
    "Unfold",
    "ReceiverStream",
    "UnboundedReceiverStream",
    "FuturesUnordered",
    "FuturesOrdered",
    "SelectAll",
    "Buffered",
    "BufferUnordered",
];
const GUARD_NAMES: &[&str] = &[
    "MutexGuard",
    "RwLockReadGuard",
    "RwLockWriteGuard",
    "MappedMutexGuard",
    "MappedRwLockReadGuard",
    "MappedRwLockWriteGuard",
    "ReentrantMutexGuard",
    "RwLockUpgradableReadGuard",
    "OwnedMutexGuard",
    "OwnedRwLockReadGuard",
    "OwnedRwLockWriteGuard",
    "SemaphorePermit",
];
/// Crates whose lock guards are held across `.await` by design.
const ASYNC_LOCK_CRATES: &[&str] = &[
    "tokio",
    "async_std",
    "async_lock",
    "futures",
    "futures_util",
];

/// Does the type have this kind? `&T` has the kinds `reference` and, for `future` only, those
/// of nothing else: a reference to a future is written `&future` in matchers (see [`matches`]).
pub fn has(ty: &Ty, kind: Kind) -> bool {
    match kind {
        Kind::Future => is_future(ty),
        Kind::OpaqueFuture => matches!(ty, Ty::Impl(b) if bound_named(b, "Future")),
        Kind::DynFuture => dyn_future(ty),
        Kind::BoxedFuture => boxed_future(ty),
        Kind::AsyncBlock => matches!(ty, Ty::Anon(Anon::AsyncBlock { .. })),
        Kind::AsyncFnBody => matches!(ty, Ty::Anon(Anon::AsyncFnBody { .. })),
        Kind::AsyncClosure => matches!(ty, Ty::Anon(Anon::AsyncClosure { .. })),
        Kind::Pinned => path_named(ty, &["Pin"]),
        Kind::JoinHandle => {
            path_named(ty, &["JoinHandle"]) && ty.path().is_some_and(|p| !in_module(p, "thread"))
        }
        Kind::HoldsFuture => !is_future(ty) && holds_future(ty),
        Kind::Stream => is_stream(ty),
        Kind::Guard => guard(ty).is_some_and(|blocking| blocking),
        Kind::AsyncGuard => guard(ty).is_some_and(|blocking| !blocking),
        Kind::RefcellRef => {
            path_named(ty, &["Ref", "RefMut"])
                && ty.path().is_some_and(|p| !in_module(p, "dashmap"))
        }
        Kind::Cell => path_named(ty, &["Cell", "RefCell", "UnsafeCell", "OnceCell"]),
        Kind::Rc => {
            path_named(ty, &["Rc"])
                || (path_named(ty, &["Weak"]) && ty.path().is_some_and(|p| in_module(p, "rc")))
        }
        Kind::RawPointer => matches!(ty, Ty::Ptr { .. }) || path_named(ty, &["NonNull"]),
        Kind::Dyn => matches!(ty, Ty::Dyn(_)),
        Kind::DynError => {
            matches!(ty, Ty::Dyn(b) if bound_named(b, "Error") && !bound_named(b, "Send"))
        }
        Kind::NoSendBound => match ty {
            Ty::Dyn(b) | Ty::Impl(b) => !bound_named(b, "Send"),
            _ => false,
        },
        Kind::ThreadRng => path_named(ty, &["ThreadRng"]),
        Kind::Closure => matches!(
            ty,
            Ty::Anon(Anon::Closure { .. } | Anon::AsyncClosure { .. })
        ),
        Kind::FnItem => matches!(ty, Ty::Fn { item: Some(_), .. }),
        Kind::Reference => matches!(ty, Ty::Ref { .. }),
        Kind::Integer => {
            matches!(ty, Ty::Anon(Anon::Integer))
                || path_named_exact(
                    ty,
                    &[
                        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64",
                        "i128", "isize",
                    ],
                )
        }
        Kind::Float => matches!(ty, Ty::Anon(Anon::Float)) || path_named_exact(ty, &["f32", "f64"]),
        Kind::Unit => matches!(ty, Ty::Tuple(items) if items.is_empty()),
        Kind::Result => path_named(ty, &["Result"]),
        Kind::Option => path_named(ty, &["Option"]),
        Kind::Any => true,
        Kind::ReturnsFuture => matches!(ty, Ty::Fn { ret: Some(ret), .. } if is_future(ret)),
        Kind::Param => ty.path().is_some_and(|p| {
            p.segments.len() == 1
                && p.segments[0].args.is_empty()
                && is_param_name(&p.segments[0].name)
        }),
    }
}

/// A kind test as written in a matcher: `future`, `!future` (not a future), `&future` (a
/// reference to a future).
pub fn matches(ty: &Ty, test: &KindTest) -> bool {
    let target = if test.behind_reference {
        match ty {
            Ty::Ref { inner, .. } => inner.as_ref(),
            _ => return test.negated,
        }
    } else {
        ty
    };
    has(target, test.kind) != test.negated
}

/// One parsed kind test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindTest {
    pub kind: Kind,
    pub negated: bool,
    pub behind_reference: bool,
}

impl KindTest {
    pub fn parse(text: &str) -> Option<KindTest> {
        let (negated, rest) = match text.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (behind_reference, rest) = match rest.strip_prefix('&') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        Some(KindTest {
            kind: Kind::from_name(rest)?,
            negated,
            behind_reference,
        })
    }
}

/// The `Output` of a future type, when its spelling says it.
pub fn future_output(ty: &Ty) -> Option<&Ty> {
    match ty {
        Ty::Impl(bounds) | Ty::Dyn(bounds) => bounds
            .iter()
            .find(|b| b.name() == "Future" || b.name() == "IntoFuture")
            .and_then(|b| b.binding("Output")),
        Ty::Ref { inner, .. } => future_output(inner),
        Ty::Path(p) => match p.name() {
            "Pin" | "Box" => p.type_args().next().and_then(future_output),
            "BoxFuture" | "LocalBoxFuture" => p.type_args().next(),
            _ => None,
        },
        _ => None,
    }
}

fn is_future(ty: &Ty) -> bool {
    match ty {
        Ty::Impl(bounds) | Ty::Dyn(bounds) => {
            bound_named(bounds, "Future") || bound_named(bounds, "TryFuture")
        }
        Ty::Anon(anon) => matches!(
            anon,
            Anon::AsyncBlock { .. }
                | Anon::AsyncFnBody { .. }
                | Anon::AsyncClosureBody { .. }
                | Anon::Coroutine { .. }
        ),
        Ty::Path(p) => match p.name() {
            // A pinned or boxed future is a future (`Pin<&mut F>` too).
            "Pin" | "Box" => p
                .type_args()
                .next()
                .is_some_and(|t| is_future(t.behind_refs())),
            "JoinHandle" => !in_module(p, "thread"),
            name if FUTURE_NAMES.contains(&name) => true,
            _ => in_module(p, "future") && !in_module(p, "stream"),
        },
        _ => false,
    }
}

/// Containers whose elements are the futures: std's collections, `Option`, `Result`.
const CONTAINER_NAMES: &[&str] = &[
    "Vec",
    "VecDeque",
    "LinkedList",
    "Option",
    "Result",
    "HashMap",
    "BTreeMap",
    "HashSet",
    "BTreeSet",
    "BinaryHeap",
    "SmallVec",
];

/// A tuple, array, slice or container of futures (through references and boxes of them).
fn holds_future(ty: &Ty) -> bool {
    let element = |t: &Ty| is_future(t.behind_refs()) || holds_future(t.behind_refs());
    match ty {
        Ty::Ref { inner, .. } => holds_future(inner),
        Ty::Tuple(items) => !items.is_empty() && items.iter().all(element),
        Ty::Slice(inner) => element(inner),
        Ty::Path(p) => match p.name() {
            "Box" | "Rc" | "Arc" => p.type_args().next().is_some_and(holds_future),
            name if CONTAINER_NAMES.contains(&name) => p.type_args().any(element),
            _ => false,
        },
        _ => false,
    }
}

fn is_stream(ty: &Ty) -> bool {
    match ty {
        Ty::Impl(bounds) | Ty::Dyn(bounds) => {
            bound_named(bounds, "Stream") || bound_named(bounds, "TryStream")
        }
        Ty::Path(p) => match p.name() {
            "Pin" | "Box" => p
                .type_args()
                .next()
                .is_some_and(|t| is_stream(t.behind_refs())),
            name if STREAM_NAMES.contains(&name) => true,
            _ => in_module(p, "stream") || p.root() == "tokio_stream",
        },
        _ => false,
    }
}

fn dyn_future(ty: &Ty) -> bool {
    match ty {
        Ty::Dyn(bounds) => bound_named(bounds, "Future"),
        Ty::Path(p) if matches!(p.name(), "Pin" | "Box") => {
            p.type_args().next().is_some_and(dyn_future)
        }
        Ty::Path(p) => matches!(p.name(), "BoxFuture" | "LocalBoxFuture"),
        _ => false,
    }
}

fn boxed_future(ty: &Ty) -> bool {
    match ty {
        Ty::Path(p) => match p.name() {
            "BoxFuture" | "LocalBoxFuture" => true,
            "Box" => p.type_args().next().is_some_and(is_future),
            "Pin" => p.type_args().next().is_some_and(boxed_future),
            _ => false,
        },
        _ => false,
    }
}

/// `Some(true)` for a blocking lock's guard, `Some(false)` for an async lock's, `None` otherwise.
fn guard(ty: &Ty) -> Option<bool> {
    let p = ty.path()?;
    if !GUARD_NAMES.contains(&p.name()) {
        return None;
    }
    let async_crate = ASYNC_LOCK_CRATES.contains(&p.root()) && p.segments.len() > 1;
    let owned = p.name().starts_with("Owned") || p.name() == "SemaphorePermit";
    Some(!async_crate && !owned)
}

fn bound_named(bounds: &[Path], name: &str) -> bool {
    bounds.iter().any(|b| b.name() == name)
}

fn path_named(ty: &Ty, names: &[&str]) -> bool {
    ty.path().is_some_and(|p| names.contains(&p.name()))
}

/// A one-segment path with exactly this name (`u32`, not `foo::u32`).
fn path_named_exact(ty: &Ty, names: &[&str]) -> bool {
    ty.path()
        .is_some_and(|p| p.segments.len() == 1 && names.contains(&p.name()))
}

/// Does a module segment of the path (not the last one) have this name?
fn in_module(p: &Path, module: &str) -> bool {
    let n = p.segments.len();
    p.segments[..n.saturating_sub(1)]
        .iter()
        .any(|s| s.name == module)
}

/// Type parameters as people name them: one capital letter with digits, or a short capitalised
/// word such as `Fut`, never a known type.
fn is_param_name(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_ascii_uppercase()
        && (name.len() == 1
            || name[1..].chars().all(|c| c.is_ascii_digit())
            || matches!(
                name,
                "Fut" | "Fn" | "Func" | "St" | "Item" | "Out" | "Ret" | "Res"
            ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<&'static str> {
        let ty = Ty::parse(text);
        Kind::ALL
            .iter()
            .filter(|(_, k)| has(&ty, *k))
            .map(|(n, _)| *n)
            .collect()
    }

    #[test]
    fn every_spelling_of_future_is_a_future() {
        for text in [
            "impl Future<Output = usize>",
            "impl futures::Future<Output = usize>",
            "impl core::future::Future<Output = ()>",
            "impl std::future::Future<Output = ()>",
            "impl futures_core::future::Future<Output = ()>",
            "{async block@src/main.rs:3:5: 3:15}",
            "{async fn body of op()}",
            "Pin<Box<dyn Future<Output = u32> + Send>>",
            "Pin<&mut impl Future<Output = u32>>",
            "BoxFuture<'_, u32>",
            "futures::future::BoxFuture<'static, ()>",
            "tokio::task::JoinHandle<u32>",
            "tokio::time::Sleep",
            "std::future::Ready<u32>",
        ] {
            assert!(kinds(text).contains(&"future"), "{text}: {:?}", kinds(text));
        }
        for text in [
            "u32",
            "std::thread::JoinHandle<()>",
            "futures::stream::Iter<std::vec::IntoIter<{integer}>>",
            "{closure@src/main.rs:1:1: 1:5}",
            "Vec<impl Future<Output = u32>>",
        ] {
            assert!(!kinds(text).contains(&"future"), "{text}");
        }
    }

    #[test]
    fn containers_of_futures_hold_futures_and_are_none() {
        for text in [
            "Vec<impl Future<Output = usize>>",
            "Option<Sleep>",
            "Option<impl futures::Future<Output = String>>",
            "Vec<tokio::task::JoinHandle<u64>>",
            "(impl Future<Output = u32>, impl Future<Output = u32>)",
            "[Pin<Box<dyn Future<Output = ()> + Send>>; 2]",
            "&[BoxFuture<'static, u8>]",
            "HashMap<&str, {async block@src/main.rs:3:5: 3:15}>",
        ] {
            let kinds = kinds(text);
            assert!(kinds.contains(&"holds-future"), "{text}: {kinds:?}");
            assert!(!kinds.contains(&"future"), "{text}");
        }
        for text in [
            "Vec<u32>",
            "Option<String>",
            "impl Future<Output = Vec<u32>>",
            "JoinAll<impl Future<Output = u32>>",
            "(u32, impl Future<Output = u32>)",
            "()",
        ] {
            assert!(!kinds(text).contains(&"holds-future"), "{text}");
        }
    }

    #[test]
    fn guards_are_told_apart_by_their_crate() {
        assert!(kinds("std::sync::MutexGuard<'_, u64>").contains(&"guard"));
        assert!(kinds("MutexGuard<'_, u64>").contains(&"guard"));
        assert!(
            kinds("std::sync::RwLockReadGuard<'_, HashMap<String, String>>").contains(&"guard")
        );
        assert!(kinds("tokio::sync::MutexGuard<'_, u32>").contains(&"async-guard"));
        assert!(!kinds("tokio::sync::MutexGuard<'_, u32>").contains(&"guard"));
        assert!(kinds("RefMut<'_, HashMap<&str, String>>").contains(&"refcell-ref"));
    }

    #[test]
    fn non_send_kinds() {
        assert!(kinds("Rc<Config>").contains(&"rc"));
        assert!(kinds("std::rc::Rc<std::string::String>").contains(&"rc"));
        assert!(kinds("*const ()").contains(&"raw-pointer"));
        assert!(kinds("dyn std::error::Error").contains(&"dyn-error"));
        assert!(!kinds("dyn std::error::Error + Send + Sync").contains(&"dyn-error"));
        assert!(kinds("Rc<UnsafeCell<ReseedingRng<Core, OsRng>>>").contains(&"rc"));
        assert!(kinds("ThreadRng").contains(&"thread-rng"));
    }

    #[test]
    fn kind_tests_negate_and_look_behind_references() {
        let future_ref = Ty::parse("&Pin<&mut impl Future<Output = u32>>");
        assert!(matches(&future_ref, &KindTest::parse("&future").unwrap()));
        assert!(!matches(&future_ref, &KindTest::parse("future").unwrap()));
        assert!(matches(&future_ref, &KindTest::parse("!future").unwrap()));
        assert!(KindTest::parse("nonsense").is_none());
    }

    #[test]
    fn outputs_are_read_through_pins_and_boxes() {
        let out = |t: &str| future_output(&Ty::parse(t)).map(|t| t.to_string());
        assert_eq!(out("impl Future<Output = usize>").as_deref(), Some("usize"));
        assert_eq!(
            out("Pin<Box<dyn Future<Output = Vec<u8>> + Send>>").as_deref(),
            Some("Vec<u8>")
        );
        assert_eq!(out("BoxFuture<'static, String>").as_deref(), Some("String"));
        assert_eq!(out("{async block@a.rs:1:1: 1:2}"), None);
    }
}
