//! family: future-not-send
//! what: a server builder holding an `Rc` app factory (like actix-web's HttpServer) kept in a `match` across `run().await`, inside a spawned service task
//! learned from: rust-lang/rust#79783
use std::rc::Rc;

struct HttpServer {
    factory: Rc<dyn Fn() -> String>,
    port: u16,
}

impl HttpServer {
    fn new(factory: impl Fn() -> String + 'static) -> Self {
        HttpServer { factory: Rc::new(factory), port: 0 }
    }

    fn bind(mut self, port: u16) -> Result<Self, String> {
        self.port = port;
        Ok(self)
    }

    async fn run(&self) {
        tokio::task::yield_now().await;
        println!("{} on {}", (self.factory)(), self.port);
    }
}

async fn http_service(port: u16) {
    match HttpServer::new(|| "app".to_string()).bind(port) {
        Ok(server) => server.run().await,
        Err(e) => eprintln!("listen failed: {e}"),
    }
}

#[tokio::main]
async fn main() {
    let service = tokio::spawn(http_service(8080));
    service.await.unwrap();
}
