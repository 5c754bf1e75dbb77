//! family: await-outside-async
//! what: `.await` inside a sync trait method implementation
trait Render {
    fn render(&self) -> String;
}

async fn template() -> String {
    "t".into()
}

struct Page;

impl Render for Page {
    fn render(&self) -> String {
        template().await
    }
}

fn main() {
    println!("{}", Page.render());
}
