//! family: await-outside-async
//! what: `tokio::task::spawn_blocking(move || { .. render(..).await .. })`, awaiting an async fn inside the blocking pool's closure
async fn fetch_template(name: &str) -> String {
    format!("<h1>{name}</h1>")
}

fn render_pdf(html: &str) -> Vec<u8> {
    html.as_bytes().to_vec()
}

#[tokio::main]
async fn main() {
    let pdf = tokio::task::spawn_blocking(move || {
        let html = fetch_template("invoice").await;
        render_pdf(&html)
    })
    .await
    .unwrap();
    println!("{} bytes", pdf.len());
}
