//! family: distinct-future-types
//! what: a route table `HashMap<&str, _>` filled with two different async handler fns
use std::collections::HashMap;

async fn index() -> String {
    "index".into()
}

async fn about() -> String {
    "about".into()
}

#[tokio::main]
async fn main() {
    let mut routes = HashMap::new();
    routes.insert("/", index);
    routes.insert("/about", about);
    if let Some(h) = routes.get("/") {
        println!("{}", h().await);
    }
}
