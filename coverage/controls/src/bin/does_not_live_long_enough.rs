//! family: control
//! what: a reference stored beyond the scope of its value
fn main() {
    let r;
    {
        let s = String::from("short");
        r = &s;
    }
    println!("{r}");
}
