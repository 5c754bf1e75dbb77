//! Folds a backtrace: each run of runtime frames (tokio's scheduler, park and task harness,
//! futures' combinators, std's panic and start-up frames, poll and closure shims) becomes one
//! line saying how many frames of which groups it hides; the user's frames stay, with readable
//! names for async state machines. Also finds the user's frame that caused a panic.
//!
//! Which crates are runtime machinery is data ([`RuntimeFrames`]), not code.

use super::backtrace::{Frame, Location};
use super::detector::Panic;
use crate::kb::RuntimeFrames;

/// What a frame is, for folding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameClass {
    /// Runtime machinery of the named group: folded.
    Runtime(String),
    /// The user's own code (a local source file): kept, and a candidate for "your code".
    User,
    /// Anything else (a dependency that is no runtime, a frame without a location): kept.
    Other,
}

/// The frames classified, with the names they are shown by.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub classes: Vec<FrameClass>,
    /// Readable names: `async fn app::start` for an async fn's state machine, else cleaned.
    pub names: Vec<String>,
}

impl Analysis {
    pub fn new(frames: &[Frame], runtime: &RuntimeFrames) -> Self {
        let classes: Vec<FrameClass> = frames
            .iter()
            .map(
                |f| match runtime.group_of(f.symbol.krate.as_deref(), &f.symbol.clean) {
                    Some(group) => FrameClass::Runtime(group.to_owned()),
                    None if f.location.as_ref().is_some_and(Location::is_local) => FrameClass::User,
                    None => FrameClass::Other,
                },
            )
            .collect();
        // Whether a frame is an async fn's state machine depends on its caller, the next frame:
        // name them from the outermost frame inwards.
        let mut names = vec![String::new(); frames.len()];
        let mut async_body = vec![false; frames.len()];
        for i in (0..frames.len()).rev() {
            let symbol = &frames[i].symbol;
            let polled = frames.get(i + 1).is_some_and(|caller| {
                let by_poller = runtime.polls(&caller.symbol.base, &caller.symbol.clean);
                // An async fn awaited by another one: the caller's state machine calls ours.
                let awaited = async_body[i + 1] && caller.symbol.owner != symbol.owner;
                by_poller || awaited
            });
            names[i] = symbol.readable(polled);
            async_body[i] = names[i].starts_with("async fn ");
        }
        Analysis { classes, names }
    }
}

/// One line of a folded backtrace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Folded {
    /// A frame that is kept (index into the frames).
    Frame { frame: usize, user: bool },
    /// A run of runtime frames.
    Run {
        /// Indices into the frames.
        frames: std::ops::Range<usize>,
        /// Groups and how many frames each, most first.
        groups: Vec<(String, usize)>,
        /// When the user's code called into this run: the outermost frame of the run, the API it
        /// called (`tokio::runtime::runtime::Runtime::block_on`).
        entered: Option<String>,
    },
}

/// The folded view of a backtrace.
#[derive(Debug, Clone)]
pub struct FoldedBacktrace {
    pub items: Vec<Folded>,
    pub analysis: Analysis,
}

impl FoldedBacktrace {
    /// Frames before folding.
    pub fn total(&self) -> usize {
        self.analysis.classes.len()
    }

    /// Frames still shown after folding.
    pub fn kept(&self) -> usize {
        self.items
            .iter()
            .filter(|i| matches!(i, Folded::Frame { .. }))
            .count()
    }
}

pub fn fold(frames: &[Frame], runtime: &RuntimeFrames) -> FoldedBacktrace {
    let analysis = Analysis::new(frames, runtime);
    let mut items = Vec::new();
    let mut i = 0;
    while i < frames.len() {
        let FrameClass::Runtime(_) = &analysis.classes[i] else {
            items.push(Folded::Frame {
                frame: i,
                user: analysis.classes[i] == FrameClass::User,
            });
            i += 1;
            continue;
        };
        let start = i;
        let mut groups: Vec<(String, usize)> = Vec::new();
        while let Some(FrameClass::Runtime(group)) = analysis.classes.get(i) {
            match groups.iter_mut().find(|(g, _)| g == group) {
                Some((_, n)) => *n += 1,
                None => groups.push((group.clone(), 1)),
            }
            i += 1;
        }
        // Most frames first; ties keep the order of appearance (the sort is stable).
        groups.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let entered = (analysis.classes.get(i) == Some(&FrameClass::User))
            .then(|| frames[i - 1].symbol.clean.clone());
        items.push(Folded::Run {
            frames: start..i,
            groups,
            entered,
        });
    }
    FoldedBacktrace { items, analysis }
}

/// Where in the user's code a panic came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// The user's innermost frame, shown by its readable name; `None` when only the panic's
    /// location is known (no backtrace).
    pub function: Option<String>,
    pub location: Location,
    /// The API that frame called, which panicked (the outermost runtime frame above it).
    pub calls: Option<String>,
    /// The user's frames that led there, innermost first (at most three).
    pub callers: Vec<(String, Option<Location>)>,
}

