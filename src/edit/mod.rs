//! Edits of the user's own code that a knowledge-base fix names by operation (`edit = "await"`,
//! `edit = "scope-before-await"`): built from the syntax at the fix's anchor (`src/source`), so a
//! fix says `let count_value = { … }; save(count_value).await;` with the user's statements and
//! names, not a template. `ops.rs` has the operations on expressions and items, `scope.rs` the
//! one that ends a binding's scope before an `.await`, `items.rs` those on items (imports,
//! a trait's methods), `manifest.rs` those on `Cargo.toml`.
//!
//! Every edit is checked before it is offered: the file with the edit applied must still parse
//! (Rust with `syn`, a manifest as TOML). An operation that does not recognise the code gives no
//! edit, and the fix falls back to its text. Pure: file texts come from [`crate::source`].

mod items;
mod manifest;
mod ops;
mod scope;

use std::ops::Range;
use std::rc::Rc;

use cargo_metadata::diagnostic::DiagnosticSpan;

use crate::source::{Place, SourceFile};

/// An operation a fix can name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// `.await` after the expression at the anchor (for a method or field rustc points at, after
    /// its receiver; before a `?`).
    Await,
    /// Remove the `.await` at the anchor.
    RemoveAwait,
    /// `move` on the async block or closure at the anchor.
    Move,
    /// Make the function around the anchor `async`.
    AsyncFn,
    /// `#[tokio::main]` on the function around the anchor (made `async` if it is not).
    TokioMain,
    /// `Box::pin(…)` around the expression at the anchor (`Box::new` becomes `Box::pin`).
    BoxPin,
    /// Pin the value at the anchor: a local binding is re-bound pinned right after its `let`
    /// (`let mut x = std::pin::pin!(x);`), another expression is wrapped in `std::pin::pin!`.
    Pin,
    /// End the scope of the binding rustc says is held across an `.await`: its statements go in
    /// a block that closes before the statement with the `.await`.
    ScopeBeforeAwait,
    /// `let x = x.clone();` before the statement that moves `x` (the diagnostic's binding).
    CloneBefore,
    /// `let x = x.to_owned();` before the statement that spawns with a borrowed `x`, and `move`
    /// on the async block.
    OwnedBefore,
    /// Add a bound to the generic parameter at the subject (`W: AsyncWrite` → `+ Unpin`).
    AddBound(String),
    /// The body of the closure at the anchor becomes `async move { … }`.
    AsyncBody,
    /// The call at the anchor calls this path instead, and is awaited.
    ReplaceCall(String),
    /// `block_on(x)` at the anchor becomes `x.await`.
    AwaitArgument,
    /// The package's `tokio` dependency gains this feature.
    CargoFeature(String),
    /// rustc's own suggestion at the anchor (a child's span with a `suggested_replacement`),
    /// where the knowledge base says it is the fix.
    Suggested,
    /// `.await` instead of the method called on a future (`lock().unwrap()` on tokio's lock
    /// becomes `lock().await`); where no method is called, `.await` as `await` does.
    AwaitForMethod,
    /// `x.await` on a collection of futures becomes `futures::future::join_all(x).await`.
    JoinAll,
    /// `for x in rx` becomes `while let Some(x) = rx.METHOD().await` (this method).
    ForAwait(String),
    /// `use PATH;` with the file's other imports.
    AddUse(String),
    /// The trait rustc says cannot be `dyn` returns boxed futures: its `async fn`s (and methods
    /// returning `impl Future`) become `fn`s returning `Pin<Box<dyn Future<…> + Send + 'a>>`,
    /// and every impl of it in the file boxes its body.
    BoxTraitFutures,
    /// The package's `edition` in `Cargo.toml` becomes this.
    CargoEdition(String),
    /// The part of the `.await`'s statement that uses a temporary (rustc's "with `x.lock()` maybe
    /// used later") is computed in a `let` of its own before it.
    HoistBeforeAwait,
    /// Every call of the function around the anchor to itself is wrapped in `Box::pin(…)`.
    BoxRecursiveCalls,
    /// `?` after the expression at the anchor, in a function that returns a `Result`.
    QuestionMark,
    /// Every `Rc` of the file becomes an `Arc` (`std::rc` becomes `std::sync`).
    RcToArc,
    /// Every `std::sync::Mutex` (or `RwLock`, the text) of the file becomes tokio's, and each
    /// `.lock().unwrap()` on one `.lock().await`.
    TokioLock(String),
    /// Every `dyn Error` of the file (a boxed error type) becomes `dyn Error + Send + Sync`.
    SendSyncErrors,
    /// Every trait object of the file with the subject's trait (`dyn Sink`) gains `+ Send + Sync`.
    SendSyncDyn,
    /// The trait's `#[async_trait]` attribute on the impl of it at the anchor.
    AsyncTraitImpl,
    /// `async` on the impl's method at the anchor (its trait declares it `async fn`).
    AsyncImplMethod,
    /// What is passed where a future is expected becomes the future: a function of the file
    /// without parameters is called (`worker` → `worker()`), a closure without parameters that
    /// returns an async block is that block, an async closure without parameters an async block.
    CallIt,
    /// The `flavor` of the `#[tokio::main]` or `#[tokio::test]` attribute around the anchor
    /// becomes this one (`current_thread`, `multi_thread`).
    TokioFlavor(String),
    /// The expression at the anchor becomes an argument of this function: `x` → `PATH(x)`.
    Wrap(String),
    /// `.collect()` of futures at the anchor becomes `futures::future::join_all(…).await`, which
    /// collects their outputs (in async code only).
    JoinAllCollect,
    /// Every trait object of the file with the trait of this type (`dyn Future<Output = u8>`, as
    /// rustc quotes it) gains `+ Send` (a future or stream) or `+ Send + Sync` (any other trait).
    SendDyn(String),
    /// Each future where several meet (the elements of the `vec![…]` or array, the arms of the
    /// `match`, the branches of the `if` around the anchor) gains `.boxed()`, one type for all
    /// (`BoxFuture`), and `futures::FutureExt` is imported.
    BoxedFutures,
    /// `Pin::new(&mut x)` at the anchor (which needs `Unpin`) becomes `std::pin::pin!(x)`, and
    /// `Pin::new(Box::new(x))` becomes `Box::pin(x)`.
    PinInPlace,
    /// The `blocking_x(…)` method called at the anchor becomes `x(…).await`.
    UnblockMethod,
    /// The blocking call at the anchor runs on tokio's blocking pool:
    /// `tokio::task::spawn_blocking(move || call).await.expect(…)`.
    SpawnBlocking,
    /// rustc's "box the returned expressions" suggestions, pinned: `Box::new(…)` becomes
    /// `Box::pin(…)` and `Box<dyn …>` becomes `Pin<Box<dyn …>>` (a boxed future must be pinned to
    /// be one).
    PinBoxedSuggestions,
    /// The closure given to the method at the anchor returns `std::future::ready(…)` of what it
    /// returned (a sync step where a stream adapter wants a future).
    ReadyClosureBody,
    /// The async work given to a thread (`std::thread::spawn`, a scope's `spawn`,
    /// `spawn_blocking`) runs to the end on that thread: a closure whose body awaits blocks on
    /// an `async` block of its body, and an async block passed where a closure is expected
    /// becomes a closure that blocks on it (a runtime of the thread's own; inside
    /// `spawn_blocking`, the runtime's handle). An async block that awaits nothing becomes a
    /// closure.
    BlockOnInThread,
    InsertBefore(String),
    InsertAfter(String),
    Replace(String),
}

