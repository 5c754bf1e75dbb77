//! family: control
//! what: struct update syntax `..other` whose base is a different struct type
struct Config {
    port: u16,
    host: String,
}

struct Defaults {
    port: u16,
    host: String,
}

fn main() {
    let d = Defaults { port: 80, host: "h".into() };
    let c = Config { port: 8080, ..d };
    println!("{} {}", c.port, c.host);
}
