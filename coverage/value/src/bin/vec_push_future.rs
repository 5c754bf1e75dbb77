//! family: future-as-value
//! what: pushing an async fn's future into a Vec<String>
async fn fetch_line(n: usize) -> String {
    format!("line {n}")
}

#[tokio::main]
async fn main() {
    let mut lines: Vec<String> = Vec::new();
    for n in 0..3 {
        lines.push(fetch_line(n));
    }
    println!("{}", lines.len());
}