impl Op {
    pub const NAMES: &'static [&'static str] = &[
        "await",
        "remove-await",
        "move",
        "async-fn",
        "tokio-main",
        "box-pin",
        "pin",
        "scope-before-await",
        "clone-before",
        "owned-before",
        "add-bound",
        "async-body",
        "replace-call",
        "await-argument",
        "cargo-feature",
        "suggested",
        "await-for-method",
        "join-all",
        "for-await",
        "add-use",
        "box-trait-futures",
        "cargo-edition",
        "hoist-before-await",
        "box-recursive-calls",
        "question-mark",
        "rc-to-arc",
        "tokio-lock",
        "send-sync-errors",
        "send-sync-dyn",
        "send-dyn",
        "async-trait-impl",
        "async-impl-method",
        "call-it",
        "wrap",
        "tokio-flavor",
        "join-all-collect",
        "boxed-futures",
        "pin-in-place",
        "unblock-method",
        "spawn-blocking",
        "pin-boxed-suggestions",
        "ready-closure-body",
        "block-on-in-thread",
        "insert-before",
        "insert-after",
        "replace",
    ];

    /// An operation by name; `text` is its argument, already filled (the bound, path, feature
    /// or text of the operations that take one).
    pub fn new(name: &str, text: Option<String>) -> Result<Op, String> {
        let needs = |text: Option<String>| {
            text.ok_or_else(|| format!("`edit = \"{name}\"` needs a `text`"))
        };
        Ok(match name {
            "await" => Op::Await,
            "remove-await" => Op::RemoveAwait,
            "move" => Op::Move,
            "async-fn" => Op::AsyncFn,
            "tokio-main" => Op::TokioMain,
            "box-pin" => Op::BoxPin,
            "pin" => Op::Pin,
            "scope-before-await" => Op::ScopeBeforeAwait,
            "clone-before" => Op::CloneBefore,
            "owned-before" => Op::OwnedBefore,
            "add-bound" => Op::AddBound(needs(text)?),
            "async-body" => Op::AsyncBody,
            "replace-call" => Op::ReplaceCall(needs(text)?),
            "await-argument" => Op::AwaitArgument,
            "cargo-feature" => Op::CargoFeature(needs(text)?),
            "suggested" => Op::Suggested,
            "await-for-method" => Op::AwaitForMethod,
            "join-all" => Op::JoinAll,
            "for-await" => Op::ForAwait(needs(text)?),
            "add-use" => Op::AddUse(needs(text)?),
            "box-trait-futures" => Op::BoxTraitFutures,
            "cargo-edition" => Op::CargoEdition(needs(text)?),
            "hoist-before-await" => Op::HoistBeforeAwait,
            "box-recursive-calls" => Op::BoxRecursiveCalls,
            "question-mark" => Op::QuestionMark,
            "rc-to-arc" => Op::RcToArc,
            "tokio-lock" => Op::TokioLock(needs(text)?),
            "send-sync-errors" => Op::SendSyncErrors,
            "send-sync-dyn" => Op::SendSyncDyn,
            "send-dyn" => Op::SendDyn(needs(text)?),
            "async-trait-impl" => Op::AsyncTraitImpl,
            "async-impl-method" => Op::AsyncImplMethod,
            "call-it" => Op::CallIt,
            "wrap" => Op::Wrap(needs(text)?),
            "tokio-flavor" => Op::TokioFlavor(needs(text)?),
            "join-all-collect" => Op::JoinAllCollect,
            "boxed-futures" => Op::BoxedFutures,
            "pin-in-place" => Op::PinInPlace,
            "unblock-method" => Op::UnblockMethod,
            "spawn-blocking" => Op::SpawnBlocking,
            "pin-boxed-suggestions" => Op::PinBoxedSuggestions,
            "ready-closure-body" => Op::ReadyClosureBody,
            "block-on-in-thread" => Op::BlockOnInThread,
            "insert-before" => Op::InsertBefore(needs(text)?),
            "insert-after" => Op::InsertAfter(needs(text)?),
            "replace" => Op::Replace(needs(text)?),
            other => {
                return Err(format!(
                    "`{other}` is not an edit (one of: {})",
                    Op::NAMES.join(", ")
                ));
            }
        })
    }

    /// Whether the operation takes a `text`.
    pub fn takes_text(name: &str) -> bool {
        matches!(
            name,
            "add-bound"
                | "replace-call"
                | "cargo-feature"
                | "cargo-edition"
                | "for-await"
                | "add-use"
                | "tokio-lock"
                | "send-dyn"
                | "wrap"
                | "tokio-flavor"
                | "insert-before"
                | "insert-after"
                | "replace"
        )
    }
}