/// The user's frame that caused the panic: the innermost frame in a local source file that is no
/// runtime machinery; without a backtrace, the panic's own location when it is local
/// (`#[track_caller]` APIs such as `tokio::spawn` report their caller).
pub fn user_site(panic: &Panic, runtime: &RuntimeFrames) -> Option<Site> {
    if panic.frames.is_empty() {
        let location = panic.location.clone().filter(Location::is_local)?;
        return Some(Site {
            function: None,
            location,
            calls: None,
            callers: Vec::new(),
        });
    }
    let analysis = Analysis::new(&panic.frames, runtime);
    let user = |i: &usize| analysis.classes[*i] == FrameClass::User;
    let first = (0..panic.frames.len()).find(user)?;
    let calls = first
        .checked_sub(1)
        .filter(|above| matches!(analysis.classes[*above], FrameClass::Runtime(_)))
        .map(|above| panic.frames[above].symbol.clean.clone());
    let callers = (first + 1..panic.frames.len())
        .filter(user)
        .take(3)
        .map(|i| (analysis.names[i].clone(), panic.frames[i].location.clone()))
        .collect();
    Some(Site {
        function: Some(analysis.names[first].clone()),
        location: panic.frames[first].location.clone()?,
        calls,
        callers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::{Kb, KbBuilder};
    use crate::panic::backtrace::FrameParser;

    fn runtime() -> Kb {
        KbBuilder::default().embedded().build().unwrap()
    }

    fn frames(text: &str) -> Vec<Frame> {
        let mut parser = FrameParser::default();
        for line in text.lines() {
            assert!(parser.push(line), "{line}");
        }
        parser.finish()
    }

    const NESTED: &str = "   0: __rustc::rust_begin_unwind
             at /rustc/x/library/std/src/panicking.rs:689:5
   1: core::panicking::panic_fmt
             at /rustc/x/library/core/src/panicking.rs:80:14
   2: tokio::runtime::context::runtime::enter_runtime
             at /cargo/registry/src/index.crates.io/tokio-1.54.1/src/runtime/context/runtime.rs:68:5
   3: tokio::runtime::runtime::Runtime::block_on
             at /cargo/registry/src/index.crates.io/tokio-1.54.1/src/runtime/runtime.rs:348:18
   4: nested_runtime::load_config_blocking
             at ./nested-runtime/src/main.rs:8:8
   5: nested_runtime::start::{{closure}}
             at ./nested-runtime/src/main.rs:17:18
   6: nested_runtime::main::{{closure}}
             at ./nested-runtime/src/main.rs:24:13
   7: tokio::runtime::park::CachedParkThread::block_on::{{closure}}
             at /cargo/registry/src/index.crates.io/tokio-1.54.1/src/runtime/park.rs:376:71
   8: tokio::runtime::runtime::Runtime::block_on
             at /cargo/registry/src/index.crates.io/tokio-1.54.1/src/runtime/runtime.rs:348:18
   9: nested_runtime::main
             at ./nested-runtime/src/main.rs:24:18
  10: core::ops::function::FnOnce::call_once
             at /rustc/x/library/core/src/ops/function.rs:250:5";

    #[test]
    fn runs_of_runtime_frames_fold_and_user_frames_stay() {
        let kb = runtime();
        let frames = frames(NESTED);
        let folded = fold(&frames, kb.runtime_frames());
        assert_eq!(folded.total(), 11);
        assert_eq!(folded.kept(), 4);
        assert_eq!(
            folded.items[0],
            Folded::Run {
                frames: 0..4,
                groups: vec![("std".into(), 2), ("tokio".into(), 2)],
                entered: Some("tokio::runtime::runtime::Runtime::block_on".into()),
            }
        );
        assert_eq!(folded.analysis.names[5], "async fn nested_runtime::start");
        assert_eq!(folded.analysis.names[6], "async fn nested_runtime::main");
        assert_eq!(folded.analysis.names[9], "nested_runtime::main");
        let Folded::Run { entered, .. } = &folded.items.last().unwrap() else {
            panic!()
        };
        assert_eq!(entered, &None);
    }

    #[test]
    fn the_site_is_the_innermost_user_frame() {
        let kb = runtime();
        let panic = Panic {
            thread: "main".into(),
            location: None,
            message: "Cannot start a runtime from within a runtime".into(),
            frames: frames(NESTED),
        };
        let site = user_site(&panic, kb.runtime_frames()).unwrap();
        assert_eq!(
            site.function.as_deref(),
            Some("nested_runtime::load_config_blocking")
        );
        assert_eq!(
            site.location.to_string(),
            "./nested-runtime/src/main.rs:8:8"
        );
        assert_eq!(
            site.calls.as_deref(),
            Some("tokio::runtime::runtime::Runtime::block_on")
        );
        assert_eq!(site.callers.len(), 3);
        assert_eq!(site.callers[0].0, "async fn nested_runtime::start");
    }

    #[test]
    fn without_a_backtrace_the_site_is_a_local_panic_location() {
        let kb = runtime();
        let mut panic = Panic {
            thread: "main".into(),
            location: Some(Location::parse("no-reactor/src/main.rs:7:5")),
            message: String::new(),
            frames: Vec::new(),
        };
        let site = user_site(&panic, kb.runtime_frames()).unwrap();
        assert_eq!(site.function, None);
        panic.location = Some(Location::parse(
            "/cargo/registry/src/index.crates.io/tokio-1.54.1/src/task/local.rs:445:29",
        ));
        assert_eq!(user_site(&panic, kb.runtime_frames()), None);
    }

    #[test]
    fn a_closure_run_by_a_plain_caller_is_no_async_fn() {
        let kb = runtime();
        let frames = frames(
            "   0: app::tests::works::{{closure}}
             at ./src/main.rs:19:40
   1: core::ops::function::FnOnce::call_once
             at /rustc/x/library/core/src/ops/function.rs:250:5",
        );
        let analysis = Analysis::new(&frames, kb.runtime_frames());
        assert_eq!(analysis.names[0], "app::tests::works::{{closure}}");
    }
}
