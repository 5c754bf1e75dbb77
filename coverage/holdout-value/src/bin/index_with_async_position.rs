//! family: future-as-value
//! what: indexing a slice with an async fn's unawaited result (`players[pick_index()]`)
async fn pick_index(len: usize) -> usize {
    len / 2
}

async fn pick_player(players: &[String]) -> &String {
    &players[pick_index(players.len())]
}

#[tokio::main]
async fn main() {
    let players = vec!["ann".to_string(), "bob".to_string()];
    println!("{}", pick_player(&players).await);
}
