//! family: stream-and-ext-traits
//! what: a paginated listing built with `stream::unfold(page, |page| { .. Some((items, page + 1)) })` whose closure returns the `Option` itself instead of a future of it
use futures::stream::{self, StreamExt};

fn fetch_page(page: u32) -> Vec<String> {
    if page < 2 { vec![format!("item-{page}")] } else { Vec::new() }
}

#[tokio::main]
async fn main() {
    let pages = stream::unfold(0u32, |page| {
        let items = fetch_page(page);
        if items.is_empty() { None } else { Some((items, page + 1)) }
    });
    let all: Vec<Vec<String>> = pages.collect().await;
    println!("{all:?}");
}
