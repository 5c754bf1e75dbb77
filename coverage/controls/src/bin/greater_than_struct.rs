//! family: control
//! what: `>` on a struct without PartialOrd
struct Load(u32);

fn main() {
    if Load(11) > 10 {
        println!("big");
    }
}
