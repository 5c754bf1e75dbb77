//! family: control
//! what: a u16 field initialised with a &str
struct Settings {
    port: u16,
}

fn main() {
    let s = Settings { port: "8080" };
    println!("{}", s.port);
}
