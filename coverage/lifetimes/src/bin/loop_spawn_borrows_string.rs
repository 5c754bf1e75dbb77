//! family: future-not-static
//! what: tokio::spawn in a loop with a non-move async block borrowing the loop's String
#[tokio::main]
async fn main() {
    for i in 0..3 {
        let line = format!("task {i}");
        tokio::spawn(async {
            println!("{line}");
        });
    }
}
