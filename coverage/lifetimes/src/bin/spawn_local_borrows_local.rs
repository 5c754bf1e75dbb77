//! family: future-not-static
//! what: tokio::task::spawn_local (inside a LocalSet) of a block borrowing a local String
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async {
            let label = String::from("job");
            tokio::task::spawn_local(async {
                println!("{label}");
            })
            .await
            .unwrap();
        })
        .await;
}
