//! family: control
//! what: references to a String built inside each loop iteration pushed into a Vec that outlives the loop
fn main() {
    let mut urls: Vec<&String> = Vec::new();
    for id in 1..=3 {
        let url = format!("/items/{id}");
        urls.push(&url);
    }
    println!("{urls:?}");
}
