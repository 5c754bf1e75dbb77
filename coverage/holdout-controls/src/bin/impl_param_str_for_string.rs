//! family: control
//! what: a trait method taking `key: String` implemented with `key: &str`
trait Cache {
    fn get(&self, key: String) -> Option<u32>;
}

struct Local;

impl Cache for Local {
    fn get(&self, key: &str) -> Option<u32> {
        key.parse().ok()
    }
}

fn main() {
    println!("{:?}", Local.get("4".into()));
}
