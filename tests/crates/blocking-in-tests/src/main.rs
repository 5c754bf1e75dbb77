//! A binary that does not block in async code.

fn main() {
    drop(blocking_in_tests::pause(std::time::Duration::ZERO));
}
