//! family: await-outside-async
//! what: `.await` inside an Iterator::filter closure
async fn allowed(id: &u32) -> bool {
    *id > 1
}

#[tokio::main]
async fn main() {
    let ok: Vec<u32> = vec![1, 2, 3].into_iter().filter(|id| allowed(id).await).collect();
    println!("{ok:?}");
}
