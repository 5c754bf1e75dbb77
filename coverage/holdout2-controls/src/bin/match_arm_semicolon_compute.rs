//! family: control
//! what: a `match` whose first arm ends `compute(..);` with a semicolon and whose second arm returns `compute(..)`, bound to a `u32`
fn compute(level: u8) -> u32 {
    level as u32 * 10
}

fn budget(level: u8) -> u32 {
    let cost = match level {
        0 => {
            compute(0);
        }
        _ => compute(level),
    };
    cost
}

fn main() {
    println!("{}", budget(2));
}
