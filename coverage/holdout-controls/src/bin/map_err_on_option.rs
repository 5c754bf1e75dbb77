//! family: control
//! what: `.map_err(..)` called on an `Option`
fn main() {
    let port: Option<u16> = "80".parse().ok();
    let checked = port.map_err(|_| "no port");
    println!("{checked:?}");
}
