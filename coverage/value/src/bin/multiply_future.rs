//! family: future-as-value
//! what: `*` multiplication of an async method's future by an integer
struct Cart;

impl Cart {
    async fn price(&self) -> u32 {
        3
    }
}

#[tokio::main]
async fn main() {
    let cart = Cart;
    let doubled = cart.price() * 2;
    println!("{doubled}");
}
