//! Adding a feature to a dependency of `Cargo.toml` (`tokio = "1"` becomes
//! `tokio = { version = "1", features = ["macros"] }`), keeping the rest of the file as written.
//! Only the inline forms are edited; a `[dependencies.tokio]` table gives no edit.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::Replacement;

#[derive(Deserialize)]
struct Manifest {
    #[serde(default)]
    dependencies: BTreeMap<String, Spanned<toml::Value>>,
}

pub fn add_feature(text: &str, dependency: &str, feature: &str) -> Option<Vec<Replacement>> {
    let manifest: Manifest = toml::from_str(text).ok()?;
    let value = manifest.dependencies.get(dependency)?;
    let range = value.span();
    let written = text.get(range.clone())?.trim_start();
    let new = match value.get_ref() {
        toml::Value::String(version) if written.starts_with('"') => {
            format!(
                "{{ version = {}, features = [{}] }}",
                quote(version),
                quote(feature)
            )
        }
        toml::Value::Table(table) if written.starts_with('{') => {
            let features: Vec<&str> = match table.get("features") {
                Some(toml::Value::Array(list)) => list.iter().filter_map(|v| v.as_str()).collect(),
                None => Vec::new(),
                Some(_) => return None,
            };
            if features.iter().any(|f| *f == feature || *f == "full") {
                return None;
            }
            let mut parts: Vec<String> = table
                .iter()
                .filter(|(k, _)| *k != "features")
                .map(|(k, v)| format!("{k} = {v}"))
                .collect();
            let mut all: Vec<String> = features.iter().map(|f| quote(f)).collect();
            all.push(quote(feature));
            parts.push(format!("features = [{}]", all.join(", ")));
            format!("{{ {} }}", parts.join(", "))
        }
        _ => return None,
    };
    Some(vec![Replacement { range, text: new }])
}

fn quote(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(text: &str, feature: &str) -> Option<String> {
        let r = add_feature(text, "tokio", feature)?;
        let mut out = text.to_owned();
        out.replace_range(r[0].range.clone(), &r[0].text);
        Some(out)
    }

    #[test]
    fn features_are_added_to_the_inline_forms() {
        assert_eq!(
            edited("[dependencies]\ntokio = \"1\"\n", "macros").unwrap(),
            "[dependencies]\ntokio = { version = \"1\", features = [\"macros\"] }\n"
        );
        assert_eq!(
            edited(
                "[dependencies]\ntokio = { version = \"1\", features = [\"rt\"] }\n",
                "macros"
            )
            .unwrap(),
            "[dependencies]\ntokio = { version = \"1\", features = [\"rt\", \"macros\"] }\n"
        );
        assert!(
            edited(
                "[dependencies]\ntokio = { version = \"1\", features = [\"full\"] }\n",
                "net"
            )
            .is_none()
        );
        assert!(edited("[dependencies.tokio]\nversion = \"1\"\n", "net").is_none());
    }
}
