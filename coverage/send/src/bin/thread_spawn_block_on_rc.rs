//! family: future-not-send
//! what: std::thread::spawn running futures::executor::block_on on a future that holds an Rc
use std::rc::Rc;

async fn work(data: Rc<Vec<u8>>) -> usize {
    data.len()
}

fn main() {
    let data = Rc::new(vec![1, 2, 3]);
    let fut = work(data);
    let t = std::thread::spawn(move || futures::executor::block_on(fut));
    println!("{}", t.join().unwrap());
}
