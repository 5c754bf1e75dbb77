//! family: future-as-value
//! what: calling an inherent method of the output type on the future itself
struct Response {
    body: String,
}

impl Response {
    fn text(&self) -> &str {
        &self.body
    }
}

async fn get(url: &str) -> Response {
    Response { body: url.to_string() }
}

#[tokio::main]
async fn main() {
    let resp = get("http://localhost/");
    println!("{}", resp.text());
}
