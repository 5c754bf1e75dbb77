//! family: control
//! what: collecting an iterator of `Result<User, String>` into a `Vec<User>` (without collecting into a Result)
#[derive(Debug)]
struct User {
    id: u32,
}

fn parse(line: &str) -> Result<User, String> {
    line.parse().map(|id| User { id }).map_err(|_| line.to_string())
}

fn main() {
    let users: Vec<User> = ["1", "2"].iter().map(|l| parse(l)).collect();
    println!("{}", users.iter().map(|u| u.id).sum::<u32>());
}
