//! family: control
//! what: `impl Drop for Session` whose `drop` is declared to return a `bool` (whether it flushed)
struct Session {
    dirty: bool,
}

impl Drop for Session {
    fn drop(&mut self) -> bool {
        self.dirty
    }
}

fn main() {
    let s = Session { dirty: true };
    println!("{}", s.dirty);
}
