//! Runtime panics and backtraces in a program's output: recognising them line by line
//! (`detector.rs`), reading backtrace frames (`backtrace.rs`) and their names (`symbol.rs`), and
//! folding the runtime machinery out of them while finding the user's frame that caused the
//! panic (`fold.rs`). Which crates count as runtime is data: [`crate::kb::RuntimeFrames`].
//! Explaining a panic is the knowledge base's job (entries with `panic` matchers).

pub mod backtrace;
pub mod detector;
pub mod fold;
pub mod symbol;

pub use backtrace::{Frame, Location};
pub use detector::{Action, Detector, HeldBacktrace, Panic};
pub use fold::{Folded, FoldedBacktrace, Site, fold, user_site};
