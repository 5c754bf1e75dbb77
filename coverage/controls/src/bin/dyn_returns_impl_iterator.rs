//! family: control
//! what: a trait method returning `impl Iterator` used as `dyn`
trait Source {
    fn items(&self) -> impl Iterator<Item = u32>;
}

fn all(_s: &dyn Source) {}

fn main() {}
