//! family: future-as-value
//! what: summing a `Vec<JoinHandle<u64>>` with `.iter().sum::<u64>()` instead of awaiting each handle
async fn count_lines(name: &'static str) -> u64 {
    name.len() as u64
}

#[tokio::main]
async fn main() {
    let handles: Vec<tokio::task::JoinHandle<u64>> =
        ["a.log", "b.log"].into_iter().map(|n| tokio::spawn(count_lines(n))).collect();
    let total: u64 = handles.iter().sum();
    println!("{total}");
}
