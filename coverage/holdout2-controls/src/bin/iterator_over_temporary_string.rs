//! family: control
//! what: a method returning `impl Iterator<Item = &str>` built from `self.text.to_lowercase().split(' ')` (a temporary String)
struct Note {
    text: String,
}

impl Note {
    fn words(&self) -> impl Iterator<Item = &str> + '_ {
        self.text.to_lowercase().split(' ')
    }
}

fn main() {
    let note = Note { text: "Hello World".into() };
    println!("{}", note.words().count());
}
