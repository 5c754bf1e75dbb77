//! family: control
//! what: a path into a module that does not exist
fn main() {
    let d = std::time2::Duration::from_secs(1);
}
