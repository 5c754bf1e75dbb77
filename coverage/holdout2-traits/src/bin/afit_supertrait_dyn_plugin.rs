//! family: async-trait-not-dyn
//! what: a `Plugin: Lifecycle` trait used as `Box<dyn Plugin>`, where only the supertrait `Lifecycle` has a native `async fn start(&self)`
trait Lifecycle {
    async fn start(&self) -> bool;
}

trait Plugin: Lifecycle {
    fn name(&self) -> &str;
}

struct Metrics;

impl Lifecycle for Metrics {
    async fn start(&self) -> bool {
        true
    }
}

impl Plugin for Metrics {
    fn name(&self) -> &str {
        "metrics"
    }
}

fn registry() -> Vec<Box<dyn Plugin>> {
    vec![Box::new(Metrics)]
}

#[tokio::main]
async fn main() {
    for plugin in registry() {
        println!("{}", plugin.name());
    }
}
