//! Text for `--list` and `--explain`: the knowledge base as a reader browses it, in the manner of
//! `rustc --explain`. Pure functions from entries to text.

use std::fmt::Write as _;

use crate::kb::{Captures, Entry, Kb};

/// One line per entry: id and title.
pub fn list(kb: &Kb) -> String {
    let width = kb.entries().iter().map(|e| e.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for entry in kb.entries() {
        let _ = writeln!(out, "{:width$}  {}", entry.id, title(entry));
    }
    out
}

/// The entries `--explain QUERY` shows: the entry with that id, all entries naming that code, or
/// the entries that explain a panic with that message (pasted from a program's output).
pub fn lookup<'k>(kb: &'k Kb, query: &str) -> Vec<&'k Entry> {
    if let Some(entry) = kb.get(query) {
        return vec![entry];
    }
    let code = query.trim();
    let by_code: Vec<&Entry> = kb
        .entries()
        .iter()
        .filter(|e| e.codes().any(|c| c.eq_ignore_ascii_case(code)))
        .collect();
    if !by_code.is_empty() {
        return by_code;
    }
    kb.matches_panic(query)
        .into_iter()
        .map(|m| m.entry)
        .collect()
}

/// The message for an id or code nothing answers to, listing the valid ids.
pub fn unknown(kb: &Kb, query: &str) -> String {
    let mut out = format!(
        "error: no knowledge-base entry, error code or panic message `{query}`\n\nvalid ids:\n"
    );
    for entry in kb.entries() {
        let _ = writeln!(out, "  {}", entry.id);
    }
    out
}

/// An entry in full, as `--explain` prints it (without the comparison with rustc's own help,
/// which is for the knowledge base's maintainers).
pub fn explain(entry: &Entry) -> String {
    entry_markdown(entry, "#", Reader::User)
}

/// Who reads an entry's Markdown: a user (`--explain`), or a maintainer (the generated index,
/// which also says how rustc's own help compares).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reader {
    User,
    Maintainer,
}

/// `docs/knowledge-base.md`: an index of every entry (title, trigger, fixes, links), in the
/// spirit of rustc's error index. Generated; a test fails when the committed file is stale.
pub fn index_markdown(kb: &Kb) -> String {
    let mut out = String::from(
        "# Knowledge base\n\n\
         <!-- Generated from knowledge-base/*.toml: do not edit. Regenerate with\n\
         `UPDATE_DOCS=1 cargo test --test knowledge_base`. -->\n\n\
         Every misconception `cargo async-explain` explains, with what triggers it, the fixes (best\n\
         first) and where to read more. `cargo async-explain --explain <id>` prints one entry;\n\
         `--explain E0373` prints every entry about an error code.\n\n\
         | id | misconception | codes |\n| --- | --- | --- |\n",
    );
    for entry in kb.entries() {
        let codes = codes(entry);
        let _ = writeln!(
            out,
            "| [`{id}`](#{id}) | {} | {} |",
            title(entry).replace('|', "\\|"),
            if codes.is_empty() {
                "–".to_owned()
            } else {
                codes.join(", ")
            },
            id = entry.id
        );
    }
    for entry in kb.entries() {
        let _ = write!(
            out,
            "\n<a id=\"{}\"></a>\n\n{}",
            entry.id,
            entry_markdown(entry, "##", Reader::Maintainer)
        );
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn codes(entry: &Entry) -> Vec<&str> {
    let mut codes: Vec<&str> = entry.codes().collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// An entry as Markdown, its title at heading level `h` (`#` or `##`), sections one below.
/// Placeholders are shown as `<name>` where no default fills them.
fn entry_markdown(entry: &Entry, h: &str, reader: Reader) -> String {
    let shown = placeholders_shown(entry);
    let fill = |t: &crate::kb::Template| t.fill(&shown, &entry.defaults).into_owned();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{h} {}\n\n`{}`: {}\n",
        fill(&entry.title),
        entry.id,
        entry.summary
    );
    let codes = codes(entry);
    if !codes.is_empty() {
        let _ = writeln!(out, "Error codes: {}\n", codes.join(", "));
    }
    let _ = writeln!(out, "{h}# Trigger\n");
    for m in &entry.matchers {
        let _ = writeln!(out, "- {}", m.describe());
    }
    out.push('\n');
    if let Some(brief) = entry
        .brief
        .as_ref()
        .filter(|_| reader == Reader::Maintainer)
    {
        let _ = writeln!(
            out,
            "{h}# In brief (the default output)\n\n{}\n",
            fill(brief).trim()
        );
    }
    let _ = writeln!(out, "{h}# Why\n\n{}\n", fill(&entry.explanation).trim_end());
    if let Some(sync) = &entry.sync {
        let _ = writeln!(out, "{h}# In sync Rust\n\n{}\n", fill(sync).trim_end());
    }
    if let Some(rustc) = entry
        .rustc
        .as_ref()
        .filter(|_| reader == Reader::Maintainer)
    {
        let _ = writeln!(
            out,
            "{h}# rustc's own help ({})\n\n{}\n",
            rustc.verdict.as_str(),
            fill(&rustc.note).trim_end()
        );
    }
    if !entry.fixes.is_empty() {
        let _ = writeln!(out, "{h}# Fixes, best first\n");
        for (i, fix) in entry.fixes.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, fill(&fix.title));
            if let Some(code) = &fix.code {
                let _ = writeln!(out, "\n```rust\n{}\n```", fill(code).trim_end());
            }
            out.push('\n');
        }
    }
    if !entry.links.is_empty() {
        let _ = writeln!(out, "{h}# Read more\n");
        for link in &entry.links {
            let _ = writeln!(out, "- {}: <{}>", link.title, link.url);
        }
        out.push('\n');
    }
    if !entry.crates.is_empty() {
        let _ = writeln!(out, "{h}# Crates that help\n");
        for krate in &entry.crates {
            let item = krate
                .item
                .as_deref()
                .map(|i| format!(" (`{i}`)"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- `{}`{item}: {} <{}>",
                krate.name, krate.when, krate.url
            );
        }
        out.push('\n');
    }
    out
}

fn title(entry: &Entry) -> String {
    entry
        .title
        .fill(&placeholders_shown(entry), &entry.defaults)
        .into_owned()
}

/// Where no match supplies captures, show each placeholder by name.
fn placeholders_shown(entry: &Entry) -> Captures {
    entry
        .known_placeholders()
        .into_iter()
        .filter(|name| !entry.defaults.contains_key(name))
        .map(|name| {
            let shown = format!("<{name}>");
            (name, shown)
        })
        .collect()
}
