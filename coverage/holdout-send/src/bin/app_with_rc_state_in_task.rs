//! family: future-not-send
//! what: an application object whose drivers live in `Rc<RefCell<Vec<_>>>`, created inside tokio::spawn and driven with awaits in a loop
//! learned from: zorp-corp/nockapp#45
use std::cell::RefCell;
use std::rc::Rc;

struct App {
    drivers: Rc<RefCell<Vec<String>>>,
}

impl App {
    fn new() -> Self {
        App { drivers: Rc::new(RefCell::new(Vec::new())) }
    }

    async fn add_driver(&mut self, name: &str) {
        tokio::task::yield_now().await;
        self.drivers.borrow_mut().push(name.to_owned());
    }
}

#[tokio::main]
async fn main() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<String>(8);
    tokio::spawn(async move {
        let mut app = App::new();
        app.add_driver("wallet").await;
        while let Some(request) = rx.recv().await {
            println!("{request}: {} drivers", app.drivers.borrow().len());
        }
    });
    tx.send("status".into()).await.unwrap();
}
