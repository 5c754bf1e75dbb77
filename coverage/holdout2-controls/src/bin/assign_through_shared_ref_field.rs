//! family: control
//! what: incrementing a counter field through a `&Stats` parameter (`stats.hits += 1`)
struct Stats {
    hits: u64,
}

fn record(stats: &Stats) {
    stats.hits += 1;
}

fn main() {
    let stats = Stats { hits: 0 };
    record(&stats);
    println!("{}", stats.hits);
}