/// What an operation may need besides its anchor: names and places from the diagnostic's facts.
#[derive(Default)]
pub struct Inputs {
    /// The binding the diagnostic is about (moved, borrowed, held across an `.await`).
    pub binding: Option<String>,
    /// Where the held binding is declared (rustc's "has type … which is not `Send`").
    pub held: Option<Place>,
    /// The `.await` rustc points at ("await occurs here").
    pub await_at: Option<Place>,
    /// The subject's type as rustc quoted it (a generic parameter's name for `add-bound`).
    pub subject: Option<String>,
    /// The type rustc says the code expected, when it says (`&str`).
    pub expected: Option<String>,
    /// The package manifest of the anchor's file, when an operation edits it: (name as rustc
    /// would write it, file).
    pub manifest: Option<(String, Rc<SourceFile>)>,
    /// rustc's suggestion at the anchor, if it made one: every part of it in the anchor's file
    /// (byte range, replacement), the anchor's own part among them.
    pub suggestion: Vec<Replacement>,
    /// Every suggestion of the diagnostic in the anchor's file, each with its parts.
    pub suggestions: Vec<Vec<Replacement>>,
}

/// One replacement in a file: the byte range and what to put there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    pub range: Range<usize>,
    pub text: String,
}

/// A checked edit of one file.
#[derive(Clone)]
pub struct Edit {
    /// The file's name as rustc writes it.
    pub file_name: String,
    pub file: Rc<SourceFile>,
    /// Sorted, not overlapping.
    pub replacements: Vec<Replacement>,
    /// The user's code the edit is about (an expression, a binding, a function), for `${code}`.
    pub code: String,
}

