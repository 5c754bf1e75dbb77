//! family: control
//! what: `std::panic::catch_unwind` with a closure capturing a `&mut Vec` (not UnwindSafe)
fn main() {
    let mut log = Vec::new();
    let entries = &mut log;
    let outcome = std::panic::catch_unwind(|| {
        entries.push(1);
        entries.len()
    });
    println!("{outcome:?}");
}
