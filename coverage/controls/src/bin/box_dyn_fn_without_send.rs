//! family: control
//! what: a `Box<dyn Fn()>` passed where `Box<dyn Fn() + Send>` is expected
fn schedule(_job: Box<dyn Fn() + Send>) {}

fn main() {
    let job: Box<dyn Fn()> = Box::new(|| println!("tick"));
    schedule(job);
}
