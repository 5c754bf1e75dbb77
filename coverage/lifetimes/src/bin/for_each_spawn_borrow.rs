//! family: future-not-static
//! what: spawning from a `for_each` closure over `iter()`, each task capturing the borrowed item
#[tokio::main]
async fn main() {
    let urls = vec!["a".to_string(), "b".to_string()];
    urls.iter().for_each(|u| {
        tokio::spawn(async move {
            println!("{u}");
        });
    });
}