/// Builds the edit several operations make together at one anchor (in one file): each must
/// recognise the code, and the result must still parse. The first operation's code is the edit's.
pub fn build_all(ops: &[Op], at: &Place, inputs: &Inputs) -> Option<Edit> {
    let mut edits = ops.iter().map(|op| build(op, at, inputs));
    let mut first = edits.next()??;
    for edit in edits {
        let edit = edit?;
        if edit.file_name != first.file_name {
            return None;
        }
        first.replacements.extend(edit.replacements);
    }
    first
        .replacements
        .sort_by_key(|r| (r.range.start, r.range.end));
    let overlap = first
        .replacements
        .windows(2)
        .any(|w| w[0].range.end > w[1].range.start);
    (!overlap && first.parses()).then_some(first)
}

/// Builds the edit an operation makes at the anchor, when it recognises the code there and the
/// result still parses.
pub fn build(op: &Op, at: &Place, inputs: &Inputs) -> Option<Edit> {
    let (file_name, file, replacements, code) = match op {
        Op::CargoFeature(feature) => {
            let (name, manifest) = inputs.manifest.clone()?;
            let replacements = manifest::add_feature(&manifest.text, "tokio", feature)?;
            (name, manifest, replacements, feature.clone())
        }
        Op::CargoEdition(edition) => {
            let (name, manifest) = inputs.manifest.clone()?;
            let replacements = manifest::set_edition(&manifest.text, edition)?;
            (name, manifest, replacements, edition.clone())
        }
        Op::HoistBeforeAwait => {
            let (replacements, code) = scope::hoist_before_await(at, inputs)?;
            (at.name.clone(), Rc::clone(&at.file), replacements, code)
        }
        Op::AddUse(_)
        | Op::BoxTraitFutures
        | Op::RcToArc
        | Op::TokioLock(_)
        | Op::SendSyncErrors
        | Op::SendSyncDyn
        | Op::SendDyn(_)
        | Op::AsyncTraitImpl
        | Op::AsyncImplMethod => {
            let (replacements, code) = items::build(op, at, inputs)?;
            (at.name.clone(), Rc::clone(&at.file), replacements, code)
        }
        Op::PinBoxedSuggestions => {
            let replacements = pin_boxed(&inputs.suggestions)?;
            let code = at.file.slice(at.range.clone()).to_owned();
            (at.name.clone(), Rc::clone(&at.file), replacements, code)
        }
        Op::Suggested => {
            // rustc's own parts, even where the file does not parse yet (`await fut`).
            if !inputs.suggestion.iter().any(|r| r.range == at.range) {
                return None;
            }
            let code = at.file.slice(at.range.clone()).to_owned();
            (
                at.name.clone(),
                Rc::clone(&at.file),
                inputs.suggestion.clone(),
                code,
            )
        }
        Op::ScopeBeforeAwait => {
            let (replacements, code) = scope::end_before_await(at, inputs)?;
            (at.name.clone(), Rc::clone(&at.file), replacements, code)
        }
        _ => {
            let (replacements, code) = ops::build(op, at, inputs)?;
            (at.name.clone(), Rc::clone(&at.file), replacements, code)
        }
    };
    let mut replacements = replacements;
    replacements.sort_by_key(|r| (r.range.start, r.range.end));
    if replacements.is_empty()
        || replacements
            .windows(2)
            .any(|w| w[0].range.end > w[1].range.start)
    {
        return None;
    }
    let edit = Edit {
        file_name,
        file,
        replacements,
        code,
    };
    edit.parses().then_some(edit)
}

