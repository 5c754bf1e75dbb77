//! family: control
//! what: a batch `Vec` passed by value to `flush` inside a `loop`, so it is moved on the first iteration
fn flush(batch: Vec<u32>) -> usize {
    batch.len()
}

fn main() {
    let batch = vec![1, 2, 3];
    let mut rounds = 0;
    loop {
        rounds += flush(batch);
        if rounds > 5 {
            break;
        }
    }
    println!("{rounds}");
}
