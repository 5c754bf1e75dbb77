//! family: control
//! what: a private function called from outside its module
mod store {
    fn load() -> u8 {
        1
    }
}

fn main() {
    println!("{}", store::load());
}