/// The boxing parts of rustc's suggestions, pinned; `None` unless some part boxes a value.
fn pin_boxed(suggestions: &[Vec<Replacement>]) -> Option<Vec<Replacement>> {
    let mut out = Vec::new();
    for suggestion in suggestions {
        // A type in two parts: `impl` → `Box<dyn`, and `>` after it.
        let opens_type = suggestion.iter().any(|p| p.text == "Box<dyn");
        for part in suggestion {
            let text = if let Some(rest) = part.text.strip_prefix("Box::new(") {
                format!("Box::pin({rest}")
            } else if part.text.starts_with("Box::pin(") {
                part.text.clone()
            } else if part.text.starts_with("Box<dyn ") && part.text.ends_with('>') {
                format!("std::pin::Pin<{}>", part.text)
            } else if part.text == "Box<dyn" {
                "std::pin::Pin<Box<dyn".to_owned()
            } else if part.text == ">" && opens_type {
                ">>".to_owned()
            } else if part.text == ")" {
                part.text.clone()
            } else {
                continue;
            };
            out.push(Replacement {
                range: part.range.clone(),
                text,
            });
        }
    }
    out.dedup();
    out.iter()
        .any(|r| r.text.starts_with("Box::pin("))
        .then_some(out)
}

impl Edit {
    /// This edit and others of the same file together, when they do not overlap and the result
    /// still parses; else this edit alone.
    pub fn merged(self, others: Vec<Edit>) -> Edit {
        if others.is_empty() {
            return self;
        }
        let mut all = self.clone();
        for other in others {
            if other.file_name != all.file_name {
                return self;
            }
            all.replacements.extend(other.replacements);
        }
        all.replacements
            .sort_by_key(|r| (r.range.start, r.range.end));
        all.replacements.dedup();
        let overlap = all
            .replacements
            .windows(2)
            .any(|w| w[0].range.end > w[1].range.start);
        if overlap || !all.parses() {
            return self;
        }
        all
    }

    /// The file's text with the edit applied.
    pub fn applied(&self) -> String {
        let mut out = String::with_capacity(self.file.text.len() + 64);
        let mut at = 0;
        for r in &self.replacements {
            out.push_str(&self.file.text[at..r.range.start]);
            out.push_str(&r.text);
            at = r.range.end;
        }
        out.push_str(&self.file.text[at..]);
        out
    }

