//! `cargo xtask links`: checks that every https link in `knowledge-base/*.toml` resolves.
//! It needs the network, so CI does not run it; run it before a release or after editing links.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result};

/// Every distinct https URL quoted in the knowledge-base files, sorted.
pub fn urls(dir: &Path) -> Result<Vec<String>> {
    let mut urls = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path)?;
        for piece in text.split('"').skip(1).step_by(2) {
            if piece.starts_with("https://") && !piece.contains(char::is_whitespace) {
                urls.push(piece.to_owned());
            }
        }
    }
    urls.sort();
    urls.dedup();
    Ok(urls)
}

/// Asks each URL with curl (following redirects) and reports the ones that do not answer 2xx.
pub fn run(root: &Path) -> Result<bool> {
    let urls = urls(&root.join("knowledge-base"))?;
    let mut broken = 0;
    for url in &urls {
        let out = Command::new("curl")
            .args([
                "-sSL",
                "-o",
                "/dev/null",
                "--max-time",
                "30",
                "-w",
                "%{http_code}",
            ])
            .arg(url)
            .output()
            .context("running curl")?;
        let code = String::from_utf8_lossy(&out.stdout).into_owned();
        let ok = code.starts_with('2');
        if !ok {
            broken += 1;
        }
        println!("{} {code} {url}", if ok { "ok  " } else { "FAIL" });
    }
    println!("{} links, {broken} broken", urls.len());
    Ok(broken == 0)
}
