//! family: await-outside-async
//! what: `.await` inside a std::thread::scope spawn closure
async fn part(i: u32) -> u32 {
    i
}

fn main() {
    std::thread::scope(|s| {
        s.spawn(|| part(1).await);
    });
}
