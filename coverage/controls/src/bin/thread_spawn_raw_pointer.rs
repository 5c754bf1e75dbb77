//! family: control
//! what: a raw pointer moved into std::thread::spawn
fn main() {
    let mut v = vec![1u8];
    let p: *mut u8 = v.as_mut_ptr();
    std::thread::spawn(move || unsafe { *p = 2 }).join().unwrap();
}
