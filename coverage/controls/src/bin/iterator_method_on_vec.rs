//! family: control
//! what: `.map` directly on a Vec
fn main() {
    let v = vec![1, 2];
    let d: Vec<i32> = v.map(|x| x * 2).collect();
}
