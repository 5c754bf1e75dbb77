//! family: future-as-value
//! what: futures::future::join of two async calls in a plain `main`, dropped unpolled
//! counts: warnings
async fn a() {}
async fn b() {}

fn main() {
    futures::future::join(a(), b());
}
