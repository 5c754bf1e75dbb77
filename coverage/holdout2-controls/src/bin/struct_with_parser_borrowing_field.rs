//! family: control
//! what: building a `Doc { text, tokens }` where `tokens` borrows `text`, moving `text` into the struct
struct Doc<'a> {
    text: String,
    tokens: Vec<&'a str>,
}

fn parse<'a>(text: String) -> Doc<'a> {
    let tokens = text.split(' ').collect();
    Doc { text, tokens }
}

fn main() {
    let doc = parse("a b".to_string());
    println!("{} {}", doc.text, doc.tokens.len());
}
