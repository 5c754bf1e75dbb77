//! family: other-async
//! what: `break` inside an async block spawned from a `loop`, meant to stop the loop
//! learned from: rust-lang/rust tests/ui/async-await/async-block-control-flow-static-semantics.stderr
#[tokio::main]
async fn main() {
    let mut attempts = 0;
    loop {
        attempts += 1;
        tokio::spawn(async move {
            if attempts > 3 {
                break;
            }
            println!("attempt {attempts}");
        });
    }
}
