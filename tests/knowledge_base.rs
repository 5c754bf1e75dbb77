//! Tests over the knowledge-base data itself (every problem reported at once), and over the
//! loader's errors for malformed entries: each names the file, the line and what is wrong.

mod common;

use cargo_async_explain::kb::{Kb, KbBuilder, SourceFile};
use common::{fixtures, kb};

#[test]
fn every_shipped_entry_loads() {
    // Loading checks: id = file name, regexes compile, placeholders exist, links are https,
    // `supersedes` targets exist. `kb()` lists every problem at once.
    let kb = kb();
    assert!(!kb.entries().is_empty());
}

#[test]
fn every_entry_has_a_fixture_that_expects_it() {
    let kb = kb();
    let fixtures = fixtures();
    let orphans: Vec<&str> = kb
        .entries()
        .iter()
        .map(|e| e.id.as_str())
        .filter(|id| !fixtures.iter().any(|f| f.expect.iter().any(|x| x == id)))
        .collect();
    assert!(
        orphans.is_empty(),
        "entries no fixture expects: {orphans:?}"
    );
}

#[test]
fn every_expected_id_is_an_entry() {
    let kb = kb();
    let unknown: Vec<String> = fixtures()
        .iter()
        .flat_map(|f| f.expect.iter().map(move |id| (f.name.clone(), id.clone())))
        .filter(|(_, id)| kb.get(id).is_none())
        .map(|(fixture, id)| format!("{fixture}: {id}"))
        .collect();
    assert!(
        unknown.is_empty(),
        "fixtures expect ids that are no entry: {unknown:?}"
    );
}