    /// Whether the edited file still parses: as TOML for a manifest, as Rust otherwise. Edits
    /// within one item of a file that parses need only that item to parse again (the others
    /// are unchanged); the answer is remembered for the same edit of the same file.
    pub fn parses(&self) -> bool {
        let key = self
            .replacements
            .iter()
            .map(|r| (r.range.clone(), r.text.clone()))
            .collect();
        self.file.parses_with(key, || {
            if self.file_name.ends_with(".toml") {
                return self.applied().parse::<toml::Table>().is_ok();
            }
            if let Some(item) = self.edited_item()
                && syn::parse_str::<syn::Item>(&item).is_ok()
            {
                return true;
            }
            syn::parse_file(&self.applied()).is_ok()
        })
    }

    /// The text of the one top-level item that holds every replacement, edited, when the file
    /// parses.
    fn edited_item(&self) -> Option<String> {
        use syn::spanned::Spanned;
        if self
            .replacements
            .windows(2)
            .any(|w| w[0].range.end > w[1].range.start)
        {
            return None;
        }
        let start = self.replacements.first()?.range.start;
        let end = self.replacements.iter().map(|r| r.range.end).max()?;
        let item = self.file.syntax()?.items.iter().find(|i| {
            let r = i.span().byte_range();
            r.start <= start && end <= r.end
        })?;
        let r = item.span().byte_range();
        let mut out = String::with_capacity(r.len() + 64);
        let mut at = r.start;
        for replacement in &self.replacements {
            out.push_str(&self.file.text[at..replacement.range.start]);
            out.push_str(&replacement.text);
            at = replacement.range.end;
        }
        out.push_str(&self.file.text[at..r.end]);
        Some(out)
    }

    /// The replacements as rustc's suggestion spans (`suggested_replacement` and the
    /// applicability filled), the shape editors and `rustfix` read.
    pub fn spans(&self, machine_applicable: bool) -> Vec<DiagnosticSpan> {
        self.replacements
            .iter()
            .map(|r| {
                let mut span = span_of(&self.file_name, &self.file, r.range.clone());
                span.suggested_replacement = Some(r.text.clone());
                span.suggestion_applicability = Some(if machine_applicable {
                    cargo_metadata::diagnostic::Applicability::MachineApplicable
                } else {
                    cargo_metadata::diagnostic::Applicability::MaybeIncorrect
                });
                span
            })
            .collect()
    }

    /// The lines the edit touches, for drawing it: the path, the first line's number, the text
    /// of the lines (joined by newlines), and each replacement's range within that text.
    pub fn excerpt(&self) -> Excerpt {
        let first = self.replacements.first().map_or(0, |r| r.range.start);
        let last = self.replacements.last().map_or(0, |r| r.range.end);
        let line_start = self.file.line_of(first);
        let line_end = self.file.line_of(last.max(first));
        let start = self.file.line_start(line_start).unwrap_or(0);
        let end = self
            .file
            .line_start(line_end + 1)
            .map_or(self.file.text.len(), |next| next.saturating_sub(1));
        let text = self
            .file
            .slice(start..end)
            .trim_end_matches('\r')
            .to_owned();
        Excerpt {
            path: self.file_name.clone(),
            line_start,
            patches: self
                .replacements
                .iter()
                .map(|r| {
                    let range = (r.range.start - start).min(text.len())
                        ..(r.range.end - start).min(text.len());
                    (range, r.text.clone())
                })
                .collect(),
            text,
        }
    }
}

/// Lines of the user's file and the replacements in them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub path: String,
    pub line_start: usize,
    pub text: String,
    pub patches: Vec<(Range<usize>, String)>,
}

