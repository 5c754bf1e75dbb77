//! family: control
//! what: `match` arms of different types
fn main() {
    let mode = 2;
    let v = match mode {
        1 => "one",
        _ => 2,
    };
}
