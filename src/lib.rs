//! cargo-async-explain: recognises async-related compiler diagnostics and explains them from a
//! knowledge base of misconceptions. The binary (`main.rs`) is a thin edge over this library.
//!
//! Flow: input lines ([`input`]) → classification → knowledge-base matching ([`kb`]) →
//! [`explain::Explanation`] → an emitter per format ([`render`]) → output, driven by [`pipeline`].
//! [`lint`] checks the workspace's sources for what the compiler does not report (blocking calls in
//! async code) and feeds its findings into the same pipeline as compiler messages.
//! A program's panics and backtraces in the same stream ([`panic`]) are explained by the same
//! knowledge base (entries with `panic` matchers), their runtime frames folded.
//! [`fix`] applies the edits that come with explained diagnostics (`cargo async-explain fix`).

pub mod catalogue;
pub mod cli;
pub mod config;
pub mod edit;
pub mod explain;
pub mod facts;
pub mod fix;
pub mod input;
pub mod kb;
pub mod lint;
pub mod panic;
pub mod pipeline;
pub mod render;
pub mod replay;
pub mod source;
pub mod span;

/// The source file of the `--demo` crate, as its recording names it, so the demo shows fixes
/// built from its code (a copy of `fixtures/demo/src/main.rs`; a test keeps them equal).
pub const DEMO_SOURCE: (&str, &str) = ("demo/src/main.rs", include_str!("demo.rs.txt"));

/// The recording of a crate with async errors that `--demo` explains (recorded by `cargo xtask record`).
pub const DEMO_RECORDING: &[u8] = include_bytes!("demo.json");
