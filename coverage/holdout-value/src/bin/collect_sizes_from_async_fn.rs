//! family: future-as-value
//! what: `.map(|p| file_size(p)).collect::<Vec<u64>>()` where file_size is async: the iterator yields futures
async fn file_size(path: &str) -> u64 {
    path.len() as u64
}

async fn total_size(paths: &[&str]) -> u64 {
    let sizes: Vec<u64> = paths.iter().map(|p| file_size(p)).collect();
    sizes.iter().sum()
}

#[tokio::main]
async fn main() {
    println!("{}", total_size(&["a.txt", "b.txt"]).await);
}
