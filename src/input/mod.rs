//! Reading input: splitting lines, classifying them, running cargo as a child process, and
//! reading live input (pipes) on a thread so the stream can wait with a deadline.

pub mod brackets;
pub mod cargo;
pub mod live;
pub mod message;
pub mod reader;

pub use message::{Classified, Light, Shape, classify};
pub use reader::{Line, LineReader};
pub mod scan;
