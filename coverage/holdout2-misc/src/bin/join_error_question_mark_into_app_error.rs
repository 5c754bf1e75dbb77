//! family: other-async
//! what: `handle.await?` on a spawned task's JoinHandle in a function returning `Result<_, AppError>`, where AppError has no `From<JoinError>`
#[derive(Debug)]
enum AppError {
    Io(std::io::Error),
}

impl From<std::io::Error> for AppError {
    fn from(e: std::io::Error) -> Self {
        AppError::Io(e)
    }
}

async fn index_file(path: &'static str) -> Result<usize, std::io::Error> {
    Ok(path.len())
}

async fn reindex() -> Result<usize, AppError> {
    let handle = tokio::spawn(index_file("docs.md"));
    let count = handle.await??;
    Ok(count)
}

#[tokio::main]
async fn main() {
    println!("{:?}", reindex().await);
}
