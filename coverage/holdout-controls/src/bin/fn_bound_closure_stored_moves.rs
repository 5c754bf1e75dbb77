//! family: control
//! what: a `move ||` closure returning its captured String, stored in a variable and passed where `Fn` is required
fn render<F: Fn() -> String>(f: F) -> String {
    f()
}

fn main() {
    let page = String::from("<p>hi</p>");
    let handler = move || page;
    println!("{}", render(handler));
}