/// A rustc-shaped span of a byte range in a file: lines, columns (characters, 1-based) and the
/// source lines it covers with their highlights.
pub fn span_of(file_name: &str, file: &SourceFile, range: Range<usize>) -> DiagnosticSpan {
    let line_start = file.line_of(range.start);
    let line_end = file.line_of(range.end.max(range.start));
    let column_start = file.column_of(range.start);
    let column_end = file.column_of(range.end);
    let text: Vec<serde_json::Value> = (line_start..=line_end)
        .map(|n| {
            let line = file.line(n).unwrap_or_default();
            let from = if n == line_start { column_start } else { 1 };
            let to = if n == line_end {
                column_end
            } else {
                line.chars().count() + 1
            };
            serde_json::json!({"text": line, "highlight_start": from, "highlight_end": to})
        })
        .collect();
    serde_json::from_value(serde_json::json!({
        "file_name": file_name,
        "byte_start": range.start,
        "byte_end": range.end,
        "line_start": line_start,
        "line_end": line_end,
        "column_start": column_start,
        "column_end": column_end,
        "is_primary": true,
        "text": text,
        "label": null,
        "suggested_replacement": null,
        "suggestion_applicability": null,
        "expansion": null,
    }))
    .expect("a span built from its own fields deserialises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Sources;

    /// A place at `marker` (its first occurrence) in a file written to a temporary directory.
    pub(super) fn place_at(source: &str, marker: &str) -> (tempdir::Dir, Place) {
        place_at_nth(source, marker, 0)
    }

    /// A place at the `nth` occurrence (from 0) of `marker`.
    pub(super) fn place_at_nth(source: &str, marker: &str, nth: usize) -> (tempdir::Dir, Place) {
        let dir = tempdir::Dir::new();
        std::fs::create_dir_all(dir.path.join("src")).unwrap();
        std::fs::write(dir.path.join("src/main.rs"), source).unwrap();
        let at = source.match_indices(marker).nth(nth).unwrap().0;
        let file = SourceFile::read(&dir.path.join("src/main.rs")).unwrap();
        let span = span_of("src/main.rs", &file, at..at + marker.len());
        let place = Sources::new(Some(dir.path.clone()))
            .place(&span, None)
            .unwrap();
        (dir, place)
    }

    /// Temporary directories for tests, removed when dropped.
    pub(super) mod tempdir {
        use std::path::PathBuf;
        use std::sync::atomic::{AtomicUsize, Ordering};

        pub struct Dir {
            pub path: PathBuf,
        }

        impl Dir {
            pub fn new() -> Dir {
                static N: AtomicUsize = AtomicUsize::new(0);
                let path = std::env::temp_dir().join(format!(
                    "async-explain-edit-{}-{}",
                    std::process::id(),
                    N.fetch_add(1, Ordering::Relaxed)
                ));
                std::fs::create_dir_all(&path).unwrap();
                Dir { path }
            }
        }

        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.path);
            }
        }
    }

    pub(super) fn apply(op: Op, source: &str, marker: &str) -> Option<String> {
        let (_dir, place) = place_at(source, marker);
        build(&op, &place, &Inputs::default()).map(|e| e.applied())
    }

    #[test]
    fn spans_count_lines_and_characters_from_one() {
        let file = SourceFile::new("fn main() {\n    let é = 1;\n}\n".into());
        let at = file.text.find("1;").unwrap();
        let span = span_of("src/main.rs", &file, at..at + 1);
        assert_eq!(
            (span.line_start, span.column_start, span.column_end),
            (2, 13, 14)
        );
        assert_eq!(span.text[0].text, "    let é = 1;");
    }

    #[test]
    fn an_edit_that_breaks_the_syntax_is_not_offered() {
        let (_dir, place) = place_at("fn main() { f(); }", "f()");
        let broken = build(&Op::Replace("f(".into()), &place, &Inputs::default());
        assert!(broken.is_none());
        let fine = build(&Op::Replace("g()".into()), &place, &Inputs::default()).unwrap();
        assert_eq!(fine.applied(), "fn main() { g(); }");
        let excerpt = fine.excerpt();
        assert_eq!(excerpt.patches, [(12..15, "g()".to_owned())]);
    }
}
