//! family: await-outside-async
//! what: `.await` inside the initialiser closure of a `static LazyLock` (a global connection pool)
use std::sync::LazyLock;

struct Pool {
    size: usize,
}

async fn connect(size: usize) -> Pool {
    Pool { size }
}

static POOL: LazyLock<Pool> = LazyLock::new(|| connect(4).await);

#[tokio::main]
async fn main() {
    println!("{}", POOL.size);
}
