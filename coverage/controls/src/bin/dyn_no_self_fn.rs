//! family: control
//! what: a trait with an associated fn without `self` used as `dyn`
trait Job {
    fn create() -> u32;
}

fn run(_j: &dyn Job) {}

fn main() {}
