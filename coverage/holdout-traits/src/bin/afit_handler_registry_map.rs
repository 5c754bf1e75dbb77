//! family: async-trait-not-dyn
//! what: a registry `HashMap<String, Box<dyn Command>>` where Command has a native `async fn run`
use std::collections::HashMap;

trait Command {
    async fn run(&self, args: &[String]) -> i32;
}

struct Echo;

impl Command for Echo {
    async fn run(&self, args: &[String]) -> i32 {
        println!("{}", args.join(" "));
        0
    }
}

struct Registry {
    commands: HashMap<String, Box<dyn Command>>,
}

#[tokio::main]
async fn main() {
    let mut registry = Registry { commands: HashMap::new() };
    registry.commands.insert("echo".into(), Box::new(Echo));
    if let Some(cmd) = registry.commands.get("echo") {
        cmd.run(&["hi".into()]).await;
    }
}
