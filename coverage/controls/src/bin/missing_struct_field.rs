//! family: control
//! what: a struct literal missing a field
struct Config {
    host: String,
    port: u16,
}

fn main() {
    let c = Config { host: "h".into() };
    println!("{}", c.host);
}
