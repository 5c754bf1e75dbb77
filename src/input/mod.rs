//! Reading input: splitting lines, classifying them, and running cargo as a child process.

pub mod cargo;
pub mod message;
pub mod reader;

pub use message::{Classified, Light, Shape, classify, parse_diagnostic};
pub use reader::{Line, LineReader};
pub mod scan;