#[test]
fn every_entry_has_fixes_and_links_and_a_one_line_summary() {
    let kb = kb();
    let mut problems = Vec::new();
    for e in kb.entries() {
        if e.fixes.is_empty() {
            problems.push(format!("{}: no [[fix]]", e.id));
        }
        if e.links.is_empty() {
            problems.push(format!("{}: no [[link]]", e.id));
        }
        if e.summary.contains('\n') || e.summary.is_empty() {
            problems.push(format!("{}: summary must be one line", e.id));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every documentation link, listed so that a change to the set shows in review; `cargo xtask
/// links` checks that each resolves (it needs the network, so CI does not run it).
#[test]
fn documentation_links_are_listed() {
    let kb = kb();
    let mut links: Vec<String> = kb
        .entries()
        .iter()
        .flat_map(|e| {
            e.links
                .iter()
                .map(|l| l.url.clone())
                .chain(e.crates.iter().map(|c| c.url.clone()))
        })
        .collect();
    links.sort();
    links.dedup();
    assert!(links.iter().all(|l| l.starts_with("https://")));
    insta::assert_snapshot!("links", links.join("\n"));
}

#[test]
fn docs_knowledge_base_md_is_generated_from_the_data() {
    let generated = cargo_async_explain::catalogue::index_markdown(&kb());
    let path = common::repo().join("docs/knowledge-base.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/knowledge-base.md is stale: run `UPDATE_DOCS=1 cargo test --test knowledge_base`"
    );
}

#[test]
fn every_edit_operation_is_documented_for_entry_authors() {
    let readme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge-base/README.md"),
    )
    .unwrap();
    let undocumented: Vec<&str> = cargo_async_explain::edit::Op::NAMES
        .iter()
        .copied()
        .filter(|name| !readme.contains(&format!("`{name}`")))
        .collect();
    assert!(
        undocumented.is_empty(),
        "edit operations missing from knowledge-base/README.md: {undocumented:?}"
    );
}

#[test]
fn every_shipped_regex_compiles_within_its_size_limits() {
    let kb = kb();
    let mut failed = Vec::new();
    for entry in kb.entries() {
        for m in entry.matchers.iter().chain(&entry.cascades) {
            for p in m.patterns().chain(&m.not) {
                if let Err(e) = p.compile() {
                    failed.push(format!("{}: {e}", entry.id));
                }
            }
        }
    }
    assert!(failed.is_empty(), "{failed:?}");
}

#[test]
fn every_matcher_names_a_code_or_a_literal_so_the_prefilter_stays_cheap() {
    let kb = kb();
    let loose: Vec<String> = kb
        .entries()
        .iter()
        .flat_map(|e| e.matchers.iter().chain(&e.cascades).map(move |m| (e, m)))
        .filter(|(_, m)| m.codes.is_empty() && m.needles().is_none())
        .map(|(e, m)| format!("{}: {}", e.id, m.describe()))
        .collect();
    assert!(
        loose.is_empty(),
        "matchers without a code or literal: {loose:?}"
    );
}

fn load(name: &str, text: &str) -> Result<Kb, Vec<String>> {
    let mut builder = KbBuilder::default();
    builder.add(SourceFile {
        name: format!("kb/{name}.toml"),
        text: text.to_owned(),
    });
    builder
        .build()
        .map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

const GOOD: &str = r#"id = "demo-entry"
title = "title about `${binding}`"
summary = "one line"
explanation = "why `${binding}`"

[[matcher]]
message = "cannot be sent"
label = [{ regex = '''with `(?<binding>\w+)` maybe''' }]

[[fix]]
title = "fix it"

[[link]]
title = "docs"
url = "https://example.org/"
"#;

#[test]
fn a_good_entry_loads() {
    let kb = load("demo-entry", GOOD).unwrap();
    assert_eq!(kb.entries()[0].id, "demo-entry");
}

#[test]
fn load_errors_name_file_line_and_problem() {
    let cases = [
        (
            "id-mismatch",
            GOOD.to_owned(),
            "kb/id-mismatch.toml:1:6: id `demo-entry` must equal the file name `id-mismatch`",
        ),
        (
            "demo-entry",
            GOOD.replace("\\w+)` maybe", "\\w+` maybe"),
            "kb/demo-entry.toml:8:10: invalid regex: error: unclosed group",
        ),
        (
            "demo-entry",
            GOOD.replace("https://example.org/", "http://example.org/"),
            "kb/demo-entry.toml:15:7: `http://example.org/` is not an https URL",
        ),
        (
            "demo-entry",
            GOOD.replace("why `${binding}`", "why `${other}`"),
            "kb/demo-entry.toml:4:15: placeholder `${other}` is not captured by every matcher",
        ),
        (
            "demo-entry",
            GOOD.replace(
                "summary = \"one line\"",
                "summary = \"one line\"\ncolour = 1",
            ),
            "kb/demo-entry.toml:4:1: unknown field `colour`",
        ),
        (
            "demo-entry",
            GOOD.replace("title = \"fix it\"", "title = \"fix it\"\nat = \"nowhere\""),
            "kb/demo-entry.toml:12:6: `at = \"nowhere\"` is unknown",
        ),
        (
            "demo-entry",
            GOOD.replace("[[matcher]]\n", "supersedes = [\"missing\"]\n[[matcher]]\n"),
            "`supersedes` names `missing`, which is not an entry",
        ),
        (
            "demo-entry",
            GOOD.replace(
                "message = \"cannot be sent\"\nlabel",
                "level = [\"error\"]\nlabels",
            ),
            "unknown field `labels`",
        ),
        (
            "demo-entry",
            GOOD.replace("message = \"cannot be sent\"\n", "").replace(
                "label = [{ regex = '''with `(?<binding>\\w+)` maybe''' }]\n",
                "level = [\"error\"]\n",
            ),
            "kb/demo-entry.toml:6:1: a matcher needs a `code`, `message`, `child` or `label` condition",
        ),
        (
            "demo-entry",
            "id = \"demo-entry\"\ntitle = [".to_owned(),
            "kb/demo-entry.toml:2:",
        ),
    ];
    for (name, text, expected) in cases {
        let errors = load(name, &text).expect_err(expected);
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "expected an error containing {expected:?}, got {errors:?}"
        );
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut builder = KbBuilder::default();
    for name in ["one", "two"] {
        builder.add(SourceFile {
            name: format!("kb/{name}.toml"),
            text: GOOD.to_owned(),
        });
    }
    let errors = builder.build().expect_err("both ids are wrong");
    assert_eq!(errors.len(), 2, "{errors:?}");
}

#[test]
fn a_directory_entry_overrides_an_embedded_one_with_the_same_id() {
    let dir = std::env::temp_dir().join(format!("async-explain-kb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let first = kb().entries()[0].id.clone();
    std::fs::write(
        dir.join(format!("{first}.toml")),
        GOOD.replace("demo-entry", &first)
            .replace("title about", "overridden"),
    )
    .unwrap();
    let kb = Kb::builder().embedded().dir(&dir).build().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let title = kb
        .get(&first)
        .unwrap()
        .title
        .fill(&Default::default(), &Default::default())
        .into_owned();
    assert!(title.starts_with("overridden"), "{title}");
}
